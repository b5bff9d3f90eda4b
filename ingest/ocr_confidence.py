"""The OCR confidence of what is printed in each table cell and text block of a scanned page."""

from __future__ import annotations

import statistics
from dataclasses import replace
from typing import TYPE_CHECKING, Optional, Sequence

from lakip.ingest.model import BBox, Cell, Table, TextBlock

if TYPE_CHECKING:
    from lakip.ingest.ocr import ScanPage

def region_confidence(box: Optional[BBox], words: Sequence, confs: Sequence[float]) -> Optional[float]:
    """Confidence of what is printed in a box: the least sure figure in it, else the mean of its words."""
    if box is None:
        return None
    inside = [(w, c) for w, c in zip(words, confs)
              if box[0] - 1 <= (w.x0 + w.x1) / 2 <= box[2] + 1 and box[1] - 1 <= w.base - 0.3 * w.size <= box[3] + 1]
    if not inside:
        return None
    figures = [c for w, c in inside if any(ch.isdigit() for ch in w.text)]
    return round(min(figures), 3) if figures else round(statistics.fmean(c for _, c in inside), 3)


def _cell(cell: Cell, scans: dict[int, "ScanPage"]) -> Cell:
    """A cell with the confidence of its OCR'd text, when it lies on a scanned page."""
    scan = scans.get(cell.page) if cell.page is not None else None
    if scan is None or not cell.text:
        return cell
    return replace(cell, confidence=region_confidence(cell.bbox, scan.words, scan.confidences))


def annotate(blocks: Sequence[TextBlock], tables: Sequence[Table], scans: dict[int, "ScanPage"]):
    """Text blocks and table cells of scanned pages with their OCR confidence."""
    if not scans:
        return list(blocks), list(tables)
    out_blocks = []
    for b in blocks:
        scan = scans.get(b.page) if b.page is not None else None
        out_blocks.append(b if scan is None else replace(
            b, confidence=region_confidence(b.bbox, scan.words, scan.confidences)))
    out_tables = []
    for t in tables:
        if not set(t.pages) & set(scans):
            out_tables.append(t)
            continue
        out_tables.append(replace(t, header=tuple(tuple(_cell(c, scans) for c in r) for r in t.header),
                                  rows=tuple(tuple(_cell(c, scans) for c in r) for r in t.rows)))
    return out_blocks, out_tables


def confidence_regions(doc) -> tuple[tuple[int, BBox, float, str], ...]:
    """Every table cell and text block read by OCR: its page, box, confidence and text."""
    out = [(b.page, b.bbox, b.confidence, b.text) for b in doc.blocks if b.confidence is not None and b.bbox]
    for t in doc.tables:
        out += [(c.page, c.bbox, c.confidence, c.text) for row in t.header + t.rows for c in row
                if c.confidence is not None and c.bbox and c.page is not None]
    return tuple(out)
