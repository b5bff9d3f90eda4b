"""Run a batch's documents on dask.distributed workers, with the same limits and results as the local pool.

How a document is limited on a dask worker: each dask task runs
``pool.run_tasks([task], 1, timeout, work)`` — the local executor's own
per-process code — so the document is checked in a forked child process of
the worker, killed at its deadline (``--timeout``) and capped by
``RLIMIT_AS`` (``--memory``), and a document that crashes the reader kills
only that child. This was chosen over dask's own worker memory limits and
task timeouts because those act on the whole worker (every task on it is
lost and the worker restarts, after a delay, at a limit measured for all its
threads) and because the outcome — ``timeout``, ``memory``, ``crashed`` with
the same messages — is then byte for byte the local executor's. A dask worker
process is a daemon by default, and a daemon may not start children; the task
clears the flag on its own process before it forks (the child is always
reaped by ``run_tasks``, so nothing is left behind).

Retries: a task whose worker is lost (the machine goes down, the worker is
killed) is run again by the scheduler on another worker, and a task that
raises (a worker that cannot import lakip, cannot see the file) is retried
``retries`` times; after that the document is recorded as ``crashed`` with
the reason, like any document whose check died. Only the parent writes the
store: results come back to it as they finish.

The workers must see the input files and the output folder at the same paths
as the parent (one machine, or a shared file system on a cluster).
"""

from __future__ import annotations

import logging
import multiprocessing
import traceback
import uuid
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional, Sequence

from lakip.batch.pool import run_tasks
from lakip.batch.warmup import warm_up
from lakip.batch.worker import STATUS_CRASHED, Task, WorkResult, check_task, failure

try:
    import dask
    from distributed import Client, LocalCluster, as_completed
    HAVE_DASK = True
except ImportError:  # pragma: no cover - reported by ``available``
    HAVE_DASK = False

RETRIES = 2
"""How many times a task that raised on a worker is run again before its document is recorded as crashed."""


class ExecutorError(Exception):
    """The dask cluster could not be reached or started."""

    def __init__(self, message_id: str, message_en: str):
        super().__init__(message_en)
        self.message_id, self.message_en = message_id, message_en

    def message(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_id


def available() -> bool:
    """Whether dask.distributed is installed."""
    return HAVE_DASK


def check_on_worker(task: Task, timeout: Optional[float], work: Callable[[Task], WorkResult]) -> WorkResult:
    """Check one document in a child process of this dask worker (warmed once), with its deadline and memory cap."""
    warm_up()
    me = multiprocessing.current_process()
    if me.daemon:
        me.daemon = False
    for _, result in run_tasks([task], 1, timeout, work):
        return result
    raise RuntimeError("no result")  # pragma: no cover - run_tasks yields once per task


def _lost(task: Task, exc: BaseException) -> WorkResult:
    """The result of a task that failed on the cluster after its retries."""
    last = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return failure(task.path, STATUS_CRASHED, "crashed", f"Pemeriksaan gagal pada klaster dask: {last}",
                   f"The check failed on the dask cluster: {last}")


@contextmanager
def client_for(scheduler: Optional[str], jobs: int) -> Iterator[Any]:
    """A dask Client: connected to ``scheduler``, or to a LocalCluster of ``jobs`` single-threaded workers."""
    if scheduler:
        try:
            client = Client(scheduler, set_as_default=False, timeout="15s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(f"Penjadwal dask {scheduler} tidak dapat dihubungi: {exc}",
                                f"The dask scheduler {scheduler} could not be reached: {exc}") from exc
        with client:
            yield client
        return
    with dask.config.set({"distributed.worker.daemon": False, "distributed.logging.distributed": "error"}):
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None, memory_limit=0, silence_logs=logging.CRITICAL)
    try:
        with Client(cluster, set_as_default=False) as client:
            yield client
    finally:
        cluster.close()


def run_tasks_dask(tasks: Sequence[Task], jobs: int, timeout: Optional[float] = None,
                   work: Callable[[Task], WorkResult] = check_task, scheduler: Optional[str] = None,
                   retries: int = RETRIES) -> Iterator[tuple[Task, WorkResult]]:
    """Run every task on dask workers; yield (task, result) as each finishes (like ``pool.run_tasks``).

    Stopping the iteration (or an interrupt) cancels the tasks not yet finished.
    """
    if not tasks:
        return
    with client_for(scheduler, jobs) as client:
        futures = {}
        batch = uuid.uuid4().hex[:12]
        for n, task in enumerate(tasks):
            future = client.submit(check_on_worker, task, timeout, work, key=f"lakip-check-{batch}-{n}", pure=False,
                                   retries=retries)
            futures[future.key] = (future, task)
        done = as_completed([f for f, _ in futures.values()], loop=client.loop)
        try:
            for future in done:
                task = futures[future.key][1]
                try:
                    result = future.result()
                except Exception as exc:  # KilledWorker, or the task raised on every try
                    result = _lost(task, exc)
                future.release()
                yield task, result
        finally:
            client.cancel([f for f, _ in futures.values() if not f.done()])
