"""``lakip rules``: list every rule, or print one rule's documentation, from the registry."""

from __future__ import annotations

import click

from lakip.cli.common import fail_input, h, lang_option
from lakip.i18n import t
from lakip.rules import registry
from lakip.rules.base import AREAS, Rule


def rule_doc(entry: registry.Entry, lang: str) -> str:
    """The documentation of one rule: code, slug, severity, area, summary and its docstring."""
    rule = entry.rule
    area = AREAS[rule.area][1 if lang == "en" else 0]
    summary = rule.summary_en if lang == "en" else rule.summary_id
    head = f"{rule.code} {rule.slug} ({t('severity.' + rule.severity, lang)}, {area})"
    return "\n".join([head, "=" * len(head), summary, "", entry.doc] + reviu_doc(rule, lang))


REVIU_PARTS = ("kriteria", "sebab", "akibat", "rekomendasi")


def reviu_doc(rule: Rule, lang: str) -> list[str]:
    """The rule's reviu texts (Kriteria, Sebab, Akibat, Rekomendasi) as lines, or none."""
    lines = [f"{t('reviu.' + part, lang)}: {rule.reviu(part, lang)}" for part in REVIU_PARTS if rule.reviu(part, lang)]
    return ["", t("reviu.title", lang) + ":"] + ["    " + line for line in lines] if lines else []


@click.command(help=h("Menampilkan daftar aturan, atau dokumentasi satu aturan (lakip rules B401).",
                      "List the rules, or show one rule's documentation (lakip rules B401)."))
@click.argument("code", required=False)
@lang_option
def rules(code: str | None, lang: str | None) -> None:
    """List the registered rules or document one."""
    lang = lang or "id"
    if code:
        entries = registry.matching((code.upper(),))
        if not entries:
            fail_input(t("rules.none", lang, code=code))
        if len(entries) == 1 and entries[0].rule.code == code.upper():
            click.echo(rule_doc(entries[0], lang))
            return
    else:
        entries = registry.RULES + registry.CROSS_RULES
    for entry in entries:
        rule = entry.rule
        summary = rule.summary_en if lang == "en" else rule.summary_id
        click.echo(f"{rule.code}  {rule.slug:<28} {t('severity.' + rule.severity, lang):<11} {summary}")
