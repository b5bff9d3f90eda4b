"""Proposed answers to the LKE component 3 (Pelaporan Kinerja) criteria the document itself can answer.

The criteria are those of the LKE Unit of PermenPANRB 88/2021 (Lampiran 2), worded verbatim. Every answer
is a proposal for the evaluator, with the pages it rests on; criteria that need other documents or
judgement are left blank and say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lakip.report.reviu_matrix import Matrix
from lakip.schemas.doctype import LKJIP

YA, TIDAK = "ya", "tidak"
ANSWER_LABELS = {YA: ("Ya (usulan)", "Yes (proposal)"), TIDAK: ("Tidak (usulan)", "No (proposal)"),
                 "": ("perlu diperiksa evaluator", "for the evaluator")}
_DOC = ("Memerlukan dokumen lain atau penilaian evaluator.", "Needs other documents or the evaluator's judgement.")

CRITERIA: tuple[tuple[str, str, float], ...] = (
    ("3.a.1", "Dokumen Laporan Kinerja telah disusun.", 3.0),
    ("3.a.2", "Dokumen Laporan Kinerja telah disusun secara berkala.", 3.0),
    ("3.a.3", "Dokumen Laporan Kinerja telah diformalkan.", 3.0),
    ("3.a.4", "Dokumen Laporan Kinerja telah direviu.", 3.0),
    ("3.a.5", "Dokumen Laporan Kinerja telah dipublikasikan.", 3.0),
    ("3.a.6", "Dokumen Laporan Kinerja telah disampaikan tepat waktu.", 3.0),
    ("3.b.1", "Dokumen Laporan Kinerja disusun secara berkualitas sesuai dengan standar.", 4.5),
    ("3.b.2", "Dokumen Laporan Kinerja telah mengungkap seluruh informasi tentang pencapaian kinerja.", 4.5),
    ("3.b.3", "Dokumen Laporan Kinerja telah menginfokan perbandingan realisasi kinerja dengan target tahunan.", 4.5),
    ("3.b.4", "Dokumen Laporan Kinerja telah menginfokan perbandingan realisasi kinerja dengan target jangka "
              "menengah.", 4.5),
    ("3.b.5", "Dokumen Laporan Kinerja telah menginfokan perbandingan realisasi kinerja dengan realisasi kinerja "
              "tahun-tahun sebelumnya.", 4.5),
    ("3.b.6", "Dokumen Laporan Kinerja telah menginfokan perbandingan realisasi kinerja dengan realiasi kinerja di "
              "level nasional/internasional (Benchmark Kinerja).", 4.5),
    ("3.b.7", "Dokumen Laporan Kinerja telah menginfokan kualitas atas capaian kinerja beserta upaya nyata dan/atau "
              "hambatannya.", 4.5),
    ("3.b.8", "Dokumen Laporan Kinerja telah menginfokan efisiensi atas penggunaan sumber daya dalam mencapai "
              "kinerja.", 4.5),
    ("3.b.9", "Dokumen Laporan Kinerja telah menginfokan upaya perbaikan dan penyempurnaan kinerja ke depan "
              "(Rekomendasi perbaikan kinerja).", 4.5),
    ("3.c.1", "Informasi dalam laporan kinerja selalu menjadi perhatian utama pimpinan (Bertanggung Jawab).", 7.5),
    ("3.c.2", "Penyajian informasi dalam laporan kinerja menjadi kepedulian seluruh pegawai.", 7.5),
    ("3.c.3", "Informasi dalam laporan kinerja berkala telah digunakan dalam penyesuaian aktivitas untuk mencapai "
              "kinerja.", 7.5),
    ("3.c.4", "Informasi dalam laporan kinerja berkala telah digunakan dalam penyesuaian penggunaan anggaran untuk "
              "mencapai kinerja.", 7.5),
    ("3.c.5", "Informasi dalam laporan kinerja telah digunakan dalam evaluasi pencapaian keberhasilan kinerja.", 7.5),
    ("3.c.6", "Informasi dalam laporan kinerja telah digunakan dalam penyesuaian perencanaan kinerja yang akan "
              "dihadapi berikutnya.", 7.5),
    ("3.c.7", "Informasi dalam laporan kinerja selalu mempengaruhi perubahan budaya kinerja organisasi.", 7.5),
)
"""(code, criterion verbatim, sub-component weight) of LKE component 3, PermenPANRB 88/2021 Lampiran 2."""


@dataclass(frozen=True)
class Proposal:
    """One criterion with the proposed answer, why, and the pages it rests on."""

    code: str
    kriteria: str
    bobot: float
    answer: str
    basis_id: str
    basis_en: str
    pages: tuple[int, ...] = ()

    def answer_label(self, lang: str = "id") -> str:
        """The proposed answer in ``lang``."""
        return ANSWER_LABELS[self.answer][1 if lang == "en" else 0]

    def basis(self, lang: str = "id") -> str:
        """Why, in ``lang``."""
        return self.basis_en if lang == "en" else self.basis_id


def _pages_matching(matrix: Matrix, pattern: str, pages: tuple[int, ...] = ()) -> tuple[int, ...]:
    """The pages (all, or only ``pages``) whose text matches ``pattern``."""
    rx = re.compile(pattern, re.I)
    return tuple(p.number for p in matrix.result.document.pages
                 if (not pages or p.number in pages) and rx.search(p.text or ""))


def _count(matrix: Matrix, codes: tuple[str, ...], severity: str = "") -> int:
    """How many findings of ``codes`` (of one severity, or any)."""
    return sum(1 for f in matrix.result.outcome.findings if f.rule in codes and (not severity or f.severity == severity))


def _pg(pages: tuple[int, ...], limit: int = 10) -> tuple[int, ...]:
    """Sorted distinct pages, at most ``limit``."""
    return tuple(sorted(set(pages)))[:limit]


def _answers(matrix: Matrix) -> dict[str, tuple[str, str, str, tuple[int, ...]]]:
    """code → (answer, basis id, basis en, pages) for the criteria the document answers."""
    facts = matrix.result.facts
    doc = facts.doc
    tahun = doc.tahun
    ran = set(matrix.result.outcome.rules_run)
    out: dict[str, tuple[str, str, str, tuple[int, ...]]] = {}
    ind = facts.indicators
    out["3.a.1"] = (YA, f"Dokumen dikenali sebagai LKjIP {doc.instansi or ''} tahun {tahun or '-'}.",
                    f"Recognised as the LKjIP of {doc.instansi or ''} for {tahun or '-'}.", (1,))
    signed = [p for p in facts.people if p.context == "signature" and p.nip_text]
    sig_dates = [d for d in facts.dates if d.context == "signature" and d.value]
    nip_errors = _count(matrix, ("N601", "N602", "N603", "N604"))
    if signed:
        note_id = f" Ada {nip_errors} temuan NIP/nama penandatangan." if nip_errors else ""
        note_en = f" There are {nip_errors} findings on signatories' NIPs/names." if nip_errors else ""
        out["3.a.3"] = (YA, f"Blok tanda tangan dengan nama, jabatan dan NIP ditemukan ({len(signed)}), bertanggal "
                        f"{len(sig_dates)} kali.{note_id}", f"Signature blocks with name, position and NIP found "
                        f"({len(signed)}), dated {len(sig_dates)} times.{note_en}",
                        _pg(tuple(p.source.page for p in signed if p.source.page)))
    else:
        out["3.a.3"] = (TIDAK, "Tidak ditemukan blok tanda tangan dengan NIP.", "No signature block with a NIP found.", ())
    reviewed = _pages_matching(matrix, r"telah\s+direviu|pernyataan\s+telah\s+di\s*reviu")
    out["3.a.4"] = ((YA, "Halaman \"Pernyataan Telah Direviu\" ditemukan.", "A \"Pernyataan Telah Direviu\" page "
                     "was found.", _pg(reviewed)) if reviewed else
                    ("", "Halaman Pernyataan Telah Direviu tidak ditemukan dalam dokumen; perlu LHR.",
                     "No Pernyataan Telah Direviu page in the document; the LHR is needed.", ()))
    if doc.document_date and tahun:
        deadline = date(tahun + 1, 3, 1)
        early = doc.document_date < deadline
        when = doc.document_date.isoformat()
        out["3.a.6"] = ("", f"Petunjuk saja: ditandatangani {when}, {'sebelum' if early else 'sesudah'} akhir "
                        f"Februari {tahun + 1}; bukti penyampaian ada di e-SAKIP.",
                        f"A hint only: signed {when}, {'before' if early else 'after'} the end of February {tahun + 1}; "
                        "proof of submission is on e-SAKIP.", ())
    missing = [f.subject for f in matrix.result.outcome.findings if f.rule == "S101"]
    chapters = _pg(tuple(c.source.page for c in doc.chapters if c.present and c.source and c.source.page))
    if "S101" in ran:
        out["3.b.1"] = ((TIDAK, "Bagian sistematika PermenPANRB 53/2014 tidak ditemukan: " + ", ".join(missing) + ".",
                         "Parts of the PermenPANRB 53/2014 layout not found: " + ", ".join(missing) + ".", chapters)
                        if missing else (YA, "Ikhtisar Eksekutif, Bab I–IV dan lampiran PK ditemukan.",
                                         "Ikhtisar Eksekutif, chapters I–IV and the PK annex found.", chapters))
    real = [i for i in ind if i.kind == "realisasi" and i.year == tahun]
    if "T306" in ran and real:
        gaps = _count(matrix, ("T306",))
        out["3.b.2"] = ((TIDAK, f"{gaps} sasaran/indikator tanpa indikator, target atau realisasi.",
                         f"{gaps} sasaran/indicators without indicator, target or realisasi.", ()) if gaps else
                        (YA, "Setiap indikator mempunyai target dan realisasi.", "Every indicator has a target and "
                         "realisasi.", _pg(tuple(i.source.page for i in real if i.source.page))))
    cap = [i for i in ind if i.kind == "capaian" and i.year == tahun]
    if cap:
        wrong = _count(matrix, ("T304", "T301"), "error")
        out["3.b.3"] = (YA, "Tabel target, realisasi dan capaian tahun laporan ditemukan"
                        + (f"; {wrong} galat target/capaian." if wrong else "."),
                        "Target, realisasi and capaian table for the report year found"
                        + (f"; {wrong} target/capaian errors." if wrong else "."),
                        _pg(tuple(i.source.page for i in cap if i.source.page)))
    later = [i for i in ind if i.kind == "target" and tahun and i.year and i.year > tahun]
    out["3.b.4"] = ((YA, "Target tahun-tahun berikutnya (jangka menengah) disajikan.", "Targets of later years "
                     "(medium term) are presented.", _pg(tuple(i.source.page for i in later if i.source.page)))
                    if later else (TIDAK, "Tidak ditemukan target jangka menengah.", "No medium-term target found.", ()))
    before = [i for i in ind if i.kind == "realisasi" and tahun and i.year and i.year < tahun]
    out["3.b.5"] = ((YA, "Realisasi tahun sebelumnya disajikan.", "Previous years' realisasi are presented.",
                     _pg(tuple(i.source.page for i in before if i.source.page)))
                    if before else (TIDAK, "Tidak ditemukan realisasi tahun sebelumnya.",
                                    "No previous years' realisasi found.", ()))
    bench = _pages_matching(matrix, r"(standar|target|rata-rata|capaian|tingkat)\s+(nasional|provinsi|internasional)")
    out["3.b.6"] = ((YA, "Teks menyebut perbandingan dengan tingkat nasional/provinsi; relevansinya dinilai evaluator.",
                     "The text mentions a national/provincial comparison; its relevance is for the evaluator.",
                     _pg(bench)) if bench else
                    (TIDAK, "Tidak ditemukan perbandingan dengan tingkat nasional/internasional.",
                     "No national/international comparison found.", ()))
    analysis = _pg(tuple(p for t in facts.tables if t.role == "success_analysis" for p in t.pages)
                   + _pages_matching(matrix, r"hambatan|kendala|penyebab\s+(keberhasilan|kegagalan)"))
    out["3.b.7"] = ((YA, "Analisis penyebab keberhasilan/kegagalan dan hambatan ditemukan; kualitasnya dinilai "
                     "evaluator.", "Analysis of success/failure and obstacles found; its quality is for the evaluator.",
                     analysis) if analysis else
                    (TIDAK, "Tidak ditemukan analisis keberhasilan/kegagalan.", "No success/failure analysis found.", ()))
    eff = _pg(tuple(p for t in facts.tables if t.role == "efficiency" for p in t.pages)
              + tuple(b.source.page for b in facts.budget if b.level == "efisiensi" and b.source.page))
    wrong_eff = _count(matrix, ("B405",), "error")
    out["3.b.8"] = ((YA, "Analisis efisiensi penggunaan sumber daya ditemukan" + (f"; {wrong_eff} galat efisiensi."
                     if wrong_eff else "."), "Resource-efficiency analysis found" + (f"; {wrong_eff} efisiensi errors."
                     if wrong_eff else "."), eff) if eff else
                    (TIDAK, "Tidak ditemukan analisis efisiensi.", "No efficiency analysis found.", ()))
    bab4 = tuple(c.source.page for c in doc.chapters if c.key == "bab4" and c.present and c.source and c.source.page)
    tail = tuple(range(bab4[0], facts.pages + 1)) if bab4 else ()
    plans = _pages_matching(matrix, r"upaya|rekomendasi|rencana\s+tindak|langkah|perbaikan", tail) if tail else ()
    out["3.b.9"] = ((YA, "Bab IV Penutup memuat upaya perbaikan ke depan; isinya dinilai evaluator.",
                     "Bab IV Penutup states future improvements; their content is for the evaluator.", _pg(plans))
                    if plans else (TIDAK, "Tidak ditemukan upaya perbaikan ke depan di Bab IV.",
                                   "No future improvements found in Bab IV.", bab4))
    return out


def proposals(matrix: Matrix) -> tuple[Proposal, ...]:
    """The LKE component 3 criteria with proposed answers (none when the document is not an LKjIP)."""
    answers = _answers(matrix) if matrix.result.facts.doc.jenis.kind == LKJIP else {}
    out = []
    for code, text, bobot in CRITERIA:
        if code in answers:
            answer, basis_id, basis_en, pages = answers[code]
        elif not answers:
            answer, basis_id, basis_en, pages = ("", f"Dokumen ini {matrix.kind_id}, bukan LKjIP.",
                                                 f"This document is a {matrix.kind_en}, not an LKjIP.", ())
        else:
            answer, (basis_id, basis_en), pages = "", _DOC, ()
        out.append(Proposal(code, text, bobot, answer, basis_id, basis_en, pages))
    return tuple(out)
