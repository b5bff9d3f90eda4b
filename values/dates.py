"""Dates as Indonesian reports print them: '20 Januari 2025', '20-01-2025', a signature's place-and-date line."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

MONTHS = {name: n for n, names in enumerate((
    "januari january jan", "februari pebruari february feb peb", "maret march mar", "april apr", "mei may",
    "juni june jun", "juli july jul", "agustus august agu agt ags aug", "september sept sep",
    "oktober october okt oct", "november nopember nov nop", "desember december des dec"), start=1)
    for name in names.split()}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = re.compile(rf"(?<![\d.,/])(\d{{1,2}})\s*[-\s]\s*({_MONTH})\.?\s*[-\s]\s*((?:19|20)\d\d)(?!\d)", re.I)
NUM_DATE = re.compile(r"(?<![\d.,/])(\d{1,2})([-/])(\d{1,2})\2((?:19|20)\d\d)(?![\d.,/]?\d)")
_PLACE_DATE = re.compile(
    r"^(?:ditetapkan\s+di\s+)?[A-Za-z][A-Za-z .'\-]{1,40},?\s*(?:(?:pada\s+)?tanggal\s*:?\s*)?(?:\d{1,2}\s+)?"
    rf"(?:{_MONTH})\.?\s+(?:19|20)\d\d\s*$|^(?:\d{{1,2}}\s+)?(?:{_MONTH})\.?\s+(?:19|20)\d\d$"
    r"|^[A-Za-z][A-Za-z .'\-]{1,40},?\s*\d{1,2}[-/]\d{1,2}[-/](?:19|20)\d\d$",
    re.I,
)


def parse_day(day: int, month: int, year: int) -> Optional[date]:
    """The date, or None when it does not exist (31 Juni, 29 Februari 2023)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str, Optional[date]]]:
    """Dates in text as (start, end, printed, value); value None when the date is impossible."""
    out = [(m.start(), m.end(), m.group(), parse_day(int(m[1]), MONTHS[m[2].lower()], int(m[3])))
           for m in DATE.finditer(text)]
    out += [(m.start(), m.end(), m.group(), parse_day(int(m[1]), int(m[3]), int(m[4])))
            for m in NUM_DATE.finditer(text) if int(m[3]) <= 12 or int(m[1]) <= 12]
    return sorted(out)


def is_date_line(text: str) -> bool:
    """Whether a line is the place-and-date line of a signature ('Wailiti, 20 Januari 2025')."""
    t = text.strip()
    return len(t) <= 70 and bool(_PLACE_DATE.match(t))
