"""Thanks, greetings, sign-offs, laughs and requests for help naming nothing, in any language the
bot speaks, are small talk; questions that merely start with such a word, or read as code, are
questions."""

from __future__ import annotations

import pytest

from bot.locales import is_small_talk

SMALL_TALK = [
    "thanks!", "Thank you so much", "great, thanks", "ok", "lol 😂", "+1", "Hi",
    "спасибо большое", "Привет!", "谢谢你", "好的谢谢", "嗯嗯", "muchas gracias",
    "Gracias, muy bien", "merci bien", "Super !", "bonjour",
    # languages the bot does not speak: thanks, greetings, laughs
    "danke!", "Vielen Dank", "obrigada", "valeu kkkk", "grazie mille", "ahahah", "bedankt",
    "dziękuję bardzo", "teşekkür ederim", "дякую", "شكرًا جزيلاً", "خیلی ممنون", "תודה רבה",
    "धन्यवाद", "ありがとうございます！", "감사합니다 ㅋㅋ", "cảm ơn", "terima kasih", "jajaja",
    "хахаха", "xD", "lmao", "thank you very much",
    # greetings again and goodbyes, in the languages the bot speaks
    "hello again", "Good morning!", "thanks again", "bye", "see you", "hi there", "d'accord",
    "привет ещё раз", "пока", "до свидания", "再见", "再次感谢", "adiós", "gracias de nuevo",
    "merci encore", "au revoir",
    # sign-offs with words after the thanks, and greetings said to someone (tryout21)
    "thanks, that's all", "ok that's it, thanks", "great, thank you so much", "hey there",
    "hello everyone", "thanks all!", "спасибо, это всё", "всем привет", "就这些，谢谢", "大家好",
    "gracias, eso es todo", "hola a todos", "merci, c’est tout", "bonjour à tous",
    "salut tout le monde", "thanks, that's all I needed", "cheers mate", "ok, that makes sense",
    "понял, спасибо", "懂了，谢谢", "de acuerdo, gracias", "je vois, merci",
]  # fmt: skip
HELP_ASKED = [
    "can you help me check a claim?", "good morning, can you help me check a claim?",
    "I have a question", "hi all, I have a question", "Could you help me, please?", "help",
    "можете помочь проверить утверждение?", "у меня вопрос", "你能帮我核实一个说法吗？",
    "我有一个问题", "¿puedes ayudarme a verificar una afirmación?", "tengo una pregunta",
    "pouvez-vous m’aider à vérifier une affirmation ?", "j’ai une question",
    "Hi! Could you help me fact-check something?", "one more question", "есть ещё вопрос",
    "还有一个问题", "tengo otra pregunta", "j’ai une autre question",
]  # fmt: skip
QUESTIONS = [
    "thanks to whom?", "ok google", "hello world program", "super()", "hello_world",
    "привет мир", "bonjour tristesse", "what is a lot", "好的软件包有哪些", "👍", "?",
    "danke für die Hilfe, aber was ist die SCO?", "what does haha mean", "haha.py", "kkk",
    "top", "nice",
    # words people search for, and any message asking: searched
    "toll?", "salve", "mille", "perfect", "good", "5555", "super?", "спасибо?",
    "again?", "see you tomorrow at the summit", "good morning america", "пока идёт обновление",
    # asking about something, however politely, or only naming whom
    "thanks to what did China join the WTO?", "help with WAL mode", "is there a code of conduct?",
    "I have a question about the WTO", "help with a claim", "what is a question?", "all questions",
    "is that all?", "there", "everyone", "大家", "вопрос о ВТО", "ayuda con Python",
    "aide pour installer debian", "help()", "help me with the WAL mode", "that is the question",
    "man page for ls", "a few questions about licensing", "questions of law",
    "de acuerdo con la ley",
]  # fmt: skip


@pytest.mark.parametrize("text", SMALL_TALK)
def test_small_talk_is_not_searched(text: str) -> None:
    assert is_small_talk(text)


@pytest.mark.parametrize("text", HELP_ASKED)
def test_a_request_for_help_that_names_nothing_is_small_talk(text: str) -> None:
    # "good morning, can you help me check a claim?" quoted a passage that "checked" something.
    assert is_small_talk(text)


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_or_a_message_without_words_is_not_small_talk(text: str) -> None:
    assert not is_small_talk(text)
