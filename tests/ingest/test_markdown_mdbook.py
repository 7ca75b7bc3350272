"""The Markdown reader on an mdBook (ANSSI's Rust guide in French), as a new admin's try-out met
it: the code an mdBook includes from another file when the book is built
("{{#include ../../examples/src/integer.rs}}") was quoted as the page's code, a directive a
reader of the built book never sees."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.parsed import Block
from retrieval.ingest.pipeline import read

GUIDE = Path(__file__).parent / "fixtures" / "anssi-rust-guide"


def _blocks(name: str) -> list[Block]:
    return read(name, (GUIDE / name).read_bytes()).blocks


def test_an_included_example_is_no_code_of_the_page() -> None:
    """A fence holding only "{{#include …}}" under "Les types enveloppants sont …": the sentence
    was quoted with the directive as its code."""
    blocks = _blocks("integer.md")
    assert not any("{{#include" in b.text or "{{#include" in (b.code or "") for b in blocks)
    wrapping = next(b for b in blocks if b.text.startswith("Les types enveloppants sont"))
    assert not wrapping.code
    # the page's own code stays: the Cargo.toml profile under the note
    assert any("overflow-checks = true" in (b.code or "") for b in blocks)


def test_an_included_anchor_is_no_code_either() -> None:
    """ "{{#include ../../../examples/src/memory.rs:drop_example}}" (a part of the file, by its
    anchor) under the sentence on mem::forget and mem::drop."""
    blocks = _blocks("memory.md")
    assert not any("{{#include" in (b.code or "") + b.text for b in blocks)
    drop = next(b for b in blocks if "mem::drop déclenche simplement" in b.text)
    assert "{{" not in drop.text
