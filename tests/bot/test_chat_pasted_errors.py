"""The terminal chat: a question quoting an English error message is answered in the words
around it, French, Spanish or Russian, not in the English of the message."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.terminal import Layout, TerminalChat
from retrieval.library import Library
from retrieval.search.followups import Conversation

# JavaScript error pages as MDN's translations have them: the message stays in English.
ERRORS = {
    "es-not-defined.md": '# ReferenceError: "x" is not defined\n\n'
    'El error ReferenceError: "x" no está definida aparece cuando se usa una variable que no '
    "existe.\n\n"
    "## Variable no declarada\n\n"
    "La variable foo debe declararse con let o const antes de usarla:\n\n"
    "```js\nfoo.substring(1); // ReferenceError: foo is not defined\n```\n\n"
    "## Contexto erróneo\n\n"
    "Las variables definidas dentro de una función no se pueden usar fuera de ella.\n",
    "ru-not-a-function.md": '# TypeError: "x" is not a function\n\n'
    'Ошибка TypeError: "x" is not a function возникает, когда вызывается то, что не является '
    "функцией.\n\n"
    "## Функция вызвана с неверным объектом\n\n"
    "Метод map есть только у массивов, поэтому obj.map вызывает ошибку для обычного объекта:\n\n"
    "```js\nvar obj = { a: 13 };\n"
    "obj.map((num) => num * 2); // TypeError: obj.map is not a function\n```\n\n"
    "Используйте массив вместо объекта.\n",
    "fr-not-a-function.md": '# TypeError: "x" is not a function\n\n'
    'L\'erreur TypeError: "x" is not a function survient quand on appelle une valeur qui '
    "n'est pas une fonction.\n\n"
    "## Éviter l'erreur\n\n"
    "Pour éviter l'erreur, vérifiez que la valeur appelée est bien une fonction avant de "
    "l'appeler.\n\n"
    "## Multiplier sans opérateur\n\n"
    "En mathématiques on écrit 2(3 + 5), mais en JavaScript il faut l'opérateur * : "
    "2 * (3 + 5).\n",
}


@pytest.fixture(scope="module")
def errors(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(ERRORS)


@pytest.mark.parametrize(
    ("question", "also", "quoted"),
    [
        # The tester's questions: "Also relevant:" and "(3 of 6 matching passages shown…)"
        # came in English, and the Russian and typed French ones were told "please ask in one
        # of these" languages, which they were asked in.
        ("me sale ReferenceError: foo is not defined, ¿qué hago?", "Otros fragmentos", "foo"),
        ("TypeError: obj.map is not a function что делать", "Тоже по теме", "Метод map"),
        ("coment on evite l'erreur is not a fonction", "À voir aussi", "erreur"),
        (
            'j\'ai "Uncaught TypeError: 2 is not a function" sur la ligne var seize = 2(3 + 5)',
            "À voir aussi",
            "En mathématiques",
        ),
    ],
)
def test_a_pasted_english_message_leaves_the_reply_in_the_question_s_language(
    errors: Library, question: str, also: str, quoted: str
) -> None:
    chat = TerminalChat(errors, layout=Layout(columns=300, ansi=False))
    out = (chat.handle(question) or "").replace("**", "")
    assert also in out
    assert "Also relevant" not in out and "please ask in" not in out
    assert quoted in out.split("\n")[0]


def test_a_russian_question_after_a_french_one_quoting_english_starts_anew() -> None:
    # "(в продолжение: j'ai "Uncaught TypeError: …" …)": the French question's stop words,
    # as many English ones in the message as French ones around it, said no language.
    french = 'j\'ai "Uncaught TypeError: 2 is not a function" sur la ligne var seize = 2(3 + 5)'
    conversation = Conversation().after(french, None, now=0.0)
    assert conversation.context_for("а что делать?", now=1.0) is None
    assert conversation.context_for("et pourquoi ?", now=1.0)  # in French, it follows


def test_an_english_question_quoting_a_spanish_phrase_is_answered_in_english(
    errors: Library,
) -> None:
    # 'what does "…" mean?' read the library's way (Spanish, the quoted phrase's) was told
    # "No encontré esto…", and the chat went on in Spanish.
    chat = TerminalChat(errors, layout=Layout(columns=300, ansi=False))
    out = chat.handle('what does "se usa una variable que no existe" mean?') or ""
    assert "No encontré" not in out and "Otros fragmentos" not in out, out
    assert chat.language == "en"
