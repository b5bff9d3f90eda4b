"""Every report format carries every finding of the JSON contract, with the same counts."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook

from lakip.config import Settings
from lakip.pipeline import Result, check_file
from lakip.report import html_report, json_report, markdown_report, text_report, xlsx_report

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = {"pdf": REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf",
           "docx": REPO / "samples" / "lakip-kecamatan-alok-barat-2024.docx"}


@lru_cache(maxsize=None)
def result_of(kind: str) -> Result:
    """The check result of one sample, computed once."""
    return check_file(SAMPLES[kind], Settings())


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_json_matches_the_contract_schema(kind):
    schema = json.loads((SHARED / "spec" / "findings.schema.json").read_text(encoding="utf-8"))
    data = json.loads(json_report.render(result_of(kind)))
    jsonschema.validate(data, schema)
    assert sum(data["summary"].values()) == len(data["findings"]) > 0
    assert data["document"]["tahun"] == 2024
    assert "Alok Barat" in (data["document"]["instansi"] or "")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_html_has_counts_and_every_finding(lang):
    result = result_of("pdf")
    html = html_report.render(result, lang)
    counts = json_report.summary_counts(result)
    for sev, n in counts.items():
        assert f'data-severity="{sev}"><b>{n}</b>' in html
    assert html.count('class="finding ') == len(result.outcome.findings)
    for f in result.outcome.findings:
        assert f'id="rule-{f.rule}"' in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_html_embeds_crops_for_pdf_findings_with_cells():
    result = result_of("pdf")
    html = html_report.render(result, "id")
    with_box = [f for f in result.outcome.findings if any(loc.bbox for loc in f.locations)]
    assert with_box, "table findings on a PDF carry cell boxes"
    assert html.count("data:image/png;base64,") >= len(with_box)


def test_markdown_has_every_finding():
    result = result_of("docx")
    md = markdown_report.render(result, "id")
    for f in result.outcome.findings:
        assert f"### {f.rule} {f.slug}" in md
    assert md.count("\n### ") == len(result.outcome.findings)


def test_text_report_one_line_per_finding():
    result = result_of("docx")
    text = text_report.render(result, "id", color=False)
    lines = [ln for ln in text.splitlines() if any(f" {f.rule} {f.slug} " in ln for f in result.outcome.findings)]
    assert len(lines) == len(result.outcome.findings)
    assert "\x1b[" not in text


def test_xlsx_working_paper(tmp_path):
    result = result_of("pdf")
    path = xlsx_report.write(result, tmp_path / "kertas-kerja.xlsx", "id")
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["Temuan", "Cakupan", "Aturan"]
    ws = wb["Temuan"]
    assert ws.max_row - 1 == len(result.outcome.findings)
    header = [c.value for c in ws[1]]
    assert "Tanggapan OPD" in header and "Tindak lanjut" in header
    assert ws.freeze_panes == "A2"
    budget = wb["Anggaran"]
    pagu_col = [c.value for c in budget[1]].index("Pagu") + 1
    numbers = [budget.cell(row=r, column=pagu_col).value for r in range(2, budget.max_row + 1)]
    assert any(isinstance(v, (int, float)) for v in numbers)
    assert not any(isinstance(v, str) for v in numbers if v is not None)


def test_pages_without_text_say_how_to_enable_ocr(tmp_path, monkeypatch):
    import pypdfium2 as pdfium

    monkeypatch.setenv("LAKIP_OCR", "off")
    page = pdfium.PdfDocument(str(SAMPLES["pdf"]))[29].render(scale=1.5).to_pil().convert("RGB")
    scanned = tmp_path / "pindaian.pdf"
    page.save(scanned, resolution=108)
    result = check_file(scanned, Settings())
    data = json.loads(json_report.render(result, "id"))
    assert data["coverage"]["pages_without_text"] == [1]
    assert any("tesseract-ocr" in note and "perlu OCR" in note for note in data["coverage"]["notes"])
    assert "tesseract-ocr" in text_report.render(result, "en") and "need OCR" in text_report.render(result, "en")
