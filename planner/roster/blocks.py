"""Solving a long horizon block by block, with a proof or a fallback.

Most rules of a month-long roster live within one week: covers, weekly
totals, team days, balances, requests. Only a few link the weeks (a
target over the whole period, runs across a weekend). Each block of
days is solved alone with the rules that lie inside it, and with the
linking runs, successions and weekend limits cut to the block, which
the whole roster must keep anyway. Every block model is therefore a
relaxation of its part of the whole, and the sum of the block optima is
a lower bound on the whole optimum. When the joined roster keeps every
rule and pays nothing for the linking rules, it reaches that bound and
is proven optimal; otherwise the whole model is solved, with the joined
roster as its hint. The result is exact either way.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from planner.roster.cpsat import solve
from planner.roster.evaluate import evaluate
from planner.roster.model import (
    Balance,
    CommonDays,
    Cover,
    Day,
    Fixed,
    ForbiddenSuccession,
    ModeName,
    Request,
    RosterModel,
    Rule,
    Runs,
    Slot,
    Total,
    Weekends,
)
from planner.roster.solution import Assignment, RosterSolution


def solve_in_blocks(
    model: RosterModel,
    blocks: Sequence[Sequence[Day]],
    *,
    time_limit: float | None = None,
    workers: int | None = None,
    hint: Mapping[Slot, ModeName] | None = None,
    log: bool = False,
    parameters: Mapping[str, Any] | None = None,
) -> RosterSolution:
    """Solve ``model`` block by block when that is provably optimal.

    Parameters
    ----------
    model : RosterModel
        The whole problem.
    blocks : sequence of sequences of int
        Disjoint runs of consecutive days that cover the horizon, e.g.
        its weeks.
    time_limit, workers, hint, log, parameters
        As for :func:`planner.roster.solve`; the time limit covers the
        blocks and, when needed, the whole model.

    Returns
    -------
    RosterSolution
        Proven optimal from the blocks, or the whole model's solution.
    """
    _check_blocks(model, blocks)
    started = time.monotonic()
    joined: Assignment = {}
    bound = 0
    proven = True
    for days in blocks:
        part = block_model(model, days)
        local = {
            (p, i): hint[p, d]
            for i, d in enumerate(days)
            for p in model.people
            if hint and (p, d) in hint
        }
        solution = solve(
            part,
            time_limit=_left(time_limit, started),
            workers=workers,
            hint=local or None,
            log=log,
            parameters=parameters,
            # The joined roster is scored as a whole below.
            rescore=False,
        )
        if solution.status == "infeasible":
            # A block model is a relaxation: the whole has no roster.
            return RosterSolution(
                "infeasible", wall_time=time.monotonic() - started
            )
        if not solution.has_solution or solution.best_bound is None:
            proven = False
            break
        proven = proven and solution.status == "optimal"
        bound += solution.best_bound
        for (person, index), mode in solution.assignment.items():
            joined[person, days[index]] = mode

    if proven and len(joined) == len(model.people) * model.days:
        evaluation = evaluate(model, joined)
        if not evaluation.violations and evaluation.objective == bound:
            return RosterSolution(
                "optimal",
                assignment=joined,
                objective=bound,
                solver_objective=bound,
                best_bound=bound,
                wall_time=time.monotonic() - started,
                penalties=evaluation.penalties,
            )

    whole = solve(
        model,
        time_limit=_left(time_limit, started),
        workers=workers,
        hint=joined or hint,
        log=log,
        parameters=parameters,
    )
    whole.wall_time = time.monotonic() - started
    return whole


def _left(time_limit: float | None, started: float) -> float | None:
    """Seconds left of the time limit, at least a moment."""
    if time_limit is None:
        return None
    return max(0.05, time_limit - (time.monotonic() - started))


def _check_blocks(model: RosterModel, blocks: Sequence[Sequence[Day]]) -> None:
    days = [d for block in blocks for d in block]
    if sorted(days) != list(range(model.days)):
        raise ValueError("Blocks must cover every day exactly once.")
    for block in blocks:
        if list(block) != list(range(block[0], block[0] + len(block))):
            raise ValueError("A block must be a run of consecutive days.")


def block_model(model: RosterModel, days: Sequence[Day]) -> RosterModel:
    """The rules of ``model`` that concern ``days`` alone, renumbered.

    Rules that lie within the block are kept as they are; runs,
    successions and weekend limits are cut to the block, which the
    whole roster keeps anyway; other rules that reach outside it are
    left out. The result is a relaxation of the block's part of
    ``model``.
    """
    index = {day: i for i, day in enumerate(days)}
    labels = (
        tuple(model.day_labels[d] for d in days) if model.day_labels else ()
    )
    part = RosterModel(model.people, len(days), model.modes, day_labels=labels)
    # Restrictions and rules come from a checked model with the same
    # people and modes, renumbered onto the block's days.
    part.allowed.update(
        ((person, index[day]), modes)
        for (person, day), modes in model.allowed.items()
        if day in index
    )
    for rule in model.rules():
        cut = _cut(rule, index)
        if cut is not None:
            part.add(cut, check=False)
    return part


def _cut(rule: Rule, index: Mapping[Day, int]) -> Rule | None:
    """``rule`` renumbered to the block, cut to it, or None."""
    if isinstance(rule, Cover | Fixed | Request):
        if rule.day not in index:
            return None
        return replace(rule, day=index[rule.day])
    if isinstance(rule, Total | CommonDays | Balance):
        if not all(d in index for d in rule.days):
            return None
        return replace(rule, days=tuple(index[d] for d in rule.days))
    if isinstance(rule, Runs):
        return _cut_runs(rule, index)
    if isinstance(rule, Weekends):
        inside = tuple(
            tuple(index[d] for d in weekend)
            for weekend in rule.weekends
            if all(d in index for d in weekend)
        )
        return replace(rule, weekends=inside) if inside else None
    if isinstance(rule, ForbiddenSuccession):
        return rule
    raise ValueError(f"Unknown rule type {type(rule).__name__}.")


def _cut_runs(rule: Runs, index: Mapping[Day, int]) -> Runs | None:
    # Kept only where the block's days form one stretch of the rule's
    # sequence: every run inside the block is then a run of the whole.
    if rule.days:
        order = list(rule.days)
        inside = [d for d in order if d in index]
        if not inside:
            return None
        first = order.index(inside[0])
        if order[first : first + len(inside)] != inside:
            return None
    else:
        inside = sorted(index)
        first = inside[0]
    before = rule.before if first == 0 else 0
    return replace(rule, days=tuple(index[d] for d in inside), before=before)
