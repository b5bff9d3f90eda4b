"""Benchmark `lakip serve` under load: N uploads at once on localhost; every result kept, the limits held.

A real server is started (``lakip serve --port 0``) with its uploads in a private temporary
folder. N uploads are sent at the same time (the sample PDF and DOCX in turn, plus two files
that are not reports); the run waits for every check, then verifies that each upload has its
own result with the findings ``lakip check`` gives, its XLSX and JSON, that no more checks ran
at once than ``--jobs``, that no check took longer than ``--timeout``, and that nothing was
left in the temporary folder. It prints the latencies and exits 1 when anything fails.

Usage: python benchmarks/bench_serve.py [--uploads 20] [--jobs 2] [--timeout 180] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests")]

import serve_process  # noqa: E402
from lakip.config import Settings  # noqa: E402
from lakip.pipeline import check_file  # noqa: E402

SAMPLES = {"pdf": REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf",
           "docx": REPO / "samples" / "lakip-kecamatan-alok-barat-2024.docx"}
MEDIA = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "png": "application/pdf"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 512


def plan(n: int) -> list[str]:
    """The kinds of the uploads: PDF and DOCX in turn, two of them not reports."""
    kinds = ["pdf" if i % 2 == 0 else "docx" for i in range(n)]
    for i in (3, n - 2):
        if 0 <= i < n:
            kinds[i] = "png"
    return kinds


def main() -> int:
    """Run the benchmark; 0 when every check held, 1 otherwise."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--uploads", type=int, default=20, help="uploads sent at the same time")
    ap.add_argument("--jobs", type=int, default=2, help="the server's --jobs")
    ap.add_argument("--timeout", type=float, default=180.0, help="the server's --timeout (seconds per document)")
    ap.add_argument("--json", type=Path, default=None, help="write the measurements to this file")
    args = ap.parse_args()
    expected = {kind: len(check_file(path, Settings()).outcome.findings) for kind, path in SAMPLES.items()}
    kinds = plan(args.uploads)
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as temp:
        served = serve_process.start("--jobs", str(args.jobs), "--timeout", f"{args.timeout:g}", tmpdir=Path(temp))
        locations: dict[int, str] = {}
        sent_at: dict[int, float] = {}
        ended_at: dict[int, float] = {}
        stop = threading.Event()

        def watch() -> None:
            while not stop.is_set():
                for i, loc in list(locations.items()):
                    if i not in ended_at and serve_process.state(served.url, loc) not in ("waiting", "running"):
                        ended_at[i] = time.monotonic()
                time.sleep(0.1)

        def send(i: int) -> tuple[int, int]:
            kind = kinds[i]
            data = PNG if kind == "png" else SAMPLES[kind].read_bytes()
            name = f"laporan-{i:02d}.{'pdf' if kind == 'png' else kind}"
            sent_at[i] = time.monotonic()
            status, location, _ = serve_process.post_file(served.url, name, data, MEDIA[kind])
            if status == 303:
                locations[i] = location
            else:
                ended_at[i] = time.monotonic()
            return i, status

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        start = time.monotonic()
        try:
            with ThreadPoolExecutor(args.uploads) as pool:
                statuses = dict(pool.map(send, range(args.uploads)))
            deadline = start + args.timeout * args.uploads / max(1, args.jobs) + 60
            while len(ended_at) < args.uploads and time.monotonic() < deadline:
                time.sleep(0.2)
            wall = time.monotonic() - start
            stop.set()
            watcher.join(5)
            for i, kind in enumerate(kinds):
                if kind == "png":
                    if statuses[i] != 415:
                        problems.append(f"upload {i}: a PNG named .pdf answered {statuses[i]}, not 415")
                    continue
                if statuses[i] != 303 or i not in locations:
                    problems.append(f"upload {i}: answered {statuses[i]}")
                    continue
                base = served.url.rstrip("/") + locations[i]
                status, body = serve_process.get(base + "/temuan.json")
                if status != 200 or len(json.loads(body)["findings"]) != expected[kind]:
                    problems.append(f"upload {i}: JSON {status}, not the findings of lakip check")
                status, body = serve_process.get(base + "/kertas-kerja.xlsx")
                if status != 200 or body[:2] != b"PK":
                    problems.append(f"upload {i}: XLSX {status}")
            spans = [(st["started"], st["finished"]) for st in
                     (serve_process.status(served.url, loc) for loc in locations.values())]
            running_max = serve_process.most_at_once(spans)
            if running_max > args.jobs:
                problems.append(f"{running_max} checks ran at once; --jobs is {args.jobs}")
            slowest = max((b - a for a, b in spans), default=0.0)
            if slowest > args.timeout + 5:
                problems.append(f"a check took {slowest:.1f} s; --timeout is {args.timeout:g}")
            left = list(Path(temp).iterdir())
            if left:
                problems.append(f"{len(left)} uploads left on disk")
        finally:
            stop.set()
            served.stop()
    latencies = [ended_at[i] - sent_at[i] for i in range(args.uploads) if i in ended_at and i in sent_at]
    if len(latencies) < args.uploads:
        problems.append(f"{args.uploads - len(latencies)} uploads never finished")
    reports = sum(1 for k in kinds if k != "png")
    result = {"uploads": args.uploads, "reports": reports, "jobs": args.jobs, "wall_seconds": round(wall, 2),
              "reports_per_minute": round(60 * reports / wall, 1), "running_max": running_max,
              "check_seconds_max": round(slowest, 2),
              "latency_median": round(statistics.median(latencies), 2) if latencies else None,
              "latency_max": round(max(latencies), 2) if latencies else None, "problems": problems}
    print(f"{args.uploads} uploads ({reports} reports, {args.uploads - reports} not reports), --jobs {args.jobs}: "
          f"{wall:.1f} s, {result['reports_per_minute']} reports/min, at most {running_max} checks at once "
          f"(longest {slowest:.1f} s), "
          f"latency median {result['latency_median']} s, max {result['latency_max']} s")
    for p in problems:
        print("PROBLEM:", p)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
