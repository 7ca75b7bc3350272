"""A question that quotes a passage word for word (a pasted error message) comes to it first."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.model import Excerpt, Passage, Segment
from retrieval.search.rank import Ranked, brought_first
from retrieval.search.verbatim import RUN, longest_run, quoted_first, quoting, words

ERROR = (
    "File C:\\tmp\\Get-Time.ps1 cannot be loaded because running scripts is disabled on this "
    "system. For more information, see about_Execution_Policies."
)
# The message's words are the pages' commonest; the file name the user's script had is in one
# example only, which BM25 put first.
_COMMON = (
    "Scripts run in their own scope. A script file can be loaded by dot-sourcing it. Running "
    "scripts that a policy has disabled on this system fails. "
)
PAGES = {
    "remote.md": (
        "# Running commands remotely\n\n"
        "This example runs the Test.ps1 script on the Server01 computer: the file "
        "C:\\scripts\\test.ps1 is copied there, run, and its results returned. Running "
        "test.ps1 on many computers at once is as easy.\n"
    ),
    "policy.md": (
        "# Execution policy\n\n"
        "Running the same command from a script file returns an error:\n\n"
        f"```Output\n{ERROR}\nAt line:1 char:1\n+ .\\Get-Time.ps1\n+ ~~~~~~~~~~~~~~\n"
        "    + CategoryInfo          : SecurityError: (:) [], PSSecurityException\n"
        "    + FullyQualifiedErrorId : UnauthorizedAccess\n```\n"
    ),
    **{f"scripts{n}.md": f"# Scripts {n}\n\n{_COMMON * 2}\n" for n in range(6)},
}


def test_a_pasted_error_message_finds_the_page_that_prints_it(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(PAGES)
    pasted = (
        "File C:\\scripts\\test.ps1 cannot be loaded because running scripts is disabled on "
        "this system."
    )
    first = library.answer(pasted, k=3).hits[0]
    assert first.passage.doc == "policy.md"
    # Sharing only the script's file name and common words, the example is no such quote.
    assert (
        library.answer("what does Invoke-Command do with C:\\scripts\\test.ps1", k=3)
        .hits[0]
        .passage.doc
        == "remote.md"
    )


def test_the_run_counts_words_in_order_only() -> None:
    asked = words("cannot be loaded because running scripts is disabled")
    assert longest_run(asked, ERROR) == 8
    # Five in a row are fewer than a run: a phrase any text may share.
    assert longest_run(asked, "because running scripts is disabled, it cannot be loaded") == 0
    assert longest_run(words("too short a question"), ERROR) == 0


@given(st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta"]), min_size=RUN, max_size=12))
def test_a_text_holds_every_question_it_is(asked: list[str]) -> None:
    # A passage made of the question's own words holds all of them in a row.
    assert longest_run(asked, " ".join(asked)) == len(asked)


def test_a_run_of_common_words_is_no_quote(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # A reviewer's FAQ: "what is the name of the" opens a question the owl's passage holds
    # too; six words in a row, but none of them says what is asked.
    library = write_library(
        {
            "faq.md": (
                "# FAQ\n\n## Mascot\n\nWhat is the name of the mascot of this project? It "
                "is a small owl called Hoot.\n\n## Branches\n\nThe default branch of the "
                "repository is called main; releases are tagged on it.\n"
            )
        }
    )
    first = library.answer("what is the name of the default branch", k=3).hits[0]
    assert "default branch" in first.passage.text
    assert (
        longest_run(
            words("what is the name of the default branch"), "What is the name of the mascot"
        )
        == 0
    )


@pytest.mark.parametrize(
    ("lang", "asked", "text"),
    [
        ("de", "wie ist der Name von dem Standardzweig", "Wie ist der Name von dem Maskottchen"),
        ("pt", "qual é o nome que se dá ao ramo padrão", "Qual é o nome que se dá ao mascote?"),
        ("it", "qual è il nome che si dà al ramo", "Qual è il nome che si dà al mascotte?"),
    ],
)
def test_a_run_of_common_words_is_no_quote_in_any_language(
    lang: str, asked: str, text: str
) -> None:
    # A German, Portuguese or Italian FAQ's opener says no more than an English one's.
    assert longest_run(words(asked), text, lang=lang) == 0


def test_another_languages_stop_words_are_words_in_english() -> None:
    # "man", "war", "die" are German stop words, not English ones: a pasted English line of
    # them is quoted word for word.
    line = "the old man died in the war with his dog"
    assert longest_run(words(line), f"He wrote: {line}.") == len(words(line))


def test_a_repeating_trace_is_read_once_per_run() -> None:
    # A pasted stack trace of one frame repeated: every run is followed once (a cubic scan
    # took seconds); the answer is the whole trace, which the page prints.
    frame = "at com.example.Walker.walk(Walker.java:42)"
    trace = " ".join([frame] * 60)
    assert longest_run(words(trace), trace) == len(words(trace))


_WORDS = st.sampled_from(["file", "cannot", "be", "loaded", "script", "the", "Été", "ß", "ss", "2"])


@given(
    st.lists(_WORDS, min_size=0, max_size=14),
    st.lists(st.lists(_WORDS, max_size=30), max_size=6),
    st.sampled_from([" ", ", ", "\\", "-"]),
)
def test_the_texts_read_before_fetching_are_those_a_full_reading_brings_first(
    asked: list[str], texts: list[list[str]], gap: str
) -> None:
    """The passages deeper in BM25's order are read as text and passed over when they lack a
    word; that pre-check never passes over one the full reading brings first."""
    question = " ".join(asked)
    written = [gap.join(text) for text in texts]
    least = max(RUN, (len(words(question)) + 1) // 2)
    expected = [
        i
        for i, text in enumerate(written)
        if len(words(question)) >= RUN and longest_run(words(question), text) >= least
    ]
    assert quoting(question, written) == expected


# Words enough that a text quoting a part of the question lacks the others.
_MANY = st.sampled_from(
    "policy remote server computer copied returned results error scope dot sourcing running"
    " system information execution".split()
)


@st.composite
def _quoting_texts(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A question, and texts quoting some of its words in a row between others, or not."""
    asked = draw(st.lists(_WORDS | _MANY, min_size=0, max_size=14))
    texts = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(asked)))
        quoted = asked[start : draw(st.integers(start, len(asked)))]
        before, after = draw(st.lists(_WORDS, max_size=8)), draw(st.lists(_WORDS, max_size=8))
        texts.append(before + quoted + after)
    return asked, texts


@settings(max_examples=300)
@given(_quoting_texts(), st.sampled_from([" ", ", ", "\\", "-"]))
def test_the_passages_brought_first_are_those_a_full_reading_brings_first(
    drawn: tuple[list[str], list[list[str]]], gap: str
) -> None:
    """The best passages holding no word of some run are passed over unread; the order is the
    one reading every passage's runs in full gives: the longest run first, ties in order."""
    asked, texts = drawn
    question = " ".join(asked)
    ranked = [
        Ranked(Passage(id=f"p{n}", doc="a.md", title="T", section=None, paragraph=n, text=text),
               1.0 - n / 100, 1.0, Excerpt((Segment(text),)))
        for n, text in enumerate(gap.join(text) for text in texts)
    ]  # fmt: skip
    asked_words = words(question)
    least = max(RUN, (len(asked_words) + 1) // 2)
    runs = [(longest_run(asked_words, r.passage.text), i) for i, r in enumerate(ranked)]
    chosen = sorted((-n, i) for n, i in runs if n >= least and len(asked_words) >= RUN)
    expected = brought_first(ranked, [ranked[i] for _, i in chosen]) if chosen else ranked
    assert quoted_first(ranked, question) == expected
    assert quoting(question, [r.passage.text for r in ranked]) == sorted(i for _, i in chosen)
