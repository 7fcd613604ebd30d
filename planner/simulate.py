"""``mkd simulate``: plan a workforce under several policies and compare.

Each scenario is planned exactly as ``mkd plan`` would (its policy, then
the workbook's own ``Kebijakan`` sheet, then unit values), and summarised
per unit and for the whole province.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from models import Workforce
from planner.check import load
from planner.eligibility import Reason
from planner.plan import SolveOptions, plan_workforce
from planner.result import DayMode, Plan, UnitPlan, UnitStatus
from planner.scenarios import Scenario
from planner.sentences import conflict_sentence, finding_sentence

ScenarioProgress = Callable[[str, UnitPlan, int, int], None]
"""Called with the scenario's name, a unit's plan, units done and all."""


def gini(values: Sequence[float]) -> float:
    """The Gini coefficient of non-negative values: 0 is perfectly even.

    Computed from the sorted values as ``sum((2i - n - 1) x_i) / (n sum
    x)`` with ``i`` from 1; 0 for an empty or all-zero list.
    """
    ordered = sorted(values)
    total = sum(ordered)
    count = len(ordered)
    if count == 0 or total == 0:
        return 0.0
    weighted = sum(
        (2 * rank - count - 1) * value
        for rank, value in enumerate(ordered, start=1)
    )
    return weighted / (count * total)


@dataclass
class UnitFigures:
    """What one policy does to one unit.

    Attributes
    ----------
    scenario, unit
        Which policy and which unit.
    people, eligible
        Head counts.
    reasons
        People failing each eligibility rule.
    present_person_days
        Person-days worked (on site, flexible or split).
    flexible_days, requested_days
        Flexible person-days granted (split = half) and asked for.
    onsite
        People on site per date.
    min_margin, min_margin_date
        The smallest coverage margin (people) and its day.
    status
        ``optimal``, ``feasible`` or ``infeasible`` (no roster).
    explanation
        Why the unit has no roster, in sentences.
    wishes, wishes_met
        Wishes planned and honoured.
    flexible_per_person
        Flexible days of each eligible person.
    savings
        Rupiah saved by the flexible days.
    """

    scenario: str
    unit: str
    people: int
    eligible: int
    reasons: Counter[Reason]
    present_person_days: int
    flexible_days: float
    requested_days: float
    onsite: dict[dt.date, int]
    min_margin: int | None
    min_margin_date: dt.date | None
    status: str
    explanation: list[str] = field(default_factory=list)
    wishes: int = 0
    wishes_met: int = 0
    flexible_per_person: list[float] = field(default_factory=list)
    savings: int = 0

    @property
    def flexible_share(self) -> float:
        """Flexible person-days as a share of present person-days."""
        if not self.present_person_days:
            return 0.0
        return self.flexible_days / self.present_person_days


@dataclass
class ScenarioResult:
    """One scenario's figures, per unit."""

    scenario: Scenario
    units: list[UnitFigures]
    wall_time: float

    def total(self) -> UnitFigures:
        """The province: every unit added up."""
        units = self.units
        onsite: Counter[dt.date] = Counter()
        for unit in units:
            onsite.update(unit.onsite)
        margins = [u for u in units if u.min_margin is not None]
        worst = min(margins, key=lambda u: u.min_margin or 0, default=None)
        statuses = {u.status for u in units}
        status = "optimal"
        for worse in ("feasible", "infeasible"):
            if worse in statuses:
                status = worse
        return UnitFigures(
            self.scenario.name,
            "Total",
            sum(u.people for u in units),
            sum(u.eligible for u in units),
            sum((u.reasons for u in units), Counter()),
            sum(u.present_person_days for u in units),
            sum(u.flexible_days for u in units),
            sum(u.requested_days for u in units),
            dict(sorted(onsite.items())),
            worst.min_margin if worst else None,
            worst.min_margin_date if worst else None,
            status,
            wishes=sum(u.wishes for u in units),
            wishes_met=sum(u.wishes_met for u in units),
            flexible_per_person=[
                days for u in units for days in u.flexible_per_person
            ],
            savings=sum(u.savings for u in units),
        )

    def count(self, status: str) -> int:
        """Units with a status."""
        return sum(1 for u in self.units if u.status == status)


def figures(
    plan: Plan, scenario: Scenario, lang: str = "id"
) -> list[UnitFigures]:
    """Summarise a plan per unit."""
    names = {p.nip: p.name for p in plan.workforce.employees}
    out = []
    for unit in plan.units:
        members = plan.workforce.members[unit.unit]
        results = [plan.eligibility[m.nip] for m in members]
        per_person: defaultdict[str, float] = defaultdict(float)
        present = 0
        onsite: Counter[dt.date] = Counter()
        for item in unit.assignments:
            if item.mode in (DayMode.OFFICE, DayMode.SPLIT):
                onsite[item.date] += 1
            if item.mode in (DayMode.OFFICE, DayMode.FLEXIBLE, DayMode.SPLIT):
                present += 1
            per_person[item.nip] += {
                DayMode.FLEXIBLE: 1.0,
                DayMode.SPLIT: 0.5,
            }.get(item.mode, 0.0)
        margin = min(unit.coverage, key=lambda c: c.margin, default=None)
        flexible = float(sum(per_person.values()))
        explanation = [finding_sentence(f, lang) for f in unit.findings]
        explanation += [
            conflict_sentence(c, lang, names) for c in unit.conflicts
        ]
        if unit.status is UnitStatus.UNKNOWN:
            explanation.append(
                "Tidak ada jadwal dalam batas waktu."
                if lang == "id"
                else "No roster found within the time limit."
            )
        out.append(
            UnitFigures(
                scenario.name,
                unit.unit,
                len(members),
                sum(r.eligible for r in results),
                Counter(reason for r in results for reason in r.reasons),
                present,
                flexible,
                unit.requested_days,
                dict(sorted(onsite.items())) if unit.planned else {},
                margin.margin if margin else None,
                margin.date if margin else None,
                _status(unit),
                explanation,
                unit.wishes,
                unit.wishes_met if unit.planned else 0,
                [
                    per_person[m.nip]
                    for m, r in zip(members, results, strict=True)
                    if r.eligible
                ],
                round(flexible * scenario.costs.per_flexible_day),
            )
        )
    return out


def _status(unit: UnitPlan) -> str:
    """The three statuses of the comparison; no roster is infeasible."""
    if unit.status is UnitStatus.OPTIMAL:
        return "optimal"
    if unit.status is UnitStatus.FEASIBLE:
        return "feasible"
    return "infeasible"


def simulate(
    workbook: Path | str,
    week: dt.date,
    weeks: int,
    scenarios: Iterable[Scenario],
    options: SolveOptions | None = None,
    progress: ScenarioProgress | None = None,
    lang: str = "id",
) -> list[ScenarioResult]:
    """Plan a workbook under every scenario.

    Raises
    ------
    InputError
        When the workbook has errors.
    """
    workforce, _, _ = load(workbook)
    return [
        simulate_one(workforce, scenario, week, weeks, options, progress, lang)
        for scenario in scenarios
    ]


def simulate_one(
    workforce: Workforce,
    scenario: Scenario,
    week: dt.date,
    weeks: int,
    options: SolveOptions | None = None,
    progress: ScenarioProgress | None = None,
    lang: str = "id",
) -> ScenarioResult:
    """Plan a workforce under one scenario, as ``mkd plan`` would."""
    effective = scenario.policy().overridden(
        workforce.policy_values, "workbook"
    )

    def report(unit: UnitPlan, done: int, total: int) -> None:
        if progress is not None:
            progress(scenario.name, unit, done, total)

    plan = plan_workforce(
        workforce,
        effective,
        week,
        weeks,
        options=options,
        progress=report,
        lang=lang,
    )
    return ScenarioResult(
        scenario, figures(plan, scenario, lang), plan.wall_time
    )
