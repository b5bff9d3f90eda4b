"""Indonesian civil-servant numbers (NIP) and PPPK numbers, read and checked part by part.

A PNS NIP has 18 digits, printed ``19720121 199903 1 007``, run together, or
grouped with dots or dashes (``19720121.199903.1.007``, ``19720121-199903-1-007``):
``YYYYMMDD`` birth date, ``YYYYMM`` TMT CPNS (first appointment, year and
month), ``G`` gender (1 male, 2 female), ``NNN`` sequence (Perka BKN 22/2007).

A PPPK number (Nomor Induk PPPK, "NI PPPK") has the same 18-digit shape:
``YYYYMMDD`` birth date, ``YYYY`` year of appointment, two digits that are a
month in one scheme and a code in others (``21`` for PPPK, ``24`` reported by
news pages, not a regulation we could read, for PPPK paruh waktu), then a digit
read as gender, ``NNN``. Only the 18 digits and the birth date are certain.

The kind of a number (``Nip.kind``):

* ``"pppk"``: printed after a PPPK label (``NI PPPK``, ``NIPPPK``, ``NIP PPPK``,
  ``vocab/identifiers.toml``), or a PPPK code (21, 24) where a PNS has its month;
* ``"pns"``: a month (01-12) there, or a code that no known scheme uses (00, 13-19, 30-99);
* ``"unsure"``: another code of the 20s (20, 22, 23, 25-29): neither a month nor
  a known PPPK code, so it may be a PNS typo or a PPPK scheme we do not know;
* ``"unknown"``: not 18 digits, not read.

``problems`` names each part that is impossible for the number's kind (rule
N602, error); ``doubts`` names the parts that would be impossible for a PNS
but cannot be proved wrong for a PPPK or unsure number (rule N602, warning).
A number that is not 18 digits is not ``well_formed`` (rule N601).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from lakip import vocab

PPPK_CODES = frozenset({"21", "24"})
"""Codes in digits 13-14 that mark a PPPK number instead of a TMT month."""

UNSURE_CODES = frozenset({"20", "22", "23", "25", "26", "27", "28", "29"})
"""Codes in digits 13-14 that are no month and no known PPPK code, but of the PPPK codes' decade."""

MIN_YEAR = 1900
"""Earliest plausible birth or appointment year."""

_SEPARATORS = re.compile(r"^\d[\d\s.\-]*\d$")
_STANDARD = re.compile(r"^(?:\d{18}|\d{8}([ .\-])\d{6}\1\d\1\d{3})$")
_LABEL_END = r"\b[ \t]*\.?[ \t]*[:.]?[ \t]*"


@dataclass(frozen=True)
class Nip:
    """One NIP as printed, with its parts and the names of its impossible parts."""

    text: str
    digits: str
    well_formed: bool
    kind: str = "unknown"
    birth_date: Optional[date] = None
    tmt_year: Optional[int] = None
    tmt_month: Optional[int] = None
    gender: Optional[int] = None
    sequence: str = ""
    problems: tuple[str, ...] = ()
    standard_spacing: bool = False
    """True when printed as 18 digits run together or as ``8 6 1 3`` groups (spaces, dots or dashes)."""
    doubts: tuple[str, ...] = ()
    """Parts impossible for a PNS that cannot be proved wrong for this kind (PPPK, unsure)."""
    label: str = ""
    """'pppk' or 'nip' when printed after such a label, else ''."""
    number: str = ""
    """The printed number without its label."""

    @property
    def valid(self) -> bool:
        """True when well formed and no part is impossible."""
        return self.well_formed and not self.problems


def label_pattern(prefix: bool = True) -> re.Pattern[str]:
    """NIP and PPPK labels (``vocab/identifiers.toml``; groups 'pppk' and 'nip'), at the start of a text or anywhere."""
    return _labels(vocab.words("identifiers", "nip_labels"), vocab.words("identifiers", "pppk_labels"), prefix)


@lru_cache(maxsize=32)
def _labels(nip: tuple[str, ...], pppk: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    """The label pattern for given word lists (cached)."""
    def alt(words: tuple[str, ...]) -> str:
        """Longest entries first."""
        return "|".join(sorted(words, key=len, reverse=True))
    return re.compile((r"^\s*" if prefix else "")
                      + rf"(?:(?P<pppk>\b(?:{alt(pppk)})){_LABEL_END}|(?P<nip>\b(?:{alt(nip)})){_LABEL_END})", re.I)


def split_label(text: str) -> tuple[str, str]:
    """('pppk' | 'nip' | '', the rest) of a printed NIP with or without its label."""
    m = label_pattern().match(text)
    if not m:
        return "", text.strip()
    return ("pppk" if m["pppk"] else "nip"), text[m.end():].strip()


def _birth(digits: str) -> Optional[date]:
    """The birth date in the first eight digits, or None if not a real date."""
    try:
        d = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return d if d.year >= MIN_YEAR else None


def nip_kind(digits: str, label: str = "") -> str:
    """'pppk', 'pns' or 'unsure' for 18 digits, from the label they were printed after and their code."""
    code = digits[12:14]
    if label == "pppk" or code in PPPK_CODES:
        return "pppk"
    return "unsure" if code in UNSURE_CODES else "pns"


def _pns_checks(digits: str, birth: Optional[date]) -> list[str]:
    """The parts impossible for a PNS NIP (birth date aside), in order."""
    out: list[str] = []
    tmt_year, tmt_month = int(digits[8:12]), int(digits[12:14])
    month_known = 1 <= tmt_month <= 12
    if not month_known:
        out.append("tmt-month-invalid")
    if tmt_year < MIN_YEAR:
        out.append("tmt-year-invalid")
    elif birth is not None:
        if month_known and (tmt_year, tmt_month) < (birth.year + 18, birth.month):
            out.append("tmt-before-age-18")
        elif not month_known and tmt_year < birth.year + 18:
            out.append("tmt-before-age-18")
    if int(digits[14]) not in (1, 2):
        out.append("gender-invalid")
    return out


def parse_nip(text: str) -> Nip:
    """Read a printed NIP or PPPK number (label such as ``NIP.`` or ``NI PPPK`` allowed) into its parts."""
    label, body = split_label(text)
    digits = re.sub(r"\D", "", body)
    standard = _STANDARD.match(body) is not None
    well_formed = len(digits) == 18 and _SEPARATORS.match(body) is not None
    if not well_formed:
        return Nip(text=text, digits=digits, well_formed=False, standard_spacing=standard, label=label, number=body)
    birth = _birth(digits)
    kind = nip_kind(digits, label)
    checks = _pns_checks(digits, birth)
    if kind == "pppk":
        checks = [c for c in checks if c != "tmt-month-invalid"]
    certain = kind == "pns"
    code = int(digits[12:14])
    gender_digit = int(digits[14])
    return Nip(
        text=text,
        digits=digits,
        well_formed=True,
        kind=kind,
        birth_date=birth,
        tmt_year=int(digits[8:12]),
        tmt_month=code if kind == "pns" or (kind == "pppk" and 1 <= code <= 12) else None,
        gender=gender_digit if gender_digit in (1, 2) else None,
        sequence=digits[15:18],
        problems=(("birth-date-invalid",) if birth is None else ()) + (tuple(checks) if certain else ()),
        standard_spacing=standard,
        doubts=() if certain else tuple(checks),
        label=label,
        number=body,
    )


def _late(nip: Nip, document_date: date) -> bool:
    """Whether the appointment (year and month, or year alone) is after the document date."""
    if not nip.well_formed or nip.tmt_year is None or nip.tmt_year < MIN_YEAR:
        return False
    month = nip.tmt_month if nip.tmt_month is not None and 1 <= nip.tmt_month <= 12 else None
    if month is not None:
        return (nip.tmt_year, month) > (document_date.year, document_date.month)
    return nip.tmt_year > document_date.year


def check_against(nip: Nip, document_date: date) -> tuple[str, ...]:
    """The NIP's problems plus "tmt-after-document" if a PNS appointed after the document date."""
    late = nip.kind == "pns" and _late(nip, document_date)
    return nip.problems + (("tmt-after-document",) if late else ())


def doubts_against(nip: Nip, document_date: date) -> tuple[str, ...]:
    """The NIP's doubts plus "tmt-after-document" if a PPPK or unsure number's year is after the document date."""
    late = nip.kind in ("pppk", "unsure") and _late(nip, document_date)
    return nip.doubts + (("tmt-after-document",) if late else ())


def format_nip(digits: str) -> str:
    """Print 18 digits the standard way: ``19720121 199903 1 007``."""
    if len(digits) != 18 or not digits.isdigit():
        raise ValueError("format_nip needs exactly 18 digits")
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


_RUN = re.compile(r"\d+(?:(?:[ \t]{1,3}|[ \t]?[.\-][ \t]?)\d+)*")
_LINE_RUN = re.compile(r"[ \t]*\n[ \t]*(\d+(?:(?:[ \t]{1,3}|[ \t]?[.\-][ \t]?)\d+)*)[ \t]*(?=\n|$)")
_UNLABELLED = re.compile(r"(?<![\d.,])(?:\d{8}[ \t.\-]\d{6}[ \t.\-]\d[ \t.\-]\d{3}|(?:19|20)\d{16})(?![\d.,]?\d)")


@dataclass(frozen=True)
class NipMention:
    """A NIP-like number found in text: its span, the number as printed and the label before it."""

    start: int
    end: int
    number: str
    label: str = ""

    @property
    def printed(self) -> str:
        """The number with a PPPK label kept (so parse_nip knows its kind), whitespace collapsed."""
        number = " ".join(self.number.split())
        return f"NI PPPK {number}" if self.label == "pppk" else number


def _cut_at_18(run: str) -> str:
    """Cut a digit run after 18 digits when a group boundary falls exactly there."""
    count = 0
    for m in re.finditer(r"\d+", run):
        count += len(m.group())
        if count == 18 and m.end() < len(run):
            return run[: m.end()]
        if count > 18:
            break
    return run


def _labelled_run(text: str, pos: int) -> Optional[tuple[int, int]]:
    """The span of the number after a label ending at ``pos``: on the same line or the next, continued on up to
    two following lines that hold only digit groups while it has fewer than 18 digits."""
    m = re.compile(r"[ \t]*(?:\n[ \t]*)?").match(text, pos)
    run = _RUN.match(text, m.end() if m else pos)
    if not run:
        return None
    start, end = run.span()
    for _ in range(2):
        if len(re.sub(r"\D", "", text[start:end])) >= 18:
            break
        more = _LINE_RUN.match(text, end)
        if not more:
            break
        end = more.end(1)
    return start, start + len(_cut_at_18(text[start:end]))


def find_nip_mentions(text: str) -> list[NipMention]:
    """NIP-like numbers in running text with the label printed before them ('pppk', 'nip' or '')."""
    found: list[NipMention] = []
    for m in label_pattern(prefix=False).finditer(text):
        span = _labelled_run(text, m.end())
        if span:
            found.append(NipMention(span[0], span[1], text[span[0]:span[1]], "pppk" if m["pppk"] else "nip"))
    for m in _UNLABELLED.finditer(text):
        if not any(f.start <= m.start() < f.end for f in found):
            found.append(NipMention(m.start(), m.end(), m.group()))
    return sorted(found, key=lambda f: f.start)


def find_nips(text: str) -> list[tuple[int, int, str]]:
    """NIP-like numbers in running text as (start, end, printed number), malformed ones too.

    A number after a label (``NIP.``, ``NIP :``, ``NIP``, ``NI PPPK``; ``vocab/identifiers.toml``)
    is taken whatever its length (17 or 19 digits, stray spaces), so rule N601 can flag
    it, with dots or dashes between its groups, and continued on the next lines when a
    signature block breaks it; without a label only the standard shapes are taken. The span
    covers the number, not the label: ``text[start:end]`` is the returned string.
    """
    return [(f.start, f.end, f.number) for f in find_nip_mentions(text)]
