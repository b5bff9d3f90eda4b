"""The reviu working paper (Kertas Kerja Reviu) as XLSX: Matriks Kriteria, Catatan Reviu, LKE Komponen 3, history.

Written to a temporary file beside the target and moved over it, so a failed write never leaves half a
paper; an existing paper is merged (report.kkr_merge), never overwritten blindly.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Optional

from lakip.report import kkr_merge, lke, reviu_text
from lakip.report.json_report import no_text_message
from lakip.report.kkr_layout import (COLUMNS, HIDDEN, HISTORY_COLUMNS, HISTORY_HEADERS, LKE_COLUMNS,
                                     LKE_HEADERS, LKE_WIDTHS, MARKER, RECHECK, WIDTHS, header, sheet_name)
from lakip.report.reviu_matrix import STATUS_ORDER, FindingRow, Matrix, UnsurRow, status_label
from lakip.rules import registry

TITLE_ROWS = 3
FILLS = {"unsur": "DDE3EA", "head": "B7C4D3", "resolved": "E2EFDA", "new": "FFF2CC"}


def _l(lang: str, id_text: str, en_text: str) -> str:
    """One of two texts by language."""
    return en_text if lang == "en" else id_text


def _unsur_cells(row: UnsurRow, matrix: Matrix, lang: str, d: kkr_merge.Decision) -> dict[str, Any]:
    """The cells of an unsur row."""
    return {"no": row.number, "aspek": reviu_text.aspek_name(row, lang), "unsur": row.unsur.text(lang),
            "kondisi": reviu_text.kondisi_unsur(row, matrix, lang), "kriteria": reviu_text.kriteria_unsur(row, lang),
            "sebab": "", "akibat": "", "rekomendasi": "", "status": d.status, "bukti": reviu_text.bukti_unsur(row, lang),
            "catatan": d.catatan, "ulang": d.recheck, "key": f"unsur:{row.unsur.key}", "unsur_key": row.unsur.key,
            "auto": row.status, "_kind": "unsur"}


def _finding_cells(fr: FindingRow, row: UnsurRow, lang: str, d: kkr_merge.Decision) -> dict[str, Any]:
    """The cells of a finding row: Kondisi from its message and place, the rule's reviu texts, its status."""
    f = fr.finding
    return {"no": fr.number, "aspek": reviu_text.aspek_name(row, lang), "unsur": row.unsur.text(lang),
            "kondisi": reviu_text.kondisi(fr, lang),
            "kriteria": reviu_text.rule_text(f, "kriteria", lang) + f" [{f.rule} {f.slug}]",
            "sebab": reviu_text.sebab(f, lang), "akibat": reviu_text.rule_text(f, "akibat", lang),
            "rekomendasi": reviu_text.rule_text(f, "rekomendasi", lang), "status": d.status,
            "bukti": reviu_text.bukti(f, lang), "catatan": d.catatan, "ulang": d.recheck, "key": fr.key,
            "unsur_key": row.unsur.key, "auto": fr.status,
            "_kind": "new" if d.recheck in RECHECK["new"] else "finding"}


def matrix_rows(matrix: Matrix, lang: str, previous: Optional[kkr_merge.Previous]) -> list[dict[str, Any]]:
    """Every row of the Matriks Kriteria: each unsur, its findings, then its resolved findings; added rows last."""
    old = previous.by_key() if previous is not None else {}
    current = {f.key for f in matrix.findings}
    gone = kkr_merge.resolved(previous, current)
    out: list[dict[str, Any]] = []
    for row in matrix.rows:
        key = f"unsur:{row.unsur.key}"
        d = kkr_merge.decide(key, row.status, previous, old, lang)
        out.append(kkr_merge.keep_edits(_unsur_cells(row, matrix, lang, d), old.get(key)))
        for fr in row.findings:
            d = kkr_merge.decide(fr.key, fr.status, previous, old, lang)
            out.append(kkr_merge.keep_edits(_finding_cells(fr, row, lang, d), old.get(fr.key)))
        extra = [r for r in gone if r.get("unsur_key") == row.unsur.key]
        for i, old_row in enumerate(extra, start=len(row.findings) + 1):
            values = kkr_merge.resolved_values(old_row, lang)
            values.update({"no": f"{row.number}.{i}", "_kind": "resolved"})
            out.append(values)
    placed = {r.get("unsur_key") for r in gone} - {row.unsur.key for row in matrix.rows}
    for old_row in (r for r in gone if r.get("unsur_key") in placed):
        out.append({**kkr_merge.resolved_values(old_row, lang), "_kind": "resolved"})
    for old_row in (previous.extra if previous is not None else ()):
        out.append({**{c: old_row.get(c) for c in COLUMNS}, "_kind": "finding"})
    return out


def _title(ws: Any, text: str, sub: str) -> None:
    """The two title lines above a sheet's header."""
    from openpyxl.styles import Font

    ws.cell(row=1, column=1, value=text).font = Font(bold=True, size=13)
    ws.cell(row=2, column=1, value=sub).font = Font(italic=True)


def _header(ws: Any, row: int, titles: list[str], widths: list[int]) -> None:
    """A bold, filled, wrapped header row and the column widths."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for col, (title, width) in enumerate(zip(titles, widths), start=1):
        cell = ws.cell(row=row, column=col, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=FILLS["head"])
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width


def _print_setup(ws: Any, head: int) -> None:
    """Landscape A4, fitted to the page width, header row repeated, frozen below the header."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{head}:{head}"
    ws.freeze_panes = ws.cell(row=head + 1, column=2)


def row_height(values: dict[str, Any], limit: int = 40) -> float:
    """A row height (points) that shows its wrapped text: the most lines any visible cell needs."""
    lines = 1
    for col in COLUMNS:
        if col in HIDDEN or not values.get(col):
            continue
        per_line = max(WIDTHS[col] * 1.15, 1)
        need = sum(max(1, -(-len(part) // int(per_line))) for part in str(values[col]).split("\n"))
        lines = max(lines, need)
    return 13.0 * min(lines, limit) + 3


def _matrix_sheet(ws: Any, matrix: Matrix, rows: list[dict[str, Any]], lang: str) -> None:
    """The Matriks Kriteria sheet with the status list and the hidden key columns."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    doc = matrix.result.facts.doc
    _title(ws, _l(lang, "KERTAS KERJA REVIU LAPORAN KINERJA", "REVIU WORKING PAPER — LAPORAN KINERJA")
           + f" — {doc.instansi or '-'} {doc.tahun or ''}".rstrip(),
           _l(lang, f"Dokumen: {Path(matrix.result.facts.path).name} · {matrix.kind_id} · disusun oleh lakip; "
                    "Status dan Catatan Pemeriksa dapat diubah pemeriksa dan dipertahankan saat diperiksa ulang.",
              f"Document: {Path(matrix.result.facts.path).name} · {matrix.kind_en} · drafted by lakip; the inspector "
              "may change Status and notes, which are kept when the report is checked again."))
    head = TITLE_ROWS
    _header(ws, head, [header(c, lang) for c in COLUMNS], [WIDTHS[c] for c in COLUMNS])
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(rows, start=head + 1):
        kind = values.get("_kind")
        for c, col in enumerate(COLUMNS, start=1):
            cell = ws.cell(row=r, column=c, value=values.get(col) if values.get(col) != "" else None)
            cell.alignment = wrap
            if kind == "unsur":
                cell.fill = PatternFill("solid", fgColor=FILLS["unsur"])
                if col in ("no", "unsur", "status"):
                    cell.font = Font(bold=True)
            elif kind in ("resolved", "new"):
                cell.fill = PatternFill("solid", fgColor=FILLS[kind])
        ws.row_dimensions[r].height = row_height(values)
    labels = ",".join(status_label(s, lang) for s in STATUS_ORDER)
    dv = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True, showDropDown=False)
    dv.error = _l(lang, "Pilih salah satu status dari daftar.", "Choose one status from the list.")
    dv.prompt = _l(lang, "Status dapat diubah pemeriksa.", "The inspector may change the status.")
    ws.add_data_validation(dv)
    status_col = get_column_letter(COLUMNS.index("status") + 1)
    dv.add(f"{status_col}{head + 1}:{status_col}{max(head + len(rows), head + 1) + 200}")
    for col in HIDDEN:
        ws.column_dimensions[get_column_letter(COLUMNS.index(col) + 1)].hidden = True
    ws.auto_filter.ref = f"A{head}:{get_column_letter(len(COLUMNS) - len(HIDDEN))}{head + len(rows)}"
    _print_setup(ws, head)


def notes_lines(matrix: Matrix, lang: str) -> list[tuple[str, str]]:
    """The Catatan Reviu: the document, what was checked, what could not be, and what is left to the inspector."""
    res = matrix.result
    facts, outcome = res.facts, res.outcome
    lines = [(_l(lang, "Dokumen", "Document"), str(facts.path)), ("SHA-256", facts.sha256),
             (_l(lang, "Instansi / tahun", "Instansi / year"), f"{facts.doc.instansi or '-'} / {facts.doc.tahun or '-'}"),
             (_l(lang, "Jenis dokumen", "Document kind"), matrix.kind_en if lang == "en" else matrix.kind_id),
             (_l(lang, "Halaman", "Pages"), str(facts.pages))]
    if not matrix.applicable:
        lines.append((_l(lang, "Keberlakuan", "Applicability"),
                      _l(lang, "Dokumen ini bukan LKjIP: aspek Format, Mekanisme Penyusunan dan Substansi reviu LKj "
                               "tidak berlaku; temuan yang ada tetap dicantumkan.",
                         "This document is not an LKjIP: the Format, Mekanisme Penyusunan and Substansi aspects of the "
                         "LKj reviu do not apply; its findings are still listed.")))
    tables = facts.tables
    lines.append((_l(lang, "Tabel", "Tables"), _l(lang, f"{len(tables)} ditemukan, {sum(t.readable for t in tables)} "
                                                        "terbaca", f"{len(tables)} found, {sum(t.readable for t in tables)} read")))
    lines.append((_l(lang, "Aturan dijalankan", "Rules run"), ", ".join(outcome.rules_run) or "-"))
    for n in outcome.rules_not_run:
        lines.append((_l(lang, f"Tidak dijalankan: {n.rule}", f"Not run: {n.rule}"), n.why(lang)))
    cross = ", ".join(e.rule.code for e in registry.CROSS_RULES)
    lines.append((_l(lang, "Aturan lintas laporan", "Cross-report rules"),
                  _l(lang, f"{cross}: hanya dijalankan oleh lakip batch atas beberapa laporan.",
                     f"{cross}: only run by lakip batch over several reports.")))
    if facts.pages_without_text:
        lines.append((_l(lang, "Halaman tanpa teks", "Pages without text"), no_text_message(facts, lang)))
    open_items = [f"{r.number} {r.unsur.text(lang)}" for r in matrix.rows if not r.status]
    lines.append((_l(lang, "Perlu diperiksa pemeriksa", "For the inspector"), "\n".join(open_items) or "-"))
    counts = {s: sum(1 for f in outcome.findings if f.severity == s) for s in ("error", "warning", "info")}
    lines.append((_l(lang, "Temuan", "Findings"), _l(lang, f"{counts['error']} galat, {counts['warning']} peringatan, "
                                                          f"{counts['info']} info", f"{counts['error']} errors, "
                                                          f"{counts['warning']} warnings, {counts['info']} info")))
    lines.append((_l(lang, "Keyakinan", "Assurance"),
                  _l(lang, "lakip memeriksa konsistensi internal dokumen; kesimpulan reviu tetap pada pemeriksa.",
                     "lakip checks the document's internal consistency; the reviu's conclusions remain the "
                     "inspector's.")))
    return lines


def _simple_sheet(ws: Any, title: str, headers: list[str], widths: list[int], rows: Iterable[list[Any]],
                  head: int = 1) -> int:
    """A plain sheet: header, wrapped rows; returns the number of rows written."""
    from openpyxl.styles import Alignment

    if head > 1:
        _title(ws, title, "")
    _header(ws, head, headers, widths)
    n = 0
    for n, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            ws.cell(row=head + n, column=c, value=value).alignment = Alignment(wrap_text=True, vertical="top")
    _print_setup(ws, head)
    return n


def _lke_rows(matrix: Matrix, lang: str, previous: Optional[kkr_merge.Previous]) -> list[list[Any]]:
    """The LKE component 3 rows with lakip's proposals and the evaluator's kept answers and notes."""
    kept = kkr_merge.lke_answers(previous)
    rows = []
    for p in lke.proposals(matrix):
        answer, note = kept.get(p.code, (None, None))
        pages = ", ".join(map(str, p.pages))
        rows.append([p.code, p.kriteria, p.bobot, p.answer_label(lang), p.basis(lang),
                     (_l(lang, "hlm. ", "p. ") + pages) if pages else "", answer, note])
    return rows


def write(matrix: Matrix, path: Path, lang: str = "id", previous: Optional[kkr_merge.Previous] = None) -> dict[str, int]:
    """Write (or merge into) the working paper at ``path`` atomically; returns counts of new/kept/resolved findings."""
    from openpyxl import Workbook

    rows = matrix_rows(matrix, lang, previous)
    wb = Workbook()
    wb.properties.subject = MARKER
    wb.properties.title = _l(lang, "Kertas Kerja Reviu Laporan Kinerja", "Reviu working paper")
    wb.properties.creator = "lakip"
    ws = wb.active
    ws.title = sheet_name("matrix", lang)
    _matrix_sheet(ws, matrix, rows, lang)
    _simple_sheet(wb.create_sheet(sheet_name("notes", lang)), "", [_l(lang, "Hal", "Item"),
                  _l(lang, "Keterangan", "Detail")], [30, 110], ([a, b] for a, b in notes_lines(matrix, lang)))
    _simple_sheet(wb.create_sheet(sheet_name("lke", lang)),
                  _l(lang, "LKE Komponen 3 Pelaporan Kinerja — USULAN lakip untuk evaluator, bukan penilaian",
                     "LKE component 3 Pelaporan Kinerja — lakip's PROPOSALS for the evaluator, not a score"),
                  [header(c, lang, LKE_HEADERS) for c in LKE_COLUMNS], [LKE_WIDTHS[c] for c in LKE_COLUMNS],
                  _lke_rows(matrix, lang, previous), head=3)
    i = 1 if lang == "en" else 0
    counts = {k: sum(1 for r in rows if r.get("ulang") == RECHECK[k][i]) for k in RECHECK}
    history = list(previous.history) if previous is not None else []
    history.append((datetime.now().strftime("%Y-%m-%d %H:%M"), Path(matrix.result.facts.path).name,
                    matrix.result.facts.sha256, len(matrix.findings), counts["new"], counts["kept"], counts["resolved"]))
    _simple_sheet(wb.create_sheet(sheet_name("history", lang)), "",
                  [header(c, lang, HISTORY_HEADERS) for c in HISTORY_COLUMNS], [18, 40, 66, 10, 8, 8, 10],
                  (list(h) for h in history))
    replace_atomically(Path(path), wb.save)
    return counts


def replace_atomically(path: Path, save: Any) -> None:
    """Save through ``save(tmp)`` to a temporary file beside ``path``, then move it over ``path``."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=".lakip-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        save(tmp)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
