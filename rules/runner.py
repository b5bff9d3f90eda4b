"""Run the registered rules on one document's facts and say what ran."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from lakip.rules.base import Finding
from lakip.rules.registry import RULES, Entry
from lakip.schemas.facts import Facts

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


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


def sort_key(f: Finding) -> tuple:
    """Most severe first, then by page, then by code."""
    return (SEVERITY_ORDER[f.severity], f.first_page or 10**6, f.rule, f.subject)


def run_rules(facts: Facts, selects: Callable[[str], bool]) -> Outcome:
    """Every selected rule's findings on ``facts``; rules whose needs are unmet are listed, not run."""
    findings: list[Finding] = []
    ran: list[str] = []
    not_run: list[NotRun] = []
    for entry in RULES:
        code = entry.rule.code
        if not selects(code):
            continue
        why = entry.rule.needs(facts)
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
        findings.extend(found)
    return Outcome(tuple(sorted(findings, key=sort_key)), tuple(ran), tuple(not_run))


def entries() -> tuple[Entry, ...]:
    """All registered rules."""
    return RULES
