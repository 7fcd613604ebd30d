"""Reading a roster back and ``mkd verify`` (issue 4, round trip).

The bureau example is planned once for the module; its roster is written
as workbooks (Indonesian and English) and CSV, read back, edited by hand
with openpyxl as a unit head would in Excel, and verified.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from planner.check import load
from planner.cli import app
from planner.export import sheet_names, write_csv, write_roster
from planner.plan import plan_workbook
from planner.previous import read_previous, read_roster
from planner.problems import InputError
from planner.result import DayMode, Plan, UnitPlan
from planner.verify import breach_problems, verify_roster

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "biro-organisasi.xlsx"
WEEK = dt.date(2027, 1, 4)
HOLIDAY = dt.date(2027, 1, 5)
EDITED_DAY = dt.date(2027, 1, 6)  # Wednesday


def mkd(*args: object) -> tuple[int, str, str]:
    """Run ``mkd`` in-process; exit code, stdout and stderr.

    Output is folded to single spaces, so that a message wrapped by the
    console still reads as one line.
    """
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        app, [str(arg) for arg in args]
    )
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, fold(result.stdout), fold(result.stderr)


def fold(text: str) -> str:
    """Text without table borders, its whitespace folded to one space."""
    borders = {code: " " for code in range(0x2500, 0x2580)}
    return " ".join(text.translate(borders).split())


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The bureau example, planned once for the week of 2027-01-04."""
    return plan_workbook(EXAMPLE, WEEK, 1)


@pytest.fixture(scope="module")
def files(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The roster as ``id`` and ``en`` workbooks and as ``csv``."""
    folder = tmp_path_factory.mktemp("roster")
    paths = {
        "id": folder / "jadwal.xlsx",
        "en": folder / "roster.xlsx",
        "csv": folder / "jadwal.csv",
    }
    write_roster(plan, paths["id"], "id", source=EXAMPLE)
    write_roster(plan, paths["en"], "en", source=EXAMPLE)
    write_csv(plan, paths["csv"])
    return paths


def planned_modes(plan: Plan) -> dict[tuple[str, dt.date], str]:
    """``(nip, date) -> mode`` of every person and date of the plan."""
    return {
        (a.nip, a.date): a.mode.value
        for unit in plan.units
        for a in unit.assignments
    }


def grid(sheet: Worksheet) -> tuple[dict[dt.date, int], dict[str, int]]:
    """The column of each date and the row of each NIP of a unit sheet."""
    header = next(r for r in range(1, 11) if sheet.cell(r, 1).value == "NIP")
    dates = {
        cell.value.date(): cell.column
        for cell in sheet[header]
        if isinstance(cell.value, dt.datetime)
    }
    rows = {}
    row = header + 1
    while sheet.cell(row, 1).value:
        rows[str(sheet.cell(row, 1).value)] = row
        row += 1
    return dates, rows


def sheet_of(plan: Plan, unit: UnitPlan, lang: str = "id") -> str:
    """The title of a unit's sheet."""
    return sheet_names([u.unit for u in plan.units], lang)[unit.unit]


# ---------------------------------------------------------------------------
# Round trip
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["id", "en", "csv"])
def test_read_roster_gives_back_every_planned_mode(plan, files, kind):
    """Workbook (both languages) and CSV read back to the plan's modes."""
    expected = planned_modes(plan)
    found = read_roster(files[kind])

    assert found.modes == expected
    assert read_previous(files[kind]) == expected
    assert len(expected) == 60 * 7
    assert {m for (_, d), m in expected.items() if d == HOLIDAY} == {"holiday"}
    assert set(found.places) == set(expected)


def test_read_roster_places_point_at_the_cells(plan, files):
    """Each person-day's place is its sheet, row and column letter."""
    found = read_roster(files["id"])
    book = load_workbook(files["id"])
    for unit in plan.units:
        title = sheet_of(plan, unit)
        sheet = book[title]
        dates, rows = grid(sheet)
        for item in unit.assignments:
            place = found.places[item.nip, item.date]
            row, column = rows[item.nip], dates[item.date]
            assert place == (title, row, get_column_letter(column))
            assert sheet[f"{place[2]}{place[1]}"].value is not None

    csv_found = read_roster(files["csv"])
    sheet, line, column = csv_found.places[
        plan.units[0].assignments[0].nip, WEEK
    ]
    assert (sheet, line, column) == (None, 2, "mode")


def test_untouched_roster_verifies(files):
    """``mkd verify`` on the roster as written: exit 0, in any format."""
    for kind, lang in (("id", "id"), ("en", "en"), ("csv", "id")):
        code, out, err = mkd("verify", EXAMPLE, files[kind], "--lang", lang)
        assert code == 0, err
        assert (
            "The roster keeps every hard rule."
            if lang == "en"
            else "Jadwal memenuhi semua aturan wajib."
        ) in out
        assert err == ""


def test_plan_reads_its_own_roster_as_previous(files, tmp_path):
    """``mkd plan --previous ROSTER.xlsx`` plans with no warning."""
    out = tmp_path / "next.xlsx"
    code, _, err = mkd(
        "plan",
        EXAMPLE,
        "--week",
        WEEK,
        "-o",
        out,
        "--previous",
        files["id"],
    )

    assert code == 0, err
    assert "PERINGATAN" not in err and "GALAT" not in err
    assert out.exists() and out.with_suffix(".csv").exists()


# ---------------------------------------------------------------------------
# Hand edits
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def edited(plan: Plan, files: dict) -> dict:
    """Every ``K`` of one date column of one unit sheet changed to ``F``.

    Returns the edited file, the sheet's title, the column letter, the
    date, and the row of each person whose ``K`` became ``F``.
    """
    unit = plan.units[0]
    cover = next(c for c in unit.coverage if c.date == EDITED_DAY)
    title = sheet_of(plan, unit)
    book = load_workbook(files["id"])
    sheet = book[title]
    dates, rows = grid(sheet)
    column = dates[cover.date]
    changed = {}
    for nip, row in rows.items():
        cell = sheet.cell(row, column)
        if cell.value == "K":
            cell.value = "F"
            changed[nip] = row
    assert len(changed) == cover.onsite
    path = files["id"].with_name("jadwal-diedit.xlsx")
    book.save(path)
    return {
        "path": path,
        "unit": unit,
        "sheet": title,
        "column": get_column_letter(column),
        "date": cover.date,
        "changed": changed,
    }


def test_edit_that_breaks_coverage_is_listed_with_its_place(plan, edited):
    """``mkd verify`` exits 3 naming the column and ineligible cells."""
    code, out, err = mkd("verify", EXAMPLE, edited["path"])

    assert code == 3
    sheet, column = edited["sheet"], edited["column"]
    unit = edited["unit"]
    cover = next(c for c in unit.coverage if c.date == edited["date"])
    # The coverage breach: the sheet and the date's column, no row.
    assert (
        f"jadwal-diedit.xlsx, lembar {sheet}, kolom {column}: Jadwal "
        f"melanggar aturan: Rabu 6 Januari 2027: paling sedikit "
        f"{cover.required} orang di kantor."
    ) in err
    # Every ineligible person made flexible: sheet, row and column.
    ineligible = [
        nip for nip in edited["changed"] if not plan.eligibility[nip].eligible
    ]
    assert ineligible
    for nip in ineligible:
        row = edited["changed"][nip]
        assert (
            f"lembar {sheet}, baris {row}, kolom {column}: Jadwal melanggar "
            f"aturan: "
        ) in err
        assert f"({nip}): tidak layak fleksibel" in err
    assert "pelanggaran aturan" in err
    assert "Jadwal memenuhi" not in out


def test_verify_roster_locates_each_breach(plan, edited):
    """The library call: coverage at the column, ineligible at the cell."""
    workforce, policy, _ = load(EXAMPLE)
    found = read_roster(edited["path"])
    breaches = verify_roster(workforce, policy, found, "en")

    sheet, column = edited["sheet"], edited["column"]
    coverage = [b for b in breaches if b.text.startswith("Wednesday 6")]
    assert len(coverage) == 1
    assert "on site" in coverage[0].text
    assert coverage[0].place == (sheet, None, column)
    ineligible = {
        (sheet, row, column)
        for nip, row in edited["changed"].items()
        if not plan.eligibility[nip].eligible
    }
    assert ineligible
    assert {
        b.place for b in breaches if "not eligible, so on site" in b.text
    } == ineligible
    assert all(b.unit == edited["unit"].unit for b in breaches)
    problems = breach_problems(breaches, found.label)
    assert all(p.file == "jadwal-diedit.xlsx" for p in problems)
    assert all(p.sheet == sheet and p.column for p in problems)


def test_plan_with_an_edited_previous_warns_and_still_plans(edited, tmp_path):
    """Breaches of the previous roster are warnings; the plan is written."""
    out = tmp_path / "next.xlsx"
    code, out_text, err = mkd(
        "plan",
        EXAMPLE,
        "--week",
        WEEK,
        "-o",
        out,
        "--previous",
        edited["path"],
    )

    assert code == 0, err
    assert "PERINGATAN: jadwal-diedit.xlsx" in err
    assert f"lembar {edited['sheet']}, kolom {edited['column']}" in err
    assert "paling sedikit" in err
    assert "GALAT" not in err
    assert out.exists()
    assert "Ditulis" in out_text
    # The new roster keeps the rules again.
    code, _, err = mkd("verify", EXAMPLE, out)
    assert code == 0, err


def test_unknown_code_is_a_located_error(plan, files, tmp_path):
    """An ``X`` in the grid: exit 1, naming the sheet, row and column."""
    unit = plan.units[1]
    title = sheet_of(plan, unit)
    book = load_workbook(files["id"])
    sheet = book[title]
    dates, rows = grid(sheet)
    nip = next(iter(rows))
    row, column = rows[nip], dates[WEEK + dt.timedelta(days=2)]
    sheet.cell(row, column).value = "X"
    path = tmp_path / "kode.xlsx"
    book.save(path)

    code, _, err = mkd("verify", EXAMPLE, path)

    assert code == 1
    letter = get_column_letter(column)
    assert (
        f"GALAT: kode.xlsx, lembar {title}, baris {row}, kolom {letter}: "
        "'X' bukan kode jadwal."
    ) in err
    with pytest.raises(InputError) as raised:
        read_roster(path)
    (problem,) = raised.value.problems
    assert (problem.sheet, problem.row, problem.column) == (
        title,
        row,
        letter,
    )
    # ``--previous`` refuses it too.
    code, _, err = mkd(
        "plan",
        EXAMPLE,
        "--week",
        WEEK,
        "-o",
        tmp_path / "o.xlsx",
        "--previous",
        path,
    )
    assert code == 1
    assert "'X' bukan kode jadwal" in err


def test_unknown_mode_in_csv_is_a_located_error(files, tmp_path):
    """A CSV roster with a bad mode names the line and the column."""
    with files["csv"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][6] == "mode"
    rows[3][6] = "kantor"
    path = tmp_path / "jadwal.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)

    code, _, err = mkd("verify", EXAMPLE, path)

    assert code == 1
    assert "jadwal.csv, baris 4, kolom mode: 'kantor'" in err


def test_hand_edits_codes_in_any_case_and_with_absence_kinds(plan, files):
    """Lower-case codes and ``C-<kind>`` read as their modes."""
    unit = plan.units[0]
    title = sheet_of(plan, unit)
    book = load_workbook(files["id"])
    sheet = book[title]
    dates, rows = grid(sheet)
    absent = next(a for a in unit.assignments if a.mode is DayMode.ABSENT)
    office = next(a for a in unit.assignments if a.mode is DayMode.OFFICE)
    sheet.cell(rows[office.nip], dates[office.date]).value = "k"
    sheet.cell(rows[absent.nip], dates[absent.date]).value = "C-Sakit"
    path = files["id"].with_name("kecil.xlsx")
    book.save(path)

    assert read_previous(path) == planned_modes(plan)
    code, _, err = mkd("verify", EXAMPLE, path)
    assert code == 0, err


def test_other_hand_edits_are_located_breaches(plan, files, tmp_path):
    """Office on the holiday, a split day, a Saturday at work: all located.

    The example allows no split days and its units work Monday to
    Friday; each edit is named at its cell in the user's language.
    """
    unit = plan.units[0]
    title = sheet_of(plan, unit, "en")
    book = load_workbook(files["en"])
    sheet = book[title]
    dates, rows = grid(sheet)
    eligible = [
        a
        for a in unit.assignments
        if plan.eligibility[a.nip].eligible and a.mode is DayMode.OFFICE
    ]
    split, saturday_person = eligible[0], eligible[-1]
    holiday_person = next(iter(rows))
    saturday = WEEK + dt.timedelta(days=5)
    edits = {
        (holiday_person, HOLIDAY): "O",
        (split.nip, split.date): "S",
        (saturday_person.nip, saturday): "O",
    }
    for (nip, day), code in edits.items():
        sheet.cell(rows[nip], dates[day]).value = code
    path = tmp_path / "edited-en.xlsx"
    book.save(path)

    code, _, err = mkd("verify", EXAMPLE, path, "--lang", "en")

    assert code == 3
    for nip, day in edits:
        place = (
            f"sheet {title}, row {rows[nip]}, "
            f"column {get_column_letter(dates[day])}:"
        )
        assert place in err, (nip, day)
    assert "Tuesday 5 January 2027 is a holiday" in err
    assert "split is not allowed on" in err
    assert "is not a working day of the unit, but the roster says office" in (
        err
    )
    assert "mode split is not allowed" not in err  # worded, not raw


def test_verify_does_not_touch_the_roster(files, edited):
    """Verifying reads only: both files are byte for byte unchanged."""
    before = {p: p.read_bytes() for p in (files["id"], edited["path"])}
    mkd("verify", EXAMPLE, files["id"])
    mkd("verify", EXAMPLE, edited["path"])
    assert {p: p.read_bytes() for p in before} == before
