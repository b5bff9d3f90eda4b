"""Resolve indicator and sasaran mentions across tables into entities, with a score per link.

A report names one indicator in many places and rarely the same way twice
("Indeks sarana prasarana", "Indeks Sarana Prasarana", "Persentase
rekomendasi sarana prasarana"). Worse, the same sasaran is sometimes measured
by an indicator named differently in one table than in another — a defect
the rules must see (T302), so names alone cannot be the key.

The key of an indicator row therefore comes from structure first:

1. Sasaran texts are clustered by name similarity; a row that prints a
   sasaran belongs to that sasaran's entity. A sasaran with several
   indicators (several rows in one table) gets one entity per slot; rows of
   other tables go to the slot whose indicator name is most alike, or by
   their order among the sasaran's rows.
2. A row without a sasaran (tables that list indicators only) joins the
   entity whose names it matches, weighed by how much of that entity goes by
   that name, whether the values for the same year agree and whether the row
   sits at the same position; otherwise it founds an entity keyed by its name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Optional, Sequence


from lakip.schemas.facts import KIND_REALISASI, KIND_TARGET, EntityLink, IndicatorFact, Source
from lakip.schemas.names import indicator_similarity, name_similarity
from lakip.values.text import normalize_text

SASARAN_SAME = 0.9
"""Two sasaran texts at least this similar are one sasaran."""
NAME_SAME = 0.85
"""Two indicator names at least this similar (``indicator_similarity``) are one name written differently."""
ATTACH_MIN = 0.5
"""A row without sasaran joins an entity only with at least this score."""

@dataclass(frozen=True)
class Mention:
    """One indicator row of one table: its facts together."""

    table_id: str
    row: int
    indikator: str
    sasaran: Optional[str]
    position: Optional[int]
    facts: tuple[IndicatorFact, ...]

    @property
    def source(self) -> Source:
        """Where the row is (its first value's cell, without column)."""
        src = self.facts[0].source
        return replace(src, column=None, text=self.indikator or self.sasaran, bbox=None)

    def values(self, kind: str) -> dict[Optional[int], list[float]]:
        """Numeric values of one kind, by year."""
        out: dict[Optional[int], list[float]] = defaultdict(list)
        for f in self.facts:
            if f.kind == kind and f.figure.value is not None:
                out[f.year].append(f.figure.value)
        return out


def mentions_of(facts: Sequence[IndicatorFact]) -> list[Mention]:
    """The facts grouped by table row, in document order."""
    rows: dict[tuple[str, int], list[IndicatorFact]] = {}
    for f in facts:
        rows.setdefault((f.source.table_id or "", f.source.row or 0), []).append(f)
    return [Mention(t, r, fs[0].indikator, fs[0].sasaran, fs[0].position, tuple(fs)) for (t, r), fs in rows.items()]


def cluster_sasaran(texts: Iterable[str]) -> dict[str, str]:
    """Sasaran text → key; texts at least SASARAN_SAME similar share the key of the first."""
    reps: list[tuple[str, str]] = []
    out: dict[str, str] = {}
    for t in texts:
        if t in out:
            continue
        for rep, key in reps:
            if name_similarity(t, rep) >= SASARAN_SAME:
                out[t] = key
                break
        else:
            key = "sasaran:" + normalize_text(t)
            reps.append((t, key))
            out[t] = key
    return out


@dataclass
class _Entity:
    """An entity being resolved (private working state, not a fact)."""

    key: str
    sasaran_key: Optional[str]
    sasaran: Optional[str]
    members: list[Mention]

    def variant_weight(self, name: str) -> float:
        """Share of the entity's rows whose indicator name is alike this name."""
        if not self.members:
            return 0.0
        alike = sum(1 for m in self.members if indicator_similarity(name, m.indikator) >= NAME_SAME)
        return alike / len(self.members)

    def modal_position(self) -> Optional[int]:
        """The position most of its rows have."""
        pos = Counter(m.position for m in self.members if m.position is not None)
        return pos.most_common(1)[0][0] if pos else None


def _slots(skey: str, sasaran: str, rows: list[Mention]) -> list[_Entity]:
    """One entity per indicator slot of a sasaran, rows assigned by name then by order."""
    by_table: dict[str, list[Mention]] = defaultdict(list)
    for m in rows:
        by_table[m.table_id].append(m)
    k = max(len(v) for v in by_table.values())
    if k == 1:
        return [_Entity(skey, skey, sasaran, list(rows))]
    ref = next(v for v in by_table.values() if len(v) == k)
    slots = [_Entity(f"{skey}#{i + 1}", skey, sasaran, []) for i in range(k)]
    for table_rows in by_table.values():
        free = list(range(k))
        for order, m in enumerate(table_rows):
            scored = [(indicator_similarity(m.indikator, ref[i].indikator), i) for i in free]
            best_score, best = max(scored) if scored else (0.0, 0)
            if best_score < NAME_SAME:
                best = order if order in free else (free[0] if free else order % k)
            if best in free:
                free.remove(best)
            slots[best].members.append(m)
    return slots


def _same_indicator(a: _Entity, b: _Entity) -> bool:
    """Whether a sasaran entity is another one under a sasaran worded differently.

    True when every indicator of ``a`` is named like one of ``b`` (whole
    names, SASARAN_SAME) and the two never appear in the same table.
    """
    named = [m for m in a.members if m.indikator]
    if not named or {m.table_id for m in a.members} & {m.table_id for m in b.members}:
        return False
    return all(max((name_similarity(m.indikator, x.indikator) for x in b.members), default=0.0) >= SASARAN_SAME
               for m in named)


def _agreement(m: Mention, e: _Entity) -> tuple[bool, bool]:
    """(agree, disagree): do the row's targets/realisasi equal the entity's for the same year."""
    agree = disagree = False
    for kind in (KIND_TARGET, KIND_REALISASI):
        mine = m.values(kind)
        theirs: dict[Optional[int], list[float]] = defaultdict(list)
        for other in e.members:
            for y, vs in other.values(kind).items():
                theirs[y] += vs
        for year, vals in mine.items():
            if year not in theirs:
                continue
            if any(abs(v - w) <= 0.005 for v in vals for w in theirs[year]):
                agree = True
            else:
                disagree = True
    return agree, disagree


def _score(m: Mention, e: _Entity) -> float:
    """How well a row without sasaran fits an entity (0 when its name does not match)."""
    weight = e.variant_weight(m.indikator)
    if e.sasaran and name_similarity(m.indikator, e.sasaran) >= SASARAN_SAME:
        weight = max(weight, 1.0)
    if weight == 0.0:
        return 0.0
    agree, disagree = _agreement(m, e)
    score = weight + 0.5 * agree - 0.5 * disagree
    if m.position is not None and m.position == e.modal_position():
        score += 0.2
    return score


def _name_key(name: str, taken: set[str]) -> str:
    """A fresh entity key from an indicator name."""
    base = "indikator:" + (normalize_text(name) or "?")
    key, n = base, 2
    while key in taken:
        key, n = f"{base}#{n}", n + 1
    return key


def resolve(mentions: Sequence[Mention]) -> list[tuple[_Entity, Mention, float]]:
    """Every mention with its entity and the score of the link."""
    skeys = cluster_sasaran(m.sasaran for m in mentions if m.sasaran)
    by_sasaran: dict[str, list[Mention]] = defaultdict(list)
    first_text: dict[str, str] = {}
    for m in mentions:
        if m.sasaran:
            by_sasaran[skeys[m.sasaran]].append(m)
            first_text.setdefault(skeys[m.sasaran], m.sasaran)
    entities: list[_Entity] = []
    for skey, rows in by_sasaran.items():
        for e in _slots(skey, first_text[skey], rows):
            into = next((o for o in entities if _same_indicator(e, o)), None)
            if into is None:
                entities.append(e)
            else:
                into.members += e.members
    out: list[tuple[_Entity, Mention, float]] = [(e, m, 1.0) for e in entities for m in e.members]
    for m in mentions:
        if m.sasaran:
            continue
        scored = [(_score(m, e), i) for i, e in enumerate(entities)]
        best, i = max(scored) if scored else (0.0, -1)
        if best >= ATTACH_MIN:
            sim = max(indicator_similarity(m.indikator, x.indikator) for x in entities[i].members)
            entities[i].members.append(m)
            out.append((entities[i], m, sim))
        else:
            e = _Entity(_name_key(m.indikator, {x.key for x in entities}), None, None, [m])
            entities.append(e)
            out.append((e, m, 1.0))
    return out


def link_indicators(facts: tuple[IndicatorFact, ...]
                    ) -> tuple[tuple[IndicatorFact, ...], tuple[EntityLink, ...]]:
    """Facts with ``key``/``sasaran_key`` set, and one link per indicator row and per sasaran mention."""
    keyed: dict[tuple[str, int], tuple[str, Optional[str]]] = {}
    links: list[EntityLink] = []
    for e, m, score in resolve(mentions_of(facts)):
        keyed[(m.table_id, m.row)] = (e.key, e.sasaran_key)
        links.append(EntityLink("indicator", e.key, m.indikator, round(score, 3), m.source))
        if m.sasaran and e.sasaran_key:
            sim = name_similarity(m.sasaran, e.sasaran or m.sasaran)
            links.append(EntityLink("sasaran", e.sasaran_key, m.sasaran, round(sim, 3),
                                    replace(m.source, text=m.sasaran)))
    out = []
    for f in facts:
        key, skey = keyed[(f.source.table_id or "", f.source.row or 0)]
        out.append(replace(f, key=key, sasaran_key=skey))
    return tuple(out), tuple(links)


def by_entity(facts: Iterable[IndicatorFact]) -> dict[str, list[IndicatorFact]]:
    """Facts grouped by entity key (facts without a key by their own indicator name), in document order."""
    out: dict[str, list[IndicatorFact]] = {}
    for f in facts:
        out.setdefault(f.key or "indikator:" + normalize_text(f.indikator), []).append(f)
    return out


def display_name(facts: Sequence[IndicatorFact]) -> str:
    """How an entity is named in a finding: its most common indicator name, as first written."""
    names = [f.indikator for f in facts if f.indikator]
    sasaran = next((f.sasaran for f in facts if f.sasaran), None)
    if sasaran:
        own = [n for n in names if name_similarity(n, sasaran) < SASARAN_SAME]
        names = own or names
    if not names:
        return sasaran or ""
    counts = Counter(normalize_text(n) for n in names)
    top = max(counts.values())
    spellings = Counter(n for n in names if counts[normalize_text(n)] == top)
    most = max(spellings.values())
    return next(n for n in names if spellings.get(n) == most)


def sasaran_name(facts: Sequence[IndicatorFact]) -> Optional[str]:
    """The sasaran of an entity as first written, if it has one."""
    return next((f.sasaran for f in facts if f.sasaran), None)


def name_variants(names: Iterable[str], exclude: Optional[str] = None) -> list[list[str]]:
    """Indicator names grouped into variants of one name (``indicator_similarity`` ≥ NAME_SAME).

    Names alike the ``exclude`` text (the sasaran itself, printed in an
    indicator column) are left out.
    """
    groups: list[list[str]] = []
    for n in names:
        if not n or (exclude and name_similarity(n, exclude) >= SASARAN_SAME):
            continue
        for g in groups:
            if any(indicator_similarity(n, x) >= NAME_SAME for x in g):
                g.append(n)
                break
        else:
            groups.append([n])
    return groups
