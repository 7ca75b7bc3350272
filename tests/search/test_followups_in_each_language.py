"""A follow-up in each language the bot speaks finds the passage it asks for: the earlier
question gives the subject, the follow-up what is asked of it, and a Chinese "then" (那) opening
the follow-up does not swallow the name it asks about."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search import cjk
from retrieval.search.followups import plain_language
from tests.search.conversations import context_after, first_after

MOONS = {
    "mars-zh.txt": "火星的卫星\n\n"
    "火卫一是火星较大的卫星，由阿萨夫·霍尔在1877年8月18日发现，轨道离火星很近。\n\n"
    "火卫二是火星较小的卫星，直径约12公里，每30小时绕火星公转一周。\n\n"
    "火星表面的颜色来自氧化铁，看上去是橘红色的。\n",
    "mars-ru.txt": "Спутники Марса\n\n"
    "Фобос и Деймос открыл американский астроном Асаф Холл в 1877 году.\n\n"
    "Оба спутника имеют неправильную форму и покрыты кратерами.\n\n"
    "Красный цвет поверхности Марса придаёт оксид железа.\n",
    "marte-es.txt": "Los satélites de Marte\n\n"
    "Fobos y Deimos fueron descubiertos por el astrónomo Asaph Hall en 1877.\n\n"
    "Ambos satélites tienen forma irregular y están cubiertos de cráteres.\n\n"
    "El color rojo de la superficie de Marte se debe al óxido de hierro.\n",
    "mars-fr.txt": "Les satellites de Mars\n\n"
    "Phobos et Deimos ont été découverts par l'astronome Asaph Hall en 1877.\n\n"
    "Les deux satellites ont une forme irrégulière et sont couverts de cratères.\n\n"
    "La couleur rouge de la surface de Mars vient de l'oxyde de fer.\n",
}


@pytest.fixture(scope="module")
def moons(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(MOONS)


def test_a_chinese_then_leaves_the_name_after_it_whole() -> None:
    words = [word for word, _, _ in cjk.chinese_words("那火卫二呢")]
    assert "火卫二" in words  # not 那火卫 | 二: "then" glued to half of "Deimos"
    assert [word for word, _, _ in cjk.chinese_words("那不勒斯在哪里")][:2] != ["那", "不"]


@pytest.mark.parametrize(
    ("first", "then", "answer"),
    [
        ("火卫一是什么时候被发现的？", "那火卫二呢？", "直径约12公里"),
        ("Кто открыл Фобос и Деймос?", "А какой они формы?", "неправильную форму"),
        ("¿Quién descubrió Fobos y Deimos?", "¿Y qué forma tienen?", "forma irregular"),
        ("Qui a découvert Phobos et Deimos ?", "Et quelle forme ont-ils ?", "forme irrégulière"),
    ],
)
def test_a_follow_up_finds_what_it_asks_of_the_earlier_subject(
    moons: Library, first: str, then: str, answer: str
) -> None:
    assert answer in first_after(moons, first, then)


# The earlier question in each question's own language: one in another language starts anew.
EARLIER = {
    "fr": "Qui a découvert Phobos ?",
    "ru": "Кто открыл Фобос?",
    "es": "¿Quién descubrió Fobos?",
    "zh": "火卫一是什么时候被发现的？",
}


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("fr", "Comment les Romains appelaient-ils Vénus ?"),  # "les" is the French article
        ("fr", "La version stable est-elle signée ?"),  # "elle" is the subject opening it
        ("fr", "Quand la préface a-t-elle été écrite ?"),  # "elle" is "la préface"
        ("fr", "Qui soigne Paul quand il est blessé ?"),  # "il" is Paul
        ("fr", "Que prévoit l'article 12 ?"),  # the number is the article's
        ("ru", "О чём говорит статья 15?"),
        ("es", "¿Qué establece el artículo 9?"),
        ("zh", "为什么火星是红色的？"),  # "why", then what it asks about
        ("zh", "“Debian”这个名字是怎么来的？"),  # "this name" is the quoted one
    ],
)
def test_questions_saying_what_they_ask_about_do_not_lean_on_the_one_before(
    lang: str, question: str
) -> None:
    assert context_after(EARLIER[lang], question) is None


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("zh", "为什么？"),
        ("zh", "为什么不行？"),
        ("fr", "Et l'article 5 ?"),
        ("ru", "А статья 5?"),
        ("fr", "Est-elle signée ?"),
        ("fr", "Quand a-t-elle été découverte ?"),  # "elle": no subject named before it
        ("es", "¿Y qué forma tienen?"),
    ],
)
def test_short_questions_still_lean_on_the_one_before(lang: str, question: str) -> None:
    assert context_after(EARLIER[lang], question)


@pytest.mark.parametrize(
    ("first", "then"),
    [
        # The tester's French question on another book was searched with the Spanish one.
        ("¿Cómo funciona el modo sin conexión?", "Quand la préface a-t-elle été écrite ?"),
        ("¿Cómo funciona el modo sin conexión?", "Et sur Windows ?"),
        ("Qui a découvert Phobos ?", "А статья 5?"),
        ("What is the offline mode?", "¿Y qué forma tienen?"),
        ("Кто открыл Фобос?", "那火卫二呢？"),
        ("火卫一是什么时候被发现的？", "and what about Deimos?"),
    ],
)
def test_a_question_in_another_language_starts_a_new_subject(first: str, then: str) -> None:
    assert context_after(first, then) is None


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("what is bat?", "and redo?"),  # too few words to tell a language: still follows
        ("¿Qué hace la opción loadSidebar?", "¿y loadNavbar?"),
        ("Как установить bat на Arch?", "а на Windows?"),
        ("What is the offline mode?", "7 ?"),
    ],
)
def test_a_short_follow_up_without_a_language_of_its_own_still_follows(
    first: str, then: str
) -> None:
    assert context_after(first, then)


def test_a_number_asked_after_a_question_keeps_its_language(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "7" after an English question was answered in French, the language of the passage
    # holding a "7": a number has no language, the conversation has one.
    library = write_library(
        {
            "undo.txt": "Undoing\n\nPress z to undo the last action and shift+z to redo it.\n",
            "livre.txt": "Le jardin\n\nLe chapitre 7 raconte la visite du jardin en été.\n",
        }
    )
    earlier = "what is the weather like in winter?"  # English, and about nothing here
    answer = library.answer("7", context=context_after(earlier, "7"))
    assert answer.hits and answer.hits[0].passage.lang == "fr"  # only the French one has it
    assert answer.language == "en"
    assert library.answer("7").language == "fr"  # asked alone, the passage's language


# Japanese follow-ups as the tester asked them (tryout 15 #5), on a page of the Vite docs in
# Japanese, shortened.
VITE = {
    "server-ja.md": "# サーバーオプション\n\n"
    "## server.port\n\n"
    "サーバーのポートを指定します。デフォルトは 5173 です。\n\n"
    "## server.strictPort\n\n"
    "true に設定すると、ポートが使用されている場合に、次のポートを試すことなく終了します。\n\n"
    "## インストール\n\n"
    "npm create vite@latest でプロジェクトを作成します。\n\n"
    "pnpm を使う場合は pnpm create vite を実行します。\n",
}


@pytest.fixture(scope="module")
def vite(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(VITE)


@pytest.mark.parametrize(
    ("first", "then", "answer"),
    [
        ("Vite プロジェクトを新しく作るコマンドは？", "pnpm の場合は？", "pnpm create vite"),
        ("Vite プロジェクトを新しく作るコマンドは？", "じゃあ pnpm は？", "pnpm create vite"),
    ],
)
def test_a_japanese_or_korean_follow_up_finds_what_it_asks(
    vite: Library, first: str, then: str, answer: str
) -> None:
    assert answer in first_after(vite, first, then)


@pytest.mark.parametrize(
    "question",
    [
        "それはどう？ポートが使われてたら別のポートにしないでエラーにしたい",
        "Vite 7 は？",
        "いつ？",
        "그건 어떻게 해요?",
    ],
)
def test_japanese_and_korean_questions_pointing_back_lean_on_the_one_before(
    question: str,
) -> None:
    earlier = "포트는 무엇인가요?" if "\uac00" <= question[0] <= "\ud7a3" else "ポートは？"
    assert context_after(earlier, question)


@pytest.mark.parametrize(
    "question",
    [
        "server.port のデフォルトは？",  # names what it asks about
        "JSON ファイルってそのまま import できる？",  # そのまま: "as it is"
        "それぞれの違いは？",  # それぞれ: "each"
        "その他の設定は？",  # その他: "other" (the Chinese rule read its 他 as "he")
        "포트 번호를 바꾸려면 어떻게 하나요?",
    ],
)
def test_japanese_and_korean_questions_of_their_own_stand_alone(question: str) -> None:
    assert context_after("開発サーバーのポートは？", question) is None
    assert context_after("포트는 무엇인가요?", question) is None


def test_a_japanese_question_is_not_taken_for_chinese() -> None:
    # The chat's replies follow plain_language: "もっと" was answered in Chinese.
    assert plain_language("もっと") == "ja"
    assert plain_language("这个呢？") == "zh"
    assert plain_language("그럼 v-model은요?") == "ko"
    assert context_after("这个怎么用？", "それはどう？") is None  # another language: a new subject
    # Chinese writes "・" in foreign names: no kana, still a Chinese follow-up (a final reader's)
    assert context_after("蒙娜丽莎是谁画的？", "那达・芬奇呢？") is not None
