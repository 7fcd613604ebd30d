"""Check a roster against a model in plain Python.

This module deliberately shares no code with the CP-SAT builder: it
recomputes every hard rule and every soft cost from the rule
definitions, so that comparing its verdict with the solver's catches
modelling mistakes on either side.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

from planner.roster.model import (
    Balance,
    CommonDays,
    Cover,
    Day,
    Fixed,
    ForbiddenSuccession,
    ModeName,
    PersonId,
    Request,
    RosterModel,
    Runs,
    Slot,
    Total,
    Weekends,
    allowed_tag,
)
from planner.roster.solution import Penalty, Violation


class Evaluation(NamedTuple):
    """Hard violations, paid penalties and their total."""

    violations: list[Violation]
    penalties: list[Penalty]
    objective: int


def evaluate(
    model: RosterModel, assignment: Mapping[Slot, ModeName]
) -> Evaluation:
    """Score ``assignment`` against every rule of ``model``.

    Parameters
    ----------
    model : RosterModel
        The problem.
    assignment : mapping
        ``(person, day) -> mode name`` for every person and day.

    Returns
    -------
    Evaluation
        ``(violations, penalties, objective)``; the objective is the sum
        of the penalty costs.
    """
    violations = list(_check_slots(model, assignment))
    complete = all(
        (person, day) in assignment
        for person in model.people
        for day in range(model.days)
    )
    if not complete:
        # Rules cannot be read over slots without a mode.
        return Evaluation(violations, [], 0)

    # A mode that is not allowed breaks its slot's restriction, but the
    # rules can still be checked: a hand-edited roster gets every breach.
    checker = _Checker(model, assignment)
    checker.run()
    objective = sum(p.cost for p in checker.penalties)
    return Evaluation(
        violations + checker.violations, checker.penalties, objective
    )


def _check_slots(
    model: RosterModel, assignment: Mapping[Slot, ModeName]
) -> Iterator[Violation]:
    for person in model.people:
        for day in range(model.days):
            mode = assignment.get((person, day))
            tag = allowed_tag(person, day)
            if mode is None:
                yield Violation(tag, "no mode assigned")
            elif mode not in model.allowed_modes(person, day):
                yield Violation(tag, f"mode {mode} is not allowed")


class _Checker:
    """Walks the rules of one model for one assignment."""

    def __init__(
        self, model: RosterModel, assignment: Mapping[Slot, ModeName]
    ) -> None:
        self.model = model
        self.assignment = assignment
        self.violations: list[Violation] = []
        self.penalties: list[Penalty] = []

    def run(self) -> None:
        """Check every rule of the model."""
        model = self.model
        for cover in model.covers:
            self.cover(cover)
        for total in model.totals:
            self.total(total)
        for runs in model.runs:
            self.runs(runs)

        for succession in model.successions:
            self.succession(succession)
        for weekends in model.weekends:
            self.weekend(weekends)
        for fixed in model.fixed:
            self.fixed(fixed)

        for request in model.requests:
            self.request(request)
        for common in model.common_days:
            self.common(common)
        for balance in model.balances:
            self.balance(balance)

    def is_in(self, person: PersonId, day: Day, modes: frozenset[str]) -> bool:
        """Whether ``person`` is in one of ``modes`` on ``day``."""
        return self.assignment[person, day] in modes

    def head_count(self, rule: Cover | Balance, day: Day) -> int:
        """People of the rule's group in its modes on ``day``."""
        return sum(self.is_in(p, day, rule.modes) for p in rule.people)

    def broken(self, tag: str, detail: str) -> None:
        """Record a hard violation."""
        self.violations.append(Violation(tag, detail))

    def cover(self, rule: Cover) -> None:
        """Check or score the head count of one cover rule."""
        count = self.head_count(rule, rule.day)
        under = 0 if rule.minimum is None else max(0, rule.minimum - count)
        over = 0 if rule.maximum is None else max(0, count - rule.maximum)
        self._miss(rule, under, rule.under_weight, f"{under} people short")
        self._miss(rule, over, rule.over_weight, f"{over} people too many")

    def _miss(
        self, rule: Cover, amount: int, weight: int | None, detail: str
    ) -> None:
        if amount == 0:
            return
        if weight is None:
            self.broken(rule.tag, detail)
        elif weight > 0:
            self.penalties.append(
                Penalty(
                    "cover",
                    rule.tag,
                    rule.people,
                    rule.day,
                    amount,
                    weight * amount,
                    detail,
                )
            )

    def total(self, rule: Total) -> None:
        """Check the bounds and score the target of one total."""
        value = sum(
            rule.coefficients.get(self.assignment[rule.person, d], 0)
            for d in rule.days
        )
        if rule.minimum is not None and value < rule.minimum:
            self.broken(rule.tag, f"total {value} below {rule.minimum}")
        if rule.maximum is not None and value > rule.maximum:
            self.broken(rule.tag, f"total {value} above {rule.maximum}")

        short = 0 if rule.target is None else max(0, rule.target - value)
        if short > 0 and rule.cost(short) > 0:
            detail = f"total {value} is {short} short of {rule.target}"
            self.penalties.append(
                Penalty(
                    "total",
                    rule.tag,
                    (rule.person,),
                    None,
                    short,
                    rule.cost(short),
                    detail,
                )
            )

    def runs(self, rule: Runs) -> None:
        """Check the length of every run of one person."""
        days = list(rule.days or range(self.model.days))
        last = len(days) - 1
        for start, end in self._runs_of(rule.person, rule.modes, days):
            length = end - start + 1
            inner = start > 0 and end < last
            if rule.min_length and inner and length < rule.min_length:
                detail = f"run of {length} from day {days[start]} is too short"
                self.broken(rule.tag, detail)
            if start == 0:
                # The run carried over from before the first day.
                length += rule.before
            if rule.max_length is not None and length > rule.max_length:
                detail = f"run of {length} up to day {days[end]} is too long"
                self.broken(rule.tag, detail)

    def _runs_of(
        self, person: PersonId, modes: frozenset[str], days: list[Day]
    ) -> Iterator[tuple[int, int]]:
        # Positions in ``days`` where each run starts and ends.
        start: int | None = None
        for position in range(len(days) + 1):
            inside = position < len(days) and self.is_in(
                person, days[position], modes
            )
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                yield start, position - 1
                start = None

    def succession(self, rule: ForbiddenSuccession) -> None:
        """Check one forbidden succession for its people."""
        people = self.model.people if rule.person is None else [rule.person]
        for person in people:
            for day in range(self.model.days - 1):
                first = self.assignment[person, day] == rule.first_mode
                then = self.assignment[person, day + 1] == rule.next_mode
                if first and then:
                    self.broken(rule.tag, f"{person} on day {day}")

    def weekend(self, rule: Weekends) -> None:
        """Check the number of weekends worked."""
        worked = sum(
            any(self.is_in(rule.person, d, rule.modes) for d in weekend)
            for weekend in rule.weekends
        )
        if worked > rule.maximum:
            detail = f"{worked} weekends worked, at most {rule.maximum}"
            self.broken(rule.tag, detail)

    def fixed(self, rule: Fixed) -> None:
        """Check one fixed assignment."""
        actual = self.assignment[rule.person, rule.day]
        if actual != rule.mode:
            self.broken(rule.tag, f"assigned {actual}")

    def request(self, rule: Request) -> None:
        """Score one request."""
        inside = self.is_in(rule.person, rule.day, rule.modes)
        if inside == rule.wanted or rule.weight == 0:
            return
        detail = "request not granted" if rule.wanted else "unwanted mode"
        self.penalties.append(
            Penalty(
                "request",
                rule.tag,
                (rule.person,),
                rule.day,
                1,
                rule.weight,
                detail,
            )
        )

    def common(self, rule: CommonDays) -> None:
        """Check or score the number of common days of a group."""
        together = sum(self._together(rule, day) for day in rule.days)
        missing = max(0, rule.minimum - together)
        if missing == 0:
            return
        detail = f"{together} common days, {missing} short"
        if rule.weight is None:
            self.broken(rule.tag, detail)
        elif rule.weight > 0:
            self.penalties.append(
                Penalty(
                    "common",
                    rule.tag,
                    rule.people,
                    None,
                    missing,
                    rule.weight * missing,
                    detail,
                )
            )

    def _together(self, rule: CommonDays, day: Day) -> bool:
        present = [
            p
            for p in rule.people
            if self.model.allowed_modes(p, day) & rule.modes
        ]
        return len(present) >= rule.quorum and all(
            self.is_in(p, day, rule.modes) for p in present
        )

    def balance(self, rule: Balance) -> None:
        """Score the spread of daily head counts."""
        counts = [self.head_count(rule, day) for day in rule.days]
        spread = max(counts) - min(counts) if counts else 0
        if spread == 0 or rule.weight == 0:
            return
        detail = f"daily counts range from {min(counts)} to {max(counts)}"
        self.penalties.append(
            Penalty(
                "balance",
                rule.tag,
                rule.people,
                None,
                spread,
                rule.weight * spread,
                detail,
            )
        )
