"""Narrative facts: amounts per program/kegiatan, stated counts and numbers in words, on the seed and small texts."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Optional

import pytest

from lakip.ingest.model import Cell, Document, Table, TextBlock
from lakip.ingest.text_reader import read_text
from lakip.schemas.facts import LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_TOTAL, NarrativeAmount
from lakip.schemas.narrative import Narrative, extract_narrative, paragraphs, scope_of, sentences
from textdocs import document


def wrapped(doc: Document, width: int) -> Document:
    """The document as a PDF reader gives it: one block per printed line."""
    blocks = [TextBlock(part, b.page, None, b.order, b.bold) for b in doc.blocks
              for part in (textwrap.wrap(b.text, width) or [b.text])]
    return replace(doc, blocks=tuple(blocks))


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Document:
    """The seed report, read from its text export."""
    return read_text(seed_path)


@pytest.fixture(scope="module")
def story(seed: Document) -> Narrative:
    """The seed's narrative facts."""
    return extract_narrative(seed)


def value(fig) -> Optional[float]:
    """A figure's value, None when absent."""
    return fig.value if fig is not None else None


def amount(story: Narrative, start: str) -> NarrativeAmount:
    """The one statement whose subject starts with ``start``."""
    found = [a for a in story.amounts if a.subject.startswith(start)]
    assert len(found) == 1, [a.subject for a in found]
    return found[0]


def test_seed_amount_statements_cover_the_whole_budget(story: Narrative) -> None:
    levels = [a.level for a in story.amounts]
    assert (levels.count(LEVEL_PROGRAM), levels.count(LEVEL_KEGIATAN), levels.count(LEVEL_SUBKEGIATAN)) == (3, 8, 18)
    for a in story.amounts:
        if a.level != LEVEL_TOTAL:
            assert a.pagu is not None and a.realisasi is not None and a.percent is not None, a.subject
            assert a.subject.split()[0] in ("Program", "Kegiatan", "Sub"), a.subject


def test_seed_program_kegiatan_and_sub_kegiatan(story: Narrative) -> None:
    program = amount(story, "Program Penunjang")
    # not doubled by the bold heading "➤ Program Penunjang …" printed right above the sentence
    assert program.subject == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    assert (value(program.pagu), value(program.realisasi), value(program.percent)) == (3744272913, 3610861236, 96.44)
    keuangan = amount(story, "Kegiatan Administrasi Keuangan")
    assert keuangan.pagu.text == "Rp. 3.172.147.713" and value(keuangan.realisasi) == 3063738659
    gaji = amount(story, "Sub Kegiatan Penyediaan Gaji")
    assert value(gaji.realisasi) == 2949374059  # the narrative prints it well-formed
    mesin = amount(story, "Sub Kegiatan Pemeliharaan Peralatan")  # its sentence runs over a page break
    assert (value(mesin.pagu), value(mesin.realisasi), value(mesin.percent)) == (7650000, 5100000, 66.67)
    sinergi = amount(story, "Sub Kegiatan Koordinasi/Sinergi")  # its name contains "dengan"
    assert sinergi.subject.endswith("dengan Perangkat Daerah dan Instansi Vertikal Terkait")
    assert amount(story, "Kegiatan Penyediaan Jasa Penunjang").subject.endswith("Pemerintahan Daerah")


def test_seed_totals(story: Narrative) -> None:
    totals = [a for a in story.amounts if a.level == LEVEL_TOTAL]
    ringkasan = totals[0]
    assert ringkasan.subject == "DPPA Kecamatan Alok Barat"
    assert (value(ringkasan.pagu), value(ringkasan.realisasi), value(ringkasan.percent)) == (4760149793, 4603119714,
                                                                                              96.70)
    assert ringkasan.realisasi.text == "Rp. 4. 603.119.714,-"
    efisiensi = [a for a in totals if a.sisa is not None]
    assert len(efisiensi) == 1
    assert (value(efisiensi[0].pagu), value(efisiensi[0].realisasi), value(efisiensi[0].sisa)) == (
        4760149793, 4603119714, 157030079)
    assert efisiensi[0].percent is None  # 3,30% is the efisiensi, not the penyerapan
    # "… sebesar Rp. 4.603.119.714,- dari total anggaran … sebesar Rp. 4.760.149.793,-": the part is not a pagu
    assert all(value(a.pagu) in (None, 4760149793) for a in totals)


@pytest.mark.parametrize("width", [60, 85])
def test_wrapped_lines_give_the_same_statements(seed: Document, story: Narrative, width: int) -> None:
    again = extract_narrative(wrapped(seed, width))
    shape = lambda s: [(a.subject, a.level, value(a.pagu), value(a.realisasi), value(a.percent), value(a.sisa))
                       for a in s.amounts]
    assert shape(again) == shape(story)
    assert [(c.noun, c.number, c.source.text) for c in again.counts] == [
        (c.noun, c.number, c.source.text) for c in story.counts]
    assert [(w.words_value, w.is_amount) for w in again.number_words] == [
        (w.words_value, w.is_amount) for w in story.number_words]


def test_seed_counts(story: Narrative) -> None:
    plain = {(c.noun, c.number) for c in story.counts if scope_of(c) is None}
    assert plain == {("sasaran", 4), ("indikator", 4), ("target", 4), ("program", 3), ("kegiatan", 8),
                     ("subkegiatan", 18), ("kelurahan", 4)}
    ringkasan = [c for c in story.counts if c.noun == "subkegiatan" and c.number == 18][0]
    assert ringkasan.words == "delapan belas"
    scoped = [(scope_of(c).name, scope_of(c).level, scope_of(c).relation, c.noun, c.number)
              for c in story.counts if scope_of(c)]
    assert ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "program", "dengan", "kegiatan", 5) in scoped
    assert ("Program Pemberdayaan Masyarakat Desa Dan Kelurahan", "program", "dengan", "kegiatan", 1) in scoped
    assert ("Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", "kegiatan", "dengan",
            "subkegiatan", 1) in scoped  # the whole list item, not from its inner word "Kegiatan"
    assert ("Program Pemberdayaan Masyarakat dan Kelurahan", "program", "didukung oleh", "kegiatan", 1) in scoped
    assert len(scoped) == 12
    # the numbers of the budget narrative's list items ("1 Kegiatan Perencanaan …") are not counts
    assert not any(c.source.text.startswith("1 Kegiatan") for c in story.counts)


@pytest.mark.parametrize("text, relation, name", [
    ("Pada Misi 1, yaitu Meningkatkan pengendalian pencemaran, terdapat 2 sasaran yang ingin dicapai.",
     "terdapat", "Misi 1, yaitu Meningkatkan pengendalian pencemaran"),
    ("Berdasarkan tabel diatas terdapat 2 indikator kinerja sasaran pada Dinas yang mendukung indikator Gubernur.",
     "sebagian", None),
    ("Kegiatan ini dengan target Tersosialisasinya Produksi Bersih sebanyak 1 kegiatan.", "sebanyak", None),
    ("Indikator ini dicapai melalui Program Pelayanan Publik didukung oleh 2 (dua) kegiatan yaitu A dan B.",
     "didukung oleh", "Program Pelayanan Publik"),
])
def test_scoped_counts_in_small_texts(text: str, relation: str, name: Optional[str]) -> None:
    counts = extract_narrative(document([text])).counts
    assert len(counts) == 1
    scope = scope_of(counts[0])
    assert scope is not None and scope.relation == relation
    if name:
        assert scope.name == name


def test_plain_counts_in_small_texts() -> None:
    text = ("Dinas ini melaksanakan 12 (dua belas) program dan 40 kegiatan pada Tahun 2024 sesuai Pasal 4 ayat (2) "
            "Peraturan Bupati Nomor 3 Tahun 2020 dalam 3 tahun ke depan di 6 (enam) bidang.")
    counts = extract_narrative(document([text])).counts
    assert [(c.noun, c.number, c.words, scope_of(c)) for c in counts] == [
        ("program", 12, "dua belas", None), ("kegiatan", 40, None, None), ("bidang", 6, "enam", None)]


def test_seed_number_words(story: Narrative) -> None:
    amounts = [w for w in story.number_words if w.is_amount]
    assert len(amounts) == 1
    assert amounts[0].figure.value == 4760149793 and amounts[0].words_value == 4760149793
    assert amounts[0].words.startswith("Empat Miliar Tujuh Ratus") and amounts[0].words.endswith("Rupiah")
    small = [(w.figure.value, w.words, w.words_value) for w in story.number_words if not w.is_amount]
    assert (1, "Satu", 1) in small and (18, "delapan belas", 18) in small
    assert all(w == v for v, _, w in small)  # the seed's small numbers and words agree


def test_number_words_that_disagree_or_are_not_numbers() -> None:
    doc = document(["Ditetapkan 4 (lima) sasaran strategis pada tahun 2024 (Narasi dan penghargaan) dengan anggaran",
                    "sebesar Rp. 1.250.000,- (Satu Juta Dua Ratus Lima Puluh Ribu Rupiah) dan Rp. 2.000.000,-",
                    "(Dua Juta Rupiyah) serta Rp 500.000 (Lima Ratus Ribuh Rupiah)."])
    words = [(w.figure.value, w.words_value, w.is_amount) for w in extract_narrative(doc).number_words]
    assert words == [(4, 5, False), (1250000, 1250000, True), (2000000, 2000000, True), (500000, None, True)]


def test_paragraphs_join_wrapped_sentences_and_stop_at_items_tables_and_folios() -> None:
    table = Table("t1", "Tabel 3.1", (2,), ((Cell("A"), Cell("B")),), ((Cell("1"), Cell("2")),), "test", order=4)
    doc = document(["Program Penunjang dengan alokasi dana sebesar", "Rp. 1.000.000,- terealisasi sebesar Rp. 24.",
                    "1. Kegiatan Administrasi", "a. Sub Kegiatan Gaji", "12"],
                   ["162.570,- atau 90%.", "Berikut tabelnya"])
    texts = [p.text for p in paragraphs(doc)]
    assert texts == ["Program Penunjang dengan alokasi dana sebesar Rp. 1.000.000,- terealisasi sebesar Rp. 24.",
                     "1. Kegiatan Administrasi", "a. Sub Kegiatan Gaji 162.570,- atau 90%.", "Berikut tabelnya"]
    split = document(["Anggaran sebesar Rp. 24.", "162.570,- terserap 90%."], tables=[replace(table, order=9)])
    assert [p.text for p in paragraphs(split)] == ["Anggaran sebesar Rp. 24. 162.570,- terserap 90%."]
    with_table = document(["Sumber dana tersedia", "Tabel 3.1", "Realisasi Anggaran"], tables=[replace(table, order=2)])
    assert [p.text for p in paragraphs(with_table)] == ["Sumber dana tersedia Tabel 3.1", "Realisasi Anggaran"]


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = "Dana sebesar Rp. 1.000,- dikelola Drs. H. Ahmad. Realisasi mencapai 90%. Sisa dikembalikan."
    assert [text[a:b].strip() for a, b in sentences(text)] == [
        "Dana sebesar Rp. 1.000,- dikelola Drs. H. Ahmad.", "Realisasi mencapai 90%.", "Sisa dikembalikan."]


@pytest.mark.parametrize("sentence", [
    "Dari alokasi Rp 11.372.839.860,00 yang diserap sebesar Rp 10.493.449.570,00, terdapat efisiensi sebesar 7,73% "
    "yaitu sebesar Rp {sisa},00.",
    "Efisiensi anggaran tahun 2022 sebesar Rp {sisa} atau 7,73% dari pagu Rp 11.372.839.860 "
    "(realisasi Rp 10.493.449.570).",
    "Sisa anggaran (efisiensi) sebesar Rp {sisa} atau 7,73%, dengan realisasi Rp 10.493.449.570 dari pagu "
    "Rp 11.372.839.860.",
])
def test_an_efisiensi_sentence_naming_no_program_is_still_checked(sentence: str) -> None:
    from lakip.rules import b405_efisiensi_miscalculated
    from lakip.schemas.build import build_facts
    from textdocs import document

    right = build_facts(document([sentence.format(sisa="879.390.290")]))
    [amount] = right.narrative_amounts
    assert (amount.pagu.value, amount.realisasi.value, amount.sisa.value) == (11372839860, 10493449570, 879390290)
    assert list(b405_efisiensi_miscalculated.check(right)) == []
    wrong = build_facts(document([sentence.format(sisa="880.640.290")]))
    [found] = list(b405_efisiensi_miscalculated.check(wrong))
    assert found.values["stated"] == 880640290


def test_an_amount_in_words_after_terbilang_is_checked() -> None:
    from lakip.rules import b406_terbilang_mismatch
    from lakip.schemas.build import build_facts
    from textdocs import document

    text = ("Anggaran Dinas X tahun 2022 berjumlah Rp 11.372.839.860 (terbilang: sebelas miliar tiga ratus tujuh "
            "puluh dua juta delapan ratus tiga puluh sembilan ribu {tail}rupiah).")
    assert list(b406_terbilang_mismatch.check(build_facts(document([text.format(tail="delapan ratus enam puluh ")])))) == []
    assert [f.rule for f in b406_terbilang_mismatch.check(build_facts(document([text.format(tail="")])))] == ["B406"]
