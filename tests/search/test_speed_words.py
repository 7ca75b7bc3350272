"""Spelling correction finds a word's term in a saved index without reading or building anything.

A segment writes its folded words sorted, with each one's first bytes as a sorted key: the
snapshot finds a question's candidates by one search of the mapped keys, from the first
question. An index written before the keys (words sorted, found by bisection, then by a dict
built in the background) or before words were sorted (read into a dict) is read as it was. All
give every word the term of the first segment holding it, as the in-memory index's dicts do.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from retrieval.ingest.refresh import refresh
from retrieval.search import judge, segments, snapshot, spelling
from retrieval.search.analyzer import Analyzer, Token
from retrieval.store.corpus import CorpusStore

ANALYZER = Analyzer()
TEXTS = {
    "harbour.txt": "Harbour Notes\n\nThe Harbour has four berths. Cranes unload the ships.\n",
    "orchard.txt": "Orchard Notes\n\nThe apple harvest began. Pickers came from Beijing.\n",
}
LATER = "Later Notes\n\nThe harbour cranes were sold. Volcanoes erupted near the orchard.\n"


def _store(tmp_path: Path) -> tuple[CorpusStore, Path]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = CorpusStore(tmp_path / "q.db")
    refresh(store, folder)
    return store, folder


def _expected(snap: snapshot.Snapshot) -> dict[str, str]:
    words: dict[str, str] = {}
    for segment in snap.segments:
        for word, term in segment.words.items():
            words.setdefault(word, segment.vocabulary[term])
    return words


def _unkey(segment_folder: Path) -> None:
    """Rewrite a segment as one written before its words had keys."""
    meta = json.loads((segment_folder / "meta.json").read_text(encoding="utf-8"))
    meta["arrays"] = [a for a in meta["arrays"] if a not in ("word_keys", "word_starts")]
    (segment_folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (segment_folder / "word_keys.npy").unlink()
    (segment_folder / "word_starts.npy").unlink()


def _unsort(segment_folder: Path) -> None:
    """Rewrite a segment as one written before words were sorted: reversed, no flag."""
    _unkey(segment_folder)
    words = (segment_folder / "words.txt").read_text(encoding="utf-8").split("\n")
    terms = np.load(segment_folder / "word_terms.npy")
    (segment_folder / "words.txt").write_text("\n".join(reversed(words)), encoding="utf-8")
    np.save(segment_folder / "word_terms.npy", terms[::-1].copy())
    meta = json.loads((segment_folder / "meta.json").read_text(encoding="utf-8"))
    del meta["words_sorted"]
    (segment_folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.mark.parametrize("keyed", [True, False], ids=["keyed", "one-written-before-keys"])
def test_words_are_found_as_the_first_segment_holding_them_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keyed: bool
) -> None:
    monkeypatch.setattr(segments, "WORDS_SLICE", 8)  # read in many slices, as at 1M passages
    monkeypatch.setattr(snapshot, "WORDS_SLICE", 3)
    store, folder = _store(tmp_path)
    try:
        snap = snapshot.build(store, ANALYZER, "v1", tmp_path / "index")
        (folder / "later.txt").write_text(LATER, encoding="utf-8")
        refresh(store, folder)
        snap = snapshot.update(snap, store, ANALYZER, "v1")
        if not keyed:  # the first segment written before keys, the later one with them
            assert snap.segments[0].folder is not None
            _unkey(snap.segments[0].folder)
            loaded = snapshot.load(tmp_path / "index", "v1")
            assert loaded is not None and "word_keys" not in loaded.segments[0].arrays
            assert "word_keys" in loaded.segments[1].arrays
            snap = loaded
        expected = _expected(snap)
        assert {"harbour", "cranes", "volcanoes"} <= set(expected)
        first = snap.segments[0].folder
        assert first is not None
        written = (first / "words.txt").read_text(encoding="utf-8")
        assert written.split("\n") == sorted(written.split("\n"))
        words = snap.words
        assert {w: words[w] for w in expected} == expected  # by their keys, or bisection
        assert words.find(["harbourz", *expected]) == [None, *expected.values()]
        assert dict(words.items()) == expected and len(words) == len(expected)
        assert words.get("harbourz") is None and "zzz" not in words
        assert sorted(words.starting("harb")) == sorted(w for w in expected if w[:4] == "harb")
        snap.prepare_words()  # the dicts, built in the background, a slice at a time
        for thread in threading.enumerate():
            if thread.name == "index-words":
                thread.join()
        assert {w: words[w] for w in expected} == expected
        assert words.get("harbourz") is None and len(words) == len(expected)
    finally:
        store.close()


def test_an_index_written_before_words_were_sorted_is_read_as_it_was(tmp_path: Path) -> None:
    store, _ = _store(tmp_path)
    try:
        built = snapshot.build(store, ANALYZER, "v1", tmp_path / "index")
        expected = _expected(built)
        assert built.segments[0].folder is not None
        _unsort(built.segments[0].folder)
        loaded = snapshot.load(tmp_path / "index", "v1")
        assert loaded is not None
        assert {w: loaded.words.get(w) for w in expected} == expected
        assert loaded.words.get("harbourz") is None
        in_memory = snapshot.build(store, ANALYZER, "v1", None)
        assert {w: in_memory.words.get(w) for w in expected} == expected
    finally:
        store.close()


# Words the keys must tell apart: longer than a key (16 bytes) and alike in their first 16,
# of another language (as "fr:paquet"), Cyrillic (two bytes a letter), Chinese (three), and
# one a key's width long.
ODD = {
    "long.txt": (
        "Long Words\n\nInternationalisation and internationalisations differ from "
        "internationalised and internationalising. Counterrevolutionaries met the "
        "counterrevolutionary pamphleteers. Abcdefghijklmnop abcdefghijklmnopq abcdefghijklmno.\n"
    ),
    "paquets.txt": (
        "Paquets\n\nLa commande vérifie la révision du paquet construit. Le fichier décrit le "
        "paquet source et ses dépendances.\n"
    ),
    "russian.txt": (
        "Заметки о гавани\n\nВ гавани четыре причала. Краны разгружают корабли, а грузчики "
        "работают всю ночь. Достопримечательности города видны с причала.\n"
    ),
    "chinese.txt": "港口说明\n\n港口有四个泊位。起重机卸载船只。工人们整夜工作。\n",
}


def _odd_store(tmp_path: Path) -> CorpusStore:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in {**TEXTS, **ODD}.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = CorpusStore(tmp_path / "q.db")
    refresh(store, folder)
    return store


def _near(word: str) -> list[str]:
    """Words one edit from ``word`` and others beginning or ending alike."""
    code, _, body = word.rpartition(":")
    prefix = f"{code}:" if code else ""
    letters = spelling._ALPHABETS.get(code or "en", spelling._LETTERS) + "é"
    near = {
        prefix + w for w in spelling.slips(body, letters) | spelling.replacements(body, letters)
    }
    near |= {word[:16], word[:15], word[:17], word + "a", word[:-1], word + "\udc80", "\0" + word}
    return sorted(near)


def test_the_keys_find_every_word_the_dicts_do_and_no_other(tmp_path: Path) -> None:
    store = _odd_store(tmp_path)
    try:
        saved = snapshot.build(store, ANALYZER, "v1", tmp_path / "index")
        assert "word_keys" in saved.segments[0].arrays
        expected = _expected(saved)
        odd = {"internationalisations", "abcdefghijklmnop", "ru:причала", "fr:dependances"}
        assert odd <= set(expected)
        assert any(w.startswith("zh:") for w in expected)
        probes = sorted({p for word in expected for p in _near(word)} | set(expected) | {""})
        assert saved.words.find(probes) == [expected.get(p) for p in probes]
        assert sorted(saved.words) == sorted(expected)
        for prefix in ("zh:", "ru:", "fr:", "", "a", "internationalisations", "港", "zz"):
            starting = sorted(w for w in expected if w.startswith(prefix))
            assert sorted(saved.words.starting(prefix)) == starting, prefix
    finally:
        store.close()


def test_spelling_corrects_as_the_dicts_do(tmp_path: Path) -> None:
    store = _odd_store(tmp_path)
    try:
        saved = snapshot.build(store, ANALYZER, "v1", tmp_path / "index")
        in_memory = snapshot.build(store, ANALYZER, "v1", None)  # the words in dicts
        assert "word_keys" not in in_memory.segments[0].arrays
        misspelt = sorted({m for word in _expected(saved) for m in _slipped(word)})
        corrected = 0
        for word in misspelt:
            token = Token(word, 0, len(word), word)
            ours = spelling.correct(token, ANALYZER, saved)
            assert ours == spelling.correct(token, ANALYZER, in_memory), word
            corrected += ours is not None
        assert corrected > 100  # not a test of words nothing corrects
        assert judge.typos(misspelt, _known(saved)) == judge.typos(misspelt, _known(in_memory))
    finally:
        store.close()


def _slipped(word: str) -> list[str]:
    """A few misspellings of ``word``: a letter dropped, doubled, swapped, replaced."""
    code, _, body = word.rpartition(":")
    prefix = f"{code}:" if code else ""
    found = set()
    for i in range(len(body) - 1):
        found |= {body[:i] + body[i + 1 :], body[:i] + body[i] + body[i:]}
        found |= {body[:i] + body[i + 1] + body[i] + body[i + 2 :], body[:i] + "x" + body[i + 1 :]}
    return [prefix + w for w in sorted(found)]


def _known(snap: snapshot.Snapshot) -> Callable[[list[str]], bool]:
    return lambda words: any(t is not None for t in snap.words.find(words))


def test_words_holding_a_nul_are_given_no_keys() -> None:
    assert segments.word_keys(b"a\nb\0c", 2) == {}  # a key pads with NULs
    assert set(segments.word_keys(b"a\nbc", 2)) == {"word_keys", "word_starts"}
