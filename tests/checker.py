"""An independent roster checker for MKD plans, in plain Python.

It shares no code with :mod:`planner.build` nor :mod:`planner.roster`:
from the workforce, the policy, everyone's eligibility and the period
(with its holidays) it recomputes every hard rule of the optimiser issue
and checks a roster in the long format (``plan.to_frame()`` or the CSV
written by ``mkd plan``). It imports only the domain records of
:mod:`models` and reads the policy's values.

Semantics, including the choices the planner makes (read from
``planner/build.py``):

* Dates. Each unit works Monday-Friday (or Monday-Saturday with 6
  working days). Every person has exactly one row per calendar date of
  the period. A holiday on a working weekday is ``holiday``; any day
  that is not a working weekday of the unit (holidays on such days too)
  is ``off``. An absence on a working day that is not a holiday is
  ``absent``; the holiday wins over an absence.
* Day length. The policy's weekly hours (the Ramadan weekly hours
  between ``ramadan_start`` and ``ramadan_end``) over the unit's working
  days, rounded to the minute. ``office`` is on site the whole day,
  ``flexible`` away the whole day, ``split`` (only with ``split_days``)
  on site ``min(split_onsite_hours, day)`` and away for the rest.
  ``absent``, ``holiday`` and ``off`` have no hours. The hours written
  in the roster must agree.
* Organisation-wide flexible days (``organisation_flexible_days``) of a
  unit that is not a direct-service unit: every present person,
  eligible or not, works ``flexible`` (not split); coverage, role cover
  and desks do not apply.
* Ineligible people are ``office`` (not split) on every other present
  working day.
* Fixed requests (``Wajib``): a dated one is honoured on its date when
  that date is one of the unit's working weekdays in the period (on a
  holiday or an absence it cannot hold: a violation, as the planner
  reports it as a conflict); a weekly one applies on the days the person
  chooses their mode (present, not an organisation-wide day, eligible).
  ``office`` means exactly office, ``flexible`` exactly flexible.
* Coverage per unit and working day (no holiday, no organisation day):
  people on site (office or split) >= max(ceil(share x present / 100),
  minimum head count), the unit's share and head count taking
  precedence over the policy's; ``present`` counts the unit's members
  not absent. The share is taken exactly (50 % of 5 is 3).
* Role cover per rule, day (its weekdays, or every working day) likewise:
  holders of the role on site >= its minimum.
* Desks: people on site <= the unit's desk capacity, where set.
* Regular hours, per eligible person and calendar week with a present
  day: on-site minutes >= floor(min_regular_hours_per_week x 60 x
  present minutes / (weekly_hours x 60)) -- prorated by the minutes of
  the person's present days against the standard week, rounded down to
  the minute, computed exactly -- capped at the minutes of the present
  days outside organisation-wide days (the planner's choice: on a week
  where organisation days leave too few office days the rule asks for
  all of them, not more).
* Flexible days per calendar week: flexible days + split days / 2 <=
  the cap. The cap is max_flexible_days_per_week rounded down to a half
  day; an eligible person who gives ``requested_flexible_days`` gets no
  more than asked, unless fixed flexible requests (*wajib*) on the
  week's present days outside organisation-wide days ask for more (they
  still stay within the policy's cap) -- the planner's choice; the cap
  is then raised to the present organisation-wide days of the week.
* Consecutive flexible days (eligible people, where the policy sets a
  limit): a run counts ``flexible`` days (not split) over the unit's
  working weekdays of the period, so a weekend does not break a run
  (Friday and Monday are consecutive) while a holiday, an absence, an
  office or a split day does; days before and after the period count
  as not flexible (the planner's choice).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import pandas as pd

from models import Employee, PlanPeriod, Policy, Unit, Workforce, WorkMode

MODES = frozenset({"office", "flexible", "split", "absent", "holiday", "off"})
ONSITE = frozenset({"office", "split"})
COLUMNS = (
    "nip",
    "name",
    "unit",
    "sub_unit",
    "date",
    "day",
    "mode",
    "office_hours",
    "flexible_hours",
)

Row = tuple[str, float, float]
"""Mode, office hours and flexible hours of one person and date."""


def _eligible(value: Any) -> bool:
    """Eligibility from an ``Eligibility`` record or a plain bool."""
    return bool(getattr(value, "eligible", value))


def _exact(value: float) -> Fraction:
    """A policy number as the exact decimal the user wrote."""
    return Fraction(str(value))


def day_minutes(day: dt.date, unit: Unit, policy: Policy) -> int:
    """Working minutes of one day of a unit."""
    weekly = policy.weekly_hours
    start, end = policy.ramadan_start, policy.ramadan_end
    if start is not None and end is not None and start <= day <= end:
        weekly = policy.ramadan_weekly_hours
    return round(_exact(weekly) * 60 / unit.working_days)


def unit_weekdays(unit: Unit) -> range:
    """Weekday numbers (Monday = 0) the unit works."""
    return range(unit.working_days)


def read_frame(frame: pd.DataFrame) -> tuple[dict[Any, Row], list[str]]:
    """Rows by ``(nip, date)`` and the problems of the frame's shape."""
    problems = []
    if tuple(frame.columns) != COLUMNS:
        problems.append(f"columns are {list(frame.columns)}")
    rows: dict[Any, Row] = {}
    for record in frame.itertuples(index=False):
        nip = str(record.nip)
        day = dt.date.fromisoformat(str(record.date)[:10])
        mode = str(record.mode)
        if mode not in MODES:
            problems.append(f"{nip} {day}: unknown mode {mode!r}")
        if (nip, day) in rows:
            problems.append(f"{nip} {day}: more than one row")
        rows[nip, day] = (
            mode,
            float(record.office_hours),
            float(record.flexible_hours),
        )
    return rows, problems


def check_roster(
    workforce: Workforce,
    policy: Policy,
    eligibility: Mapping[str, Any],
    period: PlanPeriod,
    roster: pd.DataFrame,
    units: Iterable[str] | None = None,
) -> list[str]:
    """Every broken hard rule of a roster, as sentences.

    Parameters
    ----------
    workforce, policy, eligibility, period
        The planner's input; ``eligibility`` maps each NIP to an
        ``Eligibility`` record (or a bool).
    roster
        The long format, one row per person and date.
    units
        The units to check; all by default.

    Returns
    -------
    list of str
        One sentence per violation; empty when the roster is valid.
    """
    rows, problems = read_frame(roster)
    for checker in unit_checkers(
        workforce, policy, eligibility, period, units
    ):
        problems += checker.check(rows)
    return problems


def unit_checkers(
    workforce: Workforce,
    policy: Policy,
    eligibility: Mapping[str, Any],
    period: PlanPeriod,
    units: Iterable[str] | None = None,
) -> list[UnitChecker]:
    """One reusable checker per unit (all units by default).

    ``checker.check(rows)`` checks rows ``(nip, date) -> (mode, office
    hours, flexible hours)``; building the checker once and checking many
    rosters is what brute-force enumeration needs.
    """
    chosen = (
        [u.name for u in workforce.units] if units is None else list(units)
    )
    return [
        UnitChecker(workforce, policy, eligibility, period, name)
        for name in chosen
    ]


def check_plan(plan: Any, frame: pd.DataFrame | None = None) -> list[str]:
    """Check the planned units of a :class:`planner.result.Plan`.

    ``frame`` defaults to ``plan.to_frame()``; pass the CSV read back to
    check what was written.
    """
    planned = [u.unit for u in plan.units if u.planned]
    return check_roster(
        plan.workforce,
        plan.policy.policy,
        plan.eligibility,
        plan.period,
        plan.to_frame() if frame is None else frame,
        planned,
    )


class UnitChecker:
    """The hard rules of one unit, day by day and week by week."""

    def __init__(
        self,
        workforce: Workforce,
        policy: Policy,
        eligibility: Mapping[str, Any],
        period: PlanPeriod,
        name: str,
    ) -> None:
        self.workforce = workforce
        self.policy = policy
        self.period = period
        self.unit = next(u for u in workforce.units if u.name == name)
        self.people = [e for e in workforce.employees if e.unit == name]
        self.eligible = {
            e.nip: _eligible(eligibility[e.nip]) for e in self.people
        }
        self.absent = {
            (a.nip, day)
            for a in workforce.absences
            for day in period.dates
            if a.start <= day <= a.end
        }
        self.rows: Mapping[Any, Row] = {}
        self.problems: list[str] = []
        self.working = [
            d for d in period.dates if d.weekday() in unit_weekdays(self.unit)
        ]

    def check(self, rows: Mapping[Any, Row]) -> list[str]:
        """Every broken rule of the unit in ``rows``."""
        self.rows = rows
        self.problems = []
        return self.run()

    # Facts of the input.

    def is_holiday(self, day: dt.date) -> bool:
        return day in self.period.holidays

    def is_absent(self, person: Employee, day: dt.date) -> bool:
        return (person.nip, day) in self.absent

    def is_present(self, person: Employee, day: dt.date) -> bool:
        return not self.is_holiday(day) and not self.is_absent(person, day)

    def is_organisation_day(self, day: dt.date) -> bool:
        weekdays = {int(w) for w in self.policy.organisation_flexible_days}
        return not self.unit.direct_service and day.weekday() in weekdays

    def minutes(self, day: dt.date) -> int:
        return day_minutes(day, self.unit, self.policy)

    def onsite_minutes(self, mode: str, day: dt.date) -> int:
        full = self.minutes(day)
        if mode == "office":
            return full
        if mode == "split":
            return min(
                round(_exact(self.policy.split_onsite_hours) * 60), full
            )
        return 0

    def mode(self, person: Employee, day: dt.date) -> str | None:
        row = self.rows.get((person.nip, day))
        return None if row is None else row[0]

    def fail(self, text: str) -> None:
        self.problems.append(f"{self.unit.name}: {text}")

    # The rules.

    def run(self) -> list[str]:
        if not self.rows_complete():
            return self.problems
        self.daily_modes()
        self.fixed_requests()
        for day in self.working:
            if self.is_holiday(day) or self.is_organisation_day(day):
                continue
            self.coverage(day)
            self.role_cover(day)
            self.desks(day)
        self.weekly()
        self.consecutive()
        return self.problems

    def rows_complete(self) -> bool:
        """Exactly one row for every person and date."""
        complete = True
        for person in self.people:
            for day in self.period.dates:
                if (person.nip, day) not in self.rows:
                    self.fail(f"{person.nip} has no row on {day}")
                    complete = False
        mine = {p.nip for p in self.people}
        for nip, day in self.rows:
            if nip in mine and not self.period.start <= day <= self.period.end:
                self.fail(f"{nip} has a row outside the period on {day}")
        return complete

    def expected_hours(self, mode: str, day: dt.date) -> tuple[float, float]:
        """Office and flexible hours of a mode on a day."""
        if mode in ("absent", "holiday", "off"):
            return 0.0, 0.0
        onsite = self.onsite_minutes(mode, day)
        return onsite / 60, (self.minutes(day) - onsite) / 60

    def daily_modes(self) -> None:
        """Holidays, absences, days off, eligibility and hours."""
        for person in self.people:
            for day in self.period.dates:
                mode, office, flexible = self.rows[person.nip, day]
                wanted = self.forced_mode(person, day)
                if wanted is not None and mode != wanted:
                    self.fail(f"{person.nip} on {day}: {mode}, not {wanted}")
                free = ("office", "flexible")
                if self.policy.split_days:
                    free += ("split",)
                if wanted is None and mode not in free:
                    self.fail(f"{person.nip} on {day}: mode {mode}")
                if mode in MODES:
                    hours = self.expected_hours(mode, day)
                    if not (
                        math.isclose(office, hours[0], abs_tol=1e-6)
                        and math.isclose(flexible, hours[1], abs_tol=1e-6)
                    ):
                        self.fail(
                            f"{person.nip} on {day}: hours {office}/"
                            f"{flexible}, not {hours[0]}/{hours[1]} "
                            f"for {mode}"
                        )

    def forced_mode(self, person: Employee, day: dt.date) -> str | None:
        """The only mode allowed on a day, or None when there is a choice."""
        if day not in self.working:
            return "off"
        if self.is_holiday(day):
            return "holiday"
        if self.is_absent(person, day):
            return "absent"
        if self.is_organisation_day(day):
            return "flexible"
        if not self.eligible[person.nip]:
            return "office"
        return None

    def fixed_requests(self) -> None:
        """Fixed requests (*wajib*) honoured exactly."""
        for person in self.people:
            for request in self.workforce.requests:
                if request.nip != person.nip or not request.required:
                    continue
                wanted = (
                    "office" if request.mode is WorkMode.OFFICE else "flexible"
                )
                for day in self.working:
                    if request.date is not None:
                        if request.date != day:
                            continue
                    elif request.weekday is None or (
                        day.weekday() != int(request.weekday)
                        or not self.is_present(person, day)
                    ):
                        continue
                    actual = self.mode(person, day)
                    if actual != wanted:
                        self.fail(
                            f"{person.nip} on {day}: fixed {wanted}, "
                            f"planned {actual}"
                        )

    def onsite(self, people: Iterable[Employee], day: dt.date) -> int:
        return sum(1 for p in people if self.mode(p, day) in ONSITE)

    def coverage(self, day: dt.date) -> None:
        """Least head count on site."""
        share = self.unit.min_onsite_share
        if share is None:
            share = self.policy.min_onsite_share
        least = self.unit.min_onsite_people
        if least is None:
            least = self.policy.min_onsite_people
        present = sum(1 for p in self.people if self.is_present(p, day))
        required = max(math.ceil(_exact(share) * present / 100), least)
        onsite = self.onsite(self.people, day)
        if onsite < required:
            self.fail(
                f"coverage on {day}: {onsite} on site, {required} required "
                f"of {present} present"
            )

    def role_cover(self, day: dt.date) -> None:
        """Least head count on site per role."""
        for cover in self.workforce.role_covers:
            if cover.unit != self.unit.name:
                continue
            weekdays = {int(w) for w in cover.days}
            if weekdays and day.weekday() not in weekdays:
                continue
            holders = [p for p in self.people if cover.role in p.roles]
            onsite = self.onsite(holders, day)
            if onsite < cover.minimum:
                self.fail(
                    f"role {cover.role} on {day}: {onsite} on site, "
                    f"{cover.minimum} required"
                )

    def desks(self, day: dt.date) -> None:
        """Most people on site."""
        capacity = self.unit.desk_capacity
        onsite = self.onsite(self.people, day)
        if capacity is not None and onsite > capacity:
            self.fail(f"desks on {day}: {onsite} on site, {capacity} desks")

    def weekly(self) -> None:
        """Regular hours and the flexible-day cap, per calendar week."""
        weeks: dict[dt.date, list[dt.date]] = defaultdict(list)
        for day in self.working:
            weeks[day - dt.timedelta(days=day.weekday())].append(day)
        standard = round(_exact(self.policy.weekly_hours) * 60)
        least = _exact(self.policy.min_regular_hours_per_week) * 60
        cap = math.floor(2 * _exact(self.policy.max_flexible_days_per_week))
        for person in self.people:
            for monday, days in weeks.items():
                present = [d for d in days if self.is_present(person, d)]
                if not present:
                    continue
                organisation = [
                    d for d in present if self.is_organisation_day(d)
                ]
                modes = {d: self.mode(person, d) for d in days}
                halves = sum(
                    {"flexible": 2, "split": 1}.get(m or "", 0)
                    for m in modes.values()
                )
                allowed = cap
                asked = person.requested_flexible_days
                if asked is not None and self.eligible[person.nip]:
                    fixed = self.fixed_flexible(person, present, organisation)
                    allowed = min(allowed, 2 * max(asked, fixed))
                allowed = max(allowed, 2 * len(organisation))
                if halves > allowed:
                    self.fail(
                        f"{person.nip} week {monday}: {halves / 2:g} "
                        f"flexible days, at most {allowed / 2:g}"
                    )
                if not self.eligible[person.nip]:
                    continue
                present_minutes = sum(self.minutes(d) for d in present)
                needed = math.floor(least * present_minutes / standard)
                possible = sum(
                    self.minutes(d) for d in present if d not in organisation
                )
                needed = min(needed, possible)
                done = sum(
                    self.onsite_minutes(modes[d] or "", d) for d in days
                )
                if done < needed:
                    self.fail(
                        f"{person.nip} week {monday}: {done} minutes on "
                        f"site, {needed} required"
                    )

    def fixed_flexible(
        self,
        person: Employee,
        present: list[dt.date],
        organisation: list[dt.date],
    ) -> int:
        """Present days outside organisation days fixed as flexible."""
        fixed = 0
        for day in present:
            if day in organisation:
                continue
            fixed += any(
                r.nip == person.nip
                and r.required
                and r.mode is WorkMode.FLEXIBLE
                and (
                    r.date == day
                    if r.date is not None
                    else r.weekday is not None
                    and int(r.weekday) == day.weekday()
                )
                for r in self.workforce.requests
            )
        return fixed

    def consecutive(self) -> None:
        """Runs of flexible days over the unit's working weekdays."""
        longest = self.policy.max_consecutive_flexible_days
        if longest is None:
            return
        for person in self.people:
            if not self.eligible[person.nip]:
                continue
            run = 0
            for day in self.working:
                run = run + 1 if self.mode(person, day) == "flexible" else 0
                if run > longest:
                    self.fail(
                        f"{person.nip}: {run} flexible days in a row up "
                        f"to {day}, at most {longest}"
                    )


# ---------------------------------------------------------------------------
# Tiny instances for the tests. This part runs the planner; the checker
# above does not use it.
# ---------------------------------------------------------------------------

MONDAY = dt.date(2027, 1, 11)
"""A week without holidays."""

HOLIDAY_MONDAY = dt.date(2027, 1, 4)
"""A week with a holiday on Tuesday 5 January 2027 (Isra Mikraj)."""


def nip(number: int) -> str:
    """A valid NIP whose sequence number is ``number`` (0-999)."""
    return f"19800101200501{1 + number % 2}{number:03d}"


def person(
    number: int,
    unit: str = "U",
    *,
    eligible: bool = True,
    **fields: Any,
) -> Employee:
    """Employee ``number`` of a unit; eligible by talent box 8, else 3."""
    fields.setdefault("name", f"P{number}")
    fields.setdefault("talent_box", 8 if eligible else 3)
    return Employee(nip(number), unit=unit, **fields)


def solve_plan(
    workforce: Workforce,
    policy: Policy | None = None,
    start: dt.date = MONDAY,
    weeks: int = 1,
    *,
    previous: Mapping[tuple[str, dt.date], str] | None = None,
    soft_coverage: bool = False,
    workers: int = 2,
) -> Any:
    """Plan a workforce with the real holidays of the period; a Plan."""
    from planner.build import PlanInput
    from planner.calendar import plan_period
    from planner.eligibility import assess
    from planner.plan import SolveOptions, plan
    from planner.policy import EffectivePolicy
    from planner.result import Plan

    policy = policy or Policy()
    period = plan_period(start, weeks, policy)
    data = PlanInput(
        workforce,
        policy,
        assess(workforce, policy),
        period,
        previous or {},
        soft_coverage,
    )
    units = plan(data, SolveOptions(workers=workers, parallel=1))
    return Plan(
        workforce,
        EffectivePolicy(policy),
        dict(data.eligibility),
        period,
        units,
    )


def assert_proven(plan: Any) -> None:
    """Every unit optimal, valid, and its objective the same three ways."""
    for unit in plan.units:
        assert unit.status == "optimal", (unit.unit, unit.status)
        assert unit.recompute_objective() == unit.objective, unit.unit
        assert unit.solver_objective == unit.objective, unit.unit
    assert check_plan(plan) == []


def modes_of(plan: Any, number: int) -> str:
    """One letter per working day of person ``number``: O, F, S, A, H."""
    letters = {
        "office": "O",
        "flexible": "F",
        "split": "S",
        "absent": "A",
        "holiday": "H",
    }
    return "".join(
        letters[a.mode.value]
        for unit in plan.units
        for a in unit.assignments
        if a.nip == nip(number) and a.mode.value != "off"
    )
