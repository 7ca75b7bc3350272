"""The Symbol font's characters, which PDFium reads as private-use codes.

A TrueType Symbol font (Windows' SymbolMT, Word's formulas) maps its glyphs from U+F020–U+F0FF,
the code the text shows plus U+F000, and a PDF that embeds it without a Unicode map gives those
codes: U+F02B for "+", U+F03D for "=". The code is a character of Adobe's Symbol encoding
(:data:`SYMBOL_ENCODING`), which says what it is. Only a font named Symbol is read so: other
symbol fonts put other glyphs at the same codes (Wingdings' bullet at F0A7, where Symbol has ♣;
MathType's MTExtra its arrow accent at F076, where Symbol has υ).
"""

from __future__ import annotations

import re

# Adobe's Symbol encoding, codes 0x20–0xFF, each as its character in Unicode ("\x00": a code the
# encoding leaves empty). The codes are those of Adobe's Symbol.afm (the Core 14 AFM files), the
# characters those of its glyph names in the Adobe Glyph List; the data is pypdf's
# (pypdf/_codecs/symbol.py, pypdf 7.1.1), changed as its notices below ask to be told: codes
# 0x7F–0x9F, 0xF0 and 0xFF, which Symbol.afm leaves empty, are empty here (pypdf has them as
# themselves, "ð" and "ÿ"); the glyphs the Glyph List puts in Adobe's private use (the serif and
# sans ® © ™, the pieces of tall brackets, the extenders) are the Unicode characters made for them
# since (U+239B–U+23AF, U+23D0; the radical's extender as an overline).
#
# pypdf: Copyright (c) 2006-2008, Mathieu Fenniak; some contributions copyright (c) 2007,
# Ashish Kulkarni; some contributions copyright (c) 2014, Steve Witham. All rights reserved.
# Redistribution and use in source and binary forms, with or without modification, are permitted
# provided that the following conditions are met: redistributions of source code must retain the
# above copyright notice, this list of conditions and the following disclaimer; redistributions in
# binary form must reproduce the above copyright notice, this list of conditions and the following
# disclaimer in the documentation and/or other materials provided with the distribution; the name
# of the author may not be used to endorse or promote products derived from this software without
# specific prior written permission. THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND
# CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
# IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO
# EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
# SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
# SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
# CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
# NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF
# THE POSSIBILITY OF SUCH DAMAGE.
#
# Core 14 AFM Files (Adobe): "This file and the 14 PostScript(R) AFM files it accompanies may be
# used, copied, and distributed for any purpose and without charge, with or without modification,
# provided that all copyright notices are retained; that the AFM files are not distributed without
# this file; that all modifications to this file or any of the AFM files are prominently noted in
# the modified file(s); and that this paragraph is not modified. Adobe Systems has no
# responsibility or obligation to support the use of the AFM files."
#
# Adobe Glyph List: Copyright 2002-2019 Adobe (http://www.adobe.com/). Redistribution and use in
# source and binary forms, with or without modification, are permitted provided that the same
# three conditions as pypdf's above are met (notice retained in source and in binary forms; the
# name of Adobe nor of its contributors used to endorse or promote products derived from this
# software without specific prior written permission); provided "AS IS", without warranty, as
# pypdf's disclaimer above says, Adobe and its contributors in place of pypdf's authors.
SYMBOL_ENCODING = (
    " !∀#∃%&∋()∗+,−./"  # 0x20–0x2f
    "0123456789:;<=>?"  # 0x30–0x3f
    "≅ΑΒΧ∆ΕΦΓΗΙϑΚΛΜΝΟ"  # 0x40–0x4f
    "ΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_"  # 0x50–0x5f
    "‾αβχδεφγηιϕκλμνο"  # 0x60–0x6f
    "πθρστυϖωξψζ{|}∼\x00"  # 0x70–0x7f
    "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"  # 0x80–0x8f
    "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"  # 0x90–0x9f
    "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓"  # 0xa0–0xaf
    "°±″≥×∝∂•÷≠≡≈…⏐⎯↵"  # 0xb0–0xbf
    "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉"  # 0xc0–0xcf
    "∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓"  # 0xd0–0xdf
    "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪"  # 0xe0–0xef
    "\x00〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭\x00"  # 0xf0–0xff
)
FIRST, LAST = 0xF020, 0xF0FF  # the private-use codes a Symbol font's characters are read as
SYMBOL_CODE = re.compile(f"[{chr(FIRST)}-{chr(LAST)}]")
_SYMBOL_FONT = re.compile(rb"symbol", re.IGNORECASE)  # "SymbolMT", "BIOPPG+Symbol"


def is_symbol_font(name: bytes) -> bool:
    """Whether a font of this name (as PDFium gives it) is the Symbol font."""
    return _SYMBOL_FONT.search(name) is not None


def symbol_char(char: str) -> str:
    """The character a Symbol font's private-use code ``char`` stands for (U+F02B: "+"),
    or ``char`` itself where the encoding has none."""
    code = ord(char)
    if not FIRST <= code <= LAST:
        return char
    found = SYMBOL_ENCODING[code - FIRST]
    return char if found == "\x00" else found
