"""bot.buttons: callback data within Telegram's 64 bytes, read back exactly."""

from __future__ import annotations

import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import buttons
from bot.state import KEY_BYTES

keys = st.builds(lambda _: secrets.token_urlsafe(KEY_BYTES), st.integers())
passage_ids = st.from_regex(r"[A-Za-z0-9_]{1,40}-[0-9]{1,8}", fullmatch=True)


@given(keys, st.integers(min_value=0, max_value=10**9))
def test_more_results_data_round_trips(key: str, offset: int) -> None:
    data = buttons.more_data(key, offset)
    assert len(data.encode()) <= 64
    assert buttons.parse(data) == buttons.MorePress(key, offset)


@given(passage_ids)
def test_full_passage_data_round_trips(passage_id: str) -> None:
    assert buttons.parse(buttons.full_data(passage_id)) == buttons.FullPress(passage_id)


@given(keys, st.booleans())
def test_vote_data_round_trips(key: str, good: bool) -> None:
    assert buttons.parse(buttons.vote_data(key, good)) == buttons.VotePress(key, good)


def test_example_data_round_trips() -> None:
    assert buttons.parse(buttons.example_data(2)) == buttons.ExamplePress(2)


def test_the_longest_passage_id_fits_and_a_longer_one_is_refused() -> None:
    assert len(buttons.full_data("d" * 50).encode()) <= 64
    with pytest.raises(ValueError, match="64 bytes"):
        buttons.full_data("é" * 40)


@pytest.mark.parametrize(
    "data", [None, "", "m:", "m:key:", "m:key:x", "v:key:?", "x:-1", "zz:1", "f:"]
)
def test_data_this_bot_never_sends_is_not_understood(data: str | None) -> None:
    assert buttons.parse(data) is None


def test_answer_keyboard_has_full_passage_more_and_votes() -> None:
    keyboard = buttons.answer_keyboard("k", "d1-2", 3).inline_keyboard
    assert [[b.text for b in row] for row in keyboard] == [
        ["Full passage", "More results"],
        ["👍", "👎"],
    ]
    assert keyboard[0][1].callback_data == "m:k:3"


def test_answer_keyboard_without_more_results_or_hits_keeps_the_votes() -> None:
    keyboard = buttons.answer_keyboard("k", None, None).inline_keyboard
    assert [[b.text for b in row] for row in keyboard] == [["👍", "👎"]]


@given(passage_ids)
def test_post_a_chosen_passage_data_round_trips(passage_id: str) -> None:
    assert buttons.parse(buttons.post_data(passage_id)) == buttons.PostPress(passage_id)


@given(passage_ids, st.integers(min_value=-(2**52), max_value=2**52))
def test_a_choice_carries_who_may_choose_within_telegram_s_limit(
    passage_id: str, asker: int
) -> None:
    data = buttons.post_data(passage_id, asker)
    assert len(data.encode()) <= 64
    assert buttons.parse(data) == buttons.PostPress(passage_id, asker)


@given(passage_ids)
def test_a_passage_deep_link_is_read_back_as_that_passage(passage_id: str) -> None:
    url = buttons.passage_link("qbot", passage_id)
    assert url == f"https://t.me/qbot?start=p_{passage_id}"
    assert buttons.parse_start(url.split("=", 1)[1]) == buttons.PassageLink(passage_id)


@given(keys)
def test_an_answer_deep_link_is_read_back_as_that_question(key: str) -> None:
    url = buttons.answer_link("qbot", key)
    assert url is not None and len(url.split("=", 1)[1]) <= buttons.START_LIMIT
    assert buttons.parse_start(url.split("=", 1)[1]) == buttons.AnswerLink(key)


def test_the_help_deep_link_and_unknown_start_parameters() -> None:
    assert buttons.parse_start("help") == buttons.HelpLink()
    for parameter in (None, "", "p_", "q_", "hello", "HELP"):
        assert buttons.parse_start(parameter) is None


def test_deep_links_need_the_bot_name_and_a_valid_parameter() -> None:
    assert buttons.passage_link(None, "d1-2") is None
    assert buttons.open_passage_keyboard(None, "d1-2") is None
    # python-telegram-bot's create_deep_linked_url refuses what Telegram would.
    with pytest.raises(ValueError, match="must not exceed 64"):
        buttons.start_link("qbot", "p_" + "x" * 63)
    with pytest.raises(ValueError, match="characters are allowed"):
        buttons.start_link("qbot", "has space")


def test_a_posted_passage_has_one_button_back_to_the_bot() -> None:
    keyboard = buttons.open_passage_keyboard("qbot", "d1-2")
    assert keyboard is not None
    ((button,),) = keyboard.inline_keyboard
    assert (button.text, button.url) == ("Open in @qbot", "https://t.me/qbot?start=p_d1-2")


def test_choices_keyboard_posts_each_passage() -> None:
    keyboard = buttons.choices_keyboard([("1. ¶ 4 · Title", "d1-4"), ("2. ¶ 9 · Title", "d1-9")])
    assert [[(b.text, b.callback_data) for b in row] for row in keyboard.inline_keyboard] == [
        [("1. ¶ 4 · Title", "p:d1-4")],
        [("2. ¶ 9 · Title", "p:d1-9")],
    ]
