"""``lakip serve``: the self-check page in the browser — upload a report, see what to fix."""

from __future__ import annotations

import importlib.util
import socket
import sys
from pathlib import Path
from typing import Optional

import click

from lakip.cli.common import config_error, fail_input, h, lang_option
from lakip.config import ConfigError, find_config, load_settings, with_cli
from lakip.i18n import t

NEEDS = (("starlette", "starlette"), ("uvicorn", "uvicorn"), ("python_multipart", "python-multipart"))
INSTALL = "pip install 'lakip[serve]'"


def missing_packages() -> list[str]:
    """The packages of the ``serve`` extra that are not installed."""
    return [dist for module, dist in NEEDS if importlib.util.find_spec(module) is None]


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free port); OSError when it is taken or not ours."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


@click.command(help=h("Membuka halaman pemeriksaan mandiri di peramban: unggah laporan (PDF/DOCX), lihat apa "
                      "yang perlu diperbaiki, unduh kertas kerja.",
                      "Open the self-check page in the browser: upload a report (PDF/DOCX), see what to fix, "
                      "download the working paper."))
@click.option("--host", default="127.0.0.1", show_default=True,
              help=h("Alamat yang didengarkan (127.0.0.1: hanya komputer ini).",
                     "Address to listen on (127.0.0.1: this computer only)."))
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help=h("Port yang didengarkan (0: port bebas mana saja).", "Port to listen on (0: any free port)."))
@click.option("--max-mb", default=25.0, show_default=True, type=click.FloatRange(min=0.01),
              help=h("Ukuran unggahan terbesar per berkas, dalam MB.", "Largest upload per file, in MB."))
@click.option("--max-pages", default=300, show_default=True, type=click.IntRange(min=1),
              help=h("Jumlah halaman terbanyak per dokumen.", "Most pages per document."))
@click.option("--timeout", default=180.0, show_default=True, type=click.FloatRange(min=1),
              help=h("Batas waktu pemeriksaan per dokumen, dalam detik.", "Time limit per document, in seconds."))
@click.option("--jobs", default=2, show_default=True, type=click.IntRange(min=1),
              help=h("Dokumen yang diperiksa bersamaan (masing-masing dalam prosesnya sendiri).",
                     "Documents checked at the same time (each in its own process)."))
@click.option("--store", "store", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=h("Mode Inspektorat: simpan setiap hasil di basis data SQLite ini (sama dengan lakip batch); "
                     "unggahan membentuk kelompok pemeriksaan.",
                     "Inspectorate mode: keep every result in this SQLite database (as lakip batch does); uploads "
                     "form batches."))
@lang_option
def serve(host: str, port: int, max_mb: float, max_pages: int, timeout: float, jobs: int, store: Optional[Path],
          lang: Optional[str]) -> None:
    """Start the self-check web server and print its address."""
    first_lang = lang or "id"
    missing = missing_packages()
    if missing:
        fail_input(t("serve.missing", first_lang, packages=", ".join(missing), command=INSTALL))
    try:
        base = load_settings(find_config(None))
    except ConfigError as exc:
        config_error(exc, first_lang)
    settings = with_cli(base, None, None, None, lang)
    lang = settings.lang
    if store is not None and store.exists() and not store.is_file():
        fail_input(t("serve.store", lang, path=store))
    try:
        sock = bind(host, port)
    except OSError as exc:
        fail_input(t("serve.bind", lang, host=host, port=port, reason=exc.strerror or exc))
    from lakip.serve.config import ServeConfig

    config = ServeConfig(host=host, port=sock.getsockname()[1], max_mb=max_mb, max_pages=max_pages, timeout=timeout,
                         store=store, lang=lang, jobs=jobs, settings=settings)
    run(config, sock)


def run(config, sock: socket.socket) -> None:
    """Build the app and serve it on the bound socket until interrupted."""
    import uvicorn

    from lakip.serve.app import create_app

    try:
        app = create_app(config)
    except Exception as exc:  # e.g. a store path that cannot be opened as a database
        sock.close()
        fail_input(t("serve.store", config.lang, path=f"{config.store} ({exc})"))
    click.echo(t("serve.address", config.lang, url=config.address()))
    if config.allowed_hosts() is None:
        click.echo(t("serve.open", config.lang), err=True)
    sys.stdout.flush()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # Ctrl+C is how a server is stopped: the checks under way were waited for
    click.echo(t("serve.stopped", config.lang))
