"""The folders a browser saves a page's parts in ("Save As → Web page, complete").

Beside ``NAME.html`` a browser writes ``NAME_files/`` (Firefox and Chrome; Internet Explorer and
older Firefox name it in the system's language: ``NAME-Dateien``, ``NAME_archivos``,
``NAME_fichiers`` …) holding what the page shows and runs: its pictures, style sheets,
scripts, and the frames inside it (an advertisement's ``saved_resource.html``, a newsletter
box). They are parts of that page, not documents: none is read, and the folder is named once
in the report instead of each file in it (a logo said to "need OCR", a frame read as a page).
"""

from __future__ import annotations

from pathlib import Path

# The suffixes Windows links a page to its folder by (its "connected files"), in the languages
# browsers name the folder in; compared in lower case.
PARTS_SUFFIXES = (
    "_files", ".files", "-files", "_file", "-dateien", "_dateien", "_archivos", "_arquivos",
    "_fichiers", "_ficheiros", "_fitxers", "_bestanden", "_filer", "-filer", "_tiedostot",
    "_pliki", "_soubory", "_súbory", "_fajlovi", "_datoteke", "_dosyalar", "_elemei",
    "_failid", "_fails", "_bylos", "-bylos", "_fitxategiak", "-failid",
)  # fmt: skip
_PAGES = (".html", ".htm", ".xhtml", ".shtml", ".HTML", ".HTM")


def page_of_parts(folder: Path) -> Path | None:
    """The saved page whose parts ``folder`` holds (``NAME.html`` beside ``NAME_files``), or
    None: a folder so named with no such page beside it is an ordinary folder."""
    name = folder.name
    for suffix in PARTS_SUFFIXES:
        if len(name) > len(suffix) and name.lower().endswith(suffix):
            stem = name[: -len(suffix)]
            for ext in _PAGES:
                page = folder.with_name(stem + ext)
                if page.is_file():
                    return page
    return None


def parts_reason(page: Path) -> str:
    """What the report says of a page's parts folder: what it holds, said of any file in it (a
    paper the page shows as well as its pictures, styles and scripts)."""
    return f"parts of the saved page {page.name} (files it shows or runs), not documents"
