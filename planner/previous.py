"""Reading a roster back: the CSV or workbook written by ``mkd plan``.

Unit heads edit codes by hand in Excel before circulating a roster; the
planner reads such an edited roster as the previous one (``--previous``)
or checks it against the rules (``mkd verify``).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from planner.problems import InputError, Problem
from planner.reading import cells
from planner.reading.sources import read_source

Roster = dict[tuple[str, dt.date], str]
"""``(nip, date) -> mode`` (``office``, ``flexible``, ``split``,
``absent``, ``holiday``, ``off``)."""

# Codes of both languages; an absence may carry its kind (``C-Sakit``).
CODE_MODES = {
    "k": "office",
    "o": "office",
    "f": "flexible",
    "s": "split",
    "c": "absent",
    "a": "absent",
    "l": "holiday",
    "h": "holiday",
    "-": "off",
}
MODES = frozenset(CODE_MODES.values())


@dataclass
class RosterFile:
    """A roster read back, with where each person-day stands in the file.

    Attributes
    ----------
    label
        The file's name.
    modes
        ``(nip, date) -> mode``.
    places
        ``(nip, date) -> (sheet, row, column)`` as the spreadsheet
        numbers them (for a CSV: no sheet, the line, ``mode``).
    """

    label: str
    modes: Roster = field(default_factory=dict)
    places: dict[tuple[str, dt.date], tuple[str | None, int, str]] = field(
        default_factory=dict
    )


def read_previous(path: Path) -> Roster:
    """Read a roster written by this program (workbook or CSV).

    Raises
    ------
    InputError
        With every unreadable cell, located.
    """
    return read_roster(path).modes


def read_roster(path: Path) -> RosterFile:
    """Read a roster with the place of every cell.

    Raises
    ------
    InputError
        With every unreadable cell, located.
    """
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    source = read_source(path)
    result = RosterFile(source.label)
    roster = result.modes
    problems: list[Problem] = []
    for sheet in source.sheets:
        header = _grid_header(sheet.rows)
        if header is None:
            continue
        row_index, dates = header
        for offset, row in enumerate(sheet.rows[row_index + 1 :]):
            if not row or cells.is_blank(row[0]):
                break
            nip = cells.text(row[0])
            for column, day in dates.items():
                value = row[column] if column < len(row) else None
                mode = mode_of_code(value)
                if mode is None:
                    problems.append(
                        Problem(
                            "roster_code",
                            params={"value": cells.text(value or "")},
                            file=source.label,
                            sheet=sheet.title,
                            row=row_index + offset + 2,
                            column=_letter(column),
                        )
                    )
                    continue
                roster[nip, day] = mode
                result.places[nip, day] = (
                    sheet.title,
                    row_index + offset + 2,
                    _letter(column),
                )
    if problems:
        raise InputError(problems)
    if not roster:
        raise InputError([Problem("roster_empty", file=source.label)])
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


def _grid_header(
    rows: list[list[Any]],
) -> tuple[int, dict[int, dt.date]] | None:
    """The header row of a roster grid and the column of each date."""
    for index, row in enumerate(rows[:10]):
        if row and cells.text(row[0] or "").casefold() == "nip":
            dates = {
                column: value.date()
                if isinstance(value, dt.datetime)
                else value
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
    problems = []
    result = RosterFile(path.name)
    roster = result.modes
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
            try:
                day = cells.date(line["date"])
            except cells.CellError as error:
                problems.append(
                    Problem(
                        error.code,
                        params=error.params,
                        file=path.name,
                        row=number,
                        column="date",
                    )
                )
                continue
            if line["mode"] not in MODES:
                problems.append(
                    Problem(
                        "roster_code",
                        params={"value": line["mode"]},
                        file=path.name,
                        row=number,
                        column="mode",
                    )
                )
                continue
            roster[line["nip"], day] = line["mode"]
            result.places[line["nip"], day] = (None, number, "mode")
    if problems:
        raise InputError(problems)
    if not roster:
        raise InputError([Problem("roster_empty", file=path.name)])
    return result
