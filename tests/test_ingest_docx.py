"""The DOCX reader: reading order, captions, merged header cells, page estimates, the sample report."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.shared import Twips

from lakip.ingest.docx_reader import read_docx
from lakip.ingest.errors import IngestError
from lakip.ingest.model import Cell
from lakip.ingest.text_reader import read_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "lakip-kecamatan-alok-barat-2024.docx"
SEED = ROOT.parent / "shared" / "seed" / "lakip-kecamatan-alok-barat-2024.txt"
"""The seed text the sample was built from (shared/ lies beside the checkout, in CI too)."""
A4 = (595.3, 841.9)


def fill(table, rows: list[list[str]]) -> None:
    """Write texts into a python-docx table's cells (None leaves a cell alone)."""
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text


def rendered_break_run(paragraph, text: str) -> None:
    """Add a run that starts with Word's ``w:lastRenderedPageBreak`` mark, then ``text``."""
    run = paragraph.add_run(text)
    run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))


def mark_header(row) -> None:
    """Mark a table row as a repeating header row (``w:tblHeader``)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def texts(rows) -> list[list[str]]:
    """Rows of cells as lists of their texts."""
    return [[c.text for c in row] for row in rows]


def build_report(path: Path) -> Path:
    """A small draft: heading, a page break, a caption, a two-level merged header table, a landscape section."""
    doc = new_docx()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Twips(11906), Twips(16838)
    doc.add_heading("BAB II PERENCANAAN KINERJA", level=1)
    doc.add_paragraph("Sebelum   jeda halaman.")
    doc.add_page_break()
    after = doc.add_paragraph()
    rendered_break_run(after, "Sesudah jeda halaman.")  # Word's mark right after a break: same page
    bold = doc.add_paragraph()
    bold.add_run("Semua ").bold = True
    bold.add_run("tebal").bold = True
    mixed = doc.add_paragraph()
    mixed.add_run("Sebagian ").bold = True
    mixed.add_run("tebal")
    doc.add_paragraph("Tabel 2.1 Target")
    table = doc.add_table(rows=6, cols=5)
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    table.cell(0, 2).merge(table.cell(0, 4))
    table.cell(3, 0).merge(table.cell(3, 1))
    table.cell(4, 0).merge(table.cell(5, 0))
    fill(table, [["No", "Indikator", "Target Capaian", None, None],
                 [None, None, "2024", "2025", "2026"],
                 ["1", "Indeks Kepuasan", "72,89", "73,89", "74,89"],
                 ["Jumlah", None, "1,30", "2,30", "3,30"],
                 ["2", "", "1,24", "", "3,24"],
                 [None, "", "1,15", "2,15", ""]])
    cell = table.cell(2, 1)
    cell.add_paragraph("  Masyarakat ")
    nested = table.cell(4, 1).add_table(rows=1, cols=2)
    fill(nested, [["Sub A", "Sub B"]])
    later = doc.add_paragraph("Sumber: olahan sendiri.")
    rendered_break_run(later, " Lanjutan di halaman berikut.")  # mid-page mark: a new page starts here
    doc.add_paragraph("Paragraf dengan jeda sebelum.").paragraph_format.page_break_before = True
    land = doc.add_section(WD_SECTION.NEW_PAGE)
    land.page_width, land.page_height = Twips(16838), Twips(11906)
    doc.add_paragraph("Halaman lanskap.")
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The small draft, read."""
    return read_docx(build_report(tmp_path_factory.mktemp("docx") / "draft.docx"))


def test_blocks_in_reading_order_with_estimated_pages_and_bold(report):
    assert report.kind == "docx"
    assert [(b.text, b.page, b.bold, b.order) for b in report.blocks] == [
        ("BAB II PERENCANAAN KINERJA", 1, True, 0),
        ("Sebelum jeda halaman.", 1, False, 1),
        ("Sesudah jeda halaman.", 2, False, 2),
        ("Semua tebal", 2, True, 3),
        ("Sebagian tebal", 2, False, 4),
        ("Tabel 2.1 Target", 2, False, 5),
        ("Sumber: olahan sendiri. Lanjutan di halaman berikut.", 2, False, 7),
        ("Paragraf dengan jeda sebelum.", 4, False, 8),
        ("Halaman lanskap.", 5, False, 9),
    ]
    assert all(b.bbox is None for b in report.blocks)


def test_table_header_merges_caption_and_rows(report):
    (table,) = report.tables
    assert (table.id, table.caption, table.pages, table.order, table.engine) == ("t1", "Tabel 2.1 Target", (2,), 6, "docx")
    assert table.header_labels() == ("No", "Indikator", "Target Capaian / 2024", "Target Capaian / 2025",
                                      "Target Capaian / 2026")
    assert texts(table.header) == [["No", "Indikator", "Target Capaian", "Target Capaian", "Target Capaian"],
                                   ["", "", "2024", "2025", "2026"]]
    assert [c.colspan for c in table.header[0]] == [1, 1, 3, 1, 1]
    assert texts(table.rows) == [["1", "Indeks Kepuasan Masyarakat", "72,89", "73,89", "74,89"],
                                 ["Jumlah", "", "1,30", "2,30", "3,30"],
                                 ["2", "Sub A Sub B", "1,24", "", "3,24"],
                                 ["", "", "1,15", "2,15", ""]]
    assert table.rows[1][0] == Cell("Jumlah", 2, None, 2)
    assert all(len(r) == 5 and all(c.page == 2 and c.bbox is None for c in r) for r in table.header + table.rows)


def test_pages_estimated_from_breaks_with_section_sizes(report):
    assert [(p.number, p.width, p.height, p.text_layer) for p in report.pages] == [
        (1, *A4, True), (2, *A4, True), (3, *A4, True), (4, *A4, True), (5, A4[1], A4[0], True)]
    assert report.pages[0].text == "BAB II PERENCANAAN KINERJA\nSebelum jeda halaman."
    assert report.pages[1].text.splitlines()[-3:] == ["2 Sub A Sub B 1,24 3,24", "1,15 2,15", "Sumber: olahan sendiri."]
    assert report.pages[2].text == "Lanjutan di halaman berikut."
    assert report.pages[4].text == "Halaman lanskap."


def header_table(path: Path, rows: list[list[str]], merges=(), marked: int = 0) -> Path:
    """A document holding one table with ``rows``, cells merged per ``merges``, ``marked`` header rows."""
    doc = new_docx()
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for (r0, c0), (r1, c1) in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    fill(table, rows)
    for row in table.rows[:marked]:
        mark_header(row)
    doc.save(path)
    return path


def test_sub_labels_under_a_merged_cell_and_column_numbers_are_header(tmp_path):
    rows = [["No", "Indikator", "Tahun 2024", None, "Tahun 2023", None],
            ["", "", "Realisasi", "Capaian", "Realisasi", "Capaian"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
            ["1", "IKM", "72,89", "100", "71,89", "100"]]
    doc = read_docx(header_table(tmp_path / "h.docx", rows, merges=[((0, 2), (0, 3)), ((0, 4), (0, 5))]))
    (table,) = doc.tables
    assert table.header_labels() == ("No / (1)", "Indikator / (2)", "Tahun 2024 / Realisasi / (3)",
                                      "Tahun 2024 / Capaian / (4)", "Tahun 2023 / Realisasi / (5)",
                                      "Tahun 2023 / Capaian / (6)")
    assert texts(table.rows) == [["1", "IKM", "72,89", "100", "71,89", "100"]]


def test_body_rows_that_merely_look_numeric_stay_body(tmp_path):
    rows = [["No", "Uraian", "Nilai"], ["1", "2", "5"], ["2", "Sarana", "1,30"]]
    (table,) = read_docx(header_table(tmp_path / "b.docx", rows)).tables
    assert texts(table.header) == [["No", "Uraian", "Nilai"]]
    assert texts(table.rows) == [["1", "2", "5"], ["2", "Sarana", "1,30"]]


def test_marked_header_rows_win_over_inference(tmp_path):
    rows = [["Program", "Anggaran"], ["Penunjang", "3.744.272.913"], ["2024", "2025"], ["Jumlah", "1"]]
    (table,) = read_docx(header_table(tmp_path / "m.docx", rows, marked=2)).tables
    assert texts(table.header) == [["Program", "Anggaran"], ["Penunjang", "3.744.272.913"]]
    assert texts(table.rows) == [["2024", "2025"], ["Jumlah", "1"]]


def test_old_word_doc_is_unsupported(tmp_path):
    doc = tmp_path / "laporan.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"WordDocument".ljust(512, b"\x00"))
    with pytest.raises(IngestError) as err:
        read_docx(doc)
    assert err.value.code == "unsupported"
    assert "laporan.doc" in err.value.message() and "laporan.doc" in err.value.message("en")


def row_keys(document) -> list[tuple[str, ...]]:
    """Every table row as its non-empty cell texts, header labels repeated over a span counted once."""
    keys = []
    for table in document.tables:
        for header, rows in ((True, table.header), (False, table.rows)):
            for row in rows:
                key: list[str] = []
                for c in row:
                    if c.text and not (header and key and key[-1] == c.text):
                        key.append(c.text)
                keys.append(tuple(key))
    return keys


@pytest.mark.skipif(not SAMPLE.exists() or not SEED.exists(),
                    reason="sample DOCX (samples/lakip-kecamatan-alok-barat-2024.docx) or its seed text is absent")
def test_sample_report_tables_match_the_seed():
    seed, doc = read_text(SEED), read_docx(SAMPLE)
    assert row_keys(doc) == row_keys(seed)
    assert [t.caption for t in doc.tables] == [t.caption for t in seed.tables]
    assert [len(t.header) for t in doc.tables] == [len(t.header) for t in seed.tables]
    pages = [t.first_page for t in doc.tables]
    assert pages == sorted(pages) and doc.n_pages >= pages[-1] > 1
    orders = [x.order for x in sorted(doc.blocks + doc.tables, key=lambda x: x.order)]
    assert orders == list(range(len(doc.blocks) + len(doc.tables)))


def _split_table_docx(path, repeat_header: bool, between: str | None) -> None:
    """A budget table split by hand into two Word tables after a page break."""
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    d.add_paragraph("Tabel 3.8 Realisasi Anggaran")
    header = ["No", "Program/Kegiatan", "Pagu", "Realisasi"]
    first = [["1", "Program Penunjang", "300.000.000", "290.000.000"], ["", "Administrasi Umum", "300.000.000",
                                                                         "290.000.000"]]
    second = [["2", "Program Pelayanan", "50.000.000", "49.500.000"], ["", "Koordinasi", "50.000.000", "49.500.000"]]
    for n, rows in enumerate((first, second)):
        if n:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            if between:
                d.add_paragraph(between)
        t = d.add_table(rows=0, cols=4)
        for r in ([header] if (n == 0 or repeat_header) else []) + rows:
            cells = t.add_row().cells
            for c, text in zip(cells, r):
                c.text = text
    d.save(str(path))


@pytest.mark.parametrize("repeat_header", [True, False])
def test_a_table_split_by_hand_after_a_page_break_is_one_table(tmp_path, repeat_header: bool) -> None:
    path = tmp_path / "split.docx"
    _split_table_docx(path, repeat_header, None)
    doc = read_docx(path)
    [table] = doc.tables
    assert [r[1].text for r in table.rows] == ["Program Penunjang", "Administrasi Umum", "Program Pelayanan",
                                               "Koordinasi"]
    assert table.pages == (1, 2)
    _split_table_docx(path, repeat_header, "(lanjutan)")
    assert len(read_docx(path).tables) == 1


def test_tables_with_text_between_them_stay_apart(tmp_path) -> None:
    path = tmp_path / "two.docx"
    _split_table_docx(path, True, "Tabel 3.9 Realisasi per Kelurahan")
    assert len(read_docx(path).tables) == 2
