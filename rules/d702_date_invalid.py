"""D702 date-invalid: an impossible date, or a report signed before its period ends.

Apa yang diperiksa:
    (1) Setiap tanggal yang tercetak ("31 Juni 2024", "29 Februari 2023",
    "31/04/2024") harus ada di kalender.
    (2) Tanggal penandatanganan laporan itu sendiri (Kata Pengantar, atau
    tanda tangan terakhir di luar Perjanjian Kinerja; DocFacts.document_date)
    tidak boleh sebelum akhir tahun yang dilaporkan (31 Desember). Tanggal
    Perjanjian Kinerja (termasuk PK perubahan di tengah tahun) tidak diperiksa
    di sini.

Mengapa penting:
    Tanggal yang mustahil adalah salah ketik pada dokumen resmi; laporan
    tahunan yang ditandatangani sebelum tahunnya berakhir tidak mungkin memuat
    realisasi setahun penuh, biasanya tanggal disalin dari laporan lain.

Contoh:
    Laporan Kinerja Tahun 2024 ditandatangani "Wailiti, 20 Januari 2024".
"""

from __future__ import annotations

from datetime import date
from typing import Iterator, Optional

from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import DateMention, Facts

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def _need(facts: Facts) -> Optional[tuple[str, str]]:
    """The rule needs printed dates or the signing date."""
    if facts.dates or facts.doc.document_date:
        return None
    return ("tidak ada tanggal yang terbaca", "no date was read")


RULE = Rule(
    code="D702",
    slug="date-invalid",
    severity="warning",
    kriteria=(
        "Laporan Kinerja tahunan disusun setelah tahun anggaran berakhir (PermenPANRB 53/2014); tanggal "
        "dalam dokumen resmi harus tanggal yang ada.",
        "An annual Laporan Kinerja is drawn up after the budget year ends (PermenPANRB 53/2014); dates in "
        "official documents must exist.",
    ),
    sebab=(
        "Tanggal disalin dari laporan lain atau salah ketik.",
        "The date was copied from another report or mistyped.",
    ),
    akibat=(
        "Formalisasi laporan diragukan; laporan yang ditandatangani sebelum tahun berakhir tidak memuat "
        "realisasi setahun penuh.",
        "The report's formalisation is in doubt; a report signed before the year ended cannot hold a full "
        "year's realisasi.",
    ),
    rekomendasi=(
        "Memperbaiki tanggal penandatanganan.",
        "Correct the signing date.",
    ),
    summary_id="Tanggal yang tidak ada, atau laporan ditandatangani sebelum periodenya berakhir",
    summary_en="An impossible date, or a report signed before the end of its period",
    messages={
        "impossible": (
            "Tanggal \"{subject}\" tidak ada dalam kalender",
            "The date \"{subject}\" does not exist",
        ),
        "early": (
            "Laporan tahun {tahun} ditandatangani pada {signed_id}, sebelum periode yang dilaporkan berakhir "
            "(31 Desember {tahun})",
            "The {tahun} report was signed on {signed_en}, before the period it reports on ended "
            "(31 December {tahun})",
        ),
    },
    needs=_need,
)


def spoken(d: date, months: tuple[str, ...]) -> str:
    """'20 Januari 2025'."""
    return f"{d.day} {months[d.month - 1]} {d.year}"


def impossible(facts: Facts) -> Iterator[Finding]:
    """One finding per impossible printed date, with every place it is printed."""
    groups: dict[str, list[DateMention]] = {}
    for m in facts.dates:
        if m.value is None:
            groups.setdefault(m.text, []).append(m)
    for text, mentions in groups.items():
        yield RULE.finding(subject=text, values={"date": text},
                           locations=[Location.of(m.source) for m in mentions], variant="impossible")


def signed_early(facts: Facts) -> Iterator[Finding]:
    """A finding when the report was signed before 31 December of the year it reports on."""
    signed, tahun = facts.doc.document_date, facts.doc.tahun
    if signed is None or tahun is None or signed >= date(tahun, 12, 31):
        return
    where = [m for m in facts.dates if m.value == signed and m.context == "signature"][:1]
    text = where[0].text if where else signed.isoformat()
    yield RULE.finding(subject=text, values={"signed": signed.isoformat(), "tahun": tahun,
                                             "period_end": date(tahun, 12, 31).isoformat()},
                       locations=[Location.of(m.source) for m in where], variant="early",
                       extra={"signed_id": spoken(signed, MONTHS_ID), "signed_en": spoken(signed, MONTHS_EN),
                              "tahun": str(tahun)})


def check(facts: Facts) -> Iterator[Finding]:
    """Yield findings for impossible dates and for a report signed before its period ended."""
    yield from impossible(facts)
    yield from signed_early(facts)
