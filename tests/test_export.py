"""lakip export: the Parquet dataset of a batch round-trips into DuckDB and pandas with the facts' counts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lakip.batch.factsio import unpack_facts
from lakip.batch.store import Store
from lakip.cli.main import cli
from scale_corpus import local_batch

duckdb = pytest.importorskip("duckdb", reason="the dataset tests read it back with duckdb (test extra)")
pytest.importorskip("pyarrow", reason="the export needs the [scale] extra")


@pytest.fixture(scope="module")
def exported(request, tmp_path_factory, seed_text, samples_dir):
    """The local batch exported with ``lakip export --db``, and the facts it was made from."""
    result = local_batch(request, tmp_path_factory, seed_text, samples_dir)
    out = tmp_path_factory.mktemp("dataset") / "dataset"
    res = CliRunner().invoke(cli, ["export", "--out", str(out), "--db", str(result.summary.db_path), "--lang", "en"])
    assert res.exit_code == 0, res.output
    store = Store(result.summary.db_path)
    try:
        rows = store.run_rows(store.latest_run_id())
        facts = {r.path: unpack_facts(store.facts_of(r.check_id)[0]) for r in rows if r.status == "ok"}
        n_findings = sum(len(store.findings_of(r.check_id)) for r in rows) + len(
            store.cross_findings(store.latest_run_id()))
    finally:
        store.close()
    return {"out": out, "facts": facts, "rows": rows, "n_findings": n_findings, "output": res.output}


def _q(out: Path, sql: str) -> list[tuple]:
    """Rows of a DuckDB query over the dataset's tables (views named after them)."""
    con = duckdb.connect()
    for name in ("documents", "indicators", "budget_lines", "findings"):
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{out}/{name}/*/*.parquet', "
                    "hive_partitioning = true)")
    return con.execute(sql).fetchall()


def test_row_counts_equal_the_facts(exported):
    """documents, indicators, budget_lines and findings have one row per report, fact and finding."""
    out, facts = exported["out"], exported["facts"]
    assert _q(out, "SELECT count(*) FROM documents") == [(len(exported["rows"]),)]
    assert _q(out, "SELECT count(*) FROM indicators") == [(sum(len(f.indicators) for f in facts.values()),)]
    assert _q(out, "SELECT count(*) FROM budget_lines") == [(sum(len(f.budget) for f in facts.values()),)]
    assert _q(out, "SELECT count(*) FROM findings") == [(exported["n_findings"],)]
    assert _q(out, "SELECT count(*) FROM findings WHERE scope = 'cross'")[0][0] >= 6
    assert "indicators" in exported["output"] and str(sum(len(f.indicators) for f in facts.values())) in \
        exported["output"]
    years = {f.doc.tahun for f in facts.values()}
    assert {p.name for p in (out / "indicators").iterdir()} == {f"tahun={y}" for y in years}


def test_values_match_the_facts(exported):
    """An indicator's value and source, a budget line's pagu and parent, a document's year come back exactly."""
    out, facts = exported["out"], exported["facts"]
    path, f = next((p, f) for p, f in facts.items() if f.indicators and f.budget)
    ind = next(i for i in f.indicators if i.figure.value is not None and i.source.page)
    got = _q(out, f"""SELECT i.value, i.text, i.page, i.row, i.kind, i.year, i.tahun FROM indicators i
                      JOIN documents d USING (document_id) WHERE d.path = '{path}' AND i.indikator = ?
                      AND i.kind = '{ind.kind}' AND i.year IS NOT DISTINCT FROM {ind.year or 'NULL'}
                      AND i.page = {ind.source.page} AND i.row IS NOT DISTINCT FROM {ind.source.row or 'NULL'}"""
               .replace("?", "'" + ind.indikator.replace("'", "''") + "'"))
    assert (ind.figure.value, ind.figure.text, ind.source.page, ind.kind, f.doc.tahun) in \
        [(v, t, p, k, th) for v, t, p, _, k, _, th in got]
    line = next(b for b in f.budget if b.parent is not None and b.pagu is not None)
    parent = next(b for b in f.budget if b.table_id == line.table_id and b.row == line.parent)
    got = _q(out, f"""SELECT b.pagu, b.parent_name, b.level FROM budget_lines b JOIN documents d USING (document_id)
                      WHERE d.path = '{path}' AND b.table_id = '{line.table_id}' AND b.row = {line.row}""")
    assert got == [(line.pagu.value, parent.name, line.level)]


def test_example_query_and_pandas(exported):
    """The README's query: the capaian of one indicator across every kecamatan; pandas reads the same table."""
    out = exported["out"]
    rows = _q(out, """SELECT d.instansi, i.value FROM indicators i JOIN documents d USING (document_id)
                      WHERE i.kind = 'capaian' AND i.indikator ILIKE '%kepuasan masyarakat%' ORDER BY d.instansi""")
    assert len({r[0] for r in rows}) >= 5 and all(r[1] is not None for r in rows)
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_parquet(out / "indicators")
    assert len(frame) == _q(out, "SELECT count(*) FROM indicators")[0][0] and "tahun" in frame.columns


def test_export_from_a_folder_and_usage_errors(samples_dir, tmp_path):
    """A folder of reports is checked and exported; no source, two sources or a missing database exit 2."""
    folder = tmp_path / "laporan"
    folder.mkdir()
    shutil.copy(samples_dir / "lakip-kecamatan-alok-barat-2024.docx", folder)
    runner = CliRunner()
    res = runner.invoke(cli, ["export", str(folder), "--out", str(tmp_path / "ds"), "-j", "1"])
    assert res.exit_code == 0, res.output
    assert _q(tmp_path / "ds", "SELECT count(*), min(tahun) FROM documents") == [(1, 2024)]
    assert _q(tmp_path / "ds", "SELECT count(*) FROM findings")[0][0] == 24
    assert runner.invoke(cli, ["export", "--out", str(tmp_path / "x")]).exit_code == 2
    res = runner.invoke(cli, ["export", "--out", str(tmp_path / "x"), "--db", str(tmp_path / "nope.sqlite"),
                              "--lang", "en"])
    assert res.exit_code == 2 and "was not found" in res.output and not (tmp_path / "nope.sqlite").exists()
