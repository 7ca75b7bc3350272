"""A project's files without an extension ("README", "LICENSE", "INSTALL"): read as plain text.

A corpus folder copied from a project holds them beside its .md and .txt files; they were
reported "unsupported type (no extension)" and left out. Their bytes decide: text is read as a
.txt file is, anything else (an archive saved under such a name) is still refused; and any other
file without an extension ("credentials", an SSH key, a virtualenv's "activate") is not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.errors import DocumentError
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["README", "INSTALL", "LICENSE"])
def test_a_text_file_without_an_extension_is_read_as_text(name: str) -> None:
    data = (FIXTURES / "chekhov-khameleon.txt").read_bytes()
    document = read(name, data)
    assert document.title == "ХАМЕЛЕОН"
    assert document.paragraphs == read("khameleon.txt", data).paragraphs


def test_a_latin1_text_without_an_extension_is_decoded_as_such() -> None:
    document = read("README", (FIXTURES / "don-quijote-excerpt.txt").read_bytes())
    assert document.title == "Don Quijote"
    assert any("Frisaba la edad de nuestro hidalgo" in block.text for block in document.blocks)


def test_a_binary_file_without_an_extension_is_still_refused() -> None:
    data = (FIXTURES / "developers-reference.epub").read_bytes()
    with pytest.raises(DocumentError) as caught:
        read("NEWS", data)
    assert caught.value.reason == "unsupported type (no extension)"


def test_an_empty_file_without_an_extension_is_said_to_be_empty() -> None:
    with pytest.raises(DocumentError) as caught:
        read("TODO", b" \n\n")
    assert caught.value.reason == "empty"


@pytest.mark.parametrize("name", ["credentials", "id_ed25519", "activate", "Makefile"])
def test_other_files_without_an_extension_are_not_read(name: str) -> None:
    with pytest.raises(DocumentError) as caught:
        read(name, b"aws_secret_access_key = abc123 and other secrets\n")
    assert caught.value.reason == "unsupported type (no extension)"
