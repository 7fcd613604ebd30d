"""Random tiny rosters: the solver agrees with brute-force enumeration.

Two people, three days and three modes give 3**6 = 729 rosters, few
enough to score every one with the independent evaluator. For each
random model the solver must either return a roster with no hard
violations whose cost is the brute-force optimum (and equals the
evaluator's), or prove infeasibility that enumeration confirms; an
infeasible model's explanation must be a minimal conflicting set.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.roster import (
    Balance,
    CommonDays,
    Cover,
    Fixed,
    ForbiddenSuccession,
    Mode,
    Request,
    RosterModel,
    Rule,
    Runs,
    Total,
    Weekends,
    allowed_tag,
    evaluate,
    explain_infeasibility,
    quadratic_costs,
    solve,
)

PEOPLE = ("a", "b")
DAYS = 3
MODES = (Mode("W", 480), Mode("H", 450, onsite_minutes=0), Mode("O", 0))
NAMES = ("W", "H", "O")

person = st.sampled_from(PEOPLE)
day = st.integers(0, DAYS - 1)
modes = st.sets(st.sampled_from(NAMES), min_size=1, max_size=2)
days = st.lists(day, min_size=1, max_size=DAYS, unique=True)
weight = st.none() | st.integers(0, 4)


@st.composite
def bounds(draw: st.DrawFn, top: int) -> tuple[int | None, int | None]:
    """A minimum and a maximum, each optional, in order."""
    low, high = sorted(
        draw(st.lists(st.integers(0, top), min_size=2, max_size=2))
    )
    return draw(st.none() | st.just(low)), draw(st.none() | st.just(high))


@st.composite
def cover(draw: st.DrawFn) -> Cover:
    """A hard or soft head-count rule."""
    low, high = draw(bounds(2))
    return Cover(
        PEOPLE, draw(day), draw(modes), low, high, draw(weight), draw(weight)
    )


@st.composite
def total(draw: st.DrawFn) -> Total:
    """A day count with optional hard bounds and a quadratic target."""
    low, high = draw(bounds(3))
    target = draw(st.none() | st.integers(1, 3))
    coefficients = {m: draw(st.integers(0, 2)) for m in draw(modes)}
    return Total(
        draw(person),
        tuple(draw(days)),
        coefficients,
        low,
        high,
        target,
        quadratic_costs(draw(st.integers(1, 3)), 4),
    )


@st.composite
def runs(draw: st.DrawFn) -> Runs:
    """Minimum and maximum run lengths."""
    low, high = draw(bounds(3))
    order = draw(st.permutations(range(DAYS)))
    chosen = tuple(order[: draw(st.integers(0, DAYS))])
    before = draw(st.integers(0, 3))
    return Runs(
        draw(person), draw(modes), low, high, days=chosen, before=before
    )


rule: st.SearchStrategy[Rule] = st.one_of(
    cover(),
    total(),
    runs(),
    st.builds(
        ForbiddenSuccession,
        st.sampled_from(NAMES),
        st.sampled_from(NAMES),
        st.none() | person,
    ),
    st.builds(Weekends, person, st.just(((0, 1),)), modes, st.integers(0, 1)),
    st.builds(Fixed, person, day, st.sampled_from(NAMES)),
    st.builds(Request, person, day, modes, st.integers(1, 4), st.booleans()),
    st.builds(
        CommonDays,
        st.just(PEOPLE),
        days,
        modes,
        st.integers(1, 2),
        weight,
        quorum=st.integers(1, 3),
    ),
    st.builds(Balance, st.just(PEOPLE), days, modes, st.integers(1, 3)),
)
restriction = st.tuples(person, day, modes)


def build(
    rules: list[Rule], restrictions: list[tuple[str, int, set[str]]]
) -> RosterModel:
    """A model of the fixed people, days and modes with ``rules``."""
    model = RosterModel(PEOPLE, DAYS, MODES)
    for who, when, allowed in restrictions:
        model.allow(who, when, allowed)
    model.add(*rules)
    return model


def brute_force(model: RosterModel) -> int | None:
    """Cheapest feasible roster cost by enumeration, None if none."""
    slots = [(p, d) for p in model.people for d in range(model.days)]
    best: int | None = None
    for choice in itertools.product(model.mode_names, repeat=len(slots)):
        roster = dict(zip(slots, choice, strict=True))
        violations, _, objective = evaluate(model, roster)
        if not violations and (best is None or objective < best):
            best = objective
    return best


def keep_only(model: RosterModel, tags: set[str]) -> RosterModel:
    """The model with just the rules and restrictions named in ``tags``."""
    kept = RosterModel(model.people, model.days, model.modes)
    for (who, when), allowed in model.allowed.items():
        if allowed_tag(who, when) in tags:
            kept.allow(who, when, allowed)
    kept.add(*(r for r in model.rules() if r.tag in tags))
    return kept


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(rule, max_size=4),
    st.lists(restriction, max_size=2),
)
def test_solver_matches_enumeration(
    rules: list[Rule], restrictions: list[tuple[str, int, set[str]]]
) -> None:
    """Optimal cost and feasibility agree with brute force."""
    model = build(rules, restrictions)
    solution = solve(model, time_limit=10, workers=2)
    best = brute_force(model)

    if best is None:
        assert solution.status == "infeasible"
        if not model.common_days:
            assert_minimal_core(model)
        return
    assert solution.status == "optimal"
    violations, _, objective = evaluate(model, solution.assignment)
    assert violations == []
    assert objective == solution.solver_objective == best


def assert_minimal_core(model: RosterModel) -> None:
    """The explanation conflicts, and every tag in it is needed."""
    core = set(explain_infeasibility(model))
    assert core
    assert brute_force(keep_only(model, core)) is None
    for tag in core:
        assert brute_force(keep_only(model, core - {tag})) is not None
