"""Writing plans: the roster workbook that unit heads circulate, and CSV.

The workbook is in Indonesian by default (English with ``lang="en"``):
a summary, one sheet per unit with the roster grid, everyone's
eligibility, notes that explain every penalty and conflict, and the
parameters that produced it. Every sheet prints landscape, one page
wide, with its header rows repeated and the period in the page header.

XlsxWriter writes the workbook row by row (its constant memory mode), so
every sheet is written from its top row down, each row's height set
before its cells. Rows and columns are counted from 0 here, as
XlsxWriter counts them: Excel's row 5 is row 4.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from models import KEYS, Weekday, format_date
from models.policy import UNITS_EN
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
# XlsxWriter numbers the patterns of a fill.
PATTERNS: dict[FillPattern, int] = {
    "solid": 1,
    "lightDown": 13,
    "lightUp": 14,
    "gray125": 17,
}
Properties = Mapping[str, object]
"""A cell format's properties, as XlsxWriter names them."""


@dataclass(frozen=True)
class Fill:
    """A grid fill: a pattern, its colour and the colour beneath it."""

    pattern: FillPattern
    colour: str
    background: str = "FFFFFF"

    def properties(self) -> dict[str, object]:
        """The fill as XlsxWriter's format properties."""
        fill: dict[str, object] = {
            "pattern": PATTERNS[self.pattern],
            "fg_color": f"#{self.colour}",
        }
        if self.pattern != "solid":
            fill["bg_color"] = f"#{self.background}"
        return fill


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
# Units of the policy keys, and of the period and run time.
UNIT_WORDS = {**UNITS_EN, "minggu": "weeks", "detik": "seconds"}
# Flexible days granted by a day of each mode.
GRANTED = {DayMode.FLEXIBLE: 1.0, DayMode.SPLIT: 0.5}
HEADER_FILL = Fill("solid", "DDEBF7")
ZERO_MARGIN_FILL = Fill("solid", "FFC7CE")
BOLD: Properties = {"bold": True}
CENTRE: Properties = {"align": "center", "valign": "vcenter"}
# An absence code carries its kind (C-Dinas Luar): shrunk, not cut off.
SHRINK: Properties = {**CENTRE, "shrink": True}
WRAP: Properties = {"text_wrap": True, "valign": "vcenter"}
MIDDLE: Properties = {"valign": "vcenter"}
TOP: Properties = {"valign": "top"}
TOP_WRAP: Properties = {"valign": "top", "text_wrap": True}
# A figure that a unit without a roster does not have.
DASH: Properties = {"align": "right", "valign": "top"}
LEFT: Properties = {"align": "left"}
TEXT: Properties = {"num_format": "@"}
GRID: Properties = {"border": 1, "border_color": "#BFBFBF", **BOLD}
HEADER: Properties = {
    **BOLD,
    **HEADER_FILL.properties(),
    "text_wrap": True,
    "valign": "vcenter",
    "align": "center",
}
ZERO_MARGIN: Properties = {**CENTRE, **BOLD, **ZERO_MARGIN_FILL.properties()}
WORKBOOK_OPTIONS = {
    "constant_memory": True,
    # Names and notes are text as they are, even when they start with
    # "=" or look like a web address.
    "strings_to_formulas": False,
    "strings_to_urls": False,
}
GRID_COLUMNS = 5  # NIP, name, position, sub unit, team
GRID_ROW = 4  # the first person's row, under the header in row 3
# Widths of the grid's first columns; position, sub unit and team wrap.
PERSON_WIDTHS = (20, 28, 24, 22, 16)
FIGURE_WIDTH = 12
# A width of one character is 7 pixels of the default font (Calibri 11).
CHARACTER_PIXELS = 7
# Points per line of text, for rows whose cells wrap.
LINE_HEIGHT = 15
PAPER_A4 = 9  # Excel's number of the paper size
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
    names = sheet_names((u.unit for u in plan.units), lang)
    files = {"source": source, "previous": previous}
    # XlsxWriter keeps each sheet's rows in a scratch file until it is
    # closed; a failed write leaves none of them behind.
    with (
        atomic_path(path) as temporary,
        tempfile.TemporaryDirectory(prefix="mkd-") as scratch,
    ):
        book = xlsxwriter.Workbook(
            temporary, {**WORKBOOK_OPTIONS, "tmpdir": scratch}
        )
        formats = _Formats(book)
        summary = book.add_worksheet(_t(lang, SHEETS["summary"]))
        _summary(summary, formats, plan, lang, names)
        for unit in plan.units:
            sheet = book.add_worksheet(names[unit.unit])
            _unit_sheet(sheet, formats, plan, unit, lang)
        eligibility = book.add_worksheet(_t(lang, SHEETS["eligibility"]))
        _eligibility(eligibility, formats, plan, lang)
        notes = book.add_worksheet(_t(lang, SHEETS["notes"]))
        _notes(notes, formats, plan, lang)
        parameters = book.add_worksheet(_t(lang, SHEETS["parameters"]))
        _parameters(parameters, formats, plan, lang, files)
        _close(book)


def _close(book: xlsxwriter.Workbook) -> None:
    """Write the workbook's file; a failure is the ``OSError`` it was.

    XlsxWriter wraps the error of a file it cannot write (disk full, no
    permission) in its own exception.
    """
    try:
        book.close()
    except FileCreateError as error:
        cause = error.args[0] if error.args else None
        if isinstance(cause, OSError):
            raise cause from None
        raise


def write_csv(plan: Plan, path: Path) -> None:
    """Write the long format, one row per person and date, atomically."""
    frame = plan.to_frame()
    with atomic_path(path) as temporary:
        frame.to_csv(temporary, index=False)


class _Formats:
    """The workbook's cell formats, each made once and shared.

    Calling it with property mappings gives the format of their union
    (later ones win); the formats of the grid are made up front.
    """

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self._book = book
        self._made: dict[tuple[tuple[str, object], ...], Format] = {}
        self.bold = self(BOLD)
        self.header = self(HEADER)
        self.centre = self(CENTRE)
        self.zero_margin = self(ZERO_MARGIN)
        self.wrap = self(WRAP)
        self.nip = self(TEXT, MIDDLE)
        self.grid = {
            mode: self(
                GRID,
                SHRINK if mode is DayMode.ABSENT else CENTRE,
                fill.properties(),
            )
            for mode, fill in FILLS.items()
        }
        self.no_roster = self(GRID, CENTRE, NO_ROSTER_FILL.properties())

    def __call__(self, *parts: Properties) -> Format:
        """The format with the properties of all ``parts``."""
        properties: dict[str, object] = {}
        for part in parts:
            properties.update(part)
        key = tuple(sorted(properties.items()))
        if key not in self._made:
            self._made[key] = self._book.add_format(properties)
        return self._made[key]


def _header(
    sheet: Worksheet, formats: _Formats, row: int, values: Sequence[Any]
) -> None:
    """A bold, shaded header row."""
    for column, value in enumerate(values):
        sheet.write(row, column, value, formats.header)


def _widths(sheet: Worksheet, widths: Iterable[float]) -> None:
    """Set column widths, in characters, from the first column on.

    In pixels the width is stored as given; XlsxWriter would add the
    cell's padding to a width in characters.
    """
    for column, width in enumerate(widths):
        pixels = round(width * CHARACTER_PIXELS)
        sheet.set_column_pixels(column, column, pixels)


def _lines(text: object, width: float) -> int:
    """Lines a wrapped text takes in a column of ``width`` characters."""
    if text is None:
        return 1
    return max(1, math.ceil(len(str(text)) / max(1.0, width - 2)))


def _page_text(text: str) -> str:
    """Text for a page header or footer: ``&`` starts a code there."""
    return text.replace("&", "&&")


def _print_setup(
    sheet: Worksheet, title: str, repeat: tuple[int, int]
) -> None:
    """A4 landscape, one page wide, rows ``repeat`` on every page."""
    sheet.set_landscape()
    sheet.set_paper(PAPER_A4)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.repeat_rows(*repeat)
    # The margins (inches) the roster has always printed with, wider
    # than XlsxWriter's: the page header has its own room.
    sheet.set_margins(left=0.75, right=0.75, top=1, bottom=1)
    sheet.set_header("&C" + _page_text(title), margin=0.5)
    sheet.set_footer("&R&P / &N", margin=0.5)


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
    members = plan.workforce.members[unit.unit]
    present = len(members) * len(days)
    for person in members:
        # Most people have no absence: only the others are looked at.
        if own := absences.get(person.nip):
            present -= sum(
                1 for day in days if any(a.covers(day) for a in own)
            )
    return present


def _granted(unit: UnitPlan) -> float:
    """Flexible days granted; a split day counts as half."""
    return sum(GRANTED.get(a.mode, 0.0) for a in unit.assignments)


def _summary(
    sheet: Worksheet,
    formats: _Formats,
    plan: Plan,
    lang: str,
    names: dict[str, str],
) -> None:
    """One row per unit and a total row."""
    title = _t(lang, ("Jadwal MKD", "MKD roster"))
    sheet.write_string(
        0, 0, f"{title}: {_period(plan, lang)}", formats(BOLD, {"size": 14})
    )
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
    sheet.set_row(2, 4 * LINE_HEIGHT)
    _header(sheet, formats, 2, headers)

    first = 3
    present = {u.unit: _present_days(plan, u) for u in plan.units}
    rows = [_summary_row(plan, u, lang, present[u.unit]) for u in plan.units]
    rows.append(_total_row(plan, lang, names, present))
    total = first + len(plan.units)
    numbers = {
        6: "0.0 %",
        8: _date_format(lang, "ddd dd-mm-yyyy"),
        9: "0 %",
        11: "0.00",
    }
    # The day and the status wrap, whatever their value.
    wrapped = {8: TOP_WRAP, 10: TOP_WRAP}
    # The total names the unit of the smallest margin and counts units.
    sheet.set_row(total, 3 * LINE_HEIGHT)
    for row, values in enumerate(rows, start=first):
        for column, value in enumerate(values):
            if column == 7 and isinstance(value, int) and value <= 0:
                look = formats(ZERO_MARGIN)
            else:
                look = formats(
                    wrapped.get(column, DASH if value == "-" else TOP),
                    {"num_format": numbers[column]}
                    if column in numbers
                    else {},
                    BOLD if row == total else {},
                )
            sheet.write(row, column, value, look)

    _widths(sheet, [34, 10, 11, 11, 11, 11, 11, 11, 18, 11, 26, 9])
    sheet.freeze_panes(first, 1)
    sheet.autofilter(first - 1, 0, total - 1, len(headers) - 1)
    name = _t(lang, SHEETS["summary"])
    _print_setup(sheet, f"{name} - {_period(plan, lang)}", (2, 2))


def _summary_row(
    plan: Plan, unit: UnitPlan, lang: str, present: int
) -> list[object]:
    """A unit's figures, with its ``present`` person-days; those of a
    roster are ``-`` without one."""
    members = plan.workforce.members[unit.unit]
    eligible = sum(plan.eligibility[m.nip].eligible for m in members)
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


def _total_row(
    plan: Plan, lang: str, names: dict[str, str], present: dict[str, int]
) -> list[object]:
    """The sums, and the shares and smallest margin over planned units.

    ``present`` has each unit's present person-days.
    """
    planned = [u for u in plan.units if u.planned]
    people = len(plan.workforce.employees)
    eligible = sum(e.eligible for e in plan.eligibility.values())
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
    sheet: Worksheet,
    formats: _Formats,
    plan: Plan,
    unit: UnitPlan,
    lang: str,
) -> None:
    """The roster grid of one unit with per-person and per-day totals."""
    dates = list(plan.period.dates)
    title = f"{unit.unit}: {_period(plan, lang)}"
    sheet.write_string(0, 0, title, formats(BOLD, {"size": 13}))
    status = _t(lang, ("Status", "Status")) + ": " + _status(unit, lang)
    if unit.planned:
        sheet.write_string(1, 0, status, formats.bold)
    else:
        status += ". " + _no_roster_text(lang)
        notes = _t(lang, SHEETS["notes"])
        link = f"internal:'{notes}'!A1"
        sheet.write_url(1, 0, link, formats.bold, status)

    after = GRID_COLUMNS + len(dates)
    _grid_header(sheet, formats, plan, lang)
    if unit.planned:
        row = _grid_rows(sheet, formats, plan, unit, lang)
    else:
        row = _grid_without_roster(sheet, formats, plan, unit, lang)
    last = row - 1

    if unit.planned:
        row = _day_totals(sheet, formats, plan, unit, row + 1, lang)
    else:
        sheet.write_string(row + 1, 1, _t(lang, NO_ROSTER), formats.bold)
        sheet.write_string(row + 1, 2, _no_roster_text(lang))
        row += 2
    _legend(sheet, formats, row + 1, lang, unit.planned)

    wide = plan.period.weeks == 1
    _widths(
        sheet,
        [
            *PERSON_WIDTHS,
            *([10 if wide else 5] * len(dates)),
            *([FIGURE_WIDTH] * 5),
        ],
    )
    sheet.freeze_panes(GRID_ROW, GRID_COLUMNS)
    sheet.autofilter(GRID_ROW - 1, 0, max(last, GRID_ROW), after + 4)
    title = f"{unit.unit} - {_period(plan, lang)}"
    _print_setup(sheet, title, (GRID_ROW - 2, GRID_ROW - 1))


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


def _grid_header(
    sheet: Worksheet, formats: _Formats, plan: Plan, lang: str
) -> None:
    """Week labels (row 2) and the header row (row 3) of the grid."""
    dates = list(plan.period.dates)
    wide = plan.period.weeks == 1
    if not wide:
        for column, day in enumerate(dates, start=GRID_COLUMNS):
            if day.weekday() == 0:
                week = plan.period.week_of(day) + 1
                label = _t(lang, (f"Pekan {week}", f"Week {week}"))
                sheet.write_string(GRID_ROW - 2, column, label, formats.bold)

    header = GRID_ROW - 1
    people = [
        "NIP",
        _t(lang, ("Nama", "Name")),
        _t(lang, ("Jabatan", "Position")),
        _t(lang, ("Sub Unit", "Sub unit")),
        _t(lang, ("Tim", "Team")),
    ]
    figures = [
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
    sheet.set_row(header, (4 if wide else 5) * LINE_HEIGHT)
    _header(sheet, formats, header, people)

    layout = {"num_format": _date_format(lang, "ddd dd/mm")}
    if wide:
        date = formats(HEADER, layout)
    else:
        # Narrow columns keep a month on one page; the dates stand.
        rotated = {"rotation": 90, "align": "center"}
        date = formats(BOLD, HEADER_FILL.properties(), rotated, layout)
    for column, day in enumerate(dates, start=GRID_COLUMNS):
        sheet.write_datetime(header, column, day, date)
    after = GRID_COLUMNS + len(dates)
    for column, value in enumerate(figures, start=after):
        sheet.write_string(header, column, value, formats.header)


def _grid_rows(
    sheet: Worksheet,
    formats: _Formats,
    plan: Plan,
    unit: UnitPlan,
    lang: str,
) -> int:
    """A row per person: codes and weekly figures; the next free row."""
    after = GRID_COLUMNS + len(plan.period.dates)
    by_person = defaultdict(list)
    for item in unit.assignments:
        by_person[item.nip].append(item)
    weeks = defaultdict(list)
    for week in unit.weeks:
        weeks[week.nip].append(week)
    codes = CODES[lang]
    grid = formats.grid

    row = GRID_ROW
    for person in plan.workforce.members[unit.unit]:
        _person_cells(sheet, formats, row, person)
        for column, item in enumerate(by_person[person.nip], GRID_COLUMNS):
            code = codes[item.mode]
            if item.mode is DayMode.ABSENT and item.note:
                code = f"{code}-{item.note}"
            sheet.write_string(row, column, code, grid[item.mode])
        eligible = plan.eligibility[person.nip].eligible
        figures = _person_figures(weeks[person.nip], eligible)
        for offset, value in enumerate(figures):
            sheet.write_number(row, after + offset, value, formats.centre)
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


def _person_cells(
    sheet: Worksheet, formats: _Formats, row: int, person: Any
) -> None:
    """NIP (as text), name, position, sub unit and team of a grid row."""
    values = (person.name, person.position, person.sub_unit, person.team)
    lines = max(
        _lines(value, width)
        for value, width in zip(values, PERSON_WIDTHS[1:], strict=True)
    )
    if lines > 1:
        sheet.set_row(row, lines * LINE_HEIGHT)
    sheet.write_string(row, 0, person.nip, formats.nip)
    for column, value in enumerate(values, start=1):
        sheet.write(row, column, value, formats.wrap)


def _grid_without_roster(
    sheet: Worksheet,
    formats: _Formats,
    plan: Plan,
    unit: UnitPlan,
    lang: str,
) -> int:
    """The grid of a unit without a roster: only what the input fixes.

    Holidays, absences and days off are known; every working day says
    ``?``. The figures are ``-``.
    """
    weekdays = plan.workforce.unit_by_name[unit.unit].weekdays
    holidays = plan.period.holidays
    absences = plan.workforce.absences_of
    codes = CODES[lang]
    grid = formats.grid
    after = GRID_COLUMNS + len(plan.period.dates)
    row = GRID_ROW
    for person in plan.workforce.members[unit.unit]:
        _person_cells(sheet, formats, row, person)
        for column, day in enumerate(plan.period.dates, GRID_COLUMNS):
            absence = next(
                (a for a in absences.get(person.nip, ()) if a.covers(day)),
                None,
            )
            look = formats.no_roster
            if Weekday.of(day) not in weekdays:
                code, look = codes[DayMode.OFF], grid[DayMode.OFF]
            elif day in holidays:
                code, look = codes[DayMode.HOLIDAY], grid[DayMode.HOLIDAY]
            elif absence is not None:
                code = f"{codes[DayMode.ABSENT]}-{absence.label}"
                look = grid[DayMode.ABSENT]
            else:
                code = NO_ROSTER_CODE
            sheet.write_string(row, column, code, look)
        for offset in range(5):
            sheet.write_string(row, after + offset, "-", formats.centre)
        row += 1
    return row


def _day_totals(
    sheet: Worksheet,
    formats: _Formats,
    plan: Plan,
    unit: UnitPlan,
    row: int,
    lang: str,
) -> int:
    """Per day: on site, required, present, margin (zero marked), desks.

    The desk row is there only when the unit has a desk capacity.
    """
    keys = ["onsite", "required", "present", "margin"]
    if plan.workforce.unit_by_name[unit.unit].desk_capacity is not None:
        keys.append("desks")
    # The figures are the coverage's fields; the desks its capacity.
    fields = {"desks": "capacity"}
    coverage = {c.date: c for c in unit.coverage}
    days = [
        (column, coverage[day])
        for column, day in enumerate(plan.period.dates, GRID_COLUMNS)
        if day in coverage
    ]
    for key in keys:
        sheet.write_string(row, 1, _t(lang, DAY_ROWS[key]), formats.bold)
        for column, cover in days:
            look = formats.centre
            if key == "margin" and cover.margin <= 0:
                look = formats.zero_margin
            value = getattr(cover, fields.get(key, key))
            sheet.write(row, column, value, look)
        row += 1
    return row


def _legend(
    sheet: Worksheet, formats: _Formats, row: int, lang: str, planned: bool
) -> None:
    """What each code and fill means."""
    sheet.write_string(row, 1, _t(lang, LEGEND), formats.bold)
    entries = [
        (CODES[lang][mode], formats.grid[mode], _t(lang, MODE_NAMES[mode]))
        for mode in DayMode
    ]
    if not planned:
        entries.append(
            (
                NO_ROSTER_CODE,
                formats.no_roster,
                _t(lang, ("hari kerja tanpa jadwal", "no roster")),
            )
        )
    for offset, (code, look, words) in enumerate(entries, start=1):
        sheet.write_string(row + offset, 1, code, look)
        sheet.write_string(row + offset, 2, words)
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
        sheet.write_string(row + offset, 1, note)


def _eligibility(
    sheet: Worksheet, formats: _Formats, plan: Plan, lang: str
) -> None:
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
    sheet.set_row(0, 4 * LINE_HEIGHT)
    _header(sheet, formats, 0, headers)
    yes, no = _t(lang, ("Ya", "Yes")), _t(lang, ("Tidak", "No"))
    nip = formats(TEXT)
    row = 0
    for row, person in enumerate(plan.workforce.employees, start=1):
        result = plan.eligibility[person.nip]
        sheet.write_string(row, 0, person.nip, nip)
        values = [
            person.name,
            person.unit,
            yes if result.eligible else no,
            # Blank rather than empty text: no cell is written at all.
            *("X" if r in result.reasons else None for r in reasons),
        ]
        sheet.write_row(row, 1, values)
        explained = " ".join(result.explain(lang))
        sheet.write_string(row, len(headers) - 1, explained, formats.wrap)

    _widths(sheet, [20, 28, 30, 8, *([11] * len(reasons)), 60])
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, row, len(headers) - 1)
    name = _t(lang, SHEETS["eligibility"])
    _print_setup(sheet, f"{name} - {_period(plan, lang)}", (0, 0))


def _notes(sheet: Worksheet, formats: _Formats, plan: Plan, lang: str) -> None:
    """Every penalty paid and every unplanned unit's explanation."""
    _header(
        sheet,
        formats,
        0,
        [
            "Unit",
            _t(lang, ("Jenis", "Kind")),
            _t(lang, ("Biaya (poin)", "Cost (points)")),
            _t(lang, ("Catatan", "Note")),
        ],
    )
    rows = _note_rows(plan, lang)
    for row, (unit, kind, cost, note) in enumerate(rows, start=1):
        sheet.write_row(row, 0, (unit, kind, cost))
        sheet.write_string(row, 3, note, formats.wrap)
    _widths(sheet, [30, 20, 10, 90])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(1, len(rows)), 3)
    name = _t(lang, SHEETS["notes"])
    _print_setup(sheet, f"{name} - {_period(plan, lang)}", (0, 0))


def _note_rows(
    plan: Plan, lang: str
) -> list[tuple[str, str | None, float | None, str]]:
    """Unit, kind, cost and sentence of every note, unit by unit."""
    names = {p.nip: p.name for p in plan.workforce.employees}
    infeasible = kind_name("infeasible", lang)
    rows: list[tuple[str, str | None, float | None, str]] = []
    for unit in plan.units:
        for finding in unit.findings:
            rows.append(
                (unit.unit, infeasible, None, finding_sentence(finding, lang))
            )
        if unit.conflicts:
            lead = _t(
                lang,
                (
                    "Aturan berikut tidak dapat dipenuhi bersamaan:",
                    "These rules cannot all hold together:",
                ),
            )
            rows.append((unit.unit, infeasible, None, lead))
            for info in unit.conflicts:
                sentence = conflict_sentence(info, lang, names)
                rows.append((unit.unit, None, None, "- " + sentence))
        if unit.status is UnitStatus.UNKNOWN:
            rows.append(
                (
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
                )
            )
        for penalty in sorted(unit.penalties, key=lambda p: -p.cost):
            rows.append(
                (
                    unit.unit,
                    kind_name(penalty.info.kind, lang),
                    penalty.cost,
                    penalty_sentence(penalty, lang, names),
                )
            )
    return rows


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
    formats: _Formats,
    plan: Plan,
    lang: str,
    files: dict[str, Path | None],
) -> None:
    """The effective policy, the period, holidays, versions and inputs."""
    _header(
        sheet,
        formats,
        0,
        [
            _t(lang, ("Parameter", "Key")),
            _t(lang, ("Nilai", "Value")),
            _t(lang, ("Satuan", "Unit")),
            _t(lang, ("Sumber", "Source")),
            _t(lang, ("Arti", "Meaning")),
        ],
    )
    rows: list[list[object]] = []
    policy = plan.policy
    for key, info in KEYS.items():
        rows.append(
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
                rows.append(
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
    for row, values in enumerate(rows, start=1):
        sheet.write_row(row, 0, values)

    # A blank row before the facts and before the holidays.
    label = _facts(sheet, formats, len(rows) + 2, plan, lang, files) + 1
    holidays = _t(lang, ("Hari libur", "Holidays"))
    sheet.write_string(label, 0, holidays, formats.bold)
    day = formats({"num_format": _date_format(lang, "dddd dd-mm-yyyy")})
    for row, (date, name) in enumerate(
        plan.period.holidays.items(), start=label + 1
    ):
        sheet.write_datetime(row, 0, date, day)
        sheet.write_string(row, 1, name)
    _widths(sheet, [34, 40, 12, 26, 70])
    sheet.freeze_panes(1, 0)
    title = _t(lang, SHEETS["parameters"])
    _print_setup(sheet, f"{title} - {_period(plan, lang)}", (0, 0))


def _facts(
    sheet: Worksheet,
    formats: _Formats,
    first: int,
    plan: Plan,
    lang: str,
    files: dict[str, Path | None],
) -> int:
    """Period, versions, run time, when made, and the files read, from
    row ``first`` on; the next free row."""
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
    made_format = formats(
        {"num_format": _date_format(lang, "dddd dd-mm-yyyy hh:mm:ss")}, LEFT
    )
    for row, (label, fact, unit) in enumerate(facts, start=first):
        sheet.write_string(row, 0, label)
        if isinstance(fact, dt.datetime):
            sheet.write_datetime(row, 1, fact, made_format)
        else:
            sheet.write(row, 1, fact)
        sheet.write(row, 2, unit)
    return first + len(facts)


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
