"""Build scanned test PDFs from a born-digital one: pages rendered, tilted, soiled, saved as images.

A scan is imitated the way a photocopier-scanner makes one: the page is
rendered in grey at the scanner's resolution, turned by a small angle (paper
fed a little askew), given light sensor noise and a few specks, and stored as
a JPEG image filling a page of the original size, with no text layer.
``scan_pdf`` scans chosen pages of a document and keeps the others as they
are (a report whose signed pages were scanned), or scans every page.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
from PIL import Image, ImageFilter


def render_page(pdf, index: int, dpi: int) -> Image.Image:
    """One page of an open pypdfium2 document rendered in grey at ``dpi``."""
    page = pdf[index]
    try:
        return page.render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L")
    finally:
        page.close()


def soil(img: Image.Image, angle: float, noise: float, seed: int) -> Image.Image:
    """A rendered page turned by ``angle`` degrees, slightly blurred, with sensor noise and specks."""
    rng = np.random.default_rng(seed)
    out = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255) if angle else img
    out = out.filter(ImageFilter.GaussianBlur(0.4))
    if not noise:
        return out
    arr = np.asarray(out, dtype=np.float32)
    arr = arr + rng.normal(0.0, noise, arr.shape)
    h, w = arr.shape
    n = int(h * w * 2e-5)                       # a few specks of dust
    ys, xs = rng.integers(0, h - 2, n), rng.integers(0, w - 2, n)
    for y, x in zip(ys, xs):
        arr[y:y + 2, x:x + 2] = rng.uniform(0, 120)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def image_pdf(images: Sequence[Image.Image], dpi: int) -> bytes:
    """Images as an image-only PDF, one page each, sized so the image fills it at ``dpi``."""
    buf = io.BytesIO()
    first, rest = images[0], list(images[1:])
    first.save(buf, "PDF", resolution=float(dpi), save_all=True, append_images=rest, quality=80)
    return buf.getvalue()


def scan_pdf(src: str | Path, out: str | Path, dpi: int = 150, pages: Optional[Sequence[int]] = None,
             max_angle: float = 1.0, noise: float = 8.0, seed: int = 7, only: bool = False,
             angle: Optional[float] = None) -> Path:
    """Write ``out``: ``src`` with ``pages`` (1-based; all when None) scanned, the other pages kept
    as they are, or dropped when ``only``. Each scanned page is turned by ``angle`` degrees, or
    by its own random angle in ±``max_angle``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    rng = random.Random(seed)
    wanted = list(range(1, len(pdf) + 1)) if pages is None else sorted(set(pages))
    angles = [angle if angle is not None else rng.uniform(-max_angle, max_angle) for _ in wanted]
    images = [soil(render_page(pdf, n - 1, dpi), a, noise, seed + n) for n, a in zip(wanted, angles)]
    scans = pdfium.PdfDocument(image_pdf(images, dpi))
    doc = pdfium.PdfDocument.new()
    keep = wanted if only else range(1, len(pdf) + 1)
    for n in keep:
        if n in wanted:
            doc.import_pages(scans, [wanted.index(n)])
        else:
            doc.import_pages(pdf, [n - 1])
    out = Path(out)
    doc.save(str(out))
    for d in (doc, scans, pdf):
        d.close()
    return out
