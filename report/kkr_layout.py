"""The layout of the reviu working paper (kertas kerja reviu): sheets, columns and the lakip marker."""

from __future__ import annotations

MARKER = "lakip-kertas-kerja-reviu"
"""Written as the workbook's subject: a file without it is not a lakip working paper and is never overwritten."""

SHEETS = {
    "matrix": ("Matriks Kriteria", "Criteria Matrix"),
    "notes": ("Catatan Reviu", "Reviu Notes"),
    "lke": ("LKE Komponen 3", "LKE Component 3"),
    "history": ("Riwayat Pemeriksaan", "Check History"),
}

COLUMNS = ("no", "aspek", "unsur", "kondisi", "kriteria", "sebab", "akibat", "rekomendasi", "status", "bukti",
           "catatan", "ulang", "key", "unsur_key", "auto", "digest")
"""The matrix columns in order; the last four are hidden (stable key, unsur, lakip's own status, and digests of
lakip's own texts, by which a text the inspector edited is recognised and kept)."""
HIDDEN = ("key", "unsur_key", "auto", "digest")
TEXT_COLUMNS = ("aspek", "unsur", "kondisi", "kriteria", "sebab", "akibat", "rekomendasi", "bukti")
"""The columns lakip writes text into; an inspector's edit of any of them survives a rerun."""
HEADERS = {
    "no": ("No", "No"), "aspek": ("Aspek", "Aspect"), "unsur": ("Unsur", "Unsur"), "kondisi": ("Kondisi", "Condition"),
    "kriteria": ("Kriteria", "Criterion"), "sebab": ("Sebab", "Cause"), "akibat": ("Akibat", "Effect"),
    "rekomendasi": ("Rekomendasi", "Recommendation"), "status": ("Status", "Status"),
    "bukti": ("Bukti (halaman/tabel/baris)", "Evidence (page/table/row)"),
    "catatan": ("Catatan Pemeriksa", "Inspector's notes"), "ulang": ("Pemeriksaan ulang", "Recheck"),
    "key": ("Kunci", "Key"), "unsur_key": ("Kode unsur", "Unsur code"), "auto": ("Status lakip", "lakip status"),
    "digest": ("Sidik teks lakip", "lakip text digest"),
}
WIDTHS = {"no": 8, "aspek": 14, "unsur": 30, "kondisi": 60, "kriteria": 45, "sebab": 36, "akibat": 36,
          "rekomendasi": 36, "status": 22, "bukti": 30, "catatan": 32, "ulang": 16, "key": 20, "unsur_key": 8,
          "auto": 10, "digest": 10}

RECHECK = {"new": ("baru", "new"), "kept": ("tetap", "kept"),
           "resolved": ("selesai ditindaklanjuti", "resolved")}

LKE_COLUMNS = ("code", "kriteria", "bobot", "usulan", "dasar", "bukti", "jawaban", "catatan")
LKE_HEADERS = {
    "code": ("Kode", "Code"), "kriteria": ("Kriteria (PermenPANRB 88/2021)", "Criterion (PermenPANRB 88/2021)"),
    "bobot": ("Bobot sub-komponen", "Sub-component weight"), "usulan": ("Usulan jawaban lakip", "lakip's proposal"),
    "dasar": ("Dasar usulan", "Basis"), "bukti": ("Bukti (halaman)", "Evidence (pages)"),
    "jawaban": ("Jawaban evaluator", "Evaluator's answer"), "catatan": ("Catatan evaluator", "Evaluator's notes"),
}
LKE_WIDTHS = {"code": 8, "kriteria": 60, "bobot": 12, "usulan": 22, "dasar": 60, "bukti": 22, "jawaban": 18,
              "catatan": 36}

HISTORY_COLUMNS = ("when", "file", "sha256", "findings", "new", "kept", "resolved")
HISTORY_HEADERS = {
    "when": ("Waktu", "When"), "file": ("Berkas", "File"), "sha256": ("SHA-256", "SHA-256"),
    "findings": ("Temuan", "Findings"), "new": ("Baru", "New"), "kept": ("Tetap", "Kept"),
    "resolved": ("Selesai", "Resolved"),
}


def header(col: str, lang: str = "id", table: dict | None = None) -> str:
    """A column's header in ``lang``."""
    return (table or HEADERS)[col][1 if lang == "en" else 0]


def sheet_name(kind: str, lang: str = "id") -> str:
    """A sheet's name in ``lang``."""
    return SHEETS[kind][1 if lang == "en" else 0]
