"""Compare table extraction engines on the sample report: speed and accuracy.

For each engine it prints seconds, pages per second and accuracy against the
seed's table rows (read with ``lakip.ingest.text_reader.read_text``): a seed
row is *exact* when some extracted row has the same non-empty cells in the
same order (body rows: header rows are compared by label in the tests); *cells* is the share of the seed's non-empty cells found as an
extracted cell with exactly the same text. pypdfium2 gives plain text only,
so for it a row counts when its cells appear, in order, in the page text.

    python benchmarks/bench_extract.py [--pdf FILE] [--seed FILE] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PDF = ROOT / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
DEFAULT_SEED = ROOT.parent / "shared" / "seed" / "lakip-kecamatan-alok-barat-2024.txt"


def norm(text) -> str:
    """A cell's text with whitespace collapsed (None → '')."""
    return " ".join(str(text or "").split())


def filled(row) -> list[str]:
    """The non-empty cells of a row, in order."""
    return [c for c in (norm(x) for x in row) if c]


def run_pdfplumber(path: Path) -> list[list[str]]:
    """Rows of every table pdfplumber's ``extract_tables`` finds."""
    import pdfplumber

    rows = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += [filled(r) for r in table]
    return rows


def run_camelot(path: Path) -> list[list[str]]:
    """Rows of every table camelot 2's lattice parser finds with its vector line engine (no rendering)."""
    import camelot

    tables = camelot.read_pdf(str(path), pages="all", flavor="lattice", engine="vector")
    return [filled(r) for t in tables for r in t.df.values.tolist()]


def run_pdfium_text(path: Path) -> list[str]:
    """The plain text of every page, from pypdfium2."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    texts = []
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        texts.append(norm(tp.get_text_range()))
        tp.close()
        page.close()
    doc.close()
    return texts


def run_lakip(path: Path) -> list[list[str]]:
    """Rows (header and body) of every table of lakip's ``read_pdf``."""
    from lakip.ingest.pdf_reader import read_pdf

    doc = read_pdf(path)
    return [filled([c.text for c in r]) for t in doc.tables for r in t.header + t.rows]


def score_rows(seed_rows: list[list[str]], rows: list[list[str]]) -> tuple[float, float]:
    """Share of seed rows extracted exactly, and of seed cells found as an extracted cell."""
    got = Counter(tuple(r) for r in rows)
    exact = 0
    for r in seed_rows:
        if got[tuple(r)] > 0:
            got[tuple(r)] -= 1
            exact += 1
    cells = Counter(c for r in rows for c in r)
    found = 0
    for c in (c for r in seed_rows for c in r):
        if cells[c] > 0:
            cells[c] -= 1
            found += 1
    n_cells = sum(len(r) for r in seed_rows)
    return exact / max(1, len(seed_rows)), found / max(1, n_cells)


def score_text(seed_rows: list[list[str]], texts: list[str]) -> tuple[float, float]:
    """Share of seed rows whose cells appear in order in a page's text, and of cells found in it."""
    whole = " ".join(texts)
    rows = sum(any(_in_order(r, t) for t in texts) for r in seed_rows)
    cells = sum(c in whole for r in seed_rows for c in r)
    return rows / max(1, len(seed_rows)), cells / max(1, sum(len(r) for r in seed_rows))


def _in_order(cells: list[str], text: str) -> bool:
    """Whether the cells occur in ``text`` one after another."""
    at = 0
    for c in cells:
        at = text.find(c, at)
        if at < 0:
            return False
        at += len(c)
    return True


def timed(fn: Callable, path: Path, repeat: int):
    """The result of the last run and the best time of ``repeat`` runs."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(path)
        best = min(best, time.perf_counter() - start)
    return result, best


def main(argv: list[str] | None = None) -> int:
    """Run every engine on the PDF and print a table of results."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pdf", type=Path, default=DEFAULT_PDF)
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    ap.add_argument("--repeat", type=int, default=3, help="runs per engine; the best time is shown")
    args = ap.parse_args(argv)

    from lakip.ingest.text_reader import read_text
    import pypdfium2 as pdfium

    seed = read_text(args.seed)
    seed_rows = [filled([c.text for c in r]) for t in seed.tables for r in t.rows]      # body rows
    seed_rows = [r for r in seed_rows if r]
    n_pages = len(pdfium.PdfDocument(str(args.pdf)))
    engines = [
        ("pdfplumber extract_tables", run_pdfplumber, score_rows, 1),
        ("camelot lattice engine='vector'", run_camelot, score_rows, 1),
        ("pypdfium2 text (rows in order)", run_pdfium_text, score_text, args.repeat),
        ("lakip read_pdf", run_lakip, score_rows, args.repeat),
    ]
    print(f"{args.pdf.name}: {n_pages} pages, seed: {len(seed_rows)} rows "
          f"({sum(len(r) for r in seed_rows)} non-empty cells)")
    print(f"{'engine':34} {'seconds':>8} {'pages/s':>8} {'rows exact':>11} {'cells':>7}")
    for name, fn, score, repeat in engines:
        try:
            result, secs = timed(fn, args.pdf, repeat)
        except Exception as exc:                      # an engine missing or failing is reported, not fatal
            print(f"{name:34} failed: {type(exc).__name__}: {exc}")
            continue
        rows, cells = score(seed_rows, result)
        print(f"{name:34} {secs:8.2f} {n_pages / secs:8.1f} {rows:11.1%} {cells:7.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
