"""Generate synthetic example input workbooks for the MKD planner.

Two data sets are available:

``bureau``
    Biro Organisasi Setda Provinsi Jawa Barat: about 60 people whose four
    sub units are four rows of the ``Unit`` sheet, with a few people
    failing each eligibility rule, leave in January 2027, requests, roles
    and teams.
``province``
    The whole West Java provincial civil service outside teachers: about
    8,900 people in 49 agencies, one ``Unit`` row per agency.

Everything is synthetic: names are drawn from lists of common Sundanese
and Javanese names, and the numbers only look like real NIPs.  The data
are deterministic for a seed, and every data set is checked to be
feasible (see :func:`coverage_problems`) before it is written.

Usage::

    python -m examples.generate bureau -o examples/biro-organisasi.xlsx
    python -m examples.generate province -o examples/provinsi-jabar.xlsx
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

K = TypeVar("K")

DEFAULT_SEED = 2027
"""Seed of the committed example workbooks."""

PROVINCE_PEOPLE = 8_900
"""Default head count of the province data set."""

ELIGIBLE_BOXES = (4, 5, 7, 8, 9)
"""Talent boxes eligible under the 2023 West Java MKD rule."""

MAX_FLEX_DAYS = 2
"""Flexible days a week under the national 2025 rule (PermenPANRB 4/2025)."""

PERIOD_START = dt.date(2027, 1, 4)
PERIOD_END = dt.date(2027, 1, 29)
"""The planning month the data are made for: four weeks from Monday."""

HOLIDAYS = (dt.date(2027, 1, 1), dt.date(2027, 1, 5))
"""New Year, and Isra Mi'raj as the ``holidays`` package dates it.

Fixed requests avoid these dates, and the feasibility check is run both
with and without them, since users may or may not list Isra Mi'raj.
"""

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

YES, NO = "Ya", "Tidak"
OFFICE, FLEXIBLE = "Kantor", "Fleksibel"
LEADER, COUNTER = "pimpinan", "loket"
ABSENCE_KINDS = ("Cuti", "Sakit", "Dinas Luar", "Diklat")

RULES = (
    "kotak talenta",
    "layanan tatap muka",
    "tanpa laptop",
    "tanpa internet",
    "tanpa persetujuan atasan",
    "hukuman disiplin",
    "pegawai baru",
    "peringatan kinerja",
)
"""Eligibility rules, in the order the summary reports failures."""


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


@dataclass
class Person:
    """One row of the ``Pegawai`` sheet.

    Mutable because the generators fill a person in several passes
    (identity first, then eligibility, preferences and teams).
    """

    nip: str
    name: str
    unit: str
    sub_unit: str
    job: str
    team: str | None = None
    roles: tuple[str, ...] = ()
    box: int | None = 5
    face: bool = False
    laptop: bool = True
    internet: bool = True
    approval: bool = True
    discipline: bool = False
    new: bool = False
    warning: bool = False
    flex_days: tuple[str, ...] = ()
    office_days: tuple[str, ...] = ()
    flex_wanted: int | None = None


@dataclass
class UnitRule:
    """One row of the ``Unit`` sheet: a unit and its coverage rule."""

    name: str
    min_pct: int | None
    min_people: int
    desk_capacity: int | None
    workdays: int
    direct: bool


@dataclass(frozen=True)
class RoleNeed:
    """One row of ``Kebutuhan Peran``; empty ``days`` means every day."""

    unit: str
    role: str
    min_people: int
    days: tuple[str, ...] = ()


@dataclass(frozen=True)
class Absence:
    """One row of ``Ketidakhadiran``."""

    nip: str
    start: dt.date
    end: dt.date
    kind: str


@dataclass(frozen=True)
class Request:
    """One row of ``Permintaan``: exactly one of ``date`` and ``day``."""

    nip: str
    date: dt.date | None
    day: str | None
    mode: str
    fixed: bool
    weight: int | None = None


@dataclass
class Dataset:
    """Everything one input workbook holds."""

    people: list[Person]
    units: list[UnitRule]
    role_needs: list[RoleNeed]
    absences: list[Absence] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    policy: list[tuple[str, str]] = field(default_factory=list)


def failed_rules(person: Person) -> list[str]:
    """Return the eligibility rules a person fails, in :data:`RULES` order.

    Parameters
    ----------
    person
        The person to judge.

    Returns
    -------
    list of str
        Names from :data:`RULES`; empty when the person is eligible.
    """
    fails = [
        person.box not in ELIGIBLE_BOXES,
        person.face,
        not person.laptop,
        not person.internet,
        not person.approval,
        person.discipline,
        person.new,
        person.warning,
    ]
    return [rule for rule, fail in zip(RULES, fails, strict=True) if fail]


def is_eligible(person: Person) -> bool:
    """Return whether a person passes every eligibility rule."""
    return not failed_rules(person)


# ---------------------------------------------------------------------------
# Names and NIPs
# ---------------------------------------------------------------------------


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    """Split a compact word list (kept as one string to stay short)."""
    return tuple(text.split(sep))


MALE_NAMES = _words(
    "Dadang Asep Ujang Cecep Dedi Yayat Agus Budi Rudi Hendra Iwan Yusuf "
    "Ade Deden Engkos Ridwan Taufik Wawan Eko Bambang Joko Slamet Teguh "
    "Ahmad Muhammad Rizki Fajar Gilang Irfan Dimas Yogi Hilman Acep Jajang "
    "Nandang Tatang Wahyu Yana Zaenal Eman Dede Dani Aris Ilham Rahmat "
    "Hadi Agung Arief Andri Cahya Dodi Erwin Firman Galih Hari Indra "
    "Kurnia Lukman Maman Nanang Oman Pepen Rohmat Sandi Tedi Usep Wildan"
)
FEMALE_NAMES = _words(
    "Rina Neneng Euis Iis Yanti Dewi Siti Nurul Lilis Entin Cucu Tuti "
    "Yuyun Ratna Rani Wulan Sri Endah Ayu Fitri Rika Tia Nia Dini Mira "
    "Ika Heni Ani Yeni Rosita Nenden Imas Teti Elis Yuli Indah Putri "
    "Sinta Anisa Lina Nining Dian Eneng Fenny Gita Hesti Intan Kiki "
    "Lusi Mega Novi Okta Pipit Rosa Santi Tina Vina Wida Yulia Zahra"
)
MALE_SURNAMES = _words(
    "Suherman Sumarna Hidayat Permana Kurniawan Setiawan Gunawan Nugraha "
    "Ruhimat Supriatna Sudrajat Mulyana Saepudin Hermawan Firmansyah "
    "Sopandi Kusnadi Haryadi Wijaya Purnama Suryana Hamdani Maulana "
    "Ramdani Solihin Wibowo Santoso Prasetyo Susanto Nugroho Hartono "
    "Purwanto Sutisna Somantri Rukmana Kosasih Sukmana Sutarman"
)
FEMALE_SURNAMES = _words(
    "Marlina Rahayu Nurhayati Kartika Susilawati Handayani Lestari "
    "Wulandari Rosmiati Komalasari Yulianti Herawati Kusmawati Sundari "
    "Fitriani Purnamasari Suryani Nuraeni Maryani Pratiwi Rahmawati "
    "Wahyuni Utami Sulastri Nurjanah Anggraeni Novianti Puspitasari"
)

BACHELOR = (
    "S.Sos.",
    "S.E.",
    "S.H.",
    "S.IP.",
    "S.AP.",
    "S.Kom.",
    "S.T.",
    "S.Pd.",
    "S.Ak.",
    "S.Si.",
    "S.I.Kom.",
)
MASTER = (
    "M.Si.",
    "M.Si.",
    "M.M.",
    "M.M.",
    "M.AP.",
    "M.AP.",
    "M.T.",
    "M.H.",
    "M.Ak.",
    "M.Kom.",
)
"""Master's degrees; repeats make the common ones likelier."""


def _plain_name(rng: random.Random, female: bool) -> str:
    """Draw a first name and, usually, a family name."""
    first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    surnames = FEMALE_SURNAMES if female else MALE_SURNAMES
    roll = rng.random()
    if roll < 0.08:
        return first  # single names are still common among older staff
    if roll < 0.2:
        middle = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        if middle != first:
            return f"{first} {middle} {rng.choice(surnames)}"
    return f"{first} {rng.choice(surnames)}"


def _titled_name(
    rng: random.Random, female: bool, born: int, education: str
) -> str:
    """Draw a name with the academic titles that fit an education level.

    ``education`` is one of ``sma``, ``d3``, ``d3kep``, ``d3keb``, ``s1``,
    ``s2``, ``dr``, ``sp``, ``drg``, ``ners``, ``apt``.
    """
    name = _plain_name(rng, female)
    if education == "sma":
        return name
    if education in ("d3", "d3kep", "d3keb"):
        suffix = {"d3": "A.Md.", "d3kep": "A.Md.Kep.", "d3keb": "A.Md.Keb."}
        return f"{name}, {suffix[education]}"
    if education == "ners":
        return f"{name}, S.Kep., Ners"
    if education == "apt":
        return f"apt. {name}, S.Farm."
    if education == "drg":
        return f"drg. {name}"
    if education == "dr":
        return f"dr. {name}" + (", M.Kes." if rng.random() < 0.2 else "")
    if education == "sp":
        special = rng.choice(("Sp.PD.", "Sp.A.", "Sp.OG.", "Sp.B.", "Sp.KJ."))
        return f"dr. {name}, {special}"
    # Graduates before the mid-1990s reform often still carry Drs./Dra.
    if born < 1970 and rng.random() < 0.5:
        front = "Dra." if female else "Drs."
        if education == "s2":
            return f"{front} {name}, {rng.choice(MASTER)}"
        return f"{front} {name}"
    if education == "s2":
        doctor = "Dr. " if rng.random() < 0.12 else ""
        return f"{doctor}{name}, {rng.choice(BACHELOR)}, {rng.choice(MASTER)}"
    return f"{name}, {rng.choice(BACHELOR)}"


class NipMaker:
    """Draw unique, well-formed NIPs.

    Parameters
    ----------
    rng
        The random source, shared with the rest of the generator so that
        one seed fixes everything.
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def make(
        self, female: bool, senior: bool = False, new: bool = False
    ) -> tuple[str, int]:
        """Return a fresh NIP and its birth year.

        Parameters
        ----------
        female
            Sets digit 15 (1 male, 2 female).
        senior
            Leaders are drawn older (born 1967-1982).
        new
            A recent recruit, appointed in 2024 or 2025.

        Returns
        -------
        tuple of (str, int)
            The 18-digit NIP and the year of birth.
        """
        rng = self._rng
        while True:
            year = (
                rng.randint(1967, 1982) if senior else rng.randint(1967, 2000)
            )
            if new:
                year = max(year, 1985)
            born = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            # Appointed at 19 or later (so surely after turning 18) and
            # before 2026; recent recruits in 2024-2025.
            earliest = born.year + 19
            start = max(earliest, 2024) if new else earliest
            start = min(start, 2025)
            hired = rng.randint(start, min(2025, start + 20))
            month = rng.choice((1, 2, 3, 3, 4, 4, 6, 7, 10, 12))
            nip = (
                f"{born:%Y%m%d}{hired:04d}{month:02d}"
                f"{2 if female else 1}{rng.randint(1, 999):03d}"
            )
            if nip not in self._used:
                self._used.add(nip)
                return nip, born.year


# ---------------------------------------------------------------------------
# Jobs
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """A position title with what it implies for the generator."""

    title: str
    weight: float
    face: bool = False
    education: str = "s1"
    low_tech: bool = False  # drivers, cleaners: rarely issued a laptop
    roles: tuple[str, ...] = ()


ADMIN_JOBS = (
    Job("Analis Kebijakan Ahli Muda", 3, education="s2"),
    Job("Analis Kebijakan Ahli Pertama", 4),
    Job("Perencana Ahli Pertama", 2),
    Job("Analis SDM Aparatur Ahli Pertama", 2),
    Job("Analis Keuangan Pusat dan Daerah Ahli Pertama", 2),
    Job("Arsiparis Terampil", 2, education="d3"),
    Job("Pranata Komputer Ahli Pertama", 2),
    Job("Pranata Komputer Terampil", 1, education="d3"),
    Job("Pranata Hubungan Masyarakat Ahli Pertama", 1),
    Job("Penelaah Teknis Kebijakan", 6),
    Job("Pengolah Data dan Informasi", 5, education="d3"),
    Job("Pengadministrasi Perkantoran", 8, education="sma"),
    Job("Penata Layanan Operasional", 4),
    Job("Operator Layanan Operasional", 3, education="sma"),
    Job("Pengemudi", 1.5, education="sma", low_tech=True),
    Job("Pramu Bakti", 1, education="sma", low_tech=True),
)
"""Office jobs found in every agency."""

TECH_JOBS: dict[str, tuple[Job, ...]] = {
    "general": (),
    "law": (
        Job(
            "Perancang Peraturan Perundang-undangan Ahli Muda",
            4,
            education="s2",
        ),
        Job("Analis Hukum Ahli Pertama", 5),
    ),
    "procurement": (Job("Pengelola Pengadaan Barang/Jasa Ahli Pertama", 8),),
    "audit": (
        Job("Auditor Ahli Muda", 6, education="s2"),
        Job("Auditor Ahli Pertama", 8),
        Job("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", 8),
    ),
    "planning": (
        Job("Perencana Ahli Muda", 8, education="s2"),
        Job("Perencana Ahli Pertama", 8),
    ),
    "hr": (Job("Analis SDM Aparatur Ahli Muda", 6, education="s2"),),
    "revenue": (
        Job("Analis Pendapatan Daerah", 5),
        Job("Pemeriksa Pajak Daerah", 3),
    ),
    "finance": (
        Job("Analis Keuangan Pusat dan Daerah Ahli Muda", 6, education="s2"),
        Job("Analis Pengelolaan Barang Milik Daerah", 4),
    ),
    "training": (
        Job("Widyaiswara Ahli Madya", 5, face=True, education="s2"),
        Job("Widyaiswara Ahli Muda", 4, face=True, education="s2"),
    ),
    "disaster": (Job("Analis Penanggulangan Bencana", 6),),
    "police": (
        Job("Polisi Pamong Praja Terampil", 10, face=True, education="sma"),
        Job("Polisi Pamong Praja Ahli Pertama", 3, face=True),
    ),
    "education": (
        Job("Pengawas Sekolah", 4, face=True, education="s2"),
        Job("Analis Pendidikan", 4),
    ),
    "health": (
        Job("Epidemiolog Kesehatan Ahli Muda", 3),
        Job("Administrator Kesehatan Ahli Pertama", 4),
        Job(
            "Pranata Laboratorium Kesehatan Terampil",
            2,
            face=True,
            education="d3",
        ),
    ),
    "social": (
        Job("Pekerja Sosial Ahli Pertama", 6, face=True),
        Job("Penyuluh Sosial Ahli Pertama", 3),
    ),
    "labour": (
        Job("Pengawas Ketenagakerjaan Ahli Muda", 5),
        Job("Pengantar Kerja Ahli Pertama", 4),
        Job("Instruktur Ahli Pertama", 4, face=True),
    ),
    "family": (Job("Penyuluh Keluarga Berencana Ahli Pertama", 5),),
    "food": (
        Job("Analis Ketahanan Pangan", 4),
        Job("Medik Veteriner Ahli Pertama", 3, face=True),
        Job("Paramedik Veteriner Terampil", 3, face=True, education="d3"),
    ),
    "environment": (
        Job("Pengendali Dampak Lingkungan Ahli Pertama", 5),
        Job("Pengawas Lingkungan Hidup Ahli Pertama", 3),
    ),
    "village": (Job("Penggerak Swadaya Masyarakat Ahli Pertama", 6),),
    "transport": (
        Job(
            "Penguji Kendaraan Bermotor Terampil", 5, face=True, education="d3"
        ),
        Job("Analis Transportasi", 5),
    ),
    "ict": (
        Job("Pranata Komputer Ahli Muda", 5, education="s2"),
        Job("Sandiman Ahli Pertama", 3),
        Job("Pranata Hubungan Masyarakat Ahli Muda", 4),
    ),
    "cooperative": (Job("Pengawas Koperasi Ahli Pertama", 5),),
    "licensing": (
        Job("Analis Perizinan", 5),
        Job("Analis Penanaman Modal", 4),
    ),
    "youth": (Job("Analis Kepemudaan dan Olahraga", 5),),
    "library": (
        Job("Pustakawan Ahli Pertama", 5, face=True),
        Job("Pustakawan Terampil", 4, face=True, education="d3"),
        Job("Arsiparis Ahli Pertama", 4),
    ),
    "fishery": (
        Job("Pengawas Perikanan Ahli Pertama", 5),
        Job("Pengelola Produksi Perikanan Tangkap", 4, education="d3"),
    ),
    "tourism": (
        Job("Pamong Budaya Ahli Pertama", 4),
        Job("Adyatama Kepariwisataan dan Ekonomi Kreatif", 4),
    ),
    "agriculture": (
        Job("Penyuluh Pertanian Ahli Pertama", 6),
        Job("Pengendali Organisme Pengganggu Tumbuhan", 5, education="d3"),
        Job("Pengawas Benih Tanaman Ahli Pertama", 4),
    ),
    "forestry": (
        Job("Penyuluh Kehutanan Ahli Pertama", 6),
        Job("Polisi Kehutanan Terampil", 6, education="d3"),
    ),
    "mining": (
        Job("Inspektur Tambang Ahli Pertama", 5),
        Job("Penyelidik Bumi Ahli Pertama", 4),
    ),
    "trade": (
        Job("Pengawas Perdagangan Ahli Pertama", 4),
        Job("Penyuluh Perindustrian dan Perdagangan", 4),
        Job("Penguji Mutu Barang Terampil", 3, face=True, education="d3"),
    ),
    "roads": (
        Job("Teknik Jalan dan Jembatan Ahli Pertama", 8),
        Job("Teknik Jalan dan Jembatan Terampil", 6, education="d3"),
        Job("Penata Ruang Ahli Pertama", 3),
    ),
    "water": (
        Job("Teknik Pengairan Ahli Pertama", 8),
        Job("Teknik Pengairan Terampil", 6, education="d3"),
        Job("Pengamat Pengairan", 4, education="sma"),
    ),
    "housing": (
        Job("Teknik Penyehatan Lingkungan Ahli Pertama", 5),
        Job("Penata Bangunan Gedung dan Permukiman", 5),
    ),
}
"""Specialist jobs by agency field; mixed in with :data:`ADMIN_JOBS`."""

CLINICAL_JOBS = (
    Job("Perawat Ahli Pertama", 14, face=True, education="ners"),
    Job("Perawat Ahli Muda", 6, face=True, education="ners"),
    Job("Perawat Terampil", 14, face=True, education="d3kep"),
    Job("Bidan Terampil", 4, face=True, education="d3keb"),
    Job("Dokter Ahli Pertama", 3, face=True, education="dr"),
    Job("Dokter Ahli Muda", 3, face=True, education="sp"),
    Job("Dokter Gigi Ahli Pertama", 0.7, face=True, education="drg"),
    Job("Apoteker Ahli Pertama", 1.5, face=True, education="apt"),
    Job("Asisten Apoteker Terampil", 2, face=True, education="d3"),
    Job(
        "Pranata Laboratorium Kesehatan Terampil", 2, face=True, education="d3"
    ),
    Job("Radiografer Terampil", 1, face=True, education="d3"),
    Job("Nutrisionis Terampil", 1, face=True, education="d3"),
    Job("Fisioterapis Terampil", 0.8, face=True, education="d3"),
    Job("Perekam Medis Terampil", 2, education="d3"),
)
"""Hospital ward and clinic staff: almost all face to face."""

COUNTER_JOB = Job(
    "Petugas Loket", 0, face=True, education="sma", roles=(COUNTER,)
)
CASHIER_JOB = Job("Kasir", 0, face=True, education="d3", roles=(COUNTER,))


# ---------------------------------------------------------------------------
# The province's agencies
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SubUnit:
    """A sub unit: its name, relative size and staffing profile.

    ``profile`` is ``office`` (admin and specialist staff), ``counter``
    (a public counter: many ``loket`` people), ``clinical`` (hospital
    wards and clinics) or ``field`` (mostly the agency's specialists).
    """

    name: str
    weight: float = 1.0
    profile: str = "office"


@dataclass(frozen=True)
class Agency:
    """A provincial agency (perangkat daerah) and its make-up."""

    name: str
    head: str
    size: int
    tech: str
    sub_units: tuple[SubUnit, ...]
    direct: bool = False
    workdays: int = 5


def _bureau(name: str, size: int, tech: str, parts: str) -> Agency:
    """Build a Setda bureau from ``;``-separated Bagian names."""
    subs = tuple(
        SubUnit(f"Bagian {part.strip()}") for part in parts.split(";")
    )
    return Agency(
        name,
        "Kepala Biro",
        size,
        tech,
        (*subs, SubUnit("Sub Bagian Tata Usaha", 0.8)),
    )


def _office(
    name: str,
    head: str,
    size: int,
    tech: str,
    fields: str,
    branches: Iterable[SubUnit] = (),
    direct: bool = False,
    workdays: int = 5,
) -> Agency:
    """Build a dinas or badan: Sekretariat, ``;``-separated Bidang, UPTD."""
    subs = [SubUnit("Sekretariat", 1.4)]
    subs += [SubUnit(f"Bidang {part.strip()}") for part in fields.split(";")]
    return Agency(name, head, size, tech, (*subs, *branches), direct, workdays)


def _numbered(
    prefix: str, count: int, weight: float = 1.0, profile: str = "field"
) -> list[SubUnit]:
    """Regional branches numbered with Roman numerals."""
    roman = _words("I II III IV V VI VII VIII IX X XI XII XIII")
    return [
        SubUnit(f"{prefix} {roman[i]}", weight, profile) for i in range(count)
    ]


def _hospital(name: str, size: int) -> Agency:
    """Build a provincial hospital; every hospital is direct service."""
    subs = (
        SubUnit("Direksi", 0.3),
        SubUnit("Bagian Umum dan Kepegawaian", 1.0),
        SubUnit("Bagian Keuangan", 0.7),
        SubUnit("Bidang Pelayanan Medik", 0.6),
        SubUnit("Bidang Keperawatan", 0.5),
        SubUnit("Instalasi Rawat Jalan", 2.0, "counter"),
        SubUnit("Instalasi Rawat Inap", 4.0, "clinical"),
        SubUnit("Instalasi Gawat Darurat", 1.5, "clinical"),
        SubUnit("Instalasi Farmasi", 0.8, "clinical"),
        SubUnit("Instalasi Laboratorium dan Radiologi", 0.8, "clinical"),
    )
    return Agency(name, "Direktur", size, "health", subs, True, 6)


SAMSAT_OFFICES = _words(
    "Kota Bandung I;Kota Bandung II;Kota Bandung III;Kabupaten Bandung I;"
    "Kabupaten Bandung II;Kabupaten Bandung Barat;Kota Cimahi;"
    "Kabupaten Sumedang;Kabupaten Garut;Kabupaten Tasikmalaya;"
    "Kota Tasikmalaya;Kabupaten Ciamis;Kota Banjar;Kabupaten Pangandaran;"
    "Kabupaten Cirebon;Kota Cirebon;Kabupaten Kuningan;Kabupaten Majalengka;"
    "Kabupaten Indramayu;Kabupaten Subang;Kabupaten Purwakarta;"
    "Kabupaten Karawang I;Kabupaten Karawang II;Kabupaten Bekasi;"
    "Kota Bekasi;Kota Depok;Kabupaten Bogor I;Kabupaten Bogor II;Kota Bogor;"
    "Kabupaten Sukabumi;Kota Sukabumi;Kabupaten Cianjur",
    sep=";",
)
"""Vehicle-tax (Samsat) offices run by Bapenda's UPTD; illustrative."""


def _agencies() -> tuple[Agency, ...]:
    """Return the 49 agencies, with relative sizes before scaling.

    Sub unit names follow the province's structure but are illustrative,
    not an authoritative organisation chart.
    """
    samsat = [
        SubUnit(
            f"UPTD Pusat Pengelolaan Pendapatan Daerah {office}",
            1.2,
            "counter",
        )
        for office in SAMSAT_OFFICES
    ]
    kcd = _numbered("Cabang Dinas Pendidikan Wilayah", 13, 1.2, "office")
    irban = _numbered("Inspektorat Pembantu Wilayah", 4, 1.0, "office")
    hq, badan = "Kepala Dinas", "Kepala Badan"
    # A table reads better than what the formatter makes of it.
    # fmt: off
    return (
        _bureau("Biro Pemerintahan dan Otonomi Daerah", 80, "general",
                "Pemerintahan Umum;Otonomi Daerah;Kerja Sama"),
        _bureau("Biro Hukum dan Hak Asasi Manusia", 90, "law",
                "Perundang-undangan;Bantuan Hukum;"
                "Dokumentasi dan Informasi Hukum"),
        _bureau("Biro Kesejahteraan Rakyat", 75, "general",
                "Bina Mental Spiritual;Kesejahteraan Sosial;"
                "Pendidikan dan Kesehatan"),
        _bureau("Biro Perekonomian", 70, "general",
                "Perekonomian;Sumber Daya Alam;Administrasi Pembangunan"),
        _bureau("Biro BUMD dan Investasi", 58, "finance",
                "Pembinaan BUMD;Investasi;Pengawasan dan Evaluasi"),
        _bureau("Biro Pengadaan Barang dan Jasa", 100, "procurement",
                "Pengelolaan Pengadaan;Layanan Pengadaan Secara Elektronik;"
                "Pembinaan dan Advokasi Pengadaan"),
        _bureau("Biro Organisasi", 78, "general",
                "Kelembagaan dan Analisis Jabatan;"
                "Reformasi Birokrasi dan Akuntabilitas Kinerja;Tata Laksana"),
        _bureau("Biro Umum", 230, "general",
                "Rumah Tangga;Keuangan;Perlengkapan dan Aset"),
        _bureau("Biro Administrasi Pimpinan", 115, "ict",
                "Protokol;Komunikasi Pimpinan;Materi dan Naskah Pimpinan"),
        Agency("Sekretariat DPRD", "Sekretaris DPRD", 280, "law", (
            SubUnit("Bagian Umum", 1.6),
            SubUnit("Bagian Keuangan"),
            SubUnit("Bagian Persidangan dan Perundang-undangan"),
            SubUnit("Bagian Fasilitasi Penganggaran dan Pengawasan"),
            SubUnit("Bagian Hubungan Masyarakat dan Protokol"),
        )),
        Agency("Inspektorat Daerah", "Inspektur", 290, "audit", (
            SubUnit("Sekretariat", 1.3), *irban,
            SubUnit("Inspektorat Pembantu Khusus"),
        )),
        _office("Badan Perencanaan Pembangunan Daerah", badan, 220,
                "planning", "Perencanaan Makro dan Evaluasi;Pemerintahan dan "
                "Pembangunan Manusia;Perekonomian;Infrastruktur dan "
                "Kewilayahan"),
        _office("Badan Kepegawaian Daerah", badan, 250, "hr",
                "Pengadaan dan Informasi Kepegawaian;Mutasi dan Promosi;"
                "Pengembangan Karier;Penilaian Kinerja dan Penghargaan"),
        _office("Badan Pendapatan Daerah", badan, 1500, "revenue",
                "Perencanaan dan Pengembangan Pendapatan;Pajak Daerah;"
                "Retribusi dan Pendapatan Lain-lain;Pengendalian dan "
                "Pembinaan", samsat, direct=True, workdays=6),
        _office("Badan Pengelolaan Keuangan dan Aset Daerah", badan, 320,
                "finance", "Anggaran;Perbendaharaan;Akuntansi;"
                "Barang Milik Daerah"),
        _office("Badan Pengembangan Sumber Daya Manusia", badan, 200,
                "training", "Sertifikasi Kompetensi;Pengembangan Kompetensi "
                "Manajerial;Pengembangan Kompetensi Teknis"),
        _office("Badan Kesatuan Bangsa dan Politik", badan, 115, "general",
                "Ideologi dan Wawasan Kebangsaan;Politik Dalam Negeri;"
                "Ketahanan Ekonomi, Sosial dan Budaya"),
        _office("Badan Penanggulangan Bencana Daerah", "Kepala Pelaksana",
                150, "disaster", "Pencegahan dan Kesiapsiagaan;Kedaruratan "
                "dan Logistik;Rehabilitasi dan Rekonstruksi"),
        _office("Badan Penghubung", badan, 55, "general",
                "Promosi dan Informasi;Fasilitasi dan Protokol"),
        _office("Satuan Polisi Pamong Praja", "Kepala Satuan", 380, "police",
                "Penegakan Peraturan Daerah;Ketertiban Umum dan Ketenteraman "
                "Masyarakat;Perlindungan Masyarakat",
                [SubUnit("Pleton Pengamanan dan Pengawalan", 2.0, "field")]),
        _office("Dinas Pendidikan", hq, 1100, "education",
                "Pembinaan SMA;Pembinaan SMK;Pendidikan Khusus dan Layanan "
                "Khusus;Guru dan Tenaga Kependidikan", kcd),
        _office("Dinas Kesehatan", hq, 350, "health",
                "Kesehatan Masyarakat;Pencegahan dan Pengendalian Penyakit;"
                "Pelayanan Kesehatan;Sumber Daya Kesehatan",
                [SubUnit("UPTD Laboratorium Kesehatan", 1.5, "clinical"),
                 SubUnit("UPTD Pelatihan Kesehatan", 0.8)]),
        _office("Dinas Sosial", hq, 330, "social",
                "Perlindungan dan Jaminan Sosial;Rehabilitasi Sosial;"
                "Pemberdayaan Sosial",
                [SubUnit("UPTD Panti Sosial Rehabilitasi Penyandang "
                         "Disabilitas", 1.5, "field"),
                 SubUnit("UPTD Panti Sosial Asuhan Anak", 1.5, "field"),
                 SubUnit("UPTD Panti Sosial Tresna Werdha", 1.5, "field")]),
        _office("Dinas Tenaga Kerja dan Transmigrasi", hq, 350, "labour",
                "Pelatihan dan Produktivitas;Penempatan Tenaga Kerja dan "
                "Transmigrasi;Hubungan Industrial dan Jaminan Sosial;"
                "Pengawasan Ketenagakerjaan",
                [SubUnit("UPTD Balai Latihan Kerja", 1.5, "field"),
                 *_numbered("UPTD Pengawasan Ketenagakerjaan Wilayah", 3,
                            0.8)]),
        _office("Dinas Pemberdayaan Perempuan, Perlindungan Anak dan "
                "Keluarga Berencana", hq, 165, "family",
                "Kualitas Hidup Perempuan;Perlindungan Anak;Keluarga "
                "Berencana"),
        _office("Dinas Ketahanan Pangan dan Peternakan", hq, 290, "food",
                "Ketersediaan dan Kerawanan Pangan;Konsumsi dan Keamanan "
                "Pangan;Produksi Peternakan;Kesehatan Hewan dan Kesehatan "
                "Masyarakat Veteriner",
                [SubUnit("UPTD Balai Perbibitan dan Pengembangan "
                         "Inseminasi Buatan Ternak", 1.5, "field")]),
        _office("Dinas Lingkungan Hidup", hq, 190, "environment",
                "Tata Lingkungan;Pengendalian Pencemaran dan Kerusakan "
                "Lingkungan;Pengelolaan Sampah dan Limbah B3",
                [SubUnit("UPTD Laboratorium Lingkungan Hidup", 1.0,
                         "field")]),
        _office("Dinas Pemberdayaan Masyarakat dan Desa", hq, 140, "village",
                "Pemerintahan Desa;Pemberdayaan Masyarakat;Ekonomi Desa"),
        _office("Dinas Perhubungan", hq, 520, "transport",
                "Lalu Lintas dan Angkutan Jalan;Perkeretaapian;Pelayaran;"
                "Penerbangan",
                _numbered("UPTD Pengelolaan Prasarana Perhubungan LLAJ "
                          "Wilayah", 7)),
        _office("Dinas Komunikasi dan Informatika", hq, 165, "ict",
                "Informasi dan Komunikasi Publik;Aplikasi Informatika;"
                "Persandian dan Statistik"),
        _office("Dinas Koperasi dan Usaha Kecil", hq, 140, "cooperative",
                "Kelembagaan dan Pengawasan Koperasi;Pemberdayaan Usaha "
                "Kecil;Pembiayaan dan Pemasaran"),
        _office("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", hq,
                180, "licensing", "Perencanaan dan Promosi Penanaman Modal;"
                "Pengendalian Pelaksanaan Penanaman Modal;Pengaduan dan "
                "Kebijakan Pelayanan",
                [SubUnit("Bidang Pelayanan Perizinan", 1.6, "counter")]),
        _office("Dinas Pemuda dan Olahraga", hq, 155, "youth",
                "Kepemudaan;Olahraga Prestasi;Pembudayaan Olahraga"),
        _office("Dinas Perpustakaan dan Kearsipan Daerah", hq, 180,
                "library", "Layanan Perpustakaan;Pengembangan Perpustakaan;"
                "Kearsipan"),
        _office("Dinas Kelautan dan Perikanan", hq, 240, "fishery",
                "Kelautan dan Pesisir;Perikanan Tangkap;Perikanan Budidaya",
                _numbered("UPTD Pelabuhan Perikanan Wilayah", 3)),
        _office("Dinas Pariwisata dan Kebudayaan", hq, 215, "tourism",
                "Destinasi Pariwisata;Pemasaran Pariwisata;Kebudayaan",
                [SubUnit("UPTD Taman Budaya", 0.8, "field"),
                 SubUnit("UPTD Museum Sri Baduga", 0.8, "field")]),
        _office("Dinas Tanaman Pangan dan Hortikultura", hq, 380,
                "agriculture", "Tanaman Pangan;Hortikultura;Sarana dan "
                "Prasarana Pertanian",
                [SubUnit("UPTD Balai Benih Tanaman Pangan dan Hortikultura",
                         1.5, "field"),
                 SubUnit("UPTD Balai Proteksi Tanaman", 1.5, "field"),
                 SubUnit("UPTD Balai Pengembangan Perbenihan", 1.0,
                         "field")]),
        _office("Dinas Perkebunan", hq, 250, "agriculture",
                "Produksi Perkebunan;Pengolahan dan Pemasaran;Perlindungan "
                "Perkebunan",
                [SubUnit("UPTD Balai Pengembangan Benih Perkebunan", 1.5,
                         "field")]),
        _office("Dinas Kehutanan", hq, 420, "forestry",
                "Perencanaan dan Pemanfaatan Hutan;Perlindungan dan "
                "Konservasi;Rehabilitasi Hutan dan Lahan",
                _numbered("Cabang Dinas Kehutanan Wilayah", 9)),
        _office("Dinas Energi dan Sumber Daya Mineral", hq, 240, "mining",
                "Mineral dan Batubara;Energi dan Ketenagalistrikan;Geologi "
                "dan Air Tanah",
                _numbered("Cabang Dinas ESDM Wilayah", 8, 0.8)),
        _office("Dinas Perindustrian dan Perdagangan", hq, 215, "trade",
                "Perindustrian;Perdagangan Dalam Negeri;Perdagangan Luar "
                "Negeri",
                [SubUnit("UPTD Balai Pengujian dan Sertifikasi Mutu Barang",
                         1.2, "field")]),
        _office("Dinas Bina Marga dan Penataan Ruang", hq, 480, "roads",
                "Pembangunan Jalan dan Jembatan;Preservasi Jalan;Penataan "
                "Ruang",
                _numbered("UPTD Pengelolaan Jalan dan Jembatan Wilayah", 6)),
        _office("Dinas Sumber Daya Air", hq, 500, "water",
                "Irigasi dan Rawa;Sungai, Danau dan Pantai;Air Baku",
                _numbered("UPTD Pengelolaan Sumber Daya Air Wilayah Sungai",
                          6)),
        _office("Dinas Perumahan dan Permukiman", hq, 180, "housing",
                "Perumahan;Kawasan Permukiman;Prasarana, Sarana dan "
                "Utilitas"),
        _hospital("RSUD Al Ihsan", 900),
        _hospital("RSUD Jampang Kulon", 230),
        _hospital("RSUD Pameungpeuk", 215),
        _hospital("RS Paru Sidawangi", 250),
        _hospital("RS Jiwa Cisarua", 430),
    )
    # fmt: on


# ---------------------------------------------------------------------------
# Drawing people
# ---------------------------------------------------------------------------

BOX_WEIGHTS: dict[int | None, float] = {
    5: 30,
    8: 17,
    2: 13,
    4: 10,
    7: 9,
    9: 5,
    6: 4,
    3: 4,
    1: 2,
    None: 6,
}
"""Talent boxes as typically spread: most staff meet expectations."""

LEADER_BOXES: dict[int | None, float] = {8: 40, 9: 25, 7: 15, 5: 20}

TEAM_TOPICS = (
    "Perencanaan",
    "Keuangan",
    "Kepegawaian",
    "Data dan Informasi",
    "Monitoring dan Evaluasi",
    "Pelayanan",
    "Pengendalian",
    "Program",
    "Kerja Sama",
    "Regulasi",
    "Pembinaan",
    "Pengawasan",
    "Publikasi",
    "Aset",
    "Pengaduan",
    "Inovasi",
    "Kajian",
    "SPBE",
    "Pelaporan",
    "Anggaran",
)


def _pick(rng: random.Random, weights: Mapping[K, float]) -> K:
    """Draw one key of ``weights`` with probability by its weight."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _head_title(sub_unit: str) -> str:
    """Return the title of the person heading a sub unit."""
    if sub_unit == "Sekretariat":
        return "Sekretaris"
    if sub_unit == "Direksi":
        return "Wakil Direktur"
    if sub_unit.startswith("Inspektorat Pembantu"):
        return sub_unit.replace("Inspektorat", "Inspektur", 1)
    if sub_unit.startswith("Pleton"):
        return f"Komandan {sub_unit}"
    return f"Kepala {sub_unit}"


def _day_list(
    rng: random.Random,
    weights: Mapping[str, float],
    avoid: Sequence[str] = (),
) -> tuple[str, ...]:
    """Draw one or two distinct day names, in week order."""
    pool = {day: w for day, w in weights.items() if day not in avoid}
    chosen = {_pick(rng, pool)}
    if rng.random() < 0.35:
        chosen.add(_pick(rng, pool))
    return tuple(day for day in DAY_NAMES if day in chosen)


FLEX_DAY_WEIGHTS = {
    "Senin": 20,
    "Selasa": 12,
    "Rabu": 13,
    "Kamis": 20,
    "Jumat": 35,
}
OFFICE_DAY_WEIGHTS = {
    "Senin": 30,
    "Selasa": 20,
    "Rabu": 20,
    "Kamis": 15,
    "Jumat": 15,
}
FLEX_WANTED_WEIGHTS = {None: 55, 0: 5, 1: 12, 2: 20, 3: 4, 4: 3, 5: 1}


def _preferences(
    rng: random.Random, person: Person, keen: float = 1.0
) -> None:
    """Fill preferred days and the requested number of flexible days.

    ``keen`` scales how many people state preferred days at all.
    Earlier preferences are replaced, never mixed with the new ones.
    """
    person.flex_days = person.office_days = ()
    if rng.random() < 0.25 * keen:
        person.flex_days = _day_list(rng, FLEX_DAY_WEIGHTS)
    if rng.random() < 0.12 * keen:
        person.office_days = _day_list(
            rng, OFFICE_DAY_WEIGHTS, avoid=person.flex_days
        )
    person.flex_wanted = _pick(rng, FLEX_WANTED_WEIGHTS)
    if person.flex_wanted is None and rng.random() < 0.3 * (keen - 1):
        person.flex_wanted = rng.choice((1, 2, 2, 3))


def _new_person(
    rng: random.Random,
    nips: NipMaker,
    unit: str,
    sub_unit: str,
    job: Job,
    *,
    head: bool = False,
) -> Person:
    """Draw one person holding ``job``, with realistic eligibility flags."""
    female = rng.random() < (0.7 if job.face and not head else 0.45)
    new = not head and rng.random() < 0.05
    # Half of the newly placed are recruits; the others moved recently.
    recruit = new and rng.random() < 0.5
    nip, born = nips.make(female, senior=head, new=recruit)
    education = "s2" if head else job.education
    person = Person(
        nip=nip,
        name=_titled_name(rng, female, born, education),
        unit=unit,
        sub_unit=sub_unit,
        job=job.title,
        roles=(LEADER,) if head else job.roles,
        box=_pick(rng, LEADER_BOXES if head else BOX_WEIGHTS),
        face=job.face,
        new=new,
    )
    if recruit and rng.random() < 0.6:
        person.box = None  # not yet mapped in the talent pool
    if not head:
        laptop_share = 0.15 if job.low_tech else 0.92
        person.laptop = rng.random() < laptop_share
        person.internet = rng.random() < 0.94
        person.approval = rng.random() < 0.93
        person.discipline = rng.random() < 0.01
        person.warning = rng.random() < 0.03
    _preferences(rng, person)
    return person


def _split(total: int, weights: Sequence[float], floor: int) -> list[int]:
    """Split ``total`` by ``weights`` (largest remainder), each >= floor."""
    rest = total - floor * len(weights)
    if rest < 0:
        raise ValueError(f"{total} is too few for {len(weights)} parts.")
    scale = sum(weights)
    exact = [rest * w / scale for w in weights]
    sizes = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (sizes[i] - exact[i], i))
    for i in order[: rest - sum(sizes)]:
        sizes[i] += 1
    return [floor + size for size in sizes]


def _job_pool(agency: Agency, sub: SubUnit) -> tuple[list[Job], list[float]]:
    """Return the jobs of a sub unit's staff and their weights."""
    tech = TECH_JOBS[agency.tech]
    admin = [(job, job.weight) for job in ADMIN_JOBS]
    support = sub.name in ("Sekretariat", "Sub Bagian Tata Usaha") or (
        sub.name.startswith(("Bagian Umum", "Bagian Keuangan", "Direksi"))
    )
    factor = {"office": 0.5 if support else 3.0, "field": 6.0}
    pool = admin + [
        (job, job.weight * factor.get(sub.profile, 1.0)) for job in tech
    ]
    if sub.profile == "clinical":
        # Wards: nine in ten are clinicians.
        pool = [(job, w * 0.2) for job, w in admin] + [
            (job, job.weight * 6) for job in CLINICAL_JOBS
        ]
    elif sub.profile == "counter":
        total = sum(w for _, w in pool)
        clinic = agency.tech == "health"
        if clinic:
            pool += [(job, job.weight * 1.5) for job in CLINICAL_JOBS]
            total = sum(w for _, w in pool)
        # About two in five work at the counter.
        pool += [(COUNTER_JOB, total * 0.55), (CASHIER_JOB, total * 0.12)]
    return [job for job, _ in pool], [w for _, w in pool]


def _teams(rng: random.Random, members: list[Person], used: set[str]) -> None:
    """Group most non-leaders of a sub unit into named teams."""
    staff = [p for p in members if LEADER not in p.roles]
    if len(staff) < 4:
        return
    names = []
    for _ in range(max(1, len(staff) // 9)):
        topic = rng.choice(TEAM_TOPICS)
        name, k = f"Tim {topic}", 2
        while name in used:
            name, k = f"Tim {topic} {k}", k + 1
        used.add(name)
        names.append(name)
    for person in staff:
        if rng.random() < 0.7:
            person.team = rng.choice(names)


def _scaled_sizes(agencies: Sequence[Agency], people: int) -> list[int]:
    """Scale the catalogue's relative sizes to ``people`` in total."""
    return _split(people, [a.size for a in agencies], floor=8)


def province_people(
    rng: random.Random, people: int
) -> tuple[list[Person], list[UnitRule], list[RoleNeed]]:
    """Draw the province's staff, unit rules and role needs.

    Parameters
    ----------
    rng
        The random source.
    people
        Total head count; agencies keep their relative sizes.

    Returns
    -------
    tuple
        People, one :class:`UnitRule` per agency and the role needs.
    """
    agencies = _agencies()
    nips = NipMaker(rng)
    staff: list[Person] = []
    units: list[UnitRule] = []
    needs: list[RoleNeed] = []
    for agency, size in zip(
        agencies, _scaled_sizes(agencies, people), strict=True
    ):
        # Small test runs keep only as many sub units as can be staffed.
        subs = agency.sub_units[
            : max(1, min(len(agency.sub_units), size // 6))
        ]
        sizes = _split(size - 1, [s.weight for s in subs], floor=2)
        members: list[Person] = []
        used_teams: set[str] = set()
        for index, (sub, count) in enumerate(zip(subs, sizes, strict=True)):
            jobs, weights = _job_pool(agency, sub)
            crew: list[Person] = []
            if index == 0:
                boss = Job(agency.head, 0)
                crew.append(
                    _new_person(
                        rng, nips, agency.name, sub.name, boss, head=True
                    )
                )
            chief = Job(_head_title(sub.name), 0)
            crew.append(
                _new_person(rng, nips, agency.name, sub.name, chief, head=True)
            )
            for job in rng.choices(jobs, weights=weights, k=count - 1):
                crew.append(_new_person(rng, nips, agency.name, sub.name, job))
            _teams(rng, crew, used_teams)
            members += crew
        staff += members
        units.append(
            UnitRule(
                name=agency.name,
                # Most agencies follow the policy's share (blank), so that
                # policy scenarios on the share reach them; a few keep a
                # stricter rule of their own.
                min_pct=rng.choice((None, None, None, None, 60)),
                min_people=max(2, size // 25),
                desk_capacity=None,
                workdays=agency.workdays,
                direct=agency.direct,
            )
        )
        leaders = sum(LEADER in p.roles for p in members)
        needs.append(RoleNeed(agency.name, LEADER, 2 if leaders >= 5 else 1))
        counters = sum(COUNTER in p.roles for p in members)
        if counters >= 2:
            needs.append(RoleNeed(agency.name, COUNTER, counters * 6 // 10))
    # Desks are short in a few office agencies, which forces some
    # flexible days; the feasibility check widens them if needed.
    offices = [u for u in units if not u.direct]
    for unit in rng.sample(offices, k=min(8, len(offices))):
        size = sum(1 for p in staff if p.unit == unit.name)
        unit.desk_capacity = math.ceil(size * 0.9)
    return staff, units, needs


# ---------------------------------------------------------------------------
# Calendar, absences and requests
# ---------------------------------------------------------------------------


def _is_workday(
    day: dt.date, workdays: int = 5, holidays: Sequence[dt.date] = HOLIDAYS
) -> bool:
    return day.weekday() < workdays and day not in holidays


def _days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """Every calendar day from ``start`` to ``end``, both included."""
    for offset in range((end - start).days + 1):
        yield start + dt.timedelta(days=offset)


def _after_workdays(start: dt.date, count: int) -> dt.date:
    """Return the day ``count`` Mon-Fri workdays from ``start`` end on."""
    day, seen = start, int(_is_workday(start))
    while seen < count:
        day += dt.timedelta(days=1)
        seen += _is_workday(day)
    return day


ABSENCE_WEIGHTS = {"Cuti": 45, "Sakit": 20, "Dinas Luar": 25, "Diklat": 10}
ABSENCE_LENGTHS = {
    "Cuti": (1, 1, 2, 2, 3, 3, 4, 5, 10),
    "Sakit": (1, 1, 1, 2, 2, 3),
    "Dinas Luar": (1, 2, 2, 3, 3, 4),
    "Diklat": (3, 5, 5, 10),
}


def _draw_absences(
    rng: random.Random, people: Sequence[Person], share: float
) -> list[Absence]:
    """Give about ``share`` of ``people`` leave, travel or training.

    Absences fall in January 2027; a few annual leaves start in the last
    week of 2026 and run into the planning period.  One person's absences
    never overlap.
    """
    workdays = [d for d in _days(PERIOD_START, PERIOD_END) if _is_workday(d)]
    absences: list[Absence] = []
    for person in rng.sample(list(people), k=round(share * len(people))):
        kind = _pick(rng, ABSENCE_WEIGHTS)
        length = rng.choice(ABSENCE_LENGTHS[kind])
        if kind == "Cuti" and rng.random() < 0.08:
            start = dt.date(2026, 12, rng.randint(28, 31))
        else:
            start = rng.choice(workdays)
        end = _after_workdays(start, length)
        absences.append(Absence(person.nip, start, end, kind))
        later = [d for d in workdays if d > end + dt.timedelta(days=3)]
        if later and rng.random() < 0.1:
            kind = _pick(rng, ABSENCE_WEIGHTS)
            start = rng.choice(later)
            end = _after_workdays(start, rng.choice(ABSENCE_LENGTHS[kind]))
            absences.append(Absence(person.nip, start, end, kind))
    return absences


def _absent_days(absences: Iterable[Absence]) -> dict[str, set[dt.date]]:
    """Map each NIP to the calendar days it is absent."""
    days: dict[str, set[dt.date]] = {}
    for absence in absences:
        days.setdefault(absence.nip, set()).update(
            _days(absence.start, absence.end)
        )
    return days


def _draw_requests(
    rng: random.Random,
    people: Sequence[Person],
    units: Sequence[UnitRule],
    absences: Sequence[Absence],
    wish_share: float,
    fixed_share: float,
    exclude: Iterable[str] = (),
) -> list[Request]:
    """Draw fixed requests (Wajib) and wishes for January 2027.

    Fixed requests go to eligible people without roles or absences in
    non-direct-service units, one each, so nobody gets more than one
    fixed flexible day a week.  Wishes never contradict a person's other
    requests.
    """
    direct = {u.name for u in units if u.direct}
    excluded = set(exclude)
    away = _absent_days(absences)
    dates = [
        d
        for d in _days(PERIOD_START, PERIOD_END)
        if _is_workday(d, holidays=HOLIDAYS)
    ]
    requests: list[Request] = []
    open_for_fixed = [
        p
        for p in people
        if is_eligible(p)
        and p.nip not in excluded
        and p.unit not in direct
        and not p.roles
        and p.nip not in away
    ]
    fixed_people = rng.sample(
        open_for_fixed,
        k=min(len(open_for_fixed), round(fixed_share * len(people))),
    )
    for person in fixed_people:
        mode = FLEXIBLE if rng.random() < 0.7 else OFFICE
        if mode == FLEXIBLE and rng.random() < 0.4:
            day = _pick(rng, FLEX_DAY_WEIGHTS)
            requests.append(Request(person.nip, None, day, mode, True))
        else:
            date = rng.choice(dates)
            requests.append(Request(person.nip, date, None, mode, True))
    taken = {p.nip for p in fixed_people} | excluded
    open_for_wish = [p for p in people if p.nip not in taken]
    wishers = rng.sample(
        open_for_wish,
        k=min(len(open_for_wish), round(wish_share * len(people))),
    )
    for person in wishers:
        free = [d for d in dates if d not in away.get(person.nip, ())]
        keys: set[str] = set()
        for _ in range(rng.choice((1, 1, 2))):
            mode = FLEXIBLE if rng.random() < 0.6 else OFFICE
            weight = rng.choice((None, None, 1, 2, 3))
            if rng.random() < 0.4 or not free:
                weights = (
                    FLEX_DAY_WEIGHTS
                    if mode == FLEXIBLE
                    else (OFFICE_DAY_WEIGHTS)
                )
                day = _pick(rng, weights)
                if day not in keys:
                    keys.add(day)
                    requests.append(
                        Request(person.nip, None, day, mode, False, weight)
                    )
            else:
                date = rng.choice(free)
                if date.isoformat() not in keys:
                    keys.add(date.isoformat())
                    requests.append(
                        Request(person.nip, date, None, mode, False, weight)
                    )
    return requests


# ---------------------------------------------------------------------------
# Feasibility
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Why the witness roster fails for a unit on a day.

    ``kind`` is ``desk`` (too many must come in), ``cover`` (too few on
    site), ``role`` (a role need unmet) or ``request`` (a fixed request
    that cannot hold).
    """

    kind: str
    unit: str
    day: dt.date
    detail: str

    def __str__(self) -> str:
        return f"{self.unit} {self.day}: {self.kind}: {self.detail}"


def _fixed_modes(
    requests: Iterable[Request], start: dt.date, end: dt.date
) -> dict[str, dict[dt.date, str]]:
    """Expand fixed requests into each NIP's mode on each date."""
    modes: dict[str, dict[dt.date, str]] = {}
    for request in requests:
        if not request.fixed:
            continue
        mine = modes.setdefault(request.nip, {})
        if request.date is not None:
            mine[request.date] = request.mode
        else:
            for day in _days(start, end):
                if DAY_NAMES[day.weekday()] == request.day:
                    mine[day] = request.mode
    return modes


def _unit_problems(
    unit: UnitRule,
    members: Sequence[Person],
    needs: Sequence[RoleNeed],
    away: dict[str, set[dt.date]],
    fixed: dict[str, dict[dt.date, str]],
    holidays: Sequence[dt.date],
    max_flex: int,
) -> list[Problem]:
    """Build a witness roster for one unit; return where it fails.

    Everyone is on site unless absent or fixed flexible; where desks run
    short, eligible people without roles or fixed office days go
    flexible, fewest flexible days first.  The flexible-day allowance is
    prorated down (floored) for absences and holidays, and the minimum
    share counts the unit's whole head count, so the check is stricter
    than any reasonable reading of the rules.
    """
    problems: list[Problem] = []
    size = len(members)
    # A blank share follows the policy; the strictest bundled scenario
    # asks for 60 %, so the check assumes that.
    pct = 60 if unit.min_pct is None else unit.min_pct
    low = max(-(-pct * size // 100), unit.min_people)
    flexible = {
        p.nip: not unit.direct and is_eligible(p) and not p.roles
        for p in members
    }
    monday = PERIOD_START
    while monday <= PERIOD_END:
        week = [
            d
            for d in _days(monday, monday + dt.timedelta(days=6))
            if d <= PERIOD_END and _is_workday(d, unit.workdays, holidays)
        ]
        monday += dt.timedelta(days=7)
        used: dict[str, int] = {}
        allowance: dict[str, int] = {}
        for p in members:
            present = [d for d in week if d not in away.get(p.nip, ())]
            allowance[p.nip] = max_flex * len(present) // unit.workdays
            mine = fixed.get(p.nip, {})
            used[p.nip] = sum(mine.get(d) == FLEXIBLE for d in present)
            for d in week:
                if d in away.get(p.nip, ()) and d in mine:
                    problems.append(Problem("request", unit.name, d, p.nip))
            if used[p.nip] and (
                not flexible[p.nip] or used[p.nip] > allowance[p.nip]
            ):
                problems.append(Problem("request", unit.name, week[0], p.nip))
        for day in week:
            onsite = [
                p
                for p in members
                if day not in away.get(p.nip, ())
                and fixed.get(p.nip, {}).get(day) != FLEXIBLE
            ]
            cap = unit.desk_capacity
            if cap is not None and len(onsite) > cap:
                spare = [
                    p
                    for p in onsite
                    if flexible[p.nip]
                    and fixed.get(p.nip, {}).get(day) != OFFICE
                    and used[p.nip] < allowance[p.nip]
                ]
                spare.sort(key=lambda p: used[p.nip])
                surplus = len(onsite) - cap
                if len(spare) < surplus:
                    detail = f"{len(onsite)} on site, {cap} desks"
                    problems.append(Problem("desk", unit.name, day, detail))
                leaving = {p.nip for p in spare[:surplus]}
                for nip in leaving:
                    used[nip] += 1
                onsite = [p for p in onsite if p.nip not in leaving]
            if len(onsite) < low:
                detail = f"{len(onsite)} on site, {low} needed"
                problems.append(Problem("cover", unit.name, day, detail))
            for need in needs:
                if need.days and DAY_NAMES[day.weekday()] not in need.days:
                    continue
                count = sum(need.role in p.roles for p in onsite)
                if count < need.min_people:
                    detail = f"{count} {need.role}, {need.min_people} needed"
                    problems.append(Problem("role", unit.name, day, detail))
    return problems


def coverage_problems(
    data: Dataset,
    max_flex: int = MAX_FLEX_DAYS,
    units: Sequence[str] | None = None,
) -> list[Problem]:
    """Check that a data set can be planned for every week of the month.

    The check runs with and without Isra Mi'raj (2027-01-05) as a
    holiday, since users may follow either calendar.

    Parameters
    ----------
    data
        The data set.
    max_flex
        Flexible days a week the policy allows.
    units
        Check only these units; all when ``None``.

    Returns
    -------
    list of Problem
        Empty when a roster meeting every rule exists.
    """
    problems: list[Problem] = []
    for holidays in (HOLIDAYS, HOLIDAYS[:1]):
        problems += _problems(data, holidays, max_flex, units)
    return problems


def _problems(
    data: Dataset,
    holidays: Sequence[dt.date],
    max_flex: int,
    units: Sequence[str] | None,
) -> list[Problem]:
    away = _absent_days(data.absences)
    fixed = _fixed_modes(data.requests, PERIOD_START, PERIOD_END)
    members: dict[str, list[Person]] = {u.name: [] for u in data.units}
    for person in data.people:
        members[person.unit].append(person)
    problems: list[Problem] = []
    for unit in data.units:
        if units is not None and unit.name not in units:
            continue
        needs = [n for n in data.role_needs if n.unit == unit.name]
        problems += _unit_problems(
            unit, members[unit.name], needs, away, fixed, holidays, max_flex
        )
    return problems


def make_feasible(data: Dataset) -> None:
    """Relax a drawn data set until :func:`coverage_problems` is empty.

    A unit short of desks gets one more desk; a fixed request that cannot
    hold is dropped; a unit short of people on a day first loses the
    fixed flexible request, then the absence, drawn last among those on
    that day.  Each step is deterministic, so the result still depends
    on the seed only.

    Parameters
    ----------
    data
        The data set, changed in place.
    """
    unit_of = {p.nip: p.unit for p in data.people}
    # One pass over everything first: rechecking only the failing units
    # keeps the province quick.
    failing = {problem.unit for problem in coverage_problems(data)}
    for unit in data.units:
        if unit.name not in failing:
            continue
        while problems := coverage_problems(data, units=[unit.name]):
            problem = problems[0]
            if problem.kind == "desk" and unit.desk_capacity is not None:
                unit.desk_capacity += 1
                continue
            if problem.kind == "request":
                data.requests = [
                    r
                    for r in data.requests
                    if not (r.fixed and r.nip == problem.detail)
                ]
                continue
            fixed = _fixed_modes(data.requests, problem.day, problem.day)
            pushing = [
                r
                for r in data.requests
                if r.fixed
                and unit_of[r.nip] == unit.name
                and fixed[r.nip].get(problem.day) == FLEXIBLE
            ]
            if pushing:
                data.requests.remove(pushing[-1])
                continue
            covering = [
                a
                for a in data.absences
                if unit_of[a.nip] == unit.name
                and a.start <= problem.day <= a.end
            ]
            if not covering:
                raise RuntimeError(f"Cannot repair: {problem}")
            data.absences.remove(covering[-1])


# ---------------------------------------------------------------------------
# The two data sets
# ---------------------------------------------------------------------------

BUREAU = "Biro Organisasi"


@dataclass(frozen=True)
class BureauPart:
    """A unit of the bureau, with its own coverage rule and staff.

    ``min_pct`` is ``None`` for a unit that follows the policy's share,
    so that policy scenarios on the share change the bureau too.
    """

    short: str
    sub_unit: str
    min_pct: int | None
    min_people: int
    desk_capacity: int | None
    teams: tuple[str, ...]
    staff: tuple[Job, ...]  # ``weight`` is the head count
    direct: bool = False

    @property
    def unit(self) -> str:
        """The name of the unit row."""
        return f"{BUREAU} - {self.short}"


def _jobs(*spec: tuple[str, int, str]) -> tuple[Job, ...]:
    """Office jobs as (title, head count, education)."""
    return tuple(Job(title, n, education=ed) for title, n, ed in spec)


BUREAU_PARTS = (
    BureauPart(
        "Kelembagaan",
        "Bagian Kelembagaan dan Analisis Jabatan",
        50,
        3,
        None,
        ("Tim Evaluasi Kelembagaan", "Tim Analisis Jabatan dan Beban Kerja"),
        _jobs(
            ("Kepala Bagian Kelembagaan dan Analisis Jabatan", 1, "s2"),
            ("Analis Kebijakan Ahli Madya", 1, "s2"),
            ("Analis Kebijakan Ahli Muda", 2, "s2"),
            ("Analis Kebijakan Ahli Pertama", 2, "s1"),
            ("Analis SDM Aparatur Ahli Muda", 1, "s2"),
            ("Analis SDM Aparatur Ahli Pertama", 2, "s1"),
            ("Penelaah Teknis Kebijakan", 3, "s1"),
            ("Pengolah Data dan Informasi", 2, "d3"),
            ("Pengadministrasi Perkantoran", 1, "sma"),
        ),
    ),
    BureauPart(
        "Reformasi Birokrasi",
        "Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
        None,
        4,
        14,
        ("Tim SAKIP", "Tim Zona Integritas", "Tim Road Map RB"),
        _jobs(
            (
                "Kepala Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
                1,
                "s2",
            ),
            ("Analis Kebijakan Ahli Muda", 2, "s2"),
            ("Analis Kebijakan Ahli Pertama", 3, "s1"),
            ("Penelaah Teknis Kebijakan", 4, "s1"),
            ("Pranata Komputer Ahli Pertama", 2, "s1"),
            ("Pengolah Data dan Informasi", 2, "d3"),
            ("Pengadministrasi Perkantoran", 2, "sma"),
        ),
    ),
    BureauPart(
        "Tata Laksana",
        "Bagian Tata Laksana",
        40,
        2,
        None,
        ("Tim Pelayanan Publik", "Tim Tata Naskah Dinas dan SOP", "Tim SPBE"),
        _jobs(
            ("Kepala Bagian Tata Laksana", 1, "s2"),
            ("Analis Kebijakan Ahli Muda", 1, "s2"),
            ("Analis Kebijakan Ahli Pertama", 3, "s1"),
            ("Analis Tata Laksana", 3, "s1"),
            ("Penelaah Teknis Kebijakan", 3, "s1"),
            ("Pranata Komputer Terampil", 1, "d3"),
            ("Pengadministrasi Perkantoran", 2, "sma"),
        ),
    ),
    BureauPart(
        "Tata Usaha",
        "Sub Bagian Tata Usaha",
        None,
        4,
        None,
        ("Tim Perencanaan dan Keuangan", "Tim Umum dan Kepegawaian"),
        (
            *_jobs(
                ("Kepala Biro Organisasi", 1, "s2"),
                ("Kepala Sub Bagian Tata Usaha", 1, "s2"),
                ("Perencana Ahli Muda", 1, "s2"),
                ("Analis Keuangan Pusat dan Daerah Ahli Pertama", 1, "s1"),
                ("Bendahara Pengeluaran", 1, "d3"),
                ("Arsiparis Terampil", 2, "d3"),
                ("Pranata Hubungan Masyarakat Ahli Pertama", 1, "s1"),
                ("Analis SDM Aparatur Ahli Pertama", 1, "s1"),
                ("Pengadministrasi Perkantoran", 1, "sma"),
                ("Operator Layanan Operasional", 1, "sma"),
            ),
            Job("Pengemudi", 2, education="sma", low_tech=True),
        ),
    ),
    # The service counter of the Tata Usaha sub unit (letters, guests,
    # consultations) is its own direct-service unit: on site every day.
    BureauPart(
        "Loket Layanan",
        "Sub Bagian Tata Usaha",
        None,
        1,
        None,
        (),
        (Job("Petugas Loket", 2, True, "sma", roles=(COUNTER,)),),
        direct=True,
    ),
)
"""Biro Organisasi: 60 people in four sub units, in five units."""

BUREAU_FAILURES = (
    ("box", 2),
    ("box", 2),
    ("box", 6),
    ("box", 3),
    ("box", None),
    ("laptop", None),
    ("internet", None),
    ("internet", None),
    ("approval", None),
    ("approval", None),
    ("discipline", None),
    ("discipline", None),
    ("new", None),
    ("new", None),
    ("new", "blank"),  # newly placed and not yet in the talent pool
    ("warning", None),
    ("warning", None),
)
"""Failures planted in the bureau, besides the counter staff (face to
face, in a direct-service unit) and the drivers (no laptop)."""

ELIGIBLE_BOX_WEIGHTS: dict[int | None, float] = {
    5: 40,
    8: 25,
    7: 15,
    4: 12,
    9: 8,
}


def _bureau_people(rng: random.Random) -> list[Person]:
    """Draw the bureau's 60 people and plant the eligibility failures."""
    nips = NipMaker(rng)
    people: list[Person] = []
    queues: list[list[Person]] = []
    for part in BUREAU_PARTS:
        crew: list[Person] = []
        for job in part.staff:
            for _ in range(int(job.weight)):
                head = job.title.startswith("Kepala")
                person = _new_person(
                    rng, nips, part.unit, part.sub_unit, job, head=head
                )
                # Start from a clean record; failures are planted below.
                person.box = _pick(
                    rng, LEADER_BOXES if head else ELIGIBLE_BOX_WEIGHTS
                )
                person.laptop = not job.low_tech
                person.internet = person.approval = True
                person.discipline = person.new = person.warning = False
                _preferences(rng, person, keen=1.8)
                crew.append(person)
        for person in crew:
            if (
                part.teams
                and LEADER not in person.roles
                and rng.random() < 0.8
            ):
                person.team = rng.choice(part.teams)
        people += crew
        plain = [p for p in crew if is_eligible(p) and not p.roles]
        rng.shuffle(plain)
        queues.append(plain)
    # Deal the failures round robin so every sub unit gets its share.
    order = [
        q[i]
        for i in range(max(map(len, queues)))
        for q in queues
        if i < len(q)
    ]
    for person, (rule, value) in zip(order, BUREAU_FAILURES, strict=False):
        if rule == "box":
            person.box = value if isinstance(value, int) else None
        elif rule == "new":
            person.new = True
            if value == "blank":
                person.box = None
        else:
            setattr(person, rule, rule in ("discipline", "warning"))
    return people


def bureau_dataset(seed: int = DEFAULT_SEED) -> Dataset:
    """Build the Biro Organisasi data set.

    Parameters
    ----------
    seed
        Seed of the random source; the same seed gives the same data.

    Returns
    -------
    Dataset
        Sixty people in four sub units and five units (one a small
        direct-service counter), feasible under the 2025 national rule
        (at most two flexible days a week).
    """
    rng = random.Random(seed)
    people = _bureau_people(rng)
    units = [
        UnitRule(p.unit, p.min_pct, p.min_people, p.desk_capacity, 5, p.direct)
        for p in BUREAU_PARTS
    ]
    kelembagaan, reformasi, tata_laksana, tata_usaha, loket = (
        p.unit for p in BUREAU_PARTS
    )
    needs = [
        RoleNeed(tata_usaha, LEADER, 1),
        RoleNeed(kelembagaan, LEADER, 1, ("Senin",)),
        RoleNeed(loket, COUNTER, 1),
    ]

    def staff(unit: str, role: str | None = None) -> list[Person]:
        """People of a unit holding ``role``, or without roles."""
        return [
            p
            for p in people
            if p.unit == unit and (role in p.roles if role else not p.roles)
        ]

    day = dt.date
    absences: list[Absence] = []

    def absent(who: Person, start: dt.date, end: dt.date, kind: str) -> None:
        absences.append(Absence(who.nip, start, end, kind))

    chief = next(p for p in people if p.job == "Kepala Biro Organisasi")
    absent(chief, day(2027, 1, 6), day(2027, 1, 7), "Dinas Luar")
    absent(
        staff(loket, COUNTER)[0],
        day(2027, 1, 12),
        day(2027, 1, 12),
        "Sakit",
    )
    absent(
        staff(tata_laksana, LEADER)[0],
        day(2027, 1, 14),
        day(2027, 1, 15),
        "Cuti",
    )
    picks = {
        unit: rng.sample(staff(unit), k=3)
        for unit in (kelembagaan, reformasi, tata_laksana, tata_usaha)
    }
    absent(picks[kelembagaan][0], day(2027, 1, 4), day(2027, 1, 8), "Cuti")
    absent(picks[kelembagaan][0], day(2027, 1, 19), day(2027, 1, 19), "Sakit")
    absent(
        picks[kelembagaan][1], day(2027, 1, 13), day(2027, 1, 14), "Dinas Luar"
    )
    absent(picks[kelembagaan][2], day(2027, 1, 25), day(2027, 1, 29), "Diklat")
    absent(picks[reformasi][0], day(2027, 1, 11), day(2027, 1, 22), "Diklat")
    absent(picks[reformasi][1], day(2027, 1, 6), day(2027, 1, 8), "Sakit")
    absent(
        picks[tata_laksana][0],
        day(2027, 1, 12),
        day(2027, 1, 13),
        "Dinas Luar",
    )
    absent(picks[tata_usaha][0], day(2026, 12, 28), day(2027, 1, 6), "Cuti")
    absent(picks[tata_usaha][1], day(2027, 1, 18), day(2027, 1, 20), "Cuti")

    # Fixed requests: eligible people free all month, one each.
    away = _absent_days(absences)
    free = {
        unit: [p for p in staff(unit) if is_eligible(p) and p.nip not in away]
        for unit in picks
    }
    fixed = [
        Request(free[reformasi][0].nip, day(2027, 1, 8), None, FLEXIBLE, True),
        Request(free[kelembagaan][0].nip, None, "Jumat", FLEXIBLE, True),
        Request(
            free[tata_laksana][0].nip,
            day(2027, 1, 13),
            None,
            FLEXIBLE,
            True,
            2,
        ),
        Request(
            staff(kelembagaan, LEADER)[0].nip, None, "Senin", OFFICE, True
        ),
        Request(free[tata_usaha][0].nip, day(2027, 1, 6), None, OFFICE, True),
    ]
    wishes = _draw_requests(
        rng,
        people,
        units,
        absences,
        wish_share=0.25,
        fixed_share=0.0,
        exclude=[r.nip for r in fixed],
    )
    data = Dataset(
        people, units, needs, absences, [*fixed, *wishes], policy=[]
    )
    make_feasible(data)
    return data


def province_dataset(
    seed: int = DEFAULT_SEED, people: int = PROVINCE_PEOPLE
) -> Dataset:
    """Build the West Java province data set.

    Parameters
    ----------
    seed
        Seed of the random source; the same seed gives the same data.
    people
        Total head count (at least 8 per agency); the default is the
        province's size, smaller values make quick test data.

    Returns
    -------
    Dataset
        One unit per agency, feasible under the 2025 national rule.
    """
    rng = random.Random(seed)
    staff, units, needs = province_people(rng, people)
    absences = _draw_absences(rng, staff, share=0.04)
    requests = _draw_requests(
        rng, staff, units, absences, wish_share=0.03, fixed_share=0.007
    )
    data = Dataset(staff, units, needs, absences, requests)
    make_feasible(data)
    return data


# ---------------------------------------------------------------------------
# Writing the workbook
# ---------------------------------------------------------------------------

SHEETS: dict[str, tuple[tuple[str, int], ...]] = {
    "Pegawai": (
        ("NIP", 21),
        ("Nama", 38),
        ("Unit", 40),
        ("Sub Unit", 44),
        ("Jabatan", 40),
        ("Tim", 26),
        ("Peran", 10),
        ("Kotak Talenta", 14),
        ("Layanan Tatap Muka", 19),
        ("Laptop", 9),
        ("Internet", 10),
        ("Persetujuan Atasan", 19),
        ("Hukuman Disiplin", 17),
        ("Pegawai Baru", 14),
        ("Peringatan Kinerja", 19),
        ("Hari Fleksibel Pilihan", 22),
        ("Hari Kantor Pilihan", 20),
        ("Jumlah Hari Fleksibel Diminta", 29),
    ),
    "Unit": (
        ("Unit", 44),
        ("Minimal Hadir (%)", 18),
        ("Minimal Hadir (Orang)", 22),
        ("Kapasitas Meja", 15),
        ("Hari Kerja", 11),
        ("Layanan Langsung", 17),
    ),
    "Kebutuhan Peran": (
        ("Unit", 44),
        ("Peran", 12),
        ("Minimal Hadir (Orang)", 22),
        ("Hari", 20),
    ),
    "Ketidakhadiran": (
        ("NIP", 21),
        ("Mulai", 12),
        ("Selesai", 12),
        ("Jenis", 12),
    ),
    "Permintaan": (
        ("NIP", 21),
        ("Tanggal", 12),
        ("Hari", 10),
        ("Mode", 10),
        ("Wajib", 8),
        ("Bobot", 8),
    ),
    "Kebijakan": (("Parameter", 24), ("Nilai", 16)),
}
"""Sheets with their exact headers and column widths."""

DATE_FORMAT = "yyyy-mm-dd"

CELL_FORMATS = {
    # Text: as a number Excel would round an 18-digit NIP to 15 digits.
    "NIP": "@",
    "Mulai": DATE_FORMAT,
    "Selesai": DATE_FORMAT,
    "Tanggal": DATE_FORMAT,
}
"""Number formats of the columns that need one."""


def _yes(flag: bool) -> str:
    return YES if flag else NO


def _days_text(days: Sequence[str]) -> str | None:
    return ", ".join(days) or None


def _moment(day: dt.date | None) -> dt.datetime | None:
    """A date as the midnight datetime that spreadsheet cells hold."""
    return None if day is None else dt.datetime.combine(day, dt.time())


def _rows(data: Dataset) -> dict[str, Iterator[list[Any]]]:
    """The data rows of every sheet, as plain values."""
    people = (
        [
            p.nip,
            p.name,
            p.unit,
            p.sub_unit,
            p.job,
            p.team,
            _days_text(p.roles),
            p.box,
            _yes(p.face),
            _yes(p.laptop),
            _yes(p.internet),
            _yes(p.approval),
            _yes(p.discipline),
            _yes(p.new),
            _yes(p.warning),
            _days_text(p.flex_days),
            _days_text(p.office_days),
            p.flex_wanted,
        ]
        for p in data.people
    )
    units = (
        [
            u.name,
            u.min_pct,
            u.min_people,
            u.desk_capacity,
            u.workdays,
            _yes(u.direct),
        ]
        for u in data.units
    )
    needs = (
        [n.unit, n.role, n.min_people, _days_text(n.days)]
        for n in data.role_needs
    )
    absences = (
        [a.nip, _moment(a.start), _moment(a.end), a.kind]
        for a in data.absences
    )
    requests = (
        [r.nip, _moment(r.date), r.day, r.mode, _yes(r.fixed), r.weight]
        for r in data.requests
    )
    policy = ([key, value] for key, value in data.policy)
    return {
        "Pegawai": people,
        "Unit": units,
        "Kebutuhan Peran": needs,
        "Ketidakhadiran": absences,
        "Permintaan": requests,
        "Kebijakan": policy,
    }


def write_workbook(data: Dataset, path: Path) -> None:
    """Write a data set to ``path`` as an input workbook (no checks).

    Parameters
    ----------
    data
        The data set.
    path
        The target file; overwritten if it exists.
    """
    # A normal (not write-only) workbook, because only it records each
    # sheet's dimension, which read-only readers rely on to size rows.
    book = Workbook()
    book.remove(book.worksheets[0])
    bold = Font(bold=True)
    for title, rows in _rows(data).items():
        sheet = book.create_sheet(title)
        columns = SHEETS[title]
        sheet.append([name for name, _ in columns])
        for column, (_, width) in enumerate(columns, start=1):
            sheet.cell(1, column).font = bold
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A2"
        for row in rows:
            sheet.append(row)
        for column, (name, _) in enumerate(columns, start=1):
            style = CELL_FORMATS.get(name)
            if style is None:
                continue
            for (cell,) in sheet.iter_rows(
                min_row=2, min_col=column, max_col=column
            ):
                cell.number_format = style
    book.save(path)


def save(data: Dataset, path: Path, force: bool = False) -> None:
    """Write a workbook atomically, refusing to overwrite unless forced.

    The workbook goes to a temporary file in the target's folder first
    and then replaces the target, so readers never see half a file.

    Parameters
    ----------
    data
        The data set.
    path
        The target file.
    force
        Overwrite an existing file.

    Raises
    ------
    FileExistsError
        If ``path`` exists and ``force`` is false.
    """
    if path.exists() and not force:
        raise FileExistsError(f"{path} exists; use --force to overwrite it.")
    handle, temporary = tempfile.mkstemp(
        suffix=".xlsx", prefix=f".{path.name}.", dir=path.parent
    )
    os.close(handle)
    try:
        write_workbook(data, Path(temporary))
        # mkstemp makes the file private; give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def summary(data: Dataset) -> str:
    """Describe a data set: head counts, failed rules, leave, requests.

    Parameters
    ----------
    data
        The data set.

    Returns
    -------
    str
        Several lines of plain text.
    """
    units = Counter(p.unit for p in data.people)
    failures = Counter(rule for p in data.people for rule in failed_rules(p))
    ineligible = sum(not is_eligible(p) for p in data.people)
    fixed = sum(r.fixed for r in data.requests)
    lines = [
        f"{len(data.people)} people in {len(data.units)} units, "
        f"{ineligible} not eligible",
    ]
    lines += [f"  {units[u.name]:5d}  {u.name}" for u in data.units]
    lines.append("failed rules:")
    lines += [f"  {failures[rule]:5d}  {rule}" for rule in RULES]
    kinds = Counter(a.kind for a in data.absences)
    absent = len({a.nip for a in data.absences})
    lines.append(
        f"{len(data.absences)} absences of {absent} people: "
        + ", ".join(f"{kinds[k]} {k}" for k in ABSENCE_KINDS)
    )
    lines.append(
        f"{len(data.requests)} requests: {fixed} fixed, "
        f"{len(data.requests) - fixed} wishes"
    )
    return "\n".join(lines)


BUILDERS: dict[str, Callable[[argparse.Namespace], Dataset]] = {
    "bureau": lambda args: bureau_dataset(args.seed),
    "province": lambda args: province_dataset(args.seed, args.people),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Parameters
    ----------
    argv
        Arguments without the program name; ``sys.argv[1:]`` when
        ``None``.

    Returns
    -------
    int
        0 on success, 1 when the target exists and ``--force`` is absent.
    """
    parser = argparse.ArgumentParser(
        prog="python -m examples.generate",
        description="Write a synthetic MKD planner input workbook.",
    )
    parser.add_argument("dataset", choices=sorted(BUILDERS))
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--people",
        type=int,
        default=PROVINCE_PEOPLE,
        help="head count of the province data set (at least 392)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite an existing file"
    )
    args = parser.parse_args(argv)
    # Refuse before spending time on generating.
    if args.output.exists() and not args.force:
        print(
            f"{args.output} exists; use --force to overwrite it.",
            file=sys.stderr,
        )
        return 1
    data = BUILDERS[args.dataset](args)
    save(data, args.output, force=args.force)
    print(f"wrote {args.output}")
    print(summary(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
