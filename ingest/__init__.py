"""Membaca berkas PDF/DOCX menjadi teks dan tabel (Document)."""
