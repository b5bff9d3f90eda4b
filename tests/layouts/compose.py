"""A whole report as blocks: cover, foreword, summary, chapters I–IV, PK, signatures."""

from __future__ import annotations

from .budget_table import budget_table
from .doc import Break, Para
from .layout import Layout
from .model import Report, nodes
from .prose import (count, efisiensi_sentence, funding, indicator_sentence, node_sentence, see_table,
                    signature, tanggal, targets_sentence, total_words)
from .tables import (capaian_table, efisiensi_table, iku_table, pk_budget_table, pk_table, prev_table,
                     program_analysis_table, renstra_cmp_table, renstra_table)
from .values import ROMAN, Captions, this_year_capaian

CHAPTERS = {1: "Pendahuluan", 2: None, 3: "Akuntabilitas Kinerja", 4: "Penutup"}


def chapter_title(layout: Layout, n: int) -> str:
    """``BAB III AKUNTABILITAS KINERJA`` / ``BAB 3 Akuntabilitas Kinerja`` / ``III. AKUNTABILITAS KINERJA``."""
    name = CHAPTERS[n] or layout.bab2_title
    style = layout.chapter_style
    if style.startswith("BAB 1"):
        return f"BAB {n} {name}"
    if style.startswith("I."):
        return f"{ROMAN[n]}. {name.upper()}"
    return f"BAB {ROMAN[n]} {name.upper()}"


def h1(layout: Layout, text: str) -> Para:
    """A chapter heading."""
    return Para(text, "h1" if layout.heading_styles else "title", bold=True)


def h2(layout: Layout, text: str) -> Para:
    """A section heading."""
    return Para(text, "h2" if layout.heading_styles else "body", bold=True)


def cover(model: Report) -> list:
    """The cover page."""
    return [Para(model.pemda.upper(), "title", True), Para("LAPORAN KINERJA INSTANSI PEMERINTAH", "title", True),
            Para(f"TAHUN {model.year}", "title", True), Para(model.instansi.upper(), "title", True),
            Para(f"{model.town.upper()}, {model.year + 1}", "center"), Break()]


def foreword(model: Report, layout: Layout) -> list:
    """Kata Pengantar, signed by the head."""
    text = (f"Laporan Kinerja {model.instansi} Tahun {model.year} merupakan perwujudan pertanggungjawaban atas "
            f"pencapaian sasaran strategis tahun anggaran {model.year} sesuai Peraturan Menteri PANRB Nomor 53 Tahun 2014.")
    return [h1(layout, "KATA PENGANTAR"), Para(text)] + signature(
        model.kepala, f"{model.town}, {tanggal(model.sign_date)}", model.head_title, layout) + [Break()]


def summary(model: Report, layout: Layout, counts: tuple[int, int, int]) -> list:
    """Ringkasan/Ikhtisar Eksekutif."""
    return [h1(layout, layout.summary_title.upper()),
            Para(f"Laporan Kinerja Tahun {model.year} merupakan wujud akuntabilitas {model.instansi} atas pelaksanaan tugas dan fungsinya."),
            Para(targets_sentence(model, layout)), Para(funding(model, layout, *counts)), Break()]


def chapter1(model: Report, layout: Layout) -> list:
    """Bab I: tasks and the list of programs with their kegiatan."""
    out = [h1(layout, chapter_title(layout, 1)), h2(layout, "A. Latar Belakang"),
           Para(f"{model.instansi} merupakan perangkat daerah pada {model.pemda} yang dipimpin oleh seorang {model.head_title.split(' ')[0]}."),
           h2(layout, "B. Program dan Kegiatan"),
           Para(f"Tugas dan fungsi {model.instansi} didukung oleh program dan kegiatan dalam Dokumen Pelaksanaan Anggaran Tahun {model.year} sebagai berikut:")]
    for i, prog in enumerate(model.budget.children):
        out.append(Para(f"{chr(65 + i)}. {prog.name}, dengan {count(len(prog.children), 'kegiatan', model)}:", "item"))
        out += [Para(f"{k}) {keg.name};", "item") for k, keg in enumerate(prog.children, 1)]
    out.append(Para("Sistematika laporan ini terdiri atas Ringkasan Eksekutif, Bab I Pendahuluan, Bab II Perencanaan Kinerja, "
                    "Bab III Akuntabilitas Kinerja dan Bab IV Penutup."))
    return out + [Break()]


def pk_section(model: Report, layout: Layout) -> list:
    """The Perjanjian Kinerja: parties, statement, signatures, target and budget tables."""
    k, a = model.kepala, model.atasan
    place = f"{model.town}, {tanggal(model.pk_date)}"
    out = [Para(f"PERJANJIAN KINERJA TAHUN {model.year}", "title", True),
           Para("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, yang bertanda tangan di bawah ini:"),
           Para(f"Nama : {k.alt_name or k.name}"), Para(f"Jabatan : {k.jabatan}"), Para("Selanjutnya disebut pihak pertama."),
           Para(f"Nama : {a.name}"), Para(f"Jabatan : {a.jabatan}"), Para("Selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
           Para("Pihak pertama berjanji akan mewujudkan target kinerja sesuai lampiran perjanjian ini.")]
    out += [Para(place, "sign")] + signature(a, "", "Pihak Kedua", layout) + signature(k, "", "Pihak Pertama", layout, alt=True)
    return out + [pk_table(model, layout), pk_budget_table(model, layout)]


def chapter2(model: Report, layout: Layout, cap: Captions) -> list:
    """Bab II: Renstra, IKU and (unless attached) the PK."""
    out = [h1(layout, chapter_title(layout, 2)), h2(layout, "A. Rencana Strategis"),
           Para(f"Rencana Strategis {model.instansi} periode {model.period[0]}-{model.period[1]} menetapkan tujuan {model.tujuan}.")]
    if layout.has("renstra"):
        label = cap.next(2)
        out += [Para(see_table(label, "Target kinerja jangka menengah", layout)), renstra_table(model, layout, label)]
    if layout.has("iku"):
        label = cap.next(2)
        out += [h2(layout, "B. Indikator Kinerja Utama"), Para(see_table(label, "Indikator Kinerja Utama", layout)),
                iku_table(model, layout, label)]
    if layout.pk_place == "bab2":
        out += [h2(layout, "C. Perjanjian Kinerja"),
                Para(f"Perjanjian Kinerja Tahun {model.year} ditandatangani oleh {model.head_title} dan {model.kepala_daerah}.")]
        out += pk_section(model, layout)
    else:
        out += [Para(f"Perjanjian Kinerja Tahun {model.year} disajikan pada Lampiran Perjanjian Kinerja.")]
    return out + [Break()]


def chapter3(model: Report, layout: Layout, cap: Captions) -> list:
    """Bab III: capaian tables and narrative, efisiensi, budget realisation."""
    out = [h1(layout, chapter_title(layout, 3)), h2(layout, "A. Capaian Kinerja Organisasi")]
    builders = [("capaian", capaian_table, "Perbandingan target dan realisasi kinerja"),
                ("prev", prev_table, "Perbandingan realisasi dan capaian kinerja dengan tahun lalu"),
                ("renstra_cmp", renstra_cmp_table, "Perbandingan realisasi dengan target jangka menengah"),
                ("efisiensi", efisiensi_table, "Analisis efisiensi penggunaan sumber daya"),
                ("program_analysis", program_analysis_table, "Analisis program penunjang capaian kinerja")]
    for kind, build, what in builders:
        if not layout.has(kind):
            continue
        label = cap.next(3)
        out += [Para(see_table(label, what, layout)), build(model, layout, label)]
        if kind == "capaian":
            out += [Para(indicator_sentence(model, layout, ind, this_year_capaian(ind, model.year, layout)))
                    for ind in model.indicators]
        if kind == "efisiensi":
            out.append(Para(efisiensi_sentence(model, layout)))
    out += [h2(layout, "B. Realisasi Anggaran"), Para(total_words(model, layout))]
    if layout.has("budget"):
        label = cap.next(3)
        out += [Para(see_table(label, "Rincian realisasi anggaran", layout)), budget_table(model, layout, label)]
    for prog in model.budget.children:
        out.append(Para(node_sentence(prog, layout, ""), bold=True))
        for keg in prog.children:
            out.append(Para(node_sentence(keg, layout, "Kegiatan "), "item"))
            if layout.prose != 1:
                out += [Para(node_sentence(sub, layout, "- Sub Kegiatan "), "item") for sub in keg.children]
    return out + [Break()]


def chapter4(model: Report, layout: Layout) -> list:
    """Bab IV: conclusion, advice and the head's signature."""
    out = [h1(layout, chapter_title(layout, 4)), h2(layout, "A. Kesimpulan"),
           Para(f"Secara umum kinerja {model.instansi} tahun {model.year} telah sesuai dengan rencana, meskipun beberapa indikator masih memerlukan perhatian."),
           h2(layout, "B. Saran"),
           Para("Perlu peningkatan koordinasi, pemantauan dan evaluasi pelaksanaan program secara berkala.")]
    out += signature(model.kepala, f"{model.town}, {tanggal(model.sign_date)}", model.head_title, layout)
    if model.pppk:
        out += [Para("Penyusun laporan:", "sign")] + signature(model.pppk, "", model.pppk.jabatan, layout)
    return out


def compose(model: Report, layout: Layout) -> tuple:
    """The report as a tuple of blocks."""
    cap = Captions(layout)
    counts = (len(model.budget.children), len(nodes(model.budget, "kegiatan")), len(nodes(model.budget, "sub")))
    blocks = cover(model) + foreword(model, layout) + summary(model, layout, counts) + chapter1(model, layout)
    blocks += chapter2(model, layout, cap) + chapter3(model, layout, cap) + chapter4(model, layout)
    if layout.pk_place == "lampiran":
        blocks += [Break(), h1(layout, "LAMPIRAN PERJANJIAN KINERJA")] + pk_section(model, layout)
    return tuple(blocks)
