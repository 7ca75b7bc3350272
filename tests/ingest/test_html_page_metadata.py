"""What a news or blog page's markup says about its article rather than in it (its date, byline,
tags, the copy of it for search engines, the box of stories it links to) is no passage; its date
and author are the document's.

The pages are written here in the shapes measured on the article-extraction benchmark (news
pages, not committed): the rules read the markup's names, never a page's words."""

from __future__ import annotations

from readerfiles import NEWS_MORE, NEWS_STORY, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

_STORY, _MORE = NEWS_STORY, NEWS_MORE


def _page(body: str) -> ParsedDocument:
    html = f"<html><head><title>Harbour wall to be rebuilt | Gazette</title></head><body>{body}"
    return read("page.html", (html + "</body></html>").encode("utf-8"))


def test_a_dateline_is_the_document_s_date_not_a_passage() -> None:
    """ "Published Monday, November 18, 2019 8:22AM EST" in a box named as the date, and a
    schema.org datePublished in another language, were quoted as passages."""
    document = _page(
        '<article><h1>Harbour wall</h1><div class="publish-date">Published Monday, November 18,'
        ' 2019 8:22AM EST</div><span class="data" itemprop="datePublished">segunda-feira, 22 de'
        f" janeiro de 2018 às 0:13</span><p>{_STORY}</p><p>{_MORE}</p></article>"
    )
    assert texts(document) == [_STORY, _MORE]
    assert document.date == "2019-11-18"


def test_a_date_in_a_sentence_stays_in_the_sentence() -> None:
    """A schema.org date inside running text is the sentence's: only a line made of such
    metadata goes."""
    sentence = (
        'The wall was last rebuilt on <time itemprop="dateModified">May 5, 1990</time>, after'
        " the great storm that broke the north quay."
    )
    document = _page(f"<article><h1>Harbour wall</h1><p>{_STORY}</p><p>{sentence}</p></article>")
    assert texts(document)[1].startswith("The wall was last rebuilt on May 5, 1990, after")


def test_a_line_of_tag_links_is_not_read_but_a_sentence_linking_a_tag_is() -> None:
    """'<strong>Tags<br><a rel="tag">…</a>, …' under a post, and WordPress's "category tag"
    links, were read as a passage of keywords."""
    tags = ", ".join(f'<a href="/tag/t{n}" rel="tag">harbour wall {n}</a>' for n in range(12))
    sentence = f'More on the <a href="/tag/w" rel="tag">harbour wall</a>. {_MORE}'
    document = _page(
        f"<article><h1>Harbour wall</h1><p>{_STORY}</p><p>{sentence}</p><p><strong>Tags<br>"
        f'{tags}</strong></p><p><a href="/c/news" rel="category tag">News</a>, <a href="/c/city"'
        ' rel="category tag">City</a></p></article>'
    )
    assert texts(document) == [_STORY, f"More on the harbour wall. {_MORE}"]


def test_the_search_engines_copy_of_a_story_is_read_once_without_its_metadata() -> None:
    """A page drawn by scripts holds its story only in hidden schema.org boxes (two copies):
    their image addresses, sizes, dates and publisher were read, and the story twice."""
    copy = (
        '<div style="display:none;" itemscope itemtype="http://schema.org/NewsArticle">'
        '<h1 itemprop="name">Harbour wall</h1><img itemprop="image" src="/wall.jpg">'
        '<div itemprop="image" itemscope><div itemprop="url">https://example.org/wall.jpg</div>'
        '<div itemprop="width"><div itemprop="value">500</div></div></div>'
        '<div itemprop="datePublished">2019-11-19T08:57:40+01:00</div>'
        '<div itemprop="publisher"><div itemprop="name">Gazette Media</div></div>'
        f'<div itemprop="articleBody">{_STORY}\n\n{_MORE}</div></div>'
    )
    document = _page(f'<div id="app"></div>{copy}{copy}')
    assert texts(document) == [f"{_STORY} {_MORE}"]


def test_a_box_headed_as_related_stories_is_not_read_however_long() -> None:
    """'<h3 class="relatedpoststitle">You may like…</h3>' over three posts' openings, longer
    together than the short post above them: they were read as its text."""
    related = "".join(
        f'<article class="post"><p>{_MORE} Story {n} goes on.</p></article>' for n in range(3)
    )
    document = _page(
        f'<article class="post"><h1>Harbour wall</h1><p>{_STORY}</p></article>'
        f'<article class="post"><h3 class="relatedpoststitle">You may like…</h3>{related}</article>'
    )
    assert texts(document) == [_STORY]


def test_the_byline_s_author_is_the_document_s() -> None:
    """The author schema.org names in the byline is the document's author; the byline itself
    is no passage."""
    document = _page(
        '<article><h1>Harbour wall</h1><div class="byline">By <span itemprop="author"'
        ' itemscope><span itemprop="name">Maria Lopes</span></span></div>'
        f"<p>{_STORY}</p><p>{_MORE}</p></article>"
    )
    assert texts(document) == [_STORY, _MORE]
    assert document.author == "Maria Lopes"


def test_a_card_popping_up_over_a_name_is_not_read_into_the_sentence() -> None:
    """'Rep. <a>Ilhan Omar</a><span class="rollover-block"><img><a>Ilhan Omar</a><a>headline
    …</a>…</span> (D-Minn.), …': the card a browser shows on hover was read into the sentence,
    the name twice and three headlines in mid-sentence."""
    card = (
        '<span class="people-block"><img src="/omar.jpg" alt=""><a href="/people/omar">Jo Omar'
        '</a><a href="/a1">Harbour board meets on Friday</a> <a href="/a2">Quay closes for the'
        ' winter</a> <a href="/people/omar">MORE</a></span>'
    )
    sentence = (
        f'Councillor <span class="people"><a href="/people/omar">Jo Omar</a>{card}</span> said'
        " the wall would be ready before the first storms of the winter."
    )
    document = _page(f"<article><h1>Harbour wall</h1><p>{_STORY}</p><p>{sentence}</p></article>")
    assert texts(document)[1] == (
        "Councillor Jo Omar said the wall would be ready before the first storms of the winter."
    )


def test_a_call_to_action_a_read_more_box_and_a_printout_s_notice_are_not_read() -> None:
    """A box named as a call to action ('smg-zone-widget-custom-cta-letter': "Support us…"),
    a link to another story set as a box ('<a class="read-more-big">Also on …'), and a notice
    shown on paper only ('<div class="d-none d-print-block">') were read into the story. A box
    shown on screens from a width on ("d-none d-md-block") is the page's and stays."""
    document = _page(
        f"<article><h1>Harbour wall</h1><p>{_STORY}</p>"
        '<a class="read-more-big" href="/s2"><span>Also on gazette.example</span><span>Quay'
        " closes for the winter, the harbour board says</span></a>"
        '<div class="widget-custom-cta-letter"><p>We do this work every day at no cost to you,'
        " but it is far from free to produce. Support us today.</p></div>"
        '<div class="d-none d-print-block"><p>This printout is subject to copyright and may not'
        " be reproduced without permission.</p></div>"
        f'<div class="d-none d-md-block"><p>{_MORE}</p></div></article>'
    )
    assert texts(document) == [_STORY, _MORE]


def test_a_photo_s_copyright_line_is_not_a_passage_but_its_caption_is() -> None:
    """'<span class="story-image-copyright">EPA</span>' under a photo was a passage of its
    own, "EPA"; the caption saying who is in the photo is kept."""
    caption = "The harbour master on the north quay, where the boats will be moored"
    document = _page(
        f'<article><h1>Harbour wall</h1><p>{_STORY}</p><figure><span class="image-and-copyright">'
        '<img src="/quay.jpg" alt=""><span class="story-image-copyright">EPA</span></span>'
        f"<figcaption>{caption}</figcaption></figure><p>{_MORE}</p></article>"
    )
    assert texts(document) == [_STORY, caption, _MORE]


def test_a_date_named_so_in_a_list_of_releases_stays_with_its_release() -> None:
    """A box named as a date is the page's dateline only when it is most of its line: in a list
    of releases ('<li><span class="date">2024-05-01</span> — Released 2.0</li>') it dates the
    release, and was dropped from it."""
    releases = "".join(
        f'<li><span class="date">2024-0{n}-01</span> — Released 2.{n}</li>' for n in range(1, 4)
    )
    document = _page(f"<article><h1>Harbour app</h1><p>{_STORY}</p><ul>{releases}</ul></article>")
    assert texts(document)[1:] == [f"2024-0{n}-01 — Released 2.{n}" for n in range(1, 4)]


# ---------------------------------------------------------------- a reviewer's pages: what stays
def _read(html: str) -> ParsedDocument:
    return read("page.html", html.encode("utf-8"))


def test_a_heading_whose_id_says_related_heads_its_section_of_the_post() -> None:
    """A heading's id is made of its words ("related-work"): the post's whole body, which opens
    with it, was dropped as a box of related stories."""
    document = _read(
        "<html><body><article><h1>Predicting tides</h1><div class='post-content'>"
        f"<h2 id='related-work'>Related work</h2><p>{_STORY}</p>"
        f"<h2 id='recommendations'>Recommendations</h2><p>{_MORE}</p></div></article></body></html>"
    )
    assert [(b.section, b.text) for b in document.blocks] == [
        ("Related work", _STORY),
        ("Recommendations", _MORE),
    ]


def test_a_headline_linking_to_its_own_page_is_the_title() -> None:
    """WordPress writes '<h1 itemprop="headline"><a itemprop="mainEntityOfPage">': the link
    was dropped as metadata and the title fell back to the site's name."""
    document = _read(
        "<html><head><title>Site name | Blog</title></head><body><article itemscope"
        " itemtype='https://schema.org/BlogPosting'><header><h1 itemprop='headline'><a"
        " href='/post/1' itemprop='mainEntityOfPage'>How we moved the harbour crane</a></h1>"
        f"</header><div itemprop='articleBody'><p>{_STORY}</p></div></article></body></html>"
    )
    assert document.title == "How we moved the harbour crane"


def test_dates_in_a_table_a_heading_a_sentence_or_a_release_list_are_text() -> None:
    document = _read(
        "<html><body><main><h1>Ferry history</h1><p>These are the dates the boats entered"
        " service on the crossing between the two harbours.</p><table><tr><th>Boat</th>"
        "<th>Entered service</th></tr><tr><td>Heron</td><td class='date'>3 June 1954</td></tr>"
        "<tr><td>Osprey</td><td class='date'>1 April 1988</td></tr></table>"
        "<ul class='releases'><li><time class='published'>January 1, 2023</time>: first"
        " release</li></ul><p class='updated'>Updated in 2019: the winter crossing now runs"
        " twice a day.</p><h3><span class='date'>March 3, 2021</span></h3><p>On this day the"
        " Heron was retired after sixty seven years on the crossing.</p></main></body></html>"
    )
    found = texts(document)
    assert "Boat: Heron | Entered service: 3 June 1954" in found
    assert "January 1, 2023: first release" in found
    assert "Updated in 2019: the winter crossing now runs twice a day." in found
    assert any(b.section == "March 3, 2021" for b in document.blocks)
    assert document.date is None  # a date of the table is not the page's


def test_a_listed_books_author_and_date_are_its_own_not_the_pages() -> None:
    document = _read(
        "<html><body><main><h1>Further reading</h1><p>Books on the theory, in the order they"
        " were published, with a note on each one for the reader.</p><ul><li itemscope"
        " itemtype='http://schema.org/Book'><span itemprop='name'>Relativity</span>, <span"
        " itemprop='author'>Albert Einstein</span>, <span itemprop='datePublished'>1916</span>"
        "</li></ul></main></body></html>"
    )
    assert "Relativity, Albert Einstein, 1916" in texts(document)
    assert document.author is None and document.date is None


def test_a_top_bars_date_is_the_day_the_page_was_saved_not_the_article_s() -> None:
    document = _page(
        "<div class='topbar'><span class='date'>Saturday, 5 December 2026</span></div>"
        f"<article><h1>Harbour wall</h1><p>{_STORY}</p><p>{_MORE}</p></article>"
    )
    assert document.date is None


def _titled(head: str, body: str) -> ParsedDocument:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return read("page.html", html.encode("utf-8"))


def test_an_h1_inside_the_post_is_a_section_when_a_heading_above_names_the_page() -> None:
    """A blog post was titled by an <h1> halfway down it ("But what they love is …") though
    <title>, og:title and the <h2> over the post say "What do people love about Rust?"."""
    document = _titled(
        "<title>What do people love about Rust? | Rust Blog</title>",
        '<header><h2>What do people love about Rust?</h2></header><div class="publish-date-author">'
        f"Dec. 19, 2025 · Niko Matsakis</div><div class='post'><p>{_STORY}</p>"
        f"<h1>But what they love is the sense of empowerment</h1><p>{_MORE}</p></div>",
    )
    assert document.title == "What do people love about Rust?"
    assert document.date == "2025-12-19"
    assert document.blocks[-1].section == "But what they love is the sense of empowerment"


def test_a_numbered_h1_is_the_first_section_not_the_title() -> None:
    """SQLite's SELECT page was titled "1. Overview", the first of its numbered <h1>s."""
    document = _titled(
        "<title>SELECT</title>",
        f"<h1>1. Overview</h1><p>{_STORY}</p><h1>2. The LIMIT clause</h1><p>{_MORE}</p>",
    )
    assert document.title == "SELECT"
    assert [b.section for b in document.blocks] == ["1. Overview", "2. The LIMIT clause"]


def test_a_headline_over_a_dek_repeating_the_title_stays_the_title() -> None:
    """A news page's <title> is often its dek, set as an <h2> under the headline: the <h1>
    above is still the title."""
    document = _titled(
        "<title>Fishermen welcome the works | Gazette</title>",
        f"<article><h1>Harbour wall</h1><h2>Fishermen welcome the works</h2><p>{_STORY}</p>"
        "</article>",
    )
    assert document.title == "Harbour wall"


def test_a_dateline_time_and_a_question_s_asked_date_are_the_document_s_date() -> None:
    """A blog's '<time datetime="2025-12-15T15:33Z">15 Dec, 2025</time>' on its own line was
    a passage and no date; a Q&A page's '<time itemprop="dateCreated">' (asked) was no date."""
    blog = _page(
        '<article><h1>Harbour wall</h1><p><i><time datetime="2025-12-15T15:33Z">15 Dec, 2025'
        f"</time></i></p><p>{_STORY}</p><p>{_MORE}</p></article>"
    )
    assert blog.date == "2025-12-15"
    assert texts(blog) == [_STORY, _MORE]
    asked = _page(
        '<div id="question"><h1>Harbour wall?</h1><div>asked <time itemprop="dateCreated"'
        f' datetime="2011-02-11T23:49:10">Feb 11, 2011 at 23:49</time></div><p>{_STORY}</p></div>'
    )
    assert asked.date == "2011-02-11"


def test_a_page_updated_stamp_is_no_passage() -> None:
    """ "Page updated: 12 November 2025" was a passage, twice."""
    stamp = "<p>Page updated: 12 November 2025</p>"
    document = _page(f"<article><h1>Harbour wall</h1>{stamp}<p>{_STORY}</p>{stamp}</article>")
    assert texts(document) == [_STORY]
    assert document.date == "2025-11-12"


def test_a_paywall_a_donation_widget_and_a_link_preview_are_not_the_story() -> None:
    """A news page's paywall ("$39/month Get Started", "Already have an account? Log in"), a
    donation appeal in a WordPress widget under the story, a forum's preview box of a linked
    page and a blog's figures for its analytics ("3078", "210412") were passages; a link inside
    a sentence, named so too, stays its words."""
    paywall = (
        '<div class="restricted-content-breaker"><p>STAT+ Exclusive Story</p><p>Monthly</p>'
        "<p>$39</p><p>Totals $468 per year</p><p>Already have an account? Log in</p></div>"
    )
    donation = (
        '<section class="below-content widget widget_block"><h4>Since you made it to the bottom'
        " of this article, we have a small favor to ask.</h4><p>Double my donation</p></section>"
    )
    preview = '<aside class="onebox githubissue"><p>opened 12:59AM - 02 May 24 UTC</p></aside>'
    linked = (
        'See also <a class="inline-onebox" href="https://example.org/q/1">How to rebuild a'
        " harbour wall</a> for the method."
    )
    document = _page(
        f"<article><h1>Harbour wall</h1><p>{_STORY}</p>{paywall}<p>{_MORE}</p>{preview}"
        f"<p>{linked}</p>{donation}"
        '<div id="analytics-post-info"><div id="analytics-post-info-wordcount">3078</div></div>'
        "</article>"
    )
    assert texts(document) == [
        _STORY,
        _MORE,
        "See also How to rebuild a harbour wall for the method.",
    ]


def test_the_headline_and_summary_run_together_are_not_read_twice() -> None:
    """A box repeating the headline and the summary for voice assistants read as one passage,
    "Plumbers are training … a bill Oklahoma plumbers are …", beside the summary itself."""
    summary = "Fishermen welcomed the news of the harbour wall, which is to be rebuilt."
    document = _page(
        f'<main><div class="speakable"><b>Harbour wall to be rebuilt</b> <b>{summary}</b></div>'
        f"<article><h1>Harbour wall to be rebuilt</h1><p>{summary}</p><p>{_STORY}</p></article>"
        "</main>"
    )
    assert texts(document) == [summary, _STORY]


def test_an_empty_on_this_page_box_heads_no_section() -> None:
    """An "On this page" box its scripts fill with the page's anchors headed the intro."""
    document = _page(
        '<article><h1>Harbour wall</h1><section class="inline-anchor-links"><h2>On this page'
        f"</h2></section><p>{_STORY}</p><h2>The works</h2><p>{_MORE}</p></article>"
    )
    assert [b.section for b in document.blocks] == [None, "The works"]


def test_a_page_laid_out_in_a_table_keeps_its_dateline_as_its_date() -> None:
    document = _read(
        "<html><body><table><tr><td class='nav'><a href='/'>Home</a></td><td><h1>Crane moved"
        "</h1><p class='byline'>By <span itemprop='author'>Jane Doe</span> · <span"
        f" class='date'>November 18, 2019</span></p><p>{_STORY}</p><p>{_MORE}</p></td></tr>"
        "</table></body></html>"
    )
    assert texts(document) == [_STORY, _MORE]
    assert (document.date, document.author) == ("2019-11-18", "Jane Doe")


def test_a_long_dateline_is_the_date_but_a_sentence_in_a_box_named_so_is_text() -> None:
    document = _page(
        "<article><h1>Harbour wall</h1><div class='post-date'>Posted by Jane Doe on Monday,"
        f" November 18, 2019 at 8:22 AM</div><p>{_STORY}</p><p class='updated'>Updated in"
        " 2019: the winter crossing now runs twice a day.</p></article>"
    )
    assert texts(document) == [_STORY, "Updated in 2019: the winter crossing now runs twice a day."]
    assert document.date == "2019-11-18"


def test_an_answers_byline_is_no_passage_and_a_page_of_quotes_has_no_author() -> None:
    answer = (
        "<div itemscope itemtype='https://schema.org/Answer'><p>{text}</p><div class='user'>"
        "answered <span itemprop='dateCreated' title='2014-02-04'>Feb 4, 2014</span> by <span"
        " itemprop='author' itemscope itemtype='https://schema.org/Person'><span"
        " itemprop='name'>poke</span></span></div></div>"
    )
    document = _page(answer.format(text=_STORY) + answer.format(text=_MORE))
    assert texts(document) == [_STORY, _MORE]
    quotes = "".join(
        f"<div itemscope itemtype='http://schema.org/CreativeWork'><span>{text}</span> by"
        f" <small itemprop='author'>{who}</small></div>"
        for text, who in [(_STORY, "Albert Einstein"), (_MORE, "J.K. Rowling")]
    )
    assert _page(quotes).author is None


def test_a_dated_cell_is_the_tables_a_top_bars_time_not_the_page_s_date() -> None:
    document = _read(
        "<html><body><div class='topbar'><time datetime='2026-12-05'>Saturday, 5 December"
        " 2026</time></div><article itemscope itemtype='https://schema.org/BlogPosting'><h1"
        " itemprop='name'>Treaties</h1><p>By <span itemprop='author'>Jane Doe</span></p>"
        f"<p>{_STORY}</p><table><tr><th>Treaty</th><th>Signed</th></tr><tr><td>Trianon</td>"
        "<td><time datetime='1920-06-04'>4 June 1920</time></td></tr><tr><td>Riga</td><td>"
        "<span class='date'>18 March 1921</span></td></tr></table></article></body></html>"
    )
    found = texts(document)
    assert "Treaty: Trianon | Signed: 4 June 1920" in found
    assert "Treaty: Riga | Signed: 18 March 1921" in found
    assert not any(text.startswith("By") for text in found)  # the article's own byline
    assert document.date is None and document.author == "Jane Doe"
