"""X804 renstra-target-changed: a medium-term target changed between reports without a Perubahan.

Apa yang diperiksa:
    Bila beberapa laporan dari instansi yang sama (tahun berbeda) ada dalam
    satu pemeriksaan massal, setiap laporan dibandingkan dengan laporan tahun
    terdekat sebelumnya: target jangka menengah (tabel Renstra/IKU dan
    perbandingan dengan target Renstra) untuk indikator dan tahun yang sama
    harus sama di semua laporan, dalam batas pembulatan angka yang tercetak —
    kecuali laporan yang lebih baru menyatakan adanya perubahan (Renstra
    Perubahan, perubahan target/IKU, reviu Renstra) yang belum dinyatakan
    dalam laporan sebelumnya. Pernyataan yang sama persis di kedua laporan
    menunjuk perubahan lama dan tidak menjelaskan target yang berubah lagi.

Mengapa penting:
    Target Renstra ditetapkan untuk lima tahun. Target yang diam-diam berubah
    dari satu laporan ke laporan berikutnya membuat capaian tampak lebih baik
    tanpa dasar perubahan dokumen perencanaan.

Contoh:
    Laporan 2024: target 2025 Indeks Kepuasan Masyarakat 78,81; laporan 2025:
    target 2025 untuk indikator yang sama 76,00, tanpa menyebut Renstra
    Perubahan.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, Sequence

from lakip.rules.corpus import CrossDoc, agree, by_instansi, locate, same_indicator, value_of
from lakip.rules.base import Finding, Rule
from lakip.schemas.entities import by_entity, display_name
from lakip.schemas.facts import KIND_TARGET, ROLE_RENSTRA, ROLE_RENSTRA_COMPARISON, IndicatorFact

CHANGE_STATED = re.compile(
    r"\b(?:renstra|rencana strategis)\s+(?:\w+\s+){0,3}perubahan\b"
    r"|\bperubahan\s+(?:atas\s+|terhadap\s+)?(?:dokumen\s+)?"
    r"(?:renstra|rencana strategis|target|iku\b|indikator kinerja)"
    r"|\breviu\s+(?:atas\s+)?(?:renstra|rencana strategis)",
    re.IGNORECASE)
"""Words by which a report states that its medium-term targets were changed."""

RULE = Rule(
    code="X804",
    slug="renstra-target-changed",
    severity="warning",
    kriteria=(
        "Target jangka menengah mengikuti Renstra yang ditetapkan (reviu aspek Substansi butir 2); "
        "perubahan memerlukan Renstra Perubahan.",
        "Medium-term targets follow the adopted Renstra (reviu Substansi item 2); a change needs an "
        "amended Renstra.",
    ),
    sebab=(
        "Target diubah tanpa dasar perubahan dokumen perencanaan.",
        "The target was changed without an amended planning document.",
    ),
    akibat=(
        "Capaian tampak lebih baik tanpa dasar.",
        "Capaian appears better without basis.",
    ),
    rekomendasi=(
        "Menggunakan target Renstra yang berlaku atau menyebut Renstra Perubahan.",
        "Use the Renstra target in force or cite the amended Renstra.",
    ),
    summary_id="Target jangka menengah berubah antar laporan tanpa pernyataan perubahan Renstra",
    summary_en="A medium-term target changed between reports without a stated Renstra change",
    messages={
        "default": (
            "Target {year} indikator {subject} tercantum {old} di {older} tetapi {new} di {newer}, "
            "tanpa pernyataan perubahan Renstra",
            "The {year} target of indicator {subject} is {old} in {older} but {new} in {newer}, "
            "with no Renstra change stated",
        ),
    },
)


def renstra_targets(doc: CrossDoc) -> list[IndicatorFact]:
    """The medium-term targets a report prints."""
    return [f for f in doc.facts.indicators if f.kind == KIND_TARGET and f.year is not None
            and f.role in (ROLE_RENSTRA, ROLE_RENSTRA_COMPARISON) and f.figure.value is not None]


def change_statements(doc: CrossDoc) -> set[str]:
    """The captions and passages in which a report states a change of its Renstra or targets (digits hidden)."""
    captions = (t.caption or "" for t in doc.facts.tables)
    texts = [*captions, *(p.text for p in doc.passages)]
    return {re.sub(r"\d+", "0", " ".join(t.casefold().split())) for t in texts if CHANGE_STATED.search(t)}


def explains_change(older: CrossDoc, newer: CrossDoc) -> bool:
    """Whether the newer report states a change the older one did not already state."""
    return bool(change_statements(newer) - change_statements(older))


def _most_common(facts: Sequence[IndicatorFact]) -> IndicatorFact:
    """The fact printing the most common value of a group."""
    top = Counter(f.figure.text.strip() for f in facts).most_common(1)[0][0]
    return next(f for f in facts if f.figure.text.strip() == top)


def _changes(older: CrossDoc, newer: CrossDoc) -> Iterator[Finding]:
    """Findings for targets of one indicator and year that differ between two reports of an instansi."""
    before = renstra_targets(older)
    for group in by_entity(renstra_targets(newer)).values():
        for year in sorted({f.year for f in group if f.year is not None}):
            now = [f for f in group if f.year == year]
            then = [f for f in before if f.year == year and any(same_indicator(f, g) for g in now)]
            if not then or any(agree(a, b) for a in now for b in then):
                continue
            old, new = _most_common(then), _most_common(now)
            yield RULE.finding(
                subject=display_name(group),
                values={"year": year, "old": value_of(old), "new": value_of(new),
                        "older_year": older.tahun, "newer_year": newer.tahun},
                locations=[locate(newer, new.source, text=new.figure.text),
                           locate(older, old.source, text=old.figure.text)],
                extra={"year": str(year), "older": older.label, "newer": newer.label},
            )


def check(docs: Sequence[CrossDoc]) -> Iterator[Finding]:
    """Yield a finding per indicator and year whose medium-term target changed silently."""
    for group in by_instansi(docs).values():
        for newer in group:
            earlier = [d.tahun for d in group if d.tahun and newer.tahun and d.tahun < newer.tahun]
            for older in (d for d in group if earlier and d.tahun == max(earlier)):
                if not explains_change(older, newer):
                    yield from _changes(older, newer)
