"""Words read by OCR made into the words a PDF text layer would give, figures and NIPs checked.

Tesseract gives each word a tight box of its ink. The PDF pipeline expects
what a text layer gives: a baseline and a font size per word, top and bottom
at the font's usual extent, bold known. ``rows_to_words`` estimates baseline
and size per Tesseract line (capitals, digits and ascenders are ``CAP_HEIGHT``
of the size), marks words whose strokes are much thicker than the page's
usual weight as bold, drops specks of dirt read as punctuation, and puts
words of one printed line (read by Tesseract as several) on one baseline.

``repair`` checks figures and NIPs against the shape they must have. The
look-alikes O/0, l/1, S/5, B/8 (and a few more) are replaced only when the
whole token then reads as a clean figure, or the groups after a ``NIP`` label
then make a valid 18-digit NIP; a number that fits no shape keeps at most
``DOUBTFUL`` confidence, so a finding built on it is never certain.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from lakip.ingest.figures import parse_figure
from lakip.ingest.model import BBox, Cell, Table, TextBlock
from lakip.ingest.pdf_text import Word, words_to_lines
from lakip.ingest.settings import DEFAULT_SETTINGS

if TYPE_CHECKING:
    from lakip.ingest.ocr import ScanPage

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
        if len(out) >= 2 and _TAIL.match(str(r["text"])) and str(out[-1]["text"]) in (".", ",") \
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


# ---------------------------------------------------------------- figures and NIPs

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
    from lakip.schemas.nip import parse_nip

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
_TAIL = re.compile(r"^\d[\d.,]*(?:,-|%)?[.,;]?$")
SPLIT_GAP = 0.18
"""Two parts of a figure closer than this fraction of the font size were printed without a space."""


def join_split_figures(words: Sequence[Word], confs: Sequence[float]) -> tuple[list[Word], list[float]]:
    """Figures Tesseract cut in two ('5.960.' '560,-', '93.7' '10.000') joined again, when nothing
    like a space lies between the parts, the joined token is a clean figure, and the cut is at a
    separator or leaves a part that is no clean figure."""
    out, out_confs = [], []
    for w, c in zip(words, confs):
        prev = out[-1] if out else None
        if (prev is not None and prev.base == w.base and _HEAD.match(prev.text) and _TAIL.match(w.text)
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
        fixed = repair_nip([words[i].text for i in idx])
        for k, i in enumerate(idx):
            if fixed is None:
                confs[i] = min(confs[i], DOUBTFUL)
            else:
                words[i] = words[i]._replace(text=fixed[k])
    return words, confs


# ---------------------------------------------------------------- confidences into the Document

def region_confidence(box: Optional[BBox], words: Sequence, confs: Sequence[float]) -> Optional[float]:
    """Confidence of what is printed in a box: the least sure figure in it, else the mean of its words."""
    if box is None:
        return None
    inside = [(w, c) for w, c in zip(words, confs)
              if box[0] - 1 <= (w.x0 + w.x1) / 2 <= box[2] + 1 and box[1] - 1 <= w.base - 0.3 * w.size <= box[3] + 1]
    if not inside:
        return None
    figures = [c for w, c in inside if any(ch.isdigit() for ch in w.text)]
    return round(min(figures), 3) if figures else round(statistics.fmean(c for _, c in inside), 3)


def _cell(cell: Cell, scans: dict[int, "ScanPage"]) -> Cell:
    """A cell with the confidence of its OCR'd text, when it lies on a scanned page."""
    scan = scans.get(cell.page) if cell.page is not None else None
    if scan is None or not cell.text:
        return cell
    return replace(cell, confidence=region_confidence(cell.bbox, scan.words, scan.confidences))


def annotate(blocks: Sequence[TextBlock], tables: Sequence[Table], scans: dict[int, "ScanPage"]):
    """Text blocks and table cells of scanned pages with their OCR confidence."""
    if not scans:
        return list(blocks), list(tables)
    out_blocks = []
    for b in blocks:
        scan = scans.get(b.page) if b.page is not None else None
        out_blocks.append(b if scan is None else replace(
            b, confidence=region_confidence(b.bbox, scan.words, scan.confidences)))
    out_tables = []
    for t in tables:
        if not set(t.pages) & set(scans):
            out_tables.append(t)
            continue
        out_tables.append(replace(t, header=tuple(tuple(_cell(c, scans) for c in r) for r in t.header),
                                  rows=tuple(tuple(_cell(c, scans) for c in r) for r in t.rows)))
    return out_blocks, out_tables


def confidence_regions(doc) -> tuple[tuple[int, BBox, float, str], ...]:
    """Every table cell and text block read by OCR: its page, box, confidence and text."""
    out = [(b.page, b.bbox, b.confidence, b.text) for b in doc.blocks if b.confidence is not None and b.bbox]
    for t in doc.tables:
        out += [(c.page, c.bbox, c.confidence, c.text) for row in t.header + t.rows for c in row
                if c.confidence is not None and c.bbox and c.page is not None]
    return tuple(out)
