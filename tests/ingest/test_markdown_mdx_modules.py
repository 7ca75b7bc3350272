"""Docusaurus pages (pnpm.io) that import MDX partials: the import statements are the page's code,
and the partials (``.mdx``) are documents to read.

Real files of pnpm/pnpm.io (fixtures/pnpm, sources in fixtures/SOURCES.md). A tester (tryout 26)
asked "What does catalogMode do?" of pnpm's docs and was quoted "import CatalogMode from
'./_catalogMode.mdx'" (cited "Other Settings › requiredScripts"), while the partial describing
the setting was skipped as "unsupported type (.mdx)".
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.readers import SUPPORTED_SUFFIXES
from retrieval.ingest.readers.markdown import read_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "pnpm"


def test_import_statements_are_not_quoted() -> None:
    document = parsed(FIXTURES / "settings-other-excerpt.md")
    assert not any("import" in text or "_catalogMode" in text for text in texts(document))
    ci = next(
        block for block in document.blocks if block.text.startswith("This setting explicitly")
    )
    assert ci.section == "ci"
    # An import in code, or a sentence opening with the word, stays.
    source = (
        "Load the hook:\n\n```js\nimport { readPackage } from '.pnpm-config/my-hooks'\n```\n\n"
        "<Tabs />\n\nimport data from a file, then run it.\n\nimport X from './x.mdx'\n"
    )
    page = read_markdown(source.encode(), Path("page.mdx"))
    assert any("import { readPackage }" in block.code for block in page.blocks)
    assert "import data from a file, then run it." in texts(page)
    assert not any("./x.mdx" in text for text in texts(page))


def test_an_mdx_partial_is_read_as_markdown() -> None:
    assert ".mdx" in SUPPORTED_SUFFIXES
    document = parsed(FIXTURES / "_catalogMode.mdx")
    modes = next(block for block in document.blocks if "three modes" in block.text)
    assert document.title == "catalogMode"  # the page's one heading, on its first line
    assert modes.text.endswith("There are three modes:")
    assert any(
        text.startswith("strict - only allows dependency versions") for text in texts(document)
    )
