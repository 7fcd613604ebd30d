"""Raw tables from a workbook (xlsx, xlsm, xls, ods) or a folder of CSVs.

This step only gets cells out of files; what they mean is read in
:mod:`planner.reading.workforce`. File-level problems (not a workbook,
password protected, open in Excel, formulas without saved values) are
reported here.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine

from planner.problems import InputError, Problem

CSV_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class RawSheet:
    """The cells of one sheet, as rows of raw values.

    Attributes
    ----------
    title
        The sheet's name as written in the file.
    rows
        Every row from the first, the header; row ``i`` of the list is
        row ``i + 1`` of the spreadsheet.
    """

    title: str
    rows: list[list[Any]]


@dataclass(frozen=True)
class RawSource:
    """Every sheet of one input, with the name users know it by."""

    label: str
    sheets: tuple[RawSheet, ...]


def read_source(path: Path) -> RawSource:
    """Read every sheet of a workbook or every CSV file of a folder.

    Raises
    ------
    InputError
        When the file cannot be read as a whole; the problem says why.
    """
    if path.is_dir():
        return _read_csv_folder(path)
    label = path.name
    if not path.exists():
        raise InputError([Problem("file_missing", file=label)])

    lock = path.with_name("~$" + path.name)
    if lock.exists():
        raise InputError([Problem("file_locked", file=label)])
    if path.suffix.lower() == ".csv":
        raise InputError([Problem("csv_needs_folder", file=label)])

    sheets = _read_workbook(path, label)
    missing = list(_formulas_without_values(path, label))
    if missing:
        raise InputError(missing)
    return RawSource(label, sheets)


def _read_workbook(path: Path, label: str) -> tuple[RawSheet, ...]:
    """Every sheet of a workbook, through calamine for speed."""
    try:
        head = path.open("rb").read(8)
    except OSError:
        raise InputError([Problem("file_locked", file=label)]) from None
    encrypted = head == _OLE_MAGIC and path.suffix.lower() != ".xls"

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        sheets = tuple(
            RawSheet(
                name,
                book.get_sheet_by_name(name).to_python(skip_empty_area=False),
            )
            for name in book.sheet_names
        )
    except python_calamine.PasswordError:
        raise InputError([Problem("file_password", file=label)]) from None
    except PermissionError:
        raise InputError([Problem("file_locked", file=label)]) from None
    except Exception:
        # calamine raises a family of errors for anything that is not a
        # spreadsheet; all of them mean the same to the user.
        code = "file_password" if encrypted else "file_not_workbook"
        raise InputError([Problem(code, file=label)]) from None
    return sheets


_FORMULA = re.compile(rb"<c r=\"([A-Z]+\d+)\"([^>]*)>(<f[ >].*?)</c>", re.S)
# A saved result is a non-empty <v> element, or any <v> of a cell typed
# as text (a formula giving ""); programs such as openpyxl write an empty
# untyped one (<v />) for a formula they did not compute.
_VALUE = re.compile(rb"<v(?:\s[^>]*)?>[^<]")
_TEXT_VALUE = re.compile(rb"<v[ />]")
_TEXT_TYPE = re.compile(rb"\bt=\"str\"")


def _formulas_without_values(path: Path, label: str) -> Iterator[Problem]:
    """Formula cells of an xlsx file that hold no saved result.

    Files written by programs (not by Excel) often store formulas without
    their results; such a cell would read as empty, so it is refused.
    """
    if not zipfile.is_zipfile(path):
        return
    with zipfile.ZipFile(path) as archive:
        titles = _sheet_titles(archive)
        for part, title in titles.items():
            data = archive.read(part)
            if b"<f" not in data:
                continue
            for match in _FORMULA.finditer(data):
                typed = _TEXT_TYPE.search(match.group(2))
                value = _TEXT_VALUE if typed else _VALUE
                if not value.search(match.group(3)):
                    ref = match.group(1).decode()
                    column = re.match(r"[A-Z]+", ref)
                    yield Problem(
                        "formula_without_value",
                        params={"cell": ref},
                        file=label,
                        sheet=title,
                        row=int(ref[len(column.group()) :])
                        if column
                        else None,
                        column=column.group() if column else None,
                    )


def _sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each worksheet part of an xlsx archive to its sheet title."""
    try:
        book = archive.read("xl/workbook.xml").decode("utf-8")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    except KeyError:
        return {}
    targets = {}
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        ident = re.search(r'Id="([^"]+)"', rel.group())
        target = re.search(r'Target="([^"]+)"', rel.group())
        if ident and target:
            name = target.group(1).lstrip("/")
            targets[ident.group(1)] = (
                name if name.startswith("xl/") else "xl/" + name
            )
    titles = {}
    for sheet in re.finditer(r"<sheet\b[^>]*>", book):
        title = re.search(r'name="([^"]+)"', sheet.group())
        ident = re.search(r'r:id="([^"]+)"', sheet.group())
        if title and ident and ident.group(1) in targets:
            titles[targets[ident.group(1)]] = _unescape(title.group(1))
    return titles


def _unescape(text: str) -> str:
    """Undo XML escaping of a sheet title."""
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"')):
        text = text.replace(entity, char)
    return text.replace("&apos;", "'").replace("&amp;", "&")


def _read_csv_folder(folder: Path) -> RawSource:
    """Every ``*.csv`` file of a folder, each a sheet named after it."""
    sheets = []
    for path in sorted(folder.glob("*.csv")):
        sheets.append(RawSheet(path.stem, _read_csv(path)))
    if not sheets:
        raise InputError([Problem("folder_without_csv", file=folder.name)])
    return RawSource(folder.name, tuple(sheets))


def _read_csv(path: Path) -> list[list[Any]]:
    """Rows of a CSV file; the delimiter (comma or semicolon) is sniffed.

    Exports from Indonesian spreadsheets often use semicolons and the
    Windows code page, so both are tried.
    """
    for encoding in CSV_ENCODINGS:
        try:
            content = path.read_text(encoding=encoding)
            break
        except UnicodeDecodeError:
            continue
    first = content.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows: list[list[Any]] = [
        [cell if cell.strip() else None for cell in row]
        for row in csv.reader(content.splitlines(), delimiter=delimiter)
    ]
    return rows
