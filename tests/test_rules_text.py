"""Text rules (S101–S103, F201–F202, B406, C501–C502, N601–N604, D701–D702) on hand-built facts and the seed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Optional, Sequence

import pytest

from lakip.values.figures import parse_figure
from lakip.ingest.text_reader import read_text
from lakip.rules import (
    b406_terbilang_mismatch, c501_count_mismatch, c502_number_words_mismatch, d701_period_inconsistent,
    d702_date_invalid, f201_number_malformed, f202_number_format_mixed, n601_nip_malformed, n602_nip_invalid,
    n603_nip_inconsistent, n604_name_inconsistent, s101_section_missing, s102_table_reference_broken,
    s103_table_unreadable,
)
from lakip.rules.base import Finding
from lakip.schemas.build import build_facts
from lakip.schemas.document import CHAPTER_NAMES
from lakip.schemas.facts import (
    KIND_TARGET, LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, ROLE_BUDGET, ROLE_PK_INDICATORS, ROLE_UNIT_BUDGET,
    ROLE_UNKNOWN, BudgetLine, Chapter, DateMention, DocFacts, Facts, FigureMention, IndicatorFact, NumberWords,
    Person, Source, StatedCount, TableInfo, TableRef, YearMention,
)

RULES = (s101_section_missing, s102_table_reference_broken, s103_table_unreadable, f201_number_malformed,
         f202_number_format_mixed, b406_terbilang_mismatch, c501_count_mismatch, c502_number_words_mismatch,
         n601_nip_malformed, n602_nip_invalid, n603_nip_inconsistent, n604_name_inconsistent,
         d701_period_inconsistent, d702_date_invalid)
SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "rules.md"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CAMAT, NIP = "DON LAURENZO U. N. DA SILVA, SE", "19720121 199903 1 007"
SEED_FINDINGS = {
    ("S102", "Tabel 3.4"), ("S102", "Tabel 3.5"), ("F201", "4. 603.119.714"), ("F201", "2.949.374059"),
    ("F202", "3,744,272,913"), ("C501", "Program Pemberdayaan Masyarakat Desa Dan Kelurahan"), ("N603", CAMAT),
}


def facts(tahun: Optional[int] = 2024, signed: Optional[date] = date(2025, 1, 20), **kw) -> Facts:
    """Facts of a made-up 2024 report signed in January 2025, with the given facts."""
    chapters = kw.pop("chapters", tuple(Chapter(k, t, True, Source(page=3)) for k, t in CHAPTER_NAMES.items()))
    doc = DocFacts(instansi="Kecamatan Nita", tahun=tahun, chapters=chapters, document_date=signed)
    return Facts(path="x.pdf", sha256="0" * 64, pages=50, kind="pdf", doc=doc, **kw)


def run(rule: ModuleType, f: Facts) -> list[Finding]:
    """The rule's findings, after checking it can run and that every message is fully rendered."""
    assert rule.RULE.needs(f) is None, rule.RULE.needs(f)
    found = list(rule.check(f))
    for x in found:
        assert "{" not in x.message("id") and "{" not in x.message("en"), x.message("id")
        assert x.rule == rule.RULE.code and x.severity == rule.RULE.severity
    return found


def at(page: int, text: str, **kw) -> Source:
    """A Source on ``page`` printing ``text``."""
    return Source(page=page, text=text, **kw)


def test_codes_slugs_and_severities_match_the_spec() -> None:
    if not SPEC.exists():
        pytest.skip("spec not present")
    rows = re.finditer(r"^\| ([A-Z]\d{3}) \| ([a-z-]+) \| (\w+) \|", SPEC.read_text(), re.M)
    spec = {m[1]: (m[2], m[3]) for m in rows}
    for rule in RULES:
        assert spec[rule.RULE.code] == (rule.RULE.slug, rule.RULE.severity)
        doc = rule.__doc__ or ""
        assert doc.startswith(f"{rule.RULE.code} {rule.RULE.slug}:")
        assert all(section in doc for section in ("Apa yang diperiksa:", "Mengapa penting:", "Contoh:"))


# --- seed ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_facts(seed_path: Path) -> Facts:
    """The facts of the seed report."""
    return build_facts(read_text(seed_path))


def findings(f: Facts) -> list[Finding]:
    """Every finding of the text rules that can run on ``f``."""
    return [x for rule in RULES if rule.RULE.needs(f) is None for x in rule.check(f)]


def test_seed_findings(seed_facts: Facts) -> None:
    found = findings(seed_facts)
    assert {(x.rule, x.subject) for x in found} == SEED_FINDINGS
    assert len(found) == len(SEED_FINDINGS)
    by = {(x.rule, x.subject): x for x in found}
    space = by[("F201", "4. 603.119.714")]
    assert space.values == {"text": "4. 603.119.714", "value": 4603119714, "issue": "space-inside"}
    assert [(loc.table, loc.row) for loc in space.locations].count(("Tabel 3.8", 1)) == 1 and len(space.locations) == 3
    assert by[("F201", "2.949.374059")].message() == (
        "Angka 2.949.374059 tidak dikelompokkan per tiga angka; mungkin maksudnya 2.949.374.059")
    assert by[("C501", "Program Pemberdayaan Masyarakat Desa Dan Kelurahan")].values == {
        "noun": "kegiatan", "stated": 1, "counted": 2}
    assert by[("N603", CAMAT)].values["nips"] == [NIP, "19730121 199903 1 007"]
    assert by[("S102", "Tabel 3.5")].message() == (
        "Nomor tabel melompat dari Tabel 3.3 ke Tabel 3.5: Tabel 3.4 tidak ada")


@pytest.mark.parametrize("name", ["lakip-kecamatan-alok-barat-2024.docx", "lakip-kecamatan-alok-barat-2024.pdf"])
def test_seed_findings_from_docx_and_pdf(name: str) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} not built")
    from lakip.ingest.reader import open_document
    assert {(x.rule, x.subject) for x in findings(build_facts(open_document(path)))} == SEED_FINDINGS


def test_seed_terbilang_and_small_words_are_right(seed_facts: Facts) -> None:
    assert any(w.is_amount and w.words_value == 4760149793 for w in seed_facts.number_words)
    assert run(b406_terbilang_mismatch, seed_facts) == [] and run(c502_number_words_mismatch, seed_facts) == []


# --- S1xx ---------------------------------------------------------------------------------------------------


def test_s101_section_missing() -> None:
    chapters = tuple(Chapter(k, t, k != "bab4", None) for k, t in CHAPTER_NAMES.items())
    found = run(s101_section_missing, facts(chapters=chapters))
    assert [(x.subject, x.values) for x in found] == [("Bab IV Penutup", {"section": "bab4"})]
    assert found[0].message() == "Bagian wajib Bab IV Penutup tidak ditemukan sebagai judul dalam laporan"
    scanned = run(s101_section_missing, facts(chapters=chapters, pages_without_text=(40, 41)))
    assert "halaman 40, 41 tidak memiliki teks" in scanned[0].message()
    assert run(s101_section_missing, facts()) == []
    assert s101_section_missing.RULE.needs(facts(chapters=())) is not None
    nothing = tuple(Chapter(k, t, False, None) for k, t in CHAPTER_NAMES.items())
    assert s101_section_missing.RULE.needs(facts(chapters=nothing)) is not None  # a scan: no text, no headings


def table(tid: str, caption: Optional[str], page: int, role: str = ROLE_UNKNOWN, **kw) -> TableInfo:
    """A table of the report."""
    return TableInfo(tid, caption, role, 1.0, (), (page,), 5, 4, **kw)


def test_s102_references_and_sequence() -> None:
    tables = (table("t1", "Tabel 3.1 Capaian", 30), table("t2", "Tabel 3.2", 31), table("t3", "Tabel 3.3", 32),
              table("t4", "Tabel 3.5 Analisis", 34), table("t5", None, 35))
    refs = (TableRef("3.1", at(29, "Tabel 3.1")), TableRef("3.4", at(29, "tabel 3.4")),
            TableRef("3.4", at(33, "tabel 3.4")))
    found = run(s102_table_reference_broken, facts(tables=tables, table_refs=refs))
    assert [(x.subject, len(x.locations)) for x in found] == [("Tabel 3.4", 2), ("Tabel 3.5", 2)]
    assert found[0].message() == "Teks merujuk ke Tabel 3.4, tetapi tidak ada tabel dengan nomor itu"
    assert found[1].message("en") == "Table numbers jump from Tabel 3.3 to Tabel 3.5: Tabel 3.4 does not exist"


@pytest.mark.parametrize("captions, expected", [
    (("Tabel 2.1", "Tabel 2.2", "Tabel 3.1", "Tabel 3.2"), []),
    (("Tabel 2.1", "Tabel 3.2"),
     [("Tabel 3.2", "Tabel 3.2 adalah tabel bernomor pertama di bab ini: Tabel 3.1 tidak ada")]),
    (("Tabel 3.1", "Tabel 3.3", "Tabel 3.2"), [
        ("Tabel 3.3", "Nomor tabel melompat dari Tabel 3.1 ke Tabel 3.3: Tabel 3.2 tidak ada"),
        ("Tabel 3.2", "Tabel 3.2 muncul sesudah Tabel 3.3: nomor tabel mundur atau ganda")]),
    (("Tabel 3.1", "Tabel 3.2 Rincian", "Tabel 3.2 Rincian (lanjutan)", "Tabel 3.3"), []),
    (("Tabel II.1", "Tabel II.2", "Tabel III.1", "Tabel III.2"), []),
    (("Tabel III.1", "Tabel III.3"),
     [("Tabel 3.3", "Nomor tabel melompat dari Tabel 3.1 ke Tabel 3.3: Tabel 3.2 tidak ada")]),
    (("Tabel 1", "Tabel 2", "Tabel 5"),
     [("Tabel 5", "Nomor tabel melompat dari Tabel 2 ke Tabel 5: Tabel 3 sampai 4 tidak ada")]),
])
def test_s102_caption_sequence(captions: Sequence[str], expected: list) -> None:
    tables = tuple(table(f"t{k}", c, 10 + k) for k, c in enumerate(captions))
    found = run(s102_table_reference_broken, facts(tables=tables))
    assert [(x.subject, x.message()) for x in found] == expected


def test_s102_needs_numbered_captions() -> None:
    assert s102_table_reference_broken.RULE.needs(facts(tables=(table("t1", "Kelurahan Wailiti", 4),))) is not None


def test_s103_table_unreadable() -> None:
    tables = (table("t1", "Tabel 3.8 Rincian Realisasi", 44, ROLE_BUDGET, readable=False, problem="sel tergabung"),
              table("t2", None, 45, readable=False), table("t3", "Tabel 3.1", 30, ROLE_BUDGET))
    found = run(s103_table_unreadable, facts(tables=tables))
    assert [x.subject for x in found] == ["Tabel 3.8 Rincian Realisasi", "t2"]
    assert "B401" in found[0].values["rules"] and "C501" in found[0].values["rules"]
    assert found[0].message().endswith("(sel tergabung); aturan B401, B402, B403, B404, B405, C501 tidak memeriksanya")
    assert found[1].values["rules"] == [] and found[0].locations[0].page == 44


# --- F2xx ---------------------------------------------------------------------------------------------------


def fig(text: str, page: int = 10, in_table: bool = True, column: str = "Realisasi", row: int = 3) -> FigureMention:
    """A printed figure in a table cell (or in running text)."""
    src = Source(page=page, table="Tabel 3.8" if in_table else None, row=row if in_table else None,
                 column=column if in_table else None, text=text)
    return FigureMention(parse_figure(text), src, in_table)


def test_f201_number_malformed() -> None:
    figures = (fig("2.949.374059"), fig("Rp. 2.949.374059,-", 12, False), fig("4. 603.119.714", 11),
               fig("Rp. 970.826047,-", 13, False), fig("3.744.272.913"), fig("5.1.02.01"), fig("20.01.2025"),
               fig("2.949.37", column="Kode Rekening"), fig("1.30"), fig("96,44"))
    found = run(f201_number_malformed, facts(figures=figures))
    assert [(x.subject, x.values["value"], len(x.locations)) for x in found] == [
        ("2.949.374059", 2949374059, 2), ("4. 603.119.714", 4603119714, 1), ("970.826047", 970826047, 1)]
    assert found[1].message() == "Angka 4. 603.119.714 memuat spasi di dalamnya; mungkin maksudnya 4.603.119.714"
    assert found[1].message("en") == "Figure 4. 603.119.714 has a space inside it; probably 4.603.119.714 was meant"
    # an amount with cents is not a code: the space inside it is reported too
    [cents] = run(f201_number_malformed, facts(figures=(fig("Rp 21. 154.131.542,00", 7, False),)))
    assert cents.values["value"] == 21154131542


def test_f202_number_format_mixed() -> None:
    indonesian = (fig("3.744.272.913"), fig("96,44"), fig("Rp. 1.000.000,-", 3, False), fig("72,89"),
                  fig("12,5%", 4, False))
    found = run(f202_number_format_mixed, facts(figures=indonesian + (fig("3,744,272,913", 34), fig("1.5", 5, False))))
    assert [(x.subject, x.values["format"], x.values["count_expected"]) for x in found] == [("3,744,272,913", "us", 5)]
    assert found[0].message().startswith("Angka 3,744,272,913 ditulis dengan format Inggris")
    assert run(f202_number_format_mixed, facts(figures=indonesian)) == []
    english = tuple(fig(t) for t in ("1,000", "2,500,000", "3.5%", "96.44", "1,234,567", "7,500", "88.10"))
    flipped = run(f202_number_format_mixed, facts(figures=english + (fig("3.744.272.913"),)))
    assert [(x.subject, x.values["expected"]) for x in flipped] == [("3.744.272.913", "us")]


# --- B406, C50x ---------------------------------------------------------------------------------------------

WORDS = ("Empat Miliar Tujuh Ratus Enam Puluh Juta Seratus Empat Puluh Sembilan Ribu Tujuh Ratus Sembilan Puluh "
         "Tiga Rupiah")


def words(figure: str, text: str, value: Optional[int], amount: bool = True, page: int = 48) -> NumberWords:
    """A figure followed by words in parentheses."""
    return NumberWords(parse_figure(figure), text, value, at(page, f"{figure} ({text})"), amount)


def test_b406_terbilang_mismatch() -> None:
    right = words("Rp. 4.760.149.793,-", WORDS, 4760149793)
    wrong = words("Rp. 4.760.149.793,-", WORDS.replace("Enam Puluh Juta", "Enam Juta"), 4706149793)
    unreadable = words("Rp. 1.000.000,-", "Satu Jutaa Rupiah", None)
    small = words("4", "lima", 5, amount=False)
    found = run(b406_terbilang_mismatch, facts(number_words=(right, wrong, unreadable, small)))
    assert [(x.subject, x.values.get("difference")) for x in found] == [
        ("Rp. 4.760.149.793,-", 54000000), ("Rp. 1.000.000,-", None)]
    assert found[0].message().startswith("Angka 4.760.149.793 tidak sama dengan terbilangnya")
    assert found[0].message().endswith("(4.706.149.793; selisih 54.000.000)")
    assert "tidak dapat dibaca sebagai bilangan" in found[1].message()


def test_c502_number_words_mismatch() -> None:
    found = run(c502_number_words_mismatch, facts(number_words=(
        words("4", "lima", 5, amount=False), words("4", "empat", 4, amount=False), words("1", "Satu", 1, amount=False),
        words("Rp. 5.000,-", "Enam Ribu Rupiah", 6000))))
    assert [(x.subject, x.values) for x in found] == [("4 (lima)", {"figure": 4, "words": "lima", "words_value": 5})]
    assert found[0].message() == 'Angka 4 ditulis dengan kata "lima" yang berarti 5'


def line(row: int, level: str, name: str, parent: Optional[int], pagu: str, role: str = ROLE_BUDGET) -> BudgetLine:
    """A budget line of Tabel 3.8."""
    prefix = {LEVEL_PROGRAM: "program", LEVEL_KEGIATAN: "kegiatan", LEVEL_SUBKEGIATAN: "subkegiatan"}[level]
    return BudgetLine("t1", row, level, name, role, Source(page=44, table="Tabel 3.8", row=row, text=name),
                      pagu=parse_figure(pagu), parent=parent, key=f"{prefix}:{name.lower()}")


BUDGET = (line(1, LEVEL_PROGRAM, "Program Pemberdayaan Masyarakat", None, "600.000"),
          line(2, LEVEL_KEGIATAN, "Koordinasi Pemberdayaan Desa", 1, "100.000"),
          line(3, LEVEL_SUBKEGIATAN, "Musrenbang Desa", 2, "100.000"),
          line(4, LEVEL_KEGIATAN, "Koordinasi Pemberdayaan Kelurahan", 1, "500.000"),
          line(5, LEVEL_SUBKEGIATAN, "Musrenbang Kelurahan", 4, "200.000"),
          line(6, LEVEL_SUBKEGIATAN, "Evaluasi Kelurahan", 4, "300.000"),
          line(7, LEVEL_PROGRAM, "Program Pelayanan Publik", None, "400.000"),
          line(8, LEVEL_KEGIATAN, "Koordinasi Pemerintahan Kecamatan", 7, "400.000"),
          line(9, LEVEL_SUBKEGIATAN, "Sinergi Perangkat Daerah", 8, "400.000"))


def count(noun: str, n: int, text: Optional[str] = None, page: int = 9) -> StatedCount:
    """A stated count; ``text`` is its snippet (with the subject for a scoped count)."""
    return StatedCount(noun, n, at(page, text or f"{n} {noun}"))


def indicator(name: str, sasaran: Optional[str], table: str = "pk") -> IndicatorFact:
    """A target of one indicator in one table (the PK's by default)."""
    return IndicatorFact(name, KIND_TARGET, parse_figure("1,30"), ROLE_PK_INDICATORS,
                         at(30, "1,30", table_id=table), sasaran=sasaran, key=f"indikator:{name.lower()}",
                         sasaran_key=f"sasaran:{sasaran.lower()}" if sasaran else None)


INDICATORS = tuple(x for table in ("pk", "t3.1") for x in (indicator("Indeks Kepuasan Masyarakat", None, table),) + tuple(
    indicator(f"Indikator {k}", f"Sasaran {k}", table) for k in range(1, 5)))


def test_c501_does_not_count_indicators_from_tables_read_in_part() -> None:
    partial = INDICATORS[:5] + INDICATORS[5:8]  # the second table read only three of its five rows
    stated = (count("indikator", 3), count("sasaran", 2))
    assert run(c501_count_mismatch, facts(budget=BUDGET, counts=stated, indicators=partial)) == []
    alone = INDICATORS[:5]  # one table only: nothing to tell a table read in part from a report's own count
    assert run(c501_count_mismatch, facts(budget=BUDGET, counts=stated, indicators=alone)) == []
UNITS = tuple(table(f"u{k}", f"Kelurahan {n}", 40, ROLE_UNIT_BUDGET, unit=f"Kelurahan {n}")
              for k, n in enumerate(("Wailiti", "Hewuli", "Wuring", "Wolomarang")))


def test_c501_totals_agree() -> None:
    stated = (count("program", 2), count("kegiatan", 3), count("subkegiatan", 4), count("sasaran", 4),
              count("indikator", 4), count("indikator", 5), count("kelurahan", 4), count("target", 9))
    assert run(c501_count_mismatch, facts(budget=BUDGET, counts=stated, indicators=INDICATORS, tables=UNITS)) == []


def test_c501_totals_disagree() -> None:
    stated = (count("kegiatan", 4, page=9), count("kegiatan", 4, "4 (empat) kegiatan", page=47), count("indikator", 3),
              count("kelurahan", 5))
    found = run(c501_count_mismatch, facts(budget=BUDGET, counts=stated, indicators=INDICATORS, tables=UNITS))
    assert [(x.subject, x.values["stated"], x.values["counted"], [loc.page for loc in x.locations][:2])
            for x in found] == [("kegiatan", 4, 3, [9, 47]), ("indikator", 3, 4, [9]), ("kelurahan", 5, 4, [9, 40])]
    assert found[0].message() == "Jumlah kegiatan yang disebutkan (4) tidak sama dengan jumlah kegiatan dalam tabel (3)"
    assert found[0].message("en") == (
        "The stated number of kegiatan (4) differs from the number of kegiatan in the tables (3)")


def test_c501_scoped_counts() -> None:
    stated = (count("kegiatan", 1, "Program Pemberdayaan Masyarakat, dengan 1 kegiatan", page=20),
              count("subkegiatan", 2, "Koordinasi Pemberdayaan Kelurahan, dengan 2 sub kegiatan", page=20),
              count("kegiatan", 1, "Program Pelayanan Publik, dengan 1 kegiatan", page=20),
              count("kegiatan", 1, "Program Pemberdayaan Masyarakat didukung oleh 1 kegiatan", page=38),
              count("sasaran", 2, "Misi 1, yaitu Meningkatkan pelayanan terdapat 2 sasaran", page=14))
    found = run(c501_count_mismatch, facts(budget=BUDGET, counts=stated))
    assert [(x.subject, x.values) for x in found] == [
        ("Program Pemberdayaan Masyarakat", {"noun": "kegiatan", "stated": 1, "counted": 2})]
    assert found[0].message() == ("Jumlah kegiatan pada Program Pemberdayaan Masyarakat yang disebutkan (1) tidak sama "
                                  "dengan jumlah kegiatan dalam tabel (2)")
    assert [(loc.page, loc.table, loc.row) for loc in found[0].locations] == [(20, None, None), (44, "Tabel 3.8", 1)]


def test_c501_does_not_count_from_a_flat_table() -> None:
    flat = tuple(line(k, LEVEL_PROGRAM, f"Program {k}", None, "100.000") for k in range(1, 30))
    assert run(c501_count_mismatch, facts(budget=flat, counts=(count("program", 11),), indicators=INDICATORS)) == []
    assert c501_count_mismatch.RULE.needs(facts(budget=BUDGET)) is not None


# --- N6xx ---------------------------------------------------------------------------------------------------


def person(name: str, nip: Optional[str], page: int, context: str = "signature") -> Person:
    """A person printed on ``page``."""
    return Person(name=name, source=at(page, name), jabatan="Camat Nita", nip_text=nip, context=context)


def test_n601_nip_malformed() -> None:
    people = (person(CAMAT, "19720121 199903 1 07", 3), person(CAMAT, "19720121 199903 1 07", 33),
              person("BUDI", "19720121/199903/1/007", 40), person("ANA", NIP, 50))
    found = run(n601_nip_malformed, facts(people=people))
    assert [(x.subject, x.values, len(x.locations)) for x in found] == [
        (CAMAT, {"nip": "19720121 199903 1 07", "digits": 17}, 2),
        ("BUDI", {"nip": "19720121/199903/1/007", "digits": 18}, 1)]
    assert found[0].message() == "NIP 19720121 199903 1 07 tidak terdiri atas 18 angka (17 angka)"
    assert "bentuk baku" in found[1].message()


def test_n602_nip_invalid() -> None:
    people = (person("A", "19721321 199903 1 007", 3), person("B", "19900101 202601 1 001", 4),
              person("C", "19900101 202321 1 001", 5), person("D", NIP, 6), person("E", "19720121 198903 3 007", 7))
    found = run(n602_nip_invalid, facts(people=people))
    assert [(x.subject, x.values["problems"]) for x in found] == [
        ("A", ["birth-date-invalid"]), ("B", ["tmt-after-document"]), ("E", ["tmt-before-age-18", "gender-invalid"])]
    assert found[0].message() == (
        "NIP 19721321 199903 1 007 tidak mungkin benar: tanggal lahir 19721321 bukan tanggal yang ada")
    assert "sesudah tanggal dokumen 2025-01-20" in found[1].message()
    assert run(n602_nip_invalid, facts(signed=None, people=people[1:2])) == []  # no document date to compare with


def test_n603_nip_inconsistent() -> None:
    people = (person(CAMAT, NIP, 3), person("Don L. Usi Neno Da Silva, SE", "197201211999031007", 33, "pihak"),
              person("DON LAURENZO U. N. DA SILVA", "19730121 199903 1 007", 57),
              person("ARDIANUS F. PARERA, SE, M.Si", "19800101 200501 1 002", 33),
              person(CAMAT, "19720121 199903 1 07", 60))
    found = run(n603_nip_inconsistent, facts(people=people))
    assert [(x.subject, x.values) for x in found] == [
        (CAMAT, {"nips": [NIP, "19730121 199903 1 007"], "count": 2})]
    assert [loc.page for loc in found[0].locations] == [3, 33, 57]
    assert found[0].message() == f"{CAMAT} tercantum dengan 2 NIP berbeda: {NIP}, 19730121 199903 1 007"
    assert run(n603_nip_inconsistent, facts(people=people[:2] + people[3:4])) == []


def test_n604_name_inconsistent() -> None:
    people = (person(CAMAT, NIP, 3), person("Don L. Usi Neno Da Silva, SE", NIP, 33),
              person("ARDIANUS F. PARERA, SE, M.Si", NIP, 34))
    found = run(n604_name_inconsistent, facts(people=people))
    assert [(x.subject, x.values["names"]) for x in found] == [
        (NIP, [CAMAT, "Don L. Usi Neno Da Silva, SE", "ARDIANUS F. PARERA, SE, M.Si"])]
    assert run(n604_name_inconsistent, facts(people=people[:2])) == []
    assert n604_name_inconsistent.RULE.needs(facts()) is not None


# --- D70x ---------------------------------------------------------------------------------------------------


def year(y: int, text: str, context: str = "heading", page: int = 30) -> YearMention:
    """A year named by a heading, caption, title or signature line."""
    return YearMention(y, text, at(page, text), context)


def test_d701_period_inconsistent() -> None:
    years = (year(2023, "PERJANJIAN KINERJA TAHUN 2023", page=33), year(2023, "PERJANJIAN KINERJA TAHUN 2023", page=34),
             year(2023, "LAKIP KECAMATAN NITA 2023", "title", 1),
             year(2023, "Perbandingan Realisasi Tahun 2024 dengan Tahun 2023"),
             year(2024, "Realisasi Anggaran Tahun 2024"), year(2025, "Wailiti, 20 Januari 2025", "signature"),
             year(2023, "Wailiti, 28 Desember 2023", "signature"),
             year(2021, "Wailiti, 20 Januari 2021", "signature", 2),
             year(2025, "Tabel 4.1 Rencana Tindak Lanjut Tahun 2025", "caption"),
             year(2026, "Target Renstra Tahun 2026", "caption"), year(2022, "Tabel 3.3 Capaian Tahun 2022", "caption"))
    found = run(d701_period_inconsistent, facts(years=years))
    assert [(x.subject, x.values["year"], len(x.locations)) for x in found] == [
        ("PERJANJIAN KINERJA TAHUN 2023", 2023, 2), ("LAKIP KECAMATAN NITA 2023", 2023, 1),
        ("Wailiti, 20 Januari 2021", 2021, 1), ("Tabel 3.3 Capaian Tahun 2022", 2022, 1)]
    assert found[0].message() == ('Judul "PERJANJIAN KINERJA TAHUN 2023" menyebut tahun 2023, padahal laporan ini '
                                  'tentang tahun 2024')
    assert found[3].message("en").startswith('Table caption "Tabel 3.3 Capaian Tahun 2022" names the year 2022')
    assert d701_period_inconsistent.RULE.needs(facts(tahun=None, years=years)) is not None


def test_d702_date_invalid() -> None:
    dates = (DateMention(None, "31 Juni 2024", at(33, "31 Juni 2024"), "signature"),
             DateMention(None, "31 Juni 2024", at(34, "31 Juni 2024"), "signature"),
             DateMention(date(2024, 10, 8), "8 Oktober 2024", at(33, "8 Oktober 2024"), "signature"),
             DateMention(date(2024, 6, 30), "30 Juni 2024", at(4, "30 Juni 2024"), "signature"))
    impossible = run(d702_date_invalid, facts(dates=dates[:3]))
    assert [(x.subject, len(x.locations)) for x in impossible] == [("31 Juni 2024", 2)]
    early = run(d702_date_invalid, facts(signed=date(2024, 6, 30), dates=dates[2:]))
    assert [(x.subject, x.values) for x in early] == [
        ("30 Juni 2024", {"signed": "2024-06-30", "tahun": 2024, "period_end": "2024-12-31"})]
    assert early[0].message() == ("Laporan tahun 2024 ditandatangani pada 30 Juni 2024, sebelum periode yang "
                                  "dilaporkan berakhir (31 Desember 2024)")
    assert early[0].locations[0].page == 4
    assert run(d702_date_invalid, facts(signed=date(2024, 12, 31), dates=dates[2:3])) == []


def test_c501_does_not_count_from_a_table_whose_sums_do_not_hold() -> None:
    stated = (count("kegiatan", 4), count("subkegiatan", 3))
    assert [x.subject for x in run(c501_count_mismatch, facts(budget=BUDGET, counts=stated))] == [
        "kegiatan", "sub kegiatan"]
    misread = tuple(replace(x, pagu=parse_figure("999.000")) if x.level == LEVEL_KEGIATAN else x for x in BUDGET)
    f = facts(budget=misread, counts=stated)
    assert c501_count_mismatch.RULE.needs(f) is not None  # listed in the coverage as not run, with the reason
    assert list(c501_count_mismatch.check(f)) == []


def test_c501_does_not_count_rows_whose_level_was_not_sure() -> None:
    stated = (count("kegiatan", 4),)
    assert run(c501_count_mismatch, facts(budget=BUDGET, counts=stated))
    unsure = tuple(replace(x, key=None) if x.row == 5 else x for x in BUDGET)  # a row the layout could not place
    f = facts(budget=unsure, counts=stated)
    assert list(c501_count_mismatch.check(f)) == []
