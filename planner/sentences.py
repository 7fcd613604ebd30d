"""Penalties, findings and conflicts told as sentences, in two languages."""

from __future__ import annotations

from collections.abc import Mapping

from models import EmployeeId, format_date
from planner.build import Finding, TagInfo
from planner.result import PaidPenalty

# (Indonesian, English) per kind; placeholders: who, date, week and the
# tag's own values.
_PENALTY: dict[str, tuple[str, str]] = {
    "requested": (
        "{who}: pada minggu {week} mendapat {short:g} hari fleksibel "
        "lebih sedikit dari {days:g} yang diminta dan dapat diberikan.",
        "{who}: in the week of {week} got {short:g} flexible {short_days} "
        "fewer than the {days:g} requested and possible.",
    ),
    "requested_period": (
        "{who}: selama periode mendapat {short:g} hari fleksibel lebih "
        "sedikit dari yang diminta.",
        "{who}: over the period got {short:g} flexible {short_days} fewer "
        "than requested.",
    ),
    "wish": (
        "{who}: permintaan {mode} pada {date} tidak dipenuhi.",
        "{who}: the wish for {mode} on {date} was not met.",
    ),
    "preferred_flexible": (
        "{who}: hari fleksibel pilihan {date} tidak dipenuhi.",
        "{who}: the preferred flexible day {date} was not met.",
    ),
    "preferred_office": (
        "{who}: hari kantor pilihan {date} tidak dipenuhi.",
        "{who}: the preferred office day {date} was not met.",
    ),
    "team": (
        "Tim {team}: tidak ada hari kantor bersama pada minggu {week}.",
        "Team {team}: no common office day in the week of {week}.",
    ),
    "balance": (
        "{date}: {amount} orang di bawah jumlah rata-rata di kantor minggu "
        "itu ({level} orang).",
        "{date}: {amount} {amount_people} below the week's even on-site "
        "level ({level} {level_people}).",
    ),
    "change": (
        "{who}: {date} berubah dari jadwal sebelumnya ({mode}).",
        "{who}: {date} changed from the previous roster ({mode}).",
    ),
    "coverage": (
        "{date}: {amount} orang kurang dari {required} orang yang wajib di "
        "kantor.",
        "{date}: {amount} {amount_people} short of the {required} required "
        "on site.",
    ),
    "role": (
        "{date}: {amount} orang berperan {role} kurang dari {required} "
        "yang wajib di kantor.",
        "{date}: {amount} {amount_people} with role {role} short of the "
        "{required} required on site.",
    ),
}

_FINDING: dict[str, tuple[str, str]] = {
    "coverage": (
        "{date}: paling sedikit {required} orang harus di kantor, tetapi "
        "hanya {present} yang hadir ({absent} tidak hadir).",
        "{date}: at least {required} must be on site but only {present} "
        "are present ({absent} absent).",
    ),
    "role": (
        "{date}: paling sedikit {required} orang berperan {role} harus di "
        "kantor, tetapi hanya {present} dari {holders} yang hadir.",
        "{date}: at least {required} {required_people} with role {role} "
        "must be on site but only {present} of {holders} are present.",
    ),
    "desks": (
        "{date}: hanya ada {capacity} meja, tetapi {fixed} orang harus di "
        "kantor (tidak layak fleksibel, wajib di kantor, atau jam "
        "kantornya tidak menyisakan hari fleksibel) dan {required} orang "
        "wajib di kantor menurut cakupan.",
        "{date}: there are only {capacity} {capacity_desks}, but {fixed} "
        "{fixed_people} must be on site (not eligible for flexible work, "
        "fixed at the office, or with on-site hours that leave no flexible "
        "day) and coverage asks for {required}.",
    ),
    "fixed_holiday": (
        "{who}: permintaan wajib {mode} pada {date}, padahal hari itu libur "
        "({name}). Hapus permintaan itu atau ubah tanggalnya.",
        "{who}: a fixed request for {mode} on {date}, which is a holiday "
        "({name}). Remove the request or change its date.",
    ),
    "fixed_absent": (
        "{who}: permintaan wajib {mode} pada {date}, padahal ia tidak hadir "
        "({label}). Hapus permintaan itu atau periksa ketidakhadirannya.",
        "{who}: a fixed request for {mode} on {date}, while absent "
        "({label}). Remove the request or check the absence.",
    ),
    "fixed_organisation_day": (
        "{who}: permintaan wajib kantor pada {date}, padahal pada hari itu "
        "semua pegawai bekerja fleksibel (hari fleksibel organisasi).",
        "{who}: a fixed request for the office on {date}, a day on which "
        "everyone works flexibly (organisation-wide flexible day).",
    ),
    "fixed_not_eligible": (
        "{who}: permintaan wajib fleksibel pada {date}, padahal ia tidak "
        "layak bekerja fleksibel (lihat lembar Kelayakan).",
        "{who}: a fixed request for flexible work on {date}, but not "
        "eligible for flexible work (see sheet Eligibility).",
    ),
    "fixed_over_cap": (
        "{who}: pada minggu {week} ada {fixed} hari fleksibel wajib dan "
        "{organisation} hari fleksibel organisasi, lebih dari batas "
        "{cap:g} hari fleksibel seminggu.",
        "{who}: in the week of {week}, {fixed} fixed flexible {fixed_days} "
        "and {organisation} organisation-wide flexible {organisation_days} "
        "exceed the cap of {cap:g} flexible {cap_days} a week.",
    ),
    "fixed_regular_hours": (
        "{who}: pada minggu {week} hari fleksibel wajib hanya menyisakan "
        "{possible:g} jam di kantor, kurang dari {needed:g} jam yang wajib.",
        "{who}: in the week of {week} the fixed flexible days leave only "
        "{possible:g} on-site hours, fewer than the {needed:g} required.",
    ),
}

_CONFLICT: dict[str, tuple[str, str]] = {
    "coverage": (
        "{date}: paling sedikit {required} orang di kantor.",
        "{date}: at least {required} {required_people} on site.",
    ),
    "role": (
        "{date}: paling sedikit {required} orang berperan {role} di kantor.",
        "{date}: at least {required} {required_people} with role {role} on "
        "site.",
    ),
    "desks": (
        "{date}: paling banyak {capacity} orang di kantor (kapasitas meja).",
        "{date}: at most {capacity} {capacity_people} on site (desk "
        "capacity).",
    ),
    "regular_hours": (
        "{who}: paling sedikit {hours:g} jam di kantor pada minggu {week}.",
        "{who}: at least {hours:g} on-site hours in the week of {week}.",
    ),
    "flexible_cap": (
        "{who}: paling banyak {days:g} hari fleksibel pada minggu {week}.",
        "{who}: at most {days:g} flexible {days_days} in the week of {week}.",
    ),
    "consecutive": (
        "{who}: paling banyak {days} hari fleksibel berturut-turut.",
        "{who}: at most {days} flexible {days_days} in a row.",
    ),
    "fixed": (
        "{who}: penugasan wajib {mode} pada {date}.",
        "{who}: fixed assignment to {mode} on {date}.",
    ),
    "not_eligible": (
        "{who}: tidak layak fleksibel, jadi di kantor pada {date}.",
        "{who}: not eligible, so on site on {date}.",
    ),
    "absent": (
        "{who}: tidak hadir ({label}) pada {date}.",
        "{who}: absent ({label}) on {date}.",
    ),
    "holiday": (
        "{date} adalah hari libur ({name}).",
        "{date} is a holiday ({name}).",
    ),
    "organisation_day": (
        "{who}: {date} hari fleksibel seluruh organisasi.",
        "{who}: {date} is an organisation-wide flexible day.",
    ),
}

_BREACH: dict[str, tuple[str, str]] = {
    "coverage": (
        "{date}: {required} orang wajib di kantor, jadwal menempatkan "
        "{actual}.",
        "{date}: {required} required on site, {actual} planned.",
    ),
    "role": (
        "{date}: {required} orang berperan {role} wajib di kantor, jadwal "
        "menempatkan {actual}.",
        "{date}: {required} {required_people} with role {role} required "
        "on site, {actual} planned.",
    ),
    "desks": (
        "{date}: paling banyak {capacity} orang di kantor (kapasitas "
        "meja), jadwal menempatkan {actual}.",
        "{date}: at most {capacity} on site (desk capacity), {actual} "
        "planned.",
    ),
    "regular_hours": (
        "{who}: minggu {week}: {hours:g} jam di kantor wajib, jadwal "
        "memberi {actual:g} jam.",
        "{who}: week of {week}: {hours:g} h on site required, {actual:g} h "
        "planned.",
    ),
    "flexible_cap": (
        "{who}: minggu {week}: paling banyak {days:g} hari fleksibel, "
        "jadwal memberi {actual:g} hari.",
        "{who}: week of {week}: at most {days:g} flexible {days_days}, "
        "{actual:g} planned.",
    ),
    "consecutive": (
        "{who}: paling banyak {days} hari fleksibel berturut-turut, jadwal "
        "memberi {actual} hari berturut-turut.",
        "{who}: at most {days} flexible {days_days} in a row, {actual} "
        "planned in a row.",
    ),
    "fixed": (
        "{who}: penugasan wajib {mode} pada {date}, jadwal menulis {actual}.",
        "{who}: fixed assignment to {mode} on {date}, the roster says "
        "{actual}.",
    ),
    "not_eligible": (
        "{who}: tidak layak fleksibel, jadi di kantor pada {date}; jadwal "
        "menulis {actual}.",
        "{who}: not eligible, so on site on {date}; the roster says {actual}.",
    ),
    "absent": (
        "{who}: tidak hadir ({label}) pada {date} menurut masukan; jadwal "
        "menulis {actual}.",
        "{who}: absent ({label}) on {date} by the input; the roster says "
        "{actual}.",
    ),
    "holiday": (
        "{date} adalah hari libur ({name}); jadwal menulis {actual} untuk "
        "{who}.",
        "{date} is a holiday ({name}); the roster says {actual} for {who}.",
    ),
    "organisation_day": (
        "{who}: {date} hari fleksibel seluruh organisasi; jadwal menulis "
        "{actual}.",
        "{who}: {date} is an organisation-wide flexible day; the roster "
        "says {actual}.",
    ),
}

# The kinds of the notes sheet, in words.
_KINDS: dict[str, tuple[str, str]] = {
    "requested": ("hari fleksibel kurang", "flexible days short"),
    "requested_period": (
        "hari fleksibel kurang (periode)",
        "flexible days short (period)",
    ),
    "wish": ("permintaan", "wish"),
    "preferred_flexible": ("hari fleksibel pilihan", "preferred flexible day"),
    "preferred_office": ("hari kantor pilihan", "preferred office day"),
    "team": ("hari tim", "team day"),
    "balance": ("pemerataan", "balance"),
    "change": ("perubahan jadwal", "change"),
    "coverage": ("kekurangan cakupan", "coverage shortfall"),
    "role": ("kekurangan peran", "role shortfall"),
    "infeasible": ("tidak mungkin", "infeasible"),
    "no_roster": ("tanpa jadwal", "no roster"),
}

_MODES = {
    "office": ("kantor", "office"),
    "flexible": ("fleksibel", "flexible"),
    "split": ("sebagian", "split"),
    "absent": ("cuti / tidak hadir", "absent"),
    "holiday": ("libur", "holiday"),
    "off": ("bukan hari kerja", "not a working day"),
}

# English nouns that a count placeholder ``{n}`` may be followed by, as
# ``{n_people}``, ``{n_days}`` or ``{n_desks}``.
_NOUNS = {
    "people": ("person", "people"),
    "days": ("day", "days"),
    "desks": ("desk", "desks"),
}


def mode_words(mode: str, lang: str) -> str:
    """A mode (``office``, ``absent`` ...) in words."""
    indonesian, english = _MODES.get(mode, (mode, mode))
    return english if lang == "en" else indonesian


def kind_name(kind: str, lang: str) -> str:
    """The kind of a note (``wish``, ``balance`` ...) in words."""
    indonesian, english = _KINDS.get(kind, (kind, kind))
    return english if lang == "en" else indonesian


def _plurals(values: Mapping[str, object]) -> dict[str, str]:
    """English nouns agreeing with every number among the values."""
    out = {}
    for key, value in values.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            for noun, (one, many) in _NOUNS.items():
                out[f"{key}_{noun}"] = one if value == 1 else many
    return out


def _fill(
    templates: Mapping[str, tuple[str, str]],
    info: TagInfo | Finding,
    lang: str,
    names: Mapping[EmployeeId, str],
    extra: Mapping[str, object],
) -> str:
    """Fill a sentence template from a tag or finding."""
    indonesian, english = templates[info.kind]
    values: dict[str, object] = dict(info.values)
    mode = values.get("mode")
    if isinstance(mode, str) and mode in _MODES:
        values["mode"] = mode_words(mode, lang)
    nip = getattr(info, "nip", None)
    if nip is not None:
        values["who"] = f"{names.get(nip, nip)} ({nip})"
    if info.date is not None:
        values["date"] = format_date(info.date, lang)
        values["week"] = format_date(info.date, lang)
    values.update(extra)
    values.update(_plurals(values))
    return (english if lang == "en" else indonesian).format(**values)


def penalty_sentence(
    penalty: PaidPenalty, lang: str, names: Mapping[EmployeeId, str]
) -> str:
    """A paid penalty: who, which day, which wish or rule."""
    short = penalty.amount / 2
    return _fill(
        _PENALTY,
        penalty.info,
        lang,
        names,
        {"amount": penalty.amount, "short": short},
    )


def finding_sentence(finding: Finding, lang: str) -> str:
    """A reason, found before solving, that a unit has no roster."""
    return _fill(_FINDING, finding, lang, {}, {})


def conflict_sentence(
    info: TagInfo, lang: str, names: Mapping[EmployeeId, str]
) -> str:
    """One rule of a set that cannot hold together."""
    return _fill(_CONFLICT, info, lang, names, {})


def breach_sentence(
    info: TagInfo,
    lang: str,
    names: Mapping[EmployeeId, str],
    actual: object,
) -> str:
    """A hard rule a roster breaks, with what the roster has instead.

    ``actual`` is the roster's figure (people on site, hours, days in a
    row) or, for a rule about one day, the mode it says.
    """
    if isinstance(actual, str):
        actual = mode_words(actual, lang)
    return _fill(_BREACH, info, lang, names, {"actual": actual})
