"""Pages written as Google Docs' PDF renderer (Skia) writes them, in the font of a real export
(``fixtures/google-docs/my-form.pdf``: a subset of Arial with the letters a–p, r–y, D, F, P, S,
T, the comma and the stop).

Skia scales the page by three quarters, flips its y axis, and sets each word in a text object
of its own, each glyph placed by its own ``Td`` at the advance Skia measured (at the type size
cut to a 32nd of a unit, in the font's 2048 units an em): the next glyph starts where the last
one ends to a millionth of a point, and PDFium takes many of them for new lines ("T" / "his" /
"p" / "a" / "g" / "e in") when the page's lines stand close enough for their boxes to touch.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

EXPORT = Path(__file__).parent / "fixtures" / "google-docs" / "my-form.pdf"
_UNITS = 2048  # the font's units an em
_SPACE = 569  # the space's advance in them (Arial's)
_ASCENT = 0.905  # ems from the top of a line's box to its baseline


def google_docs_pdf(lines: Sequence[tuple[float, str, float]], title: str = "") -> bytes:
    """A one-page PDF of ``lines``, each (its top in points below the top margin, its text, its
    size in points), at the left margin, as Google Docs exports it; titled ``title`` in its
    properties ("Untitled document" when the writer gave none)."""
    reader = PdfReader(EXPORT)
    writer = PdfWriter(clone_from=reader)
    advances = _advances(reader)
    stream = [b"1 0 0 -1 0 792 cm\n"]
    for top, text, size in lines:
        stream.append(b"q\n.75 0 0 .75 72 %.6f cm\n0 0 0 RG 0 0 0 rg\n" % (72 + top))
        stream += _words(text, size / 0.75, advances)
        stream.append(b"Q\n")
    contents = DecodedStreamObject()
    contents.set_data(b"".join(stream))
    writer.pages[0][NameObject("/Contents")] = writer._add_object(contents)
    writer.add_metadata({"/Title": title or "Untitled document"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _words(text: str, em: float, advances: dict[int, int]) -> list[bytes]:
    """The text objects of one line: a word each, its glyphs placed one by one."""
    measured = int(em * 32) / 32  # the size Skia measures advances at
    out, x = [], 0.0
    for word in text.split(" "):
        out.append(b"BT\n/F4 %.6f Tf\n1 0 0 -1 %.6f .47981739 Tm\n" % (em, x))
        step = 0.0
        for index, char in enumerate(word):
            code = _code(char)
            down = -_ASCENT * em if index == 0 else 0.0
            out.append(b"%.7f %.7f Td <%04X> Tj\n" % (step, down, code))
            step = advances[code] / _UNITS * measured
        out.append(b"ET\n")
        x += (sum(advances[_code(char)] for char in word) + _SPACE) / _UNITS * measured
    return out


def _code(char: str) -> int:
    """The glyph of ``char`` in the export's font (its codes are the characters' less 29)."""
    return ord(char) - 29


def _advances(reader: PdfReader) -> dict[int, int]:
    """The advance of each glyph of the export's font in its units (from the widths, which the
    file gives in thousandths of an em)."""
    font: Any = reader.pages[0]["/Resources"]["/Font"]["/F4"].get_object()
    widths = font["/DescendantFonts"][0].get_object()["/W"]
    found: dict[int, int] = {}
    index = 0
    while index < len(widths):
        first = int(widths[index])
        if isinstance(widths[index + 1], list):
            for offset, width in enumerate(widths[index + 1]):
                found[first + offset] = round(float(width) * _UNITS / 1000)
            index += 2
        else:
            for code in range(first, int(widths[index + 1]) + 1):
                found[code] = round(float(widths[index + 2]) * _UNITS / 1000)
            index += 3
    return found
