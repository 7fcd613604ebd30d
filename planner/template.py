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
DATE_FORMAT = "yyyy-mm-dd"
DATE_COLUMNS = {"start", "end", "date"}
DAY_COLUMNS = {
    "preferred_flexible_days",
    "preferred_office_days",
    "days",
    "day",
}
"""Columns that take day names (several, comma-separated, in some)."""

DATES_HELP = (
    "Tanggal ditulis sebagai sel tanggal Excel, 2027-01-04, atau "
    "04/01/2027 (hari/bulan/tahun).",
    "Dates are written as Excel date cells, 2027-01-04 or 04/01/2027 "
    "(day/month/year).",
)

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
        "Ya/Tidak; kosong = Tidak. Ya = tidak pernah boleh fleksibel.",
        "Yes/no; blank = no. Yes = never eligible for flexible work.",
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
    "Pegawai.Pegawai Baru": (
        "Ya/Tidak; kosong = Tidak.",
        "Yes/no; blank = no.",
    ),
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
        "0-7 hari fleksibel per minggu; kosong = sebanyak yang diizinkan.",
        "0-7 flexible days a week; blank = as many as allowed.",
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
    "Kebutuhan Peran.Peran": (
        "Wajib. Peran, mis. pimpinan.",
        "Required. A role, e.g. pimpinan.",
    ),
    "Kebutuhan Peran.Minimal Hadir (Orang)": (
        "Wajib. Orang dengan peran itu di kantor.",
        "Required. People with the role on site.",
    ),
    "Kebutuhan Peran.Hari": (
        "Nama hari; kosong = setiap hari kerja.",
        "Day names; blank = every working day.",
    ),
    "Ketidakhadiran.NIP": ("Wajib.", "Required."),
    "Ketidakhadiran.Mulai": (
        "Wajib. Tanggal: 2027-01-04 atau 04/01/2027.",
        "Required. A date: 2027-01-04 or 04/01/2027.",
    ),
    "Ketidakhadiran.Selesai": (
        "Wajib. Tanggal, sama dengan atau sesudah Mulai.",
        "Required. A date, on or after Mulai (start).",
    ),
    "Ketidakhadiran.Jenis": (
        "Cuti, Sakit, Dinas Luar, Diklat, atau teks lain.",
        "Leave, sick, official travel, training, or other text.",
    ),
    "Permintaan.NIP": ("Wajib.", "Required."),
    "Permintaan.Tanggal": (
        "Tanggal (2027-01-04 atau 04/01/2027), atau isi Hari.",
        "A date (2027-01-04 or 04/01/2027), or fill in Hari (day).",
    ),
    "Permintaan.Hari": (
        "Nama hari (setiap minggu), atau isi Tanggal.",
        "A day name (every week), or fill in Date.",
    ),
    "Permintaan.Mode": (
        "Wajib. Kantor atau Fleksibel.",
        "Required. Kantor (office) or Fleksibel (flexible).",
    ),
    "Permintaan.Wajib": (
        "Ya = penugasan tetap; Tidak/kosong = keinginan.",
        "Yes = fixed; no/blank = a wish.",
    ),
    "Permintaan.Bobot": (
        "Bilangan bulat lebih dari 0; kosong = 1.",
        "A whole number above 0; blank = 1.",
    ),
    "Kebijakan.Parameter": (
        "Nama parameter kebijakan; daftarnya: mkd policies --keys.",
        "A policy key; list them with: mkd policies --keys.",
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
    column, every column with a closed set of values has a validation
    (drop-down lists, whole numbers in range), date columns show dates,
    and the NIP column is formatted as text so Excel keeps all 18 digits.
    The caller checks that ``path`` may be written.

    Raises
    ------
    InputError
        When the file cannot be written.
    """
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for spec in schema.SHEETS:
        sheet = book.create_sheet(spec.name)
        _header(sheet, [column.name for column in spec.columns])
        for row in EXAMPLE_ROWS.get(spec.name, []):
            sheet.append(row)
        _formats(sheet, spec)
        for index, column in enumerate(spec.columns, start=1):
            validation = column_validation(column, lang)
            if validation is not None:
                letter = get_column_letter(index)
                validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
                sheet.add_data_validation(validation)
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


def _formats(sheet: Worksheet, spec: schema.Sheet) -> None:
    """Text format for NIPs (Excel keeps 15 digits of a number), dates."""
    for index, column in enumerate(spec.columns, start=1):
        if column.key == "nip":
            number_format = "@"
        elif column.key in DATE_COLUMNS:
            number_format = DATE_FORMAT
        else:
            continue
        for cell_row in range(2, TEMPLATE_ROWS + 1):
            sheet.cell(cell_row, index).number_format = number_format


# Whole-number columns: (least, most); None = no upper bound.
WHOLE_NUMBERS: dict[str, tuple[int, int | None]] = {
    "requested_flexible_days": (0, 7),
    "min_onsite_people": (0, None),
    "desk_capacity": (0, None),
    "weight": (1, None),
}


def column_validation(
    column: schema.Column, lang: str = "id"
) -> DataValidation | None:
    """The data validation of a template column, or ``None``.

    Day lists take several names ("Senin, Jumat"), so their list only
    suggests; other validations refuse what they do not allow.
    """
    options = _options(column)
    if options is not None:
        several = column.key in DAY_COLUMNS
        return DataValidation(
            type="list",
            formula1=f'"{options}"',
            allow_blank=True,
            showErrorMessage=not several,
        )
    if column.key in WHOLE_NUMBERS:
        low, high = WHOLE_NUMBERS[column.key]
        if high is None:
            rule = DataValidation(
                type="whole", operator="greaterThanOrEqual", formula1=str(low)
            )
            text = (f">= {low}", f">= {low}")
        else:
            rule = DataValidation(
                type="whole",
                operator="between",
                formula1=str(low),
                formula2=str(high),
            )
            text = (f"{low}-{high}", f"{low}-{high}")
        rule.error = (
            f"Whole number {text[1]}."
            if lang == "en"
            else f"Bilangan bulat {text[0]}."
        )
    elif column.key == "min_onsite_share":
        rule = DataValidation(
            type="decimal", operator="between", formula1="0", formula2="100"
        )
        rule.error = "0-100 (%)."
    else:
        return None
    rule.allow_blank = True
    rule.showErrorMessage = True
    return rule


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
    if column.key in DAY_COLUMNS:
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
    sheet.append([DATES_HELP[1] if english else DATES_HELP[0]])
    sheet.append([])
    header = (
        ["Sheet", "Column", "Also accepted", "What it holds"]
        if english
        else ["Lembar", "Kolom", "Nama lain", "Isi"]
    )
    sheet.append(header)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
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
    for row in sheet.iter_rows(min_row=header_row + 1):
        row[3].alignment = Alignment(wrap_text=True)
