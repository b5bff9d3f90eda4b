"""What one worker process does with one report: check it, write its reports, send back a summary.

The worker runs the same pipeline and the same renderers as ``lakip check``,
so a report written here is byte for byte the report ``lakip check FILE
--format json|html|md --out …`` writes. Bad input (``IngestError``) becomes a
failed result with its message; a worker never raises.
"""

from __future__ import annotations

import os
import resource
import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from lakip.rules.corpus import passages_of
from lakip.batch.factsio import pack_facts, pack_passages
from lakip.config import Settings
from lakip.ingest.errors import IngestError
from lakip.pipeline import Result, check_document, read
from lakip.report import html_report, json_report, markdown_report, xlsx_report
from lakip.rules.base import Finding
from lakip.rules.runner import NotRun

REPORT_FORMATS = ("json", "html", "md", "xlsx")
STATUS_OK = "ok"
STATUS_FAILED = "failed"
STATUS_TIMEOUT = "timeout"
STATUS_MEMORY = "memory"
STATUS_CRASHED = "crashed"


@dataclass(frozen=True)
class Task:
    """One report to check: where it is, how to check it, where its reports go."""

    path: str
    settings: Settings
    report_base: str
    """Report files are ``report_base + '.' + format``."""
    formats: tuple[str, ...] = ("json", "html")
    memory_mb: int = 0
    """Extra address space the worker may use beyond what it starts with; 0 means no limit."""


@dataclass(frozen=True)
class WorkResult:
    """What checking one report produced, small enough to send between processes."""

    path: str
    status: str
    error_code: Optional[str] = None
    error_id: Optional[str] = None
    error_en: Optional[str] = None
    sha256: Optional[str] = None
    kind: Optional[str] = None
    pages: Optional[int] = None
    instansi: Optional[str] = None
    tahun: Optional[int] = None
    findings: tuple[Finding, ...] = ()
    rules_run: tuple[str, ...] = ()
    rules_not_run: tuple[NotRun, ...] = ()
    coverage: dict = field(default_factory=dict)
    facts_blob: Optional[bytes] = None
    passages_blob: Optional[bytes] = None
    reports: tuple[tuple[str, str], ...] = ()
    """(format, path) of each report written."""
    seconds: float = 0.0


def failure(path: str, status: str, code: str, message_id: str, message_en: str, seconds: float = 0.0) -> WorkResult:
    """A result for a report that could not be checked."""
    return WorkResult(path=path, status=status, error_code=code, error_id=message_id, error_en=message_en,
                      seconds=seconds)


def write_reports(result: Result, base: str, formats: tuple[str, ...], lang: str) -> tuple[tuple[str, str], ...]:
    """Write the per-document reports exactly as ``lakip check --out`` does; returns (format, path) pairs."""
    written = []
    for fmt in formats:
        path = Path(f"{base}.{fmt}")
        if fmt == "xlsx":
            xlsx_report.write(result, path, lang)
        else:
            render = {"json": json_report.render, "html": html_report.render, "md": markdown_report.render}[fmt]
            path.write_text(render(result, lang) + "\n", encoding="utf-8")
        written.append((fmt, str(path)))
    return tuple(written)


def _coverage(result: Result) -> dict:
    """The coverage numbers the summary shows."""
    tables = result.facts.tables
    return {"tables_found": len(tables), "tables_read": sum(1 for t in tables if t.readable),
            "pages_without_text": list(result.facts.pages_without_text)}


def check_task(task: Task) -> WorkResult:
    """Read, check and report one file; bad input becomes a failed result."""
    start = time.perf_counter()
    try:
        doc = read(task.path)
    except IngestError as exc:
        return failure(task.path, STATUS_FAILED, exc.code, exc.message("id"), exc.message("en"),
                       time.perf_counter() - start)
    result = check_document(doc, task.settings)
    reports = write_reports(result, task.report_base, task.formats, task.settings.lang)
    facts, outcome = result.facts, result.outcome
    return WorkResult(
        path=task.path, status=STATUS_OK, sha256=facts.sha256, kind=facts.kind, pages=facts.pages,
        instansi=facts.doc.instansi, tahun=facts.doc.tahun, findings=outcome.findings,
        rules_run=outcome.rules_run, rules_not_run=outcome.rules_not_run, coverage=_coverage(result),
        facts_blob=pack_facts(facts), passages_blob=pack_passages(passages_of(doc)), reports=reports,
        seconds=time.perf_counter() - start)


def address_space() -> Optional[int]:
    """This process's current virtual memory size in bytes (Linux), or None when unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def limit_memory(extra_mb: int) -> None:
    """Cap this process's address space at its current size plus ``extra_mb`` MiB (no-op when 0)."""
    if extra_mb <= 0:
        return
    base = address_space()
    if base is None:
        return
    cap = base + extra_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def child_main(task: Task, conn, work: Callable[[Task], WorkResult]) -> None:
    """Entry point of a worker process: limit memory, do the work, send the result, exit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start = time.perf_counter()
    try:
        limit_memory(task.memory_mb)
        result = work(task)
    except MemoryError:
        result = failure(task.path, STATUS_MEMORY, "memory",
                         f"Pemeriksaan dihentikan: melebihi batas memori {task.memory_mb} MB per dokumen.",
                         f"Check stopped: exceeded the memory limit of {task.memory_mb} MB per document.",
                         time.perf_counter() - start)
    except Exception as exc:  # a bug must cost one document, never the batch
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        result = failure(task.path, STATUS_CRASHED, "crashed", f"Kesalahan internal saat memeriksa: {last}",
                         f"Internal error while checking: {last}", time.perf_counter() - start)
    try:
        conn.send(result)
    except MemoryError:
        conn.send(failure(task.path, STATUS_MEMORY, "memory", "Hasil pemeriksaan melebihi batas memori.",
                          "The check's result exceeded the memory limit."))
    finally:
        conn.close()
    os._exit(0)
