"""Whether an indicator is better when higher or when lower, read from its words.

Most indicators are better when higher (an index, a coverage, a number of
innovations). Some measure something bad: deaths, cases, prevalence,
unemployment, poverty, emissions — for those a lower realisasi is better, the
capaian is computed as (2·T − R)/T × 100 and medium-term targets should fall.

Words that name a *decrease* or a *handling* of the bad thing, anywhere in
the name, turn it back around: "Tingkat penurunan emisi GRK" is better when higher (the Jabar 2016
LKIP computes 3,19 against a target of 3 as 106,33 %), and so is "Persentase
kasus yang ditangani". Both word lists are data (``vocab/direction.toml``),
extended by users under ``[tool.lakip.vocab.direction]``. A mapping ``overrides`` (indicator name → "higher" or
"lower", from configuration) wins over the words.
"""

from __future__ import annotations

from typing import Mapping, Optional

from lakip import vocab
from lakip.schemas.names import name_similarity
from lakip.values.text import normalize_text

HIGHER = "higher"
LOWER = "lower"
OVERRIDE_SIMILARITY = 0.9
"""An override applies to indicator names at least this similar to its key."""


def _override(indikator: str, overrides: Optional[Mapping[str, str]]) -> Optional[str]:
    """The configured direction of an indicator, if any override names it."""
    if not overrides:
        return None
    norm = normalize_text(indikator)
    best, best_sim = None, 0.0
    for name, way in overrides.items():
        if way not in (HIGHER, LOWER):
            raise ValueError(f"direction for {name!r} must be 'higher' or 'lower', not {way!r}")
        sim = 1.0 if normalize_text(name) == norm else name_similarity(name, indikator)
        if sim >= OVERRIDE_SIMILARITY and sim > best_sim:
            best, best_sim = way, sim
    return best


def configured_direction(indikator: str, overrides: Mapping[str, str] | None = None) -> Optional[str]:
    """The direction the user's settings give the indicator, or None when they do not name it."""
    return _override(indikator, overrides)


def direction_of(indikator: str, overrides: Mapping[str, str] | None = None) -> str:
    """'lower' when a lower value of the indicator is better, else 'higher'."""
    configured = _override(indikator, overrides)
    if configured:
        return configured
    text = normalize_text(indikator)
    if not vocab.pattern("direction", "lower_better").search(text):
        return HIGHER
    negation = vocab.pattern("direction", "negation")
    for m in vocab.pattern("direction", "turn_around").finditer(text):
        before = text[:m.start()].split()[-1:]
        if not (before and negation.fullmatch(before[0])):
            return HIGHER
    return LOWER


def is_lower_better(indikator: str, overrides: Mapping[str, str] | None = None) -> bool:
    """True when a lower value of the indicator is better."""
    return direction_of(indikator, overrides) == LOWER
