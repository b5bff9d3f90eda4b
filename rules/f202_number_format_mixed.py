"""F202 number-format-mixed: figures written in another convention than the rest.

Apa yang diperiksa:
    Laporan berbahasa Indonesia menulis ``3.744.272.913`` dan ``96,44``
    (titik pemisah ribuan, koma desimal). Angka yang memakai konvensi lain
    (``3,744,272,913``, ``96.44``) di tengah angka-angka Indonesia dilaporkan.
    Hanya angka yang jelas konvensinya yang dihitung: angka bergrup ribuan,
    rupiah, persen, dan angka desimal di tabel; ``1.300`` yang bisa dibaca dua
    arah, nomor bab dan tahun tidak dihitung. Konvensi yang diharapkan adalah
    konvensi Indonesia, kecuali bila laporan jauh lebih banyak (lebih dari dua
    kali) memakai konvensi lain. Bila seluruh angka yang jelas konvensinya
    dalam satu tabel, atau dalam satu kolomnya, memakai konvensi lain (tabel
    yang disalin dari aplikasi berbahasa Inggris), tabel atau kolom itu
    dilaporkan sekali, bukan per angka. Kolom kode dan nomor identitas (NIP,
    telepon, NPWP) tidak dihitung.

Mengapa penting:
    Angka yang disalin dari aplikasi berbahasa Inggris dapat terbaca seribu
    kali lebih kecil atau lebih besar, dan menandai data yang ditempel tanpa
    diperiksa.

Contoh:
    Tabel anggaran Perjanjian Kinerja mencetak "3,744,272,913" sementara tabel
    lain mencetak "3.744.272.913".
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from lakip.rules.base import Finding, Location, Rule
from lakip.rules.f201_number_malformed import core_text, identifier_column, is_code, slip
from lakip.schemas.facts import Facts, FigureMention

_NAMES = {"id": ("Indonesia (titik pemisah ribuan, koma desimal)",
                "Indonesian (dot for thousands, comma for decimals)"),
          "us": ("Inggris (koma pemisah ribuan, titik desimal)", "English (comma for thousands, dot for decimals)")}


def _need(facts: Facts) -> Optional[tuple[str, str]]:
    """The rule needs figures (from tables or text)."""
    return None if facts.figures else ("tidak ada angka yang terbaca", "no figures were read")


RULE = Rule(
    code="F202",
    slug="number-format-mixed",
    severity="info",
    kriteria=(
        "Pedoman Umum Ejaan Bahasa Indonesia: titik pemisah ribuan, koma desimal — satu format angka "
        "dalam seluruh laporan.",
        "Indonesian spelling rules: full stop for thousands, comma for decimals — one number format "
        "throughout the report.",
    ),
    sebab=(
        "Angka atau tabel ditempel dari aplikasi berformat Inggris tanpa disesuaikan.",
        "Figures or a table were pasted from software using the English format without being adjusted.",
    ),
    akibat=(
        "Angka dapat terbaca seribu kali lebih besar atau lebih kecil.",
        "A figure can be read a thousand times too large or too small.",
    ),
    rekomendasi=(
        "Menyeragamkan format angka sesuai kaidah Bahasa Indonesia.",
        "Use one number format, the Indonesian one, throughout.",
    ),
    summary_id="Angka dengan format lain daripada angka lainnya dalam laporan",
    summary_en="Figures in another number format than the rest of the report",
    messages={
        "default": (
            "Angka {subject} ditulis dengan format {format_id}, sedangkan {count_expected} angka lain memakai "
            "format {expected_id}",
            "Figure {subject} is written in the {format_en} format, while {count_expected} other figures use the "
            "{expected_en} format",
        ),
        "table": (
            "{count_group} angka di {where_id} ditulis dengan format {format_id} (mis. {subject_example}), "
            "sedangkan {count_expected} angka lain memakai format {expected_id}",
            "{count_group} figures in {where_en} are written in the {format_en} format (e.g. {subject_example}), "
            "while {count_expected} other figures use the {expected_en} format",
        ),
    },
    needs=_need,
)


def evidence(m: FigureMention) -> Optional[str]:
    """'id' or 'us' when a figure clearly shows its convention, else None."""
    fig = m.figure
    if fig.convention not in ("id", "us") or fig.value is None or slip(fig) or is_code(fig.text):
        return None
    if identifier_column(m):
        return None
    grouped = bool(re.search(r"\d[.,]\d{3}(?!\d)", fig.text)) and abs(fig.value) >= 1000
    if grouped or fig.is_currency or fig.is_percent or (m.in_table and fig.decimals > 0):
        return fig.convention
    return None


MIN_GROUP = 3
"""Figures in the other convention from which a whole table or column is reported once."""


def _place(m: FigureMention) -> tuple[Optional[str], Optional[str]]:
    """(table id, column label) of a table figure; (None, None) in running text."""
    return (m.source.table_id or m.source.table, m.source.column) if m.in_table else (None, None)


def grouped(by_conv: dict[str, list[FigureMention]], other: str) -> tuple[list[list[FigureMention]], list[FigureMention]]:
    """The other convention's figures split into whole tables or columns that use it throughout
    (at least MIN_GROUP figures, no figure of the expected convention there) and the rest."""
    expected = "id" if other == "us" else "us"
    mixed_tables = {_place(m)[0] for m in by_conv[expected] if m.in_table}
    mixed_columns = {_place(m) for m in by_conv[expected] if m.in_table}
    groups: dict[tuple, list[FigureMention]] = {}
    for m in by_conv[other]:
        table, column = _place(m)
        if table is None:
            key: tuple = ("single", id(m))
        elif table not in mixed_tables:
            key = ("table", table, None)
        elif (table, column) not in mixed_columns:
            key = ("column", table, column)
        else:
            key = ("single", id(m))
        groups.setdefault(key, []).append(m)
    whole = [ms for k, ms in groups.items() if k[0] != "single" and len(ms) >= MIN_GROUP]
    rest = [m for k, ms in groups.items() if k[0] == "single" or len(ms) < MIN_GROUP for m in ms]
    return whole, rest


def _where(mentions: list[FigureMention], whole_table: bool) -> tuple[str, str, str]:
    """(subject, Indonesian, English) naming a table or one of its columns."""
    src = mentions[0].source
    table = src.table or (f"tabel hal. {src.page}" if src.page else "tabel tanpa judul")
    if whole_table or not src.column:
        return table, table, table
    return f"{table} ({src.column})", f"kolom {src.column} {table}", f"column {src.column} of {table}"


def _group_finding(mentions: list[FigureMention], other: str, expected: str,
                   by_conv: dict[str, list[FigureMention]], names: dict[str, str]) -> Finding:
    """One finding for a table or column written throughout in the other convention."""
    whole_table = len({m.source.column for m in mentions}) > 1
    subject, where_id, where_en = _where(mentions, whole_table)
    fig = mentions[0].figure
    text = core_text(fig.text)
    values = {**_values(text, fig.value or 0, fig.decimals, other, expected, by_conv),
              "table": mentions[0].source.table, "column": None if whole_table else mentions[0].source.column,
              "count_group": len(mentions)}
    return RULE.finding(subject=subject, values=values, variant="table",
                        locations=[Location.of(m.source, text=m.figure.text) for m in mentions],
                        extra={**names, "where_id": where_id, "where_en": where_en, "subject_example": text})


def _values(text: str, fig_value: float, decimals: int, other: str, expected: str,
            by_conv: dict[str, list[FigureMention]]) -> dict:
    """The JSON values of a finding."""
    value = fig_value if decimals else int(round(fig_value))
    return {"text": text, "value": value, "format": other, "expected": expected,
            "count_expected": len(by_conv[expected]), "count_other": len(by_conv[other])}


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per table or column written throughout in the minority convention, and one per
    other distinct figure printed in it."""
    by_conv: dict[str, list[FigureMention]] = {"id": [], "us": []}
    for m in facts.figures:
        conv = evidence(m)
        if conv:
            by_conv[conv].append(m)
    expected = "us" if len(by_conv["us"]) > 2 * len(by_conv["id"]) else "id"
    other = "id" if expected == "us" else "us"
    if not by_conv[expected]:
        return
    names = {"format_id": _NAMES[other][0], "format_en": _NAMES[other][1],
             "expected_id": _NAMES[expected][0], "expected_en": _NAMES[expected][1]}
    whole, rest = grouped(by_conv, other)
    for mentions in whole:
        yield _group_finding(mentions, other, expected, by_conv, names)
    groups: dict[str, list[FigureMention]] = {}
    for m in rest:
        groups.setdefault(core_text(m.figure.text), []).append(m)
    for text, mentions in groups.items():
        fig = mentions[0].figure
        yield RULE.finding(subject=text, values=_values(text, fig.value or 0, fig.decimals, other, expected, by_conv),
                           locations=[Location.of(m.source, text=m.figure.text) for m in mentions], extra=names)
