"""``lakip extract``: show what was read from a report (text, tables) and, with --facts, understood."""

from __future__ import annotations

from pathlib import Path

import click

from lakip.cli.common import fail_input, h, lang_option
from lakip.i18n import t
from lakip.ingest.errors import IngestError
from lakip.pipeline import read, understand
from lakip.report import document_export as export


@click.command(help=h("Membaca laporan (PDF, DOCX) dan menampilkan teks serta tabelnya.",
                      "Read a report (PDF, DOCX) and show its text and tables."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "md"]), default="text",
              show_default=True,
              help=h("Bentuk keluaran: text (daftar yang mudah dibaca), json, csv, md.",
                     "Output form: text (a readable listing), json, csv, md."))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=h("Folder untuk satu berkas CSV per tabel.", "Folder for one CSV file per table."))
@click.option("--facts", "with_facts", is_flag=True,
              help=h("Tampilkan juga peran tiap tabel dan fakta bertipe yang dipahami.",
                     "Also show each table's role and the typed facts understood."))
@lang_option
def extract(file: Path, fmt: str, out_dir: Path | None, with_facts: bool, lang: str | None) -> None:
    """Print or write what was extracted from FILE."""
    lang = lang or "id"
    try:
        doc = read(file)
    except IngestError as exc:
        fail_input(exc.message(lang))
    facts = understand(doc) if with_facts else None
    if out_dir is not None or fmt == "csv":
        if out_dir is None:
            for table in doc.tables:
                click.echo(f"# {table.id}: {table.caption or ''}")
                click.echo(export.table_to_csv(table))
            return
        if out_dir.exists() and not out_dir.is_dir():
            fail_input(t("error.out_exists", lang, path=out_dir))
        written = export.write_csvs(doc, out_dir)
        click.echo(t("extract.written", lang, n=len(written), path=out_dir))
        if fmt == "csv":
            return
    if fmt == "json":
        data = export.facts_to_json(facts) if facts else export.document_to_json(doc)
        click.echo(export.dumps(data))
    elif fmt == "md":
        roles = {ti.table_id: ti.role for ti in facts.tables} if facts else None
        click.echo(export.document_to_markdown(doc, lang, roles))
    else:
        click.echo(export.document_to_text(doc, lang, facts))
