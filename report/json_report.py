"""The findings contract (``--format json``): one JSON object per checked document."""

from __future__ import annotations

import json
from typing import Any

from lakip.pipeline import Result


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
        "tables": [{"id": t.table_id, "caption": t.caption, "role": t.role, "pages": list(t.pages),
                    "readable": t.readable, "why": list(t.why)} for t in tables],
    }


def to_json(result: Result, lang: str = "id") -> dict[str, Any]:
    """The contract's object for one document."""
    facts = result.facts
    return {
        "document": {"path": facts.path, "sha256": facts.sha256, "pages": facts.pages,
                     "instansi": facts.doc.instansi, "tahun": facts.doc.tahun},
        "findings": [f.to_json(lang) for f in result.outcome.findings],
        "coverage": coverage(result, lang),
        "summary": summary_counts(result),
    }


def render(result: Result, lang: str = "id") -> str:
    """The contract's JSON text, pretty-printed."""
    return json.dumps(to_json(result, lang), ensure_ascii=False, indent=2)
