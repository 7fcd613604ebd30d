"""Read Curtois-Qu instances and express them in the general roster layer.

The instance format (schedulingbenchmarks.org/nrp) has sections
``SECTION_HORIZON``, ``SECTION_SHIFTS``, ``SECTION_STAFF``,
``SECTION_DAYS_OFF``, ``SECTION_SHIFT_ON_REQUESTS``,
``SECTION_SHIFT_OFF_REQUESTS`` and ``SECTION_COVER``. :func:`build_model`
maps every benchmark rule onto a rule family of
:mod:`planner.roster.model`; there is no benchmark-specific solver model.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from planner.roster.model import (
    Cover,
    ForbiddenSuccession,
    Mode,
    Request,
    RosterModel,
    Runs,
    Total,
    Weekends,
)

OFF = "off"
REPO_ROOT = Path(__file__).resolve().parents[2]
# Where the shared data may be: named by the environment, beside the
# repository (``../shared``), or in this workplace's shared folder.
DATA_ENV = "NRP_CURTOIS_DATA"
DATA_DIRS = (
    REPO_ROOT.parent / "shared" / "data" / "nrp-curtois",
    Path("/work/shared/data/nrp-curtois"),
)


@dataclass(frozen=True)
class Shift:
    """A shift type and the shifts that may not follow it."""

    id: str
    minutes: int
    cannot_follow: tuple[str, ...]


@dataclass(frozen=True)
class Staff:
    """One employee's contract limits."""

    id: str
    max_shifts: dict[str, int]
    max_minutes: int
    min_minutes: int
    max_consecutive: int
    min_consecutive: int
    min_days_off: int
    max_weekends: int


@dataclass(frozen=True)
class ShiftRequest:
    """A weighted wish to work (or not work) a shift on a day."""

    employee: str
    day: int
    shift: str
    weight: int


@dataclass(frozen=True)
class CoverRequirement:
    """Wanted head count of a shift on a day, with miss weights."""

    day: int
    shift: str
    requirement: int
    under_weight: int
    over_weight: int


@dataclass(frozen=True)
class Instance:
    """A parsed benchmark instance."""

    name: str
    horizon: int
    shifts: tuple[Shift, ...]
    staff: tuple[Staff, ...]
    days_off: dict[str, tuple[int, ...]]
    on_requests: tuple[ShiftRequest, ...]
    off_requests: tuple[ShiftRequest, ...]
    cover: tuple[CoverRequirement, ...]

    @property
    def weekends(self) -> tuple[tuple[int, int], ...]:
        """Saturday-Sunday pairs; every instance starts on a Monday."""
        return tuple((d, d + 1) for d in range(5, self.horizon - 1, 7))


def data_dir() -> Path:
    """Directory holding the instances.

    The folder named by ``NRP_CURTOIS_DATA``, else the first of
    :data:`DATA_DIRS` that holds them.

    Raises
    ------
    FileNotFoundError
        When no candidate holds the instances; the message lists every
        place tried.
    """
    named = os.environ.get(DATA_ENV)
    candidates = [Path(named)] if named else list(DATA_DIRS)
    for folder in candidates:
        if (folder / "Instance1.txt").is_file():
            return folder
    tried = ", ".join(str(folder) for folder in candidates)
    raise FileNotFoundError(
        f"Curtois-Qu instances not found (tried {tried}); check the shared "
        f"data out as ../shared beside the repository or name its "
        f"nrp-curtois folder in {DATA_ENV}."
    )


def instance_path(number: int) -> Path:
    """Path of instance ``number`` (1..24)."""
    return data_dir() / f"Instance{number}.txt"


def read_instance(source: int | Path) -> Instance:
    """Parse an instance given by number or path.

    Parameters
    ----------
    source : int or Path
        Instance number (1..24) in the shared data directory, or a file.

    Returns
    -------
    Instance
        The parsed instance.
    """
    path = instance_path(source) if isinstance(source, int) else source
    sections = _sections(path.read_text())
    return Instance(
        name=path.stem,
        horizon=int(sections["SECTION_HORIZON"][0][0]),
        shifts=tuple(_shift(r) for r in sections["SECTION_SHIFTS"]),
        staff=tuple(_staff(r) for r in sections["SECTION_STAFF"]),
        days_off={
            r[0]: tuple(int(d) for d in r[1:] if d)
            for r in sections.get("SECTION_DAYS_OFF", [])
        },
        on_requests=_requests(sections, "SECTION_SHIFT_ON_REQUESTS"),
        off_requests=_requests(sections, "SECTION_SHIFT_OFF_REQUESTS"),
        cover=tuple(_cover(r) for r in sections["SECTION_COVER"]),
    )


def _sections(text: str) -> dict[str, list[list[str]]]:
    sections: dict[str, list[list[str]]] = {}
    rows: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            rows = sections.setdefault(line, [])
        else:
            rows.append([field.strip() for field in line.split(",")])
    return sections


def _shift(row: list[str]) -> Shift:
    banned = tuple(s for s in row[2].split("|") if s) if len(row) > 2 else ()
    return Shift(row[0], int(row[1]), banned)


def _staff(row: list[str]) -> Staff:
    limits = dict(item.split("=") for item in row[1].split("|") if item)
    numbers = [int(v) for v in row[2:8]]
    return Staff(row[0], {k: int(v) for k, v in limits.items()}, *numbers)


def _requests(
    sections: dict[str, list[list[str]]], name: str
) -> tuple[ShiftRequest, ...]:
    return tuple(
        ShiftRequest(r[0], int(r[1]), r[2], int(r[3]))
        for r in sections.get(name, [])
    )


def _cover(row: list[str]) -> CoverRequirement:
    day, shift, need, under, over = row
    return CoverRequirement(int(day), shift, int(need), int(under), int(over))


def build_model(instance: Instance) -> RosterModel:
    """Express ``instance`` with the general roster rule families.

    Parameters
    ----------
    instance : Instance
        A parsed instance.

    Returns
    -------
    RosterModel
        Shifts as modes plus an ``off`` mode of 0 minutes.
    """
    modes = [Mode(s.id, s.minutes) for s in instance.shifts]
    model = RosterModel(
        people=tuple(s.id for s in instance.staff),
        days=instance.horizon,
        modes=(*modes, Mode(OFF, 0)),
    )
    _add_availability(model, instance)
    for staff in instance.staff:
        _add_contract(model, instance, staff)

    _add_successions(model, instance)
    _add_requests(model, instance)
    _add_cover(model, instance)
    return model


def _add_availability(model: RosterModel, instance: Instance) -> None:
    # Shift types with a zero maximum are simply not allowed, which
    # removes their variables instead of constraining them.
    for staff in instance.staff:
        banned = {s for s, n in staff.max_shifts.items() if n == 0}
        off_days = set(instance.days_off.get(staff.id, ()))
        for day in range(instance.horizon):
            if day in off_days:
                model.allow(staff.id, day, OFF)
            elif banned:
                model.allow(staff.id, day, set(model.mode_names) - banned)


def _add_contract(
    model: RosterModel, instance: Instance, staff: Staff
) -> None:
    every_day = tuple(range(instance.horizon))
    shifts = frozenset(s.id for s in instance.shifts)
    for shift, limit in staff.max_shifts.items():
        if 0 < limit < instance.horizon:
            tag = f"max-shifts[person={staff.id}, shift={shift}]"
            model.add(
                Total(staff.id, every_day, {shift: 1}, maximum=limit, tag=tag)
            )

    minutes = {s.id: s.minutes for s in instance.shifts}
    model.add(
        Total(
            staff.id,
            every_day,
            minutes,
            minimum=staff.min_minutes,
            maximum=staff.max_minutes,
            tag=f"minutes[person={staff.id}]",
        ),
        Runs(
            staff.id,
            shifts,
            staff.min_consecutive,
            staff.max_consecutive,
            tag=f"consecutive-shifts[person={staff.id}]",
        ),
        Runs(
            staff.id,
            frozenset({OFF}),
            staff.min_days_off,
            tag=f"consecutive-days-off[person={staff.id}]",
        ),
        Weekends(
            staff.id,
            instance.weekends,
            shifts,
            staff.max_weekends,
            tag=f"weekends[person={staff.id}]",
        ),
    )


def _add_successions(model: RosterModel, instance: Instance) -> None:
    for shift in instance.shifts:
        for then in shift.cannot_follow:
            model.add(ForbiddenSuccession(shift.id, then))


def _add_requests(model: RosterModel, instance: Instance) -> None:
    for request in instance.on_requests:
        model.add(
            Request(
                request.employee,
                request.day,
                frozenset({request.shift}),
                request.weight,
                wanted=True,
            )
        )
    for request in instance.off_requests:
        model.add(
            Request(
                request.employee,
                request.day,
                frozenset({request.shift}),
                request.weight,
                wanted=False,
            )
        )


def _add_cover(model: RosterModel, instance: Instance) -> None:
    for need in instance.cover:
        model.add(
            Cover(
                model.people,
                need.day,
                frozenset({need.shift}),
                minimum=need.requirement,
                maximum=need.requirement,
                under_weight=need.under_weight,
                over_weight=need.over_weight,
            )
        )
