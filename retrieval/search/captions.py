"""A figure's caption labels a picture: it says what the picture shows, not what the thing is.

Short and dense with the question's words ("Figura 1. Metodología de la colección Awareness,
Inspire, Action."), it outranked the sentence explaining the methodology it names, for "¿Qué es
la metodología Awareness Inspire Action?" (a Word report's caption, read as the paragraph it is).
Among the re-ranked head, a caption weighs :data:`SHARE` of its score, unless the question asks
about a figure itself ("which figure shows the pipeline?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.model import Passage
from retrieval.search.rank import RERANK, Ranked, lowered

SHARE = 0.8
LONGEST = 200  # characters: a caption, not a paragraph opening with "Figure 5 shows …"
# A table's caption read as a paragraph of its own ("Table: 5 Public Health Outlay 2012-13").
_TABLE = re.compile(r"(?:Table|Tableau|Tabla|Tabelle|Tabel|Таблица)\s*:?\s*\d", re.IGNORECASE)
# "Figure 3:", "Fig. 2.1 –", "Figura 1.", "Abbildung 4:", "Рисунок 2.", "Рис. 5 —", "图 3：", in
# the five languages of the bot and German.
_CAPTION = re.compile(
    r"(?:Figure|Fig\.|Figura|Abbildung|Abb\.|Рисунок|Рис\.|图|圖)\s*\d+(?:[.\-–]\d+)*\s*[.:：\-–—]",
    re.IGNORECASE,
)
_ASKS_FOR_A_FIGURE = re.compile(r"\b(?:fig(?:ure|ura)?s?|abbildung|рисун\w*)\b|图", re.IGNORECASE)


def is_caption(passage: Passage) -> bool:
    """Whether ``passage`` is a figure's caption alone."""
    return len(passage.text) <= LONGEST and bool(_CAPTION.match(passage.text))


def is_table_caption(passage: Passage) -> bool:
    """Whether ``passage`` is a table's caption alone (:func:`named.naming_row_first` moves it
    with its table's rows)."""
    return len(passage.text) <= LONGEST and bool(_TABLE.match(passage.text))


def below_their_text(ranked: Sequence[Ranked], question: str) -> list[Ranked]:
    """``ranked`` with the figures' captions of its head lowered (see the module's docstring)."""
    if _ASKS_FOR_A_FIGURE.search(question):
        return list(ranked)
    return lowered(ranked, lambda r: is_caption(r.passage), SHARE, RERANK)
