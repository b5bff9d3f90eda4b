"""A real `lakip serve` in a subprocess on a free port, for the load and browser tests and the benchmark."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

_ADDRESS = re.compile(r"(http://[^\s]+/)")


@dataclass
class Served:
    """A running server: its process and address."""

    process: subprocess.Popen
    url: str
    output: list

    def stop(self) -> None:
        """Stop the server (Ctrl+C, then kill) and wait for it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def start(*args: str, tmpdir: Optional[Path] = None, wait: float = 60.0) -> Served:
    """Start `lakip serve --port 0 ARGS` and return once it printed its address."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    cmd = [sys.executable, "-c", "from lakip.cli.main import cli; cli()", "serve", "--port", "0", *args]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                               stdin=subprocess.DEVNULL)
    output: list = []
    found: list = []

    def read() -> None:
        for line in process.stdout:
            output.append(line)
            match = _ADDRESS.search(line)
            if match and not found:
                found.append(match.group(1))

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + wait
    while not found:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("lakip serve did not start: " + "".join(output))
        time.sleep(0.05)
    return Served(process, found[0], output)


def post_file(url: str, name: str, data: bytes, media: str = "application/pdf",
              fields: Optional[dict] = None) -> tuple[int, str, str]:
    """POST one file as multipart/form-data without following redirects: (status, location, body)."""
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in (fields or {}).items():
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{key}\"\r\n\r\n{value}\r\n".encode())
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{name}\"\r\n"
                 f"Content-Type: {media}\r\n\r\n".encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(url + "periksa", data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:
            return response.status, response.headers.get("Location", ""), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", ""), exc.read().decode()


def get(url: str) -> tuple[int, bytes]:
    """GET a URL: (status, body)."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def state(url: str, location: str) -> str:
    """The state of one upload's check."""
    status, body = get(url.rstrip("/") + location + "/status")
    return json.loads(body).get("state", "unknown")


def status(url: str, location: str) -> dict:
    """One upload's status: state, and when its check started and finished (server clock)."""
    code, body = get(url.rstrip("/") + location + "/status")
    return json.loads(body)


def most_at_once(intervals: list[tuple[float, float]]) -> int:
    """The largest number of (start, end) intervals that overlap at one moment."""
    events = sorted([(a, 1) for a, _ in intervals] + [(b, -1) for _, b in intervals], key=lambda e: (e[0], e[1]))
    now = best = 0
    for _, step in events:
        now += step
        best = max(best, now)
    return best
