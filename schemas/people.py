"""People named in the report: signature blocks and "Nama : … Jabatan : …" blocks.

A signature block is a few short lines: an optional place-and-date line, the
jabatan ("Camat Alok Barat,", "Pihak Pertama,"), the NAME, the pangkat
("Pembina Tk. I", "IV/b") and the NIP. Two blocks printed side by side come
out one after the other ("Pihak Kedua," "Pihak Pertama," NAME2 NAME1 pangkat
NIP): jabatan lines are paired with names in order, and a NIP belongs to the
name right above it (its pangkat between). A name counts only in that
setting — a NIP, a pangkat, a jabatan or a date line around it — so capitalised
titles ("KECAMATAN ALOK BARAT") are never taken for people.

Signature blocks laid out in small tables (Word drafts) are read column by
column; a cell whose text runs "JABATAN, NAME Pangkat NIP. …" together is split.
The Perjanjian Kinerja's "Nama : … / Jabatan : … / NIP : …" lines give people
with context 'pihak' (a political office holder has no NIP).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from lakip.ingest.model import Document, Table
from lakip.schemas.document import Line, text_lines
from lakip.values.dates import is_date_line
from lakip.schemas.facts import Person, Source
from lakip.schemas.mentions import cell_source
from lakip.schemas.names import split_person_name
from lakip.values.nip import NipMention, find_nip_mentions, label_pattern, parse_nip

_PANGKAT = re.compile(r"^(?:Pembina|Penata|Pengatur|Juru)\b(?:\s+(?:Utama|Muda|Madya|Tingkat|Tk\.?|I{1,2}\b|Pratama))*"
                      r"(?:\s*[,(]?\s*(?:I|II|III|IV)\s*/\s*[a-e]\s*\)?)?\.?$"
                      r"|^\(?\s*(?:I|II|III|IV)\s*/\s*[a-e]\s*\)?$",
                      re.I)
_PANGKAT_IN = re.compile(r"\s+(?:Pembina|Penata|Pengatur|Juru)\b.*$|\s+\(?(?:I|II|III|IV)\s*/\s*[a-e]\)?\s*$", re.I)
_JABATAN = re.compile(
    r"^(?:a\.?\s*n\.?|an\.|plt\.?|plh\.?|pj\.?|penjabat|kepala|camat|lurah|sekretaris|sekcam|bupati|wakil|walikota|"
    r"wali\s+kota|gubernur|direktur|inspektur|pihak|kabid|kasubag|kasubbag|kasi|ketua|mengetahui|menyetujui|"
    r"pejabat|pimpinan|atasan|yang\s+membuat|pembuat|disusun|diperiksa)\b", re.I)
_NOT_NAME = frozenset({
    "kecamatan", "kabupaten", "kota", "provinsi", "dinas", "badan", "pemerintah", "kantor", "sekretariat", "republik",
    "indonesia", "laporan", "kinerja", "perjanjian", "tahun", "bab", "tabel", "program", "kegiatan", "lampiran",
    "daftar", "kata", "pengantar", "ringkasan", "eksekutif", "pendahuluan", "penutup", "rincian", "berdasarkan",
    "indikator", "sasaran", "target", "realisasi", "anggaran", "jumlah", "total", "keterangan", "sumber", "bagan",
    "struktur", "organisasi", "analisis", "capaian", "rencana", "strategis", "akuntabilitas", "lakip", "lkjip",
    "kelurahan", "desa", "inspektorat", "sub", "bagian", "seksi", "tujuan", "misi", "visi", "kesimpulan", "saran",
    "dan", "yang", "dengan", "untuk", "dalam", "pada", "dari", "atau", "serta", "tentang", "nomor", "pihak",
})
_ITEM = re.compile(r"^(?:[-•●▪■◆❖➤►>*·]|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_FIELD = re.compile(r"^(?P<label>Nama|Jabatan|NIP(?:\s*PPPK)?|NI\s*PPPK|NIPPPK|Pangkat(?:\s*/\s*Gol(?:ongan)?\.?)?|Golongan)"
                    r"\s*:\s*(?P<value>.*)$", re.I)
_FIELD_SPLIT = re.compile(r"\s+(?=(?:Jabatan|NIP(?:\s*PPPK)?|NI\s*PPPK|NIPPPK|Pangkat(?:\s*/\s*Gol(?:ongan)?\.?)?)\s*:)", re.I)


@dataclass(frozen=True)
class _Row:
    """A line of a signature or Nama/Jabatan block, wherever it was printed."""

    text: str
    source: Source


def is_person_name(text: str) -> bool:
    """Whether a line can be a person's name as printed under a signature (titles allowed)."""
    t = text.strip()
    if not 2 <= len(t) <= 70 or re.search(r"[\d:;]", t) or t.endswith(",") or _has_label(t):
        return False
    if _PANGKAT.match(t) or _JABATAN.match(t):
        return False
    person = split_person_name(t)
    if not 1 <= len(person.tokens) <= 8 or any(tok in _NOT_NAME for tok in person.tokens):
        return False
    if any(len(re.sub(r"[\s.]", "", d)) > 8 or len(d.split()) > 3 for d in person.titles_after):
        return False  # what follows a comma must be degrees ("SE", "M. Si"), not more text
    given = [g for g in person.given if re.search(r"[A-Za-z]", g)]
    return all(g[0].isupper() for g in given) and len(person.given) >= 1


def _has_label(text: str) -> bool:
    """Whether a NIP or PPPK label is printed anywhere in the text."""
    return label_pattern(prefix=False).search(text) is not None


def _starts_with_label(text: str) -> bool:
    """Whether the text starts with a NIP or PPPK label."""
    return label_pattern().match(text) is not None


def _first_nip(text: str) -> Optional[NipMention]:
    """The first NIP-like number in a text."""
    found = find_nip_mentions(text)
    return found[0] if found else None


def _nip_of(text: str) -> Optional[str]:
    """The NIP printed on a line that starts with a NIP label, as printed (a PPPK label kept)."""
    if not _starts_with_label(text.strip()):
        return None
    found = _first_nip(text)
    return found.printed if found else None


def _nip_from(rows: list[_Row], k: int) -> tuple[Optional[str], int]:
    """The NIP of a label line at ``k``, with the number continued on up to two following lines
    ('NIP:' / '19720112 201105' / '2 038'), and how many lines it took."""
    t = rows[k].text.strip()
    if not _starts_with_label(t):
        return None, 0
    used = 1
    while used < 3 and k + used < len(rows) and re.fullmatch(r"[\d\s.\-]+", rows[k + used].text.strip()):
        if len(re.sub(r"\D", "", "\n".join(r.text for r in rows[k:k + used]))) >= 18:
            break
        used += 1
    found = _first_nip("\n".join(r.text.strip() for r in rows[k:k + used]))
    return (found.printed, used) if found else (None, 0)


def _jabatan_units(rows: list[_Row]) -> list[str]:
    """Jabatan lines joined into one jabatan per trailing comma ('Kepala Dinas' + 'Kabupaten X,')."""
    units: list[str] = []
    buf: list[str] = []
    for row in rows:
        buf.append(row.text.strip())
        if row.text.strip().endswith(","):
            units.append(" ".join(buf).rstrip(", "))
            buf = []
    if buf:
        units.append(" ".join(buf).rstrip(", "))
    return units


def _jabatan_before(rows: list[_Row], first: int) -> tuple[list[str], bool]:
    """The jabatan lines just above a group of names, and whether a date line is there too."""
    picked: list[_Row] = []
    dated = False
    k = first - 1
    while k >= 0 and first - k <= 4:
        t = rows[k].text.strip()
        if is_date_line(t):
            dated = True
            break
        if len(t) > 80 or not (t.endswith(",") or _JABATAN.match(t)) or _has_label(t) or _ITEM.match(t):
            break
        picked.insert(0, rows[k])
        k -= 1
    return _jabatan_units(picked), dated


def signature_people(rows: list[_Row]) -> list[Person]:
    """People in signature blocks among consecutive rows."""
    out: list[Person] = []
    i = 0
    while i < len(rows):
        if not is_person_name(rows[i].text):
            i += 1
            continue
        group = [i]
        while group[-1] + 1 < len(rows) and is_person_name(rows[group[-1] + 1].text) and len(group) < 3:
            group.append(group[-1] + 1)
        k = group[-1] + 1
        pangkat = nip = None
        while k < len(rows) and k - group[-1] <= 3:
            t = rows[k].text.strip()
            found, used = _nip_from(rows, k)
            if _PANGKAT.match(t) and pangkat is None:
                pangkat = t
            elif found:
                nip = found
                k += used
                break
            else:
                break
            k += 1
        units, dated = _jabatan_before(rows, group[0])
        if not (units or dated or pangkat or nip):
            i = group[-1] + 1
            continue
        for n, idx in enumerate(group):
            last = n == len(group) - 1
            jab = units[n] if len(units) == len(group) else (units[-1] if units and last else None)
            out.append(Person(name=rows[idx].text.strip(), source=rows[idx].source, jabatan=jab,
                              pangkat=pangkat if last else None, nip_text=nip if last else None))
        i = max(k, group[-1] + 1)
    return out


def collapsed_people(rows: list[_Row]) -> list[Person]:
    """People whose whole signature is one line: 'Camat X, NAME, SE Pembina Tk. I NIP. …'."""
    out = []
    for row in rows:
        label = label_pattern(prefix=False).search(row.text)
        if not label or not row.text[:label.start()].strip():
            continue
        head = row.text[:label.start()].strip()
        nip = _first_nip(row.text[label.start():])
        pangkat = _PANGKAT_IN.search(head)
        if pangkat:
            head = head[:pangkat.start()].strip()
        jabatan = None
        m = re.match(r"^(?P<jab>[^,]{3,80}),\s+(?P<name>.+)$", head)
        if m and _JABATAN.match(m["jab"]):
            jabatan, head = m["jab"].strip(), m["name"].strip()
        if is_person_name(head) and nip:
            out.append(Person(name=head, source=row.source, jabatan=jabatan,
                              pangkat=pangkat.group().strip() if pangkat else None, nip_text=nip.printed))
    return out


def pihak_people(rows: list[_Row]) -> list[Person]:
    """People of 'Nama : … / Jabatan : … / NIP : …' blocks (the Perjanjian Kinerja's pihak)."""
    fields: list[tuple[str, str, Source]] = []
    for row in rows:
        for part in _FIELD_SPLIT.split(row.text.strip()):
            m = _FIELD.match(part.strip())
            if m:
                label = m["label"].lower()
                key = "ppk" if "pppk" in label else label[:3]
                fields.append((key, m["value"].strip(" ,"), row.source))
    out = []
    for n, (label, value, source) in enumerate(fields):
        if label != "nam" or not value or not is_person_name(value):
            continue
        info: dict[str, str] = {}
        for other, v, _ in fields[n + 1:n + 5]:
            if other == "nam":
                break
            info.setdefault(other, v)
        number = info.get("ppk") or info.get("nip")
        nip = _first_nip(("NI PPPK " if info.get("ppk") else "NIP ") + number) if number else None
        out.append(Person(name=value, source=source, jabatan=info.get("jab") or None,
                          pangkat=info.get("pan") or info.get("gol") or None,
                          nip_text=nip.printed if nip else None, context="pihak"))
    return out


def _split_nip_cells(row: Sequence) -> Optional[int]:
    """The column of a NIP label printed in its own cell with the number in the next cells ('NIP :' | '1972…')."""
    filled = [(c, cell.text.strip()) for c, cell in enumerate(row) if cell.text and cell.text.strip()]
    if len(filled) < 2:
        return None
    c, first = filled[0]
    m = label_pattern().match(first)
    if not m or first[m.end():].strip(" .:") or not all(re.fullmatch(r"[\d\s.\-]+", t) for _, t in filled[1:]):
        return None
    return c


def _table_rows(table: Table) -> list[list[_Row]]:
    """A small table's text as row sequences: field rows ('Nama : …') whole, other cells column by column."""
    if table.n_cols > 4 or len(table.rows) + len(table.header) > 14:
        return []
    grid = table.header + table.rows
    fields: list[_Row] = []
    columns: list[list[_Row]] = [[] for _ in range(table.n_cols)]
    for r, row in enumerate(grid):
        texts = [c.text for c in row if c.text]
        body_row = r - len(table.header) + 1 if r >= len(table.header) else None
        joined = " ".join(texts).replace(" :", " :")
        field = re.sub(r"\s*:\s*", " : ", joined, count=1)
        is_field = bool(texts) and _FIELD.match(field) is not None
        if is_field:
            fields.append(_Row(field, cell_source(table, body_row, 0, joined, row[0].page if row else None)))
        split = _split_nip_cells(row)
        if split is not None:
            columns[split].append(_Row(joined, cell_source(table, body_row, split, joined, row[split].page)))
        if is_field or split is not None:
            continue
        for c, cell in enumerate(row):
            if cell.text and (c == 0 or cell.text != row[c - 1].text):
                columns[c].append(_Row(cell.text, cell_source(table, body_row, c, cell.text, cell.page)))
    return [fields] + [col for col in columns if col]


def _line_rows(lines: tuple[Line, ...]) -> list[_Row]:
    """Text lines as rows."""
    return [_Row(line.text, line.source()) for line in lines]


def extract_people(doc: Document) -> tuple[Person, ...]:
    """Every person named in a signature block or a Nama/Jabatan block, in reading order."""
    sequences = [_line_rows(text_lines(doc))]
    for table in doc.tables:
        sequences += _table_rows(table)
    out: list[Person] = []
    for rows in sequences:
        out += pihak_people(rows) + signature_people(rows) + collapsed_people(rows)
    unique = list(dict.fromkeys(out))
    return tuple(unique)


def by_nip(people: Sequence[Person]) -> dict[str, list[Person]]:
    """People grouped by the digits of their well-formed NIP (people without one are left out)."""
    groups: dict[str, list[Person]] = {}
    for person in people:
        if person.nip_text:
            nip = parse_nip(person.nip_text)
            if nip.well_formed:
                groups.setdefault(nip.digits, []).append(person)
    return groups
