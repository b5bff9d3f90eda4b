"""Scanned pages: read the words of a page image with Tesseract, feeding the same pipeline.

A page with no usable text layer is rendered (pypdfium2) at ``OcrSettings.dpi``
(300), turned straight (``ocr_tables.skew_angle``), flattened (tints and
yellowed paper made white), its paper noise whitened and its ruling lines
found and erased (``ocr_tables``). The ruling lines become ``pdf_tables.Rule``
values; the running text is read by Tesseract (``pytesseract``) with the
tables blanked out, and every table cell on its own — all cells of a page
stacked in one image, one Tesseract call — since Tesseract's page layout
analysis drops short figures standing alone in a grid. Ink no word covers is
read as well (a list's numbers), unsure words are read again enlarged, and
every figure is read twice (three times when the readings differ) and voted
on (``ocr_tesseract``). Each word becomes a ``pdf_text.Word`` in PDF points,
its punctuation checked against the ink and its figures and NIPs against
their shape (``ocr_words``), so ``read_pdf`` builds text blocks and tables of
scanned pages with exactly the code it uses for born-digital ones.

Route, measured on this machine (2 cores; the PK pages of the sample scanned
at 150 dpi): pytesseract on a 300 dpi pypdfium2 render reads a page in ~2.3 s
with ``OMP_THREAD_LIMIT=1`` (7–8 s without: Debian's OpenMP build fights
itself on two cores), and two pages run side by side. ocrmypdf took ~2 s a
page but gives back only a text layer: no confidences, no ruling lines, words
broken into spaced glyph runs, so its tables came out wrong; tesserocr
(in-process) took ~3.1 s a page. Hence pytesseract. The whole route (all the
readings above) takes ~1.3 s a page with two workers, ~2.3 s with one
(``benchmarks/bench_ocr.py``); the 53-page sample scanned whole, ~70 s.

Languages, measured on the same scans: English reads this printed Indonesian
best (98.8% of the running-text words against 96.9% with ``ind+eng``): the
Indonesian model never gives a semicolon and reads a per-cent sign as 96, Y6
or Yo. So the first reading is ``eng``; an unsure word is read again with
``ind+eng`` (the Indonesian dictionary helps a worn word), a figure with
``eng``.

Every word keeps Tesseract's confidence (0–1); ``ocr_words.annotate`` gives
each cell and text block of a scanned page the confidence of the figures in
it, which the facts keep and the rule runner uses (``MIN_CONFIDENCE``).

Without pytesseract, OpenCV, the Tesseract binary or its languages nothing is
read: the pages are marked 'unavailable: …' and stay listed as pages without
text, and ``OCR_HINT`` says how to enable OCR. ``LAKIP_OCR=off`` skips OCR.
"""

from __future__ import annotations

import os
import statistics
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional, Sequence

from lakip.ingest.model import BBox

OCR_HINT = ("pasang dukungan OCR: pip install 'lakip[ocr]' dan apt-get install tesseract-ocr tesseract-ocr-ind",
            "install OCR support: pip install 'lakip[ocr]' and apt-get install tesseract-ocr tesseract-ocr-ind")
"""How to enable OCR, in Bahasa Indonesia and English."""

MIN_CONFIDENCE = 0.80
"""Below this confidence a finding resting on OCR'd values is a warning, never an error."""


@dataclass(frozen=True)
class OcrSettings:
    """How scanned pages are read."""

    dpi: int = 300
    """Resolution the page is rendered at for reading (Tesseract reads best near 300 dpi)."""
    lang: str = "eng"
    """Tesseract language of the first reading (see the module docstring for why English)."""
    word_lang: str = "ind+eng"
    """Languages an unsure word is read again in: the Indonesian dictionary helps a worn word."""
    psm: int = 3
    """Tesseract page segmentation mode (3: automatic layout)."""
    workers: int = 0
    """Pages read side by side (0: one per CPU core)."""
    timeout: float = 300.0
    """Seconds one page may take before it counts as unreadable."""
    min_word_confidence: float = 0.35
    """Punctuation-only tokens below this confidence are specks of dirt, not text."""
    second_look_below: float = 0.85
    """Words read less surely than this are read again, alone and enlarged."""
    second_look_figures_below: float = 0.95
    """Tokens of one or two signs (a per-cent sign read 'Ya') are read again below this confidence."""
    second_look_max: int = 60
    """At most this many words of a page are read again."""
    figures_max: int = 400
    """At most this many figures of a page are read twice."""
    figure_lang: str = "eng"
    """Language a figure (or a token of one or two signs) is read again in: digits and per-cent
    signs need no Indonesian words, and the Indonesian model misreads them."""


DEFAULT_OCR = OcrSettings()


@dataclass(frozen=True)
class ScanPage:
    """One page read by OCR: its words (PDF points), ruling lines, shaded areas and confidences."""

    number: int
    words: tuple = ()
    """``pdf_text.Word`` values, in Tesseract's reading order."""
    confidences: tuple[float, ...] = ()
    """One per word, 0–1."""
    rules: tuple = ()
    fills: tuple[BBox, ...] = ()
    text: str = ""
    angle: float = 0.0
    """Tilt corrected, degrees."""
    problem: Optional[str] = None
    """Why the page could not be read ('no-text', 'timeout', an error), or None."""

    @property
    def readable(self) -> bool:
        """Whether OCR found text on the page."""
        return self.problem is None and bool(self.words)

    @property
    def confidence(self) -> Optional[float]:
        """The page's mean word confidence."""
        return round(statistics.fmean(self.confidences), 3) if self.confidences else None


# ---------------------------------------------------------------- availability

def ocr_unavailable(lang: str = "eng+ind") -> Optional[str]:
    """Why OCR cannot run here (turned off, missing module, binary or language), or None when it can."""
    if os.environ.get("LAKIP_OCR", "").lower() in ("0", "off", "no", "false"):
        return "LAKIP_OCR=off"
    return _installation_problem(lang)


def reset_availability() -> None:
    """Forget what was found installed, so the next call looks again (after installing, or in tests)."""
    _installation_problem.cache_clear()


@lru_cache(maxsize=4)
def _installation_problem(lang: str) -> Optional[str]:
    """What is missing for OCR in ``lang`` (asked once per process: it runs the tesseract binary)."""
    try:
        import cv2  # noqa: F401
        import pytesseract
    except ImportError as exc:
        return f"python module missing: {exc.name}"
    try:
        pytesseract.get_tesseract_version()
        langs = pytesseract.get_languages(config="")
    except Exception as exc:  # TesseractNotFoundError, OSError, a broken install
        return f"tesseract not usable: {type(exc).__name__}"
    missing = [code for code in lang.split("+") if code not in langs]
    return f"tesseract language '{missing[0]}' not installed" if missing else None


# ---------------------------------------------------------------- reading pages

def scan_pages(data: bytes, numbers: Sequence[int], settings: OcrSettings = DEFAULT_OCR) -> dict[int, ScanPage]:
    """Every listed page (1-based) of a PDF read by OCR (marked 'unavailable' when OCR is not)."""
    if not numbers:
        return {}
    why = ocr_unavailable("+".join(dict.fromkeys(f"{settings.lang}+{settings.word_lang}+{settings.figure_lang}"
                                                 .split("+"))))
    if why:
        return {n: ScanPage(n, problem=f"unavailable: {why}") for n in numbers}
    import pypdfium2 as pdfium

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")     # see the module docstring: faster on few cores
    workers = settings.workers or max(1, os.cpu_count() or 1)
    pdf = pdfium.PdfDocument(data)
    out: dict[int, ScanPage] = {}
    pending: deque = deque()
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for n in numbers:              # pdfium renders here, in one thread; pages are read side by side
                if len(pending) >= 2 * workers:
                    page = pending.popleft().result()
                    out[page.number] = page
                gray, scale = render(pdf, n, settings.dpi)
                pending.append(pool.submit(read_page, n, gray, scale, settings))
            for job in pending:
                page = job.result()
                out[page.number] = page
    finally:
        pdf.close()
    return out


def render(pdf, number: int, dpi: int):
    """A page as a grey numpy image at ``dpi``, and points per pixel."""
    import numpy as np

    page = pdf[number - 1]
    try:
        width = page.get_width()
        image = page.render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L")
    finally:
        page.close()
    return np.asarray(image), width / image.width


def read_page(number: int, gray, scale: float, settings: OcrSettings) -> ScanPage:
    """One page image read: straightened, ruling found and erased, words read and placed.

    Running text is read with the tables blanked out; each table cell is read
    on its own (all cells of the page stacked in one sheet), since Tesseract's
    page layout analysis drops short figures standing alone in a grid.
    """
    from lakip.ingest import ocr_tables as img
    from lakip.ingest.ocr_tesseract import crop, leftovers, read_sheet, second_look, tesseract_rows
    from lakip.ingest.ocr_repair import repair
    from lakip.ingest.ocr_words import check_punctuation, page_text, rows_to_words
    from lakip.ingest.pdf_tables import Rule
    from lakip.ingest.settings import DEFAULT_SETTINGS

    angle = img.skew_angle(gray)
    gray = img.straighten(gray, angle)
    flat = img.flatten(gray)
    ink = img.ink_mask(flat)
    lines = img.ruling_lines(ink, settings.dpi)
    rules = tuple(Rule(*img.to_points(b, scale)) for b in lines.horizontal + lines.vertical)
    fills = tuple(img.to_points(b, scale) for b in img.shaded_areas(gray, ink, settings.dpi))
    clean = img.erase(img.whiten(flat), lines)
    regions, cells = img.grid_cells(rules, DEFAULT_SETTINGS)
    try:
        rows = tesseract_rows(img.blank(clean, [pixels(r, scale, -2) for r in regions]), settings)
        rows += [r for found in read_sheet([crop(clean, ink, pixels(c, scale, 3)) for c in cells], 1, settings, "cell")
                 for r in found]
        rows = second_look(clean, rows + leftovers(clean, ink, lines.mask, rows, settings), settings)
    except Exception as exc:  # a timeout or a crash of Tesseract: the page stays unread
        return ScanPage(number, rules=rules, fills=fills, angle=angle, problem=f"{type(exc).__name__}")
    words, confs = rows_to_words(check_punctuation(rows, ink), ink, scale, settings.min_word_confidence)
    if not words:
        return ScanPage(number, rules=rules, fills=fills, angle=angle, problem="no-text")
    words, confs = repair(words, confs)
    return ScanPage(number, tuple(words), tuple(confs), rules, fills, page_text(words), angle)


def pixels(box: BBox, scale: float, inset: int = 0) -> tuple[int, int, int, int]:
    """A box in points as whole pixels, shrunk by ``inset`` pixels on every side (grown if negative)."""
    return (int(box[0] / scale) + inset, int(box[1] / scale) + inset,
            int(box[2] / scale) - inset, int(box[3] / scale) - inset)


# ---------------------------------------------------------------- hooks for read_pdf

def use_scans(contents: Sequence, words: Sequence[list], scans: dict[int, ScanPage]) -> tuple[list, list[list]]:
    """Page contents and words with each page read by OCR taking its OCR words, ruling and shading."""
    new_contents, new_words = [], []
    for pc, ws in zip(contents, words):
        scan = scans.get(pc.number)
        if scan is None or not scan.readable:
            new_contents.append(pc)
            new_words.append(ws)
            continue
        new_contents.append(replace(pc, text=scan.text, rules=tuple(pc.rules) + scan.rules,
                                    fills=tuple(pc.fills) + scan.fills))
        new_words.append(list(scan.words))
    return new_contents, new_words


def page_ocr(scans: dict[int, ScanPage], number: int) -> dict:
    """The OCR fields of one ``Page``: whether OCR read it and how surely, or why it could not."""
    scan = scans.get(number)
    if scan is None:
        return {}
    if not scan.readable:
        return {"ocr_problem": scan.problem or "no-text"}
    return {"ocr": True, "ocr_confidence": scan.confidence}


# ---------------------------------------------------------------- what the facts keep

def ocr_notes(doc) -> tuple[str, ...]:
    """'ocr-unavailable: <why>' when pages without text were left unread because OCR is not installed."""
    why = sorted({p.ocr_problem for p in doc.pages if p.ocr_problem and p.ocr_problem.startswith("unavailable")})
    return tuple(f"ocr-{w}" for w in why)
