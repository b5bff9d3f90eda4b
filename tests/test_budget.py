"""Budget lines and their hierarchy (schemas.budget, schemas.hierarchy) on varied layouts and on the seed."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import pytest

from lakip.ingest.model import Cell, Document, Table
from lakip.ingest.text_reader import read_text
from lakip.schemas import budget, budget_names, hierarchy
from lakip.schemas.facts import (
    LEVEL_EFISIENSI, LEVEL_JUMLAH, LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_TOTAL, LEVEL_UNIT,
    ROLE_BUDGET,
    ROLE_EFFICIENCY, ROLE_PK_BUDGET, ROLE_UNIT_BUDGET, BudgetLine, TableInfo,
)
from lakip.schemas.roles import classify_tables

from conftest import SEED  # noqa: E402  (the seed beside the checkout, ../shared/seed)
DOCX = Path(__file__).resolve().parents[1] / "samples" / "lakip-kecamatan-alok-barat-2024.docx"
HEADER = ["No", "Program/Kegiatan/Sub Kegiatan", "Anggaran", "Realisasi", "%"]


def make_table(header: Sequence[str], rows: Sequence[Sequence[str]], table_id: str = "t1",
               caption: Optional[str] = "Tabel 3.1 Realisasi Anggaran",
               x0: Optional[Sequence[Optional[float]]] = None, name_col: int = 1) -> Table:
    """A table as a reader would produce it; ``x0`` gives the name cell's left edge per row."""
    body = []
    for i, r in enumerate(rows):
        cells = []
        for c, text in enumerate(r):
            known = x0 is not None and c == name_col and x0[i] is not None
            bbox = (x0[i], 100.0 + 12 * i, 300.0, 110.0 + 12 * i) if known else None
            cells.append(Cell(text, 3, bbox))
        body.append(tuple(cells))
    return Table(id=table_id, caption=caption, pages=(3,), header=(tuple(Cell(h, 3) for h in header),),
                 rows=tuple(body), engine="test")


def info(table: Table, role: str = ROLE_BUDGET, unit: Optional[str] = None) -> TableInfo:
    """The TableInfo a classifier would give the table."""
    return TableInfo(table_id=table.id, caption=table.caption, role=role, score=1.0, why=(), pages=table.pages,
                     n_rows=len(table.rows), n_cols=table.n_cols, unit=unit)


def lines_of(table: Table, role: str = ROLE_BUDGET, unit: Optional[str] = None) -> tuple[BudgetLine, ...]:
    """The budget lines of one table."""
    got, failures = budget.extract_table(table, info(table, role, unit))
    assert failures == ()
    return got


def shape(lines: Sequence[BudgetLine]) -> list[tuple[int, str, Optional[int]]]:
    """(row, level, parent) per line."""
    return [(x.row, x.level, x.parent) for x in lines]


# --- hierarchy from the layout -------------------------------------------------------------------------

def test_numbering_dot_int_then_int_then_none_with_unnamed_total():
    t = make_table(HEADER, [
        ["", "", "300", "290", "96,67"],
        ["1.", "Penunjang Urusan", "300", "290", "96,67"],
        ["1", "Administrasi Keuangan", "200", "190", "95,00"],
        ["", "Gaji dan Tunjangan", "150", "140", "93,33"],
        ["", "Penatausahaan", "50", "50", "100"],
        ["2", "Administrasi Umum", "100", "100", "100"],
        ["", "Alat Tulis", "100", "100", "100"],
    ])
    got = lines_of(t)
    assert shape(got) == [
        (1, LEVEL_TOTAL, None), (2, LEVEL_PROGRAM, 1), (3, LEVEL_KEGIATAN, 2), (4, LEVEL_SUBKEGIATAN, 3),
        (5, LEVEL_SUBKEGIATAN, 3), (6, LEVEL_KEGIATAN, 2), (7, LEVEL_SUBKEGIATAN, 6)]
    # the header names three levels and the numbering shows three: the levels are known
    assert all(x.key for x in got[1:])


def test_kode_rekening_in_its_own_column():
    t = make_table(["Kode", "Uraian", "Pagu", "Realisasi"], [
        ["7.01.01", "Program Penunjang Urusan", "300", "290"],
        ["7.01.01.2.02", "Administrasi Keuangan", "300", "290"],
        ["7.01.01.2.02.0001", "Penyediaan Gaji", "300", "290"],
        ["7.01.02", "Penyelenggaraan Pemerintahan", "90", "90"],
        ["7.01.02.2.01", "Koordinasi", "90", "90"],
    ])
    got = lines_of(t)
    assert [x.level for x in got] == [LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN, LEVEL_PROGRAM, LEVEL_KEGIATAN]
    assert [x.parent for x in got] == [None, 1, 2, None, 4]
    assert got[1].code == "7.01.01.2.02"


def test_code_printed_in_front_of_the_name():
    t = make_table(HEADER, [
        ["", "5.01.01 Penunjang Urusan", "100", "90", "90,00"],
        ["", "5.01.01.2.01 Perencanaan", "100", "90", "90,00"],
        ["", "5.01.01.2.01.01 Penyusunan Dokumen", "100", "90", "90,00"],
    ])
    got = lines_of(t)
    assert [x.level for x in got] == [LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN]
    assert [x.name for x in got] == ["Penunjang Urusan", "Perencanaan", "Penyusunan Dokumen"]
    assert got[2].code == "5.01.01.2.01.01"


def test_roman_letter_and_number_outline():
    t = make_table(HEADER, [
        ["I", "Penunjang Urusan", "100", "90", "90,00"],
        ["A", "Administrasi Keuangan", "100", "90", "90,00"],
        ["1", "Gaji", "60", "50", "83,33"],
        ["2", "Tunjangan", "40", "40", "100"],
        ["II", "Pelayanan Publik", "50", "50", "100"],
        ["A", "Koordinasi", "50", "50", "100"],
        ["1", "Rapat", "50", "50", "100"],
    ])
    assert shape(lines_of(t)) == [
        (1, LEVEL_PROGRAM, None), (2, LEVEL_KEGIATAN, 1), (3, LEVEL_SUBKEGIATAN, 2), (4, LEVEL_SUBKEGIATAN, 2),
        (5, LEVEL_PROGRAM, None), (6, LEVEL_KEGIATAN, 5), (7, LEVEL_SUBKEGIATAN, 6)]


def test_dotted_decimal_outline():
    t = make_table(HEADER, [
        ["1", "Penunjang Urusan", "100", "90", "90,00"],
        ["1.1", "Administrasi Keuangan", "100", "90", "90,00"],
        ["1.1.1", "Gaji", "100", "90", "90,00"],
        ["1.2", "Administrasi Umum", "0", "0", "-"],
        ["2", "Pelayanan Publik", "50", "50", "100"],
    ])
    assert shape(lines_of(t)) == [
        (1, LEVEL_PROGRAM, None), (2, LEVEL_KEGIATAN, 1), (3, LEVEL_SUBKEGIATAN, 2), (4, LEVEL_KEGIATAN, 1),
        (5, LEVEL_PROGRAM, None)]


def test_indentation_alone():
    t = make_table(["Uraian", "Anggaran", "Realisasi"], [
        ["Penunjang Urusan", "100", "90"],
        ["Administrasi Keuangan", "100", "90"],
        ["Gaji", "60", "50"],
        ["Tunjangan", "40", "40"],
        ["Pelayanan Publik", "50", "50"],
    ], x0=[40.0, 52.0, 64.0, 64.5, 40.0], name_col=0)
    assert shape(lines_of(t)) == [
        (1, LEVEL_PROGRAM, None), (2, LEVEL_KEGIATAN, 1), (3, LEVEL_SUBKEGIATAN, 2), (4, LEVEL_SUBKEGIATAN, 2),
        (5, LEVEL_PROGRAM, None)]


def test_name_prefixes_alone():
    t = make_table(["Program / Kegiatan", "Pagu", "Realisasi"], [
        ["Program Penunjang Urusan", "100", "90"],
        ["Kegiatan Administrasi Keuangan", "100", "90"],
        ["Sub Kegiatan Gaji", "60", "50"],
        ["Sub Kegiatan Tunjangan", "40", "40"],
        ["Program Pelayanan Publik", "50", "50"],
        ["Kegiatan Koordinasi", "50", "50"],
    ], name_col=0)
    assert shape(lines_of(t)) == [
        (1, LEVEL_PROGRAM, None), (2, LEVEL_KEGIATAN, 1), (3, LEVEL_SUBKEGIATAN, 2), (4, LEVEL_SUBKEGIATAN, 2),
        (5, LEVEL_PROGRAM, None), (6, LEVEL_KEGIATAN, 5)]


def test_staircase_names_in_different_columns():
    t = make_table(["Program", "", "", "Anggaran", "Realisasi"], [
        ["Penunjang Urusan", "", "", "100", "90"],
        ["", "Administrasi Keuangan", "", "100", "90"],
        ["", "", "Gaji", "100", "90"],
        ["Pelayanan Publik", "", "", "50", "50"],
    ], name_col=0)
    assert shape(lines_of(t)) == [
        (1, LEVEL_PROGRAM, None), (2, LEVEL_KEGIATAN, 1), (3, LEVEL_SUBKEGIATAN, 2), (4, LEVEL_PROGRAM, None)]


def test_number_in_the_name_column_and_name_beside_it():
    t = make_table(["", "NO.", "PROGRAM", "ANGGARAN", "RELISASI", "%"], [
        ["", "1.", "Program Penunjang Urusan", "100", "90", "90,00"],
        ["", "1", "Administrasi Keuangan", "100", "90", "90,00"],
        ["2.", "", "Program Pelayanan Publik", "50", "50", "100"],
        ["", "1", "Koordinasi", "50", "50", "100"],
    ], name_col=2)
    got = lines_of(t)
    assert shape(got) == [(1, LEVEL_PROGRAM, None), (2, LEVEL_KEGIATAN, 1), (3, LEVEL_PROGRAM, None),
                          (4, LEVEL_KEGIATAN, 3)]
    assert got[2].name == "Program Pelayanan Publik"


def test_no_cues_only_sums_break_the_tie():
    shapes = [hierarchy.RowShape(row=i + 1, name=n, pagu=p, realisasi=r) for i, (n, p, r) in enumerate([
        ("Penunjang", 310, 287), ("Keuangan", 210, 197), ("Gaji", 160, 147), ("Tunjangan", 50, 50),
        ("Umum", 100, 90), ("ATK", 100, 90), ("Pelayanan", 55, 45), ("Rapat", 55, 45)])]
    nodes = hierarchy.infer_hierarchy(shapes)
    assert [(n.row, n.parent) for n in nodes] == [(1, None), (2, 1), (3, 2), (4, 2), (5, 1), (6, 5), (7, None),
                                                  (8, 7)]
    assert [n.level for n in nodes][:3] == [LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN]
    assert {n.why for n in nodes} == {"sum"}


def test_kegiatan_and_sub_kegiatan_printed_alike_are_told_apart_by_sums():
    # a quarterly realisation layout: units, prefixed programs, then kegiatan and sub kegiatan printed alike
    t = make_table(["Urusan/Program/Kegiatan", "Realisasi"], [
        ["KECAMATAN SETU", "1.009.171.520"],
        ["PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "578.027.520"],
        ["Kegiatan Pemberdayaan Kelurahan", "213.684.000"],
        ["Pembangunan Sarana dan Prasarana Kelurahan", "210.034.000"],
        ["Pemberdayaan Masyarakat di Kelurahan", "3.650.000"],
        ["Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan", "364.343.520"],
        ["Peningkatan Kapasitas Lembaga Kemasyarakatan", "138.458.600"],
        ["Penyediaan Sarana dan Prasarana Lembaga Kemasyarakatan", "-"],
        ["Fasilitasi Pengembangan Usaha Ekonomi Masyarakat", "225.884.920"],
        ["PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", "431.144.000"],
        ["Koordinasi Upaya Penyelenggaraan Ketenteraman", "431.144.000"],
        ["Sinergitas dengan Kepolisian", "431.144.000"],
    ], name_col=0)
    got = lines_of(t)
    assert shape(got) == [
        (1, LEVEL_UNIT, None), (2, LEVEL_PROGRAM, 1), (3, LEVEL_KEGIATAN, 2), (4, LEVEL_SUBKEGIATAN, 3),
        (5, LEVEL_SUBKEGIATAN, 3), (6, LEVEL_KEGIATAN, 2), (7, LEVEL_SUBKEGIATAN, 6), (8, LEVEL_SUBKEGIATAN, 6),
        (9, LEVEL_SUBKEGIATAN, 6), (10, LEVEL_PROGRAM, 1), (11, LEVEL_KEGIATAN, 10), (12, LEVEL_SUBKEGIATAN, 11)]
    assert {x.unit for x in got[1:]} == {"KECAMATAN SETU"}


def test_alike_rows_that_do_not_add_up_are_detached_not_summed():
    t = make_table(["Program/Kegiatan", "Realisasi"], [
        ["Program Pemberdayaan Masyarakat", "578.027.520"],
        ["Pemberdayaan Kelurahan", "213.684.000"],
        ["Pembangunan Sarana", "210.034.000"],
        ["Pemberdayaan Masyarakat", "3.650.000"],
        ["Pemberdayaan Lembaga", "364.343.620"],  # its two rows below add up to 364.343.520
        ["Peningkatan Kapasitas", "138.458.600"],
        ["Fasilitasi Usaha", "225.884.920"],
    ], name_col=0)
    got = lines_of(t)
    assert [x.parent for x in got] == [None, None, 2, 2, None, None, None]
    assert [x.key is None for x in got] == [False] + [True] * 6


def test_flat_list_takes_the_level_its_prefixed_row_names():
    t = make_table(["SASARAN", "PROGRAM/KEGIATAN", "ANGGARAN", "REALISASI", "%"], [
        ["Terkendalinya Pencemaran", "Pemantauan Pencemaran Air", "2.541.376.000", "2.338.435.000", "92,01"],
        ["", "GCB - Penanganan Kasus Pencemaran", "2.000.000.000", "1.965.578.000", "98,28"],
        ["", "Satuan Tugas Penegakan Hukum", "1.500.000.000", "1.479.965.250", "98,66"],
        ["", "CLTH KKP Pengendalian Pencemaran", "500.000.000", "498.390.000", "99,68"],
        ["", "Pengendalian Pencemaran Lingkungan Hidup", "9.776.056.000", "5.623.938.000", "57,53"],
        ["", "Kegiatan Penanggulangan Bencana Lingkungan DAS Citarum", "10.328.700.000", "10.095.653.600", "97,74"],
    ])
    got = lines_of(t)
    assert [x.parent for x in got] == [None] * 6  # 2.000.000.000 = 1.500.000.000 + 500.000.000 is a coincidence
    # 'Program/Kegiatan' alone does not say which level; rows printed alike, none adding up to the rows below it,
    # one of them named 'Kegiatan …': a flat list of kegiatan, so each can be matched with the narrative (B404)
    assert [x.level for x in got] == [LEVEL_KEGIATAN] * 6
    assert [x.key for x in got][:2] == ["kegiatan:pemantauan pencemaran air",
                                        "kegiatan:gcb penanganan kasus pencemaran"]


def test_flat_list_rule_keeps_rows_under_a_prefixed_program():
    t = make_table(["Program/Kegiatan", "Anggaran"], [
        ["Program Pelayanan Administrasi", ""],
        ["Penyediaan Jasa Surat Menyurat", "12.345.000"],
        ["Penyediaan Alat Tulis Kantor", "7.655.000"],
        ["Program Peningkatan Disiplin Aparatur", ""],
        ["Pengadaan Pakaian Dinas", "40.000.000"],
    ], name_col=0)
    got = lines_of(t)
    assert [x.level for x in got] == [LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_KEGIATAN]


def test_flat_list_rule_needs_every_prefixed_row_on_one_level():
    t = make_table(["Program/Kegiatan", "Anggaran"], [
        ["Pemantauan Pencemaran Air", "2.541.376.000"],
        ["Kegiatan Pemantauan Pencemaran Udara", "1.329.532.000"],
        ["Program Rehabilitasi dan Konservasi", "8.468.000.000"],
        ["Pengelolaan Jasa Lingkungan", "300.000.000"],
    ], name_col=0)
    got = lines_of(t)
    assert got[1].level == LEVEL_KEGIATAN and got[2].level == LEVEL_PROGRAM
    assert got[0].key is None  # not made a kegiatan: the prefixes name two levels, so the list is not flat


def test_an_unnamed_row_between_named_rows_is_a_failure():
    t = make_table(["Program", "Anggaran", "Ket"], [
        ["Program Mitigasi dan Adaptasi Perubahan Iklim", "Rp 1.157.655.000", "APBD"],
        ["", "Rp 250.000.000", ""],
        ["Program Rehabilitasi dan Konservasi", "Rp 8.468.000.000", "APBD"],
    ], name_col=0)
    got, failures = budget.extract_table(t, info(t, ROLE_PK_BUDGET))
    assert [x.row for x in got] == [1, 3] and [x.parent for x in got] == [None, None]
    assert [(f.check, f.row) for f in failures] == [("budget-row-without-name", 2)]


def test_a_wrong_sum_stays_a_wrong_sum():
    # the kegiatan's realisasi (95) is not the sum of its sub kegiatan (90): numbering keeps the structure
    t = make_table(HEADER, [
        ["1.", "Penunjang Urusan", "100", "95", "95,00"],
        ["1", "Administrasi Keuangan", "100", "95", "95,00"],
        ["", "Gaji", "60", "50", "83,33"],
        ["", "Tunjangan", "40", "40", "100"],
    ])
    assert shape(lines_of(t)) == [(1, LEVEL_PROGRAM, None), (2, LEVEL_KEGIATAN, 1), (3, LEVEL_SUBKEGIATAN, 2),
                                  (4, LEVEL_SUBKEGIATAN, 2)]


def test_flat_numbered_list_is_never_regrouped_by_sums():
    t = make_table(HEADER, [
        ["1", "Program A", "300", "200", "66,67"],
        ["2", "Program B", "100", "100", "100"],
        ["3", "Program C", "200", "100", "50,00"],
    ])
    assert [x.parent for x in lines_of(t)] == [None, None, None]


def test_unit_table_jumlah_and_efisiensi_rows():
    t = make_table(["No", "Program", "Anggaran", "Realisasi", "%"], [
        ["1", "Program Penunjang Urusan", "126.599.750,00", "116.290.390,00", "91,86"],
        ["2", "Program Pemberdayaan Masyarakat", "229.691.230,00", "228.876.670,00", "99,65"],
        ["", "Jumlah", "356.290.980,00", "345.167.060,00", "96,88"],
        ["", "Jumlah efisiensi penggunaan sumber daya keuangan", "", "11.123.920,00", "3,12"],
    ], caption="Kelurahan Wailiti")
    got = lines_of(t, ROLE_UNIT_BUDGET, unit="Kelurahan Wailiti")
    assert shape(got) == [(1, LEVEL_PROGRAM, 3), (2, LEVEL_PROGRAM, 3), (3, LEVEL_JUMLAH, None),
                          (4, LEVEL_EFISIENSI, 3)]
    assert {x.unit for x in got} == {"Kelurahan Wailiti"}
    eff = got[3]
    assert eff.sisa is not None and eff.sisa.value == 11123920 and eff.realisasi is None
    assert eff.percent is not None and eff.percent.value == pytest.approx(3.12)
    assert eff.cell("sisa").column == "Realisasi"


def test_efficiency_table_rows_keep_penyerapan():
    t = make_table(["No", "Sasaran", "Indikator Sasaran", "Capaian Kinerja %", "Penyerapan Anggaran %",
                    "Tingkat Efisiensi %"], [
        ["1", "Tersedianya Sarana", "Indeks sarana prasarana", "1,30", "96,44", "3,56"],
        ["2", "Tersedianya SOP", "Tersedianya SOP", "1,15", "", ""],
    ])
    got = lines_of(t, ROLE_EFFICIENCY)
    assert len(got) == 1
    assert got[0].level == LEVEL_EFISIENSI and got[0].name == "Indeks sarana prasarana"
    assert got[0].percent is not None and got[0].percent.text == "3,56"
    absorbed = budget_names.penyerapan(got[0])
    assert absorbed is not None and absorbed.value == pytest.approx(96.44)


def test_pagu_after_the_budget_change_is_the_one_realisasi_is_measured_against():
    t = make_table(["No", "Program", "Anggaran Murni", "Anggaran Perubahan", "Realisasi", "%", "Sisa Anggaran"], [
        ["1.", "Program A", "100.000.000", "120.000.000", "90.000.000", "75,00", "30.000.000"]])
    line = lines_of(t)[0]
    assert (line.pagu.value, line.realisasi.value, line.percent.text, line.sisa.value) == (
        120000000, 90000000, "75,00", 30000000)


def test_a_cell_that_is_not_a_number_is_a_schema_failure():
    t = make_table(HEADER, [["1", "Program A", "APBD II", "100", "100"], ["2", "Program B", "5 - 6", "1", "1"]])
    got, failures = budget.extract_table(t, info(t))
    assert [(f.row, f.column, f.value) for f in failures] == [(1, "Anggaran", "APBD II"), (2, "Anggaran", "5 - 6")]
    assert got[0].pagu is None and got[0].realisasi is not None


def test_cells_point_at_page_table_row_column():
    t = make_table(HEADER, [["1.", "Program A", "100", "90", "90,00"]])
    line = lines_of(t)[0]
    src = line.cell("realisasi")
    assert (src.page, src.table, src.row, src.column, src.text) == (3, "Tabel 3.1", 1, "Realisasi", "90")


# --- keys across tables -------------------------------------------------------------------------------

def test_same_program_across_tables_shares_a_key_and_different_names_do_not():
    hier = make_table(HEADER, [
        ["1.", "Program Pemberdayaan Masyarakat Desa Dan Kelurahan", "922", "900", "97,61"],
        ["1", "Koordinasi Kegiatan Pemberdayaan Desa", "10", "9", "90,00"],
        ["", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa", "10", "9",
         "90,00"],
        ["2", "Koordinasi Kegiatan Pemberdayaan Kelurahan", "912", "891", "97,70"],
        ["", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Kelurahan", "912",
         "891", "97,70"],
    ], table_id="t1")
    pk = make_table(["NO.", "PROGRAM", "ANGGARAN"], [["1.", "Program Pemberdayaan Masyarakat dan Kelurahan", "922"]],
                    table_id="t2")
    unit = make_table(["No", "Program", "Anggaran", "Realisasi", "%"], [
        ["1", "Program Pemberdayan Masyarakat Desa dan Kelurahan", "225", "213", "94,67"],
        ["", "Jumlah", "225", "213", "94,67"]], table_id="t3")
    doc = Document(path="x", sha256="0" * 64, kind="text", pages=(), blocks=(), tables=(hier, pk, unit))
    infos = (info(hier), info(pk, ROLE_PK_BUDGET), info(unit, ROLE_UNIT_BUDGET, "Kelurahan Wuring"))
    lines, failures = budget.extract_budget(doc, infos)
    assert failures == ()
    programs = {x.key for x in lines if x.level == LEVEL_PROGRAM}
    assert programs == {"program:pemberdayaan masyarakat desa dan kelurahan"}
    subs = [x.key for x in lines if x.level == LEVEL_SUBKEGIATAN]
    assert len(set(subs)) == 2
    assert budget_names.resolve("Sub Kegiatan Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan "
                          "Pembangunan di Desa", lines)[0] == subs[0]
    assert budget_names.resolve("Kegiatan Koordinasi Kegiatan Pemberdayaan Kelurahan", lines, LEVEL_KEGIATAN)[0] \
        == "kegiatan:koordinasi kegiatan pemberdayaan kelurahan"
    assert budget_names.resolve("Program Penyelenggaraan Pemerintahan", lines) is None
    only_desa = [x for x in lines if "di Desa" not in x.name]
    assert budget_names.resolve("Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di "
                          "Desa", only_desa) is None  # Desa for Kelurahan is another sub kegiatan, not a typo


@pytest.mark.parametrize("a, b, same", [
    ("Program Pemberdayaan Masyarakat Desa Dan Kelurahan", "Program Pemberdayaan Masyarakat dan Kelurahan", True),
    ("Program Pemberdayaan Masyarakat Desa Dan Kelurahan", "Program Pemberdayan Masyarakat Desa dan Kelurahan", True),
    ("Program Penunjang Urusan Pemerintah Daerah Kabupaten / Kota",
     "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", True),
    ("Koordinasi Kegiatan Pemberdayaan Desa", "Koordinasi Kegiatan Pemberdayaan Kelurahan", False),
    ("Penyediaan Jasa Surat Menyurat", "Penyediaan Jasa Pelayanan Umum Kantor", False),
])
def test_name_score(a, b, same):
    assert (budget_names.name_score(a, b) >= budget_names.SAME_NAME) is same


# --- the seed ---------------------------------------------------------------------------------------------

def seed_lines(doc: Document) -> tuple[BudgetLine, ...]:
    """The budget lines of the seed report."""
    lines, failures = budget.extract_budget(doc, classify_tables(doc))
    assert failures == ()
    return lines


def _check_seed_realisation_table(lines: Sequence[BudgetLine]) -> None:
    """Tabel 3.8 of the seed: an unnamed total, 3 programs, 8 kegiatan, 18 sub kegiatan, nested right."""
    t38 = [x for x in lines if x.source.table == "Tabel 3.8"]
    levels = [x.level for x in t38]
    assert levels.count(LEVEL_TOTAL) == 1 and levels[0] == LEVEL_TOTAL
    assert (levels.count(LEVEL_PROGRAM), levels.count(LEVEL_KEGIATAN), levels.count(LEVEL_SUBKEGIATAN)) == (3, 8, 18)
    by_row = {x.row: x for x in t38}
    total = t38[0]
    assert total.realisasi is not None and total.realisasi.value == 4603119714 and total.realisasi.is_malformed
    gaji = next(x for x in t38 if x.name == "Penyediaan Gaji dan Tunjangan ASN")
    assert gaji.realisasi is not None and gaji.realisasi.value == 2949374059 and gaji.realisasi.is_malformed
    assert by_row[gaji.parent].name == "Administrasi Keuangan Perangkat Daerah"
    sarpras = next(x for x in t38 if x.name == "Pembangunan Sarana dan Prasarana Kelurahan")
    kegiatan = by_row[sarpras.parent]
    assert kegiatan.name == "Koordinasi Kegiatan Pemberdayaan Kelurahan"
    assert by_row[kegiatan.parent].name == "Program Pemberdayaan Masyarakat Desa Dan Kelurahan"
    assert by_row[kegiatan.parent].parent == total.row
    for x in t38:
        if x.level == LEVEL_PROGRAM:
            assert x.parent == total.row


def test_seed_text_export():
    lines = seed_lines(read_text(SEED))
    _check_seed_realisation_table(lines)
    units = {x.unit for x in lines if x.role == ROLE_UNIT_BUDGET}
    assert units == {"Kelurahan Wailiti", "Kelurahan Hewuli", "Kelurahan Wuring", "Kelurahan Wolomarang"}
    wuring = [x for x in lines if x.unit == "Kelurahan Wuring"]
    assert [x.level for x in wuring] == [LEVEL_PROGRAM] * 3 + [LEVEL_JUMLAH, LEVEL_EFISIENSI]
    assert wuring[1].pagu is not None and wuring[1].pagu.text == "23.230.000" and wuring[1].pagu.decimals == 0
    pk = [x for x in lines if x.role == ROLE_PK_BUDGET]
    assert pk[0].pagu is not None and pk[0].pagu.value == 3744272913 and pk[0].pagu.convention == "us"
    keys = {x.key for x in lines if x.level == LEVEL_PROGRAM}
    assert len(keys) == 3


@pytest.mark.skipif(not DOCX.exists(), reason="sample DOCX not built")
def test_seed_docx_sample():
    from lakip.ingest.docx_reader import read_docx
    _check_seed_realisation_table(seed_lines(read_docx(DOCX)))


# --- amounts per period (triwulan) -----------------------------------------------------------------------

QUARTERS = ["Program/Kegiatan", "Indikator Kinerja Program/Kegiatan"] + [
    f"Realisasi Kinerja Pada Triwulan I - IV Tahun 2023 / {q} / {n} / {k}"
    for q, n in (("I", 7), ("II", 8), ("III", 9)) for k in ("K", "Rp")]


def quarterly(rows: Sequence[Sequence[str]]) -> Table:
    """A quarterly realisation table: name, indicator, then K and Rp for Triwulan I, II and III (III empty)."""
    return make_table(QUARTERS, [list(r[:2]) + [r[2], r[3], r[4], r[5], "", ""] for r in rows], name_col=0,
                      caption=None)


def test_period_columns_are_the_rupiah_columns_of_each_quarter():
    from lakip.schemas import periods
    from lakip.schemas.roles import column_specs
    t = quarterly([["PROGRAM A", "Nilai", "", "10.000.000", "", "20.000.000"]])
    got = periods.period_columns(t, column_specs(t))
    assert [(c.period, c.field, c.index) for c in got] == [
        ("Triwulan I", "realisasi", 3), ("Triwulan II", "realisasi", 5), ("Triwulan III", "realisasi", 7)]
    tw = make_table(["Program", "Target Anggaran / TW 1", "Target Anggaran / TW 2"],
                    [["Program A", "5.000.000", "7.000.000"]], name_col=0)
    assert [(c.period, c.field) for c in periods.period_columns(tw, column_specs(tw))] == [
        ("TW 1", "pagu"), ("TW 2", "pagu")]


def test_quarterly_table_gives_one_set_of_lines_per_quarter():
    t = quarterly([
        ["KECAMATAN SERPONG", "", "", "2.978.822.654", "", "4.163.767.640"],
        ["PROGRAM PENUNJANG URUSAN", "Nilai LKE", "", "2.978.822.654", "", "4.163.767.640"],
        ["Administrasi Keuangan Perangkat Daerah", "Persentase", "21,91%", "2.978.822.654", "30,63%", "4.163.767.640"],
        ["Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang", "57", "2.978.822.654", "57", "4.153.109.640"],
        ["Koordinasi dan Pelaksanaan Akuntansi SKPD", "Jumlah Dokumen", "0", "-", "0", "1.898.000"],
        ["Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", "Jumlah Laporan", "0", "-", "0",
         "3.285.000"],
        ["Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan", "Jumlah Dokumen", "0", "-", "0", "-"],
        ["Koordinasi dan Penyusunan Laporan Keuangan Bulanan", "Jumlah Laporan", "0", "-", "0", "5.475.000"],
    ])
    got = lines_of(t)
    assert {x.table_id for x in got} == {"t1@Triwulan I", "t1@Triwulan II"}  # Triwulan III prints nothing
    q1 = [x for x in got if x.table_id == "t1@Triwulan I"]
    assert [(x.level, x.parent) for x in q1] == [
        (LEVEL_UNIT, None), (LEVEL_PROGRAM, 1), (LEVEL_KEGIATAN, 2)] + [(LEVEL_SUBKEGIATAN, 3)] * 5
    # Triwulan I alone would stop at the first sub kegiatan (2.978.822.654 + 0): the run that adds up in
    # both quarters is taken, so no sum is claimed wrongly
    assert all(x.key is None for x in got)  # a quarter's amount is never compared with the year's
    assert [x.realisasi.text for x in q1[:2]] == ["2.978.822.654", "2.978.822.654"]
    assert budget_names.subject(q1[2]) == "Administrasi Keuangan Perangkat Daerah (Triwulan I)"
    assert q1[2].cell("realisasi").column.endswith("/ I / 7 / Rp")
    assert {x.unit for x in got if x.level != LEVEL_UNIT} == {"KECAMATAN SERPONG"}
