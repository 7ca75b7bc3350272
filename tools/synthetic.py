"""Synthetic corpora for benchmarks: ordinary corpus folders, generated deterministically.

Words are drawn from the shipped corpus's vocabulary with Zipf-like frequencies, and new words
keep appearing as the corpus grows (Heaps' law: a vocabulary of about ``20 * tokens ** 0.55``), so a
large corpus has the long tail of rare terms a real archive has. Paragraph lengths follow the real
paragraphs' lengths. Each document is a title, headings and blank-line separated paragraphs, so
every command (index, ask, bench) works on the folder as on real documents.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from retrieval.ingest.refresh import corpus_files

PARAGRAPHS_PER_DOCUMENT = 100
PARAGRAPHS_PER_SECTION = 10
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")
_SYLLABLES = (
    "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu "
    "ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo an en in on ar er or ur"
).split()


def _seed_statistics(source: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Vocabulary by frequency, its counts, and paragraph lengths (in words) of real text."""
    counts: dict[str, int] = {}
    lengths = []
    for path in corpus_files(source):
        text = path.read_text(encoding="utf-8", errors="replace")
        for block in re.split(r"\n\s*\n", text):
            words = _WORD.findall(block)
            if len(words) >= 20:
                lengths.append(min(len(words), 250))
            for word in words:
                counts[word] = counts.get(word, 0) + 1
    vocabulary = sorted(counts, key=lambda w: -counts[w])
    return vocabulary, np.array([counts[w] for w in vocabulary]), np.array(lengths or [80])


def _new_word(rng: np.random.Generator) -> str:
    return "".join(rng.choice(_SYLLABLES, size=int(rng.integers(2, 5))))


def generate(source: Path, out: Path, paragraphs: int, seed: int = 7) -> int:
    """Write a corpus of ``paragraphs`` paragraphs into ``out``; returns the documents written."""
    rng = np.random.default_rng(seed)
    vocabulary, _, lengths = _seed_statistics(source)
    total_tokens = int(paragraphs * lengths.mean())
    target_vocabulary = max(len(vocabulary), int(20 * total_tokens**0.55))
    seen = set(vocabulary)
    while len(vocabulary) < target_vocabulary:
        word = _new_word(rng)
        if word not in seen:
            seen.add(word)
            vocabulary.append(word)
    words = np.array(vocabulary, dtype=object)
    # Zipf-like: rank r is drawn with probability ~ 1 / (r + 2.7) ** 1.07 (Mandelbrot's form).
    ranks = np.arange(len(words))
    weights = 1.0 / (ranks + 2.7) ** 1.07
    cumulative = np.cumsum(weights / weights.sum())
    out.mkdir(parents=True, exist_ok=True)
    documents = 0
    for start in range(0, paragraphs, PARAGRAPHS_PER_DOCUMENT):
        count = min(PARAGRAPHS_PER_DOCUMENT, paragraphs - start)
        sizes = rng.choice(lengths, size=count)
        draws = np.searchsorted(cumulative, rng.random(int(sizes.sum())))
        picked = words[np.minimum(draws, len(words) - 1)]
        lines = [f"Synthetic document {documents + 1}: " + " ".join(picked[:6]).title(), ""]
        cursor = 0
        for i, size in enumerate(sizes):
            if i % PARAGRAPHS_PER_SECTION == 0:
                lines += [" ".join(rng.choice(words[:2000], size=3)).title(), ""]
            chunk = picked[cursor : cursor + size]
            cursor += size
            sentences = []
            for j in range(0, len(chunk), 18):
                part = " ".join(chunk[j : j + 18])
                sentences.append(part[:1].upper() + part[1:] + ".")
            lines += [" ".join(sentences), ""]
        (out / f"synthetic_{documents:06d}.txt").write_text("\n".join(lines), encoding="utf-8")
        documents += 1
    return documents
