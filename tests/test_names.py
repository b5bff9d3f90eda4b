"""Tests for lakip.schemas.names: normalising and matching names."""

from __future__ import annotations

import pytest

from lakip.schemas.names import PersonName, name_similarity, normalize_unit, same_person, split_level_prefix, split_person_name, strip_level_prefix
from lakip.values.text import normalize_text


@pytest.mark.parametrize(
    "raw, norm",
    [
        ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
         "program penunjang urusan pemerintahan daerah kabupaten kota"),
        ("Kemudahan Akses, Cepat, Akurat dan Akuntabel", "kemudahan akses cepat akurat dan akuntabel"),
        ("Sarana & Prasarana", "sarana dan prasarana"),
        ("  Indeks   Kepuasan\nMasyarakat (IKM) ", "indeks kepuasan masyarakat ikm"),
        ("Capaian 96,44% dari 1.300 unit", "capaian 96,44% dari 1.300 unit"),
        ("*Jumlah Inovasi*", "jumlah inovasi"),
        ("Isu-isu strategis", "isu isu strategis"),
        ("", ""),
    ],
)
def test_normalize_text(raw: str, norm: str) -> None:
    assert normalize_text(raw) == norm


def test_normalize_text_keeps_level_words() -> None:
    assert normalize_text("Sub Kegiatan Evaluasi Kelurahan") == "sub kegiatan evaluasi kelurahan"


@pytest.mark.parametrize(
    "raw, level, rest",
    [
        ("Program Penunjang Urusan Pemerintah Daerah Kabupaten / Kota", "program",
         "penunjang urusan pemerintah daerah kabupaten kota"),
        ("Kegiatan Administrasi Keuangan Perangkat Daerah", "kegiatan", "administrasi keuangan perangkat daerah"),
        ("- a. Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN", "sub kegiatan", "penyediaan gaji dan tunjangan asn"),
        ("a Sub Kegiatan Evaluasi Kelurahan", "sub kegiatan", "evaluasi kelurahan"),
        ("1 Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "kegiatan",
         "perencanaan penganggaran dan evaluasi kinerja perangkat daerah"),
        ("Sub-Kegiatan Evaluasi Kelurahan", "sub kegiatan", "evaluasi kelurahan"),
        ("SubKegiatan Evaluasi Kelurahan", "sub kegiatan", "evaluasi kelurahan"),
        ("Perencanaan, Penganggaran", None, "perencanaan penganggaran"),
        ("Program", None, "program"),
        ("Programme X", None, "programme x"),
    ],
)
def test_split_level_prefix(raw: str, level: str | None, rest: str) -> None:
    assert split_level_prefix(raw) == (level, rest)
    assert strip_level_prefix(raw) == rest


@pytest.mark.parametrize(
    "raw, unit",
    [
        ("%", "%"), ("Persen", "%"), ("persentase", "%"), ("Prosentase", "%"), ("(%)", "%"),
        ("Persentase (%)", "%"), ("presentase", "%"),
        ("Indeks", "indeks"), ("Index", "indeks"), ("Nilai Indeks", "indeks"), ("indeks", "indeks"),
        ("Dokumen", "dokumen"), ("Dok.", "dokumen"), ("Orang", "orang"), ("org", "orang"),
        ("Unit", "unit"), ("Kegiatan", "kegiatan"), ("Jumlah", "jumlah"), ("Laporan", "laporan"),
        ("Nilai", "nilai"), ("Inovasi", "inovasi"), ("", ""),
    ],
)
def test_normalize_unit(raw: str, unit: str) -> None:
    assert normalize_unit(raw) == unit


def test_units_of_seed_are_one_unit() -> None:
    # Tabel 3.7 prints "persen" where the IKU table prints "%" and the PK "Persentase"
    assert {normalize_unit(u) for u in ("%", "persen", "Persentase")} == {"%"}
    assert normalize_unit("Indeks") != normalize_unit("%")


def test_split_person_name_seed() -> None:
    p = split_person_name("DON LAURENZO U. N. DA SILVA, SE")
    assert p == PersonName(
        text="DON LAURENZO U. N. DA SILVA, SE",
        given=("DON", "LAURENZO", "U.", "N.", "DA", "SILVA"),
        tokens=("don", "laurenzo", "u", "n", "da", "silva"),
        titles_before=(),
        titles_after=("SE",),
    )
    assert p.name == "DON LAURENZO U. N. DA SILVA"


def test_split_person_name_two_titles() -> None:
    p = split_person_name("ARDIANUS F. PARERA, SE, M.Si")
    assert (p.tokens, p.titles_after) == (("ardianus", "f", "parera"), ("SE", "M.Si"))


def test_split_person_name_drops_pangkat_and_nip() -> None:
    p = split_person_name("DON LAURENZO U. N. DA SILVA, SE\nPembina Tk. I\nNIP. 19720121 199903 1 007")
    assert p.tokens == ("don", "laurenzo", "u", "n", "da", "silva")
    assert p.titles_after == ("SE",)


@pytest.mark.parametrize(
    "raw, tokens, before, after",
    [
        ("Dr. Ir. Maria Goreti S.Sos M. Si", ("maria", "goreti"), ("Dr.", "Ir."), ("S.Sos", "M. Si")),
        ("Drs. Yohanes Don Bosco MM", ("yohanes", "don", "bosco"), ("Drs.",), ("MM",)),
        ("Hj. Siti Aminah, S.Pd., M.Pd", ("siti", "aminah"), ("Hj.",), ("S.Pd.", "M.Pd")),
        ("Yohanes A.Md.Kep", ("yohanes",), (), ("A.Md.Kep",)),
        ("Maria Goreti S.E.", ("maria", "goreti"), (), ("S.E.",)),
        ("Paulus S.H., M.H.", ("paulus",), (), ("S.H.", "M.H.")),
        ("Petrus S.Kom", ("petrus",), (), ("S.Kom",)),
        ("Agnes S.STP", ("agnes",), (), ("S.STP",)),
        ("Yosef S.IP", ("yosef",), (), ("S.IP",)),
        ("Ma'ruf Amin", ("maruf", "amin"), (), ()),
        ("Penata Tk. I (III/d)", (), (), ()),
    ],
)
def test_split_person_name_titles(raw: str, tokens: tuple, before: tuple, after: tuple) -> None:
    p = split_person_name(raw)
    assert (p.tokens, p.titles_before, p.titles_after) == (tokens, before, after)


def test_same_person_seed_initials() -> None:
    assert same_person("DON LAURENZO U. N. DA SILVA, SE", "Don L. Usi Neno Da Silva, SE") == pytest.approx(0.9)


def test_same_person_seed_second_signatory() -> None:
    score = same_person("ARDIANUS F. PARERA, SE, M.Si", "Ardianus Firminus Parera, SE, M. Si")
    assert score == pytest.approx(0.9333)


def test_same_person_without_middle_initials() -> None:
    assert same_person("Don Laurenzo Da Silva", "DON LAURENZO U. N. DA SILVA, SE") == pytest.approx(0.96)


def test_same_person_is_symmetric() -> None:
    a, b = "DON LAURENZO U. N. DA SILVA, SE", "Don L. Usi Neno Da Silva, SE"
    assert same_person(a, b) == same_person(b, a)


def test_same_person_identical() -> None:
    assert same_person("Ardianus Firminus Parera", "ARDIANUS FIRMINUS PARERA, SE") == 1.0


def test_different_people_low() -> None:
    assert same_person("Don Laurenzo Da Silva", "Ardianus Parera") == 0.0
    assert same_person("DON LAURENZO U. N. DA SILVA, SE", "ARDIANUS F. PARERA, SE, M.Si") < 0.3


def test_same_first_name_only_low() -> None:
    assert same_person("Maria Goreti", "Maria Yosefa") == pytest.approx(0.5)


def test_order_matters() -> None:
    assert same_person("Silva Da Laurenzo Don", "Don Laurenzo Da Silva") < 0.5


def test_abbreviation_and_typo() -> None:
    assert same_person("Muh. Ali", "Muhammad Ali") == pytest.approx(0.9)
    assert same_person("Laurenso Da Silva", "Laurenzo Da Silva") > 0.85


def test_initials_only_capped() -> None:
    assert same_person("A. B.", "Ardianus Budi") == 0.7


def test_empty_names() -> None:
    assert same_person("", "Maria") == 0.0
    assert same_person("SE, M.Si", "Maria") == 0.0


def test_name_similarity_same_indicator_written_differently() -> None:
    assert name_similarity("Kemudahan Akses, Cepat, Akurat dan Akuntabel",
                           "Kemudahan akses, cepat, akurat, dan akuntabel") == 1.0
    assert name_similarity("Program Penunjang Urusan Pemerintah Daerah Kabupaten / Kota",
                           "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota") > 0.95


def test_name_similarity_different_indicators() -> None:
    assert name_similarity("Indeks Kepuasan Masyarakat", "Indeks sarana prasarana") < 0.8
    assert name_similarity("Tersedianya SOP", "Jumlah Inovasi") < 0.4


def test_name_similarity_containment_not_full() -> None:
    assert name_similarity("Indeks", "Indeks Kepuasan Masyarakat") < 0.75


def test_name_similarity_strip_prefix() -> None:
    a = "Program Pemberdayaan Masyarakat Desa dan Kelurahan"
    b = "Pemberdayaan Masyarakat Desa Dan Kelurahan"
    assert name_similarity(a, b, strip_prefix=True) == 1.0
    assert name_similarity(a, b) < 1.0


def test_name_similarity_empty() -> None:
    assert name_similarity("", "Indeks") == 0.0


def test_a_word_broken_over_two_lines_of_a_cell_is_the_same_name() -> None:
    from lakip.schemas.names import indicator_similarity, name_similarity

    assert name_similarity("Nilai kematangan penyelenggaraan SPIP", "Nilai kematangan penyeleng garaan SPIP") == 1.0
    assert indicator_similarity("Nilai kematangan penyelenggaraan SPIP", "Nilai SPIP") < 1.0
