"""Seconds per scanned page: pages of the sample scanned at 150, 200 and 300 dpi, read back by OCR.

Scans are built like the tests' (``tests/scanned.py``: rendered, tilted up to
1°, sensor noise, specks, JPEG, no text layer). For each resolution it prints
seconds per page with one and with all workers (pages read side by side), and
how many of the figures in those pages' tables and text came back exactly as
the born-digital sample prints them. The chosen pages mix the PK (tables,
NIPs), a budget table and running text.

    python benchmarks/bench_ocr.py [--pages 29,30,31,46,47] [--dpi 150,200,300] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
sys.path.insert(0, str(ROOT / "tests"))


def figures(text: str) -> list[str]:
    """The tokens of a text that read as figures."""
    from lakip.values.figures import parse_figure

    return [w for w in text.split() if parse_figure(w.strip(".,;:()")).kind == "number"]


def main() -> None:
    """Build the scans, read them, print the timings."""
    from scanned import scan_pdf

    from lakip.ingest.ocr import OcrSettings, ocr_unavailable, scan_pages
    from lakip.ingest.pdf_reader import read_pdf

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="29,30,31,46,47")
    parser.add_argument("--dpi", default="150,200,300")
    parser.add_argument("--workers", default=f"1,{os.cpu_count() or 1}")
    args = parser.parse_args()
    why = ocr_unavailable()
    if why:
        sys.exit(f"OCR not available: {why}")
    pages = [int(p) for p in args.pages.split(",")]
    born = read_pdf(SAMPLE)
    want = [f for n in pages for f in figures(born.pages[n - 1].text)]
    print(f"{len(pages)} pages of {SAMPLE.name}, {os.cpu_count()} CPU cores; {len(want)} figures to read")
    with tempfile.TemporaryDirectory() as tmp:
        for dpi in (int(d) for d in args.dpi.split(",")):
            path = scan_pdf(SAMPLE, Path(tmp) / f"scan{dpi}.pdf", dpi=dpi, pages=pages, only=True)
            data = path.read_bytes()
            for workers in sorted({int(w) for w in args.workers.split(",")}):
                start = time.perf_counter()
                scans = scan_pages(data, list(range(1, len(pages) + 1)), OcrSettings(workers=workers))
                seconds = time.perf_counter() - start
                got = [f for s in scans.values() for f in figures(s.text)]
                exact = sum(min(got.count(f), want.count(f)) for f in set(want))
                print(f"{dpi:4d} dpi  {workers} worker(s)  {seconds / len(pages):5.2f} s/page  "
                      f"figures exact {exact}/{len(want)}")
            start = time.perf_counter()
            read_pdf(path)
            print(f"{dpi:4d} dpi  read_pdf whole   {(time.perf_counter() - start) / len(pages):5.2f} s/page")


if __name__ == "__main__":
    main()
