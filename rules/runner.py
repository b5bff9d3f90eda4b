"""Run the registered rules on one document's facts and say what ran."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from lakip.ingest.model import Document
from lakip.ingest.ocr import MIN_CONFIDENCE
from lakip.rules.applicability import not_applicable, severity_for
from lakip.rules.base import Finding, Location
from lakip.rules.registry import RULES, Entry
from lakip.schemas.facts import Facts
from lakip.values.severity import RANK



@dataclass(frozen=True)
class NotRun:
    """A rule that could not run, and why (in both languages)."""

    rule: str
    why_id: str
    why_en: str

    def why(self, lang: str = "id") -> str:
        """The reason in ``lang``."""
        return self.why_en if lang == "en" else self.why_id


@dataclass(frozen=True)
class Outcome:
    """The findings of one document and the rules that ran or could not."""

    findings: tuple[Finding, ...]
    rules_run: tuple[str, ...]
    rules_not_run: tuple[NotRun, ...]


@dataclass(frozen=True)
class Result:
    """What checking one document produced: what was read, what it was understood to say, what was found.
    Every report writer takes one (made by ``lakip.pipeline``)."""

    document: Document
    facts: Facts
    outcome: Outcome


def sort_key(f: Finding) -> tuple:
    """Most severe first, then by page, then by code."""
    return (-RANK[f.severity], f.first_page or 10**6, f.rule, f.subject)


OCR_NOTE = (" (dari hasil OCR, mohon dicek)", " (from OCR, please verify)")


def ocr_confidence(loc: Location, facts: Facts) -> Optional[float]:
    """How surely OCR read what a location points at: the least sure of the OCR'd cells and blocks
    that hold its box or print its very text on its page, else its page's confidence; None when
    the location is not on a page read by OCR."""
    pages = dict(facts.ocr_pages)
    if loc.page not in pages:
        return None
    text = (loc.text or "").strip()
    box = loc.bbox
    centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) if box else None
    found = [conf for page, b, conf, printed in facts.ocr_regions if page == loc.page and (
        (text and printed == text)
        or (centre and b[0] - 1 <= centre[0] <= b[2] + 1 and b[1] - 1 <= centre[1] <= b[3] + 1))]
    return min(found) if found else pages[loc.page]


def mark_ocr(finding: Finding, facts: Facts) -> Finding:
    """A finding resting on OCR'd values says so and carries their confidence; an error whose
    OCR'd evidence was read below ``MIN_CONFIDENCE`` becomes a warning."""
    confs = [c for c in (ocr_confidence(loc, facts) for loc in finding.locations) if c is not None]
    if not confs:
        return finding
    conf = round(min(confs), 2)
    severity = "warning" if finding.severity == "error" and conf < MIN_CONFIDENCE else finding.severity
    return replace(finding, severity=severity, values={**finding.values, "ocr_confidence": conf},
                   message_id=finding.message_id + OCR_NOTE[0], message_en=finding.message_en + OCR_NOTE[1])


def run_rules(facts: Facts, selects: Callable[[str], bool]) -> Outcome:
    """Every selected rule's findings on ``facts``; rules that do not apply to the document's kind, or whose
    needs are unmet, are listed, not run."""
    findings: list[Finding] = []
    ran: list[str] = []
    not_run: list[NotRun] = []
    for entry in RULES:
        code = entry.rule.code
        if not selects(code):
            continue
        why = not_applicable(code, facts.doc.jenis) or entry.rule.needs(facts)
        if why:
            not_run.append(NotRun(code, why[0], why[1]))
            continue
        try:
            found = list(entry.check(facts))
        except Exception as exc:  # a faulty rule must not hide every other rule's findings
            not_run.append(NotRun(code, f"aturan gagal dijalankan: {type(exc).__name__}: {exc}",
                                  f"rule failed: {type(exc).__name__}: {exc}"))
            continue
        ran.append(code)
        findings.extend(mark_ocr(replace(f, severity=severity_for(code, f.severity, facts)), facts) for f in found)
    return Outcome(tuple(sorted(findings, key=sort_key)), tuple(ran), tuple(not_run))


def entries() -> tuple[Entry, ...]:
    """All registered rules."""
    return RULES
