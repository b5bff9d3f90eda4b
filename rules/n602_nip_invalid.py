"""N602 nip-invalid: a NIP whose parts are impossible.

Apa yang diperiksa:
    NIP PNS ``YYYYMMDD YYYYMM G NNN``: tanggal lahir harus tanggal yang ada,
    bulan TMT CPNS 01-12, TMT CPNS tidak sebelum usia 18 tahun dan tidak
    sesudah tanggal dokumen (tanggal penandatanganan laporan), kode jenis
    kelamin 1 atau 2. NI PPPK (kode 21/24 di tempat bulan TMT) dikenali dan
    hanya tahunnya diperiksa (schemas.nip).

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
from lakip.schemas.nip import Nip, check_against, format_nip, parse_nip

RULE = Rule(
    code="N602",
    slug="nip-invalid",
    severity="error",
    summary_id="NIP dengan bagian yang tidak mungkin",
    summary_en="A NIP whose parts are impossible",
    messages={
        "default": (
            "NIP {nip} tidak mungkin benar: {detail_id}",
            "NIP {nip} cannot be right: {detail_en}",
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


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per distinct well-formed NIP with impossible parts."""
    groups = by_nip(facts.people)
    doc_date = facts.doc.document_date
    for digits, people in groups.items():
        nip = parse_nip(people[0].nip_text or "")
        problems = check_against(nip, doc_date) if doc_date else nip.problems
        if not problems:
            continue
        words = [describe(nip, p, doc_date) for p in problems]
        yield RULE.finding(subject=people[0].name,
                           values={"nip": format_nip(digits), "problems": list(problems), "kind": nip.kind},
                           locations=[Location.of(p.source, text=p.nip_text) for p in people],
                           extra={"detail_id": "; ".join(w[0] for w in words),
                                  "detail_en": "; ".join(w[1] for w in words)})
