"""Document facts (instansi, tahun, chapters, signing date) and mentions (figures, dates, years, table refs)."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from lakip.ingest.model import Cell, Document, Table, TextBlock
from lakip.ingest.text_reader import read_text
from lakip.schemas.document import extract_doc_facts, is_heading, is_toc_entry, text_lines, unspace
from lakip.values.dates import find_dates, is_date_line
from lakip.schemas.mentions import extract_mentions, years_in
from textdocs import document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_FILES = [SAMPLES / "lakip-kecamatan-alok-barat-2024.docx", SAMPLES / "lakip-kecamatan-alok-barat-2024.pdf"]


def wrapped(doc: Document, width: int = 80) -> Document:
    """The document as a PDF reader gives it: one block per printed line of at most ``width`` characters."""
    blocks = [TextBlock(part, b.page, None, b.order, b.bold) for b in doc.blocks
              for part in (textwrap.wrap(b.text, width) or [b.text])]
    return replace(doc, blocks=tuple(blocks))


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Document:
    """The seed report, read from its text export."""
    return read_text(seed_path)


def test_seed_document_facts(seed: Document) -> None:
    facts = extract_doc_facts(seed)
    assert facts.instansi == "Kecamatan Alok Barat"
    assert facts.tahun == 2024  # not 2025, the year on the cover and the signature
    assert facts.document_date == date(2025, 1, 20)  # the Kata Pengantar, not the PK (8 Oktober 2024)
    chapters = {c.key: c for c in facts.chapters}
    assert set(chapters) == {"ringkasan", "bab1", "bab2", "bab3", "bab4", "pk"}
    assert all(c.present for c in chapters.values())
    # the headings in the body, not the Sistematika Penyajian list ("BAB I : PENDAHULUAN" on one page)
    assert chapters["bab1"].source.text == "BAB I PENDAHULUAN"
    pages = [chapters[k].source.page for k in ("ringkasan", "bab1", "bab2", "bab3", "bab4")]
    assert pages == sorted(pages) and len(set(pages)) == 5
    assert "Perjanjian Kinerja" in chapters["pk"].source.text
    assert chapters["bab2"].source.page <= chapters["pk"].source.page < chapters["bab3"].source.page


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.suffix)
def test_same_document_facts_from_docx_and_pdf(seed: Document, path: Path) -> None:
    if not path.exists():
        pytest.skip(f"sample {path.name} not built")
    from lakip.ingest.reader import open_document
    expected, got = extract_doc_facts(seed), extract_doc_facts(open_document(path))
    assert (got.instansi, got.tahun, got.document_date) == (expected.instansi, expected.tahun, expected.document_date)
    assert [c.present for c in got.chapters] == [c.present for c in expected.chapters]


def test_wrapped_lines_give_the_same_facts(seed: Document) -> None:
    for width in (60, 90):
        got, expected = extract_doc_facts(wrapped(seed, width)), extract_doc_facts(seed)
        assert (got.instansi, got.tahun, got.document_date) == (
            expected.instansi, expected.tahun, expected.document_date)
        assert [c.present for c in got.chapters] == [True] * 6


def test_chapter_only_listed_in_toc_and_sistematika_is_missing(seed: Document) -> None:
    last_bab4 = max(i for i, b in enumerate(seed.blocks) if b.text == "BAB IV")
    cut = replace(seed, blocks=seed.blocks[:last_bab4])
    chapters = {c.key: c.present for c in extract_doc_facts(cut).chapters}
    assert chapters == {"ringkasan": True, "bab1": True, "bab2": True, "bab3": True, "bab4": False, "pk": True}
    assert any("BAB IV : P E N U T U P" in b.text for b in cut.blocks)  # still listed in Bab I


def test_toc_entries_with_page_numbers_are_not_headings() -> None:
    body = "Uraian yang cukup panjang tentang isi bab ini, ditulis sebagai kalimat biasa. " * 20
    doc = document(
        ["DAFTAR ISI", "KATA PENGANTAR ..... i", "RINGKASAN EKSEKUTIF ..... ii", "BAB I PENDAHULUAN ........ 1",
         "BAB II PERENCANAAN KINERJA ..... 5", "BAB III AKUNTABILITAS KINERJA 9", "BAB IV PENUTUP 20"],
        ["RINGKASAN EKSEKUTIF", body],
        ["BAB I", "PENDAHULUAN", body], ["BAB II", "PERENCANAAN KINERJA", body],
        ["BAB III", "AKUNTABILITAS KINERJA", body, "Demikian laporan ini disusun."])
    chapters = {c.key: c.present for c in extract_doc_facts(doc).chapters}
    assert chapters == {"ringkasan": True, "bab1": True, "bab2": True, "bab3": True, "bab4": False, "pk": False}


def test_packed_chapter_list_without_page_numbers_is_a_listing() -> None:
    body = "Uraian yang cukup panjang tentang isi bab ini, ditulis sebagai kalimat biasa. " * 20
    doc = document(
        ["Kata Pengantar", "Ringkasan Eksekutif", "Daftar Isi", "BAB I PENDAHULUAN", "1.1 Latar Belakang",
         "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP", "Lampiran"],
        ["Ringkasan Eksekutif", body], ["BAB I PENDAHULUAN", body], ["BAB II PERENCANAAN KINERJA", body],
        ["BAB III AKUNTABILITAS KINERJA", body])
    chapters = {c.key: (c.present, c.source.page if c.source else None) for c in extract_doc_facts(doc).chapters}
    assert chapters == {"ringkasan": (True, 2), "bab1": (True, 3), "bab2": (True, 4), "bab3": (True, 5),
                        "bab4": (False, None), "pk": (False, None)}


def test_perjanjian_kinerja_needs_pihak_or_a_table() -> None:
    prose = ["Dokumen ini memuat komitmen kinerja pimpinan untuk tahun berjalan."]
    with_pihak = document(["PERJANJIAN KINERJA TAHUN 2024", "Nama : Budi Santoso, SE", "Jabatan : Camat Nita",
                           "Selanjutnya disebut pihak pertama"])
    heading_only = document(["PERJANJIAN KINERJA TAHUN 2024", *prose])
    listed = document(["C. Perjanjian Kinerja Pimpinan Perangkat Daerah Tahun 2024;", *prose])
    table = Table("t1", None, (1,), ((Cell("Sasaran"), Cell("Indikator"), Cell("Target")),),
                  ((Cell("A"), Cell("B"), Cell("1")),), "test", order=1)
    with_table = document(["PERJANJIAN KINERJA TAHUN 2024", "KECAMATAN NITA"], tables=[table])
    assert [extract_doc_facts(d).chapters[-1].present for d in (with_pihak, heading_only, listed, with_table)] == [
        True, False, False, True]


def test_tahun_and_instansi_of_a_dinas_report() -> None:
    doc = document(
        ["LAPORAN KINERJA", "DINAS KESEHATAN", "KABUPATEN SIKKA", "TAHUN 2023"],
        ["KATA PENGANTAR",
         "Laporan Kinerja Dinas Kesehatan Tahun 2023 disusun berdasarkan Peraturan Menteri PANRB Nomor 53 "
         "Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja dan Renstra 2021-2026.",
         "Realisasi Tahun Anggaran 2023 disajikan pada Bab III.", "Maumere, 15 Februari 2024",
         "Kepala Dinas Kesehatan,", "dr. MARIA GORETI, M.Kes", "NIP. 19700101 199503 2 001"])
    facts = extract_doc_facts(doc)
    assert (facts.instansi, facts.tahun, facts.document_date) == ("Dinas Kesehatan", 2023, date(2024, 2, 15))


def test_document_date_is_the_report_signature_not_the_perjanjian_kinerja() -> None:
    body = ["Isi laporan yang menjelaskan capaian kinerja tahun ini secara lengkap dan rinci. " * 10]
    doc = document(["BAB I", "PENDAHULUAN", *body],
                   ["PERJANJIAN KINERJA TAHUN 2024", "Wailiti, 2 Januari 2024", "Pihak Kedua,", "Pihak Pertama,"],
                   ["BAB IV", "PENUTUP", *body, "Wailiti, 28 Januari 2025", "Camat Alok Barat,", "BUDI SANTOSO"])
    assert extract_doc_facts(doc).document_date == date(2025, 1, 28)


@pytest.mark.parametrize("text, found", [
    ("Wailiti, 20 Januari 2025", [("20 Januari 2025", date(2025, 1, 20))]),
    ("ditandatangani 8 Oktober 2024 dan 31 Juni 2024", [("8 Oktober 2024", date(2024, 10, 8)), ("31 Juni 2024", None)]),
    ("29 Februari 2024, 29 Pebruari 2023", [("29 Februari 2024", date(2024, 2, 29)), ("29 Pebruari 2023", None)]),
    ("tanggal 19 Nopember 2008", [("19 Nopember 2008", date(2008, 11, 19))]),
    ("tanggal 20-01-2025", [("20-01-2025", date(2025, 1, 20))]),
    ("di 12 Desa 2024 dan pasal 52/2016", []),
])
def test_find_dates(text: str, found: list) -> None:
    assert [(printed, value) for _, _, printed, value in find_dates(text)] == found


def test_line_helpers() -> None:
    assert unspace("BAB IV P E N U T U P") == "BAB IV PENUTUP"
    assert is_toc_entry("BAB II PERENCANAAN KINERJA..... 13") and is_toc_entry("Ringkasan Eksekutif iv")
    assert not is_toc_entry("BAB III") and not is_toc_entry("Analisis Capaian Kinerja")
    assert is_date_line("Wailiti, 20 Januari 2025") and is_date_line("Maumere, Januari 2025")
    assert not is_date_line("Laporan ini ditandatangani pada 20 Januari 2025 oleh Camat.")
    lines = text_lines(document(["B. Realisasi Anggaran", "Dalam melaksanakan program Tahun 2024 Kecamatan ini",
                                 "didukung anggaran sebesar Rp. 1.000.000,-."]))
    assert is_heading(lines, 0) and not is_heading(lines, 1)


# --- mentions ---------------------------------------------------------------------------------------------


def test_seed_figures(seed: Document) -> None:
    figures = extract_mentions(seed).figures
    malformed = {(m.figure.text, m.in_table, m.source.table) for m in figures if m.figure.is_malformed}
    assert malformed == {("4. 603.119.714", True, "Tabel 3.8"), ("2.949.374059", True, "Tabel 3.8"),
                         ("Rp. 4. 603.119.714,-", False, None)}
    us = [m for m in figures if m.figure.convention == "us"]
    assert [(m.figure.text, m.in_table, m.source.row, m.source.column) for m in us] == [
        ("3,744,272,913", True, 1, "ANGGARAN")]
    assert sum(1 for m in figures if m.in_table) > 300 and sum(1 for m in figures if not m.in_table) > 100


def test_seed_dates_and_years(seed: Document) -> None:
    found = extract_mentions(seed)
    assert [(d.text, d.value, d.context) for d in found.dates] == [
        ("20 Januari 2025", date(2025, 1, 20), "signature"), ("8 Oktober 2024", date(2024, 10, 8), "signature"),
        ("8 Oktober 2024", date(2024, 10, 8), "signature")]
    years = {(y.year, y.context) for y in found.years}
    assert (2024, "title") in years and (2025, "signature") in years and (2024, "caption") in years
    assert {y.year for y in found.years} == {2023, 2024, 2025}  # no 2014/2019 (legal references), no 2026 (periods)
    comparison = [y for y in found.years if y.year == 2023]
    assert all("Tahun 2024" in y.text for y in comparison)


@pytest.mark.parametrize("text, years", [
    ("Perjanjian Kinerja Tahun 2023", [2023]), ("Renstra Tahun 2024-2026", []), ("RPJMD 2021 – 2026", []),
    ("Peraturan Menteri PANRB Nomor 53 Tahun 2014", []), ("Keputusan Camat Nomor 38 Tahun 2019 tentang IKU", []),
    ("Capaian Tahun 2024 dengan Tahun 2023", [2024, 2023]), ("Tahun 2014 tentang Petunjuk Teknis", []),
])
def test_years_in(text: str, years: list[int]) -> None:
    assert years_in(text) == years


def test_seed_table_references(seed: Document) -> None:
    refs = extract_mentions(seed).table_refs
    assert [r.label for r in refs] == ["3.1", "3.2", "3.3", "3.4", "3.5"]
    assert refs[3].source.text == "tabel 3.4" and refs[3].source.page == refs[0].source.page


def test_table_references_in_lists_ranges_and_wrapped_lines() -> None:
    doc = document(["Tabel 3.1", "Capaian Kinerja Tahun 2024",
                    "Rinciannya dapat dilihat pada Tabel 3.1 dan 3.2, serta tabel 3.3, 3.4 dan 3.5.",
                    "Perbandingan disajikan pada tabel 4.1 s.d. 4.3.", "Analisis lebih lanjut dapat dilihat pada tabel",
                    "3.12 berikut ini. Lihat juga Tabel 4.2."], ["37"])
    assert [r.label for r in extract_mentions(doc).table_refs] == [
        "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "3.12", "4.2"]


def test_table_numbers_with_a_roman_chapter_read_as_digits() -> None:
    doc = document(["Tabel III.1", "Capaian Kinerja Tahun 2024",
                    "Capaian dapat dilihat pada Tabel III.1 dan III.2, anggaran pada tabel IV.1.",
                    "Tabel ini dan tabel I tidak dirujuk dengan nomor."], ["37"])
    assert [r.label for r in extract_mentions(doc).table_refs] == ["3.1", "3.2", "4.1"]
