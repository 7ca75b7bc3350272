"""A corpus with Chinese passages loads the word segmenter as it opens, so its first Chinese
question does not wait 0.2 s for the dictionary; an English corpus never loads it (tens of MB)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from retrieval.library import Library
    from retrieval.search import cjk

    library = Library.open(Path(sys.argv[1]) / "q.db", Path(sys.argv[1]) / "corpus")
    library.close()  # which waits for the warm-up: no question asked
    print(cjk._jieba.cache_info().currsize)
    """
)


def _segmenter_loaded_after_open(tmp_path: Path, text: str) -> bool:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "faq.md").write_text(text, encoding="utf-8")
    # The first run indexes the corpus (segmenting its passages); the second, a bot started
    # again on the same database, only opens it.
    for _ in range(2):
        found = subprocess.run(
            [sys.executable, "-c", _PROBE, str(tmp_path)],
            capture_output=True, text=True, cwd=ROOT, check=True, timeout=120,
        )  # fmt: skip
    return found.stdout.strip().splitlines()[-1] == "1"


def test_a_chinese_corpus_has_its_segmenter_loaded_before_the_first_question(
    tmp_path: Path,
) -> None:
    text = (
        "# 常见问题\n\n## 升级\n\n"
        + "升级软件包的时候不需要重新启动系统，软件包可以原地升级。\n\n" * 30
    )
    assert _segmenter_loaded_after_open(tmp_path, text)


def test_an_english_corpus_never_loads_the_chinese_segmenter(tmp_path: Path) -> None:
    text = (
        "# Notes\n\n## Upgrades\n\n"
        + "Packages can be upgraded in place on a running system.\n\n" * 30
    )
    assert not _segmenter_loaded_after_open(tmp_path, text)
