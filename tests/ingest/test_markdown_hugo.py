"""Hugo pages: the Kubernetes docs in Chinese, Russian, French and English.

Real excerpts of kubernetes/website (fixtures/kubernetes, sources in fixtures/SOURCES.md), as a
team reading the "Concepts" pages in its own language would index them. A tester (tryout 19) saw
the glossary tooltips deleted with their words ("Компоненты на узле включают , и ."), a
tooltip wrapped over two lines left as raw markup, "{{% heading "whatsnext" %}}" cited as a
section, notes without their label (one inside a list item glued to the item by ": "), the tabs
of a set anonymous, a Mermaid diagram's source read as a sentence, and links whose address held
"{{< param "version" >}}" left as Markdown.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "kubernetes"


def _page(name: str) -> ParsedDocument:
    """The page read with its path, as the corpus refresh reads it: the folder names its
    language ("zh/nodes-excerpt.md")."""
    path = FIXTURES / name
    return read(path, path.read_bytes())


def _source(source: str, name: str = "content/en/docs/page.md") -> ParsedDocument:
    return read(name, source.encode())


def test_a_glossary_tooltip_reads_as_its_text() -> None:
    ru = texts(_page("ru/nodes-excerpt.md"))
    assert "Компоненты на узле включают kubelet, среду выполнения контейнера и kube-proxy." in ru
    assert ru[-1] == "Существует два основных способа добавления Узлов в API сервер:"
    zh = texts(_page("zh/nodes-excerpt.md"))
    assert "节点上的组件包括 kubelet、容器运行时以及 kube-proxy。" in zh
    for text in ru + zh:
        assert "{{" not in text and "}}" not in text


def test_a_tooltip_wrapped_over_two_lines_is_no_quote() -> None:
    """'向 {{< glossary_tooltip text="API 服务器" …' then '>}}添加节点…': the second line opened
    with ">", which read the rest as a quote of its own."""
    document = _page("zh/nodes-excerpt.md")
    management = [block.text for block in document.blocks if block.section == "管理"]
    assert management[0] == "向 API 服务器添加节点的方式主要有两种："


def test_notes_are_labelled_in_the_pages_language_inside_list_items_too() -> None:
    """The site labels a note "说明：" in Chinese; a note under a list item was read into the
    item ("…给每个容器中的进程 1。: Pod 中的容器会在…")."""
    found = texts(_page("zh/pod-lifecycle-excerpt.md"))
    assert "kubelet 接下来触发容器运行时发送 TERM 信号给每个容器中的进程 1。" in found
    assert (
        "说明：Pod 中的容器会在不同时刻收到 TERM 信号，接收顺序也是不确定的。"
        "如果关闭的顺序很重要，可以考虑使用 preStop 回调逻辑来协调。"
    ) in found
    assert not [text for text in found if "。: " in text]
    english = texts(_page("en/nodes-excerpt.md"))
    assert any(text.startswith("Note: If you use command-line tools") for text in english)
    french = texts(_page("fr/logging-excerpt.md"))  # a note opened and closed inside the text
    assert any(text.startswith("Note: Si un système externe a effectué") for text in french)


def test_whats_next_heading_feature_state_and_table_read_as_the_site_shows_them() -> None:
    document = _page("en/nodes-excerpt.md")
    sections = {block.section for block in document.blocks}
    assert "What's next" in sections
    assert not [section for section in sections if section and "{{" in section]
    topology = [block.text for block in document.blocks if block.section == "Node topology"]
    assert topology[0] == "FEATURE STATE: Kubernetes v1.16 [alpha]"
    rows = [block.text for block in document.blocks if block.kind == "table"]
    assert rows[-1].startswith("NetworkUnavailable | True if the network for the node")
    assert not [row for row in rows if "table" in row]  # "{{< /table >}}" was a row
    assert "Node conditions, and a description of when each condition applies." in "\n".join(
        texts(document)
    )
    links = "\n".join(block.text for block in document.blocks if block.section == "What's next")
    assert "Read the API definition for Node." in links.split("\n")


def test_the_heading_key_reads_in_the_pages_language() -> None:
    source = (
        '---\ntitle: Nœuds\n---\n\nLe texte.\n\n## {{% heading "whatsnext" %}}\n\n'
        "* Lire la suite.\n"
    )
    french = _source(source, "content/fr/docs/nodes.md")
    assert [block.section for block in french.blocks] == [None, "A suivre"]
    english = _source(source, "docs/nodes.md")  # no language's folder: the site's English
    assert english.blocks[-1].section == "What's next"


def test_each_tab_is_labelled_by_its_name() -> None:
    document = _page("fr/service-excerpt.md")
    code = {block.text: block.code for block in document.blocks if block.code}
    assert 'cloud.google.com/load-balancer-type: "Internal"' in code["GCP"]
    assert "service.beta.kubernetes.io/aws-load-balancer-internal" in code["AWS"]
    assert "Default: Sélectionnez l'un des onglets." in texts(document)


def test_a_mermaid_diagram_is_no_text_and_a_link_holding_a_parameter_is_a_link() -> None:
    document = _page("zh/ingress-excerpt.md")
    assert texts(document) == [
        "Ingress 公开了从集群外部到集群内服务的 HTTP 和 HTTPS 路由。"
        "流量路由由 Ingress 资源上定义的规则控制。",
        "下面是一个将所有流量都发送到同一 Service 的简单 Ingress 示例：",
    ]
    assert not [block for block in document.blocks if block.code]


def test_included_code_and_a_link_definition_holding_a_parameter_are_no_text() -> None:
    found = "\n".join(texts(_page("fr/logging-excerpt.md")))
    assert "Ce script montre de manière détaillée comment kube-up.sh" in found
    for markup in ("codenew", "cosConfigureHelper", "githubbranch", "{{", ">}}"):
        assert markup not in found


def test_a_shortcode_shown_in_code_stays_as_written() -> None:
    source = (
        "# Tooltips\n\nWrite a tooltip so:\n\n"
        '```\n{{< glossary_tooltip text="Pods" term_id="pod" >}}\n```\n'
    )
    document = _source(source)
    assert document.blocks[0].code == '{{< glossary_tooltip text="Pods" term_id="pod" >}}'


def test_docsy_and_hugo_book_boxes_and_tabs_read_as_their_sites_show_them() -> None:
    """Docsy's alert shows its title over its text, none without one; a tab's name may be
    Docsy's ``header=`` or hugo-book's first argument."""
    source = (
        '# Install\n\n{{% alert title="Warning" color="warning" %}}\nBack up etcd first.\n'
        "{{% /alert %}}\n\n{{% alert %}}\nThe default is fine.\n{{% /alert %}}\n\n"
        '{{< tabpane >}}\n{{< tab header="Linux" >}}\nRun the installer.\n{{< /tab >}}\n'
        '{{< /tabpane >}}\n\n{{< tabs "os" >}}\n{{< tab "macOS" >}}\nUse Homebrew.\n{{< /tab >}}\n'
        "{{< /tabs >}}\n"
    )
    assert texts(_source(source, "docs/install.md")) == [
        "Warning: Back up etcd first.",
        "The default is fine.",
        "Linux: Run the installer.",
        "macOS: Use Homebrew.",
    ]


def test_an_escaped_shortcode_in_code_is_shown_as_written() -> None:
    """The Kubernetes guide to its shortcodes writes '{{</* note */>}}' in its code examples so
    that the page shows '{{< note >}}'."""
    source = (
        "# Notes\n\nWrite a note so:\n\n"
        "```\n{{</* note */>}}\nYou can *still* use Markdown inside these callouts.\n"
        "{{</* /note */>}}\n```\n"
    )
    document = _source(source)
    assert texts(document) == ["Write a note so:"]
    assert document.blocks[0].code == (
        "{{< note >}}\nYou can *still* use Markdown inside these callouts.\n{{< /note >}}"
    )


def test_text_sharing_a_line_with_a_comment_stays() -> None:
    """A comment within a line of text, or opening on one and closing on another, took the
    whole paragraph with it."""
    document = _source(
        "# Page\n\nKeep this {{< comment >}}hidden{{< /comment >}} and this too.\n\n"
        "Before {{< comment >}}a\nb{{< /comment >}} after.\n\n{{< comment >}}\n  gone\n"
        "{{< /comment >}}\n\nThe end.\n"
    )
    assert texts(document) == ["Keep this and this too.", "Before after.", "The end."]


def test_a_second_comment_on_the_line_a_comment_over_lines_ends_on_hides_its_text() -> None:
    """The second comment was blanked from the line as written, not as the first one left it:
    the hidden "b" was shown and "middle end." read twice."""
    document = _source(
        "# Page\n\nStart {{< comment >}}a\nb{{< /comment >}} middle {{< comment >}}c"
        "{{< /comment >}} end.\n\nAlpha {{< comment >}}one{{< /comment >}} beta "
        "{{< comment >}}two{{< /comment >}} gamma.\n"
    )
    assert texts(document) == ["Start middle end.", "Alpha beta gamma."]
