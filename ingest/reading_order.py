"""Reading order of a PDF's pages: text blocks and table pieces numbered, captions found, pieces joined.

The reader (``pdf_reader``) lays each page out into lines and table pieces; these functions walk them in
reading order. A piece on the next page continues the table above it when nothing but the table's own
header printed again, or the rest of a cell cut at the page edge, stands between the two.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from lakip.ingest.captions import find_caption
from lakip.ingest.model import BBox, Cell, TextBlock
from lakip.ingest.pdf_text import Line, block_text, clean_text
from lakip.ingest.settings import ExtractSettings
from lakip.ingest.headers import is_column_numbers
from lakip.ingest.stitch import Piece, continues, pieces_to_tables


def order_items(items: list[tuple], settings: ExtractSettings):
    """Number blocks and tables in reading order, give tables their captions, join pieces."""
    blocks: list[TextBlock] = []
    groups: list[list[Piece]] = []
    captions: list[Optional[str]] = []
    orders: list[int] = []
    order = 0
    since_piece: list[str] = []       # body text since the last table piece
    between: list[tuple[int, Line]] = []  # the lines of that text, with their page
    between_blocks: list[int] = []        # the indexes in ``blocks`` of that text's blocks
    for page, kind, obj in items:
        if kind == "block":
            text = block_text(obj)
            if text:
                between_blocks.append(len(blocks))
                blocks.append(TextBlock(text=text, page=page, bbox=_lines_bbox(obj), order=order,
                                        bold=all(ln.bold for ln in obj)))
                order += 1
                since_piece += [clean_text(ln.text) for ln in obj]
                between += [(page, ln) for ln in obj]
            continue
        if kind == "running":
            blocks.append(TextBlock(text=clean_text(obj.text), page=page, bbox=(obj.x0, obj.top, obj.x1, obj.bottom),
                                    order=order, bold=obj.bold))
            order += 1
            continue
        rest = [(pg, ln) for pg, ln in between if not (groups and repeats_header(ln, groups[-1][0]))]
        headless = not any(c.text for row in obj.header for c in row)
        stray = bool(groups) and bool(between) and (not rest or headless) and cut_cell_text(rest, obj)
        if groups and (not since_piece or stray) and continues(groups[-1][-1], obj, settings, groups[-1][0]):
            if stray:  # a repeated header and the rest of the last row's cells, printed above the piece
                blocks = [b for k, b in enumerate(blocks) if k not in between_blocks]
                obj = with_first_row(obj, [ln for _, ln in rest]) if rest else obj
            groups[-1].append(obj)
        else:
            groups.append([obj])
            captions.append(find_caption(since_piece[-settings.caption_lines:], settings.caption_lines)
                            if since_piece else None)
            orders.append(order)
            order += 1
        since_piece, between, between_blocks = [], [], []
    tables = pieces_to_tables(groups, captions, orders, settings)
    return blocks, tables


def repeats_header(line: Line, first: Piece) -> bool:
    """Whether a text line above a piece is the table's header printed again (its labels or the
    '(1) (2) (3)' numbering row), left out of an unruled piece."""
    words = [w.text for w in line.words]
    if is_column_numbers(words):
        return True
    labels = {t for row in first.header for c in row for t in c.text.split()}
    return bool(words) and len(words) >= 2 and all(w in labels for w in words)


def cut_cell_text(between: list[tuple[int, Line]], piece: Piece) -> bool:
    """Whether the only text between two table pieces (after the table's header printed again, which the
    caller leaves out) is the end of cut cells: a few words at the top of the piece's page, just above it
    and inside its columns (a row broken across pages)."""
    lines = [ln for _, ln in between]
    if not lines:
        return True  # only a repeated header stood between
    return (all(pg == piece.page for pg, _ in between) and len(lines) <= 3
            and sum(len(ln.text) for ln in lines) <= 80
            and all(ln.bottom <= piece.bbox[1] + 2 and piece.bbox[1] - ln.top < 40 for ln in lines)
            and all(piece.xs[0] - 2 <= ln.x0 and ln.x1 <= piece.xs[-1] + 2 for ln in lines))


def with_first_row(piece: Piece, lines: list[Line]) -> Piece:
    """The piece with the words of ``lines`` as its first body row, each word in the column it stands in
    (empty rows the cut left are dropped)."""
    texts = [""] * piece.n_cols
    for ln in lines:
        for w in ln.words:
            c = next((k for k in range(piece.n_cols) if w.cx < piece.xs[k + 1]), piece.n_cols - 1)
            texts[c] = f"{texts[c]} {w.text}".strip()
    first = tuple(Cell(t, piece.page) for t in texts)
    body = [r for r in piece.rows if any(c.text for c in r)]
    header = [r for r in piece.header if any(c.text for c in r)]
    return replace(piece, header=tuple(header), rows=(first, *body))


def _lines_bbox(lines: list[Line]) -> BBox:
    """The box around some lines."""
    return (min(ln.x0 for ln in lines), min(ln.top for ln in lines),
            max(ln.x1 for ln in lines), max(ln.bottom for ln in lines))
