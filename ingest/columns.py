"""Columns a renderer drew otherwise than the table means them: one column drawn as two, labels
printed one column beside their values. Judged on the whole table, put back before rows are read."""

from __future__ import annotations

from typing import Optional, Sequence

from lakip.ingest.headers import is_column_numbers
from lakip.ingest.model import Cell


def row_texts(row: Sequence[Cell]) -> list[str]:
    """The non-empty texts of a row, in order."""
    return [c.text for c in row if c.text]


def _joinable(head: list[tuple[str, str]], body: list[tuple[str, str]]) -> bool:
    """Whether two neighbouring columns are one column drawn as two: their header cells agree or one is
    empty, no body row fills both, and one of them holds no body value at all."""
    heads_ok = all(a == b or not a or not b for a, b in head)
    bodies_ok = all(not a or not b for a, b in body)
    return heads_ok and bodies_ok and any(a or b for a, b in body) and (
        not any(a for a, _ in body) or not any(b for _, b in body))


def _merge_cells(a: Cell, b: Cell) -> Cell:
    """One cell from two halves of a column: the text that is there, the box over both."""
    box = (a.bbox[0], a.bbox[1], b.bbox[2], b.bbox[3]) if a.bbox and b.bbox else a.bbox or b.bbox
    return Cell(a.text or b.text, a.page or b.page, box, max(1, a.colspan - 1) if a.colspan > 1 else 1,
                a.confidence if a.text else b.confidence)


def merge_split_columns(header: list[tuple[Cell, ...]], rows: list[tuple[Cell, ...]]
                        ) -> tuple[list[tuple[Cell, ...]], list[tuple[Cell, ...]]]:
    """Columns a renderer drew as two (its label in one, its values in the next, an extra rule between)
    merged back into one, so that every value stands under its own label."""
    width = len(rows[0]) if rows else 0
    if not header or width < 2 or any(len(r) != width for r in [*header, *rows]):
        return header, rows
    c = 0
    while c < len(rows[0]) - 1:
        numbering = [r for r in rows if is_column_numbers(row_texts(r))]
        head = [(h[c].text, h[c + 1].text) for h in [*header, *numbering]]
        body = [(r[c].text, r[c + 1].text) for r in rows if not is_column_numbers(row_texts(r))]
        if _joinable(head, body):
            header = [h[:c] + (_merge_cells(h[c], h[c + 1]),) + h[c + 2:] for h in header]
            rows = [r[:c] + (_merge_cells(r[c], r[c + 1]),) + r[c + 2:] for r in rows]
        else:
            c += 1
    return header, rows


def skewed_columns(header: Sequence[Sequence[Cell]], rows: Sequence[Sequence[Cell]]) -> Optional[tuple[int, int]]:
    """(s, e) when labels and values were drawn one column apart: an empty body column s left of an empty
    header column e, every column between them labelled and filled — the labels of s..e-1 stand over the
    values of s+1..e."""
    width = len(rows[0]) if rows else 0
    values = [r for r in rows if not is_column_numbers(row_texts(r))]
    if not header or not values or width < 3 or any(len(r) != width for r in [*header, *rows]):
        return None
    empty_body = [c for c in range(width) if not any(r[c].text for r in values)]
    empty_head = [c for c in range(width) if not any(h[c].text for h in header)]
    for s in empty_body:
        e = next((c for c in empty_head if c > s), None)
        if e is None or e in empty_body or s in empty_head:
            continue
        if all(any(r[c].text for r in values) for c in range(s + 1, e + 1)) and all(
                any(h[c].text for h in header) for c in range(s, e)):
            return s, e
    return None


def realign(header: list[tuple[Cell, ...]], rows: list[tuple[Cell, ...]], first_rows: int
            ) -> tuple[list[tuple[Cell, ...]], list[tuple[Cell, ...]]]:
    """The table with skewed columns (see :func:`skewed_columns`, judged on the first piece's rows) put
    back: the empty header column and each row's empty cell of the skew dropped."""
    skew = skewed_columns(header, rows[:first_rows])
    if skew is None or any(len(r) != len(header[0]) for r in rows):
        return header, rows
    s, e = skew
    header = [h[:e] + h[e + 1:] for h in header]
    rows = [r[:s] + r[s + 1:] if not r[s].text else r[:e] + r[e + 1:] for r in rows]
    return header, rows
