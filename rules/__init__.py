"""Aturan pemeriksaan reviu, masing-masing satu modul dengan kode tetap."""
