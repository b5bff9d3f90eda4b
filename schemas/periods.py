"""Period columns of budget tables: amounts per quarter (triwulan), semester or month.

A periodic realisation table (the Renja/RKPD evaluation form: "Realisasi
Kinerja Pada Triwulan I - IV / I / K | Rp …") prints, for every unit, program,
kegiatan and sub kegiatan, a kinerja (K) and a rupiah (Rp) column per period.
The rupiah column of one period adds up along the hierarchy like an annual
realisasi column: a kegiatan's Triwulan II is the sum of its sub kegiatan's
Triwulan II. Kinerja columns (K, fisik, %) are not amounts and are not read.

Which column is which comes from its header path, never from its position:
the period is the header level that differs between the period columns ("I",
"II", …, or "TW 1", "Semester I"), named with the period word of the level
above it when it has none ("Triwulan" + "I" → "Triwulan I"); the field is
``realisasi`` when the path speaks of realisasi, ``pagu`` when it speaks of
anggaran/pagu/target/rencana.

Conventions a rule can rely on (``schemas.budget`` builds the lines):

* Each row of the table gives one BudgetLine per period, in a table of its own:
  ``table_id`` is ``"<table id>@<period>"`` (:func:`period_of` reads it back),
  so the hierarchy of one period is checked on that period's amounts only.
* A period line has no entity ``key``: a quarter's amount is not the year's,
  so it is never compared with another table or the narrative (B404).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping, Optional, Sequence

from lakip.values.figures import Figure
from lakip.ingest.model import Table
from lakip.schemas.facts import BudgetLine, Source
from lakip.values.text import normalize_text
from lakip.schemas.roles import ColumnSpec, clean_label, is_money_column, label_words

PERIOD_SEP = "@"
_MONEY_LEAF = frozenset({"rp", "rupiah", "idr", "keuangan", "anggaran", "dana", "biaya", "belanja"})
_PAGU_WORDS = frozenset({"pagu", "anggaran", "alokasi", "dpa", "dppa", "target", "rencana"})
_PERIOD_WORD = re.compile(r"\b(triwulan|trw|tw|semester|smt|bulan|bln|quarter)\b", re.I)
_PERIOD_NAME = re.compile(r"^(?:[IVX]{1,4}|\d{1,2}|januari|februari|maret|april|mei|juni|juli|agustus|september|"
                          r"oktober|november|nopember|desember)$", re.I)
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass(frozen=True)
class PeriodColumn:
    """One amount column of one period."""

    period: str
    """The period as a reader says it: 'Triwulan I', 'TW 2', 'Semester I'."""
    field: str
    """'realisasi' or 'pagu'."""
    index: int


def _segments(label: str) -> list[str]:
    """The header levels of a column label, top first ('Realisasi … / I / 7 / Rp')."""
    return [s.strip() for s in clean_label(label).split(" / ") if s.strip()]


def _is_money(table: Table, spec: ColumnSpec) -> bool:
    """Whether a period column holds rupiah: its lowest label says so, or its numbers are money-sized."""
    leaf = normalize_text(_segments(spec.label)[-1]) if _segments(spec.label) else ""
    return leaf in _MONEY_LEAF or bool(set(leaf.split()) & {"rp", "rupiah"}) or is_money_column(table, spec.index)


def _field(label: str) -> Optional[str]:
    """'realisasi' or 'pagu' from the words of the label's levels, lowest level first; None when it says neither."""
    for seg in reversed(_segments(label)):
        found = label_words(seg)
        if "realisasi" in found:
            return "realisasi"
        words = set(normalize_text(seg).split())
        if words & _PAGU_WORDS:
            return "pagu"
    return None


def _period_name(segments: Sequence[str], pos: int) -> str:
    """The period of one column: the level that differs between period columns, with the period word of the
    levels above it when it has none of its own."""
    own = segments[pos]
    if _PERIOD_WORD.search(own):
        return own
    for seg in reversed(segments[:pos]):
        m = _PERIOD_WORD.search(seg)
        if m:
            return f"{m.group(1)} {own}"
    return own


def _varying_position(paths: Sequence[list[str]]) -> Optional[int]:
    """The header level that names the period: the first level that differs between the columns and is not a
    column number, preferring one that reads as a period ('I', 'TW 2', 'Maret')."""
    depth = min(len(p) for p in paths)
    varying = [i for i in range(depth) if len({p[i] for p in paths}) > 1
               and not all(_COLUMN_NUMBER.match(p[i]) for p in paths)]
    named = [i for i in varying if all(_PERIOD_NAME.match(p[i]) or _PERIOD_WORD.search(p[i]) for p in paths)]
    return named[0] if named else varying[0] if varying else None


def period_columns(table: Table, specs: Sequence[ColumnSpec]) -> tuple[PeriodColumn, ...]:
    """The amount columns of the periods of a table (empty when it has none), in printed order."""
    cands = [s for s in specs if s.kind == "period" and _is_money(table, s) and _field(s.label)]
    if not cands:
        return ()
    paths = [_segments(s.label) for s in cands]
    if len(cands) == 1:
        named = [seg for seg in paths[0] if _PERIOD_WORD.search(seg)]
        return (PeriodColumn(named[-1] if named else paths[0][0], _field(cands[0].label) or "", cands[0].index),)
    pos = _varying_position(paths)
    if pos is None:
        return ()
    out = [PeriodColumn(_period_name(p, pos), _field(s.label) or "", s.index) for s, p in zip(cands, paths)]
    seen = {(c.period, c.field) for c in out}
    return tuple(out) if len(seen) == len(out) else ()


def period_table_id(table_id: str, period: str) -> str:
    """The table id of one period's lines."""
    return f"{table_id}{PERIOD_SEP}{period}"


def base_table_id(table_id: str) -> str:
    """The id of the printed table a (period) line comes from."""
    return table_id.split(PERIOD_SEP, 1)[0]


def period_of(table_id: str) -> Optional[str]:
    """The period of a line's table id, or None for a line of the whole year."""
    parts = table_id.split(PERIOD_SEP, 1)
    return parts[1] if len(parts) == 2 else None


def period_lines(lines: Sequence[BudgetLine],
                 figures: Mapping[int, Sequence[tuple[PeriodColumn, Figure, Source]]]) -> list[BudgetLine]:
    """The lines of every period that has figures: the year's lines (same levels, parents and units) with that
    period's amounts and cells, in a table id of their own and without entity keys.

    ``figures`` maps a row to the period cells read on it."""
    out: list[BudgetLine] = []
    names = dict.fromkeys(p.period for cells in figures.values() for p, _, _ in cells)
    for name in names:
        for line in lines:
            got = [(p.field, fig, src) for p, fig, src in figures.get(line.row, ()) if p.period == name]
            fields = {f: fig for f, fig, _ in got}
            out.append(replace(line, table_id=period_table_id(line.table_id, name), pagu=fields.get("pagu"),
                               realisasi=fields.get("realisasi"), percent=None, sisa=None, key=None,
                               cells=tuple((f, src) for f, _, src in got)))
    return out
