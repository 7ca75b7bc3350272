"""mkdocs-material's documentation macros, read as the built page shows them.

Material for MkDocs writes its own documentation with HTML comments that a hook of its build
(``overrides/hooks/shortcodes.py``) replaces before Markdown is read: ``<!-- md:setting
config.post_date_format -->`` heading a setting, ``<!-- md:option consent.cookies -->`` the term
of an option's definition, and badges, ``<!-- md:default `long` -->``, ``<!-- md:version 9.2.0
-->``, a tag icon or a water drop beside a value. Dropped as comments, the page lost the names of
its settings (each cited under its parent, "Posts") and their defaults, and an option's
definition (':   …' under a comment, no term) was read as an indented code block of raw
Markdown. Here each macro becomes the Markdown the page shows: a setting's name (the heading),
an option's name (the term, its last part as the page shows it: "cookies"), and a badge's text.

A run of badges opening a paragraph, or on lines of their own over it, is read with what each
badge's icon says ("Version: 9.2.0. Default: long.") and goes with the paragraph under it, as
the page shows them over it: apart, "Default: long." said nothing of what it is the default of.
A badge inside a sentence ("Prior to <!-- md:version 5.0.0 -->, search was …") is its text only,
as the page shows it ("Prior to 5.0.0, search was …"). A badge of an icon alone (a flag, an empty
default) is read as its tooltip in a run ("Required", "Default: none") and as nothing inside a
sentence or a heading; the example and demo badges (download links floated right) are dropped.
Any other HTML comment stays a comment.
"""

from __future__ import annotations

import re

# The macros the hook knows (any other "<!-- md:… -->" stops its build; elsewhere it is a comment).
_KINDS = (
    "version|sponsors|flag|option|setting|feature|plugin|extension|utility|example|demo|default"
)
# (Up to its first "-->" and no further: a lazy ".*?-->" could also end at any later one, and a
# run of badges followed by text that is no badge was tried every way, in time doubling with
# each badge: a line of 24 took 20 s.)
_ONE = rf"<!--\s*md:(?:{_KINDS})\b(?:(?!-->).)*-->"
MACRO = re.compile(rf"<!--\s*md:(?P<kind>{_KINDS})\b(?P<args>.*?)\s*-->", re.IGNORECASE)
# A line of badges alone (its indentation, or a definition's ':   ' opening it, kept).
_BADGES_LINE = re.compile(rf"^(?P<lead>\s*(?::\s+)?)(?P<badges>(?:{_ONE}\s*)+)$", re.IGNORECASE)
# Badges opening a line of text (a definition's first line: ':   <!-- md:default none --> This
# property allows …').
_LEADING = re.compile(rf"^(?P<lead>\s*(?::\s+)?)(?P<badges>(?:{_ONE}\s*)+)(?=\S)", re.IGNORECASE)
# A heading whose first macro draws an icon before a dash: "### <!-- md:version --> – Version".
_HEADING = re.compile(r"^(?P<marks>\s{0,3}#{1,6}\s+)(?P<rest>.*)$")
_DASH = re.compile(r"^[-–—]\s+")
# "[blog]", "[meta][built-in meta plugin]": the link text the page shows.
_REFERENCE = re.compile(r"\[([^\[\]]+)\](?:\[[^\[\]]*\])?")
# What a badge's icon says (its tooltip), in a run of badges: "Version: 9.2.0".
_LABELS = {
    "version": "Version",
    "default": "Default",
    "plugin": "Plugin",
    "extension": "Extension",
    "feature": "Feature",
    "utility": "Utility",
}
_ICON_ONLY = {
    ("default", "none"): "Default: none",
    ("default", "computed"): "Default: computed",
    ("flag", "required"): "Required",
    ("flag", "experimental"): "Experimental",
    ("flag", "metadata"): "Metadata property",
    ("flag", "multiple"): "Multiple instances",
    ("flag", "customization"): "Customization",
    ("feature", ""): "Optional feature",
}
_DROPPED = frozenset({"example", "demo", "sponsors"})
# A line that starts a paragraph of text, which a run of badges over it goes with (not a list,
# a heading, a quote, HTML, a table, a box, a fence, a definition or a link's definition).
_NOT_PROSE = re.compile(
    r"^(?:[-*+]\s|\d+[.)]\s|#|>|<|\||!!!|\?\?\?|===|:\s|```|~~~|/{3}|\[[^\]]*\]:|\{)"
)


def has_macros(source: str) -> bool:
    """Whether ``source`` holds any of the macros (a quick test before reading line by line)."""
    return "md:" in source and bool(MACRO.search(source))


def _value(kind: str, args: str) -> str:
    """A badge's text as the page shows it inside a sentence or a heading ("9.2.0", "`long`")."""
    if kind in _DROPPED or kind == "flag" or (kind == "default" and args in ("none", "computed")):
        return ""
    if len(args) > 1 and args[0] == args[-1] == "`":
        return args  # code, shown as written: "`[accept, manage]`"
    return _REFERENCE.sub(r"\1", args)


def _labelled(kind: str, args: str) -> str:
    """A badge in a run of badges: what its icon says, then its text ("Default: `long`")."""
    if (kind, args) in _ICON_ONLY:
        return _ICON_ONLY[(kind, args)]
    value = _value(kind, args)
    if not value or kind not in _LABELS:
        return ""
    return f"{_LABELS[kind]}: {value}"


def _name(kind: str, args: str) -> str:
    """A setting's name (the whole: "config.post_date_format", which its heading stands for) or
    an option's (its last part, as the page shows it: "cookies" of "consent.cookies")."""
    if kind == "option":
        args = re.split(r"[.:]", args)[-1]
    return f"`{args}`" if args else ""


def _run(badges: str) -> str:
    """A run of badges as sentences: "Version: 9.2.0. Default: `long`."."""
    found = [_labelled(m["kind"].lower(), m["args"].strip()) for m in MACRO.finditer(badges)]
    return " ".join(f"{text}." for text in found if text)


def _inline(match: re.Match[str]) -> str:
    kind, args = match["kind"].lower(), match["args"].strip()
    if kind in ("setting", "option"):
        return _name(kind, args)
    return _value(kind, args)


def rendered(lines: list[str]) -> list[str]:
    """``lines`` (Markdown outside fenced code) with each macro replaced by what the built page
    shows; a run of badges on lines of its own joined to the paragraph right under it."""
    out: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        heading = _HEADING.match(line)
        alone = _BADGES_LINE.match(line)
        opens = at == 0 or _opens_after(lines[at - 1])
        if heading is not None and MACRO.search(line):
            rest = MACRO.sub(_inline, heading["rest"]).strip()
            out.append(heading["marks"] + _DASH.sub("", rest))
        elif alone is not None and not _names(alone["badges"]) and (opens or ":" in alone["lead"]):
            at = _badge_run(lines, at, out)
            continue
        elif (
            (leading := _LEADING.match(line)) is not None
            and not _names(leading["badges"])
            and (opens or ":" in leading["lead"])
        ):
            text = _run(leading["badges"])
            rest = MACRO.sub(_inline, line[leading.end() :])
            out.append(f"{leading['lead']}{text} {rest}" if text else leading["lead"] + rest)
        else:
            out.append(MACRO.sub(_inline, line))
        at += 1
    return out


def _opens_after(line: str) -> bool:
    """Whether a line after ``line`` opens a paragraph: after a blank line, a heading or a line
    of badges (a badge after a line of text goes on with its sentence: "… fixed and released in"
    then "<!-- md:version 5.0.0 -->.")."""
    return not line.strip() or bool(_HEADING.match(line)) or bool(_BADGES_LINE.match(line))


def _names(badges: str) -> bool:
    return any(m["kind"].lower() in ("setting", "option") for m in MACRO.finditer(badges))


def _badge_run(lines: list[str], at: int, out: list[str]) -> int:
    """Read the run of badge lines starting at ``lines[at]`` into ``out``: one line of
    sentences, joined to the paragraph right under it (blank lines between dropped) when a
    paragraph of text at the same indentation follows; return the index after the run."""
    first = _BADGES_LINE.match(lines[at])
    assert first is not None
    lead, badges = first["lead"], [first["badges"]]
    end = at + 1
    while end < len(lines) and (more := _BADGES_LINE.match(lines[end])) is not None:
        if _names(more["badges"]) or more["lead"].strip():
            break
        badges.append(more["badges"])
        end += 1
    text = _run(" ".join(badges))
    if not text:
        out.append(lead.rstrip() if lead.strip() else "")
        return end
    if out and out[-1].strip() and not _HEADING.match(out[-1]) and not lead.strip():
        out.append("")  # the badges were an HTML block: they interrupted the paragraph above
    following = end
    while following < len(lines) and not lines[following].strip():
        following += 1
    if following < len(lines) and _prose_at(lines[following], len(lead)) and not lead.strip():
        out.append(lead + text)
        return following
    out.append(lead + text)
    return end


def _prose_at(line: str, indent: int) -> bool:
    """Whether ``line`` opens a paragraph of text indented by ``indent`` spaces."""
    stripped = line.lstrip()
    return len(line) - len(stripped) == indent and not _NOT_PROSE.match(stripped)
