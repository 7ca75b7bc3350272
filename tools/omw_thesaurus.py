"""Build ``data/thesaurus/<lang>.tsv`` for Spanish and Chinese from the Open Multilingual
Wordnet (``python -m tools.omw_thesaurus es PATH/wn-data-spa.tab --wordnet PATH/dict``).

The same shape as ``en.tsv`` (:mod:`tools.thesaurus`): each word, then the other words of its
commonest sense (:data:`SENSES`), at most :data:`~tools.thesaurus.PER_WORD`. An OMW wordnet
lists the lemmas of Princeton WordNet 3.0's synsets (``00001740-n<TAB>lemma<TAB>entidad``) but
not how common each sense is; WordNet 3.0's ``index.sense`` does, as the number of times each
English sense was tagged in its corpus, and a synset is as common as its English senses
together: a Spanish word's commonest sense is taken to be the one its English translations are
most often used in. Words are single words as the question's are read: a Spanish word of
letters, in lower case (a capital is a name); a Chinese one that jieba reads as one word (the
analyzer's own segmentation), the particle that ends an adjective (的) or an adverb (地) dropped
as compounds drop it (美丽的 → 美丽). Words with no synonym are left out: unlike English's,
these tables tell no word from a typo.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from retrieval.search.analyzer import Analyzer
from tools.thesaurus import PER_WORD

# A word's commonest sense alone (English's take two): the order of an OMW word's senses is only
# guessed, from English, so its second is more often one it seldom has. (Two: dev ml-dev hit@1
# +1 question more but legal-dev hit@5 -1 and one more unanswerable question answered.)
SENSES = 1
OUT = Path(__file__).resolve().parents[1] / "data" / "thesaurus"
_SPANISH = re.compile(r"^[a-záéíóúüñ][a-záéíóúüñ-]*[a-záéíóúüñ]$")
_PARTICLES = {"a": "的", "s": "的", "r": "地"}  # an adjective's, an adverb's last character
_CHINESE = re.compile(r"^[\u4e00-\u9fff]{2,}$")  # one character alone is too many words at once
# WordNet's sense keys name the part of speech by number; a satellite adjective (5) is an
# adjective, as OMW's "-s" synsets share the adjectives' offsets.
_KEY_PARTS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}


def synset_counts(index_sense: Path) -> dict[str, int]:
    """Synset (``offset-pos``) → how often its English senses were tagged together."""
    counts: dict[str, int] = {}
    for line in index_sense.read_text(encoding="latin-1").splitlines():
        key, offset, _, tagged = line.split()
        synset = f"{offset}-{_KEY_PARTS[key.split('%')[1][0]]}"
        counts[synset] = counts.get(synset, 0) + int(tagged)
    return counts


def read_tab(lines: Iterable[str]) -> dict[str, list[str]]:
    """Synset (``offset-pos``, satellites as adjectives) → its lemmas, in the file's order."""
    synsets: dict[str, list[str]] = {}
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(fields) < 3 or not fields[1].endswith("lemma"):
            continue  # the header, definitions and examples
        synset = fields[0][:-1] + ("a" if fields[0].endswith("s") else fields[0][-1])
        lemmas = synsets.setdefault(synset, [])
        if fields[2] not in lemmas:
            lemmas.append(fields[2])
    return synsets


def spanish_word(lemma: str) -> str | None:
    """The lemma as a question's single Spanish word, or None (phrases, names, abbreviations)."""
    return lemma if len(lemma) >= 3 and _SPANISH.match(lemma) else None


def chinese_word(lemma: str, part: str, analyzer: Analyzer | None = None) -> str | None:
    """The lemma as jieba reads a question's word, or None when it reads it as several."""
    if lemma.endswith(_PARTICLES.get(part, "\0")):
        lemma = lemma[:-1]
    if not _CHINESE.match(lemma):
        return None
    tokens = (analyzer or Analyzer()).tokens(lemma, "zh")
    return lemma if any((t.start, t.end) == (0, len(lemma)) for t in tokens) else None


def synonyms(
    synsets: dict[str, list[str]], counts: dict[str, int], word_of: Callable[[str, str], str | None]
) -> dict[str, list[str]]:
    """Word → the other words of its commonest senses, commonest first (ties: the lower offset,
    so the build is the same each time); only the words that have some."""
    senses: dict[str, list[str]] = {}
    words_of: dict[str, list[str]] = {}
    for synset, lemmas in synsets.items():
        words = [w for w in (word_of(lemma, synset[-1]) for lemma in lemmas) if w]
        words_of[synset] = list(dict.fromkeys(words))
        for word in words_of[synset]:
            senses.setdefault(word, []).append(synset)
    table: dict[str, list[str]] = {}
    for word, own in sorted(senses.items()):
        own.sort(key=lambda s: (-counts.get(s, 0), s))
        found = [w for s in own[:SENSES] for w in words_of[s] if w != word]
        if found:
            table[word] = list(dict.fromkeys(found))[:PER_WORD]
    return table


def build(lang: str, tab: Path, index_sense: Path) -> dict[str, list[str]]:
    """The table of ``lang`` ("es" or "zh") from an OMW ``wn-data-*.tab`` file."""
    synsets = read_tab(tab.read_text(encoding="utf-8").splitlines())
    counts = synset_counts(index_sense)
    if lang == "zh":
        analyzer = Analyzer()
        return synonyms(synsets, counts, lambda lemma, part: chinese_word(lemma, part, analyzer))
    return synonyms(synsets, counts, lambda lemma, _: spanish_word(lemma))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lang", choices=("es", "zh"))
    parser.add_argument("tab", type=Path, help="the OMW wn-data-*.tab file of the language")
    parser.add_argument("--wordnet", type=Path, required=True, help="WordNet 3.0's dict/ folder")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    table = build(args.lang, args.tab, args.wordnet / "index.sense")
    out = args.out or OUT / f"{args.lang}.tsv"
    out.write_text("".join(f"{w}\t{' '.join(s)}\n" for w, s in table.items()), "utf-8")
    print(f"{len(table):,} words → {out}")


if __name__ == "__main__":
    main()
