"""Tiny Documents built from lines of text, for tests of the text-side extractors."""

from __future__ import annotations

from typing import Sequence

from lakip.ingest.model import Document, Page, Table, TextBlock


def document(*pages: Sequence[str], tables: Sequence[Table] = ()) -> Document:
    """A Document with one text block per given line, page by page (tables placed by their order)."""
    blocks, order = [], 0
    table_orders = {t.order for t in tables}
    for number, lines in enumerate(pages, start=1):
        for text in lines:
            while order in table_orders:
                order += 1
            blocks.append(TextBlock(text=text, page=number, order=order))
            order += 1
    return Document(path="x.pdf", sha256="0" * 64, kind="pdf",
                    pages=tuple(Page(n, 595, 842) for n in range(1, len(pages) + 1)),
                    blocks=tuple(blocks), tables=tuple(tables))
