"""Absences: days a person is neither on site nor working flexibly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from models.types import EmployeeId


class AbsenceKind(Enum):
    """The usual kinds of absence; free text is kept as ``OTHER``."""

    LEAVE = "cuti"
    SICK = "sakit"
    OFFICIAL_TRAVEL = "dinas luar"
    TRAINING = "diklat"
    OTHER = "lain"


@dataclass(frozen=True)
class Absence:
    """A person is away from ``start`` to ``end``, both included.

    An absent person is neither on site nor working flexibly and does not
    count for coverage.

    Attributes
    ----------
    nip
        Who is away.
    start, end
        First and last day of the absence.
    kind
        The kind of absence.
    label
        The kind as the user wrote it, shown on rosters.
    """

    nip: EmployeeId
    start: dt.date
    end: dt.date
    kind: AbsenceKind = AbsenceKind.LEAVE
    label: str = "Cuti"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(
                f"Absence of {self.nip} ends {self.end} before it starts "
                f"{self.start}."
            )

    def covers(self, day: dt.date) -> bool:
        """Whether the person is away on ``day``."""
        return self.start <= day <= self.end

    def overlaps(self, other: Absence) -> bool:
        """Whether two absences share a day."""
        return self.start <= other.end and other.start <= self.end
