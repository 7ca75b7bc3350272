"""A picture set beside a heading's words (an icon, a badge) is drawn, not read.

Real pages of OWASP/Top10's 2021 edition (fixtures/owasp-top10, sources in fixtures/SOURCES.md),
whose every category page opens "# A01:2021 – Broken Access Control ![icon](assets/….png){:
style="height:80px;width:80px" align="right"}". A tester (tryout 26) saw every answer from them
cited "A01:2021 – Broken Access Control icon › …", in English, Spanish and Chinese alike.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

from retrieval.ingest.readers.markdown import read_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "owasp-top10"


def test_an_icon_beside_the_title_is_not_part_of_it() -> None:
    assert parsed(FIXTURES / "A01_2021-Broken_Access_Control.md").title == (
        "A01:2021 – Broken Access Control"
    )
    assert parsed(FIXTURES / "A03_2021-Injection.es.md").title == "A03:2021 – Inyección"
    # A heading of a picture alone, or with one inside its words, keeps its description.
    source = (
        "# Intro\n\n## ![Logo of Acme](logo.png)\n\nText.\n\n"
        "## Press ![gear](g.png) twice\n\nMore.\n"
    )
    document = read_markdown(source.encode(), Path("page.md"))
    assert [block.section for block in document.blocks] == ["Logo of Acme", "Press gear twice"]
