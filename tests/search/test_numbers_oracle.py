"""The numbers a text states are found as the plain pattern finds them: the quick one (the
number words grouped by first letter, the Russian ones looked for only at their first letters)
finds the same numbers at the same places, in any case and next to any mark."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.search import quantities

# The pattern as first written: each number word tried in turn at every word.
PLAIN = re.compile(
    r"(?<![A-Za-z\d_\[-])\d+(?:[.,]\d+)*"
    r"|(?<![十万千])[二三四五六七八九十百千万亿两]+(?![分一])"
    r"|\b(?i:" + quantities._RUSSIAN_CARDINALS + r")\b"
    r"|\b(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in quantities._CARDINALS) + r")\b"
    r"(?<!\b[Oo]ne(?=\s(?:of|another|or)\b))"
)
WORDS = [w.replace("\\w+", "o") for w in quantities._CARDINALS]
RUSSIAN = (
    "один одна двух двумя три трёх четырьмя пять пятью семи восемь восьми одиннадцать"
    " двадцати сорок сорока девяносто пятьдесят шестидесяти сто ста сотни двести триста"
    " пятьсот двухсот тысяча миллионов миллиардов половина ᲂдин вᲂсемь семья одного"
).split()
OTHERS = [" ", ", ", ".", "-", "[", "_", "x", "of", "another", "or", "Dos", "3", "2.5", "十分"]
OTHERS += ["万一", "三百", "两", "the", "some", "ноль", "день"]
_TOKEN = st.one_of(
    st.sampled_from(WORDS).map(lambda w: w.capitalize()),
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(RUSSIAN),
    st.sampled_from(RUSSIAN).map(str.upper),
    st.sampled_from(RUSSIAN).map(str.capitalize),
    st.sampled_from(OTHERS),
    st.text(max_size=3),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TOKEN, max_size=12), st.lists(st.sampled_from([" ", "", ", "]), max_size=12))
def test_the_numbers_stated_are_found_as_the_plain_pattern_finds_them(
    tokens: list[str], gaps: list[str]
) -> None:
    text = "".join(t + (gaps[i] if i < len(gaps) else " ") for i, t in enumerate(tokens))
    found = [(m.span(), m.group()) for m in quantities._NUMBER.finditer(text)]
    assert found == [(m.span(), m.group()) for m in PLAIN.finditer(text)]
