"""Rules T301–T309 on small hand-built facts (positive and negative) and on the seed report."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from lakip.values.figures import parse_figure
from lakip.ingest.text_reader import read_text
from lakip.rules import (
    t301_target_mismatch, t302_indicator_mismatch, t303_unit_mismatch, t304_capaian_miscalculated,
    t305_realisasi_mismatch, t306_indicator_missing, t307_target_trajectory, t308_realisasi_equals_target,
    t309_unit_implausible,
)
from lakip.rules.direction import HIGHER, LOWER, direction_of
from lakip.schemas import facts as F
from lakip.schemas.entities import link_indicators
from lakip.schemas.indicators import extract_indicators
from lakip.schemas.names import normalize_unit
from lakip.schemas.roles import classify_tables

from conftest import SEED  # noqa: E402  (the seed beside the checkout, ../shared/seed)
RULES = (t301_target_mismatch, t302_indicator_mismatch, t303_unit_mismatch, t304_capaian_miscalculated,
         t305_realisasi_mismatch, t306_indicator_missing, t307_target_trajectory, t308_realisasi_equals_target,
         t309_unit_implausible)


def fact(table: str, row: int, indikator: str, kind: str, value: str, year: int = 2024,
         sasaran: str | None = None, satuan: str | None = None, key: str | None = None) -> F.IndicatorFact:
    """One printed indicator value; the entity key defaults to the indicator name."""
    return F.IndicatorFact(
        indikator=indikator, kind=kind, figure=parse_figure(value), role=F.ROLE_CAPAIAN,
        source=F.Source(page=row + 10, table=table, table_id=table, row=row, column=kind.title(), text=value),
        sasaran=sasaran, satuan=satuan, unit=normalize_unit(satuan) if satuan else None, year=year,
        key=key or ("sasaran:" + sasaran.lower() if sasaran else "indikator:" + indikator.lower()),
        sasaran_key="sasaran:" + sasaran.lower() if sasaran else None)


def facts_of(*items: F.IndicatorFact, tahun: int = 2024) -> F.Facts:
    """Facts holding these indicator facts."""
    return F.Facts(path="x.pdf", sha256="0", pages=50, kind="pdf", doc=F.DocFacts("Kecamatan X", tahun),
                   indicators=tuple(items))


def run(rule, *items: F.IndicatorFact) -> list:
    """The findings of one rule on these facts."""
    return list(rule.check(facts_of(*items)))


T, R, C = F.KIND_TARGET, F.KIND_REALISASI, F.KIND_CAPAIAN


def test_t301_same_entity_and_year_only() -> None:
    found = run(t301_target_mismatch,
                fact("Tabel 2.1", 4, "Tersedianya SOP", T, "1,15"), fact("PK", 4, "Tersedianya SOP", T, "2,15"),
                fact("Tabel 3.1", 4, "Tersedianya SOP", T, "1,15"))
    assert len(found) == 1
    f = found[0]
    assert (f.rule, f.subject, f.values["year"], f.values["values"]) == ("T301", "Tersedianya SOP", 2024, [1.15, 2.15])
    assert len(f.locations) == 3 and "2,15 (PK)" in f.message("id") and "2.15 (PK)" in f.message("en")
    json.dumps(f.to_json())
    # rounding, other years and other indicators are not mismatches
    assert not run(t301_target_mismatch, fact("a", 1, "I", T, "1,3"), fact("b", 1, "I", T, "1,30"),
                   fact("c", 1, "I", T, "2,30", year=2025), fact("d", 1, "J", T, "9"))


def test_t302_names_under_one_sasaran() -> None:
    s = "Tersedianya Sarana dan Prasarana"
    found = run(t302_indicator_mismatch,
                fact("IKU", 2, "Indeks Kepuasan Masyarakat", T, "1,30", sasaran=s),
                fact("Tabel 2.1", 2, "Indeks Sarana Prasarana", T, "1,30", sasaran=s),
                fact("Tabel 3.5", 2, "Persentase rekomendasi sarana prasarana", T, "1,30", sasaran=s),
                fact("Tabel 3.2", 2, s, R, "1,30", sasaran=s))
    assert len(found) == 1
    assert found[0].subject == s
    assert found[0].values["names"] == ["Indeks Sarana Prasarana", "Indeks Kepuasan Masyarakat"]
    assert len(found[0].locations) == 3
    assert not run(t302_indicator_mismatch, fact("a", 1, "Indeks sarana prasarana", T, "1", sasaran=s),
                   fact("b", 1, "Indeks Sarana Prasarana", T, "1", sasaran=s))


def test_t303_units_normalised_before_comparing() -> None:
    found = run(t303_unit_mismatch, fact("a", 1, "ISP", T, "1,30", satuan="%"),
                fact("b", 1, "ISP", T, "1,30", satuan="Indeks"), fact("c", 1, "ISP", T, "1,30", satuan="indeks"))
    assert len(found) == 1 and found[0].values["units"] == ["indeks", "%"]
    assert not run(t303_unit_mismatch, fact("a", 1, "K", T, "1", satuan="%"),
                   fact("b", 1, "K", T, "1", satuan="Persentase"), fact("c", 1, "K", T, "1", satuan="persen"))


def test_t304_row_and_cross_table_capaian() -> None:
    ok = run(t304_capaian_miscalculated, fact("a", 1, "I", T, "80"), fact("a", 1, "I", R, "82"),
             fact("a", 1, "I", C, "102,5"))
    assert not ok
    wrong = run(t304_capaian_miscalculated, fact("a", 1, "I", T, "80"), fact("a", 1, "I", R, "82"),
                fact("a", 1, "I", C, "105"))
    assert len(wrong) == 1 and wrong[0].values["computed"] == 102.5 and wrong[0].values["stated"] == 105
    cross = run(t304_capaian_miscalculated, fact("3.1", 2, "ISP", T, "1,30"), fact("3.1", 2, "ISP", R, "1,30"),
                fact("3.1", 2, "ISP", C, "100"), fact("3.6", 2, "ISP", C, "1,30"))
    assert len(cross) == 1 and cross[0].values["stated"] == 1.3 and cross[0].values["computed"] == 100.0
    assert cross[0].locations[0].table == "3.6"
    # no target for the year anywhere: nothing to recompute
    assert not run(t304_capaian_miscalculated, fact("3.2", 2, "ISP", R, "0,30", year=2023),
                   fact("3.2", 2, "ISP", C, "100", year=2023))


def test_t304_realisasi_column_holding_a_capaian_is_left_to_t305() -> None:
    items = (fact("3.1", 2, "ISP", T, "1,30"), fact("3.1", 2, "ISP", R, "1,30"), fact("3.1", 2, "ISP", C, "100"),
             fact("3.7", 2, "ISP", T, "1,30"), fact("3.7", 2, "ISP", R, "100"), fact("3.7", 2, "ISP", C, "100"))
    assert not run(t304_capaian_miscalculated, *items)
    [f] = run(t305_realisasi_mismatch, *items)
    assert f.values == {"year": 2024, "values": [1.3, 100.0], "places": [1, 1]}


def test_t304_lower_is_better_and_range_targets() -> None:
    lower = "Prevalensi stunting"
    assert direction_of(lower) == LOWER
    assert not run(t304_capaian_miscalculated, fact("a", 1, lower, T, "20"), fact("a", 1, lower, R, "18"),
                   fact("a", 1, lower, C, "110"))
    # R/T and T/R are accepted conventions too when no direction is configured: 90 and 111,11 are not errors.
    for accepted in ("90", "111,11"):
        assert not run(t304_capaian_miscalculated, fact("a", 1, lower, T, "20"), fact("a", 1, lower, R, "18"),
                       fact("a", 1, lower, C, accepted))
    assert run(t304_capaian_miscalculated, fact("a", 1, lower, T, "20"), fact("a", 1, lower, R, "18"),
               fact("a", 1, lower, C, "95"))
    grk = "Tingkat penurunan emisi GRK"
    assert direction_of(grk) == HIGHER
    assert not run(t304_capaian_miscalculated, fact("a", 1, grk, T, "5-6%"), fact("a", 1, grk, R, "11,45%"),
                   fact("a", 1, grk, C, "190,83%"))
    assert run(t304_capaian_miscalculated, fact("a", 1, grk, T, "5-6%"), fact("a", 1, grk, R, "11,45%"),
               fact("a", 1, grk, C, "229,00%"))


def test_direction_override() -> None:
    assert direction_of("Indeks Kepuasan Masyarakat") == HIGHER
    assert direction_of("Indeks kepuasan masyarakat", {"Indeks Kepuasan Masyarakat": LOWER}) == LOWER
    with pytest.raises(ValueError):
        direction_of("X", {"X": "naik"})


def test_t306_missing_indicator_target_realisasi() -> None:
    found = run(t306_indicator_missing,
                fact("a", 1, "I", T, "1"), fact("a", 1, "I", R, "1"),
                fact("a", 2, "", T, "3", sasaran="Sasaran tanpa indikator"),
                fact("r", 1, "J", T, "5"), fact("pk", 4, "J", T, "5"))
    by = {(f.values.get("year"), f.subject, f.message("en").split(" has ")[1]) for f in found}
    assert by == {(None, "Sasaran tanpa indikator", "no indicator"),
                  (2024, "J", "no 2024 realisasi in any table")}
    assert not run(t306_indicator_missing, fact("a", 1, "I", T, "1"), fact("b", 1, "I", R, "1"))
    # a name printed in one table row only may be a fragment of a row read apart: no finding
    assert not run(t306_indicator_missing, fact("a", 1, "I", T, "1"), fact("a", 1, "I", R, "1"),
                   fact("r", 1, "n izin Persentase temuan", T, "5"))


def test_t307_targets_against_direction() -> None:
    rising = [fact("r", 1, "IKM", T, v, year=y) for y, v in ((2024, "72,89"), (2025, "73,89"), (2026, "74,89"))]
    flat = [fact("r", 2, "SOP", T, v, year=y) for y, v in ((2024, "2,15"), (2025, "2,15"), (2026, "3,15"))]
    assert not run(t307_target_trajectory, *rising, *flat)
    falling = [fact("r", 1, "IKM", T, v, year=y) for y, v in ((2024, "74,89"), (2025, "73,89"))]
    [f] = run(t307_target_trajectory, *falling)
    assert (f.values["from_year"], f.values["to_year"], f.values["direction"]) == (2024, 2025, HIGHER)
    deaths = [fact("r", 1, "Angka kematian ibu", T, v, year=y) for y, v in ((2024, "100"), (2025, "90"))]
    assert not run(t307_target_trajectory, *deaths)
    # a range target moves backward only when all of it does
    inflation = [fact("r", 1, "Inflasi", T, v, year=y) for y, v in ((2024, "3,27"), (2025, "3,02-3,82"))]
    assert not run(t307_target_trajectory, *inflation)
    worse = [fact("r", 1, "Inflasi", T, v, year=y) for y, v in ((2024, "3,27"), (2025, "3,52-4,32"))]
    assert len(run(t307_target_trajectory, *worse)) == 1


def test_t308_one_finding_when_every_realisasi_equals_target() -> None:
    items = [fact("a", i, n, k, v) for i, (n, v) in enumerate((("A", "1,30"), ("B", "72,89")), 1) for k in (T, R)]
    [f] = run(t308_realisasi_equals_target, *items)
    assert f.values == {"year": 2024, "count": 2, "equal": 2} and f.subject == "Kecamatan X"
    assert not run(t308_realisasi_equals_target, *items, fact("a", 3, "C", T, "5"), fact("a", 3, "C", R, "4"))
    assert not run(t308_realisasi_equals_target, *items[:2])


def test_t309_count_in_percent_and_share_above_100() -> None:
    [f] = run(t309_unit_implausible, fact("a", 1, "Jumlah Inovasi", T, "1,07", satuan="%"),
              fact("b", 1, "Jumlah Inovasi", T, "1,07", satuan="Persentase"))
    assert f.subject == "Jumlah Inovasi" and len(f.locations) == 2
    assert not run(t309_unit_implausible, fact("a", 1, "Jumlah Inovasi", T, "3", satuan="Inovasi"),
                   fact("b", 1, "Persentase jumlah desa mandiri", T, "30", satuan="%"))
    [g] = run(t309_unit_implausible, fact("a", 1, "Persentase desa mandiri", R, "120", satuan="%"))
    assert g.values["highest"] == 120
    assert not run(t309_unit_implausible, fact("a", 1, "Persentase peningkatan PAD", R, "120", satuan="%"))


def seed_facts() -> F.Facts:
    """Facts of the seed report as far as this vertical builds them."""
    doc = read_text(SEED)
    infos = classify_tables(doc)
    ind, _ = extract_indicators(doc, infos, year=2024)
    ind, links = link_indicators(ind)
    return F.Facts(path=doc.path, sha256=doc.sha256, pages=doc.n_pages, kind=doc.kind,
                   doc=F.DocFacts("Kecamatan Alok Barat", 2024), tables=infos, indicators=ind, links=links)


@pytest.mark.skipif(not SEED.exists(), reason="seed report not present")
def test_seed_findings_exact() -> None:
    facts = seed_facts()
    found = [f for rule in RULES for f in rule.check(facts)]
    got = sorted((f.rule, f.subject) for f in found)
    five = ["Indeks Kepuasan Masyarakat", "Indeks sarana prasarana",
            "Kemudahan akses, cepat, akurat, dan akuntabel", "Tersedianya SOP", "Jumlah Inovasi"]
    expected = sorted(
        [("T301", "Tersedianya SOP"), ("T302", "Tersedianya Sarana dan Prasarana"),
         ("T303", "Indeks sarana prasarana"), ("T308", "Kecamatan Alok Barat"), ("T309", "Jumlah Inovasi")]
        + [("T304", s) for s in five] + [("T305", s) for s in five])
    assert got == expected
    by = {(f.rule, f.subject): f for f in found}
    t301 = by[("T301", "Tersedianya SOP")]
    assert t301.values["values"] == [1.15, 2.15] and t301.values["places"] == [7, 2]
    assert by[("T302", "Tersedianya Sarana dan Prasarana")].values["names"] == [
        "Indeks sarana prasarana", "Indeks Kepuasan Masyarakat"]
    assert by[("T303", "Indeks sarana prasarana")].values["units"] == ["indeks", "%"]
    assert {f.locations[0].table for f in found if f.rule == "T304"} == {"Tabel 3.6"}
    assert all(f.values["values"][1] == 100.0 for f in found if f.rule == "T305")
    assert by[("T308", "Kecamatan Alok Barat")].values["count"] == 5
    for f in found:
        json.dumps(f.to_json("id"))
        json.dumps(f.to_json("en"))
        assert f.locations and all(loc.page for loc in f.locations)


def test_t301_leaves_out_a_table_whose_year_columns_are_shifted_by_one() -> None:
    ikw = "Indeks Kinerja Wilayah"
    renstra = [fact("Tabel 3.1", 1, ikw, T, str(v), year=y) for y, v in zip(range(2025, 2030), range(86, 91))]
    shifted = [fact("Tabel 4.4", 1, ikw, T, str(v), year=y) for y, v in zip(range(2025, 2030), range(85, 90))]
    assert run(t301_target_mismatch, *renstra, *shifted) == []
    # one year that really differs is still reported
    odd = [fact("Tabel 4.4", 1, ikw, T, "99" if y == 2027 else str(v), year=y)
           for y, v in zip(range(2025, 2030), range(86, 91))]
    [found] = run(t301_target_mismatch, *renstra, *odd)
    assert found.values["year"] == 2027


def test_t301_leaves_out_a_row_that_prints_several_values_for_one_year() -> None:
    ikm = "Indeks Kepuasan Masyarakat"
    # a second header line of years read as one year: 2022, 2023 and 2024 targets all under 2022
    merged = [fact("Tabel 2.1", 1, ikm, T, v, year=2022) for v in ("80", "81", "82")]
    iku = [fact("Tabel 2.2", 1, ikm, T, v, year=y) for y, v in ((2022, "80"), (2023, "81"), (2024, "82"))]
    assert run(t301_target_mismatch, *merged, *iku) == []


def test_t301_is_a_warning_when_a_row_was_joined_by_a_name_only_similar() -> None:
    name_a, name_b = "Persentase kelurahan tertib administrasi", "Persentase kelurahan tertib administrasi keuangan"
    a = [fact("Tabel 2.1", 1, name_a, T, v, year=y, key="indikator:x") for y, v in ((2023, "75"), (2024, "80"))]
    b = [fact("Tabel 3.1", 2, name_b, T, v, year=y, key="indikator:x") for y, v in ((2023, "75"), (2024, "90"))]
    link = F.EntityLink("indicator", "indikator:x", name_b, 0.86, b[0].source)
    [found] = list(t301_target_mismatch.check(replace(facts_of(*a, *b), links=(link,))))
    assert found.severity == "warning" and found.values["link_score"] == 0.86
    assert "hanya mirip, skor 0,86" in found.message("id") and "only similar" in found.message("en")
    sure = F.EntityLink("indicator", "indikator:x", name_b, 1.0, b[0].source)
    [found] = list(t301_target_mismatch.check(replace(facts_of(*a, *b), links=(sure,))))
    assert found.severity == "error" and "link_score" not in found.values
    # joined by a similar name and agreeing in no year: another indicator, not a disagreement
    never = [fact("Tabel 3.1", 2, name_b, T, v, year=y, key="indikator:x") for y, v in ((2023, "70"), (2024, "90"))]
    assert list(t301_target_mismatch.check(replace(facts_of(*a, *never), links=(link,)))) == []


def test_t304_a_table_whose_rows_mostly_disagree_with_themselves_is_one_warning() -> None:
    rows = [(f"Indikator {k}", "80", "88", cap) for k, cap in enumerate(("91,30", "113,40", "93,06"), start=1)]
    items = [fact("Tabel 3", r, name, kind, value) for r, (name, t, real, cap) in enumerate(rows, start=1)
             for kind, value in ((T, t), (R, real), (C, cap))]
    [found] = run(t304_capaian_miscalculated, *items)
    assert (found.severity, found.subject, found.values["rows"], found.values["checked"]) == ("warning", "Tabel 3", 3, 3)
    assert "mungkin terbaca bergeser" in found.message("id") and "read shifted" in found.message("en")
    one_wrong = [fact("Tabel 3", 1, "Indikator 1", kind, v) for kind, v in ((T, "80"), (R, "88"), (C, "93,06"))] + [
        fact("Tabel 3", r, f"Indikator {r}", kind, v) for r in (2, 3) for kind, v in ((T, "80"), (R, "88"), (C, "110"))]
    [found] = run(t304_capaian_miscalculated, *one_wrong)
    assert (found.severity, found.subject) == ("error", "Indikator 1")


def test_t301_and_t303_leave_two_rows_of_one_table_to_be_two_indicators() -> None:
    one = "Jumlah Paket Peralatan Kantor yang Disediakan"
    rows = [fact("Tabel 4.2", 17, one, T, "2", satuan="paket", key="indikator:p"),
            fact("Tabel 4.2", 21, one + " (Laporan)", T, "1", satuan="laporan", key="indikator:p"),
            fact("Tabel 4.3", 5, one, T, "2", satuan="paket", key="indikator:p")]
    assert run(t301_target_mismatch, *rows) == []
    assert run(t303_unit_mismatch, *rows) == []
    other_table = [rows[0], replace(rows[1], source=replace(rows[1].source, table="Tabel 4.4", table_id="Tabel 4.4"))]
    assert [f.rule for f in run(t301_target_mismatch, *other_table)] == ["T301"]


@pytest.mark.parametrize("name,direction", [
    ("Persentase temuan yang ditindaklanjuti", HIGHER),
    ("Persentase temuan BPK yang belum ditindaklanjuti", LOWER),
    ("Jumlah kasus yang tidak tertangani", LOWER),
    ("Penurunan angka kematian bayi", HIGHER),
])
def test_a_negated_turn_around_word_keeps_lower_is_better(name: str, direction: str) -> None:
    assert direction_of(name) == direction
