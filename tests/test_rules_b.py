"""Budget rules B401–B405 on small hand-built facts, and on the seed report."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Optional, Sequence

import pytest

from lakip.values.figures import parse_figure
from lakip.ingest.model import Cell, Document, Table
from lakip.ingest.text_reader import read_text
from lakip.rules import (
    b401_sum_mismatch, b402_percent_miscalculated, b403_realisasi_exceeds_pagu, b404_amount_mismatch,
    b405_efisiensi_miscalculated,
)
from lakip.rules.base import Finding
from lakip.schemas.budget import extract_budget
from lakip.schemas.facts import (
    LEVEL_EFISIENSI, LEVEL_JUMLAH, LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_TOTAL, ROLE_BUDGET,
    ROLE_EFFICIENCY, ROLE_PK_BUDGET, ROLE_UNIT_BUDGET, BudgetLine, DocFacts, Facts, NarrativeAmount, Source,
)
from lakip.schemas.roles import classify_tables

from conftest import SEED  # noqa: E402  (the seed beside the checkout, ../shared/seed)
DOCX = Path(__file__).resolve().parents[1] / "samples" / "lakip-kecamatan-alok-barat-2024.docx"
B_RULES = (b401_sum_mismatch, b402_percent_miscalculated, b403_realisasi_exceeds_pagu, b404_amount_mismatch,
           b405_efisiensi_miscalculated)
FIELD_NAMES = ("pagu", "realisasi", "percent", "sisa", "penyerapan")


def line(row: int, level: str, name: str, pagu: str = "", real: str = "", pct: str = "", sisa: str = "",
         parent: Optional[int] = None, table: str = "t1", unit: Optional[str] = None, key: Optional[str] = None,
         role: str = ROLE_BUDGET, penyerapan: str = "", page: int = 44) -> BudgetLine:
    """A budget line as extraction would make it, figures given as printed."""
    label = {"t1": "Tabel 3.8", "t2": "Tabel 3.7", "pk": "Perjanjian Kinerja"}.get(table, table)
    texts = dict(zip(FIELD_NAMES, (pagu, real, pct, sisa, penyerapan)))
    cells = tuple((f, Source(page=page, table=label, table_id=table, row=row, column=f.title(), text=t))
                  for f, t in texts.items() if t)
    fig = {f: parse_figure(t) if t else None for f, t in texts.items()}
    return BudgetLine(table_id=table, row=row, level=level, name=name, role=role,
                      source=Source(page=page, table=label, table_id=table, row=row, column="Program", text=name),
                      pagu=fig["pagu"], realisasi=fig["realisasi"], percent=fig["percent"], sisa=fig["sisa"],
                      parent=parent, unit=unit, cells=cells, key=key)


def facts(lines: Sequence[BudgetLine] = (), narrative: Sequence[NarrativeAmount] = ()) -> Facts:
    """Facts with only budget lines and narrative amounts."""
    return Facts(path="x.pdf", sha256="0" * 64, pages=50, kind="pdf", doc=DocFacts(instansi=None, tahun=2024),
                 budget=tuple(lines), narrative_amounts=tuple(narrative))


def said(subject: str, pagu: str = "", real: str = "", pct: str = "", sisa: str = "", level: Optional[str] = None,
         page: int = 45) -> NarrativeAmount:
    """A narrative sentence's amounts."""
    f = {k: parse_figure(v) if v else None for k, v in (("pagu", pagu), ("real", real), ("pct", pct), ("sisa", sisa))}
    return NarrativeAmount(subject=subject, level=level, source=Source(page=page, text=subject),
                           pagu=f["pagu"], realisasi=f["real"], percent=f["pct"], sisa=f["sisa"])


def run(module, f: Facts) -> list[Finding]:
    """The findings of one rule."""
    assert module.RULE.needs(f) is None
    return list(module.check(f))


KEGIATAN_KEL = [  # the seed's kegiatan "Koordinasi Kegiatan Pemberdayaan Kelurahan" and its sub kegiatan
    line(26, LEVEL_KEGIATAN, "Koordinasi Kegiatan Pemberdayaan Kelurahan", "912.167.200", "890.150.828", "97,59",
         parent=23),
    line(27, LEVEL_SUBKEGIATAN, "Peningkatan Partisipasi Masyarakat", "25.279.610", "23.679.670", "93,67", parent=26),
    line(28, LEVEL_SUBKEGIATAN, "Pembangunan Sarana dan Prasarana Kelurahan", "74.907.830", "63.317.198", "92,54",
         parent=26),
    line(29, LEVEL_SUBKEGIATAN, "Pemberdayaan Masyarakat di Kelurahan", "753.669.960", "739.448.960", "98,11",
         parent=26),
    line(30, LEVEL_SUBKEGIATAN, "Evaluasi Kelurahan", "58.309.800", "57.705.000", "98,96", parent=26),
]


# --- B401 ---------------------------------------------------------------------------------------------------

def test_b401_reports_the_realisasi_of_a_kegiatan_and_the_cell_that_explains_it():
    found = run(b401_sum_mismatch, facts(KEGIATAN_KEL))
    assert len(found) == 1
    f = found[0]
    assert f.subject == "Koordinasi Kegiatan Pemberdayaan Kelurahan"
    assert {k: f.values[k] for k in ("field", "stated", "computed", "difference")} == {
        "field": "realisasi", "stated": 890150828, "computed": 884150828, "difference": 6000000}
    assert f.values["suggested_cell"]["row"] == 28 and f.values["suggested_cell"]["suggested"] == 69317198
    assert f.message("id") == (
        "Jumlah realisasi sub kegiatan 884.150.828 tidak sama dengan realisasi kegiatan 890.150.828 (selisih "
        "6.000.000); 63.317.198 seharusnya 69.317.198: dengan nilai itu jumlah dan persentase 92,54 % sama-sama benar")
    assert "69,317,198" in f.message("en") and "92.54 %" in f.message("en")
    assert (f.locations[0].row, f.locations[0].text) == (26, "890.150.828")
    assert [loc.row for loc in f.locations[1:]] == [27, 28, 29, 30]


def test_b401_no_suggestion_when_no_single_cell_explains_the_percent():
    lines = [line(1, LEVEL_KEGIATAN, "K", "300", "290", "96,67"),
             line(2, LEVEL_SUBKEGIATAN, "A", "100", "90", "90,00", parent=1),
             line(3, LEVEL_SUBKEGIATAN, "B", "200", "190", "95,00", parent=1)]
    f = run(b401_sum_mismatch, facts(lines))[0]
    assert f.values["computed"] == 280 and "suggested_cell" not in f.values
    assert "seharusnya" not in f.message("id")


def test_b401_no_suggestion_when_two_cells_could_explain_it():
    lines = [line(1, LEVEL_KEGIATAN, "K", "200", "200", "100"),
             line(2, LEVEL_SUBKEGIATAN, "A", "100", "90", "100", parent=1),
             line(3, LEVEL_SUBKEGIATAN, "B", "100", "100", "110,00", parent=1)]
    f = run(b401_sum_mismatch, facts(lines))[0]
    assert f.values["difference"] == 10 and "suggested_cell" not in f.values


def test_b401_parent_suggested_when_only_it_fits_its_own_percent():
    lines = [line(1, LEVEL_KEGIATAN, "K", "200", "195", "95,00"),
             line(2, LEVEL_SUBKEGIATAN, "A", "100", "90", "90,00", parent=1),
             line(3, LEVEL_SUBKEGIATAN, "B", "100", "100", "100", parent=1)]
    f = run(b401_sum_mismatch, facts(lines))[0]
    assert f.values["suggested_cell"]["row"] == 1 and f.values["suggested_cell"]["suggested"] == 190


def test_b401_consistent_sums_with_cents_dashes_and_total():
    lines = [line(1, LEVEL_TOTAL, "", "356.290.980,00", "345.167.060,00", "96,88"),
             line(2, LEVEL_PROGRAM, "Program A", "126.599.750,00", "116.290.390,00", "91,86", parent=1),
             line(3, LEVEL_PROGRAM, "Program B", "229.691.230", "228.876.670", "99,65", parent=1),
             line(4, LEVEL_PROGRAM, "Program C", "-", "-", "-", parent=1)]
    assert run(b401_sum_mismatch, facts(lines)) == []


def test_b401_unit_jumlah_row_and_its_subject():
    lines = [line(1, LEVEL_PROGRAM, "Program A", "100", "90", table="w", unit="Kelurahan Wuring", parent=3),
             line(2, LEVEL_PROGRAM, "Program B", "50", "50", table="w", unit="Kelurahan Wuring", parent=3),
             line(3, LEVEL_JUMLAH, "Jumlah", "160", "140", table="w", unit="Kelurahan Wuring"),
             line(4, LEVEL_EFISIENSI, "Jumlah efisiensi", sisa="20", table="w", unit="Kelurahan Wuring", parent=3)]
    found = run(b401_sum_mismatch, facts(lines))
    assert [(f.subject, f.values["field"], f.values["difference"]) for f in found] == [
        ("Jumlah (Kelurahan Wuring)", "pagu", 10)]
    assert found[0].message("id").startswith("Jumlah pagu program 150 tidak sama dengan pagu baris Jumlah 160")


def test_b401_skips_a_sum_with_a_missing_child_figure():
    lines = [line(1, LEVEL_KEGIATAN, "K", "300", "290"), line(2, LEVEL_SUBKEGIATAN, "A", "100", parent=1),
             line(3, LEVEL_SUBKEGIATAN, "B", "200", "190", parent=1)]
    assert [f.values["field"] for f in run(b401_sum_mismatch, facts(lines))] == []


# --- B402 ---------------------------------------------------------------------------------------------------

def test_b402_reports_the_percent_and_cross_references_the_sum():
    found = run(b402_percent_miscalculated, facts(KEGIATAN_KEL))
    assert [f.subject for f in found] == ["Pembangunan Sarana dan Prasarana Kelurahan"]
    f = found[0]
    assert (f.values["stated"], f.values["computed"]) == (92.54, 84.53)
    assert f.values["suggested_cell"]["suggested"] == 69317198
    assert f.message("id").startswith("Persentase 92,54 % tidak sesuai dengan realisasi 63.317.198 dibagi pagu "
                                      "74.907.830 (seharusnya 84,53 %); 63.317.198 seharusnya 69.317.198")
    assert "B401 pada Koordinasi Kegiatan Pemberdayaan Kelurahan" in f.message("id")
    assert [loc.column for loc in f.locations] == ["Percent", "Realisasi", "Pagu"]


@pytest.mark.parametrize("printed, flagged", [("66,67", False), ("66,66", False), ("66,65", True), ("66,7", False),
                                              ("67", False), ("66,68", True)])
def test_b402_two_thirds_rounded_or_truncated(printed, flagged):
    f = facts([line(1, LEVEL_SUBKEGIATAN, "Pemeliharaan Peralatan", "7.650.000", "5.100.000", printed)])
    assert bool(run(b402_percent_miscalculated, f)) is flagged


def test_b402_hundred_for_a_full_line_and_hundred_for_a_partial_one():
    full = line(1, LEVEL_SUBKEGIATAN, "A", "18.245.500", "18.245.500", "100")
    part = line(2, LEVEL_SUBKEGIATAN, "B", "9.999.680", "9.987.650", "100,00")
    found = run(b402_percent_miscalculated, facts([full, part]))
    assert [(f.subject, f.values["computed"]) for f in found] == [("B", 99.88)]


def test_b402_penyerapan_of_an_efficiency_row_with_amounts():
    eff = line(1, LEVEL_EFISIENSI, "Indeks sarana", "200", "150", pct="25,00", sisa="50", penyerapan="80,00",
               role=ROLE_EFFICIENCY)
    found = run(b402_percent_miscalculated, facts([eff]))
    assert [(f.values["stated"], f.values["computed"]) for f in found] == [(80.0, 75.0)]


def test_b402_narrative_repeating_a_wrong_line_adds_a_location_not_a_finding():
    lines = [replace_key(x) for x in KEGIATAN_KEL]
    story = [said("Sub Kegiatan Pembangunan Sarana dan Prasarana Kelurahan", "74.907.830", "63.317.198", "92,54",
                  level=LEVEL_SUBKEGIATAN),
             said("Sub Kegiatan Evaluasi Kelurahan", "58.309.800", "57.705.000", "96,96", level=LEVEL_SUBKEGIATAN),
             said("Efisiensi anggaran", "4.760.149.793", "4.603.119.714", "3,30", sisa="157.030.079")]
    found = run(b402_percent_miscalculated, facts(lines, story))
    assert [f.subject for f in found] == ["Pembangunan Sarana dan Prasarana Kelurahan",
                                          "Sub Kegiatan Evaluasi Kelurahan"]
    assert found[0].locations[-1].page == 45 and found[0].locations[-1].text == "92,54"
    assert found[1].values["computed"] == 98.96


def replace_key(x: BudgetLine) -> BudgetLine:
    """A line with the key extraction would give it."""
    from dataclasses import replace
    from lakip.schemas.names import strip_level_prefix
    return replace(x, key=f"{x.level}:{strip_level_prefix(x.name)}")


# --- B403 ---------------------------------------------------------------------------------------------------

def test_b403_realisasi_above_pagu_only():
    lines = [line(1, LEVEL_SUBKEGIATAN, "Surat Menyurat", "4.959.330", "5.360.980", "108,10"),
             line(2, LEVEL_SUBKEGIATAN, "Listrik", "48.519.930", "43.162.121", "88,96"),
             line(3, LEVEL_SUBKEGIATAN, "Rapat", "19.800.000", "19.800.000", "100")]
    assert [(f.subject, f.values["difference"]) for f in run(b403_realisasi_exceeds_pagu, facts(lines))] == [
        ("Surat Menyurat", 401650)]


# --- B404 ---------------------------------------------------------------------------------------------------

PROGRAM_KEY = "program:penunjang urusan pemerintahan daerah kabupaten kota"


def test_b404_pk_pagu_differs_from_the_realisation_table():
    lines = [line(2, LEVEL_PROGRAM, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "3.744.272.913",
                  "3.610.861.236", "96,44", key=PROGRAM_KEY),
             line(1, LEVEL_PROGRAM, "Program Penunjang Urusan Pemerintah Daerah Kabupaten / Kota", "3,744,272,913",
                  table="pk", role=ROLE_PK_BUDGET, key=PROGRAM_KEY, page=29),
             line(2, LEVEL_PROGRAM, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "3.744.227.913",
                  "3.610.861.236", "96,44", table="t2", key=PROGRAM_KEY, page=43)]
    found = run(b404_amount_mismatch, facts(lines))
    assert len(found) == 1
    f = found[0]
    assert (f.values["field"], f.values["amounts"]) == ("pagu", [3744227913, 3744272913])
    assert len(f.locations) == 3
    assert f.message("id") == (
        "Pagu Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota berbeda di 3 tempat: 3.744.272.913 "
        "(Tabel 3.8 hlm. 44 baris 2; Perjanjian Kinerja hlm. 29 baris 1); 3.744.227.913 (Tabel 3.7 hlm. 43 baris 2)")


def test_b404_same_amounts_in_other_conventions_and_precisions_agree():
    lines = [line(2, LEVEL_PROGRAM, "Program A", "3.744.272.913", key="program:a"),
             line(1, LEVEL_PROGRAM, "Program A", "3,744,272,913", table="pk", key="program:a"),
             line(1, LEVEL_PROGRAM, "Program A", "3.744.272.913,00", table="t2", key="program:a")]
    assert run(b404_amount_mismatch, facts(lines)) == []


def test_b404_unit_shares_are_not_compared_with_the_whole_program():
    lines = [line(2, LEVEL_PROGRAM, "Program A", "922.166.880", key="program:a"),
             line(1, LEVEL_PROGRAM, "Program A", "229.691.230,00", table="w1", unit="Kelurahan Wailiti",
                  role=ROLE_UNIT_BUDGET, key="program:a"),
             line(1, LEVEL_PROGRAM, "Program A", "232.562.720,00", table="w2", unit="Kelurahan Hewuli",
                  role=ROLE_UNIT_BUDGET, key="program:a")]
    assert run(b404_amount_mismatch, facts(lines)) == []


def test_b404_one_table_listing_a_program_twice_is_not_two_places():
    lines = [line(2, LEVEL_PROGRAM, "Program A", "100.000.000", table="t2", key="program:a"),
             line(3, LEVEL_PROGRAM, "Program A", "60.000.000", table="t2", key="program:a")]
    assert run(b404_amount_mismatch, facts(lines)) == []
    other = line(1, LEVEL_PROGRAM, "Program A", "60.000.000", table="pk", key="program:a")
    assert [f.values["amounts"] for f in run(b404_amount_mismatch, facts(lines + [other]))] == [
        [60000000, 100000000]]


def test_b404_narrative_against_the_table():
    lines = [replace_key(x) for x in KEGIATAN_KEL]
    story = [said("Kegiatan Koordinasi Kegiatan Pemberdayaan Kelurahan", "912.167.200", "890.150.828", "97,59",
                  level=LEVEL_KEGIATAN),
             said("Sub Kegiatan Evaluasi Kelurahan", "58.309.800", "57.750.000", "99,04", level=LEVEL_SUBKEGIATAN),
             said("Sub Kegiatan Sesuatu Yang Lain", "1.000", "900", "90,00", level=LEVEL_SUBKEGIATAN)]
    found = run(b404_amount_mismatch, facts(lines, story))
    assert [(f.subject, f.values["field"], f.values["amounts"]) for f in found] == [
        ("Evaluasi Kelurahan", "realisasi", [57705000, 57750000])]
    assert "narasi hlm. 45" in found[0].message("id")


def test_b404_narrative_total_against_the_realisation_table_total():
    lines = [line(1, LEVEL_TOTAL, "", "4.760.149.793", "4. 603.119.714", "96,70", page=48),
             line(2, LEVEL_PROGRAM, "Program A", "4.760.149.793", "4.603.119.714", "96,70", parent=1, key="program:a")]
    story = [said("DPPA Kecamatan Alok Barat", "4.760.149.793", "4.603.119.714", "96,70", level=LEVEL_TOTAL, page=9),
             said("Kecamatan Alok Barat", "4.760.194.793", level=LEVEL_TOTAL, page=47)]
    found = run(b404_amount_mismatch, facts(lines, story))
    assert [(f.subject, f.values["field"], f.values["amounts"]) for f in found] == [
        ("Total", "pagu", [4760149793, 4760194793])]
    assert [loc.page for loc in found[0].locations] == [48, 9, 47]


# --- B405 ---------------------------------------------------------------------------------------------------

def unit_table(sisa: str, pct: str) -> list[BudgetLine]:
    """A kelurahan table: two programs, Jumlah, Jumlah efisiensi."""
    u = dict(table="w", unit="Kelurahan Wailiti", role=ROLE_UNIT_BUDGET)
    return [line(1, LEVEL_PROGRAM, "Program A", "126.599.750,00", "116.290.390,00", "91,86", parent=3, **u),
            line(2, LEVEL_PROGRAM, "Program B", "229.691.230,00", "228.876.670,00", "99,65", parent=3, **u),
            line(3, LEVEL_JUMLAH, "Jumlah", "356.290.980,00", "345.167.060,00", "96,88", **u),
            line(4, LEVEL_EFISIENSI, "Jumlah efisiensi penggunaan sumber daya keuangan", pct=pct, sisa=sisa, parent=3,
                 **u)]


def test_b405_unit_efisiensi_row_right():
    assert run(b405_efisiensi_miscalculated, facts(unit_table("11.123.920,00", "3,12"))) == []


def test_b405_unit_efisiensi_row_wrong_amount_and_wrong_percent():
    found = run(b405_efisiensi_miscalculated, facts(unit_table("11.213.920,00", "3,21")))
    assert [(f.subject, f.values["stated"], f.values["computed"]) for f in found] == [
        ("Jumlah efisiensi penggunaan sumber daya keuangan (Kelurahan Wailiti)", 11213920, 11123920),
        ("Jumlah efisiensi penggunaan sumber daya keuangan (Kelurahan Wailiti)", 3.21, 3.12)]
    assert found[1].message("id") == "Efisiensi 3,21 % tidak sama dengan 100 % dikurangi penyerapan 96,88 % = 3,12 %"


def test_b405_efficiency_table_complement():
    eff = dict(role=ROLE_EFFICIENCY)
    rows = [line(1, LEVEL_EFISIENSI, "Indeks Kepuasan Masyarakat", pct="3,30", penyerapan="96,70", **eff),
            line(2, LEVEL_EFISIENSI, "Indeks sarana prasarana", pct="3,56", penyerapan="96,44", **eff),
            line(3, LEVEL_EFISIENSI, "Jumlah Inovasi", pct="2,93", penyerapan="97,61", **eff)]
    found = run(b405_efisiensi_miscalculated, facts(rows))
    assert [(f.subject, f.values["computed"]) for f in found] == [("Jumlah Inovasi", 2.39)]


def test_b405_sisa_column_on_a_budget_row():
    rows = [line(1, LEVEL_SUBKEGIATAN, "A", "7.650.000", "5.100.000", sisa="2.550.000"),
            line(2, LEVEL_SUBKEGIATAN, "B", "7.650.000", "5.100.000", sisa="2.500.000")]
    assert [f.subject for f in run(b405_efisiensi_miscalculated, facts(rows))] == ["B"]


def test_b405_narrative_efisiensi():
    right = said("efisiensi", "4.760.149.793", "4. 603.119.714", "3,30", sisa="157.030.079")
    wrong = said("efisiensi", "4.760.149.793", "4.603.119.714", "3,30", sisa="175.030.079")
    pct_wrong = said("efisiensi", "4.760.149.793", "4.603.119.714", "4,30", sisa="157.030.079")
    absorbed = said("efisiensi", "4.760.149.793", "4.603.119.714", "96,70", sisa="157.030.079")
    found = run(b405_efisiensi_miscalculated, facts([line(1, LEVEL_TOTAL, "", "1", "1")],
                                                    [right, wrong, pct_wrong, absorbed]))
    assert [(f.values["stated"], f.values["computed"]) for f in found] == [(175030079, 157030079), (4.3, 3.3)]


# --- the seed ---------------------------------------------------------------------------------------------

def seed_facts(doc: Document) -> Facts:
    """The facts the B rules read, from a document (with narrative amounts once they are extracted)."""
    infos = classify_tables(doc)
    lines, failures = extract_budget(doc, infos)
    story: tuple[NarrativeAmount, ...] = ()
    if importlib.util.find_spec("lakip.schemas.narrative"):
        from lakip.schemas.narrative import extract_narrative
        story = extract_narrative(doc).amounts
    return Facts(path=doc.path, sha256=doc.sha256, pages=doc.n_pages, kind=doc.kind,
                 doc=DocFacts(instansi=None, tahun=2024), tables=infos, budget=lines, narrative_amounts=story,
                 failures=failures)


EXPECTED_SEED = {
    ("B401", "Koordinasi Kegiatan Pemberdayaan Kelurahan"),
    ("B402", "Pembangunan Sarana dan Prasarana Kelurahan"),
}


def _check_seed(f: Facts) -> None:
    found = [x for m in B_RULES for x in m.check(f)]
    assert {(x.rule, x.subject) for x in found} == EXPECTED_SEED
    assert len(found) == len(EXPECTED_SEED)
    b401 = next(x for x in found if x.rule == "B401")
    assert (b401.values["stated"], b401.values["computed"], b401.values["difference"]) == (890150828, 884150828,
                                                                                           6000000)
    assert b401.values["suggested_cell"]["stated"] == 63317198
    assert b401.values["suggested_cell"]["suggested"] == 69317198
    assert b401.locations[0].table == "Tabel 3.8" and b401.locations[0].text == "890.150.828"
    b402 = next(x for x in found if x.rule == "B402")
    assert (b402.values["stated"], b402.values["computed"]) == (92.54, 84.53)


def test_seed_text_export_findings():
    _check_seed(seed_facts(read_text(SEED)))


PDF = DOCX.with_suffix(".pdf")


@pytest.mark.skipif(not PDF.exists() or not importlib.util.find_spec("lakip.ingest.pdf_reader"),
                    reason="sample PDF or PDF reader missing")
def test_seed_pdf_findings():
    from lakip.ingest.pdf_reader import read_pdf
    f = seed_facts(read_pdf(PDF))
    _check_seed(f)
    b401 = next(x for x in (m for r in B_RULES for m in r.check(f)) if x.rule == "B401")
    assert b401.locations[0].page is not None and b401.locations[0].bbox is not None


@pytest.mark.skipif(not DOCX.exists(), reason="sample DOCX not built")
def test_seed_docx_findings():
    from lakip.ingest.docx_reader import read_docx
    f = seed_facts(read_docx(DOCX))
    _check_seed(f)


# --- periods and sasaran groups, from tables as a reader gives them ----------------------------------------

def _doc(*tables: Table) -> Document:
    """A document holding these tables (no running text)."""
    return Document(path="x.pdf", sha256="0", kind="test", pages=(), blocks=(), tables=tables)


def _table(tid: str, header: Sequence[str], rows: Sequence[Sequence[str]], caption: Optional[str] = None,
           page: int = 12) -> Table:
    """A one-header-row table on one page."""
    return Table(id=tid, caption=caption, pages=(page,), header=(tuple(Cell(h, page) for h in header),),
                 rows=tuple(tuple(Cell(c, page) for c in r) for r in rows), engine="test",
                 order=int(tid[1:]) * 10)


QUARTERLY = ["Urusan/Bidang Urusan/Program/Kegiatan", "Indikator Kinerja Program (Outcome)/Indikator Kinerja "
             "Kegiatan (Output)"] + [f"Realisasi Kinerja Pada Triwulan I - IV Tahun 2023 / {q} / {k}"
                                     for q in ("I", "II") for k in ("K", "Rp")]


def _quarterly(kegiatan_q2: str, unit_q1: str = "5.251.565.744") -> Facts:
    """A kecamatan with one program, two kegiatan and their sub kegiatan, per quarter; the program and the
    kecamatan in Triwulan II are the sum of the kegiatan as printed."""
    q2 = f"{824_158_410 + int(kegiatan_q2.replace('.', '')):,}".replace(",", ".")
    rows = [
        ["KECAMATAN SETU", "", "", unit_q1, "", q2],
        ["PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "Persentase KK", "", "5.251.565.744", "", q2],
        ["Kegiatan Pemberdayaan Kelurahan", "Jumlah masyarakat", "0", "213.684.000", "0", "824.158.410"],
        ["Pembangunan Sarana dan Prasarana Kelurahan", "Jumlah Sarana", "1", "210.034.000", "2", "554.017.080"],
        ["Pemberdayaan Masyarakat di Kelurahan", "Jumlah Pokmas", "0", "3.650.000", "0", "270.141.330"],
        ["Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan", "Jumlah kegiatan", "0", "5.037.881.744", "0",
         kegiatan_q2],
        ["Peningkatan Kapasitas Lembaga Kemasyarakatan", "Jumlah Lembaga", "0", "5.037.881.744", "0",
         "217.703.000"],
        ["Penyediaan Sarana dan Prasarana Lembaga Kemasyarakatan", "Jumlah Sarana", "0", "-", "0", "-"],
        ["Fasilitasi Pengembangan Usaha Ekonomi Masyarakat", "Jumlah Laporan", "1", "-", "1", "125.469.760"],
    ]
    return seed_facts(_doc(_table("t1", QUARTERLY + ["Perangkat Daerah"], [r + ["Kec. Setu"] for r in rows])))


def test_b401_per_quarter_consistent_table_has_no_finding():
    f = _quarterly("343.172.760")
    assert f.tables[0].role == ROLE_BUDGET
    assert {x.table_id for x in f.budget} == {"t1@Triwulan I", "t1@Triwulan II"}
    assert run(b401_sum_mismatch, f) == []


def test_b401_per_quarter_reports_the_quarter_that_does_not_add_up():
    found = run(b401_sum_mismatch, _quarterly("343.172.706"))  # its sub kegiatan add up to 343.172.760
    assert [(x.subject, x.values["stated"], x.values["computed"]) for x in found] == [
        ("Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan (Triwulan II)", 343172706, 343172760)]
    assert found[0].message("id").startswith("Jumlah realisasi Triwulan II sub kegiatan 343.172.760 tidak sama")
    assert found[0].locations[0].column.endswith("/ II / Rp")
    unit = run(b401_sum_mismatch, _quarterly("343.172.760", unit_q1="5.551.565.744"))
    assert [(x.subject, x.values["difference"]) for x in unit] == [("KECAMATAN SETU (Triwulan I)", 300000000)]


EFFICIENCY = ["No", "Sasaran Strategis", "Indikator Kinerja Sasaran", "Capaian Kinerja (%)",
              "% Penyerapan Anggaran", "Tingkat Efisiensi (%)"]
PER_SASARAN = ["SASARAN", "PROGRAM/KEGIATAN", "ANGGARAN / (Rp.)", "REALISASI / Rp.", "REALISASI / %"]


def _per_sasaran(penyerapan_1: str) -> Facts:
    """An efficiency table that prints only percentages, and the budget table per sasaran behind it."""
    eff = _table("t1", EFFICIENCY, [
        ["1", "Meningkatnya aksi mitigasi dan adaptasi perubahan iklim", "Jumlah lokasi PROKLIM", "100",
         penyerapan_1, f"{100 - float(penyerapan_1.replace(',', '.')):.2f}".replace(".", ",")],
        ["", "", "Tingkat penurunan emisi GRK", "190,83", "", ""],
        ["2", "Meningkatnya pengelolaan keanekaragaman hayati", "Jumlah Taman KEHATI", "600", "94,31", "5,69"],
    ], caption="Tabel 3.4 Efisiensi Penggunaan Sumber Daya", page=26)
    money = _table("t2", PER_SASARAN, [
        ["Meningkatnya aksi mitigasi dan adaptasi perubahan iklim", "Pengembangan Model Adaptasi", "272.755.000",
         "269.575.000", "98,83"],
        ["", "Penyusunan SOP Peringatan Dini", "484.900.000", "478.020.000", "98,58"],
        ["", "Koordinasi Mitigasi dan Adaptasi Perubahan Iklim", "150.000.000", "147.762.500", "98,51"],
        ["", "Pengukuran, Pelaporan dan Verifikasi Aksi Mitigasi", "250.000.000", "249.440.900", "99,78"],
        ["Meningkatnya pengelolaan keanekaragaman hayati", "Pengelolaan Keanekaragaman Hayati", "225.000.000",
         "197.827.500", "87,92"],
        ["", "Pengembangan Eco Village di DAS Citarum Hulu", "6.943.000.000", "6.526.321.589", "94,00"],
        ["", "Pengelolaan Jasa Lingkungan", "300.000.000", "269.390.000", "89,80"],
        ["", "Pengembangan Eco Village di DAS Ciliwung", "1.000.000.000", "992.911.400", "99,29"],
    ], caption="Tabel 3.5 Akuntabilitas Keuangan per Sasaran Stratejik 2016", page=33)
    return seed_facts(_doc(eff, money))


def test_b402_penyerapan_of_a_sasaran_against_its_kegiatan_in_the_budget_table():
    assert run(b402_percent_miscalculated, _per_sasaran("98,89")) == []  # 1.144.798.400 / 1.157.655.000
    found = run(b402_percent_miscalculated, _per_sasaran("98,95"))
    assert [(x.subject, x.values["stated"], x.values["computed"]) for x in found] == [
        ("Meningkatnya aksi mitigasi dan adaptasi perubahan iklim", 98.95, 98.89)]
    assert (found[0].values["pagu"], found[0].values["realisasi"]) == (1157655000, 1144798400)
    assert "pada Tabel 3.5" in found[0].message("id")
    assert [(loc.table, loc.page, loc.row) for loc in found[0].locations] == [
        ("Tabel 3.4", 26, 1), ("Tabel 3.5", 33, 1), ("Tabel 3.5", 33, 1)]
    assert run(b405_efisiensi_miscalculated, _per_sasaran("98,95")) == []  # 1,05 is 100 - 98,95


def test_b401_a_typo_in_a_kegiatan_with_one_sub_kegiatan_is_not_counted_twice():
    rows = [
        ["PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "Persentase", "", "276.720.200", "",
         "1.730.659.200"],
        ["Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", "Jumlah", "0", "-", "0",
         "5.251.000"],  # its only sub kegiatan below prints 5.250.000
        ["Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", "Jumlah", "0", "-", "0", "5.250.000"],
        ["Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja", "Jumlah", "0", "276.720.200",
         "0", "1.250.524.800"],
        ["Perencanaan Kegiatan Pelayanan kepada Masyarakat di Kecamatan", "Jumlah", "0", "256.805.000", "0", "-"],
        ["Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat", "Jumlah", "0", "19.915.200", "0",
         "1.250.524.800"],
        ["Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", "Jumlah", "0", "-", "0", "474.884.400"],
        ["Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain", "Jumlah", "0", "-", "0",
         "474.884.400"],
    ]
    f = seed_facts(_doc(_table("t1", QUARTERLY + ["Perangkat Daerah"], [r + ["Kec. Serpong Utara"] for r in rows])))
    found = run(b401_sum_mismatch, f)
    # without placing the sub kegiatan under its kegiatan the program's sum would count 5.250.000 twice
    assert sorted((x.subject, x.values["difference"]) for x in found) == [
        ("Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan (Triwulan II)", 1000),
        ("PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK (Triwulan II)", -1000)]
