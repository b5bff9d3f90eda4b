"""Perintah baris perintah lakip (click), satu modul per perintah."""
