"""Repeats left out as the plain rule says: the quick near-copy check (one set of every triple
shown, counted one by one only for a quote sharing one) leaves out exactly the passages that
comparing every quote with every quote shown above, triple by triple, does."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.model import Excerpt, Passage, Segment
from retrieval.search import repeats
from retrieval.search.rank import Ranked

# Words enough for texts to share no triple unless one copies another, and some names and
# numbers, so that a near copy may name something new.
VOCAB = (
    "the battery cover of a model lasts one day charge it overnight before you open device"
    " search index fixed on formulas Keycloak 2.1 Dex Windows it."
).split()
DOCS = ["a.md", "b.md", "c.md"]


def _plain_near(shown: list[tuple[str, str]], doc: str, text: str) -> bool:
    """Whether a text shown above from another document nearly copies ``text``: every pair
    compared in full."""
    words = repeats._words(text)
    triples = set(zip(words, words[1:], words[2:], strict=False))
    for other_doc, other in shown:
        other_words = repeats._words(other)
        others = set(zip(other_words, other_words[1:], other_words[2:], strict=False))
        shorter, longer = sorted((len(triples), len(others)))
        near = len(triples & others) >= repeats.NEAR_SHARE * shorter
        if near and shorter >= repeats.NEAR_LENGTHS * longer and other_doc != doc:
            added = set(words) - set(other_words)
            if not (added and repeats._named(text) & added):
                return True
    return False


def _plain(ranked: Sequence[Ranked], wanted: int | None) -> list[Ranked]:
    seen: list[tuple[str, str, str | None]] = []
    quotes: list[tuple[str, str]] = []
    passages: list[tuple[str, str]] = []
    kept: list[Ranked] = []
    for item in ranked:
        rendered, passage = item.excerpt.render(), item.passage
        quoted = " ".join(rendered.split()).casefold()
        repeated = len(quoted.split()) >= repeats.REPEAT_WORDS and any(
            q == quoted and (d != passage.doc or s == passage.section) for q, d, s in seen
        )
        seen.append((quoted, passage.doc, passage.section))
        if repeated:
            continue
        texts = [(quotes, rendered), (passages, passage.text)]
        if wanted is not None and len(kept) >= wanted:
            texts = []
        texts = [(s, t) for s, t in texts if len(repeats._words(t)) >= repeats.NEAR_WORDS]
        if any(_plain_near(shown, passage.doc, text) for shown, text in texts):
            continue
        kept.append(item)
        for shown, text in texts:
            shown.append((passage.doc, text))
    return kept


_EDIT = st.tuples(st.integers(0, 40), st.sampled_from(VOCAB))


@st.composite
def _base(draw: st.DrawFn) -> list[str]:
    """Words, a phrase of them said again and again in some ("a a a …": one distinct triple)."""
    phrase = draw(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=30))
    return (phrase * draw(st.integers(1, 12)))[: draw(st.integers(8, 60))] or phrase


@st.composite
def _ranked(draw: st.DrawFn) -> list[Ranked]:
    bases = draw(st.lists(_base(), min_size=1))
    items = []
    for n in range(draw(st.integers(1, 14))):
        words = list(draw(st.sampled_from(bases)))
        for at, word in draw(st.lists(_EDIT, max_size=3)):  # a word changed
            words[at % len(words)] = word
        words += draw(st.lists(st.sampled_from(VOCAB), max_size=4))  # a name added, as a copy may
        text = " ".join(words[draw(st.integers(0, 12)) :])
        start, end = draw(st.integers(0, 12)), draw(st.integers(0, 12))
        quote = " ".join(text.split()[start : len(words) - end]) if draw(st.booleans()) else text
        passage = Passage(
            id=f"p{n}",
            doc=draw(st.sampled_from(DOCS)),
            title="T",
            section=draw(st.sampled_from([None, "Safety"])),
            paragraph=n + 1,
            text=text,
        )
        excerpt = Excerpt((Segment(quote),), cut_before=quote != text)
        items.append(Ranked(passage, 1.0, 1.0, excerpt))
    return items


@settings(max_examples=400, deadline=None)
@given(_ranked(), st.sampled_from([None, 1, 3, 10]))
def test_near_copies_left_out_as_comparing_every_pair_does(
    ranked: list[Ranked], wanted: int | None
) -> None:
    repeats._read.cache_clear()
    assert repeats.without_repeats(ranked, wanted) == _plain(ranked, wanted)


def _item(n: int, doc: str, text: str) -> Ranked:
    passage = Passage(id=f"p{n}", doc=doc, title="T", section=None, paragraph=n, text=text)
    return Ranked(passage, 1.0, 1.0, Excerpt((Segment(text),)))


def test_a_copy_of_the_later_part_of_a_quote_above_is_left_out() -> None:
    # Its triples are all the longer one's last ones: none of its first ones.
    warning = (
        "Before you open the cover unplug the charger and wait until the device has cooled"
        " down for at least ten minutes so that the battery cannot burn your fingers."
    )
    tail = " ".join(warning.split()[7:])
    other = "The search index is rebuilt overnight and every formula is shown again by morning."
    ranked = [_item(1, "a.md", warning), _item(2, "b.md", other), _item(3, "c.md", tail)]
    repeats._read.cache_clear()
    assert repeats.without_repeats(ranked) == _plain(ranked, None) == ranked[:2]
