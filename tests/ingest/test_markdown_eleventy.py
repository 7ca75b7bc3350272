"""Eleventy and Jekyll pages: the TTS handbook (18F/handbook), the kind a tester indexed in tryout
18 as a company's help bot. Its pages write links, Slack channels and pictures as Nunjucks tags
and keep their authors' notes in comments. Real pages in fixtures/tts-handbook (sources in
fixtures/SOURCES.md) and small handwritten ones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.passages import passages
from retrieval.ingest.readers.markdown import read_markdown
from retrieval.library import Library

FIXTURES = Path(__file__).parent / "fixtures" / "tts-handbook"


def _md(source: str) -> ParsedDocument:
    return read_markdown(source.encode(), Path("page.md"))


def _quoted(document: ParsedDocument) -> list[str]:
    return [passage.text for passage in passages(document, "page.md")]


def test_a_channel_alone_in_a_list_item_is_quoted_under_its_sentence() -> None:
    """ "who do I talk to about my benefits": the list item holding only the channel's tag was
    dropped, and the passage ended at "…discuss GSA benefits:" with nothing after it."""
    quoted = _quoted(parsed(FIXTURES / "benefits-excerpt.md"))
    assert "Slack channel for TTS staff to discuss GSA benefits:\npeople-ops" in quoted
    assert not [text for text in quoted if "{%" in text or "%}" in text]


def test_a_link_to_another_page_reads_as_its_text() -> None:
    document = parsed(FIXTURES / "benefits-excerpt.md")
    assert texts(document)[0].startswith(
        "If you're looking for specific benefits sites, see the benefits links page. GSA requires"
    )


def test_an_authors_comment_is_not_quoted() -> None:
    """planning.md hides a note to its authors in a comment inside a sentence."""
    quoted = _quoted(parsed(FIXTURES / "planning-excerpt.md"))
    assert "See: past impact reports:\nFY24 TTSC Impact Report TK" in "\n".join(quoted)
    assert not [text for text in quoted if "process to evaluate" in text]


def test_tags_read_as_the_built_page_shows_them() -> None:
    document = _md(
        "---\ntitle: Tags\n---\n\n"
        'Click the {% image "_img/zap_target.png" "target icon" %} (so that it turns red).\n\n'
        'Hop into {% slack_channel "equipment" %} on Slack. {# a note #}\n\n'
        '{% alert "Heads up!" %}\n  Travel needs approval.\n{% endalert %}\n\n'
        "{% if site.internal %}\nInternal staff only.\n{% endif %}\n\n"
        '{% include "low-system.html" %}\n\n'
        '{% raw %}Write {% page "/x/" %} for a link.{% endraw %}\n'
    )
    assert texts(document) == [
        "Click the target icon (so that it turns red).",
        "Hop into equipment on Slack.",
        "Heads up! Travel needs approval.",
        "Internal staff only.",
        'Write {% page "/x/" %} for a link.',
    ]


def test_jekyll_notes_headings_and_output_tags_read_as_built() -> None:
    """A box's heading was lost (14 of the TTS handbook's 26 alerts have one), a Jekyll theme's
    note box ("include note.html content=…") showed nothing, links written with "relative_url"
    and "site.repository" showed the tags raw, and a stray "{%" swallowed the text to a tag
    lines further down."""
    document = _md(
        "Written in Python {%d} style and 10% of\nthe budget {% a %}.\n\n"
        '{% alert "Add a signing key" %}\n\nPick the signing option.\n\n{% endalert %}\n\n'
        '{% include note.html content="Always restart the server after editing." %}\n\n'
        "See [How to Contribute]({{ '/docs/contributing/' | relative_url }}) and "
        "([#9392]({{ site.repository }}/issues/9392)).\n\n"
        'Use `{{ "{%include%}" }}` to include.\n\n'
        '```liquid\n{% raw %}{% image "_img/ocelot.png" "an ocelot" %}{% endraw %}\n```\n'
    )
    assert texts(document) == [
        "Written in Python {%d} style and 10% of the budget .",
        "Add a signing key: Pick the signing option.",
        "Always restart the server after editing.",
        "See How to Contribute and (#9392).",
        "Use {%include%} to include.",
    ]
    assert document.blocks[-1].code == '{% image "_img/ocelot.png" "an ocelot" %}'


def test_a_box_written_on_one_line_keeps_the_text_after_it() -> None:
    """Eleventy's docs write a callout on one line: the heading's move past blank lines swallowed
    the next heading ("…content.## Usage") and glued the next paragraph to the box; a box's
    kind ("info") is no heading."""
    document = _md(
        "# Transforms\n\n"
        '{% callout "info", "md" %}The function **must** return the content.{% endcallout %}\n\n'
        "## Usage\n\nUse `addTransform`.\n\n"
        '{% alert "Heads up" %}Read this first.{% endalert %}\n\n'
        "Another paragraph.\n"
    )
    assert [(block.section, block.text) for block in document.blocks] == [
        (None, "The function must return the content."),
        ("Usage", "Use addTransform."),
        ("Usage", "Heads up: Read this first."),
        ("Usage", "Another paragraph."),
    ]


def test_tags_only_in_code_leave_the_page_as_written() -> None:
    """A README teaching Jinja's raw block, an Angular page's pipes in inline code and a VitePress
    page showing a Nunjucks loop were read as Jekyll pages: raw marks dropped, "{{ 'x' | f }}"
    read as its value, links' addresses dropped as the site's paths. On a Jekyll page, a raw block
    in inline code showed its output tag's value, not the tag."""
    jinja = _md(
        "# Escaping\n\n```jinja\n{% raw %}\n<li>{{ item }}</li>\n{% endraw %}\n```\n\n"
        "Inline, write `{% raw %}{{ name }}{% endraw %}` to show the braces.\n"
    )
    assert jinja.blocks[0].code == "{% raw %}\n<li>{{ item }}</li>\n{% endraw %}"
    assert texts(jinja)[-1] == "Inline, write {% raw %}{{ name }}{% endraw %} to show the braces."
    angular = _md("For example, `{{ 'hello world' | titlecase }}` shows Hello World.\n")
    assert texts(angular) == ["For example, {{ 'hello world' | titlecase }} shows Hello World."]
    vitepress = _md(
        "# Templates\n\n```njk\n{% for post in posts %}{{ post.title }}{% endfor %}\n```\n\n"
        "## Guides\n\n[Server options](server-options)\n\n[Build guide](/guide/build)\n"
    )
    assert texts(vitepress)[-2:] == [
        "Server options (server-options)",
        "Build guide (/guide/build)",
    ]
    jekyll = _md(
        "{% if site.x %}{% endif %}\n\n"
        "Write `{% raw %}{{ 'hello' | upcase }}{% endraw %}` to shout.\n"
    )
    assert texts(jekyll) == ["Write {{ 'hello' | upcase }} to shout."]


def test_a_value_dropped_takes_its_emphasis_and_a_row_left_without_words() -> None:
    """Jekyll's installation page read "Ruby version **** or higher"; its permalinks page's loops
    left passages of bare punctuation (": |", ":" and "()" from its HTML table's rows)."""
    document = _md(
        "## Requirements\n\n* Ruby version **{{ site.data.ruby.min_version }}** or higher\n\n"
        "{% for entry in site.data.placeholders %}\n:{{ entry.name }} | {{ entry.desc }}\n"
        "{% endfor %}\n\nText after.\n\n<table>\n  <tr>\n    {%- for entry in site.data.x %}\n"
        "    <td><p><code>:{{ entry.name }}</code></p></td>\n"
        "    <td><small>({{ entry.note }})</small></td>\n    {%- endfor %}\n  </tr>\n</table>\n"
    )
    assert texts(document) == ["Ruby version or higher", "Text after."]


def test_a_site_path_is_no_document_beside_a_link() -> None:
    """Eleventy's '{% page "/office/" %}' is an address on the built site: a list item linking
    to it was quoted "Microsoft Office (/office/)" (78 passages of the TTS handbook)."""
    document = _md('# Tools\n\n- [Microsoft Office]({% page "/office/" %})\n- [Setup](setup.md)\n')
    assert texts(document) == ["Microsoft Office", "Setup (setup.md)"]


def test_code_keeps_its_tags() -> None:
    """A page about the site's shortcodes shows them in code, inline and in blocks; Jekyll's
    highlight block is code too."""
    document = _md(
        'Write a link as `{% page "/x/" %}`:\n\n'
        '```\n[Text]({% page "/x/" %})\n```\n\n'
        "Or in Ruby:\n\n"
        '{% highlight ruby %}\nputs "{% page %}"\n{% endhighlight %}\n'
    )
    assert texts(document) == ['Write a link as {% page "/x/" %}:', "Or in Ruby:"]
    assert [block.code for block in document.blocks] == [
        '[Text]({% page "/x/" %})',
        'puts "{% page %}"',
    ]


def test_an_attribute_list_is_no_comment() -> None:
    """ "{#side-nav}" gives a heading its id; it opens no Jinja comment running to a later "#}"."""
    document = _md("# Page\n\n## Steps {#side-nav}\n\nFirst step.\n\nSecond {# hidden #} step.\n")
    assert texts(document) == ["First step.", "Second step."]
    assert document.blocks[0].section == "Steps"


def test_a_title_written_over_two_lines_is_the_pages_title() -> None:
    """play-10.md's title is a YAML plain scalar over two indented lines: the page was listed
    as "play-10"."""
    document = parsed(FIXTURES / "play-10.md")
    assert document.title == (
        "Play 10 - Promote a healthy culture of improvement through constructive feedback"
    )


def test_folded_and_literal_titles_and_a_quoted_one_over_lines() -> None:
    for header in (
        "title: >-\n  Leave and\n  holidays\n",
        "title: |\n  Leave and\n  holidays\n",
        'title: "Leave and\n  holidays"\n',
    ):
        assert _md(f"---\n{header}---\n\nText.\n").title == "Leave and holidays"


def test_a_list_or_map_under_a_key_is_no_title_or_source() -> None:
    """Django REST framework's pages list the modules they document under "source:": no web
    address to cite, as before."""
    document = _md("---\ntitle:\n  en: Leave\nsource:\n    - views.py\n---\n\nText.\n")
    assert (document.title, document.source) == ("page", None)


def test_a_short_list_opening_its_section_is_one_passage_under_its_heading() -> None:
    """ "what's a gliding schedule": work-schedules.md lists what Gliding is under its heading
    with no sentence introducing the list, and each bullet was a passage alone ("You work 8
    hours, 5 days a week."), none saying what Gliding is."""
    document = parsed(FIXTURES / "work-schedules-excerpt.md")
    quoted = {(passage.section, passage.text) for passage in passages(document, "page.md")}
    assert (
        "Gliding",
        "You can arrive/depart within a given time range each day.\n"
        "You work 8 hours, 5 days a week.",
    ) in quoted
    assert ("Gliding", "You work 8 hours, 5 days a week.") not in quoted


def test_items_after_text_and_release_notes_entries_stay_apart() -> None:
    """A list under a paragraph of its section, which does not introduce it, is read as before;
    so are release notes, whose entries under a heading are changes of their own."""
    after_text = _md("# Page\n\n## Setup\n\nInstall it first.\n\n- Run the tests.\n- Ship it.\n")
    assert texts(after_text) == ["Install it first.", "Run the tests.", "Ship it."]
    releases = "".join(
        f"## {version} (2025-0{version[-1]}-01)\n\n- Fix the parser.\n- Add a flag.\n\n"
        for version in ("1.0.3", "1.0.2", "1.0.1")
    )
    assert len(_md(f"# Release notes\n\n{releases}").blocks) == 6


_OPTIONS = """# Settings

## Socket Binding

* `--host <str>` - Bind socket to this host. Use `--host 0.0.0.0` to make the application
available on your local network. **Default:** *'127.0.0.1'*.
* `--port <int>` - Bind to a socket with this port. If set to 0, an available port will be
picked. **Default:** *8000*.
* `--uds <path>` - Bind to a UNIX domain socket, for example `--uds /tmp/uvicorn.sock`.

## server.port

- **Type:** `number`
- **Default:** `5173`

Specifies the server port.
"""


def test_a_reference_list_naming_an_option_an_item_keeps_its_entries_apart(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    """Uvicorn's settings page lists its options as bullets under each heading; read as one
    passage a section, "which port does it bind to by default?" was answered with --host's
    default and "Default: 8000" cut off. A field and its value alone (Vite's "Type:" and
    "Default:" lines) still read together under their heading."""
    document = _md(_OPTIONS)
    assert len(texts(document)) == 5
    assert texts(document)[3] == "Type: number\nDefault: 5173"
    library = Library.open(tmp_path / "q.db", make_corpus({"settings.md": _OPTIONS}))
    try:
        top = library.answer("which port does it bind to by default?", k=3).hits[0]
        assert top.passage.text.startswith("--port <int> - Bind to a socket with this port.")
        assert "127.0.0.1" not in top.passage.text
    finally:
        library.close()


def test_a_pages_keywords_find_it_and_are_never_quoted(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    """leave.md's front matter lists "vacation, funeral, death, bereavement": the words people
    ask with, which its text never uses. A question in them found the handbook's other pages."""
    leave = (
        "---\ntitle: Family care\nkeywords: funeral, death, bereavement leave\n---\n\n"
        "You may use up to 13 days a year to care for a family member or to make arrangements "
        "after a family member passes away.\n"
    )
    travel = (
        "---\ntitle: Travel\n---\n\nAnnual leave and sick leave can be taken while you are on "
        "a trip; ask your supervisor before you take leave during travel, and log your leave.\n"
    )
    folder = make_corpus({"leave.md": leave, "travel.md": travel})
    library = Library.open(tmp_path / "q.db", folder)
    try:
        answer = library.answer("is there bereavement time off?", k=5)
        hits = answer.hits
        assert [hit.passage.doc for hit in hits][:1] == ["leave.md"]
        assert not [hit for hit in hits if "bereavement" in hit.passage.text]
        # Quoted as the answer, as a word of its heading would be (it was "I couldn't find
        # this", the page listed under "the closest passages").
        assert answer.outcome != "declined"
    finally:
        library.close()


def test_keywords_tags_and_summary_are_read_from_the_front_matter() -> None:
    document = _md(
        "---\ntitle: Leaving\nkeywords: quit, resign\ntags: [offboarding, 'exit']\n"
        "description: >\n  What to do before\n  your last day.\n---\n\nReturn your laptop.\n"
    )
    summary = "What to do before your last day."
    assert document.keywords == f"quit, resign · offboarding, exit · {summary}"
    assert texts(document) == ["Return your laptop."]
    assert _md("---\ntags:\n  - a\n  - b\n---\n\nText.\n").keywords == "a, b"


def test_a_block_scalar_holding_a_colon_and_a_quoted_comma_read_as_written() -> None:
    """A title written "title: >-" over "Kubernetes: a primer" was dropped (the page was cited by
    its file name), as was a description opening "Note:"; a keyword in quotes holding a comma
    was split inside its quotes and kept them."""
    document = _md(
        "---\ntitle: >-\n  Kubernetes: a primer\ndescription: |\n  Note: read this first.\n"
        "keywords: [alpha, \"beta, gamma\", 'it''s']\n---\n\nBody text here.\n"
    )
    assert document.title == "Kubernetes: a primer"
    assert document.keywords == "alpha, beta, gamma, it's · Note: read this first."


def test_a_title_holding_inline_html_reads_as_shown() -> None:
    """first-time-travel-get-in-concur-pre-olu.md was cited "Get set up to travel for TTS
    <em>before</em> GSA onboarding"."""
    title = "Get set up to travel for TTS <em>before</em> GSA onboarding"
    document = _md(f"---\ntitle: {title}\n---\n\nText.\n")
    assert document.title == "Get set up to travel for TTS before GSA onboarding"
    assert _md("---\ntitle: Vec<T> and <input>\n---\n\nText.\n").title == "Vec<T> and <input>"


def test_a_link_wrapped_before_its_address_reads_as_a_link() -> None:
    """washington-dc.md: "See the [WMATA website]" / "(https://wmata.com/fares/mobilepay/) for
    details." was quoted with its brackets and address."""
    document = _md(
        "# DC\n\nSee the [WMATA website]\n(https://wmata.com/fares/mobilepay/) for details.\n\n"
        "Prices [in dollars]\n(before tax) vary.\n"
    )
    assert texts(document) == [
        "See the WMATA website for details.",
        "Prices [in dollars] (before tax) vary.",  # no address: brackets and a remark
    ]


def test_a_picture_after_a_finished_sentence_is_not_read_into_it() -> None:
    # A tester's handbook quoted "… and click OK. selecting hotel booking option": the
    # screenshot's description after the step, which the page shows as a picture.
    step = (
        "Select **I will book a hotel now** and click **OK**.\n"
        '{% image "_img/book-hotel-now.png" "selecting hotel booking option" %}\n'
    )
    (block,) = _md(f"---\ntitle: Travel\n---\n\n{step}").blocks
    assert block.text == "Select I will book a hotel now and click OK."
    # Inside a sentence, a picture is read as its words ("click the gear icon").
    (block,) = _md("Click the ![gear](gear.png) icon to open the settings.\n").blocks
    assert block.text == "Click the gear icon to open the settings."
