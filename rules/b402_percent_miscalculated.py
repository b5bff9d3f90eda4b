"""B402 percent-miscalculated: a stated % differs from realisasi / pagu x 100.

Apa yang diperiksa:
    Setiap baris anggaran yang mencantumkan pagu, realisasi dan persentase
    (juga baris "Jumlah" dan total, dan penyerapan % pada tabel efisiensi bila
    pagu dan realisasinya tercetak), serta kalimat narasi yang menyebut
    alokasi, realisasi dan persentasenya. Persentase dianggap benar bila sama
    dengan hasil pembulatan *atau* pemotongan (truncation) realisasi/pagu x 100
    pada jumlah desimal yang dicetak (rules.arith): 2/3 boleh ditulis 66,67
    atau 66,66, tetapi tidak 66,65. "100" untuk baris yang terserap penuh
    benar.

    Bila persentase yang salah dapat dijelaskan oleh satu sel yang juga
    membuat jumlah induknya salah (B401), sel itu disebutkan. Kalimat narasi
    yang mengulang angka baris tabel yang sama tidak dilaporkan dua kali:
    lokasinya ditambahkan pada temuan baris tabel.

    Pada tabel efisiensi yang hanya mencetak persentase, penyerapan setiap
    sasaran dibandingkan dengan jumlah anggaran dan realisasi program/kegiatan
    sasaran itu pada tabel anggaran per sasaran (schemas.sasaran_budget).

Mengapa penting:
    Persentase penyerapan dikutip di Ringkasan Eksekutif dan analisis
    efisiensi; angka yang tidak sesuai dengan pagu dan realisasinya membuat
    kesimpulan laporan tidak dapat dipercaya.

Contoh:
    ``Pembangunan Sarana dan Prasarana Kelurahan | 74.907.830 | 63.317.198 |
    92,54`` — 63.317.198 / 74.907.830 x 100 = 84,53 %, bukan 92,54 %.
"""

from __future__ import annotations

from typing import Iterator, Optional, Sequence

from lakip.values.figures import Figure
from lakip.rules import arith, needs
from lakip.rules.b401_sum_mismatch import Suggestion, explaining_cell, mismatches, suggestion_extra, \
    suggestion_values
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.budget_names import penyerapan, resolve, subject
from lakip.schemas.facts import LEVEL_EFISIENSI, BudgetLine, Facts, NarrativeAmount, Source

_BASE_ID = ("Persentase {stated} % tidak sesuai dengan realisasi {realisasi} dibagi pagu {pagu} "
            "(seharusnya {computed} %)")
_BASE_EN = "Percentage {stated} % does not match realisasi {realisasi} divided by pagu {pagu} (it is {computed} %)"

RULE = Rule(
    code="B402",
    slug="percent-miscalculated",
    severity="error",
    kriteria=(
        "Aritmetika: persentase realisasi anggaran = realisasi ÷ pagu × 100 %.",
        "Arithmetic: budget realisation % = realisasi ÷ pagu × 100 %.",
    ),
    sebab=(
        "Persentase diketik ulang atau tidak dihitung ulang setelah angka berubah.",
        "The percentage was retyped or not recomputed after the figures changed.",
    ),
    akibat=(
        "Tingkat penyerapan anggaran dan analisis efisiensi yang mengutipnya tidak benar.",
        "The absorption rate and the efisiensi analysis that quotes it are wrong.",
    ),
    rekomendasi=(
        "Menghitung ulang persentase dari pagu dan realisasi.",
        "Recompute the percentage from pagu and realisasi.",
    ),
    summary_id="Persentase realisasi tidak sesuai dengan realisasi dibagi pagu",
    summary_en="A stated % differs from realisasi / pagu x 100",
    messages={
        "default": (_BASE_ID, _BASE_EN),
        "sasaran": (
            "Penyerapan {stated} % tidak sesuai dengan jumlah realisasi {realisasi} dibagi jumlah pagu {pagu} "
            "sasaran ini pada {table} (seharusnya {computed} %)",
            "Absorption {stated} % does not match the total realisasi {realisasi} divided by the total pagu {pagu} "
            "of this sasaran in {table} (it is {computed} %)",
        ),
        "suggested": (
            _BASE_ID + "; {old} seharusnya {new}: dengan nilai itu jumlah dan persentase {percent} % sama-sama "
            "benar (lihat juga B401 pada {parent})",
            _BASE_EN + "; {old} should probably be {new}: with that value both the sum and the {percent} % are "
            "right (see also B401 on {parent})",
        ),
    },
    needs=needs.budget_lines(),
)


def computed_percent(pagu: Optional[Figure], realisasi: Optional[Figure]) -> Optional[arith.Interval]:
    """The range of realisasi / pagu x 100 the printed amounts allow (None when it cannot be computed)."""
    p, r = arith.amount(pagu), arith.amount(realisasi)
    if p is None or r is None:
        return None
    return arith.ratio_percent(r, p)


def wrong_percent(pagu: Optional[Figure], realisasi: Optional[Figure], percent: Optional[Figure]
                  ) -> Optional[float]:
    """realisasi/pagu x 100 when the printed % cannot be it, else None."""
    if percent is None or percent.value is None:
        return None
    ratio = computed_percent(pagu, realisasi)
    if ratio is None or arith.percent_consistent(percent, ratio):
        return None
    return ratio.mid


def _percent_of(line: BudgetLine) -> tuple[Optional[Figure], str]:
    """The realisasi % printed on a line and the cell it is in (penyerapan on a remainder row)."""
    if line.level == LEVEL_EFISIENSI:
        return penyerapan(line), "penyerapan"
    return line.percent, "percent"


def _suggestions(lines: Sequence[BudgetLine]) -> dict[int, tuple[Suggestion, BudgetLine]]:
    """id(line) → (the B401 suggestion that explains its %, the parent of that sum)."""
    out = {}
    for m in mismatches(lines):
        s = explaining_cell(m, lines)
        if s:
            out[id(s.line)] = (s, m.parent)
    return out


def _values(pagu: Figure, real: Figure, pct: Figure, computed: float) -> dict:
    """The contract values of one wrong percentage."""
    return {"stated": arith.as_printed(pct), "computed": round(computed, max(2, pct.decimals)),
            "pagu": arith.plain(pagu.value or 0.0), "realisasi": arith.plain(real.value or 0.0),
            "difference": round((pct.value or 0.0) - computed, max(2, pct.decimals))}


def _narrative_twin(amount: NarrativeAmount, lines: Sequence[BudgetLine]) -> Optional[BudgetLine]:
    """The table line a narrative sentence repeats figure for figure, if any."""
    hit = resolve(amount.subject, lines, amount.level)
    if not hit:
        return None
    for line in lines:
        if line.key == hit[0] and line.unit is None and all(
                _same(getattr(line, f), getattr(amount, f)) for f in ("pagu", "realisasi", "percent")):
            return line
    return None


def _same(a: Optional[Figure], b: Optional[Figure]) -> bool:
    """Whether two printed figures state the same value."""
    return a is not None and b is not None and a.value is not None and a.value == b.value


def _narrative_location(src: Source, fig: Figure) -> Location:
    """Where a narrative percentage is printed."""
    return Location.of(src, column=None, text=fig.text)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding for each printed % that realisasi / pagu x 100 cannot round or truncate to."""
    lines = facts.budget
    suggested = _suggestions(lines)
    echoes: dict[int, list[Location]] = {}
    loose: list[NarrativeAmount] = []
    for amount in facts.narrative_amounts:
        if amount.sisa is not None or wrong_percent(amount.pagu, amount.realisasi, amount.percent) is None:
            continue
        twin = _narrative_twin(amount, lines)
        if twin is not None and amount.percent is not None:
            echoes.setdefault(id(twin), []).append(_narrative_location(amount.source, amount.percent))
        else:
            loose.append(amount)
    for line in lines:
        pct, cell_name = _percent_of(line)
        computed = wrong_percent(line.pagu, line.realisasi, pct)
        if computed is None or pct is None or line.pagu is None or line.realisasi is None:
            continue
        values = _values(line.pagu, line.realisasi, pct, computed)
        locations = [Location.of(line.cell(cell_name), text=pct.text),
                     Location.of(line.cell("realisasi"), text=line.realisasi.text),
                     Location.of(line.cell("pagu"), text=line.pagu.text)] + echoes.get(id(line), [])
        variant, extra = "default", {}
        elsewhere = line.cell("pagu")
        if line.level == LEVEL_EFISIENSI and elsewhere.table_id != line.source.table_id:
            variant, extra = "sasaran", {"table": elsewhere.table or elsewhere.table_id}
        elif id(line) in suggested:
            s, parent = suggested[id(line)]
            values["suggested_cell"] = suggestion_values(s)
            extra = {**suggestion_extra(s), "parent": subject(parent)}
            variant = "suggested"
        yield RULE.finding(subject=subject(line), values=values, locations=locations, variant=variant,
                           extra=extra)
    for amount in loose:
        computed = wrong_percent(amount.pagu, amount.realisasi, amount.percent)
        if computed is None or amount.pagu is None or amount.realisasi is None or amount.percent is None:
            continue
        yield RULE.finding(subject=amount.subject,
                           values=_values(amount.pagu, amount.realisasi, amount.percent, computed),
                           locations=[_narrative_location(amount.source, amount.percent)])
