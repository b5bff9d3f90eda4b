"""Bad input gives an IngestError with the right code and a one-sentence message naming the file."""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document as new_docx

from lakip.ingest import reader
from lakip.ingest.errors import CODES, IngestError
from lakip.ingest.reader import check_pdf, open_document, sha256_of

SAMPLE_PDF = Path(__file__).resolve().parents[1] / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
"""The padding string of the PDF standard security handler."""
FILE_ID = bytes(range(16))


def rc4(key: bytes, data: bytes) -> bytes:
    """RC4, as the PDF standard security handler (revision 2) uses it."""
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def rc4_security(user: bytes, owner: bytes) -> tuple[bytes, bytes, bytes]:
    """(file key, /O, /U) for 40-bit RC4 (V1, R2) with permissions -4."""
    o = rc4(hashlib.md5((owner + PAD)[:32]).digest()[:5], (user + PAD)[:32])
    key = hashlib.md5((user + PAD)[:32] + o + struct.pack("<i", -4) + FILE_ID).digest()[:5]
    return key, o, rc4(key, PAD)


def make_pdf(text: str = "Laporan Kinerja 2024", user_password: bytes | None = None) -> bytes:
    """A one-page PDF showing ``text``; encrypted (RC4, R2) when a user password is given."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    encrypt = rc4_security(user_password, b"pemilik") if user_password is not None else None
    if encrypt:
        stream = rc4(hashlib.md5(encrypt[0] + struct.pack("<I", 4)[:3] + b"\0\0").digest()[:10], stream)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
               b"/Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    if encrypt:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <%s> /U <%s> >>"
                       % (encrypt[1].hex().encode(), encrypt[2].hex().encode()))
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    extra = b" /Encrypt 6 0 R" if encrypt else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, FILE_ID.hex().encode(), FILE_ID.hex().encode(), extra, xref)
    return bytes(out)


def qpdf_encrypt(src: Path, dst: Path, user: str) -> Path:
    """``src`` encrypted with AES-256 by qpdf, with ``user`` as the user password."""
    subprocess.run(["qpdf", "--encrypt", user, "pemilik", "256", "--", str(src), str(dst)], check=True)
    return dst


def docx_bytes(tmp_path: Path) -> bytes:
    """A small valid .docx."""
    doc = new_docx()
    doc.add_paragraph("Laporan Kinerja")
    doc.save(tmp_path / "ok.docx")
    return (tmp_path / "ok.docx").read_bytes()


def broken_docx_xml(tmp_path: Path) -> bytes:
    """A .docx whose word/document.xml is cut off mid-element."""
    src = tmp_path / "src.docx"
    src.write_bytes(docx_bytes(tmp_path))
    out = tmp_path / "rebuilt.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return out.read_bytes()


def plain_zip(tmp_path: Path) -> bytes:
    """A ZIP archive that is not a Word document."""
    out = tmp_path / "arsip.zip"
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("catatan.txt", "bukan dokumen Word")
    return out.read_bytes()


def encrypted_office() -> bytes:
    """The start of a password-protected Office file: an OLE container holding an EncryptedPackage stream."""
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0")
    return reader.OLE_MAGIC + b"\0" * 504 + entry + b"\0" * 448


BAD_INPUTS = {
    "random bytes named .pdf": ("acak.pdf", lambda t: os.urandom(2048).replace(b"%PDF", b"xxxx"), "not-pdf"),
    "empty file": ("kosong.pdf", lambda t: b"", "empty"),
    "truncated PDF": ("terpotong.pdf", lambda t: make_pdf()[: len(make_pdf()) * 2 // 3], "damaged"),
    "PDF header then garbage": ("sampah.pdf", lambda t: b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n",
                                "damaged"),
    "encrypted PDF (RC4)": ("rahasia.pdf", lambda t: make_pdf(user_password=b"sandi"), "encrypted"),
    "zip that is not a docx": ("bukan-word.docx", plain_zip, "unsupported"),
    "truncated docx": ("terpotong.docx", lambda t: docx_bytes(t)[:1500], "damaged"),
    "docx with broken XML": ("xml-rusak.docx", broken_docx_xml, "damaged"),
    "random bytes named .docx": ("acak.docx", lambda t: b"bukan zip " * 100, "damaged"),
    "old Word .doc": ("lama.doc", lambda t: reader.OLE_MAGIC + os.urandom(1024), "unsupported"),
    "password-protected Word": ("terkunci.docx", lambda t: encrypted_office(), "encrypted"),
    "unknown type": ("gambar.png", lambda t: b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "unsupported"),
}


def assert_error(err: IngestError, code: str, name: str) -> None:
    """The error has ``code`` and one-sentence Indonesian and English messages naming the file."""
    assert err.code == code, repr(err)
    indo, eng = err.message(), err.message("en")
    assert indo == err.message("id") == str(err)
    assert name in indo and name in eng and indo != eng
    assert indo.endswith(".") and eng.endswith(".") and "\n" not in indo + eng


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_gives_the_right_code_and_messages(tmp_path, case):
    name, make, code = BAD_INPUTS[case]
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(IngestError) as err:
        open_document(path)
    assert_error(err.value, code, name)


def test_directory_and_missing_path(tmp_path):
    folder = tmp_path / "laporan-folder"
    folder.mkdir()
    for path in (folder, tmp_path / "tidak-ada.pdf"):
        with pytest.raises(IngestError) as err:
            open_document(path)
        assert_error(err.value, "not-found", path.name)
    assert "folder" in IngestError("not-found", folder, "is-directory").message()


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed (apt-get install qpdf)")
def test_pdf_encrypted_by_qpdf_aes256(tmp_path):
    plain = tmp_path / "biasa.pdf"
    plain.write_bytes(make_pdf())
    locked = qpdf_encrypt(plain, tmp_path / "terkunci.pdf", user="sandi")
    with pytest.raises(IngestError) as err:
        open_document(locked)
    assert_error(err.value, "encrypted", "terkunci.pdf")
    check_pdf(qpdf_encrypt(plain, tmp_path / "hanya-pemilik.pdf", user=""))  # owner password only: readable


@pytest.mark.skipif(not SAMPLE_PDF.exists(), reason="sample PDF (samples/lakip-kecamatan-alok-barat-2024.pdf) is absent")
def test_truncated_copy_of_the_sample_pdf(tmp_path):
    data = SAMPLE_PDF.read_bytes()
    cut = tmp_path / "sampel-terpotong.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError) as err:
        open_document(cut)
    assert_error(err.value, "damaged", cut.name)
    check_pdf(SAMPLE_PDF)


def test_good_files_pass_the_checks(tmp_path):
    pdf = tmp_path / "baik.pdf"
    pdf.write_bytes(make_pdf())
    check_pdf(pdf)
    docx = tmp_path / "baik.docx"
    docx.write_bytes(docx_bytes(tmp_path))
    assert open_document(docx).full_text() == "Laporan Kinerja"
    txt = tmp_path / "baik.txt"
    txt.write_text("Judul\n\nNo\tNilai\n1\t72,89\n", encoding="utf-8")
    doc = open_document(txt)
    assert doc.tables[0].texts() == [["1", "72,89"]]
    assert doc.sha256 == sha256_of(txt) == hashlib.sha256(txt.read_bytes()).hexdigest()


def test_pdf_dispatches_to_the_pdf_reader(tmp_path):
    pytest.importorskip("lakip.ingest.pdf_reader", reason="lakip.ingest.pdf_reader is not written yet")
    pdf = tmp_path / "baik.pdf"
    pdf.write_bytes(make_pdf())
    assert open_document(pdf).kind == "pdf"


def test_every_code_has_both_messages():
    for code in CODES:
        err = IngestError(code, "/data/lakip kecamatan.pdf", "")
        assert_error(err, code, "lakip kecamatan.pdf")
    with pytest.raises(ValueError):
        IngestError("bogus", "x.pdf")


def test_a_pipe_is_not_a_regular_file(tmp_path):
    import os

    from lakip.ingest.errors import IngestError
    from lakip.ingest.reader import open_document

    fifo = tmp_path / "laporan.pdf"
    os.mkfifo(fifo)
    with pytest.raises(IngestError) as info:
        open_document(fifo)
    assert info.value.code == "unsupported"
    assert "laporan.pdf" in info.value.message("id") and "laporan.pdf" in info.value.message("en")
