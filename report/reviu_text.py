"""The words of the reviu matrix: Kondisi, Kriteria, Sebab, Akibat, Rekomendasi and Bukti of a row."""

from __future__ import annotations

from typing import Optional

from lakip.report.reviu_matrix import INSPECTOR, FindingRow, Matrix, UnsurRow
from lakip.report.reviu_unsur import ASPEK_NAMES
from lakip.report.values import show
from lakip.rules import registry
from lakip.rules.base import Finding, Location

MAX_PLACES = 4


def _l(lang: str, id_text: str, en_text: str) -> str:
    """One of two texts by language."""
    return en_text if lang == "en" else id_text


def place(loc: Location, lang: str = "id") -> str:
    """Where a location points: page, table, row, column."""
    parts = []
    if loc.document:
        parts.append(loc.document)
    if loc.page is not None:
        parts.append(f"{_l(lang, 'hlm.', 'p.')} {loc.page}")
    if loc.table:
        parts.append(str(loc.table))
    if loc.row is not None:
        parts.append(f"{_l(lang, 'baris', 'row')} {loc.row}")
    if loc.column:
        parts.append(f"{_l(lang, 'kolom', 'column')} {loc.column}")
    return ", ".join(parts)


def bukti(finding: Finding, lang: str = "id") -> str:
    """The places of a finding (page/table/row/column), at most a few, one per line."""
    ordered = sorted(finding.locations, key=lambda loc: loc.page if loc.page is not None else 10**6)
    places = [p for p in (place(loc, lang) for loc in ordered) if p]
    unique = list(dict.fromkeys(places))
    more = len(unique) - MAX_PLACES
    lines = unique[:MAX_PLACES] + ([_l(lang, f"… dan {more} tempat lain", f"… and {more} more places")] if more > 0 else [])
    return "\n".join(lines) or _l(lang, "(seluruh dokumen)", "(the whole document)")


def kondisi(row: FindingRow, lang: str = "id") -> str:
    """What the report says and where: the finding's message and its first place."""
    f = row.finding
    first: Optional[Location] = f.locations[0] if f.locations else None
    where = place(first, lang) if first else ""
    return f"{f.message(lang)}" + (f" ({where})" if where else "")


def sebab_hint(finding: Finding, lang: str = "id") -> str:
    """A cause the finding's own values show, when they show one."""
    v = finding.values
    cell = v.get("suggested_cell")
    if isinstance(cell, dict) and "suggested" in cell:
        return _l(lang, f"Satu sel diduga salah ketik: {cell.get('subject')} tertulis {show(cell.get('stated'), lang)}, "
                        f"seharusnya {show(cell.get('suggested'), lang)} (hlm. {cell.get('page')}). ",
                  f"One cell looks mistyped: {cell.get('subject')} reads {show(cell.get('stated'), lang)}, "
                  f"probably {show(cell.get('suggested'), lang)} (p. {cell.get('page')}). ")
    if finding.rule == "T304" and v.get("stated") is not None and v.get("stated") == v.get("realisasi"):
        return _l(lang, "Kolom capaian terisi angka realisasi, bukan capaian yang dihitung. ",
                  "The capaian column holds the realisasi, not a computed capaian. ")
    if finding.rule == "T305" and 100.0 in (v.get("values") or ()):
        return _l(lang, "Salah satu tabel mengisi kolom realisasi dengan capaian (100). ",
                  "One table fills the realisasi column with the capaian (100). ")
    if "ocr_confidence" in v:
        return _l(lang, "Angka dibaca dengan OCR; mungkin salah baca. ", "Figures read by OCR; possibly misread. ")
    return ""


def rule_text(finding: Finding, part: str, lang: str = "id") -> str:
    """A rule's reviu text for a finding, filled with its values."""
    entry = registry.get(finding.rule)
    if entry is None:
        return ""
    return entry.rule.reviu(part, lang, {"subject": finding.subject, **finding.values})


def sebab(finding: Finding, lang: str = "id") -> str:
    """The cause: what the values show, then the rule's usual cause."""
    return (sebab_hint(finding, lang) + rule_text(finding, "sebab", lang)).strip()


def aspek_name(row: UnsurRow, lang: str = "id") -> str:
    """The aspect of an unsur row."""
    return ASPEK_NAMES[row.unsur.aspek][1 if lang == "en" else 0]


def kriteria_unsur(row: UnsurRow, lang: str = "id") -> str:
    """The criterion of an unsur: the reviu checklist of PermenPANRB 53/2014."""
    u = row.unsur
    return _l(lang, f"PermenPANRB 53/2014, reviu Laporan Kinerja aspek {aspek_name(row, lang)} butir {u.number}: "
                    f"\"{u.text_id}\"",
              f"PermenPANRB 53/2014, reviu of the Laporan Kinerja, {aspek_name(row, lang)} item {u.number}: "
              f"\"{u.text_id}\"")


def kondisi_unsur(row: UnsurRow, matrix: Matrix, lang: str = "id") -> str:
    """What lakip checked for an unsur, what it found, and what is left to the inspector."""
    u = row.unsur
    if not row.applicable:
        kind = matrix.kind_en if lang == "en" else matrix.kind_id
        return _l(lang, f"Dokumen ini {kind}, bukan LKjIP: unsur ini tidak berlaku untuk dokumen ini "
                        f"({INSPECTOR[0]}).",
                  f"This document is a {kind}, not an LKjIP: this unsur does not apply to it ({INSPECTOR[1]}).")
    parts = [u.what(lang)]
    if row.evidence is not None:
        parts.append(row.evidence.detail(lang))
    if row.ran:
        parts.append(_l(lang, "Aturan dijalankan: ", "Rules run: ") + ", ".join(row.ran) + ".")
    for code, why_id, why_en in row.not_run:
        parts.append(_l(lang, f"{code} tidak dijalankan: {why_id}.", f"{code} not run: {why_en}."))
    numbers = [f.number for f in row.findings]
    if numbers:
        parts.append(_l(lang, f"{len(numbers)} temuan (No. {', '.join(numbers)}).",
                        f"{len(numbers)} findings (No. {', '.join(numbers)})."))
    elif u.reach in ("pdf", "partial") and row.ran:
        parts.append(_l(lang, "Tidak ada temuan.", "No findings."))
    if row.related:
        parts.append(_l(lang, "Temuan terkait di unsur lain: No. ", "Related findings under other unsur: No. ")
                     + ", ".join(f.number for f in row.related) + ".")
    if not row.status:
        parts.append(_l(lang, f"Status {INSPECTOR[0]}.", f"Status {INSPECTOR[1]}."))
    return " ".join(parts)


def bukti_unsur(row: UnsurRow, lang: str = "id") -> str:
    """The pages that evidence an unsur."""
    if row.evidence is None or not row.evidence.pages:
        return ""
    return f"{_l(lang, 'hlm.', 'p.')} " + ", ".join(map(str, row.evidence.pages[:12]))
