"""Interval arithmetic for printed figures: the one place rules decide "close enough".

A printed figure stands for every value that prints the same way (XBRL
calculation 1.1 style): ``1.234,5`` is anything in [1.234,45; 1.234,55]. Two
statements are consistent when their intervals overlap; a sum of printed
figures is the interval of the sums. Nothing is compared with a fixed
tolerance.

Percentages get one more allowance: many offices *truncate* a percentage to
the printed decimals instead of rounding it (Excel's ``TRUNC``/``ROUNDDOWN``,
or simply copying the first digits). A printed ``p`` with unit ``u`` (``0,01``
for two decimals) therefore stands for a true value in ``[p - u/2, p + u]``:
rounding gives ``[p - u/2, p + u/2]``, truncation ``[p, p + u)``. So for 2/3
(66,666…%) ``66,67`` (rounded) and ``66,66`` (truncated) are both accepted,
``66,65`` is not. A ``100`` printed without decimals for a line spent in full
is exact and accepted; a ``100`` for 99,6 % is accepted too, as it is the
correct rounding at the printed precision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from lakip.values.figures import Figure, tolerance


@dataclass(frozen=True)
class Interval:
    """The closed range of true values a printed figure (or a computation on them) allows."""

    low: float
    high: float

    @classmethod
    def exact(cls, value: float) -> "Interval":
        """A value known exactly."""
        return cls(value, value)

    @property
    def mid(self) -> float:
        """The middle of the range (the value as printed, for sums of exact figures)."""
        return (self.low + self.high) / 2

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.low - other.high, self.high - other.low)

    def shift(self, amount: float) -> "Interval":
        """The range moved by an exact amount."""
        return Interval(self.low + amount, self.high + amount)

    def overlaps(self, other: "Interval") -> bool:
        """True when some value lies in both ranges: the two statements can both be right."""
        return self.low <= other.high + _EPS and other.low <= self.high + _EPS

    def meets_openly(self, other: "Interval") -> bool:
        """True when the ranges share more than an end point (rounding ranges are half-open)."""
        if self.low == self.high or other.low == other.high:
            return self.overlaps(other)
        return self.low < other.high - _EPS and other.low < self.high - _EPS

    def contains(self, value: float) -> bool:
        """True when ``value`` lies in the range."""
        return self.low - _EPS <= value <= self.high + _EPS


_EPS = 1e-9
"""Float noise allowance (far below any printed precision)."""


def of(fig: Figure) -> Optional[Interval]:
    """The range a printed amount stands for (half a unit of its last digit either side)."""
    if fig.value is None:
        return None
    tol = tolerance(fig)
    return Interval(fig.value - tol, fig.value + tol)


def of_percent(fig: Figure) -> Optional[Interval]:
    """The range a printed percentage stands for, rounded or truncated (see module doc)."""
    if fig.value is None:
        return None
    unit = 10.0 ** (-fig.decimals)
    if fig.value < 0:
        return Interval(fig.value - unit, fig.value + unit / 2)
    return Interval(fig.value - unit / 2, fig.value + unit)


def amount(fig: Optional[Figure]) -> Optional[Interval]:
    """The range of an amount cell; an empty cell (``-``) is an exact zero; None when unreadable."""
    if fig is None:
        return None
    if fig.kind == "empty":
        return Interval.exact(0.0)
    return of(fig)


def total(intervals: Iterable[Interval]) -> Interval:
    """The range of a sum."""
    out = Interval.exact(0.0)
    for iv in intervals:
        out = out + iv
    return out


def sum_consistent(parent: Interval, children: Iterable[Interval]) -> bool:
    """True when a stated total can be the sum of its parts."""
    return parent.overlaps(total(children))


def ratio_percent(part: Interval, whole: Interval) -> Optional[Interval]:
    """The range of part / whole x 100 (None when the whole can be zero or negative)."""
    if whole.low <= 0:
        return None
    quotients = [part.low / whole.low, part.low / whole.high, part.high / whole.low, part.high / whole.high]
    return Interval(min(quotients) * 100, max(quotients) * 100)


def percent_consistent(printed: Figure, true_range: Interval) -> bool:
    """True when a printed percentage is the rounding or truncation of some value in ``true_range``."""
    iv = of_percent(printed)
    return iv is not None and iv.overlaps(true_range)


def complement_consistent(printed: Figure, other: Figure, whole: float = 100.0) -> bool:
    """True when two printed percentages can add up to ``whole`` (efisiensi % = 100 - penyerapan %)."""
    a, b = of_percent(printed), of_percent(other)
    if a is None or b is None:
        return False
    return a.overlaps(Interval(whole - b.high, whole - b.low))


def same_value(a: Figure, b: Figure) -> bool:
    """True when two printed figures can stand for the same value.

    Each stands for its rounding range, half-open, so ``3`` and ``4`` (ranges that
    only touch at 3,5) are different, while ``1,2`` and ``1,15`` can be the same.
    """
    ia, ib = of(a), of(b)
    if ia is None or ib is None:
        return False
    return ia.meets_openly(ib)


def plain(value: float) -> float | int:
    """A value for a finding's values: an int when it is whole (amounts in rupiah)."""
    return int(value) if float(value).is_integer() else value


def as_printed(fig: Figure) -> float | int:
    """A printed figure as a plain number: an int when printed without decimals ('100'), else its value."""
    value = fig.value or 0.0
    return int(value) if fig.decimals == 0 and float(value).is_integer() else value
