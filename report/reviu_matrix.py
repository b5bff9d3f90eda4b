"""The reviu matrix: each finding placed under one unsur of the reviu checklist, and each unsur's status."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from lakip.rules.runner import Result
from lakip.report.reviu_unsur import ASPEK_ORDER, CHECKABLE, SECTION_UNSUR, UNSUR, Unsur
from lakip.rules import registry
from lakip.rules.base import Finding, Location
from lakip.schemas.doctype import LKJIP, NAMES
from lakip.schemas.facts import Facts

TERPENUHI, CATATAN, TIDAK, SELESAI = "terpenuhi", "catatan", "tidak", "selesai"
STATUS_LABELS = {TERPENUHI: ("Terpenuhi", "Met"), CATATAN: ("Terpenuhi dengan catatan", "Met with notes"),
                 TIDAK: ("Tidak terpenuhi", "Not met"), SELESAI: ("Selesai ditindaklanjuti", "Resolved")}
STATUS_ORDER = (TERPENUHI, CATATAN, TIDAK, SELESAI)
ASPEK_LETTER = {"format": "A", "mekanisme": "B", "substansi": "C"}
INSPECTOR = ("perlu diperiksa pemeriksa", "to be checked by the inspector")


def status_label(code: str, lang: str = "id") -> str:
    """The label of a status code in ``lang`` ('' for no status)."""
    return STATUS_LABELS[code][1 if lang == "en" else 0] if code else ""


def status_code(label: Any) -> str:
    """The status code of a label in either language ('' when it is none of them)."""
    text = str(label or "").strip().casefold()
    for code, names in STATUS_LABELS.items():
        if text in (names[0].casefold(), names[1].casefold()):
            return code
    return ""


def finding_status(finding: Finding) -> str:
    """A finding's status: an error is not met; a warning or note is met with notes."""
    return TIDAK if finding.severity == "error" else CATATAN


@dataclass(frozen=True)
class Evidence:
    """What the document's facts show for an unsur: found or not, on which pages."""

    ok: bool
    pages: tuple[int, ...]
    detail_id: str
    detail_en: str

    def detail(self, lang: str = "id") -> str:
        """The evidence sentence in ``lang``."""
        return self.detail_en if lang == "en" else self.detail_id


@dataclass(frozen=True)
class FindingRow:
    """One finding under its unsur, with its stable key and status."""

    finding: Finding
    unsur: str
    key: str
    number: str
    status: str


@dataclass(frozen=True)
class UnsurRow:
    """One unsur: its findings, the related findings placed elsewhere, what ran, the evidence, its status."""

    unsur: Unsur
    number: str
    status: str
    findings: tuple[FindingRow, ...]
    related: tuple[FindingRow, ...]
    ran: tuple[str, ...]
    not_run: tuple[tuple[str, str, str], ...]
    evidence: Optional[Evidence]
    applicable: bool


@dataclass(frozen=True)
class Matrix:
    """The whole reviu matrix of one document."""

    result: Result
    rows: tuple[UnsurRow, ...]
    applicable: bool
    kind_id: str
    kind_en: str

    @property
    def findings(self) -> tuple[FindingRow, ...]:
        """Every finding row, in matrix order."""
        return tuple(f for row in self.rows for f in row.findings)


def unsur_of(finding: Finding) -> str:
    """The key of the unsur a finding is placed under."""
    if finding.rule == "S101":
        return SECTION_UNSUR.get(str(finding.values.get("section", "")), "F1")
    for unsur in UNSUR:
        if finding.rule in unsur.rules:
            return unsur.key
    return "M5"


def _norm(text: Any) -> str:
    """Text folded for a key: lower case, single spaces."""
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def base_key(finding: Finding) -> str:
    """rule | subject | table | column | year: stable across reruns of a corrected report (no page, no row)."""
    first: Optional[Location] = finding.locations[0] if finding.locations else None
    year = finding.values.get("year", "")
    section = finding.values.get("section", "")
    parts = (finding.rule, _norm(finding.subject), _norm(first.table if first else ""),
             _norm(first.column if first else ""), _norm(year or section))
    return "|".join(parts)


def keys_of(findings: tuple[Finding, ...]) -> list[str]:
    """The stable key of each finding; repeats of one base key get '#2', '#3' in order."""
    seen: dict[str, int] = {}
    keys = []
    for f in findings:
        base = base_key(f)
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return keys


def _pages(sources: Any) -> tuple[int, ...]:
    """The sorted distinct pages of some sources."""
    return tuple(sorted({s.page for s in sources if s is not None and s.page is not None}))


def _tables(facts: Facts, roles: tuple[str, ...] = (), caption: str = "") -> list:
    """Tables with one of ``roles`` or whose caption matches ``caption``."""
    pattern = re.compile(caption, re.I) if caption else None
    return [t for t in facts.tables if t.role in roles or (pattern and t.caption and pattern.search(t.caption))]


def _found(items: list, what_id: str, what_en: str, pages: tuple[int, ...]) -> Evidence:
    """Evidence found (or not) for ``what``."""
    if items:
        where = ", ".join(map(str, pages))
        return Evidence(True, pages, f"Ditemukan {what_id} (hlm. {where}).", f"Found {what_en} (p. {where}).")
    return Evidence(False, (), f"Tidak ditemukan {what_id} dalam dokumen.", f"No {what_en} found in the document.")


def evidence(fact: str, facts: Facts) -> Optional[Evidence]:
    """What the facts show for one evidence name of the unsur table."""
    tahun = facts.doc.tahun
    if fact == "identity":
        ok = bool(facts.doc.instansi and tahun)
        pages = _pages(c.source for c in facts.doc.chapters if c.present)[:1] or (1,)
        return Evidence(ok, pages if ok else (), f"Instansi: {facts.doc.instansi or '-'}; tahun: {tahun or '-'}.",
                        f"Instansi: {facts.doc.instansi or '-'}; year: {tahun or '-'}.")
    if fact in ("targets", "realisasi"):
        kind = "target" if fact == "targets" else "realisasi"
        items = [i for i in facts.indicators if i.kind == kind and (tahun is None or i.year == tahun)]
        return _found(items, f"{kind} indikator tahun {tahun or ''}".strip(), f"indicator {kind} for {tahun or ''}",
                      _pages(i.source for i in items))
    if fact == "budget":
        lines = [b for b in facts.budget if b.pagu is not None]
        return _found(lines, "tabel realisasi anggaran", "budget realisation table", _pages(b.source for b in lines))
    if fact == "pk_table":
        tables = _tables(facts, ("pk_indicators",))
        return _found(tables, "tabel Perjanjian Kinerja", "Perjanjian Kinerja table", tuple(sorted({p for t in tables for p in t.pages})))
    if fact == "renstra_table":
        tables = _tables(facts, ("renstra_targets", "renstra_comparison"))
        return _found(tables, "tabel target jangka menengah (Renstra)", "medium-term (Renstra) target table",
                      tuple(sorted({p for t in tables for p in t.pages})))
    if fact == "iku_table":
        tables = _tables(facts, caption=r"indikator kinerja utama|\bIKU\b")
        return _found(tables, "tabel IKU", "IKU table", tuple(sorted({p for t in tables for p in t.pages})))
    if fact == "previous_year":
        items = [i for i in facts.indicators if i.kind == "realisasi" and tahun and i.year and i.year < tahun]
        return _found(items, "realisasi tahun sebelumnya", "previous years' realisasi", _pages(i.source for i in items))
    if fact.startswith("chapter:"):
        key = fact.split(":", 1)[1]
        chapters = [c for c in facts.doc.chapters if c.key == key and c.present]
        title = next((c.title for c in facts.doc.chapters if c.key == key), key)
        return _found(chapters, title, title, _pages(c.source for c in chapters))
    return None


def unsur_status(unsur: Unsur, applicable: bool, weighed: list[Finding], checked: bool,
                 ev: Optional[Evidence]) -> str:
    """The status an unsur follows from: any error → not met; unchecked, out of reach or without its evidence →
    none (for the inspector); warnings or notes → met with notes; else met."""
    if not applicable or unsur.reach not in CHECKABLE:
        return ""
    if any(f.severity == "error" for f in weighed):
        return TIDAK
    if not checked or (ev is not None and not ev.ok):
        return ""
    return CATATAN if weighed else TERPENUHI


def build(result: Result) -> Matrix:
    """The reviu matrix of one checked document."""
    facts = result.facts
    outcome = result.outcome
    kind = facts.doc.jenis.kind
    applicable = kind == LKJIP
    findings = outcome.findings
    keys = keys_of(findings)
    placed: dict[str, list[tuple[Finding, str]]] = {u.key: [] for u in UNSUR}
    for f, key in zip(findings, keys):
        placed[unsur_of(f)].append((f, key))
    not_run = {n.rule: (n.why_id, n.why_en) for n in outcome.rules_not_run}
    cross = {e.rule.code for e in registry.CROSS_RULES}
    rows: list[UnsurRow] = []
    numbers: dict[str, str] = {}
    for aspek in ASPEK_ORDER:
        for unsur in (u for u in UNSUR if u.aspek == aspek):
            number = f"{ASPEK_LETTER[aspek]}.{unsur.number}"
            frows = tuple(FindingRow(f, unsur.key, key, f"{number}.{i}", finding_status(f))
                          for i, (f, key) in enumerate(placed[unsur.key], start=1))
            for fr in frows:
                numbers[fr.key] = fr.number
            rows.append(UnsurRow(unsur, number, "", frows, (), (), (), None, applicable))
    final = []
    for row in rows:
        unsur = row.unsur
        codes = unsur.rules + unsur.related
        related = tuple(FindingRow(f, unsur_of(f), k, numbers[k], finding_status(f))
                        for f, k in zip(findings, keys) if f.rule in unsur.related and unsur_of(f) != unsur.key)
        ran = tuple(c for c in codes if c in outcome.rules_run)
        skipped = tuple((c, *not_run[c]) for c in codes if c in not_run)
        skipped += tuple((c, "hanya dijalankan oleh lakip batch (lintas laporan)",
                          "only run by lakip batch (across reports)") for c in codes if c in cross)
        skipped += tuple((c, "tidak dipilih (--select/--ignore)", "not selected (--select/--ignore)")
                         for c in codes if c not in cross and c not in ran and c not in not_run)
        ev = evidence(unsur.fact, facts) if unsur.fact else None
        own = [c for c in codes if c not in cross]
        checked = bool(ran) if own else bool(ev and ev.ok)
        weighed = [fr.finding for fr in row.findings + related]
        status = unsur_status(unsur, applicable, weighed, checked, ev)
        final.append(UnsurRow(unsur, row.number, status, row.findings, related, ran, skipped, ev, applicable))
    name_id, name_en = NAMES.get(kind, NAMES["unknown"])
    return Matrix(result, tuple(final), applicable, name_id, name_en)
