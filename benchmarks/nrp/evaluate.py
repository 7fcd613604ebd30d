"""Score a Curtois-Qu roster by the benchmark's own rules.

Works on the parsed :class:`~benchmarks.nrp.reader.Instance` only, not
through the general roster model, so that it independently checks the
translation done by :func:`~benchmarks.nrp.reader.build_model`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from benchmarks.nrp.reader import Instance, Staff

# (employee, day) -> shift id; missing or None means a day off.
Roster = Mapping[tuple[str, int], str | None]


class Score(NamedTuple):
    """Benchmark objective and broken hard rules of a roster."""

    objective: int
    violations: list[str]


def score(instance: Instance, roster: Roster) -> Score:
    """Compute the benchmark objective and list hard-rule violations.

    Parameters
    ----------
    instance : Instance
        The parsed instance.
    roster : mapping
        ``(employee, day) -> shift id`` for worked days.

    Returns
    -------
    Score
        Objective (requests plus cover) and violation messages.
    """
    objective = _request_cost(instance, roster) + _cover_cost(instance, roster)
    violations: list[str] = []
    for staff in instance.staff:
        line = [roster.get((staff.id, d)) for d in range(instance.horizon)]
        violations.extend(_check_employee(instance, staff, line))
    return Score(objective, violations)


def _request_cost(instance: Instance, roster: Roster) -> int:
    cost = 0
    for on in instance.on_requests:
        if roster.get((on.employee, on.day)) != on.shift:
            cost += on.weight
    for off in instance.off_requests:
        if roster.get((off.employee, off.day)) == off.shift:
            cost += off.weight
    return cost


def _cover_cost(instance: Instance, roster: Roster) -> int:
    cost = 0
    for need in instance.cover:
        count = sum(
            roster.get((s.id, need.day)) == need.shift for s in instance.staff
        )
        if count < need.requirement:
            cost += need.under_weight * (need.requirement - count)
        else:
            cost += need.over_weight * (count - need.requirement)
    return cost


def _check_employee(
    instance: Instance, staff: Staff, line: list[str | None]
) -> Iterator[str]:
    who = staff.id
    minutes = {s.id: s.minutes for s in instance.shifts}
    for shift, limit in staff.max_shifts.items():
        if line.count(shift) > limit:
            yield f"{who}: more than {limit} {shift} shifts"

    total = sum(minutes[s] for s in line if s is not None)
    if not staff.min_minutes <= total <= staff.max_minutes:
        yield f"{who}: {total} minutes outside the contract"
    yield from _check_days(instance, staff, line)
    yield from _check_runs(staff, line)


def _check_days(
    instance: Instance, staff: Staff, line: list[str | None]
) -> Iterator[str]:
    who = staff.id
    for day in instance.days_off.get(who, ()):
        if line[day] is not None:
            yield f"{who}: works on day off {day}"

    banned = {s.id: set(s.cannot_follow) for s in instance.shifts}
    for day, (today, tomorrow) in enumerate(itertools.pairwise(line)):
        if today is not None and tomorrow in banned[today]:
            yield f"{who}: {tomorrow} after {today} on day {day}"

    worked = sum(
        line[sat] is not None or line[sun] is not None
        for sat, sun in instance.weekends
    )
    if worked > staff.max_weekends:
        yield f"{who}: {worked} weekends worked"


def _check_runs(staff: Staff, line: list[str | None]) -> Iterator[str]:
    who = staff.id
    for working, start, length in _blocks(line):
        inner = start > 0 and start + length < len(line)
        if working and length > staff.max_consecutive:
            yield f"{who}: {length} shifts in a row from day {start}"
        if working and inner and length < staff.min_consecutive:
            yield f"{who}: only {length} shifts in a row from day {start}"
        if not working and inner and length < staff.min_days_off:
            yield f"{who}: only {length} days off in a row from day {start}"


def _blocks(line: list[str | None]) -> Iterator[tuple[bool, int, int]]:
    # Maximal stretches of working or free days: (working, start, length).
    start = 0
    for day in range(1, len(line) + 1):
        if day == len(line) or (line[day] is None) != (line[start] is None):
            yield line[start] is not None, start, day - start
            start = day
