"""`lakip serve` on the command line: the address it prints, a clear exit 2 for what stops it from starting."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from lakip.cli import serve as serve_cmd
from lakip.cli.main import cli

pytest.importorskip("uvicorn")

import serve_process  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def test_help_lists_the_options():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--max-mb", "--max-pages", "--timeout", "--store", "--lang"):
        assert option in result.output
    assert "serve" in CliRunner().invoke(cli, ["--help"]).output


def test_without_the_extra_says_which_pip_command(monkeypatch):
    monkeypatch.setattr(serve_cmd, "missing_packages", lambda: ["starlette", "uvicorn"])
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 2
    assert "pip install 'lakip[serve]'" in result.output
    assert "starlette, uvicorn" in result.output
    english = CliRunner().invoke(cli, ["serve", "--lang", "en"])
    assert english.exit_code == 2 and "needs extra packages" in english.output


def test_missing_packages_are_found_by_module():
    assert serve_cmd.missing_packages() == []


def test_port_in_use_is_a_clear_error():
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
        assert result.exit_code == 2
        assert f"127.0.0.1:{port}" in result.output and "--port" in result.output
        assert "Traceback" not in result.output
    finally:
        taken.close()


def test_store_that_is_a_folder(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path)])
    assert result.exit_code == 2
    assert str(tmp_path) in result.output


def test_serves_the_printed_address_and_stops_cleanly(tmp_path):
    served = serve_process.start("--lang", "en", tmpdir=tmp_path)
    try:
        assert served.url.startswith("http://127.0.0.1:")
        status, body = serve_process.get(served.url)
        assert status == 200 and b"Choose the report file" in body
        status, body = serve_process.get(served.url + "static/serve.css")
        assert status == 200
    finally:
        served.stop()
    assert served.process.returncode == 0
    assert "stopped" in "".join(served.output)
