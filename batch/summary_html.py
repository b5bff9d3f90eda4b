"""The batch summary as one HTML page: reports ranked by errors, a grid of reports × rule areas, links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from lakip import __version__
from lakip.batch.sqlbackend import display_name
from lakip.batch.summary import BatchSummary, area_names
from lakip.report.values import flat_values
from lakip.rules import registry

_TEMPLATES = Path(__file__).parent / "templates"

LABELS: dict[str, dict[str, Any]] = {
    "id": {"title": "Ringkasan Pemeriksaan Massal LAKIP", "run": "Pemeriksaan", "documents": "Dokumen",
           "checked": "diperiksa", "reused": "tidak berubah (hasil sebelumnya dipakai)", "failed": "gagal",
           "pages": "halaman", "pages_col": "Halaman", "seconds": "detik", "totals": "Jumlah temuan",
           "ranking": "Peringkat laporan",
           "ranking_note": "Diurutkan menurut jumlah galat, lalu peringatan dan info. Angka pada kolom area adalah "
                           "jumlah temuan; warna menunjukkan tingkat temuan terberat.",
           "rank": "No", "instansi": "Instansi", "year": "Tahun", "file": "Berkas", "report": "Laporan",
           "failed_title": "Dokumen yang tidak dapat diperiksa", "status": "Status", "why": "Keterangan",
           "scanned_title": "Dokumen dengan halaman tanpa teks (perlu OCR)", "scanned_pages": "Halaman tanpa teks",
           "cross": "Temuan lintas laporan", "cross_none": "Tidak ada temuan lintas laporan.",
           "cross_run": "Aturan lintas laporan yang dijalankan", "cross_not_run": "Aturan lintas laporan yang tidak "
           "dapat dijalankan", "document": "Dokumen", "page": "Halaman", "table": "Tabel", "row": "Baris",
           "text": "Tertulis", "rules": "Penjelasan aturan", "database": "Basis data", "none": "Tidak ada.",
           "severity": {"error": "galat", "warning": "peringatan", "info": "info"},
           "statuses": {"ok": "selesai", "failed": "tidak terbaca", "timeout": "melewati batas waktu",
                        "memory": "melewati batas memori", "crashed": "proses berhenti"}},
    "en": {"title": "LAKIP Batch Check Summary", "run": "Run", "documents": "Documents", "checked": "checked",
           "reused": "unchanged (earlier result reused)", "failed": "failed", "pages": "pages", "pages_col": "Pages",
           "seconds": "seconds",
           "totals": "Findings", "ranking": "Reports ranked",
           "ranking_note": "Ordered by errors, then warnings and info. Area columns give the number of findings; "
                           "the colour shows the most severe one.",
           "rank": "No", "instansi": "Instansi", "year": "Year", "file": "File", "report": "Report",
           "failed_title": "Documents that could not be checked", "status": "Status", "why": "Details",
           "scanned_title": "Documents with pages without text (need OCR)", "scanned_pages": "Pages without text",
           "cross": "Cross-report findings", "cross_none": "No cross-report findings.",
           "cross_run": "Cross-report rules run", "cross_not_run": "Cross-report rules that could not run",
           "document": "Document", "page": "Page", "table": "Table", "row": "Row", "text": "Printed",
           "rules": "Rule documentation", "database": "Database", "none": "None.",
           "severity": {"error": "error", "warning": "warning", "info": "info"},
           "statuses": {"ok": "done", "failed": "unreadable", "timeout": "time limit exceeded",
                        "memory": "memory limit exceeded", "crashed": "process stopped"}},
}


def _environment() -> Environment:
    """The Jinja2 environment with HTML autoescaping."""
    return Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(["html", "j2"]))


def _report_rows(s: BatchSummary) -> list[dict[str, Any]]:
    """The ranked reports as template rows."""
    out = []
    for n, row in enumerate(s.ranked(), start=1):
        areas, worst = s.areas(row), s.worst_area(row)
        out.append({"rank": n, "instansi": row.instansi or "—", "tahun": row.tahun or "—",
                    "file": Path(row.path).name, "path": row.path, "link": s.link(row, "html"),
                    "json": s.link(row, "json"), "pages": row.pages, "counts": s.counts(row),
                    "areas": [{"letter": k, "count": areas[k], "worst": worst[k]} for k in areas],
                    "reused": row.reused})
    return out


def _links(s: BatchSummary) -> dict[str, str]:
    """Document path → its HTML report relative to the summary."""
    return {r.path: s.link(r, "html") or "" for r in s.rows}


def _cross_views(s: BatchSummary, lang: str) -> list[dict[str, Any]]:
    """Cross-report findings as template data."""
    links = _links(s)
    return [{"rule": f.rule, "slug": f.slug, "severity": f.severity, "subject": f.subject,
             "message": f.message(lang), "pairs": flat_values(f.values, lang),
             "locations": [{"document": Path(loc.document or "").name, "link": links.get(loc.document or "", ""),
                            "page": loc.page, "table": loc.table, "row": loc.row, "text": loc.text}
                           for loc in f.locations]}
            for f in s.cross.findings]


def render(s: BatchSummary, lang: str = "id") -> str:
    """The whole summary page as text."""
    L = LABELS[lang]
    codes = sorted({f.rule for f in s.cross.findings})
    ruledocs = [{"code": c, "slug": entry.rule.slug, "doc": entry.doc}
                for c in codes if (entry := registry.get(c))]
    failed = [{"file": Path(r.path).name, "path": r.path, "status": L["statuses"].get(r.status, r.status),
               "code": r.status, "why": r.error(lang) or ""} for r in s.failed()]
    scanned = [{"file": Path(r.path).name, "link": s.link(r, "html"),
                "pages": ", ".join(map(str, r.coverage.get("pages_without_text", [])))} for r in s.scanned()]
    return _environment().get_template("summary.html.j2").render(
        lang=lang, L=L, run_id=s.run_id, engine=s.engine, version=__version__, seconds=round(s.seconds, 1),
        n_docs=len(s.rows), n_reused=sum(1 for r in s.rows if r.reused), n_failed=len(failed),
        n_checked=sum(1 for r in s.rows if not r.reused), pages=s.pages(), totals=s.totals(),
        areas=area_names(lang), reports=_report_rows(s), failed=failed, scanned=scanned,
        cross=_cross_views(s, lang), cross_run=s.cross.rules_run,
        cross_not_run=[{"rule": n.rule, "why": n.why(lang)} for n in s.cross.rules_not_run],
        ruledocs=ruledocs, db=display_name(s.db_path))
