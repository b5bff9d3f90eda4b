"""The HTML report for the reviu: one self-contained file, crops of the cells embedded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from lakip import __version__
from lakip.i18n import t
from lakip.rules.runner import Result
from lakip.report.crops import PageRenderer
from lakip.report.json_report import no_text_message, summary_counts
from lakip.report.values import flat_values
from lakip.rules import registry
from lakip.rules.base import AREAS
from lakip.schemas.doctype import kind_line

_TEMPLATES = Path(__file__).parent / "templates"

LABELS: dict[str, dict[str, Any]] = {
    "id": {"title": "Laporan Hasil Pemeriksaan Konsistensi LAKIP", "year": "Tahun", "pages": "halaman",
           "findings": "Temuan", "none": "Tidak ada temuan.", "coverage": "Cakupan pemeriksaan",
           "page": "Halaman", "table": "Tabel", "row": "Baris", "column": "Kolom", "text": "Tertulis",
           "caption": "Judul", "role": "Peran", "why": "Dasar pengenalan", "unreadable": "tidak terbaca",
           "rules_run": "Aturan yang dijalankan", "rules_not_run": "Aturan yang tidak dapat dijalankan",
           "rules": "Penjelasan aturan",
           "severity": {"error": "galat", "warning": "peringatan", "info": "info"}},
    "en": {"title": "LAKIP Consistency Check Report", "year": "Year", "pages": "pages",
           "findings": "Findings", "none": "No findings.", "coverage": "Coverage",
           "page": "Page", "table": "Table", "row": "Row", "column": "Column", "text": "Printed",
           "caption": "Caption", "role": "Role", "why": "Recognised by", "unreadable": "unreadable",
           "rules_run": "Rules run", "rules_not_run": "Rules that could not run", "rules": "Rule documentation",
           "severity": {"error": "error", "warning": "warning", "info": "info"}},
}


def _environment() -> Environment:
    """The Jinja2 environment with HTML autoescaping."""
    return Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(["html", "j2"]))


def _finding_views(result: Result, lang: str, renderer: PageRenderer | None) -> list[dict[str, Any]]:
    """Findings as template data, with crops where the source is a PDF with cell boxes."""
    views = []
    for f in result.outcome.findings:
        views.append({"rule": f.rule, "slug": f.slug, "severity": f.severity, "subject": f.subject,
                      "message": f.message(lang), "pairs": flat_values(f.values, lang),
                      "locations": f.locations, "crops": renderer.crop(f.locations) if renderer else []})
    return views


def _groups(views: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Findings grouped by area, areas in a fixed order, most severe first within each."""
    groups = []
    for letter, names in AREAS.items():
        items = [v for v in views if v["rule"][0] == letter]
        if items:
            groups.append({"name": names[1 if lang == "en" else 0], "findings": items})
    return groups


def render(result: Result, lang: str = "id", crops: bool = True) -> str:
    """The whole HTML report as text."""
    renderer = PageRenderer(result.document.path) if crops and result.document.kind == "pdf" else None
    try:
        views = _finding_views(result, lang, renderer)
    finally:
        if renderer:
            renderer.close()
    facts = result.facts
    counts = summary_counts(result)
    codes = sorted({f.rule for f in result.outcome.findings})
    ruledocs = [{"code": c, "slug": entry.rule.slug, "doc": entry.doc}
                for c in codes if (entry := registry.get(c))]
    areas = [{"name": names[1 if lang == "en" else 0],
              "count": sum(1 for f in result.outcome.findings if f.rule[0] == letter)}
             for letter, names in AREAS.items() if letter != "X"]
    return _environment().get_template("report.html.j2").render(
        lang=lang, L=LABELS[lang], doc={"path": facts.path, "sha256": facts.sha256, "pages": facts.pages,
                                        "instansi": facts.doc.instansi, "tahun": facts.doc.tahun,
                                        "jenis": kind_line(facts.doc.jenis, lang)},
        verdict=t("verdict.findings", lang, **counts) if result.outcome.findings else t("verdict.clean", lang),
        summary=counts, areas=areas, groups=_groups(views, lang),
        coverage_line=t("coverage.tables", lang, found=len(facts.tables),
                        read=sum(1 for x in facts.tables if x.readable)),
        no_text=no_text_message(facts, lang),
        tables=facts.tables, rules_run=result.outcome.rules_run,
        not_run=[{"rule": n.rule, "why": n.why(lang)} for n in result.outcome.rules_not_run],
        ruledocs=ruledocs, version=__version__)
