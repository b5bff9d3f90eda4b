"""Where a finding is, said the way a report's author would look for it: "Tabel 3.8 baris 28, halaman 46"."""

from __future__ import annotations

import re
from typing import Any, Iterable, Optional, Sequence

from lakip.values.figures import format_en, format_id
from lakip.rules.base import Location

_NUMBERED = re.compile(r"^(tabel|table|lampiran|gambar)\s+[\w.]+$", re.IGNORECASE)
_INTERNAL_ID = re.compile(r"^t\d+$")
MAX_CAPTION = 60
"""Longest table caption quoted in full; longer ones are cut with an ellipsis."""
MAX_PLACES = 4
"""Most places named one by one; the rest are counted."""


def pick(lang: str, id_text: str, en_text: str) -> str:
    """The text in the user's language."""
    return en_text if lang == "en" else id_text


def number(value: Any, lang: str, decimals: Optional[int] = None, convention: str = "id") -> str:
    """A number as the report prints it (2,15 · 884.150.828), in either language: it is what to type there."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    return format_en(value, decimals) if convention == "us" else format_id(value, decimals)


def table_name(table: Optional[str], lang: str) -> str:
    """'Tabel 3.8' as printed; a caption quoted (cut when long); '' for an internal id or none."""
    if not table or _INTERNAL_ID.match(table):
        return ""
    if _NUMBERED.match(table.strip()):
        return table.strip()
    caption = table.strip()
    if len(caption) > MAX_CAPTION:
        caption = caption[:MAX_CAPTION].rsplit(" ", 1)[0] + " …"
    return pick(lang, f"tabel “{caption}”", f"the table “{caption}”")


def place(loc: Location, lang: str, column: bool = True) -> str:
    """One location: 'Tabel 3.8 baris 28 kolom RELISASI, halaman 46' (parts that are unknown left out)."""
    parts = []
    name = table_name(loc.table, lang)
    if name:
        parts.append(name)
    if name and loc.row is not None:
        parts.append(pick(lang, f"baris {loc.row}", f"row {loc.row}"))
    if column and loc.column:
        parts.append(pick(lang, f"kolom {loc.column}", f"column {loc.column}"))
    where = " ".join(parts)
    if loc.page is not None:
        page = pick(lang, f"halaman {loc.page}", f"page {loc.page}")
        where = f"{where}, {page}" if where else page
    if loc.document:
        where = f"{where} ({loc.document})" if where else loc.document
    return where


def join(items: Sequence[str], lang: str) -> str:
    """'a', 'a dan b', 'a, b dan c' (English: 'a, b and c')."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + pick(lang, " dan ", " and ") + items[-1]


def places(locs: Iterable[Location], lang: str, column: bool = True) -> str:
    """Several locations, each named once, the ones beyond ``MAX_PLACES`` counted.

    Places in a named table are named one by one; places in running text are said as
    their pages ('halaman 2, 29 dan 30'), leaving out pages a named table already gives.
    """
    locs = list(locs)
    in_tables = [loc for loc in locs if table_name(loc.table, lang) and not loc.document]
    named = list(dict.fromkeys(place(loc, lang, column) for loc in in_tables))
    seen = {loc.page for loc in in_tables}
    rest = [loc for loc in locs if loc not in in_tables and (loc.page not in seen or loc.document)]
    documents = [loc for loc in rest if loc.document]
    named += list(dict.fromkeys(place(loc, lang, column) for loc in documents))
    loose = pages([loc for loc in rest if not loc.document], lang)
    if loose:
        named.append(loose)
    named = [n for n in named if n]
    if len(named) > MAX_PLACES:
        others = len(named) - MAX_PLACES + 1
        named = named[:MAX_PLACES - 1] + [pick(lang, f"{others} tempat lain", f"{others} other places")]
    return join(named, lang)


def pages(locs: Iterable[Location], lang: str) -> str:
    """'halaman 2, 29 dan 30' for locations without a table."""
    numbers = sorted({loc.page for loc in locs if loc.page is not None})
    if not numbers:
        return ""
    word = pick(lang, "halaman", "page" if len(numbers) == 1 else "pages")
    return f"{word} {join([str(n) for n in numbers], lang)}"


def at(locs: Sequence[Location], lang: str, column: bool = True) -> str:
    """' pada <places>' (English ' at <places>'), or '' when nothing is known of where."""
    where = places(locs, lang, column)
    return pick(lang, f" pada {where}", f" at {where}") if where else ""


def value_groups(values: Sequence[Any], counts: Sequence[int],
                 locs: Sequence[Location]) -> list[tuple[Any, str, list[Location]]]:
    """(value, printed text, locations) per value of a disagreement, most places first.

    Each location goes to the value its printed text shows; when some text shows none
    of them, a name goes to the most similar value, and figures, when the rules' counts
    add up, are taken in the order of ``values``, ``counts[i]`` of them for ``values[i]``.
    """
    matched = [_which(loc.text, values) for loc in locs]
    names = all(isinstance(v, str) for v in values)
    if any(m is None for m in matched) and names:
        matched = [m if m is not None else _closest(loc.text, values) for m, loc in zip(matched, locs)]
    elif any(m is None for m in matched) and counts and len(counts) == len(values) and sum(counts) == len(locs):
        matched = [i for i, n in enumerate(counts) for _ in range(n)]
    groups = []
    for i, value in enumerate(values):
        chunk = [loc for loc, m in zip(locs, matched) if m == i]
        shown = [loc.text for loc in chunk if loc.text and _which(loc.text, [value]) == 0]
        groups.append((value, shown[0] if shown and isinstance(value, (int, float)) else "", chunk))
    return sorted(groups, key=lambda g: -len(g[2]))


def _which(text: Optional[str], values: Sequence[Any]) -> Optional[int]:
    """The index of the one value a printed text shows, or None."""
    if not text:
        return None
    hits = [i for i, v in enumerate(values) if _same(text, v)]
    return hits[0] if len(hits) == 1 else None


def _closest(text: Optional[str], values: Sequence[Any]) -> Optional[int]:
    """The index of the name most like a printed text (None for numbers or no text)."""
    names = [(i, v) for i, v in enumerate(values) if isinstance(v, str)]
    if not text or not names:
        return None
    from rapidfuzz import fuzz

    return max(names, key=lambda p: fuzz.ratio(text.casefold(), p[1].casefold()))[0]


def _same(text: str, value: Any) -> bool:
    """Whether a printed text shows a value (2,15 ↔ 2.15; 884.150.828 ↔ 884150828; names ignoring case)."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return " ".join(text.split()).casefold() == " ".join(str(value).split()).casefold()
    shown = text.strip().rstrip("%").strip()
    return any(shown == c for c in (format_id(value, 0), format_id(value, 1), format_id(value, 2), str(value)))
