"""Solver-independent results: assignments, penalties, solve statistics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from planner.roster.model import Day, ModeName, PersonId, Slot

Status = Literal["optimal", "feasible", "infeasible", "unknown"]
Assignment = dict[Slot, ModeName]


@dataclass(frozen=True)
class Penalty:
    """One paid soft-rule cost.

    Parameters
    ----------
    family : str
        Rule family, e.g. ``"cover"`` or ``"request"``.
    tag : str
        Tag of the rule that was not met.
    people : tuple of str
        Person or group concerned.
    day : int or None
        Day concerned, None for rules over several days.
    amount : int
        Size of the miss in the rule's unit (people short, days short,
        1 for a request).
    cost : int
        Objective contribution.
    detail : str
        Plain-language description of the miss.
    """

    family: str
    tag: str
    people: tuple[PersonId, ...]
    day: Day | None
    amount: int
    cost: int
    detail: str = ""

    def explain(self) -> str:
        """One sentence saying what was missed and what it cost."""
        return f"{self.tag}: {self.detail} (cost {self.cost})."


@dataclass(frozen=True)
class Violation:
    """A broken hard rule, named by its tag."""

    tag: str
    detail: str

    def explain(self) -> str:
        """One sentence saying which rule is broken and how."""
        return f"{self.tag}: {self.detail}."


@dataclass
class RosterSolution:
    """Outcome of one solve.

    Parameters
    ----------
    status : {"optimal", "feasible", "infeasible", "unknown"}
        Proven optimal, feasible without proof, proven infeasible, or
        nothing found in time.
    assignment : dict
        ``(person, day) -> mode name``; empty without a solution.
    objective : int or None
        Cost of ``assignment``, recomputed by the independent evaluator.
    solver_objective : int or None
        Objective value reported by the solver.
    best_bound : int or None
        Proven lower bound on the optimum.
    wall_time : float
        Seconds spent solving.
    first_solution_time : float or None
        Seconds until the first solution was found.
    penalties : list of Penalty
        Soft-rule costs paid by ``assignment``.
    """

    status: Status
    assignment: Assignment = field(default_factory=dict)
    objective: int | None = None
    solver_objective: int | None = None
    best_bound: int | None = None
    wall_time: float = 0.0
    first_solution_time: float | None = None
    penalties: list[Penalty] = field(default_factory=list)

    @property
    def gap(self) -> float | None:
        """Relative gap between objective and bound (0 when proven)."""
        if self.objective is None or self.best_bound is None:
            return None
        if self.objective == self.best_bound:
            return 0.0
        return (self.objective - self.best_bound) / max(1, abs(self.objective))

    @property
    def has_solution(self) -> bool:
        """Whether an assignment was found."""
        return self.status in ("optimal", "feasible")

    def explain(self) -> list[str]:
        """One sentence per paid penalty, most expensive first."""
        ordered = sorted(self.penalties, key=lambda p: -p.cost)
        return [p.explain() for p in ordered]
