"""Scenario comparison on the whole province, end to end.

Usage::

    python -m benchmarks.scenarios
    python -m benchmarks.scenarios --weeks 1 --scenarios FILE

Runs what ``mkd simulate`` runs (read the workbook once, plan it under
every scenario of the bundled file, write the comparison workbook and
CSV) and prints, as a Markdown table for ``benchmarks/README.md``, each
scenario's planning time and unit statuses, then the total end to end
and the peak memory (RSS high-water mark, CP-SAT's included).
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
from planner.check import load
from planner.compare import write_comparison, write_comparison_csv
from planner.plan import SolveOptions
from planner.scenarios import load_scenarios
from planner.simulate import ScenarioResult, simulate_one

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 30.0


def run(
    workbook: Path, week: dt.date, weeks: int, scenarios: Path | None
) -> list[str]:
    """Measure one comparison; return the report's lines."""
    started = time.perf_counter()
    chosen = load_scenarios(scenarios)
    workforce, _, _ = load(workbook)
    read = time.perf_counter() - started

    lines = [
        "| scenario | plan (s) | optimal | feasible | infeasible "
        "| flexible share (%) |",
        "|---|---|---|---|---|---|",
    ]
    results: list[ScenarioResult] = []
    for scenario in chosen:
        began = time.perf_counter()
        result = simulate_one(workforce, scenario, week, weeks, SolveOptions())
        seconds = time.perf_counter() - began
        results.append(result)
        share = 100 * result.total().flexible_share
        lines.append(
            f"| {scenario.name} | {seconds:.2f} | {result.count('optimal')} "
            f"| {result.count('feasible')} | {result.count('infeasible')} "
            f"| {share:.1f} |"
        )
        print(lines[-1], flush=True)

    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "comparison.xlsx"
        write_comparison(results, out)
        write_comparison_csv(results, out.with_suffix(".csv"))
    written = time.perf_counter() - began
    total = time.perf_counter() - started
    verdict = "hit" if total <= TARGET_SECONDS else "MISSED"
    return [
        *lines,
        "",
        f"- read + validate: {read:.2f} s; write workbook and CSV: "
        f"{written:.2f} s",
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
    args = parser.parse_args(argv)
    week = args.week
    if isinstance(week, str):
        week = dt.date.fromisoformat(week)

    print(f"Machine: {machine()}")
    print(f"Load average at start: {load_average()}")
    lines = run(args.workbook, week, args.weeks, args.scenarios)
    print()
    print("\n".join(lines))
    print(f"Load average at end: {load_average()}")


if __name__ == "__main__":
    main()
