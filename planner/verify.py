"""``mkd verify``: check a roster, perhaps edited by hand, against the rules.

A unit head may change codes in the roster workbook before circulating
it. Every rule the edited roster breaks is listed with its place in the
file and the roster's own figure, so that the head can adjust by hand
and stay within the rules. A day without a code is reported and counts
as not on site; every other rule is still checked.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from openpyxl.utils import column_index_from_string

from models import EmployeeId, Workforce, format_date
from planner.build import PlanInput, TagInfo, UnitModel, build_unit
from planner.calendar import plan_period
from planner.eligibility import assess
from planner.policy import EffectivePolicy
from planner.previous import WORKING, RosterFile
from planner.problems import Problem, Severity
from planner.roster import allowed_tag, evaluate
from planner.sentences import breach_sentence, mode_words

Place = tuple[str | None, int | None, str | None]
"""``(sheet, row, column)``; a column may be a range such as ``F-J``."""

# Rules about one person and one day, located at that day's cell.
_CELL_KINDS = {
    "fixed",
    "not_eligible",
    "absent",
    "holiday",
    "organisation_day",
}
# Rules about one person and one week, located at the week's cells.
_WEEK_KINDS = {"regular_hours", "flexible_cap"}
# The model's mode of a day the roster gives no mode: in no rule's set
# of modes, so it counts as neither on site nor flexible.
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Breach:
    """A rule a roster breaks, or a gap in it, and where.

    Attributes
    ----------
    unit
        The unit concerned (empty for a row of nobody in the input).
    text
        What is wrong, as a sentence in the user's language.
    place
        ``(sheet, row, column)`` of the roster to look at, as far as
        known.
    code
        The message that introduces it: ``roster_breach`` (a rule),
        ``roster_gap`` (a day or person without a code),
        ``roster_mismatch`` (a row of nobody in the input) or
        ``roster_unit_without`` (a unit without a roster).
    """

    unit: str
    text: str
    place: Place | None = None
    code: str = "roster_breach"


def verify_roster(
    workforce: Workforce,
    policy: EffectivePolicy,
    roster: RosterFile,
    lang: str = "id",
) -> list[Breach]:
    """Every hard rule a roster breaks and every gap in it, unit by unit.

    The roster's own dates give the period checked: from the Monday of
    its first date, whole weeks to its last. A unit whose sheet holds no
    roster (the planner found none) gets one breach saying so.
    """
    breaches = _strangers(workforce, roster, lang)
    dates = [day for _, day in roster.places]
    data = None
    if dates:
        first, last = min(dates), max(dates)
        start = first - dt.timedelta(days=first.weekday())
        weeks = max(1, math.ceil(((last - start).days + 1) / 7))
        period = plan_period(start, weeks, policy.policy, lang)
        data = PlanInput(
            workforce, policy.policy, assess(workforce, policy.policy), period
        )

    for unit in workforce.units:
        nips = [m.nip for m in workforce.members[unit.name]]
        if not nips:
            continue
        if data is None or not any(nip in roster.rows for nip in nips):
            breaches.append(_without(unit.name, nips, roster, lang))
            continue
        built = build_unit(data, unit)
        if built.dates:
            breaches += _Check(built, roster, lang).run()
    return _unique(breaches)


def breach_problems(breaches: list[Breach], label: str) -> list[Problem]:
    """Breaches as located problems for printing.

    A breach without a sheet (a CSV roster, or a unit not in the file)
    names its unit in the text.
    """
    problems = []
    for breach in breaches:
        sheet, row, column = breach.place or (None, None, None)
        text = breach.text
        if sheet is None and breach.unit and breach.unit not in text:
            text = f"{breach.unit}: {text}"
        # A unit without a roster is the planner's finding, not an edit.
        severity = (
            Severity.WARNING
            if breach.code == "roster_unit_without"
            else Severity.ERROR
        )
        problems.append(
            Problem(
                breach.code,
                severity,
                params={"text": text},
                file=label,
                sheet=sheet,
                row=row,
                column=column,
            )
        )
    return problems


def _unique(breaches: list[Breach]) -> list[Breach]:
    """Each breach once: two rules may point at the same edited cell."""
    seen = set()
    out = []
    for breach in breaches:
        if breach not in seen:
            seen.add(breach)
            out.append(breach)
    return out


def _strangers(
    workforce: Workforce, roster: RosterFile, lang: str
) -> list[Breach]:
    """Rows of people who are not in the input."""
    known = workforce.by_nip
    out = []
    for nip, (sheet, row) in roster.rows.items():
        if nip in known:
            continue
        text = _t(
            lang,
            f"NIP '{nip}' tidak ada di lembar Pegawai masukan; barisnya "
            "tidak diperiksa. Periksa NIP-nya.",
            f"NIP '{nip}' is not in sheet Pegawai of the input; its row is "
            "not checked. Check the NIP.",
        )
        column = "A" if sheet is not None else "nip"
        out.append(Breach("", text, (sheet, row, column), "roster_mismatch"))
    return out


def _without(
    unit: str, nips: list[EmployeeId], roster: RosterFile, lang: str
) -> Breach:
    """A unit none of whose people has a roster in the file."""
    sheet = roster.sheet_of(nips)
    if sheet is not None:
        text = _t(
            lang,
            f"unit {unit} tidak punya jadwal di berkas ini (unit yang "
            "tidak dapat dijadwalkan; alasannya di lembar Catatan); unit "
            "ini dilewati.",
            f"unit {unit} has no roster in this file (a unit that could "
            "not be planned; the reasons are on sheet Notes); the unit is "
            "skipped.",
        )
        return Breach(unit, text, (sheet, None, None), "roster_unit_without")
    text = _t(
        lang,
        f"unit {unit} tidak ada di berkas ini: tidak seorang pun "
        "pegawainya punya baris; unit ini dilewati.",
        f"unit {unit} is not in this file: none of its people has a row; "
        "the unit is skipped.",
    )
    return Breach(unit, text, None, "roster_unit_without")


def _t(lang: str, indonesian: str, english: str) -> str:
    """Pick the text of the user's language."""
    return english if lang == "en" else indonesian


class _Check:
    """The breaches and gaps of one unit's part of a roster."""

    def __init__(self, built: UnitModel, roster: RosterFile, lang: str):
        self.built = built
        self.roster = roster
        self.lang = lang
        self.unit = built.unit.name
        self.names = {person.nip: person.name for person in built.members}
        self.sheet = roster.sheet_of(list(self.names))
        self.assignment: dict[tuple[str, int], str] = {}
        self.unknown: set[tuple[str, dt.date]] = set()
        # People without a single code: said once, and their own weekly
        # rules not told again (their days count for coverage all the
        # same).
        self.uncoded: set[EmployeeId] = set()
        self.out: list[Breach] = []

    def run(self) -> list[Breach]:
        """Read the unit's days, then check every rule over them."""
        missing = self._missing_dates()
        for person in self.built.members:
            self._person(person.nip, missing)
        self._off_days()
        self._rules()
        return self.out

    def who(self, nip: EmployeeId) -> str:
        """A person as messages name them."""
        return f"{self.names.get(nip, nip)} ({nip})"

    def add(
        self, text: str, place: Place | None, code: str = "roster_breach"
    ) -> None:
        """Record a breach or gap of this unit."""
        self.out.append(Breach(self.unit, text, place, code))

    # Reading the unit's days.

    def _missing_dates(self) -> set[dt.date]:
        """Working days no one of the unit has a cell for (a deleted
        column); each is reported once."""
        found = {day for nip, day in self.roster.places if nip in self.names}
        missing = set()
        for day in self.built.dates:
            index = self.built.day(day)
            holiday = all(
                self._forced(nip, index) == "holiday" for nip in self.names
            )
            if day in found or holiday:
                continue
            missing.add(day)
            text = _t(
                self.lang,
                f"{format_date(day, 'id')} adalah hari kerja, tetapi "
                "kolomnya tidak ada di jadwal.",
                f"{format_date(day, 'en')} is a working day, but its "
                "column is not in the roster.",
            )
            self.add(text, (self.sheet, None, None), "roster_gap")
        return missing

    def _person(self, nip: EmployeeId, missing: set[dt.date]) -> None:
        """One person's days: their modes, or unknown days reported."""
        row = self.roster.rows.get(nip)
        gaps = []
        for day in self.built.dates:
            index = self.built.day(day)
            mode = self.roster.modes.get((nip, day))
            if mode is not None and mode != "off":
                name = self.built.mode_name(mode, day)
                self.assignment[nip, index] = name
                continue
            forced = self._forced(nip, index)
            if forced is not None:
                # A holiday or an absence of the input: nothing to choose.
                self.assignment[nip, index] = forced
                continue
            self.assignment[nip, index] = UNKNOWN
            self.unknown.add((nip, day))
            if day not in missing:
                gaps.append(day)

        if row is None:
            text = _t(
                self.lang,
                f"{self.who(nip)} tidak ada di jadwal (barisnya tidak ada); "
                "hari kerjanya dihitung tidak di kantor.",
                f"{self.who(nip)} is not in the roster (no row); their "
                "working days count as not on site.",
            )
            self.add(text, (self.sheet, None, None), "roster_gap")
            self.uncoded.add(nip)
            return
        sheet, number = row
        coded = any(
            self.roster.modes.get((nip, day)) in WORKING
            for day in self.built.dates
        )
        if gaps and not coded:
            text = _t(
                self.lang,
                f"{self.who(nip)}: tidak ada kode pada {len(gaps)} hari "
                "kerja; hari-hari itu dihitung tidak di kantor.",
                f"{self.who(nip)}: no code on {len(gaps)} working "
                f"{'day' if len(gaps) == 1 else 'days'}; they count as not "
                "on site.",
            )
            self.add(text, (sheet, number, None), "roster_gap")
            self.uncoded.add(nip)
            return
        for day in gaps:
            self._gap(nip, day)

    def _forced(self, nip: EmployeeId, index: int) -> str | None:
        """The mode of a slot the input fixes to a holiday or absence."""
        allowed = self.built.model.allowed_modes(nip, index)
        if len(allowed) == 1:
            (mode,) = allowed
            if mode in ("holiday", "absent"):
                return mode
        return None

    def _gap(self, nip: EmployeeId, day: dt.date) -> None:
        """A working day without a mode in the roster."""
        key = (nip, day)
        raw = self.roster.unknown.get(key)
        when = format_date(day, self.lang)
        if raw is None and self.roster.modes.get(key) == "off":
            what = _t(self.lang, "tertulis - (bukan hari kerja)", "it says -")
        elif raw == "":
            what = _t(self.lang, "selnya kosong", "the cell is empty")
        elif raw == "?":
            what = _t(
                self.lang,
                "tertulis ? (tanpa jadwal)",
                "it says ? (no roster)",
            )
        elif raw is None:
            what = _t(
                self.lang, "hari itu tidak ada di jadwal", "it is missing"
            )
        else:
            # An unreadable code is reported as such where it was read.
            return
        text = _t(
            self.lang,
            f"{self.who(nip)}: {when} adalah hari kerja, tetapi {what}; "
            "dihitung tidak di kantor.",
            f"{self.who(nip)}: {when} is a working day, but {what}; it "
            "counts as not on site.",
        )
        place = self.roster.places.get(key) or self._row(nip)
        self.add(text, place, "roster_gap")

    def _off_days(self) -> None:
        """Working on a day the unit does not work (a hand-written K on a
        Saturday), which no rule counts; said at the cell."""
        working = set(self.built.dates)
        for (nip, day), mode in self.roster.modes.items():
            if nip in self.names and day not in working and mode in WORKING:
                when = format_date(day, self.lang)
                words = mode_words(mode, self.lang)
                text = _t(
                    self.lang,
                    f"{self.who(nip)}: {when} bukan hari kerja unit, tetapi "
                    f"jadwal menulis {words}.",
                    f"{self.who(nip)}: {when} is not a working day of the "
                    f"unit, but the roster says {words}.",
                )
                self.add(text, self.roster.places.get((nip, day)))

    # Checking the rules.

    def _rules(self) -> None:
        """Every hard rule of the unit over the days read."""
        built = self.built
        slots = {
            allowed_tag(nip, built.day(day)): (nip, day)
            for nip in self.names
            for day in built.dates
        }
        evaluation = evaluate(built.model, self.assignment)
        for violation in evaluation.violations:
            info = built.tags.get(violation.tag)
            slot = slots.get(violation.tag)
            if slot is not None and slot in self.unknown:
                continue
            if info is None or info.kind in _CELL_KINDS:
                if slot is None and info is not None:
                    slot = (info.nip, info.date)  # type: ignore[assignment]
                if slot is None or slot[0] is None or slot[1] is None:
                    self.add(violation.detail, (self.sheet, None, None))
                    continue
                nip, day = slot
                if (nip, day) in self.unknown:
                    continue
                self._cell(info, nip, day)
                continue
            if info.nip in self.uncoded:
                continue
            actual = self._actual(info, violation.tag)
            sentence = breach_sentence(info, self.lang, self.names, actual)
            self.add(sentence, self._place(info))

    def _cell(
        self, info: TagInfo | None, nip: EmployeeId, day: dt.date
    ) -> None:
        """A mode the rules do not allow that person on that day."""
        mode = self.roster.modes.get((nip, day)) or ""
        when = format_date(day, self.lang)
        kind = info.kind if info else None
        if mode == "absent" and kind != "absent":
            text = _t(
                self.lang,
                f"{self.who(nip)}: {when} tertulis cuti / tidak hadir, "
                "tetapi ketidakhadiran ini tidak ada di masukan (lembar "
                "Ketidakhadiran).",
                f"{self.who(nip)}: {when} says absent, but the input has no "
                "such absence (sheet Ketidakhadiran).",
            )
        elif mode == "holiday" and kind != "holiday":
            text = _t(
                self.lang,
                f"{self.who(nip)}: {when} tertulis libur, tetapi hari itu "
                "bukan hari libur.",
                f"{self.who(nip)}: {when} says holiday, but it is not a "
                "holiday.",
            )
        elif info is not None:
            text = breach_sentence(info, self.lang, self.names, mode)
        else:
            words = mode_words(mode, self.lang)
            text = _t(
                self.lang,
                f"{self.who(nip)}: {words} tidak diperbolehkan pada {when}.",
                f"{self.who(nip)}: {words} is not allowed on {when}.",
            )
        self.add(text, self.roster.places.get((nip, day)))

    def _actual(self, info: TagInfo, tag: str) -> float:
        """The roster's own figure for a rule it breaks."""
        model = self.built.model
        assignment = self.assignment
        for cover in model.covers:
            if cover.tag == tag:
                return sum(
                    assignment[person, cover.day] in cover.modes
                    for person in cover.people
                )
        for total in model.totals:
            if total.tag == tag:
                value = sum(
                    total.coefficients.get(assignment[total.person, d], 0)
                    for d in total.days
                )
                # Hours are counted in minutes, flexible days in halves.
                return value / (60 if info.kind == "regular_hours" else 2)
        for runs in model.runs:
            if runs.tag == tag:
                return self._longest_run(runs.person, runs.modes, runs.before)
        return 0

    def _longest_run(
        self, nip: EmployeeId, modes: frozenset[str], before: int
    ) -> int:
        """The longest run of a person's days in some modes."""
        longest, current = 0, before
        for index in range(len(self.built.dates)):
            if self.assignment[nip, index] in modes:
                current += 1
                longest = max(longest, current)
            else:
                current = 0
        return longest

    # Places.

    def _row(self, nip: EmployeeId) -> Place | None:
        """A person's row, without a column."""
        row = self.roster.rows.get(nip)
        if row is None:
            return (self.sheet, None, None)
        return (row[0], row[1], None)

    def _place(self, info: TagInfo) -> Place | None:
        """The roster cells a broken rule points at."""
        if info.nip is not None and info.kind in _WEEK_KINDS:
            assert info.date is not None
            week = [
                d for d in self.built.dates if 0 <= (d - info.date).days < 7
            ]
            return self._span(info.nip, week)
        if info.nip is not None:
            return self._row(info.nip)
        if info.date is None:
            return (self.sheet, None, None)
        for nip in self.names:
            place = self.roster.places.get((nip, info.date))
            if place is not None and place[0] is not None:
                return (place[0], None, place[2])
        return (self.sheet, None, None)

    def _span(self, nip: EmployeeId, days: list[dt.date]) -> Place | None:
        """A person's row across some days' columns (``F-J``)."""
        places = [
            self.roster.places[nip, d]
            for d in days
            if (nip, d) in self.roster.places
        ]
        if not places:
            return self._row(nip)
        sheet, row, _ = places[0]
        if sheet is None:
            # A CSV roster: the week's first line.
            return places[0]
        columns = sorted((p[2] for p in places), key=column_index_from_string)
        span = (
            columns[0]
            if len(columns) == 1
            else (f"{columns[0]}-{columns[-1]}")
        )
        return (sheet, row, span)
