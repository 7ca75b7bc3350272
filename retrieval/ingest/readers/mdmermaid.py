"""A Mermaid sequence diagram read as the words its picture shows.

A Mermaid diagram is a picture the page draws, and its source no text of the page ("graph LR",
"classDef main fill:#B8C2CC"). A sequence diagram is the exception: the arrows between its
participants are labelled with what one sends the other ("Lambda service->>SQS queue: Poll"), and
its notes are text boxes ("Note over SQS queue,Lambda service: Process repeat"), words a reader of
the built page reads as a story. They are read as one passage in their order: "Lambda service to
SQS queue: Poll. …", each participant by the name the picture shows ("participant IAM as IAM
Platform" is "IAM Platform"), a block's label ("alt Cache Hit") where it opens. Any other kind of
diagram stays a picture.
"""

from __future__ import annotations

import html
import re

from retrieval.ingest.readers.common import TERMINAL

_SEQUENCE = re.compile(r"^\s*sequenceDiagram\b")
_PARTICIPANT = re.compile(
    r"^\s*(?:create\s+)?(?:participant|actor)\s+(?P<id>\"[^\"]+\"|.+?)"
    r"(?:\s+as\s+(?P<shown>.+?))?\s*$"
)
# "A->>B: text", "A-->>+B: text", "A-)B: text", "A<<->>B: text", "A--xA: text".
_MESSAGE = re.compile(
    r"^\s*(?P<sender>.+?)\s*(?:<<-->>|<<->>|-->>|->>|-->|->|--x|-x|--\)|-\))\s*[+-]?"
    r"\s*(?P<receiver>[^:]+?)\s*:(?P<label>.*)$"
)
_NOTE = re.compile(
    r"^\s*note\s+(?:over|left\s+of|right\s+of)\s+(?P<who>[^:]+?)\s*:(?P<label>.*)$", re.I
)
# A block's label: "loop Every minute", "alt Cache Hit", "else Cache Miss", "opt", "par", "and".
_BLOCK = re.compile(r"^\s*(?:loop|alt|else|opt|par|and|critical|option|break)\s+(?P<label>\S.*)$")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_ENTITY = re.compile(r"#(\d+);")


def told(source: str) -> str:
    """The words a sequence diagram's picture shows, as one passage ("" when it shows none, or
    ``source`` is another kind of diagram)."""
    diagram = _without_directives(source)
    if _SEQUENCE.match(diagram) is None:
        return ""
    names: dict[str, str] = {}
    sentences: list[str] = []
    for line in diagram.split("\n")[1:]:
        if line.strip().startswith("%%"):
            continue
        participant = _PARTICIPANT.match(line)
        if participant is not None:
            key = _unquoted(participant["id"])
            names[key] = _label(participant["shown"] or key)
            continue
        sentences.extend(_said(line, names))
    return " ".join(_sentence(text) for text in sentences if text)


def _said(line: str, names: dict[str, str]) -> list[str]:
    """What ``line`` shows: a message, a note or a block's label (nothing for the others)."""
    note = _NOTE.match(line)
    if note is not None:
        who = ", ".join(names.get(part.strip(), part.strip()) for part in note["who"].split(","))
        label = _label(note["label"])
        return [f"Note ({who}): {label}"] if label else []
    message = _MESSAGE.match(line)
    if message is not None:
        sender = names.get(message["sender"], _unquoted(message["sender"]))
        receiver = names.get(message["receiver"], _unquoted(message["receiver"]))
        label = _label(message["label"])
        if not label:
            return []
        return [f"{sender}: {label}" if sender == receiver else f"{sender} to {receiver}: {label}"]
    block = _BLOCK.match(line)
    return [_label(block["label"])] if block is not None else []


def _without_directives(source: str) -> str:
    """``source`` without Mermaid's configuration lines ("%%{init: …}%%", a front matter)."""
    lines = source.strip().split("\n")
    if lines and lines[0].strip() == "---":
        end = next((at for at, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1 :]
    return "\n".join(line for line in lines if not line.strip().startswith("%%{"))


def _label(text: str) -> str:
    """A label as the picture shows it: "<br/>" a space, "#59;" a semicolon, entities read."""
    text = _ENTITY.sub(lambda match: chr(int(match[1])), _BREAK.sub(" ", text))
    return " ".join(html.unescape(_unquoted(text.strip())).split())


def _unquoted(text: str) -> str:
    text = text.strip()
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] == '"' else text


def _sentence(text: str) -> str:
    return text if text.endswith(TERMINAL) else text + "."
