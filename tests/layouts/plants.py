"""One planted error per rule code: the broken report and what lakip should say about it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from .compose import chapter_title, compose
from .doc import Para, Table, map_cells, map_paras
from .layout import Layout
from .model import BudgetNode, Indicator, Report
from .numfmt import group, us_amount
from .values import caption, ind_value, this_year_capaian


@dataclass(frozen=True)
class Expected:
    """A finding lakip should give: the rule and names the subject may carry (empty: any subject)."""
    rule: str
    subjects: tuple[str, ...] = ()


@dataclass(frozen=True)
class Planted:
    """A report with exactly one planted error."""
    code: str
    model: Report
    blocks: tuple
    expected: tuple[Expected, ...]
    also: tuple[str, ...] = ()
    where: str = ""


def _over(model: Report, **changes) -> Report:
    """The model with some overrides set."""
    return replace(model, overrides=replace(model.overrides, **changes))


def _with_indicator(model: Report, key: str, change) -> Report:
    """The model with indicator ``key`` replaced by ``change(indicator)``."""
    sasaran = tuple(replace(s, indicators=tuple(change(i) if i.key == key else i for i in s.indicators)) for s in model.sasaran)
    return replace(model, sasaran=sasaran)


def _with_node(node: BudgetNode, target: BudgetNode, change) -> BudgetNode:
    """The tree with ``target`` replaced by ``change(target)`` (parents untouched)."""
    if node is target:
        return change(node)
    return replace(node, children=tuple(_with_node(c, target, change) for c in node.children))


def _add_real(root: BudgetNode, path: list[BudgetNode], delta: int) -> BudgetNode:
    """The tree with ``delta`` added to the realisasi of every node on ``path`` and the total."""
    def walk(node: BudgetNode) -> BudgetNode:
        """Recurse."""
        kids = tuple(walk(c) for c in node.children)
        hit = node is root or any(node is p for p in path)
        return replace(node, children=kids, realisasi=node.realisasi + (delta if hit else 0))
    return walk(root)


def _paths(root: BudgetNode):
    """(program, kegiatan, sub) triples."""
    return [(p, k, s) for p in root.children for k in p.children for s in k.children]


def _model_plant(code: str, model: Report, layout: Layout, expected, also=()) -> Planted:
    """A plant made in the model: the whole report is composed from it."""
    return Planted(code, model, compose(model, layout), tuple(expected), tuple(also))


def _cell_plant(code, model, layout, pick, change, expected, also=()) -> Planted | None:
    """A plant made in printed cells; None when no cell was picked."""
    blocks, hits = map_cells(compose(model, layout), pick, change)
    return Planted(code, model, blocks, tuple(expected), tuple(also)) if hits else None


def _first(model: Report, want=lambda i: True) -> Indicator | None:
    """The first indicator ``want`` accepts."""
    return next((i for i in model.indicators if want(i)), None)


def _bump(ind: Indicator, value: Decimal, by: int = 3) -> str:
    """A different printed value for an indicator (a few units or points away)."""
    return ind_value(ind, value + by)


def plant_s101(model: Report, layout: Layout) -> Planted:
    """Bab IV's heading and sections are left out."""
    title = chapter_title(layout, 4)
    blocks = compose(model, layout)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Para) and b.text == title)
    kept = blocks[:start] + tuple(b for b in blocks[start + 5:])
    return Planted("S101", model, kept, (Expected("S101", ("Bab IV Penutup", "Penutup")),))


def plant_s102(model: Report, layout: Layout) -> Planted | None:
    """The text refers to a table number that does not exist."""
    if layout.caption_style == "none":
        return None
    missing = caption(layout, 3, 40)
    blocks = compose(model, layout)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.kind == "capaian")
    blocks = blocks[:at] + (Para(f"Analisis lebih lanjut disajikan pada {missing}."),) + blocks[at:]
    return Planted("S102", model, blocks, (Expected("S102", (missing,)),))


def plant_f201(model: Report, layout: Layout) -> Planted:
    """The summary prints the total realisasi malformed (``4. 603.119.714``)."""
    bad = group(model.budget.realisasi).replace(".", ". ", 1)
    return _model_plant("F201", _over(model, malformed_amount=True), layout, [Expected("F201", (bad,))], ("B404",))


def plant_f202(model: Report, layout: Layout) -> Planted:
    """One PK program amount is printed the US way (``3,744,272,913``)."""
    prog = model.budget.children[0]
    us = us_amount(prog.pagu)
    blocks, _ = map_cells(compose(model, layout), lambda t, c: t.kind == "pk_budget" and c.tag == ("pagu", prog.code),
                          lambda c: replace(c, text=us))
    return Planted("F202", model, blocks, (Expected("F202", (us,)),), ("B404",))


def plant_t301(model: Report, layout: Layout) -> Planted | None:
    """The PK target of one indicator differs from the Renstra/IKU one."""
    ind = _first(model)
    tag = ("target", ind.key, model.year)
    return _cell_plant("T301", model, layout, lambda t, c: t.kind == "pk" and c.tag == tag,
                       lambda c: replace(c, text=_bump(ind, ind.target(model.year))), [Expected("T301", (ind.name,))])


def plant_t302(model: Report, layout: Layout) -> Planted | None:
    """The capaian table names one indicator differently from everywhere else."""
    sas = model.sasaran[-1]
    ind = sas.indicators[0]
    other = "Persentase desa yang memiliki peta batas wilayah definitif"
    return _cell_plant("T302", model, layout, lambda t, c: t.kind == "capaian" and c.tag == ("name", ind.key),
                       lambda c: replace(c, text=other), [Expected("T302", (sas.name, ind.name, other))], ("T306",))


def plant_t303(model: Report, layout: Layout) -> Planted | None:
    """The capaian table gives one indicator another unit."""
    ind = _first(model, lambda i: not i.name.startswith("Jumlah"))
    unit = "dokumen" if ind.unit != "dokumen" else "unit"
    return _cell_plant("T303", model, layout, lambda t, c: t.kind == "capaian" and c.tag == ("unit", ind.key),
                       lambda c: replace(c, text=unit), [Expected("T303", (ind.name,))], ("T309",))


def plant_t304(model: Report, layout: Layout) -> Planted:
    """One capaian is off by a few points (everywhere it is printed)."""
    ind = model.indicators[0]
    wrong = this_year_capaian(ind, model.year, layout) + Decimal("6.5")
    planted = _with_indicator(model, ind.key, lambda i: replace(i, capaian_override=wrong))
    return _model_plant("T304", planted, layout, [Expected("T304", (ind.name,))])


def plant_t305(model: Report, layout: Layout) -> Planted | None:
    """One table states another realisasi for an indicator."""
    ind = _first(model)
    kind = next((k for k in ("renstra_cmp", "prev", "program_analysis") if layout.has(k)), None)
    if kind is None:
        return None
    tag = ("real", ind.key, model.year)
    return _cell_plant("T305", model, layout, lambda t, c: t.kind == kind and c.tag == tag,
                       lambda c: replace(c, text=_bump(ind, ind.realisasi, 2)), [Expected("T305", (ind.name,))], ("T304",))


def plant_t306(model: Report, layout: Layout) -> Planted:
    """One indicator has no realisasi (and so no capaian) anywhere."""
    ind = model.indicators[-1]
    tags = {("real", ind.key, model.year), ("cap", ind.key, model.year)}
    blocks, _ = map_cells(compose(model, layout), lambda t, c: c.tag in tags, lambda c: replace(c, text=""))
    blocks, _ = map_paras(blocks, lambda p: p.text.startswith(("Indikator " + ind.name, "Pada indikator " + ind.name, ind.name + ":")),
                          lambda p: replace(p, text=f"Realisasi indikator {ind.name} belum tersedia."))
    return Planted("T306", model, blocks, (Expected("T306", (ind.name,)),))


def plant_t307(model: Report, layout: Layout) -> Planted | None:
    """The last Renstra target moves against the indicator's direction."""
    ind = _first(model, lambda i: not any(isinstance(v, tuple) for _, v in i.targets))
    if ind is None:
        return None
    end, before = ind.targets[-1][0], ind.targets[-2][1]
    worse = before - (3 if ind.direction == "up" else -3) * Decimal(1).scaleb(-ind.decimals) * (10 if ind.decimals else 1)
    targets = ind.targets[:-1] + ((end, max(worse, Decimal(1).scaleb(-ind.decimals))),)
    planted = _with_indicator(model, ind.key, lambda i: replace(i, targets=targets))
    return _model_plant("T307", planted, layout, [Expected("T307", (ind.name,))])


def plant_t308(model: Report, layout: Layout) -> Planted:
    """Every realisasi equals its target."""
    planted = model
    for ind in model.indicators:
        planted = _with_indicator(planted, ind.key, lambda i: replace(i, realisasi=i.target(model.year)))
    return _model_plant("T308", planted, layout, [Expected("T308", (model.instansi,))])


def plant_t309(model: Report, layout: Layout) -> Planted:
    """A ``Jumlah …`` indicator is measured in %."""
    ind = _first(model, lambda i: i.direction == "up" and i.unit == "%") or _first(model, lambda i: i.direction == "up") or model.indicators[0]
    name = "Jumlah kelurahan yang menerapkan administrasi digital"
    planted = _with_indicator(model, ind.key, lambda i: replace(i, name=name, unit="%"))
    return _model_plant("T309", planted, layout, [Expected("T309", (name,))])
