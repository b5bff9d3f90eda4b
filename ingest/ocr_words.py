"""Words read by OCR made into the words a PDF text layer would give, figures and NIPs checked.

Tesseract gives each word a tight box of its ink. The PDF pipeline expects
what a text layer gives: a baseline and a font size per word, top and bottom
at the font's usual extent, bold known. ``rows_to_words`` estimates baseline
and size per Tesseract line (capitals, digits and ascenders are ``CAP_HEIGHT``
of the size), marks words whose strokes are much thicker than the page's
usual weight as bold, drops specks of dirt read as punctuation, and puts
words of one printed line (read by Tesseract as several) on one baseline.

Figures and NIPs are checked against their shapes in ``ocr_repair``; the
confidence of each cell and block goes into the Document in ``ocr_confidence``.
"""

from __future__ import annotations

import re
import statistics
from typing import Sequence

from lakip.ingest.pdf_text import Word, words_to_lines
from lakip.ingest.settings import DEFAULT_SETTINGS

DOUBTFUL = 0.5
"""The highest confidence a number that fits no figure or NIP shape keeps."""

UNSURE = 0.9
"""A malformed figure read less surely than this may have one separator misread."""

GUESSED = 0.75
"""The highest confidence of a figure whose separator was guessed: below the rules' threshold, so
a finding on it is a warning that asks for a check."""

CAP_HEIGHT = 0.70
"""Height of capitals, digits and ascenders as a fraction of the font size."""

SPECK = 0.25
"""A token whose ink is smaller than this fraction of the font size both ways is dirt."""

_DESCENDERS = set("gjpqyQ(),;[]{}|/_@$")
_TALL = set("bdfhklt0123456789ABCDEFGHIJKLMNOPRSTUVWXYZ")


TAIL = re.compile(r"^\d[\d.,]*(?:,-|%)?[.,;]?$")
"""The tail of a figure printed apart from its head ('4.' '603.119.714')."""
SPLIT_GAP = 0.18
"""Two parts of a figure closer than this fraction of the font size were printed without a space."""


# ---------------------------------------------------------------- geometry

def line_metrics(rows: Sequence[dict]) -> tuple[float, float]:
    """Baseline and font size (pixels) of one Tesseract line from its word boxes."""
    bottoms = [r["top"] + r["height"] for r in rows if not (set(r["text"]) & _DESCENDERS)]
    base = statistics.median(bottoms) if bottoms else statistics.median(
        r["top"] + 0.8 * r["height"] for r in rows)
    tall = [base - r["top"] for r in rows if set(r["text"]) & _TALL and base - r["top"] > 0]
    size = statistics.median(tall) / CAP_HEIGHT if tall else statistics.median(r["height"] for r in rows) / 0.95
    return base, max(size, 1.0)


def is_speck(row: dict, size: float) -> bool:
    """Whether a token is a speck of dirt: tiny ink that is not a letter or digit of normal height."""
    return max(row["width"], row["height"]) < SPECK * size


def rows_to_words(rows: Sequence[dict], ink, scale: float, min_confidence: float) -> tuple[list[Word], list[float]]:
    """Tesseract rows as ``Word`` values in PDF points (one baseline per line) and their confidences."""
    from lakip.ingest.ocr_tables import stroke_width

    groups: dict[tuple, list[dict]] = {}
    for r in join_separators(rows):
        if float(r["conf"]) / 100.0 < min_confidence and not any(ch.isalnum() for ch in str(r["text"])):
            continue
        groups.setdefault((r["block_num"], r["par_num"], r["line_num"]), []).append(r)
    sizes = [line_metrics(g)[1] for g in groups.values() if len(g) > 1]
    usual = statistics.median(sizes) if sizes else None
    placed = []
    for group in groups.values():
        base, size = line_metrics(group)
        for r in group:
            if is_speck(r, max(size, usual or size)):
                continue
            box = (r["left"], r["top"], r["left"] + r["width"], r["top"] + r["height"])
            placed.append((r, base, size, stroke_width(ink, box)))
    body = statistics.median(p[2] for p in placed) if placed else 1.0
    placed = [(r, base, size, stroke / (size / body) ** 0.5) for r, base, size, stroke in placed]
    heavy = bold_threshold([p[3] for p in placed if len(str(p[0]["text"])) >= 3])
    words, confs = [], []
    for r, base, size, stroke in placed:
        b, s = base * scale, size * scale
        words.append(Word(str(r["text"]), r["left"] * scale, b - 0.85 * s, (r["left"] + r["width"]) * scale,
                          b + 0.25 * s, b, round(s, 1), stroke > heavy))
        confs.append(round(float(r["conf"]) / 100.0, 3))
    return snap_baselines(words), confs


def join_separators(rows: Sequence[dict]) -> list[dict]:
    """A figure Tesseract read as three words — digits, a lone '.' or ',', digits ('97' ',' '32%') —
    made one again when the parts touch (the lone separator alone would be taken for a speck)."""
    out: list[dict] = []
    for r in rows:
        if len(out) >= 2 and TAIL.match(str(r["text"])) and str(out[-1]["text"]) in (".", ",") \
                and str(out[-2]["text"])[-1:].isdigit() and _touching(out[-2], out[-1], r):
            a, sep = out[-2], out.pop()
            out[-1] = {**a, "text": f"{a['text']}{sep['text']}{r['text']}", "width": r["left"] + r["width"] - a["left"],
                       "conf": min(float(a["conf"]), float(sep["conf"]), float(r["conf"]))}
            continue
        out.append(r)
    return out


def _touching(*parts: dict) -> bool:
    """Whether word boxes follow each other on one line with no space-wide gap between them."""
    gap = SPLIT_GAP * parts[0]["height"] / CAP_HEIGHT
    return all(b["line_num"] == a["line_num"] and b["block_num"] == a["block_num"]
               and -2 <= b["left"] - (a["left"] + a["width"]) < gap for a, b in zip(parts, parts[1:]))


def bold_threshold(strokes: Sequence[float]) -> float:
    """Stroke width above which a word is bold: well above the page's usual weight.

    Strokes are compared after dividing by the square root of the font size
    relative to the body text's: a larger font has thicker strokes too, but
    less so than bold adds (measured on the sample: body text 5.5 px at 300 dpi,
    bold 7–10.5 px, a regular 14 pt heading about 7 px)."""
    if len(strokes) < 5:
        return float("inf")
    return 1.22 * statistics.median(strokes)


def snap_baselines(words: list[Word]) -> list[Word]:
    """Words whose baselines differ by less than a fifth of their size share one baseline."""
    order = sorted(range(len(words)), key=lambda i: words[i].base)
    out = list(words)
    run: list[int] = []
    for i in order + [None]:
        if i is not None and run and words[i].base - words[run[0]].base <= 0.2 * words[i].size:
            run.append(i)
            continue
        if len(run) > 1:
            base = statistics.median(words[k].base for k in run)
            for k in run:
                w = words[k]
                out[k] = w._replace(base=base, top=base - 0.85 * w.size, bottom=base + 0.25 * w.size)
        run = [i] if i is not None else []
    return out


def page_text(words: Sequence[Word]) -> str:
    """The page's plain text: its words as lines, top to bottom."""
    return "\n".join(ln.text for ln in words_to_lines(words, DEFAULT_SETTINGS))


# ---------------------------------------------------------------- punctuation against the ink

_GLUED = re.compile(r"[.,](?=[A-Za-z])")
SPACE = 0.18
"""An empty strip at least this fraction of the font size wide inside a token is a space."""


def check_punctuation(rows: Sequence[dict], ink) -> list[dict]:
    """Rows with their punctuation checked against the ink: a colon whose upper dot is a speck
    is a period ('U:' → 'U.'), a minus sign that is no bar is a speck ('-98,11' → '98,11'), and
    a token with a space-wide gap after a period or comma ('U.N.' printed 'U. N.') is cut there."""
    out: list[dict] = []
    for r in rows:
        text = str(r["text"])
        if len(text) > 1 and text.endswith(":") and upper_dot_is_speck(ink, r):
            r = {**r, "text": text[:-1] + "."}
        if len(text) > 1 and text[0] in "-–" and text[1].isdigit() and not leading_bar(ink, r):
            r = {**r, "text": text[1:]}
        out += split_at_spaces(ink, r)
    return out


def _crop(ink, r: dict):
    """A row's box in the ink image, as booleans."""
    return ink[max(0, r["top"]):r["top"] + r["height"], max(0, r["left"]):r["left"] + r["width"]] > 0


def upper_dot_is_speck(ink, r: dict) -> bool:
    """Whether the colon ending a token is a period with a speck above it: of the two dots at the
    token's right end, the upper one has less than half the ink of the lower one."""
    import cv2
    import numpy as np

    strip = _crop(ink, r)[:, -max(4, int(0.35 * r["height"])):]
    n, _, stats, _ = cv2.connectedComponentsWithStats(strip.astype(np.uint8), connectivity=8)
    dots = sorted((s for s in stats[1:n] if s[4] < 0.05 * r["height"] ** 2), key=lambda s: s[1])
    return len(dots) >= 2 and dots[0][4] < 0.5 * dots[-1][4]


def leading_bar(ink, r: dict) -> bool:
    """Whether the first mark of a token is a bar (a minus sign or dash), not a speck of dust."""
    import cv2
    import numpy as np

    strip = _crop(ink, r)[:, :max(4, int(0.5 * r["height"]))]
    n, _, stats, _ = cv2.connectedComponentsWithStats(strip.astype(np.uint8), connectivity=8)
    marks = sorted(stats[1:n], key=lambda s: s[0])
    return bool(marks) and marks[0][2] >= 1.8 * marks[0][3]


def split_at_spaces(ink, r: dict) -> list[dict]:
    """A row cut where, after a period or comma, its ink leaves a gap as wide as a space."""
    import numpy as np

    text = str(r["text"])
    glued = [m.end() for m in _GLUED.finditer(text)]
    if not glued:
        return [r]
    size = r["height"] / (0.9 if set(text) & _DESCENDERS else CAP_HEIGHT)
    cols = _crop(ink, r).any(axis=0)
    edges = np.flatnonzero(np.diff(cols.astype(np.int8)))
    gaps = [(a + 1, b + 1) for a, b in zip(edges[::2], edges[1::2]) if not cols[a + 1]]
    wide = [(a + b) // 2 for a, b in gaps if b - a >= SPACE * size]
    if len(wide) != len(glued):
        return [r]
    parts, cuts = [], [0] + wide + [r["width"]]
    for k, (start, end) in enumerate(zip([0] + glued, glued + [len(text)])):
        parts.append({**r, "text": text[start:end], "left": r["left"] + cuts[k], "width": cuts[k + 1] - cuts[k]})
    return parts
