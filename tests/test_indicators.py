"""Indicator facts are read from indicator tables by column meaning; bad values become SchemaFailures."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lakip.ingest.model import Cell, Document, Table, TextBlock
from lakip.ingest.text_reader import read_text
from lakip.schemas import facts as F
from lakip.schemas.frames import validate_indicators
from lakip.schemas.indicators import clean_name, extract_indicators, realign
from lakip.schemas.roles import classify_tables

from conftest import SEED  # noqa: E402  (the seed beside the checkout, ../shared/seed)


def table(header: list[list[str]], rows: list[list[str]], caption: str | None = None,
          tid: str = "t1", order: int = 10) -> Table:
    """A small table from header rows and body rows of strings (page 3)."""
    return Table(id=tid, caption=caption, pages=(3,),
                 header=tuple(tuple(Cell(c, 3) for c in h) for h in header),
                 rows=tuple(tuple(Cell(c, 3) for c in r) for r in rows), engine="test", order=order)


def extract(*tables: Table, year: int | None = 2024, blocks: tuple[str, ...] = ()):
    """Facts and failures of a document made of these tables."""
    bl = tuple(TextBlock(text=t, page=1, order=i) for i, t in enumerate(blocks))
    doc = Document(path="x", sha256="0", kind="test", pages=(), blocks=bl, tables=tables)
    return extract_indicators(doc, classify_tables(doc), year=year)


def test_two_level_year_header_and_range_target() -> None:
    header = [["No", "Sasaran Strategis", "Indikator Sasaran", "2015", "2015", "2015", "2016", "2016", "2016"],
              ["", "", "", "Target", "Realisasi", "Persentase Capaian", "Target", "Realisasi", "Prosentase Capaian"]]
    t = table(header, [["1", "Menurunnya emisi", "Tingkat penurunan emisi GRK", "3 %", "3,19 %", "106,33%",
                        "5-6%", "11,45%", "190,83%"]])
    facts, failures = extract(t)
    assert not failures
    got = {(f.year, f.kind): f for f in facts}
    assert set(got) == {(y, k) for y in (2015, 2016) for k in ("target", "realisasi", "capaian")}
    rng = got[(2016, "target")].figure
    assert rng.kind == "range" and (rng.low, rng.high) == (5.0, 6.0)
    assert got[(2015, "realisasi")].figure.value == pytest.approx(3.19)
    assert got[(2015, "target")].unit == "%"  # no satuan column: the % of the figures
    assert got[(2016, "capaian")].source.column == "2016 / Prosentase Capaian"


def test_sasaran_carried_down_and_reset_by_tujuan() -> None:
    header = [["No", "Tujuan", "Sasaran", "Indikator", "Satuan", "Target"]]
    rows = [["1", "Meningkatnya pelayanan", "", "Indeks Kepuasan Masyarakat", "Indeks", "80"],
            ["", "", "Sasaran A", "Indikator A1", "%", "50"],
            ["", "", "", "Indikator A2", "%", "60"],
            ["", "", "Sasaran B", "Indikator B1", "Dokumen", "2"]]
    facts, _ = extract(table(header, rows), blocks=("PERJANJIAN KINERJA",))
    sas = {f.indikator: f.sasaran for f in facts}
    assert sas == {"Indeks Kepuasan Masyarakat": None, "Indikator A1": "Sasaran A",
                   "Indikator A2": "Sasaran A", "Indikator B1": "Sasaran B"}
    assert [f.position for f in facts] == [0, 1, 2, 3]
    assert {f.unit for f in facts} == {"indeks", "%", "dokumen"}


def test_tujuan_printed_in_sasaran_column_is_not_a_sasaran() -> None:
    renstra = table([["Tujuan", "Sasaran", "Indikator", "2024", "2025"]],
                    [["Meningkatkan Pelayanan Publik", "", "IKM", "72", "73"]], tid="a", order=1)
    eff = table([["Sasaran", "Indikator Sasaran", "Capaian Kinerja %", "Penyerapan Anggaran %"]],
                [["Meningkatkan Pelayanan Publik", "IKM", "100", "96,70"]], tid="b", order=2)
    facts, _ = extract(renstra, eff)
    assert all(f.sasaran is None for f in facts)


def test_year_from_parameter_then_caption() -> None:
    header = [["Indikator", "Target", "Realisasi", "Capaian"]]
    plain = table(header, [["I", "1", "1", "100"]])
    assert {f.year for f in extract(plain, year=2024)[0]} == {2024}
    captioned = table(header, [["I", "1", "1", "100"]], caption="Capaian Kinerja Tahun 2023")
    assert {f.year for f in extract(captioned, year=2024)[0]} == {2023}
    assert {f.year for f in extract(plain, year=None)[0]} == {None}


def test_text_value_is_a_schema_failure_not_a_crash() -> None:
    t = table([["Indikator", "Target", "Realisasi", "Capaian"]],
              [["I", "1", "tercapai", "100"], ["J", "2", "2", "100"]])
    facts, failures = extract(t)
    assert len(failures) == 1
    assert failures[0].row == 1 and failures[0].column == "Realisasi" and failures[0].value == "tercapai"
    assert len(facts) == 5


def test_money_columns_left_to_budget() -> None:
    header = [["Indikator", "Tahun 2024", "Tahun 2024", "Capaian", "Nama Program", "Keuangan", "Keuangan", "Keuangan"],
              ["", "Target", "Realisasi", "", "", "Pagu", "Realisasi", "%"]]
    t = table(header, [["I", "1,30", "100", "100", "Program A", "3.744.272.913", "3.610.861.236", "96,44"]])
    facts, _ = extract(t)
    assert sorted((f.kind, f.figure.text) for f in facts) == [("capaian", "100"), ("realisasi", "100"),
                                                              ("target", "1,30")]


def test_realign_shifted_row_and_clean_name() -> None:
    row = tuple(Cell(t) for t in ["", "4", "Sasaran D", "4 Persentase X", "1,07", "1,07", "100"])
    fixed = realign(row, [3, 4, 5])
    assert [c.text for c in fixed] == ["4", "Sasaran D", "4 Persentase X", "1,07", "1,07", "100", ""]
    unshifted = tuple(Cell(t) for t in ["1", "S", "I", "1,07", "1,07", "100", ""])
    assert realign(unshifted, [3, 4, 5]) == unshifted
    assert clean_name("4 Persentase rekomendasi Jumlah Inovasi") == "Persentase rekomendasi Jumlah Inovasi"
    assert clean_name("2.") == ""


def test_frame_validation_reports_failures_as_data() -> None:
    t = table([["Indikator", "Target"]], [["I", "1"]], caption="Perjanjian Kinerja")
    facts, _ = extract(t)
    assert validate_indicators(facts) == ()
    bad = replace(facts[0], year=1850, kind="perkiraan")
    failures = validate_indicators([bad])
    assert {f.column for f in failures} == {"year", "kind"}
    assert all(f.table_id == "t1" and f.row == 1 for f in failures)


@pytest.mark.skipif(not SEED.exists(), reason="seed report not present")
def test_seed_indicator_facts() -> None:
    doc = read_text(SEED)
    facts, failures = extract_indicators(doc, classify_tables(doc), year=2024)
    assert failures == ()
    assert validate_indicators(facts) == ()
    roles = {f.role for f in facts}
    assert roles == {F.ROLE_SUMMARY, F.ROLE_RENSTRA, F.ROLE_PK_INDICATORS, F.ROLE_CAPAIAN, F.ROLE_COMPARISON,
                     F.ROLE_RENSTRA_COMPARISON, F.ROLE_ANALYSIS, F.ROLE_EFFICIENCY, F.ROLE_PROGRAM_ANALYSIS}
    sop_targets = sorted(f.figure.text for f in facts
                         if f.indikator == "Tersedianya SOP" and f.kind == "target" and f.year == 2024)
    assert sop_targets.count("2,15") == 2 and sop_targets.count("1,15") == 6
    t37 = [f for f in facts if f.source.table == "Tabel 3.7" and f.kind == "realisasi"]
    assert {f.figure.value for f in t37} == {100.0}
    assert t37[1].source.row == 2 and t37[1].source.column == "Tahun 2024 / Realisasi"
    old = [f for f in facts if f.year == 2023]
    assert sorted(f.figure.text for f in old if f.kind == "realisasi") == ["0,07", "0,15", "0,24", "0,30", "71,89"]
    shifted = [f for f in facts if f.source.table == "Tabel 3.5" and f.source.row == 5]
    assert {(f.kind, f.figure.text) for f in shifted} == {("target", "1,07"), ("realisasi", "1,07"), ("capaian", "100")}
    assert shifted[0].indikator == "Persentase rekomendasi Jumlah Inovasi"
    assert shifted[0].sasaran == "Terciptanya Inovasi Pelayanan Publik"


def test_number_with_unit_word() -> None:
    t = table([["Sasaran", "Indikator", "Target"]], [["S", "Jumlah lokasi PROKLIM", "61 kampung"]],
              caption="Perjanjian Kinerja")
    facts, failures = extract(t)
    assert not failures
    assert (facts[0].figure.value, facts[0].satuan, facts[0].unit) == (61.0, "kampung", "kampung")


def test_an_untitled_table_is_named_by_its_page() -> None:
    header = [["SASARAN", "SASARAN", "TINGKAT CAPAIAN", "TINGKAT CAPAIAN", "Persentase Capaian", "Ket"],
              ["Uraian", "Indikator", "Target 2016", "Realisasi", "", ""]]
    t = table(header, [["Sasaran A", "Indeks Kualitas Udara", "60", "66,24", "110,40%", ""]])
    facts, _ = extract(t, year=2016, blocks=("Adapun pencapaian kinerja pada tahun 2016 adalah sebagai berikut :",))
    assert facts and {f.source.table for f in facts} == {"tabel hlm. 3"}  # never an internal id such as 't10'
    titled = table(header, [["Sasaran A", "Indeks Kualitas Udara", "60", "66,24", "110,40%", ""]],
                   caption="Tabel 3.1 Pengukuran Kinerja")
    facts, _ = extract(titled, year=2016)
    assert {f.source.table for f in facts} == {"Tabel 3.1"}
