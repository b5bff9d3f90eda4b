"""B405 efisiensi-miscalculated: a stated sisa/efisiensi is not pagu - realisasi, or its % not 100 - penyerapan %.

Apa yang diperiksa:
    * Sisa anggaran yang tercetak pada baris anggaran: harus sama dengan pagu
      dikurangi realisasi baris itu.
    * Baris "Jumlah efisiensi …"/"Sisa …" di bawah baris "Jumlah" (tabel per
      kelurahan/unit): jumlahnya harus sama dengan pagu - realisasi baris
      Jumlah, persentasenya dengan 100 - persentase penyerapan baris Jumlah
      (atau sisa/pagu x 100 bila penyerapan tidak tercetak).
    * Tabel analisis efisiensi: "Tingkat Efisiensi %" harus sama dengan
      100 - "Penyerapan Anggaran %" pada baris yang sama.
    * Kalimat narasi yang menyebut alokasi, realisasi dan efisiensi/sisa.
    Toleransi dari ketelitian angka yang dicetak; persentase boleh dibulatkan
    atau dipotong (rules.arith).

Mengapa penting:
    Efisiensi adalah dasar "Analisis atas Efisiensi Penggunaan Sumber Daya"
    dalam Bab III; efisiensi yang tidak sesuai dengan pagu dan realisasinya
    membuat analisis itu tidak dapat dipertanggungjawabkan.

Contoh:
    ``Jumlah | 356.290.980,00 | 345.167.060,00 | 96,88`` lalu ``Jumlah efisiensi
    | 11.123.920,00 | 3,12`` — benar: 356.290.980 - 345.167.060 = 11.123.920
    dan 100 - 96,88 = 3,12. Efisiensi 3,40 % di samping penyerapan 96,70 %
    akan dilaporkan.
"""

from __future__ import annotations

from typing import Iterator, Optional

from lakip.values.figures import Figure
from lakip.rules import arith, needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.budget_names import penyerapan, subject
from lakip.schemas.facts import LEVEL_EFISIENSI, BudgetLine, Facts, NarrativeAmount, Source

RULE = Rule(
    code="B405",
    slug="efisiensi-miscalculated",
    severity="error",
    kriteria=(
        "Aritmetika: sisa/efisiensi = pagu − realisasi, dan persentase efisiensi = 100 % − persentase "
        "realisasi (analisis efisiensi penggunaan sumber daya, Bab III LKjIP).",
        "Arithmetic: sisa/efisiensi = pagu − realisasi, and efisiensi % = 100 % − realisation % (analysis "
        "of resource efficiency, Bab III of the LKjIP).",
    ),
    sebab=(
        "Angka efisiensi diketik ulang, bukan dihitung dari pagu dan realisasi.",
        "The efisiensi figure was retyped, not computed from pagu and realisasi.",
    ),
    akibat=(
        "Analisis efisiensi penggunaan sumber daya tidak dapat dipertanggungjawabkan.",
        "The resource-efficiency analysis cannot be accounted for.",
    ),
    rekomendasi=(
        "Menghitung ulang sisa dan efisiensi dari pagu dan realisasi.",
        "Recompute sisa and efisiensi from pagu and realisasi.",
    ),
    summary_id="Sisa/efisiensi tidak sesuai dengan pagu dikurangi realisasi",
    summary_en="A stated sisa/efisiensi differs from pagu - realisasi",
    messages={
        "sisa": (
            "Sisa {stated} tidak sama dengan pagu {pagu} dikurangi realisasi {realisasi} = {computed} (selisih {gap})",
            "Sisa {stated} is not pagu {pagu} minus realisasi {realisasi} = {computed} (difference {gap})",
        ),
        "complement": (
            "Efisiensi {stated} % tidak sama dengan 100 % dikurangi penyerapan {penyerapan} % = {computed} %",
            "Efisiensi {stated} % is not 100 % minus penyerapan {penyerapan} % = {computed} %",
        ),
        "ratio": (
            "Efisiensi {stated} % tidak sama dengan sisa {sisa} dibagi pagu {pagu} = {computed} %",
            "Efisiensi {stated} % is not sisa {sisa} divided by pagu {pagu} = {computed} %",
        ),
    },
    needs=needs.budget_lines(),
)


def sisa_error(pagu: Optional[Figure], real: Optional[Figure], sisa: Optional[Figure]) -> Optional[float]:
    """pagu - realisasi when the printed sisa cannot be it, else None."""
    p, r, s = arith.amount(pagu), arith.amount(real), arith.amount(sisa)
    if p is None or r is None or s is None or sisa is None or sisa.kind == "empty":
        return None
    return None if s.overlaps(p - r) else (p - r).mid


def complement_error(efisiensi: Optional[Figure], absorbed: Optional[Figure]) -> Optional[float]:
    """100 - penyerapan when the printed efisiensi % cannot be it, else None."""
    if efisiensi is None or absorbed is None or efisiensi.value is None or absorbed.value is None:
        return None
    return None if arith.complement_consistent(efisiensi, absorbed) else 100.0 - absorbed.value


def ratio_error(efisiensi: Optional[Figure], sisa: Optional[Figure], pagu: Optional[Figure]) -> Optional[float]:
    """sisa / pagu x 100 when the printed efisiensi % cannot be it, else None."""
    s, p = arith.amount(sisa), arith.amount(pagu)
    if efisiensi is None or efisiensi.value is None or s is None or p is None:
        return None
    ratio = arith.ratio_percent(s, p)
    if ratio is None or arith.percent_consistent(efisiensi, ratio):
        return None
    return ratio.mid


def _sisa_finding(subject: str, pagu: Figure, real: Figure, sisa: Figure, computed: float,
                  where: list[Location]) -> Finding:
    """A finding about a sisa amount."""
    stated = sisa.value or 0.0
    values = {"stated": arith.plain(stated), "computed": arith.plain(computed), "pagu": arith.plain(pagu.value or 0.0),
              "realisasi": arith.plain(real.value or 0.0), "difference": arith.plain(stated - computed)}
    return RULE.finding(subject=subject, values=values, locations=where, variant="sisa",
                        extra={"gap": arith.plain(abs(stated - computed))})


def _ratio_finding(subject: str, pct: Figure, ratio: float, sisa: Figure, pagu: Figure,
                   where: list[Location]) -> Finding:
    """A finding about an efisiensi % that is not sisa / pagu."""
    values = {"stated": arith.as_printed(pct), "computed": round(ratio, 2), "sisa": arith.plain(sisa.value or 0.0),
              "pagu": arith.plain(pagu.value or 0.0)}
    return RULE.finding(subject=subject, values=values, locations=where, variant="ratio")


def _base_of(line: BudgetLine, facts: Facts) -> BudgetLine:
    """The row a remainder row is computed from: its parent (the Jumlah row), else itself."""
    if line.parent is not None:
        for other in facts.budget:
            if other.table_id == line.table_id and other.row == line.parent and other is not line:
                return other
    return line


def _line_findings(line: BudgetLine, facts: Facts) -> Iterator[Finding]:
    """Findings on one budget line (its sisa, and its efisiensi % when it is a remainder row)."""
    base = _base_of(line, facts) if line.level == LEVEL_EFISIENSI else line
    pagu = line.pagu or base.pagu
    real = line.realisasi or base.realisasi
    computed = sisa_error(pagu, real, line.sisa)
    if computed is not None and pagu and real and line.sisa:
        where = [Location.of(line.cell("sisa"), text=line.sisa.text),
                 Location.of(base.cell("pagu"), text=pagu.text), Location.of(base.cell("realisasi"), text=real.text)]
        yield _sisa_finding(subject(line), pagu, real, line.sisa, computed, where)
    if line.level != LEVEL_EFISIENSI or line.percent is None:
        return
    here = Location.of(line.cell("percent"), text=line.percent.text)
    absorbed = penyerapan(line) if base is line else base.percent
    if absorbed is not None:
        comp = complement_error(line.percent, absorbed)
        if comp is not None:
            cell = line.cell("penyerapan") if base is line else base.cell("percent")
            values = {"stated": arith.as_printed(line.percent), "computed": round(comp, 2),
                      "penyerapan": arith.as_printed(absorbed)}
            yield RULE.finding(subject=subject(line), variant="complement", values=values,
                               locations=[here, Location.of(cell, text=absorbed.text)])
        return
    ratio = ratio_error(line.percent, line.sisa, pagu)
    if ratio is not None and line.sisa and pagu:
        yield _ratio_finding(subject(line), line.percent, ratio, line.sisa, pagu,
                             [here, Location.of(line.cell("sisa"), text=line.sisa.text)])


def _fits_amounts(pct: Figure, amount: NarrativeAmount) -> bool:
    """Whether a narrative % is the penyerapan or the efisiensi of its pagu and realisasi (then the sisa is wrong)."""
    r, p = arith.amount(amount.realisasi), arith.amount(amount.pagu)
    absorbed = arith.ratio_percent(r, p) if r is not None and p is not None else None
    if absorbed is None:
        return False
    return arith.percent_consistent(pct, absorbed) or arith.percent_consistent(
        pct, arith.Interval(100.0 - absorbed.high, 100.0 - absorbed.low))


def _narrative_findings(amount: NarrativeAmount) -> Iterator[Finding]:
    """Findings on a narrative sentence that states a sisa/efisiensi."""
    src: Source = amount.source
    computed = sisa_error(amount.pagu, amount.realisasi, amount.sisa)
    if computed is not None and amount.pagu and amount.realisasi and amount.sisa:
        yield _sisa_finding(amount.subject, amount.pagu, amount.realisasi, amount.sisa, computed,
                            [Location.of(src, text=amount.sisa.text)])
    pct = amount.percent
    if pct is None or amount.sisa is None or amount.pagu is None:
        return
    ratio = ratio_error(pct, amount.sisa, amount.pagu)
    if ratio is not None and not _fits_amounts(pct, amount):
        yield _ratio_finding(amount.subject, pct, ratio, amount.sisa, amount.pagu, [Location.of(src, text=pct.text)])


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding for each sisa or efisiensi that pagu, realisasi and penyerapan cannot give."""
    for line in facts.budget:
        yield from _line_findings(line, facts)
    for amount in facts.narrative_amounts:
        yield from _narrative_findings(amount)
