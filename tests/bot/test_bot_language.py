"""The bot speaks the user's language: their Telegram app's, or the one chosen with /language
(kept per user in the state), English for any language it has no texts for."""

from __future__ import annotations

from pathlib import Path

from tgfakes import USER_ID, Harness, RecordingRequest, own_corpus, running_bot, visible

from bot import locales
from bot.locales import en
from bot.render.html import FSI, PDI
from bot.settings import Settings

QUESTION = "What do China and Russia say about missile defence?"


def labels(call: object) -> list[str]:
    return [b["text"] for b in call.buttons]  # type: ignore[attr-defined]


async def test_the_telegram_app_language_is_spoken_and_unknown_ones_fall_back_to_english(
    bot: Harness,
) -> None:
    ru = locales.strings("ru")
    bot.updates.languages[USER_ID] = "ru-RU"
    (reply,) = await bot.say("/reset")
    assert reply.text == ru.RESET_DONE
    (answer,) = await bot.say(QUESTION)
    assert ru.BUTTON_FULL in labels(answer)
    bot.updates.languages[USER_ID] = "tlh"  # Klingon: no texts for it
    (reply,) = await bot.say("/reset")
    assert reply.text == en.RESET_DONE


async def test_language_offers_every_language_and_the_choice_is_kept(
    settings: Settings, request_layer: RecordingRequest
) -> None:
    async with running_bot(settings, request_layer) as bot:
        (menu,) = await bot.say("/language")
        assert visible(menu.text) == en.LANGUAGE_CHOOSE.format(current="English")
        names = [module.LANGUAGE_NAME for module in locales.available().values()]
        assert labels(menu) == [*names, en.BUTTON_LANGUAGE_AUTO]
        await bot.press(menu, "Français")
        fr = locales.strings("fr")
        chosen = request_layer.of("editMessageText")[-1]
        # In a sentence a language is written as the language writes it: "français".
        assert chosen.text == fr.LANGUAGE_SET.format(language="français")
        (menu,) = await bot.say("/language")
        assert visible(menu.text) == fr.LANGUAGE_CHOOSE.format(current="français")
        (reply,) = await bot.say("/reset")  # the app still says English: the choice wins
        assert reply.text == fr.RESET_DONE
    # Kept in the state: a restart still speaks French to this user, and only to them.
    async with running_bot(settings, RecordingRequest()) as bot:
        (reply,) = await bot.say("/reset")
        assert reply.text == fr.RESET_DONE
        (other,) = await bot.say("/reset", user_id=USER_ID + 1)
        assert other.text == en.RESET_DONE
        (menu,) = await bot.say("/language")
        await bot.press(menu, fr.BUTTON_LANGUAGE_AUTO)  # back to the app's language
        (reply,) = await bot.say("/reset")
        assert reply.text == en.RESET_DONE


async def test_language_typed_with_a_language_chooses_it_as_the_terminal_does(
    bot: Harness,
) -> None:
    # bottry31: "/language ru" (as the terminal chat and README's /language take it) showed the
    # buttons and left the replies in English; "/language auto" did not go back to the app's.
    ru, es = locales.strings("ru"), locales.strings("es")
    (chosen,) = await bot.say("/language ru")
    assert chosen.text == ru.LANGUAGE_SET.format(language="русский") and not chosen.buttons
    (reply,) = await bot.say("/reset")
    assert reply.text == ru.RESET_DONE
    (chosen,) = await bot.say("/language Español")
    assert chosen.text == es.LANGUAGE_SET.format(language="español")
    (back,) = await bot.say("/language auto")
    assert back.text == en.LANGUAGE_AUTO  # the app speaks English
    (reply,) = await bot.say("/reset")
    assert reply.text == en.RESET_DONE
    (menu,) = await bot.say("/language klingon")  # names none: the choices, as bare /language
    assert visible(menu.text) == en.LANGUAGE_CHOOSE.format(current="English") and menu.buttons


EXAMPLE_DOCS = {
    "bears.md": (
        "# Polar bears\n\n## Hunting\n\nPolar bears hunt ringed seals from the sea ice, waiting "
        "at their breathing holes for hours.\n\n## Dens\n\nA pregnant polar bear digs a den in "
        "deep snow drifts and gives birth there in winter.\n"
    ),
    "vectors.md": (
        "# Векторы\n\n## Память\n\nВектор хранит значения одного типа в памяти подряд, одно "
        "за другим.\n\n## Циклы\n\nЦикл for проходит по элементам вектора по порядку.\n"
    ),
}


async def test_an_example_pressed_after_language_changed_asks_what_its_label_shows(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    # bottry31: the examples change with the reader's language, and a press asked the example
    # at its index in the new list: "Tell me about Hunting" pressed after /language ru asked
    # a question about vectors.
    async with running_bot(own_corpus(settings, tmp_path, EXAMPLE_DOCS), request_layer) as bot:
        (start,) = await bot.say("/start")
        bot.updates.languages[USER_ID + 1] = "ru"
        (russian,) = await bot.say("/start", user_id=USER_ID + 1)
        assert labels(start)[0] != labels(russian)[0], "needs examples that differ by language"
        await bot.say("/language ru")
        pressed = start.buttons[0]
        (answer,) = await bot.send(bot.updates.press(pressed["callback_data"], start.result))
        assert visible(answer.text).startswith(f"❓ {pressed['text']}\n")


async def test_the_chosen_language_is_named_in_lower_case_inside_a_sentence(bot: Harness) -> None:
    said = {}
    for code in ("es", "ru", "zh", "en"):
        (menu,) = await bot.say("/language")
        await bot.press(menu, locales.strings(code).LANGUAGE_NAME)
        said[code] = bot.request.of("editMessageText")[-1].text
    assert said == {  # not "Idioma de mis respuestas: Español."
        "es": "¡Listo! Idioma de mis respuestas: español.",
        "ru": "Готово! Язык ответов теперь: русский.",
        "zh": "好的，今后我会用中文回答你。",
        "en": "Done: I answer you in English from now on.",
    }


async def test_a_language_button_for_no_language_expired(bot: Harness) -> None:
    await bot.send(bot.updates.press("l:xx"))
    assert bot.request.of("answerCallbackQuery")[-1].params["text"] == en.BUTTON_EXPIRED


NILE = """نهر النيل

نهر النيل هو أطول نهر في أفريقيا، ويبلغ طوله نحو 6650 كيلومترا.

السد العالي

بني السد العالي في أسوان بين عامي 1960 و1970، وهو يحجز مياه النيل في بحيرة ناصر.
"""


async def test_an_arabic_title_and_section_leave_the_citation_line_in_its_order(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # "— نهر النيل, السد العالي, ¶ 2": the Arabic letters made the whole line right to left,
    # and the reader saw "2 ¶ ,السد العالي ,نهر النيل —". Each name is isolated in it now.
    (corpus_dir / "nile.txt").write_text(NILE, "utf-8")
    await admin_bot.say("/reload")
    (answer,) = await admin_bot.say("متى بني السد العالي؟")
    cited = answer.text.split("</blockquote>\n— ", 1)[1].split("\n")[0]
    assert f">{FSI}نهر النيل{PDI}, {FSI}السد العالي{PDI}, ¶ 2</a>" in cited
    pressed = await admin_bot.press(answer, en.BUTTON_FULL)
    (whole,) = [call for call in pressed if call.method == "sendMessage"]
    assert f"{FSI}السد العالي{PDI} · ¶ 2" in whole.text


async def test_a_greeting_suggests_questions_the_documents_can_answer_in_their_language(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # A Spanish reader of English documents whose manifest suggests no questions: the examples
    # (questions on the largest sections) are asked in English, as the reader must ask; one in
    # Spanish ("¿Qué hay sobre «…»?") was answered "ask in English".
    manifest = corpus_dir / "manifest.toml"
    text = manifest.read_text("utf-8")
    manifest.write_text(text[text.index("\n[") :], "utf-8")  # the tables, not the examples
    await admin_bot.say("/reload")
    admin_bot.updates.languages[USER_ID] = "es"
    (greeting,) = await admin_bot.say("/start")
    assert visible(greeting.text) == visible(locales.strings("es").GREETING)
    label = greeting.buttons[0]["text"]
    assert label.startswith("Tell me about ")
    (reply,) = await admin_bot.press(greeting, label)
    assert "inglés" not in visible(reply.text)  # "… pregunta en inglés."
