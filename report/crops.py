"""Page crops for findings: the region of a PDF page around the cells, highlighted, as a PNG data URI."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import Iterable, Optional

from lakip.rules.base import Location

SCALE = 1.5
MARGIN = 24.0


@dataclass(frozen=True)
class Crop:
    """A cropped page image and the page it shows."""

    page: int
    data_uri: str


def union(boxes: Iterable[tuple[float, float, float, float]]) -> Optional[tuple[float, float, float, float]]:
    """The smallest box holding all ``boxes`` (x0, top, x1, bottom)."""
    boxes = list(boxes)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def region(box: tuple[float, float, float, float], width: float, height: float) -> tuple[float, float, float, float]:
    """The crop region: the box with a margin, full page width for context, clipped to the page."""
    x0, top, x1, bottom = box
    return (0.0, max(0.0, top - MARGIN * 2), width, min(height, bottom + MARGIN * 2))


class PageRenderer:
    """Renders crops of one PDF, opening it once."""

    def __init__(self, path: str):
        import pypdfium2 as pdfium

        self._pdf = pdfium.PdfDocument(path)

    def close(self) -> None:
        """Release the PDF."""
        self._pdf.close()

    def crop(self, locations: Iterable[Location]) -> list[Crop]:
        """One crop per page named by ``locations`` that carry a bbox, cells outlined in red."""
        from PIL import ImageDraw

        by_page: dict[int, list[tuple[float, float, float, float]]] = {}
        for loc in locations:
            if loc.page is not None and loc.bbox is not None and 1 <= loc.page <= len(self._pdf):
                by_page.setdefault(loc.page, []).append(loc.bbox)
        crops = []
        for page_no, boxes in sorted(by_page.items()):
            page = self._pdf[page_no - 1]
            width, height = page.get_size()
            image = page.render(scale=SCALE).to_pil().convert("RGB")
            draw = ImageDraw.Draw(image)
            for x0, top, x1, bottom in boxes:
                draw.rectangle([x0 * SCALE - 2, top * SCALE - 2, x1 * SCALE + 2, bottom * SCALE + 2],
                               outline=(220, 20, 60), width=3)
            box = union(boxes)
            if box is None:      # every page listed has at least one box
                continue
            rx0, rtop, rx1, rbottom = region(box, width, height)
            image = image.crop((int(rx0 * SCALE), int(rtop * SCALE), int(rx1 * SCALE), int(rbottom * SCALE)))
            buf = io.BytesIO()
            image.quantize(colors=32).save(buf, format="PNG", optimize=True)
            crops.append(Crop(page_no, "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()))
        return crops
