"""The ``lakip`` command: a thin group; each command lives in its own module."""

from __future__ import annotations

import click

from lakip import __version__
from lakip.cli.batch import batch
from lakip.cli.check import check
from lakip.cli.common import h
from lakip.cli.diff import diff_cmd
from lakip.cli.extract import extract
from lakip.cli.rules_cmd import rules


@click.group(help=h(
    "lakip memeriksa konsistensi Laporan Kinerja Instansi Pemerintah (LAKIP/LKjIP): "
    "target, capaian, anggaran, jumlah, NIP, bab dan tanggal — sebelum direviu.",
    "lakip checks Indonesian government performance reports (LAKIP/LKjIP) for inconsistencies: "
    "targets, capaian, budgets, counts, NIPs, chapters and dates — before the reviu."))
@click.version_option(__version__, prog_name="lakip")
def cli() -> None:
    """The lakip command group."""


cli.add_command(check)
cli.add_command(extract)
cli.add_command(rules)
cli.add_command(batch)
cli.add_command(diff_cmd)
