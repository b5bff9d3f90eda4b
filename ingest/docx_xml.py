"""WordprocessingML helpers for the .docx reader: tag names, attribute values, styles, text of an element."""

from __future__ import annotations

import re
from typing import Iterator, Optional

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
HARD, SOFT = object(), object()
"""Markers in a paragraph's content: an explicit page break; a break only if the page is not fresh."""
_SPACES = re.compile(r"\s+")
_HEADING_NAMES = ("heading", "judul", "title")


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML tag."""
    return f"{{{W_NS}}}{tag}"


def wval(el, attr: str = "val") -> Optional[str]:
    """The ``w:``-namespaced attribute of an element (None when absent)."""
    return None if el is None else el.get(w(attr))


def on(el) -> bool:
    """Whether an on/off property element (like ``w:b``) is present and not switched off."""
    return el is not None and (wval(el) or "true").lower() not in ("0", "false", "off", "none")


def intval(el, attr: str = "val", default: int = 0) -> int:
    """A ``w:`` attribute as a whole number (``default`` when absent or malformed)."""
    v = wval(el, attr)
    return int(v) if v is not None and v.isdigit() else default


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


class StyleSheet:
    """Paragraph and character styles, each property resolved through the ``basedOn`` chain."""

    def __init__(self, styles_el) -> None:
        """Index the ``w:style`` elements of ``styles.xml`` by id and find the default paragraph style."""
        found = [] if styles_el is None else styles_el.findall(w("style"))
        self.styles = {wval(st, "styleId"): st for st in found if wval(st, "styleId")}
        self.default_para = next((wval(st, "styleId") for st in found if wval(st, "type") == "paragraph"
                                  and (wval(st, "default") or "0").lower() in ("1", "true", "on")), None)

    def chain(self, sid: Optional[str]) -> Iterator:
        """The style element and those it is based on, nearest first."""
        seen: set = set()
        while sid in self.styles and sid not in seen:
            seen.add(sid)
            yield self.styles[sid]
            sid = wval(self.styles[sid].find(w("basedOn")))

    def prop(self, sid: Optional[str], path: str) -> Optional[bool]:
        """An on/off property (``'rPr/b'``, ``'pPr/pageBreakBefore'``) from the nearest style setting it."""
        xpath = "/".join(w(part) for part in path.split("/"))
        for st in self.chain(sid):
            el = st.find(xpath)
            if el is not None:
                return on(el)
        return None

    def is_heading(self, sid: Optional[str]) -> bool:
        """Whether a paragraph style is a heading or title, by name or outline level, or is based on one."""
        for st in self.chain(sid or self.default_para):
            name = (wval(st.find(w("name"))) or "").lower()
            outline = intval(st.find(f"{w('pPr')}/{w('outlineLvl')}"), default=9)
            if name.startswith(_HEADING_NAMES) or outline < 9:
                return True
        return False


def children(parent, *tags: str) -> Iterator:
    """Children with one of ``tags`` (e.g. 'p', 'tbl'), looking inside content controls and custom XML."""
    names = {w(t) for t in tags}
    for child in parent:
        if child.tag in names:
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if inner is not None:
                yield from children(inner, *tags)


def content(el) -> Iterator:
    """The text pieces and page-break markers (HARD, SOFT) inside a paragraph, in order."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in (MC_FALLBACK, w("pPr"), w("rPr"), w("del"), w("moveFrom")):
            continue
        if tag == w("t"):
            yield child.text or ""
        elif tag in (w("tab"), w("cr")):
            yield " "
        elif tag == w("br"):
            yield HARD if wval(child, "type") == "page" else " "
        elif tag == w("lastRenderedPageBreak"):
            yield SOFT
        elif tag == w("noBreakHyphen"):
            yield "-"
        elif tag == w("r") and on(child.find(f"{w('rPr')}/{w('vanish')}")):
            continue
        else:
            yield from content(child)
            if tag == w("p"):
                yield " "


def plain_text(el) -> str:
    """All text of a paragraph, cell or table, paragraphs joined by a space, whitespace collapsed."""
    if el.tag == w("p"):
        return collapse("".join(x for x in content(el) if isinstance(x, str)))
    if el.tag == w("tbl"):
        return collapse(" ".join(plain_text(tc) for tr in children(el, "tr") for tc in children(tr, "tc")))
    return collapse(" ".join(plain_text(x) for x in children(el, "p", "tbl")))


def has_break(el) -> bool:
    """Whether a table row holds a page break or a rendered page-break mark."""
    return any(x.tag == w("lastRenderedPageBreak") or (x.tag == w("br") and wval(x, "type") == "page")
               for x in el.iter(w("br"), w("lastRenderedPageBreak")))
