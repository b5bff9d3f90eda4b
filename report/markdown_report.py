"""The Markdown report: the same content as the HTML, for a nota dinas or an issue."""

from __future__ import annotations

from lakip.i18n import t
from lakip.rules.runner import Result
from lakip.report.html_report import LABELS
from lakip.report.json_report import no_text_message, summary_counts
from lakip.report.values import flat_values
from lakip.rules.base import AREAS
from lakip.schemas.doctype import kind_line


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text if text is not None else "—").replace("|", "\\|").replace("\n", " ")


def render(result: Result, lang: str = "id") -> str:
    """The whole Markdown report."""
    L = LABELS[lang]
    facts = result.facts
    counts = summary_counts(result)
    out = [f"# {L['title']}", "",
           f"**{facts.doc.instansi or '—'}** · {L['year']} {facts.doc.tahun or '—'} · {facts.pages} {L['pages']}  ",
           f"`{facts.path}` · sha256 `{facts.sha256}`  ", kind_line(facts.doc.jenis, lang), "",
           "**" + (t("verdict.findings", lang, **counts) if result.outcome.findings else t("verdict.clean", lang)) + "**",
           ""]
    for letter, names in AREAS.items():
        items = [f for f in result.outcome.findings if f.rule[0] == letter]
        if not items:
            continue
        out += [f"## {names[1 if lang == 'en' else 0]} ({len(items)})", ""]
        for f in items:
            out.append(f"### {f.rule} {f.slug} · {L['severity'][f.severity]} · {f.subject}")
            out += ["", f.message(lang), ""]
            values = flat_values(f.values, lang)
            if values:
                out += ["| | |", "|---|---|"] + [f"| {_cell(k)} | {_cell(v)} |" for k, v in values] + [""]
            out += [f"| {L['page']} | {L['table']} | {L['row']} | {L['column']} | {L['text']} |",
                    "|---|---|---|---|---|"]
            out += [f"| {_cell(x.page)} | {_cell(x.table)} | {_cell(x.row)} | {_cell(x.column)} | {_cell(x.text)} |"
                    for x in f.locations]
            out.append("")
    out += [f"## {L['coverage']}", "",
            t("coverage.tables", lang, found=len(facts.tables), read=sum(1 for x in facts.tables if x.readable)), ""]
    if facts.pages_without_text:
        out += [no_text_message(facts, lang), ""]
    out += [f"| ID | {L['caption']} | {L['page']} | {L['role']} |", "|---|---|---|---|"]
    out += [f"| {x.table_id} | {_cell(x.caption)} | {_cell(', '.join(map(str, x.pages)))} | {x.role} |"
            for x in facts.tables]
    out += ["", f"**{L['rules_run']}:** {', '.join(result.outcome.rules_run)}", ""]
    if result.outcome.rules_not_run:
        out += [f"**{L['rules_not_run']}:**", ""]
        out += [f"- `{n.rule}`: {n.why(lang)}" for n in result.outcome.rules_not_run]
    return "\n".join(out) + "\n"
