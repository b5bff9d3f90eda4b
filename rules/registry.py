"""The central registry: every rule lakip has, listed by hand, in code order.

A new rule is a new module in ``lakip.rules`` and one line here. Nothing is
discovered by reflection: what runs is exactly what this file lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Optional

from lakip.rules import (
    s101_section_missing,
    s102_table_reference_broken,
    s103_table_unreadable,
    f201_number_malformed,
    f202_number_format_mixed,
    t301_target_mismatch,
    t302_indicator_mismatch,
    t303_unit_mismatch,
    t304_capaian_miscalculated,
    t305_realisasi_mismatch,
    t306_indicator_missing,
    t307_target_trajectory,
    t308_realisasi_equals_target,
    t309_unit_implausible,
    b401_sum_mismatch,
    b402_percent_miscalculated,
    b403_realisasi_exceeds_pagu,
    b404_amount_mismatch,
    b405_efisiensi_miscalculated,
    b406_terbilang_mismatch,
    c501_count_mismatch,
    c502_number_words_mismatch,
    n601_nip_malformed,
    n602_nip_invalid,
    n603_nip_inconsistent,
    n604_name_inconsistent,
    d701_period_inconsistent,
    d702_date_invalid,
    x801_person_nip_differs,
    x802_nip_shared,
    x803_previous_realisasi_mismatch,
    x804_renstra_target_changed,
    x805_other_instansi_named,
    x806_passage_copied,
)
from lakip.rules.base import CheckFn, Rule

_MODULES: tuple[ModuleType, ...] = (  # in the order of the rule catalogue: S, F, T, B, C, N, D
    s101_section_missing,
    s102_table_reference_broken,
    s103_table_unreadable,
    f201_number_malformed,
    f202_number_format_mixed,
    t301_target_mismatch,
    t302_indicator_mismatch,
    t303_unit_mismatch,
    t304_capaian_miscalculated,
    t305_realisasi_mismatch,
    t306_indicator_missing,
    t307_target_trajectory,
    t308_realisasi_equals_target,
    t309_unit_implausible,
    b401_sum_mismatch,
    b402_percent_miscalculated,
    b403_realisasi_exceeds_pagu,
    b404_amount_mismatch,
    b405_efisiensi_miscalculated,
    b406_terbilang_mismatch,
    c501_count_mismatch,
    c502_number_words_mismatch,
    n601_nip_malformed,
    n602_nip_invalid,
    n603_nip_inconsistent,
    n604_name_inconsistent,
    d701_period_inconsistent,
    d702_date_invalid,
)


@dataclass(frozen=True)
class Entry:
    """A registered rule: its metadata, its check, and its documentation."""

    rule: Rule
    check: CheckFn
    doc: str


def _entry(module: ModuleType) -> Entry:
    """The registry entry of one rule module."""
    return Entry(rule=module.RULE, check=module.check, doc=(module.__doc__ or "").strip())


RULES: tuple[Entry, ...] = tuple(_entry(m) for m in _MODULES)

_CROSS_MODULES: tuple[ModuleType, ...] = (
    x801_person_nip_differs,
    x802_nip_shared,
    x803_previous_realisasi_mismatch,
    x804_renstra_target_changed,
    x805_other_instansi_named,
    x806_passage_copied,
)
CROSS_RULES: tuple[Entry, ...] = tuple(_entry(m) for m in _CROSS_MODULES)
"""Cross-report rules (family X): ``check(docs)`` takes the batch's reports (lakip.rules.corpus.CrossDoc)."""


def _check_unique() -> None:
    """Codes and slugs are assigned once."""
    codes = [e.rule.code for e in RULES + CROSS_RULES]
    slugs = [e.rule.slug for e in RULES + CROSS_RULES]
    if len(set(codes)) != len(codes) or len(set(slugs)) != len(slugs):
        raise RuntimeError("duplicate rule code or slug in the registry")


_check_unique()


def get(code: str) -> Optional[Entry]:
    """The entry of one code (case-insensitive), or None."""
    code = code.upper()
    for entry in RULES + CROSS_RULES:
        if entry.rule.code == code:
            return entry
    return None


def matching(prefixes: tuple[str, ...]) -> tuple[Entry, ...]:
    """The entries whose code starts with any of ``prefixes``."""
    return tuple(e for e in RULES + CROSS_RULES if any(e.rule.code.startswith(p) for p in prefixes))
