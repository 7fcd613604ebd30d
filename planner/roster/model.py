"""Plain-data description of a rostering problem.

A roster gives every person exactly one mode (a shift, office day, day
off, ...) on every day of a horizon. The rules below restrict or score
such rosters. Nothing here knows about a solver or about civil servants:
the CP-SAT builder (`planner.roster.cpsat`) and the independent checker
(`planner.roster.evaluate`) both read these objects.

Every rule carries a human-readable ``tag``. Hard rules are reported by
their tag when a model is infeasible, soft rules name their penalties by
it. When no tag is given, one is derived from the rule's fields.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

PersonId = str
Day = int
ModeName = str
Slot = tuple[PersonId, Day]


def _set(attr: str, obj: object, value: object) -> None:
    # Frozen dataclasses normalise their inputs once, here.
    object.__setattr__(obj, attr, value)


def _modes(value: ModeName | Iterable[ModeName]) -> frozenset[ModeName]:
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(value)


def _names(modes: frozenset[ModeName]) -> str:
    return "|".join(sorted(modes))


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


def _check_weight(weight: int | None, what: str) -> None:
    _check(
        weight is None or weight >= 0,
        f"The {what} must be a non-negative integer.",
    )


def _check_bounds(low: int | None, high: int | None, what: str) -> None:
    _check(
        low is None or high is None or low <= high,
        f"The minimum of {what} exceeds its maximum.",
    )


@dataclass(frozen=True)
class Mode:
    """What a person does on one day.

    Parameters
    ----------
    name : str
        Unique name, e.g. ``"office"``, ``"flexible"`` or a shift id.
    minutes : int
        Working minutes credited for the day (0 for days off).
    onsite_minutes : int, optional
        How many of those minutes are spent on site; defaults to all of
        them. A split day might have 450 minutes, 240 of them on site.
    """

    name: ModeName
    minutes: int = 0
    onsite_minutes: int | None = None

    def __post_init__(self) -> None:
        _check(bool(self.name), "A mode needs a non-empty name.")
        _check(self.minutes >= 0, f"Mode {self.name} has negative minutes.")
        if self.onsite_minutes is None:
            _set("onsite_minutes", self, self.minutes)

        _check(
            0 <= self.minutes_on_site <= self.minutes,
            f"Mode {self.name} has on-site minutes outside 0..minutes.",
        )

    @property
    def minutes_on_site(self) -> int:
        """Minutes spent on site (``onsite_minutes`` after defaulting)."""
        if self.onsite_minutes is None:
            return self.minutes
        return self.onsite_minutes

    @property
    def onsite(self) -> bool:
        """Whether the person is on site at all in this mode."""
        return self.minutes_on_site > 0

    @property
    def away_minutes(self) -> int:
        """Minutes worked away from the site."""
        return self.minutes - self.minutes_on_site


@dataclass(frozen=True)
class Cover:
    """Head count of ``people`` in one of ``modes`` on ``day``.

    A bound is hard when its weight is None; otherwise each missing
    (``under_weight``) or surplus (``over_weight``) person costs the
    weight.
    """

    people: tuple[PersonId, ...]
    day: Day
    modes: frozenset[ModeName]
    minimum: int | None = None
    maximum: int | None = None
    under_weight: int | None = None
    over_weight: int | None = None
    tag: str = ""

    def __post_init__(self) -> None:
        _set("people", self, tuple(self.people))
        _set("modes", self, _modes(self.modes))
        _check_bounds(self.minimum, self.maximum, "a cover")
        _check_weight(self.under_weight, "cover under weight")
        _check_weight(self.over_weight, "cover over weight")
        if not self.tag:
            tag = f"cover[day={self.day}, modes={_names(self.modes)}]"
            _set("tag", self, tag)


def quadratic_costs(weight: int, length: int) -> tuple[int, ...]:
    """Return the cost table ``weight * s**2`` for s in 0..length-1.

    Parameters
    ----------
    weight : int
        Multiplier of the squared shortfall.
    length : int
        Number of entries (the largest shortfall plus one).

    Returns
    -------
    tuple of int
        A convex, increasing table starting at 0.
    """
    return tuple(weight * s * s for s in range(length))


@dataclass(frozen=True)
class Total:
    """Weighted count ``sum coefficients[mode]`` of one person over days.

    Coefficients choose what is counted: 1 per mode counts days, mode
    minutes count minutes, ``flexible=2, split=1`` counts split days as
    half days (double the bounds then). ``minimum`` and ``maximum`` are
    hard. A shortfall ``s`` below ``target`` costs ``costs[s]``; the
    table must be convex and start at 0, so that spreading a shortfall
    over many people is cheaper than concentrating it. Shortfalls past
    the end of the table continue its last slope.
    """

    person: PersonId
    days: tuple[Day, ...]
    coefficients: Mapping[ModeName, int]
    minimum: int | None = None
    maximum: int | None = None
    target: int | None = None
    costs: tuple[int, ...] = ()
    tag: str = ""

    def __post_init__(self) -> None:
        _set("days", self, tuple(self.days))
        _set("coefficients", self, dict(self.coefficients))
        _check_bounds(self.minimum, self.maximum, "a total")
        _set("costs", self, tuple(self.costs))
        if self.target is not None:
            _check_costs(self.costs)
        if not self.tag:
            _set("tag", self, f"total[person={self.person}]")

    def cost(self, shortfall: int) -> int:
        """Cost of falling ``shortfall`` units short of the target."""
        if shortfall <= 0:
            return 0
        last = len(self.costs) - 1
        if shortfall <= last:
            return self.costs[shortfall]
        slope = self.costs[last] - self.costs[last - 1]
        return self.costs[last] + slope * (shortfall - last)


def _check_costs(costs: tuple[int, ...]) -> None:
    _check(
        len(costs) >= 2 and costs[0] == 0,
        "A total target needs a cost table of two or more entries from 0.",
    )
    steps = [b - a for a, b in itertools.pairwise(costs)]
    _check(
        all(s >= 0 for s in steps)
        and all(a <= b for a, b in itertools.pairwise(steps)),
        "A total cost table must be increasing and convex.",
    )


@dataclass(frozen=True)
class Runs:
    """Length limits on runs of consecutive days in ``modes``.

    Runs are counted over ``days`` in the order given (every day of the
    horizon when empty); a day left out neither extends nor breaks a
    run, as a weekend does not break a run of working days. A run
    touching either end of the sequence is exempt from the minimum (the
    days beyond are unknown). For the maximum, days after the sequence
    count as not in ``modes``, and ``before`` days in ``modes`` precede
    it: a run carried over from an earlier roster.
    """

    person: PersonId
    modes: frozenset[ModeName]
    min_length: int | None = None
    max_length: int | None = None
    tag: str = ""
    days: tuple[Day, ...] = ()
    before: int = 0

    def __post_init__(self) -> None:
        _set("modes", self, _modes(self.modes))
        _set("days", self, tuple(self.days))
        _check_bounds(self.min_length, self.max_length, "a run length")
        _check(
            self.max_length is None or self.max_length >= 0,
            "A maximum run length must not be negative.",
        )
        _check(self.before >= 0, "A carried-over run must not be negative.")
        _check(
            len(set(self.days)) == len(self.days),
            "The days of a run rule must be distinct.",
        )
        if not self.tag:
            tag = f"runs[person={self.person}, modes={_names(self.modes)}]"
            _set("tag", self, tag)


@dataclass(frozen=True)
class ForbiddenSuccession:
    """``first_mode`` on day d may not be followed by ``next_mode``.

    Applies to ``person``, or to everyone when ``person`` is None. The
    last day of the horizon is unconstrained (beyond it counts as off).
    """

    first_mode: ModeName
    next_mode: ModeName
    person: PersonId | None = None
    tag: str = ""

    def __post_init__(self) -> None:
        if not self.tag:
            who = "all" if self.person is None else self.person
            tag = (
                f"succession[person={who}, "
                f"{self.first_mode}->{self.next_mode}]"
            )
            _set("tag", self, tag)


@dataclass(frozen=True)
class Weekends:
    """At most ``maximum`` of ``weekends`` worked by ``person``.

    A weekend (a tuple of day indices) counts as worked when any of its
    days is in ``modes``.
    """

    person: PersonId
    weekends: tuple[tuple[Day, ...], ...]
    modes: frozenset[ModeName]
    maximum: int
    tag: str = ""

    def __post_init__(self) -> None:
        _set("weekends", self, tuple(tuple(w) for w in self.weekends))
        _set("modes", self, _modes(self.modes))
        _check(self.maximum >= 0, "A weekend maximum must not be negative.")
        if not self.tag:
            _set("tag", self, f"weekends[person={self.person}]")


@dataclass(frozen=True)
class Fixed:
    """Hard assignment of ``mode`` to ``person`` on ``day``."""

    person: PersonId
    day: Day
    mode: ModeName
    tag: str = ""

    def __post_init__(self) -> None:
        if not self.tag:
            tag = f"fixed[person={self.person}, day={self.day}, {self.mode}]"
            _set("tag", self, tag)


@dataclass(frozen=True)
class Request:
    """Soft wish of ``person`` to be (or not be) in ``modes`` on ``day``.

    Costs ``weight`` when ``wanted`` and the person is not in ``modes``,
    or when not ``wanted`` and the person is.
    """

    person: PersonId
    day: Day
    modes: frozenset[ModeName]
    weight: int
    wanted: bool = True
    tag: str = ""

    def __post_init__(self) -> None:
        _set("modes", self, _modes(self.modes))
        _check_weight(self.weight, "request weight")
        if not self.tag:
            kind = "on" if self.wanted else "off"
            tag = (
                f"request-{kind}[person={self.person}, day={self.day}, "
                f"modes={_names(self.modes)}]"
            )
            _set("tag", self, tag)


@dataclass(frozen=True)
class CommonDays:
    """``people`` together in ``modes`` on at least ``minimum`` of ``days``.

    A day counts when every present member is in ``modes`` and at least
    ``quorum`` members are present; a member is present on a day when
    one of ``modes`` is allowed for them. A quorum of 2 keeps a day on
    which one member is alone from counting as a meeting. Hard when
    ``weight`` is None, else each missing day costs ``weight``.
    """

    people: tuple[PersonId, ...]
    days: tuple[Day, ...]
    modes: frozenset[ModeName]
    minimum: int = 1
    weight: int | None = None
    tag: str = ""
    quorum: int = 1

    def __post_init__(self) -> None:
        _set("people", self, tuple(self.people))
        _set("days", self, tuple(self.days))
        _set("modes", self, _modes(self.modes))
        _check_weight(self.weight, "common-days weight")
        _check(self.quorum >= 1, "A common-days quorum must be at least 1.")
        if not self.tag:
            tag = f"common[people={','.join(self.people)}]"
            _set("tag", self, tag)


@dataclass(frozen=True)
class Balance:
    """Penalise uneven daily head counts of ``people`` in ``modes``.

    Costs ``weight`` times the largest minus the smallest daily count
    over ``days``.
    """

    people: tuple[PersonId, ...]
    days: tuple[Day, ...]
    modes: frozenset[ModeName]
    weight: int
    tag: str = ""

    def __post_init__(self) -> None:
        _set("people", self, tuple(self.people))
        _set("days", self, tuple(self.days))
        _set("modes", self, _modes(self.modes))
        _check_weight(self.weight, "balance weight")
        if not self.tag:
            tag = f"balance[modes={_names(self.modes)}]"
            _set("tag", self, tag)


Rule = (
    Cover
    | Total
    | Runs
    | ForbiddenSuccession
    | Weekends
    | Fixed
    | Request
    | CommonDays
    | Balance
)


def allowed_tag(person: PersonId, day: Day) -> str:
    """Tag naming the allowed-mode restriction of one person and day."""
    return f"allowed[person={person}, day={day}]"


@dataclass(frozen=True, eq=False)
class RosterModel:
    """People, days, modes and the rules a roster must follow.

    Rules are kept per family in lists, so a model can be built up with
    :meth:`add` (or the ``add_*`` shortcuts) after construction; each
    rule is checked against the people, days and modes on the way in.

    Parameters
    ----------
    people : tuple of str
        Person ids, unique.
    days : int
        Horizon length; days are numbered 0..days-1.
    modes : tuple of Mode
        Modes with unique names.
    allowed : mapping, optional
        ``(person, day) -> modes`` allowed there; missing slots allow all
        modes. Use it for holidays and absences.
    day_labels : tuple of str, optional
        Display names of the days (dates, weekdays).
    """

    people: tuple[PersonId, ...]
    days: int
    modes: tuple[Mode, ...]
    allowed: dict[Slot, frozenset[ModeName]] = field(default_factory=dict)
    day_labels: tuple[str, ...] = ()
    covers: list[Cover] = field(default_factory=list)
    totals: list[Total] = field(default_factory=list)
    runs: list[Runs] = field(default_factory=list)
    successions: list[ForbiddenSuccession] = field(default_factory=list)
    weekends: list[Weekends] = field(default_factory=list)
    fixed: list[Fixed] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    common_days: list[CommonDays] = field(default_factory=list)
    balances: list[Balance] = field(default_factory=list)

    def __post_init__(self) -> None:
        _set("people", self, tuple(self.people))
        _set("modes", self, tuple(self.modes))
        _set("day_labels", self, tuple(self.day_labels))
        given = dict(self.allowed)
        _set("allowed", self, {})
        self._check_basics()

        for (person, day), modes in given.items():
            self.allow(person, day, modes)

        for rules in self._families().values():
            pending = list(rules)
            rules.clear()
            self.add(*pending)

    def _check_basics(self) -> None:
        _check(self.days >= 1, "A roster needs at least one day.")
        _check(bool(self.people), "A roster needs at least one person.")
        _check(bool(self.modes), "A roster needs at least one mode.")
        _check(
            len(set(self.people)) == len(self.people),
            "Person ids must be unique.",
        )

        _check(
            len(set(self.mode_names)) == len(self.modes),
            "Mode names must be unique.",
        )
        _check(
            not self.day_labels or len(self.day_labels) == self.days,
            "There must be one day label per day.",
        )

    def _families(self) -> dict[type, list[Any]]:
        return {
            Cover: self.covers,
            Total: self.totals,
            Runs: self.runs,
            ForbiddenSuccession: self.successions,
            Weekends: self.weekends,
            Fixed: self.fixed,
            Request: self.requests,
            CommonDays: self.common_days,
            Balance: self.balances,
        }

    @cached_property
    def mode_names(self) -> tuple[ModeName, ...]:
        """Names of the modes in model order."""
        return tuple(m.name for m in self.modes)

    def mode(self, name: ModeName) -> Mode:
        """Return the mode called ``name``."""
        for mode in self.modes:
            if mode.name == name:
                return mode
        raise ValueError(f"Unknown mode {name}.")

    def allowed_modes(self, person: PersonId, day: Day) -> frozenset[str]:
        """Modes ``person`` may take on ``day``."""
        return self.allowed.get((person, day), self._mode_set)

    def allow(
        self,
        person: PersonId,
        day: Day,
        modes: ModeName | Iterable[ModeName],
    ) -> None:
        """Restrict ``person`` on ``day`` to ``modes`` (e.g. a holiday).

        Repeated calls intersect the restrictions.
        """
        self._check_person(person)
        self._check_day(day)
        wanted = self._check_modes(_modes(modes))
        current = self.allowed.get((person, day))
        self.allowed[person, day] = (
            wanted if current is None else current & wanted
        )

    def add(self, *rules: Rule, check: bool = True) -> None:
        """Check ``rules`` against the model and append them.

        ``check=False`` skips the check, for rules taken from a model
        with the same people and modes (a block of a longer model): a
        long model has many rules, and checking them again is waste.
        """
        families = self._families()
        for rule in rules:
            if type(rule) not in families:
                raise ValueError(f"Unknown rule type {type(rule).__name__}.")
            if check:
                self._check_rule(rule)
            families[type(rule)].append(rule)

    def add_cover(self, **fields: Any) -> Cover:
        """Build a :class:`Cover` from ``fields`` and add it."""
        rule = Cover(**fields)
        self.add(rule)
        return rule

    def add_total(self, **fields: Any) -> Total:
        """Build a :class:`Total` from ``fields`` and add it."""
        rule = Total(**fields)
        self.add(rule)
        return rule

    def add_request(self, **fields: Any) -> Request:
        """Build a :class:`Request` from ``fields`` and add it."""
        rule = Request(**fields)
        self.add(rule)
        return rule

    def rules(self) -> list[Rule]:
        """All rules, family by family."""
        out: list[Rule] = []
        for rules in self._families().values():
            out.extend(rules)
        return out

    def _check_rule(self, rule: Rule) -> None:
        for person in _people_of(rule):
            self._check_person(person)
        for day in _days_of(rule):
            self._check_day(day)
        self._check_modes(_modes_of(rule))

    @cached_property
    def _person_set(self) -> frozenset[PersonId]:
        # Models of a thousand people check many rules: keep lookups O(1).
        return frozenset(self.people)

    @cached_property
    def _mode_set(self) -> frozenset[ModeName]:
        return frozenset(self.mode_names)

    def _check_person(self, person: PersonId) -> None:
        if person not in self._person_set:
            raise ValueError(f"Unknown person {person}.")

    def _check_day(self, day: Day) -> None:
        if not 0 <= day < self.days:
            raise ValueError(f"Day {day} is outside the horizon.")

    def _check_modes(self, modes: Iterable[ModeName]) -> frozenset[str]:
        modes = frozenset(modes)
        if not modes <= self._mode_set:
            unknown = modes - self._mode_set
            raise ValueError(f"Unknown modes {_names(unknown)}.")
        return modes


def _people_of(rule: Rule) -> tuple[PersonId, ...]:
    if isinstance(rule, Cover | CommonDays | Balance):
        return rule.people
    if isinstance(rule, ForbiddenSuccession):
        return () if rule.person is None else (rule.person,)
    return (rule.person,)


def _days_of(rule: Rule) -> tuple[Day, ...]:
    if isinstance(rule, Cover | Fixed | Request):
        return (rule.day,)
    if isinstance(rule, Total | CommonDays | Balance):
        return rule.days
    if isinstance(rule, Weekends):
        return tuple(d for weekend in rule.weekends for d in weekend)
    if isinstance(rule, Runs):
        return rule.days
    return ()


def _modes_of(rule: Rule) -> frozenset[ModeName]:
    if isinstance(rule, Total):
        return frozenset(rule.coefficients)
    if isinstance(rule, ForbiddenSuccession):
        return frozenset({rule.first_mode, rule.next_mode})
    if isinstance(rule, Fixed):
        return frozenset({rule.mode})
    return rule.modes
