"""The planning period: weeks, working days, holidays and daily hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from models.days import Weekday
from models.policy import Policy


@dataclass(frozen=True)
class PlanPeriod:
    """Consecutive weeks, starting on a Monday.

    Attributes
    ----------
    start
        The first Monday.
    weeks
        How many weeks; a month is 4 or 5.
    holidays
        Public holidays and collective leave days in the period, with
        their names; nobody is planned on them.
    """

    start: dt.date
    weeks: int = 1
    holidays: Mapping[dt.date, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.start.weekday() != Weekday.MONDAY:
            raise ValueError(f"A plan starts on a Monday, not {self.start}.")
        if not 1 <= self.weeks <= 26:
            raise ValueError("A plan spans 1 to 26 weeks.")

    @property
    def end(self) -> dt.date:
        """The last day of the period (a Sunday)."""
        return self.start + dt.timedelta(days=7 * self.weeks - 1)

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """Every calendar day of the period."""
        return tuple(
            self.start + dt.timedelta(days=offset)
            for offset in range(7 * self.weeks)
        )

    def week_of(self, day: dt.date) -> int:
        """The index, from 0, of the week that holds ``day``."""
        return (day - self.start).days // 7

    def working_dates(
        self, weekdays: frozenset[Weekday]
    ) -> tuple[dt.date, ...]:
        """Days on the given weekdays that are not holidays."""
        return tuple(
            day
            for day in self.dates
            if Weekday.of(day) in weekdays and day not in self.holidays
        )


def daily_hours(day: dt.date, working_days: int, policy: Policy) -> float:
    """Return the working hours of one day.

    The weekly hours of the policy (37.5 h by default, the Ramadan weekly
    hours within the Ramadan period) are spread evenly over the unit's 5
    or 6 working days.
    """
    weekly = policy.weekly_hours
    if (
        policy.ramadan_start is not None
        and policy.ramadan_end is not None
        and policy.ramadan_start <= day <= policy.ramadan_end
    ):
        weekly = policy.ramadan_weekly_hours
    return weekly / working_days
