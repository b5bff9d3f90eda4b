"""The two real published reports, checked end to end as an inspector would read them.

Every expected finding below was verified on the rendered page; every table
assertion was read off the page image. Only the rules that read indicators and
budgets are pinned here (T3xx, B401–B405); the text-side rules are tested by
their owners.

* ``jabar2016_bplhd_lkip.pdf`` (LKIP 2016 BPLHD Provinsi Jawa Barat, 52 pages):
  - T301 p.12/23: Target 2016 of "Pencapaian Status Mutu …" is 42,5 in Tabel 2.1,
    2.2, 3.1, 3.2 and two untitled tables, but "11.2-11.7%" as Target RPJMD 2016
    in Tabel 3.3.
  - T305 p.16/23: Realisasi 2016 of "Indeks Kualitas Udara" is 66,24 in Tabel
    3.1/3.2 and p.17, but 60 in Tabel 3.3.
  - T304 p.17: capaian printed 132,5% where 56,12 / 42,5 gives 132,05 %.
  - B402 p.26/33-35: penyerapan 88,05 % of the first sasaran in Tabel 3.4, while
    its 27 kegiatan in Tabel 3.5 add up to 37.044.781.958 / 42.085.425.000 = 88,02 %.
  - B404 p.28/30/32 vs Tabel 3.5: the narrative gives the alokasi of three
    kegiatan as 1.170.232.000 (table: 1.200.000.000), 400.000.000 (table:
    1.177.070.000) and 6.431.000.000 (table: 225.000.000).
* ``tangsel2023_kewilayahan2_kecamatan_realisasi_triwulan.pdf`` (15 landscape
  pages, one quarterly realisation table of four kecamatan):
  - B401 p.12: the Triwulan I and II totals of KECAMATAN SETU are not the sum
    of the programs listed under it (the document ends on p.15 before the
    kecamatan's last program); every other kecamatan, program and kegiatan adds
    up in both quarters.
* The two documents that are not LKjIP are recognised for what they are and
  get only the rules that apply: ``jabar2017_dinkes_perjanjian_kinerja.docx``
  (a Perjanjian Kinerja: no chapters, no realisasi) and
  ``banyuwangi2025-2029_kec_muncar_renstra.pdf`` (a Renstra: five-year targets).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lakip.config import Settings
from lakip.pipeline import Result, check_file
from lakip.schemas.facts import (
    KIND_CAPAIAN, KIND_REALISASI, KIND_TARGET, LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_UNIT,
    ROLE_BUDGET, ROLE_CAPAIAN, ROLE_COMPARISON, ROLE_EFFICIENCY, BudgetLine, Facts,
)

JABAR = "jabar2016_bplhd_lkip.pdf"
TANGSEL = "tangsel2023_kewilayahan2_kecamatan_realisasi_triwulan.pdf"
STATUS_MUTU = "Pencapaian Status Mutu Sungai Utama Dan Waduk Besar Dengan Tingkat Cemar Sedang"


def in_scope(rule: str) -> bool:
    """The rules that read indicator and budget tables."""
    return rule.startswith("T") or rule in ("B401", "B402", "B403", "B404", "B405")


@pytest.fixture(scope="module")
def jabar(real_dir: Path) -> Result:
    """The LKIP 2016 of BPLHD Jawa Barat, checked."""
    return check_file(real_dir / JABAR, Settings())


@pytest.fixture(scope="module")
def tangsel(real_dir: Path) -> Result:
    """The quarterly realisation of four kecamatan of Tangerang Selatan, checked."""
    return check_file(real_dir / TANGSEL, Settings())


def findings(result: Result) -> dict[tuple[str, str], object]:
    """(rule, subject) → finding, for the rules in scope."""
    out = {(f.rule, f.subject): f for f in result.outcome.findings if in_scope(f.rule)}
    assert len(out) == len([f for f in result.outcome.findings if in_scope(f.rule)])
    return out


def table(facts: Facts, prefix: str):
    """The TableInfo whose caption starts with a table label."""
    [info] = [t for t in facts.tables if (t.caption or "").startswith(prefix)]
    return info


# --- jabar 2016 ---------------------------------------------------------------------------------------------

def test_jabar_findings_are_the_verified_ones(jabar: Result) -> None:
    got = findings(jabar)
    assert set(got) == {
        ("T301", STATUS_MUTU), ("T305", "Indeks Kualitas Udara"), ("T304", STATUS_MUTU),
        ("B402", "Terkendalinya Beban Pencemaran Air Sungai Utama Dan Udara Perkotaan"),
        ("B404", "PPP Penyusunan Kajian Lingkungan Hidup Strategis Pusat Pertumbuhan Jawa Barat "
                 "(3 pusat Pertumbuhan)"),
        ("B404", "Pembinaan Teknis Program Adipura"),
        ("B404", "Pengelolaan Keanekaragaman Hayati"),
    }
    t301 = got[("T301", STATUS_MUTU)]
    assert t301.values["values"] == [42.5, [11.2, 11.7]] and t301.values["places"] == [6, 1]
    assert {loc.page for loc in t301.locations} == {12, 13, 14, 16, 17, 20, 23}
    t305 = got[("T305", "Indeks Kualitas Udara")]
    assert t305.values["values"] == [66.24, 60.0]
    assert [loc.page for loc in t305.locations if loc.text == "60"] == [23]
    t304 = got[("T304", STATUS_MUTU)]
    assert (t304.values["stated"], t304.values["computed"]) == (132.5, 132.05)
    assert t304.locations[0].page == 17 and t304.locations[0].table == "tabel hlm. 17"


def test_jabar_budget_findings_name_both_places(jabar: Result) -> None:
    got = findings(jabar)
    b402 = got[("B402", "Terkendalinya Beban Pencemaran Air Sungai Utama Dan Udara Perkotaan")]
    assert {k: b402.values[k] for k in ("stated", "computed", "pagu", "realisasi")} == {
        "stated": 88.05, "computed": 88.02, "pagu": 42085425000, "realisasi": 37044781958}
    assert [(loc.table, loc.page) for loc in b402.locations] == [("Tabel 3.4", 26), ("Tabel 3.5", 33),
                                                                ("Tabel 3.5", 33)]
    amounts = {s: (f.values["field"], f.values["amounts"], sorted(p["page"] for p in f.values["places"]))
               for (r, s), f in got.items() if r == "B404"}
    assert amounts == {
        "PPP Penyusunan Kajian Lingkungan Hidup Strategis Pusat Pertumbuhan Jawa Barat (3 pusat Pertumbuhan)":
            ("pagu", [1170232000, 1200000000], [28, 33]),
        "Pembinaan Teknis Program Adipura": ("pagu", [400000000, 1177070000], [30, 34]),
        "Pengelolaan Keanekaragaman Hayati": ("pagu", [225000000, 6431000000], [32, 35]),
    }


def test_jabar_capaian_tables_are_read(jabar: Result) -> None:
    f = jabar.facts
    assert table(f, "Tabel 3.1").role == ROLE_CAPAIAN
    assert table(f, "Tabel 3.2").role == ROLE_COMPARISON
    assert table(f, "Tabel 3.4").role == ROLE_EFFICIENCY
    t31 = {(x.indikator, x.kind): x.figure.text for x in f.indicators if x.source.table == "Tabel 3.1"}
    assert t31[("Indeks Kualitas Udara", KIND_TARGET)] == "60"
    assert t31[("Indeks Kualitas Udara", KIND_REALISASI)] == "66,24"
    assert t31[("Indeks Kualitas Udara", KIND_CAPAIAN)] == "110,40 %"  # the 'PENCAPAIAN' column
    assert t31[("Tingkat penurunan emisi Gas Rumah Kaca (GRK)", KIND_TARGET)] == "5-6%"
    t32 = {(x.indikator, x.kind, x.year): x.figure.text for x in f.indicators if x.source.table == "Tabel 3.2"}
    assert t32[("Jumlah lokasi Program kampung Iklim (PROKLIM)", KIND_REALISASI, 2015)] == "23"
    assert t32[("Jumlah lokasi Program kampung Iklim (PROKLIM)", KIND_CAPAIAN, 2015)] == "164,28%"
    assert t32[("Jumlah Taman Keanekaragaman Hayati (KEHATI)", KIND_TARGET, 2018)] == "1"
    # Tabel 3.3 prints 'Realisasi 2016' and 'Realisasi S/D Tahun 2016': only the first is the year's realisasi
    t33 = [x for x in f.indicators if x.source.table == "Tabel 3.3" and x.kind == KIND_REALISASI and x.year == 2016]
    assert [(x.indikator, x.figure.text) for x in t33][:2] == [
        ("Pencapaian Status Mutu Sungai Utama Dan Waduk Besar Dengan Tingkat Cemar Sedang", "56,12 %"),
        ("Indeks Kualitas Udara", "60")]
    assert len(t33) == 6


def test_jabar_budget_table_is_a_list_of_kegiatan(jabar: Result) -> None:
    f = jabar.facts
    t35 = table(f, "Tabel 3.5")
    assert t35.role == ROLE_BUDGET and t35.pages == (33, 34, 35)
    lines = [x for x in f.budget if x.table_id == t35.table_id]
    assert len(lines) == 36 and {x.level for x in lines} == {LEVEL_KEGIATAN}
    assert all(x.key and x.parent is None for x in lines)
    udara = next(x for x in lines if x.name == "Pemantauan Pencemaran Udara")
    assert (udara.pagu.text, udara.realisasi.text, udara.percent.text) == ("1.329.532.000", "1.244.545.088", "93,61")
    assert udara.source.page == 33
    ram = lines[-1]
    assert (ram.name, ram.pagu.text, ram.realisasi.text, ram.source.page) == (
        "Koordinasi RAM-IP Kawasan Lindung", "250.000.000", "199.111.022", 35)
    pk = [x for x in f.budget if x.level == LEVEL_PROGRAM and x.pagu is not None and x.pagu.text.startswith("Rp")]
    assert [x.pagu.text for x in pk] == ["Rp 42.085.425.000", "Rp 1.157.655.000", "Rp 250.000.000",
                                         "Rp 8.468.000.000"]


# --- tangsel 2023 -------------------------------------------------------------------------------------------

def _quarter(lines: tuple[BudgetLine, ...], period: str) -> dict[int, BudgetLine]:
    """Row → line of one quarter."""
    return {x.row: x for x in lines if x.table_id.endswith("@" + period)}


def test_tangsel_findings_are_the_verified_ones(tangsel: Result) -> None:
    got = findings(tangsel)
    assert {k: (f.values["stated"], f.values["computed"]) for k, f in got.items()} == {
        ("B401", "KECAMATAN SETU (Triwulan I)"): (5251565744, 4950270314),
        ("B401", "KECAMATAN SETU (Triwulan II)"): (8273323467, 8139867707),
    }
    q2 = got[("B401", "KECAMATAN SETU (Triwulan II)")]
    assert [(loc.page, loc.row, loc.text) for loc in q2.locations] == [
        (12, 167, "8.273.323.467"), (12, 168, "5.931.221.297"), (14, 206, "1.027.500.000"),
        (15, 215, "1.167.331.170"), (15, 224, "13.815.240")]


def test_tangsel_quarterly_table_gives_lines_per_quarter(tangsel: Result) -> None:
    f = tangsel.facts
    [info] = f.tables
    assert info.role == ROLE_BUDGET and info.pages == tuple(range(1, 16))
    assert {x.table_id for x in f.budget} == {"t1@Triwulan I", "t1@Triwulan II"}  # III and IV are blank
    assert all(x.key is None for x in f.budget)
    q1, q2 = _quarter(f.budget, "Triwulan I"), _quarter(f.budget, "Triwulan II")
    units = [x for x in q2.values() if x.level == LEVEL_UNIT]
    assert [x.name for x in units] == ["KECAMATAN SERPONG", "KECAMATAN SERPONG UTARA", "KECAMATAN PONDOK AREN",
                                       "KECAMATAN SETU"]
    assert all(q2[x.parent].level == LEVEL_UNIT for x in q2.values() if x.level == LEVEL_PROGRAM)
    # p.1-2: Administrasi Keuangan Perangkat Daerah 2.978.822.654 / 4.163.767.640 and its sub kegiatan; the
    # sixth, 'Penyusunan Pelaporan dan Analisis Prognosis…', is '-' in both quarters: no sum can place it
    keu = q2[12]
    assert (keu.name, keu.level, keu.unit, keu.realisasi.text, q1[12].realisasi.text) == (
        "Administrasi Keuangan Perangkat Daerah", LEVEL_KEGIATAN, "KECAMATAN SERPONG", "4.163.767.640",
        "2.978.822.654")
    subs = [x for x in q2.values() if x.parent == 12]
    assert [x.name for x in subs][:2] == ["Penyediaan Gaji dan Tunjangan ASN",
                                          "Koordinasi dan Pelaksanaan Akuntansi SKPD"]
    assert len(subs) == 5 and {x.level for x in subs} == {LEVEL_SUBKEGIATAN}
    assert q2[18].name.startswith("Penyusunan Pelaporan dan Analisis") and q2[18].realisasi.kind == "empty"
    assert subs[0].realisasi.text == "4.153.109.640" and q1[13].realisasi.text == "2.978.822.654"
    assert subs[0].cell("realisasi").column.endswith("/ II / 8 / Rp")
    # p.7: Kegiatan Pemberdayaan Kelurahan of Serpong Utara and its two sub kegiatan
    kel = q2[95]
    assert (kel.name, kel.level, kel.realisasi.text) == ("Kegiatan Pemberdayaan Kelurahan", LEVEL_KEGIATAN,
                                                         "964.109.540")
    assert [q2[r].parent for r in (96, 97, 98)] == [95, 95, 94]


# --- document kinds -----------------------------------------------------------------------------------------

PLAN_NOT_RUN = {"S101", "T304", "T305", "T306", "T308", "B402", "B403", "B405", "D702"}


def test_lkjip_and_quarterly_tables_are_recognised(jabar: Result, tangsel: Result) -> None:
    assert (jabar.facts.doc.jenis.kind, jabar.facts.doc.jenis.sure) == ("lkjip", True)
    assert (tangsel.facts.doc.jenis.kind, tangsel.facts.doc.jenis.sure) == ("realisasi_triwulan", True)
    assert "S101" in {n.rule for n in tangsel.outcome.rules_not_run}


def test_perjanjian_kinerja_gets_no_report_rules(real_dir: Path) -> None:
    result = check_file(real_dir / "jabar2017_dinkes_perjanjian_kinerja.docx", Settings())
    assert (result.facts.doc.jenis.kind, result.facts.doc.jenis.sure) == ("pk", True)
    assert result.outcome.findings == ()
    why = {n.rule: n.why("id") for n in result.outcome.rules_not_run}
    assert PLAN_NOT_RUN <= set(why)
    assert why["S101"] == "dokumen ini Perjanjian Kinerja, bukan LKjIP: bab laporan tidak diperiksa"


def test_renstra_gets_no_realisasi_rules(real_dir: Path) -> None:
    result = check_file(real_dir / "banyuwangi2025-2029_kec_muncar_renstra.pdf", Settings())
    assert (result.facts.doc.jenis.kind, result.facts.doc.jenis.sure) == ("renstra", True)
    not_run = {n.rule: n for n in result.outcome.rules_not_run}
    assert PLAN_NOT_RUN | {"D701"} <= set(not_run)
    assert all("Rencana Strategis" in not_run[r].why("id") and "not an LKjIP" in not_run[r].why("en")
               for r in PLAN_NOT_RUN)
    rules = {f.rule for f in result.outcome.findings}
    assert not rules & (PLAN_NOT_RUN | {"D701"})
