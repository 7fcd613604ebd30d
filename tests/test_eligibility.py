"""Eligibility: who may work flexibly, and every reason why not."""

from __future__ import annotations

import dataclasses

import pytest

from models import Employee, Policy, Readiness, Unit
from planner.eligibility import Reason, eligibility
from planner.problems import InputError
from planner.reading.workforce import read_workforce

NIP = "198503152010012001"
OFFICE = Unit("Bagian Umum")
READY = Readiness(
    face_to_face=False,
    laptop=True,
    internet=True,
    approved=True,
    disciplinary=False,
    newly_placed=False,
    performance_warning=False,
)


def person(box: int | None = 8, **readiness: bool | None) -> Employee:
    """A person of box 8, ready and approved unless told otherwise."""
    ready = dataclasses.replace(READY, **readiness)
    return Employee(NIP, "Siti", OFFICE.name, talent_box=box, readiness=ready)


def test_ready_approved_person_of_an_eligible_box_is_eligible():
    """Passing every rule means eligible, with no reason."""
    result = eligibility(person(), OFFICE, Policy())

    assert result.eligible
    assert result.reasons == ()
    assert result.explain() == []


@pytest.mark.parametrize(
    ("employee", "unit", "reason"),
    [
        # Box 6 (below expectation, high potential) is not in {4,5,7,8,9}.
        (person(box=6), OFFICE, Reason.TALENT_BOX),
        # Box 1 neither.
        (person(box=1), OFFICE, Reason.TALENT_BOX),
        # A blank box: not assessed.
        (person(box=None), OFFICE, Reason.TALENT_BOX_MISSING),
        # The job serves the public face to face.
        (person(face_to_face=True), OFFICE, Reason.FACE_TO_FACE),
        # No laptop.
        (person(laptop=False), OFFICE, Reason.NO_LAPTOP),
        # No internet.
        (person(internet=False), OFFICE, Reason.NO_INTERNET),
        # The leader has not approved.
        (person(approved=False), OFFICE, Reason.NOT_APPROVED),
        # Under a disciplinary penalty.
        (person(disciplinary=True), OFFICE, Reason.DISCIPLINARY),
        # Newly placed.
        (person(newly_placed=True), OFFICE, Reason.NEWLY_PLACED),
        # Flagged by last month's evaluation.
        (
            person(performance_warning=True),
            OFFICE,
            Reason.PERFORMANCE_WARNING,
        ),
        # Everyone of a direct-service unit stays on site.
        (
            person(),
            Unit("UPTD Samsat", direct_service=True),
            Reason.DIRECT_SERVICE,
        ),
    ],
    ids=[
        "box_6",
        "box_1",
        "box_blank",
        "face_to_face",
        "no_laptop",
        "no_internet",
        "not_approved",
        "disciplinary",
        "newly_placed",
        "performance_warning",
        "direct_service_unit",
    ],
)
def test_each_rule_alone_makes_a_person_ineligible(employee, unit, reason):
    """Failing exactly one rule gives exactly that reason."""
    result = eligibility(employee, unit, Policy())

    assert not result.eligible
    assert result.reasons == (reason,)


@pytest.mark.parametrize("box", [4, 5, 7, 8, 9])
def test_every_box_of_the_default_set_is_eligible(box):
    """The default eligible boxes are 4, 5, 7, 8 and 9."""
    assert eligibility(person(box=box), OFFICE, Policy()).eligible


def test_every_failing_rule_is_listed():
    """A person failing three rules gets three reasons, in rule order."""
    employee = person(box=3, laptop=False, disciplinary=True)

    result = eligibility(employee, OFFICE, Policy())

    assert result.reasons == (
        Reason.TALENT_BOX,
        Reason.NO_LAPTOP,
        Reason.DISCIPLINARY,
    )
    assert len(result.explain()) == 3


def test_everything_failing_lists_every_reason():
    """Nothing is hidden behind the first failing rule."""
    employee = person(
        box=None,
        face_to_face=True,
        laptop=False,
        internet=False,
        approved=False,
        disciplinary=True,
        newly_placed=True,
        performance_warning=True,
    )
    unit = Unit("RSUD", direct_service=True)

    result = eligibility(employee, unit, Policy())

    assert set(result.reasons) == set(Reason) - {Reason.TALENT_BOX}


SWITCHES = [
    ({"laptop": False}, "require_laptop"),
    ({"internet": False}, "require_internet"),
    ({"approved": False}, "require_approval"),
    ({"disciplinary": True}, "exclude_disciplinary"),
    ({"newly_placed": True}, "exclude_newly_placed"),
    ({"performance_warning": True}, "exclude_performance_warning"),
]
"""A failing fact, and the policy key that switches its rule off."""


@pytest.mark.parametrize(
    ("readiness", "switch"),
    SWITCHES,
    ids=[switch for _, switch in SWITCHES],
)
def test_policy_switch_turns_a_rule_off(readiness, switch):
    """With its switch off, a rule no longer makes anyone ineligible."""
    employee = person(**readiness)
    policy = Policy().replace(**{switch: False})

    assert not eligibility(employee, OFFICE, Policy()).eligible
    assert eligibility(employee, OFFICE, policy).eligible


def test_eligible_boxes_are_a_policy_parameter():
    """Allowing box 6 (the 2023 announcement's variant) admits box 6."""
    policy = Policy().replace(eligible_talent_boxes=frozenset({4, 5, 6, 8}))

    assert eligibility(person(box=6), OFFICE, policy).eligible
    assert not eligibility(person(box=7), OFFICE, policy).eligible


def test_when_every_box_is_allowed_an_unassessed_box_is_fine():
    """With boxes 1-9 allowed, a blank box is no reason."""
    policy = Policy().replace(eligible_talent_boxes=frozenset(range(1, 10)))

    assert eligibility(person(box=None), OFFICE, policy).eligible


SWITCHES_OFF = Policy().replace(
    **{
        key: False
        for key in (
            "require_laptop",
            "require_internet",
            "require_approval",
            "exclude_disciplinary",
            "exclude_newly_placed",
            "exclude_performance_warning",
        )
    }
)
"""A policy with every rule that has a switch switched off."""


def test_direct_service_unit_is_ineligible_whatever_the_policy():
    """A direct-service unit is ineligible with every switch off."""
    samsat = Unit("UPTD Samsat", direct_service=True)

    result = eligibility(person(), samsat, SWITCHES_OFF)

    assert result.reasons == (Reason.DIRECT_SERVICE,)


def test_face_to_face_job_is_ineligible_whatever_the_policy():
    """Face-to-face service staff are never eligible; no key changes it."""
    result = eligibility(person(face_to_face=True), OFFICE, SWITCHES_OFF)

    assert result.reasons == (Reason.FACE_TO_FACE,)
    assert not hasattr(Policy(), "exclude_face_to_face")


def test_untracked_readiness_is_not_tested():
    """A fact the workbook does not track (``None``) fails no rule."""
    employee = person(laptop=None, internet=None, approved=None)

    assert eligibility(employee, OFFICE, Policy()).eligible


def test_reasons_read_in_indonesian_and_english():
    """Every reason is a sentence in both languages, quoting the box."""
    employee = person(box=3, approved=False)

    result = eligibility(employee, OFFICE, Policy())

    assert result.explain() == [
        "Kotak talenta 3 tidak termasuk kotak yang boleh (4, 5, 7, 8, 9).",
        "Belum ada persetujuan atasan.",
    ]
    assert result.explain("en") == [
        "Talent box 3 is not among the eligible boxes (4, 5, 7, 8, 9).",
        "The leader has not approved it.",
    ]


@pytest.mark.parametrize("reason", list(Reason), ids=lambda r: r.value)
def test_every_reason_has_text_and_label_in_both_languages(reason):
    """No reason is left without words in either language."""
    for lang in ("id", "en"):
        assert reason.text(lang).strip()
        assert reason.label(lang).strip()
    assert reason.text("id") != reason.text("en")


@pytest.mark.parametrize(
    ("performance", "potential", "box"),
    [
        ("Di Atas Ekspektasi", "Tinggi", 9),
        ("Sesuai Ekspektasi", "Tinggi", 8),
        ("di atas ekspektasi", "menengah", 7),
        ("Di Bawah Ekspektasi", "Tinggi", 6),
        ("Sesuai Ekspektasi", "Menengah", 5),
        ("Above expectation", "Low", 4),
        ("Below", "Medium", 3),
        ("Meets", "Low", 2),
        ("Di Bawah Ekspektasi", "Rendah", 1),
    ],
)
def test_box_is_derived_from_performance_and_potential(
    book, performance, potential, box
):
    """Agencies may give the two levels instead of the box number."""
    book.add_column("Pegawai", "Kinerja", performance)
    book.add_column("Pegawai", "Potensi", potential)
    book.set("Pegawai", 2, "Kotak Talenta", None)

    workforce, problems = read_workforce(book.save())

    assert problems == []
    assert workforce.by_nip[book.nip("Siti")].talent_box == box


def test_box_from_levels_decides_eligibility(book):
    """Below expectation with high potential is box 6: not eligible."""
    book.add_column("Pegawai", "Kinerja", "Di Bawah Ekspektasi")
    book.add_column("Pegawai", "Potensi", "Tinggi")
    book.set("Pegawai", 2, "Kotak Talenta", None)
    workforce, _ = read_workforce(book.save())
    siti = workforce.by_nip[book.nip("Siti")]

    result = eligibility(siti, workforce.unit_by_name[siti.unit], Policy())

    assert result.reasons == (Reason.TALENT_BOX,)
    assert "Kotak talenta 6" in result.explain()[0]


def test_unknown_level_is_a_located_error(book):
    """A level that is neither below/meets/above is refused in its cell."""
    book.add_column("Pegawai", "Kinerja", "Luar Biasa")
    book.add_column("Pegawai", "Potensi", "Tinggi")
    book.set("Pegawai", 2, "Kotak Talenta", None)

    with pytest.raises(InputError) as caught:
        read_workforce(book.save())

    (problem,) = caught.value.problems
    assert (problem.code, problem.row, problem.column) == (
        "bad_level",
        2,
        "Kinerja",
    )


def test_blank_yes_no_cell_counts_as_no(book):
    """In a present column, a blank Laptop cell means no laptop."""
    book.set("Pegawai", 2, "Laptop", None)
    workforce, _ = read_workforce(book.save())
    siti = workforce.by_nip[book.nip("Siti")]

    result = eligibility(siti, workforce.unit_by_name[siti.unit], Policy())

    assert result.reasons == (Reason.NO_LAPTOP,)


def test_missing_readiness_column_checks_nobody(book):
    """Without a Laptop column, Rina (no laptop) is no longer refused."""
    book.drop_column("Pegawai", "Laptop")
    workforce, _ = read_workforce(book.save())
    rina = workforce.by_nip[book.nip("Rina")]

    result = eligibility(rina, workforce.unit_by_name[rina.unit], Policy())

    assert result.eligible
