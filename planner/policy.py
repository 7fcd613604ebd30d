"""Policies: shipped presets, TOML files and typed policy values.

A policy is built in layers, each overriding the one before: a preset
(``nasional-2025`` by default), a TOML file, the workbook's ``Kebijakan``
sheet. Unit values (``Unit`` sheet) override the coverage keys per unit
when the model is built. Every key remembers the layer it came from.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from models import (
    KEYS,
    REMOVED_KEYS,
    KeyKind,
    Policy,
    PolicyError,
    PolicyIssue,
    Weekday,
)
from planner.messages import Words
from planner.problems import InputError, Place, Problem
from planner.reading import cells
from planner.reading.cells import CellError

DEFAULT_PRESET = "nasional-2025"


@dataclass(frozen=True)
class Preset:
    """A shipped policy with its title and essence in both languages."""

    name: str
    title: Mapping[str, str]
    essence: Mapping[str, str]
    values: Mapping[str, Any]


@dataclass(frozen=True)
class EffectivePolicy:
    """A policy with the layer each of its keys came from.

    Attributes
    ----------
    policy
        The rules in force.
    sources
        For each key set by a layer: ``preset nasional-2025``, the policy
        file's name, or ``workbook``. Keys not in it hold their default.
    """

    policy: Policy
    sources: Mapping[str, str] = field(default_factory=dict)

    def source_of(self, key: str) -> str:
        """Where a key's value came from."""
        return self.sources.get(key, "default")

    def overridden(
        self,
        values: Mapping[str, Any],
        source: str,
        places: Mapping[str, Place] | None = None,
        unread: Collection[str] = (),
    ) -> EffectivePolicy:
        """Return this policy with more keys set by one layer.

        Parameters
        ----------
        values
            The keys the layer sets, already typed.
        source
            The layer's name; for a file, the file's name.
        places
            Where the layer sets each key (a workbook's ``Kebijakan``
            row); by default the key of the file ``source``.
        unread
            Keys the layer sets but whose values could not be read (and
            were reported): a rule involving them is not reported again.

        Raises
        ------
        InputError
            With one located problem per rule the values break together.
        """
        if not values:
            return self
        try:
            policy = self.policy.replace(**values)
        except PolicyError as error:
            issues = [i for i in error.issues if not set(i.keys) & {*unread}]
            raise InputError(
                policy_problems(issues, values, source, places)
            ) from None
        return EffectivePolicy(
            policy, {**self.sources, **dict.fromkeys(values, source)}
        )


def policy_problems(
    issues: Iterable[PolicyIssue],
    values: Mapping[str, Any],
    source: str,
    places: Mapping[str, Place] | None = None,
) -> list[Problem]:
    """Each broken rule of a layer as a problem where the layer sets it.

    A rule that involves two keys (such as the ends of Ramadan) is placed
    at the first of them that this layer sets.
    """
    problems = []
    for issue in issues:
        key = next((k for k in issue.keys if k in values), issue.keys[0])
        place = (places or {}).get(key) or Place(source, column=key)
        params = dict(issue.params)
        if issue.code == "policy_range":
            info = KEYS[key]
            params["unit"] = Words(info.unit, info.unit_en)
        problems.append(place.problem(issue.code, params=params))
    return sorted(problems, key=lambda problem: problem.row or 0)


def presets() -> dict[str, Preset]:
    """Every shipped preset, by name."""
    found = {}
    folder = resources.files("planner") / "policies"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        preset = Preset(
            data["name"],
            {"id": data["title_id"], "en": data["title_en"]},
            {"id": data["essence_id"], "en": data["essence_en"]},
            data["policy"],
        )
        found[preset.name] = preset
    return found


def load_policy(choice: str | None = None) -> EffectivePolicy:
    """Build the policy a user chose with ``--policy NAME|FILE``.

    Parameters
    ----------
    choice
        A preset name, a TOML file's path, or ``None`` for the default
        preset. A file may name its own base with ``preset = "..."`` and
        set keys at the top level or in a ``[policy]`` table.

    Raises
    ------
    InputError
        When the preset is unknown, or the file unreadable or invalid.
    """
    shipped = presets()
    name = choice or DEFAULT_PRESET
    if name in shipped:
        return _from_preset(shipped[name])

    path = Path(name)
    if not path.is_file():
        raise InputError(
            [
                Problem(
                    "policy_unknown",
                    params={"name": name, "known": ", ".join(shipped)},
                )
            ]
        )
    return policy_from_file(path, shipped)


def _from_preset(preset: Preset) -> EffectivePolicy:
    """The policy of a preset, every key credited to it."""
    label = f"preset {preset.name}"
    values = parse_values(preset.values, file=label)
    return EffectivePolicy(Policy()).overridden(values, label)


def policy_from_file(
    path: Path, shipped: Mapping[str, Preset] | None = None
) -> EffectivePolicy:
    """Read a TOML policy file over its preset.

    Raises
    ------
    InputError
        When the file is not TOML, names an unknown preset or key, or
        holds a value of the wrong kind.
    """
    shipped = shipped if shipped is not None else presets()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(
            [Problem("policy_file_bad", params={"why": exc}, file=path.name)]
        ) from None

    base = str(data.pop("preset", DEFAULT_PRESET))
    if base not in shipped:
        raise InputError(
            [
                Problem(
                    "policy_unknown",
                    params={"name": base, "known": ", ".join(shipped)},
                    file=path.name,
                    column="preset",
                )
            ]
        )
    values = {**data.pop("policy", {}), **data}
    for key in ("name", "title_id", "title_en", "essence_id", "essence_en"):
        values.pop(key, None)
    parsed = parse_values(values, file=path.name)
    return _from_preset(shipped[base]).overridden(parsed, path.name)


def parse_values(values: Mapping[str, Any], file: str) -> dict[str, Any]:
    """Convert raw policy values (TOML or cell values) to their types.

    Raises
    ------
    InputError
        With one problem per unknown key or unreadable value.
    """
    parsed: dict[str, Any] = {}
    problems = []
    for key, raw in values.items():
        try:
            parsed[key] = parse_value(key, raw)
        except CellError as error:
            problems.append(
                Problem(error.code, params=error.params, file=file, column=key)
            )
    if problems:
        raise InputError(problems)
    return parsed


def parse_value(key: str, raw: Any) -> Any:
    """Convert one raw policy value to the key's type.

    Raises
    ------
    CellError
        When the key is unknown or the value unreadable.
    """
    if key in REMOVED_KEYS:
        raise CellError("policy_key_removed", key=key)
    if key not in KEYS:
        raise CellError("policy_key_unknown", key=key)
    info = KEYS[key]
    if cells.is_blank(raw) or raw == []:
        if info.kind is KeyKind.DATE or info.optional:
            return None
        if info.kind in (KeyKind.WEEKDAYS, KeyKind.DATES):
            return _empty(info.kind)
        raise CellError("policy_value_missing", key=key)
    if info.unit == "%":
        return cells.share(raw)
    return _CONVERTERS[info.kind](raw)


def _empty(kind: KeyKind) -> Any:
    """The empty value of a list-like key."""
    return frozenset() if kind is KeyKind.WEEKDAYS else ()


def _items(raw: Any) -> list[Any]:
    """A list value from TOML, or a comma-separated cell."""
    if isinstance(raw, list | tuple):
        return list(raw)
    if isinstance(raw, dt.date | int | float):
        return [raw]
    return [part for part in str(raw).split(",") if part.strip()]


def _boxes(raw: Any) -> frozenset[int]:
    boxes = frozenset(cells.integer(item) for item in _items(raw))
    if not boxes <= set(range(1, 10)):
        raise CellError("talent_box_range", value=sorted(boxes))
    return boxes


def _weekdays(raw: Any) -> frozenset[Weekday]:
    return frozenset(
        day for item in _items(raw) for day in cells.weekdays(item)
    )


def _dates(raw: Any) -> tuple[dt.date, ...]:
    return tuple(sorted({cells.date(item) for item in _items(raw)}))


_CONVERTERS = {
    KeyKind.BOXES: _boxes,
    KeyKind.NUMBER: cells.number,
    KeyKind.INTEGER: cells.integer,
    KeyKind.FLAG: cells.yes_no,
    KeyKind.WEEKDAYS: _weekdays,
    KeyKind.DATES: _dates,
    KeyKind.DATE: cells.date,
}
