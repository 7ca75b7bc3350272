"""An abbreviation the documents write out in full ("UN": "United Nations") is no name they
lack: a question using it is not declined as one about something else."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.model import Passage
from retrieval.search import judge

# Articles written as the UN Charter writes them: the Organization named in full, never "UN".
_CHARTER = (
    "# Charter of the United Nations\n\n"
    "## Article 7\n\nThere are established as principal organs of the United Nations: a General"
    " Assembly, a Security Council, an Economic and Social Council, a Trusteeship Council, an"
    " International Court of Justice and a Secretariat.\n\n"
    "## Article 92\n\nThe International Court of Justice shall be the principal judicial organ of"
    " the United Nations. It shall function in accordance with the annexed Statute.\n\n"
    "## Article 97\n\nThe Secretariat shall comprise a Secretary-General and such staff as the"
    " Organization may require. The Secretary-General shall be appointed by the General Assembly"
    " upon the recommendation of the Security Council.\n\n"
    "## Article 108\n\nAmendments to the present Charter shall come into force for all Members of"
    " the United Nations when they have been adopted by a vote of two thirds of the members of"
    " the General Assembly.\n"
)


def _passage(text: str) -> Passage:
    return Passage(id="d-1", doc="d.md", title="d", section=None, paragraph=1, text=text)


@pytest.mark.parametrize(
    ("name", "text", "spelled"),
    [
        ("UN", "the principal judicial organ of the United Nations.", True),
        ("UN's", "Members of the United Nations shall settle disputes.", True),
        ("ООН", "главным судебным органом Организации Объединенных Наций.", True),
        ("WWII", "Since World War II, spending per student has increased.", True),
        ("ECHR", "the European Convention on Human Rights was signed", True),  # "on" skipped
        ("ONU", "los Miembros de las Naciones Unidas", False),  # the O is never written
        ("UN", "Under new rules the council meets twice.", False),  # "new" opens no name
        ("Lisbon", "the Lisbon Treaty", False),  # a name, not an abbreviation
    ],
)
def test_an_abbreviation_written_out_in_a_passage(name: str, text: str, spelled: bool) -> None:
    assert judge.spelled_out(name, [_passage(text)]) is spelled


# Articles written as the European Convention writes them: the Court named in full, never
# by its initials.
_CONVENTION = (
    "# Convention for the Protection of Human Rights and Fundamental Freedoms\n\n"
    "## Article 19\n\nTo ensure the observance of the engagements undertaken by the High"
    " Contracting Parties, there shall be set up a European Court of Human Rights.\n\n"
    "## Article 22\n\nThe judges shall be elected by the Parliamentary Assembly with respect"
    " to each High Contracting Party by a majority of votes cast from a list of three"
    " candidates nominated by the High Contracting Party.\n\n"
    "## Article 23\n\nThe judges shall be elected for a period of nine years. They may not be"
    " re-elected.\n\n"
    "## Article 35\n\nThe Court may only deal with the matter after all domestic remedies have"
    " been exhausted, within a period of four months from the date on which the final decision"
    " was taken.\n"
)


@pytest.fixture(scope="module")
def convention(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"convention.md": _CONVENTION})


def test_a_question_naming_the_court_by_its_initials_is_not_declined(
    convention: Library,
) -> None:
    answer = convention.answer("Which article sets up the ECHR?")
    assert answer.confidence < judge.NAMED_DECLINE_BELOW  # declined, were "ECHR" a name
    assert answer.outcome != "declined"
    assert answer.hits[0].passage.section == "Article 19"


def test_a_name_no_document_writes_in_any_form_still_declines(convention: Library) -> None:
    # "EFTA" is neither in the Convention nor spelled out there: another subject.
    answer = convention.answer("Which article sets up the EFTA?")
    assert answer.confidence < judge.NAMED_DECLINE_BELOW
    assert answer.outcome == "declined"
