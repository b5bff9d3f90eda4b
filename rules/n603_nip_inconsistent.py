"""N603 nip-inconsistent: one person appears with different NIPs.

Apa yang diperiksa:
    Orang yang sama di semua blok tanda tangan dan blok "Nama/Jabatan/NIP"
    (nama dicocokkan tanpa gelar, dengan singkatan dan inisial:
    "DON LAURENZO U. N. DA SILVA, SE" = "Don L. Usi Neno Da Silva, SE";
    schemas.names.same_person) harus selalu tercetak dengan NIP yang sama.
    Kemunculan tanpa NIP tidak dihitung, begitu pula NIP yang salah bentuk atau
    mustahil: itu sudah dilaporkan N601/N602.

Mengapa penting:
    Dua NIP untuk satu penandatangan berarti salah satunya salah ketik; NIP
    pada tanda tangan laporan dan Perjanjian Kinerja harus dapat ditelusuri ke
    satu pegawai.

Contoh:
    Kata Pengantar: "NIP. 19720121 199903 1 007"; penutup laporan:
    "NIP. 19730121 199903 1 007" untuk Camat yang sama.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import Facts, Person
from lakip.schemas.names import same_person
from lakip.values.nip import format_nip, parse_nip

SAME_PERSON = 0.85
"""same_person score from which two printed names are taken as one person."""

RULE = Rule(
    code="N603",
    slug="nip-inconsistent",
    severity="error",
    kriteria=(
        "NIP adalah identitas tunggal pegawai (Peraturan Kepala BKN 22/2007): satu penandatangan "
        "tercantum dengan satu NIP di seluruh laporan dan Perjanjian Kinerja.",
        "A NIP identifies one civil servant (BKN Regulation 22/2007): one signatory has one NIP "
        "throughout the report and the Perjanjian Kinerja.",
    ),
    sebab=(
        "Salah ketik pada salah satu blok tanda tangan, atau blok disalin dari dokumen lain.",
        "A typing error in one signature block, or a block copied from another document.",
    ),
    akibat=(
        "Keabsahan penandatanganan (formalisasi laporan) diragukan.",
        "The validity of the signature (the report's formalisation) is in doubt.",
    ),
    rekomendasi=(
        "Menyamakan NIP pada semua blok tanda tangan sesuai data kepegawaian.",
        "Make the NIP in every signature block match the personnel records.",
    ),
    summary_id="Satu orang tercantum dengan NIP yang berbeda",
    summary_en="One person appears with different NIPs",
    messages={
        "default": (
            "{subject} tercantum dengan {count} NIP berbeda: {nip_list}",
            "{subject} appears with {count} different NIPs: {nip_list}",
        ),
    },
    needs=needs.people(),
)


def nip_key(text: str) -> str:
    """The NIP's digits (the printed text when it has no digits)."""
    digits = re.sub(r"\D", "", text)
    return digits or text


def shown(text: str) -> str:
    """A NIP as a message shows it: the standard form when it has 18 digits."""
    nip = parse_nip(text)
    return format_nip(nip.digits) if nip.well_formed else text


def clusters(people: list[Person]) -> list[list[Person]]:
    """People grouped by name: any two in a group are linked by names that are the same person."""
    parent = list(range(len(people)))

    def find(i: int) -> int:
        """The group representative of i."""
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(people)):
        for j in range(i + 1, len(people)):
            if find(i) != find(j) and same_person(people[i].name, people[j].name) >= SAME_PERSON:
                parent[find(j)] = find(i)
    groups: dict[int, list[Person]] = {}
    for i, p in enumerate(people):
        groups.setdefault(find(i), []).append(p)
    return list(groups.values())


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per person printed with more than one NIP."""
    for group in clusters(list(facts.people)):
        with_nip = [p for p in group if p.nip_text and parse_nip(p.nip_text).valid]
        nips = list(dict.fromkeys(nip_key(p.nip_text or "") for p in with_nip))
        if len(nips) < 2:
            continue
        name = Counter(p.name for p in with_nip).most_common(1)[0][0]
        texts = [shown(next(p.nip_text or "" for p in with_nip if nip_key(p.nip_text or "") == k)) for k in nips]
        yield RULE.finding(subject=name, values={"nips": texts, "count": len(texts)},
                           locations=[Location.of(p.source, text=p.nip_text) for p in with_nip],
                           extra={"nip_list": ", ".join(texts)})
