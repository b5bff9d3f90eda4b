"""X806 passage-copied: a long passage is identical to one in another instansi's report.

Apa yang diperiksa:
    Teks berjalan laporan-laporan dalam satu pemeriksaan massal dibandingkan
    per rangkaian 8 kata (angka dan nama wilayah milik laporan itu sendiri
    disamarkan). Rangkaian yang juga ada di laporan instansi lain membentuk
    bagian yang sama; bagian sepanjang sedikitnya 40 kata yang hanya ada di
    dua instansi — dan sama menurut rapidfuzz — dilaporkan dengan letaknya di
    kedua laporan (satu temuan per pasangan laporan, paling banyak 10 bagian
    terpanjang). Teks yang ada di tiga instansi atau lebih adalah templat
    bersama dan tidak dilaporkan; karena itu aturan ini perlu sedikitnya tiga
    instansi. Laporan instansi yang sama (tahun lain) tidak dibandingkan.

Mengapa penting:
    Analisis capaian harus menggambarkan instansi itu sendiri. Uraian yang
    sama kata demi kata dengan laporan instansi lain menandakan salinan yang
    belum disesuaikan; pemeriksa perlu menilai apakah isinya benar.

Contoh:
    Paragraf analisis kegagalan Indeks Kepuasan Masyarakat di laporan
    Kecamatan Nita (halaman 37) sama dengan paragraf di laporan Kecamatan
    Doreng (halaman 36), 64 kata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from rapidfuzz import fuzz

from lakip.rules.corpus import TERRITORIAL, CrossDoc, Passage, is_territorial, locate_passage
from lakip.rules.base import Finding, Rule

SHINGLE = 8
"""Words per compared sequence."""
MIN_WORDS = 40
"""Shortest shared passage reported."""
TEMPLATE = 3
"""A sequence found in this many instansi or more is shared template text."""
SAME_TEXT = 90
"""rapidfuzz ratio from which two passages are the same text."""
MAX_PER_PAIR = 10
"""How many passages one pair of reports lists at most (longest first)."""
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def _needs(docs: Sequence[CrossDoc]) -> Optional[tuple[str, str]]:
    """Template text cannot be told from a copy with fewer than three instansi."""
    n = len({d.key for d in docs})
    if n >= TEMPLATE:
        return None
    return (f"perlu sedikitnya {TEMPLATE} instansi untuk membedakan templat dari salinan (ada {n})",
            f"needs at least {TEMPLATE} instansi to tell template text from a copy (found {n})")


RULE = Rule(
    code="X806",
    slug="passage-copied",
    severity="info",
    kriteria=(
        "Analisis capaian menggambarkan instansi itu sendiri (reviu aspek Mekanisme Penyusunan butir 6).",
        "The analysis of capaian describes the instansi itself (reviu Mekanisme Penyusunan item 6).",
    ),
    sebab=(
        "Uraian disalin dari laporan instansi lain.",
        "The text was copied from another instansi's report.",
    ),
    akibat=(
        "Analisis mungkin tidak sesuai dengan kondisi instansi.",
        "The analysis may not fit the instansi.",
    ),
    rekomendasi=(
        "Menyusun analisis berdasarkan data instansi sendiri.",
        "Write the analysis from the instansi's own data.",
    ),
    summary_id="Bagian teks yang panjang sama dengan laporan instansi lain",
    summary_en="A long passage is identical to one in another instansi's report",
    messages={
        "default": (
            "{passages} bagian teks ({words} kata) di {report} sama dengan bagian di {other}",
            "{passages} passages ({words} words) in {report} are identical to passages in {other}",
        ),
    },
    needs=_needs,  # type: ignore[arg-type]  # cross rules get the batch's documents
)


@dataclass(frozen=True)
class Stream:
    """A report's running text as words: printed forms, compared forms, passage of each word."""

    doc: CrossDoc
    printed: tuple[str, ...]
    compared: tuple[str, ...]
    passage: tuple[int, ...]
    passages: tuple[Passage, ...]
    shingles: tuple[int, ...]
    """The hash of every run of SHINGLE compared words, by start position."""


def _masked(doc: CrossDoc) -> set[str]:
    """Words of the report's own place names, hidden before comparing."""
    if not is_territorial(doc.key):
        return set()
    names = [doc.key] + [(t.unit or "").casefold() for t in doc.facts.tables if t.unit]
    return {w for n in names for w in _TOKEN.findall(n) if w not in TERRITORIAL}


def stream(doc: CrossDoc) -> Stream:
    """A report's running text prepared for comparison."""
    hidden = _masked(doc)
    printed: list[str] = []
    compared: list[str] = []
    owner: list[int] = []
    passages = doc.text_passages()
    for k, p in enumerate(passages):
        for w in _TOKEN.findall(p.text):
            low = w.casefold()
            printed.append(w)
            compared.append("@" if low in hidden else re.sub(r"\d+", "0", low))
            owner.append(k)
    hashes = tuple(hash(tuple(compared[i:i + SHINGLE])) for i in range(len(compared) - SHINGLE + 1))
    return Stream(doc, tuple(printed), tuple(compared), tuple(owner), passages, hashes)


def runs(positions: Sequence[int], gap: int = 2) -> list[tuple[int, int]]:
    """Sorted shingle positions as (first, last) runs allowing small gaps."""
    out: list[tuple[int, int]] = []
    for p in positions:
        if out and p - out[-1][1] <= gap + 1:
            out[-1] = (out[-1][0], p)
        else:
            out.append((p, p))
    return out


def trim(s: Stream, lo: int, hi: int) -> tuple[int, int]:
    """A span without the few words of a neighbouring passage that a boundary-crossing sequence pulled in."""
    while lo < hi and s.passage[lo] != s.passage[hi - 1]:
        head = next(i for i in range(lo, hi) if s.passage[i] != s.passage[lo])
        if head - lo >= SHINGLE:
            break
        lo = head
    while lo < hi and s.passage[lo] != s.passage[hi - 1]:
        tail = next(i for i in range(hi - 1, lo - 1, -1) if s.passage[i] != s.passage[hi - 1]) + 1
        if hi - tail >= SHINGLE:
            break
        hi = tail
    return lo, hi


def _shared(a: Stream, b: Stream, common: set[int]) -> list[tuple[int, int, int, int]]:
    """Word spans (a_start, a_end, b_start, b_end) of long passages a and b share."""
    hits = [i for i, h in enumerate(a.shingles) if h in common]
    first: dict[int, int] = {}
    for i, h in enumerate(b.shingles):
        if h in common:
            first.setdefault(h, i)
    spans = []
    for lo, hi in runs(hits):
        if hi - lo + SHINGLE < MIN_WORDS:
            continue
        where = sorted(first[h] for h in a.shingles[lo:hi + 1] if h in first)
        b_lo, b_hi = where[0], where[-1] + SHINGLE
        text_a, text_b = " ".join(a.compared[lo:hi + SHINGLE]), " ".join(b.compared[b_lo:b_hi])
        a_lo, a_hi = trim(a, lo, hi + SHINGLE)
        if a_hi - a_lo >= MIN_WORDS and fuzz.ratio(text_a, text_b) >= SAME_TEXT:
            spans.append((a_lo, a_hi, *trim(b, b_lo, b_hi)))
    unique = {(s[2], s[3]): s for s in sorted(spans, key=lambda s: s[0] - s[1], reverse=True)}
    return sorted(unique.values(), key=lambda s: s[0] - s[1])[:MAX_PER_PAIR]


def _text(s: Stream, lo: int, hi: int, limit: int = 240) -> str:
    """The printed words of a span, shortened."""
    text = " ".join(s.printed[lo:hi])
    return text if len(text) <= limit else text[:limit - 1] + "…"


def candidates(streams: Sequence[Stream]) -> dict[tuple[int, int], set[int]]:
    """Pairs of reports of two instansi with the word sequences only they share (no third instansi)."""
    owners: dict[int, set[str]] = {}
    holders: dict[int, set[int]] = {}
    for n, s in enumerate(streams):
        key = s.doc.key
        for h in set(s.shingles):
            owners.setdefault(h, set()).add(key)
            holders.setdefault(h, set()).add(n)
    out: dict[tuple[int, int], set[int]] = {}
    for h, keys in owners.items():
        if len(keys) != 2:
            continue
        held = sorted(holders[h])
        for x, i in enumerate(held):
            for j in held[x + 1:]:
                if streams[i].doc.key != streams[j].doc.key:
                    out.setdefault((i, j), set()).add(h)
    return out


def check(docs: Sequence[CrossDoc]) -> Iterator[Finding]:
    """Yield one finding per pair of reports sharing long passages that no third instansi has."""
    streams = [stream(d) for d in docs]
    for (i, j), common in sorted(candidates(streams).items()):
        a, b = streams[i], streams[j]
        spans = _shared(a, b, common)
        if not spans:
            continue
        spans.sort(key=lambda s: s[0])
        lo, hi = spans[0][:2]
        yield RULE.finding(
            subject=_text(a, lo, min(hi, lo + 12), 120),
            values={"passages": len(spans), "words": sum(s[1] - s[0] for s in spans),
                    "other_document": b.doc.document},
            locations=[loc for a_lo, a_hi, b_lo, b_hi in spans
                       for loc in (locate_passage(a.doc, a.passages[a.passage[a_lo]], _text(a, a_lo, a_hi)),
                                   locate_passage(b.doc, b.passages[b.passage[b_lo]], _text(b, b_lo, b_hi)))],
            extra={"report": a.doc.label, "other": b.doc.label},
        )
