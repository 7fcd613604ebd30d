"""Units without a roster are explained in the users' terms.

Cheap checks before solving name the day, the head counts and the
absences; otherwise the solver's conflicting rules are listed, and they
are all needed (deleting any one makes the rest feasible). The other
units are planned anyway. With soft coverage the best roster comes back
with every shortfall paid and told.

The week is Monday 11 to Friday 15 January 2027 (no holiday).
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from checker import MONDAY, assert_proven, check_plan, nip, person, solve_plan
from typer.testing import CliRunner

from models import (
    Absence,
    Policy,
    Request,
    RoleCover,
    Unit,
    Weekday,
    Workforce,
    WorkMode,
)
from planner.cli import app
from planner.roster import RosterSolution
from planner.sentences import (
    conflict_sentence,
    finding_sentence,
    penalty_sentence,
)

MON, TUE, WED = (MONDAY + dt.timedelta(days=n) for n in range(3))
EXAMPLE = Path(__file__).parents[1] / "examples" / "biro-organisasi.xlsx"


def names(plan) -> dict[str, str]:
    return {e.nip: e.name for e in plan.workforce.employees}


def by_unit(plan) -> dict:
    return {u.unit: u for u in plan.units}


def short_unit() -> Workforce:
    """Unit U: 5 people, at least 4 on site, 2 on leave on Wednesday.

    Unit V (2 people, free of coverage) can be planned.
    """
    people = tuple(person(n) for n in range(1, 6))
    others = tuple(person(n, "V") for n in (6, 7))
    leave = tuple(Absence(nip(n), WED, WED, "CT") for n in (1, 2))
    units = (
        Unit("U", min_onsite_people=4),
        Unit("V", min_onsite_share=0, min_onsite_people=0),
    )
    return Workforce(people + others, units, absences=leave)


def test_too_few_present_is_found_before_solving():
    """Wednesday: 4 required on site, 3 present, 2 absent."""
    plan = solve_plan(short_unit())
    units = by_unit(plan)

    assert units["U"].status == "infeasible"
    assert not units["U"].planned
    assert [finding_sentence(f, "id") for f in units["U"].findings] == [
        "Rabu 13 Januari 2027: paling sedikit 4 orang harus di kantor, "
        "tetapi hanya 3 yang hadir (2 tidak hadir)."
    ]
    assert [finding_sentence(f, "en") for f in units["U"].findings] == [
        "Wednesday 13 January 2027: at least 4 must be on site but only 3 "
        "are present (2 absent)."
    ]
    # The other unit is planned all the same.
    assert units["V"].status == "optimal"
    assert check_plan(plan) == []


def test_role_holder_on_leave_is_found_before_solving():
    """The only leader is on leave on Tuesday, and a leader must be in."""
    people = (person(1, roles=frozenset({"pimpinan"})), person(2))
    workforce = Workforce(
        people,
        (Unit("U", min_onsite_share=0, min_onsite_people=0),),
        role_covers=(RoleCover("U", "pimpinan", 1),),
        absences=(Absence(nip(1), TUE, TUE, "CT"),),
    )
    plan = solve_plan(workforce)
    [unit] = plan.units

    assert unit.status == "infeasible"
    assert [finding_sentence(f, "id") for f in unit.findings] == [
        "Selasa 12 Januari 2027: paling sedikit 1 orang berperan pimpinan "
        "harus di kantor, tetapi hanya 0 dari 1 yang hadir."
    ]


def test_desks_too_few_for_people_forced_on_site_is_found():
    """Two desks; P1 is not eligible and P2's 37.5 h on site leave no
    flexible day, P3 is fixed at the office on Monday: three must be in."""
    people = (person(1, eligible=False), person(2), person(3))
    workforce = Workforce(
        people,
        (Unit("U", min_onsite_share=0, min_onsite_people=0, desk_capacity=2),),
        requests=(Request(nip(3), WorkMode.OFFICE, date=MON, required=True),),
    )
    plan = solve_plan(workforce, Policy(min_regular_hours_per_week=37.5))
    [unit] = plan.units

    assert unit.status == "infeasible"
    assert finding_sentence(unit.findings[0], "en") == (
        "Monday 11 January 2027: there are only 2 desks, but 3 people must "
        "be on site (not eligible for flexible work, fixed at the office, "
        "or with on-site hours that leave no flexible day) and coverage "
        "asks for 0."
    )


def test_fixed_requests_against_coverage_are_the_conflict():
    """Both people fixed flexible on Monday, one must be on site.

    No cheap check sees it (both are present); the solver's conflict is
    exactly Monday's coverage and the two fixed requests.
    """
    people = (person(1), person(2))
    requests = tuple(
        Request(nip(n), WorkMode.FLEXIBLE, date=MON, required=True)
        for n in (1, 2)
    )
    workforce = Workforce(
        people,
        (Unit("U", min_onsite_share=0, min_onsite_people=1),),
        requests=requests,
    )
    plan = solve_plan(workforce)
    [unit] = plan.units

    assert unit.status == "infeasible"
    assert unit.findings == []
    assert sorted(info.kind for info in unit.conflicts) == [
        "coverage",
        "fixed",
        "fixed",
    ]
    said = {
        info.kind + str(info.nip): conflict_sentence(info, "id", names(plan))
        for info in unit.conflicts
    }
    assert said["coverageNone"] == (
        "Senin 11 Januari 2027: paling sedikit 1 orang di kantor."
    )
    for number in (1, 2):
        assert said[f"fixed{nip(number)}"] == (
            f"P{number} ({nip(number)}): penugasan wajib fleksibel pada "
            "Senin 11 Januari 2027."
        )


def test_conflict_is_minimal():
    """Two fixed flexible Mondays against a coverage of two of three.

    A third fixed request (Tuesday) plays no part: the conflict is
    Monday's coverage and the two Monday requests, each needed.
    """
    requests = (
        *(
            Request(nip(n), WorkMode.FLEXIBLE, date=MON, required=True)
            for n in (1, 2)
        ),
        Request(nip(3), WorkMode.FLEXIBLE, date=TUE, required=True),
    )
    workforce = Workforce(
        tuple(person(n) for n in (1, 2, 3)),
        (Unit("U", min_onsite_share=0, min_onsite_people=2),),
        requests=requests,
    )
    plan = solve_plan(workforce)
    [unit] = plan.units

    assert unit.status == "infeasible"
    assert unit.findings == []
    found = sorted(
        ((info.kind, info.date, info.nip) for info in unit.conflicts), key=str
    )
    assert found == sorted(
        [
            ("coverage", MON, None),
            ("fixed", MON, nip(1)),
            ("fixed", MON, nip(2)),
        ],
        key=str,
    )


# Fixed requests that break a rule of their own person are found before
# solving, with the request, the rule and how to fix it.
FIXED_CASES = {
    "holiday": (
        dict(date=dt.date(2027, 1, 5)),
        Policy(),
        dt.date(2027, 1, 4),
        "P1 (198001012005012001): permintaan wajib fleksibel pada Selasa "
        "5 Januari 2027, padahal hari itu libur (Isra Mikraj Nabi "
        "Muhammad). Hapus permintaan itu atau ubah tanggalnya.",
    ),
    "absent": (
        dict(date=TUE),
        Policy(),
        MONDAY,
        "P1 (198001012005012001): permintaan wajib fleksibel pada Selasa "
        "12 Januari 2027, padahal ia tidak hadir (Cuti). Hapus permintaan "
        "itu atau periksa ketidakhadirannya.",
    ),
    "organisation day": (
        dict(weekday=3, mode=WorkMode.OFFICE),
        Policy(organisation_flexible_days=frozenset({3})),
        MONDAY,
        "P1 (198001012005012001): permintaan wajib kantor pada Kamis 14 "
        "Januari 2027, padahal pada hari itu semua pegawai bekerja "
        "fleksibel (hari fleksibel organisasi).",
    ),
    "over the cap": (
        dict(weekday=4),
        Policy(
            max_flexible_days_per_week=1,
            organisation_flexible_days=frozenset({3}),
        ),
        MONDAY,
        "P1 (198001012005012001): pada minggu Senin 11 Januari 2027 ada 1 "
        "hari fleksibel wajib dan 1 hari fleksibel organisasi, lebih dari "
        "batas 1 hari fleksibel seminggu.",
    ),
}


def fixed_case(name: str):
    """Plan unit U (P1, eligible, and P2) with one fixed request of P1."""
    fields, policy, start, _ = FIXED_CASES[name]
    fields = {"mode": WorkMode.FLEXIBLE, "required": True, **fields}
    if "weekday" in fields:
        fields["weekday"] = Weekday(fields["weekday"])
    workforce = Workforce(
        (person(1), person(2)),
        (Unit("U", min_onsite_share=0, min_onsite_people=0),),
        absences=(Absence(nip(1), TUE, TUE),) if name == "absent" else (),
        requests=(Request(nip(1), **fields),),
    )
    return solve_plan(workforce, policy, start=start)


@pytest.mark.parametrize("name", FIXED_CASES)
def test_fixed_request_breaking_a_rule_is_found(name):
    """Each case is infeasible before solving, in one sentence."""
    plan = fixed_case(name)
    [unit] = plan.units

    assert unit.status == "infeasible"
    assert unit.conflicts == []
    assert [finding_sentence(f, "id") for f in unit.findings] == [
        FIXED_CASES[name][3]
    ]
    for finding in unit.findings:
        assert "P1 (198001012005012001)" in finding_sentence(finding, "en")


def test_fixed_flexible_for_someone_not_eligible_is_found():
    """P1 (talent box 3) may not work flexibly, yet is fixed flexible."""
    workforce = Workforce(
        (person(1, eligible=False),),
        (Unit("U", min_onsite_share=0, min_onsite_people=0),),
        requests=(
            Request(nip(1), WorkMode.FLEXIBLE, date=WED, required=True),
        ),
    )
    [unit] = solve_plan(workforce).units

    assert [finding_sentence(f, "en") for f in unit.findings] == [
        "P1 (198001012005012001): a fixed request for flexible work on "
        "Wednesday 13 January 2027, but not eligible for flexible work "
        "(see sheet Eligibility)."
    ]


def test_fixed_flexible_days_leaving_too_few_hours_are_found():
    """Four fixed flexible days leave 7.5 h on site of the 22.5 h due.

    The cap of 4 days holds them, the regular hours do not.
    """
    workforce = Workforce(
        (person(1),),
        (Unit("U", min_onsite_share=0, min_onsite_people=0),),
        requests=tuple(
            Request(nip(1), WorkMode.FLEXIBLE, date=day, required=True)
            for day in (MON, TUE, WED, MON + dt.timedelta(days=3))
        ),
    )
    policy = Policy(max_flexible_days_per_week=4)
    [unit] = solve_plan(workforce, policy).units

    assert [finding_sentence(f, "en") for f in unit.findings] == [
        "P1 (198001012005012001): in the week of Monday 11 January 2027 "
        "the fixed flexible days leave only 7.5 on-site hours, fewer than "
        "the 22.5 required."
    ]


def test_soft_coverage_returns_the_roster_and_tells_each_shortfall():
    """The same Wednesday with --soft-coverage: one person short."""
    plan = solve_plan(short_unit(), soft_coverage=True)
    units = by_unit(plan)

    assert units["U"].status == "optimal"
    shortfalls = [p for p in units["U"].penalties if p.info.kind == "coverage"]
    assert [penalty_sentence(p, "id", names(plan)) for p in shortfalls] == [
        "Rabu 13 Januari 2027: 1 orang kurang dari 4 orang yang wajib di "
        "kantor."
    ]
    wednesday = [
        a for a in units["U"].assignments if a.date == WED and a.mode.value
    ]
    assert sum(a.mode.value == "office" for a in wednesday) == 3


def test_soft_coverage_keeps_every_other_rule():
    """Without a shortfall, soft coverage changes nothing."""
    free = Workforce(
        tuple(person(n) for n in (1, 2)),
        (Unit("U", min_onsite_people=1),),
    )
    hard = solve_plan(free)
    soft = solve_plan(free, soft_coverage=True)
    assert_proven(hard)
    assert_proven(soft)
    assert soft.units[0].objective == hard.units[0].objective


def invoke(*args: object):
    result = CliRunner().invoke(app, [str(a) for a in args])
    said = result.stdout + result.stderr
    return result.exit_code, " ".join(said.split())


def test_plan_command_plans_the_bureau(tmp_path):
    """Exit 0, every unit optimal, workbook and CSV with exact columns."""
    out = tmp_path / "roster.xlsx"
    code, output = invoke(
        "plan", EXAMPLE, "--week", "2027-01-04", "-o", out, "--lang", "en"
    )

    assert code == 0, output
    assert out.exists()
    header = out.with_suffix(".csv").read_text().splitlines()[0]
    assert header == (
        "nip,name,unit,sub_unit,date,day,mode,office_hours,flexible_hours"
    )
    assert output.count("optimal") >= 4


def test_plan_command_exits_3_and_explains(tmp_path):
    """Under jabar-2026 some bureau units are infeasible: exit 3, the
    explanation printed, the roster written for the others."""
    out = tmp_path / "roster.xlsx"
    code, output = invoke(
        "plan",
        EXAMPLE,
        "--week",
        "2027-01-04",
        "--policy",
        "jabar-2026",
        "-o",
        out,
        "--lang",
        "en",
    )

    assert code == 3, output
    assert "infeasible" in output
    assert "cannot be planned" in output
    assert "the fixed flexible days leave only" in output
    assert out.exists() and out.with_suffix(".csv").exists()


def test_plan_command_exits_4_when_time_runs_out(tmp_path, monkeypatch):
    """A unit without a roster in time is not called infeasible: exit 4,
    the unit named with a hint to allow more time, the others written."""
    import planner.plan

    real = planner.plan.solve
    calls = itertools.count()

    def first_unit_out_of_time(model, **options):
        # ``next`` on a count is atomic: exactly one unit runs out.
        if next(calls) == 0:
            return RosterSolution("unknown", wall_time=0.01)
        return real(model, **options)

    monkeypatch.setattr(planner.plan, "solve", first_unit_out_of_time)
    out = tmp_path / "roster.xlsx"
    code, output = invoke(
        "plan",
        EXAMPLE,
        "--week",
        "2027-01-04",
        "-o",
        out,
        "--lang",
        "en",
        "--time-limit",
        "60",
    )

    assert code == 4, output
    assert "no roster found within the time limit" in output
    assert "not proven infeasible" in output
    assert "1 without a roster in time" in output
    assert out.exists() and out.with_suffix(".csv").exists()


def test_plan_command_bad_week_exits_1_without_traceback(tmp_path):
    """A date that is not a Monday is a clear message."""
    code, output = invoke(
        "plan", EXAMPLE, "--week", "2027-01-05", "-o", tmp_path / "r.xlsx"
    )
    assert code == 1
    assert "Traceback" not in output
    assert "2027-01-05" in output
