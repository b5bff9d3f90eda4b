"""Read a Word draft (.docx) into the same ``Document`` the PDF reader produces.

The body is walked in document order, paragraphs and tables interleaved.
Tables come from the raw XML (``w:tc``, ``w:gridSpan``, ``w:vMerge``), since
python-docx's ``row.cells`` repeats merged cells; every row is as wide as the
grid. A horizontally merged header label repeats over its columns (``colspan``
on the first); spanned body columns and lower parts of vertical merges stay empty.

PAGE NUMBERS ARE AN ESTIMATE: a .docx has no pages until Word lays it out.
Pages are counted from breaks written in the file: ``w:br w:type="page"``,
``pageBreakBefore``, section breaks that start a new page, and the
``w:lastRenderedPageBreak`` marks Word leaves where it last broke pages. Pages
Word fills and breaks by itself are seen only through those marks, so a draft
saved by another tool may count fewer pages than it prints on. No bounding boxes.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from lakip.ingest.captions import find_caption
from lakip.ingest.docx_tables import (continues_table, grid_width, header_depth, join_continuation, row_cells,
                                      row_to_cells)
from lakip.ingest.docx_xml import HARD, SOFT, StyleSheet, children, collapse, content, has_break, intval, on, w, wval
from lakip.ingest.errors import IngestError
from lakip.ingest.model import Cell, Document, Page, Table, TextBlock
from lakip.ingest.reader import check_file, sha256_of, sniff, unsupported_or_encrypted
_DEFAULT_SIZE = (595.0, 842.0)


# ---------------------------------------------------------------- the document walk

def section_sizes(body) -> list[tuple[tuple[float, float], bool]]:
    """Each section's page size in points and whether it starts on a new page, in order."""
    props = [p.find(f"{w('pPr')}/{w('sectPr')}") for p in body.iter(w("p"))] + [body.find(w("sectPr"))]
    out = []
    for sp in [x for x in props if x is not None] or [body.makeelement(w("sectPr"))]:
        size = sp.find(w("pgSz"))
        wd, ht = intval(size, "w"), intval(size, "h")
        out.append(((wd / 20.0, ht / 20.0) if wd and ht else _DEFAULT_SIZE,
                    wval(sp.find(w("type"))) not in ("continuous", "nextColumn")))
    return out


@dataclass
class _Builder:
    """The state of one walk over a document body: page estimate, blocks, tables, page texts."""

    styles: StyleSheet
    sections: list
    page: int = 1
    fresh: bool = True
    section: int = 0
    order: int = 0
    blocks: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    since_table: list = field(default_factory=list)
    page_text: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)

    def new_page(self, hard: bool) -> None:
        """Start a new page: always for an explicit break, else only if the current page has content."""
        if hard or not self.fresh:
            self.page += 1
            self.fresh = True
        self.sizes.setdefault(self.page, self.sections[min(self.section, len(self.sections) - 1)][0])

    def put(self, text: str, page: int) -> None:
        """Record a line of text as printed on ``page``."""
        if text:
            self.page_text.setdefault(page, []).append(text)

    def paragraph(self, p) -> None:
        """Add a paragraph: a text block on the page where its text starts."""
        ppr = p.find(w("pPr"))
        sid = wval(p.find(f"{w('pPr')}/{w('pStyle')}"))
        pbb = p.find(f"{w('pPr')}/{w('pageBreakBefore')}")
        if on(pbb) if pbb is not None else self.styles.prop(sid or self.styles.default_para, "pPr/pageBreakBefore"):
            self.new_page(hard=False)
        first: Optional[int] = None
        line: list[str] = []
        parts: list[str] = []
        for piece in content(p):
            if piece is HARD or piece is SOFT:
                self.put(collapse("".join(line)), self.page)
                line = []
                self.new_page(hard=piece is HARD)
                continue
            if piece.strip() and first is None:
                first = self.page
            if piece.strip():
                self.fresh = False
            line.append(piece)
            parts.append(piece)
        self.put(collapse("".join(line)), self.page)
        text = collapse("".join(parts))
        if text:
            bold = self.styles.is_heading(sid) or self.all_bold(p, sid)
            self.blocks.append(TextBlock(text=text, page=first, order=self.order, bold=bold))
            self.since_table.append(text)
            self.order += 1
        if ppr is not None and ppr.find(w("sectPr")) is not None:
            self.section += 1
            if self.section < len(self.sections) and self.sections[self.section][1]:
                self.new_page(hard=False)

    def all_bold(self, p, sid: Optional[str]) -> bool:
        """Whether every run with visible text is bold (directly, by character style or paragraph style)."""
        para_bold = bool(self.styles.prop(sid or self.styles.default_para, "rPr/b"))
        runs = [r for r in p.iter(w("r")) if "".join(t.text or "" for t in r.iter(w("t"))).strip()]
        for r in runs:
            b = r.find(f"{w('rPr')}/{w('b')}")
            char = self.styles.prop(wval(r.find(f"{w('rPr')}/{w('rStyle')}")), "rPr/b")
            if not (on(b) if b is not None else para_bold if char is None else char):
                return False
        return bool(runs)

    def table(self, tbl) -> None:
        """Add a table: header rows, body rows as wide as the grid, pages its rows fall on."""
        trs = list(children(tbl, "tr"))
        rows = [row_cells(tr) for tr in trs]
        if not rows:
            return
        width = grid_width(tbl, rows)
        depth = header_depth(trs, rows)
        header: list[tuple[Cell, ...]] = []
        body: list[tuple[Cell, ...]] = []
        pages: list[int] = []
        for i, (tr, row) in enumerate(zip(trs, rows)):
            if has_break(tr):
                self.new_page(hard=False)
            self.fresh = False
            cells = row_to_cells(row, width, self.page, header=i < depth)
            (header if i < depth else body).append(cells)
            pages.append(self.page)
            self.put(" ".join(tc.text for tc in row if tc.text), self.page)
        prev = self.tables[-1] if self.tables else None
        if prev is not None and continues_table(prev, header, self.since_table, width):
            self.tables[-1] = join_continuation(prev, header, body, pages)
            self.since_table = []
            return
        caption = find_caption(self.since_table) if self.since_table else None
        self.tables.append(Table(id=f"t{len(self.tables) + 1}", caption=caption, pages=tuple(dict.fromkeys(pages)),
                                 header=tuple(header), rows=tuple(body), engine="docx", order=self.order))
        self.order += 1
        self.since_table = []

    def pages(self) -> tuple[Page, ...]:
        """One page per estimated page, sized from its section, with its text."""
        out = []
        for n in range(1, self.page + 1):
            wd, ht = self.sizes.get(n, self.sections[0][0])
            out.append(Page(number=n, width=wd, height=ht, rotation=0, text_layer=True,
                            text="\n".join(self.page_text.get(n, []))))
        return tuple(out)


def load(path: Path):
    """The python-docx document at ``path``; IngestError for files that are not a readable DOCX."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    check_file(path)
    kind = sniff(path)
    if kind != "docx":
        raise unsupported_or_encrypted(path, kind, expected="docx")
    try:
        return docx.Document(str(path))
    except ValueError as exc:
        raise IngestError("unsupported", path, f"not a Word document: {exc}") from exc
    except (PackageNotFoundError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise IngestError("damaged", path, "bad-zip") from exc
    except (XMLSyntaxError, KeyError) as exc:
        raise IngestError("damaged", path, "bad-xml") from exc


def read_docx(path: str | Path) -> Document:
    """Read a .docx into a Document; page numbers are estimated from the breaks in the file."""
    p = Path(path)
    document = load(p)
    body = document.element.body
    builder = _Builder(StyleSheet(document.styles.element), section_sizes(body))
    builder.sizes[1] = builder.sections[0][0]
    for el in children(body, "p", "tbl"):
        if el.tag == w("p"):
            builder.paragraph(el)
        else:
            builder.table(el)
    return Document(path=str(p), sha256=sha256_of(p), kind="docx", pages=builder.pages(),
                    blocks=tuple(builder.blocks), tables=tuple(builder.tables))
