"""What the running text states: amounts per program/kegiatan, counts, numbers in words.

Text is read as paragraphs: printed lines are joined until a line ends a
sentence (``.``, ``;``, ``:``), a list item or bullet starts ("1.", "a)", "-",
"➤"), or a table comes between, so a sentence wrapped over lines or pages
(PDF) reads as one. Bare page numbers at the top or bottom of a page are skipped.

* Amounts: "Sub Kegiatan X dengan alokasi dana sebesar Rp. A,- terealisasi
  sebesar Rp. B,- atau C%" → subject, level, pagu, realisasi, percent; "…
  efisiensi sebesar 3,30% yaitu sebesar Rp. S" → sisa. Each amount is given a
  role by the words just before it (alokasi/anggaran/pagu → pagu;
  realisasi/terserap/diserap → realisasi; sisa/efisiensi → sisa). A statement
  that names no program/kegiatan but the institution, the DPA/DPPA or a total
  is level 'total'.
* Counts: "3 (tiga) program", "4 Indikator Kinerja Utama", "dengan 5
  kegiatan". A count said of a named program or kegiatan ("Program X, dengan
  5 kegiatan", or a list item "1. Kegiatan Y, dengan 2 sub kegiatan") keeps that
  subject in its snippet (``source.text``); ``scope_of`` reads it back.
  A list item's number ("1 Kegiatan Perencanaan …") is not a count.
* Number words: a figure followed by words in parentheses, "4 (empat)",
  "Rp. 4.760.149.793,- (Empat Miliar … Rupiah)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from lakip.values.figures import Figure, find_figures
from lakip.ingest.model import Document
from lakip.schemas.document import ORG, Line, text_lines
from lakip.schemas.facts import (
    LEVEL_KEGIATAN, LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_TOTAL, NarrativeAmount, NumberWords, Source,
    StatedCount,
)
from lakip.values.terbilang import from_words

_MARKER = re.compile(r"^(?:[-•●▪■◆❖➤►>*·]\s*|\(?\d{1,2}[.)]\s+|\(?\d{1,2}\s+(?=[A-Z])|\(?[a-zA-Z][.)]\s+"
                     r"|[a-z]\s+(?=[A-Z]))")
_BULLET = re.compile(r"^(?:[-•●▪■◆❖➤►>*·]\s*|\(?\d{1,2}[.)]\s+|\(?[a-zA-Z][.)]\s+)")
"""A line starting like this starts a new list item ('4 Kegiatan …' without a dot only after a sentence end)."""
_FOLIO = re.compile(r"^\s*(?:[-–]\s*)?(?:\d{1,3}|[ivxlc]{1,6})(?:\s*[-–])?\s*$", re.I)
_ABBREV = {"rp", "tk", "no", "kab", "kec", "kel", "prov", "drs", "dr", "ir", "h", "hj", "jl", "dll", "dsb", "an",
           "plt", "pj", "si", "se", "st", "sh", "nip", "tgl", "hal", "th", "thn", "ket", "yth", "bpk", "sdr"}
_LEVEL_WORD = re.compile(r"(?<![\w/])(Sub\s*-?\s*[Kk]egiatan|SUB\s*KEGIATAN|Kegiatan|KEGIATAN|Program|PROGRAM)\s+"
                         r"(?!(?:yang|dan|dengan|tersebut|ini|kegiatan|di|ke|pada|untuk)\b)(?=[\w/(])")
_END_SUBJECT = re.compile(
    r",?\s+(?:yang\s+)?(?:dengan\s+)?(?:di)?alokasi|,?\s+dengan\s+(?:anggaran|pagu|total|realisasi)|,?\s+(?:yang\s+)?"
    r"dialokasikan|,?\s+(?:yang\s+)?(?:di)?dukung|,?\s+sebesar|,?\s+(?:mendapat|memperoleh|menyerap)|,?\s+terealisasi"
    r"|,?\s+(?:dengan\s+)?(?:pagu|anggaran)\b", re.I)
_REALISASI = re.compile(r"reali[sz]?asi|realiasi|terserap|diserap|penyerapan|dibelanjakan", re.I)
_SISA = re.compile(r"\bsisa|efisiensi|tidak\s+terserap|selisih|silpa", re.I)
_PAGU = re.compile(r"alokasi|(?<!realisasi )(?<!penyerapan )(?<!serapan )(?<!sisa )(?<!efisiensi )anggaran|pagu|didukung|tersedia|"
                   r"\bdana\b|\bDPP?A\b|APBD", re.I)
_PERCENT_OK = re.compile(r"atau|pencapaian|capaian|penyerapan|realisasi|mencapai|sebesar|persentase|\(\s*$", re.I)
_TOTAL = re.compile(r"\b(?:total|keseluruhan|seluruh|DPP?A|APBD|sumber\s+dana)\b", re.I)
_ORG_NAME = re.compile(r"(?<![\w])(?:(?:DPP?A|Total\s+anggaran)\s+)?" + ORG + r"(?:\s+(?:[A-Z][\w/&.'\-]*))+")
_LEVELS = {"sub": LEVEL_SUBKEGIATAN, "keg": LEVEL_KEGIATAN, "pro": LEVEL_PROGRAM}

NOUNS = (
    ("subkegiatan", r"sub\s*-?\s*kegiatan"), ("kegiatan", r"kegiatan"), ("program", r"program"),
    ("sasaran", r"sasaran(?:\s+strategis)?"), ("indikator", r"(?:indikator(?:\s+kinerja)?(?:\s+utama)?|IKU)"),
    ("kelurahan", r"kelurahan"), ("desa", r"desa"), ("tujuan", r"tujuan"), ("misi", r"misi"),
    ("bidang", r"bidang"), ("seksi", r"seksi"), ("target", r"target(?:\s+kinerja)?"),
)
_NOUN = "|".join(f"(?P<{k}>{p})" for k, p in NOUNS)
_COUNT = re.compile(
    r"(?<![\w.,/\-])(?P<num>\d{1,3})(?![.,]\d)\s*(?:\((?P<words>[A-Za-z][A-Za-z\s\-]{0,40})\)\s*)?(?:" + _NOUN
    + r")(?![\w])", re.I)
_NOT_COUNT_BEFORE = re.compile(r"(?:\bke-?|\bnomor|\bno\.?|\bpasal|\bayat|\btahun|\brp\.?|\bformat|\bbab|"
                               r"\btabel[\s\d.]*|"
                               r"\bpoin|\bpoint|/)\s*$", re.I)
_REL = r"dengan|didukung\s+oleh|terdiri\s+(?:dari|atas)|meliputi|mencakup|memiliki|mempunyai|terdapat"
_RELATION = re.compile(r"(?P<sep>,\s*|\s+)(?P<rel>" + _REL + r")\s*$", re.I)
_SCOPE = re.compile(r"^(?P<name>.+?)(?:,\s*|\s+)(?P<rel>" + _REL + r"|sebanyak)\s+\d{1,3}\b", re.I | re.S)
_ANCHOR = re.compile(r"(?<![\w])(?:(?:Misi|Tujuan|Sasaran|Bidang|Seksi|Bagian|Kelurahan|Desa|UPTD?)\s+(?:ke-?\s*)?"
                     r"(?:\d+\b|[A-Z])|(?:Program|Kegiatan|Sub\s*Kegiatan)\s+[A-Z]|target\b)")
_SUBSET = re.compile(r"(?:\s+[\w()/\-]+){0,8}?\s+yang\s+(?:tidak|belum|mendukung|mencapai|melampaui|berhasil|gagal|"
                     r"masih|memenuhi|termasuk|sudah|telah\s+mencapai|capaian)\w*", re.I)
_SUBSET_SNIPPET = re.compile(r"^\d{1,3}\b.*\byang\s+\w+$", re.I | re.S)
_PARENT = {"kegiatan": LEVEL_PROGRAM, "subkegiatan": LEVEL_KEGIATAN}
_CURRENCY_WORD = re.compile(r"\s+(?:rupi\w*|rp\.?)\s*$", re.I)
"""A trailing 'Rupiah' (also misspelt 'Rupiyah') is not part of the number."""
_WORDS_AFTER = re.compile(r"^\s*\(\s*(?:terbilang\s*:?\s*)?(?P<w>[A-Za-z][A-Za-z\s\-]*?)\s*\)", re.I)
_NUMBER_WORDS = frozenset({"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
                           "sebelas", "belas", "puluh", "ratus", "ribu", "juta", "miliar", "milyar", "triliun",
                           "seratus", "seribu", "sejuta", "nol", "rupiah", "se"})


@dataclass(frozen=True)
class Paragraph:
    """Lines joined into running text, with where each line starts in it."""

    text: str
    lines: tuple[Line, ...]
    starts: tuple[int, ...]

    def line_at(self, pos: int) -> Line:
        """The line the character at ``pos`` was printed on."""
        k = 0
        for n, start in enumerate(self.starts):
            if start <= pos:
                k = n
        return self.lines[k]

    def source(self, start: int, end: int) -> Source:
        """The Source of a span: the page of its first character, the span as snippet."""
        line = self.line_at(start)
        return Source(page=line.page, text=self.text[start:end].strip(), bbox=line.bbox)


@dataclass(frozen=True)
class Narrative:
    """Amounts, counts and numbers-in-words stated in the running text."""

    amounts: tuple[NarrativeAmount, ...]
    counts: tuple[StatedCount, ...]
    number_words: tuple[NumberWords, ...]


@dataclass(frozen=True)
class CountScope:
    """What a scoped count is about: 'Program X, dengan 5 kegiatan' → program 'Program X'."""

    name: str
    level: Optional[str]
    relation: str


def _ends_sentence(text: str, following: str = "") -> bool:
    """Whether a line ends a sentence or list item (not 'Rp.' or a figure broken after its separator)."""
    if re.search(r"\d[.,]\s*$", text) and re.match(r"\d", following) or re.search(r"\s\.\s*$", text):
        return False
    return bool(re.search(r"[.!?;:]\s*$", text)) and not re.search(r"\b(?:Rp|No|Tk)\.\s*$", text, re.I)


def _is_folio(lines: tuple[Line, ...], n: int) -> bool:
    """Whether line n is a bare page number printed at the top or bottom of its page."""
    if not _FOLIO.match(lines[n].text) or lines[n].page is None:
        return False
    first = n == 0 or lines[n - 1].page != lines[n].page
    last = n + 1 == len(lines) or lines[n + 1].page != lines[n].page
    return first or last


def paragraphs(doc: Document, lines: Optional[tuple[Line, ...]] = None) -> tuple[Paragraph, ...]:
    """Running text as paragraphs (lines joined until a sentence ends, a list item starts, or a table)."""
    lines = lines if lines is not None else text_lines(doc)
    table_orders = sorted(t.order for t in doc.tables)
    out: list[Paragraph] = []
    cur: list[Line] = []

    def flush() -> None:
        """Close the current paragraph."""
        if cur:
            starts, text = [], ""
            for ln in cur:
                text += (" " if text else "")
                starts.append(len(text))
                text += ln.text
            out.append(Paragraph(text, tuple(cur), tuple(starts)))
            cur.clear()

    for n, line in enumerate(lines):
        if _is_folio(lines, n):
            continue
        if cur:
            prev = cur[-1]
            table_between = any(prev.order < o < line.order for o in table_orders)
            heading_break = prev.bold and not line.bold and len(prev.text.split()) <= 12
            if _ends_sentence(prev.text, line.text) or _BULLET.match(line.text) or table_between or heading_break:
                flush()
        cur.append(line)
    flush()
    return tuple(out)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph (abbreviations like 'Rp.' and initials do not end one)."""
    start = 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z➤❖•\-])", text):
        word = re.search(r"([\w]+)$", text[:m.start()])
        token = word.group(1).lower() if word else ""
        if token in _ABBREV or len(token) == 1 or token.isdigit() or text[m.start() - 1:m.start()].isspace():
            continue
        yield start, m.end()
        start = m.end()
    if start < len(text):
        yield start, len(text)


UNNAMED_EFISIENSI = "Efisiensi anggaran (kalimat tanpa nama program)"
"""The subject of a sentence that states pagu, realisasi and efisiensi without naming what they belong to."""


def _is_money(fig: Figure) -> bool:
    """Whether a figure is an amount of money (Rp., or a grouped number of at least 1.000)."""
    if fig.value is None or fig.is_percent:
        return False
    grouped = bool(re.search(r"\d[.,\s]\d{3}", fig.text))
    return fig.is_currency or (grouped and abs(fig.value) >= 1000)


def _money_role(window: str) -> Optional[str]:
    """The role of an amount from the nearest telling word before it: pagu, realisasi, sisa, or None."""
    best: tuple[int, Optional[str]] = (-1, None)
    for role, pattern in (("sisa", _SISA), ("realisasi", _REALISASI), ("pagu", _PAGU)):
        for m in pattern.finditer(window):
            if m.end() > best[0]:
                best = (m.end(), role)
    return best[1]


def _clean_subject(subject: str) -> str:
    """A subject as written, without trailing punctuation and a repeated heading in front."""
    subject = re.sub(r"\s+", " ", subject).strip(" ,;:-")
    m = _LEVEL_WORD.match(subject)
    if m:
        head = " ".join(subject.split()[:4]).lower()
        for later in _LEVEL_WORD.finditer(subject, 1):
            if " ".join(subject[later.start():].split()[:4]).lower() == head:
                return subject[later.start():]
    return subject


def _subject(segment: str) -> tuple[Optional[str], Optional[str]]:
    """(subject, level) named in the text before an amount: the first program/kegiatan named, or a total."""
    m = _LEVEL_WORD.search(segment)
    if m:
        end = _END_SUBJECT.search(segment, m.end())
        name = _clean_subject(segment[m.start():end.start() if end else len(segment)])
        level = _LEVELS[re.sub(r"\W", "", m.group(1)).lower()[:3]]
        if len(name.split()) >= 2:
            return name, level
    if _TOTAL.search(segment) or _ORG_NAME.search(segment):
        org = _ORG_NAME.search(segment)
        return (re.sub(r"\s+Tahun\b.*$", "", org.group()).strip() if org else "Total anggaran"), LEVEL_TOTAL
    return None, None


def _amount(para: Paragraph, subject: str, level: Optional[str], parts: dict, start: int) -> NarrativeAmount:
    """One NarrativeAmount from the figures collected for a statement."""
    last = max(e for _, e, _ in parts.values())
    figs = {k: f for k, (_, _, f) in parts.items()}
    return NarrativeAmount(subject=subject, level=level, source=para.source(start, last), pagu=figs.get("pagu"),
                           realisasi=figs.get("realisasi"), percent=figs.get("percent"), sisa=figs.get("sisa"))


def _statements(para: Paragraph, s0: int, s1: int) -> Iterator[NarrativeAmount]:
    """The amount statements of one sentence."""
    text = para.text[:s1]
    parts: dict[str, tuple[int, int, Figure]] = {}
    seg_start, prev_end = s0, s0
    subject, level = None, None
    for fs, fe, fig in find_figures(text[s0:]):
        fs, fe = fs + s0, fe + s0
        window = text[prev_end:fs][-60:]
        if _is_money(fig):
            role = _money_role(window)
            replaces_part = "realisasi" not in parts and re.search(r"\btotal\b", window, re.I)
            if role == "pagu" and "pagu" in parts and replaces_part:
                parts.pop("pagu")
            elif role in (None, "pagu") and "pagu" in parts:
                if subject:
                    yield _amount(para, subject, level, parts, seg_start)
                parts, seg_start, subject = {}, prev_end, None
            if not parts:
                subject, level = _subject(text[seg_start:fs])
            role = role or ("pagu" if "pagu" not in parts else "realisasi")
            if role not in parts:
                parts[role] = (fs, fe, fig)
            prev_end = fe
        elif fig.is_percent and fig.value is not None and parts and "percent" not in parts:
            if not _SISA.search(window) and ("realisasi" in parts or _PERCENT_OK.search(window)):
                parts["percent"] = (fs, fe, fig)
                prev_end = fe
    if parts and subject and ("pagu" in parts or "realisasi" in parts):
        yield _amount(para, subject, level, parts, seg_start)
    elif parts and {"pagu", "realisasi", "sisa"} <= set(parts):
        # "Dari alokasi Rp P yang diserap Rp R, terdapat efisiensi Rp S": checkable on its own (B405), named
        # after what it states so that no other place is taken for the same subject
        yield _amount(para, UNNAMED_EFISIENSI, None, parts, seg_start)


def extract_amounts(paras: tuple[Paragraph, ...]) -> tuple[NarrativeAmount, ...]:
    """Every amount statement in the running text."""
    return tuple(a for p in paras for s0, s1 in sentences(p.text) for a in _statements(p, s0, s1))


def _clause_start(text: str, pos: int) -> int:
    """Where the clause containing ``pos`` starts: after the last '.', ';' or ':' (or a list marker)."""
    cut = max(text.rfind(c, 0, pos) for c in ".;:")
    while cut > 0 and re.search(r"\b(?:Rp|No|Tk|[A-Z])$", text[:cut]):
        cut = max(text.rfind(c, 0, cut) for c in ".;:")
    start = cut + 1 if cut >= 0 else 0
    rest = text[start:pos]
    lead = len(rest) - len(rest.lstrip())
    m = _MARKER.match(rest.lstrip())
    return start + lead + (m.end() if m else 0)


def _item_start(text: str, pos: int) -> bool:
    """Whether ``pos`` is where a list item's text starts (after its marker, or at a clause start)."""
    before = text[:pos].rstrip()
    return not before or bool(re.search(r"[.;:]$", before)) or bool(_MARKER.match(text[:pos].lstrip()))


def _scope_start(text: str, m: re.Match) -> Optional[int]:
    """Where the subject of a scoped count starts ('Program X, dengan 5 kegiatan'), or None."""
    rel = _RELATION.search(text, 0, m.start())
    noun = m.lastgroup
    if not rel or noun not in _PARENT:
        return None
    start = _clause_start(text, rel.start())
    level_word = _LEVEL_WORD.search(text, start, rel.start())
    lead_in = text[start:level_word.start()] if level_word else ""
    if level_word and re.search(r"\b[a-z]", lead_in):
        start = level_word.start()
    elif not _item_start(text, start):
        return None
    words = text[start:rel.start()].split()
    return start if 2 <= len(words) <= 30 else None


def _anchor_start(text: str, m: re.Match) -> Optional[int]:
    """Where a named entity ('Misi 1', 'Bidang X', a target) the count is said of starts in its clause."""
    start = _clause_start(text, m.start())
    anchor = _ANCHOR.search(text, start, m.start())
    if anchor is None or not _RELATION.search(text, anchor.end(), m.start()) and "target" not in anchor.group():
        return None
    return anchor.start()


def extract_counts(paras: tuple[Paragraph, ...]) -> tuple[StatedCount, ...]:
    """Counts stated in the text, with their subject in the snippet when one is named."""
    out = []
    for para in paras:
        text = para.text
        for m in _COUNT.finditer(text):
            if _NOT_COUNT_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                continue
            bullets = re.match(r"^(?:[-•●▪■◆❖➤►>*·]\s*)*", text)
            lead = bullets.end() if bullets else 0
            if not m["words"] and m.start() == lead:
                continue
            start = _scope_start(text, m)
            if start is None:
                start = _anchor_start(text, m)
            end = m.end()
            subset = _SUBSET.match(text, m.end()) if start is None else None
            if subset and not re.search(r"[.;:]", text[m.end():subset.end()]):
                end = subset.end()
            snippet_start = start if start is not None else m.start()
            words = m["words"].strip() if m["words"] else None
            noun = m.lastgroup
            if noun is None:      # every match ends in one noun's named group
                continue
            out.append(StatedCount(noun=noun, number=int(m["num"]), source=para.source(snippet_start, end),
                                   words=words))
    return tuple(out)


def scope_of(count: StatedCount) -> Optional[CountScope]:
    """What a count is said of, read from its snippet: a program/kegiatan, another entity ('Misi 1'),
    a subset ('2 indikator … yang mendukung': relation 'sebagian'); None for a count of the whole report."""
    text = count.source.text or ""
    if _SUBSET_SNIPPET.match(text):
        return CountScope(name=text, level=None, relation="sebagian")
    m = _SCOPE.match(text)
    if not m:
        return None if re.match(r"^\d", text) else CountScope(name=text, level=None, relation="lain")
    name = m["name"].strip(" ,")
    level_word = _LEVEL_WORD.match(name)
    level = _LEVELS[re.sub(r"\W", "", level_word.group(1)).lower()[:3]] if level_word else _PARENT.get(count.noun)
    return CountScope(name=name, level=level, relation=re.sub(r"\s+", " ", m["rel"].lower()))


def _looks_like_words(words: str) -> bool:
    """Whether the text in parentheses is a number in words (even a misspelt one)."""
    tokens = re.findall(r"[a-z]+", words.lower())
    hits = sum(1 for t in tokens if t in _NUMBER_WORDS or from_words(t) is not None)
    return bool(tokens) and hits >= max(1, (len(tokens) + 1) // 2)


def extract_number_words(paras: tuple[Paragraph, ...]) -> tuple[NumberWords, ...]:
    """Figures followed by their words in parentheses: '4 (empat)', 'Rp. 4.760.149.793,- (… Rupiah)'."""
    out = []
    for para in paras:
        for fs, fe, fig in find_figures(para.text):
            m = _WORDS_AFTER.match(para.text[fe:])
            if not m or fig.value is None or fig.is_percent:
                continue
            words = re.sub(r"\s+", " ", m["w"]).strip()
            value = from_words(_CURRENCY_WORD.sub("", words))
            if value is None and not _looks_like_words(words):
                continue
            is_amount = fig.is_currency or "rupiah" in words.lower() or abs(fig.value) >= 1000
            out.append(NumberWords(fig, words, value, para.source(fs, fe + m.end()), is_amount))
    return tuple(out)


def extract_narrative(doc: Document) -> Narrative:
    """Amounts, counts and numbers-in-words of the running text."""
    paras = paragraphs(doc)
    return Narrative(amounts=extract_amounts(paras), counts=extract_counts(paras),
                     number_words=extract_number_words(paras))
