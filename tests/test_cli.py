"""The command line as a user runs it: exit codes, languages, bad input, rule documentation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import click
from click.testing import CliRunner

from lakip.cli.main import cli
from lakip.rules import registry

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PDF = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
SAMPLE_DOCX = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.docx"


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_rules_lists_every_registered_code():
    code, out, _ = run("rules")
    assert code == 0
    for entry in registry.RULES:
        assert entry.rule.code in out and entry.rule.slug in out


def test_rules_documents_one_rule_in_both_languages():
    code, out_id, _ = run("rules", "B403")
    assert code == 0 and "realisasi-exceeds-pagu" in out_id and "Apa yang diperiksa" in out_id
    assert "galat" in out_id
    code, out_en, _ = run("rules", "B403", "--lang", "en")
    assert code == 0 and "error" in out_en and "Budget" in out_en


def test_rules_unknown_code_is_a_usage_error():
    code, _, err = run("rules", "Z999")
    assert code == 2 and "Z999" in err


@pytest.mark.parametrize("payload,name", [(b"bukan pdf sama sekali", "palsu.pdf"), (b"", "kosong.pdf")])
def test_check_bad_input_exits_2_with_one_clear_message(tmp_path, payload, name):
    bad = tmp_path / name
    bad.write_bytes(payload)
    code, out, err = run("check", str(bad))
    assert code == 2
    assert name in err and "Traceback" not in err and out == ""
    code, _, err_en = run("check", str(bad), "--lang", "en")
    assert code == 2 and name in err_en and err_en != err


def test_check_missing_file_exits_2(tmp_path):
    code, _, err = run("check", str(tmp_path / "tidak-ada.pdf"))
    assert code == 2 and "tidak-ada.pdf" in err


def test_unknown_select_code_exits_2():
    code, _, err = run("check", str(SAMPLE_DOCX), "--select", "Q9")
    assert code == 2 and "Q9" in err


def test_check_sample_reports_findings_and_exit_1():
    code, out, _ = run("check", str(SAMPLE_PDF), "--format", "json")
    data = json.loads(out)
    assert data["summary"]["error"] > 0
    assert code == 1


def test_select_and_ignore_narrow_the_rules():
    _, out, _ = run("check", str(SAMPLE_DOCX), "--format", "json", "--select", "B", "--ignore", "B403")
    data = json.loads(out)
    assert data["coverage"]["rules_run"], "some budget rule must run"
    assert all(r.startswith("B") and r != "B403" for r in data["coverage"]["rules_run"])
    assert all(f["rule"].startswith("B") and f["rule"] != "B403" for f in data["findings"])


def test_fail_on_info_counts_every_finding(tmp_path):
    code_default, out, _ = run("check", str(SAMPLE_DOCX), "--format", "json", "--select", "F202")
    data = json.loads(out)
    infos = [f for f in data["findings"] if f["severity"] == "info"]
    assert infos, "the sample prints a US-style figure among Indonesian ones"
    assert code_default == 0
    code_info, _, _ = run("check", str(SAMPLE_DOCX), "--format", "json", "--select", "F202", "--fail-on", "info")
    assert code_info == 1


def test_config_file_beside_the_report_is_used(tmp_path):
    report = tmp_path / SAMPLE_DOCX.name
    report.write_bytes(SAMPLE_DOCX.read_bytes())
    (tmp_path / "lakip.toml").write_text('[lakip]\nselect = ["N"]\n', encoding="utf-8")
    _, out, _ = run("check", str(report), "--format", "json")
    data = json.loads(out)
    assert data["coverage"]["rules_run"] and all(r.startswith("N") for r in data["coverage"]["rules_run"])


def test_extract_json_follows_the_extract_contract():
    code, out, _ = run("extract", str(SAMPLE_PDF), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["document"]["pages"] == len(data["pages"]) > 0
    captions = [t["caption"] or "" for t in data["tables"]]
    assert any("Tabel 3.8" in c for c in captions)
    for table in data["tables"]:
        assert {"id", "caption", "pages", "header", "rows", "engine", "bbox"} <= set(table)
        assert all(isinstance(c, str) for row in table["rows"] for c in row)


def test_extract_csv_writes_one_file_per_table(tmp_path):
    code, out, _ = run("extract", str(SAMPLE_DOCX), "--format", "csv", "--out", str(tmp_path / "tabel"))
    assert code == 0
    files = sorted((tmp_path / "tabel").glob("*.csv"))
    _, js, _ = run("extract", str(SAMPLE_DOCX), "--format", "json")
    assert len(files) == len(json.loads(js)["tables"]) > 5


def test_extract_facts_shows_roles():
    code, out, _ = run("extract", str(SAMPLE_DOCX), "--facts")
    assert code == 0
    assert "budget_hierarchy" in out and "pk_indicators" in out


def test_every_listed_command_resolves_to_its_click_command():
    from lakip.cli.main import COMMANDS, cli

    ctx = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert isinstance(command, click.Command)
        assert command.name == name
    assert cli.get_command(ctx, "no-such-command") is None


def test_group_help_imports_no_command_stack():
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from lakip.cli.main import cli; "
            "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0, r.output; "
            "heavy = [m for m in ('pandas', 'pdfplumber', 'lakip.pipeline', 'lakip.batch.runner') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
