"""The batch summary as an Excel workbook: one row per report, one row per finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from openpyxl import Workbook

from lakip.batch.store import CheckRow
from lakip.batch.summary import SEVERITIES, BatchSummary, area_names
from lakip.batch.summary_html import LABELS
from lakip.report.xlsx_report import _sheet, finding_row
from lakip.rules.base import Finding

SHEETS = {"id": ("Laporan", "Temuan", "Aturan lintas"), "en": ("Reports", "Findings", "Cross rules")}
REPORT_HEADERS = {
    "id": ["Peringkat", "Instansi", "Tahun", "Berkas", "Halaman", "Status", "Keterangan", "Galat", "Peringatan",
           "Info", "Halaman tanpa teks", "Laporan HTML", "Laporan JSON", "SHA-256", "Hasil sebelumnya dipakai"],
    "en": ["Rank", "Instansi", "Year", "File", "Pages", "Status", "Details", "Errors", "Warnings", "Info",
           "Pages without text", "HTML report", "JSON report", "SHA-256", "Earlier result reused"],
}
FINDING_HEADERS = {
    "id": ["Berkas", "Instansi", "Tahun", "Lintas laporan", "Berkas lain", "Kode", "Tingkat", "Area", "Subjek",
           "Uraian", "Nilai tertulis", "Nilai seharusnya", "Halaman", "Tabel", "Baris", "Kolom", "Tanggapan OPD",
           "Tindak lanjut"],
    "en": ["File", "Instansi", "Year", "Cross-report", "Other files", "Code", "Severity", "Area", "Subject",
           "Description", "Stated value", "Expected value", "Page", "Table", "Row", "Column", "OPD response",
           "Follow-up"],
}
RULE_HEADERS = {"id": ["Kode", "Dijalankan", "Alasan tidak dijalankan"], "en": ["Code", "Run", "Why not run"]}


def _report_rows(s: BatchSummary, lang: str) -> Iterable[list[Any]]:
    """One row per document: the ranked ones first, then those that could not be checked."""
    statuses = LABELS[lang]["statuses"]
    ranked = s.ranked()
    for n, row in enumerate(ranked + s.failed(), start=1):
        counts = s.counts(row) if row.status == "ok" else {sev: None for sev in SEVERITIES}
        yield [n if row.status == "ok" else None, row.instansi, row.tahun, row.path, row.pages,
               statuses.get(row.status, row.status), row.error(lang),
               *(counts[sev] for sev in SEVERITIES),
               ", ".join(map(str, row.coverage.get("pages_without_text", []))) or None,
               s.link(row, "html"), s.link(row, "json"), row.sha256, row.reused]


def _doc_finding(row: CheckRow, f: Finding, lang: str) -> list[Any]:
    """A per-document finding as a findings-sheet row."""
    return [row.path, row.instansi, row.tahun, False, None, *finding_row(f, lang)]


def _cross_finding(s: BatchSummary, f: Finding, lang: str) -> list[Any]:
    """A cross-report finding as one findings-sheet row (its first document, then the others)."""
    docs = list(dict.fromkeys(loc.document for loc in f.locations if loc.document))
    first = next((r for r in s.rows if docs and r.path == docs[0]), None)
    return [docs[0] if docs else None, first.instansi if first else None, first.tahun if first else None, True,
            "; ".join(docs[1:]) or None, *finding_row(f, lang)]


def write(s: BatchSummary, path: Path, lang: str = "id") -> Path:
    """Write the summary workbook to ``path``."""
    names = SHEETS[lang]
    wb = Workbook()
    _sheet(wb, names[0], REPORT_HEADERS[lang] + [name for _, name in area_names(lang)],
           (r + ([s.areas(row)[k] for k, _ in area_names(lang)] if row.status == "ok" else [])
            for r, row in zip(_report_rows(s, lang), s.ranked() + s.failed())), first=True)
    rows = [_doc_finding(row, f, lang) for row in s.ranked() for f in s.findings.get(row.check_id, ())]
    rows += [_cross_finding(s, f, lang) for f in s.cross.findings]
    _sheet(wb, names[1], FINDING_HEADERS[lang], rows)
    ran = [[c, True, ""] for c in s.cross.rules_run] + [[n.rule, False, n.why(lang)] for n in s.cross.rules_not_run]
    _sheet(wb, names[2], RULE_HEADERS[lang], ran)
    wb.save(path)
    return path
