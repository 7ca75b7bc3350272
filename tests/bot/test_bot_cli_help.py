"""`quotebot COMMAND --help` as a new admin reads it: what the command does, and the defaults.

Each subcommand's own help said nothing of what it does (the one line was only in the list of
`quotebot --help`), and `--corpus` said "folder of documents" without its default.
"""

from __future__ import annotations

import pytest

from bot.cli import main


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse's wrapping aside


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("sources", "title (author), date, paragraphs and file name"),
        ("chat", 'a result\'s number ("2") to quote it'),
        ("index", "every file newly not indexed is named with the reason"),
        ("ask", "title, author, section, paragraph, page, date, source"),
        ("search", "id, doc, title, author, section, above, paragraph, page, lang, score"),
        ("run", "without a token, the terminal chat"),
    ],
)
def test_each_command_says_what_it_does_and_where_its_documents_are(
    capsys: pytest.CaptureFixture[str], command: str, says: str
) -> None:
    shown = help_of(capsys, command)
    assert says in shown
    assert "--corpus CORPUS folder of documents (default: " in shown
    assert "QUOTEBOT_CORPUS sets another" in shown
