"""Indicator tables (Renstra, IKU, PK, capaian, comparisons, efisiensi) as the layout shapes them."""

from __future__ import annotations

from .doc import Cell, Table
from .layout import Layout
from .model import Indicator, Report, nodes
from .values import capaian, ind_value, money, node_pct, percent, this_year_capaian

Group = tuple  # (group title or None, ((sub label, flat label, tag kind), ...))


def head(text: str, rowspan: int = 1, colspan: int = 1) -> Cell:
    """A bold, centred header cell."""
    return Cell(text, rowspan, colspan, bold=True, align="center")


def header_rows(lead: list[str], groups: list[Group], two_level: bool, numbers: bool) -> tuple:
    """Header rows: one level (flat labels) or two (group cells spanning their sub columns)."""
    if not two_level or all(g[0] is None for g in groups):
        row = [head(t) for t in lead] + [head(flat) for _, subs in groups for _, flat in subs]
        rows = [tuple(row)]
    else:
        top = [head(t, rowspan=2) for t in lead]
        second = []
        for title, subs in groups:
            if title is None:
                top += [head(flat, rowspan=2) for _, flat in subs]
            else:
                top.append(head(title, colspan=len(subs)))
                second += [head(sub) for sub, _ in subs]
        rows = [tuple(top), tuple(second)]
    if numbers:
        width = len(lead) + sum(len(s) for _, s in groups)
        rows.append(tuple(Cell(f"({i})", align="center") for i in range(1, width + 1)))
    return tuple(rows)


def lead_labels(layout: Layout, sasaran: bool, indikator: str = "Indikator Kinerja") -> list[str]:
    """The leading column titles: [No] [Sasaran] Indikator Satuan (or Satuan first)."""
    labels = (["No"] if layout.no_column else []) + (["Sasaran Strategis"] if sasaran else [])
    return labels + ([indikator, "Satuan"] if layout.unit_after_indicator else ["Satuan", indikator])


def indicator_rows(model: Report, layout: Layout, values, sasaran: bool = True) -> tuple:
    """Body rows: leading cells per indicator then ``values(ind)`` cells; sasaran merged or repeated."""
    rows = []
    for number, sas in enumerate(model.sasaran, 1):
        span = len(sas.indicators)
        for i, ind in enumerate(sas.indicators):
            cells = []
            first = i == 0
            merged = layout.merge_sasaran
            if layout.no_column and (first or not merged):
                cells.append(Cell(f"{number}." if first else "", rowspan=span if merged else 1, align="center"))
            if sasaran and (first or not merged):
                cells.append(Cell(sas.name, rowspan=span if merged else 1, tag=("sasaran", sas.key)))
            name, unit = Cell(ind.name, tag=("name", ind.key)), Cell(ind.unit, align="center", tag=("unit", ind.key))
            cells += [name, unit] if layout.unit_after_indicator else [unit, name]
            rows.append(tuple(cells) + tuple(values(ind)))
    return tuple(rows)


def num(text: str, tag: tuple = ()) -> Cell:
    """A right-aligned figure cell."""
    return Cell(text, align="right", tag=tag)


def renstra_table(model: Report, layout: Layout, caption: str | None) -> Table:
    """Medium-term targets per Renstra year."""
    years = model.years
    groups = [("Target Capaian Setiap Tahun", tuple((str(y), f"Target {y}") for y in years))]
    header = header_rows(lead_labels(layout, True), groups, layout.indicator_header == "two", layout.column_numbers)
    body = indicator_rows(model, layout, lambda ind: [num(ind_value(ind, ind.target(y)), ("target", ind.key, y)) for y in years])
    title = f"Tujuan, Sasaran dan Target Kinerja Jangka Menengah {model.instansi} Tahun {years[0]}-{years[-1]}"
    return Table("renstra", caption, title, header, body, wide=len(years) > 5)


def iku_table(model: Report, layout: Layout, caption: str | None) -> Table:
    """Indikator Kinerja Utama with the report year's target and the data source."""
    groups = [(None, ((f"Target {model.year}", f"Target {model.year}"),)), (None, (("Sumber Data", "Sumber Data"),))]
    header = header_rows(lead_labels(layout, True, "Indikator Kinerja Utama"), groups, False, layout.column_numbers)
    body = indicator_rows(model, layout, lambda ind: [num(ind_value(ind, ind.target(model.year)), ("target", ind.key, model.year)),
                                                      Cell("Laporan Tahunan Perangkat Daerah")])
    return Table("iku", caption, f"Indikator Kinerja Utama {model.instansi}", header, body)


def pk_table(model: Report, layout: Layout) -> Table:
    """The Perjanjian Kinerja's indicator targets for the report year."""
    header = header_rows(lead_labels(layout, True), [(None, (("Target", "Target"),))], False, layout.column_numbers)
    body = indicator_rows(model, layout, lambda ind: [num(ind_value(ind, ind.target(model.year)), ("target", ind.key, model.year))])
    return Table("pk", None, f"PERJANJIAN KINERJA TAHUN {model.year} {model.instansi.upper()}", header, body)


def pk_budget_table(model: Report, layout: Layout) -> Table:
    """The Perjanjian Kinerja's program budget."""
    header = (tuple(head(t) for t in ("No", "Program", "Anggaran (Rp)", "Keterangan")),)
    body = []
    for i, prog in enumerate(nodes(model.budget, "program"), 1):
        text = money(prog.pagu, layout)
        body.append((Cell(f"{i}.", align="center"), Cell(prog.name, tag=("bname", prog.code)),
                     num(text, ("pagu", prog.code)), Cell("APBD")))
    return Table("pk_budget", None, None, header, tuple(body))


def _trc(model: Report, layout: Layout, ind: Indicator, year: int, real, target, cap) -> list[Cell]:
    """Target, realisasi, capaian cells in the layout's order."""
    t = num(ind_value(ind, target), ("target", ind.key, year))
    r = num(ind_value(ind, real), ("real", ind.key, year))
    c = num(percent(cap, layout), ("cap", ind.key, year))
    return [t, r, c] if layout.target_first else [r, t, c]


def _trc_labels(layout: Layout, year: int) -> tuple:
    """Sub-column labels for target, realisasi, capaian of ``year``."""
    t, r = ("Target", f"Target {year}"), ("Realisasi", f"Realisasi {year}")
    c = ("Capaian (%)", f"Capaian {year} (%)")
    return (t, r, c) if layout.target_first else (r, t, c)


def capaian_table(model: Report, layout: Layout, caption: str | None) -> Table:
    """Target, realisasi and capaian of the report year."""
    y = model.year
    header = header_rows(lead_labels(layout, True), [(f"Tahun {y}", _trc_labels(layout, y))],
                         layout.indicator_header == "two", layout.column_numbers)
    body = indicator_rows(model, layout, lambda ind: _trc(model, layout, ind, y, ind.realisasi, ind.target(y),
                                                          this_year_capaian(ind, y, layout)))
    return Table("capaian", caption, f"Pengukuran Kinerja {model.instansi} Tahun {y}", header, body)


def prev_table(model: Report, layout: Layout, caption: str | None) -> Table:
    """This year's and last year's target, realisasi and capaian side by side."""
    y, p = model.year, model.year - 1
    groups = [(f"Tahun {p}", _trc_labels(layout, p)), (f"Tahun {y}", _trc_labels(layout, y))]
    if layout.column_order == "swapped":
        groups.reverse()

    def values(ind: Indicator) -> list[Cell]:
        """Both years' cells."""
        last = _trc(model, layout, ind, p, ind.realisasi_prev, ind.target_prev,
                    capaian(ind, ind.realisasi_prev, ind.target_prev, layout.lower_formula))
        this = _trc(model, layout, ind, y, ind.realisasi, ind.target(y), this_year_capaian(ind, y, layout))
        return this + last if layout.column_order == "swapped" else last + this
    header = header_rows(lead_labels(layout, False), groups, layout.indicator_header == "two", layout.column_numbers)
    body = indicator_rows(model, layout, values, sasaran=False)
    return Table("prev", caption, f"Perbandingan Realisasi dan Capaian Kinerja Tahun {y} dengan Tahun {p}", header, body, wide=True)


def renstra_cmp_table(model: Report, layout: Layout, caption: str | None) -> Table:
    """This year's realisasi beside the Renstra targets of every year."""
    years = model.years
    groups = [(None, ((f"Realisasi {model.year}", f"Realisasi {model.year}"),)),
              ("Target Renstra", tuple((str(y), f"Target {y}") for y in years))]
    header = header_rows(lead_labels(layout, False), groups, layout.indicator_header == "two", layout.column_numbers)
    body = indicator_rows(model, layout, lambda ind: [num(ind_value(ind, ind.realisasi), ("real", ind.key, model.year))]
                          + [num(ind_value(ind, ind.target(y)), ("target", ind.key, y)) for y in years], sasaran=False)
    return Table("renstra_cmp", caption, "Perbandingan Realisasi Kinerja dengan Target Jangka Menengah", header, body, wide=True)


def efisiensi_table(model: Report, layout: Layout, caption: str | None) -> Table:
    """Per program: pagu, realisasi, penyerapan, efisiensi (Rp and %)."""
    labels = ["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan (%)", "Efisiensi (Rp)", "Efisiensi (%)"]
    header = (tuple(head(t) for t in labels),)
    body = []
    for i, prog in enumerate(list(nodes(model.budget, "program")) + [model.budget], 1):
        total = prog.level == "total"
        absorbed = node_pct(prog)
        body.append((Cell("" if total else f"{i}.", align="center"), Cell("Jumlah" if total else prog.name, bold=total),
                     num(money(prog.pagu, layout), ("pagu", prog.code)), num(money(prog.realisasi, layout), ("real", prog.code)),
                     num(percent(absorbed, layout), ("pct", prog.code)),
                     num(money(prog.pagu - prog.realisasi, layout), ("sisa", prog.code)),
                     num(percent(100 - absorbed, layout), ("eff", prog.code))))
    return Table("efisiensi", caption, "Analisis Efisiensi Penggunaan Sumber Daya", header, tuple(body), wide=True)


def program_analysis_table(model: Report, layout: Layout, caption: str | None) -> Table:
    """Per sasaran: its indicators' results beside the programs that support it."""
    y = model.year
    groups = [(f"Tahun {y}", _trc_labels(layout, y)), (None, (("Program", "Program"),)),
              ("Keuangan", (("Pagu", "Pagu (Rp)"), ("Realisasi", "Realisasi (Rp)"), ("%", "%")))]
    header = header_rows(["No", "Sasaran", "Indikator"], groups, layout.indicator_header == "two", layout.column_numbers)
    programs = nodes(model.budget, "program")
    body = []
    for n, sas in enumerate(model.sasaran, 1):
        progs = [p for p in programs if p.sasaran_key == sas.key]
        for i in range(max(len(sas.indicators), len(progs))):
            ind = sas.indicators[i] if i < len(sas.indicators) else None
            cells = [Cell(f"{n}." if i == 0 else "", align="center"), Cell(sas.name if i == 0 else "", tag=("sasaran", sas.key) if i == 0 else ())]
            cells.append(Cell(ind.name, tag=("name", ind.key)) if ind else Cell(""))
            cells += _trc(model, layout, ind, y, ind.realisasi, ind.target(y), this_year_capaian(ind, y, layout)) if ind else [Cell("")] * 3
            prog = progs[i] if i < len(progs) else None
            if prog:
                cells += [Cell(prog.name, tag=("bname", prog.code)), num(money(prog.pagu, layout), ("pagu", prog.code)),
                          num(money(prog.realisasi, layout), ("real", prog.code)), num(percent(node_pct(prog), layout), ("pct", prog.code))]
            else:
                cells += [Cell("")] * 4
            body.append(tuple(cells))
    return Table("program_analysis", caption, "Analisis Program Penunjang Capaian Kinerja", header, tuple(body), wide=True)
