"""``lakip batch``: check many reports in parallel, store every run, cross-check, write a summary."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from lakip.batch.inputs import collect
from lakip.batch.sqlbackend import as_target, display_name
from lakip.batch.runner import BatchOptions, BatchResult, run_batch
from lakip.batch.worker import REPORT_FORMATS
from lakip.cli.common import config_error, fail_input, h, lang_option
from lakip.config import ConfigError, Settings, find_config, load_settings, with_cli
from lakip.values.severity import RANK
from lakip.i18n import t
from lakip.rules import registry

_T = {
    "no_files": ("Tidak ada berkas PDF atau DOCX pada {paths}.", "No PDF or DOCX files in {paths}."),
    "unmatched": ("Tidak ditemukan: {paths}", "Not found: {paths}"),
    "formats": ("Format laporan tidak dikenal: {codes} (pilih dari {known}).",
                "Unknown report formats: {codes} (choose from {known})."),
    "interrupted": ("Dihentikan. Hasil yang sudah selesai tersimpan di {db}; jalankan perintah yang sama untuk "
                    "melanjutkan.",
                    "Interrupted. Finished results are stored in {db}; run the same command to resume."),
    "done": ("{n} dokumen: {checked} diperiksa, {reused} tidak berubah, {failed} gagal · {pages} halaman · "
             "{seconds:.1f} detik", "{n} documents: {checked} checked, {reused} unchanged, {failed} failed · "
             "{pages} pages · {seconds:.1f} seconds"),
    "failed": ("  gagal: {file}: {why}", "  failed: {file}: {why}"),
    "summary": ("Ringkasan: {html} · {xlsx} · temuan lintas laporan: {cross}",
                "Summary: {html} · {xlsx} · cross-report findings: {cross}"),
    "progress": ("Memeriksa", "Checking"),
    "no_dask": ("Eksekutor dask memerlukan paket tambahan: pip install 'lakip[scale]'",
                "The dask executor needs extra packages: pip install 'lakip[scale]'"),
}


def _t(key: str, lang: str, **values: object) -> str:
    """A batch message in ``lang``."""
    text = _T[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text


def _formats(text: str, lang: str) -> tuple[str, ...]:
    """The per-document report formats asked for."""
    picked = tuple(dict.fromkeys(x.strip().lower() for x in text.split(",") if x.strip()))
    unknown = [x for x in picked if x not in REPORT_FORMATS]
    if unknown or not picked:
        fail_input(_t("formats", lang, codes=", ".join(unknown) or "-", known=", ".join(REPORT_FORMATS)))
    return picked


class _Progress:
    """A progress bar on stderr (only when asked, or when stderr is a terminal)."""

    def __init__(self, total: int, lang: str, show: bool):
        self.bar = None
        if show and total:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), TextColumn("{task.fields[last]}"),
                                console=Console(stderr=True), auto_refresh=False, transient=False)
            self.task = self.bar.add_task(_t("progress", lang), total=total, last="")
            self.bar.start()

    def __call__(self, done: int, total: int, path: str, status: str) -> None:
        """Show one more document done."""
        if self.bar is not None:
            self.bar.update(self.task, completed=done, last=f"{Path(path).name} ({status})")
            self.bar.refresh()

    def close(self) -> None:
        """Stop drawing."""
        if self.bar is not None:
            self.bar.stop()


def _report(result: BatchResult, lang: str) -> None:
    """Print the run's figures and where the summary is."""
    s = result.summary
    click.echo(_t("done", lang, n=len(s.rows), checked=result.checked, reused=result.reused,
                  failed=len(s.failed()), pages=s.pages(), seconds=s.seconds))
    click.echo(t("verdict.findings", lang, **s.totals()))
    for row in s.failed():
        click.echo(_t("failed", lang, file=row.path, why=row.error(lang)))
    html, xlsx, cross = result.written
    click.echo(_t("summary", lang, html=html, xlsx=xlsx, cross=len(s.cross.findings)))


def _failing(result: BatchResult, fail_on: str) -> bool:
    """Whether any finding reaches --fail-on, or any document could not be checked."""
    threshold = RANK[fail_on]
    s = result.summary
    worst = [sev for sev, n in s.totals().items() if n]
    return bool(s.failed()) or any(RANK[sev] >= threshold for sev in worst)


@click.command(short_help=h(
    "Memeriksa banyak laporan sekaligus dan meringkas hasilnya.",
    "Check many reports at once and summarise them."), help=h(
    "Memeriksa banyak laporan sekaligus (folder, pola glob, berkas PDF/DOCX) secara paralel, menyimpan hasilnya "
    "dalam basis data (SQLite, atau PostgreSQL dengan --db), memeriksa antar laporan (aturan X), dan menulis "
    "laporan per dokumen serta ringkasan.",
    "Check many reports at once (folders, glob patterns, PDF/DOCX files) in parallel, store the results in a "
    "database (SQLite, or PostgreSQL with --db), check across reports (X rules), and write per-document reports "
    "and a summary."))
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=h("Folder keluaran: reports/, summary.html, summary.xlsx, cross-report.json, lakip.sqlite.",
                     "Output folder: reports/, summary.html, summary.xlsx, cross-report.json, lakip.sqlite."))
@click.option("--db", "db_path", default=None, metavar="PATH|URL",
              help=h("Berkas basis data SQLite (bawaan: OUT/lakip.sqlite), atau URL PostgreSQL "
                     "postgresql://pengguna@host/basisdata.",
                     "SQLite database file (default: OUT/lakip.sqlite), or a PostgreSQL URL "
                     "postgresql://user@host/database."))
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help=h("Jumlah dokumen yang diperiksa bersamaan (bawaan: jumlah inti prosesor).",
                     "Documents checked at the same time (default: the number of CPU cores)."))
@click.option("--timeout", type=click.FloatRange(min=0), default=300.0, show_default=True,
              help=h("Batas waktu per dokumen dalam detik (0: tanpa batas).",
                     "Time limit per document in seconds (0: none)."))
@click.option("--memory", "memory_mb", type=click.IntRange(min=0), default=3072, show_default=True,
              help=h("Batas memori tambahan per dokumen dalam MB (0: tanpa batas).",
                     "Extra memory limit per document in MB (0: none)."))
@click.option("--reports", "report_formats", default="json,html", show_default=True,
              help=h("Format laporan per dokumen, dipisah koma: json, html, md, xlsx.",
                     "Per-document report formats, comma-separated: json, html, md, xlsx."))
@click.option("--select", default=None, help=h("Hanya aturan ini (kode atau awalan, dipisah koma).",
                                                "Only these rules (codes or prefixes, comma-separated)."))
@click.option("--ignore", default=None, help=h("Lewati aturan ini (kode atau awalan, dipisah koma).",
                                                "Skip these rules (codes or prefixes, comma-separated)."))
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help=h("Keluar dengan kode 1 bila ada temuan setingkat ini atau lebih berat, atau dokumen yang gagal.",
                     "Exit with code 1 when a finding of this severity or worse exists, or a document failed."))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help=h("Berkas pengaturan untuk semua laporan.", "Settings file for every report."))
@click.option("--force", is_flag=True, help=h("Periksa ulang semua berkas walaupun tidak berubah.",
                                              "Check every file again even when unchanged."))
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help=h("Tempat dokumen diperiksa: local (proses di mesin ini) atau dask (pekerja dask.distributed).",
                     "Where documents are checked: local (processes on this machine) or dask (dask.distributed "
                     "workers)."))
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help=h("Alamat penjadwal dask (mis. tcp://10.0.0.5:8786); tanpa ini --executor dask memulai klaster "
                     "lokal dengan --jobs pekerja.",
                     "Address of the dask scheduler (e.g. tcp://10.0.0.5:8786); without it --executor dask starts a "
                     "local cluster of --jobs workers."))
@click.option("--progress/--no-progress", "show_progress", default=None,
              help=h("Tampilkan bilah kemajuan di stderr (bawaan: bila stderr adalah terminal).",
                     "Show a progress bar on stderr (default: when stderr is a terminal)."))
@lang_option
def batch(paths: tuple[str, ...], out_dir: Path, db_path: Optional[str], jobs: Optional[int], timeout: float,
          memory_mb: int, report_formats: str, select: Optional[str], ignore: Optional[str], fail_on: Optional[str],
          config_path: Optional[Path], force: bool, executor: str, scheduler: Optional[str],
          show_progress: Optional[bool], lang: Optional[str]) -> None:
    """Check every report of PATHS and write the batch outputs into --out."""
    first_lang = lang or "id"
    try:
        settings = with_cli(load_settings(config_path or find_config(None)), select, ignore, fail_on, lang)
    except ConfigError as exc:
        config_error(exc, first_lang)
    lang = settings.lang
    unknown = [c for c in settings.select + settings.ignore if not registry.matching((c,))]
    if unknown:
        fail_input(t("error.select", lang, codes=", ".join(unknown)))
    if out_dir.exists() and not out_dir.is_dir():
        fail_input(t("error.out_exists", lang, path=out_dir))
    formats = _formats(report_formats, lang)
    if scheduler:
        executor = "dask"
    if executor == "dask":
        from lakip.batch import dask_executor

        if not dask_executor.available():
            fail_input(_t("no_dask", lang))
    inputs = collect(paths)
    if inputs.unmatched:
        click.echo(_t("unmatched", lang, paths=", ".join(inputs.unmatched)), err=True)
    if not inputs.files:
        fail_input(_t("no_files", lang, paths=", ".join(paths)))

    def settings_for(path: Path) -> Settings:
        """A report's settings, found as ``lakip check`` finds them."""
        return with_cli(load_settings(config_path or find_config(path)), select, ignore, fail_on, lang)

    db = as_target(db_path) if db_path else out_dir / "lakip.sqlite"
    opts = BatchOptions(files=inputs.files, out_dir=out_dir, db_path=db, settings=settings, settings_for=settings_for,
                        jobs=jobs or os.cpu_count() or 1, timeout=timeout or None, memory_mb=memory_mb,
                        formats=formats, force=force, executor=executor, scheduler=scheduler)
    bar = _Progress(len(inputs.files), lang, sys.stderr.isatty() if show_progress is None else show_progress)
    try:
        result = run_batch(opts, bar)
    except Exception as exc:
        if type(exc).__name__ not in ("ExecutorError", "BackendError"):
            raise
        bar.close()
        fail_input(exc.message(lang))  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        bar.close()
        click.echo(_t("interrupted", lang, db=display_name(db)), err=True)
        sys.exit(130)
    bar.close()
    _report(result, lang)
    sys.exit(1 if _failing(result, settings.fail_on) else 0)

