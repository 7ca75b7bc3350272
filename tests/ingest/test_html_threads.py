"""Saved pages whose main content is not one story: a thread of posts, a page of lists, a
manual page's options. Each page is written here in the shape measured on saved pages of the
WCXB benchmark (not committed); the rules read the markup, never a site's name."""

from __future__ import annotations

from readerfiles import texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read


def _page(body: str, title: str = "Thread") -> ParsedDocument:
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return read("page.html", html.encode("utf-8"))


def _comment(author: str, text: str) -> str:
    """A post as a forum writes it for its author to edit: in a form of hidden fields, under a
    tagline whose fold toggle runs a script."""
    return (
        f'<div class="thing comment"><p class="tagline"><a href="javascript:void(0)">[–]</a>'
        f'<a href="/user/{author}">{author}</a> <span class="score dislikes">11 points</span>'
        '<span class="score unvoted">12 points</span><span class="score likes">13 points</span>'
        '</p><form class="usertext">'
        f'<input type="hidden" name="thing_id" value="t1"><div class="md"><p>{text}</p></div>'
        "</form></div>"
    )


def test_posts_in_forms_of_hidden_fields_are_the_thread() -> None:
    """An old-style forum thread came out as its vote counters only ("[–] 188 points189
    points190 points (11 children)"): each post's text is in a form for its author to edit,
    and forms were dropped. A form with nothing to fill in shows text; a search form goes."""
    posts = [
        "Might this also be a cure for tinnitus, if we can grow new cilia in the inner ear?",
        "Thankfully, I no longer notice the ringing unless someone brings it up again.",
        "You are correct: there are no actual hairs in the inner ear, but hair cells.",
        "I will wear mouse hair if that is what it takes, and I will wear it proudly.",
    ]
    thread = "".join(_comment(f"user{n}", post) for n, post in enumerate(posts))
    body = (
        '<form action="/search"><input name="q" type="text"><p>Search the forum</p></form>'
        f'<div role="main" class="commentarea">{thread}</div>'
    )
    found = texts(_page(body))
    assert all(post in found for post in posts)
    assert "user0 12 points" in found  # (the scores once voted up or down are hidden)
    assert not any("[–]" in text or "Search the forum" in text for text in found)


def _link_list(names: list[str]) -> str:
    items = "".join(f'<li><a href="/wiki/{name}">{name}</a></li>' for name in names)
    return f'<div class="div-col"><ul>{items}</ul></div>'


def test_a_page_that_is_lists_of_links_is_read_as_its_lists() -> None:
    """A wiki's "List of programming languages" was skipped as "no main text (only navigation
    …)": every list is mostly links, as a menu is. When the lists are the page they are its
    text; a menu named so (the wiki's navigation box) still goes."""
    intro = (
        'This is an index to notable <a href="/wiki/PL">programming languages</a>, in current'
        ' or historical use. <a href="/wiki/Esoteric">Esoteric languages</a> are not included.'
    )
    letters = {
        "A": ["ABAP", "Ada", "ALGOL 60", "APL", "AWK"],
        "B": ["B", "BASIC", "BCPL", "Bash", "BETA"],
        "Z": ["Z shell", "ZetaLisp", "Zig", "Zonnon", "ZPL"],
    }
    more = [f"{letter}-{n} language" for letter in letters for n in range(12)]  # (a long page)
    letters["Z"] += more
    lists = "".join(f"<h2>{letter}</h2>{_link_list(names)}" for letter, names in letters.items())
    menu = '<table class="navbox">' + "".join(
        f'<tr><td><a href="/wiki/m{n}">Menu entry {n}</a></td></tr>' for n in range(6)
    )
    body = f'<main><h1>List of programming languages</h1><div class="body"><p>{intro}</p>'
    document = _page(body + f"{lists}{menu}</table></div></main>", "List of programming languages")
    found = texts(document)
    assert found[0].startswith("This is an index to notable programming languages")
    assert "Zig" in found and "ALGOL 60" in found
    assert not any(text.startswith("Menu entry") for text in found)
    assert [b.section for b in document.blocks if b.text == "Zig"] == ["Z"]


_OPTIONS = """
   <b>Generic Program Information</b>
       <b>--help </b>Output a usage message and exit.

       <b>-V</b>, <b>--version</b>
              Output the version number of <b>grep </b>and exit.

   <b>Matching Control</b>
       <b>-i</b>, <b>--ignore-case</b>
              Ignore case distinctions in patterns and input data, so
              that characters that differ only in case match each other.

       <b>-l</b>, <b>--files-with-matches</b>
              Suppress normal output; instead print the name of each
              input file from which output would normally have been
              printed.
"""


def _man_page(sections: dict[str, str]) -> ParsedDocument:
    top = '<a href="#top_of_page"><span class="top-link">top</span></a>'
    body = "".join(
        f"<h2>{name} &nbsp; {top}</h2><pre>{text}</pre>" for name, text in sections.items()
    )
    return _page(body, "grep(1) — Linux manual page")


def test_a_man_page_typeset_in_pre_is_read_as_its_options() -> None:
    """man7.org's grep(1) came out as 15 passages of code, OPTIONS one of 15,807 characters,
    cited "OPTIONS top": each option is a paragraph of its own, its term and description, under
    its subsection; the section's "top" link is no part of its name."""
    document = _man_page(
        {
            "NAME": "\n       grep - print lines that match patterns\n",
            "OPTIONS": _OPTIONS,
            "EXAMPLE": "\n       The following example lists the lines.\n\n"
            "         $ grep -n -- 'f.*\\.c$' *g*.h /dev/null\n",
        }
    )
    option = next(b for b in document.blocks if b.text.startswith("-i, --ignore-case"))
    assert option.text == (
        "-i, --ignore-case: Ignore case distinctions in patterns and input data, so that"
        " characters that differ only in case match each other."
    )
    assert (option.kind, option.section, option.above) == ("text", "Matching Control", ("OPTIONS",))
    assert "-V, --version: Output the version number of grep and exit." in texts(document)
    assert document.blocks[0].text == "grep - print lines that match patterns"
    sections = {b.section for b in document.blocks}
    assert sections >= {"NAME", "EXAMPLE", "Generic Program Information"}
    example = document.blocks[-1]
    assert example.code.strip() == "$ grep -n -- 'f.*\\.c$' *g*.h /dev/null"
    assert example.text == "The following example lists the lines."


def test_code_in_pre_stays_code_beside_a_man_page() -> None:
    """A program's source is no typeset prose, however many words its comments hold."""
    source = (
        "\ndef pairwise(iterable):\n    # pairwise('ABCDEFG') returns AB BC CD DE EF FG\n"
        "    iterator = iter(iterable)\n    a = next(iterator, None)\n    for b in iterator:\n"
        "        yield a, b\n        a = b\n"
    )
    document = _page(f"<main><h1>Recipes</h1><p>The recipe reads:</p><pre>{source}</pre></main>")
    assert [b.kind for b in document.blocks] == ["code"]
    assert document.blocks[0].code.startswith("def pairwise(iterable):")


def test_a_wiki_s_code_box_keeps_its_sentence_file_name_and_warning_apart() -> None:
    """ArchWiki's sudo page: the sentence introducing a file's lines was split from them by a
    warning box, which became the code's text, and the file's name (set in a box of its own
    above its lines) became code. The sentence, the file's name and its lines are one passage;
    the warning is a passage "Warning: …" after them."""
    body = (
        "<main><h1>Sudo</h1><h2>Example entries</h2>"
        "<p>To disable asking for a password for user <code>archie</code>:\n</p>"
        '<div class="template-box template-box-warning"><strong>Warning</strong> This will allow'
        " any process running with your user name to use sudo without asking.</div>"
        "<pre>/etc/sudoers.d/90-archie_nopasswd</pre><pre>Defaults:archie      !authenticate</pre>"
        "<p>The owner and group of the file must both be root, and nobody else may write it.</p>"
        "</main>"
    )
    blocks = _page(body, "Sudo - ArchWiki").blocks
    code = blocks[0]
    assert code.text == (
        "To disable asking for a password for user archie: /etc/sudoers.d/90-archie_nopasswd"
    )
    assert code.code == "Defaults:archie      !authenticate"
    assert blocks[1].kind == "text"
    assert blocks[1].text.startswith("Warning: This will allow any process")


def _post(number: int, author: str, text: str) -> str:
    """A post of a FluxBB thread: its number and date, the author's card, the message."""
    return (
        f'<div id="p{number}" class="blockpost row{"odd" if number % 2 else "even"}">'
        f'<h2><span>#{number} <a href="?pid={number}">2025-11-0{number} 06:23:21</a></span></h2>'
        f'<div class="box"><div class="postleft"><dl><dt><strong>{author}</strong></dt>'
        f"<dd><span>Registered: 2016-07-02</span></dd><dd><span>Posts: 710</span></dd></dl></div>"
        f'<div class="postright"><h3>Re: Arch ISO size</h3><div class="postmsg"><p>{text}</p>'
        '</div></div><div class="postfoot"><p><span>Offline</span></p></div></div></div>'
    )


def test_every_post_of_a_thread_is_the_page_without_the_authors_cards() -> None:
    """An Arch forum thread kept only its first post, the question, so the question itself was
    quoted as the answer; each post also came with "Registered: …", "Posts: 710", "Offline"."""
    question = (
        "According to the release list, why did the ISO size increase so rapidly from 2024 to "
        "2025, from about 800 MB to 1.4 GB? That is almost twice as large as a year before."
    )
    reply = (
        "The May 2024 image changed the UEFI boot loader from GRUB back to systemd-boot, which"
        " means the kernel and initramfs need to be duplicated; the rest is general bloat."
    )
    posts = _post(1, "chunix", question) + _post(2, "nl6720", reply)
    body = f'<div id="brdmain"><div class="linkst">Index » Arch Discussion</div>{posts}</div>'
    document = _page(body, "Arch ISO size / Arch Forums")
    assert texts(document) == [question, reply]


def test_a_forum_s_code_box_loses_its_select_all_button() -> None:
    """phpBB sets "Code: Select all" over every box of code: the button runs a script, and the
    label is the box's, so the code is introduced by the sentence before it. Its bar of actions
    ("Locked", a hidden menu's "Print view") and a site's notice under a thread are no posts."""
    body = (
        "<main><h1>Turning off the LEDs</h1><p>This works on the Pi 5 to turn off the power and"
        ' activity LEDs:</p><div class="codebox"><p>Code: <a href="#" onclick="selectCode(this);'
        ' return false;">Select all</a></p><pre><code>dtparam=pwr_led_trigger=none</code></pre>'
        "</div><p>Reboot afterwards and both LEDs stay dark, as far as I can tell here.</p></main>"
    )
    bar = (
        '<div class="action-bar top"><div class="buttons"><a class="button">Locked</a></div>'
        '<div class="dropdown hidden"><ul><li><a href="?view=print">Print view</a></li></ul></div>'
        "</div>"
    )
    notice = '<div class="js-bottom-notice"><p>Start asking to get answers</p></div>'
    blocks = _page(
        body.replace("<main>", f"<main>{bar}").replace("</main>", f"{notice}</main>")
    ).blocks
    assert blocks[0].text == "This works on the Pi 5 to turn off the power and activity LEDs:"
    assert not any(
        b.text in ("Locked", "Print view", "Start asking to get answers") for b in blocks
    )
    assert blocks[0].code == "dtparam=pwr_led_trigger=none"


def test_a_page_encoded_twice_is_repaired_in_code_and_text_alike() -> None:
    """Saved Python docs and man7 pages encoded twice ("→" as the bytes c3 a2 c2 86 c2 92) had
    their titles mended but kept "# combinations('ABCD', 2) â AB AC" in code and "â¨https://
    …â©" in text."""
    page = (
        "<html><head><title>itertools — Functions creating iterators</title></head><body><main>"
        "<h1>itertools — Functions creating iterators</h1><p>Roughly equivalent to:</p>"
        "<pre>def pairwise(iterable):\n    # pairwise('ABCDEFG') → AB BC CD DE EF FG\n"
        "    return zip(iterable, iterable[1:])</pre><p>More at ⟨https://www.gnu.org/⟩.</p>"
        "</main></body></html>"
    )
    twice = page.encode("utf-8").decode("latin-1").encode("utf-8")
    document = read("page.html", twice)
    assert document.title == "itertools — Functions creating iterators"
    assert "# pairwise('ABCDEFG') → AB BC CD DE EF FG" in document.blocks[0].code
    assert document.blocks[-1].text == "More at ⟨https://www.gnu.org/⟩."
