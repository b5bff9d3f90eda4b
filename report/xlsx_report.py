"""The Excel working paper (kertas kerja): findings, coverage, and the facts to re-check by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lakip.rules.runner import Result
from lakip.report.values import show
from lakip.rules.base import AREAS, Finding

HEADERS = {
    "id": {"Temuan": ["Kode", "Tingkat", "Area", "Subjek", "Uraian", "Nilai tertulis", "Nilai seharusnya",
                      "Halaman", "Tabel", "Baris", "Kolom", "Tanggapan OPD", "Tindak lanjut"],
           "Cakupan": ["Tabel", "Judul", "Halaman", "Peran", "Terbaca", "Dasar pengenalan"],
           "Aturan": ["Kode", "Dijalankan", "Alasan tidak dijalankan"],
           "Indikator": ["Sasaran", "Indikator", "Satuan", "Tahun", "Jenis", "Nilai", "Tertulis", "Tabel",
                         "Halaman", "Baris"],
           "Anggaran": ["Tabel", "Baris", "Tingkat", "Nama", "Unit", "Pagu", "Realisasi", "%", "Sisa", "Halaman"]},
    "en": {"Temuan": ["Code", "Severity", "Area", "Subject", "Description", "Stated value", "Expected value",
                      "Page", "Table", "Row", "Column", "OPD response", "Follow-up"],
           "Cakupan": ["Table", "Caption", "Pages", "Role", "Readable", "Recognised by"],
           "Aturan": ["Code", "Run", "Why not run"],
           "Indikator": ["Sasaran", "Indicator", "Unit", "Year", "Kind", "Value", "Printed", "Table", "Page", "Row"],
           "Anggaran": ["Table", "Row", "Level", "Name", "Unit", "Pagu", "Realisasi", "%", "Sisa", "Page"]},
}
SHEET_NAMES = {"id": ("Temuan", "Cakupan", "Aturan", "Indikator", "Anggaran"),
               "en": ("Findings", "Coverage", "Rules", "Indicators", "Budget")}
STATED_KEYS = ("stated", "printed", "stated_percent", "words_value")
EXPECTED_KEYS = ("computed", "expected", "computed_percent", "figure")


def _pick(values: dict[str, Any], keys: Sequence[str]) -> Any:
    """The first of ``keys`` present in ``values`` (numbers stay numbers)."""
    for k in keys:
        if k in values and values[k] is not None:
            return values[k]
    return None


def _cellable(value: Any, lang: str) -> Any:
    """A value Excel can hold: numbers as numbers, anything else as text."""
    if value is None or isinstance(value, (int, float, str)):
        return value
    return show(value, lang)


def finding_row(f: Finding, lang: str) -> list[Any]:
    """One finding as a row of the findings sheet."""
    first = f.locations[0] if f.locations else None
    values = dict(f.values)
    return [f.rule, f.severity, AREAS[f.area][1 if lang == "en" else 0], f.subject, f.message(lang),
            _cellable(_pick(values, STATED_KEYS), lang), _cellable(_pick(values, EXPECTED_KEYS), lang),
            first.page if first else None, first.table if first else None, first.row if first else None,
            first.column if first else None, "", ""]


def _sheet(wb: Workbook, title: str, headers: list[str], rows: Iterable[list[Any]], first: bool = False) -> None:
    """A sheet with a bold frozen header row, a filter and fitted column widths."""
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append(headers)
    for row in rows:
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE3EA")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for idx, column in enumerate(ws.columns, start=1):
        width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
        ws.column_dimensions[get_column_letter(idx)].width = min(max(10, width + 2), 70)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and len(cell.value) > 60:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
            elif isinstance(cell.value, int) and abs(cell.value) >= 1000:
                cell.number_format = "#,##0"


def write(result: Result, path: Path, lang: str = "id") -> Path:
    """Write the working paper to ``path``."""
    H = HEADERS[lang]
    names = SHEET_NAMES[lang]
    facts = result.facts
    wb = Workbook()
    _sheet(wb, names[0], H["Temuan"], (finding_row(f, lang) for f in result.outcome.findings), first=True)
    _sheet(wb, names[1], H["Cakupan"], ([x.table_id, x.caption, ", ".join(map(str, x.pages)), x.role,
                                         x.readable, ", ".join(x.why)] for x in facts.tables))
    ran = [[c, True, ""] for c in result.outcome.rules_run]
    ran += [[n.rule, False, n.why(lang)] for n in result.outcome.rules_not_run]
    _sheet(wb, names[2], H["Aturan"], ran)
    _sheet(wb, names[3], H["Indikator"], ([i.sasaran, i.indikator, i.satuan, i.year, i.kind, i.figure.value,
                                           i.figure.text, i.source.table, i.source.page, i.source.row]
                                          for i in facts.indicators))
    _sheet(wb, names[4], H["Anggaran"], ([b.source.table or b.table_id, b.row, b.level, b.name, b.unit,
                                          b.pagu.value if b.pagu else None,
                                          b.realisasi.value if b.realisasi else None,
                                          b.percent.value if b.percent else None,
                                          b.sisa.value if b.sisa else None, b.source.page]
                                         for b in facts.budget))
    wb.save(path)
    return path
