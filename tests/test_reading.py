"""Reading the input workbook: what is accepted, and every located error.

Each bad-input case is one small edit of the tiny valid workbook built by
the ``book`` fixture (see ``conftest.py``).
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.check import check
from planner.messages import MESSAGES
from planner.problems import InputError, Problem, Severity
from planner.reading.workforce import read_workforce

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def problems_of(path: Path) -> tuple[Problem, ...]:
    """The problems of an input that must be refused."""
    with pytest.raises(InputError) as caught:
        read_workforce(path)
    return caught.value.problems


def only(problems: tuple[Problem, ...], code: str) -> Problem:
    """The one problem with a code."""
    found = [problem for problem in problems if problem.code == code]
    assert len(found) == 1, [p.render("en") for p in problems]
    return found[0]


# ---------------------------------------------------------------------------
# What is accepted.
# ---------------------------------------------------------------------------


def test_valid_workbook_reads(book):
    """The builder's workbook reads whole, without any problem."""
    workforce, problems = read_workforce(book.save())

    assert problems == []
    assert [e.name for e in workforce.employees] == [
        "Siti",
        "Dadang",
        "Rina",
        "Asep",
        "Yanti",
        "Budi",
    ]
    assert [unit.name for unit in workforce.units] == [
        "Bagian Umum",
        "Bagian Keuangan",
    ]
    siti = workforce.by_nip[book.nip("Siti")]
    assert siti.talent_box == 8
    assert siti.roles == {"pimpinan"}
    assert siti.readiness.laptop is True
    assert siti.readiness.disciplinary is False
    assert siti.requested_flexible_days == 2
    assert len(workforce.role_covers) == 1
    assert workforce.policy_values == {"split_days": False}


def test_dates_read_from_excel_dates_iso_text_and_day_month_year(book):
    """Absence dates may be Excel dates, ``2027-01-11`` or ``15/01/2027``."""
    workforce, _ = read_workforce(book.save())

    spans = [(a.start, a.end) for a in workforce.absences]
    assert spans == [
        (dt.date(2027, 1, 4), dt.date(2027, 1, 5)),
        (dt.date(2027, 1, 11), dt.date(2027, 1, 15)),
    ]


def test_english_sheet_and_column_names_are_accepted(book):
    """Every sheet and column may carry its English alias instead."""
    english = {
        "Pegawai": (
            "Employees",
            {
                "NIP": "nip",
                "Nama": "name",
                "Kotak Talenta": "talent_box",
                "Laptop": "laptop",
                "Persetujuan Atasan": "approved",
                "Hari Fleksibel Pilihan": "preferred_flexible_days",
            },
        ),
        "Unit": ("Units", {"Minimal Hadir (%)": "min_onsite_share"}),
        "Ketidakhadiran": ("Absences", {"Mulai": "start", "Selesai": "end"}),
        "Permintaan": ("Requests", {"Hari": "day", "Mode": "mode"}),
        "Kebutuhan Peran": ("Role Cover", {"Peran": "role"}),
        "Kebijakan": ("Policy", {"Nilai": "value"}),
    }
    for sheet, (title, columns) in english.items():
        for column, alias in columns.items():
            book.rename_column(sheet, column, alias)
        book.rename_sheet(sheet, title)

    workforce, problems = read_workforce(book.save())

    assert problems == []
    assert len(workforce.employees) == 6
    assert workforce.by_nip[book.nip("Siti")].talent_box == 8
    assert len(workforce.absences) == 2
    assert len(workforce.requests) == 2


def test_headers_match_ignoring_case_and_extra_spaces(book):
    """``  kotak   TALENTA `` names the column ``Kotak Talenta``."""
    book.rename_column("Pegawai", "Kotak Talenta", "  kotak   TALENTA ")
    book.rename_column("Pegawai", "Nama", "NAMA")
    book.rename_sheet("Unit", " unit ")

    workforce, problems = read_workforce(book.save())

    assert problems == []
    assert workforce.by_nip[book.nip("Siti")].talent_box == 8


def test_unknown_extra_column_is_a_notice_not_an_error(book):
    """A column the planner does not know is ignored, with a notice."""
    book.add_column("Pegawai", "Golongan", "III/c", "III/a")

    workforce, problems = read_workforce(book.save())

    assert len(workforce.employees) == 6
    notice = only(tuple(problems), "column_unknown")
    assert notice.severity is Severity.NOTICE
    assert (notice.sheet, notice.column) == ("Pegawai", "Golongan")


def test_optional_sheets_may_be_left_out(book):
    """Only Pegawai and Unit are required."""
    for sheet in ("Kebutuhan Peran", "Ketidakhadiran", "Permintaan"):
        book.drop_sheet(sheet)
    book.drop_sheet("Kebijakan")

    workforce, problems = read_workforce(book.save())

    assert problems == []
    assert workforce.absences == ()


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_folder_is_accepted(book, delimiter):
    """A folder of Pegawai.csv, Unit.csv, ... reads like the workbook."""
    workforce, problems = read_workforce(book.save_csv(delimiter=delimiter))

    assert problems == []
    assert len(workforce.employees) == 6
    assert workforce.by_nip[book.nip("Siti")].readiness.laptop is True
    assert len(workforce.absences) == 2


def test_csv_folder_errors_name_the_csv_file_row_and_column(book):
    """A bad cell of a CSV file names that file, its row and column."""
    book.set("Pegawai", 3, "Laptop", "Mungkin")

    problems = problems_of(book.save_csv(delimiter=";"))

    problem = only(problems, "bad_yes_no")
    assert (problem.file, problem.sheet, problem.row, problem.column) == (
        "csv/Pegawai.csv",
        None,
        3,
        "Laptop",
    )
    assert problem.render().startswith(
        "GALAT: csv/Pegawai.csv, baris 3, kolom Laptop: "
    )


# ---------------------------------------------------------------------------
# Every kind of bad input, one edit each: (edit, code, sheet, row, column).
# ---------------------------------------------------------------------------

Edit = Callable[..., object]

BAD_INPUTS: list[tuple[str, Edit, str, str | None, int | None, str | None]] = [
    # The Unit sheet is missing altogether.
    (
        "sheet_missing",
        lambda b: b.drop_sheet("Unit"),
        "sheet_missing",
        None,
        None,
        None,
    ),
    # The Nama column is missing from Pegawai.
    (
        "column_missing",
        lambda b: b.drop_column("Pegawai", "Nama"),
        "column_missing",
        "Pegawai",
        None,
        "Nama",
    ),
    # Dadang's row is entered twice; the second is row 8.
    (
        "nip_duplicate",
        lambda b: b.copy_row("Pegawai", 3),
        "nip_duplicate",
        "Pegawai",
        8,
        "NIP",
    ),
    # A NIP with 17 digits.
    (
        "nip_length",
        lambda b: b.set("Pegawai", 3, "NIP", "19900101201503100"),
        "nip_length",
        "Pegawai",
        3,
        "NIP",
    ),
    # Letters in a NIP.
    (
        "nip_letters",
        lambda b: b.set("Pegawai", 3, "NIP", "19900101201503100X"),
        "nip_length",
        "Pegawai",
        3,
        "NIP",
    ),
    # Birth month 13.
    (
        "nip_birth_date",
        lambda b: b.set("Pegawai", 3, "NIP", "199013012015031002"),
        "nip_birth_date",
        "Pegawai",
        3,
        "NIP",
    ),
    # Appointment month 13.
    (
        "nip_appointment",
        lambda b: b.set("Pegawai", 3, "NIP", "199001012015131002"),
        "nip_appointment",
        "Pegawai",
        3,
        "NIP",
    ),
    # Sex digit 3.
    (
        "nip_sex",
        lambda b: b.set("Pegawai", 3, "NIP", "199001012015033002"),
        "nip_sex",
        "Pegawai",
        3,
        "NIP",
    ),
    # The NIP typed into a number cell.
    (
        "nip_is_number",
        lambda b: b.set("Pegawai", 3, "NIP", 199001012015031002),
        "nip_is_number",
        "Pegawai",
        3,
        "NIP",
    ),
    # A unit that is not in sheet Unit, nor close to one that is.
    (
        "unit_unknown",
        lambda b: b.set("Pegawai", 4, "Unit", "Biro Hukum"),
        "unit_unknown",
        "Pegawai",
        4,
        "Unit",
    ),
    # A typo in the unit's name: a near miss, with a suggestion.
    (
        "unit_unknown_near",
        lambda b: b.set("Pegawai", 4, "Unit", "Bagian Umun"),
        "unit_unknown_near",
        "Pegawai",
        4,
        "Unit",
    ),
    # A role cover rule for a unit that does not exist.
    (
        "unit_unknown_role_cover",
        lambda b: b.set("Kebutuhan Peran", 2, "Unit", "Biro Hukum"),
        "unit_unknown",
        "Kebutuhan Peran",
        2,
        "Unit",
    ),
    # An absence of someone not in Pegawai.
    (
        "nip_unknown_absence",
        lambda b: b.set("Ketidakhadiran", 3, "NIP", "197001012000011999"),
        "nip_unknown",
        "Ketidakhadiran",
        3,
        "NIP",
    ),
    # A request of someone not in Pegawai.
    (
        "nip_unknown_request",
        lambda b: b.set("Permintaan", 2, "NIP", "197001012000011999"),
        "nip_unknown",
        "Permintaan",
        2,
        "NIP",
    ),
    # Talent box 10.
    (
        "talent_box_10",
        lambda b: b.set("Pegawai", 5, "Kotak Talenta", 10),
        "talent_box_range",
        "Pegawai",
        5,
        "Kotak Talenta",
    ),
    # Talent box 0.
    (
        "talent_box_0",
        lambda b: b.set("Pegawai", 5, "Kotak Talenta", 0),
        "talent_box_range",
        "Pegawai",
        5,
        "Kotak Talenta",
    ),
    # "Mungkin" (maybe) is not yes or no.
    (
        "bad_yes_no",
        lambda b: b.set("Pegawai", 6, "Laptop", "Mungkin"),
        "bad_yes_no",
        "Pegawai",
        6,
        "Laptop",
    ),
    # "Senen" is not a day name.
    (
        "bad_days",
        lambda b: b.set("Pegawai", 2, "Hari Fleksibel Pilihan", "Senen"),
        "bad_days",
        "Pegawai",
        2,
        "Hari Fleksibel Pilihan",
    ),
    # 31 February does not exist.
    (
        "bad_date",
        lambda b: b.set("Ketidakhadiran", 3, "Mulai", "31/02/2027"),
        "bad_date",
        "Ketidakhadiran",
        3,
        "Mulai",
    ),
    # "separuh" (half) is not a number.
    (
        "bad_number",
        lambda b: b.set("Unit", 3, "Minimal Hadir (%)", "separuh"),
        "bad_number",
        "Unit",
        3,
        "Minimal Hadir (%)",
    ),
    # "satu" (one) is not a whole number.
    (
        "bad_integer",
        lambda b: b.set("Unit", 2, "Minimal Hadir (Orang)", "satu"),
        "bad_integer",
        "Unit",
        2,
        "Minimal Hadir (Orang)",
    ),
    # Kantor/Fleksibel misspelt.
    (
        "bad_mode",
        lambda b: b.set("Permintaan", 3, "Mode", "Rumah"),
        "bad_mode",
        "Permintaan",
        3,
        "Mode",
    ),
    # A required cell left blank.
    (
        "value_missing",
        lambda b: b.set("Pegawai", 7, "Nama", None),
        "value_missing",
        "Pegawai",
        7,
        "Nama",
    ),
    # The absence ends before it starts.
    (
        "absence_reversed",
        lambda b: b.set("Ketidakhadiran", 2, "Selesai", dt.date(2027, 1, 1)),
        "absence_reversed",
        "Ketidakhadiran",
        2,
        "Selesai",
    ),
    # Siti's second absence overlaps her first one (row 2).
    (
        "absence_overlap",
        lambda b: b.add_row(
            "Ketidakhadiran",
            NIP=b.nip("Siti"),
            Mulai=dt.date(2027, 1, 5),
            Selesai=dt.date(2027, 1, 7),
            Jenis="Sakit",
        ),
        "absence_overlap",
        "Ketidakhadiran",
        4,
        "Mulai",
    ),
    # 150 % is not a share.
    (
        "share_range",
        lambda b: b.set("Unit", 2, "Minimal Hadir (%)", 150),
        "share_range",
        "Unit",
        2,
        "Minimal Hadir (%)",
    ),
    # A negative share.
    (
        "share_negative",
        lambda b: b.set("Unit", 2, "Minimal Hadir (%)", -5),
        "share_range",
        "Unit",
        2,
        "Minimal Hadir (%)",
    ),
    # Seven working days.
    (
        "working_days",
        lambda b: b.set("Unit", 3, "Hari Kerja", 7),
        "working_days",
        "Unit",
        3,
        "Hari Kerja",
    ),
    # A unit listed twice.
    (
        "unit_duplicate",
        lambda b: b.copy_row("Unit", 2),
        "unit_duplicate",
        "Unit",
        4,
        "Unit",
    ),
    # A request with both a date and a day.
    (
        "request_date_or_day",
        lambda b: b.set("Permintaan", 3, "Hari", "Rabu"),
        "request_date_or_day",
        "Permintaan",
        3,
        "Tanggal",
    ),
    # The required Pegawai sheet holds only its header row.
    (
        "sheet_no_rows",
        lambda b: b.drop_rows("Pegawai"),
        "sheet_no_rows",
        "Pegawai",
        None,
        None,
    ),
    # The required Unit sheet exists but has no header row at all.
    (
        "sheet_empty",
        lambda b: b.sheets["Unit"].clear(),
        "sheet_empty",
        "Unit",
        None,
        None,
    ),
    # A formula written by a program, without its computed value (B2).
    (
        "formula_without_value",
        lambda b: b.set("Unit", 2, "Minimal Hadir (%)", "=25*2"),
        "formula_without_value",
        "Unit",
        2,
        "Minimal Hadir (%)",
    ),
    # An Excel error where a talent box belongs.
    (
        "excel_error",
        lambda b: b.error("Pegawai", 3, "Kotak Talenta", "#N/A"),
        "excel_error",
        "Pegawai",
        3,
        "Kotak Talenta",
    ),
    # A number far too large to be a head count.
    (
        "too_large",
        lambda b: b.set("Unit", 2, "Minimal Hadir (Orang)", 1e20),
        "too_large",
        "Unit",
        2,
        "Minimal Hadir (Orang)",
    ),
    # The same policy key twice.
    (
        "policy_key_duplicate",
        lambda b: b.add_row("Kebijakan", Parameter="split_days", Nilai="Ya"),
        "policy_key_duplicate",
        "Kebijakan",
        3,
        "Parameter",
    ),
    # A policy key that no longer exists.
    (
        "policy_key_removed",
        lambda b: b.add_row(
            "Kebijakan", Parameter="exclude_face_to_face", Nilai="Tidak"
        ),
        "policy_key_removed",
        "Kebijakan",
        3,
        "Parameter",
    ),
    # The same column twice (header case differs).
    (
        "column_duplicate",
        lambda b: b.add_column("Pegawai", "nama", "Siti"),
        "column_duplicate",
        "Pegawai",
        None,
        "nama",
    ),
    # Eight flexible days a week asked for.
    (
        "requested_range",
        lambda b: b.set("Pegawai", 2, "Jumlah Hari Fleksibel Diminta", 8),
        "requested_range",
        "Pegawai",
        2,
        "Jumlah Hari Fleksibel Diminta",
    ),
    # A negative desk capacity.
    (
        "negative",
        lambda b: b.set("Unit", 3, "Kapasitas Meja", -1),
        "negative",
        "Unit",
        3,
        "Kapasitas Meja",
    ),
    # A request weighing nothing.
    (
        "weight_positive",
        lambda b: b.set("Permintaan", 2, "Bobot", 0),
        "weight_positive",
        "Permintaan",
        2,
        "Bobot",
    ),
    # A NIP stored as a number in the absences sheet too.
    (
        "nip_is_number_absence",
        lambda b: b.set("Ketidakhadiran", 2, "NIP", 198503152010012001),
        "nip_is_number",
        "Ketidakhadiran",
        2,
        "NIP",
    ),
    # A Kebijakan key that does not exist.
    (
        "policy_key_unknown",
        lambda b: b.add_row("Kebijakan", Parameter="hari_wfh", Nilai=2),
        "policy_key_unknown",
        "Kebijakan",
        3,
        "Parameter",
    ),
    # A Kebijakan value of the wrong kind.
    (
        "policy_bad_value",
        lambda b: b.add_row(
            "Kebijakan", Parameter="max_flexible_days_per_week", Nilai="dua"
        ),
        "bad_number",
        "Kebijakan",
        3,
        "Nilai",
    ),
]


@pytest.mark.parametrize(
    ("edit", "code", "sheet", "row", "column"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input_is_refused_with_a_located_message(
    book, edit, code, sheet, row, column
):
    """Each bad input is an error naming file, sheet, row and column."""
    edit(book)
    problems = problems_of(book.save())

    problem = only(problems, code)
    assert problem.severity is Severity.ERROR
    assert problem.file == "pegawai.xlsx"
    assert (problem.sheet, problem.row, problem.column) == (sheet, row, column)
    rendered = problem.render()
    assert rendered.startswith("GALAT: pegawai.xlsx")
    assert problem.render("en").startswith("ERROR: pegawai.xlsx")
    for other in problems:  # every message fills in all its values
        other.render()
        other.render("en")
    if sheet is not None:
        assert f"lembar {sheet}" in rendered
    if row is not None:
        assert f"baris {row}" in rendered
    if column is not None:
        assert f"kolom {column}" in rendered


def test_missing_sheet_message_names_the_sheet_and_its_alias(book):
    """The user learns which sheet to add, in both of its names."""
    book.drop_sheet("Unit")

    problem = only(problems_of(book.save()), "sheet_missing")

    assert "'Unit' (atau 'Units')" in problem.render()
    assert "'Unit' (or 'Units')" in problem.render("en")


def test_duplicate_nip_names_the_first_row(book):
    """The second row of a NIP points back at the first one."""
    book.copy_row("Pegawai", 3, Nama="Dadang S.")

    problem = only(problems_of(book.save()), "nip_duplicate")

    assert "baris 3" in problem.text()
    assert "row 3" in problem.text("en")


def test_nip_stored_as_number_has_its_own_message(book):
    """A numeric NIP is told to be retyped as text: Excel keeps 15 digits."""
    book.set("Pegawai", 3, "NIP", 199001012015031002)

    problem = only(problems_of(book.save()), "nip_is_number")

    assert "15 digit" in problem.text()
    assert "Teks" in problem.text()
    assert "15 digits" in problem.text("en")
    assert "Text" in problem.text("en")


def test_overlapping_absence_names_the_other_row(book):
    """The overlap message says which row the absence collides with."""
    book.add_row(
        "Ketidakhadiran",
        NIP=book.nip("Siti"),
        Mulai="2027-01-05",
        Selesai="2027-01-06",
    )

    problem = only(problems_of(book.save()), "absence_overlap")

    assert "baris 2" in problem.text()
    assert book.nip("Siti") in problem.text()


def test_every_problem_of_a_workbook_is_reported_together(book):
    """A workbook with errors on several sheets lists all of them at once."""
    book.set("Pegawai", 3, "NIP", "19900101201503100")
    book.set("Pegawai", 5, "Kotak Talenta", 12)
    book.set("Pegawai", 6, "Laptop", "Mungkin")
    book.set("Unit", 2, "Minimal Hadir (%)", 150)
    book.set("Ketidakhadiran", 2, "Selesai", dt.date(2027, 1, 1))
    book.set("Permintaan", 3, "NIP", "197001012000011999")

    problems = problems_of(book.save())

    places = {(p.code, p.sheet, p.row) for p in problems}
    assert places >= {
        ("nip_length", "Pegawai", 3),
        ("talent_box_range", "Pegawai", 5),
        ("bad_yes_no", "Pegawai", 6),
        ("share_range", "Unit", 2),
        ("absence_reversed", "Ketidakhadiran", 2),
        ("nip_unknown", "Permintaan", 3),
    }


def test_problems_of_one_column_are_all_listed(book):
    """Two bad cells in one column give two messages, one per row."""
    book.set("Pegawai", 2, "Kotak Talenta", 11)
    book.set("Pegawai", 4, "Kotak Talenta", 0)

    problems = problems_of(book.save())

    rows = [p.row for p in problems if p.code == "talent_box_range"]
    assert rows == [2, 4]


def test_csv_nip_in_scientific_notation_is_a_number_nip(book):
    """A CSV export of a number NIP (``1,99001E+17``) gets its own message.

    Excel in an Indonesian locale writes a decimal comma.
    """
    book.set("Pegawai", 3, "NIP", "1,99001E+17")
    book.set("Pegawai", 4, "NIP", "1.98807E+17")

    problems = problems_of(book.save_csv(delimiter=";"))

    rows = [p.row for p in problems if p.code == "nip_is_number"]
    assert rows == [3, 4]


def test_csv_in_the_windows_code_page_is_read(book):
    """A CSV saved by Excel on Windows (cp1252) reads, accents kept."""
    book.set("Pegawai", 2, "Nama", "Siti Rosé")
    folder = book.save_csv()
    path = folder / "Pegawai.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))

    workforce, _ = read_workforce(folder)

    assert workforce.by_nip[book.nip("Siti")].name == "Siti Rosé"


def test_optional_sheet_without_header_is_only_a_warning(book):
    """An empty optional sheet is ignored with a warning, not refused."""
    book.sheets["Ketidakhadiran"].clear()

    workforce, problems = read_workforce(book.save())

    warning = only(tuple(problems), "sheet_empty")
    assert warning.severity is Severity.WARNING
    assert warning.sheet == "Ketidakhadiran"
    assert workforce.absences == ()


def test_unreadable_cells_of_a_skipped_row_are_still_reported(book):
    """A row with a bad NIP still has its other bad cells reported."""
    book.set("Pegawai", 3, "NIP", "123")
    book.set("Pegawai", 3, "Laptop", "Mungkin")

    problems = problems_of(book.save())

    assert {(p.code, p.row) for p in problems} >= {
        ("nip_length", 3),
        ("bad_yes_no", 3),
    }


# ---------------------------------------------------------------------------
# Files that cannot be read at all.
# ---------------------------------------------------------------------------


def test_text_file_renamed_xlsx_is_not_a_workbook(tmp_path):
    """A text file with an .xlsx name is refused as not a workbook."""
    path = tmp_path / "pegawai.xlsx"
    path.write_text("NIP;Nama\n198503152010012001;Siti\n")

    problem = only(problems_of(path), "file_not_workbook")

    assert problem.file == "pegawai.xlsx"
    assert "bukan workbook Excel" in problem.render()
    assert "not a readable Excel workbook" in problem.render("en")


def compound_file(*streams: str) -> bytes:
    """An OLE compound file's bytes with streams of these names.

    The reader goes by the file's first eight bytes and the stream names
    in its directory (UTF-16), so these stand in for a real file.
    """
    names = b"".join(name.encode("utf-16-le") + bytes(2) for name in streams)
    return OLE_MAGIC + bytes(504) + names + bytes(512)


def test_password_protected_workbook_is_named_as_such(tmp_path):
    """An encrypted .xlsx (an OLE compound file) asks to remove the password.

    Excel stores a password-protected .xlsx in an OLE compound file with
    the streams EncryptionInfo and EncryptedPackage, not in a zip archive.
    """
    path = tmp_path / "rahasia.xlsx"
    path.write_bytes(compound_file("EncryptionInfo", "EncryptedPackage"))

    problem = only(problems_of(path), "file_password")

    assert problem.file == "rahasia.xlsx"
    assert "kata sandi" in problem.render()
    assert "password" in problem.render("en")


def test_old_xls_workbook_renamed_xlsx_is_told_to_save_as_xlsx(tmp_path):
    """An Excel 97-2003 file named .xlsx is not called password protected."""
    path = tmp_path / "lama.xlsx"
    path.write_bytes(compound_file("Workbook", "SummaryInformation"))

    problem = only(problems_of(path), "file_old_xls")

    assert "simpan sebagai .xlsx" in problem.render()
    assert "save it as .xlsx" in problem.render("en")
    assert "password" not in problem.render("en")


def test_old_xls_workbook_is_read(tmp_path):
    """An Excel 97-2003 workbook (.xls) is read like an .xlsx.

    ``data/pegawai-lama.xls`` holds one person of one unit, as an old
    Excel writes it.
    """
    path = Path(__file__).parent / "data" / "pegawai-lama.xls"

    workforce, _ = read_workforce(path)

    assert [e.name for e in workforce.employees] == ["Siti"]
    assert workforce.employees[0].nip == "198503152010012001"


@pytest.mark.parametrize(
    ("lock", "program"),
    [("~$pegawai.xlsx", "Excel"), (".~lock.pegawai.xlsx#", "LibreOffice")],
)
def test_workbook_open_elsewhere_names_the_lock_file(book, lock, program):
    """The lock file of Excel or LibreOffice beside the workbook means open.

    The message names the lock file, which may be deleted when no program
    has the workbook open (a crash leaves it behind).
    """
    path = book.save()
    (path.parent / lock).write_bytes(b"\x00" * 165)

    problem = only(problems_of(path), "file_open")

    assert f"berkas kunci '{lock}'" in problem.render()
    assert f"hapus '{lock}'" in problem.render()
    assert "If no program has it open" in problem.render("en")
    assert f"delete '{lock}'" in problem.render("en")


def test_missing_file_is_reported_not_raised(tmp_path):
    """A path that does not exist is a problem, not a crash."""
    only(problems_of(tmp_path / "tidak-ada.xlsx"), "file_missing")


def test_single_csv_file_asks_for_the_folder(book):
    """A lone CSV file is refused with a hint to give the folder."""
    folder = book.save_csv()

    only(problems_of(folder / "Pegawai.csv"), "csv_needs_folder")


def test_folder_without_csv_files_is_refused(tmp_path):
    """An empty folder is not an input."""
    only(problems_of(tmp_path), "folder_without_csv")


def test_formula_message_names_the_cell(book):
    """A formula without a saved value names its cell in both languages."""
    book.set("Unit", 3, "Kapasitas Meja", "=1+1")

    problem = only(problems_of(book.save()), "formula_without_value")

    assert (problem.sheet, problem.row, problem.column) == (
        "Unit",
        3,
        "Kapasitas Meja",
    )
    assert "Sel D3 berisi rumus" in problem.render()
    assert "Cell D3 holds a formula" in problem.render("en")


# ---------------------------------------------------------------------------
# Messages in both languages.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "indonesian", "english"),
    [
        (
            lambda b: b.set("Pegawai", 3, "NIP", "199001012015033002"),
            "GALAT: pegawai.xlsx, lembar Pegawai, baris 3, kolom NIP: "
            "NIP '199001012015033002': digit 15 harus 1 atau 2.",
            "ERROR: pegawai.xlsx, sheet Pegawai, row 3, column NIP: "
            "NIP '199001012015033002': digit 15 must be 1 or 2.",
        ),
        (
            lambda b: b.set("Pegawai", 4, "Unit", "Bagian Umun"),
            "GALAT: pegawai.xlsx, lembar Pegawai, baris 4, kolom Unit: "
            "Unit 'Bagian Umun' tidak ada di lembar Unit. Mungkin "
            "maksudnya 'Bagian Umum'?",
            "ERROR: pegawai.xlsx, sheet Pegawai, row 4, column Unit: "
            "Unit 'Bagian Umun' is not in sheet Unit. Did you mean "
            "'Bagian Umum'?",
        ),
        (
            lambda b: b.set("Pegawai", 6, "Laptop", "Mungkin"),
            "GALAT: pegawai.xlsx, lembar Pegawai, baris 6, kolom Laptop: "
            "'Mungkin' bukan Ya/Tidak.",
            "ERROR: pegawai.xlsx, sheet Pegawai, row 6, column Laptop: "
            "'Mungkin' is not yes/no.",
        ),
        (
            lambda b: b.set("Unit", 2, "Minimal Hadir (%)", 150),
            "GALAT: pegawai.xlsx, lembar Unit, baris 2, kolom Minimal Hadir "
            "(%): Persentase 150 % harus 0 sampai 100 %.",
            "ERROR: pegawai.xlsx, sheet Unit, row 2, column Minimal Hadir "
            "(%): The percentage 150 % must be 0 to 100 %.",
        ),
    ],
    ids=["nip_sex", "unit_unknown", "bad_yes_no", "share_range"],
)
def test_messages_are_indonesian_by_default_and_english_on_request(
    book, edit, indonesian, english
):
    """``render()`` speaks Indonesian; ``render("en")`` English."""
    edit(book)

    problems = problems_of(book.save())

    assert any(p.render().startswith(indonesian) for p in problems)
    assert any(p.render("en").startswith(english) for p in problems)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_of_a_message_quote_the_same_values(code):
    """Indonesian and English texts of a message use the same placeholders."""
    indonesian, english = MESSAGES[code]
    parse = string.Formatter().parse

    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in parse(text) if name}

    assert indonesian.strip() and english.strip()
    assert names(indonesian) == names(english)


# ---------------------------------------------------------------------------
# Warnings: legal but suspicious data (found by ``check``).
# ---------------------------------------------------------------------------


def warnings_of(path: Path) -> dict[str, Problem]:
    """The warnings of a usable workbook, by code."""
    report = check(path)
    return {
        p.code: p for p in report.problems if p.severity is Severity.WARNING
    }


def test_valid_workbook_has_no_warnings(book):
    """The builder's workbook is clean, so each warning below is caused."""
    assert warnings_of(book.save()) == {}


def test_unit_whose_minimum_leaves_no_room_is_a_warning(book):
    """Two people of whom two must be on site: nobody can work flexibly."""
    book.set("Unit", 3, "Minimal Hadir (Orang)", 2)

    warning = warnings_of(book.save())["unit_no_room"]

    assert (warning.sheet, warning.row, warning.column) == (
        "Unit",
        3,
        "Minimal Hadir (Orang)",
    )
    assert "2 orang dari 2" in warning.text()
    assert "turunkan Minimal Hadir (%) atau (Orang)" in warning.text()
    assert "leaves no room" in warning.text("en")


def test_unit_with_no_eligible_people_is_a_warning(book):
    """Nobody in Bagian Keuangan has a laptop: legal, but worth a word."""
    book.set("Pegawai", 6, "Laptop", "Tidak")
    book.set("Pegawai", 7, "Laptop", "Tidak")

    warning = warnings_of(book.save())["unit_no_eligible"]

    assert (warning.sheet, warning.row) == ("Unit", 3)
    assert "Bagian Keuangan" in warning.text()
    assert "periksa Layanan Langsung" in warning.text()
    assert "no one eligible" in warning.text("en")


def test_direct_service_unit_without_eligible_people_is_no_warning(book):
    """In a direct-service unit nobody is eligible by design: no warning."""
    book.set("Unit", 3, "Layanan Langsung", "Ya")

    assert warnings_of(book.save()) == {}


def test_unit_without_people_is_a_warning_on_its_row(book):
    """A unit nobody belongs to: delete the row or check the spelling."""
    book.add_row("Unit", Unit="Bagian Humas")

    warning = warnings_of(book.save())["unit_no_people"]

    assert (warning.sheet, warning.row, warning.column) == ("Unit", 4, "Unit")
    assert "Hapus baris ini" in warning.text()
    assert "Delete this row" in warning.text("en")


def test_minimum_above_the_staff_is_called_impossible(book):
    """Three people must be on site in a unit of two: planning will fail."""
    book.set("Unit", 3, "Minimal Hadir (Orang)", 3)

    warning = warnings_of(book.save())["unit_min_above_staff"]

    assert (warning.sheet, warning.row, warning.column) == (
        "Unit",
        3,
        "Minimal Hadir (Orang)",
    )
    assert warning.text() == (
        "Unit 'Bagian Keuangan': paling sedikit 3 orang harus di kantor, "
        "tetapi unit ini hanya punya 2 orang. Ini mustahil; perencanaan "
        "akan melaporkan unit ini tidak dapat dijadwalkan. Turunkan "
        "minimalnya menjadi paling banyak 2 orang."
    )
    assert "That is impossible" in warning.text("en")


def test_policy_minimum_above_a_unit_staff_points_at_the_policy(book):
    """A head count set by the Kebijakan sheet is fixed there."""
    book.set("Unit", 3, "Minimal Hadir (Orang)", None)
    book.add_row("Kebijakan", Parameter="min_onsite_people", Nilai=3)

    found = warnings_of(book.save())["unit_min_above_staff"]

    assert (found.sheet, found.row, found.column) == ("Kebijakan", 3, "Nilai")


def test_desk_capacity_below_the_head_count_on_site_is_a_warning(book):
    """Two of four on site (50 %), one desk: impossible when all are in."""
    book.set("Unit", 2, "Kapasitas Meja", 1)

    warning = warnings_of(book.save())["unit_desks_below"]

    assert (warning.sheet, warning.row, warning.column) == (
        "Unit",
        2,
        "Kapasitas Meja",
    )
    assert "semua 4 pegawai hadir, 2 orang harus di kantor" in warning.text()
    assert "only 1 desks" in warning.text("en")


def test_desks_count_the_people_who_may_not_work_flexibly(book):
    """Nobody eligible in a unit of two, two desks needed, one given."""
    book.set("Unit", 3, "Layanan Langsung", "Ya")
    book.set("Unit", 3, "Kapasitas Meja", 1)

    warning = warnings_of(book.save())["unit_desks_below"]

    assert "2 orang harus di kantor" in warning.text()


def test_role_cover_nobody_holds_suggests_the_closest_role(book):
    """A typo in a role: the rule cannot be met, and the role is named."""
    book.set("Kebutuhan Peran", 2, "Peran", "pimpnan")

    warning = warnings_of(book.save())["role_unheld_near"]

    assert (warning.sheet, warning.row, warning.column) == (
        "Kebutuhan Peran",
        2,
        "Peran",
    )
    assert "Mungkin maksudnya 'pimpinan'?" in warning.text()
    assert "Did you mean 'pimpinan'?" in warning.text("en")


def test_role_cover_for_a_role_nobody_holds_is_a_warning(book):
    """A role unlike any held in the unit gets the plain warning."""
    book.set("Kebutuhan Peran", 2, "Peran", "loket")

    warning = warnings_of(book.save())["role_unheld"]

    assert "peran 'loket'" in warning.text()
    assert "infeasible" in warning.text("en")


def test_role_cover_above_its_holders_is_a_warning(book):
    """Two leaders on site, but only Siti leads Bagian Umum."""
    book.set("Kebutuhan Peran", 2, "Minimal Hadir (Orang)", 2)

    warning = warnings_of(book.save())["role_short"]

    assert (warning.row, warning.column) == (2, "Minimal Hadir (Orang)")
    assert "hanya 1 orang memegang peran itu" in warning.text()


@pytest.mark.parametrize(
    "column", ["Laptop", "Internet", "Persetujuan Atasan"]
)
def test_missing_readiness_column_is_a_warning(book, column):
    """Without a readiness column the rule is not checked; the user is told."""
    book.drop_column("Pegawai", column)

    workforce, problems = read_workforce(book.save())

    warning = only(tuple(problems), "readiness_column_missing")
    assert warning.severity is Severity.WARNING
    assert (warning.sheet, warning.column) == ("Pegawai", column)
    assert f"'{column}' tidak ada" in warning.text()
    assert len(workforce.employees) == 6


# ---------------------------------------------------------------------------
# Every problem at once, and none that is only a consequence of another.
# ---------------------------------------------------------------------------


def codes_at(problems: tuple[Problem, ...]) -> set[tuple[str, str | None]]:
    """Each problem's code and sheet."""
    return {(problem.code, problem.sheet) for problem in problems}


def test_missing_column_does_not_stop_the_other_checks(book):
    """Without the Nama column, the other sheets and columns are checked.

    The missing column is reported once, not as a blank cell per row.
    """
    book.drop_column("Pegawai", "Nama")
    book.set("Unit", 2, "Minimal Hadir (%)", 150)
    book.set("Ketidakhadiran", 2, "Mulai", "kemarin")
    book.set("Pegawai", 5, "Kotak Talenta", 12)

    problems = problems_of(book.save())

    assert codes_at(problems) == {
        ("column_missing", "Pegawai"),
        ("share_range", "Unit"),
        ("bad_date", "Ketidakhadiran"),
        ("talent_box_range", "Pegawai"),
    }


def test_missing_unit_sheet_still_checks_the_people(book):
    """Without sheet Unit, Pegawai is read; its units cannot be checked."""
    book.drop_sheet("Unit")
    book.set("Pegawai", 6, "Laptop", "Mungkin")

    problems = problems_of(book.save())

    assert codes_at(problems) == {
        ("sheet_missing", None),
        ("bad_yes_no", "Pegawai"),
    }


def test_missing_people_sheet_still_checks_absences_and_requests(book):
    """Without sheet Pegawai, absences are read; their NIPs not checked."""
    book.drop_sheet("Pegawai")
    book.set("Ketidakhadiran", 2, "Selesai", dt.date(2027, 1, 1))
    book.set("Kebutuhan Peran", 2, "Unit", "Biro Hukum")

    problems = problems_of(book.save())

    assert codes_at(problems) == {
        ("sheet_missing", None),
        ("absence_reversed", "Ketidakhadiran"),
        ("unit_unknown", "Kebutuhan Peran"),
    }


def test_missing_nip_column_does_not_make_every_nip_unknown(book):
    """Without a NIP column, absences and requests are not refused too."""
    book.drop_column("Pegawai", "NIP")

    problems = problems_of(book.save())

    assert codes_at(problems) == {("column_missing", "Pegawai")}


def test_formula_without_value_does_not_stop_the_other_checks(book):
    """A formula is one located problem among the others of the file."""
    book.set("Unit", 2, "Minimal Hadir (Orang)", "=1+0")
    book.set("Pegawai", 3, "NIP", "123")

    problems = problems_of(book.save())

    assert {(p.code, p.sheet, p.row) for p in problems} == {
        ("formula_without_value", "Unit", 2),
        ("nip_length", "Pegawai", 3),
        # Dadang's absence and request name his real NIP, now nowhere.
        ("nip_unknown", "Ketidakhadiran", 3),
        ("nip_unknown", "Permintaan", 2),
    }


FOLLOW_ONS = [
    # Siti's unit is unknown: her absence still refers to her row.
    ("unit", lambda b: b.set("Pegawai", 2, "Unit", "Biro Hukum"), 2),
    # Siti has no name.
    ("name", lambda b: b.set("Pegawai", 2, "Nama", None), 2),
    # Siti's NIP has a bad birth date, and her absence names it alike.
    (
        "malformed_nip",
        lambda b: (
            b.set("Pegawai", 2, "NIP", "198513152010012001"),
            b.set("Ketidakhadiran", 2, "NIP", "198513152010012001"),
        ),
        2,
    ),
    # Siti's NIP is stored as a number (Excel kept 15 digits).
    (
        "nip_number",
        lambda b: b.set("Pegawai", 2, "NIP", 198503152010012001),
        2,
    ),
    # Siti's NIP is a number in scientific notation (CSV export).
    ("nip_scientific", lambda b: b.set("Pegawai", 2, "NIP", "1,98503E+17"), 2),
    # Dadang's talent box is an Excel error; his request stays his.
    (
        "error_cell",
        lambda b: b.error("Pegawai", 3, "Kotak Talenta", "#REF!"),
        3,
    ),
]


@pytest.mark.parametrize(
    ("edit", "row"),
    [case[1:] for case in FOLLOW_ONS],
    ids=[case[0] for case in FOLLOW_ONS],
)
def test_refused_person_is_not_reported_again_where_referred_to(
    book, edit, row
):
    """A Pegawai row refused for one cell yields that error only.

    Its absences and requests are not "NIP not in sheet Pegawai".
    """
    edit(book)

    problems = problems_of(book.save())

    assert [(p.sheet, p.row) for p in problems] == [("Pegawai", row)]


def test_unit_with_one_bad_cell_is_still_known(book):
    """A negative head count refuses the unit row, not its people."""
    book.set("Unit", 2, "Minimal Hadir (Orang)", -1)

    problems = problems_of(book.save())

    assert [(p.code, p.sheet, p.row) for p in problems] == [
        ("negative", "Unit", 2)
    ]
    assert "-1 tidak boleh negatif" in problems[0].text()


def test_duplicate_person_row_keeps_references_to_the_nip(book):
    """A NIP entered twice is one error; its absence is not unknown."""
    book.copy_row("Pegawai", 2)

    problems = problems_of(book.save())

    assert [p.code for p in problems] == ["nip_duplicate"]


# ---------------------------------------------------------------------------
# Percent cells, fractions and Excel error cells.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["0%", "0.00%", "0.0%", '0" %"%'])
def test_percent_formatted_share_is_read_as_percent(book, code):
    """Excel stores 40 % as 0.4 with a ``%`` format; it means 40 %."""
    book.set("Unit", 2, "Minimal Hadir (%)", 0.4)
    book.format("Unit", 2, "Minimal Hadir (%)", code)

    workforce, problems = read_workforce(book.save())

    assert workforce.unit_by_name["Bagian Umum"].min_onsite_share == 40
    assert problems == []


def test_percent_format_without_percent_sign_is_a_plain_number(book):
    """A format that only quotes a % sign does not make 0.4 mean 40 %."""
    book.set("Unit", 2, "Minimal Hadir (%)", 40)
    book.format("Unit", 2, "Minimal Hadir (%)", '0" persen"')

    workforce, _ = read_workforce(book.save())

    assert workforce.unit_by_name["Bagian Umum"].min_onsite_share == 40


def test_percent_formatted_policy_share_is_read_as_percent(book):
    """The Kebijakan sheet's min_onsite_share reads a % cell alike."""
    row = book.add_row("Kebijakan", Parameter="min_onsite_share", Nilai=0.3)
    book.format("Kebijakan", row, "Nilai", "0%")

    workforce, problems = read_workforce(book.save())

    assert workforce.policy_values["min_onsite_share"] == 30
    assert problems == []


def test_percent_text_is_read_as_percent(book):
    """``50%`` typed as text (or in a CSV file) is 50 %."""
    book.set("Unit", 2, "Minimal Hadir (%)", "40%")

    workforce, _ = read_workforce(book.save_csv())

    assert workforce.unit_by_name["Bagian Umum"].min_onsite_share == 40


def test_fraction_in_a_percent_column_is_warned_about(book):
    """0.5 in Minimal Hadir (%) is read as 0.5 %, with a warning."""
    book.set("Unit", 2, "Minimal Hadir (%)", 0.5)

    workforce, problems = read_workforce(book.save())

    assert workforce.unit_by_name["Bagian Umum"].min_onsite_share == 0.5
    warning = only(tuple(problems), "share_fraction")
    assert warning.severity is Severity.WARNING
    assert (warning.sheet, warning.row, warning.column) == (
        "Unit",
        2,
        "Minimal Hadir (%)",
    )
    assert warning.text() == (
        "0.5 dibaca sebagai 0.5 %. Jika maksudnya 50 %, tulis 50."
    )
    assert warning.text("en") == (
        "0.5 is read as 0.5 %. If you mean 50 %, write 50."
    )


def test_fraction_policy_share_is_warned_about(book):
    """A fraction for the policy's min_onsite_share gets the warning too."""
    book.add_row("Kebijakan", Parameter="min_onsite_share", Nilai=0.4)

    _, problems = read_workforce(book.save())

    warning = only(tuple(problems), "share_fraction")
    assert (warning.sheet, warning.row, warning.column) == (
        "Kebijakan",
        3,
        "Nilai",
    )


@pytest.mark.parametrize("error", ["#N/A", "#REF!", "#VALUE!", "#DIV/0!"])
def test_excel_error_cell_is_a_located_error(book, error):
    """An error cell is not read as blank: it names the cell and error."""
    book.error("Pegawai", 4, "Unit", error)

    problem = only(problems_of(book.save()), "excel_error")

    assert (problem.sheet, problem.row, problem.column) == (
        "Pegawai",
        4,
        "Unit",
    )
    assert problem.text() == (
        f"Sel C4 berisi galat Excel {error}. Perbaiki rumusnya atau ketik "
        "nilainya."
    )
    assert problem.text("en") == (
        f"Cell C4 holds an Excel error {error}. Fix the formula or type the "
        "value."
    )


def test_excel_error_written_into_a_csv_file_is_an_error(book):
    """A CSV export writes ``#N/A`` as text; it is still an error."""
    book.set("Pegawai", 4, "Kotak Talenta", "#N/A")

    problem = only(problems_of(book.save_csv()), "excel_error")

    assert (problem.file, problem.row) == ("csv/Pegawai.csv", 4)
    assert "Sel E4" in problem.text()


def test_excel_error_in_a_required_cell_is_not_called_blank(book):
    """A NIP cell holding #N/A is an Excel error, not a missing value."""
    book.error("Pegawai", 3, "NIP", "#N/A")

    problems = problems_of(book.save())

    assert [p.code for p in problems if p.sheet == "Pegawai"] == [
        "excel_error"
    ]


# ---------------------------------------------------------------------------
# The header row, and sheets the planner does not read.
# ---------------------------------------------------------------------------


def test_title_rows_above_the_header_are_skipped_with_a_notice(book):
    """An exported list often starts with a title; rows keep their numbers."""
    book.set("Pegawai", 4, "Laptop", "Mungkin")
    book.sheets["Pegawai"][:0] = [["Daftar Pegawai Biro Umum"], []]

    problems = problems_of(book.save())

    assert only(problems, "bad_yes_no").row == 6
    notice = only(problems, "header_moved")
    assert notice.severity is Severity.NOTICE
    assert notice.text() == (
        "Judul kolom ada di baris 3; 2 baris di atasnya (judul lembar) "
        "dilewati."
    )
    assert "The column headers are in row 3" in notice.text("en")


def test_blank_first_row_is_not_an_empty_sheet(book):
    """A sheet whose row 1 is blank but has data below is read."""
    book.sheets["Pegawai"].insert(0, [])

    workforce, problems = read_workforce(book.save())

    assert len(workforce.employees) == 6
    assert problems == []


def test_header_too_far_down_names_its_row(book):
    """Without a header in the first 10 rows, the missing columns are
    reported against the first filled row."""
    book.sheets["Unit"][:0] = [["Daftar unit"]] + [[]] * 11

    problems = problems_of(book.save())

    problem = only(problems, "column_missing")
    assert problem.sheet == "Unit"
    assert "baris judul kolom (baris 1)" in problem.text()


def test_formula_in_a_sheet_the_planner_does_not_read_is_ignored(book):
    """A Rekap sheet with formulas (never computed) does not block."""
    book.sheets["Rekap"] = [["Jumlah", "=COUNTA(Pegawai!A:A)"]]

    workforce, problems = read_workforce(book.save())

    assert len(workforce.employees) == 6
    assert problems == []


def test_hidden_rows_are_read(book):
    """A row hidden or filtered away in Excel is a row like any other."""
    path = book.save()
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook["Pegawai"].row_dimensions[3].hidden = True
    workbook.save(path)

    workforce, _ = read_workforce(path)

    assert book.nip("Dadang") in workforce.by_nip


# ---------------------------------------------------------------------------
# Names: units, columns, policy keys.
# ---------------------------------------------------------------------------


def test_unit_names_match_ignoring_case_and_spaces(book):
    """``bagian  UMUM`` is the unit ``Bagian Umum``."""
    book.set("Pegawai", 3, "Unit", "bagian  UMUM ")
    book.set("Kebutuhan Peran", 2, "Unit", "BAGIAN UMUM")

    workforce, problems = read_workforce(book.save())

    assert problems == []
    assert workforce.by_nip[book.nip("Dadang")].unit == "Bagian Umum"
    assert workforce.role_covers[0].unit == "Bagian Umum"


def test_unit_names_differing_only_in_case_are_duplicates(book):
    """Two Unit rows that match the same name are one unit twice."""
    book.copy_row("Unit", 2, Unit="BAGIAN UMUM")

    problem = only(problems_of(book.save()), "unit_duplicate")

    assert problem.row == 4


def test_unknown_column_close_to_a_known_one_gets_a_hint(book):
    """``Kotak Talent`` is not read, and the notice names the column."""
    book.rename_column("Pegawai", "Kotak Talenta", "Kotak Talent")
    book.drop_column("Pegawai", "Peran")
    book.drop_sheet("Kebutuhan Peran")

    _, problems = read_workforce(book.save())

    notice = only(tuple(problems), "column_unknown_near")
    assert notice.severity is Severity.NOTICE
    assert "Mungkin maksudnya 'Kotak Talenta'?" in notice.text()
    assert "Did you mean 'Kotak Talenta'?" in notice.text("en")


def test_policy_keys_match_ignoring_case_and_spaces(book):
    """``Max Flexible Days Per Week`` is the key max_flexible_days_per_week."""
    book.add_row("Kebijakan", Parameter="Max Flexible Days Per Week", Nilai=1)

    workforce, _ = read_workforce(book.save())

    assert workforce.policy_values["max_flexible_days_per_week"] == 1


# ---------------------------------------------------------------------------
# Messages quote the value they refuse.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "code", "indonesian", "english"),
    [
        (
            lambda b: b.set("Unit", 3, "Hari Kerja", 7),
            "working_days",
            "Hari kerja 7 tidak dikenal",
            "Working days 7 is not known",
        ),
        (
            lambda b: b.set("Pegawai", 2, "Jumlah Hari Fleksibel Diminta", 9),
            "requested_range",
            "yang diminta (9) harus 0 sampai 7 hari seminggu",
            "Requested flexible days (9) must be 0 to 7 days a week",
        ),
        (
            lambda b: b.set("Permintaan", 2, "Bobot", -2),
            "weight_positive",
            "Bobot -2 harus bilangan bulat lebih dari 0",
            "The weight -2 must be a whole number above 0",
        ),
        (
            lambda b: (
                b.add_column("Pegawai", "Kinerja", "Luar Biasa"),
                b.add_column("Pegawai", "Potensi", "Tinggi"),
                b.set("Pegawai", 2, "Kotak Talenta", None),
            ),
            "bad_level",
            "'Luar Biasa' bukan tingkat yang dikenal",
            "'Luar Biasa' is not a known level",
        ),
        (
            lambda b: b.add_column(
                "Pegawai", "Hari Kantor Pilihan", "Jumat, Senin"
            ),
            "preferred_both",
            "Jumat dipilih sebagai hari fleksibel dan juga hari kantor",
            "Jumat is preferred for flexible and for office work",
        ),
        (
            lambda b: b.add_row(
                "Ketidakhadiran",
                NIP=b.nip("Siti"),
                Mulai="2027-01-05",
                Selesai="2027-01-06",
            ),
            "absence_overlap",
            "Ketidakhadiran NIP 198503152010012001 ini bertumpang tindih "
            "dengan ketidakhadirannya di baris 2.",
            "This absence of NIP 198503152010012001 overlaps the one in "
            "row 2.",
        ),
    ],
    ids=[
        "working_days",
        "requested_range",
        "weight",
        "level",
        "preferred_both",
        "overlap",
    ],
)
def test_messages_quote_the_value_they_refuse(
    book, edit, code, indonesian, english
):
    """The user sees what the cell holds, in either language."""
    edit(book)

    problem = only(problems_of(book.save()), code)

    assert indonesian in problem.text()
    assert english in problem.text("en")


# ---------------------------------------------------------------------------
# CSV folders and the file types accepted.
# ---------------------------------------------------------------------------


def test_csv_in_utf16_with_byte_order_mark_is_read(book):
    """Excel's "Unicode text" export (UTF-16, tab-separated) is read."""
    book.set("Pegawai", 2, "Nama", "Siti Rosé")
    folder = book.save_csv(delimiter="\t")
    path = folder / "Pegawai.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))

    workforce, _ = read_workforce(folder)

    assert workforce.by_nip[book.nip("Siti")].name == "Siti Rosé"


def test_unknown_csv_file_gets_a_notice(book):
    """A CSV file that is no sheet of the planner is named and ignored."""
    folder = book.save_csv()
    (folder / "Rekap.csv").write_text("Jumlah\n6\n", encoding="utf-8")

    _, problems = read_workforce(folder)

    notice = only(tuple(problems), "csv_file_unknown")
    assert notice.severity is Severity.NOTICE
    assert notice.file == "csv/Rekap.csv"
    assert "Pegawai.csv" in notice.text()


def test_missing_csv_file_is_named_as_a_file(book):
    """A folder without Unit.csv is told which file to add."""
    book.drop_sheet("Unit")

    problem = only(problems_of(book.save_csv()), "csv_file_missing")

    assert problem.file == "csv"
    assert "'Unit.csv' (atau 'Units.csv') tidak ada" in problem.text()
    assert "'Unit.csv' (or 'Units.csv') is not in" in problem.text("en")


def test_xlsm_workbook_is_read(book):
    """A macro-enabled workbook (.xlsm) reads like an .xlsx."""
    workforce, problems = read_workforce(book.save("pegawai.xlsm"))

    assert problems == []
    assert len(workforce.employees) == 6


def ods(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """Write a minimal OpenDocument spreadsheet (as LibreOffice saves)."""

    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, int | float):
            return (
                '<table:table-cell office:value-type="float" '
                f'office:value="{value}"><text:p>{value}</text:p>'
                "</table:table-cell>"
            )
        return (
            '<table:table-cell office:value-type="string">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )

    tables = "".join(
        f'<table:table table:name="{name}">'
        + "".join(
            "<table:table-row>"
            + "".join(cell(value) for value in row)
            + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    office = "urn:oasis:names:tc:opendocument:xmlns"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        f'xmlns:office="{office}:office:1.0" '
        f'xmlns:table="{office}:table:1.0" '
        f'xmlns:text="{office}:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet>"
        "</office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        f'xmlns:manifest="{office}:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def test_ods_workbook_is_read_and_checked(book):
    """A LibreOffice workbook (.ods) is read; its errors are located."""
    rows = {name: book.sheets[name] for name in ("Pegawai", "Unit")}
    rows["Pegawai"][3][rows["Pegawai"][0].index("Kotak Talenta")] = 11

    problems = problems_of(ods(book.folder / "pegawai.ods", rows))

    problem = only(problems, "talent_box_range")
    assert (problem.file, problem.sheet, problem.row) == (
        "pegawai.ods",
        "Pegawai",
        4,
    )
