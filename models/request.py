"""Requests: fixed assignments and wishes of individual employees."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from models.days import Weekday
from models.types import EmployeeId


class WorkMode(Enum):
    """Where a person works on a day they are present."""

    OFFICE = "office"
    FLEXIBLE = "flexible"


@dataclass(frozen=True)
class Request:
    """A person asks to work in ``mode`` on a date or on a weekday.

    Attributes
    ----------
    nip
        Who asks.
    mode
        Office or flexible.
    date
        The date asked for; exactly one of ``date`` and ``weekday`` is set.
    weekday
        The weekday asked for, in every week of the plan.
    required
        A fixed assignment (*wajib*) when true, a wish otherwise.
    weight
        How much a wish counts against other wishes; positive.
    """

    nip: EmployeeId
    mode: WorkMode
    date: dt.date | None = None
    weekday: Weekday | None = None
    required: bool = False
    weight: int = 1

    def __post_init__(self) -> None:
        if (self.date is None) == (self.weekday is None):
            raise ValueError(
                f"Request of {self.nip} needs exactly one of date and day."
            )
        if self.weight <= 0:
            raise ValueError(f"Request of {self.nip}: weight must be > 0.")

    def applies_on(self, day: dt.date) -> bool:
        """Whether the request concerns ``day``."""
        if self.date is not None:
            return self.date == day
        return Weekday.of(day) == self.weekday
