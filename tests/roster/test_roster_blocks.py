"""Solving block by block: proven optimal only when it is, else the whole.

Each test compares :func:`solve_in_blocks` with a plain solve of the
whole model; both must be optimal with the same objective.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roster_properties import DAYS, build, restriction, rule

from planner.roster import (
    Cover,
    Mode,
    Request,
    RosterModel,
    Runs,
    Total,
    Weekends,
    evaluate,
    quadratic_costs,
    solve,
)
from planner.roster import blocks as blocks_module
from planner.roster.blocks import block_model, solve_in_blocks

WORK = Mode("W", 480)
OFF = Mode("O", 0)
WEEKS = ((0, 1, 2), (3, 4, 5))


def model(people: str = "a", days: int = 6) -> RosterModel:
    """People named by letters over ``days`` days, modes W and O."""
    return RosterModel(tuple(people), days, (WORK, OFF))


@pytest.fixture
def wholes(monkeypatch) -> list[int]:
    """Counts the solves of a whole six-day model inside the blocks."""
    calls: list[int] = []

    def counted(roster: RosterModel, **options):
        if roster.days == 6:
            calls.append(1)
        return solve(roster, **options)

    monkeypatch.setattr(blocks_module, "solve", counted)
    return calls


def both(roster: RosterModel, blocks=WEEKS):
    """The block solution, after checking it against a whole solve."""
    whole = solve(roster, workers=2)
    parts = solve_in_blocks(roster, blocks, workers=2)
    assert whole.status == parts.status == "optimal"
    assert parts.objective == whole.objective == parts.best_bound
    evaluation = evaluate(roster, parts.assignment)
    assert evaluation.violations == []
    assert evaluation.objective == parts.objective
    return parts


def test_blocks_proven_when_nothing_links_them(wholes) -> None:
    """Per-day wishes and weekly totals: the blocks alone are the answer.

    Each week a wants W on every day (1 each) but works at most 2 days:
    one miss a week, 2 in all.
    """
    roster = model()
    roster.add(*(Request("a", d, "W", 1) for d in range(6)))
    for week in WEEKS:
        roster.add(Total("a", week, {"W": 1}, maximum=2))

    solution = both(roster)
    assert solution.objective == 2
    assert wholes == []


def test_linking_target_falls_back_to_the_whole(wholes) -> None:
    """A target over both weeks that the blocks ignore.

    a wants O everywhere (1 each) but must reach 4 W days over the
    period (shortfall costs 10 per day). Alone, each block stays off;
    joined, that misses the target, so the whole is solved: 4 W days,
    cost 4.
    """
    roster = model()
    roster.add(*(Request("a", d, "O", 1) for d in range(6)))
    roster.add(
        Total(
            "a",
            tuple(range(6)),
            {"W": 1},
            target=4,
            costs=quadratic_costs(10, 4),
        )
    )

    solution = both(roster)
    assert solution.objective == 4
    assert wholes == [1]
    assert sum(m == "W" for m in solution.assignment.values()) == 4


def test_run_across_blocks_falls_back_to_the_whole(wholes) -> None:
    """At most 3 W in a row; each week wants W on all 3 days (1 each).

    Each block alone gives W W W; joined, that is a run of 6. The whole
    model breaks it once: cost 1.
    """
    roster = model()
    roster.add(Runs("a", "W", max_length=3))
    roster.add(*(Request("a", d, "W", 1) for d in range(6)))

    assert both(roster).objective == 1
    assert wholes == [1]


def test_infeasible_block_means_infeasible_whole() -> None:
    """Two people, one day needing three at work: no roster exists."""
    roster = model("ab")
    roster.add(Cover(("a", "b"), 4, "W", minimum=3))

    assert solve_in_blocks(roster, WEEKS, workers=2).status == "infeasible"


def test_block_model_keeps_inner_rules_and_cuts_runs() -> None:
    """Rules inside the block are renumbered; runs and weekends are cut.

    Weekends (2, 3) straddles the blocks and is left out of both; a run
    rule is cut to each block, carried-over days only in the first.
    """
    roster = model()
    roster.add(
        Request("a", 4, "W", 1),
        Total("a", (3, 4, 5), {"W": 1}, maximum=2),
        Total("a", tuple(range(6)), {"W": 1}, maximum=5),
        Runs("a", "W", max_length=2, before=1),
        Weekends("a", ((0, 1), (2, 3)), "W", 1),
    )

    first, second = (block_model(roster, days) for days in WEEKS)
    assert [r.day for r in second.requests] == [1]
    assert [r.days for r in second.totals] == [(0, 1, 2)]
    assert first.totals == []
    assert [(r.days, r.before) for r in first.runs] == [((0, 1, 2), 1)]
    assert [(r.days, r.before) for r in second.runs] == [((0, 1, 2), 0)]
    assert [r.weekends for r in first.weekends] == [((0, 1),)]
    assert second.weekends == []


@pytest.mark.parametrize(
    "blocks", [((0, 1), (3, 4, 5)), ((0, 1, 2), (2, 3, 4, 5)), ((0, 2),)]
)
def test_blocks_must_be_consecutive_and_cover_the_horizon(blocks) -> None:
    """Gaps, overlaps and holes in a block are refused."""
    with pytest.raises(ValueError, match=r"[Bb]lock"):
        solve_in_blocks(model(), blocks)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(rule, max_size=6),
    st.lists(restriction, max_size=3),
    st.integers(1, DAYS - 1),
)
def test_blocks_agree_with_the_whole(rules, restrictions, cut) -> None:
    """On random models and a random split, the optimum is the same."""
    roster = build(rules, restrictions)
    blocks = (tuple(range(cut)), tuple(range(cut, DAYS)))
    whole = solve(roster, workers=2)
    parts = solve_in_blocks(roster, blocks, workers=2)
    assert parts.status == whole.status
    if whole.status == "optimal":
        assert parts.objective == whole.objective
        assert evaluate(roster, parts.assignment).violations == []
