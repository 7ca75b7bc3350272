"""A working group's papers and site pages (tryout 22d), as a new admin indexing them sees them.

The excerpts are laid out as found in github.com/cncf/tag-app-delivery (Apache-2.0): the
platform maturity model's Hugo tabs ('{{< tab tabName="Investment" >}}' over "### Level 1, …"),
the site's pages that only include another file, the glossary's linked footnote numbers
('design<sup><a href="…">1</a></sup>.'), the platforms white paper's plain "Table of Contents"
list and its front matter ("url: whitepapers/platforms"), and the operator white paper's raw
chapters opening with a line of fields ("**Status**: WIP | **Maintainer** : N/A |").
"""

from __future__ import annotations

import pytest
from readerfiles import cited_under as _cited

from retrieval.errors import DocumentError
from retrieval.ingest.pipeline import read

MATURITY_MODEL = """---
title: Platform Engineering Maturity Model
---

## Model Detail

{{< tabs tabTotal="6">}}
{{< tab tabName="Investment" >}}

<h4 style="color:gray"><i>How are staff and funds allocated to platform capabilities?</i></h4>

### Level 1, Provisional — Voluntary or temporary

Individual capabilities may exist to provide common foundations for collaborating teams.

{{< /tab >}}
{{< tab tabName="Adoption" >}}

<h4 style="color:gray"><i>Why and how do users discover and use internal platforms?</i></h4>

### Level 1, Provisional — Erratic

Adoption of shared platforms and capabilities is sporadic and inconsistent.

{{< /tab >}}
{{< /tabs >}}

## Conclusion

Platforms and their maintainers provide a foundation for agile digital product development.
"""


def test_a_hugo_tab_holding_sections_heads_them_by_its_name() -> None:
    """The tabs' names were in no section: each tab's question and intro were cited under the
    previous tab's last heading, and the five "Level 1, Provisional" sections could not be told
    apart by aspect."""
    document = read("platforms-maturity-model/v1/index.md", MATURITY_MODEL.encode())
    assert _cited(document, "How are staff") == "Investment"
    assert _cited(document, "Individual capabilities") == (
        "Investment › Level 1, Provisional — Voluntary or temporary"
    )
    assert _cited(document, "Why and how") == "Adoption"
    assert _cited(document, "Adoption of shared") == "Adoption › Level 1, Provisional — Erratic"
    assert _cited(document, "Platforms and their maintainers") == "Conclusion"


def test_a_tab_of_text_alone_still_labels_its_text() -> None:
    source = '## Install\n\n{{< tab tabName="Linux" >}}\nRun the installer.\n{{< /tab >}}\n'
    assert [b.text for b in read("docs/install.md", source.encode()).blocks] == [
        "Linux: Run the installer."
    ]


def test_a_page_that_only_includes_another_file_says_so() -> None:
    source = (
        "---\ntitle: Artifacts Working Group\nlist_pages: false\n---\n"
        '{{< include path="assets/content/artifacts-wg/README.md" >}}\n'
    )
    with pytest.raises(
        DocumentError, match=r"only includes assets/content/artifacts-wg/README\.md"
    ):
        read("website/content/en/wgs/artifacts/_index.md", source.encode())


def test_a_linked_footnote_number_is_not_glued_to_its_word() -> None:
    source = (
        "## Platform engineering\n\nOne way to view the practice is as an empathy-driven approach "
        "towards sociotechnical organizational design"
        '<sup><a href="https://hazelweakly.me/talks/qcon-sf-2023/slides#22">1</a></sup>. In this '
        "light, it is a continuous process.\n\n“DevOps is a methodology.”"
        '<sup><a href="https://glossary.cncf.io/devops/">2</a></sup> While DevOps practices can '
        "be implemented by teams.\n\nA floor of 20 m<sup>2</sup>.\n"
    )
    texts = [block.text for block in read("glossary/_index.md", source.encode()).blocks]
    assert texts == [
        "One way to view the practice is as an empathy-driven approach towards sociotechnical "
        "organizational design. In this light, it is a continuous process.",
        "“DevOps is a methodology.” While DevOps practices can be implemented by teams.",
        "A floor of 20 m2.",
    ]


WHITE_PAPER = """---
title: CNCF Platforms White Paper
url: whitepapers/platforms
pdf: https://github.com/cncf/tag-app-delivery/raw/main/platforms-whitepaper/v1/assets/platforms-def-v1.0.pdf
---

## Table of Contents

1. Why platforms?
1. What is a platform
1. Attributes of successful platforms
1. How to measure the success of platforms

## Why platforms?

Platforms and platform engineering are a popular topic in today's cloud computing world.

## What is a platform

A platform for cloud-native computing is an integrated collection of capabilities.
"""


def test_a_plain_table_of_contents_is_no_passage() -> None:
    """Its entries ("Why platforms? What is a platform …") were quoted for "how can I measure
    whether developers are happy"; one entry no longer matches its heading's words."""
    document = read("platforms-whitepaper/latest/index.md", WHITE_PAPER.encode())
    assert [block.section for block in document.blocks] == ["Why platforms?", "What is a platform"]


def test_a_list_naming_the_headings_after_it_is_a_table_of_contents_without_a_title() -> None:
    source = (
        "# Guide\n\nThis guide has three parts.\n\n- Install\n- Configure\n- Upgrade\n\n"
        "## Install\n\nRun the installer.\n\n## Configure\n\nEdit the file.\n\n"
        "## Upgrade\n\nRun it again.\n"
    )
    texts = [block.text for block in read("guide.md", source.encode()).blocks]
    assert texts == [
        "This guide has three parts.",
        "Run the installer.",
        "Edit the file.",
        "Run it again.",
    ]


def test_a_list_of_other_words_under_no_contents_title_stays() -> None:
    source = "## Needs\n\n- Install\n- Configure\n- Upgrade\n\n## Install\n\nRun it.\n"
    texts = [block.text for block in read("needs.md", source.encode()).blocks]
    assert "Install Configure Upgrade" in " ".join(texts).replace("\n", " ")


def test_a_site_path_in_the_front_matter_is_no_source() -> None:
    document = read("platforms-whitepaper/latest/index.md", WHITE_PAPER.encode())
    assert document.source is None
    linked = WHITE_PAPER.replace(
        "url: whitepapers/platforms", "url: https://tag-app-delivery.cncf.io/whitepapers/platforms/"
    )
    assert (
        read("index.md", linked.encode()).source
        == "https://tag-app-delivery.cncf.io/whitepapers/platforms/"
    )


def test_a_line_of_fields_over_the_first_heading_is_no_title() -> None:
    source = (
        "**Status**: WIP | **Maintainer** : Jennifer Strejevitch, Omer Kahani | \n\n"
        "## Foundation\n**(Current) Issue: https://github.com/cncf/sig-app-delivery/issues/36**  \n"
        "Kubernetes and other orchestrators' success was due to their focus on containers' main "
        "capabilities.\n\n### Operator pattern\n\nAn operator extends Kubernetes.\n"
    )
    document = read("operator-whitepaper/v1/_archive/raw/02_Foundation.md", source.encode())
    assert document.title == "Foundation"
    assert _cited(document, "An operator extends") == "Operator pattern"


CAPABILITIES = """## Capabilities of platforms

<table>
  <thead>
    <tr><td>Capability</td><td>Description</td><td>Example CNCF/CDF Projects</td></tr>
  </thead>
  <tr>
    <td>Web portals for provisioning and observing capabilities</td>
    <td>Publish documentation, service catalogs, and project templates.</td>
    <td>Backstage, Skooner, Ortelius</td>
  </tr>
  <tr>
    <td>Automation for building and testing products</td>
    <td>Automate build and test of digital products and services.</td>
    <td>Tekton, Jenkins, Buildpacks, ko, Carvel</td>
  </tr>
  <tr>
    <td>Data services</td>
    <td>Persist structured data for applications</td>
    <td>TiKV, Vitess, SchemaHero</td>
  </tr>
  <tr>
    <td>Security services</td>
    <td>Observe runtime behavior and report/remediate anomalies.</td>
    <td>Falco, In-toto, KubeArmor, OPA, Kyverno, Cloud Custodian</td>
  </tr>
  <tr>
    <td>Artifact storage</td>
    <td>Store, publish and secure built artifacts for use in production.</td>
    <td>ArtifactHub, Harbor, Distribution, Porter</td>
  </tr>
</table>
"""


def test_every_row_of_a_table_of_names_reads_with_its_labels() -> None:
    """Rows 1 and 2 had no labels, rows 3 and 4 "Capability: …", and the projects cell had its
    label in some rows only: a value was labelled when it was short. A column of names and
    lists of them is labelled in every row; its descriptions, sentences, in none."""
    rows = [block.text for block in read("index.md", CAPABILITIES.encode()).blocks]
    assert rows == [
        "Capability: Web portals for provisioning and observing capabilities | Publish "
        "documentation, service catalogs, and project templates. | Example CNCF/CDF Projects: "
        "Backstage, Skooner, Ortelius",
        "Capability: Automation for building and testing products | Automate build and test of "
        "digital products and services. | Example CNCF/CDF Projects: Tekton, Jenkins, "
        "Buildpacks, ko, Carvel",
        "Capability: Data services | Persist structured data for applications | Example CNCF/CDF "
        "Projects: TiKV, Vitess, SchemaHero",
        "Capability: Security services | Observe runtime behavior and report/remediate "
        "anomalies. | Example CNCF/CDF Projects: Falco, In-toto, KubeArmor, OPA, Kyverno, Cloud "
        "Custodian",
        "Capability: Artifact storage | Store, publish and secure built artifacts for use in "
        "production. | Example CNCF/CDF Projects: ArtifactHub, Harbor, Distribution, Porter",
    ]


def test_a_column_of_commands_in_small_letters_is_labelled_but_a_phrase_is_not() -> None:
    """review18: "bash, zsh, fish, elvish, nushell" lost its label when names had to begin
    with a capital; "List all users, newest first" is a phrase, not a list of names."""
    table = (
        "# Shells\n\n| Tool | Shells supported | Notes |\n|---|---|---|\n"
        "| starship | bash, zsh, fish, elvish, nushell | List all users, newest first |\n"
        "| atuin | bash, zsh, fish | Sync history between machines |\n"
    )
    rows = [block.text for block in read("shells.md", table.encode()).blocks]
    assert "Shells supported: bash, zsh, fish, elvish, nushell" in rows[0]
    assert "Notes: List all users" not in rows[0]


def test_a_list_naming_only_some_headings_or_in_another_order_is_text() -> None:
    """A sentence's list of platforms, one of them without a section of its own (or listed in
    another order than the sections), was dropped as a table of contents."""
    sections = "## Linux\n\nUse apt.\n\n## macOS\n\nUse brew.\n\n## Windows\n\nUse the installer.\n"
    for items in ("- Linux\n- macOS\n- Windows\n- FreeBSD\n", "- Windows\n- Linux\n- macOS\n"):
        source = f"# Tool\n\nThe tool runs on these platforms:\n\n{items}\n{sections}"
        blocks = read("install.md", source.encode()).blocks
        assert [block.text for block in blocks if block.section is None][1:] == items.replace(
            "- ", ""
        ).split()
