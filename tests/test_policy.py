"""Policies: shipped presets, TOML files and the Kebijakan sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models import Policy, Weekday
from planner.check import check, load
from planner.policy import DEFAULT_PRESET, load_policy, presets
from planner.problems import InputError, Problem

PRESETS = ["jabar-2025-12", "jabar-2026", "mkd-2023", "nasional-2025"]


def refused(choice: str | Path) -> tuple[Problem, ...]:
    """The problems of a policy choice that must be refused."""
    with pytest.raises(InputError) as caught:
        load_policy(str(choice))
    return caught.value.problems


def toml(tmp_path: Path, text: str, name: str = "kebijakan.toml") -> Path:
    """Write a TOML policy file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# Presets.
# ---------------------------------------------------------------------------


def test_four_presets_are_shipped():
    """The rule sets of the domain brief ship as presets."""
    assert sorted(presets()) == PRESETS


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_loads_with_titles_in_both_languages(name):
    """Each preset is a valid policy, described in both languages."""
    preset = presets()[name]
    effective = load_policy(name)

    assert preset.title["id"] and preset.title["en"]
    assert preset.essence["id"] and preset.essence["en"]
    assert effective.source_of("max_flexible_days_per_week") == (
        f"preset {name}"
    )


def test_default_is_the_national_regulation_of_2025():
    """Without ``--policy`` the planner applies nasional-2025."""
    effective = load_policy()

    assert DEFAULT_PRESET == "nasional-2025"
    assert effective.policy.max_flexible_days_per_week == 2
    assert effective.policy.exclude_disciplinary
    assert effective.policy.exclude_newly_placed
    assert effective.policy.eligible_talent_boxes == {4, 5, 7, 8, 9}
    assert effective.source_of("exclude_disciplinary") == (
        "preset nasional-2025"
    )


def test_mkd_2023_allows_four_days_and_predates_the_discipline_rule():
    """MKD 2023: up to 4 flexible days; discipline and placement not yet."""
    policy = load_policy("mkd-2023").policy

    assert policy.max_flexible_days_per_week == 4
    assert not policy.exclude_disciplinary
    assert not policy.exclude_newly_placed
    assert policy.require_approval


def test_jabar_2025_12_keeps_half_the_staff_on_site():
    """The December 2025 trial: at most 50 % work from home on a day."""
    policy = load_policy("jabar-2025-12").policy

    assert policy.min_onsite_share == 50


def test_jabar_2026_makes_thursday_the_common_flexible_day():
    """West Java 2026: everyone works from home on Thursday."""
    policy = load_policy("jabar-2026").policy

    assert policy.organisation_flexible_days == {Weekday.THURSDAY}
    assert policy.max_flexible_days_per_week == 1


def test_unknown_preset_is_refused_naming_the_known_ones():
    """A misspelt preset lists the presets that exist."""
    (problem,) = refused("nasional-2024")

    assert problem.code == "policy_unknown"
    assert "nasional-2024" in problem.text()
    for name in PRESETS:
        assert name in problem.text("en")


# ---------------------------------------------------------------------------
# TOML files over a preset.
# ---------------------------------------------------------------------------


def test_toml_file_overrides_its_preset_and_records_sources(tmp_path):
    """Keys of the file win; the rest comes from the preset it names."""
    path = toml(
        tmp_path,
        'preset = "mkd-2023"\n'
        "max_flexible_days_per_week = 3\n"
        "[policy]\n"
        'organisation_flexible_days = ["Jumat"]\n'
        'extra_holidays = ["2027-01-08"]\n',
    )

    effective = load_policy(str(path))

    policy = effective.policy
    assert policy.max_flexible_days_per_week == 3
    assert policy.organisation_flexible_days == {Weekday.FRIDAY}
    assert policy.extra_holidays == (dt.date(2027, 1, 8),)
    assert not policy.exclude_disciplinary  # from mkd-2023
    assert effective.source_of("max_flexible_days_per_week") == (
        "kebijakan.toml"
    )
    assert effective.source_of("extra_holidays") == "kebijakan.toml"
    assert effective.source_of("exclude_disciplinary") == "preset mkd-2023"
    assert effective.source_of("weight_wish") == "default"


def test_toml_file_without_preset_builds_on_the_default(tmp_path):
    """A file that names no preset starts from nasional-2025."""
    path = toml(tmp_path, "min_onsite_share = 30\n")

    effective = load_policy(str(path))

    assert effective.policy.min_onsite_share == 30
    assert effective.source_of("require_approval") == "preset nasional-2025"


def test_toml_unknown_key_is_located(tmp_path):
    """An unknown key names the file and the key."""
    (problem,) = refused(toml(tmp_path, "hari_wfh = 2\n"))

    assert problem.code == "policy_key_unknown"
    assert (problem.file, problem.column) == ("kebijakan.toml", "hari_wfh")
    assert problem.render().startswith(
        "GALAT: kebijakan.toml, kolom hari_wfh: "
    )
    assert "Policy key 'hari_wfh' is unknown" in problem.render("en")


def test_toml_bad_values_are_all_reported(tmp_path):
    """Every unreadable value of a file is listed, each with its key."""
    path = toml(
        tmp_path,
        'max_flexible_days_per_week = "dua"\n'
        'require_laptop = "mungkin"\n'
        "eligible_talent_boxes = [4, 10]\n",
    )

    problems = refused(path)

    assert {(p.code, p.column) for p in problems} == {
        ("bad_number", "max_flexible_days_per_week"),
        ("bad_yes_no", "require_laptop"),
        ("talent_box_range", "eligible_talent_boxes"),
    }
    assert all(p.file == "kebijakan.toml" for p in problems)


def test_toml_value_out_of_range_is_refused(tmp_path):
    """Nine flexible days a week is not a valid policy."""
    (problem,) = refused(toml(tmp_path, "max_flexible_days_per_week = 9\n"))

    assert problem.code == "policy_invalid"
    assert problem.file == "kebijakan.toml"
    assert "max_flexible_days_per_week" in problem.text("en")


def test_toml_naming_an_unknown_preset_is_refused(tmp_path):
    """The preset a file builds on must exist."""
    (problem,) = refused(toml(tmp_path, 'preset = "jabar-2030"\n'))

    assert problem.code == "policy_unknown"
    assert (problem.file, problem.column) == ("kebijakan.toml", "preset")


def test_file_that_is_not_toml_is_refused(tmp_path):
    """A broken TOML file is a problem, not a crash."""
    (problem,) = refused(toml(tmp_path, "max_flexible_days_per_week = \n"))

    assert problem.code == "policy_file_bad"
    assert problem.file == "kebijakan.toml"


# ---------------------------------------------------------------------------
# The workbook's Kebijakan sheet over the chosen policy.
# ---------------------------------------------------------------------------


def test_kebijakan_sheet_overrides_the_chosen_policy(book):
    """The workbook's own keys win over ``--policy``; sources say so."""
    book.add_row("Kebijakan", Parameter="max_flexible_days_per_week", Nilai=1)
    book.add_row(
        "Kebijakan",
        Parameter="organisation_flexible_days",
        Nilai="Kamis, Jumat",
    )
    book.add_row("Kebijakan", Parameter="eligible_talent_boxes", Nilai="5,8")

    _, effective, _ = load(book.save(), "mkd-2023")

    policy = effective.policy
    assert policy.max_flexible_days_per_week == 1
    assert policy.organisation_flexible_days == {
        Weekday.THURSDAY,
        Weekday.FRIDAY,
    }
    assert policy.eligible_talent_boxes == {5, 8}
    assert effective.source_of("max_flexible_days_per_week") == "workbook"
    assert effective.source_of("split_days") == "workbook"
    assert effective.source_of("min_onsite_share") == "preset mkd-2023"


def test_kebijakan_sheet_changes_who_is_eligible(book):
    """Allowing box 3 in the workbook makes Asep (box 3) eligible."""
    before = check(book.save("sebelum.xlsx"))
    book.add_row(
        "Kebijakan",
        Parameter="eligible_talent_boxes",
        Nilai="3, 4, 5, 7, 8, 9",
    )

    after = check(book.save("sesudah.xlsx"))

    asep = book.nip("Asep")
    assert not before.eligibility[asep].eligible
    assert after.eligibility[asep].eligible


def test_kebijakan_sheet_unknown_key_is_located(book):
    """An unknown Parameter names its sheet, row and column."""
    book.add_row("Kebijakan", Parameter="hari_wfh", Nilai=2)

    with pytest.raises(InputError) as caught:
        check(book.save())

    (problem,) = caught.value.problems
    assert problem.code == "policy_key_unknown"
    assert (problem.sheet, problem.row, problem.column) == (
        "Kebijakan",
        3,
        "Parameter",
    )


def test_kebijakan_sheet_value_out_of_range_names_the_workbook(book):
    """A readable but invalid value names the workbook and its sheet."""
    book.add_row("Kebijakan", Parameter="max_flexible_days_per_week", Nilai=9)

    with pytest.raises(InputError) as caught:
        check(book.save())

    (problem,) = caught.value.problems
    assert problem.code == "policy_invalid"
    assert (problem.file, problem.sheet) == ("pegawai.xlsx", "Kebijakan")
    assert "max_flexible_days_per_week" in problem.text("en")


def test_policy_defaults_are_the_default_preset():
    """The model's defaults are nasional-2025, so the two cannot drift."""
    assert load_policy().policy == Policy()
