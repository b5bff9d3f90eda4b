"""Tesseract calls: a page, a sheet of crops, a second look at unsure words, figures read twice.

One call per image costs Tesseract's start-up and model loading (~0.1 s), so
parts of a page read on their own — table cells, unsure words, marks no word
covers — are stacked, with wide gaps, into one *sheet* image and read in one
call (``read_sheet``); each word found is mapped back to its part and to page
pixels. Small crops are read after the page's paper noise was whitened
(``ocr_tables.whiten``): Tesseract's own thresholding of a small, mostly empty
crop turns sensor noise into letters.
"""

from __future__ import annotations

import re
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

if TYPE_CHECKING:
    import numpy as np

    from lakip.ingest.ocr import OcrSettings


@dataclass(frozen=True)
class Crop:
    """A part of the page image to read on its own, and where it sits on the page (pixels)."""

    x: int
    y: int
    image: Optional[np.ndarray]
    """Grey numpy array; None when the part holds no ink."""


def crop(gray, ink, box: tuple[int, int, int, int]) -> Crop:
    """The part of the page inside a pixel box (None as image when it is blank)."""
    x0, y0 = max(0, box[0]), max(0, box[1])
    x1, y1 = max(x0, box[2]), max(y0, box[3])
    has_ink = x1 - x0 > 3 and y1 - y0 > 3 and int((ink[y0:y1, x0:x1] > 0).sum()) > 12
    return Crop(x0, y0, gray[y0:y1, x0:x1] if has_ink else None)


def run_tesseract(gray, settings: OcrSettings, psm: int, dpi: int, lang: Optional[str] = None) -> dict:
    """Tesseract's TSV output for an image (in ``settings.lang`` unless told), as a dict of columns."""
    import cv2
    import pytesseract

    with tempfile.TemporaryDirectory(prefix="lakip-ocr-") as tmp:
        path = str(Path(tmp) / "page.pgm")          # uncompressed: no PNG encoding per page
        cv2.imwrite(path, gray)
        return pytesseract.image_to_data(path, lang=lang or settings.lang, timeout=settings.timeout,
                                         config=f"--psm {psm} --dpi {dpi}", output_type=pytesseract.Output.DICT)


_KEYS = ("text", "left", "top", "width", "height", "conf", "block_num", "par_num", "line_num")


def tesseract_rows(gray, settings: OcrSettings) -> list[dict]:
    """Tesseract's word rows (text, box in pixels, confidence, block/paragraph/line numbers)."""
    data = run_tesseract(gray, settings, settings.psm, settings.dpi)
    rows = [dict(zip(_KEYS, vals)) for vals in zip(*(data[k] for k in _KEYS))]
    return [r for r in rows if str(r["text"]).strip() and float(r["conf"]) >= 0]


def read_sheet(crops: Sequence[Crop], factor: int, settings: OcrSettings, tag: str,
               lang: Optional[str] = None) -> list[list[dict]]:
    """Each crop's word rows, in page pixels: the crops enlarged ``factor`` times, stacked with wide
    gaps into one image and read in a single Tesseract call (one call per crop costs far more)."""
    import cv2
    import numpy as np

    out: list[list[dict]] = [[] for _ in crops]
    todo = [(k, c) for k, c in enumerate(crops) if c.image is not None]
    if not todo:
        return out
    images = [cv2.resize(c.image, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC) if factor > 1
              else c.image for _, c in todo if c.image is not None]
    gap = 40 * factor
    sheet = np.full((sum(im.shape[0] + gap for im in images) + gap, max(im.shape[1] for im in images) + 2 * gap),
                    255, np.uint8)
    bands, y = [], gap
    for im in images:
        sheet[y:y + im.shape[0], gap:gap + im.shape[1]] = im
        bands.append((y, y + im.shape[0]))
        y += im.shape[0] + gap
    data = run_tesseract(sheet, settings, 6, factor * settings.dpi, lang)
    for vals in zip(*(data[key] for key in _KEYS)):
        r = dict(zip(_KEYS, vals))
        centre = r["top"] + r["height"] / 2
        j = next((j for j, (a, b) in enumerate(bands) if a - gap / 2 <= centre <= b + gap / 2), None)
        if j is None or not str(r["text"]).strip() or float(r["conf"]) < 0:
            continue
        k, c = todo[j]
        out[k].append({**r, "left": c.x + (r["left"] - gap) // factor, "top": c.y + (r["top"] - bands[j][0]) // factor,
                       "width": r["width"] // factor, "height": r["height"] // factor,
                       "block_num": f"{tag}{k}.{r['block_num']}"})
    return out


def leftovers(gray, ink, line_mask, rows: list[dict], settings: OcrSettings) -> list[dict]:
    """Words read from the ink no word covers (dropped by Tesseract's layout analysis), read
    enlarged in one sheet; kept when read surely (0.6) as something with a letter or digit."""
    from lakip.ingest.ocr_tables import leftover_marks

    if not rows:
        return []
    height = statistics.median(r["height"] for r in rows)
    read = [(r["left"], r["top"], r["left"] + r["width"], r["top"] + r["height"]) for r in rows]
    boxes = leftover_marks(ink, line_mask, read, height)[:settings.second_look_max]
    pad = max(4, int(height // 4))
    crops = [crop(gray, ink, (x0 - pad, y0 - pad, x1 + pad, y1 + pad)) for x0, y0, x1, y1 in boxes]
    return [r for found in read_sheet(crops, 2, settings, "left") for r in found
            if float(r["conf"]) >= 60 and any(ch.isalnum() for ch in str(r["text"]))]


def second_look(gray, rows: list[dict], settings: OcrSettings) -> list[dict]:
    """Unsure words read again, and every figure read twice (``reread``, ``vote_figures``)."""
    return vote_figures(gray, reread(gray, rows, settings), settings)


def has_figure(text: str) -> bool:
    """Whether a token is (or holds) a figure: the evidence most findings rest on."""
    return any(ch.isdigit() for ch in text) or "%" in text


def reread(gray, rows: list[dict], settings: OcrSettings) -> list[dict]:
    """Words (no figures) read unsurely, read again one by one, enlarged twice, in one sheet.

    A token of one or two signs ('Ya' for '%', '1:' for '1.') is held to the
    higher standard and read in ``figure_lang``; other words in ``word_lang``.
    A new reading replaces the old one (it may split it into words: a speck of
    dust and a word) only when every word of it is read surely (at least 0.7)
    and more surely than before.
    """
    def unsure(r: dict, short: bool) -> bool:
        """Whether a word is read again."""
        text = str(r["text"])
        below = settings.second_look_figures_below if short else settings.second_look_below
        return (not has_figure(text) and (len(text) <= 2) == short and float(r["conf"]) < 100 * below
                and min(r["width"], r["height"]) >= 4)

    better: dict[int, list[dict]] = {}
    for short, lang in ((True, settings.figure_lang), (False, settings.word_lang)):
        some = [i for i, r in enumerate(rows) if unsure(r, short)][:settings.second_look_max]
        crops = [word_crop(gray, rows[i], rows) for i in some]
        for i, got in zip(some, read_sheet(crops, 2, settings, "again", lang)):
            conf = min((float(g["conf"]) for g in got), default=0.0)
            if conf >= 70 and conf > float(rows[i]["conf"]) + 5:
                better[i] = on_line(got, rows[i])
    return [new for i, r in enumerate(rows) for new in better.get(i, [r])]


DISAGREED = 60.0
"""The highest confidence (Tesseract's 0–100) of a figure no two readings agree on."""


def figure_key(words: Sequence[dict]) -> str:
    """What a reading of a figure says, without stray marks at its ends (a speck read as a quote)."""
    return re.sub(r"^[^\w(]+|[^\w%)]+$", "", " ".join(str(w["text"]) for w in words)).replace(" ", "")


def vote_figures(gray, rows: list[dict], settings: OcrSettings) -> list[dict]:
    """Every figure read a second time, enlarged twice, in ``figure_lang``; where the two readings
    disagree, a third, enlarged three times. Each reading votes with its confidence; the winner
    (its copy without stray marks) is as sure as the surest reading of it when two agree, and at
    most ``DISAGREED`` sure when none does, so a finding on it asks for a check."""
    figures = [i for i, r in enumerate(rows) if has_figure(str(r["text"])) and min(r["width"], r["height"]) >= 4]
    figures = figures[:settings.figures_max]
    crops = [word_crop(gray, rows[i], rows) for i in figures]
    readings = {i: [[rows[i]], got] for i, got in zip(figures, read_sheet(crops, 2, settings, "twice",
                                                                          settings.figure_lang))}
    disputed = [i for i in figures if figure_key(readings[i][0]) != figure_key(readings[i][1])]
    for i, got in zip(disputed, read_sheet([crops[figures.index(i)] for i in disputed], 3, settings, "thrice",
                                           settings.figure_lang)):
        readings[i].append(got)
    chosen: dict[int, list[dict]] = {}
    for i in figures:
        options = [(figure_key(r), min(float(w["conf"]) for w in r), r) for r in readings[i] if r]
        votes: dict[str, float] = {}
        for key, conf, _ in options:
            votes[key] = votes.get(key, 0.0) + conf
        winner = max(votes, key=lambda key: votes[key])
        pool = [(conf, r) for key, conf, r in options if key == winner]
        best = min(pool, key=lambda o: (len(" ".join(str(w["text"]) for w in o[1])) - len(winner), -o[0]))[1]
        conf = max(c for c, _ in pool) if len(pool) >= 2 else min(pool[0][0], DISAGREED)
        chosen[i] = [{**w, "conf": conf} for w in (best if best is readings[i][0] else on_line(best, rows[i]))]
    return [new for i, r in enumerate(rows) for new in chosen.get(i, [r])]


def on_line(words: Sequence[dict], row: dict) -> list[dict]:
    """Words of a new reading put on the Tesseract line of the word they replace."""
    line = {k: row[k] for k in ("block_num", "par_num", "line_num")}
    return [{**w, **line} for w in words]


def word_crop(gray, r: dict, rows: Sequence[dict] = ()) -> Crop:
    """A word's part of the page with a margin around it: half its height to the sides (Tesseract's
    box of a lone digit is at times narrower than the digit), but only halfway to a neighbour."""
    px, py = max(8, r["height"] // 2), max(6, r["height"] // 3)
    left, right = r["left"] - px, r["left"] + r["width"] + px
    for o in rows:
        if o is r or o["top"] >= r["top"] + r["height"] or r["top"] >= o["top"] + o["height"]:
            continue
        if o["left"] + o["width"] <= r["left"]:
            left = max(left, (o["left"] + o["width"] + r["left"]) // 2)
        elif o["left"] >= r["left"] + r["width"]:
            right = min(right, (r["left"] + r["width"] + o["left"]) // 2)
    x0, y0 = max(0, left), max(0, r["top"] - py)
    return Crop(x0, y0, gray[y0:r["top"] + r["height"] + py, x0:max(x0 + 1, right)])
