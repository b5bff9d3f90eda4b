"""The dask executor: the same batch on a LocalCluster of two workers gives the local executor's results."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from lakip.batch.runner import run_batch
from lakip.batch.worker import Task, WorkResult, check_task
from lakip.cli.main import cli
from lakip.config import Settings
from scale_corpus import corpus_files, local_batch, options, stored

try:
    import distributed  # noqa: F401
    HAVE_DASK = True
except ImportError:
    HAVE_DASK = False
needs_dask = pytest.mark.skipif(not HAVE_DASK, reason="the dask executor needs the [scale] extra")


@needs_dask
def test_dask_local_cluster_gives_the_local_results(request, tmp_path_factory, seed_text, samples_dir, tmp_path):
    """Per-document findings, statuses, cross-report findings and the reports are identical on both executors."""
    local = local_batch(request, tmp_path_factory, seed_text, samples_dir)
    files = corpus_files(request, tmp_path_factory, seed_text, samples_dir)
    dask_run = run_batch(options(files, tmp_path / "dask", jobs=2, timeout=120, executor="dask"))
    assert dask_run.checked == len(files) and dask_run.reused == 0
    want, got = stored(local.summary.db_path), stored(tmp_path / "dask" / "lakip.sqlite")
    assert got == want
    assert len(got["cross"]) >= 5 and all(s[0] == "ok" for s in got["documents"].values())
    for row in dask_run.summary.rows:
        twin = next(r for r in local.summary.rows if r.path == row.path)
        assert Path(row.reports["json"]).read_bytes() == Path(twin.reports["json"]).read_bytes()
    assert (tmp_path / "dask" / "summary.html").is_file() and (tmp_path / "dask" / "cross-report.json").is_file()


def _slow_or_broken(task: Task) -> WorkResult:
    """Sleeps, crashes the process, runs out of memory, or checks normally (by file name)."""
    import os

    name = Path(task.path).name
    if name.startswith("lambat"):
        time.sleep(60)
    if name.startswith("mogok"):
        os._exit(3)
    if name.startswith("rakus"):
        bytearray(4 * 1024 ** 3)
    return check_task(task)


@needs_dask
def test_dask_limits_cost_only_their_document(samples_dir, tmp_path):
    """On dask workers too: a hanging document times out, a crash and a memory hog are reported, the rest is checked."""
    from lakip.batch.dask_executor import run_tasks_dask

    good = samples_dir / "lakip-kecamatan-alok-barat-2024.docx"
    names = ["lambat.docx", "mogok.docx", "rakus.docx", "baik.docx"]
    for n in names:
        (tmp_path / n).write_bytes(good.read_bytes())
    tasks = [Task(str(tmp_path / n), Settings(), str(tmp_path / n) + ".out", ("json",), memory_mb=512) for n in names]
    start = time.perf_counter()
    results = {Path(t.path).name: r for t, r in run_tasks_dask(tasks, 2, 5, _slow_or_broken)}
    assert time.perf_counter() - start < 40
    assert results["lambat.docx"].status == "timeout"
    assert results["mogok.docx"].status == "crashed" and "3" in results["mogok.docx"].error_en
    assert results["rakus.docx"].status == "memory"
    assert results["baik.docx"].status == "ok" and len(results["baik.docx"].findings) == 24


def _kill_worker_once(task: Task) -> WorkResult:
    """Kills the dask worker process running this check the first time (a lost machine), then checks normally."""
    import os
    import signal

    marker = Path(task.report_base + ".killed")
    if not marker.exists():
        marker.write_text("1")
        os.kill(os.getppid(), signal.SIGKILL)
        time.sleep(30)
    return check_task(task)


@needs_dask
def test_a_document_whose_worker_is_lost_is_checked_again(samples_dir, tmp_path):
    """The worker dies under a document: the scheduler runs it again on a fresh worker and it is checked."""
    from lakip.batch.dask_executor import run_tasks_dask

    sample = samples_dir / "lakip-kecamatan-alok-barat-2024.docx"
    tasks = [Task(str(sample), Settings(), str(tmp_path / "a"), ("json",), memory_mb=0)]
    [(task, result)] = list(run_tasks_dask(tasks, 1, 60, _kill_worker_once))
    assert (tmp_path / "a.killed").exists()
    assert result.status == "ok" and len(result.findings) == 24


@needs_dask
def test_cli_dask_unreachable_scheduler_is_one_message(samples_dir, tmp_path):
    """A scheduler that does not answer is a usage error (exit 2) with one message, no traceback."""
    res = CliRunner().invoke(cli, ["batch", str(samples_dir / "lakip-kecamatan-alok-barat-2024.docx"), "--out",
                                   str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9", "--lang", "en"])
    assert res.exit_code == 2, res.output
    assert "could not be reached" in res.output and "Traceback" not in res.output


_WITHOUT = """
import sys
for name in {blocked!r}:
    sys.modules[name] = None          # as if the [scale] extra were not installed
from lakip.cli.main import cli
sys.argv = ["lakip", *sys.argv[1:]]
cli()
"""


@pytest.mark.parametrize("blocked, args", [
    (("dask", "distributed"), ["batch", "{sample}", "--out", "{tmp}/o", "--executor", "dask", "--lang", "en"]),
    (("pyarrow",), ["export", "--out", "{tmp}/ds", "--db", "{tmp}/x.sqlite", "--lang", "en"]),
    (("psycopg",), ["batch", "{sample}", "--out", "{tmp}/o", "--db", "postgresql://u@/db", "--lang", "en"]),
])
def test_without_the_scale_extra_one_message_names_pip(blocked, args, samples_dir, tmp_path):
    """Without dask, pyarrow or psycopg: exit 2 and one message naming pip install 'lakip[scale]'."""
    import subprocess
    import sys

    argv = [a.format(sample=samples_dir / "lakip-kecamatan-alok-barat-2024.docx", tmp=tmp_path) for a in args]
    res = subprocess.run([sys.executable, "-c", _WITHOUT.format(blocked=blocked), *argv], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 2, res.stderr
    assert "pip install 'lakip[scale]'" in res.stderr and "Traceback" not in res.stderr
