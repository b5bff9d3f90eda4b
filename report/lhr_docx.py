"""A draft Laporan Hasil Reviu (LHR) of a Laporan Kinerja as DOCX, in the layout Indonesian APIP use.

Kop and title, dasar reviu, tujuan, ruang lingkup, langkah, data umum (the Perjanjian Kinerja), hasil reviu per
aspect (No | Kriteria | Hasil reviu), the summary (Aspek | Unsur Penilaian | Dipenuhi | Belum Dipenuhi), hal-hal
yang perlu diperhatikan, rekomendasi, the limited-assurance sentence, and the Pernyataan Telah Direviu page with
blanks for the Inspektur. The draft records a digest of its own text: an edited draft is never overwritten.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from lakip.report import reviu_text
from lakip.report.kkr_xlsx import replace_atomically
from lakip.report.reviu_matrix import CATATAN, TERPENUHI, TIDAK, Matrix, UnsurRow, status_label
from lakip.report.reviu_unsur import ASPEK_NAMES, ASPEK_ORDER

MARKER = "lakip-laporan-hasil-reviu"
BLANK = "……………………………"
MAX_FINDINGS_IN_CELL = 6


def _l(lang: str, id_text: str, en_text: str) -> str:
    """One of two texts by language."""
    return en_text if lang == "en" else id_text


def _body_digest(doc: Any) -> str:
    """A digest of the document's paragraphs and table cells (changes when anyone edits the text)."""
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


def is_untouched_draft(path: Path) -> bool:
    """Whether ``path`` is an LHR draft written by lakip and not edited since."""
    try:
        from docx import Document

        doc = Document(str(path))
    except Exception:  # not a DOCX at all: never overwritten
        return False
    props = doc.core_properties
    return props.subject == MARKER and props.keywords == _body_digest(doc)


def _heading(doc: Any, text: str, level: int = 1) -> None:
    """A heading in the document's own heading style."""
    doc.add_heading(text, level=level)


def _para(doc: Any, text: str, bold: bool = False, italic: bool = False, center: bool = False, size: float = 0) -> Any:
    """A paragraph of one run."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _table(doc: Any, headers: list[str], rows: list[list[str]], widths: list[float]) -> Any:
    """A bordered table with a bold header row repeated on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values):
            cell.text = str(text)
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    return table


def _numbered(doc: Any, texts: list[str]) -> None:
    """A numbered list that starts at 1 (numbers written out, so every list restarts)."""
    from docx.shared import Cm

    for n, text in enumerate(texts, start=1):
        p = doc.add_paragraph(f"{n}.\t{text}")
        p.paragraph_format.left_indent = Cm(0.75)
        p.paragraph_format.first_line_indent = Cm(-0.75)


def _hasil(row: UnsurRow, matrix: Matrix, lang: str) -> str:
    """The 'Hasil reviu' of one unsur: its status, what was checked, and its findings."""
    status = status_label(row.status, lang) or _l(lang, "Perlu diperiksa pemeriksa", "For the inspector")
    if not row.applicable:
        return status + ". " + reviu_text.kondisi_unsur(row, matrix, lang)
    lines = [f"{status}. {row.unsur.what(lang)}"]
    if row.evidence is not None:
        lines.append(row.evidence.detail(lang))
    for fr in row.findings[:MAX_FINDINGS_IN_CELL]:
        lines.append(f"• {fr.number} {reviu_text.kondisi(fr, lang)}")
    if len(row.findings) > MAX_FINDINGS_IN_CELL:
        more = len(row.findings) - MAX_FINDINGS_IN_CELL
        lines.append(_l(lang, f"• … dan {more} temuan lain (lihat kertas kerja).",
                        f"• … and {more} more findings (see the working paper)."))
    if row.related:
        lines.append(_l(lang, "Lihat juga temuan No. ", "See also findings No. ") + ", ".join(f.number for f in row.related))
    return "\n".join(lines)


def _front(doc: Any, matrix: Matrix, lang: str) -> None:
    """Kop, title, dasar, tujuan, ruang lingkup and langkah."""
    facts = matrix.result.facts
    inst, year = facts.doc.instansi or BLANK, facts.doc.tahun or BLANK
    _para(doc, _l(lang, f"INSPEKTORAT {BLANK}", f"INSPECTORATE {BLANK}"), bold=True, center=True, size=14)
    _para(doc, _l(lang, f"Alamat: {BLANK}", f"Address: {BLANK}"), center=True)
    _para(doc, _l(lang, "LAPORAN HASIL REVIU ATAS LAPORAN KINERJA", "REVIU REPORT ON THE LAPORAN KINERJA"),
          bold=True, center=True, size=13)
    _para(doc, f"{inst} {_l(lang, 'TAHUN', 'YEAR')} {year}".upper(), bold=True, center=True, size=13)
    _para(doc, _l(lang, f"Nomor: {BLANK}    Tanggal: {BLANK}", f"Number: {BLANK}    Date: {BLANK}"), center=True)
    _para(doc, _l(lang, "DRAF — disusun oleh lakip dari dokumen yang diperiksa; periksa, ubah dan lengkapi sebelum "
                        "ditandatangani.", "DRAFT — drafted by lakip from the document checked; review, edit and "
                  "complete it before signing."), italic=True, center=True)
    _heading(doc, _l(lang, "A. Dasar Reviu", "A. Basis of the reviu"))
    _numbered(doc, [_l(lang, "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
                          "Pemerintah.", "Presidential Regulation 29/2014 on the Government Performance "
                    "Accountability System (SAKIP)."),
                 _l(lang, "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, "
                          "Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah.",
                    "PermenPANRB 53/2014 on the technical guidance for the Perjanjian Kinerja, performance reporting "
                    "and the reviu of Laporan Kinerja."),
                 _l(lang, f"Surat Tugas Inspektur Nomor {BLANK} tanggal {BLANK}.",
                    f"Assignment letter of the Inspektur No. {BLANK} of {BLANK}.")])
    _heading(doc, _l(lang, "B. Tujuan Reviu", "B. Purpose"))
    doc.add_paragraph(_l(lang, "Reviu bertujuan memberikan keyakinan terbatas mengenai akurasi, keandalan dan keabsahan "
                               "data/informasi kinerja dalam Laporan Kinerja, sehingga dapat menghasilkan Laporan "
                               "Kinerja yang berkualitas.",
                         "The reviu gives limited assurance on the accuracy, reliability and validity of the "
                         "performance data in the Laporan Kinerja, so that it is of good quality."))
    _heading(doc, _l(lang, "C. Ruang Lingkup", "C. Scope"))
    kind = matrix.kind_en if lang == "en" else matrix.kind_id
    doc.add_paragraph(_l(lang, f"Reviu dilakukan atas Laporan Kinerja {inst} Tahun {year} (berkas "
                               f"{Path(facts.path).name}, {facts.pages} halaman, dikenali sebagai {kind}), atas 3 aspek, "
                               "yaitu Format, Mekanisme Penyusunan, dan Substansi (23 unsur).",
                         f"The reviu covers the Laporan Kinerja of {inst} for {year} (file {Path(facts.path).name}, "
                         f"{facts.pages} pages, recognised as a {kind}), on 3 aspects: Format, Mekanisme Penyusunan "
                         "and Substansi (23 unsur)."))
    open_n = sum(1 for r in matrix.rows if not r.status)
    doc.add_paragraph(_l(lang, f"Pemeriksaan konsistensi dokumen dilakukan dengan lakip ({len(matrix.result.outcome.rules_run)} "
                               f"aturan dijalankan). {open_n} unsur memerlukan dokumen lain atau penilaian pemeriksa dan "
                               "dinilai oleh tim reviu.",
                         f"The document's consistency was checked with lakip ({len(matrix.result.outcome.rules_run)} rules "
                         f"run). {open_n} unsur need other documents or the inspector's judgement and are assessed by "
                         "the reviu team."))
    if not matrix.applicable:
        _para(doc, _l(lang, f"Dokumen ini dikenali sebagai {kind}, bukan LKjIP: aspek reviu LKj tidak berlaku dan "
                            "tidak dinilai.", f"This document is recognised as a {kind}, not an LKjIP: the aspects of "
                      "the LKj reviu do not apply and are not assessed."), bold=True)
    _heading(doc, _l(lang, "D. Langkah-langkah Reviu", "D. Steps"))
    _numbered(doc, [_l(lang, "Meneliti format Laporan Kinerja terhadap sistematika PermenPANRB 53/2014.",
                    "Examine the format against the PermenPANRB 53/2014 layout."),
                 _l(lang, "Meneliti mekanisme penyusunan dan keandalan data kinerja.",
                    "Examine the preparation process and the reliability of the data."),
                 _l(lang, "Meneliti kesesuaian sasaran, indikator dan target dengan Perjanjian Kinerja, Renstra dan IKU.",
                    "Examine the sasaran, indicators and targets against the PK, Renstra and IKU."),
                 _l(lang, "Menguji ulang perhitungan capaian, jumlah anggaran, persentase dan efisiensi.",
                    "Recompute capaian, budget sums, percentages and efisiensi."),
                 _l(lang, "Membahas hasil reviu dengan unit penyusun Laporan Kinerja.",
                    "Discuss the results with the unit that prepared the report.")])


def _data_umum(doc: Any, matrix: Matrix, lang: str) -> None:
    """The Perjanjian Kinerja targets of the report year, as read from the document."""
    facts = matrix.result.facts
    rows, seen = [], set()
    for i in facts.indicators:
        if i.role == "pk_indicators" and i.kind == "target" and i.year == facts.doc.tahun:
            key = (i.sasaran, i.indikator)
            if key not in seen:
                seen.add(key)
                rows.append([i.sasaran or "", i.indikator, i.figure.text + (f" {i.satuan}" if i.satuan else "")])
    if not rows:
        return
    _heading(doc, _l(lang, "E. Data Umum (Perjanjian Kinerja)", "E. General data (Perjanjian Kinerja)"))
    _table(doc, [_l(lang, "Sasaran", "Sasaran"), _l(lang, "Indikator", "Indicator"), "Target"], rows[:30], [6, 7, 3])


def _results(doc: Any, matrix: Matrix, lang: str) -> None:
    """Hasil reviu per aspect and the summary table."""
    _heading(doc, _l(lang, "F. Hasil Reviu", "F. Results"))
    for n, aspek in enumerate(ASPEK_ORDER, start=1):
        rows = [r for r in matrix.rows if r.unsur.aspek == aspek]
        _heading(doc, f"{n}. {_l(lang, 'Aspek', 'Aspect')} {ASPEK_NAMES[aspek][1 if lang == 'en' else 0]}", level=2)
        _table(doc, ["No", _l(lang, "Kriteria", "Criterion"), _l(lang, "Hasil reviu", "Result")],
               [[str(r.unsur.number), r.unsur.text(lang), _hasil(r, matrix, lang)] for r in rows], [1.2, 5.5, 9.5])
    _heading(doc, _l(lang, "Ringkasan", "Summary"), level=2)
    table_rows = []
    for aspek in ASPEK_ORDER:
        rows = [r for r in matrix.rows if r.unsur.aspek == aspek]
        table_rows.append([ASPEK_NAMES[aspek][1 if lang == "en" else 0], str(len(rows)),
                           str(sum(r.status in (TERPENUHI, CATATAN) for r in rows)),
                           str(sum(r.status == TIDAK for r in rows))])
    _table(doc, [_l(lang, "Aspek", "Aspect"), _l(lang, "Unsur Penilaian", "Unsur assessed"),
                 _l(lang, "Dipenuhi", "Met"), _l(lang, "Belum Dipenuhi", "Not met")], table_rows, [5, 4, 3.5, 3.5])
    open_n = sum(1 for r in matrix.rows if not r.status)
    doc.add_paragraph(_l(lang, f"{open_n} unsur belum dinilai oleh lakip (perlu diperiksa pemeriksa); lengkapi kolom "
                               "di atas setelah pemeriksaan.",
                         f"{open_n} unsur are not assessed by lakip (for the inspector); complete the table after "
                         "checking them."))


def _findings_and_recommendations(doc: Any, matrix: Matrix, lang: str) -> None:
    """Hal-hal yang perlu diperhatikan, rekomendasi, and the limited-assurance sentence."""
    facts = matrix.result.facts
    inst, year = facts.doc.instansi or BLANK, facts.doc.tahun or BLANK
    _heading(doc, _l(lang, "G. Hal-hal yang Perlu Diperhatikan", "G. Matters needing attention"))
    rows = matrix.findings
    if not rows:
        doc.add_paragraph(_l(lang, "Tidak ada temuan dari pemeriksaan konsistensi dokumen.",
                             "The document's consistency check found nothing."))
    for fr in rows:
        akibat = reviu_text.rule_text(fr.finding, "akibat", lang)
        doc.add_paragraph(f"{fr.number} {reviu_text.kondisi(fr, lang)} {akibat}".strip(), style="List Bullet")
    _heading(doc, _l(lang, "H. Rekomendasi", "H. Recommendations"))
    recs: dict[str, list[str]] = {}
    for fr in rows:
        recs.setdefault(reviu_text.rule_text(fr.finding, "rekomendasi", lang), []).append(fr.number)
    if not recs:
        doc.add_paragraph(_l(lang, "Tidak ada rekomendasi dari pemeriksaan konsistensi dokumen.",
                             "No recommendations from the document's consistency check."))
    _numbered(doc, [_l(lang, f"{text} (temuan No. {', '.join(numbers)})", f"{text} (findings No. {', '.join(numbers)})")
                    for text, numbers in recs.items()])
    _heading(doc, _l(lang, "I. Simpulan", "I. Conclusion"))
    errors = sum(1 for fr in rows if fr.finding.severity == "error")
    lead = _l(lang, "Dengan memperhatikan hal-hal tersebut di atas dan setelah perbaikan dilakukan, " if errors else
              "Berdasarkan reviu tersebut, ", "Having regard to the matters above and once they are corrected, "
              if errors else "Based on this reviu, ")
    doc.add_paragraph(lead + _l(lang, f"kami meyakini secara terbatas bahwa Laporan Kinerja {inst} Tahun {year} telah "
                                      "menyajikan data yang akurat, andal dan valid.",
                                f"we are satisfied, with limited assurance, that the Laporan Kinerja of {inst} for "
                                f"{year} presents accurate, reliable and valid data."))
    _signature(doc, lang)


def _signature(doc: Any, lang: str) -> None:
    """Place, date and the Inspektur's blanks."""
    from docx.shared import Cm

    for text in (f"{BLANK}, {BLANK}", _l(lang, f"INSPEKTUR {BLANK}", f"INSPEKTUR {BLANK}"), "", "", "",
                 f"({BLANK})", f"{_l(lang, 'Pangkat', 'Rank')}: {BLANK}", f"NIP. {BLANK}"):
        p = doc.add_paragraph(text)
        p.paragraph_format.left_indent = Cm(9)


def _statement(doc: Any, matrix: Matrix, lang: str) -> None:
    """The Pernyataan Telah Direviu page."""
    from docx.enum.text import WD_BREAK

    facts = matrix.result.facts
    inst, year = facts.doc.instansi or BLANK, facts.doc.tahun or BLANK
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(doc, "PERNYATAAN TELAH DIREVIU", bold=True, center=True, size=14)
    _para(doc, f"{inst} {_l(lang, 'TAHUN', 'YEAR')} {year}".upper(), bold=True, center=True)
    for text in (_l(lang, f"Kami telah mereviu Laporan Kinerja {inst} untuk tahun anggaran {year} sesuai Pedoman Reviu "
                          "atas Laporan Kinerja (PermenPANRB 53/2014). Substansi informasi yang dimuat dalam laporan "
                          f"kinerja ini menjadi tanggung jawab manajemen {inst}.",
                    f"We have reviewed the Laporan Kinerja of {inst} for the budget year {year} following the reviu "
                    f"guidance (PermenPANRB 53/2014). The information in this report is the responsibility of the "
                    f"management of {inst}."),
                 _l(lang, "Reviu bertujuan untuk memberikan keyakinan terbatas laporan kinerja telah disajikan secara "
                          "akurat, andal, dan valid.", "The reviu gives limited assurance that the report is accurate, "
                    "reliable and valid."),
                 _l(lang, "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam "
                          "meyakini keandalan informasi yang disajikan di dalam laporan kinerja ini.",
                    "Based on our reviu, there is no condition or matter that gives rise to a difference in relying on "
                    "the information presented in this report.")):
        doc.add_paragraph(text)
    errors = sum(1 for fr in matrix.findings if fr.finding.severity == "error")
    if errors:
        _para(doc, _l(lang, f"[Catatan draf: dokumen yang diperiksa masih memuat {errors} galat; pernyataan ini "
                            "ditandatangani setelah galat diperbaiki. Hapus catatan ini.]",
                      f"[Draft note: the document checked still has {errors} errors; sign this statement once they "
                      "are corrected. Delete this note.]"), italic=True)
    _signature(doc, lang)


def write(matrix: Matrix, path: Path, lang: str = "id") -> Path:
    """Write the draft LHR to ``path`` (atomically) and return it."""
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2)
    _front(doc, matrix, lang)
    _data_umum(doc, matrix, lang)
    _results(doc, matrix, lang)
    _findings_and_recommendations(doc, matrix, lang)
    _statement(doc, matrix, lang)
    props = doc.core_properties
    props.subject = MARKER
    props.title = _l(lang, "Laporan Hasil Reviu (draf)", "Reviu report (draft)")
    props.author = "lakip"
    props.keywords = _body_digest(doc)
    replace_atomically(Path(path), lambda tmp: doc.save(tmp))
    return Path(path)
