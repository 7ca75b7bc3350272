"""Words of scripts written without spaces: Chinese by jieba, Japanese, Korean and Thai by bigrams.

Chinese is segmented with jieba's search mode, which gives each word and the dictionary words
inside it ("软件包" → 软件, 软件包), so a question that says 软件 finds a passage that says
软件包. It was chosen over character bigrams by measurement, on 18 questions written from the
Debian documents in tests/search/test_languages_corpora.py (plain BM25, the question's language):

    segmentation        hit@1  hit@3  MRR   question terms no passage has
    jieba, search mode  0.56   0.72   0.67    8 of  90
    jieba, default      0.56   0.61   0.64    6 of  76
    bigrams + unigrams  0.44   0.72   0.56   40 of 269
    bigrams             0.39   0.72   0.55   41 of 161

Words also keep the answer's confidence honest: a bigram across two words ("装软" in 安装软件)
is in no passage and counts against the question as a word the corpus lacks. jieba runs as
rjieba (jieba-rs): 100,000 paragraphs of 269 characters take 19 s on two cores, analysis and
sentences included. jieba knows no Japanese, Korean or Thai: those are cut into overlapping
pairs of characters, as Lucene's CJKBigramFilter does, a lone character kept as it is.

Chinese is written in simplified characters (mainland, Singapore) or traditional ones (Taiwan,
Hong Kong, Macau), and Taiwan writes some words otherwise too (軟體 for 软件). A question can
be had in the other characters (:func:`other_characters`, by OpenCC: Apache-2.0, its
dictionaries too), so that it finds documents written in them.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol, cast

# A run is cut into pieces no longer than this before jieba sees it: jieba's cost grows with a
# run's length, and a run of many thousand characters (a table flattened to one line) is no text.
LONGEST_RUN = 2000


class _Jieba(Protocol):
    def tokenize(
        self, text: str, mode: str = ..., hmm: bool = ...
    ) -> list[tuple[str, int, int]]: ...

    def suggest_freq(self, segment: str) -> int: ...

    def has_word(self, word: str) -> bool: ...


@functools.cache
def _jieba() -> _Jieba:
    """jieba's segmenter with its dictionary, loaded once (about 0.25 s).

    rjieba (MIT) is jieba-rs, the Rust port of jieba: the same dictionary and the same words
    (identical on every run of the Debian documents), about four times as fast as the Python
    original, which matters for indexing 100,000 paragraphs.
    """
    import rjieba

    return cast(_Jieba, rjieba.Jieba())


def chinese_words(run: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` of the words of a run of Han characters, offsets into ``run``.

    A long word comes with the shorter words inside it (search mode), all with their spans,
    less those across its seam (:func:`_uncrossed`); a count asked with 几 is its unit, and
    the adjective of a "how" after 多 is left out (:func:`_measured`).
    """
    tokenizer = _jieba()
    if len(run) <= LONGEST_RUN:
        words = _opener_cut(tokenizer.tokenize(run, mode="search", hmm=True), run)
    else:
        words = []
        for base in range(0, len(run), LONGEST_RUN):
            piece = run[base : base + LONGEST_RUN]
            found = tokenizer.tokenize(piece, "search", True)
            words += [(w, base + a, base + b) for w, a, b in found]
    words = _uncrossed(_unglued(words))
    words = _measured(words) if "几" in run or "多" in run else words
    if "第" in run:
        words = _numbered_whole(words)
    return _with_units(words)


# A numbered article, chapter or section (第六十条, 第二章): search mode also gives the pieces
# of its number (第六 "sixth", 第六十, 十条 "ten articles"), words the text does not say.
_NUMBERED = re.compile("第[零〇一二两三四五六七八九十百千]+[条章节款项编]")


def _numbered_whole(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``words`` less the pieces inside a numbered division's name (:data:`_NUMBERED`)."""
    spans = [(a, b) for w, a, b in words if _NUMBERED.fullmatch(w)]
    if not spans:
        return words
    return [
        (w, a, b)
        for w, a, b in words
        if not any(x <= a and b <= y and b - a < y - x for x, y in spans)
    ]


# The words a follow-up opens with that are one character: 那 ("then, what about"), 也
# ("also"), 还 ("still"), 但 ("but"), 而 ("while"), 就 ("just then"). Where jieba's dictionary
# has no word starting there, its guessing model glues the opener to the word after it: 那火卫 |
# 二 of "那火卫二呢？", 那得 | 摩斯 of "那得摩斯呢": the "then" swallows (part of) the word the
# follow-up asks about. Read again without the opener, the run starts with that word.
OPENERS = frozenset("那也还但而就")


def _opener_cut(words: list[tuple[str, int, int]], run: str) -> list[tuple[str, int, int]]:
    """``words`` of ``run`` (search mode), with the run read again after its first character
    where that is an opener (:data:`OPENERS`) jieba guessed a word together with, and the run
    read again starts with a word of two characters or more."""
    if not run or run[0] not in OPENERS:
        return words
    tokenizer = _jieba()
    if not any(a == 0 and len(w) > 1 and not tokenizer.has_word(w) for w, a, _ in words):
        return words
    rest = tokenizer.tokenize(run[1:], mode="search", hmm=True)
    if not any(a == 0 and len(w) > 1 for w, a, _ in rest):
        return words  # 那用 of "那用 apt-get 呢": one character, a verb or a preposition, is left
    return [(run[0], 0, 1), *((w, a + 1, b + 1) for w, a, b in rest)]


# The units a count is asked in with 几 ("how many"): 几年 "how many years", 几岁 "how old",
# 几天, 几次 … jieba keeps them whole, a word no answer writes ("2-3年", "十八周岁"); the unit is
# what the question shares with the answer, and what 几年 ("a few years") shares in a text.
COUNTED = frozenset("年岁天月周日次个种位台本条章节倍遍层名项步秒分点米")
# The adjectives a measure is asked with after 多 ("how"): 多大 "how big, how old", 多宽 "how
# wide" … jieba cuts 多 | 大 where it knows no such word (多长, 多久 it keeps whole: stop
# words): the adjective alone (大, "big") is in every other passage, and the answer gives a
# number, not the word.
MEASURED = frozenset("大长高远久重深宽厚快老")


# The words for age, asked with 多大 ("how big": 多大年纪, 多大岁数, 年龄多大 "how old"): the
# answer states years of age (十八周岁), the unit 岁, never the word "age".
AGE = frozenset({"年纪", "岁数", "年龄"})


def _measured(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``words`` with a count asked with 几 or 多少 read as its unit (几年, 多少岁: 年, 岁), an
    age asked with 多大 as 岁 (at the age word's place: 年纪 is the word it stands for), and
    the adjective after a lone 多 ("how": 多 | 大) left out; other words as they are."""
    out: list[tuple[str, int, int]] = []
    how_end = -1  # where a lone 多, or 多大, ended
    for word, start, end in words:
        asked = word[:-1] in ("几", "多少") and word[-1] in COUNTED
        if asked:
            out.append((word[-1], end - 1, end))
        elif start == how_end and word in AGE:
            out.append(("岁", start, end))
        elif not (start == how_end and word in MEASURED):
            out.append((word, start, end))
        if word in ("多", "多大") or (start == how_end and word == "大"):
            how_end = end
    return _age_before(out)


def _age_before(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``words`` with an age word right before 多大 (年龄多大 "how old") read as 岁."""
    ends = {start for word, start, _ in words if word == "多大"}
    return [("岁", a, b) if word in AGE and b in ends else (word, a, b) for word, a, b in words]


# The units of time and age an amount is written in. jieba keeps a Chinese numeral and its unit
# as one word (五年 "five years", 六十天, 一天, 三次), and an age in full years as 周岁 (十八周岁)
# or an anniversary as 周年: the unit a question asks with (几年, 多少天, 几岁: :func:`_measured`)
# was in none of the answers. Not 分 (十分 "very"), 点 (一点 "a little") nor the classifiers.
UNITS = frozenset("年岁天月日周次秒")
_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿半")


def _with_units(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``words`` with the unit of each amount written in Chinese numerals (五年: 年 too) and of
    周岁/周年 (岁, 年) after it, where no word gives that unit alone already."""
    out: list[tuple[str, int, int]] = []
    given = set(words)  # a unit once at its place: 十八周岁 and 周岁 end in the same 岁
    for word, start, end in words:
        out.append((word, start, end))
        unit = (word[-1], end - 1, end)
        head = word[:-1].removesuffix("周")
        if (
            len(word) > 1
            and unit[0] in UNITS
            and set(head) <= _NUMERALS
            and unit not in given
            and not _inside_another(words, start, end)
        ):
            out.append(unit)
            given.add(unit)
    return out


def _inside_another(words: list[tuple[str, int, int]], start: int, end: int) -> bool:
    """Whether a longer word of ``words`` holds the span: 一年 of 哪一年 ("which year") states
    no amount."""
    return any(a <= start and end <= b and b - a > end - start for _, a, b in words)


@functools.cache
def grammar() -> frozenset[str]:
    """The characters of Chinese that are stop words alone: the copula, particles, prepositions,
    pronouns (是, 的, 了, 离, 在, 把 …)."""
    from retrieval.search.languages import stop_words

    return frozenset(word for word in stop_words("zh") if len(word) == 1)


def _unglued(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """jieba's words with each word its dictionary lacks cut from the grammar character it was
    guessed together with: a name jieba does not know is joined by its hidden Markov model to
    the 是 ("is") or 离 ("from") after it (火卫二是 of "火卫二是什么时候被发现的", 火卫二离 of
    "火卫二离火星较远"): a word no passage writes, where 火卫二 ("Deimos") is the one the
    reader asks about. Words of the dictionary (是非, 的确, 在乎) are kept, and so are guesses
    that would leave one character (这台 "this [machine]": see query._guesses_split). Only the
    end is cut: many stop characters also begin names (中本聪, 上海, 本田, 光绪), and the
    guessing model glues what follows a name to it, not what comes before."""
    glue = grammar()
    if not any(w[-1] in glue for w, _, _ in words if len(w) > 1):
        return words
    tokenizer = _jieba()
    out = []
    for word, start, end in words:
        tail = len(word)
        while tail > 2 and word[tail - 1] in glue:
            tail -= 1
        if tail < len(word) and not tokenizer.has_word(word):
            out.append((word[:tail], start, start + tail))
        else:
            out.append((word, start, end))
    return list(dict.fromkeys(out))  # a guess cut to a word jieba also gave is that word once


def _uncrossed(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """jieba's search-mode words less the parts of a word that straddle two of its other
    parts: 通用 of 普通用户 (普通 + 用户), 务器 of 服务器, 理工 of 管理工具, 华人 of 中华人民共和国.
    Search mode gives every dictionary word inside a long one; those across its seam are
    other words ("general", "science and engineering") that the text does not say.

    Search mode gives a word's parts, then the word; only words that overlap can cross, so
    each run of overlapping words of three or more (a word and two parts) is looked at alone,
    and the rest, most words, passed over as they are."""
    out: list[tuple[str, int, int]] = []
    group: list[tuple[str, int, int]] = []
    end = -1
    for word in words:
        if word[1] >= end:  # overlaps none before it
            out.extend(group if len(group) < 3 else _seamless(group))
            group = [word]
        else:
            group.append(word)
        end = max(end, word[2])
    out.extend(group if len(group) < 3 else _seamless(group))
    return out


def _seamless(group: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """One word and its parts, less each part that starts inside a part kept before it and
    ends past it (the earlier part, and of two starting together the longer, is kept), unless
    the later part is the commoner word and no other part starts where the earlier one ends.

    A word of three characters has no seam: two parts overlap, and either may be what it is made
    of. 服务器 is 服务 + 器 (务器 is a rare dictionary word), but 橘红色 ("orange-red") is a
    kind of 红色 ("red") and 南半球 the southern 半球 ("hemisphere"): keeping only the first
    part (橘红, 南半) lost the word a reader asks with. Where a part starts at the end of the
    crossed one (普通 + 用户 of 普通用户), the crossing part (通用) straddles that seam and goes,
    however common."""
    kept: list[tuple[str, int, int]] = []
    starts = {w[1] for w in group}
    for word in sorted(group, key=lambda w: (w[1], w[1] - w[2])):
        crossed = [k for k in kept if k[1] < word[1] < k[2] < word[2]]
        if not crossed or all(k[2] not in starts and _commoner(word[0], k[0]) for k in crossed):
            kept.append(word)
    return kept


def _commoner(word: str, than: str) -> bool:
    """Whether jieba's dictionary counts ``word`` more often than ``than``."""
    tokenizer = _jieba()
    return tokenizer.suggest_freq(word) > tokenizer.suggest_freq(than)


def dictionary_words(run: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` of the words of a short run of Han characters that jieba's
    dictionary holds, without its guesses: where no dictionary word covers some characters,
    :func:`chinese_words` joins them into a new word by its hidden Markov model (先切 of
    "先切到", 那用 of "那用 apt-get 呢", 想换个), which here stay single characters."""
    return _uncrossed(_jieba().tokenize(run[:LONGEST_RUN], mode="search", hmm=False))


# OpenCC's conversions a question is tried in: traditional to simplified, Taiwan's words and
# characters to the mainland's, and back (a corpus in traditional characters). The way back
# loads by far the larger dictionaries (s2t 29 MB, s2twp 45 MB against 5-6 MB each for the
# first two), so it is loaded only for a corpus that writes traditional characters.
TO_SIMPLIFIED = ("t2s", "tw2sp")
CONVERSIONS = (*TO_SIMPLIFIED, "s2t", "s2twp")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@functools.cache
def _converter(config: str) -> _Converter:
    """OpenCC's converter ``config`` (a few of its dictionaries, 0.1 s the first time)."""
    import opencc

    return cast(_Converter, opencc.OpenCC(config))


def other_characters(text: str, traditional: bool = True) -> list[str]:
    """``text`` in each other way of writing Chinese (:data:`CONVERSIONS`) that changes it,
    each once: a question written in simplified characters gives its traditional and Taiwan
    forms, one in traditional characters its simplified forms. ``traditional``: whether the
    documents write traditional characters (:func:`writes_traditional`); if not, only the
    simplified forms are of use."""
    found: list[str] = []
    for config in CONVERSIONS if traditional else TO_SIMPLIFIED:
        converted = _converter(config).convert(text)
        if converted != text and converted not in found:
            found.append(converted)
    return found


def writes_traditional(characters: str) -> bool:
    """Whether any of ``characters`` (say, those of a corpus's Chinese words) is a traditional
    one: one that OpenCC's t2s changes (none in a corpus written in simplified characters)."""
    return _converter("t2s").convert(characters) != characters


def bigrams(run: str) -> list[tuple[str, int, int]]:
    """``(pair, start, end)`` of each overlapping pair of characters; a lone character alone."""
    if len(run) == 1:
        return [(run, 0, 1)]
    return [(run[i : i + 2], i, i + 2) for i in range(len(run) - 1)]


# Japanese writes its grammar in hiragana between the kanji and katakana of its words: particles
# (の に は を が), the copula and verb endings (です ます ある), and the question's own words
# (とは, 何, どこ, いつ). Their bigrams and lone characters are in nearly every passage and name
# nothing: "ご来光とは何ですか" searched とは, 何, です, すか beside 来光 and was declined for
# words no passage holds, and quotes bolded の and にあ. These words at either end of a run of
# hiragana are no terms, nor is a lone hiragana left (a particle, or a verb's ending: 高い's い),
# nor a lone 何 or 誰.
_FUNCTION_WORDS = """の に は を が と で も へ や か ね よ な ぞ て た から まで より など って
    とは では には にも での への との ので のに けど だ だった です でした でしょう ですか ます
    ました ません ましょう である であり であった ある あり あります ありますか あった いる います
    いた する します した して される され されて という といった について による により なに
    なん どこ いつ だれ どれ どの どう なぜ どんな いくつ いくら どのくらい どれくらい""".split()
# Longest first, never given back (possessive): one way to read the start, no backtracking.
_LEADING = re.compile("(?:" + "|".join(sorted(_FUNCTION_WORDS, key=len, reverse=True)) + ")*+")
_LONGEST_FUNCTION = max(map(len, _FUNCTION_WORDS))
_FUNCTION_SET = frozenset(_FUNCTION_WORDS)
_QUESTION_KANJI = frozenset("何誰")
# Hiragana (with its iteration marks) apart from katakana: "メートルですか" is a word and です.
_KANA_PIECES = re.compile("[\u3041-\u309f]+|[^\u3041-\u309f]+")


def japanese_bigrams(run: str, after_kanji: bool = False) -> list[tuple[str, int, int]]:
    """The terms of a Japanese run (kanji or kana): :func:`bigrams` of kanji and of hiragana,
    each katakana word whole, less the grammar: the particles, endings and question words
    (:data:`_FUNCTION_WORDS`) at either end of each stretch of hiragana, a lone hiragana left,
    a lone 何 or 誰.

    Katakana writes loanwords, each one word (ポート "port", サポート "support", インポート
    "import"): their pairs matched across words (ポート inside サポート and インポート, フォル
    of フォルダ inside デフォルト, ラー of ラーメン inside エラー), so a whole katakana word is
    one term. ``after_kanji``: the run follows kanji, so its opening hiragana, unless a particle
    opens them (値がおかしい: が, then the word おかしい), are the kanji's ending (使われて,
    読み): no word of their own, and their pairs (われ) matched other verbs' endings."""
    if run in _QUESTION_KANJI:
        return []
    out: list[tuple[str, int, int]] = []
    for piece in _KANA_PIECES.finditer(run):
        text, base = piece.group(), piece.start()
        if "\u3041" <= text[0] <= "\u309f":
            start = _LEADING.match(text).end()  # type: ignore[union-attr]  # * matches ""
            if after_kanji and base == 0 and not start:
                continue  # the kanji's ending (使われて): no particle parts it from a word
            text, base = text[start : _grammar_from(text, start)], base + start
            if len(text) < 2:
                continue
        elif _KATAKANA.fullmatch(text):
            out.append((_katakana_stem(text), base, base + len(text)))
            continue
        out.extend((pair, base + start, base + end) for pair, start, end in bigrams(text))
    return out


# A katakana word: katakana letters and the long-vowel mark ー, not the mark alone.
_KATAKANA_LETTER = "\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff\uff66-\uff9d"
_KATAKANA = re.compile(
    f"[{_KATAKANA_LETTER}\u30fc]*[{_KATAKANA_LETTER}][{_KATAKANA_LETTER}\u30fc]*"
)


def _katakana_stem(word: str) -> str:
    """A katakana word without the long-vowel mark that ends it, in a word of four letters or
    more: writers and style guides differ (ライブラリー and ライブラリ, コンピューター and
    コンピュータ "computer"), as Lucene's JapaneseKatakanaStemFilter reads them alike."""
    return word[:-1] if len(word) >= _KATAKANA_STEM_FROM and word.endswith("\u30fc") else word


_KATAKANA_STEM_FROM = 4


# The helper verbs a question ends a verb with, which ask and name nothing, as English drops
# "can", "should", "want" and "please": できる "can" (else read as the particle で and きる),
# べき "should", たい and ほしい "want", くれる, くる and ください (done for one), いい "is it
# all right", すれば "if one does". Dropped from questions only (:func:`helper_endings`): a
# passage's terms stay as they are (left out of the passages too, their lengths changed and
# one ja-dev question lost its first place to another by a thousandth of a point). Not the
# negatives (できない, できません): "ログインできない" asks about failing, not logging in.
_HELPER_VERBS = frozenset(
    """できる できます できて できた でき べき すべき たい たいです ほしい くれる くれ
    くれます くる ください いい よい すれば""".split()
)
_ASKING_ENDINGS = _FUNCTION_SET | _HELPER_VERBS
_LONGEST_ASKING = max(map(len, _ASKING_ENDINGS))
_HIRAGANA_RUN = re.compile("[\u3041-\u309f]+")
# A helper verb follows a verb: directly a verb's kanji or a katakana or kanji noun made a verb
# by it (設定できる, インポートできる, 見たい), or, in the run, する's forms (にすべき,
# にするべき, にしたい, にしてください), a て form (返ってくる, 使ってもいい), or a condition
# (使えばいい). Never a particle (ログインの…, いいねは…) nor the question's start: いいね there
# is a word, "like".
_VERB_FORMS = (
    "し",
    "す",
    "する",
    "して",
    "しても",
    "て",
    "ても",
    "って",
    "っても",
    "んで",
    "んでも",
    "ば",
)
_LONGEST_VERB_FORM = max(map(len, _VERB_FORMS))


def helper_endings(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` where a helper verb directly after a verb (:data:`_VERB_FORMS`)
    ends a run of hiragana, with the particles and endings after it: インポートできる's できる,
    返ってくる's くる, にすべき's すべき. Linear: each run is read once from its end."""
    spans = []
    for run in _HIRAGANA_RUN.finditer(text):
        word, at = run.group(), run.start()
        after_word = at > 0 and _is_word_character(text[at - 1])
        ends = _endings_from(word)
        for i in range(len(word)):
            verb = _after_verb(word, i, after_word) if ends[i] else None
            if verb is not None and _helper_at(word, i, ends):
                spans.append((at + verb, run.end()))
                break
    return spans


def _is_word_character(ch: str) -> bool:
    """A kanji or katakana (a verb's stem or a noun made a verb): not kana, Latin or a mark."""
    return bool(_KATAKANA.fullmatch(ch)) or "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _endings_from(word: str) -> list[bool]:
    """``ends[i]``: ``word[i:]`` reads as asking endings alone (helpers, particles, endings)."""
    return _read_as(word, 0, _ASKING_ENDINGS, _LONGEST_ASKING)


def _read_as(text: str, start: int, words: frozenset[str], longest: int) -> list[bool]:
    """``ends[i]`` (``i`` from ``start``): ``text[i:]`` reads as ``words`` alone, none longer
    than ``longest``; found from the end, so linear."""
    ends = [False] * len(text) + [True]
    for i in range(len(text) - 1, start - 1, -1):
        ends[i] = any(
            ends[i + n] and text[i : i + n] in words
            for n in range(1, min(longest, len(text) - i) + 1)
        )
    return ends


def _after_verb(word: str, i: int, after_word: bool) -> int | None:
    """Where what ``word[i:]`` directly follows, a verb, begins in ``word``, or None: at the
    run's start after a kanji or katakana (``i``), or one of :data:`_VERB_FORMS` (a て form
    not at the question's start); する's forms (にすべき's す) are dropped with the helper."""
    if i == 0:
        return 0 if after_word else None
    for n in range(1, min(_LONGEST_VERB_FORM, i) + 1):
        form = word[i - n : i]
        if form in _VERB_FORMS and (form[0] in "しす" or n < i or after_word):
            return i - n if form[0] in "しす" else i
    return None


def _helper_at(word: str, i: int, ends: list[bool]) -> bool:
    """Whether a helper verb begins at ``word[i]``, the rest asking endings."""
    return any(
        word[i : i + n] in _HELPER_VERBS and ends[i + n]
        for n in range(1, min(_LONGEST_ASKING, len(word) - i) + 1)
    )


def _grammar_from(text: str, start: int) -> int:
    """Where the particles and endings that end ``text`` begin (past ``start``): the first
    position from which the rest reads as function words alone, found from the end (linear,
    where a regular expression tries every way to read "ではでは…" and takes seconds)."""
    ends_here = _read_as(text, start, _FUNCTION_SET, _LONGEST_FUNCTION)
    return next(i for i in range(start, len(text) + 1) if ends_here[i])
