"""Every text the bot shows to people, in English: the model every other locale mirrors.

A flat module of named constants (a locale module defines every name this one does: a test
checks it). Texts sent with ``parse_mode=HTML`` are HTML already; anything filled into them is
escaped by :mod:`bot.render` first. Plain texts (button labels, callback answers, command
descriptions, console lines) are never parsed. Keep the ``{placeholders}`` of each text.
"""

from __future__ import annotations

LANGUAGE_NAME = "English"  # as the language calls itself, on the /language buttons


def paragraphs(count: int) -> str:
    """ "1 paragraph", "12 paragraphs"."""
    return f"{count} paragraph" if count == 1 else f"{count} paragraphs"


def passages(count: int) -> str:
    """ "1 passage", "132 passages"."""
    return f"{count} passage" if count == 1 else f"{count} passages"


def documents(count: int) -> str:
    """ "1 document", "5 documents"."""
    return f"{count} document" if count == 1 else f"{count} documents"


# The commands menu (setMyCommands); descriptions are plain text of at most 256 characters.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Welcome and example questions"),
    ("help", "How to ask, follow up and quote"),
    ("ask", "Ask a question about the documents"),
    ("quote", "Post a passage: /quote words, or /quote passage-id"),
    ("sources", "The documents I answer from"),
    ("more", "More results for your last question"),
    ("reset", "Forget the conversation and start afresh"),
    ("language", "Choose the language I answer in"),
)
# The menu in groups, where the bot only speaks when asked.
GROUP_COMMANDS: tuple[tuple[str, str], ...] = (
    ("ask", "Ask about the documents (or reply /ask to a message)"),
    ("quote", "Post a passage: /quote words, or /quote passage-id"),
    ("help", "How to use me in a group"),
)

# Added to the menu of each admin (BotCommandScopeChat), after the commands above.
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("reload", "Admin: re-read the documents folder and report"),
    ("remove", "Admin: remove a document: /remove file-name"),
    ("stats", "Admin: questions, answers, votes and corpus size"),
)

# /start: {examples_intro} is followed by one button per example question.
GREETING = (
    "Hello! I answer questions about a collection of documents by <b>quoting</b> the passages "
    "that answer them, with the title and paragraph they come from. I never make anything up.\n\n"
    "Ask me anything in your own words, or tap one of these examples:"
)
GREETING_NO_EXAMPLES = (
    "Hello! I answer questions about a collection of documents by <b>quoting</b> the passages "
    "that answer them, with the title and paragraph they come from. I never make anything up.\n\n"
    "Ask me anything in your own words; /sources lists what I can quote from."
)

# An example question on /start about one of the largest sections ({topic}: its heading), asked
# as typed when tapped: besides the topic, only words the search passes over.
EXAMPLE_ABOUT = "Tell me about {topic}"

HELP = (
    "<b>How to ask</b>\n"
    "Send a question as a normal message, in your own words. I search the documents and quote "
    "the passage that answers it best; the matched words are in <b>bold</b>, and the line under "
    "the quote says where it comes from (title, section, ¶ paragraph).\n\n"
    "<b>Follow up</b>\n"
    "Ask a short follow-up such as “and when was it signed?”: I read it together with your "
    "previous question for {idle} minutes. /reset forgets the conversation.\n\n"
    "<b>More and full text</b>\n"
    "Tap <i>Full passage</i> to read the whole paragraph, and <i>More results</i> (or send "
    "/more, or just “more”) to page through the rest of the ranking. Tap a title to open that "
    "passage.\n\n"
    "<b>Quote</b>\n"
    "Every quote is word for word, with its citation, so you can forward it or copy it as it "
    "is. A full passage ends with a link that opens the same passage for anyone.\n\n"
    "<b>In groups and other chats</b>\n"
    "Add me to a group and ask with /ask, by mentioning @{bot}, or by replying to my answer; "
    "/quote words posts a whole passage for everyone. In any chat, type @{bot} and a few words "
    "to pick a passage to send.\n\n"
    "👍 and 👎 tell me whether an answer helped. Edited messages are not answered again: "
    "send the corrected question as a new message. /sources lists the documents."
)
GROUP_HELP = (
    "I answer questions about the documents by quoting them, and only when asked:\n"
    "• /ask and your question, or a message that mentions @{bot}\n"
    "• reply to one of my answers to follow up on it\n"
    "• reply /ask to a message to search its words (or just the part you quote)\n"
    "• /quote and a few words (or a passage id) posts that passage for everyone\n"
    "The full answer and more results open in a private chat with me."
)
ASK_USAGE = (
    "Put your question after /ask or after my name, e.g. <i>/ask who wrote the report?</i>, "
    "or reply /ask to a message to search its words."
)
PRIVATE_ONLY = "That command works only in a private chat with me: @{bot}."
# "more" under an answer in a group: its further results are shown in the private chat.
GROUP_MORE = "More results for “{question}” open in a private chat with me."
# "/ask more" in a group before the member asked anything there (it was "only very common words").
GROUP_NOTHING_TO_PAGE = (
    "There is no earlier question of yours here to show more results for: send /ask and your "
    "question."
)
# A file sent to the bot in a group, by an admin: documents are added in the private chat.
UPLOAD_IN_PRIVATE = "To add a document, send me the file in a private chat: @{bot}."
GROUP_NO_ANSWER_HINT = "The closest passages are a tap away, below."

# /help, for admins only: added after HELP.
ADMIN_HELP = (
    "<b>For admins</b>\n"
    "Send me a document ({kinds}; up to 20 MB) to add it to the documents; a file with the "
    "name of one already there replaces it once you confirm. /remove file-name deletes a "
    "document (/sources shows the file names), /reload re-reads the documents folder, and "
    "/stats shows how I am used."
)

# /sources
SOURCES_HEADER = "<b>The documents I quote from</b> ({count}):"
SOURCES_SKIPPED_HEADER = "<b>Not read at the last reload</b> (only admins see this):"
SOURCES_LINE = "{number}. <b>{title}</b>{date} · {paragraphs}"  # {paragraphs}: paragraphs()
SOURCES_DATE = ", {date}"
SOURCES_FILE = " · <code>{name}</code>"  # file names: admins' (for /remove), all for shared titles
SOURCES_EMPTY = "There are no documents loaded yet, so I cannot answer anything for now."
# A page of /sources: 40 documents at most (61 at once flooded the chat); then, for admins, the
# files not read at the last reload, counted on the first page and listed by /more after them.
SOURCES_MORE = (
    "<i>Documents shown: {shown} of {total}. /more or the button below lists the next ones.</i>"
)
SOURCES_SKIPPED_COUNT = (
    "<b>Files not read at the last reload:</b> {count} (only admins see this); /more lists "
    "them after the documents."
)
SOURCES_SKIPPED_MORE = (
    "<i>Files shown: {shown} of {total}. /more or the button below lists the next ones.</i>"
)
SOURCES_GROUP_CONTINUED = "{heading} <i>(continued)</i>"  # a group going on from the last page
BUTTON_SOURCES_MORE = "Next page"

# Answers (see bot.replies): every {placeholder} is filled with escaped HTML.
ANSWER_MORE_HEADER = "<b>Also relevant:</b>"
ANSWER_COUNT = "<i>Results {first}–{last} of {total}.</i>"
PAGE_HEADER = "<b>More results for</b> “{question}”:"
# A follow-up's page: the question it was read with names what was searched.
PAGE_HEADER_FOLLOW_UP = "<b>More results for</b> “{question}”, after “{context}”:"
PARAGRAPH = "¶ {paragraph}"  # where a passage stands in its document
PARAGRAPH_PART = ", part {part} of {parts}"  # a long paragraph cut in n: passage k
PAGE = ", p. {page}"  # added after PARAGRAPH for a passage of a PDF
PAGES = ", pp. {first}–{last}"  # instead of PAGE when the quote runs on over a page break
SLIDE = ", slide {page}"  # instead of PAGE for a passage of a presentation (.pptx)
SLIDES = ", slides {first}–{last}"  # instead of PAGES there
FOLLOW_UP_NOTE = "<i>Read as a follow-up to “{context}”.</i>"
NO_ANSWER = "I searched the documents for “{query}”, but nothing in them answers it."
NO_ANSWER_CLOSEST = "<b>Closest passages</b> (they may not answer your question):"
NO_ANSWER_NOTHING = "No passage even mentions these words."
NO_ANSWER_HINT = (
    "Try asking with other words (a name, a place, a key term), or see /sources for what "
    "the documents cover."
)
PASSAGE_HEADER = "<b>{title}</b>"
PASSAGE_WHERE_SECTION = "{section} · {where}"  # {where}: PARAGRAPH (and PAGE)
# The next message of a paragraph too long for one ("Full passage").
PASSAGE_CONTINUED = "<i>{title}, continued ({part} of {parts})</i>"
PASSAGE_LINK = '🔗 <a href="{url}">Link to this passage</a>'
CUT_MARK = "…"

# /quote: a whole passage posted for discussion.
QUOTE_USAGE = (
    "Tell me which passage: <i>/quote a few words from it</i>, or <i>/quote</i> and a passage "
    "id (the end of a passage link, after p_)."
)
QUOTE_CHOOSE = "Several passages match “{words}”. Which one shall I post?"
QUOTE_NO_PASSAGE = (
    "There is no passage “{passage_id}” in the documents (any more: they may have been "
    "reloaded). Try /quote with a few words from it."
)
QUOTE_NOTHING = "No passage matches “{words}”. Try other words, or see /sources."

# Inline mode (@bot words in any chat); button texts are plain, at most 64 characters.
INLINE_HINT = "Type a few words to find a passage · how it works"
INLINE_NOTHING = "No passage matches · how to search"

# Buttons (plain text)
BUTTON_FULL_ANSWER = "Full answer and more results"
BUTTON_CLOSEST = "Closest passages"
BUTTON_OPEN_PASSAGE = "Open in @{bot}"
BUTTON_CHOICE = "{rank}. {where} · {title}"  # cut at 60 characters: ¶ first
BUTTON_FULL = "Full passage"
BUTTON_MORE = "More results"
BUTTON_GOOD = "👍"
BUTTON_BAD = "👎"
BUTTON_OPEN = "📖 {rank}"  # the page's entry {rank}: its passage in full
BUTTON_PART_BEFORE = "◀ Part {part}"  # under a part of a long paragraph: the part before
BUTTON_PART_AFTER = "Part {part} ▶"  # and the part after it

# Problems with the question, said plainly.
EMPTY_QUESTION = (
    "I couldn't find any words to search for in that. Ask me a question in words, "
    "naming what it is about."
)
ONLY_COMMON_WORDS = (
    "Your question only has very common words, so there is nothing to look up. "
    "Name what you are asking about: a name, a place or a key term. /help says what I can do."
)
NOTHING_NAMED = (
    "Your question asks about “it” or “them”, but nothing was asked before it. Ask again with "
    "the name of what you mean. /help says what I can do."
)
QUESTION_TOO_LONG = (
    "That question is too long for me ({length} characters; the limit is {limit}). "
    "Ask it in a sentence or two."
)
NOT_TEXT = "I can only read text. Send me your question as a message, or see /help for how to ask."
UNKNOWN_COMMAND = "I don't know that command. /help lists what I can do."

# More results and full passages.
NOTHING_TO_PAGE = "Ask me a question first; then /more shows further results for it."
# A result's number ("2", "#3") with no answer to open it in: after /reset, the idle time or
# before any question (three testers met "2" searched as words).
NUMBER_BEFORE_QUESTION = "Ask me a question first; a result's number then opens that result."
# A message that is only one of these asks for more results, as /more does (any locale's
# words are understood, whatever the user's language).
MORE_WORDS = ("more", "next", "more results", "other results", "show more", "tell me more", "go on")
# A message naming one of the results shown ("the second one", "3rd", "#2") opens it in full: the
# ordinals 1 to 10 ("|" between the forms of one), and the words that may go with them.
ORDINALS = (
    "first|1st", "second|2nd", "third|3rd", "fourth|4th", "fifth|5th", "sixth|6th",
    "seventh|7th", "eighth|8th", "ninth|9th", "tenth|10th",
)  # fmt: skip
ORDINAL_WORDS = "the|one|result|passage|quote|show|open|me|please|read|and"
# Words said around a paging word ("show me more", "more please", "and more"): a message of
# these and MORE_WORDS only pages on as the paging word alone does ("|" between them).
MORE_FILLERS = (
    "the|one|please|pls|plz|and|ok|okay|so|then|now|show|me|us|give|some|can|could|you|results|ones"
)
# Words naming a result by its number ("number 3", "result 5", "no. 2"): with a number and
# ORDINAL_WORDS only, a message of them opens that result, as "#3" does.
RESULT_NUMBER_WORDS = "number|no|nr|num|result|passage|quote|item"
# A message made only of these (and emoji or punctuation) is small talk, not a question:
# thanks and greetings are not searched for (any locale's words are understood).
SMALL_TALK_WORDS = (
    "thanks",
    "thank you",
    "thx",
    "ok",
    "okay",
    "cool",
    "great",
    "lol",
    "hi",
    "hello",
    "a lot",
    "so much",
    "many thanks",
    "again",
    "hi there",
    "hello there",
    "good morning",
    "good afternoon",
    "good evening",
    "good night",
    "bye",
    "goodbye",
    "see you",
    # sign-offs: "thanks, that's all", "ok that's it, thanks"
    "that's all",
    "that is all",
    "thats all",
    "that's it",
    "thats it",
    "that will be all",
    "that'll be all",
    "for now",
    "nothing else",
    "no more questions",
    "all good",
    "all set",
    "i'm done",
    "i'm good",
    "that's all i needed",
    "that's all i need",
    "that's what i needed",
    "that helps",
    "that helped",
    "that's helpful",
    "very helpful",
    "good to know",
    "makes sense",
    "that makes sense",
    "understood",
    "no worries",
    "never mind",
    "nevermind",
    "have a nice day",
    "have a good day",
)
# Whom small talk is said to ("hi there", "thanks everyone"): small talk beside one of the
# words above, never alone ("there", "all" are asked about).
SMALL_TALK_ADDRESSEE_WORDS = (
    "there", "everyone", "everybody", "all", "folks", "guys", "y'all", "team", "friends", "bot",
    "mate", "buddy", "dude", "man",
)  # fmt: skip
# A request for help that names nothing to look up ("can you help me check a claim?", "I have a
# question"): made only of small talk, these words and at least one of HELP_WORDS, it is
# answered as small talk, asking what to look up. A word naming a subject ("help with WAL
# mode") makes it a question; "claim" or "fact" alone might be one ("help with a claim"), so
# only the phrases that check one name nothing.
HELP_FRAME_WORDS = (
    "i", "me", "my", "you", "we", "us", "can", "could", "would", "may", "please", "pls", "plz",
    "a", "an", "some", "one", "quick", "small", "little", "with", "to", "for", "have", "got",
    "i've", "i'd", "i'm", "i am", "need", "want", "like", "do", "something", "anything",
    "this", "that", "it", "another", "more", "few", "couple", "of",
)  # fmt: skip
HELP_WORDS = (
    "help", "question", "questions", "ask", "assist", "assistance", "check a claim",
    "check claims", "check a fact", "check facts", "check a statement", "verify a claim",
    "verify a fact", "verify a statement", "fact check", "check something", "verify something",
    "look something up", "look up something", "find something", "find out something",
)  # fmt: skip
SMALL_TALK_REPLY = "🙂 Ask me a question about the documents whenever you like; /help says how."
EDITED_NOT_ANSWERED = (
    "I answer each message once, so your edit was not searched: send the corrected question "
    "as a new message."
)
NO_MORE_RESULTS = "That was everything: there are no more results for “{question}”."
NO_MORE_SINCE_RELOAD = (
    "The documents were reloaded since you asked, and the further results for “{question}” "
    "are no longer in them. Ask the question again to search the current ones."
)
NO_SUCH_RESULT = "There is no result {rank} for “{question}”: the search found {found}."
SEARCH_GONE = "I no longer have that search. Please ask the question again."
# A press of /quote's choices by someone other than the asker (a callback answer).
QUOTE_NOT_YOURS = "Only the person who sent /quote can choose: send your own /quote."
PASSAGE_GONE = (
    "That passage is no longer in the documents: they were reloaded since. "
    "Ask the question again to search the current ones."
)
CORPUS_CHANGED = (
    "<i>The documents were reloaded since you asked, so these results come from the "
    "current ones and may differ from before.</i>"
)
# A /start link to a passage that does not exist: LINK_GONE when it was one of the bot's passages
# (the documents changed since), BAD_DEEP_LINK when it never was.
LINK_GONE = (
    "That link doesn't point to a passage here any more: the documents have changed since it "
    "was made. Ask me the question again to search them as they are now."
)
BAD_DEEP_LINK = (
    "That link isn't one of mine, so there is nothing to open. Ask me a question instead."
)

# /language: one button per language, and one to follow the Telegram app again.
LANGUAGE_CHOOSE = "Which language shall I answer you in? Now: {current}."
LANGUAGE_SET = "Done: I answer you in {language} from now on."
LANGUAGE_AUTO = "Done: I answer you in the language of your Telegram app from now on."
BUTTON_LANGUAGE_AUTO = "Like my Telegram app"

# /reset and feedback (callback answers are plain text, at most 200 characters).
RESET_DONE = "Done: I forgot our conversation. Your next question starts afresh."
FEEDBACK_THANKS_GOOD = "Thanks! Glad it helped."
FEEDBACK_THANKS_BAD = "Thanks for telling me. Try rephrasing, or tap More results."
FEEDBACK_THANKS_BAD_ALONE = "Thanks for telling me. Try asking it in other words."
FEEDBACK_GONE = "That answer is too old to rate."
BUTTON_EXPIRED = "This button no longer works. Please ask again."

# Admins: who may, reloads, uploads, removals, usage. {placeholders} are escaped HTML.
ADMIN_ONLY = "Sorry, /{command} is for the bot's admins."
ADMIN_ONLY_UPLOAD = (
    "Only the bot's admins can add documents. Send me your question as a text message, or "
    "see /help."
)
ADMIN_ONLY_BUTTON = "This button is for the bot's admins."  # a callback answer: plain text
RELOADING = "⏳ Reloading the documents…"
RELOADING_JOINED = "⏳ A reload is already running; its report will come here."
RELOADING_FOR = (
    "⏳ Reloading the documents… {seconds} s so far. Questions are still answered meanwhile, "
    "from the documents as they were."
)
RELOAD_DONE = "✅ <b>Reloaded</b> in {seconds} s."
RELOAD_COUNTS = (
    "Documents: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged."
)
RELOAD_COUNTS_RENAMED = (
    "Documents: {added} added, {changed} changed, {renamed} renamed, {removed} removed, "
    "{unchanged} unchanged."
)
RELOAD_PARAGRAPHS = "Paragraphs: {before} before, {after} after."
RELOAD_NAMES = "<b>{label}</b>: {names}"
RELOAD_LABELS = ("Added", "Changed", "Removed")
RELOAD_RENAMED_LABEL = "Renamed"  # "old → new": moved or renamed, content unchanged
RELOAD_RECOVERED_LABEL = "Readable again (no longer kept at their last good version)"
RELOAD_SKIPPED_HEADER = "<b>Skipped</b> (not indexed):"
RELOAD_KEPT_HEADER = (
    "<b>Kept at their last good version</b> (the file in the folder now can't be read):"
)
RELOAD_SKIPPED = "• <code>{doc}</code>: {reason}"
RELOAD_MORE = "…and {count} more."
RELOAD_MORE_LISTED = "…and {count} more (/sources lists them all)."  # in a message
RELOAD_KEPT = "{count} kept at their last good version: {names}."
# Files read again only because quotebot reads their format differently now (an upgrade).
RELOAD_REREAD = "Read again with the new reader (unchanged on disk): {count}."
RELOAD_STILL_SKIPPED = "Still skipped as at the last reload: {count} (/sources lists them)."
RELOAD_PARTIAL_HEADER = "<b>Read in part</b> (indexed without the pages named):"
RELOAD_STILL_PARTIAL = "Still read in part as at the last reload: {count} (/sources lists them)."
RELOAD_MANIFEST_HEADER = "⚠️ <b>To fix in</b> <code>manifest.toml</code>:"
RELOAD_MANIFEST_LINE = "• {problem}"  # a problem as the library words it ("line 4: …")
RELOAD_FAILED = (
    "❌ <b>The reload failed</b>: {reason}\nThe documents are still served as they were before it."
)
RELOAD_CRASHED = (
    "❌ <b>The reload failed</b> on an unexpected error (the log has the details).\n"
    "The documents are still served as they were before it."
)
UPLOAD_WRONG_KIND = (
    "I can add files of these kinds: {kinds}; “{name}” is not one of them. Nothing was changed."
)
UPLOAD_SAVE_AS = (
    "I can't read “{name}” as it is: open it where it was made, save it as {kind} and send "
    "me that. Nothing was changed."
)
UPLOAD_TOO_LARGE = (
    "“{name}” is {size} MB, and Telegram lets bots download files of up to 20 MB. Split "
    "it, or put it in the documents folder on the server and send /reload."
)
UPLOAD_REFUSED = "I can't add “{name}”: {reason}. Nothing was changed."
UPLOAD_MISNAMED = (
    "I can't add “{name}”: it is a {kind} file, so send it again named <code>{renamed}</code>. "
    "Nothing was changed."
)
UPLOAD_SAME_AS = (
    "“{name}” is the same file as <code>{same}</code>, which is already in the documents: "
    "nothing was saved (a copy would show every answer twice)."
)
UPLOAD_UNCHANGED = (
    "<code>{name}</code> is already in the documents, exactly as you sent it: nothing was changed."
)
UPLOAD_DOWNLOAD_FAILED = (
    "I couldn't download “{name}” from Telegram ({reason}). Please send it again."
)
UPLOAD_SAVED = "📄 Saved <code>{name}</code> ({passages})."
UPLOAD_SAVED_AS = "📄 Saved “{original}” as <code>{name}</code> ({passages})."
UPLOAD_REPLACE_ASK = (
    "There is already a document <code>{name}</code> (<b>{title}</b>). "
    "Replace it with the file you sent ({passages})?"
)
# The same, of a document whose title is only its file name.
UPLOAD_REPLACE_ASK_UNTITLED = (
    "There is already a document <code>{name}</code>. Replace it with the file you sent "
    "({passages})?"
)
UPLOAD_REPLACED = "📄 Replaced <code>{name}</code> with the file you sent."
UPLOAD_NOT_SAVED = (
    "I couldn't save “{name}” in the documents folder: {reason}. Nothing was changed."
)
UPLOAD_KEPT = "Kept the current <code>{name}</code>; the file you sent was not saved."
MANIFEST_SAVED = (
    "📄 Saved <code>manifest.toml</code>: the titles, dates, sources and authors it gives "
    "apply from this reload."
)
MANIFEST_REPLACE_ASK = (
    "There is already a <code>manifest.toml</code>. Replace it with the one you sent? The "
    "titles, dates, sources and authors of the documents will be those it gives."
)
UPLOAD_NOT_INDEXED = (
    "⚠️ <code>{name}</code> is in the folder but could not be indexed: {reason}. "
    "The documents served are unchanged."
)
UPLOAD_ARCHIVE = (
    "“{name}” is an archive, and I can't open archives: unpack it and send me the files in it "
    "one by one (of these kinds: {kinds}). Nothing was changed."
)
REMOVE_USAGE = "Tell me which document: <i>/remove file-name</i>. The documents are:\n{names}"
REMOVE_NO_SUCH = "There is no document <code>{name}</code>. The documents are:\n{names}"
# /remove NAME where NAME (a file name without its folder, or without its extension) is
# the name of several documents: which are meant.
REMOVE_SEVERAL = (
    "Several documents are called <code>{name}</code>. Which "
    "one? Send /remove with its full name:\n{names}"
)
REMOVE_NAME = "• <code>{name}</code>"
REMOVE_LAST = (
    "<code>{name}</code> is the only document, and I need at least one to answer from. "
    "Add another first."
)
REMOVE_ASK = "Remove <code>{name}</code> (<b>{title}</b>) from the documents?"
REMOVE_KEPT = "Kept <code>{name}</code>."
REMOVE_DONE = "🗑 Removed <code>{name}</code>."
REMOVE_ALREADY_GONE = "<code>{name}</code> is no longer in the documents folder."
PENDING_GONE = (
    "That question has expired or was already answered, so nothing was changed. "
    "Send the file, or /remove, again."
)
NOT_INDEXED_TITLE = "not indexed yet"
NOT_INDEXED_BECAUSE = "not indexed: {reason}"
BUTTON_REPLACE = "Yes, replace it"
BUTTON_REMOVE = "Yes, remove it"
BUTTON_KEEP = "No, keep it"

# /stats: each period on a line, then the most asked questions of the last week.
STATS_HEADER = "<b>How I am used</b>"
STATS_PERIOD = (
    "<b>{label}</b>: {questions} asked, {answered} answered ({percent}; {hedged} of them with a "
    "doubt), {declined} declined · 👍 {good} · 👎 {bad}"
)
STATS_LABELS = ("Last 24 hours", "Last 7 days", "All time")
STATS_TOP_ASKED = "<b>Most asked</b> in the last 7 days:"
STATS_TOP_DECLINED = (
    "<b>Most asked that I could not answer</b> in the last 7 days (what to add to the documents):"
)
# Shown only when there were such questions ({languages}: "Russian 3×, Chinese 1×", names from
# LANGUAGE_NAMES joined by LIST_SEPARATOR).
STATS_FOREIGN = (
    "<b>Questions of the last 7 days in languages none of the documents is written in</b> "
    "(documents in those languages would answer them): {languages}"
)
STATS_TOP_LINE = "{count}× {question}"
STATS_NONE = "none"
STATS_UNAVAILABLE = "I could not read the query log just now; please try /stats again later."
# The paragraphs as /sources and /reload count them, then the passages answers quote (a long
# paragraph is several): "161 passages" after "Paragraphs: 159 before, 160 after" puzzled.
STATS_CORPUS = (
    "<b>Corpus</b>: {documents}, {paragraphs} (as /sources and /reload count them); answers "
    "quote {passages} (a long paragraph in parts)."
)

# The one apology of the error handler.
APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."

# Console lines of `quotebot run` (plain text, one line each, never containing the token).
CONSOLE_NO_TOKEN = (
    "quotebot: no bot token: set TELEGRAM_BOT_TOKEN in the environment or .env "
    "(get one from @BotFather)"
)
CONSOLE_TOKEN_REJECTED = (
    "quotebot: Telegram rejected the bot token (TELEGRAM_BOT_TOKEN); check it with @BotFather"
)
CONSOLE_NETWORK = "quotebot: cannot reach the Bot API at {url}: {reason}"
CONSOLE_SETUP = "quotebot: cannot start the bot: {reason}"


# ------------------------------------------------------------------ the terminal (`quotebot`)
# Plain text: the terminal chat, `quotebot ask` and the command line's one-line errors.
CLI_CHAT_WELCOME = (
    "quotebot — ask a question about the documents ({documents}, {passages}).\n"
    "Follow-ups work (“and in 2005?”). /more for more results, /sources, /reset, /help, "
    "/quit."
)
CLI_NO_TOKEN = "No TELEGRAM_BOT_TOKEN is set, so the conversation runs here in the terminal."
CLI_CHAT_HELP = (
    "Type a question in your own words; the answer quotes the passage that answers it, with its\n"
    "title, section and paragraph number. A short follow-up (“and in 2004?”) is read together\n"
    "with your previous question. Commands: /more (more results), /sources (the documents),\n"
    "/reset (forget the conversation), /language (the language I answer in), /quit. A result's\n"
    "number alone (“2”, “the second one”) quotes that result."
)
CLI_RESET = "Conversation forgotten: the next question starts afresh."
CLI_UNKNOWN_COMMAND = "Unknown command {command}. Try /help."
# /language in the terminal: how to choose ({choices}: "en (English), ru (Русский), …"), and
# "/language auto" back to the system's language (LANG) and the question's.
CLI_LANGUAGE_CHOICES = (
    "Type /language and one of: {choices}; /language auto answers in your system's language "
    "(LANG) or your question's."
)
CLI_LANGUAGE_AUTO = (
    "Done: I answer you in your system's language (LANG), or your question's, from now on."
)
CLI_NO_MORE_QUESTION = "Ask a question first; /more then shows further results."
CLI_NO_MORE_RESULTS = "There are no more results for that question."
CLI_SOURCES_MORE = "({shown} of {total} documents shown; /more for the next ones)"
CLI_SEARCH_NONE = "No passage holds a word of this question."
CLI_SEARCHED = "(searched: {query})"
# A follow-up's search as the terminal shows it: the question, then those it follows.
CLI_FOLLOWING = "{question} (following: {earlier})"
CLI_ALSO = "Also relevant:"
CLI_SHOWN = "({shown} of {total} matching passages shown)"
CLI_MORE_AVAILABLE = "({shown} of {total} matching passages shown; /more for the next ones)"
CLI_DECLINED = (
    "I couldn't find this in the documents (searched: {query}).\n"
    "The closest passages, which may not answer it:"
)
CLI_DECLINED_HINT = (
    "Try other words for the same thing, or see /sources for what the documents cover."
)
CLI_NOTHING_FOUND = (
    "I couldn't find anything about this in the documents (searched: {query}). "
    "Try other words, or see /sources."
)
CLI_EMPTY_QUESTION = "Please type a question: that message had no words in it."
CLI_ONLY_COMMON_WORDS = (
    "That question has only very common words, so there is nothing to search for. "
    "Add what it is about: a name, a place or a key term."
)
CLI_NOTHING_NAMED = (
    "That question asks about “it” or “them”, but nothing was asked before it. "
    "Ask again with the name of what you mean."
)
# What `quotebot ask` says to small talk ("hi there", "thanks, that's all").
CLI_SMALL_TALK = "🙂 Ask me a question about the documents: `quotebot ask` and your question."
CLI_CHAT_HELP_HINT = "/help says what I can do."
CLI_TOO_LONG = "That question is {length} characters long; the limit is {limit}."
CLI_ERROR = "quotebot: {message}"
CLI_BYE = "Bye."
CLI_INDEXED = "Indexed {folder} into {db}."
CLI_INDEX_FAILED_FIRST = "❌ <b>Indexing failed</b>: {reason}\nNo database was made."
CLI_DAMAGED = (
    "the database {db} was damaged: moved to {moved}, and rebuilt from {corpus} "
    "(its conversations and query log stay in the moved file)"
)
# Said on stderr by `ask`, `search` and `chat` when they read changed documents before
# answering (`quotebot index` afterwards has nothing left to report); {changes}: "Changed: a.md".
CLI_REREAD = "The documents changed since they were last read; read again first. {changes}"
CLI_NOT_A_COUNT = "{value!r} is not a whole number of 1 or more"
CLI_NO_DATABASE = "no database at {path} (the bot and `quotebot index` create it)"
CLI_STATS_COUNTED = "(Questions asked in Telegram and in the terminal are both counted.)"

# A best match that may not fully answer (the question's outcome was "hedged"), and a question in
# a language none of the documents is written in ({languages}: their names from LANGUAGE_NAMES).
HEDGED = "<i>This is the closest passage I found; it may not fully answer your question.</i>"
CLI_HEDGED = "(This is the closest passage found; it may not fully answer the question.)"
WRONG_LANGUAGE = "The documents are written in {languages}: please ask in one of these."
WRONG_LANGUAGE_ONE = "The documents are written in {language}: please ask in {language}."
# A declined question in one of the documents' languages whose closest passages lead with
# others ({languages}: their names from LANGUAGE_NAMES): the subject may be covered only there.
ELSEWHERE_ONE = (
    "The closest passages are in {language}: the documents may cover this only in {language}."
)
ELSEWHERE = (
    "The closest passages are in other languages ({languages}): the documents may cover "
    "this only in those."
)

# The corpus's languages as this locale names them, for WRONG_LANGUAGE ("The documents are
# written in Russian, English"): every language the analyzer knows; another is named in its
# own language (retrieval.search.languages.ENDONYMS). Joined by LIST_SEPARATOR.
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "ca": "Catalan",
    "de": "German",
    "nl": "Dutch",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "fi": "Finnish",
    "hu": "Hungarian",
    "ro": "Romanian",
    "tr": "Turkish",
    "id": "Indonesian",
    "pl": "Polish",
    "cs": "Czech",
    "vi": "Vietnamese",
    "ru": "Russian",
    "uk": "Ukrainian",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "ar": "Arabic",
    "fa": "Persian",
    "ur": "Urdu",
    "he": "Hebrew",
    "el": "Greek",
    "hi": "Hindi",
    "th": "Thai",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
}
DECIMAL_MARK = "."  # "0.5 s"; in Russian, French and Spanish "0,5 s"
LINE_COLON = ": "  # between a citation and its excerpt in a list ("• ¶ 4: …")
LIST_SEPARATOR = ", "
LIST_LAST_SEPARATOR = " and "  # before the last of a list: "English, Russian and Spanish"


# Why a file was not read, or what is wrong in manifest.toml: the library's reasons (in
# English, the keys) as this language says them. Unknown reasons are shown as they are.
REASONS: dict[str, str] = {
    "empty": "empty",
    "binary, not text": "binary, not text",
    "binary, not a web page": "binary, not a web page",
    "encrypted": "encrypted",
    "encrypted — needs its password (save a copy without one)": (
        "encrypted — needs its password (save a copy without one)"
    ),
    "an error page": "an error page",
    "a redirect to {address}": "a redirect to {address}",
    "only includes {files}": "only includes {files}",
    "parts of the saved page {page} (files it shows or runs), not documents": (
        "parts of the saved page {page} (files it shows or runs), not documents"
    ),
    "no paragraphs of text found": "no paragraphs of text found",
    "a list of words, one a line, not text to quote": (
        "a list of words, one a line, not text to quote"
    ),
    "no main text (only navigation, scripts or markup)": (
        "no main text (only navigation, scripts or markup)"
    ),
    "no text layer — needs OCR": "no text layer — needs OCR",
    "damaged: not a PDF file": "damaged: not a PDF file",
    "an image ({kind}), not a {suffix} file: its text needs OCR": (
        "an image ({kind}), not a {suffix} file: its text needs OCR"
    ),
    "an archive ({kind}), not a {suffix} file: unpack it": (
        "an archive ({kind}), not a {suffix} file: unpack it"
    ),
    "plain text, not a {suffix} file: rename it to .txt": (
        "plain text, not a {suffix} file: rename it to .txt"
    ),
    "a web page, not a {suffix} file: rename it to .html": (
        "a web page, not a {suffix} file: rename it to .html"
    ),
    "a {kind} file, not a {suffix} file: rename it": (
        "a {kind} file, not a {suffix} file: rename it"
    ),
    "a Word 97–2003 file (.doc), not a {suffix} file: save it as .docx": (
        "a Word 97–2003 file (.doc), not a {suffix} file: save it as .docx"
    ),
    "a PowerPoint 97–2003 file (.ppt), not a {suffix} file: save it as .pptx": (
        "a PowerPoint 97–2003 file (.ppt), not a {suffix} file: save it as .pptx"
    ),
    "an Excel file, not a {suffix} file: export it as .pdf": (
        "an Excel file, not a {suffix} file: export it as .pdf"
    ),
    "damaged: cannot be opened": "damaged: cannot be opened",
    "damaged: page {page} cannot be read": "damaged: page {page} cannot be read",
    "damaged: not a Word document": "damaged: not a Word document",
    "damaged: a part of the file is corrupt": "damaged: a part of the file is corrupt",
    "damaged: the file is cut short (copy it again)": (
        "damaged: the file is cut short (copy it again)"
    ),
    "damaged: too large when unpacked": "damaged: too large when unpacked",
    "not decodable as text (save it as UTF-8)": "not decodable as text (save it as UTF-8)",
    "too large ({size} MB; the limit is 20 MB)": "too large ({size} MB; the limit is 20 MB)",
    "cannot be read ({error})": "cannot be read ({error})",
    "the reader failed on it ({error}): please report this file": (
        "the reader failed on it ({error}): please report this file"
    ),
    "unsupported type ({kind})": "unsupported type ({kind})",
    "file name is not valid UTF-8 — rename it": "file name is not valid UTF-8 — rename it",
    "a link to a file outside the corpus folder: not read": (
        "a link to a file outside the corpus folder: not read"
    ),
    "a link to a file that does not exist": "a link to a file that does not exist",
    "a link that leads back to itself": "a link that leads back to itself",
    "a link to a hidden file: not read": "a link to a hidden file: not read",
    "a link to a folder: not followed (copy the folder in instead)": (
        "a link to a folder: not followed (copy the folder in instead)"
    ),
    "a link to {name}, which is read under that name": (
        "a link to {name}, which is read under that name"
    ),
    "the same text as {name}, which is read under that name": (
        "the same text as {name}, which is read under that name"
    ),
    "'{name}' is listed but no such file": "'{name}' is listed but no such file",
    "'{name}' is listed but no such file (did you mean '{near}'?)": (
        "'{name}' is listed but no such file (did you mean '{near}'?)"
    ),
    "date '{value}' is not a date (use 2024-05-01, or 2024-05, or 2024)": (
        "date '{value}' is not a date (use 2024-05-01, or 2024-05, or 2024)"
    ),
    "not decodable as UTF-16 text": "not decodable as UTF-16 text",
    "a template ({kind}), not a page": "a template ({kind}), not a page",
    "damaged: {problem}": "damaged: {problem}",
    "line {line}: {problem}": "line {line}: {problem}",
    "{problem}; until it is fixed, the documents keep the titles, dates and sources they had": (
        "{problem}; until it is fixed, the documents keep the titles, dates and sources they had"
    ),
    "slide {slide} not read: damaged": "slide {slide} not read: damaged",
    "slides {slides} not read: damaged": "slides {slides} not read: damaged",
    "page {page} not read: its font has no Unicode mapping — needs OCR": (
        "page {page} not read: its font has no Unicode mapping — needs OCR"
    ),
    "pages {pages} not read: their fonts have no Unicode mapping — needs OCR": (
        "pages {pages} not read: their fonts have no Unicode mapping — needs OCR"
    ),
    "page {page}: some characters unreadable (a font has no Unicode mapping for them); "
    "the page is indexed as read": (
        "page {page}: some characters unreadable (a font has no Unicode mapping for them); the "
        "page is indexed as read"
    ),
    "pages {pages}: some characters unreadable (a font has no Unicode mapping for them); "
    "the pages are indexed as read": (
        "pages {pages}: some characters unreadable (a font has no Unicode mapping for them); the "
        "pages are indexed as read"
    ),
    "text layer unreadable: its fonts have no Unicode mapping — needs OCR": (
        "text layer unreadable: its fonts have no Unicode mapping — needs OCR"
    ),
    "text layer unreadable: its letters make no words (a bad OCR layer) — needs OCR": (
        "text layer unreadable: its letters make no words (a bad OCR layer) — needs OCR"
    ),
}
