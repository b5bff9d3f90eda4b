"""Read a PDF report into a ``Document``: pages, text blocks and tables.

The PDF is opened once. For every page one *source* (pypdfium2 by default,
pdfplumber on request — ``ExtractSettings.source``) gives the printed
characters, the ruling lines and the shaded areas in page coordinates (points,
top-left origin, the page as shown after /Rotate). Everything after that is
the same pure pipeline: words (``pdf_text``), table pieces per page from the
ruling grid or from word positions (``pdf_tables``), pieces joined across
pages (``stitch``), and the remaining lines as text blocks in reading order.

Measured on this machine (53-page LibreOffice sample): pdfplumber needs ~3.9 s
just to parse the characters, pypdfium2 ~0.1 s, hence pdfium as the default;
the whole ``read_pdf`` of the sample takes ~0.5 s (benchmarks/bench_extract.py).
"""

from __future__ import annotations

import ctypes
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

from lakip.ingest.model import BBox, Document, Page
from lakip.ingest.ocr import page_ocr, scan_pages, use_scans
from lakip.ingest.ocr_confidence import annotate
from lakip.ingest.page_tables import page_pieces
from lakip.ingest.pdf_tables import Rule
from lakip.ingest.stitch import Piece
from lakip.ingest.pdf_text import (Char, Line, Word, chars_to_words, is_running,
                                   lines_to_blocks, running_keys, text_right_edge, words_to_lines)
from lakip.ingest.settings import DEFAULT_SETTINGS, ExtractSettings
from lakip.ingest.reading_order import order_items

Transform = Callable[[float, float], tuple[float, float]]


@dataclass(frozen=True)
class PageContent:
    """What a source read from one page, in shown-page coordinates."""

    number: int
    width: float
    height: float
    rotation: int
    text: str
    chars: tuple[Char, ...]
    rules: tuple[Rule, ...]
    fills: tuple[BBox, ...]
    images: int


# ---------------------------------------------------------------- geometry

def affine(box: tuple[float, float, float, float], rotation: int) -> tuple[float, ...]:
    """Coefficients (a, b, c, d, e, f) with X = a·x + b·y + c, Y = d·x + e·y + f mapping PDF user
    space (y up) to the shown page (y down, /Rotate applied) for a crop box."""
    x0, y0, x1, y1 = box
    if rotation == 90:
        return (0.0, 1.0, -y0, 1.0, 0.0, -x0)
    if rotation == 180:
        return (-1.0, 0.0, x1, 0.0, 1.0, -y0)
    if rotation == 270:
        return (0.0, -1.0, y1, -1.0, 0.0, x1)
    return (1.0, 0.0, -x0, 0.0, -1.0, y1)


def display_transform(box: tuple[float, float, float, float], rotation: int) -> Transform:
    """Map PDF user space (y up) to the shown page (y down, /Rotate applied) for a crop box."""
    a, b, c, d, e, f = affine(box, rotation)
    return lambda x, y: (a * x + b * y + c, d * x + e * y + f)


def map_box(t: Transform, left: float, bottom: float, right: float, top: float) -> BBox:
    """A user-space rectangle as (x0, top, x1, bottom) on the shown page."""
    ax, ay = t(left, bottom)
    bx, by = t(right, top)
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def classify_shape(box: BBox, stroked: bool, filled: bool, width: float, thickness: float):
    """A drawn rectangle as ruling lines (thin shapes, outlines) and/or a shaded area."""
    x0, top, x1, bottom = box
    if min(x1 - x0, bottom - top) <= thickness:
        return [Rule(x0, top, x1, bottom)], []
    rules = []
    if stroked:
        h = max(width, 0.5) / 2
        rules = [Rule(x0, top - h, x1, top + h), Rule(x0, bottom - h, x1, bottom + h),
                 Rule(x0 - h, top, x0 + h, bottom), Rule(x1 - h, top, x1 + h, bottom)]
    return rules, ([box] if filled else [])


# ---------------------------------------------------------------- pypdfium2 source

def _visible(raw, obj, getter) -> bool:
    """Whether a fill or stroke colour is drawn (not transparent, not white)."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return True
    return a.value > 0 and min(r.value, g.value, b.value) < 245


def _segments(raw, obj, t: Transform, stroke_w: float) -> list[BBox]:
    """Bounding boxes of the straight segments (stroked) of a many-segment path."""
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    out, prev, start = [], None, None
    x, y = ctypes.c_float(), ctypes.c_float()
    h = max(stroke_w, 0.5) / 2
    for k in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = t(m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = (px, py)
        elif prev is not None and kind == raw.FPDF_SEGMENT_LINETO:
            out.append((min(prev[0], px) - h, min(prev[1], py) - h, max(prev[0], px) + h, max(prev[1], py) + h))
        if raw.FPDFPathSegment_GetClose(seg) and start is not None:
            out.append((min(start[0], px) - h, min(start[1], py) - h, max(start[0], px) + h, max(start[1], py) + h))
        prev = (px, py)
    return out


def _compose(m, outer: tuple[float, ...]) -> tuple[float, ...]:
    """A form's matrix (pdfium FS_MATRIX) followed by the matrix of what contains it."""
    a, b, c, d, e, f = outer
    return (m.a * a + m.b * c, m.a * b + m.b * d, m.c * a + m.d * c, m.c * b + m.d * d,
            m.e * a + m.f * c + e, m.e * b + m.f * d + f)


def _walk(raw, container, count, get, matrix: tuple[float, ...]):
    """Every object of a page or form, with the matrix from its space to the page, forms opened."""
    for k in range(count(container)):
        obj = get(container, k)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
            m = raw.FS_MATRIX()
            raw.FPDFPageObj_GetMatrix(obj, m)
            yield from _walk(raw, obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, _compose(m, matrix))
        else:
            yield obj, matrix


def _after(t: Transform, matrix: tuple[float, ...]) -> Transform:
    """The page transform applied after a path object's own matrix (a b c d e f)."""
    a, b, c, d, e, f = matrix
    return lambda x, y: t(a * x + c * y + e, b * x + d * y + f)


def pdfium_graphics(raw, page, t: Transform, settings: ExtractSettings):
    """Ruling lines, shaded areas and the number of images of a pypdfium2 page."""
    rules: list[Rule] = []
    fills: list[BBox] = []
    images = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    width = ctypes.c_float()
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for obj, matrix in _walk(raw, page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, identity):
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
        filled = bool(fill_mode.value) and _visible(raw, obj, raw.FPDFPageObj_GetFillColor)
        stroked = bool(stroke.value) and _visible(raw, obj, raw.FPDFPageObj_GetStrokeColor)
        if not (filled or stroked):
            continue
        raw.FPDFPageObj_GetStrokeWidth(obj, width)
        form = _after(t, matrix)
        if raw.FPDFPath_CountSegments(obj) > 5:
            for box in _segments(raw, obj, form, width.value if stroked else 0.0):
                rules += classify_shape(box, False, False, width.value, settings.rule_max_thickness)[0]
            continue
        raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        box = map_box(form, left.value, bottom.value, right.value, top.value)
        r, fl = classify_shape(box, stroked, filled, width.value, settings.rule_max_thickness)
        rules += r
        fills += fl
    return rules, fills, images


def _font_info(raw, address: int, cache: dict) -> tuple[float, bool]:
    """Font size in points (text matrix applied) and boldness of a text object, cached."""
    if address in cache:
        return cache[address]
    size, bold = 0.0, False
    if address:
        textobj = ctypes.cast(ctypes.c_void_p(address), raw.FPDF_PAGEOBJECT)
        s, m = ctypes.c_float(), raw.FS_MATRIX()
        raw.FPDFTextObj_GetFontSize(textobj, s)
        raw.FPDFPageObj_GetMatrix(textobj, m)
        size = s.value * abs(m.a * m.d - m.b * m.c) ** 0.5
        font = raw.FPDFTextObj_GetFont(textobj)
        buf = ctypes.create_string_buffer(256)
        raw.FPDFFont_GetBaseFontName(font, buf, 256)
        name = buf.value.decode("latin-1").lower()
        bold = (any(k in name for k in ("bold", "black", "heavy", "semibold", "demi", ",b"))
                or raw.FPDFFont_GetWeight(font) >= 600 or bool(raw.FPDFFont_GetFlags(font) & (1 << 18)))
    cache[address] = (size, bold)
    return size, bold


def _address_getter(raw):
    """FPDFText_GetTextObject returning a plain integer address (cheap to use as a cache key)."""
    fn = ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(fn)


def pdfium_chars(raw, textpage, text: str, coef: tuple[float, ...]) -> list[Char]:
    """The printed characters of a pypdfium2 text page (line breaks skipped, generated spaces kept)."""
    n = raw.FPDFText_CountChars(textpage)
    box = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    get_obj = _address_getter(raw)
    tp = ctypes.cast(textpage, ctypes.c_void_p)
    loose, origin, generated = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin, raw.FPDFText_IsGenerated
    a, b, c, d, e, f = coef
    cache: dict = {}
    chars: list[Char] = []
    same = len(text) == n
    last = None
    for k in range(n):
        ch = text[k] if same else chr(raw.FPDFText_GetUnicode(textpage, k))
        if ch in "\r\n":
            continue
        if ch == " " and generated(textpage, k):
            if last is not None:       # a gap pdfium saw between words: keep it as a space
                chars.append(last._replace(text=" ", x0=last.x1))
            continue
        size, bold = _font_info(raw, get_obj(tp, k) or 0, cache)
        loose(textpage, k, box)
        origin(textpage, k, ox, oy)
        if b == 0.0:
            x0, x1 = a * box.left + c, a * box.right + c
            base = e * oy.value + f
        else:
            x0, x1 = b * box.bottom + c, b * box.top + c
            base = d * ox.value + f
        if x1 < x0:
            x0, x1 = x1, x0
        size = size or 10.0
        last = Char(ch, x0, x1, base - 0.85 * size, base + 0.25 * size, base, size, bold)
        chars.append(last)
    return chars


def pdfium_pages(data: bytes, settings: ExtractSettings) -> Iterator[PageContent]:
    """Read every page with pypdfium2."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(data)
    try:
        for i in range(len(doc)):
            page = doc[i]
            rotation = page.get_rotation() % 360
            coef = affine(page.get_cropbox(), rotation)
            t = display_transform(page.get_cropbox(), rotation)
            w, h = page.get_width(), page.get_height()
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            chars = pdfium_chars(raw, textpage.raw, text, coef)
            rules, fills, images = pdfium_graphics(raw, page.raw, t, settings)
            yield PageContent(i + 1, w, h, rotation, text.replace("\r\n", "\n"), tuple(chars),
                              tuple(rules), tuple(fills), images)
            textpage.close()
            page.close()
    finally:
        doc.close()


# ---------------------------------------------------------------- pdfplumber source

def pdfplumber_pages(data: bytes, settings: ExtractSettings) -> Iterator[PageContent]:
    """Read every page with pdfplumber (slower; kept to cross-check the pdfium source)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            chars = []
            for c in page.chars:
                if not c.get("upright", True):
                    continue
                size = float(c.get("size") or (c["bottom"] - c["top"]))
                name = str(c.get("fontname", "")).lower()
                base = c["bottom"] - 0.2 * size
                chars.append(Char(c["text"], c["x0"], c["x1"], base - 0.85 * size, base + 0.25 * size,
                                  base, size, "bold" in name or "black" in name))
            rules, fills = [], []
            for r in page.rects + page.lines:
                box = (r["x0"], r["top"], r["x1"], r["bottom"])
                color = r.get("non_stroking_color") if r.get("fill") else r.get("stroking_color")
                if _white(color):
                    continue
                rr, ff = classify_shape(box, bool(r.get("stroke")), bool(r.get("fill")),
                                        float(r.get("linewidth") or 0.5), settings.rule_max_thickness)
                rules += rr
                fills += ff
            yield PageContent(page.page_number, float(page.width), float(page.height),
                              int(page.rotation or 0) % 360, page.extract_text() or "", tuple(chars),
                              tuple(rules), tuple(fills), len(page.images))
            page.close()


def _white(color) -> bool:
    """Whether a pdfplumber colour value is white."""
    if isinstance(color, (int, float)):
        return color >= 0.96
    if isinstance(color, (tuple, list)) and len(color) == 3:
        return min(color) >= 0.96
    if isinstance(color, (tuple, list)) and len(color) == 4:
        return max(color) <= 0.04
    return False


def load_pages(data: bytes, settings: ExtractSettings) -> list[PageContent]:
    """Every page's content from the configured source (the one place engines are chosen)."""
    source = pdfplumber_pages if settings.source == "pdfplumber" else pdfium_pages
    return list(source(data, settings))


# ---------------------------------------------------------------- assembly

def has_text_layer(page: PageContent) -> bool:
    """Whether a page carries usable text (an image-only page with no characters does not)."""
    letters = [c.text for c in page.chars if c.text.strip()]
    if not letters:
        return page.images == 0 and not page.text.strip()
    usable = sum(1 for ch in letters if ch.isprintable() and ch != "\ufffd")
    return usable >= 0.5 * len(letters)


@dataclass(frozen=True)
class PageLayout:
    """One page taken apart: table pieces and the text lines outside them."""

    content: PageContent
    pieces: tuple[Piece, ...]
    lines: tuple[Line, ...]


def layout_page(page: PageContent, words: list[Word], settings: ExtractSettings,
                vocab: frozenset[str]) -> PageLayout:
    """Table pieces of a page and its text lines outside those pieces."""
    pieces, rest = page_pieces(page.number, words, page.rules, page.fills, page.width, page.height,
                               settings, vocab)
    return PageLayout(page, tuple(pieces), tuple(words_to_lines(rest, settings)))


def vocabulary(words: list[list[Word]]) -> frozenset[str]:
    """Every word printed in the document (lower case, edge punctuation stripped)."""
    return frozenset(w.text.strip(".,;:()").lower() for page in words for w in page)


def read_pdf(path: str | Path, settings: Optional[ExtractSettings] = None) -> Document:
    """Read a PDF report: pages, running text in reading order, and tables joined across pages."""
    settings = settings or DEFAULT_SETTINGS
    p = Path(path)
    data = p.read_bytes()
    contents = load_pages(data, settings)
    words = [chars_to_words(pc.chars, settings) for pc in contents]
    scans = scan_pages(data, [pc.number for pc in contents if not has_text_layer(pc)])
    contents, words = use_scans(contents, words, scans)      # pages without text read by OCR
    vocab = vocabulary(words)
    layouts = [layout_page(pc, ws, settings, vocab) for pc, ws in zip(contents, words)]
    keys = running_keys([(lay.content.height, lay.lines) for lay in layouts], settings.margin_band)
    found_blocks, found_tables = assemble(layouts, keys, settings)
    blocks, tables = annotate(found_blocks, found_tables, scans)
    pages = tuple(Page(number=lay.content.number, width=lay.content.width, height=lay.content.height,
                       rotation=lay.content.rotation, text_layer=has_text_layer(lay.content),
                       text=lay.content.text, **page_ocr(scans, lay.content.number)) for lay in layouts)
    return Document(path=str(p), sha256=hashlib.sha256(data).hexdigest(), kind="pdf", pages=pages,
                    blocks=tuple(blocks), tables=tuple(tables))


def assemble(layouts: list[PageLayout], keys: set[str], settings: ExtractSettings):
    """Text blocks and tables of all pages in reading order, captions found, pieces stitched."""
    items: list[tuple] = []          # (page, top, kind, payload) in reading order
    for lay in layouts:
        h = lay.content.height
        body = [ln for ln in lay.lines if not is_running(ln, h, settings.margin_band, keys)]
        right = text_right_edge(body, lay.content.width)
        entries = [(ln.top, "line", ln) for ln in lay.lines] + [(pc.bbox[1], "piece", pc) for pc in lay.pieces]
        entries.sort(key=lambda e: (e[0], e[1] == "line"))
        run: list[Line] = []
        for _top, kind, obj in entries:
            if kind == "line" and isinstance(obj, Line) and not is_running(obj, h, settings.margin_band, keys):
                run.append(obj)
                continue
            items += [(lay.content.number, "block", b) for b in lines_to_blocks(run, right)]
            run = []
            items.append((lay.content.number, "running" if kind == "line" else "piece", obj))
        items += [(lay.content.number, "block", b) for b in lines_to_blocks(run, right)]
    return order_items(items, settings)
