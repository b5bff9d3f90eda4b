"""Facts about the report as a whole: instansi, tahun, chapters, signing date.

Also the shared view of running text the other text extractors use: ``Line``
(one printed line or paragraph, with its page) and ``text_lines``; heading
recognition (``is_heading``); dates with Indonesian month names
(``find_dates``) and place-and-date signature lines (``is_date_line``).

Judgement calls:

* A chapter counts only where it is a HEADING in the body: a short line of its
  own that does not end like a sentence or a table-of-contents entry (dot
  leaders, a page number). Chapter names that come in a packed run — the
  Daftar Isi, or the "Sistematika Penyajian" list in Bab I — are LISTINGS and
  do not count: three or more chapter names in increasing order with little
  text between them, or two within a few lines.
* The Perjanjian Kinerja counts when a "PERJANJIAN KINERJA" heading is
  followed by "pihak pertama/kedua" or by a table, or a table's caption names it.
* The signing date is the first place-and-date line outside the Perjanjian
  Kinerja before the first chapter (the Kata Pengantar), else the last one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from lakip import vocab
from lakip.ingest.model import BBox, Document
from lakip.schemas.facts import Chapter, DocFacts, Source
from lakip.values.dates import find_dates, is_date_line

_PLACE_YEAR = re.compile(r"^[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)?,? (?:19|20)\d\d$")

_TOC_TAIL = re.compile(r"(?:\.{3,}|…|\s{2,}|\s)\s*(?:\d{1,3}|[ivxlc]{1,6})\s*$|\.{4,}\s*$|…\s*$")
_BULLET = re.compile(r"^(?:[-•●▪■◆❖➤►>*·]|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_STOP = {"dan", "di", "ke", "dari", "yang", "atau", "serta", "antara", "dengan", "pada", "untuk", "terhadap",
         "tentang", "sampai", "dalam", "atas", "bagi", "per", "s/d", "oleh", "sebagai", "ini"}
_LETTER_SPACED = re.compile(r"\b(?:[A-Za-z] ){2,}[A-Za-z]\b")

REPORT_WORDS = re.compile(
    r"\b(?:LAKIP|LKjIP|LKIP|LAKIN|LKj|LPPD|Laporan\s+Kinerja|Laporan\s+Akuntabilitas\s+Kinerja)\b", re.I)
ORG = (r"(?:Dinas|Badan|Kecamatan|Kelurahan|Desa|Sekretariat|Inspektorat|RSUD|Rumah\s+Sakit|Satuan|Kantor|"
       r"Biro|Bagian|Puskesmas|Unit|Dewan|Balai|UPTD?|Pemerintah|Bappeda|Bapenda|BPBD|BKPSDM|Disdukcapil)")
_INSTANSI = re.compile(
    REPORT_WORDS.pattern + r"(?:\s+Instansi\s+Pemerintah)?(?:\s*\([A-Za-z]+\))?\s+(?P<inst>" + ORG
    + r"(?:\s+(?:[A-Z][\w/&.'\-]*|dan|dan/atau|&))*)", re.I)
_HEADER_NAME = re.compile(REPORT_WORDS.pattern + r"(?:\s+Instansi\s+Pemerintah)?\s+(?:(?:19|20)\d\d\s+)?"
                          r"(?P<inst>[A-Z][\w.&/'\-]*(?:\s+[A-Z][\w.&/'\-]*){0,7})\s*$")
_COVER_ORG = re.compile(r"^" + ORG + r"(?:\s+[A-Z][\w/&.'\-]*)+$", re.I)
_INST_CUT = re.compile(r"\s+(?:Tahun|TA|Periode|Semester|Triwulan)\b.*$", re.I)

CHAPTER_KEYS = ("ringkasan", "bab1", "bab2", "bab3", "bab4")
"""The chapters of the sistematika; their words are in ``vocab/chapters.toml``."""
CHAPTER_NAMES = {"ringkasan": "Ringkasan Eksekutif", "bab1": "Bab I Pendahuluan",
                 "bab2": "Bab II Perencanaan Kinerja", "bab3": "Bab III Akuntabilitas Kinerja",
                 "bab4": "Bab IV Penutup", "pk": "Perjanjian Kinerja"}
RANK = {"ringkasan": 0, "bab1": 1, "bab2": 2, "bab3": 3, "bab4": 4}
_BAB = re.compile(r"^BAB\s*[-.:]?\s*(?P<num>[IVX]{1,4}|\d{1,2})\b\s*[:.\-–]?\s*(?P<title>.*)$", re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
_ACRONYMS = frozenset({"RSUD", "UPTD", "UPT", "DPRD", "BAPPEDA", "BAPENDA", "SKPD", "OPD", "SETDA"})
_PK_HEAD = r"^(?:[a-z\d]{1,3}(?:\.\d{1,2})*[.)]?\s+)?(?:dokumen\s+|lampiran\s+)?(?:perubahan\s+)?(?:%s)\b"
_PIHAK = re.compile(r"\bpihak\s+(?:pertama|kedua)\b", re.I)
LISTING_GAP = 900
"""Characters of text between two chapter names below which they count as one listing."""


@lru_cache(maxsize=256)
def _compiled(entries: tuple[str, ...], template: str) -> re.Pattern[str]:
    """One case-insensitive pattern from vocabulary entries put into a template (a space matches any)."""
    alternation = "|".join(e.replace(" ", r"\s+") for e in sorted(entries, key=len, reverse=True))
    return re.compile(template % alternation, re.I)


def chapter_words(key: str) -> re.Pattern[str]:
    """The words of one chapter's title after 'BAB N' (or of the Perjanjian Kinerja, 'pk'), searched in a text."""
    return _compiled(vocab.words("chapters", key), r"\b(?:%s)\b")


def chapter_heading(key: str) -> re.Pattern[str]:
    """A whole heading line that names one chapter without 'BAB N'."""
    name = key if key == "ringkasan" else f"{key}_heading"
    return _compiled(vocab.words("chapters", name), r"^(?:%s)$")


def pk_head() -> re.Pattern[str]:
    """A heading that starts with the Perjanjian Kinerja's name (numbered, 'LAMPIRAN', 'PERUBAHAN' allowed)."""
    return _compiled(vocab.words("chapters", "pk"), _PK_HEAD)


@dataclass(frozen=True)
class Line:
    """One line (or paragraph) of running text in reading order, with where it was printed."""

    text: str
    page: Optional[int]
    index: int
    order: int
    bold: bool = False
    bbox: Optional[BBox] = None

    def source(self, snippet: Optional[str] = None) -> Source:
        """The Source of this line, with a snippet (the line itself by default)."""
        return Source(page=self.page, text=snippet if snippet is not None else self.text, bbox=self.bbox)


def text_lines(doc: Document) -> tuple[Line, ...]:
    """Every non-empty line of the document's text blocks, in reading order."""
    out: list[Line] = []
    for block in doc.blocks:
        parts = [p.strip() for p in block.text.split("\n")]
        for part in parts:
            if part:
                out.append(Line(re.sub(r"\s+", " ", part), block.page, len(out), block.order, block.bold,
                                block.bbox if len(parts) == 1 else None))
    return tuple(out)


def unspace(text: str) -> str:
    """Letter-spaced words joined: 'P E N U T U P' → 'PENUTUP'."""
    return _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), text)


def is_toc_entry(text: str) -> bool:
    """Whether a line ends like a table-of-contents entry (dot leaders or a page number)."""
    t = text.strip()
    if re.match(r"^BAB\s*[IVX\d]+\s*$", t, re.I):
        return False
    return bool(_TOC_TAIL.search(t)) and len(t.split()) >= 2


def titleish(text: str) -> bool:
    """Whether a line reads like a title: upper case or (nearly) every word capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'/\-]*", unspace(text)) if w.lower() not in _STOP]
    if not words:
        return False
    if all(w.isupper() or len(w) == 1 for w in words):
        return True
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.75


def is_heading(lines: tuple[Line, ...], i: int) -> bool:
    """Whether line i is a heading: short, on its own, title-like, not a sentence or a TOC entry."""
    t = lines[i].text
    if len(t) > 120 or len(t.split()) > 16 or _BULLET.match(t) and not re.match(r"^\(?\d{1,2}[.)]\s|^[A-H][.)]\s", t):
        return False
    if re.search(r"[,;]$", t) or (t.endswith(".") and not re.search(r"\b[A-Z]{1,4}\.$", t)) or is_toc_entry(t):
        return False
    if t.endswith(":") and len(t.split()) > 6:
        return False
    if not titleish(t):
        return False
    prev = lines[i - 1] if i > 0 else None
    if prev is not None and prev.page == lines[i].page and not lines[i].bold:
        if not re.search(r"[.:;!?]$", prev.text) and (len(prev.text) > 70 and not titleish(prev.text)
                                                      or re.search(r"\b(?:dan|dengan|serta|atau|yang|di|ke|dari|"
                                                                   r"untuk|pada|antara|terhadap|tentang)$", prev.text)):
            return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return nxt is None or lines[i].bold or not re.match(r"^[a-z]", nxt.text)


def is_place_year(text: str) -> bool:
    """Whether a line is a cover's place and year ('WAILITI 2025'), not a title ('LAKIP 2024')."""
    t = text.strip()
    return bool(_PLACE_YEAR.match(t)) and not REPORT_WORDS.search(t) and not re.search(r"\btahun\b", t, re.I)


@dataclass(frozen=True)
class _Candidate:
    """A line that names a chapter, with its offset in the running text."""

    key: str
    line: Line
    offset: int


def _chapter_key(lines: tuple[Line, ...], i: int) -> Optional[str]:
    """The chapter a heading line names ('BAB III', 'AKUNTABILITAS KINERJA'), or None."""
    t = unspace(lines[i].text).strip()
    m = _BAB.match(t)
    if m:
        title = m["title"].strip()
        if title and (not titleish(title) or re.match(r"^[a-z]", title)):
            return None
        if not title and i + 1 < len(lines) and titleish(lines[i + 1].text):
            title = unspace(lines[i + 1].text)
        for key in CHAPTER_KEYS[1:]:
            if title and chapter_words(key).search(title):
                return key
        n = m["num"].upper()
        num = _ROMAN.get(n) if n in _ROMAN else (int(n) if n.isdigit() else None)
        return f"bab{num}" if num in (1, 2, 3, 4) and not title else None
    plain = re.sub(r"^(?:[IVX]{1,4}|\d{1,2})[.)]\s*", "", t)
    for key in CHAPTER_KEYS:
        if chapter_heading(key).match(plain):
            return key
    return None


def _candidates(lines: tuple[Line, ...]) -> list[_Candidate]:
    """Chapter headings and listed chapter names, with their character offset in the text."""
    out: list[_Candidate] = []
    offset = 0
    for i, line in enumerate(lines):
        if is_heading(lines, i) or re.match(r"^BAB\s*[IVX\d]+\s*:", line.text, re.I) and not is_toc_entry(line.text):
            key = _chapter_key(lines, i)
            if key and not (out and out[-1].key == key and offset - out[-1].offset < 120):
                out.append(_Candidate(key, line, offset))
        offset += len(line.text) + 1
    return out


def _listed(cands: list[_Candidate]) -> set[int]:
    """Indexes of the candidates that are entries of a listing (TOC, sistematika), not headings."""
    listed: set[int] = set()
    run = [0] if cands else []
    for k in range(1, len(cands) + 1):
        if k < len(cands):
            prev, cur = cands[k - 1], cands[k]
            if RANK[cur.key] > RANK[prev.key] and cur.offset - prev.offset < LISTING_GAP:
                run.append(k)
                continue
        span = cands[run[-1]].offset - cands[run[0]].offset if run else 0
        pages = {cands[i].line.page for i in run}
        own_pages = len(run) >= 2 and len(pages) >= max(2, len(run) - 1)  # each on a page of its own: headings
        if not own_pages and (len(run) >= 3 or (len(run) == 2 and span < 200)):
            listed.update(run)
        run = [k]
    return listed


def pk_heads(lines: tuple[Line, ...]) -> list[int]:
    """Indexes of the headings that name a Perjanjian Kinerja (not a chapter title that mentions it)."""
    return [i for i, line in enumerate(lines)
            if pk_head().match(line.text) and is_heading(lines, i) and not _chapter_key(lines, i)]


def _pk_chapter(doc: Document, lines: tuple[Line, ...]) -> Chapter:
    """The Perjanjian Kinerja: a heading followed by pihak pertama/kedua or a table, or a PK caption."""
    for i in pk_heads(lines):
        line = lines[i]
        follow = lines[i + 1:i + 40]
        stop = next((n for n, f in enumerate(follow) if _chapter_key(lines, f.index)), len(follow))
        follow = follow[:stop]
        end_order = follow[min(len(follow), 6) - 1].order if follow else line.order
        has_table = any(line.order < t.order <= end_order + 1 for t in doc.tables)
        if any(_PIHAK.search(f.text) for f in follow) or has_table:
            return Chapter("pk", CHAPTER_NAMES["pk"], True, line.source())
    for table in doc.tables:
        if table.caption and chapter_words("pk").search(table.caption):
            return Chapter("pk", CHAPTER_NAMES["pk"], True, Source(page=table.first_page, table_id=table.id,
                                                                     text=table.caption))
    return Chapter("pk", CHAPTER_NAMES["pk"], False)


def extract_chapters(doc: Document, lines: Optional[tuple[Line, ...]] = None) -> tuple[Chapter, ...]:
    """The six parts of the PermenPANRB 53/2014 sistematika and whether each is a heading in the body."""
    lines = lines if lines is not None else text_lines(doc)
    cands = _candidates(lines)
    listed = _listed(cands)
    found: dict[str, Line] = {}
    for k, c in enumerate(cands):
        if k not in listed and c.key not in found:
            found[c.key] = c.line
    chapters = [Chapter(key, CHAPTER_NAMES[key], key in found, found[key].source() if key in found else None)
                for key in CHAPTER_KEYS]
    return tuple(chapters) + (_pk_chapter(doc, lines),)


def _title_case(name: str) -> str:
    """'KECAMATAN ALOK BARAT' → 'Kecamatan Alok Barat' (acronyms such as RSUD, BPLHD kept)."""
    if not name.isupper():
        return name
    return " ".join(w if w in _ACRONYMS or not re.search(r"[AEIOU]", w) else w.capitalize()
                    for w in name.split())


def extract_instansi(lines: tuple[Line, ...]) -> Optional[str]:
    """The institution the report is about: most often named after 'Laporan Kinerja'/'LAKIP' or on the cover."""
    votes: Counter = Counter()
    forms: dict[str, str] = {}
    for i, line in enumerate(lines):
        names = [m["inst"] for m in _INSTANSI.finditer(line.text)]
        header = _HEADER_NAME.match(line.text)
        if not names and header and len(line.text) <= 80:
            names.append(header["inst"])
        if i < 12 and _COVER_ORG.match(line.text) and not re.match(r"^Pemerintah\b", line.text, re.I):
            names.append(line.text)
        for name in names:
            name = _INST_CUT.sub("", name).strip(" ,.;:")
            name = re.sub(r"\s+(?:dan|ini|yang)$", "", name, flags=re.I)
            if len(name.split()) < 2:
                continue
            key = name.casefold()
            votes[key] += 1
            if key not in forms or (forms[key].isupper() and not name.isupper()):
                forms[key] = name
    if not votes:
        return None
    return _title_case(forms[votes.most_common(1)[0][0]])


_YEAR_AFTER_REPORT = re.compile(
    REPORT_WORDS.pattern + r"[^.;:\n]{0,80}?\b(?:Tahun\s+)?((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)", re.I)
_TAHUN_ANGGARAN = re.compile(r"\bTahun\s+Anggaran\s+((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)", re.I)
_LEGAL = re.compile(r"\b(?:Nomor|No\.?)\s*[\w./\-]+\s+Tahun\s*$", re.I)


def extract_tahun(lines: tuple[Line, ...]) -> Optional[int]:
    """The year the report covers: 'LAKIP 2024', 'Laporan Kinerja … Tahun 2024', 'Tahun Anggaran 2024'."""
    votes: Counter = Counter()
    for i, line in enumerate(lines):
        weight = 3 if (i < 15 or is_heading(lines, i)) and len(line.text) < 120 else 2
        for m in _YEAR_AFTER_REPORT.finditer(line.text):
            before = line.text[:m.start(1)]
            if _LEGAL.search(before) or re.match(r"\s*tentang\b", line.text[m.end(1):], re.I):
                continue
            votes[int(m[1])] += weight
        for m in _TAHUN_ANGGARAN.finditer(line.text):
            votes[int(m[1])] += 1
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: (kv[1], -kv[0]))[0]


def pk_spans(lines: tuple[Line, ...], chapters: tuple[Chapter, ...]) -> list[tuple[int, int]]:
    """Line-index spans of Perjanjian Kinerja sections: from a PK heading to the next chapter heading."""
    starts = pk_heads(lines)
    heads = {c.source.text for c in chapters if c.present and c.key != "pk" and c.source}
    spans = []
    for s in starts:
        end = next((j for j in range(s + 1, len(lines)) if lines[j].text in heads), len(lines))
        spans.append((s, end))
    return spans


def signature_dates(lines: tuple[Line, ...], chapters: tuple[Chapter, ...]) -> list[tuple[Line, date, bool]]:
    """Place-and-date lines with a real date, each with whether it belongs to a Perjanjian Kinerja."""
    spans = pk_spans(lines, chapters)
    out = []
    for i, line in enumerate(lines):
        if not is_date_line(line.text):
            continue
        found = [d[3] for d in find_dates(line.text) if d[3] is not None]
        if not found:
            continue
        near = " ".join(x.text for x in lines[i + 1:i + 4])
        in_pk = any(a <= i < b for a, b in spans) or bool(_PIHAK.search(near))
        out.append((line, found[0], in_pk))
    return out


def extract_document_date(lines: tuple[Line, ...], chapters: tuple[Chapter, ...]) -> Optional[date]:
    """The date the report itself was signed (Kata Pengantar, else the last signature outside the PK)."""
    own = [(line, d) for line, d, in_pk in signature_dates(lines, chapters) if not in_pk]
    if not own:
        return None
    first_index = next((ln.index for ln in lines for c in chapters
                        if c.present and c.key != "pk" and c.source and c.source.text == ln.text), None)
    before = [d for line, d in own if first_index is not None and line.index < first_index]
    if before:
        return before[0]
    return own[-1][1]


def extract_doc_facts(doc: Document) -> DocFacts:
    """Instansi, reporting year, chapters and signing date of one document."""
    lines = text_lines(doc)
    chapters = extract_chapters(doc, lines)
    return DocFacts(instansi=extract_instansi(lines), tahun=extract_tahun(lines), chapters=chapters,
                    document_date=extract_document_date(lines, chapters))
