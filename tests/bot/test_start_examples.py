"""/start offers example questions from the documents' text, never from what a book carries
besides it (a licence appendix, an index): a new user's first tap should show what the
documents answer. Through the real Application."""

from __future__ import annotations

from pathlib import Path

import pytest
from tgfakes import RecordingRequest, own_corpus, running_bot

from bot.settings import Settings
from retrieval.library import back_matter

BODY = "\n\n".join(
    f"The encoder writes tag {n} in the short form when its value is below thirty-one, and in "
    f"the long form otherwise; decoders read either form of tag {n}."
    for n in range(6)
)
LICENCE = "\n\n".join(
    f"Clause {n}. You may copy and distribute the Document in any medium, provided that this "
    f"License, the copyright notices, and the license notice are reproduced in all copies."
    for n in range(14)
)
INDEX = "\n\n".join(f"asn1_function_{n}: page {n + 10}." for n in range(10))
MANUAL = (
    f"# Encoding manual\n\n## Tag encoding\n\n{BODY}\n\n"
    f"## A.1 GNU Free Documentation License\n\n{LICENCE}\n\n## Function Index\n\n{INDEX}\n"
)


async def _start_labels(own: Settings, request_layer: RecordingRequest) -> list[str]:
    """The labels of the example buttons /start offers with the settings ``own``."""
    async with running_bot(own, request_layer) as bot:
        (reply,) = await bot.say("/start")
    return [button["text"] for button in reply.buttons]


async def test_start_examples_come_from_the_text_not_from_a_licence_or_an_index(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    own = own_corpus(settings, tmp_path, {"manual.md": MANUAL})
    labels = await _start_labels(own, request_layer)
    assert any("Tag encoding" in label for label in labels), labels
    assert not any("License" in label or "Index" in label for label in labels), labels


def _paragraphs(subject: str, count: int) -> str:
    return "\n\n".join(
        f"Note {n} on {subject}: the committee reviewed the {subject} guidance in session {n} "
        f"and kept its advice on {subject} for the coming year."
        for n in range(count)
    )


async def test_start_offers_body_sections_that_only_name_a_licence_or_an_index(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    # review15-b: "Choosing a license" (a licensing FAQ's main topic), "Glycemic index" and a
    # part numbered "I.2" were taken for a book's back matter and never offered.
    guide = (
        f"# Guide\n\n## Choosing a license\n\n{_paragraphs('licensing', 9)}\n\n"
        f"## Glycemic index\n\n{_paragraphs('nutrition', 8)}\n\n"
        f"## I.2 Getting started\n\n{_paragraphs('onboarding', 7)}\n\n"
        f"## Tag encoding\n\n{BODY}\n"
    )
    labels = await _start_labels(own_corpus(settings, tmp_path, {"guide.md": guide}), request_layer)
    for topic in ("Choosing a license", "Glycemic index", "I.2 Getting started"):
        assert any(topic in label for label in labels), (topic, labels)


async def test_start_leaves_out_a_chinese_appendix_and_the_parts_of_an_appendix(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    # review15-b: "附录A" was offered (Chinese writes the letter right after 附录).
    guide = (
        f"# 手册\n\n## 附录A 术语\n\n{_paragraphs('glossary', 12)}\n\n"
        f"## Appendix B\n\n### B.1 Command list\n\n{_paragraphs('commands', 11)}\n\n"
        f"## Tag encoding\n\n{BODY}\n"
    )
    labels = await _start_labels(own_corpus(settings, tmp_path, {"guide.md": guide}), request_layer)
    assert any("Tag encoding" in label for label in labels), labels
    assert not any("附录" in label or "B.1" in label for label in labels), labels


@pytest.mark.parametrize(
    ("heading", "back"),
    [
        ("Приложение в Kubernetes", False),  # "application in": "в" is no appendix's letter
        ("Приложение и сервис", False),
        ("Anexo a la ley", False),
        ("Приложение А. Термины", True),
        ("Appendix B", True),
        ("Anexo I", True),
    ],
)
def test_an_appendix_is_named_by_a_capital_letter_or_a_number(heading: str, back: bool) -> None:
    # finalread15-b: Russian and Spanish one-letter words ("в", "и", "a") read as an
    # appendix's letter kept "Приложение в Kubernetes" (an application) out of /start.
    assert back_matter(heading) is back
