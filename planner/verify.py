"""``mkd verify``: check a roster, perhaps edited by hand, against the rules.

A unit head may change codes in the roster workbook before circulating
it. Every rule the edited roster breaks is listed with its place in the
file, so that the head can adjust by hand and stay within the rules.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from models import EmployeeId, Workforce, format_date
from planner.build import PlanInput, TagInfo, UnitModel, build_unit
from planner.calendar import plan_period
from planner.eligibility import assess
from planner.policy import EffectivePolicy
from planner.previous import RosterFile
from planner.problems import Problem
from planner.roster import allowed_tag, evaluate
from planner.sentences import conflict_sentence

# Rules about one person and one day, located at that day's cell.
_CELL_KINDS = {
    "fixed",
    "not_eligible",
    "absent",
    "holiday",
    "organisation_day",
}


@dataclass(frozen=True)
class Breach:
    """A rule a roster breaks, and where.

    Attributes
    ----------
    unit
        The unit concerned.
    text
        The rule, as a sentence in the user's language.
    place
        ``(sheet, row, column)`` of the roster cell to look at, if one.
    """

    unit: str
    text: str
    place: tuple[str | None, int | None, str] | None = None


def verify_roster(
    workforce: Workforce,
    policy: EffectivePolicy,
    roster: RosterFile,
    lang: str = "id",
) -> list[Breach]:
    """Every hard rule a roster breaks, unit by unit.

    The roster's own dates give the period checked: from the Monday of
    its first date, whole weeks to its last.
    """
    if not roster.modes:
        return []
    first = min(day for _, day in roster.modes)
    last = max(day for _, day in roster.modes)
    start = first - dt.timedelta(days=first.weekday())
    weeks = max(1, math.ceil(((last - start).days + 1) / 7))
    period = plan_period(start, weeks, policy.policy, lang)
    data = PlanInput(
        workforce, policy.policy, assess(workforce, policy.policy), period
    )

    breaches: list[Breach] = []
    for unit in workforce.units:
        built = build_unit(data, unit)
        if built.members and built.dates:
            breaches += _check_unit(built, roster, lang)
    return breaches


def _check_unit(
    built: UnitModel, roster: RosterFile, lang: str
) -> list[Breach]:
    """The breaches of one unit's part of the roster."""
    names = {person.nip: person.name for person in built.members}
    breaches = []
    assignment: dict[tuple[str, int], str] = {}
    for person in built.members:
        for day in built.dates:
            mode = roster.modes.get((person.nip, day))
            place = roster.places.get((person.nip, day))
            if mode is None or mode == "off":
                text = _missing(names[person.nip], person.nip, day, lang)
                breaches.append(Breach(built.unit.name, text, place))
                continue
            assignment[person.nip, built.day(day)] = built.mode_name(mode, day)
    # Working on a day the unit does not work (a hand-written K on a
    # Saturday) is not counted by any rule; say so at the cell.
    working = set(built.dates)
    off_days = [
        Breach(
            built.unit.name,
            _not_working(names[nip], nip, day, mode, lang),
            roster.places.get((nip, day)),
        )
        for (nip, day), mode in roster.modes.items()
        if nip in names and day not in working and mode in _WORKING
    ]
    if breaches:
        return breaches + off_days

    slots = {
        allowed_tag(nip, index): (nip, built.dates[index])
        for nip, index in assignment
    }
    evaluation = evaluate(built.model, assignment)
    for violation in evaluation.violations:
        info = built.tags.get(violation.tag)
        if info is None:
            # An allowed-mode breach without a policy meaning: a mode
            # the policy does not offer a present, eligible person (a
            # split day without split days, an absence not in the input).
            slot = slots.get(violation.tag)
            if slot is None:
                breaches.append(
                    Breach(built.unit.name, violation.detail, None)
                )
                continue
            nip, day = slot
            text = _not_allowed(
                names[nip], nip, day, roster.modes[nip, day], lang
            )
            breaches.append(
                Breach(built.unit.name, text, roster.places.get(slot))
            )
            continue
        sentence = conflict_sentence(info, lang, names)
        breaches.append(
            Breach(built.unit.name, sentence, _place(built, info, roster))
        )
    return breaches + off_days


_WORKING = {"office", "flexible", "split"}
_MODE_WORDS = {
    "office": ("kantor", "office"),
    "flexible": ("fleksibel", "flexible"),
    "split": ("sebagian", "split"),
    "absent": ("cuti / tidak hadir", "absent"),
    "holiday": ("libur", "holiday"),
    "off": ("bukan hari kerja", "not a working day"),
}


def _not_allowed(
    name: str, nip: EmployeeId, day: dt.date, mode: str, lang: str
) -> str:
    """A mode the rules do not offer that person on that day."""
    when = format_date(day, lang)
    indonesian, english = _MODE_WORDS.get(mode, (mode, mode))
    if lang == "en":
        return f"{name} ({nip}): {english} is not allowed on {when}."
    return f"{name} ({nip}): {indonesian} tidak diperbolehkan pada {when}."


def _not_working(
    name: str, nip: EmployeeId, day: dt.date, mode: str, lang: str
) -> str:
    """A working mode on a day the unit does not work."""
    when = format_date(day, lang)
    indonesian, english = _MODE_WORDS.get(mode, (mode, mode))
    if lang == "en":
        return (
            f"{name} ({nip}): {when} is not a working day of the unit, "
            f"but the roster says {english}."
        )
    return (
        f"{name} ({nip}): {when} bukan hari kerja unit, tetapi jadwal "
        f"menulis {indonesian}."
    )


def _missing(name: str, nip: EmployeeId, day: dt.date, lang: str) -> str:
    """A working day without a mode in the roster."""
    when = format_date(day, lang)
    if lang == "en":
        return f"{name} ({nip}): {when} is a working day but has no mode."
    return f"{name} ({nip}): {when} hari kerja tetapi tanpa mode."


def _place(
    built: UnitModel, info: TagInfo, roster: RosterFile
) -> tuple[str | None, int | None, str] | None:
    """The roster cell (or date column) a broken rule points at."""
    if info.date is None:
        return None
    if info.nip is not None:
        if info.kind in _CELL_KINDS:
            return roster.places.get((info.nip, info.date))
        # Weekly rules: the person's row, at the week's first day.
        week = [d for d in built.dates if 0 <= (d - info.date).days < 7]
        for day in week:
            place = roster.places.get((info.nip, day))
            if place is not None:
                return place
        return None
    for person in built.members:
        place = roster.places.get((person.nip, info.date))
        if place is not None:
            sheet, _, column = place
            return (sheet, None, column)
    return None


def breach_problems(breaches: list[Breach], label: str) -> list[Problem]:
    """Breaches as located problems for printing."""
    return [
        Problem(
            "roster_breach",
            params={"text": breach.text},
            file=label,
            sheet=breach.place[0] if breach.place else breach.unit,
            row=breach.place[1] if breach.place else None,
            column=breach.place[2] if breach.place else None,
        )
        for breach in breaches
    ]
