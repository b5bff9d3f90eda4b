"""Budget per sasaran: the amounts behind the efficiency table's penyerapan %.

PermenPANRB 53/2014 asks for an analysis of the efficient use of resources per
sasaran. The efficiency table prints, for each sasaran, its capaian %,
penyerapan anggaran % and efisiensi %, but often no amounts; the amounts are in
a budget table that lists the programs or kegiatan of each sasaran under a
Sasaran column ("Akuntabilitas Keuangan per Sasaran": Sasaran | Program/Kegiatan |
Anggaran | Realisasi | %). The penyerapan of a sasaran is then the realisasi of
its lines over their anggaran.

:func:`with_sasaran_amounts` gives such an efficiency line the sums of its
sasaran's lines as ``pagu`` and ``realisasi``, and the sasaran as its name (the
penyerapan is the sasaran's, not its indicator's); the cells of the sums point
at the sasaran in the budget table (the first row of its group, the anggaran
and realisasi columns). Rule B402 then checks the printed penyerapan like any other
percentage. It is done only when everything is unambiguous: the efficiency row
prints a penyerapan % and no amounts of its own, exactly one sasaran of exactly
one budget table has that name (``name_similarity`` at least ``SAME_SASARAN``),
and every top-level line of the group prints both anggaran and realisasi.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional, Sequence

from lakip.values.figures import Figure, format_id, parse_figure
from lakip.ingest.model import Document, Table
from lakip.schemas.facts import (
    LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, ROLE_BUDGET, ROLE_EFFICIENCY, BudgetLine, Source, TableInfo,
)
from lakip.schemas.names import name_similarity
from lakip.schemas.roles import column_specs

SAME_SASARAN = 0.9
_ITEM_LEVELS = (LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN)


@dataclass(frozen=True)
class Group:
    """The lines of one sasaran in a budget table, with their sums."""

    sasaran: str
    pagu: Figure
    realisasi: Figure
    cells: tuple[tuple[str, Source], ...]


def sasaran_by_row(table: Table) -> dict[int, str]:
    """The sasaran of each body row (1-based), carried down over merged (blank) cells; empty without a column."""
    col = next((s.index for s in column_specs(table) if s.kind == "sasaran"), None)
    out: dict[int, str] = {}
    current = ""
    for r, row in enumerate(table.rows, start=1):
        text = " ".join(row[col].text.split()) if col is not None and col < len(row) else ""
        current = text or current
        if current:
            out[r] = current
    return out


def _sum(figs: Sequence[Figure]) -> Figure:
    """The sum of printed amounts as a figure (``-`` counts as zero)."""
    return parse_figure(format_id(sum(f.value or 0.0 for f in figs), 0))


def _group(sasaran: str, lines: Sequence[BudgetLine]) -> Optional[Group]:
    """The sums of a sasaran's top-level lines, or None when a line lacks an amount or is not an item."""
    rows = {x.row for x in lines}
    top = [x for x in lines if x.parent is None or x.parent not in rows]
    if not top or any(x.level not in _ITEM_LEVELS or x.pagu is None or x.realisasi is None for x in lines):
        return None
    pagu, real = _sum([x.pagu for x in top if x.pagu]), _sum([x.realisasi for x in top if x.realisasi])
    cells = tuple((field, replace(top[0].cell(field), text=fig.text))
                  for field, fig in (("pagu", pagu), ("realisasi", real)))
    return Group(sasaran, pagu, real, cells)


def budget_groups(doc: Document, infos: Sequence[TableInfo], lines: Sequence[BudgetLine]) -> list[Group]:
    """Every sasaran group of every budget table that has a Sasaran column."""
    tables = {t.id: t for t in doc.tables}
    out = []
    for info in infos:
        if info.role != ROLE_BUDGET or info.table_id not in tables:
            continue
        by_row = sasaran_by_row(tables[info.table_id])
        members: dict[str, list[BudgetLine]] = {}
        for x in lines:
            if x.table_id == info.table_id and x.row in by_row:
                members.setdefault(by_row[x.row], []).append(x)
        out += [g for g in (_group(s, m) for s, m in members.items()) if g is not None]
    return out


def _match(sasaran: str, groups: Sequence[Group]) -> Optional[Group]:
    """The one group named like this sasaran, or None."""
    hits = [g for g in groups if name_similarity(sasaran, g.sasaran) >= SAME_SASARAN]
    return hits[0] if len(hits) == 1 else None


def with_sasaran_amounts(doc: Document, infos: Sequence[TableInfo], lines: Sequence[BudgetLine],
                         penyerapan_of: Callable[[BudgetLine], Optional[Figure]]) -> list[BudgetLine]:
    """The lines, with efficiency-table lines that print a penyerapan % but no amounts given their sasaran's sums.

    ``penyerapan_of(line)`` reads a line's printed penyerapan % (``schemas.budget.penyerapan``)."""
    groups = budget_groups(doc, infos, lines)
    if not groups:
        return list(lines)
    tables = {t.id: t for t in doc.tables}
    sasaran = {i.table_id: sasaran_by_row(tables[i.table_id]) for i in infos
               if i.role == ROLE_EFFICIENCY and i.table_id in tables}
    out = []
    for x in lines:
        name = sasaran.get(x.table_id, {}).get(x.row)
        group = _match(name, groups) if name and x.pagu is None and x.realisasi is None else None
        if group is None or name is None or penyerapan_of(x) is None:
            out.append(x)
            continue
        out.append(replace(x, name=name, pagu=group.pagu, realisasi=group.realisasi, cells=x.cells + group.cells))
    return out
