"""Memeriksa banyak laporan sekaligus: pekerja per dokumen, basis data SQLite, aturan lintas laporan."""
