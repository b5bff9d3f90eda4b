"""T306 indicator-missing: a sasaran without an indicator, an indicator without a target or a realisasi.

Apa yang diperiksa:
    (1) Baris tabel indikator yang mencantumkan sasaran dan angka tetapi
    kolom indikatornya kosong. (2) Indikator yang di seluruh laporan tidak
    pernah diberi target untuk tahun laporan, atau tidak pernah diberi
    realisasi, padahal indikator lain diberi. Tahun laporan adalah tahun yang
    paling sering dipakai kolom realisasi. Satu temuan per sasaran atau
    indikator.

Mengapa penting:
    Setiap sasaran harus terukur, dan setiap indikator yang diperjanjikan
    harus dilaporkan realisasinya; yang hilang tidak dapat dinilai.

Contoh:
    Sasaran ``Tersedianya Sistem Pelayanan Informasi Publik`` tercantum dengan
    target 1,24 tetapi tanpa nama indikator.
"""

from __future__ import annotations

from typing import Iterator

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.entities import by_entity, display_name
from lakip.schemas.facts import KIND_REALISASI, KIND_TARGET, Facts, IndicatorFact

RULE = Rule(
    code="T306",
    slug="indicator-missing",
    severity="warning",
    kriteria=(
        "PermenPANRB 53/2014: setiap sasaran diukur dengan indikator, dan setiap indikator yang "
        "diperjanjikan dilaporkan target, realisasi dan capaiannya.",
        "PermenPANRB 53/2014: every sasaran is measured by an indicator, and every agreed indicator is "
        "reported with target, realisasi and capaian.",
    ),
    sebab=(
        "Baris tabel tidak lengkap diisi.",
        "Table rows were not filled in completely.",
    ),
    akibat=(
        "Kinerja sasaran atau indikator itu tidak dapat dinilai.",
        "The performance of that sasaran or indicator cannot be assessed.",
    ),
    rekomendasi=(
        "Melengkapi indikator, target dan realisasinya sesuai Perjanjian Kinerja.",
        "Complete the indicator, its target and realisasi as in the Perjanjian Kinerja.",
    ),
    summary_id="Sasaran tanpa indikator, atau indikator tanpa target/realisasi",
    summary_en="A sasaran without an indicator, or an indicator without a target or realisasi",
    messages={
        "no-indicator": (
            "Sasaran {subject} tidak mempunyai indikator",
            "Sasaran {subject} has no indicator",
        ),
        "no-target": (
            "Indikator {subject} tidak mempunyai target {year} di tabel mana pun",
            "Indicator {subject} has no {year} target in any table",
        ),
        "no-realisasi": (
            "Indikator {subject} tidak mempunyai realisasi {year} di tabel mana pun",
            "Indicator {subject} has no {year} realisasi in any table",
        ),
    },
    needs=needs.indicators(),
)


def _has(group: list[IndicatorFact], kind: str, year: int) -> bool:
    """Whether the entity has a printed number (or range) of a kind for the year."""
    return any(f.kind == kind and f.year == year and (f.figure.value is not None or f.figure.kind == "range")
               for f in group)


def _rows(group: list[IndicatorFact]) -> list[IndicatorFact]:
    """One fact per table row."""
    seen, out = set(), []
    for f in group:
        if (f.source.table_id, f.source.row) not in seen:
            seen.add((f.source.table_id, f.source.row))
            out.append(f)
    return out


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding per sasaran without indicator and per indicator without target or realisasi."""
    year = facts.realisasi_year()
    groups = by_entity(facts.indicators)
    any_target = year is not None and any(_has(g, KIND_TARGET, year) for g in groups.values())
    any_real = year is not None and any(_has(g, KIND_REALISASI, year) for g in groups.values())
    for group in groups.values():
        unnamed = [f for f in _rows(group) if not f.indikator]
        if unnamed:
            yield RULE.finding(subject=unnamed[0].sasaran or "", variant="no-indicator", values={},
                               locations=[Location.of(f.source, column=None, text=f.sasaran) for f in unnamed])
        if year is None or all(not f.indikator for f in group):
            continue
        if len({f.source.table_id for f in group}) < 2 and len(groups) > 1:
            continue  # named in one table row only: perhaps a fragment of a row read apart, not an indicator
        subject = display_name(group)
        rows = [Location.of(f.source, column=None, text=f.indikator) for f in _rows(group)]
        if any_target and not _has(group, KIND_TARGET, year):
            yield RULE.finding(subject=subject, variant="no-target", values={"year": year},
                               locations=rows, extra={"year": str(year)})
        if any_real and not _has(group, KIND_REALISASI, year):
            yield RULE.finding(subject=subject, variant="no-realisasi", values={"year": year},
                               locations=rows, extra={"year": str(year)})
