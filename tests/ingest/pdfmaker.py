"""Small PDFs written byte by byte, for what no package's PDF shows in a few lines.

Each page is a list of lines placed where a typesetter would put them. Only the text layer
matters to the reader: with ``cjk`` the text is set in a two-byte font with a ToUnicode map (not
embedded; PDFium substitutes one), as TeX and Word write Chinese; otherwise in a one-byte bitmap
font with no ToUnicode map and glyphs named by their codes, so a byte reads as its Latin-1
character, as in old TeX PDFs made with Cyrillic fonts whose map was never written; with
``base14`` in one of the standard fonts every reader knows ("Helvetica-Bold"), not embedded.

As some producers write them: with ``scaled`` every line is set at font size 1 in a text matrix
scaled to its size (Acrobat Distiller, Quartz, Skia); with ``crop`` the pages are cut to that
box, so that lines placed outside it are not shown. With ``landscape`` the pages are A4 turned
on their side as scanners and "Rotate page" leave them: portrait in the file with /Rotate 90,
the text set running up the page so that it reads across once the viewer turns it; the lines'
places are given as the reader sees the turned page.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PdfWriter


@dataclass(frozen=True)
class Text:
    """One line of text: its baseline's position in points from the page's bottom left."""

    x: float
    y: float
    text: str | bytes  # bytes: the one-byte font's codes, as written in the file
    size: float = 11.0
    turned: bool = False  # set running up the page from its baseline's start (a margin stamp)


@dataclass(frozen=True)
class Box:
    """A rectangle filled with a grey (0 black, 1 white), as a table's cell is painted."""

    x: float
    y: float  # its bottom
    width: float
    height: float
    gray: float

    def drawn(self) -> tuple[float, float, float, float, float]:
        return (self.gray, self.x, self.y, self.width, self.height)


def make_pdf(
    pages: Sequence[Sequence[Text]],
    *,
    cjk: bool = False,
    base14: str | None = None,
    scaled: bool = False,
    crop: tuple[float, float, float, float] | None = None,
    landscape: bool = False,
    font_name: str | None = None,
    boxes: Sequence[Sequence[Box]] = (),
) -> bytes:
    """A PDF of A4 pages holding ``pages``' lines (the one-byte font named ``font_name``, as a
    viewer lists it, when given), over the filled ``boxes`` of each page when given."""
    used = sorted({ch for page in pages for line in page for ch in str(line.text)})
    symbols = {} if cjk or base14 else _symbols(used)
    if base14:
        font = [
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
            % base14.encode()
        ]
    else:
        font = _cjk_font(used) if cjk else _simple_font(symbols, font_name)
    box = b" /CropBox [%.1f %.1f %.1f %.1f]" % crop if crop else b""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font_number = 3
    objects += font
    kids = []
    for page in pages:
        if landscape:  # (x, y) on the turned page is (595 - y, x) on the file's own
            page = [Text(595 - line.y, line.x, line.text, line.size) for line in page]
        filled = boxes[len(kids)] if len(kids) < len(boxes) else ()
        stream = b"".join(b"%.2f g %.1f %.1f %.1f %.1f re f\n" % b.drawn() for b in filled)
        stream += b"0 g " + b"".join(_show(line, cjk, scaled, landscape, symbols) for line in page)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]%s%s /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>"
            % (box, b" /Rotate 90" if landscape else b"", len(objects), font_number)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return pdf_file(objects)


def _show(
    line: Text,
    cjk: bool,
    scaled: bool,
    landscape: bool,
    symbols: dict[str, int],
) -> bytes:
    if cjk:
        codes = "".join(f"{ord(ch):04X}" for ch in str(line.text)).encode()
    else:
        raw = line.text if isinstance(line.text, bytes) else _one_byte(line.text, symbols)
        codes = raw.hex().upper().encode()
    if landscape or line.turned:  # running up the page
        return b"BT /F1 %.1f Tf 0 1 -1 0 %.1f %.1f Tm <%s> Tj ET\n" % (
            line.size,
            line.x,
            line.y,
            codes,
        )
    if scaled:
        return b"BT /F1 1 Tf %.1f 0 0 %.1f %.1f %.1f Tm <%s> Tj ET\n" % (
            line.size,
            line.size,
            line.x,
            line.y,
            codes,
        )
    return b"BT /F1 %.1f Tf %.1f %.1f Td <%s> Tj ET\n" % (line.size, line.x, line.y, codes)


_FREE_CODES = (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # no character in Windows-1252


def _symbols(used: Sequence[str]) -> dict[str, int]:
    """Codes for (up to five) characters Windows-1252 has none for ("●", "■"): the one-byte
    font then maps its codes to characters (see :func:`_simple_font`)."""
    odd = [ch for ch in used if not _in_cp1252(ch)]
    return dict(zip(odd, _FREE_CODES, strict=False))


def _in_cp1252(ch: str) -> bool:
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _one_byte(text: str, symbols: dict[str, int]) -> bytes:
    return b"".join(bytes([symbols[ch]]) if ch in symbols else ch.encode("cp1252") for ch in text)


def _simple_font(symbols: dict[str, int] | None = None, name: str | None = None) -> list[bytes]:
    """A one-byte bitmap (Type 3) font, objects 3–4, as dvips writes TeX's fonts: its glyphs are
    named after their codes (/a65 …) and nothing says which character each one is. Every glyph
    is the same blank shape: only the text layer is read. With ``symbols`` (characters
    Windows-1252 lacks and their codes) a map, object 5, says which characters those codes are,
    and that the others are their Windows-1252 characters."""
    codes = range(1, 256)
    names = b" ".join(b"/a%d" % code for code in codes)
    procs = b" ".join(b"/a%d 4 0 R" % code for code in codes)
    widths = b" ".join(b"500" for _ in codes)
    blank = b"500 0 d0"
    mapped = b" /ToUnicode 5 0 R" if symbols else b""
    if name:
        mapped += b" /BaseFont /%s" % name.encode()
    font = [
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700]"
        b" /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << %s >>"
        b" /Encoding << /Type /Encoding /Differences [1 %s] >>"
        b" /FirstChar 1 /LastChar 255 /Widths [%s] /Resources << >>%s >>"
        % (procs, names, widths, mapped),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(blank), blank),
    ]
    return font + ([_unicode_map(symbols)] if symbols else [])


def _unicode_map(symbols: dict[str, int]) -> bytes:
    pairs = {code: ord(ch) for ch, code in symbols.items()}
    for code in range(32, 256):
        if code not in pairs and bytes([code]).decode("cp1252", "ignore"):
            pairs[code] = ord(bytes([code]).decode("cp1252"))
    entries = b"\n".join(b"<%02X> <%04X>" % pair for pair in sorted(pairs.items()))
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def"
        b" /CMapName /Adobe-Identity-UCS def /CMapType 2 def"
        b" 1 begincodespacerange <00> <FF> endcodespacerange"
        b" %d beginbfchar\n%s\nendbfchar endcmap"
        b" CMapName currentdict /CMap defineresource pop end end" % (len(pairs), entries)
    )
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap)


def _cjk_font(used: Sequence[str]) -> list[bytes]:
    """A Type0 font (objects 3–5) whose two-byte codes are the characters' code points."""
    entries = "".join(f"<{ord(ch):04X}> <{ord(ch):04X}>\n" for ch in used if ord(ch) < 0x10000)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(used)} beginbfchar\n{entries}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    return [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
        b" /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]


def pdf_file(objects: Sequence[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1; the first is the catalogue) with its
    cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def titled(pdf: bytes, title: str) -> bytes:
    """``pdf`` with ``title`` as its properties' title."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def packed_pdf(content: bytes, *, font: bool = True) -> bytes:
    """A one-page PDF 1.5 whose objects but the page's ``content`` (deflated) are packed in a
    compressed object stream, as modern writers save files: the page names Helvetica (when
    ``font``; else the file names no font at all) only inside it."""
    resources = b" /Resources << /Font << /F1 5 0 R >> >>" if font else b""
    packed = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R%s >>" % resources,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" if font else b"<< >>",
    ]
    numbers = [1, 2, 3, 5]
    body = header = b""
    for number, obj in zip(numbers, packed, strict=True):
        header += b"%d %d " % (number, len(body))
        body += obj + b"\n"
    stream = zlib.compress(header + body)
    out = b"%PDF-1.5\n"
    offsets = {4: len(out)}
    out += b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream\nendobj\n" % (
        len(content),
        content,
    )
    offsets[6] = len(out)
    out += (
        b"6 0 obj\n<< /Type /ObjStm /N 4 /First %d /Length %d /Filter /FlateDecode >>\nstream\n"
        b"%s\nendstream\nendobj\n" % (len(header), len(stream), stream)
    )
    offsets[7] = len(out)
    rows = [b"\x00" + bytes(4) + b"\xff\xff"]
    for number in range(1, 8):
        if number in offsets:  # the content, the object stream, this cross-reference stream
            rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + bytes(2))
        else:
            rows.append(b"\x02" + (6).to_bytes(4, "big") + numbers.index(number).to_bytes(2, "big"))
    xref = b"".join(rows)
    out += (
        b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\n"
        b"endstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % (len(xref), xref, offsets[7])
    )
    return out
