"""Budget lines named across tables: one entity key per program, kegiatan or sub kegiatan.

A report names one kegiatan in its budget table, its PK, its program analysis and its narrative, rarely
the same way twice (a typo, a dropped "dan", a word order). ``assign_keys`` gives lines of different
tables one key when their names are the same name written differently and no other candidate comes
close; ``resolve`` finds the entity a name in the narrative speaks of. ``subject`` and ``penyerapan``
say how a finding names a line and read a line's printed absorption %.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Optional, Sequence

from rapidfuzz import fuzz

from lakip.values.figures import Figure, parse_figure
from lakip.schemas import periods
from lakip.schemas.facts import (
    LEVEL_EFISIENSI, LEVEL_JUMLAH, LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_TOTAL, BudgetLine,
)
from lakip.schemas.names import name_similarity, strip_level_prefix

ENTITY_LEVELS = (LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN)
"""The levels whose lines are entities named across tables."""
SAME_NAME = 0.9  # name_similarity at or above which two names are one entity ...
MARGIN = 0.03  # ... when no other candidate comes this close


_STOPWORDS = frozenset({"dan", "di", "dalam", "yang", "serta", "pada", "dengan", "untuk", "ke", "dari", "atau",
                        "kab", "kota", "kabupaten"})
_TYPO = 85.0
"""fuzz.ratio at or above which two words are the same word misspelt ('Pemberdayan', 'Pemerintah')."""


def substituted(a: str, b: str) -> bool:
    """Whether each name has a word the other lacks ('… di Desa' / '… di Kelurahan'): two different things.

    A word left out on one side only ('Masyarakat dan Kelurahan' for
    'Masyarakat Desa dan Kelurahan') is an abbreviation, not a substitution.
    """
    left = [w for w in strip_level_prefix(a).split() if w not in _STOPWORDS]
    right = [w for w in strip_level_prefix(b).split() if w not in _STOPWORDS]
    for w in list(left):
        match = next((v for v in right if v == w or (min(len(v), len(w)) >= 5 and fuzz.ratio(v, w) >= _TYPO)), None)
        if match is not None:
            left.remove(w)
            right.remove(match)
    return bool(left) and bool(right)


def name_score(a: str, b: str) -> float:
    """0..1 similarity of two program/kegiatan names without their level words (0 when a word was swapped)."""
    if substituted(a, b):
        return 0.0
    return name_similarity(a, b, strip_prefix=True)


def _best(name: str, candidates: dict[str, str]) -> Optional[tuple[str, float]]:
    """(key, score) of the one candidate that clearly matches ``name``, or None."""
    scored = sorted(((name_score(name, cname), key) for key, cname in candidates.items()), reverse=True)
    if not scored or scored[0][0] < SAME_NAME:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN and scored[0][0] < 1.0:
        return None
    return scored[0][1], scored[0][0]


def assign_keys(lines: Sequence[BudgetLine]) -> tuple[BudgetLine, ...]:
    """Every program/kegiatan/sub kegiatan line with its entity key, matched across tables.

    Only lines whose level is known carry a key (extraction leaves it None when
    the layout could not tell a program from a kegiatan).
    """
    entities: dict[str, dict[str, str]] = {lvl: {} for lvl in ENTITY_LEVELS}
    keyed: dict[tuple[str, int], str] = {}
    by_table: dict[str, list[BudgetLine]] = {}
    for line in lines:
        by_table.setdefault(line.table_id, []).append(line)
    for table_lines in by_table.values():
        taken: dict[str, str] = {}  # key -> normalised name that took it in this table
        for line in table_lines:
            if line.level not in ENTITY_LEVELS or not line.name or line.key is None:
                continue
            norm = strip_level_prefix(line.name)
            pool = entities[line.level]
            hit = _best(line.name, {k: v for k, v in pool.items() if taken.get(k, norm) == norm})
            key = hit[0] if hit else f"{line.level}:{norm}"
            if key in taken and taken[key] != norm:
                key = f"{line.level}:{norm}#{line.table_id}"
            pool.setdefault(key, line.name)
            taken[key] = norm
            keyed[(line.table_id, line.row)] = key
    return tuple(replace(x, key=keyed.get((x.table_id, x.row))) for x in lines)


def resolve(name: str, lines: Iterable[BudgetLine], level: Optional[str] = None) -> Optional[tuple[str, float]]:
    """(key, score) of the budget entity a name (e.g. from the narrative) refers to, or None."""
    candidates: dict[str, str] = {}
    for line in lines:
        if line.key and line.unit is None and (level is None or line.level == level):
            candidates.setdefault(line.key, line.name)
    return _best(name, candidates)


def subject(line: BudgetLine) -> str:
    """How a finding names a line: its name; a total/Jumlah row with its unit or table ('Jumlah (Kelurahan X)');
    a period's line with its period ('Administrasi Keuangan (Triwulan II)')."""
    period = periods.period_of(line.table_id)
    if line.level in (LEVEL_TOTAL, LEVEL_JUMLAH) or not line.name:
        text = f"{line.name or 'Total'} ({line.unit or line.source.table or periods.base_table_id(line.table_id)})"
    elif line.level == LEVEL_EFISIENSI and line.unit:
        text = f"{line.name} ({line.unit})"
    else:
        text = line.name
    return f"{text} ({period})" if period else text


def penyerapan(line: BudgetLine) -> Optional[Figure]:
    """The penyerapan % printed on an efficiency-table row, or None."""
    for field_name, src in line.cells:
        if field_name == "penyerapan" and src.text:
            fig = parse_figure(src.text)
            return fig if fig.value is not None else None
    return None
