"""``mkd template``: an empty input workbook with instructions."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planner.files import atomic_path
from planner.reading import schema

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
DAY_LIST = "Senin,Selasa,Rabu,Kamis,Jumat,Sabtu"
TEMPLATE_ROWS = 1000

# What each column holds, for the instructions sheet: (Indonesian,
# English). The README's workbook section says the same.
HELP: dict[str, tuple[str, str]] = {
    "Pegawai.NIP": (
        "Wajib. 18 digit, unik, diketik sebagai teks.",
        "Required. 18 digits, unique, typed as text.",
    ),
    "Pegawai.Nama": ("Wajib. Nama lengkap.", "Required. Full name."),
    "Pegawai.Unit": (
        "Wajib. Nama unit dari lembar Unit.",
        "Required. A unit name from sheet Unit.",
    ),
    "Pegawai.Sub Unit": ("Bidang, bagian, seksi, UPTD.", "Division."),
    "Pegawai.Jabatan": ("Jabatan.", "Position."),
    "Pegawai.Tim": (
        "Nama tim; anggota tim diupayakan punya hari kantor bersama.",
        "Team name; team members get a common office day where possible.",
    ),
    "Pegawai.Peran": (
        "Peran dipisah koma, mis. pimpinan, loket.",
        "Comma-separated roles, e.g. pimpinan, loket.",
    ),
    "Pegawai.Kotak Talenta": (
        "1-9; kosong = belum dinilai.",
        "1-9; blank = not assessed.",
    ),
    "Pegawai.Kinerja": (
        "Opsional, jika kotak kosong: Di Bawah/Sesuai/Di Atas Ekspektasi.",
        "Optional, when the box is blank: below/meets/above expectation.",
    ),
    "Pegawai.Potensi": (
        "Opsional, jika kotak kosong: Rendah/Menengah/Tinggi.",
        "Optional, when the box is blank: low/medium/high.",
    ),
    "Pegawai.Layanan Tatap Muka": (
        "Ya/Tidak; kosong = Tidak.",
        "Yes/no; blank = no.",
    ),
    "Pegawai.Laptop": (
        "Ya/Tidak; kosong = Tidak. Tanpa kolom ini: tidak diperiksa.",
        "Yes/no; blank = no. Without this column: not checked.",
    ),
    "Pegawai.Internet": (
        "Ya/Tidak; kosong = Tidak. Tanpa kolom ini: tidak diperiksa.",
        "Yes/no; blank = no. Without this column: not checked.",
    ),
    "Pegawai.Persetujuan Atasan": (
        "Ya/Tidak; kosong = Tidak. Tanpa kolom ini: tidak diperiksa.",
        "Yes/no; blank = no. Without this column: not checked.",
    ),
    "Pegawai.Hukuman Disiplin": (
        "Ya/Tidak; kosong = Tidak.",
        "Yes/no; blank = no.",
    ),
    "Pegawai.Pegawai Baru": ("Ya/Tidak; kosong = Tidak.", "Yes/no; no."),
    "Pegawai.Peringatan Kinerja": (
        "Ya/Tidak; kosong = Tidak.",
        "Yes/no; blank = no.",
    ),
    "Pegawai.Hari Fleksibel Pilihan": (
        "Nama hari dipisah koma, mis. Senin, Jumat.",
        "Day names, comma-separated, e.g. Mon, Fri.",
    ),
    "Pegawai.Hari Kantor Pilihan": (
        "Nama hari dipisah koma.",
        "Day names, comma-separated.",
    ),
    "Pegawai.Jumlah Hari Fleksibel Diminta": (
        "Hari fleksibel per minggu; kosong = sebanyak yang diizinkan.",
        "Flexible days a week; blank = as many as allowed.",
    ),
    "Unit.Unit": ("Wajib. Nama unit, unik.", "Required. Unit name, unique."),
    "Unit.Minimal Hadir (%)": (
        "0-100 % pegawai hadir yang harus di kantor; kosong = kebijakan.",
        "0-100 % of present staff on site; blank = policy.",
    ),
    "Unit.Minimal Hadir (Orang)": (
        "Jumlah minimal orang di kantor; kosong = kebijakan.",
        "Least head count on site; blank = policy.",
    ),
    "Unit.Kapasitas Meja": (
        "Paling banyak orang di kantor; kosong = tanpa batas.",
        "Most people on site; blank = unlimited.",
    ),
    "Unit.Hari Kerja": ("5 atau 6; kosong = 5.", "5 or 6; blank = 5."),
    "Unit.Layanan Langsung": (
        "Ya = semua tetap di kantor (RS, Samsat, lab); kosong = Tidak.",
        "Yes = everyone on site (hospital, Samsat, lab); blank = no.",
    ),
    "Kebutuhan Peran.Unit": ("Wajib. Nama unit.", "Required. Unit name."),
    "Kebutuhan Peran.Peran": ("Wajib. Peran, mis. pimpinan.", "Required."),
    "Kebutuhan Peran.Minimal Hadir (Orang)": (
        "Wajib. Orang dengan peran itu di kantor.",
        "Required. People with the role on site.",
    ),
    "Kebutuhan Peran.Hari": (
        "Nama hari; kosong = setiap hari kerja.",
        "Day names; blank = every working day.",
    ),
    "Ketidakhadiran.NIP": ("Wajib.", "Required."),
    "Ketidakhadiran.Mulai": ("Wajib. Tanggal.", "Required. Date."),
    "Ketidakhadiran.Selesai": ("Wajib. Tanggal.", "Required. Date."),
    "Ketidakhadiran.Jenis": (
        "Cuti, Sakit, Dinas Luar, Diklat, atau teks lain.",
        "Leave, sick, official travel, training, or other text.",
    ),
    "Permintaan.NIP": ("Wajib.", "Required."),
    "Permintaan.Tanggal": (
        "Tanggal, atau isi Hari.",
        "A date, or fill in Day.",
    ),
    "Permintaan.Hari": (
        "Nama hari (setiap minggu), atau isi Tanggal.",
        "A day name (every week), or fill in Date.",
    ),
    "Permintaan.Mode": ("Wajib. Kantor/Fleksibel.", "Required."),
    "Permintaan.Wajib": (
        "Ya = penugasan tetap; Tidak/kosong = keinginan.",
        "Yes = fixed; no/blank = a wish.",
    ),
    "Permintaan.Bobot": ("Bilangan > 0; kosong = 1.", "Whole > 0; 1."),
    "Kebijakan.Parameter": (
        "Nama parameter kebijakan (lihat README).",
        "A policy key (see the README).",
    ),
    "Kebijakan.Nilai": ("Nilai parameter.", "The key's value."),
}

EXAMPLE_ROWS: dict[str, list[list[object]]] = {
    "Pegawai": [
        [
            "198503152010012001",
            "Siti Nurhaliza, S.Sos.",
            "Bagian Umum",
            "Subbagian Tata Usaha",
            "Kepala Subbagian",
            "Tim Arsip",
            "pimpinan",
            8,
            None,
            None,
            "Tidak",
            "Ya",
            "Ya",
            "Ya",
            "Tidak",
            "Tidak",
            "Tidak",
            "Jumat",
            "Senin",
            2,
        ],
        [
            "199001012015031002",
            "Dadang Suherman",
            "Bagian Umum",
            "Subbagian Tata Usaha",
            "Pengadministrasi Umum",
            "Tim Arsip",
            None,
            5,
            None,
            None,
            "Tidak",
            "Ya",
            "Ya",
            "Ya",
            "Tidak",
            "Tidak",
            "Tidak",
            "Senin",
            None,
            None,
        ],
    ],
    "Unit": [["Bagian Umum", 50, 1, None, 5, "Tidak"]],
    "Kebutuhan Peran": [["Bagian Umum", "pimpinan", 1, None]],
}


def write_template(path: Path, lang: str = "id") -> None:
    """Write an empty input workbook with two example rows.

    Every sheet has its header, the ``Petunjuk`` sheet explains each
    column, yes/no, talent box and day columns have drop-down lists, and
    the NIP column is formatted as text so Excel keeps all 18 digits.
    The caller checks that ``path`` may be written.
    """
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for spec in schema.SHEETS:
        sheet = book.create_sheet(spec.name)
        _header(sheet, [column.name for column in spec.columns])
        for row in EXAMPLE_ROWS.get(spec.name, []):
            sheet.append(row)
        _validations(sheet, spec)
    _instructions(book.create_sheet("Petunjuk", 0), lang)

    with atomic_path(path) as temporary:
        book.save(temporary)


def _header(sheet: Worksheet, names: list[str]) -> None:
    """Bold header row, frozen, with widths that fit the names."""
    sheet.append(names)
    for index, name in enumerate(names, start=1):
        cell = sheet.cell(1, index)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        width = max(12, len(name) + 4)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _validations(sheet: Worksheet, spec: schema.Sheet) -> None:
    """Drop-down lists and text format for the columns that need them."""
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        area = f"{letter}2:{letter}{TEMPLATE_ROWS}"
        if column.key == "nip":
            for cell_row in range(2, TEMPLATE_ROWS + 1):
                sheet.cell(cell_row, index).number_format = "@"
            continue
        options = _options(column)
        if options is None:
            continue
        # Day lists take several names ("Senin, Jumat"), so the list only
        # suggests; other validations refuse what is not on the list.
        several = "days" in column.key or column.key == "day"
        validation = DataValidation(
            type="list",
            formula1=f'"{options}"',
            allow_blank=True,
            showErrorMessage=not several,
        )
        validation.add(area)
        sheet.add_data_validation(validation)


def _options(column: schema.Column) -> str | None:
    """The drop-down list of a column, or ``None`` for free entry."""
    yes_no = {c.key for c in schema.YES_NO_COLUMNS}
    if column.key in yes_no | {"direct_service", "required"}:
        return "Ya,Tidak"
    if column.key == "talent_box":
        return "1,2,3,4,5,6,7,8,9"
    if column.key == "mode":
        return "Kantor,Fleksibel"
    if column.key == "working_days":
        return "5,6"
    if "days" in column.key or column.key == "day":
        return DAY_LIST
    return None


def _instructions(sheet: Worksheet, lang: str) -> None:
    """The ``Petunjuk`` sheet: one row per sheet and column."""
    english = lang == "en"
    title = "How to fill in" if english else "Cara mengisi"
    sheet.append([f"MKD Planner - {title}"])
    sheet["A1"].font = Font(bold=True, size=14)
    intro = (
        "Fill in sheets Pegawai and Unit; the others are optional. Row 1 "
        "holds the headers; data starts in row 2. Check the file with: "
        "mkd check FILE.xlsx"
        if english
        else "Isi lembar Pegawai dan Unit; lembar lain opsional. Baris 1 "
        "berisi judul kolom; data mulai baris 2. Periksa berkas dengan: "
        "mkd check BERKAS.xlsx"
    )
    sheet.append([intro])
    sheet.append([])
    header = (
        ["Sheet", "Column", "Also accepted", "What it holds"]
        if english
        else ["Lembar", "Kolom", "Nama lain", "Isi"]
    )
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL

    for spec in schema.SHEETS:
        for column in spec.columns:
            texts = HELP.get(f"{spec.name}.{column.name}", ("", ""))
            sheet.append(
                [
                    spec.name,
                    column.name,
                    column.key,
                    texts[1] if english else texts[0],
                ]
            )
    for letter, width in zip("ABCD", (18, 32, 26, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=5):
        row[3].alignment = Alignment(wrap_text=True)
