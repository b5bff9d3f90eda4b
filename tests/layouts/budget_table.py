"""The budget realisation table (program → kegiatan → sub kegiatan) in every numbering style."""

from __future__ import annotations

from .doc import Cell, Table
from .layout import Layout
from .model import BudgetNode, Report
from .tables import head
from .values import ROMAN, money, node_pct, percent

LETTERS = "abcdefghijklmnopqrstuvwxyz"
LEVELS = {"program": 0, "kegiatan": 1, "sub": 2}
URUSAN = {"kecamatan": "7.01", "dinas": "1.02", "badan": "5.02"}


def kode(model: Report, layout: Layout, path: tuple[BudgetNode, ...]) -> str:
    """Kode rekening of the last node of ``path`` (program 7.01.01, kegiatan 7.01.01.2.01, sub …​.0001)."""
    prog = path[0]
    urusan = URUSAN[model.kind]
    if layout.budget_numbering == "kode_long" and "Penunjang" in prog.name:
        urusan = "X.XX"
    code = f"{urusan}.{prog.code}"
    for node in path[1:]:
        code += "." + node.code.split(".", 1)[1] if node.level == "sub" else "." + node.code
    return code


def label(model: Report, layout: Layout, path: tuple[BudgetNode, ...], index: tuple[int, ...]) -> str:
    """The number printed for a line at ``index`` (1-based per level) in the layout's style."""
    style, depth = layout.budget_numbering, len(index) - 1
    if style in ("kode", "kode_long"):
        return kode(model, layout, path)
    if style == "decimal":
        return ".".join(str(i) for i in index) + ("." if depth == 0 else "")
    last = index[-1]
    if style == "roman":
        return (f"{ROMAN[last]}.", f"{LETTERS[last - 1].upper()}.", f"{last}.")[depth]
    if style == "alpha":
        return (str(last), f"{LETTERS[last - 1]}.", "-")[depth]
    if style == "seed":
        return (f"{last}.", str(last), "")[depth]
    return ""


def display_name(layout: Layout, node: BudgetNode) -> str:
    """The line's name, with ``Kegiatan``/``Sub Kegiatan`` in front when the layout says so."""
    if layout.level_words and node.level == "kegiatan":
        return "Kegiatan " + node.name
    if layout.level_words and node.level == "sub":
        return "Sub Kegiatan " + node.name
    return node.name


def walk(node: BudgetNode, path=(), index=()):
    """(path, index) for every program, kegiatan and sub kegiatan in document order."""
    for i, child in enumerate(node.children, 1):
        yield path + (child,), index + (i,)
        yield from walk(child, path + (child,), index + (i,))


def uid(path) -> str:
    """A line's identity in tags: its codes from the program down (``01/2.03/03.0002``)."""
    return "/".join(n.code for n in path)


def amount_cells(layout: Layout, node: BudgetNode, bold: bool, key: str) -> list[Cell]:
    """Pagu, realisasi and (if printed) % of a line."""
    cells = [Cell(money(node.pagu, layout), bold=bold, align="right", tag=("pagu", key)),
             Cell(money(node.realisasi, layout), bold=bold, align="right", tag=("real", key))]
    if layout.budget_pct:
        cells.append(Cell(percent(node_pct(node), layout), bold=bold, align="right", tag=("pct", key)))
    return cells


def has_number_column(layout: Layout) -> bool:
    """Whether numbers are printed in a column of their own."""
    return layout.budget_numbering != "none" and layout.number_cell == "separate"


def line_row(model: Report, layout: Layout, path, index) -> tuple[Cell, ...]:
    """One budget line."""
    node = path[-1]
    bold = layout.bold_programs and node.level == "program"
    number, name = label(model, layout, path, index), display_name(layout, node)
    depth = LEVELS[node.level]
    cells = []
    if has_number_column(layout):
        cells.append(Cell(number, bold=bold, align="left"))
    elif number:
        name = f"{number} {name}"
    cells.append(Cell(name, bold=bold, indent=depth, tag=("bname", uid(path))))
    return tuple(cells) + tuple(amount_cells(layout, node, bold, uid(path)))


def total_row(layout: Layout, total: BudgetNode) -> tuple[Cell, ...]:
    """The total line (label may be empty, as some reports print it)."""
    cells = [Cell("")] if has_number_column(layout) else []
    cells.append(Cell(layout.total_label, bold=True, tag=("bname", "total")))
    return tuple(cells) + tuple(amount_cells(layout, total, True, "total"))


def budget_header(layout: Layout) -> tuple:
    """One-level or two-level (``Keuangan`` spanning) header, with an optional column-number row."""
    lead = (["No"] if has_number_column(layout) else []) + ["Program / Kegiatan / Sub Kegiatan"]
    subs = ["Pagu", "Realisasi"] + (["%"] if layout.budget_pct else [])
    flat = ["Anggaran (Rp)", "Realisasi (Rp)"] + (["%"] if layout.budget_pct else [])
    if layout.budget_header == "two":
        rows = [tuple(head(t, rowspan=2) for t in lead) + (head("Keuangan", colspan=len(subs)),), tuple(head(s) for s in subs)]
    else:
        rows = [tuple(head(t) for t in lead + flat)]
    if layout.column_numbers:
        rows.append(tuple(Cell(f"({i})", align="center") for i in range(1, len(lead) + len(subs) + 1)))
    return tuple(rows)


def budget_table(model: Report, layout: Layout, caption: str | None) -> Table:
    """The whole realisation table, split across pages when long and the layout asks."""
    body = [line_row(model, layout, path, index) for path, index in walk(model.budget)]
    if layout.total_row == "top":
        body.insert(0, total_row(layout, model.budget))
    elif layout.total_row == "bottom":
        body.append(total_row(layout, model.budget))
    split = len(body) // 2 if layout.split_long != "none" and len(body) > 20 else None
    year = model.overrides.table_year or model.year
    return Table("budget", caption, f"Rincian Realisasi Anggaran Tahun {year} {model.instansi}", budget_header(layout),
                 tuple(body), wide=False, split_at=split, repeat_header=layout.split_long != "norepeat")
