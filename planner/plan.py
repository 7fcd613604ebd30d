"""Planning: build one model per unit, solve them in parallel, read back.

Units share no rule, so each is solved alone; the total optimum is the
sum of the units' optima. CP-SAT releases the interpreter while it
searches, so units run in threads, as many at once as there are cores.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models import EmployeeId, Unit, Workforce
from planner.build import (
    ABSENT,
    FLEXIBLE,
    HOLIDAY,
    OFFICE,
    SPLIT,
    PlanInput,
    UnitModel,
    build_unit,
    kind_of,
)
from planner.calendar import plan_period
from planner.check import load
from planner.eligibility import assess
from planner.policy import EffectivePolicy
from planner.result import (
    WISH_KINDS,
    Assignment,
    DayCoverage,
    DayMode,
    PaidPenalty,
    PersonWeek,
    Plan,
    UnitPlan,
    UnitStatus,
)
from planner.roster import RosterSolution, explain_infeasibility, solve
from planner.roster.blocks import solve_in_blocks

# Measured on the 2-core machine with the province example (see
# benchmarks/README.md), one model per core: 3-4 workers a model planned
# the month in 7.9-9.4 s, 6-8 workers in 9.4-10.5 s, 2 workers in
# 10.5-11 s, and one model at a time with 8 workers in 10.4-10.7 s. The
# portfolio still closes the gap of the harder units soonest.
WORKERS_PER_UNIT = 4
# Unit models are small and their linear relaxation is tight: one round
# of presolve without probing or symmetry detection costs less than it
# saves. Measured on the province (benchmarks/README.md): CP-SAT time
# of a week 1.5 s -> 0.9 s, of a month 12.7 s -> 9.5 s.
CPSAT_PARAMETERS: dict[str, Any] = {
    "max_presolve_iterations": 1,
    "cp_model_probing_level": 0,
    "symmetry_level": 0,
}
EXPLAIN_SECONDS = 10.0
MINIMUM_SECONDS = 0.05

Progress = Callable[[UnitPlan, int, int], None]
"""Called with a unit's plan, units done and units in all, as each ends."""


@dataclass(frozen=True)
class SolveOptions:
    """How hard to search.

    Attributes
    ----------
    time_limit
        Seconds for the whole run; ``None`` for no limit.
    workers
        CP-SAT workers per unit model.
    parallel
        Unit models solved at once; defaults to the cores.
    log
        Print CP-SAT's search log.
    parameters
        Further CP-SAT parameters by name, for every unit model.
    """

    time_limit: float | None = None
    workers: int = WORKERS_PER_UNIT
    parallel: int | None = None
    log: bool = False
    parameters: Mapping[str, Any] = field(default_factory=dict)


def plan(
    data: PlanInput,
    options: SolveOptions | None = None,
    progress: Progress | None = None,
) -> list[UnitPlan]:
    """Plan every unit of a workforce.

    Parameters
    ----------
    data
        The validated input, policy, eligibility and period.
    options
        Time limit and parallelism.
    progress
        Called as each unit finishes.

    Returns
    -------
    list of UnitPlan
        One plan per unit, in workbook order.
    """
    options = options or SolveOptions()
    deadline = (
        None
        if options.time_limit is None
        else time.monotonic() + options.time_limit
    )
    parallel = options.parallel or os.cpu_count() or 1
    units = list(data.workforce.units)
    done = itertools.count(1)

    def run(unit: Unit) -> UnitPlan:
        result = plan_unit(data, unit, options, deadline)
        if progress is not None:
            progress(result, next(done), len(units))
        return result

    if parallel == 1 or len(units) == 1:
        return [run(unit) for unit in units]
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        return list(pool.map(run, units))


def plan_unit(
    data: PlanInput,
    unit: Unit,
    options: SolveOptions,
    deadline: float | None = None,
) -> UnitPlan:
    """Build, solve and read back the plan of one unit."""
    built = build_unit(data, unit)
    if not built.members or not built.dates:
        return _read_back(data, built, None)
    if built.findings:
        result = _read_back(data, built, None)
        result.findings = built.findings
        return result

    limit = _remaining(deadline)
    hint = _hint(data, built)
    parameters = {**CPSAT_PARAMETERS, **options.parameters}
    weeks = _week_blocks(built)
    if len(weeks) > 1:
        solution = solve_in_blocks(
            built.model,
            weeks,
            time_limit=limit,
            workers=options.workers,
            hint=hint or None,
            log=options.log,
            parameters=parameters,
        )
    else:
        solution = solve(
            built.model,
            time_limit=limit,
            workers=options.workers,
            hint=hint or None,
            log=options.log,
            parameters=parameters,
        )
    result = _read_back(data, built, solution)
    if solution.status == "infeasible":
        left = _remaining(deadline)
        seconds = (
            EXPLAIN_SECONDS if left is None else min(EXPLAIN_SECONDS, left)
        )
        tags = explain_infeasibility(
            built.model, time_limit=seconds, budget=seconds
        )
        result.conflicts = [built.tags[t] for t in tags if t in built.tags]
    return result


def _week_blocks(built: UnitModel) -> list[list[int]]:
    """The model's days grouped by calendar week, as day indices."""
    weeks: dict[dt.date, list[int]] = {}
    for index, date in enumerate(built.dates):
        monday = date - dt.timedelta(days=date.weekday())
        weeks.setdefault(monday, []).append(index)
    return list(weeks.values())


def _remaining(deadline: float | None) -> float | None:
    """Seconds left before the deadline.

    A unit reached after the deadline still gets a moment, so that an
    easy unit is planned rather than skipped; kept short, so that a
    time limit is overrun by little even with many units left.
    """
    if deadline is None:
        return None
    return max(MINIMUM_SECONDS, deadline - time.monotonic())


def _hint(data: PlanInput, built: UnitModel) -> dict[tuple[str, int], str]:
    """The previous roster as a starting point for the search."""
    hint = {}
    for (nip, day), kind in data.previous.items():
        if day in built.dates and kind in (OFFICE, FLEXIBLE, SPLIT):
            # Ramadan days have modes of their own (``office~390``).
            mode = built.mode_name(kind, day)
            if mode in built.model.mode_names:
                hint[nip, built.day(day)] = mode
    return hint


_STATUS = {
    "optimal": UnitStatus.OPTIMAL,
    "feasible": UnitStatus.FEASIBLE,
    "infeasible": UnitStatus.INFEASIBLE,
    "unknown": UnitStatus.UNKNOWN,
}


def _read_back(
    data: PlanInput, built: UnitModel, solution: RosterSolution | None
) -> UnitPlan:
    """Turn a roster solution into the unit's plan in the users' terms."""
    if solution is None:
        status = (
            UnitStatus.INFEASIBLE if built.findings else UnitStatus.OPTIMAL
        )
        result = UnitPlan(built.unit.name, status, model=built.model)
        if not built.findings:
            result.objective = result.bound = 0
            result.solver_objective = 0
            result.assignments = _assignments(data, built, {})
        return result

    result = UnitPlan(
        built.unit.name,
        _STATUS[solution.status],
        wishes=sum(1 for i in built.tags.values() if i.kind in WISH_KINDS),
        requested_days=sum(
            float(str(i.values["days"]))
            for i in built.tags.values()
            if i.kind == "requested"
        ),
        objective=solution.objective,
        bound=solution.best_bound,
        solver_objective=solution.solver_objective,
        wall_time=solution.wall_time,
        model=built.model,
        roster=dict(solution.assignment),
    )
    if not solution.has_solution:
        return result

    result.assignments = _assignments(data, built, solution.assignment)
    result.coverage = _coverage(built, solution.assignment)
    result.weeks = _weeks(data, built, result.assignments)
    result.penalties = [
        PaidPenalty(built.tags[p.tag], p.amount, p.cost)
        for p in solution.penalties
        if p.cost > 0 and p.tag in built.tags
    ]
    return result


def _assignments(
    data: PlanInput,
    built: UnitModel,
    roster: Mapping[tuple[str, int], str],
) -> list[Assignment]:
    """Every member on every calendar day of the period."""
    modes = {mode.name: mode for mode in built.model.modes}
    holidays = data.period.holidays
    out = []
    for person in built.members:
        for day in data.period.dates:
            if day not in built.dates:
                out.append(Assignment(person.nip, day, DayMode.OFF))
                continue
            name = roster.get((person.nip, built.day(day)))
            if name is None:
                out.append(_without_roster(data, person.nip, day))
                continue
            mode = modes[name]
            kind = DayMode(kind_of(name))
            note = ""
            if kind is DayMode.HOLIDAY:
                note = holidays.get(day, "")
            elif kind is DayMode.ABSENT:
                note = _absence_label(data, person.nip, day)
            out.append(
                Assignment(
                    person.nip,
                    day,
                    kind,
                    mode.minutes_on_site / 60,
                    mode.away_minutes / 60,
                    note,
                )
            )
    return out


def _without_roster(
    data: PlanInput, nip: EmployeeId, day: dt.date
) -> Assignment:
    """A day of a unit that has no roster: only what is known."""
    if day in data.period.holidays:
        return Assignment(
            nip, day, DayMode.HOLIDAY, note=data.period.holidays[day]
        )
    label = _absence_label(data, nip, day)
    if label:
        return Assignment(nip, day, DayMode.ABSENT, note=label)
    return Assignment(nip, day, DayMode.OFFICE)


def _absence_label(data: PlanInput, nip: EmployeeId, day: dt.date) -> str:
    """The kind of a person's absence on a day, or ``""``."""
    for absence in data.workforce.absences_of.get(nip, ()):
        if absence.covers(day):
            return absence.label
    return ""


def _coverage(
    built: UnitModel, roster: Mapping[tuple[str, int], str]
) -> list[DayCoverage]:
    """Coverage of every day the rule applies."""
    out = []
    for day, required in built.required.items():
        index = built.day(day)
        onsite = sum(
            1
            for person in built.members
            if kind_of(roster[person.nip, index]) in (OFFICE, SPLIT)
        )
        out.append(
            DayCoverage(
                day, built.present[day], required, onsite, built.capacity
            )
        )
    return out


def _weeks(
    data: PlanInput, built: UnitModel, assignments: list[Assignment]
) -> list[PersonWeek]:
    """Hours and flexible days of every member in every week."""
    policy = data.policy
    totals: dict[tuple[str, dt.date], list[float]] = {}
    for item in assignments:
        monday = item.date - dt.timedelta(days=item.date.weekday())
        entry = totals.setdefault((item.nip, monday), [0.0, 0.0, 0.0])
        entry[0] += item.office_hours
        entry[1] += item.flexible_hours
        entry[2] += {DayMode.FLEXIBLE: 1.0, DayMode.SPLIT: 0.5}.get(
            item.mode, 0.0
        )
    out = []
    for (nip, monday), (office, flexible, days) in totals.items():
        required = built.required_minutes.get((nip, monday))
        out.append(
            PersonWeek(
                nip,
                monday,
                round(office, 2),
                round(flexible, 2),
                None if required is None else round(required / 60, 2),
                days,
                policy.max_flexible_days_per_week,
            )
        )
    return out


def plan_workbook(
    path: Path | str,
    week: dt.date,
    weeks: int = 1,
    policy: str | None = None,
    previous: Mapping[tuple[EmployeeId, dt.date], str] | None = None,
    options: SolveOptions | None = None,
    soft_coverage: bool = False,
    progress: Progress | None = None,
    lang: str = "id",
) -> Plan:
    """Read a workbook and plan it: the whole job in one call.

    Parameters
    ----------
    path
        The input workbook or CSV folder.
    week
        The Monday the plan starts on.
    weeks
        How many weeks to plan.
    policy
        A preset name or a TOML policy file; the default preset when
        ``None``.
    previous
        A previous roster, ``(nip, date) -> mode``, to stay close to.
    options
        Time limit and parallelism.
    soft_coverage
        Return the best roster even when coverage cannot be met, with
        each shortfall reported.
    progress
        Called as each unit finishes.
    lang
        Language of holiday names.

    Raises
    ------
    InputError
        When the workbook or policy has errors.
    """
    started = time.perf_counter()
    workforce, effective, _ = load(path, policy)
    result = plan_workforce(
        workforce,
        effective,
        week,
        weeks,
        previous,
        options,
        soft_coverage,
        progress,
        lang,
    )
    result.wall_time = time.perf_counter() - started
    return result


def plan_workforce(
    workforce: Workforce,
    effective: EffectivePolicy,
    week: dt.date,
    weeks: int = 1,
    previous: Mapping[tuple[EmployeeId, dt.date], str] | None = None,
    options: SolveOptions | None = None,
    soft_coverage: bool = False,
    progress: Progress | None = None,
    lang: str = "id",
) -> Plan:
    """Plan a workforce already read, under an effective policy.

    The parameters are those of :func:`plan_workbook`; scenarios use this
    to read a workbook once and plan it under several policies.
    """
    started = time.perf_counter()
    data = plan_input(
        workforce, effective, week, weeks, previous, soft_coverage, lang
    )
    units = plan(data, options, progress)
    return Plan(
        workforce,
        effective,
        dict(data.eligibility),
        data.period,
        units,
        time.perf_counter() - started,
    )


def plan_input(
    workforce: Workforce,
    effective: EffectivePolicy,
    week: dt.date,
    weeks: int = 1,
    previous: Mapping[tuple[EmployeeId, dt.date], str] | None = None,
    soft_coverage: bool = False,
    lang: str = "id",
) -> PlanInput:
    """Everything :func:`plan_unit` needs: eligibility and the period.

    The parameters are those of :func:`plan_workforce`; scenarios use
    this to plan the units of every policy in one pool.
    """
    period = plan_period(week, weeks, effective.policy, lang)
    return PlanInput(
        workforce,
        effective.policy,
        assess(workforce, effective.policy),
        period,
        previous or {},
        soft_coverage,
    )


__all__ = [
    "ABSENT",
    "HOLIDAY",
    "SolveOptions",
    "plan",
    "plan_input",
    "plan_unit",
    "plan_workbook",
    "plan_workforce",
]
