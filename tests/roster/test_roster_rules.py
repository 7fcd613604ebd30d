"""Each rule family on a tiny roster whose optimum is worked out by hand.

Every solve goes through :func:`solved`, which also holds the solver's
objective equal to the one recomputed by the independent evaluator.
"""

from __future__ import annotations

import pytest

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
    Runs,
    Total,
    Weekends,
    evaluate,
    quadratic_costs,
    solve,
)

WORK = Mode("W", 480)
OFF = Mode("O", 0)


def roster(people: str = "a", days: int = 1, *extra: Mode) -> RosterModel:
    """People named by single letters, modes W (work), O (off), extras."""
    return RosterModel(tuple(people), days, (WORK, OFF, *extra))


def solved(model: RosterModel) -> RosterSolution:
    """Solve to optimality and cross-check with the evaluator."""
    solution = solve(model, time_limit=10, workers=2)
    assert solution.status == "optimal"

    violations, penalties, objective = evaluate(model, solution.assignment)
    assert violations == []
    assert objective == solution.solver_objective == solution.objective
    assert sum(p.cost for p in penalties) == objective
    return solution


def line(solution: RosterSolution, person: str, days: int) -> str:
    """A person's modes as a string, e.g. ``"WWO"``."""
    return "".join(solution.assignment[person, d] for d in range(days))


def want(person: str, day: int, mode: str, weight: int) -> Request:
    """A request of ``weight`` to be in ``mode``."""
    return Request(person, day, mode, weight)


def test_hard_cover_overrides_requests() -> None:
    """A hard minimum forces both people to work against their wishes.

    Cover needs 2 on day 0; both want off (weights 1 and 2): cost 3.
    """
    model = roster("ab")
    model.add(Cover(("a", "b"), 0, "W", minimum=2))
    model.add(want("a", 0, "O", 1), want("b", 0, "O", 2))

    assert solved(model).objective == 3


def test_soft_cover_under_trades_against_requests() -> None:
    """Each missing person costs the under weight.

    Need 2 (3 per missing); a wants off at 5, b at 2. Both work: 7;
    only a works: 3 + 5 = 8; only b: 3 + 2 = 5; nobody: 6. Optimum 5.
    """
    model = roster("ab")
    model.add(Cover(("a", "b"), 0, "W", minimum=2, under_weight=3))
    model.add(want("a", 0, "O", 5), want("b", 0, "O", 2))

    solution = solved(model)
    assert solution.objective == 5
    assert solution.assignment == {("a", 0): "O", ("b", 0): "W"}
    assert [p.family for p in solution.penalties] == ["cover", "request"]


def test_soft_cover_over_weight() -> None:
    """Surplus staff cost the over weight: 4 > request 3, so a stays off."""
    model = roster("a")
    model.add(Cover(("a",), 0, "W", maximum=0, over_weight=4))
    model.add(want("a", 0, "W", 3))

    assert solved(model).objective == 3


def test_total_hard_maximum() -> None:
    """At most one W day: the heaviest request (day 2, weight 3) wins.

    Cost: the other requests, 1 + 2 = 3.
    """
    model = roster("a", 3)
    model.add(Total("a", (0, 1, 2), {"W": 1}, maximum=1))
    model.add(*(want("a", d, "W", d + 1) for d in range(3)))

    solution = solved(model)
    assert solution.objective == 3
    assert line(solution, "a", 3) == "OOW"


def test_total_hard_minimum_of_minutes() -> None:
    """960 minutes need two W days of 480, despite wishes for O (1 each)."""
    model = roster("a", 3)
    model.add(Total("a", (0, 1, 2), {"W": 480}, minimum=960))
    model.add(*(want("a", d, "O", 1) for d in range(3)))

    assert solved(model).objective == 2


def test_total_target_spreads_shortfall_convexly() -> None:
    """Quadratic shortfall cost shares scarce W days out evenly.

    Both want 2 W days of 2, one W per day overall. 2 + 0 days costs
    0 + 4; 1 + 1 costs 1 + 1 = 2.
    """
    model = roster("ab", 2)
    costs = quadratic_costs(1, 3)
    for person in "ab":
        model.add(Total(person, (0, 1), {"W": 1}, target=2, costs=costs))
    for day in (0, 1):
        model.add(Cover(("a", "b"), day, "W", maximum=1))

    solution = solved(model)
    assert solution.objective == 2
    assert {line(solution, p, 2).count("W") for p in "ab"} == {1}


def test_total_cost_table_continues_last_slope() -> None:
    """Past the table a shortfall costs the last step more per unit."""
    rule = Total("a", (0,), {"W": 1}, target=5, costs=(0, 1, 4))
    assert [rule.cost(s) for s in range(6)] == [0, 1, 4, 7, 10, 13]


def test_total_split_counts_half() -> None:
    """Flexible counts 2, split 1, at most 2: two splits fit, F+S not.

    Away (F or S) is wanted both days at 5 each, so S, S costs 0.
    """
    split = Mode("S", 450, onsite_minutes=240)
    flexible = Mode("F", 450, onsite_minutes=0)
    model = roster("a", 2, split, flexible)
    model.add(Total("a", (0, 1), {"F": 2, "S": 1}, maximum=2))
    model.add(*(Request("a", d, {"F", "S"}, 5) for d in (0, 1)))

    solution = solved(model)
    assert solution.objective == 0
    assert line(solution, "a", 2) == "SS"


def test_runs_maximum() -> None:
    """At most two W in a row over four days wanted W: one day lost."""
    model = roster("a", 4)
    model.add(Runs("a", "W", max_length=2))
    model.add(*(want("a", d, "W", 1) for d in range(4)))

    assert solved(model).objective == 1


def test_runs_minimum_inner_run() -> None:
    """A lone inner W day is too short for a minimum of 3.

    W wanted on day 2 (5), O on the others (1 each). Three W around day
    2 cost 2, staying off costs 5.
    """
    model = roster("a", 5)
    model.add(Runs("a", "W", min_length=3))
    model.add(want("a", 2, "W", 5))
    model.add(*(want("a", d, "O", 1) for d in (0, 1, 3, 4)))

    solution = solved(model)
    assert solution.objective == 2
    assert line(solution, "a", 5).count("W") == 3


def test_runs_minimum_exempts_horizon_edges() -> None:
    """Runs touching either end may be short: W only on the last day."""
    model = roster("a", 4)
    model.add(Runs("a", "W", min_length=3))
    model.add(want("a", 3, "W", 5))
    model.add(*(want("a", d, "O", 1) for d in (0, 1, 2)))

    solution = solved(model)
    assert solution.objective == 0
    assert line(solution, "a", 4) == "OOOW"


def test_runs_minimum_days_off() -> None:
    """At least two days off in a row: W O W is not allowed.

    W wanted on days 0 and 2 (3 each), O on day 1 (1): W W W costs 1.
    """
    model = roster("a", 3)
    model.add(Runs("a", "O", min_length=2))
    model.add(want("a", 0, "W", 3), want("a", 2, "W", 3))
    model.add(want("a", 1, "O", 1))

    solution = solved(model)
    assert solution.objective == 1
    assert line(solution, "a", 3) == "WWW"


def test_runs_over_chosen_days_skip_the_others() -> None:
    """Runs counted over days 0, 1, 3: day 2 neither breaks nor extends.

    At most two W in a row over (0, 1, 3), W wanted on all four days
    (1 each). Day 2 is outside the sequence, so W on 0, 1 and 3 is a run
    of three: one of those goes, day 2 stays W. Optimum 1.
    """
    model = roster("a", 4)
    model.add(Runs("a", "W", max_length=2, days=(0, 1, 3)))
    model.add(*(want("a", d, "W", 1) for d in range(4)))

    solution = solved(model)
    assert solution.objective == 1
    assert solution.assignment["a", 2] == "W"


def test_runs_carried_over_from_before_the_horizon() -> None:
    """Two W days before day 0 and at most three in a row.

    W wanted on day 0 (2) and days 1-2 (1 each). With two days carried
    over, W W W would be a run of five: one of days 0-1 must be off, and
    giving up day 1 is cheaper: W O W costs 1. Without the carried days
    W W W would cost nothing.
    """
    model = roster("a", 3)
    model.add(Runs("a", "W", max_length=3, before=2))
    model.add(want("a", 0, "W", 2))
    model.add(*(want("a", d, "W", 1) for d in (1, 2)))

    solution = solved(model)
    assert solution.objective == 1
    assert line(solution, "a", 3) == "WOW"


def test_runs_carried_over_longer_than_the_maximum() -> None:
    """Five W days carried over a maximum of two: day 0 must be off."""
    model = roster("a", 2)
    model.add(Runs("a", "W", max_length=2, before=5))
    model.add(want("a", 0, "W", 3), want("a", 1, "W", 1))

    solution = solved(model)
    assert solution.objective == 3
    assert line(solution, "a", 2) == "OW"


def test_forbidden_succession() -> None:
    """L then E is forbidden: of the wishes L (2) then E (3), L goes."""
    model = roster("a", 2, Mode("L", 480), Mode("E", 480))
    model.add(ForbiddenSuccession("L", "E"))
    model.add(want("a", 0, "L", 2), want("a", 1, "E", 3))

    solution = solved(model)
    assert solution.objective == 2
    assert solution.assignment["a", 1] == "E"


def test_forbidden_succession_ignores_the_last_day() -> None:
    """L on the last day is fine: beyond the horizon counts as off."""
    model = roster("a", 1, Mode("L", 480), Mode("E", 480))
    model.add(ForbiddenSuccession("L", "E"), want("a", 0, "L", 1))

    assert solved(model).objective == 0


def test_weekends_maximum() -> None:
    """One weekend at most: W on days 0 and 1 is one weekend, day 3 not."""
    model = roster("a", 4)
    model.add(Weekends("a", ((0, 1), (2, 3)), "W", maximum=1))
    model.add(want("a", 0, "W", 2), want("a", 1, "W", 2))
    model.add(want("a", 3, "W", 1))

    solution = solved(model)
    assert solution.objective == 1
    assert line(solution, "a", 4)[:2] == "WW"


def test_fixed_assignment_beats_request() -> None:
    """A fixed W stands against a request for O of weight 9."""
    model = roster("a")
    model.add(Fixed("a", 0, "W"), want("a", 0, "O", 9))

    assert solved(model).objective == 9


def test_unwanted_request() -> None:
    """An unwanted W costs its weight only when W is assigned."""
    model = roster("a", 1)
    model.add(Request("a", 0, "W", 4, wanted=False))
    model.add(Cover(("a",), 0, "W", minimum=1))

    solution = solved(model)
    assert solution.objective == 4
    assert solution.penalties[0].explain().startswith("request-off[")


def test_common_days_hard() -> None:
    """a and b must share one W day; each wants O on a different day.

    Sharing day 0 or day 1 breaks one wish of weight 1.
    """
    model = roster("ab", 2)
    model.add(CommonDays(("a", "b"), (0, 1), "W"))
    model.add(want("a", 0, "O", 1), want("b", 1, "O", 1))

    assert solved(model).objective == 1


def test_common_days_soft_ignores_absent_members() -> None:
    """Absent members do not block a common day; a miss costs weight.

    Two common W days wanted (weight 2 per missing day). b is away on
    day 0, so day 0 needs only a; day 1 needs both, but a wants O there
    at 5: paying 2 for the missing day is cheaper.
    """
    model = roster("ab", 2)
    model.allow("b", 0, "O")
    model.add(CommonDays(("a", "b"), (0, 1), "W", minimum=2, weight=2))
    model.add(want("a", 1, "O", 5))

    solution = solved(model)
    assert solution.objective == 2
    assert solution.assignment["a", 0] == "W"


def test_common_days_quorum_needs_two_present() -> None:
    """With a quorum of 2, a day on which b is away is no common day.

    One common W day wanted (weight 4); b is away on day 0, and a wants
    O on day 1 at 3. Without the quorum day 0 alone would count and cost
    nothing; with it, day 1 must be shared: a pays 3 rather than 4.
    """
    model = roster("ab", 2)
    model.allow("b", 0, "O")
    model.add(
        CommonDays(("a", "b"), (0, 1), "W", weight=4, quorum=2),
        want("a", 1, "O", 3),
    )

    solution = solved(model)
    assert solution.objective == 3
    assert solution.assignment["a", 1] == "W"


def test_balance_evens_daily_counts() -> None:
    """Both want W on day 0 but each works one day; balance weight 3.

    Both on day 0: counts 2, 0 cost 6; one per day: spread 0 and one
    broken wish, cost 1.
    """
    model = roster("ab", 2)
    model.add(Balance(("a", "b"), (0, 1), "W", weight=3))
    for person in "ab":
        model.add(Total(person, (0, 1), {"W": 1}, minimum=1, maximum=1))
        model.add(want(person, 0, "W", 1))

    assert solved(model).objective == 1


def test_hint_and_workers_do_not_change_the_optimum() -> None:
    """A (bad) previous roster as hint and one worker reach the same cost."""
    model = roster("ab", 3)
    model.add(*(Cover(("a", "b"), d, "W", minimum=1) for d in range(3)))
    model.add(want("a", 0, "O", 2), want("b", 1, "O", 2))

    hint = {(p, d): "O" for p in "ab" for d in range(3)}
    solution = solve(model, hint=hint, workers=1)
    assert solution.objective == 0
    assert solution.first_solution_time is not None


def test_rules_validate_themselves() -> None:
    """Bad rules fail at construction with one-sentence messages."""
    with pytest.raises(ValueError, match=r"^The minimum of a cover .*\.$"):
        Cover(("a",), 0, "W", minimum=2, maximum=1)
    with pytest.raises(ValueError, match="increasing and convex"):
        Total("a", (0,), {"W": 1}, target=2, costs=(0, 3, 4))
    with pytest.raises(ValueError, match="on-site minutes"):
        Mode("S", 100, onsite_minutes=200)


def test_model_checks_rules_against_people_days_modes() -> None:
    """Rules naming unknown people, days or modes are refused."""
    model = roster("a", 2)
    with pytest.raises(ValueError, match=r"^Unknown person z\.$"):
        model.add(want("z", 0, "W", 1))
    with pytest.raises(ValueError, match="outside the horizon"):
        model.add(want("a", 2, "W", 1))
    with pytest.raises(ValueError, match=r"^Unknown modes X\.$"):
        model.add(want("a", 0, "X", 1))


def test_mode_minutes_on_and_off_site() -> None:
    """A split day splits its minutes; an off day is not on site."""
    split = Mode("split", 450, onsite_minutes=240)
    assert (split.onsite, split.away_minutes) == (True, 210)
    assert Mode("office", 450).minutes_on_site == 450
    assert not Mode("off").onsite
