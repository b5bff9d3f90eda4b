"""N604 name-inconsistent: one NIP appears with names that cannot be the same person.

Apa yang diperiksa:
    Setiap NIP (18 angka) yang tercetak lebih dari sekali: nama di sampingnya
    harus nama orang yang sama (gelar, singkatan dan inisial boleh berbeda;
    schemas.names.same_person). Nama yang sama sekali berbeda dilaporkan.

Mengapa penting:
    NIP adalah identitas tunggal pegawai; satu NIP untuk dua orang berarti NIP
    salah satu penandatangan tersalin dari blok tanda tangan lain.

Contoh:
    "ARDIANUS F. PARERA" dan "DON LAURENZO U. N. DA SILVA" sama-sama dengan
    NIP 19720121 199903 1 007.
"""

from __future__ import annotations

from typing import Iterator

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.people import by_nip
from lakip.schemas.facts import Facts
from lakip.schemas.names import same_person
from lakip.values.nip import format_nip

DIFFERENT_PEOPLE = 0.6
"""same_person score below which two names cannot be one person."""

RULE = Rule(
    code="N604",
    slug="name-inconsistent",
    severity="warning",
    kriteria=(
        "NIP adalah identitas tunggal pegawai (Peraturan Kepala BKN 22/2007): satu NIP hanya untuk satu "
        "orang.",
        "A NIP identifies one civil servant (BKN Regulation 22/2007): one NIP belongs to one person.",
    ),
    sebab=(
        "NIP tersalin dari blok tanda tangan lain.",
        "The NIP was copied from another signature block.",
    ),
    akibat=(
        "Identitas salah satu penandatangan salah.",
        "One signatory's identity is wrong.",
    ),
    rekomendasi=(
        "Memperbaiki NIP penandatangan yang keliru.",
        "Correct the wrong signatory's NIP.",
    ),
    summary_id="Satu NIP tercantum dengan nama orang yang berbeda",
    summary_en="One NIP appears with names of different people",
    messages={
        "default": (
            "NIP {subject} tercantum dengan nama yang berbeda: {name_list}",
            "NIP {subject} appears with different names: {name_list}",
        ),
    },
    needs=needs.people(),
)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per NIP printed beside names of different people."""
    groups = by_nip(facts.people)
    for digits, people in groups.items():
        names = list(dict.fromkeys(p.name for p in people))
        if not any(same_person(a, b) < DIFFERENT_PEOPLE for i, a in enumerate(names) for b in names[i + 1:]):
            continue
        yield RULE.finding(subject=format_nip(digits), values={"nip": format_nip(digits), "names": names},
                           locations=[Location.of(p.source, text=p.name) for p in people],
                           extra={"name_list": "; ".join(names)})
