"""Raw tables from a workbook (xlsx, xlsm, xls, ods) or a folder of CSVs.

This step only gets cells out of files; what they mean is read in
:mod:`planner.reading.workforce`. Problems of a file as a whole (not a
workbook, password protected, open in Excel) are raised here. A cell
that holds no usable value (a formula without a saved result, an Excel
error) is marked :class:`~planner.reading.cells.Unreadable`, and a number
shown as a percentage :class:`~planner.reading.cells.Percent`: the reader
reports the first where it reads it, and a sheet it does not read never
stops the file.
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
from planner.reading.cells import Percent, Unreadable

CSV_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Names of streams inside an OLE compound file, stored as UTF-16: an
# encrypted xlsx keeps its content in EncryptedPackage, an Excel 97-2003
# workbook in Workbook (Book in Excel 5).
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_OLD_WORKBOOK = ("Workbook".encode("utf-16-le"), b"B\x00o\x00o\x00k\x00\x00")


@dataclass(frozen=True)
class RawSheet:
    """The cells of one sheet, as rows of raw values.

    Attributes
    ----------
    title
        The sheet's name as written in the file.
    rows
        Every row from the first; row ``i`` of the list is row ``i + 1``
        of the spreadsheet.
    file
        For a sheet read from its own file (a CSV file of a folder), that
        file as the user names it (``csv/Pegawai.csv``); otherwise empty.
    """

    title: str
    rows: list[list[Any]]
    file: str = ""


@dataclass(frozen=True)
class RawSource:
    """Every sheet of one input, with the name users know it by.

    Attributes
    ----------
    label
        The file's (or folder's) name.
    sheets
        Every sheet, in the file's order.
    folder
        Whether the input is a folder of CSV files, one per sheet.
    """

    label: str
    sheets: tuple[RawSheet, ...]
    folder: bool = False


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

    for lock in _lock_files(path):
        if lock.exists():
            raise InputError(
                [Problem("file_open", params={"lock": lock.name}, file=label)]
            )
    if path.suffix.lower() == ".csv":
        raise InputError([Problem("csv_needs_folder", file=label)])

    sheets = _read_workbook(path, label)
    if zipfile.is_zipfile(path):
        _mark_cells(path, {sheet.title: sheet.rows for sheet in sheets})
    return RawSource(label, sheets)


def _lock_files(path: Path) -> tuple[Path, ...]:
    """The files Excel and LibreOffice keep beside a workbook they opened."""
    return (
        path.with_name("~$" + path.name),
        path.with_name(f".~lock.{path.name}#"),
    )


def _read_workbook(path: Path, label: str) -> tuple[RawSheet, ...]:
    """Every sheet of a workbook, through calamine for speed."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        raise InputError([Problem("file_locked", file=label)]) from None

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
        # spreadsheet; all of them mean the same to the user, except for
        # a compound file, which is either encrypted or an old workbook.
        code = "file_not_workbook"
        if head == _OLE_MAGIC:
            code = _compound_file_kind(path)
        raise InputError([Problem(code, file=label)]) from None
    return sheets


def _compound_file_kind(path: Path) -> str:
    """The message for an OLE compound file calamine could not read."""
    try:
        content = path.read_bytes()
    except OSError:
        return "file_locked"
    if _ENCRYPTED in content:
        return "file_password"
    if any(name in content for name in _OLD_WORKBOOK):
        return "file_old_xls"
    return "file_not_workbook"


def _mark_cells(path: Path, rows_of: dict[str, list[list[Any]]]) -> None:
    """Mark unreadable and percent cells of an xlsx file in its rows.

    calamine reads a formula without a saved result and an error cell
    alike as empty, and a cell shown as 50 % as 0.5; the sheet's XML
    tells them apart.
    """
    with zipfile.ZipFile(path) as archive:
        percent_styles = _percent_styles(archive)
        parts = set(archive.namelist())
        for part, title in _sheet_titles(archive).items():
            rows = rows_of.get(title)
            if rows is None or part not in parts:
                continue
            data = archive.read(part)
            for ref, marker in _unreadable_cells(data):
                _set(rows, ref, marker)
            for ref in _styled_cells(data, percent_styles):
                value = _get(rows, ref)
                if isinstance(value, int | float) and not isinstance(
                    value, bool
                ):
                    _set(rows, ref, Percent(value))


def column_letter(index: int) -> str:
    """The letters of a column from its index: 0 is A, 27 is AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _position(ref: str) -> tuple[int, int]:
    """Row and column index (from 0) of a cell reference such as ``B2``."""
    letters = re.match(r"[A-Z]+", ref)
    assert letters is not None, ref
    column = 0
    for letter in letters.group():
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(ref[letters.end() :]) - 1, column - 1


def _get(rows: list[list[Any]], ref: str) -> Any:
    """The value of a cell, ``None`` outside the rows read."""
    row, column = _position(ref)
    if row < len(rows) and column < len(rows[row]):
        return rows[row][column]
    return None


def _set(rows: list[list[Any]], ref: str, value: Any) -> None:
    """Put a value into a cell, growing the rows as needed."""
    row, column = _position(ref)
    while len(rows) <= row:
        rows.append([])
    cells = rows[row]
    while len(cells) <= column:
        cells.append(None)
    cells[column] = value


_FORMULA = re.compile(rb"<c r=\"([A-Z]+\d+)\"([^>]*)>(<f[ >].*?)</c>", re.S)
# A saved result is a non-empty <v> element, or any <v> of a cell typed
# as text (a formula giving ""); programs such as openpyxl write an empty
# untyped one (<v />) for a formula they did not compute.
_VALUE = re.compile(rb"<v(?:\s[^>]*)?>[^<]")
_TEXT_VALUE = re.compile(rb"<v[ />]")
_TEXT_TYPE = re.compile(rb"\bt=\"str\"")
_ERROR = re.compile(
    rb"<c r=\"([A-Z]+\d+)\"[^>]*\bt=\"e\"[^>]*>(.*?)</c>", re.S
)
_ERROR_VALUE = re.compile(rb"<v>([^<]*)</v>")


def _unreadable_cells(data: bytes) -> Iterator[tuple[str, Unreadable]]:
    """Formula cells without a saved result, and error cells, of a sheet."""
    if b"<f" in data:
        for match in _FORMULA.finditer(data):
            typed = _TEXT_TYPE.search(match.group(2))
            value = _TEXT_VALUE if typed else _VALUE
            if not value.search(match.group(3)):
                ref = match.group(1).decode()
                yield ref, Unreadable("formula_without_value")
    if b't="e"' in data:
        for match in _ERROR.finditer(data):
            shown = _ERROR_VALUE.search(match.group(2))
            error = shown.group(1).decode() if shown else "#N/A"
            yield match.group(1).decode(), Unreadable("excel_error", error)


def _styled_cells(data: bytes, styles: set[int]) -> Iterator[str]:
    """References of the cells of a sheet that have one of ``styles``."""
    if not styles:
        return
    ids = b"|".join(str(style).encode() for style in sorted(styles))
    pattern = rb'<c r="([A-Z]+\d+)"[^>]*?\bs="(?:' + ids + rb')"'
    for match in re.finditer(pattern, data):
        yield match.group(1).decode()


# Excel's built-in formats 9 (0%) and 10 (0.00%).
_PERCENT_FORMATS = {9, 10}


def _percent_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell styles (``s="..."``) that show a percentage."""
    try:
        styles = archive.read("xl/styles.xml").decode("utf-8")
    except KeyError:
        return set()
    formats = set(_PERCENT_FORMATS)
    for found in re.finditer(r"<numFmt\b[^>]*>", styles):
        ident = re.search(r'numFmtId="(\d+)"', found.group())
        code = re.search(r'formatCode="([^"]*)"', found.group())
        if ident and code and "%" in _unquoted(code.group(1)):
            formats.add(int(ident.group(1)))

    block = re.search(r"<cellXfs\b.*?</cellXfs>", styles, re.S)
    if block is None:
        return set()
    percent = set()
    for index, xf in enumerate(re.finditer(r"<xf\b[^>]*>", block.group())):
        ident = re.search(r'numFmtId="(\d+)"', xf.group())
        if ident and int(ident.group(1)) in formats:
            percent.add(index)
    return percent


def _unquoted(code: str) -> str:
    """A number format without its literal text (quoted or escaped)."""
    code = _unescape(code)
    return re.sub(r'"[^"]*"|\\.', "", code)


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
        label = f"{folder.name}/{path.name}"
        sheets.append(RawSheet(path.stem, _read_csv(path, label), label))
    if not sheets:
        raise InputError([Problem("folder_without_csv", file=folder.name)])
    return RawSource(folder.name, tuple(sheets), folder=True)


def _read_csv(path: Path, label: str) -> list[list[Any]]:
    """Rows of a CSV file; the delimiter (comma, semicolon or tab) is sniffed.

    Exports from Indonesian spreadsheets often use semicolons and the
    Windows code page, so both are tried; Excel's "Unicode" exports are
    UTF-16 with a byte order mark.
    """
    try:
        data = path.read_bytes()
    except OSError:
        raise InputError([Problem("file_locked", file=label)]) from None
    content = _decode(data)
    first = content.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count) if first else ","
    rows: list[list[Any]] = [
        [cell if cell.strip() else None for cell in row]
        for row in csv.reader(content.splitlines(), delimiter=delimiter)
    ]
    return rows


def _decode(data: bytes) -> str:
    """The text of a CSV file, in the first encoding that fits."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1", errors="replace")
