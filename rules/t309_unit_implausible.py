"""T309 unit-implausible: a unit that contradicts the indicator.

Apa yang diperiksa:
    (1) Indikator yang menghitung sesuatu ("Jumlah …", "Banyaknya …") tetapi
    bersatuan persen. (2) Indikator yang berupa bagian dari suatu keseluruhan
    ("Persentase …", "Proporsi …", "Cakupan …") bersatuan persen dengan target
    atau realisasi di atas 100 — kecuali namanya menyebut pertumbuhan,
    kenaikan atau perubahan, yang memang bisa melebihi 100 %. Satu temuan per
    indikator dengan semua tempatnya.

Mengapa penting:
    Satuan yang bertentangan dengan nama indikator menunjukkan definisi
    operasional yang keliru; angka capaiannya tidak bisa ditafsirkan.

Contoh:
    ``Jumlah Inovasi`` dengan satuan ``%`` / ``Persentase`` / ``persen`` di
    Ringkasan Eksekutif, PK, Tabel 3.1, 3.2 dan 3.7.
"""

from __future__ import annotations

import re
from typing import Iterator

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.entities import by_entity, display_name
from lakip.schemas.facts import KIND_REALISASI, KIND_TARGET, Facts, IndicatorFact
from lakip.values.text import normalize_text

RULE = Rule(
    code="T309",
    slug="unit-implausible",
    severity="warning",
    kriteria=(
        "Indikator kinerja harus SMART (reviu aspek Substansi butir 10): satuannya sesuai dengan apa yang "
        "diukur.",
        "Indicators must be SMART (reviu Substansi item 10): the unit fits what is measured.",
    ),
    sebab=(
        "Definisi operasional indikator keliru atau satuan disalin dari indikator lain.",
        "The operational definition is wrong or the unit was copied from another indicator.",
    ),
    akibat=(
        "Angka target dan capaiannya tidak dapat ditafsirkan.",
        "The target and capaian figures cannot be interpreted.",
    ),
    rekomendasi=(
        "Menetapkan satuan yang sesuai dengan nama indikator dalam IKU dan PK.",
        "Set a unit that fits the indicator's name in the IKU and PK.",
    ),
    summary_id="Satuan bertentangan dengan indikatornya",
    summary_en="A unit that contradicts the indicator",
    messages={
        "count": (
            "Indikator {subject} menyatakan jumlah tetapi bersatuan persen",
            "Indicator {subject} counts something but is measured in percent",
        ),
        "over100": (
            "Indikator {subject} berupa persentase dari keseluruhan tetapi bernilai {highest} (di atas 100)",
            "Indicator {subject} is a share of a whole but has the value {highest} (above 100)",
        ),
    },
    needs=needs.indicators(),
)

_COUNT = re.compile(r"\b(jumlah|banyaknya)\b")
_SHARE_WORDS = re.compile(r"\b(persentase|prosentase|presentase|proporsi|rasio|rata|indeks|index|tingkat|cakupan|capaian|nilai|skor|%)")
_SHARE = re.compile(r"^(persentase|prosentase|presentase|proporsi|cakupan)\b")
_GROWTH = re.compile(r"\b(pertumbuhan|peningkatan|kenaikan|perubahan|laju|penambahan|penurunan|selisih|rasio)\b")


def is_count(name: str) -> bool:
    """Whether an indicator name counts things ('Jumlah Inovasi') rather than naming a share."""
    text = normalize_text(name)
    return bool(_COUNT.search(text)) and not _SHARE_WORDS.search(text)


def is_share(name: str) -> bool:
    """Whether an indicator name is a share of a whole that cannot exceed 100 %."""
    text = normalize_text(name)
    return bool(_SHARE.match(text)) and not _GROWTH.search(text)


def _count_in_percent(group: list[IndicatorFact]) -> list[IndicatorFact]:
    """One fact per row where a counting indicator is given in percent."""
    seen, out = set(), []
    for f in group:
        key = (f.source.table_id, f.source.row)
        if f.unit == "%" and f.satuan and is_count(f.indikator) and key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _share_over_100(group: list[IndicatorFact]) -> list[IndicatorFact]:
    """Targets/realisasi above 100 of a share indicator given in percent."""
    return [f for f in group
            if f.unit == "%" and f.kind in (KIND_TARGET, KIND_REALISASI) and is_share(f.indikator)
            and f.figure.value is not None and f.figure.value > 100 + 0.5 * 10 ** (-f.figure.decimals)]


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding per indicator whose unit contradicts its name or its values."""
    for _, group in by_entity(facts.indicators).items():
        counted = _count_in_percent(group)
        if counted:
            yield RULE.finding(
                subject=display_name(group), variant="count",
                values={"unit": "%", "printed": sorted({f.satuan for f in counted if f.satuan})},
                locations=[Location.of(f.source, column=None, text=f.satuan) for f in counted],
            )
        over = _share_over_100(group)
        if over:
            yield RULE.finding(
                subject=display_name(group), variant="over100",
                values={"unit": "%", "highest": max(f.figure.value or 0.0 for f in over)},
                locations=[Location.of(f.source) for f in over],
            )
