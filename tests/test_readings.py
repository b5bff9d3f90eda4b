"""Budget tables read the way their sums agree most, and doubted when no reading explains them."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional

import pytest

from lakip.values.figures import parse_figure
from lakip.schemas import readings
from lakip.schemas.facts import LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, BudgetLine, Source
from lakip.schemas.sums import RowShape

Marker = Callable[[int, int, int], Optional[str]]

# Two programs, three kegiatan, five sub kegiatan: (name, [(kegiatan, [(sub, pagu, realisasi)])]).
TREE = (
    ("Penunjang Urusan Pemerintahan", (
        ("Administrasi Keuangan", (("Penyediaan Gaji", 310_255_100, 301_122_450),
                                   ("Penatausahaan Keuangan", 20_417_300, 17_980_000))),
        ("Administrasi Umum", (("Rapat Koordinasi", 5_120_000, 4_905_500),)),
    )),
    ("Penyelenggaraan Pemerintahan", (
        ("Koordinasi Kegiatan Pemerintahan", (("Sinergi Perencanaan", 7_311_250, 7_100_000),
                                              ("Forum Musyawarah", 8_004_900, 7_650_300))),
    )),
)

SCHEMES: dict[str, tuple[Marker, Marker, Marker]] = {
    "1. / 1.1 / 1.1.1": (lambda p, k, s: f"{p + 1}.", lambda p, k, s: f"{p + 1}.{k + 1}",
                         lambda p, k, s: f"{p + 1}.{k + 1}.{s + 1}"),
    "I. / A. / 1.": (lambda p, k, s: ("I", "II")[p] + ".", lambda p, k, s: "AB"[k] + ".", lambda p, k, s: f"{s + 1}."),
    "1 / a. / -": (lambda p, k, s: f"{p + 1}", lambda p, k, s: "ab"[k] + ".", lambda p, k, s: "-"),
    "1. / 1 / none": (lambda p, k, s: f"{p + 1}.", lambda p, k, s: f"{k + 1}", lambda p, k, s: None),
    "none": (lambda p, k, s: None, lambda p, k, s: None, lambda p, k, s: None),
    "1 / 1 / 1 (every level numbered alike)": (lambda p, k, s: f"{p + 1}", lambda p, k, s: f"{k + 1}",
                                               lambda p, k, s: f"{s + 1}"),
    "kode rekening": (lambda p, k, s: f"7.01.0{p + 1}", lambda p, k, s: f"7.01.0{p + 1}.2.0{k + 1}",
                      lambda p, k, s: f"7.01.0{p + 1}.2.0{k + 1}.000{s + 1}"),
}
EXPECTED_LEVELS = [LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN, LEVEL_SUBKEGIATAN, LEVEL_KEGIATAN,
                   LEVEL_SUBKEGIATAN, LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN, LEVEL_SUBKEGIATAN]


def shapes(markers: tuple[Marker, Marker, Marker]) -> list[RowShape]:
    """The rows of TREE as a budget table prints them, parents the exact sums of their children."""
    out: list[RowShape] = []
    for p, (pname, kegiatan) in enumerate(TREE):
        subs = [s for _, ss in kegiatan for s in ss]
        out.append(RowShape(len(out) + 1, pname, markers[0](p, 0, 0), pagu=sum(s[1] for s in subs),
                            realisasi=sum(s[2] for s in subs)))
        for k, (kname, ss) in enumerate(kegiatan):
            out.append(RowShape(len(out) + 1, kname, markers[1](p, k, 0), pagu=sum(s[1] for s in ss),
                                realisasi=sum(s[2] for s in ss)))
            for i, (sname, pagu, real) in enumerate(ss):
                out.append(RowShape(len(out) + 1, sname, markers[2](p, k, i), pagu=pagu, realisasi=real))
    return out


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_numbering_scheme_gives_the_nesting_its_sums_show(scheme: str) -> None:
    rows = shapes(SCHEMES[scheme])
    best = readings.best_reading(rows, LEVEL_PROGRAM, levels_named=0)
    assert best.consistency == readings.Consistency(held=5, broken=0)
    assert [n.level for n in best.nodes] == EXPECTED_LEVELS


def test_a_typo_in_an_otherwise_consistent_table_stays_the_reports_error() -> None:
    rows = shapes(SCHEMES["1. / 1 / none"])
    rows[1] = replace(rows[1], realisasi=(rows[1].realisasi or 0) + 6_000_000)  # the kegiatan's sum is off
    best = readings.best_reading(rows, LEVEL_PROGRAM, levels_named=0)
    assert best.name == "layout"
    assert best.consistency == readings.Consistency(held=3, broken=2)  # the kegiatan and its program
    assert [n.level for n in best.nodes] == EXPECTED_LEVELS


def test_a_reading_that_breaks_most_sums_is_replaced_by_one_that_keeps_them() -> None:
    # Kegiatan numbered like programs and sub kegiatan like kegiatan of another scheme: the layout puts
    # rows on the wrong levels; arithmetic alone still finds which rows add up to which.
    odd = (lambda p, k, s: f"{p + 1}", lambda p, k, s: f"({k + 1})", lambda p, k, s: f"{p + 1}")
    rows = shapes(odd)
    best = readings.best_reading(rows, LEVEL_PROGRAM, levels_named=0)
    assert best.consistency.broken == 0 and best.consistency.held >= 3


def _line(row: int, pagu: str, real: str, pct: Optional[str] = None, parent: Optional[int] = None) -> BudgetLine:
    """A budget line of table t1 with the printed figures."""
    return BudgetLine(table_id="t1", row=row, level=LEVEL_SUBKEGIATAN, name=f"Sub {row}", role="budget",
                      source=Source(page=1, table="Tabel 3.8", table_id="t1", row=row),
                      pagu=parse_figure(pagu), realisasi=parse_figure(real),
                      percent=parse_figure(pct) if pct else None, parent=parent)


def test_doubt_when_the_columns_cannot_be_pagu_and_realisasi() -> None:
    good = readings.Consistency(held=2, broken=0)
    growth = [_line(1, "3,12", "84,78"), _line(2, "8,10", "85,13"), _line(3, "16,79", "93,60")]
    why = readings.doubt(growth, good)
    assert why and "realisasi melebihi pagu pada 3 dari 3 baris" in why[0] and "above pagu" in why[1]
    assert readings.doubt([_line(1, "-0,49", "94,11")], good)[0].startswith("1 pagu bernilai negatif")
    fine = [_line(1, "5.985.620", "5.960.560", "99,58"), _line(2, "82.244.270", "75.307.388", "91,57"),
            _line(3, "74.907.830", "63.317.198", "92,54")]
    assert readings.doubt(fine, good) is None
    one_over = fine[:2] + [_line(3, "4.959.330", "5.360.980", "108,10")]
    assert readings.doubt(one_over, good) is None  # one row over its pagu is the report's error (B403)


def test_doubt_when_the_percent_column_is_not_the_absorption_rate() -> None:
    good = readings.Consistency(held=2, broken=0)
    weights = [_line(1, "5.985.620", "5.960.560", "12,5"), _line(2, "82.244.270", "75.307.388", "40"),
               _line(3, "74.907.830", "63.317.198", "47,5")]
    why = readings.doubt(weights, good)
    assert why and "kolom % tidak sama dengan realisasi/pagu pada 3 dari 3 baris" in why[0]


def test_doubt_when_no_reading_keeps_the_sums() -> None:
    assert readings.doubt([], readings.Consistency(held=0, broken=3))
    assert readings.doubt([], readings.Consistency(held=1, broken=3))
    assert readings.doubt([], readings.Consistency(held=2, broken=2)) is None
    assert readings.doubt([], readings.Consistency(held=0, broken=1)) is None


def test_a_budget_table_with_two_amounts_in_one_cell_is_doubted() -> None:
    from lakip.ingest.model import Cell, Table

    def table(amount: str) -> Table:
        """A two-row budget table whose second row has ``amount`` in its pagu cell."""
        rows = ((Cell("Kegiatan A"), Cell("1.225.669.910,00"), Cell("893.610.447,00")),
                (Cell("Sub Kegiatan B"), Cell(amount), Cell("")))
        return Table(id="t1", caption=None, pages=(1,), header=((Cell("Uraian"), Cell("Pagu"), Cell("Realisasi")),),
                     rows=rows, engine="test")

    why = readings.merged_cells(table("1.225.669.910,00 893.610.447,00"))
    assert why and "dua angka" in why[0] and "two amounts" in why[1]
    assert readings.merged_cells(table("1.225.669.910,00")) is None


def test_doubt_when_a_total_is_more_than_twice_its_rows() -> None:
    from lakip.schemas.facts import LEVEL_JUMLAH

    good = readings.Consistency(held=0, broken=1)
    rows = [_line(1, "67.864.570", "51.535.776"), _line(2, "985.678.980", "985.678.980")]
    total = replace(_line(3, "24.094.636.480", "19.728.265.498"), level=LEVEL_JUMLAH, name="Jumlah")
    why = readings.doubt([*(replace(r, parent=3) for r in rows), total], good)
    assert why and why[0].startswith("baris Jumlah bernilai lebih dari dua kali") and "part of the table" in why[1]
    close = replace(total, pagu=parse_figure("1.063.543.550"))  # a typo of 10.000.000: the report's own error
    assert readings.doubt([*(replace(r, parent=3) for r in rows), close], good) is None
