"""Find the caption printed above a table, shared by every reader."""

from __future__ import annotations

import re
from typing import Optional, Sequence

TABLE_LABEL = re.compile(r"^\s*(tabel|table)\s*\.?\s*(\d+(?:\s*\.\s*\d+)*)\s*\.?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[:;]\s*$")


def table_label(text: str) -> Optional[str]:
    """The table number a caption starts with ('Tabel 3. 8' → '3.8'), or None."""
    m = TABLE_LABEL.match(text)
    if not m:
        return None
    return re.sub(r"\s+", "", m.group(2)).rstrip(".")


def is_title_line(text: str) -> bool:
    """Whether a line looks like a title (short, not a sentence that runs into the table)."""
    t = text.strip()
    return 0 < len(t) <= 140 and not _SENTENCE_END.search(t) and not t.endswith(",")


def find_caption(preceding: Sequence[str], max_lines: int = 4) -> Optional[str]:
    """The caption among the lines just above a table (last ``max_lines``), or None.

    A line starting 'Tabel N.N' and the title lines after it form the caption;
    without one, a single short title line right above the table is taken.
    """
    lines = [p.strip() for p in preceding[-max_lines:] if p and p.strip()]
    for k in range(len(lines) - 1, -1, -1):
        if table_label(lines[k]):
            tail = lines[k + 1:]
            if all(is_title_line(t) for t in tail):
                return " ".join([lines[k]] + tail)
            return lines[k]
    if lines and is_title_line(lines[-1]) and not re.match(r"^[\-•❖➤>]|^\d+\.\s|^[\d\s/().,%-]*$", lines[-1]):
        return lines[-1]  # (a line of years or numbers is a header line the table lost, not its title)
    return None
