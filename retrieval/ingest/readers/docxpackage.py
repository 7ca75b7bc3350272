"""Word packages python-docx refuses, rewritten as the ordinary ``.docx`` they differ from by
names only: a Strict Open XML document, a template, a document with macros.

Word saves a document as ISO 29500 Strict when asked to (Save As › "Strict Open XML Document"),
and some archives and government templates ask for it: the same parts and elements, under other
namespaces (``http://purl.oclc.org/ooxml/wordprocessingml/main`` for
``http://schemas.openxmlformats.org/wordprocessingml/2006/main``) and relationship types.
python-docx knows only the transitional names: it found no main document in such a file, which
was skipped as "damaged: not a Word document".

A template (``.dotx``, ``.dotm``) or a document with macros (``.docm``) is a ``.docx`` whose main
part has another content type; python-docx refuses it as "not a Word file". Its text is the
document's (the macros are never run nor read).
"""

from __future__ import annotations

import io
import re
import zipfile

# The relationship that names the main document, as the Strict package's own relationships write
# it: only such a file's names are rewritten.
_STRICT_MAIN = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
# A Strict namespace or relationship type, and its transitional form: "wordprocessingml/main"
# becomes "wordprocessingml/2006/main", "officeDocument/relationships/styles" becomes
# "officeDocument/2006/relationships/styles" (the two property parts' names are spelled apart).
_STRICT_NAME = re.compile(
    rb"http://purl\.oclc\.org/ooxml/(wordprocessingml|drawingml|officeDocument)/"
)
_RENAMED = {
    b"officeDocument/2006/extendedProperties": b"officeDocument/2006/extended-properties",
    b"officeDocument/2006/customProperties": b"officeDocument/2006/custom-properties",
}
_PART_SUFFIXES = (".xml", ".rels")
_TYPES = "[Content_Types].xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# The main part's content type in a template, a macro-enabled document or template.
_OTHER_MAIN_TYPES = re.compile(
    rb"application/vnd\.(?:openxmlformats-officedocument\.wordprocessingml\.template"
    rb"|ms-word\.document\.macroEnabled|ms-word\.template\.macroEnabledTemplate)\.main\+xml"
)


def readable(archive: zipfile.ZipFile) -> bytes | None:
    """The package rewritten as python-docx reads it, or None when it reads it as it is."""
    names = set(archive.namelist())
    strict = "_rels/.rels" in names and _STRICT_MAIN in archive.read("_rels/.rels")
    other = _TYPES in names and _OTHER_MAIN_TYPES.search(archive.read(_TYPES)) is not None
    if not (strict or other):
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for info in archive.infolist():
            data = archive.read(info)
            if strict and info.filename.lower().endswith(_PART_SUFFIXES):
                data = _STRICT_NAME.sub(rb"http://schemas.openxmlformats.org/\1/2006/", data)
                for name, renamed in _RENAMED.items():
                    data = data.replace(name, renamed)
            if info.filename == _TYPES:
                data = _OTHER_MAIN_TYPES.sub(_DOCUMENT_TYPE, data)
            written.writestr(info, data)
    return out.getvalue()
