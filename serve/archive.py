"""Inspectorate mode: uploads form batches kept in the ``lakip batch`` store, listed per instansi and year.

Each batch is one *run* of the store; each checked upload is one *check* with its
findings and facts, recorded with the store's own methods exactly as ``lakip batch``
records a document, so ``lakip diff --db`` and the cross-report rules see them. The
three reports are written beside the database under the upload's random token.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Optional

from lakip.batch.store import CheckRow, Store
from lakip.rules.base import Finding
from lakip.serve.config import ServeConfig

TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
REPORT_FILES = {"html": "html", "json": "json", "xlsx": "xlsx"}
REPORTS_STORED = ("json", "html", "xlsx")


@dataclass(frozen=True)
class BatchView:
    """One batch as stored: its checked documents, their findings and the cross-report findings."""

    run_id: int
    rows: tuple[CheckRow, ...]
    findings: dict[int, tuple[Finding, ...]]
    cross: tuple[Finding, ...]


class Archive:
    """The store of an inspectorate server, opened for each operation (one writer at a time)."""

    def __init__(self, config: ServeConfig):
        self.config = config
        if config.store is None:    # only an inspectorate server (one with a store) keeps an archive
            raise ValueError("an archive needs the store of the server's settings")
        self.db_path = Path(config.store).resolve()
        self.reports_dir = self.db_path.parent / "lakip-serve-reports"
        self.lock = threading.Lock()
        self.started: dict[int, float] = {}
        self._engine: Optional[str] = None
        self._call(lambda store: None)  # create the database now: a bad path fails at start, not at upload

    def _call(self, fn: Any) -> Any:
        """Run ``fn(store)`` on a freshly opened store, one caller at a time."""
        with self.lock:
            store = Store(self.db_path)
            try:
                return fn(store)
            finally:
                store.close()

    @property
    def engine(self) -> str:
        """The engine id checks are stored under (as ``lakip batch`` computes it)."""
        if self._engine is None:
            from lakip.batch.runner import engine_id

            self._engine = engine_id()
        return self._engine

    def new_batch(self, n_documents: int) -> int:
        """Start a batch (a run of the store); returns its id."""
        from lakip.batch.runner import settings_key

        cfg = self.config
        settings = json.loads(settings_key(cfg.settings))
        run_id = self._call(lambda s: s.begin_run(self.engine, settings, cfg.jobs, cfg.timeout, cfg.memory_mb,
                                                  str(self.reports_dir), n_documents))
        self.started[run_id] = time.time()
        return run_id

    def has_batch(self, run_id: int) -> bool:
        """Whether a batch of this id was started by this server or holds stored documents."""
        return run_id in self.started or bool(self._call(lambda s: s.run_rows(run_id)))

    def record(self, job: Any, upload: Any) -> None:
        """Write one upload's reports beside the store and record its check in its batch."""
        from lakip.rules.corpus import instansi_key
        from lakip.batch.runner import BatchOptions, build_summary, settings_key

        written = []
        if job.reports:
            self.reports_dir.mkdir(parents=True, exist_ok=True)
            for fmt, data in job.reports:
                path = self.reports_dir / f"{job.token}.{REPORT_FILES[fmt]}"
                path.write_bytes(data)
                written.append((fmt, str(path)))
        result = replace(job.result, reports=tuple(written))
        cfg = self.config
        key = settings_key(cfg.settings)
        opts = BatchOptions(files=(), out_dir=self.reports_dir, db_path=self.db_path, settings=cfg.settings,
                            settings_for=lambda _p: cfg.settings, jobs=cfg.jobs, timeout=cfg.timeout,
                            memory_mb=cfg.memory_mb, formats=REPORTS_STORED)
        seconds = time.time() - self.started.get(job.batch, time.time())

        def store_it(store: Store) -> None:
            doc_id = store.document_id(upload.name, upload.sha256, upload.size)
            store.record_check(job.batch, doc_id, self.engine, key, result, instansi_key(result.instansi))
            build_summary(store, job.batch, opts, self.engine, seconds)  # the cross-report rules, again
            store.finish_run(job.batch, "done", seconds)

        self._call(store_it)

    def batch(self, run_id: int) -> BatchView:
        """A batch's stored documents and findings."""
        def load(store: Store) -> BatchView:
            rows = tuple(store.run_rows(run_id))
            return BatchView(run_id, rows, {r.check_id: store.findings_of(r.check_id) for r in rows},
                             store.cross_findings(run_id))
        return self._call(load)

    def by_instansi(self) -> list[tuple[str, list[tuple[Optional[int], list[CheckRow]]]]]:
        """(instansi, [(tahun, checks)]) for every instansi in the store, years newest first."""
        def load(store: Store) -> list:
            out = []
            for key, name in store.instansi_list():
                years: dict[Optional[int], list[CheckRow]] = {}
                for row in store.rows_of_instansi(key):
                    years.setdefault(row.tahun, []).append(row)
                out.append((name, sorted(years.items(), key=lambda p: -(p[0] or 0))))
            return out
        return self._call(load)

    def token_of(self, row: CheckRow) -> Optional[str]:
        """The random token of a stored check's reports, when this server wrote them."""
        path = row.reports.get("html") or row.reports.get("json")
        if not path:
            return None
        p = Path(path)
        return p.stem if p.parent == self.reports_dir and TOKEN.match(p.stem) else None

    def report_file(self, token: str, fmt: str) -> Optional[Path]:
        """A stored report by token, or None (a token of the wrong shape never reaches the file system)."""
        if not TOKEN.match(token) or fmt not in REPORT_FILES:
            return None
        path = self.reports_dir / f"{token}.{REPORT_FILES[fmt]}"
        return path if path.is_file() else None

