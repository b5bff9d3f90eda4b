"""Variants of one layout (clean and planted) and writing them through a renderer."""

from __future__ import annotations

import zlib
from pathlib import Path

from .compose import compose
from .layout import Layout
from .model import make_model
from .plants import Planted
from .plants_budget import PLANTS
from .render_docx import render_docx
from .render_html import render_html

RENDERERS = ("docx", "lo", "chromium")


def model_seed(layout: Layout, base: int = 0) -> int:
    """A stable model seed for a layout (so a layout always gets the same report)."""
    return (zlib.crc32(layout.name.encode()) + base) % 1_000_003


def clean(layout: Layout, base: int = 0) -> Planted:
    """The clean variant of a layout."""
    model = make_model(model_seed(layout, base), layout.budget_size)
    return Planted("clean", model, compose(model, layout), ())


def planted(layout: Layout, codes, base: int = 0) -> list[Planted]:
    """The planted variants of a layout for ``codes`` (plants that do not apply are skipped)."""
    model = make_model(model_seed(layout, base), layout.budget_size)
    out = []
    for code in codes:
        variant = PLANTS[code](model, layout)
        if variant is not None:
            out.append(variant)
    return out


def stem(layout: Layout, variant: Planted) -> str:
    """A file name stem for a variant."""
    return f"{layout.name}--{variant.code}"


def write_source(layout: Layout, variant: Planted, renderer: str, outdir: Path) -> Path:
    """The file a renderer starts from: DOCX for docx/lo, HTML for chromium."""
    outdir.mkdir(parents=True, exist_ok=True)
    if renderer == "chromium":
        return render_html(variant.blocks, layout, outdir / f"{stem(layout, variant)}.html")
    return render_docx(variant.blocks, layout, outdir / f"{stem(layout, variant)}.docx")
