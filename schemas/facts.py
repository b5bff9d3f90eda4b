"""The typed facts of one report, built from an ingested Document.

Rules see only these values, never the PDF. Every fact carries a ``Source``
that says where it was printed, so a finding can point at the page, table,
row and cell. All values are frozen dataclasses built whole.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from lakip.values.figures import Figure

# Table roles, recognised by meaning (schemas/roles.py), never by number.
ROLE_RENSTRA = "renstra_targets"          # medium-term targets per year (Renstra / IKU)
ROLE_PK_INDICATORS = "pk_indicators"      # Perjanjian Kinerja: sasaran, indikator, satuan, target
ROLE_PK_BUDGET = "pk_budget"              # Perjanjian Kinerja: program, anggaran
ROLE_CAPAIAN = "capaian"                  # target, realisasi, capaian % for the year
ROLE_COMPARISON = "comparison_years"      # this year vs last year
ROLE_RENSTRA_COMPARISON = "renstra_comparison"  # realisasi vs medium-term targets
ROLE_ANALYSIS = "success_analysis"        # analysis of success/failure with target/realisasi
ROLE_EFFICIENCY = "efficiency"            # capaian % vs penyerapan % vs efisiensi %
ROLE_PROGRAM_ANALYSIS = "program_analysis"  # indicator + program + pagu/realisasi
ROLE_BUDGET = "budget_hierarchy"          # program > kegiatan > sub kegiatan, anggaran/realisasi/%
ROLE_UNIT_BUDGET = "unit_budget"          # budget per unit (kelurahan/desa/bidang) with Jumlah rows
ROLE_SUMMARY = "summary_indicators"       # indicator table in the Ringkasan Eksekutif
ROLE_STRATEGY = "strategy"                # tujuan/sasaran/strategi/arah kebijakan (text only)
ROLE_UNKNOWN = "unknown"

ROLES = (
    ROLE_RENSTRA, ROLE_PK_INDICATORS, ROLE_PK_BUDGET, ROLE_CAPAIAN, ROLE_COMPARISON,
    ROLE_RENSTRA_COMPARISON, ROLE_ANALYSIS, ROLE_EFFICIENCY, ROLE_PROGRAM_ANALYSIS,
    ROLE_BUDGET, ROLE_UNIT_BUDGET, ROLE_SUMMARY, ROLE_STRATEGY, ROLE_UNKNOWN,
)

KIND_TARGET = "target"
KIND_REALISASI = "realisasi"
KIND_CAPAIAN = "capaian"

LEVEL_TOTAL = "total"
LEVEL_PROGRAM = "program"
LEVEL_KEGIATAN = "kegiatan"
LEVEL_SUBKEGIATAN = "subkegiatan"
LEVEL_UNIT = "unit"            # a row of a per-unit table (kelurahan / bidang)
LEVEL_JUMLAH = "jumlah"        # a "Jumlah" row that sums the rows above it
LEVEL_EFISIENSI = "efisiensi"  # a "Jumlah efisiensi"/"sisa" row


@dataclass(frozen=True)
class Source:
    """Where a fact was printed: page, table (caption or id), body row, column, text."""

    page: Optional[int] = None
    table: Optional[str] = None
    table_id: Optional[str] = None
    row: Optional[int] = None
    column: Optional[str] = None
    text: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None


@dataclass(frozen=True)
class TableInfo:
    """One table of the report with the role it was given and why."""

    table_id: str
    caption: Optional[str]
    role: str
    score: float
    why: tuple[str, ...]
    pages: tuple[int, ...]
    n_rows: int
    n_cols: int
    readable: bool = True
    problem: Optional[str] = None
    unit: Optional[str] = None
    """For per-unit budget tables: the unit (kelurahan/desa/bidang) named above it."""
    problem_en: Optional[str] = None
    """``problem`` in English, when it was said in both languages."""


@dataclass(frozen=True)
class IndicatorFact:
    """One number about one indicator: a target, realisasi or capaian for a year."""

    indikator: str
    kind: str
    figure: Figure
    role: str
    source: Source
    sasaran: Optional[str] = None
    satuan: Optional[str] = None
    unit: Optional[str] = None
    """``satuan`` normalised (schemas.names.normalize_unit)."""
    year: Optional[int] = None
    position: Optional[int] = None
    """Ordinal of the indicator among its table's indicators (0-based)."""
    key: Optional[str] = None
    """Entity key: the same key for the same indicator across tables."""
    sasaran_key: Optional[str] = None


@dataclass(frozen=True)
class BudgetLine:
    """One row of a budget table: a total, program, kegiatan, sub kegiatan or unit row."""

    table_id: str
    row: int
    level: str
    name: str
    role: str
    source: Source
    pagu: Optional[Figure] = None
    realisasi: Optional[Figure] = None
    percent: Optional[Figure] = None
    sisa: Optional[Figure] = None
    code: Optional[str] = None
    parent: Optional[int] = None
    """``row`` of the parent line in the same table, if any."""
    unit: Optional[str] = None
    cells: tuple[tuple[str, Source], ...] = ()
    """Per field ('pagu', 'realisasi', 'percent', 'sisa'): where its cell is."""
    key: Optional[str] = None
    """Entity key: the same key for the same program/kegiatan across tables."""

    def cell(self, name: str) -> Source:
        """The Source of one field's cell, or the row's Source."""
        for field_name, src in self.cells:
            if field_name == name:
                return src
        return self.source


@dataclass(frozen=True)
class NarrativeAmount:
    """A sentence that states amounts for a named program, kegiatan or sub kegiatan."""

    subject: str
    level: Optional[str]
    source: Source
    pagu: Optional[Figure] = None
    realisasi: Optional[Figure] = None
    percent: Optional[Figure] = None
    sisa: Optional[Figure] = None
    key: Optional[str] = None


@dataclass(frozen=True)
class StatedCount:
    """A count stated in the text: '3 (tiga) program', '4 (empat) Kelurahan'."""

    noun: str
    """Canonical noun: program, kegiatan, subkegiatan, sasaran, indikator, kelurahan, desa, ..."""
    number: int
    source: Source
    words: Optional[str] = None


@dataclass(frozen=True)
class NumberWords:
    """A figure followed by its words: '4 (empat)' or 'Rp. 4.760.149.793,- (Empat Miliar ...)'."""

    figure: Figure
    words: str
    words_value: Optional[int]
    source: Source
    is_amount: bool = False


@dataclass(frozen=True)
class Person:
    """A person named in a signature block or a 'Nama : … Jabatan : …' block."""

    name: str
    source: Source
    jabatan: Optional[str] = None
    pangkat: Optional[str] = None
    nip_text: Optional[str] = None
    context: str = "signature"


@dataclass(frozen=True)
class FigureMention:
    """A figure as printed anywhere (a table cell or running text), for F2xx checks."""

    figure: Figure
    source: Source
    in_table: bool


@dataclass(frozen=True)
class DateMention:
    """A date printed in the report ('Wailiti, 20 Januari 2025')."""

    value: Optional[date]
    text: str
    source: Source
    context: str = "text"
    """'signature' for the place-and-date line of a signature block, else 'text'."""


@dataclass(frozen=True)
class YearMention:
    """A heading, caption or title that names a year ('Tabel 3.8 … Tahun 2024')."""

    year: int
    text: str
    source: Source
    context: str
    """'heading', 'caption', 'signature' or 'title'."""


@dataclass(frozen=True)
class TableRef:
    """A reference in the text to a table number ('dapat dilihat pada tabel 3.4')."""

    label: str
    source: Source


@dataclass(frozen=True)
class Chapter:
    """A part of the PermenPANRB 53/2014 sistematika and whether the report has it."""

    key: str
    """'ringkasan', 'bab1', 'bab2', 'bab3', 'bab4', 'pk'."""
    title: str
    present: bool
    source: Optional[Source] = None


@dataclass(frozen=True)
class DocKind:
    """What kind of document this is (schemas/doctype.py), how surely, and the evidence that decided it."""

    kind: str = "lkjip"
    """'lkjip', 'pk', 'renstra', 'rkt', 'renja', 'realisasi_triwulan' or 'unknown'."""
    sure: bool = True
    score: float = 0.0
    evidence: tuple[str, ...] = ()
    scores: tuple[tuple[str, float], ...] = ()
    """Every kind's score, best first."""


@dataclass(frozen=True)
class DocFacts:
    """Facts about the document as a whole."""

    instansi: Optional[str]
    tahun: Optional[int]
    chapters: tuple[Chapter, ...] = ()
    document_date: Optional[date] = None
    """The date the report was signed, if one is printed."""
    jenis: DocKind = DocKind()
    """The kind of document (an LKjIP unless recognised otherwise)."""


@dataclass(frozen=True)
class SchemaFailure:
    """A value that broke a schema (kept as data, never a crash)."""

    table_id: Optional[str]
    check: str
    column: Optional[str]
    row: Optional[int]
    value: Optional[str]


@dataclass(frozen=True)
class EntityLink:
    """A mention resolved to an entity, with the score of the match."""

    kind: str
    """'indicator', 'sasaran', 'program', 'kegiatan', 'subkegiatan' or 'person'."""
    key: str
    mention: str
    score: float
    source: Source


@dataclass(frozen=True)
class Facts:
    """Everything the rules may look at, for one document."""

    path: str
    sha256: str
    pages: int
    kind: str
    doc: DocFacts
    tables: tuple[TableInfo, ...] = ()
    indicators: tuple[IndicatorFact, ...] = ()
    budget: tuple[BudgetLine, ...] = ()
    narrative_amounts: tuple[NarrativeAmount, ...] = ()
    counts: tuple[StatedCount, ...] = ()
    number_words: tuple[NumberWords, ...] = ()
    people: tuple[Person, ...] = ()
    figures: tuple[FigureMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    years: tuple[YearMention, ...] = ()
    table_refs: tuple[TableRef, ...] = ()
    links: tuple[EntityLink, ...] = ()
    failures: tuple[SchemaFailure, ...] = ()
    pages_without_text: tuple[int, ...] = ()
    """Pages with no readable text: no text layer, and not read by OCR."""
    direction_overrides: tuple[tuple[str, str], ...] = ()
    """Indicator name → 'higher' or 'lower' (is better) from the user's settings, overriding the words."""
    notes: tuple[str, ...] = field(default=())
    ocr_pages: tuple[tuple[int, float], ...] = ()
    """Pages read by OCR, each with its mean word confidence (0–1)."""
    ocr_regions: tuple[tuple[int, tuple[float, float, float, float], float, str], ...] = ()
    """Table cells and text blocks read by OCR: page, box, confidence (0–1) of the figures printed
    there, and the text read."""

    def realisasi_year(self) -> Optional[int]:
        """The year most realisasi are printed for (else the document's year)."""
        years = Counter(f.year for f in self.indicators if f.kind == KIND_REALISASI and f.year)
        return years.most_common(1)[0][0] if years else self.doc.tahun

    def tables_with_role(self, *roles: str) -> tuple[TableInfo, ...]:
        """The tables given any of these roles."""
        return tuple(t for t in self.tables if t.role in roles)

    def table(self, table_id: str) -> Optional[TableInfo]:
        """The TableInfo of one table id."""
        for t in self.tables:
            if t.table_id == table_id:
                return t
        return None
