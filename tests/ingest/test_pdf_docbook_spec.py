"""A specification set with DocBook's LaTeX styles (freedesktop.org's Shared MIME-info Database,
Debian's shared-mime-info 2.2): examples and a binary layout in URW's Courier clone, "Nimbus
Mono L", whose font file says nothing of its fixed pitch (tests/ingest/fixtures/SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from readerfiles import CORPORA, parsed

SPEC = Path(__file__).parent / "fixtures" / "shared-mime-info-spec-pages-1-6-7-11-12.pdf"


def test_an_xml_example_is_one_listing_quoted_with_the_sentence_introducing_it() -> None:
    # Once two passages of prose, every line break a space: "<?xml version="1.0"?> <mime-info
    # …" and "<magic priority="50"> <match …", the second quoted alone.
    spec = parsed(SPEC)
    example = next(b for b in spec.blocks if b.text.startswith("Here is an example source file"))
    assert example.kind == "code"
    assert example.code.startswith('<?xml version="1.0"?>\n<mime-info')
    assert '\n    <magic priority="50">\n' in example.code
    assert example.code.endswith("</mime-info>")
    assert not [b for b in spec.blocks if b.text.startswith("<magic")]


def test_an_example_follows_its_for_example() -> None:
    # "… The lines are ordered by glob weight. For example:" ended its passage; its lines went
    # to the next one as "text/x-diff:*.patch text/x-diff:*.diff ...".
    spec = parsed(SPEC)
    glob = next(b for b in spec.blocks if b.text.startswith("The glob file is a simple list"))
    assert glob.text.endswith("For example:")
    assert "\ntext/x-diff:*.patch\ntext/x-diff:*.diff\n" in glob.code
    assert not [b for b in spec.blocks if b.text.startswith(("text/x-diff:", "55:text"))]


def test_a_binary_layout_is_a_listing_not_a_table_of_fragments() -> None:
    # The mime.cache layout ("Header:" / "2 CARD16 MAJOR_VERSION 1" …) was ~38 passages:
    # table rows "4 | CARD32 | ALIAS_LIST_OFFSET" and lists run together, "Header:" dangling.
    spec = parsed(SPEC)
    cache = next(b for b in spec.blocks if b.text.startswith("The mime.cache files contain"))
    assert cache.text.endswith("in a binary, mmappable format:")
    assert cache.code.startswith("Header:\n2 CARD16 MAJOR_VERSION 1\n2 CARD16 MINOR_VERSION 2")
    assert "AliasListEntry:\n4 CARD32 ALIAS_OFFSET\n4 CARD32 MIME_TYPE_OFFSET" in cache.code
    assert not [b for b in spec.blocks if "CARD32" in b.text or b.kind == "table"]


def test_a_table_whose_names_are_in_typewriter_type_is_still_a_table() -> None:
    # caption.pdf's font options: the option's name in Nimbus Mono L, its meaning in roman. A
    # row with code in one cell and words in another is a table's row, not a listing.
    manual = parsed(CORPORA / "docs-dev2" / "pdf" / "caption.pdf")
    rows = {b.text for b in manual.blocks if b.kind == "table"}
    assert {"normalfont | Normal shape & series & family", "bf | Bold series"} <= rows
    # Rows all in typewriter type under a header in roman are the header's table's: the
    # thesis class's defaults ("Option | default value" / "format= | hang") and the v1.x
    # options' replacements, which ran together into one paragraph while they read as code.
    assert {"Option | default value", "format= | hang", "labelsep= | colon"} <= rows
    assert "caption v1.x: nooneline | caption v3.x: singlelinecheck=off" in rows


def test_register_names_in_typewriter_type_leave_their_table_whole() -> None:
    # The RISC-V spec's register table names each register in typewriter type ("x10–11",
    # "a0–1"): its rows ran together into one paragraph while a cell of code barred the row.
    spec = parsed(CORPORA / "office-dev2" / "pdf" / "riscv-user-isa-v2.2.pdf")
    rows = {b.text for b in spec.blocks if b.kind == "table"}
    assert "Register: x1 | ABI Name: ra | Description: Return address | Saver: Caller" in rows
    assert (
        "Pseudoinstruction: csrr rd, csr | Base Instruction: csrrs rd, csr, x0 | "
        "Meaning: Read CSR" in rows
    )
    # ", 0" is no index's page number; rows all in code go on under the header in roman
    nop = "Pseudoinstruction: nop | Base Instruction(s): addi x0, x0, 0 | Meaning: No operation"
    assert nop in rows


def test_the_title_page_names_the_author_over_his_address() -> None:
    # The properties name nobody; page 1 sets "Thomas Leonard" over "tal197 at users.sf.net"
    # (under "X Desktop Group"): citations read "Shared MIME-info Database (Thomas Leonard)".
    spec = parsed(SPEC)
    assert (spec.title, spec.author) == ("Shared MIME-info Database", "Thomas Leonard")


def test_the_date_is_the_texts_last_revision_not_the_builds() -> None:
    # "This is version 0.21 …, last updated 2 October 2018": the properties' CreationDate is
    # Debian's build of it, 2022-04-29, which every citation showed.
    assert parsed(SPEC).date == "2018-10-02"
    # The Carpentries' recommendations: "Last updated: 2020-07-13" under the title, built on
    # 2020-10-02.
    online = parsed(CORPORA / "office-dev2" / "pdf" / "carpentries-online-workshops.pdf")
    assert online.date == "2020-07-13"


def test_an_address_in_typewriter_type_is_read_with_its_sentence() -> None:
    # LaTeX's \url sets addresses in a code font: a line of one address was a listing of its
    # own, cut from the sentence it ends ("… contact NM front desk using" / "nm@debian.org"),
    # and it split the caption manual's title page from its author.
    reference = parsed(CORPORA / "office" / "pdf" / "developers-reference.pdf")
    texts = [b.text for b in reference.blocks]
    assert any(t.endswith("contact NM front desk using nm@debian.org") for t in texts)
    caption = parsed(CORPORA / "docs-dev2" / "pdf" / "caption.pdf")
    assert "\nAxel Sommerfeldt https://gitlab.com/axelsommerfeldt/caption\n2022/02/20" in (
        caption.blocks[0].text
    )
    assert not [b for b in caption.blocks if b.kind == "code" and "://" in b.code]


def test_listings_in_letter_gothic_are_code_and_the_font_sets_table_stays() -> None:
    # microtype's manual sets its code in Bitstream's "Letter Gothic 12 Pitch", a typewriter
    # face its file does not flag as fixed-pitch: "\DeclareMicrotypeSet{basictext} { encoding
    # = …" ran together as prose. Its table of font sets names each set in it, and stays rows.
    manual = parsed(CORPORA / "docs-dev" / "pdf" / "microtype.pdf")
    basic = next(b for b in manual.blocks if "{basictext}\n" in b.code)
    assert basic.text.endswith("a font set called ‘basictext’ is defined as follows:")
    assert basic.code.splitlines()[:3] == [
        "\\DeclareMicrotypeSet{basictext}",
        "   { encoding = {OT1,T1,T2A,LY1,OT4,QX,T5,EU1,EU2,TU},",
        "    family = {rm*,sf*},",
    ]
    rows = {b.text for b in manual.blocks if b.kind == "table"}
    assert "alltext | Text encodings, TS1 ∅ | ∅ | ∅ ∅" in rows
