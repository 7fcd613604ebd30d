"""Problems found in a user's input, located and worded in their language.

Every problem a user can cause is collected as a :class:`Problem` that
names the file, sheet, row and column, says what is wrong and how to fix
it; all problems of a file are reported together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from planner.messages import message

Lang = str
"""A message language: ``id`` (Indonesian, the default) or ``en``."""

LANGUAGES = ("id", "en")


class Severity(Enum):
    """How much a problem matters."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


_SEVERITY_LABELS = {
    "id": {"error": "GALAT", "warning": "PERINGATAN", "notice": "CATATAN"},
    "en": {"error": "ERROR", "warning": "WARNING", "notice": "NOTICE"},
}
_PLACE_LABELS = {
    "id": ("lembar", "baris", "kolom"),
    "en": ("sheet", "row", "column"),
}


@dataclass(frozen=True)
class Problem:
    """One problem of an input, with where it is.

    Attributes
    ----------
    code
        The message's key in :mod:`planner.messages`.
    severity
        An error makes the input unusable; a warning or notice does not.
    params
        Values the message quotes.
    file, sheet, row, column
        Where the problem is; ``row`` counts as the spreadsheet does
        (the header is row 1).
    """

    code: str
    severity: Severity = Severity.ERROR
    params: Mapping[str, object] = field(default_factory=dict)
    file: str = ""
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def place(self, lang: Lang = "id") -> str:
        """Where the problem is, e.g. ``a.xlsx, lembar Pegawai, baris 4``."""
        sheet, row, column = _PLACE_LABELS[lang]
        parts = [self.file] if self.file else []
        if self.sheet is not None:
            parts.append(f"{sheet} {self.sheet}")
        if self.row is not None:
            parts.append(f"{row} {self.row}")
        if self.column is not None:
            parts.append(f"{column} {self.column}")
        return ", ".join(parts)

    def text(self, lang: Lang = "id") -> str:
        """The message alone, without the place."""
        return message(self.code, lang, self.params)

    def render(self, lang: Lang = "id") -> str:
        """The full line shown to the user."""
        label = _SEVERITY_LABELS[lang][self.severity.value]
        place = self.place(lang)
        where = f"{place}: " if place else ""
        return f"{label}: {where}{self.text(lang)}"


@dataclass(frozen=True)
class Place:
    """Where something is stated in an input, for problems about it."""

    file: str = ""
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def problem(
        self,
        code: str,
        severity: Severity = Severity.ERROR,
        params: Mapping[str, object] | None = None,
        **more: object,
    ) -> Problem:
        """A problem at this place, quoting ``params`` and ``more``."""
        return Problem(
            code,
            severity,
            {**(params or {}), **more},
            self.file,
            self.sheet,
            self.row,
            self.column,
        )


class InputError(Exception):
    """Raised when an input has errors; carries all of its problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            "\n".join(problem.render("en") for problem in self.problems)
        )


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are errors."""
    return [p for p in problems if p.severity is Severity.ERROR]
