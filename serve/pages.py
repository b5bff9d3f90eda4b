"""The pages of the self-check server: their words in both languages and their rendering (Jinja2)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from lakip import __version__
from lakip.rules.base import AREAS

_TEMPLATES = Path(__file__).parent / "templates"

LABELS: dict[str, dict[str, Any]] = {
    "id": {
        "title": "Pemeriksaan mandiri LAKIP/LKjIP", "lang": "id",
        "intro": "Periksa laporan kinerja sebelum diserahkan ke Inspektorat: unggah draf Word (.docx) atau PDF-nya, "
                 "lalu lihat apa yang tidak konsisten dan apa yang perlu diubah.",
        "choose": "Pilih berkas laporan (PDF atau DOCX)", "choose_many": "Pilih berkas laporan (PDF atau DOCX, boleh "
                  "beberapa)", "drop": "atau seret berkasnya ke kotak ini", "submit": "Periksa",
        "limits": "Batas: {mb} MB dan {pages} halaman per dokumen, {seconds} detik pemeriksaan.",
        "private": "Berkas yang diunggah dihapus setelah diperiksa; hasilnya hanya dapat dibuka lewat tautan "
                   "acak halaman ini selama {minutes} menit.",
        "stored": "Mode Inspektorat: hasil setiap pemeriksaan disimpan di basis data {db}.",
        "checking": "Sedang memeriksa {name} …", "waiting": "Menunggu giliran: {name}",
        "checking_note": "Halaman ini diperbarui sendiri. Pemeriksaan biasanya selesai dalam setengah menit "
                         "(paling lama {seconds} detik).",
        "elapsed": "Waktu berjalan", "seconds": "detik", "refresh": "Perbarui",
        "result": "Hasil pemeriksaan", "file": "Berkas", "instansi": "Instansi", "year": "Tahun", "pages": "halaman",
        "clean": "Tidak ada temuan. Laporan ini konsisten menurut semua aturan yang dijalankan.",
        "counts": "{error} galat, {warning} peringatan, {info} info.",
        "downloads": "Unduh", "xlsx": "Kertas kerja (XLSX)", "json": "Temuan (JSON)", "html": "Laporan lengkap (HTML)",
        "fix_title": "Yang perlu diperbaiki", "fix_note": "Setiap temuan: apa yang harus diubah dan di mana. "
                     "Rinciannya, dengan potongan halaman, ada pada laporan lengkap di bawah.",
        "fix": "Perbaikan", "details": "Rincian", "report_title": "Laporan lengkap",
        "again": "Periksa berkas lain", "add": "Tambahkan laporan ke kelompok ini",
        "error_title": "Berkas tidak dapat diperiksa", "not_found": "Halaman atau hasil ini tidak ada (atau sudah "
                       "kedaluwarsa dan dihapus).",
        "too_large": "Berkas terlalu besar: batasnya {mb} MB per unggahan.",
        "no_file": "Tidak ada berkas yang dipilih; pilih berkas PDF atau DOCX.",
        "too_many_files": "Terlalu banyak berkas sekaligus: paling banyak {n}.",
        "bad_form": "Unggahan tidak dapat dibaca; coba lagi.",
        "busy": "Server sedang memeriksa terlalu banyak berkas; coba lagi sebentar lagi.",
        "bad_host": "Permintaan ditolak: alamat (Host) {host} bukan alamat server ini.",
        "batch_title": "Kelompok pemeriksaan #{id}", "archive": "Arsip per instansi dan tahun",
        "status": "Status", "report": "Laporan", "none": "Belum ada.",
        "cross": "Temuan lintas laporan", "cross_none": "Tidak ada temuan lintas laporan.",
        "states": {"waiting": "menunggu", "running": "sedang diperiksa", "done": "selesai", "failed": "gagal",
                   "ok": "selesai", "timeout": "melewati batas waktu", "memory": "melewati batas memori",
                   "crashed": "proses berhenti"},
        "severity": {"error": "galat", "warning": "peringatan", "info": "info"},
        "noscript": "Tanpa JavaScript: pilih berkas lalu tekan Periksa.",
    },
    "en": {
        "title": "LAKIP/LKjIP self-check", "lang": "en",
        "intro": "Check a performance report before it goes to the Inspektorat: upload the Word draft (.docx) or "
                 "the PDF, and see what is inconsistent and what to change.",
        "choose": "Choose the report file (PDF or DOCX)", "choose_many": "Choose report files (PDF or DOCX, several "
                  "allowed)", "drop": "or drag the file into this box", "submit": "Check",
        "limits": "Limits: {mb} MB and {pages} pages per document, {seconds} seconds of checking.",
        "private": "Uploaded files are deleted once checked; the results open only through this page's random "
                   "link, for {minutes} minutes.",
        "stored": "Inspectorate mode: every check's results are kept in the database {db}.",
        "checking": "Checking {name} …", "waiting": "Waiting for a free slot: {name}",
        "checking_note": "This page updates itself. A check usually takes half a minute (at most {seconds} "
                         "seconds).",
        "elapsed": "Elapsed", "seconds": "seconds", "refresh": "Refresh",
        "result": "Check result", "file": "File", "instansi": "Instansi", "year": "Year", "pages": "pages",
        "clean": "No findings. The report is consistent under every rule that ran.",
        "counts": "{error} errors, {warning} warnings, {info} info.",
        "downloads": "Download", "xlsx": "Working paper (XLSX)", "json": "Findings (JSON)",
        "html": "Full report (HTML)",
        "fix_title": "What to fix", "fix_note": "For each finding: what to change and where. The details, with "
                     "crops of the pages, are in the full report below.",
        "fix": "Fix", "details": "Details", "report_title": "Full report",
        "again": "Check another file", "add": "Add reports to this batch",
        "error_title": "The file could not be checked", "not_found": "This page or result does not exist (or it "
                       "expired and was deleted).",
        "too_large": "The file is too large: the limit is {mb} MB per upload.",
        "no_file": "No file was chosen; choose a PDF or DOCX file.",
        "too_many_files": "Too many files at once: at most {n}.",
        "bad_form": "The upload could not be read; please try again.",
        "busy": "The server is checking too many files; please try again shortly.",
        "bad_host": "Request refused: the address (Host) {host} is not this server's.",
        "batch_title": "Batch #{id}", "archive": "Archive by instansi and year",
        "status": "Status", "report": "Report", "none": "None yet.",
        "cross": "Cross-report findings", "cross_none": "No cross-report findings.",
        "states": {"waiting": "waiting", "running": "being checked", "done": "done", "failed": "failed",
                   "ok": "done", "timeout": "time limit exceeded", "memory": "memory limit exceeded",
                   "crashed": "process stopped"},
        "severity": {"error": "error", "warning": "warning", "info": "info"},
        "noscript": "Without JavaScript: choose the file, then press Check.",
    },
}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """The Jinja2 environment with HTML autoescaping."""
    return Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(["html", "j2"]))


def render(template: str, lang: str, **context: Any) -> str:
    """One page in ``lang``."""
    areas = {letter: names[1 if lang == "en" else 0] for letter, names in AREAS.items()}
    return _environment().get_template(template).render(L=LABELS[lang], lang=lang, version=__version__,
                                                       areas=areas, **context)


def text(lang: str, key: str, **values: Any) -> str:
    """One label with values filled in."""
    label = LABELS[lang][key]
    return label.format(**values) if values else label
