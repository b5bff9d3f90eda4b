"""Tests of the PDF reader (``lakip.ingest.pdf_reader.read_pdf``).

Inputs: the bundled sample (built from the seed text by samples/build_samples.py),
two real reports read from shared/real (never copied into the repo), and small PDFs
made here (rotated pages, an image-only page, tables laid out without ruling).
Expected rows of the real reports were written down from the rendered page images.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from lakip.ingest.pdf_reader import read_pdf
from lakip.ingest.settings import ExtractSettings
from lakip.ingest.text_reader import read_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
SEED = SHARED / "seed" / "lakip-kecamatan-alok-barat-2024.txt"
REAL = SHARED / "real"
JABAR = REAL / "jabar2016_bplhd_lkip.pdf"
TANGSEL = REAL / "tangsel2023_kewilayahan2_kecamatan_realisasi_triwulan.pdf"
NUMBER = re.compile(r"^[\d.,\s%]*\d[\d.,\s%]*$")


def need(path: Path) -> Path:
    """The path, or skip the test saying why (under CI a missing input fails instead)."""
    if not path.exists():
        msg = f"test input {path} is not there"
        if os.environ.get("CI"):
            pytest.fail(msg + " (CI is set: inputs must be present)")
        pytest.skip(msg)
    return path


def filled(row) -> list[str]:
    """The non-empty cell texts of a row, in order."""
    return [c.text for c in row if c.text]


@pytest.fixture(scope="module")
def sample():
    return read_pdf(need(SAMPLE))


@pytest.fixture(scope="module")
def seed():
    return read_text(need(SEED))


@pytest.fixture(scope="module")
def jabar():
    return read_pdf(need(JABAR))


@pytest.fixture(scope="module")
def tangsel():
    return read_pdf(need(TANGSEL))


# ---------------------------------------------------------------- settings

def test_settings_are_validated():
    assert ExtractSettings().source == "pdfium"
    with pytest.raises(ValueError):
        ExtractSettings(source="camelot")
    with pytest.raises(ValueError):
        ExtractSettings(word_gap=1.5)
    with pytest.raises(ValueError):
        ExtractSettings(snap_tolerance=-1)
    with pytest.raises(ValueError):
        ExtractSettings(max_header_rows=0)


# ---------------------------------------------------------------- the bundled sample

def test_sample_every_seed_row_comes_out_exactly(sample, seed):
    assert len(sample.tables) == len(seed.tables)
    missing = []
    for st, pt in zip(seed.tables, sample.tables):
        assert pt.caption == st.caption, (st.id, pt.caption, st.caption)
        got = [filled(r) for r in pt.rows]
        for row in st.rows:
            if filled(row) not in got:
                missing.append((st.id, filled(row)))
        assert len(pt.rows) == len(st.rows), (st.id, len(pt.rows), len(st.rows))
    assert missing == []


def test_sample_numbers_are_exact(sample, seed):
    seed_numbers = [c.text for t in seed.tables for r in t.rows for c in r if NUMBER.match(c.text)]
    pdf_numbers = [c.text for t in sample.tables for r in t.rows for c in r if NUMBER.match(c.text)]
    assert pdf_numbers == seed_numbers
    for odd in ("2.949.374059", "4. 603.119.714", "3,744,272,913"):
        assert odd in pdf_numbers


def test_sample_tables_have_shape_pages_and_boxes(sample):
    for t in sample.tables:
        assert t.engine == "pdfium:ruled"
        for row in t.header + t.rows:
            assert len(row) == t.n_cols
            for cell in row:
                assert cell.page in t.pages and cell.bbox is not None
                assert cell.text == " ".join(cell.text.split())
        assert set(t.bbox) == set(t.pages)
    orders = [t.order for t in sample.tables] + [b.order for b in sample.blocks]
    assert len(set(orders)) == len(orders)


def test_sample_table_across_pages_is_one_table(sample):
    t38 = next(t for t in sample.tables if t.caption and t.caption.startswith("Tabel 3.8"))
    assert len(t38.pages) >= 2 and t38.pages[1] == t38.pages[0] + 1
    assert len(t38.rows) == 30
    assert [filled(r) for r in t38.rows].count(filled(t38.header[0])) == 0   # repeated header dropped
    t22 = next(t for t in sample.tables if t.caption and t.caption.startswith("Tabel 2. 2"))
    assert len(t22.pages) >= 2        # a row cut at the page edge is put back together
    assert any(c.text.startswith("Membangun kerjasama Lintas Sektor, Organisasi kemasyarakatan")
               for r in t22.rows for c in r)


def test_sample_multi_level_headers(sample):
    labels = {lab for t in sample.tables for lab in t.header_labels()}
    assert "Target Capaian Setiap Tahun / 2024" in labels
    assert "Target Capaian Setiap Tahun / 2026" in labels
    assert "Tahun 2024 / Realisasi Kinerja" in labels
    assert "Tahun 2024 / Capaian Kinerja" in labels
    assert "Keuangan / Pagu / 9" in labels            # the column-number row is a header row too


def test_sample_text_blocks(sample):
    texts = [b.text for b in sample.blocks]
    for own_line in ("KATA PENGANTAR", "Camat Alok Barat,", "DON LAURENZO U. N. DA SILVA, SE",
                     "NIP. 19720121 199903 1 007", "RINGKASAN EKSEKUTIF"):
        assert own_line in texts
    pengantar = next(b for b in sample.blocks if b.text.startswith("Laporan Kinerja Kecamatan Alok Barat Tahun 2024 ini"))
    assert pengantar.text.endswith("Laporan Akuntabilitas Kinerja Instansi Pemerintah.") and pengantar.page == 2
    assert [b.order for b in sample.blocks] == sorted(b.order for b in sample.blocks)
    for t in sample.tables:           # no table words among the running text
        for b in sample.blocks:
            if b.page in t.bbox:
                x0, top, x1, bottom = t.bbox[b.page]
                cx, cy = (b.bbox[0] + b.bbox[2]) / 2, (b.bbox[1] + b.bbox[3]) / 2
                assert not (x0 < cx < x1 and top < cy < bottom), (t.id, b.text)
    page5 = sample.pages[4]
    assert "Tersedianya Sarana dan Prasarana" in " ".join(page5.text.split())   # page text keeps table words
    assert sample.n_pages > 30 and sample.pages_without_text() == ()
    assert any(p.width > p.height for p in sample.pages)            # landscape pages


# ---------------------------------------------------------------- made-up PDFs

def rotated_copy(src: Path, out: Path, plan: list[tuple[int, int]]) -> Path:
    """A PDF of pages of ``src`` drawn turned and given /Rotate so that they show upright."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(src))
    new = pdfium.PdfDocument.new()
    for index, rot in plan:
        w, h = doc[index].get_size()
        new.import_pages(doc, [index])
        xo = new.page_as_xobject(len(new) - 1, new)
        new.del_page(len(new) - 1)
        page = new.new_page(h, w) if rot in (90, 270) else new.new_page(w, h)
        m = pdfium.PdfMatrix()
        m = {90: m.rotate(90, ccw=True).translate(h, 0), 270: m.rotate(90, ccw=False).translate(0, w),
             180: m.rotate(180).translate(w, h)}[rot]
        obj = xo.as_pageobject()
        obj.transform(m)
        page.insert_obj(obj)
        page.gen_content()
        page.set_rotation(rot)
    new.save(str(out))
    return out


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_rotated_pages_read_like_upright_ones(sample, tmp_path, source):
    plan = [(44, 90), (44, 270), (43, 180), (30, 90)]     # Tabel 3.8 p.45, Tabel 3.7 p.44 and p.31 (landscape)
    doc = read_pdf(rotated_copy(SAMPLE, tmp_path / "rot.pdf", plan), ExtractSettings(source=source))
    assert [p.rotation for p in doc.pages] == [90, 270, 180, 90]
    assert doc.pages[3].width > doc.pages[3].height          # shown landscape
    by_page = {t.pages[0]: t for t in sample.tables}
    for k, (index, _) in enumerate(plan, start=1):
        got = next(t for t in doc.tables if t.pages == (k,))
        want = by_page[index + 1] if index + 1 in by_page else next(t for t in sample.tables if index + 1 in t.pages)
        want_rows = [filled(r) for r in want.rows if r[0].page == index + 1]
        assert [filled(r) for r in got.rows] == want_rows
        assert got.header_labels() == want.header_labels()


def minimal_pdf(pages: list[list[tuple]], size=(595.0, 842.0)) -> bytes:
    """A small PDF: ('text', x, baseline, size, text, bold) and ('line', x0, y0, x1, y1), top-left origin."""
    w, h = size
    objs: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                         b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"]
    parent = 3 + 2 * len(pages)
    kids = []
    for ops in pages:
        out = []
        for op in ops:
            if op[0] == "text":
                _, x, y, s, t, bold = op
                t = t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                out.append(f"BT /{'F2' if bold else 'F1'} {s} Tf {x:.2f} {h - y:.2f} Td ({t}) Tj ET")
            else:
                _, x0, y0, x1, y1 = op
                out.append(f"0.6 w {x0:.2f} {h - y0:.2f} m {x1:.2f} {h - y1:.2f} l S")
        data = "\n".join(out).encode("latin-1")
        objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
        objs.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 1 0 R /F2 2 0 R >> >> >>" % (parent, w, h, len(objs)))
        kids.append(len(objs))
    objs.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    objs.append(b"<< /Type /Catalog /Pages %d 0 R >>" % parent)
    buf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    buf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    buf += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, len(objs), xref)
    return bytes(buf)


def layout_table(top: float, header: list[list[tuple[float, str]]], rows: list[list[str]], xs: list[float],
                 ruled: bool = False, size: float = 9) -> tuple[list[tuple], float]:
    """Drawing operations of a table laid out with whitespace (optionally ruled above/below the header and at the end)."""
    ops, y = [], top
    for line in header:
        ops += [("text", x, y, size, t, True) for x, t in line]
        y += size * 1.4
    if ruled:
        ops += [("line", xs[0] - 5, top - size * 1.1, 540, top - size * 1.1), ("line", xs[0] - 5, y - size, 540, y - size)]
    for row in rows:
        for x, cell in zip(xs, row):
            ops += [("text", x, y + k * size * 1.2, size, part, False) for k, part in enumerate(cell.split("\n")) if part]
        y += size * 1.2 * max(len(c.split("\n")) for c in row) + size * 0.4
    if ruled:
        ops.append(("line", xs[0] - 5, y - size * 0.9, 540, y - size * 0.9))
    return ops, y


def test_unruled_and_partially_ruled_tables(tmp_path):
    header = [[(60, "No"), (90, "Indikator"), (250, "Satuan"), (345, "Target Capaian Setiap Tahun")],
              [(330, "2024"), (400, "2025"), (470, "2026")]]
    rows = [["1.", "Indeks Kepuasan\nMasyarakat", "Indeks", "72,89", "73,89", "74,89"],
            ["2.", "Indeks sarana prasarana", "%", "1,30", "2,30", "3,30"],
            ["3.", "Tersedianya SOP", "%", "4. 603.119.714", "3,744,272,913", "2.949.374059"]]
    t1, y = layout_table(140, header, rows, [60, 90, 250, 330, 400, 470])
    page1 = [("text", 60, 80, 11, "Tabel 2.1 Target Indikator", True),
             ("text", 60, 110, 11, "Berikut ini adalah target indikator kinerja sasaran tahun 2024 sampai dengan 2026:", False)]
    page1 += t1 + [("text", 60, y + 30, 11, "Demikian tabel di atas.", False)]
    t2, _ = layout_table(120, [[(60, "No"), (90, "Program"), (330, "Anggaran"), (430, "Realisasi")]],
                         [["1", "Program Penunjang Urusan\nPemerintahan Daerah", "3.744.272.913", "3.610.861.236"],
                          ["2", "Program Pemberdayaan", "922.166.880", "900.138.478"],
                          ["", "Jumlah", "4.666.439.793", "4.510.999.714"]], [60, 90, 330, 430], ruled=True)
    path = tmp_path / "unruled.pdf"
    path.write_bytes(minimal_pdf([page1, [("text", 60, 80, 11, "Tabel 3.1 Anggaran", True)] + t2]))
    doc = read_pdf(path)
    a, b = doc.tables
    assert a.engine == "pdfium:layout" and a.caption == "Tabel 2.1 Target Indikator"
    assert a.header_labels() == ("No", "Indikator", "Satuan", "Target Capaian Setiap Tahun / 2024",
                                 "Target Capaian Setiap Tahun / 2025", "Target Capaian Setiap Tahun / 2026")
    assert [filled(r) for r in a.rows] == [[c for c in r if c] for r in
                                           [[x.replace("\n", " ") for x in row] for row in rows]]
    assert b.caption == "Tabel 3.1 Anggaran" and b.header_labels() == ("No", "Program", "Anggaran", "Realisasi")
    assert [filled(r) for r in b.rows] == [["1", "Program Penunjang Urusan Pemerintahan Daerah", "3.744.272.913", "3.610.861.236"],
                                           ["2", "Program Pemberdayaan", "922.166.880", "900.138.478"],
                                           ["Jumlah", "4.666.439.793", "4.510.999.714"]]
    texts = [blk.text for blk in doc.blocks]
    assert "Demikian tabel di atas." in texts and not any("72,89" in t for t in texts)


def test_image_only_page_is_detected(tmp_path):
    import pypdfium2 as pdfium

    src = tmp_path / "text.pdf"
    src.write_bytes(minimal_pdf([[("text", 60, 80, 11, "Halaman dengan teks", False)]]))
    doc = pdfium.PdfDocument(str(src))
    bitmap = doc[0].render(scale=1).to_pil()
    page = doc.new_page(595, 842)
    image = pdfium.PdfImage.new(doc)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(bitmap))
    image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
    page.insert_obj(image)
    page.gen_content()
    out = tmp_path / "scanned.pdf"
    doc.save(str(out))
    got = read_pdf(out)
    assert got.pages_without_text() == (2,)
    assert got.pages[0].text_layer and got.blocks[0].text == "Halaman dengan teks"


# ---------------------------------------------------------------- real reports (expected rows read off the page images)

JABAR_P21 = [
    ["Tingkat penurunan emisi Gas Rumah Kaca (GRK)", "3 %", "3,19 %", "106,33%", "5-6%", "11,45%", "190,83%", "7-8%", "Percepatan"],
    ["3.", "Meningkatnya pengelolaan keanekaragaman hayati", "Jumlah Taman Keanekaragaman Hayati (KEHATI)",
     "1", "1", "100%", "1", "6", "600%", "1", "Percepatan"],
    ["4.", "Meningkatnya penyediaan pranata pengelolaan kawasan lindung",
     "Jumlah pedoman pengelolaan kawasan lindung dan non lindung dalam pelaksanaan pembangunan",
     "2", "2", "100%", "4", "4", "100%", "7", "-"],
]


def test_jabar_two_level_header_table_across_pages(jabar):
    t = next(t for t in jabar.tables if t.caption and t.caption.startswith("Tabel 3.2"))
    assert t.pages == (20, 21) and t.n_cols == 11
    assert t.header_labels()[:6] == ("No", "Sasaran Strategis", "Indikator Sasaran", "2015 / Target",
                                     "2015 / Realisasi", "2015 / Persentase Capaian")
    assert t.header_labels()[6:8] == ("2016 / Target", "2016 / Realisasi")
    assert [filled(r) for r in t.rows if r[0].page == 21] == JABAR_P21
    assert filled(t.rows[0])[:4] == ["1.", "Terkendalinya Beban Pencemaran Air Sungai Utama Dan Udara Perkotaan",
                                     "Pencapaian Status Mutu Sungai Utama Dan Waduk Besar Dengan Tingkat Cemar Sedang", "39%"]


JABAR_P33 = [
    ["Terkendalinya Beban Pencemaran Air Sungai Utama Dan Udara Perkotaan", "Pembinaan Teknis AMDAL di Jawa Barat",
     "400.000.000", "399.459.000", "99,86"],
    ["Penyusunan DED Pusat Keunggulan Lingkungan Hidup Provinsi Jawa Barat", "659.200.000", "632.194.000", "95,90"],
    ["Pembinaan dan Koordinasi Produksi Bersih dan Teknologi Lingkungan", "250.000.000", "250.000.000", "100"],
    ["METR Penyusunan Kajian Lingkungan Hidup Strategis Metropolitan Jawa Barat (3 Metropolitan)",
     "1.744.776.000", "1.738.839.000", "99,66"],
    ["PPP Penyusunan Kajian Lingkungan Hidup Strategis Pusat Pertumbuhan Jawa Barat (3 pusat Pertumbuhan)",
     "1.200.000.000", "1.170.232.000", "97,52"],
    ["Pembinaan dan Koordinasi KLHS di Jawa Barat", "300.000.000", "298.844.000", "99,61"],
    ["Pemantauan Pencemaran Air", "2.541.376.000", "2.338.435.000", "92,01"],
    ["Pemantauan Pencemaran Udara", "1.329.532.000", "1.244.545.088", "93,61"],
    ["Pemantauan Pencemaran Air Berbasis Masyarakat", "810.000.000", "697.289.500", "86,09"],
]
JABAR_P34_FIRST = ["Penyusunan Naskah Akademik dan Peraturan Gubernur Tentang Pengelolaan Limbah Industri",
                   "272.765.000", "254.179.095", "93,19"]
JABAR_P35_LAST = ["Meningkatnya penyediaan pranata pengelolaan kawasan lindung", "Koordinasi RAM-IP Kawasan Lindung",
                  "250.000.000", "199.111.022", "79,64"]


def test_jabar_budget_table_continuing_over_pages(jabar):
    t = next(t for t in jabar.tables if t.caption and t.caption.startswith("Tabel 3.5"))
    assert t.pages == (33, 34, 35)
    assert t.header_labels() == ("SASARAN", "PROGRAM/KEGIATAN", "ANGGARAN / (Rp.)", "REALISASI / Rp.", "REALISASI / %")
    assert [filled(r) for r in t.rows if r[0].page == 33] == JABAR_P33
    assert filled(next(r for r in t.rows if r[0].page == 34)) == JABAR_P34_FIRST
    assert filled(t.rows[-1]) == JABAR_P35_LAST
    assert len([r for r in t.rows if r[0].page == 34]) == 15 and len(t.rows) == 36


def test_jabar_unruled_tables(jabar):
    t = next(t for t in jabar.tables if t.caption and t.caption.startswith("Tabel 3.1 "))
    assert t.pages == (16,) and t.header_labels()[:3] == ("NO", "INDIKATOR KINERJA UTAMA", "TARGET RENSTRA TAHUN 2016")
    assert filled(t.rows[3]) == ["4", "Tingkat penurunan emisi Gas Rumah Kaca (GRK)", "5-6%", "11,45%", "190,83%", "IKU GUBERNUR"]
    prog = next(t for t in jabar.tables if t.pages == (13,) and t.header_labels() == ("Program", "Anggaran", "Keterangan"))
    assert [filled(r) for r in prog.rows][-1] == ["Program Rehabilitasi dan Konservasi Sumber Daya Alam dan Lingkungan Hidup",
                                                "Rp 8.468.000.000", "APBD"]


TANGSEL_P1 = [
    ["KECAMATAN SERPONG", "5.386.591.301", "8.775.986.038", "Kec. Serpong"],
    ["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA", "Nilai LKE PMPRB Perangkat Daerah",
     "4.459.597.101", "6.299.386.278", "Kec. Serpong"],
    ["Predikat SAKIP", "Kec. Serpong"],
    ["Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Jumlah Dokumen Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah yang sesuai pedoman dan tersusun tepat waktu",
     "0", "-", "0", "15.180.000", "Kec. Serpong"],
    ["Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat Daerah",
     "0", "-", "0", "5.915.000", "Kec. Serpong"],
]
TANGSEL_P5 = [
    ["KECAMATAN SERPONG UTARA", "4.261.499.093", "8.170.848.449", "Kec. Serpong Utara"],
    ["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA", "Nilai LKE PMPRB Perangkat Daerah",
     "3.571.117.343", "5.161.300.809", "Kec. Serpong Utara"],
    ["Predikat SAKIP", "Kec. Serpong Utara"],
    ["Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Jumlah Dokumen Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah yang sesuai pedoman dan tersusun tepat waktu",
     "0", "-", "0", "18.691.500", "Kec. Serpong Utara"],
    ["Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat Daerah",
     "0", "-", "0", "18.691.500", "Kec. Serpong Utara"],
    ["Koordinasi dan Penyusunan Dokumen RKA- SKPD", "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
     "0", "-", "0", "-", "Kec. Serpong Utara"],
    ["Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",
     "Jumlah Dokumen Perubahan RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen Perubahan RKA-SKPD",
     "0", "-", "0", "-", "Kec. Serpong Utara"],
]


def test_tangsel_landscape_table_with_unruled_rows(tangsel):
    assert all(p.width > p.height for p in tangsel.pages)
    t = tangsel.tables[0]
    assert t.pages == tuple(range(1, 16)) and t.n_cols == 11
    labels = t.header_labels()
    assert labels[0] == "Urusan/Bidang Urusan/Program/Kegiatan / 2"
    assert labels[3] == "Realisasi Kinerja Pada Triwulan I - IV Tahun 2023 / I / 7 / Rp"
    assert labels[5] == "Realisasi Kinerja Pada Triwulan I - IV Tahun 2023 / II / 8 / Rp"
    assert [filled(r) for r in t.rows if r[0].page == 1][:5] == TANGSEL_P1
    assert [filled(r) for r in t.rows if r[0].page == 5][:7] == TANGSEL_P5


def test_borderless_table_continued_under_a_repeated_three_line_header(tmp_path):
    """A row cut at the page break, a repeated header with its column-number line, and a unit wider than
    its column's gutter: every row comes out whole and every value under its label."""
    xs = [40, 170, 290, 390, 450, 510]
    head = [[(40, "Sasaran"), (170, "Indikator"), (290, "Satuan"), (410, "Target Setiap Tahun")],
            [(390, "2024"), (450, "2025"), (510, "2026")],
            [(40, "(1)"), (170, "(2)"), (290, "(3)"), (390, "(4)"), (450, "(5)"), (510, "(6)")]]

    def header_ops(top):
        ops = [("text", x, top + i * 13, 9, t, i < 2) for i, line in enumerate(head) for x, t in line]
        return ops, top + 3 * 13 + 6

    ops1, y = header_ops(100)
    for label, ind, unit, vals in (("Meningkatnya kesempatan", "Tingkat pengangguran", "%", ("5,20", "4,70", "4,20")),
                                   ("Meningkatnya layanan", "Jumlah kasus DBD", "kasus", ("81", "71", "61"))):
        ops1 += [("text", 40, y, 9, label, False), ("text", 170, y, 9, ind, False), ("text", 290, y, 9, unit, False)]
        ops1 += [("text", x, y, 9, v, False) for x, v in zip(xs[3:], vals)]
        y += 18
    # the last row of page 1: its unit, centred, starts left of the gutter; its names go on over the page
    ops1 += [("text", 40, y, 9, "Meningkatnya kualitas", False), ("text", 170, y, 9, "Angka kematian", False),
             ("text", 248, y, 9, "per 1.000 KH", False)]
    ops1 += [("text", x, y, 9, v, False) for x, v in zip(xs[3:], ("145", "136", "127"))]
    ops2, y = header_ops(60)
    ops2 += [("text", 40, y, 9, "perencanaan", False), ("text", 170, y, 9, "ibu", False)]
    y += 18
    ops2 += [("text", 40, y, 9, "Meningkatnya partisipasi", False), ("text", 170, y, 9, "Persentase aduan", False),
             ("text", 290, y, 9, "%", False)]
    ops2 += [("text", x, y, 9, v, False) for x, v in zip(xs[3:], ("87,13", "89,13", "91,13"))]
    path = tmp_path / "continued.pdf"
    path.write_bytes(minimal_pdf([[("text", 40, 80, 11, "Tabel 2.1 Target Jangka Menengah", True)] + ops1, ops2]))
    [table] = read_pdf(path).tables
    assert table.pages == (1, 2)
    assert table.header_labels()[3:] == ("Target Setiap Tahun / 2024 / (4)", "Target Setiap Tahun / 2025 / (5)",
                                         "Target Setiap Tahun / 2026 / (6)")
    assert [filled(r) for r in table.rows] == [
        ["Meningkatnya kesempatan", "Tingkat pengangguran", "%", "5,20", "4,70", "4,20"],
        ["Meningkatnya layanan", "Jumlah kasus DBD", "kasus", "81", "71", "61"],
        ["Meningkatnya kualitas perencanaan", "Angka kematian ibu", "per 1.000 KH", "145", "136", "127"],
        ["Meningkatnya partisipasi", "Persentase aduan", "%", "87,13", "89,13", "91,13"]]


def test_right_aligned_figures_close_to_left_aligned_text_are_two_columns(tmp_path):
    """Cell paddings alone (less than a character) between a figure column and a text column still
    separate them when the strip runs through every line of the table."""
    names = ["Tingkat pengangguran", "Jumlah kasus DBD", "Nilai SAKIP", "Indeks Kepuasan", "Jumlah dokumen",
             "Inflasi", "Angka kematian", "Persentase aduan"]
    values = ["4,20", "6,10", "7,28", "1,00", "2,50", "3,27", "1,27", "9,13"]
    ops = [("text", 60, 80, 11, "Tabel 2 Indikator Kinerja Utama", True),
           ("text", 60, 110, 9, "Indikator", True), ("text", 380, 110, 9, "Target", True),
           ("text", 425, 110, 9, "Sumber Data", True)]
    y = 126
    for name, value in zip(names, values):
        ops += [("text", 60, y, 9, name, False), ("text", 400, y, 9, value, False),
                ("text", 425, y, 9, "Laporan Tahunan", False)]
        y += 14
    path = tmp_path / "narrow.pdf"
    path.write_bytes(minimal_pdf([ops]))
    [table] = read_pdf(path).tables
    assert table.header_labels() == ("Indikator", "Target", "Sumber Data")
    assert [filled(r) for r in table.rows] == [[n, v, "Laporan Tahunan"] for n, v in zip(names, values)]


def test_numbered_borderless_table_with_padded_rows_and_wrapped_ranges(tmp_path):
    """Rows numbered 1., 2., … in the first column (not a list), a blank line of padding between rows,
    names wrapped over several lines and range targets wrapped after their dash."""
    ops = [("text", 40, 80, 11, "Tabel 1 Target Jangka Menengah", True),
           ("text", 40, 110, 9, "No", True), ("text", 70, 110, 9, "Indikator", True),
           ("text", 250, 110, 9, "Satuan", True), ("text", 330, 110, 9, "2021", True),
           ("text", 400, 110, 9, "2022", True), ("text", 470, 110, 9, "2023", True)]
    rows = [("1.", ["Jumlah inovasi", "pelayanan publik"], "inovasi", [["6"], ["7"], ["8"]]),
            ("2.", ["Persentase temuan", "yang belum", "ditindaklanjuti"], "%", [["17,25-", "22,05"], ["15,00-", "19,80"], ["12,75-", "17,55"]]),
            ("3.", ["Nilai SAKIP"], "nilai", [["61,20"], ["63,40"], ["65,10"]]),
            ("4.", ["Jumlah kasus DBD", "di wilayah"], "kasus", [["69"], ["59"], ["49"]])]
    y = 136
    for no, name, unit, values in rows:
        ops += [("text", 40, y, 9, no, False), ("text", 250, y, 9, unit, False)]
        ops += [("text", 70, y + 11 * i, 9, part, False) for i, part in enumerate(name)]
        for x, parts in zip((330, 400, 470), values):
            ops += [("text", x, y + 11 * i, 9, part, False) for i, part in enumerate(parts)]
        y += 11 * len(name) + 20  # a padded row: more than a line and a half of white above the next
    path = tmp_path / "padded.pdf"
    path.write_bytes(minimal_pdf([ops]))
    [table] = read_pdf(path).tables
    assert [filled(r) for r in table.rows] == [
        ["1.", "Jumlah inovasi pelayanan publik", "inovasi", "6", "7", "8"],
        ["2.", "Persentase temuan yang belum ditindaklanjuti", "%", "17,25-22,05", "15,00-19,80", "12,75-17,55"],
        ["3.", "Nilai SAKIP", "nilai", "61,20", "63,40", "65,10"],
        ["4.", "Jumlah kasus DBD di wilayah", "kasus", "69", "59", "49"]]
