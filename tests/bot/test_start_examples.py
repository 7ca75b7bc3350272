"""/start offers example questions from the documents' text, never from what a book carries
besides it (a licence appendix, an index): a new user's first tap should show what the
documents answer. Through the real Application."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tgfakes import RecordingRequest, running_bot

from bot.settings import Settings

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


async def test_start_examples_come_from_the_text_not_from_a_licence_or_an_index(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    folder = tmp_path / "own-corpus"
    folder.mkdir()
    (folder / "manual.md").write_text(MANUAL, encoding="utf-8")
    own = replace(settings, corpus_dir=folder, db_path=tmp_path / "own.db")
    async with running_bot(own, request_layer) as bot:
        (reply,) = await bot.say("/start")
    labels = [button["text"] for button in reply.buttons]
    assert any("Tag encoding" in label for label in labels), labels
    assert not any("License" in label or "Index" in label for label in labels), labels
