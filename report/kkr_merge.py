"""Merging a rerun into an existing working paper: the inspector's statuses and notes are never lost.

Rows are matched by their hidden stable key (rule | subject | table | column | year, or ``unsur:F1``).
A status the inspector changed (it differs from the status lakip wrote, kept in a hidden column) is kept;
the inspector's notes are always kept; a finding no longer found keeps its row, marked resolved; rows the
inspector added (without a key) are carried over as they are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from lakip.report.kkr_layout import (COLUMNS, HEADERS, HISTORY_COLUMNS, LKE_HEADERS, MARKER, RECHECK, SHEETS,
                                     TEXT_COLUMNS)
from lakip.report.reviu_matrix import SELESAI, status_code, status_label


class NotWorkingPaper(Exception):
    """The file exists but is not a lakip working paper (or cannot be read as one)."""

    def __init__(self, path: Path, detail: str):
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class OldRow:
    """One row of the previous working paper, by column name."""

    cells: tuple[tuple[str, Any], ...]

    def get(self, col: str) -> Any:
        """The value of one column ('' when empty)."""
        value = dict(self.cells).get(col)
        return "" if value is None else value

    @property
    def key(self) -> str:
        """The stable key ('' for a row the inspector added)."""
        return str(self.get("key"))

    def inspector_changed(self) -> bool:
        """Whether the inspector changed the status lakip wrote."""
        label = str(self.get("status")).strip()
        auto = str(self.get("auto")).strip()
        return status_code(label) != auto if label else bool(auto)

    def is_resolved(self) -> bool:
        """Whether this row was already marked resolved."""
        return str(self.get("ulang")) in RECHECK["resolved"]


@dataclass(frozen=True)
class Previous:
    """What a previous working paper holds that a rerun must keep."""

    rows: tuple[OldRow, ...]
    extra: tuple[OldRow, ...]
    lke: tuple[tuple[str, Any, Any], ...]
    history: tuple[tuple[Any, ...], ...]

    def by_key(self) -> dict[str, OldRow]:
        """The keyed rows."""
        return {r.key: r for r in self.rows}

    def lke_answers(self) -> dict[str, tuple[Any, Any]]:
        """code → (evaluator's answer, evaluator's notes)."""
        return {code: (answer, note) for code, answer, note in self.lke}


def _columns(ws: Any, names: dict[str, tuple[str, str]], anchor: str) -> tuple[int, dict[str, int]]:
    """The header row of a sheet (the row holding ``anchor``'s header) and each column's index."""
    wanted = {text.casefold(): col for col, pair in names.items() for text in pair}
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 15)):
        found = {wanted[str(c.value).strip().casefold()]: c.column for c in row
                 if c.value is not None and str(c.value).strip().casefold() in wanted}
        if anchor in found:
            return row[0].row, found
    return 0, {}


def _sheet(wb: Any, kind: str) -> Optional[Any]:
    """A sheet by its name in either language."""
    for name in SHEETS[kind]:
        if name in wb.sheetnames:
            return wb[name]
    return None


def read(path: Path) -> Previous:
    """The rows, LKE answers and history of a lakip working paper; raises NotWorkingPaper for any other file."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path)
    except Exception as exc:  # not a zip, not a workbook, damaged: never overwrite it
        raise NotWorkingPaper(path, f"{type(exc).__name__}") from exc
    matrix = _sheet(wb, "matrix")
    if (wb.properties.subject or "") != MARKER or matrix is None:
        raise NotWorkingPaper(path, "no lakip marker")
    head, cols = _columns(matrix, HEADERS, "key")
    if not head or "status" not in cols or "catatan" not in cols:
        raise NotWorkingPaper(path, "no key column")
    rows, extra = [], []
    for values in matrix.iter_rows(min_row=head + 1, values_only=True):
        cells = tuple((c, values[i - 1] if i - 1 < len(values) else None) for c, i in cols.items())
        row = OldRow(cells)
        if row.key:
            rows.append(row)
        elif any(v not in (None, "") for _, v in cells):
            extra.append(row)
    lke = []
    sheet = _sheet(wb, "lke")
    if sheet is not None:
        lhead, lcols = _columns(sheet, LKE_HEADERS, "code")
        if lhead and "jawaban" in lcols and "catatan" in lcols:
            for values in sheet.iter_rows(min_row=lhead + 1, values_only=True):
                code = values[lcols["code"] - 1]
                if code:
                    lke.append((str(code), values[lcols["jawaban"] - 1], values[lcols["catatan"] - 1]))
    history = []
    sheet = _sheet(wb, "history")
    if sheet is not None:
        for values in sheet.iter_rows(min_row=2, values_only=True):
            if any(v is not None for v in values):
                history.append(tuple(values[:len(HISTORY_COLUMNS)]))
    return Previous(tuple(rows), tuple(extra), tuple(lke), tuple(history))


@dataclass(frozen=True)
class Decision:
    """What to write for one current row: its status, the inspector's notes, and the recheck mark."""

    status: str
    catatan: str
    recheck: str


def decide(key: str, auto: str, previous: Optional[Previous], old: dict[str, OldRow], lang: str) -> Decision:
    """The status, notes and recheck mark of a current row, keeping what the inspector wrote."""
    i = 1 if lang == "en" else 0
    if previous is None:
        return Decision(status_label(auto, lang), "", "")
    row = old.get(key)
    if row is None:
        return Decision(status_label(auto, lang), "", "" if key.startswith("unsur:") else RECHECK["new"][i])
    status = str(row.get("status")) if row.inspector_changed() else status_label(auto, lang)
    return Decision(status, str(row.get("catatan")), "" if key.startswith("unsur:") else RECHECK["kept"][i])


def resolved(previous: Optional[Previous], current: set[str]) -> list[OldRow]:
    """The previous finding rows no longer found (kept in the paper, marked resolved)."""
    if previous is None:
        return []
    return [r for r in previous.rows if not r.key.startswith("unsur:") and r.key not in current]


def resolved_values(row: OldRow, lang: str) -> dict[str, Any]:
    """A resolved row's cells as before, marked resolved; its status becomes 'resolved' unless the inspector set one."""
    values = {c: row.get(c) for c in COLUMNS}
    if not row.inspector_changed():
        values["status"] = status_label(SELESAI, lang)
        values["auto"] = SELESAI
    values["ulang"] = RECHECK["resolved"][1 if lang == "en" else 0]
    return values


def lke_answers(previous: Optional[Previous]) -> dict[str, tuple[Any, Any]]:
    """The evaluator's LKE answers and notes of the previous paper."""
    return previous.lke_answers() if previous is not None else {}


def text_digest(text: Any) -> str:
    """A short digest of one cell's text (an empty cell and '' are the same)."""
    return hashlib.sha1(str(text if text is not None else "").encode("utf-8")).hexdigest()[:10]


def keep_edits(values: dict[str, Any], old: Optional[OldRow]) -> dict[str, Any]:
    """A row's cells with every text the inspector edited (its digest no longer lakip's) kept, and the digests of
    lakip's texts recorded for the next rerun."""
    fresh = {c: text_digest(values.get(c)) for c in TEXT_COLUMNS}
    if old is not None:
        stored = dict(part.split(":", 1) for part in str(old.get("digest")).split(";") if ":" in part)
        for col in TEXT_COLUMNS:
            if col in stored and text_digest(old.get(col)) != stored[col]:
                values[col] = old.get(col)
                fresh[col] = stored[col]
    values["digest"] = ";".join(f"{c}:{d}" for c, d in fresh.items())
    return values
