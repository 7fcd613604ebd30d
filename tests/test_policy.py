"""Policies: shipped presets, TOML files and the Kebijakan sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models import KEYS, Policy, Weekday
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

    assert problem.code == "policy_range"
    assert (problem.file, problem.column) == (
        "kebijakan.toml",
        "max_flexible_days_per_week",
    )
    assert problem.text() == (
        "'max_flexible_days_per_week' = 9 harus 0 sampai 7 (hari/minggu)."
    )
    assert problem.text("en") == (
        "'max_flexible_days_per_week' = 9 must be 0 to 7 (days/week)."
    )


def test_toml_values_wrong_together_are_all_reported(tmp_path):
    """Every rule a file breaks is listed, each at its key."""
    path = toml(
        tmp_path,
        "weekly_hours = 0\n"
        "min_onsite_share = 250\n"
        'ramadan_start = "2027-03-10"\n'
        'ramadan_end = "2027-02-10"\n',
    )

    problems = refused(path)

    assert {(p.code, p.column) for p in problems} == {
        ("policy_range", "weekly_hours"),
        ("policy_range", "min_onsite_share"),
        ("policy_ramadan_order", "ramadan_end"),
    }
    assert all(p.file == "kebijakan.toml" for p in problems)


def test_toml_naming_the_removed_face_to_face_switch_is_refused(tmp_path):
    """exclude_face_to_face is gone: face-to-face staff are never eligible."""
    (problem,) = refused(toml(tmp_path, "exclude_face_to_face = false\n"))

    assert problem.code == "policy_key_removed"
    assert (problem.file, problem.column) == (
        "kebijakan.toml",
        "exclude_face_to_face",
    )
    assert "tidak pernah boleh bekerja fleksibel" in problem.text()
    assert "never eligible" in problem.text("en")


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


def check_problems(book) -> tuple[Problem, ...]:
    """The problems of a workbook that ``check`` refuses."""
    with pytest.raises(InputError) as caught:
        check(book.save())
    return caught.value.problems


def test_kebijakan_sheet_value_out_of_range_is_located(book):
    """A readable but invalid value names its row and column."""
    book.add_row("Kebijakan", Parameter="max_flexible_days_per_week", Nilai=9)

    (problem,) = check_problems(book)

    assert problem.code == "policy_range"
    assert (problem.file, problem.sheet, problem.row, problem.column) == (
        "pegawai.xlsx",
        "Kebijakan",
        3,
        "Nilai",
    )
    assert problem.render() == (
        "GALAT: pegawai.xlsx, lembar Kebijakan, baris 3, kolom Nilai: "
        "'max_flexible_days_per_week' = 9 harus 0 sampai 7 (hari/minggu)."
    )


def test_kebijakan_values_wrong_together_are_all_reported(book):
    """Each broken rule is located at its own row, in the user's language.

    Not the first only, and no English inside the Indonesian.
    """
    rows = {
        key: book.add_row("Kebijakan", Parameter=key, Nilai=value)
        for key, value in (
            ("ramadan_start", dt.date(2027, 2, 8)),
            ("ramadan_end", "2027-01-01"),
            ("max_consecutive_flexible_days", -3),
            ("min_onsite_share", 250),
            ("weekly_hours", 0),
        )
    }

    problems = check_problems(book)

    assert {(p.code, p.row) for p in problems} == {
        ("policy_ramadan_order", rows["ramadan_end"]),
        ("policy_range", rows["max_consecutive_flexible_days"]),
        ("policy_range", rows["min_onsite_share"]),
        ("policy_range", rows["weekly_hours"]),
    }
    assert all(p.column == "Nilai" for p in problems)
    for problem in problems:
        assert " must " not in problem.text()
        assert " harus " not in problem.text("en")
    texts = {p.row: p.text() for p in problems}
    assert texts[rows["ramadan_end"]] == (
        "Akhir Ramadan (2027-01-01) sebelum awalnya (2027-02-08). Tukar "
        "tanggalnya."
    )
    assert texts[rows["weekly_hours"]] == (
        "'weekly_hours' = 0 harus 1 sampai 80 (jam/minggu)."
    )


def test_rule_of_two_keys_is_placed_at_the_key_the_sheet_sets(book):
    """Regular hours above the week: placed at weekly_hours, set here."""
    row = book.add_row("Kebijakan", Parameter="weekly_hours", Nilai=20)

    (problem,) = check_problems(book)

    assert (problem.code, problem.row) == ("policy_hours", row)
    assert "(22.5 jam seminggu) melebihi jam kerja seminggu (20 jam)" in (
        problem.text()
    )
    assert "exceed the working hours (20 hours a week)" in problem.text("en")


def test_half_a_ramadan_period_is_refused_where_it_is_set(book):
    """Only ramadan_start given: set both or neither."""
    row = book.add_row(
        "Kebijakan", Parameter="ramadan_start", Nilai="2027-02-08"
    )

    (problem,) = check_problems(book)

    assert (problem.code, problem.row) == ("policy_ramadan_pair", row)
    assert "'ramadan_end' tidak" in problem.text()


def test_unreadable_policy_value_is_not_reported_again_together(book):
    """An unreadable ramadan_start is one error, not also a half period."""
    book.add_row("Kebijakan", Parameter="ramadan_start", Nilai="kemarin")
    book.add_row("Kebijakan", Parameter="ramadan_end", Nilai="2027-03-08")

    (problem,) = check_problems(book)

    assert problem.code == "bad_date"


def test_policy_problems_come_with_the_other_problems_of_the_file(book):
    """A bad cell elsewhere does not hide a policy rule broken."""
    book.set("Pegawai", 6, "Laptop", "Mungkin")
    book.add_row("Kebijakan", Parameter="weekly_hours", Nilai=0)

    problems = check_problems(book)

    assert {p.code for p in problems} == {"bad_yes_no", "policy_range"}


def test_unknown_policy_comes_with_the_problems_of_the_file(book):
    """A misspelt --policy and a bad cell are reported in one run."""
    book.set("Pegawai", 6, "Laptop", "Mungkin")

    with pytest.raises(InputError) as caught:
        check(book.save(), "nasional-2024")

    assert {p.code for p in caught.value.problems} == {
        "bad_yes_no",
        "policy_unknown",
    }


def test_face_to_face_switch_is_gone_from_the_policy():
    """No preset, key or Policy attribute names exclude_face_to_face."""
    assert "exclude_face_to_face" not in KEYS
    for name in PRESETS:
        assert "exclude_face_to_face" not in presets()[name].values


def test_policy_defaults_are_the_default_preset():
    """The model's defaults are nasional-2025, so the two cannot drift."""
    assert load_policy().policy == Policy()
