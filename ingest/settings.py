"""Extraction settings for the PDF reader: one validated, frozen value.

Every tolerance the PDF pipeline uses lives here, in PDF points unless said
otherwise, so a caller (or a test) can change one without touching the code
and an impossible value fails at once instead of deep inside extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

SOURCES = ("pdfium", "pdfplumber")


@dataclass(frozen=True)
class ExtractSettings:
    """Tolerances and switches of ``read_pdf``; invalid values raise ``ValueError``."""

    source: str = "pdfium"
    """Where characters and ruling lines come from: 'pdfium' (fast) or 'pdfplumber'."""
    baseline_tolerance: float = 1.5
    """Characters whose baselines differ by at most this are on one text line."""
    word_gap: float = 0.18
    """A gap wider than this fraction of the font size between two characters splits a word."""
    rule_max_thickness: float = 3.0
    """Thicker filled shapes are backgrounds (cell shading), not ruling lines."""
    rule_min_length: float = 4.0
    """Shorter ruling segments (corner pieces, ticks) are ignored once joined."""
    snap_tolerance: float = 2.0
    """Ruling lines closer than this are one grid line."""
    join_tolerance: float = 3.0
    """Collinear ruling segments with a gap up to this are one line."""
    edge_coverage: float = 0.6
    """A grid edge exists when ruling covers at least this fraction of it."""
    min_cell_size: float = 4.0
    """Grid rows or columns thinner than this are folded into their neighbour."""
    caption_lines: int = 4
    """How many text lines above a table are offered to ``find_caption``."""
    max_header_rows: int = 5
    """At most this many leading rows of a table are header rows."""
    margin_band: float = 0.12
    """Top and bottom fraction of a page where running headers and footers sit."""
    page_edge_gap: float = 0.2
    """A table piece within this fraction of the page height from an edge may continue across it."""
    column_tolerance: float = 6.0
    """Column boundaries of two table pieces within this many points are the same column."""
    unruled_tables: bool = True
    """Look for tables laid out with whitespace only (no ruling lines)."""
    min_gutter: float = 0.9
    """Whitespace between columns of an unruled table, as a fraction of the font size."""
    min_gutter_long: float = 0.6
    """The same for a table of ``long_table_lines`` lines or more: a strip of whitespace that runs
    through that many lines is a gutter even when narrow (right-aligned figures beside left-aligned
    text leave only the two cell paddings between them)."""
    long_table_lines: int = 6
    """Lines from which ``min_gutter_long`` applies."""
    min_unruled_rows: int = 3
    """An unruled table needs at least this many lines with two or more columns."""

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        if self.source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}, got {self.source!r}")
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or isinstance(value, str):
                continue
            if not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"{f.name} must be a non-negative number, got {value!r}")
        for name in ("word_gap", "edge_coverage", "margin_band", "page_edge_gap"):
            if not 0 < getattr(self, name) < 1:
                raise ValueError(f"{name} must be between 0 and 1, got {getattr(self, name)!r}")
        for name in ("caption_lines", "max_header_rows", "min_unruled_rows", "long_table_lines"):
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 1:
                raise ValueError(f"{name} must be a positive integer, got {getattr(self, name)!r}")
        if self.rule_max_thickness <= 0 or self.snap_tolerance <= 0:
            raise ValueError("rule_max_thickness and snap_tolerance must be positive")


DEFAULT_SETTINGS = ExtractSettings()
