"""Scanned pages: OCR feeds the same Document, so every rule works on scans as on born-digital pages.

The scanned inputs are made from the sample report (``tests/scanned.py``):
pages rendered at 150 or 200 dpi, tilted up to 1° (one page 3°), soiled with
sensor noise and specks, stored as JPEG images without a text layer. What
must come out is what the born-digital sample gives — the expected values are
read from the sample itself, never written here. The whole scanned document
is read once per session (the slow part, a few minutes on two cores).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from lakip.config import Settings
from lakip.values.figures import parse_figure
from lakip.ingest.model import Document
from lakip.ingest.ocr import MIN_CONFIDENCE, ocr_unavailable, reset_availability, scan_pages
from lakip.ingest.ocr_repair import repair, repair_figure, repair_nip
from lakip.ingest.ocr_words import DOUBTFUL
from lakip.ingest.pdf_reader import load_pages, read_pdf
from lakip.ingest.pdf_text import Word
from lakip.ingest.settings import DEFAULT_SETTINGS
from lakip.pipeline import check_document, understand
from lakip.report.json_report import to_json
from lakip.rules.base import Finding, Location
from lakip.rules.runner import OCR_NOTE, mark_ocr
from lakip.schemas.facts import DocFacts, Facts
from lakip.values.nip import find_nips

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scanned import render_page, scan_pdf  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
FIGURE_COLUMNS = re.compile(r"target|anggaran|pagu|realisasi|capaian", re.I)


@pytest.fixture(scope="session")
def ocr_ready() -> None:
    """Skip when Tesseract is not installed here; under CI (which installs it) fail instead."""
    why = ocr_unavailable()
    if why and os.environ.get("CI"):
        pytest.fail(f"OCR must be available in CI: {why}")
    if why:
        pytest.skip(f"OCR not available: {why}")


@pytest.fixture(scope="session")
def born() -> Document:
    """The born-digital sample."""
    return read_pdf(SAMPLE)


@pytest.fixture(scope="session")
def pk_pages(born: Document) -> list[int]:
    """The Perjanjian Kinerja pages: those that open with the PK's title in capitals (the signed pages)."""
    title = re.compile(r"^(RINCIAN\s+)?(LAMPIRAN\s+)?PERJANJIAN KINERJA\b")
    pages = [p.number for p in born.pages if title.match(p.text.strip())]
    assert len(pages) >= 2
    return pages


@pytest.fixture(scope="session")
def scans(tmp_path_factory) -> Path:
    """Where this session's scanned PDFs are built."""
    return tmp_path_factory.mktemp("scans")


@pytest.fixture(scope="session")
def pk_only(ocr_ready, scans: Path, pk_pages: list[int]) -> Document:
    """The PK pages alone, scanned at 150 dpi, read back."""
    return read_pdf(scan_pdf(SAMPLE, scans / "pk150.pdf", dpi=150, pages=pk_pages, only=True))


@pytest.fixture(scope="session")
def mixed(ocr_ready, scans: Path, pk_pages: list[int]) -> Document:
    """The sample with its PK pages scanned at 200 dpi (the usual real case), read back."""
    return read_pdf(scan_pdf(SAMPLE, scans / "mixed200.pdf", dpi=200, pages=pk_pages, seed=11))


@pytest.fixture(scope="session")
def whole(ocr_ready, scans: Path) -> Document:
    """The whole sample scanned at 150 dpi, read back (the slow fixture)."""
    return read_pdf(scan_pdf(SAMPLE, scans / "whole150.pdf", dpi=150, seed=5))


# ---------------------------------------------------------------- helpers

def figure_cells(doc: Document, page: int) -> list[str]:
    """The texts of the body cells on a page under a target, budget or realisasi column."""
    out = []
    for t in doc.tables:
        labels = t.header_labels()
        for row in t.rows:
            out += [c.text for c, label in zip(row, labels) if c.page == page and FIGURE_COLUMNS.search(label)]
    return out


def nips(text: str) -> list[str]:
    """The NIPs printed in a text, as printed."""
    return [t for *_, t in find_nips(text)]


def signature_names(doc: Document, page: int) -> list[str]:
    """Names on a page as printed: 'Nama : …' values and upper-case signature lines before a rank/NIP."""
    lines = [ln.strip() for ln in doc.pages[page - 1].text.splitlines() if ln.strip()]
    names = [ln.split(":", 1)[1].strip() for ln in lines if re.match(r"^Nama\s*:", ln)]
    names += [ln for ln in lines if re.match(r"^[A-Z][A-Z .,']+,\s*S", ln)]
    return names


def comparable(f: Finding) -> tuple:
    """A finding as rule, subject and values, without what OCR adds."""
    values = {k: v for k, v in f.values.items() if k != "ocr_confidence"}
    return f.rule, f.subject, repr(sorted(values.items()))


# ---------------------------------------------------------------- image geometry (no Tesseract needed)

@pytest.mark.parametrize("angle", [0.8, -1.6, 3.0])
def test_tilt_is_found(angle: float) -> None:
    """The tilt of a page turned by a known angle is found within 0.1°."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    from lakip.ingest.ocr_tables import skew_angle

    pdf = pdfium.PdfDocument(str(SAMPLE))
    page = render_page(pdf, 29, 150).rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    pdf.close()
    assert skew_angle(np.asarray(page)) == pytest.approx(-angle, abs=0.1)


def test_ruling_lines_from_the_image_match_the_drawn_ones(pk_pages: list[int]) -> None:
    """The grid found in a rendered PK page is the grid the PDF draws (within 1.5 pt)."""
    import numpy as np
    import pypdfium2 as pdfium

    from lakip.ingest.ocr_tables import grid_cells, ink_mask, ruling_lines, to_points
    from lakip.ingest.pdf_tables import Rule

    page = pk_pages[1]
    content = load_pages(SAMPLE.read_bytes(), DEFAULT_SETTINGS)[page - 1]
    pdf = pdfium.PdfDocument(str(SAMPLE))
    gray = np.asarray(render_page(pdf, page - 1, 300))
    pdf.close()
    lines = ruling_lines(ink_mask(gray), 300)
    found = [Rule(*to_points(b, 72 / 300)) for b in lines.horizontal + lines.vertical]
    drawn_regions, drawn_cells = grid_cells(content.rules, DEFAULT_SETTINGS)
    regions, cells = grid_cells(found, DEFAULT_SETTINGS)
    assert len(regions) == len(drawn_regions) >= 1
    assert len(cells) == len(drawn_cells)
    for a, b in zip(sorted(cells), sorted(drawn_cells)):
        assert max(abs(x - y) for x, y in zip(a, b)) < 1.5


# ---------------------------------------------------------------- repairs (no Tesseract needed)

@pytest.mark.parametrize("read,fixed", [
    ("l,30", "1,30"), ("2O24", "2024"), ("3.7S4.272.913", "3.754.272.913"),
    ("Rp.4.76O.149.793,-", "Rp.4.760.149.793,-"), ("96,7O%", "96,70%"), ("2:15", "2,15"),
    ("“18.245.500", "18.245.500"), ("Yo", "%"),
])
def test_lookalikes_repaired_when_the_result_is_a_clean_figure(read: str, fixed: str) -> None:
    """O/0, l/1, S/5, a colon for a comma, a stray quote: repaired when the figure then fits."""
    assert repair_figure(read) == fixed


@pytest.mark.parametrize("read", ["SOP", "1,30", "B1", "IO", "2.949.374O59", "2024;", "Indeks"])
def test_tokens_that_do_not_fit_are_left_alone(read: str) -> None:
    """Words, clean figures and figures no single repair can make clean are not changed."""
    assert repair_figure(read) is None


def test_time_of_day_keeps_its_colon() -> None:
    """'pukul 08:15' is a time, not the figure 8,15."""
    words = [Word(t, 10.0 * i, 0, 10.0 * i + 8, 10, 9, 10, False) for i, t in enumerate(["pukul", "08:15", "WITA"])]
    fixed, _ = repair(words, [0.9, 0.9, 0.9])
    assert fixed[1].text == "08:15"


def test_nip_repaired_only_when_it_then_is_valid() -> None:
    """Look-alikes in the groups after 'NIP.' are repaired when the 18 digits then make a valid NIP."""
    assert repair_nip(["1972O121", "l99903", "1", "OO7"]) == ["19720121", "199903", "1", "007"]
    assert repair_nip(["1972O121", "199903", "1"]) is None          # 15 digits: no NIP
    assert repair_nip(["19721321", "199903", "1", "007"]) is None   # month 13: not a valid NIP


def test_unfit_numbers_and_nips_lose_confidence() -> None:
    """A number no repair can make fit, and a NIP that stays invalid, keep at most DOUBTFUL."""
    texts = ["2.949.374059", "NIP.", "1972O1", "199903", "1", "007", "1,30"]
    words = [Word(t, 30.0 * i, 0, 30.0 * i + 25, 10, 9, 10, False) for i, t in enumerate(texts)]
    _, confs = repair(words, [0.95] * len(words))
    assert confs[0] <= DOUBTFUL and all(c <= DOUBTFUL for c in confs[2:6]) and confs[6] == 0.95


# ---------------------------------------------------------------- findings resting on OCR

def _facts(regions=(), pages=((30, 0.93),)) -> Facts:
    """Facts of a report whose page 30 was read by OCR."""
    return Facts(path="x.pdf", sha256="0" * 64, pages=40, kind="pdf", doc=DocFacts(instansi=None, tahun=2024),
                 ocr_pages=tuple(pages), ocr_regions=tuple(regions))


def _finding(*locations: Location) -> Finding:
    """An error finding at some locations."""
    return Finding("T301", "target-mismatch", "error", "Indeks", {"a": 1.3, "b": 2.15}, tuple(locations),
                   "Target berbeda", "Targets differ")


def test_finding_on_unsure_ocr_becomes_a_warning_and_says_so() -> None:
    """An error resting on a figure OCR read at 0.6 is a warning, tells to verify, carries 0.6."""
    facts = _facts(regions=[(30, (100.0, 200.0, 150.0, 220.0), 0.6, "2,15")])
    got = mark_ocr(_finding(Location(page=5), Location(page=30, bbox=(110.0, 205.0, 140.0, 215.0))), facts)
    assert got.severity == "warning" and got.values["ocr_confidence"] == 0.6
    assert got.message_id.endswith(OCR_NOTE[0]) and got.message_en.endswith(OCR_NOTE[1])


def test_finding_on_sure_ocr_stays_an_error_but_says_so() -> None:
    """Read surely (page confidence 0.93, no doubtful cell there), the error stays, with the note."""
    got = mark_ocr(_finding(Location(page=30, bbox=(300.0, 300.0, 320.0, 310.0))), _facts())
    assert got.severity == "error" and got.values["ocr_confidence"] >= MIN_CONFIDENCE
    assert "OCR" in got.message_id


def test_finding_pointing_at_an_unsure_cell_by_its_text_becomes_a_warning() -> None:
    """A location whose box misses the cell but names its text takes that cell's confidence."""
    facts = _facts(regions=[(30, (100.0, 200.0, 150.0, 220.0), 0.38, "9%"), (30, (10.0, 200.0, 90.0, 220.0), 0.96, "x")])
    got = mark_ocr(_finding(Location(page=30, text="9%", bbox=(20.0, 205.0, 80.0, 215.0))), facts)
    assert got.severity == "warning" and got.values["ocr_confidence"] == 0.38


def test_finding_on_text_pages_is_untouched() -> None:
    """A finding with no location on an OCR'd page is returned as it was."""
    f = _finding(Location(page=5), Location(page=31))
    assert mark_ocr(f, _facts()) is f


# ---------------------------------------------------------------- without Tesseract

def test_without_ocr_the_pages_are_listed_with_how_to_enable(monkeypatch, scans: Path, pk_pages: list[int],
                                                              born: Document) -> None:
    """With OCR switched off (as when it is not installed) reading works, the scanned pages are listed
    as without text in the coverage, and the facts say OCR is unavailable."""
    path = scan_pdf(SAMPLE, scans / "mixed-noocr.pdf", dpi=100, pages=pk_pages, seed=3)
    monkeypatch.setenv("LAKIP_OCR", "off")
    reset_availability()
    try:
        doc = read_pdf(path)
    finally:
        reset_availability()
    assert doc.pages_without_text() == tuple(pk_pages)
    assert all(p.ocr_problem.startswith("unavailable") for p in doc.pages if p.number in pk_pages)
    result = check_document(doc, Settings())
    assert to_json(result)["coverage"]["pages_without_text"] == pk_pages
    assert any(n.startswith("ocr-unavailable") for n in result.facts.notes)
    assert len(doc.tables) < len(born.tables)


def test_missing_python_module_is_reported_not_raised(monkeypatch) -> None:
    """Without pytesseract, OCR says why it cannot run instead of failing."""
    monkeypatch.setitem(sys.modules, "pytesseract", None)
    reset_availability()
    try:
        assert "pytesseract" in (ocr_unavailable() or "")
        assert all(not s.readable for s in scan_pages(SAMPLE.read_bytes(), [1]).values())
    finally:
        reset_availability()


# ---------------------------------------------------------------- reading scans (Tesseract)

def test_blank_scanned_page_is_listed_as_unreadable(ocr_ready, tmp_path: Path) -> None:
    """A scanned page with nothing on it is read as no text and stays in the coverage list."""
    from PIL import Image

    path = tmp_path / "blank.pdf"
    Image.new("L", (1240, 1754), 250).save(path, "PDF", resolution=150.0)
    doc = read_pdf(path)
    assert doc.pages[0].ocr is False and doc.pages[0].ocr_problem == "no-text"
    assert understand(doc).pages_without_text == (1,)


def test_only_pages_without_text_are_read_by_ocr(mixed: Document, born: Document, pk_pages: list[int]) -> None:
    """In a report whose PK pages are scans, exactly those pages are OCR'd; the others are unchanged."""
    assert [p.number for p in mixed.pages if p.ocr] == pk_pages
    for a, b in zip(mixed.pages, born.pages):
        if a.number not in pk_pages:
            assert a.text == b.text and a.ocr_confidence is None
        else:
            assert not a.text_layer and a.ocr_confidence > MIN_CONFIDENCE
    facts = understand(mixed)
    assert facts.pages_without_text == () and [p for p, _ in facts.ocr_pages] == pk_pages
    assert len(mixed.tables) == len(born.tables)


@pytest.mark.parametrize("which", ["pk_only", "mixed"])
def test_pk_pages_read_exactly(which: str, request, born: Document, pk_pages: list[int]) -> None:
    """On the scanned PK pages (150 and 200 dpi) the NIPs, names, targets and budget figures are
    read exactly as printed, and every cell read carries a confidence."""
    doc = request.getfixturevalue(which)
    at = {n: i + 1 for i, n in enumerate(pk_pages)} if which == "pk_only" else {n: n for n in pk_pages}
    for n in pk_pages:
        assert nips(doc.pages[at[n] - 1].text) == nips(born.pages[n - 1].text)
        assert signature_names(doc, at[n]) == signature_names(born, n)
        assert figure_cells(doc, at[n]) == figure_cells(born, n)
    assert sum(len(figure_cells(born, n)) for n in pk_pages) >= 10
    cells = [c for t in doc.tables for r in t.rows for c in r if c.text and c.page in at.values()]
    assert cells and all(c.confidence is not None for c in cells)


def test_strongly_tilted_page_read_exactly(ocr_ready, scans: Path, born: Document, pk_pages: list[int]) -> None:
    """A PK page tilted 3° is straightened and read as exactly as an upright one."""
    n = pk_pages[1]
    doc = read_pdf(scan_pdf(SAMPLE, scans / "tilt3.pdf", dpi=200, pages=[n], only=True, angle=3.0))
    assert figure_cells(doc, 1) == figure_cells(born, n)
    assert nips(doc.pages[0].text) == nips(born.pages[n - 1].text)


def test_whole_scanned_document_reads_like_the_born_digital_one(whole: Document, born: Document) -> None:
    """Every page is OCR'd; tables come out with the same shape; NIPs everywhere and at least 98% of
    the figures in tables and text are read exactly."""
    assert all(p.ocr for p in whole.pages)
    assert [(t.pages, t.n_cols, len(t.rows)) for t in whole.tables] == \
        [(t.pages, t.n_cols, len(t.rows)) for t in born.tables]
    for a, b in zip(whole.pages, born.pages):
        assert nips(a.text) == nips(b.text)
    pairs = [(x.text, y.text) for s, b in zip(whole.tables, born.tables)
             for rs, rb in zip(s.rows, b.rows) for x, y in zip(rs, rb) if parse_figure(y.text).kind == "number"]
    assert sum(x == y for x, y in pairs) >= 0.98 * len(pairs)
    words = [w for p in born.pages for w in p.text.split() if parse_figure(w.strip(".,;:()")).kind == "number"]
    read = " ".join(p.text for p in whole.pages).split()
    assert sum(1 for w in set(words) if w in read) >= 0.98 * len(set(words))


def test_scanned_document_gets_the_born_digital_findings(whole: Document, born: Document) -> None:
    """`lakip check` finds the same things on the scanned sample as on the born-digital one; each
    finding says it rests on OCR, and an error is a warning only where the OCR was unsure."""
    expected = check_document(born, Settings()).outcome.findings
    got = check_document(whole, Settings()).outcome.findings
    assert sorted(map(comparable, got)) == sorted(map(comparable, expected))
    severity = {comparable(f): f.severity for f in expected}
    for f in got:
        assert f.message_id.endswith(OCR_NOTE[0]) and "ocr_confidence" in f.values
        downgraded = severity[comparable(f)] == "error" and f.values["ocr_confidence"] < MIN_CONFIDENCE
        assert f.severity == ("warning" if downgraded else severity[comparable(f)])
