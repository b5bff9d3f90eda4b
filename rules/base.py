"""What every rule shares: its metadata, the findings it yields, and their locations.

A rule is a module in ``lakip.rules`` with a module-level ``RULE`` (a
``Rule``) and a ``check(facts)`` generator that yields ``Finding`` values made
with ``RULE.finding(...)``. The message is rendered once, when the finding is
made, in both languages, from the finding's own fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping, Optional

from lakip.values.figures import format_en, format_id
from lakip.values.severity import SEVERITIES
from lakip.schemas.facts import Facts, Source


AREAS = {
    "S": ("Struktur", "Structure"),
    "F": ("Angka", "Figures"),
    "T": ("Target & Indikator", "Targets & indicators"),
    "B": ("Anggaran", "Budget"),
    "C": ("Jumlah", "Counts"),
    "N": ("Pegawai/NIP", "People/NIP"),
    "D": ("Tanggal", "Dates"),
    "X": ("Lintas laporan", "Across reports"),
}


@dataclass(frozen=True)
class Location:
    """One place a finding points at."""

    page: Optional[int]
    table: Optional[str] = None
    row: Optional[int] = None
    column: Optional[str] = None
    text: Optional[str] = None
    document: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None

    @classmethod
    def of(cls, src: Source, column: Optional[str] = None, text: Optional[str] = None) -> "Location":
        """The Location of a fact's Source, optionally naming another column or text."""
        return cls(page=src.page, table=src.table or src.table_id, row=src.row,
                   column=column if column is not None else src.column,
                   text=text if text is not None else src.text, bbox=src.bbox)

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON form (no bbox, no empty document)."""
        out: dict[str, Any] = {"page": self.page, "table": self.table, "row": self.row,
                               "column": self.column, "text": self.text}
        if self.document:
            out["document"] = self.document
        return out


def _fmt(value: Any, lang: str, key: str = "") -> str:
    """One value as it reads in a message: numbers the Indonesian or English way, years as printed."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if ("year" in key.lower() or "tahun" in key.lower()) and isinstance(value, (int, float)):
        return str(int(value))
    if isinstance(value, int):
        return format_id(value, 0) if lang == "id" else format_en(value, 0)
    if isinstance(value, float):
        decimals = 0 if value.is_integer() and abs(value) >= 1000 else 2
        return format_id(value, decimals) if lang == "id" else format_en(value, decimals)
    return str(value)


class _Values(dict):
    """A mapping that formats numbers for one language and leaves unknown keys visible."""

    def __init__(self, values: Mapping[str, Any], lang: str):
        super().__init__({k: _fmt(v, lang, k) for k, v in values.items()})

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Finding:
    """One inconsistency: which rule, about what, the values, where, and the message."""

    rule: str
    slug: str
    severity: str
    subject: str
    values: Mapping[str, Any]
    locations: tuple[Location, ...]
    message_id: str
    message_en: str

    def message(self, lang: str = "id") -> str:
        """The message in Bahasa Indonesia ('id') or English ('en')."""
        return self.message_en if lang == "en" else self.message_id

    @property
    def area(self) -> str:
        """The family letter (T, B, ...)."""
        return self.rule[0]

    @property
    def first_page(self) -> Optional[int]:
        """The first page any location names."""
        pages = [loc.page for loc in self.locations if loc.page is not None]
        return min(pages) if pages else None

    def to_json(self, lang: str = "id") -> dict[str, Any]:
        """The contract's JSON form of this finding."""
        return {"rule": self.rule, "slug": self.slug, "severity": self.severity,
                "subject": self.subject, "message": self.message(lang),
                "values": dict(self.values),
                "locations": [loc.to_json() for loc in self.locations]}


@dataclass(frozen=True)
class Rule:
    """A rule's metadata: code, slug, severity, message templates, and what it needs."""

    code: str
    slug: str
    severity: str
    summary_id: str
    summary_en: str
    messages: Mapping[str, tuple[str, str]]
    """Template per variant: (Bahasa Indonesia, English), formatted with the finding's values."""
    needs: Callable[[Facts], Optional[tuple[str, str]]] = field(default=lambda facts: None)
    """Returns why the rule cannot run on these facts, as (Bahasa Indonesia, English), or None."""
    kriteria: tuple[str, ...] = ()
    """Reviu: the criterion a finding breaks (PermenPANRB 53/2014, the PK, arithmetic, the report's own table),
    as (Bahasa Indonesia, English)."""
    sebab: tuple[str, ...] = ()
    """Reviu: the likely cause, as far as the tool can tell, as (Bahasa Indonesia, English); may use the
    finding's values like a message template."""
    akibat: tuple[str, ...] = ()
    """Reviu: the consequence for the report's readers, as (Bahasa Indonesia, English)."""
    rekomendasi: tuple[str, ...] = ()
    """Reviu: what the instansi should do, as (Bahasa Indonesia, English)."""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: severity {self.severity!r}")
        if not self.messages:
            raise ValueError(f"{self.code}: no message template")

    @property
    def area(self) -> str:
        """The family letter."""
        return self.code[0]

    def reviu(self, part: str, lang: str = "id", values: Optional[Mapping[str, Any]] = None) -> str:
        """One reviu text of this rule ('kriteria', 'sebab', 'akibat', 'rekomendasi') in ``lang``, filled
        with a finding's values when given; '' when the rule has none."""
        texts = getattr(self, part)
        if not texts:
            return ""
        text = texts[1] if lang == "en" and len(texts) > 1 else texts[0]
        return text.format_map(_Values(values, lang)) if values is not None else text

    def finding(self, subject: str, values: Mapping[str, Any], locations: tuple[Location, ...] | list[Location],
                variant: str = "default", severity: Optional[str] = None,
                extra: Optional[Mapping[str, Any]] = None) -> Finding:
        """A Finding of this rule with its message rendered in both languages.

        ``values`` go into the JSON contract; ``extra`` only into the message.
        """
        template_id, template_en = self.messages[variant]
        data = {"subject": subject, **values, **(extra or {})}
        return Finding(rule=self.code, slug=self.slug, severity=severity or self.severity,
                       subject=subject, values=dict(values), locations=tuple(locations),
                       message_id=template_id.format_map(_Values(data, "id")),
                       message_en=template_en.format_map(_Values(data, "en")))


CheckFn = Callable[[Facts], Iterator[Finding]]
