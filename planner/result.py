"""Plans in the users' terms: plain objects, independent of the solver."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from models import EmployeeId, PlanPeriod, Weekday, Workforce
from planner.build import Finding, TagInfo
from planner.eligibility import Eligibility
from planner.policy import EffectivePolicy
from planner.roster import RosterModel, evaluate

WISH_KINDS = frozenset({"wish", "preferred_flexible", "preferred_office"})


class DayMode(StrEnum):
    """What a person does on a day, as the CSV and workbook write it."""

    OFFICE = "office"
    FLEXIBLE = "flexible"
    SPLIT = "split"
    ABSENT = "absent"
    HOLIDAY = "holiday"
    OFF = "off"


class UnitStatus(StrEnum):
    """How a unit's plan ended."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Assignment:
    """One person on one date.

    Attributes
    ----------
    nip, date
        Who and when.
    mode
        Where the person works, or why not at all.
    office_hours, flexible_hours
        Hours on site and away that day.
    note
        The absence's kind or the holiday's name, if any.
    """

    nip: EmployeeId
    date: dt.date
    mode: DayMode
    office_hours: float = 0.0
    flexible_hours: float = 0.0
    note: str = ""


@dataclass(frozen=True)
class DayCoverage:
    """On-site coverage of a unit on one working day.

    Attributes
    ----------
    date
        The day.
    present
        People of the unit not absent that day.
    required
        People who must be on site.
    onsite
        People planned on site (a split day counts).
    capacity
        Desks, or ``None`` when unlimited.
    """

    date: dt.date
    present: int
    required: int
    onsite: int
    capacity: int | None = None

    @property
    def margin(self) -> int:
        """People on site beyond the minimum."""
        return self.onsite - self.required


@dataclass(frozen=True)
class PersonWeek:
    """One person's hours and flexible days in one week.

    Attributes
    ----------
    nip, week
        Who, and the Monday of the week.
    office_hours, flexible_hours
        Hours planned on site and away.
    required_office_hours
        Least on-site hours the policy asks of the person that week
        (``None`` for people who cannot work flexibly).
    flexible_days
        Flexible days granted; a split day counts as half.
    cap_days
        Most flexible days allowed that week.
    """

    nip: EmployeeId
    week: dt.date
    office_hours: float
    flexible_hours: float
    required_office_hours: float | None
    flexible_days: float
    cap_days: float


@dataclass(frozen=True)
class PaidPenalty:
    """A wish or soft rule not met, with what it cost.

    Attributes
    ----------
    info
        Which rule, whom and when.
    amount
        How far it was missed (days short, 1 for a wish, ...).
    cost
        Its share of the objective.
    """

    info: TagInfo
    amount: int
    cost: int


@dataclass
class UnitPlan:
    """The plan of one unit.

    Attributes
    ----------
    unit
        The unit's name.
    status
        Proven optimal, feasible (with ``gap``), infeasible or unknown.
    objective, bound
        The roster's cost and the best proven lower bound.
    solver_objective
        The cost as the solver reported it; equal to ``objective``,
        which the independent evaluator recomputes.
    wall_time
        Seconds spent solving.
    assignments
        Everyone of the unit on every day of the period.
    coverage
        Every working day's coverage.
    weeks
        Hours and flexible days per person and week.
    penalties
        Every penalty paid.
    findings
        Reasons found before solving that no roster exists.
    conflicts
        A minimal set of rules that cannot hold together (from the
        solver), when the unit is infeasible and no finding explains it.
    model, roster
        The general roster model and its solution, kept so that the
        objective can be recomputed without the solver.
    wishes
        Wishes (requests that are not fixed, preferred days) planned.
    requested_days
        Flexible days asked for that the weeks could give, in days.
    """

    unit: str
    status: UnitStatus
    objective: int | None = None
    bound: int | None = None
    solver_objective: int | None = None
    wall_time: float = 0.0
    assignments: list[Assignment] = field(default_factory=list)
    coverage: list[DayCoverage] = field(default_factory=list)
    weeks: list[PersonWeek] = field(default_factory=list)
    penalties: list[PaidPenalty] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    conflicts: list[TagInfo] = field(default_factory=list)
    model: RosterModel | None = None
    roster: dict[tuple[str, int], str] = field(default_factory=dict)
    wishes: int = 0
    requested_days: float = 0.0

    @property
    def gap(self) -> float | None:
        """Relative distance from the bound, 0 when proven optimal."""
        if self.objective is None or self.bound is None:
            return None
        if self.objective <= self.bound:
            return 0.0
        return (self.objective - self.bound) / max(1, self.objective)

    @property
    def wishes_met(self) -> int:
        """Wishes honoured."""
        missed = sum(1 for p in self.penalties if p.info.kind in WISH_KINDS)
        return self.wishes - missed

    @property
    def planned(self) -> bool:
        """Whether the unit has a roster."""
        return self.status in (UnitStatus.OPTIMAL, UnitStatus.FEASIBLE)

    def recompute_objective(self) -> int | None:
        """The roster's cost, computed from the assignments alone."""
        if self.model is None or not self.planned:
            return None
        return evaluate(self.model, self.roster).objective


@dataclass
class Plan:
    """A planned period for every unit of a workforce.

    Attributes
    ----------
    workforce, policy, eligibility, period
        What was planned, under which rules.
    units
        One plan per unit, in workbook order.
    wall_time
        Seconds from reading to the last unit solved.
    """

    workforce: Workforce
    policy: EffectivePolicy
    eligibility: dict[EmployeeId, Eligibility]
    period: PlanPeriod
    units: list[UnitPlan]
    wall_time: float = 0.0

    @property
    def infeasible(self) -> list[UnitPlan]:
        """Units proven to have no roster under the rules."""
        return [u for u in self.units if u.status is UnitStatus.INFEASIBLE]

    @property
    def timed_out(self) -> list[UnitPlan]:
        """Units for which no roster was found within the time limit."""
        return [u for u in self.units if u.status is UnitStatus.UNKNOWN]

    @property
    def unplanned(self) -> list[UnitPlan]:
        """Units without a roster, infeasible or out of time."""
        return [u for u in self.units if not u.planned]

    @property
    def objective(self) -> int:
        """The total cost of every planned unit."""
        return sum(u.objective or 0 for u in self.units if u.planned)

    def to_frame(self) -> pd.DataFrame:
        """The long format: one row per person and date.

        Columns: ``nip, name, unit, sub_unit, date, day, mode,
        office_hours, flexible_hours``.
        """
        people = self.workforce.by_nip
        rows = []
        for unit in self.units:
            for item in unit.assignments:
                person = people[item.nip]
                rows.append(
                    (
                        item.nip,
                        person.name,
                        person.unit,
                        person.sub_unit,
                        item.date.isoformat(),
                        Weekday.of(item.date).label("en"),
                        item.mode.value,
                        item.office_hours,
                        item.flexible_hours,
                    )
                )
        return pd.DataFrame(rows, columns=list(CSV_COLUMNS))


CSV_COLUMNS = (
    "nip",
    "name",
    "unit",
    "sub_unit",
    "date",
    "day",
    "mode",
    "office_hours",
    "flexible_hours",
)
