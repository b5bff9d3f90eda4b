"""A finding's values as readable label/value pairs, for the HTML, XLSX and Markdown reports."""

from __future__ import annotations

from typing import Any, Mapping

from lakip.values.figures import format_en, format_id


def is_year_key(key: str) -> bool:
    """Whether a value's name says it is a year (printed without grouping: 2024, not 2.024)."""
    k = key.lower()
    return "year" in k or "tahun" in k


def show(value: Any, lang: str, key: str = "") -> str:
    """One value as text: numbers the Indonesian or English way, lists and mappings inline."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if is_year_key(key) and isinstance(value, (int, float)):
        return str(int(value))
    if isinstance(value, (int, float)):
        decimals = 0 if float(value).is_integer() else 2
        return format_id(value, decimals) if lang == "id" else format_en(value, decimals)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {show(v, lang, str(k))}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(show(v, lang, key) for v in value)
    return str(value)


def flat_values(values: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    """The values of a finding as (label, text) pairs."""
    return [(str(k), show(v, lang, str(k))) for k, v in values.items()]
