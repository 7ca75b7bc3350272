"""Reader problems testers found in real files, each in a small file built here: a book's title
repeated in capitals over its text, cited twice ("Contribución … › CONTRIBUCION …"); two headings
in one type, one right under the other, read as one ("Planning your workshop Planning
Checklist"); a saved lesson page whose "Last updated on …" line was a passage and whose whole
text stood under the last heading of its overview box ("Objectives")."""

from __future__ import annotations

from pdfmaker import Text, make_pdf

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

_BOOK = """The Project Gutenberg EBook of Contribución Para El Estudio, by Ana Pardo

Title: Contribución Para El Estudio

Author: Ana Pardo

Release Date: March 20, 2005 [EBook #15421]

Language: Spanish

*** START OF THIS PROJECT GUTENBERG EBOOK CONTRIBUCION ***


AL SEÑOR

DON FERNANDO BLUMENTRITT

_En testimonio de amistad y respeto._

Paris, 1º Julio 1884.




CONTRIBUCION  PARA EL ESTUDIO

Cuando los españoles llegaron al Archipielago Filipino, encontraron
que sus habitantes tenian sus alfabetos y su manera de escribir própia.

Si bien su estudio parece poco interesante, es sinembargo curioso y útil
para la historia de aquellas islas.



NOTAS

Las notas del autor van aquí, con sus fuentes y sus fechas de
publicación en Madrid y en Manila.

*** END OF THIS PROJECT GUTENBERG EBOOK CONTRIBUCION ***
"""


def _sections(document: ParsedDocument) -> dict[str, tuple[str, ...]]:
    """Each block's first words → its headings, outermost first."""
    return {
        " ".join(b.text.split()[:3]): (*b.above, *([b.section] if b.section else []))
        for b in document.blocks
    }


def test_a_books_title_repeated_in_capitals_over_its_text_heads_nothing() -> None:
    document = read("contribucion.txt", _BOOK.encode())
    assert document.title == "Contribución Para El Estudio"
    sections = _sections(document)
    # Accents, case and spacing aside it is the title: citing it again would say it twice.
    assert sections["Cuando los españoles"] == ()
    assert sections["Si bien su"] == ()
    assert sections["Las notas del"] == ("NOTAS",)


def test_a_heading_repeating_the_title_leaves_the_headings_under_it_in_force() -> None:
    markdown = (
        "# Guía de instalación\n\nUna guía breve para instalar el programa en casa.\n\n"
        "## GUIA DE INSTALACION\n\nPrimero descargue el archivo de la página del proyecto.\n\n"
        "### Requisitos\n\nHace falta Python 3.11 o posterior en el sistema.\n"
    )
    sections = _sections(read("guia.md", markdown.encode()))
    assert sections["Primero descargue el"] == ()
    assert sections["Hace falta Python"] == ("Requisitos",)


_CHECKLIST = [
    "Use this list to be sure you have given time and thought to each item in turn.",
    "Not all items on this checklist are required, but all should be considered now.",
]


def _guide() -> bytes:
    page = [
        Text(72, 780, "Teaching Online", 22),
        Text(72, 740, "Most of this guide is about the days before a workshop and during it.", 10),
        Text(72, 700, "Planning your workshop", 14),
        Text(72, 670, "Planning Checklist", 14),  # twice its size below: a heading of its own
        *(Text(72, 650 - 12 * i, line, 10) for i, line in enumerate(_CHECKLIST)),
        Text(72, 590, "Choosing the conferencing platform for", 14),
        Text(72, 573, "your learners", 14),  # wrapped at the heading's own leading
        Text(72, 550, "The platform must let learners share their screens with helpers.", 10),
    ]
    return make_pdf([page])


def test_two_headings_in_one_type_one_under_the_other_are_two() -> None:
    sections = _sections(read("guide.pdf", _guide()))
    assert sections["Use this list"] == ("Planning Checklist",)
    wrapped = "Choosing the conferencing platform for your learners"
    assert sections["The platform must"] == (wrapped,)


_LESSON = """<!doctype html><html><head><title>Licensing – Version Control with Git</title></head>
<body><nav><a href="index.html">Home</a> <a href="setup.html">Setup</a></nav>
<main><div class="container lesson-content">
<h1>Licensing</h1>
<p>Last updated on 2025-01-10 | <a href="https://example.org/edit">Edit this page</a></p>
<div class="overview card"><h2 class="card-header">Overview</h2>
 <div class="row"><div class="inner"><h3 class="card-title">Questions</h3>
  <ul><li>What licensing information should I include with my work?</li></ul></div>
 <div class="inner"><h3 class="card-title">Objectives</h3>
  <ul><li>Explain why adding licensing information to a repository is important.</li>
  <li>Choose a proper license.</li></ul></div></div></div>
<p>As an open source project, Software Carpentry relies on volunteers to create our lessons
and includes a file named LICENSE in all public lesson repositories.</p>
<div class="callout discussion"><span class="callout-header">Discussion</span>
 <div class="callout-inner"><h3 class="callout-title">Can I Use Open License?</h3>
 <p>Find out whether you are allowed to apply an open license to your software.</p></div></div>
<p>At the end of the day what matters is that there is a clear statement as to what the
license is, chosen from the get-go.</p>
<div class="callout keypoints"><span class="callout-header">Key Points</span>
 <div class="callout-inner"><ul><li>People who are not lawyers should not try to write
 licenses from scratch.</li></ul></div></div>
</div></main></body></html>"""


def test_a_lessons_boxes_head_only_their_own_text() -> None:
    sections = _sections(read("licensing.html", _LESSON.encode()))
    assert sections["Choose a proper"] == ("Overview", "Objectives")
    # After the overview box and after the callout, the text is the page's again.
    assert sections["As an open"] == ()
    assert sections["Find out whether"] == ("Can I Use Open License?",)
    assert sections["At the end"] == ()
    assert sections["People who are"] == ("Key Points",)


def test_a_pages_last_updated_line_and_its_boxes_kind_are_no_passages() -> None:
    texts = [block.text for block in read("licensing.html", _LESSON.encode()).blocks]
    assert not any("Last updated" in text for text in texts)
    assert "Discussion" not in texts and "Key Points" not in texts


def test_a_heading_alone_in_its_box_heads_the_text_after_the_box() -> None:
    page = (
        "<html><body><main><h1>Release notes</h1>"
        "<div class='release-head'><h2>Version 2.0</h2></div>"
        "<p>This release drops support for Python 3.8 and adds a new configuration format.</p>"
        "</main></body></html>"
    )
    sections = _sections(read("notes.html", page.encode()))
    assert sections["This release drops"] == ("Version 2.0",)


def test_a_challenges_solution_folded_in_the_box_after_it_stands_under_the_challenge() -> None:
    page = """<html><body><main><h1>Conflicts</h1>
<p>People who work in parallel will sooner or later change the same lines of a file.</p>
<div class="callout challenge"><span class="callout-header">Challenge</span>
 <div class="callout-inner"><h3 class="callout-title">Conflicts on Non-textual files</h3>
 <div class="callout-content"><p>What does Git do when two people change one image?</p></div>
 </div></div>
<div class="accordion challenge-accordion"><div class="accordion-item">
 <button class="accordion-button"><h4 class="accordion-header">Show me the solution</h4></button>
 <div class="accordion-collapse collapse"><div class="accordion-body">
 <p>Git cannot merge images: we must check out the version we want to keep.</p>
 </div></div></div></div>
<p>Back in the lesson, everyone pulls before they start to work on the next change.</p>
</main></body></html>"""
    sections = _sections(read("conflicts.html", page.encode()))
    assert sections["What does Git"] == ("Conflicts on Non-textual files",)
    assert sections["Git cannot merge"] == ("Conflicts on Non-textual files",)
    assert sections["Back in the"] == ()


# A help page saved as text (Microsoft 365's Arabic admin docs, tryout12): its title, then the
# same line again as the page's heading, then the text.
_ARABIC_PAGE = """إيقاف تشغيل متطلبات كلمات المرور القوية للمستخدمين


إيقاف تشغيل متطلبات كلمات المرور القوية للمستخدمين

تشرح هذه المقالة كيفية إيقاف تشغيل متطلبات كلمات المرور القوية للمستخدمين.

قبل البدء

هذه المقالة مخصصة للأشخاص الذين يديرون نهج كلمة المرور للأعمال.
"""


def test_a_title_in_a_script_without_capitals_titles_the_text() -> None:
    document = read("strong-password.txt", _ARABIC_PAGE.encode("utf-8"))
    assert document.title == "إيقاف تشغيل متطلبات كلمات المرور القوية للمستخدمين"
    assert document.blocks[0].text.startswith("تشرح هذه المقالة")
    assert document.blocks[0].section is None  # the title is cited once, not as its section too


def test_a_title_repeated_as_the_first_heading_is_read_once() -> None:
    text = (
        "Turn off strong password requirements for users\n\n\n"
        "Turn off strong password requirements for users\n\n"
        "This article explains how to turn off strong password requirements. They are on by "
        "default.\n\nYou must be a global admin to do these steps.\n"
    )
    document = read("strong-password.txt", text.encode("utf-8"))
    assert document.title == "Turn off strong password requirements for users"
    assert document.blocks[0].text.startswith("This article explains")
