"""S102 table-reference-broken: the text cites a table number no table has, or numbers skip.

Apa yang diperiksa:
    (1) Setiap rujukan di teks ke nomor tabel ("dapat dilihat pada tabel 3.4",
    "Tabel 3.1 dan 3.2") harus menunjuk ke tabel yang judulnya bernomor itu.
    (2) Nomor judul tabel harus berurutan di dalam setiap bab: Tabel 3.3 diikuti
    Tabel 3.4, bukan 3.5; tidak ada nomor ganda atau mundur. Judul lanjutan
    ("Tabel 3.8 (lanjutan)") tidak dihitung dua kali.

Mengapa penting:
    Rujukan yang putus membuat pembaca tidak dapat menemukan data yang dimaksud;
    nomor yang melompat biasanya tanda tabel terhapus atau bagian disalin dari
    laporan lain.

Contoh:
    Bab III menulis "dapat dilihat pada tabel 3.4", tetapi setelah Tabel 3.3
    langsung Tabel 3.5: dua temuan, rujukan ke Tabel 3.4 dan nomor yang melompat.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from lakip.ingest.captions import table_label
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import Facts, Source, TableInfo

_CONTINUED = re.compile(r"\b(?:lanjutan|sambungan|lanj\.?|continued)\b", re.I)


def numbered(facts: Facts) -> list[tuple[tuple[int, ...], str, TableInfo]]:
    """Tables with a numbered caption, in document order: (number parts, label, table)."""
    out = []
    for t in facts.tables:
        label = table_label(t.caption or "")
        if label and all(p.isdigit() for p in label.split(".")):
            out.append((tuple(int(p) for p in label.split(".")), label, t))
    return out


def _need(facts: Facts) -> Optional[tuple[str, str]]:
    """The rule needs at least one table with a numbered caption."""
    if numbered(facts):
        return None
    return ("tidak ada tabel dengan judul bernomor (Tabel N.N)", "no table has a numbered caption (Tabel N.N)")


RULE = Rule(
    code="S102",
    slug="table-reference-broken",
    severity="info",
    kriteria=(
        "Rujukan dalam teks harus menunjuk tabel yang ada dalam laporan, dan tabel bernomor urut "
        "(kelengkapan penyajian, Lampiran PermenPANRB 53/2014).",
        "References in the text must point to tables in the report, and tables are numbered in order "
        "(completeness of presentation, annex of PermenPANRB 53/2014).",
    ),
    sebab=(
        "Tabel dihapus atau dipindah tanpa memperbarui nomor dan rujukannya.",
        "A table was deleted or moved without updating its number and the references to it.",
    ),
    akibat=(
        "Pembaca tidak dapat menemukan data yang dirujuk; penyajian laporan tidak lengkap.",
        "Readers cannot find the data referred to; the report is incomplete.",
    ),
    rekomendasi=(
        "Menyesuaikan nomor tabel dan rujukannya, atau melengkapi tabel yang dirujuk.",
        "Renumber the tables and their references, or add the table referred to.",
    ),
    summary_id="Rujukan ke nomor tabel yang tidak ada, atau nomor tabel tidak berurutan",
    summary_en="Reference to a table number that does not exist, or table numbers out of sequence",
    messages={
        "reference": (
            "Teks merujuk ke {subject}, tetapi tidak ada tabel dengan nomor itu",
            "The text refers to {subject}, but no table has that number",
        ),
        "gap": (
            "Nomor tabel melompat dari Tabel {previous} ke {subject}: {missing} tidak ada",
            "Table numbers jump from Tabel {previous} to {subject}: {missing} does not exist",
        ),
        "first": (
            "{subject} adalah tabel bernomor pertama di bab ini: {missing} tidak ada",
            "{subject} is the first numbered table of its chapter: {missing} does not exist",
        ),
        "order": (
            "{subject} muncul sesudah Tabel {previous}: nomor tabel mundur atau ganda",
            "{subject} comes after Tabel {previous}: table numbers go back or repeat",
        ),
    },
    needs=_need,
)


def _where(t: TableInfo, text: Optional[str]) -> Location:
    """The location of a table's caption."""
    return Location.of(Source(page=t.pages[0] if t.pages else None, table=f"Tabel {table_label(t.caption or '')}",
                              table_id=t.table_id, text=text or t.caption))


def broken_references(facts: Facts, labels: set[str]) -> Iterator[Finding]:
    """One finding per cited table number that no caption has, with every place it is cited."""
    cited: dict[str, list] = {}
    for ref in facts.table_refs:
        if ref.label not in labels:
            cited.setdefault(ref.label, []).append(ref)
    for label, refs in cited.items():
        yield RULE.finding(subject=f"Tabel {label}", values={"table": label},
                           locations=[Location.of(r.source) for r in refs], variant="reference")


def _missing(parts: tuple[int, ...], start: int, stop: int) -> str:
    """'Tabel 3.4' or 'Tabel 3.4 sampai 3.6' for the numbers start..stop-1 under a chapter prefix."""
    head = ".".join(str(p) for p in parts[:-1])

    def name(n: int) -> str:
        """The table number n under the chapter prefix."""
        return f"{head}.{n}" if head else str(n)

    return f"Tabel {name(start)}" if stop - start == 1 else f"Tabel {name(start)} sampai {name(stop - 1)}"


def sequence(facts: Facts) -> Iterator[Finding]:
    """Findings for captions numbered out of sequence (gaps, repeats, going back)."""
    prev: Optional[tuple[tuple[int, ...], str, TableInfo]] = None
    for parts, label, table in numbered(facts):
        if prev is not None and parts == prev[0] and (_CONTINUED.search(table.caption or "")
                                                       or table.caption == prev[2].caption):
            continue
        subject = f"Tabel {label}"
        values = {"table": label, "previous": prev[1] if prev else None}
        same_chapter = prev is not None and parts[:-1] == prev[0][:-1]
        if same_chapter and prev is not None and parts[-1] > prev[0][-1] + 1:
            yield RULE.finding(subject, values, [_where(prev[2], None), _where(table, None)], variant="gap",
                               extra={"missing": _missing(parts, prev[0][-1] + 1, parts[-1])})
        elif prev is not None and parts <= prev[0]:
            yield RULE.finding(subject, values, [_where(prev[2], None), _where(table, None)], variant="order")
        elif not same_chapter and parts[-1] > 1 and (prev is None or parts[:-1] > prev[0][:-1]):
            yield RULE.finding(subject, values, [_where(table, None)], variant="first",
                               extra={"missing": _missing(parts, 1, parts[-1])})
        prev = (parts, label, table)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield findings for broken table references and out-of-sequence table numbers."""
    labels = {label for _, label, _ in numbered(facts)}
    yield from broken_references(facts, labels)
    yield from sequence(facts)
