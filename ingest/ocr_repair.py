"""Figures and NIPs read by OCR checked against the shape they must have.

The look-alikes O/0, l/1, S/5, B/8 (and a few more) are replaced only when the
whole token then reads as a clean figure, or the groups after a ``NIP`` label
then make a valid 18-digit NIP; a number that fits no shape keeps at most
``DOUBTFUL`` confidence, so a finding built on it is never certain.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from lakip.values.figures import parse_figure
from lakip.ingest.ocr_words import DOUBTFUL, GUESSED, SPLIT_GAP, TAIL, UNSURE
from lakip.ingest.pdf_text import Word

_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "i": "1", "|": "1",
                            "!": "1", "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6"})
_AFFIX = re.compile(r"^(?P<pre>\(?(?:Rp\.?\s*)?)(?P<core>.*?)(?P<post>(?:,-|\.-|%|\))*[.,;:]?)$")
_FIGURE_SHAPE = re.compile(r"^\d+(?:[.,]\d+)*$")
_NIP_LABEL = re.compile(r"^N[I1l]P\s*\.?\s*:?$", re.I)
_GROUPED_THOUSANDTHS = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d{3}$")
"""'4.760.149,793': grouped thousands with three decimals, printed by no one; a misread '.'."""
_ID_GROUPED = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{1,2})$")
_TIME_BEFORE = frozenset({"pukul", "jam", "pkl", "waktu"})
_TIME_AFTER = frozenset({"WIB", "WITA", "WIT"})
_PERCENT = frozenset({"Yo", "%o", "o/o", "0/o", "o/0", "Y%", "%%"})
"""How Tesseract misreads a lone per-cent sign."""


def clean_figure(text: str) -> bool:
    """Whether a token reads as a well-formed figure with no slip."""
    fig = parse_figure(text.rstrip(".,;:"))
    return fig.kind == "number" and fig.issue is None


def repair_figure(text: str, colon: bool = True) -> Optional[str]:
    """A token with digits and look-alikes (letters for digits, a colon for a comma, a stray quote
    before it), repaired when exactly one repair makes it a clean figure (a colon only when
    ``colon``: not in a time of day)."""
    if text in _PERCENT:
        return "%"
    stripped = text.lstrip("'\"‘’“”`")
    m = _AFFIX.match(stripped)
    pre, core, post = (m["pre"], m["core"], m["post"]) if m else ("", stripped, "")
    fixed = core.translate(_LOOKALIKE)
    changed = sum(a != b for a, b in zip(core, fixed))
    if changed >= sum(ch.isdigit() for ch in core):
        return None
    options = {fixed.replace(":", sep).replace(";", sep) for sep in ",."} if colon else {fixed}
    fits = [pre + o + post for o in options
            if _FIGURE_SHAPE.match(o) and clean_figure(pre + o + post) and figure_fits(pre + o + post)]
    if len(fits) != 1 or fits[0] == text:
        return None
    return fits[0]


def figure_fits(text: str) -> bool:
    """Whether a numeric token reads as a well-formed figure with no slip (or is no figure at all):
    a slip read by OCR (bad grouping, English separators, thousands with three decimals) is as
    likely a misread '.' or ','."""
    token = text.strip(".,;:()")
    if not any(ch.isdigit() for ch in token) or any(ch.isalpha() for ch in token.replace("Rp", "")):
        return True
    m = _AFFIX.match(token)
    if _GROUPED_THOUSANDTHS.match(m["core"] if m else token):
        return False
    fig = parse_figure(token)
    return fig.kind in ("range", "empty", "text") or (fig.kind == "number" and fig.issue is None)


def repair_nip(parts: Sequence[str]) -> Optional[list[str]]:
    """The groups printed after a NIP label, look-alikes repaired, if they then make a valid NIP."""
    from lakip.values.nip import parse_nip

    fixed = [p.translate(_LOOKALIKE) for p in parts]
    nip = parse_nip(" ".join(fixed))
    if not nip.well_formed or nip.problems:
        return None
    return fixed


def nip_runs(words: Sequence[Word]) -> Iterable[list[int]]:
    """Indices of the groups (up to four words) printed after each NIP label on its line."""
    for i, w in enumerate(words):
        if not _NIP_LABEL.match(w.text):
            continue
        run: list[int] = []
        for k in range(i + 1, min(i + 5, len(words))):
            nxt = words[k]
            if abs(nxt.base - w.base) > 0.3 * w.size or not any(ch.isdigit() for ch in nxt.text):
                break
            run.append(k)
            if sum(ch.isdigit() for k2 in run for ch in words[k2].text) >= 18:
                break
        if run:
            yield run


def swap_separator(text: str) -> Optional[str]:
    """A figure with one separator misread ('3.744,272.913'), when turning exactly one '.' into ','
    or back gives exactly one figure grouped the Indonesian way (thousands by '.', at most two
    decimals after ',')."""
    if figure_fits(text) or not _FIGURE_SHAPE.match(text.rstrip(".,;:%")):
        return None
    fits = set()
    for k, ch in enumerate(text):
        if ch in ".," and k + 1 < len(text) and text[k + 1].isdigit():
            candidate = text[:k] + ("," if ch == "." else ".") + text[k + 1:]
            if _ID_GROUPED.match(candidate.rstrip(";:%")) and clean_figure(candidate):
                fits.add(candidate)
    return fits.pop() if len(fits) == 1 else None


def near_time(words: Sequence[Word], i: int) -> bool:
    """Whether word ``i`` is a time of day ('pukul 08:00', '10:30 WITA'), where a colon is right."""
    before = words[i - 1].text.lower().strip(".,:") if i else ""
    after = words[i + 1].text.upper().strip(".,;)") if i + 1 < len(words) else ""
    return before in _TIME_BEFORE or after in _TIME_AFTER


_HEAD = re.compile(r"^(?:Rp\.?)?[\d.,]*\d[.,]?$")


def join_split_figures(words: Sequence[Word], confs: Sequence[float]) -> tuple[list[Word], list[float]]:
    """Figures Tesseract cut in two ('5.960.' '560,-', '93.7' '10.000') joined again, when nothing
    like a space lies between the parts, the joined token is a clean figure, and the cut is at a
    separator or leaves a part that is no clean figure."""
    out: list[Word] = []
    out_confs: list[float] = []
    for w, c in zip(words, confs):
        prev = out[-1] if out else None
        if (prev is not None and prev.base == w.base and _HEAD.match(prev.text) and TAIL.match(w.text)
                and 0 <= w.x0 - prev.x1 < SPLIT_GAP * w.size and clean_figure(prev.text + w.text)
                and (prev.text[-1] in ".," or not (clean_figure(prev.text) and clean_figure(w.text)))):
            out[-1] = prev._replace(text=prev.text + w.text, x1=w.x1)
            out_confs[-1] = min(out_confs[-1], c)
            continue
        out.append(w)
        out_confs.append(c)
    return out, out_confs


def repair(words: Sequence[Word], confs: Sequence[float]) -> tuple[list[Word], list[float]]:
    """Figures and NIPs checked against their shape, look-alike letters repaired where that fits."""
    words, confs = join_split_figures(words, confs)
    for i, w in enumerate(words):
        fixed = repair_figure(w.text, colon=not near_time(words, i))
        swapped = swap_separator(w.text) if fixed is None and confs[i] < UNSURE else None
        if fixed is not None:
            words[i] = w._replace(text=fixed)
        elif swapped is not None:
            words[i] = w._replace(text=swapped)
            confs[i] = min(confs[i], GUESSED)
        elif not figure_fits(w.text):
            confs[i] = min(confs[i], DOUBTFUL)
    for idx in nip_runs(words):
        nip = repair_nip([words[i].text for i in idx])
        for k, i in enumerate(idx):
            if nip is None:
                confs[i] = min(confs[i], DOUBTFUL)
            else:
                words[i] = words[i]._replace(text=nip[k])
    return words, confs
