"""Indonesian number words (terbilang), both directions.

``to_words(4760149793)`` gives "empat miliar tujuh ratus enam puluh juta
seratus empat puluh sembilan ribu tujuh ratus sembilan puluh tiga", the form
printed beside amounts ("(... Rupiah)") and small counts ("18 (delapan
belas)"). ``from_words`` reads such words back, tolerating case, extra
spaces, punctuation, a trailing "rupiah", "se-"/"satu" forms ("sejuta",
"satu juta", "se-ribu"), "milyar"/"trilyun" spellings and words run together
("duapuluh"); it returns None for anything that is not a well-formed number in
words (e.g. "lima lima", "ribu", "tujuh puluh koma lima").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
_MAX = 10**15

_DIGIT = {w: i for i, w in enumerate(_UNITS) if i > 0}
_BIG = {"triliun": 12, "trilyun": 12, "miliar": 9, "milyar": 9, "milyard": 9, "miliard": 9,
        "juta": 6, "ribu": 3}
_SMALL = {"ratus": 100, "puluh": 10, "belas": 10}
_SE = {"sepuluh": "puluh", "sebelas": "belas", "seratus": "ratus", "seribu": "ribu",
       "sejuta": "juta", "semiliar": "miliar", "semilyar": "milyar", "setriliun": "triliun",
       "setrilyun": "trilyun"}
_VOCAB = sorted(set(_DIGIT) | set(_BIG) | set(_SMALL) | set(_SE) | {"nol", "se"}, key=len, reverse=True)


def _below_thousand(n: int) -> list[str]:
    """Words for 1..999 (empty list for 0)."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_UNITS[hundreds], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words += [_UNITS[rest - 10], "belas"]
    elif rest >= 20:
        tens, units = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"]
        if units:
            words.append(_UNITS[units])
    elif rest > 0:
        words.append(_UNITS[rest])
    return words


def to_words(n: int) -> str:
    """Indonesian words for an integer below 10**15 (lower case; "minus" if negative)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("to_words needs an int")
    if abs(n) >= _MAX:
        raise ValueError("to_words handles numbers below 1000 triliun")
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + to_words(-n)
    words: list[str] = []
    rest = n
    for scale, name in _SCALES:
        group, rest = divmod(rest, scale)
        if group == 1 and name == "ribu":
            words.append("seribu")
        elif group:
            words += _below_thousand(group) + [name]
    words += _below_thousand(rest)
    return " ".join(words)


def _segment(word: str) -> Optional[list[str]]:
    """Split a run-together word ("duapuluhlima") into vocabulary words, or None."""
    if not word:
        return []
    for v in _VOCAB:
        if word.startswith(v):
            tail = _segment(word[len(v):])
            if tail is not None:
                return [v] + tail
    return None


def _tokens(text: str) -> Optional[list[str]]:
    """Normalised word tokens, with "se-" forms split into "se" + multiplier."""
    s = unicodedata.normalize("NFKC", text).casefold()
    s = re.sub(r"[()\[\]{}.,;:*_\"'!?/]", " ", s).replace("-", " ")
    words = s.split()
    while words and words[-1] in ("rupiah", "rp"):
        words.pop()
    out: list[str] = []
    for w in words:
        parts = [w] if w in _VOCAB or w == "minus" else _segment(w)
        if parts is None:
            return None
        for p in parts:
            out += ["se", _SE[p]] if p in _SE else [p]
    return out


class _Reader:
    """Recursive-descent reader over number-word tokens."""

    def __init__(self, tokens: list[str]) -> None:
        self.t = tokens
        self.i = 0

    def peek(self, k: int = 0) -> Optional[str]:
        """The token k places ahead, or None at the end."""
        j = self.i + k
        return self.t[j] if j < len(self.t) else None

    def unit(self) -> Optional[int]:
        """A digit word 1..9 or "se" (1, only before a multiplier)."""
        w = self.peek()
        if w in _DIGIT:
            self.i += 1
            return _DIGIT[w]
        if w == "se" and self.peek(1) in (set(_SMALL) | set(_BIG)):
            self.i += 1
            return 1
        return None

    def group(self) -> Optional[int]:
        """A number 1..999: [unit ratus] [unit puluh [digit] | unit belas | digit]."""
        start, value = self.i, 0
        u = self.unit()
        if u is not None and self.peek() == "ratus":
            self.i += 1
            value += 100 * u
            u = self.unit()
        if u is not None:
            nxt = self.peek()
            if nxt == "puluh":
                self.i += 1
                value += 10 * u
                d = self.peek()
                if d in _DIGIT:
                    self.i += 1
                    value += _DIGIT[d]
            elif nxt == "belas":
                self.i += 1
                value += 10 + u
            elif self.t[self.i - 1] == "se" and nxt not in _BIG:
                self.i = start
                return None
            else:
                value += u
        return value if value else None

    def number(self) -> Optional[int]:
        """A whole number: groups with descending scale words, or None if malformed."""
        if self.t == ["nol"]:
            return 0
        total, last_scale = 0, 99
        while self.peek() is not None:
            g = self.group()
            if g is None:
                return None
            w = self.peek()
            if w in _BIG:
                scale = _BIG[w]
                if scale >= last_scale:
                    return None
                self.i += 1
                total += g * 10**scale
                last_scale = scale
            elif w is None:
                total += g
            else:
                return None
        return total if self.t else None


def from_words(text: str) -> Optional[int]:
    """Read Indonesian number words back to an int, or None when text is not one."""
    tokens = _tokens(text)
    if not tokens:
        return None
    sign = 1
    if tokens[0] == "minus":
        sign, tokens = -1, tokens[1:]
    if not tokens:
        return None
    value = _Reader(tokens).number()
    return None if value is None else sign * value
