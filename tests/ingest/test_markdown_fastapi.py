"""The Markdown reader on FastAPI's documentation (mkdocs-material with pymdownx.blocks), as a
new user's try-out met it: a terminal box's colours shown as tags, "/// tip" boxes read as body
text glued to the sentence before, the sentence introducing code included from another file
glued to the next paragraph; and tldr pages' commands read as words, not code."""

from __future__ import annotations

from pathlib import Path

from readerfiles import texts

from retrieval.ingest.parsed import Block
from retrieval.ingest.pipeline import read

FASTAPI = Path(__file__).parent / "fixtures" / "fastapi"


def _blocks(name: str) -> list[Block]:
    return read(name, (FASTAPI / name).read_bytes()).blocks


def test_a_terminal_boxs_colours_are_not_shown_as_tags() -> None:
    """'<div class="termy">' round a console block whose colours are '<font color=…>' and
    '<span style=…>': 45 passages showed the tags around "INFO" and "FastAPI"."""
    code = next(b.code for b in _blocks("first-steps-excerpt.md") if "fastapi dev" in b.code)
    assert code.startswith("$ uv run fastapi dev\n")
    assert "INFO   Uvicorn running on http://127.0.0.1:8000" in code
    assert "['/home/user/code/awesomeapp']" in code
    assert "<font" not in code and "<span" not in code


def test_a_pymdownx_box_reads_as_its_label_and_stands_apart() -> None:
    """ "/// tip" … "///": "Tip: If you use PyCharm …", a paragraph of its own, not the second
    line of "… most of the other Python editors:" (which introduced a screenshot)."""
    found = texts(read("body.md", (FASTAPI / "body.md").read_bytes()))
    assert any(t.startswith("Note: To send data, you should use one of: POST") for t in found)
    assert any(t.startswith("Tip: If you use PyCharm as your editor") for t in found)
    editors = "But you would get the same editor support with PyCharm and most of the other"
    assert f"{editors} Python editors:" in found


def test_a_sentence_introducing_code_from_another_file_is_not_glued_to_the_next() -> None:
    """ "{* ../../docs_src/body/tutorial001_py310.py hl[5:9] *}" is built into the page from a
    file the corpus does not hold: the sentence before it introduced that code, not the
    paragraph after it."""
    found = texts(read("body.md", (FASTAPI / "body.md").read_bytes()))
    assert "Use standard Python types for all the attributes:" in found
    schemas = "The JSON Schemas of your models will be part of your OpenAPI generated schema,"
    assert f"{schemas} and will be shown in the interactive API docs:" in found


TLDR_PAGE = """\
# sortlines

> Sort the lines of a text file.
> More information: <https://example.org/sortlines>.

- Sort a file in place:

`sortlines --in-place {{path/to/file}}`

- Sort numbers by their value:

`sortlines {{[-n|--numeric]}} {{path/to/file}}`
"""


def test_a_tldr_pages_command_is_code_under_its_description() -> None:
    blocks = read("sortlines.md", TLDR_PAGE.encode()).blocks
    sort = next(b for b in blocks if b.text.startswith("Sort a file in place"))
    assert (sort.kind, sort.code) == ("code", "sortlines --in-place {{path/to/file}}")
    assert not any(b.text.startswith("sortlines") for b in blocks)
