"""Reading a roster back and ``mkd verify`` (issue 4, round trip).

The bureau example is planned once for the module; its roster is written
as workbooks (Indonesian and English) and CSV, read back, edited by hand
with openpyxl as a unit head would in Excel, and verified.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
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
        f"melanggar aturan: Rabu 6 Januari 2027: {cover.required} orang "
        "wajib di kantor, jadwal menempatkan 0."
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
        assert "jadwal menulis fleksibel" in err
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
    cover = next(
        c for c in edited["unit"].coverage if c.date == edited["date"]
    )
    assert coverage[0].text == (
        f"Wednesday 6 January 2027: {cover.required} required on site, 0 "
        "planned."
    )
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
    assert "orang wajib di kantor, jadwal menempatkan 0" in err
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
    found = read_roster(path)
    (problem,) = found.errors
    assert (problem.sheet, problem.row, problem.column) == (
        title,
        row,
        letter,
    )
    # The day counts as unknown, with no second message about it.
    assert found.unknown == {(nip, WEEK + dt.timedelta(days=2)): "X"}
    assert "sel" not in err.split("bukan kode jadwal")[1]
    with pytest.raises(InputError):
        read_previous(path)
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


# ---------------------------------------------------------------------------
# Units without a roster
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def infeasible(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Under jabar-2026 two units cannot be planned: the roster of that
    plan in both languages, and the plan."""
    plan = plan_workbook(EXAMPLE, WEEK, 1, policy="jabar-2026")
    assert len(plan.infeasible) == 2
    folder = tmp_path_factory.mktemp("infeasible")
    paths = {}
    for lang in ("id", "en"):
        paths[lang] = folder / f"tidak-mungkin-{lang}.xlsx"
        write_roster(plan, paths[lang], lang, source=EXAMPLE)
    return {"plan": plan, **paths}


def test_roster_with_an_infeasible_unit_reads_back(infeasible):
    """The sheets of units without a roster are read as such: no error,
    their people in ``without_roster``, nothing of them as modes."""
    plan = infeasible["plan"]
    found = read_roster(infeasible["id"])

    assert found.problems == []
    for unit in plan.units:
        nips = {m.nip for m in plan.workforce.members[unit.unit]}
        title = sheet_of(plan, unit)
        if unit.planned:
            assert nips <= set(found.rows)
            continue
        assert {n: found.without_roster[n] for n in nips} == dict.fromkeys(
            nips, title
        )
        assert not {nip for nip, _ in found.modes} & nips
    assert read_previous(infeasible["id"]) == found.modes


@pytest.mark.parametrize("lang", ["id", "en"])
def test_verify_says_once_per_unit_that_it_has_no_roster(infeasible, lang):
    """One located message per unit without a roster, never one per
    cell; the planned units are checked and keep the rules."""
    plan = infeasible["plan"]
    code, _, err = mkd(
        "verify",
        EXAMPLE,
        infeasible[lang],
        "--policy",
        "jabar-2026",
        "--lang",
        lang,
    )

    assert code == 3
    assert "bukan kode jadwal" not in err and "not a roster code" not in err
    for unit in plan.infeasible:
        title = sheet_of(plan, unit, lang)
        place = "lembar" if lang == "id" else "sheet"
        lead = (
            "Tidak ada jadwal untuk diperiksa"
            if lang == "id"
            else "No roster to check"
        )
        assert err.count(f"{place} {title}: {lead}: unit {unit.unit}") == 1
    warning = "PERINGATAN" if lang == "id" else "WARNING"
    assert err.count(warning) == 2
    assert "GALAT" not in err and "ERROR" not in err
    assert ("0 pelanggaran aturan" if lang == "id" else "0 broken rules") in (
        err
    )


def test_previous_roster_with_an_infeasible_unit_is_used(infeasible, tmp_path):
    """``--previous`` with such a roster: each unit without a roster gets
    one warning and no previous roster, the others are planned, and the
    file is recorded in the new roster's Parameter sheet."""
    out = tmp_path / "lanjut.xlsx"
    code, _, err = mkd(
        "plan",
        EXAMPLE,
        "--week",
        WEEK,
        "-o",
        out,
        "--policy",
        "jabar-2026",
        "--previous",
        infeasible["id"],
    )

    # The same two units are infeasible again (exit 3); the others are
    # planned, and the previous roster gives two warnings, no error.
    assert code == 3, err
    assert err.count("PERINGATAN") == 2
    assert err.count("Tidak ada jadwal untuk diperiksa") == 2
    assert "GALAT" not in err
    parameters = load_workbook(out)["Parameter"]
    facts = [[c.value for c in row] for row in parameters.iter_rows()]
    previous = infeasible["id"]
    name = next(i for i, r in enumerate(facts) if r[1] == previous.name)
    assert facts[name][0] == "Jadwal sebelumnya (--previous)"
    assert facts[name + 1][:2] == [
        "SHA-256",
        hashlib.sha256(previous.read_bytes()).hexdigest(),
    ]


def test_a_cleared_unit_sheet_has_no_roster(plan, files, tmp_path):
    """Every code of a unit removed by hand: the unit has no roster (one
    message), not a message per empty cell."""
    unit = plan.units[2]
    title = sheet_of(plan, unit)
    book = load_workbook(files["id"])
    sheet = book[title]
    dates, rows = grid(sheet)
    for row in rows.values():
        for column in dates.values():
            sheet.cell(row, column).value = None
    path = tmp_path / "kosong.xlsx"
    book.save(path)

    code, _, err = mkd("verify", EXAMPLE, path)

    assert code == 3
    assert err.count("Tidak ada jadwal untuk diperiksa") == 1
    assert f"lembar {title}: Tidak ada jadwal" in err
    assert "sel" not in err.replace("selisih", "")


# ---------------------------------------------------------------------------
# Rows and cells edited by hand
# ---------------------------------------------------------------------------


def edit(files: dict, plan: Plan, index: int, name: str, change) -> tuple:
    """Apply ``change(sheet, dates, rows)`` to a unit's sheet of the
    Indonesian roster; the saved copy, the sheet's title and its rows."""
    unit = plan.units[index]
    title = sheet_of(plan, unit)
    book = load_workbook(files["id"])
    sheet = book[title]
    dates, rows = grid(sheet)
    change(sheet, dates, rows)
    path = files["id"].with_name(name)
    book.save(path)
    return path, title, rows


def test_a_deleted_row_is_one_message_and_coverage_is_still_checked(
    plan, files
):
    """A person's row deleted and Wednesday's office days made flexible:
    one message for the person, at the sheet, and the coverage breach of
    the same unit is listed too."""
    unit = plan.units[0]
    gone = plan.workforce.members[unit.unit][3]

    def change(sheet, dates, rows):
        column = dates[EDITED_DAY]
        for row in rows.values():
            if sheet.cell(row, column).value == "K":
                sheet.cell(row, column).value = "F"
        sheet.delete_rows(rows[gone.nip])

    path, title, _ = edit(files, plan, 0, "baris-hilang.xlsx", change)
    code, _, err = mkd("verify", EXAMPLE, path)

    assert code == 3
    message = (
        f"lembar {title}: Jadwal tidak lengkap: {gone.name} ({gone.nip}) "
        "tidak ada di jadwal (barisnya tidak ada)"
    )
    assert err.count(message) == 1
    assert err.count(f"({gone.nip})") == 1  # not once per day
    assert "orang wajib di kantor, jadwal menempatkan" in err
    assert "Libur" not in err and "Selasa 5 Januari" not in err


def test_a_cleared_row_is_one_message_at_its_row(plan, files):
    """A person's codes cleared: one message at the person's row."""
    person = plan.workforce.members[plan.units[1].unit][2]

    def change(sheet, dates, rows):
        for column in dates.values():
            sheet.cell(rows[person.nip], column).value = None

    path, title, rows = edit(files, plan, 1, "baris-kosong.xlsx", change)
    code, _, err = mkd("verify", EXAMPLE, path)

    assert code == 3
    assert (
        f"lembar {title}, baris {rows[person.nip]}: Jadwal tidak lengkap: "
        f"{person.name} ({person.nip}): tidak ada kode pada 4 hari kerja"
    ) in err
    assert err.count(f"({person.nip})") == 1


def test_an_empty_cell_says_so_at_the_cell(plan, files):
    """One code deleted: "selnya kosong" at that cell, never ''."""
    person = plan.workforce.members[plan.units[1].unit][0]

    def change(sheet, dates, rows):
        sheet.cell(rows[person.nip], dates[EDITED_DAY]).value = None

    path, title, rows = edit(files, plan, 1, "sel-kosong.xlsx", change)
    code, _, err = mkd("verify", EXAMPLE, path)

    assert code == 3
    assert (
        f"lembar {title}, baris {rows[person.nip]}, kolom H: Jadwal tidak "
        f"lengkap: {person.name} ({person.nip}): Rabu 6 Januari 2027 adalah "
        "hari kerja, tetapi selnya kosong; dihitung tidak di kantor."
    ) in err
    assert "''" not in err


def test_weekly_breach_points_at_the_row_and_the_weeks_columns(plan, files):
    """Every working day of an eligible person made flexible: the hours
    and the cap are broken, at the person's row across the week's
    columns, with the roster's own figures."""
    unit = plan.units[1]
    person = next(
        m
        for m in plan.workforce.members[unit.unit]
        if plan.eligibility[m.nip].eligible
        and all(
            a.mode is not DayMode.ABSENT
            for a in unit.assignments
            if a.nip == m.nip
        )
    )
    week = next(w for w in unit.weeks if w.nip == person.nip)

    def change(sheet, dates, rows):
        for day, column in dates.items():
            if day.weekday() < 5 and day != HOLIDAY:
                sheet.cell(rows[person.nip], column).value = "F"

    path, title, rows = edit(files, plan, 1, "sepekan.xlsx", change)
    code, _, err = mkd("verify", EXAMPLE, path)

    assert code == 3
    place = f"lembar {title}, baris {rows[person.nip]}, kolom F-J"
    assert (
        f"{place}: Jadwal melanggar aturan: {person.name} ({person.nip}): "
        f"minggu Senin 4 Januari 2027: {week.required_office_hours:g} jam "
        "di kantor wajib, jadwal memberi 0 jam."
    ) in err
    assert (
        f"{place}: Jadwal melanggar aturan: {person.name} ({person.nip}): "
        "minggu Senin 4 Januari 2027: paling banyak 2 hari fleksibel, "
        "jadwal memberi 4 hari."
    ) in err


def test_absence_typed_for_someone_not_eligible_is_an_absence_edit(
    plan, files
):
    """A C for a person who is not eligible: "absence not in the input",
    not "not eligible for flexible work"."""
    unit = plan.units[0]
    person = next(
        m
        for m in plan.workforce.members[unit.unit]
        if not plan.eligibility[m.nip].eligible
    )

    def change(sheet, dates, rows):
        sheet.cell(rows[person.nip], dates[EDITED_DAY]).value = "C"

    path, title, rows = edit(files, plan, 0, "cuti.xlsx", change)
    code, _, err = mkd("verify", EXAMPLE, path)

    assert code == 3
    assert (
        f"lembar {title}, baris {rows[person.nip]}, kolom H: Jadwal "
        f"melanggar aturan: {person.name} ({person.nip}): Rabu 6 Januari "
        "2027 tertulis cuti / tidak hadir, tetapi ketidakhadiran ini tidak "
        "ada di masukan (lembar Ketidakhadiran)."
    ) in err
    assert "tidak layak" not in err


def test_common_office_words_are_read(plan, files):
    """WFO reads as office, WFH and WFA as flexible, in any case."""

    def change(sheet, dates, rows):
        for row in rows.values():
            for column in dates.values():
                cell = sheet.cell(row, column)
                cell.value = {"K": "WFO", "F": "wfh"}.get(
                    cell.value, cell.value
                )
        first = next(iter(rows.values()))
        for column in dates.values():
            if sheet.cell(first, column).value == "wfh":
                sheet.cell(first, column).value = "WFA"

    path, _, _ = edit(files, plan, 0, "wfh.xlsx", change)
    assert read_previous(path) == planned_modes(plan)
    code, _, err = mkd("verify", EXAMPLE, path)
    assert code == 0, err


def test_rows_that_cannot_be_placed_are_reported_and_skipped(plan, files):
    """A NIP not in the input, a duplicated row, a NIP typed as a number
    and a row without NIP: each located, the rest read."""
    unit = plan.units[1]
    members = plan.workforce.members[unit.unit]
    stranger = "199901012020011999"
    first, second, third, fourth = (m.nip for m in members[:4])

    def change(sheet, dates, rows):
        sheet.cell(rows[first], 1).value = stranger
        sheet.cell(rows[second], 1).value = third
        sheet.cell(rows[fourth], 1).value = int(fourth)
        last = max(rows.values())
        sheet.insert_rows(last + 1)
        for column in dates.values():
            sheet.cell(last + 1, column).value = "K"

    path, title, rows = edit(files, plan, 1, "baris.xlsx", change)
    found = read_roster(path)
    warnings = {p.code: p for p in found.problems}

    assert found.errors == []
    assert set(warnings) == {
        "roster_nip_duplicate",
        "roster_nip_number",
        "roster_row_without_nip",
    }
    assert warnings["roster_nip_duplicate"].row == rows[third]
    assert warnings["roster_nip_number"].row == rows[fourth]
    assert warnings["roster_row_without_nip"].row == max(rows.values()) + 1
    assert {p.sheet for p in found.problems} == {title}
    assert found.rows[third] == (title, rows[second])

    code, _, err = mkd("verify", EXAMPLE, path)
    assert code == 3
    assert (
        f"lembar {title}, baris {rows[first]}, kolom A: Jadwal tidak cocok "
        f"dengan masukan: NIP '{stranger}' tidak ada di lembar Pegawai"
    ) in err
    assert (
        f"PERINGATAN: baris.xlsx, lembar {title}, baris {rows[third]}, "
        f"kolom A: NIP '{third}' sudah ada di lembar {title}, baris "
        f"{rows[second]}; baris ini dilewati."
    ) in err
    assert "NIP tersimpan sebagai angka" in err
    assert "Baris ini tidak punya NIP" in err
    # The people whose rows were lost are missing, once each.
    for nip in (first, fourth):
        assert err.count(f"({nip}) tidak ada di jadwal") == 1


def test_a_moved_header_is_found_and_a_lost_one_reported(plan, files):
    """Rows added above the grid: read as before. The header row
    deleted: the sheet is reported and its unit is not in the file."""

    def move(sheet, dates, rows):
        sheet.insert_rows(1, amount=15)

    path, _, _ = edit(files, plan, 0, "geser.xlsx", move)
    assert read_roster(path).modes == planned_modes(plan)

    def lose(sheet, dates, rows):
        sheet.delete_rows(min(rows.values()) - 1)

    path, title, _ = edit(files, plan, 0, "judul.xlsx", lose)
    found = read_roster(path)
    (problem,) = found.problems
    assert (problem.code, problem.sheet) == ("roster_no_grid", title)
    code, _, err = mkd("verify", EXAMPLE, path, "--lang", "en")
    assert code == 3
    assert (
        f"WARNING: judul.xlsx, sheet {title}: The roster grid's header is "
        "not on this sheet"
    ) in err
    assert (
        f"No roster to check: unit {plan.units[0].unit} is not in this file"
    ) in err
