"""A book's or a form's front matter as producers leave it: a program's default title in the
properties, a contents page without leaders or numbered entries (Free Culture's, pdf.js's
freeculture.pdf: "PREFACE xiii", "INTRODUCTION 1", "CHAPTER ONE: Creators 21"), which was
indexed as a passage and cited for questions about piracy."""

from __future__ import annotations

from pdfmaker import Text, make_pdf, titled
from readerfiles import texts

from retrieval.ingest.pipeline import read

CONTENTS = [
    "PREFACE xiii",
    "INTRODUCTION 1",
    "“PIRACY” 15",
    "CHAPTER ONE: Creators 21",
    "CHAPTER TWO: “Mere Copyists” 31",
    "CHAPTER THREE: Catalogs 48",
    "Film 53",
    "Recorded Music 55",
]
BODY = [
    "At the end of his review of my first book, the critic wrote that software had no",
    "capacity to punish anyone who was not online, and that one could always switch off.",
]
PRICES = ["Tea 4", "Coffee 3", "Cake 6", "Scones 5", "Soup 8", "Bread 2"]


def _book(entries: list[str], heading: str = "CONTENTS") -> bytes:
    contents = [Text(200, 760, heading, 15)]
    contents += [Text(100, 700 - 15 * i, entry, 9.8) for i, entry in enumerate(entries)]
    body = [Text(72, 700 - 14 * i, line, 10.5) for i, line in enumerate(BODY)]
    return make_pdf([contents, body])


def test_a_contents_page_whose_pages_run_on_in_order_is_no_passage() -> None:
    document = read("freeculture.pdf", _book(CONTENTS))
    text = " ".join(block.text + block.code for block in document.blocks)
    assert "Creators 21" not in text and "PREFACE" not in text
    assert "capacity to punish" in text


def test_a_list_of_numbers_in_no_order_under_contents_is_kept() -> None:
    # a menu's prices, under a heading that happens to read "Contents": not a contents list
    document = read("menu.pdf", _book(PRICES, "Contents"))
    assert "Cake 6" in " ".join(block.text + block.code for block in document.blocks)


def test_illustrators_untitled_is_no_title() -> None:
    page = [Text(72, 700 - 14 * i, line, 10.5) for i, line in enumerate(BODY)]
    document = read("harbour-report.pdf", titled(make_pdf([page]), "Untitled-1"))
    assert document.title != "Untitled-1"
    assert texts(document)
