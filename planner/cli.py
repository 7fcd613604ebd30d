"""The ``mkd`` command line: parse, call the library, print a summary."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from models import KEYS
from planner.check import CheckReport, check
from planner.files import check_output
from planner.policy import presets
from planner.problems import InputError, Problem, Severity
from planner.template import write_template

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="MKD Planner: rosters for flexible working (Mekanisme Kerja "
    "Dinamis).",
)
console = Console()
errors = Console(stderr=True)


class Lang(StrEnum):
    """Languages of messages and workbooks."""

    id = "id"
    en = "en"


LangOption = Annotated[
    Lang, typer.Option("--lang", help="Bahasa / language: id or en.")
]
PolicyOption = Annotated[
    str | None,
    typer.Option(
        "--policy",
        help="Preset name (see 'mkd policies') or a TOML policy file.",
    ),
]


def _t(lang: Lang, indonesian: str, english: str) -> str:
    """Pick the text of the user's language."""
    return english if lang is Lang.en else indonesian


def report_problems(
    problems: tuple[Problem, ...] | list[Problem], lang: Lang
) -> None:
    """Print problems, errors first, each on its own line."""
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}
    for problem in sorted(problems, key=lambda p: order[p.severity]):
        style = {
            Severity.ERROR: "red",
            Severity.WARNING: "yellow",
            Severity.NOTICE: "dim",
        }[problem.severity]
        errors.print(problem.render(lang.value), style=style, markup=False)


def fail(error: InputError, lang: Lang) -> typer.Exit:
    """Print an input error's problems and return the exit for code 1."""
    report_problems(error.problems, lang)
    count = sum(p.severity is Severity.ERROR for p in error.problems)
    errors.print(
        _t(
            lang,
            f"{count} galat; perbaiki lalu ulangi.",
            f"{count} error(s); fix them and try again.",
        ),
        style="bold red",
    )
    return typer.Exit(1)


@app.command("check")
def check_command(
    workbook: Annotated[
        Path, typer.Argument(help="Input workbook (.xlsx) or CSV folder.")
    ],
    policy: PolicyOption = None,
    lang: LangOption = Lang.id,
) -> None:
    """Validate a workbook and summarise who may work flexibly."""
    try:
        report = check(workbook, policy)
    except InputError as error:
        raise fail(error, lang) from None
    report_problems(report.problems, lang)
    _print_check(report, lang)


def _print_check(report: CheckReport, lang: Lang) -> None:
    """Units, people, eligible people and ineligibility reasons."""
    table = Table(title=_t(lang, "Kelayakan per unit", "Eligibility per unit"))
    table.add_column("Unit")
    table.add_column(_t(lang, "Pegawai (orang)", "People"), justify="right")
    table.add_column(_t(lang, "Layak (orang)", "Eligible"), justify="right")
    table.add_column(_t(lang, "Layak (%)", "Eligible (%)"), justify="right")
    table.add_column(
        _t(lang, "Wajib di kantor (orang/hari)", "On site (people/day)"),
        justify="right",
    )
    for unit in report.units:
        share = 100 * unit.eligible / unit.people if unit.people else 0
        table.add_row(
            unit.unit,
            str(unit.people),
            str(unit.eligible),
            f"{share:.0f} %",
            str(unit.required_onsite),
        )
    console.print(table)

    reasons = Table(
        title=_t(lang, "Alasan tidak layak", "Reasons for ineligibility")
    )
    reasons.add_column(_t(lang, "Alasan", "Reason"))
    reasons.add_column(_t(lang, "Pegawai (orang)", "People"), justify="right")
    for reason, count in report.reasons.most_common():
        reasons.add_row(reason.text(lang.value), str(count))
    if report.reasons:
        console.print(reasons)

    people = len(report.workforce.employees)
    console.print(
        _t(
            lang,
            f"{len(report.units)} unit, {people} pegawai, {report.eligible} "
            f"layak bekerja fleksibel. Kebijakan: "
            f"{report.policy.source_of('max_flexible_days_per_week')}. "
            "Workbook dapat dipakai.",
            f"{len(report.units)} units, {people} people, {report.eligible} "
            "eligible for flexible work. Policy: "
            f"{report.policy.source_of('max_flexible_days_per_week')}. "
            "The workbook is usable.",
        )
    )


@app.command("template")
def template_command(
    out: Annotated[Path, typer.Argument(help="The workbook to write.")],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing file.")
    ] = False,
    lang: LangOption = Lang.id,
) -> None:
    """Write an empty input workbook with instructions and examples."""
    try:
        check_output(out, force)
    except InputError as error:
        raise fail(error, lang) from None
    write_template(out, lang.value)
    console.print(
        _t(lang, f"Templat ditulis: {out}", f"Template written: {out}")
    )


@app.command("policies")
def policies_command(
    keys: Annotated[
        bool, typer.Option("--keys", help="List every policy key too.")
    ] = False,
    lang: LangOption = Lang.id,
) -> None:
    """List the shipped policy presets with their essence."""
    table = Table(title=_t(lang, "Preset kebijakan", "Policy presets"))
    table.add_column(_t(lang, "Nama", "Name"))
    table.add_column(_t(lang, "Aturan", "Rule set"))
    table.add_column(_t(lang, "Inti", "Essence"))
    for preset in presets().values():
        table.add_row(
            preset.name, preset.title[lang.value], preset.essence[lang.value]
        )
    console.print(table)
    if not keys:
        return

    listing = Table(title=_t(lang, "Parameter", "Policy keys"))
    listing.add_column(_t(lang, "Parameter", "Key"))
    listing.add_column(_t(lang, "Satuan", "Unit"))
    listing.add_column(_t(lang, "Arti", "Meaning"))
    for key, info in KEYS.items():
        listing.add_row(
            key, info.unit, info.en if lang is Lang.en else info.id
        )
    console.print(listing)


def main() -> None:
    """Run the command line; no traceback reaches the user for bad input."""
    try:
        app()
    except KeyboardInterrupt:
        errors.print("Dibatalkan / cancelled.")
        sys.exit(130)
