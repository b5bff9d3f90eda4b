"""What a batch summary shows: every report ranked by its findings, counts per rule area, failures.

The HTML and XLSX summaries (``batch/summary_html.py``, ``summary_xlsx.py``)
render a ``BatchSummary``; they share the ranking and the grid defined here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

from lakip.batch.cross import CrossOutcome
from lakip.batch.sqlbackend import Target
from lakip.batch.store import CheckRow
from lakip.rules.base import AREAS, Finding

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class BatchSummary:
    """One run's reports, their findings, the cross-report findings and the run's figures."""

    run_id: int
    out_dir: Path
    rows: tuple[CheckRow, ...]
    findings: Mapping[int, tuple[Finding, ...]]
    """Findings per check id."""
    cross: CrossOutcome
    seconds: float
    engine: str
    db_path: Target
    """The store: an SQLite file, or a PostgreSQL URL (a string)."""

    def cross_of(self, path: str) -> tuple[Finding, ...]:
        """The cross-report findings that involve one document."""
        return tuple(f for f in self.cross.findings if any(loc.document == path for loc in f.locations))

    def counts(self, row: CheckRow) -> dict[str, int]:
        """Findings per severity of one report, its cross-report findings included."""
        out = dict(zip(SEVERITIES, row.counts))
        for f in self.cross_of(row.path):
            out[f.severity] += 1
        return out

    def areas(self, row: CheckRow) -> dict[str, int]:
        """Findings per rule area (S, F, T, B, C, N, D, X) of one report."""
        out = {letter: 0 for letter in AREAS}
        for f in self.findings.get(row.check_id, ()) + self.cross_of(row.path):
            out[f.area] += 1
        return out

    def worst_area(self, row: CheckRow) -> dict[str, Optional[str]]:
        """The most severe finding's severity per rule area of one report (None when it has none)."""
        rank = {s: i for i, s in enumerate(SEVERITIES)}
        out: dict[str, Optional[str]] = {letter: None for letter in AREAS}
        for f in self.findings.get(row.check_id, ()) + self.cross_of(row.path):
            now = out[f.area]
            if now is None or rank[f.severity] < rank[now]:
                out[f.area] = f.severity
        return out

    def ranked(self) -> list[CheckRow]:
        """Checked reports, most errors first (then warnings, info), then by path."""
        ok = [r for r in self.rows if r.status == "ok"]
        return sorted(ok, key=lambda r: (*(-self.counts(r)[s] for s in SEVERITIES), r.path))

    def failed(self) -> list[CheckRow]:
        """Reports that could not be checked."""
        return [r for r in self.rows if r.status != "ok"]

    def scanned(self) -> list[CheckRow]:
        """Checked reports with pages that have no text layer (need OCR)."""
        return [r for r in self.rows if r.status == "ok" and r.coverage.get("pages_without_text")]

    def totals(self) -> dict[str, int]:
        """Findings per severity over the whole batch (cross-report findings counted once)."""
        out = {s: 0 for s in SEVERITIES}
        for row in self.rows:
            for s, n in zip(SEVERITIES, row.counts):
                out[s] += n
        for f in self.cross.findings:
            out[f.severity] += 1
        return out

    def pages(self) -> int:
        """Pages of all checked reports."""
        return sum(r.pages or 0 for r in self.rows if r.status == "ok")

    def link(self, row: CheckRow, fmt: str = "html") -> Optional[str]:
        """The path of a report file relative to the output folder (for links), if written."""
        target = row.reports.get(fmt)
        if not target:
            return None
        return Path(os.path.relpath(target, self.out_dir)).as_posix()


def area_names(lang: str) -> list[tuple[str, str]]:
    """(letter, name) of every rule area in ``lang``."""
    return [(letter, names[1 if lang == "en" else 0]) for letter, names in AREAS.items()]
