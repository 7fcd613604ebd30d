"""``mkd check``: validate a workbook and summarise eligibility."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from models import EmployeeId, Workforce, required_onsite
from planner.eligibility import Eligibility, Reason, assess, reason_counts
from planner.policy import EffectivePolicy, load_policy
from planner.problems import InputError, Problem, Severity
from planner.reading.schema import POLICY
from planner.reading.workforce import read_workforce


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
    workforce, problems = read_workforce(path)
    chosen = load_policy(policy)
    try:
        effective = chosen.overridden(workforce.policy_values, "workbook")
    except InputError as error:
        # Each value was readable, together they are not: name the file
        # and the sheet they came from, not the layer.
        raise InputError(
            replace(p, file=Path(path).name, sheet=POLICY.name)
            for p in error.problems
        ) from None
    return workforce, effective, problems


def check(path: Path | str, policy: str | None = None) -> CheckReport:
    """Validate a workbook and assess everyone's eligibility.

    Raises
    ------
    InputError
        With every problem, when the workbook or policy has errors.
    """
    workforce, effective, problems = load(path, policy)
    results = assess(workforce, effective.policy)
    units = tuple(_summaries(workforce, effective, results))
    problems += _unit_warnings(units, Path(path).name)
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
    policy = effective.policy
    summaries = []
    for unit in workforce.units:
        members = workforce.members[unit.name]
        share = unit.min_onsite_share
        minimum = unit.min_onsite_people
        required = required_onsite(
            len(members),
            policy.min_onsite_share if share is None else share,
            policy.min_onsite_people if minimum is None else minimum,
        )
        eligible = sum(results[m.nip].eligible for m in members)
        summaries.append(
            UnitSummary(unit.name, len(members), eligible, required)
        )
    return summaries


def _unit_warnings(units: tuple[UnitSummary, ...], file: str) -> list[Problem]:
    """Legal but suspicious units: no people, nobody eligible, no room."""
    warnings = []
    for unit in units:
        if unit.people == 0:
            code = "unit_no_people"
        elif unit.eligible == 0:
            code = "unit_no_eligible"
        elif unit.required_onsite >= unit.people:
            code = "unit_no_room"
        else:
            continue
        warnings.append(
            Problem(
                code,
                Severity.WARNING,
                {
                    "unit": unit.unit,
                    "required": unit.required_onsite,
                    "people": unit.people,
                },
                file,
                "Unit",
            )
        )
    return warnings
