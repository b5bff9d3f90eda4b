"""What the result, batch and archive pages show, gathered from a job or the store."""

from __future__ import annotations

from typing import Any, Optional

from lakip.values.severity import RANK, SEVERITIES
from lakip.serve.advice import advise
from lakip.serve.jobs import Job



def result_context(job: Job, lang: str) -> dict[str, Any]:
    """The result page's data: the document, the counts and what to fix for each finding, errors first."""
    findings = sorted(job.findings, key=lambda f: -RANK[f.severity])
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    advice = [{"rule": f.rule, "severity": f.severity, "subject": f.subject, "advice": advise(f, lang),
               "message": f.message(lang)} for f in findings]
    return {"job": job, "r": job.result, "counts": counts, "advice": advice}


def batch_rows(view: Any, jobs: list[Job], archive: Any, lang: str) -> tuple[list[dict[str, Any]], bool]:
    """The rows of a batch page (stored checks, then uploads still being checked) and whether any is pending."""
    rows = []
    for row in view.rows:
        token = archive.token_of(row)
        rows.append({"name": row.path, "instansi": row.instansi, "tahun": row.tahun,
                     "state": row.status, "error": row.error(lang) if row.status != "ok" else "",
                     "counts": row.counts, "link": f"/hasil/{token}" if token else None})
    pending = [j for j in jobs if not j.ended]
    for job in pending:
        rows.append({"name": job.name, "instansi": None, "tahun": None, "state": job.state, "error": "",
                     "counts": ("", "", ""), "link": f"/hasil/{job.token}"})
    return rows, bool(pending)


def archive_groups(groups: list, archive: Any) -> list[tuple[str, list[tuple[Optional[int], list[dict]]]]]:
    """The archive page's instansi → years → checks, each check with its report links."""
    out = []
    for name, years in groups:
        shown = []
        for tahun, rows in years:
            items = []
            for row in rows:
                token = archive.token_of(row)
                items.append({"name": row.path, "counts": row.counts,
                              "link": f"/hasil/{token}/laporan.html" if token else None,
                              "base": f"/hasil/{token}"})
            shown.append((tahun, items))
        out.append((name, shown))
    return out
