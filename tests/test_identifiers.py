"""Identifiers in real-looking reports: NIPs in every grouping, PPPK numbers, and figure shapes that are not slips.

Each report below is a text export (tables as tab-separated lines) read and checked end to end by the
F201/F202 and N601-N604 rules: the clean shapes give no finding, the real defects still do.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from lakip import vocab
from lakip.values.figures import find_figures, is_identifier, parse_figure
from lakip.ingest.text_reader import read_text
from lakip.rules import (
    f201_number_malformed, f202_number_format_mixed, n601_nip_malformed, n602_nip_invalid, n603_nip_inconsistent,
    n604_name_inconsistent,
)
from lakip.rules.base import Finding
from lakip.schemas.build import build_facts
from lakip.schemas.facts import Facts
from lakip.values.nip import doubts_against, find_nips, parse_nip

RULES = (f201_number_malformed, f202_number_format_mixed, n601_nip_malformed, n602_nip_invalid,
         n603_nip_inconsistent, n604_name_inconsistent)

HEAD = """LAPORAN KINERJA INSTANSI PEMERINTAH
KECAMATAN NITA
TAHUN 2024

Kantor Camat Nita, Jalan Raya Maumere - Larantuka Km. 12, Telp. (0382) 21234, HP 0812-3456-7890,
Fax. 0382.21235, WA +62 812 3456 7890, NPWP 01.234.567.8-901.000, Kode Pos 86152.
"""

SIGNATURES = """
Nita, 20 Januari 2025
Camat Nita,

YOHANES DA SILVA, SE
Pembina Tk. I
NIP. 19720112 201105 2 038

Sekretaris Camat,

MARIA GORETI WORA, S.Sos
Penata Tk. I
NIP 19800315.200501.2.004

Kepala Seksi Pemerintahan,

ANTON BAHY, SE
Penata
NIP: 19830521-200903-1-002

Kepala Seksi Ketentraman,

PETRUS KANISIUS, S.IP
Penata Muda Tk. I
NIP:
19850101 201001
1 005

Bendahara Pengeluaran,

ANDREAS WOGA, SE
NIP.19761212 199903 1 007

Analis Kebijakan,

BERNADETA LUSI, S.Kom
NI PPPK 199009132025242014

Pengelola Data,

YULIANA NONA, A.Md
NIPPPK 198503152023212001

Pengadministrasi Umum,

PAULUS MARIO
NIP PPPK 19870315 202309 1 001

Operator Layanan,

FRANSISKA DUA, A.Md
NIP 199211202023212002
"""


def report(tmp_path: Path, body: str, name: str = "laporan.txt") -> Facts:
    """The facts of a text export written to ``tmp_path``."""
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return build_facts(read_text(path))


def found(f: Facts, rules: tuple[ModuleType, ...] = RULES) -> list[Finding]:
    """Every finding of the given rules that can run on ``f``."""
    return [x for rule in rules if rule.RULE.needs(f) is None for x in rule.check(f)]


def shown(findings: list[Finding]) -> list[tuple[str, str, str]]:
    """(rule, severity, subject) of each finding."""
    return [(x.rule, x.severity, x.subject) for x in findings]


# --- NIP and PPPK numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, digits", [
    ("19720112 201105 2 038", "197201122011052038"),
    ("19720112.201105.2.038", "197201122011052038"),
    ("19720112-201105-2-038", "197201122011052038"),
    ("NIP: 19720112 201105 2 038", "197201122011052038"),
    ("NIP.19720112 199903 1 007", "197201121999031007"),
    ("NIP:\n19720112 201105\n2 038", "197201122011052038"),
    ("N.I.P. 19720112 201105 2 038", "197201122011052038"),
])
def test_every_grouping_is_a_well_formed_pns_nip(text: str, digits: str) -> None:
    nip = parse_nip(text)
    assert (nip.digits, nip.well_formed, nip.kind, nip.problems, nip.doubts) == (digits, True, "pns", (), ())
    assert nip.birth_date == date(1972, 1, 12)


@pytest.mark.parametrize("text", [
    "NI PPPK 199009132025242014", "NIPPPK 198503152023212001", "NIP PPPK 19870315 202309 1 001",
    "NI-PPPK: 19870315.202309.1.001", "NIP 199211202023212002", "199009132025242014",
])
def test_pppk_numbers_from_label_or_code(text: str) -> None:
    nip = parse_nip(text)
    assert (nip.well_formed, nip.kind, nip.problems, nip.doubts) == (True, "pppk", (), ())
    assert doubts_against(nip, date(2025, 12, 31)) == ()


def test_pppk_is_checked_only_for_what_is_certain() -> None:
    labelled = parse_nip("NI PPPK 19900913 202599 3 014")  # a code and a gender digit no PNS could have
    assert (labelled.kind, labelled.label, labelled.problems, labelled.doubts) == ("pppk", "pppk", (), ("gender-invalid",))
    assert parse_nip("NI PPPK 199013322025242014").problems == ("birth-date-invalid",)
    assert parse_nip("NI PPPK 19900913202524201").well_formed is False  # 17 digits


def test_unsure_code_gives_doubts_not_problems() -> None:
    nip = parse_nip("NIP 19900913 202522 2 014")
    assert (nip.kind, nip.problems, nip.doubts) == ("unsure", (), ("tmt-month-invalid",))
    assert parse_nip("NIP 19900913 202513 2 014").problems == ("tmt-month-invalid",)  # 13: a PNS typo


def test_find_nips_in_groups_and_across_lines() -> None:
    text = ("NIP.19720112-201105-2-038 dan NIP 19720112.201105.2.038; tanpa label 19720112-201105-2-038;\n"
            "NIP:\n19850101 201001\n1 005\nNI PPPK 199009132025242014 sebanyak 2 orang")
    numbers = [n for _, _, n in find_nips(text)]
    assert numbers == ["19720112-201105-2-038", "19720112.201105.2.038", "19720112-201105-2-038",
                       "19850101 201001\n1 005", "199009132025242014"]
    assert all(parse_nip(n).well_formed for n in numbers)


def test_signatures_in_every_form_give_no_finding(tmp_path: Path) -> None:
    f = report(tmp_path, HEAD + SIGNATURES)
    nips = {p.name: p.nip_text for p in f.people}
    assert nips["PETRUS KANISIUS, S.IP"] == "19850101 201001 1 005"
    assert nips["BERNADETA LUSI, S.Kom"] == "NI PPPK 199009132025242014"
    assert nips["PAULUS MARIO"] == "NI PPPK 19870315 202309 1 001"
    assert nips["FRANSISKA DUA, A.Md"] == "199211202023212002"
    assert len(nips) == 9 and all(nips.values())
    assert shown(found(f)) == []


def test_real_nip_defects_are_still_found(tmp_path: Path) -> None:
    body = HEAD + SIGNATURES + """
Kepala Seksi Kesejahteraan Sosial,

MARSELINUS NONG, SE
NIP. 19790606 200604 1 02

Kepala Seksi Pelayanan Umum,

KORNELIS KOPONG, S.H
NIP. 19810707 200713 1 003

Mengetahui,
Camat Nita,

YOHANES DA SILVA, SE
NIP. 19720112 201105 2 039

Pengelola Keuangan,

AGNES BUNGA
NI PPPK 19900913 202599 3 014

Pranata Komputer,

ROSALIA TUNA
NIP 19910101 202522 2 001
"""
    results = found(report(tmp_path, body))
    assert shown(results) == [
        ("N601", "error", "MARSELINUS NONG, SE"),
        ("N602", "error", "KORNELIS KOPONG, S.H"),
        ("N602", "warning", "AGNES BUNGA"),
        ("N602", "warning", "ROSALIA TUNA"),
        ("N603", "error", "YOHANES DA SILVA, SE"),
    ]
    n601, month, pppk, unsure, n603 = results
    assert n601.values == {"nip": "19790606 200604 1 02", "digits": 17}
    assert month.values["problems"] == ["tmt-month-invalid"] and "bulan TMT CPNS 13" in month.message()
    assert pppk.values["kind"] == "pppk" and "dicetak sebagai NI PPPK" in pppk.message()
    assert "kode 22" in unsure.message() and "the kind of number is unsure" in unsure.message("en")
    assert n603.values["nips"] == ["19720112 201105 2 038", "19720112 201105 2 039"]


def test_nip_split_across_table_cells(tmp_path: Path) -> None:
    body = HEAD + """
Nita, 20 Januari 2025

Camat Nita,\tSekretaris Camat,
YOHANES DA SILVA, SE\tMARIA GORETI WORA, S.Sos
Pembina Tk. I\tPenata Tk. I
NIP: 19720112 201105 2 038\tNIP.19800315.200501.2.004


Daftar pegawai:

No\tNama\tNIP
1.\tAnton Bahy\t19830521-200903-1-002
2.\tBernadeta Lusi\t19900913 202524 2 014
"""
    f = report(tmp_path, body)
    assert shown(found(f)) == []


# --- figures that are not slips ---------------------------------------------------------------------------

CLEAN_TEXT = """
Berdasarkan Peraturan Daerah Nomor 13 Tahun 2016 dan Peraturan Bupati Sikka Nomor 45 Tahun 2021, kegiatan dengan
kode rekening 5.1.02.01.01.0024 dan sub kegiatan X.XX.01.2.01.0001 dibayar ke rekening Bank NTT Nomor
001.01.02.123456-7. Rapat dimulai pukul 08.00 WITA sampai 16.00 WITA pada tanggal 31.12.2024 (lihat halaman
12-15, aplikasi versi 2.1.3). Realisasi sebesar Rp. 4.760.149.793,- atau 96,445% dari pagu, honor Rp. 1.000.000,00
dan Rp 4 760 149 793 pada Tahun 2.024.
"""


@pytest.mark.parametrize("text", ["19720112 201105 2 038", "19720112.201105.2.038", "01.234.567.8-901.000",
                                  "0812 3456 7890", "0382.21234", "08.00", "+62 812 3456 7890",
                                  "(0382) 21234"])
def test_identifier_shapes_are_not_figures(text: str) -> None:
    assert is_identifier(text) or text.startswith("(")
    assert parse_figure(text).kind == "text"
    assert find_figures(f"tercatat {text} pada") == []


@pytest.mark.parametrize("text, value", [("4 760 149 793", 4760149793), ("Rp 4 760 149 793,-", 4760149793),
                                         ("96,445", 96.445), ("Rp. 1.000.000,00", 1000000), ("2.024", 2024)])
def test_clean_amounts_are_not_malformed(text: str, value: float) -> None:
    fig = parse_figure(text)
    assert (fig.kind, fig.issue, fig.value) == ("number", None, pytest.approx(value))


def test_clean_shapes_in_text_and_tables_give_no_f201_or_f202(tmp_path: Path) -> None:
    body = HEAD + CLEAN_TEXT + """

Tabel 3.1 Realisasi Anggaran Tahun 2024

Kode Rekening\tUraian\tAnggaran\tRealisasi\t%
5.1.02.01.01.0024\tBelanja Alat Tulis Kantor\t4 760 149 793\tRp. 1.000.000,00\t96,445
X.XX.01.2.01.0001\tBelanja Cetak\t4.760.149.793,-\t1.000.000,-\t21,03
7.01.02.2.01.0001\tBelanja Makan Minum\tRp 4.760.149.793,00\t4.603.119.714\t96,44


Tabel 3.2 Daftar Kontak

Nama\tNIP\tTelp/HP\tNPWP\tTanggal
Yohanes\t19720112 201105 2 038\t0812 3456 7890\t01.234.567.8-901.000\t31.12.2024
Maria\t19800315.200501.2.004\t(0382) 21234\t01.234.567.8-902.000\t02.01.2025
Anton\t19830521-200903-1-002\t0382.21235\t-\t08.00


Tabel 3.3 Jadwal Pelayanan

Hari\tJam Buka\tJam Tutup\tPetugas
Senin\t07.30\t16.00\t2
Jumat\t07.30\t11.30\t2
Sabtu\t08.00\t12.00\t1
"""
    f = report(tmp_path, body)
    assert shown(found(f, (f201_number_malformed, f202_number_format_mixed))) == []


def test_real_slips_are_still_f201(tmp_path: Path) -> None:
    body = HEAD + CLEAN_TEXT + """
Anggaran yang diserap sebesar Rp. 4. 603.119.714,- sedangkan sub kegiatan lain 2.949.374059 rupiah.
"""
    results = found(report(tmp_path, body), (f201_number_malformed,))
    assert [(x.subject, x.values["issue"]) for x in results] == [
        ("4. 603.119.714", "space-inside"), ("2.949.374059", "bad-grouping")]


# --- F202: a table in the English convention -------------------------------------------------------------


def _rows(n: int, english: bool) -> str:
    """n budget rows in one convention."""
    out = []
    for i in range(1, n + 1):
        pagu, real, pct = 1_234_567_000 + i * 1000, 1_100_000_000 + i * 1000, 89 + i / 100
        if english:
            out.append(f"{i}.\tBelanja Kegiatan {i}\t{pagu:,}\t{real:,}\t{pct:.2f}")
        else:
            cells = (f"{pagu:,}".replace(",", "."), f"{real:,}".replace(",", "."), f"{pct:.2f}".replace(".", ","))
            out.append(f"{i}.\tBelanja Sub Kegiatan {i}\t" + "\t".join(cells))
    return "\n".join(out)


def test_f202_groups_a_table_written_in_english(tmp_path: Path) -> None:
    body = HEAD + f"""
Tabel 3.1 Realisasi Anggaran per Sub Kegiatan

No\tUraian\tPagu\tRealisasi\tCapaian (%)
{_rows(20, english=False)}


Tabel 3.2 Data dari Aplikasi

No\tUraian\tPagu\tRealisasi\tCapaian (%)
{_rows(12, english=True)}


Tabel 3.3 Rekapitulasi

No\tProgram\tAnggaran
1.\tProgram Penunjang\t3,744,272,913
2.\tProgram Penyelenggaraan\t93.710.000
3.\tProgram Pemberdayaan\t922.166.880
"""
    results = found(report(tmp_path, body), (f202_number_format_mixed,))
    assert [(x.severity, x.subject, x.values["count_group"] if "count_group" in x.values else None)
            for x in results] == [("info", "Tabel 3.2", 36), ("info", "3,744,272,913", None)]
    table = results[0]
    assert table.values["column"] is None and len(table.locations) == 36
    assert table.message().startswith("36 angka di Tabel 3.2 ditulis dengan format Inggris")
    assert table.message("en").startswith("36 figures in Tabel 3.2 are written in the English (comma")


def test_f202_groups_one_english_column(tmp_path: Path) -> None:
    rows = "\n".join(f"{i}.\tKegiatan {i}\t{1_000_000 * i:,}".replace(",", ".") + f"\t{2_000_000 * i:,}"
                     for i in range(1, 6))
    body = HEAD + f"""
Tabel 3.4 Anggaran

No\tUraian\tPagu\tRealisasi
{rows}
"""
    results = found(report(tmp_path, body), (f202_number_format_mixed,))
    assert [(x.subject, x.values["count_group"]) for x in results] == [("Tabel 3.4 (Realisasi)", 5)]
    assert "kolom Realisasi Tabel 3.4" in results[0].message()


# --- the words are data ----------------------------------------------------------------------------------


def test_identifier_words_can_be_extended() -> None:
    assert parse_nip("No. Pegawai Kontrak 19850315 202309 2 001").kind == "unknown"
    extension = vocab.parse_extension({"identifiers": {"pppk_labels": ["no\\.?\\s*pegawai\\s*kontrak"]}})
    with vocab.use(extension):
        nip = parse_nip("No. Pegawai Kontrak 19850315 202309 2 001")
        assert (nip.kind, nip.label, nip.well_formed) == ("pppk", "pppk", True)
    assert parse_nip("No. Pegawai Kontrak 19850315 202309 2 001").kind == "unknown"  # only inside the block
