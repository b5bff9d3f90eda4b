"""T301 target-mismatch: the same indicator and year has different targets in different places.

Apa yang diperiksa:
    Semua target yang dicantumkan untuk satu indikator (entitas yang sama,
    dikenali lewat sasaran dan nama indikatornya) pada tahun yang sama — di
    Renstra/IKU, Perjanjian Kinerja, tabel capaian, Ringkasan Eksekutif —
    harus sama. Dua angka dianggap sama bila selisihnya masih dalam
    pembulatan angka yang tercetak. Satu temuan per indikator dan tahun,
    dengan semua tempat yang terlibat.

Mengapa penting:
    Target yang diperjanjikan adalah dasar pengukuran capaian. Bila PK
    menyebut 2,15 sedangkan Renstra dan tabel capaian menyebut 1,15, capaian
    yang dilaporkan diukur terhadap target yang tidak diperjanjikan.

Contoh:
    ``Tersedianya SOP`` — target 2024 tercetak 2,15 di tabel IKU dan PK,
    tetapi 1,15 di Tabel 2.1, 3.1, 3.3, 3.5, 3.7 dan Ringkasan Eksekutif.
"""

from __future__ import annotations

from typing import Iterator

from lakip.rules import disagreement, needs
from lakip.rules.base import Finding, Rule
from lakip.schemas.facts import KIND_TARGET, Facts

RULE = Rule(
    code="T301",
    slug="target-mismatch",
    severity="error",
    kriteria=(
        "Perjanjian Kinerja (PermenPANRB 53/2014): target yang dilaporkan dalam LKjIP sama dengan target "
        "yang diperjanjikan; satu indikator dan tahun mempunyai satu target di seluruh laporan.",
        "Perjanjian Kinerja (PermenPANRB 53/2014): the targets reported in the LKjIP equal the agreed "
        "targets; one indicator and year has one target throughout the report.",
    ),
    sebab=(
        "Tabel disalin dari dokumen lain (Renstra, PK, laporan tahun lalu) dan targetnya tidak diperbarui "
        "bersamaan.",
        "Tables were copied from other documents (Renstra, PK, last year's report) and their targets were "
        "not updated together.",
    ),
    akibat=(
        "Capaian dihitung terhadap target yang tidak diperjanjikan; capaian yang dilaporkan tidak dapat "
        "diyakini.",
        "Capaian is computed against a target that was not agreed; the reported capaian cannot be relied "
        "on.",
    ),
    rekomendasi=(
        "Menyesuaikan target di semua tabel dengan Perjanjian Kinerja yang ditandatangani, lalu "
        "menghitung ulang capaiannya.",
        "Align the target in every table with the signed Perjanjian Kinerja, then recompute the capaian.",
    ),
    summary_id="Target indikator yang sama pada tahun yang sama berbeda antar bagian laporan",
    summary_en="The same indicator and year has different targets in different places",
    messages={
        "default": (
            "Target {year} untuk indikator {subject} berbeda antar tabel: {places_id}",
            "The {year} target of indicator {subject} differs between tables: {places_en}",
        ),
    },
    needs=needs.indicators(min_sources=2),
)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per indicator and year whose targets disagree."""
    yield from disagreement.findings(RULE, facts, KIND_TARGET)
