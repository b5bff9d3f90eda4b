"""Indonesian figures and number words, written independently of lakip."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))


def half_up(value: float | Decimal, places: int = 2) -> Decimal:
    """``value`` rounded half up to ``places`` decimals (exact, via Decimal)."""
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def pct(part: int, whole: int) -> Decimal:
    """part / whole × 100 rounded half up to 2 decimals."""
    return half_up(Decimal(part) * 100 / Decimal(whole)) if whole else Decimal("0.00")


def group(n: int, sep: str = ".") -> str:
    """An integer with thousands grouped by ``sep`` (``3744272913`` → ``3.744.272.913``)."""
    sign, digits = ("-", str(-n)) if n < 0 else ("", str(n))
    parts = []
    while digits:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + sep.join(parts)


def dec(value: Decimal | float | int, places: int = 2, trim: bool = False) -> str:
    """A decimal the Indonesian way (``96,44``); ``trim`` drops ``,00`` of a whole value."""
    q = half_up(value, places)
    whole, _, frac = f"{q:f}".partition(".")
    text = group(int(whole)) if whole not in ("-0",) else "0"
    if frac and not (trim and set(frac) == {"0"}):
        text += "," + frac
    return text


def amount(n: int, rp: bool = False, cents: bool = False) -> str:
    """A rupiah amount: ``3.744.272.913``, with ``Rp `` and/or ``,00`` when asked."""
    text = group(n) + (",00" if cents else "")
    return ("Rp " + text) if rp else text


def us_amount(n: int) -> str:
    """The same amount in the US convention (``3,744,272,913``)."""
    return group(n, ",")


def _below_thousand(n: int) -> list[str]:
    """Words for 0..999."""
    hundreds, rest = divmod(n, 100)
    words = ["seratus"] if hundreds == 1 else ([_UNITS[hundreds], "ratus"] if hundreds else [])
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words += [_UNITS[rest - 10], "belas"]
    elif rest >= 20:
        tens, units = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"] + ([_UNITS[units]] if units else [])
    elif rest:
        words.append(_UNITS[rest])
    return words


def words(n: int) -> str:
    """Indonesian words for a non-negative integer (``18`` → ``delapan belas``)."""
    if n == 0:
        return "nol"
    out: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count == 1 and scale == 1000:
            out.append("seribu")
        elif count:
            out += _below_thousand(count) + [name]
    return " ".join(out + _below_thousand(n))


def rupiah_words(n: int) -> str:
    """Words for an amount, title-cased, ending in Rupiah (``Seratus Ribu Rupiah``)."""
    return " ".join(w.capitalize() for w in words(n).split()) + " Rupiah"


def count_phrase(n: int, noun: str) -> str:
    """``3 (tiga) program``."""
    return f"{n} ({words(n)}) {noun}"
