"""T303 unit-mismatch: the same indicator has different units (satuan) in different places.

Apa yang diperiksa:
    Satuan yang dicantumkan untuk satu indikator di setiap tabel, setelah
    dinormalkan (``%``, ``persen``, ``Persentase`` adalah satu satuan;
    ``Indeks`` dan ``indeks`` juga). Bila tabel tidak punya kolom satuan,
    tanda ``%`` pada angka target/realisasi dipakai. Satu temuan per
    indikator, dengan semua tempat dan satuannya.

Mengapa penting:
    Satuan menentukan arti angka: 1,30 "indeks" dan 1,30 "%" bukan hal yang
    sama. Satuan yang berganti-ganti menandakan definisi indikator yang tidak
    pernah ditetapkan dengan jelas.

Contoh:
    ``Indeks sarana prasarana`` bersatuan ``%`` di Ringkasan Eksekutif dan
    Tabel 3.1, tetapi ``Indeks`` di PK, Tabel 3.2 dan Tabel 3.7.
"""

from __future__ import annotations

from typing import Iterator

from lakip.rules import disagreement, needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.entities import by_entity, display_name
from lakip.schemas.facts import Facts, IndicatorFact

RULE = Rule(
    code="T303",
    slug="unit-mismatch",
    severity="warning",
    kriteria=(
        "Indikator kinerja harus terukur (SMART, reviu aspek Substansi butir 10): satu indikator "
        "mempunyai satu satuan yang ditetapkan.",
        "Indicators must be measurable (SMART, reviu Substansi item 10): one indicator has one defined "
        "unit.",
    ),
    sebab=(
        "Definisi operasional indikator tidak ditetapkan dengan jelas.",
        "The indicator's operational definition was never set clearly.",
    ),
    akibat=(
        "Angka target, realisasi dan capaian tidak dapat ditafsirkan dengan pasti.",
        "Target, realisasi and capaian figures cannot be interpreted with certainty.",
    ),
    rekomendasi=(
        "Menetapkan satu satuan untuk indikator sesuai IKU dan memakainya di semua tabel.",
        "Set one unit for the indicator as in the IKU and use it in every table.",
    ),
    summary_id="Satuan indikator yang sama berbeda antar bagian laporan",
    summary_en="The same indicator has different units in different places",
    messages={
        "default": (
            "Indikator {subject} memakai satuan yang berbeda: {units_text}",
            "Indicator {subject} is given different units: {units_text}",
        ),
    },
    needs=needs.indicators(min_sources=2),
)


def unit_rows(group: list[IndicatorFact]) -> list[IndicatorFact]:
    """One fact per table row that states a unit."""
    seen, out = set(), []
    for f in group:
        key = (f.source.table_id, f.source.row)
        if f.unit and key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _describe(by_unit: dict[str, list[IndicatorFact]]) -> str:
    """'% (Tabel 3.1, …); indeks (Tabel 3.2, …)'."""
    parts = []
    for unit, rows in by_unit.items():
        tables: list[str] = []
        for f in rows:
            t = f.source.table or f.source.table_id or "?"
            if t not in tables:
                tables.append(t)
        printed = sorted({f.satuan or unit for f in rows})
        parts.append(f"{' / '.join(printed)} ({', '.join(tables)})")
    return "; ".join(parts)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per indicator printed with more than one unit."""
    for _, group in by_entity(facts.indicators).items():
        rows = unit_rows(group)
        by_unit: dict[str, list[IndicatorFact]] = {}
        for f in rows:
            by_unit.setdefault(f.unit or "", []).append(f)
        if len(by_unit) < 2 or disagreement.different_indicators(list(by_unit.values())):
            continue  # two rows of one table, or names of different indicators: not one indicator's units
        ordered = dict(sorted(by_unit.items(), key=lambda kv: -len(kv[1])))
        yield RULE.finding(
            subject=display_name(group),
            values={"units": list(ordered), "places": [len(v) for v in ordered.values()]},
            locations=[Location.of(f.source, column=None, text=f.satuan or f.unit) for v in ordered.values() for f in v],
            extra={"units_text": _describe(ordered)},
        )
