"""X801 person-nip-differs: the same person appears with different NIPs in different reports.

Apa yang diperiksa:
    Orang yang sama pada laporan-laporan dalam satu pemeriksaan massal — nama
    cocok (tanpa gelar, dengan singkatan dan inisial; schemas.names.same_person)
    dan jabatannya sama (nama tempat dihilangkan: "Camat Nita" dan "Camat
    Doreng" sama-sama "Camat") — harus tercetak dengan NIP yang sama di semua
    laporan. Bila jabatan salah satu tidak diketahui, nama harus hampir sama
    persis. Ketidaksamaan di dalam satu laporan saja sudah dilaporkan N603.

Mengapa penting:
    NIP melekat pada satu pegawai seumur kariernya. Pejabat yang pindah tugas
    atau menandatangani laporan dua tahun berturut-turut dengan NIP berbeda
    berarti salah satu NIP salah ketik atau tersalin dari laporan lain.

Contoh:
    "YOHANES B. KEWA, S.Sos" (Camat Nita) dengan NIP 19720121 199903 1 007 di
    laporan 2023, dan NIP 19750304 200003 1 002 di laporan 2024.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from rapidfuzz import fuzz

from lakip.rules.corpus import CrossDoc, locate
from lakip.rules.base import Finding, Rule
from lakip.rules.n603_nip_inconsistent import clusters, nip_key, shown
from lakip.schemas.facts import Person
from lakip.schemas.names import same_person
from lakip.values.text import normalize_text
from lakip.values.nip import parse_nip

SAME_NAME = 0.9
"""same_person score from which two reports name one person (when their jabatan agree)."""
SAME_NAME_ALONE = 0.97
"""same_person score needed when a jabatan is unknown on one side."""
SAME_ROLE = 85
"""rapidfuzz ratio from which two jabatan (places removed) are one jabatan."""
_NOT_ROLES = ("pihak", "yang", "an", "atas")

RULE = Rule(
    code="X801",
    slug="person-nip-differs",
    severity="warning",
    kriteria=(
        "NIP adalah identitas tunggal pegawai (Peraturan Kepala BKN 22/2007), juga antar laporan.",
        "A NIP identifies one civil servant (BKN Regulation 22/2007), across reports too.",
    ),
    sebab=(
        "Salah ketik atau blok tanda tangan disalin dari laporan lain.",
        "A typing error or a signature block copied from another report.",
    ),
    akibat=(
        "Identitas penandatangan tidak dapat dipastikan.",
        "The signatory's identity cannot be established.",
    ),
    rekomendasi=(
        "Mencocokkan NIP dengan data kepegawaian.",
        "Check the NIP against the personnel records.",
    ),
    summary_id="Orang yang sama tercantum dengan NIP berbeda di laporan yang berbeda",
    summary_en="The same person appears with different NIPs in different reports",
    messages={
        "default": (
            "{subject} tercantum dengan NIP berbeda di {count} laporan: {places_id}",
            "{subject} appears with different NIPs in {count} reports: {places_en}",
        ),
    },
)


@dataclass(frozen=True)
class Identity:
    """One person of one report: the names, jabatan and NIPs printed for them there."""

    doc: CrossDoc
    name: str
    role: Optional[str]
    nips: frozenset[str]
    people: tuple[Person, ...]


def jabatan_role(jabatan: Optional[str], instansi: Optional[str]) -> Optional[str]:
    """'Camat Nita' in Kecamatan Nita → 'camat'; None for 'Pihak Pertama' or no jabatan."""
    if not jabatan:
        return None
    words = normalize_text(jabatan).split()
    if not words or words[0] in _NOT_ROLES:
        return None
    place = set(normalize_text(instansi or "").split()[1:])
    kept = [w for w in words if w not in place]
    return " ".join(kept) or None


def identities(doc: CrossDoc) -> list[Identity]:
    """The people of one report printed with a valid NIP, grouped by name."""
    out = []
    for group in clusters([p for p in doc.facts.people if p.nip_text and parse_nip(p.nip_text).valid]):
        roles = [r for r in (jabatan_role(p.jabatan, doc.instansi) for p in group) if r]
        role = Counter(roles).most_common(1)[0][0] if roles else None
        name = Counter(p.name for p in group).most_common(1)[0][0]
        out.append(Identity(doc, name, role, frozenset(nip_key(p.nip_text or "") for p in group), tuple(group)))
    return out


def same_identity(a: Identity, b: Identity) -> bool:
    """Whether two reports' people are one person: names alike and jabatan alike (or names near-equal)."""
    score = same_person(a.name, b.name)
    if a.role and b.role:
        return score >= SAME_NAME and fuzz.ratio(a.role, b.role) >= SAME_ROLE
    return score >= SAME_NAME_ALONE


def _groups(items: Sequence[Identity]) -> list[list[Identity]]:
    """Identities of different reports grouped into persons (linked pairwise)."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        """The group representative of i."""
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tokens = [set(t for t in normalize_text(x.name).split() if len(t) > 2) for x in items]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if (items[i].doc.document != items[j].doc.document and tokens[i] & tokens[j]
                    and find(i) != find(j) and same_identity(items[i], items[j])):
                parent[find(j)] = find(i)
    out: dict[int, list[Identity]] = {}
    for i, x in enumerate(items):
        out.setdefault(find(i), []).append(x)
    return [g for g in out.values() if len({x.doc.document for x in g}) > 1]


def _conflicting(group: Sequence[Identity]) -> bool:
    """Whether two reports of the group print NIP sets with nothing in common."""
    return any(not (a.nips & b.nips) for i, a in enumerate(group) for b in group[i + 1:]
               if a.doc.document != b.doc.document)


def check(docs: Sequence[CrossDoc]) -> Iterator[Finding]:
    """Yield one finding per person printed with different NIPs in different reports."""
    items = [x for d in docs for x in identities(d)]
    for group in _groups(items):
        if not _conflicting(group):
            continue
        nips = list(dict.fromkeys(n for x in group for n in sorted(x.nips)))
        name = Counter(x.name for x in group).most_common(1)[0][0]
        shown_nips = {n: shown(next(p.nip_text for x in group for p in x.people
                                    if p.nip_text and nip_key(p.nip_text) == n))
                      for n in nips}
        per_doc = [(x.doc.label, ", ".join(shown_nips[n] for n in sorted(x.nips))) for x in group]
        yield RULE.finding(
            subject=name,
            values={"nips": [shown_nips[n] for n in nips], "documents": [x.doc.document for x in group]},
            locations=[locate(x.doc, p.source, text=p.nip_text) for x in group for p in x.people],
            extra={"count": len(per_doc),
                   "places_id": "; ".join(f"{nip} ({doc})" for doc, nip in per_doc),
                   "places_en": "; ".join(f"{nip} ({doc})" for doc, nip in per_doc)},
        )
