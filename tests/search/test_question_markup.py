"""Only what is plainly an HTML tag is left out of a question; brackets of prose, of a type or
of an element named stay words."""

from __future__ import annotations

from retrieval.search.markup import without_tags


def test_tags_are_left_out_and_inline_ones_join_their_word() -> None:
    assert without_tags("<i>missile</i> defence") == "missile defence"
    assert without_tags("<b>China</b>'s view") == "China's view"  # no space left in the word
    assert without_tags("line one<br/>line two").split() == ["line", "one", "line", "two"]
    assert without_tags("<a href='https://x.org/a'>the treaty</a>") == "the treaty"
    assert without_tags("the treaty </blockquote>").strip() == "the treaty"


def test_brackets_that_are_no_tags_stay() -> None:
    for text in ("a<b and c>d", "x < y", "what does <details> do?", "List<String>", "Vec<u8>"):
        assert without_tags(text) == text
