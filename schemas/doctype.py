"""What kind of document this is: an LKjIP, a Perjanjian Kinerja, a Renstra, an RKT, a Renja, or quarterly tables.

The kind decides which rules apply (rules/applicability.py). It is decided by
weighing clues, never by the first word found; each clue is kept as evidence:

* TITLE words (``vocab/doctypes.toml``, ``<kind>_title``) in the title zone —
  the short title-like lines of the first two pages with text, the header
  cells of tables on those pages, and running headers repeated on many pages —
  weigh most (``W_TITLE``), at most two lines per kind.
* HEADING words (``<kind>_heading``) in headings of the body weigh one each, at most three.
* Mentions of a kind's title words in the body count least (``W_MENTION`` each,
  at most ``MENTION_CAP``): a Laporan Kinerja names its Perjanjian Kinerja and
  Renstra many times and stays a Laporan Kinerja.
* Structure: the LKjIP chapters (Bab III Akuntabilitas Kinerja, Ringkasan
  Eksekutif), tables that compare target and realisasi, realisasi of the
  report year; the parties of an agreement (pihak pertama/kedua) and no
  chapters for a PK; a multi-year period in the title and medium-term target
  tables for a Renstra; quarter columns (Triwulan I-IV) for quarterly tables.

The best kind is ``sure`` when its score reaches ``SURE_SCORE`` and leads the
next by ``SURE_MARGIN``; below ``MIN_SCORE`` the kind is 'unknown'.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

from lakip import vocab
from lakip.ingest.model import Document
from lakip.schemas.document import Line, is_heading, text_lines, titleish
from lakip.schemas.facts import (
    KIND_REALISASI, KIND_TARGET, ROLE_ANALYSIS, ROLE_CAPAIAN, ROLE_COMPARISON, ROLE_EFFICIENCY, ROLE_PK_BUDGET,
    ROLE_PK_INDICATORS, ROLE_RENSTRA, ROLE_RENSTRA_COMPARISON, Chapter, DocKind, IndicatorFact, TableInfo,
)

LKJIP, PK, RENSTRA, RKT, RENJA, TRIWULAN, UNKNOWN = (
    "lkjip", "pk", "renstra", "rkt", "renja", "realisasi_triwulan", "unknown")
KINDS = (LKJIP, PK, RENSTRA, RKT, RENJA, TRIWULAN)
"""The kinds recognised, in the order that breaks ties."""
NAMES = {
    LKJIP: ("Laporan Kinerja (LKjIP)", "performance report (LKjIP)"),
    PK: ("Perjanjian Kinerja", "performance agreement (Perjanjian Kinerja)"),
    RENSTRA: ("Rencana Strategis (Renstra)", "strategic plan (Renstra)"),
    RKT: ("Rencana Kinerja Tahunan / Rencana Aksi", "annual performance plan / action plan (RKT)"),
    RENJA: ("Rencana Kerja (Renja)", "work plan (Renja)"),
    TRIWULAN: ("Realisasi Kinerja Triwulan", "quarterly performance realisation"),
    UNKNOWN: ("jenis tidak dikenali", "unrecognised kind"),
}
"""Each kind's name in Bahasa Indonesia and English."""

W_TITLE = 4.0
W_HEADING = 1.0
HEADING_CAP = 3
W_MENTION = 0.05
MENTION_CAP = 1.0
TITLE_PAGES = 2
TITLE_LINES = 25
SURE_SCORE = 4.0
SURE_MARGIN = 3.0
MIN_SCORE = 2.0
REPORT_ROLES = (ROLE_CAPAIAN, ROLE_COMPARISON, ROLE_RENSTRA_COMPARISON, ROLE_ANALYSIS, ROLE_EFFICIENCY)
_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|—|s\.?/?d\.?|sampai(?:\s+dengan)?)\s*((?:19|20)\d\d)\b", re.I)


@dataclass(frozen=True)
class Clue:
    """One piece of evidence for a kind: its weight and what was seen where."""

    kind: str
    weight: float
    what: str


def _words(kind: str, part: str) -> re.Pattern[str]:
    """The vocabulary pattern of one kind's title or heading words (matched on lower-cased text)."""
    return vocab.pattern("doctypes", f"{kind}_{part}")


def _short(text: str, n: int = 70) -> str:
    """A text cut to n characters for the evidence."""
    return text if len(text) <= n else text[:n - 1] + "…"


def running_headers(lines: tuple[Line, ...], n_pages: int) -> tuple[Line, ...]:
    """Lines repeated (page numbers aside) on at least three pages and a third of them: running headers."""
    pages: dict[str, set] = defaultdict(set)
    first: dict[str, Line] = {}
    for line in lines:
        if len(line.text) <= 100:
            key = re.sub(r"[\d\s.,|/\-]+", " ", line.text.lower()).strip()
            if key:
                pages[key].add(line.page)
                first.setdefault(key, line)
    return tuple(first[k] for k, p in pages.items() if len(p) >= max(3, n_pages / 3))


def title_zone(doc: Document, lines: tuple[Line, ...]) -> tuple[tuple[str, Optional[int]], ...]:
    """The texts a title is read from: short title-like lines and table headers of the first pages, running headers."""
    text_pages = sorted({ln.page for ln in lines if ln.page is not None} | {t.pages[0] for t in doc.tables if t.pages})
    first = set(text_pages[:TITLE_PAGES])
    out: list[tuple[str, Optional[int]]] = [(ln.text, ln.page) for ln in lines
                                            if ln.page in first and len(ln.text) <= 100 and titleish(ln.text)]
    out = out[:TITLE_LINES]
    for table in doc.tables:
        if table.pages and table.pages[0] in first:
            cells = dict.fromkeys(c.text.strip() for row in table.header for c in row if len(c.text.strip()) > 3)
            out += [(text, table.pages[0]) for text in cells]
    out += [(ln.text, ln.page) for ln in running_headers(lines, doc.n_pages)]
    return tuple(dict.fromkeys(out))


def title_clues(zone: Iterable[tuple[str, Optional[int]]]) -> list[Clue]:
    """Title words of each kind in the title zone: at most two lines per kind."""
    out: list[Clue] = []
    seen: Counter = Counter()
    for text, page in zone:
        low = " ".join(text.lower().split())
        for kind in KINDS:
            if seen[kind] < 2 and _words(kind, "title").search(low):
                seen[kind] += 1
                out.append(Clue(kind, W_TITLE, f"judul/title p.{page}: {_short(text)}"))
    return out


def heading_clues(lines: tuple[Line, ...]) -> list[Clue]:
    """Heading words of each kind in the body's headings: at most ``HEADING_CAP`` per kind."""
    out: list[Clue] = []
    seen: Counter = Counter()
    for i, line in enumerate(lines):
        if len(line.text) > 100 or not is_heading(lines, i):
            continue
        low = line.text.lower()
        for kind in KINDS:
            if seen[kind] < HEADING_CAP and _words(kind, "heading").search(low):
                seen[kind] += 1
                out.append(Clue(kind, W_HEADING, f"heading p.{line.page}: {_short(line.text)}"))
    return out


def mention_clues(lines: tuple[Line, ...]) -> list[Clue]:
    """How often the body names each kind: little weight, capped."""
    text = "\n".join(ln.text for ln in lines).lower()
    out = []
    for kind in KINDS:
        n = len(_words(kind, "title").findall(text))
        if n:
            out.append(Clue(kind, min(MENTION_CAP, n * W_MENTION), f"mentions: {n}"))
    return out


def chapter_clues(chapters: tuple[Chapter, ...]) -> list[Clue]:
    """The LKjIP chapters for an LKjIP; no chapters for an agreement or quarterly tables, chapters against them."""
    present = {c.key for c in chapters if c.present}
    babs = len(present & {"bab1", "bab2", "bab3", "bab4"})
    out = []
    if "bab3" in present:
        out.append(Clue(LKJIP, 2.0, "chapter: Bab III Akuntabilitas Kinerja"))
    if "ringkasan" in present:
        out.append(Clue(LKJIP, 1.0, "chapter: Ringkasan Eksekutif"))
    if babs == 0:
        out += [Clue(PK, 1.0, "no chapters"), Clue(TRIWULAN, 1.0, "no chapters")]
    elif babs >= 2:
        out += [Clue(PK, -3.0, f"{babs} chapters"), Clue(TRIWULAN, -3.0, f"{babs} chapters")]
    return out


def party_clues(lines: tuple[Line, ...]) -> list[Clue]:
    """The parties of an agreement (pihak pertama/kedua) on the first pages."""
    pattern = vocab.pattern("doctypes", "pk_parties")
    pages = sorted({ln.page for ln in lines if ln.page is not None})[:3]
    found = [ln for ln in lines if ln.page in pages and pattern.search(ln.text.lower())]
    return [Clue(PK, 3.0, f"parties p.{found[0].page}: {_short(found[0].text)}")] if found else []


def table_clues(doc: Document, infos: tuple[TableInfo, ...]) -> list[Clue]:
    """Table roles and quarter columns: report tables, agreement tables, medium-term targets, Triwulan I-IV."""
    roles = Counter(t.role for t in infos)
    report = sum(roles[r] for r in REPORT_ROLES)
    out = []
    if report:
        out.append(Clue(LKJIP, min(3.0, float(report)), f"{report} target/realisasi tables"))
    elif roles[ROLE_PK_INDICATORS] or roles[ROLE_PK_BUDGET]:
        out.append(Clue(PK, 1.0, "agreement tables only (sasaran/indikator/target, program/anggaran)"))
    if roles[ROLE_RENSTRA] and not report:
        n = roles[ROLE_RENSTRA]
        out.append(Clue(RENSTRA, min(2.0, float(n)), f"{n} medium-term target tables"))
    quarter = vocab.pattern("doctypes", "quarter_columns")
    quarterly = [t for t in doc.tables if any(quarter.search(c.text.lower()) for row in t.header for c in row)]
    if quarterly:
        out.append(Clue(TRIWULAN, 3.0, f"quarter columns: {', '.join(t.id for t in quarterly[:3])}"))
    return out


def period_clues(zone: Iterable[tuple[str, Optional[int]]]) -> list[Clue]:
    """A multi-year period (2025-2029) in the title: a medium-term plan."""
    for text, page in zone:
        for m in _SPAN.finditer(text):
            if 3 <= int(m[2]) - int(m[1]) <= 5:
                return [Clue(RENSTRA, 2.0, f"period p.{page}: {m.group()}")]
    return []


def realisasi_clues(indicators: tuple[IndicatorFact, ...], tahun: Optional[int]) -> list[Clue]:
    """Realisasi of the report year for a report; targets without any realisasi against one."""
    real = [f for f in indicators if f.kind == KIND_REALISASI and (tahun is None or f.year in (tahun, None))]
    if real and tahun is not None:
        return [Clue(LKJIP, 1.0, f"{len(real)} realisasi {tahun}")]
    if not any(f.kind == KIND_REALISASI for f in indicators) and any(f.kind == KIND_TARGET for f in indicators):
        return [Clue(LKJIP, -1.0, "targets without realisasi")]
    return []


def decide(clues: list[Clue]) -> DocKind:
    """The best-scoring kind, whether it is sure, and the evidence for it."""
    scores = {kind: 0.0 for kind in KINDS}
    for c in clues:
        scores[c.kind] += c.weight
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], KINDS.index(kv[0])))
    (best, top), (_, second) = ranked[0], ranked[1]
    table = tuple((k, round(v, 2)) for k, v in ranked)
    if top < MIN_SCORE:
        return DocKind(UNKNOWN, False, round(top, 2), tuple(c.what for c in clues if c.weight > 0)[:8], table)
    sure = top >= SURE_SCORE and top - second >= SURE_MARGIN
    evidence = tuple(f"{c.what} ({c.weight:+g})" for c in clues if c.kind == best)
    return DocKind(best, sure, round(top, 2), evidence, table)


def recognise(doc: Document, chapters: tuple[Chapter, ...], infos: tuple[TableInfo, ...],
              indicators: tuple[IndicatorFact, ...], tahun: Optional[int],
              lines: Optional[tuple[Line, ...]] = None) -> DocKind:
    """The kind of one document, weighed from its title, headings, chapters, tables and realisasi."""
    lines = lines if lines is not None else text_lines(doc)
    zone = title_zone(doc, lines)
    clues = (title_clues(zone) + period_clues(zone) + heading_clues(lines) + mention_clues(lines)
             + chapter_clues(chapters) + party_clues(lines) + table_clues(doc, infos)
             + realisasi_clues(indicators, tahun))
    return decide(clues)


def kind_line(kind: DocKind, lang: str = "id") -> str:
    """One line for the reports: 'Jenis dokumen: Perjanjian Kinerja' (with 'belum pasti' when unsure)."""
    name = NAMES[kind.kind][1 if lang == "en" else 0]
    label = "Document kind" if lang == "en" else "Jenis dokumen"
    unsure = (" (not sure)" if lang == "en" else " (belum pasti)") if not kind.sure else ""
    return f"{label}: {name}{unsure}"
