"""People in signature blocks and Nama/Jabatan blocks: the seed, the samples, and small layouts."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Sequence

import pytest

from lakip.ingest.model import Cell, Document, Page, Table, TextBlock
from lakip.ingest.text_reader import read_text
from lakip.schemas.people import extract_people, is_person_name

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CAMAT = "DON LAURENZO U. N. DA SILVA, SE"
ATASAN = "ARDIANUS F. PARERA, SE, M.Si"
NIP = "19720121 199903 1 007"


def document(*pages: Sequence[str], tables: Sequence[Table] = ()) -> Document:
    """A Document with one text block per given line, page by page."""
    blocks = [TextBlock(text=t, page=n, order=len(pages) * 100 + k)
              for n, lines in enumerate(pages, start=1) for k, t in enumerate(lines, start=n * 50)]
    return Document(path="x.pdf", sha256="0" * 64, kind="pdf",
                    pages=tuple(Page(n, 595, 842) for n in range(1, len(pages) + 1)),
                    blocks=tuple(blocks), tables=tuple(tables))


def table(rows: Sequence[Sequence[str]], page: int = 3) -> Table:
    """A small borderless table (as a Word draft lays out signatures) with no header row."""
    return Table("t1", None, (page,), (), tuple(tuple(Cell(t, page) for t in r) for r in rows), "test")


def shape(people) -> list[tuple]:
    """What is compared: context, name, jabatan, pangkat, NIP."""
    return [(p.context, p.name, p.jabatan, p.pangkat, p.nip_text) for p in people]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Document:
    """The seed report, read from its text export."""
    return read_text(seed_path)


SEED_PEOPLE = [
    ("pihak", "Don L. Usi Neno Da Silva, SE", "Camat Alok Barat", None, None),
    ("pihak", "Ardianus Firminus Parera, SE, M. Si", "Penjabat Bupati Sikka", None, None),
    ("signature", CAMAT, "Camat Alok Barat", "Pembina Tk. I", NIP),
    ("signature", ATASAN, "Pihak Kedua", None, None),
    ("signature", CAMAT, "Pihak Pertama", "Pembina Tk. I", NIP),
    ("signature", ATASAN, "Pihak Kedua", None, None),
    ("signature", CAMAT, "Pihak Pertama", "Pembina Tk. I", NIP),
    ("signature", CAMAT, "Camat Alok Barat", "Pembina Tk. I", "19730121 199903 1 007"),
]


def test_seed_people(seed: Document) -> None:
    people = extract_people(seed)
    assert sorted(shape(people), key=str) == sorted(SEED_PEOPLE, key=str)
    kata_pengantar = [p for p in people if p.nip_text == NIP][0]
    assert kata_pengantar.source.page < min(p.source.page for p in people if p.context == "pihak")


@pytest.mark.parametrize("name", ["lakip-kecamatan-alok-barat-2024.docx", "lakip-kecamatan-alok-barat-2024.pdf"])
def test_same_people_from_docx_and_pdf(name: str) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} not built")
    from lakip.ingest.reader import open_document
    assert sorted(shape(extract_people(open_document(path))), key=str) == sorted(SEED_PEOPLE, key=str)


def test_wrapped_lines_give_the_same_people(seed: Document) -> None:
    blocks = [TextBlock(part, b.page, None, b.order, b.bold) for b in seed.blocks
              for part in (textwrap.wrap(b.text, 70) or [b.text])]
    assert shape(extract_people(replace(seed, blocks=tuple(blocks)))) == shape(extract_people(seed))


def test_two_blocks_side_by_side_pair_jabatan_and_names_in_order() -> None:
    doc = document(["Maumere, 5 Januari 2024", "PIHAK KEDUA,", "PIHAK PERTAMA,", "Drs. YOHANES BOSCO, M.Si",
                    "MARIA GORETI, S.Sos", "Penata Tk. I (III/d)", "NIP. 19800202 200501 2 003"])
    assert shape(extract_people(doc)) == [
        ("signature", "Drs. YOHANES BOSCO, M.Si", "PIHAK KEDUA", None, None),
        ("signature", "MARIA GORETI, S.Sos", "PIHAK PERTAMA", "Penata Tk. I (III/d)", "19800202 200501 2 003")]


def test_jabatan_over_two_lines_and_a_signature_without_nip() -> None:
    doc = document(["Kepala Dinas Kesehatan", "Kabupaten Sikka,", "dr. Petrus Herlemus, MPH", "Pembina Utama Muda",
                    "NIP. 19650505 199003 1 010"], ["Bupati Sikka,", "FRANSISKUS ROBERTO DIOGO"])
    assert shape(extract_people(doc)) == [
        ("signature", "dr. Petrus Herlemus, MPH", "Kepala Dinas Kesehatan Kabupaten Sikka", "Pembina Utama Muda",
         "19650505 199003 1 010"),
        ("signature", "FRANSISKUS ROBERTO DIOGO", "Bupati Sikka", None, None)]


def test_capitalised_titles_are_not_people() -> None:
    doc = document(["PERJANJIAN KINERJA TAHUN 2024", "KECAMATAN ALOK BARAT", "BERDASARKAN INDIKATOR KINERJA",
                    "PEMERINTAH KABUPATEN SIKKA", "Daftar Isi", "Kata Pengantar"])
    assert extract_people(doc) == ()


def test_one_line_signature_and_malformed_nip() -> None:
    doc = document(["Camat Nita, BUDI SANTOSO, SE Pembina Tk. I NIP. 19720121 199903 1 07"])
    assert shape(extract_people(doc)) == [
        ("signature", "BUDI SANTOSO, SE", "Camat Nita", "Pembina Tk. I", "19720121 199903 1 07")]


def test_signatures_and_pihak_in_tables() -> None:
    sign = table([["PIHAK KEDUA,", "PIHAK PERTAMA,"], ["", ""], [ATASAN, CAMAT], ["", "Pembina Tk. I"],
                  ["", f"NIP. {NIP}"]])
    pihak = replace(table([["Nama", ":", "Don L. Usi Neno Da Silva, SE"], ["Jabatan", ":", "Camat Alok Barat"],
                           ["NIP", ":", NIP]], page=2), id="t2")
    doc = document(["PERJANJIAN KINERJA TAHUN 2024"], tables=[pihak, sign])
    assert sorted(shape(extract_people(doc)), key=str) == sorted([
        ("pihak", "Don L. Usi Neno Da Silva, SE", "Camat Alok Barat", None, NIP),
        ("signature", ATASAN, "PIHAK KEDUA", None, None),
        ("signature", CAMAT, "PIHAK PERTAMA", "Pembina Tk. I", NIP)], key=str)
    located = [p for p in extract_people(doc) if p.nip_text and p.context == "signature"][0]
    assert (located.source.table_id, located.source.row, located.source.page) == ("t1", 3, 3)


@pytest.mark.parametrize("text, expected", [
    (CAMAT, True), ("Don L. Usi Neno Da Silva, SE", True), ("Ir. Budi Santoso, MT", True), ("SUPARMAN", True),
    ("KECAMATAN ALOK BARAT", False), ("Pembina Tk. I", False), ("Camat Alok Barat,", False),
    ("NIP. 19720121 199903 1 007", False), ("Laporan ini disusun dengan baik", False), ("Pihak Pertama", False),
])
def test_is_person_name(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected


@pytest.mark.parametrize("lines, nip", [
    (["NIP. 19720112 201105 2 038"], "19720112 201105 2 038"),
    (["NIP 19720112.201105.2.038"], "19720112.201105.2.038"),
    (["NIP: 19720112-201105-2-038"], "19720112-201105-2-038"),
    (["NIP.19720112 199903 1 007"], "19720112 199903 1 007"),
    (["NIP:", "19720112 201105 2 038"], "19720112 201105 2 038"),
    (["NIP:", "19720112 201105", "2 038"], "19720112 201105 2 038"),
    (["NIP. 19720112", "201105 2 038"], "19720112 201105 2 038"),
    (["NI PPPK 199009132025242014"], "NI PPPK 199009132025242014"),
    (["NIPPPK. 19900913 202524 2 014"], "NI PPPK 19900913 202524 2 014"),
    (["NIP PPPK : 19870315 202309 1 001"], "NI PPPK 19870315 202309 1 001"),
])
def test_signature_nip_in_every_grouping_and_spread_over_lines(lines: list[str], nip: str) -> None:
    doc = document(["Nita, 20 Januari 2025", "Camat Nita,", "YOHANES DA SILVA, SE", "Pembina Tk. I", *lines])
    assert shape(extract_people(doc)) == [("signature", "YOHANES DA SILVA, SE", "Camat Nita", "Pembina Tk. I", nip)]


def test_nip_label_and_number_in_two_table_cells() -> None:
    sign = table([["Camat Nita,", ""], ["YOHANES DA SILVA, SE", ""], ["Pembina Tk. I", ""],
                  ["NIP.", "19720112 201105 2 038"]])
    pihak = replace(table([["Nama", ":", "Maria Goreti, S.Sos"], ["Jabatan", ":", "Sekretaris Camat"],
                           ["NI PPPK", ":", "199009132025242014"]], page=2), id="t2")
    doc = document(["PERJANJIAN KINERJA TAHUN 2024"], tables=[sign, pihak])
    assert sorted(shape(extract_people(doc)), key=str) == sorted([
        ("signature", "YOHANES DA SILVA, SE", "Camat Nita", "Pembina Tk. I", "19720112 201105 2 038"),
        ("pihak", "Maria Goreti, S.Sos", "Sekretaris Camat", None, "NI PPPK 199009132025242014")], key=str)
