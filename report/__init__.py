"""Menyajikan temuan: teks, JSON, HTML, XLSX, Markdown."""
