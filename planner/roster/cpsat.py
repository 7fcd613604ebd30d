"""Translate a :class:`RosterModel` into CP-SAT and solve it.

One Boolean ``x[person, day, mode]`` per allowed slot and mode, exactly
one true per slot. Each rule family is added by its own method; soft
rules contribute weighted terms that are summed into the objective in
:meth:`Builder.set_objective`. In explanation mode every hard rule is
guarded by one assumption literal per tag, so that the solver can name
the rules that conflict.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ortools.sat.python import cp_model

from planner.roster.evaluate import evaluate
from planner.roster.model import (
    Day,
    ModeName,
    PersonId,
    RosterModel,
    Slot,
    Total,
    allowed_tag,
)
from planner.roster.solution import RosterSolution, Status

# Measured on the 2-core benchmark machine (see benchmarks/nrp/README.md):
# CP-SAT's portfolio with 8 workers beat 2 workers on the small models.
DEFAULT_WORKERS = 8

BoolRef = Any
LinearExpr = Any

_STATUS: dict[Any, Status] = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.UNKNOWN: "unknown",
}


def _sum(items: Iterable[Any]) -> LinearExpr:
    # Always a CP-SAT expression, even for an empty or constant sum.
    return cp_model.LinearExpr.sum(list(items))


class Builder:
    """The CP-SAT model and variables of one roster model.

    Parameters
    ----------
    model : RosterModel
        The problem to translate.
    assumptions : bool
        Guard every hard rule by an assumption literal per tag (for
        :func:`planner.roster.explain_infeasibility`); disallowed modes
        then get variables too, so that their ban can be named.
    """

    def __init__(self, model: RosterModel, *, assumptions: bool) -> None:
        self.model = model
        self.cp = cp_model.CpModel()
        self.use_assumptions = assumptions
        self.x: dict[tuple[PersonId, Day, ModeName], BoolRef] = {}
        # The same variables by slot, for the many per-slot look-ups.
        self.slots: dict[Slot, dict[ModeName, BoolRef]] = {}
        self.guards: dict[str, BoolRef] = {}
        self.terms: list[tuple[int, LinearExpr]] = []
        self._in_cache: dict[tuple[Slot, frozenset[str]], BoolRef] = {}
        self.false = self.cp.new_constant(0)
        self.true = self.cp.new_constant(1)

    def build(self, *, objective: bool = True) -> None:
        """Add variables, every rule family in turn, then the objective."""
        self._assignment()
        self._covers()
        self._totals()
        self._runs()

        self._successions()
        self._weekends()
        self._fixed()

        self._requests()
        self._common_days()
        self._balances()
        if objective:
            self.set_objective()

    def set_objective(self) -> None:
        """Minimise the sum of the weighted soft-rule terms."""
        weighted = [w * expr for w, expr in self.terms if w > 0]
        self.cp.minimize(_sum(weighted))

    def hint(self, assignment: Mapping[Slot, ModeName]) -> None:
        """Suggest ``assignment`` as the starting solution."""
        for (person, day, mode), var in self.x.items():
            wanted = assignment.get((person, day))
            if wanted is not None and var is not self.true:
                self.cp.add_hint(var, int(wanted == mode))

    def guard(self, constraint: Any, tag: str) -> None:
        """Make ``constraint`` conditional on the assumption of ``tag``."""
        if not self.use_assumptions:
            return
        if tag not in self.guards:
            self.guards[tag] = self.cp.new_bool_var(f"assume[{tag}]")
        constraint.only_enforce_if(self.guards[tag])

    def vars_in(
        self, person: PersonId, day: Day, modes: Iterable[ModeName]
    ) -> list[BoolRef]:
        """Existing assignment variables of one slot within ``modes``."""
        slot = self.slots.get((person, day))
        if slot is None:
            return []
        return [slot[m] for m in modes if m in slot]

    def is_in(
        self, person: PersonId, day: Day, modes: frozenset[ModeName]
    ) -> BoolRef:
        """Literal true iff ``person`` is in one of ``modes`` on ``day``."""
        key = ((person, day), modes)
        if key not in self._in_cache:
            self._in_cache[key] = self._new_in(person, day, modes)
        return self._in_cache[key]

    def _new_in(
        self, person: PersonId, day: Day, modes: frozenset[ModeName]
    ) -> BoolRef:
        slot = self.slots.get((person, day), {})
        inside = [v for m, v in slot.items() if m in modes]
        outside = [v for m, v in slot.items() if m not in modes]
        if not inside:
            return self.false
        if not outside:
            return self.true

        # Reuse a single variable (or its negation) before adding one.
        if len(inside) == 1:
            return inside[0]
        if len(outside) == 1:
            return outside[0].negated()
        literal = self.cp.new_bool_var(f"in[{person}, {day}]")
        self.cp.add(sum(inside) == literal)
        return literal

    def _assignment(self) -> None:
        """One variable per slot and mode, exactly one true per slot."""
        model = self.model
        for person in model.people:
            for day in range(model.days):
                self._slot(person, day)

    def _slot(self, person: PersonId, day: Day) -> None:
        allowed = self.model.allowed_modes(person, day)
        names = self.model.mode_names
        slot: dict[ModeName, BoolRef] = {}
        self.slots[person, day] = slot
        if len(allowed) == 1 and not self.use_assumptions:
            # Nothing to decide (a holiday, an absence, a person who may
            # not choose): a constant keeps the model and its building
            # small; most slots of a province are like this.
            [mode] = allowed
            slot[mode] = self.x[person, day, mode] = self.true
            return
        kept = names if self.use_assumptions else allowed
        for mode in (m for m in names if m in kept):
            name = f"x[{person},{day},{mode}]"
            slot[mode] = self.x[person, day, mode] = self.cp.new_bool_var(name)

        self.cp.add_exactly_one(slot.values())
        banned = self.vars_in(person, day, set(names) - allowed)
        if banned:
            ban = self.cp.add_bool_and([v.negated() for v in banned])
            self.guard(ban, allowed_tag(person, day))

    def _covers(self) -> None:
        """Head counts per day: hard bounds or weighted slack."""
        for rule in self.model.covers:
            count = _sum(
                v
                for p in rule.people
                for v in self.vars_in(p, rule.day, rule.modes)
            )
            size = len(rule.people)
            if rule.minimum is not None:
                short = rule.minimum
                self._bound(
                    count, rule.minimum, rule.under_weight, rule.tag, short
                )
            if rule.maximum is not None:
                excess = size - rule.maximum
                self._bound(
                    -count, -rule.maximum, rule.over_weight, rule.tag, excess
                )

    def _bound(
        self,
        expr: LinearExpr,
        low: int,
        weight: int | None,
        tag: str,
        room: int,
    ) -> None:
        # ``expr >= low``: hard when unweighted, else with paid slack of
        # at most ``room`` (the largest possible miss).
        if weight is None:
            self.guard(self.cp.add(expr >= low), tag)
            return
        if weight > 0:
            slack = self.cp.new_int_var(0, max(0, room), f"slack[{tag}]")
            self.cp.add(expr + slack >= low)
            self.terms.append((weight, slack))

    def _totals(self) -> None:
        """Weighted per-person counts: hard bounds, convex target cost."""
        for rule in self.model.totals:
            coefficients = rule.coefficients
            terms = []
            for day in rule.days:
                for mode, var in self.slots.get(
                    (rule.person, day), {}
                ).items():
                    if mode in coefficients:
                        terms.append(coefficients[mode] * var)
            expr = _sum(terms)
            if rule.minimum is not None:
                self.guard(self.cp.add(expr >= rule.minimum), rule.tag)
            if rule.maximum is not None:
                self.guard(self.cp.add(expr <= rule.maximum), rule.tag)
            if rule.target is not None:
                self._target(rule, expr)

    def _target(self, rule: Total, expr: LinearExpr) -> None:
        # A convex cost is the maximum of its chords, so lower-bounding
        # the cost variable by every chord is exact when minimising.
        assert rule.target is not None
        worst = rule.target - self._lowest(rule)
        if worst <= 0:
            return
        short = self.cp.new_int_var(0, worst, f"short[{rule.tag}]")
        self.cp.add(expr + short >= rule.target)

        cost = self.cp.new_int_var(0, rule.cost(worst), f"cost[{rule.tag}]")
        for s in range(worst):
            slope = rule.cost(s + 1) - rule.cost(s)
            self.cp.add(cost >= rule.cost(s) + slope * (short - s))
        self.terms.append((1, cost))

    def _lowest(self, rule: Total) -> int:
        # Smallest value the total can take, bounding the shortfall.
        lowest = 0
        for day in rule.days:
            allowed = self.model.allowed_modes(rule.person, day)
            lowest += min(rule.coefficients.get(m, 0) for m in allowed)
        return lowest

    def _runs(self) -> None:
        """Run lengths with the benchmark's horizon-edge semantics."""
        for rule in self.model.runs:
            days = rule.days or range(self.model.days)
            lits = [self.is_in(rule.person, d, rule.modes) for d in days]
            if rule.max_length is not None:
                self._max_run(lits, rule.max_length, rule.tag, rule.before)
            if rule.min_length:
                self._min_run(lits, rule.min_length, rule.tag)

    def _max_run(
        self, lits: Sequence[BoolRef], length: int, tag: str, before: int
    ) -> None:
        # Every window of length+1 days holds a day outside the modes.
        # The days carried in before the first one are in the modes; more
        # than ``length`` of them can only ask the first day to be out.
        carried = min(before, length)
        for start in range(-carried, len(lits) - length):
            first = max(0, start)
            window = lits[first : start + length + 1]
            known = first - start
            self.guard(self.cp.add(_sum(window) <= length - known), tag)

    def _min_run(self, lits: Sequence[BoolRef], length: int, tag: str) -> None:
        # Forbid an inner run of `short` days: out, in * short, out.
        # Runs touching an end of the horizon are exempt.
        for short in range(1, length):
            for start in range(1, len(lits) - short):
                run = lits[start : start + short]
                clause = [lits[start - 1], lits[start + short]]
                clause += [lit.negated() for lit in run]
                self.guard(self.cp.add(_sum(clause) >= 1), tag)

    def _successions(self) -> None:
        """No ``first`` mode on a day followed by ``next`` the day after."""
        model = self.model
        for rule in model.successions:
            people = model.people if rule.person is None else [rule.person]
            for person in people:
                for day in range(model.days - 1):
                    first = self.vars_in(person, day, [rule.first_mode])
                    then = self.vars_in(person, day + 1, [rule.next_mode])
                    if first and then:
                        pair = [first[0].negated(), then[0].negated()]
                        self.guard(self.cp.add_bool_or(pair), rule.tag)

    def _weekends(self) -> None:
        """Weekends worked (any day in the modes) up to a maximum."""
        for rule in self.model.weekends:
            worked = [
                self._any(rule.person, days, rule.modes)
                for days in rule.weekends
            ]
            self.guard(self.cp.add(_sum(worked) <= rule.maximum), rule.tag)

    def _any(
        self, person: PersonId, days: Sequence[Day], modes: frozenset[str]
    ) -> BoolRef:
        # Only bounded from above, so implications from each day suffice.
        lits = [self.is_in(person, d, modes) for d in days]
        if len(lits) == 1:
            return lits[0]
        worked = self.cp.new_bool_var(f"weekend[{person}, {days[0]}]")
        for lit in lits:
            self.cp.add_implication(lit, worked)
        return worked

    def _fixed(self) -> None:
        """Hard assignments."""
        for rule in self.model.fixed:
            found = self.vars_in(rule.person, rule.day, [rule.mode])
            target = found[0] if found else self.false
            self.guard(self.cp.add_bool_or([target]), rule.tag)

    def _requests(self) -> None:
        """Weighted wishes to be, or not to be, in some modes."""
        for rule in self.model.requests:
            if rule.weight <= 0:
                continue
            lit = self.is_in(rule.person, rule.day, rule.modes)
            missed = 1 - lit if rule.wanted else lit
            self.terms.append((rule.weight, missed))

    def _common_days(self) -> None:
        """Days on which every present group member is in the modes."""
        for rule in self.model.common_days:
            together = [
                lit
                for day in rule.days
                if (
                    lit := self._together(
                        rule.people, day, rule.modes, rule.quorum
                    )
                )
                is not None
            ]
            self._bound(
                _sum(together),
                rule.minimum,
                rule.weight,
                rule.tag,
                rule.minimum,
            )

    def _together(
        self,
        people: Sequence[PersonId],
        day: Day,
        modes: frozenset[str],
        quorum: int,
    ) -> BoolRef | None:
        present = [
            p for p in people if self.model.allowed_modes(p, day) & modes
        ]
        if len(present) < max(1, quorum):
            return None
        both = self.cp.new_bool_var(f"together[{day}]")
        for person in present:
            self.cp.add_implication(both, self.is_in(person, day, modes))
        return both

    def _balances(self) -> None:
        """Largest minus smallest daily head count, weighted."""
        for rule in self.model.balances:
            if rule.weight <= 0 or not rule.days:
                continue
            size = len(rule.people)
            high = self.cp.new_int_var(0, size, f"high[{rule.tag}]")
            low = self.cp.new_int_var(0, size, f"low[{rule.tag}]")
            for day in rule.days:
                count = _sum(
                    v
                    for p in rule.people
                    for v in self.vars_in(p, day, rule.modes)
                )
                self.cp.add(high >= count)
                self.cp.add(low <= count)
            self.terms.append((rule.weight, high - low))


class FirstSolution(cp_model.CpSolverSolutionCallback):
    """Records when the first solution arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.time: float | None = None

    def on_solution_callback(self) -> None:
        """Keep the wall time of the first call."""
        if self.time is None:
            self.time = self.wall_time


def configure(
    solver: Any,
    time_limit: float | None,
    workers: int | None,
    log: bool = False,
    seed: int | None = None,
    parameters: Mapping[str, Any] | None = None,
) -> None:
    """Apply the common solve options to a ``CpSolver``."""
    params = solver.parameters
    params.num_workers = DEFAULT_WORKERS if workers is None else workers
    params.log_search_progress = log
    if time_limit is not None:
        params.max_time_in_seconds = max(0.01, time_limit)

    if seed is not None:
        params.random_seed = seed
    for name, value in (parameters or {}).items():
        if isinstance(value, list | tuple):
            # Repeated fields (e.g. ``subsolvers``) are extended, not set.
            getattr(params, name).extend(value)
        else:
            setattr(params, name, value)


def solve(
    model: RosterModel,
    *,
    time_limit: float | None = None,
    workers: int | None = None,
    hint: Mapping[Slot, ModeName] | None = None,
    log: bool = False,
    seed: int | None = None,
    parameters: Mapping[str, Any] | None = None,
    rescore: bool = True,
) -> RosterSolution:
    """Find a cheapest roster for ``model`` with CP-SAT.

    Parameters
    ----------
    model : RosterModel
        The problem.
    time_limit : float, optional
        Seconds before the search stops with its best solution.
    workers : int, optional
        Parallel CP-SAT workers; defaults to ``DEFAULT_WORKERS``.
    hint : mapping, optional
        A previous ``(person, day) -> mode`` assignment to start from.
    log : bool
        Print CP-SAT's search log.
    seed : int, optional
        Random seed for reproducible runs.
    parameters : mapping, optional
        Further CP-SAT parameters by name, e.g. ``{"linearization_level":
        2}``.
    rescore : bool
        Recompute the objective and penalties with the independent
        evaluator; without it they are the solver's (for a caller that
        scores the roster itself).

    Returns
    -------
    RosterSolution
        Status, assignment, costs and solve statistics.
    """
    builder = Builder(model, assumptions=False)
    builder.build()
    if hint:
        builder.hint(hint)

    solver = cp_model.CpSolver()
    configure(solver, time_limit, workers, log, seed, parameters)
    callback = FirstSolution()
    code = solver.solve(builder.cp, callback)
    return extract(model, builder, solver, code, callback.time, rescore)


def extract(
    model: RosterModel,
    builder: Builder,
    solver: Any,
    code: Any,
    first: float | None,
    rescore: bool = True,
) -> RosterSolution:
    """Turn a finished CP-SAT solve into a :class:`RosterSolution`."""
    if code == cp_model.MODEL_INVALID:
        raise ValueError(f"CP-SAT rejected the model: {builder.cp.validate()}")
    status = _STATUS.get(code, "unknown")
    result = RosterSolution(status, wall_time=solver.wall_time)
    if status not in ("optimal", "feasible"):
        return result

    values = list(solver.response_proto.solution)
    result.best_bound = math.ceil(solver.best_objective_bound - 1e-6)
    objective = round(solver.objective_value)
    fill(model, builder, result, values, objective, rescore)
    result.first_solution_time = first
    return result


def fill(
    model: RosterModel,
    builder: Builder,
    result: RosterSolution,
    values: Sequence[int],
    objective: int,
    rescore: bool = True,
) -> None:
    """Store the assignment in ``values`` and its evaluated costs."""
    result.assignment = {
        (p, d): m for (p, d, m), v in builder.x.items() if values[v.index]
    }
    result.solver_objective = objective
    if not rescore:
        result.objective = objective
        return

    evaluation = evaluate(model, result.assignment)
    result.objective = evaluation.objective
    result.penalties = evaluation.penalties
