"""Random tiny units: the planner agrees with brute-force enumeration.

A unit of 2 to 5 people is planned for one or two weeks (from a week
with or without the Tuesday holiday of 5 January 2027) under random
eligibility, absences, coverage share and head count, desks, role cover,
fixed requests, wishes, teams, split days and policy values, with at
most 1024 rosters to enumerate (two weeks are solved week by week when
that is provably optimal, which the comparison checks too).

Every roster of the unit's model is enumerated: each is judged by the
independent checker (``tests/checker.py``) and scored by the roster
layer's evaluator, which shares no code with the CP-SAT builder. Then:

* the checker and the model agree on which rosters are valid (unless
  the planner found the unit impossible before solving);
* either the planner proves a roster optimal, the checker accepts it,
  and no valid roster costs less (the brute-force optimum equals the
  plan's objective, also the solver's value), or the planner says the
  unit is infeasible and no roster passes the checker.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math

from checker import (
    HOLIDAY_MONDAY,
    MONDAY,
    check_plan,
    nip,
    person,
    solve_plan,
    unit_checkers,
)
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from models import (
    Absence,
    Policy,
    Request,
    RoleCover,
    Unit,
    Weekday,
    Workforce,
    WorkMode,
)
from planner.build import kind_of
from planner.roster import evaluate

MAX_ROSTERS = 1024

weekday = st.sampled_from([Weekday(d) for d in range(5)])
weekdays = st.frozensets(weekday, max_size=2)


@st.composite
def workforces(
    draw: st.DrawFn,
) -> tuple[Workforce, Policy, dt.date, int]:
    """A random unit of 2 to 5 people, its policy, Monday and weeks."""
    start = draw(st.sampled_from([MONDAY, HOLIDAY_MONDAY]))
    weeks = draw(st.sampled_from([1, 1, 2]))
    size = draw(st.integers(2, 5))
    team = st.sampled_from(["", "", "A"])
    people = []
    for number in range(1, size + 1):
        office = draw(weekdays)
        people.append(
            person(
                number,
                eligible=draw(st.booleans()),
                roles=draw(st.sampled_from([frozenset(), {"pimpinan"}])),
                team=draw(team),
                requested_flexible_days=draw(st.none() | st.integers(0, 3)),
                preferred_office_days=office,
                preferred_flexible_days=draw(weekdays) - office,
            )
        )
    unit = Unit(
        "U",
        min_onsite_share=draw(st.none() | st.sampled_from([0, 25, 50, 75])),
        min_onsite_people=draw(st.none() | st.integers(0, 3)),
        desk_capacity=draw(st.none() | st.integers(1, 5)),
        direct_service=draw(st.sampled_from([False, False, False, True])),
    )
    # Working days of the period: Monday-Friday of each week.
    day = st.integers(0, 5 * weeks - 1).map(
        lambda n: start + dt.timedelta(days=7 * (n // 5) + n % 5)
    )
    absences = []
    for number in range(1, size + 1):
        if draw(st.integers(0, 3)) == 0:
            first, last = sorted((draw(day), draw(day)))
            absences.append(Absence(nip(number), first, last))
    requests = []
    for _ in range(draw(st.integers(0, 3))):
        dated = draw(st.booleans())
        requests.append(
            Request(
                nip(draw(st.integers(1, size))),
                draw(st.sampled_from(list(WorkMode))),
                date=draw(day) if dated else None,
                weekday=None if dated else draw(weekday),
                required=draw(st.booleans()),
                weight=draw(st.integers(1, 3)),
            )
        )
    covers = ()
    if draw(st.booleans()):
        covers = (RoleCover("U", "pimpinan", draw(st.integers(0, 2))),)
    policy = Policy(
        max_flexible_days_per_week=draw(st.sampled_from([1, 1.5, 2, 3])),
        min_regular_hours_per_week=draw(st.sampled_from([0, 7.5, 22.5])),
        max_consecutive_flexible_days=draw(st.sampled_from([None, 1, 2])),
        organisation_flexible_days=draw(
            st.sampled_from([frozenset(), frozenset({Weekday.THURSDAY})])
        ),
        min_onsite_share=draw(st.sampled_from([0, 50])),
        min_onsite_people=draw(st.integers(0, 2)),
        split_days=draw(st.booleans()),
    )
    workforce = Workforce(
        tuple(people),
        (unit,),
        role_covers=covers,
        absences=tuple(absences),
        requests=tuple(requests),
    )
    return workforce, policy, start, weeks


def rows_of(plan, roster) -> dict:
    """A model roster as the checker's rows, every person and date."""
    unit = plan.units[0]
    model = unit.model
    dates = [dt.date.fromisoformat(label) for label in model.day_labels]
    index = {day: i for i, day in enumerate(dates)}
    modes = {mode.name: mode for mode in model.modes}
    rows = {}
    for person_ in plan.workforce.employees:
        for day in plan.period.dates:
            if day not in index:
                rows[person_.nip, day] = ("off", 0.0, 0.0)
                continue
            mode = modes[roster[person_.nip, index[day]]]
            rows[person_.nip, day] = (
                kind_of(mode.name),
                mode.minutes_on_site / 60,
                mode.away_minutes / 60,
            )
    return rows


def rosters(model):
    """Every roster of a model: each free slot takes each allowed mode."""
    slots = [(p, d) for p in model.people for d in range(model.days)]
    choices = [sorted(model.allowed_modes(p, d)) for p, d in slots]
    assume(math.prod(len(c) for c in choices) <= MAX_ROSTERS)
    for picked in itertools.product(*choices):
        yield dict(zip(slots, picked, strict=True))


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(workforces())
def test_plan_agrees_with_brute_force(case):
    """Optimal and valid with the brute-force optimum, or truly infeasible.

    See the module's docstring for what is compared.
    """
    workforce, policy, start, weeks = case
    plan = solve_plan(workforce, policy, start, weeks, workers=1)
    [unit] = plan.units
    assert unit.model is not None
    [checker] = unit_checkers(workforce, policy, plan.eligibility, plan.period)

    best = None
    valid = 0
    for roster in rosters(unit.model):
        problems = checker.check(rows_of(plan, roster))
        evaluation = evaluate(unit.model, roster)
        if not unit.findings:
            assert (problems == []) == (evaluation.violations == []), (
                roster,
                problems,
                evaluation.violations,
            )
        if problems:
            continue
        valid += 1
        if best is None or evaluation.objective < best:
            best = evaluation.objective

    event(f"{unit.status} ({'found' if unit.findings else 'solved'})")
    event(f"{weeks} week(s), split days {policy.split_days}")
    if unit.planned:
        assert unit.status == "optimal"
        assert check_plan(plan) == []
        assert unit.objective == best
        assert unit.solver_objective == unit.objective
        assert unit.recompute_objective() == unit.objective
    else:
        assert unit.status == "infeasible"
        assert valid == 0
        assert unit.findings or unit.conflicts
