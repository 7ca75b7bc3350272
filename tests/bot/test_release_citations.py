"""A release's notes are cited with their release: the answer to "which version …?" is on
screen even when the note stands two headings under it. Through the real Application."""

from __future__ import annotations

from pathlib import Path

from tgfakes import RecordingRequest, html_problems, own_corpus, running_bot, visible

from bot.settings import Settings

CHANGELOG = """\
# CHANGELOG

## 0.66.0

### Breaking changes

#### Compatibility changes

Starting with this release, the tool is built with Go 1.23. Support for some old OS versions
has been dropped.

### Bug fixes

- Fixed a crash on empty input

## 0.65.2

### Bug fixes

#### Terminal handling

Fixed the cursor being left hidden after an interrupt on some terminals.
"""

GUIDE = """\
# Guide

## Timeouts

### Examples

Set the timeout to five seconds for slow servers, and to one second for local ones.
"""


def own_settings(settings: Settings, tmp_path: Path) -> Settings:
    return own_corpus(settings, tmp_path, {"CHANGELOG.md": CHANGELOG, "guide.md": GUIDE})


async def test_a_note_two_headings_under_its_release_is_cited_with_the_release(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    async with running_bot(own_settings(settings, tmp_path), request_layer) as bot:
        (answer,) = await bot.say("which version dropped support for old OS versions")
        (other,) = await bot.say("timeout for slow servers")
    assert html_problems(answer.text) == []
    cited = visible(answer.text).split("\n— ", 1)[1].split("\n", 1)[0]
    assert "0.66.0 › Breaking changes › Compatibility changes" in cited, cited
    # A section under other headings keeps the short citation: the nearest heading above it.
    cited = visible(other.text).split("\n— ", 1)[1].split("\n", 1)[0]
    assert "Timeouts › Examples" in cited and "Guide ›" not in cited, cited
