"""Writing a scenario comparison: a workbook with charts, and CSV.

Every figure is described once, in :data:`FIGURES` (its CSV column, its
header in both languages and how to read it off a unit's figures), so
that the summary, the scenario sheets and the CSV say the same thing,
and charts find their rows by a figure's key rather than by position.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models import KEYS, Weekday
from planner.eligibility import Reason
from planner.export import sheet_names
from planner.files import atomic_path
from planner.messages import message
from planner.scenarios import COST_KEYS, Scenario
from planner.simulate import (
    ScenarioResult,
    ScenarioSetup,
    UnitFigures,
    WorkbookOverride,
)

CSV_HEAD = (
    "scenario",
    "unit",
    "people",
    "eligible",
    "present_person_days",
    "flexible_days",
    "status",
)
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")

PERCENT, RUPIAH, DAYS, RATIO, DATE = (
    "0.0 %",
    "#,##0",
    "0.0",
    "0.000",
    "ddd dd-mm-yyyy",
)
"""Excel number formats of the figures."""


def _t(lang: str, pair: tuple[str, str]) -> str:
    return pair[1] if lang == "en" else pair[0]


@dataclass(frozen=True)
class Figure:
    """One figure of a unit or of the province.

    Attributes
    ----------
    key
        Its CSV column and the name charts find it by.
    label
        Its header, Indonesian and English, with its unit.
    value
        How to read it off a unit's figures (``None``: no value).
    style
        Its Excel number format; :data:`PERCENT` marks a share (0-1),
        written as a percentage (0-100) in the CSV.
    summary, units
        Whether it is a row of the summary and a column of the
        scenario sheets.
    """

    key: str
    label: tuple[str, str]
    value: Callable[[UnitFigures], Any]
    style: str | None = None
    summary: bool = True
    units: bool = True


def _rupiah(part: str) -> Callable[[UnitFigures], Any]:
    def value(f: UnitFigures) -> Any:
        return None if f.savings is None else getattr(f.savings, part)

    return value


def _reason(reason: Reason) -> Callable[[UnitFigures], Any]:
    def value(f: UnitFigures) -> Any:
        return f.reasons.get(reason, 0)

    return value


def _peak(index: int) -> Callable[[UnitFigures], Any]:
    def value(f: UnitFigures) -> Any:
        peak = f.onsite_peak
        return None if peak is None else peak[index]

    return value


FIGURES: tuple[Figure, ...] = (
    Figure(
        "people", ("Pegawai (orang)", "Staff (people)"), lambda f: f.people
    ),
    Figure(
        "eligible",
        ("Layak fleksibel (orang)", "Eligible (people)"),
        lambda f: f.eligible,
    ),
    Figure(
        "present_person_days",
        ("Hadir (hari-orang)", "Present (person-days)"),
        lambda f: f.present_person_days,
    ),
    Figure(
        "flexible_days",
        ("Fleksibel diberikan (hari-orang)", "Flexible granted (person-days)"),
        lambda f: f.flexible_days,
        DAYS,
    ),
    Figure(
        "split_days",
        (
            "Di antaranya hari sebagian (hari-orang)",
            "Of which split days (person-days)",
        ),
        lambda f: f.split_days,
    ),
    Figure(
        "requested_flexible_days",
        ("Fleksibel diminta (hari-orang)", "Flexible requested (person-days)"),
        lambda f: f.requested_days,
        DAYS,
    ),
    Figure(
        "flexible_share_pct",
        (
            "Fleksibel (% hari-orang hadir)",
            "Flexible (% of present person-days)",
        ),
        lambda f: f.flexible_share,
        PERCENT,
    ),
    Figure(
        "requested_granted_pct",
        (
            "Permintaan dipenuhi (% hari diminta)",
            "Requests granted (% of days asked)",
        ),
        lambda f: f.requested_granted,
        PERCENT,
    ),
    Figure(
        "onsite_peak_people",
        (
            "Di kantor pada hari tersibuk (orang)",
            "On site on the busiest day (people)",
        ),
        _peak(1),
    ),
    Figure(
        "onsite_peak_date",
        ("Hari tersibuk (tanggal)", "Busiest day (date)"),
        _peak(0),
        DATE,
    ),
    Figure(
        "min_margin_people",
        (
            "Selisih cakupan terkecil (orang)",
            "Smallest coverage margin (people)",
        ),
        lambda f: f.min_margin,
    ),
    Figure(
        "min_margin_date",
        (
            "Hari selisih terkecil (tanggal)",
            "Day of the smallest margin (date)",
        ),
        lambda f: f.min_margin_date,
        DATE,
    ),
    Figure(
        "min_margin_unit",
        ("Unit selisih terkecil", "Unit of the smallest margin"),
        lambda f: f.min_margin_unit,
        units=False,
    ),
    Figure(
        "wishes_met_pct",
        ("Keinginan dipenuhi (%)", "Wishes met (%)"),
        lambda f: f.wishes_share,
        PERCENT,
    ),
    Figure(
        "asking_people",
        (
            "Layak dan meminta fleksibel (orang)",
            "Eligible and asking (people)",
        ),
        lambda f: len(f.askers) if f.planned else None,
    ),
    Figure(
        "flexible_days_min",
        (
            "Fleksibel per peminta: min (hari/orang)",
            "Flexible per asker: min (days/person)",
        ),
        lambda f: f.fewest,
        DAYS,
    ),
    Figure(
        "flexible_days_max",
        (
            "Fleksibel per peminta: maks (hari/orang)",
            "Flexible per asker: max (days/person)",
        ),
        lambda f: f.most,
        DAYS,
    ),
    Figure(
        "flexible_days_gini",
        (
            "Gini hari fleksibel, peminta (0-1)",
            "Gini of flexible days, askers (0-1)",
        ),
        lambda f: f.gini_askers,
        RATIO,
    ),
    Figure(
        "flexible_days_gini_eligible",
        (
            "Gini hari fleksibel, semua yang layak (0-1)",
            "Gini of flexible days, all eligible (0-1)",
        ),
        lambda f: f.gini_eligible,
        RATIO,
    ),
    Figure(
        "savings_commute_rp",
        ("Hemat pegawai: transport (Rp)", "Employees save: commuting (Rp)"),
        _rupiah("commute"),
        RUPIAH,
    ),
    Figure(
        "savings_meal_rp",
        ("Hemat pegawai: makan (Rp)", "Employees save: meals (Rp)"),
        _rupiah("meal"),
        RUPIAH,
    ),
    Figure(
        "savings_office_rp",
        (
            "Hemat instansi: operasional kantor (Rp)",
            "Agency saves: office running (Rp)",
        ),
        _rupiah("office"),
        RUPIAH,
    ),
    Figure(
        "savings_total_rp",
        ("Hemat seluruhnya (Rp)", "Savings in all (Rp)"),
        _rupiah("total"),
        RUPIAH,
    ),
    Figure(
        "min_onsite_share_pct",
        ("Minimal hadir berlaku (%)", "On-site share in force (%)"),
        lambda f: f.share,
        summary=False,
    ),
    Figure(
        "min_onsite_share_source",
        ("Sumber minimal hadir (%)", "Source of the on-site share"),
        lambda f: f.share_source,
        summary=False,
    ),
    Figure(
        "min_onsite_people",
        (
            "Minimal hadir berlaku (orang)",
            "On-site head count in force (people)",
        ),
        lambda f: f.minimum,
        summary=False,
    ),
    Figure(
        "min_onsite_people_source",
        ("Sumber minimal hadir (orang)", "Source of the on-site head count"),
        lambda f: f.minimum_source,
        summary=False,
    ),
    *(
        Figure(
            f"ineligible_{reason.value}",
            (
                f"Tidak layak: {reason.label('id')} (orang)",
                f"Ineligible: {reason.label('en')} (people)",
            ),
            _reason(reason),
        )
        for reason in Reason
    ),
)
BY_KEY = {figure.key: figure for figure in FIGURES}
SOURCE_FIGURES = ("min_onsite_share_source", "min_onsite_people_source")

STATUS_LABELS = {
    "optimal": ("optimal (terbukti)", "optimal (proven)"),
    "feasible": ("layak, belum terbukti optimal", "feasible, not proven"),
    "infeasible": ("tidak mungkin (terbukti)", "infeasible (proven)"),
    "unknown": ("tanpa jadwal: waktu habis", "no roster in time"),
}


def write_comparison(
    results: Sequence[ScenarioResult], path: Path, lang: str = "id"
) -> None:
    """Write the comparison workbook: summary, charts, one sheet each.

    Sheets: the province side by side (with a chart of the flexible
    share), the on-site head count per day (with a line chart), the
    on-site head count per unit and day, one sheet per scenario with
    its per-agency figures, and the scenario definitions.
    """
    fixed = {
        "summary": _t(lang, ("Perbandingan", "Comparison")),
        "days": _t(lang, ("Di Kantor per Hari", "On Site per Day")),
        "units": _t(lang, ("Di Kantor per Unit", "On Site per Unit")),
        "definitions": _t(lang, ("Definisi Skenario", "Scenarios")),
    }
    names = _scenario_sheets(
        [r.scenario.name for r in results], set(fixed.values()), lang
    )
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = fixed["summary"]
    _summary(summary, results, lang)
    _onsite(book.create_sheet(fixed["days"]), results, lang)
    _onsite_units(book.create_sheet(fixed["units"]), results, lang)
    for result in results:
        _scenario_sheet(
            book.create_sheet(names[result.scenario.name]), result, lang
        )
    _definitions(book.create_sheet(fixed["definitions"]), results, lang)
    with atomic_path(path) as temporary:
        book.save(temporary)


def _scenario_sheets(
    scenarios: Sequence[str], fixed: set[str], lang: str
) -> dict[str, str]:
    """A valid sheet name per scenario, none equal to a fixed sheet."""
    taken = {name.casefold() for name in fixed}
    out = {}
    for scenario, name in sheet_names(scenarios, lang).items():
        candidate, number = name, 2
        while candidate.casefold() in taken:
            suffix = f" ({number})"
            candidate = name[: 31 - len(suffix)].rstrip("' ") + suffix
            number += 1
        taken.add(candidate.casefold())
        out[scenario] = candidate
    return out


def _header(sheet: Worksheet, row: int, values: Sequence[Any]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row, column, value)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = WRAP


def summary_rows() -> dict[str, int]:
    """The summary sheet's row of every province figure, by key."""
    keys = [f.key for f in FIGURES if f.summary]
    return {key: row for row, key in enumerate(keys, start=SUMMARY_FIRST)}


SUMMARY_HEADER = 4
SUMMARY_FIRST = SUMMARY_HEADER + 1


def _summary(
    sheet: Worksheet, results: Sequence[ScenarioResult], lang: str
) -> None:
    """Scenarios side by side: one column each, figures as rows."""
    totals = [r.total() for r in results]
    sheet["A1"] = _t(
        lang, ("Perbandingan skenario kebijakan", "Policy scenario comparison")
    )
    sheet["A1"].font = Font(bold=True, size=14)
    if results:
        sheet["A2"] = period_text(results[0].setup, lang)
    _header(
        sheet,
        SUMMARY_HEADER,
        [_t(lang, ("Ukuran", "Figure")), *(r.scenario.name for r in results)],
    )
    rows = summary_rows()
    for key, row in rows.items():
        figure = BY_KEY[key]
        sheet.cell(row, 1, _t(lang, figure.label)).font = BOLD
        for column, total in enumerate(totals, start=2):
            cell = sheet.cell(row, column, figure.value(total))
            if figure.style:
                cell.number_format = figure.style

    row = max(rows.values()) + 1
    for status, pair in STATUS_LABELS.items():
        label = _t(lang, ("Unit ", "Units ")) + _t(lang, pair)
        sheet.cell(row, 1, label).font = BOLD
        for column, result in enumerate(results, start=2):
            sheet.cell(row, column, result.count(status))
        row += 1
    left_out: list[tuple[str, Callable[[ScenarioResult], int]]] = [
        (
            _t(lang, ("Unit tanpa jadwal (unit)", "Units left out (units)")),
            lambda r: len(r.left_out),
        ),
        (
            _t(lang, ("Pegawai di dalamnya (orang)", "Their staff (people)")),
            lambda r: sum(u.people for u in r.left_out),
        ),
    ]
    for label, value in left_out:
        sheet.cell(row, 1, label).font = BOLD
        for column, result in enumerate(results, start=2):
            sheet.cell(row, column, value(result))
        row += 1

    sheet.column_dimensions["A"].width = 44
    for column in range(2, len(results) + 2):
        sheet.column_dimensions[get_column_letter(column)].width = 17
    sheet.freeze_panes = sheet.cell(SUMMARY_FIRST, 2).coordinate

    row += 1
    for line in summary_notes(results, lang):
        sheet.cell(row, 1, line)
        row += 1
    _share_chart(sheet, len(results), lang, f"A{row + 1}")


def _share_chart(sheet: Worksheet, count: int, lang: str, anchor: str) -> None:
    """A bar per scenario: the flexible share of present person-days."""
    if not count:
        return
    row = summary_rows()["flexible_share_pct"]
    chart = BarChart()
    chart.title = _t(lang, BY_KEY["flexible_share_pct"].label)
    chart.y_axis.title = "%"
    chart.y_axis.numFmt = "0%"
    data = Reference(
        sheet, min_col=1, max_col=count + 1, min_row=row, max_row=row
    )
    chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(
        Reference(
            sheet,
            min_col=2,
            max_col=count + 1,
            min_row=SUMMARY_HEADER,
            max_row=SUMMARY_HEADER,
        )
    )
    chart.legend = None
    chart.height, chart.width = 8, 18
    sheet.add_chart(chart, anchor)


def period_text(setup: ScenarioSetup, lang: str) -> str:
    """The planned period, and that the figures are for it."""
    period = setup.data.period
    weeks, end = period.weeks, period.end
    return _t(
        lang,
        (
            f"Periode {period.start.isoformat()} s.d. {end.isoformat()} "
            f"({weeks} minggu): semua hari-orang dan rupiah untuk "
            "periode ini.",
            f"Period {period.start.isoformat()} to {end.isoformat()} "
            f"({weeks} week(s)): every person-day and rupiah is for this "
            "period.",
        ),
    )


def summary_notes(results: Sequence[ScenarioResult], lang: str) -> list[str]:
    """What the analyst must know to read the figures, in sentences."""
    lines = [
        _t(
            lang,
            (
                "Angka jadwal (hari-orang, %, Gini, hemat, di kantor per "
                "hari) dihitung atas unit yang mendapat jadwal saja; "
                "jumlah pegawai, yang layak dan alasan tidak layak atas "
                "semua unit.",
                "Roster figures (person-days, %, Gini, savings, on site "
                "per day) count the units with a roster only; staff, "
                "eligible people and reasons count every unit.",
            ),
        ),
        _t(
            lang,
            (
                "Hemat: pegawai menghemat transport dan makan pada hari "
                "fleksibel penuh; instansi menghemat biaya operasional "
                "kantor (separuh pada hari sebagian). Parameter biaya di "
                "lembar definisi.",
                "Savings: employees save commuting and meals on a whole "
                "flexible day; the agency saves office running costs "
                "(half on a split day). The cost parameters are on the "
                "definitions sheet.",
            ),
        ),
        _t(
            lang,
            (
                "Setiap skenario dijadwalkan dengan pencarian CP-SAT "
                "deterministik: menjalankan ulang memberi angka yang sama "
                "(kecuali bila batas waktu tercapai).",
                "Every scenario is planned with CP-SAT's deterministic "
                "search: a rerun gives the same figures (unless a time "
                "limit is reached).",
            ),
        ),
    ]
    for result in results:
        lines += scenario_notes(result, lang)
    return lines


def override_text(name: str, item: WorkbookOverride, lang: str) -> str:
    """A scenario key the workbook's Kebijakan sheet replaces."""
    return message(
        "scenario_workbook_overrides",
        lang,
        {
            "name": name,
            "key": item.key,
            "scenario_value": value_text(item.key, item.scenario_value, lang),
            "workbook_value": value_text(item.key, item.workbook_value, lang),
        },
    )


def scenario_notes(result: ScenarioResult, lang: str) -> list[str]:
    """Units left out, keys the workbook overrides, equal scenarios."""
    setup = result.setup
    name = setup.scenario.name
    lines = []
    if result.left_out:
        lines.append(left_out_text(result, lang))
    for item in setup.overridden:
        lines.append(override_text(name, item, lang))
    for use in setup.unit_keys:
        if use.own and use.key in setup.scenario.overrides:
            lines.append(unit_key_text(setup, use.key, lang))
    if setup.same_as:
        lines.append(
            message(
                "scenario_same", lang, {"name": name, "other": setup.same_as}
            )
        )
    return lines


def left_out_text(result: ScenarioResult, lang: str) -> str:
    """The units without a roster, how many people, and why."""
    units = result.left_out
    why = []
    for status, words in (
        ("infeasible", ("tidak mungkin", "infeasible")),
        ("unknown", ("waktu habis", "out of time")),
    ):
        count = sum(u.status == status for u in units)
        if count:
            why.append(f"{count} {_t(lang, words)}")
    return message(
        "scenario_left_out",
        lang,
        {
            "name": result.scenario.name,
            "units": len(units),
            "people": sum(u.people for u in units),
            "why": ", ".join(why),
            "which": "; ".join(u.unit for u in units),
        },
    )


def unit_key_text(setup: ScenarioSetup, key: str, lang: str) -> str:
    """How many units a unit-level key of a scenario reaches."""
    use = next(u for u in setup.unit_keys if u.key == key)
    return message(
        "scenario_unit_key",
        lang,
        {
            "name": setup.scenario.name,
            "key": key,
            "value": value_text(key, use.value, lang),
            "applies": use.applies,
            "units": use.applies + use.own,
            "own": use.own,
        },
    )


def _onsite(
    sheet: Worksheet, results: Sequence[ScenarioResult], lang: str
) -> None:
    """The province's on-site head count per day, a line per scenario."""
    totals = [r.total() for r in results]
    dates = sorted({d for t in totals for d in t.onsite})
    _header(
        sheet,
        1,
        [
            _t(lang, ("Tanggal", "Date")),
            *(
                f"{r.scenario.name} ({_t(lang, ('orang', 'people'))})"
                for r in results
            ),
        ],
    )
    for row, day in enumerate(dates, start=2):
        sheet.cell(row, 1, day).number_format = DATE
        for column, total in enumerate(totals, start=2):
            if total.planned:
                sheet.cell(row, column, total.onsite.get(day, 0))
    sheet.column_dimensions["A"].width = 18
    for column in range(2, len(results) + 2):
        sheet.column_dimensions[get_column_letter(column)].width = 16
    notes = [left_out_text(r, lang) for r in results if r.left_out]
    for offset, line in enumerate(notes, start=len(dates) + 3):
        sheet.cell(offset, 1, line)
    if dates:
        _onsite_chart(sheet, len(results), len(dates), lang)


def _onsite_chart(sheet: Worksheet, count: int, days: int, lang: str) -> None:
    """A line per scenario over the days of the on-site sheet."""
    chart = LineChart()
    chart.title = _t(
        lang, ("Orang di kantor per hari", "People on site per day")
    )
    chart.y_axis.title = _t(lang, ("orang", "people"))
    data = Reference(
        sheet, min_col=2, max_col=count + 1, min_row=1, max_row=days + 1
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(
        Reference(sheet, min_col=1, min_row=2, max_row=days + 1)
    )
    chart.height, chart.width = 9, 20
    sheet.add_chart(chart, f"{get_column_letter(count + 3)}2")


def _onsite_units(
    sheet: Worksheet, results: Sequence[ScenarioResult], lang: str
) -> None:
    """People on site per unit and day, a row per scenario and unit."""
    dates = sorted({d for r in results for u in r.units for d in u.onsite})
    _header(
        sheet,
        1,
        [
            _t(lang, ("Skenario", "Scenario")),
            "Unit",
            "Status",
            *dates,
        ],
    )
    for column in range(4, len(dates) + 4):
        sheet.cell(1, column).number_format = DATE
    for result in results:
        for unit in result.units:
            sheet.append(
                [
                    result.scenario.name,
                    unit.unit,
                    _t(lang, STATUS_LABELS[unit.status]),
                    *(unit.onsite.get(day) for day in dates),
                ]
            )
    if results:
        sheet.cell(
            sheet.max_row + 2,
            1,
            _t(
                lang,
                (
                    "Angka: orang di kantor (termasuk hari sebagian); "
                    "kosong: unit tanpa jadwal atau bukan hari kerja.",
                    "Figures: people on site (split days included); "
                    "blank: a unit without a roster, or not a working day.",
                ),
            ),
        )
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["C"].width = 22
    for column in range(4, len(dates) + 4):
        sheet.column_dimensions[get_column_letter(column)].width = 15
    sheet.freeze_panes = "D2"


def _scenario_sheet(
    sheet: Worksheet, result: ScenarioResult, lang: str
) -> None:
    """Per-agency figures of one scenario, with a total row."""
    figures = [f for f in FIGURES if f.units]
    _header(
        sheet,
        1,
        [
            "Unit",
            "Status",
            *(_t(lang, f.label) for f in figures),
            _t(lang, ("Penjelasan", "Explanation")),
        ],
    )
    rows = [*result.units, result.total()]
    for unit in rows:
        status = _t(lang, STATUS_LABELS[unit.status]) if unit.status else ""
        sheet.append(
            [
                unit.unit,
                status,
                *(_cell(f, unit, lang) for f in figures),
                " ".join(unit.explanation),
            ]
        )
    for cells in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        for figure, cell in zip(figures, cells[2:], strict=False):
            if figure.style:
                cell.number_format = figure.style
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.row_dimensions[1].height = 60
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 22
    for column in range(3, len(figures) + 3):
        sheet.column_dimensions[get_column_letter(column)].width = 14
    sheet.column_dimensions[get_column_letter(len(figures) + 3)].width = 80
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = (
        f"A1:{get_column_letter(len(figures) + 3)}{sheet.max_row - 1}"
    )
    row = sheet.max_row + 2
    for line in scenario_notes(result, lang):
        sheet.cell(row, 1, line)
        row += 1


def _cell(figure: Figure, unit: UnitFigures, lang: str) -> Any:
    """A figure as the workbook shows it."""
    value = figure.value(unit)
    if figure.key in SOURCE_FIGURES and value is not None:
        return source_text(value, lang)
    return value


def source_text(source: str, lang: str) -> str:
    """Where a unit-level value comes from, in words."""
    if not source:
        return ""
    if source == "unit":
        return _t(lang, ("lembar Unit", "sheet Unit"))
    if source == "workbook":
        return _t(lang, ("lembar Kebijakan", "sheet Kebijakan"))
    if source.startswith("scenario "):
        return _t(lang, ("skenario", "scenario"))
    if source == "default":
        return _t(lang, ("bawaan", "default"))
    return source


def _definitions(
    sheet: Worksheet, results: Sequence[ScenarioResult], lang: str
) -> None:
    """What each scenario sets, and what the workbook does to it."""
    _header(
        sheet,
        1,
        [
            _t(lang, ("Skenario", "Scenario")),
            "Preset",
            _t(lang, ("Parameter", "Key")),
            _t(lang, ("Nilai", "Value")),
            _t(lang, ("Satuan", "Unit")),
            _t(lang, ("Catatan", "Note")),
        ],
    )
    per_day = _t(lang, ("Rp/hari-orang", "Rp/person-day"))
    for result in results:
        setup = result.setup
        scenario = setup.scenario
        sheet.append([scenario.name, scenario.preset])
        for key, value, source in _from_file(scenario):
            sheet.append(
                [
                    scenario.name,
                    None,
                    key,
                    definition_value(key, value, lang),
                    key_unit(key, lang),
                    _t(lang, ("dari berkas ", "from file ")) + source,
                ]
            )
        for key, value in scenario.overrides.items():
            sheet.append(
                [
                    scenario.name,
                    None,
                    key,
                    definition_value(key, value, lang),
                    key_unit(key, lang),
                ]
            )
        for key in COST_KEYS:
            value = getattr(scenario.costs, key)
            sheet.append([scenario.name, None, key, value, per_day])
        for line in _definition_notes(result, lang):
            sheet.append([scenario.name, None, *line])
    for letter, width in zip("ABCDEF", (24, 16, 30, 24, 16, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def _from_file(scenario: Scenario) -> list[tuple[str, Any, str]]:
    """Keys, values and file of a policy file a scenario starts from."""
    if scenario.base is None:
        return []
    return [
        (key, getattr(scenario.base.policy, key), source)
        for key, source in scenario.base.sources.items()
        if not source.startswith("preset ") and key not in scenario.overrides
    ]


def _definition_notes(result: ScenarioResult, lang: str) -> list[list[Any]]:
    """Key, value, unit and note of what the workbook changes."""
    setup = result.setup
    name = setup.scenario.name
    rows: list[list[Any]] = []
    for item in setup.overridden:
        note = override_text(name, item, lang)
        rows.append(
            [
                item.key,
                definition_value(item.key, item.workbook_value, lang),
                key_unit(item.key, lang),
                note,
            ]
        )
    for use in setup.unit_keys:
        rows.append(
            [
                use.key,
                definition_value(use.key, use.value, lang),
                key_unit(use.key, lang),
                unit_key_text(setup, use.key, lang),
            ]
        )
    if setup.same_as:
        rows.append(
            [
                None,
                None,
                None,
                message(
                    "scenario_same",
                    lang,
                    {"name": name, "other": setup.same_as},
                ),
            ]
        )
    return rows


def definition_value(key: str, value: Any, lang: str) -> Any:
    """A policy value for a cell: numbers stay numbers."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return value_text(key, value, lang, unit=False)


def key_unit(key: str, lang: str) -> str:
    """The unit of a policy key in the user's language."""
    info = KEYS[key]
    return info.unit_en if lang == "en" else info.unit


def value_text(key: str, value: Any, lang: str, unit: bool = True) -> str:
    """A policy value as a user writes it, with its unit if asked."""
    if isinstance(value, bool):
        return _t(lang, ("ya", "yes") if value else ("tidak", "no"))
    if value is None:
        return "-"
    if isinstance(value, frozenset | set | tuple | list):
        items = sorted(value)
        text = ", ".join(_item_text(item, lang) for item in items)
        return text or "-"
    text = _item_text(value, lang)
    suffix = key_unit(key, lang) if key in KEYS else ""
    if not unit or suffix in ("", "ya/tidak", "yes/no", "tanggal", "dates"):
        return text
    return f"{text} {suffix}"


def _item_text(item: Any, lang: str) -> str:
    if isinstance(item, Weekday):
        return item.label(lang)
    if isinstance(item, dt.date):
        return item.isoformat()
    if isinstance(item, float):
        return f"{item:g}"
    return str(item)


def write_comparison_csv(
    results: Sequence[ScenarioResult], path: Path
) -> None:
    """One row per scenario and unit; the first columns are fixed.

    After :data:`CSV_HEAD` come the other figures (shares in percent),
    ``explanation`` (why a unit has no roster) and ``onsite_DATE``, the
    people on site on each working day of the period.
    """
    figures = [f for f in FIGURES if f.units and f.key not in CSV_HEAD[2:]]
    dates = sorted({d for r in results for u in r.units for d in u.onsite})
    with (
        atomic_path(path) as temporary,
        temporary.open("w", newline="", encoding="utf-8") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow(
            [
                *CSV_HEAD,
                *(f.key for f in figures),
                "explanation",
                *(f"onsite_{day.isoformat()}" for day in dates),
            ]
        )
        for result in results:
            for unit in result.units:
                writer.writerow(
                    [
                        unit.scenario,
                        unit.unit,
                        unit.people,
                        unit.eligible,
                        _csv(unit.present_person_days),
                        _csv(unit.flexible_days),
                        unit.status,
                        *(_csv_figure(f, unit) for f in figures),
                        " ".join(unit.explanation),
                        *(_csv(unit.onsite.get(day)) for day in dates),
                    ]
                )


def _csv_figure(figure: Figure, unit: UnitFigures) -> Any:
    value = figure.value(unit)
    if value is None:
        return ""
    if figure.key in SOURCE_FIGURES:
        return value.split(" ")[0]
    if figure.style == PERCENT:
        return round(100 * value, 2)
    if figure.style == RATIO:
        return round(value, 4)
    return _csv(value)


def _csv(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
