"""The registry against the published rule catalogue: codes, slugs and severities never drift."""

from __future__ import annotations

import re

from conftest import SHARED

from lakip.rules import registry
from lakip.rules.base import AREAS

ROW = re.compile(r"^\|\s*([SFTBCND]\d{3})\s*\|\s*([a-z0-9-]+)\s*\|\s*(error|warning|info)\s*\|", re.M)


def test_every_catalogue_rule_is_registered_as_published():
    spec = {code: (slug, sev) for code, slug, sev in ROW.findall((SHARED / "spec" / "rules.md").read_text("utf-8"))}
    assert len(spec) >= 28
    registered = {e.rule.code: (e.rule.slug, e.rule.severity) for e in registry.RULES}
    assert registered == spec


def test_cross_rules_are_family_x_with_unique_slugs():
    codes = [e.rule.code for e in registry.CROSS_RULES]
    assert codes and all(re.fullmatch(r"X8\d\d", c) for c in codes)
    slugs = [e.rule.slug for e in registry.RULES + registry.CROSS_RULES]
    assert len(slugs) == len(set(slugs))


def test_every_rule_is_documented_in_fixed_sections_and_both_languages():
    for entry in registry.RULES + registry.CROSS_RULES:
        doc = entry.doc
        assert all(section in doc for section in ("Apa yang diperiksa", "Mengapa penting", "Contoh")), entry.rule.code
        assert entry.rule.summary_id and entry.rule.summary_en and entry.rule.summary_id != entry.rule.summary_en
        for id_text, en_text in entry.rule.messages.values():
            assert id_text and en_text and id_text != en_text
        assert entry.rule.area in AREAS


def test_catalogue_order_and_prefix_selection():
    codes = [e.rule.code for e in registry.RULES]
    families = [c[0] for c in codes]
    assert families == sorted(families, key=list(AREAS).index)
    assert [e.rule.code for e in registry.matching(("B40",))] == ["B401", "B402", "B403", "B404", "B405", "B406"]
    assert registry.get("t301").rule.slug == "target-mismatch"
