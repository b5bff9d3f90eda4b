"""Benchmark national-scale batches: reports/minute on 1 and 2 workers (local and dask), where the time goes,
and a projection to a 32-core machine and a 10-node cluster.

The corpus: generated kecamatan reports (tests/test_batch.py ``build_corpus``, DOCX) plus the bundled
sample PDF (``--real`` adds the real reports of ../shared/real/). Each configuration runs the whole batch
in a fresh output folder: the local executor and the dask executor (a LocalCluster started by the run,
its start-up included) with 1 and 2 workers. The stages are measured separately: read, understand (facts)
and check (rules) and the per-document reports, serially in this process for every document; store (the
parent's writes) and cross (the sharded cross-report rules) inside the 1-worker local run.

Projection (its assumptions, stated in the output): checking is CPU-bound and each document independent, so
a dedicated core checks ``60 / seconds-per-document`` reports a minute at a parallel efficiency of 0.9
(``--efficiency``; the efficiency measured here from 1 to 2 workers is printed too, but on a shared 2-core
machine it measures the neighbours' load); the parent's store writes are serial and cap the rate; the
dask executor adds its measured per-document overhead and its cluster start-up; the cross-report rules run
after the checks, in the parent, taken as linear in the number of reports (their shards are; X801's
comparison of people is quadratic and small); a cluster node has 32 cores; input files and the output
folder are on shared storage fast enough not to be the bottleneck; 10,000 reports make a national batch.

Usage: python benchmarks/bench_scale.py [--variants N] [--work DIR] [--real] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path[:0] = [str(REPO / "tests"), str(REPO / "samples")]

from lakip.batch import runner  # noqa: E402
from lakip.batch.inputs import collect  # noqa: E402
from lakip.batch.runner import BatchOptions, engine_id, run_batch  # noqa: E402
from lakip.batch.store import Store  # noqa: E402
from lakip.batch.worker import write_reports  # noqa: E402
from lakip.config import Settings  # noqa: E402
from lakip.pipeline import read, understand  # noqa: E402
from lakip.rules.runner import run_rules  # noqa: E402
from test_batch import build_corpus  # noqa: E402

CORES_BOX = 32
NODES = 10
NATIONAL = 10_000
"""Reports of a national batch for the projection (7,000+ kecamatan and the kabupaten/kota OPDs of a province)."""


def corpus(work: Path, n_clean: int, real: bool) -> list[Path]:
    """Build (or reuse) the generated reports; returns every input file."""
    seed_text = (SHARED / "seed" / "lakip-kecamatan-alok-barat-2024.txt").read_text(encoding="utf-8")
    docx = work / "in" / "docx"
    stamp = docx / f".built-{n_clean}"
    if not stamp.exists():
        shutil.rmtree(docx, ignore_errors=True)
        build_corpus(seed_text, docx, n_clean)
        stamp.write_text("ok", encoding="utf-8")
    paths = [str(docx), str(REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf")]
    if real:
        paths.append(str(SHARED / "real"))
    return list(collect(paths).files)


def stages(files: list[Path]) -> dict[str, float]:
    """Seconds per stage summed over the documents, each checked serially in this process."""
    out = {"read": 0.0, "understand": 0.0, "check": 0.0, "reports": 0.0}
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        for n, path in enumerate(files):
            t0 = time.perf_counter()
            doc = read(path)
            t1 = time.perf_counter()
            facts = understand(doc)
            t2 = time.perf_counter()
            outcome = run_rules(facts, settings.selects)
            t3 = time.perf_counter()
            from lakip.pipeline import Result

            write_reports(Result(document=doc, facts=facts, outcome=outcome), f"{tmp}/r{n}", ("json", "html"), "id")
            t4 = time.perf_counter()
            for key, a, b in (("read", t0, t1), ("understand", t1, t2), ("check", t2, t3), ("reports", t3, t4)):
                out[key] += b - a
    return out


class Timed:
    """Wraps a function and adds up the seconds spent in it."""

    def __init__(self, fn):
        self.fn, self.seconds = fn, 0.0

    def __call__(self, *args, **kw):
        start = time.perf_counter()
        try:
            return self.fn(*args, **kw)
        finally:
            self.seconds += time.perf_counter() - start


def batch(files: list[Path], out: Path, jobs: int, executor: str, engine: str) -> dict[str, float]:
    """One fresh batch run; its wall-clock seconds, reports/minute and the parent's store and cross seconds."""
    shutil.rmtree(out, ignore_errors=True)
    settings = Settings()
    record, cross = Timed(Store.record_check), Timed(runner.run_cross_sharded)
    Store.record_check, runner.run_cross_sharded = (lambda self, *a, **k: record(self, *a, **k)), cross
    try:
        opts = BatchOptions(files=tuple(files), out_dir=out, db_path=out / "lakip.sqlite", settings=settings,
                            settings_for=lambda p: settings, jobs=jobs, timeout=300, engine=engine, executor=executor)
        start = time.perf_counter()
        result = run_batch(opts)
        seconds = time.perf_counter() - start
    finally:
        Store.record_check, runner.run_cross_sharded = record.fn, cross.fn
    assert result.checked == len(files), result.checked
    return {"seconds": round(seconds, 2), "reports_per_minute": round(60 * len(files) / seconds, 1),
            "store_seconds": round(record.seconds, 3), "cross_seconds": round(cross.seconds, 3),
            "cross_findings": len(result.summary.cross.findings)}


def cluster_start(jobs: int) -> float:
    """Seconds to start (and stop) a dask LocalCluster of ``jobs`` workers, part of every dask run."""
    from lakip.batch.dask_executor import client_for

    start = time.perf_counter()
    with client_for(None, jobs) as client:
        client.wait_for_workers(jobs)
    return time.perf_counter() - start


def projection(n: int, runs: dict[str, dict], stage: dict[str, float], efficiency: float) -> dict[str, object]:
    """Reports/minute and hours for NATIONAL reports projected to one 32-core machine and a 10-node cluster."""
    per_doc = sum(stage.values()) / n
    store = runs["local-1"]["store_seconds"] / n
    cross = runs["local-1"]["cross_seconds"] / n
    startup = runs["dask-1"]["cluster_start_seconds"]
    dask_overhead = max(0.0, (runs["dask-1"]["seconds"] - startup - runs["local-1"]["seconds"]) / n)

    def rate(cores: int, overhead: float) -> float:
        """Reports a minute checked by ``cores`` workers, capped by the parent's store writes."""
        return min(cores * efficiency * 60 / (per_doc + overhead), 60 / store)

    def hours(cores: int, overhead: float) -> float:
        """Hours for NATIONAL reports: the checking phase, then the cross-report rules (linear in reports)."""
        return round(NATIONAL / rate(cores, overhead) / 60 + NATIONAL * cross / 3600, 1)

    return {"seconds_per_document": round(per_doc, 3), "assumed_efficiency": efficiency,
            "store_seconds_per_document": round(store, 4), "cross_seconds_per_document": round(cross, 4),
            "dask_overhead_seconds_per_document": round(dask_overhead, 3), "dask_cluster_start_seconds": startup,
            "box_32_cores_reports_per_minute": round(rate(CORES_BOX, 0.0)),
            "cluster_10x32_reports_per_minute": round(rate(CORES_BOX * NODES, dask_overhead)),
            "parent_store_cap_reports_per_minute": round(60 / store),
            f"box_32_cores_hours_for_{NATIONAL}": hours(CORES_BOX, 0.0),
            f"cluster_10x32_hours_for_{NATIONAL}": hours(CORES_BOX * NODES, dask_overhead)}


def main() -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variants", type=int, default=13, help="clean generated reports besides the 9 planted ones")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "lakip-bench-scale")
    ap.add_argument("--real", action="store_true", help="add the real reports of ../shared/real/")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument("--efficiency", type=float, default=0.9,
                    help="parallel efficiency assumed for the projection on dedicated cores")
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    files = corpus(args.work, args.variants, args.real)
    engine = engine_id()
    stage = stages(files)
    runs = {}
    for executor in ("local", "dask"):
        for jobs in (1, 2):
            runs[f"{executor}-{jobs}"] = batch(files, args.work / f"out-{executor}-{jobs}", jobs, executor, engine)
            if executor == "dask":
                runs[f"{executor}-{jobs}"]["cluster_start_seconds"] = round(cluster_start(jobs), 2)
            print(f"{executor} {jobs}: {runs[f'{executor}-{jobs}']}", file=sys.stderr)
    stage_total = sum(stage.values())
    where = {k: round(v / len(files), 3) for k, v in stage.items()}
    where["store"] = round(runs["local-1"]["store_seconds"] / len(files), 4)
    where["cross"] = round(runs["local-1"]["cross_seconds"] / len(files), 4)
    data = {"documents": len(files), "cores": os.cpu_count(),
            "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)], "runs": runs,
            "seconds_per_document": where,
            "share": {k: round(v / stage_total, 3) for k, v in stage.items()},
            "measured_efficiency_1_to_2": round(runs["local-2"]["reports_per_minute"]
                                                / (2 * runs["local-1"]["reports_per_minute"]), 2),
            "projection": projection(len(files), runs, stage, args.efficiency),
            "median_cross_findings": statistics.median(r["cross_findings"] for r in runs.values())}
    print(json.dumps(data, indent=2))
    if args.json:
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0 if len({r["cross_findings"] for r in runs.values()}) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
