"""Words for "more results" and "the second one" in languages the bot reads but does not speak
(Japanese, Korean, German, Portuguese, Italian): a Japanese reader's "もっと" pages on and
"2番目" opens result 2, as "更多" and "第二个" do, instead of being searched as words ("次"
matched the Chinese "两次").

Not a locale (its name is not a language code): the bot answers in no such language, it only
understands these messages. Each language's everyday forms, as each locale's
:data:`~bot.locales.en.MORE_WORDS`, :data:`~bot.locales.en.ORDINALS` and
:data:`~bot.locales.en.ORDINAL_WORDS` (here by language: :data:`ORDINALS`); none fitted to
a question. Japanese is written without spaces, so its forms carry the words that go with
them ("2番目の結果").
"""

from __future__ import annotations

from typing import NamedTuple


def _japanese(rank: int) -> str:
    """The forms of a Japanese ordinal: "2番目", "二番目", "二つ目", "2つ目", with "の" or
    "の結果" after them."""
    kanji = "一二三四五六七八九十"[rank - 1]
    bases = [f"{rank}番目", f"{kanji}番目"]
    if rank < 10:  # 十 is counted "十個目", not "十つ目"
        bases += [f"{kanji}つ目", f"{rank}つ目"]
    return "|".join(f"{base}{tail}" for base in bases for tail in ("", "の", "の結果"))


MORE_WORDS = (
    # Japanese
    "もっと", "もっと見る", "もっと見せて", "次", "次へ", "次の結果", "次のページ",
    "続き", "続けて",
    # Korean
    "더", "더 보기", "더 보여줘", "다음", "다음 결과",
    # German
    "mehr", "weiter", "nächste", "mehr ergebnisse", "zeig mehr",
    # Portuguese
    "mais", "próximo", "mais resultados", "mostra mais",
    # Italian
    "altro", "altri", "di più", "avanti", "successivo", "altri risultati",
)  # fmt: skip

# Words said around those ("もっとください", "mehr bitte", "mais, por favor"), as each locale's
# :data:`~bot.locales.en.MORE_FILLERS`; Japanese and Korean ones may be written onto the word.
MORE_FILLERS = (
    "ください|お願いします|お願い|を"  # Japanese
    "|주세요|좀"  # Korean
    "|bitte|und|zeig|zeige|mir|noch|ergebnisse"  # German
    "|por favor|e|me|mostra|mostre|resultados"  # Portuguese
    "|per favore|e|mostrami|mostra|dammi|ancora|risultati"  # Italian
)
# Words naming a result by its number ("Nummer 3", "resultado 5", "3番", "3번"), as each
# locale's :data:`~bot.locales.en.RESULT_NUMBER_WORDS`.
RESULT_NUMBER_WORDS = (
    "番|番号|結果"  # Japanese
    "|번|결과"  # Korean
    "|nummer|nr|ergebnis"  # German
    "|número|nº|resultado"  # Portuguese
    "|numero|n|risultato"  # Italian
)


class Ordinals(NamedTuple):
    """A language's ordinals 1 to 10 ("|" between the forms of one), the words that may go
    with them, and whether a form counts only ``framed`` by one of those words."""

    forms: tuple[str, ...]
    words: str
    framed: bool


# Each language is read on its own, with its own words only: pooled, "the second die" opened
# result 2 (German's "die" taken for a word about it), and "quarto" alone (Portuguese's and
# Italian's fourth, also "room") result 4. A German, Portuguese or Italian ordinal is one
# only said with an article or a request of its language ("die zweite", "o quarto"); the
# Japanese and Korean forms carry their counter ("番目", "번째"), so stand alone.
ORDINALS = {
    "ja": Ordinals(tuple(_japanese(rank) for rank in range(1, 11)), "", framed=False),
    "ko": Ordinals(
        # "두 번째", "두번째", "2번째", "둘째"
        ("첫 번째|첫번째|1번째|첫째", "두 번째|두번째|2번째|둘째", "세 번째|세번째|3번째|셋째",
         "네 번째|네번째|4번째|넷째", "다섯 번째|다섯번째|5번째|다섯째",
         "여섯 번째|여섯번째|6번째|여섯째", "일곱 번째|일곱번째|7번째|일곱째",
         "여덟 번째|여덟번째|8번째|여덟째", "아홉 번째|아홉번째|9번째|아홉째",
         "열 번째|열번째|10번째|열째"),
        "결과|보여줘|열어줘",
        framed=False,
    ),
    "de": Ordinals(
        ("erste|erster|erstes", "zweite|zweiter|zweites", "dritte|dritter|drittes",
         "vierte|vierter|viertes", "fünfte|fünfter|fünftes", "sechste|sechster|sechstes",
         "siebte|siebter|siebtes", "achte|achter|achtes", "neunte|neunter|neuntes",
         "zehnte|zehnter|zehntes"),
        "der|die|das|den|zeig|mir|bitte|öffne|ergebnis",
        framed=True,
    ),
    "pt": Ordinals(
        ("primeiro|primeira", "segundo|segunda", "terceiro|terceira", "quarto|quarta",
         "quinto|quinta", "sexto|sexta", "sétimo|sétima", "oitavo|oitava", "nono|nona",
         "décimo|décima"),
        "o|a|me|mostra|mostre|abre|abra|resultado|por|favor",
        framed=True,
    ),
    "it": Ordinals(
        ("primo|prima", "secondo|seconda", "terzo|terza", "quarto|quarta", "quinto|quinta",
         "sesto|sesta", "settimo|settima", "ottavo|ottava", "nono|nona", "decimo|decima"),
        "il|la|mostra|mostrami|apri|risultato|per|favore",
        framed=True,
    ),
}  # fmt: skip
