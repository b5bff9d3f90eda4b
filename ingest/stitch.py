"""Table pieces and joining pieces of consecutive pages into one table.

A piece continues the table above it when it starts the next page, the table
ended the previous one, and the columns line up (same boundaries, or the same
widths shifted, or one set of boundaries inside the other). Header rows that
the report repeats on every page are dropped; a piece without them is body
from its first row. Cells of a piece with other columns are moved to the
table's columns by position.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence

from lakip.ingest.columns import merge_split_columns, realign, row_texts
from lakip.ingest.headers import has_figures, is_column_numbers, is_numeric
from lakip.ingest.model import BBox, Cell, Table
from lakip.ingest.pdf_text import broken_figure
from lakip.ingest.settings import ExtractSettings



@dataclass(frozen=True)
class Piece:
    """The part of a table printed on one page."""

    page: int
    page_height: float
    bbox: BBox
    xs: tuple[float, ...]
    """Column boundaries, left to right (len = columns + 1)."""
    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    engine: str

    @property
    def n_cols(self) -> int:
        """Number of columns."""
        return len(self.xs) - 1


def continues(prev: Piece, piece: Piece, settings: ExtractSettings, first: Optional[Piece] = None) -> bool:
    """Whether ``piece`` carries on the table ``prev`` ended on an earlier page: at the top of the next page
    with the same columns, after a table that ran to the bottom of its page — or, when the piece starts
    with body rows and no header of its own or with the very header of the piece before, after a page break
    put in by hand (the reader only asks when no text stands between the two). ``first`` is the table's
    first piece, whose header a later piece repeats."""
    if not 1 <= piece.page - prev.page <= 2:
        return False  # the next page, or the one after a blank page some renderers insert
    near_bottom = prev.bbox[3] > prev.page_height * (1 - settings.page_edge_gap - settings.margin_band)
    near_top = piece.bbox[1] < piece.page_height * (settings.page_edge_gap + settings.margin_band)
    body = [r for r in piece.rows if any(c.text for c in r)]
    headless = not any(c.text for r in piece.header for c in r) and bool(body) and has_figures(
        [c.text for c in body[0]])
    labels = (first or prev).header or prev.header
    repeated = bool(piece.header) and _label_rows(piece.header) == _label_rows(labels)
    if not near_top:
        return False
    if repeated or (headless and (piece.n_cols == prev.n_cols or near_bottom)):
        return True  # its header repeated, or body rows at once (after a table that ran to the page end)
    return near_bottom and same_columns(prev, piece, settings)


def _label_rows(header: Sequence[Sequence[Cell]]) -> list[list[str]]:
    """A header's labels row by row, empty cells left out (a piece may split off an empty column)."""
    return [[t for t in row_texts(r) if t] for r in header if any(c.text for c in r)]


def close(a: Sequence[float], b: Sequence[float], tol: float) -> bool:
    """Whether two equally long position lists agree within ``tol``."""
    return len(a) == len(b) and all(abs(x - y) <= tol for x, y in zip(a, b))


def widths(xs: Sequence[float]) -> list[float]:
    """Column widths from boundaries."""
    return [b - a for a, b in zip(xs, xs[1:])]


def contained(inner: Sequence[float], outer: Sequence[float], tol: float) -> bool:
    """Whether every boundary of ``inner`` is (nearly) one of ``outer`` and the outer edges agree."""
    return (abs(inner[0] - outer[0]) <= tol and abs(inner[-1] - outer[-1]) <= tol
            and all(any(abs(x - y) <= tol for y in outer) for x in inner))


def same_columns(prev: Piece, piece: Piece, settings: ExtractSettings) -> bool:
    """Whether two pieces share their columns (so the second may continue the first)."""
    tol = settings.column_tolerance
    a, b = list(prev.xs), list(piece.xs)
    if close(a, b, tol) or close(widths(a), widths(b), tol):
        return True
    return contained(a, b, tol) or contained(b, a, tol)


def column_map(table_xs: Sequence[float], piece_xs: Sequence[float]) -> list[int]:
    """For each column of a piece, the table column under its left part."""
    shift = table_xs[0] - piece_xs[0]
    out = []
    for a, b in zip(piece_xs, piece_xs[1:]):
        x = a + shift + min(3.0, (b - a) / 2)
        col = next((i for i in range(len(table_xs) - 1) if x < table_xs[i + 1]), len(table_xs) - 2)
        out.append(col)
    return out


def label_map(header: Sequence[Sequence[Cell]], piece_header: Sequence[Sequence[Cell]], width: int
              ) -> Optional[list[int]]:
    """For each column of a piece that repeats the table's header over other columns, the table column
    with the same label; an unlabelled column goes with the labelled one to its right (a column of
    bullets split off the names). None when the labels do not match one to one."""
    if not header or not piece_header:
        return None
    table_labels = [" / ".join(r[c].text for r in header if r[c].text) for c in range(width)]
    piece_labels = [" / ".join(r[c].text for r in piece_header if c < len(r) and r[c].text)
                    for c in range(len(piece_header[0]))]
    out: list[Optional[int]] = []
    for label in piece_labels:
        out.append(table_labels.index(label) if label and label in table_labels else None if not label else -1)
    if -1 in out or sorted(c for c in out if c is not None) != list(range(width)):
        return None
    for i in range(len(out) - 1, -1, -1):
        if out[i] is None:
            out[i] = out[i + 1] if i + 1 < len(out) and out[i + 1] is not None else width - 1
    return [c for c in out if c is not None]


def refit_row(row: Sequence[Cell], mapping: list[int], width: int) -> tuple[Cell, ...]:
    """A piece row moved onto the table's columns (texts landing in one column joined)."""
    texts: list[list[str]] = [[] for _ in range(width)]
    boxes: list[Optional[tuple]] = [None] * width
    page = row[0].page if row else None
    for cell, col in zip(row, mapping):
        if cell.text:
            texts[col].append(cell.text)
        if boxes[col] is None or cell.text:
            boxes[col] = cell.bbox
    top = min((c.bbox[1] for c in row if c.bbox), default=0.0)
    bottom = max((c.bbox[3] for c in row if c.bbox), default=0.0)
    return tuple(Cell(" ".join(texts[c]), page, boxes[c] or (0.0, top, 0.0, bottom)) for c in range(width))


def drop_repeated_header(rows: list[tuple[Cell, ...]], header: Sequence[Sequence[Cell]]) -> list[tuple[Cell, ...]]:
    """The rows without leading ones that repeat the table's header rows."""
    if not header:
        return rows
    labels = [row_texts(h) for h in header]
    k = 0
    while k < len(rows) and k < len(labels) + 1 and row_texts(rows[k]) in labels:
        k += 1
    return rows[k:]


def continues_row(prev: Sequence[Cell], row: Sequence[Cell]) -> bool:
    """Whether ``row`` (first on a page) is the rest of ``prev`` (last on the page before), cut at the
    page edge: it only has text where ``prev`` has, and that text starts in lower case — or it is words
    alone under words of a row whose figures were all printed on the page before."""
    filled = [i for i, c in enumerate(row) if c.text]
    if not filled or len(prev) != len(row) or any(not prev[i].text for i in filled):
        return False
    digits = [i for i in filled if row[i].text[:1].isdigit()]
    if any(not _figure_goes_on(prev[i].text, row[i].text) for i in digits):
        return False
    if digits or any(row[i].text[:1].islower() for i in filled):
        return True
    words_only = not has_figures([row[i].text for i in filled]) and not any(is_numeric(prev[i].text) for i in filled)
    return words_only and has_figures([c.text for c in prev])


def _figure_goes_on(head: str, tail: str) -> bool:
    """Whether a cell's text on the next page carries on the figure the cell above it began."""
    return bool(head.split() and tail.split()) and broken_figure(head.split()[-1], tail.split()[0])


def merge_rows(prev: Sequence[Cell], row: Sequence[Cell]) -> tuple[Cell, ...]:
    """A row cut at a page edge put back together (cell text joined, first part's place kept)."""
    out = []
    for a, b in zip(prev, row):
        glue = "" if a.text.endswith("-") or _figure_goes_on(a.text, b.text) else " "
        text = f"{a.text}{glue}{b.text}" if a.text and b.text else a.text or b.text
        out.append(Cell(text, a.page, a.bbox, a.colspan))
    return tuple(out)


def _labels(header: Sequence[Sequence[Cell]]) -> list[str]:
    """Each column's header labels joined top to bottom."""
    return [" / ".join(r[c].text for r in header if c < len(r) and r[c].text) for c in range(len(header[0]))]


def merged_first(pieces: Sequence[Piece]) -> Piece:
    """The first piece with the columns it drew as two merged, when a later piece repeats its header
    over exactly the merged columns (the same table printed with other gutters on the next page)."""
    first = pieces[0]
    if not first.header or all(p.n_cols == first.n_cols for p in pieces[1:]):
        return first
    header, rows = merge_split_columns(list(first.header), list(first.rows))
    width = len(header[0])
    if width == first.n_cols or not any(p.n_cols == width and p.header and _labels(p.header) == _labels(header)
                                        for p in pieces[1:]):
        return first
    boxes = [c.bbox for c in header[-1] if c.bbox is not None]
    if len(boxes) != len(header[-1]):
        return first
    xs = tuple(b[0] for b in boxes) + (boxes[-1][2],)
    if any(b <= a for a, b in zip(xs, xs[1:])):
        return first
    return replace(first, xs=xs, header=tuple(header), rows=tuple(rows))


def pieces_to_table(pieces: Sequence[Piece], table_id: str, caption: Optional[str], order: int,
                    source: str) -> Table:
    """One table from its pieces: the first piece's header, every piece's body in page order."""
    first = merged_first(pieces)
    width = first.n_cols
    rows = list(first.rows)
    for piece in pieces[1:]:
        mapping = label_map(first.header, piece.header, width) if piece.n_cols != width else None
        if mapping is not None:
            body = list(piece.rows)
        else:
            body = drop_repeated_header(list(piece.header) + list(piece.rows), first.header)
        if piece.n_cols != width:
            body = [refit_row(r, mapping or column_map(first.xs, piece.xs), width) for r in body]
        if rows and body and continues_row(rows[-1], body[0]):
            rows[-1] = merge_rows(rows[-1], body[0])
            body = body[1:]
        rows += body
    pages = tuple(dict.fromkeys(p.page for p in pieces))
    engines = "/".join(dict.fromkeys(p.engine for p in pieces))
    header, own = list(first.header), len(first.rows)
    while rows and header and is_column_numbers(row_texts(rows[0])):
        header.append(rows.pop(0))  # the "(1) (2) (3)" row under the labels belongs to the header
        own -= 1
    header, rows = realign(*merge_split_columns(header, rows), own)
    return Table(id=table_id, caption=caption, pages=pages, header=tuple(header), rows=tuple(rows),
                 engine=f"{source}:{engines}", bbox={p.page: p.bbox for p in pieces}, order=order)


def pieces_to_tables(groups: Sequence[Sequence[Piece]], captions: Sequence[Optional[str]],
                     orders: Sequence[int], settings: ExtractSettings) -> list[Table]:
    """Every group of pieces as a table, numbered t1, t2, … in reading order."""
    return [pieces_to_table(g, f"t{i}", cap, order, settings.source)
            for i, (g, cap, order) in enumerate(zip(groups, captions, orders), start=1)]
