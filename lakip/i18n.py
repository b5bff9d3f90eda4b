"""User-facing strings of the CLI and reports, in Bahasa Indonesia and English."""

from __future__ import annotations

LANGS = ("id", "en")

_STRINGS: dict[str, tuple[str, str]] = {
    "verdict.clean": ("Tidak ada temuan.", "No findings."),
    "verdict.findings": ("{error} galat, {warning} peringatan, {info} info.",
                         "{error} errors, {warning} warnings, {info} info."),
    "coverage.title": ("Cakupan pemeriksaan", "Coverage"),
    "coverage.tables": ("Tabel ditemukan: {found}, terbaca: {read}", "Tables found: {found}, read: {read}"),
    "coverage.not_run": ("Aturan yang tidak dapat dijalankan:", "Rules that could not run:"),
    "coverage.no_text": ("Halaman tanpa lapisan teks (perlu OCR): {pages}",
                         "Pages without a text layer (need OCR): {pages}"),
    "document.title": ("Dokumen", "Document"),
    "document.pages": ("halaman", "pages"),
    "loc.page": ("halaman", "page"),
    "loc.row": ("baris", "row"),
    "loc.column": ("kolom", "column"),
    "severity.error": ("galat", "error"),
    "severity.warning": ("peringatan", "warning"),
    "severity.info": ("info", "info"),
    "error.select": ("Kode aturan tidak dikenal: {codes}", "Unknown rule codes: {codes}"),
    "error.config": ("Berkas konfigurasi {path} tidak dapat dibaca: {detail}",
                     "Configuration file {path} could not be read: {detail}"),
    "error.out_exists": ("Folder keluaran {path} bukan folder.", "Output path {path} is not a folder."),
    "error.xlsx_out": ("Format xlsx perlu --out BERKAS.xlsx.", "The xlsx format needs --out FILE.xlsx."),
    "progress.checking": ("Membaca dan memeriksa {name} …", "Reading and checking {name} …"),
    "rules.none": ("Tidak ada aturan dengan kode {code}.", "No rule with code {code}."),
    "extract.role": ("peran", "role"),
    "extract.why": ("karena", "because"),
    "extract.caption_none": ("(tanpa judul)", "(no caption)"),
    "extract.written": ("{n} tabel ditulis ke {path}", "{n} tables written to {path}"),
    "serve.missing": ("lakip serve memerlukan paket tambahan yang belum terpasang ({packages}); jalankan: {command}",
                      "lakip serve needs extra packages that are not installed ({packages}); run: {command}"),
    "serve.bind": ("Tidak dapat mendengarkan pada {host}:{port}: {reason}. Pilih port lain dengan --port.",
                   "Cannot listen on {host}:{port}: {reason}. Choose another port with --port."),
    "serve.store": ("Basis data {path} tidak dapat dibuka.", "The database {path} cannot be opened."),
    "serve.address": ("lakip serve: buka {url} di peramban (Ctrl+C untuk berhenti)",
                      "lakip serve: open {url} in the browser (Ctrl+C to stop)"),
    "serve.open": ("Perhatian: server mendengarkan di semua antarmuka jaringan; siapa pun di jaringan dapat "
                   "mengunggah laporan.",
                   "Note: the server listens on every network interface; anyone on the network can upload reports."),
    "serve.stopped": ("lakip serve berhenti.", "lakip serve stopped."),
    "reviu.title": ("Reviu (kertas kerja)", "Reviu (working paper)"),
    "reviu.kriteria": ("Kriteria", "Criterion"),
    "reviu.sebab": ("Sebab", "Cause"),
    "reviu.akibat": ("Akibat", "Effect"),
    "reviu.rekomendasi": ("Rekomendasi", "Recommendation"),
    "reviu.suffix": ("Berkas keluaran {path} harus berakhiran {suffix}.", "Output file {path} must end in {suffix}."),
    "reviu.no_folder": ("Folder {path} tidak ada.", "Folder {path} does not exist."),
    "reviu.not_paper": ("Berkas {path} sudah ada dan bukan kertas kerja reviu lakip; berkas itu tidak ditimpa. "
                        "Pilih nama lain untuk --out.",
                        "File {path} exists and is not a lakip reviu working paper; it is not overwritten. "
                        "Choose another name for --out."),
    "reviu.lhr_exists": ("Berkas {path} sudah ada dan bukan draf LHR lakip yang belum diubah; berkas itu tidak "
                         "ditimpa. Pilih nama lain untuk --lhr.",
                         "File {path} exists and is not an unedited lakip LHR draft; it is not overwritten. "
                         "Choose another name for --lhr."),
    "reviu.written": ("Kertas kerja reviu ditulis ke {path}.", "Reviu working paper written to {path}."),
    "reviu.merged": ("Kertas kerja reviu {path} diperbarui: {new} temuan baru, {kept} tetap, {resolved} selesai "
                     "ditindaklanjuti; status dan catatan pemeriksa dipertahankan.",
                     "Reviu working paper {path} updated: {new} new findings, {kept} kept, {resolved} resolved; the "
                     "inspector's statuses and notes are kept."),
    "reviu.lhr_written": ("Draf Laporan Hasil Reviu ditulis ke {path}.", "Draft Laporan Hasil Reviu written to {path}."),
    "reviu.inspector": ("perlu diperiksa pemeriksa", "for the inspector"),
    "reviu.kkr_out": ("Format kkr perlu --out BERKAS.xlsx.", "The kkr format needs --out FILE.xlsx."),
    "reviu.write_error": ("Tidak dapat menulis {path}: {detail}", "Cannot write {path}: {detail}"),
}


def t(key: str, lang: str = "id", **values: object) -> str:
    """The string ``key`` in ``lang`` with ``values`` filled in."""
    id_text, en_text = _STRINGS[key]
    text = en_text if lang == "en" else id_text
    return text.format(**values) if values else text
