"""Blocks → HTML for headless Chromium (CSS borders or none, spans, page breaks, landscape pages)."""

from __future__ import annotations

import html
from pathlib import Path

from .doc import Break, Para, Table
from .layout import Layout

CSS = """
@page { size: A4; margin: 2cm; }
@page wide { size: A4 landscape; margin: 1.5cm; }
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 11pt; }
p { margin: 0 0 6pt 0; text-align: justify; }
p.title, p.center, p.caption { text-align: center; }
p.title, p.caption { font-weight: bold; }
p.sign { margin-left: 9cm; text-align: left; }
p.item { margin-left: 1cm; }
h1 { font-size: 14pt; text-align: center; } h2 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin-bottom: 10pt; }
td, th { padding: 2pt 4pt; vertical-align: top; }
.grid td, .grid th { border: 1px solid #000; }
th { font-weight: bold; text-align: center; }
.r { text-align: right; } .c { text-align: center; } .b { font-weight: bold; }
.wide { page: wide; }
.brk { page-break-before: always; break-before: page; }
"""
TAGS = {"h1": "h1", "h2": "h2"}


def cell_html(cell, tag: str) -> str:
    """One td/th with spans, alignment, bold and indentation."""
    attrs = []
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    classes = {"right": "r", "center": "c"}.get(cell.align, "")
    classes += " b" if cell.bold else ""
    if classes.strip():
        attrs.append(f'class="{classes.strip()}"')
    if cell.indent:
        attrs.append(f'style="padding-left:{4 + 12 * cell.indent}pt"')
    return f"<{tag} {' '.join(attrs)}>{html.escape(cell.text)}</{tag}>"


def rows_html(rows: tuple, tag: str) -> str:
    """Table rows."""
    return "".join("<tr>" + "".join(cell_html(c, tag) for c in row) + "</tr>" for row in rows)


def table_html(table: Table, layout: Layout, header: tuple, body: tuple, repeat: bool) -> str:
    """One <table>; a repeated header goes in <thead> (Chromium prints it on every page)."""
    cls = "grid" if layout.borders else "plain"
    head = f"<thead>{rows_html(header, 'th')}</thead>" if repeat else rows_html(header, "th")
    return f'<table class="{cls}">{head}<tbody>{rows_html(body, "td")}</tbody></table>'


def emit_table(table: Table, layout: Layout) -> str:
    """Caption, title and the table, split with a page break when asked."""
    parts = [f'<p class="caption">{html.escape(t)}</p>' for t in (table.caption, table.title) if t]
    cut = table.split_at or len(table.body)
    parts.append(table_html(table, layout, table.header, table.body[:cut], table.repeat_header))
    if cut < len(table.body):
        header = table.header if table.repeat_header else ()
        parts.append('<div class="brk"></div>' + table_html(table, layout, header, table.body[cut:], True))
    inner = "".join(parts)
    return f'<div class="wide">{inner}</div>' if table.wide and layout.landscape_wide else f"<div>{inner}</div>"


def para_html(para: Para) -> str:
    """One paragraph or heading."""
    text = html.escape(para.text) or "&nbsp;"
    if para.bold and para.style not in TAGS:
        text = f"<b>{text}</b>"
    if para.style in TAGS:
        return f"<{TAGS[para.style]}>{text}</{TAGS[para.style]}>"
    return f'<p class="{para.style}">{text}</p>'


def render_html(blocks: tuple, layout: Layout, path: Path) -> Path:
    """Write ``blocks`` as one HTML file at ``path``."""
    out, pending_break = [], False
    for block in blocks:
        if isinstance(block, Break):
            pending_break = True
            continue
        piece = emit_table(block, layout) if isinstance(block, Table) else para_html(block)
        if pending_break:
            piece, pending_break = '<div class="brk"></div>' + piece, False
        out.append(piece)
    doc = f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><style>{CSS}</style></head><body>{"".join(out)}</body></html>'
    path = Path(path)
    path.write_text(doc, encoding="utf-8")
    return path
