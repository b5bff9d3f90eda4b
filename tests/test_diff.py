"""lakip diff: findings of two versions matched by rule and subject (never by page), from files or the database."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.plants import plant
from generator.variants import make_variant
from lakip.batch.diff import match, pick_rows
from lakip.batch.runner import BatchOptions, run_batch
from lakip.batch.store import CheckRow
from lakip.cli.main import cli
from lakip.config import Settings


def finding(rule: str, subject: str, page: int, **values) -> dict:
    """A finding in the contract's JSON form."""
    return {"rule": rule, "slug": "x", "severity": "error", "subject": subject, "message": "m",
            "values": values, "locations": [{"page": page}]}


def test_match_by_rule_and_subject_not_page():
    """Same rule and subject on another page persists; others are resolved or new."""
    old = [finding("B401", "Koordinasi Kegiatan", 44, stated=1), finding("T301", "Indeks Kepuasan", 5)]
    new = [finding("B401", "Koordinasi  kegiatan", 47, stated=1), finding("B403", "Belanja Modal", 45)]
    resolved, persisting, added = match(old, new)
    assert [f["rule"] for f in resolved] == ["T301"] and [f["rule"] for f in added] == ["B403"]
    assert [(a["locations"][0]["page"], b["locations"][0]["page"]) for a, b in persisting] == [(44, 47)]


def test_match_pairs_equal_values_first_then_similar_subjects():
    """Two findings of one rule and subject pair by values; a subject written differently still matches."""
    old = [finding("T305", "IKM", 5, year=2023), finding("T305", "IKM", 5, year=2024),
           finding("T302", "Tersedianya Sarana dan Prasarana", 6)]
    new = [finding("T305", "IKM", 9, year=2024), finding("T302", "Tersedianya Sarana & Prasarana", 8)]
    resolved, persisting, added = match(old, new)
    assert [f["values"] for f in resolved] == [{"year": 2023}] and added == []
    assert sorted(a["rule"] for a, _ in persisting) == ["T302", "T305"]


def _row(check_id: int, tahun: int) -> CheckRow:
    """A stored check of one year."""
    return CheckRow(check_id, check_id, f"{check_id}.pdf", "", "pdf", "Kecamatan Nita", tahun, 40, "ok", None, None,
                    None, 1.0, (0, 0, 0), {}, {}, "")


def test_pick_rows_prefers_a_resubmission_then_the_year_before():
    """The last two versions of the latest year; else the latest against the year before."""
    assert [r.check_id for r in pick_rows([_row(1, 2023), _row(2, 2024), _row(3, 2024)], None)] == [2, 3]
    assert [r.check_id for r in pick_rows([_row(1, 2023), _row(2, 2024)], None)] == [1, 2]
    assert [r.check_id for r in pick_rows([_row(1, 2022), _row(2, 2023), _row(3, 2024)], 2023) or []] == []


@pytest.fixture(scope="module")
def versions(seed_text, tmp_path_factory):
    """A submitted report with a B401 error and its resubmission: B401 kept (pages moved), a T305 error added."""
    folder = tmp_path_factory.mktemp("diff")
    v = make_variant(seed_text, 2)
    first, _ = plant(v, "B401", 3)
    lines = first.split("\n")
    moved = "\n".join(lines[:1] + ["", "", "", "Halaman sisipan pada pengajuan ulang.", "", "", ""] + lines[1:])
    second, expected = plant(replace(v, text=moved), "T305", 4)
    old, new = folder / "laporan-v1.txt", folder / "laporan-v2.txt"
    old.write_text(first, encoding="utf-8")
    new.write_text(second, encoding="utf-8")
    return {"old": old, "new": new, "instansi": v.instansi, "t305": expected.subjects[0], "folder": folder}


def test_diff_of_two_files(versions):
    """Report files are checked and compared: B401 persists despite moved pages, T305 is new; reversed, resolved."""
    runner = CliRunner()
    res = runner.invoke(cli, ["diff", str(versions["old"]), str(versions["new"]), "--format", "json"])
    assert res.exit_code == 1, res.output
    data = json.loads(res.output)
    assert [f["rule"] for f in data["new_findings"]] == ["T305"]
    assert versions["t305"].lower() in data["new_findings"][0]["subject"].lower()
    assert [p["old"]["rule"] for p in data["persisting"]] == ["B401"]
    assert data["persisting"][0]["old"]["locations"][0]["page"] != data["persisting"][0]["new"]["locations"][0]["page"]
    back = runner.invoke(cli, ["diff", str(versions["new"]), str(versions["old"]), "--lang", "en"])
    assert back.exit_code == 0 and "1 resolved · 1 persisting · 0 new" in back.output


def test_diff_of_json_reports_and_usage_errors(versions, tmp_path):
    """--format json reports of lakip check compare like the files; bad input is exit 2."""
    runner = CliRunner()
    outs = []
    for name in ("old", "new"):
        out = tmp_path / f"{name}.json"
        runner.invoke(cli, ["check", str(versions[name]), "--format", "json", "--out", str(out)])
        outs.append(str(out))
    res = runner.invoke(cli, ["diff", *outs])
    assert res.exit_code == 1 and "0 selesai · 1 tetap · 1 baru" in res.output
    assert runner.invoke(cli, ["diff", outs[0]]).exit_code == 2
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    assert runner.invoke(cli, ["diff", outs[0], str(tmp_path / "bad.json")]).exit_code == 2


def test_diff_from_the_batch_database(versions, tmp_path):
    """Both versions checked by lakip batch; --db --instansi compares the last two of that instansi."""
    settings = Settings()
    files = (versions["old"], versions["new"])
    run_batch(BatchOptions(files=files, out_dir=tmp_path / "out", db_path=tmp_path / "out" / "lakip.sqlite",
                           settings=settings, settings_for=lambda p: settings, jobs=1))
    runner = CliRunner()
    db = str(tmp_path / "out" / "lakip.sqlite")
    res = runner.invoke(cli, ["diff", "--db", db, "--instansi", versions["instansi"].upper(), "--format", "json"])
    assert res.exit_code == 1, res.output
    data = json.loads(res.output)
    assert Path(data["old"]["path"]).name == "laporan-v1.txt" and Path(data["new"]["path"]).name == "laporan-v2.txt"
    assert data["summary"] == {"resolved": 0, "persisting": 1, "new": 1}
    missing = runner.invoke(cli, ["diff", "--db", db, "--instansi", "Kecamatan Tidak Ada"])
    assert missing.exit_code == 2 and versions["instansi"] in missing.output
