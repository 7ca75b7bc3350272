"""The web-page reader on saved pages (Python docs, Debian DocBook) and small generated pages.

What a user would notice: only the page's own text (no menus, sidebars, scripts or footers), its
headings as sections, code shown as code with the sentence before it, and text exactly as the
browser shows it — no space appearing where an inline tag was.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from readerfiles import HTML_FILES, OFFICE, parsed, texts

from retrieval.errors import DocumentError
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

HTML = OFFICE / "html"


def _page(body: str, head: str = "") -> ParsedDocument:
    html = f"<html><head><title>Page</title>{head}</head><body>{body}</body></html>"
    return read("page.html", html.encode("utf-8"))


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def test_the_author_is_the_person_the_page_names() -> None:
    body = "<p>The harbour committee met in spring to discuss the expansion of the port.</p>"
    assert _page(body, '<meta name="author" content="Ana Ruiz">').author == "Ana Ruiz"
    assert _page(body, '<meta name="author" content="admin">').author is None
    assert _page(body).author is None


# ----------------------------------------------------------------------------- the real files
def test_the_pages_are_there() -> None:
    assert len(HTML_FILES) == 5


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_every_paragraph_is_exact_text_of_the_page(path: Path) -> None:
    """Each block reads exactly as a run of the page's text, so nothing was inserted at a tag."""
    root = lxml.html.document_fromstring(path.read_bytes())
    for dropped in root.xpath("//script|//style"):
        dropped.drop_tree()
    page = _squeezed(root.text_content())
    document = parsed(path)
    assert len(document.blocks) > 20
    for block in document.blocks:
        if block.kind == "text":  # a sentence introducing a paragraph is read on a line above it
            for line in block.text.split("\n"):
                assert line in page, line


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_navigation_sidebars_and_footers_are_dropped(path: Path) -> None:
    joined = "\n".join(texts(parsed(path)))
    for furniture in (
        "Previous topic",
        "Next topic",
        "Report a Bug",
        "Show Source",
        "Navigation",
        "Table of Contents",
        "Last updated on",
        "Copyright",
        "Prev",
        "Home",
    ):
        assert not re.search(rf"(^|\n){furniture}\b", joined), furniture
    assert "function(" not in joined and "var " not in joined  # no script text


def test_title_sections_and_no_file_path_as_source_of_a_sphinx_page() -> None:
    document = parsed(HTML / "python-faq-general.html")
    assert document.title == "General Python FAQ"  # the <h1>, without its "¶" link
    assert document.source is None  # its canonical link is a file:// path on the saver's disk
    assert "What is Python?" in {block.section for block in document.blocks}
    assert all("¶" not in (block.section or "") for block in document.blocks)


def test_pre_blocks_are_code_with_their_introducing_paragraph() -> None:
    blocks = parsed(HTML / "python-howto-sorting.html").blocks
    first = next(b for b in blocks if b.code.startswith(">>> sorted([5, 2, 3, 1, 4])"))
    assert first.kind == "code"
    assert first.text.endswith("It returns a new sorted list:")
    assert first.code == ">>> sorted([5, 2, 3, 1, 4])\n[1, 2, 3, 4, 5]"
    assert first.section == "Sorting Basics"


def test_data_tables_keep_a_rows_cells_together() -> None:
    rows = [b.text for b in parsed(HTML / "debian-reference-ch08.en.html").blocks]
    assert "package: ibus-mozc | popcon: V:2, I:3 | size: 935 | supported locale: Japanese" in rows


def test_docbook_note_boxes_are_read_as_paragraphs_without_their_label() -> None:
    document = parsed(HTML / "debian-reference-ch08.en.html")
    assert "Tip" not in texts(document) and "Note" not in texts(document)
    assert any(t.startswith("There are 17, 18, or 10 letters between") for t in texts(document))


# ----------------------------------------------------------------------------- generated pages
def test_no_space_is_inserted_at_inline_tags() -> None:
    document = _page(
        "<main><h1>Foxes</h1><p>The fennec fox (<i>Vulpes zerda</i>, also called "
        '<a href="/f">Fennec</a>) lives in the <b>Sahara</b>. It has large ears<sup>1</sup>.</p>'
        "</main>"
    )
    assert texts(document) == [
        "The fennec fox (Vulpes zerda, also called Fennec) lives in the Sahara. It has large ears1."
    ]


def test_main_content_wins_over_menus_headers_and_footers() -> None:
    document = _page(
        '<header><a href="/">Home</a> <a href="/about">About us</a></header>'
        '<nav><ul><li><a href="/a">Alpha</a></li><li><a href="/b">Beta</a></li></ul></nav>'
        '<div class="sidebar"><p>Subscribe to our newsletter for more.</p></div>'
        "<aside><p>Popular: our ten best harbour photos of the year.</p></aside>"
        "<main><h1>Harbour report</h1><h2>Berths</h2>"
        "<p>The harbour needs deeper berths for larger cargo ships.</p>"
        "<aside><p>Berths are dredged every spring.</p></aside></main>"
        "<footer><p>Copyright 2024 the harbour board.</p></footer>"
        "<script>var tracking = 1;</script>"
    )
    assert document.title == "Harbour report"
    berths = "The harbour needs deeper berths for larger cargo ships."
    assert document.paragraphs == [
        ("Berths", berths),
        ("Berths", "Berths are dredged every spring."),
    ]


def test_link_menus_and_reference_lists_are_dropped_without_markup() -> None:
    document = _page(
        "<h1>Volcanoes</h1><p>The volcano erupted twice in the last decade."
        '<sup class="reference"><a href="#cite-1">[1]</a></sup></p>'
        '<ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li>'
        '<li><a href="/3">Three</a></li></ul>'
        '<ol class="references"><li>Smith, J. Volcanoes. 2001.</li></ol>'
    )
    assert texts(document) == ["The volcano erupted twice in the last decade."]


def test_meta_date_and_og_url_and_head_title() -> None:
    document = _page(
        "<p>The harbour committee met in spring to discuss the port.</p>",
        head='<meta property="og:url" content="https://example.org/harbour">'
        '<meta property="article:published_time" content="2023-04-05T10:00:00Z">',
    )
    assert (document.title, document.date, document.source) == (
        "Page",
        "2023-04-05",
        "https://example.org/harbour",
    )


def test_a_page_in_a_declared_legacy_charset_is_decoded() -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head>'
        "<body><p>Le café est servi à midi dans la grande salle.</p></body></html>"
    )
    document = read("cafe.html", html.encode("cp1252"))
    assert texts(document) == ["Le café est servi à midi dans la grande salle."]


def test_a_page_with_only_navigation_is_refused_with_a_reason() -> None:
    with pytest.raises(DocumentError) as caught:
        _page('<nav><a href="/a">Alpha</a> <a href="/b">Beta</a></nav><script>x()</script>')
    assert caught.value.reason == "no main text (only navigation, scripts or markup)"


def test_pre_is_code_as_the_browser_shows_it() -> None:
    document = _page(
        "<p>Run the server with:</p>"
        "<pre>\n$ serve --port 8000\n<b>  # logs</b> go to stderr<br>done\n</pre>"
    )
    assert [(b.kind, b.text, b.code) for b in document.blocks] == [
        ("code", "Run the server with:", "$ serve --port 8000\n  # logs go to stderr\ndone")
    ]


def test_a_canonical_web_address_is_the_source_and_a_file_path_is_not() -> None:
    web = '<link rel="canonical" href="https://docs.example.org/faq.html">'
    disk = '<link rel="canonical" href="file:///usr/share/doc/faq.html">'
    body = "<p>A paragraph of the page that says something.</p>"
    assert _page(body, web).source == "https://docs.example.org/faq.html"
    assert _page(body, disk).source is None


def test_a_definition_is_read_with_its_term() -> None:
    document = _page(
        "<h2>Options</h2><dl class='field-list'>"
        "<dt>timeout</dt><dd>How many seconds to wait for the server.</dd>"
        "<dt>retries</dt><dt>tries</dt><dd><p>How often to try again.</p><p>Zero: never.</p></dd>"
        "<dt>Raises:</dt><dd>ValueError when the name is empty.</dd>"
        "<dt>orphan</dt></dl>"
    )
    assert document.paragraphs == [
        ("Options", "timeout: How many seconds to wait for the server."),
        ("Options", "retries, tries: How often to try again."),
        ("Options", "Zero: never."),
        ("Options", "Raises: ValueError when the name is empty."),
        ("Options", "orphan"),
    ]


def test_list_items_are_marked_as_such() -> None:
    document = _page("<p>Two problems:</p><ul><li>Not portable.</li><li><p>Wasteful.</p></li></ul>")
    assert [(b.text, b.item) for b in document.blocks] == [
        ("Two problems:", False),
        ("Not portable.", True),
        ("Wasteful.", True),
    ]


def test_a_paragraph_of_code_alone_is_the_code_the_paragraph_before_introduces() -> None:
    """Older pages (libxslt's FAQ) set a command as a paragraph holding only <code>."""
    page = (
        "<html><body><h1>FAQ</h1><h2>Compiling</h2><p>The library comes with a small shell script"
        " that provides those flags. Use</p><p><code>xslt-config --cflags</code></p>"
        "<p>to get the compilation flags and the linker flags.</p></body></html>"
    )
    document = read("faq.html", page.encode())
    code = next(b for b in document.blocks if b.code)
    assert code.code == "xslt-config --cflags"
    assert code.text.startswith("The library comes with a small shell script")


# ------------------------------------------------------- news and blog pages (trafilatura's tests,
# the article-extraction benchmark): what sits beside the story
_STORY = (
    "The council voted on Tuesday to rebuild the old harbour wall before the winter storms. "
    "Engineers said the stones had shifted after the spring floods and could not hold another "
    "season. Work starts in October and should take eleven weeks, the mayor told reporters. "
)


def test_reader_comments_share_buttons_and_related_stories_are_dropped() -> None:
    comment = "I live by the harbour and the wall has been crumbling for years, about time. " * 3
    document = _page(
        '<article class="post"><h1>Harbour wall to be rebuilt</h1>'
        '<div class="share_box"><a href="/t">Tweet</a> <a href="/e">Email</a></div>'
        f"<p>{_STORY}</p><p>{_STORY}</p><p>{_STORY}</p>"
        '<div class="relatedContent alignRight"><p class="read-more">Read More</p>'
        "<p>Storm damage closes the ferry pier for a week</p></div>"
        '<div class="post-pagination"><div class="prev-post">Previous post</div></div></article>'
        '<div id="comments" class="comments-area"><h2>34 responses to this story</h2>'
        f'<ol class="comment-list"><li><p>harbourfan says:</p><p>{comment}</p></li></ol></div>'
        '<div class="cc-cookie-banner"><p>Cookies help us to deliver our services. By using the'
        " site you agree to our use of cookies.</p><a href='/ok'>Close</a></div>"
    )
    assert texts(document) == [_STORY.strip()] * 3


def test_a_box_named_like_furniture_keeps_the_story_it_holds() -> None:
    """Class names are loose: a WordPress article tagged "share", a story in a "social" wrapper
    and a tweet the story embeds stay; only boxes that leave the story behind go."""
    tweet = "Yes this is real and yes the state spent nearly half a million dollars on it."
    document = _page(
        '<div class="social-wrapper"><h1>Meth. We are on it.</h1>'
        f'<div class="entry tag-share"><p>{_STORY}</p>'
        '<div class="social-media-embed"><blockquote class="twitter-tweet">'
        f"<p>{tweet}</p></blockquote></div><p>{_STORY}</p></div></div>"
    )
    assert texts(document) == [_STORY.strip(), tweet, _STORY.strip()]


def test_an_article_holding_only_metadata_is_not_where_the_story_is() -> None:
    """A news site's lone <article> holds only <meta> tags for search engines; the story is
    beside it. The page was reported "no main text"."""
    document = _page(
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<meta itemprop="datePublished" content="2019-11-20T10:43Z">'
        '<meta itemprop="headline" content="Harbour wall to be rebuilt"></article>'
        f'<div class="article-body"><h1>Harbour wall to be rebuilt</h1><p>{_STORY}</p></div>'
    )
    assert texts(document) == [_STORY.strip()]


def test_a_site_logo_set_as_the_first_h1_is_not_the_title() -> None:
    """A blog's header "<h1>The GiveWell Blog</h1>" before the post's own "<h1>": the title is
    the post's; with no other <h1>, it is the part of <title> that og:title gives."""
    blog = (
        "<html><head><title>September 2018 open thread - The GiveWell Blog</title></head><body>"
        '<div class="col-header-main"><h1 class="title">The GiveWell Blog</h1></div>'
        f"<article><h1>September 2018 open thread</h1><p>{_STORY}</p></article></body></html>"
    )
    post = read("post.html", blog.encode())
    html = (
        "<html><head><title>With shattered dreams, deportees return home | India Post</title>"
        '<meta property="og:title" content="With shattered dreams, deportees return home">'
        '</head><body><div class="logo-image"><h1>India Post</h1></div>'
        f"<p>{_STORY}</p></body></html>"
    )
    news = read("news.html", html.encode())
    assert (post.title, news.title) == (
        "September 2018 open thread",
        "With shattered dreams, deportees return home",
    )
    assert texts(post) == texts(news) == [_STORY.strip()]


def test_a_story_in_a_box_named_for_its_comments_stays_and_its_comments_go() -> None:
    """A post's box "post comments-open" is the story, with its comments below; a long widget
    beside it must not make the story look like the part of the page that can go (the widget,
    one paragraph beside the story's box, is no part of the story either)."""
    comment = "Great report, the wall has been crumbling for years and it is about time. " * 4
    widget = "Our harbour photo club meets every Thursday evening at the old pilot house. " * 16
    document = _page(
        f'<div class="post comments-open"><p>{_STORY}</p><p>{_STORY}</p></div>'
        f'<div class="widget-area"><p>{widget}</p></div>'
        f'<div id="comments"><p>harbourfan says:</p><p>{comment}</p></div>'
    )
    assert texts(document) == [_STORY.strip(), _STORY.strip()]


def test_a_formula_reads_as_its_symbols_not_as_a_gap() -> None:
    """Wikipedia's MathML (inside a box hidden for the fallback image): "a -dimensional map (with
    )" lost every symbol; a formula now reads as the symbols drawn, without its TeX source."""

    def math(tex: str, mathml: str) -> str:
        return (
            '<span class="mwe-math-element"><span class="mwe-math-mathml-inline" '
            f'style="display: none;"><math alttext="{tex}">\n  <semantics>\n    <mrow>\n'
            f'      {mathml}\n    </mrow>\n    <annotation encoding="application/x-tex">{tex}'
            f'</annotation>\n  </semantics>\n</math></span><img alt="{tex}" aria-hidden="true">'
            "</span>"
        )

    d = math("{\\displaystyle d}", "<mi>d</mi>")
    y = math("{\\displaystyle y_{i}}", "<msub>\n        <mi>y</mi>\n        <mi>i</mi>\n</msub>")
    f = math(
        "{\\displaystyle \\exp(x)}", "<mi>exp</mi><mo>&#x2061;</mo><mo>(</mo><mi>x</mi><mo>)</mo>"
    )
    document = _page(f"<p>t-SNE learns a {d}-dimensional map of points {y}, weighted by {f}.</p>")
    assert texts(document) == ["t-SNE learns a d-dimensional map of points yi, weighted by exp(x)."]


def test_a_table_with_a_paragraph_in_each_cell_is_read_row_by_row() -> None:
    """chip.de sets every cell as "<td><p>299,95 Euro</p></td>" and its header in <thead>
    without a <tr>: each price was a paragraph of its own, apart from the grill it prices."""
    row = "<tr><td><p>{}</p></td><td><p>{}</p></td><td><a href='/buy'>Bei Amazon</a></td></tr>"
    document = _page(
        "<h2>Die beliebtesten Oberhitzegrills</h2><table><thead><th>Name</th><th>Preis</th>"
        "<th>Link</th></thead>"
        + row.format("Rustler 800 Hochleistungsgrill", "299,95 Euro")
        + row.format("Meateor RC800G Hochtemperaturgrill", "249 Euro")
        + "</table>"
    )
    assert texts(document) == [
        "Name: Rustler 800 Hochleistungsgrill | Preis: 299,95 Euro | Link: Bei Amazon",
        "Name: Meateor RC800G Hochtemperaturgrill | Preis: 249 Euro | Link: Bei Amazon",
    ]


def test_a_page_wrapped_whole_in_a_form_or_an_unclosed_header_keeps_its_story() -> None:
    """ASP.NET wraps every page in '<form id="aspnetForm">'; an unclosed '<header>' swallows
    the page after it. Either was dropped as furniture and the page had "no main text"."""
    menu = '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
    aspnet = _page(f'<form id="aspnetForm">{menu}<h1>Podolski retires</h1><p>{_STORY}</p></form>')
    unclosed = _page(f'<header id="masthead">{menu}<h1>Histo-Monte</h1><p>{_STORY}</p>')
    assert texts(aspnet) == texts(unclosed) == [_STORY.strip()]
    assert (aspnet.title, unclosed.title) == ("Podolski retires", "Histo-Monte")


def test_documentation_sections_named_after_their_heading_are_not_page_furniture() -> None:
    """Sphinx and Pandoc name a section after its heading: '<section id="cookies">' in a
    library's guide, "related-work" in a paper, "pagination" in an API's docs are text; a dotted
    anchor of code ("requests.Session.cookies") names no box. A box of related links so named
    still goes."""
    document = _page(
        f"<main><h1>Quickstart</h1><p>{_STORY}</p><p>{_STORY}</p>"
        '<section id="cookies"><h2>Cookies</h2><p>A response keeps its cookies in the'
        " cookies attribute.</p></section>"
        '<section id="related-work"><h2>2 Related Work</h2><p>BM25 was introduced by'
        " Robertson in the nineties.</p></section>"
        '<section id="pagination"><h2>Pagination</h2><p>Results come in pages of a hundred.</p>'
        '</section><dl><dt id="requests.Session.cookies">cookies</dt><dd><p>The jar of the'
        " session.</p></dd></dl>"
        '<div id="related-posts"><h3>Related posts</h3><ul><li><a href="/a">Harbour pier'
        ' closes</a></li><li><a href="/b">Ferry times change</a></li></ul></div></main>'
    )
    assert texts(document) == [
        _STORY.strip(),
        _STORY.strip(),
        "A response keeps its cookies in the cookies attribute.",
        "BM25 was introduced by Robertson in the nineties.",
        "Results come in pages of a hundred.",
        "cookies: The jar of the session.",
    ]


def test_comments_in_highlighted_code_are_code() -> None:
    """Prism marks a code comment "token comment", highlight.js "hljs-comment": no readers'
    comments to drop."""
    document = _page(
        f"<main><h1>Retries</h1><p>{_STORY}</p><p>{_STORY}</p><p>For example:</p>"
        '<pre><code><span class="token comment"># retry three times</span>\n'
        'for i in range(3):  <span class="hljs-comment"># at most</span>\n    fetch()</code></pre>'
        "</main>"
    )
    assert [block.code for block in document.blocks if block.code] == [
        "# retry three times\nfor i in range(3):  # at most\n    fetch()"
    ]


def test_a_heading_whose_id_has_a_word_of_page_furniture_heads_its_section() -> None:
    """MkDocs sets '<h2 id="sharing-files">', MediaWiki '<span id="Related_software">' in its
    headings: the heading is the section's, not a share button or a box of related stories."""
    document = _page(
        f"<main><h1>Guide</h1><p>{_STORY}</p><p>{_STORY}</p>"
        '<h2 id="sharing-files">Sharing files</h2><p>Files are shared with a link.</p>'
        '<h2><span class="mw-headline" id="Related_software">Related software</span></h2>'
        "<p>Other tools read the same format.</p></main>"
    )
    sections = {block.text: block.section for block in document.blocks}
    assert sections["Files are shared with a link."] == "Sharing files"
    assert sections["Other tools read the same format."] == "Related software"


def test_a_short_story_in_its_article_is_the_content_beside_long_comments() -> None:
    """Readers' posts running to many times the story's length, in a box not named for
    comments, do not make the page's lone <article> look empty: the posts are not the page."""
    post = "I have lived by this harbour all my life and the wall has been falling apart. " * 2
    posts = "".join(
        f"<div class='post-item'><p>user{i} wrote:</p><p>{post}</p></div>" for i in range(12)
    )
    document = _page(
        f"<article><h1>Harbour wall to be rebuilt</h1><p>{_STORY}</p></article>"
        f'<section class="reader-posts"><h2>What readers say</h2>{posts}</section>'
    )
    assert texts(document) == [_STORY.strip()]


def test_a_note_box_inside_the_main_content_is_read_with_its_title() -> None:
    # Sphinx puts the abstract in '<aside class="topic">' inside '<div class="body" role="main">'.
    document = parsed(HTML / "python-howto-sockets.html")
    (abstract,) = [b for b in document.blocks if "severely misunderstood" in b.text]
    assert abstract.text.startswith("Abstract\nSockets are used nearly everywhere")
    assert "Abstract" not in texts(document)


def test_a_page_without_a_date_in_its_metadata_is_dated_by_its_footer() -> None:
    # Sphinx writes no date <meta>; its footer (dropped as furniture) says "Last updated on …".
    assert parsed(HTML / "python-faq-general.html").date == "2026-10-07"
    assert parsed(HTML / "maint-guide-start.en.html").date is None  # says nothing of the kind


def test_a_footnote_is_read_after_the_paragraph_that_refers_to_it() -> None:
    # DocBook sets the footnotes at the page's end, after section 1.4; "[1]" is in the preface.
    document = parsed(HTML / "maint-guide-start.en.html")
    blocks = document.blocks
    note = next(i for i, b in enumerate(blocks) if b.text.startswith("[1] The document assumes"))
    assert blocks[note].section is None and blocks[note - 1].text.endswith("outdated. [1]")
    last = [b.text for b in blocks if b.section == "1.4. Where to ask for help"]
    assert not any(text.startswith("[") for text in last)


def test_a_page_with_a_few_stray_nul_bytes_is_read_not_refused_as_binary() -> None:
    """A news site's page held eleven NUL bytes after an advertisement's image, and was
    refused as "binary, not a web page"; a browser shows the page, the NULs as nothing. (A
    binary file holds far more control bytes: one in a hundred at least.)"""
    story = [f"The council voted on day {n} to rebuild the old harbour wall." for n in range(30)]
    ad = f'<a href="/ad"><img src="ad.gif" alt="">{chr(0) * 11}</a>'
    assert texts(_page(ad + "".join(f"<p>{line}</p>" for line in story))) == story


def test_a_texinfo_pages_copy_link_marks_are_not_text() -> None:
    # GNU manuals (bashref.html) end every heading and defined term with a "¶" link to itself:
    # citations read "Bash Features ¶ › 5 Shell Variables ¶".
    page = (
        "<html><head><title>Manual</title></head><body><h1>Bash Features</h1>"
        '<h2 class="chapter" id="v"><span>5 Shell Variables<a class="copiable-link" href="#v">'
        " &para;</a></span></h2><p>This chapter describes the shell variables that Bash uses."
        "</p></body></html>"
    )
    document = read("bashref.html", page.encode())
    assert [(block.section, block.text) for block in document.blocks] == [
        ("5 Shell Variables", "This chapter describes the shell variables that Bash uses.")
    ]
