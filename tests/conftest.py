"""Shared fixtures of the test suite."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


# ---------------------------------------------------------------------------
# Input workbook builder: a tiny valid workbook, edited cell by cell.
# Used by test_reading, test_eligibility, test_policy and test_cli.
# ---------------------------------------------------------------------------

NIP_SITI = "198503152010012001"
NIP_DADANG = "199001012015031002"
NIP_RINA = "198807202012062003"
NIP_ASEP = "199205112018011004"
NIP_YANTI = "198112032008102005"
NIP_BUDI = "199509302020011006"

UMUM = "Bagian Umum"
KEUANGAN = "Bagian Keuangan"

# Layanan Tatap Muka, Laptop, Internet, Persetujuan Atasan, Hukuman
# Disiplin, Pegawai Baru, Peringatan Kinerja: ready and approved.
READY = ["Tidak", "Ya", "Ya", "Ya", "Tidak", "Tidak", "Tidak"]
NO_LAPTOP = ["Tidak", "Tidak", "Ya", "Ya", "Tidak", "Tidak", "Tidak"]

# Sheet name -> header row, then data rows. Excel numbers the header row 1,
# so the first person (Siti) is row 2 of Pegawai.
VALID_SHEETS: dict[str, list[list[object]]] = {
    "Pegawai": [
        [
            "NIP",
            "Nama",
            "Unit",
            "Peran",
            "Kotak Talenta",
            "Layanan Tatap Muka",
            "Laptop",
            "Internet",
            "Persetujuan Atasan",
            "Hukuman Disiplin",
            "Pegawai Baru",
            "Peringatan Kinerja",
            "Hari Fleksibel Pilihan",
            "Jumlah Hari Fleksibel Diminta",
        ],
        # Eligible, leads Bagian Umum.
        [NIP_SITI, "Siti", UMUM, "pimpinan", 8, *READY, "Jumat", 2],
        # Eligible.
        [NIP_DADANG, "Dadang", UMUM, None, 5, *READY, "Senin", None],
        # Not eligible: no laptop.
        [NIP_RINA, "Rina", UMUM, None, 7, *NO_LAPTOP, None, None],
        # Not eligible: talent box 3.
        [NIP_ASEP, "Asep", UMUM, None, 3, *READY, None, None],
        # Eligible.
        [NIP_YANTI, "Yanti", KEUANGAN, "pimpinan", 9, *READY, "Rabu", 1],
        # Eligible.
        [NIP_BUDI, "Budi", KEUANGAN, None, 4, *READY, None, None],
    ],
    "Unit": [
        [
            "Unit",
            "Minimal Hadir (%)",
            "Minimal Hadir (Orang)",
            "Kapasitas Meja",
            "Hari Kerja",
            "Layanan Langsung",
        ],
        [UMUM, 50, 1, None, 5, "Tidak"],
        [KEUANGAN, 50, 1, 2, 5, "Tidak"],
    ],
    "Kebutuhan Peran": [
        ["Unit", "Peran", "Minimal Hadir (Orang)", "Hari"],
        [UMUM, "pimpinan", 1, None],
    ],
    "Ketidakhadiran": [
        ["NIP", "Mulai", "Selesai", "Jenis"],
        [NIP_SITI, dt.date(2027, 1, 4), dt.date(2027, 1, 5), "Cuti"],
        [NIP_DADANG, "2027-01-11", "15/01/2027", "Dinas Luar"],
    ],
    "Permintaan": [
        ["NIP", "Tanggal", "Hari", "Mode", "Wajib", "Bobot"],
        [NIP_DADANG, None, "Jumat", "Fleksibel", "Tidak", 1],
        [NIP_YANTI, dt.date(2027, 1, 6), None, "Kantor", "Ya", None],
    ],
    "Kebijakan": [
        ["Parameter", "Nilai"],
        ["split_days", "Tidak"],
    ],
}


class WorkbookBuilder:
    """A tiny valid input workbook that a test edits, then saves.

    Rows are numbered as Excel numbers them (header = 1) and columns are
    named by their header, so a test reads like the message it expects:
    ``book.set("Pegawai", 3, "NIP", "123")``.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sheets = copy.deepcopy(VALID_SHEETS)
        self.formats: dict[tuple[str, int, str], str] = {}
        self.errors: dict[tuple[str, int, str], str] = {}

    def _index(self, sheet: str, column: str) -> int:
        return self.sheets[sheet][0].index(column)

    def set(self, sheet: str, row: int, column: str, value: object) -> None:
        """Put ``value`` in one cell (a string starting ``=`` is a formula)."""
        self.sheets[sheet][row - 1][self._index(sheet, column)] = value

    def format(self, sheet: str, row: int, column: str, code: str) -> None:
        """Give one cell a number format, such as ``0%``."""
        self.formats[sheet, row, column] = code

    def error(self, sheet: str, row: int, column: str, error: str) -> None:
        """Make one cell an Excel error cell, such as ``#N/A``."""
        self.set(sheet, row, column, None)
        self.errors[sheet, row, column] = error

    def nip(self, name: str) -> str:
        """The NIP of a person of the valid workbook, by first name."""
        return {row[1]: str(row[0]) for row in VALID_SHEETS["Pegawai"]}[name]

    def get(self, sheet: str, row: int, column: str) -> object:
        """The value of one cell."""
        return self.sheets[sheet][row - 1][self._index(sheet, column)]

    def add_row(self, sheet: str, **values: object) -> int:
        """Append a row by header (``Kotak_Talenta`` for ``Kotak Talenta``).

        Returns the new row's Excel number.
        """
        header = self.sheets[sheet][0]
        named = {key.replace("_", " "): value for key, value in values.items()}
        unknown = set(named) - set(header)
        assert not unknown, f"no such column in {sheet}: {unknown}"
        self.sheets[sheet].append([named.get(name) for name in header])
        return len(self.sheets[sheet])

    def copy_row(self, sheet: str, row: int, **changes: object) -> int:
        """Append a copy of a row with some cells changed; its number."""
        header = self.sheets[sheet][0]
        values = dict(zip(header, self.sheets[sheet][row - 1], strict=True))
        values.update({k.replace("_", " "): v for k, v in changes.items()})
        self.sheets[sheet].append([values[name] for name in header])
        return len(self.sheets[sheet])

    def add_column(self, sheet: str, header: str, *values: object) -> None:
        """Add a column at the right, its cells from row 2 down."""
        rows = self.sheets[sheet]
        rows[0].append(header)
        for index, row in enumerate(rows[1:]):
            row.append(values[index] if index < len(values) else None)

    def drop_column(self, sheet: str, column: str) -> None:
        """Remove a column and its cells."""
        index = self._index(sheet, column)
        for row in self.sheets[sheet]:
            del row[index]

    def rename_column(self, sheet: str, column: str, header: str) -> None:
        """Write another header over a column."""
        self.sheets[sheet][0][self._index(sheet, column)] = header

    def drop_rows(self, sheet: str) -> None:
        """Keep only the header row of a sheet."""
        del self.sheets[sheet][1:]

    def drop_sheet(self, sheet: str) -> None:
        """Remove a sheet."""
        del self.sheets[sheet]

    def rename_sheet(self, sheet: str, title: str) -> None:
        """Give a sheet another title, keeping its place."""
        self.sheets = {
            (title if name == sheet else name): rows
            for name, rows in self.sheets.items()
        }

    def save(self, name: str = "pegawai.xlsx") -> Path:
        """Write the workbook (NIP columns formatted as text); its path."""
        book = Workbook()
        book.remove(book.active)  # type: ignore[arg-type]
        for title, rows in self.sheets.items():
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
            if rows and "NIP" in rows[0]:
                column = rows[0].index("NIP") + 1
                for number in range(2, len(rows) + 1):
                    sheet.cell(number, column).number_format = "@"
        for (title, row, column), code in self.formats.items():
            index = self._index(title, column) + 1
            book[title].cell(row, index).number_format = code
        for (title, row, column), error in self.errors.items():
            cell = book[title].cell(row, self._index(title, column) + 1)
            cell.value = error
            cell.data_type = "e"
        path = self.folder / name
        book.save(path)
        return path

    def save_csv(self, name: str = "csv", delimiter: str = ",") -> Path:
        """Write one CSV file per sheet into a folder; the folder's path."""
        folder = self.folder / name
        folder.mkdir()
        for title, rows in self.sheets.items():
            with (folder / f"{title}.csv").open(
                "w", newline="", encoding="utf-8"
            ) as handle:
                writer = csv.writer(handle, delimiter=delimiter)
                for row in rows:
                    writer.writerow(
                        ["" if value is None else value for value in row]
                    )
        return folder


@pytest.fixture
def book(tmp_path: Path) -> WorkbookBuilder:
    """A tiny valid input workbook, to edit and save into ``tmp_path``."""
    return WorkbookBuilder(tmp_path)
