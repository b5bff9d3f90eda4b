"""S101 and the chapter vocabulary: synonyms, headings outside the daftar isi, pages without text."""

from __future__ import annotations

from dataclasses import replace

from lakip import vocab
from lakip.ingest.model import Document, Page
from lakip.rules import s101_section_missing
from lakip.rules.runner import run_rules
from lakip.schemas.build import build_facts
from lakip.schemas.document import extract_doc_facts
from textdocs import document

FILLER = "Uraian bagian ini menjelaskan pelaksanaan tugas kecamatan selama tahun berjalan secara rinci. " * 10
COVER = ["LAPORAN KINERJA INSTANSI PEMERINTAH", "KECAMATAN ALOK BARAT", "TAHUN 2024"]
TOC = ["DAFTAR ISI", "Ringkasan Eksekutif ........ i", "BAB I PENDAHULUAN ........ 1",
       "BAB II PERENCANAAN KINERJA ........ 5", "BAB III AKUNTABILITAS KINERJA ........ 9",
       "BAB IV PENUTUP ........ 20", "LAMPIRAN PERJANJIAN KINERJA ........ 22"]
PK = ["PERJANJIAN KINERJA TAHUN 2024", "Camat Alok Barat, selanjutnya disebut pihak pertama,",
      "Bupati Sikka, selanjutnya disebut pihak kedua."]


def chapters_present(doc: Document) -> dict[str, bool]:
    """Chapter key → whether it was found as a heading."""
    return {c.key: c.present for c in extract_doc_facts(doc).chapters}


def s101(doc: Document) -> list:
    """The S101 findings on a Document, the way `lakip check` runs them."""
    return [f for f in run_rules(build_facts(doc), lambda code: code == "S101").findings]


def report(*chapters: list[str]) -> Document:
    """A report: cover, daftar isi, then the given chapter pages."""
    return document(COVER, TOC, *chapters)


def test_ikhtisar_heading_passes_when_the_toc_says_ringkasan() -> None:
    doc = report(["IKHTISAR EKSEKUTIF", FILLER], ["BAB I PENDAHULUAN", FILLER], ["BAB II PERENCANAAN KINERJA", FILLER],
                 ["BAB III AKUNTABILITAS KINERJA", FILLER], ["BAB IV PENUTUP", FILLER], PK)
    assert all(chapters_present(doc).values())
    assert s101(doc) == []


def test_toc_alone_does_not_count() -> None:
    doc = report(["BAB I PENDAHULUAN", FILLER], ["BAB II PERENCANAAN KINERJA", FILLER],
                 ["BAB III AKUNTABILITAS KINERJA", FILLER], ["BAB IV PENUTUP", FILLER], PK)
    found = s101(doc)
    assert [(f.subject, f.severity) for f in found] == [("Ringkasan Eksekutif", "error")]


def test_chapter_synonyms_of_practice() -> None:
    doc = report(["RINGKASAN EKSEKUTIF", FILLER], ["I. PENDAHULUAN", FILLER],
                 ["BAB 2 PERENCANAAN DAN PERJANJIAN KINERJA", FILLER], ["BAB III CAPAIAN KINERJA", FILLER],
                 ["BAB IV SIMPULAN", FILLER], PK)
    assert all(chapters_present(doc).values())


def test_user_words_extend_the_chapter_vocabulary() -> None:
    doc = report(["RINGKASAN EKSEKUTIF", FILLER], ["BAB I PENDAHULUAN", FILLER],
                 ["BAB II PERENCANAAN KINERJA", FILLER], ["BAB III AKUNTABILITAS KINERJA", FILLER],
                 ["BAB IV KATA AKHIR", FILLER], PK)
    assert chapters_present(doc)["bab4"] is False
    with vocab.use(vocab.parse_extension({"chapters": {"bab4": ["kata akhir"]}})):
        assert chapters_present(doc)["bab4"] is True


def without_text(doc: Document, *numbers: int) -> Document:
    """The document with the given pages scanned: no text layer and not read by OCR."""
    pages = tuple(replace(p, text_layer=False) if p.number in numbers else p for p in doc.pages)
    blocks = tuple(b for b in doc.blocks if b.page not in numbers)
    return replace(doc, pages=pages, blocks=blocks)


def test_a_chapter_perhaps_on_a_page_without_text_is_a_warning_not_an_error() -> None:
    doc = report(["RINGKASAN EKSEKUTIF", FILLER], ["BAB I PENDAHULUAN", FILLER],
                 ["BAB II PERENCANAAN KINERJA", FILLER], ["BAB III AKUNTABILITAS KINERJA", FILLER],
                 ["BAB IV PENUTUP", FILLER], PK)
    scanned = without_text(doc, 7)
    assert build_facts(scanned).pages_without_text == (7,)
    found = s101(scanned)
    assert [(f.subject, f.severity) for f in found] == [("Bab IV Penutup", "warning")]
    assert "halaman 7 tidak memiliki teks yang terbaca (1 halaman)" in found[0].message("id")
    assert "bagian ini mungkin ada di sana" in found[0].message("id")
    assert "pages 7 have no readable text (1 pages), it may be there" in found[0].message("en")
    assert s101(doc) == []


def test_the_runner_never_errors_s101_while_pages_lack_text() -> None:
    doc = report(["BAB I PENDAHULUAN", FILLER], ["BAB II PERENCANAAN KINERJA", FILLER],
                 ["BAB III AKUNTABILITAS KINERJA", FILLER], ["BAB IV PENUTUP", FILLER], PK)
    facts = replace(build_facts(doc), pages_without_text=(2, 9, 10))
    found = run_rules(facts, lambda code: code == "S101").findings
    assert [f.severity for f in found] == ["warning"]
    assert [f.severity for f in s101_section_missing.check(facts)] == ["error"]  # the runner lowers it
    assert "halaman 2, 9, 10" in found[0].message("id") and "(3 halaman)" in found[0].message("id")


def test_ocr_read_pages_are_not_pages_without_text() -> None:
    doc = report(["BAB I PENDAHULUAN", FILLER], ["BAB II PERENCANAAN KINERJA", FILLER],
                 ["BAB III AKUNTABILITAS KINERJA", FILLER], ["BAB IV PENUTUP", FILLER], PK)
    pages = tuple(Page(p.number, p.width, p.height, text_layer=p.number != 4, ocr=p.number == 4) for p in doc.pages)
    found = s101(replace(doc, pages=pages))
    assert [(f.subject, f.severity) for f in found] == [("Ringkasan Eksekutif", "error")]
