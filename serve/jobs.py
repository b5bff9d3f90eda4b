"""Uploads being checked and their results: each checked in its own process with a time limit.

An upload is saved under a generated name in a private temporary folder, checked
by ``lakip.batch`` workers (one process per document, the same pipeline and reports
as ``lakip check``), and the folder is deleted as soon as the check ends. The
reports are then held in memory under a random token for ``keep_minutes`` — or,
in inspectorate mode, written to the store (``serve/archive.py``).
"""

from __future__ import annotations

import functools
import html
import json
import logging
import secrets
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from lakip.batch.pool import run_tasks
from lakip.batch.worker import STATUS_OK, Task, WorkResult, failure
from lakip.rules.base import Finding
from lakip.serve.config import ServeConfig
from lakip.serve.work import check_upload

if TYPE_CHECKING:
    from lakip.serve.archive import Archive

log = logging.getLogger("lakip.serve")
REPORTS = ("json", "html", "xlsx")
MAX_KEPT = 500
"""Most results held in memory; the oldest finished ones go first."""


def new_token() -> str:
    """A random, unguessable id (192 bits)."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Upload:
    """A saved upload: where it is (generated name), its name as the user gave it, its digest and size."""

    path: Path
    folder: Path
    """The private temporary folder holding it, deleted after the check."""
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Job:
    """One upload's check: waiting, running, done or failed, and what it produced."""

    token: str
    name: str
    created: float
    state: str = "waiting"
    batch: Optional[int] = None
    started: Optional[float] = None
    finished: Optional[float] = None
    result: Optional[WorkResult] = None
    reports: tuple[tuple[str, bytes], ...] = ()

    @property
    def ended(self) -> bool:
        """Whether the check is over (done or failed)."""
        return self.state in ("done", "failed")

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings (none while running or after a failure)."""
        return self.result.findings if self.result else ()

    def report(self, fmt: str) -> Optional[bytes]:
        """One report's bytes, if made."""
        return dict(self.reports).get(fmt)

    def error(self, lang: str) -> str:
        """Why the document could not be checked, in ``lang``."""
        if not self.result:
            return ""
        return (self.result.error_en if lang == "en" else self.result.error_id) or ""


def _shown(text: Optional[str], upload: Upload) -> Optional[str]:
    """A message with the generated file name replaced by the name the user knows."""
    return text.replace(str(upload.path), upload.name).replace(upload.path.name, upload.name) if text else text


def _reports(result: WorkResult, upload: Upload) -> tuple[tuple[str, bytes], ...]:
    """The written reports, read into memory, naming the document as the user named it."""
    out = []
    for fmt, path in result.reports:
        data = Path(path).read_bytes()
        if fmt == "json":
            doc = json.loads(data)
            doc["document"]["path"] = upload.name
            data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        elif fmt == "html":
            data = data.replace(html.escape(str(upload.path)).encode(), html.escape(upload.name).encode())
        out.append((fmt, data))
    return tuple(out)


class Board:
    """Every upload of this server's life (until expiry) and the pool that checks them."""

    def __init__(self, config: ServeConfig, archive: Optional[Archive] = None):
        self.config = config
        self.archive = archive
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(max_workers=max(1, config.jobs), thread_name_prefix="lakip-check")

    def waiting(self) -> int:
        """Uploads not yet finished."""
        with self.lock:
            return sum(1 for j in self.jobs.values() if not j.ended)

    def get(self, token: str) -> Optional[Job]:
        """A job by its token (None when unknown or expired)."""
        self.expire()
        with self.lock:
            return self.jobs.get(token)

    def of_batch(self, batch: int) -> list[Job]:
        """The jobs of one batch, oldest first."""
        with self.lock:
            return sorted((j for j in self.jobs.values() if j.batch == batch), key=lambda j: j.created)

    def submit(self, upload: Upload, batch: Optional[int] = None) -> str:
        """Queue an upload for checking; returns its token."""
        self.expire()
        job = Job(token=new_token(), name=upload.name, created=time.time(), batch=batch)
        with self.lock:
            self.jobs[job.token] = job
        self.pool.submit(self._run, job.token, upload)
        return job.token

    def _set(self, token: str, **changes: Any) -> Job:
        """Replace a job with a changed copy."""
        with self.lock:
            job = replace(self.jobs[token], **changes)
            self.jobs[token] = job
            return job

    def _run(self, token: str, upload: Upload) -> None:
        """Check one upload (in a pool thread), then keep or store its reports and delete the upload."""
        self._set(token, state="running", started=time.time())
        try:
            result = self._check(upload)
            reports = _reports(result, upload) if result.status == STATUS_OK else ()
        except Exception as exc:  # a bug must cost one upload, never the server
            log.exception("checking %s failed", token)
            result = failure(str(upload.path), "crashed", "crashed", f"Kesalahan internal: {exc}",
                             f"Internal error: {exc}")
            reports = ()
        finally:
            shutil.rmtree(upload.folder, ignore_errors=True)
        result = replace(result, path=upload.name, error_id=_shown(result.error_id, upload),
                         error_en=_shown(result.error_en, upload))
        job = self._set(token, result=result, reports=reports)
        if self.archive is not None and job.batch is not None:
            try:
                self.archive.record(job, upload)
            except Exception:
                log.exception("storing %s failed", token)
        self._set(token, state="done" if result.status == STATUS_OK else "failed", finished=time.time())

    def _check(self, upload: Upload) -> WorkResult:
        """Run the check in a worker process with the time and memory limits."""
        cfg = self.config
        task = Task(str(upload.path), cfg.settings, str(upload.folder / "laporan"), REPORTS, cfg.memory_mb)
        work = functools.partial(check_upload, max_pages=cfg.max_pages)
        for _, result in run_tasks([task], 1, cfg.timeout, work):
            return result
        raise RuntimeError("the checking process gave no result")

    def expire(self) -> None:
        """Forget results older than ``keep_minutes`` (and the oldest beyond ``MAX_KEPT``)."""
        limit = time.time() - self.config.keep_minutes * 60
        with self.lock:
            ended = sorted((j for j in self.jobs.values() if j.ended), key=lambda j: j.finished or 0)
            old = [j.token for j in ended if (j.finished or 0) < limit]
            old += [j.token for j in ended[:max(0, len(self.jobs) - MAX_KEPT)]]
            for token in old:
                self.jobs.pop(token, None)

    def close(self) -> None:
        """Stop taking work; wait for the checks under way."""
        self.pool.shutdown(wait=True, cancel_futures=True)
