"""Infeasible models are explained by a minimal set of rule tags."""

from __future__ import annotations

from planner.roster import (
    Cover,
    Fixed,
    Mode,
    Request,
    RosterModel,
    Runs,
    Total,
    allowed_tag,
    explain_infeasibility,
    solve,
)
from planner.roster.lns import solve_lns

MODES = (Mode("W", 480), Mode("O", 0))


def test_cover_against_an_absence() -> None:
    """Two must work on day 0, but b is absent: the cover and b's absence
    conflict; the unrelated total and run rules are left out.
    """
    model = RosterModel(("a", "b"), 3, MODES)
    model.allow("b", 0, "O")
    model.add(Cover(("a", "b"), 0, "W", minimum=2, tag="cover day 0"))
    model.add(Total("a", (0, 1, 2), {"W": 1}, maximum=3, tag="a max 3"))
    model.add(Runs("b", "W", max_length=2, tag="b runs"))

    assert solve(model).status == "infeasible"
    assert sorted(explain_infeasibility(model)) == sorted(
        ["cover day 0", allowed_tag("b", 0)]
    )


def test_total_against_fixed_days() -> None:
    """At most one W day, yet W is fixed on days 0 and 1: all three are
    needed, the third fixed day (O, compatible) is not.
    """
    model = RosterModel(("a",), 3, MODES)
    model.add(Total("a", (0, 1, 2), {"W": 1}, maximum=1, tag="cap"))
    model.add(Fixed("a", 0, "W"), Fixed("a", 1, "W"), Fixed("a", 2, "O"))

    assert sorted(explain_infeasibility(model)) == sorted(
        ["cap", "fixed[person=a, day=0, W]", "fixed[person=a, day=1, W]"]
    )


def test_feasible_model_has_no_explanation() -> None:
    """Nothing conflicts in a feasible model."""
    model = RosterModel(("a",), 2, MODES)
    model.add(Cover(("a",), 0, "W", minimum=1))
    assert explain_infeasibility(model) == []


def test_neighbourhood_search_reaches_the_optimum() -> None:
    """The LNS driver returns the same optimum as a plain solve.

    Three people, five days, one on W each day at most two W days each
    (cover 1 hard), everyone wishing W on day 0 (weight 1): two wishes
    are lost whatever happens, so the optimum is 2.
    """
    people = ("a", "b", "c")
    model = RosterModel(people, 5, MODES)
    for day in range(5):
        model.add(Cover(people, day, "W", minimum=1, maximum=1))
    for person in people:
        model.add(Total(person, tuple(range(5)), {"W": 1}, maximum=2))
        model.add(Request(person, 0, "W", 1))

    solution = solve_lns(model, time_limit=5, workers=2)
    assert solution.status == "optimal"
    assert solution.objective == solution.solver_objective == 2
