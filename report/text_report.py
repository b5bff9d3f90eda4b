"""The terminal view: a compact summary, then one line per finding, linter style."""

from __future__ import annotations

import os

import click

from lakip.i18n import t
from lakip.rules.runner import Result
from lakip.report.json_report import no_text_message, summary_counts
from lakip.rules.base import Finding, Location
from lakip.schemas.doctype import kind_line

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def use_color(stream_is_tty: bool) -> bool:
    """Colour only on a terminal and only when NO_COLOR is not set."""
    return stream_is_tty and not os.environ.get("NO_COLOR")


def where(loc: Location, lang: str) -> str:
    """'halaman 44 · Tabel 3.8 · baris 22' for one location."""
    parts = []
    if loc.page is not None:
        parts.append(f"{t('loc.page', lang)} {loc.page}")
    if loc.table:
        parts.append(loc.table if len(loc.table) <= 40 else loc.table[:37] + "…")
    if loc.row is not None:
        parts.append(f"{t('loc.row', lang)} {loc.row}")
    return " · ".join(parts) or "-"


def finding_line(f: Finding, lang: str, color: bool) -> str:
    """One finding on one line."""
    loc = where(f.locations[0], lang) if f.locations else "-"
    sev = t(f"severity.{f.severity}", lang)
    head = f"{f.rule} {f.slug}"
    if color:
        head = click.style(head, fg=_COLORS[f.severity], bold=True)
        sev = click.style(sev, fg=_COLORS[f.severity])
    return f"{loc} · {head} · {sev} · {f.message(lang)}"


def render(result: Result, lang: str = "id", color: bool = False) -> str:
    """The whole terminal report."""
    facts = result.facts
    counts = summary_counts(result)
    lines = [f"{facts.path} · {facts.doc.instansi or '-'} · {facts.doc.tahun or '-'} · "
             f"{facts.pages} {t('document.pages', lang)}", kind_line(facts.doc.jenis, lang)]
    verdict = t("verdict.findings", lang, **counts) if result.outcome.findings else t("verdict.clean", lang)
    lines.append(click.style(verdict, bold=True) if color else verdict)
    lines.append("")
    lines.extend(finding_line(f, lang, color) for f in result.outcome.findings)
    lines.append("")
    lines.append(t("coverage.title", lang) + ": " + t(
        "coverage.tables", lang, found=len(facts.tables), read=sum(1 for x in facts.tables if x.readable)))
    if facts.pages_without_text:
        lines.append(no_text_message(facts, lang))
    if result.outcome.rules_not_run:
        lines.append(t("coverage.not_run", lang))
        lines.extend(f"  {n.rule}: {n.why(lang)}" for n in result.outcome.rules_not_run)
    return "\n".join(lines)
