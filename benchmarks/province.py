"""Whole-province benchmark: a week and a month, decomposed and monolithic.

Usage::

    python -m benchmarks.province
    python -m benchmarks.province --weeks 1 4 --monolithic-limit 120 \
        --csv out.csv --profile

Each configuration runs in a fresh Python process, so that its peak
memory (the RSS high-water mark, which also counts what CP-SAT allocates
in C++) is its own:

- ``week`` and ``month`` (one per ``--weeks`` value): the pipeline of
  ``mkd plan`` step by step (reading and validating, eligibility,
  planning every unit as :func:`planner.plan.plan` does with the default
  options, writing the roster workbook and the CSV), then the unit models
  built once more alone;
- ``monolithic``: the first week's unit models solved one by one as
  ``plan`` does, then merged into one roster model and solved at once
  with the same workers;
- ``profile`` (``--profile``): the week end to end under cProfile, the
  planner's worker threads included.

The figures are printed as Markdown tables for ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import dataclasses
import datetime as dt
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from types import FrameType
from typing import Any

import planner.plan as planner_plan
from planner.build import PlanInput, UnitModel, build_unit
from planner.calendar import plan_period
from planner.check import load
from planner.eligibility import assess
from planner.export import write_csv, write_roster
from planner.plan import CPSAT_PARAMETERS, SolveOptions, plan
from planner.result import Plan, UnitStatus
from planner.roster import (
    Balance,
    CommonDays,
    Cover,
    Fixed,
    ForbiddenSuccession,
    Mode,
    Request,
    RosterModel,
    RosterSolution,
    Rule,
    Runs,
    Total,
    Weekends,
    solve,
)

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = Path("examples/provinsi-jabar.xlsx")
WEEK = "2027-01-04"

# Targets of issues 3 and 4: a province week end to end within 5 s and
# 1 GB, a month within 15 s.
WEEK_SECONDS = 5.0
WEEK_MEMORY_MIB = 1024.0
MONTH_SECONDS = 15.0

# A neutral mode for the days of the merged horizon a unit does not
# work (a 5-day unit's Saturdays): no rule counts it.
OUTSIDE = "outside-unit"

Result = dict[str, Any]

# Where a thread waits for another (the main thread for the pool, a
# pool thread for work): idle time, left out of the own-time ranking.
WAITS = (
    "<method 'acquire' of '_thread.lock' objects>",
    "<method 'get' of '_queue.SimpleQueue' objects>",
)

# The planner's steps timed inside ``plan``.
PATCHED = ("build_unit", "solve", "solve_in_blocks")


# Children: one configuration each, in a fresh process.


def peak_mib() -> float:
    """This process's RSS high-water mark in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages, rounded."""
    return [round(x, 2) for x in os.getloadavg()]


class _StageTimes:
    """Seconds spent in the planner's own steps, summed over threads."""

    def __init__(self) -> None:
        self.build = 0.0
        self.solve = 0.0
        self.cpsat = 0.0
        self._lock = threading.Lock()

    def add(self, what: str, seconds: float) -> None:
        """Add seconds to a step; the planner's threads call it at once."""
        with self._lock:
            setattr(self, what, getattr(self, what) + seconds)


@contextmanager
def _instrumented(times: _StageTimes) -> Iterator[None]:
    """Time building and solving inside :func:`planner.plan.plan`.

    ``plan`` has no hook for its steps, and timing them in a second run
    would double the month's minutes; wrapping the names it calls
    splits its wall time without changing what it does.
    """
    # ``plan`` looks the names up in its module at each call, so
    # replacing them there is enough.
    original: dict[str, Any] = {
        name: getattr(planner_plan, name) for name in PATCHED
    }

    def timed_build(data: PlanInput, unit: Any) -> UnitModel:
        started = time.perf_counter()
        try:
            built: UnitModel = original["build_unit"](data, unit)
        finally:
            times.add("build", time.perf_counter() - started)
        return built

    def timed(name: str) -> Callable[..., RosterSolution]:
        # ``solve`` for one week, ``solve_in_blocks`` for several.
        def run(*args: Any, **kwargs: Any) -> RosterSolution:
            started = time.perf_counter()
            solution: RosterSolution = original[name](*args, **kwargs)
            times.add("solve", time.perf_counter() - started)
            times.add("cpsat", solution.wall_time)
            return solution

        return run

    wrappers = {
        "build_unit": timed_build,
        "solve": timed("solve"),
        "solve_in_blocks": timed("solve_in_blocks"),
    }
    for name in PATCHED:
        setattr(planner_plan, name, wrappers[name])
    try:
        yield
    finally:
        for name in PATCHED:
            setattr(planner_plan, name, original[name])


def _pipeline(
    workbook: Path, week: dt.date, weeks: int, folder: Path
) -> Result:
    """``plan_workbook`` and the two writers, timed step by step.

    The steps are those of :func:`planner.plan.plan_workbook`, done here
    one by one so that each can be timed.
    """
    out: Result = {}
    times = _StageTimes()
    started = time.perf_counter()

    clock = time.perf_counter()
    workforce, effective, _ = load(workbook)
    out["load_s"] = time.perf_counter() - clock

    clock = time.perf_counter()
    period = plan_period(week, weeks, effective.policy)
    out["period_s"] = time.perf_counter() - clock

    clock = time.perf_counter()
    eligibility = assess(workforce, effective.policy)
    out["assess_s"] = time.perf_counter() - clock

    data = PlanInput(workforce, effective.policy, eligibility, period)
    clock = time.perf_counter()
    with _instrumented(times):
        units = plan(data, SolveOptions())
    out["plan_s"] = time.perf_counter() - clock
    out["plan_build_thread_s"] = times.build
    out["plan_solve_thread_s"] = times.solve
    out["plan_cpsat_thread_s"] = times.cpsat
    result = Plan(
        workforce,
        effective,
        dict(eligibility),
        period,
        units,
        time.perf_counter() - started,
    )

    clock = time.perf_counter()
    write_roster(result, folder / "roster.xlsx", source=workbook)
    out["write_xlsx_s"] = time.perf_counter() - clock

    clock = time.perf_counter()
    write_csv(result, folder / "roster.csv")
    out["write_csv_s"] = time.perf_counter() - clock
    out["end_to_end_s"] = time.perf_counter() - started

    out["people"] = len(workforce.employees)
    out["units"] = len(units)
    out["optimal"] = sum(u.status is UnitStatus.OPTIMAL for u in units)
    out["other"] = dict(
        Counter(
            u.status.value for u in units if u.status is not UnitStatus.OPTIMAL
        )
    )
    out["objective"] = sum(u.solver_objective or 0 for u in units)
    out["bound"] = sum(u.bound or 0 for u in units)
    out["slowest_unit_cpsat_s"] = max(u.wall_time for u in units)
    out["xlsx_mib"] = (folder / "roster.xlsx").stat().st_size / 2**20
    out["csv_rows"] = len(result.to_frame())
    return out


def _prepared(
    workbook: Path, week: dt.date, weeks: int
) -> tuple[PlanInput, list[UnitModel], float]:
    """The validated input and its unit models, with the build's time."""
    workforce, effective, _ = load(workbook)
    period = plan_period(week, weeks, effective.policy)
    eligibility = assess(workforce, effective.policy)
    data = PlanInput(workforce, effective.policy, eligibility, period)
    clock = time.perf_counter()
    built = [build_unit(data, unit) for unit in workforce.units]
    return data, built, time.perf_counter() - clock


def _run_child(args: argparse.Namespace) -> Result:
    """A week or month: the pipeline, then the unit models built alone."""
    out: Result = {"loadavg_start": load_average()}
    with tempfile.TemporaryDirectory() as folder:
        out |= _pipeline(args.workbook, args.week, args.weeks, Path(folder))
    # From the process's launch (interpreter start and imports) to the
    # CSV written: what a user of a script waits for.
    out["from_launch_s"] = time.time() - args.launched
    _, _, out["build_alone_s"] = _prepared(
        args.workbook, args.week, args.weeks
    )
    out["peak_mib"] = peak_mib()
    out["loadavg_end"] = load_average()
    return out


def _solve_units(
    built: Sequence[UnitModel], options: SolveOptions
) -> list[RosterSolution]:
    """Solve the unit models as ``plan`` does: one thread per core."""
    parallel = options.parallel or os.cpu_count() or 1

    def run(unit: UnitModel) -> RosterSolution:
        return solve(
            unit.model, workers=options.workers, parameters=CPSAT_PARAMETERS
        )

    with ThreadPoolExecutor(max_workers=parallel) as pool:
        return list(pool.map(run, built))


def _monolithic_child(args: argparse.Namespace) -> Result:
    """The week solved unit by unit, then as one merged model."""
    out: Result = {"loadavg_start": load_average()}
    options = SolveOptions()
    _, built, out["build_s"] = _prepared(args.workbook, args.week, 1)
    units = [u for u in built if u.members and u.dates and not u.findings]
    out["units"] = len(units)

    clock = time.perf_counter()
    parts = _solve_units(units, options)
    out["decomposed_s"] = time.perf_counter() - clock
    out["decomposed_optimal"] = sum(p.status == "optimal" for p in parts)
    out["decomposed_objective"] = sum(p.solver_objective or 0 for p in parts)
    out["decomposed_bound"] = sum(p.best_bound or 0 for p in parts)
    out["decomposed_cpsat_thread_s"] = sum(p.wall_time for p in parts)

    clock = time.perf_counter()
    model = merge(units)
    out["merge_s"] = time.perf_counter() - clock
    out["people"] = len(model.people)
    out["days"] = model.days
    out["modes"] = len(model.modes)
    out["rules"] = len(model.rules())

    clock = time.perf_counter()
    whole = solve(
        model,
        time_limit=args.monolithic_limit,
        workers=options.workers,
        parameters=CPSAT_PARAMETERS,
    )
    out["monolithic_s"] = time.perf_counter() - clock
    out["monolithic_cpsat_s"] = whole.wall_time
    out["monolithic_first_s"] = whole.first_solution_time
    out["monolithic_status"] = whole.status
    out["monolithic_objective"] = whole.solver_objective
    out["monolithic_evaluated"] = whole.objective
    out["monolithic_bound"] = whole.best_bound
    out["workers"] = options.workers
    out["limit_s"] = args.monolithic_limit
    out["peak_mib"] = peak_mib()
    out["loadavg_end"] = load_average()
    return out


def _profile_child(args: argparse.Namespace) -> Result:
    """The week end to end under cProfile, worker threads included.

    cProfile sees only the thread that enables it, and ``plan`` builds
    and solves in a thread pool: each new thread starts a profiler of
    its own (``threading.setprofile`` runs a hook in every new thread),
    and their statistics are added to the main thread's.
    """
    profilers: list[cProfile.Profile] = []

    def start(frame: FrameType, event: str, arg: object) -> None:
        profiler = cProfile.Profile()
        profilers.append(profiler)
        profiler.enable()

    main = cProfile.Profile()
    threading.setprofile(start)
    clock = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        main.enable()
        try:
            _pipeline(args.workbook, args.week, 1, Path(folder))
        finally:
            main.disable()
            threading.setprofile(None)
    seconds = time.perf_counter() - clock

    main_stats = pstats.Stats(main)
    combined = pstats.Stats(main)
    for profiler in profilers:
        combined.add(profiler)
    return {
        "profiled_s": seconds,
        "threads": len(profilers),
        "cumulative_main": _top(main_stats, "cumulative", 3, args.top),
        "tottime_all": _top(combined, "tottime", 2, args.top, WAITS),
    }


def _top(
    stats: pstats.Stats,
    key: str,
    column: int,
    count: int,
    skip: Sequence[str] = (),
) -> list[Any]:
    """The first ``count`` functions by a ``pstats`` column."""
    table = stats.stats  # type: ignore[attr-defined]
    rows = sorted(
        (item for item in table.items() if item[0][2] not in skip),
        key=lambda item: -item[1][column],
    )
    out = []
    for (file, line, name), (_, calls, tottime, cumtime, _) in rows[:count]:
        where = name if file == "~" else f"{_short(file)}:{line}({name})"
        out.append([where, calls, round(tottime, 3), round(cumtime, 3)])
    return out


def _short(file: str) -> str:
    """A source path from the package down, readable in a table."""
    parts = Path(file).parts
    for anchor in ("planner", "models", "benchmarks", "site-packages"):
        if anchor in parts:
            index = parts.index(anchor)
            return "/".join(parts[index + (anchor == "site-packages") :])
    return Path(file).name


# The monolithic model.


def merge(units: Sequence[UnitModel]) -> RosterModel:
    """One roster model holding every unit's model.

    People are unique across units. Each unit numbers the days of its
    own ``dates``; here every rule's days are moved onto the sorted union
    of all units' dates. Modes of the same name but another length (a
    6-day unit's 375-minute ``office`` against the 450-minute one) are
    renamed, and each person keeps exactly the modes of their unit, so
    the merged model has the same rosters and costs as the units
    together, and its optimum is the sum of theirs.

    Raises
    ------
    ValueError
        When people repeat across units, or a unit whose days do not
        span the merged horizon has minimum runs or successions, whose
        meaning depends on the horizon's ends.
    """
    horizon = sorted({day for unit in units for day in unit.dates})
    where = {day: index for index, day in enumerate(horizon)}
    modes: dict[str, Mode] = {OUTSIDE: Mode(OUTSIDE, 0)}
    people: list[str] = []
    allowed: dict[tuple[str, int], frozenset[str]] = {}
    rules: list[Rule] = []

    for unit in units:
        names = _merge_modes(unit.model.modes, modes)
        days = tuple(where[day] for day in unit.dates)
        spans = days == tuple(range(len(horizon)))
        outside = frozenset(range(len(horizon))) - set(days)
        for person in unit.model.people:
            people.append(person)
            # Every slot gets the unit's own (renamed) modes, so nobody
            # takes another unit's day length.
            for day, index in enumerate(days):
                own = unit.model.allowed_modes(person, day)
                allowed[person, index] = frozenset(names[m] for m in own)
            for index in outside:
                allowed[person, index] = frozenset({OUTSIDE})
        for rule in unit.model.rules():
            rules += _moved(rule, days, names, spans, unit.model.people)

    if len(set(people)) != len(people):
        raise ValueError("A person belongs to two units.")
    model = RosterModel(
        people=tuple(people),
        days=len(horizon),
        modes=tuple(modes.values()),
        allowed=allowed,
        day_labels=tuple(day.isoformat() for day in horizon),
    )
    model.add(*rules)
    return model


def _merge_modes(
    own: Sequence[Mode], modes: dict[str, Mode]
) -> dict[str, str]:
    """Add a unit's modes to the merged ones; return their new names."""
    names = {}
    for mode in own:
        name = mode.name
        if name in modes and modes[name] != mode:
            name = f"{mode.name}#{mode.minutes}/{mode.minutes_on_site}"
        modes.setdefault(name, dataclasses.replace(mode, name=name))
        names[mode.name] = name
    return names


def _moved(
    rule: Rule,
    days: tuple[int, ...],
    names: dict[str, str],
    spans: bool,
    people: Sequence[str],
) -> list[Rule]:
    """A unit's rule with its days and modes in the merged model."""

    def modes(old: frozenset[str]) -> frozenset[str]:
        return frozenset(names[m] for m in old)

    replace = dataclasses.replace
    if isinstance(rule, Cover | Request):
        return [replace(rule, day=days[rule.day], modes=modes(rule.modes))]
    if isinstance(rule, Fixed):
        return [replace(rule, day=days[rule.day], mode=names[rule.mode])]
    if isinstance(rule, Total):
        coefficients = {names[m]: c for m, c in rule.coefficients.items()}
        moved = tuple(days[d] for d in rule.days)
        return [replace(rule, days=moved, coefficients=coefficients)]
    if isinstance(rule, CommonDays | Balance):
        moved = tuple(days[d] for d in rule.days)
        return [replace(rule, days=moved, modes=modes(rule.modes))]
    if isinstance(rule, Weekends):
        weekends = tuple(tuple(days[d] for d in w) for w in rule.weekends)
        return [replace(rule, weekends=weekends, modes=modes(rule.modes))]
    if isinstance(rule, Runs):
        if spans:
            return [replace(rule, modes=modes(rule.modes))]
        return _windows(rule, days, modes(rule.modes))
    if isinstance(rule, ForbiddenSuccession) and spans:
        first, then = names[rule.first_mode], names[rule.next_mode]
        # "Everybody" of a unit is only that unit's people.
        who = people if rule.person is None else (rule.person,)
        return [
            replace(rule, first_mode=first, next_mode=then, person=p)
            for p in who
        ]
    raise ValueError(f"Cannot move {rule.tag} onto a longer horizon.")


def _windows(
    rule: Runs, days: tuple[int, ...], modes: frozenset[str]
) -> list[Rule]:
    """A maximum run over a unit's days, which now have gaps between.

    A run counts the unit's consecutive days, which are no longer
    consecutive in the merged horizon; every window of ``max + 1`` of
    them holding a day outside the modes is the same rule as a total.
    """
    if rule.min_length:
        raise ValueError(f"Cannot move {rule.tag} onto a longer horizon.")
    if rule.max_length is None:
        return []
    length = rule.max_length
    return [
        Total(
            rule.person,
            days[start : start + length + 1],
            dict.fromkeys(modes, 1),
            maximum=length,
            tag=rule.tag,
        )
        for start in range(len(days) - length)
    ]


# The parent: launch the children, print the tables.


def _child(kind: str, args: argparse.Namespace, **extra: Any) -> Result:
    """Run one configuration in a fresh process and read its figures."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "result.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.province",
            "--child",
            kind,
            "--child-out",
            str(out),
            "--workbook",
            str(args.workbook),
            "--week",
            args.week.isoformat(),
            "--monolithic-limit",
            str(args.monolithic_limit),
            "--top",
            str(args.top),
            "--launched",
            repr(time.time()),
        ]
        for key, value in extra.items():
            command += [f"--{key}", str(value)]
        subprocess.run(command, cwd=ROOT, check=True)
        result: Result = json.loads(out.read_text())
        return result


def _label(weeks: int) -> str:
    """A configuration's name."""
    return {1: "week", 4: "month (4 weeks)"}.get(weeks, f"{weeks} weeks")


ROWS: list[tuple[str, str, str]] = [
    ("read + validate (`load`)", "load_s", "{:.2f} s"),
    ("holidays (`plan_period`)", "period_s", "{:.2f} s"),
    ("eligibility (`assess`)", "assess_s", "{:.2f} s"),
    ("plan all units (`plan`, wall)", "plan_s", "{:.2f} s"),
    ("- building, summed over threads", "plan_build_thread_s", "{:.2f} s"),
    (
        "- `solve` calls, summed over threads",
        "plan_solve_thread_s",
        "{:.2f} s",
    ),
    ("- of which CP-SAT search, summed", "plan_cpsat_thread_s", "{:.2f} s"),
    ("- slowest unit's CP-SAT search", "slowest_unit_cpsat_s", "{:.2f} s"),
    ("write roster workbook (`write_roster`)", "write_xlsx_s", "{:.2f} s"),
    ("write CSV (`write_csv`)", "write_csv_s", "{:.2f} s"),
    ("**end to end** (load to CSV)", "end_to_end_s", "**{:.2f} s**"),
    ("from process launch (+ start, imports)", "from_launch_s", "{:.2f} s"),
    ("building the unit models alone", "build_alone_s", "{:.2f} s"),
    ("units proven optimal", "optimal_units", "{}"),
    ("objective (sum over units) / bound", "objective_bound", "{}"),
    ("people / CSV rows / workbook size", "sizes", "{}"),
    ("**peak memory (RSS)**", "peak_mib", "**{:.0f} MiB**"),
    ("load average (1, 5, 15 min) at start", "loadavg_start", "{}"),
    ("load average at end", "loadavg_end", "{}"),
]


def _cell(result: Result, key: str, form: str) -> str:
    """One formatted figure of a configuration."""
    if key == "optimal_units":
        others = "".join(
            f", {n} {status}" for status, n in result["other"].items()
        )
        return f"{result['optimal']} / {result['units']}{others}"
    if key == "objective_bound":
        return f"{result['objective']} / {result['bound']}"
    if key == "sizes":
        return (
            f"{result['people']} / {result['csv_rows']} / "
            f"{result['xlsx_mib']:.1f} MiB"
        )
    if key.startswith("loadavg_"):
        return ", ".join(f"{x:.1f}" for x in result[key])
    return form.format(result[key])


def _pipeline_table(results: dict[int, Result]) -> list[str]:
    """The week and month figures as a Markdown table."""
    head = " | ".join(_label(w) for w in results)
    lines = [f"| figure | {head} |", "|---" * (len(results) + 1) + "|"]
    for title, key, form in ROWS:
        cells = " | ".join(_cell(r, key, form) for r in results.values())
        lines.append(f"| {title} | {cells} |")
    return lines


def _monolithic_table(mono: Result) -> list[str]:
    """Decomposed against monolithic as a Markdown table."""
    ratio = mono["monolithic_s"] / mono["decomposed_s"]
    status = mono["monolithic_status"]
    if status == "optimal" and mono["monolithic_bound"] is not None:
        status = "optimal (proven)"
    return [
        "| figure | decomposed (one model a unit) | monolithic |",
        "|---|---|---|",
        f"| models | {mono['units']} | 1 ({mono['people']} people x "
        f"{mono['days']} days, {mono['modes']} modes, "
        f"{mono['rules']} rules) |",
        f"| building unit models | {mono['build_s']:.2f} s | same, "
        f"+ merging {mono['merge_s']:.2f} s |",
        f"| **solve wall time** | **{mono['decomposed_s']:.2f} s** "
        f"({os.cpu_count()} units at once) | "
        f"**{mono['monolithic_s']:.2f} s** (limit {mono['limit_s']:.0f} s) |",
        f"| CP-SAT search | {mono['decomposed_cpsat_thread_s']:.2f} s "
        f"summed over units | {mono['monolithic_cpsat_s']:.2f} s |",
        f"| workers per model | {mono['workers']} | {mono['workers']} |",
        f"| status | {mono['decomposed_optimal']} / {mono['units']} "
        f"optimal | {status} |",
        f"| objective | {mono['decomposed_objective']} (sum) | "
        f"{mono['monolithic_objective']} |",
        f"| bound | {mono['decomposed_bound']} (sum) | "
        f"{mono['monolithic_bound']} |",
        f"| **ratio monolithic / decomposed** | 1 | **{ratio:.1f}** |",
        f"| peak memory (RSS, whole process) | | {mono['peak_mib']:.0f} MiB |",
        f"| load average at start / end | | "
        f"{_cell(mono, 'loadavg_start', '')} / "
        f"{_cell(mono, 'loadavg_end', '')} |",
    ]


def _objectives_agree(mono: Result) -> str:
    """Say whether both optima are equal; fail when they are not."""
    both = (
        mono["monolithic_status"] == "optimal"
        and mono["decomposed_optimal"] == mono["units"]
    )
    decomposed, whole = (
        mono["decomposed_objective"],
        mono["monolithic_objective"],
    )
    if not both:
        return (
            f"Not both proven optimal: decomposed {decomposed}, "
            f"monolithic {whole} (bound {mono['monolithic_bound']})."
        )
    if decomposed != whole:
        raise SystemExit(
            f"Both optimal but the objectives differ: decomposed "
            f"{decomposed}, monolithic {whole}; the merge is wrong."
        )
    return f"Both proven optimal with the same objective, {whole}."


def _targets(results: dict[int, Result]) -> list[str]:
    """Hit or missed, for the targets of issues 3 and 4."""
    lines = []
    checks: list[tuple[int, str, float, str]] = [
        (1, "end_to_end_s", WEEK_SECONDS, "s"),
        (1, "peak_mib", WEEK_MEMORY_MIB, "MiB"),
        (4, "end_to_end_s", MONTH_SECONDS, "s"),
    ]
    for weeks, key, target, unit in checks:
        if weeks not in results:
            continue
        value = results[weeks][key]
        verdict = "hit" if value <= target else "MISSED"
        lines.append(
            f"- {_label(weeks)} {key}: {value:.2f} {unit} against "
            f"{target:g} {unit}: {verdict} ({value / target:.2f}x)"
        )
    return lines


def _write_csv(
    path: Path, results: dict[int, Result], mono: Result | None
) -> None:
    """Every figure, one row per configuration and figure."""
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["configuration", "figure", "value"])
        for weeks, result in results.items():
            for key, value in result.items():
                writer.writerow([_label(weeks), key, json.dumps(value)])
        for key, value in (mono or {}).items():
            writer.writerow(["monolithic week", key, json.dumps(value)])


def machine() -> str:
    """Cores, memory, CPU model and versions, in one line."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return (
        f"{os.cpu_count()} cores ({model or platform.machine()}), "
        f"{memory / 2**30:.1f} GiB RAM, Python "
        f"{platform.python_version()}, OR-Tools {version('ortools')}"
    )


def _parent(args: argparse.Namespace) -> None:
    """Run every configuration and print the tables."""
    started = load_average()
    clock = time.perf_counter()
    print(f"Machine: {machine()}", flush=True)
    print(f"Load average at start: {started}", flush=True)

    results: dict[int, Result] = {}
    for weeks in args.weeks:
        print(f"... {_label(weeks)}", file=sys.stderr, flush=True)
        results[weeks] = _child("run", args, weeks=weeks)
    mono = None
    if args.monolithic_limit > 0:
        print("... monolithic week", file=sys.stderr, flush=True)
        mono = _child("monolithic", args)
    profile = None
    if args.profile:
        print("... profile of the week", file=sys.stderr, flush=True)
        profile = _child("profile", args)

    lines = [
        "",
        f"Workbook {args.workbook}, from {args.week}, default options "
        f"({SolveOptions().workers} CP-SAT workers a unit, "
        f"{os.cpu_count()} units at once).",
        "",
        *_pipeline_table(results),
        "",
    ]
    if mono is not None:
        lines += [*_monolithic_table(mono), "", _objectives_agree(mono), ""]
    lines += _targets(results)
    if profile is not None:
        lines += _profile_lines(profile)
    lines += [
        "",
        f"Load average at start: {started}, at end: {load_average()}; "
        f"benchmark wall time {time.perf_counter() - clock:.0f} s.",
    ]
    print("\n".join(lines))
    if args.csv:
        _write_csv(args.csv, results, mono)


def _profile_lines(profile: Result) -> list[str]:
    """The profile's top entries as two Markdown tables."""
    lines = [
        "",
        f"Profile of the week end to end: {profile['profiled_s']:.2f} s "
        f"under cProfile, main thread and {profile['threads']} worker "
        "threads.",
        "",
        "| by own time, all threads | calls | own s | cumulative s |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| `{w}` | {n} | {t} | {c} |" for w, n, t, c in profile["tottime_all"]
    ]
    lines += [
        "",
        "| by cumulative time, main thread | calls | own s | cumulative s |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| `{w}` | {n} | {t} | {c} |"
        for w, n, t, c in profile["cumulative_main"]
    ]
    return lines


def _week(text: str) -> dt.date:
    """A Monday from ``YYYY-MM-DD``."""
    day = dt.date.fromisoformat(text)
    if day.weekday() != 0:
        raise argparse.ArgumentTypeError(f"{text} is not a Monday")
    return day


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.province",
        description=__doc__.split("\n")[0],
    )
    parser.add_argument("--workbook", type=Path, default=WORKBOOK)
    parser.add_argument("--week", type=_week, default=_week(WEEK))
    parser.add_argument(
        "--weeks",
        type=int,
        nargs="+",
        default=[1, 4],
        help="plan lengths to measure (default: 1 4)",
    )
    parser.add_argument(
        "--monolithic-limit",
        type=float,
        default=120.0,
        help="seconds for the monolithic week; 0 skips it",
    )
    parser.add_argument("--csv", type=Path, help="write every figure here")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile the week end to end and print the top entries",
    )
    parser.add_argument(
        "--top", type=int, default=15, help="profile entries to print"
    )
    # Between the parent and its children only.
    hidden = argparse.SUPPRESS
    parser.add_argument("--child", help=hidden)
    parser.add_argument("--child-out", type=Path, help=hidden)
    parser.add_argument("--launched", type=float, help=hidden)
    args = parser.parse_args(argv)
    if not args.workbook.is_absolute() and not args.workbook.exists():
        # A clean checkout run from elsewhere still finds the example.
        args.workbook = ROOT / args.workbook
    args.workbook = args.workbook.resolve()
    return args


CHILDREN: dict[str, Callable[[argparse.Namespace], Result]] = {
    "run": _run_child,
    "monolithic": _monolithic_child,
    "profile": _profile_child,
}


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark, or one configuration when called as a child."""
    args = _arguments(argv)
    if args.child is None:
        _parent(args)
        return
    if args.child == "run":
        # Only the children that plan take a length of their own.
        args.weeks = args.weeks[0]
    result = CHILDREN[args.child](args)
    args.child_out.write_text(json.dumps(result))


if __name__ == "__main__":
    main()
