"""``mkd simulate``: plan a workforce under several policies and compare.

Each scenario is planned exactly as ``mkd plan`` would (its policy, then
the workbook's own ``Kebijakan`` sheet, then unit values, each unit by
:func:`planner.plan.plan_unit`), and summarised per unit and for the
whole province. The units of every scenario are solved in one pool, as
many at once as there are cores.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from models import Unit, Workforce
from planner.build import PlanInput
from planner.eligibility import Reason
from planner.messages import message
from planner.plan import SolveOptions, plan_input, plan_unit
from planner.policy import EffectivePolicy
from planner.problems import InputError, Problem
from planner.reading.schema import POLICY
from planner.reading.workforce import read_workforce
from planner.result import DayMode, Plan, UnitPlan, UnitStatus
from planner.scenarios import Savings, Scenario
from planner.sentences import conflict_sentence, finding_sentence

# CP-SAT's parallel portfolio returns any of several equally good
# rosters, so that two runs could differ in every figure but the cost.
# The interleaved search is deterministic. On the bureau example the
# bundled comparison took as long for a week and 4.5 instead of 2.5 CPU
# seconds for four weeks; one task at a time (batch size 1) beat larger
# batches and a single worker, and the pool keeps the cores busy.
DETERMINISTIC: Mapping[str, Any] = {
    "interleave_search": True,
    "interleave_batch_size": 1,
}
"""CP-SAT parameters that make every run give the same rosters."""

UNIT_KEYS = ("min_onsite_share", "min_onsite_people")
"""Policy keys that a unit's own value on sheet ``Unit`` overrides."""

# Each unit's model tags the flexible days a person asks for in a week
# ``requested[NIP, MONDAY]`` (planner.build); the period's own target is
# ``requested-period[...]`` and is not counted again.
REQUESTED_TAG = "requested["

SimulationProgress = Callable[[str, UnitPlan, int, int], None]
"""Called with the scenario's name, a unit's plan, the scenario's units
done and its units in all, as each unit ends."""


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


class PersonDays(NamedTuple):
    """One eligible person's flexible days over the period."""

    granted: float
    requested: float


@dataclass
class UnitFigures:
    """What one policy does to one unit (or, added up, to the province).

    The roster figures (present person-days and after) are ``None`` for
    a unit without a roster, and the province's are added up over the
    units with a roster only.

    Attributes
    ----------
    scenario, unit
        Which policy and which unit.
    status
        ``optimal``, ``feasible``, ``infeasible`` (proven: no roster
        exists) or ``unknown`` (no roster within the time limit); empty
        for the province.
    people, eligible
        Head counts.
    reasons
        People failing each eligibility rule.
    share, share_source
        The least on-site share (%) in force and where it comes from:
        ``unit`` (its own value on sheet ``Unit``) or the policy layer
        (``scenario NAME``, ``workbook``, ``preset NAME``, ``default``).
    minimum, minimum_source
        The least on-site head count (people), likewise.
    present_person_days
        Person-days worked (on site, flexible or split).
    flexible_days, split_days
        Flexible person-days granted (a split day counts as half) and
        the split days among them.
    requested_days
        Flexible person-days asked for that the weeks could give.
    onsite
        People on site on each working day.
    min_margin, min_margin_date, min_margin_unit
        The smallest coverage margin (people), its day and its unit.
    wishes, wishes_met
        Wishes planned and honoured.
    per_person
        Flexible days granted and asked for, per eligible person.
    savings
        Rupiah saved over the period.
    explanation
        Why the unit has no roster, in sentences.
    """

    scenario: str
    unit: str
    status: str
    people: int
    eligible: int
    reasons: Counter[Reason]
    share: float | None = None
    share_source: str = ""
    minimum: int | None = None
    minimum_source: str = ""
    present_person_days: int | None = None
    flexible_days: float | None = None
    split_days: int | None = None
    requested_days: float | None = None
    onsite: dict[dt.date, int] = field(default_factory=dict)
    min_margin: int | None = None
    min_margin_date: dt.date | None = None
    min_margin_unit: str | None = None
    wishes: int | None = None
    wishes_met: int | None = None
    per_person: list[PersonDays] = field(default_factory=list)
    savings: Savings | None = None
    explanation: list[str] = field(default_factory=list)

    @property
    def planned(self) -> bool:
        """Whether the figures come from a roster."""
        return self.present_person_days is not None

    @property
    def flexible_share(self) -> float | None:
        """Flexible person-days as a share (0-1) of present ones."""
        if not self.present_person_days or self.flexible_days is None:
            return None
        return self.flexible_days / self.present_person_days

    @property
    def requested_granted(self) -> float | None:
        """Share (0-1) of the requested flexible days granted.

        Each person counts up to the days asked for, so that days given
        to everyone (an organisation-wide flexible day) do not make up
        for another person's shortfall.
        """
        asked = sum(p.requested for p in self.per_person)
        if not self.planned or not asked:
            return None
        granted = sum(min(p.granted, p.requested) for p in self.per_person)
        return granted / asked

    @property
    def wishes_share(self) -> float | None:
        """Share (0-1) of the wishes met."""
        if not self.wishes or self.wishes_met is None:
            return None
        return self.wishes_met / self.wishes

    @property
    def askers(self) -> list[float]:
        """Flexible days of the eligible people who asked for some."""
        return [p.granted for p in self.per_person if p.requested > 0]

    @property
    def fewest(self) -> float | None:
        """Fewest flexible days of an eligible person who asked."""
        return min(self.askers, default=None) if self.planned else None

    @property
    def most(self) -> float | None:
        """Most flexible days of an eligible person who asked."""
        return max(self.askers, default=None) if self.planned else None

    @property
    def gini_askers(self) -> float | None:
        """Gini of flexible days among eligible people who asked."""
        return gini(self.askers) if self.planned else None

    @property
    def gini_eligible(self) -> float | None:
        """Gini of flexible days among all eligible people."""
        if not self.planned:
            return None
        return gini([p.granted for p in self.per_person])

    @property
    def onsite_peak(self) -> tuple[dt.date, int] | None:
        """The busiest day on site and its head count."""
        if not self.onsite:
            return None
        return max(self.onsite.items(), key=lambda item: (item[1], item[0]))


@dataclass(frozen=True)
class WorkbookOverride:
    """A scenario's key that the workbook's ``Kebijakan`` sheet replaces.

    Attributes
    ----------
    key
        The policy key.
    scenario_value, workbook_value
        The scenario's value and the one in force.
    own
        Whether the scenario's table sets the key (not only its preset).
    """

    key: str
    scenario_value: Any
    workbook_value: Any
    own: bool


@dataclass(frozen=True)
class UnitKeyUse:
    """How many units take the policy's value of a unit-level key.

    Attributes
    ----------
    key
        ``min_onsite_share`` or ``min_onsite_people``.
    value
        The policy's value (after the workbook's ``Kebijakan``).
    applies
        Units that take it.
    own
        Units with their own value on sheet ``Unit``.
    """

    key: str
    value: Any
    applies: int
    own: int


@dataclass
class ScenarioSetup:
    """A scenario made ready to plan on a workforce.

    Attributes
    ----------
    scenario
        The scenario.
    effective
        Its policy after the workbook's own ``Kebijakan`` sheet.
    data
        Eligibility and the period: what every unit's plan needs.
    overridden
        The scenario's keys that the ``Kebijakan`` sheet replaces.
    unit_keys
        How far the unit-level keys reach.
    same_as
        An earlier scenario with the same rules in every unit, if any.
    """

    scenario: Scenario
    effective: EffectivePolicy
    data: PlanInput
    overridden: list[WorkbookOverride]
    unit_keys: list[UnitKeyUse]
    same_as: str | None = None


@dataclass
class ScenarioResult:
    """One scenario's figures, per unit.

    Attributes
    ----------
    setup
        The scenario and what the workbook did to it.
    units
        The figures of every unit, in workbook order.
    solve_time
        Seconds the units' solves took, added up.
    """

    setup: ScenarioSetup
    units: list[UnitFigures]
    solve_time: float = 0.0

    @property
    def scenario(self) -> Scenario:
        """The scenario planned."""
        return self.setup.scenario

    def count(self, status: str) -> int:
        """Units with a status."""
        return sum(1 for u in self.units if u.status == status)

    @property
    def left_out(self) -> list[UnitFigures]:
        """Units without a roster, left out of the roster figures."""
        return [u for u in self.units if not u.planned]

    def total(self) -> UnitFigures:
        """The province: head counts of every unit, roster figures of the
        units with a roster."""
        planned = [u for u in self.units if u.planned]
        onsite: Counter[dt.date] = Counter()
        for unit in planned:
            onsite.update(unit.onsite)
        margins = [u for u in planned if u.min_margin is not None]
        worst = min(
            margins,
            key=lambda u: (u.min_margin, u.min_margin_date),
            default=None,
        )
        total = UnitFigures(
            self.scenario.name,
            "Total",
            "",
            sum(u.people for u in self.units),
            sum(u.eligible for u in self.units),
            sum((u.reasons for u in self.units), Counter()),
        )
        if not planned:
            return total
        return replace(
            total,
            present_person_days=_sum(u.present_person_days for u in planned),
            flexible_days=_sum(u.flexible_days for u in planned),
            split_days=_sum(u.split_days for u in planned),
            requested_days=_sum(u.requested_days for u in planned),
            onsite=dict(sorted(onsite.items())),
            min_margin=worst.min_margin if worst else None,
            min_margin_date=worst.min_margin_date if worst else None,
            min_margin_unit=worst.unit if worst else None,
            wishes=_sum(u.wishes for u in planned),
            wishes_met=_sum(u.wishes_met for u in planned),
            per_person=[p for u in planned for p in u.per_person],
            savings=sum((u.savings for u in planned if u.savings), Savings()),
        )


def _sum(values: Iterable[Any]) -> Any:
    return sum(v for v in values if v is not None)


def simulate(
    workbook: Path | str,
    week: dt.date,
    weeks: int,
    scenarios: Iterable[Scenario],
    options: SolveOptions | None = None,
    progress: SimulationProgress | None = None,
    lang: str = "id",
) -> list[ScenarioResult]:
    """Plan a workbook under every scenario.

    Parameters
    ----------
    workbook
        The input workbook or CSV folder.
    week, weeks
        The first Monday and the weeks to plan.
    scenarios
        The policies to compare.
    options
        Time limit (for the whole run) and parallelism; by default the
        deterministic search of :data:`DETERMINISTIC`.
    progress
        Called as each unit of each scenario finishes.
    lang
        Language of explanations and holiday names.

    Raises
    ------
    InputError
        When the workbook has errors, or a scenario cannot be used with
        the workbook's own ``Kebijakan`` sheet.
    """
    workforce, _ = read_workforce(workbook)
    setups = prepare(
        workforce, list(scenarios), week, weeks, Path(workbook).name, lang
    )
    return run(setups, options, progress, lang)


def prepare(
    workforce: Workforce,
    scenarios: Sequence[Scenario],
    week: dt.date,
    weeks: int,
    workbook: str = "workbook",
    lang: str = "id",
) -> list[ScenarioSetup]:
    """Build every scenario's policy on a workforce before planning any.

    Raises
    ------
    InputError
        With every scenario that breaks a rule together with the
        workbook's ``Kebijakan`` sheet.
    """
    problems: list[Problem] = []
    setups: list[ScenarioSetup] = []
    seen: dict[tuple[Any, ...], str] = {}
    for scenario in scenarios:
        try:
            own = scenario.policy()
            effective = own.overridden(workforce.policy_values, "workbook")
        except InputError as error:
            problems.append(
                Problem(
                    "scenario_with_workbook",
                    params={"name": scenario.name},
                    file=workbook,
                    sheet=POLICY.name,
                )
            )
            problems += [
                replace(p, file=workbook, sheet=POLICY.name)
                for p in error.problems
            ]
            continue
        data = plan_input(workforce, effective, week, weeks, lang=lang)
        signature = _signature(workforce, effective)
        setups.append(
            ScenarioSetup(
                scenario,
                effective,
                data,
                _overridden(scenario, own, effective),
                _unit_keys(workforce, effective),
                seen.get(signature),
            )
        )
        seen.setdefault(signature, scenario.name)
    if problems:
        raise InputError(problems)
    return setups


def _signature(
    workforce: Workforce, effective: EffectivePolicy
) -> tuple[Any, ...]:
    """The rules every unit is planned with: equal means same rosters."""
    policy = effective.policy.as_dict()
    shared = tuple((k, v) for k, v in policy.items() if k not in UNIT_KEYS)
    units = tuple(
        (
            unit.name,
            *(
                policy[key] if getattr(unit, key) is None else None
                for key in UNIT_KEYS
            ),
        )
        for unit in workforce.units
    )
    return shared, units


def _overridden(
    scenario: Scenario, own: EffectivePolicy, effective: EffectivePolicy
) -> list[WorkbookOverride]:
    """The scenario's values that the ``Kebijakan`` sheet replaces."""
    out = []
    for key, source in effective.sources.items():
        before = getattr(own.policy, key)
        after = getattr(effective.policy, key)
        if source == "workbook" and before != after:
            out.append(
                WorkbookOverride(key, before, after, key in scenario.overrides)
            )
    return out


def _unit_keys(
    workforce: Workforce, effective: EffectivePolicy
) -> list[UnitKeyUse]:
    """How many units take the policy's value of each unit-level key."""
    out = []
    for key in UNIT_KEYS:
        own = sum(getattr(u, key) is not None for u in workforce.units)
        out.append(
            UnitKeyUse(
                key,
                getattr(effective.policy, key),
                len(workforce.units) - own,
                own,
            )
        )
    return out


def run(
    setups: Sequence[ScenarioSetup],
    options: SolveOptions | None = None,
    progress: SimulationProgress | None = None,
    lang: str = "id",
) -> list[ScenarioResult]:
    """Plan every unit of every scenario in one pool, then summarise.

    Units are handed to the pool scenario by scenario in workbook order,
    so that under a time limit the first scenarios finish first.
    """
    options = options or SolveOptions(parameters=DETERMINISTIC)
    deadline = (
        None
        if options.time_limit is None
        else time.monotonic() + options.time_limit
    )
    jobs = [
        (index, unit)
        for index, setup in enumerate(setups)
        for unit in setup.data.workforce.units
    ]
    counters = [itertools.count(1) for _ in setups]
    lock = threading.Lock()

    def plan_one(job: tuple[int, Unit]) -> UnitPlan:
        index, unit = job
        setup = setups[index]
        result = plan_unit(setup.data, unit, options, deadline)
        if progress is not None:
            with lock:
                done = next(counters[index])
                units = len(setup.data.workforce.units)
                progress(setup.scenario.name, result, done, units)
        return result

    parallel = options.parallel or os.cpu_count() or 1
    if parallel == 1 or len(jobs) <= 1:
        plans = [plan_one(job) for job in jobs]
    else:
        with ThreadPoolExecutor(max_workers=parallel) as pool:
            plans = list(pool.map(plan_one, jobs))

    by_scenario: defaultdict[int, list[UnitPlan]] = defaultdict(list)
    for (index, _), unit_plan in zip(jobs, plans, strict=True):
        by_scenario[index].append(unit_plan)
    results = []
    for index, setup in enumerate(setups):
        units = by_scenario[index]
        plan = Plan(
            setup.data.workforce,
            setup.effective,
            dict(setup.data.eligibility),
            setup.data.period,
            units,
            sum(u.wall_time for u in units),
        )
        results.append(
            ScenarioResult(setup, figures(plan, setup, lang), plan.wall_time)
        )
    return results


def figures(
    plan: Plan, setup: ScenarioSetup, lang: str = "id"
) -> list[UnitFigures]:
    """Summarise a scenario's plan per unit."""
    names = {p.nip: p.name for p in plan.workforce.employees}
    units = {u.name: u for u in plan.workforce.units}
    return [
        _unit_figures(plan, setup, units[unit.unit], unit, names, lang)
        for unit in plan.units
    ]


def _unit_figures(
    plan: Plan,
    setup: ScenarioSetup,
    unit: Unit,
    unit_plan: UnitPlan,
    names: Mapping[str, str],
    lang: str,
) -> UnitFigures:
    """One unit's figures; the roster figures only if it has a roster."""
    members = plan.workforce.members[unit.name]
    results = [plan.eligibility[m.nip] for m in members]
    out = UnitFigures(
        setup.scenario.name,
        unit.name,
        unit_plan.status.value,
        len(members),
        sum(r.eligible for r in results),
        Counter(reason for r in results for reason in r.reasons),
        *_in_force(unit, plan.policy, "min_onsite_share"),
        *_in_force(unit, plan.policy, "min_onsite_people"),
    )
    if not unit_plan.planned:
        out.explanation = _explanation(unit_plan, names, lang)
        return out

    granted: defaultdict[str, float] = defaultdict(float)
    present = full = split = 0
    onsite: Counter[dt.date] = Counter()
    for item in unit_plan.assignments:
        if item.mode in (DayMode.HOLIDAY, DayMode.OFF):
            continue
        onsite[item.date] += item.mode in (DayMode.OFFICE, DayMode.SPLIT)
        present += item.mode is not DayMode.ABSENT
        full += item.mode is DayMode.FLEXIBLE
        split += item.mode is DayMode.SPLIT
        granted[item.nip] += {DayMode.FLEXIBLE: 1.0, DayMode.SPLIT: 0.5}.get(
            item.mode, 0.0
        )
    requested = _requested(unit_plan)
    margin = min(
        unit_plan.coverage, key=lambda c: (c.margin, c.date), default=None
    )
    out.present_person_days = present
    out.flexible_days = full + split / 2
    out.split_days = split
    out.requested_days = unit_plan.requested_days
    out.onsite = dict(sorted(onsite.items()))
    out.min_margin = margin.margin if margin else None
    out.min_margin_date = margin.date if margin else None
    out.min_margin_unit = unit.name if margin else None
    out.wishes = unit_plan.wishes
    out.wishes_met = unit_plan.wishes_met
    out.per_person = [
        PersonDays(granted[m.nip], requested[m.nip])
        for m, r in zip(members, results, strict=True)
        if r.eligible
    ]
    out.savings = setup.scenario.costs.savings(full, split)
    return out


def _in_force(
    unit: Unit, effective: EffectivePolicy, key: str
) -> tuple[Any, str]:
    """A unit-level key's value for a unit, and where it comes from."""
    own = getattr(unit, key)
    if own is not None:
        return own, "unit"
    return getattr(effective.policy, key), effective.source_of(key)


def _requested(unit_plan: UnitPlan) -> defaultdict[str, float]:
    """Flexible days each person asked for, as the unit's model holds."""
    requested: defaultdict[str, float] = defaultdict(float)
    if unit_plan.model is None:
        return requested
    for total in unit_plan.model.totals:
        if total.tag.startswith(REQUESTED_TAG) and total.target:
            requested[total.person] += total.target / 2
    return requested


def _explanation(
    unit_plan: UnitPlan, names: Mapping[str, str], lang: str
) -> list[str]:
    """Why a unit has no roster, in sentences."""
    if unit_plan.status is UnitStatus.UNKNOWN:
        return [message("scenario_no_time", lang, {})]
    sentences = [finding_sentence(f, lang) for f in unit_plan.findings]
    sentences += [
        conflict_sentence(c, lang, names) for c in unit_plan.conflicts
    ]
    return sentences
