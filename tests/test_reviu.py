"""The reviu working paper (XLSX) and draft LHR (DOCX) against the findings of the pipeline, on the sample and
the real documents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from conftest import REPO, SHARED
from lakip.cli.main import cli
from lakip.config import Settings
from lakip.pipeline import check_file
from lakip.rules import registry

SAMPLE = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
REAL = sorted(p for p in (SHARED / "real").glob("*") if p.suffix in (".pdf", ".docx")) if (SHARED / "real").is_dir() else []
STATUS = {"error": "Tidak terpenuhi", "warning": "Terpenuhi dengan catatan", "info": "Terpenuhi dengan catatan"}
UNSUR_PER_ASPEK = {"Format": 6, "Mekanisme Penyusunan": 7, "Substansi": 10}


def run_reviu(path: Path, tmp: Path, *extra: str) -> tuple[Path, Path, int]:
    """Run ``lakip reviu`` writing both outputs; returns their paths and the exit code."""
    out, lhr = tmp / "kertas-kerja.xlsx", tmp / "lhr.docx"
    res = CliRunner().invoke(cli, ["reviu", str(path), "--out", str(out), "--lhr", str(lhr), *extra])
    assert res.exit_code in (0, 1), res.output
    return out, lhr, res.exit_code


def matrix_rows(xlsx: Path, sheet: str = "Matriks Kriteria") -> list[dict]:
    """The matrix rows as dicts keyed by header (hidden columns included)."""
    ws = load_workbook(xlsx)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if "Kunci" in r or "Key" in r)
    names = rows[head]
    return [dict(zip(names, r)) for r in rows[head + 1:] if any(v is not None for v in r)]


def docx_text(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs and the tables (rows of cell texts) of a DOCX."""
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs], [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


def check_paper_against_findings(xlsx: Path, findings) -> list[dict]:
    """Every finding exactly once, with its texts and a status following its severity; returns the rows."""
    rows = matrix_rows(xlsx)
    finding_rows = [r for r in rows if not str(r["Kunci"]).startswith("unsur:")]
    assert len(finding_rows) == len(findings)
    wanted = Counter((f.message("id"), f.rule) for f in findings)
    for (message, rule), n in wanted.items():
        matching = [r for r in finding_rows if r["Kondisi"].startswith(message) and f"[{rule} " in r["Kriteria"]]
        assert len(matching) == n, (rule, message)
    for f in findings:
        row = next(r for r in finding_rows if r["Kondisi"].startswith(f.message("id")))
        rule = registry.get(f.rule).rule
        assert row["Status"] == STATUS[f.severity]
        assert row["Kriteria"].startswith(rule.kriteria[0])
        assert row["Akibat"] == rule.akibat[0] and row["Rekomendasi"] == rule.rekomendasi[0]
        assert row["Sebab"] and rule.sebab[0] in row["Sebab"]
        if f.first_page is not None:
            assert f"hlm. {f.first_page}" in row["Bukti (halaman/tabel/baris)"]
    unsur = [r for r in rows if str(r["Kunci"]).startswith("unsur:")]
    assert Counter(r["Aspek"] for r in unsur) == UNSUR_PER_ASPEK
    for u in unsur:
        under = [r for r in finding_rows if r["Kode unsur"] == u["Kode unsur"]]
        if "bukan LKjIP" in u["Kondisi"]:                        # not applicable: no status, whatever is found
            assert u["Status"] is None
            continue
        if any(r["Status"] == "Tidak terpenuhi" for r in under):
            assert u["Status"] == "Tidak terpenuhi", u["No"]
        if u["Status"] == "Terpenuhi":
            assert not under, u["No"]
        if u["Status"] is None:
            assert "perlu diperiksa pemeriksa" in u["Kondisi"]
    return rows


@pytest.fixture(scope="module")
def sample_outputs(tmp_path_factory):
    """The sample's working paper and LHR, and its pipeline result."""
    tmp = tmp_path_factory.mktemp("reviu")
    out, lhr, code = run_reviu(SAMPLE, tmp)
    return out, lhr, code, check_file(SAMPLE, Settings())


def test_sample_paper_holds_every_finding_once_with_its_reviu_texts(sample_outputs):
    out, _, code, result = sample_outputs
    assert code == 1
    rows = check_paper_against_findings(out, result.outcome.findings)
    by_no = {r["No"]: r for r in rows}
    assert by_no["A.6"]["Status"] == "Tidak terpenuhi"          # B401/B402 on Tabel 3.8
    assert by_no["B.1"]["Status"] is None                        # needs the SK of the team: the inspector's
    assert "lakip batch" in by_no["C.7"]["Kondisi"]              # X803 runs only across reports
    b401 = next(r for r in rows if "[B401 " in (r["Kriteria"] or ""))
    assert "69.317.198" in b401["Sebab"]                         # the mistyped cell the values point at


def test_sample_paper_status_is_a_list_and_keys_are_hidden(sample_outputs):
    wb = load_workbook(sample_outputs[0])
    ws = wb["Matriks Kriteria"]
    assert wb.properties.subject == "lakip-kertas-kerja-reviu"
    validations = ws.data_validations.dataValidation
    assert any("Tidak terpenuhi" in (dv.formula1 or "") and "I4" in str(dv.sqref) for dv in validations)
    headers = [c.value for c in ws[3]]
    for name in ("Kunci", "Kode unsur", "Status lakip"):
        letter = ws.cell(row=3, column=headers.index(name) + 1).column_letter
        assert ws.column_dimensions[letter].hidden
    assert headers[:11] == ["No", "Aspek", "Unsur", "Kondisi", "Kriteria", "Sebab", "Akibat", "Rekomendasi", "Status",
                            "Bukti (halaman/tabel/baris)", "Catatan Pemeriksa"]


def test_sample_notes_and_lke_proposals(sample_outputs):
    out, _, _, result = sample_outputs
    wb = load_workbook(out)
    notes = {r[0]: r[1] for r in wb["Catatan Reviu"].iter_rows(min_row=2, values_only=True)}
    assert notes["Aturan dijalankan"] == ", ".join(result.outcome.rules_run)
    assert "X801" in notes["Aturan lintas laporan"]
    assert "Mekanisme" not in notes["Perlu diperiksa pemeriksa"] and "B.1" in notes["Perlu diperiksa pemeriksa"]
    ws = wb["LKE Komponen 3"]
    assert "USULAN" in ws["A1"].value
    lke = {r[0]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}
    assert len(lke) == 22
    assert lke["3.b.3"][3] == "Ya (usulan)" and "41" in lke["3.b.3"][5]          # capaian table, Tabel 3.6 p. 41
    assert lke["3.b.5"][3] == "Ya (usulan)" and "37" in lke["3.b.5"][5]          # Tabel 3.2: 2023 vs 2024
    assert lke["3.b.8"][3] == "Ya (usulan)"                                     # Tabel 3.6 efisiensi
    assert lke["3.a.2"][3] == "perlu diperiksa evaluator"                       # needs quarterly reports
    assert all(r[3] == "perlu diperiksa evaluator" for c, r in lke.items() if c.startswith("3.c"))


def test_sample_lhr_matches_the_paper(sample_outputs):
    out, lhr, _, result = sample_outputs
    paras, tables = docx_text(lhr)
    text = "\n".join(paras)
    assert "PERNYATAAN TELAH DIREVIU" in text
    assert "kami meyakini secara terbatas bahwa Laporan Kinerja Kecamatan Alok Barat Tahun 2024" in text
    assert "tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan" in text
    assert "NIP. ……" in text and "INSPEKTUR" in text
    for f in result.outcome.findings:
        assert sum(f.message("id") in p for p in paras) == 1, f.message("id")
    summary = next(t for t in tables if t[0] == ["Aspek", "Unsur Penilaian", "Dipenuhi", "Belum Dipenuhi"])
    unsur = [r for r in matrix_rows(out) if str(r["Kunci"]).startswith("unsur:")]
    for aspek, total, met, unmet in summary[1:]:
        mine = [u for u in unsur if u["Aspek"] == aspek]
        assert int(total) == len(mine) == UNSUR_PER_ASPEK[aspek]
        assert int(met) == sum(u["Status"] in ("Terpenuhi", "Terpenuhi dengan catatan") for u in mine)
        assert int(unmet) == sum(u["Status"] == "Tidak terpenuhi" for u in mine)
    aspect_tables = [t for t in tables if t[0] == ["No", "Kriteria", "Hasil reviu"]]
    assert [len(t) - 1 for t in aspect_tables] == [6, 7, 10]


def test_english_paper(tmp_path):
    out, lhr, _ = run_reviu(SAMPLE, tmp_path, "--lang", "en")
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["Criteria Matrix", "Reviu Notes", "LKE Component 3"]
    statuses = {r["Status"] for r in matrix_rows(out, "Criteria Matrix")}
    assert "Not met" in statuses and "Tidak terpenuhi" not in statuses
    assert "REVIU REPORT" in "\n".join(docx_text(lhr)[0])


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_real_documents_give_a_sensible_paper(path, tmp_path):
    result = check_file(path, Settings())
    out, lhr, _ = run_reviu(path, tmp_path)
    rows = check_paper_against_findings(out, result.outcome.findings)
    unsur = [r for r in rows if str(r["Kunci"]).startswith("unsur:")]
    paras, _ = docx_text(lhr)
    if result.facts.doc.jenis.kind != "lkjip":
        assert all(u["Status"] is None and "bukan LKjIP" in u["Kondisi"] for u in unsur)
        assert any("bukan LKjIP" in p for p in paras)
        lke = [r for r in load_workbook(out)["LKE Komponen 3"].iter_rows(min_row=4, values_only=True) if r[0]]
        assert all(r[3] == "perlu diperiksa evaluator" and "bukan LKjIP" in r[4] for r in lke)
    else:
        assert any(u["Status"] for u in unsur)


def test_unknown_output_suffix_and_missing_file_are_usage_errors(tmp_path):
    res = CliRunner().invoke(cli, ["reviu", str(SAMPLE), "--out", str(tmp_path / "k.csv")])
    assert res.exit_code == 2 and ".xlsx" in res.output
    res = CliRunner().invoke(cli, ["reviu", str(tmp_path / "none.pdf"), "--out", str(tmp_path / "k.xlsx")])
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_check_format_kkr_writes_the_same_paper(sample_outputs, tmp_path):
    out = tmp_path / "kkr.xlsx"
    res = CliRunner().invoke(cli, ["check", str(SAMPLE), "--format", "kkr", "--out", str(out)])
    assert res.exit_code == 1
    assert [r["Kunci"] for r in matrix_rows(out)] == [r["Kunci"] for r in matrix_rows(sample_outputs[0])]
    assert CliRunner().invoke(cli, ["check", str(SAMPLE), "--format", "kkr"]).exit_code == 2


def test_reviu_without_outputs_prints_the_unsur_statuses():
    res = CliRunner().invoke(cli, ["reviu", str(SAMPLE)])
    assert res.exit_code == 1
    lines = [line for line in res.output.splitlines() if line[:2] in ("A.", "B.", "C.")]
    assert len(lines) == 23
    assert "Tidak terpenuhi" in lines[5] and "perlu diperiksa pemeriksa" in lines[6]


def test_every_rule_is_placed_under_exactly_one_unsur():
    from lakip.report.reviu_unsur import SECTION_UNSUR, UNSUR

    placed = Counter(code for u in UNSUR for code in u.rules)
    codes = {e.rule.code for e in registry.RULES + registry.CROSS_RULES}
    assert set(placed) == codes and set(placed.values()) == {1}
    assert Counter(u.aspek for u in UNSUR) == {"format": 6, "mekanisme": 7, "substansi": 10}
    assert {u.key for u in UNSUR} >= set(SECTION_UNSUR.values())
    assert all(u.reach in ("pdf", "partial", "doc", "j") for u in UNSUR)


def test_unsur_whose_rules_were_not_selected_are_left_to_the_inspector(tmp_path):
    out, _, _ = run_reviu(SAMPLE, tmp_path, "--select", "T")
    by_no = {r["No"]: r for r in matrix_rows(out) if str(r["Kunci"]).startswith("unsur:")}
    assert by_no["A.6"]["Status"] is None and "B401 tidak dijalankan: tidak dipilih" in by_no["A.6"]["Kondisi"]
    assert by_no["A.3"]["Status"] == "Tidak terpenuhi"                          # T304 ran
