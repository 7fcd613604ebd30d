"""Writing plans: the roster workbook that unit heads circulate, and CSV.

The workbook is in Indonesian by default (English with ``lang="en"``):
a summary, one sheet per unit with the roster grid, everyone's
eligibility, notes that explain every penalty and conflict, and the
parameters that produced it. Every sheet prints landscape, one page
wide, with its header rows repeated and the period in the page header.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.styles import (
    Alignment,
    Border,
    Font,
    NamedStyle,
    PatternFill,
    Side,
)
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from models import KEYS, Weekday, format_date
from planner.eligibility import Reason
from planner.files import atomic_path
from planner.result import DayMode, Plan, UnitPlan, UnitStatus
from planner.sentences import (
    conflict_sentence,
    finding_sentence,
    kind_name,
    penalty_sentence,
)

# Codes per mode and language; the code is always written, so that the
# colour never carries a meaning alone.
CODES = {
    "id": {
        DayMode.OFFICE: "K",
        DayMode.FLEXIBLE: "F",
        DayMode.SPLIT: "S",
        DayMode.ABSENT: "C",
        DayMode.HOLIDAY: "L",
        DayMode.OFF: "-",
    },
    "en": {
        DayMode.OFFICE: "O",
        DayMode.FLEXIBLE: "F",
        DayMode.SPLIT: "S",
        DayMode.ABSENT: "A",
        DayMode.HOLIDAY: "H",
        DayMode.OFF: "-",
    },
}
NO_ROSTER_CODE = "?"
"""The code of a working day of a unit that has no roster."""


FillPattern = Literal["solid", "lightUp", "lightDown", "gray125"]


@dataclass(frozen=True)
class Fill:
    """A grid fill: a pattern, its colour and the colour beneath it."""

    pattern: FillPattern
    colour: str
    background: str = "FFFFFF"

    def pattern_fill(self) -> PatternFill:
        """The fill as openpyxl writes it."""
        if self.pattern == "solid":
            return PatternFill("solid", fgColor=self.colour)
        return PatternFill(
            self.pattern, fgColor=self.colour, bgColor=self.background
        )


# A blue/orange palette, which stays apart for colour-blind readers; the
# pairs that are alike in colour differ in pattern: a split day is
# orange stripes on office blue, an absence grey hatching on white, a
# day off plain white.
FILLS = {
    DayMode.OFFICE: Fill("solid", "9DC3E6"),
    DayMode.FLEXIBLE: Fill("solid", "F0A040"),
    DayMode.SPLIT: Fill("lightUp", "E07B00", "9DC3E6"),
    DayMode.ABSENT: Fill("lightDown", "7F7F7F"),
    DayMode.HOLIDAY: Fill("solid", "BFBFBF"),
    DayMode.OFF: Fill("solid", "FFFFFF"),
}
NO_ROSTER_FILL = Fill("gray125", "7F7F7F")
MODE_NAMES = {
    DayMode.OFFICE: ("kantor", "office"),
    DayMode.FLEXIBLE: ("fleksibel", "flexible"),
    DayMode.SPLIT: ("sebagian (kantor dan fleksibel)", "split"),
    DayMode.ABSENT: (
        "cuti / tidak hadir (arsir)",
        "absent (hatched)",
    ),
    DayMode.HOLIDAY: ("libur", "holiday"),
    DayMode.OFF: ("bukan hari kerja", "not a working day"),
}
STATUS_NAMES = {
    UnitStatus.OPTIMAL: ("optimal (terbukti)", "proven optimal"),
    UnitStatus.FEASIBLE: (
        "terbaik yang ditemukan, celah {gap}",
        "best found, gap {gap}",
    ),
    UnitStatus.INFEASIBLE: ("tidak mungkin", "infeasible"),
    UnitStatus.UNKNOWN: (
        "tanpa jadwal (waktu habis)",
        "no roster (out of time)",
    ),
}
SHEETS = {
    "summary": ("Ringkasan", "Summary"),
    "eligibility": ("Kelayakan", "Eligibility"),
    "notes": ("Catatan", "Notes"),
    "parameters": ("Parameter", "Parameters"),
}
# The labels under a unit's grid; the reader stops at any of them.
DAY_ROWS = {
    "onsite": ("Di kantor (orang)", "On site (people)"),
    "required": ("Wajib di kantor (orang)", "Required on site (people)"),
    "present": ("Hadir (orang)", "Present (people)"),
    "margin": ("Selisih (orang)", "Margin (people)"),
    "desks": ("Kapasitas meja (orang)", "Desk capacity (people)"),
}
LEGEND = ("Keterangan", "Legend")
NO_ROSTER = ("Tanpa jadwal", "No roster")
FOOTER_LABELS = frozenset(
    text.casefold()
    for pair in (*DAY_ROWS.values(), LEGEND, NO_ROSTER)
    for text in pair
)
# Excel's locale ids, so that day names read in the workbook's language
# whatever the language of the reader's Excel.
LOCALES = {"id": "[$-421]", "en": "[$-409]"}
UNIT_WORDS = {
    "kotak": "boxes",
    "hari/minggu": "days/week",
    "jam/minggu": "hours/week",
    "hari": "days",
    "jam": "hours",
    "orang": "people",
    "poin": "points",
    "tanggal": "dates",
    "ya/tidak": "yes/no",
    "minggu": "weeks",
    "detik": "seconds",
}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
ZERO_MARGIN_FILL = PatternFill("solid", fgColor="FFC7CE")
BOLD = Font(bold=True)
THIN = Side(style="thin", color="BFBFBF")
GRID_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center")
# An absence code carries its kind (C-Dinas Luar): shrunk, not cut off.
SHRINK = Alignment(horizontal="center", vertical="center", shrink_to_fit=True)
WRAP = Alignment(wrap_text=True, vertical="center")
MIDDLE = Alignment(vertical="center")
TOP = Alignment(vertical="top")
TOP_WRAP = Alignment(vertical="top", wrap_text=True)
GRID_COLUMNS = 5  # NIP, name, position, sub unit, team
# Widths of the grid's first columns; position, sub unit and team wrap.
PERSON_WIDTHS = (20, 28, 24, 22, 16)
FIGURE_WIDTH = 12
# Points per line of text, for rows whose cells wrap.
LINE_HEIGHT = 15
# Named styles: a cell takes a registered style by name, which costs a
# fraction of setting fill, border and alignment objects cell by cell
# (openpyxl hashes each one), the bulk of writing a province roster.
HEADER_STYLE = "MKD header"
CENTRE_STYLE = "MKD centre"
ZERO_MARGIN_STYLE = "MKD zero margin"
NO_ROSTER_STYLE = "MKD no roster"
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SEPARATORS = " -–—:,;.'"
SHEET_NAME_LENGTH = 31


def _t(lang: str, pair: tuple[str, str]) -> str:
    """The text of a language from an (Indonesian, English) pair."""
    return pair[1] if lang == "en" else pair[0]


def sheet_names(units: Iterable[str], lang: str) -> dict[str, str]:
    """A valid, unique Excel sheet name for every unit.

    Excel allows 31 characters and none of ``[]:*?/\\``, no apostrophe
    at either end, and reserves ``History``; names are compared without
    case, and may not clash with the fixed sheets. When a name is too
    long, words that every unit's name starts with (``Biro Organisasi
    -``) are left out, and a name is cut after a whole word.
    """
    units = list(units)
    cleaned = {u: _FORBIDDEN.sub("-", u).strip("' ") or "Unit" for u in units}
    if any(len(name) > SHEET_NAME_LENGTH for name in cleaned.values()):
        prefix = _shared_prefix(list(cleaned.values()))
        cleaned = {u: name[len(prefix) :] for u, name in cleaned.items()}

    taken = {_t(lang, pair).casefold() for pair in SHEETS.values()}
    taken.add("history")
    names = {}
    for unit in units:
        base = cleaned[unit]
        name = _shorten(base, SHEET_NAME_LENGTH)
        number = 2
        while name.casefold() in taken:
            suffix = f" ({number})"
            name = _shorten(base, SHEET_NAME_LENGTH - len(suffix)) + suffix
            number += 1
        taken.add(name.casefold())
        names[unit] = name
    return names


def _shared_prefix(names: list[str]) -> str:
    """Whole words, with the separator after them, that start every name.

    Nothing is shared by a single name, or when leaving the words out
    would empty a name.
    """
    if len(names) < 2:
        return ""
    common = names[0]
    for name in names[1:]:
        while not name.startswith(common):
            common = common[:-1]
    shortest = min(len(name) for name in names)
    end = len(common)
    # Back to the end of a word followed by a separator in every name.
    while end > 0 and not (
        all(len(n) > end for n in names)
        and all(n[end] in _SEPARATORS for n in names)
        and common[end - 1] not in _SEPARATORS
    ):
        end -= 1
    if end == 0 or end >= shortest:
        return ""
    # Take the separators too ("Biro Organisasi - ").
    while end < len(common) and common[end] in _SEPARATORS:
        end += 1
    if any(not n[end:].strip(_SEPARATORS) for n in names):
        return ""
    return common[:end]


def _shorten(name: str, limit: int) -> str:
    """A name cut to ``limit`` characters, after a whole word if it can.

    Cutting may leave an apostrophe or a space at the end; both go.
    """
    if len(name) <= limit:
        return name.rstrip("' ")
    cut = name[:limit]
    space = cut.rfind(" ")
    if name[limit] != " " and space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(_SEPARATORS) or name[:limit].rstrip("' ")


def write_roster(
    plan: Plan,
    path: Path,
    lang: str = "id",
    source: Path | None = None,
    previous: Path | None = None,
) -> None:
    """Write the roster workbook of a plan.

    Parameters
    ----------
    plan
        The plan to write.
    path
        The ``.xlsx`` file; it is replaced atomically. The caller checks
        that it may be written.
    lang
        ``id`` (default) or ``en``.
    source
        The input workbook, named and fingerprinted in ``Parameter``.
    previous
        The previous roster the plan stayed close to, named and
        fingerprinted in ``Parameter``.
    """
    book = Workbook()
    _register_styles(book)
    summary = book.active
    assert summary is not None
    summary.title = _t(lang, SHEETS["summary"])
    names = sheet_names((u.unit for u in plan.units), lang)
    _summary(summary, plan, lang, names)

    for unit in plan.units:
        _unit_sheet(book.create_sheet(names[unit.unit]), plan, unit, lang)
    _eligibility(
        book.create_sheet(_t(lang, SHEETS["eligibility"])), plan, lang
    )
    _notes(book.create_sheet(_t(lang, SHEETS["notes"])), plan, lang)
    _parameters(
        book.create_sheet(_t(lang, SHEETS["parameters"])),
        plan,
        lang,
        {"source": source, "previous": previous},
    )

    with atomic_path(path) as temporary:
        book.save(temporary)


def write_csv(plan: Plan, path: Path) -> None:
    """Write the long format, one row per person and date, atomically."""
    frame = plan.to_frame()
    with atomic_path(path) as temporary:
        frame.to_csv(temporary, index=False)


def mode_style(mode: DayMode) -> str:
    """The name of the cell style of a mode in the grid."""
    return f"MKD {mode.value}"


def _register_styles(book: Workbook) -> None:
    """Add the named styles of the grid, headers and margins."""
    grid = {mode_style(mode): fill for mode, fill in FILLS.items()}
    grid[NO_ROSTER_STYLE] = NO_ROSTER_FILL
    for name, fill in grid.items():
        style = NamedStyle(name)
        style.fill = fill.pattern_fill()
        absent = name == mode_style(DayMode.ABSENT)
        style.alignment = SHRINK if absent else CENTRE
        style.border = GRID_BORDER
        style.font = BOLD
        book.add_named_style(style)
    header = NamedStyle(HEADER_STYLE)
    header.font = BOLD
    header.fill = HEADER_FILL
    header.alignment = Alignment(
        wrap_text=True, vertical="center", horizontal="center"
    )
    book.add_named_style(header)
    centre = NamedStyle(CENTRE_STYLE)
    centre.alignment = CENTRE
    book.add_named_style(centre)
    zero = NamedStyle(ZERO_MARGIN_STYLE)
    zero.alignment = CENTRE
    zero.font = BOLD
    zero.fill = ZERO_MARGIN_FILL
    book.add_named_style(zero)


def _header(sheet: Worksheet, row: int, values: Sequence[Any]) -> None:
    """A bold, shaded header row."""
    for column, value in enumerate(values, start=1):
        sheet.cell(row, column, value).style = HEADER_STYLE


def _widths(sheet: Worksheet, widths: Iterable[float]) -> None:
    """Set column widths from the first column on."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _lines(text: object, width: float) -> int:
    """Lines a wrapped text takes in a column of ``width`` characters."""
    if text is None:
        return 1
    return max(1, math.ceil(len(str(text)) / max(1.0, width - 2)))


def _page_text(text: str) -> str:
    """Text for a page header or footer: ``&`` starts a code there."""
    return text.replace("&", "&&")


def _print_setup(sheet: Worksheet, title: str, repeat_rows: str) -> None:
    """Landscape, one page wide, header rows repeated, a page header."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = repeat_rows
    # openpyxl always creates the header and footer items.
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None
    header.center.text = _page_text(title)
    footer.right.text = "&P / &N"


def _period(plan: Plan, lang: str) -> str:
    """The planned period as a phrase."""
    start, end = plan.period.start, plan.period.end
    return f"{format_date(start, lang)} - {format_date(end, lang)}"


def _date_format(lang: str, layout: str) -> str:
    """A date number format with the workbook's language for day names."""
    return LOCALES.get(lang, LOCALES["id"]) + layout


def _status(unit: UnitPlan, lang: str) -> str:
    """The unit's solver status in words."""
    gap = unit.gap
    text = _t(lang, STATUS_NAMES[unit.status])
    return text.format(gap=f"{100 * (gap or 0):.1f} %")


def _present_days(plan: Plan, unit: UnitPlan) -> int:
    """Person-days present: working days that are no holiday or absence.

    A fact of the calendar and the input, so it is known for a unit
    without a roster too.
    """
    weekdays = plan.workforce.unit_by_name[unit.unit].weekdays
    days = [
        d
        for d in plan.period.dates
        if Weekday.of(d) in weekdays and d not in plan.period.holidays
    ]
    absences = plan.workforce.absences_of
    return sum(
        1
        for person in plan.workforce.members[unit.unit]
        for day in days
        if not any(a.covers(day) for a in absences.get(person.nip, ()))
    )


def _granted(unit: UnitPlan) -> float:
    """Flexible days granted; a split day counts as half."""
    return sum(
        {DayMode.FLEXIBLE: 1.0, DayMode.SPLIT: 0.5}.get(a.mode, 0.0)
        for a in unit.assignments
    )


def _summary(
    sheet: Worksheet, plan: Plan, lang: str, names: dict[str, str]
) -> None:
    """One row per unit and a total row."""
    title = _t(lang, ("Jadwal MKD", "MKD roster"))
    sheet["A1"] = f"{title}: {_period(plan, lang)}"
    sheet["A1"].font = Font(bold=True, size=14)
    headers = [
        "Unit",
        _t(lang, ("Pegawai (orang)", "Staff (people)")),
        _t(lang, ("Layak fleksibel (orang)", "Eligible (people)")),
        _t(lang, ("Hadir (hari-orang)", "Present (person-days)")),
        _t(lang, ("Fleksibel diminta (hari)", "Flexible requested (days)")),
        _t(lang, ("Fleksibel diberikan (hari)", "Flexible granted (days)")),
        _t(lang, ("Fleksibel (% hari-orang)", "Flexible (% person-days)")),
        _t(
            lang,
            ("Selisih cakupan terkecil (orang)", "Smallest margin (people)"),
        ),
        _t(
            lang, ("Hari selisih terkecil (tanggal)", "Day of smallest margin")
        ),
        _t(lang, ("Keinginan dipenuhi (%)", "Wishes met (%)")),
        _t(lang, ("Status optimasi", "Solver status")),
        _t(lang, ("Waktu (detik)", "Time (s)")),
    ]
    _header(sheet, 3, headers)
    sheet.row_dimensions[3].height = 4 * LINE_HEIGHT
    first = 4
    for unit in plan.units:
        sheet.append(_summary_row(plan, unit, lang))
    total = first + len(plan.units)
    sheet.append(_total_row(plan, lang, names))

    for cell in sheet[total]:
        cell.font = BOLD
    # The total names the unit of the smallest margin and counts units.
    sheet.row_dimensions[total].height = 3 * LINE_HEIGHT
    dash = Alignment(horizontal="right", vertical="top")
    for line in sheet.iter_rows(min_row=first, max_row=total):
        for cell in line:
            cell.alignment = dash if cell.value == "-" else TOP
        line[6].number_format = "0.0 %"
        line[8].number_format = _date_format(lang, "ddd dd-mm-yyyy")
        line[8].alignment = line[10].alignment = TOP_WRAP
        line[9].number_format = "0 %"
        line[11].number_format = "0.00"
        margin = line[7]
        if isinstance(margin.value, int) and margin.value <= 0:
            margin.style = ZERO_MARGIN_STYLE
    _widths(sheet, [34, 10, 11, 11, 11, 11, 11, 11, 18, 11, 26, 9])
    sheet.freeze_panes = "B4"
    sheet.auto_filter.ref = f"A3:L{total - 1}"
    name = _t(lang, SHEETS["summary"])
    _print_setup(sheet, f"{name} - {_period(plan, lang)}", "3:3")


def _summary_row(plan: Plan, unit: UnitPlan, lang: str) -> list[object]:
    """A unit's figures; those of a roster are ``-`` without one."""
    members = plan.workforce.members[unit.unit]
    eligible = sum(plan.eligibility[m.nip].eligible for m in members)
    present = _present_days(plan, unit)
    # A unit stopped by the checks before solving took no solver time.
    time: object = "-" if unit.findings else round(unit.wall_time, 2)
    if not unit.planned:
        return [
            unit.unit,
            len(members),
            eligible,
            present,
            *["-"] * 6,
            _status(unit, lang),
            time,
        ]
    granted = _granted(unit)
    margin = min(unit.coverage, key=lambda c: c.margin, default=None)
    return [
        unit.unit,
        len(members),
        eligible,
        present,
        unit.requested_days,
        granted,
        granted / present if present else 0,
        margin.margin if margin else "-",
        margin.date if margin else "-",
        unit.wishes_met / unit.wishes if unit.wishes else "-",
        _status(unit, lang),
        time,
    ]


def _total_row(plan: Plan, lang: str, names: dict[str, str]) -> list[object]:
    """The sums, and the shares and smallest margin over planned units."""
    planned = [u for u in plan.units if u.planned]
    people = len(plan.workforce.employees)
    eligible = sum(e.eligible for e in plan.eligibility.values())
    present = {u.unit: _present_days(plan, u) for u in plan.units}
    granted = sum(_granted(u) for u in planned)
    # The share is of the person-days of units with a roster: a unit
    # without one granted nothing, but was not planned either.
    planned_days = sum(present[u.unit] for u in planned)
    wishes = sum(u.wishes for u in planned)
    met = sum(u.wishes_met for u in planned)
    covers = [(c, u) for u in planned for c in u.coverage]
    smallest = min(covers, key=lambda pair: pair[0].margin, default=None)
    day: object = "-"
    if smallest is not None:
        cover, unit = smallest
        day = f"{format_date(cover.date, lang)} ({names[unit.unit]})"
    unplanned = len(plan.units) - len(planned)
    status = _t(
        lang,
        (
            f"{len(planned)} unit berjadwal, {unplanned} tanpa jadwal",
            f"{len(planned)} {_units(len(planned))} planned, "
            f"{unplanned} without a roster",
        ),
    )
    return [
        "Total",
        people,
        eligible,
        sum(present.values()),
        sum(u.requested_days for u in planned),
        granted,
        granted / planned_days if planned_days else "-",
        smallest[0].margin if smallest else "-",
        day,
        met / wishes if wishes else "-",
        status,
        round(plan.wall_time, 2),
    ]


def _units(count: int) -> str:
    """``unit`` or ``units`` in English."""
    return "unit" if count == 1 else "units"


def _unit_sheet(
    sheet: Worksheet, plan: Plan, unit: UnitPlan, lang: str
) -> None:
    """The roster grid of one unit with per-person and per-day totals."""
    dates = list(plan.period.dates)
    sheet["A1"] = f"{unit.unit}: {_period(plan, lang)}"
    sheet["A1"].font = Font(bold=True, size=13)
    status = _t(lang, ("Status", "Status")) + ": " + _status(unit, lang)
    if not unit.planned:
        status += ". " + _no_roster_text(lang)
    sheet["A2"] = status
    sheet["A2"].font = BOLD
    if not unit.planned:
        notes = _t(lang, SHEETS["notes"])
        sheet["A2"].hyperlink = Hyperlink("A2", location=f"'{notes}'!A1")

    first = GRID_COLUMNS + 1
    after = first + len(dates)
    _grid_header(sheet, plan, first, lang)
    if unit.planned:
        row = _grid_rows(sheet, plan, unit, first, lang)
    else:
        row = _grid_without_roster(sheet, plan, unit, first, lang)
    last = row - 1

    if unit.planned:
        row = _day_totals(sheet, plan, unit, first, row + 1, lang)
    else:
        sheet.cell(row + 1, 2, _t(lang, NO_ROSTER)).font = BOLD
        sheet.cell(row + 1, 3, _no_roster_text(lang))
        row += 2
    _legend(sheet, row + 1, lang, unit.planned)

    wide = plan.period.weeks == 1
    _widths(
        sheet,
        [
            *PERSON_WIDTHS,
            *([10 if wide else 5] * len(dates)),
            *([FIGURE_WIDTH] * 5),
        ],
    )
    sheet.freeze_panes = sheet.cell(5, first).coordinate
    sheet.auto_filter.ref = f"A4:{get_column_letter(after + 4)}{max(last, 5)}"
    title = f"{unit.unit} - {_period(plan, lang)}"
    _print_setup(sheet, title, "3:4")


def _no_roster_text(lang: str) -> str:
    """Why a unit's grid has no codes, and where to read more."""
    return _t(
        lang,
        (
            "Unit ini tidak punya jadwal; alasannya ada di lembar Catatan. "
            f"Kode {NO_ROSTER_CODE} = hari kerja tanpa jadwal.",
            "This unit has no roster; the reasons are on sheet Notes. "
            f"Code {NO_ROSTER_CODE} = a working day without a roster.",
        ),
    )


def _grid_header(sheet: Worksheet, plan: Plan, first: int, lang: str) -> None:
    """Week labels (row 3) and the header row (row 4) of the grid."""
    dates = list(plan.period.dates)
    headers: list[object] = [
        "NIP",
        _t(lang, ("Nama", "Name")),
        _t(lang, ("Jabatan", "Position")),
        _t(lang, ("Sub Unit", "Sub unit")),
        _t(lang, ("Tim", "Team")),
        *dates,
        _t(lang, ("Jam kantor (jam)", "On-site hours (h)")),
        _t(lang, ("Jam kantor wajib (jam)", "Required on-site hours (h)")),
        _t(
            lang,
            (
                "Kelebihan jam terkecil dalam sepekan (jam)",
                "Smallest weekly surplus of hours (h)",
            ),
        ),
        _t(lang, ("Hari fleksibel (hari)", "Flexible days (days)")),
        _t(lang, ("Batas fleksibel (hari)", "Flexible cap (days)")),
    ]
    _header(sheet, 4, headers)
    wide = plan.period.weeks == 1
    layout = "ddd dd/mm"
    rotated = Alignment(text_rotation=90, horizontal="center")
    for column, day in enumerate(dates, start=first):
        cell = sheet.cell(4, column)
        cell.number_format = _date_format(lang, layout)
        if not wide:
            # Narrow columns keep a month on one page; the dates stand.
            cell.alignment = rotated
        if day.weekday() == 0 and not wide:
            week = plan.period.week_of(day) + 1
            label = _t(lang, (f"Pekan {week}", f"Week {week}"))
            sheet.cell(3, column, label).font = BOLD
    sheet.row_dimensions[4].height = (4 if wide else 5) * LINE_HEIGHT


def _grid_rows(
    sheet: Worksheet, plan: Plan, unit: UnitPlan, first: int, lang: str
) -> int:
    """A row per person: codes and weekly figures; the next free row."""
    dates = list(plan.period.dates)
    after = first + len(dates)
    by_person = defaultdict(list)
    for item in unit.assignments:
        by_person[item.nip].append(item)
    weeks = defaultdict(list)
    for week in unit.weeks:
        weeks[week.nip].append(week)
    codes = CODES[lang]
    styles = {mode: mode_style(mode) for mode in DayMode}

    row = 5
    for person in plan.workforce.members[unit.unit]:
        _person_cells(sheet, row, person)
        for column, item in enumerate(by_person[person.nip], start=first):
            code = codes[item.mode]
            if item.mode is DayMode.ABSENT and item.note:
                code = f"{code}-{item.note}"
            sheet.cell(row, column, code).style = styles[item.mode]
        eligible = plan.eligibility[person.nip].eligible
        figures = _person_figures(weeks[person.nip], eligible)
        for offset, value in enumerate(figures):
            sheet.cell(row, after + offset, value).style = CENTRE_STYLE
        row += 1
    return row


def _person_figures(
    own: list[Any], eligible: bool
) -> tuple[float, float, float, float, float]:
    """On-site hours, required hours, the weekly surplus, days and cap.

    People who cannot work flexibly are on site on every day they are
    present, so those days' hours are what is required of them.
    """
    hours = sum(w.office_hours for w in own)
    surplus = [
        w.office_hours - w.required_office_hours
        for w in own
        if w.required_office_hours is not None
    ]
    required = hours
    if eligible and surplus:
        required = sum(
            w.required_office_hours
            for w in own
            if w.required_office_hours is not None
        )
    smallest = round(min(surplus), 2) if eligible and surplus else 0.0
    flexible = sum(w.flexible_days for w in own)
    cap = sum(w.cap_days for w in own) if eligible else 0
    return (
        round(hours, 2),
        round(required, 2),
        smallest,
        flexible,
        cap,
    )


def _person_cells(sheet: Worksheet, row: int, person: Any) -> None:
    """NIP (as text), name, position, sub unit and team of a grid row."""
    nip = sheet.cell(row, 1, person.nip)
    nip.number_format = "@"
    nip.alignment = MIDDLE
    values = (person.name, person.position, person.sub_unit, person.team)
    lines = 1
    for column, value in enumerate(values, start=2):
        cell = sheet.cell(row, column, value)
        cell.alignment = WRAP
        lines = max(lines, _lines(value, PERSON_WIDTHS[column - 1]))
    if lines > 1:
        sheet.row_dimensions[row].height = lines * LINE_HEIGHT


def _grid_without_roster(
    sheet: Worksheet, plan: Plan, unit: UnitPlan, first: int, lang: str
) -> int:
    """The grid of a unit without a roster: only what the input fixes.

    Holidays, absences and days off are known; every working day says
    ``?``. The figures are ``-``.
    """
    weekdays = plan.workforce.unit_by_name[unit.unit].weekdays
    holidays = plan.period.holidays
    absences = plan.workforce.absences_of
    codes = CODES[lang]
    after = first + len(plan.period.dates)
    row = 5
    for person in plan.workforce.members[unit.unit]:
        _person_cells(sheet, row, person)
        for column, day in enumerate(plan.period.dates, start=first):
            absence = next(
                (a for a in absences.get(person.nip, ()) if a.covers(day)),
                None,
            )
            style = NO_ROSTER_STYLE
            if Weekday.of(day) not in weekdays:
                code, style = codes[DayMode.OFF], mode_style(DayMode.OFF)
            elif day in holidays:
                code = codes[DayMode.HOLIDAY]
                style = mode_style(DayMode.HOLIDAY)
            elif absence is not None:
                code = f"{codes[DayMode.ABSENT]}-{absence.label}"
                style = mode_style(DayMode.ABSENT)
            else:
                code = NO_ROSTER_CODE
            sheet.cell(row, column, code).style = style
        for offset in range(5):
            sheet.cell(row, after + offset, "-").style = CENTRE_STYLE
        row += 1
    return row


def _day_totals(
    sheet: Worksheet,
    plan: Plan,
    unit: UnitPlan,
    first: int,
    row: int,
    lang: str,
) -> int:
    """Per day: on site, required, present, margin (zero marked), desks.

    The desk row is there only when the unit has a desk capacity.
    """
    keys = ["onsite", "required", "present", "margin"]
    if plan.workforce.unit_by_name[unit.unit].desk_capacity is not None:
        keys.append("desks")
    for offset, key in enumerate(keys):
        sheet.cell(row + offset, 2, _t(lang, DAY_ROWS[key])).font = BOLD
    coverage = {c.date: c for c in unit.coverage}
    for column, day in enumerate(plan.period.dates, start=first):
        cover = coverage.get(day)
        if cover is None:
            continue
        values = {
            "onsite": cover.onsite,
            "required": cover.required,
            "present": cover.present,
            "margin": cover.margin,
            "desks": cover.capacity,
        }
        for offset, key in enumerate(keys):
            cell = sheet.cell(row + offset, column, values[key])
            cell.style = CENTRE_STYLE
        if cover.margin <= 0:
            margin = keys.index("margin")
            sheet.cell(row + margin, column).style = ZERO_MARGIN_STYLE
    return row + len(keys)


def _legend(sheet: Worksheet, row: int, lang: str, planned: bool) -> None:
    """What each code and fill means."""
    sheet.cell(row, 2, _t(lang, LEGEND)).font = BOLD
    entries = [
        (CODES[lang][mode], mode_style(mode), _t(lang, MODE_NAMES[mode]))
        for mode in DayMode
    ]
    if not planned:
        entries.append(
            (
                NO_ROSTER_CODE,
                NO_ROSTER_STYLE,
                _t(lang, ("hari kerja tanpa jadwal", "no roster")),
            )
        )
    for offset, (code, style, words) in enumerate(entries, start=1):
        sheet.cell(row + offset, 2, code).style = style
        sheet.cell(row + offset, 3, words)
    notes = [
        _t(
            lang,
            (
                "Selisih 0 atau kurang (merah, tebal): tepat sebanyak "
                "minimal di kantor, atau kurang.",
                "Margin 0 or less (red, bold): exactly the minimum on site, "
                "or fewer.",
            ),
        ),
        _t(
            lang,
            (
                "Jam kantor wajib pegawai yang tidak layak fleksibel: jam "
                "semua hari hadirnya (lihat Kelayakan).",
                "Required hours of people not eligible for flexible work: "
                "the hours of every day they are present (see Eligibility).",
            ),
        ),
    ]
    for offset, note in enumerate(notes, start=len(entries) + 1):
        sheet.cell(row + offset, 2, note)


def _eligibility(sheet: Worksheet, plan: Plan, lang: str) -> None:
    """Everyone, eligible or not, with every reason."""
    reasons = list(Reason)
    headers = [
        "NIP",
        _t(lang, ("Nama", "Name")),
        "Unit",
        _t(lang, ("Layak", "Eligible")),
        *(reason.label(lang) for reason in reasons),
        _t(lang, ("Alasan", "Reasons")),
    ]
    _header(sheet, 1, headers)
    sheet.row_dimensions[1].height = 4 * LINE_HEIGHT
    yes, no = _t(lang, ("Ya", "Yes")), _t(lang, ("Tidak", "No"))
    for number, person in enumerate(plan.workforce.employees, start=2):
        result = plan.eligibility[person.nip]
        row = [
            person.nip,
            person.name,
            person.unit,
            yes if result.eligible else no,
            # Blank rather than empty text: no cell is written at all.
            *("X" if r in result.reasons else None for r in reasons),
            " ".join(result.explain(lang)),
        ]
        sheet.append(row)
        # ``max_row`` scans every cell: the row number is counted here.
        sheet.cell(number, len(headers)).alignment = WRAP
    for cell in sheet["A"][1:]:
        cell.number_format = "@"
    _widths(sheet, [20, 28, 30, 8, *([11] * len(reasons)), 60])
    sheet.freeze_panes = "C2"
    last = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A1:{last}{sheet.max_row}"
    name = _t(lang, SHEETS["eligibility"])
    _print_setup(sheet, f"{name} - {_period(plan, lang)}", "1:1")


def _notes(sheet: Worksheet, plan: Plan, lang: str) -> None:
    """Every penalty paid and every unplanned unit's explanation."""
    names = {p.nip: p.name for p in plan.workforce.employees}
    _header(
        sheet,
        1,
        [
            "Unit",
            _t(lang, ("Jenis", "Kind")),
            _t(lang, ("Biaya (poin)", "Cost (points)")),
            _t(lang, ("Catatan", "Note")),
        ],
    )
    infeasible = kind_name("infeasible", lang)
    for unit in plan.units:
        for finding in unit.findings:
            sheet.append(
                [unit.unit, infeasible, None, finding_sentence(finding, lang)]
            )
        if unit.conflicts:
            lead = _t(
                lang,
                (
                    "Aturan berikut tidak dapat dipenuhi bersamaan:",
                    "These rules cannot all hold together:",
                ),
            )
            sheet.append([unit.unit, infeasible, None, lead])
            for info in unit.conflicts:
                sheet.append(
                    [
                        unit.unit,
                        None,
                        None,
                        "- " + conflict_sentence(info, lang, names),
                    ]
                )
        if unit.status is UnitStatus.UNKNOWN:
            sheet.append(
                [
                    unit.unit,
                    kind_name("no_roster", lang),
                    None,
                    _t(
                        lang,
                        (
                            "Belum ada jadwal dalam batas waktu; belum "
                            "terbukti tidak mungkin. Beri waktu lebih "
                            "dengan --time-limit.",
                            "No roster found within the time limit; not "
                            "proven infeasible. Allow more time with "
                            "--time-limit.",
                        ),
                    ),
                ]
            )
        for penalty in sorted(unit.penalties, key=lambda p: -p.cost):
            sheet.append(
                [
                    unit.unit,
                    kind_name(penalty.info.kind, lang),
                    penalty.cost,
                    penalty_sentence(penalty, lang, names),
                ]
            )
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].alignment = WRAP
    _widths(sheet, [30, 20, 10, 90])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:D{max(2, sheet.max_row)}"
    name = _t(lang, SHEETS["notes"])
    _print_setup(sheet, f"{name} - {_period(plan, lang)}", "1:1")


def source_words(source: str, lang: str) -> str:
    """Where a policy value came from, in words.

    ``default``, ``preset NAME``, ``workbook``, ``unit`` or a policy
    file's name.
    """
    if source == "default":
        return _t(lang, ("bawaan", "default"))
    if source.startswith("preset "):
        return source
    if source == "workbook":
        return _t(
            lang,
            ("workbook (lembar Kebijakan)", "workbook (sheet Kebijakan)"),
        )
    if source == "unit":
        return _t(lang, ("unit (lembar Unit)", "unit (sheet Unit)"))
    return _t(lang, (f"berkas {source}", f"file {source}"))


def _unit_word(unit: str, lang: str) -> str:
    """A policy key's unit in the workbook's language."""
    return UNIT_WORDS.get(unit, unit) if lang == "en" else unit


def _parameters(
    sheet: Worksheet,
    plan: Plan,
    lang: str,
    files: dict[str, Path | None],
) -> None:
    """The effective policy, the period, holidays, versions and inputs."""
    _header(
        sheet,
        1,
        [
            _t(lang, ("Parameter", "Key")),
            _t(lang, ("Nilai", "Value")),
            _t(lang, ("Satuan", "Unit")),
            _t(lang, ("Sumber", "Source")),
            _t(lang, ("Arti", "Meaning")),
        ],
    )
    policy = plan.policy
    for key, info in KEYS.items():
        sheet.append(
            [
                key,
                _value_text(getattr(policy.policy, key), lang),
                _unit_word(info.unit, lang),
                source_words(policy.source_of(key), lang),
                info.en if lang == "en" else info.id,
            ]
        )
    for unit in plan.workforce.units:
        own = (
            ("min_onsite_share", unit.min_onsite_share),
            ("min_onsite_people", unit.min_onsite_people),
        )
        for key, value in own:
            if value is not None:
                sheet.append(
                    [
                        f"{key} [{unit.name}]",
                        value,
                        _unit_word(KEYS[key].unit, lang),
                        source_words("unit", lang),
                        _t(
                            lang,
                            ("Nilai unit sendiri.", "The unit's own value."),
                        ),
                    ]
                )
    sheet.append([])
    _facts(sheet, plan, lang, files)
    sheet.append([])
    sheet.append([_t(lang, ("Hari libur", "Holidays"))])
    sheet.cell(sheet.max_row, 1).font = BOLD
    for day, name in plan.period.holidays.items():
        sheet.append([day, name])
        sheet.cell(sheet.max_row, 1).number_format = _date_format(
            lang, "dddd dd-mm-yyyy"
        )
    _widths(sheet, [34, 40, 12, 26, 70])
    sheet.freeze_panes = "A2"
    name = _t(lang, SHEETS["parameters"])
    _print_setup(sheet, f"{name} - {_period(plan, lang)}", "1:1")


def _facts(
    sheet: Worksheet,
    plan: Plan,
    lang: str,
    files: dict[str, Path | None],
) -> None:
    """Period, versions, run time, when made, and the files read."""
    made = dt.datetime.now().astimezone().replace(microsecond=0)
    offset = made.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}"
    facts: list[tuple[str, object, str | None]] = [
        (_t(lang, ("Periode", "Period")), _period(plan, lang), None),
        (
            _t(lang, ("Jumlah minggu", "Number of weeks")),
            plan.period.weeks,
            _unit_word("minggu", lang),
        ),
        ("mkd-planner", _version("mkd-planner"), None),
        ("ortools", _version("ortools"), None),
        (
            _t(lang, ("Waktu proses", "Run time")),
            round(plan.wall_time, 2),
            _unit_word("detik", lang),
        ),
        # Excel keeps no time zone in a date, so it stands beside it.
        (_t(lang, ("Dibuat", "Made")), made.replace(tzinfo=None), zone),
    ]
    labels = {
        "source": ("Berkas masukan", "Input file"),
        "previous": (
            "Jadwal sebelumnya (--previous)",
            "Previous roster (--previous)",
        ),
    }
    for key, path in files.items():
        if path is not None:
            facts += [
                (_t(lang, labels[key]), path.name, None),
                ("SHA-256", _sha256(path), None),
            ]
    for label, fact, unit in facts:
        sheet.append([label, fact, unit])
        if isinstance(fact, dt.datetime):
            sheet.cell(sheet.max_row, 2).number_format = _date_format(
                lang, "dddd dd-mm-yyyy hh:mm:ss"
            )
            sheet.cell(sheet.max_row, 2).alignment = Alignment(
                horizontal="left"
            )


def _value_text(value: object, lang: str) -> object:
    """A policy value as a cell: lists as comma-separated text."""
    if isinstance(value, frozenset | tuple | set):
        items = sorted(value)
        return ", ".join(
            Weekday(i).label(lang) if isinstance(i, Weekday) else str(i)
            for i in items
        )
    if isinstance(value, bool):
        return _t(lang, ("Ya", "Yes")) if value else _t(lang, ("Tidak", "No"))
    return value


def _version(package: str) -> str:
    """An installed package's version."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def _sha256(path: Path) -> str:
    """The SHA-256 of a file, or of a folder's CSV files in name order."""
    digest = hashlib.sha256()
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    for file in files:
        digest.update(file.read_bytes())
    return digest.hexdigest()
