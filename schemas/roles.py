"""Give every table of a report a role, recognised by the meaning of its headers and content.

A LAKIP's tables differ from report to report in number, order, captions and
wording, so a role is never taken from a table's number or position. It is
read from what the columns are called (``Realisasi``, ``RELISASI``, ``Capaian
Kinerja (%)``, ``Target Renstra PD / 2025``, ``2015 / Target``), from the shape
of the numbers in the body (money-sized figures belong to budget tables), from
the caption and the lines printed just above the table (``Perjanjian
Kinerja``, ``Kelurahan Wailiti``) and from the part of the report the table is
in (the Ringkasan Eksekutif).

``column_specs`` (what each column holds) is shared with the indicator
extraction, so a column means the same thing to both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from rapidfuzz import fuzz

from lakip import vocab
from lakip.values.figures import Figure, parse_figure
from lakip.ingest.model import Document, Table
from lakip.schemas.facts import (
    ROLE_ANALYSIS, ROLE_BUDGET, ROLE_CAPAIAN, ROLE_COMPARISON, ROLE_EFFICIENCY, ROLE_PK_BUDGET,
    ROLE_PK_INDICATORS, ROLE_PROGRAM_ANALYSIS, ROLE_RENSTRA, ROLE_RENSTRA_COMPARISON, ROLE_STRATEGY,
    ROLE_SUMMARY, ROLE_UNIT_BUDGET, ROLE_UNKNOWN, TableInfo,
)
from lakip.values.text import normalize_text

MONEY_MIN = 100_000.0
"""A figure at least this large, in a table about programs, is an amount of rupiah."""

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_COLUMN_NUMBER = re.compile(r"(\s*/\s*\(?\d{1,2}\)?)+$")
_HEADING_RINGKASAN = re.compile(r"^(ringkasan|ikhtisar)\s+eksekutif\s*:?$", re.I)
_HEADING_OTHER = re.compile(r"^(bab\s+([ivx]+|\d+)\b(?!.*\.{3}).*|kata\s+pengantar|daftar\s+isi|pendahuluan)\s*$", re.I)
_NUMBER_WORD = re.compile(r"^([\d.,\s%-]*\d%?)\s*([a-z][a-z .]{1,30})$", re.I)
_ANALYSIS = re.compile(r"\b(analisis|analisa|penyebab|solusi|permasalahan|kendala|hambatan|keberhasilan|kegagalan)\b")
"""Words of an analysis column or caption (a bare 'Ket'/'Keterangan' column is a remark, not an analysis)."""
_THROUGH_YEAR = re.compile(
    r"\b(?:s\s*/\s*d|s\s*\.\s*d\b\.?|sampai\s+dengan|hingga)\s*(?:tahun|th\.?|thn)?\s*(?:19|20)\d\d", re.I)
"""'Realisasi S/D Tahun 2016': a total over the years up to one, not that year's value."""

# Words a column label is recognised by; a word matches when it is equal or, for
# words of five letters or more, at least FUZZY similar (typos such as "RELISASI").
FUZZY = 85.0
COLUMN_GROUPS = (
    "no", "tujuan", "sasaran", "indikator", "satuan", "target", "realisasi", "capaian", "program", "pagu",
    "penyerapan", "efisiensi", "sisa", "strategi", "kebijakan", "text", "percent", "baseline", "period", "money",
)
"""The word groups of column labels, each a list in ``vocab/columns.toml``."""
_VALUE_KINDS = ("target", "realisasi", "capaian", "year")


@dataclass(frozen=True)
class ColumnSpec:
    """What one column holds, read from its header label."""

    index: int
    label: str
    kind: str
    """no, tujuan, sasaran, indikator, program_indikator, satuan, target, realisasi, capaian,
    year (a bare year under no other word), program, program_value (a target/realisasi of a
    program or kegiatan), period (a quarter or month), cumulative (a total up to a year,
    'Realisasi S/D Tahun 2016', beside that year's own column), pagu, penyerapan, efisiensi,
    sisa, strategi, kebijakan, text, percent, baseline or other."""
    year: Optional[int] = None
    money: bool = False
    """The label speaks of money (Keuangan / Realisasi, Realisasi Anggaran)."""
    words: tuple[str, ...] = ()
    """The recognised words, for ``TableInfo.why``."""


def clean_label(label: str) -> str:
    """A header label without trailing column numbers ('No / (1)' → 'No')."""
    return _COLUMN_NUMBER.sub("", label).strip()


def _has_word(tokens: Sequence[str], wanted: Sequence[str]) -> Optional[str]:
    """The first wanted word found among the tokens (fuzzy for long words), or None."""
    for w in wanted:
        for t in tokens:
            if t == w or (len(w) >= 5 and len(t) >= 5 and fuzz.ratio(t, w) >= FUZZY):
                return w
    return None


def label_words(label: str) -> dict[str, str]:
    """Which word groups a label contains: group → matched word."""
    text = normalize_text(clean_label(label))
    tokens = text.replace("%", " % ").split()
    found = {}
    for group in COLUMN_GROUPS:
        hit = _has_word(tokens, vocab.words("columns", group))
        if hit:
            found[group] = hit
    return found


def _kind_of(found: dict[str, str], label: str, year: Optional[int]) -> str:
    """The kind of a column from the word groups its label contains."""
    if "period" in found:
        return "period"
    if "program" in found and not ({"money", "pagu"} & set(found)) and ({"target", "realisasi", "capaian"} & set(found)):
        return "program_value"
    order = ("penyerapan", "efisiensi", "sisa")
    for k in order:
        if k in found:
            return k
    if "indikator" in found:
        return "program_indikator" if "program" in found else "indikator"
    for k in ("satuan", "sasaran", "tujuan", "strategi", "kebijakan"):
        if k in found:
            return k
    for k in ("target", "realisasi", "capaian"):
        if k in found:
            return k
    if "baseline" in found:
        return "baseline"
    if "text" in found:
        return "text"
    if "program" in found:
        return "program"
    if "pagu" in found:
        return "pagu"
    if "no" in found:
        return "no"
    if "percent" in found:
        return "percent"
    if year is not None and _YEAR.sub("", normalize_text(clean_label(label))).strip(" /") in ("", "tahun"):
        return "year"
    return "other"


_MONEY_UNITS = frozenset({"rp", "rupiah", "rp rupiah", "idr", "juta rp", "rp juta", "ribu rp", "rp ribu"})
_LEAF_KINDS = frozenset({"target", "realisasi", "capaian", "satuan", "penyerapan", "efisiensi", "sisa", "pagu",
                         "percent", "baseline", "no"})


def column_kind(label: str, year: Optional[int]) -> str:
    """The kind of a column: its lowest header level decides when it names a value or unit, else the whole label.

    ``Indikator Sasaran / Target`` is a target column, ``Indikator Sasaran /
    Uraian`` the indicator column, ``Target Capaian Setiap Tahun / 2025`` a target.
    """
    full = _kind_of(label_words(label), label, year)
    leaf = clean_label(label).split(" / ")[-1]
    if normalize_text(leaf) in _MONEY_UNITS:
        return full
    leaf_kind = _kind_of(label_words(leaf), leaf, year)
    if leaf_kind in _LEAF_KINDS:
        return leaf_kind
    return full


def column_specs(table: Table) -> tuple[ColumnSpec, ...]:
    """One ColumnSpec per column of the table, from its header labels."""
    out = []
    for i, label in enumerate(table.header_labels()):
        found = label_words(label)
        years = _YEAR.findall(clean_label(label))
        year = int(years[-1]) if years else None
        kind = column_kind(label, year)
        money = "money" in found and kind in ("realisasi", "percent", "pagu", "sisa", "capaian")
        out.append(ColumnSpec(i, clean_label(label), kind, year, money, tuple(sorted(set(found.values())))))
    return _with_cumulative(out)


def _with_cumulative(specs: list[ColumnSpec]) -> tuple[ColumnSpec, ...]:
    """A 'Realisasi S/D Tahun 2016' column beside a 'Realisasi 2016' one is a total over the years: cumulative."""
    def through(s: ColumnSpec) -> bool:
        """Whether a label speaks of a total up to a year."""
        return bool(_THROUGH_YEAR.search(s.label))
    plain = {(s.kind, s.year) for s in specs if not through(s)}
    return tuple(replace(s, kind="cumulative") if through(s) and (s.kind, s.year) in plain else s for s in specs)


def read_value(text: str) -> tuple[Figure, Optional[str]]:
    """A value cell as a Figure, and the unit word printed after the number ('61 kampung' → 61, 'kampung')."""
    fig = parse_figure(text)
    if fig.kind != "text":
        return fig, None
    m = _NUMBER_WORD.match(text.strip())
    if m:
        head = parse_figure(m.group(1))
        if head.kind in ("number", "malformed", "range"):
            return head, m.group(2).strip()
    return fig, None


def numeric_cells(table: Table, col: int) -> list[float]:
    """Values of the body cells of one column that read as numbers."""
    vals = []
    for row in table.rows:
        if col < len(row):
            fig, _ = read_value(row[col].text)
            if fig.value is not None:
                vals.append(fig.value)
            elif fig.kind == "range" and fig.high is not None:
                vals.append(fig.high)
    return vals


def is_money_column(table: Table, col: int) -> bool:
    """Whether most numbers of a column are money-sized."""
    vals = numeric_cells(table, col)
    big = [v for v in vals if abs(v) >= MONEY_MIN]
    return bool(vals) and len(big) * 2 >= len(vals)


def _preceding_lines(doc: Document, table: Table, n: int = 6) -> list[str]:
    """The last ``n`` text blocks printed before the table."""
    before = [b.text for b in doc.blocks if b.order < table.order]
    return before[-n:]


def in_ringkasan(doc: Document, table: Table) -> bool:
    """Whether the table sits in the Ringkasan Eksekutif (its last heading above is that one)."""
    last = None
    for b in doc.blocks:
        if b.order >= table.order:
            break
        t = b.text.strip().strip("*").strip()
        if _HEADING_RINGKASAN.match(t):
            last = "ringkasan"
        elif _HEADING_OTHER.match(t) and not re.search(r"\d\s*$", t):
            last = "other"
    return last == "ringkasan"


def unit_name(doc: Document, table: Table) -> Optional[str]:
    """The unit (kelurahan, desa, bidang, UPT …) a per-unit table is about, from its caption or the line above."""
    candidates = []
    if table.caption:
        candidates.append(table.caption)
    lines = _preceding_lines(doc, table, 1)
    candidates += lines
    for text in candidates:
        t = text.strip().strip("*:").strip()
        if len(t) <= 80 and vocab.prefix_pattern("budget", "unit_heading").match(normalize_text(t)):
            return t
    return None


def _context(doc: Document, table: Table) -> str:
    """Caption plus the lines just above, normalised."""
    return normalize_text(" ".join([table.caption or ""] + _preceding_lines(doc, table, 4)))


@dataclass(frozen=True)
class _Shape:
    """What a table's columns and body say, gathered once."""

    kinds: frozenset[str]
    target_years: frozenset[int]
    value_years: frozenset[int]
    money_realisasi: bool
    kinerja_realisasi: bool
    has_numbers: bool
    has_money: bool
    has_total_row: bool
    why: tuple[str, ...]
    period_realisasi: bool = False
    """Rupiah realisasi per period (Triwulan I … IV) is printed."""


def _shape(table: Table) -> _Shape:
    """Gather the column kinds, years and body shapes of a table."""
    specs = column_specs(table)
    kinds = set()
    target_years, value_years = set(), set()
    money_real = kin_real = period_real = False
    has_numbers = has_money = False
    why: list[str] = []
    for s in specs:
        kinds.add(s.kind)
        why += [w for w in s.words if w not in why]
        vals = numeric_cells(table, s.index)
        has_numbers |= bool(vals)
        money_col = s.money or is_money_column(table, s.index)
        has_money |= money_col and bool(vals)
        if s.kind == "realisasi":
            if money_col:
                money_real = True
            else:
                kin_real = True
        period_real |= s.kind == "period" and "realisasi" in s.words and money_col and bool(vals)
        if s.kind in ("target", "year") and s.year:
            target_years.add(s.year)
        if s.kind in ("target", "realisasi", "capaian") and s.year and not money_col:
            value_years.add(s.year)
        if s.kind == "year" and s.year:
            why.append(str(s.year))
    total_row = vocab.prefix_pattern("budget", "total_row")
    total = any(total_row.match(normalize_text(c.text)) for row in table.rows for c in row if c.text)
    return _Shape(frozenset(kinds), frozenset(target_years), frozenset(value_years), money_real, kin_real,
                  has_numbers, has_money, total, tuple(why), period_real)


def _decide(doc: Document, table: Table, sh: _Shape) -> tuple[str, float, Optional[str]]:
    """(role, score, unit) from the gathered shape and the context."""
    k = sh.kinds
    ctx = _context(doc, table)
    ind = "indikator" in k or "sasaran" in k
    if not sh.has_numbers and ({"strategi", "kebijakan"} & k) and ({"tujuan", "sasaran"} & k):
        return ROLE_STRATEGY, 0.9, None
    if ({"penyerapan", "efisiensi"} & k) and ("capaian" in k or ind):
        return ROLE_EFFICIENCY, 0.9, None
    if "indikator" in k and "program" in k and ("pagu" in k or sh.money_realisasi) \
            and (sh.money_realisasi or sh.kinerja_realisasi or "capaian" in k):
        return ROLE_PROGRAM_ANALYSIS, 0.85, None
    if "indikator" not in k and "program" in k and sh.has_money:
        if sh.money_realisasi or "penyerapan" in k or sh.period_realisasi:
            unit = unit_name(doc, table)
            if unit and sh.has_total_row:
                return ROLE_UNIT_BUDGET, 0.9, unit
            return ROLE_BUDGET, 0.85, None
        return ROLE_PK_BUDGET, 0.8 if "perjanjian kinerja" in ctx else 0.6, None
    if not ind and "indikator" not in k and not ({"target", "capaian"} & k):
        return ROLE_UNKNOWN, 0.0, None
    has_t, has_r, has_c = "target" in k or "year" in k, sh.kinerja_realisasi, "capaian" in k
    if ind and in_ringkasan(doc, table) and (has_t or has_r):
        return ROLE_SUMMARY, 0.85, None
    if has_r and len(sh.target_years) >= 2 and len(_years_with_realisasi(table)) <= 1:
        return ROLE_RENSTRA_COMPARISON, 0.9 if "renstra" in ctx + " " + _headers(table) else 0.75, None
    if len(_years_with_realisasi(table)) >= 2:
        return ROLE_COMPARISON, 0.85, None
    if has_t and len(sh.target_years) >= 2 and not has_r:
        return ROLE_RENSTRA, 0.9, None
    if has_t and has_r and has_c:
        if _ANALYSIS.search(_headers(table)) or "keberhasilan" in ctx or "kegagalan" in ctx:
            return ROLE_ANALYSIS, 0.85, None
        return ROLE_CAPAIAN, 0.9, None
    if has_t and not has_r and not has_c and ind:
        return ROLE_PK_INDICATORS, 0.9 if "perjanjian kinerja" in ctx else 0.6, None
    if has_t and has_r:
        return ROLE_CAPAIAN, 0.6, None
    if has_r and has_c:
        return ROLE_CAPAIAN, 0.5, None
    return ROLE_UNKNOWN, 0.2, None


def _headers(table: Table) -> str:
    """All header labels of a table, normalised, as one string."""
    return normalize_text(" ".join(table.header_labels()))


def _years_with_realisasi(table: Table) -> set[int]:
    """Years that have their own realisasi or capaian column (a year-on-year comparison)."""
    return {s.year for s in column_specs(table)
            if s.kind in ("realisasi", "capaian") and s.year and not s.money}


_NEEDS_NUMBERS = {
    ROLE_RENSTRA, ROLE_PK_INDICATORS, ROLE_CAPAIAN, ROLE_COMPARISON, ROLE_RENSTRA_COMPARISON,
    ROLE_ANALYSIS, ROLE_EFFICIENCY, ROLE_PROGRAM_ANALYSIS, ROLE_SUMMARY,
}
_NEEDS_MONEY = {ROLE_BUDGET, ROLE_UNIT_BUDGET, ROLE_PK_BUDGET}


def _problem(table: Table, role: str, sh: _Shape) -> Optional[str]:
    """Why the body of a table with this role cannot be interpreted, or None."""
    if not table.rows:
        return "tabel tanpa baris isi"
    if role in _NEEDS_NUMBERS and not _value_numbers(table):
        return "kolom target/realisasi/capaian tidak berisi angka"
    if role in _NEEDS_MONEY and not sh.has_money:
        return "kolom anggaran/realisasi tidak berisi angka rupiah"
    return None


def _value_numbers(table: Table) -> bool:
    """Whether any target/realisasi/capaian/year column has a number in its body."""
    return any(numeric_cells(table, s.index) for s in column_specs(table) if s.kind in _VALUE_KINDS)


def classify_table(doc: Document, table: Table) -> TableInfo:
    """The role of one table, with the header words that decided it."""
    sh = _shape(table)
    role, score, unit = _decide(doc, table, sh)
    if role == ROLE_UNKNOWN:
        score = min(score, 0.2)
    problem = _problem(table, role, sh) if role != ROLE_UNKNOWN else None
    return TableInfo(
        table_id=table.id, caption=table.caption, role=role, score=score, why=sh.why,
        pages=table.pages, n_rows=len(table.rows), n_cols=table.n_cols,
        readable=problem is None, problem=problem, unit=unit,
    )


def classify_tables(doc: Document) -> tuple[TableInfo, ...]:
    """One TableInfo per table of the document, in the same order."""
    return tuple(classify_table(doc, t) for t in doc.tables)
