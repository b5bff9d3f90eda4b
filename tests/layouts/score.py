"""Run lakip on a generated file and compare its findings with what was planted."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .plants import Expected

SCORED = ("error", "warning")


@dataclass(frozen=True)
class Got:
    """One finding lakip gave, reduced to what scoring needs."""
    rule: str
    severity: str
    subject: str
    message: str


@dataclass(frozen=True)
class Score:
    """How lakip did on one variant."""
    found: tuple[Expected, ...]
    missed: tuple[Expected, ...]
    false_errors: tuple[Got, ...]
    false_warnings: tuple[Got, ...]
    true_findings: int


def run_lakip(path) -> tuple[Got, ...]:
    """lakip's findings on one file, in-process."""
    from lakip.config import Settings
    from lakip.pipeline import check_file
    result = check_file(path, Settings())
    return tuple(Got(f.rule, f.severity, f.subject or "", f.message("id")) for f in result.outcome.findings)


def similar(a: str, b: str) -> bool:
    """Subjects that name the same thing: token-set ratio ≥ 80 or one contains the other."""
    a, b = a.casefold().strip(), b.casefold().strip()
    return bool(a and b) and (a in b or b in a or fuzz.token_set_ratio(a, b) >= 80)


def matches(got: Got, want: Expected) -> bool:
    """Whether a finding is the expected one (same rule; similar subject unless any subject will do)."""
    return got.rule == want.rule and (not want.subjects or any(similar(got.subject, s) for s in want.subjects))


def score(findings: tuple[Got, ...], expected: tuple[Expected, ...] = (), also: tuple[str, ...] = ()) -> Score:
    """Found/missed expected findings and the false errors and warnings beside them."""
    found = tuple(w for w in expected if any(matches(g, w) for g in findings))
    missed = tuple(w for w in expected if w not in found)
    false = [g for g in findings if g.severity in SCORED and g.rule not in also
             and not any(matches(g, w) for w in expected)]
    true = sum(1 for g in findings if g.severity in SCORED and g not in false)
    return Score(found, missed, tuple(g for g in false if g.severity == "error"),
                 tuple(g for g in false if g.severity == "warning"), true)
