"""Run the cross-report rules (family X) over the reports of a batch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from lakip.rules.corpus import CrossDoc
from lakip.batch.factsio import CROSS_FIELDS, unpack_facts, unpack_passages
from lakip.batch.store import CheckRow, Store
from lakip.rules.base import Finding
from lakip.rules.registry import CROSS_RULES
from lakip.rules.runner import NotRun, sort_key


@dataclass(frozen=True)
class CrossOutcome:
    """The cross-report findings of a batch and the X rules that ran or could not."""

    findings: tuple[Finding, ...]
    rules_run: tuple[str, ...]
    rules_not_run: tuple[NotRun, ...]


def load_docs(store: Store, rows: Sequence[CheckRow]) -> list[CrossDoc]:
    """The checked reports of ``rows`` as CrossDocs (only the facts the X rules read)."""
    docs = []
    for row in rows:
        if row.status != "ok":
            continue
        facts_blob, passages_blob = store.facts_of(row.check_id)
        if facts_blob is None:
            continue
        docs.append(CrossDoc(row.path, unpack_facts(facts_blob, CROSS_FIELDS), unpack_passages(passages_blob)))
    return docs


def run_cross(docs: Sequence[CrossDoc], selects: Callable[[str], bool]) -> CrossOutcome:
    """Every selected X rule's findings on ``docs``; a rule that cannot run or fails is listed, not fatal."""
    findings: list[Finding] = []
    ran: list[str] = []
    not_run: list[NotRun] = []
    for entry in CROSS_RULES:
        code = entry.rule.code
        if not selects(code):
            continue
        if len(docs) < 2:
            not_run.append(NotRun(code, f"perlu sedikitnya 2 laporan yang terbaca (ada {len(docs)})",
                                  f"needs at least 2 readable reports (found {len(docs)})"))
            continue
        why = entry.rule.needs(docs)  # type: ignore[arg-type]  # X rules' needs get the batch's documents
        if why:
            not_run.append(NotRun(code, why[0], why[1]))
            continue
        try:
            found = list(entry.check(docs))  # type: ignore[arg-type]
        except Exception as exc:  # one faulty rule must not hide the others
            not_run.append(NotRun(code, f"aturan gagal dijalankan: {type(exc).__name__}: {exc}",
                                  f"rule failed: {type(exc).__name__}: {exc}"))
            continue
        ran.append(code)
        findings.extend(found)
    return CrossOutcome(tuple(sorted(findings, key=sort_key)), tuple(ran), tuple(not_run))
