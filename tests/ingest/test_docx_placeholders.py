"""Word's content controls nobody filled in show a prompt, not text to quote.

Apache POI's test files: a form's drop-down showing "Choose an item.", Word's résumé template with
one field filled in, and controls marked as showing their placeholder that hold their own text.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

POI = Path(__file__).parent / "fixtures" / "poi"
PROMPTS = ("Choose an item.", "Click here to enter text", "[Job Title]", "[Address 1]", "[Company]")


def test_a_drop_down_nobody_chose_from_leaves_its_row_without_the_prompt() -> None:
    said = texts(parsed(POI / "tika-3816.docx"))
    assert said == ["Sample 1:", "Note | Details", "Here is just a sample"]
    # Controls marked as showing their placeholder, not saying what it ("Click here to enter
    # text.") says: the text is the controls' own, and read.
    (text,) = texts(parsed(POI / "55966.docx"))
    assert "text content from within a paragraph" in text
    assert "second control with a new" in text


def test_a_template_keeps_what_was_filled_in_and_none_of_its_prompts() -> None:
    said = texts(parsed(POI / "60316.docx"))
    assert "Allison, Timothy B." in said  # the one field filled in
    assert "References are available upon request." in said  # the template's own sentence
    assert not [text for text in said if any(prompt in text for prompt in PROMPTS)]
    # nor its instructions, a building block's paragraph shown until replaced
    assert not [text for text in said if "click the plus sign" in text]
