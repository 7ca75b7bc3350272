"""Saved news and blog pages whose markup does not say where the story is (no ``<main>``, no
single ``<article>``): the reader finds the box of running text and reads it alone (issue 12).

The pages are built here, each in the shape of pages measured on the article-extraction
benchmark (copyrighted news, not committed)."""

from __future__ import annotations

from readerfiles import NEWS_MORE, NEWS_STORY, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

_STORY, _MORE = NEWS_STORY, NEWS_MORE
_TEASER = "A new bakery opens on Market Street, with bread, cakes and coffee, every day from seven."


def _page(body: str) -> ParsedDocument:
    html = f"<html><head><title>Harbour wall to be rebuilt | Gazette</title></head><body>{body}"
    return read("page.html", (html + "</body></html>").encode("utf-8"))


def _sidebar() -> str:
    categories = "".join(f'<li><a href="/c{n}">Category {n}</a> ({n * 7})</li>' for n in range(9))
    teasers = "".join(f'<div class="teaser"><a href="/t">Bakery</a><p>{_TEASER}</p></div>' * 2)
    return f'<div class="col-right"><ul>{categories}</ul>{teasers}</div>'


def test_the_story_is_read_without_the_boxes_around_it() -> None:
    """Before: a page of div boxes was read whole, the sidebar's categories and teasers, the
    byline and the share links with the story; the benchmark's precision was 0.76 on them."""
    document = _page(
        '<div class="wrap"><div class="top"><span>Gazette</span> <span>Tuesday</span></div>'
        '<div class="col-left"><h1>Harbour wall to be rebuilt</h1>'
        '<div class="by">By Ann Smith, 18 November</div>'
        '<div class="tools"><a href="/s">Share</a> <a href="/p">Print</a></div>'
        f'<div class="body-text"><p>{_STORY}</p><p>{_MORE}</p><p>{_STORY}</p></div>'
        f"</div>{_sidebar()}</div>"
    )
    assert texts(document) == [_STORY, _MORE, _STORY]
    assert document.title == "Harbour wall to be rebuilt"


def test_a_story_split_over_boxes_is_read_whole_and_the_promotion_between_them_is_not() -> None:
    """A story set as an intro box and a body box, a promotion of links between them."""
    document = _page(
        f'<div class="story"><h1>Harbour wall</h1><div class="intro"><p>{_STORY}</p></div>'
        '<div class="promo"><a href="/a">Watch our show</a> <a href="/b">Subscribe</a></div>'
        f'<div class="rest"><p>{_MORE}</p><p>{_STORY}</p><p>{_MORE}</p></div>'
        f"<p>{_MORE}</p></div>{_sidebar()}"
    )
    assert texts(document) == [_STORY, _MORE, _STORY, _MORE, _MORE]


def test_paragraphs_set_as_divs_of_text_are_the_story() -> None:
    """Blogger's posts: each paragraph a <div> of <span>s, empty <div>s between them."""
    paragraphs = "<div><br></div>".join(
        f'<div><span style="font-size: large;">{text}</span></div>'
        for text in (_STORY, _MORE, _STORY)
    )
    document = _page(
        f'<div class="post"><h3>Harbour wall</h3><div class="post-body">{paragraphs}</div></div>'
        + _sidebar()
    )
    assert texts(document) == [_STORY, _MORE, _STORY]


def test_a_box_hidden_by_its_style_is_not_read() -> None:
    """A box of schema.org metadata for search engines, '<div style="display:none">', was read
    as the page's text: the headline twice, the dates, an image's address."""
    document = _page(
        f"<div><h1>Harbour wall</h1><p>{_STORY}</p></div>"
        '<div style="display:none;" itemscope><h1 itemprop="name">Harbour wall</h1>'
        '<div itemprop="datePublished">2019-11-19T08:57:40+01:00</div></div>'
    )
    assert texts(document) == [_STORY]


def test_a_manual_chapter_keeps_its_introduction_list_notes_and_every_section() -> None:
    """A DocBook chapter has no <main> either: its short introduction (half of it a link), its
    list, its tip and its short last sections are all the chapter's."""
    section = "<div class='section'><h2>{0}</h2><p>{1}</p></div>"
    document = _page(
        '<div class="navheader"><a href="/prev">Prev</a> <a href="/next">Next</a></div>'
        '<div class="chapter"><div class="titlepage"><h1>Chapter 8. Locales</h1></div>'
        '<p><a href="/wiki">Multilingualization or Native Language Support</a> is done in two'
        " steps.</p><div class='itemizedlist'><ul><li>Internationalization: make it able to"
        " handle locales.</li><li>Localization: make it handle one.</li></ul></div>"
        '<div class="tip"><p>Tip</p><p>There are 18 letters between i and n.</p></div>'
        + section.format("8.1. The locale", f"{_STORY} {_MORE} {_STORY}")
        + section.format("8.2. The keyboard", f"{_MORE} {_STORY}")
        + section.format("8.3. The display", "Linux console can only display some characters.")
        + "</div>"
    )
    assert texts(document) == [
        "Multilingualization or Native Language Support is done in two steps.",
        "Internationalization: make it able to handle locales.",
        "Localization: make it handle one.",
        "There are 18 letters between i and n.",
        f"{_STORY} {_MORE} {_STORY}",
        f"{_MORE} {_STORY}",
        "Linux console can only display some characters.",
    ]


def test_bylines_tags_author_notes_advertisements_and_photo_credits_are_not_the_story() -> None:
    """Boxes a CMS names for what they are ("entry-meta", "post-tags", "author-bio", "ad-slot",
    "image-credit") beside the story's paragraphs were read with it."""
    document = _page(
        f'<article class="post"><h1>Harbour wall</h1><div class="entry-meta">By Ann Smith,'
        f' 18 November 2019</div><p>{_STORY}</p><div class="ad-slot">Advertisement</div>'
        f'<figure><img src="wall.jpg"><span class="image-credit">Photo: J. Doe</span></figure>'
        f'<p>{_MORE}</p><div class="post-tags">Tags: harbour, council</div>'
        '<div class="author-bio"><p>Ann Smith writes about the town, its council and its'
        " harbour, for the Gazette.</p></div></article>"
    )
    assert texts(document) == [_STORY, _MORE]


def test_an_articles_header_gives_its_title_and_its_footer_nothing() -> None:
    """'<header>' and '<footer>' inside an <article> were kept whole: the byline, the date and
    the share buttons beside the title, the tags and the "more from" links below the story."""
    document = _page(
        '<article><header><div class="kicker">Local news</div><h1>Harbour wall to be rebuilt'
        '</h1><p class="dek">By Ann Smith, 18 November 2019</p><div class="share"><a href="/s">'
        f"Share</a></div></header><p>{_STORY}</p><p>{_MORE}</p>"
        '<footer><p>Filed under harbour, council.</p><a href="/more">More from the Gazette</a>'
        "</footer></article>"
    )
    assert texts(document) == [_STORY, _MORE]
    assert document.title == "Harbour wall to be rebuilt"


def test_an_unclosed_header_in_an_article_keeps_the_story_it_swallows() -> None:
    document = _page(f"<article><header><h1>Harbour wall</h1><p>{_STORY}</p><p>{_MORE}</p>")
    assert texts(document) == [_STORY, _MORE]


def test_a_list_of_categories_with_counts_and_an_advertisement_script_is_a_menu() -> None:
    """ "Travel (1465)": the counts outside the links, and the code of an advertisement's script
    between the items, made a blog's list of categories look like text."""
    script = (
        "<script>googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });</script>"
    )
    items = [f'<li><a href="/c/{name}">{name}</a> ({n})</li>' for n, name in enumerate("ABCDE")]
    document = _page(
        f"<article><h1>Harbour wall</h1><p>{_STORY}</p>"
        f'<ul class="cat-list">{"".join(items[:3])}{script}{"".join(items[3:])}</ul></article>'
    )
    assert texts(document) == [_STORY]


def test_a_box_of_menus_holding_the_story_is_not_a_menu() -> None:
    """One box wraps a city's page: four menus of a hundred links, and the story beside them."""
    menu = "".join(
        f'<li><a href="/p{n}">Department of things number {n}</a></li>' for n in range(99)
    )
    document = _page(f'<div id="all"><ul>{menu}</ul><div>{_STORY}</div></div>')
    assert texts(document) == [_STORY]


def test_text_for_screen_readers_only_is_not_read() -> None:
    """'<span class="off-screen">Image caption</span>' (BBC), Bootstrap's "sr-only", WordPress's
    "screen-reader-text": a browser does not show them, and they were read into the story."""
    document = _page(
        f'<article><h1>Harbour wall</h1><p>{_STORY}</p><p><span class="off-screen">Image'
        ' caption</span>The wall in 1890</p><p>Rebuilt twice<span class="sr-only"> about the'
        ' harbour</span>.</p><a class="screen-reader-text" href="#top">Skip to top</a></article>'
    )
    assert texts(document) == [_STORY, "The wall in 1890", "Rebuilt twice."]


def test_in_a_main_box_the_story_is_read_without_the_promotions_beside_it() -> None:
    """'<main>' says where the content is, not that all of it is the story: the newsletter box,
    the "most read" teasers and the podcast promotion beside the story's box were read."""
    teasers = "".join(
        f'<li><a href="/t{n}">Bakery opens</a><p>{_TEASER}</p></li>' for n in range(2)
    )
    document = _page(
        f'<main><div class="story-body"><h1>Harbour wall</h1><p>{_STORY}</p><p>{_MORE}</p>'
        f"<p>{_STORY}</p></div><div class='newsletter-box'><p>Get the Gazette every morning.</p>"
        f'</div><div class="most-read"><h2>Most read</h2><ul>{teasers}</ul></div></main>'
    )
    assert texts(document) == [_STORY, _MORE, _STORY]


def test_an_article_of_tables_between_paragraphs_is_read_whole() -> None:
    """An article of tables between paragraphs, one table scoring more than any paragraph: it
    was read alone, the rest of the article (more than half its text) left out."""
    rows = "".join(
        f"<tr><td>P{n}</td><td>{n}, 2 tackles, 1 sack, 3 hits.</td></tr>" for n in range(20)
    )
    paragraphs = [f"<div><p>{text}</p></div>" for text in (_STORY, _MORE, _STORY, _STORY)]
    document = _page(
        f"<article><h1>Snap counts</h1>{paragraphs[0]}<div><h3>Defence</h3><table>{rows}"
        f"</table></div>{paragraphs[1]}<div><h3>Offence</h3><table><tr><td>Player</td>"
        f"<td>Snaps</td></tr><tr><td>Smith</td><td>60</td></tr></table></div>{paragraphs[2]}"
        f"{paragraphs[3]}</article>"
    )
    assert texts(document).count(_STORY) == 3 and texts(document).count(_MORE) == 1
    assert "Smith | 60" in texts(document)


def test_a_manual_page_with_code_is_read_whole() -> None:
    """A gtk-doc page has no <main>: its name line, its synopsis (code) and its short
    description stand beside the details that score best; a manual's boxes are all its own."""
    details = f"<div class='refsect2'><h3>xsltInit ()</h3><p>{_STORY}</p><p>{_MORE}</p></div>"
    document = _page(
        '<div class="refnamediv"><h2>xslt</h2><p>xslt - Interfaces related to the XSLT engine'
        '</p></div><div class="refsynopsisdiv"><h2>Synopsis</h2><pre>void xsltInit (void);'
        "\nvoid xsltCleanupGlobals (void);</pre></div><div class='refsect1'><h2>Description"
        f"</h2><p>Interfaces, constants and types</p></div><div class='refsect1'><h2>Details</h2>"
        f"{details}</div>"
    )
    assert texts(document)[:2] == ["xslt - Interfaces related to the XSLT engine", ""]
    assert [b.code for b in document.blocks][1] == (
        "void xsltInit (void);\nvoid xsltCleanupGlobals (void);"
    )
    assert texts(document)[2:] == ["Interfaces, constants and types", _STORY, _MORE]


def test_the_sections_beside_the_best_section_are_the_pages_too() -> None:
    """Node.js's "About this documentation": one <section> scores best, and the short ones
    beside it (a sentence, a table of links) were dropped with the page's boxes."""
    document = _page(
        f"<main><section><h2>Stability index</h2><p>{_STORY}</p><p>{_MORE}</p></section>"
        "<section><h2>JSON output</h2><p>Added in: v0.6.12</p><p>Every page has a JSON"
        " twin.</p></section><section><h2>System calls</h2><p>Functions wrapping a system"
        " call say so.</p></section></main>"
    )
    assert texts(document) == [
        _STORY,
        _MORE,
        "Added in: v0.6.12",
        "Every page has a JSON twin.",
        "Functions wrapping a system call say so.",
    ]


def test_the_title_above_the_story_box_is_the_title_and_a_promotions_h1_in_it_a_section() -> None:
    """The story's <h1>, linked to the page, with the byline's links beside it, was dropped as
    a menu; the page's title became a promotion's <h1> inside the story's box."""
    document = _page(
        '<article><div class="top"><h1><a href="/harbour">Harbour wall to be rebuilt</a></h1>'
        '<p><a href="/ann">Ann Smith</a> - Nov. 18th <a href="/t/ann">@ann</a></p></div>'
        f'<div class="body"><p>{_STORY}</p><p>{_MORE}</p><p>{_STORY}</p>'
        "<h1>Join our harbour photo club</h1><p>Meetings are on Thursdays, at the pilot house,"
        " from seven.</p></div></article>"
    )
    assert document.title == "Harbour wall to be rebuilt"
    assert document.blocks[-1].section == "Join our harbour photo club"


def test_a_folded_faq_answer_a_summary_and_a_quotes_source_are_read() -> None:
    """Hidden boxes holding sentences are a FAQ's folded answers; an article header's summary
    under the headline and a quotation's footer (who said it) are the text's own."""
    faq_answer = (
        "The wall is rebuilt in stone from the old quarry. The council chose it because the "
        "new concrete blocks would crack in the salt water within a few winters."
    )
    summary = (
        "After the spring floods the harbour wall cannot hold another season, engineers say, and "
        "the council has agreed to pay for the whole of the work."
    )
    document = _page(
        "<article><header><h1>Harbour wall to be rebuilt</h1><p>By A. Writer, 3 May</p>"
        f"<p>{summary}</p></header><p>{_STORY}</p>"
        '<blockquote><p>"We will not let the sea take the town."</p>'
        "<footer>Jane Doe, mayor</footer></blockquote>"
        '<h2>Why stone?</h2><div style="display:none">'
        f"<p>{faq_answer}</p></div>"
        '<div style="display:none">{"@type": "NewsArticle", "datePublished": "2019"}</div>'
        "</article>"
    )
    text = "\n".join(texts(document))
    assert summary in text and faq_answer in text and "Jane Doe, mayor" in text
    assert "NewsArticle" not in text and "By A. Writer" not in text


def test_an_answer_folded_by_a_class_is_read_and_a_folded_menu_is_not() -> None:
    """A FAQ's answer in '<div class="accordion-body is-hidden">' (Bulma's class for a box
    shown on a click) was dropped as text for screen readers."""
    answer = "Delivery takes three to five working days, and up to two weeks abroad."
    document = _page(
        f"<article><h1>Orders and delivery</h1><p>{_STORY}</p><h2>How long does delivery "
        f'take?</h2><div class="accordion-body is-hidden"><p>{answer}</p></div>'
        '<div class="u-hidden">Orders Returns Account</div></article>'
    )
    text = "\n".join(texts(document))
    assert answer in text and "Returns" not in text


def test_related_links_and_share_lines_inside_the_story_are_dropped() -> None:
    document = _page(
        f"<article><h1>Harbour wall to be rebuilt</h1><p>{_STORY}</p>"
        "<p>Related: Storm damage along the coast, in pictures</p>"
        f"<p>{_MORE}</p><p>Share this on WhatsApp</p></article>"
    )
    text = "\n".join(texts(document))
    assert _STORY in text and _MORE in text
    assert "Related:" not in text and "WhatsApp" not in text


def test_a_news_pages_date_is_read_from_its_schema_org_data() -> None:
    ld = '{"@type": "NewsArticle", "datePublished": "2019-11-18T09:30:00Z"}'
    in_json = _page(
        f'<script type="application/ld+json">{ld}</script><article><p>{_STORY}</p></article>'
    )
    assert in_json.date == "2019-11-18"
    microdata = _page(
        f'<article><time itemprop="datePublished" datetime="2010-10-22T20:13">sexta-feira</time>'
        f"<p>{_STORY}</p></article>"
    )
    assert microdata.date == "2010-10-22"


def test_a_post_whose_box_is_also_named_share_is_read() -> None:
    """A WordPress theme names the post's box '<div class="entry themeform share">': it was
    dropped as share buttons, and the page read as its sidebar or as "no main text"
    (trafilatura's evaluation pages, 3 of 990)."""
    document = _page(
        f'<div class="main"><h1>Harbour wall</h1><div class="entry themeform share">'
        f"<p>{_STORY}</p><p>{_MORE}</p></div>"
        f'<ul class="related-posts"><li><a href="/b">{_TEASER}</a></li></ul></div>{_sidebar()}'
    )
    assert texts(document) == [_STORY, _MORE]


def test_a_page_wrapped_in_a_form_among_many_menus_is_read() -> None:
    """ASP.NET wraps the page in '<form id="aspnetForm">', a form being no content; the form is
    kept when it holds the page, which was judged by its links, the menus' included: a news
    site's menus outweighed its story, and the page was "no main text"."""
    menu = "".join(f'<li><a href="/m{n}">Football news section {n}</a></li>' for n in range(40))
    document = _page(
        f'<form id="aspnetForm"><ul class="menu">{menu}</ul><div class="article-text">'
        f'<p>{_STORY}</p><p>{_MORE}</p></div><div class="footer"><ul>{menu}</ul></div></form>'
    )
    assert texts(document) == [_STORY, _MORE]


def test_a_forum_threads_posts_are_its_text_but_a_posts_comments_are_not() -> None:
    """A forum's thread, or a match's live ticker, sets each post in a box named as a comment:
    the posts were dropped as readers' comments and the page read as its breadcrumb. They are
    the page when no story is left without them; under a post, comments still go."""
    posts = [_STORY, _MORE, _TEASER]
    thread = "".join(
        f'<div class="ForumComment"><div class="CommentAuthor">user{n}</div>'
        f'<div class="CommentText">{post}</div></div>'
        for n, post in enumerate(posts)
    )
    forum = _page(f'<div class="crumbs">Forum &gt; Harbour</div><div id="posts">{thread}</div>')
    assert texts(forum) == [x for n, post in enumerate(posts) for x in (f"user{n}", post)]
    blog = _page(f'<div class="post"><p>{_STORY}</p><p>{_MORE}</p></div>{thread}')
    assert texts(blog) == [_STORY, _MORE]


def test_the_lines_after_a_story_that_are_each_one_link_are_not_read() -> None:
    """ "Zur Startseite" and a related story's headline, each a line of one link under the story,
    were read as its last paragraphs; a list of links ("See also") and a sentence with a link
    in it are the text's."""
    document = _page(
        f'<div class="story"><p>{_STORY}</p><p>{_MORE}</p>'
        '<p>Read <a href="/r">the full report</a>.</p>'
        '<ul><li><a href="/w">Harbour works</a></li><li><a href="/q">North quay</a></li></ul>'
        f'<div class="more"><a href="/t">{_TEASER}</a></div>'
        '<p><a href="/">Zur Startseite</a></p></div>'
    )
    links = ["Harbour works", "North quay"]
    assert texts(document) == [_STORY, _MORE, "Read the full report.", *links]
