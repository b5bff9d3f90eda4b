"""``lakip diff``: what a resubmitted report resolved, kept and added, matched by rule and subject."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import click

from lakip.batch.diff import Diff, DiffInputError, diff, side_of_file, sides_from_db
from lakip.batch.sqlbackend import as_target
from lakip.cli.common import config_error, fail_input, h, lang_option
from lakip.values.severity import RANK
from lakip.config import ConfigError, find_config, load_settings, with_cli
from lakip.i18n import t

_T = {
    "usage": ("Berikan dua berkas (LAMA BARU), atau --db dengan --instansi.",
              "Give two files (OLD NEW), or --db with --instansi."),
    "old": ("Lama", "Old"), "new": ("Baru", "New"),
    "counts": ("{resolved} selesai · {persisting} tetap · {new} baru",
               "{resolved} resolved · {persisting} persisting · {new} new"),
    "added": ("Temuan baru", "New findings"), "persisting": ("Temuan yang tetap ada", "Persisting findings"),
    "resolved": ("Temuan yang sudah selesai", "Resolved findings"),
    "findings": ("temuan", "findings"),
}


def _t(key: str, lang: str, **values: object) -> str:
    """A diff message in ``lang``."""
    text = _T[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text


def _head(label: str, doc: dict[str, Any], n: int, lang: str) -> str:
    """'Lama: path · instansi · tahun · N temuan'."""
    parts = [doc.get("path") or "-", doc.get("instansi") or "-", str(doc.get("tahun") or "-"),
             f"{n} {_t('findings', lang)}"]
    return f"{label}: " + " · ".join(parts)


def _line(f: dict[str, Any], lang: str) -> str:
    """One finding on one line."""
    pages = sorted({loc.get("page") for loc in f.get("locations", []) if loc.get("page") is not None})
    where = f"{t('loc.page', lang)} {pages[0]} · " if pages else ""
    return f"  {where}{f['rule']} {f['slug']} · {t('severity.' + f['severity'], lang)} · {f.get('message', '')}"


def render_text(d: Diff, lang: str) -> str:
    """The diff for the terminal."""
    out = [_head(_t("old", lang), d.old.document, len(d.old.findings), lang),
           _head(_t("new", lang), d.new.document, len(d.new.findings), lang),
           _t("counts", lang, resolved=len(d.resolved), persisting=len(d.persisting), new=len(d.added))]
    for key, items in (("added", d.added), ("persisting", [b for _, b in d.persisting]), ("resolved", d.resolved)):
        if items:
            out += ["", f"{_t(key, lang)} ({len(items)}):"] + [_line(f, lang) for f in items]
    return "\n".join(out)


@click.command(name="diff", short_help=h(
    "Membandingkan temuan dua versi laporan: selesai, tetap, baru.",
    "Compare the findings of two versions of a report: resolved, persisting, new."), help=h(
    "Membandingkan temuan dua versi laporan (mis. laporan yang diajukan ulang): mana yang selesai, tetap, dan "
    "baru, dicocokkan menurut aturan dan subjek. LAMA/BARU boleh berkas laporan atau hasil --format json.",
    "Compare the findings of two versions of a report (e.g. a resubmitted one): which were resolved, persist, "
    "or are new, matched by rule and subject. OLD/NEW may be report files or --format json output."))
@click.argument("old", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", "db_path", default=None, metavar="PATH|URL",
              help=h("Basis data lakip batch (OUT/lakip.sqlite, atau URL postgresql://…).",
                     "A lakip batch database (OUT/lakip.sqlite, or a postgresql://… URL)."))
@click.option("--instansi", default=None, help=h("Instansi yang dibandingkan (dengan --db).",
                                                  "The instansi to compare (with --db)."))
@click.option("--tahun", type=int, default=None, help=h("Tahun laporan (dengan --db; bawaan: yang terbaru).",
                                                        "Report year (with --db; default: the latest)."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=h("Bentuk keluaran.", "Output form."))
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help=h("Keluar dengan kode 1 bila ada temuan baru setingkat ini atau lebih berat (bawaan: error).",
                     "Exit with code 1 when a new finding of this severity or worse exists (default: error)."))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help=h("Berkas pengaturan untuk memeriksa berkas laporan.", "Settings file for checking report files."))
@lang_option
def diff_cmd(old: Optional[Path], new: Optional[Path], db_path: Optional[str], instansi: Optional[str],
             tahun: Optional[int], fmt: str, fail_on: Optional[str], config_path: Optional[Path],
             lang: Optional[str]) -> None:
    """Compare OLD and NEW (or two versions from the database) and list resolved, persisting and new findings."""
    first_lang = lang or "id"
    try:
        settings = with_cli(load_settings(config_path or find_config(new)), None, None, fail_on, lang)
    except ConfigError as exc:
        config_error(exc, first_lang)
    lang = settings.lang
    from_db = db_path is not None and instansi is not None
    if from_db == (old is not None and new is not None) or (not from_db and (old is None or new is None)):
        fail_input(_t("usage", lang))
    try:
        if db_path is not None and instansi is not None:
            sides = sides_from_db(as_target(db_path), instansi, tahun, lang)
        elif old is not None and new is not None:
            sides = (side_of_file(old, settings), side_of_file(new, settings))
        else:
            fail_input(_t("usage", lang))
    except DiffInputError as exc:
        fail_input(exc.message(lang))
    result = diff(*sides)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result, lang))
    threshold = RANK[settings.fail_on]
    sys.exit(1 if any(RANK[f["severity"]] >= threshold for f in result.added) else 0)

