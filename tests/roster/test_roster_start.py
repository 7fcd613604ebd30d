"""A first roster built person by person, used as a hint."""

from __future__ import annotations

import pytest

from benchmarks.nrp.reader import build_model, data_dir, read_instance
from planner.roster import Cover, Mode, RosterModel, Runs, Total, evaluate
from planner.roster.start import couples_people, person_by_person

WORK = Mode("W", 480)
OFF = Mode("O", 0)


def needs_instances() -> None:
    """Skip, naming where the instances were looked for, without them."""
    try:
        data_dir()
    except FileNotFoundError as error:
        pytest.skip(str(error))


def test_lines_joined_keep_every_hard_rule() -> None:
    """Instance 4's nurses solved one by one: no hard rule is broken.

    The covers are soft, so the joined roster is complete and feasible
    though far from optimal.
    """
    needs_instances()
    model = build_model(read_instance(4))
    assert not couples_people(model)

    roster = person_by_person(model, seconds_per_person=2)

    assert roster is not None
    assert set(roster) == {
        (p, d) for p in model.people for d in range(model.days)
    }
    assert evaluate(model, roster).violations == []


def test_own_rules_shape_each_line() -> None:
    """Two people, each between 2 and 3 working days and runs of at most
    2 days: every line respects its own totals and runs."""
    model = RosterModel(("a", "b"), 5, (WORK, OFF))
    for person in model.people:
        model.add(
            Total(person, tuple(range(5)), {"W": 1}, minimum=2, maximum=3),
            Runs(person, frozenset({"W"}), max_length=2),
        )
    model.add(
        Cover(model.people, 0, frozenset({"W"}), minimum=2, under_weight=5)
    )

    roster = person_by_person(model)

    assert roster is not None
    assert evaluate(model, roster).violations == []


def test_a_hard_cover_is_refused() -> None:
    """A hard cover couples the people: the split does not apply."""
    model = RosterModel(("a", "b"), 2, (WORK, OFF))
    model.add(Cover(model.people, 0, frozenset({"W"}), minimum=1))

    assert couples_people(model)
    with pytest.raises(ValueError, match="couples"):
        person_by_person(model)


def test_a_person_without_a_feasible_line_gives_none() -> None:
    """Three working days asked of a two-day horizon: no line exists."""
    model = RosterModel(("a",), 2, (WORK, OFF))
    model.add(Total("a", (0, 1), {"W": 1}, minimum=3))

    assert person_by_person(model) is None
