"""X803 previous-realisasi-mismatch: last year's realisasi restated differently this year.

Apa yang diperiksa:
    Bila laporan dua tahun berturut-turut dari instansi yang sama ada dalam
    satu pemeriksaan massal: realisasi tahun lalu yang dicantumkan laporan
    tahun ini (tabel perbandingan antar tahun) harus sama dengan realisasi
    yang dilaporkan laporan tahun lalu sendiri, dalam batas pembulatan angka
    yang tercetak. Indikator dicocokkan lewat entitasnya (sasaran dan nama
    indikator) atau nama yang hampir sama.

Mengapa penting:
    Perbandingan dengan tahun lalu adalah bagian wajib analisis capaian
    (PermenPANRB 53/2014). Angka tahun lalu yang berbeda dari laporan tahun
    lalu membuat kenaikan atau penurunan kinerja yang dilaporkan tidak benar.

Contoh:
    Laporan 2025 menulis realisasi 2024 Indeks Kepuasan Masyarakat 79,10,
    sedangkan laporan 2024 sendiri melaporkan 80,59.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator, Sequence

from lakip.rules.corpus import CrossDoc, agree, by_instansi, locate, same_indicator, value_of
from lakip.rules.base import Finding, Rule
from lakip.schemas.entities import by_entity, display_name
from lakip.schemas.facts import KIND_REALISASI, IndicatorFact

MAX_OWN_PLACES = 3
"""How many places of last year's own figure a finding lists."""

RULE = Rule(
    code="X803",
    slug="previous-realisasi-mismatch",
    severity="error",
    kriteria=(
        "PermenPANRB 53/2014: capaian dibandingkan dengan realisasi tahun lalu (reviu aspek Substansi "
        "butir 7); angka tahun lalu sama dengan LKjIP tahun lalu.",
        "PermenPANRB 53/2014: capaian is compared with last year's realisasi (reviu Substansi item 7); "
        "last year's figure equals last year's LKjIP.",
    ),
    sebab=(
        "Angka tahun lalu diketik ulang atau diambil dari versi lain.",
        "Last year's figure was retyped or taken from another version.",
    ),
    akibat=(
        "Kenaikan atau penurunan kinerja yang dilaporkan tidak benar.",
        "The reported rise or fall in performance is wrong.",
    ),
    rekomendasi=(
        "Mengambil realisasi tahun lalu dari LKjIP tahun lalu yang telah direviu.",
        "Take last year's realisasi from last year's reviewed LKjIP.",
    ),
    summary_id="Realisasi tahun lalu pada laporan tahun ini berbeda dari laporan tahun lalu",
    summary_en="Last year's realisasi as restated this year differs from last year's report",
    messages={
        "default": (
            "Realisasi {year} indikator {subject} tercantum {stated} di {current}, "
            "sedangkan laporan {year} sendiri ({previous}) melaporkan {reported}",
            "The {year} realisasi of indicator {subject} is given as {stated} in {current}, "
            "while the {year} report itself ({previous}) reported {reported}",
        ),
    },
)


def realisasi(doc: CrossDoc, year: int) -> list[IndicatorFact]:
    """The realisasi a report prints for one year."""
    return [f for f in doc.facts.indicators if f.kind == KIND_REALISASI and f.year == year
            and f.figure.value is not None]


def _mismatches(prev: CrossDoc, cur: CrossDoc) -> Iterator[Finding]:
    """Findings for one pair of consecutive reports of an instansi."""
    year = prev.tahun
    if year is None:  # check() pairs only reports whose year is known
        return
    own = realisasi(prev, year)
    for group in by_entity(realisasi(cur, year)).values():
        theirs = [f for f in own if any(same_indicator(f, g) for g in group)]
        if not theirs:
            continue
        wrong = [g for g in group if not any(agree(g, f) for f in theirs)]
        if not wrong:
            continue
        reported = Counter(f.figure.text.strip() for f in theirs).most_common(1)[0][0]
        shown_own = [f for f in theirs if f.figure.text.strip() == reported][:MAX_OWN_PLACES]
        yield RULE.finding(
            subject=display_name(group),
            values={"year": year, "stated": value_of(wrong[0]), "reported": value_of(shown_own[0]),
                    "difference": round(value_of(wrong[0]) - value_of(shown_own[0]), 6)},
            locations=[locate(cur, f.source, text=f.figure.text) for f in wrong]
            + [locate(prev, f.source, text=f.figure.text) for f in shown_own],
            extra={"year": str(year), "current": cur.label, "previous": prev.label},
        )


def check(docs: Sequence[CrossDoc]) -> Iterator[Finding]:
    """Yield a finding per indicator whose previous-year realisasi differs between consecutive reports."""
    for group in by_instansi(docs).values():
        for prev in group:
            for cur in group:
                if prev.tahun and cur.tahun == prev.tahun + 1:
                    yield from _mismatches(prev, cur)
