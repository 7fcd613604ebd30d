"""The roster workbook (issue 4): content, form, sheet names, safe writing.

The bureau example is planned once for the module and written in
Indonesian and English; the tests open the workbooks with openpyxl and
compare every figure with the plan.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from models import KEYS, format_date
from planner.build import TagInfo
from planner.cli import app
from planner.eligibility import Reason
from planner.export import (
    CODES,
    FILLS,
    NO_ROSTER_CODE,
    Fill,
    sheet_names,
    source_words,
    write_csv,
    write_roster,
)
from planner.plan import plan_workbook
from planner.result import CSV_COLUMNS, DayMode, PaidPenalty, Plan, UnitPlan
from planner.sentences import kind_name, penalty_sentence

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "biro-organisasi.xlsx"
WEEK = dt.date(2027, 1, 4)
HOLIDAY = dt.date(2027, 1, 5)
LANGS = ("id", "en")

# The words a test looks for, per language.
WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "sheets": ("Ringkasan", "Kelayakan", "Catatan", "Parameter"),
        "codes": {"K", "F", "S", "C", "L", "-"},
        "absent": "C",
        "onsite": "Di kantor (orang)",
        "required": "Wajib di kantor (orang)",
        "present": "Hadir (orang)",
        "margin": "Selisih (orang)",
        "desks": "Kapasitas meja (orang)",
        "hours": "Jam kantor (jam)",
        "required_hours": "Jam kantor wajib (jam)",
        "surplus": "Kelebihan jam terkecil dalam sepekan (jam)",
        "flexible_days": "Hari fleksibel (hari)",
        "cap": "Batas fleksibel (hari)",
        "legend": "Keterangan",
        "yes": "Ya",
        "no": "Tidak",
        "status": "optimal (terbukti)",
        "holidays": "Hari libur",
        "input": "Berkas masukan",
        "previous": "Jadwal sebelumnya (--previous)",
        "made": "Dibuat",
        "weeks": "Jumlah minggu",
        "period": "4 Januari 2027",
        "locale": "[$-421]",
        "summary": [
            "Unit",
            "Pegawai (orang)",
            "Layak fleksibel (orang)",
            "Hadir (hari-orang)",
            "Fleksibel diminta (hari)",
            "Fleksibel diberikan (hari)",
            "Fleksibel (% hari-orang)",
            "Selisih cakupan terkecil (orang)",
            "Hari selisih terkecil (tanggal)",
            "Keinginan dipenuhi (%)",
            "Status optimasi",
            "Waktu (detik)",
        ],
        "infeasible": "tidak mungkin",
        "default": "bawaan",
    },
    "en": {
        "sheets": ("Summary", "Eligibility", "Notes", "Parameters"),
        "codes": {"O", "F", "S", "A", "H", "-"},
        "absent": "A",
        "onsite": "On site (people)",
        "required": "Required on site (people)",
        "present": "Present (people)",
        "margin": "Margin (people)",
        "desks": "Desk capacity (people)",
        "hours": "On-site hours (h)",
        "required_hours": "Required on-site hours (h)",
        "surplus": "Smallest weekly surplus of hours (h)",
        "flexible_days": "Flexible days (days)",
        "cap": "Flexible cap (days)",
        "legend": "Legend",
        "yes": "Yes",
        "no": "No",
        "status": "proven optimal",
        "holidays": "Holidays",
        "input": "Input file",
        "previous": "Previous roster (--previous)",
        "made": "Made",
        "weeks": "Number of weeks",
        "period": "4 January 2027",
        "locale": "[$-409]",
        "summary": [
            "Unit",
            "Staff (people)",
            "Eligible (people)",
            "Present (person-days)",
            "Flexible requested (days)",
            "Flexible granted (days)",
            "Flexible (% person-days)",
            "Smallest margin (people)",
            "Day of smallest margin",
            "Wishes met (%)",
            "Solver status",
            "Time (s)",
        ],
        "infeasible": "infeasible",
        "default": "default",
    },
}


# ---------------------------------------------------------------------------
# Fixtures: one plan, two workbooks
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The bureau example, planned once for the week of 2027-01-04."""
    return plan_workbook(EXAMPLE, WEEK, 1)


@pytest.fixture(scope="module")
def written(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The plan's roster written in both languages; ``lang -> path``."""
    folder = tmp_path_factory.mktemp("roster")
    paths = {}
    for lang in LANGS:
        path = folder / f"roster-{lang}.xlsx"
        write_roster(plan, path, lang, source=EXAMPLE)
        paths[lang] = path
    return paths


@pytest.fixture(scope="module")
def books(written: dict) -> dict:
    """The written workbooks opened with openpyxl; ``lang -> Workbook``."""
    return {lang: load_workbook(path) for lang, path in written.items()}


def unit_sheet(book: Workbook, plan: Plan, unit: UnitPlan) -> Worksheet:
    """The sheet of a unit, by the names the writer gives."""
    lang = "en" if "Summary" in book.sheetnames else "id"
    return book[sheet_names([u.unit for u in plan.units], lang)[unit.unit]]


def grid(sheet: Worksheet) -> tuple[int, dict[int, dt.date], dict[str, int]]:
    """The grid's header row, the column of each date, the row of each NIP."""
    header = next(
        row for row in range(1, 11) if sheet.cell(row, 1).value == "NIP"
    )
    dates = {
        cell.column: cell.value.date()
        for cell in sheet[header]
        if isinstance(cell.value, dt.datetime)
    }
    rows = {}
    row = header + 1
    while sheet.cell(row, 1).value not in (None, ""):
        rows[str(sheet.cell(row, 1).value)] = row
        row += 1
    return header, dates, rows


def labelled_row(sheet: Worksheet, label: str, column: int = 2) -> int:
    """The row whose cell in ``column`` says ``label``."""
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row, column).value == label:
            return row
    raise AssertionError(f"no row labelled {label!r} in {sheet.title}")


def header_column(sheet: Worksheet, header: int, title: str) -> int:
    """The column of a header cell."""
    for cell in sheet[header]:
        if cell.value == title:
            return cell.column
    raise AssertionError(f"no column {title!r} in {sheet.title}")


def rgb(cell: Any) -> str:
    """A cell's fill colour (of a pattern: its lines) as six hex digits."""
    return str(cell.fill.fgColor.rgb)[-6:].upper()


def pages_wide(setup: Any) -> int:
    """The pages a sheet is fitted to in width; a file leaves out the
    default, one page."""
    return 1 if setup.fitToWidth is None else int(setup.fitToWidth)


def fill(cell: Any) -> Fill:
    """A cell's fill as the writer describes it."""
    pattern = cell.fill.fill_type
    if pattern == "solid":
        return Fill("solid", rgb(cell))
    background = str(cell.fill.bgColor.rgb)[-6:].upper()
    return Fill(pattern, rgb(cell), background)


# ---------------------------------------------------------------------------
# Sheets and summary
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_sheets_are_summary_units_eligibility_notes_parameters(
    books, plan, lang
):
    """Summary first, one sheet per unit in order, then the three others."""
    summary, eligibility, notes, parameters = WORDS[lang]["sheets"]
    units = sheet_names([u.unit for u in plan.units], lang)

    assert books[lang].sheetnames == [
        summary,
        *(units[u.unit] for u in plan.units),
        eligibility,
        notes,
        parameters,
    ]
    assert len(plan.units) == 5


@pytest.mark.parametrize("lang", LANGS)
def test_summary_has_a_row_per_unit_and_a_total_of_the_sums(books, plan, lang):
    """Each unit's figures match the plan; the total row adds them up.

    Every numeric header names its unit; the total has the share of
    wishes met and the smallest margin with its day and unit.
    """
    sheet = books[lang][WORDS[lang]["sheets"][0]]
    assert WORDS[lang]["period"] in sheet["A1"].value
    header = 3
    assert [c.value for c in sheet[header]] == WORDS[lang]["summary"]
    locale = WORDS[lang]["locale"]

    for offset, unit in enumerate(plan.units, start=1):
        row = [c.value for c in sheet[header + offset]]
        members = plan.workforce.members[unit.unit]
        eligible = sum(plan.eligibility[m.nip].eligible for m in members)
        present = sum(
            a.mode in (DayMode.OFFICE, DayMode.FLEXIBLE, DayMode.SPLIT)
            for a in unit.assignments
        )
        granted = sum(
            {DayMode.FLEXIBLE: 1.0, DayMode.SPLIT: 0.5}.get(a.mode, 0)
            for a in unit.assignments
        )
        smallest = min(unit.coverage, key=lambda c: c.margin)
        assert row[0] == unit.unit
        assert row[1:6] == [
            len(members),
            eligible,
            present,
            unit.requested_days,
            granted,
        ]
        assert row[6] == pytest.approx(granted / present)
        assert row[7] == smallest.margin
        assert row[8].date() == smallest.date
        day = sheet.cell(header + offset, 9)
        assert day.number_format.startswith(locale)
        assert "ddd" in day.number_format
        if unit.wishes:  # the direct-service counter has no wishes
            assert row[9] == pytest.approx(unit.wishes_met / unit.wishes)
        else:
            assert row[9] == "-"
        assert row[10] == WORDS[lang]["status"]
        assert row[11] == pytest.approx(unit.wall_time, abs=0.01)

    units = len(plan.units)
    total = [c.value for c in sheet[header + units + 1]]
    assert total[0] == "Total"
    for column in range(1, 6):
        assert total[column] == pytest.approx(
            sum(
                sheet.cell(header + i, column + 1).value
                for i in range(1, units + 1)
            )
        )
    assert total[1] == len(plan.workforce.employees)
    assert total[6] == pytest.approx(total[5] / total[3])
    covers = [(c, u) for u in plan.units for c in u.coverage]
    cover, unit = min(covers, key=lambda pair: pair[0].margin)
    assert total[7] == cover.margin
    assert format_date(cover.date, lang) in total[8]
    assert (
        sheet_names([u.unit for u in plan.units], lang)[unit.unit]
        in (total[8])
    )
    wishes = sum(u.wishes for u in plan.units)
    met = sum(u.wishes_met for u in plan.units)
    assert total[9] == pytest.approx(met / wishes)
    assert sheet.cell(header + units + 1, 1).font.b
    assert sheet.freeze_panes == "B4"
    assert sheet.auto_filter.ref == f"A3:L{header + units}"


def test_summary_marks_a_zero_margin(tight):
    """The smallest margin 0 is marked on the summary as in the grid."""
    plan, path = tight
    sheet = load_workbook(path)["Ringkasan"]
    marked = 0
    for offset, unit in enumerate(plan.units, start=4):
        cell = sheet.cell(offset, 8)
        smallest = min(c.margin for c in unit.coverage)
        assert cell.value == smallest
        if smallest == 0:
            marked += 1
            assert rgb(cell) == "FFC7CE" and cell.font.b
        else:
            assert cell.fill.fill_type is None
    assert marked >= 1
    total = sheet.cell(4 + len(plan.units), 8)
    assert total.value == 0 and rgb(total) == "FFC7CE"


# ---------------------------------------------------------------------------
# The unit sheets
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_unit_grid_has_a_code_per_person_day_matching_the_plan(
    books, plan, lang
):
    """NIP as text, real dates, one code per person-day, fill per mode."""
    codes = CODES[lang]
    for unit in plan.units:
        sheet = unit_sheet(books[lang], plan, unit)
        header, dates, rows = grid(sheet)
        members = plan.workforce.members[unit.unit]

        assert sorted(dates.values()) == list(plan.period.dates)
        for column in dates:
            cell = sheet.cell(header, column)
            assert cell.is_date and "ddd" in cell.number_format
            # Day names in the workbook's language, whatever Excel's.
            assert cell.number_format.startswith(WORDS[lang]["locale"])
        assert list(rows) == [m.nip for m in members]
        for person in members:
            cell = sheet.cell(rows[person.nip], 1)
            assert cell.data_type == "s"
            assert cell.number_format == "@"
            assert len(cell.value) == 18 and "E+" not in cell.value

        seen = Counter()
        for item in unit.assignments:
            column = next(c for c, d in dates.items() if d == item.date)
            cell = sheet.cell(rows[item.nip], column)
            code = str(cell.value)
            base = code if code == "-" else code.split("-")[0]
            assert base in WORDS[lang]["codes"]
            expected = codes[item.mode]
            if item.mode is DayMode.ABSENT and item.note:
                expected = f"{expected}-{item.note}"
            assert code == expected, (unit.unit, item)
            assert fill(cell) == FILLS[item.mode]
            seen[item.mode] += 1
        assert sum(seen.values()) == len(members) * len(dates)
        # Everyone has the holiday on Tuesday 5 January.
        holiday = next(c for c, d in dates.items() if d == HOLIDAY)
        assert {sheet.cell(r, holiday).value for r in rows.values()} == {
            codes[DayMode.HOLIDAY]
        }


def test_fills_are_distinct_per_mode_and_codes_differ():
    """Each mode has its own fill; each language its own distinct codes.

    The modes a colour-blind reader could confuse differ in pattern too:
    flexible (solid) and split (stripes), absent (hatched) and a day off
    (plain white); office and flexible keep the blue/orange pair.
    """
    assert len(set(FILLS.values())) == len(DayMode)
    assert FILLS[DayMode.FLEXIBLE].pattern != FILLS[DayMode.SPLIT].pattern
    assert FILLS[DayMode.ABSENT].pattern != FILLS[DayMode.OFF].pattern
    assert FILLS[DayMode.OFFICE].pattern == "solid"
    assert FILLS[DayMode.FLEXIBLE].pattern == "solid"
    for lang in LANGS:
        assert set(CODES[lang].values()) == WORDS[lang]["codes"]
        assert set(CODES[lang]) == set(DayMode)
        assert NO_ROSTER_CODE not in CODES[lang].values()


@pytest.mark.parametrize("lang", LANGS)
def test_unit_sheet_has_a_legend_of_every_code(books, plan, lang):
    """Under the grid, every code with its fill and its meaning."""
    sheet = unit_sheet(books[lang], plan, plan.units[0])
    legend = labelled_row(sheet, WORDS[lang]["legend"])
    found = {}
    for row in range(legend + 1, legend + 1 + len(DayMode)):
        code = sheet.cell(row, 2)
        found[code.value] = fill(code)
        assert sheet.cell(row, 3).value  # the meaning in words
    assert found == {CODES[lang][m]: FILLS[m] for m in DayMode}
    # A planned unit has no "no roster" code in its legend.
    assert sheet.cell(legend + 1 + len(DayMode), 2).value != NO_ROSTER_CODE


@pytest.mark.parametrize("lang", LANGS)
def test_unit_sheet_has_hours_against_required_per_person(books, plan, lang):
    """Per person: on-site hours, required, surplus, flexible days, cap.

    People who cannot work flexibly are required on site on every day
    they are present: their required hours are their on-site hours.
    """
    words = WORDS[lang]
    ineligible = 0
    for unit in plan.units:
        sheet = unit_sheet(books[lang], plan, unit)
        header, _, rows = grid(sheet)
        hours = header_column(sheet, header, words["hours"])
        required = header_column(sheet, header, words["required_hours"])
        surplus = header_column(sheet, header, words["surplus"])
        flexible = header_column(sheet, header, words["flexible_days"])
        cap = header_column(sheet, header, words["cap"])
        weeks = defaultdict(list)
        for week in unit.weeks:
            weeks[week.nip].append(week)
        for nip, row in rows.items():
            (week,) = weeks[nip]
            eligible = plan.eligibility[nip].eligible
            assert sheet.cell(row, hours).value == week.office_hours
            if eligible and week.required_office_hours is not None:
                assert sheet.cell(row, required).value == (
                    week.required_office_hours
                )
                assert sheet.cell(row, surplus).value == pytest.approx(
                    week.office_hours - week.required_office_hours
                )
            elif eligible:
                # Absent all week: nothing is required.
                assert week.office_hours == 0
                assert sheet.cell(row, required).value == 0
            else:
                ineligible += 1
                assert week.required_office_hours is None
                assert sheet.cell(row, required).value == week.office_hours
                assert sheet.cell(row, surplus).value == 0
            assert sheet.cell(row, flexible).value == week.flexible_days
            assert sheet.cell(row, cap).value == (
                week.cap_days if eligible else 0
            )
            assert sheet.cell(row, surplus).value >= 0
    assert ineligible >= 10


@pytest.mark.parametrize("lang", LANGS)
def test_unit_sheet_has_day_totals_matching_coverage(books, plan, lang):
    """Per day: on site, required, present, margin; desks when limited."""
    words = WORDS[lang]
    desks = 0
    for unit in plan.units:
        sheet = unit_sheet(books[lang], plan, unit)
        _, dates, _ = grid(sheet)
        onsite = labelled_row(sheet, words["onsite"])
        capacity = plan.workforce.unit_by_name[unit.unit].desk_capacity
        labels = [
            words["onsite"],
            words["required"],
            words["present"],
            words["margin"],
        ]
        if capacity is not None:
            desks += 1
            labels.append(words["desks"])
        assert [
            sheet.cell(onsite + i, 2).value for i in range(len(labels))
        ] == labels
        # Without a desk capacity there is no desk row: the legend
        # follows after a blank row.
        assert sheet.cell(onsite + len(labels), 2).value is None
        columns = {day: column for column, day in dates.items()}
        assert len(unit.coverage) == 4  # Tuesday is a holiday
        for cover in unit.coverage:
            column = columns[cover.date]
            expected = [
                cover.onsite,
                cover.required,
                cover.present,
                cover.margin,
                cover.capacity,
            ][: len(labels)]
            assert [
                sheet.cell(onsite + i, column).value
                for i in range(len(labels))
            ] == expected
            # The grid's own codes agree with the count on site.
            assert cover.onsite == sum(
                a.mode in (DayMode.OFFICE, DayMode.SPLIT)
                for a in unit.assignments
                if a.date == cover.date
            )
        for day in (HOLIDAY, WEEK + dt.timedelta(days=5)):
            assert sheet.cell(onsite, columns[day]).value is None
    assert desks == 1


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Path]:
    """The example under the mkd-2023 preset: some days at zero margin."""
    plan = plan_workbook(EXAMPLE, WEEK, 1, policy="mkd-2023")
    path = tmp_path_factory.mktemp("tight") / "tight.xlsx"
    write_roster(plan, path, "id", source=EXAMPLE)
    return plan, path


def test_zero_margin_days_are_highlighted(tight):
    """A day with exactly the minimum on site is marked; others are not."""
    plan, path = tight
    book = load_workbook(path)
    zero = 0
    for unit in plan.units:
        sheet = unit_sheet(book, plan, unit)
        _, dates, _ = grid(sheet)
        margin = labelled_row(sheet, WORDS["id"]["margin"])
        columns = {day: column for column, day in dates.items()}
        for cover in unit.coverage:
            cell = sheet.cell(margin, columns[cover.date])
            assert cell.value == cover.margin
            if cover.margin == 0:
                zero += 1
                assert rgb(cell) == "FFC7CE"
                assert cell.font.b
            else:
                assert cell.fill.fill_type is None
                assert not cell.font.b
    assert zero >= 1, "the mkd-2023 plan should have a zero-margin day"


@pytest.mark.parametrize("lang", LANGS)
def test_unit_sheet_is_frozen_filtered_and_print_ready(books, plan, lang):
    """Frozen panes, autofilter, landscape, one page wide, titles, header."""
    for unit in plan.units:
        sheet = unit_sheet(books[lang], plan, unit)
        header, dates, rows = grid(sheet)
        first = min(dates)
        assert sheet.freeze_panes == sheet.cell(header + 1, first).coordinate
        assert sheet.freeze_panes == "F5"
        last_row = max(rows.values())
        assert re.fullmatch(
            rf"A{header}:[A-Z]+{last_row}", sheet.auto_filter.ref
        )
        setup = sheet.page_setup
        assert setup.orientation == "landscape"
        assert pages_wide(setup) == 1
        assert setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == f"${header - 1}:${header}"
        text = sheet.oddHeader.center.text
        assert unit.unit in text
        assert WORDS[lang]["period"] in text
        assert unit.unit in sheet["A1"].value
        assert WORDS[lang]["status"] in sheet["A2"].value
        for column in ("A", "B"):
            assert sheet.column_dimensions[column].width >= 15
        # "Sen 04/01" in bold fits: no ##### in the header.
        for column in dates:
            letter = get_column_letter(column)
            assert sheet.column_dimensions[letter].width >= 10
        # Position, sub unit and team wrap rather than spill.
        for row in rows.values():
            for column in (3, 4, 5):
                assert sheet.cell(row, column).alignment.wrap_text


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_prints_landscape_one_page_wide_with_the_period(
    books, lang
):
    """Every sheet: A4 landscape, one page wide, header rows repeated, the
    sheet or unit and the period in the page header, pages numbered."""
    for sheet in books[lang].worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        assert int(setup.paperSize) == int(sheet.PAPERSIZE_A4)
        assert (pages_wide(setup), setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows, sheet.title
        assert WORDS[lang]["period"] in sheet.oddHeader.center.text
        assert sheet.oddFooter.right.text == "&P / &N"
        assert sheet.freeze_panes, sheet.title
    for title in WORDS[lang]["sheets"]:
        assert books[lang][title].oddHeader.center.text.startswith(title)


def test_page_header_escapes_an_ampersand(book, tmp_path):
    """A unit named with ``&`` prints as such: ``&&`` in the page header
    (a single ``&`` starts a header code)."""
    name = "Bagian Umum & Kepegawaian"
    for sheet, column in (
        ("Pegawai", "Unit"),
        ("Unit", "Unit"),
        ("Kebutuhan Peran", "Unit"),
    ):
        for row in range(2, len(book.sheets[sheet]) + 1):
            if book.get(sheet, row, column) == "Bagian Umum":
                book.set(sheet, row, column, name)
    plan = plan_workbook(book.save(), WEEK, 1)
    path = tmp_path / "amp.xlsx"
    write_roster(plan, path, "id")
    sheet = load_workbook(path)[name]
    assert sheet.oddHeader.center.text.startswith(
        "Bagian Umum && Kepegawaian - "
    )
    assert sheet["A1"].value.startswith(name)


def test_text_like_a_formula_or_a_link_stays_text(book, tmp_path):
    """A name typed as ``=1+1`` or as a web address is written as the text
    it is, on the unit sheet and in the eligibility list: a circulated
    roster computes nothing and links nowhere."""
    names = {2: "=1+1", 3: "https://example.org"}
    for row, name in names.items():
        book.set("Pegawai", row, "Nama", name)
    plan = plan_workbook(book.save_csv(), WEEK, 1)
    path = tmp_path / "text.xlsx"
    write_roster(plan, path, "id")

    written = load_workbook(path)
    _, _, rows = grid(written["Bagian Umum"])
    eligibility = written["Kelayakan"]
    listed = {
        str(row[0].value): row[1] for row in eligibility.iter_rows(min_row=2)
    }
    for row, name in names.items():
        nip = str(book.get("Pegawai", row, "NIP"))
        for cell in (written["Bagian Umum"].cell(rows[nip], 2), listed[nip]):
            assert cell.value == name
            assert cell.data_type == "s"
            assert cell.hyperlink is None


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Workbook]:
    """The bureau example planned for two weeks, written in Indonesian."""
    plan = plan_workbook(EXAMPLE, WEEK, 2)
    path = tmp_path_factory.mktemp("month") / "month.xlsx"
    write_roster(plan, path, "id", source=EXAMPLE)
    return plan, load_workbook(path)


def test_several_weeks_have_week_labels_and_weekly_figures(month):
    """Week labels over the Mondays, narrow date columns with the dates
    turned upright, and per person the smallest weekly surplus of hours,
    so that one short week shows however long the period."""
    plan, book = month
    for unit in plan.units:
        sheet = unit_sheet(book, plan, unit)
        header, dates, rows = grid(sheet)
        assert len(dates) == 14
        mondays = [c for c, d in dates.items() if d.weekday() == 0]
        assert [sheet.cell(header - 1, c).value for c in mondays] == [
            "Pekan 1",
            "Pekan 2",
        ]
        for column in dates:
            cell = sheet.cell(header, column)
            assert cell.alignment.text_rotation == 90
            assert cell.number_format.startswith("[$-421]")
        surplus = header_column(sheet, header, WORDS["id"]["surplus"])
        hours = header_column(sheet, header, WORDS["id"]["hours"])
        for nip, row in rows.items():
            weeks = [w for w in unit.weeks if w.nip == nip]
            assert len(weeks) == 2
            assert sheet.cell(row, hours).value == pytest.approx(
                sum(w.office_hours for w in weeks)
            )
            if plan.eligibility[nip].eligible:
                assert sheet.cell(row, surplus).value == pytest.approx(
                    min(
                        w.office_hours - w.required_office_hours
                        for w in weeks
                        if w.required_office_hours is not None
                    )
                )
    parameters = book["Parameter"]
    facts = {r[0].value: r[1].value for r in parameters.iter_rows()}
    assert facts["Jumlah minggu"] == 2


def test_english_sentences_agree_in_number():
    """ "1 person", "1 flexible day", "2 people": never "1 people"."""
    day = dt.date(2027, 1, 6)
    names = {"1": "Siti"}

    def sentence(kind: str, amount: int, **values: object) -> str:
        info = TagInfo(kind, values.pop("nip", None), day, values)
        return penalty_sentence(PaidPenalty(info, amount, 1), "en", names)

    one = sentence("balance", 1, level=1)
    assert "1 person below" in one and "(1 person)" in one
    assert "2 people below" in sentence("balance", 2, level=3)
    assert "1 person short" in sentence("coverage", 1, required=4)
    assert "got 1 flexible day fewer" in sentence(
        "requested", 2, nip="1", days=2
    )
    assert "0.5 flexible days fewer" in sentence(
        "requested", 1, nip="1", days=2
    )
    assert kind_name("preferred_flexible", "en") == "preferred flexible day"
    assert kind_name("preferred_flexible", "id") == "hari fleksibel pilihan"


# ---------------------------------------------------------------------------
# Eligibility, notes, parameters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_eligibility_lists_everyone_with_every_reason(books, plan, lang):
    """Everyone once, eligible or not; a mark and a sentence per reason."""
    sheet = books[lang][WORDS[lang]["sheets"][1]]
    header = [c.value for c in sheet[1]]
    reasons = list(Reason)
    assert header[4 : 4 + len(reasons)] == [r.label(lang) for r in reasons]
    rows = {
        str(row[0].value): row
        for row in sheet.iter_rows(min_row=2)
        if row[0].value
    }
    assert list(rows) == [p.nip for p in plan.workforce.employees]
    ineligible = 0
    for person in plan.workforce.employees:
        row = rows[person.nip]
        result = plan.eligibility[person.nip]
        assert row[0].data_type == "s" and row[0].number_format == "@"
        assert row[1].value == person.name
        assert row[2].value == person.unit
        words = WORDS[lang]
        assert row[3].value == (
            words["yes"] if result.eligible else words["no"]
        )
        marks = {
            reason
            for reason, cell in zip(reasons, row[4:], strict=False)
            if cell.value == "X"
        }
        assert marks == set(result.reasons)
        text = row[4 + len(reasons)].value or ""
        for sentence in result.explain(lang):
            assert sentence in text
        if not result.eligible:
            ineligible += 1
            assert text
    assert ineligible >= 10


@pytest.mark.parametrize("lang", LANGS)
def test_notes_have_a_sentence_per_paid_penalty(books, plan, lang):
    """One row per penalty, with its unit, kind, cost and sentence."""
    sheet = books[lang][WORDS[lang]["sheets"][2]]
    names = {p.nip: p.name for p in plan.workforce.employees}
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    expected = [
        [
            unit.unit,
            kind_name(penalty.info.kind, lang),
            penalty.cost,
            penalty_sentence(penalty, lang, names),
        ]
        for unit in plan.units
        for penalty in unit.penalties
    ]
    assert expected
    # The kinds are words of the workbook's language, not raw ids.
    kinds = {row[1] for row in rows}
    assert "preferred_flexible" not in kinds
    if lang == "id":
        assert not kinds & {"wish", "balance", "team"}
    assert (
        "hari fleksibel pilihan" if lang == "id" else "preferred flexible day"
    ) in kinds
    assert sorted(rows, key=str) == sorted(expected, key=str)
    for unit in plan.units:
        for penalty in unit.penalties:
            if penalty.info.nip is not None:
                assert any(
                    penalty.info.nip in row[3]
                    and names[penalty.info.nip] in row[3]
                    for row in rows
                )


@pytest.fixture(scope="module")
def infeasible(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, dict]:
    """Under jabar-2026 two units cannot be planned; both workbooks."""
    plan = plan_workbook(EXAMPLE, WEEK, 1, policy="jabar-2026")
    folder = tmp_path_factory.mktemp("infeasible")
    books = {}
    for lang in LANGS:
        path = folder / f"infeasible-{lang}.xlsx"
        write_roster(plan, path, lang, source=EXAMPLE)
        books[lang] = load_workbook(path)
    assert len(plan.infeasible) == 2
    return plan, books


@pytest.mark.parametrize("lang", LANGS)
def test_notes_explain_infeasible_units(infeasible, lang):
    """Each infeasible unit's rules are in the notes, in sentences."""
    plan, books = infeasible
    book = books[lang]
    notes = WORDS[lang]["sheets"][2]
    rows = [[c.value for c in row] for row in book[notes].iter_rows()]
    for unit in plan.infeasible:
        own = [row for row in rows if row[0] == unit.unit]
        assert own and own[0][1] == WORDS[lang]["infeasible"]
        assert all(row[3] for row in own)
        assert len(own) >= len(unit.findings) + len(unit.conflicts)


@pytest.mark.parametrize("lang", LANGS)
def test_summary_of_units_without_a_roster(infeasible, lang):
    """Facts of the input stay; figures of a roster are ``-``.

    The total adds people and present days of every unit, and gives the
    shares and the smallest margin of the units with a roster.
    """
    plan, books = infeasible
    sheet = books[lang][WORDS[lang]["sheets"][0]]
    rows = {
        row[0].value: [c.value for c in row]
        for row in sheet.iter_rows(min_row=4)
        if row[0].value
    }
    for unit in plan.units:
        row = rows[unit.unit]
        members = plan.workforce.members[unit.unit]
        assert row[1] == len(members)
        # Present person-days: members times the four working days,
        # less the days of absence, whether planned or not.
        absent = sum(
            1
            for m in members
            for a in plan.workforce.absences_of.get(m.nip, ())
            for d in plan.period.dates
            if a.covers(d) and d.weekday() < 5 and d != HOLIDAY
        )
        assert row[3] == 4 * len(members) - absent
        if unit.planned:
            assert isinstance(row[5], int | float)
            continue
        assert row[4:10] == ["-"] * 6
        assert row[10] == WORDS[lang]["infeasible"]
    total = rows["Total"]
    planned = [u for u in plan.units if u.planned]
    planned_days = sum(rows[u.unit][3] for u in planned)
    assert total[3] == sum(rows[u.unit][3] for u in plan.units)
    assert total[5] == sum(rows[u.unit][5] for u in planned)
    assert total[6] == pytest.approx(total[5] / planned_days)
    assert total[7] == min(rows[u.unit][7] for u in planned)
    assert total[9] == pytest.approx(
        sum(u.wishes_met for u in planned) / sum(u.wishes for u in planned)
    )
    assert ("2 tanpa jadwal" if lang == "id" else "2 without a roster") in (
        total[10]
    )


@pytest.mark.parametrize("lang", LANGS)
def test_grid_of_a_unit_without_a_roster_says_so(infeasible, lang):
    """Known days keep their codes, the rest say ``?``; a note points to
    the notes sheet, and there are no day totals."""
    plan, books = infeasible
    codes = CODES[lang]
    notes = WORDS[lang]["sheets"][2]
    for unit in plan.infeasible:
        sheet = unit_sheet(books[lang], plan, unit)
        _, dates, rows = grid(sheet)
        assert notes in sheet["A2"].value
        assert sheet["A2"].hyperlink.location == f"'{notes}'!A1"
        absences = plan.workforce.absences_of
        for nip, row in rows.items():
            for column, day in dates.items():
                value = sheet.cell(row, column).value
                if day.weekday() >= 5:
                    assert value == codes[DayMode.OFF]
                elif day == HOLIDAY:
                    assert value == codes[DayMode.HOLIDAY]
                elif any(a.covers(day) for a in absences.get(nip, ())):
                    assert value.startswith(codes[DayMode.ABSENT] + "-")
                else:
                    assert value == NO_ROSTER_CODE
            figures = [
                sheet.cell(row, c).value
                for c in range(max(dates) + 1, max(dates) + 6)
            ]
            assert figures == ["-"] * 5
        with pytest.raises(AssertionError):
            labelled_row(sheet, WORDS[lang]["onsite"])
        legend = labelled_row(sheet, WORDS[lang]["legend"])
        codes_listed = [
            sheet.cell(legend + i, 2).value for i in range(1, len(DayMode) + 2)
        ]
        assert codes_listed[-1] == NO_ROSTER_CODE


@pytest.mark.parametrize("lang", LANGS)
def test_parameters_list_policy_holidays_versions_and_input(books, plan, lang):
    """Every key with value and source, holidays named, versions, SHA-256."""
    sheet = books[lang][WORDS[lang]["sheets"][3]]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    by_key = {row[0]: row for row in rows if row[0] in KEYS}
    assert list(by_key) == list(KEYS)
    for key, row in by_key.items():
        assert row[3] == source_words(plan.policy.source_of(key), lang)
        assert row[4]  # the meaning
    # Sources and units are words of the workbook's language.
    assert by_key["weight_wish"][3] == WORDS[lang]["default"]
    assert by_key["max_flexible_days_per_week"][3] == "preset nasional-2025"
    units = {row[2] for row in by_key.values()}
    if lang == "en":
        assert {"days/week", "hours/week", "people", "yes/no"} <= units
        assert not units & {"hari/minggu", "orang", "ya/tidak", "poin"}
    else:
        assert {"hari/minggu", "jam/minggu", "orang", "ya/tidak"} <= units
        value = getattr(plan.policy.policy, key)
        if isinstance(value, bool):
            yes, no = WORDS[lang]["yes"], WORDS[lang]["no"]
            assert row[1] == (yes if value else no)
        elif isinstance(value, int | float):
            assert row[1] == value
    boxes = by_key["eligible_talent_boxes"][1]
    assert boxes == ", ".join(
        str(b) for b in sorted(plan.policy.policy.eligible_talent_boxes)
    )

    facts = {row[0]: row[1] for row in rows if row[0] is not None}
    units = {row[0]: row[2] for row in rows if row[0] is not None}
    assert facts[WORDS[lang]["weeks"]] == 1
    made = facts[WORDS[lang]["made"]]
    assert isinstance(made, dt.datetime)
    assert abs(made - dt.datetime.now()) < dt.timedelta(hours=1)
    assert re.fullmatch(r"UTC[+-]\d\d:\d\d", units[WORDS[lang]["made"]])
    assert facts["mkd-planner"] == metadata.version("mkd-planner")
    assert facts["ortools"] == metadata.version("ortools")
    assert facts[WORDS[lang]["input"]] == EXAMPLE.name
    assert facts["SHA-256"] == hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()

    start = next(
        i for i, row in enumerate(rows) if row[0] == WORDS[lang]["holidays"]
    )
    holidays = {
        row[0].date(): row[1]
        for row in rows[start + 1 :]
        if isinstance(row[0], dt.datetime)
    }
    assert list(holidays) == [HOLIDAY]
    locale = WORDS[lang]["locale"]
    for row in sheet.iter_rows():
        if isinstance(row[0].value, dt.datetime):
            assert row[0].number_format.startswith(locale)
        if isinstance(row[1].value, dt.datetime):
            assert row[1].number_format.startswith(locale)
    # Holiday names are in the language the plan was made in (Indonesian).
    assert holidays[HOLIDAY] == plan.period.holidays[HOLIDAY]
    assert "Isra Mikraj" in holidays[HOLIDAY]


# ---------------------------------------------------------------------------
# Sheet names
# ---------------------------------------------------------------------------

VALID_NAME = re.compile(r"[^\[\]:*?/\\]{1,31}")


def assert_valid_names(names: dict[str, str], lang: str) -> None:
    """Excel's rules: 31 characters, no forbidden ones, unique, no clash."""
    fixed = {name.casefold() for name in WORDS[lang]["sheets"]}
    folded = [name.casefold() for name in names.values()]
    assert len(set(folded)) == len(folded)
    for name in names.values():
        assert VALID_NAME.fullmatch(name), name
        assert not name.startswith("'") and not name.endswith("'"), name
        assert name == name.strip()
        assert name.casefold() not in fixed
        assert name.casefold() != "history"


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_names_are_valid_and_unique(tmp_path, lang):
    """Long names sharing a prefix, forbidden characters, clashes: all fine."""
    prefix = "Dinas Pekerjaan Umum dan Penataan Ruang"
    units = [
        f"{prefix} - Bidang Jalan",
        f"{prefix} - Bidang Jembatan",
        f"{prefix.lower()} - bidang tata ruang",
        "Biro Hukum [HAM]: Perundang/undangan*?",
        "Biro Hukum (HAM)- Perundang-undangan--",
        "Ringkasan",
        "Summary",
        "History",
        "A" * 30 + "'s unit",
        "'Quoted'",
        "?",
    ]
    names = sheet_names(units, lang)

    assert list(names) == units
    assert_valid_names(names, lang)
    # No prefix is shared by all, so each long name is cut after a word.
    assert names[units[0]] == "Dinas Pekerjaan Umum dan"
    assert names[units[1]] == "Dinas Pekerjaan Umum dan (2)"
    assert ":" not in names[units[3]] and "/" not in names[units[3]]

    # The writer accepts them all and the titles survive a save.
    with xlsxwriter.Workbook(tmp_path / "names.xlsx") as book:
        for name in names.values():
            book.add_worksheet(name)
    assert load_workbook(tmp_path / "names.xlsx").sheetnames == list(
        names.values()
    )


def test_sheet_names_drop_the_prefix_every_unit_shares(plan):
    """ "Biro Organisasi - " starts every name: the sheets leave it out,
    and a name still too long is cut after a whole word."""
    names = sheet_names([u.unit for u in plan.units], "id")
    assert list(names.values()) == [
        "Kelembagaan",
        "Reformasi Birokrasi",
        "Tata Laksana",
        "Tata Usaha",
        "Loket Layanan",
    ]
    long = [
        "Dinas Kesehatan - Bidang Pencegahan dan Pengendalian Penyakit",
        "Dinas Kesehatan - Sekretariat",
    ]
    shortened = sheet_names(long, "en")
    assert shortened[long[0]] == "Bidang Pencegahan dan"
    assert shortened[long[1]] == "Sekretariat"
    # Names that fit keep their prefix; a name equal to the prefix too.
    short = ["Biro Umum", "Biro Umum - Keuangan"]
    assert list(sheet_names(short, "id").values()) == short


# ---------------------------------------------------------------------------
# Writing safely
# ---------------------------------------------------------------------------


def test_roster_and_csv_are_written_atomically(plan, tmp_path, monkeypatch):
    """A failed write leaves the old file whole and no temporary behind.

    The disk fills up after the first part of the workbook: the error is
    the ``OSError`` of the disk, and neither the half-written file nor
    the writer's scratch files stay.
    """
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"old roster")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def disk_full(write: Any) -> Any:
        def partly(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
            write(self, *args, **kwargs)
            raise OSError(errno.ENOSPC, "disk full")

        return partly

    for name in ("write", "writestr"):
        write = getattr(zipfile.ZipFile, name)
        monkeypatch.setattr(zipfile.ZipFile, name, disk_full(write))
    # The error is the user's message (still an OSError for callers).
    with pytest.raises(OSError, match="disk is full"):
        write_roster(plan, path, "id", source=EXAMPLE)
    assert path.read_bytes() == b"old roster"
    assert sorted(tmp_path.iterdir()) == [path, scratch]
    assert list(scratch.iterdir()) == []

    monkeypatch.undo()
    scratch.rmdir()
    write_roster(plan, path, "id", source=EXAMPLE)
    write_csv(plan, tmp_path / "roster.csv")
    assert load_workbook(path).sheetnames[0] == "Ringkasan"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "roster.csv",
        "roster.xlsx",
    ]
    lines = (tmp_path / "roster.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == list(CSV_COLUMNS)
    assert len(lines) == 1 + sum(len(u.assignments) for u in plan.units)


def mkd(*args: object) -> tuple[int, str, str]:
    """Run ``mkd`` in-process; exit code, stdout, stderr (folded)."""
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        app, [str(arg) for arg in args]
    )
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), result.exception
    return (
        result.exit_code,
        " ".join(result.stdout.split()),
        " ".join(result.stderr.split()),
    )


def test_plan_refuses_an_existing_output_without_force(tmp_path):
    """Exit 1 and the old file kept; ``--force`` replaces it."""
    out = tmp_path / "roster.xlsx"
    out.write_bytes(b"keep me")

    code, _, err = mkd("plan", EXAMPLE, "--week", WEEK, "-o", out)

    assert code == 1
    assert "roster.xlsx" in err
    assert out.read_bytes() == b"keep me"
    assert not out.with_suffix(".csv").exists()

    code, _, err = mkd("plan", EXAMPLE, "--week", WEEK, "-o", out, "--force")
    assert code == 0, err
    assert load_workbook(out).sheetnames[0] == "Ringkasan"
    assert out.with_suffix(".csv").exists()


def test_plan_never_overwrites_the_input(tmp_path):
    """``-o`` naming the input: exit 1, the input unchanged, even forced."""
    source = tmp_path / "input.xlsx"
    shutil.copy(EXAMPLE, source)
    before = hashlib.sha256(source.read_bytes()).hexdigest()

    for extra in ((), ("--force",)):
        code, _, err = mkd(
            "plan", source, "--week", WEEK, "-o", source, *extra
        )
        assert code == 1, err
        assert "input.xlsx" in err
        assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.xlsx"]


# ---------------------------------------------------------------------------
# LibreOffice: one page wide per unit sheet
# ---------------------------------------------------------------------------


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext), or ``[]`` without it."""
    if shutil.which("pdftotext") is None:
        return []
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    pages = done.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@pytest.mark.skipif(
    _office() is None, reason="LibreOffice (soffice) is not installed"
)
def test_libreoffice_prints_each_unit_sheet_one_page_wide(
    written, plan, tmp_path
):
    """LibreOffice's PDF of the bureau roster: one page per unit sheet."""
    office = _office()
    assert office is not None
    profile = tmp_path / "profile"
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(written["id"]),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    pdf = tmp_path / "roster-id.pdf"
    data = pdf.read_bytes()
    page_count = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    sheets = len(load_workbook(written["id"]).sheetnames)
    # Every sheet prints at least one page, and the short unit grids one.
    assert page_count >= sheets

    pages = _pdf_pages(pdf)
    if not pages:
        pytest.skip("pdftotext is not installed; page count checked only")
    assert len(pages) == page_count
    period = "Senin 4 Januari 2027 - Minggu 10 Januari 2027"
    for unit in plan.units:
        # The page header (unit - period) is on every page of the sheet.
        title = f"{unit.unit} - {period}"
        own = [page for page in pages if title in page]
        assert len(own) == 1, (unit.unit, len(own))
        page = own[0]
        # The whole width is on that page: first and last columns.
        for person in plan.workforce.members[unit.unit]:
            assert person.nip in page
        assert "Batas" in page and "fleksibel" in page
