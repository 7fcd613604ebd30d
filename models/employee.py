"""Employees: the people a roster plans."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.days import Weekday
from models.nip import nip_problem
from models.types import EmployeeId, RoleTag, TeamName, UnitName

TALENT_BOXES = range(1, 10)


@dataclass(frozen=True)
class Readiness:
    """What the eligibility rules need to know about a person.

    ``None`` means the workbook did not say; the policy decides what an
    unknown value means (see :mod:`planner.eligibility`).

    Attributes
    ----------
    face_to_face
        The job needs face-to-face public service (*layanan tatap muka*).
    laptop, internet
        The person has a laptop and enough bandwidth to work remotely.
    approved
        The leader approved flexible work (*persetujuan atasan*).
    disciplinary
        Under, or in process for, a disciplinary penalty.
    newly_placed
        New recruit, promoted, transferred or rotated recently.
    performance_warning
        Last month's evaluation was flagged by the early-warning system.
    """

    face_to_face: bool | None = None
    laptop: bool | None = None
    internet: bool | None = None
    approved: bool | None = None
    disciplinary: bool | None = None
    newly_placed: bool | None = None
    performance_warning: bool | None = None


@dataclass(frozen=True)
class Employee:
    """A civil servant (*ASN*) of one unit.

    Attributes
    ----------
    nip
        The 18-digit civil-servant number, the person's identity.
    name
        Full name with titles, as written by the user.
    unit
        The unit whose coverage rule applies to the person.
    sub_unit, position, team
        Optional descriptive fields; ``team`` groups people who like to
        share office days.
    roles
        Role tags used by role cover rules, lower case.
    talent_box
        Talent box 1-9 of the 9-box matrix, ``None`` when not assessed.
    readiness
        The facts the eligibility rules check.
    preferred_flexible_days, preferred_office_days
        Weekdays the person would like to work flexibly or on site.
    requested_flexible_days
        Flexible days a week the person asks for; ``None`` means as many
        as the policy allows.
    """

    nip: EmployeeId
    name: str
    unit: UnitName
    sub_unit: str = ""
    position: str = ""
    team: TeamName = ""
    roles: frozenset[RoleTag] = frozenset()
    talent_box: int | None = None
    readiness: Readiness = field(default_factory=Readiness)
    preferred_flexible_days: frozenset[Weekday] = frozenset()
    preferred_office_days: frozenset[Weekday] = frozenset()
    requested_flexible_days: int | None = None

    def __post_init__(self) -> None:
        if nip_problem(self.nip) is not None:
            raise ValueError(f"NIP {self.nip!r} is not valid.")
        if not self.name.strip():
            raise ValueError(f"Employee {self.nip} has no name.")
        if not self.unit.strip():
            raise ValueError(f"Employee {self.nip} has no unit.")
        if self.talent_box is not None and self.talent_box not in TALENT_BOXES:
            raise ValueError(
                f"Talent box {self.talent_box} of {self.nip} is not 1-9."
            )
        if self.requested_flexible_days is not None and not (
            0 <= self.requested_flexible_days <= 7
        ):
            raise ValueError(
                f"Requested flexible days of {self.nip} is not 0-7."
            )
        both = self.preferred_flexible_days & self.preferred_office_days
        if both:
            raise ValueError(
                f"{self.nip} prefers both flexible and office work on "
                f"{sorted(day.label('en') for day in both)}."
            )
