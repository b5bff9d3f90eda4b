"""Running text of a PDF page: characters → words → lines → blocks.

Pure functions over small tuples; the reader (``pdf_reader``) supplies the
characters in page coordinates (points, top-left origin, the page as shown,
i.e. after /Rotate). Nothing here knows which library read the page.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, NamedTuple, Optional, Sequence

from lakip.ingest.settings import ExtractSettings

_SPACE = re.compile(r"\s+")
_LIST_MARKER = re.compile(r"^([\-•▪‣◦➢➤❖>*]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\([ivxIVX]+\)|[ivx]+\.)(\s|$)")
_PAGE_NUMBER = re.compile(r"^(-\s*)?(halaman\s+|hal\.?\s*|page\s+)?(\d{1,4}|[ivxlcdm]{1,6})(\s*-)?$", re.I)
_DIGITS = re.compile(r"\d+")
# Symbol-font bullets that text layers map into the private use area.
_PUA = str.maketrans({"\ufffe": "-", "\x02": "-", "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓",
                      "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "})


class Char(NamedTuple):
    """One printed character: its text, horizontal extent, baseline, size and weight."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    bold: bool


class Word(NamedTuple):
    """Characters printed together without a space."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    base: float
    size: float
    bold: bool

    @property
    def cx(self) -> float:
        """Horizontal centre."""
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        """Vertical centre of the lower-case letters (a little above the baseline)."""
        return self.base - 0.3 * self.size


class Line(NamedTuple):
    """Words on one baseline, left to right."""

    words: tuple[Word, ...]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool

    @property
    def text(self) -> str:
        """The words joined by single spaces."""
        return " ".join(w.text for w in self.words)


def clean_text(text: str) -> str:
    """Whitespace collapsed, symbol-font bullets mapped to Unicode bullets."""
    return _SPACE.sub(" ", text.translate(_PUA)).strip()


def group_by_baseline(items: Iterable, tolerance: float) -> list[list]:
    """Items (chars or words, having ``base``) grouped into rows of equal baseline, top to bottom."""
    rows: list[list] = []
    row_base = None
    for it in sorted(items, key=lambda c: c.base):
        if row_base is None or it.base - row_base > tolerance:
            rows.append([it])
            row_base = it.base
        else:
            rows[-1].append(it)
    return rows


def chars_to_words(chars: Sequence[Char], settings: ExtractSettings) -> list[Word]:
    """Characters grouped into words: same baseline, no whitespace, no wide gap between them."""
    words: list[Word] = []
    for row in group_by_baseline(chars, settings.baseline_tolerance):
        row.sort(key=lambda c: c.x0)
        run: list[Char] = []
        for ch in row:
            if not ch.text.strip() or ch.text in "\u00a0\u2002\u2003\u2009":
                if run:
                    words.append(_word(run))
                run = []
                continue
            if run and ch.x0 - run[-1].x1 > settings.word_gap * max(ch.size, run[-1].size):
                words.append(_word(run))
                run = []
            run.append(ch)
        if run:
            words.append(_word(run))
    return words


def _word(run: list[Char]) -> Word:
    """One word from its characters."""
    text = "".join([c.text for c in run]).translate(_PUA).replace("\u00ad", "")
    first = run[0]
    bold = first.bold if len(run) < 3 else sum(c.bold for c in run) * 2 > len(run)
    return Word(text or "-", first.x0, min(c.top for c in run), max(c.x1 for c in run),
                max(c.bottom for c in run), first.base, max(c.size for c in run), bold)


def words_to_lines(words: Iterable[Word], settings: ExtractSettings) -> list[Line]:
    """Words grouped into lines by baseline, each line's words left to right, lines top to bottom."""
    lines = []
    for row in group_by_baseline(words, settings.baseline_tolerance):
        row.sort(key=lambda w: w.x0)
        lines.append(make_line(row))
    return lines


def make_line(words: Sequence[Word]) -> Line:
    """A line from words already in left-to-right order."""
    size = Counter(w.size for w in words).most_common(1)[0][0]
    bold = sum(len(w.text) for w in words if w.bold) * 2 > sum(len(w.text) for w in words)
    return Line(tuple(words), min(w.x0 for w in words), min(w.top for w in words),
                max(w.x1 for w in words), max(w.bottom for w in words), size, bold)


def split_line_at_gaps(line: Line, min_gap: float) -> list[Line]:
    """A line cut where the space between two words is wider than ``min_gap`` times the font size."""
    parts: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:]):
        if w.x0 - prev.x1 > min_gap * max(line.size, 1.0):
            parts.append([])
        parts[-1].append(w)
    return [make_line(p) for p in parts]


def is_list_item(text: str) -> bool:
    """Whether a line starts with a bullet or an item label (1. a) (2) …)."""
    return bool(_LIST_MARKER.match(text))


def ends_paragraph(line: Line, nxt: Line, right: float) -> bool:
    """Whether ``line`` ends its paragraph: the next line's first word would still have fit on it."""
    first = nxt.words[0]
    return right - line.x1 > (first.x1 - first.x0) + 0.5 * line.size


def starts_new_block(prev: Line, line: Line, right: float) -> bool:
    """Whether ``line`` begins a new block after ``prev`` (gap, style change, list item, short line)."""
    gap = line.top - prev.bottom
    if gap > 0.45 * max(prev.size, line.size) or gap < -0.5 * prev.size:
        return True
    if abs(prev.size - line.size) > 1.0:
        return True
    if is_list_item(line.text) or has_wide_gap(prev) or has_wide_gap(line):
        return True
    return ends_paragraph(prev, line, right)


def has_wide_gap(line: Line) -> bool:
    """Whether a line holds separate texts side by side (e.g. two signature columns)."""
    return any(b.x0 - a.x1 > 3 * line.size for a, b in zip(line.words, line.words[1:]))


def lines_to_blocks(lines: Sequence[Line], right: float) -> list[list[Line]]:
    """Consecutive lines grouped into paragraphs; headings and short lines stay on their own."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and not starts_new_block(blocks[-1][-1], line, right):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def block_text(lines: Sequence[Line]) -> str:
    """The text of a block: its lines joined by spaces, a soft line-end hyphen removed."""
    return clean_text(" ".join(ln.text for ln in lines))


def text_right_edge(lines: Sequence[Line], width: float) -> float:
    """Where full text lines end on a page (the right margin of running text)."""
    ends = sorted(ln.x1 for ln in lines if len(ln.words) > 3)
    if not ends:
        return width * 0.88
    return ends[int(len(ends) * 0.9) if len(ends) > 9 else -1]


def margin_key(text: str) -> str:
    """A line's text with numbers blanked, to recognise running headers and footers."""
    return _DIGITS.sub("#", clean_text(text).lower())


def is_page_number(text: str) -> bool:
    """Whether a line is only a page number ('12', '- 3 -', 'iv', 'Halaman 5')."""
    return bool(_PAGE_NUMBER.match(clean_text(text)))


def running_keys(page_lines: Sequence[tuple[float, Sequence[Line]]], band: float) -> set[str]:
    """Keys of lines repeated in the top or bottom band of many pages (running headers/footers)."""
    seen: Counter[str] = Counter()
    for height, lines in page_lines:
        keys = {margin_key(ln.text) for ln in lines if in_margin(ln, height, band)}
        seen.update(keys)
    n = len(page_lines)
    need = max(2, int(0.3 * n)) if n > 2 else n + 1
    return {k for k, c in seen.items() if c >= need}


def in_margin(line: Line, height: float, band: float) -> bool:
    """Whether a line lies in the top or bottom band of its page."""
    return line.bottom < height * band or line.top > height * (1 - band)


def is_running(line: Line, height: float, band: float, keys: set[str]) -> bool:
    """Whether a line is a running header, footer or page number."""
    if not in_margin(line, height, band):
        return False
    return margin_key(line.text) in keys or is_page_number(line.text)


# ---------------------------------------------------------------- cell text

def cluster(items: list, tol: float, key) -> list[list]:
    """Sorted items grouped where consecutive keys differ by at most ``tol``."""
    groups: list[list] = []
    for it in items:
        if groups and key(it) - key(groups[-1][-1]) <= tol:
            groups[-1].append(it)
        else:
            groups.append([it])
    return groups


def locate(edges: Sequence[float], v: float) -> Optional[int]:
    """Index of the interval of ``edges`` containing ``v``."""
    if v < edges[0] - 1 or v > edges[-1] + 1:
        return None
    for i in range(len(edges) - 1):
        if v <= edges[i + 1]:
            return i
    return len(edges) - 2


def join_cell_lines(lines: Sequence[Sequence[Word]], x0: float, x1: float, vocab: frozenset[str]) -> str:
    """The text of a cell: its lines joined by spaces, a word broken over two lines rejoined."""
    text = ""
    for k, line in enumerate(lines):
        part = " ".join(w.text for w in line)
        if k and broken_word(lines[k - 1], line, x0, x1, vocab):
            text += part
        else:
            text = f"{text} {part}" if text else part
    return text


_FIGURE_HEAD_OPEN = re.compile(r"^(?:Rp\.?)?\d{1,3}(?:[.,]\d{3})+[.,]$")
_FIGURE_HEAD = re.compile(r"^(?:Rp\.?)?\d{1,3}(?:[.,]\d{3})*$")
_FIGURE_TAIL_OPEN = re.compile(r"^[.,]\d{3}(?:[.,]\d{3})*(?:,\d{1,2})?(?:,-)?$")
_WELL_GROUPED = re.compile(r"^(?:Rp\.?)?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?(?:,-)?$")
_FIGURE_TAIL = re.compile(r"^\d{3}(?:[.,]\d{3})*(?:,\d{1,2})?(?:,-)?$")


def broken_figure(head: str, tail: str) -> bool:
    """Whether a figure was wrapped inside a narrow cell: '4.130.125' + '.650', '4.130.' + '125.650' (a group
    separator at the break) or '12.168.80' + '3.390' (cut inside a group) is one figure."""
    if (_FIGURE_HEAD_OPEN.match(head) and _FIGURE_TAIL.match(tail)) or (
            _FIGURE_HEAD.match(head) and _FIGURE_TAIL_OPEN.match(tail)):
        return True
    # cut inside a group ('12.168.80' + '3.390'): only the two together are a well-grouped figure
    return bool(head[-1:].isdigit() and tail[:1].isdigit() and _WELL_GROUPED.match(head + tail)
                and not _WELL_GROUPED.match(head))


def broken_word(prev: Sequence[Word], line: Sequence[Word], x0: float, x1: float, vocab: frozenset[str]) -> bool:
    """Whether a cell line is the rest of a word that did not fit on the previous line."""
    if not prev or not line:
        return False
    head, tail = prev[-1], line[0]
    if broken_figure(head.text, tail.text):
        return True
    if len(head.text) > 1 and head.text[-1] == "-" and head.text[-2].isalnum() and tail.text[:1].isalnum():
        return True
    if len(prev) != 1 or not tail.text[:1].isalnum():
        return False
    fills = (x1 - head.x1) <= (head.x0 - x0) + 0.7 * head.size
    if not fills or not (head.text[-1:].isalnum() or head.text.endswith("/")):
        return False
    if head.text.endswith("/"):
        return True
    joined = (head.text + tail.text).strip(".,;:()").lower()
    if joined in vocab:
        return True
    return tail.text[:1].islower() and tail.text.strip(".,;:()").lower() not in vocab


def text_strips(words: Sequence[Word], top: float, bottom: float, min_gap: float) -> list[float]:
    """Cut positions inside [top, bottom] where no word is printed over a strip ``min_gap`` tall."""
    spans = sorted((w.top, w.bottom) for w in words)
    cuts, reach = [], None
    for a, b in spans:
        if reach is not None and a - reach >= min_gap:
            cuts.append((reach + a) / 2)
        reach = b if reach is None else max(reach, b)
    return [c for c in cuts if top < c < bottom]


def cell_lines(words: Sequence[Word], settings: ExtractSettings) -> list[list[Word]]:
    """A cell's words as lines, top to bottom."""
    return [list(ln.words) for ln in words_to_lines(words, settings)]


def line_clusters(lines: list[list[Word]], min_gap: float) -> list[list[list[Word]]]:
    """Lines of a cell grouped where an empty strip at least ``min_gap`` tall separates them."""
    out: list[list[list[Word]]] = []
    for ln in lines:
        top = min(w.top for w in ln)
        if out and top - max(w.bottom for w in out[-1][-1]) < min_gap:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out
