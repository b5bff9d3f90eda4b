"""Settings from files and the command line, and the indicator-direction override reaching the rules."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lakip.config import ConfigError, Settings, find_config, load_settings, with_cli
from lakip.ingest.figures import parse_figure
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


def _fact(kind: str, value: str, row: int) -> F.IndicatorFact:
    """One printed value of an indicator whose words do not tell its direction."""
    name = "Persentase dokumen perizinan yang terlambat"
    return F.IndicatorFact(indikator=name, kind=kind, figure=parse_figure(value), role=F.ROLE_CAPAIAN,
                           source=F.Source(page=20, table="Tabel 3.1", row=row, column=kind, text=value),
                           satuan="%", unit="%", year=2024, key="indikator:x")


def test_direction_override_changes_the_capaian_formula() -> None:
    facts = F.Facts(path="x.pdf", sha256="0", pages=30, kind="pdf", doc=F.DocFacts("Dinas X", 2024),
                    indicators=(_fact(F.KIND_TARGET, "10", 1), _fact(F.KIND_REALISASI, "8", 1),
                                _fact(F.KIND_CAPAIAN, "120", 1)))
    # Read as higher-is-better, 8 of 10 is 80 %, so the printed 120 % is wrong.
    assert [f.rule for f in t304_capaian_miscalculated.check(facts)] == ["T304"]
    # Declared lower-is-better, (2 x 10 - 8) / 10 x 100 = 120 %: right.
    lower = replace(facts, direction_overrides=(("Persentase dokumen perizinan yang terlambat", "lower"),))
    assert list(t304_capaian_miscalculated.check(lower)) == []


def test_settings_reject_bad_values() -> None:
    with pytest.raises(ValueError):
        Settings(lang="fr")
