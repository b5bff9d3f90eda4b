"""Table pieces laid out with whitespace (no ruling lines, or only a few horizontal rules).

Columns come from the whitespace gutters between the words over many lines;
rows from the lines that carry figures (or, without figures, from the lines
that start in the first column); the header band from its bold or figure-free
lines and the line numbering the columns; a run of words crossing a gutter
goes to the one column it fits.
"""

from __future__ import annotations

from typing import Optional, Sequence

from lakip.ingest.model import Cell
from lakip.ingest.pdf_tables import Rule, Seg, rules_to_segments, segments_to_regions
from lakip.ingest.pdf_text import (Line, Word, broken_figure, is_list_item, join_cell_lines, locate,
                                   split_line_at_gaps, words_to_lines)
from lakip.ingest.settings import ExtractSettings
from lakip.ingest.headers import fill_header_spans, is_column_numbers, is_numeric
from lakip.ingest.stitch import Piece


def free_rules(rules: Sequence[Rule], settings: ExtractSettings) -> list[Seg]:
    """Long horizontal rules that belong to no ruled grid (partially ruled tables use them)."""
    hs, vs = rules_to_segments(rules, settings)
    grids = segments_to_regions(hs, vs, settings.snap_tolerance)
    used = {h for rh, _ in grids for h in rh}
    return [h for h in hs if h not in used and h.b - h.a > 100]


def line_runs(lines: list[Line], settings: ExtractSettings) -> list[list[Line]]:
    """Runs of consecutive lines laid out in columns (two or more wide gaps apart)."""
    runs: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        parts = split_line_at_gaps(ln, settings.min_gutter + 0.3)
        multi = len(parts) >= 2
        near = cur and ln.top - cur[-1].bottom <= 1.5 * ln.size
        if multi and cur and not near and ln.top - cur[-1].bottom <= 4 * ln.size and aligned(parts, cur, settings):
            near = True                             # the next row of a table with padded rows
        if multi and (near or not cur):
            cur.append(ln)
        elif near and len(cur) >= 1 and ln.x1 - ln.x0 < 0.5 * (max(c.x1 for c in cur) - min(c.x0 for c in cur)):
            cur.append(ln)                          # a wrapped cell line inside the table
        else:
            if cur:
                runs.append(cur)
            cur = [ln] if multi else []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        if sum(len(split_line_at_gaps(ln, settings.min_gutter + 0.3)) >= 2 for ln in run) >= settings.min_unruled_rows:
            out.append(run)
    return out


def aligned(parts: list[Line], run: list[Line], settings: ExtractSettings) -> bool:
    """Whether a line's parts start or end where parts of a run's lines do, three of them or all."""
    edges = [(p.x0, p.x1) for ln in run for p in split_line_at_gaps(ln, settings.min_gutter + 0.3)]
    hits = sum(any(abs(p.x0 - a) <= 3 or abs(p.x1 - b) <= 3 for a, b in edges) for p in parts)
    return hits >= min(3, len(parts))


def gutter_columns(lines: list[Line], min_gap: float) -> list[float]:
    """Column boundaries: the middles of vertical whitespace strips crossing (nearly) all lines."""
    x_lo, x_hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    allow = 1 if len(lines) >= 5 else 0
    edges = sorted({round(v, 1) for ln in lines for w in ln.words for v in (w.x0, w.x1)})
    xs, start = [x_lo], None
    for a, b in zip(edges, edges[1:]):
        mid = (a + b) / 2
        hits = sum(any(w.x0 < mid < w.x1 for w in ln.words) for ln in lines)
        if hits <= allow:
            start = a if start is None else start
            continue
        if start is not None and a - start >= min_gap:
            xs.append((start + a) / 2)
        start = None
    return xs + [x_hi]


def header_rows_of(lines: list[Line], xs: list[float]) -> list[list[Line]]:
    """Header lines grouped into rows: a line only under labels of the line above wraps that row."""
    rows: list[list[Line]] = []
    for ln in lines:
        cols = {locate(xs, w.cx) for w in ln.words}
        if rows:
            above = {locate(xs, w.cx) for w in rows[-1][-1].words}
            if ln.top - rows[-1][-1].top < 0.6 * ln.size or cols <= above:
                rows[-1].append(ln)
                continue
        rows.append([ln])
    return rows


_CURRENCY = ("rp", "rp.")
_SIGNS = _CURRENCY + ("%",)


def wraps_on(word: Word, column_words: Sequence[Word], size: float) -> bool:
    """Whether a figure goes on from the line above in its cell: under a lone currency sign ('Rp' /
    '12.480.144.900,00') or the rest of a figure cut at the cell's edge ('12.480.14' / '4.900,00')."""
    above = [w for w in column_words if 0 < word.top - w.top <= 1.6 * size and w.x1 > word.x0 - size
             and w.x0 < word.x1 + size]
    if not above:
        return False
    top = max(w.top for w in above)
    line = sorted((w for w in above if w.top >= top - 0.3 * size), key=lambda w: w.x0)
    prev = line[-1]
    return ((len(line) == 1 and prev.text.lower() in _CURRENCY) or broken_figure(prev.text, word.text)
            or (prev.text[-1:] in "-–" and prev.text[:1].isdigit()))  # a range '17,25-' / '22,05'


def lines_to_rows(lines: list[Line], xs: list[float], size: float) -> list[list[Word]]:
    """Body words grouped into rows: each figure (or, without figures, each first-column line) starts
    a row; other lines join the row whose start is nearest above them."""
    placed = [[w for ln in lines for w in ln.words if column(xs, w.cx) == c] for c in range(len(xs) - 1)]
    cols = [[w for w in ws if w.text.lower() not in _SIGNS] for ws in placed]
    numeric = [c for c, ws in enumerate(cols) if ws and sum(is_numeric(w.text) for w in ws) >= 0.6 * len(ws)]
    starts = sorted({round(w.top, 1) for c in numeric for w in cols[c]
                     if is_numeric(w.text) and not wraps_on(w, placed[c], size)})
    if not starts:
        first = next(ws for ws in cols if ws)
        starts = sorted({round(w.top, 1) for w in first if w.text[:1].isupper() or w.text[:1].isdigit()})
    anchors: list[float] = []
    for y in starts:
        if not anchors or y - anchors[-1] > 0.6 * size:
            anchors.append(y)
    rows: list[list[Word]] = [[] for _ in anchors] or [[]]
    lead: list[Word] = []
    for ln in lines:
        for w in ln.words:
            k = max((i for i, y in enumerate(anchors) if y <= w.top + 0.6 * size), default=None)
            (lead if k is None else rows[k]).append(w)
    if lead and rows[0] and min(w.top for w in rows[0]) - max(w.bottom for w in lead) > 0.8 * size:
        return [lead] + [r for r in rows if r]      # the end of a row cut at the page break above
    if lead:
        rows[0] = lead + rows[0]
    return [r for r in rows if r]


def rows_to_cells(row: list[Word], xs: list[float], page: int, header: bool,
                  vocab: frozenset[str], settings: ExtractSettings) -> tuple[Cell, ...]:
    """One row's cells; in a header row a label crossing column boundaries fills every column under it."""
    top, bottom = min(w.top for w in row), max(w.bottom for w in row)
    per: list[list[Word]] = [[] for _ in range(len(xs) - 1)]
    spans: dict[int, int] = {}
    for ln in words_to_lines(row, settings):
        for seg in (split_line_at_gaps(ln, 0.6) if header else [ln]):
            if not header:
                parts = split_line_at_gaps(seg, 0.6)
                for part in parts:
                    home = straddling_home(part, xs, [p for p in parts if p is not part])
                    for w in part.words:
                        per[column(xs, w.cx) if home is None else home].append(w)
                continue
            first, last = column(xs, seg.words[0].cx), column(xs, seg.words[-1].cx)
            per[first] += seg.words
            if last > first:
                spans[first] = max(last, spans.get(first, first))
    cells = []
    for c in range(len(xs) - 1):
        lines = [list(ln.words) for ln in words_to_lines(per[c], settings)]
        text = join_cell_lines(lines, xs[c], xs[c + 1], vocab) if lines else ""
        cells.append(Cell(text, page, (xs[c], top, xs[c + 1], bottom)))
    for first, last in spans.items():
        for c in range(first, last + 1):
            cells[c] = Cell(cells[first].text, page, cells[c].bbox, last - first + 1 if c == first else 1)
    return tuple(cells)


def straddling_home(part: Line, xs: Sequence[float], others: Sequence[Line]) -> Optional[int]:
    """The one column a run of words crossing a column boundary belongs to (a wide centred unit like
    'per 100.000 kelahiran hidup'): the only one of its columns no other run of the line is in, else the
    column under its middle; None when it does not cross a boundary or is wider than that column."""
    first, last = column(xs, part.words[0].cx), column(xs, part.words[-1].cx)
    if first == last:
        return None
    taken = {column(xs, (o.x0 + o.x1) / 2) for o in others}
    free = [c for c in range(first, last + 1) if c not in taken]
    home = free[0] if len(free) == 1 else column(xs, (part.x0 + part.x1) / 2)
    return home if part.x1 - part.x0 <= xs[home + 1] - xs[home] else None


def column(xs: Sequence[float], x: float) -> int:
    """The column holding ``x``, the first or last one for positions outside the table."""
    c = locate(xs, x)
    return c if c is not None else (0 if x < xs[0] else len(xs) - 2)


def unruled_pieces(page: int, page_h: float, words: list[Word], rules: Sequence[Rule],
                   settings: ExtractSettings, vocab: frozenset[str]) -> tuple[list[Piece], list[Word]]:
    """Pieces laid out with whitespace (and at most horizontal rules), and the words outside them."""
    lines = words_to_lines(words, settings)
    hrules = free_rules(rules, settings)
    pieces, taken = [], set()
    for run in line_runs(lines, settings):
        size = sorted(ln.size for ln in run)[len(run) // 2]
        multi = [ln for ln in run if len(split_line_at_gaps(ln, settings.min_gutter + 0.3)) >= 2]
        gutter = settings.min_gutter_long if len(multi) >= settings.long_table_lines else settings.min_gutter
        xs = gutter_columns(multi, gutter * size)
        if len(xs) < 4 or is_list(run, xs):
            continue
        while run[-1] is not multi[-1] and len({column(xs, w.cx) for w in run[-1].words}) > 1:
            run = run[:-1]
        cut = [h.pos for h in hrules if run[0].top + 0.5 * size < h.pos < run[-1].bottom and h.a <= xs[1] and h.b >= xs[-2]]
        n_head = sum(1 for ln in run if cut and ln.bottom < min(cut) + 1)
        if not cut:
            n_head = header_lines(run, xs)
        head = [[w for ln in r for w in ln.words] for r in header_rows_of(run[:n_head], xs)]
        header = fill_header_spans([rows_to_cells(r, xs, page, True, vocab, settings) for r in head])
        body = tuple(rows_to_cells(r, xs, page, False, vocab, settings) for r in lines_to_rows(run[n_head:], xs, size))
        bbox = (xs[0], min(ln.top for ln in run), xs[-1], max(ln.bottom for ln in run))
        pieces.append(Piece(page, page_h, bbox, tuple(xs), header, body, "layout"))
        taken |= {id(w) for ln in run for w in ln.words}
    return pieces, [w for w in words if id(w) not in taken]


def is_list(run: list[Line], xs: list[float]) -> bool:
    """Whether a run of lines is a bulleted or numbered list rather than a table: item markers in the
    first column and text in one column after them (a numbered table fills several)."""
    firsts = [w.text for ln in run for w in ln.words if locate(xs, w.cx) == 0]
    if not firsts or sum(is_list_item(t + " x") for t in firsts) < 0.8 * len(firsts):
        return False
    used = sorted(len({column(xs, w.cx) for w in ln.words}) for ln in run)
    return used[len(used) // 2] <= 2 and not any(is_numeric(w.text) for ln in run for w in ln.words
                                                  if column(xs, w.cx) >= 2)


def _has_amounts(line: Line) -> bool:
    """Whether a line prints figures longer than a column number or a year."""
    return any(is_numeric(w.text) and len(w.text.strip(".,")) > 4 for w in line.words)


def header_lines(run: list[Line], xs: list[float]) -> int:
    """How many leading lines of an unruled table are its header (bold, or words without figures; a bold
    line with amounts is a program or total row, not a header)."""
    n = 0
    while n < min(3, len(run) - 1) and not _has_amounts(run[n]) and (
            run[n].bold or (n == 0 and not any(is_numeric(w.text) for w in run[0].words))):
        if n and not run[n].bold:
            break
        n += 1
    if n and n < len(run) - 1 and is_column_numbers([w.text for w in run[n].words]):
        n += 1                                      # the row numbering the columns closes the header
    return n
