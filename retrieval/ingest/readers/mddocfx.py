"""DocFX's Markdown extensions (Microsoft Learn's pages: Microsoft 365, Azure, .NET docs) read as
the built page shows them.

- ``> [!VIDEO https://…]`` embeds a video player: no text. Kept, it was a passage of its own
  ("[!VIDEO https://www.microsoft.com/videoplayer/embed/RE1SRc0]", 17 of them in a tester's 20
  Arabic Microsoft 365 pages) shown under the "Watch: …" sections. It is read as a picture is
  (``![](https://…)``): the sentence leading into it ("Watch the following video to see how
  self-healing works:") introduces the video, not the paragraph after it.
- ``> [!div class="nextstepaction"]`` (or "mx-imgBorder", "checklist", "op_single_selector")
  styles what follows it in the quote: the marker goes, the link, picture or list stays.
- ``[!INCLUDE [title](../includes/file.md)]`` (also ``[!include[…](…)]``) puts another file's
  text there when the site is built; ``[!code-csharp[](Program.cs)]`` and ``:::code
  source="…":::`` a code file's. That text is not in the page: on a line of its own the include
  is read as pymdownx's snippet line ('--8<-- "file.md"'), which the Markdown reader drops unless
  the page holds nothing else; inside a sentence (a product's name: "افتح منفذ UDP 1813 على أدوات
  [!INCLUDE [Product short](includes/product-short.md)] الاستشعار") it is dropped.
- ``:::image type="content" source="a.png" alt-text="…":::`` is a picture, read as Markdown's
  ``![](a.png)`` (a paragraph of pictures alone shows no text; an icon in a sentence has no
  words); a "complex" one's long description, up to ``:::image-end:::``, is for screen readers.

A tab's heading (``# [Outlook](#tab/outlook)``, the set closed by ``---``) heads its tab one
level below the section the set opens in, whatever level it is written at (see :func:`tab`).

Microsoft Learn's front matter dates a page by ``ms.date``, written month first
("ms.date: 04/08/2026" is 8 April: "MM/DD/YYYY", as Microsoft's contributor guide documents it),
and platyPS's cmdlet reference gives the page's address as ``online version``
("https://learn.microsoft.com/powershell/module/…"): read as the page's date and source, as
another site's ``date`` and ``url`` are (see :func:`reviewed`, :func:`online`).

Zone pivots and monikers (``::: zone pivot="…"``, ``::: moniker range="…"``), rows and columns
(``:::row:::``) and alerts (``> [!NOTE]``) are read by the Markdown reader itself: the marker
lines are dropped as directives, an alert labels its text. Code and the front matter are left
as written.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Mapping

from markdown_it.token import Token

# What stands before a marker on its line: indentation and a quote's marks ("> ", "> > ").
_PREFIX = r"^(?P<prefix>[ \t]*(?:>[ \t]*)*)"
_VIDEO = re.compile(_PREFIX + r"\[!VIDEO[ \t]+(?P<address>[^\]\s]+)\][ \t]*$", re.IGNORECASE)
_DIV = re.compile(_PREFIX + r"\[!div(?:[ \t][^\]\n]*)?\][ \t]*$", re.IGNORECASE)
# "[!INCLUDE [title](path)]", "[!include[title](path)]", "[!code-csharp[](path#L1-L5)]".
_INCLUDE = (
    r"\[!(?:include|code(?:-[\w+#-]+)?)[ \t]*\[[^\]\n]*\]\((?P<path>[^)\s]*)[^)\n]*\)[ \t]*\]"
)
_INCLUDE_LINE = re.compile(_PREFIX + _INCLUDE + r"[ \t]*$", re.IGNORECASE)
_INCLUDE_INLINE = re.compile(r"[ \t]?" + _INCLUDE, re.IGNORECASE)
_CODE_FILE = re.compile(_PREFIX + r':::code\b[^\n]*?\bsource="(?P<path>[^"]*)"[^\n]*?:::[ \t]*$')
_IMAGE = re.compile(r":::image\b(?P<attributes>[^\n]*?):{3,}")
_IMAGE_END = re.compile(r"^[ \t]*(?:>[ \t]*)*:::image-end:::[ \t]*$")
_ATTRIBUTE_SOURCE = re.compile(r'(?<![\w-])source="([^"]*)"')


def marks(source: str) -> bool:
    """Whether ``source`` may hold DocFX's markers: every pattern here needs one of these (a
    README's badge "[![CI](…)]" or an alert "[!NOTE]" is none, and costs no second parse)."""
    return _MARKER.search(source) is not None


_MARKER = re.compile(r"\[!(?:video|div|include|code)|:::(?:code|image)", re.IGNORECASE)


_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")  # not "#1 cause", "#include"


def read_as_docfx(lines: list[str], code: Collection[int]) -> list[str]:
    """``lines`` (those at the indices ``code`` are code or front matter, left as written) with
    DocFX's markers read as the built page shows them (see the module's note)."""
    out: list[str] = []
    described = False  # inside a complex picture's long description
    for at, line in enumerate(lines):
        if at in code:
            out.append(line)
        elif described:
            # to its end marker, or a heading if the marker is missing (the rest of the page
            # was lost)
            heading = _HEADING.match(line) is not None
            described = _IMAGE_END.match(line) is None and not heading
            if heading:
                out.append(line)
        else:
            described = _complex_image(line)
            out.append(_line_read(line))
    return out


def _line_read(line: str) -> str:
    if "[!" not in line and ":::" not in line:
        return line
    if (video := _VIDEO.match(line)) is not None:
        return f"{video['prefix']}![]({video['address']})"
    if (marker := _DIV.match(line)) is not None:
        return marker["prefix"].rstrip()
    if (include := _INCLUDE_LINE.match(line) or _CODE_FILE.match(line)) is not None:
        return f'{include["prefix"]}--8<-- "{include["path"]}"'
    line = _INCLUDE_INLINE.sub("", line)
    return _IMAGE.sub(_picture, line)


def _picture(match: re.Match[str]) -> str:
    """A DocFX picture as a Markdown picture of its file, with no words: the page shows the
    picture; its alternative text ("لقطة شاشة لصفحة إعدادات المزامنة", a screenshot's
    description) is for those who cannot see it, and glued to the step above it, it was read as
    the step's last sentence."""
    source = _ATTRIBUTE_SOURCE.search(match["attributes"])
    return f"![]({source[1].replace(' ', '%20') if source else ''})"


def _complex_image(line: str) -> bool:
    """Whether ``line`` opens a picture whose long description follows it."""
    image = _IMAGE.search(line)
    return image is not None and 'type="complex"' in image["attributes"]


def tab(inline: Token) -> bool:
    """Whether a heading (its ``inline`` token) is a DocFX tab's: a link to "#tab/…" and
    nothing else but an anchor ('## <a name="ios"></a>[iOS](#tab/iOS)')."""
    children = [c for c in inline.children or () if c.type != "html_inline"]
    links = [c for c in children if c.type == "link_open"]
    if len(links) != 1 or not str(links[0].attrGet("href") or "").startswith("#tab/"):
        return False
    outside, depth = [], 0
    for child in children:
        depth += {"link_open": 1, "link_close": -1}.get(child.type, 0)
        if depth == 0 and child.type == "text":
            outside.append(child.content)
    return not "".join(outside).strip()


# "ms.date: 04/08/2026": month, day, year (a year first, "2026-04-08", is read as ISO too).
_MS_DATE = re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")


def reviewed(meta: Mapping[str, str]) -> str | None:
    """The date Microsoft Learn's front matter gives a page (``ms.date``), as ISO; None for none
    or for what is no date (a month 13, a "31/12/2024" written day first)."""
    value = meta.get("ms.date", "").strip()
    found = _MS_DATE.match(value) or _ISO.match(value)
    if found is None:
        return None
    year, month, day = int(found["y"]), int(found["m"]), int(found["d"])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def online(meta: Mapping[str, str]) -> str | None:
    """The address platyPS's front matter gives a cmdlet's page (``online version``), if one,
    without the tag that counts visits coming from Get-Help ("&WT.mc_id=ps-gethelp"): the same
    page, and a citation's line shorter by it."""
    value = meta.get("online version", "").strip()
    if not value.startswith(("https://", "http://")):
        return None
    return _TRACKING.sub(lambda found: found[1] if found[2] else "", value)


# "?view=powershell-7.4&WT.mc_id=ps-gethelp", "?WT.mc_id=ps-gethelp&view=…", "?WT.mc_id=…".
_TRACKING = re.compile(r"([?&])WT\.mc_id=[^&#]*(&?)", re.IGNORECASE)
