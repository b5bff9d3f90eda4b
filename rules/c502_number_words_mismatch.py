"""C502 number-words-mismatch: a figure and its words in parentheses disagree.

Apa yang diperiksa:
    Setiap bilangan yang diikuti kata dalam kurung, "4 (empat) sasaran",
    "1 (Satu) kegiatan": kata dibaca kembali (schemas.terbilang.from_words) dan
    dibandingkan dengan angkanya. Jumlah uang dengan terbilang diperiksa B406.

Mengapa penting:
    Angka dan kata yang berbeda ("4 (lima)") menandakan kalimat yang disalin dari
    laporan lain dan hanya sebagian diperbarui: pembaca tidak tahu mana yang benar.

Contoh:
    "menetapkan 4 (lima) sasaran strategis": angka 4, kata lima.
"""

from __future__ import annotations

from typing import Iterator

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import Facts

RULE = Rule(
    code="C502",
    slug="number-words-mismatch",
    severity="error",
    kriteria=(
        "Angka dan kata dalam kurung di sampingnya menyatakan bilangan yang sama.",
        "A number and the words in brackets beside it state the same number.",
    ),
    sebab=(
        "Kalimat disalin dari laporan lain dan hanya sebagian diperbarui.",
        "The sentence was copied from another report and only partly updated.",
    ),
    akibat=(
        "Pembaca tidak tahu bilangan mana yang benar.",
        "Readers cannot tell which number is right.",
    ),
    rekomendasi=(
        "Menyamakan angka dan kata.",
        "Make the number and the words agree.",
    ),
    summary_id="Angka dan kata dalam kurung di sampingnya berbeda",
    summary_en="A figure and its words in parentheses disagree",
    messages={
        "default": (
            "Angka {figure} ditulis dengan kata \"{words}\" yang berarti {words_value}",
            "Figure {figure} is followed by the words \"{words}\", which mean {words_value}",
        ),
    },
    needs=needs.text(),
)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding for each small figure whose words in parentheses say another number."""
    for nw in facts.number_words:
        if nw.is_amount or nw.figure.value is None or nw.words_value is None:
            continue
        if abs(nw.words_value - nw.figure.value) < 1e-9:
            continue
        figure = int(nw.figure.value) if float(nw.figure.value).is_integer() else nw.figure.value
        yield RULE.finding(subject=f"{nw.figure.text} ({nw.words})",
                           values={"figure": figure, "words": nw.words, "words_value": nw.words_value},
                           locations=[Location.of(nw.source)])
