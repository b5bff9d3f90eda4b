"""Build the sample LAKIP report (.docx and .pdf) from the seed text export.

The seed is a plain-text export of a real report: running text, tables as
tab-separated lines, pages separated by runs of three or more blank lines and
light markup (``**bold**``, ``*italic*``, ``<i>…</i>``). This module turns it
into a Word document the way such reports are made (ruled tables, repeated and
merged header rows, landscape pages for wide tables) and exports it to PDF with
LibreOffice. Figures are printed exactly as in the seed, malformed ones included.

    python samples/build_samples.py [--seed FILE] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

SAMPLES_DIR = Path(__file__).resolve().parent
DEFAULT_SEED = Path("/work/shared/seed/lakip-kecamatan-alok-barat-2024.txt")

PAGE_GAP = 3            # blank lines that separate two pages in the seed
WIDE_TABLE = 7          # tables with more columns go on landscape pages
FONT = "Times New Roman"  # LibreOffice renders it with metric-compatible Liberation Serif
BODY_PT, TABLE_PT, WIDE_TABLE_PT = 11, 10, 9
PAGE_W, PAGE_H, MARGIN, SIDE_MARGIN = Cm(21.0), Cm(29.7), Cm(2.0), Cm(2.5)
HEADER_FILL = "D9D9D9"

FRONT_MATTER = {"KATA PENGANTAR", "DAFTAR ISI", "RINGKASAN EKSEKUTIF", "DAFTAR TABEL",
                "DAFTAR GAMBAR", "DAFTAR LAMPIRAN", "LAMPIRAN"}
CHAPTER = re.compile(r"^BAB\s+[IVXL]+\b")
SECTION = re.compile(r"^[A-H]\.\s+[A-Z]")
CAPTION = re.compile(r"^(Tabel|Table|Gambar)\b\.?\s*\d", re.IGNORECASE)
MARKUP = re.compile(r"(\*\*\*|\*\*|\*|</?i>|</?b>)")
LIST_ITEM = re.compile(r"^(\s*)-(\s+|$)")
ITEM_LABEL = re.compile(r"^(\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|\(\d{1,2}\)|\.)\s")
NUMERIC = re.compile(r"^[\d.,\s%()-]*\d[\d.,\s%()-]*$")
COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")


@dataclass
class Block:
    """One piece of the report: a paragraph group, a heading or a table."""

    kind: str                      # 'paragraph' | 'heading' | 'table'
    text: str = ""                 # seed text with markup, lines joined by '\n'
    rows: list[list[str]] = field(default_factory=list)
    level: int = 0                 # heading level (1 or 2)
    header_rows: int = 0           # leading table rows that form the header
    role: str = "body"             # paragraph role: body | caption | title | cover | signature
    page_break: bool = False       # a new page starts here in the seed


@dataclass
class _Segment:
    """Consecutive non-blank seed lines of one kind ('text' or 'table')."""

    kind: str
    lines: list[str]
    page_break: bool


# ---------------------------------------------------------------- parsing

def plain(text: str) -> str:
    """The text without the seed's markup."""
    return MARKUP.sub("", text).strip()


def split_cells(line: str) -> list[str]:
    """The cells of one tab-separated seed line, stripped."""
    return [c.strip() for c in line.split("\t")]


def fit_row(cells: list[str], width: int) -> list[str]:
    """A row brought to ``width`` cells: surplus empty cells dropped, short rows padded."""
    cells = list(cells)
    while len(cells) > width and cells[-1] == "":
        cells.pop()
    while len(cells) > width and "" in cells:
        cells.remove("")
    return cells + [""] * (width - len(cells))


def continues_table(table_lines: list[str], line: str) -> bool:
    """Whether a tab line after a page gap has a column count compatible with the table."""
    width, cells = len(split_cells(table_lines[0])), split_cells(line)
    return len(cells) >= width - 1 and sum(1 for c in cells if c) <= width


def segments(text: str) -> list[_Segment]:
    """Group the seed lines into text and table segments, joining tables split by page gaps."""
    segs: list[_Segment] = []
    blanks = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            blanks += 1
            continue
        kind = "table" if "\t" in line else "text"
        gap = blanks >= PAGE_GAP
        prev = segs[-1] if segs else None
        if prev and prev.kind == kind and blanks == 0:
            prev.lines.append(line)
        elif prev and kind == "table" == prev.kind and gap and continues_table(prev.lines, line):
            if split_cells(line) != split_cells(prev.lines[0]):   # drop a repeated header
                prev.lines.append(line)
        else:
            segs.append(_Segment(kind, [line], gap))
        blanks = 0
    return segs


def table_rows(lines: list[str]) -> list[list[str]]:
    """Table rows at the header's width, with columns that are empty throughout dropped."""
    rows = [fit_row(split_cells(ln), len(split_cells(lines[0]))) for ln in lines]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    keep = [c for c in range(width) if any(r[c] for r in rows)]
    return [[r[c] for c in keep] for r in rows]


def spans(row: list[str]) -> list[tuple[int, int]]:
    """Column spans (first, last) where a filled cell is followed by empty cells."""
    out, c = [], 0
    while c < len(row):
        end = c
        while end + 1 < len(row) and not row[end + 1]:
            end += 1
        if row[c] and end > c:
            out.append((c, end))
        c = end + 1
    return out


def is_subheader(top: list[str], sub: list[str]) -> bool:
    """Whether ``sub`` fills exactly the columns spanned by labels of ``top``."""
    spanned = {c for a, b in spans(top) for c in range(a, b + 1)}
    return bool(spanned) and all(bool(sub[c]) == (c in spanned) for c in range(len(top)))


def is_column_numbers(row: list[str]) -> bool:
    """Whether a row only numbers the columns: 1 2 3 … or (1) (2) (3) …"""
    found = [COLUMN_NUMBER.match(plain(c)) for c in row]
    return all(found) and [int(m.group(1)) for m in found] == list(range(1, len(row) + 1))


def header_depth(rows: list[list[str]]) -> int:
    """How many leading rows form the header (label row, sub-label row, column numbers)."""
    depth = 1
    if len(rows) > 2 and is_subheader(rows[0], rows[1]):
        depth = 2
    if len(rows) > depth + 1 and is_column_numbers(rows[depth]):
        depth += 1
    return depth


def text_role(seg: _Segment, nxt: _Segment | None, after_caption: bool) -> str:
    """The role of a text segment: caption, title or body."""
    first = seg.lines[0].strip()
    if CAPTION.match(plain(first)):
        return "caption"
    short = len(seg.lines) <= 2 and len(plain(" ".join(seg.lines))) <= 140
    if after_caption and short and not re.search(r"[.:;,]$", plain(seg.lines[-1])):
        return "caption"
    whole_bold = first.startswith("**") and seg.lines[-1].rstrip().endswith("**")
    upper = plain(first).isupper() and len(seg.lines) == 1
    if nxt is not None and nxt.kind == "table" and not nxt.page_break and (whole_bold or upper):
        return "caption"
    return "title" if seg.page_break and upper else "body"


def heading_level(seg: _Segment) -> int:
    """1 for a chapter or front-matter heading at a page top, 2 for a lettered section, else 0."""
    line = plain(seg.lines[0])
    if len(seg.lines) > 1:
        return 0
    if seg.page_break and (CHAPTER.match(line) or line.upper() in FRONT_MATTER):
        return 1
    if SECTION.match(line) and len(line) <= 80 and not line.endswith(",") and " dengan" not in line:
        return 2
    return 0


def is_signature_gap(blocks: list[Block], seg: _Segment) -> bool:
    """Whether a page gap is really the space left for a signature ('Camat …,' then a NAME)."""
    name = plain(seg.lines[0])
    return (seg.page_break and bool(blocks) and blocks[-1].kind == "paragraph"
            and plain(blocks[-1].text.split("\n")[-1]).endswith(",") and name.isupper() and len(name) <= 60)


def parse_seed(text: str) -> list[Block]:
    """Parse seed text into paragraph, heading and table blocks."""
    segs = segments(text)
    blocks: list[Block] = []
    in_cover, skip = True, False
    for i, seg in enumerate(segs):
        if skip:
            skip = False
            continue
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        if seg.kind == "table":
            rows = table_rows(seg.lines)
            blocks.append(Block("table", rows=rows, header_rows=header_depth(rows), page_break=seg.page_break))
            continue
        level = heading_level(seg)
        if level == 1:
            in_cover, text_ = False, seg.lines[0].strip()
            if (re.fullmatch(r"BAB\s+[IVXL]+", plain(text_)) and nxt and nxt.kind == "text"
                    and len(nxt.lines) == 1 and plain(nxt.lines[0]).isupper()):
                text_, skip = text_ + "\n" + nxt.lines[0].strip(), True
            blocks.append(Block("heading", text=text_, level=1, page_break=True))
        elif in_cover:
            blocks.append(Block("paragraph", text="\n".join(seg.lines), role="cover", page_break=seg.page_break))
        elif level == 2:
            blocks.append(Block("heading", text=seg.lines[0].strip(), level=2, page_break=seg.page_break))
        elif is_signature_gap(blocks, seg):
            blocks.append(Block("paragraph", text="\n".join(seg.lines), role="signature"))
        else:
            after = bool(blocks) and blocks[-1].role == "caption" and not seg.page_break
            role = text_role(seg, nxt, after and CAPTION.match(plain(blocks[-1].text)) is not None)
            blocks.append(Block("paragraph", text="\n".join(seg.lines), role=role, page_break=seg.page_break))
    return blocks


def inline_runs(text: str) -> list[list[tuple[str, bool, bool]]]:
    """Per line, the (text, bold, italic) runs of marked-up text; styles carry across lines."""
    bold = italic = False
    lines: list[list[tuple[str, bool, bool]]] = [[]]
    for tok in MARKUP.split(text):
        if tok == "***":
            bold, italic = not bold, not italic
        elif tok == "**":
            bold = not bold
        elif tok == "*":
            italic = not italic
        elif tok in ("<i>", "</i>", "<b>", "</b>"):
            if tok[-2] == "i":
                italic = not tok.startswith("</")
            else:
                bold = not tok.startswith("</")
        else:
            for k, part in enumerate(tok.split("\n")):
                if k:
                    lines.append([])
                if part:
                    lines[-1].append((part, bold, italic))
    return lines


# ---------------------------------------------------------------- docx helpers

def set_font(font, name: str = FONT, size: float | None = None) -> None:
    """Set a font name for every script (dropping theme fonts) and optionally its size."""
    font.name = name
    rpr = font._element.rPr
    rfonts = rpr.rFonts if rpr is not None else None
    if rfonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        for attr in ("w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), name)
    if size:
        font.size = Pt(size)


def add_runs(par, runs: list[tuple[str, bool, bool]], size: float | None = None,
             bold: bool = False, strip_prefix: int = 0) -> None:
    """Append styled runs to a paragraph, dropping ``strip_prefix`` leading characters."""
    for text, b, it in runs:
        if strip_prefix:
            cut = min(strip_prefix, len(text))
            text, strip_prefix = text[cut:], strip_prefix - cut
        if not text:
            continue
        run = par.add_run(text)
        run.bold, run.italic = (b or bold) or None, it or None
        if size:
            run.font.size = Pt(size)


def set_page(section, landscape: bool) -> None:
    """Give a section an A4 page in the requested orientation with the standard margins."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    section.left_margin = SIDE_MARGIN
    section.right_margin = section.top_margin = section.bottom_margin = MARGIN


def new_document():
    """A blank document with report fonts, A4 pages and black headings."""
    doc = Document()
    set_page(doc.sections[0], landscape=False)
    normal = doc.styles["Normal"]
    set_font(normal.font, size=BODY_PT)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.05
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("List Bullet", None), ("List Bullet 2", None)):
        style = doc.styles[name]
        set_font(style.font, size=size)
        if name.startswith("Heading"):
            style.font.bold, style.font.italic = True, False
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(12), Pt(12)
    doc.styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return doc


def xml_flag(parent, tag: str, successors: tuple[str, ...], **attrs: str):
    """Insert an OOXML child element ``tag`` into ``parent`` in schema order."""
    el = OxmlElement(tag)
    for key, val in attrs.items():
        el.set(qn(f"w:{key}"), val)
    parent.insert_element_before(el, *successors)
    return el


def mark_header_row(row) -> None:
    """Make a table row repeat at the top of each page and keep it in one piece."""
    tr_pr = row._tr.get_or_add_trPr()
    xml_flag(tr_pr, "w:cantSplit", ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"))
    xml_flag(tr_pr, "w:tblHeader", ("w:tblCellSpacing", "w:jc", "w:hidden"), val="true")


def shade(cell, fill: str = HEADER_FILL) -> None:
    """Fill a table cell with a background colour (once)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    if tc_pr.find(qn("w:shd")) is not None:
        return
    xml_flag(tc_pr, "w:shd",
             ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
             val="clear", color="auto", fill=fill)


def column_widths(rows: list[list[str]], depth: int, total_cm: float, size: float) -> list[float]:
    """Share the text width between columns by their longest word and longest cell."""
    char_cm, pad = size * 0.55 * 2.54 / 72, 0.5
    labels = {(r, a) for r in range(depth) for a, _ in spans(rows[r])}   # span several columns
    mins, wants = [], []
    for c in range(len(rows[0])):
        texts = [plain(row[c]) for r, row in enumerate(rows) if (r, c) not in labels]
        word = max((len(w) for t in texts for w in re.split(r"[\s/]+", t)), default=1)
        mins.append(min(max(word, 3), 16) * char_cm + pad)
        wants.append(max(min(max(map(len, texts), default=1), 60) * char_cm + pad, mins[-1]))
    if sum(mins) >= total_cm:
        return [m * total_cm / sum(mins) for m in mins]
    if sum(wants) <= total_cm:
        return [w * total_cm / sum(wants) for w in wants]
    slack = [w - m for w, m in zip(wants, mins)]
    return [m + (total_cm - sum(mins)) * s / sum(slack) for m, s in zip(mins, slack)]


def column_alignments(rows: list[list[str]], depth: int) -> list:
    """Per column: centred numbering, right-aligned figures, else left (None)."""
    out = []
    for c in range(len(rows[0])):
        body = [plain(r[c]) for r in rows[depth:] if plain(r[c])]
        if body and all(NUMERIC.match(t) for t in body):
            out.append(WD_ALIGN_PARAGRAPH.CENTER if max(map(len, body)) <= 3 else WD_ALIGN_PARAGRAPH.RIGHT)
        else:
            out.append(None)
    return out


# ---------------------------------------------------------------- rendering

def add_table(doc, block: Block, text_width_cm: float) -> None:
    """Render a table block: ruled cells, merged two-level headers, repeated header rows."""
    rows, depth = block.rows, block.header_rows
    size = WIDE_TABLE_PT if len(rows[0]) > WIDE_TABLE else TABLE_PT
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style, table.alignment, table.autofit = doc.styles["Table Grid"], WD_TABLE_ALIGNMENT.CENTER, False
    for c, width in enumerate(column_widths(rows, depth, text_width_cm, size)):
        table.columns[c].width = Cm(width)
        for cell in table.columns[c].cells:
            cell.width = Cm(width)
    aligns = column_alignments(rows, depth)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            par = table.cell(r, c).paragraphs[0]
            par.paragraph_format.space_after, par.paragraph_format.line_spacing = Pt(0), 1.0
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER if r < depth else aligns[c]
            add_runs(par, [run for line in inline_runs(text) for run in line], size=size, bold=r < depth)
    merge_header(table, rows, depth)
    for r in range(depth):
        mark_header_row(table.rows[r])
        for c in range(len(rows[0])):
            cell = table.cell(r, c)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            shade(cell)
    doc.add_paragraph().paragraph_format.space_after = Pt(6)


def merge_header(table, rows: list[list[str]], depth: int) -> None:
    """Merge spanning header labels across columns, single-level labels down two rows."""
    top = rows[0]
    two_level = depth >= 2 and is_subheader(rows[0], rows[1])
    for a, b in spans(top):
        table.cell(0, a).merge(table.cell(0, b))
    if two_level:
        spanned = {c for a, b in spans(top) for c in range(a, b + 1)}
        for c in range(len(top)):
            if c not in spanned and not rows[1][c]:
                table.cell(0, c).merge(table.cell(1, c))


def add_heading(doc, block: Block):
    """Render a heading block; a two-line chapter heading keeps its line break."""
    par = doc.add_paragraph(style=f"Heading {block.level}")
    for k, runs in enumerate(inline_runs(block.text)):
        if k:
            par.add_run().add_break(WD_BREAK.LINE)
        add_runs(par, runs)
    return par


def add_line(doc, line: str, runs, role: str):
    """Render one seed line as a paragraph in the style of its role (list items indented)."""
    item = LIST_ITEM.match(line) if role == "body" else None
    if item:
        body = line[item.end():]
        nested = bool(item.group(1))
        style = None if ITEM_LABEL.match(plain(body)) or not body.strip() else (
            "List Bullet 2" if nested else "List Bullet")
        par = doc.add_paragraph(style=style)
        if style is None:
            par.paragraph_format.left_indent = Cm(1.27 if nested else 0.63)
        add_runs(par, runs, strip_prefix=item.end())
        return par
    par = doc.add_paragraph()
    if role == "cover":
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.space_before = Pt(48)
        add_runs(par, runs, size=18, bold=True)
        return par
    if role == "signature":
        par.paragraph_format.space_before = Pt(48)
    elif role in ("caption", "title"):
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.space_after = Pt(0 if role == "caption" else 12)
        par.paragraph_format.keep_with_next = True
    elif len(plain(line)) > 90:
        par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    add_runs(par, runs, bold=role == "title", strip_prefix=len(line) - len(line.lstrip()))
    return par


def add_paragraphs(doc, block: Block):
    """Render a paragraph block, one Word paragraph per seed line; return the first."""
    pars = [add_line(doc, line, runs, block.role)
            for line, runs in zip(block.text.split("\n"), inline_runs(block.text))]
    return pars[0]


def page_lead_in(blocks: list[Block], start: int) -> int:
    """Move ``start`` back to its page's top when only a short lead-in text precedes it there."""
    top = start
    while top > 0 and not blocks[top].page_break:
        top -= 1
    lead = blocks[top:start]
    short = sum(len(plain(b.text)) for b in lead) <= 200
    return top if lead and short and all(b.kind != "table" for b in lead) else start


def landscape_flags(blocks: list[Block]) -> list[bool]:
    """For each block, whether it sits on a landscape page (wide table, its caption, rest of page)."""
    flags = [False] * len(blocks)
    for i, b in enumerate(blocks):
        if b.kind != "table" or len(b.rows[0]) <= WIDE_TABLE:
            continue
        start = i
        while start > 0 and blocks[start - 1].role == "caption" and not blocks[start].page_break:
            start -= 1
        start = page_lead_in(blocks, start)
        end = i + 1
        while end < len(blocks) and not blocks[end].page_break:
            end += 1
        flags[start:end] = [True] * (end - start)
    return flags


def build_docx(text: str, out_path: Path) -> Path:
    """Write seed-format text as a Word report to ``out_path``."""
    blocks = parse_seed(text)
    doc = new_document()
    cover = [plain(b.text) for b in blocks if b.role == "cover"]
    doc.core_properties.title = " ".join(" ".join(cover).split()) or "LAKIP"
    doc.core_properties.author = "lakip samples"
    landscape = False
    for i, (block, wide) in enumerate(zip(blocks, landscape_flags(blocks))):
        page_break = block.page_break and i > 0 and block.role != "cover"
        if wide != landscape:
            landscape, page_break = wide, False
            set_page(doc.add_section(WD_SECTION.NEW_PAGE), landscape)
        if block.kind == "table":
            if page_break:
                spacer = doc.add_paragraph()
                spacer.paragraph_format.page_break_before = True
                spacer.paragraph_format.space_after = Pt(0)
            section = doc.sections[-1]
            width_cm = (section.page_width - section.left_margin - section.right_margin) / 360000
            add_table(doc, block, width_cm)
            continue
        first = add_heading(doc, block) if block.kind == "heading" else add_paragraphs(doc, block)
        if page_break:
            first.paragraph_format.page_break_before = True
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out_path))
    return out_path


def docx_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert a .docx to PDF with headless LibreOffice; return the PDF path."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError("LibreOffice not found: apt-get install -y libreoffice-writer-nogui fonts-liberation")
    docx_path, out_dir = Path(docx_path).resolve(), Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice did not write {pdf}")
    return pdf


def main(argv: list[str] | None = None) -> int:
    """Build the sample .docx and .pdf from the seed text."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="seed text export (tab-separated tables)")
    ap.add_argument("--out-dir", type=Path, default=SAMPLES_DIR, help="where to write the .docx and .pdf")
    args = ap.parse_args(argv)
    docx_path = build_docx(args.seed.read_text(encoding="utf-8"), args.out_dir / f"{args.seed.stem}.docx")
    pdf_path = docx_to_pdf(docx_path, args.out_dir)
    print(f"wrote {docx_path}\nwrote {pdf_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
