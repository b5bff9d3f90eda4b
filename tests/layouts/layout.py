"""How a report is printed: a frozen ``Layout`` of independent axes, a catalogue and a sampler."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, fields, replace
from pathlib import Path

OPTIONAL_TABLES = ("renstra", "iku", "pk", "capaian", "prev", "renstra_cmp", "efisiensi", "budget", "program_analysis")

# Each axis and the values it may take; the first value is the default.
AXES: dict[str, tuple] = {
    "budget_numbering": ("seed", "decimal", "roman", "alpha", "kode", "kode_long", "none"),
    "bold_programs": (True, False),
    "level_words": (False, True),
    "number_cell": ("separate", "same"),
    "total_row": ("top", "bottom", "none"),
    "total_label": ("Jumlah", "Total", "JUMLAH TOTAL", ""),
    "budget_pct": (True, False),
    "budget_header": ("one", "two"),
    "indicator_header": ("one", "two"),
    "column_numbers": (False, True),
    "target_first": (True, False),
    "unit_after_indicator": (True, False),
    "merge_sasaran": (False, True),
    "no_column": (True, False),
    "split_long": ("none", "repeat", "norepeat"),
    "budget_size": ("normal", "large"),
    "landscape_wide": (False, True),
    "chapter_style": ("BAB I PENDAHULUAN", "BAB 1 Pendahuluan", "I. PENDAHULUAN"),
    "summary_title": ("Ringkasan Eksekutif", "Ikhtisar Eksekutif"),
    "bab2_title": ("Perencanaan Kinerja", "Perencanaan dan Perjanjian Kinerja"),
    "pk_place": ("bab2", "lampiran"),
    "caption_style": ("arabic", "roman", "flat", "none"),
    "amount_rp": (False, True),
    "amount_cents": (False, True),
    "pct_sign": (False, True),
    "capaian_trim": (False, True),
    "prose": (0, 1, 2),
    "lower_formula": ("2t-r", "t/r"),
    "heading_styles": (True, False),
    "borders": (True, False),
    "nip_spaced": (True, False),
    "name_upper_in_signature": (True, False),
    "column_order": ("normal", "swapped"),
}


@dataclass(frozen=True)
class Layout:
    """One way to print a report; every field is an independent axis (see ``AXES``)."""
    name: str = "default"
    budget_numbering: str = "seed"
    bold_programs: bool = True
    level_words: bool = False
    number_cell: str = "separate"
    total_row: str = "top"
    total_label: str = "Jumlah"
    budget_pct: bool = True
    budget_header: str = "one"
    indicator_header: str = "one"
    column_numbers: bool = False
    target_first: bool = True
    unit_after_indicator: bool = True
    merge_sasaran: bool = False
    no_column: bool = True
    split_long: str = "none"
    budget_size: str = "normal"
    landscape_wide: bool = False
    chapter_style: str = "BAB I PENDAHULUAN"
    summary_title: str = "Ringkasan Eksekutif"
    bab2_title: str = "Perencanaan Kinerja"
    pk_place: str = "bab2"
    caption_style: str = "arabic"
    amount_rp: bool = False
    amount_cents: bool = False
    pct_sign: bool = False
    capaian_trim: bool = False
    prose: int = 0
    lower_formula: str = "2t-r"
    heading_styles: bool = True
    borders: bool = True
    nip_spaced: bool = True
    name_upper_in_signature: bool = True
    column_order: str = "normal"
    tables: tuple[str, ...] = OPTIONAL_TABLES

    def has(self, table: str) -> bool:
        """Whether the optional table ``table`` is printed."""
        return table in self.tables


def from_dict(data: dict) -> Layout:
    """A Layout from a dict of axis values (unknown keys or values are errors)."""
    known = {f.name for f in fields(Layout)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"unknown layout axes: {sorted(unknown)}")
    for key, value in data.items():
        if key in AXES and value not in AXES[key]:
            raise ValueError(f"{key}={value!r} is not one of {AXES[key]}")
    if "tables" in data:
        data = {**data, "tables": tuple(t for t in OPTIONAL_TABLES if t in data["tables"])}
    return Layout(**data)


def load_catalogue(path: Path | None = None) -> tuple[Layout, ...]:
    """The named layouts declared in ``catalogue.json``."""
    path = path or Path(__file__).with_name("catalogue.json")
    return tuple(from_dict(entry) for entry in json.loads(path.read_text(encoding="utf-8")))


def random_layout(seed: int) -> Layout:
    """A layout whose axes are drawn independently (combinations nobody designed)."""
    rng = random.Random(seed)
    values = {axis: rng.choice(options) for axis, options in AXES.items()}
    kept = tuple(t for t in OPTIONAL_TABLES if t in ("budget", "capaian", "pk") or rng.random() < 0.7)
    return replace(Layout(**values, tables=kept), name=f"random-{seed}")


CATALOGUE: tuple[Layout, ...] = load_catalogue()
