"""`lakip check` on the bundled sample: every real defect of the report, nothing false, same from PDF and DOCX.

The expected list was verified by reading the report: each entry is a real inconsistency in it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from lakip.config import Settings
from lakip.pipeline import Result, check_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
KINDS = ("pdf", "docx")

EXPECTED = {
    ("S102", "Tabel 3.4"),                  # the text points at a Tabel 3.4 that does not exist
    ("S102", "Tabel 3.5"),                  # captions jump from 3.3 to 3.5
    ("F201", "2.949.374059"),               # malformed grouping in Tabel 3.8
    ("F201", "4. 603.119.714"),             # a space inside the total, three places
    ("F202", "3,744,272,913"),              # US convention in the PK program budget
    ("T301", "Tersedianya SOP"),            # target 2,15 in the IKU and PK vs 1,15 elsewhere
    ("T302", "Tersedianya Sarana dan Prasarana"),  # measured by IKM in IKU/PK, by Indeks Sarana Prasarana elsewhere
    ("T303", "Indeks sarana prasarana"),    # % in some tables, Indeks in others
    ("T304", "Indeks Kepuasan Masyarakat"),  # Tabel 3.6 prints realisasi in the capaian column
    ("T304", "Indeks sarana prasarana"),
    ("T304", "Kemudahan akses, cepat, akurat, dan akuntabel"),
    ("T304", "Tersedianya SOP"),
    ("T304", "Jumlah Inovasi"),
    ("T305", "Indeks Kepuasan Masyarakat"),  # Tabel 3.7 prints capaian (100) in the realisasi column
    ("T305", "Indeks sarana prasarana"),
    ("T305", "Kemudahan akses, cepat, akurat, dan akuntabel"),
    ("T305", "Tersedianya SOP"),
    ("T305", "Jumlah Inovasi"),
    ("T308", "Kecamatan Alok Barat"),       # every realisasi equals its target
    ("T309", "Jumlah Inovasi"),             # a count measured in %
    ("B401", "Koordinasi Kegiatan Pemberdayaan Kelurahan"),  # sub kegiatan sum 884.150.828 vs 890.150.828
    ("B402", "Pembangunan Sarana dan Prasarana Kelurahan"),  # 63.317.198 / 74.907.830 is 84,53 %, not 92,54 %
    ("C501", "Program Pemberdayaan Masyarakat Desa Dan Kelurahan"),  # Bab I: 1 kegiatan; Tabel 3.8: 2
    ("N603", "DON LAURENZO U. N. DA SILVA, SE"),  # NIP 19720121… and 19730121… for the Camat
}


@lru_cache(maxsize=None)
def result(kind: str) -> Result:
    """The check of one sample, computed once."""
    return check_file(SAMPLES / f"lakip-kecamatan-alok-barat-2024.{kind}", Settings())


@pytest.mark.parametrize("kind", KINDS)
def test_sample_findings_are_exactly_the_real_defects(kind):
    found = {(f.rule, f.subject) for f in result(kind).outcome.findings}
    assert found == EXPECTED, (sorted(found - EXPECTED), sorted(EXPECTED - found))
    assert not [n for n in result(kind).outcome.rules_not_run if "gagal" in n.why_id]


def without_pages(value):
    """A finding's values without page numbers (a DOCX has only estimated pages)."""
    if isinstance(value, dict):
        return {k: without_pages(v) for k, v in value.items() if k != "page"}
    if isinstance(value, (list, tuple)):
        return [without_pages(v) for v in value]
    return value


def test_pdf_and_docx_give_the_same_findings_and_values():
    def key(kind):
        return sorted((f.rule, f.subject, repr(without_pages(dict(f.values)))) for f in result(kind).outcome.findings)

    assert key("pdf") == key("docx")


def test_sum_finding_carries_the_numbers_and_the_cell_that_explains_both():
    b401 = next(f for f in result("pdf").outcome.findings if f.rule == "B401")
    values = dict(b401.values)
    assert values["stated"] == 890150828 and values["computed"] == 884150828
    assert abs(values.get("difference", values.get("gap", 0))) == 6000000
    assert "69.317.198" in b401.message("id") and "92,54" in b401.message("id")
    assert any(loc.page and loc.table and loc.table.startswith("Tabel 3.8") for loc in b401.locations)
