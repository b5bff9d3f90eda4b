"""Run tasks in worker processes: one process per document, at most N at a time, each with a deadline.

A process per document (not a reused pool worker) means a document that
leaks memory, crashes the interpreter or never finishes costs only itself:
it is killed at its deadline or found dead, reported, and the next document
starts in a fresh process. Processes are forked where the platform allows
it, so the parent's imports are shared and a worker starts in milliseconds.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Callable, Iterator, Optional, Sequence

from lakip.batch.worker import (STATUS_CRASHED, STATUS_TIMEOUT, Task, WorkResult, check_task, child_main,
                                failure)

POLL = 0.5
"""Longest wait between deadline checks, in seconds."""


@dataclass(frozen=True)
class Running:
    """A worker process at work on one task."""

    task: Task
    process: Any
    conn: Any
    started: float


def _context() -> Any:
    """Fork where available (fast start, shared imports), else spawn."""
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def _child(task: Task, receiver: Any, sender: Any, work: Callable[[Task], WorkResult]) -> None:
    """A worker process: drop the parent's end of the pipe, then check.

    Without its own copy of the reading end, a worker whose parent died (killed,
    or a dask worker lost) gets a broken pipe when it sends its result and exits,
    instead of blocking forever on a pipe nobody reads.
    """
    receiver.close()
    child_main(task, sender, work)


def _start(ctx: Any, task: Task, work: Callable[[Task], WorkResult]) -> Running:
    """Start one worker process for ``task``."""
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(task, receiver, sender, work), daemon=True)
    process.start()
    sender.close()
    return Running(task, process, receiver, time.monotonic())


def _stop(run: Running) -> None:
    """Kill a worker (if still alive) and release its resources."""
    if run.process.is_alive():
        run.process.kill()
    run.process.join(5)
    run.conn.close()


def _timed_out(run: Running, timeout: float) -> WorkResult:
    """The result of a worker killed at its deadline."""
    return failure(run.task.path, STATUS_TIMEOUT, "timeout",
                   f"Pemeriksaan dihentikan setelah batas waktu {timeout:g} detik per dokumen.",
                   f"Check stopped after the time limit of {timeout:g} seconds per document.", timeout)


def _died(run: Running) -> WorkResult:
    """The result of a worker that ended without sending a result."""
    code = run.process.exitcode
    how_id = f"sinyal {-code}" if code is not None and code < 0 else f"kode keluar {code}"
    how_en = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return failure(run.task.path, STATUS_CRASHED, "crashed",
                   f"Proses pemeriksaan berhenti tanpa hasil ({how_id}); berkas mungkin memicu galat pada pembaca.",
                   f"The checking process ended without a result ({how_en}); the file may crash the reader.",
                   time.monotonic() - run.started)


def _collect(run: Running, timeout: Optional[float]) -> Optional[WorkResult]:
    """The result of a worker if it has one, died, or ran out of time; None while it is still working."""
    if run.conn.poll():
        try:
            result = run.conn.recv()
        except (EOFError, OSError):
            return _died(run)
        return result
    if not run.process.is_alive():
        return _died(run)
    if timeout and time.monotonic() - run.started > timeout:
        return _timed_out(run, timeout)
    return None


def run_tasks(tasks: Sequence[Task], jobs: int, timeout: Optional[float] = None,
              work: Callable[[Task], WorkResult] = check_task) -> Iterator[tuple[Task, WorkResult]]:
    """Run every task in its own process, ``jobs`` at a time; yield (task, result) as each finishes.

    Stopping the iteration (or an interrupt) kills the workers still running.
    """
    ctx = _context()
    pending = deque(tasks)
    running: list[Running] = []
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                running.append(_start(ctx, pending.popleft(), work))
            deadlines = [r.started + timeout - time.monotonic() for r in running] if timeout else []
            wait_for = max(0.0, min([POLL, *deadlines]))
            wait([r.conn for r in running] + [r.process.sentinel for r in running], timeout=wait_for)
            for run in list(running):
                result = _collect(run, timeout)
                if result is not None:
                    running.remove(run)
                    _stop(run)
                    yield run.task, result
    finally:
        for run in running:
            _stop(run)
