"""Accuracy of lakip on generated reports in many layouts, rendered three ways.

For each catalogue layout (plus ``--layouts N`` random ones) and renderer (docx: the DOCX
itself; lo: DOCX → PDF by LibreOffice; chromium: HTML → PDF by Chromium) it checks the clean
variant and, on the docx route (or every route with ``--plants-on-pdf``), one variant per
planted rule code. Prints per layout × renderer the clean variant's false errors, the
precision of errors+warnings over all variants and the recall of planted errors.

Usage: python benchmarks/bench_layouts.py [--layouts N] [--renderers docx,lo,chromium]
       [--plants all|CODE,...] [--plants-on-pdf] [--jobs N] [--out DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from layouts.layout import CATALOGUE, random_layout  # noqa: E402
from layouts.plants_budget import PLANTS  # noqa: E402
from layouts.render_pdf import docx_to_pdf, html_to_pdf  # noqa: E402
from layouts.score import run_lakip, score  # noqa: E402
from layouts.suite import clean, planted, write_source  # noqa: E402


def parse_args(argv=None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--layouts", type=int, default=0, help="random layouts in addition to the catalogue")
    ap.add_argument("--renderers", default="docx,lo,chromium")
    ap.add_argument("--plants", default="all", help="all, none, or rule codes separated by commas")
    ap.add_argument("--plants-on-pdf", action="store_true", help="also check planted variants on the PDF routes")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, help="keep the generated files here")
    ap.add_argument("--json", type=Path, help="write every false finding here")
    ap.add_argument("--seed", type=int, default=0, help="shifts every model seed")
    return ap.parse_args(argv)


def codes_of(spec: str) -> list[str]:
    """The plant codes asked for."""
    if spec == "none":
        return []
    return list(PLANTS) if spec == "all" else [c.strip().upper() for c in spec.split(",") if c.strip()]


def check_one(task: tuple) -> dict:
    """Check one file and score it (runs in a worker)."""
    path, meta, expected, also = task
    try:
        result = score(run_lakip(path), expected, also)
    except Exception as exc:  # a crash is a result too
        return {**meta, "crash": f"{type(exc).__name__}: {exc}"}
    return {**meta, "score": result}


def build_layout(job: tuple) -> tuple[list[tuple], list[Path]]:
    """Write one layout's variants for every renderer (runs in a worker); tasks and DOCX for LibreOffice."""
    layout, renderers, codes, plants_on_pdf, outdir, seed = job
    tasks, lo_batch = [], []
    variants = [clean(layout, seed)] + planted(layout, codes, seed)
    for renderer in renderers:
        for variant in variants:
            if variant.code != "clean" and renderer != "docx" and not plants_on_pdf:
                continue
            meta = {"layout": layout.name, "renderer": renderer, "variant": variant.code}
            source = write_source(layout, variant, renderer, outdir / renderer)
            if renderer == "chromium":
                source = html_to_pdf(source, source.with_suffix(".pdf"))
            elif renderer == "lo":
                lo_batch.append(source)
                source = outdir / "lo" / "pdf" / (source.stem + ".pdf")
            tasks.append((str(source), meta, variant.expected, variant.also))
    return tasks, lo_batch


def build(pool, layouts, renderers, codes, plants_on_pdf, outdir: Path, seed: int) -> list[tuple]:
    """Write every variant (layouts in parallel, one LibreOffice call) and return check tasks."""
    jobs = [(layout, renderers, codes, plants_on_pdf, outdir, seed) for layout in layouts]
    tasks, lo_batch = [], []
    for t, lo in pool.map(build_layout, jobs):
        tasks += t
        lo_batch += lo
    if lo_batch:
        docx_to_pdf(lo_batch, outdir / "lo" / "pdf")
    return tasks


def summarise(results: list[dict]) -> tuple[list[tuple], dict]:
    """Rows per layout × renderer and the overall numbers."""
    groups: dict[tuple, list[dict]] = {}
    for r in results:
        groups.setdefault((r["layout"], r["renderer"]), []).append(r)
    rows, tot = [], {"true": 0, "false": 0, "found": 0, "expected": 0, "clean_errors": 0, "crashes": 0}
    for key, items in groups.items():
        ok = [r for r in items if "score" in r]
        crashes = len(items) - len(ok)
        clean_err = sum(len(r["score"].false_errors) for r in ok if r["variant"] == "clean")
        true = sum(r["score"].true_findings for r in ok)
        false = sum(len(r["score"].false_errors) + len(r["score"].false_warnings) for r in ok)
        found = sum(len(r["score"].found) for r in ok)
        expected = sum(len(r["score"].found) + len(r["score"].missed) for r in ok)
        rows.append(key + (clean_err, true, false, found, expected, crashes))
        for name, value in zip(("clean_errors", "true", "false", "found", "expected", "crashes"),
                               (clean_err, true, false, found, expected, crashes)):
            tot[name] += value
    return rows, tot


def ratio(a: int, b: int) -> str:
    """a/b with two decimals, or '-'."""
    return f"{a / b:.2f}" if b else "-"


def print_table(rows: list[tuple], tot: dict) -> None:
    """The per layout × renderer table and the overall line."""
    print(f"{'layout':28} {'renderer':9} {'clean_err':>9} {'precision':>9} {'recall':>7} {'found':>6} {'crash':>5}")
    for layout, renderer, clean_err, true, false, found, expected, crashes in rows:
        print(f"{layout:28} {renderer:9} {clean_err:9d} {ratio(true, true + false):>9} {ratio(found, expected):>7} "
              f"{found:>3}/{expected:<3} {crashes:5d}")
    print(f"overall: precision={ratio(tot['true'], tot['true'] + tot['false'])} recall={ratio(tot['found'], tot['expected'])} "
          f"false_errors_on_clean={tot['clean_errors']} crashes={tot['crashes']}")


def false_records(results: list[dict]) -> list[dict]:
    """Every false finding and every missed expected one, with its variant."""
    out = []
    for r in results:
        base = {"layout": r["layout"], "renderer": r["renderer"], "variant": r["variant"]}
        if "crash" in r:
            out.append({**base, "kind": "crash", "message": r["crash"]})
            continue
        s = r["score"]
        for g in s.false_errors + s.false_warnings:
            out.append({**base, "kind": "false", "rule": g.rule, "severity": g.severity, "subject": g.subject, "message": g.message})
        for m in s.missed:
            out.append({**base, "kind": "missed", "rule": m.rule, "subject": " | ".join(m.subjects)})
    return out


def main(argv=None) -> int:
    """Run the benchmark."""
    args = parse_args(argv)
    layouts = list(CATALOGUE) + [random_layout(1000 + i) for i in range(args.layouts)]
    renderers = [r.strip() for r in args.renderers.split(",") if r.strip()]
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="bench-layouts-") as tmp:
        outdir = args.out or Path(tmp)
        with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            tasks = build(pool, layouts, renderers, codes_of(args.plants), args.plants_on_pdf, outdir, args.seed)
            built = time.time()
            results = list(pool.map(check_one, tasks, chunksize=2))
    rows, tot = summarise(results)
    print_table(rows, tot)
    print(f"{len(tasks)} files: built in {built - started:.0f}s, checked in {time.time() - built:.0f}s")
    if args.json:
        args.json.write_text(json.dumps(false_records(results), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
