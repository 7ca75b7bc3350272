"""A long paragraph cut into several passages: each quote says which part it is, so a reader
given two quotes of one paragraph can find both. On the shipped corpus, whose "Military
Exchanges" ¶ 20 (2,040 characters) is indexed as two passages; through the real Application."""

from __future__ import annotations

from tgfakes import Harness, html_problems, visible

from bot.locales import available
from bot.render.citations import citation
from bot.services import services_of

# Answered by the SECOND part of ¶ 20 of China's National Defense in 2004, Chapter IX.
QUESTION = "How many military students has the PLA sent abroad?"
SECOND = "004_ac3189a7eefc069c-21"  # its first part is …-20
LINE = "\n— "  # a Telegram answer's citation line starts so


async def test_the_second_part_of_a_long_paragraph_is_cited_as_part_2(bot: Harness) -> None:
    (answer,) = await bot.say(QUESTION)
    assert html_problems(answer.text) == []
    shown = visible(answer.text)
    cited = shown.split(LINE, 1)[1].split("\n", 1)[0]
    assert "Military Exchanges, ¶ 20, part 2 of 2" in cited, cited
    # The other part, further down, is cited as the first: two places a reader can find.
    assert "¶ 20, part 1 of 2:" in shown.split("Also relevant", 1)[1], shown
    # "Full passage" shows the paragraph whole: cited as the paragraph, no part of it.
    (full,) = await bot.press(answer, "Full passage")
    assert html_problems(full.text) == []
    assert "¶ 20" in visible(full.text) and "part" not in visible(full.text).split("\n")[1]
    assert "Over the past two years, 1,245 military personnel" in visible(full.text)
    assert "In October 2003, the PLA invited" in visible(full.text)


async def test_an_inline_result_and_a_quote_post_name_the_part(bot: Harness) -> None:
    inline = await bot.inline("military students sent abroad")
    results = inline.params["results"]
    first = next(r for r in results if "military students sent abroad" in r["description"])
    assert first["title"].endswith("¶ 20, part 2 of 2"), first["title"]
    posted = first["input_message_content"]["message_text"]
    assert html_problems(posted) == []
    assert "¶ 20, part 2 of 2" in visible(posted), visible(posted)
    (quoted,) = await bot.say_in_group(f"/quote {SECOND}")  # a passage posted by its id
    assert html_problems(quoted.text) == []
    assert "¶ 20, part 2 of 2" in visible(quoted.text), visible(quoted.text)


def test_every_language_tells_the_two_parts_apart(bot: Harness) -> None:
    library = services_of(bot.app.bot_data).library
    second = library.passage(SECOND)
    first = library.passage(SECOND.replace("-21", "-20"))
    assert first is not None and second is not None
    for code, t in available().items():
        one, two = citation(first, t), citation(second, t)
        # Both name ¶ 20 (the paragraph a reader counts), then which part, in the reader's words.
        assert "¶ 20" in one and "¶ 20" in two and one != two, (code, one, two)
        assert "2" in two.split("¶ 20", 1)[1] and "1" in one.split("¶ 20", 1)[1], (code, one)
