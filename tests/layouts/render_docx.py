"""Blocks → DOCX with python-docx (merged cells, repeated header rows, landscape sections)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .doc import Break, Para, Table, grid
from .layout import Layout

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
STYLE = {"h1": "Heading 1", "h2": "Heading 2"}


def new_document() -> Document:
    """An A4 document with Times New Roman 11 pt."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(11)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    return doc


def set_orientation(doc: Document, landscape: bool) -> None:
    """Start a new section (on a new page) in landscape or portrait."""
    current = doc.sections[-1]
    if (current.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    wide, narrow = Cm(29.7), Cm(21.0)
    section.page_width, section.page_height = (wide, narrow) if landscape else (narrow, wide)


def add_para(doc: Document, para: Para) -> None:
    """One paragraph in its style."""
    if para.style in STYLE:
        p = doc.add_paragraph(style=STYLE[para.style])
    else:
        p = doc.add_paragraph()
    run = p.add_run(para.text)
    run.bold = para.bold or para.style == "title"
    if para.style in ("title", "center"):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif para.style == "sign":
        p.paragraph_format.left_indent = Cm(9)
    elif para.style == "item":
        p.paragraph_format.left_indent = Cm(1)
    elif para.style == "body":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def mark_header(row) -> None:
    """Make a table row repeat at the top of each page."""
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def add_table(doc: Document, rows: tuple, header_count: int, repeat: bool, borders: bool) -> None:
    """One table from rows of cells with spans."""
    width, placed = grid(rows)
    table = doc.add_table(rows=len(rows), cols=width)
    if borders:
        table.style = "Table Grid"
    for r, c, cell in placed:
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        p = target.paragraphs[0]
        run = p.add_run(cell.text)
        run.bold, run.font.size = cell.bold, Pt(9)
        p.alignment = ALIGN[cell.align]
        if cell.indent:
            p.paragraph_format.left_indent = Cm(0.4 * cell.indent)
    if repeat:
        for r in range(header_count):
            mark_header(table.rows[r])


def page_break(doc: Document) -> None:
    """A hard page break."""
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def emit_table(doc: Document, table: Table, layout: Layout) -> None:
    """Caption, title and the table (in two parts with a page break when split)."""
    landscape = table.wide and layout.landscape_wide
    set_orientation(doc, landscape)
    for text in (table.caption, table.title):
        if text:
            p = doc.add_paragraph()
            p.add_run(text).bold = True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    body, cut = table.body, table.split_at or len(table.body)
    add_table(doc, table.header + body[:cut], len(table.header), table.repeat_header, layout.borders)
    if cut < len(body):
        page_break(doc)
        head = table.header if table.repeat_header else ()
        add_table(doc, head + body[cut:], len(head), table.repeat_header, layout.borders)
    doc.add_paragraph()
    if landscape:
        set_orientation(doc, False)


def render_docx(blocks: tuple, layout: Layout, path: Path) -> Path:
    """Write ``blocks`` as a DOCX file at ``path``."""
    doc = new_document()
    for block in blocks:
        if isinstance(block, Table):
            emit_table(doc, block, layout)
        elif isinstance(block, Para):
            add_para(doc, block)
        elif isinstance(block, Break):
            page_break(doc)
    path = Path(path)
    doc.save(str(path))
    return path
