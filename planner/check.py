"""``mkd check``: validate a workbook and summarise eligibility."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from models import EmployeeId, Unit, Workforce, required_onsite
from planner.eligibility import Eligibility, Reason, assess, reason_counts
from planner.policy import EffectivePolicy, load_policy
from planner.problems import InputError, Place, Problem, Severity, errors
from planner.reading.workforce import Located, Reading, read_input


@dataclass(frozen=True)
class UnitSummary:
    """Head counts of one unit.

    Attributes
    ----------
    unit
        The unit's name.
    people
        Everyone in the unit.
    eligible
        People who may work flexibly.
    required_onsite
        People who must be on site on a day when everyone is present.
    """

    unit: str
    people: int
    eligible: int
    required_onsite: int


@dataclass(frozen=True)
class CheckReport:
    """What ``mkd check`` found in a workbook."""

    workforce: Workforce
    policy: EffectivePolicy
    eligibility: dict[EmployeeId, Eligibility]
    units: tuple[UnitSummary, ...]
    reasons: Counter[Reason]
    problems: tuple[Problem, ...]

    @property
    def eligible(self) -> int:
        """Eligible people in the whole workbook."""
        return sum(unit.eligible for unit in self.units)


def load(
    path: Path | str, policy: str | None = None
) -> tuple[Workforce, EffectivePolicy, list[Problem]]:
    """Read a workbook and build its effective policy.

    The policy chosen (``--policy``) is overridden by the workbook's own
    ``Kebijakan`` sheet.

    Raises
    ------
    InputError
        With every problem, when the workbook or policy has errors.
    """
    reading, effective = _load(path, policy)
    assert reading.workforce is not None
    return reading.workforce, effective, reading.problems


def _load(
    path: Path | str, policy: str | None
) -> tuple[Reading, EffectivePolicy]:
    """Read a workbook and its policy, raising every problem of both.

    The policy is checked also when the workbook has other errors, so
    that one run names all of them.
    """
    reading = read_input(path)
    problems = list(reading.problems)
    effective = None
    try:
        effective = load_policy(policy).overridden(
            reading.policy_values,
            "workbook",
            reading.policy_places(),
            reading.policy_unread,
        )
    except InputError as error:
        problems += error.problems
    if errors(problems) or reading.workforce is None or effective is None:
        raise InputError(problems)
    return reading, effective


def check(path: Path | str, policy: str | None = None) -> CheckReport:
    """Validate a workbook and assess everyone's eligibility.

    Besides the reader's problems, it warns about units that planning
    will find impossible or that leave no room for flexible work.

    Raises
    ------
    InputError
        With every problem, when the workbook or policy has errors.
    """
    reading, effective = _load(path, policy)
    workforce = reading.workforce
    assert workforce is not None
    results = assess(workforce, effective.policy)
    units = tuple(_summaries(workforce, effective, results))
    problems = list(reading.problems)
    problems += _unit_warnings(workforce, effective, reading, units)
    problems += _role_warnings(workforce, reading)
    return CheckReport(
        workforce,
        effective,
        results,
        units,
        reason_counts(results),
        tuple(problems),
    )


def _summaries(
    workforce: Workforce,
    effective: EffectivePolicy,
    results: dict[EmployeeId, Eligibility],
) -> list[UnitSummary]:
    """One summary per unit, in workbook order."""
    summaries = []
    for unit in workforce.units:
        members = workforce.members[unit.name]
        share, minimum = _coverage(unit, effective)
        required = required_onsite(len(members), share, minimum)
        eligible = sum(results[m.nip].eligible for m in members)
        summaries.append(
            UnitSummary(unit.name, len(members), eligible, required)
        )
    return summaries


def _coverage(unit: Unit, effective: EffectivePolicy) -> tuple[float, int]:
    """A unit's least share and head count on site, its own or policy's."""
    policy = effective.policy
    share = unit.min_onsite_share
    minimum = unit.min_onsite_people
    return (
        policy.min_onsite_share if share is None else share,
        policy.min_onsite_people if minimum is None else minimum,
    )


def _unit_warnings(
    workforce: Workforce,
    effective: EffectivePolicy,
    reading: Reading,
    summaries: tuple[UnitSummary, ...],
) -> list[Problem]:
    """Units that planning finds impossible, or legal but suspicious."""
    warnings = []
    for unit, summary in zip(workforce.units, summaries, strict=True):
        row = reading.units[unit.name]
        people = summary.people
        share, minimum = _coverage(unit, effective)
        params: dict[str, object] = {
            "unit": unit.name,
            "people": people,
            "required": summary.required_onsite,
            "minimum": minimum,
        }
        if people == 0:
            found = [("unit_no_people", row.at("unit"), params)]
        elif minimum > people:
            place = _minimum_place(unit, reading, row)
            found = [("unit_min_above_staff", place, params)]
        elif summary.eligible == 0 and not unit.direct_service:
            # Nobody in a direct-service unit is eligible by design.
            found = [("unit_no_eligible", row.at("unit"), params)]
        elif summary.required_onsite >= people:
            by_share = share * people / 100 >= minimum
            key = "min_onsite_share" if by_share else "min_onsite_people"
            found = [("unit_no_room", row.at(key), params)]
        else:
            found = []

        # On a day when everyone is present, the people who may not work
        # flexibly are on site too.
        needed = max(summary.required_onsite, people - summary.eligible)
        desks = unit.desk_capacity
        if desks is not None and desks < needed <= people:
            more = params | {"desks": desks, "required": needed}
            found.append(("unit_desks_below", row.at("desk_capacity"), more))
        warnings += [
            place.problem(code, Severity.WARNING, values)
            for code, place, values in found
        ]
    return warnings


def _minimum_place(unit: Unit, reading: Reading, row: Located) -> Place:
    """Where a unit's least head count on site is set."""
    if unit.min_onsite_people is None:
        policy = reading.policy_places().get("min_onsite_people")
        if policy is not None:
            return policy
    return row.at("min_onsite_people")


def _role_warnings(workforce: Workforce, reading: Reading) -> list[Problem]:
    """Role cover rules that too few people of the unit can meet."""
    warnings = []
    for cover, row in reading.covers:
        members = workforce.members[cover.unit]
        holders = sum(cover.role in person.roles for person in members)
        params = {
            "unit": cover.unit,
            "role": cover.role,
            "minimum": cover.minimum,
            "holders": holders,
        }
        if holders == 0:
            roles = {role for person in members for role in person.roles}
            near = difflib.get_close_matches(cover.role, roles, n=1)
            code = "role_unheld_near" if near else "role_unheld"
            params["near"] = near[0] if near else ""
            place = row.at("role")
        elif holders < cover.minimum:
            code = "role_short"
            place = row.at("min_onsite_people")
        else:
            continue
        warnings.append(place.problem(code, Severity.WARNING, params))
    return warnings
