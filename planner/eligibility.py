"""Who may work flexibly, and every reason why not for everyone else.

The rules and their sources are in the README. Eligibility is a pure
function of a person, their unit and the policy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from models import Employee, EmployeeId, Policy, Unit, Workforce


class Reason(Enum):
    """Why a person may not work flexibly."""

    DIRECT_SERVICE = "direct_service"
    FACE_TO_FACE = "face_to_face"
    TALENT_BOX_MISSING = "talent_box_missing"
    TALENT_BOX = "talent_box"
    NO_LAPTOP = "no_laptop"
    NO_INTERNET = "no_internet"
    NOT_APPROVED = "not_approved"
    DISCIPLINARY = "disciplinary"
    NEWLY_PLACED = "newly_placed"
    PERFORMANCE_WARNING = "performance_warning"

    def text(self, lang: str = "id") -> str:
        """The reason as a sentence."""
        indonesian, english = REASON_TEXT[self]
        return english if lang == "en" else indonesian

    def label(self, lang: str = "id") -> str:
        """A short name for tables."""
        indonesian, english = REASON_LABEL[self]
        return english if lang == "en" else indonesian


REASON_TEXT = {
    Reason.DIRECT_SERVICE: (
        "Unitnya unit layanan langsung (rumah sakit, Samsat, "
        "laboratorium): semua tetap di kantor.",
        "The unit is a direct-service unit (hospital, Samsat, laboratory): "
        "everyone stays on site.",
    ),
    Reason.FACE_TO_FACE: (
        "Jabatannya memerlukan layanan tatap muka.",
        "The job needs face-to-face public service.",
    ),
    Reason.TALENT_BOX_MISSING: (
        "Kotak talenta belum dinilai.",
        "The talent box has not been assessed.",
    ),
    Reason.TALENT_BOX: (
        "Kotak talenta {box} tidak termasuk kotak yang boleh ({allowed}).",
        "Talent box {box} is not among the eligible boxes ({allowed}).",
    ),
    Reason.NO_LAPTOP: (
        "Tidak memiliki laptop untuk bekerja jarak jauh.",
        "Has no laptop to work remotely.",
    ),
    Reason.NO_INTERNET: (
        "Tidak memiliki internet yang memadai.",
        "Has no sufficient internet connection.",
    ),
    Reason.NOT_APPROVED: (
        "Belum ada persetujuan atasan.",
        "The leader has not approved it.",
    ),
    Reason.DISCIPLINARY: (
        "Sedang menjalani atau dalam proses hukuman disiplin.",
        "Under, or in process for, a disciplinary penalty.",
    ),
    Reason.NEWLY_PLACED: (
        "Pegawai baru (rekrutmen, promosi, mutasi, atau rotasi).",
        "Newly placed (recruitment, promotion, transfer or rotation).",
    ),
    Reason.PERFORMANCE_WARNING: (
        "Evaluasi kinerja bulan lalu mendapat peringatan dini.",
        "Last month's performance evaluation raised an early warning.",
    ),
}

REASON_LABEL = {
    Reason.DIRECT_SERVICE: ("Layanan langsung", "Direct service"),
    Reason.FACE_TO_FACE: ("Tatap muka", "Face to face"),
    Reason.TALENT_BOX_MISSING: ("Kotak belum dinilai", "Box not assessed"),
    Reason.TALENT_BOX: ("Kotak talenta", "Talent box"),
    Reason.NO_LAPTOP: ("Tanpa laptop", "No laptop"),
    Reason.NO_INTERNET: ("Tanpa internet", "No internet"),
    Reason.NOT_APPROVED: ("Belum disetujui", "Not approved"),
    Reason.DISCIPLINARY: ("Hukuman disiplin", "Disciplinary"),
    Reason.NEWLY_PLACED: ("Pegawai baru", "Newly placed"),
    Reason.PERFORMANCE_WARNING: ("Peringatan kinerja", "Performance warning"),
}


@dataclass(frozen=True)
class Eligibility:
    """Whether a person may work flexibly, with every failing reason.

    Attributes
    ----------
    nip
        Whose eligibility this is.
    reasons
        Every rule the person fails; empty when eligible.
    talent_box
        The person's box, quoted by the talent-box reason.
    allowed_boxes
        The policy's eligible boxes, quoted by the talent-box reason.
    """

    nip: EmployeeId
    reasons: tuple[Reason, ...] = ()
    talent_box: int | None = None
    allowed_boxes: tuple[int, ...] = ()

    @property
    def eligible(self) -> bool:
        """Whether no rule fails."""
        return not self.reasons

    def explain(self, lang: str = "id") -> list[str]:
        """Every reason as a sentence."""
        allowed = ", ".join(str(box) for box in self.allowed_boxes)
        return [
            reason.text(lang).format(box=self.talent_box, allowed=allowed)
            for reason in self.reasons
        ]


def eligibility(employee: Employee, unit: Unit, policy: Policy) -> Eligibility:
    """Decide whether a person may work flexibly under a policy.

    A readiness fact the workbook does not track at all (its column is
    missing, so the value is ``None``) is not tested; a blank cell in a
    present column counts as no.
    """
    ready = employee.readiness
    reasons: list[Reason] = []
    if unit.direct_service:
        reasons.append(Reason.DIRECT_SERVICE)
    if ready.face_to_face:
        reasons.append(Reason.FACE_TO_FACE)

    boxes = policy.eligible_talent_boxes
    every_box = boxes >= set(range(1, 10))
    if employee.talent_box is None and not every_box:
        reasons.append(Reason.TALENT_BOX_MISSING)
    elif employee.talent_box is not None and employee.talent_box not in boxes:
        reasons.append(Reason.TALENT_BOX)

    checks = (
        (policy.require_laptop and ready.laptop is False, Reason.NO_LAPTOP),
        (
            policy.require_internet and ready.internet is False,
            Reason.NO_INTERNET,
        ),
        (
            policy.require_approval and ready.approved is False,
            Reason.NOT_APPROVED,
        ),
        (
            policy.exclude_disciplinary and bool(ready.disciplinary),
            Reason.DISCIPLINARY,
        ),
        (
            policy.exclude_newly_placed and bool(ready.newly_placed),
            Reason.NEWLY_PLACED,
        ),
        (
            policy.exclude_performance_warning
            and bool(ready.performance_warning),
            Reason.PERFORMANCE_WARNING,
        ),
    )
    reasons += [reason for failed, reason in checks if failed]
    return Eligibility(
        employee.nip, tuple(reasons), employee.talent_box, tuple(sorted(boxes))
    )


def assess(
    workforce: Workforce, policy: Policy
) -> dict[EmployeeId, Eligibility]:
    """The eligibility of everyone in a workforce, by NIP."""
    units = workforce.unit_by_name
    return {
        employee.nip: eligibility(employee, units[employee.unit], policy)
        for employee in workforce.employees
    }


def reason_counts(
    results: Mapping[EmployeeId, Eligibility],
) -> Counter[Reason]:
    """How many people fail each rule (a person may fail several)."""
    return Counter(
        reason for result in results.values() for reason in result.reasons
    )
