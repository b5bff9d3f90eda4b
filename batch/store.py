"""The batch database (an SQLite file, or PostgreSQL): documents, runs, checks, findings and extracted facts.

Schema (``SCHEMA``): a *document* is one file content at one path (path +
sha256); a *run* is one ``lakip batch`` invocation; a *check* is one document
checked by one engine (lakip version and code) under one settings key, with
its status, counts and report files; ``run_documents`` says which check each
run used (``reused`` = 1 when an earlier run's check was taken over);
*findings* belong to a check (per document) or to a run (cross-report, with
``finding_documents`` naming the documents involved); *facts* holds each
check's Facts and text passages as compressed JSON. Only the parent process
writes; each check is committed on its own, so an interrupted batch keeps
everything finished before the interruption. The statements are written once;
the dialects' differences are in ``batch/sqlbackend.py``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any, Iterable, Optional, Sequence

from lakip.batch.sqlbackend import Target, as_bytes, open_backend
from lakip.rules.base import Finding, Location

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER, kind TEXT,
    instansi TEXT, instansi_key TEXT, tahun INTEGER, pages INTEGER, first_seen TEXT NOT NULL,
    UNIQUE (path, sha256));
CREATE INDEX IF NOT EXISTS documents_instansi ON documents (instansi_key, tahun);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL,
    engine TEXT NOT NULL, settings TEXT, jobs INTEGER, timeout REAL, memory_mb INTEGER, out_dir TEXT,
    n_documents INTEGER, n_checked INTEGER, n_reused INTEGER, n_failed INTEGER, seconds REAL);
CREATE TABLE IF NOT EXISTS checks (
    id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents (id),
    run_id INTEGER NOT NULL REFERENCES runs (id), engine TEXT NOT NULL, settings_key TEXT NOT NULL,
    status TEXT NOT NULL, error_code TEXT, error_id TEXT, error_en TEXT, seconds REAL,
    n_error INTEGER, n_warning INTEGER, n_info INTEGER, coverage TEXT, reports TEXT, checked_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS checks_document ON checks (document_id, engine, settings_key);
CREATE TABLE IF NOT EXISTS run_documents (
    run_id INTEGER NOT NULL REFERENCES runs (id), document_id INTEGER NOT NULL REFERENCES documents (id),
    check_id INTEGER NOT NULL REFERENCES checks (id), reused INTEGER NOT NULL,
    PRIMARY KEY (run_id, document_id));
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY, check_id INTEGER REFERENCES checks (id), run_id INTEGER REFERENCES runs (id),
    scope TEXT NOT NULL, rule TEXT NOT NULL, slug TEXT NOT NULL, severity TEXT NOT NULL, subject TEXT,
    message_id TEXT, message_en TEXT, "values" TEXT, locations TEXT, page INTEGER);
CREATE INDEX IF NOT EXISTS findings_check ON findings (check_id);
CREATE INDEX IF NOT EXISTS findings_run ON findings (run_id, scope);
CREATE TABLE IF NOT EXISTS finding_documents (
    finding_id INTEGER NOT NULL REFERENCES findings (id), document_id INTEGER NOT NULL REFERENCES documents (id));
CREATE TABLE IF NOT EXISTS facts (
    check_id INTEGER PRIMARY KEY REFERENCES checks (id), format INTEGER NOT NULL, facts BLOB, passages BLOB);
"""
SCHEMA_VERSION = "1"


def now() -> str:
    """The current time, ISO 8601 in UTC."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class CheckRow:
    """One check of one document as stored, with its document's fields."""

    check_id: int
    document_id: int
    path: str
    sha256: str
    kind: Optional[str]
    instansi: Optional[str]
    tahun: Optional[int]
    pages: Optional[int]
    status: str
    error_code: Optional[str]
    error_id: Optional[str]
    error_en: Optional[str]
    seconds: Optional[float]
    counts: tuple[int, int, int]
    """(error, warning, info)."""
    coverage: dict
    reports: dict
    checked_at: str
    reused: bool = False

    def error(self, lang: str) -> Optional[str]:
        """Why the document could not be checked, in ``lang``."""
        return self.error_en if lang == "en" else self.error_id


_ROW_SQL = """SELECT c.id, d.id, d.path, d.sha256, d.kind, d.instansi, d.tahun, d.pages, c.status, c.error_code,
    c.error_id, c.error_en, c.seconds, c.n_error, c.n_warning, c.n_info, c.coverage, c.reports, c.checked_at"""


def _row(r: Sequence[Any], reused: bool = False) -> CheckRow:
    """A CheckRow from a row selected with ``_ROW_SQL``."""
    return CheckRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
                    (r[13] or 0, r[14] or 0, r[15] or 0), json.loads(r[16] or "{}"), json.loads(r[17] or "{}"),
                    r[18], reused)


def finding_from_row(r: Sequence[Any]) -> Finding:
    """A Finding from (rule, slug, severity, subject, message_id, message_en, values, locations)."""
    locations = tuple(Location(**{**loc, "bbox": tuple(loc["bbox"]) if loc.get("bbox") else None})
                      for loc in json.loads(r[7] or "[]"))
    return Finding(rule=r[0], slug=r[1], severity=r[2], subject=r[3], values=json.loads(r[6] or "{}"),
                   locations=locations, message_id=r[4], message_en=r[5])


class Store:
    """An open batch database."""

    def __init__(self, path: Target):
        self.path = path
        self.db = open_backend(path)
        self.db.create(SCHEMA)
        self.db.execute("INSERT INTO meta VALUES ('schema', ?) ON CONFLICT (key) DO NOTHING", (SCHEMA_VERSION,))
        self.db.commit()

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def begin_run(self, engine: str, settings: dict, jobs: int, timeout: Optional[float], memory_mb: int,
                  out_dir: str, n_documents: int) -> int:
        """Record the start of a run; returns its id."""
        run_id = self.db.insert(
            "INSERT INTO runs (started_at, status, engine, settings, jobs, timeout, memory_mb, out_dir, n_documents)"
            " VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)",
            (now(), engine, json.dumps(settings), jobs, timeout, memory_mb, out_dir, n_documents))
        self.db.commit()
        return run_id

    def finish_run(self, run_id: int, status: str, seconds: float) -> None:
        """Record the end of a run with its counts."""
        n_checked, n_reused, n_failed = self.db.execute(
            "SELECT SUM(CASE WHEN rd.reused = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN rd.reused = 1 THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN c.status != 'ok' THEN 1 ELSE 0 END) FROM run_documents rd"
            " JOIN checks c ON c.id = rd.check_id WHERE rd.run_id = ?", (run_id,)).fetchone()
        self.db.execute("UPDATE runs SET finished_at = ?, status = ?, n_checked = ?, n_reused = ?, n_failed = ?,"
                        " seconds = ? WHERE id = ?",
                        (now(), status, n_checked or 0, n_reused or 0, n_failed or 0, seconds, run_id))
        self.db.commit()

    def latest_run_id(self) -> Optional[int]:
        """The id of the most recent run, or None in an empty database."""
        r = self.db.execute("SELECT MAX(id) FROM runs").fetchone()
        return int(r[0]) if r and r[0] is not None else None

    def document_id(self, path: str, sha256: str, size: Optional[int]) -> int:
        """The id of (path, sha256), added when new."""
        self.db.execute("INSERT INTO documents (path, sha256, bytes, first_seen) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (path, sha256) DO NOTHING", (path, sha256, size, now()))
        return int(self.db.execute("SELECT id FROM documents WHERE path = ? AND sha256 = ?",
                                   (path, sha256)).fetchone()[0])

    def reusable(self, document_id: int, engine: str, settings_key: str) -> Optional[CheckRow]:
        """The latest finished check of a document by this engine and settings, if any."""
        r = self.db.execute(_ROW_SQL + " FROM checks c JOIN documents d ON d.id = c.document_id"
                            " WHERE d.id = ? AND c.engine = ? AND c.settings_key = ? AND c.status IN ('ok', 'failed')"
                            " ORDER BY c.id DESC LIMIT 1", (document_id, engine, settings_key)).fetchone()
        return _row(r) if r else None

    def record_check(self, run_id: int, document_id: int, engine: str, settings_key: str, result: Any,
                     instansi_key: str) -> int:
        """Store one worker result (check, findings, facts) and link it to the run; returns the check id."""
        counts = [sum(1 for f in result.findings if f.severity == s) for s in ("error", "warning", "info")]
        coverage = {**result.coverage, "rules_run": list(result.rules_run),
                    "rules_not_run": [asdict(n) for n in result.rules_not_run]}
        if result.status == "ok":
            self.db.execute("UPDATE documents SET kind = ?, instansi = ?, instansi_key = ?, tahun = ?, pages = ?"
                            " WHERE id = ?", (result.kind, result.instansi, instansi_key, result.tahun,
                                              result.pages, document_id))
        check_id = self.db.insert(
            "INSERT INTO checks (document_id, run_id, engine, settings_key, status, error_code, error_id, error_en,"
            " seconds, n_error, n_warning, n_info, coverage, reports, checked_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document_id, run_id, engine, settings_key, result.status, result.error_code, result.error_id,
             result.error_en, result.seconds, *counts, json.dumps(coverage), json.dumps(dict(result.reports)), now()))
        self._insert_findings(result.findings, check_id=check_id, run_id=None, scope="document")
        if result.facts_blob is not None:
            self.db.execute("INSERT INTO facts VALUES (?, ?, ?, ?)",
                            (check_id, 1, result.facts_blob, result.passages_blob))
        self.link(run_id, document_id, check_id, reused=False)
        return check_id

    def link(self, run_id: int, document_id: int, check_id: int, reused: bool) -> None:
        """Say that a run used a check for a document, and commit."""
        self.db.execute("INSERT INTO run_documents VALUES (?, ?, ?, ?) ON CONFLICT (run_id, document_id)"
                        " DO UPDATE SET check_id = excluded.check_id, reused = excluded.reused",
                        (run_id, document_id, check_id, int(reused)))
        self.db.commit()

    def _insert_findings(self, findings: Iterable[Finding], check_id: Optional[int], run_id: Optional[int],
                         scope: str) -> list[int]:
        """Insert findings; returns their ids."""
        ids = []
        for f in findings:
            ids.append(self.db.insert(
                'INSERT INTO findings (check_id, run_id, scope, rule, slug, severity, subject, message_id,'
                ' message_en, "values", locations, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                (check_id, run_id, scope, f.rule, f.slug, f.severity, f.subject, f.message_id, f.message_en,
                 json.dumps(dict(f.values), ensure_ascii=False),
                 json.dumps([asdict(loc) for loc in f.locations], ensure_ascii=False), f.first_page)))
        return ids

    def record_cross(self, run_id: int, findings: Sequence[Finding], document_ids: dict[str, int]) -> None:
        """Store a run's cross-report findings (replacing earlier ones of the run) with their documents."""
        old = [r[0] for r in self.db.execute("SELECT id FROM findings WHERE run_id = ? AND scope = 'cross'",
                                             (run_id,))]
        self.db.executemany("DELETE FROM finding_documents WHERE finding_id = ?", [(i,) for i in old])
        self.db.executemany("DELETE FROM findings WHERE id = ?", [(i,) for i in old])
        ids = self._insert_findings(findings, check_id=None, run_id=run_id, scope="cross")
        for fid, f in zip(ids, findings):
            docs = {document_ids[loc.document] for loc in f.locations if loc.document in document_ids}
            self.db.executemany("INSERT INTO finding_documents VALUES (?, ?)", [(fid, d) for d in sorted(docs)])
        self.db.commit()

    def run_rows(self, run_id: int) -> list[CheckRow]:
        """The checks a run used, in the order they were linked."""
        rows = self.db.execute(_ROW_SQL + ", rd.reused FROM run_documents rd JOIN checks c ON c.id = rd.check_id"
                               " JOIN documents d ON d.id = rd.document_id WHERE rd.run_id = ? ORDER BY d.path",
                               (run_id,)).fetchall()
        return [_row(r[:-1], bool(r[-1])) for r in rows]

    def findings_of(self, check_id: int) -> tuple[Finding, ...]:
        """The findings of one check, in stored order."""
        return tuple(finding_from_row(r) for r in self.db.execute(
            'SELECT rule, slug, severity, subject, message_id, message_en, "values", locations FROM findings'
            " WHERE check_id = ? ORDER BY id", (check_id,)))

    def cross_findings(self, run_id: int) -> tuple[Finding, ...]:
        """The cross-report findings of a run."""
        return tuple(finding_from_row(r) for r in self.db.execute(
            'SELECT rule, slug, severity, subject, message_id, message_en, "values", locations FROM findings'
            " WHERE run_id = ? AND scope = 'cross' ORDER BY id", (run_id,)))

    def facts_of(self, check_id: int) -> tuple[Optional[bytes], Optional[bytes]]:
        """The stored (facts, passages) blobs of a check."""
        r = self.db.execute("SELECT facts, passages FROM facts WHERE check_id = ?", (check_id,)).fetchone()
        return (as_bytes(r[0]), as_bytes(r[1])) if r else (None, None)

    def rows_of_instansi(self, key: str) -> list[CheckRow]:
        """The latest successful check of every document of one instansi, oldest document first."""
        rows = self.db.execute(_ROW_SQL + " FROM checks c JOIN documents d ON d.id = c.document_id"
                               " WHERE d.instansi_key = ? AND c.status = 'ok' AND c.id = (SELECT MAX(id) FROM checks"
                               " WHERE document_id = d.id AND status = 'ok') ORDER BY c.id", (key,)).fetchall()
        return [_row(r) for r in rows]

    def instansi_list(self) -> list[tuple[str, str]]:
        """(key, name as printed) of every instansi in the database."""
        return [(k, n) for k, n in self.db.execute(
            "SELECT instansi_key, MIN(instansi) FROM documents WHERE instansi_key IS NOT NULL AND instansi_key != ''"
            " GROUP BY instansi_key ORDER BY instansi_key")]
