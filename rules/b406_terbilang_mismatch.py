"""B406 terbilang-mismatch: an amount written in words differs from the figure beside it.

Apa yang diperiksa:
    Setiap jumlah uang yang diikuti terbilang dalam kurung, "Rp. 4.760.149.793,-
    (Empat Miliar Tujuh Ratus Enam Puluh Juta … Rupiah)": terbilang dibaca
    kembali menjadi angka (schemas.terbilang.from_words, yang menerima
    "milyar", huruf besar-kecil, dan kata yang tersambung) dan dibandingkan
    dengan angkanya. Terbilang yang tidak dapat dibaca sebagai bilangan (salah
    eja) juga dilaporkan.

Mengapa penting:
    Dalam dokumen keuangan terbilang adalah pengaman terhadap salah ketik
    angka; bila keduanya berbeda, salah satunya pasti salah.

Contoh:
    "Rp. 4.760.149.793,- (Empat Miliar Tujuh Ratus Enam Puluh Juta Seratus
    Empat Puluh Sembilan Ribu Tujuh Ratus Sembilan Puluh Tiga Rupiah)" sesuai;
    "Rp. 4.760.149.793,- (Empat Miliar Tujuh Ratus Enam Juta …)" tidak.
"""

from __future__ import annotations

from typing import Iterator

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import Facts

RULE = Rule(
    code="B406",
    slug="terbilang-mismatch",
    severity="error",
    kriteria=(
        "Nilai uang yang ditulis dengan angka dan terbilangnya menyatakan nilai yang sama.",
        "An amount written in figures and its amount in words state the same value.",
    ),
    sebab=(
        "Angka atau terbilang diubah tanpa memperbarui pasangannya.",
        "The figure or the words were changed without updating the other.",
    ),
    akibat=(
        "Salah satu nilai pasti salah; nilai anggaran yang dilaporkan tidak pasti.",
        "One of the two is certainly wrong; the reported amount is uncertain.",
    ),
    rekomendasi=(
        "Menyamakan angka dan terbilang sesuai dokumen anggaran.",
        "Make the figure and the words agree with the budget document.",
    ),
    summary_id="Terbilang tidak sama dengan angka di sampingnya",
    summary_en="An amount in words differs from the figure beside it",
    messages={
        "default": (
            "Angka {figure} tidak sama dengan terbilangnya \"{words}\" ({words_value}; selisih {difference})",
            "Figure {figure} differs from its amount in words \"{words}\" ({words_value}; difference {difference})",
        ),
        "unreadable": (
            "Terbilang \"{words}\" di samping angka {figure} tidak dapat dibaca sebagai bilangan; periksa ejaannya",
            "The amount in words \"{words}\" beside {figure} cannot be read as a number; check its spelling",
        ),
    },
    needs=needs.text(),
)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding for each amount whose words say another number (or no number)."""
    for nw in facts.number_words:
        if not nw.is_amount or nw.figure.value is None:
            continue
        figure = int(round(nw.figure.value)) if not nw.figure.decimals else nw.figure.value
        loc = [Location.of(nw.source)]
        if nw.words_value is None:
            yield RULE.finding(subject=nw.figure.text, values={"figure": figure, "words": nw.words}, locations=loc,
                               variant="unreadable")
        elif abs(nw.words_value - nw.figure.value) >= 1:
            yield RULE.finding(subject=nw.figure.text,
                               values={"figure": figure, "words": nw.words, "words_value": nw.words_value,
                                       "difference": abs(nw.words_value - figure)},
                               locations=loc)
