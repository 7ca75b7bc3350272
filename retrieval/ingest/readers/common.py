"""Small pieces every structured reader (Markdown, HTML, Word, PDF) shares.

They are pure functions on strings: how prose is tidied, how a table row reads and how a code block
joins the paragraph that introduces it (dates: :mod:`retrieval.ingest.dates`).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from retrieval.errors import DocumentError
from retrieval.ingest.parsed import Block, ParsedDocument, turns_after
from retrieval.ingest.readers.chapters import is_name
from retrieval.model import Turns, solid_length
from retrieval.text import clean, fold, squeeze

MAX_UNPACKED = 512 * 1024 * 1024  # more than this unpacked is a zip bomb, not a document
# The title a program gives a new file, which its writer never changed: "Untitled", Google
# Docs' "Untitled document" (and in the other languages the bot speaks), Word's "Document1",
# Illustrator's and InDesign's "Untitled-1",
# "Microsoft Word - x.docx"; or one it filled in from the file it printed or converted:
# "test.html", "Ash02.ps", "IBM-PDFs.graffle", "file:///shared/empty.html",
# "kkg_province_save_the_date".
_DEFAULT_TITLE = (
    r"untitled(?: (?:document|presentation|spreadsheet|form|drawing)|[ -]?\d+)?|document\d*"
    r"|word document|slide \d+|microsoft (?:word|powerpoint) - .*"
    r"|новый документ|未命名文档|documento sin título|document sans titre"
)
_PROGRAM_TITLE = re.compile(rf"^(?:{_DEFAULT_TITLE})$", re.IGNORECASE)
# ... or the name of the file it was made from, which a converter puts in a PDF's properties
# ("report.docx", "file:///C:/…", "install_guide")
_PLACEHOLDER_TITLE = re.compile(
    rf"^(?:{_DEFAULT_TITLE}"
    r"|file:/\S*|.*\.(?:docx?|pdf|tex|dvi|odt)|\S+\.(?:html?|txt|ps|eps|ai|indd|qxd|qxp|pub"
    r"|graffle|rtf|wpd|sd[ow]|sxw|od[ps]|xlsx?|pptx?|csv|png|jpe?g|tiff?|gif|bmp|svg|md|cdr|dwg"
    r"|vsdx?)|(?:[^\W_]|['’])+(?:_(?:[^\W_]|['’])+)+)$",
    re.IGNORECASE,
)
# Several authors: "Alice Smith; Bob Jones", "A. Smith, B. Jones and C. Wu"
_AUTHORS_APART = re.compile(r"\s*(?:[,;/&]|\band\b)\s*")
_ADDRESS = re.compile(r"<[^>]*>|\([^)]*@[^)]*\)")  # "Ann Lee <ann@example.org>"
# Words of the accounts and programs a file's author field names by default, never a person's
_ACCOUNT_WORDS = frozenset(
    "user users admin administrator owner microsoft office windows author unknown guest "
    "staff default preferred customer renderer adobe google systems software".split()
)
# Between the headings of a section's path while a reader walks a document: no heading holds a
# line break (headings are prose), while one may hold " › " ("A › B").
_PATH_JOINER = "\n"


@dataclass
class Outline:
    """The headings in force, by level, so that a section knows the headings above it: an
    "Examples" under "Timeouts" is cited "Timeouts › Examples" (a page of documentation has
    many sections called "Examples"). The document's title is no heading of it: a heading
    repeating it (a book's title page) still closes the headings at its level and below, but no
    section is cited under it.

    While a reader walks a document, a section is named by its whole path (what :meth:`enter`
    returns), so blocks under two "Examples" differ; :meth:`finish` then gives every block its
    own heading as ``section`` and the headings above it as ``above``.
    """

    open: list[tuple[int, str]] = field(default_factory=list)
    # path: (the headings above, the heading)
    named: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    entered: list[str] = field(default_factory=list)  # every heading entered, in order
    # The document being read (see :meth:`watch`), and for each heading entered the section
    # above it (its path) and how many blocks the document then held.
    document: ParsedDocument | None = None
    placed: list[tuple[str | None, int]] = field(default_factory=list)

    def watch(self, document: ParsedDocument) -> None:
        """Note the headings ending ``document`` with no text under them (see :meth:`keep_last`)."""
        self.document = document

    def enter(self, level: int, heading: str) -> str:
        """The section a heading of ``level`` (1 the highest) opens, as its path."""
        self.entered.append(heading)
        above = self.close(level)
        if self.document is not None:
            self.placed.append((above, len(self.document.blocks)))
        path = self.beneath(heading)
        self.open.append((level, heading))
        return path

    def beneath(self, heading: str) -> str:
        """The path of a section named ``heading`` under the headings in force, without opening
        it (a table's label row names the rows under it, and no heading after it is beneath)."""
        above = tuple(text for _, text in self.open)
        if not above:
            return heading
        path = _PATH_JOINER.join((*above, heading))
        self.named[path] = (above, heading)
        return path

    def close(self, level: int) -> str | None:
        """Close the headings at ``level`` and below, as a heading of that level that opens no
        section does (one taken as the document's title); return the section then in force,
        as its path (``None``: no heading is open)."""
        while self.open and self.open[-1][0] >= level:
            self.open.pop()
        return _PATH_JOINER.join(text for _, text in self.open) or None

    def keep_last(self) -> None:
        """The headings the watched document ends with, heading nothing ("Appendix A: Tide
        tables", "Contact" in a Word document whose appendix and contact details are elsewhere or
        yet to be written), each a passage of its own under the headings above it: a document
        names them, and a reader asking about them is shown that it does, where they were left
        out. A heading with text under it, or with headings above text, stays a heading only."""
        document = self.document
        if document is None or not self.placed:
            return
        end = len(document.blocks)
        for heading, (above, held) in zip(self.entered, self.placed, strict=True):
            if held >= end:
                document.add(above, heading)

    def finish(self, document: ParsedDocument) -> None:
        """Split the paths :meth:`enter` named the blocks' sections by into ``section`` (the
        section's own heading) and ``above`` (the headings above it; readers.untitled leaves the
        document's title out of them)."""
        if not self.named:
            return
        for i, block in enumerate(document.blocks):
            if block.section in self.named:
                above, heading = self.named[block.section]
                document.blocks[i] = replace(block, section=heading, above=above)


_TITLE_WORD = re.compile(r"\w+")


def title_words(text: str) -> list[str]:
    """The words of ``text`` as titles are compared (:func:`said_in_order`): folded, in order."""
    return _TITLE_WORD.findall(fold(text))


def half_said(one: set[str], two: set[str]) -> bool:
    """Whether either of two titles' words (``one``, ``two``) says half of the other's or more:
    neither does when a document's properties name another document than its cover does."""
    shared = 2 * len(one & two)
    return shared >= len(one) or shared >= len(two)


def said_in_order(words: Sequence[str], lines: Sequence[Sequence[str]]) -> bool:
    """Whether ``words`` are the words of one of ``lines``, or of a run of them, in order (a
    title printed on a line or lines of its own: not inside a sentence)."""
    for start in range(len(lines)):
        run: list[str] = []
        for more in lines[start:]:
            run += more
            if run == list(words):
                return True
            if len(run) >= len(words) or run != list(words[: len(run)]):
                break
    return False


def is_placeholder_title(title: str) -> bool:
    """A title a program filled in rather than a person: "Untitled", "Microsoft Word - x.doc",
    a file's name ("report.docx", "install_guide")."""
    return bool(_PLACEHOLDER_TITLE.match(title.strip()))


def is_default_title(title: str) -> bool:
    """A new file's title as the program named it ("Untitled document", "Document1"): what a
    web page's ``<title>`` may be too, where a file's name or a function's is a real one ("Export
    a report to .pdf", "pthread_create")."""
    return bool(_PROGRAM_TITLE.match(title.strip()))


def author_names(written: str | None) -> str | None:
    """The people a file's metadata names as its author ("Alice Smith; Bob Jones", "H. G.
    Wells"), or None when it names none: the account that made the file ("Windows User",
    "Administrator", "jsmith", "python-docx") says nothing of who wrote it, and would make its
    words look like the document's."""
    names = [squeeze(name) for name in _AUTHORS_APART.split(_ADDRESS.sub("", written or ""))]
    names = [name for name in names if name]  # "Alice Smith, and Bob Jones"
    # (a name written all in small letters among others is one: "… ; Madeleine van Zuylen ;
    # oren etzioni", the 23 authors of a paper's properties)
    people = all(
        (is_name(n) or (len(names) > 1 and " " in n and n.islower() and is_name(n.title())))
        and not _ACCOUNT_WORDS & set(n.casefold().split())
        for n in names
    )
    return ", ".join(names) if names and people else None


_LOGIN = re.compile(r"[a-z][\w.-]*")  # "d'Alembert" is a name


def stated_author(written: str | None) -> str | None:
    """An author as a document states it (a text's ``Author:`` line, front matter): a person,
    several, or a body ("World Health Organization"), without an address; None for a login
    ("jdoe", "cmcatee-MSFT") or nothing."""
    # "Chris Angelico <rosuav@…>, Tim Peters <…>": the names, each comma after its name
    name = re.sub(r"\s+([,;])", r"\1", squeeze(_ADDRESS.sub("", written or ""))).strip(" ,;")
    # a login: one word starting small ("jdoe", "cmcatee-MSFT", a docs site's ``author:``)
    login = (" " not in name and name.islower()) or _LOGIN.fullmatch(name)
    if not any(ch.isalpha() for ch in name) or login:
        return None
    return name


def prose(text: str) -> str:
    """Running text as a reader sees it: encoding repaired, runs of white space made one space."""
    return squeeze(clean(text))


# A wide character of Chinese or Japanese, or their punctuation ("。", "，", "（"): CSS Text's
# segment-break rule drops a line break between two of them, and a browser shows a wrapped
# paragraph's lines joined without a space. Korean (Hangul) writes spaces between words: kept.
_WIDE = re.compile(
    r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\uff00-\uffef]"
)


def joined_lines(lines: Sequence[str]) -> str:
    """The lines of a wrapped paragraph as one, as a browser shows them: a space at each break,
    none between two Chinese or Japanese characters ("…不同节点上的" / "容器之间" reads
    "不同节点上的容器之间"); one between such a character and a Latin word ("API 服务器")."""
    out = ""
    for line in lines:
        if out and not (_WIDE.match(out.rstrip()[-1:]) and _WIDE.match(line.lstrip()[:1])):
            out += " "
        elif out:
            out, line = out.rstrip(), line.lstrip()
        out += line
    return out


# What ends a term that its description may follow without a colon ("Note. Text").
# Chinese and Japanese full-width marks among them, which need no space after them.
_FULL_WIDTH_TERMINAL = ("。", "！", "？", "；", "：", "，")
TERMINAL = (".", "!", "?", ";", ":", ",", *_FULL_WIDTH_TERMINAL)


def termed(term: str, text: str) -> str:
    """A description after its term, or an item's paragraph after its label: "-exit: Close
    the window…", "Windows: Assuming…" ("Note. Text" keeps its stop, and so does "…状态。")."""
    if not term:
        return text
    if term.endswith(_FULL_WIDTH_TERMINAL):
        return f"{term}{text}"
    return f"{term} {text}" if term.endswith(TERMINAL) else f"{term}: {text}"


def code_text(text: str) -> str:
    """Code exactly as written: only line endings unified and the trailing newline dropped.

    Tabs, runs of spaces and ``#`` or ``>>>`` at line starts are content, so nothing else changes.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def row_text(cells: Sequence[str]) -> str:
    """A table row as one line, its non-empty cells joined by `` | ``: "Code 582 | Flight …"."""
    return " | ".join(cell for cell in (prose(c) for c in cells) if cell)


def table_blocks(
    rows: Sequence[Sequence[str]],
    section: str | None,
    page: int | None = None,
    *,
    header: bool = True,
    labels: Sequence[str] | None = None,
) -> list[Block]:
    """One block per table row, so a row's cells stay together in one passage.

    When the first row is a header of short labels (its corner, above the rows' names, may be
    empty) and a data cell is a short value ("0.5", "Yes"), the value is read with its label
    ("Time (hour): 0.5", "Day 3: 130"): a bare number says nothing in a quoted passage. The header
    row itself is then not repeated as a block of its own. With ``header`` false the first row
    is a row like the others. ``labels``: the header of the table these rows are a part of (rows
    under a label row of their own), each row read with them.
    """
    cleaned = [[prose(cell) for cell in row] for row in rows]
    cleaned = [row for row in cleaned if any(row)]
    head = [prose(label) for label in labels] if labels is not None else None
    if head is not None and any(len(row) != len(head) for row in cleaned):
        head = None
    if head is None and header and is_header(cleaned):
        head, cleaned = cleaned[0], cleaned[1:]
    # A glossary's rows ("Acting area | The area within …") say what they are without their
    # labels: "Drama Vocabulary: Acting area" repeated the header in every row.
    if head is not None and _is_glossary(cleaned):
        head = None
    named = labelled_columns(head, cleaned) if head is not None else None
    blocks: list[Block] = []
    for row in cleaned:
        text = row_text(labelled_cells(head, row, named) if head is not None else row)
        if text:
            blocks.append(Block(text, section, page=page, kind="table"))
    return blocks


FIGURE = re.compile(r"^[-+−(]?[$€£¥]?\d[\d,.\s]*%?\)?$")  # "130", "(40)", "$1,800", "12.5%"
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
LABEL_WORDS = 6  # a header's cell is a label of at most this many words …
VALUE_WORDS = 4  # … and a value is read with its label when it has at most this many
_FIGURE_LABEL_WORDS = 10  # … or this many over a column of figures, which say nothing alone


def is_header(rows: Sequence[Sequence[str]]) -> bool:
    """Whether the first of a table's rows (cleaned, as many cells each) is a header of labels:
    short ones, no figure among them but numbers counting the columns ("1 | 2"), in every cell
    but the corner above the rows' names (a table of figures leaves it empty: "| Day 1 | Day 2 |"
    over "Cash Inflows | 100 | 120")."""
    first = rows[0] if rows else []
    if len(rows) < 3 or len(first) < 2 or any(len(row) != len(first) for row in rows):
        return False
    labels = first[1:] if not first[0] else first
    numbers = [label for label in labels if is_figure(label)]
    if not all(labels) or (numbers and not _numbering(numbers)):
        return False
    values = [cell for row in rows[1:] for cell in row[1:] if cell]
    figures = bool(values) and 2 * sum(map(is_figure, values)) >= len(values)
    longest = _FIGURE_LABEL_WORDS if figures else LABEL_WORDS
    return all(len(label.split()) <= longest for label in labels)


def is_figure(cell: str) -> bool:
    """Whether a table's cell is a figure ("130", "(40)", "$1,800"), not a year."""
    return bool(FIGURE.match(cell)) and not _YEAR.match(cell)


def _numbering(labels: Sequence[str]) -> bool:
    """Whether figures in a header number its columns, 1, 2, 3 … ("Treatment | 1 | 2" over a
    covariance matrix's rows): labels, where other figures are a row of data."""
    return len(labels) >= 2 and list(labels) == [str(i) for i in range(1, len(labels) + 1)]


def _is_glossary(rows: Sequence[Sequence[str]]) -> bool:
    """Rows of a term and its description: two cells, the second mostly a sentence or more."""
    described = sum(1 for row in rows if len(row) == 2 and len(row[1].split()) > 6)
    return bool(rows) and all(len(row) == 2 for row in rows) and described * 2 > len(rows)


def labelled_cells(
    header: Sequence[str], row: Sequence[str], columns: Sequence[bool] | None = None
) -> list[str]:
    """``row``'s cells, each short value read with its column's label ("Time (hour): 0.5"); with
    ``columns`` (:func:`labelled_columns`), each value of the columns it marks."""
    return [
        f"{label}: {cell}"
        if label
        and cell
        and label != cell
        and (words(cell) <= VALUE_WORDS or (columns is not None and columns[at]))
        else cell
        for at, (label, cell) in enumerate(zip(header, row, strict=True))
    ]


def words(cell: str) -> int:
    """How many words a table's ``cell`` says: its pieces of two letters or more ("I'm") and
    its letters alone ("a"). The signs of a notation are no words: "“\\Z” (not “$” nor “\\z”)"
    (a regex anchor, in OpenSSF's table of them) says two, a short value read with its column's
    label ("Append: “\\Z” …") as the column's other anchors were; counted by its pieces, it lost
    the label, and the row said "Platform: Python | Prepend: “^” or “\\A” | “\\Z” (not …)"
    without saying what its last cell was."""
    return sum(1 for piece in cell.split() if piece.isalpha() or _letters(piece) >= 2)


def _letters(piece: str) -> int:
    return sum(1 for ch in piece if ch.isalpha())


NAME_WORDS = 3  # an item of a list of names in a cell: "KEDA CNI", "Operator Framework"


def labelled_columns(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[bool]:
    """For each column of a table, whether all its values are read with its label, not only
    the short ones (:func:`labelled_cells`): so in a column of values, most of them short or
    lists of names ("Capability: Artifact storage", "Example Projects: Tekton, Jenkins,
    Buildpacks, ko, Carvel"), where a row's longer name lost its label and the next row's
    short one kept it. A column of sentences (a description) keeps the rule for short ones."""
    result = []
    for at in range(len(header)):
        values = [row[at] for row in rows if at < len(row) and row[at]]
        named = sum(1 for value in values if _value_like(value))
        result.append(bool(values) and 2 * named > len(values))
    return result


def _value_like(cell: str) -> bool:
    """A short value, or a list of names ("Argo, Flux, Keptn, Flagger, OpenFeature")."""
    if words(cell) <= VALUE_WORDS:
        return True
    names = [name.strip() for name in cell.split(",")]
    # A name of several words is written with a capital ("Operator Framework"); one word may
    # not be ("bash, zsh, fish", "ko"). A phrase cut by a comma, "List all users, newest
    # first", is no list of names.
    return (
        len(names) >= 2
        and all(0 < len(name.split()) <= NAME_WORDS for name in names)
        and all(len(name.split()) == 1 or name[:1].isupper() for name in names)
        and not cell.rstrip().endswith((".", "!", "?", "。"))
    )


def attach_code(
    document: ParsedDocument,
    code: str,
    section: str | None,
    intro_index: int | None,
    page: int | None = None,
    turns: Turns = (),
) -> None:
    """Append a code block, taking over the paragraph that introduces it when there is one.

    ``intro_index`` is the position of the text block right before the code (the "To send a file,
    pass ``files``:" sentence), or ``None`` when a heading, another code block or nothing came
    between: then the code stands alone with an empty ``text``. ``turns``: where the code runs
    on over a page break, counted from its start; the block's turns count over the introducing
    text and then the code (``Block.turns``), with one more where the code starts on a later page.
    """
    if not code.strip():
        return
    if intro_index is not None and intro_index == len(document.blocks) - 1:
        intro = document.blocks.pop()
        turns = turns_after(intro, page, turns, solid_length(intro.text))
        document.blocks.append(
            Block(intro.text, intro.section, page=intro.page, kind="code", code=code, turns=turns)
        )
        return
    document.blocks.append(Block("", section, page=page, kind="code", code=code, turns=turns))


def based_on(name: str, holds: Callable[[str], bool], parents: Mapping[str, str]) -> str | None:
    """The nearest of the style ``name`` and the styles it is based on (``parents``: each
    style's parent, Word's ``w:basedOn``, OpenDocument's ``style:parent-style-name``) for which
    ``holds`` is true, or None; a loop in the chain (a damaged file's) ends the walk."""
    seen: set[str] = set()
    while name and name not in seen:
        if holds(name):
            return name
        seen.add(name)
        name = parents.get(name, "")
    return None


_ZIP_START = b"PK\x03\x04"  # a zip's first part's header: the file began as one


def open_zip(data: bytes, path: Path, kind: str) -> zipfile.ZipFile:
    """The zip container of a Word or EPUB file, checked before anything is unpacked.

    Raises :class:`DocumentError` "damaged: not a ``kind``" when ``data`` is no zip, and
    "damaged: …" when it would unpack to more than :data:`MAX_UNPACKED` or a part is corrupt.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        if data.startswith(_ZIP_START):
            # A zip whose end (the directory of its parts) is missing: a copy or a download cut
            # short, which another copy mends; "not a Word document" sent the admin elsewhere.
            raise DocumentError(path, "damaged: the file is cut short (copy it again)") from error
        raise DocumentError(path, f"damaged: not {kind}") from error
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
        raise DocumentError(path, "damaged: too large when unpacked")
    try:
        corrupt = archive.testzip()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
        raise DocumentError(path, "damaged: a part of the file is corrupt") from error
    if corrupt is not None:
        raise DocumentError(path, "damaged: a part of the file is corrupt")
    return archive


def zip_xml(archive: zipfile.ZipFile, name: str, path: Path | None = None) -> Any:
    """The XML part ``name`` of a zip package (OpenDocument, PowerPoint). Missing or broken, it
    is "damaged: …" of the file at ``path``; without ``path`` the part is one the file can do
    without (its title, a slide's notes), and None. lxml is imported here: a corpus of text
    files never loads it."""
    import lxml.etree

    try:
        return lxml.etree.fromstring(archive.read(name))
    except KeyError as error:
        if path is None:
            return None
        raise DocumentError(path, f"damaged: {name} is missing") from error
    except lxml.etree.XMLSyntaxError as error:
        if path is None:
            return None
        raise DocumentError(path, f"damaged: {name} is broken") from error


# Files named for their role in a folder, not for what they are about: "bat/README.md" is bat's.
_ROLE_NAMES = frozenset({"readme", "index", "intro", "introduction", "about"})


def fallback_title(path: Path) -> str:
    """The title of a document that states none: its file name, readably, and for a README or
    an index the folder it opens too ("bat README": a question on "bat" is about it)."""
    stem = path.stem.replace("_", " ")
    folder = path.parent.name
    if stem.lower() in _ROLE_NAMES and folder and folder not in (".", ".."):
        return f"{folder.replace('_', ' ')} {stem}"
    return stem
