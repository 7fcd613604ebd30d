"""Reading and validating an input workbook into a :class:`Workforce`.

The reader goes through every sheet and row, collects every problem with
its place, and only then decides: with any error, all problems are raised
together as an :class:`InputError`; otherwise the workforce is returned
with the warnings and notices.

A problem is reported once, where it is: a sheet or column that cannot
be used does not stop the other sheets and columns from being checked,
and a row that is refused (a bad NIP, an unknown unit) still names its
person and unit, so that rows referring to them are not reported too.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from models import (
    KEYS,
    Absence,
    AbsenceKind,
    Employee,
    Readiness,
    Request,
    RoleCover,
    Unit,
    UnitName,
    Workforce,
    WorkMode,
    nip_problem,
)
from planner.policy import parse_value
from planner.problems import InputError, Place, Problem, Severity, errors
from planner.reading import cells, schema
from planner.reading.cells import CellError
from planner.reading.schema import Sheet, normalise
from planner.reading.sources import (
    RawSheet,
    RawSource,
    column_letter,
    read_source,
)

T = TypeVar("T")

HEADER_ROWS = 10
"""Rows searched for the header: exported lists often start with a title."""

# How alike a misspelt name must be to a known one to be suggested
# (difflib's ratio): "Bagian Umun" for "Bagian Umum" is 0.91.
NEAR = 0.8

# The 9-box numbering of the domain brief, for agencies that give the
# two levels instead of a box number.
_PERFORMANCE = {
    "di bawah ekspektasi": 0,
    "dibawah ekspektasi": 0,
    "below expectation": 0,
    "below": 0,
    "sesuai ekspektasi": 1,
    "meets expectation": 1,
    "meets": 1,
    "di atas ekspektasi": 2,
    "diatas ekspektasi": 2,
    "above expectation": 2,
    "above": 2,
}
_POTENTIAL = {
    "rendah": 0,
    "low": 0,
    "menengah": 1,
    "sedang": 1,
    "medium": 1,
    "tinggi": 2,
    "high": 2,
}
_BOX = {  # (potential, performance) -> box
    (0, 0): 1,
    (0, 1): 2,
    (0, 2): 4,
    (1, 0): 3,
    (1, 1): 5,
    (1, 2): 7,
    (2, 0): 6,
    (2, 1): 8,
    (2, 2): 9,
}
_ABSENCE_KINDS = {
    "cuti": AbsenceKind.LEAVE,
    "cuti tahunan": AbsenceKind.LEAVE,
    "leave": AbsenceKind.LEAVE,
    "annual leave": AbsenceKind.LEAVE,
    "sakit": AbsenceKind.SICK,
    "sick": AbsenceKind.SICK,
    "dinas luar": AbsenceKind.OFFICIAL_TRAVEL,
    "official travel": AbsenceKind.OFFICIAL_TRAVEL,
    "diklat": AbsenceKind.TRAINING,
    "training": AbsenceKind.TRAINING,
}
_MODES = {
    "kantor": WorkMode.OFFICE,
    "office": WorkMode.OFFICE,
    "reguler": WorkMode.OFFICE,
    "wfo": WorkMode.OFFICE,
    "k": WorkMode.OFFICE,
    "fleksibel": WorkMode.FLEXIBLE,
    "flexible": WorkMode.FLEXIBLE,
    "wfh": WorkMode.FLEXIBLE,
    "wfa": WorkMode.FLEXIBLE,
    "f": WorkMode.FLEXIBLE,
}


@dataclass
class Row:
    """One data row of a sheet: its spreadsheet number and raw values."""

    number: int
    values: dict[str, Any]

    def blank(self, key: str) -> bool:
        """Whether the row has no value in a column."""
        return cells.is_blank(self.values.get(key))


@dataclass
class Table:
    """The rows of one sheet with the headers as the file wrote them.

    Attributes
    ----------
    spec
        The sheet's columns.
    title
        The sheet's name as written.
    file
        The file to name in messages, and ``sheet`` for the sheet (for a
        CSV folder, the CSV file and no sheet).
    headers
        Each column found, by key, with its header as written.
    positions
        Each column found, by key, with its index (A = 0).
    rows
        The data rows below the header that are not blank.
    """

    spec: Sheet
    title: str
    file: str
    sheet: str | None
    headers: dict[str, str] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)

    def usable(self, key: str) -> bool:
        """Whether the sheet has a column."""
        return key in self.headers

    def at(self, row: int | None = None, key: str | None = None) -> Place:
        """A place in the sheet; ``key`` names a column by its header."""
        column = None
        if key is not None:
            column = self.headers.get(key, key)
        return Place(self.file, self.sheet, row, column)


@dataclass(frozen=True)
class Located:
    """A row of an input sheet, to place messages about what it states."""

    table: Table
    row: int

    def at(self, key: str | None = None) -> Place:
        """The row, or one of its cells when the sheet has the column."""
        if key is not None and not self.table.usable(key):
            key = None
        return self.table.at(self.row, key)


@dataclass
class Reading:
    """Everything read from an input, usable or not.

    Attributes
    ----------
    workforce
        The workforce, ``None`` when the input has errors.
    problems
        Every error, warning and notice found.
    units
        The row of each unit, by name.
    covers
        Each role cover with its row.
    policy_values
        The policy keys set by the ``Kebijakan`` sheet, typed, also when
        other sheets have errors.
    policy_rows
        The row of each policy key.
    policy_unread
        Policy keys whose values could not be read.
    """

    workforce: Workforce | None
    problems: list[Problem]
    units: dict[UnitName, Located] = field(default_factory=dict)
    covers: list[tuple[RoleCover, Located]] = field(default_factory=list)
    policy_values: dict[str, object] = field(default_factory=dict)
    policy_rows: dict[str, Located] = field(default_factory=dict)
    policy_unread: set[str] = field(default_factory=set)

    def policy_places(self) -> dict[str, Place]:
        """Where each policy key's value is."""
        return {key: row.at("value") for key, row in self.policy_rows.items()}


def read_input(path: Path | str) -> Reading:
    """Read an input workbook or CSV folder, keeping every problem.

    Raises
    ------
    InputError
        When the file cannot be read at all (missing, not a workbook,
        password protected, open in Excel).
    """
    return _WorkforceReader(read_source(Path(path))).read()


def read_workforce(path: Path | str) -> tuple[Workforce, list[Problem]]:
    """Read and validate an input workbook or CSV folder.

    Parameters
    ----------
    path
        An ``.xlsx`` (or ``.xlsm``, ``.xls``, ``.ods``) workbook, or a
        folder of CSV files named after the sheets.

    Returns
    -------
    tuple
        The workforce, and the warnings and notices found.

    Raises
    ------
    InputError
        With every problem of the input, when any of them is an error.
    """
    reading = read_input(path)
    if reading.workforce is None:
        raise InputError(reading.problems)
    return reading.workforce, reading.problems


class _Nips:
    """The NIPs written in the Pegawai sheet, refused rows included.

    A NIP stored as a number has lost its last digits; a reference whose
    first digits match it is taken to mean that row, not an unknown one.
    """

    def __init__(self) -> None:
        self.texts: set[str] = set()
        self.prefixes: dict[int, set[str]] = defaultdict(set)

    def add_number(self, value: Any) -> None:
        """Remember the digits a NIP stored as a number still has.

        Anything else (a blank or unreadable cell) is ignored.
        """
        if isinstance(value, bool) or cells.unreadable(value):
            return
        if isinstance(value, int | float):
            # Excel keeps 15 significant digits; a float holds no more.
            digits = f"{int(value):d}"[:15].rstrip("0")
        else:
            mantissa = re.match(r"\d[.,]?\d*", cells.text(value))
            digits = mantissa.group() if mantissa else ""
            digits = re.sub(r"\D", "", digits).rstrip("0")
        if len(digits) >= 6:
            self.prefixes[len(digits)].add(digits)

    def knows(self, nip: str) -> bool:
        """Whether a NIP may refer to a row of the Pegawai sheet."""
        if nip in self.texts:
            return True
        return any(nip[:n] in found for n, found in self.prefixes.items())


class _WorkforceReader:
    """Reads the sheets of one source, collecting located problems."""

    def __init__(self, source: RawSource) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.errors = 0
        self.reading = Reading(None, self.problems)

    def read(self) -> Reading:
        """Read every sheet; the workforce only when nothing is wrong."""
        tables = {spec.key: self._table(spec) for spec in schema.SHEETS}
        self._unknown_files()

        units, known_units = self._units(tables["Units"])
        employees, nips = self._employees(tables["Employees"], known_units)
        role_covers = self._role_covers(tables["Role Cover"], known_units)
        absences = self._absences(tables["Absences"], nips)
        requests = self._requests(tables["Requests"], nips)
        self.reading.policy_values = self._policy_values(tables["Policy"])
        if errors(self.problems) or tables["Employees"] is None:
            return self.reading

        self.reading.workforce = Workforce(
            tuple(employees),
            tuple(units),
            tuple(role_covers),
            tuple(absences),
            tuple(requests),
            self.reading.policy_values,
        )
        return self.reading

    # -----------------------------------------------------------------
    # Reporting.
    # -----------------------------------------------------------------

    def _report(
        self,
        code: str,
        table: Table,
        row: Row | None = None,
        key: str | None = None,
        severity: Severity = Severity.ERROR,
        params: Mapping[str, object] | None = None,
        **extra: object,
    ) -> None:
        """Record a problem at a sheet, row and column."""
        place = table.at(row.number if row else None, key)
        self._add(place.problem(code, severity, params, **extra))

    def _add(self, problem: Problem) -> None:
        """Record a problem, counting errors."""
        self.problems.append(problem)
        if problem.severity is Severity.ERROR:
            self.errors += 1

    # -----------------------------------------------------------------
    # Sheets, headers and cells.
    # -----------------------------------------------------------------

    def _table(self, spec: Sheet) -> Table | None:
        """Find a sheet and map its header; report what is missing."""
        raw = self._find_sheet(spec)
        if raw is None:
            if spec.required:
                code = "csv_file_missing" if self.source.folder else None
                place = Place(self.source.label)
                self._add(
                    place.problem(
                        code or "sheet_missing",
                        sheet=spec.name,
                        alias=spec.key,
                    )
                )
            return None

        table = Table(
            spec,
            raw.title,
            raw.file or self.source.label,
            None if raw.file else raw.title,
        )
        header = _header_index(spec, raw.rows)
        if header is None:
            severity = Severity.ERROR if spec.required else Severity.WARNING
            self._report("sheet_empty", table, severity=severity)
            return None
        if any(_filled(row) for row in raw.rows[:header]):
            self._report(
                "header_moved",
                table,
                severity=Severity.NOTICE,
                params={"row": header + 1, "skipped": header},
            )
        self._map_header(table, raw.rows, header)
        return table

    def _find_sheet(self, spec: Sheet) -> RawSheet | None:
        """The source's sheet with the spec's name or alias."""
        names = spec.names()
        for sheet in self.source.sheets:
            if normalise(sheet.title) in names:
                return sheet
        return None

    def _unknown_files(self) -> None:
        """A CSV file of the folder that is no sheet gets a notice."""
        if not self.source.folder:
            return
        known = set().union(*(spec.names() for spec in schema.SHEETS))
        listing = ", ".join(f"{spec.name}.csv" for spec in schema.SHEETS)
        for sheet in self.source.sheets:
            if normalise(sheet.title) not in known:
                self._add(
                    Place(sheet.file).problem(
                        "csv_file_unknown", Severity.NOTICE, known=listing
                    )
                )

    def _map_header(
        self, table: Table, rows: list[list[Any]], header: int
    ) -> None:
        """Match header cells to columns and collect the data rows."""
        spec = table.spec
        for index, cell in enumerate(rows[header]):
            if cells.is_blank(cell) or cells.unreadable(cell):
                continue
            name = cells.text(cell)
            column = spec.column_for(name)
            if column is None:
                self._unknown_column(table, name)
            elif column.key in table.positions:
                self._report("column_duplicate", table, key=name)
            else:
                table.positions[column.key] = index
                table.headers[column.key] = name

        for column in spec.columns:
            if column.required and column.key not in table.positions:
                self._report(
                    "column_missing",
                    table,
                    key=column.name,
                    params={"row": header + 1},
                    name=column.name,
                    alias=column.key,
                )

        positions = table.positions.items()
        for offset, values in enumerate(rows[header + 1 :], start=header + 2):
            row = Row(
                offset,
                {
                    key: values[index] if index < len(values) else None
                    for key, index in positions
                },
            )
            if any(not row.blank(key) for key in table.positions):
                table.rows.append(row)

        if not table.rows and spec.required:
            self._report("sheet_no_rows", table)

    def _unknown_column(self, table: Table, header: str) -> None:
        """A notice for a header that names no column, with a guess."""
        names = {}
        for column in table.spec.columns:
            names[normalise(column.name)] = column.name
            names[normalise(column.key)] = column.name
        near = difflib.get_close_matches(
            normalise(header), names, n=1, cutoff=NEAR
        )
        if near:
            self._report(
                "column_unknown_near",
                table,
                key=header,
                severity=Severity.NOTICE,
                near=names[near[0]],
            )
        else:
            self._report(
                "column_unknown", table, key=header, severity=Severity.NOTICE
            )

    def _cell(
        self,
        table: Table,
        row: Row,
        key: str,
        read: Callable[[Any], T],
        required: bool = False,
    ) -> T | None:
        """Read one cell; report and return ``None`` when unreadable.

        A column the sheet does not have reads as blank, silently: its
        absence is reported once, for the sheet.
        """
        if not table.usable(key):
            return None
        if self._unreadable(table, row, key):
            return None
        if row.blank(key):
            if required:
                self._report("value_missing", table, row, key)
            return None
        try:
            return read(row.values[key])
        except CellError as error:
            self._report(error.code, table, row, key, params=error.params)
            return None

    def _unreadable(self, table: Table, row: Row, key: str) -> bool:
        """Report a cell that holds a formula without result or an error."""
        bad = cells.unreadable(row.values.get(key))
        if bad is None:
            return False
        cell = f"{column_letter(table.positions[key])}{row.number}"
        self._report(bad.code, table, row, key, cell=cell, value=bad.value)
        return True

    def _count(
        self, table: Table, row: Row, key: str, required: bool = False
    ) -> int | None:
        """A whole number of people or desks, 0 or more."""
        value = self._cell(table, row, key, cells.integer, required)
        if value is not None and value < 0:
            self._report("negative", table, row, key, value=value)
            return None
        return value

    def _share(self, table: Table, row: Row, key: str) -> float | None:
        """A percentage 0-100; a fraction such as 0.5 is warned about."""
        value = self._cell(table, row, key, cells.share)
        if value is None:
            return None
        if not 0 <= value <= 100:
            self._report("share_range", table, row, key, value=f"{value:g}")
            return None
        if cells.is_fraction(row.values[key]):
            self._report(
                "share_fraction",
                table,
                row,
                key,
                Severity.WARNING,
                value=f"{value:g}",
                percent=f"{value * 100:g}",
            )
        return value

    # -----------------------------------------------------------------
    # Units and people.
    # -----------------------------------------------------------------

    def _units(
        self, table: Table | None
    ) -> tuple[list[Unit], dict[str, UnitName] | None]:
        """The ``Unit`` sheet, and every unit name it gives.

        The names are by their folded form (case and spaces), and include
        units whose rows are refused for another cell; ``None`` when the
        sheet or its ``Unit`` column cannot be used.
        """
        if table is None or not table.usable("unit"):
            return [], None
        units: list[Unit] = []
        known: dict[str, UnitName] = {}
        for row in table.rows:
            before = self.errors
            name = self._cell(table, row, "unit", cells.text, required=True)
            share = self._share(table, row, "min_onsite_share")
            people = self._count(table, row, "min_onsite_people")
            desks = self._count(table, row, "desk_capacity")
            days = self._cell(table, row, "working_days", cells.integer)
            direct = self._cell(table, row, "direct_service", cells.yes_no)
            if days is not None and days not in (5, 6):
                self._report(
                    "working_days", table, row, "working_days", value=days
                )
            if name is None:
                continue
            first = self.reading.units.get(known.get(normalise(name), ""))
            if first is not None:
                self._report(
                    "unit_duplicate",
                    table,
                    row,
                    "unit",
                    name=name,
                    first=first.row,
                )
                continue

            known[normalise(name)] = name
            self.reading.units[name] = Located(table, row.number)
            if self.errors == before:
                units.append(
                    Unit(name, share, people, desks, days or 5, bool(direct))
                )
        return units, known

    def _unit_of(
        self,
        table: Table,
        row: Row,
        known: Mapping[str, UnitName] | None,
    ) -> UnitName | None:
        """The unit a row names, as the Unit sheet spells it.

        Case and repeated spaces do not matter; a near miss is suggested.
        """
        name = self._cell(table, row, "unit", cells.text, required=True)
        if name is None or known is None:
            return name
        found = known.get(normalise(name))
        if found is not None:
            return found
        near = difflib.get_close_matches(
            normalise(name), known, n=1, cutoff=NEAR
        )
        if near:
            self._report(
                "unit_unknown_near",
                table,
                row,
                "unit",
                name=name,
                near=known[near[0]],
            )
        else:
            self._report("unit_unknown", table, row, "unit", name=name)
        return None

    def _employees(
        self,
        table: Table | None,
        units: Mapping[str, UnitName] | None,
    ) -> tuple[list[Employee], _Nips | None]:
        """The ``Pegawai`` sheet, and the NIPs it names.

        The NIPs are ``None`` when the sheet or its NIP column cannot be
        used: then no reference to a person can be checked.
        """
        if table is None:
            return [], None
        for key in schema.READINESS_KEYS:
            if key not in table.headers:
                column = table.spec.column_for(key)
                header = column.name if column else key
                self._report(
                    "readiness_column_missing",
                    table,
                    key=header,
                    severity=Severity.WARNING,
                    column=header,
                )

        employees: list[Employee] = []
        nips = _Nips()
        first_row: dict[str, int] = {}
        for row in table.rows:
            employee = self._employee(table, row, units, nips, first_row)
            if employee is not None:
                employees.append(employee)
        return employees, nips if table.usable("nip") else None

    def _employee(
        self,
        table: Table,
        row: Row,
        units: Mapping[str, UnitName] | None,
        nips: _Nips,
        first_row: dict[str, int],
    ) -> Employee | None:
        """One row of the ``Pegawai`` sheet."""
        nip = self._nip(table, row, nips, first_row)
        name = self._cell(table, row, "name", cells.text, required=True)
        unit = self._unit_of(table, row, units)

        box = self._talent_box(table, row)
        readiness = self._readiness(table, row)
        flexible = self._cell(
            table, row, "preferred_flexible_days", cells.weekdays
        )
        office = self._cell(
            table, row, "preferred_office_days", cells.weekdays
        )
        if flexible and office and flexible & office:
            both = ", ".join(
                day.label("id") for day in sorted(flexible & office)
            )
            self._report(
                "preferred_both",
                table,
                row,
                "preferred_office_days",
                days=both,
            )
            office = frozenset(office - flexible)
        requested = self._cell(
            table, row, "requested_flexible_days", cells.integer
        )
        if requested is not None and not 0 <= requested <= 7:
            self._report(
                "requested_range",
                table,
                row,
                "requested_flexible_days",
                value=requested,
            )
            requested = None

        if nip is None or name is None or unit is None:
            return None
        return Employee(
            nip,
            name,
            unit,
            self._cell(table, row, "sub_unit", cells.text) or "",
            self._cell(table, row, "position", cells.text) or "",
            self._cell(table, row, "team", cells.text) or "",
            self._cell(table, row, "roles", cells.tags) or frozenset(),
            box,
            readiness,
            flexible or frozenset(),
            office or frozenset(),
            requested,
        )

    def _nip(
        self, table: Table, row: Row, nips: _Nips, first_row: dict[str, int]
    ) -> str | None:
        """A row's NIP: text, valid, and not seen in an earlier row.

        Every NIP written is remembered in ``nips``, also a refused one.
        """
        nip = self._cell(table, row, "nip", cells.nip, required=True)
        if nip is None:
            nips.add_number(row.values.get("nip"))
            return None
        nips.texts.add(nip)
        problem = nip_problem(nip)
        if problem is not None:
            self._report(f"nip_{problem.value}", table, row, "nip", nip=nip)
            return None
        if nip in first_row:
            self._report(
                "nip_duplicate",
                table,
                row,
                "nip",
                nip=nip,
                first=first_row[nip],
            )
            return None
        first_row[nip] = row.number
        return nip

    def _talent_box(self, table: Table, row: Row) -> int | None:
        """The talent box, from its number or from the two levels."""
        box = self._cell(table, row, "talent_box", cells.integer)
        if box is not None and not 1 <= box <= 9:
            self._report(
                "talent_box_range", table, row, "talent_box", value=box
            )
            return None
        if (
            box is not None
            or row.blank("performance")
            or row.blank("potential")
        ):
            return box

        performance = self._cell(table, row, "performance", _performance)
        potential = self._cell(table, row, "potential", _potential)
        if performance is None or potential is None:
            return None
        return _BOX[potential, performance]

    def _readiness(self, table: Table, row: Row) -> Readiness:
        """The yes/no columns; a blank cell means no (see the README).

        A column missing from the sheet altogether stays ``None``: the
        workbook does not track it, and eligibility does not test it.
        """
        values: dict[str, bool | None] = {}
        for column in schema.YES_NO_COLUMNS:
            if column.key not in table.headers:
                values[column.key] = None
                continue
            value = self._cell(table, row, column.key, cells.yes_no)
            values[column.key] = bool(value)
        return Readiness(**values)

    # -----------------------------------------------------------------
    # Rules, absences, requests and the policy.
    # -----------------------------------------------------------------

    def _role_covers(
        self, table: Table | None, units: Mapping[str, UnitName] | None
    ) -> list[RoleCover]:
        """The ``Kebutuhan Peran`` sheet."""
        covers: list[RoleCover] = []
        for row in table.rows if table else []:
            assert table is not None
            unit = self._unit_of(table, row, units)
            role = self._cell(table, row, "role", cells.text, required=True)
            minimum = self._count(table, row, "min_onsite_people", True)
            days = self._cell(table, row, "days", cells.weekdays)
            if unit is None or role is None or minimum is None:
                continue
            cover = RoleCover(
                unit, role.casefold(), minimum, days or frozenset()
            )
            covers.append(cover)
            self.reading.covers.append((cover, Located(table, row.number)))
        return covers

    def _absences(
        self, table: Table | None, nips: _Nips | None
    ) -> list[Absence]:
        """The ``Ketidakhadiran`` sheet, refusing overlaps per person."""
        absences: list[Absence] = []
        rows_of: dict[str, list[tuple[Absence, int]]] = defaultdict(list)
        for row in table.rows if table else []:
            assert table is not None
            nip = self._known_nip(table, row, nips)
            start = self._cell(table, row, "start", cells.date, required=True)
            end = self._cell(table, row, "end", cells.date, required=True)
            label = self._cell(table, row, "kind", cells.text) or "Cuti"
            if start and end and end < start:
                self._report(
                    "absence_reversed", table, row, "end", start=start, end=end
                )
                continue
            if nip is None or start is None or end is None:
                continue

            kind = _ABSENCE_KINDS.get(label.casefold(), AbsenceKind.OTHER)
            absence = Absence(nip, start, end, kind, label)
            for other, other_row in rows_of[nip]:
                if absence.overlaps(other):
                    self._report(
                        "absence_overlap",
                        table,
                        row,
                        "start",
                        nip=nip,
                        other=other_row,
                    )
                    break
            else:
                rows_of[nip].append((absence, row.number))
                absences.append(absence)
        return absences

    def _known_nip(
        self, table: Table, row: Row, nips: _Nips | None
    ) -> str | None:
        """A NIP that refers to a row of the ``Pegawai`` sheet.

        A NIP of a row refused there is not reported again here.
        """
        nip = self._cell(table, row, "nip", cells.nip, required=True)
        if nip is not None and nips is not None and not nips.knows(nip):
            self._report("nip_unknown", table, row, "nip", nip=nip)
            return None
        return nip

    def _requests(
        self, table: Table | None, nips: _Nips | None
    ) -> list[Request]:
        """The ``Permintaan`` sheet."""
        requests: list[Request] = []
        for row in table.rows if table else []:
            assert table is not None
            nip = self._known_nip(table, row, nips)
            date = self._cell(table, row, "date", cells.date)
            days = self._cell(table, row, "day", cells.weekdays)
            mode = self._cell(table, row, "mode", _mode, required=True)
            required = self._cell(table, row, "required", cells.yes_no)
            weight = self._cell(table, row, "weight", cells.integer)

            if weight is not None and weight <= 0:
                self._report(
                    "weight_positive", table, row, "weight", value=weight
                )
                continue
            if row.blank("date") == row.blank("day"):
                self._report("request_date_or_day", table, row, "date")
                continue
            if nip is None or mode is None or (date is None and not days):
                continue

            weekdays = sorted(days) if days else [None]
            requests.extend(
                Request(nip, mode, date, day, bool(required), weight or 1)
                for day in weekdays
            )
        return requests

    def _policy_values(self, table: Table | None) -> dict[str, object]:
        """The ``Kebijakan`` sheet: policy keys set by the workbook.

        Keys are matched ignoring case, and spaces count as underscores.
        """
        values: dict[str, object] = {}
        for row in table.rows if table else []:
            assert table is not None
            key = self._cell(table, row, "parameter", _policy_key, True)
            if key is None:
                continue
            first = self.reading.policy_rows.get(key)
            if first is not None:
                self._report(
                    "policy_key_duplicate",
                    table,
                    row,
                    "parameter",
                    params={"key": key},
                    first=first.row,
                )
                continue
            self.reading.policy_rows[key] = Located(table, row.number)
            if not table.usable("value") or self._unreadable(
                table, row, "value"
            ):
                self.reading.policy_unread.add(key)
                continue

            raw = row.values.get("value")
            try:
                value = parse_value(key, raw)
            except CellError as error:
                column = "value"
                if error.code.startswith("policy_key"):
                    column = "parameter"
                self._report(
                    error.code, table, row, column, params=error.params
                )
                self.reading.policy_unread.add(key)
                continue
            values[key] = value
            if KEYS[key].unit == "%" and cells.is_fraction(raw):
                self._report(
                    "share_fraction",
                    table,
                    row,
                    "value",
                    Severity.WARNING,
                    value=f"{value:g}",
                    percent=f"{value * 100:g}",
                )
        return values


def _header_index(spec: Sheet, rows: list[list[Any]]) -> int | None:
    """The index of a sheet's header row; ``None`` for an empty sheet.

    The header is the first of the first rows that names every required
    column; title rows above it are common in exported lists. Without
    such a row, the first row that is not blank is taken, so that the
    missing columns are reported there.
    """
    required = {column.key for column in spec.columns if column.required}
    first = None
    for index, row in enumerate(rows):
        if not _filled(row):
            continue
        if first is None:
            first = index
        if index >= HEADER_ROWS:
            break
        found = {
            column.key
            for cell in row
            if isinstance(cell, str)
            and (column := spec.column_for(cell)) is not None
        }
        if required <= found:
            return index
    return first


def _filled(row: list[Any]) -> bool:
    """Whether a row has any cell that is not blank."""
    return any(not cells.is_blank(cell) for cell in row)


def _policy_key(value: Any) -> str:
    """A policy key as the planner spells it: lower case, underscores."""
    return "_".join(cells.text(value).casefold().split())


def _performance(value: Any) -> int:
    """A performance level: below (0), meets (1) or above (2)."""
    level = _PERFORMANCE.get(cells.text(value).casefold())
    if level is None:
        raise CellError("bad_level", value=cells.text(value))
    return level


def _potential(value: Any) -> int:
    """A potential level: low (0), medium (1) or high (2)."""
    level = _POTENTIAL.get(cells.text(value).casefold())
    if level is None:
        raise CellError("bad_level", value=cells.text(value))
    return level


def _mode(value: Any) -> WorkMode:
    """``Kantor``/``Office`` or ``Fleksibel``/``Flexible``."""
    mode = _MODES.get(cells.text(value).casefold())
    if mode is None:
        raise CellError("bad_mode", value=cells.text(value))
    return mode
