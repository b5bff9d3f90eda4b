"""Interval arithmetic of printed figures (rules.arith)."""

from __future__ import annotations

import pytest

from lakip.values.figures import parse_figure
from lakip.rules import arith


def iv(text: str) -> arith.Interval:
    """The interval of a printed amount."""
    out = arith.amount(parse_figure(text))
    assert out is not None
    return out


def test_interval_of_integer_amount_is_half_a_rupiah_wide():
    assert iv("18.245.500") == arith.Interval(18245499.5, 18245500.5)


def test_interval_of_amount_with_cents():
    got = iv("126.599.750,00")
    assert got.low == pytest.approx(126599749.995) and got.high == pytest.approx(126599750.005)


def test_dash_is_an_exact_zero_and_text_is_unreadable():
    assert arith.amount(parse_figure("-")) == arith.Interval.exact(0.0)
    assert arith.amount(parse_figure("APBD II")) is None
    assert arith.amount(None) is None


def test_sum_of_the_seed_kegiatan_pagu_holds():
    parts = [iv(t) for t in ("25.279.610", "74.907.830", "753.669.960", "58.309.800")]
    assert arith.sum_consistent(iv("912.167.200"), parts)


def test_sum_of_the_seed_kegiatan_realisasi_fails_by_six_million():
    parts = [iv(t) for t in ("23.679.670", "63.317.198", "739.448.960", "57.705.000")]
    assert not arith.sum_consistent(iv("890.150.828"), parts)
    assert arith.total(parts).mid == pytest.approx(884150828)


def test_sum_tolerance_comes_from_printed_precision():
    # 1,3 + 1,3 printed with one decimal may be 2,7 (1,34 + 1,34 = 2,68)
    assert arith.sum_consistent(iv("2,7"), [iv("1,3"), iv("1,3")])
    assert not arith.sum_consistent(iv("2,8"), [iv("1,3"), iv("1,3")])
    # with two decimals there is no room for it
    assert not arith.sum_consistent(iv("2,70"), [iv("1,30"), iv("1,30")])


@pytest.mark.parametrize("printed, ok", [
    ("66,67", True),    # rounded
    ("66,66", True),    # truncated
    ("66,65", False),   # neither
    ("66,68", False),
    ("66,7", True),     # rounded to one decimal
    ("66,6", True),     # truncated to one decimal
    ("67", True),       # rounded to an integer
    ("66", True),       # truncated to an integer
    ("65", False),
])
def test_two_thirds_printed_rounded_or_truncated(printed, ok):
    ratio = arith.ratio_percent(iv("5.100.000"), iv("7.650.000"))
    assert ratio is not None
    assert arith.percent_consistent(parse_figure(printed), ratio) is ok


def test_hundred_without_decimals_for_a_line_spent_in_full():
    ratio = arith.ratio_percent(iv("18.245.500"), iv("18.245.500"))
    assert ratio is not None and arith.percent_consistent(parse_figure("100"), ratio)
    assert not arith.percent_consistent(parse_figure("100,00"), arith.ratio_percent(iv("9.987.650"), iv("9.999.680")))


def test_wrong_percentage_of_the_seed():
    ratio = arith.ratio_percent(iv("63.317.198"), iv("74.907.830"))
    assert ratio is not None and not arith.percent_consistent(parse_figure("92,54"), ratio)
    fixed = arith.ratio_percent(iv("69.317.198"), iv("74.907.830"))
    assert fixed is not None and arith.percent_consistent(parse_figure("92,54"), fixed)


def test_ratio_of_zero_or_negative_whole_is_none():
    assert arith.ratio_percent(iv("5"), arith.Interval.exact(0.0)) is None


@pytest.mark.parametrize("efisiensi, penyerapan, ok", [
    ("3,30", "96,70", True),
    ("3,29", "96,70", True),    # both truncated from 96,706 / 3,294
    ("3,31", "96,70", True),    # both rounded at the half (96,695 → 96,70; 3,305 → 3,31)
    ("3,40", "96,70", False),
    ("3,3", "96,70", True),
    ("2,39", "97,61", True),
    ("2,49", "97,61", False),
])
def test_efisiensi_is_the_complement_of_penyerapan(efisiensi, penyerapan, ok):
    assert arith.complement_consistent(parse_figure(efisiensi), parse_figure(penyerapan)) is ok


def test_interval_subtraction_for_sisa():
    sisa = iv("356.290.980,00") - iv("345.167.060,00")
    assert sisa.overlaps(iv("11.123.920,00"))
    assert not sisa.overlaps(iv("11.123.930,00"))


@pytest.mark.parametrize("a, b, same", [
    ("3", "4", False),          # ranges [2,5; 3,5) and [3,5; 4,5) only touch
    ("1,15", "1,16", False),
    ("1,2", "1,15", True),      # 1,15 rounds to 1,2
    ("72,89", "72,89", True),
    ("2,15", "1,15", False),
])
def test_same_value_compares_printed_rounding_ranges(a, b, same):
    assert arith.same_value(parse_figure(a), parse_figure(b)) is same
