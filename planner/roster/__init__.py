"""General roster layer: model, CP-SAT solve, evaluation, explanations.

The layer knows people, days, modes and rule families, nothing of the
civil service; the MKD policy layer builds :class:`RosterModel` objects
from its own data.
"""

from planner.roster.cpsat import DEFAULT_WORKERS, solve
from planner.roster.evaluate import Evaluation, evaluate
from planner.roster.explain import explain_infeasibility
from planner.roster.model import (
    Balance,
    CommonDays,
    Cover,
    Day,
    Fixed,
    ForbiddenSuccession,
    Mode,
    ModeName,
    PersonId,
    Request,
    RosterModel,
    Rule,
    Runs,
    Slot,
    Total,
    Weekends,
    allowed_tag,
    quadratic_costs,
)
from planner.roster.solution import (
    Assignment,
    Penalty,
    RosterSolution,
    Status,
    Violation,
)

__all__ = [
    "DEFAULT_WORKERS",
    "Assignment",
    "Balance",
    "CommonDays",
    "Cover",
    "Day",
    "Evaluation",
    "Fixed",
    "ForbiddenSuccession",
    "Mode",
    "ModeName",
    "Penalty",
    "PersonId",
    "Request",
    "RosterModel",
    "RosterSolution",
    "Rule",
    "Runs",
    "Slot",
    "Status",
    "Total",
    "Violation",
    "Weekends",
    "allowed_tag",
    "evaluate",
    "explain_infeasibility",
    "quadratic_costs",
    "solve",
]
