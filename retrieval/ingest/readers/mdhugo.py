"""Hugo's shortcodes in a page's text, read as the built page shows them.

A shortcode ("{{< name args >}}", "{{% name args %}}", its arguments running over lines too) is
replaced by Hugo with what its template makes. The Kubernetes site's are the model here, as the
most common: a glossary tooltip shows its ``text=`` (else its term, named by its ``term_id``)
linked to the glossary, so "Компоненты на узле включают {{< glossary_tooltip text="kubelet" … >}}"
reads "… включают kubelet"; ``{{< link text="services" url="…" >}}`` shows its text; a site
parameter ("{{< param "version" >}}", used inside link addresses) stands as its name, so the link
is still a link. ``{{% heading "whatsnext" %}}`` shows the heading the site's translations give
that key ("What's next", "接下来"); a note, a caution or a warning opens with its label, "Note:",
"Caution:", "Warning:" (the site's words for them in the page's language: "说明：", "Заметка:");
a set of tabs shows each tab's content under its name ("GCP", "AWS"; Docsy's ``header=``,
hugo-book's first argument), read as pymdownx's tabs are; Docsy's alert opens with its title
(none without one); a feature's state is shown as "FEATURE STATE: Kubernetes v1.12 [alpha]"; a
table's caption, which the site hides from sight (a screen reader says it), is read as a line
before the rows.

What the page shows from another file or not as text is left out: code included from a file
(``codenew``, ``code``: the sample is in the site's files, not this page's), a glossary term's
definition (``glossary_definition``: the glossary's page), figures, Mermaid diagrams (drawn, no
text to quote), comments and the third-party disclaimer. An escaped shortcode ('{{</* note
*/>}}') is shown as written without its escape, in code too.

The page's language is the one its path names ("content/zh/docs/…", "k8s/fr/…"), as Hugo's
content folders do; a page under no language's folder is English (Hugo's fallback for a key a
translation lacks is the English text too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import PurePath

# A shortcode, its arguments over lines too: "{{< glossary_tooltip text="API 服务器"\n
# term_id="kube-apiserver" >}}". Quoted arguments may hold anything but their quote.
_SHORTCODE = re.compile(
    r"""\{\{(?P<delim>[<%])\s*(?P<close>/)?\s*(?P<name>[\w-]+)"""
    r"""(?P<args>(?:"[^"]*"|'[^']*'|`[^`]*`|[^"'`{}<>%])*?)\s*/?[>%]\}\}"""
)
_ARGUMENT = re.compile(
    r"""(?:(?P<key>[\w-]+)\s*=\s*)?(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=]+))"""
)
# A shortcode whose content is no text of the page: everything from its opening to its closing.
_HIDDEN_BLOCK = re.compile(
    r"\{\{[<%]\s*(?P<name>mermaid|comment)\b[^{}]*[>%]\}\}.*?\{\{[<%]\s*/\s*(?P=name)\s*[>%]\}\}",
    re.DOTALL,
)
_LEFT_OUT = frozenset(
    {
        *("codenew", "code", "glossary-definition", "figure", "thirdparty-content"),
        *("latest-version", "tabs", "table", "toc", "mermaid", "comment"),
    }
)
_BOXES = ("note", "caution", "warning")
# How a tab is named: "name" (Hugo's learn themes), Docsy's "header", and "tabName" (the
# "tabs"/"tab" pair many sites copy: '{{< tab tabName="Investment" >}}').
_TAB_NAMES = ("name", "header", "tabName")
# An escaped shortcode: "{{</* note */>}}", "{{%/* tab name="a" */%}}".
_ESCAPED = re.compile(r"\{\{[<%]/\*.*?\*/[>%]\}\}")
_LABEL_MARK = "\x00"  # a box's label on a line of its own, waiting for the box's text
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")  # a list item's marker
# A line opening a block that is no paragraph: a list item, code, a table, a heading, a quote,
# HTML, another box.
_STRUCTURE = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|```|~~~|\||#|>|<|\x00)")

# The site's words (kubernetes/website's i18n/<lang>.toml, CC BY 4.0): each language's label for
# a note, a caution and a warning, and its headings for the keys of ``{{% heading %}}``. A key a
# translation lacks falls back to English, as on the site.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "note": "Note:",
        "caution": "Caution:",
        "warning": "Warning:",
        "whatsnext": "What's next",
        "prerequisites": "Before you begin",
        "objectives": "Objectives",
        "cleanup": "Cleaning up",
        "synopsis": "Synopsis",
        "options": "Options",
        "seealso": "See Also",
        "examples": "Examples",
        "feedback": "Feedback",
    },
    "zh": {
        "note": "说明：",
        "caution": "注意：",
        "warning": "警告：",
        "whatsnext": "接下来",
        "prerequisites": "准备开始",
        "objectives": "教程目标",
        "cleanup": "清理现场",
        "synopsis": "简介",
        "options": "选项",
        "seealso": "另请参见",
        "examples": "示例",
        "feedback": "反馈",
    },
    "ja": {
        "note": "備考:",
        "caution": "注意:",
        "warning": "警告:",
        "whatsnext": "次の項目",
        "prerequisites": "始める前に",
        "objectives": "目標",
        "cleanup": "クリーンアップ",
        "feedback": "フィードバック",
    },
    "fr": {
        "note": "Note:",
        "caution": "Avertissement:",
        "warning": "Attention:",
        "whatsnext": "A suivre",
        "prerequisites": "Pré-requis",
        "objectives": "Objectifs",
        "examples": "Exemples",
    },
    "es": {
        "note": "Nota:",
        "caution": "Precaución:",
        "warning": "Advertencia:",
        "whatsnext": "Siguientes pasos",
        "prerequisites": "Antes de empezar",
        "objectives": "Objetivos",
        "cleanup": "Limpieza de recursos",
        "feedback": "Comentarios",
    },
    "ru": {
        "note": "Заметка:",
        "caution": "Внимание:",
        "warning": "Предупреждение:",
        "whatsnext": "Что дальше",
        "prerequisites": "Подготовка к работе",
        "objectives": "Цели",
        "cleanup": "Очистка",
        "feedback": "Обратная связь",
    },
}
# Hugo's content folders name a language by its code, a region after it ("zh-cn", "pt-br").
_LANGUAGE_FOLDER = re.compile(r"^(?P<code>[a-z]{2})(?:[-_][a-z]{2,4})?$", re.IGNORECASE)


def marks(source: str) -> bool:
    """Whether ``source`` may hold a Hugo shortcode."""
    return "{{<" in source or "{{%" in source


def language(path: PurePath) -> str:
    """The language of the page at ``path``, by the innermost folder naming one ("zh", "zh-cn")
    among those whose words are known; "en" when none names one."""
    for part in reversed(path.parts[:-1]):
        folder = _LANGUAGE_FOLDER.match(part)
        if folder and folder["code"].lower() in _WORDS:
            return folder["code"].lower()
    return "en"


def read_as_hugo(lines: Sequence[str], kept: set[int], lang: str = "en") -> list[str]:
    """``lines`` with the shortcodes in their text read as the page shows them (see the module's
    docstring); the lines in ``kept`` (code, front matter) stay as written."""
    lines = _hidden_blanked(lines, kept)
    out: list[str] = []
    for code, run in _runs(lines, kept):
        out += run if code else rendered("\n".join(run), lang).split("\n")
    return [_unescaped(line) for line in out]


def _unescaped(line: str) -> str:
    """``line`` with Hugo's escaped shortcodes shown as written, as Hugo shows them, in code too:
    a page on writing shortcodes writes '{{</* note */>}}' to show '{{< note >}}'."""
    return _ESCAPED.sub(lambda match: match[0].replace("/*", "").replace("*/", ""), line)


def _hidden_blanked(lines: Sequence[str], kept: set[int]) -> list[str]:
    """``lines`` with each Mermaid diagram or comment opened in the text made blank lines, all of
    it: its indented lines, after a blank one, were taken for code (which is left as written).
    Text sharing its first or last line stays, on the first ("Keep this {{< comment >}}hidden
    {{< /comment >}} and this too." lost the whole paragraph). The last first: a second one on
    a line the first one ends on then reads the line as the first one left it."""
    source = "\n".join(lines)
    out = list(lines)
    for hidden in reversed(list(_HIDDEN_BLOCK.finditer(source))):
        first = source.count("\n", 0, hidden.start())
        if first not in kept:
            last = first + hidden[0].count("\n")
            opens = hidden.start() - (source.rfind("\n", 0, hidden.start()) + 1)
            ends = hidden.end() - (source.rfind("\n", 0, hidden.end()) + 1)
            before, after = out[first][:opens], out[last][ends:]
            shown = f"{before.rstrip()} {after.lstrip()}".strip() if before or after else ""
            out[first : last + 1] = [before[: len(before) - len(before.lstrip())] + shown] + [
                ""
            ] * (last - first)
    return out


def _runs(lines: Sequence[str], kept: set[int]) -> Iterator[tuple[bool, list[str]]]:
    """The runs of ``lines`` in ``kept`` or not, in order, each with whether it is kept."""
    run: list[str] = []
    code = False
    for at, line in enumerate(lines):
        if run and (at in kept) != code:
            yield code, run
            run = []
        code = at in kept
        run.append(line)
    if run:
        yield code, run


def rendered(text: str, lang: str = "en") -> str:
    """``text`` (lines of a page outside code) with its shortcodes replaced as Hugo shows them."""
    text = _HIDDEN_BLOCK.sub("", text)  # one in a line of text
    text = _SHORTCODE.sub(lambda match: _shown(match, text, lang), text)
    return _labelled(text) if _LABEL_MARK in text else text


def _arguments(args: str) -> tuple[dict[str, str], list[str]]:
    """A shortcode's named arguments and its positional ones, unquoted."""
    named: dict[str, str] = {}
    positional: list[str] = []
    for argument in _ARGUMENT.finditer(args):
        value = next(v for v in argument.group("double", "single", "bare") if v is not None)
        if argument["key"]:
            named[argument["key"]] = value
        else:
            positional.append(value)
    return named, positional


def _word(key: str, lang: str) -> str:
    return _WORDS[lang].get(key) or _WORDS["en"].get(key) or key


def _shown(match: re.Match[str], text: str, lang: str) -> str:
    """What the page shows for the shortcode ``match`` found in ``text``."""
    name = match["name"].lower().replace("_", "-")
    named, positional = _arguments(match["args"])
    alone = _alone(match, text)
    if name in _BOXES or name == "alert":
        label = _word(name, lang) if name in _BOXES else named.get("title", "")
        return _box(label, closing=bool(match["close"]), alone=alone)
    if name == "tab":
        # A pymdownx tab's lines, a paragraph each (the blank lines part them from the text).
        tab = next((named[key] for key in _TAB_NAMES if named.get(key)), "")
        tab = (tab or next(iter(positional), "")).strip()
        if match["close"]:
            return "\n///\n"
        level = _heading_level_inside(text, match.end())
        if tab and level is not None and level > _TOP_TAB_LEVEL:
            # A tab holding sections of its own ("Investment" over "### Level 1, Provisional"):
            # its name heads them, a level above them, as the page shows it over them.
            return f"\n\n{'#' * (level - 1)} {tab}\n\n"
        return f"\n/// tab | {tab}\n"
    if match["close"]:
        return ""
    if name == "glossary-tooltip":
        return named.get("text") or named.get("term_id", "")
    if name == "link":
        return named.get("text", "")
    if name == "param":
        return next(iter(positional), named.get("name", ""))
    if name == "heading":
        return _word(next(iter(positional), ""), lang)
    if name == "feature-state":
        return _feature_state(named)
    if name == "table" and named.get("caption"):
        return named["caption"] + "\n"  # a line of its own, parted from the rows
    return "" if name in _LEFT_OUT else match[0]


# Shortcodes showing another file's text in the page: '{{< include path="…" >}}' (Hugo sites'
# own, often a positional path), Docsy's '{{< readfile file="…" >}}'.
_INCLUDING = frozenset({"include", "readfile"})


def included(source: str) -> list[str]:
    """The files the page's shortcodes include, in order: the built page shows their text."""
    found: list[str] = []
    for match in _SHORTCODE.finditer(source):
        if match["close"] or match["name"].lower() not in _INCLUDING:
            continue
        named, positional = _arguments(match["args"])
        target = named.get("path") or named.get("file") or next(iter(positional), "")
        found += [target] if target else []
    return found


_TAB_CLOSE = re.compile(r"\{\{[<%]\s*/\s*tab\s*[>%]\}\}")
_MARKDOWN_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+\S", re.MULTILINE)
_TOP_TAB_LEVEL = 2  # a tab heads its sections from "##" on: a "#" heading would be the title


def _heading_level_inside(text: str, start: int) -> int | None:
    """The level of the highest Markdown heading in the tab opened at ``start`` of ``text``
    (up to its closing shortcode, or the end of ``text``), None when it holds none."""
    close = _TAB_CLOSE.search(text, start)
    inside = text[start : close.start() if close else len(text)]
    return min((len(found[1]) for found in _MARKDOWN_HEADING.finditer(inside)), default=None)


def _feature_state(named: dict[str, str]) -> str:
    """The notice Hugo shows for a feature's state: "FEATURE STATE: Kubernetes v1.12 [alpha]"
    (without the version when the page gives none: it is the site's current one)."""
    version = named.get("for_k8s_version") or named.get("for-kubernetes-version") or ""
    if version and version[0].isdigit():
        version = f"v{version}"
    shown = " ".join(filter(None, ("Kubernetes", version, f"[{named.get('state', '')}]")))
    return f"FEATURE STATE: {shown}"


def _alone(match: re.Match[str], text: str) -> bool:
    """Whether the shortcode ``match`` is alone on its line of ``text``."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    line_end = len(text) if end < 0 else end
    return not text[start : match.start()].strip() and not text[match.end() : line_end].strip()


def _box(label: str, *, closing: bool, alone: bool) -> str:
    """A box's opening or closing shortcode: its label ("Заметка:", "说明：", Docsy's alert's
    title) opening the box's text; on a line of its own, a mark for :func:`_labelled`."""
    if closing or not label:
        return ""
    return f"{_LABEL_MARK}{label}" if alone else _before(label, "")


def _before(label: str, text: str) -> str:
    """``label`` opening ``text``: "Note: text", "说明：text" (a full-width colon holds its own
    space)."""
    if label.endswith("："):
        return f"{label}{text}"
    return f"{label} {text}" if label.endswith((":", ".", "!", "?")) else f"{label}: {text}"


def _labelled(text: str) -> str:
    """``text`` with each line of a box's label alone (marked by :func:`_box`) put before the
    box's first line of text (its first item's, over a list), past blank lines and HTML
    comments (a translation keeps the English in one), as the page shows it ("Note: The kubelet
    …"); a label over a code block or a table stays a line of its own, which introduces it."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        if not line.strip().startswith(_LABEL_MARK):
            continue
        label = line.strip()[len(_LABEL_MARK) :]
        first = _first_text(lines, at + 1)
        item = _ITEM.match(lines[first]) if first is not None else None
        if first is not None and (item or not _STRUCTURE.match(lines[first])):
            lines[at] = ""
            lead = (
                item[0] if item else lines[first][: len(lines[first]) - len(lines[first].lstrip())]
            )
            lines[first] = lead + _before(label, lines[first][len(lead) :])
        else:
            lines[at] = line[: len(line) - len(line.lstrip())] + _before(label, "").rstrip()
    return "\n".join(lines)


def _first_text(lines: Sequence[str], at: int) -> int | None:
    """The index of the first line from ``at`` that is neither blank nor in an HTML comment."""
    comment = False
    for index in range(at, len(lines)):
        line = lines[index].strip()
        if comment or line.startswith("<!--"):
            comment = "-->" not in line
        elif line:
            return index
    return None
