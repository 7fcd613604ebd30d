"""Policy scenarios: a TOML file of named policies to compare.

Each ``[scenario.NAME]`` table names a preset and overrides any policy
key; a ``[costs]`` table (or cost keys inside a scenario) sets the cost
parameters used to estimate savings.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from planner.policy import (
    DEFAULT_PRESET,
    EffectivePolicy,
    load_policy,
    parse_values,
    presets,
)
from planner.problems import InputError, Problem


@dataclass(frozen=True)
class Costs:
    """What one flexible day saves, in rupiah per person.

    Attributes
    ----------
    commute_per_day
        Commuting not paid: Rp 30,000 by default, a return trip by
        public transport or fuel and parking in Bandung.
    meal_per_day
        Meal costs avoided: Rp 37,000 by default, the civil-service meal
        allowance of grade III (PMK 39/2024) paid per day at work.
    office_per_day
        Office running costs (power, water, cleaning) per person-day on
        site: Rp 15,000 by default.
    """

    commute_per_day: int = 30_000
    meal_per_day: int = 37_000
    office_per_day: int = 15_000

    @property
    def per_flexible_day(self) -> int:
        """Rupiah saved by one flexible person-day."""
        return self.commute_per_day + self.meal_per_day + self.office_per_day


COST_KEYS = {f.name for f in fields(Costs)}


@dataclass(frozen=True)
class Scenario:
    """A named policy to plan with.

    Attributes
    ----------
    name
        The scenario's name, as in the file.
    preset
        The preset it starts from.
    overrides
        Policy keys it sets, already typed.
    costs
        Cost parameters for the savings estimate.
    """

    name: str
    preset: str = DEFAULT_PRESET
    overrides: dict[str, Any] = field(default_factory=dict)
    costs: Costs = field(default_factory=Costs)

    def policy(self) -> EffectivePolicy:
        """The scenario's policy before the workbook's own overrides."""
        base = load_policy(self.preset)
        return base.overridden(self.overrides, f"scenario {self.name}")


def load_scenarios(path: Path | None = None) -> list[Scenario]:
    """Read a scenario file, or the bundled one when ``path`` is ``None``.

    Raises
    ------
    InputError
        With every unknown preset or key and every bad value, located by
        file, table and key.
    """
    if path is None:
        bundled = resources.files("planner") / "data" / "scenarios.toml"
        text, label = bundled.read_text(encoding="utf-8"), "scenarios.toml"
    else:
        label = path.name
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            raise InputError([Problem("file_missing", file=label)]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            [Problem("policy_file_bad", params={"why": exc}, file=label)]
        ) from None
    return _scenarios(data, label)


def _scenarios(data: dict[str, Any], label: str) -> list[Scenario]:
    """Every scenario of a parsed file, checking all before failing."""
    problems: list[Problem] = []
    shared = _costs(data.get("costs", {}), Costs(), label, "costs", problems)
    tables = data.get("scenario", {})
    if not isinstance(tables, dict) or not tables:
        raise InputError([Problem("scenarios_none", file=label)])

    known = presets()
    scenarios = []
    for name, table in tables.items():
        where = f"scenario.{name}"
        values = dict(table)
        preset = str(values.pop("preset", DEFAULT_PRESET))
        if preset not in known:
            problems.append(
                Problem(
                    "policy_unknown",
                    params={"name": preset, "known": ", ".join(known)},
                    file=label,
                    sheet=where,
                    column="preset",
                )
            )
        cost_values = {
            k: values.pop(k) for k in list(values) if k in COST_KEYS
        }
        costs = _costs(cost_values, shared, label, where, problems)
        try:
            overrides = parse_values(values, file=label)
        except InputError as error:
            problems += [
                Problem(
                    p.code, p.severity, p.params, label, where, None, p.column
                )
                for p in error.problems
            ]
            continue
        scenarios.append(Scenario(str(name), preset, overrides, costs))
    if problems:
        raise InputError(problems)
    return scenarios


def _costs(
    values: dict[str, Any],
    base: Costs,
    label: str,
    where: str,
    problems: list[Problem],
) -> Costs:
    """Cost parameters over a base; bad ones are recorded as problems."""
    good = {}
    for key, value in values.items():
        if key not in COST_KEYS:
            problems.append(
                Problem(
                    "cost_key_unknown",
                    params={"key": key, "known": ", ".join(sorted(COST_KEYS))},
                    file=label,
                    sheet=where,
                    column=key,
                )
            )
        elif (
            not isinstance(value, int) or isinstance(value, bool) or value < 0
        ):
            problems.append(
                Problem(
                    "cost_value",
                    params={"value": value},
                    file=label,
                    sheet=where,
                    column=key,
                )
            )
        else:
            good[key] = value
    return Costs(**{**base.__dict__, **good})
