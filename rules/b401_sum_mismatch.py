"""B401 sum-mismatch: a parent row differs from the sum of its children.

Apa yang diperiksa:
    Setiap baris induk dalam tabel anggaran — total, program, kegiatan, baris
    "Jumlah" tabel per kelurahan/unit — dibandingkan dengan jumlah baris
    anaknya, untuk pagu, realisasi dan sisa. Struktur induk-anak dibaca dari
    penomoran dan tata letak tabel (schemas.hierarchy), bukan dari hasil
    penjumlahan, sehingga jumlah yang salah tetap terlihat salah. Hanya bila
    tata letak tidak membedakan tingkat (kegiatan dan sub kegiatan dicetak
    sama) penjumlahan yang menentukan; jumlah yang tidak dapat dipastikan
    strukturnya tidak dilaporkan. Toleransi
    berasal dari ketelitian angka yang dicetak: cocok bila rentang pembulatan
    kedua sisi beririsan.

    Tabel realisasi per periode (Triwulan I–IV, semester, bulan) diperiksa per
    periode: realisasi Triwulan II sebuah kegiatan dibandingkan dengan jumlah
    realisasi Triwulan II sub kegiatannya (schemas.periods); strukturnya
    ditentukan dari semua periode sekaligus.

    Bila tepat satu sel dapat menjelaskan sekaligus selisih jumlah dan
    persentase yang salah pada barisnya (mis. realisasi sub kegiatan salah
    ketik), sel itu disebutkan dalam temuan (``suggested_cell``).

Mengapa penting:
    Total yang tidak sama dengan rinciannya berarti salah satu angka salah
    ketik atau ada rincian yang hilang; pemeriksa tidak dapat mengetahui angka
    mana yang benar tanpa kembali ke DPA/LRA.

Contoh:
    Kegiatan ``Koordinasi Kegiatan Pemberdayaan Kelurahan`` mencantumkan
    realisasi 890.150.828, sedangkan keempat sub kegiatannya berjumlah
    884.150.828 (selisih 6.000.000). Sub kegiatan ``Pembangunan Sarana dan
    Prasarana Kelurahan`` 63.317.198 seharusnya 69.317.198: dengan nilai itu
    jumlah dan persentase 92,54 % sama-sama benar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from lakip.values.figures import Figure
from lakip.rules import arith, needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.budget_names import subject
from lakip.schemas.periods import period_of
from lakip.schemas.facts import LEVEL_EFISIENSI, BudgetLine, Facts

SUM_FIELDS = ("pagu", "realisasi", "sisa")
LEVEL_WORDS = {
    # level: (Indonesian, English singular, English plural)
    "total": ("total", "total", "totals"),
    "program": ("program", "program", "programs"),
    "kegiatan": ("kegiatan", "activity", "activities"),
    "subkegiatan": ("sub kegiatan", "sub-activity", "sub-activities"),
    "unit": ("unit", "unit", "units"),
    "jumlah": ("baris Jumlah", "'Jumlah' row", "rows"),
}
_SUGGEST_ID = "; {old} seharusnya {new}: dengan nilai itu jumlah dan persentase {percent} % sama-sama benar"
_SUGGEST_EN = "; {old} should probably be {new}: with that value both the sum and the {percent} % are right"

RULE = Rule(
    code="B401",
    slug="sum-mismatch",
    severity="error",
    kriteria=(
        "Aritmetika: pagu, realisasi dan sisa baris induk (total, program, kegiatan) sama dengan jumlah "
        "rinciannya dalam tabel laporan sendiri.",
        "Arithmetic: a parent row's (total, program, kegiatan) pagu, realisasi and sisa equal the sum of "
        "its children in the report's own table.",
    ),
    sebab=(
        "Angka diketik ulang, bukan dijumlahkan dari rinciannya.",
        "Figures were retyped, not summed from their detail.",
    ),
    akibat=(
        "Akuntabilitas keuangan tidak dapat diyakini; tidak diketahui angka mana yang benar tanpa kembali "
        "ke DPA/LRA.",
        "Financial accountability cannot be relied on; which figure is right cannot be told without going "
        "back to the DPA/LRA.",
    ),
    rekomendasi=(
        "Mencocokkan angka dengan DPA/DPPA dan LRA, lalu memperbaiki baris yang salah.",
        "Check the figures against the DPA/DPPA and LRA and correct the wrong row.",
    ),
    summary_id="Baris induk tidak sama dengan jumlah rinciannya",
    summary_en="A parent row differs from the sum of its children",
    messages={
        "default": (
            "Jumlah {field} {children_id} {computed} tidak sama dengan {field} {parent_id} {stated} (selisih {gap})",
            "The {children_en} add up to a {field} of {computed}, but the {parent_en} states {stated} "
            "(difference {gap})",
        ),
        "suggested": (
            "Jumlah {field} {children_id} {computed} tidak sama dengan {field} {parent_id} {stated} (selisih {gap})"
            + _SUGGEST_ID,
            "The {children_en} add up to a {field} of {computed}, but the {parent_en} states {stated} "
            "(difference {gap})" + _SUGGEST_EN,
        ),
    },
    needs=needs.budget_lines(),
)


@dataclass(frozen=True)
class Mismatch:
    """A parent whose figure in one field is not the sum of its children's."""

    parent: BudgetLine
    children: tuple[BudgetLine, ...]
    field: str
    stated: float
    computed: float

    @property
    def difference(self) -> float:
        """Stated minus computed: how much the children fall short of the parent."""
        return self.stated - self.computed


@dataclass(frozen=True)
class Suggestion:
    """The one cell that, corrected, makes both a sum and its row's printed % right."""

    line: BudgetLine
    field: str
    old: float
    new: float
    percent: Figure


def families(lines: Sequence[BudgetLine]) -> Iterator[tuple[BudgetLine, tuple[BudgetLine, ...]]]:
    """Each line that has children, with its children (remainder rows are never children)."""
    by_row = {(x.table_id, x.row): x for x in lines}
    kids: dict[tuple[str, int], list[BudgetLine]] = {}
    for x in lines:
        if x.parent is not None and x.level != LEVEL_EFISIENSI:
            kids.setdefault((x.table_id, x.parent), []).append(x)
    for key, children in kids.items():
        if key in by_row and by_row[key].level != LEVEL_EFISIENSI:
            yield by_row[key], tuple(children)


def _check(parent: BudgetLine, children: Sequence[BudgetLine], field: str,
           override: Optional[tuple[BudgetLine, float]] = None) -> Optional[bool]:
    """Whether the sum holds in one field (None when some figure is missing); ``override`` tries a new value."""
    def iv(line: BudgetLine) -> Optional[arith.Interval]:
        if override and line is override[0]:
            return arith.Interval.exact(override[1])
        return arith.amount(getattr(line, field))
    top = iv(parent)
    parts = [iv(c) for c in children]
    if top is None or any(p is None for p in parts):
        return None
    return arith.sum_consistent(top, [p for p in parts if p is not None])


def mismatches(lines: Sequence[BudgetLine]) -> list[Mismatch]:
    """Every parent/children pair whose figures do not add up, per field."""
    out = []
    for parent, children in families(lines):
        for field in SUM_FIELDS:
            if _check(parent, children, field) is False:
                stated = getattr(parent, field).value or 0.0
                computed = sum(getattr(c, field).value or 0.0 for c in children)
                out.append(Mismatch(parent, children, field, stated, computed))
    return out


def _percent_fits(line: BudgetLine, field: str, value: float) -> Optional[bool]:
    """Whether the row's printed % agrees with realisasi/pagu when ``field`` takes ``value``."""
    if line.percent is None or line.percent.value is None or field not in ("pagu", "realisasi"):
        return None
    pagu = arith.Interval.exact(value) if field == "pagu" else arith.amount(line.pagu)
    real = arith.Interval.exact(value) if field == "realisasi" else arith.amount(line.realisasi)
    if pagu is None or real is None:
        return None
    ratio = arith.ratio_percent(real, pagu)
    return None if ratio is None else arith.percent_consistent(line.percent, ratio)


def _keeps_other_sums(line: BudgetLine, field: str, value: float, lines: Sequence[BudgetLine],
                      skip: BudgetLine) -> bool:
    """Whether changing a cell leaves every other sum it takes part in (and that held) still holding."""
    for parent, children in families(lines):
        if parent is skip or (line is not parent and not any(c is line for c in children)):
            continue
        if _check(parent, children, field) and not _check(parent, children, field, (line, value)):
            return False
    return True


def explaining_cell(m: Mismatch, lines: Sequence[BudgetLine]) -> Optional[Suggestion]:
    """The single cell whose correction makes both the sum and that row's printed % right, if exactly one."""
    found = []
    candidates = [(c, getattr(c, m.field).value, m.difference) for c in m.children]
    candidates.append((m.parent, getattr(m.parent, m.field).value, -m.difference))
    for line, old, delta in candidates:
        if old is None or old + delta < 0:
            continue
        new = old + delta
        if _percent_fits(line, m.field, old) is False and _percent_fits(line, m.field, new) \
                and _keeps_other_sums(line, m.field, new, lines, m.parent):
            found.append(Suggestion(line, m.field, old, new, line.percent))  # type: ignore[arg-type]
    return found[0] if len(found) == 1 else None


def suggestion_values(s: Suggestion) -> dict:
    """The ``suggested_cell`` value of a finding."""
    src = s.line.cell(s.field)
    return {"subject": s.line.name, "table": src.table, "page": src.page, "row": src.row, "column": src.column,
            "stated": arith.plain(s.old), "suggested": arith.plain(s.new), "percent": s.percent.value}


def suggestion_extra(s: Suggestion) -> dict:
    """The message parts of a suggestion."""
    return {"old": arith.plain(s.old), "new": arith.plain(s.new), "percent": arith.as_printed(s.percent)}


def _words(m: Mismatch) -> dict:
    """Level words for the message."""
    child_levels = {c.level for c in m.children}
    child = LEVEL_WORDS.get(child_levels.pop(), ("rincian", "item", "items")) if len(child_levels) == 1 \
        else ("rincian", "item", "items")
    parent = LEVEL_WORDS.get(m.parent.level, ("induk", "parent row", "parent rows"))
    return {"children_id": child[0], "children_en": child[2], "parent_id": parent[0], "parent_en": parent[1]}


def finding_of(m: Mismatch, lines: Sequence[BudgetLine]) -> Finding:
    """The finding of one mismatch, naming the explaining cell when there is one."""
    values: dict[str, object] = {"field": m.field, "stated": arith.plain(m.stated),
                                 "computed": arith.plain(m.computed), "difference": arith.plain(m.difference),
                                 "level": m.parent.level, "children": len(m.children)}
    extra = {"gap": arith.plain(abs(m.difference)), **_words(m)}
    period = period_of(m.parent.table_id)
    if period:
        extra["field"] = f"{m.field} {period}"
    variant = "default"
    suggestion = explaining_cell(m, lines)
    if suggestion:
        values["suggested_cell"] = suggestion_values(suggestion)
        extra.update(suggestion_extra(suggestion))
        variant = "suggested"
    field_of = getattr(m.parent, m.field)
    locations = [Location.of(m.parent.cell(m.field), text=field_of.text)]
    locations += [Location.of(c.cell(m.field), text=getattr(c, m.field).text) for c in m.children]
    return RULE.finding(subject=subject(m.parent), values=values, locations=locations, variant=variant,
                        extra=extra)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding for each parent row whose pagu, realisasi or sisa is not the sum of its children."""
    for m in mismatches(facts.budget):
        yield finding_of(m, facts.budget)
