"""Reading single cells: text, yes/no, numbers, dates, day lists, NIPs.

Each reader takes a raw cell value (from a workbook: ``str``, ``int``,
``float``, ``bool``, ``date`` or ``datetime``; from CSV: ``str``) and
returns the typed value, or raises :class:`CellError` with the message
code that says what is wrong. Two kinds of value come from the file
readers only: :class:`Percent`, a number shown with a ``%`` format, and
:class:`Unreadable`, a cell that holds no usable value at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from models import Weekday, parse_weekdays


class CellError(ValueError):
    """A cell's value cannot be read; ``code`` names the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class Percent(float):
    """A number the workbook shows with a ``%`` format.

    Excel stores 50 % as 0.5; the format is what tells the two apart.
    """


@dataclass(frozen=True)
class Unreadable:
    """A cell without a usable value.

    Attributes
    ----------
    code
        The message: ``formula_without_value`` for a formula whose result
        was never saved, ``excel_error`` for an error such as ``#N/A``.
    value
        The error as Excel shows it; empty for a formula.
    """

    code: str
    value: str = ""


EXCEL_ERRORS = frozenset(
    {
        "#N/A",
        "#REF!",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)
"""Error values as Excel shows them (and writes them into a CSV file)."""


def unreadable(value: Any) -> Unreadable | None:
    """The reason a cell holds no usable value, or ``None`` if it does.

    Besides the cells the file readers mark, a text that is an Excel
    error (a CSV export writes ``#N/A`` as text) counts.
    """
    if isinstance(value, Unreadable):
        return value
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        return Unreadable("excel_error", value.strip().upper())
    return None


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


# Larger numbers are no count of people, days or boxes; quoting them
# whole would fill the screen (1e300 has 301 digits).
_LARGEST = 10**15


def integer(value: Any) -> int:
    """A whole number, written as a number or as text."""
    if isinstance(value, bool):
        raise CellError("bad_integer", value=text(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int):
        try:
            value = int(text(value))
        except ValueError:
            raise CellError("bad_integer", value=text(value)) from None
    whole: int = value
    if abs(whole) >= _LARGEST:
        raise CellError("too_large", value=f"{whole:.3g}")
    return whole


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


def share(value: Any) -> float:
    """A percentage: ``50``, ``50 %``, or a cell formatted as percent.

    A cell shown as 50 % holds 0.5; its format says it means 50.
    """
    if isinstance(value, Percent):
        # Round away the binary noise of 0.07 x 100 = 7.000000000000001.
        return round(float(value) * 100, 9)
    return number(value)


def is_fraction(value: Any) -> bool:
    """Whether a share cell holds a plain number strictly between 0 and 1.

    Such a value is read as that many percent, but it is most likely a
    fraction typed for a percentage (0.5 for 50 %). A cell formatted as
    percent, or text with a ``%`` sign, says what it means.
    """
    if isinstance(value, Percent | bool) or "%" in str(value):
        return False
    try:
        return 0 < number(value) < 1
    except CellError:
        return False


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
