"""Scenario comparison on the whole province, end to end.

Usage::

    python -m benchmarks.scenarios
    python -m benchmarks.scenarios --weeks 1 --scenarios FILE
    python -m benchmarks.scenarios --workbook examples/biro-organisasi.xlsx
    python -m benchmarks.scenarios --nondeterministic

Runs what ``mkd simulate`` runs (read the workbook once, check every
scenario, plan the units of all scenarios in one pool, write the
comparison workbook and CSV) and prints, as a Markdown table for
``benchmarks/README.md``, each scenario's solver seconds (its units'
solve times added up: they overlap with other scenarios' in the pool)
and unit statuses, then the total end to end and the peak memory (RSS
high-water mark, CP-SAT's included). ``--nondeterministic`` drops the
deterministic search, to measure what it costs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.province import (
    WEEK,
    WORKBOOK,
    load_average,
    machine,
    peak_mib,
)
from planner.compare import write_comparison, write_comparison_csv
from planner.plan import SolveOptions
from planner.reading.workforce import read_workforce
from planner.scenarios import load_scenarios
from planner.simulate import DETERMINISTIC, prepare
from planner.simulate import run as run_scenarios

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 30.0


def run(
    workbook: Path,
    week: dt.date,
    weeks: int,
    scenarios: Path | None,
    deterministic: bool = True,
) -> list[str]:
    """Measure one comparison; return the report's lines."""
    started = time.perf_counter()
    chosen = load_scenarios(scenarios)
    workforce, _ = read_workforce(workbook)
    setups = prepare(workforce, chosen, week, weeks, workbook.name)
    read = time.perf_counter() - started

    began = time.perf_counter()
    parameters = DETERMINISTIC if deterministic else {}
    results = run_scenarios(setups, SolveOptions(parameters=parameters))
    planned = time.perf_counter() - began
    lines = [
        "| scenario | solver (s) | optimal | feasible | infeasible "
        "| no roster in time | flexible share (%) |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        share = result.total().flexible_share
        lines.append(
            f"| {result.scenario.name} | {result.solve_time:.2f} "
            f"| {result.count('optimal')} | {result.count('feasible')} "
            f"| {result.count('infeasible')} | {result.count('unknown')} "
            f"| {'-' if share is None else f'{100 * share:.1f}'} |"
        )

    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "comparison.xlsx"
        write_comparison(results, out)
        write_comparison_csv(results, out.with_suffix(".csv"))
    written = time.perf_counter() - began
    total = time.perf_counter() - started
    verdict = "hit" if total <= TARGET_SECONDS else "MISSED"
    search = "deterministic" if deterministic else "nondeterministic"
    return [
        *lines,
        "",
        f"- read + validate + check scenarios: {read:.2f} s; plan every "
        f"unit of every scenario in one pool ({search} search): "
        f"{planned:.2f} s; write workbook and CSV: {written:.2f} s",
        f"- **end to end: {total:.2f} s** for {len(chosen)} scenarios "
        f"({total / TARGET_SECONDS:.2f}x the {TARGET_SECONDS:.0f} s "
        f"target: {verdict})",
        f"- peak memory (RSS): {peak_mib():.0f} MiB",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the arguments, run, print."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.scenarios",
        description=__doc__.split("\n")[0],
    )
    parser.add_argument("--workbook", type=Path, default=ROOT / WORKBOOK)
    parser.add_argument(
        "--week", type=dt.date.fromisoformat, default=WEEK, help="a Monday"
    )
    parser.add_argument("--weeks", type=int, default=1)
    parser.add_argument("--scenarios", type=Path, help="TOML scenario file")
    parser.add_argument(
        "--nondeterministic",
        action="store_true",
        help="CP-SAT's default parallel search instead of the deterministic",
    )
    args = parser.parse_args(argv)
    week = args.week
    if isinstance(week, str):
        week = dt.date.fromisoformat(week)

    print(f"Machine: {machine()}")
    print(f"Load average at start: {load_average()}")
    lines = run(
        args.workbook,
        week,
        args.weeks,
        args.scenarios,
        deterministic=not args.nondeterministic,
    )
    print()
    print("\n".join(lines))
    print(f"Load average at end: {load_average()}")


if __name__ == "__main__":
    main()
