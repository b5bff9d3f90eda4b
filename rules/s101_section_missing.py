"""S101 section-missing: a part of the PermenPANRB 53/2014 sistematika is not in the report.

Apa yang diperiksa:
    Laporan Kinerja wajib memuat Ringkasan Eksekutif, Bab I Pendahuluan,
    Bab II Perencanaan Kinerja, Bab III Akuntabilitas Kinerja, Bab IV Penutup
    dan Perjanjian Kinerja (lampiran). Setiap bagian harus ada sebagai JUDUL
    di dalam isi laporan; bagian yang hanya tercantum di Daftar Isi atau di
    daftar "Sistematika Penyajian" dianggap tidak ada (schemas.document).

Mengapa penting:
    Bagian yang hilang (sering Bab IV atau lampiran Perjanjian Kinerja) membuat
    laporan tidak memenuhi format yang direviu APIP; bab yang tercantum di daftar
    isi tetapi tidak ada isinya menandakan laporan disusun dari templat.

    Nama bab dan padanannya (Ikhtisar Eksekutif, "I. PENDAHULUAN", "BAB 3
    CAPAIAN KINERJA", Simpulan) ada di ``vocab/chapters.toml``.

    Hanya untuk LKjIP: Perjanjian Kinerja, Renstra, RKT, Renja dan tabel
    realisasi triwulan tidak mempunyai bab laporan (rules/applicability.py).
    Bila jenis dokumen belum pasti, atau ada halaman tanpa teks (pindaian yang
    tidak dibaca OCR) tempat bab itu mungkin berada, temuan hanya peringatan.

Contoh:
    Daftar Isi mencantumkan "BAB IV PENUTUP ..... 46", tetapi laporan berakhir
    pada Bab III: "Bagian wajib Bab IV Penutup tidak ditemukan sebagai judul".
"""

from __future__ import annotations

from typing import Iterator, Optional

from lakip.rules.applicability import structure_doubt
from lakip.rules.base import Finding, Rule
from lakip.schemas.doctype import NAMES
from lakip.schemas.facts import Facts

RULE_NEEDS_WHY = ("bab-bab laporan tidak dapat dikenali (tidak ada teks)",
                  "the report's chapters could not be recognised (no text)")


def _need(facts: Facts) -> Optional[tuple[str, str]]:
    """The rule needs the chapter facts, which need running text (a scan without text cannot show headings)."""
    has_text = any(c.present for c in facts.doc.chapters) or any(not m.in_table for m in facts.figures)
    return None if facts.doc.chapters and has_text else RULE_NEEDS_WHY


RULE = Rule(
    code="S101",
    slug="section-missing",
    severity="error",
    kriteria=(
        "Lampiran PermenPANRB 53/2014 tentang format Laporan Kinerja: LKjIP memuat Ikhtisar Eksekutif, "
        "Bab I Pendahuluan, Bab II Perencanaan Kinerja, Bab III Akuntabilitas Kinerja (capaian kinerja "
        "dan realisasi anggaran), Bab IV Penutup, dan lampiran Perjanjian Kinerja.",
        "Annex of PermenPANRB 53/2014 on the Laporan Kinerja format: an LKjIP holds an Ikhtisar "
        "Eksekutif, Bab I Pendahuluan, Bab II Perencanaan Kinerja, Bab III Akuntabilitas Kinerja (capaian "
        "and budget realisation), Bab IV Penutup and the Perjanjian Kinerja as an annex.",
    ),
    sebab=(
        "Laporan disusun dari templat atau laporan lain dan bagian ini tidak diisi atau tidak diberi "
        "judul yang dikenali.",
        "The report was built from a template or another report and this part was not filled in or not "
        "given a recognisable heading.",
    ),
    akibat=(
        "Format laporan tidak memenuhi sistematika yang direviu APIP; informasi yang seharusnya ada di "
        "bagian ini tidak dapat dinilai.",
        "The report does not follow the format APIP review; the information this part should hold cannot "
        "be assessed.",
    ),
    rekomendasi=(
        "Melengkapi bagian yang hilang sesuai sistematika PermenPANRB 53/2014, dengan judul bab yang "
        "jelas.",
        "Add the missing part following the PermenPANRB 53/2014 format, with a clear chapter heading.",
    ),
    summary_id="Bagian wajib laporan (sistematika PermenPANRB 53/2014) tidak ada",
    summary_en="A required part of the report (PermenPANRB 53/2014) is missing",
    messages={
        "default": (
            "Bagian wajib {subject} tidak ditemukan sebagai judul dalam laporan",
            "Required part {subject} was not found as a heading in the report",
        ),
        "no_text": (
            "Bagian wajib {subject} tidak ditemukan sebagai judul di halaman yang bisa dibaca; halaman {pages} "
            "tidak memiliki teks yang terbaca ({count} halaman), bagian ini mungkin ada di sana",
            "Required part {subject} was not found as a heading on the readable pages; pages {pages} have no "
            "readable text ({count} pages), it may be there",
        ),
        "unsure": (
            "Bagian wajib {subject} tidak ditemukan sebagai judul dalam laporan; jenis dokumen belum pasti "
            "({kind_id}), mungkin dokumen ini bukan LKjIP",
            "Required part {subject} was not found as a heading in the report; the document kind is not sure "
            "({kind_en}), it may not be an LKjIP",
        ),
    },
    needs=_need,
)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding for each part of the sistematika the report lacks, saying why it may be unseen (pages
    without text, an unsure kind); the runner then makes it a warning (rules/applicability.py)."""
    variant = structure_doubt(facts) or "default"
    kind = facts.doc.jenis.kind
    extra = {"pages": ", ".join(str(p) for p in facts.pages_without_text), "count": len(facts.pages_without_text),
             "kind_id": NAMES[kind][0], "kind_en": NAMES[kind][1]}
    for chapter in facts.doc.chapters:
        if chapter.present:
            continue
        yield RULE.finding(subject=chapter.title, values={"section": chapter.key}, locations=[], variant=variant,
                           extra=extra)
