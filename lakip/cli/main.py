"""The ``lakip`` command: a thin group; each command lives in its own module, imported when it runs.

``COMMANDS`` is the one list of commands: name → (module, attribute, short help in
Bahasa Indonesia, in English). ``lakip --help`` prints the short helps from this
list without importing any command, so the CLI answers at once; a command's
module (and the stack it needs: pdf readers, pandas, report writers) is only
imported when that command is run or its own ``--help`` is asked for.
"""

from __future__ import annotations

import importlib

import click

from lakip import __version__
from lakip.cli.common import h

COMMANDS: dict[str, tuple[str, str, str, str]] = {
    "check": ("lakip.cli.check", "check",
              "Memeriksa satu laporan dan menampilkan temuannya.",
              "Check one report and list its findings."),
    "extract": ("lakip.cli.extract", "extract",
                "Menampilkan isi laporan seperti yang dibaca lakip (teks, tabel, fakta).",
                "Show a report as lakip reads it (text, tables, facts)."),
    "rules": ("lakip.cli.rules_cmd", "rules",
              "Menampilkan daftar aturan, atau dokumentasi satu aturan.",
              "List the rules, or show one rule's documentation."),
    "batch": ("lakip.cli.batch", "batch",
              "Memeriksa semua laporan dalam folder: ringkasan dan satu laporan per berkas.",
              "Check every report in a folder: a summary and one report per file."),
    "diff": ("lakip.cli.diff", "diff_cmd",
             "Membandingkan temuan dua pemeriksaan (mis. laporan yang diperbaiki).",
             "Compare the findings of two checks (e.g. a corrected report)."),
    "reviu": ("lakip.cli.reviu", "reviu",
              "Menyusun kertas kerja reviu (XLSX) dan draf Laporan Hasil Reviu (DOCX).",
              "Build the reviu working paper (XLSX) and a draft Laporan Hasil Reviu (DOCX)."),
    "export": ("lakip.cli.export", "export",
               "Mengekspor angka semua laporan sebuah batch sebagai dataset Parquet.",
               "Export every report's figures of a batch as a Parquet dataset."),
    "serve": ("lakip.cli.serve", "serve",
              "Membuka halaman pemeriksaan mandiri di peramban (unggah laporan, lihat perbaikannya).",
              "Open the self-check page in the browser (upload a report, see what to fix)."),
}


class LazyGroup(click.Group):
    """A click group whose commands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The command names, in the order of ``COMMANDS``."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and return one command, or None for an unknown name."""
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        module = importlib.import_module(spec[0])
        return getattr(module, spec[1])

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``lakip --help``, from ``COMMANDS`` without importing them."""
        rows = [(name, h(spec[2], spec[3])) for name, spec in COMMANDS.items()]
        with formatter.section(h("Perintah", "Commands")):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, help=h(
    "lakip memeriksa konsistensi Laporan Kinerja Instansi Pemerintah (LAKIP/LKjIP): "
    "target, capaian, anggaran, jumlah, NIP, bab dan tanggal — sebelum direviu.",
    "lakip checks Indonesian government performance reports (LAKIP/LKjIP) for inconsistencies: "
    "targets, capaian, budgets, counts, NIPs, chapters and dates — before the reviu."))
@click.version_option(__version__, prog_name="lakip")
def cli() -> None:
    """The lakip command group."""
