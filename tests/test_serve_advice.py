"""What to fix, in the author's words: the advice sentence of each rule family, from real and built findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakip.config import Settings
from lakip.values.figures import format_id
from lakip.pipeline import check_file
from lakip.rules.base import Finding, Location
from lakip.serve.advice import BUILDERS, advise, generic
from lakip.serve.places import places, value_groups

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PDF = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"


def finding(rule: str, values: dict, locations: tuple = (), subject: str = "Subjek") -> Finding:
    """A finding as a rule would make it (messages are not what the advice reads)."""
    return Finding(rule=rule, slug="x", severity="error", subject=subject, values=values, locations=locations,
                   message_id="pesan", message_en="message")


@pytest.fixture(scope="module")
def sample():
    """The sample PDF's findings, by rule."""
    out: dict[str, list[Finding]] = {}
    for f in check_file(SAMPLE_PDF, Settings()).outcome.findings:
        out.setdefault(f.rule, []).append(f)
    return out


def test_every_sample_finding_gets_a_sentence_naming_its_place(sample):
    for rule, found in sample.items():
        for f in found:
            for lang in ("id", "en"):
                text = advise(f, lang)
                assert text and text[0].isupper() and text.rstrip().endswith((".", ")")), (rule, text)
                pages = {loc.page for loc in f.locations if loc.page is not None}
                word = "halaman" if lang == "id" else "page"
                if pages:
                    assert any(f"{word} {p}" in text or f" {p}," in text or f" {p} " in text
                               or text.endswith(f" {p}.") for p in pages), (rule, text)


def test_b401_suggests_the_one_cell_then_the_total(sample):
    f = sample["B401"][0]
    cell = f.values["suggested_cell"]
    text = advise(f, "id")
    assert text.startswith(f"Ubah {format_id(cell['stated'])} menjadi {format_id(cell['suggested'])} pada ")
    assert f"ubah realisasi {format_id(f.values['stated'])} menjadi {format_id(f.values['computed'])}" in text


def test_b401_without_a_suggested_cell():
    total = Location(page=12, table="Tabel 3.2", row=4, column="Pagu", text="1.500.000")
    f = finding("B401", {"field": "pagu", "stated": 1500000, "computed": 1450000, "children": 3},
                (total, Location(page=12, table="Tabel 3.2", row=5, column="Pagu", text="500.000")))
    assert advise(f, "id") == ("Ubah pagu 1.500.000 menjadi 1.450.000 pada Tabel 3.2 baris 4 kolom Pagu, halaman 12 "
                               "(jumlah rinciannya), atau perbaiki rincian di bawahnya sehingga jumlahnya 1.500.000.")
    assert advise(f, "en").startswith("Change the budget 1.500.000 to 1.450.000 at Tabel 3.2 row 4")


def test_b402_computed_percentage(sample):
    f = sample["B402"][0]
    text = advise(f, "id")
    assert text.startswith(f"Ubah {f.locations[0].text} menjadi {format_id(f.values['computed'], 2)} pada ")
    assert f"÷ pagu {format_id(f.values['pagu'])}" in text


def test_number_format_and_counts(sample):
    f201 = sample["F201"][0]
    assert advise(f201, "id").startswith(f"Tulis {f201.values['text']} sebagai {format_id(f201.values['value'])}")
    c501 = sample["C501"][0]
    assert advise(c501, "id").startswith(f"Ubah “{c501.values['stated']} kegiatan” menjadi "
                                         f"“{c501.values['counted']} kegiatan” pada halaman 17")


def test_nip_rules():
    n602 = finding("N602", {"nip": "19720121 199913 1 007", "problems": ["month"], "kind": "pns"},
                   (Location(page=3, text="19720121 199913 1 007"),), subject="BUDI, SE")
    assert advise(n602, "id") == ("Cocokkan NIP 19720121 199913 1 007 milik BUDI, SE dengan SK kepegawaiannya dan "
                                  "perbaiki pada halaman 3.")
    n604 = finding("N604", {"nip": "19720121 199903 1 007", "names": ["BUDI", "BUDIMAN"]},
                   (Location(page=2), Location(page=9)))
    assert "BUDI dan BUDIMAN" in advise(n604, "id") and "halaman 2 dan 9" in advise(n604, "id")


def test_chapter_reference_year_date_and_words():
    s101 = finding("S101", {"section": "bab4"}, subject="Bab IV Penutup")
    assert advise(s101, "id").startswith("Tambahkan bagian “Bab IV Penutup”")
    s102 = finding("S102", {"table": "3.4"}, (Location(page=33, text="tabel 3.4"),), subject="Tabel 3.4")
    assert advise(s102, "id").startswith("Teks pada halaman 33 merujuk ke Tabel 3.4 yang tidak ada")
    d701 = finding("D701", {"year": 2022, "expected": 2024, "context": "heading"}, (Location(page=4),))
    assert advise(d701, "id").startswith("Ubah tahun 2022 menjadi 2024 pada halaman 4")
    b406 = finding("B406", {"figure": 1500000, "words": "satu juta", "words_value": 1000000},
                   (Location(page=7, text="Rp 1.500.000 (satu juta rupiah)"),))
    assert advise(b406, "en") == ("Make the figure 1.500.000 and its words “satu juta” (1.000.000) agree at page 7: "
                                  "change the figure or the words.")


def test_three_values_and_names_grouped_by_what_they_print():
    locs = (Location(page=5, table="Tabel 2.1", row=1, text="10"), Location(page=9, table="Tabel 3.1", row=1,
            text="12"), Location(page=11, table="Tabel 3.2", row=1, text="10"),
            Location(page=14, table="Tabel 3.3", row=1, text="15"))
    groups = value_groups([10, 12, 15], [2, 1, 1], locs)
    assert [g[0] for g in groups][0] == 10 and [loc.page for loc in groups[0][2]] == [5, 11]
    f = finding("T301", {"year": 2024, "values": [10, 12, 15], "places": [2, 1, 1]}, locs)
    text = advise(f, "id")
    assert text.startswith("Samakan target 2024 indikator Subjek: tertulis 10 pada Tabel 2.1 baris 1, halaman 5 dan")
    names = value_groups(["Indeks A", "Indeks B"], [1, 1],
                         (Location(page=3, text="Indeks  b"), Location(page=8, text="indeks a")))
    assert {g[0]: [loc.page for loc in g[2]] for g in names} == {"Indeks A": [8], "Indeks B": [3]}


def test_places_count_the_rest_and_merge_pages():
    locs = tuple(Location(page=p, table=f"Tabel {p}.1", row=1) for p in range(1, 8))
    assert places(locs, "id").endswith("dan 4 tempat lain")
    text_only = (Location(page=2), Location(page=29), Location(page=30))
    assert places(text_only, "id") == "halaman 2, 29 dan 30"
    assert places((Location(page=7, table="t3", row=2),), "id") == "halaman 7", "an internal table id is not shown"


def test_unknown_rules_and_odd_values_fall_back():
    assert advise(finding("T309", {"unit": "%"}, (Location(page=5, table="Tabel 3.1", row=2),)), "id") == \
        "Periksa dan perbaiki pada Tabel 3.1 baris 2, halaman 5."
    assert advise(finding("X806", {"passages": 2}), "en") == generic(finding("X806", {}), "en")
    assert advise(finding("T301", {"values": "rusak", "places": 3}), "id").startswith("Periksa")
    assert {"T301", "T305", "T304", "B401", "B402", "B405", "F201", "N602", "N603", "S101", "S102"} <= set(BUILDERS)
