"""F202 number-format-mixed: figures written in another convention than the rest.

Apa yang diperiksa:
    Laporan berbahasa Indonesia menulis ``3.744.272.913`` dan ``96,44``
    (titik pemisah ribuan, koma desimal). Angka yang memakai konvensi lain
    (``3,744,272,913``, ``96.44``) di tengah angka-angka Indonesia dilaporkan.
    Hanya angka yang jelas konvensinya yang dihitung: angka bergrup ribuan,
    rupiah, persen, dan angka desimal di tabel; ``1.300`` yang bisa dibaca dua
    arah, nomor bab dan tahun tidak dihitung. Konvensi yang diharapkan adalah
    konvensi Indonesia, kecuali bila laporan jauh lebih banyak (lebih dari dua
    kali) memakai konvensi lain.

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
from lakip.rules.f201_number_malformed import core_text, is_code, slip
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
    summary_id="Angka dengan format lain daripada angka lainnya dalam laporan",
    summary_en="Figures in another number format than the rest of the report",
    messages={
        "default": (
            "Angka {subject} ditulis dengan format {format_id}, sedangkan {count_expected} angka lain memakai "
            "format {expected_id}",
            "Figure {subject} is written in the {format_en} format, while {count_expected} other figures use the "
            "{expected_en} format",
        ),
    },
    needs=_need,
)


def evidence(m: FigureMention) -> Optional[str]:
    """'id' or 'us' when a figure clearly shows its convention, else None."""
    fig = m.figure
    if fig.convention not in ("id", "us") or fig.value is None or slip(fig) or is_code(fig.text):
        return None
    grouped = bool(re.search(r"\d[.,]\d{3}(?!\d)", fig.text)) and abs(fig.value) >= 1000
    if grouped or fig.is_currency or fig.is_percent or (m.in_table and fig.decimals > 0):
        return fig.convention
    return None


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per distinct figure printed in the minority convention."""
    by_conv: dict[str, list[FigureMention]] = {"id": [], "us": []}
    for m in facts.figures:
        conv = evidence(m)
        if conv:
            by_conv[conv].append(m)
    expected = "us" if len(by_conv["us"]) > 2 * len(by_conv["id"]) else "id"
    other = "id" if expected == "us" else "us"
    if not by_conv[expected]:
        return
    groups: dict[str, list[FigureMention]] = {}
    for m in by_conv[other]:
        groups.setdefault(core_text(m.figure.text), []).append(m)
    for text, mentions in groups.items():
        fig = mentions[0].figure
        value = fig.value if fig.decimals else int(round(fig.value or 0))
        yield RULE.finding(
            subject=text,
            values={"text": text, "value": value, "format": other, "expected": expected,
                    "count_expected": len(by_conv[expected]), "count_other": len(by_conv[other])},
            locations=[Location.of(m.source, text=m.figure.text) for m in mentions],
            extra={"format_id": _NAMES[other][0], "format_en": _NAMES[other][1],
                   "expected_id": _NAMES[expected][0], "expected_en": _NAMES[expected][1]},
        )
