"""Budget lines: one ``BudgetLine`` per row of every budget table of a report.

Tables come from their role (``schemas.roles``): the program > kegiatan > sub
kegiatan realisation table (budget_hierarchy), per-unit tables with their
"Jumlah" rows (unit_budget), the Perjanjian Kinerja program budget (pk_budget,
and a PK indicator table that also carries a program and its anggaran), the
program analysis table (program_analysis) and the efficiency table
(efficiency). Columns are read by meaning (``roles.column_specs``), the nesting
by ``schemas.hierarchy``, the figures by ``ingest.figures.parse_figure``.

Conventions a rule can rely on:

* ``pagu``/``realisasi``/``percent``/``sisa`` are the figures printed on the
  row; ``percent`` is realisasi as a % of pagu, except on ``efisiensi`` lines.
* An ``efisiensi`` line ("Jumlah efisiensi …", "Sisa anggaran", or a row of the
  efficiency table) states a remainder: ``sisa`` is its amount, ``percent`` its
  efisiensi %. Its ``parent`` is the row it is the remainder of (the "Jumlah"
  row above it). On an efficiency-table row the penyerapan % is printed on the
  same row; BudgetLine has no field for it, so it is kept as the cell
  ``"penyerapan"`` and read with :func:`penyerapan`.
* Rows of a per-unit table, or below a unit row ("Kelurahan …", "KECAMATAN …"),
  carry ``unit``: their programs are that unit's share, never the whole program.
* A table with amounts per period (Triwulan I … IV) gives one set of lines per
  period, each in a table id of its own and without keys (``schemas.periods``);
  the year's lines are kept only when the table also prints the year's amounts.
* ``key`` is "<level>:<normalised name>", the same for the same program,
  kegiatan or sub kegiatan in every table (names matched with rapidfuzz,
  :func:`name_score`); two different names of one table never share a key. A
  line whose level the layout could not establish has no key.

A figure cell that is not a number (check ``budget-not-a-number``) and a row
with figures but no name between named rows (``budget-row-without-name``)
become ``SchemaFailure`` values, never a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence


from lakip.ingest.captions import table_label
from lakip.values.figures import Figure, parse_figure
from lakip.ingest.model import Cell, Document, Table
from lakip.schemas import hierarchy, periods, readings, sasaran_budget
from lakip.schemas.budget_names import ENTITY_LEVELS, assign_keys, penyerapan
from lakip.schemas.facts import (
    LEVEL_EFISIENSI, LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_UNIT,
    ROLE_BUDGET, ROLE_EFFICIENCY,
    ROLE_PK_BUDGET, ROLE_PK_INDICATORS, ROLE_PROGRAM_ANALYSIS, ROLE_UNIT_BUDGET, BudgetLine, SchemaFailure,
    Source, TableInfo,
)
from lakip.schemas.names import strip_level_prefix
from lakip.values.text import normalize_text
from lakip.schemas.roles import ColumnSpec, clean_label, column_specs, is_money_column

# roles read for budget lines, in the order their names become entity keys
BUDGET_ROLES = (ROLE_BUDGET, ROLE_PROGRAM_ANALYSIS, ROLE_PK_BUDGET, ROLE_PK_INDICATORS, ROLE_UNIT_BUDGET,
                ROLE_EFFICIENCY)


@dataclass(frozen=True)
class Columns:
    """Which column of a budget table holds what (None when absent)."""

    name: Optional[int]
    markers: tuple[int, ...]  # other columns a row's number, code or name may stand in
    pagu: Optional[int] = None
    realisasi: Optional[int] = None
    percent: Optional[int] = None
    sisa: Optional[int] = None
    penyerapan: Optional[int] = None
    efisiensi: Optional[int] = None
    periods: tuple[periods.PeriodColumn, ...] = ()

    def field_cols(self) -> dict[str, int]:
        """Field name → column for the figure columns present (the year's, not the periods')."""
        return {k: v for k, v in vars(self).items() if k not in ("name", "markers", "periods") and v is not None}


def _nearest(cands: Sequence[int], anchor: Optional[int]) -> Optional[int]:
    """The candidate column nearest to the right of ``anchor`` (else the nearest), or the first."""
    if not cands:
        return None
    if anchor is None:
        return cands[0]
    right = [c for c in cands if c > anchor]
    return min(right) if right else min(cands, key=lambda c: abs(c - anchor))


def budget_columns(table: Table, role: str) -> Columns:
    """The name, numbering and figure columns of a budget table, from header meaning and cell shapes."""
    specs = column_specs(table)
    money = {s.index: s.money or is_money_column(table, s.index) for s in specs}

    def of(*kinds: str, want_money: Optional[bool] = None) -> list[int]:
        return [s.index for s in specs if s.kind in kinds and (want_money is None or money[s.index] == want_money)]

    pagu = _final_pagu(specs, of("pagu", want_money=True) or of("pagu"))
    real = _nearest(of("realisasi", want_money=True) or ([] if pagu is None else of("realisasi")), pagu)
    percent = _nearest(of("percent") or of("capaian", want_money=True), real if real is not None else pagu)
    sisa = _nearest(of("sisa") + of("efisiensi", want_money=True), real)
    name_kinds = ("indikator", "sasaran", "program") if role == ROLE_EFFICIENCY else ("program",)
    per = periods.period_columns(table, specs) if role in (ROLE_BUDGET, ROLE_UNIT_BUDGET) else ()
    figure_cols = [c for c in (pagu, real, percent, sisa) if c is not None] + [c.index for c in per]
    name = next((c for k in name_kinds for c in of(k)), None)
    if name is None:
        name = _wordiest_column(table, specs, min(figure_cols, default=table.n_cols))
    markers = tuple(s.index for s in specs if _is_marker_column(s, name, min(figure_cols, default=None)))
    return Columns(name=name, markers=markers, pagu=pagu, realisasi=real, percent=percent, sisa=sisa,
                   penyerapan=next(iter(of("penyerapan")), None),
                   efisiensi=next(iter(of("efisiensi", want_money=False)), None), periods=per)


_FINAL = re.compile(r"perubahan|setelah|pergeseran|dppa|p apbd|final|akhir")


def _final_pagu(specs: Sequence[ColumnSpec], cands: list[int]) -> Optional[int]:
    """The pagu column realisasi is measured against: the one after a budget change (Anggaran Perubahan,
    DPPA) when the table prints several, else the last."""
    final = [c for c in cands if _FINAL.search(normalize_text(specs[c].label))]
    return final[-1] if final else cands[-1] if cands else None


def _wordiest_column(table: Table, specs: Sequence[ColumnSpec], before: int) -> Optional[int]:
    """The column left of the figures whose cells hold the most letters ('Uraian', 'Nama', unlabelled)."""
    allowed = [s.index for s in specs if s.index < before and s.kind in ("text", "other", "program")]
    letters = {c: sum(sum(ch.isalpha() for ch in row[c].text) for row in table.rows if c < len(row)) for c in allowed}
    best = max(letters, key=lambda c: letters[c], default=None)
    return best if best is not None and letters[best] > 0 else None


def _is_marker_column(spec: ColumnSpec, name: Optional[int], first_figure: Optional[int]) -> bool:
    """Whether a column can hold row numbers, codes or a displaced name: No/Kode/unlabelled columns left of
    the name column, unlabelled columns between it and the figures."""
    if name is None or spec.index == name:
        return False
    label = normalize_text(spec.label)
    if spec.index > name:
        return spec.kind == "other" and not label and (first_figure is None or spec.index < first_figure)
    return spec.kind == "no" or label.startswith("kode") or (spec.kind == "other" and not label)


_ROLE_NAMES = {
    ROLE_PK_BUDGET: "Perjanjian Kinerja", ROLE_PK_INDICATORS: "Perjanjian Kinerja",
    ROLE_PROGRAM_ANALYSIS: "tabel analisis program", ROLE_BUDGET: "tabel realisasi anggaran",
    ROLE_UNIT_BUDGET: "tabel anggaran unit", ROLE_EFFICIENCY: "tabel efisiensi",
}


def table_name(table: Table, role: str) -> str:
    """How a location names the table: 'Tabel 3.8', else its caption, else what it is ('Perjanjian Kinerja')."""
    label = table_label(table.caption or "")
    if label:
        return f"Tabel {label}"
    return table.caption or _ROLE_NAMES.get(role, table.id)


def _source(table: Table, name: str, row: int, cell: Optional[Cell], column: Optional[str], text: str) -> Source:
    """The Source of one cell (or of a row, when ``cell`` is its name cell)."""
    page = cell.page if cell is not None and cell.page is not None else table.first_page
    return Source(page=page, table=name, table_id=table.id, row=row, column=column,
                  text=text, bbox=cell.bbox if cell is not None else None)


@dataclass(frozen=True)
class _Row:
    """One body row read: its shape for the hierarchy, its figures and their cells."""

    shape: hierarchy.RowShape
    figures: dict[str, Figure]
    cells: tuple[tuple[str, Source], ...]
    source: Source
    per_period: tuple[tuple[periods.PeriodColumn, Figure, Source], ...] = ()


def _name_and_marker(row: Sequence[Cell], cols: Columns) -> tuple[str, Optional[int], Optional[str], Optional[int]]:
    """(name, its column, numbering/code, its column) of a row; a number may sit in the name column."""
    name, name_col, marker, marker_col = "", None, None, None
    order = sorted(set(cols.markers) | ({cols.name} if cols.name is not None else set()))
    for c in order:
        text = row[c].text.strip() if c < len(row) else ""
        if not text:
            continue
        if hierarchy.is_marker(text):
            if marker is None or hierarchy.is_code(text) or not hierarchy.is_code(marker):
                marker, marker_col = text, c
        elif not name or c == cols.name:
            name, name_col = text, c
    lead, rest = hierarchy.split_marker(name)
    if lead and (marker is None or hierarchy.is_code(lead)):
        marker, marker_col, name = lead, name_col, rest
    return name, name_col, marker, marker_col


def _read_row(table: Table, tname: str, r: int, cols: Columns, labels: Sequence[str],
              failures: list[SchemaFailure]) -> _Row:
    """Read one body row (1-based ``r``): name, numbering, figures; unreadable figures become failures."""
    row = table.rows[r - 1]
    name, name_col, marker, marker_col = _name_and_marker(row, cols)
    figures: dict[str, Figure] = {}
    cells: list[tuple[str, Source]] = []
    per_period: list[tuple[periods.PeriodColumn, Figure, Source]] = []
    for fname, c in list(cols.field_cols().items()) + [(p, p.index) for p in cols.periods]:
        text = row[c].text.strip() if c < len(row) else ""
        if not text:
            continue
        fig = parse_figure(text)
        if fig.value is None and fig.kind != "empty":
            failures.append(SchemaFailure(table.id, "budget-not-a-number", labels[c], r, text))
            continue
        src = _source(table, tname, r, row[c], labels[c], text)
        if isinstance(fname, periods.PeriodColumn):
            per_period.append((fname, fig, src))
        else:
            figures[fname] = fig
            cells.append((fname, src))
    by_period = {p: fig for p, fig, _ in per_period}
    name_cell = row[name_col] if name_col is not None else (row[0] if row else None)
    source = _source(table, tname, r, name_cell, labels[name_col] if name_col is not None else None, name)
    shape = hierarchy.RowShape(
        row=r, name=name, marker=marker, marker_col=marker_col, name_col=name_col,
        indent=name_cell.bbox[0] if name_cell is not None and name_cell.bbox else None,
        pagu=_amount_value(figures.get("pagu")), realisasi=_amount_value(figures.get("realisasi")),
        has_figures=any(f.value is not None for f in [*figures.values(), *by_period.values()]),
        amounts=tuple(_amount_value(by_period.get(p)) for p in cols.periods))
    return _Row(shape, figures, tuple(cells), source, tuple(per_period))


def _amount_value(fig: Optional[Figure]) -> Optional[float]:
    """An amount for the arithmetic of the hierarchy: ``-`` is zero."""
    if fig is None:
        return None
    return 0.0 if fig.kind == "empty" else fig.value


def header_levels(label: str) -> tuple[str, ...]:
    """The levels a name column's header speaks of, highest first ('Program/Kegiatan' → program, kegiatan)."""
    norm = normalize_text(label)
    found = []
    if "program" in norm:
        found.append(LEVEL_PROGRAM)
    if re.search(r"(?<!sub )\bkegiatan", norm):
        found.append(LEVEL_KEGIATAN)
    if "sub kegiatan" in norm or "subkegiatan" in norm:
        found.append(LEVEL_SUBKEGIATAN)
    return tuple(found)


def _remainder(row: _Row) -> tuple[dict[str, Optional[Figure]], tuple[tuple[str, Source], ...]]:
    """Fields and cells of a remainder row: its efisiensi % is the percent; an amount printed under
    'Realisasi' with no pagu beside it is the sisa."""
    f = row.figures
    moved = "sisa" not in f and "realisasi" in f and "pagu" not in f
    rename = {"efisiensi": "percent", "percent": "percent_other" if "efisiensi" in f else "percent",
              "realisasi": "sisa" if moved else "realisasi"}
    fields = {"pagu": f.get("pagu"), "realisasi": None if moved else f.get("realisasi"),
              "percent": f.get("efisiensi") or f.get("percent"), "sisa": f.get("realisasi") if moved else f.get("sisa")}
    return fields, tuple((rename.get(k, k), s) for k, s in row.cells)


def _line(info: TableInfo, row: _Row, node: hierarchy.Node) -> BudgetLine:
    """The BudgetLine of one read row placed in the hierarchy."""
    f = row.figures
    level = LEVEL_EFISIENSI if info.role == ROLE_EFFICIENCY else node.level
    if level == LEVEL_EFISIENSI:
        fields, cells = _remainder(row)
        return BudgetLine(table_id=info.table_id, row=row.shape.row, level=level, name=row.shape.name,
                          role=info.role, source=row.source, parent=node.parent, unit=info.unit, cells=cells,
                          pagu=fields["pagu"], realisasi=fields["realisasi"], percent=fields["percent"],
                          sisa=fields["sisa"])
    key = f"{level}:{strip_level_prefix(row.shape.name)}" if node.sure and level in ENTITY_LEVELS else None
    return BudgetLine(table_id=info.table_id, row=row.shape.row, level=level, name=row.shape.name, role=info.role,
                      source=row.source, pagu=f.get("pagu"), realisasi=f.get("realisasi"), percent=f.get("percent"),
                      sisa=f.get("sisa"), code=node.code, parent=node.parent, unit=info.unit, cells=row.cells, key=key)


def _page_indents(rows: list[_Row]) -> list[_Row]:
    """Rows without indentation when no page indents any row: the name cells then only start where the
    columns of that page's piece start, which differ from page to page and say nothing of the level."""
    by_page: dict[Optional[int], set[float]] = {}
    for x in rows:
        if x.shape.indent is not None:
            by_page.setdefault(x.source.page, set()).add(round(x.shape.indent))
    if all(len(xs) <= 1 for xs in by_page.values()):
        return [replace(x, shape=replace(x.shape, indent=None)) for x in rows]
    return rows


@dataclass(frozen=True)
class TableReading:
    """What one budget table gave: its lines, the cells that broke the schema, and why not to trust it (if so)."""

    lines: tuple[BudgetLine, ...]
    failures: tuple[SchemaFailure, ...]
    doubt: Optional[tuple[str, str]] = None
    """Why the reading cannot be trusted, in Bahasa Indonesia and English (see ``schemas.readings``)."""
    reading: str = "layout"


def read_table(table: Table, info: TableInfo) -> TableReading:
    """The budget lines of one table (without entity keys), read the way its sums agree most, and its doubt."""
    cols = budget_columns(table, info.role)
    if cols.name is None or not (cols.field_cols() or cols.periods):
        return TableReading((), ())
    if info.role == ROLE_PK_INDICATORS and cols.pagu is None:
        return TableReading((), ())
    labels = [clean_label(x) for x in table.header_labels()]
    failures: list[SchemaFailure] = []
    tname = table_name(table, info.role)
    rows = [_read_row(table, tname, r, cols, labels, failures) for r in range(1, len(table.rows) + 1)]
    rows = _page_indents([x for x in rows if x.shape.name or x.shape.has_figures])
    if info.role == ROLE_EFFICIENCY:
        rows = [x for x in rows if x.figures]
        nodes = [hierarchy.Node(x.shape.row, LEVEL_EFISIENSI, None, None, 0, "efisiensi") for x in rows]
        reading = None
    else:
        rows = _drop_unnamed(table, rows, labels[cols.name], failures)
        levels = header_levels(labels[cols.name])
        reading = readings.best_reading([x.shape for x in rows], levels[0] if levels else LEVEL_PROGRAM,
                                        levels_named=len(levels))
        nodes = list(reading.nodes)
    lines = _with_units([_line(info, x, n) for x, n in zip(rows, nodes)], info.unit)
    doubt = (readings.merged_cells(table) or readings.doubt(lines, reading.consistency)) if reading else None
    if cols.periods:
        by_period = periods.period_lines(lines, {x.shape.row: x.per_period for x in rows})
        lines = (lines if cols.field_cols() else []) + by_period
    return TableReading(tuple(lines), tuple(failures), doubt, reading.name if reading else "efisiensi")


def extract_table(table: Table, info: TableInfo) -> tuple[tuple[BudgetLine, ...], tuple[SchemaFailure, ...]]:
    """The budget lines of one table (without entity keys) and the cells that could not be read."""
    got = read_table(table, info)
    return got.lines, got.failures


def _drop_unnamed(table: Table, rows: list[_Row], label: str, failures: list[SchemaFailure]) -> list[_Row]:
    """Rows with figures but no name between the first and the last row cannot be placed: failures."""
    keep = []
    for i, x in enumerate(rows):
        if not x.shape.name and 0 < i < len(rows) - 1:
            failures.append(SchemaFailure(table.id, "budget-row-without-name", label, x.shape.row,
                                          " | ".join(s.text or "" for _, s in x.cells)))
            continue
        keep.append(x)
    return keep


def _with_units(lines: Sequence[BudgetLine], unit: Optional[str]) -> list[BudgetLine]:
    """Lines with the unit they belong to: the table's, or the unit row (Kelurahan …) above them."""
    by_row = {x.row: x for x in lines}
    out = []
    for x in lines:
        u, p = unit, x.parent
        seen = set()
        while u is None and p is not None and p in by_row and p not in seen:
            seen.add(p)
            u = by_row[p].name if by_row[p].level == LEVEL_UNIT else None
            p = by_row[p].parent
        out.append(replace(x, unit=u) if u != x.unit else x)
    return out


@dataclass(frozen=True)
class BudgetReading:
    """Every budget line of a document, the schema failures, and the tables with their final readability."""

    lines: tuple[BudgetLine, ...]
    failures: tuple[SchemaFailure, ...]
    tables: tuple[TableInfo, ...]


def read_budget(doc: Document, infos: Sequence[TableInfo]) -> BudgetReading:
    """Budget lines of every readable budget table, keyed across tables; a table whose reading cannot be
    trusted gives no lines and is marked unreadable with the reason (reported once, by S103)."""
    tables = {t.id: t for t in doc.tables}
    chosen = sorted((i for i in infos if i.role in BUDGET_ROLES and i.readable and i.table_id in tables),
                    key=lambda i: BUDGET_ROLES.index(i.role))
    lines: list[BudgetLine] = []
    failures: list[SchemaFailure] = []
    doubted: dict[str, tuple[str, str]] = {}
    for info in chosen:
        got = read_table(tables[info.table_id], info)
        failures += got.failures
        if got.doubt:
            doubted[info.table_id] = got.doubt
        else:
            lines += got.lines
    keyed = assign_keys(sasaran_budget.with_sasaran_amounts(doc, infos, lines, penyerapan))
    order = {t.id: n for n, t in enumerate(doc.tables)}
    judged = tuple(replace(i, readable=False, problem=doubted[i.table_id][0], problem_en=doubted[i.table_id][1])
                   if i.table_id in doubted else i for i in infos)
    return BudgetReading(tuple(sorted(keyed, key=lambda x: (order[periods.base_table_id(x.table_id)], x.row))),
                         tuple(failures), judged)


def extract_budget(doc: Document, infos: Sequence[TableInfo]
                   ) -> tuple[tuple[BudgetLine, ...], tuple[SchemaFailure, ...]]:
    """Budget lines of every readable budget table of the document, keyed across tables."""
    got = read_budget(doc, infos)
    return got.lines, got.failures
