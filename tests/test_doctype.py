"""The document kind, recognised from small Documents, and the rules that apply to each kind."""

from __future__ import annotations

from lakip.ingest.model import Cell, Document, Table
from lakip.rules.runner import run_rules
from lakip.schemas.build import build_facts
from lakip.schemas.doctype import kind_line
from lakip.schemas.facts import DocKind, Facts
from textdocs import document

FILLER = "Uraian bab ini menjelaskan pelaksanaan tugas kecamatan selama tahun berjalan secara rinci. " * 10
LKJIP_BODY = [
    "BAB I PENDAHULUAN",
    "Laporan ini menyajikan capaian Perjanjian Kinerja tahun 2024 sesuai Renstra 2021-2026.",
    FILLER,
    "BAB II PERENCANAAN KINERJA",
    "2.1 Rencana Strategis",
    "Renstra Kecamatan memuat tujuan dan sasaran; Renstra menjadi dasar Perjanjian Kinerja.",
    "2.2 Perjanjian Kinerja",
    "Perjanjian Kinerja ditandatangani Camat; target Perjanjian Kinerja sama dengan target Renstra.",
    FILLER,
    "BAB III AKUNTABILITAS KINERJA",
    "Capaian Perjanjian Kinerja dibandingkan dengan target Renstra dan target Perjanjian Kinerja.",
    "Realisasi Perjanjian Kinerja tahun 2024 melampaui target Renstra dan Perjanjian Kinerja.",
    FILLER,
    "BAB IV PENUTUP",
    "Demikian laporan ini; Perjanjian Kinerja dan Renstra akan terus dipantau.",
]


def facts_of(doc: Document) -> Facts:
    """The facts of a small Document."""
    return build_facts(doc)


def kind_of(doc: Document) -> DocKind:
    """The recognised kind of a small Document."""
    return facts_of(doc).doc.jenis


def lkjip() -> Document:
    """A Laporan Kinerja that names its Perjanjian Kinerja and Renstra many times."""
    return document(["LAPORAN KINERJA INSTANSI PEMERINTAH", "KECAMATAN ALOK BARAT", "TAHUN 2024"],
                    ["KATA PENGANTAR", "Perjanjian Kinerja dan Renstra menjadi acuan laporan ini."], LKJIP_BODY)


def pk() -> Document:
    """A Perjanjian Kinerja: the agreement, the parties, no chapters."""
    return document(["PERJANJIAN KINERJA TAHUN 2024", "KECAMATAN ALOK BARAT",
                     "Kami yang bertanda tangan di bawah ini:", "Nama : Don Silva", "Jabatan : Camat Alok Barat",
                     "selanjutnya disebut PIHAK PERTAMA", "Nama : Fransiskus Roberto", "Jabatan : Bupati Sikka",
                     "selaku atasan pihak pertama, selanjutnya disebut PIHAK KEDUA",
                     "Pihak pertama berjanji akan mewujudkan target kinerja sesuai lampiran perjanjian ini."])


def renstra() -> Document:
    """A Renstra: five-year title, Renstra chapters, no realisasi."""
    return document(["RENCANA STRATEGIS", "KECAMATAN MUNCAR", "TAHUN 2025-2029"],
                    ["BAB I PENDAHULUAN", "Renstra ini disusun untuk lima tahun.",
                     "BAB II GAMBARAN PELAYANAN KECAMATAN", "Kecamatan melayani masyarakat.",
                     "BAB III PERMASALAHAN DAN ISU-ISU STRATEGIS", "Isu utama adalah pelayanan.",
                     "BAB IV TUJUAN DAN SASARAN", "Tujuan jangka menengah kecamatan.",
                     "BAB V STRATEGI DAN ARAH KEBIJAKAN", "Strategi disusun per tahun."])


def rkt() -> Document:
    """A Rencana Kinerja Tahunan."""
    return document(["RENCANA KINERJA TAHUNAN", "KECAMATAN ALOK BARAT", "TAHUN 2025"],
                    ["Rencana Aksi", "Target kinerja tahun 2025 untuk setiap sasaran disusun per triwulan."])


def renja() -> Document:
    """A Rencana Kerja (Renja) of a perangkat daerah."""
    return document(["RENCANA KERJA (RENJA)", "KECAMATAN ALOK BARAT", "TAHUN 2025"],
                    ["BAB I PENDAHULUAN", "Renja disusun setiap tahun.",
                     "BAB II EVALUASI PELAKSANAAN RENJA TAHUN LALU", "Evaluasi dilakukan per program."])


def quarterly() -> Document:
    """A quarterly realisation table with no running text."""
    head = "Realisasi Kinerja Pada Triwulan I - IV Tahun 2023"
    header = ((Cell("Program/Kegiatan"), Cell("Indikator"), Cell(head), Cell(head), Cell(head), Cell(head)),
              (Cell(""), Cell(""), Cell("I"), Cell("II"), Cell("III"), Cell("IV")))
    rows = ((Cell("PROGRAM PENUNJANG"), Cell("Nilai SAKIP"), Cell("1.000"), Cell("2.000"), Cell("3.000"),
             Cell("4.000")),)
    table = Table("t1", None, (1,), header, rows, "test", order=0)
    return document([], tables=(table,))


def test_an_lkjip_that_names_pk_and_renstra_often_stays_an_lkjip() -> None:
    kind = kind_of(lkjip())
    assert (kind.kind, kind.sure) == ("lkjip", True)
    assert any("LAPORAN KINERJA" in e for e in kind.evidence)
    scores = dict(kind.scores)
    assert scores["lkjip"] - max(scores["pk"], scores["renstra"]) >= 3


def test_a_perjanjian_kinerja_is_recognised_by_its_title_and_parties() -> None:
    kind = kind_of(pk())
    assert (kind.kind, kind.sure) == ("pk", True)
    assert any("parties" in e for e in kind.evidence) and any("PERJANJIAN KINERJA" in e for e in kind.evidence)


def test_a_renstra_is_recognised_by_its_title_period_and_chapters() -> None:
    kind = kind_of(renstra())
    assert (kind.kind, kind.sure) == ("renstra", True)
    assert any("2025-2029" in e for e in kind.evidence)


def test_rkt_renja_and_quarterly_tables() -> None:
    assert (kind_of(rkt()).kind, kind_of(rkt()).sure) == ("rkt", True)
    assert (kind_of(renja()).kind, kind_of(renja()).sure) == ("renja", True)
    kind = kind_of(quarterly())
    assert (kind.kind, kind.sure) == ("realisasi_triwulan", True)
    assert any("quarter columns" in e for e in kind.evidence)


def test_no_evidence_is_unknown_and_two_titles_are_unsure() -> None:
    unknown = kind_of(document(["Notulen Rapat Koordinasi", "Rapat dibuka pukul 09.00 oleh Camat."]))
    assert (unknown.kind, unknown.sure) == ("unknown", False)
    both = kind_of(document(["RENCANA STRATEGIS DAN LAPORAN KINERJA", "KECAMATAN ALOK BARAT"],
                            ["Isi dokumen ini belum lengkap."]))
    assert both.kind in ("lkjip", "renstra") and not both.sure


def test_runner_lists_rules_that_do_not_apply_to_a_pk() -> None:
    out = run_rules(facts_of(pk()), lambda code: True)
    why = {n.rule: n for n in out.rules_not_run}
    assert why["S101"].why("id") == "dokumen ini Perjanjian Kinerja, bukan LKjIP: bab laporan tidak diperiksa"
    assert "not an LKjIP: report chapters are not checked" in why["S101"].why("en")
    assert {"T304", "T305", "T308", "B402", "B403", "B405"} <= set(why)
    assert "realisasi" in why["T304"].why("id") and "S101" not in out.rules_run
    assert not [f for f in out.findings if f.rule == "S101"]


def test_runner_on_renstra_and_quarterly_tables() -> None:
    out = run_rules(facts_of(renstra()), lambda code: True)
    why = {n.rule: n.why("id") for n in out.rules_not_run}
    assert "Rencana Strategis" in why["S101"] and "Rencana Strategis" in why["B403"]
    assert "lima tahunan" in why["D701"]
    out = run_rules(facts_of(quarterly()), lambda code: True)
    why = {n.rule: n.why("en") for n in out.rules_not_run}
    assert "quarterly" in why["S101"]
    assert not any("not an LKjIP" in w for rule, w in why.items() if rule != "S101")


def test_an_lkjip_gets_every_rule_and_s101_errors() -> None:
    facts = facts_of(lkjip())
    out = run_rules(facts, lambda code: True)
    assert not any("bukan LKjIP" in n.why("id") for n in out.rules_not_run)
    s101 = [f for f in out.findings if f.rule == "S101"]
    assert sorted((f.subject, f.severity) for f in s101) == [("Perjanjian Kinerja", "error"),
                                                           ("Ringkasan Eksekutif", "error")]


def test_an_unsure_kind_runs_s101_as_a_warning_that_says_so() -> None:
    doc = document(["RENCANA STRATEGIS DAN LAPORAN KINERJA", "KECAMATAN ALOK BARAT"], ["BAB I PENDAHULUAN",
                                                                                     "Isi bab pertama."])
    out = run_rules(facts_of(doc), lambda code: True)
    s101 = [f for f in out.findings if f.rule == "S101"]
    assert s101 and all(f.severity == "warning" for f in s101)
    assert "jenis dokumen belum pasti" in s101[0].message("id")
    assert "document kind is not sure" in s101[0].message("en")


def test_kind_line_in_both_languages() -> None:
    assert kind_line(DocKind("pk", True), "id") == "Jenis dokumen: Perjanjian Kinerja"
    assert kind_line(DocKind("renstra", False), "en") == "Document kind: strategic plan (Renstra) (not sure)"
