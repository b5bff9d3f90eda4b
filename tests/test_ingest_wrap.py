"""Cells as printed by other renderers: figures wrapped in narrow cells, bold body rows under a header."""

from __future__ import annotations

import pytest

from lakip.ingest.pdf_text import broken_figure
from lakip.ingest.headers import has_figures, header_depth


@pytest.mark.parametrize("head,tail", [("4.130.125", ".650"), ("4.130.", "125.650"), ("3.744.272", ".913,00"),
                                       ("Rp.4.130.125", ".650,-"), ("12.168.80", "3.390"), ("12.1", "68.803.390,00")])
def test_a_figure_wrapped_at_a_group_separator_is_one_figure(head: str, tail: str) -> None:
    assert broken_figure(head, tail)


@pytest.mark.parametrize("head,tail", [("2024", "2025"), ("1.", "Program"), ("12", ".5"), ("1.", "2.000"),
                                       ("90", "80"), ("72,89", "73,89"), ("Rp.", "4.000"), ("1.130", "2.798"),
                                       ("1.000.000", "500"), ("7", "8")])
def test_two_values_or_a_marker_and_a_value_stay_apart(head: str, tail: str) -> None:
    assert not broken_figure(head, tail)


def test_bold_total_and_program_rows_are_body_rows_not_header_rows() -> None:
    texts = [["No", "Program / Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "%"],
             ["", "Jumlah", "22.226.869.560", "18.970.101.435", "85,35"],
             ["1.", "Program Koordinasi", "9.105.292.220", "8.140.677.441", "89,41"],
             ["1", "Koordinasi Pendapatan", "2.962.644.530", "2.953.501.198", "99,69"]]
    styled = [True, True, True, False]
    assert header_depth(texts, styled, [], 4) == 1
    assert has_figures(texts[1]) and not has_figures(["(1)", "(2)", "(3)"]) and not has_figures(["2024", "2025"])


def test_a_name_cut_at_the_page_edge_joins_its_row_whatever_its_case() -> None:
    from lakip.ingest.model import Cell
    from lakip.ingest.stitch import continues_row, merge_rows

    prev = (Cell(""), Cell("Penyediaan"), Cell("313.994.280"), Cell("313.994.280"), Cell("100,00"))
    rest = (Cell(""), Cell("Pakaian Dinas dan Atribut"), Cell(""), Cell(""), Cell(""))
    assert continues_row(prev, rest)
    assert merge_rows(prev, rest)[1].text == "Penyediaan Pakaian Dinas dan Atribut"
    next_row = (Cell(""), Cell("Pemeliharaan Gedung"), Cell("20.000.000"), Cell("19.500.000"), Cell("97,50"))
    assert not continues_row(prev, next_row)
    unit = (Cell("Kelurahan Wuring"), Cell(""), Cell(""), Cell(""), Cell(""))
    assert not continues_row(prev, unit)  # nothing above it to continue


def _piece(page: int, xs: tuple, header: tuple, rows: tuple, top: float = 60.0, bottom: float = 400.0):
    """A table piece on an A4 page."""
    from lakip.ingest.model import Cell
    from lakip.ingest.stitch import Piece

    cells = lambda texts: tuple(Cell(t, page) for t in texts)  # noqa: E731
    return Piece(page, 842.0, (xs[0], top, xs[-1], bottom), xs, tuple(cells(h) for h in header),
                 tuple(cells(r) for r in rows), "rules")


HEAD = (("No", "Program / Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "%"),)
ROW = ("", "Penyediaan Gaji", "1.887.604.470", "1.788.869.320", "94,77")


def test_a_piece_after_a_hand_made_page_break_continues_when_its_header_repeats_or_it_has_none() -> None:
    from lakip.ingest.settings import ExtractSettings
    from lakip.ingest.stitch import continues

    settings = ExtractSettings()
    first = _piece(11, (40.0, 70.0, 300.0, 400.0, 480.0, 540.0), HEAD, (ROW,), bottom=520.0)  # ends mid-page
    wider = (40.0, 90.0, 290.0, 395.0, 485.0, 540.0)  # columns drawn at other widths on the next page
    assert continues(first, _piece(12, wider, HEAD, (ROW,)), settings)
    assert continues(first, _piece(12, wider, (), (ROW,)), settings)
    other_head = (("No", "Sasaran", "Indikator", "Target", "Realisasi"),)
    assert not continues(first, _piece(12, wider, other_head, (ROW,)), settings)
    assert not continues(first, _piece(12, wider, HEAD, (ROW,), top=300.0), settings)  # not at the page top
    assert continues(first, _piece(13, wider, HEAD, (ROW,)), settings)  # after a blank page (no text between)
    assert not continues(first, _piece(14, wider, HEAD, (ROW,)), settings)


def test_a_row_broken_across_pages_inside_its_figures_is_put_back_together() -> None:
    from lakip.ingest.model import Cell
    from lakip.ingest.stitch import continues_row, merge_rows

    prev = (Cell("1."), Cell("Terkendal"), Cell("Program"), Cell("13.415.21"), Cell("12.088.32"), Cell("90,11%"))
    rest = (Cell(""), Cell("inya harga kebutuhan pokok"), Cell("Penunjang Urusan"), Cell("1.130,00"),
            Cell("2.798,00"), Cell(""))
    assert continues_row(prev, rest)
    merged = merge_rows(prev, rest)
    assert [c.text for c in merged[3:5]] == ["13.415.211.130,00", "12.088.322.798,00"]
    other = (Cell("2."), Cell("Meningkatnya"), Cell("Program Lain"), Cell("7.967.637.060"), Cell("6.872.466.892"),
             Cell("86,25%"))
    assert not continues_row(prev, other)


def _line(text: str, x0: float, top: float):
    """A printed line of words 40 points wide each."""
    from lakip.ingest.pdf_text import Line, Word

    words = tuple(Word(t, x0 + 45 * i, top, x0 + 45 * i + 40, top + 10, top + 8, 10, False)
                  for i, t in enumerate(text.split()))
    return Line(words, words[0].x0, top, words[-1].x1, top + 10, 10, False)


def test_a_repeated_header_and_the_rest_of_a_cut_cell_between_pieces_are_read_as_such() -> None:
    from lakip.ingest.reading_order import cut_cell_text, repeats_header

    first = _piece(17, (60.0, 250.0, 400.0, 540.0), (("Program / Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)"),),
                   (ROW[1:4],))
    nxt = _piece(18, (60.0, 250.0, 400.0, 540.0), (), (ROW[1:4],), top=120.0)
    assert repeats_header(_line("Program / Kegiatan Anggaran (Rp)", 64, 56), first)
    assert repeats_header(_line("(1) (2) (3)", 126, 78), first)
    assert not repeats_header(_line("Kelurahan Wuring", 64, 56), first)
    assert cut_cell_text([(18, _line("Kantor", 80, 101))], nxt)
    assert not cut_cell_text([(18, _line("Kantor", 80, 30))], nxt)  # far above the piece: a heading
    long_text = "Tabel berikut menyajikan realisasi anggaran per kelurahan untuk tahun yang dilaporkan ini"
    assert not cut_cell_text([(18, _line(long_text, 64, 101))], nxt)


def test_a_continued_piece_with_a_bullet_column_split_off_maps_by_its_labels() -> None:
    from lakip.ingest.model import Cell
    from lakip.ingest.stitch import label_map

    head = ((Cell("Program / Kegiatan (1)"), Cell("Anggaran (Rp) (2)"), Cell("Realisasi (Rp) (3)")),)
    split = ((Cell(""), Cell("Program / Kegiatan (1)"), Cell("Anggaran (Rp) (2)"), Cell("Realisasi (Rp) (3)")),)
    assert label_map(head, split, 3) == [0, 0, 1, 2]
    other = ((Cell(""), Cell("Sasaran"), Cell("Target"), Cell("Realisasi")),)
    assert label_map(head, other, 3) is None


def test_labels_drawn_one_column_left_of_their_values_are_put_back_over_them() -> None:
    from lakip.ingest.model import Cell
    from lakip.ingest.columns import realign, skewed_columns

    cells = lambda *texts: tuple(Cell(t) for t in texts)  # noqa: E731
    header = [cells("Indikator", "Satuan", "2022", "2023", "", "2024"), cells("(1)", "(2)", "(3)", "(4)", "", "(5)")]
    rows = [cells("Tingkat pengangguran", "%", "", "5,20", "4,70", "4,20"),
            cells("Jumlah kasus DBD", "kasus", "", "81", "71", "61")]
    assert skewed_columns(header, rows) == (2, 4)
    fixed_header, fixed_rows = realign(header, rows, len(rows))
    assert [c.text for c in fixed_header[0]] == ["Indikator", "Satuan", "2022", "2023", "2024"]
    assert [c.text for c in fixed_rows[0]] == ["Tingkat pengangguran", "%", "5,20", "4,70", "4,20"]
    aligned = [cells("Tingkat pengangguran", "%", "5,20", "4,70", "", "4,20")]
    assert skewed_columns(header, aligned) is None


@pytest.mark.parametrize("at", [0, 1, 2])
def test_a_spanning_year_label_stands_over_its_group_wherever_it_is_printed(at: int) -> None:
    from lakip.ingest.model import Cell
    from lakip.ingest.headers import fill_header_spans

    top = ["Indikator", "Satuan", "", "", "", "", "", ""]
    top[2 + at], top[5 + at] = "Tahun 2018", "Tahun 2019"
    sub = ["", "", "Realisasi", "Target", "Capaian", "Realisasi", "Target", "Capaian"]
    filled = fill_header_spans([tuple(Cell(t) for t in top), tuple(Cell(t) for t in sub)])
    assert [c.text for c in filled[0]] == ["Indikator", "Satuan"] + ["Tahun 2018"] * 3 + ["Tahun 2019"] * 3


def test_a_first_piece_that_drew_columns_as_two_is_merged_to_the_columns_its_next_page_repeats() -> None:
    from lakip.ingest.model import Cell
    from lakip.ingest.stitch import Piece, pieces_to_table

    def cells(texts, xs, page):
        return tuple(Cell(t, page, (xs[i], 0.0, xs[i + 1], 10.0)) for i, t in enumerate(texts))

    # page 1: each year label centred in one column and its right-aligned values in the next
    xs1 = (40.0, 150.0, 300.0, 340.0, 380.0, 420.0, 460.0)
    head1 = (("Indikator", "2022", "", "2023", "", "2024"), ("(1)", "(2)", "", "(3)", "", "(4)"))
    body1 = (("IKM", "", "78,00", "", "79,50", "81,00"), ("Jumlah SOP", "", "19", "", "22", "25"))
    # page 2: the same header over one column per year
    xs2 = (40.0, 150.0, 340.0, 420.0, 460.0)
    head2 = (("Indikator", "2022", "2023", "2024"), ("(1)", "(2)", "(3)", "(4)"))
    body2 = (("Angka kematian ibu", "145", "136", "127"),)
    first = Piece(1, 842.0, (40.0, 60.0, 460.0, 800.0), xs1, tuple(cells(r, xs1, 1) for r in head1),
                  tuple(cells(r, xs1, 1) for r in body1), "layout")
    second = Piece(2, 842.0, (40.0, 60.0, 460.0, 200.0), xs2, tuple(cells(r, xs2, 2) for r in head2),
                   tuple(cells(r, xs2, 2) for r in body2), "layout")
    table = pieces_to_table([first, second], "t1", "Tabel 1", 0, "pdfium")
    assert table.header_labels() == ("Indikator / (1)", "2022 / (2)", "2023 / (3)", "2024 / (4)")
    assert [[c.text for c in r] for r in table.rows] == [["IKM", "78,00", "79,50", "81,00"],
                                                       ["Jumlah SOP", "19", "22", "25"],
                                                       ["Angka kematian ibu", "145", "136", "127"]]
