"""The small batch the national-scale tests share: generated kecamatan reports plus the bundled sample.

``local_batch`` runs it once with the local executor into a folder under the
session's base temp folder; later calls rerun the same batch there, which
reuses every check (the store keeps them), so each test module can ask for it
cheaply. The corpus is the one of ``test_batch.py`` (nine DOCX of seven
kecamatan with planted cross-report errors, two kecamatan over two years).
"""

from __future__ import annotations

import json
import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from lakip.batch.sqlbackend import Target
from lakip.batch.store import Store
from lakip.batch.runner import BatchOptions, BatchResult, engine_id, run_batch
from lakip.config import Settings
from test_batch import cached_corpus

_ENGINE: list[str] = []


def engine() -> str:
    """The engine id of the running code (computed once)."""
    if not _ENGINE:
        _ENGINE.append(engine_id())
    return _ENGINE[0]


def corpus_files(request, tmp_path_factory, seed_text: str, samples_dir: Path) -> tuple[Path, ...]:
    """The generated DOCX reports and the bundled sample DOCX, sorted."""
    cache = getattr(request.config, "cache", None)
    cache_dir = cache.mkdir("lakip-batch") if cache is not None else tmp_path_factory.mktemp("lakip-batch")
    folder, _ = cached_corpus(seed_text, cache_dir)
    return tuple(sorted(folder.glob("*.docx"))) + (samples_dir / "lakip-kecamatan-alok-barat-2024.docx",)


def options(files, out: Path, db: Path | None = None, **kw) -> BatchOptions:
    """Batch options with default settings for every file."""
    settings = Settings()
    return BatchOptions(files=tuple(files), out_dir=out, db_path=db or out / "lakip.sqlite", settings=settings,
                        settings_for=lambda p: settings, engine=engine(), **kw)


def local_batch(request, tmp_path_factory, seed_text: str, samples_dir: Path) -> BatchResult:
    """The corpus checked by the local executor with 2 jobs (a rerun when another module ran it first)."""
    out = tmp_path_factory.getbasetemp() / "scale-local"
    files = corpus_files(request, tmp_path_factory, seed_text, samples_dir)
    return run_batch(options(files, out, jobs=2, timeout=120))


def stored(db: Target) -> dict:
    """Everything a run stored that must not depend on the executor: per document and cross-report findings."""
    store = Store(db)
    try:
        run = store.latest_run_id()
        rows = store.run_rows(run)
        docs = {Path(r.path).name: (r.status, r.instansi, r.tahun, r.pages, r.counts,
                                    [f.to_json("id") for f in store.findings_of(r.check_id)]) for r in rows}
        cross = sorted(json.dumps(f.to_json("en"), sort_keys=True) for f in store.cross_findings(run))
        return {"documents": docs, "cross": cross}
    finally:
        store.close()


PG_ENV = "LAKIP_TEST_PG"
"""The URL of a PostgreSQL database on a server the tests may create databases on (``.ci/run`` sets it)."""


@contextmanager
def pg_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the LAKIP_TEST_PG server, dropped afterwards; yields its URL."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against (.ci/run starts one)")
    psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL store needs the [scale] extra")
    name = f"lakip_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    parts = urlsplit(base)
    try:
        yield urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
