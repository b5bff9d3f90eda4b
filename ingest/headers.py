"""Header rows of a table piece: which leading rows are header, and labels spanning column groups.

Also the small tests of a row's texts every table reader shares: a figure, a
row of figures, the row numbering the columns ("(1) (2) (3)").
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from lakip.ingest.model import Cell

_NUMERIC = re.compile(r"^[\s\d.,%()+\-–/]*\d[\s\d.,%()+\-–/]*$")
_COLUMN_NO = re.compile(r"^\(?(\d{1,2})\)?$")
_YEAR = re.compile(r"^(19|20)\d\d$")


def is_numeric(text: str) -> bool:
    """Whether a cell is a figure (digits with separators, %, signs)."""
    return bool(_NUMERIC.match(text)) and not _YEAR.match(text.strip())


def has_figures(texts: Sequence[str]) -> bool:
    """Whether a row prints figures (not years, not column numbers): a body row however it is styled
    (bold totals and program rows are not header rows)."""
    return not is_column_numbers(texts) and any(
        is_numeric(_bare(t)) and _AMOUNT.search(_bare(t)) for t in texts if t)


_AMOUNT = re.compile(r"\d[.,]\d|\d{4}")
"""A figure with decimals or digit groups, or four digits or more (not a column number like '(6).')."""


def _bare(text: str) -> str:
    """A figure without its currency sign and trailing ',-' ('Rp 4.421.493.880,00' → '4.421.493.880,00')."""
    return re.sub(r"^\s*Rp\.?\s*|,-\s*$", "", text.strip(), flags=re.I).strip()


def is_column_numbers(texts: Sequence[str]) -> bool:
    """Whether a row only numbers the columns: 1 2 3 … or (1) (2) (3) …, increasing."""
    found = [_COLUMN_NO.match(t.strip()) for t in texts if t.strip()]
    nums = [int(m.group(1)) for m in found if m]
    return len(nums) >= 2 and len(nums) == len(found) and nums == sorted(nums) and len(set(nums)) == len(nums)


def header_depth(texts: list[list[str]], styled: list[bool], spans: Sequence, max_rows: int) -> int:
    """How many leading rows of a first piece are header rows."""
    if not texts:
        return 0
    depth = 0
    while depth < len(texts) - 1 and depth < max_rows and styled[depth] and not has_figures(texts[depth]):
        depth += 1
    if depth == 0:
        first = [t for t in texts[0] if t]
        if not first or any(is_numeric(t) for t in first) or len(texts) < 2:
            return 0
        depth = 1
    changed = True
    while changed and depth < min(max_rows, len(texts) - 1):
        changed = False
        down = max([s.r1 + 1 for s in spans if s.r0 < depth <= s.r1 and s.r1 < len(texts) - 1], default=depth)
        if down > depth:
            depth, changed = min(down, max_rows), True
        elif is_column_numbers(texts[depth]) or is_subheader(texts[depth - 1], texts[depth], spans, depth):
            depth, changed = depth + 1, True
    return depth


def is_subheader(above: list[str], row: list[str], spans: Sequence, r: int) -> bool:
    """Whether ``row`` labels the columns under a label of ``above`` spanning several columns."""
    cells = [t for t in row if t]
    if not cells or any(is_numeric(t) and not _YEAR.match(t) for t in cells):
        return False
    wide = [s for s in spans if s.r0 <= r - 1 <= s.r1 and s.c1 > s.c0 and above[s.c0]]
    under = {c for s in wide for c in range(s.c0, s.c1 + 1)}
    return bool(under) and all(not row[c] or c in under or not above[c] for c in range(len(row)))


def repeated_groups(row: Sequence[Cell], below: Sequence[Cell]) -> Optional[list[list[int]]]:
    """The column groups a row of spanning labels stands over, read from the labels under them: the
    sub-labels repeat with a period ('Target Realisasi Capaian' twice → two groups of three), and each
    group holds exactly one of the row's labels, wherever it is printed in the group (centred or not)."""
    cols = [c for c in range(len(below)) if below[c].text]
    subs = [below[c].text.strip().lower() for c in cols]
    if len(cols) < 4 or cols != list(range(cols[0], cols[-1] + 1)):
        return None
    for p in range(2, len(cols) // 2 + 1):
        if len(cols) % p == 0 and all(subs[i] == subs[i + p] for i in range(len(subs) - p)):
            groups = [cols[i:i + p] for i in range(0, len(cols), p)]
            if all(len({row[c].text for c in g if row[c].text}) == 1 for g in groups):
                return groups
            return None
    return None


def fill_header_spans(header: list[tuple[Cell, ...]]) -> tuple[tuple[Cell, ...], ...]:
    """Header rows with each label also filling the empty cells of its span: the group of repeated
    sub-labels it stands over (see :func:`repeated_groups`), else the empty cells to its right that have
    labels below."""
    out = []
    for r, row in enumerate(header):
        cells = list(row)
        below = header[r + 1] if r + 1 < len(header) else None
        groups = repeated_groups(cells, below) if below is not None and len(below) == len(cells) else None
        for group in groups or []:
            label = next(cells[c] for c in group if cells[c].text)
            for k, c in enumerate(group):
                cells[c] = Cell(label.text, cells[c].page, cells[c].bbox, len(group) if k == 0 else 1)
        if groups:
            out.append(tuple(cells))
            continue
        for c in range(1, len(cells)):
            prev = cells[c - 1]
            if not cells[c].text and prev.text and below is not None and below[c].text and below[c - 1].text:
                start = next(k for k in range(c, -1, -1) if k == 0 or cells[k - 1].text != prev.text)
                cells[c] = Cell(prev.text, cells[c].page, cells[c].bbox)
                cells[start] = Cell(cells[start].text, cells[start].page, cells[start].bbox, c - start + 1)
        out.append(tuple(cells))
    return tuple(out)
