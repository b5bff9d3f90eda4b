"""Every report's figures as one dataset: Parquet tables of a batch run, partitioned by the report's year.

Four tables (``docs/dataset.md`` documents every column): ``documents`` (one
row per report of the run, checked or not), ``indicators`` (every target,
realisasi and capaian read, with where it was printed), ``budget_lines``
(every budget row: level, parent, pagu, realisasi, %) and ``findings`` (per
report and cross-report). Each is a folder of Parquet files partitioned
hive-style by ``tahun`` (``indicators/tahun=2024/part-0.parquet``), readable
by DuckDB (``read_parquet('dataset/indicators/*/*.parquet',
hive_partitioning=true)``), pandas and pyarrow. Reports are read from the
store a chunk at a time, so a national run never sits in memory at once.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from lakip.rules.corpus import instansi_key
from lakip.batch.factsio import unpack_facts
from lakip.batch.store import CheckRow, Store
from lakip.rules.base import Finding
from lakip.schemas.facts import BudgetLine, Facts, IndicatorFact

CHUNK = 100
"""Reports read from the store per written batch of rows."""
TABLES = ("documents", "indicators", "budget_lines", "findings")
_I32, _I64, _F64, _STR = pa.int32(), pa.int64(), pa.float64(), pa.string()
SCHEMAS = {
    "documents": pa.schema([
        ("document_id", _I64), ("check_id", _I64), ("run_id", _I64), ("path", _STR), ("file_name", _STR),
        ("sha256", _STR), ("kind", _STR), ("jenis", _STR), ("instansi", _STR), ("instansi_key", _STR),
        ("pages", _I32), ("status", _STR), ("error_code", _STR), ("n_error", _I32), ("n_warning", _I32),
        ("n_info", _I32), ("tables_found", _I32), ("tables_read", _I32), ("n_indicators", _I32),
        ("n_budget_lines", _I32), ("checked_at", _STR), ("tahun", _I32)]),
    "indicators": pa.schema([
        ("document_id", _I64), ("instansi", _STR), ("sasaran", _STR), ("indikator", _STR), ("satuan", _STR),
        ("satuan_norm", _STR), ("year", _I32), ("kind", _STR), ("value", _F64), ("value_low", _F64),
        ("value_high", _F64), ("text", _STR), ("is_percent", pa.bool_()), ("role", _STR), ("entity_key", _STR),
        ("page", _I32), ("table_caption", _STR), ("table_id", _STR), ("row", _I32), ("column", _STR),
        ("tahun", _I32)]),
    "budget_lines": pa.schema([
        ("document_id", _I64), ("instansi", _STR), ("table_id", _STR), ("table_caption", _STR), ("row", _I32),
        ("level", _STR), ("code", _STR), ("name", _STR), ("parent_row", _I32), ("parent_name", _STR),
        ("unit", _STR), ("pagu", _F64), ("realisasi", _F64), ("percent", _F64), ("sisa", _F64),
        ("pagu_text", _STR), ("realisasi_text", _STR), ("percent_text", _STR), ("role", _STR),
        ("entity_key", _STR), ("page", _I32), ("tahun", _I32)]),
    "findings": pa.schema([
        ("run_id", _I64), ("document_id", _I64), ("scope", _STR), ("rule", _STR), ("slug", _STR),
        ("severity", _STR), ("subject", _STR), ("message_id", _STR), ("message_en", _STR), ("page", _I32),
        ("values_json", _STR), ("locations_json", _STR), ("documents", pa.list_(_STR)), ("tahun", _I32)]),
}


@dataclass(frozen=True)
class ExportResult:
    """What was written: the folder, the run exported and the rows per table."""

    out_dir: Path
    run_id: int
    rows: dict[str, int]


def _value(fig: Any, attr: str = "value") -> Optional[float]:
    """A figure's number (None when absent or not a number)."""
    v = getattr(fig, attr, None) if fig is not None else None
    return float(v) if v is not None else None


def indicator_row(doc_id: int, facts: Facts, f: IndicatorFact) -> dict[str, Any]:
    """One row of ``indicators``."""
    src = f.source
    return {"document_id": doc_id, "instansi": facts.doc.instansi, "sasaran": f.sasaran, "indikator": f.indikator,
            "satuan": f.satuan, "satuan_norm": f.unit, "year": f.year, "kind": f.kind, "value": _value(f.figure),
            "value_low": _value(f.figure, "low"), "value_high": _value(f.figure, "high"), "text": f.figure.text,
            "is_percent": f.figure.is_percent, "role": f.role, "entity_key": f.key, "page": src.page,
            "table_caption": src.table, "table_id": src.table_id, "row": src.row, "column": src.column,
            "tahun": facts.doc.tahun}


def budget_row(doc_id: int, facts: Facts, b: BudgetLine, names: dict[tuple[str, int], str]) -> dict[str, Any]:
    """One row of ``budget_lines``."""
    return {"document_id": doc_id, "instansi": facts.doc.instansi, "table_id": b.table_id,
            "table_caption": b.source.table, "row": b.row, "level": b.level, "code": b.code, "name": b.name,
            "parent_row": b.parent, "parent_name": names.get((b.table_id, b.parent)) if b.parent is not None else None,
            "unit": b.unit, "pagu": _value(b.pagu), "realisasi": _value(b.realisasi), "percent": _value(b.percent),
            "sisa": _value(b.sisa), "pagu_text": b.pagu.text if b.pagu else None,
            "realisasi_text": b.realisasi.text if b.realisasi else None,
            "percent_text": b.percent.text if b.percent else None, "role": b.role, "entity_key": b.key,
            "page": b.source.page, "tahun": facts.doc.tahun}


def finding_row(f: Finding, run_id: int, doc_id: Optional[int], scope: str, tahun: Optional[int]) -> dict[str, Any]:
    """One row of ``findings``."""
    return {"run_id": run_id, "document_id": doc_id, "scope": scope, "rule": f.rule, "slug": f.slug,
            "severity": f.severity, "subject": f.subject, "message_id": f.message_id, "message_en": f.message_en,
            "page": f.first_page, "values_json": json.dumps(dict(f.values), ensure_ascii=False, default=str),
            "locations_json": json.dumps([asdict(loc) for loc in f.locations], ensure_ascii=False),
            "documents": list(dict.fromkeys(loc.document for loc in f.locations if loc.document)), "tahun": tahun}


def document_row(row: CheckRow, run_id: int, facts: Optional[Facts]) -> dict[str, Any]:
    """One row of ``documents``."""
    return {"document_id": row.document_id, "check_id": row.check_id, "run_id": run_id, "path": row.path,
            "file_name": Path(row.path).name, "sha256": row.sha256, "kind": row.kind,
            "jenis": facts.doc.jenis.kind if facts else None, "instansi": row.instansi,
            "instansi_key": instansi_key(row.instansi) or None, "pages": row.pages, "status": row.status,
            "error_code": row.error_code, "n_error": row.counts[0], "n_warning": row.counts[1],
            "n_info": row.counts[2], "tables_found": row.coverage.get("tables_found"),
            "tables_read": row.coverage.get("tables_read"),
            "n_indicators": len(facts.indicators) if facts else None,
            "n_budget_lines": len(facts.budget) if facts else None, "checked_at": row.checked_at, "tahun": row.tahun}


def _chunks(store: Store, run_id: int, rows: Sequence[CheckRow]) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """The rows of every table, ``CHUNK`` reports at a time (cross-report findings with the last chunk)."""
    for start in range(0, len(rows), CHUNK):
        out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        for row in rows[start:start + CHUNK]:
            blob, _ = store.facts_of(row.check_id) if row.status == "ok" else (None, None)
            facts = unpack_facts(blob, ("indicators", "budget")) if blob else None
            out["documents"].append(document_row(row, run_id, facts))
            if facts is not None:
                out["indicators"] += [indicator_row(row.document_id, facts, f) for f in facts.indicators]
                names = {(b.table_id, b.row): b.name for b in facts.budget}
                out["budget_lines"] += [budget_row(row.document_id, facts, b, names) for b in facts.budget]
            out["findings"] += [finding_row(f, run_id, row.document_id, "document", row.tahun)
                                for f in store.findings_of(row.check_id)]
        yield out
    tahun = {r.path: r.tahun for r in rows}
    yield {"findings": [finding_row(f, run_id, None, "cross", next((tahun.get(loc.document or "") for loc in f.locations
                                                                  if tahun.get(loc.document or "")), None))
                        for f in store.cross_findings(run_id)]}


class _Writer:
    """Writes one table's row batches as hive-partitioned Parquet files."""

    def __init__(self, folder: Path, schema: pa.Schema):
        self.folder, self.schema, self.part, self.rows = folder, schema, 0, 0
        self.data_schema = pa.schema([f for f in schema if f.name != "tahun"])

    def write(self, rows: list[dict[str, Any]]) -> None:
        """Write rows into their year's folder (``tahun=__HIVE_DEFAULT_PARTITION__`` for no year)."""
        by_year: dict[Optional[int], list[dict[str, Any]]] = {}
        for r in rows:
            by_year.setdefault(r["tahun"], []).append(r)
        for year, part in sorted(by_year.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
            self._file(year, pa.Table.from_pylist(part, schema=self.schema).drop_columns(["tahun"]))
        self.rows += len(rows)

    def _file(self, year: Optional[int], table: pa.Table) -> None:
        """One Parquet file in a year's folder."""
        folder = self.folder / f"tahun={year if year is not None else '__HIVE_DEFAULT_PARTITION__'}"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / f"part-{self.part}.parquet", compression="zstd")
        self.part += 1

    def close(self) -> None:
        """An empty table still gets one (empty) file, so readers find its columns."""
        if self.part == 0:
            self._file(None, self.data_schema.empty_table())


def export_run(store: Store, out_dir: Path, run_id: Optional[int] = None) -> ExportResult:
    """Write the dataset of one run (default: the latest) into ``out_dir``, replacing its four tables."""
    run = run_id if run_id is not None else store.latest_run_id()
    if run is None:
        raise LookupError("no run in the store")
    rows = store.run_rows(run)
    writers = {}
    for name in TABLES:
        folder = out_dir / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        writers[name] = _Writer(folder, SCHEMAS[name])
    for chunk in _chunks(store, run, rows):
        for name, table_rows in chunk.items():
            if table_rows:
                writers[name].write(table_rows)
    for w in writers.values():
        w.close()
    return ExportResult(out_dir, run, {name: w.rows for name, w in writers.items()})


def read_table(out_dir: Path, name: str) -> pa.Table:
    """One exported table with its ``tahun`` partition column (pyarrow)."""
    return pads.dataset(out_dir / name, format="parquet", partitioning="hive").to_table()


def row_counts(tables: Iterable[str], out_dir: Path) -> dict[str, int]:
    """The rows of each exported table as read back."""
    return {name: read_table(out_dir, name).num_rows for name in tables}
