"""End to end on generated reports: variant text → DOCX (build_samples) → lakip.pipeline.check_file.

A clean variant must give no finding at error or warning level. With one planted
error, the planted rule must report it with the expected subject, and no other
error-level finding may appear that the clean variant did not already have.
Five variants are checked clean; the 22 plants are spread over them, so the
suite builds 27 DOCX files (1.5-3 s each, DOCX build plus check, depending on load).
"""

from __future__ import annotations

import functools
import re

import pytest
from rapidfuzz import fuzz

import build_samples
from generator.plants import PLANTS, Expected, plant
from generator.variants import make_variant
from lakip.config import Settings
from lakip.pipeline import check_file
from lakip.rules.runner import Outcome

VARIANT_SEEDS = tuple(range(5))
CASES = tuple((code, VARIANT_SEEDS[i % len(VARIANT_SEEDS)], 500 + i) for i, code in enumerate(sorted(PLANTS)))


@pytest.fixture(scope="module")
def variant(seed_text):
    """The clean variant for a seed (made once per module)."""
    return functools.cache(lambda seed: make_variant(seed_text, seed))


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Build a text into a DOCX and check it with the whole pipeline (once per name)."""
    folder, cache = tmp_path_factory.mktemp("e2e"), {}

    def run(name: str, text: str) -> Outcome:
        if name not in cache:
            path = build_samples.build_docx(text, folder / f"{name}.docx")
            cache[name] = check_file(path, Settings()).outcome
        return cache[name]
    return run


def norm(text: object) -> str:
    """Lower-case words, digit groups joined (3.744.272.913 → 3744272913), for loose comparison."""
    s = re.sub(r"(?<=\d)[.,](?=\d)", "", str(text).lower())
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def like(want: str, have: str) -> bool:
    """Whether ``have`` names ``want``: contains it, or is a near-identical spelling."""
    w, h = norm(want), norm(have)
    return bool(w and h) and (w in h or (len(h) >= 0.6 * len(w) and h in w) or fuzz.ratio(w, h) >= 90)


def matches(finding, expected: Expected) -> bool:
    """Whether a finding is the expected one: same code, subject naming one of the expected subjects."""
    if finding.rule != expected.code:
        return False
    hay = [finding.subject]
    if expected.anywhere:
        hay += [loc.text or "" for loc in finding.locations] + [str(x) for x in finding.values.values()]
        hay.append(finding.message_id)
    return not expected.subjects or any(like(w, h) for w in expected.subjects for h in hay)


def describe(findings) -> str:
    """Findings one per line: severity, code, subject, message, first location."""
    lines = []
    for f in findings:
        loc = f.locations[0] if f.locations else None
        where = f" @p{loc.page} {loc.table or ''} r{loc.row}" if loc else ""
        lines.append(f"  {f.severity} {f.rule} [{f.subject}] {f.message_id}{where}")
    return "\n".join(lines) or "  (none)"


def coverage(outcome: Outcome, code: str) -> str:
    """Whether rule ``code`` ran, could not run (and why), or is not registered."""
    if code in outcome.rules_run:
        return f"{code} ran"
    why = next((n.why_id for n in outcome.rules_not_run if n.rule == code), None)
    return f"{code} did not run: {why}" if why else f"{code} is not registered"


@pytest.mark.parametrize("seed", VARIANT_SEEDS)
def test_clean_variant_has_no_errors_or_warnings(variant, checked, seed):
    """A consistent report gives no error or warning."""
    v = variant(seed)
    outcome = checked(f"clean-{seed}", v.text)
    serious = [f for f in outcome.findings if f.severity in ("error", "warning")]
    assert not serious, f"{v.instansi} {v.year} (seed {seed}): findings on a clean variant:\n{describe(serious)}"


@pytest.mark.parametrize("code, seed, plant_seed", CASES, ids=[f"{c}-v{s}" for c, s, _ in CASES])
def test_planted_error_is_reported(variant, checked, code, seed, plant_seed):
    """The planted error is reported by its rule with the expected subject, and nothing new at error level."""
    v = variant(seed)
    text, expected = plant(v, code, plant_seed)
    outcome = checked(f"{code}-{seed}", text)
    hits = [f for f in outcome.findings if matches(f, expected)]
    assert hits, (f"{code} planted in {v.instansi} {v.year} (seed {seed}) not reported; {coverage(outcome, code)}; "
                  f"expected subject one of {expected.subjects}, values {dict(expected.values)}; "
                  f"findings:\n{describe(outcome.findings)}")
    before = {(f.rule, norm(f.subject)) for f in checked(f"clean-{seed}", v.text).findings if f.severity == "error"}
    extra = [f for f in outcome.findings
             if f.severity == "error" and f.rule != code and (f.rule, norm(f.subject)) not in before]
    assert not extra, f"{code} planted: other errors appeared that the clean variant did not have:\n{describe(extra)}"
