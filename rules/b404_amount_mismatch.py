"""B404 amount-mismatch: the same program, kegiatan or sub kegiatan has different amounts in different places.

Apa yang diperiksa:
    Pagu, realisasi dan sisa setiap program, kegiatan dan sub kegiatan (dan
    total anggaran, bila tabel rincian realisasi mempunyai satu baris total) di
    semua tempat laporan menyebutnya: tabel Perjanjian Kinerja, tabel analisis
    program, tabel rincian realisasi anggaran, dan kalimat narasi ("… dengan
    alokasi dana sebesar Rp. X,- terealisasi sebesar Rp. Y,- …"). Nama yang
    ditulis sedikit berbeda ("Program Pemberdayaan Masyarakat dan Kelurahan" /
    "… Desa Dan Kelurahan") dicocokkan dengan rapidfuzz (schemas.budget).
    Angka bagian satu unit (tabel per kelurahan) hanya dibandingkan dengan
    angka unit yang sama. Satu temuan per program/kegiatan dan per jenis angka,
    dengan semua tempatnya.

Mengapa penting:
    Pagu di Perjanjian Kinerja, di tabel realisasi dan di narasi berasal dari
    DPA/DPPA yang sama; bila berbeda, salah satunya salah ketik atau berasal
    dari dokumen anggaran yang lain (sebelum/sesudah perubahan).

Contoh:
    Pagu "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    3.744.272.913 pada Tabel 3.8 tetapi 3.744.227.913 pada Perjanjian Kinerja.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from lakip.values.figures import Figure, format_en, format_id
from lakip.rules import arith, needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.budget_names import resolve
from lakip.schemas.facts import LEVEL_TOTAL, ROLE_BUDGET, BudgetLine, Facts, NarrativeAmount, Source

AMOUNT_FIELDS = ("pagu", "realisasi", "sisa")
_FIELD_WORDS = {"pagu": ("Pagu", "Pagu"), "realisasi": ("Realisasi", "Realisasi"), "sisa": ("Sisa", "Sisa")}

RULE = Rule(
    code="B404",
    slug="amount-mismatch",
    severity="error",
    kriteria=(
        "Angka anggaran satu program/kegiatan sama di Perjanjian Kinerja, tabel realisasi dan narasi "
        "(semuanya bersumber dari DPA/DPPA yang sama).",
        "A program's/kegiatan's budget figures are the same in the Perjanjian Kinerja, the realisation "
        "table and the text (all come from the same DPA/DPPA).",
    ),
    sebab=(
        "Salah ketik, atau angka diambil dari dokumen anggaran yang berbeda (sebelum/sesudah perubahan).",
        "A typing error, or figures taken from different budget documents (before/after amendment).",
    ),
    akibat=(
        "Tidak diketahui angka anggaran mana yang benar.",
        "Which budget figure is right cannot be told.",
    ),
    rekomendasi=(
        "Menyamakan angka dengan DPA/DPPA yang berlaku dan menyebut dokumen sumbernya.",
        "Align the figures with the DPA/DPPA in force and name the source document.",
    ),
    summary_id="Program/kegiatan yang sama dengan angka anggaran berbeda di tempat berbeda",
    summary_en="The same program/activity has different amounts in different places",
    messages={
        "default": (
            "{field_id} {subject} berbeda di {n} tempat: {listing_id}",
            "{field_en} of {subject} differs between {n} places: {listing_en}",
        ),
    },
    needs=needs.budget_lines(),
)


@dataclass(frozen=True)
class Place:
    """One printed amount of an entity: the figure and where it is."""

    figure: Figure
    source: Source
    name: str


TOTAL = "total"
"""Group key of the report's grand total (the budget table's total row and the narrative's total)."""


def _grand_total(lines: Sequence[BudgetLine]) -> Optional[BudgetLine]:
    """The one total row of the report's realisation table(s), if there is exactly one."""
    totals = [x for x in lines if x.level == LEVEL_TOTAL and x.role == ROLE_BUDGET and x.unit is None]
    return totals[0] if len(totals) == 1 else None


def _group_key(line: BudgetLine, total: Optional[BudgetLine]) -> Optional[tuple[str, Optional[str]]]:
    """(entity key, unit) of a line, or None for lines that are not a program/kegiatan/sub kegiatan/the total."""
    if line is total:
        return TOTAL, None
    return (line.key, line.unit) if line.key else None


def places(facts: Facts) -> dict[tuple[tuple[str, Optional[str]], str], list[Place]]:
    """Every printed amount per (entity, unit) and field, from tables and narrative sentences."""
    out: dict[tuple[tuple[str, Optional[str]], str], list[Place]] = {}
    total = _grand_total(facts.budget)
    for line in facts.budget:
        group = _group_key(line, total)
        if group is None:
            continue
        for f in AMOUNT_FIELDS:
            fig = getattr(line, f)
            if fig is not None and fig.value is not None:
                out.setdefault((group, f), []).append(Place(fig, line.cell(f), line.name))
    for amount in facts.narrative_amounts:
        key = _narrative_key(amount, facts.budget, total)
        if key is None:
            continue
        for f in AMOUNT_FIELDS:
            fig = getattr(amount, f)
            if fig is not None and fig.value is not None:
                out.setdefault(((key, None), f), []).append(Place(fig, amount.source, amount.subject))
    return out


def _narrative_key(amount: NarrativeAmount, lines: Sequence[BudgetLine], total: Optional[BudgetLine]
                   ) -> Optional[str]:
    """The budget entity a narrative sentence is about (the grand total for a statement about the whole budget)."""
    if amount.level == LEVEL_TOTAL:
        return TOTAL if total is not None else None
    hit = resolve(amount.subject, lines, amount.level)
    return hit[0] if hit else None


def disagree_across_places(group: Sequence[Place]) -> bool:
    """Whether two places in different tables (or the narrative) state amounts that cannot be the same.

    One table listing a program twice with different amounts (e.g. split over
    indicators) is not by itself a mismatch between places.
    """
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            same_table = a.source.table_id is not None and a.source.table_id == b.source.table_id
            if not same_table and not consistent([a.figure, b.figure]):
                return True
    return False


def consistent(figs: Sequence[Figure]) -> bool:
    """Whether all printed figures can state one and the same value (their ranges share a point)."""
    ranges = [arith.of(f) for f in figs]
    known = [r for r in ranges if r is not None]
    return not known or max(r.low for r in known) <= min(r.high for r in known) + 1e-9


def _where(src: Source, lang: str) -> str:
    """A place in words: 'Tabel 3.8 hlm. 48 baris 2' / 'narasi hlm. 49'."""
    table = src.table or ("narasi" if lang == "id" else "narrative")
    page = f" hlm. {src.page}" if lang == "id" else f" p. {src.page}"
    row = (f" baris {src.row}" if lang == "id" else f" row {src.row}") if src.row is not None else ""
    return table + (page if src.page is not None else "") + row


def listing(group: Sequence[Place], lang: str) -> str:
    """'3.744.272.913 (Tabel 3.8 hlm. 48 baris 2; …); 3.744.227.913 (…)': places grouped by value."""
    by_value: dict[float, list[Place]] = {}
    for p in group:
        by_value.setdefault(p.figure.value or 0.0, []).append(p)
    fmt = format_id if lang == "id" else format_en
    parts = []
    for value, ps in by_value.items():
        decimals = 0 if float(value).is_integer() else 2
        parts.append(f"{fmt(value, decimals)} ({'; '.join(_where(p.source, lang) for p in ps)})")
    return "; ".join(parts)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per entity and field whose amounts differ between places."""
    for ((key, unit), field), group in places(facts).items():
        if len(group) < 2 or not disagree_across_places(group):
            continue
        subject = (group[0].name or "Total") + (f" ({unit})" if unit else "")
        values = {
            "field": field, "key": key, "unit": unit,
            "amounts": sorted({arith.plain(p.figure.value or 0.0) for p in group}),
            "places": [{"value": arith.plain(p.figure.value or 0.0), "table": p.source.table, "page": p.source.page,
                        "row": p.source.row, "text": p.figure.text} for p in group],
        }
        extra = {"field_id": _FIELD_WORDS[field][0], "field_en": _FIELD_WORDS[field][1], "n": len(group),
                 "listing_id": listing(group, "id"), "listing_en": listing(group, "en")}
        locations = [Location.of(p.source, text=p.figure.text) for p in group]
        yield RULE.finding(subject=subject, values=values, locations=locations, extra=extra)
