"""C501 count-mismatch: a stated number of programs, kegiatan, sasaran … differs from the tables.

Apa yang diperiksa:
    Jumlah yang disebut di teks dibandingkan dengan yang dicantumkan tabel
    laporan itu sendiri:

    * program / kegiatan / sub kegiatan: entitas berbeda pada tingkat itu di
      tabel rincian anggaran (peran budget_hierarchy);
    * jumlah yang disebut untuk satu program atau kegiatan ("Program X, dengan
      5 kegiatan"; butir daftar "1. Kegiatan Y, dengan 2 sub kegiatan"): anak
      baris program/kegiatan itu di tabel yang sama;
    * sasaran: sasaran berbeda di tabel indikator;
    * indikator: dianggap sesuai bila sama dengan jumlah indikator sasaran ATAU
      jumlah semua indikator (termasuk indikator tujuan seperti IKM). Laporan
      yang menyebut "4 sasaran dengan 4 IKU" dan tabelnya memuat IKM sebagai
      indikator tujuan ditambah 4 indikator sasaran tidak dilaporkan;
    * kelurahan / desa: tabel per unit (kelurahan/desa) yang ada.

    Jumlah yang disebut untuk indikator, "Program X didukung oleh 1 kegiatan",
    menyebut kegiatan yang mendukung indikator itu (bisa sebagian program),
    jadi tidak dibandingkan. Bila tabelnya tidak ada atau tidak memuat tingkat
    itu, jumlahnya tidak diperiksa.

Mengapa penting:
    Jumlah yang berbeda menandakan narasi yang tidak diperbarui setelah DPA
    berubah, atau tabel yang tidak lengkap.

Contoh:
    Bab I menulis "Program Pemberdayaan Masyarakat Desa Dan Kelurahan, dengan
    1 kegiatan", padahal Tabel 3.8 mencantumkan dua kegiatan di bawah program
    itu (Pemberdayaan Desa dan Pemberdayaan Kelurahan).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Sequence

from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.budget_names import resolve
from lakip.schemas.facts import (
    LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, ROLE_BUDGET, BudgetLine, Facts, IndicatorFact, Source,
    StatedCount,
)
from lakip.schemas.names import strip_level_prefix
from lakip.values.text import normalize_text
from lakip.schemas.narrative import scope_of

UNCHECKED = ("didukung oleh", "sebagian", "sebanyak", "lain")
"""Scopes a count is not checked for: kegiatan supporting one indicator, a subset, an output target, other."""
LEVEL_NOUNS = {"program": LEVEL_PROGRAM, "kegiatan": LEVEL_KEGIATAN, "subkegiatan": LEVEL_SUBKEGIATAN}
RANK = {LEVEL_PROGRAM: 1, LEVEL_KEGIATAN: 2, LEVEL_SUBKEGIATAN: 3}
NOUN_WORDS = {"program": ("program", "programs"), "kegiatan": ("kegiatan", "kegiatan"),
              "subkegiatan": ("sub kegiatan", "sub kegiatan"), "sasaran": ("sasaran", "sasaran"),
              "indikator": ("indikator", "indicators"), "kelurahan": ("kelurahan", "kelurahan"),
              "desa": ("desa", "desa")}


def _need(facts: Facts) -> Optional[tuple[str, str]]:
    """The rule needs stated counts and at least one table to count from."""
    if not facts.counts:
        return ("tidak ada jumlah yang disebutkan di teks", "no count is stated in the text")
    if not (hierarchy(facts) or facts.indicators or any(t.unit for t in facts.tables)):
        return ("tidak ada tabel anggaran, indikator atau unit untuk menghitung",
                "no budget, indicator or unit table to count from")
    return None


RULE = Rule(
    code="C501",
    slug="count-mismatch",
    severity="warning",
    kriteria=(
        "Keandalan data: jumlah (sasaran, indikator, program, kegiatan) yang disebutkan dalam narasi sama "
        "dengan yang dicantumkan tabel laporan sendiri.",
        "Reliability: counts stated in the text (sasaran, indicators, programs, kegiatan) equal those in "
        "the report's own tables.",
    ),
    sebab=(
        "Narasi tidak diperbarui setelah DPA atau tabel berubah.",
        "The text was not updated after the DPA or the tables changed.",
    ),
    akibat=(
        "Pembaca tidak tahu jumlah mana yang benar.",
        "Readers cannot tell which count is right.",
    ),
    rekomendasi=(
        "Menyesuaikan narasi dengan tabel (atau melengkapi tabelnya).",
        "Align the text with the table (or complete the table).",
    ),
    summary_id="Jumlah yang disebutkan berbeda dengan yang dicantumkan tabel laporan",
    summary_en="A stated count differs from what the report's own tables list",
    messages={
        "default": (
            "Jumlah {noun_id} yang disebutkan ({stated}) tidak sama dengan jumlah {noun_id} dalam tabel ({counted})",
            "The stated number of {noun_en} ({stated}) differs from the number of {noun_en} in the tables ({counted})",
        ),
        "scoped": (
            "Jumlah {noun_id} pada {subject} yang disebutkan ({stated}) tidak sama dengan jumlah {noun_id} dalam tabel "
            "({counted})",
            "The stated number of {noun_en} of {subject} ({stated}) differs from the number in the table ({counted})",
        ),
    },
    needs=_need,
)


@dataclass(frozen=True)
class Tally:
    """What the tables list: the counts a stated number may equal, and where they were counted."""

    counts: tuple[int, ...]
    where: tuple[Source, ...] = ()


def hierarchy(facts: Facts) -> tuple[BudgetLine, ...]:
    """Program/kegiatan/sub kegiatan lines of the budget hierarchy table(s), not per-unit ones.

    Only a hierarchy that shows at least two levels, each with more entities than the one above, is
    trusted: a table read as one flat level (or as more programs than kegiatan) gives no counts.
    """
    lines = tuple(x for x in facts.budget if x.role == ROLE_BUDGET and x.unit is None and x.level in RANK)
    sizes = [len({entity(x) for x in lines if x.level == level}) for level in RANK]
    present = [n for n in sizes if n]
    if len(present) < 2 or any(a > b for a, b in zip(present, present[1:])):
        return ()
    held, broken = sums_held(facts.budget)
    if broken > 1 or held < 2:
        return ()  # a table whose sums do not hold was perhaps read with rows missing or misplaced
    if any(x.key is None for x in lines):
        return ()  # some rows' levels were not sure (no prefix, code, header or sum settles them)
    return lines


def sums_held(lines: Sequence[BudgetLine]) -> tuple[int, int]:
    """(parents equal to the sum of their children's pagu, parents that are not) in the budget tables."""
    kids: dict[tuple[str, int], list[BudgetLine]] = {}
    for x in lines:
        if x.parent is not None and x.role == ROLE_BUDGET:
            kids.setdefault((x.table_id, x.parent), []).append(x)
    by_row = {(x.table_id, x.row): x for x in lines}
    held = broken = 0
    for key, children in kids.items():
        head = by_row.get(key)
        values = [c.pagu.value if c.pagu else None for c in children]
        if head is None or head.pagu is None or head.pagu.value is None or None in values:
            continue
        ok = abs(head.pagu.value - sum(v for v in values if v is not None)) <= len(values) + 1
        held, broken = held + ok, broken + (not ok)
    return held, broken


def entity(line: BudgetLine) -> str:
    """The identity of a budget line's program/kegiatan across tables."""
    return line.key or f"{line.level}:{strip_level_prefix(line.name)}"


def descendants(lines: Sequence[BudgetLine], parent: BudgetLine) -> list[BudgetLine]:
    """The lines under ``parent`` in its table: by parent links, or by order when there are none."""
    same = [x for x in lines if x.table_id == parent.table_id]
    if any(x.parent is not None for x in same):
        rows = {x.row: x for x in same}
        out = []
        for x in same:
            up, seen = x.parent, set()
            while up is not None and up not in seen and up != parent.row:
                seen.add(up)
                up = rows[up].parent if up in rows else None
            if up == parent.row and x.row != parent.row:
                out.append(x)
        return out
    after = [x for x in same if x.row > parent.row]
    out = []
    for x in after:
        if RANK[x.level] <= RANK[parent.level]:
            break
        out.append(x)
    return out


def tables_agree(facts: Facts, key: Callable[[IndicatorFact], Optional[str]]) -> bool:
    """Whether the indicator tables were read alike enough to count from: at least two of them list, and
    every table of two rows or more lists the same number of distinct keys (a table read only in part
    would otherwise make the report's own count look wrong)."""
    per_table: dict[str, set[str]] = {}
    for f in facts.indicators:
        k = key(f)
        if k:
            per_table.setdefault(f.source.table_id or "?", set()).add(k)
    sizes = {len(ks) for ks in per_table.values() if len(ks) >= 2}
    return len(per_table) >= 2 and len(sizes) == 1


def total_tally(facts: Facts, noun: str) -> Optional[Tally]:
    """The counts an unscoped stated number of ``noun`` may equal, or None if nothing to count."""
    if noun in LEVEL_NOUNS:
        lines = [x for x in hierarchy(facts) if x.level == LEVEL_NOUNS[noun]]
        ids = {entity(x) for x in lines}
        return Tally((len(ids),), (lines[0].source,)) if ids else None
    if noun == "sasaran":
        keys = {f.sasaran_key for f in facts.indicators if f.sasaran_key}
        return Tally((len(keys),)) if keys and tables_agree(facts, lambda f: f.sasaran_key) else None
    if noun == "indikator":
        with_sasaran = {f.key or f.indikator for f in facts.indicators if f.sasaran_key or f.sasaran}
        every = {f.key or f.indikator for f in facts.indicators}
        if not every or not tables_agree(facts, lambda f: f.key or f.indikator):
            return None
        return Tally(tuple(dict.fromkeys(n for n in (len(with_sasaran), len(every)) if n)))
    if noun in ("kelurahan", "desa"):
        units = [t for t in facts.tables if t.unit and normalize_text(t.unit).startswith(noun)]
        names = {normalize_text(t.unit or "") for t in units}
        where = tuple(Source(page=t.pages[0] if t.pages else None, table=t.caption, table_id=t.table_id,
                             text=t.unit) for t in units)
        return Tally((len(names),), where) if names else None
    return None


def scoped_tally(facts: Facts, count: StatedCount) -> Optional[tuple[str, Tally]]:
    """(subject, counts) for a count said of one program or kegiatan, or None if it cannot be checked."""
    scope = scope_of(count)
    if scope is None or scope.relation in UNCHECKED or count.noun not in LEVEL_NOUNS:
        return None
    lines = hierarchy(facts)
    child_level = LEVEL_NOUNS[count.noun]
    if not any(x.level == child_level for x in lines):
        return None
    levels = [scope.level] if scope.level else [LEVEL_PROGRAM, LEVEL_KEGIATAN]
    for level in levels:
        if RANK.get(level or "", 9) >= RANK[child_level]:
            continue
        hit = resolve(scope.name, lines, level)
        if hit is None:
            continue
        parents = [x for x in lines if x.key == hit[0] and x.level == level]
        children = {entity(c) for p in parents for c in descendants(lines, p) if c.level == child_level}
        return scope.name, Tally((len(children),), tuple(p.source for p in parents[:1]))
    return None


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per stated count (with all places it is stated) that the tables contradict."""
    groups: dict[tuple, list[StatedCount]] = {}
    tallies: dict[tuple, Tally] = {}
    for count in facts.counts:
        scoped = scoped_tally(facts, count) if scope_of(count) else None
        if scope_of(count) and scoped is None:
            continue
        subject, tally = scoped if scoped else (None, total_tally(facts, count.noun))
        if tally is None or not tally.counts or count.number in tally.counts:
            continue
        key = (count.noun, count.number, subject)
        groups.setdefault(key, []).append(count)
        tallies[key] = tally
    for (noun, stated, subject), counts in groups.items():
        tally = tallies[(noun, stated, subject)]
        words = NOUN_WORDS.get(noun, (noun, noun))
        locations = [Location.of(c.source) for c in counts] + [Location.of(s) for s in tally.where]
        yield RULE.finding(subject=subject or words[0],
                           values={"noun": noun, "stated": stated, "counted": tally.counts[0]},
                           locations=locations, variant="scoped" if subject else "default",
                           extra={"noun_id": words[0], "noun_en": words[1]})
