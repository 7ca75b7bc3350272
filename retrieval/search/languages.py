"""The languages the analyzer knows: how each folds, stems and drops words, and how to tell them.

Detection is script first (a Han, Cyrillic, Arabic, Hangul or kana text says what it is at once,
even in three words), then py3langid (a naive Bayes model over byte n-grams, BSD, numpy only)
to choose among the languages that share a script, restricted to the candidates given (for a
question: the corpus's own languages). Every language not listed is still searchable: its
words are folded and tagged, just not stemmed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import lzma
import math
import os
import re
import shutil
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

import numpy as np
import numpy.typing as npt

from retrieval.search import scripts
from retrieval.store import cache_folder
from retrieval.text import strip_accents

ENGLISH = "en"
# Chinese question words, particles and common simplified forms, in both scripts, that no
# Japanese text writes (Japanese: 何, 誰, か, これ, 個, 時, 対, 問…).
_CHINESE_WORDS = re.compile("[么麼吗嗎这這们們说說怎哪吧呢啥咋个让还过时对样从应该请问给关为]")
STOP_WORDS_DIR = Path(__file__).resolve().parents[2] / "data" / "stopwords"


def _casefold(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def _fold_accents(word: str) -> str:
    """French, Spanish, Portuguese, Italian: questions are often typed without accents, and
    French without its ligatures ("noeud", "mettre en oeuvre" for nœud, œuvre)."""
    return strip_accents(word).casefold().translate(_LIGATURES)


_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


# Spanish spells a consonant's sound differently before e and i: arrancar → arranque, buscar →
# busqué, llegar → llegue. Snowball keeps arranc and arranqu apart, so "al arrancar" missed
# "el proceso de arranque"; qu and gu before e or i are folded back to c and g.
_ES_SOFTENED = re.compile(r"([qg])u(?=[ei])")


def _fold_spanish(word: str) -> str:
    """Spanish: accents off (often left out when typing) and the spellings a verb changes with
    its ending folded back, so "arranque" meets "arrancar"."""
    return _ES_SOFTENED.sub(lambda m: "c" if m.group(1) == "q" else "g", _fold_accents(word))


# The endings Snowball's French rules name with an accent, as a word typed without accents
# writes them, and theirs: French writes no word in -ee(s) but the participles and nouns in
# -ée(s) (donnée, installées), and the nouns in -ite(s) stem alike with -ité(s) (limite, limité:
# limit), so "securite" is "sécurité" and "premiere" "première".
_FRENCH_UNACCENTED = re.compile(r"(?<=[a-z])(ee|ite|iere)(s?)$")
_FRENCH_ACCENTED = {"ee": "ée", "ite": "ité", "iere": "ière"}


def stem_as_written(word: str) -> str:
    """A French word as it is stemmed: case-folded with its accents (NFC), those of the
    endings an unaccented word writes without them restored (see :data:`_FRENCH_UNACCENTED`).
    Its stem is folded as the language folds words."""
    written = _casefold(word)
    if written.isascii():
        written = _FRENCH_UNACCENTED.sub(_accented_ending, written)
    return written


def _accented_ending(match: re.Match[str]) -> str:
    return _FRENCH_ACCENTED[match.group(1)] + match.group(2)


# Russian words Snowball's Russian stemmer reads one way where the language allows two.
# A noun whose stem ends in -ем or -ом takes -у (систему, проблему, дому): Snowball removes
# -ему/-ому as an adjective's ending (систему: сист, beside система: систем); read as a noun,
# the word with -а for -у. A feminine noun in -ка (-ok, -ek in the genitive plural: ошибка,
# ошибок; настройка, настроек) and a masculine one whose nominative holds the vowel its other
# forms drop (список, списка) keep the vowel Snowball does not remove: read without it.
_RU_NOUN_DATIVE = re.compile(r"(.{3,}[еео])му")
_RU_FLEETING = re.compile(r"(.*[бвгджзклмнпрстфхцчшщ])[оеё]к")
_RU_FLEETING_AFTER_VOWEL = re.compile(r"(.*[аоуыэяеию])ек")
# A Russian verb and the words made of it that Snowball stems apart: the noun of the action
# (изменение: измен|ен, использование: использова|н, beside изменить: измен, использовать:
# использова), the imperfective in -ять (проверять: проверя, beside проверить: провер) and the
# participle (установлен: установл). Each is read as the verb's infinitive too, with the л that
# a labial takes before these endings dropped (обновление, обновлять, установленный: обновить,
# установить). At least three letters before the ending: мнение, имени are no verbs' nouns.
_RU_ACTION_NOUN = re.compile(r"(.{3,}?)(ени|ани|яни)(?:е|я|ю|ем|и|й|ям|ях|ями)")
_RU_IMPERFECTIVE = re.compile(
    r"(.{3,}?)я(?:ть|ться|ет|ется|ют|ются|л|ла|ло|ли|лся|лась|лось|лись|я|ем|ешь|ете|й|йте"
    r"|ющ(?:ий|ая|ее|ие|его|ей|ему|им|их|ими|ую))"
)
_RU_PARTICIPLE = re.compile(r"(.{3,}[бвмпф])л(?:ен|ена|ено|ены|енн\w*)")
_RU_VERB = {"ени": "ить", "ани": "ать", "яни": "ять"}
# A verb in -еть (видеть, смотреть, зависеть, владеть): Snowball removes the endings of its
# present (видит: вид) but not those of its infinitive (видеть: видет) nor those of the present
# of one in -еет (владеет: владеет), which its rules name only after и and ы. Both are stemmed
# as a verb in -ить writes them (видить, владит: вид, влад), so that "где посмотреть" meets
# "посмотрите". Not the past (видел), which nouns share (раздел, модели). Three letters before
# the е at least: сеть, иметь, имеет are left as they are.
_RU_E_INFINITIVE = re.compile(r"(.{3,}?)е(ть|ться|ет|ют|ешь|ете|ется|ются)")
_RU_E_ENDINGS = {"ет": "т", "ют": "т", "ешь": "шь", "ете": "те", "ется": "тся", "ются": "тся"}
# The nouns in -еть, which decline as сеть does (мечети, мечетью: мечет): read as verbs, the
# nominative left its own word for another (мечеть, "mosque": меч, "sword"; подсеть: подс, its
# other cases подсет). No verb ends in -четь (after ч a verb's infinitive is -ать: кричать,
# молчать), and a word in -сеть is a compound of сеть (подсеть, нейросеть, соцсеть) but after
# и or ы (висеть, зависеть, лысеть). Other nouns in -еть are short (плеть, клеть, треть).
_RU_ETH_NOUN = re.compile(r".*(?:ч|[^иы]с)еть")


def stemmed_as(folded: str, code: str) -> str:
    """The form a folded word is given to its language's stemmer as (see
    :data:`_RU_E_INFINITIVE`): itself, but for a Russian verb in -еть."""
    if (
        code == "ru"
        and (match := _RU_E_INFINITIVE.fullmatch(folded))
        and not _RU_ETH_NOUN.fullmatch(folded)
    ):
        return match.group(1) + "и" + _RU_E_ENDINGS.get(match.group(2), match.group(2))
    return folded


_RU_LABIAL_L = re.compile(r"(?<=[бвмпф])л$")


# Spanish adjectives that drop their ending before a masculine noun (apocope): "el primer
# paquete", "la primera versión"; Snowball stems primer as prim (an infinitive's -er).
_ES_APOCOPE = {"primer": "primero", "tercer": "tercero", "buen": "bueno", "gran": "grande"}


# Spanish writes a stem's e and o as ie and ue where the stress falls on them, and keeps e and o
# where it does not: cierra, cierre beside cerrar, cerrado; muestra beside mostrar; encuentra
# beside encontrar; requiere beside requerido. Snowball stems them apart (cierr, cerr).
_ES_DIPHTHONG = re.compile(r"(.*[bcdfghjklmnprstvz])(ie|ue)(?=[bcdfghjklmnprstvzy])")


def spanish_unstressed(folded: str) -> str | None:
    """A folded Spanish word with the last ie or ue of its stem as e or o (cierra: cerra,
    muestro: mostro), or None when it has none: the form the verb's other forms are written
    with (:data:`_ES_DIPHTHONG`)."""
    match = _ES_DIPHTHONG.match(folded)
    if match is None:
        return None
    vowel = "e" if match.group(2) == "ie" else "o"
    return match.group(1) + vowel + folded[match.end() :]


# The forms that only a verb has: its infinitive, participle and gerund. A reading without the
# diphthong is a verb's only where the documents write one of these of its stem (cerrar,
# cerrado, mostrando): nuevo is no form of novar, nor fuente of fontar, nor viento of ventas.
_ES_VERB_ENDINGS = "ar er ir ado ada ados adas ido ida idos idas ando iendo".split()


def spanish_verb_forms(stem: str) -> list[str]:
    """The infinitives, participles and gerunds a bare Spanish stem may have (cerr: cerrar,
    cerrado, cerrando …), folded as the index writes words."""
    return [stem + ending for ending in _ES_VERB_ENDINGS]


# The words after which a Spanish word is a noun or an adjective, never a verb: articles,
# determiners and prepositions ("la cuenta", "una prueba", "de nuevo", "por el puerto"), in small
# letters without accents. "la", "las", "los" are also a verb's object
# ("¿cómo la cierro?"), but before a stressed diphthong a question far more often names a thing.
_ES_NOUN_BEFORE = frozenset(
    """el la los las un una unos unas del al lo su sus mi mis este esta estos estas ese esa
    esos esas aquel aquella cada otro otra otros otras nuestro nuestra nuestros nuestras
    de en con por para sin sobre entre hasta desde hacia segun contra tras""".split()
)


def spanish_noun_after(previous: str) -> bool:
    """Whether a Spanish word after the word ``previous`` is a noun or adjective
    (:data:`_ES_NOUN_BEFORE`)."""
    return strip_accents(previous.casefold()) in _ES_NOUN_BEFORE


def other_readings(folded: str, code: str) -> tuple[str, ...]:
    """Other forms of a folded word that its language's rules say it may be a form of, to be
    stemmed beside it (Russian: see :data:`_RU_NOUN_DATIVE`, :data:`_RU_FLEETING`; Spanish:
    :data:`_ES_APOCOPE`; French: :data:`_FR_PLURAL`)."""
    if code == "es":
        full = _ES_APOCOPE.get(folded)
        return (full,) if full else ()
    if code == "fr":
        return _french_singulars(folded)
    if code != "ru":
        return ()
    found = []
    if match := _RU_NOUN_DATIVE.fullmatch(folded):
        found.append(match.group(1) + "ма")  # as its nominative: систем alone is a verb's form
    if match := _RU_FLEETING.fullmatch(folded):
        found.append(match.group(1) + "к")
    elif match := _RU_FLEETING_AFTER_VOWEL.fullmatch(folded):
        found.append(match.group(1) + "йк")
    if verb := _russian_verb(folded):
        found.append(verb)
    return tuple(found)


def _russian_verb(folded: str) -> str | None:
    """The infinitive a Russian noun of action, imperfective or participle is made from
    (:data:`_RU_ACTION_NOUN`), or None."""
    if match := _RU_ACTION_NOUN.fullmatch(folded):
        base, ending = match.group(1), _RU_VERB[match.group(2)]
    elif match := _RU_IMPERFECTIVE.fullmatch(folded) or _RU_PARTICIPLE.fullmatch(folded):
        base, ending = match.group(1), "ить"
    else:
        return None
    return _RU_LABIAL_L.sub("", base) + ending


# French plurals Snowball's French stemmer leaves apart from their singular: it removes a final
# -s only after a consonant (pneus: pneus, pneu: pneu) and keeps the -x of -eux and of -aux but
# for -eaux and the -al nouns (lieux: lieux, lieu: lieu; noyaux: noyal, noyau: noyau). Read as
# the singular too; words only alike (heureux, canaux) gain a reading no other word has.
_FR_PLURAL = re.compile(r"(.+(?:eu|au))[xs]")


def _french_singulars(folded: str) -> tuple[str, ...]:
    match = _FR_PLURAL.fullmatch(folded)
    return (match.group(1),) if match and len(match.group(1)) > 2 else ()


def _fold_russian(word: str) -> str:
    """ё is written е in most Russian text; й and the other letters stay (NFC keeps them)."""
    return _casefold(word).replace("ё", "е")


def _fold_marks(word: str) -> str:
    """Arabic harakat, Hebrew points and stray accents: vowel marks few people type."""
    kept = "".join(ch for ch in unicodedata.normalize("NFC", word) if not unicodedata.combining(ch))
    # and the tatweel, a stretching stroke, and the zero-width (non-)joiner: "میکرد" is "می‌کرد"
    return kept.translate(_NOTHING).casefold()


_NOTHING = dict.fromkeys(map(ord, "\u0640\u200c\u200d"))
# Letters Arabic and Persian text write in more than one way, as Lucene's
# ArabicNormalizationFilter and PersianNormalizationFilter fold them: alef with hamza or madda
# as alef (أ إ آ ٱ → ا), final ى as ي, ة as ه, and Persian's own forms of yeh and kaf (ی ک) as
# the Arabic ones in Arabic text; Persian keeps its own (ي ى → ی, ك → ک), which its stemmer
# reads, and folds heh with yeh (ۀ) and heh goal (ہ, Urdu) to ه. Typed either way, a word meets.
_ALEF = dict.fromkeys(map(ord, "أإآٱ"), "ا") | {ord("ة"): "ه", ord("ۀ"): "ه", ord("ہ"): "ه"}
_ARABIC_LETTERS = str.maketrans(_ALEF | {ord("ى"): "ي", ord("ی"): "ي", ord("ک"): "ك"})
_PERSIAN_LETTERS_FOLDED = str.maketrans(_ALEF | {ord("ي"): "ی", ord("ى"): "ی", ord("ك"): "ک"})


def _fold_arabic(word: str) -> str:
    """Arabic: vowel marks and tatweel off (:func:`_fold_marks`), letters written two ways as
    one (:data:`_ARABIC_LETTERS`): "السد العالى" meets "السد العالي", "اسوان" "أسوان"."""
    return _fold_marks(word).translate(_ARABIC_LETTERS)


def _fold_persian(word: str) -> str:
    """Persian and Urdu: as Arabic, with Persian's yeh and kaf (:data:`_PERSIAN_LETTERS_FOLDED`)."""
    return _fold_marks(word).translate(_PERSIAN_LETTERS_FOLDED)


@dataclass(frozen=True)
class Language:
    """How one language's words become terms."""

    code: str
    script: str  # "latin", "cyrillic", "arabic", "han", …: words in other scripts aren't its
    stemmer: str | None = None  # the Snowball algorithm, if there is one
    fold: Callable[[str], str] = _casefold
    segment: str = "words"  # "words", "jieba" (Chinese) or "bigrams" (Japanese, Korean)
    elisions: bool = False  # French/Italian/Catalan "l'homme": the part after ' is the word
    # Whether Snowball's rules for the language name accented endings, so that a word is
    # stemmed as written and its stem folded after (see :func:`stem_as_written`).
    accented_stems: bool = False


def _lang(code: str, script: str = "latin", stemmer: str | None = None) -> Language:
    return Language(code, script, stemmer)


# Latin-script languages whose accents are often left out when typing, and those with elision.
_ACCENTS_OPTIONAL = frozenset({"en", "fr", "es", "pt", "it", "ca", "el"})
_ELISIONS = frozenset({"fr", "it", "ca"})
_FOLDS = {"ru": _fold_russian, "ar": _fold_arabic, "fa": _fold_persian, "ur": _fold_persian}
_FOLDS |= {"he": _fold_marks} | dict.fromkeys(_ACCENTS_OPTIONAL, _fold_accents)
_FOLDS["es"] = _fold_spanish
# Snowball's French stemmer removes the endings of participles and adjectives as written, with
# their accents (-é, -ée, -ées, -és, -ière …): folded first, "ignorées" kept "ignore" where
# "ignorer" gave "ignor", "installée" "installe" beside "install", "données" "donne". A French
# word is stemmed as written and its stem folded (:func:`stem_as_written`).
_ACCENTED_STEMS = frozenset({"fr"})
_SEGMENTS = {"zh": "jieba", "ja": "bigrams", "ko": "bigrams", "th": "bigrams"}

LANGUAGES: dict[str, Language] = {
    lang.code: Language(
        lang.code,
        lang.script,
        lang.stemmer,
        fold=_FOLDS.get(lang.code, _casefold),
        segment=_SEGMENTS.get(lang.code, "words"),
        elisions=lang.code in _ELISIONS,
        accented_stems=lang.code in _ACCENTED_STEMS,
    )
    for lang in [
        *(
            _lang(code, "latin", stemmer)
            for code, stemmer in [
                ("en", "english"),
                ("fr", "french"),
                ("es", "spanish"),
                ("pt", "portuguese"),
                ("it", "italian"),
                ("ca", "catalan"),
                ("de", "german"),
                ("nl", "dutch"),
                ("sv", "swedish"),
                ("da", "danish"),
                ("no", "norwegian"),
                ("fi", "finnish"),
                ("hu", "hungarian"),
                ("ro", "romanian"),
                ("tr", "turkish"),
                ("id", "indonesian"),
                ("pl", "polish"),
                ("cs", "czech"),
                ("vi", None),
            ]
        ),
        _lang("ru", "cyrillic", "russian"),
        _lang("uk", "cyrillic"),
        _lang("bg", "cyrillic"),
        _lang("sr", "cyrillic", "serbian"),
        _lang("ar", "arabic", "arabic"),
        _lang("fa", "arabic", "persian"),
        _lang("ur", "arabic"),
        _lang("he", "hebrew"),
        _lang("el", "greek", "greek"),
        _lang("hi", "indic", "hindi"),
        _lang("th", "thai"),
        _lang("zh", "han"),
        _lang("ja", "kana"),
        _lang("ko", "hangul"),
    ]
}
# The language a word is taken to be in when its script is not the text's language's: Latin
# words in a Chinese passage ("Debian", "apt-get") are English, so they meet English questions.
SCRIPT_DEFAULTS = {
    "latin": "en",
    "common": "en",
    "cyrillic": "ru",
    "arabic": "ar",
    "hebrew": "he",
    "greek": "el",
    "indic": "hi",
    "thai": "th",
    "han": "zh",
    "kana": "ja",
    "hangul": "ko",
}
# Persian writes these letters; Arabic does not (پ چ ژ گ, and the Persian forms of k and y).
_PERSIAN_LETTERS = frozenset("پچژگکی")
# How many times over Latin letters must outnumber another script's for a text to be read as
# Latin-script: a sentence in Russian or Greek quoting a few commands stays Russian or Greek.
LATIN_OUTWEIGHS = 3
# A question with two of the corpus language's stop words is of another language still when that
# one's are twice as many and this many more (English "on" and "a" are French words too).
PLAINLY_MORE = 3


def language(code: str) -> Language:
    """The language with this code; an unknown code is English's (the safe default)."""
    return LANGUAGES.get(code) or LANGUAGES[ENGLISH]


def scripts_of(lang: Language) -> frozenset[str]:
    """The scripts whose words are this language's own: Japanese mixes kana and kanji."""
    if lang.code == "ja":
        return frozenset({"kana", "han"})
    if lang.script == "latin":
        return frozenset({"latin", "common"})
    return frozenset({lang.script})


def word_language(script: str, lang: Language) -> Language:
    """The language a run of ``script`` is analysed in, inside a text in ``lang``."""
    if script in scripts_of(lang) or (script == "common" and lang.script == "latin"):
        return lang
    return LANGUAGES[SCRIPT_DEFAULTS.get(script, ENGLISH)]


# Bumped when this module changes the terms a text gives (the index tag holds it, through
# stop_words_digest). "2": Spanish qu/gu before e and i folded to c/g; "3": œ and æ as oe, ae;
# "4": Chinese words across the seam of a longer word dropped (cjk.chinese_words: 通用 of 普通用户);
# "5": French stemmed with its accents, the stem folded after (stem_as_written); "6": Russian
# nouns in -ему/-ому and with a fleeting vowel read both ways (other_readings); "7": Spanish
# apocopes (primer) read as the whole adjective too; "8": Arabic and Persian letters written two
# ways folded as one (alef forms, ى, ة, ی/ي, ک/ك), zero-width non-joiners dropped; "9": a
# Chinese part crossing a commoner one kept where there is no seam (红色 of 橘红色); "10": a
# Chinese word jieba guesses cut from the stop character glued to it (火卫二 of 火卫二是); "12":
# French plurals in -eux, -aux, -eus read as their singular too (lieux, noyaux, pneus); "13": a
# Spanish verb's object pronouns written onto it (instálelo) no longer read off: it was "11";
# "14": a Chinese count asked with 几 read as its unit (几年: 年), the adjective of a "how"
# (多 | 大) left out (cjk._measured); "15": a Russian noun of action, imperfective or
# participle read as its verb too (изменение, проверять, установлен: other_readings); "16": a
# Chinese run opening with 那 (or 也, 还 …) that jieba glued to a guess read again after it
# (那火卫 | 二 of "那火卫二呢": 那 | 火卫二; cjk.OPENERS); "17": a Russian verb's infinitive and
# present in -еть, -еет stemmed as one in -ить (видеть, владеет: stemmed_as); "18": but for
# the nouns in -четь, -сеть (мечеть, подсеть: _RU_ETH_NOUN).
RULES = "18"


@functools.cache
def stop_words_digest() -> str:
    """A digest of every stop-word list and of :data:`RULES`: an index built with other lists
    or other rules is built again."""
    digest = hashlib.sha256(RULES.encode())
    for path in sorted(STOP_WORDS_DIR.glob("*.txt")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def stop_words(code: str) -> frozenset[str]:
    """The language's stop words, folded as its text is; empty when there is no list."""
    path = STOP_WORDS_DIR / f"{code}.txt"
    if not path.exists():
        return frozenset()
    fold = language(code).fold
    words = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(fold(word) for word in words if word and not word.startswith("#"))


@functools.cache
def _written_stop_words(code: str) -> frozenset[str]:
    """Stop words as they are written (with their accents) and as folded, for counting."""
    path = STOP_WORDS_DIR / f"{code}.txt"
    if not path.exists():
        return frozenset()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    written = {_casefold(word) for word in lines if word and not word.startswith("#")}
    return frozenset(written | stop_words(code))


# Each language's own name for itself, for a hint naming a corpus's languages to a reader who
# may know only one of them ("The documents are in Русский, English").
ENDONYMS = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "pt": "Português",
    "it": "Italiano",
    "ca": "Català",
    "de": "Deutsch",
    "nl": "Nederlands",
    "sv": "Svenska",
    "da": "Dansk",
    "no": "Norsk",
    "fi": "Suomi",
    "hu": "Magyar",
    "ro": "Română",
    "tr": "Türkçe",
    "id": "Bahasa Indonesia",
    "pl": "Polski",
    "cs": "Čeština",
    "vi": "Tiếng Việt",
    "ru": "Русский",
    "uk": "Українська",
    "bg": "Български",
    "sr": "Српски",
    "ar": "العربية",
    "fa": "فارسی",
    "ur": "اردو",
    "he": "עברית",
    "el": "Ελληνικά",
    "hi": "हिन्दी",
    "th": "ไทย",
    "zh": "中文",
    "ja": "日本語",
    "ko": "한국어",
}


def document_language(text: str) -> str:
    """A document's language, from its first 20,000 characters: its passages' prior."""
    return detect(text[:20_000])


SAME_SCRIPT_PASSAGES = 20  # of a document's language a script of the corpus's writes


CORPUS_SHARE = 0.05  # of the passages: a language holding as many is one the corpus is in


def rare_languages(counts: Mapping[str, int], share: float = CORPUS_SHARE) -> list[str]:
    """The languages of fewer than ``share`` of the passages (``counts``: each language's):
    those :func:`corpus_languages` counts only when a document is written in one, so the only
    ones whose documents need reading."""
    total = sum(counts.values())
    return [lang for lang, n in counts.items() if n < share * total]


def corpus_languages(
    passage_languages: Iterable[str] | Mapping[str, int],
    main: Collection[str] = (),
    share: float = CORPUS_SHARE,
) -> tuple[str, ...]:
    """The languages a corpus is written in, most passages first: each holding at least
    ``share`` of the passages, or the language most passages of some document are in
    (``main``), so a one-page note in Japanese beside an English manual makes Japanese one
    that questions are expected in, while a German book's formulas read as Greek ("χ(∆1) = 2 −
    1 = 1", 22 passages) or a few lines taken for Swedish do not; a document's language of a
    script the others write (Spanish beside English) with :data:`SAME_SCRIPT_PASSAGES`
    passages at least. Give one language a passage, or the count of each."""
    counts = Counter(passage_languages)
    shared = set(counts) - set(rare_languages(counts, share))
    scripts = {language(lang).script for lang in shared}

    def written_in(lang: str) -> bool:
        # A document read as another language of a script the corpus's own languages write
        # is more often misread than written so (NFCorpus: abstracts full of drug names read
        # as Spanish made it one, and "Alli" a Spanish stop word): it takes a few passages.
        own_script = language(lang).script not in scripts
        return lang in main and (own_script or counts[lang] >= SAME_SCRIPT_PASSAGES)

    return tuple(lang for lang, _ in counts.most_common() if lang in shared or written_in(lang))


# ---------------------------------------------------------------------------- detection
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The same words in ASCII text, where a letter is [A-Za-z]: two and a half times faster.
_ASCII_WORDS = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


# ASCII bytes that are neither letters nor apostrophes, as spaces: what is left between spaces
# is the words, when no apostrophe joins two of them.
_NOT_LETTERS = bytes(
    c if chr(c).isascii() and (chr(c).isalpha() or c == ord("'")) else ord(" ") for c in range(256)
)


def _words_of(text: str) -> list[str]:
    """The words of ``text`` (case-folded, the first 1,500 characters) stop words are counted in."""
    folded = text[:1500].casefold()
    if not folded.isascii():
        return _WORDS.findall(folded)
    if "'" in folded:
        return _ASCII_WORDS.findall(folded)
    return folded.encode().translate(_NOT_LETTERS).decode().split()  # split at C speed


def detect(text: str, candidates: Collection[str] | None = None, prior: str | None = None) -> str:
    """The language ``text`` is most likely in, preferring ``candidates`` where they share its
    script (a question's candidates are the corpus's languages).

    A script only one candidate writes decides alone; otherwise py3langid chooses among the
    languages of that script. A text in a script no candidate writes gets that script's usual
    language, which the caller can tell apart (a question in a language the corpus lacks).
    ``prior`` is kept when the text is too short for py3langid to be sure (a passage's
    document's language, a conversation's), and for text without letters (else English).
    """
    if candidates is None and text.isascii():
        # Most passages indexed: ASCII text, any language: the steps below come to this.
        if _ASCII_LETTER.search(text) is None:
            return prior or ENGLISH
        return _choose(text, _LATIN_POOL, "latin", prior, None)
    counts = scripts.letter_counts(text)
    if max(counts.values(), default=0) == 0:
        # "2004", "404?": no language of its own; to documents with no English, not English
        # (it was refused for its language), but the one they are written in most.
        if prior or not candidates or ENGLISH in candidates:
            return prior or ENGLISH
        return next(iter(candidates))
    script = _main_script(counts)
    if script == "han" and counts["kana"] * 10 >= counts["han"] and counts["kana"]:
        script = "kana"  # Japanese writes kanji with kana; Chinese has no kana
    pool = _script_languages(script, candidates)
    if pool == ["ja"] and not counts["kana"] and _CHINESE_WORDS.search(text):
        # Chinese question words and particles, which Japanese never writes, make a question of
        # Han characters Chinese even to documents in Japanese alone: "批量归一化有什么用？" was
        # read as Japanese and told "nothing found" in English, not that the documents are not
        # in Chinese. Kanji alone ("自然言語処理", "干渉縞", "東京大学") may be either: the
        # corpus decides. (OpenCC's tables flag 2,499 characters as simplified, 干 准 征 among
        # them, which Japanese writes every day.)
        pool = ["zh"]
    if pool == ["zh"] and prior == "ja" and not _CHINESE_WORDS.search(text):
        # A line of kanji and Latin alone in Japanese text ("型: number", "例:", "非推奨"): too
        # short to tell, so it is in the language around it, as a short Latin line in a
        # French document is (:func:`_identify` keeps the prior where it is unsure). Japanese
        # writes kana in every sentence; a passage without them is a label or a heading.
        pool = ["ja"] if candidates is None or "ja" in candidates else pool
    if script == "arabic" and len(pool) > 1:
        persian = any(ch in _PERSIAN_LETTERS for ch in text)
        pool = [c for c in pool if (c in ("fa", "ur")) == persian] or pool
    found = pool[0] if len(pool) == 1 else _choose(text, pool, script, prior, candidates)
    if candidates and script in ("latin", "common"):
        return _unless_plainly_other(text, found, prior)  # an English question to a French corpus
    return found


def _main_script(counts: Counter[str]) -> str:
    """The script ``text`` is written in: the one with most letters, except that Latin must
    outnumber another script LATIN_OUTWEIGHS times over to win.

    Every language writes commands, package names and paths in Latin letters: "чем full-upgrade
    отличается от upgrade" is Russian though half its letters are Latin, and read as French
    (a corpus's Latin-script language) its Russian words would find nothing.
    """
    others = [s for s in counts if s != "latin" and counts[s] > 0]
    if others:
        best = max(others, key=lambda s: counts[s])
        if counts[best] * LATIN_OUTWEIGHS >= counts["latin"]:
            return best
    return "latin"


def _choose(text: str, pool: list[str], script: str, prior: str | None, candidates: object) -> str:
    """One of several languages of a script: the prior where its stop words say so, else
    py3langid's choice."""
    if prior not in pool and candidates is None:
        prior = SCRIPT_DEFAULTS[script]  # a command line in a Chinese document is English
    if prior in pool and _stop_word_evidence(text, str(prior)):
        return str(prior)
    return _identify(text, pool, prior)


def _unless_plainly_other(text: str, expected: str, prior: str | None = None) -> str:
    """``expected`` (the candidate chosen) unless ``text`` is plainly in another Latin-script
    language: at most one of ``expected``'s stop words ("a" is French too), more of the other's,
    and py3langid sure of it; or more of ``prior``'s (the conversation's language) than of
    ``expected``'s, which is all a follow-up as short as "¿y sobre Corea?" can show.

    A Spanish question to an English corpus is told so, and gets the hint naming the corpus's
    languages; an English question taken for another language would get that hint instead of
    its answer, so the bar is high ("missile defence Russia" has no stop word: it stays).
    """
    words = _words_of(text)
    if not words:
        return expected
    pool = _latin_with_stop_words()
    hits = {code: _stop_hits(words, code) for code in pool}  # each counted once

    def count(code: str) -> int:
        return hits[code] if code in hits else _stop_hits(words, code)

    ours = count(expected)
    if ours > 1 and not _plainly_more(hits, ours):
        if not any(count > ours for count in hits.values()):
            return expected
        if expected == ENGLISH:
            return _english_unless_none_its_own(text, words, pool, hits)
        # A question in a neighbour of the language chosen, with more of its stop words and
        # py3langid sure of it, is in that neighbour: "Como faço upload de um arquivo?" is
        # Portuguese, not Spanish (it was answered, where German got the corpus's languages).
        # Not for English, whose questions share "a", "on", "in" with half of Europe.
        best = _identify(text, pool, expected)
        return best if count(best) > ours else expected
    if prior is not None and prior != expected and count(prior) > ours:
        return prior
    if not any(count > ours for count in hits.values()):
        # py3langid could only choose a language with no more stop words here than
        # ``expected``, which would not overrule it: not asked (most English questions).
        return expected
    best = _identify(text, pool, expected)
    if count(best) > ours:
        return best
    # py3langid unsure of a short question ("who is Pangloss?" to Spanish and French books):
    # two stop words of one language and none of the expected one say it all the same.
    most = max(pool, key=hits.__getitem__)
    return most if ours == 0 and hits[most] >= 2 else expected


@functools.cache
def _latin_with_stop_words() -> tuple[str, ...]:
    """The Latin-script languages with a stop-word list: those a question's words are counted
    against (once a process, not once a question)."""
    listed = (c for c, lang in LANGUAGES.items() if lang.script == "latin")
    return tuple(c for c in listed if _written_stop_words(c))


def _english_unless_none_its_own(
    text: str, words: list[str], pool: Sequence[str], hits: Mapping[str, int]
) -> str:
    """English, unless every English stop word of ``text`` is one of the language py3langid
    reads it as too, which has two of its own besides: "Was ist ein Namespace in Kubernetes?"
    has "was" and "in", German's as much as English's, and "ist", "ein"; read as English, it
    was answered without the line saying which languages the documents are in. English shares
    "a", "on", "in" with half of Europe, so its own stop words ("the", "is", "how") keep it."""
    best = _identify(text, pool, ENGLISH)
    if best == ENGLISH or hits.get(best, 0) <= hits.get(ENGLISH, 0):
        return ENGLISH
    english, theirs = _written_stop_words(ENGLISH), _written_stop_words(best)
    if any(w in english and w not in theirs for w in words):
        return ENGLISH
    return best if sum(w in theirs and w not in english for w in words) >= 2 else ENGLISH


def _plainly_more(hits: Mapping[str, int], ours: int) -> bool:
    """Whether another language's stop words (``hits``, by language) outnumber ours twice
    over, by three or more: "which Debian distribution should I use on a server" has French
    "on" and "a", and five English ones."""
    most = max(hits.values(), default=0)
    return most >= 2 * ours and most - ours >= PLAINLY_MORE


# The languages the bot speaks whose questions are read by their stop words (Chinese aside).
SPOKEN = ("en", "fr", "es", "ru")


def is_spoken_stop_word(word: str) -> bool:
    """Whether ``word``, in any case and with or without its accents, is a stop word of a
    language the bot speaks (:data:`SPOKEN`): typed alone, it says nothing ("Qué", "ещё")."""
    return is_stop_word_of(word, SPOKEN)


@functools.lru_cache(maxsize=1 << 16)
def is_stop_word_of(word: str, codes: tuple[str, ...]) -> bool:
    """Whether ``word`` (folded as each language folds it) is a stop word of one of ``codes``:
    a German FAQ's "wie ist der Name von dem" says no more than an English one's "what is the
    name of the"; an English "war" or "man" is no German stop word in an English question."""
    folded = word.casefold()
    return any(language(code).fold(folded) in stop_words(code) for code in codes)


def stop_word_hits(text: str, code: str) -> int:
    """How many words of ``text`` are stop words of ``code``, as written or folded: how plainly
    a short text reads as that language ("A quoi sert la commande" has three French ones)."""
    return _stop_hits(_words_of(text), code)


def only_stop_words(text: str, code: str) -> bool:
    """Whether every word of ``text`` (one at least) is a stop word of ``code``."""
    words = _words_of(text)
    return bool(words) and _stop_hits(words, code) == len(words)


def _stop_hits(words: list[str], code: str) -> int:
    return sum(map(_written_stop_words(code).__contains__, words))


def _stop_word_evidence(text: str, prior: str) -> bool:
    """Whether ``text`` plainly reads as ``prior``: more of its stop words than English's.

    A passage is nearly always in its document's language, and counting stop words costs a
    tenth of py3langid, whose byte-by-byte walk would add seconds to indexing a large corpus;
    so the model is asked only about passages this test leaves in doubt.
    """
    words = _words_of(text)
    stops = _written_stop_words(prior)  # counted in C: this runs for every passage indexed
    ours = sum(map(stops.__contains__, words))
    if prior == ENGLISH:
        return ours >= 3 and ours * 5 >= len(words)
    english = sum(map(_written_stop_words(ENGLISH).__contains__, words))
    return ours >= 3 and ours >= 3 * english


def _script_languages(script: str, candidates: Collection[str] | None) -> list[str]:
    """The candidates written in ``script``, or when none is, the languages that may be."""
    script = "latin" if script == "common" else script
    if script == "han":  # no kana: Chinese if Chinese is possible at all
        written = ["zh"] if not candidates or "zh" in candidates or "ja" not in candidates else []
        return written or ["ja"]
    written = list(_WRITING.get(script, ()))
    chosen = [c for c in written if c in (candidates or ())]
    if chosen:
        return chosen
    return written if script in ("latin", "cyrillic", "arabic") else [SCRIPT_DEFAULTS[script]]


# The languages that write each script (Japanese: kana and Han), worked out once.
_WRITING: dict[str, list[str]] = {}
for _code, _language in LANGUAGES.items():
    for _script in scripts_of(_language):
        _WRITING.setdefault(_script, []).append(_code)
# What detect reads ASCII text by, without candidates: a letter (Latin, as every ASCII letter
# is) and the languages that may be written in it (_script_languages("latin", None)).
_ASCII_LETTER = re.compile("[A-Za-z]")
_LATIN_POOL = _script_languages("latin", None)


def _identify(text: str, pool: Sequence[str], prior: str | None) -> str:
    """py3langid's choice among ``pool``; a short text it is unsure of stays with ``prior``."""
    wanted = set(pool)
    ranked = [(lang, p) for lang, p in _identifier().rank(text) if lang in wanted]
    if not ranked:
        return prior if prior is not None and prior in pool else pool[0]
    best, p_best = ranked[0]
    total = sum(p for _, p in ranked) or 1.0
    # Over a few words the model is often torn; below this share the usual language stands.
    letters = sum(map(str.isalpha, text))
    if prior in pool and best != prior and p_best / total < _sure_enough(letters):
        return str(prior)
    return str(best)


def _sure_enough(letters: int) -> float:
    """How sure py3langid must be to overrule the prior: very for 10 letters, not for 200."""
    return 0.5 + 0.45 * math.exp(-letters / 40)


class _Ranker(Protocol):
    def rank(self, text: str) -> list[tuple[str, float]]: ...


def warm_up() -> None:
    """Load py3langid's model now (it takes most of a second), and every language's stop
    words (a few milliseconds each, which the first question in that language would wait
    for), so a first question does not wait: the library calls this on a background thread
    when it opens."""
    _identifier()
    for code in LANGUAGES:
        _written_stop_words(code)
        stop_words(code)  # folded (60 ms for the first question's three languages)


_LOADING = threading.Lock()  # the warm-up thread and a first question never load it twice


def _identifier() -> _Ranker:
    """py3langid's model, restricted once to the languages above."""
    with _LOADING:
        return _loaded()


@functools.cache
def _loaded() -> _Ranker:
    from py3langid import modelio  # type: ignore[import-untyped]
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    unpacked = _unpacked(Path(MODEL_DIR) / MODEL_FILE)
    identifier = None if unpacked is None else _mapped(LanguageIdentifier, modelio, unpacked)
    if identifier is None:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([c for c in LANGUAGES if c in identifier.labels])
    return cast(_Ranker, identifier)


def _mapped(identifier: type, modelio: Any, unpacked: Path) -> Any:
    """py3langid's identifier over the arrays of its model unpacked in ``unpacked``, as its own
    load_model reads them, without unpacking 68 MB first (1.3 s); None when a copy can't be
    read (a file of it removed: another installation's process removing copies of other
    models, a cache cleaned by hand): set aside, so the next start unpacks it again, and this
    one reads the packed model instead of failing every question."""

    def mapped(name: str) -> npt.NDArray[Any]:
        array: npt.NDArray[Any] = np.load(unpacked / f"{name}.npy", mmap_mode="r")
        return array.view(np.ndarray)  # a memmap costs microseconds on every operation

    try:
        return _walker(identifier)(
            mapped("ptc"),
            np.array(mapped("pc")),
            mapped("classes").tolist(),
            mapped("nextmove"),  # walked by numpy: no 10-million-item array
            np.array(mapped("out_feat")),
            norm_probs=True,
            tk_row=modelio._to_array(mapped("nextmove_row")),
        )
    except (OSError, ValueError, EOFError):
        shutil.rmtree(unpacked, ignore_errors=True)
        return None


def _walker(base: type) -> type:
    """py3langid's identifier with its byte-by-byte walk of the n-gram automaton done in numpy.

    py3langid steps through a text's bytes one at a time in Python (0.2–1 ms a passage:
    most of detecting the language of the passages stop words leave in doubt). The automaton's
    state after a byte is the state before it moved by the byte; starting from every state at
    0 and moving all positions at once, again and again until nothing changes, gives exactly
    the states of the walk (the walk's states are the only fixed point, and an n-gram
    automaton forgets all but the last few bytes, so a handful of rounds reach it). The
    n-grams seen are counted in the order first met, as py3langid counts them, so its scores
    are computed from the same numbers in the same order.
    """

    class Walker(base):  # type: ignore[misc]
        __slots__ = ("_base", "_out")

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._base = np.asarray(self.tk_row, dtype=np.int64) << 8
            self._out = np.asarray(self.tk_output, dtype=np.int64)

        def _raw_score(self, text: bytes) -> npt.NDArray[np.float32]:
            found, counts = _ngram_counts(self.tk_nextmove, self._base, self._out, text)
            if len(found):  # py3langid's _sparse_score, from arrays instead of a Counter
                scores = np.log1p(counts.astype(np.float32)) @ self.nb_ptc[found] + self.nb_pc
                return cast(npt.NDArray[np.float32], scores)
            fill = 0.0 if self._norm_probs else float(np.finfo(np.float32).min)  # as py3langid
            return np.full(len(self.nb_classes), fill, dtype=np.float32)

    return Walker


_UNCHECKED_ROUNDS = 4


def _ngram_counts(
    moves: npt.NDArray[np.uint32],
    rows: npt.NDArray[np.int64],
    out: npt.NDArray[np.int64],
    text: bytes,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The features the walk over ``text`` meets, in the order first met, and their counts."""
    data = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
    states = np.zeros(len(data) + 1, dtype=np.int64)  # states[i + 1]: after byte i
    # A passage's walk settles in six rounds (as long as the longest n-gram, and one more),
    # and moving states already settled leaves them as they are: the first rounds need no
    # comparison, whatever the text.
    for _ in range(_UNCHECKED_ROUNDS):
        states[1:] = moves[rows[states[:-1]] + data]
    while True:
        moved = moves[rows[states[:-1]] + data].astype(np.int64)
        if np.array_equal(moved, states[1:]):
            break
        states[1:] = moved
    features = out[states[1:]]
    found, first, counts = np.unique(features[features >= 0], return_index=True, return_counts=True)
    order = np.argsort(first)
    return found[order], counts[order]


def _unpacked(model: Path) -> Path | None:
    """py3langid's model unpacked once into the user's cache folder, an ``.npy`` file for
    each of its arrays (None: not writable). Mapped, they load in a third of the time the
    unpacked archive took (its 68 MB read and checked, 0.1 s that a first answer waited for),
    and only the pages a text's walk reads are resident. Named by py3langid's version and the
    model's size, not the file's time: each new install of the same model (a fresh virtual
    environment, every CI run) would leave another 66 MB copy behind. Copies of other models
    unused for :data:`UNUSED_COPY_DAYS` are removed once this one is made (each start of
    this one marks it used)."""
    import py3langid

    base = cache_folder()
    target = base / f"langid-{py3langid.__version__}-{model.stat().st_size}"
    if target.is_dir():
        with contextlib.suppress(OSError):
            os.utime(target)  # used: another installation's start leaves it
        return target
    try:
        base.mkdir(parents=True, exist_ok=True)
        part = Path(tempfile.mkdtemp(dir=base, suffix=".part"))
        try:
            with tempfile.TemporaryFile(dir=base) as archive:
                with lzma.open(model) as packed:
                    shutil.copyfileobj(packed, archive, length=1 << 20)
                archive.seek(0)
                with np.load(archive, allow_pickle=False) as data:
                    for name in data.files:
                        np.save(part / f"{name}.npy", data[name], allow_pickle=False)
            os.replace(part, target)  # whole or not at all
        finally:
            shutil.rmtree(part, ignore_errors=True)  # left when another process was first
    except OSError:
        return target if target.is_dir() else None
    _remove_others(base, target)
    return target


UNUSED_COPY_DAYS = 7  # another model's copy unused so long is no other installation's in use


def _remove_others(base: Path, kept: Path) -> None:
    """Remove the archives older versions unpacked (one per install) and the copies of other
    models unused for :data:`UNUSED_COPY_DAYS` beside ``kept``. Another installation in use
    (another py3langid in another environment) keeps its copy: removed, each start of either
    unpacked its own again (1.3 s) and removed the other's. A process still mapping one keeps
    its pages: the file goes when it is unmapped."""
    unused = time.time() - UNUSED_COPY_DAYS * 86400
    for other in base.glob("langid-*"):
        if other == kept:
            continue
        if not other.is_dir():
            other.unlink(missing_ok=True)
        elif _modified(other) < unused:
            shutil.rmtree(other, ignore_errors=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return math.inf  # removed meanwhile
