"""The findings contract (``--format json``): one JSON object per checked document."""

from __future__ import annotations

import json
from typing import Any

from lakip.i18n import t
from lakip.ingest.ocr import OCR_HINT
from lakip.rules.runner import Result
from lakip.schemas.facts import Facts


def no_text_message(facts: Facts, lang: str = "id") -> str:
    """The coverage line for pages without text, with how to enable OCR when it is not installed."""
    if not facts.pages_without_text:
        return ""
    line = t("coverage.no_text", lang, pages=", ".join(map(str, facts.pages_without_text)))
    if any(n.startswith("ocr-unavailable") for n in facts.notes):
        line += "; " + OCR_HINT[1 if lang == "en" else 0]
    return line


def summary_counts(result: Result) -> dict[str, int]:
    """Findings per severity."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in result.outcome.findings:
        counts[f.severity] += 1
    return counts


def coverage(result: Result, lang: str = "id") -> dict[str, Any]:
    """What was found, read and run, and what could not be checked."""
    tables = result.facts.tables
    return {
        "tables_found": len(tables),
        "tables_read": sum(1 for t in tables if t.readable),
        "rules_run": list(result.outcome.rules_run),
        "rules_not_run": [{"rule": n.rule, "why": n.why(lang)} for n in result.outcome.rules_not_run],
        "pages_without_text": list(result.facts.pages_without_text),
        "pages_read_by_ocr": [{"page": p, "confidence": round(c, 3)} for p, c in result.facts.ocr_pages],
        "notes": [no_text_message(result.facts, lang)] if result.facts.pages_without_text else [],
        "tables": [{"id": t.table_id, "caption": t.caption, "role": t.role, "pages": list(t.pages),
                    "readable": t.readable, "why": list(t.why)} for t in tables],
    }


def to_json(result: Result, lang: str = "id") -> dict[str, Any]:
    """The contract's object for one document."""
    facts = result.facts
    return {
        "document": {"path": facts.path, "sha256": facts.sha256, "pages": facts.pages,
                     "instansi": facts.doc.instansi, "tahun": facts.doc.tahun, "jenis": facts.doc.jenis.kind},
        "findings": [f.to_json(lang) for f in result.outcome.findings],
        "coverage": coverage(result, lang),
        "summary": summary_counts(result),
    }


def render(result: Result, lang: str = "id") -> str:
    """The contract's JSON text, pretty-printed."""
    return json.dumps(to_json(result, lang), ensure_ascii=False, indent=2)
