"""Identifier aliases shared by the whole domain model."""

from typing import TypeAlias

EmployeeId: TypeAlias = str
"""An employee's NIP, the 18-digit civil-servant number."""

UnitName: TypeAlias = str
"""The name of a unit as written in the workbook's ``Unit`` sheet."""

RoleTag: TypeAlias = str
"""A role tag such as ``pimpinan`` or ``loket``, lower case."""

TeamName: TypeAlias = str
"""The name of a team whose members like to share office days."""
