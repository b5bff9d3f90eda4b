"""Tests for lakip.values.figures: reading Indonesian printed figures."""

from __future__ import annotations

import math

import pytest

from lakip.values.figures import (
    MALFORMED_ISSUES,
    Figure,
    find_figures,
    format_en,
    format_id,
    parse_figure,
    tolerance,
)


@pytest.mark.parametrize(
    "text, value, decimals, convention",
    [
        ("3.744.272.913", 3744272913, 0, "id"),
        ("96,44", 96.44, 2, "id"),
        ("126.599.750,00", 126599750, 2, "id"),
        ("72,89", 72.89, 2, "id"),
        ("96,70", 96.70, 2, "id"),
        ("100", 100, 0, "plain"),
        ("2024", 2024, 0, "plain"),
        ("1,30", 1.30, 2, "id"),
        ("0,30", 0.30, 2, "id"),
        ("1,5", 1.5, 1, "id"),
        ("1.234,5", 1234.5, 1, "id"),
        ("23.230.000", 23230000, 0, "id"),
        ("9.987.650 ,-", 9987650, 0, "id"),
        ("4.760.149.793,-", 4760149793, 0, "id"),
    ],
)
def test_well_formed_numbers(text: str, value: float, decimals: int, convention: str) -> None:
    fig = parse_figure(text)
    assert fig.kind == "number"
    assert fig.value == pytest.approx(value, abs=1e-9)
    assert fig.low == fig.high == fig.value
    assert fig.decimals == decimals
    assert fig.convention == convention
    assert fig.issue is None
    assert fig.text == text
    assert not fig.is_malformed


def test_rupiah_with_dash_suffix() -> None:
    fig = parse_figure("Rp. 4.760.149.793,-")
    assert fig == Figure("Rp. 4.760.149.793,-", 4760149793.0, 4760149793.0, 4760149793.0,
                         0, False, True, False, "id", "number", None)


def test_rupiah_without_dot() -> None:
    fig = parse_figure("Rp 92.120.000")
    assert (fig.value, fig.is_currency, fig.decimals) == (92120000.0, True, 0)


@pytest.mark.parametrize("text", ["72,89%", "72,89 %", "**72,89%**"])
def test_percent(text: str) -> None:
    fig = parse_figure(text)
    assert (fig.value, fig.is_percent, fig.decimals, fig.convention) == (72.89, True, 2, "id")


def test_range_percent() -> None:
    fig = parse_figure("5-6%")
    assert (fig.kind, fig.value, fig.low, fig.high, fig.is_percent) == ("range", None, 5.0, 6.0, True)


@pytest.mark.parametrize("text", ["5 - 6", "5–6", "5 s/d 6", "6 - 5"])
def test_range_forms(text: str) -> None:
    fig = parse_figure(text)
    assert (fig.kind, fig.low, fig.high, fig.is_percent) == ("range", 5.0, 6.0, False)


def test_range_with_decimals() -> None:
    fig = parse_figure("72,89 - 74,5")
    assert (fig.kind, fig.low, fig.high, fig.decimals, fig.convention) == ("range", 72.89, 74.5, 2, "id")


@pytest.mark.parametrize("text", ["(1.234)", "-1.234", "−1.234"])
def test_negative(text: str) -> None:
    fig = parse_figure(text)
    assert (fig.value, fig.negative, fig.kind) == (-1234.0, True, "number")


@pytest.mark.parametrize("text", ["-", "–", "—", "", "  ", "Rp. -", "Nihil"])
def test_empty(text: str) -> None:
    fig = parse_figure(text)
    assert (fig.kind, fig.value, fig.low, fig.high) == ("empty", None, None, None)


def test_empty_currency_keeps_flag() -> None:
    assert parse_figure("Rp. -").is_currency is True


@pytest.mark.parametrize("text", ["APBD II", "Indeks", "1.", "a.", "4 (empat)", "72,89 poin"])
def test_text(text: str) -> None:
    fig = parse_figure(text)
    assert (fig.kind, fig.value) == ("text", None)


def test_bad_grouping_seed() -> None:
    fig = parse_figure("2.949.374059")
    assert (fig.kind, fig.issue, fig.value, fig.decimals) == ("malformed", "bad-grouping", 2949374059.0, 0)
    assert fig.is_malformed
    assert fig.convention == "id"


def test_space_inside_seed() -> None:
    fig = parse_figure("4. 603.119.714")
    assert (fig.kind, fig.issue, fig.value) == ("malformed", "space-inside", 4603119714.0)


def test_space_inside_with_rupiah() -> None:
    fig = parse_figure("Rp. 4. 603.119.714,-")
    assert (fig.kind, fig.issue, fig.value, fig.is_currency) == ("malformed", "space-inside", 4603119714.0, True)


def test_us_convention_seed() -> None:
    fig = parse_figure("3,744,272,913")
    assert (fig.kind, fig.convention, fig.issue, fig.value) == ("number", "us", "us-convention", 3744272913.0)
    assert not fig.is_malformed


@pytest.mark.parametrize(
    "text, value, decimals",
    [("1.5", 1.5, 1), ("0.300", 0.3, 3), ("1,234.56", 1234.56, 2), ("12.50", 12.5, 2)],
)
def test_us_decimals(text: str, value: float, decimals: int) -> None:
    fig = parse_figure(text)
    assert (fig.value, fig.decimals, fig.convention, fig.issue) == (value, decimals, "us", "us-convention")


def test_mixed_separators() -> None:
    fig = parse_figure("1.234,567.89")
    assert (fig.kind, fig.issue, fig.value) == ("malformed", "mixed-separators", 123456789.0)


def test_bad_grouping_keeps_clear_decimals() -> None:
    fig = parse_figure("1.23,5")
    assert (fig.kind, fig.issue, fig.value, fig.decimals) == ("malformed", "bad-grouping", 123.5, 1)


def test_ambiguous_prefers_indonesian() -> None:
    dot, comma = parse_figure("1.300"), parse_figure("1,300")
    assert (dot.value, dot.decimals, dot.convention) == (1300.0, 0, "ambiguous")
    assert (comma.value, comma.decimals, comma.convention) == (1.3, 3, "ambiguous")


def test_ambiguous_prefer_us() -> None:
    dot, comma = parse_figure("1.300", prefer="us"), parse_figure("1,300", prefer="us")
    assert (dot.value, dot.decimals) == (1.3, 3)
    assert (comma.value, comma.decimals) == (1300.0, 0)


def test_prefer_must_be_known() -> None:
    with pytest.raises(ValueError):
        parse_figure("1.300", prefer="fr")


def test_ambiguous_money_is_thousands() -> None:
    assert (parse_figure("Rp 1.500").value, parse_figure("Rp 1.500").convention) == (1500.0, "id")
    fig = parse_figure("Rp. 1,500,-")
    assert (fig.value, fig.convention, fig.issue) == (1500.0, "us", "us-convention")


def test_malformed_issues_constant() -> None:
    assert MALFORMED_ISSUES == {"bad-grouping", "space-inside", "mixed-separators"}


def test_tolerance() -> None:
    assert tolerance(parse_figure("96,44")) == pytest.approx(0.005)
    assert tolerance(parse_figure("3.744.272.913")) == 0.5
    assert tolerance(parse_figure("1,5")) == pytest.approx(0.05)
    assert tolerance(parse_figure("126.599.750,00")) == pytest.approx(0.005)


def test_tolerance_explains_seed_capaian() -> None:
    # 3.610.861.236 / 3.744.272.913 = 96.437...%, printed 96,44: within rounding.
    fig = parse_figure("96,44")
    computed = 3610861236 / 3744272913 * 100
    assert abs(computed - fig.value) <= tolerance(fig)
    assert abs(computed - 96.45) > tolerance(parse_figure("96,45"))


@pytest.mark.parametrize(
    "value, decimals, id_text, en_text",
    [
        (3744272913, 0, "3.744.272.913", "3,744,272,913"),
        (96.44, 2, "96,44", "96.44"),
        (96.445, 2, "96,45", "96.45"),
        (0.3, 2, "0,30", "0.30"),
        (-6000000, 0, "-6.000.000", "-6,000,000"),
        (-0.001, 2, "0,00", "0.00"),
        (999.5, 0, "1.000", "1,000"),
        (1234.5, 1, "1.234,5", "1,234.5"),
    ],
)
def test_format(value: float, decimals: int, id_text: str, en_text: str) -> None:
    assert format_id(value, decimals) == id_text
    assert format_en(value, decimals) == en_text


def test_format_round_trip() -> None:
    for v in (0, 7, 1234, 4760149793, 157030079):
        assert parse_figure(format_id(v)).value == v
    assert parse_figure(format_id(96.7, 2)).value == 96.7
    assert math.isclose(parse_figure(format_id(3.3, 2)).value, 3.3)


SEED_SENTENCE = (
    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota yang dialokasikan anggaran "
    "sebesar Rp. 3.744.272.913,- dengan realiasi sebesar Rp. 3.610.861.236,- dengan tingkat "
    "pencapaian 96,44%, rincian kegiatan dan sub kegiatan sebagai berikut :"
)


def test_find_figures_seed_sentence() -> None:
    found = find_figures(SEED_SENTENCE)
    texts = [SEED_SENTENCE[a:b] for a, b, _ in found]
    assert texts == ["Rp. 3.744.272.913,-", "Rp. 3.610.861.236,-", "96,44%"]
    assert [f.value for _, _, f in found] == [3744272913.0, 3610861236.0, 96.44]
    assert [f.is_currency for _, _, f in found] == [True, True, False]
    assert found[2][2].is_percent


def test_find_figures_spans_match_text() -> None:
    text = "yang diserap sebesar **Rp. 4. 603.119.714,-** atau terdapat efisiensi sebesar **3,30%**"
    found = find_figures(text)
    assert [text[a:b] for a, b, _ in found] == ["Rp. 4. 603.119.714,-", "3,30%"]
    assert found[0][2].issue == "space-inside"
    assert found[0][2].value == 4603119714.0
    assert all(f.text == text[a:b] for a, b, f in found)


def test_find_figures_space_before_dash_suffix() -> None:
    text = "terealisasi sebesar Rp. 9.987.650 ,- atau 99,88% yang"
    found = find_figures(text)
    assert [text[a:b] for a, b, _ in found] == ["Rp. 9.987.650 ,-", "99,88%"]


def test_find_figures_returns_small_numbers_and_years_for_caller() -> None:
    text = "menetapkan 4 (empat) sasaran strategis pada tahun 2024"
    found = find_figures(text)
    assert [(f.value, f.convention) for _, _, f in found] == [(4.0, "plain"), (2024.0, "plain")]


def test_find_figures_ranges_and_negative() -> None:
    text = "Renstra Tahun 2024-2026 dengan target 5-6% dan selisih -2,5% saja"
    found = find_figures(text)
    assert [text[a:b] for a, b, _ in found] == ["2024-2026", "5-6%", "-2,5%"]
    assert [f.kind for _, _, f in found] == ["range", "range", "number"]
    assert found[2][2].value == -2.5


def test_find_figures_skips_references_dates_and_nips() -> None:
    text = (
        "Tabel 3.6 menurut Nomor 38 Tahun 2019, pukul 08.00 pada 20-01-2025; "
        "NIP. 19720121 199903 1 007 sebesar 96,70%"
    )
    found = find_figures(text)
    assert [text[a:b] for a, b, _ in found] == ["2019", "96,70%"]


def test_find_figures_without_skipping_references() -> None:
    text = "Tabel 3.6 sebesar 96,70%"
    found = find_figures(text, skip_references=False)
    assert [text[a:b] for a, b, _ in found] == ["3.6", "96,70%"]
    assert found[0][2].issue == "us-convention"


def test_find_figures_us_convention_in_text() -> None:
    text = "Program Penunjang 3,744,272,913 APBD II"
    found = find_figures(text)
    assert len(found) == 1
    assert (found[0][2].convention, found[0][2].value) == ("us", 3744272913.0)


def test_find_figures_no_partial_numbers() -> None:
    assert find_figures("kode 1.234,5x dan A12") == []


def test_find_figures_sentence_end_dot() -> None:
    text = "terealisasi sebesar Rp. 5.100.000. Selanjutnya 100%."
    found = find_figures(text)
    assert [text[a:b] for a, b, _ in found] == ["Rp. 5.100.000", "100%"]


# --- identifiers and other shapes that are not slips -------------------------------------------------------


@pytest.mark.parametrize("text", ["19720112 201105 2 038", "19720112.201105.2.038", "19720112-201105-2-038",
                                  "01.234.567.8-901.000", "0812 3456 7890", "0382.21234", "08.00"])
def test_identifiers_are_text(text: str) -> None:
    assert (parse_figure(text).kind, parse_figure(text).value) == ("text", None)


def test_space_grouped_amount_is_well_formed() -> None:
    fig = parse_figure("4 760 149 793")
    assert (fig.kind, fig.value, fig.issue, fig.convention) == ("number", 4760149793.0, None, "plain")
    assert parse_figure("1 234,5").convention == "id"
    assert parse_figure("4 603.119.714").issue == "space-inside"


def test_two_numbers_in_one_cell_are_not_one_figure() -> None:
    assert parse_figure("90 80").kind == "text"


def test_find_figures_skips_identifiers_and_codes_before_names() -> None:
    text = ("Telp. (0382) 21234, HP 0812-3456-7890, NPWP 01.234.567.8-901.000, Kode Rekening 5.1.02.01.01.0024, "
            "7.01 - KECAMATAN, pukul 08.00 WITA, NIP:\n19720112 201105\n2 038\ncapaian 96,445%")
    found = find_figures(text)
    assert [text[a:b] for a, b, _ in found] == ["96,445%"]


def test_find_figures_reads_rupiah_grouped_by_spaces_as_parts() -> None:
    text = "sebesar Rp 4 760 149 793 pada 2024"
    assert all(not f.is_malformed for _, _, f in find_figures(text))
