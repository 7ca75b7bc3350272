"""The further results of a question to a page kept in several languages are in the question's
language where its passages hold as much of the question's words: not the other languages'
copies of the same line or code block."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

# One status page in three languages, each with the same code block, as MDN's translations.
TEAPOT = {
    "fr-418.md": "# 418 I'm a teapot\n\n"
    "Le code d'erreur HTTP 418 I'm a teapot indique que le serveur refuse de préparer du café, "
    "car il s'agit d'une théière.\n\n"
    "## Statut\n\n```\n418 I'm a teapot\n```\n\n"
    "## Origine\n\nLe code 418 vient d'un poisson d'avril publié en 1998.\n",
    "es-418.md": "# 418 I'm a teapot\n\n"
    "El código de error HTTP 418 indica que el servidor se niega a preparar café porque es una "
    "tetera.\n\n"
    "## Estado\n\n```\n418 I'm a teapot\n```\n",
    "ru-418.md": "# 418 I'm a teapot\n\n"
    "Код ошибки HTTP 418 сообщает, что сервер не может приготовить кофе, потому что он "
    "чайник.\n\n"
    "## Статус\n\n```\n418 I'm a teapot\n```\n",
}


@pytest.fixture(scope="module")
def teapot(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(TEAPOT)


@pytest.mark.parametrize(
    ("question", "own", "passages"),
    [
        # The tester's French question showed the Spanish copy of the code block second and a
        # Russian line third; the Russian one, a French line before its own code block.
        ("c'est quoi le code 418 ?", "fr-418.md", 3),
        ("что за код 418?", "ru-418.md", 2),
    ],
)
def test_the_question_s_page_comes_before_the_copies(
    teapot: Library, question: str, own: str, passages: int
) -> None:
    shown = teapot.answer(question, k=3).hits
    assert [hit.passage.doc for hit in shown][:passages] == [own] * passages


def test_a_passage_holding_more_of_the_question_keeps_its_place(teapot: Library) -> None:
    # "tetera" is only Spanish: the Spanish definition stays above the French passages.
    hits = teapot.answer("¿qué es el 418?", k=5).hits
    assert [hit.passage.doc for hit in hits[:2]] == ["es-418.md"] * 2


def _status_pages() -> dict[str, str]:
    """Six status pages, each in French, Spanish and Russian, with the same code block."""
    lines = {
        "fr": "Le code de statut HTTP {code} indique une erreur du serveur pour cette requête.",
        "es": "El código de estado HTTP {code} indica un error del servidor para esta petición.",
        "ru": "Код состояния HTTP {code} означает ошибку сервера для этого запроса.",
    }
    pages = {}
    for code in (400, 401, 403, 404, 429, 503):
        for lang, line in lines.items():
            block = f"```\nHTTP/1.1 {code} Error\nContent-Type: text/html\n```"
            pages[f"{lang}-{code}.md"] = f"# {code}\n\n{line.format(code=code)}\n\n{block}\n"
    return pages


def test_further_results_are_cut_from_one_ordering(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # Paged three at a time, a Spanish question's further results showed some passages twice
    # and others never: each page was ordered by language over a different five.
    library = write_library(_status_pages())
    for question in ("¿qué significa el error 404 del servidor?", "что значит ошибка 429?"):
        at_once = [hit.passage.id for hit in library.answer(question, k=15).hits]
        paged = [
            hit.passage.id
            for offset in range(0, 15, 3)
            for hit in library.answer(question, k=3, offset=offset).hits
        ]
        assert paged == at_once, question
