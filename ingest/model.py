"""The ingested document: pages, text blocks in reading order, and tables.

Every value here is a frozen dataclass, built whole by the readers in
``lakip.ingest`` and never changed afterwards. Positions are PDF points with
the origin at the top-left of the page (pdfplumber's ``top``/``bottom``
convention); pages are numbered from 1. A DOCX has no pages until it is
printed: its reader estimates page numbers from page and section breaks, and
its cells carry ``bbox=None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

BBox = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in PDF points, top-left origin."""


@dataclass(frozen=True)
class Cell:
    """One table cell as printed: its text (whitespace collapsed) and where it is."""

    text: str
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    colspan: int = 1
    confidence: Optional[float] = None
    """How sure OCR is of the text (0–1), for a cell on a scanned page; None when printed as text."""


@dataclass(frozen=True)
class Table:
    """One logical table, joined across page breaks, with header and body rows.

    ``header`` holds one or more header rows; a merged header cell repeats its
    text in every column it spans (``colspan`` on the first says how many).
    ``rows`` are body rows, each as wide as the table.
    """

    id: str
    caption: Optional[str]
    pages: tuple[int, ...]
    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    engine: str
    bbox: dict[int, BBox] = field(default_factory=dict)
    order: int = 0
    """Position in reading order among all blocks and tables of the document."""

    @property
    def n_cols(self) -> int:
        """Number of columns (the widest row)."""
        widths = [len(r) for r in self.header + self.rows]
        return max(widths) if widths else 0

    @property
    def first_page(self) -> Optional[int]:
        """The page the table starts on, if known."""
        return self.pages[0] if self.pages else None

    def header_labels(self) -> tuple[str, ...]:
        """One label per column: the header rows' texts joined top to bottom."""
        labels = []
        for c in range(self.n_cols):
            parts: list[str] = []
            for hrow in self.header:
                if c < len(hrow):
                    t = hrow[c].text.strip()
                    if t and (not parts or parts[-1] != t):
                        parts.append(t)
            labels.append(" / ".join(parts))
        return tuple(labels)

    def texts(self) -> list[list[str]]:
        """Body rows as lists of strings."""
        return [[c.text for c in row] for row in self.rows]


@dataclass(frozen=True)
class TextBlock:
    """A paragraph, heading or line of running text outside tables."""

    text: str
    page: Optional[int]
    bbox: Optional[BBox] = None
    order: int = 0
    bold: bool = False
    confidence: Optional[float] = None
    """How sure OCR is of the text (0–1), for a block on a scanned page; None when printed as text."""


@dataclass(frozen=True)
class Page:
    """One page: its size, rotation, whether it has a text layer, and its plain text."""

    number: int
    width: float
    height: float
    rotation: int = 0
    text_layer: bool = True
    text: str = ""
    ocr: bool = False
    """Whether the page's words were read by OCR (it has no text layer of its own)."""
    ocr_confidence: Optional[float] = None
    """Mean OCR word confidence (0–1) of a page read by OCR."""
    ocr_problem: Optional[str] = None
    """Why a page without a text layer was not read by OCR ('unavailable: …', 'no-text', …), or None."""


@dataclass(frozen=True)
class Document:
    """A whole ingested report."""

    path: str
    sha256: str
    kind: str
    """'pdf' or 'docx'."""
    pages: tuple[Page, ...]
    blocks: tuple[TextBlock, ...]
    tables: tuple[Table, ...]

    @property
    def n_pages(self) -> int:
        """Number of pages (for a DOCX, the estimate from its page breaks)."""
        return len(self.pages)

    def pages_without_text(self) -> tuple[int, ...]:
        """Numbers of the pages that have no usable text layer."""
        return tuple(p.number for p in self.pages if not p.text_layer)

    def full_text(self) -> str:
        """All running text in reading order, one block per line."""
        return "\n".join(b.text for b in self.blocks)
