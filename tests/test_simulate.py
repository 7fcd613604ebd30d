"""Policy scenarios: files, figures, and agreement with ``mkd plan``."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from planner.cli import app
from planner.compare import CSV_HEAD
from planner.plan import plan_workbook
from planner.problems import InputError
from planner.result import DayMode
from planner.scenarios import Costs, load_scenarios
from planner.simulate import gini, simulate

BUREAU = Path(__file__).parent.parent / "examples" / "biro-organisasi.xlsx"
WEEK = dt.date(2027, 1, 4)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenarios.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_scenarios_compare_presets_and_variations() -> None:
    """The bundled file holds the four presets and the variations."""
    names = [s.name for s in load_scenarios()]

    assert names[:4] == [
        "nasional-2025",
        "mkd-2023",
        "jabar-2025-12",
        "jabar-2026",
    ]
    assert {"kotak-45689", "hadir-40", "hadir-60"} <= set(names)


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


@pytest.mark.parametrize(
    ("text", "code", "column"),
    [
        # An unknown preset names the table and the key.
        ('[scenario.a]\npreset = "nope"\n', "policy_unknown", "preset"),
        # An unknown policy key.
        ("[scenario.a]\nmax_days = 3\n", "policy_key_unknown", "max_days"),
        # A value of the wrong kind.
        (
            '[scenario.a]\nmin_onsite_share = "half"\n',
            "bad_number",
            "min_onsite_share",
        ),
        # An unknown cost key.
        ("[costs]\nfuel = 1\n[scenario.a]\n", "cost_key_unknown", "fuel"),
        # A negative cost.
        ("[scenario.a]\nmeal_per_day = -5\n", "cost_value", "meal_per_day"),
    ],
)
def test_bad_scenario_files_are_located_errors(
    tmp_path: Path, text: str, code: str, column: str
) -> None:
    """Bad scenario files name the file, the table and the key."""
    path = write(tmp_path, text)

    with pytest.raises(InputError) as caught:
        load_scenarios(path)

    (problem,) = caught.value.problems
    assert problem.code == code
    assert problem.file == "scenarios.toml"
    assert problem.column == column
    assert "scenarios.toml" in problem.render("en")


def test_gini_is_zero_when_even_and_grows_with_inequality() -> None:
    """Gini: 0 for equal shares, (n-1)/n when one person has all."""
    assert gini([2, 2, 2, 2]) == 0
    assert gini([]) == 0
    assert gini([0, 0, 0, 4]) == pytest.approx(0.75)
    assert 0 < gini([1, 2, 2, 2]) < gini([0, 1, 2, 2])


def test_simulation_agrees_with_plan_runs(tmp_path: Path) -> None:
    """Each scenario's figures equal those of ``mkd plan`` with its policy.

    The scenario file is also given to ``plan_workbook`` as a policy file
    of the same preset and keys, so both must plan the same rosters.
    """
    path = write(
        tmp_path,
        '[scenario.s]\npreset = "mkd-2023"\nmax_flexible_days_per_week = 3\n',
    )
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(
        'preset = "mkd-2023"\nmax_flexible_days_per_week = 3\n',
        encoding="utf-8",
    )

    (result,) = simulate(BUREAU, WEEK, 1, load_scenarios(path))
    plan = plan_workbook(BUREAU, WEEK, 1, str(policy_file))

    for unit, figures in zip(plan.units, result.units, strict=True):
        flexible = sum(
            {DayMode.FLEXIBLE: 1.0, DayMode.SPLIT: 0.5}.get(a.mode, 0.0)
            for a in unit.assignments
        )
        present = sum(
            a.mode in (DayMode.OFFICE, DayMode.FLEXIBLE, DayMode.SPLIT)
            for a in unit.assignments
        )
        members = plan.workforce.members[unit.unit]
        assert figures.unit == unit.unit
        assert figures.status == unit.status.value
        assert figures.flexible_days == flexible
        assert figures.present_person_days == present
        assert figures.people == len(members)
        assert figures.eligible == sum(
            plan.eligibility[m.nip].eligible for m in members
        )
        assert figures.min_margin == min(c.margin for c in unit.coverage)


def test_simulate_command_writes_workbook_and_csv(tmp_path: Path) -> None:
    """``mkd simulate`` writes the comparison workbook and its CSV."""
    path = write(
        tmp_path,
        '[scenario.a]\npreset = "nasional-2025"\n'
        '[scenario.b]\npreset = "mkd-2023"\n',
    )
    out = tmp_path / "compare.xlsx"

    result = CliRunner().invoke(
        app,
        [
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
        ],
    )

    assert result.exit_code == 0, result.output
    with out.with_suffix(".csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0][: len(CSV_HEAD)]) == CSV_HEAD
    assert len(rows) == 1 + 2 * 5  # two scenarios, five units
    assert {row[6] for row in rows[1:]} <= {
        "optimal",
        "feasible",
        "infeasible",
    }

    book = load_workbook(out)
    assert book.sheetnames[0] == "Comparison"
    assert {"a", "b", "Scenarios"} <= set(book.sheetnames)
    assert book["Comparison"]._charts  # the flexible share chart
    assert book["On Site per Day"]._charts
    assert book["Comparison"]["B3"].value == "a"


def test_simulate_refuses_to_overwrite(tmp_path: Path) -> None:
    """An existing output is kept unless ``--force`` is given."""
    out = tmp_path / "compare.xlsx"
    out.write_bytes(b"keep")

    result = CliRunner().invoke(
        app,
        ["simulate", str(BUREAU), "--week", "2027-01-04", "-o", str(out)],
    )

    assert result.exit_code == 1
    assert out.read_bytes() == b"keep"
