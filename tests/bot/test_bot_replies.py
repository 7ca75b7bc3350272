"""bot.replies: answers, pages, passages and source lists as Telegram HTML within 4,096."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from tgfakes import html_problems, visible

from bot import render as replies
from bot.locales import en as messages
from bot.locales import es, fr, ru, zh
from bot.render.answers import CITATION_CHARACTERS, cited, hit_line, language_names
from bot.render.html import TELEGRAM_LIMIT, tg_len
from bot.render.passages import passage_messages
from bot.state import PeriodCounts, Usage
from bot.terminal import Layout, render_answer
from retrieval.model import (
    Answer,
    Document,
    Excerpt,
    Hit,
    Passage,
    ReindexReport,
    Segment,
    SkippedFile,
)


def passage(
    n: int = 1, *, text: str = "The treaty was signed in 2001.", **kwargs: object
) -> Passage:
    fields: dict[str, object] = {
        "id": f"d001_abc-{n}",
        "doc": "001_abc.txt",
        "title": "Joint Statement",
        "section": "Security",
        "paragraph": n,
        "text": text,
        "ordinal": n,
    }
    fields.update(kwargs)
    return Passage(**fields)  # type: ignore[arg-type]


def hit(n: int = 1, segments: tuple[Segment, ...] | None = None, **kwargs: object) -> Hit:
    segments = segments or (Segment("The "), Segment("treaty", True), Segment(" was signed."))
    return Hit(passage(n, **kwargs), 10.0 / n, Excerpt(segments), n)


def answer(
    *hits: Hit, answered: bool = True, total: int | None = None, question: str = "treaty?"
) -> Answer:
    return Answer(
        question=question,
        query=question,
        hits=hits,
        answered=answered,
        confidence=1.0 if answered else 0.1,
        total=len(hits) if total is None else total,
    )


def test_telegram_length_counts_emoji_outside_the_bmp_twice() -> None:
    assert tg_len("abc") == 3
    assert tg_len("é") == 1
    assert tg_len("👍") == 2
    assert tg_len("🇨🇳") == 4


def test_answer_quotes_the_best_excerpt_with_matched_words_bold_and_cites_it() -> None:
    text = replies.answer_reply(answer(hit(1), hit(2, section=None)), bot_username="qbot").text
    assert html_problems(text) == []
    assert text.startswith("<blockquote>The <b>treaty</b> was signed.</blockquote>")
    assert "Joint Statement, Security, ¶ 1" in text
    assert messages.ANSWER_MORE_HEADER in text
    # The further hit is one line, without a section when the passage has none.
    assert re.search(r"\n2\. <a [^>]+>Joint Statement, ¶ 2</a>: The <b>treaty</b>", text)
    assert 'href="https://t.me/qbot?start=p_d001_abc-1"' in text


def test_answer_without_a_bot_name_has_no_links() -> None:
    text = replies.answer_reply(answer(hit(1))).text
    assert "<a " not in text
    assert "Joint Statement, Security, ¶ 1" in text


def test_everything_from_documents_and_users_is_escaped() -> None:
    nasty = (Segment("<script>alert('x')</script> & "), Segment("<b>", True), Segment(" *md*"))
    got = hit(1, nasty, title="A <i>title</i> & co", section="<sec>")
    text = replies.answer_reply(answer(got, question="<b>why</b>?"), context="<i>before</i>").text
    assert html_problems(text) == []
    shown = visible(text)
    assert "<script>alert('x')</script> & " in shown
    assert "A <i>title</i> & co, <sec>, ¶ 1" in shown
    assert "<i>before</i>" in shown  # the follow-up note repeats the earlier question as text
    assert "<script>" not in text


def test_follow_up_note_and_echo_say_what_was_asked() -> None:
    text = replies.answer_reply(
        answer(hit(1), question="and when?"), context="the treaty", echo=True
    ).text
    first, second = text.split("\n\n")[:2]
    assert visible(first) == "❓ and when?"
    assert visible(second) == "Read as a follow-up to “the treaty”."


def test_an_answer_too_long_for_one_message_leaves_out_whole_further_hits() -> None:
    long = "word " * 500  # each hit's excerpt alone is 2,500 characters
    hits = [hit(n, (Segment(long), Segment("treaty", True))) for n in range(1, 4)]
    reply = replies.answer_reply(answer(*hits), bot_username="qbot")
    text = reply.text
    assert tg_len(text) <= TELEGRAM_LIMIT
    assert html_problems(text) == []
    # It says how many hits it shows, so logging and "More results" go on from the right one.
    assert reply.shown == 1 + len(re.findall(r"^\d+\. ", text, re.M))
    # The best one is quoted; the lines that follow are whole or absent, each ending with "…".
    assert "¶ 1" in text
    for line in text.split("\n"):
        if re.match(r"\d+\. ", line):
            assert line.endswith("…")


def test_a_single_excerpt_longer_than_a_message_is_cut_between_words_outside_tags() -> None:
    segments = tuple(Segment(f"treaty{i} ", marked=i % 2 == 0) for i in range(2000))
    text = replies.answer_reply(answer(hit(1, segments))).text
    assert tg_len(text) <= TELEGRAM_LIMIT
    assert html_problems(text) == []
    quoted = re.search(r"<blockquote>(.*)</blockquote>", text, re.S)
    assert quoted is not None
    assert quoted.group(1).endswith(" …")
    assert re.search(r"treaty\d+(</b>)? …$", quoted.group(1))  # whole words only


def test_declined_answer_says_what_was_searched_flags_the_closest_and_hints() -> None:
    text = replies.answer_reply(answer(hit(1), hit(2), answered=False, question="moon cheese")).text
    assert html_problems(text) == []
    shown = visible(text)
    assert shown.startswith(
        "I searched the documents for “moon cheese”, but nothing in them answers it."
    )
    assert visible(messages.NO_ANSWER_CLOSEST) in shown
    assert re.findall(r"^(\d+)\. ", shown, re.M) == ["1", "2"]  # numbered as "the second one"
    assert "<blockquote>" not in text  # closest passages are not presented as the answer
    assert text.endswith(messages.NO_ANSWER_HINT)
    assert "/sources" in messages.NO_ANSWER_HINT


def test_a_declined_follow_up_says_the_question_as_asked_not_the_search() -> None:
    # The follow-up note above the reply names the earlier question, in the user's language;
    # the search string ("… (following: …)") is no sentence to show.
    declined = replace(
        answer(answered=False, question="Et avec le Pakistan ?"),
        query=("Et avec le Pakistan ? (following: Que disent la Chine et la Russie ?)"),
    )
    shown = visible(replies.answer_reply(declined).text)
    assert shown.startswith("I searched the documents for “Et avec le Pakistan ?”")
    assert "following" not in shown


def test_declined_answer_with_nothing_close_says_so() -> None:
    text = replies.answer_reply(answer(answered=False, question="zzz qqq")).text
    assert messages.NO_ANSWER_NOTHING in text
    assert messages.NO_ANSWER_CLOSEST not in text
    assert text.endswith(messages.NO_ANSWER_HINT)


def test_a_declined_example_question_is_echoed_too() -> None:
    reply = replies.answer_reply(answer(hit(1), answered=False, question="moon?"), echo=True)
    assert visible(reply.text).startswith("❓ moon?\n\nI searched")
    assert reply.shown == 1


def test_a_4096_character_question_is_shown_shortened() -> None:
    question = "why " * 1024
    text = replies.answer_reply(answer(answered=False, question=question), echo=True).text
    assert tg_len(text) <= TELEGRAM_LIMIT
    assert "why why" in text and "…" in text


def test_page_numbers_hits_by_rank_and_counts_them() -> None:
    page = answer(hit(4), hit(5), hit(6), total=40)
    text = replies.page_reply(
        page, question="treaty?", bot_username="qbot", corpus_changed=True
    ).text
    assert html_problems(text) == []
    shown = visible(text)
    assert shown.startswith("More results for “treaty?”:")
    assert visible(messages.CORPUS_CHANGED) in shown
    assert [int(n) for n in re.findall(r"^(\d+)\. ", shown, re.M)] == [4, 5, 6]
    assert shown.endswith("Results 4–6 of 40.")


def test_a_pages_quotes_of_one_document_show_its_date_and_source_once() -> None:
    document = Document(
        "001_abc.txt", "abc", "Joint Statement", date="2008-05-23", source="https://ex.org/js"
    )
    page = answer(hit(4), hit(5), hit(6), total=40)
    text = replies.page_reply(page, question="treaty?", documents={document.doc: document}).text
    assert text.count("https://ex.org/js") == 2  # the link's address and its shown text, once
    assert visible(text).count("2008-05-23") == 1


def test_full_passage_shows_title_place_text_and_a_share_link() -> None:
    text = replies.passage_html(passage(7, text="A & B <agreed>."), bot_username="qbot")
    assert html_problems(text) == []
    assert visible(text).split("\n")[:2] == ["Joint Statement", "Security · ¶ 7"]
    assert "<blockquote>A &amp; B &lt;agreed&gt;.</blockquote>" in text
    assert 'href="https://t.me/qbot?start=p_d001_abc-7"' in text


def test_a_passage_longer_than_a_message_is_cut_with_an_ellipsis() -> None:
    text = replies.passage_html(passage(1, text="Treaty & <peace> " * 600), bot_username="qbot")
    assert tg_len(text) <= TELEGRAM_LIMIT
    assert html_problems(text) == []
    assert "… </blockquote>" not in text and " …</blockquote>" in text
    assert text.endswith("Link to this passage</a>")


def test_sources_list_title_author_date_and_paragraph_count() -> None:
    documents = [
        Document("a.txt", "a", "Joint <Statement>", date="2008-05-23", paragraphs=28),
        Document("b.txt", "b", "Undated", paragraphs=3, author="Ana Ruiz"),
    ]
    (text,) = replies.sources_html(documents)
    assert html_problems(text) == []
    assert visible(text).split("\n") == [
        "The documents I quote from (2):",
        "1. Joint <Statement>, 2008-05-23 · 28 paragraphs",
        "2. Undated (Ana Ruiz) · 3 paragraphs",
    ]


def test_documents_sharing_a_title_are_told_apart_by_their_file_names() -> None:
    # A licence in English (.txt) and in French (.docx), both titled in English.
    documents = [
        Document("cc/en.txt", "a", "Attribution 4.0 International", paragraphs=68),
        Document("cc/fr.docx", "b", "Attribution 4.0 International", paragraphs=60),
        Document("code.md", "c", "Code civil", paragraphs=466),
    ]
    (text,) = replies.sources_html(documents)
    assert visible(text).split("\n")[1:] == [
        "1. Attribution 4.0 International · 68 paragraphs · cc/en.txt",
        "2. Attribution 4.0 International · 60 paragraphs · cc/fr.docx",
        "3. Code civil · 466 paragraphs",
    ]


def test_a_long_sources_list_is_split_into_messages_between_lines() -> None:
    documents = [Document(f"{n}.txt", str(n), f"Document {n} " + "x" * 150) for n in range(100)]
    pages = replies.sources_html(documents)
    assert len(pages) > 1
    assert all(tg_len(page) <= TELEGRAM_LIMIT and html_problems(page) == [] for page in pages)
    assert sum(page.count("paragraphs") for page in pages) == 100


def test_no_documents_is_said_plainly() -> None:
    assert replies.sources_html([]) == [messages.SOURCES_EMPTY]


segment_text = st.text(
    alphabet=st.sampled_from(list("ab <>&\"'é👍\u200d\n*_`[]")) | st.characters(), max_size=80
)
segments = st.lists(st.builds(Segment, segment_text, st.booleans()), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(segments, st.booleans(), st.booleans(), st.integers(min_value=0, max_value=400))
def test_excerpts_fit_any_budget_as_valid_html(
    parts: list[Segment], before: bool, after: bool, budget: int
) -> None:
    excerpt = Excerpt(tuple(parts), cut_before=before, cut_after=after)
    text = replies.excerpt_html(excerpt, budget)
    assert tg_len(text) <= budget
    assert html_problems(text) == []
    full = excerpt.render()
    # Whole (marks and inline code as tags) when that fits.
    if tg_len(replies.excerpt_html(excerpt, 10**6)) <= budget:
        shown = replies.sendable(full).replace("\u2068", "").replace("\u2069", "")  # as visible
        assert visible(text) == shown  # nothing is cut when it fits
    else:
        # What is shown is the excerpt's beginning (spaces aside), with the cut marked.
        assert text == "" or text.endswith("…")


@settings(max_examples=50, deadline=None)
@given(st.lists(segments, min_size=1, max_size=4), segment_text, st.booleans())
def test_answers_always_fit_one_message_as_valid_html(
    hit_segments: list[list[Segment]], question: str, answered: bool
) -> None:
    hits = [
        hit(n, tuple(parts * 30), title=question or "t") for n, parts in enumerate(hit_segments, 1)
    ]
    got = answer(*hits, answered=answered, question=question * 60)
    for reply in (
        replies.answer_reply(got, bot_username="qbot", context=question * 40, echo=True),
        replies.page_reply(got, question=question * 60, corpus_changed=True),
    ):
        assert tg_len(reply.text) <= TELEGRAM_LIMIT
        assert html_problems(reply.text) == []
        assert 0 <= reply.shown <= len(hits)


def test_every_html_message_is_valid_telegram_html() -> None:
    for name in dir(messages):
        value = getattr(messages, name)
        if (
            name.isupper()
            and isinstance(value, str)
            and not name.startswith(("BUTTON", "CONSOLE", "CLI_"))
        ):
            filled = re.sub(r"\{[a-z_]+\}", "x", value)
            assert html_problems(filled) == [], name


# Groups, posted passages, /quote choices and inline results ------------------------------------


def test_a_group_answer_is_one_cited_quote_and_nothing_more() -> None:
    reply = replies.group_answer_reply(answer(hit(1), hit(2), hit(3)), bot_username="qbot")
    assert reply.shown == 1
    assert html_problems(reply.text) == []
    assert reply.text.startswith("<blockquote>The <b>treaty</b> was signed.</blockquote>\n— ")
    assert 'href="https://t.me/qbot?start=p_d001_abc-1"' in reply.text
    assert "¶ 2" not in reply.text and messages.ANSWER_MORE_HEADER not in reply.text


def test_a_group_answer_keeps_a_long_excerpt_short() -> None:
    long = tuple(Segment(f"treaty{i} ", marked=i % 3 == 0) for i in range(1000))
    reply = replies.group_answer_reply(answer(hit(1, long)), context="the treaty")
    assert tg_len(reply.text) <= replies.GROUP_QUOTE + 200
    assert html_problems(reply.text) == []
    assert visible(reply.text).startswith("Read as a follow-up to “the treaty”.")


def test_a_declined_group_answer_says_so_in_a_line_without_quoting() -> None:
    reply = replies.group_answer_reply(answer(hit(1), answered=False, question="moon <cheese>"))
    assert reply.shown == 0
    assert "<blockquote>" not in reply.text
    assert visible(reply.text) == (
        "I searched the documents for “moon <cheese>”, but nothing in them answers it.\n\n"
        + messages.GROUP_NO_ANSWER_HINT
    )


def test_a_posted_passage_is_quoted_whole_and_collapsed_only_when_long() -> None:
    short = replies.quote_post(passage(3, text="A & B <agreed>."), bot_username="qbot")
    assert short == (
        "<blockquote>A &amp; B &lt;agreed&gt;.</blockquote>\n— "
        '<a href="https://t.me/qbot?start=p_d001_abc-3">Joint Statement, Security, ¶ 3</a>'
    )
    text = "The treaty was signed. " * 30
    long = replies.quote_post(passage(4, text=text.strip()), bot_username="qbot")
    assert long.startswith("<blockquote expandable>")
    assert visible(long).startswith(text.strip() + "\n— Joint Statement")


def test_a_passage_too_long_for_a_message_is_posted_cut_with_its_citation() -> None:
    text = replies.quote_post(passage(1, text="Treaty & <peace> " * 600), bot_username="qbot")
    assert tg_len(text) <= TELEGRAM_LIMIT
    assert html_problems(text) == []
    assert " …</blockquote>\n— <a " in text
    assert text.endswith("Joint Statement, Security, ¶ 1</a>")


def test_quote_choices_are_numbered_by_rank_with_citation_and_excerpt() -> None:
    got = answer(hit(1), hit(2, title="<Other> & co", section=None), question="treaty")
    reply = replies.choices_reply(got, words="treaty <x>")
    assert reply.shown == 2
    assert html_problems(reply.text) == []
    assert visible(reply.text).split("\n\n") == [
        "Several passages match “treaty <x>”. Which one shall I post?",
        "1. Joint Statement, Security, ¶ 1: The treaty was signed.",
        "2. <Other> & co, ¶ 2: The treaty was signed.",
    ]
    assert replies.choice_label(got.hits[1]) == "2. ¶ 2 · <Other> & co"


def test_inline_title_and_description_are_plain_and_short() -> None:
    long_title = "A very long document title " * 20
    got = hit(2, (Segment("word " * 200), Segment("treaty", True)), title=long_title)
    assert len(replies.inline_title(got.passage)) <= replies.INLINE_TITLE
    assert replies.inline_title(hit(5).passage) == "Joint Statement, Security, ¶ 5"
    description = replies.inline_description(got)
    assert len(description) <= replies.INLINE_DESCRIPTION
    assert description.startswith("word word") and description.endswith("…")
    assert "<" not in replies.inline_description(hit(1))


@settings(max_examples=50, deadline=None)
@given(st.lists(segments, min_size=1, max_size=3), segment_text, st.booleans(), segment_text)
def test_group_answers_posts_and_choices_always_fit_as_valid_html(
    hit_segments: list[list[Segment]], question: str, answered: bool, text: str
) -> None:
    hits = [
        hit(n, tuple(parts * 30), title=question or "t", text=(text or "x") * 80)
        for n, parts in enumerate(hit_segments, 1)
    ]
    got = answer(*hits, answered=answered, question=question * 60)
    texts = [
        replies.group_answer_reply(got, bot_username="qbot", context=question * 40, echo=True).text,
        replies.choices_reply(got, words=question * 60).text,
        *(replies.quote_post(h.passage, bot_username="qbot") for h in hits),
    ]
    for text_ in texts:
        assert tg_len(text_) <= TELEGRAM_LIMIT
        assert html_problems(text_) == []


# Admins ---------------------------------------------------------------------------------------


def test_a_reload_s_time_is_written_with_the_reader_s_decimal_mark() -> None:
    # "Перезагружено за 0.0 с.": Russian, French and Spanish write 0,0.
    report = ReindexReport(unchanged=("a.txt",), seconds=1.25)
    assert "за 1,2 с." in visible(replies.report_html(report, t=ru))
    assert "1,2" in visible(replies.report_html(report, t=fr))
    assert "1.2 秒" in visible(replies.report_html(report, t=zh))


def test_a_reload_report_counts_many_files_skipped_for_one_reason_in_a_line() -> None:
    skipped = tuple(
        SkippedFile(f"media/shot-{n:03}.png", "unsupported type (.png)") for n in range(774)
    )
    report = ReindexReport(unchanged=("a.txt",), skipped=(*skipped, SkippedFile("x.yz", "empty")))
    shown = visible(replies.report_html(report))
    # "774 × media/shot-000.png" read as one file skipped 774 times.
    assert shown.endswith(
        "Skipped (not indexed):\n"
        "• media/shot-000.png and 773 more: unsupported type (.png)\n• x.yz: empty"
    )
    said = {es: "y 773 más", fr: "et encore 773", ru: "и ещё 773", zh: "还有 773 个"}
    for t, more in said.items():  # in each language, after the name, not in its code font
        assert f"<code>media/shot-000.png</code> {more}" in replies.report_html(report, t=t)


def test_a_reload_report_with_many_skipped_files_fits_one_message() -> None:
    report = ReindexReport(
        added=tuple(f"new_{n}.txt" for n in range(300)),
        unchanged=("a.txt",),
        # Each its own reason (many for one reason are one line: a test of its own)
        skipped=tuple(
            SkippedFile(f"<bad & {n}>.txt", f"binary, not text ({n})") for n in range(500)
        ),
        paragraphs_before=10,
        paragraphs_after=20,
        seconds=1.25,
    )
    text = replies.report_html(report, intro=["📄 Saved <code>x.txt</code>."])
    assert tg_len(text) <= TELEGRAM_LIMIT and html_problems(text) == []
    shown = visible(text)
    assert shown.startswith("📄 Saved x.txt.\n\n✅ Reloaded in 1.2 s.\nDocuments: 300 added")
    listed = re.findall(r"^• <bad & (\d+)>\.txt: binary, not text \(\d+\)$", shown, re.M)
    assert listed == [str(n) for n in range(len(listed))] and 10 < len(listed) < 500
    assert shown.endswith(f"…and {500 - len(listed)} more (/sources lists them all).")
    # The names added: as many as fit, then how many more, never a bare "…".
    added = re.search(r"^Added: (.*)$", shown, re.M)
    assert added is not None
    names = re.findall(r"new_(\d+)\.txt", added[1])
    assert names == [str(n) for n in range(len(names))] and 10 < len(names) < 300
    more = f"…and {300 - len(names)} more (/sources lists them all)."  # where the rest are
    assert added[1].endswith(f"new_{len(names) - 1}.txt {more}")


@given(st.text(max_size=400), st.integers(0, 10**6))
@settings(max_examples=50)
def test_stats_are_valid_html_whatever_was_asked(question: str, count: int) -> None:
    counts = PeriodCounts(count, count // 2, count - count // 2, count, 0)
    usage = Usage(counts, counts, counts, ((question, count),) * 5, ((question, 1),) * 5)
    text = replies.stats_html(usage, documents=3, paragraphs=count, passages=count)
    assert html_problems(text) == [] and tg_len(text) <= TELEGRAM_LIMIT


# Citations: page, date and source; code as code --------------------------------------------------

DOCUMENT = Document(
    doc="001_abc.txt",
    key="d001_abc",
    title="Joint Statement",
    date="2008-05-23",
    source="https://example.org/statement?id=1&lang=en",
)


def test_a_citation_shows_the_page_the_date_and_the_source_as_a_link() -> None:
    reply = replies.answer_reply(
        answer(hit(1, page=12), hit(2, page=13)),
        bot_username="qbot",
        documents={DOCUMENT.doc: DOCUMENT},
    )
    assert html_problems(reply.text) == []
    cite = reply.text.split("</blockquote>")[1].split("\n")[1]
    assert visible(cite) == (
        "— Joint Statement, Security, ¶ 1, p. 12 · 2008-05-23 · "
        "https://example.org/statement?id=1&lang=en"
    )
    assert '<a href="https://example.org/statement?id=1&amp;lang=en">' in cite
    assert "¶ 2, p. 13" in visible(reply.text)  # further hits name their page too


def test_a_passage_under_a_dated_heading_is_not_cited_with_the_document_s_date() -> None:
    # A CHANGELOG is dated by its newest release: a 2020 fix was cited
    # "… mkdocs-material-6.1.7 (2020-12-13) › ¶ 468 · 2026-03-19", a date it is not of.
    changelog = replace(DOCUMENT, date="2026-03-19")
    dated = hit(1, section="mkdocs-material-6.1.7 (2020-12-13)")
    documents = {DOCUMENT.doc: changelog}
    cite = visible(replies.answer_reply(answer(dated), documents=documents).text).split("\n")[1]
    assert cite == (
        "— Joint Statement, mkdocs-material-6.1.7 (2020-12-13), ¶ 1 · "
        "https://example.org/statement?id=1&lang=en"
    )
    plain = visible(replies.answer_reply(answer(hit(1)), documents=documents).text)
    assert "— Joint Statement, Security, ¶ 1 · 2026-03-19 · " in plain  # no date of its own
    full = visible(replies.passage_html(dated.passage, document=changelog))
    assert "2020-12-13" in full and "2026-03-19" not in full


def test_a_quote_from_a_paragraphs_second_page_cites_that_page_and_the_whole_passage_both() -> None:
    """A paragraph starting on p. 27 and running onto p. 28: the quote from its end cites p. 28,
    a quote across the break pp. 27–28, the full passage pp. 27–28 (in the reader's language)."""
    text = "Kerning is off by default. Readers of English would be confused by it."
    turn = ((len("Kerningisoffbydefault.Readers"), 28),)  # "of English …" stands on p. 28
    ending = (Segment("of English would be confused by it."),)
    across = (Segment("Readers of English would be confused by it."),)
    later = hit(1, text=text, page=27, turns=turn, segments=ending)
    spanning = hit(1, text=text, page=27, turns=turn, segments=across)
    assert visible(replies.answer_reply(answer(later)).text).endswith("¶ 1, p. 28")
    assert visible(replies.answer_reply(answer(spanning)).text).endswith("¶ 1, pp. 27–28")
    full = replies.passage_html(later.passage, t=ru)
    assert "¶ 1, с. 27–28" in visible(full)


def test_a_source_that_is_no_url_is_plain_text_and_no_page_says_no_page() -> None:
    book = Document(doc="001_abc.txt", key="d001_abc", title="T", source="Xinhua, print edition")
    reply = replies.answer_reply(answer(hit(1)), documents={book.doc: book})
    assert "· Xinhua, print edition" in visible(reply.text) and "p. " not in visible(reply.text)
    assert reply.text.count("<a ") == 0


def test_code_is_quoted_as_code_without_marks_inside() -> None:
    code = hit(1, text="pip install markdown", kind="code")
    reply = replies.answer_reply(answer(code), bot_username="qbot")
    assert reply.text.startswith("<pre>") and "<b>" not in reply.text.split("</pre>")[0]
    assert html_problems(reply.text) == []
    full = replies.passage_html(code.passage, document=DOCUMENT)
    assert "<pre>pip install markdown</pre>" in full and "2008-05-23" in full
    assert replies.quote_post(code.passage).startswith("<pre>")


INTRO = "To convert a file, pass its name to the markdown command:"
LISTING = "pip install markdown\npython -m markdown README.md > README.html"


def code_hit(segments: tuple[Segment, ...], **kwargs: object) -> Hit:
    text = f"{INTRO}\n\n{LISTING}"
    fields: dict[str, object] = {"text": text, "kind": "code", "code_at": len(INTRO) + 2}
    fields.update(kwargs)
    return Hit(passage(1, **fields), 10.0, Excerpt(segments), 1)


def test_the_sentence_introducing_code_is_prose_and_only_the_code_is_code() -> None:
    marked = (Segment("To "), Segment("convert", True), Segment(INTRO[len("To convert") :]))
    reply = replies.answer_reply(answer(code_hit(marked)), bot_username="qbot").text
    assert html_problems(reply) == []
    prose, code = reply.split("<pre>", 1)
    assert "<blockquote>To <b>convert</b> a file" in prose and "pip" not in prose
    assert code.startswith(LISTING.replace(">", "&gt;") + "</pre>")  # the excerpt's cut kept it
    full = replies.passage_html(code_hit(marked).passage)
    assert "<blockquote>To convert a file" in full and f"<pre>{LISTING[:20]}" in full
    assert "<pre>To convert" not in replies.quote_post(code_hit(marked).passage)


def test_an_excerpt_inside_the_code_still_shows_its_introducing_sentence() -> None:
    inside = (Segment("python -m "), Segment("markdown", True), Segment(" README.md"))
    reply = replies.group_answer_reply(answer(code_hit(inside))).text
    assert html_problems(reply) == []
    assert reply.startswith(f"<blockquote>{INTRO}</blockquote>\n<pre>pip install")
    page = replies.page_reply(answer(code_hit(inside)), question="convert?").text
    assert f"<blockquote>{INTRO}</blockquote>\n<pre>pip install" in page


def test_a_long_listing_is_cut_at_a_line_end_within_the_message() -> None:
    lines = "\n".join(f"x{n} = compute({n}) & more" for n in range(600))
    hit_ = code_hit((Segment(INTRO),), text=f"{INTRO}\n\n{lines}")
    reply = replies.answer_reply(answer(hit_)).text
    assert html_problems(reply) == [] and tg_len(reply) <= TELEGRAM_LIMIT
    assert re.search(r"\) &amp; more\n…</pre>", reply)


def test_the_terminal_quotes_the_introducing_sentence_then_indents_the_code() -> None:
    inside = (Segment("python -m "), Segment("markdown", True), Segment(" README.md"))
    text = render_answer(answer(code_hit(inside)), Layout(columns=200)).splitlines()
    assert text[:3] == [
        f"  “{INTRO}”",
        "      pip install markdown",
        f"      {LISTING.split(chr(10))[1]}",
    ]


def test_a_file_path_is_never_shown_as_a_source() -> None:
    saved = Document(doc="faq.html", key="faq", title="FAQ", source="file:///home/me/faq.html")
    reply = replies.answer_reply(answer(hit(1, doc="faq.html")), documents={"faq.html": saved})
    assert "file:" not in reply.text and "·" not in visible(reply.text)
    lines = render_answer(answer(hit(1, doc="faq.html")), documents={"faq.html": saved})
    assert "file:" not in lines


def test_the_terminal_shows_a_lists_items_on_lines_of_their_own() -> None:
    listed = "Two rules:\n1. Never use vertical rules.\n2. Never use double rules."
    lines = render_answer(answer(hit(1, segments=(Segment(listed),), text=listed))).splitlines()
    assert lines[:3] == [
        "  “Two rules:",
        "  1. Never use vertical rules.",
        "  2. Never use double rules.”",
    ]


def test_a_further_code_hit_is_one_line_its_sentence_or_its_first_line_as_code() -> None:
    inside = (Segment("python -m "), Segment("markdown", True), Segment(" README.md"))
    bare = hit(2, text=LISTING, kind="code", segments=(Segment(LISTING),))
    reply = replies.answer_reply(answer(hit(1), code_hit(inside), bare)).text
    assert html_problems(reply) == []
    further = reply.split(messages.ANSWER_MORE_HEADER)[1].strip().split("\n")
    assert len(further) == 2
    assert further[0].endswith(f": {INTRO}") and further[1].endswith(
        ": <code>pip install markdown</code>"
    )


def test_a_passage_found_for_a_question_in_another_language_is_quoted_hedged_with_theirs() -> None:
    """An English question to documents in French and Spanish that found a passage by the
    words both languages write: quoted, hedged, and the reader told what the documents are in
    — in a private chat, a group and the terminal alike. Declined: that line, then the closest
    passages (in a group, only that line)."""
    found = Answer(
        question="Where is the configuration of kernel modules stored?",
        query="Where is the configuration of kernel modules stored?",
        hits=(hit(1, segments=(Segment("La "), Segment("configuration", True), Segment(" …"))),),
        answered=True,
        confidence=0.5,
        outcome="hedged",
        language="en",
        corpus_languages=("fr", "es"),
    )
    told = messages.WRONG_LANGUAGE.format(languages="French and Spanish")
    # That line first, as over a declined question's passages: between the hedge and the
    # further results it read as said of the first passage alone (a tester's German question).
    for reply in (replies.answer_reply(found), replies.group_answer_reply(found)):
        text = visible(reply.text)
        assert text.startswith(told)
        assert "La configuration …" in text and visible(messages.HEDGED) in text
    terminal = render_answer(found)
    assert terminal.startswith(told)
    assert "La **configuration**" in terminal and messages.CLI_HEDGED in terminal
    nothing = Answer(**{**found.__dict__, "answered": False, "outcome": "declined"})
    declined = visible(replies.answer_reply(nothing).text)  # told, then the closest passages
    assert declined.startswith(told) and "La configuration …" in declined
    assert visible(replies.group_answer_reply(nothing).text) == told
    terminal = render_answer(nothing)  # as in the private chat
    assert terminal.startswith(told) and "La **configuration**" in terminal
    # Named in the reader's language, as their list is written: never "English" in Chinese.
    for t, names in (
        (zh, "法语和西班牙语"),
        (ru, "французский и испанский"),
        (fr, "français et espagnol"),
    ):
        assert t.WRONG_LANGUAGE.format(languages=names) in replies.answer_reply(nothing, t=t).text
    # Spanish says "y" as "e" before an "i" sound: "español e inglés", not "español y inglés".
    assert language_names(("es", "en"), es) == "español e inglés"
    assert language_names(("es", "fr"), es) == "español y francés"


def test_a_long_citation_shortens_its_section_and_keeps_the_paragraph_and_page() -> None:
    # "— Chapitre 7…, 7.9. Que signifie qu'un paquet dépend (Depends)… remplace…" lost its ¶ 60.
    section = (
        "7.9. Que signifie qu'un paquet dépend (Depends), recommande (Recommends), suggère "
        "(Suggests), entre en conflit (Conflicts), remplace (Replaces), casse (Breaks) ou "
        "fournit (Provides) un autre paquet ?"
    )
    title = "Chapitre 7. Les bases du système de gestion des paquets Debian " * 2
    long = hit(60, title=title, section=section, above=("Chapitre 7",), page=31)
    reply = replies.answer_reply(answer(long, hit(2)), bot_username="qbot", t=fr)
    cite = visible(reply.text.split("</blockquote>")[1].split("\n")[1])
    assert cite.startswith("— Chapitre 7. Les bases") and cite.endswith("¶ 60, p. 31")
    assert "…" in cite and len(cite) <= 2 + CITATION_CHARACTERS
    assert replies.inline_title(long.passage, fr).endswith("¶ 60, p. 31")
    for limit in range(20, 200, 7):  # whatever the room, the ¶ stays whole
        shown = cited(long, fr, limit)
        assert shown.endswith("¶ 60, p. 31") and len(shown) <= max(limit, 30), (limit, shown)


def test_a_list_line_puts_its_colon_as_the_reader_s_language_does() -> None:
    # fr "¶ 81: Les paquets…" (French spaces its colons); zh "¶ 46，第 6 页: If you…" (ASCII).
    line = hit(3, segments=(Segment("Les paquets"),))
    assert "\u00a0: Les paquets" in hit_line(line, None, fr)
    assert "：Les paquets" in hit_line(line, None, zh)
    assert ": Les paquets" in hit_line(line, None, ru)


def test_skip_reasons_and_manifest_problems_are_said_in_the_reader_s_language() -> None:
    # "damaged: not a PDF file" and "line 5: date … is not a date" stayed English in ru/zh/fr/es.
    report = ReindexReport(
        unchanged=("a.txt",),
        skipped=(
            SkippedFile("fake.pdf", "damaged: not a PDF file"),
            SkippedFile("odd.bin", "some reason no locale knows"),
            SkippedFile("scan.pdf", "an image (PNG), not a .pdf file: its text needs OCR"),
        ),
        manifest_problems=(
            "line 5: date '2020-13-45' is not a date (use 2024-05-01, or 2024-05, or 2024)",
        ),
    )
    shown = visible(replies.report_html(report, t=ru))
    assert "• fake.pdf: повреждён: это не PDF-файл" in shown
    assert "строка 5: дата «2020-13-45» — не дата" in shown
    assert "• odd.bin: some reason no locale knows" in shown  # as it is, rather than nothing
    assert "• scan.pdf: изображение (PNG), а не файл .pdf: его текст нужно распознать" in shown
    assert "已损坏：不是 PDF 文件" in visible(replies.report_html(report, t=zh))


def test_a_report_of_a_renamed_folder_and_its_stale_manifest_fits_one_message() -> None:
    # 60 files moved to another folder, the manifest still naming the old paths: the names and
    # the manifest's problems made a report of 4,334 characters, which Telegram refused.
    chapter = "administration/chapter-{:02d}-configuring-the-server-for-production.md"
    old = [f"documentation/{chapter.format(i)}" for i in range(60)]
    new = [f"user-guide/{chapter.format(i)}" for i in range(60)]
    missing = "is listed but there is no such file — did you mean"
    problems = tuple(
        f"line {2 * i + 1}: '{o}' {missing} '{n}'?"
        for i, (o, n) in enumerate(zip(old, new, strict=True))
    )
    report = ReindexReport(added=tuple(new), removed=tuple(old), manifest_problems=problems)
    text = replies.report_html(report)
    assert tg_len(text) <= TELEGRAM_LIMIT and not html_problems(text)
    assert "more" in visible(text)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=3000, max_value=9000), st.integers(min_value=1, max_value=12))
def test_a_full_passage_in_parts_fits_every_message_and_loses_no_word(
    length: int, title_words: int
) -> None:
    # The first part, with the heading and (when it is the only part) the share link, was
    # measured against the larger of the two alone: 4,100 units where Telegram takes 4,096.
    text = " ".join(f"w{n}" for n in range(length // 5))
    passage = Passage(
        id="some_document_key-12",
        doc="doc.txt",
        title="A title of a document " * title_words,
        section="Section heading " * 3,
        paragraph=3,
        text=text,
        ordinal=12,
    )
    parts = passage_messages(passage, bot_username="quote_bot")
    assert all(tg_len(part) <= TELEGRAM_LIMIT for part in parts)
    assert all(word in "".join(parts) for word in text.split()[-3:])
