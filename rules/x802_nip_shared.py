"""X802 nip-shared: one NIP is printed for different people in different reports.

Apa yang diperiksa:
    Setiap NIP yang sah bentuknya pada laporan-laporan dalam satu pemeriksaan
    massal: bila NIP yang sama tercetak di dua laporan untuk nama yang tidak
    mungkin orang yang sama (schemas.names.same_person di bawah 0,6), NIP itu
    dipakai bersama. Nama yang berbeda untuk satu NIP di dalam satu laporan
    saja sudah dilaporkan N604.

Mengapa penting:
    NIP bersifat unik untuk setiap pegawai. NIP yang sama pada dua pejabat
    berbeda hampir selalu berarti blok tanda tangan disalin dari laporan
    instansi lain dan NIP-nya tidak diganti.

Contoh:
    NIP 19810518 200304 1 031 untuk "BERNARDUS S. R. DA COSTA, SE" (Camat
    Doreng) dan untuk "MARIA K. G. BAPA, SH" (Camat Kota Komba).
"""

from __future__ import annotations

from typing import Iterator, Sequence

from lakip.rules.corpus import CrossDoc, locate
from lakip.rules.base import Finding, Rule
from lakip.schemas.facts import Person
from lakip.schemas.names import same_person
from lakip.values.nip import format_nip, parse_nip

DIFFERENT_PEOPLE = 0.6
"""same_person score below which two names cannot be one person (as N604)."""

RULE = Rule(
    code="X802",
    slug="nip-shared",
    severity="error",
    kriteria=(
        "NIP adalah identitas tunggal pegawai (Peraturan Kepala BKN 22/2007): satu NIP tidak dapat "
        "dimiliki dua pejabat.",
        "A NIP identifies one civil servant (BKN Regulation 22/2007): two officials cannot share one NIP.",
    ),
    sebab=(
        "Blok tanda tangan disalin dari laporan instansi lain dan NIP-nya tidak diganti.",
        "A signature block was copied from another instansi's report and its NIP was not changed.",
    ),
    akibat=(
        "Formalisasi laporan tidak sah.",
        "The report's formalisation is invalid.",
    ),
    rekomendasi=(
        "Memperbaiki NIP penandatangan.",
        "Correct the signatory's NIP.",
    ),
    summary_id="Satu NIP tercantum untuk orang yang berbeda di laporan yang berbeda",
    summary_en="One NIP is printed for different people in different reports",
    messages={
        "default": (
            "NIP {subject} tercantum untuk orang yang berbeda: {places}",
            "NIP {subject} is printed for different people: {places}",
        ),
    },
)


def by_nip(docs: Sequence[CrossDoc]) -> dict[str, list[tuple[CrossDoc, Person]]]:
    """Every well-formed NIP and the (report, person) it is printed for."""
    out: dict[str, list[tuple[CrossDoc, Person]]] = {}
    for doc in docs:
        for person in doc.facts.people:
            if person.nip_text:
                nip = parse_nip(person.nip_text)
                if nip.well_formed:
                    out.setdefault(nip.digits, []).append((doc, person))
    return out


def _different(entries: Sequence[tuple[CrossDoc, Person]]) -> bool:
    """Whether two reports print the NIP for names that cannot be one person."""
    return any(a[0].document != b[0].document and same_person(a[1].name, b[1].name) < DIFFERENT_PEOPLE
               for i, a in enumerate(entries) for b in entries[i + 1:])


def check(docs: Sequence[CrossDoc]) -> Iterator[Finding]:
    """Yield one finding per NIP printed for different people in different reports."""
    for digits, entries in by_nip(docs).items():
        if len({d.document for d, _ in entries}) < 2 or not _different(entries):
            continue
        named = list({(p.name, d.document): (p.name, d) for d, p in entries}.values())
        nip = format_nip(digits)
        yield RULE.finding(
            subject=nip,
            values={"nip": nip, "names": [n for n, _ in named], "documents": [d.document for _, d in named]},
            locations=[locate(d, p.source, text=p.name) for d, p in entries],
            extra={"places": "; ".join(f"{n} ({d.label})" for n, d in named)},
        )
