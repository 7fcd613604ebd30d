"""Reading and validating an input workbook into a :class:`Workforce`.

The reader goes through every sheet and row, collects every problem with
its place, and only then decides: with any error, all problems are raised
together as an :class:`InputError`; otherwise the workforce is returned
with the warnings and notices.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from models import (
    Absence,
    AbsenceKind,
    Employee,
    Readiness,
    Request,
    RoleCover,
    Unit,
    Workforce,
    WorkMode,
    nip_problem,
)
from planner.policy import parse_value
from planner.problems import InputError, Problem, Severity, errors
from planner.reading import cells, schema
from planner.reading.cells import CellError
from planner.reading.schema import Sheet
from planner.reading.sources import RawSheet, RawSource, read_source

T = TypeVar("T")

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
    """The rows of one sheet with the headers as the file wrote them."""

    spec: Sheet
    title: str
    headers: dict[str, str]
    rows: list[Row]


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
    source = read_source(Path(path))
    reader = _WorkforceReader(source)
    workforce = reader.read()
    if errors(reader.problems) or workforce is None:
        raise InputError(reader.problems)
    return workforce, reader.problems


class _WorkforceReader:
    """Reads the sheets of one source, collecting located problems."""

    def __init__(self, source: RawSource) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def read(self) -> Workforce | None:
        """Read every sheet; ``None`` when a required sheet is unusable."""
        tables = {spec.key: self._table(spec) for spec in schema.SHEETS}
        unit_table = tables["Units"]
        employee_table = tables["Employees"]
        if unit_table is None or employee_table is None:
            return None

        units = self._units(unit_table)
        employees = self._employees(employee_table, {u.name for u in units})
        nips = {employee.nip for employee in employees}
        role_covers = self._role_covers(tables["Role Cover"], units)
        absences = self._absences(tables["Absences"], nips)
        requests = self._requests(tables["Requests"], nips)
        policy_values = self._policy_values(tables["Policy"])
        if errors(self.problems):
            return None

        return Workforce(
            tuple(employees),
            tuple(units),
            tuple(role_covers),
            tuple(absences),
            tuple(requests),
            policy_values,
        )

    def _report(
        self,
        code: str,
        table: Table | None = None,
        row: Row | None = None,
        key: str | None = None,
        severity: Severity = Severity.ERROR,
        params: Mapping[str, object] | None = None,
        **extra: object,
    ) -> None:
        """Record a problem at a sheet, row and column."""
        column = None
        if key is not None:
            column = table.headers.get(key, key) if table else key
        self.problems.append(
            Problem(
                code,
                severity,
                {**(params or {}), **extra},
                self.source.label,
                table.title if table else None,
                row.number if row else None,
                column,
            )
        )

    def _table(self, spec: Sheet) -> Table | None:
        """Find a sheet and map its header; report what is missing."""
        raw = self._find_sheet(spec)
        if raw is None:
            if spec.required:
                self._report("sheet_missing", sheet=spec.name, alias=spec.key)
            return None

        header_row = raw.rows[0] if raw.rows else []
        if all(cells.is_blank(cell) for cell in header_row):
            severity = Severity.ERROR if spec.required else Severity.WARNING
            self.problems.append(
                Problem(
                    "sheet_empty",
                    severity,
                    {},
                    self.source.label,
                    raw.title,
                )
            )
            return None
        return self._map_header(spec, raw, header_row)

    def _find_sheet(self, spec: Sheet) -> RawSheet | None:
        """The source's sheet with the spec's name or alias."""
        names = spec.names()
        for sheet in self.source.sheets:
            if schema.normalise(sheet.title) in names:
                return sheet
        return None

    def _map_header(
        self, spec: Sheet, raw: RawSheet, header_row: list[Any]
    ) -> Table | None:
        """Match header cells to columns and collect the data rows."""
        table = Table(spec, raw.title, {}, [])
        positions: dict[str, int] = {}
        for index, cell in enumerate(header_row):
            if cells.is_blank(cell):
                continue
            header = cells.text(cell)
            column = spec.column_for(header)
            if column is None:
                self._report(
                    "column_unknown",
                    table,
                    key=header,
                    severity=Severity.NOTICE,
                )
            elif column.key in positions:
                self._report("column_duplicate", table, key=header)
            else:
                positions[column.key] = index
                table.headers[column.key] = header

        missing = [c for c in spec.columns if c.required]
        missing = [c for c in missing if c.key not in positions]
        for column in missing:
            self._report(
                "column_missing",
                table,
                key=column.name,
                name=column.name,
                alias=column.key,
            )
        if missing:
            return None

        for offset, values in enumerate(raw.rows[1:], start=2):
            row = Row(
                offset,
                {
                    key: values[index] if index < len(values) else None
                    for key, index in positions.items()
                },
            )
            if any(not row.blank(key) for key in positions):
                table.rows.append(row)

        if not table.rows and spec.required:
            self._report("sheet_no_rows", table)
        return table

    def _cell(
        self,
        table: Table,
        row: Row,
        key: str,
        read: Callable[[Any], T],
        required: bool = False,
    ) -> T | None:
        """Read one cell; report and return ``None`` when unreadable."""
        if row.blank(key):
            if required:
                self._report("value_missing", table, row, key)
            return None
        try:
            return read(row.values[key])
        except CellError as error:
            self._report(error.code, table, row, key, params=error.params)
            return None

    def _units(self, table: Table) -> list[Unit]:
        """The ``Unit`` sheet."""
        units: list[Unit] = []
        first_row: dict[str, int] = {}
        for row in table.rows:
            name = self._cell(table, row, "unit", cells.text, required=True)
            share = self._cell(table, row, "min_onsite_share", cells.number)
            people = self._cell(table, row, "min_onsite_people", cells.integer)
            desks = self._cell(table, row, "desk_capacity", cells.integer)
            days = self._cell(table, row, "working_days", cells.integer)
            direct = self._cell(table, row, "direct_service", cells.yes_no)

            if share is not None and not 0 <= share <= 100:
                self._report("share_range", table, row, "min_onsite_share")
                share = None
            for key, value in (
                ("min_onsite_people", people),
                ("desk_capacity", desks),
            ):
                if value is not None and value < 0:
                    self._report("negative", table, row, key, value=value)
            if days is not None and days not in (5, 6):
                self._report("working_days", table, row, "working_days")
            if name is None:
                continue
            if name in first_row:
                self._report(
                    "unit_duplicate",
                    table,
                    row,
                    "unit",
                    name=name,
                    first=first_row[name],
                )
                continue
            first_row[name] = row.number

            try:
                units.append(
                    Unit(
                        name,
                        share,
                        people,
                        desks,
                        days if days in (5, 6) else 5,
                        bool(direct),
                    )
                )
            except ValueError:
                # Each field was reported above with its column.
                continue
        return units

    def _employees(self, table: Table, units: set[str]) -> list[Employee]:
        """The ``Pegawai`` sheet."""
        employees: list[Employee] = []
        first_row: dict[str, int] = {}
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

        for row in table.rows:
            employee = self._employee(table, row, units, first_row)
            if employee is not None:
                employees.append(employee)
        return employees

    def _employee(
        self,
        table: Table,
        row: Row,
        units: set[str],
        first_row: dict[str, int],
    ) -> Employee | None:
        """One row of the ``Pegawai`` sheet."""
        nip = self._nip(table, row, first_row)
        name = self._cell(table, row, "name", cells.text, required=True)
        unit = self._cell(table, row, "unit", cells.text, required=True)
        if unit is not None and unit not in units:
            self._report("unit_unknown", table, row, "unit", name=unit)
            unit = None

        box = self._talent_box(table, row)
        readiness = self._readiness(table, row)
        flexible = self._cell(
            table, row, "preferred_flexible_days", cells.weekdays
        )
        office = self._cell(
            table, row, "preferred_office_days", cells.weekdays
        )
        if flexible and office and flexible & office:
            self._report("preferred_both", table, row, "preferred_office_days")
            office = frozenset(office - flexible)
        requested = self._cell(
            table, row, "requested_flexible_days", cells.integer
        )
        if requested is not None and not 0 <= requested <= 7:
            self._report(
                "requested_range", table, row, "requested_flexible_days"
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
        self, table: Table, row: Row, first_row: dict[str, int]
    ) -> str | None:
        """A row's NIP: text, valid, and not seen in an earlier row."""
        nip = self._cell(table, row, "nip", cells.nip, required=True)
        if nip is None:
            return None
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

        performance = _PERFORMANCE.get(
            cells.text(row.values["performance"]).casefold()
        )
        potential = _POTENTIAL.get(
            cells.text(row.values["potential"]).casefold()
        )
        if performance is None:
            self._report("bad_level", table, row, "performance")
        if potential is None:
            self._report("bad_level", table, row, "potential")
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

    def _role_covers(
        self, table: Table | None, units: list[Unit]
    ) -> list[RoleCover]:
        """The ``Kebutuhan Peran`` sheet."""
        covers: list[RoleCover] = []
        names = {unit.name for unit in units}
        for row in table.rows if table else []:
            assert table is not None
            unit = self._cell(table, row, "unit", cells.text, required=True)
            role = self._cell(table, row, "role", cells.text, required=True)
            minimum = self._cell(
                table, row, "min_onsite_people", cells.integer, required=True
            )
            days = self._cell(table, row, "days", cells.weekdays)

            if unit is not None and unit not in names:
                self._report("unit_unknown", table, row, "unit", name=unit)
                unit = None
            if minimum is not None and minimum < 0:
                self._report(
                    "negative", table, row, "min_onsite_people", value=minimum
                )
                minimum = None
            if unit is None or role is None or minimum is None:
                continue
            covers.append(
                RoleCover(unit, role.casefold(), minimum, days or frozenset())
            )
        return covers

    def _absences(self, table: Table | None, nips: set[str]) -> list[Absence]:
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

    def _known_nip(self, table: Table, row: Row, nips: set[str]) -> str | None:
        """A NIP that refers to a row of the ``Pegawai`` sheet."""
        nip = self._cell(table, row, "nip", cells.nip, required=True)
        if nip is not None and nip not in nips:
            self._report("nip_unknown", table, row, "nip", nip=nip)
            return None
        return nip

    def _requests(self, table: Table | None, nips: set[str]) -> list[Request]:
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
                self._report("weight_positive", table, row, "weight")
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
        """The ``Kebijakan`` sheet: policy keys set by the workbook."""
        values: dict[str, object] = {}
        for row in table.rows if table else []:
            assert table is not None
            key = self._cell(
                table, row, "parameter", cells.text, required=True
            )
            if key is None:
                continue
            try:
                values[key.strip()] = parse_value(
                    key.strip(), row.values.get("value")
                )
            except CellError as error:
                column = (
                    "parameter"
                    if error.code.startswith("policy_key")
                    else "value"
                )
                self._report(
                    error.code, table, row, column, params=error.params
                )
        return values


def _mode(value: Any) -> WorkMode:
    """``Kantor``/``Office`` or ``Fleksibel``/``Flexible``."""
    mode = _MODES.get(cells.text(value).casefold())
    if mode is None:
        raise CellError("bad_mode", value=cells.text(value))
    return mode
