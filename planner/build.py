"""The MKD layer: from a workforce and a policy to one roster model a unit.

Each unit becomes its own :class:`~planner.roster.RosterModel`; units
share no rule (coverage, role cover, desks and teams are all within a
unit), so solving them apart loses nothing. Every rule and wish is added
with a tag, and :class:`TagInfo` keeps what the tag means in the users'
terms, so that penalties and conflicts can be told in sentences.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from models import (
    Absence,
    Employee,
    EmployeeId,
    PlanPeriod,
    Policy,
    Unit,
    Weekday,
    Workforce,
    WorkMode,
    daily_hours,
    required_onsite,
)
from models.unit import RoleCover
from planner.eligibility import Eligibility
from planner.roster import (
    CommonDays,
    Cover,
    Fixed,
    Mode,
    Request,
    RosterModel,
    Runs,
    Total,
    allowed_tag,
)

OFFICE, FLEXIBLE, SPLIT, ABSENT, HOLIDAY = (
    "office",
    "flexible",
    "split",
    "absent",
    "holiday",
)
ONSITE_KINDS = (OFFICE, SPLIT)

# A coverage shortfall allowed by --soft-coverage costs this many times
# the weight of a lost flexible day, so it is taken only when nothing
# else helps.
SOFT_COVERAGE_FACTOR = 1000


def kind_of(mode: str) -> str:
    """The kind of a mode (``office``, ...), without its day length."""
    return mode.split("~", 1)[0]


@dataclass(frozen=True)
class TagInfo:
    """What a rule's tag means to a user.

    Attributes
    ----------
    kind
        The rule: ``coverage``, ``role``, ``desks``, ``regular_hours``,
        ``flexible_cap``, ``consecutive``, ``fixed``, ``not_eligible``,
        ``absent``, ``holiday``, ``organisation_day``, ``requested``,
        ``requested_period``, ``wish``, ``preferred_flexible``,
        ``preferred_office``, ``team``, ``balance``, ``change``.
    nip
        The person concerned, if one.
    date
        The day concerned, if one.
    values
        Numbers and names the sentence quotes.
    """

    kind: str
    nip: EmployeeId | None = None
    date: dt.date | None = None
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """A reason found before solving that a unit's plan is impossible.

    Attributes
    ----------
    kind
        The reason: ``coverage``, ``role``, ``desks``, or a fixed
        request that breaks a rule: ``fixed_holiday``, ``fixed_absent``,
        ``fixed_organisation_day``, ``fixed_not_eligible``,
        ``fixed_over_cap``, ``fixed_regular_hours``.
    date
        The day (or the week's Monday) concerned, if one.
    values
        Numbers and names the sentence quotes; ``who`` names the person
        of a fixed request.
    """

    kind: str
    date: dt.date | None
    values: Mapping[str, object]


@dataclass
class UnitModel:
    """One unit's roster model with everything needed to read it back.

    Attributes
    ----------
    unit
        The unit.
    members
        Its people, in workbook order.
    dates
        The model's days: the unit's working weekdays of the period,
        holidays included (as days nobody works).
    model
        The general roster model.
    tags
        The meaning of every tag used in ``model``.
    day_minutes
        Working minutes of a day, per date.
    required, present
        Coverage per date: people required on site and people present
        (not absent); organisation-wide flexible days and holidays are
        left out.
    capacity
        Desk capacity, or ``None``.
    required_minutes
        On-site minutes each eligible person must work, per week start.
    findings
        Reasons found before solving that no roster exists.
    """

    unit: Unit
    members: tuple[Employee, ...]
    dates: tuple[dt.date, ...]
    model: RosterModel
    tags: dict[str, TagInfo] = field(default_factory=dict)
    day_minutes: dict[dt.date, int] = field(default_factory=dict)
    required: dict[dt.date, int] = field(default_factory=dict)
    present: dict[dt.date, int] = field(default_factory=dict)
    capacity: int | None = None
    required_minutes: dict[tuple[EmployeeId, dt.date], int] = field(
        default_factory=dict
    )
    findings: list[Finding] = field(default_factory=list)

    def day(self, date: dt.date) -> int:
        """The model's index of a date."""
        return self.index[date]

    def mode_name(self, kind: str, date: dt.date) -> str:
        """The model's mode of a kind on a date (``office~390`` in Ramadan).

        A kind the model does not have (``split`` without split days) is
        returned as it is, so that a check can name it.
        """
        if kind in (ABSENT, HOLIDAY):
            return kind
        minutes = self.day_minutes.get(date)
        for mode in self.model.modes:
            if kind_of(mode.name) == kind and mode.minutes == minutes:
                return mode.name
        return kind

    @cached_property
    def index(self) -> dict[dt.date, int]:
        """The model's index of each date."""
        return {date: index for index, date in enumerate(self.dates)}


@dataclass(frozen=True)
class PlanInput:
    """Everything the planner needs, already read and validated.

    Attributes
    ----------
    workforce
        People, units and their rules.
    policy
        The effective policy.
    eligibility
        Everyone's eligibility under that policy.
    period
        The weeks planned, with their holidays.
    previous
        A previous roster, ``(nip, date) -> mode kind``, to stay close to.
    soft_coverage
        Allow coverage shortfalls at a high cost instead of failing.
    """

    workforce: Workforce
    policy: Policy
    eligibility: Mapping[EmployeeId, Eligibility]
    period: PlanPeriod
    previous: Mapping[tuple[EmployeeId, dt.date], str] = field(
        default_factory=dict
    )
    soft_coverage: bool = False


def build_unit(data: PlanInput, unit: Unit) -> UnitModel:
    """Build the roster model of one unit."""
    return _UnitBuilder(data, unit).build()


class _UnitBuilder:
    """Adds the MKD rules of one unit to a roster model, family by family."""

    def __init__(self, data: PlanInput, unit: Unit) -> None:
        self.data = data
        self.policy = data.policy
        self.unit = unit
        self.members = data.workforce.members[unit.name]
        self.dates = data.period.working_dates(unit.weekdays) + tuple(
            day
            for day in data.period.holidays
            if Weekday.of(day) in unit.weekdays
            and data.period.start <= day <= data.period.end
        )
        self.dates = tuple(sorted(set(self.dates)))
        self.standard = self._minutes_of(None)
        self.modes = self._modes()
        self.absences = self._absences()
        self.expected_flexible: dict[dt.date, float] = defaultdict(float)

    def build(self) -> UnitModel:
        """The unit's model with every rule and wish."""
        model = RosterModel(
            people=tuple(m.nip for m in self.members) or ("-",),
            days=max(1, len(self.dates)),
            modes=tuple(self.modes.values()),
            day_labels=tuple(d.isoformat() for d in self.dates) or ("-",),
        )
        self.out = UnitModel(
            self.unit,
            self.members,
            self.dates,
            model,
            capacity=self.unit.desk_capacity,
        )
        if not self.members or not self.dates:
            return self.out
        self.model = model
        self.out.day_minutes = {d: self._minutes_of(d) for d in self.dates}

        self._allowed()
        self._coverage()
        self._role_cover()
        self._desks()
        self._fixed_requests()
        self._weekly_rules()
        self._consecutive()
        self._wishes()
        self._teams()
        self._balance()
        self._stability()
        return self.out

    # Modes and days.

    def _minutes_of(self, day: dt.date | None) -> int:
        """Working minutes of a day of this unit (standard when ``None``)."""
        reference = day or self.data.period.start
        policy = (
            self.policy
            if day
            else self.policy.replace(ramadan_start=None, ramadan_end=None)
        )
        hours = daily_hours(reference, self.unit.working_days, policy)
        return round(hours * 60)

    def _modes(self) -> dict[str, Mode]:
        """Modes for each day length in the period.

        A mode's minutes are fixed, so Ramadan days, which are shorter,
        get modes of their own (``office~390``); their kind is the same.
        """
        lengths = {self._minutes_of(d) for d in self.dates} | {self.standard}
        split = round(self.policy.split_onsite_hours * 60)
        modes: dict[str, Mode] = {}
        for minutes in sorted(lengths, reverse=True):
            suffix = "" if minutes == self.standard else f"~{minutes}"
            modes[OFFICE + suffix] = Mode(OFFICE + suffix, minutes)
            modes[FLEXIBLE + suffix] = Mode(FLEXIBLE + suffix, minutes, 0)
            if self.policy.split_days:
                onsite = min(split, minutes)
                modes[SPLIT + suffix] = Mode(SPLIT + suffix, minutes, onsite)
        modes[ABSENT] = Mode(ABSENT, 0)
        modes[HOLIDAY] = Mode(HOLIDAY, 0)
        return modes

    def mode(self, kind: str, day: dt.date) -> str:
        """The mode of a kind on a day, with the day's length."""
        if kind in (ABSENT, HOLIDAY):
            return kind
        minutes = self.out.day_minutes[day]
        return kind if minutes == self.standard else f"{kind}~{minutes}"

    def onsite(self, day: dt.date) -> frozenset[str]:
        """Modes that count as on site on a day."""
        return frozenset(
            self.mode(kind, day)
            for kind in ONSITE_KINDS
            if self.mode(kind, day) in self.modes
        )

    def working(self, day: dt.date) -> frozenset[str]:
        """Modes of a working (present) person on a day."""
        kinds = (OFFICE, FLEXIBLE, SPLIT)
        names = (self.mode(kind, day) for kind in kinds)
        return frozenset(name for name in names if name in self.modes)

    def is_holiday(self, day: dt.date) -> bool:
        """Whether nobody works on a day."""
        return day in self.data.period.holidays

    def is_organisation_day(self, day: dt.date) -> bool:
        """Whether everyone of the unit works flexibly on a day."""
        return day in self.organisation_days

    @cached_property
    def organisation_days(self) -> frozenset[dt.date]:
        """The model's days on which everyone works flexibly."""
        if self.unit.direct_service:
            return frozenset()
        weekdays = self.policy.organisation_flexible_days
        return frozenset(d for d in self.dates if Weekday.of(d) in weekdays)

    def _absences(self) -> dict[tuple[EmployeeId, dt.date], Absence]:
        """The absence of each member on each day of the model, if any."""
        found = {}
        for person in self.members:
            for absence in self.data.workforce.absences_of.get(person.nip, ()):
                for day in self.dates:
                    if absence.covers(day):
                        found[person.nip, day] = absence
        return found

    def absence(self, nip: EmployeeId, day: dt.date) -> Absence | None:
        """The absence of a person on a day, if any."""
        return self.absences.get((nip, day))

    def is_present(self, nip: EmployeeId, day: dt.date) -> bool:
        """Whether a person works on a day (no holiday, no absence)."""
        return (
            day not in self.data.period.holidays
            and (nip, day) not in self.absences
        )

    def eligible(self, nip: EmployeeId) -> bool:
        """Whether a person may work flexibly."""
        return self.data.eligibility[nip].eligible

    def tag(self, tag: str, info: TagInfo) -> str:
        """Remember what a tag means and return it."""
        self.out.tags[tag] = info
        return tag

    def week_days(self) -> dict[dt.date, list[dt.date]]:
        """The model's days grouped by the Monday of their week."""
        weeks: dict[dt.date, list[dt.date]] = defaultdict(list)
        for day in self.dates:
            monday = day - dt.timedelta(days=day.weekday())
            weeks[monday].append(day)
        return weeks

    # Hard rules.

    def _allowed(self) -> None:
        """Holidays, absences, organisation days and ineligibility."""
        # The same few mode sets serve every slot of a day.
        working = {day: self.working(day) for day in self.dates}
        office = {
            day: frozenset({self.mode(OFFICE, day)}) for day in self.dates
        }
        flexible = {
            day: frozenset({self.mode(FLEXIBLE, day)}) for day in self.dates
        }
        holiday, absent = frozenset({HOLIDAY}), frozenset({ABSENT})
        for person in self.members:
            eligible = self.eligible(person.nip)
            for day in self.dates:
                index = self.out.day(day)
                absence = self.absence(person.nip, day)
                if self.is_holiday(day):
                    info = TagInfo(
                        HOLIDAY,
                        person.nip,
                        day,
                        {"name": self.data.period.holidays[day]},
                    )
                    modes = holiday
                elif absence is not None:
                    info = TagInfo(
                        ABSENT, person.nip, day, {"label": absence.label}
                    )
                    modes = absent
                elif self.is_organisation_day(day):
                    info = TagInfo("organisation_day", person.nip, day)
                    modes = flexible[day]
                elif not eligible:
                    info = TagInfo("not_eligible", person.nip, day)
                    modes = office[day]
                else:
                    # A present person who chooses still works: never
                    # absent nor on holiday.
                    self.model.allow(person.nip, index, working[day])
                    continue
                self.tag(allowed_tag(person.nip, index), info)
                self.model.allow(person.nip, index, modes)

    def _coverage(self) -> None:
        """Least head count on site per working day."""
        share = self.unit.min_onsite_share
        minimum = self.unit.min_onsite_people
        share = self.policy.min_onsite_share if share is None else share
        minimum = self.policy.min_onsite_people if minimum is None else minimum
        people = tuple(m.nip for m in self.members)
        for day in self.dates:
            if self.is_holiday(day) or self.is_organisation_day(day):
                continue
            present = [p for p in people if self.is_present(p, day)]
            required = required_onsite(len(present), share, minimum)
            self.out.required[day] = required
            self.out.present[day] = len(present)
            # With soft coverage the shortfall is paid, not fatal.
            if required > len(present) and not self.data.soft_coverage:
                absent = len(people) - len(present)
                self.out.findings.append(
                    Finding(
                        "coverage",
                        day,
                        {
                            "required": required,
                            "present": len(present),
                            "absent": absent,
                        },
                    )
                )
            self._cover(
                people,
                day,
                required,
                "coverage",
                {"share": share, "minimum": minimum},
            )

    def _cover(
        self,
        people: tuple[EmployeeId, ...],
        day: dt.date,
        required: int,
        kind: str,
        values: Mapping[str, object],
    ) -> None:
        """A hard (or, with soft coverage, weighted) on-site minimum."""
        tag = self.tag(
            f"{kind}[{self.unit.name}, {day}, {values.get('role', '')}]",
            TagInfo(kind, None, day, {"required": required, **values}),
        )
        weight = None
        if self.data.soft_coverage:
            weight = SOFT_COVERAGE_FACTOR * max(
                1, self.policy.weight_flexible_shortfall
            )
        self.model.add(
            Cover(
                people,
                self.out.day(day),
                self.onsite(day),
                minimum=required,
                under_weight=weight,
                tag=tag,
            )
        )

    def _role_cover(self) -> None:
        """Least head count on site of people with a role."""
        covers = self.data.workforce.role_covers_of(self.unit.name)
        for cover in covers:
            holders = tuple(
                m.nip for m in self.members if cover.role in m.roles
            )
            for day in self.dates:
                if not self._role_applies(cover, day):
                    continue
                present = [p for p in holders if self.is_present(p, day)]
                short = cover.minimum > len(present)
                if short and not self.data.soft_coverage:
                    self.out.findings.append(
                        Finding(
                            "role",
                            day,
                            {
                                "role": cover.role,
                                "required": cover.minimum,
                                "present": len(present),
                                "holders": len(holders),
                            },
                        )
                    )
                if holders:
                    self._cover(
                        holders,
                        day,
                        cover.minimum,
                        "role",
                        {"role": cover.role},
                    )

    def _role_applies(self, cover: RoleCover, day: dt.date) -> bool:
        """Whether a role rule applies on a working day of the unit."""
        return (
            cover.applies_on(Weekday.of(day))
            and not self.is_holiday(day)
            and not self.is_organisation_day(day)
        )

    def _desks(self) -> None:
        """At most as many people on site as there are desks."""
        capacity = self.unit.desk_capacity
        if capacity is None:
            return
        people = tuple(m.nip for m in self.members)
        for day in self.dates:
            if self.is_holiday(day) or self.is_organisation_day(day):
                continue
            fixed = sum(1 for p in people if (p, day) in self.forced_onsite)
            required = self.out.required.get(day, 0)
            if self.data.soft_coverage:
                # Coverage may fall short; only the fixed people count.
                required = 0
            if max(fixed, required) > capacity:
                self.out.findings.append(
                    Finding(
                        "desks",
                        day,
                        {
                            "capacity": capacity,
                            "fixed": fixed,
                            "required": required,
                        },
                    )
                )
            tag = self.tag(
                f"desks[{self.unit.name}, {day}]",
                TagInfo("desks", None, day, {"capacity": capacity}),
            )
            self.model.add(
                Cover(
                    people,
                    self.out.day(day),
                    self.onsite(day),
                    maximum=capacity,
                    tag=tag,
                )
            )

    @cached_property
    def forced_onsite(self) -> frozenset[tuple[EmployeeId, dt.date]]:
        """The present people who must be on site, per day.

        Someone not eligible, someone fixed at the office, and someone
        whose regular hours take every day of the week that is not an
        organisation-wide flexible day.
        """
        forced: set[tuple[EmployeeId, dt.date]] = set()
        for person in self.members:
            for days in self.week_days().values():
                free = [
                    d
                    for d in days
                    if self.is_present(person.nip, d)
                    and not self.is_organisation_day(d)
                ]
                needed, possible = self._regular_minutes(person.nip, days)
                if not self.eligible(person.nip) or needed >= possible:
                    forced.update((person.nip, d) for d in free)
            requests = self.data.workforce.requests_of.get(person.nip, ())
            forced.update(
                (person.nip, d)
                for d in self.dates
                if self.is_present(person.nip, d)
                and any(
                    r.required
                    and r.mode is WorkMode.OFFICE
                    and r.applies_on(d)
                    for r in requests
                )
            )
        return frozenset(forced)

    def _regular_minutes(
        self, nip: EmployeeId, days: list[dt.date]
    ) -> tuple[int, int]:
        """A person's on-site minutes required in a week, and the most
        the week's days outside organisation-wide flexible days give.

        The requirement is prorated by the hours present against a full
        week, rounded down to the minute, and never more than possible.
        """
        present = [d for d in days if self.is_present(nip, d)]
        present_minutes = sum(self.out.day_minutes[d] for d in present)
        weekly = round(self.policy.weekly_hours * 60)
        needed = math.floor(
            self.policy.min_regular_hours_per_week
            * 60
            * present_minutes
            / weekly
        )
        possible = sum(
            self.out.day_minutes[d]
            for d in present
            if not self.is_organisation_day(d)
        )
        return min(needed, possible), possible

    def _fixed_requests(self) -> None:
        """Fixed assignments (*wajib*), honoured exactly.

        A dated request is kept even when it cannot hold (a holiday, an
        absence, an ineligible person), so that the conflict is reported.
        A weekly one applies on the days the person works, and is kept
        where it contradicts a rule (an ineligible person, an
        organisation-wide flexible day) for the same reason.
        """
        for person in self.members:
            for request in self.data.workforce.requests_of.get(person.nip, ()):
                if not request.required:
                    continue
                for day in self.dates:
                    if not request.applies_on(day):
                        continue
                    if request.date is None and not self.is_present(
                        person.nip, day
                    ):
                        continue
                    kind = (
                        OFFICE if request.mode is WorkMode.OFFICE else FLEXIBLE
                    )
                    self._check_fixed(person, day, kind)
                    mode = (
                        self.mode(kind, day)
                        if not self.is_holiday(day)
                        else kind
                    )
                    if mode not in self.modes:
                        mode = kind
                    tag = self.tag(
                        f"fixed[{person.nip}, {day}]",
                        TagInfo("fixed", person.nip, day, {"mode": kind}),
                    )
                    self.model.add(
                        Fixed(person.nip, self.out.day(day), mode, tag=tag)
                    )

    def _check_fixed(self, person: Employee, day: dt.date, kind: str) -> None:
        """Find a fixed request that no roster can honour, and say why."""
        absence = self.absence(person.nip, day)
        if self.is_holiday(day):
            name = self.data.period.holidays[day]
            self._finding("fixed_holiday", day, person, mode=kind, name=name)
        elif absence is not None:
            label = absence.label
            self._finding("fixed_absent", day, person, mode=kind, label=label)
        elif self.is_organisation_day(day):
            # Everyone works flexibly that day, eligible or not.
            if kind == OFFICE:
                self._finding("fixed_organisation_day", day, person)
        elif not self.eligible(person.nip) and kind == FLEXIBLE:
            self._finding("fixed_not_eligible", day, person)

    def _finding(
        self,
        kind: str,
        day: dt.date,
        person: Employee,
        **values: object,
    ) -> None:
        """Record a reason, about one person, that no roster exists."""
        who = f"{person.name} ({person.nip})"
        self.out.findings.append(Finding(kind, day, {"who": who, **values}))

    def _choosable(self, nip: EmployeeId, day: dt.date) -> bool:
        """Whether a person chooses their mode on a day."""
        return (
            self.is_present(nip, day)
            and not self.is_organisation_day(day)
            and self.eligible(nip)
        )

    def _weekly_rules(self) -> None:
        """Regular hours, the flexible-day cap and the requested days."""
        for person in self.members:
            if not self.eligible(person.nip):
                continue
            period_target = 0
            period_days: list[int] = []
            for monday, days in self.week_days().items():
                target = self._week(person, monday, days)
                period_target += target
                period_days += [self.out.day(d) for d in days]
            if len(self.week_days()) > 1 and period_target > 0:
                self._requested(
                    person,
                    tuple(period_days),
                    period_target,
                    f"requested-period[{person.nip}]",
                    TagInfo("requested_period", person.nip, None),
                )

    def _week(
        self, person: Employee, monday: dt.date, days: list[dt.date]
    ) -> int:
        """The rules of one person and week; returns the flexible target.

        Counts are in half days, so that a split day counts as half a
        flexible day.
        """
        present = [d for d in days if self.is_present(person.nip, d)]
        organisation = [d for d in present if self.is_organisation_day(d)]
        free = [d for d in present if d not in organisation]
        if not present:
            return 0
        indices = tuple(self.out.day(d) for d in days)

        needed, possible = self._regular_minutes(person.nip, days)
        self.out.required_minutes[person.nip, monday] = needed
        onsite = {
            name: mode.minutes_on_site
            for name, mode in self.modes.items()
            if mode.minutes_on_site > 0
        }
        self.model.add(
            Total(
                person.nip,
                indices,
                onsite,
                minimum=needed,
                tag=self.tag(
                    f"regular-hours[{person.nip}, {monday}]",
                    TagInfo(
                        "regular_hours",
                        person.nip,
                        monday,
                        {"hours": needed / 60},
                    ),
                ),
            )
        )

        # The cap counts organisation-wide days, and is raised to hold
        # them: they are the policy's own flexible days. A person who asks
        # for fewer days than the cap gets no more than asked, unless the
        # unit head fixed more (a fixed request stays within the policy).
        cap = math.floor(2 * self.policy.max_flexible_days_per_week)
        asked = person.requested_flexible_days
        fixed = self._fixed_flexible(person, free)
        if asked is not None:
            cap = min(cap, max(2 * asked, 2 * len(fixed)))
        cap = max(cap, 2 * len(organisation))
        halves = self._halves()
        if 2 * (len(fixed) + len(organisation)) > cap:
            self._finding(
                "fixed_over_cap",
                monday,
                person,
                fixed=len(fixed),
                organisation=len(organisation),
                cap=cap / 2,
            )
        left = possible - sum(self.out.day_minutes[d] for d in fixed)
        if left < needed:
            self._finding(
                "fixed_regular_hours",
                monday,
                person,
                possible=left / 60,
                needed=needed / 60,
            )
        self.model.add(
            Total(
                person.nip,
                indices,
                halves,
                maximum=cap,
                tag=self.tag(
                    f"flexible-cap[{person.nip}, {monday}]",
                    TagInfo(
                        "flexible_cap",
                        person.nip,
                        monday,
                        {"days": cap / 2},
                    ),
                ),
            )
        )

        wanted_halves = cap
        if not self.policy.split_days:
            # Without split days a half day of the cap cannot be given.
            wanted_halves -= wanted_halves % 2
        # What the week can give at most: the present days, less the
        # on-site time the regular hours keep.
        full = self.out.day_minutes[present[0]]
        reachable = 2 * len(organisation) + self._reachable_halves(
            len(free), max(0, possible - needed), full
        )
        target = min(wanted_halves, reachable)
        self.expected_flexible[monday] += target / 2
        if target > 0:
            self._requested(
                person,
                indices,
                target,
                f"requested[{person.nip}, {monday}]",
                TagInfo(
                    "requested",
                    person.nip,
                    monday,
                    {"days": target / 2},
                ),
            )
        return target

    def _fixed_flexible(
        self, person: Employee, days: list[dt.date]
    ) -> list[dt.date]:
        """Days among ``days`` fixed as flexible for a person."""
        requests = self.data.workforce.requests_of.get(person.nip, ())
        return [
            day
            for day in days
            if any(
                r.required
                and r.mode is WorkMode.FLEXIBLE
                and r.applies_on(day)
                for r in requests
            )
        ]

    def _reachable_halves(self, days: int, spare: int, full: int) -> int:
        """Most flexible half days ``days`` free days can give when the
        regular hours leave ``spare`` on-site minutes to spend.

        A flexible day spends a whole day's minutes for two halves, a
        split day the minutes it is away for one half; the best mix is
        found by trying every number of whole flexible days.
        """
        away = full - min(full, round(self.policy.split_onsite_hours * 60))
        best = 0
        for flexible in range(days + 1):
            left = spare - flexible * full
            if left < 0:
                break
            split = 0
            if self.policy.split_days:
                # A split day spending no minutes costs nothing.
                split = days - flexible
                if away > 0:
                    split = min(split, left // away)
            best = max(best, 2 * flexible + split)
        return best

    def _halves(self) -> dict[str, int]:
        """Coefficients counting flexible days in half days."""
        return {
            name: 2 if kind_of(name) == FLEXIBLE else 1
            for name in self.modes
            if kind_of(name) in (FLEXIBLE, SPLIT)
        }

    def _requested(
        self,
        person: Employee,
        days: tuple[int, ...],
        target: int,
        tag: str,
        info: TagInfo,
    ) -> None:
        """A convex penalty on flexible half days short of a target."""
        weight = self.policy.weight_flexible_shortfall
        if weight <= 0:
            return
        costs = tuple(weight * s * s for s in range(target + 1))
        self.model.add(
            Total(
                person.nip,
                days,
                self._halves(),
                target=target,
                costs=costs,
                tag=self.tag(tag, info),
            )
        )

    def _consecutive(self) -> None:
        """At most so many flexible days in a row.

        A run that the previous roster ends with continues into the new
        one, so that planning week by week keeps the limit across weeks.
        """
        longest = self.policy.max_consecutive_flexible_days
        if longest is None:
            return
        flexible = frozenset(
            name for name in self.modes if kind_of(name) == FLEXIBLE
        )
        for person in self.members:
            if not self.eligible(person.nip):
                continue
            self.model.add(
                Runs(
                    person.nip,
                    flexible,
                    max_length=longest,
                    before=self._flexible_before(person.nip),
                    tag=self.tag(
                        f"consecutive[{person.nip}]",
                        TagInfo(
                            "consecutive", person.nip, None, {"days": longest}
                        ),
                    ),
                )
            )

    def _flexible_before(self, nip: EmployeeId) -> int:
        """Flexible working days in a row in the previous roster, up to
        the day before the plan starts."""
        previous = self.data.previous
        count = 0
        day = self.data.period.start - dt.timedelta(days=1)
        while True:
            if Weekday.of(day) in self.unit.weekdays:
                if previous.get((nip, day)) != FLEXIBLE:
                    return count
                count += 1
            day -= dt.timedelta(days=1)

    # Wishes.

    def _wishes(self) -> None:
        """Requests that are wishes, and preferred days."""
        weight = self.policy.weight_wish
        if weight <= 0:
            return
        for person in self.members:
            for request in self.data.workforce.requests_of.get(person.nip, ()):
                if request.required:
                    continue
                kind = OFFICE if request.mode is WorkMode.OFFICE else FLEXIBLE
                for day in self.dates:
                    if request.applies_on(day) and self._choosable(
                        person.nip, day
                    ):
                        self._wish(
                            person.nip,
                            day,
                            kind,
                            weight * request.weight,
                            "wish",
                        )
            for day in self.dates:
                if not self._choosable(person.nip, day):
                    continue
                weekday = Weekday.of(day)
                if weekday in person.preferred_flexible_days:
                    self._wish(
                        person.nip, day, FLEXIBLE, weight, "preferred_flexible"
                    )
                if weekday in person.preferred_office_days:
                    self._wish(
                        person.nip, day, OFFICE, weight, "preferred_office"
                    )

    def _wish(
        self, nip: EmployeeId, day: dt.date, kind: str, weight: int, what: str
    ) -> None:
        """One weighted wish for a mode on a day."""
        modes = (
            self.onsite(day)
            if kind == OFFICE
            else frozenset({self.mode(FLEXIBLE, day)})
        )
        tag = self.tag(
            f"{what}[{nip}, {day}, {kind}]",
            TagInfo(what, nip, day, {"mode": kind}),
        )
        self.model.add(Request(nip, self.out.day(day), modes, weight, tag=tag))

    def _teams(self) -> None:
        """Team members on site together at least one day a week."""
        weight = self.policy.weight_team_day
        if weight <= 0:
            return
        teams: dict[str, list[EmployeeId]] = defaultdict(list)
        for person in self.members:
            if person.team:
                teams[person.team].append(person.nip)
        for team, people in teams.items():
            if len(people) < 2:
                continue
            for monday, days in self.week_days().items():
                usable = [
                    d
                    for d in days
                    if not self.is_holiday(d)
                    and not self.is_organisation_day(d)
                ]
                if not usable:
                    continue
                modes = self.onsite(usable[0]) | frozenset().union(
                    *(self.onsite(d) for d in usable)
                )
                tag = self.tag(
                    f"team[{team}, {monday}]",
                    TagInfo("team", None, monday, {"team": team}),
                )
                self.model.add(
                    CommonDays(
                        tuple(people),
                        tuple(self.out.day(d) for d in usable),
                        modes,
                        weight=weight,
                        tag=tag,
                        # A day with one member present is no meeting.
                        quorum=2,
                    )
                )

    def _balance(self) -> None:
        """Even on-site head count across the days of each week.

        The flexible days the week is expected to give (the requested
        targets) leave an average on-site head count; each person a day
        falls below its whole part costs the balance weight. Unlike a
        penalty on the largest minus the smallest daily count, this one
        names the thin days and keeps the model easy to prove optimal.
        """
        weight = self.policy.weight_balance
        if weight <= 0:
            return
        people = tuple(m.nip for m in self.members)
        for monday, days in self.week_days().items():
            usable = [d for d in days if d in self.out.required]
            if len(usable) < 2:
                continue
            present = sum(self.out.present[d] for d in usable)
            expected = self.expected_flexible.get(monday, 0.0)
            level = math.floor((present - expected) / len(usable))
            for day in usable:
                floor = min(level, self.out.present[day])
                if floor <= self.out.required[day]:
                    continue
                tag = self.tag(
                    f"balance[{self.unit.name}, {day}]",
                    TagInfo("balance", None, day, {"level": floor}),
                )
                self.model.add(
                    Cover(
                        people,
                        self.out.day(day),
                        self.onsite(day),
                        minimum=floor,
                        under_weight=weight,
                        tag=tag,
                    )
                )

    def _stability(self) -> None:
        """Stay close to a previous roster."""
        weight = self.policy.weight_change
        previous = self.data.previous
        if weight <= 0 or not previous:
            return
        for person in self.members:
            for day in self.dates:
                kind = previous.get((person.nip, day))
                if kind not in (OFFICE, FLEXIBLE, SPLIT):
                    continue
                if not self._choosable(person.nip, day):
                    continue
                mode = self.mode(kind, day)
                if mode not in self.modes:
                    continue
                tag = self.tag(
                    f"change[{person.nip}, {day}]",
                    TagInfo("change", person.nip, day, {"mode": kind}),
                )
                self.model.add(
                    Request(
                        person.nip,
                        self.out.day(day),
                        frozenset({mode}),
                        weight,
                        tag=tag,
                    )
                )
