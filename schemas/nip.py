"""Indonesian civil-servant numbers (NIP), read and checked part by part.

A PNS NIP has 18 digits, printed ``19720121 199903 1 007`` or run together:
``YYYYMMDD`` birth date, ``YYYYMM`` TMT CPNS (first appointment, year and
month), ``G`` gender (1 male, 2 female), ``NNN`` sequence (Perka BKN 22/2007).

A PPPK number (NI PPPK) also has 18 digits: ``YYYYMMDD`` birth date, ``YYYY``
year of appointment, a two-digit code where a PNS has its TMT month, ``G``,
``NNN``. The code is ``21`` for PPPK; ``24`` is reported (news pages, not a
regulation we could read) for PPPK paruh waktu (part-time, 2025). Both can
never be a month, so a number with ``21`` or ``24`` there is read as PPPK.

``problems`` names each impossible part (rule N602); a number that is not 18
digits is not ``well_formed`` (rule N601) and its parts are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

PPPK_CODES = frozenset({"21", "24"})
"""Codes in digits 13-14 that mark a PPPK number instead of a TMT month."""

MIN_YEAR = 1900
"""Earliest plausible birth or appointment year."""

_LABEL = re.compile(r"^\s*(?:NIP|NI\s*PPPK|NIPPPK)\b\s*\.?\s*:?\s*", re.I)
_STANDARD = re.compile(r"^(?:\d{18}|\d{8}([ .])\d{6}\1\d\1\d{3})$")


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
    """True when printed as 18 digits run together or as ``8 6 1 3`` groups."""

    @property
    def valid(self) -> bool:
        """True when well formed and no part is impossible."""
        return self.well_formed and not self.problems


def _birth(digits: str) -> Optional[date]:
    """The birth date in the first eight digits, or None if not a real date."""
    try:
        d = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return d if d.year >= MIN_YEAR else None


def parse_nip(text: str) -> Nip:
    """Read a printed NIP (label such as ``NIP.`` allowed) into its parts."""
    body = _LABEL.sub("", text).strip()
    digits = re.sub(r"\D", "", body)
    only_digits_spaces = re.fullmatch(r"[\d\s]+", body) is not None
    standard = _STANDARD.match(body) is not None
    well_formed = len(digits) == 18 and (only_digits_spaces or standard)
    if not well_formed:
        return Nip(text=text, digits=digits, well_formed=False, standard_spacing=standard)

    problems: list[str] = []
    birth = _birth(digits)
    if birth is None:
        problems.append("birth-date-invalid")
    code = digits[12:14]
    tmt_year = int(digits[8:12])
    kind = "pppk" if code in PPPK_CODES else "pns"
    tmt_month: Optional[int] = None
    if kind == "pns":
        tmt_month = int(code)
        if not 1 <= tmt_month <= 12:
            problems.append("tmt-month-invalid")
    if tmt_year < MIN_YEAR:
        problems.append("tmt-year-invalid")
    elif birth is not None:
        month_known = tmt_month is not None and 1 <= tmt_month <= 12
        if month_known and (tmt_year, tmt_month) < (birth.year + 18, birth.month):
            problems.append("tmt-before-age-18")
        elif not month_known and tmt_year < birth.year + 18:
            problems.append("tmt-before-age-18")
    gender_digit = int(digits[14])
    gender = gender_digit if gender_digit in (1, 2) else None
    if gender is None:
        problems.append("gender-invalid")
    return Nip(
        text=text,
        digits=digits,
        well_formed=True,
        kind=kind,
        birth_date=birth,
        tmt_year=tmt_year,
        tmt_month=tmt_month,
        gender=gender,
        sequence=digits[15:18],
        problems=tuple(problems),
        standard_spacing=standard,
    )


def check_against(nip: Nip, document_date: date) -> tuple[str, ...]:
    """The NIP's problems plus "tmt-after-document" if appointed after the document date."""
    problems = list(nip.problems)
    if nip.well_formed and nip.tmt_year is not None and nip.tmt_year >= MIN_YEAR:
        month = nip.tmt_month if nip.tmt_month is not None and 1 <= nip.tmt_month <= 12 else None
        if month is not None:
            late = (nip.tmt_year, month) > (document_date.year, document_date.month)
        else:
            late = nip.tmt_year > document_date.year
        if late:
            problems.append("tmt-after-document")
    return tuple(problems)


def format_nip(digits: str) -> str:
    """Print 18 digits the standard way: ``19720121 199903 1 007``."""
    if len(digits) != 18 or not digits.isdigit():
        raise ValueError("format_nip needs exactly 18 digits")
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


_LABELLED = re.compile(
    r"\b(?:NIP|NI[ \t]*PPPK|NIPPPK)\b[ \t]*\.?[ \t]*:?[ \t]*(?:\n[ \t]*)?(?P<num>\d+(?:(?:[ \t]{1,3}|\.)\d+)*)",
    re.I,
)
_UNLABELLED = re.compile(r"(?<![\d.,])(?:\d{8}[ \t]\d{6}[ \t]\d[ \t]\d{3}|(?:19|20)\d{16})(?![\d.,]?\d)")


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


def find_nips(text: str) -> list[tuple[int, int, str]]:
    """NIP-like numbers in running text as (start, end, printed number), malformed ones too.

    A number after a label (``NIP.``, ``NIP :``, ``NIP``, ``NI PPPK``) is taken
    whatever its length (17 or 19 digits, stray spaces), so rule N601 can flag
    it; without a label only the standard shapes are taken. The span covers
    the number, not the label: ``text[start:end]`` is the returned string.
    """
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _LABELLED.finditer(text):
        run = _cut_at_18(m.group("num"))
        start = m.start("num")
        found.append((start, start + len(run), run))
        taken.append((start, start + len(run)))
    for m in _UNLABELLED.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        found.append((m.start(), m.end(), m.group()))
    return sorted(found)
