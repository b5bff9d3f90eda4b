"""Normalising names for matching: persons, indicators, programs, units.

The one place that decides when two names written differently are the same:
``normalize_text`` for indicator/program/kegiatan names, ``normalize_unit``
for satuan, ``split_person_name`` / ``same_person`` for signatories, whose
names appear with and without academic titles and with initials
("DON LAURENZO U. N. DA SILVA, SE" and "Don L. Usi Neno Da Silva, SE").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz

from lakip.values.text import fold, normalize_text

_LEVELS = (("sub", "kegiatan"), ("subkegiatan",), ("kegiatan",), ("program",))
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})

_UNIT_ALIASES = {
    "%": "%", "persen": "%", "persentase": "%", "prosentase": "%", "presentase": "%",
    "prosen": "%", "percent": "%", "percentage": "%",
    "indeks": "indeks", "index": "indeks", "nilai indeks": "indeks", "nilai index": "indeks",
    "idx": "indeks", "dok": "dokumen", "dokumen": "dokumen", "org": "orang", "orang": "orang",
    "keg": "kegiatan", "kegiatan": "kegiatan", "lap": "laporan", "laporan": "laporan",
    "bln": "bulan", "bulan": "bulan", "thn": "tahun", "th": "tahun", "tahun": "tahun",
    "bh": "buah", "buah": "buah", "point": "poin", "poin": "poin", "score": "skor",
    "skor": "skor", "rp": "rupiah", "rupiah": "rupiah", "jml": "jumlah", "jumlah": "jumlah",
    "unit": "unit", "kali": "kali", "paket": "paket", "nilai": "nilai",
}

_PREFIX_TITLES = frozenset({"prof", "dr", "drs", "dra", "ir", "hj", "drg", "drh", "ns", "kh"})
_POST_TITLES = frozenset({
    "se", "msi", "ssos", "sstp", "sip", "sh", "mh", "mm", "skom", "amd", "st", "mt", "spd", "mpd",
    "ssi", "sag", "mag", "sp", "mp", "skm", "mkes", "sked", "ak", "cpa", "map", "mba", "msc",
    "phd", "ma", "bsc", "sst", "sfarm", "apt", "skep", "ners", "amkeb", "amdkeb", "amkep",
    "amdkep", "amdkes", "mkn", "sth", "mth", "stp", "spsi", "mpsi", "spt", "sikom", "sipol",
    "shi", "sei", "ssy", "ssn", "sgz", "sds", "mkom", "me", "mak", "sak", "ssit", "spdi",
    "mpdi", "mse", "lc", "mpa", "mpp", "mtp", "ssosi", "mkm", "mars", "sif", "spog",
    "sstpar", "ipm", "ipu", "mti", "msos", "mhum", "shum", "spi", "sarch", "mmsi",
})
_PANGKAT = re.compile(r"\b(?:pembina|penata|pengatur|juru)\b.*$", re.I | re.S)
_GOLONGAN = re.compile(r"\(?\b(?:I|II|III|IV)\s*/\s*[a-e]\b\)?", re.I)
_NIP_TAIL = re.compile(r"\bNIP\b.*$", re.I | re.S)


def split_level_prefix(s: str) -> tuple[Optional[str], str]:
    """(level, rest): level is "program", "kegiatan", "sub kegiatan" or None; rest normalised."""
    words = normalize_text(s).split()
    if len(words) > 1 and (re.fullmatch(r"\d+(?:[.,]\d+)*|[a-z]", words[0]) or words[0] in _ROMAN):
        if words[1] in ("program", "kegiatan", "sub", "subkegiatan"):
            words = words[1:]
    for level in _LEVELS:
        n = len(level)
        if tuple(words[:n]) == level and len(words) > n:
            name = "sub kegiatan" if level[0].startswith("sub") else level[0]
            return name, " ".join(words[n:])
    return None, " ".join(words)


def strip_level_prefix(s: str) -> str:
    """Normalised name without a leading "Program", "Kegiatan" or "Sub Kegiatan" (and numbering)."""
    return split_level_prefix(s)[1]


def normalize_unit(s: str) -> str:
    """Canonical satuan: ``%``/persen/persentase → "%", index/nilai indeks → "indeks", etc."""
    norm = normalize_text(s)
    if norm in _UNIT_ALIASES:
        return _UNIT_ALIASES[norm]
    out: list[str] = []
    for w in norm.split():
        u = _UNIT_ALIASES.get(w, w)
        if not out or out[-1] != u:
            out.append(u)
    return " ".join(out)


def name_similarity(a: str, b: str, strip_prefix: bool = False) -> float:
    """0..1 similarity of indicator/program names: mean of token-set and token-sort ratios.

    Texts are normalised first (and stripped of level prefixes if asked).
    token_set alone scores a name contained in another as 1.0 ("Indeks" vs
    "Indeks Kepuasan Masyarakat"); averaging with token_sort keeps reordered
    names at 1.0 but pulls such containment down. Names sharing one common
    word still score around 0.7 ("Indeks Kepuasan Masyarakat" vs "Indeks
    sarana prasarana" ≈ 0.73): treat ≥ 0.9 as "same name, written differently".
    """
    f = strip_level_prefix if strip_prefix else normalize_text
    x, y = f(a), f(b)
    if not x or not y:
        return 0.0
    if x.replace(" ", "") == y.replace(" ", ""):
        return 1.0  # a word broken over two lines of a narrow cell ('penyeleng garaan')
    return (fuzz.token_set_ratio(x, y) + fuzz.token_sort_ratio(x, y)) / 200.0


@dataclass(frozen=True)
class PersonName:
    """A person's name split into titles and name tokens."""

    text: str
    given: tuple[str, ...]
    """Name tokens as printed ("DON", "LAURENZO", "U.", ...)."""
    tokens: tuple[str, ...]
    """Name tokens for matching: folded, no dots, initials as one letter."""
    titles_before: tuple[str, ...] = ()
    titles_after: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The name without titles, as printed."""
        return " ".join(self.given)


def _title_key(s: str) -> str:
    """A title folded for lookup: "M. Si" → "msi", "S.E." → "se"."""
    return re.sub(r"[\s.\-]", "", fold(s))


def _match_tokens(tok: str) -> list[str]:
    """Matching tokens of one printed token: "U.N." → ["u", "n"], "Ma'ruf" → ["maruf"]."""
    folded = fold(tok).replace("'", "").replace("\u2019", "")
    return re.findall(r"[^\W\d_]+", folded)


def split_person_name(s: str) -> PersonName:
    """Split a printed name into academic titles and name tokens (NIP, pangkat dropped)."""
    core = _NIP_TAIL.sub("", s)
    core = _PANGKAT.sub("", core)
    core = _GOLONGAN.sub("", core).strip(" ,;:\n\t")
    head, *tail = core.split(",")
    titles_after = [t.strip() for t in tail if t.strip()]
    words = head.split()
    titles_before: list[str] = []
    while len(words) > 1 and _title_key(words[0]) in _PREFIX_TITLES:
        titles_before.append(words.pop(0))
    trailing: list[str] = []
    while len(words) > 1:
        for n in (3, 2, 1):
            if len(words) > n and _title_key("".join(words[-n:])) in _POST_TITLES:
                trailing[:0] = [" ".join(words[-n:])]
                del words[-n:]
                break
        else:
            break
    given = tuple(w for w in words if _match_tokens(w))
    tokens = tuple(t for w in given for t in _match_tokens(w))
    return PersonName(s, given, tokens, tuple(titles_before), tuple(trailing + titles_after))


def _pair_weight(x: str, y: str) -> tuple[float, bool]:
    """How well two name tokens match (0 none), and whether it is a whole-word match."""
    if x == y:
        return (1.0, True) if len(x) > 1 else (0.9, False)
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if short[0] != long_[0]:
        return 0.0, False
    if len(short) == 1:
        return 0.8, False
    if long_.startswith(short) or _is_subsequence(short, long_):
        return 0.8, False
    if len(short) >= 4:
        r = fuzz.ratio(x, y) / 100.0
        if r >= 0.8:
            return 0.9 * r, True
    return 0.0, False


def _is_subsequence(short: str, long_: str) -> bool:
    """Whether the letters of short appear in long_ in order ("mhd" in "muhammad")."""
    it = iter(long_)
    return all(c in it for c in short)


def same_person(a: str, b: str) -> float:
    """0..1 score that two printed names are one person, allowing initials and abbreviations.

    Tokens are aligned in order (a weighted longest common subsequence):
    equal words weigh 1, an initial or abbreviation against its word 0.8,
    a near-equal spelling ~0.8. The score is the Dice share of the aligned
    weight; when every token of the shorter name aligns (and at least one is
    a whole word) it is raised to the mean aligned weight less 0.02 per extra
    token of the longer name, so "Don Laurenzo Da Silva" matches the name
    with its middle initials. Names aligned by initials only are capped at 0.7.
    Titles, pangkat and NIP are dropped first (:func:`split_person_name`).
    """
    x, y = split_person_name(a).tokens, split_person_name(b).tokens
    if not x or not y:
        return 0.0
    # dp[i][j] = (weight, matched, whole-word matches) for x[:i], y[:j]
    dp = [[(0.0, 0, 0)] * (len(y) + 1) for _ in range(len(x) + 1)]
    for i in range(1, len(x) + 1):
        for j in range(1, len(y) + 1):
            best = max(dp[i - 1][j], dp[i][j - 1])
            w, whole_word = _pair_weight(x[i - 1], y[j - 1])
            if w > 0:
                p = dp[i - 1][j - 1]
                cand = (p[0] + w, p[1] + 1, p[2] + int(whole_word))
                best = max(best, cand)
            dp[i][j] = best
    weight, matched, whole = dp[-1][-1]
    score = 2.0 * weight / (len(x) + len(y))
    shorter, longer = sorted((len(x), len(y)))
    if matched == shorter and shorter >= 2 and whole >= 1:
        score = max(score, weight / shorter - 0.02 * (longer - shorter))
    if whole == 0:
        score = min(score, 0.7)  # initials alone are weak evidence
    return round(min(score, 1.0), 4)


_MEASURE_WORDS = frozenset({
    "indeks", "index", "indek", "persentase", "prosentase", "presentase", "persen", "rekomendasi",
    "hasil", "jumlah", "tersedianya", "tersedia", "tingkat", "nilai", "angka", "rasio", "cakupan",
    "proporsi", "di", "dan", "yang", "dari", "terhadap", "pada", "dalam", "untuk", "kecamatan",
    "kabupaten", "kota", "provinsi", "daerah", "rata", "%",
})


def indicator_core(name: str) -> str:
    """The distinctive words of an indicator name (measure words such as 'Indeks', 'Persentase' dropped)."""
    words = normalize_text(name).split()
    core = [w for w in words if w not in _MEASURE_WORDS]
    return " ".join(core or words)


def indicator_similarity(a: str, b: str) -> float:
    """0..1: the better of the whole-name similarity and the similarity of the distinctive words."""
    if not a.strip() or not b.strip():
        return 0.0
    x, y = indicator_core(a), indicator_core(b)
    core = (fuzz.token_set_ratio(x, y) + fuzz.token_sort_ratio(x, y)) / 200.0
    return max(name_similarity(a, b), core)
