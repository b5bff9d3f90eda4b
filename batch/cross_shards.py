"""The cross-report rules run shard by shard from the store, never holding every report's facts at once.

What each rule compares decides its shards (the findings are those of
``cross.run_cross`` over all reports, in the same order — tested):

- A *light* view of every report is kept: its people, its tables' captions and
  units, its first text passage — a few kilobytes a report. X801
  (person-nip-differs) and X802 (nip-shared) compare only people, so they run
  on the light views of all reports at once; ``needs`` of every rule is asked
  of them too.
- X803 (previous-realisasi-mismatch) and X804 (renstra-target-changed) compare
  only the reports of one instansi (consecutive or earlier years): they run per
  instansi, with that instansi's reports loaded whole (indicators, passages).
- X805 (other-instansi-named) needs every report's own places (the light views
  hold them) and the text of the reports it searches: it runs on shards of
  ``shard_size`` territorial reports at a time with all their passages, the
  others light, and keeps the findings about the shard's reports.
- X806 (passage-copied) needs to know which 8-word sequences occur in exactly
  two instansi: a first pass reads the reports one at a time and counts, for
  the sequences of one hash bucket at a time, the instansi holding them; a
  second pass compares only the pairs of reports that share such sequences,
  two reports in memory at a time.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Callable, Iterator, Optional, Sequence

from lakip.rules.corpus import CrossDoc, by_instansi, is_territorial, locate_passage
from lakip.batch.cross import CrossOutcome
from lakip.batch.factsio import CROSS_FIELDS, unpack_facts, unpack_passages
from lakip.batch.store import CheckRow, Store
from lakip.rules import x806_passage_copied as x806
from lakip.rules.base import Finding
from lakip.rules.registry import CROSS_RULES
from lakip.rules.runner import NotRun, sort_key

LIGHT_FIELDS = ("people", "tables")
"""The collections of Facts kept for every report."""
PEOPLE_ONLY = ("X801", "X802")
"""Rules that read only the people of each report (and its instansi, year and name)."""
SHARD_SIZE = 200
"""Territorial reports searched at a time by X805."""
STREAMS_KEPT = 32
"""X806 word streams kept in memory while comparing pairs of reports."""
BUCKET_DOCS = 500
"""X806 counts the sequences of one hash bucket per pass, one bucket per this many reports."""


class Loader:
    """Reads one report's stored facts and passages as a CrossDoc, whole or light."""

    def __init__(self, store: Store, rows: Sequence[CheckRow]):
        self.store = store
        self.rows = [r for r in rows if r.status == "ok"]

    def full(self, row: CheckRow) -> Optional[CrossDoc]:
        """The report with every collection the X rules read and all its passages."""
        facts_blob, passages_blob = self.store.facts_of(row.check_id)
        if facts_blob is None:
            return None
        return CrossDoc(row.path, unpack_facts(facts_blob, CROSS_FIELDS), unpack_passages(passages_blob))

    def light(self, row: CheckRow) -> Optional[CrossDoc]:
        """The report's people and tables, with its first passage."""
        facts_blob, passages_blob = self.store.facts_of(row.check_id)
        if facts_blob is None:
            return None
        return CrossDoc(row.path, unpack_facts(facts_blob, LIGHT_FIELDS), unpack_passages(passages_blob)[:1])

    def text(self, row: CheckRow, light: CrossDoc) -> CrossDoc:
        """A light view with all the report's passages (its facts are not decoded again)."""
        return replace(light, passages=unpack_passages(self.store.facts_of(row.check_id)[1]))


def _x803_x804(check: Callable, light: Sequence[CrossDoc], load: Callable[[str], CrossDoc]) -> Iterator[Finding]:
    """Run a per-instansi rule on each instansi's reports, loaded whole."""
    for group in by_instansi(light).values():
        if len(group) > 1:
            yield from check([load(d.document) for d in group])


def _x805(check: Callable, light: Sequence[CrossDoc], text: Callable[[str], CrossDoc],
          shard_size: int) -> Iterator[Finding]:
    """Run X805 on shards of territorial reports with all their passages, the others light."""
    searched = [d.document for d in light if is_territorial(d.key)]
    for start in range(0, len(searched), shard_size):
        shard = set(searched[start:start + shard_size])
        docs = [text(d.document) if d.document in shard else d for d in light]
        yield from (f for f in check(docs) if f.locations and f.locations[0].document in shard)


def _x806(light: Sequence[CrossDoc], text: Callable[[str], CrossDoc], bucket_docs: int) -> Iterator[Finding]:
    """X806 in two passes: the sequences held by exactly two instansi, then only the pairs sharing them."""
    buckets = max(1, -(-len(light) // bucket_docs))
    common: dict[tuple[int, int], set[int]] = {}
    for bucket in range(buckets):
        owners: dict[int, Optional[set[str]]] = {}
        holders: dict[int, list[int]] = {}
        for n, d in enumerate(light):
            for h in set(x806.stream(text(d.document)).shingles):
                if h % buckets != bucket:
                    continue
                keys = owners.setdefault(h, set())
                if keys is None:
                    continue
                keys.add(d.key)
                if len(keys) > 2:  # template text: forget who holds it
                    owners[h] = None
                    holders.pop(h, None)
                    continue
                holders.setdefault(h, []).append(n)
        for h, keys in owners.items():
            if keys is None or len(keys) != 2:
                continue
            held = holders[h]
            for x, i in enumerate(held):
                for j in held[x + 1:]:
                    if light[i].key != light[j].key:
                        common.setdefault((i, j), set()).add(h)

    @lru_cache(maxsize=STREAMS_KEPT)
    def stream(n: int) -> x806.Stream:
        """The stream of the n-th report (the last few kept)."""
        return x806.stream(text(light[n].document))

    for (i, j), shared in sorted(common.items()):
        finding = pair_finding(stream(i), stream(j), shared)
        if finding is not None:
            yield finding


def pair_finding(a: x806.Stream, b: x806.Stream, common: set[int]) -> Optional[Finding]:
    """X806's finding for one pair of reports and the sequences only they share (as ``x806.check`` makes it)."""
    spans = x806._shared(a, b, common)
    if not spans:
        return None
    spans.sort(key=lambda s: s[0])
    lo, hi = spans[0][:2]
    return x806.RULE.finding(
        subject=x806._text(a, lo, min(hi, lo + 12), 120),
        values={"passages": len(spans), "words": sum(s[1] - s[0] for s in spans), "other_document": b.doc.document},
        locations=[loc for a_lo, a_hi, b_lo, b_hi in spans
                   for loc in (locate_passage(a.doc, a.passages[a.passage[a_lo]], x806._text(a, a_lo, a_hi)),
                               locate_passage(b.doc, b.passages[b.passage[b_lo]], x806._text(b, b_lo, b_hi)))],
        extra={"report": a.doc.label, "other": b.doc.label},
    )


def run_cross_sharded(store: Store, rows: Sequence[CheckRow], selects: Callable[[str], bool],
                      shard_size: int = SHARD_SIZE, bucket_docs: int = BUCKET_DOCS) -> CrossOutcome:
    """Every selected X rule's findings over the run's reports, loaded from the store shard by shard."""
    loader = Loader(store, rows)
    by_path = {r.path: r for r in loader.rows}
    light = [d for d in (loader.light(r) for r in loader.rows) if d is not None]
    light_of = {d.document: d for d in light}

    def load(path: str) -> CrossDoc:
        """One report loaded whole."""
        return loader.full(by_path[path])  # type: ignore[return-value]  # light docs exist only with facts

    def text(path: str) -> CrossDoc:
        """One report's people, tables and every passage (what X806 reads)."""
        return loader.text(by_path[path], light_of[path])

    findings: list[Finding] = []
    ran: list[str] = []
    not_run: list[NotRun] = []
    for entry in CROSS_RULES:
        code = entry.rule.code
        if not selects(code):
            continue
        if len(light) < 2:
            not_run.append(NotRun(code, f"perlu sedikitnya 2 laporan yang terbaca (ada {len(light)})",
                                  f"needs at least 2 readable reports (found {len(light)})"))
            continue
        why = entry.rule.needs(light)  # type: ignore[arg-type]  # X rules' needs get the batch's documents
        if why:
            not_run.append(NotRun(code, why[0], why[1]))
            continue
        try:
            if code in ("X803", "X804"):
                found = list(_x803_x804(entry.check, light, load))
            elif code == "X805":
                found = list(_x805(entry.check, light, text, shard_size))
            elif code == "X806":
                found = list(_x806(light, text, bucket_docs))
            elif code in PEOPLE_ONLY:
                found = list(entry.check(light))  # type: ignore[arg-type]
            else:  # a rule without a shard plan sees every report whole
                found = list(entry.check([load(d.document) for d in light]))  # type: ignore[arg-type]
        except Exception as exc:  # one faulty rule must not hide the others
            not_run.append(NotRun(code, f"aturan gagal dijalankan: {type(exc).__name__}: {exc}",
                                  f"rule failed: {type(exc).__name__}: {exc}"))
            continue
        ran.append(code)
        findings.extend(found)
    return CrossOutcome(tuple(sorted(findings, key=sort_key)), tuple(ran), tuple(not_run))
