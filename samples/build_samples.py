"""Build the sample LAKIP report (.docx, then .pdf via LibreOffice) from the seed text export.

The seed has tables as tab-separated lines, pages separated by 3+ blank lines and light
markup (**bold**, *italic*, <i>…</i>). Figures are printed exactly as in the seed.
Usage: python samples/build_samples.py [--seed FILE] [--out-dir DIR]
"""

import argparse
import re
import shutil
import subprocess
import tempfile
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

SAMPLES_DIR = Path(__file__).resolve().parent
DEFAULT_SEED = SAMPLES_DIR.parent.parent / "shared" / "seed" / "lakip-kecamatan-alok-barat-2024.txt"
PAGE_GAP = 3                # blank lines that separate two pages in the seed
WIDE_TABLE = 7              # tables with more columns go on landscape pages
FONT = "Times New Roman"    # LibreOffice renders it with the metric-compatible Liberation Serif
BODY_PT, TABLE_PT, WIDE_TABLE_PT = 11, 10, 9
PAGE_W, PAGE_H, MARGIN, SIDE_MARGIN = Cm(21.0), Cm(29.7), Cm(2.0), Cm(2.5)
HEADER_FILL = "D9D9D9"
CENTER, RIGHT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY

FRONT_MATTER = {"KATA PENGANTAR", "DAFTAR ISI", "RINGKASAN EKSEKUTIF", "DAFTAR TABEL", "DAFTAR GAMBAR", "LAMPIRAN"}
CHAPTER = re.compile(r"^BAB\s+[IVXL]+\b")
SECTION = re.compile(r"^[A-H]\.\s+[A-Z]")
CAPTION = re.compile(r"^(Tabel|Table|Gambar)\b\.?\s*\d", re.IGNORECASE)
MARKUP = re.compile(r"(\*\*\*|\*\*|\*|</?i>|</?b>)")
LIST_ITEM = re.compile(r"^(\s*)-(\s+|$)")
ITEM_LABEL = re.compile(r"^(\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|\(\d{1,2}\)|\.)\s")
NUMERIC = re.compile(r"^[\d.,\s%()-]*\d[\d.,\s%()-]*$")
COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")
PAGE_NUMBER = re.compile(r"^(\d{1,3}|[ivxlc]{1,6})$", re.IGNORECASE)


@dataclass
class Block:
    """One piece of the report: a paragraph group, a heading or a table."""
    kind: str                   # 'paragraph' | 'heading' | 'table'
    text: str = ""              # seed text with markup, lines joined by '\n'
    rows: list[list[str]] = field(default_factory=list)
    level: int = 0              # heading level (1 or 2)
    header_rows: int = 0        # leading table rows that form the header
    role: str = "body"          # paragraph role: body | caption | title | cover | signature
    page_break: bool = False    # a new page starts here in the seed


_Segment = namedtuple("_Segment", "kind lines page_break")   # non-blank lines of one kind


def plain(text: str) -> str:
    """The text without the seed's markup."""
    return MARKUP.sub("", text).strip()


def split_cells(line: str) -> list[str]:
    """The cells of one tab-separated seed line, stripped."""
    return [c.strip() for c in line.split("\t")]


def fit_row(cells: list[str], width: int) -> list[str]:
    """A row brought to ``width`` cells: surplus empty cells dropped, short rows padded."""
    cells = list(cells)
    while len(cells) > width and "" in cells:
        cells.pop() if cells[-1] == "" else cells.remove("")
    return cells + [""] * (width - len(cells))


def compatible(width: int, line: str) -> bool:
    """Whether a tab line can continue a table ``width`` columns wide (after a page gap)."""
    cells = split_cells(line)
    return len(cells) >= width - 1 and sum(1 for c in cells if c) <= width


def segments(text: str) -> list[_Segment]:
    """Group the seed lines into text and table segments, joining tables split by page gaps."""
    segs: list[_Segment] = []
    blanks = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            blanks += 1
            continue
        kind, gap, prev = "table" if "\t" in line else "text", blanks >= PAGE_GAP, segs[-1] if segs else None
        if prev and prev.kind == kind and blanks == 0:
            prev.lines.append(line)
        elif prev and kind == "table" == prev.kind and gap and compatible(len(split_cells(prev.lines[0])), line):
            if split_cells(line) != split_cells(prev.lines[0]):      # a repeated header is dropped
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


def header_depth(rows: list[list[str]]) -> int:
    """How many leading rows form the header: labels, sub-labels filling spans, column numbers."""
    if len(rows[0]) == 2 and all(PAGE_NUMBER.match(plain(r[1])) for r in rows):
        return 0                # a contents listing ('title <tab> page') has no header
    depth = 2 if len(rows) > 2 and is_subheader(rows[0], rows[1]) else 1
    numbers = [COLUMN_NUMBER.match(plain(c)) for c in rows[depth]] if len(rows) > depth + 1 else [None]
    in_order = all(numbers) and [int(m.group(1)) for m in numbers] == list(range(1, len(numbers) + 1))
    return depth + 1 if in_order else depth          # a '1 2 3 …' / '(1) (2) …' row belongs to it


def heading_level(seg: _Segment) -> int:
    """1 for a chapter or front-matter heading at a page top, 2 for a lettered section, else 0."""
    line = plain(seg.lines[0])
    if len(seg.lines) > 1:
        return 0
    if seg.page_break and (CHAPTER.match(line) or line.upper() in FRONT_MATTER):
        return 1
    return int(bool(SECTION.match(line)) and len(line) <= 80 and not line.endswith(",")
               and " dengan" not in line) * 2


def text_role(seg: _Segment, nxt: _Segment | None, prev: Block | None) -> str:
    """The role of a text segment: caption, title, signature or body."""
    first, last = plain(seg.lines[0]), plain(seg.lines[-1])
    after_label = prev is not None and prev.role == "caption" and CAPTION.match(plain(prev.text))
    short = len(seg.lines) <= 2 and len(plain(" ".join(seg.lines))) <= 140
    whole_bold = seg.lines[0].startswith("**") and seg.lines[-1].rstrip().endswith("**")
    upper = first.isupper() and len(seg.lines) == 1
    if CAPTION.match(first) or (after_label and not seg.page_break and short
                                and not re.search(r"[.:;,]$", last)):
        return "caption"
    if nxt is not None and nxt.kind == "table" and not nxt.page_break and (whole_bold or upper):
        return "caption"
    if seg.page_break and upper and prev is not None and prev.kind == "paragraph" \
            and plain(prev.text.split("\n")[-1]).endswith(",") and len(first) <= 60:
        return "signature"      # the gap was room to sign under 'Camat …,', not a new page
    return "title" if seg.page_break and upper else "body"


def parse_seed(text: str) -> list[Block]:
    """Parse seed text into paragraph, heading and table blocks."""
    segs, blocks = segments(text), []
    in_cover = any(s.kind == "text" and heading_level(s) == 1 for s in segs)  # cover: text before it
    skip = False
    for i, seg in enumerate(segs):
        nxt, joined = segs[i + 1] if i + 1 < len(segs) else None, "\n".join(seg.lines)
        if skip:
            skip = False
        elif seg.kind == "table":
            rows = table_rows(seg.lines)
            if rows and rows[0]:
                blocks.append(Block("table", rows=rows, header_rows=header_depth(rows), page_break=seg.page_break))
        elif heading_level(seg) == 1:
            in_cover, title = False, seg.lines[0].strip()
            skip = bool(re.fullmatch(r"BAB\s+[IVXL]+", plain(title)) and nxt and nxt.kind == "text"
                        and len(nxt.lines) == 1 and plain(nxt.lines[0]).isupper())
            blocks.append(Block("heading", text=title + ("\n" + nxt.lines[0].strip() if skip else ""),
                                level=1, page_break=True))
        elif in_cover:
            blocks.append(Block("paragraph", text=joined, role="cover"))
        elif heading_level(seg) == 2:
            blocks.append(Block("heading", text=joined.strip(), level=2, page_break=seg.page_break))
        else:
            role = text_role(seg, nxt, blocks[-1] if blocks else None)
            blocks.append(Block("paragraph", text=joined, role=role,
                                page_break=seg.page_break and role != "signature"))
    return blocks


def inline_runs(text: str) -> list[list[tuple[str, bool, bool]]]:
    """Per line, the (text, bold, italic) runs of marked-up text; styles carry across lines."""
    bold = italic = False
    lines: list[list[tuple[str, bool, bool]]] = [[]]
    for tok in MARKUP.split(text):
        if tok in ("***", "**", "*"):
            bold, italic = bold ^ (tok != "*"), italic ^ (tok != "**")
        elif tok.startswith("<"):
            bold, italic = ("/" not in tok, italic) if "b" in tok else (bold, "/" not in tok)
        else:
            for k, part in enumerate(tok.split("\n")):
                lines += [[]] if k else []
                lines[-1] += [(part, bold, italic)] if part else []
    return lines


def set_font(font, size: float = 0) -> None:
    """Use the report font for every script (dropping theme fonts), optionally at ``size`` pt."""
    font.name = FONT
    rfonts = font._element.rPr.rFonts
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    rfonts.set(qn("w:eastAsia"), FONT)
    rfonts.set(qn("w:cs"), FONT)
    if size:
        font.size = Pt(size)


def add_runs(par, runs, size: float = 0, bold: bool = False, strip_prefix: int = 0) -> None:
    """Append (text, bold, italic) runs to a paragraph, minus ``strip_prefix`` leading characters."""
    for text, b, it in runs:
        cut = min(strip_prefix, len(text))
        text, strip_prefix = text[cut:], strip_prefix - cut
        if text:
            run = par.add_run(text)
            run.bold, run.italic = (b or bold) or None, it or None
            if size:
                run.font.size = Pt(size)


def set_page(section, landscape: bool) -> None:
    """Give a section an A4 page in the requested orientation with the report margins."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    section.left_margin = SIDE_MARGIN
    section.right_margin = section.top_margin = section.bottom_margin = MARGIN


def new_document():
    """A blank document with report fonts, A4 pages and black headings."""
    doc = Document()
    set_page(doc.sections[0], landscape=False)
    fmt = doc.styles["Normal"].paragraph_format
    fmt.space_after, fmt.line_spacing = Pt(4), 1.05
    for name, size in (("Normal", BODY_PT), ("Heading 1", 14), ("Heading 2", 12),
                       ("List Bullet", 0), ("List Bullet 2", 0)):
        set_font(doc.styles[name].font, size)
    for name in ("Heading 1", "Heading 2"):
        font, fmt = doc.styles[name].font, doc.styles[name].paragraph_format
        font.bold, font.italic, font.color.rgb = True, False, RGBColor(0, 0, 0)
        fmt.space_before = fmt.space_after = Pt(12)
    doc.styles["Heading 1"].paragraph_format.alignment = CENTER
    return doc


def add_child(parent, tag: str, **attrs: str) -> None:
    """Append a ``w:tag`` element (children are added in schema order by the callers)."""
    attrs_xml = " ".join(f'w:{k}="{v}"' for k, v in attrs.items())
    parent.append(parse_xml(f"<w:{tag} {nsdecls('w')} {attrs_xml}/>"))


def style_header_row(row) -> None:
    """Repeat a header row on each page, keep it whole, shade and centre its cells."""
    tr_pr = row._tr.get_or_add_trPr()
    add_child(tr_pr, "cantSplit")
    add_child(tr_pr, "tblHeader", val="true")
    for tc in row._tr.tc_lst:
        add_child(tc.get_or_add_tcPr(), "shd", val="clear", color="auto", fill=HEADER_FILL)
        add_child(tc.get_or_add_tcPr(), "vAlign", val="center")


def column_widths(rows: list[list[str]], depth: int, total_cm: float, size: float) -> list[float]:
    """Share the text width between columns by their longest word and longest cell."""
    char_cm, pad = size * 0.55 * 2.54 / 72, 0.5
    labels = {(0, a) for a, _ in spans(rows[0])} if depth else set()   # merged over several columns
    mins, wants = [], []
    for c in range(len(rows[0])):
        cells = [(plain(row[c]), 1.3 if r < depth else 1.0)            # bold header glyphs are wider
                 for r, row in enumerate(rows) if (r, c) not in labels]
        word = max((len(w) * k for t, k in cells for w in re.split(r"[\s/]+", t)), default=1)
        mins.append(min(max(word, 3), 16) * char_cm + pad)
        wants.append(max(min(max((len(t) * k for t, k in cells), default=1), 60) * char_cm + pad, mins[-1]))
    if sum(mins) >= total_cm or sum(wants) <= total_cm:
        base = mins if sum(mins) >= total_cm else wants
        return [w * total_cm / sum(base) for w in base]
    slack = [w - m for w, m in zip(wants, mins)]
    return [m + (total_cm - sum(mins)) * s / sum(slack) for m, s in zip(mins, slack)]


def add_table(doc, block: Block, text_width_cm: float) -> None:
    """Render a table block: ruled cells, merged two-level header, header rows repeated on each page."""
    rows, depth = block.rows, block.header_rows
    size = WIDE_TABLE_PT if len(rows[0]) > WIDE_TABLE else TABLE_PT
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style, table.alignment, table.autofit = doc.styles["Table Grid"], WD_TABLE_ALIGNMENT.CENTER, False
    widths = column_widths(rows, depth, text_width_cm, size)
    for c, width in enumerate(widths):
        table.columns[c].width = Cm(width)
    bodies = [[plain(r[c]) for r in rows[depth:] if plain(r[c])] for c in range(len(rows[0]))]
    numeric = [bool(col) and all(NUMERIC.match(t) for t in col) for col in bodies]
    aligns = [None if not n else CENTER if max(map(len, col)) <= 3 else RIGHT for n, col in zip(numeric, bodies)]
    for r, row in enumerate(rows):
        cells = table.rows[r].cells              # once per row: table.cell() rebuilds the grid each call
        for c, text in enumerate(row):
            cells[c].width = Cm(widths[c])
            par = cells[c].paragraphs[0]
            par.paragraph_format.space_after, par.paragraph_format.line_spacing = Pt(0), 1.0
            par.alignment = CENTER if r < depth else aligns[c]   # numbering centred, figures right
            add_runs(par, sum(inline_runs(text), []), size=size, bold=r < depth)
    for a, b in spans(rows[0]):                 # a label over several columns
        table.cell(0, a).merge(table.cell(0, b))
    if depth >= 2 and is_subheader(rows[0], rows[1]):   # single-level labels down both rows
        spanned = {c for a, b in spans(rows[0]) for c in range(a, b + 1)}
        for c in (c for c in range(len(rows[0])) if c not in spanned and not rows[1][c]):
            table.cell(0, c).merge(table.cell(1, c))
    for r in range(depth):
        style_header_row(table.rows[r])
    doc.add_paragraph().paragraph_format.space_after = Pt(6)


def add_heading(doc, block: Block):
    """Render a heading block; a two-line chapter heading keeps its line break."""
    par = doc.add_paragraph(style=f"Heading {block.level}")
    for k, runs in enumerate(inline_runs(block.text)):
        if k:
            par.add_run().add_break(WD_BREAK.LINE)
        add_runs(par, runs)
    return par


def add_line(doc, line: str, runs, role: str):
    """Render one seed line as a paragraph styled for its role ('- ' list items indented)."""
    item = LIST_ITEM.match(line) if role == "body" else None
    body = line[item.end():] if item else line.lstrip()
    nested = bool(item and item.group(1))
    bullet = bool(item and body.strip() and not ITEM_LABEL.match(plain(body)))
    par = doc.add_paragraph(style=("List Bullet 2" if nested else "List Bullet") if bullet else None)
    fmt = par.paragraph_format
    if item and not bullet:
        fmt.left_indent = Cm(1.27 if nested else 0.63)
    if role in ("cover", "caption", "title"):
        par.alignment, fmt.keep_with_next = CENTER, role != "cover"
    elif len(plain(body)) > 90:
        par.alignment = JUSTIFY
    if role in ("cover", "signature"):
        fmt.space_before = Pt(48)
    if role == "caption":
        fmt.space_after = Pt(0)
    add_runs(par, runs, size=18 if role == "cover" else 0, bold=role in ("cover", "title"),
             strip_prefix=len(line) - len(body))
    return par


def landscape_flags(blocks: list[Block]) -> list[bool]:
    """Per block, whether it sits on a landscape page: a wide table, its caption, the rest of its page."""
    flags = [False] * len(blocks)
    for i, b in enumerate(blocks):
        if b.kind != "table" or len(b.rows[0]) <= WIDE_TABLE:
            continue
        start = top = i
        while start > 0 and blocks[start - 1].role == "caption" and not blocks[start].page_break:
            start = top = start - 1
        while top > 0 and not blocks[top].page_break:
            top -= 1
        lead = blocks[top:start]  # a short lead-in on the same page goes along with the table
        if lead and sum(len(plain(x.text)) for x in lead) <= 200 and all(x.kind != "table" for x in lead):
            start = top
        end = next((k for k in range(i + 1, len(blocks)) if blocks[k].page_break), len(blocks))
        flags[start:end] = [True] * (end - start)
    return flags


def build_docx(text: str, out_path: Path) -> Path:
    """Write seed-format text as a Word report to ``out_path``."""
    blocks, doc, landscape = parse_seed(text), new_document(), False
    cover = " ".join(plain(b.text) for b in blocks if b.role == "cover")
    doc.core_properties.title, doc.core_properties.author = " ".join(cover.split()) or "LAKIP", "lakip samples"
    for i, (block, wide) in enumerate(zip(blocks, landscape_flags(blocks))):
        page_break = block.page_break and i > 0
        if wide != landscape:   # a section break starts the new page
            landscape, page_break = wide, False
            set_page(doc.add_section(WD_SECTION.NEW_PAGE), landscape)
        if block.kind == "table":
            if page_break:
                doc.add_paragraph().paragraph_format.page_break_before = True
            sec = doc.sections[-1]
            add_table(doc, block, (sec.page_width - sec.left_margin - sec.right_margin) / 360000)
            continue
        if block.kind == "heading":
            first = add_heading(doc, block)
        else:
            lines = zip(block.text.split("\n"), inline_runs(block.text))
            first = [add_line(doc, line, runs, block.role) for line, runs in lines][0]
        first.paragraph_format.page_break_before = page_break or None
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
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:   # private profile: parallel runs are safe
        subprocess.run([soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
                       check=True, capture_output=True, timeout=600)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice did not write {pdf}")
    return pdf


def main(argv: list[str] | None = None) -> int:
    """Build the sample .docx and .pdf from the seed text."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="seed text export (tab-separated tables)")
    ap.add_argument("--out-dir", type=Path, default=SAMPLES_DIR, help="where to write the .docx and .pdf")
    args = ap.parse_args(argv)
    docx_path = build_docx(args.seed.read_text(encoding="utf-8"), args.out_dir / f"{args.seed.stem}.docx")
    print(f"wrote {docx_path}\nwrote {docx_to_pdf(docx_path, args.out_dir)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
