"""Real documents in Chinese, Russian, French and Spanish (Debian's translated manuals, sources in
data/eval/corpora/multilingual/SOURCES.md), searched with questions written here from the
documents, as a reader of each language would ask them (French and Spanish ones partly typed
without accents). Not the held-out question set: these only check that the analyzer and the
language detection do their part, with a plain BM25 over paragraphs standing in for the ranker.

All four languages (and the English paragraphs the translations left untranslated) are one
corpus, so a question must also find its own language's passages among the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from rank_bm25 import BM25Okapi

from retrieval.search.analyzer import Analyzer
from retrieval.search.languages import detect
from retrieval.text import clean

CORPORA = Path(__file__).resolve().parents[2] / "data" / "eval" / "corpora" / "multilingual"

# (question, a piece of the paragraph that answers it)
QUESTIONS = {
    "zh": [
        ("Debian 有多少个软件包？", "59100"),
        ("软件包里的 Installed-Size 是什么意思", "Installed-Size 指出了"),
        ("新手桌面用户应该用哪个发布版本", "如果您是一位新的桌面用户"),
        ("unstable 里的软件是最新的吗", "unstable 中的版本最新"),
        ("Ubuntu 这种基于 Debian 的发行版算不算 Debian", "这些发行版是基于 Debian 的"),
        ("从 Ubuntu 换到 Debian 要重装系统吗", "从头重新安装操作系统"),
        ("aptitude 能做什么", "aptitude 让用户可以方便快捷地完成"),
        ("用 dpkg-deb 解压的包算安装了吗", "dpkg-deb --extract 解压的软件包并没有被正确安装"),
        ("卸载程序后为什么库还留在系统里", "对于库而言，也有类似的状况"),
        ("德语环境下数字怎么显示", "不同语言环境的数字标点不一样"),
        ("怎么安装日文输入法", "安装日文输入法软件包"),
        ("gnupg 有什么用", "gnupg - 让你可以使用"),
        ("quilt 是用来做什么的", "quilt - 此软件包帮助你管理"),
        ("可以一夜之间成为 Debian 开发者吗", "一夜之间成为 Debian Developer"),
        ("标准优先级的软件包包括什么", "标准（Standard） 软件包是"),
        ("什么时候一个软件包建议安装另一个", "那么 A 建议（suggest）B"),
        ("Debian 源码包能直接安装吗", "无法真正地“安装”Debian 源码包"),
        ("testing 冻结以后修复怎么处理", "当 testing 被冻结时"),
    ],
    "ru": [
        ("Сколько пакетов в Debian?", "59100 пакетами"),
        ("Как правильно произносится название Debian?", "Имя проекта произносится"),
        ("Что означает поле Installed-Size?", "Installed-Size отражает размер"),
        ("Какие пакеты ставятся при установке по умолчанию?", "установку Debian по умолчанию"),
        ("Когда один пакет ломает другой?", "Пакет А ломает пакет Б"),
        ("Что значит зафиксировать пакет?", "зафиксировать (hold)"),
        ("Где найти советы и решения частых проблем?", "Решения общих проблем"),
        ("Как называются списки рассылки Debian?", "Списки рассылки Debian именуются"),
        ("Есть ли в Debian система для сообщений об ошибках?", "систему отслеживания ошибок"),
        ("Для чего нужен пакет dh-make?", "пакет dh-make необходим"),
        ("Что делать, если исходники упакованы в zip?", ".Z или .zip"),
        ("Что проверить первым делом, прежде чем создавать пакет?", "Первое, что вам необходимо"),
    ],
    "fr": [
        ("Combien de paquets fournit Debian ?", "Debian fournit plus de 59100 paquets"),
        ("comment se prononce le nom Debian", "Le nom du projet est prononcé"),
        ("quelle version choisir pour un nouvel utilisateur de bureau", "un nouvel utilisateur"),
        ("les paquets de testing ont ils des trous de securite", "des trous de sécurité"),
        ("Ubuntu et Knoppix font-ils partie du projet Debian ?", "ne viennent pas du projet"),
        ("quand est-ce qu'un paquet en remplace un autre", "Le paquet A remplace le paquet B"),
        ("a quoi sert lintian", "lintian — c'est le vérificateur"),
        ("que signifie le numero de version VVV", "Le composant VVV est le numéro"),
        ("acceder aux bogues par courrier electronique", "Un serveur de courrier fournit"),
        ("les listes de diffusion sont-elles publiques", "sont des forums publics"),
        ("qu'est-ce qu'un parrain", "parrain : une personne qui aide"),
        ("à quoi servent les scripts lancés avant ou après l'installation", "Ces fichiers sont"),
    ],
    "es": [
        ("¿Qué ofrece SSH?", "El programa Secure Shell (SSH) ofrece"),
        ("como se configura la red con systemd", "Con systemd, la red puede configurarse"),
        ("que proporciona Netfilter", "Netfilter aporta la infraestructura"),
        ("¿Qué es XML?", "El Lenguaje de Marcado Extensible (XML)"),
        ("para que sirve troff", "El programa Unix troff"),
        ("la patente de LZW sigue vigente", "(LZW) ha expirado"),
        ("que variables de entorno hay que definir para dh_make", "$DEBEMAIL y $DEBFULLNAME"),
        ("cuanto tiempo lleva mantener paquetes debian", "necesitarás muchas horas"),
        ("hay que crear un paquete nuevo para ser desarrollador oficial", "no es necesario"),
        ("qué es git", "git - este paquete instala el popular sistema"),
        ("que hacer cuando recibo un aviso de fallo", "Cuando recibas un aviso de fallo"),
        ("como limpiar el directorio donde se compila", "make clean (o mejor make distclean)"),
    ],
}


# hit@3 and MRR this plain BM25 must reach per language (see the test below).
FLOORS = {"zh": (0.7, 0.6), "ru": (0.55, 0.55), "fr": (0.9, 0.75), "es": (0.7, 0.65)}


@dataclass(frozen=True)
class Corpus:
    paragraphs: list[str]
    languages: list[str]
    bm25: BM25Okapi


# Numbered headings ("7.1. 什么是 Debian 软件包？"): the product makes them the sections of the
# paragraphs under them, searched with them as a weaker field; here they are added to them.
_HEADING = re.compile(r"\d+(\.\d+)+\.? ")


def sections_of(path: Path) -> list[tuple[str, str]]:
    """``(section, paragraph)`` pairs; a table of contents (headings only) gives none."""
    found = [p.strip() for p in clean(path.read_text(encoding="utf-8")).split("\n\n")]
    section = ""
    pairs = []
    for paragraph in filter(None, found):
        if _HEADING.match(paragraph):
            section = paragraph
        else:
            pairs.append((section, paragraph))
    return pairs


def passage_languages(paragraphs: Sequence[str]) -> list[str]:
    """Each paragraph's language, the document's as the prior for the short ones."""
    document = detect(" ".join(paragraphs)[:20000])
    return [detect(p, prior=document) for p in paragraphs]


@cache
def corpus() -> Corpus:
    analyzer = Analyzer()
    paragraphs: list[str] = []
    languages: list[str] = []
    docs: list[list[str]] = []
    for path in sorted(CORPORA.glob("*/*.txt")):
        pairs = sections_of(path)
        texts = [text for _, text in pairs]
        found = passage_languages(texts)
        for (section, text), lang in zip(pairs, found, strict=True):
            docs.append(analyzer.terms(text, lang) + analyzer.terms(section, lang) or ["_"])
        paragraphs += texts
        languages += found
    return Corpus(paragraphs, languages, BM25Okapi(docs))


def rank_of(question: str, gold: str, analyzer: Analyzer, candidates: Sequence[str]) -> int | None:
    """Where the first paragraph holding ``gold`` ranks for ``question`` (1-based), or None,
    among the paragraphs in the question's language (as the library is to search them)."""
    found = corpus()
    lang = analyzer.detect(question, candidates)
    scores = found.bm25.get_scores(analyzer.terms(question, lang))
    mine = [i for i, passage_lang in enumerate(found.languages) if passage_lang == lang]
    order = sorted(mine, key=lambda i: -scores[i])[:10]
    for position, i in enumerate(order, 1):
        if gold in found.paragraphs[i]:
            return position
    return None


def test_every_gold_piece_is_in_the_corpus() -> None:
    paragraphs = corpus().paragraphs
    for cases in QUESTIONS.values():
        for _, gold in cases:
            assert any(gold in p for p in paragraphs), gold


def test_the_corpus_languages_are_its_four_and_english() -> None:
    shares = {lang: corpus().languages.count(lang) for lang in set(corpus().languages)}
    big = {lang for lang, n in shares.items() if n >= 20}
    assert big == {"zh", "ru", "fr", "es", "en"}, shares


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_questions_find_their_paragraph_in_the_top_three(lang: str) -> None:
    analyzer = Analyzer()
    candidates = ["zh", "ru", "fr", "es", "en"]
    ranks = [rank_of(q, gold, analyzer, candidates) for q, gold in QUESTIONS[lang]]
    hit3 = sum(1 for r in ranks if r is not None and r <= 3) / len(ranks)
    mrr = sum(1 / r for r in ranks if r is not None) / len(ranks)
    misses = [q for (q, _), r in zip(QUESTIONS[lang], ranks, strict=True) if r is None or r > 3]
    # Plain BM25 without the product's re-ranking: these floors guard the analyzer's share
    # (measured at this commit: zh 0.72 / 0.67, ru 0.58 / 0.61, fr 0.92 / 0.81, es 0.75 / 0.72).
    assert hit3 >= FLOORS[lang][0] and mrr >= FLOORS[lang][1], (hit3, mrr, misses)


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_questions_are_detected_in_their_language(lang: str) -> None:
    candidates = ["zh", "ru", "fr", "es", "en"]
    detected = [detect(q, candidates) for q, _ in QUESTIONS[lang]]
    assert detected == [lang] * len(detected)
