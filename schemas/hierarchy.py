"""The nesting of a budget table's rows: total > program > kegiatan > sub kegiatan.

Pure functions on ``RowShape`` values (what a row looks like). The structure is
read from the layout, most trusted first: a level prefix in the name
("Program …", "Kegiatan …", "Sub Kegiatan …"), a unit name ("Kelurahan …"), a
kode rekening ("5.01.01" program, "5.01.01.2.01" kegiatan, "….0001" sub
kegiatan), then the outline the numbering makes ("1." > "1" > unnumbered,
"I" > "A" > "1", "1" > "1.1" > "1.1.1": a new style opens a deeper level, a
style seen before closes back to its level), with the number's column, the
name's column, the indentation (bbox x0) and boldness as part of a row's style
when the table uses more than one of them.

Arithmetic (``schemas.sums``) only settles what the layout leaves open:
unnumbered rows that look alike while levels may hide among them (kegiatan and
sub kegiatan printed the same way), and a prefixed row ("Kegiatan …") that only
the first few of the alike rows below it add up to. Within the block under the
nearest row the layout does place, a row whose amounts (pagu, realisasi and
every period's amount) equal the sum of the rows right below it becomes their
parent; the block stays under that row only if its amounts then add up to it,
else the block is detached and no sum is claimed. Arithmetic never overrides
the layout, so a parent that the layout places stays a parent with a wrong sum
(rule B401). A flat list printed alike whose prefixed rows all name one level
("Kegiatan …") is a list of that level. Rows named "Jumlah"/"Total" (or an
unnamed first or last row with only figures) sum the top-level rows of their
block; "Jumlah efisiensi …" / "Sisa …" rows state the remainder of the summary
row above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from lakip import vocab
from lakip.schemas.facts import (
    LEVEL_EFISIENSI, LEVEL_JUMLAH, LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_TOTAL, LEVEL_UNIT,
)
from lakip.schemas.names import split_level_prefix
from lakip.values.text import normalize_text
from lakip.schemas.sums import RowShape, confirms, sum_parents, sums_to, tighten

ITEM_LEVELS = (LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN)
_PREFIX_RANK = {"program": 0, "kegiatan": 1, "sub kegiatan": 2}

_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,4}){1,7}$")
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
_MARKER = re.compile(
    r"^(?:\(?\d{1,3}[.)]?|\(?[a-zA-Z][.)]|\([a-zA-Z]\)|[IVXL]{1,5}\.?|\d{1,3}(?:\.\d{1,4})+\.?|[-•*▪·➢>])$")
_LEADING_MARKER = re.compile(
    r"^(\d{1,2}(?:\.\d{1,4}){2,7}|\d{1,3}(?:\.\d{1,3})+\.?|\(?\d{1,3}[.)]|\(?[a-z][.)]|[IVXL]{1,5}\.)\s+(?=\S)")
_INDENT_STEP = 4.0  # names starting less than this many points apart are equally indented


@dataclass(frozen=True)
class Node:
    """A row's place in the table's structure."""

    row: int
    level: str
    parent: Optional[int]
    code: Optional[str]
    depth: int
    why: str  # what placed it: prefix, code, unit, numbering, sum, detached, total, jumlah, efisiensi
    sure: bool = True  # the level is known: prefix, code, header, or confirmed by the sums


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
    padded = any(len(p) >= 2 and p.startswith("0") for p in parts[1:])
    return padded or (len(parts) >= 3 and any(len(p) >= 2 for p in parts))


def code_rank(code: str) -> int:
    """Level rank of a kode rekening by its number of parts (vocabulary ``budget.code_parts_*``): 0 program,
    1 kegiatan, 2 sub kegiatan; -1 for a code above the programs (fewer parts than any program code)."""
    n = str(len(code.split(".")))
    levels = ("program", "kegiatan", "subkegiatan")
    for lookup in (vocab.added, vocab.words):  # the user's counts first: they redefine a built-in one
        for rank, level in enumerate(levels):
            if n in lookup("budget", f"code_parts_{level}"):
                return rank
    shortest = min(int(p) for p in vocab.words("budget", "code_parts_program") if p.isdigit())
    return -1 if int(n) < shortest else 2


_STYLES = (
    (re.compile(r"\d+\."), "dot-int"), (re.compile(r"\d+"), "int"), (re.compile(r"\(?\d+\)"), "paren"),
    (re.compile(r"(?:[IVXL]{2,}|[IVX])\.?"), "roman"), (re.compile(r"\(?[a-z][.)]|\([a-z]\)"), "letter"),
    (re.compile(r"\(?[A-Z][.)]|\([A-Z]\)"), "LETTER"),
)


def marker_style(marker: Optional[str]) -> str:
    """The numbering style of a marker: dot-int, int, paren, roman, letter, LETTER, dotted-N, bullet, none."""
    if not marker:
        return "none"
    m = marker.strip()
    if _DOTTED.match(m):
        return f"dotted-{len(m.rstrip('.').split('.'))}"
    return next((style for rx, style in _STYLES if rx.fullmatch(m)), "bullet")


def special_level(name: str, index: int, count: int, has_figures: bool) -> Optional[str]:
    """total / jumlah / efisiensi for summary rows, else None (``index`` is 0-based among rows)."""
    norm = normalize_text(name)
    if not norm:
        if not has_figures:
            return None
        return LEVEL_TOTAL if index == 0 else (LEVEL_JUMLAH if index == count - 1 else None)
    if vocab.prefix_pattern("budget", "remainder_row").match(norm):
        return LEVEL_EFISIENSI
    if vocab.prefix_pattern("budget", "total_row").match(norm):
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
    for indent in indents:
        out.append(None if indent is None else max(i for i, s in enumerate(steps) if indent + _INDENT_STEP > s))
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
        if use_indent and st == "none":
            key += ("indent", ind)
        if use_bold:
            key += ("bold", s.bold)
        keys.append(key)
    return keys


def _anchor(s: RowShape) -> tuple[Optional[int], str]:
    """An absolute rank from the name's prefix, the row's code or a unit's name, with what gave it."""
    if is_unit_name(s.name):
        return -1, "unit"
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


def _flat(items: Sequence[RowShape], ranked: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Every row at the level its prefixed rows name, when the table is a flat list of one level.

    That is when every row is printed alike (one style), the rows with a level prefix all name the same level
    ('Kegiatan …') and none has a row under it, and no row is the sum of the rows right below it: a list of
    kegiatan where some names happen to start with 'Kegiatan'. Otherwise the ranks are returned unchanged."""
    levels = {r for r, why in ranked if why == "prefix"}
    if len(levels) != 1 or any(why not in ("prefix", "numbering") for _, why in ranked):
        return ranked
    if any(why == "prefix" and nxt > r for (r, why), (nxt, _) in zip(ranked, ranked[1:])):
        return ranked
    if len(set(style_keys(items))) != 1 or sum_parents(items):
        return ranked
    level = levels.pop()
    return [(level, why if why == "prefix" else "flat") for _, why in ranked]


def _close_gaps(ranks: list[tuple[int, str]], keys: list[tuple], anchors: list[tuple[Optional[int], str]]
                ) -> list[tuple[int, str]]:
    """Lift an unanchored style to just above the anchored rows it directly contains (no empty level between)."""
    shift: dict[tuple, int] = {}
    for i in range(len(ranks) - 1):
        above = anchors[i + 1][0]
        if anchors[i][0] is None and above is not None:
            gap = above - 1 - ranks[i][0]
            if gap > 0:
                shift[keys[i]] = max(shift.get(keys[i], 0), gap)
    return [(r + shift.get(k, 0), why) if anchors[i][0] is None else (r, why)
            for i, ((r, why), k) in enumerate(zip(ranks, keys))]


def _level_of(rank: int, base: int, name: str) -> str:
    """The level name of an item rank (a unit-named row is a unit)."""
    if is_unit_name(name):
        return LEVEL_UNIT
    if rank + base < 0:
        return LEVEL_TOTAL
    return ITEM_LEVELS[min(rank + base, len(ITEM_LEVELS) - 1)]


def is_unit_name(name: str) -> bool:
    """Whether a row names a unit (Kelurahan …, Desa …, Bidang …, Kecamatan …) rather than a program."""
    return bool(vocab.prefix_pattern("budget", "unit_name").match(normalize_text(name))) and prefix_rank(name) is None


@dataclass(frozen=True)
class _Layout:
    """What the layout alone says: rank, parent and whether the level is known, per item row."""

    rank: dict[int, int]
    parent: dict[int, Optional[int]]
    sure: dict[int, bool]
    detached: frozenset[int] = frozenset()


def _layout(items: Sequence[RowShape], ranked: list[tuple[int, str]], hint_sure: bool) -> _Layout:
    """Parents from the ranks (nearest row above with a smaller rank); levels known from anchors or the header."""
    rank, parent, sure = {}, {}, {}
    stack: list[tuple[int, int, bool]] = []  # (rank, row, sure)
    for s, (r, why) in zip(items, ranked):
        while stack and stack[-1][0] >= r:
            stack.pop()
        parent[s.row] = stack[-1][1] if stack else None
        anchored = why in ("prefix", "code", "unit", "flat")
        sure[s.row] = anchored or hint_sure or any(x[2] for x in stack)
        rank[s.row] = r
        stack.append((r, s.row, anchored or sure[s.row]))
    return _Layout(rank, parent, sure)


def _ambiguous(items: Sequence[RowShape], ranked: list[tuple[int, str]], base: int) -> frozenset[int]:
    """Rows the layout cannot place: plain rows (no number, prefix, code, indentation or column of their own)
    that landed on more than one level, or on a level that may have levels below it (program, kegiatan), or
    under a prefixed row that only the first few of them add up to (then that row is placed by the sums too)."""
    keys = style_keys(items)
    plain = [i for i, (s, (_, why)) in enumerate(zip(items, ranked))
             if why == "numbering" and keys[i] == ("none",) and not is_unit_name(s.name)]
    ranks = {ranked[i][0] for i in plain}
    if not plain:
        return frozenset()
    if len(ranks) == 1 and min(ranks) + base >= len(ITEM_LEVELS) - 1:
        over = _overreaching(items, ranked)  # all on the lowest level, unless a prefixed row's sum says otherwise
        return frozenset(items[i].row for i in plain) | over if over else frozenset()
    return frozenset(items[i].row for i in plain)


def _overreaching(items: Sequence[RowShape], ranked: list[tuple[int, str]]) -> frozenset[int]:
    """Prefixed rows ('Kegiatan …') that the layout gives a run of alike plain rows of which only the first few
    add up to them (in every amount): the rest are their siblings, printed the same way."""
    keys = style_keys(items)
    out = set()
    for i, (head, (rank, why)) in enumerate(zip(items, ranked)):
        if why != "prefix":
            continue
        kids: list[RowShape] = []
        for s, (r, w), key in zip(items[i + 1:], ranked[i + 1:], keys[i + 1:]):
            if r <= rank:
                break
            if r > rank + 1 or w != "numbering" or key != ("none",):
                kids = []  # numbered or deeper rows below it: the layout is not one run of alike rows
                break
            kids.append(s)
        if len(kids) > 1 and not sums_to(head, kids, 0.5, allow_partial=False) and any(
                sums_to(head, kids[:k], 0.5, allow_partial=False) for k in range(1, len(kids))):
            out.add(head.row)
    return frozenset(out)


def _resolve(items: Sequence[RowShape], lay: _Layout, amb: frozenset[int], anchored: frozenset[int],
             top: Optional[RowShape]) -> _Layout:
    """Place ambiguous rows by arithmetic within the block under the nearest row the layout does place;
    the block stays under that head only if it adds up to it, else it is detached (see module doc)."""
    if not amb:
        return lay
    floor = min(lay.rank[r] for r in amb)
    rank, parent, sure, detached = dict(lay.rank), dict(lay.parent), dict(lay.sure), set()
    by_row = {s.row: s for s in items}
    movable = amb | anchored
    for head, block in _blocks(items, lay, floor):
        head_shape = by_row.get(head) if head is not None else top
        rows = [s for s in block if s.row in movable]
        found = sum_parents(rows, movable)
        free = [s for s in rows if s.row not in found]
        ok = head_shape is not None and confirms(head_shape, free)
        if ok and head_shape is not None and not sums_to(head_shape, free, 0.5, allow_partial=False, zero_ok=True):
            found = tighten(head_shape, free, found, amb)
        base_rank = (lay.rank[head] + 1) if head is not None else floor
        for s in rows:  # parents come before their children
            if s.row in found:
                rank[s.row] = rank[found[s.row]] + 1
            elif s.row in amb:
                rank[s.row] = base_rank
            parent[s.row] = found.get(s.row, head if ok else None)
            sure[s.row] = ok or (s.row not in amb and lay.sure[s.row])
            if s.row not in found and not ok and head_shape is not None:
                detached.add(s.row)
        for s in block:  # numbered rows keep the parent their numbering gave them
            if s.row not in movable and (up := parent[s.row]) is not None and up in rank:
                rank[s.row] = rank[up] + 1
    return _Layout(rank, parent, sure, frozenset(detached))


def _blocks(items: Sequence[RowShape], lay: _Layout, floor: int) -> list[tuple[Optional[int], list[RowShape]]]:
    """(head row, rows below it) for every run of rows at ``floor`` or deeper, under the row above ``floor``."""
    out: list[tuple[Optional[int], list[RowShape]]] = [(None, [])]
    for s in items:
        if lay.rank[s.row] < floor:
            out.append((s.row, []))
        else:
            out[-1][1].append(s)
    return [(h, b) for h, b in out if b]


def infer_hierarchy(shapes: Sequence[RowShape], top_level: str = LEVEL_PROGRAM, levels_named: int = 0
                    ) -> tuple[Node, ...]:
    """Level, parent and certainty of every row. ``top_level`` names the top rank when no row says what it is;
    ``levels_named``: how many levels the header names ('Program' 1, 'Program/Kegiatan' 2). The levels are known
    when it names one, or as many as the numbering shows."""
    count = len(shapes)
    special = {s.row: special_level(s.name, i, count, s.has_figures) for i, s in enumerate(shapes)}
    items = [s for s in shapes if special[s.row] is None]
    ranked = _flat(items, outline_ranks(items))
    anchored = any(why in ("prefix", "code") for _, why in ranked)
    base = 0 if anchored else ITEM_LEVELS.index(top_level) if top_level in ITEM_LEVELS else 0
    sums = [s for s in shapes if special[s.row] in (LEVEL_TOTAL, LEVEL_JUMLAH)]
    top = sums[0] if len(sums) == 1 else None
    anchors = frozenset(s.row for s, (_, why) in zip(items, ranked) if why in ("prefix", "code"))
    amb = _ambiguous(items, ranked, base)
    hint_sure = levels_named == 1 or (levels_named > 1 and len({r for r, _ in ranked}) == levels_named)
    lay = _resolve(items, _layout(items, ranked, hint_sure), amb, anchors, top)
    nodes = {}
    for s, (_, why) in zip(items, ranked):
        r = lay.rank[s.row]
        code = s.marker if is_code(s.marker) else None
        if s.row in lay.detached:
            why = "detached"
        elif s.row in amb:
            why = "sum"
        nodes[s.row] = Node(s.row, _level_of(r, base, s.name), lay.parent[s.row], code, r, why, lay.sure[s.row])
    return tuple(with_summaries(shapes, special, nodes, lay.detached))


def with_summaries(shapes: Sequence[RowShape], special: dict[int, Optional[str]], nodes: dict[int, Node],
                    detached: frozenset[int]) -> list[Node]:
    """All rows in order: summary rows added, the top-level rows of each block under its total or Jumlah."""
    out: list[Node] = []
    block: list[Node] = []  # item rows since the last summary row
    total: Optional[int] = None
    last: Optional[int] = None
    top = min((n.depth for n in nodes.values()), default=0)
    for s in shapes:
        kind = special[s.row]
        if kind is None:
            node = nodes[s.row]
            if node.parent is None and node.depth == top and total is not None and node.row not in detached:
                node = replace(node, parent=total)
            block.append(node)
            out.append(node)
        elif kind == LEVEL_EFISIENSI:
            out.append(Node(s.row, kind, last, None, 0, kind))
        else:
            if kind == LEVEL_JUMLAH and block:
                first = min(n.depth for n in block)
                under = {n.row for n in block if n.depth == first and n.parent is None and n.row not in detached}
                out = [replace(n, parent=s.row) if n.row in under else n for n in out]
            total = s.row if kind == LEVEL_TOTAL else total
            out.append(Node(s.row, kind, None, None, -1, kind))
            last, block = s.row, []
    return out
