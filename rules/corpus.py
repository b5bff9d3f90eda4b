"""What the cross-report rules (family X) see: each document's Facts, its text passages, its name.

A ``CrossDoc`` is one checked report of a batch: its path (the ``document``
every cross-report location names), its typed Facts and its printed text as
``Passage`` values (text blocks and table rows with their page). The helpers
here are what several X rules share: which reports belong to one instansi,
where a fact is (a Location naming its document), and how to compare two
printed figures within their rounding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Iterable, Optional, Sequence

from lakip.ingest.model import Document
from lakip.rules import arith
from lakip.rules.base import Location
from lakip.schemas.facts import Facts, IndicatorFact, Source
from lakip.schemas.names import name_similarity
from lakip.values.text import normalize_text

TERRITORIAL = ("kecamatan", "kelurahan", "desa", "distrik", "kampung", "nagari", "gampong")
"""First words of instansi that are places: their names are their own, a neighbour's are not."""
_ABBREVIATIONS = (("kec", "kecamatan"), ("kel", "kelurahan"), ("kab", "kabupaten"))
SAME_INDICATOR = 0.9
"""name_similarity from which two indicator names of two reports are one indicator."""


@dataclass(frozen=True)
class Passage:
    """One piece of printed text: a text block, or a table row with its cells joined by ' | '."""

    page: Optional[int]
    text: str
    table: Optional[str] = None
    row: Optional[int] = None


@dataclass(frozen=True)
class CrossDoc:
    """One checked report of a batch, as the cross-report rules see it."""

    document: str
    facts: Facts
    passages: tuple[Passage, ...] = ()

    @property
    def instansi(self) -> Optional[str]:
        """The instansi as printed."""
        return self.facts.doc.instansi

    @property
    def tahun(self) -> Optional[int]:
        """The year the report covers."""
        return self.facts.doc.tahun

    @cached_property
    def key(self) -> str:
        """The instansi key; a report without a recognised instansi is its own instansi."""
        return instansi_key(self.instansi) or "dokumen:" + self.document

    @property
    def label(self) -> str:
        """How a message names the report: 'Kecamatan Nita 2024 (nita-2024.docx)'."""
        name = Path(self.document).name
        head = " ".join(str(x) for x in (self.instansi, self.tahun) if x)
        return f"{head} ({name})" if head else name

    def text_passages(self) -> tuple[Passage, ...]:
        """The running-text passages (no table rows)."""
        return tuple(p for p in self.passages if p.table is None)


def instansi_key(name: Optional[str]) -> str:
    """'KEC. ALOK BARAT' and 'Kecamatan Alok Barat' → 'kecamatan alok barat'; '' when unknown."""
    if not name:
        return ""
    words = normalize_text(name).split()
    table = dict(_ABBREVIATIONS)
    return " ".join(table.get(w, w) for w in words)


def is_territorial(key: str) -> bool:
    """Whether an instansi key names a place (kecamatan, kelurahan, desa, ...)."""
    return key.split(" ", 1)[0] in TERRITORIAL and " " in key


def passages_of(doc: Document) -> tuple[Passage, ...]:
    """The text blocks and table rows of an ingested Document, in reading order."""
    items: list[tuple[int, Passage]] = [(b.order, Passage(b.page, b.text)) for b in doc.blocks if b.text.strip()]
    for table in doc.tables:
        name = table.caption or table.id
        for r, row in enumerate(table.header + table.rows, start=1 - len(table.header)):
            cells = [c.text for c in row if c.text.strip()]
            if cells:
                page = next((c.page for c in row if c.page is not None), table.first_page)
                items.append((table.order, Passage(page, " | ".join(cells), name, r if r > 0 else None)))
    items.sort(key=lambda x: x[0])
    return tuple(p for _, p in items)


def locate(doc: CrossDoc, src: Source, text: Optional[str] = None) -> Location:
    """The Location of a fact of ``doc``, naming the document."""
    return replace(Location.of(src, text=text), document=doc.document, bbox=None)


def locate_passage(doc: CrossDoc, passage: Passage, text: Optional[str] = None) -> Location:
    """The Location of a passage of ``doc``."""
    return Location(page=passage.page, table=passage.table, row=passage.row,
                    text=text if text is not None else passage.text[:200], document=doc.document)


def by_instansi(docs: Iterable[CrossDoc]) -> dict[str, list[CrossDoc]]:
    """Reports grouped by instansi key (only reports with a recognised instansi), each group by year."""
    out: dict[str, list[CrossDoc]] = {}
    for d in docs:
        if instansi_key(d.instansi):
            out.setdefault(d.key, []).append(d)
    return {k: sorted(v, key=lambda d: (d.tahun or 0, d.document)) for k, v in out.items()}


def same_indicator(a: IndicatorFact, b: IndicatorFact) -> bool:
    """Whether two indicator facts of two reports are about one indicator (entity key or name)."""
    if a.key and a.key == b.key:
        return True
    return name_similarity(a.indikator, b.indikator) >= SAME_INDICATOR


def agree(a: IndicatorFact, b: IndicatorFact) -> bool:
    """Whether two printed values can be the same number within their printed rounding."""
    x, y = interval(a), interval(b)
    return x is None or y is None or x.overlaps(y)


def interval(f: IndicatorFact) -> Optional[arith.Interval]:
    """The range an indicator value stands for (None when it is not a number)."""
    fig = f.figure
    if fig.value is None:
        return None
    return arith.of(fig)


def value_of(f: IndicatorFact) -> float | int:
    """An indicator value as a plain JSON number."""
    return arith.as_printed(f.figure)


def pairs(docs: Sequence[CrossDoc]) -> Iterable[tuple[CrossDoc, CrossDoc]]:
    """Every unordered pair of distinct reports."""
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            yield a, b


_WORDS = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of a text, casefolded."""
    return _WORDS.findall(text.casefold())
