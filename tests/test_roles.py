"""Table roles are recognised by meaning: header words, number shapes, caption and context."""

from __future__ import annotations


import pytest

from lakip.ingest.model import Cell, Document, Table, TextBlock
from lakip.ingest.text_reader import read_text
from lakip.schemas import facts as F
from lakip.schemas.roles import classify_tables, column_specs, unit_name

from conftest import SEED  # noqa: E402  (the seed beside the checkout, ../shared/seed)


def table(header: list[list[str]], rows: list[list[str]], caption: str | None = None,
          order: int = 10, tid: str = "t1") -> Table:
    """A small table from header rows and body rows of strings."""
    return Table(id=tid, caption=caption, pages=(1,),
                 header=tuple(tuple(Cell(c, 1) for c in h) for h in header),
                 rows=tuple(tuple(Cell(c, 1) for c in r) for r in rows), engine="test", order=order)


def doc(*tables: Table, blocks: tuple[str, ...] = ()) -> Document:
    """A document holding these tables, with text blocks before them (order 0..n-1)."""
    bl = tuple(TextBlock(text=t, page=1, order=i) for i, t in enumerate(blocks))
    return Document(path="x", sha256="0", kind="test", pages=(), blocks=bl, tables=tables)


def role_of(t: Table, blocks: tuple[str, ...] = ()) -> F.TableInfo:
    """The TableInfo of a single table."""
    return classify_tables(doc(t, blocks=blocks))[0]


def test_capaian_with_variant_headers() -> None:
    t = table([["Indikator", "Satuan", "Target", "RELISASI", "Prosentase Capaian"]],
              [["Persentase jalan mantap", "%", "80", "82", "102,5"]])
    info = role_of(t)
    assert info.role == F.ROLE_CAPAIAN
    assert {"target", "realisasi", "capaian"} <= set(info.why)
    assert info.readable


def test_renstra_two_level_year_header() -> None:
    # readers repeat a spanning label over the columns it spans
    t = table([["Indikator", "Target Renstra", "Target Renstra", "Target Renstra"], ["", "2024", "2025", "2026"]],
              [["Indeks X", "1", "2", "3"]])
    assert role_of(t).role == F.ROLE_RENSTRA


def test_renstra_comparison_needs_realisasi_and_target_years() -> None:
    t = table([["Indikator", "Realisasi 2024", "Target Renstra PD", "Target Renstra PD"], ["", "", "2024", "2026"]],
              [["Indeks X", "1", "1", "3"]])
    assert role_of(t).role == F.ROLE_RENSTRA_COMPARISON


def test_two_years_of_target_and_realisasi_is_comparison() -> None:
    header = [["No", "Sasaran Strategis", "Indikator Sasaran", "2015", "2015", "2015", "2016", "2016", "2016"],
              ["", "", "", "Target", "Realisasi", "Persentase Capaian", "Target", "Realisasi", "Prosentase Capaian"]]
    t = table(header, [["1", "Meningkatnya X", "Tingkat penurunan emisi", "3 %", "3,19 %", "106,33%",
                        "5-6%", "11,45%", "190,83%"]])
    assert role_of(t).role == F.ROLE_COMPARISON


def test_pk_indicators_from_context_and_pk_budget() -> None:
    ind = table([["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"]],
                [["1.", "Meningkatnya X", "Indeks X", "Indeks", "72,89"]], order=2, tid="a")
    bud = table([["NO.", "PROGRAM", "ANGGARAN", "KET."]],
                [["1.", "Program Penunjang", "3.744.272.913", "APBD"]], order=3, tid="b")
    infos = classify_tables(doc(ind, bud, blocks=("PERJANJIAN KINERJA TAHUN 2024", "KECAMATAN X")))
    assert [i.role for i in infos] == [F.ROLE_PK_INDICATORS, F.ROLE_PK_BUDGET]
    assert infos[0].score > 0.8


def test_budget_and_unit_budget() -> None:
    header = [["No", "Program", "Anggaran", "Realisasi", "%"]]
    rows = [["1", "Program A", "126.599.750,00", "116.290.390,00", "91,86"],
            ["", "Jumlah", "126.599.750,00", "116.290.390,00", "91,86"]]
    unit = table(header, rows, caption="Desa Sukamaju")
    assert role_of(unit).role == F.ROLE_UNIT_BUDGET
    assert role_of(unit).unit == "Desa Sukamaju"
    plain = table(header, rows[:1], caption="Tabel 3.8 Rincian Realisasi Keuangan")
    assert role_of(plain).role == F.ROLE_BUDGET
    assert unit_name(doc(plain), plain) is None


def test_efficiency_and_program_analysis_and_strategy() -> None:
    eff = table([["No", "Sasaran", "Indikator Sasaran", "Capaian Kinerja %", "Penyerapan Anggaran %", "Tingkat Efisiensi %"]],
                [["1", "S", "I", "100", "96,44", "3,56"]])
    assert role_of(eff).role == F.ROLE_EFFICIENCY
    prog = table([["Indikator", "Target", "Realisasi", "Capaian", "Nama Program", "Keuangan", "Keuangan", "Keuangan"],
                  ["", "", "", "", "", "Pagu", "Realisasi", "%"]],
                 [["I", "1", "1", "100", "Program A", "3.744.272.913", "3.610.861.236", "96,44"]])
    assert role_of(prog).role == F.ROLE_PROGRAM_ANALYSIS
    strat = table([["Tujuan", "Sasaran", "Strategi", "Arah Kebijakan"]], [["T", "S", "Strategi A", "Kebijakan B"]])
    assert role_of(strat).role == F.ROLE_STRATEGY


def test_summary_only_inside_ringkasan() -> None:
    t = table([["No", "Sasaran", "Indikator Kinerja Sasaran", "Satuan", "Target", "Realisasi"]],
              [["1", "S", "I", "%", "1,30", "1,30"]], order=5)
    inside = classify_tables(doc(t, blocks=("RINGKASAN EKSEKUTIF", "Pencapaian kinerja")))[0]
    outside = classify_tables(doc(t, blocks=("BAB III AKUNTABILITAS KINERJA", "Pencapaian kinerja")))[0]
    assert inside.role == F.ROLE_SUMMARY
    assert outside.role == F.ROLE_CAPAIAN


def test_unreadable_when_no_numbers() -> None:
    t = table([["Indikator", "Target", "Realisasi", "Capaian"]], [["Indeks X", "tinggi", "sedang", "baik"]])
    info = role_of(t)
    assert info.role == F.ROLE_CAPAIAN
    assert not info.readable and info.problem


def test_column_specs_years_and_money() -> None:
    t = table([["No", "Indikator", "Tahun 2024", "Tahun 2024", "Keuangan"], ["", "", "Target", "Realisasi", "Realisasi"]],
              [["1", "I", "1", "1", "3.000.000"]])
    specs = column_specs(t)
    assert [(s.kind, s.year) for s in specs[2:4]] == [("target", 2024), ("realisasi", 2024)]
    assert specs[4].money


@pytest.mark.skipif(not SEED.exists(), reason="seed report not present")
def test_seed_roles() -> None:
    d = read_text(SEED)
    infos = classify_tables(d)
    assert len(infos) == len(d.tables)
    roles = [i.role for i in infos]
    assert roles.count(F.ROLE_UNIT_BUDGET) == 4
    assert {i.unit for i in infos if i.role == F.ROLE_UNIT_BUDGET} == {
        "Kelurahan Wailiti", "Kelurahan Hewuli", "Kelurahan Wuring", "Kelurahan Wolomarang"}
    expect = {
        "Tabel 2.1.": F.ROLE_RENSTRA, "Tabel 2. 2": F.ROLE_STRATEGY, "Tabel 3.1": F.ROLE_CAPAIAN,
        "Tabel 3.2": F.ROLE_COMPARISON, "Tabel 3.3": F.ROLE_RENSTRA_COMPARISON, "Tabel 3.5": F.ROLE_ANALYSIS,
        "Tabel. 3.6": F.ROLE_EFFICIENCY, "Tabel 3.7": F.ROLE_PROGRAM_ANALYSIS, "Tabel 3.8": F.ROLE_BUDGET,
    }
    for prefix, role in expect.items():
        [info] = [i for i in infos if (i.caption or "").startswith(prefix)]
        assert info.role == role, prefix
        assert info.readable
    assert roles.count(F.ROLE_PK_INDICATORS) == 2
    assert roles.count(F.ROLE_PK_BUDGET) == 1
    assert roles.count(F.ROLE_SUMMARY) == 1
    assert roles.count(F.ROLE_RENSTRA) == 2


def test_lowest_header_level_decides_value_columns() -> None:
    t = table([["No", "Sasaran Strategis", "Indikator Sasaran", "Indikator Sasaran", "Indikator Sasaran"],
               ["", "", "Uraian", "Satuan", "Target"]],
              [["1", "Meningkatnya X", "Indeks X", "Indeks", "60"]])
    assert [s.kind for s in column_specs(t)] == ["no", "sasaran", "indikator", "satuan", "target"]
    assert role_of(t).role == F.ROLE_PK_INDICATORS
    money = table([["SASARAN", "PROGRAM/KEGIATAN", "ANGGARAN", "REALISASI", "REALISASI"], ["", "", "(Rp.)", "Rp.", "%"]],
                  [["S", "Program A", "1.000.000.000", "900.000.000", "90"]])
    specs = column_specs(money)
    assert (specs[3].kind, specs[3].money) == ("realisasi", True)
    assert role_of(money).role == F.ROLE_BUDGET


def test_quarter_and_kegiatan_columns_are_not_indicator_values() -> None:
    t = table([["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA SASARAN", "Target Kinerja sasaran", "Target Kinerja sasaran",
                "PROGRAM /KEGIATAN", "INDIKATOR KEGIATAN", "TARGET KEGIATAN"],
               ["", "", "", "Trw I", "Trw II", "", "", ""]],
              [["1", "S", "I", "0", "46,48", "Kegiatan A", "Jumlah dokumen", "15 Dokumen"]])
    kinds = [s.kind for s in column_specs(t)]
    assert kinds[3:5] == ["period", "period"] and kinds[6:] == ["program_indikator", "program_value"]
    assert role_of(t).role == F.ROLE_UNKNOWN


def test_pencapaian_is_a_capaian_column_and_ket_is_not_an_analysis() -> None:
    t = table([["NO", "INDIKATOR KINERJA UTAMA", "TARGET RENSTRA TAHUN 2016", "REALISASI", "PENCAPAIAN", "KET"]],
              [["1", "Indeks Kualitas Udara", "60", "66,24", "110,40 %", ""]])
    assert [s.kind for s in column_specs(t)][3:5] == ["realisasi", "capaian"]
    assert role_of(t).role == F.ROLE_CAPAIAN  # a remark column does not make it an analysis of success/failure
    why = table([["Indikator", "Target", "Realisasi", "Capaian", "Analisis Penyebab"]],
                [["Indeks X", "60", "66", "110", "cuaca"]])
    assert role_of(why).role == F.ROLE_ANALYSIS


def test_realisasi_through_a_year_is_cumulative_not_that_years_value() -> None:
    t = table([["Indikator Sasaran", "Realisasi", "Realisasi", "Realisasi S/D Tahun 2016", "Target RPJMD 2016"],
               ["", "2015", "2016", "", ""]],
              [["Jumlah Taman KEHATI", "1", "6", "7", "-"]])
    kinds = [(s.kind, s.year) for s in column_specs(t)]
    assert kinds[1:3] == [("realisasi", 2015), ("realisasi", 2016)]
    assert kinds[3][0] == "cumulative"
    alone = table([["Program", "Anggaran", "Realisasi s.d. Tahun 2016"]], [["Program A", "1.000.000", "900.000"]])
    assert column_specs(alone)[2].kind == "realisasi"  # the only realisasi of the year stays the realisasi


def test_quarterly_realisation_table_is_a_budget_table() -> None:
    group = "Realisasi Kinerja Pada Triwulan I - IV Tahun 2023"
    t = table([["Urusan/Bidang Urusan/Program/Kegiatan", "Indikator Kinerja Program (Outcome)/Indikator Kinerja "
                "Kegiatan (Output)"] + [group] * 8 + ["Perangkat Daerah Penanggung Jawab"],
               ["", ""] + [q for q in ("I", "II", "III", "IV") for _ in (0, 1)] + [""],
               ["", ""] + ["K", "Rp"] * 4 + [""]],
              [["PROGRAM PENUNJANG URUSAN", "Nilai LKE", "", "4.459.597.101", "", "6.299.386.278", "", "", "", "",
                "Kec. A"],
               ["Administrasi Keuangan", "Persentase cakupan", "21,91%", "2.978.822.654", "30,63%",
                "4.163.767.640", "", "", "", "", "Kec. A"]])
    specs = column_specs(t)
    assert {s.kind for s in specs[2:10]} == {"period"}
    assert role_of(t).role == F.ROLE_BUDGET
    plan = table([["Program", "Indikator Kinerja", "Rencana Anggaran Triwulan I", "Rencana Anggaran Triwulan II"]],
                 [["Program A", "Indeks X", "1.000.000.000", "2.000.000.000"]])
    assert role_of(plan).role != F.ROLE_BUDGET  # a plan per quarter has no realisasi to check
