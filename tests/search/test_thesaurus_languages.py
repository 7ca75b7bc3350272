"""The Spanish and Chinese thesauri: a question word the documents lack is searched with its
synonyms in the question's language too (Chinese: once thesaurus.LANGUAGES holds it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.library import Library
from retrieval.search import thesaurus
from retrieval.search.analyzer import Analyzer
from tools.omw_thesaurus import chinese_word, read_tab, synonyms

SPANISH = {
    "coches.txt": (
        "Consumo y mantenimiento\n\n"
        "Un automóvil pequeño consume unos cinco litros de gasolina cada cien kilómetros en "
        "la ciudad, y algo menos en la carretera si se conduce a velocidad constante.\n\n"
        "La nevera consume electricidad día y noche; en verano consume más, porque la puerta "
        "se abre a menudo.\n\n"
        "Las ruedas deben revisarse cada mes: una presión baja aumenta el gasto de "
        "combustible y desgasta los neumáticos antes de tiempo.\n"
    )
}
CHINESE = {
    "检验.txt": (
        "安全检验\n\n"
        "机动车应当定期进行安全技术检验，合格后方可上路。\n\n"
        "船舶在每次远航之前也要进行检验，由船长负责安排。\n\n"
        "电梯应当每年进行安全技术检验。\n"
    )
}


def test_a_spanish_word_the_documents_lack_finds_the_passage_with_its_synonym(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # "coches", plural: found through its stem, as the analyzer reads it (coche's synonyms).
    library = Library.open(tmp_path / "t.db", make_corpus(SPANISH))
    answer = library.answer("¿Cuánto consumen los coches?")
    assert "automóvil" in answer.hits[0].passage.text  # not the fridge's, shorter
    library.close()


def test_a_chinese_word_the_documents_lack_finds_the_passage_with_its_synonym(
    make_corpus: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chinese questions are not searched with synonyms yet (thesaurus.LANGUAGES); the table
    # and the way to it are ready.
    monkeypatch.setattr(thesaurus, "LANGUAGES", thesaurus.TABLES)
    library = Library.open(tmp_path / "t.db", make_corpus(CHINESE))
    answer = library.answer("汽车的安全技术检验多久做一次？")
    assert "机动车" in answer.hits[0].passage.text
    library.close()


@pytest.mark.parametrize(
    ("lang", "word", "expected"),
    [
        ("es", "coches", "es:automovil"),
        ("zh", "汽车", "zh:机动车"),
    ],
)
def test_the_tables_load_and_read_a_word_as_the_analyzer_does(
    lang: str, word: str, expected: str
) -> None:
    analyzer = Analyzer()
    (token,) = analyzer.tokens(word, lang)
    assert expected in thesaurus.alternatives(token, lang, analyzer, 6)


@pytest.mark.parametrize("word", ["clave", "instalar"])
def test_a_spanish_word_borrows_no_synonyms_from_another_word_of_its_stem(word: str) -> None:
    # The stemmer reads "clave" as clavar's stem: it found "arrestar" (a reviewer's case).
    analyzer = Analyzer()
    (token,) = analyzer.tokens(word, "es")
    found = set(thesaurus.alternatives(token, "es", analyzer, 6))
    assert not found & {"es:arrest", "es:captur", "es:servici"}


def test_a_language_without_a_table_has_no_synonyms() -> None:
    analyzer = Analyzer()
    (token,) = analyzer.tokens("пакеты", "ru")
    assert list(thesaurus.alternatives(token, "ru", analyzer, 6)) == []


@pytest.mark.parametrize("lang", ["es", "zh"])
def test_each_table_stays_small(lang: str) -> None:
    assert (thesaurus.FOLDER / f"{lang}.tsv").stat().st_size < 3_000_000


def test_a_word_s_commonest_sense_is_the_one_english_uses_most() -> None:
    # "banco": a bench (tagged twice in English) and a bank (tagged forty times); a phrase and
    # a capitalised name are no single words of a question.
    synsets = read_tab([
        "# Multilingual Central Repository\tspa\turl\tCC BY 3.0",
        "00000001-n\tlemma\tbanco",
        "00000001-n\tlemma\tasiento",
        "00000002-n\tlemma\tbanco",
        "00000002-n\tlemma\tentidad bancaria",
        "00000002-n\tlemma\tbanca",
        "00000002-n\tlemma\tBanesto",
    ])  # fmt: skip
    counts = {"00000001-n": 2, "00000002-n": 40}
    table = synonyms(synsets, counts, lambda lemma, _: lemma if lemma.isalpha() else None)
    assert table["banco"] == ["banca", "Banesto"]
    assert table["asiento"] == ["banco"]


@pytest.mark.parametrize(
    ("lemma", "part", "expected"),
    [
        ("美丽的", "a", "美丽"),
        ("机动车", "n", "机动车"),
        ("双手叉腰的", "s", None),
        ("车", "n", None),
    ],
)
def test_a_chinese_lemma_is_a_word_as_jieba_reads_it(
    lemma: str, part: str, expected: str | None
) -> None:
    assert chinese_word(lemma, part) == expected
