"""A first roster built person by person.

When no hard rule couples people (covers and common days are soft),
every person's hard rules can be satisfied independently. Solving one
tiny feasibility model per person gives a complete feasible roster
quickly, even where the full model
leaves CP-SAT searching a long time for its first solution. It is
meant as a hint for the full solve.
"""

from __future__ import annotations

from planner.roster.cpsat import solve
from planner.roster.model import PersonId, RosterModel, Rule
from planner.roster.solution import Assignment


def couples_people(model: RosterModel) -> bool:
    """Whether some hard rule involves more than one person."""
    hard_cover = any(
        (c.minimum is not None and c.under_weight is None)
        or (c.maximum is not None and c.over_weight is None)
        for c in model.covers
    )
    hard_common = any(c.weight is None for c in model.common_days)
    return hard_cover or hard_common


def person_model(model: RosterModel, person: PersonId) -> RosterModel:
    """The part of ``model`` that concerns ``person`` alone.

    Only the person's hard rules are kept; group rules (covers, common
    days, balances) and requests are left out.
    """
    part = RosterModel((person,), model.days, model.modes)
    for day in range(model.days):
        if (person, day) in model.allowed:
            part.allow(person, day, model.allowed[person, day])
    part.add(*_own_rules(model, person))
    return part


def _own_rules(model: RosterModel, person: PersonId) -> list[Rule]:
    # Hard rules only: CP-SAT finds a feasible line in a fraction of a
    # second (with two workers, so that feasibility jump runs; a single
    # worker can search for seconds), but much slower once the
    # person's requests form an objective.
    own: list[Rule] = [r for r in model.totals if r.person == person]
    own += [r for r in model.runs if r.person == person]
    own += [r for r in model.weekends if r.person == person]
    own += [r for r in model.fixed if r.person == person]
    own += [r for r in model.successions if r.person in (None, person)]
    return own


def person_by_person(
    model: RosterModel, seconds_per_person: float = 1.0
) -> Assignment | None:
    """Solve each person's hard rules separately and join the lines.

    Parameters
    ----------
    model : RosterModel
        The problem; its hard rules must not couple people.
    seconds_per_person : float
        Time limit of each small solve.

    Returns
    -------
    dict or None
        A roster satisfying every hard rule, or None when some person
        has no feasible line in time.

    Raises
    ------
    ValueError
        When a hard rule couples people.
    """
    if couples_people(model):
        raise ValueError("A hard group rule couples the people's rosters.")
    joined: Assignment = {}
    for person in model.people:
        part = solve(
            person_model(model, person),
            time_limit=seconds_per_person,
            workers=2,
        )
        if not part.has_solution:
            return None
        joined.update(part.assignment)
    return joined
