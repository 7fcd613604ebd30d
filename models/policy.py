"""The flexible-working policy: every rule the planner applies."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from models.days import Weekday


class KeyKind(Enum):
    """How a policy value is written and read."""

    BOXES = "boxes"
    NUMBER = "number"
    INTEGER = "integer"
    FLAG = "flag"
    WEEKDAYS = "weekdays"
    DATES = "dates"
    DATE = "date"


# The units of KEYS in English, for messages and listings.
UNITS_EN = {
    "kotak": "boxes",
    "hari/minggu": "days/week",
    "jam/minggu": "hours/week",
    "hari": "days",
    "%": "%",
    "orang": "people",
    "ya/tidak": "yes/no",
    "tanggal": "dates",
    "jam": "hours",
    "poin": "points",
}


@dataclass(frozen=True)
class KeyInfo:
    """What a policy key means, for documentation and messages.

    Attributes
    ----------
    kind
        How the value is written.
    unit
        The value's unit in Indonesian (see :attr:`unit_en`).
    id, en
        The key's meaning in Indonesian and English.
    optional
        Whether the key may be blank (no value).
    """

    kind: KeyKind
    unit: str
    id: str
    en: str
    optional: bool = False

    @property
    def unit_en(self) -> str:
        """The value's unit in English."""
        return UNITS_EN.get(self.unit, self.unit)


@dataclass(frozen=True)
class PolicyIssue:
    """One rule a policy's values break.

    Attributes
    ----------
    code
        What is wrong, as a message key of the planner's messages.
    keys
        The keys involved, the one to change first.
    params
        The values a message quotes.
    """

    code: str
    keys: tuple[str, ...]
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        values = ", ".join(f"{k} = {v}" for k, v in self.params.items())
        return f"{self.code} ({values})"


class PolicyError(ValueError):
    """A policy breaks one or more rules; ``issues`` lists every one."""

    def __init__(self, issues: list[PolicyIssue]) -> None:
        self.issues = tuple(issues)
        super().__init__("; ".join(str(issue) for issue in self.issues))


@dataclass(frozen=True)
class Policy:
    """The rules of one flexible-working policy.

    Every attribute is a policy key that a preset, a TOML file, the
    workbook's ``Kebijakan`` sheet or a scenario can set; :data:`KEYS`
    gives each key's unit and meaning. The defaults are the national
    regulation of 2025 (PermenPANRB 4/2025) with West Java's eligible
    talent boxes.
    """

    eligible_talent_boxes: frozenset[int] = frozenset({4, 5, 7, 8, 9})
    max_flexible_days_per_week: float = 2
    min_regular_hours_per_week: float = 22.5
    weekly_hours: float = 37.5
    max_consecutive_flexible_days: int | None = None
    min_onsite_share: float = 50
    min_onsite_people: int = 1
    organisation_flexible_days: frozenset[Weekday] = frozenset()
    split_days: bool = False
    split_onsite_hours: float = 4
    require_approval: bool = True
    require_laptop: bool = True
    require_internet: bool = True
    exclude_disciplinary: bool = True
    exclude_newly_placed: bool = True
    exclude_performance_warning: bool = True
    extra_holidays: tuple[dt.date, ...] = ()
    not_holidays: tuple[dt.date, ...] = ()
    ramadan_start: dt.date | None = None
    ramadan_end: dt.date | None = None
    ramadan_weekly_hours: float = 32.5
    weight_flexible_shortfall: int = 100
    weight_wish: int = 10
    weight_team_day: int = 5
    weight_balance: int = 1
    weight_change: int = 2

    def __post_init__(self) -> None:
        issues = self.issues()
        if issues:
            raise PolicyError(issues)

    def issues(self) -> list[PolicyIssue]:
        """Every rule the values break, so that all are reported at once."""
        found = []
        for key, (low, high) in _RANGES.items():
            value = getattr(self, key)
            if value is not None and not low <= value <= high:
                params: dict[str, object] = {
                    "key": key,
                    "value": f"{value:g}",
                }
                params |= {"low": low, "high": high}
                found.append(PolicyIssue("policy_range", (key,), params))
        out_of_range = {key for issue in found for key in issue.keys}
        boxes = self.eligible_talent_boxes
        if not boxes <= set(range(1, 10)):
            found.append(
                PolicyIssue(
                    "talent_box_range",
                    ("eligible_talent_boxes",),
                    {"value": sorted(boxes)},
                )
            )
        hours = {"min_regular_hours_per_week", "weekly_hours"}
        if (
            not hours & out_of_range
            and self.min_regular_hours_per_week > self.weekly_hours
        ):
            found.append(
                PolicyIssue(
                    "policy_hours",
                    ("min_regular_hours_per_week", "weekly_hours"),
                    {
                        "hours": f"{self.min_regular_hours_per_week:g}",
                        "weekly": f"{self.weekly_hours:g}",
                    },
                )
            )
        found += self._ramadan_issues()
        return found

    def _ramadan_issues(self) -> list[PolicyIssue]:
        """The Ramadan period needs both ends, in order."""
        start, end = self.ramadan_start, self.ramadan_end
        keys = ("ramadan_start", "ramadan_end")
        if (start is None) != (end is None):
            missing = "ramadan_end" if end is None else "ramadan_start"
            given = "ramadan_start" if end is None else "ramadan_end"
            return [
                PolicyIssue(
                    "policy_ramadan_pair",
                    (given, missing),
                    {"given": given, "missing": missing},
                )
            ]
        if start is not None and end is not None and end < start:
            return [
                PolicyIssue(
                    "policy_ramadan_order",
                    (keys[1], keys[0]),
                    {"start": start.isoformat(), "end": end.isoformat()},
                )
            ]
        return []

    def replace(self, **changes: Any) -> Policy:
        """Return a copy with some keys changed; the copy is validated."""
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        """Return every key with its value."""
        return {key: getattr(self, key) for key in KEYS}


_RANGES: dict[str, tuple[float, float]] = {
    "max_flexible_days_per_week": (0, 7),
    "min_regular_hours_per_week": (0, 80),
    "weekly_hours": (1, 80),
    "max_consecutive_flexible_days": (1, 31),
    "min_onsite_share": (0, 100),
    "min_onsite_people": (0, 10_000),
    "split_onsite_hours": (0.5, 12),
    "ramadan_weekly_hours": (1, 80),
    "weight_flexible_shortfall": (0, 1_000_000),
    "weight_wish": (0, 1_000_000),
    "weight_team_day": (0, 1_000_000),
    "weight_balance": (0, 1_000_000),
    "weight_change": (0, 1_000_000),
}

KEYS: dict[str, KeyInfo] = {
    "eligible_talent_boxes": KeyInfo(
        KeyKind.BOXES,
        "kotak",
        "Kotak talenta yang boleh bekerja fleksibel.",
        "Talent boxes allowed to work flexibly.",
    ),
    "max_flexible_days_per_week": KeyInfo(
        KeyKind.NUMBER,
        "hari/minggu",
        "Paling banyak hari fleksibel seminggu (sebagian = 1/2 hari).",
        "Most flexible days a week (a split day counts as half).",
    ),
    "min_regular_hours_per_week": KeyInfo(
        KeyKind.NUMBER,
        "jam/minggu",
        "Jam kerja reguler (di kantor) minimal seminggu penuh.",
        "Least on-site hours in a full week.",
    ),
    "weekly_hours": KeyInfo(
        KeyKind.NUMBER,
        "jam/minggu",
        "Jam kerja seminggu (Perpres 21/2023: 37,5).",
        "Working hours a week (Presidential Reg. 21/2023: 37.5).",
    ),
    "max_consecutive_flexible_days": KeyInfo(
        KeyKind.INTEGER,
        "hari",
        "Paling banyak hari fleksibel berturut-turut (kosong: bebas).",
        "Most consecutive flexible days (blank: no limit).",
        optional=True,
    ),
    "min_onsite_share": KeyInfo(
        KeyKind.NUMBER,
        "%",
        "Bagian minimal pegawai hadir yang harus di kantor.",
        "Least share of present staff who must be on site.",
    ),
    "min_onsite_people": KeyInfo(
        KeyKind.INTEGER,
        "orang",
        "Jumlah minimal pegawai di kantor per unit per hari.",
        "Least head count on site per unit and day.",
    ),
    "organisation_flexible_days": KeyInfo(
        KeyKind.WEEKDAYS,
        "hari",
        "Hari semua pegawai unit non-layanan-langsung bekerja fleksibel.",
        "Weekdays when all staff of non-direct-service units work flexibly.",
    ),
    "split_days": KeyInfo(
        KeyKind.FLAG,
        "ya/tidak",
        "Boleh hari sebagian (sebagian di kantor, sebagian fleksibel).",
        "Allow split days (part on site, part flexible).",
    ),
    "split_onsite_hours": KeyInfo(
        KeyKind.NUMBER,
        "jam",
        "Jam di kantor pada hari sebagian.",
        "On-site hours of a split day.",
    ),
    "require_approval": KeyInfo(
        KeyKind.FLAG,
        "ya/tidak",
        "Wajib persetujuan atasan.",
        "Leader's approval required.",
    ),
    "require_laptop": KeyInfo(
        KeyKind.FLAG,
        "ya/tidak",
        "Wajib punya laptop.",
        "A laptop is required.",
    ),
    "require_internet": KeyInfo(
        KeyKind.FLAG,
        "ya/tidak",
        "Wajib punya internet memadai.",
        "Enough internet bandwidth is required.",
    ),
    "exclude_disciplinary": KeyInfo(
        KeyKind.FLAG,
        "ya/tidak",
        "Pegawai dengan hukuman disiplin tidak boleh fleksibel.",
        "Staff under a disciplinary penalty may not work flexibly.",
    ),
    "exclude_newly_placed": KeyInfo(
        KeyKind.FLAG,
        "ya/tidak",
        "Pegawai baru (rekrut, promosi, mutasi, rotasi) tidak boleh "
        "fleksibel.",
        "Newly placed staff may not work flexibly.",
    ),
    "exclude_performance_warning": KeyInfo(
        KeyKind.FLAG,
        "ya/tidak",
        "Pegawai dengan peringatan kinerja bulan lalu tidak boleh fleksibel.",
        "Staff flagged by last month's evaluation may not work flexibly.",
    ),
    "extra_holidays": KeyInfo(
        KeyKind.DATES,
        "tanggal",
        "Hari libur tambahan (di luar kalender nasional).",
        "Extra holidays (beyond the national calendar).",
    ),
    "not_holidays": KeyInfo(
        KeyKind.DATES,
        "tanggal",
        "Tanggal kalender nasional yang tetap hari kerja.",
        "National-calendar dates that stay working days.",
    ),
    "ramadan_start": KeyInfo(
        KeyKind.DATE,
        "tanggal",
        "Awal jam kerja Ramadan.",
        "First day of Ramadan working hours.",
        optional=True,
    ),
    "ramadan_end": KeyInfo(
        KeyKind.DATE,
        "tanggal",
        "Akhir jam kerja Ramadan.",
        "Last day of Ramadan working hours.",
        optional=True,
    ),
    "ramadan_weekly_hours": KeyInfo(
        KeyKind.NUMBER,
        "jam/minggu",
        "Jam kerja seminggu selama Ramadan.",
        "Working hours a week during Ramadan.",
    ),
    "weight_flexible_shortfall": KeyInfo(
        KeyKind.INTEGER,
        "poin",
        "Bobot hari fleksibel yang diminta tetapi tidak diberikan.",
        "Weight of a requested flexible day not granted.",
    ),
    "weight_wish": KeyInfo(
        KeyKind.INTEGER,
        "poin",
        "Bobot keinginan (permintaan, hari pilihan) yang tidak dipenuhi.",
        "Weight of a wish (request, preferred day) not met.",
    ),
    "weight_team_day": KeyInfo(
        KeyKind.INTEGER,
        "poin",
        "Bobot anggota tim tanpa hari kantor bersama dalam seminggu.",
        "Weight of a team without a common office day in a week.",
    ),
    "weight_balance": KeyInfo(
        KeyKind.INTEGER,
        "poin",
        "Bobot selisih jumlah orang di kantor antarhari.",
        "Weight of uneven on-site head count across days.",
    ),
    "weight_change": KeyInfo(
        KeyKind.INTEGER,
        "poin",
        "Bobot perubahan terhadap jadwal sebelumnya.",
        "Weight of a change against the previous roster.",
    ),
}

REMOVED_KEYS = frozenset({"exclude_face_to_face"})
"""Keys of earlier versions that no longer exist: face-to-face staff are
never eligible, whatever the policy."""
