"""How to read a budget table: the reading under which its figures agree most, or none at all.

A budget table's nesting (program > kegiatan > sub kegiatan) is printed in as
many ways as there are reports: numbered ``1.``/``1``/none, ``1``/``1.1``,
``I``/``A``/``1``, kode rekening, indentation, bold, or nothing. The layout
reading of :func:`lakip.schemas.hierarchy.infer_hierarchy` takes numbering
as its strongest sign, and a numbering scheme it was not built for can put
every sub kegiatan one level up, making every sum wrong. So the numbering is
a prior, not a rule: the layout reading is compared with two others — the
same layout without the numbering (prefix words, codes, indentation, bold and
sums alone) and a reading by arithmetic alone (each row is the parent of the
rows right below it that add up to it) — whenever the layout reading breaks
more sums than it keeps, or reads the table as a flat list
(every row numbered alike: ``1``/``1``/``1``) while sums show its nesting, and the reading with the fewest parents that are
not the sum of their children wins (then the most that are; then the
layout's). A layout reading under which most sums hold is kept as it is: the
one or two that do not are the report's own errors (rule B401), which a
reading by arithmetic alone would hide by leaving those rows unplaced.

When even the best reading breaks more than twice as many sums as it keeps, or the columns cannot be what their headers say (realisasi above
pagu in most rows, a negative pagu, a % column that is not realisasi/pagu in
most rows), the table was not understood: :func:`doubt` says why, and the
table is reported once as unreadable (S103) instead of as a cascade of
errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from lakip.ingest.model import Table
from lakip.schemas import hierarchy
from lakip.schemas.facts import LEVEL_EFISIENSI, LEVEL_JUMLAH, LEVEL_TOTAL, BudgetLine
from lakip.schemas.sums import RowShape, sum_parents, sums_to

MIN_DOUBT = 2
"""A table is doubted only when at least this many of its rows disagree (and they are the majority)."""
PERCENT_SLACK = 1.0
"""How far (percentage points) a printed % may be from realisasi/pagu and still count as that ratio here."""


@dataclass(frozen=True)
class Consistency:
    """How many parent rows of a reading equal the sum of their children, and how many do not."""

    held: int
    broken: int

    def failing(self) -> bool:
        """Whether sums break at least MIN_DOUBT times and more than twice as often as they hold: then the
        reading, not the report, is suspect (one typo breaks its own row's sum and its parent's: two)."""
        return self.broken >= MIN_DOUBT and self.broken > 2 * self.held

    def suspect(self) -> bool:
        """Whether more sums break than hold (at least MIN_DOUBT): worth trying other readings."""
        return self.broken >= MIN_DOUBT and self.broken > self.held

    def better_than(self, other: "Consistency") -> bool:
        """Fewer broken sums, or as few and more that hold."""
        return (self.broken, -self.held) < (other.broken, -other.held)


@dataclass(frozen=True)
class Reading:
    """One way of nesting a table's rows, with its name and how consistent its sums are."""

    name: str
    nodes: tuple[hierarchy.Node, ...]
    consistency: Consistency


def consistency(shapes: Sequence[RowShape], nodes: Sequence[hierarchy.Node]) -> Consistency:
    """Count the parents whose every stated amount is (or is not) the sum of their children's."""
    by_row = {s.row: s for s in shapes}
    kids: dict[int, list[RowShape]] = {}
    for n in nodes:
        if n.parent is not None and n.level != LEVEL_EFISIENSI and n.row in by_row:
            kids.setdefault(n.parent, []).append(by_row[n.row])
    held = broken = 0
    for parent, children in kids.items():
        head = by_row.get(parent)
        if head is None or not any(v is not None for v in head.values()):
            continue
        if sums_to(head, children, 0.5, allow_partial=False, zero_ok=True):
            held += 1
        else:
            broken += 1
    return Consistency(held, broken)


def _unnumbered(shapes: Sequence[RowShape]) -> list[RowShape]:
    """The rows without their numbering (prefix words, codes, indentation and bold stay)."""
    return [s if hierarchy.is_code(s.marker) else replace(s, marker=None, marker_col=None) for s in shapes]


def arithmetic_nodes(shapes: Sequence[RowShape], top_level: str) -> tuple[hierarchy.Node, ...]:
    """A reading by sums alone: each row is the parent of the run of rows right below it that adds up to it."""
    count = len(shapes)
    special = {s.row: hierarchy.special_level(s.name, i, count, s.has_figures) for i, s in enumerate(shapes)}
    items = [s for s in shapes if special[s.row] is None]
    parent = sum_parents(items)
    depth: dict[int, int] = {}
    for s in items:  # parents come before their children
        depth[s.row] = depth[parent[s.row]] + 1 if s.row in parent else 0
    levels = hierarchy.ITEM_LEVELS
    base = levels.index(top_level) if top_level in levels else 0
    nodes = {s.row: hierarchy.Node(s.row, levels[min(base + depth[s.row], len(levels) - 1)], parent.get(s.row),
                                   s.marker if hierarchy.is_code(s.marker) else None, depth[s.row], "sum",
                                   sure=s.row in parent or s.row in parent.values())
             for s in items}
    return tuple(hierarchy.with_summaries(shapes, special, nodes, frozenset()))


def best_reading(shapes: Sequence[RowShape], top_level: str, levels_named: int) -> Reading:
    """The reading of a budget table whose sums agree most (the layout's when none does better)."""
    layout = hierarchy.infer_hierarchy(shapes, top_level, levels_named=levels_named)
    best = Reading("layout", layout, consistency(shapes, layout))
    flat = best.consistency.held + best.consistency.broken == 0
    if not (flat or best.consistency.suspect()):
        return best  # a sum or two that do not hold in a table that otherwise adds up are the report's errors
    others = (
        ("unnumbered", lambda: hierarchy.infer_hierarchy(_unnumbered(shapes), top_level, levels_named=levels_named)),
        ("arithmetic", lambda: arithmetic_nodes(shapes, top_level)),
    )
    for name, make in others:
        nodes = make()
        candidate = Reading(name, nodes, consistency(shapes, nodes))
        enough = candidate.consistency.held >= (MIN_DOUBT if flat else 1)
        if enough and candidate.consistency.better_than(best.consistency):
            best = candidate
    return best


_TWO_AMOUNTS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?\s+(?:Rp\.?\s*)?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
"""Two grouped amounts in one cell ('3.582.237.130,00 3.032.545.972,00'): two columns read as one."""


def merged_cells(table: Table) -> Optional[tuple[str, str]]:
    """Why a budget table cannot be trusted when some of its cells hold two amounts, or None."""
    n = sum(1 for row in table.rows for c in row if _TWO_AMOUNTS.search(c.text))
    if not n:
        return None
    return (f"{n} sel berisi dua angka rupiah: dua kolom terbaca sebagai satu",
            f"{n} cells hold two amounts: two columns were read as one")


def _majority(bad: int, checked: int) -> bool:
    """Whether enough rows disagree, and they are most of those checked, to doubt the reading."""
    return bad >= MIN_DOUBT and bad * 2 > checked


def _value(fig) -> Optional[float]:
    """A figure's value (an empty cell is None here)."""
    return None if fig is None else fig.value


def _short_totals(lines: Sequence[BudgetLine]) -> Optional[str]:
    """The name of a total/Jumlah row whose pagu is more than twice the sum of its rows (rows not read)."""
    for head in lines:
        if head.level not in (LEVEL_TOTAL, LEVEL_JUMLAH) or _value(head.pagu) is None:
            continue
        kids = [_value(x.pagu) for x in lines if x.parent == head.row and x.table_id == head.table_id]
        known = [v for v in kids if v is not None]
        if known and sum(known) * 2 < (_value(head.pagu) or 0.0):
            return head.name or head.level
    return None


def doubt(lines: Sequence[BudgetLine], sums: Consistency) -> Optional[tuple[str, str]]:
    """Why a budget table's reading cannot be trusted (Bahasa Indonesia, English), or None when it can."""
    items = [(x, _value(x.pagu), _value(x.realisasi)) for x in lines if x.level != LEVEL_EFISIENSI]
    paired = [(p, r) for _, p, r in items if p is not None and r is not None]
    negative = sum(1 for p, _ in paired if p < 0)
    if negative:
        return (f"{negative} pagu bernilai negatif: kolom ini bukan pagu anggaran",
                f"{negative} negative pagu: this column is not a budget")
    over = sum(1 for p, r in paired if r > p * 1.005)
    if _majority(over, len(paired)):
        return (f"realisasi melebihi pagu pada {over} dari {len(paired)} baris: kolom mungkin tertukar atau salah baca",
                f"realisasi above pagu in {over} of {len(paired)} rows: the columns may be swapped or misread")
    with_pct = [(p, r, _value(x.percent)) for x, p, r in items
                if p and r is not None and _value(x.percent) is not None and x.level != LEVEL_JUMLAH]
    off = sum(1 for p, r, pct in with_pct if abs(r / p * 100 - (pct or 0.0)) > PERCENT_SLACK)
    if _majority(off, len(with_pct)):
        return (f"kolom % tidak sama dengan realisasi/pagu pada {off} dari {len(with_pct)} baris: "
                f"kolom mungkin bukan persentase penyerapan",
                f"the % column is not realisasi/pagu in {off} of {len(with_pct)} rows: it may not be the absorption "
                f"rate")
    short = _short_totals(lines)
    if short:
        return (f"baris {short} bernilai lebih dari dua kali jumlah rinciannya: sebagian baris tabel "
                f"tidak terbaca", f"the {short} row is more than twice the sum of its rows: part of the table "
                f"was not read")
    if sums.failing():
        total = sums.broken + sums.held
        return (f"{sums.broken} dari {total} baris induk tidak sama dengan jumlah rinciannya pada susunan mana pun: "
                f"susunan tingkat program/kegiatan/sub kegiatan tidak dapat dipastikan",
                f"{sums.broken} of {total} parent rows differ from the sum of their rows under every reading: the "
                f"program/kegiatan/sub kegiatan nesting cannot be established")
    return None

