"""All table pieces of one PDF page: ruled grids first, then tables laid out with whitespace."""

from __future__ import annotations

from typing import Sequence

from lakip.ingest.model import BBox
from lakip.ingest.pdf_tables import Rule, ruled_pieces
from lakip.ingest.pdf_text import Word
from lakip.ingest.pdf_unruled import unruled_pieces
from lakip.ingest.settings import ExtractSettings
from lakip.ingest.stitch import Piece


def page_pieces(page: int, words: list[Word], rules: Sequence[Rule], fills: Sequence[BBox], width: float,
                height: float, settings: ExtractSettings, vocab: frozenset[str] = frozenset()
                ) -> tuple[list[Piece], list[Word]]:
    """All table pieces of a page (ruled first, then unruled) and the words outside them."""
    big = [f for f in fills if (f[2] - f[0]) * (f[3] - f[1]) < 0.8 * width * height]
    pieces, rest = ruled_pieces(page, height, words, rules, big, settings, vocab)
    if settings.unruled_tables:
        more, rest = unruled_pieces(page, height, rest, rules, settings, vocab)
        pieces += more
    return sorted(pieces, key=lambda p: p.bbox[1]), rest
