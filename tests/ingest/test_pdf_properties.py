"""A PDF's title and authors from its properties, when they plainly give them (tryout 6,
finding 11).

What a user would notice: the IRS's Form 1040NR was titled "OMB No. 1545-0074 U.S. Nonresident
Alien Income Tax Return" (its largest line, the form's number glued in front) though its
properties say "2007 Form 1040NR", and every citation carried the prefix; the Semantic Scholar
paper showed no author, its properties listing all 23 ("… ; Hsu-Han Ooi ; … ; oren etzioni").
"""

from __future__ import annotations

from pdfmaker import Text, make_pdf, titled

from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.common import author_names

FORM = [  # as the IRS sets it: "Form" small beside "1040NR" in large type, the year apart
    Text(300, 740, "OMB No. 1545-0074 U.S. Nonresident Alien Income Tax Return", 14),
    Text(40, 705, "Form", 7),
    Text(60, 705, "1040NR", 24),
    Text(500, 693, "2007", 22),
    Text(120, 700, "For the year January 1–December 31, 2007, or other tax year", 8),
    Text(40, 680, "Your first name and initial   Last name   Identifying number (see page 8)", 8),
    Text(40, 660, "Present home address (number, street, and apt. no., or rural route).", 8),
]


def test_a_properties_title_whose_words_the_first_page_prints_apart_is_the_title() -> None:
    document = read("f1040nr.pdf", titled(make_pdf([FORM]), "2007 Form 1040NR"))
    assert document.title == "2007 Form 1040NR"
    # a title not all of whose words the page prints is none: the page's own stays
    other = read("f1040nr.pdf", titled(make_pdf([FORM]), "2007 Budget Model"))
    assert other.title == "OMB No. 1545-0074 U.S. Nonresident Alien Income Tax Return"


def test_every_author_the_properties_list_is_named() -> None:
    written = "Waleed Ammar ; Dirk Groeneveld ; Hsu-Han Ooi ; Madeleine van Zuylen ; oren etzioni"
    assert author_names(written) == (
        "Waleed Ammar, Dirk Groeneveld, Hsu-Han Ooi, Madeleine van Zuylen, oren etzioni"
    )
    assert author_names("jsmith") is None and author_names("Windows User") is None
    assert author_names("oren etzioni") is None  # alone in small letters: maybe a login


def _bold_thai(page: list[Text]) -> bytes:
    # a two-byte font with a ToUnicode map, renamed (same length, so the file's offsets hold)
    # to one whose name says bold, as an exam's question type is
    return make_pdf([page], cjk=True).replace(b"/SimSun", b"/Heavy1")


def test_a_long_line_of_thai_in_bold_is_no_heading_to_title_the_page() -> None:
    # A Thai exam's page of questions (pdf.js's issue13211.pdf), set in bold: its first question
    # ("In the item above, and perpendicular to the plane through the origin"), a dozen words
    # but only two apart, was taken for a heading, and titled the document over its
    # properties' "Pretest วิชาสามัญ (2564)", which the page never prints.
    page = [
        Text(66, 640, "ในข้อดังกล่าว และตั้งฉากกับระนาบที่ผ่านจุดกำเนิด", 13.4),
        Text(66, 620, "เวกเตอร์ที่มีขนาดเท่ากับสาม คือเวกเตอร์ในข้อใดต่อไปนี้", 13.4),
        Text(100, 600, "1. cos 30 + i sin 30 2. cos 72 + i sin 72 3. cos 102 + i sin 102", 13.4),
        Text(100, 580, "4. cos 144 + i sin 144 5. cos 174 + i sin 174 , each of them", 13.4),
    ]
    stated = "Pretest วิชาสามัญ (2564)"
    exam = read("exam.pdf", titled(_bold_thai(page), stated))
    assert exam.title == stated
    assert exam.blocks[0].text.startswith("ในข้อดังกล่าว และตั้งฉากกับระนาบ")
    # a short Thai line in bold is a heading still: the page's title over a stray section name
    heading = [Text(66, 700, "แบบทดสอบคณิตศาสตร์", 13.4), *page]
    assert read("exam.pdf", titled(_bold_thai(heading), "Model")).title == "แบบทดสอบคณิตศาสตร์"


def test_a_thai_chapter_heading_in_bold_at_body_size_is_a_heading() -> None:
    # "Chapter 1 Background and significance of the problem", a thesis's standard first heading,
    # some eight words: each run of Thai was counted as a word and again by its letters (13),
    # so it was glued to the text under it and the document titled by its file's name.
    body = (
        "งานวิจัยนี้ศึกษาการใช้ระบบสารสนเทศ ในการจัดการทรัพยากรมนุษย์ ขององค์กรภาครัฐ"
        " ซึ่งมีปัญหาด้านข้อมูลที่กระจัดกระจาย และไม่เป็นปัจจุบัน"
    )
    heading = "บทที่ 1 ความเป็นมาและความสำคัญของปัญหา"
    page = [Text(66, 700, heading, 13.4), Text(66, 680, body, 13.4), Text(66, 660, body, 13.4)]
    thesis = read("thesis.pdf", _bold_thai(page))
    assert thesis.title == heading
    assert thesis.blocks[0].text.startswith("งานวิจัยนี้ศึกษา")
