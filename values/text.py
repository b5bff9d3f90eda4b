"""Text as names are compared: case folded, accents and punctuation dropped, figures kept whole."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W_]+|%")


def fold(s: str) -> str:
    """Casefold and drop accents."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def normalize_text(s: str) -> str:
    """Casefold, drop punctuation (keeping ``%`` and separators inside numbers), ``&`` → dan."""
    s = fold(s).replace("&", " dan ").replace("'", "").replace("\u2019", "")
    return " ".join(_WORD.findall(s))
