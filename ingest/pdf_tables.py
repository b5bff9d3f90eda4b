"""Table pieces of one PDF page, from ruling lines or from word positions.

A *piece* is the part of a table printed on one page. Ruled pieces come from
the page's ruling lines: segments → connected regions → a grid of column and
row boundaries → merged cells where a grid edge is not drawn → words placed
into the cells. Rows whose separating rule was not drawn are split where the
text leaves an empty strip. Tables without ruling lines are read by
``pdf_unruled``; ``page_tables`` runs both on a page.
"""

from __future__ import annotations

from typing import NamedTuple, Optional, Sequence

from lakip.ingest.model import BBox, Cell
from lakip.ingest.pdf_text import (Word, cell_lines, cluster, join_cell_lines, line_clusters,
                                   locate, text_strips)
from lakip.ingest.settings import ExtractSettings
from lakip.ingest.headers import header_depth
from lakip.ingest.stitch import Piece


class Rule(NamedTuple):
    """A thin drawn shape (a ruling line) on the shown page."""

    x0: float
    top: float
    x1: float
    bottom: float


class Seg(NamedTuple):
    """An axis-parallel ruling segment: its position across, and extent along, its direction."""

    pos: float
    a: float
    b: float


# ---------------------------------------------------------------- rules → grid

def rules_to_segments(rules: Sequence[Rule], settings: ExtractSettings) -> tuple[list[Seg], list[Seg]]:
    """Horizontal and vertical ruling segments, collinear pieces joined."""
    hs, vs = [], []
    for r in rules:
        if r.x1 - r.x0 >= r.bottom - r.top:
            hs.append(Seg((r.top + r.bottom) / 2, r.x0, r.x1))
        else:
            vs.append(Seg((r.x0 + r.x1) / 2, r.top, r.bottom))
    return join_segments(hs, settings), join_segments(vs, settings)


def join_segments(segs: list[Seg], settings: ExtractSettings) -> list[Seg]:
    """Segments at (nearly) the same position and touching or overlapping merged into one."""
    out: list[Seg] = []
    for group in cluster(sorted(segs), settings.snap_tolerance, key=lambda s: s.pos):
        pos = sum(s.pos for s in group) / len(group)
        cur: Optional[list[float]] = None
        for s in sorted(group, key=lambda s: s.a):
            if cur and s.a <= cur[1] + settings.join_tolerance:
                cur[1] = max(cur[1], s.b)
                continue
            if cur and cur[1] - cur[0] >= settings.rule_min_length:
                out.append(Seg(pos, cur[0], cur[1]))
            cur = [s.a, s.b]
        if cur and cur[1] - cur[0] >= settings.rule_min_length:
            out.append(Seg(pos, cur[0], cur[1]))
    return out


def components(n: int, links: Sequence[tuple[int, int]]) -> list[int]:
    """For each of n items, a representative of the group its links connect it to (union-find)."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        parent[find(a)] = find(b)
    return [find(i) for i in range(n)]


def segments_to_regions(hs: list[Seg], vs: list[Seg], tol: float) -> list[tuple[list[Seg], list[Seg]]]:
    """Groups of crossing horizontal and vertical segments, each a ruled table region."""
    links = [(i, len(hs) + j) for i, h in enumerate(hs) for j, v in enumerate(vs)
             if h.a - tol <= v.pos <= h.b + tol and v.a - tol <= h.pos <= v.b + tol]
    root = components(len(hs) + len(vs), links)
    groups: dict[int, tuple[list[Seg], list[Seg]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(root[i], ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(root[len(hs) + j], ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def boundaries(positions: list[float], lo: float, hi: float, min_gap: float) -> list[float]:
    """Grid lines from segment positions plus the region's outer edges, near-duplicates merged."""
    out: list[float] = []
    for p in sorted(positions + [lo, hi]):
        if out and p - out[-1] < min_gap:
            out[-1] = max(out[-1], p) if p == hi else out[-1]
            continue
        out.append(p)
    return out


def covered(segs: list[Seg], pos: float, a: float, b: float, settings: ExtractSettings) -> bool:
    """Whether ruling at ``pos`` covers enough of the interval [a, b]."""
    total = 0.0
    for s in segs:
        if abs(s.pos - pos) <= settings.snap_tolerance + 0.5:
            total += max(0.0, min(s.b, b) - max(s.a, a))
    return total >= settings.edge_coverage * (b - a)


class Span(NamedTuple):
    """A (merged) grid cell: first and last row and column."""

    r0: int
    r1: int
    c0: int
    c1: int


def grid_spans(xs: list[float], ys: list[float], hs: list[Seg], vs: list[Seg],
               settings: ExtractSettings) -> list[Span]:
    """The grid's cells, neighbours merged where the ruling between them is not drawn."""
    nr, nc = len(ys) - 1, len(xs) - 1
    links = []
    for r in range(nr):
        for c in range(nc):
            if c + 1 < nc and not covered(vs, xs[c + 1], ys[r], ys[r + 1], settings):
                links.append((r * nc + c, r * nc + c + 1))
            if r + 1 < nr and not covered(hs, ys[r + 1], xs[c], xs[c + 1], settings):
                links.append((r * nc + c, (r + 1) * nc + c))
    root = components(nr * nc, links)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(nr):
        for c in range(nc):
            groups.setdefault(root[r * nc + c], []).append((r, c))
    spans = []
    for cells in groups.values():
        r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
        c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
        if len(cells) == (r1 - r0 + 1) * (c1 - c0 + 1):
            spans.append(Span(r0, r1, c0, c1))
            continue
        for r in range(r0, r1 + 1):          # not a rectangle: keep each row's run
            cols = sorted(c for rr, c in cells if rr == r)
            for run in cluster(cols, 1, key=lambda c: c):
                spans.append(Span(r, r, run[0], run[-1]))
    return sorted(spans)


# ---------------------------------------------------------------- words → cell texts

def place_words(words: Sequence[Word], xs: Sequence[float], ys: Sequence[float]) -> dict[tuple[int, int], list[Word]]:
    """Words assigned to the grid cell (row, column) holding their centre."""
    out: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        r, c = locate(ys, w.cy), locate(xs, w.cx)
        if r is not None and c is not None:
            out.setdefault((r, c), []).append(w)
    return out


def split_rows(words: Sequence[Word], ys: list[float], body_from: int, size: float) -> list[float]:
    """Row boundaries with an extra cut in each body row whose text leaves an empty strip."""
    out = list(ys[:body_from + 1])
    for r in range(body_from, len(ys) - 1):
        inside = [w for w in words if ys[r] <= w.cy <= ys[r + 1]]
        out += text_strips(inside, ys[r], ys[r + 1], 1.0 * size) + [ys[r + 1]]
    return out


# ---------------------------------------------------------------- grid → piece

def inside(w: Word, box: BBox, pad: float = 1.0) -> bool:
    """Whether a word's centre lies in a box."""
    return box[0] - pad <= w.cx <= box[2] + pad and box[1] - pad <= w.cy <= box[3] + pad


def shaded(box: BBox, fills: Sequence[BBox]) -> bool:
    """Whether the centre of a box lies on a shaded area smaller than the page."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(f[0] <= cx <= f[2] and f[1] <= cy <= f[3] for f in fills)


def grid_piece(page: int, page_h: float, words: Sequence[Word], xs: list[float], ys: list[float],
               hs: list[Seg], vs: list[Seg], fills: Sequence[BBox], engine: str,
               settings: ExtractSettings, vocab: frozenset[str]) -> Optional[Piece]:
    """One ruled table piece: merged cells, header rows, body rows split where text says so."""
    spans = grid_spans(xs, ys, hs, vs, settings)
    at = {(r, c): s for s in spans for r in range(s.r0, s.r1 + 1) for c in range(s.c0, s.c1 + 1)}
    placed = place_words(words, xs, ys)
    span_words: dict[Span, list[Word]] = {}
    for (r, c), ws in placed.items():
        span_words.setdefault(at[(r, c)], []).extend(ws)
    if not span_words:
        return None
    size = sorted(w.size for w in words)[len(words) // 2]
    nr, nc = len(ys) - 1, len(xs) - 1
    texts = [[""] * nc for _ in range(nr)]
    styled = [False] * nr
    votes: list[list[bool]] = [[] for _ in range(nr)]
    for s, ws in span_words.items():
        txt = join_cell_lines(cell_lines(ws, settings), xs[s.c0], xs[s.c1 + 1], vocab)
        for c in range(s.c0, s.c1 + 1):
            texts[s.r0][c] = txt
        box = (xs[s.c0], ys[s.r0], xs[s.c1 + 1], ys[s.r1 + 1])
        votes[s.r0].append(shaded(box, fills) or sum(w.bold for w in ws) * 2 > len(ws))
    for r in range(nr):
        styled[r] = bool(votes[r]) and sum(votes[r]) >= 0.6 * len(votes[r])
    depth = header_depth(texts, styled, spans, settings.max_header_rows)
    header = tuple(header_row(r, spans, span_words, at, xs, ys, page, texts) for r in range(depth))
    cuts = split_rows(words, ys, depth, size)
    rows = body_rows(cuts[depth:], spans, span_words, at, xs, ys, page, settings, vocab, size)
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return Piece(page, page_h, bbox, tuple(xs), header, tuple(rows), engine)


def header_row(r: int, spans: list[Span], span_words, at, xs, ys, page: int, texts) -> tuple[Cell, ...]:
    """Header row ``r``: a label spanning columns repeated in each, colspan on the first."""
    cells = []
    for c in range(len(xs) - 1):
        s = at[(r, c)]
        box = (xs[c], ys[r], xs[c + 1], ys[r + 1])
        if s.r0 != r:
            cells.append(Cell("", page, box))
            continue
        cells.append(Cell(texts[r][c], page, box, s.c1 - s.c0 + 1 if c == s.c0 else 1))
    return tuple(cells)


def body_rows(cuts: list[float], spans, span_words, at, xs, ys, page: int, settings: ExtractSettings,
              vocab: frozenset[str], size: float) -> list[tuple[Cell, ...]]:
    """Body rows between consecutive cuts; each merged cell's text goes to the row it starts in."""
    if len(cuts) < 2:
        return []
    nrows = len(cuts) - 1
    found: dict[tuple[int, Span], list[list[Word]]] = {}
    first_row = ys.index(cuts[0]) if cuts[0] in ys else 0
    for s, ws in span_words.items():
        if s.r1 < first_row:
            continue
        for cl in line_clusters(cell_lines(ws, settings), 1.0 * size):
            k = locate(cuts, sum(w.cy for w in cl[0]) / len(cl[0]))
            if k is not None:
                found.setdefault((k, s), []).extend(cl)
    rows = []
    for k in range(nrows):
        top, bottom = cuts[k], cuts[k + 1]
        r = locate(ys, (top + bottom) / 2)
        cells = []
        for c in range(len(xs) - 1):
            s = at[(r, c)]
            lines = found.get((k, s)) if c == s.c0 else None
            text = join_cell_lines(lines, xs[s.c0], xs[s.c1 + 1], vocab) if lines else ""
            box = (xs[s.c0] if c == s.c0 else xs[c], top, xs[s.c1 + 1] if c == s.c0 else xs[c + 1], bottom)
            cells.append(Cell(text, page, box, s.c1 - s.c0 + 1 if c == s.c0 and text else 1))
        if any(cell.text for cell in cells):
            rows.append(tuple(cells))
    return rows


def rules_to_grids(rules, settings: ExtractSettings):
    """Each ruled region as its column and row boundaries (with its segments), at least 2 columns by 1 row."""
    hs, vs = rules_to_segments(rules, settings)
    for rh, rv in segments_to_regions(hs, vs, settings.snap_tolerance):
        x_lo, x_hi = min([h.a for h in rh] + [v.pos for v in rv]), max([h.b for h in rh] + [v.pos for v in rv])
        y_lo, y_hi = min([v.a for v in rv] + [h.pos for h in rh]), max([v.b for v in rv] + [h.pos for h in rh])
        xs = boundaries([v.pos for v in rv], x_lo, x_hi, settings.min_cell_size)
        ys = boundaries([h.pos for h in rh], y_lo, y_hi, settings.min_cell_size)
        if len(xs) >= 3 and len(ys) >= 2:
            yield xs, ys, rh, rv


def ruled_pieces(page: int, page_h: float, words: list[Word], rules: Sequence[Rule], fills: Sequence[BBox],
                 settings: ExtractSettings, vocab: frozenset[str]) -> tuple[list[Piece], list[Word]]:
    """Pieces found from ruling lines, and the words outside them."""
    pieces, rest = [], list(words)
    for xs, ys, rh, rv in rules_to_grids(rules, settings):
        box = (xs[0], ys[0], xs[-1], ys[-1])
        mine = [w for w in rest if inside(w, box)]
        if not mine:
            continue
        piece = grid_piece(page, page_h, mine, xs, ys, rh, rv, fills, "ruled", settings, vocab)
        if piece is None or not (piece.rows or piece.header):
            continue
        pieces.append(piece)
        rest = [w for w in rest if not inside(w, box)]
    return pieces, rest
