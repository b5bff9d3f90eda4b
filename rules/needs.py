"""Preconditions shared by rules: what facts a rule needs before it can run."""

from __future__ import annotations

from typing import Callable, Optional

from lakip.schemas.facts import Facts

Need = Callable[[Facts], Optional[tuple[str, str]]]


def tables(*roles: str, at_least: int = 1) -> Need:
    """The rule needs at least ``at_least`` readable tables with any of these roles."""

    def need(facts: Facts) -> Optional[tuple[str, str]]:
        found = [t for t in facts.tables if t.role in roles and t.readable]
        if len(found) >= at_least:
            return None
        names = ", ".join(roles)
        return (f"tabel dengan peran {names} tidak ditemukan atau tidak terbaca (perlu {at_least}, ada {len(found)})",
                f"no readable table with role {names} (needs {at_least}, found {len(found)})")

    return need


def budget_lines() -> Need:
    """The rule needs budget lines from at least one budget table."""

    def need(facts: Facts) -> Optional[tuple[str, str]]:
        if facts.budget:
            return None
        return ("tidak ada tabel anggaran yang terbaca", "no readable budget table")

    return need


def indicators(min_sources: int = 1) -> Need:
    """The rule needs indicator facts from at least ``min_sources`` tables."""

    def need(facts: Facts) -> Optional[tuple[str, str]]:
        sources = {f.source.table_id for f in facts.indicators}
        if len(sources) >= min_sources:
            return None
        return (f"indikator kinerja ditemukan di {len(sources)} tabel, perlu {min_sources}",
                f"indicators found in {len(sources)} tables, needs {min_sources}")

    return need


def people() -> Need:
    """The rule needs at least one person (signature block or Nama/Jabatan block)."""

    def need(facts: Facts) -> Optional[tuple[str, str]]:
        if facts.people:
            return None
        return ("tidak ada blok tanda tangan atau NIP yang terbaca", "no signature block or NIP found")

    return need


def text() -> Need:
    """The rule needs running text (a text layer or OCR)."""

    def need(facts: Facts) -> Optional[tuple[str, str]]:
        if facts.figures or facts.counts or facts.dates or facts.doc.chapters:
            return None
        return ("dokumen tidak memiliki teks yang terbaca", "the document has no readable text")

    return need


def all_of(*needs: Need) -> Need:
    """The rule needs every one of these."""

    def need(facts: Facts) -> Optional[tuple[str, str]]:
        for n in needs:
            why = n(facts)
            if why:
                return why
        return None

    return need
