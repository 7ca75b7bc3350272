"""The bot's memory, in the same SQLite file as the corpus, split by concern.

    schema.py         the bot's tables and their migrations; opening the file
    conversations.py  follow-up state per (chat, user); each user's chosen language; what the
                      bot's /quote posts are about
    queries.py        the query log: saved searches, pages shown, answers' messages, votes
    pending.py        an admin's replace or removal waiting for a Yes
    usage.py          the figures of /stats, read back from the query log
    store.py          :class:`StateStore`: all of the above on one connection (CLI, tests)
    worker.py         :class:`AsyncState`: the same for the bot, off the event loop

Everything is keyed by chat *and* user, so private chats and groups share the same tables and
two members of a group following up at once never mix.
"""

from bot.state.pending import PendingChange
from bot.state.queries import KEY_BYTES, SavedSearch
from bot.state.schema import MIGRATIONS
from bot.state.store import StateStore
from bot.state.usage import PeriodCounts, Usage, question_key
from bot.state.worker import AsyncState

__all__ = [
    "KEY_BYTES",
    "MIGRATIONS",
    "AsyncState",
    "PendingChange",
    "PeriodCounts",
    "SavedSearch",
    "StateStore",
    "Usage",
    "question_key",
]
