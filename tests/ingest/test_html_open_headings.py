"""A heading the page leaves its description after without a paragraph of its own, as the Lua
reference manual writes every function: '<hr><h3><a name="pdf-rawset"><code>rawset (table,
index, value)</code></a></h3>' and then "Sets the real value of <code>table[index]</code> …"
straight in the page's body (tests/ingest/fixtures/lua: §6.1 of the Lua 5.4 manual, MIT)."""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

LUA = Path(__file__).parent / "fixtures" / "lua" / "manual-excerpt.html"


def test_a_function_heading_is_its_name_alone() -> None:
    sections = {block.section for block in parsed(LUA).blocks}
    # Before, each heading ran on to the description's first words, up to its first code:
    # "rawset (table, index, value) Sets the real value of".
    for heading in ("rawset (table, index, value)", "error (message [, level])", "print (···)"):
        assert heading in sections
    assert "_G" in sections and "dofile ([filename])" in sections
    assert not [s for s in sections if s and ") " in s.replace(") –", "")]


def test_the_description_is_the_headings_text_once() -> None:
    blocks = [b for b in parsed(LUA).blocks if b.section == "rawset (table, index, value)"]
    assert blocks[0].text.startswith("Sets the real value of table[index] to value, without")
    assert [b.text for b in blocks[1:]] == ["This function returns table."]
    every = " ".join(b.text for b in parsed(LUA).blocks)
    assert every.count("Sets the real value of") == 1
