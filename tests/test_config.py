"""Settings from files and the command line, and the indicator-direction override reaching the rules."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lakip.config import ConfigError, Settings, find_config, load_settings, with_cli
from lakip.values.figures import parse_figure
from lakip.rules import t304_capaian_miscalculated
from lakip.schemas import facts as F


def test_pyproject_section_and_cli_precedence(tmp_path: Path) -> None:
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[tool.lakip]\nselect = "T,B"\nignore = ["F202"]\nfail-on = "warning"\n'
                   '[tool.lakip.direction]\n"Angka Kemiskinan" = "down"\n', encoding="utf-8")
    report = tmp_path / "laporan.pdf"
    assert find_config(report) == cfg
    s = load_settings(cfg)
    assert s.select == ("T", "B") and s.ignore == ("F202",) and s.fail_on == "warning"
    assert s.direction_map == {"Angka Kemiskinan": "lower"}
    merged = with_cli(s, "N", "N604", None, "en")
    assert merged.select == ("N",) and merged.ignore == ("F202", "N604") and merged.lang == "en"
    assert merged.selects("N601") and not merged.selects("N604") and not merged.selects("T301")


def test_bad_config_is_a_config_error(tmp_path: Path) -> None:
    cfg = tmp_path / "lakip.toml"
    cfg.write_text('[lakip]\nfail-on = "sometimes"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(cfg)
    cfg.write_text('[lakip.direction]\n"X" = "sideways"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(cfg)
    cfg.write_text("[lakip\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(cfg)


def _fact(kind: str, value: str, row: int, name: str = "Persentase dokumen perizinan yang diarsipkan"
          ) -> F.IndicatorFact:
    """One printed value of an indicator (by default one whose words do not tell its direction)."""
    return F.IndicatorFact(indikator=name, kind=kind, figure=parse_figure(value), role=F.ROLE_CAPAIAN,
                           source=F.Source(page=20, table="Tabel 3.1", row=row, column=kind, text=value),
                           satuan="%", unit="%", year=2024, key="indikator:x")


def _facts(capaian: str, name: str = "Persentase dokumen perizinan yang diarsipkan") -> F.Facts:
    """Target 10, realisasi 8 and a printed capaian of one indicator."""
    return F.Facts(path="x.pdf", sha256="0", pages=30, kind="pdf", doc=F.DocFacts("Dinas X", 2024),
                   indicators=(_fact(F.KIND_TARGET, "10", 1, name), _fact(F.KIND_REALISASI, "8", 1, name),
                               _fact(F.KIND_CAPAIAN, capaian, 1, name)))


def test_direction_override_changes_the_capaian_formula() -> None:
    facts = _facts("120")
    # Declared higher-is-better, 8 of 10 is 80 %, so the printed 120 % is wrong.
    higher = replace(facts, direction_overrides=(("Persentase dokumen perizinan yang diarsipkan", "higher"),))
    assert [f.rule for f in t304_capaian_miscalculated.check(higher)] == ["T304"]
    # Declared lower-is-better, (2 x 10 - 8) / 10 x 100 = 120 %: right.
    lower = replace(facts, direction_overrides=(("Persentase dokumen perizinan yang diarsipkan", "lower"),))
    assert list(t304_capaian_miscalculated.check(lower)) == []
    # Declared lower-is-better, 80 % is the higher-is-better formula: wrong for this indicator.
    lower80 = replace(_facts("80"), direction_overrides=lower.direction_overrides)
    assert [f.rule for f in t304_capaian_miscalculated.check(lower80)] == ["T304"]


@pytest.mark.parametrize("capaian", ["80", "120", "125"])
def test_any_accepted_convention_explains_a_capaian_when_no_direction_is_declared(capaian: str) -> None:
    # R/T = 80, (2T - R)/T = 120, T/R = 125: the words do not say which way is better, so none is an error.
    assert list(t304_capaian_miscalculated.check(_facts(capaian))) == []


def test_a_capaian_no_convention_gives_is_reported() -> None:
    found = list(t304_capaian_miscalculated.check(_facts("95")))
    assert [(f.rule, f.severity, f.values["stated"]) for f in found] == [("T304", "error", 95.0)]


def test_mixed_lower_is_better_conventions_get_one_note() -> None:
    mirror = _facts("120", "Angka kematian ibu").indicators
    inverse = tuple(replace(f, indikator="Prevalensi stunting", key="indikator:y",
                            source=replace(f.source, row=2)) for f in _facts("125").indicators)
    facts = replace(_facts("120"), indicators=mirror + inverse)
    found = list(t304_capaian_miscalculated.check(facts))
    assert [(f.rule, f.severity) for f in found] == [("T304", "info")]
    assert found[0].values["conventions"] == {"(2T-R)/T": ["Angka kematian ibu"], "T/R": ["Prevalensi stunting"]}


def test_user_vocabulary_extends_the_built_in_words(tmp_path: Path) -> None:
    cfg = tmp_path / "lakip.toml"
    cfg.write_text('[lakip.vocab.direction]\nlower_better = ["diarsipkan"]\n', encoding="utf-8")
    settings = load_settings(cfg)
    from lakip import vocab
    from lakip.rules.direction import direction_of
    assert direction_of("Persentase dokumen yang diarsipkan") == "higher"
    with vocab.use(settings.vocab):
        assert direction_of("Persentase dokumen yang diarsipkan") == "lower"
        assert "angka kematian" in vocab.words("direction", "lower_better")
    cfg.write_text('[lakip.vocab.direction]\nnot_a_list = ["x"]\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(cfg)


def test_settings_reject_bad_values() -> None:
    with pytest.raises(ValueError):
        Settings(lang="fr")
