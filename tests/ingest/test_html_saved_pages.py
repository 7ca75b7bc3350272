"""Pages a newsroom saves from its browser (File → Save As): their text read as a browser shows
it, whatever their encoding, and their words found however the page marks them up.

The pages are written here in the shapes of the real pages they stand for (NHK News Web Easy's
glossary links and furigana, a Russian sports site's Windows-1251 bytes): the rules read the
markup and the bytes, never a page's words."""

from __future__ import annotations

from readerfiles import texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read


def _read(html: str, encoding: str = "utf-8") -> ParsedDocument:
    return read("page.html", html.encode(encoding))


def _glossary(word: str, reading: str) -> str:
    """A word as NHK News Web Easy marks it: a link opening the glossary, its furigana above."""
    return (
        "<a href='javascript:void(0)' class='dicWin'><ruby><span class=\"under\">"
        f"{word}</span><rt>{reading}</rt></ruby></a>"
    )


def test_furigana_are_not_read_into_the_words_and_glossary_words_stay() -> None:
    """The readings set over a word (``<rt>``) were read inline ("法律ほうりつ"), and every word
    linked to the glossary pop-up was dropped as a button: "子どもへのをなくすための…"."""
    sentence = (
        f"<ruby>子<rt>こ</rt></ruby>どもへの{_glossary('虐待', 'ぎゃくたい')}をなくすための"
        f"<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>ができて、"
        f"{_glossary('親', 'おや')}が<ruby>子<rt>こ</rt></ruby>どもを教育するために、"
        f"{_glossary('体罰', 'たいばつ')}を{_glossary('禁止', 'きんし')}することになりました。"
    )
    document = _read(
        "<html><head><title>NHK NEWS WEB EASY</title></head><body><article><h1>"
        "<ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を禁止する"
        f"<ruby>法律<rt>ほうりつ</rt></ruby>ができる</h1><p>{sentence}</p></article></body></html>"
    )
    assert document.title == "子どもへの体罰を禁止する法律ができる"
    assert texts(document) == [
        "子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、"
        "体罰を禁止することになりました。"
    ]


def test_a_link_that_runs_a_script_beside_no_sentence_is_still_a_button() -> None:
    """A forum's "Code: Select all" over its box of code is no text of the post."""
    document = _read(
        "<html><body><article><p>Run this once the wall is rebuilt and the quay reopened:</p>"
        '<div class="codebox"><p>Code: <a href="#" onclick="selectCode(this)">Select all</a>'
        "</p><pre>make harbour</pre></div></article></body></html>"
    )
    assert not any("Select all" in text for text in texts(document))


_RUSSIAN = (
    "Ветеран сборной Германии Лукаш Подольски принял решение прекратить выступления за"
    " Бундестим. Он провел 129 матчей, забив в них 48 голов."
)
_CHINESE = (
    "香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。"
)


def test_a_page_whose_bytes_are_not_in_the_charset_it_declares_is_read_in_theirs() -> None:
    """A page saved as Windows-1251 bytes under '<meta charset="utf-8">' was skipped as "no
    main text": its bytes were read as UTF-8, every letter a replacement mark."""
    html = (
        '<html><head><meta charset="utf-8"><title>Подольски завершил карьеру</title></head>'
        f"<body><article><p>{_RUSSIAN}</p><p>{_RUSSIAN}</p></article></body></html>"
    )
    assert texts(_read(html, "cp1251")) == [_RUSSIAN, _RUSSIAN]


def test_a_page_without_a_charset_is_read_in_the_encoding_its_bytes_fit() -> None:
    """A page saved as "HTML only", its charset having come in the server's header, holds
    none: GBK bytes read as cp1252 gave no letters of any language."""
    html = (
        "<html><head><title>港特首梁振英就住宅违建事件道歉</title></head>"
        f"<body><article><p>{_CHINESE}</p><p>{_CHINESE}</p></article></body></html>"
    )
    document = _read(html, "gbk")
    assert document.title == "港特首梁振英就住宅违建事件道歉"
    assert texts(document) == [_CHINESE, _CHINESE]


def test_a_western_page_without_a_charset_is_still_read_as_windows_1252() -> None:
    text = "Die Gebühren fallen weg, sagte der Bürgermeister am Dienstag in München."
    html = f"<html><body><article><p>{text}</p></article></body></html>"
    assert texts(_read(html, "cp1252")) == [text]


_STORY = (
    "The council voted on Tuesday to rebuild the old harbour wall, before the winter storms."
    " Engineers said the stones had shifted after the spring floods, and could not hold another"
    " season."
)


def test_the_date_in_a_byline_is_the_page_s_not_a_sidebar_story_s() -> None:
    """A WordPress byline's "Published December 21, 2016 at 8:31am" (in "entry-meta") went
    unread, and the page was dated as the first story of its "Popular Right Now" box."""
    card = (
        '<article class="post-summary"><h2><a href="/other">Another story</a></h2>'
        '<div class="entry-meta"><span class="entry-date">August 9, 2022 at 4:03pm</span></div>'
        "</article>"
    )
    document = _read(
        '<html><body><main><article><header><h1>Harbour wall</h1><div class="entry-meta">'
        '<span>By <a href="/author/jane">Jane Doe</a><br>Published December 21, 2016 at 8:31am'
        f"</span></div></header><p>{_STORY}</p></article><aside>{card}</aside></main></body>"
        "</html>"
    )
    assert document.date == "2016-12-21"
    assert texts(document) == [_STORY]


def test_a_time_in_a_byline_dates_the_page() -> None:
    """Vox's '<time class="c-byline__item" datetime=…>' beside the author's name, and
    Radio-Canada's "Publié le 13 mars 2017" under a cookie notice above the headline."""
    byline = (
        '<div class="c-byline">By <span class="c-byline__item">Aja Romano</span> <time'
        ' class="c-byline__item" datetime="2016-12-10T15:20:01">Dec 10, 2016, 10:20am EST'
        "</time></div>"
    )
    document = _read(f"<html><body><article><h1>Harbour wall</h1>{byline}<p>{_STORY}</p>")
    assert document.date == "2016-12-10"
    notice = f"<div class='cookie-alert'><p>{_STORY} We use cookies to run the site.</p></div>"
    document = _read(
        f"<html><body>{notice}<div><h1>Harbour wall</h1><div><time datetime='2017-03-13"
        f" 19:18:46.402+00:00'>Publié le 13 mars 2017</time></div><p>{_STORY}</p></div>"
    )
    assert document.date == "2017-03-13"


def _titled(head: str, body: str, canonical: str) -> ParsedDocument:
    return _read(
        f"<html><head><title>{head}</title><link rel='canonical' href='{canonical}'>{body}</html>"
    )


def test_the_sites_name_is_no_part_of_the_title_nor_its_author() -> None:
    """ "… | Reuters", "… | Die Tagespost", "… - Spektrum der Wissenschaft" kept the site's
    name, unlike pages titled by their <h1>; and the publisher was cited as the author."""
    body = f"<body><div><p>{_STORY}</p></div></body>"
    reuters = _titled("Fed lifts rates | Reuters", body, "https://www.reuters.com/a/1")
    assert reuters.title == "Fed lifts rates"
    spektrum = _titled(
        "Genetik: Riesenblumen - Spektrum der Wissenschaft", body, "https://www.spektrum.de/n"
    )
    assert spektrum.title == "Genetik: Riesenblumen"
    trail = _titled(
        "Anticorrupción decidirá » Local » Noticias » Ultima Hora",
        body,
        "https://www.ultimahora.es/n",
    )
    assert trail.title == "Anticorrupción decidirá"
    meta = (
        "<meta name='author' content='Ediciones El País'>"
        "<meta name='DC.publisher' content='Ediciones El País'></head>"
    )
    elpais = _titled("Las listas de espera", meta + body, "http://sociedad.elpais.com/s/1")
    assert elpais.author is None
    # A part of the title that only shares a word with the address stays.
    kept = _titled("Harbour news - Weather today", body, "https://www.news.com/a")
    assert kept.title == "Harbour news - Weather today"


def test_a_writer_whose_site_is_named_after_them_is_the_author() -> None:
    """Paul Graham's essay at paulgraham.com had no author: his name, spelt as the address,
    was taken for the site's; a publisher is the one the page's metadata names so."""
    meta = "<meta name='author' content='Paul Graham'></head>"
    essay = _titled(
        "How to Do Great Work",
        meta + f"<body><article><h1>How to Do Great Work</h1><p>{_STORY}</p></article></body>",
        "https://paulgraham.com/greatwork.html",
    )
    assert essay.author == "Paul Graham"
    meta = (
        "<meta name='author' content='Die Tagespost'>"
        "<meta property='og:site_name' content='die-tagespost.de'></head>"
    )
    paper = _titled(
        "Demut", meta + f"<body><div><p>{_STORY}</p></div></body>", "https://www.die-tagespost.de/a"
    )
    assert paper.author is None


def test_a_heading_naming_the_site_or_a_part_is_not_the_title() -> None:
    """MIT Technology Review's page was titled by its logo's heading, and a newsletter whose
    title stands above its <main> by the first part's heading ("News & general")."""
    logo = _titled(
        "CRISPR Patents Spark Fight | MIT Technology Review",
        "<meta property='og:site_name' content='MIT Technology Review'></head><body>"
        "<h2>MIT Technology Review</h2><div><h1>Who Owns the Biggest Biotech Discovery?</h1>"
        f"<p>{_STORY}</p></div></body>",
        "https://www.technologyreview.com/s/532796/",
    )
    assert logo.title != "MIT Technology Review"
    issue = _read(
        "<html><head><title>cron.weekly issue #130: Github, redis6</title></head><body><header>"
        "<h1>cron.weekly issue #130: Github, redis6</h1></header><main><h1>News &amp; general</h1>"
        f"<p>{_STORY}</p></main></body></html>"
    )
    assert issue.title == "cron.weekly issue #130: Github, redis6"
    assert issue.blocks[0].section == "News & general"


def test_a_links_screen_reader_label_is_not_read_into_the_sentence() -> None:
    """Radio-Canada's "(Nouvelle fenêtre)", set in a "hidden-tag" span for screen readers,
    was glued into the sentence: "Un article sur ce sujet (Nouvelle fenêtre)avait été publié"."""
    sentence = (
        "Pourtant, le lien n'était pas un secret. <a href='http://www.cbc.ca/news/1'>Un article"
        " sur ce sujet \ufeff<span class='hidden-tag'> (Nouvelle fenêtre)</span></a>avait été"
        " publié en juin dernier par CBC alors que le juge était déjà saisi du dossier."
    )
    document = _read(f"<html><body><article><h1>Affaire KPMG</h1><p>{sentence}</p></article>")
    assert texts(document) == [
        "Pourtant, le lien n'était pas un secret. Un article sur ce sujet avait été publié en"
        " juin dernier par CBC alors que le juge était déjà saisi du dossier."
    ]


def test_a_card_of_another_story_and_a_photos_enlarge_link_are_not_the_story() -> None:
    """The Guardian's rich link among the paragraphs was read as "Standing Rock protest: …
    evacuationRead more", and NPR's photo link "Enlarge this image" as a passage."""
    card = (
        "<figure class='element-rich-link'><a href='https://example.com/news/2016/evacuation'>"
        "<div>Standing Rock protest: governor orders immediate evacuation</div><div>Read more"
        "</div></a></figure>"
    )
    photo = (
        "<div class='image'><img src='a.jpg' alt=''><div class='enlarge-options'><a"
        " href='https://media.example.org/img/2016/ap_1634-s1200.jpg'>Enlarge this image</a>"
        "</div></div><p>Police stand guard during a prayer ceremony on the bridge.</p>"
    )
    document = _read(
        f"<html><body><article><h1>Harbour wall</h1><p>{_STORY}</p>{card}{photo}"
        f"<p>{_STORY}</p></article></body></html>"
    )
    assert texts(document) == [
        _STORY,
        "Police stand guard during a prayer ceremony on the bridge.",
        _STORY,
    ]


def test_a_box_with_a_heading_a_sentence_or_a_caption_of_its_own_is_no_card() -> None:
    """A section headed "Download" whose sentence holds one long link, and a photo whose
    caption is a link to its source, were dropped whole as cards of other stories."""
    section = (
        "<section><h2>Download</h2><p>Get it from <a href='https://github.com/example/tool/"
        "releases'>the GitHub releases page</a> today.</p></section>"
    )
    figure = (
        "<figure><img src='everest.jpg' alt=''><figcaption><a href='https://example.org/photos/"
        "everest'>Mount Everest seen from the south col</a></figcaption></figure>"
    )
    document = _read(
        f"<html><body><main><h1>Tool</h1><p>{_STORY}</p>{section}{figure}<p>{_STORY}</p>"
        "</main></body></html>"
    )
    assert "Get it from the GitHub releases page today." in texts(document)
    assert "Mount Everest seen from the south col" in texts(document)


def test_a_figure_whose_picture_links_to_its_file_keeps_its_caption() -> None:
    figure = (
        "<figure><a href='/img/harbour-wall.jpg'><img src='/img/harbour-wall-small.jpg'></a>"
        "<figcaption>The wall in 1954</figcaption></figure>"
    )
    document = _read(f"<html><body><article><h1>Harbour</h1><p>{_STORY}</p>{figure}</article>")
    assert "The wall in 1954" in texts(document)


def test_a_records_short_lines_broken_by_br_are_one_passage() -> None:
    """A box-office column's "Deepwater Horizon" / "My Guess: $18,000,000" / "Actual:
    $20,606,000" were passages of their own: none said which film a figure was for."""
    record = (
        "<p><i>Deepwater Horizon</i><br> <strong>My Guess:</strong> <a href='/a'>$18,000,000</a>"
        "<br> <strong>Nick’s Guess:</strong> $19,500,000<br> <strong>Actual:</strong>"
        " $20,606,000<br> <strong>Result:</strong> Nick wins again! The combined powers of Mark"
        " Wahlberg and Kurt Russell must have been helping him.</p>"
    )
    post = f"<p>{_STORY}<br><br>{_STORY}<br><br>{_STORY}</p>"
    document = _read(f"<html><body><article><h1>Box Office</h1>{record}{post}</article>")
    assert texts(document) == [
        "Deepwater Horizon\nMy Guess: $18,000,000\nNick’s Guess: $19,500,000\nActual:"
        " $20,606,000\nResult: Nick wins again! The combined powers of Mark Wahlberg and Kurt"
        " Russell must have been helping him.",
        _STORY,
        _STORY,
        _STORY,
    ]


def test_japanese_lines_mixing_kanji_and_kana_are_text_not_a_language_bar() -> None:
    """JVN's CVSS list lost five of its eight items: a line of kanji, hiragana and katakana
    ("攻撃に必要な特権レベル: 不要") was taken for a bar of three languages' names."""
    items = ["攻撃元区分: ネットワーク", "攻撃に必要な特権レベル: 不要", "機密性への影響(C): 高"]
    listed = "".join(f"<li>{item}</li>" for item in items)
    document = _read(
        "<html><body><div id='main'><h2>CVSS による深刻度</h2><p>CVSS v3 による深刻度 基本値:"
        f" 9.8 (緊急)</p><ul>{listed}</ul><p>{_STORY}</p></div></body></html>"
    )
    assert all(item in texts(document) for item in items)
    document = _read(f"<html><body><div><p>{_STORY}</p><p>English 日本語 Русский</p></div>")
    assert texts(document) == [_STORY]  # a bar of languages' names is still furniture


def test_a_photos_credit_closing_its_caption_is_dropped() -> None:
    """The Guardian's captions were quoted with their credit: "Police use a water cannon on
    Standing Rock protesters last week. Photograph: Stephanie Keith/Reuters"."""
    figure = (
        "<figure><img src='a.jpg'><figcaption><span>Police use a water cannon on protesters"
        " last week.</span> Photograph: Stephanie Keith/Reuters</figcaption></figure>"
    )
    credit_only = "<figure><img src='b.jpg'><figcaption>Photo: Jane Doe</figcaption></figure>"
    document = _read(
        f"<html><body><article><h1>Harbour</h1><p>{_STORY}</p>{figure}{credit_only}</article>"
    )
    assert texts(document)[:2] == [_STORY, "Police use a water cannon on protesters last week."]


def test_punctuation_for_screen_readers_keeps_a_kicker_apart_from_its_headline() -> None:
    """Spektrum's '<span class="sr-only">: </span>' between the kicker and the headline,
    which its layout sets on two lines, was dropped: "Genetik Das Geheimnis …"."""
    heading = (
        '<h2><span class="kicker">Genetik</span><span class="sr-only">: </span> <span>Das'
        ' Geheimnis der Riesenblumen</span></h2><span class="sr-only">Anzeige</span>'
    )
    document = _read(f"<html><body><article><h1>Spektrum</h1>{heading}<p>{_STORY}</p>")
    assert [(b.section, b.text) for b in document.blocks] == [
        ("Genetik: Das Geheimnis der Riesenblumen", _STORY)
    ]


def test_an_articles_footer_box_is_not_the_story() -> None:
    """Vox's '<div class="c-article-footer">' (not a <footer>) was read: "Will you support
    Vox's explanatory journalism? Millions turn to Vox …"."""
    appeal = (
        '<div class="c-article-footer"><p><strong><a href="/support">Will you support our'
        " explanatory journalism?</a></strong></p><p>Millions turn to us to understand what is"
        " happening in the news. Financial contributions from our readers are critical.</p></div>"
    )
    document = _read(f"<html><body><article><h1>Harbour</h1><p>{_STORY}</p>{appeal}</article>")
    assert texts(document) == [_STORY]


def test_a_copy_of_the_story_for_voice_assistants_is_not_its_first_passage() -> None:
    """NPR's hidden box of speakable lines (its headline and summary for voice assistants)
    stood first and outranked the story for a question the story answers."""
    copy = (
        '<div class="speakable"><b data-is-speakable="">Harbour wall to be rebuilt : City</b>'
        ' <b data-is-speakable="">The council will rebuild the harbour wall.</b></div>'
    )
    headline = '<h1 data-is-speakable="">Harbour wall to be rebuilt</h1>'
    document = _read(f"<html><body><main>{copy}<article>{headline}<p>{_STORY}</p></article>")
    assert texts(document) == [_STORY]
    assert document.title == "Harbour wall to be rebuilt"


def test_a_writers_name_set_in_the_headline_is_not_the_title() -> None:
    """Nikkei's '<h1>headline<br><span>編集委員　中沢克二</span></h1>' gave the title
    "米朝首脳直通電話 習氏に挑むトランプ戦術の成否 編集委員 中沢克二"; its <title> has no name."""
    document = _read(
        "<html><head><title>米朝首脳直通電話　習氏に挑むトランプ戦術の成否　：日本経済新聞"
        "</title></head><body><article><h1><span>米朝首脳直通電話　習氏に挑むトランプ戦術の成否"
        f"</span><br><span>編集委員　中沢克二</span></h1><p>{_STORY}</p></article></body></html>"
    )
    assert document.title == "米朝首脳直通電話 習氏に挑むトランプ戦術の成否"
    two_lines = _read(
        "<html><head><title>Harbour wall: the vote</title></head><body><article><h1>Harbour"
        f" wall:<br>the vote</h1><p>{_STORY}</p></article></body></html>"
    )
    assert two_lines.title == "Harbour wall: the vote"
