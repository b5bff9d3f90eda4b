"""Tests for lakip.values.nip: reading and checking NIPs."""

from __future__ import annotations

from datetime import date

import pytest

from lakip.values.nip import Nip, check_against, doubts_against, find_nips, format_nip, parse_nip

SEED_NIP = "19720121 199903 1 007"
SEED_DOC_DATE = date(2025, 1, 20)


def test_seed_nip_is_valid() -> None:
    nip = parse_nip(SEED_NIP)
    assert nip == Nip(
        text=SEED_NIP,
        digits="197201211999031007",
        well_formed=True,
        kind="pns",
        birth_date=date(1972, 1, 21),
        tmt_year=1999,
        tmt_month=3,
        gender=1,
        sequence="007",
        problems=(),
        standard_spacing=True,
        number=SEED_NIP,
    )
    assert nip.valid
    assert check_against(nip, SEED_DOC_DATE) == ()


@pytest.mark.parametrize(
    "text",
    ["197201211999031007", "NIP. 19720121 199903 1 007", "NIP : 19720121 199903 1 007",
     "NIP 19720121 199903 1 007", "19720121.199903.1.007"],
)
def test_printed_forms(text: str) -> None:
    nip = parse_nip(text)
    assert (nip.digits, nip.well_formed, nip.kind, nip.problems) == ("197201211999031007", True, "pns", ())
    assert nip.standard_spacing


def test_irregular_spacing_still_18_digits() -> None:
    nip = parse_nip("1972012 1199903 1 007")
    assert nip.well_formed
    assert not nip.standard_spacing
    assert nip.problems == ()


def test_tmt_month_13() -> None:
    nip = parse_nip("19720121 199913 1 007")
    assert nip.problems == ("tmt-month-invalid",)
    assert nip.tmt_month == 13
    assert not nip.valid


def test_tmt_month_00() -> None:
    assert parse_nip("19720121 199900 1 007").problems == ("tmt-month-invalid",)


def test_birth_date_invalid() -> None:
    nip = parse_nip("19721332 199903 1 007")
    assert nip.problems == ("birth-date-invalid",)
    assert nip.birth_date is None


def test_birth_date_feb_30() -> None:
    assert parse_nip("19720230 199903 1 007").problems == ("birth-date-invalid",)


def test_leap_day_is_a_date() -> None:
    assert parse_nip("19720229 199903 1 007").birth_date == date(1972, 2, 29)


def test_gender_3() -> None:
    nip = parse_nip("19720121 199903 3 007")
    assert nip.problems == ("gender-invalid",)
    assert nip.gender is None


def test_female() -> None:
    assert parse_nip("19850315 201001 2 004").gender == 2


def test_17_digits_not_well_formed() -> None:
    nip = parse_nip("19720121 199903 1 07")
    assert (nip.well_formed, nip.kind, nip.digits, nip.problems) == (False, "unknown", "19720121199903107", ())
    assert nip.birth_date is None


def test_19_digits_not_well_formed() -> None:
    assert parse_nip("19720121 199903 1 0071").well_formed is False


def test_letters_inside_not_well_formed() -> None:
    assert parse_nip("19720121 1999O3 1 007").well_formed is False


def test_tmt_before_age_18() -> None:
    # born January 1972, CPNS March 1989: 17 years old
    assert parse_nip("19720121 198903 1 007").problems == ("tmt-before-age-18",)
    # born January 1972, CPNS January 1990: turned 18 that month, allowed
    assert parse_nip("19720121 199001 1 007").problems == ()
    # born March 1972, CPNS February 1990: still 17
    assert parse_nip("19720315 199002 1 007").problems == ("tmt-before-age-18",)


def test_several_problems_in_order() -> None:
    assert parse_nip("19721332 199915 3 007").problems == (
        "birth-date-invalid", "tmt-month-invalid", "gender-invalid",
    )


def test_pppk() -> None:
    nip = parse_nip("198503152023212001")
    assert (nip.kind, nip.birth_date, nip.tmt_year, nip.tmt_month, nip.gender, nip.sequence) == (
        "pppk", date(1985, 3, 15), 2023, None, 2, "001",
    )
    assert nip.problems == ()
    assert check_against(nip, date(2024, 1, 31)) == ()


def test_pppk_paruh_waktu_code_24() -> None:
    nip = parse_nip("199009132025242014")
    assert (nip.kind, nip.tmt_year, nip.gender, nip.problems) == ("pppk", 2025, 2, ())


def test_pppk_problems() -> None:
    # only the birth date of a PPPK number is certain: the rest are doubts (a warning)
    odd = parse_nip("198513152023213001")
    assert (odd.problems, odd.doubts) == (("birth-date-invalid",), ("gender-invalid",))
    young = parse_nip("201003152023211001")
    assert (young.problems, young.doubts) == ((), ("tmt-before-age-18",))
    assert young.valid


def test_pppk_after_document_year() -> None:
    nip = parse_nip("198503152025211001")
    assert check_against(nip, date(2024, 12, 31)) == ()
    assert doubts_against(nip, date(2024, 12, 31)) == ("tmt-after-document",)
    assert doubts_against(nip, date(2025, 1, 1)) == ()


def test_tmt_after_document() -> None:
    nip = parse_nip("19950101 202502 1 001")
    assert check_against(nip, SEED_DOC_DATE) == ("tmt-after-document",)
    assert check_against(nip, date(2025, 2, 1)) == ()


def test_check_against_keeps_parse_problems() -> None:
    nip = parse_nip("19721332 202503 3 007")
    assert check_against(nip, SEED_DOC_DATE) == ("birth-date-invalid", "gender-invalid", "tmt-after-document")


def test_check_against_malformed() -> None:
    assert check_against(parse_nip("1972012119990310"), SEED_DOC_DATE) == ()


def test_tmt_year_implausible() -> None:
    assert "tmt-year-invalid" in parse_nip("19720121 001903 1 007").problems


def test_format_nip() -> None:
    assert format_nip("197201211999031007") == SEED_NIP
    with pytest.raises(ValueError):
        format_nip("19720121199903100")


SEED_SIGNATURE = "DON LAURENZO U. N. DA SILVA, SE\n\nPembina Tk. I\n\nNIP. 19720121 199903 1 007\n"


def test_find_nips_seed_signature() -> None:
    found = find_nips(SEED_SIGNATURE)
    assert [n for _, _, n in found] == [SEED_NIP]
    start, end, num = found[0]
    assert SEED_SIGNATURE[start:end] == num


def test_find_nips_forms_and_malformed() -> None:
    text = (
        "NIP : 197201211999031007; NIP 19720121 199903 1 07 ; NIP. 19720121 199903 1 0071 "
        "dan tanpa label 19730121 199903 1 007, NI PPPK. 198503152023212001 serta "
        "NIP.19720121  199903 1 007"
    )
    found = find_nips(text)
    assert [n for _, _, n in found] == [
        "197201211999031007",
        "19720121 199903 1 07",
        "19720121 199903 1 0071",
        "19730121 199903 1 007",
        "198503152023212001",
        "19720121  199903 1 007",
    ]
    assert all(text[a:b] == n for a, b, n in found)
    assert [parse_nip(n).well_formed for _, _, n in found] == [True, False, False, True, True, True]


def test_find_nips_cuts_following_number() -> None:
    text = "NIP. 19720121 199903 1 007 2 orang"
    assert [n for _, _, n in find_nips(text)] == [SEED_NIP]


def test_find_nips_label_on_previous_line() -> None:
    assert [n for _, _, n in find_nips("NIP.\n19720121 199903 1 007")] == [SEED_NIP]


def test_find_nips_ignores_money_and_short_numbers() -> None:
    assert find_nips("anggaran sebesar Rp. 4.760.149.793,- pada tahun 2024 dan 1234567890123456") == []
