"""Curtois-Qu instances through the general roster layer.

The instances live in the shared data folder (``../shared`` beside the
repository, this workplace's ``/work/shared``, or the folder named in
``NRP_CURTOIS_DATA``); without them these tests are skipped with a
message saying where the data was looked for.
"""

from __future__ import annotations

import pytest

from benchmarks.nrp.evaluate import score
from benchmarks.nrp.reader import OFF, build_model, read_instance
from benchmarks.nrp.run import best_known
from planner.roster import evaluate, solve


def test_data_is_present() -> None:
    """The shared instances are found; otherwise say where to put them."""
    instance = read_instance(1)
    assert (instance.horizon, len(instance.staff)) == (14, 8)


def test_evaluator_nobody_working() -> None:
    """Instance 1 with an empty roster: all cover missing plus requests.

    71 missing shifts at 100 plus 37 of unmet shift-on requests.
    """
    assert score(read_instance(1), {}).objective == 7137


def test_evaluator_one_employee_two_days() -> None:
    """A on the D shift on days 2 and 3 (from 0): two less short, two
    requests met: 7137 - 200 - 4 = 6933.
    """
    roster = {("A", 2): "D", ("A", 3): "D"}
    result = score(read_instance(1), roster)

    assert result.objective == 6933
    assert any("minutes" in v for v in result.violations)


@pytest.mark.parametrize("number", [1, 2, 3])
def test_small_instances_solve_to_the_known_optimum(number: int) -> None:
    """Instances 1-3 are proven optimal at 607, 828 and 1001, and the
    benchmark's own evaluator agrees with the solver and the general
    layer's evaluator.
    """
    instance = read_instance(number)
    model = build_model(instance)
    solution = solve(model, time_limit=30)

    assert solution.status == "optimal"
    assert solution.objective == best_known()[number]
    assert evaluate(model, solution.assignment).violations == []

    roster = {k: m for k, m in solution.assignment.items() if m != OFF}
    checked = score(instance, roster)
    assert checked.violations == []
    assert checked.objective == solution.solver_objective
