"""The corpus tables in SQLite: documents, passages and a little metadata; all corpus SQL is here.

The schema is applied by numbered migrations (:func:`retrieval.store.db.apply_migrations`).
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrieval.errors import StoreError
from retrieval.model import Document, Passage, Turns
from retrieval.store.db import (
    Migration,
    apply_migrations,
    migrations_due,
    open_connection,
    table,
    wrapped,
)

if TYPE_CHECKING:
    import sqlite_utils


def _create_corpus_tables(db: sqlite_utils.Database) -> None:
    table(db, "documents").create(
        {
            "doc": str,
            "key": str,
            "title": str,
            "date": str,
            "source": str,
            "sha256": str,
            "size": int,
            "mtime_ns": int,
            "paragraphs": int,
        },
        pk="doc",
        not_null={"key", "title", "sha256"},
    )
    table(db, "passages").create(
        {
            "rowid": int,
            "id": str,
            "doc": str,
            "ordinal": int,
            "paragraph": int,
            "section": str,
            "text": str,
        },
        pk="rowid",
        not_null={"id", "doc", "text"},
        foreign_keys=[("doc", "documents", "doc")],
    )
    table(db, "passages").create_index(["id"], unique=True)
    table(db, "passages").create_index(["doc", "ordinal"])
    table(db, "meta").create({"key": str, "value": str}, pk="key")


def _never_reuse_passage_rowids(db: sqlite_utils.Database) -> None:
    """Rebuild ``passages`` with AUTOINCREMENT: a rowid is never handed out twice, so an index
    built before a reload can never point at a passage inserted after it."""
    db.execute(
        "create table passages_new (rowid integer primary key autoincrement, id text not null,"
        " doc text not null references documents(doc), ordinal integer, paragraph integer,"
        " section text, text text not null)"
    )
    db.execute(
        "insert into passages_new (rowid, id, doc, ordinal, paragraph, section, text)"
        " select rowid, id, doc, ordinal, paragraph, section, text from passages"
    )
    db.execute("drop table passages")
    db.execute("alter table passages_new rename to passages")
    db.execute("create unique index idx_passages_id on passages (id)")
    db.execute("create index idx_passages_doc_ordinal on passages (doc, ordinal)")


def _pages_and_kinds(db: sqlite_utils.Database) -> None:
    """Passages know the page they start on (PDF) and whether they are prose, code or a table."""
    db.execute("alter table passages add column page integer")
    db.execute("alter table passages add column kind text not null default 'text'")
    db.execute("alter table passages add column code_at integer")


def _languages(db: sqlite_utils.Database) -> None:
    """Passages know their language; a corpus indexed before knew only English."""
    db.execute("alter table passages add column lang text not null default 'en'")


def _language_index(db: sqlite_utils.Database) -> None:
    """Counting passages by language reads an index, not every passage's text (1 s → 30 ms
    at a million passages, on the way to a bot's first answer)."""
    db.execute("create index idx_passages_lang on passages (lang)")


def _page_turns(db: sqlite_utils.Database) -> None:
    """Passages know where they run on over a page break, so a quote from a paragraph's end
    cites the page it is on (``Passage.turns``, written as "812:28 1650:29")."""
    db.execute("alter table passages add column turns text")


def _headings_above(db: sqlite_utils.Database) -> None:
    """Passages know the headings above their section, so "Examples" under "Timeouts" is
    cited "Timeouts › Examples" (``Passage.above``: the headings one a line, as a heading may
    hold " › " itself). Existing rows are filled when the new parser reads every file again."""
    db.execute("alter table passages add column above text")


def _authors(db: sqlite_utils.Database) -> None:
    """Documents know their author: a question naming the author ("What does Rizal foresee?")
    is about the book, whose text seldom names its writer. Existing rows are filled when the
    new parser reads every file again."""
    db.execute("alter table documents add column author text")


def _skipped_files(db: sqlite_utils.Database) -> None:
    """Files that could not be read, with why and as of which size, time and parser: the next
    refresh names them without reading them again (a damaged PDF cost every start seconds)."""
    db.execute(
        "create table skipped (doc text primary key, size integer not null,"
        " mtime_ns integer not null, parser text not null, reason text not null)"
    )


def _unread_parts(db: sqlite_utils.Database) -> None:
    """Documents know why part of their file was not read ("pages 2–22 not read: …"), so every
    reload's report names them, read again or not. Existing rows are filled when the new parser
    reads every file again."""
    db.execute("alter table documents add column unread text")


def _keywords(db: sqlite_utils.Database) -> None:
    """Documents know what their authors want them found by (a page's keywords, tags and
    summary: "quit, quitting, resign"), searched with the title and never quoted. Existing rows
    are filled when the new parser reads every file again."""
    db.execute("alter table documents add column keywords text")


def _paragraph_parts(db: sqlite_utils.Database) -> None:
    """Passages know which part of a long paragraph they are (``Passage.part``: part k of n),
    so two quotes of one paragraph are cited "¶ 1, part 2 of 4" and "¶ 1, part 3 of 4", not
    "¶ 1" twice. NULL for a paragraph read whole; existing rows are filled when the new parser
    reads every file again."""
    db.execute("alter table passages add column part integer")
    db.execute("alter table passages add column parts integer")


CORPUS_MIGRATIONS: list[tuple[str, Migration]] = [
    ("corpus-0001-create", _create_corpus_tables),
    ("corpus-0002-autoincrement", _never_reuse_passage_rowids),
    ("corpus-0003-pages-and-kinds", _pages_and_kinds),
    ("corpus-0004-languages", _languages),
    ("corpus-0005-language-index", _language_index),
    ("corpus-0006-page-turns", _page_turns),
    ("corpus-0007-headings-above", _headings_above),
    ("corpus-0008-authors", _authors),
    ("corpus-0009-skipped-files", _skipped_files),
    ("corpus-0010-unread-parts", _unread_parts),
    ("corpus-0011-keywords", _keywords),
    ("corpus-0012-paragraph-parts", _paragraph_parts),
]


class SkippedFiles:
    """Why each file that could not be read was skipped, as of its size, time and parser."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db  # the store's writing connection

    def reason(self, doc: str, size: int, mtime_ns: int, parser: str) -> str | None:
        """Why ``doc`` was skipped when it last had this size and time, read by ``parser``."""
        row = self.db.execute(
            "select reason from skipped where doc = ? and size = ? and mtime_ns = ? and parser = ?",
            [doc, size, mtime_ns, parser],
        ).fetchone()
        return None if row is None else str(row[0])

    def record(self, doc: str, size: int, mtime_ns: int, parser: str, reason: str) -> None:
        self.db.execute(
            "insert or replace into skipped (doc, size, mtime_ns, parser, reason)"
            " values (?, ?, ?, ?, ?)",
            [doc, size, mtime_ns, parser, reason],
        )

    def docs(self) -> frozenset[str]:
        """The files remembered as skipped (those indexed before are kept at that version)."""
        return frozenset(str(doc) for (doc,) in self.db.execute("select doc from skipped"))

    def keep_only(self, docs: Collection[str]) -> None:
        """Forget every file but ``docs`` (those read now, or gone, are skipped no more)."""
        for doc in self.docs() - set(docs):
            self.db.execute("delete from skipped where doc = ?", [doc])


def _prepared(path: Path) -> sqlite3.Connection:
    """The database at ``path`` opened, its corpus tables migrated (by sqlite-utils, imported
    then only: a database that has every migration is read through plain sqlite3)."""
    conn = open_connection(path)
    try:
        if migrations_due(conn, "corpus", CORPUS_MIGRATIONS):
            apply_migrations(wrapped(conn), "corpus", CORPUS_MIGRATIONS)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(f"cannot prepare the database {path}: {error}") from error
    return conn


# A document's language counts as one the corpus is written in from this many letters in it: a
# sentence or two (a Japanese notice of two lines: 34), not a line of formulas read as Greek (4).
MAIN_LANGUAGE_LETTERS = 20
_LONG_TEXT = 1000  # characters: a text this long is not counted letter by letter


class CorpusStore:
    """Documents and passages in one SQLite file. Reads are safe from any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = _prepared(path)  # the one that writes
        self._db: sqlite_utils.Database | None = None
        self._local = threading.local()
        self.skipped = SkippedFiles(self._conn)

    @property
    def db(self) -> sqlite_utils.Database:
        """The writing connection as sqlite-utils wraps it, made when something is written."""
        if self._db is None:
            self._db = wrapped(self._conn)
        return self._db

    def _reader(self) -> sqlite3.Connection:
        """One read connection per thread: SQLite connections must not be shared mid-query."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
            self._readers().append(conn)
        return conn

    def _readers(self) -> list[sqlite3.Connection]:
        if not hasattr(self, "_all_readers"):
            self._all_readers: list[sqlite3.Connection] = []
        return self._all_readers

    def close(self) -> None:
        for conn in self._readers():
            conn.close()
        self._all_readers = []
        self._local = threading.local()
        self._conn.close()

    # --------------------------------------------------------------------------------- reads
    def meta(self, key: str) -> str | None:
        row = self._reader().execute("select value from meta where key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def documents(self) -> list[Document]:
        rows = self._reader().execute("select * from documents order by doc").fetchall()
        return [
            Document(
                doc=r["doc"],
                key=r["key"],
                title=r["title"],
                date=r["date"],
                source=r["source"],
                paragraphs=r["paragraphs"] or 0,
                sha256=r["sha256"],
                author=r["author"],
            )
            for r in rows
        ]

    def document_rows(self) -> dict[str, dict[str, object]]:
        rows = self._reader().execute("select * from documents").fetchall()
        return {r["doc"]: dict(r) for r in rows}

    _PASSAGE_SQL = (
        "select p.rowid, p.id, p.doc, p.ordinal, p.paragraph, p.section, p.text, p.page, p.kind,"
        " p.code_at, p.lang, p.turns, p.above,"
        " d.title, d.author, d.keywords, p.part, p.parts "
        "from passages p join documents d on d.doc = p.doc "
    )

    def passage(self, passage_id: str) -> Passage | None:
        row = self._reader().execute(self._PASSAGE_SQL + "where p.id = ?", [passage_id]).fetchone()
        return None if row is None else _passage(row)

    def passages_by_rowid(self, rowids: list[int]) -> dict[int, Passage]:
        """The passages with these rowids (those that still exist), by rowid; every question
        asks, so rows come back as plain tuples (named rows cost a lookup per column)."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        cursor = self._reader().cursor()
        cursor.row_factory = None
        rows = cursor.execute(self._PASSAGE_SQL + f"where p.rowid in ({marks})", rowids)
        return {row[0]: _passage(row) for row in rows}

    def all_passages(self) -> Iterable[tuple[int, Passage]]:
        """Every passage in a stable order (document, then ordinal), with its rowid."""
        cursor = self._reader().execute(self._PASSAGE_SQL + "order by p.doc, p.ordinal")
        for row in cursor:
            yield row["rowid"], _passage(row)

    def index_rows(
        self, after: int, limit: int
    ) -> list[tuple[int, str, str, str | None, str, str | None, str]]:
        """What the index reads of the passages with a rowid above ``after``, ``limit`` of them
        in rowid order: ``(rowid, id, text, section, document title, document date, language)``;
        the title followed by the document's author and keywords, when it has them, as the index
        reads it. A document of one passage (an abstract: title, then one paragraph) has its
        title as that passage's section too, when it has none: one unit, its title heads it as
        a heading heads a section (CISI nDCG@10 .389 -> .397, Cystic Fibrosis .458 -> .477,
        CACM R@100 .655 -> .673; every eval line identical).

        Rowids are never reused (AUTOINCREMENT), so the passages added since an index was built
        are exactly those above the largest rowid it holds.
        """
        cursor = self._reader().cursor()
        cursor.row_factory = None  # plain tuples: a named row costs a copy per passage
        rows: list[tuple[int, str, str, str | None, str, str | None, str]] = cursor.execute(
            "select p.rowid, p.id, p.text,"
            " coalesce(p.section, case when not exists (select 1 from passages q"
            " where q.doc = p.doc and q.rowid != p.rowid) then d.title end),"
            " d.title || coalesce(' · ' || d.author, '') || coalesce(' · ' || d.keywords, ''),"
            " d.date, p.lang from passages p"
            " join documents d on d.doc = p.doc where p.rowid > ? order by p.rowid limit ?",
            [after, limit],
        ).fetchall()
        return rows

    def count_after(self, last: int) -> int:
        """How many passages have a rowid above ``last`` (added since an index built up to it)."""
        row = self._reader().execute("select count(*) from passages where rowid > ?", [last])
        return int(row.fetchone()[0])

    def rowids_upto(self, last: int) -> list[int]:
        """The rowids of the passages that still exist among those up to ``last``, ascending:
        an index built up to ``last`` finds its deleted passages by what is missing here."""
        rows = self._reader().execute(
            "select rowid from passages where rowid <= ? order by rowid", [last]
        )
        return [int(row[0]) for row in rows]

    def largest_sections(self, limit: int, lang: str | None = None) -> list[str]:
        """Section headings (or, for documents without any, titles) by passages, most first;
        only those of passages in ``lang`` when given."""
        where, values = ("where p.lang = ?", [lang]) if lang else ("", [])
        rows = self._reader().execute(
            "select coalesce(p.section, d.title) as topic, count(*) as n from passages p"
            f" join documents d on d.doc = p.doc {where}"
            " group by topic order by n desc, topic limit ?",
            [*values, limit],
        )
        return [str(row["topic"]) for row in rows]

    def sections_of(self, doc: str) -> list[str]:
        """The distinct section headings of one document (read through its passages' index)."""
        rows = self._reader().execute(
            "select distinct section from passages where doc = ? and section > ''", [doc]
        )
        return [str(row[0]) for row in rows]

    def headings_above_of(self, doc: str) -> list[str]:
        """The distinct headings that stand above sections of one document ("Chapter XV: The
        Secretariat" over its articles' sections), which hold no passage of their own."""
        rows = self._reader().execute(
            "select distinct above from passages where doc = ? and above > ''", [doc]
        )
        return sorted({line for row in rows for line in str(row[0]).splitlines() if line})

    def passages_under(self, doc: str, sections: Collection[str], limit: int) -> list[Passage]:
        """The first ``limit`` passages of ``doc`` under any of ``sections``, in its order."""
        if not sections:
            return []
        marks = ",".join("?" * len(sections))
        rows = self._reader().execute(
            self._PASSAGE_SQL
            + f"where p.doc = ? and p.section in ({marks}) order by p.ordinal limit ?",
            [doc, *sections, limit],
        )
        return [_passage(row) for row in rows]

    def passages_headed(self, doc: str, words: str, limit: int) -> list[Passage]:
        """The first ``limit`` passages of ``doc`` whose section or a heading above it holds
        ``words`` (as written, any case), in its order."""
        like = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._reader().execute(
            self._PASSAGE_SQL
            + "where p.doc = ? and (p.section like ? escape '\\' or p.above like ? escape '\\')"
            " order by p.ordinal limit ?",
            [doc, like, like, limit],
        )
        return [_passage(row) for row in rows]

    # -------------------------------------------------------------------------------- writes
    # Called inside :func:`retrieval.store.db.transaction` by the refresh; plain SQL, since
    # sqlite-utils' insert would commit the surrounding transaction.
    def delete_document(self, doc: str) -> None:
        self.db.execute("delete from passages where doc = ?", [doc])
        self.db.execute("delete from documents where doc = ?", [doc])

    def insert_rows(self, row: dict[str, object], passages: Sequence[tuple[object, ...]]) -> None:
        """A document's row and its passages' rows, as :func:`passage_row` made them (in a
        worker process: tuples cross to the writer in a quarter of the time objects do)."""
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"insert into documents ({columns}) values ({marks})", list(row.values()))
        self.db.conn.executemany(
            "insert into passages"
            " (id, doc, ordinal, paragraph, section, text, page, kind, code_at, lang, turns,"
            " above, part, parts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            passages,
        )

    def touch_document(self, doc: str, size: int, mtime_ns: int) -> None:
        """Record a new size and time for a file whose content did not change."""
        self.db.execute(
            "update documents set size = ?, mtime_ns = ? where doc = ?", [size, mtime_ns, doc]
        )

    def set_fingerprint(self, doc: str, fingerprint: str) -> None:
        """Record the fingerprint of a document anew, in another form of the same facts."""
        self.db.execute("update documents set sha256 = ? where doc = ?", [fingerprint, doc])

    def bump_version(self) -> int:
        """Count one more change of the corpus (indexes are tagged with this number)."""
        version = int(self.meta("corpus_version") or 0) + 1
        self.set_meta("corpus_version", str(version))
        return version

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("insert or replace into meta (key, value) values (?, ?)", [key, value])

    def passage_languages(self) -> dict[str, int]:
        """How many passages each language has."""
        rows = self._reader().execute("select lang, count(*) from passages group by lang")
        return {str(lang): int(n) for lang, n in rows}

    def main_languages(self, among: Collection[str] | None = None) -> frozenset[str]:
        """The languages some document is written in (:func:`_main_languages`), of ``among``."""
        return _main_languages(self._reader(), among)

    def passage_count(self) -> int:
        return int(self._reader().execute("select count(*) from passages").fetchone()[0])

    def paragraph_count(self) -> int:
        """The documents' paragraphs, as /sources counts each document's (its last ¶)."""
        row = self._reader().execute("select coalesce(sum(paragraphs), 0) from documents")
        return int(row.fetchone()[0])

    def document_languages(self, docs: Collection[str]) -> dict[str, str]:
        """The language most of each document's passages are written in, for ``docs``."""
        if not docs:
            return {}
        marks = ",".join("?" * len(docs))
        rows = self._reader().execute(
            "select doc, lang, count(*) from passages"
            f" where doc in ({marks}) group by doc, lang order by count(*), lang",
            list(docs),
        )
        return {str(doc): str(lang) for doc, lang, _ in rows}  # the most passages come last


def _main_languages(
    reader: sqlite3.Connection, among: Collection[str] | None = None
) -> frozenset[str]:
    """The languages some document is written in: the one most of its passages are in (the
    longer text's on a tie), when they hold :data:`MAIN_LANGUAGE_LETTERS` letters. A line of
    formulas read as Greek ("χ(∆1) = 2 − 1 = 1") is no document written in Greek. Of the
    languages ``among`` (None: all), when given only the documents holding a passage in one
    are read: every passage's length was summed, half a second at 100k passages, on start-up,
    to learn that the language of nearly all of them is a document's."""
    sql = "select doc, lang, count(*), sum(length(text)) from passages"
    if among is not None:
        if not among:
            return frozenset()
        marks = ",".join("?" * len(among))
        sql += f" where doc in (select doc from passages where lang in ({marks}))"
    rows = reader.execute(sql + " group by doc, lang", [] if among is None else list(among))
    best: dict[str, tuple[int, int, str]] = {}
    for doc, lang, n, chars in rows:
        best[doc] = max(best.get(doc, (0, 0, "")), (int(n), int(chars), str(lang)))
    # Each language's documents, longest first: one long enough, or one holding the letters,
    # is enough (the letters of each of LISA's 6,000 abstracts were counted, 8 s).
    docs: dict[str, list[tuple[int, str]]] = {}
    for doc, (_, chars, lang) in best.items():
        docs.setdefault(lang, []).append((chars, doc))
    return frozenset(
        lang
        for lang, sized in docs.items()
        if any(
            chars >= _LONG_TEXT or _letters(reader, doc, lang) >= MAIN_LANGUAGE_LETTERS
            for chars, doc in sorted(sized, reverse=True)
        )
    )


def _letters(reader: sqlite3.Connection, doc: str, lang: str) -> int:
    """How many letters the passages of ``doc`` in ``lang`` hold."""
    rows = reader.execute("select text from passages where doc = ? and lang = ?", [doc, lang])
    return sum(ch.isalpha() for (text,) in rows for ch in text)


def passage_row(p: Passage) -> tuple[object, ...]:
    """A passage as the row :meth:`CorpusStore.insert_rows` writes."""
    return (
        p.id,
        p.doc,
        p.ordinal,
        p.paragraph,
        p.section,
        p.text,
        p.page,
        p.kind,
        p.code_at,
        p.lang,
        " ".join(f"{at}:{page}" for at, page in p.turns) or None,
        "\n".join(p.above) or None,
        *(p.part or (None, None)),
    )


def _passage(row: sqlite3.Row | tuple[Any, ...]) -> Passage:
    """A passage from a row of ``CorpusStore._PASSAGE_SQL`` (a named row or a plain tuple), by
    its columns' places there."""
    return _made((
        row[1], row[2], row[13], row[5], row[4], row[6], row[3], row[7], row[8], row[9],
        row[10], _turns(row[11]), _above(row[12]), row[14], row[15],
        (row[16], row[17]) if row[16] is not None else None,
    ))  # fmt: skip


_PASSAGE_FIELDS = tuple(f.name for f in dataclasses.fields(Passage))


def _made(values: tuple[object, ...]) -> Passage:
    """The passage with these values of its fields, in their order (as Passage(*values)):
    a frozen dataclass's __init__ sets each of its fields through object.__setattr__, 3 us
    a passage, and every question makes ten; filling its __dict__ takes a tenth of that."""
    passage: Passage = object.__new__(Passage)
    passage.__dict__.update(zip(_PASSAGE_FIELDS, values, strict=True))
    return passage


def _above(column: str | None) -> tuple[str, ...]:
    """``Passage.above`` from its column (the headings one a line; NULL for none): a heading is
    prose, never holding a line break."""
    return tuple(column.split("\n")) if column else ()


def _turns(column: str | None) -> Turns:
    """``Passage.turns`` from its column ("812:28 1650:29"; NULL for a passage on one page)."""
    if not column:
        return ()
    pairs = (item.split(":") for item in column.split())
    return tuple((int(at), int(page)) for at, page in pairs)


def texts_by_rowid(store: CorpusStore, rowids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """The id and text of the passages with these rowids (those that still exist), by rowid:
    what a question reads of passages before deciding whether to fetch them whole."""
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    cursor = store._reader().cursor()
    cursor.row_factory = None
    rows = cursor.execute(f"select rowid, id, text from passages where rowid in ({marks})", rowids)
    return {rowid: (str(id_), str(text)) for rowid, id_, text in rows}
