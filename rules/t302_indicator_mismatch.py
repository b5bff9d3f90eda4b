"""T302 indicator-mismatch: the same sasaran is measured by differently named indicators.

Apa yang diperiksa:
    Untuk setiap sasaran (dikenali dari teks sasarannya di setiap tabel), nama
    indikator yang mengukurnya di Renstra/IKU, Perjanjian Kinerja, tabel
    capaian dan Ringkasan Eksekutif. Penulisan yang berbeda dari nama yang
    sama ("Indeks sarana prasarana" / "Persentase rekomendasi sarana
    prasarana") tidak dilaporkan; indikator yang benar-benar lain dilaporkan,
    satu temuan per sasaran dengan semua tempatnya.

Mengapa penting:
    Perjanjian Kinerja harus memuat indikator yang sama dengan Renstra dan IKU.
    Bila PK mengukur sasaran dengan indikator lain, capaian yang dilaporkan
    tidak dapat dibandingkan dengan target jangka menengahnya.

Contoh:
    Sasaran ``Tersedianya Sarana dan Prasarana`` diukur dengan "Indeks
    Kepuasan Masyarakat" di tabel IKU dan PK, tetapi dengan "Indeks Sarana
    Prasarana" di Tabel 2.1, 3.3, 3.6 dan 3.7.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.entities import by_entity, name_variants, sasaran_name
from lakip.schemas.facts import Facts, IndicatorFact

RULE = Rule(
    code="T302",
    slug="indicator-mismatch",
    severity="error",
    kriteria=(
        "PermenPANRB 53/2014: sasaran dan indikator dalam LKjIP sesuai dengan Perjanjian Kinerja, Renstra "
        "dan IKU (reviu aspek Substansi butir 1, 4 dan 5).",
        "PermenPANRB 53/2014: the sasaran and indicators in the LKjIP match the Perjanjian Kinerja, "
        "Renstra and IKU (reviu Substansi items 1, 4 and 5).",
    ),
    sebab=(
        "Indikator diganti di salah satu tabel tanpa penetapan perubahan IKU/PK.",
        "The indicator was changed in one table without an amended IKU/PK.",
    ),
    akibat=(
        "Capaian sasaran tidak dapat dibandingkan dengan target jangka menengahnya.",
        "The sasaran's capaian cannot be compared with its medium-term target.",
    ),
    rekomendasi=(
        "Menggunakan indikator yang sama dengan IKU dan PK di semua tabel, atau menjelaskan dasar "
        "perubahannya.",
        "Use the IKU and PK indicator in every table, or explain the basis for the change.",
    ),
    summary_id="Sasaran yang sama diukur dengan indikator yang berbeda",
    summary_en="The same sasaran is measured by differently named indicators",
    messages={
        "default": (
            "Sasaran {subject} diukur dengan indikator yang berbeda: {names_id}",
            "Sasaran {subject} is measured by different indicators: {names_en}",
        ),
    },
    needs=needs.indicators(min_sources=2),
)


def _rows(facts: list[IndicatorFact]) -> list[IndicatorFact]:
    """One fact per table row (the first printed value of the row)."""
    seen, out = set(), []
    for f in facts:
        key = (f.source.table_id, f.source.row)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _label(variant: list[str], rows: list[IndicatorFact]) -> str:
    """A variant's most common spelling with the tables it is printed in."""
    name = Counter(variant).most_common(1)[0][0]
    tables: list[str] = []
    for f in rows:
        if f.indikator in variant:
            t = f.source.table or f.source.table_id or "?"
            if t not in tables:
                tables.append(t)
    return f'"{name}" ({", ".join(tables)})'


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per sasaran whose indicator is named differently in different places."""
    for _, group in by_entity(facts.indicators).items():
        sasaran = sasaran_name(group)
        if not sasaran or not group[0].sasaran_key:
            continue
        rows = _rows(group)
        variants = name_variants([f.indikator for f in rows], exclude=sasaran)
        if len(variants) < 2:
            continue
        variants.sort(key=len, reverse=True)
        names = [Counter(v).most_common(1)[0][0] for v in variants]
        text = "; ".join(_label(v, rows) for v in variants)
        in_variant = {n for v in variants for n in v}
        yield RULE.finding(
            subject=sasaran,
            values={"names": names, "places": [len(v) for v in variants]},
            locations=[Location.of(f.source, column=None, text=f.indikator) for f in rows if f.indikator in in_variant],
            extra={"names_id": text, "names_en": text},
        )
