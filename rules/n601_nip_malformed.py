"""N601 nip-malformed: a NIP that is not 18 digits.

Apa yang diperiksa:
    Setiap NIP dan NI PPPK di blok tanda tangan dan blok "Nama/Jabatan/NIP":
    harus 18 angka, ditulis bersambung atau berkelompok ``YYYYMMDD YYYYMM G NNN``
    (kelompok dipisah spasi, titik atau tanda hubung, juga bila terpotong ke
    baris berikutnya). Satu temuan per NIP yang tercetak sama, dengan semua
    tempatnya.

Mengapa penting:
    NIP yang kurang atau lebih angkanya tidak dapat dicocokkan dengan data
    kepegawaian (SIASN) dan menandai salah ketik pada dokumen resmi.

Contoh:
    "NIP. 19720121 199903 1 07" hanya 17 angka.
"""

from __future__ import annotations

from typing import Iterator

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import Facts, Person
from lakip.values.nip import parse_nip

RULE = Rule(
    code="N601",
    slug="nip-malformed",
    severity="error",
    kriteria=(
        "Peraturan Kepala BKN 22/2007: NIP PNS terdiri atas 18 angka (tanggal lahir, TMT CPNS, jenis "
        "kelamin, nomor urut).",
        "BKN Regulation 22/2007: a civil servant's NIP has 18 digits (birth date, CPNS start, sex, "
        "sequence number).",
    ),
    sebab=(
        "Salah ketik NIP.",
        "The NIP was mistyped.",
    ),
    akibat=(
        "Identitas penandatangan tidak dapat ditelusuri; dokumen resmi memuat data pegawai yang salah.",
        "The signatory cannot be identified; an official document holds wrong personnel data.",
    ),
    rekomendasi=(
        "Memperbaiki NIP sesuai data kepegawaian (SIASN).",
        "Correct the NIP from the personnel records (SIASN).",
    ),
    summary_id="NIP tidak terdiri atas 18 angka",
    summary_en="A NIP that is not 18 digits",
    messages={
        "length": (
            "NIP {nip} tidak terdiri atas 18 angka ({digits} angka)",
            "NIP {nip} does not have 18 digits ({digits} digits)",
        ),
        "format": (
            "NIP {nip} tidak ditulis dalam bentuk baku (18 angka, atau YYYYMMDD YYYYMM G NNN dipisah spasi, titik "
            "atau tanda hubung)",
            "NIP {nip} is not written in the standard form (18 digits, or YYYYMMDD YYYYMM G NNN separated by spaces, "
            "dots or dashes)",
        ),
    },
    needs=needs.people(),
)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per distinct malformed NIP, with every place it is printed."""
    groups: dict[str, list[Person]] = {}
    for person in facts.people:
        if person.nip_text and not parse_nip(person.nip_text).well_formed:
            groups.setdefault(person.nip_text, []).append(person)
    for text, people in groups.items():
        nip = parse_nip(text)
        digits = len(nip.digits)
        yield RULE.finding(subject=people[0].name, values={"nip": nip.number or text, "digits": digits},
                           locations=[Location.of(p.source, text=text) for p in people],
                           variant="length" if digits != 18 else "format")
