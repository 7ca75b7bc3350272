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
        f'<a href="/user/{author}">{author}</a> 12 points</p><form class="usertext">'
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
    assert not any("[–]" in text or "Search the forum" in text for text in found)
