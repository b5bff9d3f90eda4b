"""Which rules apply to which kind of document (schemas/doctype.py), as a table.

An LKjIP gets every rule. A plan (Perjanjian Kinerja, Renstra, RKT / Rencana
Aksi, Renja) has no realisasi and no report chapters: the rules that read
realisasi, or the year a report was signed for, do not apply. Quarterly
realisation tables have realisasi and budgets but no chapters. A kind that is
not sure, and 'unknown', get every rule (each still needs its facts); the
rules in ``WARN_WHEN_UNSURE`` (S101) then only warn, as they do while pages
without text may hold what they did not find (the runner lowers the severity;
the rule says why in its message).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping, Optional

from lakip.schemas.doctype import LKJIP, NAMES, PK, RENJA, RENSTRA, RKT, TRIWULAN
from lakip.schemas.facts import DocKind, Facts

REASONS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "chapters": ("dokumen ini {name_id}, bukan LKjIP: bab laporan tidak diperiksa",
                 "this document is recognised as {name_en}, not an LKjIP: report chapters are not checked"),
    "realisasi": ("dokumen ini {name_id}, bukan LKjIP: dokumen rencana tidak memuat realisasi tahun laporan",
                  "this document is recognised as {name_en}, not an LKjIP: a plan has no realisasi of a report year"),
    "signed": ("dokumen ini {name_id}, bukan LKjIP: rencana ditandatangani sebelum periodenya, tanggal tidak "
               "dibandingkan dengan akhir periode",
               "this document is recognised as {name_en}, not an LKjIP: a plan is signed before its period, "
               "its date is not compared with the period's end"),
    "multiyear": ("dokumen ini {name_id}, bukan LKjIP: dokumen lima tahunan tidak mempunyai satu tahun laporan",
                  "this document is recognised as {name_en}, not an LKjIP: a five-year plan has no single report year"),
})
"""Why a rule does not apply, per reason, in Bahasa Indonesia and English."""

_PLAN = {"S101": "chapters", "T304": "realisasi", "T305": "realisasi", "T306": "realisasi", "T308": "realisasi",
         "B402": "realisasi", "B403": "realisasi", "B405": "realisasi", "D702": "signed"}
NOT_APPLICABLE: Mapping[str, Mapping[str, str]] = MappingProxyType({
    PK: MappingProxyType(dict(_PLAN)),
    RKT: MappingProxyType(dict(_PLAN)),
    RENJA: MappingProxyType(dict(_PLAN)),
    RENSTRA: MappingProxyType({**_PLAN, "D701": "multiyear"}),
    TRIWULAN: MappingProxyType({"S101": "chapters"}),
})
"""Kind → rule code → reason key: the rules that do not apply to a SURELY recognised kind."""


def not_applicable(code: str, kind: DocKind) -> Optional[tuple[str, str]]:
    """Why rule ``code`` does not apply to a document of this kind (Bahasa Indonesia, English), or None."""
    if not kind.sure:
        return None
    reason = NOT_APPLICABLE.get(kind.kind, {}).get(code)
    if reason is None:
        return None
    name_id, name_en = NAMES[kind.kind]
    why_id, why_en = REASONS[reason]
    return why_id.format(name_id=name_id), why_en.format(name_en=name_en)


WARN_WHEN_UNSURE = frozenset({"S101"})
"""Rules whose errors are only warnings where the document's structure cannot be seen whole."""


def structure_doubt(facts: Facts) -> Optional[str]:
    """Why the report's parts cannot be called absent: 'no_text' (pages without text), 'unsure' (the kind is
    not surely an LKjIP), or None."""
    if facts.pages_without_text:
        return "no_text"
    if not (facts.doc.jenis.sure and facts.doc.jenis.kind == LKJIP):
        return "unsure"
    return None


def severity_for(code: str, severity: str, facts: Facts) -> str:
    """A finding's severity on this document: an error of a ``WARN_WHEN_UNSURE`` rule is a warning under doubt."""
    if severity == "error" and code in WARN_WHEN_UNSURE and structure_doubt(facts):
        return "warning"
    return severity
