"""A synonym group that names something is a name; a general one is only a way of saying it."""

from __future__ import annotations

from pathlib import Path

from retrieval.library import Library
from retrieval.search.analyzer import Synonyms


def test_groups_written_with_a_capital_are_names() -> None:
    synonyms = Synonyms(
        [
            ("Belt and Road", "BRI", "One Belt One Road"),
            ("percent", "percentage", "per cent"),
            ("setup", "set up", "setting up"),
            ("weapons of mass destruction", "WMD"),  # an abbreviation in capitals names it
        ]
    )
    assert synonyms.names == {"_belt_and_road", "_weapons_of_mass_destruction"}


def test_a_general_word_no_passage_writes_does_not_decline_the_question(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "survey.txt").write_text(
        "Glacier Survey\n\nThe glacier lost a fifth of its ice between 2000 and 2020, and its "
        "tongue retreated by forty metres in the last year of the survey alone.\n",
        encoding="utf-8",
    )
    (tmp_path / "synonyms.txt").write_text(
        "percent | percentage | per cent\nBelt and Road | BRI\n", encoding="utf-8"
    )
    library = Library.open(tmp_path / "s.db", corpus, synonyms_path=tmp_path / "synonyms.txt")
    try:
        # "percentage" is worded otherwise here ("a fifth"): the closest passage is offered.
        general = library.answer("What percentage of its ice did the glacier lose?")
        assert general.outcome != "declined"
        assert general.hits[0].passage.doc == "survey.txt"
        # A name the documents never write is another subject.
        assert library.answer("What did the Belt and Road do for the glacier?").outcome == (
            "declined"
        )
    finally:
        library.close()
