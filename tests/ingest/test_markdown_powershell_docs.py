"""PowerShell's documentation (MicrosoftDocs/PowerShell-Docs), the kind a tester indexed in
tryout 17: Microsoft Learn's pages with DocFX front matter, nested lists, and platyPS's cmdlet
reference (a parameter's metadata as a YAML block). Real pages in fixtures/powershell-docs
(sources in fixtures/SOURCES.md) and small handwritten ones.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.passages import passages
from retrieval.ingest.readers.markdown import read_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "powershell-docs"


def _md(source: str) -> ParsedDocument:
    return read_markdown(source.encode(), Path("page.md"))


def _quoted(document: ParsedDocument) -> list[str]:
    return [passage.text for passage in passages(document, "page.md")]


def test_a_path_in_a_nested_list_is_quoted_with_the_profile_it_is_for() -> None:
    """about_Profiles lists each profile with its paths nested under it: the path on Linux of
    "Current user, Current Host" was a passage of its own, not saying which profile it is."""
    quoted = _quoted(parsed(FIXTURES / "about_Profiles-excerpt.md"))
    linux = "Linux - ~/.config/powershell/Microsoft.PowerShell_profile.ps1"
    assert [text for text in quoted if linux in text] == [
        "Current user, Current Host\n"
        "Windows - $HOME\\Documents\\PowerShell\\Microsoft.PowerShell_profile.ps1\n"
        f"{linux}\n"
        "macOS - ~/.config/powershell/Microsoft.PowerShell_profile.ps1"
    ]
    assert "All Users, Current Host" not in quoted  # no passage of the profile's name alone
    # the flat list after it is read as before, one item a passage
    assert "All users, Current Host - $PSHOME\\Microsoft.VSCode_profile.ps1" in quoted


def test_a_long_nested_list_and_an_introduced_one_read_as_before() -> None:
    long_item = "Details " + "word " * 90
    document = _md(
        "# Page\n\nIntro sentence.\n\n"
        f"- Parent one\n  - {long_item}\n  - Short\n"
        "- Platforms:\n  - Windows\n  - Linux\n"
    )
    assert texts(document) == [
        "Intro sentence.",
        "Parent one",
        long_item.strip(),
        "Short",
        "Platforms:",
        "Windows",
        "Linux",
    ]
    assert "Platforms:\nWindows\nLinux" in _quoted(document)  # its items join it, as before


def test_nested_lists_two_deep_join_their_parents() -> None:
    source = "# Steps\n\nDo this.\n\n1. Open Settings\n   - Privacy\n     - Camera\n2. Close\n"
    document = _md(source)
    assert texts(document) == ["Do this.", "Open Settings\nPrivacy\nCamera", "Close"]


def test_a_page_is_dated_and_sourced_by_its_front_matter() -> None:
    """Every page says when it was last reviewed ("ms.date: 04/08/2026", month first) and the
    reference where it is published ("online version: https://…"): no page was dated."""
    document = parsed(FIXTURES / "ConvertTo-Json.md")
    assert document.date == "2026-04-08"  # 8 April, not 4 August
    assert document.source == (
        "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/convertto-json"
        "?view=powershell-7.5"
    )  # without Get-Help's visit counter, "&WT.mc_id=ps-gethelp"
    assert parsed(FIXTURES / "about_Profiles-excerpt.md").date == "2026-05-01"


def test_ms_date_is_read_month_first_and_only_when_it_is_a_date() -> None:
    def dated(value: str) -> str | None:
        return _md(f"---\ntitle: Page\nms.date: {value}\n---\n\nText.\n").date

    assert dated("12/04/2023") == "2023-12-04"
    assert dated("2/9/2024") == "2024-02-09"
    assert dated("31/12/2024") is None  # no month 31: not guessed day first
    assert dated("02/30/2024") is None
    assert _md("---\ndate: 2020-01-02\nms.date: 12/04/2023\n---\n\nText.\n").date == "2020-01-02"
    assert _md("---\nonline version:\n---\n\nText.\n").source is None
    tagged = "---\nonline version: https://a.example/p?WT.mc_id=x&view=7\n---\n\nText.\n"
    assert _md(tagged).source == "https://a.example/p?view=7"


def test_a_parameters_metadata_is_read_as_its_fields_not_code() -> None:
    """The block under "### -Depth" was code glued under the description: nine lines in every
    quote of a parameter, and "Default value: 2" did not say of which parameter."""
    document = parsed(FIXTURES / "ConvertTo-Json.md")
    depth = [block for block in document.blocks if block.section == "-Depth"]
    assert [block.kind for block in depth] == ["text", "text"]
    assert depth[0].text.startswith("Specifies how many levels of contained objects")
    assert not depth[0].code
    assert depth[1].text.split("\n") == [
        "-Depth",
        "Type: System.Int32",
        "Parameter Sets: (All)",
        "Required: False",
        "Position: Named",
        "Default value: 2",
        "Accept pipeline input: False",
        "Accept wildcard characters: False",
    ]  # "Aliases:", empty, left out
    assert not any("Type: System." in block.code for block in document.blocks)


def test_other_yaml_stays_code() -> None:
    source = (
        "# Config\n\n### -Name\n\nSet it so:\n\n```yaml\nType: string\nname: web\n"
        "Required: true\nPosition: 1\n```\n\n```yaml\nType: A\nRequired: B\n```\n"
    )
    blocks = _md(source).blocks
    assert [block.kind for block in blocks] == ["code", "code"]
    assert blocks[0].text == "Set it so:" and "name: web" in blocks[0].code
