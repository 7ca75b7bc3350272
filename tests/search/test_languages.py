"""Languages: telling them apart, and each one's words becoming terms that meet."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.search.analyzer import Analyzer, Synonyms, covered_unknowns, default_synonyms_path
from retrieval.search.languages import (
    ENDONYMS,
    LANGUAGES,
    corpus_languages,
    detect,
    document_language,
    stop_word_hits,
    stop_words,
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Synonyms.load(default_synonyms_path()))


def same_terms(analyzer: Analyzer, lang: str, *texts: str) -> bool:
    first = analyzer.terms(texts[0], lang)
    return bool(first) and all(analyzer.terms(t, lang) == first for t in texts[1:])


# ------------------------------------------------------------------------------ detection
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("如何安装软件包？", "zh"),
        ("Debian 是什么", "zh"),  # one English name in a Chinese question
        ("パッケージをインストールする方法", "ja"),
        ("日本語の文章です", "ja"),  # kanji with kana
        ("패키지를 설치하는 방법", "ko"),
        ("Как установить пакет?", "ru"),
        ("ما هو نظام دبيان؟", "ar"),
        ("چگونه یک بسته را نصب کنم؟", "fa"),
        ("איך מתקינים חבילה?", "he"),
        ("Πώς εγκαθιστώ ένα πακέτο;", "el"),
        ("Comment installer un paquet sur Debian ?", "fr"),
        ("¿Cómo se instala un paquete en Debian?", "es"),
        ("Como instalar um pacote no Debian?", "pt"),
        ("Wie installiere ich ein Paket unter Debian?", "de"),
        ("How do I install a package on Debian?", "en"),
    ],
)
def test_languages_are_told_apart_without_candidates(text: str, lang: str) -> None:
    assert detect(text) == lang


def test_candidates_decide_among_languages_of_one_script() -> None:
    assert detect("que es git", ["en", "es"]) == "es"
    assert detect("que es git", ["en", "fr"]) == "fr"
    assert detect("a quoi sert lintian", ["fr", "en", "es"]) == "fr"
    assert detect("tell me about lintian", ["fr", "en", "es"]) == "en"


def test_a_script_no_candidate_writes_gives_its_own_language() -> None:
    # A Russian question to an English and French corpus: "ru", for the caller to say so.
    assert detect("Как установить пакет?", ["en", "fr"]) == "ru"
    assert detect("如何安装软件包？", ["en"]) == "zh"


def test_a_short_kanji_line_takes_its_documents_language() -> None:
    # "型: number", "非推奨" in a Japanese document are Japanese; in a Chinese one Chinese; a
    # line with Chinese particles is Chinese wherever it stands.
    assert detect("型: number", prior="ja") == detect("非推奨", prior="ja") == "ja"
    assert detect("非推奨", prior="zh") == detect("非推奨") == "zh"
    assert detect("这个怎么用", prior="ja") == "zh"


def test_chinese_characters_alone_are_japanese_only_for_a_japanese_corpus() -> None:
    assert detect("東京大学", ["zh", "ja"]) == "zh"
    assert detect("東京大学", ["ja", "en"]) == "ja"
    # A Chinese question word or particle, which Japanese never writes, makes it Chinese, to
    # be told the documents are not (in either script); kanji alone stay Japanese for a
    # Japanese corpus, however many, and whichever are also simplified forms (干, 准).
    assert detect("批量归一化有什么用？", ["en", "ja"]) == "zh"
    assert detect("什麼是機器學習", ["ja"]) == "zh"
    for kanji in ("自然言語処理", "干渉縞", "准教授"):
        assert detect(kanji, ["ja"]) == "ja"
    assert detect("東京大学の入試", ["en", "ja"]) == "ja"


def test_a_short_unsure_text_keeps_its_prior() -> None:
    assert detect("Debian GNU/Linux", ["en", "fr"], prior="fr") == "fr"
    assert detect("Debian GNU/Linux", ["en", "fr"], prior="en") == "en"
    assert detect("12.5 ?!", prior="es") == "es"
    assert detect("") == "en"


def test_the_analyzer_detects_only_when_given_candidates() -> None:
    english_only = Analyzer()
    assert english_only.terms("les paquets") == ["les", "paquet"]
    anything = Analyzer(languages=None)
    assert anything.terms("Comment installer les paquets Debian") == anything.terms(
        "Comment installer les paquets Debian", "fr"
    )
    assert anything.detect("Как установить пакет?") == "ru"


# ------------------------------------------------------------------------------ terms
def test_terms_of_other_languages_carry_their_language(analyzer: Analyzer) -> None:
    assert analyzer.terms("пакеты", "ru") == ["ru:пакет"]
    assert analyzer.terms("paquets", "fr") == ["fr:paquet"]
    assert analyzer.terms("paquetes", "es") == ["es:pacet"]  # qu before e folded: see below
    assert analyzer.terms("packages") == ["packag"]  # English as it always was


def test_the_same_stem_in_two_languages_stays_two_terms(analyzer: Analyzer) -> None:
    # "gift" is a present in English and poison in German; "pain" is bread in French.
    assert analyzer.terms("Gift", "de") != analyzer.terms("gift", "en")
    assert analyzer.terms("pain", "fr") != analyzer.terms("pain", "en")


def test_numbers_are_shared_by_every_language(analyzer: Analyzer) -> None:
    for text, lang in [
        ("в 2024 году", "ru"),
        ("2024 年", "zh"),
        ("en 2024", "fr"),
        ("في عام ٢٠٢٤", "ar"),
        ("in 2024", "en"),
    ]:
        assert "2024" in analyzer.terms(text, lang), (text, lang)


def test_russian_yo_is_ye_and_short_i_stays(analyzer: Analyzer) -> None:
    assert same_terms(analyzer, "ru", "ёлка", "елка", "Ёлка")
    assert analyzer.terms("йод", "ru") != analyzer.terms("иод", "ru")  # й is no и


def test_french_spanish_portuguese_questions_typed_without_accents_meet(
    analyzer: Analyzer,
) -> None:
    assert same_terms(analyzer, "fr", "sécurité", "securite", "SÉCURITÉ")
    assert same_terms(analyzer, "fr", "généré", "genere")
    assert same_terms(analyzer, "es", "configuración", "configuracion")
    assert same_terms(analyzer, "es", "¿Cómo?", "como") is False  # "como" is a stop word
    assert same_terms(analyzer, "pt", "instalação", "instalacao")
    assert same_terms(analyzer, "fr", "nœud", "noeud", "NŒUD")  # and without the ligature
    assert same_terms(analyzer, "fr", "mettre en œuvre", "mettre en oeuvre")


def test_spanish_verbs_meet_whatever_spelling_their_ending_asks(analyzer: Analyzer) -> None:
    # "¿Qué pasa al arrancar?" finds "el proceso de arranque"; "busqué" finds "buscar".
    assert same_terms(analyzer, "es", "arrancar", "arranque", "arranqué")
    assert same_terms(analyzer, "es", "buscar", "busqué", "busque")
    assert same_terms(analyzer, "es", "llegar", "llegue")
    assert analyzer.terms("¿Qué es lo que busqué?", "es") == analyzer.terms("buscar", "es")
    assert same_terms(analyzer, "es", "cuota", "cuotas")  # a u not after q or g stays


def test_french_elisions_leave_the_word(analyzer: Analyzer) -> None:
    assert analyzer.terms("l'installation", "fr") == analyzer.terms("installation", "fr")
    assert analyzer.terms("qu'il", "fr") == []
    assert analyzer.terms("d'un paquet", "fr") == ["fr:paquet"]


def test_stop_words_of_each_language_are_dropped(analyzer: Analyzer) -> None:
    assert analyzer.terms("и в на что как почему", "ru") == []
    assert analyzer.terms("le la les de des et est pourquoi", "fr") == []
    assert analyzer.terms("el la los de que y cuál", "es") == []
    assert analyzer.terms("的 是 什么 如何", "zh") == []
    assert analyzer.terms("في من على هو", "ar") == []


def test_arabic_vowel_marks_are_folded(analyzer: Analyzer) -> None:
    assert same_terms(analyzer, "ar", "الحُزَم", "الحزم")


def test_chinese_is_cut_into_words_and_the_words_inside_them(analyzer: Analyzer) -> None:
    terms = analyzer.terms("软件包管理工具", "zh")
    assert {"zh:软件", "zh:软件包", "zh:管理", "zh:工具"} <= set(terms)
    # so a question with the shorter word finds the passage with the longer one
    assert set(analyzer.terms("软件", "zh")) <= set(terms)


def test_latin_words_in_a_chinese_or_russian_text_are_english(analyzer: Analyzer) -> None:
    assert "debian" in analyzer.terms("Debian 的软件包", "zh")
    assert "packag" in analyzer.terms("пакеты (packages)", "ru")
    assert analyzer.terms("dpkg", "zh") == analyzer.terms("dpkg", "ru") == ["dpkg"]


def test_japanese_kanji_and_korean_are_cut_into_bigrams_katakana_kept_whole(
    analyzer: Analyzer,
) -> None:
    assert analyzer.terms("標本木", "ja") == ["ja:標本", "ja:本木"]
    assert analyzer.terms("パッケージ", "ja") == ["ja:パッケージ"]
    assert analyzer.terms("한국어", "ko") == ["ko:한국", "ko:국어"]


def test_chinese_tokens_point_at_their_words(analyzer: Analyzer) -> None:
    text = "请安装 Debian 软件包。"
    for token in analyzer.tokens(text, "zh"):
        word = text[token.start : token.end]
        assert token.term.removeprefix("zh:") == word or token.term == "debian"


def test_every_language_has_its_stop_words_folded_as_its_text() -> None:
    assert "еще" in stop_words("ru")  # written "ещё" in the Snowball list
    assert "meme" in stop_words("fr")  # "même"
    assert all(not w.startswith("#") for code in LANGUAGES for w in stop_words(code))


# ------------------------------------------------------------------------------ corpus level
def test_a_corpus_is_in_the_languages_of_a_fair_share_of_its_passages() -> None:
    passages = ["zh"] * 60 + ["en"] * 30 + ["ru"] * 8 + ["sv"] * 2
    assert corpus_languages(passages) == ("zh", "en", "ru")
    assert corpus_languages([]) == ()


def test_a_document_language_is_its_text_s() -> None:
    assert (
        document_language("第 1 章 定义和概览\n\n本文档提供了关于 Debian 发行版的常见问题。")
        == "zh"
    )
    assert document_language("Chapitre 1. Définitions\n\nCe document répond aux questions.") == "fr"


def test_every_language_has_a_name_in_itself() -> None:
    assert set(ENDONYMS) == set(LANGUAGES)


def test_a_question_plainly_in_another_latin_language_is_told_apart_from_the_corpus_s() -> None:
    # so the library can answer with a hint naming the corpus's languages
    assert detect("comment installer un paquet", ["en"]) == "fr"
    assert detect("wie installiere ich Pakete", ["en"]) == "de"
    # but English questions, even without a stop word, are never taken for another language
    for question in ["missile defence Russia", "peace keeping", "Debian", "and in 2003?"]:
        assert detect(question, ["en"]) == "en"


def test_a_compound_whose_parts_the_corpus_has_is_no_unknown_word(analyzer: Analyzer) -> None:
    tokens = analyzer.tokens("软件包管理工具", "zh")
    corpus = {"zh:软件", "zh:软件包", "zh:管理", "zh:工具"}
    # (理工 "science and engineering" across the seam of 管理 + 工具 is no word of it at all)
    assert covered_unknowns(tokens, corpus.__contains__) == {"zh:管理工具"}
    # a word with a character no known term covers stays unknown
    tokens = analyzer.tokens("量子计算机", "zh")
    found = covered_unknowns(tokens, {"zh:计算机"}.__contains__)
    assert "zh:量子" in {t.term for t in tokens} and "zh:量子" not in found
    assert detect("How do I install a package?", ["fr", "es"]) == "en"
    assert detect("Comment installer un paquet ?", ["fr", "es"]) == "fr"


@pytest.fixture
def model_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder for the language model, loaded afresh in it and after the test."""
    from retrieval.search import languages

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    languages._loaded.cache_clear()
    yield tmp_path / "quotebot"
    languages._loaded.cache_clear()


def test_the_language_model_unpacked_once_into_the_cache_ranks_as_py3langid_does(
    model_cache: Path,
) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    from retrieval.search import languages

    ours = languages._identifier()
    assert list(model_cache.glob("langid-*/ptc.npy"))  # the next start maps it
    theirs = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    theirs.set_languages([c for c in languages.LANGUAGES if c in theirs.labels])
    for text in ("Comment supprimer les espaces ?", "Как удалить пакет?", "sed stands for"):
        assert ours.rank(text)[:3] == theirs.rank(text)[:3]


def test_a_copy_of_the_language_model_missing_a_file_is_read_packed_and_made_again(
    model_cache: Path,
) -> None:
    # Another installation's start removes copies of other models, and a cache may be cleaned
    # by hand: a copy missing a file failed every question ("No such file: ptc.npy").
    from retrieval.search import languages

    languages._identifier()
    (copy,) = model_cache.glob("langid-*")
    (copy / "ptc.npy").unlink()
    languages._loaded.cache_clear()
    assert languages.detect("Comment installer un paquet ?", ["fr", "es"]) == "fr"
    languages._loaded.cache_clear()
    languages._identifier()
    assert (copy / "ptc.npy").is_file()  # the next start unpacked it again


def test_the_language_model_is_unpacked_once_per_model_not_once_per_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from py3langid.langid import MODEL_DIR, MODEL_FILE  # type: ignore[import-untyped]

    from retrieval.search import languages

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = tmp_path / "quotebot"
    cache.mkdir()
    (cache / "langid-4586720-1796505797009072293.npz").write_bytes(b"an older version's")
    (cache / "langid-0.1-123").mkdir()  # another model's copy, unused for a month
    os.utime(cache / "langid-0.1-123", (0, time.time() - 30 * 86400))
    (cache / "club-029dc6a63532.db").write_bytes(b"a corpus database")
    installed = tmp_path / "site-packages" / MODEL_FILE
    installed.parent.mkdir(parents=True)
    shutil.copy(Path(MODEL_DIR) / MODEL_FILE, installed)
    first = languages._unpacked(installed)
    os.utime(installed, ns=(0, 0))  # the same model installed again, at another time
    assert languages._unpacked(installed) == first
    assert [p.name for p in cache.glob("langid-*")] == [first.name if first else ""]
    assert (cache / "club-029dc6a63532.db").exists()  # the cache's other files are no copies


def test_stop_words_say_how_plainly_a_short_question_reads_as_a_language() -> None:
    question = "A quoi sert la comande dch -i ?"  # "comande" is no word of either
    assert stop_word_hits(question, "fr") > stop_word_hits(question, "es")
    assert stop_word_hits("¿Para qué sirve la orden dch?", "es") >= 3


def test_a_language_is_the_corpus_s_when_a_document_is_written_in_it() -> None:
    # A German topology book (700 passages) whose formulas read as Greek ("χ(∆1) = 2 − 1 = 1"),
    # an English book, and one-page notes in Japanese and Chinese
    passages = ["en"] * 1500 + ["de"] * 680 + ["el"] * 22 + ["ja"] * 3 + ["zh"] * 3
    assert corpus_languages(passages, main={"en", "de", "ja", "zh"}) == ("en", "de", "ja", "zh")


def test_a_few_passages_read_as_another_language_of_the_same_script_make_none() -> None:
    # NFCorpus: three abstracts full of drug names read as Spanish made Spanish a language of
    # the documents, and the question "Alli" a Spanish stop word, refused; a French guide of
    # 25 passages beside them still makes French one, and a Russian note of two Russian.
    english = ["en"] * 3000
    assert corpus_languages([*english, *["es"] * 3], main={"en", "es"}) == ("en",)
    found = corpus_languages([*english, *["fr"] * 25, *["ru"] * 2], main={"en", "fr", "ru"})
    assert found == ("en", "fr", "ru")


def test_another_installations_copy_of_the_language_model_in_use_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two environments with two py3langid versions (a bot and `quotebot index` of another
    # install) share the cache: each start of one removed the other's copy, which the next
    # start of the other unpacked again (68 MB, 1.3 s) and removed this one's.
    from py3langid.langid import MODEL_DIR, MODEL_FILE  # type: ignore[import-untyped]

    from retrieval.search import languages

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = tmp_path / "quotebot"
    (cache / "langid-0.1-123").mkdir(parents=True)  # the other installation's, used today
    first = languages._unpacked(Path(MODEL_DIR) / MODEL_FILE)
    assert first is not None and first.is_dir()
    assert (cache / "langid-0.1-123").is_dir()
