"""The ``mkd`` command line: check, template and policies."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from planner.cli import app
from planner.eligibility import Reason
from planner.reading import schema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "biro-organisasi.xlsx"


def mkd(*args: object) -> tuple[int, str, str]:
    """Run ``mkd`` in-process; exit code, stdout and stderr.

    Output is folded to single spaces, so that a message wrapped by the
    console still reads as one line.
    """
    runner = CliRunner(env={"COLUMNS": "200"})
    result = runner.invoke(app, [str(arg) for arg in args])
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, fold(result.stdout), fold(result.stderr)


def fold(text: str) -> str:
    """Text without table borders, its whitespace folded to one space."""
    borders = {code: " " for code in range(0x2500, 0x2580)}
    return " ".join(text.translate(borders).split())


# ---------------------------------------------------------------------------
# mkd check
# ---------------------------------------------------------------------------


def test_check_valid_workbook_prints_the_summary(book):
    """Units, people, eligible per unit and reason counts; exit 0."""
    code, out, err = mkd("check", book.save())

    assert code == 0, err
    assert "Bagian Umum 4 2 50 % 2" in out
    assert "Bagian Keuangan 2 2 100 % 1" in out
    assert "Tanpa laptop 1" in out
    assert "Kotak talenta 1" in out
    assert "2 unit, 6 pegawai, 4 layak bekerja fleksibel" in out
    assert "GALAT" not in err


def test_check_in_english(book):
    """``--lang en`` prints the summary in English."""
    code, out, _ = mkd("check", book.save(), "--lang", "en")

    assert code == 0
    assert "Eligibility per unit" in out
    assert "No laptop 1" in out
    assert "Talent box 1" in out
    assert "2 units, 6 people, 4 eligible for flexible work" in out
    assert "The workbook is usable." in out


def test_check_names_the_policy_in_force(book):
    """The summary says which policy decided, ``--policy`` included."""
    book.drop_sheet("Kebijakan")

    _, default, _ = mkd("check", book.save("a.xlsx"))
    _, chosen, _ = mkd("check", book.save("b.xlsx"), "--policy", "mkd-2023")

    assert "Kebijakan: preset nasional-2025" in default
    assert "Kebijakan: preset mkd-2023" in chosen


def test_check_accepts_a_csv_folder(book):
    """``mkd check FOLDER`` reads Pegawai.csv, Unit.csv, ..."""
    code, out, _ = mkd("check", book.save_csv(delimiter=";"))

    assert code == 0
    assert "6 pegawai" in out


def test_check_prints_warnings_and_still_exits_0(book):
    """A suspicious but legal workbook is usable: warnings, exit 0."""
    book.set("Pegawai", 6, "Laptop", "Tidak")
    book.set("Pegawai", 7, "Laptop", "Tidak")

    code, out, err = mkd("check", book.save())

    assert code == 0
    assert (
        "PERINGATAN: pegawai.xlsx, lembar Unit, baris 3, kolom Unit: Unit "
        "'Bagian Keuangan' tidak memiliki pegawai yang layak" in err
    )
    assert "Tanpa laptop 3" in out
    assert "Workbook dapat dipakai" in out


def test_check_bad_workbook_lists_every_located_error(book):
    """Exit 1; each error with file, sheet, row and column; no traceback."""
    book.set("Pegawai", 3, "NIP", 199001012015031002)
    book.set("Unit", 2, "Minimal Hadir (%)", 150)
    book.set("Pegawai", 5, "Kotak Talenta", 12)

    code, out, err = mkd("check", book.save())

    assert code == 1
    assert "Traceback" not in out + err
    assert (
        "GALAT: pegawai.xlsx, lembar Pegawai, baris 3, kolom NIP: NIP "
        "tersimpan sebagai angka" in err
    )
    assert (
        "GALAT: pegawai.xlsx, lembar Unit, baris 2, kolom Minimal Hadir "
        "(%): Persentase 150 % harus 0 sampai 100 %." in err
    )
    assert (
        "GALAT: pegawai.xlsx, lembar Pegawai, baris 5, kolom Kotak "
        "Talenta: Kotak talenta 12" in err
    )
    assert "galat; perbaiki lalu ulangi." in err
    assert "Workbook dapat dipakai" not in out


def test_check_bad_workbook_in_english(book):
    """``--lang en`` words the located errors in English."""
    book.set("Pegawai", 4, "Unit", "Bagian Umun")

    code, _, err = mkd("check", book.save(), "--lang", "en")

    assert code == 1
    assert (
        "ERROR: pegawai.xlsx, sheet Pegawai, row 4, column Unit: Unit "
        "'Bagian Umun' is not in sheet Unit." in err
    )
    assert "1 error; fix it and try again." in err


def _not_a_workbook(folder: Path) -> Path:
    path = folder / "pegawai.xlsx"
    path.write_text("bukan workbook")
    return path


def _password(folder: Path) -> Path:
    path = folder / "pegawai.xlsx"
    stream = "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream)
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        # A text file named .xlsx.
        (lambda b: _not_a_workbook(b.folder), "bukan workbook Excel"),
        # An encrypted workbook (OLE compound file).
        (lambda b: _password(b.folder), "dilindungi kata sandi"),
        # Open in Excel: the owner file ~$pegawai.xlsx is beside it.
        (
            lambda b: (
                b.save(),
                (b.folder / "~$pegawai.xlsx").write_bytes(b"x"),
            )[0],
            "Berkas sedang dibuka di Excel atau LibreOffice: berkas kunci "
            "'~$pegawai.xlsx' ada di sampingnya.",
        ),
        # A formula without its saved value.
        (
            lambda b: (b.set("Unit", 2, "Hari Kerja", "=2+3"), b.save())[1],
            "lembar Unit, baris 2, kolom Hari Kerja: Sel E2 berisi rumus",
        ),
        # The Pegawai sheet is missing.
        (
            lambda b: (b.drop_sheet("Pegawai"), b.save())[1],
            "Lembar 'Pegawai' (atau 'Employees') tidak ada",
        ),
        # A file that does not exist.
        (lambda b: b.folder / "tidak-ada.xlsx", "Berkas tidak ditemukan"),
    ],
    ids=[
        "not_workbook",
        "password",
        "locked",
        "formula",
        "sheet_missing",
        "file_missing",
    ],
)
def test_check_unreadable_input_exits_1_with_a_message(book, make, expected):
    """Files that cannot be used give a message and exit 1, no traceback."""
    code, out, err = mkd("check", make(book))

    assert code == 1
    assert expected in err
    assert "Traceback" not in out + err


def test_check_unknown_policy_exits_1(book):
    """A misspelt ``--policy`` is a message, not a crash."""
    code, _, err = mkd("check", book.save(), "--policy", "nasional-2024")

    assert code == 1
    assert "Kebijakan 'nasional-2024' tidak dikenal" in err


def test_installed_mkd_command_shows_no_traceback(book):
    """The real console script exits 1 with messages on a bad workbook."""
    book.set("Pegawai", 3, "NIP", "123")
    command = shutil.which("mkd")
    assert command is not None, "the package is not installed"

    done = subprocess.run(
        [command, "check", str(book.save()), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "row 3" in done.stderr
    assert "must be 18 digits" in fold(done.stderr)


def test_check_in_english_counts_in_the_singular_and_plural(book):
    """One unit, one person: no "1 units" or "1 people"."""
    book.drop_sheet("Kebutuhan Peran")
    del book.sheets["Pegawai"][2:]
    del book.sheets["Unit"][2]
    book.drop_sheet("Ketidakhadiran")
    book.drop_sheet("Permintaan")

    code, out, err = mkd("check", book.save(), "--lang", "en")

    assert code == 0, err
    assert "1 unit, 1 person, 1 eligible for flexible work" in out


def test_check_prints_one_problem_a_line_when_piped(book):
    """Piped into a file, no message is wrapped: each line is one problem."""
    book.set("Pegawai", 3, "NIP", 199001012015031002)
    book.set("Pegawai", 4, "Unit", "Bagian Umun")
    command = shutil.which("mkd")
    assert command is not None, "the package is not installed"

    done = subprocess.run(
        [command, "check", str(book.save())],
        capture_output=True,
        text=True,
        timeout=60,
        env={"COLUMNS": "60", "PATH": str(Path(command).parent)},
    )

    lines = done.stderr.splitlines()
    assert len(lines) == 3, lines
    assert lines[0].startswith("GALAT: pegawai.xlsx, lembar Pegawai, baris 3")
    assert lines[0].endswith("ketik ulang NIP-nya.")
    assert lines[1].endswith("tambahkan baris unit itu.")
    assert lines[2] == "2 galat; perbaiki lalu ulangi."


def test_check_example_workbook():
    """The bundled example of a provincial bureau passes ``mkd check``.

    Without a warning, and with someone failing every rule.
    """
    assert EXAMPLE.exists(), f"{EXAMPLE} is missing"

    code, out, err = mkd("check", EXAMPLE, "--lang", "en")

    assert code == 0, err
    assert "The workbook is usable" in out
    assert "WARNING" not in err
    for reason in Reason:
        assert f"{reason.label('en')} " in out


# ---------------------------------------------------------------------------
# mkd template
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def written_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template written once by ``mkd template``."""
    path = tmp_path_factory.mktemp("templat") / "templat.xlsx"
    code, out, err = mkd("template", path)
    assert code == 0, err
    assert "Templat ditulis" in out
    return path


@pytest.fixture
def template(written_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template, for a test to change."""
    return Path(shutil.copy(written_template, tmp_path / "templat.xlsx"))


def validations(sheet) -> dict[str, str]:
    """Each validated column's header, with its list."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            header = sheet.cell(1, cell_range.min_col).value
            found[header] = validation.formula1
    return found


def rules(sheet) -> dict[str, tuple[object, ...]]:
    """Each validated column's header with its rule, and the rows it covers.

    A rule is (type, operator, formula1, formula2, error shown).
    """
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            assert cell_range.min_col == cell_range.max_col
            assert (cell_range.min_row, cell_range.max_row) == (2, 1000)
            header = sheet.cell(1, cell_range.min_col).value
            found[header] = (
                validation.type,
                validation.operator,
                validation.formula1,
                validation.formula2,
                validation.showErrorMessage,
            )
    return found


YES_NO = ("list", None, '"Ya,Tidak"', None, True)
DAYS = ("list", None, '"Senin,Selasa,Rabu,Kamis,Jumat,Sabtu"', None, False)
COUNT = ("whole", "greaterThanOrEqual", "0", None, True)
EXPECTED_RULES: dict[str, dict[str, tuple[object, ...] | None]] = {
    "Pegawai": {
        "NIP": None,
        "Nama": None,
        "Unit": None,
        "Sub Unit": None,
        "Jabatan": None,
        "Tim": None,
        "Peran": None,
        "Kotak Talenta": ("list", None, '"1,2,3,4,5,6,7,8,9"', None, True),
        "Kinerja": None,
        "Potensi": None,
        "Layanan Tatap Muka": YES_NO,
        "Laptop": YES_NO,
        "Internet": YES_NO,
        "Persetujuan Atasan": YES_NO,
        "Hukuman Disiplin": YES_NO,
        "Pegawai Baru": YES_NO,
        "Peringatan Kinerja": YES_NO,
        "Hari Fleksibel Pilihan": DAYS,
        "Hari Kantor Pilihan": DAYS,
        "Jumlah Hari Fleksibel Diminta": ("whole", "between", "0", "7", True),
    },
    "Unit": {
        "Unit": None,
        "Minimal Hadir (%)": ("decimal", "between", "0", "100", True),
        "Minimal Hadir (Orang)": COUNT,
        "Kapasitas Meja": COUNT,
        "Hari Kerja": ("list", None, '"5,6"', None, True),
        "Layanan Langsung": YES_NO,
    },
    "Kebutuhan Peran": {
        "Unit": None,
        "Peran": None,
        "Minimal Hadir (Orang)": COUNT,
        "Hari": DAYS,
    },
    "Ketidakhadiran": {
        "NIP": None,
        "Mulai": None,
        "Selesai": None,
        "Jenis": None,
    },
    "Permintaan": {
        "NIP": None,
        "Tanggal": None,
        "Hari": DAYS,
        "Mode": ("list", None, '"Kantor,Fleksibel"', None, True),
        "Wajib": YES_NO,
        "Bobot": ("whole", "greaterThanOrEqual", "1", None, True),
    },
    "Kebijakan": {"Parameter": None, "Nilai": None},
}
"""Every column of the template with its validation (None: free entry)."""


def test_template_has_every_sheet_and_header(template):
    """Instructions first, then every input sheet with all its headers."""
    book = load_workbook(template)

    assert book.sheetnames == ["Petunjuk"] + [s.name for s in schema.SHEETS]
    for spec in schema.SHEETS:
        header = [cell.value for cell in book[spec.name][1]]
        assert header == [column.name for column in spec.columns]


def test_template_instructions_explain_every_column(template):
    """Petunjuk has one row per sheet and column, in Indonesian."""
    sheet = load_workbook(template)["Petunjuk"]
    rows = {(row[0], row[1]) for row in sheet.iter_rows(values_only=True)}

    for spec in schema.SHEETS:
        for column in spec.columns:
            assert (spec.name, column.name) in rows
    assert sheet["A1"].value == "MKD Planner - Cara mengisi"


def test_template_in_english_has_english_instructions(tmp_path):
    """``--lang en`` writes the instructions in English."""
    path = tmp_path / "template.xlsx"
    mkd("template", path, "--lang", "en")

    sheet = load_workbook(path)["Petunjuk"]

    assert sheet["A1"].value == "MKD Planner - How to fill in"


def test_template_has_dropdowns_on_yes_no_box_and_day_columns(template):
    """Yes/no, talent box and day columns offer drop-down lists."""
    book = load_workbook(template)
    employees = validations(book["Pegawai"])
    units = validations(book["Unit"])
    requests = validations(book["Permintaan"])

    for column in schema.YES_NO_COLUMNS:
        assert employees[column.name] == '"Ya,Tidak"'
    assert employees["Kotak Talenta"] == '"1,2,3,4,5,6,7,8,9"'
    assert "Senin" in employees["Hari Fleksibel Pilihan"]
    assert "Jumat" in employees["Hari Kantor Pilihan"]
    assert units["Layanan Langsung"] == '"Ya,Tidak"'
    assert units["Hari Kerja"] == '"5,6"'
    assert "Senin" in requests["Hari"]
    assert requests["Mode"] == '"Kantor,Fleksibel"'
    assert requests["Wajib"] == '"Ya,Tidak"'


def test_template_validates_every_column(template):
    """Each column has exactly the validation it needs, and no other.

    The requested flexible days are a whole number 0-7 (not day names),
    counts are whole numbers >= 0, weights >= 1, shares 0-100.
    """
    book = load_workbook(template)

    for spec in schema.SHEETS:
        expected = EXPECTED_RULES[spec.name]
        assert set(expected) == {column.name for column in spec.columns}
        found = rules(book[spec.name])
        for header, rule in expected.items():
            assert found.get(header) == rule, (spec.name, header)


def test_template_gives_date_columns_a_date_format(template):
    """Absence and request dates show as dates, not serial numbers."""
    book = load_workbook(template)

    for name, column in (
        ("Ketidakhadiran", 2),
        ("Ketidakhadiran", 3),
        ("Permintaan", 2),
    ):
        for row in (2, 500, 1000):
            assert book[name].cell(row, column).number_format == "yyyy-mm-dd"
    assert book["Ketidakhadiran"].cell(2, 4).number_format == "General"


def test_template_instructions_name_date_formats_and_key_list(template):
    """Petunjuk lists the accepted dates and where the policy keys are."""
    sheet = load_workbook(template)["Petunjuk"]
    texts = [row[0] for row in sheet.iter_rows(values_only=True)]
    help_of = {
        (row[0], row[1]): row[3] for row in sheet.iter_rows(values_only=True)
    }

    assert any("2027-01-04" in t and "04/01/2027" in t for t in texts if t)
    assert "mkd policies --keys" in help_of["Kebijakan", "Parameter"]


def test_template_english_help_reads_whole(tmp_path):
    """The English help of Bobot says what the number is and its default."""
    path = tmp_path / "template.xlsx"
    mkd("template", path, "--lang", "en")
    sheet = load_workbook(path)["Petunjuk"]
    help_of = {
        (row[0], row[1]): row[3] for row in sheet.iter_rows(values_only=True)
    }

    assert help_of["Permintaan", "Bobot"] == (
        "A whole number above 0; blank = 1."
    )
    assert "mkd policies --keys" in help_of["Kebijakan", "Parameter"]
    for (sheet_name, _), text in help_of.items():
        if sheet_name in {spec.name for spec in schema.SHEETS}:
            assert text, sheet_name


def test_template_formats_nip_columns_as_text(template):
    """NIP cells are text ('@'), so Excel keeps all 18 digits."""
    book = load_workbook(template)

    for name in ("Pegawai", "Ketidakhadiran", "Permintaan"):
        sheet = book[name]
        for row in (2, 3, 50, 500):
            assert sheet.cell(row, 1).number_format == "@"


def test_template_has_two_example_people(template):
    """Two example rows show how Pegawai is filled in."""
    sheet = load_workbook(template)["Pegawai"]
    people = [
        row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]
    ]

    assert len(people) == 2
    assert all(isinstance(row[0], str) and len(row[0]) == 18 for row in people)


def test_template_passes_check_as_written(template):
    """An untouched template is a usable workbook."""
    code, out, err = mkd("check", template)

    assert code == 0, err
    assert "1 unit, 2 pegawai" in out


def test_template_filled_in_and_saved_passes_check(template):
    """A user adds a person in row 4, saves, and the check passes."""
    book = load_workbook(template)
    sheet = book["Pegawai"]
    new = {
        "NIP": "199203142019032007",
        "Nama": "Rina Marlina",
        "Unit": "Bagian Umum",
        "Kotak Talenta": 7,
        "Laptop": "Ya",
        "Internet": "Ya",
        "Persetujuan Atasan": "Ya",
        "Hari Fleksibel Pilihan": "Kamis",
    }
    header = [cell.value for cell in sheet[1]]
    for name, value in new.items():
        sheet.cell(4, header.index(name) + 1, value)
    absences = book["Ketidakhadiran"]
    absences.append(["199203142019032007", "2027-01-04", "2027-01-05", "Cuti"])
    book.save(template)

    code, out, err = mkd("check", template)

    assert code == 0, err
    assert "1 unit, 3 pegawai, 3 layak" in out


def test_template_refuses_to_overwrite_without_force(template):
    """An existing file is kept unless ``--force`` is given."""
    template.write_bytes(b"isi lama")

    code, _, err = mkd("template", template)

    assert code == 1
    assert "Berkas keluaran sudah ada" in err
    assert "--force" in err
    assert template.read_bytes() == b"isi lama"


def test_template_overwrites_with_force(template):
    """``--force`` replaces the file with a fresh template."""
    template.write_bytes(b"isi lama")

    code, _, _ = mkd("template", template, "--force")

    assert code == 0
    assert "Pegawai" in load_workbook(template).sheetnames


def test_template_into_a_missing_folder_exits_1(tmp_path):
    """A folder that does not exist is a message, not a crash."""
    code, _, err = mkd("template", tmp_path / "tidak-ada" / "templat.xlsx")

    assert code == 1
    assert "Folder keluaran tidak ada" in err


def _inside_a_file(folder: Path) -> Path:
    (folder / "catatan.txt").write_text("isi")
    return folder / "catatan.txt" / "templat.xlsx"


@pytest.mark.parametrize(
    ("target", "indonesian", "english"),
    [
        # An existing folder, with and without --force.
        (
            lambda folder: folder,
            "Ini folder, bukan berkas. Beri nama berkas di dalamnya, mis. ",
            "This is a folder, not a file.",
        ),
        # A "folder" that is a file.
        (
            _inside_a_file,
            "catatan.txt' adalah berkas, bukan folder",
            "catatan.txt' is a file, not a folder",
        ),
        # Not a workbook name.
        (
            lambda folder: folder / "templat.csv",
            "Berkas keluaran harus berakhiran .xlsx, bukan '.csv'. Mis. "
            "templat.xlsx.",
            "The output file must end in .xlsx, not '.csv'.",
        ),
    ],
    ids=["folder", "parent_is_file", "suffix"],
)
@pytest.mark.parametrize("force", [False, True])
def test_template_bad_output_is_a_located_message(
    tmp_path, target, indonesian, english, force
):
    """A path that cannot hold a workbook: exit 1, a message, no traceback."""
    path = target(tmp_path)
    extra = ["--force"] if force else []

    code, out, err = mkd("template", path, *extra)
    _, _, err_en = mkd("template", path, *extra, "--lang", "en")

    assert code == 1
    assert f"GALAT: {path}: " in err
    assert indonesian in err
    assert english in err_en
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("number", "indonesian"),
    [
        (errno.EACCES, "Tidak ada izin menulis di sini"),
        (errno.EROFS, "Folder ini hanya dapat dibaca"),
        (errno.ENOSPC, "Disk penuh"),
        (errno.EIO, "tidak dapat ditulis (Input/output error)"),
    ],
    ids=["permission", "read_only", "disk_full", "other"],
)
def test_template_that_cannot_be_written_is_a_message(
    tmp_path, monkeypatch, number, indonesian
):
    """The system refusing the file is a message and exit 1, no traceback.

    (Tests run as root, who may write anywhere, so the refusal is made.)
    """

    def refuse(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)

    code, out, err = mkd("template", tmp_path / "templat.xlsx")

    assert code == 1
    assert indonesian in err
    assert "templat.xlsx" in err
    assert "Traceback" not in out + err


def test_plan_output_that_cannot_be_written_is_a_message(
    tmp_path, monkeypatch
):
    """Every command that writes turns a refusal into a message, exit 1."""

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "roster.xlsx"

    code, _, err = mkd("plan", EXAMPLE, "--week", "2027-01-04", "-o", out)

    assert code == 1
    assert f"GALAT: {out}: Tidak ada izin menulis di sini" in err
    assert "Traceback" not in err


def test_output_locked_at_the_last_step_keeps_the_old_file(
    tmp_path, monkeypatch
):
    """A file open in Excel on Windows cannot be replaced: a message, and
    the old file is left as it was, without a temporary file beside it."""
    path = tmp_path / "templat.xlsx"
    path.write_bytes(b"isi lama")

    def locked(source, target):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)

    code, _, err = mkd("template", path, "--force", "--lang", "en")

    assert code == 1
    assert "or the file is open in another program" in err
    assert path.read_bytes() == b"isi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["templat.xlsx"]


# ---------------------------------------------------------------------------
# mkd policies
# ---------------------------------------------------------------------------


def test_policies_lists_the_four_presets():
    """``mkd policies`` names every shipped preset with its rule set."""
    code, out, _ = mkd("policies")

    assert code == 0
    for name in ("nasional-2025", "mkd-2023", "jabar-2025-12", "jabar-2026"):
        assert name in out
    assert "Peraturan nasional PermenPANRB 4/2025" in out


def test_policies_with_keys_lists_every_key_in_english():
    """``--keys --lang en`` documents the policy keys in English."""
    code, out, _ = mkd("policies", "--keys", "--lang", "en")

    assert code == 0
    assert "West Java MKD 2023" in out
    for key in ("eligible_talent_boxes", "max_flexible_days_per_week"):
        assert key in out
    assert "hours/week" in out
    assert "jam/minggu" not in out
    assert "exclude_face_to_face" not in out
