"""Placing budget rows by arithmetic: which rows add up to which.

Pure functions on ``RowShape`` values. ``schemas.hierarchy`` reads the nesting
from the layout and asks these functions only where the layout leaves it open
(see its module doc): a row whose amounts — pagu, realisasi and every period's
amount — equal the sum of the rows right below it is their parent. A run that
adds up in every amount is preferred to one that adds up in a single
distinctive amount; when a whole block adds up to its head in one amount only,
:func:`tighten` places the rows a typo left unplaced so that the sums come
closest, and rule B401 reports what still does not add up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence


@dataclass(frozen=True)
class RowShape:
    """What one body row of a budget table looks like."""

    row: int
    name: str
    marker: Optional[str] = None  # numbering or code as printed: '1.', '1', 'a.', '1.1', '5.01.01.2.01'
    marker_col: Optional[int] = None
    name_col: Optional[int] = None
    indent: Optional[float] = None  # x0 of the name cell, when the reader knows it
    bold: Optional[bool] = None
    pagu: Optional[float] = None
    realisasi: Optional[float] = None
    has_figures: bool = True
    amounts: tuple[Optional[float], ...] = ()
    """Further amounts that add up along the hierarchy like pagu and realisasi (one per period column)."""

    def values(self) -> tuple[Optional[float], ...]:
        """Every amount of the row: pagu, realisasi, then the period amounts."""
        return (self.pagu, self.realisasi) + self.amounts


def sum_parents(items: Sequence[RowShape], absorbable: frozenset[int] = frozenset(), tol: float = 0.5
                ) -> dict[int, int]:
    """child row → parent row by arithmetic: bottom-up, each row takes the run of free rows below it that
    :func:`run_length` chooses; only ``absorbable`` rows (all when empty) can be taken.

    Full matches come first because a run cut short can match one amount by chance when the rows it leaves
    out are zero in that amount (a kegiatan whose Triwulan I is all in its first sub kegiatan)."""
    parent: dict[int, int] = {}
    free: list[RowShape] = []
    for s in reversed(items):
        k = run_length(s, free, absorbable, tol)
        if k:
            for c in free[:k]:
                parent[c.row] = s.row
            free = free[k:]
        free.insert(0, s)
    return parent


def run_length(head: RowShape, free: Sequence[RowShape], absorbable: frozenset[int], tol: float) -> int:
    """How many of the free rows below ``head`` it is the sum of (0 when none): the shortest run adding up in
    every amount; else, of the runs adding up in one distinctive amount, the one whose other amounts come
    closest (rows that are zero in the matching amount may belong either way: the gap in the others decides)."""
    limit = len(free)
    if absorbable:
        limit = next((i for i, c in enumerate(free) if c.row not in absorbable), limit)
    full = next((k for k in range(1, limit + 1) if sums_to(head, free[:k], tol, allow_partial=False)), 0)
    if full:
        return full
    partial = [k for k in range(2, limit + 1) if sums_to(head, free[:k], tol)]
    return min(partial, key=lambda k: (gap(head, free[:k]), k), default=0)


def gap(head: RowShape, rows: Sequence[RowShape]) -> float:
    """How far the rows' sums are from the head's amounts, over the amounts all of them state."""
    top = head.values()
    parts = [r.values() for r in rows]
    total = 0.0
    for i, v in enumerate(top):
        col = [p[i] if i < len(p) else None for p in parts]
        if v is not None and all(c is not None for c in col):
            total += abs(v - sum(c for c in col if c is not None))
    return total


def sums_to(head: RowShape, rows: Sequence[RowShape], tol: float, allow_partial: bool = True,
             zero_ok: bool = False) -> bool:
    """Whether rows add up to a head in every amount it states, or (partial) in one distinctive amount.

    A partial match is only trusted for an amount that is not a multiple of
    10.000: round amounts (2.000.000.000 = 1.500.000.000 + 500.000.000) add up
    by coincidence too often."""
    top = head.values()
    parts = [s.values() for s in rows]
    fields = [i for i, v in enumerate(top) if v or (zero_ok and v == 0)]
    hits = {i: adds_up(top[i], [p[i] if i < len(p) else None for p in parts], tol, zero_ok) for i in fields}
    if fields and all(hits.values()):
        return True
    return allow_partial and any(hit and distinctive(top[i]) for i, hit in hits.items())


def distinctive(value: Optional[float]) -> bool:
    """Whether an amount is unlikely to be matched by chance (not a multiple of 10.000)."""
    return value is not None and round(value) % 10_000 != 0


def adds_up(total: Optional[float], parts: list[Optional[float]], tol: float, zero_ok: bool = False) -> bool:
    """Whether a total (non-zero unless ``zero_ok``) equals the sum of parts (all known) within ``tol`` per figure."""
    if total is None or (total == 0 and not zero_ok) or any(p is None for p in parts):
        return False
    return abs(total - sum(p for p in parts if p is not None)) <= tol * (len(parts) + 1)


def tighten(head: RowShape, free: list[RowShape], found: dict[int, int], movable: frozenset[int]) -> dict[int, int]:
    """When a block adds up to its head in one amount only, put a run of movable free rows under the free row
    above it (one with no rows of its own) wherever that brings the sums closest, counting the gaps at the head
    and at that row: sub kegiatan whose kegiatan differs from them by a typo were left beside it, and the head's
    sum would count them twice."""
    found, free = dict(found), list(free)
    while True:
        before = gap(head, free)
        moves = [(gap(head, free[:i] + free[j:]) + gap(free[i - 1], free[i:j]), i, j)
                 for i in range(1, len(free)) if free[i - 1].row not in found.values()
                 for j in range(i + 1, len(free) + 1) if all(x.row in movable for x in free[i:j])]
        best = min(moves, default=None)
        if best is None or best[0] >= before:
            return found
        _, i, j = best
        for x in free[i:j]:
            found[x.row] = free[i - 1].row
        del free[i:j]


def confirms(head: RowShape, rows: Sequence[RowShape]) -> bool:
    """Whether the head's figures are the sum of these rows (see :func:`sums_to`)."""
    return sums_to(head, rows, 0.5, zero_ok=True)
