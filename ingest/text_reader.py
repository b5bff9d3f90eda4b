"""Read a plain-text export of a report, where tables are tab-separated lines.

Some tools export a report as text with each table row on one line and its
cells separated by tabs. This reader turns such a file into the same
``Document`` the PDF and DOCX readers produce: running text as blocks, tab
blocks as tables (header rows recognised from their shape), pages split at
form feeds or at runs of three or more blank lines. Cells have no bounding box.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from lakip.ingest.captions import find_caption
from lakip.ingest.model import Cell, Document, Page, Table, TextBlock

_MARKUP = re.compile(r"\*\*|</?i>|</?b>|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_SPACES = re.compile(r"\s+")
_NUMBERISH = re.compile(r"^\(?\d{1,4}\)?\.?$")
_YEAR = re.compile(r"^(19|20)\d\d$")


def clean(text: str) -> str:
    """Drop simple markup (**bold**, *italic*, <i>) and collapse whitespace."""
    return _SPACES.sub(" ", _MARKUP.sub("", text)).strip()


def split_pages(text: str) -> list[list[str]]:
    """Split the text into pages at form feeds or runs of three or more blank lines."""
    pages: list[list[str]] = [[]]
    blank = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        if "\f" in line:
            pages.append([])
            line = line.replace("\f", "")
        if not line.strip():
            blank += 1
            pages[-1].append("")
            continue
        if blank >= 3 and any(x.strip() for x in pages[-1]):
            pages.append([])
        blank = 0
        pages[-1].append(line)
    return [p for p in pages if any(x.strip() for x in p)] or [[]]


def is_header_continuation(first: list[str], second: list[str]) -> bool:
    """Whether ``second`` is a further header row under ``first`` (years, column numbers, sub-labels)."""
    cells = [clean(c) for c in second if clean(c)]
    if not cells:
        return False
    if all(_YEAR.match(c) or _NUMBERISH.match(c) for c in cells):
        return True
    if any(re.search(r"\d", c) for c in cells) or any(len(c) > 40 for c in cells):
        return False
    spans = [i for i in range(1, len(first)) if not clean(first[i]) and any(clean(x) for x in first[:i])]
    return any(i < len(second) and clean(second[i]) for i in spans)


def header_depth(rows: list[list[str]]) -> int:
    """How many of the leading rows are header rows (1 to 3)."""
    depth = 1
    while depth < min(3, len(rows) - 1) and is_header_continuation(rows[depth - 1], rows[depth]):
        depth += 1
    return depth


def fill_spans(header: list[list[str]], width: int) -> tuple[tuple[Cell, ...], ...]:
    """Header rows as cells, a spanning label repeated over the empty cells to its right."""
    out = []
    for level, row in enumerate(header):
        row = row + [""] * (width - len(row))
        cells: list[Cell] = []
        below = header[level + 1] if level + 1 < len(header) else None
        above = header[level - 1] if level > 0 else None
        for i, text in enumerate(row):
            t = clean(text)
            spanned_above = above is None or (i < len(above) and not clean(above[i]))
            if (not t and cells and spanned_above and below is not None and i < len(below)
                    and clean(below[i]) and cells[-1].text):
                prev = cells[-1]
                cells.append(Cell(prev.text, prev.page))
                continue
            cells.append(Cell(t, None))
        out.append(tuple(cells))
    return tuple(out)


def lines_to_table(lines: list[str], page: int, table_no: int, caption: str | None, order: int) -> Table:
    """One block of tab-separated lines as a Table."""
    rows = [ln.split("\t") for ln in lines]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    depth = header_depth(rows)
    header = fill_spans(rows[:depth], width)
    header = tuple(tuple(Cell(c.text, page) for c in hrow) for hrow in header)
    body = tuple(tuple(Cell(clean(c), page) for c in r) for r in rows[depth:])
    return Table(id=f"t{table_no}", caption=caption, pages=(page,), header=header, rows=body,
                 engine="text", order=order)


def pad_left(row: tuple[Cell, ...], width: int) -> tuple[Cell, ...]:
    """A row widened to ``width`` by empty cells on the left (numbers stay in the last columns)."""
    return tuple(Cell("", row[0].page if row else None) for _ in range(width - len(row))) + row


def continue_table(table: Table, lines: list[str], page: int) -> Table:
    """The table extended by lines that continue it on another page (a repeated header dropped)."""
    rows = [tuple(Cell(clean(c), page) for c in ln.split("\t")) for ln in lines]
    if rows and [c.text for c in rows[0]] == [c.text for c in table.header[-1]]:
        rows = rows[1:]
    width = max([table.n_cols] + [len(r) for r in rows])
    header = tuple(pad_left(h, width) for h in table.header)
    body = tuple(pad_left(r, width) for r in table.rows + tuple(rows))
    pages = table.pages + ((page,) if page not in table.pages else ())
    return Table(id=table.id, caption=table.caption, pages=pages, header=header, rows=body,
                 engine=table.engine, order=table.order)


def read_text(path: str | Path) -> Document:
    """Read a text export (tables as tab-separated lines) into a Document."""
    p = Path(path)
    raw = p.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    pages: list[Page] = []
    blocks: list[TextBlock] = []
    tables: list[Table] = []
    order = 0
    since_table = 10**6
    for number, lines in enumerate(split_pages(text), start=1):
        pages.append(Page(number=number, width=595.0, height=842.0, text="\n".join(clean(x) for x in lines)))
        i = 0
        while i < len(lines):
            if "\t" in lines[i] and clean(lines[i].replace("\t", " ")):
                j = i
                while j < len(lines) and "\t" in lines[j]:
                    j += 1
                block = lines[i:j]
                if tables and since_table == 0 and number not in tables[-1].pages:
                    tables[-1] = continue_table(tables[-1], block, number)
                else:
                    caption = find_caption([b.text for b in blocks[len(blocks) - min(since_table, 4):]]) if since_table else None
                    tables.append(lines_to_table(block, number, len(tables) + 1, caption, order))
                    order += 1
                since_table = 0
                i = j
                continue
            t = clean(lines[i])
            if t:
                blocks.append(TextBlock(text=t, page=number, order=order, bold="**" in lines[i]))
                order += 1
                since_table += 1
            i += 1
    return Document(path=str(p), sha256=hashlib.sha256(raw).hexdigest(), kind="text",
                    pages=tuple(pages), blocks=tuple(blocks), tables=tuple(tables))
