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


def test_csv_folder_errors_name_the_csv_sheet_and_row(book):
    """A bad cell of a CSV file is located like one of a workbook."""
    book.set("Pegawai", 3, "Laptop", "Mungkin")

    problems = problems_of(book.save_csv(delimiter=";"))

    problem = only(problems, "bad_yes_no")
    assert (problem.sheet, problem.row, problem.column) == (
        "Pegawai",
        3,
        "Laptop",
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
    # A typo in the unit's name.
    (
        "unit_unknown",
        lambda b: b.set("Pegawai", 4, "Unit", "Bagian Umun"),
        "unit_unknown",
        "Pegawai",
        4,
        "Unit",
    ),
    # A role cover rule for a unit that does not exist.
    (
        "unit_unknown_role_cover",
        lambda b: b.set("Kebutuhan Peran", 2, "Unit", "Bagian Umun"),
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
        "B",
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


def test_password_protected_workbook_is_named_as_such(tmp_path):
    """An encrypted .xlsx (an OLE compound file) asks to remove the password.

    Excel stores a password-protected .xlsx in an OLE compound file, not
    in a zip archive; the file's first eight bytes are what the reader
    goes by, so a compound-file header stands in for a real encrypted file.
    """
    path = tmp_path / "rahasia.xlsx"
    path.write_bytes(OLE_MAGIC + bytes(504) + b"EncryptionInfo" * 10)

    problem = only(problems_of(path), "file_password")

    assert problem.file == "rahasia.xlsx"
    assert "kata sandi" in problem.render()
    assert "password" in problem.render("en")


def test_workbook_open_in_excel_is_locked(book):
    """Excel's owner file ``~$name.xlsx`` beside the workbook means open."""
    path = book.save()
    (path.parent / f"~${path.name}").write_bytes(b"\x00" * 165)

    problem = only(problems_of(path), "file_locked")

    assert "sedang dibuka" in problem.render()
    assert "open or locked" in problem.render("en")


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

    assert (problem.sheet, problem.row, problem.column) == ("Unit", 3, "D")
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
            "Unit 'Bagian Umun' tidak ada di lembar Unit.",
            "ERROR: pegawai.xlsx, sheet Pegawai, row 4, column Unit: "
            "Unit 'Bagian Umun' is not in sheet Unit.",
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
            "(%): Persentase harus 0 sampai 100.",
            "ERROR: pegawai.xlsx, sheet Unit, row 2, column Minimal Hadir "
            "(%): The percentage must be 0 to 100.",
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

    assert "Bagian Keuangan" in warning.text()
    assert "2 orang dari 2" in warning.text()
    assert "leaves no room" in warning.text("en")


def test_unit_with_no_eligible_people_is_a_warning(book):
    """A direct-service unit has nobody eligible: legal, but worth a word."""
    book.set("Unit", 3, "Layanan Langsung", "Ya")

    warning = warnings_of(book.save())["unit_no_eligible"]

    assert "Bagian Keuangan" in warning.text()
    assert "no one eligible" in warning.text("en")


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
