"""AsciiDoc files (``.adoc``, ``.asciidoc``) read as Asciidoctor's built page shows them, in the
shape a Markdown page of the same text takes. They were reported "unsupported type (.adoc)".

Real pages (fixtures/asciidoc, sources in fixtures/SOURCES.md): Spring Boot's "Database
Initialization" how-to, parts of Asciidoctor's README and documentation, and two of
Asciidoctor's own test documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from readerfiles import parsed, texts

from retrieval.errors import DocumentError
from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.pipeline import read
from retrieval.ingest.readers import SUPPORTED_SUFFIXES

FIXTURES = Path(__file__).parent / "fixtures" / "asciidoc"


def _page(name: str) -> ParsedDocument:
    return parsed(FIXTURES / name)


def _block(document: ParsedDocument, start: str) -> Block:
    return next(block for block in document.blocks if block.text.startswith(start))


@pytest.mark.parametrize("suffix", [".adoc", ".asciidoc"])
def test_an_asciidoc_file_is_read_not_reported_unsupported(suffix: str) -> None:
    assert suffix in SUPPORTED_SUFFIXES
    data = (FIXTURES / "asciidoctor-test-basic.adoc").read_bytes()
    document = read("basic" + suffix, data)
    assert texts(document) == ["Body content."]


def test_the_header_gives_title_author_date_and_what_the_page_is_found_by() -> None:
    basic = _page("asciidoctor-test-basic.adoc")
    assert (basic.title, basic.author, basic.date) == ("Document Title", "Doc Writer", "2013-01-01")
    readme = _page("asciidoctor-readme-excerpt.adoc")
    assert readme.title == "Asciidoctor"
    assert readme.author is not None and readme.author.startswith("Dan Allen")
    word = _page("asciidoctor-migrate-ms-word.adoc")
    # ":description:" is searched with the title, never quoted
    assert word.keywords is not None and "migrating from MS Word to AsciiDoc" in word.keywords
    assert not any("various tools and strategies" in text for text in texts(word))


def test_sections_nest_and_paragraph_lines_are_joined() -> None:
    readme = _page("asciidoctor-readme-excerpt.adoc")
    apk = _block(readme, "To install the gem on Alpine Linux")
    assert apk.section == "apk (Alpine Linux)"
    assert apk.above == ("Installation", "Linux package managers")
    spring = _page("spring-boot-data-initialization.adoc")
    hibernate = _block(spring, "You can set spring.jpa.hibernate.ddl-auto to control")
    assert hibernate.section == "Initialize a Database Using Hibernate"
    assert "Hibernate's database initialization. Supported values are none, validate" in (
        hibernate.text
    )


def test_code_is_kept_whole_with_the_sentence_introducing_it() -> None:
    spring = _page("spring-boot-data-initialization.adoc")
    batch = _block(spring, "If you use Spring Batch")
    assert batch.text.endswith("as shown in the following example:")
    assert batch.code == 'spring:\n  batch:\n    jdbc:\n      initialize-schema: "always"'
    readme = _page("asciidoctor-readme-excerpt.adoc")
    bundler = _block(readme, "Add the asciidoctor gem to your Gemfile")
    assert bundler.code.startswith("source 'https://rubygems.org'\ngem 'asciidoctor'")


def test_callouts_leave_the_code_and_their_list_reads_as_text() -> None:
    page = _page("asciidoctor-custom-converter-excerpt.adoc")
    code = next(block.code for block in page.blocks if "def convert_paragraph" in block.code)
    assert "    logger.warn 'Converting a paragraph...'\n    super" in code
    assert "<1>" not in code
    assert "The base converter automatically includes the Logging module" in " ".join(texts(page))


def test_admonitions_read_as_prose_labelled_as_boxes_are() -> None:
    spring = _page("spring-boot-data-initialization.adoc")
    assert (
        "Note: You can output the schema creation by enabling the org.hibernate.SQL logger."
        in (texts(spring))[3]
    )
    readme = _page("asciidoctor-readme-excerpt.adoc")  # "[CAUTION]" over an example block
    caution = _block(readme, "Caution: If you're using a non-English Windows environment")
    assert caution.code == 'RUBYOPT="-E utf-8:utf-8"'  # the literal line it shows


def test_lists_nested_lists_and_description_lists() -> None:
    lists = _page("asciidoctor-test-lists.adoc")
    assert "Step 2\nStep 2a\nStep 2b" in texts(lists)
    assert "first term: definition of first term" in texts(lists)
    assert "second term: definition of second term" in texts(lists)  # over two lines
    at = texts(lists).index("Checklist")
    assert texts(lists)[at + 1 : at + 4] == ["checked", "also checked", "not checked"]  # no boxes
    errors = _page("asciidoctor-errors-and-warnings-excerpt.adoc")
    # "<<info,INFO>>::" over its description: the reference read as its text
    assert _block(errors, "INFO: Info messages do not stop conversion").section == (
        "Notification types"
    )


def test_tables_read_as_rows_of_cells() -> None:
    options = _page("asciidoctor-api-options.adoc")
    rows = [block.text for block in options.blocks if block.kind == "table"]
    assert "Name: :doctype | Description: Sets the document type. | Default value: article" in (
        "\n".join(rows)
    )
    # a cell's comment lines ("//NOTE: This is still a primitive …") are no text
    assert not any("primitive and experimental" in row for row in rows)
    errors = _page("asciidoctor-errors-and-warnings-excerpt.adoc")
    assert any(
        block.kind == "table" and block.text.startswith("unknown name for block macro: <x> | ")
        for block in errors.blocks
    )


def test_inline_markup_reads_as_its_text() -> None:
    readme = _page("asciidoctor-readme-excerpt.adoc")
    # "{url-project}[Asciidoctor]" (an attribute the file defines), "AsciiDoc(R)"
    assert texts(readme)[0].startswith("Asciidoctor is a fast, open source, Ruby-based text")
    assert "parsing AsciiDoc® into a document model" in texts(readme)[0]
    word = _page("asciidoctor-migrate-ms-word.adoc")
    assert any("their literal values (Ctrl+A, Ctrl+Shift+F9)" in text for text in texts(word))
    spring = _page("spring-boot-data-initialization.adoc")
    joined = " ".join(texts(spring))
    assert "please see the sections about Flyway and Liquibase." in joined  # xref:…[text]
    assert "optional:classpath*:schema-${platform}.sql" in joined  # "$\{platform}" in code
    # an attribute the file never defines (Antora's) stays as written, as Asciidoctor leaves it
    assert "customize the {url-liquibase-javadoc}/liquibase.Liquibase instance" in joined
    # … but a link made of one shows its text, as the site built with it does
    custom = _page("asciidoctor-custom-converter-excerpt.adoc")
    tip = _block(custom, "Tip: In addition to Asciidoctor's built-in converters, there are")
    assert "including Asciidoctor EPUB3, Asciidoctor PDF, Asciidoctor reveal.js," in tip.text


def test_comments_conditions_includes_and_images_show_no_text() -> None:
    readme = _page("asciidoctor-readme-excerpt.adoc")
    joined = " ".join(texts(readme))
    assert "Thank you sponsors!" in joined
    # "ifdef::status[]" (GitHub's badges) drops what it encloses; "ifndef::env-site[]" keeps it
    assert "Latest Release" not in joined and "rubydoc.info" not in joined
    assert "This document is also available in the following languages" in joined
    assert "// settings" not in joined and "ifdef" not in joined and ":url-" not in joined
    assert "Preview of AsciiDoc source" not in joined  # an image's alt text, a picture
    custom = _page("asciidoctor-custom-converter-excerpt.adoc")
    assert not any("include::" in block.text + block.code for block in custom.blocks)


def test_a_sentence_under_the_title_is_text_not_an_author() -> None:
    """Spring Boot's Maven plugin page "Help Information" opens with its one sentence right
    under the title: no names, so no author line; it was lost from the page."""
    help_page = _page("spring-boot-maven-plugin-help.adoc")
    assert help_page.author is None
    assert texts(help_page) == [
        "The help goal is a standard goal that displays information on the capabilities of the"
        " plugin."
    ]


def test_a_page_of_includes_alone_says_so() -> None:
    """Antora's page of Asciidoctor's man page holds one include; the text is in the partial."""
    with pytest.raises(DocumentError) as raised:
        _page("asciidoctor-cli-man1.adoc")
    assert raised.value.reason == "only includes partial$man-asciidoctor.adoc"


def test_a_sentence_over_code_from_another_file_introduces_nothing_after_it() -> None:
    """Spring Boot's "… as shown in the following example:" over "include-code::MyBean[]" (code
    the site takes from another file): the paragraph after the example was quoted as what the
    sentence introduced."""
    config = _page("spring-boot-external-config-excerpt.adoc")
    sentence = _block(config, "To provide a concrete example, suppose you develop")
    assert sentence.text.endswith("uses a name property, as shown in the following example:")
    assert _block(config, "On your application classpath (for example, inside your jar)")


def test_asciidoctors_syntax_reference_reads_as_its_built_page() -> None:
    """Asciidoctor's one-page syntax reference: every inline form read as the text it shows."""
    syntax = _page("asciidoctor-syntax-reference.adoc")
    shown = texts(syntax)
    assert "Create, Read, Update, and Delete (CRUD) fanfreakintastic monoculture markup" in (
        _block(syntax, "Create, Read").text
    )
    formatting = _block(syntax, "strong importance (aka bold) stress emphasis (aka italic)")
    assert "“double” and ‘single’ typographic quotes passthrough text" in formatting.text
    assert "© 1976 Arty Artisan I believe I shall—no, actually I won't." in " ".join(shown)
    # an intrinsic attribute ("C{pp}"), an escaped reference ("\{name}")
    attributes = _block(syntax, "You can download and install Asciidoctor")
    assert "C++ is not required, only Ruby." in attributes.text
    assert attributes.text.endswith("like {name}.")
    # "<<idname>>" shows the reference text its anchor gives ("[[idname,reference text]]")
    assert "See reference text or optional text of internal link." in shown
    assert "This is the text of the footnote." in shown  # read as a note
    assert "Press reload to reload the page." in shown  # an inline image's alt text
    # "---" is a thematic break, not Markdown's underline making "Breaks" a heading's text
    assert not any(text.startswith("Breaks") for text in shown)
    # a quote's attribution under it, its style left out ("[,attribution,citetitle]")
    assert shown.count("— attribution, citetitle") == 2  # the quote's and the verse's
    # an include line indented in a literal paragraph is its text, not a directive
    assert any(block.code.endswith("include::basics.adoc[]") for block in syntax.blocks)


def test_a_mermaid_sequence_diagram_reads_as_its_messages() -> None:
    """Asciidoctor Diagram's "[mermaid]" block, read as Markdown's fence is: a sequence diagram's
    labels as the passage they tell, any other diagram a picture (here the sequence diagram of
    Powertools' batch page, fixtures/powertools)."""
    source = (
        "= Batch\n\n== SQS Standard\n\n[mermaid]\n....\nsequenceDiagram\n"
        "    participant SQS queue\n    participant Lambda service\n"
        "    Lambda service->>SQS queue: Poll\n"
        "    Note over SQS queue,Lambda service: Process repeat\n....\n\n"
        "[mermaid]\n....\nstateDiagram-v2\n"
        "    RecordHandler --> BatchProcessor: Collect results\n....\n"
    )
    page = read("batch.adoc", source.encode())
    assert texts(page) == [
        "Lambda service to SQS queue: Poll. Note (SQS queue, Lambda service): Process repeat."
    ]


def test_private_use_characters_do_not_break_the_reading() -> None:
    """The characters inline markup stands its pieces in by (Supplementary Private Use Area-B)
    are never a page's text: one in a file (a font's icon) neither breaks nor garbles it."""
    source = "= Icons\n\nSave \U00100000 with *bold* and `code` \U00100005 here.\n"
    assert texts(read("icons.adoc", source.encode())) == ["Save with bold and code here."]


def test_spring_tabs_show_each_code_under_its_language() -> None:
    # Spring Security's examples stand in tabs ("[tabs]", "Java::", "+", a listing): the last
    # tab's name ran into the paragraph after them ("Kotlin: In the preceding configuration,
    # …"), and no code said which language it was.
    page = _page("spring-security-form-login-excerpt.adoc")
    after = _block(page, "In the preceding configuration")
    assert after.text.startswith("In the preceding configuration, Spring Security renders")
    labels = [block.text.split("\n")[-1] for block in page.blocks if block.code]
    assert labels == ["Java", "XML", "Kotlin"]
    (kotlin,) = [block for block in page.blocks if block.text == "Kotlin"]
    assert kotlin.code.startswith("open fun filterChain")


def test_a_reference_naming_its_section_by_title_shows_its_text() -> None:
    # Natural cross references, as Asciidoctor PDF's README and Spring Security's CSRF page
    # write them, were quoted as written ("… covered in the <<Install Asciidoctor PDF,next
    # section>>."); shifts ("x << 2") and a page break's "<<<" stay text.
    source = (
        "= Guide\n\n== Install Asciidoctor PDF\n\n"
        "Gems are installed as covered in the <<Install Asciidoctor PDF,next section>>.\n"
        "Specifying the <<SameSite Attribute>> on your session cookie; x << 2 and y >> 3 (<<<).\n"
    )
    assert texts(read("guide.adoc", source.encode())) == [
        "Gems are installed as covered in the next section. Specifying the SameSite Attribute"
        " on your session cookie; x << 2 and y >> 3 (<<<)."
    ]


def test_a_column_of_asciidoc_cells_is_read_as_its_lists_and_blocks() -> None:
    # "cols="2a,4a,6a"" makes every cell of those columns AsciiDoc, as "a|" makes one: the
    # rows read "* DPoP-bound Access Tokens" (and Asciidoctor PDF's theme keys "[source]
    # abstract: font-color: …") with the markers as text.
    page = _page("spring-security-authorization-server.adoc")
    rows = [block.text for block in page.blocks if block.kind == "table"]
    assert "Category: Token Types | Feature: DPoP-bound Access Tokens | OAuth 2.0 " in "\n".join(
        rows
    )
    assert not [row for row in rows if "* " in row or "[source" in row]


def test_a_header_attribute_over_several_lines_is_one_value() -> None:
    # ":description: … a \" went on over two more lines: the header ended there, its value
    # kept the backslash, and the attributes under it were read as a paragraph ("team must
    # conquer … Company Name book Preface font Listing 3 short https://devoxx.be …").
    page = _page("asciidoctor-pdf-chronicles-excerpt.adoc")
    description = (
        "This story chronicles the inexplicable hazards and vicious beasts a team must conquer"
        " and vanquish on their journey to discovering the true power of Open Source."
    )
    assert page.keywords == description
    assert texts(page)[:2] == [
        description,  # the abstract, "{description}"
        "This journey begins one late Monday afternoon at Devoxx.",
    ]


def test_an_asciidoc_cell_opening_with_an_anchor_keeps_its_text() -> None:
    # Debezium's option tables ("[cols="30%a,25%a,45%a"]") open each option's cell with its
    # anchor: the line was dropped whole as an attribute list, and the option's name with it.
    source = (
        "= Options\n\n"
        '[cols="30%a,70%a",options="header"]\n|===\n|Option |Description\n\n'
        "|[[router-topic-regex]]xref:router-topic-regex[`topic.regex`]\n"
        "|[source]\nSpecifies a regular expression for the topics.\n"
        "\na|[[router-key]]\nkey.field.name\n|The name of a field added to the key.\n|===\n"
    )
    assert texts(read("options.adoc", source.encode())) == [
        "topic.regex | Specifies a regular expression for the topics.",
        "key.field.name | The name of a field added to the key.",
    ]


def test_code_whose_subs_name_attributes_shows_their_values() -> None:
    # "[subs=attributes+]" over the Gemfile: the built page shows the version the README
    # defines (":release-version: 2.0.22"), the code read "{release-version}".
    page = _page("asciidoctor-readme-excerpt.adoc")
    gemfile = _block(page, "Add the asciidoctor gem to your Gemfile")
    assert gemfile.code.endswith("# gem 'asciidoctor', '2.0.22'")
    plain = read("x.adoc", b"= T\n:v: 1.0\n\nRun:\n\n----\nget {v}\n----\n")
    assert [block.code for block in plain.blocks] == ["get {v}"]  # as written without subs


def test_a_blocks_attribute_list_ends_the_paragraph_over_it() -> None:
    # "Run a server." right over "[source,text,subs="attributes"]" and its listing (Spring
    # Security's Kerberos samples): Asciidoctor ends the paragraph at the list, which was read
    # as the sentence's words ("Run a server. [source,text,subs="attributes"]").
    page = _page("spring-security-kerberos-samples-excerpt.adoc")
    run = _block(page, "Run a server")
    assert run.text == "Run a server."
    assert run.code == "$ java -jar sec-server-win-auth-{spring-security-version}.jar"
    assert not [block.text for block in page.blocks if "[source" in block.text]


def test_a_quarkus_guides_summary_is_searched_not_quoted() -> None:
    # Quarkus' guides state what they are about in ":summary:", which the built page never
    # shows: it was dropped, where ":description:" is searched with the title.
    page = read(
        "security-jwt.adoc",
        b"= Using JWT RBAC\n"
        b":summary: Verify JSON Web Tokens to provide secured access to Jakarta REST endpoints.\n"
        b":categories: security\n\n"
        b"This guide explains how your application can use SmallRye JWT.\n",
    )
    assert page.keywords == (
        "Verify JSON Web Tokens to provide secured access to Jakarta REST endpoints."
    )
    assert "Verify JSON" not in " ".join(block.text for block in page.blocks)


SITE = Path(__file__).parent / "fixtures" / "asciidoc" / "debezium-site"
EOS = SITE / "modules" / "ROOT" / "pages" / "configuration" / "eos.adoc"


def test_a_page_reads_the_attributes_its_site_defines(tmp_path: Path) -> None:
    # Debezium's pages say "{prodname}" where the site shows "Debezium": the site defines it in
    # .asciidoctorconfig, and "community" (which keeps the page's "Overview") in antora.yml.
    page = read(EOS, EOS.read_bytes())
    first = page.blocks[0]
    assert first.text.startswith("Debezium provides at-least-once delivery guarantees.")
    assert first.section == "Overview"
    assert not any("{prodname}" in block.text for block in page.blocks)
    # The same page alone, without its site's files, reads as Asciidoctor leaves it.
    alone = tmp_path / "eos.adoc"
    alone.write_bytes(EOS.read_bytes())
    bare = read(alone, alone.read_bytes())
    assert bare.blocks[0].text.startswith("{prodname} provides")
    assert bare.blocks[0].section is None


def test_only_a_sites_attribute_entries_are_taken_never_its_text(tmp_path: Path) -> None:
    (tmp_path / "antora.yml").write_text(
        "name: docs\nnav:\n  - nav.adoc\nasciidoc:\n  attributes:\n    product: 'Acme'\n"
        "    hidden: false\n    description: 'every page'\ntitle: Acme Docs\n"
    )
    (tmp_path / "pages").mkdir()
    page_path = tmp_path / "pages" / "a.adoc"
    page_path.write_text("= A page\n\n{product} ships {hidden}.\n")
    page = read(page_path, page_path.read_bytes())
    assert [block.text for block in page.blocks] == ["Acme ships {hidden}."]
    assert page.keywords is None  # a site's description is no page's


def test_a_paragraph_of_a_thousand_bold_terms_is_read() -> None:
    # Each span after the first was read by one more level of recursion: past about 900, the
    # stack ran out and the whole file was refused as "damaged: nested too deeply".
    spans = " ".join(f"*option-{i}*" for i in range(1000))
    page = read("options.adoc", f"= Options\n\nThe options are {spans}.\n".encode())
    (block,) = page.blocks
    assert block.text.startswith("The options are option-0 option-1 option-2")
    assert block.text.endswith("option-999.")
