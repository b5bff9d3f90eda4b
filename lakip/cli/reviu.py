"""``lakip reviu``: the reviu working paper (XLSX) and a draft Laporan Hasil Reviu (DOCX) of one report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from lakip.cli.common import config_error, fail_input, h, lang_option, progress, rule_options
from lakip.values.severity import RANK
from lakip.config import ConfigError, find_config, load_settings, with_cli
from lakip.i18n import t


def _suffix(path: Optional[Path], suffix: str, lang: str) -> None:
    """Exit 2 when an output path has another extension."""
    if path is not None and path.suffix.lower() != suffix:
        fail_input(t("reviu.suffix", lang, path=path, suffix=suffix))


def previous_paper(out: Path, lang: str):
    """The existing working paper at ``out`` to merge into (None when there is none); exit 2 when it is not one."""
    from lakip.report import kkr_merge

    if not out.exists():
        return None
    try:
        return kkr_merge.read(out)
    except kkr_merge.NotWorkingPaper:
        fail_input(t("reviu.not_paper", lang, path=out))


def write_paper(result, out: Path, lang: str, previous=None) -> dict[str, int]:
    """Build the reviu matrix of a checked document and write (or merge) the working paper."""
    from lakip.report import kkr_xlsx, reviu_matrix

    return kkr_xlsx.write(reviu_matrix.build(result), out, lang, previous)


def _summary(result, lang: str) -> str:
    """The unsur statuses as lines, for the terminal."""
    from lakip.report import reviu_matrix

    matrix = reviu_matrix.build(result)
    lines = []
    for row in matrix.rows:
        status = reviu_matrix.status_label(row.status, lang) or t("reviu.inspector", lang)
        lines.append(f"{row.number:<5} {row.unsur.text(lang)[:70]:<70}  {status}  ({len(row.findings)})")
    return "\n".join(lines)


@click.command(help=h("Menyusun kertas kerja reviu (XLSX) dan draf Laporan Hasil Reviu (DOCX) dari satu laporan.",
                      "Build the reviu working paper (XLSX) and a draft Laporan Hasil Reviu (DOCX) of one report."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=h("Kertas kerja reviu .xlsx; bila sudah ada, hasil digabung (status dan catatan pemeriksa tetap).",
                     "Reviu working paper .xlsx; if it exists, the results are merged (the inspector's statuses and "
                     "notes are kept)."))
@click.option("--lhr", "lhr_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=h("Draf Laporan Hasil Reviu .docx.", "Draft Laporan Hasil Reviu .docx."))
@rule_options
@lang_option
def reviu(file: Path, out_path: Optional[Path], lhr_path: Optional[Path], select: Optional[str],
          ignore: Optional[str], fail_on: Optional[str], config_path: Optional[Path], lang: Optional[str]) -> None:
    """Check FILE and write its reviu working paper and/or draft LHR."""
    from lakip.cli.check import _unknown_codes
    from lakip.ingest.errors import IngestError
    from lakip.pipeline import check_file

    first_lang = lang or "id"
    try:
        base = load_settings(config_path or find_config(file))
    except ConfigError as exc:
        config_error(exc, first_lang)
    settings = with_cli(base, select, ignore, fail_on, lang)
    lang = settings.lang
    unknown = _unknown_codes(settings.select + settings.ignore)
    if unknown:
        fail_input(t("error.select", lang, codes=", ".join(unknown)))
    _suffix(out_path, ".xlsx", lang)
    _suffix(lhr_path, ".docx", lang)
    for target in (out_path, lhr_path):
        if target is not None and not target.parent.is_dir():
            fail_input(t("reviu.no_folder", lang, path=target.parent))
    previous = previous_paper(out_path, lang) if out_path is not None else None
    if lhr_path is not None:
        from lakip.report import lhr_docx

        if lhr_path.exists() and not lhr_docx.is_untouched_draft(lhr_path):
            fail_input(t("reviu.lhr_exists", lang, path=lhr_path))
    try:
        with progress(t("progress.checking", lang, name=file.name)):
            result = check_file(file, settings)
    except IngestError as exc:
        fail_input(exc.message(lang))
    try:
        if out_path is not None:
            counts = write_paper(result, out_path, lang, previous)
            message = "reviu.merged" if previous is not None else "reviu.written"
            click.echo(t(message, lang, path=out_path, **counts), err=True)
        if lhr_path is not None:
            from lakip.report import lhr_docx, reviu_matrix

            lhr_docx.write(reviu_matrix.build(result), lhr_path, lang)
            click.echo(t("reviu.lhr_written", lang, path=lhr_path), err=True)
    except OSError as exc:
        fail_input(t("reviu.write_error", lang, path=exc.filename or out_path or lhr_path, detail=exc.strerror or exc))
    if out_path is None and lhr_path is None:
        click.echo(_summary(result, lang))
    threshold = RANK[settings.fail_on]
    sys.exit(1 if any(RANK[f.severity] >= threshold for f in result.outcome.findings) else 0)
