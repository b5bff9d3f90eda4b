"""T307 target-trajectory: medium-term targets that do not move in the indicator's direction.

Apa yang diperiksa:
    Deret target per tahun dari satu tabel (Renstra, IKU, perbandingan dengan
    Renstra) untuk satu indikator: untuk indikator yang makin tinggi makin
    baik, target tahun berikutnya tidak boleh lebih rendah; untuk yang makin
    rendah makin baik (``rules/direction.py``), tidak boleh lebih tinggi.
    Target yang tetap dari tahun ke tahun tidak dilaporkan (lazim untuk
    target yang sudah di batas, misalnya 100 %). Satu temuan per indikator.

Mengapa penting:
    Target jangka menengah yang mundur berarti kinerja yang direncanakan
    memburuk — biasanya salah ketik, kadang perencanaan yang perlu dijelaskan.

Contoh:
    ``Indeks Kepuasan Masyarakat`` dengan target 2024: 74,89, 2025: 73,89,
    2026: 72,89 — target turun padahal indeks makin tinggi makin baik.
"""

from __future__ import annotations

from typing import Iterator, Optional

from lakip.values.figures import Figure
from lakip.rules import needs
from lakip.rules.base import Finding, Location, Rule
from lakip.rules.direction import LOWER, direction_of
from lakip.schemas.entities import by_entity, display_name
from lakip.schemas.facts import KIND_TARGET, Facts, IndicatorFact

RULE = Rule(
    code="T307",
    slug="target-trajectory",
    severity="info",
    kriteria=(
        "Renstra (reviu aspek Substansi butir 2): target jangka menengah bergerak ke arah perbaikan "
        "kinerja sesuai arah indikatornya.",
        "Renstra (reviu Substansi item 2): medium-term targets move towards better performance in the "
        "indicator's direction.",
    ),
    sebab=(
        "Salah ketik target tahunan, atau target disalin dari tahun lain.",
        "A yearly target was mistyped or copied from another year.",
    ),
    akibat=(
        "Rencana kinerja tampak memburuk; target jangka menengah tidak dapat menjadi acuan perbandingan.",
        "Planned performance appears to worsen; the medium-term targets cannot serve as a benchmark.",
    ),
    rekomendasi=(
        "Mencocokkan target dengan Renstra yang ditetapkan, atau menjelaskan alasan target yang menurun.",
        "Check the targets against the adopted Renstra, or explain why the target falls.",
    ),
    summary_id="Target jangka menengah tidak bergerak sesuai arah indikator",
    summary_en="Medium-term targets do not move in the indicator's direction",
    messages={
        "higher": (
            "Target indikator {subject} turun dari {from_year} ke {to_year} ({from_value_id} menjadi {to_value_id}), "
            "padahal indikator ini makin tinggi makin baik",
            "The target of indicator {subject} falls from {from_year} to {to_year} ({from_value_en} to {to_value_en}), "
            "although higher is better for this indicator",
        ),
        "lower": (
            "Target indikator {subject} naik dari {from_year} ke {to_year} ({from_value_id} menjadi {to_value_id}), "
            "padahal indikator ini makin rendah makin baik",
            "The target of indicator {subject} rises from {from_year} to {to_year} ({from_value_en} to {to_value_en}), "
            "although lower is better for this indicator",
        ),
    },
    needs=needs.indicators(),
)


def _level(fig: Figure) -> Optional[float]:
    """A target's value (a range by its middle)."""
    if fig.value is not None:
        return fig.value
    if fig.low is not None and fig.high is not None:
        return (fig.low + fig.high) / 2
    return None


def _bounds(fig: Figure) -> tuple[float, float]:
    """A target's lowest and highest value (a range target moves backward only when all of it does)."""
    if fig.value is None and fig.low is not None and fig.high is not None:
        return fig.low, fig.high
    level = _level(fig) or 0.0
    return level, level


def _half(fig: Figure) -> float:
    """Half a unit of the last printed digit."""
    return 0.5 * 10.0 ** (-fig.decimals)


def backward_steps(series: list[IndicatorFact], direction: str) -> list[tuple[IndicatorFact, IndicatorFact]]:
    """Consecutive-year pairs of one table's targets that move against the direction."""
    steps = []
    ordered = sorted((f for f in series if _level(f.figure) is not None), key=lambda f: f.year or 0)
    for a, b in zip(ordered, ordered[1:]):
        if a.year == b.year:
            continue
        (lo_a, hi_a), (lo_b, hi_b) = _bounds(a.figure), _bounds(b.figure)
        slack = _half(a.figure) + _half(b.figure)
        if (direction == LOWER and lo_b - hi_a > slack) or (direction != LOWER and hi_b - lo_a < -slack):
            steps.append((a, b))
    return steps


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per indicator whose yearly targets move against its direction."""
    for _, group in by_entity(facts.indicators).items():
        subject = display_name(group)
        direction = direction_of(subject, dict(facts.direction_overrides))
        by_table: dict[tuple[Optional[str], int], list[IndicatorFact]] = {}
        for f in group:
            if f.kind == KIND_TARGET and f.year is not None:
                by_table.setdefault((f.source.table_id, f.source.row or 0), []).append(f)
        steps = [s for series in by_table.values() if len({f.year for f in series}) >= 2
                 for s in backward_steps(series, direction)]
        if not steps:
            continue
        a, b = steps[0]
        locations = []
        for x, y in steps:
            locations += [Location.of(x.source), Location.of(y.source)]
        yield RULE.finding(
            subject=subject, variant="lower" if direction == LOWER else "higher",
            values={"direction": direction, "from_year": a.year, "to_year": b.year,
                    "from_value": _level(a.figure), "to_value": _level(b.figure), "steps": len(steps)},
            locations=locations,
            extra={"from_year": str(a.year), "to_year": str(b.year),
                   "from_value_id": a.figure.text.strip(), "to_value_id": b.figure.text.strip(),
                   "from_value_en": f"{_level(a.figure):g}", "to_value_en": f"{_level(b.figure):g}"},
        )
