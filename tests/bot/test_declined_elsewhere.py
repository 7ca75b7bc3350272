"""A declined question whose closest passages are in another of the documents' languages is told
so: the subject may be covered only in that language."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.locales import strings
from bot.render.answers import answer_reply
from bot.terminal import Layout, TerminalChat
from retrieval.library import Library

# An English page on CORS beside a French cookie guide: SameSite is only in French.
DOCS = {
    "en-cors.md": "# CORS errors\n\n"
    "The server must send the Access-Control-Allow-Origin header for the browser to share the "
    "response.\n\n"
    "A wildcard origin cannot be used with credentials such as cookies.\n",
    "fr-cookies.md": "# Les cookies HTTP\n\n## L'attribut SameSite\n\n"
    "L'attribut SameSite peut prendre trois valeurs : Strict, Lax ou None. Avec Strict, le "
    "navigateur n'envoie le cookie qu'au site d'origine.\n\n"
    "Voici un exemple :\n\n```\nSet-Cookie: macle=mavaleur; SameSite=Strict\n```\n",
}
ONLY_IN_FRENCH = "The closest passages are in French: the documents may cover this only in French."


@pytest.fixture(scope="module")
def guides(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(DOCS)


def test_a_decline_says_the_closest_passages_are_in_another_language(guides: Library) -> None:
    # The tester's "how do I set a cookie with SameSite=Strict?" to MDN's pages got "I couldn't
    # find this in the documents" above French passages, and no word that the cookie guide is
    # only in French.
    question = "how do I set a cookie with SameSite=Strict?"
    chat = TerminalChat(guides, layout=Layout(columns=300, ansi=False))
    out = chat.handle(question) or ""
    assert out.startswith("I couldn't find this in the documents")
    assert ONLY_IN_FRENCH in out
    # In Telegram too, under the closest passages.
    reply = answer_reply(guides.answer(question, k=3), t=strings("en")).text
    assert ONLY_IN_FRENCH in reply


def test_no_such_line_where_the_question_s_language_leads_or_it_is_answered(
    guides: Library,
) -> None:
    chat = TerminalChat(guides, layout=Layout(columns=300, ansi=False))
    # A French answer, answered: nothing to say.
    assert "Les passages les plus proches" not in (
        chat.handle("c'est quoi l'attribut SameSite ?") or ""
    )
    # Declined, the closest passage in English: nothing to say either.
    out = chat.handle("which browser is the fastest one?") or ""
    assert out.startswith("I couldn't find this in the documents")
    assert "The closest passages are in" not in out
