"""Rerunning lakip reviu on a corrected report merges into the working paper the inspector edited."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from openpyxl import Workbook, load_workbook

from conftest import REPO
from lakip.cli.main import cli
from lakip.config import Settings
from lakip.pipeline import check_file

SAMPLE_DOCX = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.docx"
WRONG_NIP, RIGHT_NIP = "19730121 199903 1 007", "19720121 199903 1 007"


def reviu(*args: str) -> tuple[int, str]:
    """Run lakip reviu; the exit code and output."""
    res = CliRunner().invoke(cli, ["reviu", *args])
    return res.exit_code, res.output


def sheet_rows(path: Path) -> tuple[object, list[str], int]:
    """The matrix sheet, its headers and the header row number."""
    wb = load_workbook(path)
    ws = wb["Matriks Kriteria"]
    head = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == "No")
    return wb, [c.value for c in ws[head]], head


def rows_of(path: Path) -> list[dict]:
    """The matrix rows as dicts."""
    wb, headers, head = sheet_rows(path)
    return [dict(zip(headers, r)) for r in wb["Matriks Kriteria"].iter_rows(min_row=head + 1, values_only=True)
            if any(v is not None for v in r)]


def inspector_edits(path: Path) -> None:
    """What an inspector does in Excel: notes, a changed status, a row of their own."""
    wb, headers, head = sheet_rows(path)
    ws = wb["Matriks Kriteria"]
    col = {name: headers.index(name) + 1 for name in headers}
    for r in range(head + 1, ws.max_row + 1):
        kriteria = ws.cell(row=r, column=col["Kriteria"]).value or ""
        no = ws.cell(row=r, column=col["No"]).value
        if "[N603 " in kriteria:
            ws.cell(row=r, column=col["Catatan Pemeriksa"], value="Minta SK pengangkatan Camat")
        elif "[T302 " in kriteria:
            ws.cell(row=r, column=col["Status"], value="Terpenuhi dengan catatan")
            ws.cell(row=r, column=col["Catatan Pemeriksa"], value="Dibahas dengan OPD, IKU lama")
            ws.cell(row=r, column=col["Rekomendasi"], value="Menetapkan IKU baru dengan SK Camat.")
        elif no == "A.1":
            ws.cell(row=r, column=col["Catatan Pemeriksa"], value="Profil organisasi dicek")
        elif no == "B.1":
            ws.cell(row=r, column=col["Status"], value="Terpenuhi")            # the inspector saw the SK tim
    lke = wb["LKE Komponen 3"]
    for r in range(4, lke.max_row + 1):
        if lke.cell(row=r, column=1).value == "3.a.2":
            lke.cell(row=r, column=7, value="Ya")
            lke.cell(row=r, column=8, value="Laporan TW I-IV ada")
    extra = ws.max_row + 1
    ws.cell(row=extra, column=col["No"], value="P.1")
    ws.cell(row=extra, column=col["Kondisi"], value="Temuan tambahan pemeriksa: lampiran SK tim tidak ada")
    wb.save(path)


def fix_nip(src: Path, dst: Path) -> None:
    """The report with the signatory's mistyped NIP corrected (one N603 error fixed)."""
    doc = Document(str(src))
    fixed = 0
    for p in doc.paragraphs:
        for run in p.runs:
            if WRONG_NIP in run.text:
                run.text = run.text.replace(WRONG_NIP, RIGHT_NIP)
                fixed += 1
    assert fixed == 1
    doc.save(str(dst))


def test_rerun_on_corrected_report_keeps_the_inspectors_work(tmp_path):
    report = tmp_path / "laporan.docx"
    shutil.copy(SAMPLE_DOCX, report)
    paper = tmp_path / "kertas-kerja.xlsx"
    assert reviu(str(report), "--out", str(paper))[0] == 1
    before = rows_of(paper)
    assert sum(1 for r in before if "[N603 " in (r["Kriteria"] or "")) == 1
    before_t302 = next(r for r in before if "[T302 " in (r["Kriteria"] or ""))
    inspector_edits(paper)

    fix_nip(report, report)
    after_findings = check_file(report, Settings()).outcome.findings
    assert not any(f.rule == "N603" for f in after_findings)
    code, out = reviu(str(report), "--out", str(paper))
    assert code == 1 and "1 selesai ditindaklanjuti" in out
    rows = rows_of(paper)
    n603 = [r for r in rows if "[N603 " in (r["Kriteria"] or "")]
    assert len(n603) == 1
    assert n603[0]["Pemeriksaan ulang"] == "selesai ditindaklanjuti"
    assert n603[0]["Status"] == "Selesai ditindaklanjuti"
    assert n603[0]["Catatan Pemeriksa"] == "Minta SK pengangkatan Camat"
    t302 = next(r for r in rows if "[T302 " in (r["Kriteria"] or ""))
    assert t302["Status"] == "Terpenuhi dengan catatan"                    # the inspector's status, not lakip's
    assert t302["Catatan Pemeriksa"] == "Dibahas dengan OPD, IKU lama" and t302["Pemeriksaan ulang"] == "tetap"
    assert t302["Rekomendasi"] == "Menetapkan IKU baru dengan SK Camat."              # an edited text is kept
    assert t302["Akibat"] == before_t302["Akibat"] and t302["Kondisi"] == before_t302["Kondisi"]
    assert next(r for r in rows if r["No"] == "A.1")["Catatan Pemeriksa"] == "Profil organisasi dicek"
    assert any((r["Kondisi"] or "").startswith("Temuan tambahan pemeriksa") for r in rows)
    assert next(r for r in rows if r["No"] == "B.1")["Status"] == "Terpenuhi"
    lke = {r[0]: r for r in load_workbook(paper)["LKE Komponen 3"].iter_rows(min_row=4, values_only=True)}
    assert lke["3.a.2"][6:8] == ("Ya", "Laporan TW I-IV ada")
    current = [r for r in rows if r["Kunci"] and not r["Kunci"].startswith("unsur:")
               and r["Pemeriksaan ulang"] != "selesai ditindaklanjuti"]
    assert len(current) == len(after_findings)
    assert {r["Pemeriksaan ulang"] for r in current} == {"tetap"}
    history = list(load_workbook(paper)["Riwayat Pemeriksaan"].iter_rows(min_row=2, values_only=True))
    assert len(history) == 2 and history[1][-1] == 1                     # one resolved in the second check

    assert reviu(str(report), "--out", str(paper))[0] == 1             # a third check changes nothing kept
    again = rows_of(paper)
    assert [r["Kunci"] for r in again] == [r["Kunci"] for r in rows]
    assert [r["Catatan Pemeriksa"] for r in again] == [r["Catatan Pemeriksa"] for r in rows]
    assert [r["Rekomendasi"] for r in again] == [r["Rekomendasi"] for r in rows]
    assert not list(tmp_path.glob(".lakip-*"))


def test_a_file_that_is_not_a_working_paper_is_never_overwritten(tmp_path):
    other = tmp_path / "anggaran.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Rekap anggaran 2024"
    wb.save(other)
    text = tmp_path / "catatan.xlsx"
    text.write_text("bukan excel", encoding="utf-8")
    for target in (other, text):
        before = target.read_bytes()
        code, out = reviu(str(SAMPLE_DOCX), "--out", str(target))
        assert code == 2 and "bukan kertas kerja reviu lakip" in out and "Traceback" not in out
        assert target.read_bytes() == before


def test_an_edited_lhr_draft_is_never_overwritten(tmp_path):
    lhr = tmp_path / "lhr.docx"
    assert reviu(str(SAMPLE_DOCX), "--lhr", str(lhr))[0] == 1
    assert reviu(str(SAMPLE_DOCX), "--lhr", str(lhr))[0] == 1           # an untouched draft is rewritten
    doc = Document(str(lhr))
    doc.add_paragraph("Catatan Inspektur: sudah dibahas.")
    doc.save(str(lhr))
    before = lhr.read_bytes()
    code, out = reviu(str(SAMPLE_DOCX), "--lhr", str(lhr))
    assert code == 2 and "tidak ditimpa" in out
    assert lhr.read_bytes() == before
