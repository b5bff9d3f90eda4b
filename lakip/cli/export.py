"""``lakip export``: every report's figures of a batch run as a Parquet dataset (documents, indicators, ...)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

import click

from lakip.batch.sqlbackend import BackendError, as_target, display_name, is_postgres
from lakip.cli.common import h, lang_option

_T = {
    "no_pyarrow": ("Ekspor dataset memerlukan paket tambahan: pip install 'lakip[scale]'",
                   "Exporting the dataset needs extra packages: pip install 'lakip[scale]'"),
    "source": ("Berikan tepat satu sumber: --db BASIS-DATA atau FOLDER laporan.",
               "Give exactly one source: --db DATABASE or a FOLDER of reports."),
    "no_db": ("Basis data '{db}' tidak ditemukan.", "Database '{db}' was not found."),
    "no_run": ("Basis data {db} belum berisi pemeriksaan (jalankan lakip batch dahulu).",
               "The database {db} holds no run yet (run lakip batch first)."),
    "bad_run": ("Pemeriksaan #{run} tidak ada di basis data {db}.", "Run #{run} is not in the database {db}."),
    "no_files": ("Tidak ada berkas PDF atau DOCX pada {paths}.", "No PDF or DOCX files in {paths}."),
    "out_file": ("{path} sudah ada dan bukan folder.", "{path} exists and is not a folder."),
    "done": ("Dataset ditulis ke {out} (pemeriksaan #{run}): documents {documents}, indicators {indicators}, "
             "budget_lines {budget_lines}, findings {findings} baris.",
             "Dataset written to {out} (run #{run}): documents {documents}, indicators {indicators}, "
             "budget_lines {budget_lines}, findings {findings} rows."),
}


def _t(key: str, lang: str, **values: object) -> str:
    """An export message in ``lang``."""
    text = _T[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text


def _fail(key: str, lang: str, **values: object) -> None:
    """One message on stderr, exit 2."""
    click.echo(_t(key, lang, **values), err=True)
    sys.exit(2)


def _batch_store(folder: str, work: Path, jobs: int, lang: str) -> Path:
    """Check a folder of reports into a store under ``work`` (reports themselves are not kept)."""
    from lakip.batch.inputs import collect
    from lakip.batch.runner import BatchOptions, run_batch
    from lakip.config import find_config, load_settings

    inputs = collect([folder])
    if not inputs.files:
        _fail("no_files", lang, paths=folder)
    settings = load_settings(find_config(None))

    def settings_for(path: Path):
        """A report's settings, found as ``lakip check`` finds them."""
        return load_settings(find_config(path))

    db = work / "lakip.sqlite"
    run_batch(BatchOptions(files=inputs.files, out_dir=work / "out", db_path=db, settings=settings,
                           settings_for=settings_for, jobs=jobs, formats=("json",)))
    return db


@click.command(short_help=h("Mengekspor angka semua laporan sebagai dataset Parquet.",
                            "Export every report's figures as a Parquet dataset."), help=h(
    "Mengekspor hasil satu pemeriksaan massal (dari --db, atau dengan memeriksa FOLDER laporan) sebagai dataset "
    "Parquet: tabel documents, indicators, budget_lines dan findings, dipartisi per tahun (gaya hive), dapat dibaca "
    "DuckDB dan pandas. Skemanya: docs/dataset.md.",
    "Export one batch run (from --db, or by checking a FOLDER of reports) as a Parquet dataset: the tables "
    "documents, indicators, budget_lines and findings, partitioned by year (hive style), readable by DuckDB and "
    "pandas. Schema: docs/dataset.md."))
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help=h("Folder dataset yang ditulis (tabelnya diganti).", "Dataset folder to write (its tables are "
                                                                        "replaced)."))
@click.option("--db", "db", default=None, metavar="PATH|URL",
              help=h("Basis data lakip batch: berkas SQLite atau URL postgresql://…",
                     "A lakip batch database: an SQLite file or a postgresql://… URL."))
@click.option("--run", "run_id", type=click.IntRange(min=1), default=None,
              help=h("Nomor pemeriksaan yang diekspor (bawaan: yang terakhir).",
                     "The run to export (default: the latest)."))
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help=h("Dokumen yang diperiksa bersamaan bila FOLDER diberikan (bawaan: jumlah inti).",
                     "Documents checked at the same time when a FOLDER is given (default: the number of cores)."))
@lang_option
def export(folder: Optional[str], out_dir: Path, db: Optional[str], run_id: Optional[int], jobs: Optional[int],
           lang: Optional[str]) -> None:
    """Write the Parquet dataset of a batch run into --out."""
    lang = lang or "id"
    if (folder is None) == (db is None):
        _fail("source", lang)
    if out_dir.exists() and not out_dir.is_dir():
        _fail("out_file", lang, path=out_dir)
    try:
        from lakip.batch import export as export_mod
    except ImportError:
        _fail("no_pyarrow", lang)
    from lakip.batch.store import Store

    with tempfile.TemporaryDirectory(prefix="lakip-export-") as work:
        target = as_target(db) if db else _batch_store(folder or "", Path(work), jobs or os.cpu_count() or 1, lang)
        if not is_postgres(target) and not Path(target).is_file():
            _fail("no_db", lang, db=target)
        try:
            store = Store(target)
        except BackendError as exc:
            click.echo(exc.message(lang), err=True)
            sys.exit(2)
        try:
            if store.latest_run_id() is None:
                _fail("no_run", lang, db=display_name(target))
            if run_id is not None and run_id > (store.latest_run_id() or 0):
                _fail("bad_run", lang, run=run_id, db=display_name(target))
            result = export_mod.export_run(store, out_dir, run_id)
        finally:
            store.close()
    click.echo(_t("done", lang, out=out_dir, run=result.run_id, **result.rows))
