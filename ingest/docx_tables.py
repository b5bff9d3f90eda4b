"""Tables of a .docx from the raw XML: cells with their spans, header rows, tables continued by hand."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from lakip.ingest.docx_xml import children, intval, on, plain_text, w, wval
from lakip.ingest.model import Cell, Table

_YEAR = re.compile(r"^(19|20)\d\d$")
_YEAR_IN_TEXT = re.compile(r"\b(19|20)\d\d\b")
_COLNO = re.compile(r"^\(?(\d{1,2})\)?\.?$")

@dataclass(frozen=True)
class _Tc:
    """One ``w:tc``: its first grid column, span, text and whether it continues a vertical merge."""

    col: int
    span: int
    text: str
    vcont: bool


def row_cells(tr) -> list[_Tc]:
    """The cells of a row at their grid columns (``gridBefore``, ``gridSpan``, old ``hMerge`` honoured)."""
    col = intval(tr.find(f"{w('trPr')}/{w('gridBefore')}"))
    out: list[_Tc] = []
    for tc in children(tr, "tc"):
        tcpr = tc.find(w("tcPr"))
        tcpr = tcpr if tcpr is not None else tc.makeelement(w("tcPr"))
        span = max(1, intval(tcpr.find(w("gridSpan")), default=1))
        vm, hm = tcpr.find(w("vMerge")), tcpr.find(w("hMerge"))
        if hm is not None and wval(hm) != "restart" and out:
            prev = out[-1]
            out[-1] = _Tc(prev.col, prev.span + span, prev.text, prev.vcont)
        else:
            vcont = vm is not None and wval(vm) != "restart"
            out.append(_Tc(col, span, "" if vcont else plain_text(tc), vcont))
        col += span
    return out


def grid_width(tbl, rows: list[list[_Tc]]) -> int:
    """Columns of the table: its grid, or the widest row if a row runs past the grid."""
    n = len(tbl.findall(f"{w('tblGrid')}/{w('gridCol')}"))
    return max([n] + [c.col + c.span for r in rows for c in r])


def is_year_or_number_row(row: list[_Tc]) -> bool:
    """Whether the non-empty cells are all years, or column numbers counting up by one ('1 2 3', '(1) (2)')."""
    texts = [c.text for c in row if c.text]
    if texts and all(_YEAR.match(t) for t in texts):
        return True
    nums = [_COLNO.match(t) for t in texts]
    if len(texts) < 2 or not all(nums):
        return False
    values = [int(m.group(1)) for m in nums if m]
    return all(b == a + 1 for a, b in zip(values, values[1:]))


def is_sublabel_row(above: list[_Tc], row: list[_Tc]) -> bool:
    """Whether every filled cell is a short label under a horizontally merged cell of the row above."""
    spans = [(c.col, c.col + c.span) for c in above if c.span > 1 and c.text]
    filled = [c for c in row if c.text]
    if not spans or not filled:
        return False
    for c in filled:
        if len(c.text) > 40 or re.search(r"\d", _YEAR_IN_TEXT.sub("", c.text)):
            return False
        if not any(a <= c.col and c.col + c.span <= b for a, b in spans):
            return False
    return True


def header_depth(trs: list, rows: list[list[_Tc]]) -> int:
    """How many leading rows are header rows: those marked ``w:tblHeader``, else inferred (1 to 3)."""
    marked = 0
    while marked < len(trs) and on(trs[marked].find(f"{w('trPr')}/{w('tblHeader')}")):
        marked += 1
    if marked:
        return marked
    depth = 1
    while depth < min(3, len(rows) - 1):
        row = rows[depth]
        if not (is_year_or_number_row(row) or is_sublabel_row(rows[depth - 1], row)
                or (row and all(c.vcont for c in row))):
            break
        depth += 1
    return depth


def row_to_cells(row: list[_Tc], width: int, page: int, header: bool) -> tuple[Cell, ...]:
    """One row as ``width`` cells; a merged label repeats over its span only in header rows."""
    cells = [Cell("", page) for _ in range(width)]
    for tc in row:
        if tc.col >= width:
            continue
        cells[tc.col] = Cell(tc.text, page, None, tc.span)
        for k in range(tc.col + 1, min(width, tc.col + tc.span)):
            cells[k] = Cell(tc.text if header else "", page)
    return tuple(cells)


_CONTINUED = re.compile(r"^\(?\s*(lanjutan|sambungan|lanjut)\b.*\)?$|^tabel\s+[\w.]+\s*\(?\s*(lanjutan|sambungan)\b",
                        re.I)


def _texts(rows: Sequence[Sequence[Cell]]) -> list[list[str]]:
    """The printed texts of rows, for comparing headers."""
    return [[c.text.strip() for c in row] for row in rows]


def continues_table(prev: Table, header: list, between: Sequence[str], width: int) -> bool:
    """Whether a table continues the one before it: nothing but a page break or a "(lanjutan)" line between
    them, and the same number of columns (Word drafts split a long table by hand, repeating its header or not)."""
    if any(not _CONTINUED.match(t.strip()) for t in between if t.strip()):
        return False
    prev_width = len(prev.rows[0]) if prev.rows else len(prev.header[0]) if prev.header else 0
    return prev_width == width and bool(prev.header)


def join_continuation(prev: Table, header: list, body: list, pages: list) -> Table:
    """The table before with the continuation's rows added (its header dropped when it repeats the first)."""
    repeated = bool(header) and _texts(header) == _texts(prev.header[-len(header):])
    rows = list(prev.rows) + ([] if repeated else list(header)) + list(body)
    return replace(prev, rows=tuple(rows), pages=tuple(dict.fromkeys(list(prev.pages) + pages)))
