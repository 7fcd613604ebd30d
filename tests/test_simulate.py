"""Policy scenarios: files, figures, outputs, agreement with mkd plan."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from planner.cli import app
from planner.compare import (
    CSV_HEAD,
    FIGURES,
    summary_rows,
    write_comparison,
)
from planner.plan import SolveOptions, plan_workbook
from planner.problems import InputError
from planner.reading.workforce import read_workforce
from planner.result import DayMode
from planner.scenarios import Costs, Savings, load_scenarios
from planner.simulate import (
    DETERMINISTIC,
    PersonDays,
    UnitFigures,
    gini,
    simulate,
)

BUREAU = Path(__file__).parent.parent / "examples" / "biro-organisasi.xlsx"
WEEK = dt.date(2027, 1, 4)
STATUSES = {"optimal", "feasible", "infeasible", "unknown"}


def write(tmp_path: Path, text: str, name: str = "scenarios.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


# ---------------------------------------------------------------------------
# Scenario files
# ---------------------------------------------------------------------------


def test_bundled_scenarios_compare_presets_and_variations() -> None:
    """The bundled file: the four presets, boxes 4,5,6,8,9, shares 40-60."""
    scenarios = {s.name: s for s in load_scenarios()}

    assert list(scenarios)[:4] == [
        "nasional-2025",
        "mkd-2023",
        "jabar-2025-12",
        "jabar-2026",
    ]
    boxes = scenarios["kotak-45689"].overrides["eligible_talent_boxes"]
    assert boxes == {4, 5, 6, 8, 9}
    for share in (40, 50, 60):
        scenario = scenarios[f"hadir-{share}"]
        assert scenario.overrides == {"min_onsite_share": share}


def test_scenario_overrides_its_preset_and_costs(tmp_path: Path) -> None:
    """A scenario's keys override its preset; costs override defaults."""
    path = write(
        tmp_path,
        """
[costs]
meal_per_day = 41000

[scenario.share-40]
preset = "mkd-2023"
min_onsite_share = 40
commute_per_day = 10000
""",
    )
    (scenario,) = load_scenarios(path)
    policy = scenario.policy()

    assert policy.policy.min_onsite_share == 40
    assert policy.policy.max_flexible_days_per_week == 4  # from mkd-2023
    assert policy.source_of("min_onsite_share") == "scenario share-40"
    assert scenario.costs == Costs(10_000, 41_000, Costs().office_per_day)


def test_scenario_preset_may_be_a_policy_file(tmp_path: Path) -> None:
    """``preset`` may name a policy file, read from the scenario's folder."""
    write(
        tmp_path,
        'preset = "mkd-2023"\nmax_flexible_days_per_week = 3\n',
        "three.toml",
    )
    path = write(
        tmp_path,
        '[scenario.three]\npreset = "three.toml"\nmin_onsite_share = 40\n',
    )

    (scenario,) = load_scenarios(path)
    policy = scenario.policy().policy

    assert policy.max_flexible_days_per_week == 3  # the policy file
    assert policy.min_regular_hours_per_week == 7.5  # its preset
    assert policy.min_onsite_share == 40  # the scenario


@pytest.mark.parametrize(
    ("text", "code", "table", "key", "row"),
    [
        # An unknown preset names the table and the key.
        (
            '[scenario.a]\npreset = "nope"\n',
            "policy_unknown",
            "a",
            "preset",
            2,
        ),
        # A preset that is not text.
        ("[scenario.a]\npreset = 5\n", "scenario_preset", "a", "preset", 2),
        # An unknown policy key.
        (
            "[scenario.a]\nmax_days = 3\n",
            "policy_key_unknown",
            "a",
            "max_days",
            2,
        ),
        # A value of the wrong kind.
        (
            '[scenario.a]\nmin_onsite_share = "half"\n',
            None,
            "a",
            "min_onsite_share",
            2,
        ),
        # A value out of range, found when the file is read.
        (
            "[scenario.a]\nmin_onsite_share = 140\n",
            None,
            "a",
            "min_onsite_share",
            2,
        ),
        # An unknown cost key.
        (
            "[costs]\nfuel = 1\n[scenario.a]\n",
            "cost_key_unknown",
            None,
            "fuel",
            2,
        ),
        # A negative cost.
        (
            "[scenario.a]\nmeal_per_day = -5\n",
            "cost_value",
            "a",
            "meal_per_day",
            2,
        ),
        # A scenario that is a value, not a table.
        ("[scenario]\na = 3\n", "scenario_not_table", None, "a", 2),
        ('scenario.a = "x"\n', "scenario_not_table", None, "a", None),
        # No scenario table at all.
        ("scenario = 3\n", "scenarios_none", None, None, None),
        # A key outside the scenario tables.
        (
            'preset = "mkd-2023"\n[scenario.a]\n',
            "scenario_file_key",
            None,
            "preset",
            1,
        ),
        # Costs that are not a table.
        ("costs = 3\n[scenario.a]\n", "costs_not_table", None, "costs", 1),
        # Broken TOML: the line, and the scenario file named as such.
        ("[scenario.a\n", "scenario_file_bad", None, None, 1),
    ],
)
def test_bad_scenario_files_are_located_errors(
    tmp_path: Path,
    text: str,
    code: str | None,
    table: str | None,
    key: str | None,
    row: int | None,
) -> None:
    """Bad scenario files name the file, the table, the key and the line."""
    path = write(tmp_path, text)

    with pytest.raises(InputError) as caught:
        load_scenarios(path)

    (problem,) = caught.value.problems
    if code is not None:
        assert problem.code == code
    assert problem.file == "scenarios.toml"
    if table is not None:
        assert problem.sheet == f"[scenario.{table}]"
    elif code == "scenario_not_table":
        assert problem.sheet == "[scenario]"
    assert problem.column == key
    assert problem.row == row
    assert "scenarios.toml" in problem.render("en")


def test_every_problem_of_a_scenario_file_at_once(tmp_path: Path) -> None:
    """All bad scenarios are reported together, in the file's order."""
    path = write(
        tmp_path,
        """
[scenario.good]
preset = "mkd-2023"

[scenario.bad-share]
min_onsite_share = 140

[scenario.bad-key]
min_onsite_shar = 40

[scenario.bad-ramadan]
ramadan_start = 2027-02-10
""",
    )

    with pytest.raises(InputError) as caught:
        load_scenarios(path)

    places = [(p.sheet, p.column, p.row) for p in caught.value.problems]
    assert places == [
        ("[scenario.bad-share]", "min_onsite_share", 6),
        ("[scenario.bad-key]", "min_onsite_shar", 9),
        ("[scenario.bad-ramadan]", "ramadan_start", 12),
    ]


def test_toml_error_calls_it_a_scenario_file(tmp_path: Path) -> None:
    """A TOML error names the scenario file as one, in both languages."""
    path = write(tmp_path, "[scenario.a]\npreset = \n")

    with pytest.raises(InputError) as caught:
        load_scenarios(path)

    (problem,) = caught.value.problems
    assert "Berkas skenario" in problem.render("id")
    assert "scenario file" in problem.render("en")
    assert problem.row == 2


# ---------------------------------------------------------------------------
# Figures on hand-made cases
# ---------------------------------------------------------------------------


def test_gini_is_zero_when_even_and_grows_with_inequality() -> None:
    """Gini: 0 for equal shares, (n-1)/n when one person has all."""
    assert gini([2, 2, 2, 2]) == 0
    assert gini([]) == 0
    assert gini([0, 0, 0, 4]) == pytest.approx(0.75)
    assert 0 < gini([1, 2, 2, 2]) < gini([0, 1, 2, 2])


def test_savings_of_whole_and_split_days() -> None:
    """A whole flexible day saves everything; a split day half the office.

    3 whole days and 2 split days at Rp 10 / 20 / 30: commuting 3 x 10,
    meals 3 x 20, office (3 + 2/2) x 30.
    """
    savings = Costs(10, 20, 30).savings(3, 2)

    assert savings == Savings(commute=30, meal=60, office=120)
    assert savings.employees == 90
    assert savings.total == 210


def test_fairness_counts_people_who_asked() -> None:
    """Min, max and Gini over eligible people who asked; a share of the
    requested days granted that counts each person up to what they asked.

    A asked 2, got 2; B asked 2, got 0; C asked nothing, got 1 (an
    organisation-wide day); D asked 1, got 2 (one of them an
    organisation-wide day). Askers A, B, D got 2, 0, 2: Gini
    (2*1-4)*0 + (2*2-4)*2 + (2*3-4)*2 / (3*4) = 1/3. Granted within
    the request: 2 + 0 + 1 of 5 asked.
    """
    unit = UnitFigures(
        "s",
        "u",
        "optimal",
        4,
        4,
        Counter(),
        present_person_days=20,
        flexible_days=5,
        per_person=[
            PersonDays(2, 2),
            PersonDays(0, 2),
            PersonDays(1, 0),
            PersonDays(2, 1),
        ],
    )

    assert (unit.fewest, unit.most) == (0, 2)
    assert unit.gini_askers == pytest.approx(1 / 3)
    assert unit.gini_eligible == pytest.approx(gini([2, 0, 1, 2]))
    assert unit.requested_granted == pytest.approx(3 / 5)
    assert unit.flexible_share == pytest.approx(5 / 20)


# ---------------------------------------------------------------------------
# Agreement with mkd plan
# ---------------------------------------------------------------------------

AGREEMENT_POLICIES = {
    "nasional": 'preset = "nasional-2025"\n',
    "mkd-3": 'preset = "mkd-2023"\nmax_flexible_days_per_week = 3\n',
    # Everyone flexible on Thursday: two bureau units cannot keep their
    # fixed office days and role cover, and are infeasible.
    "jabar-2026": 'preset = "jabar-2026"\n',
}


def test_simulation_agrees_with_plan_runs(tmp_path: Path) -> None:
    """Every scenario's unit figures equal those of ``mkd plan`` with the
    same policy: status, flexible, present and requested days, on-site
    head count per day, wishes met and the smallest margin.

    Each policy is also written as a policy file for ``plan_workbook``;
    both runs use the deterministic search, so among equally good
    rosters both return the same one.
    """
    scenarios = "".join(
        f"[scenario.{name}]\n{text}"
        for name, text in AGREEMENT_POLICIES.items()
    )
    results = simulate(
        BUREAU, WEEK, 1, load_scenarios(write(tmp_path, scenarios))
    )
    infeasible = 0

    for result in results:
        policy = write(
            tmp_path,
            AGREEMENT_POLICIES[result.scenario.name],
            f"{result.scenario.name}-policy.toml",
        )
        plan = plan_workbook(
            BUREAU,
            WEEK,
            1,
            str(policy),
            options=SolveOptions(parameters=DETERMINISTIC),
        )
        for unit, figures in zip(plan.units, result.units, strict=True):
            assert figures.unit == unit.unit
            assert figures.status == unit.status.value
            members = plan.workforce.members[unit.unit]
            assert figures.people == len(members)
            assert figures.eligible == sum(
                plan.eligibility[m.nip].eligible for m in members
            )
            if not unit.planned:
                infeasible += 1
                assert figures.present_person_days is None
                assert figures.explanation
                continue
            flexible = sum(
                {DayMode.FLEXIBLE: 1.0, DayMode.SPLIT: 0.5}.get(a.mode, 0)
                for a in unit.assignments
            )
            present = sum(
                a.mode in (DayMode.OFFICE, DayMode.FLEXIBLE, DayMode.SPLIT)
                for a in unit.assignments
            )
            onsite = {c.date: c.onsite for c in unit.coverage}
            assert figures.flexible_days == flexible
            assert figures.present_person_days == present
            assert figures.requested_days == unit.requested_days
            assert sum(p.requested for p in figures.per_person) == (
                unit.requested_days
            )
            assert {
                day: count
                for day, count in figures.onsite.items()
                if day in onsite
            } == onsite
            assert figures.wishes_met == unit.wishes_met
            assert figures.min_margin == min(c.margin for c in unit.coverage)
    assert infeasible >= 1


def test_province_figures_leave_out_units_without_a_roster(
    tmp_path: Path,
) -> None:
    """The total counts everyone's head counts and reasons, but the
    roster figures of the units with a roster only."""
    path = write(tmp_path, '[scenario.j]\npreset = "jabar-2026"\n')
    (result,) = simulate(BUREAU, WEEK, 1, load_scenarios(path))
    total = result.total()
    planned = [u for u in result.units if u.planned]

    assert result.left_out  # the bureau has infeasible units under it
    assert total.people == sum(u.people for u in result.units)
    assert total.reasons == sum((u.reasons for u in result.units), Counter())
    assert total.present_person_days == sum(
        u.present_person_days or 0 for u in planned
    )
    assert total.wishes == sum(u.wishes or 0 for u in planned)
    assert len(total.per_person) == sum(len(u.per_person) for u in planned)


def test_notes_say_where_the_workbook_overrides_a_scenario(book) -> None:
    """Keys of the Kebijakan sheet and units' own shares are reported.

    The tiny workbook's Kebijakan sets split_days = Tidak and both its
    units set their own share, so a scenario with split days and a 40 %
    share is told that neither reaches its units.
    """
    path = book.save()
    scenarios = write(
        book.folder,
        "[scenario.s]\nsplit_days = true\nmin_onsite_share = 40\n",
    )
    (result,) = simulate(path, WEEK, 1, load_scenarios(scenarios))
    setup = result.setup

    (override,) = setup.overridden
    assert (override.key, override.scenario_value) == ("split_days", True)
    assert override.own
    share = next(u for u in setup.unit_keys if u.key == "min_onsite_share")
    assert (share.applies, share.own) == (0, 2)
    assert {u.share for u in result.units} == {50}
    assert {u.share_source for u in result.units} == {"unit"}


def test_scenario_and_workbook_checked_before_planning(book) -> None:
    """A scenario that breaks a rule with the Kebijakan sheet stops the
    run before any unit is planned, naming the scenario and the sheet."""
    book.add_row("Kebijakan", Parameter="weekly_hours", Nilai=20)
    path = book.save()
    scenarios = write(
        book.folder,
        "[scenario.ok]\nmin_regular_hours_per_week = 10\n"
        '[scenario.clash]\npreset = "nasional-2025"\n',
    )
    planned = []

    with pytest.raises(InputError) as caught:
        simulate(
            path,
            WEEK,
            1,
            load_scenarios(scenarios),
            progress=lambda *args: planned.append(args),
        )

    assert not planned
    first = caught.value.problems[0]
    assert first.code == "scenario_with_workbook"
    assert first.params["name"] == "clash"
    assert {p.sheet for p in caught.value.problems} == {"Kebijakan"}


def test_equal_scenarios_are_named(book) -> None:
    """A scenario whose rules are the same in every unit as an earlier
    one's is marked so: here a share that every unit of the tiny
    workbook overrides with its own, and a key set to the preset's
    value."""
    path = write(
        book.folder,
        '[scenario.a]\npreset = "nasional-2025"\n'
        '[scenario.b]\npreset = "nasional-2025"\nmin_onsite_share = 40\n'
        '[scenario.c]\npreset = "mkd-2023"\n'
        '[scenario.d]\npreset = "mkd-2023"\nmax_flexible_days_per_week = 4\n',
    )
    results = simulate(book.save(), WEEK, 1, load_scenarios(path))

    assert [r.setup.same_as for r in results] == [None, "a", None, "c"]


# ---------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bureau_results(tmp_path_factory: pytest.TempPathFactory) -> list:
    folder = tmp_path_factory.mktemp("bureau")
    path = write(
        folder,
        '[scenario.nasional]\npreset = "nasional-2025"\n'
        '[scenario.jabar-2026]\npreset = "jabar-2026"\n'
        '[scenario.mkd]\npreset = "mkd-2023"\n',
    )
    return simulate(BUREAU, WEEK, 1, load_scenarios(path))


def test_charts_point_at_their_data(tmp_path: Path, bureau_results) -> None:
    """The flexible share chart plots the flexible share row; the on-site
    chart plots every scenario's column over the days."""
    out = tmp_path / "c.xlsx"
    write_comparison(bureau_results, out, "en")
    book = load_workbook(out)
    summary = book["Comparison"]
    row = summary_rows()["flexible_share_pct"]
    count = len(bureau_results)

    (chart,) = summary._charts
    (series,) = chart.series
    assert summary.cell(row, 1).value == "Flexible (% of present person-days)"
    assert series.val.numRef.f == f"'Comparison'!$B${row}:$D${row}"
    categories = series.cat.numRef or series.cat.strRef
    assert categories.f == "'Comparison'!$B$4:$D$4"
    assert [summary.cell(4, c).value for c in range(2, count + 2)] == [
        "nasional",
        "jabar-2026",
        "mkd",
    ]

    days = book["On Site per Day"]
    (line,) = days._charts
    last = days.max_row
    dates = [
        days.cell(r, 1).value
        for r in range(2, last + 1)
        if days.cell(r, 2).value is not None
    ]
    assert len(line.series) == count
    for column, series in zip("BCD", line.series, strict=True):
        assert series.val.numRef.f == (
            f"'On Site per Day'!${column}$2:${column}${len(dates) + 1}"
        )
        assert series.tx.strRef.f == f"'On Site per Day'!{column}1"


def test_summary_rows_are_found_by_key() -> None:
    """Every summary figure has its own row, in the order of FIGURES."""
    rows = summary_rows()
    keys = [f.key for f in FIGURES if f.summary]

    assert list(rows) == keys
    assert sorted(rows.values()) == list(range(5, 5 + len(keys)))


def test_simulate_command_writes_workbook_and_csv(tmp_path: Path) -> None:
    """``mkd simulate`` writes the comparison workbook and its CSV; a
    unit without a roster has status ``infeasible``, an explanation,
    and no roster figures; the exit code is 3 as for ``mkd plan``."""
    path = write(
        tmp_path,
        '[scenario.a]\npreset = "nasional-2025"\n'
        '[scenario.b]\npreset = "jabar-2026"\n',
    )
    out = tmp_path / "compare.xlsx"

    code, output = run_cli(
        "simulate",
        str(BUREAU),
        "--week",
        "2027-01-04",
        "--scenarios",
        str(path),
        "-o",
        str(out),
        "--lang",
        "en",
    )

    assert code == 3, output
    with out.with_suffix(".csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
        handle.seek(0)
        header = next(csv.reader(handle))
    assert tuple(header[: len(CSV_HEAD)]) == CSV_HEAD
    assert "explanation" in header
    assert any(column.startswith("onsite_2027-01-") for column in header)
    units = len(read_workforce(BUREAU)[0].units)
    assert len(rows) == 2 * units  # two scenarios
    assert {row["status"] for row in rows} <= STATUSES
    for row in rows:
        if row["status"] == "infeasible":
            assert row["explanation"]
            assert row["flexible_days"] == ""
        else:
            assert float(row["flexible_days"]) >= 0
            assert not row["explanation"]

    book = load_workbook(out)
    assert book.sheetnames[:3] == [
        "Comparison",
        "On Site per Day",
        "On Site per Unit",
    ]
    assert {"a", "b", "Scenarios"} <= set(book.sheetnames)
    units = {
        row[4]
        for row in book["Scenarios"].iter_rows(min_row=2, values_only=True)
    }
    assert {"people", "Rp/person-day", "%"} <= units
    summary = [c.value for c in book["Comparison"]["A"]]
    assert "Units left out (units)" in summary


def test_simulate_command_exits_0_when_every_unit_is_planned(
    tmp_path: Path,
) -> None:
    """Exit 0 when every unit of every scenario has a roster; a scenario
    name with Rich markup is printed as written, never cut."""
    name = "[bold]hadir-empat-puluh-persen[/bold]"
    path = write(tmp_path, f'[scenario."{name}"]\nmin_onsite_share = 40\n')
    out = tmp_path / "c.xlsx"

    code, output = run_cli(
        "simulate",
        str(BUREAU),
        "--week",
        "2027-W01",
        "--scenarios",
        str(path),
        "-o",
        str(out),
    )

    assert code == 0, output
    assert "[bold]" in output
    assert "…" not in output
    # The note on the units' own shares names the scenario whole.
    assert f"Skenario '{name}': min_onsite_share = 40 %" in " ".join(
        output.split()
    )


def test_simulate_bad_inputs_exit_1_with_all_problems(tmp_path: Path) -> None:
    """A bad scenario file and a bad workbook are reported together."""
    scenarios = write(tmp_path, "[scenario.a]\nmax_days = 1\n")
    workbook = tmp_path / "not.xlsx"
    workbook.write_text("not a workbook", encoding="utf-8")

    code, output = run_cli(
        "simulate",
        str(workbook),
        "--week",
        "2027-01-04",
        "--scenarios",
        str(scenarios),
        "-o",
        str(tmp_path / "c.xlsx"),
    )

    assert code == 1
    assert "scenarios.toml" in output
    assert "not.xlsx" in output
    assert "Traceback" not in output


def test_simulate_refuses_to_overwrite(tmp_path: Path) -> None:
    """An existing output is kept unless ``--force`` is given."""
    out = tmp_path / "compare.xlsx"
    out.write_bytes(b"keep")

    code, _ = run_cli(
        "simulate", str(BUREAU), "--week", "2027-01-04", "-o", str(out)
    )

    assert code == 1
    assert out.read_bytes() == b"keep"
