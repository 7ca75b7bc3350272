"""A Carpentries lesson (office-dev2's saved Git pages) labels each block of code with a heading
of one word in capitals, "BASH" over the command and "OUTPUT" over what it printed: the label of
the code under it, not a section, which made "OUTPUT" the section of the paragraphs after it and
parted every command from the sentence introducing it."""

from __future__ import annotations

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read


def _lesson(body: str) -> ParsedDocument:
    html = f"<html><head><title>Conflicts</title></head><body><main>{body}</main></body></html>"
    return read("conflicts.html", html.encode("utf-8"))


def _code(label: str, code: str) -> str:
    return f'<div class="codewrapper"><h3 class="code-label">{label}</h3><pre>{code}</pre></div>'


def test_a_one_word_label_over_code_is_no_section() -> None:
    body = (
        "<h1>Conflicts</h1><h2>Resolving a conflict</h2>"
        "<p>Let’s add a line to the collaborator’s copy only, and look at the file:</p>"
        + _code("BASH", "$ nano guacamole.md\n$ cat guacamole.md")
        + _code("OUTPUT", "# Guacamole\n* put one avocado into a bowl.")
        + "<p>Git rejects the push because the remote repository has updates we do not have.</p>"
        + "<h2>Conflicts on non-textual files</h2><p>Git cannot insert markers into an image.</p>"
    )
    document = _lesson(body)
    sections = {block.section for block in document.blocks}
    assert sections == {"Resolving a conflict", "Conflicts on non-textual files"}
    command = next(block for block in document.blocks if "nano" in block.code)
    assert command.text.startswith("Let’s add a line to the collaborator’s copy only")
    rejects = next(block for block in document.blocks if "Git rejects" in block.text)
    assert rejects.section == "Resolving a conflict"


def test_a_heading_over_code_that_names_a_part_stays_a_section() -> None:
    body = (
        "<h1>Setup</h1><h2>Install</h2><p>Run the installer once.</p>"
        "<h3>Example</h3><pre>$ pip install quotebot</pre>"
        "<p>The command prints the version it installed.</p>"
    )
    document = _lesson(body)
    assert [block.section for block in document.blocks] == ["Install", "Example", "Example"]


def test_an_unmarked_heading_in_capitals_over_code_stays_a_section() -> None:
    # Not marked as a label nor set in the code's box: "INSTALLATION" heads its part.
    body = (
        "<h1>Tool</h1><p>A tool for notes.</p><h2>INSTALLATION</h2><pre>pip install tool</pre>"
        "<p>It needs Python 3.11.</p><h2>USAGE</h2><p>Run it with a folder.</p>"
    )
    sections = [block.section for block in _lesson(body).blocks]
    assert "INSTALLATION" in sections and "USAGE" in sections
