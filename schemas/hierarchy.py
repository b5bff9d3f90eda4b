"""The nesting of a budget table's rows: total > program > kegiatan > sub kegiatan.

Pure functions on ``RowShape`` values (what a row looks like: its numbering,
where its name starts, its indentation, its name's prefix). The structure is
read from the layout, in this order of trust:

1. a level prefix in the name ("Program …", "Kegiatan …", "Sub Kegiatan …");
2. a kode rekening ("5.01.01" program, "5.01.01.2.01" kegiatan,
   "5.01.01.2.01.0001" sub kegiatan);
3. the outline the numbering makes ("1." > "1" > unnumbered, "A" > "1" > "a",
   "1" > "1.1" > "1.1.1"): the first time a new numbering style appears it
   opens a deeper level, a style seen before closes back to its level; the
   number's column, the name's column and the indentation (bbox x0) are part
   of a row's style when the table uses more than one of them;
4. arithmetic, only for tables whose rows carry none of these cues: a row
   whose amount equals the sum of the rows right below it is their parent.

Arithmetic never overrides the layout, so a parent whose figures do not add
up stays a parent with a wrong sum (rule B401), instead of being re-read as
something else. Rows named "Jumlah"/"Total" (or an unnamed first row with
only figures) sum the top-level rows of their block; "Jumlah efisiensi …" /
"Sisa …" rows state the remainder of the total above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from lakip.schemas.facts import (
    LEVEL_EFISIENSI, LEVEL_JUMLAH, LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_TOTAL, LEVEL_UNIT,
)
from lakip.schemas.names import normalize_text, split_level_prefix

ITEM_LEVELS = (LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN)
_PREFIX_RANK = {"program": 0, "kegiatan": 1, "sub kegiatan": 2}

_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,4}){1,7}$")
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
_MARKER = re.compile(
    r"^(?:\(?\d{1,3}[.)]?|\(?[a-zA-Z][.)]|\([a-zA-Z]\)|[IVXL]{1,5}\.?|\d{1,3}(?:\.\d{1,4})+\.?|[-•*▪·➢>])$")
_LEADING_MARKER = re.compile(
    r"^(\d{1,2}(?:\.\d{1,4}){2,7}|\d{1,3}(?:\.\d{1,3})+\.?|\(?\d{1,3}[.)]|\(?[a-z][.)]|[IVXL]{1,5}\.)\s+(?=\S)")
_SPECIAL_EFISIENSI = re.compile(r"^(?:(?:jumlah|total|tingkat)\s+)?(?:efisiensi|sisa|selisih)\b")
_SPECIAL_JUMLAH = re.compile(r"^(?:jumlah|total|sub\s*total|subtotal|grand\s+total)\b")
_UNIT_NAME = re.compile(
    r"^(?:kelurahan|desa|kampung|nagari|gampong|bidang|bagian|sub\s*bagian|seksi|upt|uptd|puskesmas|"
    r"sekretariat|kantor\s+camat|kecamatan|cabang|balai)\b")
_INDENT_STEP = 4.0
"""Two names starting less than this many points apart are at the same indentation."""


@dataclass(frozen=True)
class RowShape:
    """What one body row of a budget table looks like."""

    row: int
    name: str
    marker: Optional[str] = None
    """The numbering or code printed for the row ('1.', '1', 'a.', '1.1', '5.01.01.2.01')."""
    marker_col: Optional[int] = None
    name_col: Optional[int] = None
    indent: Optional[float] = None
    """x0 of the name cell, when the reader knows it."""
    bold: Optional[bool] = None
    pagu: Optional[float] = None
    realisasi: Optional[float] = None
    has_figures: bool = True


@dataclass(frozen=True)
class Node:
    """A row's place in the table's structure."""

    row: int
    level: str
    parent: Optional[int]
    code: Optional[str]
    depth: int
    why: str
    """What decided the level: prefix, code, numbering, sum, flat, total, jumlah, efisiensi, unit."""


def split_marker(text: str) -> tuple[Optional[str], str]:
    """(numbering or code, name) of a name cell that starts with its number ('1. Program …')."""
    m = _LEADING_MARKER.match(text.strip())
    if not m:
        return None, text.strip()
    return m.group(1), text.strip()[m.end():].strip()


def is_marker(text: str) -> bool:
    """Whether a cell holds only a row number, letter or code."""
    return bool(_MARKER.match(text.strip()))


def is_code(marker: Optional[str]) -> bool:
    """Whether a marker is a kode rekening rather than an outline number ('5.01.01' vs '1.1')."""
    if not marker or not _CODE.match(marker):
        return False
    parts = marker.split(".")
    return any(len(p) >= 2 and p.startswith("0") for p in parts[1:]) or (len(parts) >= 3 and any(len(p) >= 2 for p in parts))


def code_rank(code: str) -> int:
    """Level rank of a kode rekening: ≤2 parts above programs (-1), 3–4 program, 5 kegiatan, ≥6 sub kegiatan."""
    n = len(code.split("."))
    if n <= 2:
        return -1
    return 0 if n <= 4 else (1 if n == 5 else 2)


def marker_style(marker: Optional[str]) -> str:
    """The numbering style of a marker: dot-int, int, paren, letter, LETTER, roman, dotted-N, bullet, none."""
    if not marker:
        return "none"
    m = marker.strip()
    if _DOTTED.match(m):
        return f"dotted-{len(m.rstrip('.').split('.'))}"
    if re.fullmatch(r"\d+\.", m):
        return "dot-int"
    if re.fullmatch(r"\d+", m):
        return "int"
    if re.fullmatch(r"\(?\d+\)", m):
        return "paren"
    if re.fullmatch(r"[IVXL]+\.?", m) and (len(m.rstrip(".")) > 1 or m.rstrip(".") in "IVX"):
        return "roman"
    if re.fullmatch(r"\(?[a-z][.)]|\([a-z]\)", m):
        return "letter"
    if re.fullmatch(r"\(?[A-Z][.)]|\([A-Z]\)", m):
        return "LETTER"
    return "bullet"


def special_level(name: str, index: int, count: int, has_figures: bool) -> Optional[str]:
    """total / jumlah / efisiensi for summary rows, else None (``index`` is 0-based among rows)."""
    norm = normalize_text(name)
    if not norm:
        if not has_figures:
            return None
        return LEVEL_TOTAL if index == 0 else (LEVEL_JUMLAH if index == count - 1 else None)
    if _SPECIAL_EFISIENSI.match(norm):
        return LEVEL_EFISIENSI
    if _SPECIAL_JUMLAH.match(norm):
        return LEVEL_TOTAL if index == 0 else LEVEL_JUMLAH
    return None


def prefix_rank(name: str) -> Optional[int]:
    """0/1/2 for a name starting 'Program'/'Kegiatan'/'Sub Kegiatan', else None."""
    level, _ = split_level_prefix(name)
    return _PREFIX_RANK.get(level) if level else None


def _informative(values: Sequence[Optional[float | int]]) -> bool:
    """Whether a feature takes more than one value among the rows (so it can tell levels apart)."""
    return len({v for v in values if v is not None}) > 1


def _indent_rank(indents: Sequence[Optional[float]]) -> list[Optional[int]]:
    """Indentation as a rank: 0 for the leftmost names, 1 for the next step in, ..."""
    known = sorted({round(x, 1) for x in indents if x is not None})
    steps: list[float] = []
    for x in known:
        if not steps or x - steps[-1] >= _INDENT_STEP:
            steps.append(x)
    out: list[Optional[int]] = []
    for x in indents:
        out.append(None if x is None else max(i for i, s in enumerate(steps) if x + _INDENT_STEP > s))
    return out


def style_keys(items: Sequence[RowShape]) -> list[tuple]:
    """One key per item row: rows with the same key are at the same level."""
    styles = [marker_style(s.marker) for s in items]
    cols_per_style: dict[str, set] = {}
    for s, st in zip(items, styles):
        cols_per_style.setdefault(st, set()).add(s.marker_col)
    name_cols = _informative([s.name_col for s in items])
    indents = _indent_rank([s.indent for s in items])
    use_indent = _informative(indents)
    use_bold = _informative([int(s.bold) if s.bold is not None else None for s in items])
    keys = []
    for s, st, ind in zip(items, styles, indents):
        key: tuple = (st,)
        if st != "none" and len(cols_per_style[st]) > 1:
            key += ("col", s.marker_col)
        if name_cols:
            key += ("name", s.name_col)
        if use_indent:
            key += ("indent", ind)
        if use_bold:
            key += ("bold", s.bold)
        keys.append(key)
    return keys


def _anchor(s: RowShape) -> tuple[Optional[int], str]:
    """An absolute rank from the name's prefix or the row's code, with what gave it."""
    rank = prefix_rank(s.name)
    if rank is not None:
        return rank, "prefix"
    if is_code(s.marker):
        return code_rank(s.marker or ""), "code"
    return None, ""


def outline_ranks(items: Sequence[RowShape]) -> list[tuple[int, str]]:
    """(rank, why) per item row from prefixes, codes and the numbering outline."""
    keys = style_keys(items)
    anchors = [_anchor(s) for s in items]
    stack: list[tuple[tuple, int]] = []
    ranks: list[tuple[int, str]] = []
    for key, (rank, why) in zip(keys, anchors):
        if rank is not None:
            while stack and stack[-1][1] >= rank:
                stack.pop()
            stack.append((("anchor", rank), rank))
            ranks.append((rank, why))
            continue
        if any(k == key for k, _ in stack):
            while stack[-1][0] != key:
                stack.pop()
            ranks.append((stack[-1][1], "numbering"))
            continue
        rank = stack[-1][1] + 1 if stack else 0
        stack.append((key, rank))
        ranks.append((rank, "numbering"))
    return _close_gaps(ranks, keys, anchors)


def _close_gaps(ranks: list[tuple[int, str]], keys: list[tuple], anchors: list[tuple[Optional[int], str]]
                ) -> list[tuple[int, str]]:
    """Lift an unanchored style to just above the anchored rows it directly contains (no empty level between)."""
    shift: dict[tuple, int] = {}
    for i in range(len(ranks) - 1):
        if anchors[i][0] is None and anchors[i + 1][0] is not None:
            gap = anchors[i + 1][0] - 1 - ranks[i][0]
            if gap > 0:
                shift[keys[i]] = max(shift.get(keys[i], 0), gap)
    return [(r + shift.get(k, 0), why) if anchors[i][0] is None else (r, why)
            for i, ((r, why), k) in enumerate(zip(ranks, keys))]


def sum_parents(items: Sequence[RowShape], tol: float = 0.5) -> dict[int, int]:
    """child row → parent row from arithmetic alone, for rows without layout cues (bottom-up, nearest fit)."""
    parent: dict[int, int] = {}
    open_rows: list[RowShape] = []
    for s in reversed(items):
        for k in range(1, len(open_rows) + 1):
            kids = open_rows[:k]
            hits = [_adds_up(getattr(s, f), [getattr(c, f) for c in kids], tol) for f in ("pagu", "realisasi")]
            if (k == 1 and all(hits)) or (k > 1 and any(hits)):
                for c in kids:
                    parent[c.row] = s.row
                open_rows = open_rows[k:]
                break
        open_rows.insert(0, s)
    return parent


def _adds_up(total: Optional[float], parts: list[Optional[float]], tol: float) -> bool:
    """Whether a non-zero total equals the sum of parts (all known) within ``tol`` per figure."""
    if not total or any(p is None for p in parts):
        return False
    return abs(total - sum(p for p in parts if p is not None)) <= tol * (len(parts) + 1)


def _level_of(rank: int, base: int, name: str) -> str:
    """The level name of an item rank (a unit-named row is a unit)."""
    if _UNIT_NAME.match(normalize_text(name)) and prefix_rank(name) is None:
        return LEVEL_UNIT
    if rank < 0:
        return LEVEL_TOTAL
    return ITEM_LEVELS[min(max(rank + base, 0), len(ITEM_LEVELS) - 1)]


def infer_hierarchy(shapes: Sequence[RowShape], top_level: str = LEVEL_PROGRAM) -> tuple[Node, ...]:
    """Level and parent of every row. ``top_level`` names the top rank when no row says what it is."""
    count = len(shapes)
    special = {s.row: special_level(s.name, i, count, s.has_figures) for i, s in enumerate(shapes)}
    items = [s for s in shapes if special[s.row] is None]
    ranked = outline_ranks(items)
    by_sum = sum_parents(items) if _without_cues(items, ranked) else {}
    if by_sum:
        ranked = _ranks_from_parents(items, by_sum)
    anchored = any(why in ("prefix", "code") for _, why in ranked)
    base = 0 if anchored else ITEM_LEVELS.index(top_level) if top_level in ITEM_LEVELS else 0
    nodes: dict[int, Node] = {}
    stack: list[tuple[int, int]] = []  # (rank, row)
    for s, (rank, why) in zip(items, ranked):
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        if by_sum:
            parent = by_sum.get(s.row)
        code = s.marker if is_code(s.marker) else None
        nodes[s.row] = Node(s.row, _level_of(rank, base, s.name), parent, code, rank, why)
        stack.append((rank, s.row))
    return tuple(_with_summaries(shapes, special, nodes))


def _without_cues(items: Sequence[RowShape], ranked: list[tuple[int, str]]) -> bool:
    """True when no row is numbered, prefixed or coded and all rows look alike: only sums can tell."""
    return (len(items) >= 2 and all(why == "numbering" for _, why in ranked)
            and all(marker_style(s.marker) == "none" for s in items) and len(set(style_keys(items))) == 1)


def _ranks_from_parents(items: Sequence[RowShape], parent: dict[int, int]) -> list[tuple[int, str]]:
    """Ranks as depth in the arithmetic parent tree."""
    def depth(row: int) -> int:
        d = 0
        while row in parent:
            row, d = parent[row], d + 1
        return d
    return [(depth(s.row), "sum") for s in items]


def _with_summaries(shapes: Sequence[RowShape], special: dict[int, Optional[str]], nodes: dict[int, Node]
                    ) -> list[Node]:
    """All rows in order, with total/jumlah/efisiensi rows and the top-level rows they sum."""
    out: list[Node] = []
    block: list[Node] = []        # top-level item rows since the last summary row
    total_row: Optional[int] = None
    last_sum: Optional[int] = None
    pending: dict[int, int] = {}  # item row -> jumlah row below it
    for s in shapes:
        kind = special[s.row]
        if kind is None:
            node = nodes[s.row]
            block.append(node)
            out.append(node)
            continue
        if kind == LEVEL_EFISIENSI:
            out.append(Node(s.row, kind, last_sum, None, 0, kind))
            continue
        if kind == LEVEL_JUMLAH and block:
            top = min(n.depth for n in block)
            for n in block:
                if n.depth == top and n.parent is None:
                    pending[n.row] = s.row
        if kind == LEVEL_TOTAL:
            total_row = s.row
        out.append(Node(s.row, kind, None, None, -1, kind))
        last_sum, block = s.row, []
    top_all = min((n.depth for n in nodes.values()), default=0)
    result = []
    for n in out:
        if n.row in pending:
            n = Node(n.row, n.level, pending[n.row], n.code, n.depth, n.why)
        elif n.row in nodes and n.parent is None and total_row is not None and n.depth == top_all \
                and n.row > total_row:
            n = Node(n.row, n.level, total_row, n.code, n.depth, n.why)
        result.append(n)
    return result
