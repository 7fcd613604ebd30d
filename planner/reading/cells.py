"""Reading single cells: text, yes/no, numbers, dates, day lists, NIPs.

Each reader takes a raw cell value (from a workbook: ``str``, ``int``,
``float``, ``bool``, ``date`` or ``datetime``; from CSV: ``str``) and
returns the typed value, or raises :class:`CellError` with the message
code that says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from models import Weekday, parse_weekdays


class CellError(ValueError):
    """A cell's value cannot be read; ``code`` names the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def is_blank(value: Any) -> bool:
    """Whether a cell is empty (``None`` or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Any) -> str:
    """A cell as text, with outer and repeated spaces removed."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


_YES = {"ya", "y", "yes", "1", "true", "benar", "iya"}
_NO = {"tidak", "t", "no", "n", "0", "false", "salah", "tdk"}


def yes_no(value: Any) -> bool:
    """``Ya``/``Tidak`` and the accepted variants, in any case."""
    if isinstance(value, bool):
        return value
    key = text(value).casefold()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError("bad_yes_no", value=text(value))


def integer(value: Any) -> int:
    """A whole number, written as a number or as text."""
    if isinstance(value, bool):
        raise CellError("bad_integer", value=text(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return int(text(value))
    except ValueError:
        raise CellError("bad_integer", value=text(value)) from None


def number(value: Any) -> float:
    """A number; text may use a decimal comma (``37,5``) and a ``%``."""
    if isinstance(value, bool):
        raise CellError("bad_number", value=text(value))
    if isinstance(value, int | float):
        return float(value)
    cleaned = text(value).rstrip("%").strip().replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        raise CellError("bad_number", value=text(value)) from None


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def date(value: Any) -> dt.date:
    """A date: an Excel date, ISO text ``2027-01-04`` or ``04/01/2027``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value)
    try:
        match = _DMY.match(raw)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise CellError("bad_date", value=raw) from None


def weekdays(value: Any) -> frozenset[Weekday]:
    """Day names separated by commas: ``Senin, Jumat`` or ``Mon, Fri``."""
    try:
        return parse_weekdays(text(value))
    except ValueError:
        raise CellError("bad_days", value=text(value)) from None


def nip(value: Any) -> str:
    """A NIP written as text.

    A NIP stored as a number is refused: Excel keeps only 15 significant
    digits, so the last digits of an 18-digit number may already be lost.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError("nip_is_number", value=text(value))
    raw = text(value).replace(" ", "")
    # Scientific notation from a CSV export; Indonesian Excel writes a
    # decimal comma (1,98503E+17).
    if re.fullmatch(r"\d([.,]\d+)?[eE]\+?\d+", raw):
        raise CellError("nip_is_number", value=raw)
    return raw


def tags(value: Any) -> frozenset[str]:
    """Comma-separated tags such as ``pimpinan, loket``, lower case."""
    parts = re.split(r"[,;]", text(value))
    return frozenset(p.strip().casefold() for p in parts if p.strip())
