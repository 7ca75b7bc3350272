"""reST's inline markup written as the built page shows it (see ``rest.py``): a role as the
text Sphinx prints for it, a link as its text, ``literal`` as `literal`, footnote marks gone."""

from __future__ import annotations

import re

_ROLE = re.compile(r":(?P<role>[\w:+-]+):`(?:(?P<title>[^`<]*?)\s*<[^`>]*>|(?P<target>[^`]*))`")
_LINK = re.compile(r"`([^`<]+?)\s*<([^`>]+)>`__?")
_REFERENCE = re.compile(r"`([^`]+)`__?")
_LITERAL = re.compile(r"``(.+?)``(?!`)")  # ``:rolename:`content```: to its last ``
_KEPT = re.compile(r"\x01(\d+)\x01")
# A reference to a target named elsewhere on the page ("Dynaconf_"), shown as its word.
_NAMED_REFERENCE = re.compile(r"(?<![\w`/])([A-Za-z][\w.-]*?)__?(?=[\s,;:!?)\]]|\.(?:\s|$)|$)")
_NOTE_MARK = re.compile(r"\s?\[(?:#[\w-]*|\*|\d+)\]_")
_CODE_ROLES = frozenset("func class meth attr mod data obj exc const type".split())
_CALLED = frozenset({"func", "meth"})  # Sphinx adds "()" to these (add_function_parentheses)
_NUMBERED = {"issue": "issue", "pr": "PR"}  # sphinx-issues' roles, as the Markdown reader says
# A target label ("address-already-in-use") or a page ("/deploying/gunicorn") shown readable.
_LABEL_TARGET = re.compile(r":(?P<role>ref|doc):`(?P<target>[^`<]+)`")
_LABEL = re.compile(r"^\.\.[ \t]+_(?P<label>[\w.-]+):[ \t]*$")


def inline(line: str) -> str:
    """One line's inline markup as Markdown's: ``literal`` as `literal`, a role as its title or
    target (a PEP's as "PEP 8"), a link as [text](url), a reference as its text."""
    literals: list[str] = []  # kept apart, so "__init__" in one is no link nor emphasis

    def kept(match: re.Match[str]) -> str:
        literals.append(match[1])
        return f"\x01{len(literals) - 1}\x01"

    line = _LITERAL.sub(kept, line).replace("\\ ", "")  # "role\ s": "roles"
    line = _ROLE.sub(_role, line)
    line = _LINK.sub(_link, line)
    line = _REFERENCE.sub(r"\1", line)
    line = _NAMED_REFERENCE.sub(r"\1", line)
    line = _NOTE_MARK.sub("", line)
    return _KEPT.sub(lambda match: _code(literals[int(match[1])]), line)


def _code(literal: str) -> str:
    """A literal as Markdown's code span, fenced by more backticks than it holds."""
    return f"`` {literal} ``" if "`" in literal else f"`{literal}`"


def _link(match: re.Match[str]) -> str:
    """A link as [text](url); one to a target named on the page ("<packaging tutorial_>") as
    its text."""
    return match[1] if match[2].endswith("_") else f"[{match[1]}]({match[2]})"


def unclosed(line: str) -> bool:
    """Whether ``line`` leaves a literal, a role or a link open, to be closed on the next line
    ("PyPI" / "<https://pypi.org/…>`_")."""
    return line.count("``") % 2 == 1 or line.replace("``", "").count("`") % 2 == 1


def titled_references(lines: list[str]) -> list[str]:
    """``lines`` with each :ref: to a label of this page given the title of the heading the
    label stands over (":ref:`address-already-in-use`" → "Address already in use"), as
    Sphinx shows it."""
    titles: dict[str, str] = {}
    for index, line in enumerate(lines):
        label = _LABEL.match(line)
        if label is None:
            continue
        after = [text.strip() for text in lines[index + 1 : index + 5] if text.strip()]
        after = [text for text in after if not _LABEL.match(text)]
        if len(after) >= 2 and set(after[1]) <= set("=-~^\"'`:.*+#_") and len(after[1]) >= 3:
            titles[label["label"].lower()] = after[0]
        elif len(after) >= 3 and set(after[0]) <= set("=-~^\"'`:.*+#_"):  # overlined
            titles[label["label"].lower()] = after[1]

    def titled(match: re.Match[str]) -> str:
        target = match["target"].strip()
        title = titles.get(target.lower()) if match["role"] == "ref" else None
        return f":{match['role']}:`{title} <{target}>`" if title else match[0]

    return [_LABEL_TARGET.sub(titled, line) for line in lines]


def _role(match: re.Match[str]) -> str:
    role = match["role"].rsplit(":", 1)[-1]
    if match["title"]:
        text = match["title"]
    elif role in ("ref", "doc"):
        text = _readable(match["target"], role)
    else:
        text = _target(match["target"] or "", role)
    if role in ("pep", "rfc") and not match["title"]:  # an explicit title is printed alone
        return f"{role.upper()} {text}"
    if role in _NUMBERED:
        return f"{_NUMBERED[role]} {text}"
    return f"`{text}`" if role in _CODE_ROLES else text


def _target(target: str, role: str) -> str:
    """An object's name as Sphinx prints it: "~flask.Config.from_prefixed_env" as its last part,
    ".Request.args" (searched from the current module) without its dot, "!name" as it is."""
    if role not in _CODE_ROLES and role != "any":  # a key (":kbd:`.`", ":kbd:`~`"), a label
        return target
    target = target.lstrip("!")
    if target.startswith("~"):
        target = target[1:].rsplit(".", 1)[-1]
    target = target.lstrip(".")
    if role in _CALLED and target and not target.endswith(")"):
        target += "()"
    return target


def _readable(target: str, role: str) -> str:
    """A label or a page named by a :ref: or :doc: without a title, as words: the page's last
    part ("/deploying/gunicorn" → "Gunicorn", a folder's "index" its folder's name), a label's
    hyphens as spaces ("address-already-in-use" → "Address already in use")."""
    words = target.strip()
    if role == "doc":
        parts = [part for part in words.strip("/").split("/") if part]
        if len(parts) > 1 and parts[-1] == "index":
            parts.pop()
        words = parts[-1] if parts else words
    words = re.sub(r"[-_]+", " ", words).strip()
    return words[:1].upper() + words[1:]


_AUTO_ITEM = re.compile(r"^(?P<indent>[ \t]*)#\.(?=[ \t]+\S)")  # "#. Download …"


def numbered(lines: list[str]) -> list[str]:
    """``lines`` with reST's auto-numbered items ("#. Download nssm", "#. From an administrator
    Command Prompt …") numbered as the built page shows them, "1.", "2.", …: Markdown knows no
    "#." list, and the steps ran together as one paragraph, each opening "#.". A list's count
    goes on over the lines indented under its items (their text, a list inside them) and ends at
    a line as far left as its items that is no item of it."""
    counts: dict[int, int] = {}
    out: list[str] = []
    for line in lines:
        found = _AUTO_ITEM.match(line)
        indent = len(line) - len(line.lstrip(" \t"))
        if line.strip():
            counts = {at: n for at, n in counts.items() if at < indent or (found and at == indent)}
        if found is None:
            out.append(line)
            continue
        counts[indent] = counts.get(indent, 0) + 1
        out.append(f"{found['indent']}{counts[indent]}.{line[found.end() :]}")
    return out


_SUBSTITUTION = re.compile(
    r"^[ \t]*\.\.[ \t]+\|(?P<name>[^|]+)\|[ \t]+(?P<kind>[\w-]+)::[ \t]*(?P<rest>.*)$"
)


def substituted(lines: list[str]) -> list[str]:
    """``lines`` with reST's substitution references read as the built page shows them: a
    picture's (".. |Windows NSSM Configuration Screenshot| image:: nssm.png") left out, as the
    reader leaves pictures out, and a "replace::" one as its text. The references stood as
    their names, "|Windows NSSM Configuration Screenshot|" a list item of its own."""
    shown: dict[str, str] = {}
    for line in lines:
        found = _SUBSTITUTION.match(line)
        if found and found["kind"] in ("image", "figure"):
            shown[found["name"]] = ""
        elif found and found["kind"] == "replace":
            shown[found["name"]] = found["rest"].strip()
    if not shown:
        return lines
    names = "|".join(re.escape(name) for name in sorted(shown, key=len, reverse=True))
    reference = re.compile(rf"\|({names})\|(?:__?)?")
    out = []
    for line in lines:
        if _SUBSTITUTION.match(line) is None and "|" in line:
            line = reference.sub(lambda found: shown[found[1]], line)
            if not line.strip(" \t-*+"):
                continue  # a list item of a picture alone
        out.append(line)
    return out
