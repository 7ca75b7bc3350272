"""Word's "Strict Open XML Document", read as the ordinary ``.docx`` it differs from by names only.

Word saves a document as ISO 29500 Strict when asked to (Save As › "Strict Open XML Document"),
and some archives and government templates ask for it: the same parts and elements, under other
namespaces (``http://purl.oclc.org/ooxml/wordprocessingml/main`` for
``http://schemas.openxmlformats.org/wordprocessingml/2006/main``) and relationship types.
python-docx knows only the transitional names: it found no main document in such a file, which
was skipped as "damaged: not a Word document". Renaming the namespaces back gives it the file it
reads, with the same text.
"""

from __future__ import annotations

import io
import re
import zipfile

# The relationship that names the main document, as the Strict package's own relationships write
# it: only such a file is rewritten.
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


def is_strict(archive: zipfile.ZipFile) -> bool:
    """Whether the package is a Strict document (its main document named by a Strict type)."""
    try:
        return _STRICT_MAIN in archive.read("_rels/.rels")
    except KeyError:
        return False


def transitional(archive: zipfile.ZipFile) -> bytes:
    """The package rewritten with the transitional names, as python-docx reads it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename.lower().endswith(_PART_SUFFIXES):
                data = _STRICT_NAME.sub(rb"http://schemas.openxmlformats.org/\1/2006/", data)
                for strict, renamed in _RENAMED.items():
                    data = data.replace(strict, renamed)
            written.writestr(info, data)
    return out.getvalue()
