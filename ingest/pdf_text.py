"""Running text of a PDF page: characters → words → lines → blocks.

Pure functions over small tuples; the reader (``pdf_reader``) supplies the
characters in page coordinates (points, top-left origin, the page as shown,
i.e. after /Rotate). Nothing here knows which library read the page.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, NamedTuple, Sequence

from lakip.ingest.settings import ExtractSettings

_SPACE = re.compile(r"\s+")
_LIST_MARKER = re.compile(r"^([\-•▪‣◦➢➤❖>*]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\([ivxIVX]+\)|[ivx]+\.)(\s|$)")
_PAGE_NUMBER = re.compile(r"^(-\s*)?(halaman\s+|hal\.?\s*|page\s+)?(\d{1,4}|[ivxlcdm]{1,6})(\s*-)?$", re.I)
_DIGITS = re.compile(r"\d+")
# Symbol-font bullets that text layers map into the private use area.
_PUA = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓",
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
    text = "".join(c.text for c in run).translate(_PUA).replace("\u00ad", "").replace("\x02", "")
    sizes = Counter(round(c.size, 1) for c in run)
    bold = sum(c.bold for c in run) * 2 > len(run)
    return Word(text or "-", min(c.x0 for c in run), min(c.top for c in run), max(c.x1 for c in run),
                max(c.bottom for c in run), run[0].base, sizes.most_common(1)[0][0], bold)


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
    if prev.bold != line.bold or abs(prev.size - line.size) > 1.0:
        return True
    if is_list_item(line.text):
        return True
    return ends_paragraph(prev, line, right)


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
