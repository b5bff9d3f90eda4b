"""Read indicator values (targets, realisasi, capaian) out of every indicator-bearing table.

One ``IndicatorFact`` per printed value: which indicator (and sasaran) it is
about, the year, whether it is a target, a realisasi or a capaian, the figure
as printed, and where it was printed. The columns are understood through
``roles.column_specs``: ``Target Capaian Setiap Tahun / 2025`` is a 2025 target,
``Tahun 2023 / Realisasi Kinerja`` a 2023 realisasi, a bare ``Target`` the
report's year. Money columns in the same table (``Keuangan / Realisasi``) are
left to the budget extraction. A value that should be a number and is not
becomes a ``SchemaFailure``; it never stops the extraction.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from lakip.ingest.captions import is_title_line, table_label
from lakip.values.figures import parse_figure
from lakip.ingest.model import Cell, Document, Table
from lakip.schemas.facts import (
    KIND_CAPAIAN, KIND_REALISASI, KIND_TARGET, ROLE_ANALYSIS, ROLE_CAPAIAN, ROLE_COMPARISON,
    ROLE_EFFICIENCY, ROLE_PK_INDICATORS, ROLE_PROGRAM_ANALYSIS, ROLE_RENSTRA, ROLE_RENSTRA_COMPARISON,
    ROLE_SUMMARY, IndicatorFact, SchemaFailure, Source, TableInfo,
)
from lakip.schemas.names import name_similarity, normalize_unit
from lakip.schemas.roles import ColumnSpec, column_specs, is_money_column, read_value

INDICATOR_ROLES = (
    ROLE_RENSTRA, ROLE_PK_INDICATORS, ROLE_CAPAIAN, ROLE_COMPARISON, ROLE_RENSTRA_COMPARISON,
    ROLE_ANALYSIS, ROLE_EFFICIENCY, ROLE_PROGRAM_ANALYSIS, ROLE_SUMMARY,
)
"""Roles of the tables that carry indicator values."""

_YEAR_TARGET_ROLES = (ROLE_RENSTRA, ROLE_RENSTRA_COMPARISON, ROLE_PK_INDICATORS)
_KINDS = {"target": KIND_TARGET, "realisasi": KIND_REALISASI, "capaian": KIND_CAPAIAN}
_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,2}[.)]?|[a-z][.)])\s+(?=\S)", re.I)
_ONLY_NUMBER = re.compile(r"^\s*\(?\d{1,3}[.)]?\s*$")
_AGGREGATE = re.compile(r"^\s*(jumlah|total|rata\s*-?\s*rata|rerata)\s*(capaian|kinerja)?\s*[:.]?\s*$", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_SIGNATURE = re.compile(r"^(nip|pembina|penata|pengatur|juru)\b", re.I)
TUJUAN_SIMILARITY = 0.9
"""A sasaran cell this similar to a tujuan printed elsewhere is the tujuan, not a sasaran."""


@dataclass(frozen=True)
class _Layout:
    """Which columns of one table hold what."""

    indikator: int
    sasaran: Optional[int]
    tujuan: Optional[int]
    satuan: Optional[int]
    values: tuple[tuple[ColumnSpec, str, Optional[int]], ...]
    """(column, kind, year) for every value column."""


def clean_name(text: str) -> str:
    """An indicator or sasaran as written, without leading numbering ('1 Persentase …' → 'Persentase …')."""
    t = " ".join(text.split())
    if _ONLY_NUMBER.match(t):
        return ""
    return _NUMBERING.sub("", t).strip()


def _title_above(doc: Document, table: Table, max_lines: int = 3) -> list[str]:
    """The short title lines printed directly above a table (no text or table between)."""
    by_order = {b.order: b.text for b in doc.blocks}
    lines: list[str] = []
    order = table.order - 1
    while order in by_order and len(lines) < max_lines:
        text = " ".join(by_order[order].split()).strip("* ")
        if not is_title_line(text) or len(text) > 80 or _SIGNATURE.match(text):
            break
        lines.insert(0, text)
        order -= 1
    return lines


def table_name(doc: Document, table: Table) -> Optional[str]:
    """How a finding names the table: 'Tabel 3.7', else its title lines or caption, else the page it starts on
    ('tabel hlm. 14': a reader finds it there, an internal id would tell them nothing)."""
    label = table_label(table.caption or "")
    if label:
        return f"Tabel {label}"
    lines = _title_above(doc, table)
    if table.caption and (not lines or " ".join(table.caption.split()) not in " ".join(lines)):
        lines = [" ".join(table.caption.split())]
    name = " ".join(lines)
    if not name:
        return f"tabel hlm. {table.first_page}" if table.first_page is not None else None
    return name if len(name) <= 100 else name[:97] + "..."


def _year_from_caption(table: Table) -> Optional[int]:
    """A year named in the caption ('… Tahun 2024'), if exactly one."""
    years = set(_YEAR.findall(table.caption or ""))
    return int(years.pop()) if len(years) == 1 else None


def infer_year(doc: Document, infos: Sequence[TableInfo]) -> Optional[int]:
    """The reporting year as the indicator tables show it: the commonest year of a realisasi column."""
    years: Counter[int] = Counter()
    for table, info in zip(doc.tables, infos):
        if info.role not in INDICATOR_ROLES:
            continue
        for s in column_specs(table):
            if s.kind in ("realisasi", "capaian") and s.year and not s.money:
                years[s.year] += 1
    return years.most_common(1)[0][0] if years else None


def _first(specs: Sequence[ColumnSpec], kind: str) -> Optional[int]:
    """Index of the first column of a kind, or None."""
    return next((s.index for s in specs if s.kind == kind), None)


def _layout(table: Table, role: str, year: Optional[int]) -> Optional[_Layout]:
    """The column layout of an indicator table, or None when it has no indicator column."""
    specs = column_specs(table)
    ind = _first(specs, "indikator")
    if ind is None:
        return None
    values = []
    has_capaian = any(s.kind == "capaian" for s in specs)
    for s in specs:
        kind = s.kind
        if kind == "year":
            kind = "target" if role in _YEAR_TARGET_ROLES else ""
        if kind == "percent" and not has_capaian and role != ROLE_EFFICIENCY:
            kind = "capaian"
        if kind not in _KINDS or s.money or is_money_column(table, s.index):
            continue
        values.append((s, _KINDS[kind], s.year or year))
    return _Layout(ind, _first(specs, "sasaran"), _first(specs, "tujuan"), _first(specs, "satuan"), tuple(values))


def _is_number(text: str) -> bool:
    """Whether a cell prints a number or a range."""
    fig = parse_figure(text)
    return fig.value is not None or fig.kind == "range"


def realign(row: tuple[Cell, ...], value_cols: Sequence[int]) -> tuple[Cell, ...]:
    """The row with its cells moved left when an export shifted them right by one or two columns.

    A shift is taken only when it puts more numbers under the value columns
    and the cells it drops on the left are blank or mere numbering.
    """
    def numbers(k: int) -> int:
        """How many value columns hold a number when the row is shifted by k."""
        return sum(1 for c in value_cols if c + k < len(row) and _is_number(row[c + k].text))

    best = 0
    for k in (1, 2):
        dropped_blank = all(not c.text.strip() or _ONLY_NUMBER.match(c.text) for c in row[:k])
        if dropped_blank and numbers(k) > numbers(best):
            best = k
    if not best:
        return row
    pad = tuple(Cell("", row[-1].page) for _ in range(best))
    return row[best:] + pad


def _cell(row: tuple[Cell, ...], col: Optional[int]) -> str:
    """Text of a cell, or '' for a missing column."""
    return row[col].text.strip() if col is not None and col < len(row) else ""


def _is_column_numbers(row: tuple[Cell, ...]) -> bool:
    """Whether a body row only numbers the columns ('1 2 3 4 …' or '(1) (2) …')."""
    texts = [c.text.strip() for c in row if c.text.strip()]
    return len(texts) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in texts)


def _tujuan_texts(doc: Document) -> tuple[str, ...]:
    """Every text printed in a 'Tujuan' column of any table."""
    out = []
    for table in doc.tables:
        col = _first(column_specs(table), "tujuan")
        if col is None:
            continue
        for row in table.rows:
            t = clean_name(_cell(row, col))
            if t and t not in out:
                out.append(t)
    return tuple(out)


def _is_tujuan(text: str, tujuan: Sequence[str]) -> bool:
    """Whether a sasaran cell actually prints a tujuan."""
    return any(name_similarity(text, t) >= TUJUAN_SIMILARITY for t in tujuan)


@dataclass(frozen=True)
class _TableContext:
    """What one table's facts share."""

    table: Table
    info: TableInfo
    layout: _Layout
    name: Optional[str]
    tujuan: tuple[str, ...]


def _row_unit(row: tuple[Cell, ...], lay: _Layout) -> tuple[Optional[str], Optional[str]]:
    """(satuan as printed, normalised unit) of a row; '%' from the figures when no satuan column."""
    satuan = _cell(row, lay.satuan)
    if satuan:
        return satuan, normalize_unit(satuan)
    for spec, kind, _ in lay.values:
        if kind != KIND_CAPAIAN and parse_figure(_cell(row, spec.index)).is_percent:
            return None, "%"
    return None, None


def _source(ctx: _TableContext, row_no: int, cell: Cell, column: str) -> Source:
    """Where one value was printed."""
    page = cell.page if cell.page is not None else ctx.table.first_page
    return Source(page=page, table=ctx.name, table_id=ctx.table.id, row=row_no, column=column,
                  text=cell.text, bbox=cell.bbox)


def _row_facts(ctx: _TableContext, row: tuple[Cell, ...], row_no: int, indikator: str,
               sasaran: Optional[str], position: int) -> tuple[list[IndicatorFact], list[SchemaFailure]]:
    """The facts of one indicator row, and the cells that were not numbers."""
    facts, failures = [], []
    satuan, unit = _row_unit(row, ctx.layout)
    for spec, kind, year in ctx.layout.values:
        if spec.index >= len(row):
            continue
        cell = row[spec.index]
        fig, word = read_value(cell.text)
        if word and not satuan and kind != KIND_CAPAIAN:
            satuan, unit = word, normalize_unit(word)
        if fig.kind == "text":
            failures.append(SchemaFailure(ctx.table.id, f"{kind} harus berupa angka", spec.label, row_no, cell.text))
            continue
        facts.append(IndicatorFact(
            indikator=indikator, kind=kind, figure=fig, role=ctx.info.role,
            source=_source(ctx, row_no, cell, spec.label), sasaran=sasaran, satuan=satuan, unit=unit,
            year=year, position=position,
        ))
    return facts, failures


def table_indicators(ctx: _TableContext) -> tuple[list[IndicatorFact], list[SchemaFailure]]:
    """Every indicator value of one table, with sasaran carried down over merged cells."""
    lay = ctx.layout
    value_cols = [s.index for s, _, _ in lay.values]
    facts: list[IndicatorFact] = []
    failures: list[SchemaFailure] = []
    sasaran: Optional[str] = None
    position = 0
    for row_no, raw in enumerate(ctx.table.rows, start=1):
        if _is_column_numbers(raw):
            continue
        row = realign(raw, value_cols)
        indikator = clean_name(_cell(row, lay.indikator))
        sas_text = clean_name(_cell(row, lay.sasaran))
        if clean_name(_cell(row, lay.tujuan)):
            sasaran = None
        if sas_text:
            sasaran = None if _is_tujuan(sas_text, ctx.tujuan) else sas_text
        has_values = any(_cell(row, c) for c in value_cols)
        if not has_values or _AGGREGATE.match(indikator):
            continue
        if not indikator and not sas_text:
            continue
        row_facts, row_failures = _row_facts(ctx, row, row_no, indikator, sasaran, position)
        facts += row_facts
        failures += row_failures
        position += 1
    return facts, failures


def extract_indicators(doc: Document, infos: Sequence[TableInfo], year: Optional[int] = None
                       ) -> tuple[tuple[IndicatorFact, ...], tuple[SchemaFailure, ...]]:
    """Indicator facts from every readable indicator-bearing table, and the values that broke the schema."""
    fallback = year or infer_year(doc, infos)
    tujuan = _tujuan_texts(doc)
    facts: list[IndicatorFact] = []
    failures: list[SchemaFailure] = []
    for table, info in zip(doc.tables, infos):
        if info.role not in INDICATOR_ROLES or not info.readable:
            continue
        lay = _layout(table, info.role, _year_from_caption(table) or fallback)
        if lay is None:
            failures.append(SchemaFailure(table.id, "tabel indikator tanpa kolom indikator", None, None, None))
            continue
        ctx = _TableContext(table, info, lay, table_name(doc, table), tujuan)
        f, bad = table_indicators(ctx)
        facts += f
        failures += bad
    return tuple(facts), tuple(failures)
