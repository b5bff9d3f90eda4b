"""Why a report could not be read, said in one sentence in Bahasa Indonesia or English.

Every reader raises ``IngestError`` for bad input (a missing, empty, damaged,
encrypted or unsupported file) so that the command line can print one clear
sentence instead of a traceback. ``code`` is stable and meant for programs;
``message()`` is meant for people.
"""

from __future__ import annotations

from pathlib import Path

CODES = ("not-found", "unsupported", "not-pdf", "encrypted", "empty", "damaged", "no-text")

_MESSAGES = {
    "not-found": (
        "Berkas '{name}' tidak ditemukan.",
        "File '{name}' was not found.",
    ),
    "unsupported": (
        "Jenis berkas '{name}' tidak didukung; gunakan PDF atau DOCX.",
        "The type of file '{name}' is not supported; use PDF or DOCX.",
    ),
    "not-pdf": (
        "Berkas '{name}' bukan PDF yang sah (isinya tidak diawali %PDF).",
        "File '{name}' is not a valid PDF (it does not start with %PDF).",
    ),
    "encrypted": (
        "Berkas '{name}' terenkripsi/dilindungi kata sandi; buka kuncinya lalu periksa lagi.",
        "File '{name}' is encrypted/password-protected; unlock it and check it again.",
    ),
    "empty": (
        "Berkas '{name}' kosong (0 bita).",
        "File '{name}' is empty (0 bytes).",
    ),
    "damaged": (
        "Berkas '{name}' rusak dan tidak dapat dibaca: {reason}.",
        "File '{name}' is damaged and cannot be read: {reason}.",
    ),
    "no-text": (
        "Berkas '{name}' tidak memuat teks yang dapat dibaca (kemungkinan hasil pindaian); "
        "jalankan OCR lalu periksa lagi.",
        "File '{name}' contains no readable text (probably a scan); run OCR on it and check it again.",
    ),
}

_SPECIAL = {
    ("unsupported", "not-regular"): (
        "'{name}' bukan berkas biasa (misalnya pipa atau perangkat); pilih berkas PDF atau DOCX.",
        "'{name}' is not a regular file (a pipe or a device, for example); choose a PDF or DOCX file.",
    ),
    ("not-found", "is-directory"): (
        "'{name}' adalah folder, bukan berkas; pilih berkas PDF atau DOCX.",
        "'{name}' is a folder, not a file; choose a PDF or DOCX file.",
    ),
    ("not-found", "no-permission"): (
        "Berkas '{name}' tidak dapat dibuka karena izin aksesnya ditolak.",
        "File '{name}' cannot be opened because access to it was denied.",
    ),
    ("unsupported", "doc"): (
        "Jenis berkas '{name}' (Word 97-2003, .doc) tidak didukung; simpan ulang sebagai DOCX atau PDF.",
        "The type of file '{name}' (Word 97-2003, .doc) is not supported; save it again as DOCX or PDF.",
    ),
    ("unsupported", "zip-not-docx"): (
        "Jenis berkas '{name}' tidak didukung: isinya arsip ZIP, bukan dokumen Word (DOCX); gunakan PDF atau DOCX.",
        "The type of file '{name}' is not supported: it is a ZIP archive, not a Word document (DOCX); "
        "use PDF or DOCX.",
    ),
}
"""Messages for particular details that say more than the code's general sentence."""

_REASONS = {
    "truncated": ("berkas terpotong (penanda akhir %%EOF tidak ada)",
                  "the file is truncated (the %%EOF end marker is missing)"),
    "bad-pdf": ("struktur PDF-nya tidak valid", "its PDF structure is invalid"),
    "no-pages": ("PDF tidak memiliki halaman", "the PDF has no pages"),
    "bad-zip": ("arsip DOCX (ZIP) terpotong atau tidak valid", "the DOCX (ZIP) archive is truncated or invalid"),
    "not-zip": ("isinya bukan arsip DOCX (ZIP) yang sah", "it is not a valid DOCX (ZIP) archive"),
    "bad-xml": ("isi dokumen Word (XML) tidak valid", "the Word document content (XML) is invalid"),
    "": ("isinya tidak sesuai dengan formatnya", "its content does not match its format"),
}
"""Known reasons for 'damaged', in (Indonesian, English); any other detail is shown as given."""


class IngestError(Exception):
    """A report that cannot be read: a stable ``code``, the ``path`` and a technical ``detail``."""

    def __init__(self, code: str, path: str | Path, detail: str = "") -> None:
        """Record the code (one of ``CODES``), the path and an optional detail."""
        if code not in CODES:
            raise ValueError(f"unknown ingest error code: {code!r}")
        self.code = code
        self.path = str(path)
        self.detail = detail
        super().__init__(self.message("id"))

    @property
    def name(self) -> str:
        """The file name shown to the user (the last part of the path)."""
        return Path(self.path).name or self.path

    def message(self, lang: str = "id") -> str:
        """One sentence saying what is wrong: Bahasa Indonesia ('id', default) or English ('en')."""
        k = 1 if lang.lower().startswith("en") else 0
        template = _SPECIAL.get((self.code, self.detail), _MESSAGES[self.code])[k]
        reason = _REASONS[self.detail][k] if self.detail in _REASONS else self.detail
        return template.format(name=self.name, reason=reason.rstrip("."))

    def __reduce__(self):
        """Pickle by code, path and detail (so the error crosses process boundaries)."""
        return (IngestError, (self.code, self.path, self.detail))

    def __repr__(self) -> str:
        """Code, path and detail, for logs."""
        return f"IngestError({self.code!r}, {self.path!r}, {self.detail!r})"
