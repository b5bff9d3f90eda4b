"""S103 table-unreadable: a table was found but could not be read reliably.

Apa yang diperiksa:
    Setiap tabel yang ditemukan tetapi ditandai tidak terbaca (sel yang
    tergabung tidak dapat diurai, kolom angka kosong, hasil OCR meragukan).
    Temuan menyebut peran tabel bila dikenali dan aturan yang membutuhkan tabel
    dengan peran itu, yang karenanya tidak memeriksa tabel ini.

Mengapa penting:
    Pemeriksaan yang tidak dapat dijalankan tidak boleh terlihat seperti
    "tidak ada temuan": peninjau perlu memeriksa tabel ini secara manual.

Contoh:
    "Tabel 3.8 Rincian Realisasi Keuangan" hasil pindaian tanpa lapisan teks:
    B401–B405 dan C501 tidak dapat memeriksanya.
"""

from __future__ import annotations

from typing import Iterator

from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import (
    ROLE_ANALYSIS, ROLE_BUDGET, ROLE_CAPAIAN, ROLE_COMPARISON, ROLE_EFFICIENCY, ROLE_PK_BUDGET, ROLE_PK_INDICATORS,
    ROLE_PROGRAM_ANALYSIS, ROLE_RENSTRA, ROLE_RENSTRA_COMPARISON, ROLE_SUMMARY, ROLE_UNIT_BUDGET, Facts, Source,
)

RULES_BY_ROLE = {
    ROLE_RENSTRA: ("T301", "T302", "T303", "T307"),
    ROLE_PK_INDICATORS: ("T301", "T302", "T303", "T306"),
    ROLE_PK_BUDGET: ("B404",),
    ROLE_CAPAIAN: ("T301", "T303", "T304", "T305", "T306", "T308", "T309"),
    ROLE_COMPARISON: ("T305",),
    ROLE_RENSTRA_COMPARISON: ("T301", "T305"),
    ROLE_ANALYSIS: ("T301", "T304", "T305"),
    ROLE_EFFICIENCY: ("B405",),
    ROLE_PROGRAM_ANALYSIS: ("B402", "B404"),
    ROLE_BUDGET: ("B401", "B402", "B403", "B404", "B405", "C501"),
    ROLE_UNIT_BUDGET: ("B401", "B402", "B403", "B405", "C501"),
    ROLE_SUMMARY: ("T301", "T305"),
}
"""The rules that read tables of each role (what an unreadable table keeps from being checked)."""

RULE = Rule(
    code="S103",
    slug="table-unreadable",
    severity="warning",
    kriteria=(
        "Data kinerja dan anggaran dalam LKjIP harus dapat dibaca dan diuji (keandalan data, aspek "
        "Mekanisme Penyusunan reviu LKj).",
        "Performance and budget data in an LKjIP must be readable and testable (reliability of data, "
        "Mekanisme Penyusunan aspect of the reviu).",
    ),
    sebab=(
        "Tabel berupa gambar/hasil pindai atau tata letaknya tidak dapat dibaca dengan andal oleh lakip.",
        "The table is an image/scan or its layout could not be read reliably by lakip.",
    ),
    akibat=(
        "Aturan yang memerlukan tabel ini tidak dijalankan; angkanya belum teruji.",
        "The rules that need this table did not run; its figures are untested.",
    ),
    rekomendasi=(
        "Pemeriksa menguji tabel ini secara manual; instansi menyajikan tabel sebagai teks, bukan gambar.",
        "The reviewer checks this table by hand; the instansi presents tables as text, not images.",
    ),
    summary_id="Tabel ditemukan tetapi tidak dapat dibaca dengan andal",
    summary_en="A table was found but could not be read reliably",
    messages={
        "default": (
            "Tabel {subject} ditemukan tetapi tidak dapat dibaca dengan andal ({problem}); periksa secara manual",
            "Table {subject} was found but could not be read reliably ({problem_en}); check it by hand",
        ),
        "blocked": (
            "Tabel {subject} ditemukan tetapi tidak dapat dibaca dengan andal ({problem}); aturan {rule_list} "
            "tidak memeriksanya",
            "Table {subject} was found but could not be read reliably ({problem_en}); rules {rule_list} did not "
            "check it",
        ),
    },
)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding for each table marked unreadable."""
    for t in facts.tables:
        if t.readable:
            continue
        rules = RULES_BY_ROLE.get(t.role, ())
        subject = t.caption or t.table_id
        values = {"table": t.table_id, "role": t.role, "problem": t.problem or "", "rules": list(rules)}
        src = Source(page=t.pages[0] if t.pages else None, table=t.caption, table_id=t.table_id, text=t.caption)
        yield RULE.finding(subject=subject, values=values, locations=[Location.of(src)],
                           variant="blocked" if rules else "default",
                           extra={"rule_list": ", ".join(rules), "problem": t.problem or "-",
                                  "problem_en": t.problem_en or t.problem or "-"})
