"""Cross-report rules (family X) on small typed Facts of several reports: each rule positive and negative."""

from __future__ import annotations

import re

from click.testing import CliRunner

from lakip.rules.corpus import CrossDoc, Passage, instansi_key
from lakip.batch.cross import run_cross
from lakip.cli.main import cli
from lakip.values.figures import parse_figure
from lakip.rules import registry
from lakip.rules import (x801_person_nip_differs as x801, x802_nip_shared as x802,
                         x803_previous_realisasi_mismatch as x803, x804_renstra_target_changed as x804,
                         x805_other_instansi_named as x805, x806_passage_copied as x806)
from lakip.schemas.facts import (KIND_REALISASI, KIND_TARGET, ROLE_CAPAIAN, ROLE_COMPARISON, ROLE_RENSTRA,
                                 ROLE_UNIT_BUDGET, DocFacts, Facts, IndicatorFact, Person, Source, TableInfo)

NIP_A = "19720121 199903 1 007"
NIP_B = "19750304 200003 1 002"
IKM = "Indeks Kepuasan Masyarakat"


def person(name: str, nip: str | None, jabatan: str | None, page: int = 2) -> Person:
    """A signatory."""
    return Person(name=name, source=Source(page=page, text=name), jabatan=jabatan, nip_text=nip)


def ind(name: str, kind: str, year: int, text: str, role: str, page: int = 30,
        table: str = "Tabel 3.2") -> IndicatorFact:
    """One indicator value."""
    return IndicatorFact(indikator=name, kind=kind, figure=parse_figure(text), role=role,
                         source=Source(page=page, table=table, row=1, text=text), year=year)


def unit_table(unit: str, page: int = 41) -> TableInfo:
    """A per-unit budget table of a kelurahan."""
    return TableInfo(table_id=f"t{page}", caption=unit, role=ROLE_UNIT_BUDGET, score=1.0, why=(), pages=(page,),
                     n_rows=3, n_cols=5, unit=unit)


def doc(path: str, instansi: str | None, tahun: int | None, people=(), indicators=(), tables=(),
        passages=()) -> CrossDoc:
    """One report of a batch."""
    facts = Facts(path=path, sha256="0" * 64, pages=50, kind="docx", doc=DocFacts(instansi=instansi, tahun=tahun),
                  tables=tuple(tables), indicators=tuple(indicators), people=tuple(people))
    return CrossDoc(path, facts, tuple(passages))


def documents(finding) -> set[str]:
    """The documents a finding's locations name."""
    return {loc.document for loc in finding.locations}


# X801 person-nip-differs

def test_x801_same_camat_with_another_nip_in_next_years_report():
    """Initials and full name, jabatan Camat in both: two NIPs across two reports is a finding."""
    a = doc("nita-2023.pdf", "Kecamatan Nita", 2023, [person("YOHANES B. KEWA, S.Sos", NIP_A, "Camat Nita")])
    b = doc("nita-2024.pdf", "Kecamatan Nita", 2024, [person("Yohanes Bosco Kewa, S.Sos", NIP_B, "Camat Nita")])
    [f] = list(x801.check([a, b]))
    assert f.rule == "X801" and documents(f) == {"nita-2023.pdf", "nita-2024.pdf"}
    assert f.values["nips"] == [NIP_A, NIP_B] and "Yohanes" in f.subject.title()


def test_x801_camat_moved_to_another_kecamatan_is_the_same_jabatan():
    """'Camat Nita' and 'Camat Doreng' are both 'Camat' once the place is removed."""
    a = doc("nita.pdf", "Kecamatan Nita", 2024, [person("YOHANES B. KEWA, S.Sos", NIP_A, "Camat Nita")])
    b = doc("doreng.pdf", "Kecamatan Doreng", 2024, [person("YOHANES B. KEWA, S.Sos", NIP_B, "Camat Doreng")])
    assert [f.rule for f in x801.check([a, b])] == ["X801"]


def test_x801_no_finding_for_same_nip_other_jabatan_other_person_or_one_report():
    """Same NIP, a different jabatan, a different person, or a conflict inside one report (N603) give nothing."""
    a = doc("a.pdf", "Kecamatan Nita", 2023, [person("YOHANES B. KEWA, S.Sos", NIP_A, "Camat Nita")])
    same = doc("b.pdf", "Kecamatan Nita", 2024, [person("Yohanes Bosco Kewa, S.Sos", NIP_A, "Camat Nita")])
    sekcam = doc("c.pdf", "Kecamatan Nita", 2024, [person("YOHANES B. KEWA, S.Sos", NIP_B, "Sekretaris Kecamatan")])
    other = doc("d.pdf", "Kecamatan Doreng", 2024, [person("MARIA G. BAPA, SH", NIP_B, "Camat Doreng")])
    inside = doc("e.pdf", "Kecamatan Koting", 2024, [person("PETRUS SINA, SE", NIP_A, "Camat Koting"),
                                                     person("PETRUS SINA, SE", NIP_B, "Camat Koting")])
    assert list(x801.check([a, same, sekcam, other, inside])) == []


# X802 nip-shared

def test_x802_one_nip_for_two_camat_of_two_reports():
    """A NIP printed for two people who cannot be the same is an error naming both reports."""
    a = doc("a.pdf", "Kecamatan Nita", 2024, [person("YOHANES B. KEWA, S.Sos", NIP_A, "Camat Nita")])
    b = doc("b.pdf", "Kecamatan Doreng", 2024, [person("MARIA G. BAPA, SH", NIP_A, "Camat Doreng")])
    [f] = list(x802.check([a, b]))
    assert f.severity == "error" and f.subject == NIP_A and documents(f) == {"a.pdf", "b.pdf"}
    assert f.values["names"] == ["YOHANES B. KEWA, S.Sos", "MARIA G. BAPA, SH"]


def test_x802_no_finding_for_the_same_person_or_inside_one_report():
    """The same person abbreviated differently, or two names in one report (N604's case), give nothing."""
    a = doc("a.pdf", "Kecamatan Nita", 2023, [person("YOHANES B. KEWA, S.Sos", NIP_A, "Camat Nita")])
    b = doc("b.pdf", "Kecamatan Nita", 2024, [person("Yohanes Bosco Kewa, S.Sos", NIP_A, "Camat Nita")])
    c = doc("c.pdf", "Kecamatan Koting", 2024, [person("PETRUS SINA, SE", NIP_B, "Camat Koting"),
                                                person("MARIA G. BAPA, SH", NIP_B, "Sekretaris")])
    assert list(x802.check([a, b, c])) == []


# X803 previous-realisasi-mismatch

def _pair(restated: str, prev_year: int = 2023, cur_year: int = 2024, other: str = "Kecamatan Nita"):
    """Last year's report and this year's, which restates last year's IKM realisasi."""
    prev = doc("nita-2023.pdf", "Kecamatan Nita", prev_year,
               indicators=[ind(IKM, KIND_REALISASI, prev_year, "80,59", ROLE_CAPAIAN, page=33, table="Tabel 3.1")])
    cur = doc("nita-2024.pdf", other, cur_year,
              indicators=[ind(IKM, KIND_REALISASI, prev_year, restated, ROLE_COMPARISON, page=36),
                          ind(IKM, KIND_REALISASI, cur_year, "81,20", ROLE_COMPARISON, page=36)])
    return prev, cur


def test_x803_last_years_realisasi_restated_differently():
    """79,10 this year for 2023 against 80,59 in the 2023 report itself."""
    [f] = list(x803.check(list(_pair("79,10"))))
    assert f.severity == "error" and f.subject == IKM
    assert f.values["stated"] == 79.10 and f.values["reported"] == 80.59 and f.values["year"] == 2023
    assert documents(f) == {"nita-2023.pdf", "nita-2024.pdf"}
    assert "79,10" in f.message_id and "80,59" in f.message_id and "79.10" in f.message_en


def test_x803_rounding_other_years_and_other_instansi_are_not_findings():
    """80,6 is 80,59 rounded; non-consecutive years and another instansi are not compared."""
    assert list(x803.check(list(_pair("80,6")))) == []
    assert list(x803.check(list(_pair("79,10", prev_year=2022)))) == []
    assert list(x803.check(list(_pair("79,10", other="Kecamatan Doreng")))) == []


# X804 renstra-target-changed

def _renstra(path: str, year: int, target_2025: str, passages=()) -> CrossDoc:
    """A report whose Renstra table states the 2025 IKM target."""
    return doc(path, "Kecamatan Nita", year, passages=passages,
               indicators=[ind(IKM, KIND_TARGET, 2025, target_2025, ROLE_RENSTRA, page=22, table="Tabel 2.1")])


def test_x804_target_changed_without_a_stated_change():
    """The 2025 target is 78,81 in the 2023 report and 76,00 in the 2024 report."""
    [f] = list(x804.check([_renstra("a.pdf", 2023, "78,81"), _renstra("b.pdf", 2024, "76,00")]))
    assert f.severity == "warning" and f.values["old"] == 78.81 and f.values["new"] == 76.0
    assert f.values["year"] == 2025 and documents(f) == {"a.pdf", "b.pdf"}


def test_x804_a_newly_stated_renstra_perubahan_explains_the_change():
    """A Renstra Perubahan stated only in the newer report explains it; one stated in both does not."""
    stated = (Passage(20, "Target disesuaikan dengan Renstra Perubahan Kecamatan Nita Tahun 2021-2026."),)
    assert list(x804.check([_renstra("a.pdf", 2023, "78,81"), _renstra("b.pdf", 2024, "76,00", stated)])) == []
    both = [_renstra("a.pdf", 2023, "78,81", stated), _renstra("b.pdf", 2024, "76,00", stated)]
    assert [f.rule for f in x804.check(both)] == ["X804"]
    assert list(x804.check([_renstra("a.pdf", 2023, "78,81"), _renstra("b.pdf", 2024, "78,810")])) == []


# X805 other-instansi-named

def _kecamatan(path: str, name: str, units=(), texts=()) -> CrossDoc:
    """A kecamatan report with its kelurahan tables and some running text."""
    return doc(path, f"Kecamatan {name}", 2024, tables=[unit_table(u, 40 + i) for i, u in enumerate(units)],
               passages=[Passage(1, f"LAPORAN KINERJA KECAMATAN {name.upper()}")]
               + [Passage(30 + i, t) for i, t in enumerate(texts)])


def test_x805_kelurahan_of_another_kecamatan_named_in_the_text():
    """A kelurahan detailed by another kecamatan's report is named in this one."""
    nita = _kecamatan("nita.pdf", "Nita", ["Kelurahan Beru"],
                      ["Pemasangan lampu jalan pada Kelurahan Wailiti telah selesai.", "Kelurahan Beru menerima dana."])
    alok = _kecamatan("alok.pdf", "Alok Barat", ["Kelurahan Wailiti", "Kelurahan Wuring"])
    [f] = list(x805.check([nita, alok]))
    assert f.subject == "Kelurahan Wailiti" and f.values["count"] == 1
    assert documents(f) == {"nita.pdf", "alok.pdf"} and "Wailiti" in f.locations[0].text


def test_x805_another_kecamatan_named_but_not_in_a_boundary_sentence():
    """'Kecamatan Doreng' in a copied sentence is a finding; in 'berbatasan dengan' it is not."""
    nita = _kecamatan("nita.pdf", "Nita", texts=["Sebelah timur berbatasan dengan Kecamatan Doreng.",
                                                 "Kinerja Kecamatan Doreng tahun ini meningkat."])
    doreng = _kecamatan("doreng.pdf", "Doreng")
    [f] = list(x805.check([nita, doreng]))
    assert f.subject == "Kecamatan Doreng" and f.values["count"] == 1 and f.locations[0].page == 31


def test_x805_own_places_longer_names_and_dinas_are_not_findings():
    """Its own kelurahan, 'Kecamatan Alok Barat' against a batch's 'Kecamatan Alok', and a dinas give nothing."""
    alok_barat = _kecamatan("ab.pdf", "Alok Barat", ["Kelurahan Wuring"],
                            ["Kecamatan Alok Barat membina Kelurahan Wuring."])
    alok = _kecamatan("a.pdf", "Alok", ["Kelurahan Kota Uneng"])
    dinas = doc("dinkes.pdf", "Dinas Kesehatan", 2024, passages=[Passage(3, "Puskesmas di Kecamatan Alok.")])
    assert list(x805.check([alok_barat, alok, dinas])) == []


# X806 passage-copied

TEMPLATE = ("Laporan Kinerja Instansi Pemerintah ini disusun sebagai bentuk pertanggungjawaban atas pelaksanaan "
            "tugas pokok dan fungsi yang dipercayakan kepada {x} selama satu tahun anggaran, berdasarkan "
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang "
            "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu.")
COPY = ("Rendahnya partisipasi masyarakat dalam musyawarah perencanaan pembangunan tingkat kelurahan di {x} "
        "disebabkan oleh jadwal kegiatan yang bertepatan dengan musim tanam, sehingga sebagian besar warga petani "
        "tidak dapat hadir; ke depan jadwal musyawarah akan disesuaikan dengan kalender pertanian setempat dan "
        "undangan disampaikan paling lambat tujuh hari sebelumnya melalui ketua rukun tetangga.")


def _texts(name: str, *paragraphs: str) -> CrossDoc:
    """A kecamatan report with these paragraphs ({x} filled with its own name)."""
    return doc(f"{name.lower()}.pdf", f"Kecamatan {name}", 2024,
               passages=[Passage(10 + i, p.format(x=f"Kecamatan {name}")) for i, p in enumerate(paragraphs)])


def test_x806_paragraph_shared_by_two_instansi_only():
    """Template text in all three is not reported; the paragraph two share (names adapted) is, once."""
    docs = [_texts("Nita", TEMPLATE, COPY), _texts("Doreng", TEMPLATE), _texts("Koting", TEMPLATE, COPY)]
    [f] = list(x806.check(docs))
    assert f.severity == "info" and f.values["words"] >= 40
    assert documents(f) == {"nita.pdf", "koting.pdf"} and f.locations[0].page == 11
    assert f.subject.startswith("Rendahnya partisipasi")


def test_x806_needs_three_instansi_and_skips_common_text():
    """With two instansi the rule cannot tell template from copy; text in all three is template."""
    two = [_texts("Nita", COPY), _texts("Koting", COPY)]
    outcome = run_cross(two, lambda code: code == "X806")
    assert outcome.rules_run == () and outcome.rules_not_run[0].rule == "X806"
    three = [_texts("Nita", COPY), _texts("Doreng", COPY), _texts("Koting", COPY)]
    assert list(x806.check(three)) == []


# registry and documentation

def test_cross_rules_are_registered_documented_and_listed():
    """X801-X806 are in CROSS_RULES with the fixed docstring sections, and `lakip rules` lists them."""
    codes = [e.rule.code for e in registry.CROSS_RULES]
    assert codes == ["X801", "X802", "X803", "X804", "X805", "X806"]
    for e in registry.CROSS_RULES:
        assert all(part in e.doc for part in ("Apa yang diperiksa:", "Mengapa penting:", "Contoh:"))
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.rule.slug)
    listing = CliRunner().invoke(cli, ["rules", "--lang", "en"]).output
    assert all(code in listing for code in codes)
    assert "X803 previous-realisasi-mismatch" in CliRunner().invoke(cli, ["rules", "X803"]).output
    assert instansi_key("KEC. ALOK BARAT") == instansi_key("Kecamatan Alok Barat") == "kecamatan alok barat"
