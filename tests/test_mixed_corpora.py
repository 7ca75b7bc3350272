"""Corpora as admins bring them: several languages side by side, Chinese plain text, FAQs with
one-line answers, and questions of a few words."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from retrieval.errors import NoSearchableWordsError
from retrieval.library import Library

MULTILINGUAL = Path(__file__).resolve().parents[1] / "data" / "eval" / "corpora" / "multilingual"
SQLITE = Path(__file__).resolve().parents[1] / "data" / "eval" / "corpora" / "devdocs"
DOCS_DEV = Path(__file__).resolve().parents[1] / "data" / "eval" / "corpora" / "docs-dev"
SHIPPED = Path(__file__).resolve().parents[1] / "data" / "corpus"
FASTAPI_CORS = Path(__file__).resolve().parent / "ingest" / "fixtures" / "fastapi-cors"


@pytest.fixture(scope="module")
def english_and_french(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("enfr") / "corpus"
    shutil.copytree(SQLITE, folder / "en")
    shutil.copytree(MULTILINGUAL / "fr", folder / "fr")
    library = Library.open(folder.parent / "q.db", folder)
    yield library
    library.close()


@pytest.mark.parametrize("question", ["vacuum", "WAL mode", "autoincrement"])
def test_a_few_english_words_find_the_english_documents_beside_french_ones(
    english_and_french: Library, question: str
) -> None:
    answer = english_and_french.answer(question)
    assert answer.outcome != "declined"
    assert answer.hits[0].passage.doc.startswith("en/")


def test_a_french_question_still_finds_the_french_documents(english_and_french: Library) -> None:
    answer = english_and_french.answer("Comment installer un paquet ?")
    assert answer.language == "fr"
    assert answer.hits[0].passage.doc.startswith("fr/")


def test_one_russian_document_in_an_english_corpus_answers_russian_questions(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    folder = make_corpus({})
    shutil.copytree(SQLITE, folder, dirs_exist_ok=True)
    shutil.copy(MULTILINGUAL / "ru" / "debian-faq-basic-defs.txt", folder / "debian-ru.txt")
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        answer = library.answer("Как произносится слово Debian?")
        assert not answer.foreign and "ru" in answer.corpus_languages
        assert answer.hits[0].passage.doc == "debian-ru.txt"


def test_a_chinese_text_file_becomes_sectioned_passages_and_loses_no_text(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    source = MULTILINGUAL / "zh" / "debian-faq-basic-defs.txt"
    folder = make_corpus({"faq.txt": source.read_text(encoding="utf-8")})
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        passages = [p for _, p in library.store.all_passages()]
    assert len(passages) >= 20
    assert any(p.section and p.section.startswith("1.1.") for p in passages)
    assert any("本文档提供了关于 Debian 发行版" in p.text for p in passages)


def test_one_line_answers_of_a_faq_are_passages_under_their_questions(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    faq = (
        "Pricing FAQ\n\nIs it free for students?\n\nYes, you can.\n\nCan I resell it?\n\nNo.\n\n"
        "Do you offer refunds within thirty days?\n\nRefunds are given within thirty days.\n"
    )
    with closing(Library.open(tmp_path / "q.db", make_corpus({"faq.txt": faq}))) as library:
        answer = library.answer("is it free for students")
    best = answer.hits[0].passage
    assert (best.section, best.text) == ("Is it free for students?", "Yes, you can.")


def test_a_noun_such_as_sort_is_searched(make_corpus: Callable[..., Path], tmp_path: Path) -> None:
    text = "Sorting Notes\n\nA stable sort keeps equal items in the order they came in.\n"
    with closing(Library.open(tmp_path / "q.db", make_corpus({"notes.txt": text}))) as library:
        assert "sort" in library.answer("what is a stable sort").terms


@pytest.fixture(scope="module")
def debian_in_three_languages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("three") / "corpus"
    for lang, name in (
        ("ru", "debian-faq-basic-defs.txt"),
        ("zh", "debian-faq-basic-defs.txt"),
        ("fr", "debian-faq-pkg-basics.txt"),
        ("es", "maint-guide-start.txt"),
    ):
        (folder / lang).mkdir(parents=True)
        shutil.copy(MULTILINGUAL / lang / name, folder / lang)
    shutil.copytree(DOCS_DEV / "md", folder / "en")  # English documentation beside them
    library = Library.open(folder.parent / "q.db", folder)
    yield library
    library.close()


@pytest.mark.parametrize(
    ("question", "lang"), [("什么是 Debian？", "zh"), ("Что такое Debian?", "ru")]
)
def test_a_question_that_searches_only_a_name_is_answered_in_its_own_language(
    debian_in_three_languages: Library, question: str, lang: str
) -> None:
    # The question's other words are stop words: "Debian" is the same term in every language,
    # and the Russian FAQ answered the Chinese question.
    answer = debian_in_three_languages.answer(question, k=6)  # two pages of results
    assert answer.language == lang
    assert [h.passage.doc.split("/")[0] for h in answer.hits] == [lang] * 6


def test_a_follow_up_whose_own_word_no_passage_has_stays_in_its_language(
    debian_in_three_languages: Library,
) -> None:
    # No passage writes 稳定版 ("the stable version"): only the carried names were found, and
    # the Russian FAQ's paragraph on Debian GNU/Linux came first.
    answer = debian_in_three_languages.answer("那稳定版呢？", context=["什么是 Debian GNU/Linux？"])
    assert answer.hits[0].passage.doc.startswith("zh/")


def test_a_spanish_question_finds_the_english_paragraph_of_a_spanish_manual(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # The manual's list of tools was left in English: no Spanish passage says "lintian", and
    # the question found nothing at all.
    source = MULTILINGUAL / "es" / "maint-guide-start.txt"
    folder = make_corpus({"guia.txt": source.read_text(encoding="utf-8")})
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        answer = library.answer("¿Qué es lintian?")
        assert answer.language == "es" and answer.outcome != "declined"
        assert "lintian - this is the Debian package checker" in answer.hits[0].passage.text


def test_a_short_russian_note_beside_an_english_manual_answers_without_the_language_hint(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # Two Russian passages among hundreds of English ones are too few to count among the
    # corpus's languages: the answer came from the note with "please ask in English" under it.
    folder = make_corpus({"ламы.txt": "Ламы живут высоко в Андах и питаются травой.\n"})
    shutil.copytree(SQLITE, folder, dirs_exist_ok=True)
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        answer = library.answer("Чем питаются ламы?")
        assert answer.hits[0].passage.doc == "ламы.txt"
        assert not answer.foreign and "ru" in answer.corpus_languages


@pytest.mark.parametrize("question", ["what is microtype", "what does microtype do?"])
def test_what_a_package_is_comes_from_the_opening_of_its_manual(
    make_corpus: Callable[..., Path], tmp_path: Path, question: str
) -> None:
    # Every passage of the manual has "microtype" in its title; BM25 put a warning message
    # that repeats the name three times first, and the abstract was not among the first 50.
    folder = make_corpus({})
    shutil.copy(DOCS_DEV / "pdf" / "microtype.pdf", folder)
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        answer = library.answer(question)
        assert "The microtype package provides a LaTeX interface" in answer.hits[0].passage.text


@pytest.fixture(scope="module")
def one_page_in_five_languages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("cors") / "corpus"
    shutil.copytree(FASTAPI_CORS, folder, ignore=shutil.ignore_patterns("LICENSE"))
    library = Library.open(folder.parent / "q.db", folder)
    yield library
    library.close()


@pytest.mark.parametrize(
    "question", ["What is CORS?", "Which origins does the CORS middleware allow?"]
)
def test_an_english_question_is_answered_from_the_english_page_of_translated_docs(
    one_page_in_five_languages: Library, question: str
) -> None:
    # Every translation names CORS as often, and a short French or Spanish sentence naming it
    # twice came first; the asker reads English.
    answer = one_page_in_five_languages.answer(question)
    assert answer.hits[0].passage.doc == "en/cors.md"


@pytest.mark.parametrize(
    ("question", "lang"),
    [("¿Qué es CORS?", "es"), ("Что такое CORS?", "ru"), ("什么是 CORS？", "zh")],
)
def test_the_same_question_in_another_language_is_answered_from_its_page(
    one_page_in_five_languages: Library, question: str, lang: str
) -> None:
    answer = one_page_in_five_languages.answer(question)
    assert answer.hits[0].passage.doc == f"{lang}/cors.md"


@pytest.mark.parametrize(
    "question", ["Como faço upload de um arquivo?", "Wie lade ich eine Datei hoch?"]
)
def test_a_question_in_a_language_the_pages_lack_is_told_which_they_are_in(
    one_page_in_five_languages: Library, question: str
) -> None:
    answer = one_page_in_five_languages.answer(question)
    assert answer.foreign and set(answer.corpus_languages) == {"en", "es", "fr", "ru", "zh"}


def test_an_english_paragraph_of_a_russian_manual_keeps_its_place_above_english_notes(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # A reviewer's case: the English documents come first only over passages in other
    # languages; the manual's English paragraph, the exact answer, stays first.
    folder = make_corpus(
        {
            "en-notes.md": TEAM_NOTES,
            "ru-manual.md": RUSSIAN_MANUAL,
        }
    )
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        answer = library.answer("How do I install nginx with apt-get?")
        assert answer.hits[0].passage.doc == "ru-manual.md"
        assert answer.hits[0].passage.text.startswith("To install nginx")


TEAM_NOTES = """\
# Team notes

## Servers

Our servers run Debian. We use nginx on most of them, and we keep notes on how each was set
up in the wiki.

## Packages

We never install packages by hand with apt-get on production: nginx and everything else
comes from the configuration management system.
"""

RUSSIAN_MANUAL = """\
# Руководство администратора

## Установка веб-сервера

Веб-сервер устанавливается из репозитория дистрибутива. Перед установкой обновите список
пакетов и убедитесь, что у вас есть права администратора.

To install nginx, run apt-get install nginx as root; apt-get fetches the package and its
dependencies and starts the service.

После установки служба запускается автоматически. Проверить её состояние можно командой
systemctl status.

## Настройка

Файлы настройки находятся в каталоге /etc/nginx. После изменения настроек перезапустите
службу.
"""


def test_an_english_question_naming_what_only_a_spanish_manual_describes_finds_it(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # The tool's name is in no English passage but the Spanish ones', too small a share of the
    # corpus to read English words in: English passages saying "detect" were quoted.
    guide = (MULTILINGUAL / "es" / "maint-guide-start.txt").read_text(encoding="utf-8")
    folder = make_corpus(
        {
            "guia.txt": guide,
            "manual.txt": "Pavimenta2\n\nPavimenta2 es una herramienta para revisar carreteras."
            " Pavimenta2 detecta y clasifica las fallas del pavimento en los videos.\n",
        }
    )
    shutil.copytree(SQLITE, folder, dirs_exist_ok=True)
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        answer = library.answer("what does pavimenta2 detect?")
        assert answer.hits[0].passage.doc == "manual.txt"


def test_a_spanish_word_that_is_also_a_form_of_estar_is_searched(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # "estado" is "been" (a stop word of Snowball's list) and "state": "¿Qué es el estado?"
    # had no word left to search.
    folder = make_corpus(
        {
            "react.txt": "Componentes\n\nUn componente de React es una función que devuelve"
            " lo que se muestra en la página.\n\nEl estado es la información que un componente"
            " guarda y que puede cambiar con el tiempo.\n\nLas props son los datos que un"
            " componente recibe de su padre.\n"
        }
    )
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        answer = library.answer("¿Qué es el estado?")
        assert answer.hits[0].passage.text.startswith("El estado es la información")


def test_an_english_word_is_not_read_in_a_minor_language(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # "chair" is in one English passage and two French ones ("la chair du bœuf"): it is an
    # English word, so the French recipe's flesh answers no English question about chairs.
    steps = "\n\n".join(
        f"Étape {n} : coupez les légumes en morceaux réguliers et ajoutez-les au bouillon qui"
        " frémit, puis goûtez et salez selon votre goût."
        for n in range(15)
    )
    folder = make_corpus(
        {
            "recette.txt": f"{steps}\n\nRecette du pot-au-feu\n\nLa chair du bœuf doit cuire"
            " trois heures à petit feu.\n\nServez la chair tranchée avec le bouillon.\n"
        }
    )
    shutil.copytree(SHIPPED, folder, dirs_exist_ok=True)
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        for question in ("Who chairs the meeting?", "Who will chair the strategic dialogue?"):
            assert all(hit.passage.lang == "en" for hit in library.answer(question).hits)


def test_english_stop_words_alone_are_not_read_as_another_corpus_language(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # "the" is no Catalan word, but a Catalan page naming "The Beatles" writes it: the question
    # "the" was read as Catalan and answered from that page instead of asking for a subject.
    catalan = "\n\n".join(
        f"El port {n} de la ciutat té molts vaixells i els pescadors hi treballen cada dia."
        for n in range(25)
    )
    folder = make_corpus(
        {"ciutat.txt": f"{catalan}\n\nEl grup The Beatles va tocar al port l'any 1964.\n"}
    )
    shutil.copytree(SQLITE, folder, dirs_exist_ok=True)
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        assert "ca" in library.languages()
        with pytest.raises(NoSearchableWordsError):
            library.answer("the")


def test_a_one_page_note_makes_its_language_one_of_the_corpus_s(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # A Japanese notice of two paragraphs beside an English manual of hundreds: the documents
    # are written in Japanese too, and a question in Japanese is not told to ask in English.
    folder = make_corpus(
        {
            "お知らせ.txt": "図書館は土曜日の朝も開館します。\n\n"
            "貸出期間は二週間で、一回だけ延長できます。\n"
        }
    )
    shutil.copytree(SQLITE, folder, dirs_exist_ok=True)
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        assert "ja" in library.languages()
        assert "en" in library.languages()


def test_a_line_of_formulas_is_no_language_of_the_corpus_and_a_note_is(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    """A file holding one line of formulas, read as Greek ("χ(∆1) = 2 − 1 = 1"), made Greek a
    language the documents are written in: a German question was told to ask in English or
    Greek. A one-page note in Japanese still makes Japanese one."""
    folder = make_corpus({})
    shutil.copytree(SQLITE, folder, dirs_exist_ok=True)
    (folder / "formulas.txt").write_text("χ(∆1) = 2 − 1 = 1\n\nα + β = γ\n", encoding="utf-8")
    (folder / "note-ja.txt").write_text(
        "データベースのバックアップは毎晩二時に自動で作られます。保存先は社内のファイルサーバーで、"
        "三十日分が残ります。\n\n復元が必要なときは、情報システム部に連絡してください。担当者が"
        "日付を確認してから、指定された時点のファイルを元の場所に戻します。\n\n"
        "バックアップの設定を変える場合は、事前に部長の承認を得る必要があります。\n",
        encoding="utf-8",
    )
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        answer = library.answer("Wie erstelle ich eine Sicherung der Datenbank?")
        assert "el" not in answer.corpus_languages
        assert "ja" in answer.corpus_languages


def test_the_languages_documents_are_written_in_are_the_same_read_for_a_few(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    """On start-up only the documents holding a passage in a language too rare to count by its
    passages are read (every passage's length was summed); oracle: the reading of them all."""
    folder = make_corpus({})
    shutil.copytree(SQLITE, folder, dirs_exist_ok=True)
    (folder / "formulas.txt").write_text("χ(∆1) = 2 − 1 = 1\n\nα + β = γ\n", encoding="utf-8")
    (folder / "note-es.txt").write_text(
        "La copia de seguridad de la base de datos se hace cada noche a las dos.\n", "utf-8"
    )
    with closing(Library.open(tmp_path / "q.db", folder)) as library:
        store = library.store
        every = store.main_languages()
        languages = store.passage_languages()
        assert {"en", "es"} <= every and "el" in languages and "el" not in every
        for lang in languages:
            assert (lang in store.main_languages(among=[lang])) == (lang in every)
        assert store.main_languages(among=[]) == frozenset()
