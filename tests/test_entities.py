"""Indicator mentions resolve to entities by sasaran first, then by name, values and position."""

from __future__ import annotations


import pytest

from lakip.values.figures import parse_figure
from lakip.ingest.text_reader import read_text
from lakip.schemas import facts as F
from lakip.schemas.entities import (
    by_entity, display_name, link_indicators, name_variants,
)
from lakip.schemas.indicators import extract_indicators
from lakip.schemas.names import indicator_similarity
from lakip.schemas.roles import classify_tables

from conftest import SEED  # noqa: E402  (the seed beside the checkout, ../shared/seed)


def fact(table: str, row: int, indikator: str, value: str, sasaran: str | None = None,
         kind: str = F.KIND_TARGET, year: int = 2024, position: int = 0) -> F.IndicatorFact:
    """One indicator fact printed in a table row."""
    return F.IndicatorFact(indikator=indikator, kind=kind, figure=parse_figure(value), role=F.ROLE_CAPAIAN,
                           source=F.Source(page=1, table=table, table_id=table, row=row, column="Target",
                                           text=value),
                           sasaran=sasaran, year=year, position=position)


def keys(facts: tuple[F.IndicatorFact, ...]) -> dict[tuple[str, int], str]:
    """(table, row) → entity key."""
    return {(f.source.table_id, f.source.row): f.key for f in facts}


def test_indicator_similarity_sees_the_same_name_written_differently() -> None:
    assert indicator_similarity("Indeks sarana prasarana", "Persentase rekomendasi sarana prasarana") >= 0.85
    assert indicator_similarity("Tersedianya Jumlah Inovasi", "Jumlah Inovasi") >= 0.85
    assert indicator_similarity("Indeks Sarana Prasarana", "Indeks Kepuasan Masyarakat") < 0.85
    groups = name_variants(["Indeks Sarana Prasarana", "Indeks Kepuasan Masyarakat", "indeks sarana prasarana",
                            "Tersedianya Sarana dan Prasarana"], exclude="Tersedianya Sarana dan Prasarana")
    assert groups == [["Indeks Sarana Prasarana", "indeks sarana prasarana"], ["Indeks Kepuasan Masyarakat"]]


def test_sasaran_keeps_a_renamed_indicator_in_one_entity() -> None:
    facts = (fact("renstra", 1, "Indeks Sarana Prasarana", "1,30", "Tersedianya Sarana dan Prasarana"),
             fact("pk", 1, "Indeks Kepuasan Masyarakat", "1,30", "Tersedianya Sarana dan Prasarana"))
    linked, links = link_indicators(facts)
    assert linked[0].key == linked[1].key == linked[0].sasaran_key
    assert {lk.kind for lk in links} == {"indicator", "sasaran"}


def test_rows_without_sasaran_join_by_name_values_and_position() -> None:
    facts = (
        fact("iku", 1, "Indeks Kepuasan Masyarakat", "72,89", None, position=0),
        fact("iku", 2, "Indeks Kepuasan Masyarakat", "1,30", "Tersedianya Sarana", position=1),
        fact("renstra", 2, "Indeks Sarana Prasarana", "1,30", "Tersedianya Sarana", position=1),
        fact("summary", 2, "Indeks sarana prasarana", "1,30", "Tersedianya Sarana", position=1),
        fact("t31", 1, "Indeks Kepuasan Masyarakat", "72,89", None, position=0),
        fact("t31", 2, "Indeks Sarana Prasarana", "1,30", None, position=1),
        fact("t32", 2, "Tersedianya Sarana", "1,30", None, kind=F.KIND_REALISASI, position=1),
    )
    k = keys(link_indicators(facts)[0])
    sasaran_key = k[("iku", 2)]
    assert k[("renstra", 2)] == k[("summary", 2)] == k[("t31", 2)] == k[("t32", 2)] == sasaran_key
    assert k[("iku", 1)] == k[("t31", 1)] != sasaran_key


def test_sasaran_with_two_indicators_gets_two_slots() -> None:
    facts = (
        fact("a", 1, "Persentase jalan mantap", "80", "Meningkatnya infrastruktur", position=0),
        fact("a", 2, "Persentase jembatan baik", "70", "Meningkatnya infrastruktur", position=1),
        fact("b", 1, "Persentase jembatan dalam kondisi baik", "70", "Meningkatnya infrastruktur", position=1),
        fact("b", 2, "Persentase jalan dalam kondisi mantap", "80", "Meningkatnya infrastruktur", position=0),
    )
    k = keys(link_indicators(facts)[0])
    assert k[("a", 1)] == k[("b", 2)] != k[("a", 2)] == k[("b", 1)]


def test_different_indicators_without_sasaran_stay_apart() -> None:
    facts = (fact("a", 1, "Jumlah Inovasi", "2"), fact("a", 2, "Indeks Kepuasan Masyarakat", "80", position=1),
             fact("b", 1, "Jumlah inovasi", "2"))
    k = keys(link_indicators(facts)[0])
    assert k[("a", 1)] == k[("b", 1)] != k[("a", 2)]


@pytest.mark.skipif(not SEED.exists(), reason="seed report not present")
def test_seed_entities() -> None:
    doc = read_text(SEED)
    facts, _ = extract_indicators(doc, classify_tables(doc), year=2024)
    linked, links = link_indicators(facts)
    groups = by_entity(linked)
    names = sorted(display_name(g) for g in groups.values())
    assert names == ["Indeks Kepuasan Masyarakat", "Indeks sarana prasarana",
                     "Jumlah Inovasi", "Kemudahan akses, cepat, akurat, dan akuntabel", "Tersedianya SOP"]
    sarpras = next(g for g in groups.values() if display_name(g) == "Indeks sarana prasarana")
    assert {f.indikator for f in sarpras} == {
        "Indeks sarana prasarana", "Indeks Sarana Prasarana", "Persentase rekomendasi sarana prasarana",
        "Indeks Kepuasan Masyarakat", "Tersedianya Sarana dan Prasarana"}
    ikm = next(g for g in groups.values() if display_name(g) == "Indeks Kepuasan Masyarakat")
    assert {f.figure.text for f in ikm if f.kind == "target" and f.year == 2024} == {"72,89"}
    assert all(f.sasaran_key is None for f in ikm)
    assert all(0.0 < lk.score <= 1.0 for lk in links)
    assert {lk.kind for lk in links} == {"indicator", "sasaran"}


def test_sasaran_worded_differently_in_another_table_is_one_entity() -> None:
    facts = (fact("pk", 1, "Tingkat penurunan emisi GRK", "5-6%", "Menurunkan emisi gas rumah kaca"),
             fact("capaian", 1, "Jumlah lokasi PROKLIM", "61", "Meningkatnya aksi mitigasi perubahan iklim"),
             fact("capaian", 2, "Tingkat penurunan emisi GRK", "5-6%", "Meningkatnya aksi mitigasi perubahan iklim",
                  position=1))
    k = keys(link_indicators(facts)[0])
    assert k[("pk", 1)] == k[("capaian", 2)] != k[("capaian", 1)]
