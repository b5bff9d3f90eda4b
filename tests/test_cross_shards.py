"""The cross-report rules run shard by shard from the store give the findings of the run over all reports."""

from __future__ import annotations

import json

from lakip.batch.cross import load_docs, run_cross
from lakip.batch.cross_shards import Loader, run_cross_sharded
from lakip.batch.store import Store
from lakip.config import Settings
from scale_corpus import local_batch


def _as_json(outcome) -> tuple:
    """Findings (in order, both languages), rules run and rules not run of a CrossOutcome."""
    return ([json.dumps([f.to_json("id"), f.to_json("en")], sort_keys=True) for f in outcome.findings],
            outcome.rules_run, [(n.rule, n.why("en")) for n in outcome.rules_not_run])


def test_sharded_cross_rules_equal_the_unsharded_run(request, tmp_path_factory, seed_text, samples_dir):
    """Tiny shards (2 reports, several X806 hash buckets) and one shard give the unsharded findings exactly."""
    result = local_batch(request, tmp_path_factory, seed_text, samples_dir)
    store = Store(result.summary.db_path)
    try:
        rows = store.run_rows(store.latest_run_id())
        whole = run_cross(load_docs(store, rows), Settings().selects)
        assert {f.rule for f in whole.findings} == {"X801", "X802", "X803", "X804", "X805", "X806"}
        for shard_size, bucket_docs in ((2, 2), (1, 3), (200, 500)):
            sharded = run_cross_sharded(store, rows, Settings().selects, shard_size, bucket_docs)
            assert _as_json(sharded) == _as_json(whole), (shard_size, bucket_docs)
        only = Settings(select=("X80",), ignore=("X806",)).selects
        assert _as_json(run_cross_sharded(store, rows, only, 2, 2)) == _as_json(run_cross(load_docs(store, rows), only))
        assert _as_json(result.summary.cross) == _as_json(whole)
    finally:
        store.close()


def test_light_views_hold_no_indicators_and_one_passage(request, tmp_path_factory, seed_text, samples_dir):
    """What is kept of every report is its people and tables: no indicators, one passage."""
    result = local_batch(request, tmp_path_factory, seed_text, samples_dir)
    store = Store(result.summary.db_path)
    try:
        loader = Loader(store, store.run_rows(store.latest_run_id()))
        row = loader.rows[0]
        light, full = loader.light(row), loader.full(row)
        assert full.facts.indicators and not light.facts.indicators
        assert light.facts.people == full.facts.people and light.facts.tables == full.facts.tables
        assert len(light.passages) == 1 and len(full.passages) > 50
    finally:
        store.close()
