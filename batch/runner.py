"""One batch run: plan (what is new, what can be reused), check in workers, store, cross-check, summarise."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from lakip import __version__
from lakip.batch import summary as summary_mod
from lakip.batch.cross_shards import run_cross_sharded
from lakip.rules.corpus import instansi_key
from lakip.batch.pool import run_tasks
from lakip.batch.sqlbackend import Target
from lakip.batch.store import CheckRow, Store
from lakip.batch.warmup import warm_up
from lakip.batch.worker import STATUS_FAILED, Task, WorkResult, check_task, failure
from lakip.config import ConfigError, Settings
from lakip.ingest.reader import sha256_of
from lakip.batch import summary_html, summary_xlsx

ProgressFn = Callable[[int, int, str, str], None]
"""Called as (done, total, path, status) after each document."""
_PACKAGES = ("lakip", "lakip.ingest", "lakip.schemas", "lakip.rules", "lakip.report", "lakip.batch")


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch."""

    files: tuple[Path, ...]
    out_dir: Path
    db_path: Target
    """The store: an SQLite file, or a PostgreSQL URL."""
    settings: Settings
    """The batch's own settings: cross-report rule selection, --fail-on, language."""
    settings_for: Callable[[Path], Settings]
    """Each report's settings (its config file beside it, then the command line), as ``lakip check`` finds them."""
    jobs: int = 1
    timeout: Optional[float] = 300.0
    memory_mb: int = 3072
    formats: tuple[str, ...] = ("json", "html")
    force: bool = False
    """Check every file again, even when an earlier check can be reused."""
    engine: Optional[str] = None
    """The engine id checks are stored under (default: ``engine_id()`` of the running code)."""
    executor: str = "local"
    """Where documents are checked: ``local`` (forked processes here) or ``dask`` (dask.distributed workers)."""
    scheduler: Optional[str] = None
    """The dask scheduler's address; None starts a LocalCluster of ``jobs`` workers."""


@dataclass(frozen=True)
class BatchResult:
    """What a batch run produced."""

    summary: summary_mod.BatchSummary
    written: tuple[Path, ...]
    checked: int
    reused: int


def engine_id() -> str:
    """The lakip version plus a digest of its code: a rerun after any code change checks again."""
    import importlib

    digest = hashlib.sha256()
    for name in _PACKAGES:
        folder = Path(importlib.import_module(name).__file__ or "").parent
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".j2") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def settings_key(settings: Settings) -> str:
    """What in the settings changes a document's findings or reports."""
    return json.dumps({"select": settings.select, "ignore": settings.ignore, "direction": settings.direction,
                       "vocab": settings.vocab, "lang": settings.lang}, sort_keys=True)


def fingerprint(path: Path) -> tuple[str, Optional[int]]:
    """(sha256, size) of a regular file; ('', None) for anything the worker must judge (missing, FIFO, ...)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return "", None
        return sha256_of(path), info.st_size
    except OSError:
        return "", None


def report_base(out_dir: Path, path: Path, sha256: str) -> str:
    """Where a document's reports go: reports/<stem>-<digest of path and content>."""
    stem = re.sub(r"[^\w.-]+", "_", path.stem)[:60] or "laporan"
    digest = hashlib.sha256(f"{path}\0{sha256}".encode()).hexdigest()[:10]
    return str(out_dir / "reports" / f"{stem}-{digest}")


def _reusable(row: Optional[CheckRow], base: str, formats: Sequence[str]) -> bool:
    """Whether an earlier check stands: failed for good, or ok with every requested report in place."""
    if row is None:
        return False
    if row.status == STATUS_FAILED:
        return True
    return all(row.reports.get(f) == f"{base}.{f}" and Path(row.reports[f]).is_file() for f in formats)


def _plan(store: Store, run_id: int, opts: BatchOptions, engine: str,
          progress: ProgressFn) -> tuple[list[Task], dict[str, tuple[int, str]], list[tuple[Task, WorkResult]]]:
    """Tasks to run; (document id, settings key) per path; results known without a worker (config errors)."""
    tasks: list[Task] = []
    ids: dict[str, tuple[int, str]] = {}
    early: list[tuple[Task, WorkResult]] = []
    total = len(opts.files)
    for path in opts.files:
        sha, size = fingerprint(path)
        doc_id = store.document_id(str(path), sha, size)
        base = report_base(opts.out_dir, path, sha)
        try:
            settings = opts.settings_for(path)
        except ConfigError as exc:
            task = Task(str(path), opts.settings, base, opts.formats, opts.memory_mb)
            early.append((task, failure(str(path), STATUS_FAILED, "config", f"Berkas konfigurasi {exc.path} tidak"
                                        f" dapat dibaca: {exc.detail}", f"Configuration file {exc.path} could not"
                                        f" be read: {exc.detail}")))
            ids[str(path)] = (doc_id, settings_key(opts.settings))
            continue
        key = settings_key(settings)
        ids[str(path)] = (doc_id, key)
        row = None if opts.force or not sha else store.reusable(doc_id, engine, key)
        if row is not None and _reusable(row, base, opts.formats):
            store.link(run_id, doc_id, row.check_id, reused=True)
            progress(len(ids) - len(tasks) - len(early), total, str(path), "reused")
            continue
        tasks.append(Task(str(path), settings, base, opts.formats, opts.memory_mb))
    return tasks, ids, early


def _store_result(store: Store, run_id: int, engine: str, ids: dict[str, tuple[int, str]], result: WorkResult) -> None:
    """Record one worker result."""
    doc_id, key = ids[result.path]
    store.record_check(run_id, doc_id, engine, key, result, instansi_key(result.instansi))


def build_summary(store: Store, run_id: int, opts: BatchOptions, engine: str,
                  seconds: float) -> summary_mod.BatchSummary:
    """Load a run's rows and findings, run the cross-report rules, and assemble the summary."""
    rows = store.run_rows(run_id)
    outcome = run_cross_sharded(store, rows, opts.settings.selects)
    store.record_cross(run_id, outcome.findings, {r.path: r.document_id for r in rows})
    findings = {r.check_id: store.findings_of(r.check_id) for r in rows}
    return summary_mod.BatchSummary(run_id, opts.out_dir, tuple(rows), findings, outcome, seconds, engine,
                                    opts.db_path)


def write_outputs(s: summary_mod.BatchSummary, lang: str) -> tuple[Path, ...]:
    """Write summary.html, summary.xlsx and cross-report.json into the output folder."""
    html = s.out_dir / "summary.html"
    html.write_text(summary_html.render(s, lang) + "\n", encoding="utf-8")
    xlsx = summary_xlsx.write(s, s.out_dir / "summary.xlsx", lang)
    counts = {sev: sum(1 for f in s.cross.findings if f.severity == sev) for sev in summary_mod.SEVERITIES}
    data = {"documents": [r.path for r in s.rows if r.status == "ok"],
            "findings": [f.to_json(lang) for f in s.cross.findings],
            "coverage": {"rules_run": list(s.cross.rules_run),
                         "rules_not_run": [{"rule": n.rule, "why": n.why(lang)} for n in s.cross.rules_not_run]},
            "summary": counts}
    cross_json = s.out_dir / "cross-report.json"
    cross_json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return html, xlsx, cross_json


def executor_for(opts: BatchOptions) -> Callable[..., Iterator[tuple[Task, WorkResult]]]:
    """The function that runs the tasks: ``pool.run_tasks`` here, or its dask counterpart."""
    if opts.executor == "dask":
        from functools import partial

        from lakip.batch import dask_executor

        return partial(dask_executor.run_tasks_dask, scheduler=opts.scheduler)
    return run_tasks


def run_batch(opts: BatchOptions, progress: ProgressFn = lambda *a: None,
              work: Callable[[Task], WorkResult] = check_task) -> BatchResult:
    """Check every file of the batch (reusing unchanged ones), cross-check, write the summaries."""
    start = time.perf_counter()
    engine = opts.engine or engine_id()
    (opts.out_dir / "reports").mkdir(parents=True, exist_ok=True)
    store = Store(opts.db_path)
    try:
        run_id = store.begin_run(engine, json.loads(settings_key(opts.settings)), opts.jobs, opts.timeout,
                                 opts.memory_mb, str(opts.out_dir), len(opts.files))
        try:
            tasks, ids, early = _plan(store, run_id, opts, engine, progress)
            reused = len(opts.files) - len(tasks) - len(early)
            if tasks and opts.executor == "local":
                warm_up()
            done = reused
            for task, result in itertools.chain(early, executor_for(opts)(tasks, opts.jobs, opts.timeout, work)):
                _store_result(store, run_id, engine, ids, result)
                done += 1
                progress(done, len(opts.files), task.path, result.status)
        except KeyboardInterrupt:
            store.finish_run(run_id, "interrupted", time.perf_counter() - start)
            raise
        except Exception:
            store.finish_run(run_id, "failed", time.perf_counter() - start)
            raise
        s = build_summary(store, run_id, opts, engine, time.perf_counter() - start)
        written = write_outputs(s, opts.settings.lang)
        store.finish_run(run_id, "done", time.perf_counter() - start)
        return BatchResult(s, written, len(tasks) + len(early), reused)
    finally:
        store.close()
