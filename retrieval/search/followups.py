"""Follow-up questions: carry the previous question's subject into a short follow-up.

A :class:`Conversation` remembers the last few questions of one person in one chat. When a new
question reads as a follow-up ("and with Pakistan that year?", "how many rounds since then?") the
earlier questions are passed to the library as *context*: their terms are searched too, with less
weight, and names or years the follow-up replaces are dropped (see ``Library``). The terminal chat
and the bot use the same object; the bot stores it per chat and user with :meth:`to_json`.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.search import divisions
from retrieval.search.languages import is_spoken_stop_word, stop_word_hits
from retrieval.search.pasted import without_quoted
from retrieval.text import CARDINAL_WORDS

MAX_HISTORY = 3  # the question that set the topic and the latest follow-ups on it
# Steps in a row through a text without numbered divisions ("what comes next?" again and
# again), kept with the question they step from: each is one passage on from the last.
MAX_STEPS = 12

# Words a follow-up opens with, in each language the bot speaks: conjunctions ("and", "а",
# "et", "y"), what comes next ("then", "потом", "ensuite", "luego") and asking back ("what
# about", "как насчёт", "qu'en est-il", "qué tal").
# Of those, the ones that join on to what was said ("and if I don't write any ON DELETE clause,
# what happens by default?") open a follow-up of any length up to _LONG_FOLLOW_UP; "so", "but",
# "then" also open questions of their own, and only a short one is taken to follow.
_JOINING_CUES = re.compile(
    r"^\s*[¿¡]?\s*(and|what about|how about|а|и|как насч[её]т|et|et si|y(?! a\b)|y si"
    # Portuguese, Arabic (و "and" is written joined to the word after it), Persian
    # ("e" before a space: "E-mail non reçu", "e.g.", "E. coli" open questions of their own)
    r"|e(?=\s)|e se|e quanto a|وماذا عن|ماذا عن|وكيف|وهل|وإذا|واذا|وإن|ولو|و|و اگر)(?=\W|$)",
    re.IGNORECASE,
)
_CUE_WORDS = 10  # words of a question opening with another cue, not pointing back
_CUES = re.compile(
    r"^\s*[¿¡]?\s*("
    # English
    r"and|also|but|so|or|plus|then|what about|how about|what of|same|ok(ay)?|and what|"
    r"what else|anything else|more on|tell me more|how come|which one|otherwise|why not|"
    # Russian
    r"а|и|ну|ещё|еще|но|тогда|потом|затем|дальше|как насч[её]т|что насч[её]т|а если|иначе|"
    # French
    r"et|aussi|mais|alors|ensuite|puis(?![-\s]+je\b)|et si|quoi d'autre|et pour|et en|et avec|"
    r"qu'en est-il|sinon|"
    # Spanish
    r"y(?! a\b)|también|tambien|pero|entonces|luego(?!\s+de\b)|qué tal|que tal|y si|"
    r"qué más|que mas|qué hay de|que hay de|"
    # Portuguese
    # (not "ou": "où" typed without its accent, "ou est le fichier ?"; "mas" is Portuguese's
    # "but" and Spanish's "más" typed so, "more": in both a question leaning on the answer)
    r"mas|então|entao|depois(?!\s+de\b)|também|tambem|"
    # Arabic
    r"ثم|لكن|ولكن|بعد ذلك|وبعد|"
    # Persian
    r"بعدش|بعد از آن|ولی|اما|خب|پس"
    r")(?=\W|$)",
    re.IGNORECASE,
)
# "Why?" and a preposition open a follow-up only in a question of a few words, at most one of
# them its own ("why not?", "in which year?", "а в testing?", "¿con cuál?"): "Зачем нужен
# pbuilder?", "Why use Pydantic?", "В каком файле хранится список?" or "¿Para qué sirve
# debhelper?" stand on their own.
_SHORT_CUES = re.compile(
    r"^\s*[¿¡]?\s*("
    r"why|почему|зачем|pourquoi|por qué|por que|"
    r"in|with|for|since|during|after|before|by|from|at|to|between|against|under|on|"
    r"в|во|с|со|для|после|до|между|против|при|у|"
    r"en|avec|pour|depuis|pendant|après|avant|par|entre|contre|sous|sur|"
    r"con|para|desde|durante|después|despues|antes|por|bajo|sobre"
    r")(?=\W|$)",
    re.IGNORECASE,
)
_SHORT_CUE_WORDS = 3
_LONG_FOLLOW_UP = 16  # words of a question pointing back ("and … it …", "… those settings …")
_NUMBER_FOLLOW_UP = 5  # words of a question that asks a number and little else
# Words that point back. Not the French "ce" ("qu'est-ce que", "ce que"), the Spanish articles
# "los", "las" and "le", nor the Spanish pronoun "les": nearly every question in those languages
# has them ("les" is the French article: "Comment les Babyloniens appelaient-ils Mars ?").
_ANAPHORA = frozenset(
    """they them their theirs it its that those these this there then he she his her such same both
    either former latter above previous earlier too instead else again
    он она оно они его её ее их ему ей им это этот эта эти тот та те там тогда такой тоже
    него неё нее нему ней ним них нём нем
    il elle ils elles lui leur leurs cela ça cet cette ces là aussi même
    él ella ellos ellas lo eso esto ese esa esos esas allí entonces mismo""".split()
)
# English words that point back in a question of up to _LONG_FOLLOW_UP words ("can I keep those
# settings in a separate file instead?", "how much disk space does it need while it runs?"):
# "these" and "those" naming something ("those who …" names no earlier thing), a pronoun asked
# about ("does it", "can they"), "instead" without its "of". Not the "it" that stands for what
# the sentence goes on to say: "is it possible to …", "does it matter which …", "how long does
# it take to …", "is it a good practice to …".
_POINTING_BACK = re.compile(
    r"\b(these|those)\b(?!\s+(who|which|that|whose)\b)"
    r"|\b(does|do|did|can|could|will|would|should|is|are|was|were|has|have|had)\s+(it|they)\b"
    r"(?!\s+(possible|ok|okay|fine|true|safe|worth|better|best|necessary|wise|allowed|enough|"
    r"a good idea|recommended|take|takes|matter|mean|cost|seem|pay|make sense)\b)"
    r"(?!(\s+[\w-]+){1,3}\s+(to|that|if|whether)\b)"
    r"|\binstead\b(?!\s+of\b)",
    re.IGNORECASE,
)
# The impersonal "il" of French ("y a-t-il", "faut-il", "s'agit-il", "il faut", "il y a", the
# weather's "il fait quel temps", "quel temps fera-t-il", "il pleut") points nowhere.
_IMPERSONAL = re.compile(
    r"\by a-t-il\b|\bfaut-il\b|\bagit-il\b|\best-il (possible|nécessaire|utile)\b"
    r"|\bil (?=y a\b|faut\b|s['’]agit\b|suffit\b|vaut mieux\b|pleut\b|neige\b|gèle\b"
    r"|(fait|fera|faisait) (quel temps|beau|chaud|froid|frais|doux|nuit|jour|soleil|mauvais)\b)"
    r"|\b(quel temps|beau|chaud|froid) (fait|fera|faisait)-t?-?il\b|\bpleut-il\b",
    re.I,
)
# A pronoun after a name is that name ("Pourquoi Debian sépare-t-il …", "Qui soigne Paul quand
# il est blessé ?"; not "I"), after a French subject with its determiner before the inverted
# verb the subject ("La peine capitale existe-t-elle encore ?", "Quand la préface a-t-elle été
# écrite ?"), after the subject of an English "does" that subject ("where does bat look for its
# config file?"): those questions name what they are about.
_NAMED = re.compile(r"(?<=\w)\s+(?!I\b)[A-ZÀ-ÖØ-ÞА-ЯЁ][\w-]*")
_FRENCH_SUBJECT = re.compile(
    r"(?:^|\s)(le|la|les|l'|l’|un|une|des|ce|cet|cette|ces|mon|ma|mes|ton|ta|tes|son|sa|ses|"
    r"notre|nos|votre|vos|leur|leurs)\s*\w[^?]*?(?=\s\w+-(t-)?(il|elle|ils|elles)\b)",
    re.IGNORECASE,
)
_ENGLISH_SUBJECT = re.compile(r"\b(do|does|did)\s+(?:(?:the|a|an|my|your|our)\s+)?([\w.-]+)", re.I)
# A pronoun after a preposition ("What did Yang Jiechi say about it?", "¿Qué dijo Ana sobre
# él?") is what was asked about before, whoever the question names; a possessive ("for its
# config file") is the subject's.
_PERSONAL = re.compile(
    r"(?:(?<![\w-])(about|with|for|on|in|to|from|of|by|at|into|without|against|"
    r"de|avec|pour|sur|sans|à|chez|par|contre|"
    r"о|об|обо|с|со|у|для|про|на|в|к|от|из|без|"
    r"sobre|con|para|por|en|a|sin|contra)\s+)?"
    r"\b(it|its|they|them|their|theirs|he|him|his|she|her|"
    r"il|elle|ils|elles|lui|leur|leurs|"
    r"он|она|оно|они|его|её|ее|их|ему|ей|им|него|неё|нее|нему|ней|ним|них|нём|нем|"
    r"él|ella|ellos|ellas)\b",
    re.IGNORECASE,
)
_POSSESSIVE = frozenset("its their theirs his leur leurs".split())
# Pronouns that are only objects, and those that are objects where they end a clause ("Does
# Debian support it?", "Поддерживает ли Debian его?"; not "does it cost …", "его версия").
_OBJECT = frozenset("them him ему ей им него неё нее нему ней ним них нём нем lui".split())
_OBJECT_AT_END = frozenset("it her его её ее их".split())
# Chinese and Japanese: no spaces to count words by, so cues are characters: "那……呢？",
# "还有", "它", "是哪一个" ("which one") in a short question; "其他"/"其它" ("other") hold
# 他 and 它 but point nowhere, and "这个" after a quoted word is that word ("“苹果”这个词").
# "为什么" ("why") opens a follow-up only in a question of a few characters ("为什么不行？"),
# as "why" does: "为什么古人觉得荧惑守心不吉利？" stands on its own.
_CJK_CUES = re.compile(
    r"^(那|那么|还有|另外|也|怎么样)|呢[？?]?$|是哪一?个[？?]?$|[它他她]|这个|那个|这些|那些"
)
_CJK_WHY = re.compile(r"^为什么")
# And so does one asking which, when, how long or how many and nothing else ("哪一年？",
# "是哪一年？", "要等多久？", "多少？", "什么时候？"), as "which year?" and "how long?" do (not
# 谁, "who": "谁是毛泽东？"; nor one naming a thing by its number or Latin name, "429 多久？").
_CJK_ASKING_BACK = re.compile(r"哪一?年|哪个|哪里|多少|几|什么时候|何时|多久|多长")
# What may stand before the asking word of a question that names nothing ("是哪一年？", "要等多
# 久？", "那是什么时候？"): "北京在哪里？", "宪法有几条？" name their subject and stand alone.
_CJK_FUNCTION_CHARS = frozenset("是要等有在还又得需那么这它他她的了就会能可以到")
_NOT_CJK = re.compile(r"[0-9A-Za-z]")
_CJK_SHORT_WHY = 6  # characters, the question mark included
_CJK_OTHER = re.compile(r"其[他它]|[”」』\"'’]\s*(这|那)个")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_CJK_SHORT = 20  # characters: a question this short can lean on the one before
_WORD = re.compile(r"\w+")
# A question of a few words, none saying what about ("when?", "where exactly?", "how
# long?", "и когда?", "¿dónde?"), has nothing to search but what was asked before. Besides
# the stop words, the words that finish an English question word: "how long", "how often".
_ASKING_BACK_WORDS = 3
_ASKING_COMPLEMENTS = frozenset(
    "much many long often far exactly else come so temps tiempo времени".split()
)  # and "time" making "how long" of "how much" elsewhere: "combien de temps ?", "¿cuánto tiempo?"
# The question words that ask which one of a kind the next word names.
_WHICH = frozenset("which what какой какая какое какие quel quelle quels quelles cuál qué".split())
# The question words of the languages the bot speaks (and Portuguese, Arabic and Persian, which
# it does not, but whose readers ask back as others do), one of which a question of a few words
# saying nothing else asks back with (with and without accents, as people type them).
_QUESTION_WORDS = frozenset(
    """what when where which who whom whose why how
    что когда где куда откуда какой какая какое какие каков почему зачем кто сколько как чей
    чего чему чем чём кого кому кем ком какого какому каким каком какую какими каких чья чьё чьи
    quoi quand où ou comment pourquoi qui quel quelle quels quelles combien lequel laquelle
    qué que cuándo cuando dónde donde cómo como cuál cual cuáles cuales quién quien cuánto
    cuanto cuánta cuanta cuántos cuantos cuántas cuantas
    quê quando onde qual quais quem quanto quanta quantos quantas porquê
    ماذا متى أين اين كيف لماذا كم هل أي
    چی چه کی کجا چطور چرا کدام چند""".split()
)


# Moving through a document: "and the next article?", "et l'article suivant ?", "¿y el
# siguiente?", "а что дальше?", "下一条呢？", and back ("the previous one", "l'article
# précédent", "el anterior", "предыдущая статья", "上一条"). A question saying nothing else
# (its other words stop words, a division's label, "one", a verb of saying) asks for the
# division after (or before) the one the conversation is at (:func:`moved_to`).
_NEXT = re.compile(
    r"next|following|suivante?s?|prochaine?|siguientes?|pr[óo]xim[oa]s?|следующ\w*|дальше|далее",
    re.IGNORECASE,
)
# (Not the Russian "прошлый": "а в прошлом?", "а в прошлый раз?" ask about the past.)
_PREVIOUS = re.compile(
    r"previous|preceding|pr[ée]c[ée]dente?s?|anterior(?:es)?|предыдущ\w*",
    re.IGNORECASE,
)
# "The article after that", "l'article d'après", "the chapter before it": a label, and the
# step as a place after (before) what was just quoted.
_AFTER = {"after": 1, "après": 1, "before": -1, "avant": -1}
# A step is taken once, to one division: "next time", "la prochaine fois", "в следующий раз",
# "la próxima vez" are times, "the next 3 articles" or "the next three" more than one.
_NOT_A_STEP = frozenset("time times fois vez veces раз".split())
_SAYING = frozenset(
    """one ones say says said about contain contains comes come uno una один одна одно
    говорится сказано написано contient dit dicen"""
    # asking to be shown or told it: "show me the next article", "tell me the next one"
    """ show tell give read"""
    # and what a passage is called: "the next paragraph" is the passage after the one quoted
    """ paragraph paragraphs paragraphe párrafo parrafo абзац passage""".split()
)
# What may follow "下一条" in a question asking for it and nothing else: "呢", "讲什么",
# "讲的是什么", "规定了什么内容", "的内容是什么".
_CJK_STEP = re.compile(
    r"^(?:那|那么)?(?P<way>[上下前后])一(?P<kind>[条章节]|个|款)?"
    r"[是讲说写规定了的什么啥内容呢吗]*[？?。]?$"
)
_CJK_KINDS = {"条": "article", "章": "chapter", "节": "section"}
Step = tuple[int, str | None]  # +1 (next) or -1 (previous), and the kind named, if any


@functools.lru_cache(maxsize=256)  # asked of one question by the library three times or four
def step(question: str) -> Step | None:
    """Whether ``question`` asks for the next or the previous division and nothing else, and
    the kind it names ("article", "chapter"; None for "and the next one?"), or None."""
    text = question.strip()
    if _CJK.search(text):
        found = _CJK_STEP.match(text)
        if found is None:
            return None
        return (1 if found["way"] in "下后" else -1, _CJK_KINDS.get(found["kind"] or ""))
    words = _WORD.findall(text.lower())
    if len(words) > _CUE_WORDS or any(map(_counts, words)):
        return None
    ways = [1 for w in words if _NEXT.fullmatch(w)] + [-1 for w in words if _PREVIOUS.fullmatch(w)]
    if not ways and not any(w in _AFTER for w in words):
        return None  # no way to go (nearly every question): its labels need not be read
    labels = [w for w in words if divisions.is_label(w)]
    if not ways and labels:  # "the article after that?"
        ways = [_AFTER[w] for w in words if w in _AFTER]
    if len(ways) != 1 or len(labels) > 1 or _following_alone(words):
        return None
    rest = [
        w
        for w in words
        if not (_NEXT.fullmatch(w) or _PREVIOUS.fullmatch(w) or w in labels or w in _SAYING)
        and w not in _AFTER
    ]
    if _own(rest):
        return None
    kind = divisions.named(f"{labels[0]} 1") if labels else None
    return ways[0], kind[0] if kind else None


def _counts(word: str) -> bool:
    """Whether ``word`` makes a step more than one, or a time: a number other than "one"
    ("the next 3 articles", "the next two"), "time" ("next time", "la prochaine fois")."""
    if word in _NOT_A_STEP or word.isdigit():
        return True
    return word in CARDINAL_WORDS and CARDINAL_WORDS[word] != 1


def _following_alone(words: list[str]) -> bool:
    """Whether "following" stands alone, as the list that follows ("which of the following?"),
    not "the following article" or "the following one"."""
    return any(
        w == "following" and (i + 1 == len(words) or not _one_of(words[i + 1]))
        for i, w in enumerate(words)
    )


def _one_of(word: str) -> bool:
    return word in ("one", "ones") or divisions.is_label(word)


def moved_to(question: str, history: Sequence[str]) -> str | None:
    """The question ``question`` stands for after the earlier questions ``history`` (oldest
    first) when it moves through the document: the division after or before the one the last
    of them names (:func:`step`; None when the last names none: the step is from the passage
    it was answered with, which the library finds), or one it names by its number and nothing
    else after the latest naming one ("and article 7?", "а статья 7?", "第七条呢？", "And the
    Fourth?"). That question with the division's number changed: "Que dit l'article 97 ?"
    then "et l'article suivant ?" asks "Que dit l'article 98 ?", and "What does article 6 of
    the Covenant on Civil and Political Rights say?" then "and article 7?" asks article 7 of
    that Covenant, not of any document. None for any other question."""
    earlier = next((q for q in reversed(history) if divisions.named(q) is not None), None)
    if earlier is None:
        return None
    kind, number = divisions.named(earlier) or ("", 0)
    moving = step(question)
    if moving is not None:
        if earlier != history[-1]:
            # The last question named none: the step is from the passage it was answered
            # with ("and the next article?" after "who appoints the Secretary-General?",
            # answered from Article 97, is Article 98, whatever article was asked before).
            return None
        by, named = moving
        return divisions.renumbered(earlier, number + by) if named in (None, kind) else None
    asked = _division_alone(question, earlier)
    if asked is None or asked[0] != kind or asked[1] == number:
        return None
    return divisions.renumbered(earlier, asked[1])


# What may stand beside a division's name in a Chinese question naming nothing else
# ("第七条呢？", "那第七条讲什么？", "第七条的内容是什么？").
_CJK_SAYING = frozenset("讲说写规定内容呢吗") | _CJK_FUNCTION_CHARS | frozenset("什么")


def _division_alone(question: str, earlier: str) -> divisions.Division | None:
    """The division ``question`` names with no word of its own besides its name (a joining
    word, a question word, a verb of saying), or names by its number alone after ``earlier``
    ("And the Fourth?"); None otherwise."""
    found = divisions.naming(question)
    if found is None:
        return divisions.following(question, earlier)
    rest = question.replace(found[1], " ")
    if _CJK.search(rest):
        return found[0] if all(c in _CJK_SAYING for c in _CJK.findall(rest)) else None
    words = [w for w in _WORD.findall(rest.lower()) if w not in _SAYING]
    return None if _own(words) else found[0]


def _asks_back_in_chinese(text: str) -> bool:
    found = _CJK_ASKING_BACK.search(text)
    if found is None or _NOT_CJK.search(text):
        return False
    before = _CJK.findall(text[: found.start()])
    return all(char in _CJK_FUNCTION_CHARS for char in before)


# Japanese: the question opens with a word pointing back or joining on ("それはどう？…", "じゃあ
# Vite 7 は？", "その場合は", "あと…", "ちなみに…", "他に…") in a question of up to
# _JA_LONG characters (Japanese spends more characters on a word than Chinese: "それはどう？
# ポートが使われてたら別のポートにしないでエラーにしたい" is one follow-up), or a short one
# asks "what about …?" of a name alone ("Vite 7 は？", "pnpm の場合は？", "Windows では？",
# "Vue 3 だと？", "Yarn なら？"): "server.port のデフォルトは？" names its subject and stands
# alone. Not それぞれ ("each"), そのまま ("as it is"), その他 ("other"), これから, このまま.
_JA_OPENERS = re.compile(
    r"^(それ(?!ぞれ)|その(?!まま|他|ほか)|そこ|そっち|そちら|これ(?!から|まで)|この(?!まま)|"
    r"あれ|じゃあ?|では|なら|だったら|それなら|で[、,]|あと|ちなみに|他に|ほかに|また|でも|"
    r"ほかの|他の)"
)
_JA_WHAT_ABOUT = re.compile(
    r"^[^\u3040-\u309f]+(は|の場合は?|なら|だと|では|だったら|は\s*どう(ですか|でしょう)?)"
    r"\s*[？?]?$"
)
# Or one asking when, where, how many and nothing else ("いつ？", "どこで？", "いくつ？",
# "何年？", "どのくらい？"), as "when?" does.
_JA_ASKING_BACK = re.compile(
    r"^(それ(は|って)?|で[、,]?|じゃあ?)?(いつ|どこ|どれ|どっち|いくつ|いくら|何年|何回|何個|"
    r"何日|何時|なぜ|なんで|どうして|どのくらい|どれくらい)(から|まで|で|に|です か|ですか)?[？?]?$"
)
_KANA = re.compile(r"[\u3041-\u309f\u30a1-\u30fa]")  # letters: not ・ nor ー, which Chinese writes
_JA_LONG = 40  # characters


def _japanese_follow_up(text: str) -> bool:
    """Whether a question written with kana leans on the one before (:data:`_JA_OPENERS`)."""
    if len(text) <= _JA_LONG and _JA_OPENERS.match(text):
        return True
    return len(text) <= _CJK_SHORT and bool(
        _JA_WHAT_ABOUT.match(text) or _JA_ASKING_BACK.match(text)
    )


# Korean, written in words: an opener ("그럼" "then", "그리고" "and", "근데" "but", "또"
# "also", "아니면" "or", "그건" "that one") in a question of up to _CUE_WORDS words; a word
# pointing back (그것, 그거, 거기 "there", 그때 "then") in one of up to 8; and "what about …?"
# in a question of a few words ending in the topic particle (은요, 는요: "그럼 v-model은요?",
# "pnpm 은요?", "포트는?").
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KO_OPENERS = re.compile(
    r"^\s*(그럼|그러면|그리고|그런데|근데|그래서|또|또는|아니면|그건|그거|그게|그것|이건|저건)"
    r"(?=[\s?？,.]|$)"
)
_KO_POINTING = re.compile(r"(?<!\S)(그것|그거|그건|그게|거기|그곳|그때)")
_KO_WHAT_ABOUT = re.compile(r"[은는]요?\s*[?？]?\s*$")


def _korean_follow_up(text: str) -> bool:
    """Whether a question written in Hangul leans on the one before (:data:`_KO_OPENERS`)."""
    words = len(text.split())
    if _KO_OPENERS.match(text) and words <= _CUE_WORDS:
        return True
    if _KO_POINTING.search(text) and words <= 8:
        return True
    return words <= _SHORT_CUE_WORDS and bool(_KO_WHAT_ABOUT.search(text))


_OPENING_CUES = frozenset("and so but then also et mais alors y pero и а но e mas".split())
# Chinese and Japanese ask by their particles and interrogatives, wherever they stand.
_CJK_ASKS = re.compile(r"[吗呢么嗎か]\s*$|什么|怎么|为什么|哪|谁|多少|几|どう|なぜ|何|いつ|どこ|誰")


def asks_something(text: str) -> bool:
    """Whether ``text`` asks, without a question mark: it opens with a question word ("how do I
    reset my password", "why", "and who signed it", "когда это было"), after a joining word or
    two, or asks as Chinese and Japanese do ("真的吗"). "really", "me too", "I see" do not."""
    if _CJK_ASKS.search(text):
        return True
    words = _WORD.findall(text.lower())
    while words and words[0] in _OPENING_CUES:
        words = words[1:]
    return bool(words) and words[0] in _QUESTION_WORDS


def is_follow_up(question: str) -> bool:
    """True when ``question`` reads as leaning on the one before it."""
    text = question.strip()
    if step(text) is not None:  # "next article?", "下一条？": the next after the one asked
        return True
    if _KANA.search(text):  # Japanese: its own cues (the Chinese ones read その他 as 他)
        return _japanese_follow_up(text)
    if _HANGUL.search(text) and _korean_follow_up(text):
        return True
    if _CJK.search(text):
        if len(text) <= _CJK_SHORT_WHY and (_CJK_WHY.match(text) or _asks_back_in_chinese(text)):
            return True
        return len(text) <= _CJK_SHORT and bool(_CJK_CUES.search(_CJK_OTHER.sub("", text)))
    words = _WORD.findall(text.lower())
    if not words:
        return False
    if len(words) <= _ASKING_BACK_WORDS and _asks_back(words):
        return True
    if len(words) == 2 and words[0] in _WHICH and not _says_nothing(words[1]):
        return True  # "which version?", "what year?", "quelle version ?": of the subject before
    if len(words) <= _SHORT_CUE_WORDS + 1 and _asks_which(words):
        return True  # "¿de qué año es?", "what year is it?"
    if len(words) <= 8 and _FRENCH_OBJECT.search(text):
        return True  # "qui l'a écrit ?"
    if _JOINING_CUES.match(text) and len(words) <= _LONG_FOLLOW_UP:
        return True
    if _CUES.match(text) and len(words) <= _CUE_WORDS:
        return True
    pointing_back = any(w in _ANAPHORA for w in words)
    if _CUES.match(text) and pointing_back and len(words) <= _LONG_FOLLOW_UP:
        return True  # "and does it stay that way after I close and reopen the file?"
    if len(words) <= _LONG_FOLLOW_UP and _POINTING_BACK.search(text):
        return True
    if _asks_a_number(text, words):
        return True
    if _SHORT_CUES.match(text) and len(words) <= _SHORT_CUE_WORDS and len(_own(words)) <= 1:
        return True
    if len(words) <= 8 and _one_of_those(words) and not _NAMED_ONE.search(text):
        return True  # "how do I get one?" after a question on PIV cards
    return len(words) <= 8 and any(w in _ANAPHORA for w in _pointing(text))


# Chinese pronouns standing for a thing or person ("它们谁先创建？"), and the characters that
# ask or join rather than name (谁 "who", 先 is not one: it is what is asked).
_CJK_PRONOUN = re.compile("[它他她]们?")
_CJK_ASKING = frozenset("谁什么哪怎样吗呢么啥几多少为") | _CJK_FUNCTION_CHARS
# The "it" of "what time is it?", "it is raining" stands for nothing.
_DUMMY_IT = re.compile(r"\b(?:is|was)\s+it\s*[?!.]*\s*$|\bit(?:['’]s|\s+is)\b", re.IGNORECASE)
_CJK_OWN_NAMING = 4  # characters of its own from which a Chinese question names a thing (两个词)


def points_back(question: str) -> bool:
    """Whether ``question`` names what it asks about by a word pointing back ("when did that
    start?", "where was it held?", "how do they want to close it?"), not by a name of its own."""
    text = question.strip()
    if _CJK.search(text):
        return _CJK_PRONOUN.search(text) is not None
    words = _pointing_back(text)
    return bool(words) and not _names_an_aspect(words)


def _pointing_back(text: str) -> list[str]:
    """The words of ``text`` as :func:`_pointing` reads them, without an "it" standing for
    nothing, when one of them points back (:data:`_ANAPHORA`); else none."""
    words = _pointing(_DUMMY_IT.sub(" ", text))
    return words if any(w in _ANAPHORA for w in words) else []


def _names_an_aspect(words: list[str]) -> bool:
    """Whether ``words`` ask which of a kind, naming it ("what shape are they?", "А какой они
    формы?", "Et quelle forme ont-ils ?"): that word is what is asked of the subject, and the
    passage saying it must not lose to the one saying only the subject again."""
    own = set(_own(words))
    return any(w in _WHICH and own.intersection(words[i + 1 : i + 3]) for i, w in enumerate(words))


_SHORT_QUESTION = 8  # words: as short as is_follow_up reads what it points at (_pointing)


def leans_on_nothing(question: str) -> bool:
    """Whether ``question`` leans on one before it and names nothing itself beyond a pronoun
    and a word at most ("¿y cómo lo uso?", "它们谁先创建？", "how do I install it?"): asked
    first, or after /reset, it has nothing to search but that word, and was answered with
    "casos de **uso**" as if it asked about use ("а как это сделать?", all stop words, is
    told to name what it is about: so are these)."""
    text = question.strip()
    # Of a question of a few words, whether it names nothing is told first: quicker than
    # whether it leans on one before (which reads its words so too), and false of nearly
    # every one. A longer one is seldom a follow-up, told soon.
    if len(text.split()) <= _SHORT_QUESTION and not _CJK.search(text):
        return _names_nothing(text) and is_follow_up(text)
    if not is_follow_up(text):
        return False
    if _CJK.search(text):
        if _NOT_CJK.search(text) or not _CJK_PRONOUN.search(text):
            return False
        own = [c for c in _CJK.findall(_CJK_PRONOUN.sub("", text)) if c not in _CJK_ASKING]
        return len(own) < _CJK_OWN_NAMING
    return _names_nothing(text)


def _names_nothing(text: str) -> bool:
    """Whether ``text`` points back and names a word of its own at most."""
    words = _pointing_back(text)
    return bool(words) and len(_own(words)) <= 1


# A closing "one" stands for a thing named before ("where can I get one?", "do I need one?"),
# unless it counts: "chapter one", "at one", "more than one", "one by one".
_COUNTED = frozenset(
    """number chapter part step day phase level page version tier stage article section round
    season book volume act category item option plus minus times than of at to from by and or
    no only just is was be""".split()
)


# "One" with its capital ends a name: "Formula One", "Xbox One", "Rogue One".
_NAMED_ONE = re.compile(r"(?<=\w)\s+One\W*$")


def _one_of_those(words: list[str]) -> bool:
    return len(words) >= 3 and words[-1] == "one" and words[-2] not in _COUNTED


def _pointing(text: str) -> list[str]:
    """The words of ``text`` that may point back, once those that point inside it are gone: an
    impersonal "il", a pronoun standing for the subject it names (:func:`_own_pronouns_dropped`),
    "too" before the word it intensifies ("429 Too Many Requests"; "on Windows too?" points
    back), and a "that" resuming the clause before its comma ("mon serveur renvoie 429, ça veut
    dire quoi ?")."""
    text = _INTENSIFIER.sub(" ", _IMPERSONAL.sub(" ", _own_pronouns_dropped(text)))
    text = _POINTING_AHEAD.sub(" ", text)
    text = _WHO_IS.sub(r"\1", text)
    if _EXISTENTIAL.search(text) and len(_own(_WORD.findall(text.lower()))) >= 2:
        text = _EXISTENTIAL.sub(r"\1", text)
    said = _WORD.findall(_TRAILING_WHAT_IS.sub("", text).lower())
    if _TRAILING_WHAT_IS.search(text) and len(_own(said)) >= 2:
        text = _TRAILING_WHAT_IS.sub(" ", text)
    head, comma, rest = text.partition(",")
    said = _WORD.findall(head.lower())
    if comma and not any(w in _ANAPHORA for w in said) and len(_own(said)) >= 2:
        text = head + comma + _RESUMING.sub(" ", rest)
    return _WORD.findall(text.lower())


# The "there" of "is there …", "are there …", "there is …" points at no place: "is there free
# coffee in the SF office?" asks about a thing it names (two words of its own or more; "is there
# a limit?" may still ask about the thing before).
_EXISTENTIAL = re.compile(
    r"\b(is|are|was|were|isn't|aren't|will|would)\s+there\b|\bthere(?=\s+(?:is|are|was|were|'s)\b)",
    re.IGNORECASE,
)
_INTENSIFIER = re.compile(r"\btoo\s+(?!(?:or|and|but)\b)(?=\w)", re.IGNORECASE)
# Russian "кто такой …?", "что такое …?" ask who or what the next word is: "такой" there points
# at nothing before ("кто такой ферма" asks about Fermat, whatever was asked before it).
_WHO_IS = re.compile(r"\b(кто|что)\s+так(?:ой|ая|ое|ие)\b", re.IGNORECASE)
# Russian "X — это Y" is "X is Y" (the dash and "это" the copula, "Kubernetes — это PaaS?"),
# and so is "это" between a name in Latin letters and the next word ("Kubernetes это PaaS?",
# "dpkg это что?"): it points at nothing before. Spanish "eso de …", "esto de …" ("¿Qué es
# eso de la sobrecarga de pod?", "what is this thing of …") points at what follows it.
_POINTING_AHEAD = re.compile(
    r"(?:\s[—–-]|[—–])\s*это\b|(?<=[A-Za-z0-9])\s+это(?=\s+\w)"
    r"|\b(?:eso|esto)(?=\s+del?\s+(?!qu[ée]\b|d[oó]nde\b|cu[aá]nd|c[oó]mo\b)\w)",
    re.IGNORECASE,
)
# "…, what is this?" said without its comma at the end of what it asks about: "выдает error:
# use of moved value что это" resumes the message pasted before it, two words of its own or more.
_TRAILING_WHAT_IS = re.compile(
    r"\b(?:что\s+это(?:\s+(?:такое|значит))?|это\s+что|what\s+is\s+(?:this|that)|what's\s+"
    r"(?:this|that)|what\s+does\s+(?:this|that)\s+mean|what\s+do\s+(?:these|those)\s+mean|"
    r"(?:ça|cela)\s+veut\s+dire\s+quoi|qu'est-ce\s+que\s+(?:ça|cela)\s+veut\s+dire|"
    r"qu[ée]\s+significa\s+(?:esto|eso)|"
    r"c'est\s+quoi|qu'est-ce\s+que\s+c'est|qu[ée]\s+es\s+(?:esto|eso))\s*[?？]?\s*$",
    re.IGNORECASE,
)
# The demonstratives that resume what a sentence has just said ("…, what does that mean?",
# "…, ça veut dire quoi ?", "…, ¿qué significa eso?", "…, что это значит?").
_RESUMING = re.compile(r"\b(ça|cela|ceci|that|this|eso|esto|это|то)\b", re.IGNORECASE)


def _asks_which(words: list[str]) -> bool:
    """Whether ``words`` (lower case) ask which one of a kind and say nothing else: the one word
    of their own right after "which" ("¿de qué año es?", "what year is it?"), as "what year?"
    does; "what color is snow?" names its subject."""
    own = _own(words)
    return len(own) == 1 and any(a in _WHICH and b == own[0] for a, b in itertools.pairwise(words))


# The French object pronoun elided before a verb's auxiliary ("qui l'a écrit ?", "où l'ont-ils
# signé ?"): it stands for what was asked about before. The article is elided before a noun.
_FRENCH_OBJECT = re.compile(
    r"\b[lL]['’](?:a|ai|as|avons|avez|ont|avait|avaient|aura|auront|est|était|étaient)\b"
)


def _asks_back(words: list[str]) -> bool:
    """Whether ``words`` (lower case) are a question word and words that say nothing ("when?",
    "how long?", "и когда?"): asked of the subject before. Stop words without a question word
    ("the", "и") ask nothing; they are told to name what they are about."""
    return any(w in _QUESTION_WORDS for w in words) and all(map(_says_nothing, words))


def _asks_a_number(text: str, words: list[str]) -> bool:
    """Whether ``text`` asks a number of the subject before ("how many in 2004 alone?",
    "and back in 2000?"): a number and at most one word of its own besides words that say
    nothing. Not a division the question names ("Que dit l'article 89 ?", "статье 43"), nor
    a question naming a thing with its number: "Comment renvoyer une erreur 404 ?" and "Как
    вернуть ошибку 404?" are whole questions, the French and Russian of "How do I return a
    404 error?", only shorter."""
    if len(words) > _NUMBER_FOLLOW_UP or not any(w.isdigit() for w in words):
        return False
    own = _own(words)
    # A number right after a word of its own names a thing by it: "What is PEP 8 about?",
    # "pep 703", "Python 3?" (not "in 2004", a time asked of the subject before).
    if any(b.isdigit() and a in own for a, b in itertools.pairwise(words)):
        return False
    if any(_names_a_thing(words, i) for i, w in enumerate(words) if w.isdigit()):
        return False
    return len(own) <= 1 and divisions.named(text) is None


# Prepositions a number asked of the subject before follows ("in 2004", "en el 2004", "с 2000",
# "depuis 1998", "since 2000"): a time or a measure, not the thing asked about.
_BEFORE_A_TIME = frozenset(
    """in on at by for from since until till to of after before during around about under over
    between through within per
    в во с со по до к от после около за на для при через
    en à au aux de du des depuis pendant après avant vers par pour jusqu sur dans entre
    a al de del desde hasta durante después despues antes hacia por para sobre entre
    and or и или а et ou y o""".split()
)  # and the conjunctions joining numbers so ("2004 and 2005?")
# The articles that may stand between a preposition and its number ("en el 2004", "in the 90s").
_ARTICLES = frozenset("the el la los las le les l un une una a an".split())


def _names_a_thing(words: list[str], at: int) -> bool:
    """Whether the number ``words[at]`` is what the question asks about rather than a time
    asked of the subject before: asked of directly ("what does 308 mean?", "чем 401 отличается
    от 403?") or after an article ("¿qué es el 418?", "¿para qué sirve el 304?"), not after a
    preposition ("in 2004", "¿y en el 2004?"), nor opening the question ("2005?")."""
    before = [w for w in words[:at] if w not in _ARTICLES]
    if not before:
        return at > 0  # "the 418?" names it; "2005?" asks of the subject before
    return before[-1] not in _BEFORE_A_TIME and not before[-1].isdigit()


def _own(words: list[str]) -> list[str]:
    """The words of ``words`` that say what a question is about: not stop words, question
    words or numbers. Two of them name a subject ("Why use Pydantic?", "Почему FastAPI
    быстрый?"); one is asked of the subject before ("in which year?", "а в testing?")."""
    return [w for w in words if not w.isdigit() and not _says_nothing(w)]


def _own_pronouns_dropped(text: str) -> str:
    """``text`` without the personal pronouns that stand for a subject it names before them:
    "where does bat look for its config file?" and "Qui soigne Paul quand il est blessé ?" say
    what they are about; "how do I change its theme?" does not."""
    named = _NAMED.search(text) or _FRENCH_SUBJECT.search(text)
    subject = _ENGLISH_SUBJECT.search(text)
    if subject is not None and is_spoken_stop_word(subject[2]):
        subject = None  # "how do I …", "what does it …": no subject named
    ends = [m.end() for m in (named, subject) if m is not None]
    if not ends:
        return text
    start = min(ends)
    return text[:start] + _PERSONAL.sub(_unless_asked_about, text[start:])


def _unless_asked_about(pronoun: re.Match[str]) -> str:
    """The pronoun dropped, unless a preposition asks about it ("about it") or it is the
    object of the verb ("Does Firefox support it?", "how does apt handle them?"): that is what
    was asked about before. A possessive ("its config file") and a subject ("quand il est
    blessé") are the subject's the question names."""
    word = pronoun[2].lower()
    if word in _POSSESSIVE:
        return " "
    rest = pronoun.string[pronoun.end() :].lstrip()
    ends_clause = not rest or rest[0] in "?？.!,;:"
    kept = pronoun[1] is not None or word in _OBJECT or (word in _OBJECT_AT_END and ends_clause)
    return pronoun[0] if kept else " "


@functools.lru_cache(maxsize=4096)
def _says_nothing(word: str) -> bool:
    """Whether ``word`` (lower case) is a stop word of a language the bot speaks, a question
    word (not every form of the Russian ones is a stop word: "кому?") or finishes an English
    question word."""
    if word in _ASKING_COMPLEMENTS or word in _QUESTION_WORDS:
        return True
    return is_spoken_stop_word(word)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SPANISH_MARKS = re.compile(r"[¿¡]")
_LATIN_SPOKEN = ("en", "fr", "es")
_PLAIN_STOP_WORDS = 2  # of one language, and more than of any other: "Et sur testing ?"


def plain_language(question: str) -> str | None:
    """The language ``question`` is plainly written in, by its script (kana: Japanese, Hangul:
    Korean, Han alone: Chinese), a Spanish "¿", or more
    stop words of one language than of any other; None when too little says ("and redo?",
    "¿y loadNavbar?" aside, "que es la barra lateral" is French and Spanish alike)."""
    around = without_quoted(question)  # a pasted English message is not what it is asked in
    if around is not None and _WORD.search(around):
        said = _plain(around)
        if said is not None:
            return said
    return _plain(question)


def _plain(question: str) -> str | None:
    if _KANA.search(question):
        return "ja"  # Chinese writes no kana: "もっと" is not Chinese
    if _HANGUL.search(question):
        return "ko"
    if _CJK.search(question):
        return "zh"
    cyrillic = len(_CYRILLIC.findall(question))
    if cyrillic and cyrillic * 3 >= len(_LATIN.findall(question)):
        return "ru"  # commands and names are in Latin letters in every language
    if _SPANISH_MARKS.search(question):
        return "es"
    hits = sorted(((stop_word_hits(question, code), code) for code in _LATIN_SPOKEN), reverse=True)
    (most, code), (second, _) = hits[0], hits[1]
    return code if most >= _PLAIN_STOP_WORDS and most > second else None


def _another_language(question: str, history: tuple[str, ...]) -> bool:
    """Whether ``question`` is plainly in another language than the latest earlier question
    that plainly is in one: a person who changes language changes subject ("Quand la préface
    a-t-elle été écrite ?" after "¿Cómo funciona el modo sin conexión?")."""
    asked = plain_language(question)
    if asked is None:
        return False
    # Not a Russian "а почему?" after a question in Latin letters whose language is unclear
    # (a pasted error, keywords): a short question in another script leans on it all the same.
    before = next(filter(None, map(plain_language, reversed(history))), None)
    return before is not None and before != asked


@dataclass(frozen=True)
class Conversation:
    """The recent questions of one conversation, and when the last was asked."""

    history: tuple[str, ...] = ()
    updated_at: float = 0.0

    def context_for(self, question: str, now: float, idle_seconds: float = 1800.0) -> str | None:
        """The context to search with ``question``, or None when it stands on its own."""
        if not self.history or now - self.updated_at > idle_seconds:
            return None
        if not is_follow_up(question) or _another_language(question, self.history):
            return None
        return "\n".join(self.history)

    def after(self, question: str, context: str | None, now: float) -> Conversation:
        """The conversation once ``question`` (asked with ``context``) has been answered."""
        if not context:
            return Conversation((question,), now)
        # A step through the document is remembered as the question it stands for, so the
        # next step goes on from there ("et l'article suivant ?" three times: three articles).
        question = moved_to(question, self.history) or question
        return Conversation(_kept((*self.history, question)), now)

    def reset(self) -> Conversation:
        return Conversation()

    def to_json(self) -> str:
        return json.dumps({"history": list(self.history), "updated_at": self.updated_at})

    @classmethod
    def from_json(cls, text: str | None) -> Conversation:
        """Read :meth:`to_json` output; anything unreadable is an empty conversation."""
        try:
            data = json.loads(text or "{}")
            history = _kept(tuple(str(q) for q in data.get("history", [])))
            return cls(history, float(data.get("updated_at", 0.0)))
        except (ValueError, TypeError, AttributeError):
            return cls()


def _kept(history: tuple[str, ...]) -> tuple[str, ...]:
    """The questions of ``history`` a conversation keeps: the one that set the topic, however
    long the chain of follow-ups grows, and the latest :data:`MAX_HISTORY` - 1; or, when the
    latest are steps through the document (:func:`step`; those naming a division are kept as
    the question they stand for), every step of that run up to :data:`MAX_STEPS` and the
    question they step from. Each step is one passage on from the one before: with the middle
    ones dropped, "what comes next?" quoted the same passage from the fourth on."""
    if len(history) <= MAX_HISTORY:
        return history
    steps = len(list(itertools.takewhile(lambda q: step(q) is not None, reversed(history))))
    latest = min(max(steps + 1, MAX_HISTORY - 1), MAX_STEPS + 1, len(history) - 1)
    return (history[0], *history[-latest:])
