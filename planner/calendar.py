"""Public holidays, collective leave days and the planning period."""

from __future__ import annotations

import datetime as dt
import re

import holidays

from models import PlanPeriod, Policy
from planner.problems import InputError, Problem

HOLIDAY_CATEGORIES = ("public", "government")
"""``public`` holds the national holidays, ``government`` the collective
leave days (*cuti bersama*) that civil servants also have off."""


def holiday_names(
    start: dt.date, end: dt.date, policy: Policy, lang: str = "id"
) -> dict[dt.date, str]:
    """Holidays between two dates, both included, with their names.

    The calendar of the ``holidays`` package for Indonesia (public
    holidays and *cuti bersama*) is adjusted by the policy: its
    ``extra_holidays`` are added and its ``not_holidays`` removed, since
    decrees change the calendar during the year.
    """
    years = range(start.year, end.year + 1)
    calendar = holidays.country_holidays(
        "ID",
        years=years,
        categories=HOLIDAY_CATEGORIES,
        language="id" if lang == "id" else "en_US",
    )
    found = {
        day: str(name) for day, name in calendar.items() if start <= day <= end
    }
    extra = "Libur tambahan (kebijakan)" if lang == "id" else "Extra holiday"
    for day in policy.extra_holidays:
        if start <= day <= end:
            found.setdefault(day, extra)
    for day in policy.not_holidays:
        found.pop(day, None)
    return dict(sorted(found.items()))


def plan_period(
    start: dt.date, weeks: int, policy: Policy, lang: str = "id"
) -> PlanPeriod:
    """The planning period with its holidays."""
    end = start + dt.timedelta(days=7 * weeks - 1)
    return PlanPeriod(start, weeks, holiday_names(start, end, policy, lang))


_ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def parse_week(text: str) -> dt.date:
    """The Monday a plan starts on: ``2027-01-04`` or ``2027-W01``.

    Raises
    ------
    InputError
        When the text is not a date or ISO week, or the date is not a
        Monday.
    """
    raw = text.strip()
    match = _ISO_WEEK.match(raw)
    try:
        if match:
            year, week = int(match.group(1)), int(match.group(2))
            return dt.date.fromisocalendar(year, week, 1)
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(
            [Problem("week_bad", params={"value": raw}, column="--week")]
        ) from None
    if day.weekday() != 0:
        monday = day - dt.timedelta(days=day.weekday())
        raise InputError(
            [
                Problem(
                    "week_not_monday",
                    params={"value": raw, "monday": monday},
                    column="--week",
                )
            ]
        )
    return day
