"""Writing plans: the roster workbook that unit heads circulate, and CSV.

The workbook is in Indonesian by default (English with ``lang="en"``):
a summary, one sheet per unit with the roster grid, everyone's
eligibility, notes that explain every penalty and conflict, and the
parameters that produced it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

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
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from models import KEYS, Weekday, format_date
from planner.eligibility import Reason
from planner.files import atomic_path
from planner.result import DayMode, Plan, UnitPlan, UnitStatus
from planner.sentences import (
    conflict_sentence,
    finding_sentence,
    penalty_sentence,
)

# Codes per mode and language; the fills are a blue/orange palette that
# stays apart for colour-blind readers, and the code is always written.
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
FILLS = {
    DayMode.OFFICE: "9DC3E6",
    DayMode.FLEXIBLE: "F4B183",
    DayMode.SPLIT: "FFE699",
    DayMode.ABSENT: "D9D9D9",
    DayMode.HOLIDAY: "A6A6A6",
    DayMode.OFF: "FFFFFF",
}
MODE_NAMES = {
    DayMode.OFFICE: ("kantor", "office"),
    DayMode.FLEXIBLE: ("fleksibel", "flexible"),
    DayMode.SPLIT: ("sebagian (kantor dan fleksibel)", "split"),
    DayMode.ABSENT: ("cuti / tidak hadir", "absent"),
    DayMode.HOLIDAY: ("libur", "holiday"),
    DayMode.OFF: ("bukan hari kerja", "not a working day"),
}
STATUS_NAMES = {
    UnitStatus.OPTIMAL: ("optimal (terbukti)", "proven optimal"),
    UnitStatus.FEASIBLE: ("layak, selisih {gap}", "best found, gap {gap}"),
    UnitStatus.INFEASIBLE: ("tidak mungkin", "infeasible"),
    UnitStatus.UNKNOWN: ("belum ditemukan", "none found in time"),
}
SHEETS = {
    "summary": ("Ringkasan", "Summary"),
    "eligibility": ("Kelayakan", "Eligibility"),
    "notes": ("Catatan", "Notes"),
    "parameters": ("Parameter", "Parameters"),
}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
ZERO_MARGIN_FILL = PatternFill("solid", fgColor="FFC7CE")
BOLD = Font(bold=True)
THIN = Side(style="thin", color="BFBFBF")
GRID_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center")
GRID_COLUMNS = 5  # NIP, name, position, sub unit, team
# Named styles: a cell takes a registered style by name, which costs a
# fraction of setting fill, border and alignment objects cell by cell
# (openpyxl hashes each one), the bulk of writing a province roster.
HEADER_STYLE = "MKD header"
CENTRE_STYLE = "MKD centre"
ZERO_MARGIN_STYLE = "MKD zero margin"
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _t(lang: str, pair: tuple[str, str]) -> str:
    """The text of a language from an (Indonesian, English) pair."""
    return pair[1] if lang == "en" else pair[0]


def sheet_names(units: Iterable[str], lang: str) -> dict[str, str]:
    """A valid, unique Excel sheet name for every unit.

    Excel allows 31 characters and none of ``[]:*?/\\``, no apostrophe
    at either end, and reserves ``History``; names are compared without
    case, and may not clash with the fixed sheets.
    """
    taken = {_t(lang, pair).casefold() for pair in SHEETS.values()}
    taken.add("history")
    names = {}
    for unit in units:
        base = _FORBIDDEN.sub("-", unit).strip("' ") or "Unit"
        # Cutting may leave an apostrophe or a space at the end.
        name = base[:31].rstrip("' ")
        number = 2
        while name.casefold() in taken:
            suffix = f" ({number})"
            name = base[: 31 - len(suffix)].rstrip("' ") + suffix
            number += 1
        taken.add(name.casefold())
        names[unit] = name
    return names


def write_roster(
    plan: Plan,
    path: Path,
    lang: str = "id",
    source: Path | None = None,
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
    """
    book = Workbook()
    _register_styles(book)
    summary = book.active
    assert summary is not None
    summary.title = _t(lang, SHEETS["summary"])
    _summary(summary, plan, lang)

    names = sheet_names((u.unit for u in plan.units), lang)
    for unit in plan.units:
        _unit_sheet(book.create_sheet(names[unit.unit]), plan, unit, lang)
    _eligibility(
        book.create_sheet(_t(lang, SHEETS["eligibility"])), plan, lang
    )
    _notes(book.create_sheet(_t(lang, SHEETS["notes"])), plan, lang)
    _parameters(
        book.create_sheet(_t(lang, SHEETS["parameters"])), plan, lang, source
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
    for mode, colour in FILLS.items():
        style = NamedStyle(mode_style(mode))
        style.fill = PatternFill("solid", fgColor=colour)
        style.alignment = CENTRE
        style.border = GRID_BORDER
        book.add_named_style(style)
    header = NamedStyle(HEADER_STYLE)
    header.font = BOLD
    header.fill = HEADER_FILL
    header.alignment = Alignment(wrap_text=True, vertical="center")
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


def _print_setup(sheet: Worksheet, title: str, repeat_rows: str) -> None:
    """Landscape, one page wide, header rows repeated, a page header."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = repeat_rows
    # openpyxl always creates the header and footer items.
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None
    header.center.text = title
    footer.right.text = "&P / &N"


def _period(plan: Plan, lang: str) -> str:
    """The planned period as a phrase."""
    start, end = plan.period.start, plan.period.end
    return f"{format_date(start, lang)} - {format_date(end, lang)}"


def _status(unit: UnitPlan, lang: str) -> str:
    """The unit's solver status in words."""
    gap = unit.gap
    text = _t(lang, STATUS_NAMES[unit.status])
    return text.format(gap=f"{100 * (gap or 0):.1f} %")


def _summary(sheet: Worksheet, plan: Plan, lang: str) -> None:
    """One row per unit and a total row."""
    title = _t(lang, ("Jadwal MKD", "MKD roster"))
    sheet["A1"] = f"{title}: {_period(plan, lang)}"
    sheet["A1"].font = Font(bold=True, size=14)
    headers = [
        "Unit",
        _t(lang, ("Pegawai (orang)", "People")),
        _t(lang, ("Layak fleksibel (orang)", "Eligible (people)")),
        _t(lang, ("Hari-orang hadir", "Present person-days")),
        _t(lang, ("Hari fleksibel diminta", "Flexible days requested")),
        _t(lang, ("Hari fleksibel diberikan", "Flexible days granted")),
        _t(lang, ("Fleksibel (% hari-orang)", "Flexible (% person-days)")),
        _t(
            lang,
            ("Selisih cakupan terkecil (orang)", "Smallest margin (people)"),
        ),
        _t(lang, ("Hari selisih terkecil", "Day of smallest margin")),
        _t(lang, ("Keinginan dipenuhi (%)", "Wishes met (%)")),
        _t(lang, ("Status solver", "Solver status")),
        _t(lang, ("Waktu (detik)", "Time (s)")),
    ]
    _header(sheet, 3, headers)
    totals = [0.0] * 6
    row = 4
    for unit in plan.units:
        figures = _unit_figures(plan, unit)
        margin = min(unit.coverage, key=lambda c: c.margin, default=None)
        sheet.append(
            [
                unit.unit,
                *figures[:5],
                figures[4] / figures[2] if figures[2] else 0,
                margin.margin if margin else None,
                margin.date if margin else None,
                unit.wishes_met / unit.wishes if unit.wishes else None,
                _status(unit, lang),
                round(unit.wall_time, 2),
            ]
        )
        totals = [
            a + b
            for a, b in zip(totals, [*figures, unit.wall_time], strict=True)
        ]
        row += 1
    sheet.append(
        [
            "Total",
            *totals[:5],
            totals[4] / totals[2] if totals[2] else 0,
            None,
            None,
            None,
            _t(lang, ("{n} unit tidak mungkin", "{n} infeasible")).format(
                n=len(plan.infeasible)
            ),
            round(plan.wall_time, 2),
        ]
    )
    for cell in sheet[row]:
        cell.font = BOLD
    for line in sheet.iter_rows(min_row=4, max_row=row):
        line[6].number_format = "0.0 %"
        line[8].number_format = "ddd dd-mm-yyyy"
        line[9].number_format = "0 %"
    _widths(sheet, [34, 10, 12, 12, 12, 12, 12, 12, 16, 12, 22, 10])
    sheet.freeze_panes = "B4"
    sheet.auto_filter.ref = f"A3:L{row - 1}"
    _print_setup(sheet, f"&[Tab] - {_period(plan, lang)}", "3:3")


def _unit_figures(plan: Plan, unit: UnitPlan) -> list[float]:
    """People, eligible, present person-days, requested and granted."""
    members = plan.workforce.members[unit.unit]
    eligible = sum(plan.eligibility[m.nip].eligible for m in members)
    present = sum(
        1
        for a in unit.assignments
        if a.mode in (DayMode.OFFICE, DayMode.FLEXIBLE, DayMode.SPLIT)
    )
    granted = sum(
        {DayMode.FLEXIBLE: 1.0, DayMode.SPLIT: 0.5}.get(a.mode, 0.0)
        for a in unit.assignments
    )
    return [len(members), eligible, present, unit.requested_days, granted]


def _unit_sheet(
    sheet: Worksheet, plan: Plan, unit: UnitPlan, lang: str
) -> None:
    """The roster grid of one unit with per-person and per-day totals."""
    dates = list(plan.period.dates)
    members = plan.workforce.members[unit.unit]
    sheet["A1"] = f"{unit.unit}: {_period(plan, lang)}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = _t(lang, ("Status", "Status")) + ": " + _status(unit, lang)

    first = GRID_COLUMNS + 1
    after = first + len(dates)
    headers: list[object] = [
        "NIP",
        _t(lang, ("Nama", "Name")),
        _t(lang, ("Jabatan", "Position")),
        _t(lang, ("Sub Unit", "Sub unit")),
        _t(lang, ("Tim", "Team")),
        *dates,
        _t(lang, ("Jam kantor (jam)", "On-site hours (h)")),
        _t(lang, ("Jam kantor wajib (jam)", "Required on-site (h)")),
        _t(lang, ("Hari fleksibel (hari)", "Flexible days")),
        _t(lang, ("Batas fleksibel (hari)", "Flexible cap (days)")),
    ]
    _header(sheet, 4, headers)
    for column, day in enumerate(dates, start=first):
        cell = sheet.cell(4, column)
        cell.number_format = "ddd dd/mm"
        sheet.cell(3, column, Weekday.of(day).label(lang)[:3])

    by_person = defaultdict(list)
    for item in unit.assignments:
        by_person[item.nip].append(item)
    weeks = defaultdict(list)
    for week in unit.weeks:
        weeks[week.nip].append(week)
    codes = CODES[lang]
    styles = {mode: mode_style(mode) for mode in DayMode}

    row = 5
    for person in members:
        sheet.cell(row, 1, person.nip).number_format = "@"
        for column, value in enumerate(
            (person.name, person.position, person.sub_unit, person.team),
            start=2,
        ):
            sheet.cell(row, column, value)
        for column, item in enumerate(by_person[person.nip], start=first):
            code = codes[item.mode]
            if item.mode is DayMode.ABSENT and item.note:
                code = f"{code}-{item.note}"
            sheet.cell(row, column, code).style = styles[item.mode]
        own = weeks[person.nip]
        required = [w.required_office_hours for w in own]
        sheet.cell(row, after, sum(w.office_hours for w in own))
        sheet.cell(
            row,
            after + 1,
            sum(r for r in required if r is not None)
            if any(r is not None for r in required)
            else None,
        )
        sheet.cell(row, after + 2, sum(w.flexible_days for w in own))
        sheet.cell(
            row,
            after + 3,
            sum(w.cap_days for w in own)
            if plan.eligibility[person.nip].eligible
            else 0,
        )
        row += 1

    last = row - 1
    row = _day_totals(sheet, unit, dates, first, row + 1, lang)
    _legend(sheet, row + 1, lang)
    _widths(
        sheet,
        [20, 28, 22, 18, 12, *([7.5] * len(dates)), 11, 11, 11, 11],
    )
    sheet.freeze_panes = sheet.cell(5, first).coordinate
    sheet.auto_filter.ref = f"A4:{get_column_letter(after + 3)}{max(last, 5)}"
    _print_setup(sheet, f"{unit.unit} - {_period(plan, lang)}", "3:4")


def _day_totals(
    sheet: Worksheet,
    unit: UnitPlan,
    dates: list[dt.date],
    first: int,
    row: int,
    lang: str,
) -> int:
    """Per day: on site, required, present, desks; zero margins marked."""
    labels = [
        _t(lang, ("Di kantor (orang)", "On site (people)")),
        _t(lang, ("Wajib di kantor (orang)", "Required on site (people)")),
        _t(lang, ("Hadir (orang)", "Present (people)")),
        _t(lang, ("Selisih (orang)", "Margin (people)")),
        _t(lang, ("Kapasitas meja (orang)", "Desk capacity (people)")),
    ]
    coverage = {c.date: c for c in unit.coverage}
    for offset, label in enumerate(labels):
        sheet.cell(row + offset, 2, label).font = BOLD
    for column, day in enumerate(dates, start=first):
        day_cover = coverage.get(day)
        if day_cover is None:
            continue
        values = (
            day_cover.onsite,
            day_cover.required,
            day_cover.present,
            day_cover.margin,
            day_cover.capacity,
        )
        for offset, value in enumerate(values):
            sheet.cell(row + offset, column, value).style = CENTRE_STYLE
        if day_cover.margin == 0:
            sheet.cell(row + 3, column).style = ZERO_MARGIN_STYLE
    return row + len(labels)


def _legend(sheet: Worksheet, row: int, lang: str) -> None:
    """What each code and fill means."""
    sheet.cell(row, 2, _t(lang, ("Keterangan", "Legend"))).font = BOLD
    for offset, mode in enumerate(DayMode, start=1):
        sheet.cell(row + offset, 2, CODES[lang][mode]).style = mode_style(mode)
        sheet.cell(row + offset, 3, _t(lang, MODE_NAMES[mode]))
    note = _t(
        lang,
        (
            "Selisih 0 (merah, tebal): tepat sebanyak minimal di kantor.",
            "Margin 0 (red, bold): exactly the minimum on site.",
        ),
    )
    sheet.cell(row + len(DayMode) + 1, 2, note)


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
    yes, no = _t(lang, ("Ya", "Yes")), _t(lang, ("Tidak", "No"))
    for person in plan.workforce.employees:
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
    for cell in sheet["A"][1:]:
        cell.number_format = "@"
    _widths(sheet, [20, 28, 30, 8, *([11] * len(reasons)), 60])
    sheet.freeze_panes = "C2"
    last = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A1:{last}{sheet.max_row}"
    _print_setup(sheet, _t(lang, SHEETS["eligibility"]), "1:1")


def _notes(sheet: Worksheet, plan: Plan, lang: str) -> None:
    """Every penalty paid and every infeasible unit's explanation."""
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
    for unit in plan.units:
        for finding in unit.findings:
            sheet.append(
                [
                    unit.unit,
                    _t(lang, ("tidak mungkin", "infeasible")),
                    None,
                    finding_sentence(finding, lang),
                ]
            )
        if unit.conflicts:
            lead = _t(
                lang,
                (
                    "Aturan berikut tidak dapat dipenuhi bersamaan:",
                    "These rules cannot all hold together:",
                ),
            )
            sheet.append(
                [
                    unit.unit,
                    _t(lang, ("tidak mungkin", "infeasible")),
                    None,
                    lead,
                ]
            )
            for info in unit.conflicts:
                sheet.append(
                    [
                        unit.unit,
                        None,
                        None,
                        "- " + conflict_sentence(info, lang, names),
                    ]
                )
        for penalty in sorted(unit.penalties, key=lambda p: -p.cost):
            sheet.append(
                [
                    unit.unit,
                    penalty.info.kind,
                    penalty.cost,
                    penalty_sentence(penalty, lang, names),
                ]
            )
    _widths(sheet, [30, 20, 12, 100])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:D{max(2, sheet.max_row)}"
    _print_setup(sheet, _t(lang, SHEETS["notes"]), "1:1")


def _parameters(
    sheet: Worksheet, plan: Plan, lang: str, source: Path | None
) -> None:
    """The effective policy, the period, holidays, versions and input."""
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
                info.unit,
                policy.source_of(key),
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
                        KEYS[key].unit,
                        "unit",
                        _t(
                            lang,
                            ("Nilai unit sendiri.", "The unit's own value."),
                        ),
                    ]
                )
    sheet.append([])
    facts: list[tuple[str, object]] = [
        (_t(lang, ("Periode", "Period")), _period(plan, lang)),
        (_t(lang, ("Minggu", "Weeks")), plan.period.weeks),
        ("mkd-planner", _version("mkd-planner")),
        ("ortools", _version("ortools")),
        (
            _t(lang, ("Waktu proses (detik)", "Run time (s)")),
            round(plan.wall_time, 2),
        ),
        (
            _t(lang, ("Dibuat", "Made")),
            dt.datetime.now().replace(microsecond=0),
        ),
    ]
    if source is not None:
        facts += [
            (_t(lang, ("Berkas masukan", "Input file")), source.name),
            ("SHA-256", _sha256(source)),
        ]
    for label, fact in facts:
        sheet.append([label, fact])
    sheet.append([])
    sheet.append([_t(lang, ("Hari libur", "Holidays"))])
    sheet.cell(sheet.max_row, 1).font = BOLD
    for day, name in plan.period.holidays.items():
        sheet.append([day, name])
        sheet.cell(sheet.max_row, 1).number_format = "dddd dd-mm-yyyy"
    _widths(sheet, [34, 40, 12, 24, 70])
    sheet.freeze_panes = "A2"
    _print_setup(sheet, _t(lang, SHEETS["parameters"]), "1:1")


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
