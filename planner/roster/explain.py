"""Name the hard rules behind an infeasible roster model.

Every hard rule (including fixed assignments and allowed-mode
restrictions) is guarded by an assumption literal named after its tag.
The solver's sufficient set of assumptions is then shrunk by deletion to
a minimal conflicting set.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from ortools.sat.python import cp_model

from planner.roster.cpsat import Builder
from planner.roster.model import RosterModel


def _check(
    builder: Builder, tags: Sequence[str], time_limit: float
) -> tuple[bool, Any]:
    # Presolve off: it can report cores over non-assumption literals.
    builder.cp.clear_assumptions()
    builder.cp.add_assumptions([builder.guards[t] for t in tags])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.cp_model_presolve = False
    solver.parameters.max_time_in_seconds = time_limit

    code = solver.solve(builder.cp)
    return code == cp_model.INFEASIBLE, solver


def explain_infeasibility(
    model: RosterModel,
    time_limit: float = 10.0,
    budget: float | None = None,
) -> list[str]:
    """Name a minimal set of hard rules that cannot hold together.

    Every hard rule (including fixed assignments and allowed-mode
    restrictions) is guarded by an assumption literal. The solver's
    sufficient set of assumptions is shrunk by deletion: a rule is
    dropped whenever the rest is still infeasible.

    Parameters
    ----------
    model : RosterModel
        The problem.
    time_limit : float
        Seconds allowed for each feasibility check.
    budget : float, optional
        Seconds for the whole explanation; when they run out, the set
        found so far is returned: it still conflicts, but may not be
        minimal.

    Returns
    -------
    list of str
        Tags of the conflicting rules; empty when the model is feasible
        (or feasibility could not be decided in time).
    """
    deadline = None if budget is None else time.monotonic() + budget
    builder = Builder(model, assumptions=True)
    builder.build(objective=False)
    tags = list(builder.guards)
    infeasible, solver = _check(builder, tags, time_limit)
    if not infeasible:
        return []

    core = _initial_core(builder, tags, solver, time_limit)
    for tag in list(core):
        if tag not in core:
            continue
        if deadline is not None and time.monotonic() > deadline:
            break
        rest = [t for t in core if t != tag]
        still, solver = _check(builder, rest, time_limit)
        if still:
            # The solver's own core of the rest is often much smaller.
            core = _refine(builder, rest, solver)
    return core


def _refine(builder: Builder, rest: list[str], solver: Any) -> list[str]:
    """The rules of ``rest`` in the solver's last core, if it named any."""
    named = set(solver.sufficient_assumptions_for_infeasibility())
    inside = [t for t in rest if builder.guards[t].index in named]
    return inside or rest


def _initial_core(
    builder: Builder, tags: list[str], solver: Any, time_limit: float
) -> list[str]:
    # Trust the solver's core only after checking it.
    by_index = {builder.guards[t].index: t for t in tags}
    indices = solver.sufficient_assumptions_for_infeasibility()
    core = [by_index[i] for i in indices if i in by_index]
    if core and _check(builder, core, time_limit)[0]:
        return core
    return tags
