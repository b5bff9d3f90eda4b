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

import re
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator, Optional, Sequence

from lakip.ingest.captions import find_caption
from lakip.ingest.errors import IngestError
from lakip.ingest.model import Cell, Document, Page, Table, TextBlock
from lakip.ingest.reader import check_file, sha256_of, sniff, unsupported_or_encrypted

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
HARD, SOFT = object(), object()
"""Markers in a paragraph's content: an explicit page break; a break only if the page is not fresh."""
_SPACES = re.compile(r"\s+")
_YEAR = re.compile(r"^(19|20)\d\d$")
_YEAR_IN_TEXT = re.compile(r"\b(19|20)\d\d\b")
_COLNO = re.compile(r"^\(?(\d{1,2})\)?\.?$")
_DEFAULT_SIZE = (595.0, 842.0)
_HEADING_NAMES = ("heading", "judul", "title")


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML tag."""
    return f"{{{W_NS}}}{tag}"


def wval(el, attr: str = "val") -> Optional[str]:
    """The ``w:``-namespaced attribute of an element (None when absent)."""
    return None if el is None else el.get(w(attr))


def on(el) -> bool:
    """Whether an on/off property element (like ``w:b``) is present and not switched off."""
    return el is not None and (wval(el) or "true").lower() not in ("0", "false", "off", "none")


def intval(el, attr: str = "val", default: int = 0) -> int:
    """A ``w:`` attribute as a whole number (``default`` when absent or malformed)."""
    v = wval(el, attr)
    return int(v) if v is not None and v.isdigit() else default


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


class StyleSheet:
    """Paragraph and character styles, each property resolved through the ``basedOn`` chain."""

    def __init__(self, styles_el) -> None:
        """Index the ``w:style`` elements of ``styles.xml`` by id and find the default paragraph style."""
        found = [] if styles_el is None else styles_el.findall(w("style"))
        self.styles = {wval(st, "styleId"): st for st in found if wval(st, "styleId")}
        self.default_para = next((wval(st, "styleId") for st in found if wval(st, "type") == "paragraph"
                                  and (wval(st, "default") or "0").lower() in ("1", "true", "on")), None)

    def chain(self, sid: Optional[str]) -> Iterator:
        """The style element and those it is based on, nearest first."""
        seen: set = set()
        while sid in self.styles and sid not in seen:
            seen.add(sid)
            yield self.styles[sid]
            sid = wval(self.styles[sid].find(w("basedOn")))

    def prop(self, sid: Optional[str], path: str) -> Optional[bool]:
        """An on/off property (``'rPr/b'``, ``'pPr/pageBreakBefore'``) from the nearest style setting it."""
        xpath = "/".join(w(part) for part in path.split("/"))
        for st in self.chain(sid):
            el = st.find(xpath)
            if el is not None:
                return on(el)
        return None

    def is_heading(self, sid: Optional[str]) -> bool:
        """Whether a paragraph style is a heading or title, by name or outline level, or is based on one."""
        for st in self.chain(sid or self.default_para):
            name = (wval(st.find(w("name"))) or "").lower()
            outline = intval(st.find(f"{w('pPr')}/{w('outlineLvl')}"), default=9)
            if name.startswith(_HEADING_NAMES) or outline < 9:
                return True
        return False


def children(parent, *tags: str) -> Iterator:
    """Children with one of ``tags`` (e.g. 'p', 'tbl'), looking inside content controls and custom XML."""
    names = {w(t) for t in tags}
    for child in parent:
        if child.tag in names:
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if inner is not None:
                yield from children(inner, *tags)


def content(el) -> Iterator:
    """The text pieces and page-break markers (HARD, SOFT) inside a paragraph, in order."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in (MC_FALLBACK, w("pPr"), w("rPr"), w("del"), w("moveFrom")):
            continue
        if tag == w("t"):
            yield child.text or ""
        elif tag in (w("tab"), w("cr")):
            yield " "
        elif tag == w("br"):
            yield HARD if wval(child, "type") == "page" else " "
        elif tag == w("lastRenderedPageBreak"):
            yield SOFT
        elif tag == w("noBreakHyphen"):
            yield "-"
        elif tag == w("r") and on(child.find(f"{w('rPr')}/{w('vanish')}")):
            continue
        else:
            yield from content(child)
            if tag == w("p"):
                yield " "


def plain_text(el) -> str:
    """All text of a paragraph, cell or table, paragraphs joined by a space, whitespace collapsed."""
    if el.tag == w("p"):
        return collapse("".join(x for x in content(el) if isinstance(x, str)))
    if el.tag == w("tbl"):
        return collapse(" ".join(plain_text(tc) for tr in children(el, "tr") for tc in children(tr, "tc")))
    return collapse(" ".join(plain_text(x) for x in children(el, "p", "tbl")))


def has_break(el) -> bool:
    """Whether a table row holds a page break or a rendered page-break mark."""
    return any(x.tag == w("lastRenderedPageBreak") or (x.tag == w("br") and wval(x, "type") == "page")
               for x in el.iter(w("br"), w("lastRenderedPageBreak")))


# ---------------------------------------------------------------- tables

@dataclass(frozen=True)
class _Tc:
    """One ``w:tc``: its first grid column, span, text and whether it continues a vertical merge."""

    col: int
    span: int
    text: str
    vcont: bool


def row_cells(tr) -> list[_Tc]:
    """The cells of a row at their grid columns (``gridBefore``, ``gridSpan``, old ``hMerge`` honoured)."""
    col = intval(tr.find(f"{w('trPr')}/{w('gridBefore')}"))
    out: list[_Tc] = []
    for tc in children(tr, "tc"):
        tcpr = tc.find(w("tcPr"))
        tcpr = tcpr if tcpr is not None else tc.makeelement(w("tcPr"))
        span = max(1, intval(tcpr.find(w("gridSpan")), default=1))
        vm, hm = tcpr.find(w("vMerge")), tcpr.find(w("hMerge"))
        if hm is not None and wval(hm) != "restart" and out:
            prev = out[-1]
            out[-1] = _Tc(prev.col, prev.span + span, prev.text, prev.vcont)
        else:
            vcont = vm is not None and wval(vm) != "restart"
            out.append(_Tc(col, span, "" if vcont else plain_text(tc), vcont))
        col += span
    return out


def grid_width(tbl, rows: list[list[_Tc]]) -> int:
    """Columns of the table: its grid, or the widest row if a row runs past the grid."""
    n = len(tbl.findall(f"{w('tblGrid')}/{w('gridCol')}"))
    return max([n] + [c.col + c.span for r in rows for c in r])


def is_year_or_number_row(row: list[_Tc]) -> bool:
    """Whether the non-empty cells are all years, or column numbers counting up by one ('1 2 3', '(1) (2)')."""
    texts = [c.text for c in row if c.text]
    if texts and all(_YEAR.match(t) for t in texts):
        return True
    nums = [_COLNO.match(t) for t in texts]
    if len(texts) < 2 or not all(nums):
        return False
    values = [int(m.group(1)) for m in nums]
    return all(b == a + 1 for a, b in zip(values, values[1:]))


def is_sublabel_row(above: list[_Tc], row: list[_Tc]) -> bool:
    """Whether every filled cell is a short label under a horizontally merged cell of the row above."""
    spans = [(c.col, c.col + c.span) for c in above if c.span > 1 and c.text]
    filled = [c for c in row if c.text]
    if not spans or not filled:
        return False
    for c in filled:
        if len(c.text) > 40 or re.search(r"\d", _YEAR_IN_TEXT.sub("", c.text)):
            return False
        if not any(a <= c.col and c.col + c.span <= b for a, b in spans):
            return False
    return True


def header_depth(trs: list, rows: list[list[_Tc]]) -> int:
    """How many leading rows are header rows: those marked ``w:tblHeader``, else inferred (1 to 3)."""
    marked = 0
    while marked < len(trs) and on(trs[marked].find(f"{w('trPr')}/{w('tblHeader')}")):
        marked += 1
    if marked:
        return marked
    depth = 1
    while depth < min(3, len(rows) - 1):
        row = rows[depth]
        if not (is_year_or_number_row(row) or is_sublabel_row(rows[depth - 1], row)
                or (row and all(c.vcont for c in row))):
            break
        depth += 1
    return depth


def row_to_cells(row: list[_Tc], width: int, page: int, header: bool) -> tuple[Cell, ...]:
    """One row as ``width`` cells; a merged label repeats over its span only in header rows."""
    cells = [Cell("", page) for _ in range(width)]
    for tc in row:
        if tc.col >= width:
            continue
        cells[tc.col] = Cell(tc.text, page, None, tc.span)
        for k in range(tc.col + 1, min(width, tc.col + tc.span)):
            cells[k] = Cell(tc.text if header else "", page)
    return tuple(cells)


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


_CONTINUED = re.compile(r"^\(?\s*(lanjutan|sambungan|lanjut)\b.*\)?$|^tabel\s+[\w.]+\s*\(?\s*(lanjutan|sambungan)\b",
                        re.I)


def _texts(rows: Sequence[Sequence[Cell]]) -> list[list[str]]:
    """The printed texts of rows, for comparing headers."""
    return [[c.text.strip() for c in row] for row in rows]


def continues_table(prev: Table, header: list, between: Sequence[str], width: int) -> bool:
    """Whether a table continues the one before it: nothing but a page break or a "(lanjutan)" line between
    them, and the same number of columns (Word drafts split a long table by hand, repeating its header or not)."""
    if any(not _CONTINUED.match(t.strip()) for t in between if t.strip()):
        return False
    prev_width = len(prev.rows[0]) if prev.rows else len(prev.header[0]) if prev.header else 0
    return prev_width == width and bool(prev.header)


def join_continuation(prev: Table, header: list, body: list, pages: list) -> Table:
    """The table before with the continuation's rows added (its header dropped when it repeats the first)."""
    repeated = bool(header) and _texts(header) == _texts(prev.header[-len(header):])
    rows = list(prev.rows) + ([] if repeated else list(header)) + list(body)
    return replace(prev, rows=tuple(rows), pages=tuple(dict.fromkeys(list(prev.pages) + pages)))


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
        first, line, parts = None, [], []
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
        header, body, pages = [], [], []
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
