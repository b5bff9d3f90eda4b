"""Benchmark `lakip check`: seconds per page and the share spent in extraction, schemas and rules.

Usage: python benchmarks/bench_check.py [FILE ...] [--repeat N]
Without files it measures the bundled sample PDF and DOCX.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from lakip.config import Settings
from lakip.pipeline import read, understand
from lakip.rules.runner import run_rules

REPO = Path(__file__).resolve().parents[1]
DEFAULT = [REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf",
           REPO / "samples" / "lakip-kecamatan-alok-barat-2024.docx"]


def measure(path: Path) -> dict[str, float]:
    """One full check of ``path``, timed per stage."""
    t0 = time.perf_counter()
    doc = read(path)
    t1 = time.perf_counter()
    facts = understand(doc)
    t2 = time.perf_counter()
    outcome = run_rules(facts, Settings().selects)
    t3 = time.perf_counter()
    return {"pages": doc.n_pages, "extract": t1 - t0, "schemas": t2 - t1, "rules": t3 - t2,
            "total": t3 - t0, "findings": len(outcome.findings)}


def main() -> None:
    """Print a table of timings per file (median of --repeat runs after one warm-up)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = args.files or DEFAULT
    print(f"{'file':<45} {'pages':>5} {'total s':>8} {'s/page':>7} {'extract':>8} {'schemas':>8} {'rules':>7} {'findings':>8}")
    for path in files:
        measure(path)
        runs = [measure(path) for _ in range(args.repeat)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        total = med["total"] or 1e-9
        pages = max(1, int(med["pages"]))
        print(f"{path.name[:45]:<45} {int(med['pages']):>5} {med['total']:>8.2f} {med['total'] / pages:>7.3f} "
              f"{med['extract'] / total:>7.0%} {med['schemas'] / total:>8.0%} {med['rules'] / total:>7.0%} "
              f"{int(med['findings']):>8}")


if __name__ == "__main__":
    main()
