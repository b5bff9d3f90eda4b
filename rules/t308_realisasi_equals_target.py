"""T308 realisasi-equals-target: every realisasi equals its target exactly.

Apa yang diperiksa:
    Untuk tahun laporan, setiap indikator yang mempunyai target dan realisasi:
    apakah realisasi yang paling sering tercetak sama persis dengan target
    yang paling sering tercetak. Bila semuanya sama (dan paling sedikit dua
    indikator), satu temuan untuk seluruh dokumen, dengan jumlahnya.

Mengapa penting:
    Realisasi yang selalu tepat sama dengan target jarang terjadi pada
    pengukuran yang sungguh-sungguh; pemeriksa perlu meminta data dukung
    (bukti pengukuran) sebelum menerima capaian 100 %.

Contoh:
    Lima indikator dengan realisasi 72,89 / 1,30 / 1,24 / 1,15 / 1,07 yang
    masing-masing sama dengan targetnya.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator, Optional, Sequence

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.entities import by_entity
from lakip.schemas.facts import KIND_REALISASI, KIND_TARGET, Facts, IndicatorFact

RULE = Rule(
    code="T308",
    slug="realisasi-equals-target",
    severity="warning",
    kriteria=(
        "Keandalan data (reviu aspek Mekanisme Penyusunan butir 5): realisasi berasal dari pengukuran "
        "yang didukung data.",
        "Reliability of data (reviu Mekanisme Penyusunan item 5): realisasi comes from measurement backed "
        "by evidence.",
    ),
    sebab=(
        "Realisasi mungkin diisi sama dengan target, bukan dari hasil pengukuran.",
        "The realisasi may have been filled in equal to the target, not measured.",
    ),
    akibat=(
        "Capaian 100 % tidak dapat diyakini tanpa data dukung.",
        "A 100 % capaian cannot be relied on without evidence.",
    ),
    rekomendasi=(
        "Melampirkan data dukung pengukuran realisasi setiap indikator.",
        "Attach the evidence of each indicator's measured realisasi.",
    ),
    summary_id="Semua realisasi sama persis dengan targetnya",
    summary_en="Every realisasi equals its target exactly",
    messages={
        "default": (
            "Realisasi {year} dari semua {count} indikator sama persis dengan targetnya; "
            "periksa data dukung pengukurannya",
            "The {year} realisasi of all {count} indicators equal their targets exactly; "
            "check the evidence behind the measurements",
        ),
    },
    needs=needs.indicators(),
)

MIN_INDICATORS = 2
"""With fewer indicators an exact match is not a pattern."""


def _modal(facts: Sequence[IndicatorFact]) -> Optional[IndicatorFact]:
    """The fact whose value is printed most often, or None."""
    usable = [f for f in facts if f.figure.value is not None]
    if not usable:
        return None
    counts = Counter(round(f.figure.value or 0.0, 9) for f in usable)
    return max(usable, key=lambda f: counts[round(f.figure.value or 0.0, 9)])


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding when every indicator's realisasi equals its target."""
    year = facts.realisasi_year()
    if year is None:
        return
    pairs = []
    for group in by_entity(facts.indicators).values():
        t = _modal([f for f in group if f.kind == KIND_TARGET and f.year == year])
        r = _modal([f for f in group if f.kind == KIND_REALISASI and f.year == year])
        if t is not None and r is not None:
            pairs.append((t, r))
    if len(pairs) < MIN_INDICATORS:
        return
    if any(round(t.figure.value or 0.0, 9) != round(r.figure.value or 0.0, 9) for t, r in pairs):
        return
    subject = facts.doc.instansi or facts.path
    yield RULE.finding(
        subject=subject,
        values={"year": year, "count": len(pairs), "equal": len(pairs)},
        locations=[Location.of(r.source) for _, r in pairs],
        extra={"year": str(year)},
    )
