"""The workforce: everything a workbook says about people and units."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from models.absence import Absence
from models.employee import Employee
from models.request import Request
from models.types import EmployeeId, UnitName
from models.unit import RoleCover, Unit


@dataclass(frozen=True)
class Workforce:
    """People, units and their rules, checked for consistency.

    Attributes
    ----------
    employees
        Everyone, in workbook order.
    units
        Every unit, in workbook order.
    role_covers
        Minimum on-site head counts per role.
    absences
        Leave, sickness, official travel and training.
    requests
        Fixed assignments and wishes.
    policy_values
        Policy keys set by the workbook itself (its ``Kebijakan`` sheet),
        already converted to their types.
    """

    employees: tuple[Employee, ...]
    units: tuple[Unit, ...]
    role_covers: tuple[RoleCover, ...] = ()
    absences: tuple[Absence, ...] = ()
    requests: tuple[Request, ...] = ()
    policy_values: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Readers report these problems with their place in the file; this
        # check guards programs that build a workforce by hand.
        units = {unit.name for unit in self.units}
        if len(units) != len(self.units):
            raise ValueError("Unit names are not unique.")
        if len(self.by_nip) != len(self.employees):
            raise ValueError("NIPs are not unique.")

        for employee in self.employees:
            if employee.unit not in units:
                raise ValueError(f"{employee.nip}: unknown unit.")
        for cover in self.role_covers:
            if cover.unit not in units:
                raise ValueError(f"Role cover: unknown unit {cover.unit}.")
        nips = [a.nip for a in self.absences]
        nips += [r.nip for r in self.requests]
        for nip in nips:
            if nip not in self.by_nip:
                raise ValueError(f"Unknown NIP {nip}.")

    @cached_property
    def by_nip(self) -> dict[EmployeeId, Employee]:
        """Employees by NIP."""
        return {employee.nip: employee for employee in self.employees}

    @cached_property
    def unit_by_name(self) -> dict[UnitName, Unit]:
        """Units by name."""
        return {unit.name: unit for unit in self.units}

    @cached_property
    def members(self) -> dict[UnitName, tuple[Employee, ...]]:
        """The employees of each unit, in workbook order."""
        groups: dict[UnitName, list[Employee]] = {
            u.name: [] for u in self.units
        }
        for employee in self.employees:
            groups[employee.unit].append(employee)
        return {name: tuple(people) for name, people in groups.items()}

    @cached_property
    def absences_of(self) -> dict[EmployeeId, tuple[Absence, ...]]:
        """Absences by NIP."""
        groups: dict[EmployeeId, list[Absence]] = defaultdict(list)
        for absence in self.absences:
            groups[absence.nip].append(absence)
        return {nip: tuple(items) for nip, items in groups.items()}

    @cached_property
    def requests_of(self) -> dict[EmployeeId, tuple[Request, ...]]:
        """Requests by NIP."""
        groups: dict[EmployeeId, list[Request]] = defaultdict(list)
        for request in self.requests:
            groups[request.nip].append(request)
        return {nip: tuple(items) for nip, items in groups.items()}

    def role_covers_of(self, unit: UnitName) -> tuple[RoleCover, ...]:
        """The role cover rules of a unit."""
        return tuple(c for c in self.role_covers if c.unit == unit)
