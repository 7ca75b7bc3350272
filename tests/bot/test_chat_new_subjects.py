"""The terminal chat: a whole question in any language the bot speaks starts a new subject,
however short, and is never searched with the question before it."""

from __future__ import annotations

from collections.abc import Callable

from tgfakes import html_problems

from bot.render.answers import excerpt_html
from bot.terminal import Layout, TerminalChat
from retrieval.library import Library

DOCS = {
    "fr.md": (
        "# Tâches d'arrière-plan\n\n"
        "Vous pouvez définir des tâches d'arrière-plan à exécuter après avoir renvoyé une "
        "réponse, avec BackgroundTasks.\n\n"
        "# Gérer les erreurs\n\n"
        "Pour renvoyer au client une réponse HTTP avec une erreur 404, levez une HTTPException "
        "avec le code 404.\n\n"
        "# Injection de dépendances\n\n"
        "L'injection de dépendances signifie que votre code déclare les choses dont il a besoin "
        "pour fonctionner : ses dépendances.\n"
    ),
    "ru.md": (
        "# Фоновые задачи\n\n"
        "Вы можете определить фоновые задачи, которые будут выполняться после возврата "
        "ответа, с помощью BackgroundTasks.\n\n"
        "# Обработка ошибок\n\n"
        "Чтобы вернуть клиенту HTTP-ответ с ошибкой 404, вызовите HTTPException с кодом 404.\n"
    ),
}


def test_a_short_new_question_with_a_number_is_not_chained_to_the_one_before(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The tester's "Comment renvoyer une erreur 404 ?" after a question on background tasks
    # was "(recherche : … (à la suite de : Comment exécuter des tâches en arrière-plan ?))"
    # and quoted the background tasks again; its English "How do I return a 404 error?" was not.
    chat = TerminalChat(write_library(DOCS), layout=Layout(columns=300, ansi=False))
    chat.handle("Comment exécuter des tâches en arrière-plan ?")
    out = (chat.handle("Comment renvoyer une erreur 404 ?") or "").replace("**", "")
    assert "à la suite de" not in out
    assert out.lstrip().startswith("“Pour renvoyer au client une réponse HTTP")
    # "Why" with a subject of its own too ("Pourquoi ?" alone leans on the question before).
    assert "à la suite de" not in (chat.handle("Pourquoi utiliser BackgroundTasks ?") or "")
    assert "à la suite de" in (chat.handle("Pourquoi ?") or "")
    # A follow-up of a few words on the subject before still leans on it.
    assert "à la suite de" in (chat.handle("et en 2004 ?") or "")


def test_a_russian_question_of_its_own_after_a_french_one_is_not_chained(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # It was searched "(в продолжение: Qu'est-ce que l'injection de dépendances ?)": its
    # number and the thing it names make it a question of its own (the French one's stop
    # words, as many Spanish as French, say no language to switch from).
    chat = TerminalChat(write_library(DOCS), layout=Layout(columns=300, ansi=False))
    chat.handle("Qu'est-ce que l'injection de dépendances ?")
    out = (chat.handle("Как вернуть ошибку 404?") or "").replace("**", "")
    assert "в продолжение" not in out
    assert out.lstrip().startswith("“Чтобы вернуть клиенту HTTP-ответ с ошибкой 404")


def _servers(count: int) -> dict[str, str]:
    """A guide with ``count`` paragraphs on chunkservers, each of its own."""
    paragraphs = (
        f"Chunkserver number {n} of rack {n + 100} stores replicas for the master."
        for n in range(1, count + 1)
    )
    return {"servers.txt": "Chunkservers\n\n" + "\n\n".join(paragraphs) + "\n"}


def test_a_results_number_above_ten_quotes_that_result(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "11" to "25" after "what is a chunkserver" (71 results) were searched as words,
    # "(searched: 11 (following: what is a chunkserver))", quoting an "equation (25)".
    library = write_library(_servers(30))
    question = "what is a chunkserver"
    ranked = library.answer(question, k=30).hits
    assert len(ranked) == 30
    chat = TerminalChat(library, layout=Layout(columns=300, ansi=False))
    chat.handle(question)
    for said in ("11", "25", "#12"):
        out = (chat.handle(said) or "").replace("**", "")
        wanted = ranked[int(said.strip("#")) - 1].passage
        assert "searched:" not in out, said
        assert wanted.text in out and f"¶ {wanted.paragraph}" in out, said
    for said in ("400", "0"):  # past the ranking, or none at all: said, not searched
        told = chat.handle(said)
        assert told == f"There is no result {said} for “{question}”: the search found 30 passages."
    # The ranking is still the question's: /more goes on with its next results.
    assert "searched:" not in (chat.handle("/more") or "")
    # Common words alone are told to name a subject, not searched with the question before.
    assert chat.handle("the") == (
        "That question has only very common words, so there is nothing to search for. "
        "Add what it is about: a name, a place or a key term. /help says what I can do."
    )
    assert "(searched: when? (following: what is a chunkserver))" in (chat.handle("when?") or "")


CORS = {
    "cors.md": (
        "# CORS\n\n"
        "The middleware takes these arguments. allow_credentials - Indicate that cookies "
        "should be supported for cross-origin requests. Defaults to False.\n\n"
        "allow_origins - A list of origins that should be permitted to make cross-origin "
        "requests.\n"
    )
}


def test_an_identifier_whose_parts_are_matched_is_marked_whole(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "**allow**_**credentials**": two marks on one name, and Telegram's Markdown reads the
    # underscore as well.
    library = write_library(CORS)
    question = "what is the default value of allow_credentials"
    chat = TerminalChat(library, layout=Layout(columns=300, ansi=False))
    out = chat.handle(question) or ""
    assert "**allow_credentials**" in out and "**_**" not in out
    # A name part of which is asked is marked whole: "**allow**_origins" read as another name.
    assert "**allow_origins**" in out and "**allow**_" not in out
    html = excerpt_html(library.answer(question).hits[0].excerpt)
    assert "<b>allow_credentials</b>" in html and html_problems(html) == []


def test_a_dotted_or_hyphenated_name_whose_parts_are_matched_is_marked_whole(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "**gouv**.**fr**" and "**read**-**only**": one name, marked in pieces.
    library = write_library(
        {
            "open-data.md": "# Données\n\nLes jeux de données sont publiés sur data.gouv.fr chaque"
            " mois.\n\n# Files\n\nThe archive is mounted read-only on every node.\n"
        }
    )
    chat = TerminalChat(library, layout=Layout(columns=300, ansi=False))
    assert "**gouv.fr**" in (chat.handle("Où sont publiés les jeux sur gouv.fr ?") or "")
    assert "**read-only**" in (chat.handle("is the archive read only?") or "")


# Status-code pages in four languages, as a team's web documentation has them.
STATUS = {
    "fr-404.md": "# 404 Not Found\n\n"
    "Le code de réponse 404 Not Found indique que le serveur ne trouve pas la ressource "
    "demandée.\n\n"
    "## Page d'erreur personnalisée\n\n"
    "Avec Apache, une page 404 personnalisée se déclare dans le fichier .htaccess avec la "
    "directive ErrorDocument.\n",
    "fr-429.md": "# 429 Too Many Requests\n\n"
    "Le code de réponse 429 Too Many Requests indique que l'utilisateur a envoyé trop de "
    "requêtes en un temps donné : c'est la limitation du débit.\n",
    "es-418.md": "# 418 I'm a teapot\n\n"
    "El código de error 418 indica que el servidor se niega a preparar café porque es una "
    "tetera. Es una broma del día de los inocentes de 1998.\n",
    "es-cors.md": "# Falta Access-Control-Allow-Origin\n\n"
    "La respuesta a la petición CORS no incluye la cabecera Access-Control-Allow-Origin, "
    "que el servidor debe enviar para que el navegador permita el acceso.\n",
    "ru-404.md": "# 404 Not Found\n\n"
    "Код ответа 404 Not Found означает, что сервер не может найти запрошенный ресурс.\n",
    "ru-401.md": "# 401 Unauthorized\n\n"
    "Код ответа 401 Unauthorized означает, что запрос не выполнен, потому что у клиента нет "
    "действительных учётных данных. В отличие от 403, повторная авторизация может помочь.\n",
    "zh-418.md": "# 418 I'm a teapot\n\n"
    "HTTP 418 I'm a teapot 是一个愚人节玩笑，出自 1998 年的 RFC 2324，"
    "表示服务器拒绝用茶壶煮咖啡。\n",
    "en-429.md": "# 429 Too Many Requests\n\n"
    "Rate limiting is usually based on the client's IP address or on its API key.\n",
    "en-308.md": "# 308 Permanent Redirect\n\n"
    "The 308 Permanent Redirect status code means that the resource has moved for good to "
    "the URL given by the Location header.\n",
}


def test_a_question_naming_its_own_status_code_starts_a_new_subject(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The tester's questions on MDN's status pages were each searched with the one before
    # ("(recherche : … (à la suite de : comment je fais une page 404 perso sur apache ?))")
    # and quoted the page asked about before, hedged.
    library = write_library(STATUS)
    chats = [
        (
            "comment je fais une page 404 perso sur apache ?",
            "mon serveur renvoie 429, ça veut dire quoi ?",
            "“Le code de réponse 429",
        ),
        (
            "me sale el error CORS de que falta Access-Control-Allow-Origin",
            "¿qué es el 418?",
            "“El código de error 418",
        ),
        ("что значит ошибка 404?", "чем 401 отличается от 403?", "“Код ответа 401"),
        ("what's rate limiting based on usually?", "what does 308 mean?", "“The 308"),
    ]
    for first, then, quoted in chats:
        chat = TerminalChat(library, layout=Layout(columns=300, ansi=False))
        chat.handle(first)
        out = (chat.handle(then) or "").replace("**", "")
        assert first not in out, then  # not "(following: <the question before>)"
        assert out.lstrip().startswith(quoted), out


def test_a_follow_up_asking_only_which_year_still_leans_on_the_question_before(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The tester's Chinese "哪一年？" ("which year?") after "418 是什么梗？" found nothing.
    library = write_library(STATUS)
    for first, then, following in [
        ("¿qué es el 418?", "¿y de qué año es la broma?", "(a continuación de: ¿qué es el 418?)"),
        ("418 是什么梗？", "哪一年？", "（接着问：418 是什么梗？）"),
        ("418 是什么梗？", "是哪一年？", "（接着问：418 是什么梗？）"),
    ]:
        chat = TerminalChat(library, layout=Layout(columns=300, ansi=False))
        chat.handle(first)
        out = (chat.handle(then) or "").replace("**", "")
        assert following in out
        assert "1998" in out.split("\n")[1]  # the quote, under the line saying what was searched
