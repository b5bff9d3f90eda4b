"""Exports of what was read and understood: the Document and the Facts as JSON, CSV, Markdown, text."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from lakip.i18n import t
from lakip.ingest.model import Document, Table
from lakip.schemas.facts import Facts


def table_to_json(table: Table) -> dict[str, Any]:
    """One table in the extract contract: header and rows as strings, bbox per page."""
    return {"id": table.id, "caption": table.caption, "pages": list(table.pages),
            "header": [[c.text for c in row] for row in table.header],
            "rows": [[c.text for c in row] for row in table.rows],
            "engine": table.engine,
            "bbox": {str(p): list(b) for p, b in table.bbox.items()}}


def document_to_json(doc: Document) -> dict[str, Any]:
    """The extract contract for a whole document."""
    return {"document": {"path": doc.path, "sha256": doc.sha256, "pages": doc.n_pages, "kind": doc.kind},
            "tables": [table_to_json(tb) for tb in doc.tables],
            "pages": [{"number": p.number, "text_layer": p.text_layer, "text": p.text} for p in doc.pages]}


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and dates as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def facts_to_json(facts: Facts) -> dict[str, Any]:
    """All typed facts, entities and links of a document."""
    return _plain(facts)


def dumps(data: Any) -> str:
    """Pretty JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def table_to_csv(table: Table) -> str:
    """One table as CSV: header rows first, then body rows."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in table.header + table.rows:
        writer.writerow([c.text for c in row])
    return buf.getvalue()


def write_csvs(doc: Document, out_dir: Path) -> list[Path]:
    """One CSV per table in ``out_dir`` (created if needed); returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in doc.tables:
        path = out_dir / f"{table.id}.csv"
        path.write_text(table_to_csv(table), encoding="utf-8")
        written.append(path)
    return written


def _md_cell(text: str) -> str:
    """A cell safe inside a Markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")


def table_to_markdown(table: Table, lang: str = "id", role: str | None = None) -> str:
    """One table as a Markdown table with its caption."""
    title = table.caption or t("extract.caption_none", lang)
    pages = ", ".join(map(str, table.pages))
    head = f"### {table.id}: {title}" + (f" ({t('loc.page', lang)} {pages})" if pages else "")
    if role:
        head += f" — {t('extract.role', lang)}: {role}"
    labels = table.header_labels() or tuple("" for _ in range(table.n_cols))
    lines = [head, "", "| " + " | ".join(_md_cell(x) for x in labels) + " |",
             "|" + "---|" * len(labels)]
    for row in table.rows:
        lines.append("| " + " | ".join(_md_cell(c.text) for c in row) + " |")
    return "\n".join(lines)


def document_to_markdown(doc: Document, lang: str = "id", roles: dict[str, str] | None = None) -> str:
    """Every table of the document as Markdown."""
    roles = roles or {}
    return "\n\n".join(table_to_markdown(tb, lang, roles.get(tb.id)) for tb in doc.tables)


def document_to_text(doc: Document, lang: str = "id", facts: Facts | None = None) -> str:
    """A readable listing: each table with caption, pages, role (and why), header and rows."""
    info = {ti.table_id: ti for ti in facts.tables} if facts else {}
    out = [f"{doc.path} · {doc.n_pages} {t('document.pages', lang)} · {len(doc.tables)} tabel"]
    no_text = doc.pages_without_text()
    if no_text:
        out.append(t("coverage.no_text", lang, pages=", ".join(map(str, no_text))))
    for tb in doc.tables:
        pages = ", ".join(map(str, tb.pages)) or "-"
        out.append("")
        out.append(f"[{tb.id}] {tb.caption or t('extract.caption_none', lang)} · {t('loc.page', lang)} {pages}")
        ti = info.get(tb.id)
        if ti:
            out.append(f"  {t('extract.role', lang)}: {ti.role} ({ti.score:.2f}) "
                       f"{t('extract.why', lang)}: {', '.join(ti.why) or '-'}")
        out.append("  | " + " | ".join(tb.header_labels()))
        for row in tb.rows:
            out.append("  | " + " | ".join(c.text for c in row))
    return "\n".join(out)
