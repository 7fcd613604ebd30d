"""Reading a roster back: the CSV or workbook written by ``mkd plan``.

Unit heads edit codes by hand in Excel before circulating a roster; the
planner reads such an edited roster as the previous one (``--previous``)
or checks it against the rules (``mkd verify``). Reading goes on past
whatever a hand edit broke: every unreadable cell and every row that
cannot be placed is reported, located, and the rest is read.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from planner.export import FOOTER_LABELS, NO_ROSTER_CODE, SHEETS
from planner.problems import InputError, Problem, Severity, errors
from planner.reading import cells
from planner.reading.sources import RawSheet, read_source

Roster = dict[tuple[str, dt.date], str]
"""``(nip, date) -> mode`` (``office``, ``flexible``, ``split``,
``absent``, ``holiday``, ``off``)."""

Place = tuple[str | None, int, str]
"""``(sheet, row, column)`` as the spreadsheet numbers them; for a CSV
no sheet, the line and the column ``mode``."""

# Codes of both languages, and the common office words WFO (work from
# office), WFH and WFA (work from home, from anywhere) that unit heads
# type by habit; an absence may carry its kind (``C-Sakit``).
CODE_MODES = {
    "k": "office",
    "o": "office",
    "wfo": "office",
    "f": "flexible",
    "wfh": "flexible",
    "wfa": "flexible",
    "s": "split",
    "c": "absent",
    "a": "absent",
    "l": "holiday",
    "h": "holiday",
    "-": "off",
}
MODES = frozenset(CODE_MODES.values())
WORKING = frozenset({"office", "flexible", "split"})
_FIXED_SHEETS = frozenset(
    name.casefold() for pair in SHEETS.values() for name in pair
)


@dataclass
class RosterFile:
    """A roster read back, with where each person-day stands in the file.

    Attributes
    ----------
    label
        The file's name.
    modes
        ``(nip, date) -> mode`` of every readable cell.
    places
        ``(nip, date) -> (sheet, row, column)`` of every grid cell read,
        readable or not.
    rows
        ``nip -> (sheet, row)``: where each person's row is.
    unknown
        ``(nip, date) -> text`` of cells without a mode: ``""`` for an
        empty cell, ``?`` for a day without a roster, or the unreadable
        text (also reported in ``problems``).
    without_roster
        ``nip -> sheet`` of the people on a sheet that holds no roster at
        all (the sheet of a unit the planner could not plan).
    problems
        Unreadable codes (errors) and rows or sheets that could not be
        read (warnings), located.
    """

    label: str
    modes: Roster = field(default_factory=dict)
    places: dict[tuple[str, dt.date], Place] = field(default_factory=dict)
    rows: dict[str, tuple[str | None, int]] = field(default_factory=dict)
    unknown: dict[tuple[str, dt.date], str] = field(default_factory=dict)
    without_roster: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the roster unusable as it is."""
        return errors(self.problems)

    def sheet_of(self, nips: list[str]) -> str | None:
        """The sheet most of these people are on, if any."""
        sheets = Counter(self.rows[nip][0] for nip in nips if nip in self.rows)
        sheets.update(
            self.without_roster[n] for n in nips if n in self.without_roster
        )
        sheets.pop(None, None)
        return sheets.most_common(1)[0][0] if sheets else None


def read_previous(path: Path) -> Roster:
    """Read a roster written by this program (workbook or CSV).

    Raises
    ------
    InputError
        With every unreadable cell, located.
    """
    found = read_roster(path)
    if found.errors:
        raise InputError(found.problems)
    return found.modes


def read_roster(path: Path) -> RosterFile:
    """Read a roster with the place of every cell.

    Unreadable codes and rows that cannot be placed are collected in
    :attr:`RosterFile.problems`; the rest of the roster is read.

    Raises
    ------
    InputError
        When the file cannot be read or holds no roster at all.
    """
    if path.suffix.lower() == ".csv":
        result = _read_csv(path)
    else:
        source = read_source(path)
        result = RosterFile(source.label)
        for sheet in source.sheets:
            if sheet.title.casefold() not in _FIXED_SHEETS:
                _read_sheet(sheet, result)
    if not result.rows and not result.without_roster and not result.errors:
        raise InputError(
            [*result.problems, Problem("roster_empty", file=result.label)]
        )
    return result


def mode_of_code(value: Any) -> str | None:
    """The mode a grid code stands for (``K``, ``F``, ``C-Cuti`` ...)."""
    if cells.is_blank(value):
        return None
    key = cells.text(value).casefold()
    if key in CODE_MODES:
        return CODE_MODES[key]
    # An absence code carries its kind after a dash: ``C-Dinas Luar``.
    if key[:2] in ("c-", "a-"):
        return "absent"
    return None


def _read_sheet(sheet: RawSheet, result: RosterFile) -> None:
    """One unit sheet: its grid, row by row, down to the day totals."""
    header = _grid_header(sheet.rows)
    if header is None:
        if any(not cells.is_blank(v) for row in sheet.rows for v in row):
            result.problems.append(
                _warning("roster_no_grid", result.label, sheet.title)
            )
        return
    index, dates = header
    people = []
    for offset, row in enumerate(sheet.rows[index + 1 :]):
        number = index + offset + 2
        values = {day: _cell(row, c) for c, day in dates.items()}
        first = _cell(row, 0)
        if cells.is_blank(first):
            if _ends_grid(row, values):
                break
            if any(not cells.is_blank(v) for v in row):
                result.problems.append(
                    _warning(
                        "roster_row_without_nip",
                        result.label,
                        sheet.title,
                        number,
                    )
                )
            continue
        nip = _person(first, sheet.title, number, result)
        if nip is None:
            continue
        people.append(nip)
        result.rows[nip] = (sheet.title, number)
        for column, day in dates.items():
            _read_cell(
                result, nip, day, values[day], (sheet.title, number, column)
            )

    # A sheet without a single working day is a unit without a roster:
    # the planner found none, or the head cleared it.
    if people and not any(
        result.modes.get((nip, day)) in WORKING
        for nip in people
        for day in dates.values()
    ):
        for nip in people:
            result.without_roster[nip] = sheet.title
            del result.rows[nip]
            for day in dates.values():
                result.modes.pop((nip, day), None)
                result.unknown.pop((nip, day), None)
                result.places.pop((nip, day), None)


def _person(
    value: Any, title: str, number: int, result: RosterFile
) -> str | None:
    """The NIP of a grid row, or ``None`` (reported) when it is unusable."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        result.problems.append(
            _warning(
                "roster_nip_number",
                result.label,
                title,
                number,
                value=cells.text(value),
            )
        )
        return None
    nip = cells.text(value)
    if nip in result.rows:
        sheet, row = result.rows[nip]
        result.problems.append(
            _warning(
                "roster_nip_duplicate",
                result.label,
                title,
                number,
                nip=nip,
                first_sheet=sheet,
                first_row=row,
            )
        )
        return None
    return nip


def _read_cell(
    result: RosterFile,
    nip: str,
    day: dt.date,
    value: Any,
    where: tuple[str, int, int],
) -> None:
    """One grid cell: its mode, or why it has none."""
    title, number, column = where
    key = (nip, day)
    result.places[key] = (title, number, _letter(column))
    mode = mode_of_code(value)
    if mode is not None:
        result.modes[key] = mode
        return
    raw = "" if cells.is_blank(value) else cells.text(value)
    result.unknown[key] = raw
    if raw not in ("", NO_ROSTER_CODE):
        result.problems.append(
            Problem(
                "roster_code",
                params={"value": raw},
                file=result.label,
                sheet=title,
                row=number,
                column=_letter(column),
            )
        )


def _warning(
    code: str,
    label: str,
    sheet: str,
    row: int | None = None,
    **params: object,
) -> Problem:
    """A row or sheet that is skipped, located."""
    return Problem(
        code,
        Severity.WARNING,
        params,
        file=label,
        sheet=sheet,
        row=row,
        column=None if row is None else "A",
    )


def _cell(row: list[Any], column: int) -> Any:
    """A cell of a raw row, ``None`` past its end."""
    return row[column] if column < len(row) else None


def _ends_grid(row: list[Any], values: dict[dt.date, Any]) -> bool:
    """Whether a row without NIP is the first line under the grid.

    Under the grid come the day totals (a label in column B, numbers
    under the dates) and the legend.
    """
    label = _cell(row, 1)
    if isinstance(label, str) and label.strip().casefold() in FOOTER_LABELS:
        return True
    return any(
        isinstance(v, int | float) and not isinstance(v, bool)
        for v in values.values()
    )


def _grid_header(
    rows: list[list[Any]],
) -> tuple[int, dict[int, dt.date]] | None:
    """The header row of a roster grid and the column of each date.

    It is the first row with ``NIP`` in column A and dates beside it,
    wherever rows above it were added or removed.
    """
    for index, row in enumerate(rows):
        if not row or cells.text(row[0] or "").casefold() != "nip":
            continue
        dates = {
            column: value.date() if isinstance(value, dt.datetime) else value
            for column, value in enumerate(row)
            if isinstance(value, dt.date)
        }
        if dates:
            return index, dates
    return None


def _letter(column: int) -> str:
    """The spreadsheet letter of a 0-based column."""
    return get_column_letter(column + 1)


def _read_csv(path: Path) -> RosterFile:
    """The long format: columns ``nip``, ``date`` and ``mode``."""
    result = RosterFile(path.name)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError:
        raise InputError([Problem("file_missing", file=path.name)]) from None
    with handle:
        reader = csv.DictReader(handle)
        missing = {"nip", "date", "mode"} - set(reader.fieldnames or ())
        if missing:
            raise InputError(
                [
                    Problem(
                        "column_missing",
                        params={"name": name, "alias": name},
                        file=path.name,
                        column=name,
                    )
                    for name in sorted(missing)
                ]
            )
        for number, line in enumerate(reader, start=2):
            _read_line(result, number, line)
    return result


def _read_line(result: RosterFile, number: int, line: dict[str, str]) -> None:
    """One line of the long format."""
    try:
        day = cells.date(line["date"])
    except cells.CellError as error:
        result.problems.append(
            Problem(
                error.code,
                params=error.params,
                file=result.label,
                row=number,
                column="date",
            )
        )
        return
    nip = (line["nip"] or "").strip()
    result.rows.setdefault(nip, (None, number))
    key = (nip, day)
    result.places[key] = (None, number, "mode")
    mode = (line["mode"] or "").strip()
    if mode in MODES:
        result.modes[key] = mode
        return
    result.unknown[key] = mode
    if mode not in ("", NO_ROSTER_CODE):
        result.problems.append(
            Problem(
                "roster_code",
                params={"value": mode},
                file=result.label,
                row=number,
                column="mode",
            )
        )
