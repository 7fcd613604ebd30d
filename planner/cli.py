"""The ``mkd`` command line: parse, call the library, print a summary."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.progress import Progress as RichProgress
from rich.table import Table
from rich.text import Text

from models import KEYS, Workforce
from planner.calendar import parse_week
from planner.check import CheckReport, check, load
from planner.compare import (
    period_text,
    scenario_notes,
    write_comparison,
    write_comparison_csv,
)
from planner.export import write_csv, write_roster
from planner.files import check_output
from planner.plan import Progress, SolveOptions, plan_workbook
from planner.policy import presets
from planner.previous import read_roster
from planner.problems import InputError, Problem, Severity
from planner.reading.workforce import read_workforce
from planner.result import Plan, UnitPlan, UnitStatus
from planner.scenarios import Scenario, load_scenarios
from planner.sentences import (
    conflict_sentence,
    finding_sentence,
    penalty_sentence,
)
from planner.simulate import (
    DETERMINISTIC,
    ScenarioResult,
    ScenarioSetup,
    SimulationProgress,
    prepare,
    run,
)
from planner.template import write_template
from planner.verify import Breach, breach_problems, verify_roster

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="MKD Planner: rosters for flexible working (Mekanisme Kerja "
    "Dinamis).",
)
# Sentences stay on one line each, also in a file or a pipe; tables
# still fit the width.
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)


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


WorkbookArgument = Annotated[
    Path, typer.Argument(help="Input workbook (.xlsx) or CSV folder.")
]
WeekOption = Annotated[
    str,
    typer.Option(
        "--week", help="First Monday: 2027-01-04 or ISO week 2027-W01."
    ),
]
WeeksOption = Annotated[
    int, typer.Option("--weeks", min=1, max=26, help="Weeks to plan.")
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite existing outputs.")
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
        # One problem a line, never wrapped: piped into a file or grep,
        # each line must still hold the whole message.
        errors.print(
            problem.render(lang.value),
            style=style,
            markup=False,
            highlight=False,
        )


def fail(error: InputError, lang: Lang) -> typer.Exit:
    """Print an input error's problems and return the exit for code 1."""
    report_problems(error.problems, lang)
    count = sum(p.severity is Severity.ERROR for p in error.problems)
    errors.print(
        _t(
            lang,
            f"{count} galat; perbaiki lalu ulangi.",
            f"{_count(count, 'error', 'errors')}; fix "
            f"{'it' if count == 1 else 'them'} and try again.",
        ),
        style="bold red",
    )
    return typer.Exit(1)


@app.command("check")
def check_command(
    workbook: WorkbookArgument,
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
        reasons.add_row(reason.label(lang.value), str(count))
    if report.reasons:
        console.print(reasons)

    people = len(report.workforce.employees)
    units = len(report.units)
    source = report.policy.source_of("max_flexible_days_per_week")
    console.print(
        _t(
            lang,
            f"{units} unit, {people} pegawai, {report.eligible} layak "
            f"bekerja fleksibel. Kebijakan: {source}. Workbook dapat "
            "dipakai.",
            f"{_count(units, 'unit', 'units')}, "
            f"{_count(people, 'person', 'people')}, {report.eligible} "
            f"eligible for flexible work. Policy: {source}. The workbook "
            "is usable.",
        ),
    )


def _count(number: int, one: str, many: str) -> str:
    """A count with its noun in English: ``1 unit``, ``2 units``."""
    return f"{number} {one if number == 1 else many}"


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
        check_output(out, force, suffix=".xlsx", stem="templat")
        write_template(out, lang.value)
    except InputError as error:
        raise fail(error, lang) from None
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
        english = lang is Lang.en
        listing.add_row(
            key,
            info.unit_en if english else info.unit,
            info.en if english else info.id,
        )
    console.print(listing)


@app.command("plan")
def plan_command(
    workbook: WorkbookArgument,
    week: WeekOption,
    out: Annotated[
        Path,
        typer.Option("-o", "--out", help="Roster workbook to write (.xlsx)."),
    ],
    weeks: WeeksOption = 1,
    policy: PolicyOption = None,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="A previous roster (workbook or CSV written by mkd plan).",
        ),
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option("--time-limit", min=1, help="Seconds for the whole run."),
    ] = None,
    soft_coverage: Annotated[
        bool,
        typer.Option(
            "--soft-coverage",
            help="Return the best roster even when coverage cannot be met.",
        ),
    ] = False,
    force: ForceOption = False,
    solver_log: Annotated[
        bool, typer.Option("--solver-log", help="Show CP-SAT's search log.")
    ] = False,
    lang: LangOption = Lang.id,
) -> None:
    """Plan who works on site and who flexibly, and write the roster."""
    csv_path = out.with_suffix(".csv")
    try:
        start = parse_week(week)
        for target in (out, csv_path):
            check_output(target, force, inputs=[workbook])
        before = None
        if previous is not None:
            before = read_roster(previous)
            if before.errors:
                raise InputError(before.problems)
            workforce, effective, _ = load(workbook, policy)
            breaches = verify_roster(workforce, effective, before, lang.value)
            # A hand edit that breaks a rule is shown, and the new roster
            # is planned by the rules all the same.
            report_problems(
                [
                    *before.problems,
                    *(
                        replace(p, severity=Severity.WARNING)
                        for p in breach_problems(breaches, before.label)
                    ),
                ],
                lang,
            )
        with _progress(lang) as report:
            result = plan_workbook(
                workbook,
                start,
                weeks,
                policy,
                previous=before.modes if before else None,
                options=SolveOptions(time_limit=time_limit, log=solver_log),
                soft_coverage=soft_coverage,
                progress=report,
                lang=lang.value,
            )
    except InputError as error:
        raise fail(error, lang) from None

    try:
        write_roster(
            result, out, lang.value, source=workbook, previous=previous
        )
        write_csv(result, csv_path)
    except InputError as error:
        raise fail(error, lang) from None
    _print_plan(result, lang)
    console.print(
        _t(
            lang,
            f"Ditulis: {out} dan {csv_path}",
            f"Written: {out} and {csv_path}",
        )
    )
    raise typer.Exit(plan_exit_code(result))


def plan_exit_code(result: Plan) -> int:
    """0 when every unit has a roster, 3 infeasible, 4 out of time."""
    if result.infeasible:
        return 3
    if result.timed_out:
        return 4
    return 0


def _bar() -> RichProgress:
    """A progress bar on standard error that vanishes when done."""
    return RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    )


@contextlib.contextmanager
def _progress(lang: Lang) -> Iterator[Progress]:
    """A progress bar over units while they are solved."""
    bar = _bar()
    lock = threading.Lock()
    with bar:
        task = bar.add_task(
            _t(lang, "Menyusun jadwal", "Planning"), total=None
        )

        def report(unit: UnitPlan, done: int, total: int) -> None:
            with lock:
                bar.update(
                    task,
                    completed=done,
                    total=total,
                    description=unit.unit[:40],
                )

        yield report


def _print_plan(result: Plan, lang: Lang) -> None:
    """One line per unit, what went wrong where, and a total."""
    table = Table(title=_t(lang, "Hasil per unit", "Result per unit"))
    # Figures get fixed narrow columns, so that the long unit names take
    # the rest of the terminal; the time per unit is in the workbook.
    table.add_column("Unit")
    table.add_column(_t(lang, "Status", "Status"), no_wrap=True)
    for header in (
        _t(lang, "Pegawai (orang)", "People"),
        _t(lang, "Hari fleks.", "Flex. days"),
        _t(lang, "Hari diminta", "Days asked"),
        _t(lang, "Selisih min. (orang)", "Min. margin (people)"),
    ):
        table.add_column(header, justify="right", width=8)
    for unit in result.units:
        granted = sum(
            {"flexible": 1.0, "split": 0.5}.get(a.mode.value, 0.0)
            for a in unit.assignments
        )
        margin = min((c.margin for c in unit.coverage), default=None)
        table.add_row(
            unit.unit,
            _status_text(unit, lang),
            str(len(result.workforce.members[unit.unit])),
            f"{granted:g}",
            f"{unit.requested_days:g}",
            "-" if margin is None else str(margin),
        )
    console.print(table)

    names = {p.nip: p.name for p in result.workforce.employees}
    for unit in result.infeasible:
        _print_infeasible(unit, lang, names)
    for unit in result.timed_out:
        errors.print(
            _t(
                lang,
                f"Unit {unit.unit}: belum ada jadwal dalam batas waktu; "
                "belum terbukti tidak mungkin. Beri waktu lebih dengan "
                "--time-limit.",
                f"Unit {unit.unit}: no roster found within the time limit; "
                "not proven infeasible. Allow more time with --time-limit.",
            ),
            style="bold yellow",
            markup=False,
        )
    _print_shortfalls(result, lang, names)
    console.print(_totals_line(result, lang))


def _status_text(unit: UnitPlan, lang: Lang) -> str:
    """The status in words, with the gap of a roster not proven optimal."""
    if unit.status is UnitStatus.FEASIBLE:
        gap = f"{100 * (unit.gap or 0):.1f} %"
        return _t(lang, f"layak, celah {gap}", f"feasible, gap {gap}")
    words = {
        UnitStatus.OPTIMAL: ("optimal", "optimal"),
        UnitStatus.INFEASIBLE: ("tidak mungkin", "infeasible"),
        UnitStatus.UNKNOWN: ("waktu habis", "out of time"),
    }
    indonesian, english = words[unit.status]
    return _t(lang, indonesian, english)


def _print_infeasible(
    unit: UnitPlan, lang: Lang, names: dict[str, str]
) -> None:
    """Why a unit has no roster, rule by rule."""
    errors.print(
        _t(
            lang,
            f"Unit {unit.unit} tidak dapat dijadwalkan:",
            f"Unit {unit.unit} cannot be planned:",
        ),
        style="bold red",
        markup=False,
    )
    for finding in unit.findings:
        errors.print(
            "  " + finding_sentence(finding, lang.value), markup=False
        )
    for info in unit.conflicts:
        errors.print(
            "  - " + conflict_sentence(info, lang.value, names),
            markup=False,
        )


# Shortfalls printed per unit; the rest are in the workbook's notes.
SHORTFALL_LINES = 5


def _print_shortfalls(result: Plan, lang: Lang, names: dict[str, str]) -> None:
    """Coverage missed under --soft-coverage, a few lines per unit."""
    for unit in result.units:
        missed = [
            p for p in unit.penalties if p.info.kind in ("coverage", "role")
        ]
        if not missed:
            continue
        errors.print(
            _t(
                lang,
                f"Unit {unit.unit}: {len(missed)} kekurangan cakupan:",
                f"Unit {unit.unit}: {len(missed)} coverage shortfalls:",
            ),
            style="bold yellow",
            markup=False,
        )
        for penalty in missed[:SHORTFALL_LINES]:
            errors.print(
                "  - " + penalty_sentence(penalty, lang.value, names),
                markup=False,
            )
        if len(missed) > SHORTFALL_LINES:
            more = len(missed) - SHORTFALL_LINES
            errors.print(
                _t(
                    lang,
                    f"  ... dan {more} lagi di lembar Catatan.",
                    f"  ... and {more} more in sheet Notes.",
                ),
                markup=False,
            )


def _totals_line(result: Plan, lang: Lang) -> str:
    """Units by status and the run time, in one sentence."""
    count = {
        status: sum(u.status is status for u in result.units)
        for status in UnitStatus
    }
    units = len(result.units)
    return _t(
        lang,
        f"{count[UnitStatus.OPTIMAL]} dari {units} unit optimal "
        f"(terbukti), {count[UnitStatus.FEASIBLE]} layak, "
        f"{count[UnitStatus.INFEASIBLE]} tidak mungkin, "
        f"{count[UnitStatus.UNKNOWN]} tanpa jadwal karena waktu habis; "
        f"{result.wall_time:.1f} detik.",
        f"{count[UnitStatus.OPTIMAL]} of {units} units proven optimal, "
        f"{count[UnitStatus.FEASIBLE]} feasible, "
        f"{count[UnitStatus.INFEASIBLE]} infeasible, "
        f"{count[UnitStatus.UNKNOWN]} without a roster in time; "
        f"{result.wall_time:.1f} s.",
    )


@app.command("verify")
def verify_command(
    workbook: WorkbookArgument,
    roster: Annotated[
        Path,
        typer.Argument(help="Roster written by mkd plan, perhaps edited."),
    ],
    policy: PolicyOption = None,
    lang: LangOption = Lang.id,
) -> None:
    """Check a (hand-edited) roster against the input and the policy."""
    try:
        workforce, effective, _ = load(workbook, policy)
        found = read_roster(roster)
    except InputError as error:
        raise fail(error, lang) from None
    breaches = verify_roster(workforce, effective, found, lang.value)
    report_problems(
        [*found.problems, *breach_problems(breaches, found.label)], lang
    )
    if breaches:
        errors.print(_verdict(breaches, lang), style="bold red")
    if found.errors:
        # Unreadable codes are bad input; the rest was checked all the
        # same, so that every problem shows at once.
        count = len(found.errors)
        errors.print(
            _t(
                lang,
                f"{count} galat; perbaiki lalu ulangi.",
                f"{count} error(s); fix them and try again.",
            ),
            style="bold red",
        )
        raise typer.Exit(1)
    if breaches:
        raise typer.Exit(3)
    console.print(
        _t(
            lang,
            "Jadwal memenuhi semua aturan wajib.",
            "The roster keeps every hard rule.",
        )
    )


def _verdict(breaches: list[Breach], lang: Lang) -> str:
    """How many rules a roster breaks, and how many other findings."""
    rules = sum(b.code == "roster_breach" for b in breaches)
    other = len(breaches) - rules
    return _t(
        lang,
        f"{rules} pelanggaran aturan dan {other} temuan lain (jadwal tidak "
        "lengkap, tanpa jadwal, atau tidak cocok dengan masukan).",
        f"{rules} broken {'rule' if rules == 1 else 'rules'} and {other} "
        f"other {'finding' if other == 1 else 'findings'} (incomplete, "
        "without a roster, or not matching the input).",
    )


@app.command("simulate")
def simulate_command(
    workbook: WorkbookArgument,
    week: WeekOption,
    out: Annotated[
        Path,
        typer.Option("-o", "--out", help="Comparison workbook (.xlsx)."),
    ],
    weeks: WeeksOption = 1,
    scenarios: Annotated[
        Path | None,
        typer.Option(
            "--scenarios",
            help="TOML scenario file; the bundled comparison by default.",
        ),
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option("--time-limit", min=1, help="Seconds for the whole run."),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = Lang.id,
) -> None:
    """Plan the workbook under several policies and compare them."""
    csv_path = out.with_suffix(".csv")
    inputs = [workbook, *([scenarios] if scenarios else [])]
    try:
        start = parse_week(week)
        for target in (out, csv_path):
            check_output(target, force, inputs=inputs)
        chosen, workforce = _read_simulation_inputs(workbook, scenarios)
        setups = prepare(
            workforce, chosen, start, weeks, workbook.name, lang.value
        )
    except InputError as error:
        raise fail(error, lang) from None

    options = SolveOptions(time_limit=time_limit, parameters=DETERMINISTIC)
    with _simulation_progress(lang, setups) as report:
        results = run(setups, options, report, lang.value)
    try:
        write_comparison(results, out, lang.value)
        write_comparison_csv(results, csv_path)
    except InputError as error:
        raise fail(error, lang) from None
    _print_simulation(results, lang)
    console.print(
        _t(
            lang,
            f"Ditulis: {out} dan {csv_path}",
            f"Written: {out} and {csv_path}",
        ),
        markup=False,
    )
    raise typer.Exit(simulate_exit_code(results))


def _read_simulation_inputs(
    workbook: Path, scenarios: Path | None
) -> tuple[list[Scenario], Workforce]:
    """The scenarios and the workforce; the problems of both at once."""
    problems: list[Problem] = []
    chosen: list[Scenario] = []
    workforce = None
    try:
        chosen = load_scenarios(scenarios)
    except InputError as error:
        problems += error.problems
    try:
        workforce, _ = read_workforce(workbook)
    except InputError as error:
        problems += error.problems
    if problems or workforce is None:
        raise InputError(problems)
    return chosen, workforce


def simulate_exit_code(results: list[ScenarioResult]) -> int:
    """As ``mkd plan``: 3 when a unit of some scenario is infeasible, 4
    when one got no roster in time, else 0."""
    statuses = {u.status for r in results for u in r.units}
    if "infeasible" in statuses:
        return 3
    if "unknown" in statuses:
        return 4
    return 0


@contextlib.contextmanager
def _simulation_progress(
    lang: Lang, setups: list[ScenarioSetup]
) -> Iterator[SimulationProgress]:
    """A bar per scenario over its units, naming the unit last done."""
    bar = RichProgress(
        TextColumn("{task.description}", markup=False),
        BarColumn(bar_width=20),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    )
    lock = threading.Lock()
    with bar:
        tasks = {
            setup.scenario.name: bar.add_task(
                _progress_label(setup.scenario.name, ""),
                total=len(setup.data.workforce.units),
            )
            for setup in setups
        }

        def report(name: str, unit: UnitPlan, done: int, total: int) -> None:
            with lock:
                bar.update(
                    tasks[name],
                    completed=done,
                    total=total,
                    description=_progress_label(name, unit.unit),
                )

        yield report


def _progress_label(scenario: str, unit: str) -> str:
    """A scenario's name and its unit last done, cut to fit a line."""
    name = scenario if len(scenario) <= 24 else scenario[:23] + "~"
    return f"{name:24} {unit[:28]:28}"


def _print_simulation(results: list[ScenarioResult], lang: Lang) -> None:
    """The province figures of every scenario side by side, then notes."""
    table = Table(
        title=_t(lang, "Perbandingan skenario", "Scenario comparison"),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=0,
    )
    # Figures get narrow two-line headers, so that the scenario names
    # keep the rest of an 80-column terminal and wrap, never cut.
    table.add_column(
        _t(lang, "Skenario", "Scenario"),
        overflow="fold",
        ratio=1,
        min_width=12,
    )
    for header, width in (
        (_t(lang, "Layak\norang", "Eligible\npeople"), 8),
        (_t(lang, "Fleksibel\nhari-orang", "Flexible\nperson-days"), 11),
        (_t(lang, "Fleksibel\n% hadir", "Flexible\n% present"), 9),
        (_t(lang, "Diminta\ndipenuhi %", "Asked\ngranted %"), 10),
        (_t(lang, "Hemat\njuta Rp", "Saved\nRp million"), 10),
        (_t(lang, "Unit*\no/l/t/w", "Units*\no/f/i/t"), 8),
    ):
        table.add_column(header, justify="right", width=width, no_wrap=True)
    for result in results:
        total = result.total()
        counts = "/".join(
            str(result.count(s))
            for s in ("optimal", "feasible", "infeasible", "unknown")
        )
        saved = None if total.savings is None else total.savings.total / 1e6
        table.add_row(
            Text(result.scenario.name),
            str(total.eligible),
            _number(total.flexible_days, "g"),
            _number(total.flexible_share, ".1%"),
            _number(total.requested_granted, ".0%"),
            _number(saved, ",.1f"),
            counts,
        )
    console.print(table)
    console.print(
        _t(
            lang,
            "* unit optimal (terbukti) / layak, belum terbukti optimal / "
            "tidak mungkin (terbukti) / tanpa jadwal karena waktu habis.",
            "* units optimal (proven) / feasible, not proven optimal / "
            "infeasible (proven) / without a roster in time.",
        ),
        markup=False,
    )
    if results:
        console.print(period_text(results[0].setup, lang.value), markup=False)
    for result in results:
        for line in scenario_notes(result, lang.value):
            console.print(line, style="yellow", markup=False)


def _number(value: float | None, style: str) -> str:
    """A figure for the console; ``-`` when there is none."""
    return "-" if value is None else format(value, style)


def main() -> None:
    """Run the command line; no traceback reaches the user for bad input."""
    try:
        app()
    except KeyboardInterrupt:
        errors.print("Dibatalkan / cancelled.")
        sys.exit(130)
