"""B403 realisasi-exceeds-pagu: a budget line spends more than its pagu.

Apa yang diperiksa:
    Setiap baris anggaran (total, program, kegiatan, sub kegiatan, unit) yang
    mencantumkan pagu dan realisasi: realisasi tidak boleh melebihi pagu.

Mengapa penting:
    Belanja di atas pagu DPA/DPPA tidak dibenarkan; angka seperti ini hampir
    selalu salah ketik, atau pagu yang dicantumkan bukan pagu setelah perubahan.

Contoh:
    ``Penyediaan Jasa Surat Menyurat | 4.959.330 | 5.360.980 | 108,10`` —
    realisasi 5.360.980 melebihi pagu 4.959.330 (selisih 401.650).
"""

from __future__ import annotations

from typing import Iterator

from lakip.values.figures import tolerance
from lakip.rules import arith, needs
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import Facts

RULE = Rule(
    code="B403",
    slug="realisasi-exceeds-pagu",
    severity="error",
    kriteria=(
        "Realisasi belanja tidak melebihi pagu DPA/DPPA (pengelolaan keuangan daerah, PP 12/2019).",
        "Spending does not exceed the DPA/DPPA pagu (regional financial management, PP 12/2019).",
    ),
    sebab=(
        "Salah ketik, atau pagu yang dicantumkan bukan pagu setelah perubahan.",
        "A typing error, or the pagu shown is not the amended pagu.",
    ),
    akibat=(
        "Laporan menunjukkan belanja di atas pagu; akuntabilitas keuangan dipertanyakan.",
        "The report shows spending above the pagu; financial accountability is in question.",
    ),
    rekomendasi=(
        "Mencocokkan pagu dan realisasi dengan DPPA dan LRA dan memperbaikinya.",
        "Check pagu and realisasi against the DPPA and LRA and correct them.",
    ),
    summary_id="Realisasi melebihi pagu anggaran",
    summary_en="Realisasi above pagu",
    messages={
        "default": (
            "Realisasi {realisasi} melebihi pagu {pagu} (selisih {difference})",
            "Realisasi {realisasi} exceeds pagu {pagu} (difference {difference})",
        ),
    },
    needs=needs.budget_lines(),
)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding for each budget line whose realisasi is above its pagu."""
    for line in facts.budget:
        if line.pagu is None or line.realisasi is None:
            continue
        pagu, real = line.pagu.value, line.realisasi.value
        if pagu is None or real is None:
            continue
        slack = tolerance(line.pagu) + tolerance(line.realisasi)
        if real - pagu > slack:
            yield RULE.finding(
                subject=line.name,
                values={"pagu": arith.plain(pagu), "realisasi": arith.plain(real),
                        "difference": arith.plain(real - pagu)},
                locations=[
                    Location.of(line.cell("realisasi"), text=line.realisasi.text),
                    Location.of(line.cell("pagu"), text=line.pagu.text),
                ],
            )
