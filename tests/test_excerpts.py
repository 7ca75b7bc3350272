"""Excerpts: the best 1 to 3 consecutive sentences, matched words marked, cuts flagged."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.model import Excerpt, Segment
from retrieval.search.analyzer import Analyzer, Synonyms, default_synonyms_path
from retrieval.search.excerpts import (
    MAX_SENTENCES,
    QuestionTerms,
    excerpt,
    fragments,
    matches_of,
    past_label,
    pick,
)
from retrieval.sentences import fragment_spans, sentence_spans

ANALYZER = Analyzer(Synonyms.load(default_synonyms_path()))


def weights_for(question: str) -> dict[str, float]:
    return dict.fromkeys(ANALYZER.terms(question), 1.0)


def marked(result: Excerpt) -> list[str]:
    return [s.text for s in result.segments if s.marked]


def body(result: Excerpt) -> str:
    return "".join(s.text for s in result.segments)


# ------------------------------------------------------------------------------ choosing the window
def test_window_covering_more_distinct_terms_wins_over_repeating_one() -> None:
    text = (
        "The harbour is old. The harbour is busy and the harbour is loud. "
        "Nothing else happened. The harbour needs new cranes."
    )
    result = excerpt(text, ANALYZER, weights_for("harbour cranes"))
    assert body(result) == "The harbour needs new cranes."


def test_window_may_span_sentences_to_cover_more_terms() -> None:
    text = (
        "Officials met in Rotterdam. The harbour needs new cranes. "
        "The cranes will cost ten million euros. The weather was fine."
    )
    result = excerpt(text, ANALYZER, weights_for("how much will the harbour cranes cost"))
    assert body(result) == "The harbour needs new cranes. The cranes will cost ten million euros."
    assert result.cut_before and result.cut_after


def test_an_edge_sentence_that_adds_no_term_is_left_out() -> None:
    text = "The harbour needs new cranes. The weather was fine. Officials went home."
    frags = fragments(text, ANALYZER)
    assert pick(frags, weights_for("harbour cranes")) == (0, 1)


def test_a_window_is_at_most_three_sentences() -> None:
    text = "Alpha came. Beta came. Gamma came. Delta came. Epsilon came."
    frags = fragments(text, ANALYZER)
    first, last = pick(frags, weights_for("alpha beta gamma delta epsilon"))
    assert last - first == MAX_SENTENCES


def test_no_matching_term_gives_the_first_sentence() -> None:
    text = "The harbour needs new cranes. The weather was fine."
    result = excerpt(text, ANALYZER, weights_for("volcano"))
    assert body(result) == "The harbour needs new cranes."
    assert not result.cut_before and result.cut_after
    assert marked(result) == []


def test_heavier_term_wins_over_lighter_one() -> None:
    # Four sentences apart: no window of three covers both words, so the weight decides.
    text = (
        "The harbour needs new cranes. Officials met in spring. The weather was fine. "
        "The volcano erupted last year."
    )
    frags = fragments(text, ANALYZER)
    terms = ANALYZER.terms("harbour volcano")
    assert pick(frags, {terms[0]: 0.2, terms[1]: 3.0}) == (3, 4)
    assert pick(frags, {terms[0]: 3.0, terms[1]: 0.2}) == (0, 1)


# ------------------------------------------------------------------------------ marks and cuts
def test_matched_words_are_marked_exactly_as_written() -> None:
    text = (
        "The two sides believe that the establishment of a global anti-missile system is not "
        "in the interest of strategic balance. They oppose weapons in space."
    )
    result = excerpt(
        text, ANALYZER, weights_for("What about missile defence and strategic balance?")
    )
    assert marked(result) == ["anti-missile system", "strategic", "balance"]
    assert body(result) == text.split(" They")[0]
    assert not result.cut_before and result.cut_after


def test_possessive_and_synonym_words_are_marked_whole() -> None:
    text = "China’s peacekeepers served in Liberia with the United Nations."
    result = excerpt(text, ANALYZER, weights_for("UN peacekeeping by China"))
    assert marked(result) == ["China’s", "peacekeepers", "United Nations"]


def test_plain_rendering_shows_ellipses_where_the_passage_was_cut() -> None:
    text = "First sentence here. The harbour needs new cranes. Last sentence here."
    result = excerpt(text, ANALYZER, weights_for("harbour"))
    assert result.plain == "… The harbour needs new cranes. …"
    whole = excerpt("The harbour needs new cranes.", ANALYZER, weights_for("harbour"))
    assert whole.plain == "The harbour needs new cranes."


def test_render_escapes_every_run_and_wraps_only_marked_runs() -> None:
    result = Excerpt(
        (Segment("Tom & <Jerry> "), Segment("<b>harbour</b>", marked=True), Segment(' "end"')),
        cut_before=True,
    )
    rendered = result.render(mark=lambda t: f"<b>{t}</b>", escape=html.escape, ellipsis="&hellip;")
    assert rendered == (
        "&hellip; Tom &amp; &lt;Jerry&gt; <b>&lt;b&gt;harbour&lt;/b&gt;</b> &quot;end&quot;"
    )


_WORDS = "harbour cranes volcano trade peace treaty ships port china russia".split()
_sentence = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    st.sampled_from([*_WORDS, "the", "officials"]),
    st.lists(st.sampled_from([*_WORDS, "the", "and", "<b>", "&", "of"]), max_size=10),
    st.sampled_from([".", "!", "?"]),
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(_sentence, min_size=1, max_size=8).map(" ".join),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
)
def test_excerpt_is_consecutive_sentences_with_marks_exactly_on_question_words(
    text: str, question: list[str]
) -> None:
    weights = weights_for(" ".join(question))
    frags = fragments(text, ANALYZER)
    first, last = pick(frags, weights)
    assert 0 <= first < last <= len(frags)
    assert 1 <= last - first <= MAX_SENTENCES
    result = excerpt(text, ANALYZER, weights)
    # The excerpt is the text of those sentences, unchanged, cut flags set where text is left out.
    assert body(result) == text[frags[first].start : frags[last - 1].end]
    assert result.cut_before == (first > 0)
    assert result.cut_after == (last < len(frags))
    # Every marked run is a question word, and every question word in the excerpt is marked.
    for run in marked(result):
        assert set(ANALYZER.terms(run)) & set(weights), run
    unmarked = " ".join(s.text for s in result.segments if not s.marked)
    assert not set(ANALYZER.terms(unmarked)) & set(weights)
    # Rendering with an escape function leaves no raw markup from the text.
    rendered = result.render(mark=lambda t: f"[{t}]", escape=html.escape)
    assert "<" not in rendered
    assert html.unescape(re.sub(r"[\[\]]", "", rendered)).strip("… ") == body(result).strip()


@pytest.mark.parametrize(
    ("question", "expected"),
    [("harbour", ["harbour"]), ("harbours", ["harbour"]), ("HARBOUR", ["harbour"])],
)
def test_marks_follow_the_analyzer_not_the_spelling_of_the_question(
    question: str, expected: list[str]
) -> None:
    result = excerpt("The harbour needs new cranes.", ANALYZER, weights_for(question))
    assert marked(result) == expected


def test_a_passages_label_alone_is_quoted_with_the_sentence_it_names(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "Duration." was all a quote of the licence's term showed: its one useful sentence cut.
    library = write_library(
        {
            "licence.md": (
                "# Licence\n\n"
                "Duration. It applies for as long as the copyright in the work lasts.\n\n"
                "Other rights. Moral rights are not licensed under this Public License.\n"
            ),
        },
    )
    quoted = library.answer("what is the licence's duration?").hits[0].excerpt.plain
    assert quoted == "Duration. It applies for as long as the copyright in the work lasts."
    # A label that is more than a few words is a sentence of its own, quoted alone.
    assert not past_label_applies("The term of this licence is set out in section six.")


def past_label_applies(sentence: str) -> bool:
    text = f"{sentence} Another sentence follows it here."
    frags = fragments(text, Analyzer())
    matches = matches_of(frags, QuestionTerms({"term": 1.0}))
    return past_label(text, matches, (0, 1)) != (0, 1)


# ---------------------------------------------------------------- text without sentence punctuation
# A cleaned abstract as some collections ship them: small letters, no stops, no numbers (written
# for these tests). Quoted whole, as it was, the answer was a wall of 15-24 lines.
UNPUNCTUATED = (
    "background green tea widely consumed beverage asia studies suggested catechins may influence "
    "sleep patterns adults objective study examined whether evening green tea consumption alters "
    "sleep onset latency total sleep duration healthy volunteers methods randomised crossover "
    "trial volunteers recruited university campus participants consumed decaffeinated green tea "
    "placebo beverage evening two weeks washout period sleep recorded wrist actigraphy daily "
    "diaries questionnaires mood fatigue completed each morning blood samples collected baseline "
    "end each period measure plasma catechin levels results participants completed both periods "
    "adherence high plasma catechins rose tea period placebo period sleep onset latency differ "
    "periods total sleep duration similar self reported fatigue lower tea period mood scores "
    "unchanged adverse events reported conclusions evening decaffeinated green tea shortened "
    "morning fatigue healthy adults without changing how long they slept further trials older "
    "adults insomnia warranted"
)


def test_an_unpunctuated_passage_is_quoted_as_a_window_around_the_matches(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library({"tea.txt": UNPUNCTUATED + "\n"})
    hit = library.answer("does decaffeinated green tea reduce morning fatigue?").hits[0]
    quoted = hit.excerpt.plain
    words = quoted.strip("… ").split()
    assert 30 <= len(words) <= 60  # a sentence's length, not the 150 words of the passage
    assert quoted.startswith("… ") and quoted.endswith(" …")
    assert "decaffeinated green tea shortened morning fatigue" in quoted  # the conclusion
    # cut between words: the words at both ends are whole words of the passage
    assert f" {' '.join(words)} " in f" {UNPUNCTUATED} "


def test_an_unpunctuated_run_after_a_label_is_quoted_in_whole_words(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The window's words were found at offsets from the run's start taken as the passage's:
    # after "Background: " it was quoted 12 characters on, "… gh plasma …", "… without cha …".
    library = write_library({"tea.txt": f"Tea study\n\nBackground: {UNPUNCTUATED}\n"})
    hit = library.answer("does decaffeinated green tea reduce morning fatigue?").hits[0]
    words = hit.excerpt.plain.strip("… ").split()
    assert "decaffeinated green tea shortened morning fatigue" in hit.excerpt.plain
    assert f" {' '.join(words)} " in f" {UNPUNCTUATED} "


def test_a_punctuated_passage_of_long_sentences_is_quoted_as_before() -> None:
    # A preamble's clause or a statute's long sentence: punctuated text, one sentence.
    long_sentence = " ".join(UNPUNCTUATED.split()[:75]) + "."
    text = f"{long_sentence} Another sentence follows it here."
    result = excerpt(text, ANALYZER, weights_for("morning fatigue catechins"))
    assert body(result) == long_sentence
    assert sentence_spans(text) == fragment_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        UNPUNCTUATED + ".",  # its one stop at the end
        "Background: " + UNPUNCTUATED,  # a label before it
        UNPUNCTUATED + ". Conclusions were drawn.",  # a sentence after it
    ],
)
def test_an_unpunctuated_run_inside_punctuated_text_is_cut_too(text: str) -> None:
    # It was quoted whole (126 to 140 words) whenever one mark stood anywhere in the passage.
    pieces = fragment_spans(text)
    assert len(pieces) >= 6
    assert all(len(text[a:b].split()) <= 25 for a, b in pieces)


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["ข้อความภาษาไทยไม่มีจุด"] * 120),  # Thai: phrases apart, no stops, no case
        "\n".join(UNPUNCTUATED.split()),  # a list, one word a line
        # stops every 40 words: punctuated
        ". ".join(" ".join(UNPUNCTUATED.split()[i : i + 40]) for i in range(0, 160, 40)),
    ],
)
def test_only_a_long_unpunctuated_run_of_cased_words_is_cut(text: str) -> None:
    assert fragment_spans(text) == sentence_spans(text)


def test_an_unpunctuated_run_is_cut_into_pieces_of_words_covering_it() -> None:
    pieces = fragment_spans(UNPUNCTUATED)
    assert len(pieces) == round(len(UNPUNCTUATED.split()) / 20)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(UNPUNCTUATED)
    for (_, end), (start, _) in itertools.pairwise(pieces):
        assert UNPUNCTUATED[end:start] == " "  # every cut between two words
