"""The batch store behaves the same on SQLite and on PostgreSQL (a real server: LAKIP_TEST_PG, see .ci/run)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lakip.rules.corpus import instansi_key
from lakip.batch.factsio import pack_facts, unpack_facts
from lakip.batch.runner import run_batch
from lakip.batch.sqlbackend import display_name, postgres_ddl
from lakip.batch.store import SCHEMA, Store
from lakip.batch.worker import Task, check_task, failure
from lakip.cli.main import cli
from lakip.config import Settings
from lakip.rules.base import Finding
from scale_corpus import corpus_files, options, pg_database, stored


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """An empty store target of each backend."""
    if request.param == "sqlite":
        yield tmp_path / "lakip.sqlite"
    else:
        with pg_database() as url:
            yield url


@pytest.fixture(scope="module")
def checked(tmp_path_factory, samples_dir):
    """The bundled sample DOCX checked once (a real worker result with findings and facts)."""
    out = tmp_path_factory.mktemp("store")
    return check_task(Task(str(samples_dir / "lakip-kecamatan-alok-barat-2024.docx"), Settings(), str(out / "r"),
                           ("json",)))


def test_store_round_trip(target, checked):
    """Documents, runs, checks, findings, facts and cross findings come back as they were written."""
    store = Store(target)
    try:
        assert store.latest_run_id() is None
        run = store.begin_run("engine-1", {"select": []}, 2, 300.0, 3072, "/out", 2)
        doc = store.document_id(checked.path, checked.sha256, 1234)
        assert store.document_id(checked.path, checked.sha256, 1234) == doc
        bad = store.document_id("/x/rusak.pdf", "", None)
        check = store.record_check(run, doc, "engine-1", "k", checked, instansi_key(checked.instansi))
        store.record_check(run, bad, "engine-1", "k", failure("/x/rusak.pdf", "failed", "not-pdf", "bukan", "not"),
                           "")
        assert [f.to_json("en") for f in store.findings_of(check)] == [f.to_json("en") for f in checked.findings]
        assert len(checked.findings) == 24
        facts_blob, passages_blob = store.facts_of(check)
        assert isinstance(facts_blob, bytes) and facts_blob == checked.facts_blob
        assert pack_facts(unpack_facts(facts_blob)) == checked.facts_blob and passages_blob == checked.passages_blob
        again = store.reusable(doc, "engine-1", "k")
        assert again is not None and again.check_id == check
        assert again.counts == tuple(sum(f.severity == sev for f in checked.findings)
                                     for sev in ("error", "warning", "info"))
        assert store.reusable(doc, "engine-2", "k") is None
        cross = Finding(rule="X802", slug="nip-shared", severity="error", subject="19720121 199903 1 007",
                        values={"nip": "x"}, locations=(), message_id="pesan", message_en="message")
        store.record_cross(run, [cross, cross], {checked.path: doc})
        store.record_cross(run, [cross], {checked.path: doc})
        assert [f.subject for f in store.cross_findings(run)] == [cross.subject]
        store.finish_run(run, "done", 1.5)
        rows = store.run_rows(run)
        assert [r.path for r in rows] == sorted([checked.path, "/x/rusak.pdf"])
        assert {r.status for r in rows} == {"ok", "failed"} and store.latest_run_id() == run
        run2 = store.begin_run("engine-1", {}, 1, None, 0, "/out", 1)
        store.link(run2, doc, check, reused=True)
        store.link(run2, doc, check, reused=True)
        assert [r.reused for r in store.run_rows(run2)] == [True]
        assert [r.check_id for r in store.rows_of_instansi(instansi_key(checked.instansi))] == [check]
        assert store.instansi_list() == [(instansi_key(checked.instansi), checked.instansi)]
    finally:
        store.close()


def test_batch_on_postgres_stores_what_sqlite_stores(request, tmp_path_factory, seed_text, samples_dir, tmp_path):
    """The same batch into SQLite and into PostgreSQL: equal stored findings; a rerun reuses every check."""
    files = [f for f in corpus_files(request, tmp_path_factory, seed_text, samples_dir)
             if f.name.startswith(("kota-komba-", "nita-"))]
    with pg_database() as url:
        lite = run_batch(options(files, tmp_path / "a", jobs=1, timeout=120))   # one job: checks stored in path
        pg = run_batch(options(files, tmp_path / "b", db=url, jobs=1, timeout=120))  # order, as diff --db reads them
        assert stored(url) == stored(tmp_path / "a" / "lakip.sqlite")
        assert pg.checked == lite.checked == 4 and len(pg.summary.cross.findings) == len(lite.summary.cross.findings)
        again = run_batch(options(files, tmp_path / "b", db=url, jobs=2, timeout=120))
        assert again.reused == 4 and again.checked == 0
        instansi = next(r.instansi for r in pg.summary.rows if Path(r.path).name.startswith("nita-"))
        diffs = [CliRunner().invoke(cli, ["diff", "--db", str(db), "--instansi", instansi, "--format", "json"])
                 for db in (tmp_path / "a" / "lakip.sqlite", url)]
        assert diffs[0].exit_code in (0, 1) and diffs[1].exit_code == diffs[0].exit_code
        sides = [json.loads(d.output) for d in diffs]
        for side in sides:
            side["old"].pop("checked_at"), side["new"].pop("checked_at")
        assert sides[1] == sides[0] and sides[0]["old"]["tahun"] + 1 == sides[0]["new"]["tahun"]
        if importlib.util.find_spec("pyarrow"):
            from lakip.batch.export import TABLES, read_table

            for name, db in (("lite", tmp_path / "a" / "lakip.sqlite"), ("pg", url)):
                res = CliRunner().invoke(cli, ["export", "--out", str(tmp_path / name), "--db", str(db),
                                               "--run", "1"])
                assert res.exit_code == 0, res.output
            for table in TABLES:
                ids = ["document_id", "check_id", "checked_at"] if table == "documents" else ["document_id"]
                got = [read_table(tmp_path / n, table).drop_columns(ids).to_pylist() for n in ("lite", "pg")]
                assert got[0] == got[1] and (got[0] or table == "findings"), table
        res = CliRunner().invoke(cli, ["batch", str(files[0]), "--out", str(tmp_path / "c"), "--db", url, "-j", "1",
                                       "--select", "T"])
        assert res.exit_code in (0, 1), res.output
        assert not (tmp_path / "c" / "lakip.sqlite").exists()
        assert display_name(url) in (tmp_path / "c" / "summary.html").read_text(encoding="utf-8")


def test_unreachable_postgres_is_one_message(samples_dir, tmp_path):
    """A PostgreSQL URL that cannot be opened: exit 2 with one message naming it, no traceback."""
    pytest.importorskip("psycopg", reason="the PostgreSQL store needs the [scale] extra")
    url = f"postgresql://nobody:rahasia@/nope?host={tmp_path}"
    res = CliRunner().invoke(cli, ["batch", str(samples_dir / "lakip-kecamatan-alok-barat-2024.docx"),
                                   "--out", str(tmp_path / "o"), "--db", url, "--lang", "en"])
    assert res.exit_code == 2, res.output
    assert "could not be opened" in res.output and "rahasia" not in res.output and "Traceback" not in res.output


def test_postgres_schema_types():
    """The PostgreSQL schema has identity ids, 64-bit integers, doubles and bytea."""
    ddl = postgres_ddl(SCHEMA)
    assert "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" in ddl and "BYTEA" in ddl
    assert "BLOB" not in ddl and " REAL" not in ddl and "INTEGER" not in ddl
    assert display_name("postgresql://u:pw@db.example:5433/lakip?sslmode=require") == "postgresql://u@db.example:5433/lakip"
    assert display_name(Path("/x/hasil/lakip.sqlite")) == "lakip.sqlite"
