"""Tests for lakip.values.terbilang: Indonesian number words both ways."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lakip.values.terbilang import from_words, to_words

SEED_WORDS = (
    "(Empat Miliar Tujuh Ratus Enam Puluh Juta Seratus Empat Puluh Sembilan Ribu "
    "Tujuh Ratus Sembilan Puluh Tiga Rupiah)"
)


@pytest.mark.parametrize(
    "n, words",
    [
        (0, "nol"),
        (1, "satu"),
        (4, "empat"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (18, "delapan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (250, "dua ratus lima puluh"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11000, "sebelas ribu"),
        (101000, "seratus satu ribu"),
        (1000000, "satu juta"),
        (1001000, "satu juta seribu"),
        (1000000000, "satu miliar"),
        (1000000000000, "satu triliun"),
        (
            4760149793,
            "empat miliar tujuh ratus enam puluh juta seratus empat puluh sembilan ribu "
            "tujuh ratus sembilan puluh tiga",
        ),
        (157030079, "seratus lima puluh tujuh juta tiga puluh ribu tujuh puluh sembilan"),
        (-5, "minus lima"),
    ],
)
def test_to_words(n: int, words: str) -> None:
    assert to_words(n) == words
    assert from_words(words) == n


def test_to_words_limits() -> None:
    assert to_words(10**15 - 1).startswith("sembilan ratus sembilan puluh sembilan triliun")
    with pytest.raises(ValueError):
        to_words(10**15)
    with pytest.raises(TypeError):
        to_words(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_words(True)


def test_seed_phrase() -> None:
    assert from_words(SEED_WORDS) == 4760149793


@pytest.mark.parametrize(
    "text, n",
    [
        ("empat", 4),
        ("(empat)", 4),
        ("delapan belas", 18),
        ("Satu", 1),
        ("tiga", 3),
        ("DELAPAN", 8),
        ("  delapan   belas  ", 18),
        ("sejuta", 1000000),
        ("satu juta", 1000000),
        ("se-ribu", 1000),
        ("satu ribu", 1000),
        ("sepuluh ribu", 10000),
        ("dua milyar", 2000000000),
        ("dua miliar", 2000000000),
        ("tiga trilyun", 3 * 10**12),
        ("duapuluh lima", 25),
        ("Seratus Lima Puluh Tujuh Juta Tiga Puluh Ribu Tujuh Puluh Sembilan Rupiah", 157030079),
        ("nol rupiah", 0),
        ("dua puluh, lima", 25),
    ],
)
def test_from_words_tolerant(text: str, n: int) -> None:
    assert from_words(text) == n


@pytest.mark.parametrize(
    "text",
    [
        "",
        "rupiah",
        "lima lima",
        "ribu",
        "belas",
        "puluh lima",
        "se",
        "sesuai",
        "empat orang",
        "tujuh puluh koma lima",
        "seribu juta",
        "juta juta",
        "dua puluh dua puluh",
        "nol lima",
        "Kecamatan Alok Barat",
        "4",
    ],
)
def test_from_words_rejects(text: str) -> None:
    assert from_words(text) is None


@given(st.integers(min_value=0, max_value=10**13))
@settings(max_examples=500)
def test_round_trip(n: int) -> None:
    assert from_words(to_words(n)) == n


@given(st.integers(min_value=0, max_value=10**13))
@settings(max_examples=200)
def test_round_trip_title_case_rupiah(n: int) -> None:
    printed = "(" + to_words(n).title() + " Rupiah)"
    assert from_words(printed) == n


def test_round_trip_every_small_number() -> None:
    bad = [n for n in range(0, 2101) if from_words(to_words(n)) != n]
    assert bad == []


def test_number_words_mismatch_example() -> None:
    # rule C502: "4 (lima)" disagrees
    assert from_words("lima") != 4
