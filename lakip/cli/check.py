"""``lakip check``: check one report and list its findings; exit 1 when any reach --fail-on."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lakip.cli.common import config_error, fail_input, h, lang_option, progress, rule_options
from lakip.values.severity import RANK
from lakip.config import ConfigError, find_config, load_settings, with_cli
from lakip.i18n import t
from lakip.ingest.errors import IngestError
from lakip.pipeline import check_file
from lakip.report import html_report, json_report, markdown_report, text_report, xlsx_report
from lakip.rules import registry

FORMATS = ("text", "json", "html", "md", "xlsx", "kkr")


def _unknown_codes(codes: tuple[str, ...]) -> list[str]:
    """Codes or prefixes in a selection that match no registered rule."""
    return [c for c in codes if not registry.matching((c,))]


@click.command(help=h("Memeriksa satu laporan dan menampilkan temuannya.",
                      "Check one report and list its findings."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help=h("Bentuk laporan: text (terminal), json (kontrak temuan), html, md, xlsx (kertas kerja; perlu --out), "
                     "kkr (kertas kerja reviu, seperti lakip reviu --out).",
                     "Report form: text (terminal), json (the findings contract), html, md, xlsx (working paper; needs --out), "
                     "kkr (reviu working paper, as lakip reviu --out)."))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=h("Tulis laporan ke berkas ini, bukan ke layar.", "Write the report to this file, not the screen."))
@rule_options
@lang_option
def check(file: Path, fmt: str, out_path: Path | None, select: str | None, ignore: str | None,
          fail_on: str | None, config_path: Path | None, lang: str | None) -> None:
    """Check FILE and report its findings."""
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
    if fmt == "xlsx" and out_path is None:
        fail_input(t("error.xlsx_out", lang))
    previous = None
    if fmt == "kkr":
        from lakip.cli import reviu

        if out_path is None or out_path.suffix.lower() != ".xlsx":
            fail_input(t("reviu.kkr_out", lang))
        previous = reviu.previous_paper(out_path, lang)
    try:
        with progress(t("progress.checking", lang, name=file.name)):
            result = check_file(file, settings)
    except IngestError as exc:
        fail_input(exc.message(lang))
    if fmt == "xlsx" and out_path is not None:    # xlsx and kkr have an --out (checked above)
        xlsx_report.write(result, out_path, lang)
        text = None
    elif fmt == "kkr" and out_path is not None:
        reviu.write_paper(result, out_path, lang, previous)
        text = None
    elif fmt == "json":
        text = json_report.render(result, lang)
    elif fmt == "html":
        text = html_report.render(result, lang)
    elif fmt == "md":
        text = markdown_report.render(result, lang)
    else:
        to_screen = out_path is None
        text = text_report.render(result, lang, color=to_screen and text_report.use_color(sys.stdout.isatty()))
    if text is not None and out_path is not None:
        out_path.write_text(text + "\n", encoding="utf-8")
    elif text is not None:
        click.echo(text)
    threshold = RANK[settings.fail_on]
    failing = any(RANK[f.severity] >= threshold for f in result.outcome.findings)
    sys.exit(1 if failing else 0)
