"""X805 other-instansi-named: a report names a kecamatan or kelurahan of another report of the batch.

Apa yang diperiksa:
    Laporan instansi kewilayahan (kecamatan, kelurahan, desa) dalam satu
    pemeriksaan massal. Tempat milik laporan lain — nama instansinya ("Kecamatan
    Nita") atau unit yang dirinci dalam tabelnya ("Kelurahan Beru") — tidak
    boleh muncul dalam teks atau tabel laporan ini, kecuali tempat itu juga
    miliknya sendiri. Kalimat tentang batas wilayah ("berbatasan dengan ...")
    tidak dihitung. Instansi non-kewilayahan (dinas, badan) tidak diperiksa:
    menyebut instansi lain adalah hal biasa bagi mereka.

Mengapa penting:
    Nama kecamatan atau kelurahan lain dalam laporan hampir selalu sisa salinan
    dari laporan instansi lain: bagian itu mungkin tidak menggambarkan kinerja
    instansi ini sama sekali.

Contoh:
    Laporan Kecamatan Doreng menulis "pemasangan lampu jalan pada Kelurahan
    Wailiti", padahal Kelurahan Wailiti dirinci dalam laporan Kecamatan Alok
    Barat dan bukan dalam laporan Kecamatan Doreng.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from lakip.rules.corpus import TERRITORIAL, CrossDoc, Passage, instansi_key, is_territorial, locate_passage, words
from lakip.rules.base import Finding, Location, Rule

MAX_MENTIONS = 5
"""How many mentions of one place a finding lists."""
BOUNDARY = re.compile(r"\bbatas|berbatas", re.IGNORECASE)
_ABBREVIATED = {"kec": "kecamatan", "kel": "kelurahan"}

RULE = Rule(
    code="X805",
    slug="other-instansi-named",
    severity="warning",
    kriteria=(
        "LKjIP menggambarkan kinerja instansi itu sendiri (PermenPANRB 53/2014).",
        "An LKjIP describes the instansi's own performance (PermenPANRB 53/2014).",
    ),
    sebab=(
        "Bagian disalin dari laporan instansi lain.",
        "A part was copied from another instansi's report.",
    ),
    akibat=(
        "Bagian itu mungkin tidak menggambarkan kinerja instansi ini.",
        "That part may not describe this instansi's performance.",
    ),
    rekomendasi=(
        "Menulis ulang bagian itu dengan data instansi sendiri.",
        "Rewrite that part with the instansi's own data.",
    ),
    summary_id="Laporan menyebut kecamatan atau kelurahan milik laporan lain",
    summary_en="A report names a kecamatan or kelurahan of another report",
    messages={
        "default": (
            "{subject} disebut {count} kali dalam laporan {report}, padahal merupakan wilayah {owner}",
            "{subject} is named {count} times in the report of {report}, but it belongs to {owner}",
        ),
    },
)


@dataclass(frozen=True)
class Place:
    """A place a report owns: its key, its name as printed, and where the report shows it."""

    key: str
    name: str
    doc: CrossDoc
    where: Location


def owned(doc: CrossDoc) -> list[Place]:
    """The places a territorial report owns: its instansi and the units its tables detail."""
    if not is_territorial(doc.key):
        return []
    first = doc.passages[0] if doc.passages else Passage(None, doc.instansi or "")
    out = [Place(doc.key, doc.instansi or doc.key, doc, locate_passage(doc, first, doc.instansi))]
    for table in doc.facts.tables:
        key = instansi_key(table.unit)
        if table.unit and is_territorial(key) and key != doc.key:
            out.append(Place(key, table.unit, doc, Location(page=table.pages[0] if table.pages else None,
                                                            table=table.caption or table.table_id,
                                                            text=table.unit, document=doc.document)))
    return out


def own_keys(doc: CrossDoc, places: Sequence[Place]) -> set[str]:
    """A report's own place keys, with the kecamatan whose units include it."""
    mine = {p.key for p in places if p.doc.document == doc.document}
    mine.add(doc.key)
    mine |= {p.doc.key for p in places if p.key == doc.key}
    return mine


def mentions(passage: Passage, index: dict[str, list[Place]]) -> list[str]:
    """The keys of known places a passage names (longest name first at each place word)."""
    tokens = [_ABBREVIATED.get(w, w) for w in words(passage.text)]
    found = []
    for i, tok in enumerate(tokens):
        if tok not in TERRITORIAL:
            continue
        for n in (4, 3, 2, 1):
            key = " ".join(tokens[i:i + 1 + n])
            if i + n < len(tokens) and key in index:
                found.append(key)
                break
    return found


def snippet(text: str, name: str) -> str:
    """The words around a place's name in a passage."""
    pattern = r"\W+".join(re.escape(w) for w in name.split()[1:]) or re.escape(name)
    m = re.search(pattern, text, re.IGNORECASE)
    if not m:
        return text[:160]
    return text[max(0, m.start() - 70): m.end() + 70].strip()


def _foreign(doc: CrossDoc, index: dict[str, list[Place]], mine: set[str]) -> dict[str, list[Passage]]:
    """Places of other reports that ``doc`` names, with the passages naming them."""
    out: dict[str, list[Passage]] = {}
    for passage in doc.passages:
        if BOUNDARY.search(passage.text):
            continue
        for key in mentions(passage, index):
            if key not in mine and any(p.doc.key != doc.key for p in index[key]):
                out.setdefault(key, []).append(passage)
    return out


def _owner(places: Sequence[Place], doc: CrossDoc) -> Optional[Place]:
    """The place entry of another instansi, preferring its own instansi over a unit."""
    others = [p for p in places if p.doc.key != doc.key]
    return min(others, key=lambda p: (p.key != p.doc.key, p.doc.document)) if others else None


def check(docs: Sequence[CrossDoc]) -> Iterator[Finding]:
    """Yield one finding per report and place of another report that it names."""
    places = [p for d in docs for p in owned(d)]
    index: dict[str, list[Place]] = {}
    for p in places:
        index.setdefault(p.key, []).append(p)
    for doc in docs:
        if not is_territorial(doc.key):
            continue
        for key, found in _foreign(doc, index, own_keys(doc, places)).items():
            owner = _owner(index[key], doc)
            if owner is None:
                continue
            yield RULE.finding(
                subject=owner.name,
                values={"place": owner.name, "count": len(found), "owner_document": owner.doc.document},
                locations=[locate_passage(doc, p, snippet(p.text, owner.name)) for p in found[:MAX_MENTIONS]]
                + [owner.where],
                extra={"report": doc.label, "owner": owner.doc.label},
            )
