"""N602 nip-invalid: a NIP whose parts are impossible.

Apa yang diperiksa:
    NIP PNS ``YYYYMMDD YYYYMM G NNN``: tanggal lahir harus tanggal yang ada,
    bulan TMT CPNS 01-12, TMT CPNS tidak sebelum usia 18 tahun dan tidak
    sesudah tanggal dokumen (tanggal penandatanganan laporan), kode jenis
    kelamin 1 atau 2. NI PPPK (dicetak sesudah "NI PPPK", "NIPPPK", "NIP PPPK",
    atau dengan kode 21/24 di tempat bulan TMT) hanya pasti dalam 18 angka dan
    tanggal lahirnya: hanya tanggal lahir yang mustahil menjadi kesalahan;
    bagian lain yang janggal (tahun pengangkatan, kode jenis kelamin) menjadi
    peringatan. Nomor yang jenisnya tidak pasti (kode 20, 22, 23, 25-29 di
    tempat bulan: bukan bulan, bukan kode PPPK yang dikenal) juga hanya
    mendapat peringatan dengan alasannya (schemas.nip).

Mengapa penting:
    NIP dengan bagian yang mustahil pasti salah ketik; pada dokumen yang
    ditandatangani, itu berarti identitas penandatangan tidak dapat dipastikan.

Contoh:
    "NIP. 19721321 199903 1 007": bulan lahir 13 tidak ada.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator, Optional

from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.people import by_nip
from lakip.schemas.facts import Facts
from lakip.schemas.facts import Person
from lakip.values.nip import Nip, check_against, doubts_against, format_nip, parse_nip

RULE = Rule(
    code="N602",
    slug="nip-invalid",
    severity="error",
    kriteria=(
        "Peraturan Kepala BKN 22/2007: bagian NIP (tanggal lahir, TMT CPNS, jenis kelamin) harus "
        "merupakan nilai yang mungkin.",
        "BKN Regulation 22/2007: the parts of a NIP (birth date, CPNS start, sex) must be possible "
        "values.",
    ),
    sebab=(
        "Salah ketik NIP.",
        "The NIP was mistyped.",
    ),
    akibat=(
        "Identitas penandatangan tidak dapat dipastikan.",
        "The signatory's identity cannot be established.",
    ),
    rekomendasi=(
        "Memperbaiki NIP sesuai data kepegawaian (SIASN).",
        "Correct the NIP from the personnel records (SIASN).",
    ),
    summary_id="NIP dengan bagian yang tidak mungkin",
    summary_en="A NIP whose parts are impossible",
    messages={
        "default": (
            "NIP {nip} tidak mungkin benar: {detail_id}",
            "NIP {nip} cannot be right: {detail_en}",
        ),
        "doubt": (
            "NIP {nip} mungkin salah: {detail_id} ({why_id})",
            "NIP {nip} may be wrong: {detail_en} ({why_en})",
        ),
    },
    needs=needs.people(),
)


def _ym(year: Optional[int], month: Optional[int]) -> str:
    """'1999-03' or '1999'."""
    return f"{year}-{month:02d}" if month else str(year)


def describe(nip: Nip, problem: str, doc_date: Optional[date]) -> tuple[str, str]:
    """One problem of a NIP in plain words (Bahasa Indonesia, English)."""
    d = nip.digits
    tmt = _ym(nip.tmt_year, nip.tmt_month)
    born = nip.birth_date.isoformat() if nip.birth_date else d[:8]
    texts = {
        "birth-date-invalid": (f"tanggal lahir {d[:8]} bukan tanggal yang ada",
                               f"birth date {d[:8]} is not a real date"),
        "tmt-month-invalid": (f"bulan TMT CPNS {d[12:14]} tidak di antara 01 dan 12",
                              f"TMT CPNS month {d[12:14]} is not between 01 and 12"),
        "tmt-year-invalid": (f"tahun TMT {d[8:12]} tidak masuk akal", f"TMT year {d[8:12]} is implausible"),
        "tmt-before-age-18": (f"TMT {tmt} sebelum berusia 18 tahun (lahir {born})",
                              f"TMT {tmt} is before the age of 18 (born {born})"),
        "gender-invalid": (f"kode jenis kelamin {d[14]} bukan 1 atau 2", f"gender digit {d[14]} is not 1 or 2"),
        "tmt-after-document": (f"TMT {tmt} sesudah tanggal dokumen {doc_date.isoformat() if doc_date else ''}",
                               f"TMT {tmt} is after the document date {doc_date.isoformat() if doc_date else ''}"),
    }
    return texts.get(problem, (problem, problem))


def why(nip: Nip) -> tuple[str, str]:
    """Why a number's odd parts are only doubts (Bahasa Indonesia, English)."""
    code = nip.digits[12:14]
    if nip.kind == "pppk" and nip.label == "pppk":
        return ("dicetak sebagai NI PPPK: hanya 18 angka dan tanggal lahirnya yang pasti",
                "printed as a PPPK number: only its 18 digits and birth date are certain")
    if nip.kind == "pppk":
        return (f"kode {code} menandai NI PPPK: hanya 18 angka dan tanggal lahirnya yang pasti",
                f"code {code} marks a PPPK number: only its 18 digits and birth date are certain")
    return (f"kode {code} di tempat bulan TMT bukan bulan dan bukan kode NI PPPK yang dikenal (21, 24): "
            "jenis nomor tidak pasti",
            f"code {code} in the TMT month's place is neither a month nor a known PPPK code (21, 24): "
            "the kind of number is unsure")


def group_nip(people: list[Person]) -> Nip:
    """The NIP of people printed with the same digits, read from a PPPK-labelled printing if there is one."""
    nips = [parse_nip(p.nip_text or "") for p in people]
    return next((n for n in nips if n.label == "pppk"), nips[0])


def _words(nip: Nip, problems: tuple[str, ...], doc_date: Optional[date]) -> dict[str, str]:
    """The message parts naming the problems in both languages."""
    words = [describe(nip, p, doc_date) for p in problems]
    return {"detail_id": "; ".join(w[0] for w in words), "detail_en": "; ".join(w[1] for w in words)}


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per distinct well-formed NIP with impossible parts (error) or, failing that,
    parts that would be impossible for a PNS in a number that may not be one (warning)."""
    groups = by_nip(facts.people)
    doc_date = facts.doc.document_date
    for digits, people in groups.items():
        nip = group_nip(people)
        problems = check_against(nip, doc_date) if doc_date else nip.problems
        doubts = doubts_against(nip, doc_date) if doc_date else nip.doubts
        if not problems and not doubts:
            continue
        locations = [Location.of(p.source, text=p.nip_text) for p in people]
        if problems:
            yield RULE.finding(subject=people[0].name,
                               values={"nip": format_nip(digits), "problems": list(problems), "kind": nip.kind},
                               locations=locations, extra=_words(nip, problems, doc_date))
            continue
        reason = why(nip)
        yield RULE.finding(subject=people[0].name,
                           values={"nip": format_nip(digits), "problems": list(doubts), "kind": nip.kind},
                           locations=locations, variant="doubt", severity="warning",
                           extra={**_words(nip, doubts, doc_date), "why_id": reason[0], "why_en": reason[1]})
