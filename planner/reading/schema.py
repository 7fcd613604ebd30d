"""The input workbook's sheets and columns, in Indonesian and English.

Each sheet and column has an Indonesian name (what the template writes)
and an English alias; both are accepted, matched by :func:`normalise`.
"""

from __future__ import annotations

from dataclasses import dataclass


def normalise(name: str) -> str:
    """Fold a header for matching: case, outer and repeated spaces."""
    return " ".join(str(name).split()).casefold()


@dataclass(frozen=True)
class Column:
    """A column of an input sheet.

    Attributes
    ----------
    key
        The English alias, also the key under which a row's value is kept.
    name
        The Indonesian header the template writes.
    required
        Whether the sheet is unusable without it.
    """

    key: str
    name: str
    required: bool = False


@dataclass(frozen=True)
class Sheet:
    """A sheet of the input workbook, with its columns."""

    key: str
    name: str
    columns: tuple[Column, ...]
    required: bool = False

    def names(self) -> set[str]:
        """Accepted sheet names, normalised."""
        return {normalise(self.name), normalise(self.key)}

    def column_for(self, header: str) -> Column | None:
        """The column a header names, or ``None``."""
        wanted = normalise(header)
        for column in self.columns:
            if wanted in (normalise(column.name), normalise(column.key)):
                return column
        return None


YES_NO_COLUMNS = (
    Column("face_to_face", "Layanan Tatap Muka"),
    Column("laptop", "Laptop"),
    Column("internet", "Internet"),
    Column("approved", "Persetujuan Atasan"),
    Column("disciplinary", "Hukuman Disiplin"),
    Column("newly_placed", "Pegawai Baru"),
    Column("performance_warning", "Peringatan Kinerja"),
)

READINESS_KEYS = ("laptop", "internet", "approved")
"""Yes/no columns whose absence from the sheet deserves a warning."""

EMPLOYEES = Sheet(
    "Employees",
    "Pegawai",
    (
        Column("nip", "NIP", required=True),
        Column("name", "Nama", required=True),
        Column("unit", "Unit", required=True),
        Column("sub_unit", "Sub Unit"),
        Column("position", "Jabatan"),
        Column("team", "Tim"),
        Column("roles", "Peran"),
        Column("talent_box", "Kotak Talenta"),
        Column("performance", "Kinerja"),
        Column("potential", "Potensi"),
        *YES_NO_COLUMNS,
        Column("preferred_flexible_days", "Hari Fleksibel Pilihan"),
        Column("preferred_office_days", "Hari Kantor Pilihan"),
        Column("requested_flexible_days", "Jumlah Hari Fleksibel Diminta"),
    ),
    required=True,
)

UNITS = Sheet(
    "Units",
    "Unit",
    (
        Column("unit", "Unit", required=True),
        Column("min_onsite_share", "Minimal Hadir (%)"),
        Column("min_onsite_people", "Minimal Hadir (Orang)"),
        Column("desk_capacity", "Kapasitas Meja"),
        Column("working_days", "Hari Kerja"),
        Column("direct_service", "Layanan Langsung"),
    ),
    required=True,
)

ROLE_COVER = Sheet(
    "Role Cover",
    "Kebutuhan Peran",
    (
        Column("unit", "Unit", required=True),
        Column("role", "Peran", required=True),
        Column("min_onsite_people", "Minimal Hadir (Orang)", required=True),
        Column("days", "Hari"),
    ),
)

ABSENCES = Sheet(
    "Absences",
    "Ketidakhadiran",
    (
        Column("nip", "NIP", required=True),
        Column("start", "Mulai", required=True),
        Column("end", "Selesai", required=True),
        Column("kind", "Jenis"),
    ),
)

REQUESTS = Sheet(
    "Requests",
    "Permintaan",
    (
        Column("nip", "NIP", required=True),
        Column("date", "Tanggal"),
        Column("day", "Hari"),
        Column("mode", "Mode", required=True),
        Column("required", "Wajib"),
        Column("weight", "Bobot"),
    ),
)

POLICY = Sheet(
    "Policy",
    "Kebijakan",
    (
        Column("parameter", "Parameter", required=True),
        Column("value", "Nilai", required=True),
    ),
)

SHEETS = (EMPLOYEES, UNITS, ROLE_COVER, ABSENCES, REQUESTS, POLICY)
"""Every sheet, in the order the template writes them."""
