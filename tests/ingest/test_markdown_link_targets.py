"""A Markdown paragraph that is only a link to another page of the documents says where it goes.

A new user asking HeadHunter's API docs (in Russian) how to get an application token was quoted
"Получение токена приложения", an item of a list of links, and left with nowhere to go.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import texts

from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures"

# As hhru/api's docs/authorization.md writes its lists of links to the other pages.
AUTHORIZATION = """# Авторизация

API поддерживает следующие уровни авторизации:
* [авторизация приложения](authorization_for_application.md)
* [авторизация пользователя](authorization_for_user.md)

## Получение access-токена

* Получение [токена приложения](authorization_for_application.md#get-client-auth)

## Использование access-токена

Приложение должно использовать полученный `access_token` для авторизации, передавая его в
заголовке, как описывает [RFC 6750](https://tools.ietf.org/html/rfc6750).

[Описание ошибок авторизации](errors.md#oauth).

* [Дерево всех регионов](https://api.hh.ru/openapi/redoc#tag/areas)
* [twitch.tv/midudev](https://twitch.tv/midudev)
"""


def test_a_link_to_another_page_keeps_its_target() -> None:
    found = texts(read("authorization.md", AUTHORIZATION.encode()))
    assert "Получение токена приложения (authorization_for_application.md)" in found
    assert "Описание ошибок авторизации (errors.md)." in found


def test_sentences_and_web_addresses_read_as_before() -> None:
    """A sentence's link is part of what it says; a web address's words (host, path) would be
    searched as the passage's, so an address is not added."""
    found = texts(read("authorization.md", AUTHORIZATION.encode()))
    assert any(t.endswith("передавая его в заголовке, как описывает RFC 6750.") for t in found)
    assert "Дерево всех регионов" in found
    assert "twitch.tv/midudev" in found


def test_a_cards_title_over_its_text_stays_a_title() -> None:
    source = "- __[Built-in meta plugin](meta.md)__\n\n    The meta plugin applies metadata.\n"
    assert texts(read("blog.md", source.encode())) == [
        "Built-in meta plugin: The meta plugin applies metadata."
    ]


def test_a_list_of_links_is_read_by_their_texts() -> None:
    """tryout26: OWASP Top 10's index page, a list of its ten categories, was quoted "A01
    Broken Access Control (A01_2021-Broken_Access_Control.md) A02 …": a reader of the list
    sees the links' texts; an item alone says where it goes, ten file names are noise."""
    page = (FIXTURES / "owasp-top10" / "index.md").read_bytes()
    found = texts(read("index.md", page))
    listed = next(text for text in found if text.startswith("A01 Broken Access Control"))
    assert listed.split("\n")[:2] == ["A01 Broken Access Control", "A02 Cryptographic Failures"]
    assert ".md" not in " ".join(found)
    # The same in hhru/api's list of the two levels of authorization.
    found = texts(read("authorization.md", AUTHORIZATION.encode()))
    assert "авторизация приложения" in found and "авторизация пользователя" in found
