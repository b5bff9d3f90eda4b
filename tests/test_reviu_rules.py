"""Every rule carries its reviu texts (Kriteria, Sebab, Akibat, Rekomendasi) in both languages."""

from __future__ import annotations

from click.testing import CliRunner

from lakip.cli.main import cli
from lakip.rules import registry
from lakip.rules.base import Rule

PARTS = ("kriteria", "sebab", "akibat", "rekomendasi")
SOURCES = ("PermenPANRB", "Perjanjian Kinerja", "Renstra", "Aritmetika", "BKN", "Ejaan", "laporan", "LKjIP",
           "DPA", "Keandalan", "Indikator", "Nilai uang", "Angka dan kata", "Analisis")


def test_every_registered_rule_has_reviu_texts_in_both_languages():
    for entry in registry.RULES + registry.CROSS_RULES:
        rule = entry.rule
        for part in PARTS:
            texts = getattr(rule, part)
            assert isinstance(texts, tuple) and len(texts) == 2, (rule.code, part)
            id_text, en_text = texts
            assert len(id_text) > 15 and len(en_text) > 15, (rule.code, part)
            assert id_text != en_text, (rule.code, part)
        assert any(word in rule.kriteria[0] for word in SOURCES), rule.code


def test_reviu_texts_fill_values_and_keep_unknown_keys_visible():
    rule = registry.get("B401").rule
    assert rule.reviu("rekomendasi", "en").startswith("Check the figures")
    assert rule.reviu("kriteria", "id", {"stated": 1}).startswith("Aritmetika")
    bare = Rule(code="Z999", slug="bare", severity="info", summary_id="a", summary_en="b", messages={"default": ("c", "d")})
    assert bare.kriteria == () and bare.reviu("kriteria", "id") == ""


def test_rules_command_shows_reviu_texts():
    out = CliRunner().invoke(cli, ["rules", "T304"]).output
    assert "Kriteria: Capaian kinerja = realisasi" in out
    assert "Rekomendasi:" in out and "Akibat:" in out and "Sebab:" in out
    out_en = CliRunner().invoke(cli, ["rules", "X803", "--lang", "en"]).output
    assert "Criterion:" in out_en and "last year's" in out_en
