"""Benchmark `lakip batch`: throughput with 1 and 2 jobs, and the cost of rerunning an unchanged batch.

The corpus: generated variants of the seed (tests/test_batch.py ``corpus_texts``: distinct kecamatan, years
and values, two kecamatan with two consecutive years, planted cross-report errors) as DOCX, the bundled
sample PDF, the real reports in ../shared/real/, and poisoned files (not a PDF, encrypted, truncated).
Each configuration runs in a fresh output folder; the rerun repeats the 2-job batch on its own database.
The run also checks that every poisoned file is reported and every planted cross-report error is found.

Usage: python benchmarks/bench_batch.py [--variants N] [--work DIR] [--jobs 1,2] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path[:0] = [str(REPO / "tests"), str(REPO / "samples")]

from lakip.batch.inputs import collect  # noqa: E402
from lakip.batch.runner import BatchOptions, BatchResult, engine_id, run_batch  # noqa: E402
from lakip.config import Settings  # noqa: E402
from test_batch import Plant, build_corpus, names_plant, poison  # noqa: E402


def corpus(work: Path, n_clean: int) -> tuple[list[Path], list[Plant], dict[str, str]]:
    """Build (or reuse) the benchmark's inputs; returns the files, the planted errors and the poisoned files."""
    seed_text = (SHARED / "seed" / "lakip-kecamatan-alok-barat-2024.txt").read_text(encoding="utf-8")
    docx = work / "in" / "docx"
    stamp = docx / f".built-{n_clean}"
    if not stamp.exists():
        shutil.rmtree(docx, ignore_errors=True)
        plants = build_corpus(seed_text, docx, n_clean)
        stamp.write_text(json.dumps([p.__dict__ for p in plants]), encoding="utf-8")
    plants = [Plant(p["rule"], p["subject"], tuple(p["files"])) for p in json.loads(stamp.read_text("utf-8"))]
    bad = poison(work / "in" / "rusak", REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf")
    files = collect([str(docx), str(REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"),
                     str(SHARED / "real"), str(work / "in" / "rusak")]).files
    return list(files), plants, bad


def run(files: list[Path], out: Path, jobs: int, engine: str,
        fresh: bool = True) -> tuple[BatchResult, float, float]:
    """One batch run; returns its result, wall-clock seconds and CPU seconds (parent and workers)."""
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
    settings = Settings()
    opts = BatchOptions(files=tuple(files), out_dir=out, db_path=out / "lakip.sqlite", settings=settings,
                        settings_for=lambda p: settings, jobs=jobs, timeout=300, engine=engine)
    start, cpu = time.perf_counter(), _cpu()
    result = run_batch(opts)
    return result, time.perf_counter() - start, _cpu() - cpu


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def verify(result: BatchResult, plants: list[Plant], bad: dict[str, str]) -> list[str]:
    """Problems: a poisoned file not reported, a planted error not found, an unexpected cross finding."""
    rows = {Path(r.path).name: r for r in result.summary.rows}
    problems = [f"poisoned {n} not reported as {c}" for n, c in bad.items()
                if rows[n].status != "failed" or rows[n].error_code != c]
    found = result.summary.cross.findings
    for plant in plants:
        if not any(f.rule == plant.rule and names_plant(f, plant) for f in found):
            problems.append(f"planted {plant.rule} ({plant.subject}) not found")
    extra = [f for f in found if not any(f.rule == p.rule and names_plant(f, p) for p in plants)]
    problems += [f"unexpected {f.rule}: {f.message_en}" for f in extra]
    return problems


def main() -> int:
    """Print throughput per configuration and the rerun's share of the first run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=13, help="clean variants beyond the 7 carrying plants")
    parser.add_argument("--work", type=Path, default=Path("/tmp/lakip-bench-batch"))
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    files, plants, bad = corpus(args.work, args.variants)
    engine = engine_id()
    rows, problems = [], []
    print(f"{len(files)} files ({len(bad)} poisoned), {len(plants)} planted cross-report errors; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'run':<12} {'docs':>5} {'checked':>7} {'pages':>6} {'seconds':>8} {'cpu s':>7} {'reports/min':>11} "
          f"{'pages/s':>8}")
    last = None
    for jobs in (int(j) for j in args.jobs.split(",")):
        result, seconds, cpu = run(files, args.work / f"out-j{jobs}", jobs, engine)
        problems += verify(result, plants, bad)
        last = (jobs, seconds)
        rows.append({"run": f"{jobs} job(s)", "seconds": seconds, "cpu": cpu, "result": result})
    jobs, first = last
    again, seconds, cpu = run(files, args.work / f"out-j{jobs}", jobs, engine, fresh=False)
    rows.append({"run": f"rerun ({jobs})", "seconds": seconds, "cpu": cpu, "result": again})
    report = []
    for r in rows:
        s = r["result"].summary
        ok = sum(1 for x in s.rows if x.status == "ok")
        line = {"run": r["run"], "documents": len(s.rows), "checked": r["result"].checked, "pages": s.pages(),
                "seconds": round(r["seconds"], 2), "cpu_seconds": round(r["cpu"], 2),
                "reports_per_minute": round(ok / r["seconds"] * 60, 1), "pages_per_second": round(s.pages() / r["seconds"], 2)}
        report.append(line)
        print(f"{line['run']:<12} {line['documents']:>5} {line['checked']:>7} {line['pages']:>6} "
              f"{line['seconds']:>8.2f} {line['cpu_seconds']:>7.1f} {line['reports_per_minute']:>11.1f} "
              f"{line['pages_per_second']:>8.2f}")
    print(f"rerun / first run ({jobs} jobs): {seconds / first:.1%}")
    print("problems: " + ("; ".join(problems) if problems else "none"))
    if args.json:
        args.json.write_text(json.dumps({"runs": report, "rerun_fraction": seconds / first, "problems": problems},
                                        indent=2), encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
