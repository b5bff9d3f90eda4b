"""Planted budget, count, NIP and date errors, and the registry of all plants by rule code."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal

from . import plants as p
from .doc import map_cells
from .compose import compose
from .layout import Layout
from .model import Report, make_nip, nodes
from .numfmt import pct
from .plants import Expected, Planted, _add_real, _model_plant, _over, _paths, _with_node
from .prose import nip_text
from .values import money


def plant_b401(model: Report, layout: Layout) -> Planted:
    """One kegiatan's realisasi is no longer the sum of its sub kegiatan (program and total follow it)."""
    prog, keg = max(((pr, k) for pr in model.budget.children for k in pr.children), key=lambda pk: pk[1].pagu - pk[1].realisasi)
    delta = max(1000, min(7_500_000, (keg.pagu - keg.realisasi) // 2 // 1000 * 1000))
    budget = _add_real(model.budget, [prog, keg], delta)
    also = ("B403",) if keg.realisasi + delta > keg.pagu else ()
    return _model_plant("B401", replace(model, budget=budget), layout, [p.Expected("B401", (keg.name,))], also)


def plant_b402(model: Report, layout: Layout) -> Planted:
    """One sub kegiatan's % is miscalculated (everywhere it is printed)."""
    _, _, sub = _paths(model.budget)[0]
    wrong = pct(sub.realisasi, sub.pagu) - Decimal("3.17")
    budget = _with_node(model.budget, sub, lambda n: replace(n, pct_override=wrong))
    return _model_plant("B402", replace(model, budget=budget), layout, [Expected("B402", (sub.name,))])


def plant_b403(model: Report, layout: Layout) -> Planted:
    """A sub kegiatan spends more than its pagu; parents and % stay consistent."""
    def slack(path):
        """How far the parents could absorb the overspend."""
        prog, keg, sub = path
        return min(keg.pagu - keg.realisasi, prog.pagu - prog.realisasi) - (sub.pagu - sub.realisasi)
    prog, keg, sub = max(_paths(model.budget), key=slack)
    over = max(1000, min(sub.pagu // 20, max(slack((prog, keg, sub)), 0)) // 1000 * 1000)
    delta = sub.pagu + over - sub.realisasi
    budget = _add_real(model.budget, [prog, keg, sub], delta)
    also = ("B403",) if keg.realisasi + delta > keg.pagu else ()
    return _model_plant("B403", replace(model, budget=budget), layout, [Expected("B403", (sub.name,))], also)


def plant_b404(model: Report, layout: Layout) -> Planted:
    """The PK states another amount for one program than the realisation table."""
    prog = model.budget.children[-1]
    blocks, _ = map_cells(compose(model, layout), lambda t, c: t.kind == "pk_budget" and c.tag == ("pagu", prog.code),
                          lambda c: replace(c, text=money(prog.pagu + 12_500_000, layout)))
    return Planted("B404", model, blocks, (Expected("B404", (prog.name,)),))


def plant_b405(model: Report, layout: Layout) -> Planted:
    """The stated efisiensi is not pagu − realisasi."""
    wrong = model.budget.pagu - model.budget.realisasi + 1_250_000
    return _model_plant("B405", _over(model, efisiensi_amount=wrong), layout, [Expected("B405")])


def plant_b406(model: Report, layout: Layout) -> Planted:
    """The budget in words differs from its figure."""
    return _model_plant("B406", _over(model, terbilang_amount=model.budget.pagu + 1_000_000), layout, [Expected("B406")])


def plant_c501(model: Report, layout: Layout) -> Planted:
    """The summary states one sub kegiatan more than the tables list."""
    n = len(nodes(model.budget, "sub")) + 1
    return _model_plant("C501", _over(model, counts=(("sub kegiatan", n),)), layout, [Expected("C501", ("sub kegiatan",))])


def plant_c502(model: Report, layout: Layout) -> Planted:
    """A count's words disagree with its figure (``3 (empat) program``)."""
    n = len(model.budget.children) + 1
    return _model_plant("C502", _over(model, count_words=(("program", n),)), layout, [Expected("C502")], ("C501",))


def _kepala(model: Report, **changes) -> Report:
    """The model with the head's record changed."""
    return replace(model, kepala=replace(model.kepala, **changes))


def _nip_subjects(model: Report, nip: str) -> tuple[str, ...]:
    """Names a NIP finding may carry: the person, the NIP printed either way."""
    return (model.kepala.name, nip, nip_text(nip, True))


def plant_n601(model: Report, layout: Layout) -> Planted:
    """The head's NIP has 17 digits."""
    nip = model.kepala.nip[:-1]
    return _model_plant("N601", _kepala(model, nip=nip), layout, [Expected("N601", _nip_subjects(model, nip))])


def plant_n602(model: Report, layout: Layout) -> Planted:
    """The head's NIP has TMT month 13."""
    nip = model.kepala.nip[:12] + "13" + model.kepala.nip[14:]
    return _model_plant("N602", _kepala(model, nip=nip), layout, [Expected("N602", _nip_subjects(model, nip))])


def plant_n603(model: Report, layout: Layout) -> Planted:
    """The head signs the PK with another (valid) NIP."""
    other = make_nip(random.Random(model.kepala.nip), model.sign_date)
    return _model_plant("N603", _kepala(model, alt_nip=other), layout, [Expected("N603", (model.kepala.name,))])


def plant_n604(model: Report, layout: Layout) -> Planted:
    """The head's NIP is printed in the PK with someone else's name."""
    other = "Margaretha Sulastri Lamabelawa, S.Pd"
    return _model_plant("N604", _kepala(model, alt_name=other), layout,
                        [Expected("N604", _nip_subjects(model, model.kepala.nip) + (other,))], ("N603",))


def plant_d701(model: Report, layout: Layout) -> Planted:
    """The budget table's title names the previous year."""
    return _model_plant("D701", _over(model, table_year=model.year - 1), layout, [Expected("D701")])


def plant_d702(model: Report, layout: Layout) -> Planted:
    """The report is signed before the year it reports on has ended."""
    return _model_plant("D702", replace(model, sign_date=dt.date(model.year, 12, 10)), layout, [Expected("D702")], ("D701",))


PLANTS = {
    "S101": p.plant_s101, "S102": p.plant_s102, "F201": p.plant_f201, "F202": p.plant_f202,
    "T301": p.plant_t301, "T302": p.plant_t302, "T303": p.plant_t303, "T304": p.plant_t304,
    "T305": p.plant_t305, "T306": p.plant_t306, "T307": p.plant_t307, "T308": p.plant_t308, "T309": p.plant_t309,
    "B401": plant_b401, "B402": plant_b402, "B403": plant_b403, "B404": plant_b404, "B405": plant_b405,
    "B406": plant_b406, "C501": plant_c501, "C502": plant_c502,
    "N601": plant_n601, "N602": plant_n602, "N603": plant_n603, "N604": plant_n604,
    "D701": plant_d701, "D702": plant_d702,
}
