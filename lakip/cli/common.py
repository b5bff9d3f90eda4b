"""What every command shares: the help language, the --lang option, input errors."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Callable, ContextManager, NoReturn

import click

from lakip.config import ConfigError
from lakip.i18n import t


def help_lang(argv: list[str] | None = None) -> str:
    """The language of the help texts: --lang on the command line, else LAKIP_LANG, else 'id'."""
    args = sys.argv if argv is None else argv
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "id"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "id"
    return "en" if os.environ.get("LAKIP_LANG") == "en" else "id"


def h(id_text: str, en_text: str) -> str:
    """A help text in the help language."""
    return en_text if help_lang() == "en" else id_text


def lang_option(fn: Callable) -> Callable:
    """The --lang option."""
    return click.option("--lang", type=click.Choice(["id", "en"]), default=None,
                        envvar="LAKIP_LANG", show_envvar=True,
                        help=h("Bahasa keluaran: id (Bahasa Indonesia, bawaan) atau en (English).",
                               "Output language: id (Bahasa Indonesia, default) or en (English)."))(fn)


def rule_options(fn: Callable) -> Callable:
    """The options every single-report command shares: --select, --ignore, --fail-on, --config."""
    options = (
        click.option("--select", default=None,
                     help=h("Hanya aturan ini: kode atau awalan keluarga, dipisah koma (T,B401).",
                            "Only these rules: codes or family prefixes, comma-separated (T,B401).")),
        click.option("--ignore", default=None,
                     help=h("Lewati aturan ini: kode atau awalan keluarga, dipisah koma (F202).",
                            "Skip these rules: codes or family prefixes, comma-separated (F202).")),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
                     help=h("Keluar dengan kode 1 bila ada temuan setingkat ini atau lebih berat (bawaan: error).",
                            "Exit with code 1 when a finding of this severity or worse exists (default: error).")),
        click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                     default=None,
                     help=h("Berkas pengaturan (lakip.toml atau pyproject.toml dengan [tool.lakip]).",
                            "Settings file (lakip.toml or pyproject.toml with [tool.lakip]).")),
    )
    for option in reversed(options):
        fn = option(fn)
    return fn


def fail_input(message: str) -> NoReturn:
    """Print one clear message on stderr and exit with code 2 (usage or input error)."""
    click.echo(message, err=True)
    sys.exit(2)


def config_error(exc: ConfigError, lang: str) -> NoReturn:
    """Exit 2 for a configuration file that cannot be used."""
    fail_input(t("error.config", lang, path=exc.path, detail=exc.detail))


def progress(message: str) -> ContextManager[object]:
    """A spinner on stderr while a document is read and checked; nothing when stderr is not a terminal."""
    if not sys.stderr.isatty() or os.environ.get("NO_COLOR") is not None and os.environ.get("TERM") == "dumb":
        return contextlib.nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(message)
