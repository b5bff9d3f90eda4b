"""Things printed anywhere in the report: figures, dates, years in titles, table references.

* ``figures``: every figure in a table cell or in running text, as printed, so
  the F2xx rules can look at how numbers are written (the rules decide which
  ones matter; years and small counts are plain and never malformed).
* ``dates``: day-month-year dates with Indonesian (or English) month names and
  dd-mm-yyyy dates; an impossible date ("31 Juni 2024") keeps ``value=None``.
* ``years``: a year named in a heading, a table caption, the report's title
  or a signature line. Periods ("2024-2026") and legal references ("Nomor 53
  Tahun 2014", "Tahun 2014 tentang") are not years of the report and are left out.
* ``table_refs``: references in running text to a numbered table
  ("dapat dilihat pada tabel 3.4", "Tabel 3.1 dan 3.2"); captions are not references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from lakip.ingest.captions import NUMBER, TABLE_LABEL, label_number, table_label
from lakip.values.figures import find_figures, parse_figure
from lakip.ingest.model import Document, Table
from lakip.schemas.document import REPORT_WORDS, Line, is_heading, is_place_year, text_lines, titleish
from lakip.schemas.facts import DateMention, FigureMention, Source, TableRef, YearMention
from lakip.values.dates import find_dates, is_date_line
from lakip.schemas.narrative import Paragraph, paragraphs

_YEAR = re.compile(r"(?<![\d.,/\-])((?:19|20)\d\d)(?![\d,]|\.\d)")
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—/]|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*(?:tahun\s+)?(?:19|20)\d\d",
                          re.I)
_RANGE_BEFORE = re.compile(r"(?:19|20)\d\d\s*(?:[-–—/]|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*(?:tahun\s+)?$",
                           re.I)
_LEGAL_BEFORE = re.compile(r"\b(?:Nomor|No\.?|Nmr\.?)\s*:?\s*[\w./\-]+\s*(?:Tahun|Th\.?)?\s*$|/\s*$", re.I)
_LEGAL_AFTER = re.compile(r"^\s*(?:tentang|ttg)\b", re.I)
NUMBER_MORE = r"(?:(?-i:[IVX]{1,4})|\d+)(?:\s*\.\s*\d+)+"
"""A further table number of a reference list ('3.2', 'III.2'): always with its chapter."""
_REF = re.compile(
    r"\b(?:tabel|table)\s*\.?\s*(?P<first>" + NUMBER + ")"
    r"(?P<more>(?:\s*(?:,|dan|&|s\.?\s*/?\s*d\.?|sampai\s+dengan|-|–)"
    r"\s*(?:tabel\s*)?" + NUMBER_MORE + r")*)", re.I)
_CONTINUES = re.compile(r"(?:\b(?:dan|dengan|serta|atau|yang|di|ke|dari|untuk|pada|antara|terhadap|tentang)|[,&/\-])$",
                        re.I)
"""A heading line ending like this goes on on the next line."""
_MORE = re.compile(r"(,|dan|&|s\.?\s*/?\s*d\.?|sampai\s+dengan|-|–)\s*(?:tabel\s*)?(" + NUMBER_MORE + ")", re.I)


@dataclass(frozen=True)
class Mentions:
    """Everything printed that the format, period and reference rules look at."""

    figures: tuple[FigureMention, ...]
    dates: tuple[DateMention, ...]
    years: tuple[YearMention, ...]
    table_refs: tuple[TableRef, ...]


def table_name(table: Table) -> Optional[str]:
    """How a finding names a table: 'Tabel 3.8', else its caption (shortened), else None."""
    if not table.caption:
        return None
    label = table_label(table.caption)
    if label:
        return f"Tabel {label}"
    return table.caption if len(table.caption) <= 80 else table.caption[:77] + "..."


def cell_source(table: Table, row: Optional[int], col: int, text: str, page: Optional[int],
                bbox=None) -> Source:
    """The Source of one cell: table name and id, 1-based body row (None for a header), column label."""
    labels = table.header_labels()
    column = labels[col] if col < len(labels) and labels[col] else None
    return Source(page=page, table=table_name(table), table_id=table.id, row=row, column=column, text=text,
                  bbox=bbox)


def _cell_figures(text: str) -> list:
    """The figures of one cell: the whole cell if it is one figure, else those found inside it."""
    fig = parse_figure(text)
    if fig.kind not in ("text", "empty"):
        return [fig]
    return [f for _, _, f in find_figures(text)]


def table_figures(doc: Document) -> Iterator[FigureMention]:
    """Every figure in every table cell (header rows too, e.g. years)."""
    for table in doc.tables:
        for r, row in enumerate(table.header + table.rows):
            body_row = r - len(table.header) + 1 if r >= len(table.header) else None
            for c, cell in enumerate(row):
                if not cell.text or (c > 0 and cell.text == row[c - 1].text and r < len(table.header)):
                    continue
                for fig in _cell_figures(cell.text):
                    yield FigureMention(fig, cell_source(table, body_row, c, fig.text, cell.page, cell.bbox), True)


def text_figures(paras: tuple[Paragraph, ...]) -> Iterator[FigureMention]:
    """Every figure in running text, read across line breaks (references such as 'Tabel 3.6' and NIPs left out)."""
    for para in paras:
        for start, end, fig in find_figures(para.text):
            yield FigureMention(fig, para.source(start, end), False)


def extract_dates(doc: Document, paras: tuple[Paragraph, ...]) -> tuple[DateMention, ...]:
    """Dates in running text and in table cells; those on a place-and-date line are 'signature'."""
    out = []
    for para in paras:
        for start, end, printed, value in find_dates(para.text):
            context = "signature" if is_date_line(para.line_at(start).text) else "text"
            out.append(DateMention(value, printed, para.source(start, end), context))
    for table in doc.tables:
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row):
                out += [DateMention(value, printed, cell_source(table, r, c, printed, cell.page))
                        for _, _, printed, value in find_dates(cell.text)]
    return tuple(out)


def years_in(text: str) -> list[int]:
    """The years a title names, leaving out periods (2024-2026) and legal references (Nomor 53 Tahun 2014)."""
    out = []
    for m in _YEAR.finditer(text):
        before, after = text[:m.start()], text[m.end():]
        if _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before):
            continue
        if _LEGAL_BEFORE.search(before) or _LEGAL_AFTER.match(after):
            continue
        out.append(int(m.group(1)))
    return out


def _line_context(lines: tuple[Line, ...], i: int) -> Optional[str]:
    """'signature', 'title', 'caption' or 'heading' for a line that can name the report's year, else None."""
    text = lines[i].text
    if re.match(r"^\s*sumber\b", text, re.I):
        return None
    if is_date_line(text) or is_place_year(text):
        return "signature"
    if not is_heading(lines, i) and not (TABLE_LABEL.match(text) and len(text) <= 160):
        return None
    if REPORT_WORDS.search(text):
        return "title"
    return "caption" if TABLE_LABEL.match(text) else "heading"


def _headings(lines: tuple[Line, ...]) -> Iterator[tuple[Line, str, str]]:
    """(first line, text, context) of each title, heading, caption or signature line; a heading
    printed over several lines (wrapped in a PDF) is joined into one text."""
    contexts = [_line_context(lines, i) for i in range(len(lines))]
    i = 0
    while i < len(lines):
        context = contexts[i]
        j = i + 1
        if context in ("heading", "title", "caption"):
            while (j < len(lines) and contexts[j] in ("heading", "title", "caption") and lines[j].page == lines[i].page
                   and not TABLE_LABEL.match(lines[j].text) and not re.search(r"[.:;]$", lines[j - 1].text)
                   and (len(lines[j].text.split()) <= 4 or _CONTINUES.search(lines[j - 1].text))):
                j += 1
        if context:
            text = " ".join(x.text for x in lines[i:j])
            if context != "signature" and REPORT_WORDS.search(text):
                context = "title"
            yield lines[i], text, context
        i = j


def extract_years(doc: Document, lines: tuple[Line, ...]) -> tuple[YearMention, ...]:
    """Years named by headings, captions, titles and signature lines."""
    out: list[YearMention] = []
    captions = [(re.sub(r"\s+", " ", t.caption), t) for t in doc.tables if t.caption]
    for first, text, context in _headings(lines):
        near = [cap for cap, t in captions if first.page is None or first.page in t.pages]
        if context != "signature" and any(text in cap for cap in near):
            continue
        told = {y for cap in near if cap in text for y in years_in(cap)}
        out += [YearMention(y, text, first.source(text), context)
                for y in dict.fromkeys(years_in(text)) if context == "signature" or y not in told]
    for caption, table in captions:
        src = Source(page=table.first_page, table=table_name(table), table_id=table.id, text=caption)
        out += [YearMention(y, caption, src, "caption") for y in dict.fromkeys(years_in(caption))]
    return tuple(out)


def _is_caption_line(text: str) -> bool:
    """Whether a line starting 'Tabel N' is the caption itself rather than a sentence citing it."""
    rest = TABLE_LABEL.sub("", text, count=1)
    return bool(TABLE_LABEL.match(text)) and (not rest.strip() or (titleish(rest) and len(text.split()) <= 25))


def _labels(m: re.Match) -> list[str]:
    """The table numbers of one reference: 'tabel 3.1, 3.2 dan 3.3' → ['3.1', '3.2', '3.3']."""
    first = label_number(m["first"])
    labels = [first]
    for sep, num in _MORE.findall(m["more"] or ""):
        num = label_number(num)
        head, _, last = labels[-1].rpartition(".")
        nhead, _, nlast = num.rpartition(".")
        if re.match(r"s|sampai|-|–", sep, re.I) and head == nhead and last.isdigit() and nlast.isdigit():
            labels += [f"{head}.{k}" for k in range(int(last) + 1, int(nlast))]
        labels.append(num)
    return labels


def extract_table_refs(paras: tuple[Paragraph, ...]) -> tuple[TableRef, ...]:
    """References in running text to numbered tables, read across line breaks (captions excluded)."""
    out = []
    for para in paras:
        for m in _REF.finditer(para.text):
            line = para.line_at(m.start())
            line_start = para.starts[para.lines.index(line)]
            if para.line_at(m.end() - 1) is not line and m.start("first") < line_start + len(line.text):
                m = _REF.match(para.text[:line_start + len(line.text)], m.start()) or m
            at_line_start = line_start == m.start()
            if (at_line_start and _is_caption_line(line.text)) or (m.start() == 0 and _is_caption_line(para.text)):
                continue
            out += [TableRef(label, para.source(m.start(), m.end())) for label in _labels(m)]
    return tuple(out)


def extract_mentions(doc: Document) -> Mentions:
    """Figures, dates, years and table references of one document."""
    lines = text_lines(doc)
    paras = paragraphs(doc, lines)
    figures = tuple(table_figures(doc)) + tuple(text_figures(paras))
    return Mentions(figures=figures, dates=extract_dates(doc, paras), years=extract_years(doc, lines),
                    table_refs=extract_table_refs(paras))
