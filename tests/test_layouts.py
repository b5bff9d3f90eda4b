"""Layout-varied generated reports: generator self-checks and lakip's accuracy on them.

The self-checks (sums, NIPs, plants touching only their place) test the generator
alone. The accuracy tests expect no error-severity finding on a clean report in any
catalogue layout, on DOCX and (marked ``slow``) on the LibreOffice and Chromium PDFs,
and every planted rule code found with the right subject on at least one layout.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os

import pytest

from layouts.doc import plain_text
from layouts.layout import AXES, CATALOGUE, OPTIONAL_TABLES, random_layout
from layouts.model import BudgetNode, make_model, nodes
from layouts.numfmt import pct
from layouts.plants_budget import PLANTS
from layouts.render_pdf import chromium, docx_to_pdf, html_to_pdf, soffice
from layouts.score import run_lakip, score
from layouts.suite import clean, planted, write_source

SEEDS = range(12)
SMALL_PLANTS = {"S102", "F202", "T301", "T302", "T303", "T305", "B404", "B405", "B406", "C501", "C502",
                "N603", "D701"}
PLANT_LAYOUTS = ("seed-like", "decimal-numbering", "kode-rekening", "merged-sasaran")
BY_NAME = {layout.name: layout for layout in CATALOGUE}


def valid_nip(nip: str, on: dt.date) -> bool:
    """An 18-digit NIP with a real birth date, TMT month 01-12 at 18+ and before ``on``, gender 1/2."""
    if len(nip) != 18 or not nip.isdigit():
        return False
    try:
        birth = dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return False
    year, month = int(nip[8:12]), int(nip[12:14])
    return 1 <= month <= 12 and year - birth.year >= 18 and (year, month) <= (on.year, on.month) and nip[14] in "12"


def sums_hold(node: BudgetNode) -> bool:
    """Every parent is the exact sum of its children and nothing spends more than its pagu."""
    ok = node.realisasi <= node.pagu
    if node.children:
        ok &= node.pagu == sum(c.pagu for c in node.children) and node.realisasi == sum(c.realisasi for c in node.children)
    return ok and all(sums_hold(c) for c in node.children)


@pytest.mark.parametrize("seed", SEEDS)
def test_model_is_consistent(seed):
    model = make_model(seed, "large" if seed % 3 == 0 else "normal")
    assert sums_hold(model.budget)
    assert 2 <= len(model.budget.children) <= 4
    assert all(1 <= len(p.children) <= 5 and all(1 <= len(k.children) <= 8 for k in p.children) for p in model.budget.children)
    assert 3 <= len(model.sasaran) <= 8 and all(1 <= len(s.indicators) <= 2 for s in model.sasaran)
    for person in (model.kepala, model.atasan, model.pppk):
        if person is not None and person.nip:
            assert valid_nip(person.nip, model.sign_date), person
    assert model.sign_date > dt.date(model.year, 12, 31) and model.pk_date.year == model.year
    assert "Alok" not in model.instansi and "Sikka" not in model.pemda
    assert any(i.realisasi != i.target(model.year) for i in model.indicators)
    for sub in nodes(model.budget, "sub"):
        assert pct(sub.realisasi, sub.pagu) <= 100


def test_catalogue_and_sampler():
    assert len(CATALOGUE) >= 12 and len({lay.name for lay in CATALOGUE}) == len(CATALOGUE)
    for axis, options in AXES.items():
        assert len(options) >= 2, axis
    sampled = [random_layout(s) for s in range(40)]
    assert len({(lay.budget_numbering, lay.indicator_header, lay.caption_style) for lay in sampled}) > 10
    assert all(set(lay.tables) <= set(OPTIONAL_TABLES) and "pk" in lay.tables for lay in sampled)


def changed_lines(a: str, b: str) -> list[str]:
    """Lines removed or added between two texts."""
    return [d for d in difflib.unified_diff(a.splitlines(), b.splitlines(), n=0, lineterm="")
            if d[:1] in "+-" and not d.startswith(("+++", "---"))]


@pytest.mark.parametrize("layout", CATALOGUE[:6], ids=lambda lay: lay.name)
def test_plants_change_only_their_place(layout):
    base = plain_text(clean(layout).blocks)
    for variant in planted(layout, list(PLANTS)):
        diff = changed_lines(base, plain_text(variant.blocks))
        assert diff, variant.code
        limit = 2 if variant.code in SMALL_PLANTS else (20 * len(variant.model.indicators) if variant.code == "T308" else 60)
        assert len(diff) <= limit, (variant.code, diff[:6])
        assert variant.expected and all(e.rule == variant.code for e in variant.expected)


@pytest.mark.parametrize("layout", CATALOGUE, ids=lambda lay: lay.name)
def test_clean_docx_has_no_errors(layout, tmp_path):
    path = write_source(layout, clean(layout), "docx", tmp_path)
    result = score(run_lakip(path))
    assert not result.false_errors, [(g.rule, g.subject, g.message) for g in result.false_errors]


def _need(binary, what):
    """Skip when a renderer is missing, except under CI."""
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required in CI")
        pytest.skip(f"{what} not installed")


PDF_LAYOUTS = [BY_NAME[n] for n in ("seed-like", "two-level-headers", "long-split-repeat", "borderless", "landscape-everything")]


@pytest.mark.slow
def test_clean_libreoffice_pdfs_have_no_errors(tmp_path):
    _need(soffice(), "LibreOffice (soffice)")
    sources = [write_source(layout, clean(layout), "lo", tmp_path) for layout in PDF_LAYOUTS]
    pdfs = docx_to_pdf(sources, tmp_path / "pdf")
    assert len(pdfs) == len(sources)
    problems = {pdf.name: [(g.rule, g.subject) for g in score(run_lakip(pdf)).false_errors] for pdf in pdfs}
    assert not any(problems.values()), problems


@pytest.mark.slow
@pytest.mark.parametrize("layout", PDF_LAYOUTS, ids=lambda lay: lay.name)
def test_clean_chromium_pdfs_have_no_errors(layout, tmp_path):
    _need(chromium(), "Chromium")
    source = write_source(layout, clean(layout), "chromium", tmp_path)
    pdf = html_to_pdf(source, source.with_suffix(".pdf"))
    result = score(run_lakip(pdf))
    assert not result.false_errors, [(g.rule, g.subject, g.message) for g in result.false_errors]


@pytest.mark.parametrize("code", list(PLANTS))
def test_planted_error_is_found(code, tmp_path):
    tried = []
    for name in PLANT_LAYOUTS:
        layout = BY_NAME[name]
        for variant in planted(layout, [code]):
            path = write_source(layout, variant, "docx", tmp_path)
            result = score(run_lakip(path), variant.expected, variant.also)
            if not result.missed:
                return
            tried.append((name, [(g.rule, g.subject) for g in result.false_errors + result.false_warnings][:5]))
    pytest.fail(f"{code} not found with its subject on any of {PLANT_LAYOUTS}: {tried}")
