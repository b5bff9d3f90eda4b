"""Indonesian figures: the one place that reads printed numbers.

A LAKIP prints money as ``Rp. 4.760.149.793,-``, percentages as ``96,44%`` and
plain numbers as ``1,30`` (Indonesian convention: ``.`` groups thousands,
``,`` starts the decimals). Reports also contain slips that the rules report:
``2.949.374059`` (bad grouping), ``4. 603.119.714`` (a space inside) and
``3,744,272,913`` (English convention among Indonesian figures).

Judgement calls, documented once here:

* ``1.300`` / ``1,300`` (one separator followed by exactly three digits) read
  both ways; ``convention`` is ``"ambiguous"`` and the value follows ``prefer``
  (default ``"id"``: ``1.300`` is 1300, ``1,300`` is 1.3 with 3 decimals).
* After ``Rp`` the separator of ``Rp 1.500`` / ``Rp 1,500`` groups thousands
  (rupiah have no thousandths): convention ``"id"`` / ``"us"``, not ambiguous.
* ``1,5`` and ``0,30`` are unambiguously Indonesian (English grouping needs
  three digits); ``1.5`` and ``0.300`` are unambiguously English decimals and
  carry ``issue="us-convention"`` like ``3,744,272,913``.
* A range (``5-6%``, ``5 s/d 6``) has ``value=None``; use ``low``/``high``.
* Malformed figures (``issue`` in :data:`MALFORMED_ISSUES`) still get the most
  plausible value: the digits joined (a clear decimal part kept).
* Empty (``-``) and non-figures have ``value=None`` and ``convention="plain"``.
* Amounts grouped by spaces (``4 760 149 793``) are well formed (convention
  ``"plain"``, ``"id"`` with a decimal comma); ``4. 603.119.714`` is still a slip.
  Numbers a space separates that no grouping explains (``90 80``: two values
  in one cell) are not one figure (``kind="text"``).
* Identifiers are not figures (``kind="text"``, see :func:`is_identifier`): a
  NIP or PPPK number in groups (``19720112 201105 2 038``, with dots or dashes),
  an NPWP (``01.234.567.8-901.000``) and numbers that start with ``0`` and have
  separators (telephone numbers ``0812 3456 7890``, times ``08.00``).
* In running text, :func:`find_figures` leaves out the numbers that words of
  ``vocab/identifiers.toml`` introduce (NIP, telephone, NPWP, kode rekening,
  references such as ``Nomor 13``) and the identifier shapes above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Optional

from lakip import vocab

MALFORMED_ISSUES = frozenset({"bad-grouping", "space-inside", "mixed-separators"})
"""Issues that make a figure malformed (rule F201)."""

_EMPTY = {"", "-", "--", "–", "—", "-,-", "- -", "nihil"}
_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.I)
_DASH_SUFFIX = re.compile(r"\s*[,.]\s*-{1,2}$")
_PERCENT = re.compile(r"\s*(?:%|persen)$", re.I)
_BODY = re.compile(r"^\d(?:[\d.,\s]*\d)?$")
_ID_STRICT = re.compile(r"^(?:[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)$")
_US_STRICT = re.compile(r"^(?:[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")
_AMBIGUOUS = re.compile(r"^[1-9]\d{0,2}[.,]\d{3}$")
_SLIP_SPACE = re.compile(r"[.,]\s+|\d\s+(?:[.,]|\d{3}(?!\d))")
"""A space that is a slip inside one number: beside a separator, or before a group of three digits."""
_SPACE_GROUPED = re.compile(r"^[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?$")
_NIP_SHAPE = r"\d{8}[ .\-]\d{6}[ .\-]\d[ .\-]\d{3}"
_NPWP_SHAPE = r"\d{2}\.\d{3}\.\d{3}\.\d[.\-]\d{3}\.\d{3}"
_IDENTIFIER = re.compile(rf"^(?:{_NIP_SHAPE}|{_NPWP_SHAPE}|0\d+(?:[ .\-/]\d+)+|\+\d+(?:[ .\-]?\(?\d+\)?)+)$")
_RANGE = re.compile(
    r"^(?P<a>.*?\d%?)\s*(?:-|–|—|s/d|s\.d\.?|sampai(?:\s+dengan)?)\s*(?P<b>(?:rp\.?\s*)?\d.*)$",
    re.I,
)


@dataclass(frozen=True)
class Figure:
    """One printed figure, parsed: its value, precision, convention and any slip."""

    text: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    decimals: int = 0
    is_percent: bool = False
    is_currency: bool = False
    negative: bool = False
    convention: str = "plain"
    kind: str = "number"
    issue: Optional[str] = None

    @property
    def is_malformed(self) -> bool:
        """True when the figure is not a well-formed number (rule F201)."""
        return self.issue in MALFORMED_ISSUES

    @property
    def is_number(self) -> bool:
        """True for a single value (well-formed or malformed), not a range/empty/text."""
        return self.value is not None


@dataclass(frozen=True)
class _Parsed:
    value: float
    decimals: int
    convention: str
    issue: Optional[str]
    is_percent: bool
    is_currency: bool
    negative: bool


def _digits_value(body: str) -> tuple[float, int, str]:
    """Most plausible reading of a malformed separator pattern."""
    seps = [c for c in body if c in ".,"]
    last = seps[-1]
    other = "," if last == "." else "."
    tail = body.rsplit(last, 1)
    convention = "id" if seps.count(".") >= seps.count(",") else "us"
    if other in body and seps.count(last) == 1 and other not in tail[1]:
        head = re.sub(r"\D", "", tail[0])
        dec = tail[1]
        convention = "id" if last == "," else "us"
        return float(f"{head}.{dec}"), len(dec), convention
    return float(re.sub(r"\D", "", body)), 0, convention


def _read_body(body: str, prefer: str, money: bool = False) -> tuple[float, int, str, Optional[str]]:
    """Value, decimals, convention and issue of a digits-and-separators body."""
    if body.isdigit():
        return float(body), 0, "plain", None
    if _AMBIGUOUS.match(body) and money:
        # Rupiah amounts have no thousandths: the separator groups thousands.
        if body[-4] == ".":
            return float(body.replace(".", "")), 0, "id", None
        return float(body.replace(",", "")), 0, "us", "us-convention"
    if _AMBIGUOUS.match(body):
        sep = body[-4]
        as_decimal = (sep == ",") == (prefer == "id")
        if as_decimal:
            return float(body.replace(sep, ".")), 3, "ambiguous", None
        return float(body.replace(sep, "")), 0, "ambiguous", None
    if _ID_STRICT.match(body):
        head, _, dec = body.partition(",")
        return float(head.replace(".", "") + ("." + dec if dec else "")), len(dec), "id", None
    if _US_STRICT.match(body):
        head, _, dec = body.partition(".")
        return float(head.replace(",", "") + ("." + dec if dec else "")), len(dec), "us", "us-convention"
    value, decimals, convention = _digits_value(body)
    mixed = "." in body and "," in body and decimals == 0
    return value, decimals, convention, "mixed-separators" if mixed else "bad-grouping"


def is_identifier(text: str) -> bool:
    """Whether a printed token is an identifier, not a quantity: a grouped NIP/PPPK number, an NPWP,
    a number starting with ``0`` that has separators (``0812 3456 7890``, ``0382.21234``, ``08.00``)."""
    return _IDENTIFIER.match(text.strip()) is not None


def _parse_single(s: str, prefer: str) -> Optional[_Parsed]:
    """Parse one (non-range) figure, or None when it is not a number."""
    s = s.strip()
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if s[:1] in "-−–" and len(s) > 1:
        negative, s = True, s[1:].strip()
    cur = _CURRENCY.match(s)
    is_currency = cur is not None
    if cur:
        s = s[cur.end():]
        if s[:1] in "-−" and len(s) > 1:
            negative, s = True, s[1:].strip()
    s = _DASH_SUFFIX.sub("", s)
    pct = _PERCENT.search(s)
    is_percent = pct is not None
    if pct:
        s = s[: pct.start()]
    s = _DASH_SUFFIX.sub("", s).strip()
    if not _BODY.match(s) or is_identifier(s):
        return None
    issue = None
    if _SPACE_GROUPED.match(s):
        s = s.replace(" ", "")
        value, decimals, convention, _ = _read_body(s, "id")
        return _Parsed(-value if negative else value, decimals, "id" if decimals else "plain", None,
                       is_percent, is_currency, negative)
    if re.search(r"\s", s):
        if not all(_SLIP_SPACE.match(s, m.start() - 1) for m in re.finditer(r"\s+", s)):
            return None  # two numbers in one cell ("90 80"), not one number with a slip
        issue = "space-inside"
        s = re.sub(r"\s+", "", s)
    value, decimals, convention, body_issue = _read_body(s, prefer, is_currency)
    return _Parsed(
        value=-value if negative else value,
        decimals=decimals,
        convention=convention,
        issue=issue or body_issue,
        is_percent=is_percent,
        is_currency=is_currency,
        negative=negative,
    )


def _is_empty(s: str) -> tuple[bool, bool]:
    """Whether s prints 'no value' (``-``), and whether it had a currency prefix."""
    cur = _CURRENCY.match(s)
    rest = s[cur.end():].strip() if cur else s
    rest = rest.rstrip("%").strip()
    return rest.lower() in _EMPTY, cur is not None


def _combine_conventions(a: str, b: str) -> str:
    """Convention of a range from the conventions of its two ends."""
    for c in ("us", "id", "ambiguous"):
        if c in (a, b):
            return c
    return "plain"


def parse_figure(text: str, prefer: str = "id") -> Figure:
    """Parse one printed figure (a table cell or a token found in running text)."""
    if prefer not in ("id", "us"):
        raise ValueError(f"prefer must be 'id' or 'us', not {prefer!r}")
    s = text.strip().strip("*_").strip()
    if is_identifier(s):
        return Figure(text, None, None, None, kind="text")
    empty, cur = _is_empty(s)
    if empty:
        return Figure(text, None, None, None, is_currency=cur, kind="empty", is_percent=s.endswith("%"))
    single = _parse_single(s, prefer)
    if single is not None:
        v = single.value
        kind = "malformed" if single.issue in MALFORMED_ISSUES else "number"
        return Figure(text, v, v, v, single.decimals, single.is_percent, single.is_currency,
                      single.negative, single.convention, kind, single.issue)
    m = _RANGE.match(s)
    if m:
        a, b = _parse_single(m["a"], prefer), _parse_single(m["b"], prefer)
        if a is not None and b is not None:
            issue = a.issue or b.issue
            return Figure(
                text, None, min(a.value, b.value), max(a.value, b.value),
                max(a.decimals, b.decimals), a.is_percent or b.is_percent,
                a.is_currency or b.is_currency, False,
                _combine_conventions(a.convention, b.convention), "range", issue,
            )
    return Figure(text, None, None, None, kind="text")


_NUM = r"\d+(?:[.,]\d+)*"
_CUR_RE = r"(?:Rp\.?|IDR)[ \t]?"
_PCT_RE = r"(?:[ \t]?%|[ \t]+persen\b)"
_START = r"(?<!\w)(?<!\d[.,])"
_TOKEN = re.compile(
    _START + r"(?:"
    # a range: 5-6%, 2024–2026, 5 s/d 6
    rf"(?:{_CUR_RE})?{_NUM}{_PCT_RE}?[ \t]*(?:-|–|s/d|s\.d\.?)[ \t]*(?:{_CUR_RE})?{_NUM}{_PCT_RE}?(?!\d)"
    # money with a space slip inside: Rp. 4. 603.119.714,-
    rf"|{_CUR_RE}\d{{1,3}}[.,][ \t]\d{{3}}(?:[.,]\d+)+(?:[ \t]?[,.]-{{1,2}})?"
    # a single figure, optionally negative, with Rp., ,- and %
    rf"|(?:{_CUR_RE})?(?:(?<![\w\d])[-−](?=\d))?{_NUM}(?:[ \t]?,-{{1,2}}|\.-{{1,2}})?{_PCT_RE}?"
    r")(?![\w])(?![.,]\d)",
    re.I,
)
_DATE = re.compile(r"(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)")
_AFTER_LABEL = r"\b(?:{words})\b\.?[ \t]*[:.]?[ \t]*"
_RUNS = {
    # a NIP or PPPK number, possibly continued on the next line(s)
    "nip_labels": r"(?:\n[ \t]*)?\d(?:[\d \t.\-]|\n(?=[ \t]*\d[\d \t.\-]*$))*\d",
    "pppk_labels": r"(?:\n[ \t]*)?\d(?:[\d \t.\-]|\n(?=[ \t]*\d[\d \t.\-]*$))*\d",
    "phone_words": r"[+(]?\d[\d \t().\-/+]*\d",
    "npwp_words": r"\d[\d \t.\-]*\d",
    "code_words": r"[\w.\-/]*\d[\w.\-/]*",
}
_SHAPES = re.compile(
    rf"(?<![\d.,\-])(?<!\+)(?:{_NIP_SHAPE}|{_NPWP_SHAPE}"
    rf"|(?:\+62[ \-]?|0)\d{{2,4}}(?:[ \-.]\d{{3,5}}){{1,3}}|\(0\d{{2,4}}\)[ \t]?\d{{3,8}})(?![\d]|[.,]\d)"
)

_CODE_BEFORE_NAME = re.compile(r"(?<![\d.,])\d+(?:\.\d+)+(?=[ \t]*[-–][ \t]*[A-Za-z])")
"""A code that names what follows it: '7.01 - KECAMATAN', '7.01.01 - PROGRAM PENUNJANG'."""


@lru_cache(maxsize=64)
def _compile(words: tuple[str, ...], template: str) -> re.Pattern[str]:
    """One regular expression from a word list (entries are regular expressions), case-insensitive."""
    alternation = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(template.format(words=alternation), re.I | re.M)


def identifier_words(key: str, template: str = r"\b(?:{words})\b") -> re.Pattern[str]:
    """A list of ``vocab/identifiers.toml`` as a case-insensitive pattern (``{words}`` in ``template``)."""
    return _compile(vocab.words("identifiers", key), template)


def identifier_spans(text: str) -> list[tuple[int, int]]:
    """Spans of identifiers in running text: labelled NIP, PPPK, telephone, NPWP and code numbers, identifier
    shapes (grouped NIPs, NPWPs, telephone numbers) and times of day before WIB/WITA/WIT."""
    spans = [m.span("run") for key, run in _RUNS.items()
             for m in identifier_words(key, _AFTER_LABEL + f"(?P<run>{run})").finditer(text)]
    spans += [m.span() for m in _SHAPES.finditer(text)]
    spans += [m.span() for m in _CODE_BEFORE_NAME.finditer(text)]
    spans += [m.span() for m in identifier_words(
        "time_after_words", r"(?<![\d.,])(?:[01]?\d|2[0-3])[.:][0-5]\d(?=[ \t]*(?:{words})\b)").finditer(text)]
    return spans


def find_figures(text: str, skip_references: bool = True) -> list[tuple[int, int, Figure]]:
    """Figure-like tokens in running text as (start, end, Figure), in order.

    Every number is returned (years and small counts too: the caller filters
    on the Figure). Dates (``20-01-2025``) are never returned. With
    ``skip_references`` the numbers of references and identifiers are left out
    (the words are ``vocab/identifiers.toml``): ``Tabel 3.6``, ``Bab II``,
    ``Nomor 38``, ``pukul 08.00``, ``NIP. 1972...``, ``Telp. (0382) 21234``,
    ``NPWP 01.234.567.8-901.000``, ``Kode Rekening 5.1.02.01``.
    Parentheses are not read as a negative sign here (``(2024)`` is 2024);
    only :func:`parse_figure` on a whole cell reads ``(1.234)`` as negative.
    """
    blocked: list[tuple[int, int]] = [m.span() for m in _DATE.finditer(text)]
    if skip_references:
        blocked += identifier_spans(text)
        reference = identifier_words("reference_words", r"\b(?:{words})\b\.?[ \t]*:?\s*\Z")
    out: list[tuple[int, int, Figure]] = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if any(b0 <= start < b1 for b0, b1 in blocked):
            continue
        if skip_references and reference.search(text[max(0, start - 30):start]):
            continue
        fig = parse_figure(m.group())
        if fig.kind in ("text", "empty"):
            continue
        out.append((start, end, fig))
    return out


def tolerance(fig: Figure) -> float:
    """Half a unit of the last printed digit: the rounding a printed figure may hide."""
    return 0.5 * 10.0 ** (-fig.decimals)


def _format(value: float, decimals: int, group: str, point: str) -> str:
    """Round half up and print with the given separators."""
    q = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)
    sign = "-" if q < 0 else ""
    head, _, dec = f"{abs(q):f}".partition(".")
    head = f"{int(head):,}".replace(",", group)
    return sign + head + (point + dec if decimals > 0 else "")


def format_id(value: float, decimals: int = 0) -> str:
    """Print a number the Indonesian way: ``3.744.272.913``, ``96,44``."""
    return _format(value, decimals, ".", ",")


def format_en(value: float, decimals: int = 0) -> str:
    """Print a number the English way: ``3,744,272,913``, ``96.44``."""
    return _format(value, decimals, ",", ".")
