"""Weekdays and their names in Indonesian and English."""

from __future__ import annotations

import datetime as dt
import re
from enum import IntEnum


class Weekday(IntEnum):
    """A day of the week, numbered as :meth:`datetime.date.weekday`."""

    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6

    @classmethod
    def of(cls, day: dt.date) -> Weekday:
        """Return the weekday of a date."""
        return cls(day.weekday())

    def label(self, lang: str = "id") -> str:
        """Return the day's full name in ``id`` (Indonesian) or ``en``."""
        names = INDONESIAN_NAMES if lang == "id" else ENGLISH_NAMES
        return names[self]


INDONESIAN_NAMES = (
    "Senin",
    "Selasa",
    "Rabu",
    "Kamis",
    "Jumat",
    "Sabtu",
    "Minggu",
)
ENGLISH_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

# Users type full names, three-letter abbreviations in either language,
# and the old spelling "Jum'at"; all of them are accepted.
_ALIASES: dict[str, Weekday] = {}
for _day in Weekday:
    for _name in (INDONESIAN_NAMES[_day], ENGLISH_NAMES[_day]):
        _ALIASES[_name.lower()] = _day
        _ALIASES[_name[:3].lower()] = _day
_ALIASES["jum'at"] = Weekday.FRIDAY
_ALIASES["ahad"] = Weekday.SUNDAY


def parse_weekday(text: str) -> Weekday:
    """Return the weekday a name stands for.

    Parameters
    ----------
    text
        A day name in Indonesian or English, full or abbreviated to three
        letters, in any case.

    Raises
    ------
    ValueError
        When the name is not a day name.
    """
    key = " ".join(text.split()).lower().rstrip(".")
    if key not in _ALIASES:
        raise ValueError(f"{text!r} is not a day name.")
    return _ALIASES[key]


def parse_weekdays(text: str) -> frozenset[Weekday]:
    """Return the weekdays of a comma- or semicolon-separated list.

    Raises
    ------
    ValueError
        When any item is not a day name; the message names that item.
    """
    items = [item for item in re.split(r"[,;/]", text) if item.strip()]
    return frozenset(parse_weekday(item) for item in items)


def format_date(day: dt.date, lang: str = "id") -> str:
    """Return a date as users read it, e.g. ``Rabu 6 Januari 2027``."""
    months = INDONESIAN_MONTHS if lang == "id" else ENGLISH_MONTHS
    weekday = Weekday.of(day).label(lang)
    return f"{weekday} {day.day} {months[day.month - 1]} {day.year}"


INDONESIAN_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
