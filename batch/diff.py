"""Compare the findings of two versions of a report: resolved, persisting, new.

Findings are matched by rule and subject, never by page (a resubmitted report
moves its tables). Within one rule and subject, findings with equal values
pair first, the rest in order; a second pass pairs what is left of one rule
whose subjects are the same name written differently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

from lakip.rules.corpus import instansi_key
from lakip.batch.sqlbackend import BackendError, Target, is_postgres
from lakip.batch.store import CheckRow, Store
from lakip.config import Settings
from lakip.ingest.errors import IngestError
from lakip.pipeline import check_file
from lakip.report.json_report import to_json
from lakip.schemas.names import name_similarity
from lakip.values.text import normalize_text

SAME_SUBJECT = 0.9
"""name_similarity from which two subjects of one rule are the same thing."""


class DiffInputError(Exception):
    """An input that cannot be compared, with a message in both languages."""

    def __init__(self, message_id: str, message_en: str):
        super().__init__(message_id)
        self.message_id = message_id
        self.message_en = message_en

    def message(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_id


@dataclass(frozen=True)
class Side:
    """One version: what document it is and its findings in the contract's JSON form."""

    document: dict[str, Any]
    findings: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Diff:
    """The findings of two versions, matched."""

    old: Side
    new: Side
    resolved: tuple[dict[str, Any], ...]
    persisting: tuple[tuple[dict[str, Any], dict[str, Any]], ...]
    added: tuple[dict[str, Any], ...]

    def to_json(self) -> dict[str, Any]:
        """The diff as one JSON object."""
        return {"old": self.old.document, "new": self.new.document,
                "resolved": list(self.resolved), "persisting": [{"old": a, "new": b} for a, b in self.persisting],
                "new_findings": list(self.added),
                "summary": {"resolved": len(self.resolved), "persisting": len(self.persisting),
                            "new": len(self.added)}}


def _key(f: dict[str, Any]) -> tuple[str, str]:
    """A finding's matching key: rule and normalised subject."""
    return f["rule"], normalize_text(f.get("subject") or "")


def match(old: Sequence[dict[str, Any]], new: Sequence[dict[str, Any]]) -> tuple[list, list, list]:
    """(resolved, persisting pairs, new) of two lists of findings."""
    left, right = list(old), list(new)
    pairs: list[tuple[dict, dict]] = []
    for same_values in (True, False):
        for a in list(left):
            hit = next((b for b in right if _key(a) == _key(b)
                        and (not same_values or a.get("values") == b.get("values"))), None)
            if hit is not None:
                pairs.append((a, hit))
                left.remove(a)
                right.remove(hit)
    for a in list(left):
        hit = next((b for b in right if b["rule"] == a["rule"]
                    and name_similarity(a.get("subject") or "", b.get("subject") or "") >= SAME_SUBJECT), None)
        if hit is not None:
            pairs.append((a, hit))
            left.remove(a)
            right.remove(hit)
    return left, pairs, right


def diff(old: Side, new: Side) -> Diff:
    """Match the findings of two versions."""
    resolved, persisting, added = match(old.findings, new.findings)
    return Diff(old, new, tuple(resolved), tuple(persisting), tuple(added))


def side_of_file(path: Path, settings: Settings) -> Side:
    """A version from a file: a findings JSON (``lakip check --format json``) or a report checked now."""
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DiffInputError(f"Berkas JSON '{path}' tidak dapat dibaca: {exc}",
                                 f"JSON file '{path}' cannot be read: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise DiffInputError(f"Berkas '{path}' bukan hasil lakip check --format json.",
                                 f"File '{path}' is not lakip check --format json output.")
        return Side(data.get("document") or {"path": str(path)}, tuple(data["findings"]))
    try:
        result = check_file(path, settings)
    except IngestError as exc:
        raise DiffInputError(exc.message("id"), exc.message("en")) from exc
    data = to_json(result, settings.lang)
    return Side(data["document"], tuple(data["findings"]))


def side_of_row(store: Store, row: CheckRow, lang: str) -> Side:
    """A version from a stored check."""
    document = {"path": row.path, "sha256": row.sha256, "pages": row.pages, "instansi": row.instansi,
                "tahun": row.tahun, "checked_at": row.checked_at}
    return Side(document, tuple(f.to_json(lang) for f in store.findings_of(row.check_id)))


def pick_rows(rows: Sequence[CheckRow], tahun: Optional[int]) -> Optional[tuple[CheckRow, CheckRow]]:
    """The two versions to compare: the last two of a year, else the latest against the year before."""
    if tahun is not None:
        rows = [r for r in rows if r.tahun == tahun]
    if len(rows) < 2:
        return None
    latest = rows[-1]
    same_year = [r for r in rows[:-1] if r.tahun == latest.tahun]
    if same_year:
        return same_year[-1], latest
    earlier = [r for r in rows[:-1] if r.tahun is not None and latest.tahun is not None and r.tahun < latest.tahun]
    if earlier:
        top = max(r.tahun or 0 for r in earlier)
        return [r for r in earlier if r.tahun == top][-1], latest
    return rows[-2], latest


def sides_from_db(db: Target, instansi: str, tahun: Optional[int], lang: str) -> tuple[Side, Side]:
    """The two versions of one instansi's report stored in a batch database (an SQLite file or a PostgreSQL URL)."""
    if not is_postgres(db) and not Path(db).is_file():
        raise DiffInputError(f"Basis data '{db}' tidak ditemukan.", f"Database '{db}' was not found.")
    try:
        store = Store(db)
    except BackendError as exc:
        raise DiffInputError(exc.message_id, exc.message_en) from exc
    try:
        key = instansi_key(instansi)
        rows = store.rows_of_instansi(key)
        if not rows:
            known = ", ".join(name for _, name in store.instansi_list()) or "-"
            raise DiffInputError(f"Instansi '{instansi}' tidak ada dalam basis data. Yang ada: {known}",
                                 f"Instansi '{instansi}' is not in the database. Known: {known}")
        picked = pick_rows(rows, tahun)
        if picked is None:
            raise DiffInputError(f"Basis data hanya memuat satu laporan '{instansi}' yang terperiksa; perlu dua.",
                                 f"The database holds only one checked report of '{instansi}'; two are needed.")
        return side_of_row(store, picked[0], lang), side_of_row(store, picked[1], lang)
    finally:
        store.close()
