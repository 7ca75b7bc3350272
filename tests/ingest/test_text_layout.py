"""Plain text as its writer laid it out: a Usenet header read for title, date and source, a
paragraph's last short sentence kept with it, a question set with a hanging indent one heading."""

from __future__ import annotations

from retrieval.ingest.pipeline import read

FAQ = """\
Archive-Name: editor-faq/stream
Posting-Frequency: irregular
Last-modified: 10 March 2003
Version: 015
URL: http://stream.example.org/faq.html

                      THE STREAM EDITOR FAQ

1. What is the stream editor?

   The stream editor reads its input from the console or from files or from both
   at once, and it sends all of its results to the console, which is normally
   the screen. Most people use the editor first for their substitution feature.
   It is often used as a find-and-replace tool.

     sed 's/^/        /' myfile >newfile   # my first script
     sed 's/^/        /' myfile | lp       # my next script

   Then I learned that the editor could display only one paragraph of a file,
   beginning at one phrase and ending at another, which saved a lot of time
   when all that was needed was a look at one part of a very long log file
   without opening it in an editor and scrolling through it page by page.

2. Where can I get the stream editor?

   Most systems already have one installed, because many of the scripts that
   start and stop the system use it; if yours does not, the package manager
   of your system can install it, and the sources can be downloaded from the
   site named in the header of this file, together with older versions.
"""


def test_a_usenet_header_gives_title_date_and_source_and_is_no_text() -> None:
    document = read("faq.txt", FAQ.encode())
    assert document.title == "THE STREAM EDITOR FAQ"
    assert (document.date, document.source) == ("2003-03-10", "http://stream.example.org/faq.html")
    everything = " ".join(f"{b.section} {b.text} {b.code}" for b in document.blocks)
    assert "Archive-Name" not in everything and "Version: 015" not in everything


def test_a_short_last_sentence_stays_in_its_paragraph() -> None:
    blocks = read("faq.txt", FAQ.encode()).blocks
    assert not any(b.text == "It is often used as a find-and-replace tool." for b in blocks)
    paragraph = next(b for b in blocks if b.text.startswith("The stream editor reads"))
    assert paragraph.text.endswith(
        "substitution feature. It is often used as a find-and-replace tool."
    )


QA = """\
Compression FAQ
===============

Q:  What do the letters of the format's name mean?

A:  Nothing at all. They are just two letters, which come from the file
    name suffix that the format uses. The suffix was picked because it
    seemed to be unused. It has no deeper meaning.

Q:  Why is the library named after the old format if its main format is new?
    Shouldn't it be named after the new one?

A:  When the design of the new format began, the idea was to replace the
    old format and to keep using the same suffix for the files it made.
    The old format became popular before the new one was finished.

Q:  Can the old files be converted quickly?

A:  Not for now. Since the tools read the old format too, it is usually
    not too bad to keep the old files in the old format as they are.

Q:  Does the library support the archive format of the other tool?

A:  No. Use the other tool, which is available for most systems, to work
    with those archives, and convert them when the tool can read them.

Q:  How can I compress many files at once with the command line tool?

A:  The tool compresses each file given to it on its own, so it is often
    combined with an archiver that first gathers the files into a single
    stream, which is then compressed as a whole for a better result.
"""


def test_a_question_set_with_a_hanging_indent_is_one_heading() -> None:
    blocks = read("faq.txt", QA.encode()).blocks
    answer = next(b for b in blocks if "the idea was to replace" in b.text)
    assert answer.section == (
        "Q: Why is the library named after the old format if its main format is new?"
        " Shouldn't it be named after the new one?"
    )


def test_an_answers_last_line_stays_in_it_however_the_lines_were_wrapped() -> None:
    blocks = read("faq.txt", QA.encode()).blocks
    answer = next(b for b in blocks if "the idea was to replace" in b.text)
    assert answer.text.endswith("The old format became popular before the new one was finished.")


def test_an_abstract_in_small_letters_with_spaced_stops_is_titled_without_the_stop() -> None:
    # An old abstract collection's record: title, then the abstract opening with it again.
    document = read(
        "1.txt",
        b"loans of journals between small libraries .\n\n"
        b"loans of journals between small libraries . the number of loans rose as the "
        b"catalogues were shared . costs fell .\n",
    )
    assert document.title == "loans of journals between small libraries"
    assert document.blocks[0].text.startswith("loans of journals between small libraries . the")
    # a note's title ends with a stop of its own: kept
    assert read("2.txt", b"git add .\n\nStages every change in the folder.\n").title == "git add ."
