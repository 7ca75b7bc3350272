"""The shortcuts that make reading and indexing a corpus cheaper give what the long way gives.

Each shortcut skips work whose answer is known (a plain ASCII line needs no mojibake repair) or
does the same work another way (py3langid's walk over a text's bytes in numpy): documents must
read, and passages be labelled, exactly as before, or every saved index would change.
"""

from __future__ import annotations

import random
import re
from typing import Any

import ftfy
import numpy as np
import pytest
from py3langid.langid import LanguageIdentifier, visit_counts  # type: ignore[import-untyped]
from py3langid.modelio import _to_array  # type: ignore[import-untyped]

from retrieval import sentences
from retrieval.search import languages
from retrieval.text import clean, squeeze, word_count

_PIECES = [
    "plain words ", "<b>", "&amp;", "&lt;", "&eacute;", "Ã©", "â€™", "\u00a0", "\u2028", "é",
    "e\u0301", "’", "中文", "\x80", "\u200b", "\ufeff", "&#65;", "\r\n", "\n", "\n\n", "\t",
    "\x1b[31m", "\x00", "\x0b", "\x0c", "\x7f", "\x85", "\u3000", "  ",
    "A\u0303", "\u00a9", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "año", "привет", "\u2029", "\u206a", "\ufffc",
    "ÏŒ\n", "Åœ\r\n", "œ",
]  # fmt: skip


def _ftfy(text: str) -> str:
    return ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
    )


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(0, 25))) for _ in range(count)]


def test_clean_repairs_only_what_ftfy_repairs() -> None:
    # Mojibake in one line of otherwise plain text is mended; entities are decoded until the
    # text shows HTML ("<"), after which they are left as written: all as ftfy does it.
    text = "Plain line.\nCaf\u00c3\u00a9 &amp; bar\n<p>tag</p>\nAT&amp;T\n"
    assert clean(text) == "Plain line.\nCafé & bar\n<p>tag</p>\nAT&amp;T\n"
    for sample in _texts(3000, seed=5):
        reference = _ftfy(sample)
        reference = reference.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
        reference = re.sub(
            r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]", " ", reference
        )
        reference = re.sub(r"[\u200b-\u200d\u2060\ufeff\u00ad]", "", reference)
        reference = re.sub(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", "", reference)
        assert clean(sample) == reference, repr(sample)


def test_squeeze_and_word_count_agree_with_their_patterns() -> None:
    spaces = "".join(chr(c) for c in range(0x3100) if chr(c).isspace())
    for sample in [*_texts(500, seed=6), f"a{spaces}b{spaces}", spaces, "中文 字"]:
        assert squeeze(sample) == re.sub(r"\s+", " ", sample).strip()
        cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", sample))
        assert word_count(sample) == len(sample.split()) + cjk // 2


def test_language_scores_are_py3langid_s_own() -> None:
    ours: Any = languages._identifier()
    stock = LanguageIdentifier(
        *ours._full_model[:3],
        _to_array(np.asarray(ours.tk_nextmove)),
        ours.tk_output.tolist(),
        norm_probs=True,
        tk_row=ours.tk_row,
    )
    stock.set_languages([c for c in languages.LANGUAGES if c in stock.labels])
    rng = random.Random(7)
    samples = [
        "",
        "THE END",
        "Le paquet est installé avec la commande suivante.",
        "El paquete se instala con apt. Это пакет. 这是软件包。",
        *(
            "".join(rng.choices("ab éü中ЖЩ\x00\xff ,.'’-", k=rng.randint(0, 300)))
            for _ in range(300)
        ),
    ]
    for sample in samples:
        assert ours.rank(sample) == stock.rank(sample), repr(sample)
        encoded = ours._encode(sample)
        found, counts = languages._ngram_counts(ours.tk_nextmove, ours._base, ours._out, encoded)
        walked = visit_counts(stock.tk_nextmove, stock._rowbase, stock.tk_output, encoded)
        assert list((walked or {}).items()) == list(
            zip(found.tolist(), counts.tolist(), strict=True)
        )


def test_ascii_sentences_end_where_the_unicode_pattern_ends_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(8)
    words = "Word word U.S. e.g. No. 10. A. ! ? ... 3 Dr. ok. - , x".split()
    pieces = [*words, ". ", ".\n", " ", "  ", '"', "'", ")", "]", "(", "[", "\t"]
    samples = ["".join(rng.choices(pieces, k=rng.randint(0, 40))) for _ in range(3000)]
    fast = [sentences.sentence_spans(sample) for sample in samples]
    monkeypatch.setattr(sentences, "_ASCII_BOUNDARY", sentences._BOUNDARY)
    monkeypatch.setattr(sentences, "_ASCII_STOP", sentences._BOUNDARY)
    assert fast == [sentences.sentence_spans(sample) for sample in samples]


def test_stop_words_are_counted_in_the_words_the_unicode_pattern_finds() -> None:
    rng = random.Random(9)
    alphabet = "abcXYZ019 .,;:-_\"'’!?()\n\t\x00&@#~éЖ中"
    samples = ["".join(rng.choices(alphabet, k=rng.randint(0, 80))) for _ in range(5000)]
    for sample in [*samples, "It's the end, isn't it?", "x" * 3000]:
        expected = languages._WORDS.findall(sample[:1500].casefold())
        assert languages._words_of(sample) == expected, repr(sample)
