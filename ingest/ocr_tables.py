"""What a page image shows besides its words: its tilt, its ruling lines and its shaded areas.

A scanned page has no drawing operators, so the ruling lines that make a
table's grid are found in the pixels instead: the ink is separated from the
paper (Otsu), long thin runs of ink are kept by a morphological opening with
a line-shaped kernel, and each connected run becomes a ``Rule`` in PDF points
— the same value the PDF reader takes from the drawing, so the one grid →
cells pipeline (``pdf_tables``) builds the tables of scanned and born-digital
pages alike. Shaded cells (grey header rows) become fill boxes the same way.

The tilt of a page fed askew into the scanner is the angle at which the rows
of ink line up best (the variance of the horizontal ink profile peaks); the
page is turned straight before anything is read from it. All functions work
on grey ``numpy`` arrays (0 black, 255 white) and are pure.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import cv2
import numpy as np

from lakip.ingest.model import BBox

MAX_SKEW = 5.0
"""Largest tilt looked for, in degrees."""


class Lines(NamedTuple):
    """Ruling lines found on a page image, as boxes in pixels (x0, top, x1, bottom)."""

    horizontal: tuple[tuple[int, int, int, int], ...]
    vertical: tuple[tuple[int, int, int, int], ...]
    mask: np.ndarray
    """Every pixel that belongs to a ruling line, with a margin (to erase before reading the words)."""
    across: np.ndarray
    """Of those, the pixels of horizontal lines (strokes cross them up and down; the rest, left-right)."""


# ---------------------------------------------------------------- ink and tilt

def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Ink pixels (255) against the paper (0), by Otsu's threshold on the slightly smoothed page."""
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    _, ink = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def flatten(gray: np.ndarray) -> np.ndarray:
    """The page divided by the background around each pixel (the page with its ink dilated away):
    a shaded header cell or yellowed paper becomes white, the ink on it stays dark. Ruling lines
    through a dark tint are then found like any other, and a tint is not taken for ink."""
    background = cv2.dilate(gray, cv2.getStructuringElement(cv2.MORPH_RECT, (21, 21)))
    return np.clip(gray.astype(np.float32) * 255.0 / np.maximum(background, 1), 0, 255).astype(np.uint8)


def whiten(flat: np.ndarray) -> np.ndarray:
    """A flattened page with its paper set to white: what is lighter than halfway between the ink
    threshold (Otsu) and the paper. Sensor noise on the paper confuses Tesseract's own
    thresholding of a small crop; the light grey of a thin stroke stays (cut at the ink threshold
    itself, thin strokes went and an 8 read 3)."""
    t, _ = cv2.threshold(cv2.GaussianBlur(flat, (3, 3), 0), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    paper = float(np.percentile(flat, 90))
    return np.where(flat > (t + paper) / 2, 255, flat).astype(np.uint8)


def _profile_score(xs: np.ndarray, ys: np.ndarray, height: int, angle: float) -> float:
    """How sharply the rows of ink stand out when the page is turned by ``angle`` degrees
    (a small turn taken as a shear: each ink pixel moves down by x·tan(angle))."""
    rows = np.rint(ys - xs * np.tan(np.radians(angle))).astype(np.int64) + height
    return float(np.var(np.bincount(rows, minlength=3 * height)))


def skew_angle(gray: np.ndarray) -> float:
    """The angle in degrees that turns the page straight (coarse search, then two finer ones)."""
    small = cv2.resize(gray, None, fx=0.35, fy=0.35, interpolation=cv2.INTER_AREA)
    ys, xs = np.nonzero(ink_mask(small))
    if len(xs) < 50:
        return 0.0
    xs, ys = xs.astype(np.float64) - small.shape[1] / 2, ys.astype(np.float64)
    best, step = 0.0, 0.25
    for span in (MAX_SKEW, 0.25, 0.05):
        grid = np.arange(best - span, best + span + 1e-6, step)
        best = float(max(grid, key=lambda a: _profile_score(xs, ys, small.shape[0], float(a))))
        step /= 5
    return 0.0 if abs(best) < 0.05 else round(best, 2)


def straighten(gray: np.ndarray, angle: float) -> np.ndarray:
    """The page turned by ``angle`` degrees about its centre, the corners filled with paper."""
    if not angle:
        return gray
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderValue=255)


# ---------------------------------------------------------------- ruling lines

def _runs(ink: np.ndarray, length: int, horizontal: bool) -> np.ndarray:
    """Ink that forms straight runs at least ``length`` pixels long in one direction."""
    size = (length, 1) if horizontal else (1, length)
    bridged = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(
        cv2.MORPH_RECT, (3, 1) if horizontal else (1, 3)))          # close pinholes from noise
    return cv2.morphologyEx(bridged, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))


Box = tuple[int, int, int, int]


def _boxes(mask: np.ndarray, max_thickness: int) -> list[Box]:
    """Boxes of the connected runs of a line mask that are thin enough to be ruling."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _area in stats[1:n]
            if min(w, h) <= max_thickness]


def _alone(ink: np.ndarray, box: Box, horizontal: bool, gap: int) -> bool:
    """Whether paper lies along both sides of a line (a letter's stroke has ink beside it)."""
    x0, y0, x1, y1 = box
    h, w = ink.shape
    if horizontal:
        sides = (ink[max(0, y0 - gap - 2):max(0, y0 - gap), x0:x1], ink[min(h, y1 + gap):min(h, y1 + gap + 2), x0:x1])
        axis = 0
    else:
        sides = (ink[y0:y1, max(0, x0 - gap - 2):max(0, x0 - gap)], ink[y0:y1, min(w, x1 + gap):min(w, x1 + gap + 2)])
        axis = 1
    for side in sides:
        if side.size and float((side.max(axis=axis) > 0).mean()) > 0.3:
            return False
    return True


def _meets(v: Box, h: Box, pad: int) -> bool:
    """Whether a vertical and a horizontal line cross or touch (within ``pad`` pixels)."""
    return h[0] - pad <= (v[0] + v[2]) / 2 <= h[2] + pad and v[1] - pad <= (h[1] + h[3]) / 2 <= v[3] + pad


def _end_met(pos: float, across: float, others: Sequence[Box], vertical_end: bool, pad: int) -> bool:
    """Whether an end of a line (at ``pos`` along it, ``across`` its middle) meets a crossing line."""
    for o in others:
        if vertical_end and o[0] - pad <= across <= o[2] + pad and o[1] - pad <= pos <= o[3] + pad:
            return True
        if not vertical_end and o[1] - pad <= across <= o[3] + pad and o[0] - pad <= pos <= o[2] + pad:
            return True
    return False


def ruling_lines(ink: np.ndarray, dpi: float) -> Lines:
    """Horizontal and vertical ruling lines of a straightened page.

    Letters have short straight strokes too (stems, serifs side by side), so a
    line counts when it is long — 30 pt across, 20 pt down, meeting a
    horizontal rule — or, when short (one narrow cell), when both its ends
    meet crossing rules, which a letter inside a cell never does.
    """
    pt = dpi / 72.0
    thick, pad = max(3, int(round(3.0 * pt))), max(2, int(round(1.5 * pt)))
    hmask, vmask = _runs(ink, int(8 * pt), True), _runs(ink, int(8 * pt), False)
    h_all = [b for b in _boxes(hmask, thick) if _alone(ink, b, True, 1)]
    v_all = [b for b in _boxes(vmask, thick) if _alone(ink, b, False, 1)]
    hs = [b for b in h_all if b[2] - b[0] >= 30 * pt]
    vs = [b for b in v_all if (b[3] - b[1] >= 20 * pt and any(_meets(b, h, pad) for h in hs))
          or (_end_met(b[1], (b[0] + b[2]) / 2, hs, True, pad) and _end_met(b[3], (b[0] + b[2]) / 2, hs, True, pad))]
    hs += [b for b in h_all if b[2] - b[0] < 30 * pt
           and _end_met(b[0], (b[1] + b[3]) / 2, vs, False, pad) and _end_met(b[2], (b[1] + b[3]) / 2, vs, False, pad)]
    masks: list[np.ndarray] = []
    for boxes, source in ((hs, hmask), (vs, vmask)):
        mask = np.zeros_like(ink)
        for x0, y0, x1, y1 in boxes:
            mask[y0:y1, x0:x1] |= source[y0:y1, x0:x1]
        masks.append(cv2.dilate(mask, np.ones((3, 3), np.uint8)))
    return Lines(tuple(hs), tuple(vs), masks[0] | masks[1], masks[0])


def erase(gray: np.ndarray, lines: Lines) -> np.ndarray:
    """The page with its ruling lines painted over in paper white, except where a letter's stroke
    crosses a line (a 'g' whose tail touches the rule below): ink on both sides of the erased band,
    straight across it, is put back."""
    out = gray.copy()
    out[lines.mask > 0] = 255
    ink = (out < 255).astype(np.uint8)
    band = 7
    down = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, band + 2)))
    side = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (band + 2, 1)))
    vertical = (lines.mask > 0) & (lines.across == 0)
    back = ((lines.across > 0) & (down > 0)) | (vertical & (side > 0))
    out[back] = gray[back]
    return out


def to_points(box: tuple[float, float, float, float], scale: float) -> BBox:
    """A pixel box as a box in PDF points (``scale`` points per pixel)."""
    return (box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale)


# ---------------------------------------------------------------- shading and weight

def shaded_areas(gray: np.ndarray, ink: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of areas printed in a light tint, such as shaded header cells
    (looked for at a quarter of the resolution: a tint is large and even)."""
    f = 0.25
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    dark = cv2.resize(ink, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 90))
    tint = ((small < paper - 18) & (dark < 128)).astype(np.uint8) * 255
    k = max(3, int(dpi * f / 72.0 * 4))
    solid = cv2.morphologyEx(tint, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    solid = cv2.morphologyEx(solid, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (3 * k, 3 * k)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=8)
    min_side = 8 * dpi * f / 72.0
    return [(int(x / f), int(y / f), int((x + w) / f), int((y + h) / f)) for x, y, w, h, _a in stats[1:n]
            if w >= min_side and h >= min_side]


def stroke_width(ink: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """The mean thickness of the strokes inside a box: twice the ink area over its outline length."""
    x0, y0, x1, y1 = box
    crop = ink[max(0, y0):y1, max(0, x0):x1] > 0
    area = int(crop.sum())
    if area == 0:
        return 0.0
    inner = crop.copy()
    inner[1:, :] &= crop[:-1, :]
    inner[:-1, :] &= crop[1:, :]
    inner[:, 1:] &= crop[:, :-1]
    inner[:, :-1] &= crop[:, 1:]
    edge = area - int(inner.sum())
    return 2.0 * area / max(edge, 1)


# ---------------------------------------------------------------- the grid's cells

def grid_cells(rules: Sequence, settings) -> tuple[list[BBox], list[BBox]]:
    """The ruled tables' regions and (merged) cells, in points, by the PDF table pipeline's own
    grid logic (``pdf_tables``), so a cell read on its own is the cell the table will have."""
    from lakip.ingest.pdf_tables import grid_spans, rules_to_grids

    regions, cells = [], []
    for xs, ys, rh, rv in rules_to_grids(rules, settings):
        regions.append((xs[0], ys[0], xs[-1], ys[-1]))
        cells += [(xs[s.c0], ys[s.r0], xs[s.c1 + 1], ys[s.r1 + 1]) for s in grid_spans(xs, ys, rh, rv, settings)]
    return regions, cells


def blank(gray: np.ndarray, boxes: Sequence[tuple[int, int, int, int]]) -> np.ndarray:
    """The page with the given pixel boxes painted paper white."""
    out = gray.copy()
    for x0, y0, x1, y1 in boxes:
        out[max(0, y0):y1, max(0, x0):x1] = 255
    return out


def leftover_marks(ink: np.ndarray, line_mask: np.ndarray, read: Sequence[tuple[int, int, int, int]],
                   text_height: float) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of ink that no word read covers, stands apart from the words read, and is the
    size of printed text: words Tesseract's layout analysis dropped (a list's numbers, a figure
    alone in a column)."""
    rest = ink.copy()
    rest[line_mask > 0] = 0
    for x0, y0, x1, y1 in read:
        rest[max(0, y0 - 3):y1 + 3, max(0, x0 - 3):x1 + 3] = 0
    join = max(3, int(0.4 * text_height))
    merged = cv2.dilate(rest, cv2.getStructuringElement(cv2.MORPH_RECT, (join, 3)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(merged, connectivity=8)
    out = []
    for x, y, w, h, _a in stats[1:n]:
        x0, y0, x1, y1 = x + join // 2, y + 1, x + w - join // 2, y + h - 1      # undo the dilation
        tall = 0.5 * text_height <= y1 - y0 <= 2.5 * text_height
        alone = not any(_near((x0, y0, x1, y1), b, 0.25 * text_height) for b in read)
        if tall and alone and x1 - x0 >= 0.25 * text_height \
                and int((rest[y0:y1, x0:x1] > 0).sum()) >= 0.05 * text_height ** 2:
            out.append((int(x0), int(y0), int(x1), int(y1)))
    return out


def _near(a: tuple, b: tuple, gap: float) -> bool:
    """Whether two boxes overlap or come closer than ``gap`` (the rest of a word read with a box
    too small is next to it; a word left out stands a space away)."""
    return a[0] - gap < b[2] and b[0] - gap < a[2] and a[1] < b[3] and b[1] < a[3]
