"""Policy scenarios: a TOML file of named policies to compare.

Each ``[scenario.NAME]`` table names a preset (or a TOML policy file)
and overrides any policy key; a ``[costs]`` table (or cost keys inside a
scenario) sets the cost parameters used to estimate savings. Every
scenario of a file is checked, and its policy built, before anything is
planned, so that all problems are reported at once.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from planner.policy import (
    DEFAULT_PRESET,
    EffectivePolicy,
    load_policy,
    parse_values,
    policy_from_file,
    presets,
)
from planner.problems import InputError, Problem

BUNDLED = "scenarios.toml"
"""The name under which the bundled scenario file is reported."""


@dataclass(frozen=True)
class Savings:
    """Rupiah saved by flexible days over a planned period.

    Attributes
    ----------
    commute
        Employees' commuting not paid.
    meal
        Employees' meal costs away from home avoided.
    office
        The agency's office running costs avoided.
    """

    commute: int = 0
    meal: int = 0
    office: int = 0

    @property
    def employees(self) -> int:
        """What the employees save: commuting and meals."""
        return self.commute + self.meal

    @property
    def total(self) -> int:
        """Employees' and the agency's savings together."""
        return self.commute + self.meal + self.office

    def __add__(self, other: Savings) -> Savings:
        return Savings(
            self.commute + other.commute,
            self.meal + other.meal,
            self.office + other.office,
        )


@dataclass(frozen=True)
class Costs:
    """What a person-day on site costs, in rupiah; a flexible day saves it.

    Attributes
    ----------
    commute_per_day
        An employee's return trip to the office: Rp 30,000 by default,
        public transport or fuel and parking in Bandung.
    meal_per_day
        An employee's meals away from home on an office day: Rp 37,000
        by default, the amount of the grade III civil-service meal
        allowance (PMK 39/2024), taken as the price of a day's meals
        bought near the office.
    office_per_day
        The agency's running costs (power, water, cleaning) per person
        on site and day: Rp 15,000 by default, an assumption rather than
        a published figure; set it from the agency's own bills.

    Notes
    -----
    A split day saves no commuting (the person still travels) and no
    meal (the person is on site around midday), and half the office
    running cost.
    """

    commute_per_day: int = 30_000
    meal_per_day: int = 37_000
    office_per_day: int = 15_000

    def savings(self, flexible_days: int, split_days: int) -> Savings:
        """Rupiah saved by whole flexible days and by split days."""
        return Savings(
            flexible_days * self.commute_per_day,
            flexible_days * self.meal_per_day,
            round((flexible_days + split_days / 2) * self.office_per_day),
        )


COST_KEYS = tuple(f.name for f in fields(Costs))


@dataclass(frozen=True)
class Scenario:
    """A named policy to plan with.

    Attributes
    ----------
    name
        The scenario's name, as in the file.
    preset
        The preset it starts from, or a policy file's path as written.
    overrides
        Policy keys it sets, already typed.
    costs
        Cost parameters for the savings estimate.
    base
        The policy of ``preset`` (read once, when the file is loaded);
        ``None`` to read the preset by name.
    """

    name: str
    preset: str = DEFAULT_PRESET
    overrides: dict[str, Any] = field(default_factory=dict)
    costs: Costs = field(default_factory=Costs)
    base: EffectivePolicy | None = field(default=None, compare=False)

    def policy(self) -> EffectivePolicy:
        """The scenario's policy before the workbook's own overrides.

        Raises
        ------
        InputError
            When the scenario's keys break a rule of the policy.
        """
        base = self.base or load_policy(self.preset)
        return base.overridden(self.overrides, f"scenario {self.name}")


def load_scenarios(path: Path | None = None) -> list[Scenario]:
    """Read a scenario file, or the bundled one when ``path`` is ``None``.

    Raises
    ------
    InputError
        With every problem of the file at once: TOML syntax, tables that
        are not tables, unknown presets or keys, unreadable values and
        policies that break a rule, each located by file, table and key.
    """
    if path is None:
        bundled = resources.files("planner") / "data" / BUNDLED
        text, label = bundled.read_text(encoding="utf-8"), BUNDLED
        folder = Path.cwd()
    else:
        label, folder = path.name, path.parent
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise InputError([Problem("file_missing", file=label)]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([_syntax_problem(exc, label)]) from None
    return _Reader(label, folder, text).scenarios(data)


_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of .*\)")


def _syntax_problem(exc: tomllib.TOMLDecodeError, label: str) -> Problem:
    """A TOML syntax error, at its line of the scenario file."""
    text = str(exc)
    found = _POSITION.search(text)
    line = int(found.group(1)) if found and found.group(1) else None
    why = _POSITION.sub("", text).rstrip(".")
    return Problem(
        "scenario_file_bad", params={"why": why}, file=label, row=line
    )


class _Reader:
    """Turns a parsed scenario file into scenarios, collecting problems."""

    def __init__(self, label: str, folder: Path, text: str) -> None:
        self.label = label
        self.folder = folder
        self.lines = text.splitlines()
        self.problems: list[Problem] = []
        self.known = presets()

    def problem(
        self, code: str, table: str | None, at: str | None, **params: Any
    ) -> None:
        """Record a problem at a table and key of the file."""
        self.problems.append(
            self.place(Problem(code, params=params), table, at)
        )

    def place(
        self, problem: Problem, table: str | None, key: str | None
    ) -> Problem:
        """A problem at a table and key of the file, with its line."""
        return replace(
            problem,
            file=self.label,
            sheet=None if table is None else f"[{table}]",
            row=self.line(table, key),
            column=key,
        )

    def line(self, table: str | None, key: str | None) -> int | None:
        """The line of a key in a table (or of the table's header).

        Only the usual layout is found (a ``[table]`` header, then
        ``key = value`` lines); otherwise the line is left out.
        """
        start = 0
        if table is not None:
            name, _, rest = table.partition(".")
            quoted = rf'(?:{re.escape(rest)}|"{re.escape(rest)}")'
            header = re.compile(
                rf"^\s*\[\s*{re.escape(name)}\s*\.\s*{quoted}\s*\]"
                if rest
                else rf"^\s*\[\s*{re.escape(name)}\s*\]"
            )
            found = next(
                (n for n, t in enumerate(self.lines) if header.match(t)), None
            )
            if found is None:
                return None
            if key is None:
                return found + 1
            start = found + 1
        if key is None:
            return None
        assignment = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start, len(self.lines)):
            text = self.lines[number]
            if table is not None and text.lstrip().startswith("["):
                return None
            if assignment.match(text):
                return number + 1
        return None

    def scenarios(self, data: dict[str, Any]) -> list[Scenario]:
        """Every scenario of the file; raises with all problems found."""
        for key in data:
            if key not in ("costs", "scenario"):
                self.problem("scenario_file_key", None, key, key=key)
        shared = Costs()
        costs = data.get("costs", {})
        if isinstance(costs, dict):
            shared = self.costs(costs, shared, "costs")
        else:
            self.problem("costs_not_table", None, "costs")

        tables = data.get("scenario")
        found = []
        if not isinstance(tables, dict) or not tables:
            self.problem("scenarios_none", None, None)
            tables = {}
        for name, table in tables.items():
            scenario = self.scenario(str(name), table, shared)
            if scenario is not None:
                found.append(scenario)
        if self.problems:
            # In the order of the file; problems of a policy file that a
            # scenario names (without a line here) come first.
            ours = [p for p in self.problems if p.file == self.label]
            theirs = [p for p in self.problems if p.file != self.label]
            ours.sort(key=lambda p: p.row or 0)
            raise InputError([*theirs, *ours])
        return found

    def scenario(
        self, name: str, table: Any, shared: Costs
    ) -> Scenario | None:
        """One scenario, or ``None`` when it has problems."""
        where = f"scenario.{name}"
        if not isinstance(table, dict):
            self.problem("scenario_not_table", "scenario", name, name=name)
            return None
        if not name.strip():
            self.problem("scenario_name_blank", where, None)
            return None
        before = len(self.problems)

        values = dict(table)
        preset = values.pop("preset", DEFAULT_PRESET)
        base = self.base(preset, where)
        cost_values = {k: values.pop(k) for k in COST_KEYS if k in values}
        costs = self.costs(cost_values, shared, where)
        try:
            overrides = parse_values(values, file=self.label)
        except InputError as error:
            self.relocate(error, where)
            return None
        if base is None or len(self.problems) > before:
            return None

        scenario = Scenario(name, str(preset), overrides, costs, base)
        try:
            scenario.policy()
        except InputError as error:
            self.relocate(error, where, overrides)
            return None
        return scenario

    def base(self, preset: Any, where: str) -> EffectivePolicy | None:
        """The policy a scenario starts from: a preset or a policy file."""
        known = ", ".join(self.known)
        if not isinstance(preset, str) or not preset.strip():
            self.problem("scenario_preset", where, "preset", known=known)
            return None
        if preset in self.known:
            return load_policy(preset)
        path = Path(preset)
        if not path.is_absolute():
            # Paths are read from the scenario file's folder, so that
            # the file works wherever it is run from.
            path = self.folder / path
        if not path.is_file():
            self.problem(
                "policy_unknown", where, "preset", name=preset, known=known
            )
            return None
        try:
            return policy_from_file(path, self.known)
        except InputError as error:
            # The policy file's own problems are located in that file.
            self.problems += error.problems
            return None

    def costs(self, values: dict[str, Any], base: Costs, where: str) -> Costs:
        """Cost parameters over a base; bad ones are recorded."""
        good = {}
        for key, value in values.items():
            if key not in COST_KEYS:
                known = ", ".join(COST_KEYS)
                self.problem(
                    "cost_key_unknown", where, key, key=key, known=known
                )
            elif (
                not isinstance(value, int)
                or isinstance(value, bool)
                or value < 0
            ):
                self.problem("cost_value", where, key, value=value)
            else:
                good[key] = value
        return replace(base, **good)

    def relocate(
        self,
        error: InputError,
        where: str,
        overrides: dict[str, Any] | None = None,
    ) -> None:
        """Record a policy's problems at the scenario's table and key."""
        for problem in error.problems:
            column = problem.column or self.culprit(overrides or {})
            self.problems.append(self.place(problem, where, column))

    @staticmethod
    def culprit(overrides: dict[str, Any]) -> str | None:
        """The first key whose value alone breaks a rule of the defaults.

        Used to place a policy error that does not name its key.
        """
        for key, value in overrides.items():
            try:
                load_policy(DEFAULT_PRESET).policy.replace(**{key: value})
            except ValueError:
                return key
        return None
