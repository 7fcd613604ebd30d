"""Solve Curtois-Qu instances with the general roster layer.

Usage::

    python -m benchmarks.nrp.run 1 2 3 --time-limit 60 --csv out.csv

Prints, per instance, our objective (scored by the independent
evaluator), the solver's bound, the best-known value, the gap to it,
the time to the first solution and the solver status.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from benchmarks.nrp.evaluate import score
from benchmarks.nrp.reader import OFF, build_model, data_dir, read_instance
from planner.roster import RosterSolution, solve
from planner.roster.lns import solve_lns
from planner.roster.start import person_by_person

COLUMNS = (
    "instance",
    "objective",
    "bound",
    "best_known",
    "gap_pct",
    "first_s",
    "wall_s",
    "status",
    "violations",
)


@dataclass
class Row:
    """One line of the results table."""

    instance: int
    objective: int | None
    bound: int | None
    best_known: int
    gap_pct: float | None
    first_s: float | None
    wall_s: float
    status: str
    violations: int


def best_known() -> dict[int, int]:
    """Best published upper bound per instance number."""
    with (data_dir() / "best_known.csv").open() as handle:
        return {
            int(row["instance"].removeprefix("Instance")): int(
                row["ub_page_2026"]
            )
            for row in csv.DictReader(handle)
        }


def run_instance(
    number: int,
    time_limit: float,
    workers: int | None = None,
    log: bool = False,
    lns: bool = False,
    start: bool = True,
    parameters: Mapping[str, Any] | None = None,
) -> tuple[Row, RosterSolution]:
    """Solve one instance and score the result independently.

    With ``start``, each nurse's line is first solved alone (the hard
    rules do not couple nurses) and the joined roster is the hint; its
    time counts against ``time_limit``.
    """
    began = time.monotonic()
    model = build_model(read_instance(number))
    hint = person_by_person(model, 0.5) if start else None
    spent = time.monotonic() - began
    left = max(1.0, time_limit - spent)
    if lns:
        solution = solve_lns(
            model, time_limit=left, workers=workers, hint=hint, log=log
        )
    else:
        solution = solve(
            model,
            time_limit=left,
            workers=workers,
            hint=hint,
            log=log,
            parameters=parameters,
        )
    solution.wall_time += spent
    if solution.first_solution_time is not None:
        solution.first_solution_time += spent
    roster = {
        slot: mode for slot, mode in solution.assignment.items() if mode != OFF
    }

    instance = read_instance(number)
    known = best_known()[number]
    checked = score(instance, roster) if solution.has_solution else None
    objective = None if checked is None else checked.objective
    gap = None if objective is None else 100 * (objective - known) / known
    row = Row(
        number,
        objective,
        solution.best_bound,
        known,
        None if gap is None else round(gap, 2),
        _rounded(solution.first_solution_time),
        round(solution.wall_time, 2),
        solution.status,
        0 if checked is None else len(checked.violations),
    )
    return row, solution


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def format_table(rows: Sequence[Row]) -> str:
    """Markdown table of the rows."""
    lines = [
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for row in rows:
        cells = ["-" if v is None else str(v) for v in asdict(row).values()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_csv(rows: Sequence[Row], path: str) -> None:
    """Write the rows as CSV."""
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(asdict(row) for row in rows)


def _parameter(text: str) -> tuple[str, Any]:
    """``name=value`` with the value as an int, float, bool or text."""
    name, _, raw = text.partition("=")
    value: Any = raw
    for kind in (int, float):
        try:
            value = kind(raw)
            break
        except ValueError:
            continue
    if raw.lower() in ("true", "false"):
        value = raw.lower() == "true"
    return name.strip(), value


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instances", nargs="*", type=int)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--csv", default=None, help="also write CSV here")
    parser.add_argument("--log", action="store_true", help="CP-SAT log")
    parser.add_argument(
        "--lns", action="store_true", help="neighbourhood search after"
    )
    parser.add_argument(
        "--no-start",
        action="store_true",
        help="no person-by-person first roster",
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a CP-SAT parameter, e.g. linearization_level=2 (repeatable)",
    )
    args = parser.parse_args(argv)
    parameters = dict(_parameter(text) for text in args.param)

    rows = []
    for number in args.instances or range(1, 25):
        row, _ = run_instance(
            number,
            args.time_limit,
            args.workers,
            args.log,
            args.lns,
            not args.no_start,
            parameters,
        )
        rows.append(row)
        print(format_table([row]).splitlines()[-1], flush=True)
        if args.csv:
            write_csv(rows, args.csv)
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
