"""Open any report: check the file, recognise it by its content, and hand it to the right reader.

``open_document`` looks at the bytes, not only the extension: ``%PDF`` goes to
the PDF reader, a ZIP holding ``word/document.xml`` to the DOCX reader, a
``.txt`` text export to the text reader. Bad input (missing, a folder, empty,
unknown type, encrypted, damaged or truncated) raises ``IngestError`` with a
stable code and a one-sentence message, never a traceback. A PDF whose pages
have no text layer is not an error here: the Document lists those pages.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from lakip.ingest.errors import IngestError
from lakip.ingest.model import Document

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ENCRYPT_KEY = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
_EDGE = 65536
"""Bytes read at each end of a PDF when looking for its trailer."""


def sha256_of(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check_file(path: str | Path) -> Path:
    """The path, if it names a readable, non-empty file; else IngestError (not-found, empty)."""
    p = Path(path)
    if p.is_dir():
        raise IngestError("not-found", p, "is-directory")
    if p.exists() and not p.is_file():
        raise IngestError("unsupported", p, "not-regular")
    if not p.is_file():
        raise IngestError("not-found", p)
    try:
        size = p.stat().st_size
        with open(p, "rb"):
            pass
    except PermissionError as exc:
        raise IngestError("not-found", p, "no-permission") from exc
    except OSError as exc:
        raise IngestError("not-found", p, str(exc)) from exc
    if size == 0:
        raise IngestError("empty", p)
    return p


def head_bytes(path: Path, n: int = 1024) -> bytes:
    """The first ``n`` bytes of a file."""
    with open(path, "rb") as fh:
        return fh.read(n)


def sniff(path: Path) -> str:
    """What the file is by its content: pdf, docx, zip, bad-zip, ole, text or unknown."""
    head = head_bytes(path)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(ZIP_MAGICS):
        try:
            with zipfile.ZipFile(path) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else "zip"
        except (zipfile.BadZipFile, OSError, ValueError):
            return "bad-zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if b"%PDF" in head:  # readers accept a header anywhere in the first 1024 bytes
        return "pdf"
    if path.suffix.lower() == ".txt" and b"\x00" not in head:
        return "text"
    return "unknown"


def is_encrypted_ole(path: Path) -> bool:
    """Whether an OLE compound file is a password-protected Office document (holds an EncryptedPackage)."""
    with open(path, "rb") as fh:
        return _ENCRYPTED_PACKAGE in fh.read(1 << 20)


def unsupported_or_encrypted(path: Path, kind: str, expected: str = "") -> IngestError:
    """The error for a file whose content is not something the expected reader can read."""
    ext = path.suffix.lower()
    if kind == "ole":
        if is_encrypted_ole(path):
            return IngestError("encrypted", path, "password-protected Office file")
        return IngestError("unsupported", path, "doc")
    if ext == ".doc" and kind in ("unknown", "text"):
        return IngestError("unsupported", path, "doc")
    if kind == "zip":
        return IngestError("unsupported", path, "zip-not-docx")
    if kind == "bad-zip":
        return IngestError("damaged", path, "bad-zip")
    if expected == "pdf" or (ext == ".pdf" and kind in ("unknown", "text")):
        return IngestError("not-pdf", path)
    if expected == "docx" or ext == ".docx":
        return IngestError("damaged", path, "not-zip") if kind in ("unknown", "text") else IngestError(
            "unsupported", path, f"content is {kind}, not DOCX")
    return IngestError("unsupported", path, f"content: {kind}")


def pdf_has_encrypt(path: Path) -> bool:
    """Whether the PDF's trailer (or cross-reference stream) names an /Encrypt dictionary."""
    with open(path, "rb") as fh:
        data = fh.read(_EDGE)
        fh.seek(max(0, path.stat().st_size - _EDGE))
        data += fh.read()
    return bool(_ENCRYPT_KEY.search(data))


def pdf_is_truncated(path: Path) -> bool:
    """Whether the PDF lacks the %%EOF marker at its end (the usual sign of a cut-off download)."""
    with open(path, "rb") as fh:
        fh.seek(max(0, path.stat().st_size - 2048))
        tail = fh.read().rstrip(b"\x00\r\n\t \x1a")
    return b"%%EOF" not in tail[-1024:]


def check_pdf(path: Path) -> None:
    """IngestError if the PDF needs a password, is damaged or truncated, or has no pages."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower() or pdf_has_encrypt(path):
            raise IngestError("encrypted", path, str(exc)) from exc
        raise IngestError("damaged", path, "truncated" if pdf_is_truncated(path) else "bad-pdf") from exc
    try:
        n_pages = len(pdf)
    finally:
        pdf.close()
    if pdf_is_truncated(path):
        raise IngestError("damaged", path, "truncated")
    if n_pages == 0:
        raise IngestError("damaged", path, "no-pages")


def run_reader(reader, path: Path, kind: str) -> Document:
    """Run a reader; anything it raises other than IngestError means the file is damaged (or encrypted)."""
    try:
        return reader(path)
    except IngestError:
        raise
    except (MemoryError, KeyboardInterrupt, ImportError):
        raise
    except Exception as exc:  # a reader's parser choking on bad input must not reach the user as a traceback
        if kind == "pdf" and pdf_has_encrypt(path):
            raise IngestError("encrypted", path, f"{type(exc).__name__}: {exc}") from exc
        raise IngestError("damaged", path, f"{type(exc).__name__}: {exc}") from exc


def open_document(path: str | Path) -> Document:
    """Check a report file and read it with the reader its content calls for."""
    p = check_file(path)
    kind = sniff(p)
    if kind == "pdf":
        check_pdf(p)
        from lakip.ingest.pdf_reader import read_pdf
        return run_reader(read_pdf, p, kind)
    if kind == "docx":
        from lakip.ingest.docx_reader import read_docx
        return run_reader(read_docx, p, kind)
    if kind == "text":
        from lakip.ingest.text_reader import read_text
        return run_reader(read_text, p, kind)
    raise unsupported_or_encrypted(p, kind)
