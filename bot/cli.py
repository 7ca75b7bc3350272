"""The ``quotebot`` command: one table of subcommands, each a small function.

Every subcommand takes ``--corpus DIR`` and ``--db FILE``. The database defaults to the bot's
(``QUOTEBOT_DB``) for the bot's own corpus, and for any other corpus to a file of its own in the
user's cache folder (:func:`database_for`), so asking about another folder never replaces the
bot's data. Errors end as one line on stderr and a non-zero exit, never a traceback.

Subcommands that live outside the product (``eval``, ``bench``: in ``tools/``) are found through
the entry points of the group ``quotebot.commands``; each is a :class:`Command`.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import hashlib
import json
import logging
import os
import re
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import StateError
from bot.locales import (
    Strings,
    en,
    is_small_talk,
    language_of,
    reply_language,
    small_talk_language,
    strings,
)
from bot.settings import Settings, SettingsError, load_settings
from retrieval.errors import QuestionError, QuotebotError, StoreError
from retrieval.library import Library
from retrieval.model import Answer, Document, ReindexReport, SkippedFile
from retrieval.store import cache_folder

if TYPE_CHECKING:
    from bot.state import Usage
    from bot.terminalio import LineReader

# The rendering, state and terminal modules are imported by the subcommands that use them, not
# here: they pull in python-telegram-bot (a few tenths of a second), and every worker process
# a build spawns imports this module again when it is the entry point (``quotebot index``).

EXIT_ERROR = 1
EXIT_USAGE = 2
ENTRY_POINTS = "quotebot.commands"
TERMINAL_CHAT = "terminal"  # the chat type terminal questions are logged under


@dataclass(frozen=True)
class Command:
    """A subcommand: its help line, the arguments it adds, and what it does (an exit code)."""

    help: str
    run: Callable[[argparse.Namespace, Settings], int]
    configure: Callable[[argparse.ArgumentParser], None] = lambda parser: None
    description: str = ""  # what ``quotebot COMMAND --help`` says it does (else ``help``)


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(en.CLI_NOT_A_COUNT.format(value=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(en.CLI_NOT_A_COUNT.format(value=text))
    return value


# Where the database is ------------------------------------------------------------------------


def database_for(args: argparse.Namespace, settings: Settings) -> Path:
    """``--db`` when given; else the bot's database for the bot's corpus, and for any other
    corpus ``<cache>/<folder name>-<hash of its path>.db``, made for it alone."""
    if args.db is not None:
        return Path(args.db)
    corpus = Path(args.corpus).resolve()
    if corpus == settings.corpus_dir.resolve():
        return settings.db_path
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", corpus.name) or "corpus"
    digest = hashlib.sha256(str(corpus).encode()).hexdigest()[:12]
    folder = cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{stem}-{digest}.db"


def _remove_database(db: Path) -> None:
    """Remove a database this command created, and whatever the library put beside it."""
    for path in db.parent.glob(glob.escape(db.name) + "*"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and the folders above it that are missing (``--db db/q.db`` in a
    new project); those made, outermost first. Making them may fail: the database says why."""
    missing = [folder, *folder.parents]
    made = [path for path in reversed(missing) if not path.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return [path for path in made if path.is_dir()]
    return made


@contextlib.contextmanager
def _unlogged(name: str) -> Iterator[None]:
    """No warnings of logger ``name`` meanwhile: what they would say is said to the user."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _say_changes(report: ReindexReport) -> None:
    """Name on stderr what a question's refresh read again (``quotebot index`` afterwards
    reported "0 changed": a tester's admin never learnt which files had), in the system's
    language, as the answer on stdout is."""
    from bot.render.admin import changes_html, reread_line
    from bot.render.plain import to_plain

    t = strings(_system_language())
    changes = changes_html(report, t)
    if changes is not None:
        print(to_plain(t.CLI_REREAD.format(changes=changes), ansi=False), file=sys.stderr)
    for line in reread_line(report, t):  # after an upgrade: not every file named as changed
        print(to_plain(line, ansi=False), file=sys.stderr)


@contextlib.contextmanager
def opened(
    args: argparse.Namespace,
    *,
    refresh: bool = True,
    make_folder: bool = False,
    say_changes: bool = True,
) -> Iterator[Library]:
    """The library of ``args``. With ``refresh`` (commands that index) the corpus is re-read and
    a damaged database set aside and rebuilt, said in one line on stderr; without, a damaged
    database is an error. With ``make_folder`` (``index``) a missing folder of the database is
    made; elsewhere it is refused, as a mistyped ``--db``. What this command created (the
    database, its folders) is removed when opening fails. With ``say_changes`` (not ``index``,
    whose report says more) the documents the refresh read again are named on stderr."""
    created = not args.db.exists()
    made = _make_folders(args.db.parent) if make_folder else []
    try:
        with _unlogged("retrieval.library"):  # a damaged database is said below, once
            library = Library.open(args.db, args.corpus, refresh=refresh, recover=refresh)
    except BaseException:
        if created:
            _remove_database(args.db)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if still empty
        raise
    if library.damaged is not None:
        said = en.CLI_DAMAGED.format(db=args.db, moved=library.damaged, corpus=args.corpus)
        print(en.CLI_ERROR.format(message=said), file=sys.stderr)
    if say_changes and library.damaged is None and not library.was_new and library.last_report:
        _say_changes(library.last_report)
    try:
        yield library
    finally:
        library.close()


@contextlib.contextmanager
def query_log(db: Path) -> Iterator[Callable[[str, str | None, Answer, float, int], None]]:
    """A function that logs a terminal question to ``db``'s query log (as ``/stats`` counts)."""
    from bot.state import StateStore

    state = StateStore.open(db)

    def log(question: str, context: str | None, answer: Answer, now: float, ms: int) -> None:
        try:
            state.log_query(
                asked_at=now, chat_id=0, chat_type=TERMINAL_CHAT, user_id=0, question=question,
                context=context, query=answer.query, shown=[h.passage.id for h in answer.hits],
                answered=answer.answered, total=answer.total, ms=ms,
                hedged=answer.outcome == "hedged",
                foreign=answer.language if answer.foreign else None,
            )  # fmt: skip
        except StateError as error:  # the answer matters more than its log line
            logging.getLogger(__name__).warning("could not log the question: %s", error)

    try:
        yield log
    finally:
        state.close()


# The subcommands --------------------------------------------------------------------------------


def _configure_question(parser: argparse.ArgumentParser, k: int) -> None:
    parser.add_argument(
        "question",
        nargs="+",
        help="the question; quotes are optional (its words are joined), and one that starts "
        "with '-' goes after '--'",
    )
    parser.add_argument(
        "--k", type=positive, default=k, help=f"how many passages to show (default {k})"
    )
    parser.add_argument("--context", help="the previous question, for a follow-up")


def ask(args: argparse.Namespace, settings: Settings) -> int:
    """Print the answer to one question as a person reads it."""
    question = " ".join(args.question)
    # The corpus first, as the chat opens it: "hello" about a missing folder was greeted (exit
    # 0) where any question was told the folder does not exist.
    with opened(args) as library:
        if is_small_talk(question):  # "hi there", "thanks, that's all": as the chat answers
            from retrieval.search.followups import plain_language

            said = small_talk_language(question) or reply_language(
                plain_language(question), _system_language(), question
            )
            print(strings(said).CLI_SMALL_TALK)
            return 0
        return _answer(args, library, question)


def _answer(args: argparse.Namespace, library: Library, question: str) -> int:
    """``ask``'s answer to a question, logged, as a person reads it."""
    from bot.render.plain import width
    from bot.terminal import Layout, render_answer

    with query_log(args.db) as log:
        started = time.perf_counter()
        answer = library.answer(question, context=args.context, k=args.k)
        log(question, args.context, answer, time.time(), _ms(started))
        documents = {document.doc: document for document in library.documents()}
        layout = Layout(width(), sys.stdout.isatty())
        speaks = _system_language()  # what a question in a language it has no words for gets
        print(render_answer(answer, layout, paging=False, documents=documents, speaks=speaks))
    return 0


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def search(args: argparse.Namespace, settings: Settings) -> int:
    """Print the ranked passages, as JSON or one line each."""
    with opened(args) as library:
        answer = library.answer(" ".join(args.question), context=args.context, k=args.k)
    rows = [
        {
            "id": hit.passage.id,
            "doc": hit.passage.doc,
            "title": hit.passage.title,
            "author": hit.passage.author,
            "section": hit.passage.section,
            "above": list(hit.passage.above) or None,
            "paragraph": hit.passage.paragraph,
            **hit.passage.part_field(),
            "page": hit.page,
            "lang": hit.passage.lang,
            "score": round(hit.score, 4),
            "text": hit.passage.text,
            "excerpt": hit.excerpt.plain,
        }
        for hit in answer.hits
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:  # not a blank screen, as if the command had not run; in the question's
        # language, as ``ask`` and ``chat`` speak ("зачем нужны анатации" was told in English)
        from bot.terminal import asked_in

        t = strings(reply_language(asked_in(answer), _system_language(), answer.question))
        print(t.CLI_SEARCH_NONE)
    for number, row in enumerate([] if args.json else rows, 1):
        print(f"{number:>3}. {row['score']:7.3f}  {row['id']}  {str(row['excerpt'])[:120]}")
    return 0


def chat(args: argparse.Namespace, settings: Settings, reader: LineReader | None = None) -> int:
    """The interactive conversation in the terminal (also ``run`` without a token)."""
    from bot.render.plain import to_plain, width
    from bot.terminal import Layout, TerminalChat
    from bot.terminalio import chat_loop

    with opened(args) as library, query_log(args.db) as log:
        layout = Layout(width(), sys.stdout.isatty())
        session = TerminalChat(
            library,
            idle_seconds=settings.conversation_idle_minutes * 60,
            layout=layout,
            log=log,
            # The terminal's user keeps the corpus folder: file names tell documents apart.
            sources=lambda t: to_plain(
                _sources_page(library.documents(), file_names=True, t=t), ansi=False
            ),
            language=_system_language(),
        )
        t = session.texts
        welcome = t.CLI_CHAT_WELCOME.format(
            documents=t.documents(len(library.documents())),
            passages=t.passages(library.passage_count()),
        )
        return chat_loop(session.handle, welcome, reader, bye=lambda: str(session.texts.CLI_BYE))


def run(args: argparse.Namespace, settings: Settings) -> int:
    """The Telegram bot; without a token, the terminal chat."""
    if settings.has_token:
        from bot.app import run_bot  # imported here: the other commands don't need Telegram

        return run_bot(settings)
    print(en.CLI_NO_TOKEN)
    return chat(args, settings)


def index(args: argparse.Namespace, settings: Settings) -> int:
    """Build or refresh the database; print the report ``/reload`` sends, or, when the refresh
    failed (as ``/reload`` would say "❌ The reload failed"), say so on stderr: exit 1."""
    from bot.errors import RELOAD_ERRORS
    from bot.render.admin import reload_failed_html, report_html
    from bot.render.plain import to_plain

    first = not args.db.exists()  # nothing was served before: none is "still served"
    # The files skipped at the last index, counted rather than named again (--verbose names
    # every one: then they are not read).
    earlier = None if first or args.verbose else _skipped_before(args.db)
    try:
        with opened(args, make_folder=True, say_changes=False) as library:
            report = library.last_report
    except RELOAD_ERRORS as error:
        reason = str(error)
    except Exception as error:  # a bug: said as /reload says it, with what it was
        # Where it happened, too, as the bot's error handler logs it for /reload: one line,
        # as every error of the command line, but enough to report it.
        frame = traceback.extract_tb(error.__traceback__)[-1]
        reason = f"{type(error).__name__}: {error} (at {Path(frame.filename).name}:{frame.lineno})"
    else:
        if report is not None:
            intro = en.CLI_INDEXED.format(folder=args.corpus, db=args.db)
            # The terminal has no message limit: every line is shown, not the first few; the
            # files skipped as at the last index are counted (a re-index with nothing changed
            # listed 1,008 again), long lists grouped unless --verbose names every file.
            shown = report_html(
                report,
                intro=[intro],
                limit=sys.maxsize,
                earlier=earlier,
                every_name=args.verbose,
            )
            # Here --verbose lists them: the terminal's /sources does not.
            shown = shown.replace(_LISTED_IN_SOURCES, _LISTED_BY_VERBOSE)
            print(to_plain(shown, ansi=sys.stdout.isatty()))
        return 0
    failed = reload_failed_html(reason, first=first)
    what, *after = to_plain(failed, ansi=False).split("\n")
    ended = what if what.endswith((".", "!", "?")) else what + "."
    said = " ".join([ended, *after])  # one line, as every error
    print(en.CLI_ERROR.format(message=said), file=sys.stderr)
    return EXIT_ERROR


_LISTED_IN_SOURCES = "(/sources lists them)"  # a Telegram admin's; said by index in English
_LISTED_BY_VERBOSE = "(quotebot index --verbose lists them)"


def _skipped_before(db: Path) -> ReindexReport | None:
    """The files the last index of ``db`` skipped and why, as the database remembers them (and
    which of them it kept at an earlier version); None when it cannot say (damaged: opening it
    says so)."""
    import sqlite3

    try:
        with contextlib.closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as c:
            skipped = c.execute("select doc, reason from skipped order by doc").fetchall()
            served = {doc for (doc,) in c.execute("select doc from documents")}
    except sqlite3.Error:
        return None
    return ReindexReport(
        skipped=tuple(SkippedFile(doc, reason) for doc, reason in skipped),
        kept=tuple(doc for doc, _ in skipped if doc in served),
    )


def _configure_index(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="name every file added, changed, removed or skipped (else a long list is counted "
        "by folder, or by reason)",
    )


def sources(args: argparse.Namespace, settings: Settings) -> int:
    """List the documents, as ``/sources`` does."""
    from bot.render.plain import to_plain

    with opened(args) as library:
        page = _sources_page(library.documents(), file_names=True)
    print(to_plain(page, ansi=sys.stdout.isatty()))
    return 0


def _sources_page(
    documents: Sequence[Document], *, file_names: bool = False, t: Strings = en
) -> str:
    """The documents as ``/sources`` lists them, on one page: a terminal has no message size
    to split at, and the splits showed as blank lines among the items."""
    from bot.render.passages import sources_html

    return sources_html(documents, file_names=file_names, limit=sys.maxsize, t=t)[0]


def _system_language() -> str:
    """The language the system speaks to its user (LC_ALL, LC_MESSAGES, LANG: "ru_RU.UTF-8"
    is Russian), as a Telegram user's ``language_code`` is theirs; English when none is set
    or the bot has no strings for it ("C.UTF-8", "de_DE")."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return language_of(value.split(".")[0])
    return "en"


def stats(args: argparse.Namespace, settings: Settings) -> int:
    """Print the figures of ``/stats`` (questions from Telegram and the terminal alike)."""
    from bot.render.plain import to_plain
    from bot.render.stats import stats_html
    from bot.state import StateStore

    if not args.db.is_file():
        raise StoreError(en.CLI_NO_DATABASE.format(path=args.db))
    with opened(args, refresh=False) as library:
        listed, passages = library.documents(), library.passage_count()
    documents, paragraphs = len(listed), sum(document.paragraphs for document in listed)
    state = StateStore.open(args.db)
    try:
        usage = state.usage(time.time())
    finally:
        state.close()
    if args.json:
        print(
            json.dumps(
                _stats_json(usage, documents, paragraphs, passages), ensure_ascii=False, indent=2
            )
        )
    else:
        text = stats_html(usage, documents=documents, paragraphs=paragraphs, passages=passages)
        print(to_plain(text, ansi=sys.stdout.isatty()) + "\n\n" + en.CLI_STATS_COUNTED)
    return 0


def _stats_json(usage: Usage, documents: int, paragraphs: int, passages: int) -> dict[str, Any]:
    figures = asdict(usage)
    for top in ("top_asked", "top_declined"):
        figures[top] = [{"question": q, "count": n} for q, n in getattr(usage, top)]
    figures["foreign"] = [{"language": c, "count": n} for c, n in usage.foreign]
    figures["corpus"] = {"documents": documents, "paragraphs": paragraphs, "passages": passages}
    return figures


def _with_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def _configure_search(parser: argparse.ArgumentParser) -> None:
    _configure_question(parser, 10)
    _with_json(parser)


COMMANDS: dict[str, Command] = {
    "ask": Command(
        "answer one question",
        ask,
        lambda p: _configure_question(p, 3),
        "Answer one question as a person reads it: the best quote with its citation (title, "
        "author, section, paragraph, page, date, source; [file, id]), then a few more, or why "
        "none answers it.",
    ),
    "search": Command(
        "ranked passages, as JSON or text",
        search,
        _configure_search,
        "The passages ranked for a question. --json gives, for each: id, doc, title, author, "
        "section, above, paragraph, page, lang, score, text, excerpt; and part, [k, n], for "
        "part k of a long paragraph cut into n passages.",
    ),
    "chat": Command(
        "interactive chat in the terminal",
        chat,
        description="Ask questions in turn: a short follow-up is read with the question before "
        'it; /more (or "more") for further results, a result\'s number ("2") to quote it, '
        "/sources, /reset, /help, /quit or Ctrl-D.",
    ),
    "index": Command(
        "build or refresh the corpus database",
        index,
        _configure_index,
        description="Read the corpus folder into the database: only files changed since are "
        "read again; every file newly not indexed is named with the reason (those skipped as "
        "at the last index are counted; many, by reason: --verbose names each), and what to "
        "fix in manifest.toml (titles, dates, sources, authors of the documents).",
    ),
    "sources": Command(
        "list the documents",
        sources,
        description="List the documents: title (author), date, paragraphs and file name.",
    ),
    "stats": Command(
        "how the bot is used: the figures of /stats",
        stats,
        _with_json,
        "How the bot is used, Telegram and terminal questions alike: the figures of /stats.",
    ),
    "run": Command(
        "start the Telegram bot (the terminal chat without a token)",
        run,
        description="Start the Telegram bot with TELEGRAM_BOT_TOKEN (from the environment or "
        ".env; .env.example explains every setting); without a token, the terminal chat.",
    ),
}


def commands(asked: str | None = None) -> dict[str, Command]:
    """The table above, and the subcommands other packages add (entry points); only the table
    when ``asked`` is one of its commands (an entry point never replaces one): loading the
    others (the benchmark's, with Telegram and httpx) took a third of a second of every
    ``quotebot ask``."""
    found = dict(COMMANDS)
    if asked in found:
        return found
    import importlib.metadata

    for entry in importlib.metadata.entry_points(group=ENTRY_POINTS):
        if entry.name not in found:
            command = entry.load()
            if isinstance(command, Command):
                found[entry.name] = command
    return found


def parser(settings: Settings, table: dict[str, Command]) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--corpus",
        type=Path,
        default=settings.corpus_dir,
        help="folder of documents (default: %(default)s; QUOTEBOT_CORPUS sets another)",
    )
    common.add_argument(
        "--db",
        type=Path,
        default=None,
        help="SQLite database file (default: the bot's for its corpus, else one in "
        f"{cache_folder()} for the corpus given)",
    )
    top = argparse.ArgumentParser(
        prog="quotebot",
        description="Answer questions by quoting passages of a document collection.",
    )
    subcommands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in table.items():
        sub = subcommands.add_parser(
            name,
            parents=[common],
            help=command.help,
            description=command.description or command.help,
        )
        sub.set_defaults(subparser=sub)  # its own usage for what it does not know (main)
        command.configure(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quotebot`` console script."""
    try:
        settings = load_settings()
    except SettingsError as error:
        print(en.CLI_ERROR.format(message=error), file=sys.stderr)
        return EXIT_USAGE
    argv = sys.argv[1:] if argv is None else argv
    table = commands(next((word for word in argv if not word.startswith("-")), None))
    args, unknown = parser(settings, table).parse_known_args(argv)
    if unknown:  # "search --jsn": search's usage, not the list of subcommands
        args.subparser.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        args.db = database_for(args, settings)
        settings = replace(settings, db_path=args.db, corpus_dir=args.corpus)
        return table[args.command].run(args, settings)
    except QuestionError as error:
        from bot.terminal import error_text

        print(en.CLI_ERROR.format(message=error_text(error)), file=sys.stderr)
    except QuotebotError as error:
        print(en.CLI_ERROR.format(message=error), file=sys.stderr)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return EXIT_ERROR


if __name__ == "__main__":  # python -m bot.cli: run the imported module, whose Command plugins use
    from bot.cli import main as imported_main

    raise SystemExit(imported_main())
