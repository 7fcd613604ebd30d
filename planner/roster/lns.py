"""Large neighbourhood search around the CP-SAT roster model.

CP-SAT's own neighbourhoods are generic. Rosters have a natural
structure instead: cover couples everybody on a day, contracts couple a
person's days. After an ordinary solve has found a first roster, this
search repeatedly frees a block of slots (some days for everybody, some
people for the whole horizon, or a rectangle of both), fixes every other
slot to the incumbent, and lets CP-SAT re-optimise the block.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from planner.roster.cpsat import Builder, FirstSolution, configure, extract
from planner.roster.cpsat import fill as fill_solution
from planner.roster.model import ModeName, RosterModel, Slot
from planner.roster.solution import RosterSolution

# Share of the time limit given to the first, ordinary solve.
FIRST_SHARE = 0.5
# Seconds per neighbourhood: long enough to re-optimise a block, short
# enough for many blocks per minute.
STEP_SECONDS = 3.0
# Workers per neighbourhood: on 2 cores, two workers each get a full
# core, which re-optimises small blocks faster than a wider portfolio.
STEP_WORKERS = 2


@dataclass
class _Search:
    """Incumbent and adaptive neighbourhood size of one search."""

    builder: Builder
    values: list[int]
    objective: int
    bound: int
    size: float
    rng: random.Random


def solve_lns(
    model: RosterModel,
    *,
    time_limit: float,
    workers: int | None = None,
    hint: Mapping[Slot, ModeName] | None = None,
    seed: int = 0,
    log: bool = False,
) -> RosterSolution:
    """Solve ``model``, then improve the roster by neighbourhood search.

    Parameters
    ----------
    model : RosterModel
        The problem.
    time_limit : float
        Total seconds, first solve included.
    workers : int, optional
        CP-SAT workers for the first solve.
    hint : mapping, optional
        A previous ``(person, day) -> mode`` assignment to start from.
    seed : int
        Seed of the neighbourhood choice.
    log : bool
        Print one line per improving neighbourhood.

    Returns
    -------
    RosterSolution
        As :func:`planner.roster.solve`; the bound is the first solve's.
    """
    start = time.monotonic()
    builder = Builder(model, assumptions=False)
    builder.build()
    if hint:
        builder.hint(hint)

    solver = cp_model.CpSolver()
    configure(solver, time_limit * FIRST_SHARE, workers)
    callback = FirstSolution()
    code = solver.solve(builder.cp, callback)
    first = extract(model, builder, solver, code, callback.time)
    if first.status != "feasible":
        return first

    search = _Search(
        builder,
        list(solver.response_proto.solution),
        round(solver.objective_value),
        math.ceil(solver.best_objective_bound - 1e-6),
        0.3 * len(model.people) * model.days,
        random.Random(seed),
    )
    deadline = start + time_limit
    while (
        time.monotonic() < deadline - 0.1 and search.objective > search.bound
    ):
        _step(search, deadline - time.monotonic(), log)
    return _result(model, search, first, time.monotonic() - start)


def _result(
    model: RosterModel,
    search: _Search,
    first: RosterSolution,
    wall: float,
) -> RosterSolution:
    proven = search.objective <= search.bound
    result = RosterSolution(
        "optimal" if proven else "feasible",
        best_bound=search.bound,
        wall_time=wall,
        first_solution_time=first.first_solution_time,
    )
    fill_solution(
        model, search.builder, result, search.values, search.objective
    )
    return result


def _step(search: _Search, remaining: float, log: bool) -> None:
    # One neighbourhood. Grow after a proven or improving step, shrink
    # after a fruitless timeout: large blocks improve most, but only
    # while CP-SAT still makes progress on them within the step.
    free = _neighbourhood(search)
    sub = _restricted(search, free)
    solver = cp_model.CpSolver()
    configure(solver, min(STEP_SECONDS, remaining), STEP_WORKERS)

    code = solver.solve(sub)
    improved = False
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        improved = _accept(search, solver, log, len(free))
    slots = len(search.builder.model.people) * search.builder.model.days
    grow = 1.1 if improved or code == cp_model.OPTIMAL else 0.9
    search.size = min(slots, max(4.0, search.size * grow))


def _accept(search: _Search, solver: Any, log: bool, size: int) -> bool:
    objective = round(solver.objective_value)
    if objective >= search.objective:
        return False
    search.values = list(solver.response_proto.solution)
    search.objective = objective
    if log:
        print(f"lns: {objective} with {size} free slots", flush=True)
    return True


def _neighbourhood(search: _Search) -> set[Slot]:
    # Days for everybody, people for all days, or a rectangle.
    model = search.builder.model
    people = list(model.people)
    size = search.size
    kind = search.rng.choice(("days", "people", "block"))
    if kind == "days":
        width = max(1, round(size / len(people)))
        chosen = people
    elif kind == "people":
        width = model.days
        chosen = search.rng.sample(people, _at_most(size / model.days, people))
    else:
        width = search.rng.randint(1, model.days)
        chosen = search.rng.sample(people, _at_most(size / width, people))

    first = search.rng.randint(0, max(0, model.days - width))
    days = range(first, min(model.days, first + width))
    return {(p, d) for p in chosen for d in days}


def _at_most(count: float, people: list[str]) -> int:
    return max(1, min(len(people), round(count)))


def _restricted(search: _Search, free: set[Slot]) -> Any:
    # Fixing the incumbent's chosen variable of a slot fixes the slot.
    sub = search.builder.cp.clone()
    variables = sub.proto.variables
    for (person, day, _), var in search.builder.x.items():
        if (person, day) not in free and search.values[var.index]:
            variables[var.index].domain[0] = 1

    sub.clear_hints()  # type: ignore[no-untyped-call]
    for index, value in enumerate(search.values):
        sub.add_hint(sub.get_int_var_from_proto_index(index), value)
    return sub
