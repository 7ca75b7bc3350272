"""A question typed or pasted as HTML is read without its tags: "<i>missile</i> defence" is
answered as "missile defence" is (the tag words "i", "b", "href" outweighed the words asked, and
it was answered about Pakistan's defence talks). On the shipped corpus, through the real
Application."""

from __future__ import annotations

from tgfakes import Harness, html_problems, visible

from bot.services import services_of

PLAIN = "missile defence"
TAGGED = [
    "<i>missile</i> defence",
    '<a href="https://www.fmprc.gov.cn/eng/">missile</a> <b>defence</b><br/>',
]


async def test_a_question_with_html_tags_is_answered_as_without_them(bot: Harness) -> None:
    library = services_of(bot.app.bot_data).library
    top = library.answer(PLAIN, k=1).hits[0].passage
    assert "anti-missile system" in top.text
    for question in TAGGED:
        (answer,) = await bot.say(question)
        assert html_problems(answer.text) == []
        quoted = visible(answer.text).split("\n— ", 1)[0]
        assert "anti-missile system" in quoted, (question, visible(answer.text))


ENTITIES = [
    # pasted from a page's source, tags and entities alike: "&#39;" was searched as "39" and
    # "missile&nbsp;defence" as one word, and another passage was quoted
    "<b>China</b>&#39;s view on missile&nbsp;defence",
    "<i>China</i>&rsquo;s view on &quot;missile defence&quot;",
]


async def test_html_entities_in_a_question_are_read_as_their_characters(bot: Harness) -> None:
    library = services_of(bot.app.bot_data).library
    plain = library.answer("China's view on missile defence", k=1).hits[0].passage
    assert "anti-missile system" in plain.text
    for question in ENTITIES:
        (answer,) = await bot.say(question)
        assert html_problems(answer.text) == []
        quoted = visible(answer.text).split("\n— ", 1)[0]
        assert "anti-missile system" in quoted, (question, visible(answer.text))
        assert "&#39;" not in visible(answer.text) and "&nbsp;" not in visible(answer.text)
