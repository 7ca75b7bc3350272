"""Follow-up questions: carry the previous question's subject into a short follow-up.

A :class:`Conversation` remembers the last few questions of one person in one chat. When a new
question reads as a follow-up ("and with Pakistan that year?", "how many rounds since then?") the
earlier questions are passed to the library as *context*: their terms are searched too, with less
weight, and names or years the follow-up replaces are dropped (see ``Library``). The terminal chat
and the bot use the same object; the bot stores it per chat and user with :meth:`to_json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

MAX_HISTORY = 3  # the question that set the topic and the latest follow-ups on it

_CUES = re.compile(
    r"^\s*(and|also|but|so|or|plus|then|what about|how about|what of|same|ok(ay)?|and what|"
    r"what else|anything else|more on|tell me more|why|how come|in which|which one|"
    r"(in|with|for|since|during|after|before|by|from|at|to|between|against|under|on)\b)",
    re.IGNORECASE,
)
_ANAPHORA = frozenset(
    """they them their theirs it its that those these this there then he she his her such same both
    either former latter above previous earlier too instead else again""".split()
)
_WORD = re.compile(r"\w+")


def is_follow_up(question: str) -> bool:
    """True when ``question`` reads as leaning on the one before it."""
    words = _WORD.findall(question.lower())
    if not words:
        return False
    if _CUES.match(question) and len(words) <= 10:
        return True
    return len(words) <= 8 and any(w in _ANAPHORA for w in words)


@dataclass(frozen=True)
class Conversation:
    """The recent questions of one conversation, and when the last was asked."""

    history: tuple[str, ...] = ()
    updated_at: float = 0.0

    def context_for(self, question: str, now: float, idle_seconds: float = 1800.0) -> str | None:
        """The context to search with ``question``, or None when it stands on its own."""
        if not self.history or now - self.updated_at > idle_seconds:
            return None
        return "\n".join(self.history) if is_follow_up(question) else None

    def after(self, question: str, context: str | None, now: float) -> Conversation:
        """The conversation once ``question`` (asked with ``context``) has been answered."""
        if not context:
            return Conversation((question,), now)
        # Keep the question that set the topic, however long the chain of follow-ups grows.
        history = (*self.history, question)
        if len(history) > MAX_HISTORY:
            history = (history[0], *history[-(MAX_HISTORY - 1) :])
        return Conversation(history, now)

    def reset(self) -> Conversation:
        return Conversation()

    def to_json(self) -> str:
        return json.dumps({"history": list(self.history), "updated_at": self.updated_at})

    @classmethod
    def from_json(cls, text: str | None) -> Conversation:
        """Read :meth:`to_json` output; anything unreadable is an empty conversation."""
        try:
            data = json.loads(text or "{}")
            history = tuple(str(q) for q in data.get("history", []))
            if len(history) > MAX_HISTORY:
                history = (history[0], *history[-(MAX_HISTORY - 1) :])
            return cls(history, float(data.get("updated_at", 0.0)))
        except (ValueError, TypeError, AttributeError):
            return cls()
