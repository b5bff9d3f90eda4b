"""Find the caption printed above a table, shared by every reader."""

from __future__ import annotations

import re
from typing import Optional, Sequence

NUMBER = r"(?:(?-i:[IVX]{1,4})(?=\s*\.\s*\d)|\d+)(?:\s*\.\s*\d+)*"
"""A table number: '3.4', '3. 4', '12', or with the chapter in roman numerals 'III.4'."""
TABLE_LABEL = re.compile(r"^\s*(tabel|table)\s*\.?\s*(" + NUMBER + r")\s*\.?", re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_SENTENCE_END = re.compile(r"[:;]\s*$")


def table_label(text: str) -> Optional[str]:
    """The table number a caption starts with ('Tabel 3. 8' → '3.8', 'Tabel III.4' → '3.4'), or None."""
    m = TABLE_LABEL.match(text)
    if not m:
        return None
    return label_number(m.group(2))


def label_number(printed: str) -> str:
    """A printed table number in one form: spaces dropped, a roman chapter in digits ('III. 4' → '3.4')."""
    label = re.sub(r"\s+", "", printed).rstrip(".")
    head, dot, rest = label.partition(".")
    return f"{_ROMAN[head]}{dot}{rest}" if head in _ROMAN else label


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
