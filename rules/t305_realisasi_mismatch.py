"""T305 realisasi-mismatch: the same indicator and year has different realisasi in different places.

Apa yang diperiksa:
    Semua realisasi yang dicantumkan untuk satu indikator pada tahun yang sama
    (Ringkasan Eksekutif, tabel capaian, perbandingan antar tahun, perbandingan
    dengan Renstra, analisis program) harus sama, dalam batas pembulatan angka
    yang tercetak. Satu temuan per indikator dan tahun, dengan semua tempat.

Mengapa penting:
    Realisasi adalah hasil yang dicapai; bila satu tabel menulis 100 dan tabel
    lain 1,30 untuk indikator dan tahun yang sama, salah satunya keliru —
    sering kali kolom realisasi terisi angka capaian (%).

Contoh:
    ``Indeks sarana prasarana`` — realisasi 2024 tercetak 1,30 di Tabel 3.1,
    3.2, 3.3, 3.5 dan Ringkasan Eksekutif, tetapi 100 di Tabel 3.7.
"""

from __future__ import annotations

from typing import Iterator

from lakip.rules import disagreement, needs
from lakip.rules.base import Finding, Rule
from lakip.schemas.facts import KIND_REALISASI, Facts

RULE = Rule(
    code="T305",
    slug="realisasi-mismatch",
    severity="error",
    kriteria=(
        "Keandalan data (reviu aspek Mekanisme Penyusunan butir 5): realisasi satu indikator pada satu "
        "tahun sama di semua tabel laporan.",
        "Reliability of data (reviu Mekanisme Penyusunan item 5): one indicator's realisasi for one year "
        "is the same in every table.",
    ),
    sebab=(
        "Kolom realisasi di salah satu tabel terisi angka capaian (%) atau disalin dari versi lain.",
        "The realisasi column of one table holds the capaian (%) or was copied from another version.",
    ),
    akibat=(
        "Tidak dapat dipastikan realisasi mana yang benar; capaian yang dilaporkan tidak dapat diyakini.",
        "It cannot be told which realisasi is right; the reported capaian cannot be relied on.",
    ),
    rekomendasi=(
        "Menetapkan realisasi dari data dukung pengukuran dan menyamakannya di semua tabel.",
        "Take the realisasi from the measurement evidence and make every table agree.",
    ),
    summary_id="Realisasi indikator yang sama pada tahun yang sama berbeda antar bagian laporan",
    summary_en="The same indicator and year has different realisasi in different places",
    messages={
        "default": (
            "Realisasi {year} untuk indikator {subject} berbeda antar tabel: {places_id}",
            "The {year} realisasi of indicator {subject} differs between tables: {places_en}",
        ),
    },
    needs=needs.indicators(min_sources=2),
)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per indicator and year whose realisasi disagree."""
    yield from disagreement.findings(RULE, facts, KIND_REALISASI)
