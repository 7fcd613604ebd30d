"""Writing a scenario comparison: a workbook with charts, and CSV."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models import KEYS
from planner.eligibility import Reason
from planner.export import sheet_names
from planner.files import atomic_path
from planner.simulate import ScenarioResult, UnitFigures, gini

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


def _t(lang: str, pair: tuple[str, str]) -> str:
    return pair[1] if lang == "en" else pair[0]


SHARE, WISHES, SAVINGS = 6, 8, 12
"""Positions in :func:`_columns` of the figures with a number format."""
FORMATS = {SHARE: "0.0 %", WISHES: "0 %", SAVINGS: "#,##0"}


def _columns(lang: str) -> list[tuple[str, Any]]:
    """Header and value of every per-unit figure, in order."""
    return [
        ("Unit", lambda f: f.unit),
        (_t(lang, ("Pegawai (orang)", "People")), lambda f: f.people),
        (
            _t(lang, ("Layak (orang)", "Eligible (people)")),
            lambda f: f.eligible,
        ),
        (
            _t(lang, ("Hari-orang hadir", "Present person-days")),
            lambda f: f.present_person_days,
        ),
        (
            _t(lang, ("Hari fleksibel diberikan", "Flexible days granted")),
            lambda f: f.flexible_days,
        ),
        (
            _t(lang, ("Hari fleksibel diminta", "Flexible days requested")),
            lambda f: f.requested_days,
        ),
        (
            _t(lang, ("Fleksibel (% hari-orang)", "Flexible (% person-days)")),
            lambda f: f.flexible_share,
        ),
        (
            _t(lang, ("Selisih terkecil (orang)", "Smallest margin (people)")),
            lambda f: f.min_margin,
        ),
        (
            _t(lang, ("Keinginan dipenuhi (%)", "Wishes met (%)")),
            lambda f: f.wishes_met / f.wishes if f.wishes else None,
        ),
        (
            _t(
                lang,
                ("Fleksibel min (hari/orang)", "Flexible min (days/person)"),
            ),
            lambda f: min(f.flexible_per_person, default=None),
        ),
        (
            _t(
                lang,
                ("Fleksibel maks (hari/orang)", "Flexible max (days/person)"),
            ),
            lambda f: max(f.flexible_per_person, default=None),
        ),
        (
            _t(lang, ("Gini hari fleksibel", "Gini of flexible days")),
            lambda f: round(gini(f.flexible_per_person), 3),
        ),
        (
            _t(lang, ("Penghematan (Rp)", "Savings (Rp)")),
            lambda f: f.savings,
        ),
        ("Status", lambda f: f.status),
        *(
            (
                _t(lang, ("Tidak layak: ", "Ineligible: "))
                + reason.label(lang),
                lambda f, r=reason: f.reasons.get(r, 0),
            )
            for reason in Reason
        ),
        (
            _t(lang, ("Penjelasan", "Explanation")),
            lambda f: " ".join(f.explanation),
        ),
    ]


def write_comparison(
    results: Sequence[ScenarioResult], path: Path, lang: str = "id"
) -> None:
    """Write the comparison workbook: summary, charts, one sheet each."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = _t(lang, ("Perbandingan", "Comparison"))
    _summary(summary, results, lang)
    _onsite(
        book.create_sheet(_t(lang, ("Di Kantor per Hari", "On Site per Day"))),
        results,
        lang,
    )

    names = sheet_names((r.scenario.name for r in results), lang)
    for result in results:
        _scenario_sheet(
            book.create_sheet(names[result.scenario.name]), result, lang
        )
    _definitions(
        book.create_sheet(_t(lang, ("Definisi Skenario", "Scenarios"))),
        results,
        lang,
    )
    with atomic_path(path) as temporary:
        book.save(temporary)


def _header(sheet: Worksheet, row: int, values: Sequence[Any]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row, column, value)
        cell.font = BOLD
        cell.fill = HEADER_FILL


def _summary(
    sheet: Worksheet, results: Sequence[ScenarioResult], lang: str
) -> None:
    """Scenarios side by side: one column each, figures as rows."""
    totals = [r.total() for r in results]
    sheet["A1"] = _t(
        lang, ("Perbandingan skenario kebijakan", "Policy scenario comparison")
    )
    sheet["A1"].font = Font(bold=True, size=14)
    _header(
        sheet,
        3,
        [_t(lang, ("Ukuran", "Figure")), *(r.scenario.name for r in results)],
    )
    columns = _columns(lang)[1:-1]
    for offset, (label, value) in enumerate(columns, start=4):
        sheet.cell(offset, 1, label).font = BOLD
        for index, total in enumerate(totals, start=2):
            sheet.cell(offset, index, value(total))
    extra = len(columns) + 4
    counts = [
        (_t(lang, ("Unit optimal", "Units optimal")), "optimal"),
        (
            _t(lang, ("Unit layak (belum terbukti)", "Units feasible")),
            "feasible",
        ),
        (_t(lang, ("Unit tidak mungkin", "Units infeasible")), "infeasible"),
    ]
    for offset, (label, status) in enumerate(counts):
        sheet.cell(extra + offset, 1, label).font = BOLD
        for index, result in enumerate(results, start=2):
            sheet.cell(extra + offset, index, result.count(status))
    # Row 4 holds column 1 of _columns, so column c sits on row c + 3.
    for position, style in FORMATS.items():
        for index in range(2, len(results) + 2):
            sheet.cell(position + 3, index).number_format = style
    sheet.column_dimensions["A"].width = 36
    for index in range(2, len(results) + 2):
        sheet.column_dimensions[get_column_letter(index)].width = 16
    sheet.freeze_panes = "B4"

    # Flexible share per scenario: the row of that figure.
    chart = BarChart()
    chart.title = _t(
        lang, ("Bagian hari-orang fleksibel", "Flexible share of person-days")
    )
    chart.y_axis.title = "%"
    chart.y_axis.numFmt = "0%"
    data = Reference(
        sheet, min_col=1, max_col=len(results) + 1, min_row=10, max_row=10
    )
    chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(
        Reference(
            sheet, min_col=2, max_col=len(results) + 1, min_row=3, max_row=3
        )
    )
    chart.height, chart.width = 8, 18
    sheet.add_chart(chart, f"A{extra + 5}")


def _onsite(
    sheet: Worksheet, results: Sequence[ScenarioResult], lang: str
) -> None:
    """The province's on-site head count per day, a line per scenario."""
    totals = [r.total() for r in results]
    dates = sorted({d for t in totals for d in t.onsite})
    _header(
        sheet,
        1,
        [_t(lang, ("Tanggal", "Date")), *(r.scenario.name for r in results)],
    )
    for row, day in enumerate(dates, start=2):
        sheet.cell(row, 1, day).number_format = "ddd dd-mm-yyyy"
        for index, total in enumerate(totals, start=2):
            sheet.cell(row, index, total.onsite.get(day, 0))
    sheet.column_dimensions["A"].width = 18
    if not dates:
        return
    chart = LineChart()
    chart.title = _t(
        lang, ("Orang di kantor per hari", "People on site per day")
    )
    chart.y_axis.title = _t(lang, ("orang", "people"))
    data = Reference(
        sheet,
        min_col=2,
        max_col=len(results) + 1,
        min_row=1,
        max_row=len(dates) + 1,
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(
        Reference(sheet, min_col=1, min_row=2, max_row=len(dates) + 1)
    )
    chart.height, chart.width = 9, 20
    sheet.add_chart(chart, f"{get_column_letter(len(results) + 3)}2")


def _scenario_sheet(
    sheet: Worksheet, result: ScenarioResult, lang: str
) -> None:
    """Per-agency figures of one scenario, with a total row."""
    columns = _columns(lang)
    _header(sheet, 1, [label for label, _ in columns])
    for figures in [*result.units, result.total()]:
        sheet.append([value(figures) for _, value in columns])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for row in sheet.iter_rows(min_row=2):
        for position, style in FORMATS.items():
            row[position].number_format = style
    sheet.column_dimensions["A"].width = 40
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = (
        f"A1:{get_column_letter(len(columns))}{sheet.max_row - 1}"
    )


def _definitions(
    sheet: Worksheet, results: Sequence[ScenarioResult], lang: str
) -> None:
    """What each scenario sets: preset, overrides and costs."""
    _header(
        sheet,
        1,
        [
            _t(lang, ("Skenario", "Scenario")),
            "preset",
            _t(lang, ("Parameter", "Key")),
            _t(lang, ("Nilai", "Value")),
            _t(lang, ("Satuan", "Unit")),
        ],
    )
    for result in results:
        scenario = result.scenario
        sheet.append([scenario.name, scenario.preset])
        for key, value in scenario.overrides.items():
            sheet.append(
                [scenario.name, None, key, _text(value), KEYS[key].unit]
            )
        for key, value in vars(scenario.costs).items():
            sheet.append([scenario.name, None, key, value, "Rp/hari-orang"])
    for letter, width in zip("ABCDE", (24, 16, 30, 24, 14), strict=True):
        sheet.column_dimensions[letter].width = width


def _text(value: Any) -> Any:
    if isinstance(value, frozenset | set | tuple | list):
        return ", ".join(str(v) for v in sorted(value))
    return value


def write_comparison_csv(
    results: Sequence[ScenarioResult], path: Path
) -> None:
    """One row per scenario and unit; the first columns are fixed."""
    extra = (
        "requested_flexible_days",
        "flexible_share_pct",
        "min_margin_people",
        "min_margin_date",
        "wishes_met_pct",
        "flexible_days_min",
        "flexible_days_max",
        "flexible_days_gini",
        "savings_rp",
        *(f"ineligible_{reason.value}" for reason in Reason),
    )
    with (
        atomic_path(path) as temporary,
        temporary.open("w", newline="", encoding="utf-8") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow([*CSV_HEAD, *extra])
        for result in results:
            for figures in result.units:
                writer.writerow(_csv_row(figures))


def _csv_row(f: UnitFigures) -> list[Any]:
    return [
        f.scenario,
        f.unit,
        f.people,
        f.eligible,
        f.present_person_days,
        f.flexible_days,
        f.status,
        f.requested_days,
        round(100 * f.flexible_share, 2),
        f.min_margin,
        f.min_margin_date.isoformat() if f.min_margin_date else "",
        round(100 * f.wishes_met / f.wishes, 1) if f.wishes else "",
        min(f.flexible_per_person, default=""),
        max(f.flexible_per_person, default=""),
        round(gini(f.flexible_per_person), 4),
        f.savings,
        *(f.reasons.get(reason, 0) for reason in Reason),
    ]
