"""Text painted in white on the white page: in the file, never seen (a step of :mod:`pdf_page`).

Word lays a caption's hanging indent out by writing the label again, in white, on each of the
caption's lines: NCES's reports read "Table 4.—Among 1992–93 …" / "Table 4.—borrowed for
graduate education …" / "Table 4.—distribution of …", where a reader sees the label once.
White text over a dark or coloured shape (a table's header in white on black) or over a picture
is seen, and stays; so does text a file writes invisible on purpose (render mode 3: a scan's
recognised text, the only text it has).
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

from retrieval.ingest.readers import pdf_boxes

WHITE = 250  # each of red, green and blue at least this: white to the eye
# What white text may show on besides a filled shape: a picture, a shading, and a form (a
# slide's background drawn inside one, which is not looked into).
_GROUNDS = frozenset(
    {pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING, pdfium_c.FPDF_PAGEOBJ_FORM}
)
_Bounds = tuple[float, float, float, float]


def unseen_chars(page: Any, textpage: Any) -> set[int]:
    """The indices in ``textpage`` of the characters of ``page`` filled in white, with nothing
    but the page under them."""
    objects = [
        pdfium_c.FPDFPage_GetObject(page.raw, index)
        for index in range(pdfium_c.FPDFPage_CountObjects(page.raw))
    ]
    kinds = [pdfium_c.FPDFPageObj_GetType(obj) for obj in objects]
    white = {  # a white text object's address → its bounds
        _address(obj): _bounds(obj)
        for obj, kind in zip(objects, kinds, strict=True)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT and _white_text(obj)
    }
    if not white:
        return set()  # (most pages: their shapes are not looked at)
    grounds = [  # shapes and pictures that white text shows on
        _bounds(obj)
        for obj, kind in zip(objects, kinds, strict=True)
        if kind in _GROUNDS or (kind == pdfium_c.FPDF_PAGEOBJ_PATH and _coloured_fill(obj))
    ]
    unseen = {
        address for address, bounds in white.items() if not any(_on(bounds, g) for g in grounds)
    }
    if not unseen:
        return set()
    return {
        index
        for index in range(pdfium_c.FPDFText_CountChars(textpage.raw))
        if _address(pdfium_c.FPDFText_GetTextObject(textpage.raw, index)) in unseen
    }


def _white_text(obj: Any) -> bool:
    """Whether the text object ``obj`` is filled, not stroked, and in white."""
    if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) != pdfium_c.FPDF_TEXTRENDERMODE_FILL:
        return False
    return _fill(obj) is True


def _coloured_fill(obj: Any) -> bool:
    """Whether the path ``obj`` is filled in a colour other than white, or one that can't be
    told (a pattern's)."""
    filled = pdf_boxes.filled(obj)
    return filled is None or (filled and _fill(obj) is not True)


def _fill(obj: Any) -> bool | None:
    """Whether ``obj``'s fill colour is an opaque white; None when it can't be told."""
    rgba = pdf_boxes.fill_colour(obj)
    if rgba is None:
        return None
    red, green, blue, alpha = rgba
    return min(red, green, blue) >= WHITE and alpha > 0


def _bounds(obj: Any) -> _Bounds:
    box = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box)):
        return (0.0, 0.0, 0.0, 0.0)
    left, bottom, right, top = (float(v.value) for v in box)
    return left, bottom, right, top


def _on(text: _Bounds, ground: _Bounds) -> bool:
    """Whether the middle of ``text``'s box lies on ``ground``."""
    x, y = (text[0] + text[2]) / 2, (text[1] + text[3]) / 2
    return ground[0] <= x <= ground[2] and ground[1] <= y <= ground[3]


def _address(obj: Any) -> int:
    return int(ctypes.cast(obj, ctypes.c_void_p).value or 0)
