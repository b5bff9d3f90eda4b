"""Memahami isi laporan: peran tabel, fakta bertipe (pandera), entitas."""
