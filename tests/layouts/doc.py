"""The abstract document both renderers print: paragraphs, tables with spans, page breaks."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Cell:
    """A table cell; ``tag`` names the model value it prints (plants find cells by it)."""
    text: str
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    indent: int = 0
    tag: tuple = ()
    align: str = "left"


@dataclass(frozen=True)
class Table:
    """A table with header rows and body rows (cells covered by a span are omitted)."""
    kind: str
    caption: str | None
    title: str | None
    header: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]
    wide: bool = False
    split_at: int | None = None
    repeat_header: bool = True


@dataclass(frozen=True)
class Para:
    """A paragraph; style is body, title, h1, h2, center, right, item or sign."""
    text: str
    style: str = "body"
    bold: bool = False
    tag: tuple = ()


@dataclass(frozen=True)
class Break:
    """A page break."""


Block = Cell | Table | Para | Break


def grid(rows: tuple[tuple[Cell, ...], ...]) -> tuple[int, list[tuple[int, int, Cell]]]:
    """Where each cell starts once spans are laid out: (column count, [(row, col, cell)])."""
    taken: set[tuple[int, int]] = set()
    placed, width = [], 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
            width = max(width, c)
    return max([width] + [c + 1 for _, c in taken]), placed


def table_text(table: Table) -> list[list[str]]:
    """The table as a plain grid of strings (spanned cells repeated as empty)."""
    rows = table.header + table.body
    width, placed = grid(rows)
    out = [[""] * width for _ in rows]
    for r, c, cell in placed:
        out[r][c] = cell.text
    return out


def map_cells(blocks: tuple, pick, change) -> tuple[tuple, int]:
    """Blocks with ``change(cell)`` applied to every table cell ``pick(table, cell)`` selects; and how many."""
    out, hits = [], 0
    for block in blocks:
        if isinstance(block, Table):
            rows = []
            for row in block.body:
                new = []
                for cell in row:
                    if pick(block, cell):
                        cell, hits = change(cell), hits + 1
                    new.append(cell)
                rows.append(tuple(new))
            block = replace(block, body=tuple(rows))
        out.append(block)
    return tuple(out), hits


def map_paras(blocks: tuple, pick, change) -> tuple[tuple, int]:
    """Blocks with ``change(para)`` applied to every paragraph ``pick(para)`` selects; and how many."""
    out, hits = [], 0
    for block in blocks:
        if isinstance(block, Para) and pick(block):
            block, hits = change(block), hits + 1
        out.append(block)
    return tuple(out), hits


def plain_text(blocks: tuple) -> str:
    """All text of the document, tables as tab-separated lines (for diffs and self-checks)."""
    lines = []
    for block in blocks:
        if isinstance(block, Para):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += [t for t in (block.caption, block.title) if t]
            lines += ["\t".join(row) for row in table_text(block)]
        else:
            lines.append("\f")
    return "\n".join(lines)
