"""Model values as a layout prints them: indicator figures, capaian, amounts, percentages."""

from __future__ import annotations

from decimal import Decimal

from .layout import Layout
from .model import BudgetNode, Indicator
from .numfmt import amount, dec, half_up, pct

ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def ind_value(ind: Indicator, value) -> str:
    """An indicator figure with the indicator's decimals; a range as ``lo-hi``."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return f"{dec(value[0], ind.decimals)}-{dec(value[1], ind.decimals)}"
    return dec(value, ind.decimals)


def capaian(ind: Indicator, real: Decimal | None, target: Decimal | None, formula: str) -> Decimal | None:
    """Capaian (%) rounded half up to 2 dp: R/T×100, or for lower-is-better (2T−R)/T or T/R ×100."""
    if real is None or target is None or isinstance(target, tuple) or not target:
        return None
    if ind.direction == "up":
        value = real * 100 / target
    elif formula == "t/r":
        value = target * 100 / real if real else None
    else:
        value = (2 * target - real) * 100 / target
    return None if value is None else half_up(value)


def this_year_capaian(ind: Indicator, year: int, layout: Layout) -> Decimal | None:
    """The stated capaian of the report year (a planted override wins)."""
    if ind.capaian_override is not None:
        return ind.capaian_override
    return capaian(ind, ind.realisasi, ind.target(year), layout.lower_formula)


def percent(value: Decimal | None, layout: Layout) -> str:
    """A percentage as the layout prints it (``96,44``, ``96,44%``, ``100``)."""
    if value is None:
        return ""
    return dec(value, 2, trim=layout.capaian_trim) + ("%" if layout.pct_sign else "")


def money(n: int, layout: Layout) -> str:
    """A table amount as the layout prints it."""
    return amount(n, rp=layout.amount_rp, cents=layout.amount_cents)


def node_pct(node: BudgetNode) -> Decimal:
    """A budget line's stated % (realisasi/pagu×100, unless planted)."""
    return node.pct_override if node.pct_override is not None else pct(node.realisasi, node.pagu)


def prose_money(n: int, layout: Layout) -> str:
    """An amount in a sentence, in the style of the layout's prose variant."""
    return ("Rp. {},-", "Rp {},00", "Rp{}")[layout.prose % 3].format(amount(n))


def prose_pct(value: Decimal) -> str:
    """A percentage in a sentence (always with %)."""
    return dec(value, 2, trim=True) + "%"


def caption(layout: Layout, chapter: int, number: int) -> str | None:
    """A table caption label (``Tabel 3.1``, ``Tabel III.1``, ``Tabel 3``) or None."""
    style = layout.caption_style
    if style == "none":
        return None
    if style == "roman":
        return f"Tabel {ROMAN[chapter]}.{number}"
    if style == "flat":
        return f"Tabel {number}"
    return f"Tabel {chapter}.{number}"


class Captions:
    """Hands out table captions in order (per chapter, or through the report when flat)."""

    def __init__(self, layout: Layout) -> None:
        """Start counting."""
        self.layout, self.counts, self.flat = layout, {}, 0

    def next(self, chapter: int) -> str | None:
        """The caption of the next table of ``chapter``."""
        self.counts[chapter] = self.counts.get(chapter, 0) + 1
        self.flat += 1
        number = self.flat if self.layout.caption_style == "flat" else self.counts[chapter]
        return caption(self.layout, chapter, number)
