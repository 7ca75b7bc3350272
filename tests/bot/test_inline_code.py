"""Code inside a quoted sentence, as a reader of the page saw it: names and options as code,
a matched word marking its identifier whole, a label over a listing shown with its command.

A small corpus of the test's own (a shell tool's README, written as fzf's is), through the real
Application and Updates.
"""

from __future__ import annotations

from pathlib import Path

from tgfakes import RecordingRequest, html_problems, own_corpus, running_bot

from bot.render.answers import excerpt_html
from bot.settings import Settings
from retrieval.model import Excerpt, Segment

README = """\
# shelltool

## Setting up shell integration

Add the following line to your shell configuration file.

* bash
  ```sh
  # Set up key bindings and fuzzy completion
  eval "$(shelltool --bash)"
  ```
* zsh
  ```sh
  # Set up key bindings and fuzzy completion
  source <(shelltool --zsh)
  ```

> [!TIP]
> You can disable CTRL-T, CTRL-R, or ALT-C bindings by setting the
> corresponding `*_COMMAND` variable to an empty string when sourcing the
> script. For example, to disable CTRL-R and ALT-C:
>
> * bash: `TOOL_CTRL_R_COMMAND= TOOL_ALT_C_COMMAND= eval "$(shelltool --bash)"`
> * fish: `shelltool --fish | TOOL_CTRL_R_COMMAND= TOOL_ALT_C_COMMAND= source`

## Options

Set TOOL_DEFAULT_OPTS to pass default options such as `--exact` or `--no-sort` to every run;
the variable $HOME is read for the history file.
"""


def own_settings(settings: Settings, tmp_path: Path) -> Settings:
    return own_corpus(settings, tmp_path, {"README.md": README})


async def test_names_and_options_in_a_quote_are_code_and_a_match_marks_its_name_whole(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    async with running_bot(own_settings(settings, tmp_path), request_layer) as bot:
        (answer,) = await bot.say("how to disable ctrl-r with bash")
    assert html_problems(answer.text) == []
    quote = answer.text.split("</blockquote>", 1)[0]
    # The matched "CTRL" marks the variable it is part of, never a piece of it.
    assert "<b>TOOL_CTRL_R_COMMAND</b>" in quote
    assert "<b>TOOL_CTRL</b>" not in quote and "_R_COMMAND" not in quote.replace(
        "TOOL_CTRL_R_COMMAND", ""
    )
    # The names and options nobody asked about are shown as code, as the page showed them.
    assert "<code>TOOL_ALT_C_COMMAND</code>" in quote
    assert "<code>--fish</code>" in quote
    # Prose is no code.
    assert "<code>disable</code>" not in quote and "<code>bash</code>" not in quote


async def test_variables_and_options_of_a_sentence_are_code(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    async with running_bot(own_settings(settings, tmp_path), request_layer) as bot:
        (answer,) = await bot.say("which variable is read for the history file")
    assert html_problems(answer.text) == []
    quote = answer.text.split("</blockquote>", 1)[0]
    for code in ("TOOL_DEFAULT_OPTS", "--exact", "--no-sort", "$HOME"):
        assert f"<code>{code}</code>" in quote, quote


async def test_a_further_hit_that_is_a_label_over_a_listing_shows_the_command(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    async with running_bot(own_settings(settings, tmp_path), request_layer) as bot:
        (answer,) = await bot.say("set up key bindings in zsh and bash")
    assert html_problems(answer.text) == []
    lines = [line for line in answer.text.split("\n") if line[:2] in ("2.", "3.")]
    labelled = [line for line in lines if line.endswith(("</code>",)) and "¶" in line]
    # "zsh" alone said nothing of why the passage is relevant: its command comes with it.
    assert any(
        ': <code>eval "$(shelltool --bash)"</code>' in line
        or ": <code>source &lt;(shelltool --zsh)</code>" in line
        for line in labelled
    ), answer.text


async def test_a_passage_posted_whole_shows_its_code_as_code(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    async with running_bot(own_settings(settings, tmp_path), request_layer) as bot:
        (post,) = await bot.say("/quote history file")
    assert html_problems(post.text) == []
    quote = post.text.split("</blockquote>", 1)[0]
    for code in ("TOOL_DEFAULT_OPTS", "--exact", "--no-sort", "$HOME"):
        assert f"<code>{code}</code>" in quote, quote


def test_an_excerpt_cut_to_fit_never_cuts_a_marked_name_or_code() -> None:
    # tryout20's "Also relevant" line ended "<b>ASN1_D</b> …": a constant cut in two.
    excerpt = Excerpt(
        (
            Segment("Returns "),
            Segment("ASN1_SUCCESS", True),
            Segment(" if encoding OK, and "),
            Segment("ASN1_TAG_ERROR", True),
            Segment(" or ASN1_DER_ERROR otherwise."),
        )
    )
    whole = excerpt_html(excerpt, 10_000)
    assert "<b>ASN1_TAG_ERROR</b>" in whole and "<code>ASN1_DER_ERROR</code>" in whole
    for budget in range(10, len(whole)):
        shown = excerpt_html(excerpt, budget)
        assert html_problems(shown) == []
        for name in ("ASN1_SUCCESS", "ASN1_TAG_ERROR", "ASN1_DER_ERROR"):
            for cut in range(4, len(name)):
                assert f">{name[:cut]}<" not in shown, (budget, shown)


async def test_a_passage_sent_in_several_messages_shows_its_code_as_code_in_each(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    # review15-b: a passage too long for one message had its first part plain and the later
    # ones with their names as code (each part was filled to the limit without the code marks).
    names = ", ".join(f"TOOL_LIMIT_{n} for worker {n}" for n in range(150))
    sentences = f"The settings that cap the queue of a worker at run time are {names}."
    own = own_corpus(
        settings, tmp_path, {"limits.md": f"# Limits\n\n## Queue caps\n\n{sentences}\n"}
    )
    async with running_bot(own, request_layer) as bot:
        await bot.say("which setting caps the queue of a worker")
        parts = await bot.say("1")
    assert len(parts) > 1
    for part in parts:
        assert html_problems(part.text) == []
        quote = part.text.split("<blockquote>", 1)[1]
        assert "<code>TOOL_LIMIT_" in quote and len(part.text) <= 4096, part.text[:300]
