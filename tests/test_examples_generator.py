"""Tests of the example-workbook generator (``examples/generate.py``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from examples import generate
from examples.generate import (
    FLEXIBLE,
    RULES,
    SHEETS,
    Dataset,
    bureau_dataset,
    coverage_problems,
    failed_rules,
    is_eligible,
    main,
    province_dataset,
    write_workbook,
)

EXAMPLES = Path(generate.__file__).parent
SMALL_PROVINCE = 600
"""Head count of the quick province runs; the full one takes seconds."""

Sheets = dict[str, list[tuple[Any, ...]]]


def read(path: Path) -> Sheets:
    """Return every sheet's rows, header included, as plain values."""
    book = load_workbook(path, read_only=True)
    try:
        return {
            sheet.title: [
                tuple(row) for row in sheet.iter_rows(values_only=True)
            ]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def records(sheets: Sheets, title: str) -> list[dict[str, Any]]:
    """Return one sheet's data rows as header-keyed dictionaries."""
    header, *rows = sheets[title]
    return [dict(zip(header, row, strict=True)) for row in rows]


def written(data: Dataset, path: Path) -> Sheets:
    """Write a data set and read it back."""
    write_workbook(data, path)
    return read(path)


@pytest.fixture(scope="module")
def bureau(tmp_path_factory: pytest.TempPathFactory) -> Sheets:
    """The bureau workbook for the default seed, as written."""
    path = tmp_path_factory.mktemp("bureau") / "biro.xlsx"
    return written(bureau_dataset(), path)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Sheets:
    """A small province workbook for the default seed, as written."""
    path = tmp_path_factory.mktemp("province") / "provinsi.xlsx"
    return written(province_dataset(people=SMALL_PROVINCE), path)


def both(bureau: Sheets, province: Sheets) -> list[Sheets]:
    """Both example workbooks, for checks that hold for each."""
    return [bureau, province]


def test_same_seed_gives_same_data(tmp_path: Path) -> None:
    """Two runs with one seed write identical cell values."""
    first = written(bureau_dataset(7), tmp_path / "a.xlsx")
    second = written(bureau_dataset(7), tmp_path / "b.xlsx")
    other = written(bureau_dataset(8), tmp_path / "c.xlsx")
    assert first == second
    assert first != other


def test_same_seed_gives_same_province(tmp_path: Path) -> None:
    """The province data set, too, depends on the seed only."""
    first = written(province_dataset(3, 500), tmp_path / "a.xlsx")
    second = written(province_dataset(3, 500), tmp_path / "b.xlsx")
    assert first == second


def test_headers_are_the_contract(bureau: Sheets, province: Sheets) -> None:
    """Every sheet exists with the exact headers, in order."""
    for sheets in both(bureau, province):
        assert list(sheets) == list(SHEETS)
        for title, columns in SHEETS.items():
            assert sheets[title][0] == tuple(name for name, _ in columns)


def test_headers_bold_and_frozen(tmp_path: Path) -> None:
    """Headers are bold, the header row frozen, columns widened."""
    path = tmp_path / "biro.xlsx"
    write_workbook(bureau_dataset(), path)
    book = load_workbook(path)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.column_dimensions["A"].width > 8


def _nip_problem(nip: str) -> str | None:
    """Say what is wrong with a NIP, or ``None``."""
    if len(nip) != 18 or not nip.isdigit():
        return "not 18 digits"
    try:
        born = dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return "birth date"
    if not 1965 <= born.year <= 2000:
        return "birth year"
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year > 2025:
        return "appointment"
    if (year, month) <= (born.year + 18, born.month):
        return "appointed before 18"
    if nip[14] not in "12":
        return "sex"
    if nip[15:] == "000":
        return "sequence"
    return None


def test_nips_valid_unique_and_text(bureau: Sheets, province: Sheets) -> None:
    """NIPs are well formed, unique and stored as text."""
    for sheets in both(bureau, province):
        nips = [row["NIP"] for row in records(sheets, "Pegawai")]
        assert all(isinstance(nip, str) for nip in nips)
        assert {
            nip: _nip_problem(nip) for nip in nips if _nip_problem(nip)
        } == {}
        assert len(set(nips)) == len(nips)


def test_nip_cells_formatted_as_text(tmp_path: Path) -> None:
    """NIP cells carry the text format, so Excel never rounds them."""
    path = tmp_path / "biro.xlsx"
    write_workbook(bureau_dataset(), path)
    book = load_workbook(path)
    for title in ("Pegawai", "Ketidakhadiran", "Permintaan"):
        cells = [row[0] for row in book[title].iter_rows(min_row=2)]
        assert cells
        assert all(cell.number_format == "@" for cell in cells)
        assert all(cell.data_type == "s" for cell in cells)


def test_references_exist(bureau: Sheets, province: Sheets) -> None:
    """Every unit and NIP referred to is defined."""
    for sheets in both(bureau, province):
        units = {row["Unit"] for row in records(sheets, "Unit")}
        people = records(sheets, "Pegawai")
        nips = {row["NIP"] for row in people}
        assert {row["Unit"] for row in people} == units
        assert {row["Unit"] for row in records(sheets, "Kebutuhan Peran")} <= (
            units
        )
        for title in ("Ketidakhadiran", "Permintaan"):
            assert {row["NIP"] for row in records(sheets, title)} <= nips


def test_absences_well_formed(bureau: Sheets, province: Sheets) -> None:
    """Absences are dated, known kinds, and never overlap for a person."""
    for sheets in both(bureau, province):
        spans: dict[str, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(
            list
        )
        for row in records(sheets, "Ketidakhadiran"):
            assert isinstance(row["Mulai"], dt.datetime)
            assert row["Selesai"] >= row["Mulai"]
            assert row["Jenis"] in ("Cuti", "Sakit", "Dinas Luar", "Diklat")
            spans[row["NIP"]].append((row["Mulai"], row["Selesai"]))
        for nip, mine in spans.items():
            mine.sort()
            for (_, end), (start, _) in pairwise(mine):
                assert start > end, nip


def test_values_in_range(bureau: Sheets, province: Sheets) -> None:
    """Yes/no columns, boxes, day names and requests use legal values."""
    days = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
    for sheets in both(bureau, province):
        for row in records(sheets, "Pegawai"):
            assert row["Kotak Talenta"] in (None, *range(1, 10))
            assert row["Jumlah Hari Fleksibel Diminta"] in (None, *range(6))
            for column in ("Laptop", "Internet", "Pegawai Baru"):
                assert row[column] in ("Ya", "Tidak")
            for column in ("Hari Fleksibel Pilihan", "Hari Kantor Pilihan"):
                assert set((row[column] or "Senin").split(", ")) <= days
        for row in records(sheets, "Unit"):
            # A blank share follows the policy.
            share = row["Minimal Hadir (%)"]
            assert share is None or 0 <= share <= 100
            assert row["Hari Kerja"] in (5, 6)
        for row in records(sheets, "Permintaan"):
            assert (row["Tanggal"] is None) != (row["Hari"] is None)
            assert row["Mode"] in ("Kantor", "Fleksibel")
            assert row["Bobot"] is None or row["Bobot"] >= 1


def test_fixed_requests_consistent() -> None:
    """Fixed requests: eligible people, one a week, never while absent."""
    for data in (bureau_dataset(), province_dataset(people=SMALL_PROVINCE)):
        people = {p.nip: p for p in data.people}
        absent = {a.nip for a in data.absences}
        fixed = [r for r in data.requests if r.fixed]
        assert fixed
        assert all(is_eligible(people[r.nip]) for r in fixed)
        assert not {r.nip for r in fixed} & absent
        flexible = [r.nip for r in fixed if r.mode == FLEXIBLE]
        assert len(flexible) == len(set(flexible))


def test_examples_are_feasible() -> None:
    """A roster meeting every rule exists under the 2025 rule."""
    assert coverage_problems(bureau_dataset()) == []
    assert coverage_problems(province_dataset(people=SMALL_PROVINCE)) == []


def test_bureau_shape() -> None:
    """About 60 people in four sub units; every rule fails for someone.

    The sub units are units of their own (each keeps its own services),
    with the Tata Usaha counter a small direct-service unit; two units
    take the policy's share, so that scenarios on the share change them.
    """
    data = bureau_dataset()
    assert len({p.sub_unit for p in data.people}) == 4
    assert len(data.units) == 5
    assert 55 <= len(data.people) <= 65
    failures = {rule for p in data.people for rule in failed_rules(p)}
    assert failures == set(RULES)
    direct = {u.name for u in data.units if u.direct}
    assert len(direct) == 1
    assert 0 < sum(p.unit in direct for p in data.people) <= 3
    assert sum(u.min_pct is None for u in data.units if not u.direct) >= 2
    assert {n.role for n in data.role_needs} == {"pimpinan", "loket"}
    assert {a.kind for a in data.absences} == {
        "Cuti",
        "Sakit",
        "Dinas Luar",
        "Diklat",
    }


def test_committed_bureau_matches_generator(bureau: Sheets) -> None:
    """The committed bureau workbook is what the default seed writes."""
    assert read(EXAMPLES / "biro-organisasi.xlsx") == bureau


def test_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing file survives unless --force is given."""
    target = tmp_path / "biro.xlsx"
    target.write_bytes(b"keep me")
    assert main(["bureau", "-o", str(target)]) == 1
    assert target.read_bytes() == b"keep me"
    assert "--force" in capsys.readouterr().err
    assert main(["bureau", "-o", str(target), "--force"]) == 0
    assert read(target)["Unit"][0][0] == "Unit"
    assert [p.name for p in tmp_path.iterdir()] == ["biro.xlsx"]


def test_province_people_option(tmp_path: Path) -> None:
    """--people sets the province head count, spread over all agencies."""
    target = tmp_path / "provinsi.xlsx"
    code = main(["province", "-o", str(target), "--people", "500"])
    assert code == 0
    sheets = read(target)
    assert len(sheets["Pegawai"]) == 501
    assert len(sheets["Unit"]) == 50
    assert sheets["Kebijakan"] == [("Parameter", "Nilai")]
