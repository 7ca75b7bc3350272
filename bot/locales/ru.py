"""Every text the bot shows to people, in Russian (русский): a mirror of :mod:`bot.locales.en`.

Same names, same ``{placeholders}``, same HTML tags and commands as the English module (a test
checks it). Quotes are «ёлочки»; counts agree in number through :func:`_plural`, and where a
count stands alone in a sentence it follows a label ("вопросов — 5") so no agreement is needed.
The bot speaks without a grammatical gender (no "нашёл/нашла").
"""

from __future__ import annotations

LANGUAGE_NAME = "Русский"  # as the language calls itself, on the /language buttons


def _plural(count: int, one: str, few: str, many: str) -> str:
    """ "1 абзац", "3 абзаца", "5 абзацев", "11 абзацев", "21 абзац"."""
    if count % 10 == 1 and count % 100 != 11:
        form = one
    elif 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        form = few
    else:
        form = many
    return f"{count} {form}"


def paragraphs(count: int) -> str:
    """ "1 абзац", "12 абзацев"."""
    return _plural(count, "абзац", "абзаца", "абзацев")


def passages(count: int) -> str:
    """ "1 фрагмент", "132 фрагмента"."""
    return _plural(count, "фрагмент", "фрагмента", "фрагментов")


def documents(count: int) -> str:
    """ "1 документ", "5 документов"."""
    return _plural(count, "документ", "документа", "документов")


# The commands menu (setMyCommands); descriptions are plain text of at most 256 characters.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Приветствие и примеры вопросов"),
    ("help", "Как спрашивать, уточнять и цитировать"),
    ("ask", "Задать вопрос по документам"),
    ("quote", "Опубликовать фрагмент: /quote слова или /quote id-фрагмента"),
    ("sources", "Документы, по которым я отвечаю"),
    ("more", "Ещё результаты по последнему вопросу"),
    ("reset", "Забыть разговор и начать заново"),
    ("language", "Выбрать язык ответов"),
)
# The menu in groups, where the bot only speaks when asked.
GROUP_COMMANDS: tuple[tuple[str, str], ...] = (
    ("ask", "Вопрос по документам (или ответьте /ask на сообщение)"),
    ("quote", "Опубликовать фрагмент: /quote слова или /quote id-фрагмента"),
    ("help", "Как пользоваться мной в группе"),
)

# Added to the menu of each admin (BotCommandScopeChat), after the commands above.
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("reload", "Админ: перечитать папку с документами и показать отчёт"),
    ("remove", "Админ: удалить документ: /remove имя-файла"),
    ("stats", "Админ: вопросы, ответы, оценки и размер корпуса"),
)

# /start: followed by one button per example question.
GREETING = (
    "Здравствуйте! Я отвечаю на вопросы по собранию документов: <b>цитирую</b> фрагменты, "
    "в которых есть ответ, и указываю название и абзац, откуда они взяты. "
    "Я ничего не выдумываю.\n\n"
    "Спрашивайте о чём угодно своими словами или нажмите на один из примеров:"
)
GREETING_NO_EXAMPLES = (
    "Здравствуйте! Я отвечаю на вопросы по собранию документов: <b>цитирую</b> фрагменты, "
    "в которых есть ответ, и указываю название и абзац, откуда они взяты. "
    "Я ничего не выдумываю.\n\n"
    "Спрашивайте о чём угодно своими словами; в /sources — список того, что я могу цитировать."
)

EXAMPLE_ABOUT = "Что есть про «{topic}»?"

HELP = (
    "<b>Как спрашивать</b>\n"
    "Отправьте вопрос обычным сообщением, своими словами. Я ищу в документах и цитирую "
    "фрагмент, который отвечает на него лучше всего; совпавшие слова выделены <b>жирным</b>, "
    "а строка под цитатой показывает, откуда она (название, раздел, ¶ абзац).\n\n"
    "<b>Уточнения</b>\n"
    "Задайте короткий уточняющий вопрос, например «а когда его подписали?»: в течение {idle} мин "
    "я читаю его вместе с предыдущим вопросом. /reset — забыть разговор.\n\n"
    "<b>Ещё результаты и полный текст</b>\n"
    "Нажмите <i>Весь фрагмент</i>, чтобы прочитать абзац целиком, и <i>Ещё результаты</i> "
    "(или отправьте /more или просто «ещё»), чтобы листать выдачу дальше. "
    "Нажмите на название, чтобы открыть "
    "этот фрагмент.\n\n"
    "<b>Цитаты</b>\n"
    "Каждая цитата — слово в слово и с указанием источника, так что её можно переслать или "
    "скопировать как есть. В конце полного фрагмента — ссылка, которая откроет тот же фрагмент "
    "кому угодно.\n\n"
    "<b>В группах и других чатах</b>\n"
    "Добавьте меня в группу и спрашивайте командой /ask, упоминанием @{bot} или ответом на моё "
    "сообщение; /quote и несколько слов публикует фрагмент целиком для всех. В любом чате "
    "наберите @{bot} и пару слов, чтобы выбрать и отправить фрагмент.\n\n"
    "👍 и 👎 говорят мне, помог ли ответ. На отредактированные сообщения я не отвечаю заново: "
    "отправьте исправленный вопрос новым сообщением. /sources — список документов."
)
GROUP_HELP = (
    "Я отвечаю на вопросы по документам, цитируя их, — и только когда меня спрашивают:\n"
    "• /ask и ваш вопрос или сообщение с упоминанием @{bot}\n"
    "• ответ на моё сообщение — чтобы задать уточняющий вопрос\n"
    "• /ask в ответ на сообщение — поиск по его словам (или только по процитированной части)\n"
    "• /quote и несколько слов (или id фрагмента) — публикует этот фрагмент для всех\n"
    "Полный ответ и другие результаты открываются в личном чате со мной."
)
ASK_USAGE = (
    "Напишите вопрос после /ask или после моего имени, например <i>/ask кто написал отчёт?</i>, "
    "или ответьте /ask на сообщение, чтобы поискать по его словам."
)
PRIVATE_ONLY = "Эта команда работает только в личном чате со мной: @{bot}."
GROUP_MORE = "Ещё результаты по вопросу «{question}» — в личном чате со мной."
GROUP_NOTHING_TO_PAGE = (
    "Здесь нет вашего прежнего вопроса, по которому можно показать ещё результаты: "
    "отправьте /ask и свой вопрос."
)
UPLOAD_IN_PRIVATE = "Чтобы добавить документ, пришлите мне файл в личном чате: @{bot}."
GROUP_NO_ANSWER_HINT = "Ближайшие фрагменты — по кнопке ниже."

# /help, for admins only: added after HELP.
ADMIN_HELP = (
    "<b>Для администраторов</b>\n"
    "Отправьте мне документ ({kinds}; до 20 МБ), чтобы добавить его к документам; файл с тем же "
    "именем, что у имеющегося, заменит его после вашего подтверждения. /remove имя-файла "
    "удаляет документ (имена файлов видны в /sources), /reload перечитывает папку с документами, "
    "а /stats показывает, как мной пользуются."
)

# /sources
SOURCES_HEADER = "<b>Документы, которые я цитирую</b> ({count}):"
SOURCES_SKIPPED_HEADER = (
    "<b>Не прочитаны при последней перезагрузке</b> (это видят только администраторы):"
)
SOURCES_LINE = "{number}. <b>{title}</b>{date} · {paragraphs}"  # {paragraphs}: paragraphs()
SOURCES_DATE = ", {date}"
SOURCES_FILE = " · <code>{name}</code>"  # file names: admins' (for /remove), all for shared titles
SOURCES_EMPTY = "Документы ещё не загружены, так что отвечать мне пока не на чем."
SOURCES_MORE = "<i>Показано документов: {shown} из {total}. /more или кнопка ниже — следующие.</i>"
SOURCES_SKIPPED_COUNT = (
    "<b>Файлов, не прочитанных при последней перезагрузке:</b> {count} (это видят только "
    "администраторы); /more покажет их после документов."
)
SOURCES_SKIPPED_MORE = (
    "<i>Показано файлов: {shown} из {total}. /more или кнопка ниже — следующие.</i>"
)
SOURCES_GROUP_CONTINUED = "{heading} <i>(продолжение)</i>"
BUTTON_SOURCES_MORE = "Дальше"

# Answers: every {placeholder} is filled with escaped HTML.
ANSWER_MORE_HEADER = "<b>Тоже по теме:</b>"
ANSWER_COUNT = "<i>Результаты {first}–{last} из {total}.</i>"
PAGE_HEADER = "<b>Ещё результаты по вопросу</b> «{question}»:"
PAGE_HEADER_FOLLOW_UP = "<b>Ещё результаты по вопросу</b> «{question}» после «{context}»:"
PARAGRAPH = "¶ {paragraph}"  # where a passage stands in its document
PARAGRAPH_PART = ", часть {part} из {parts}"  # a long paragraph cut in n: passage k
PAGE = ", с. {page}"  # added after PARAGRAPH for a passage of a PDF
PAGES = ", с. {first}–{last}"  # instead of PAGE when the quote runs on over a page break
SLIDE = ", слайд {page}"  # instead of PAGE for a passage of a presentation (.pptx)
SLIDES = ", слайды {first}–{last}"  # instead of PAGES there
FOLLOW_UP_NOTE = "<i>Читаю как уточнение к «{context}».</i>"
NO_ANSWER = "По запросу «{query}» в документах ответа нет."
NO_ANSWER_CLOSEST = "<b>Ближайшие фрагменты</b> (возможно, они не отвечают на ваш вопрос):"
NO_ANSWER_NOTHING = "Эти слова не упоминаются ни в одном фрагменте."
NO_ANSWER_HINT = (
    "Попробуйте спросить другими словами (имя, место, ключевой термин) или загляните в /sources, "
    "чтобы узнать, о чём эти документы."
)
PASSAGE_HEADER = "<b>{title}</b>"
PASSAGE_WHERE_SECTION = "{section} · {where}"  # {where}: PARAGRAPH (and PAGE)
PASSAGE_CONTINUED = "<i>{title}, продолжение ({part} из {parts})</i>"
PASSAGE_LINK = '🔗 <a href="{url}">Ссылка на этот фрагмент</a>'
CUT_MARK = "…"

# /quote: a whole passage posted for discussion.
QUOTE_USAGE = (
    "Уточните, какой фрагмент: <i>/quote несколько слов из него</i> или <i>/quote</i> и id "
    "фрагмента (конец ссылки на фрагмент, после p_)."
)
QUOTE_CHOOSE = "Под «{words}» подходят несколько фрагментов. Какой опубликовать?"
QUOTE_NO_PASSAGE = (
    "Фрагмента «{passage_id}» в документах нет (уже нет: возможно, их перезагрузили). "
    "Попробуйте /quote с несколькими словами из него."
)
QUOTE_NOTHING = "Под «{words}» не подходит ни один фрагмент. Попробуйте другие слова или /sources."

# Inline mode (@bot words in any chat); button texts are plain, at most 64 characters.
INLINE_HINT = "Наберите пару слов, чтобы найти фрагмент · как это работает"
INLINE_NOTHING = "Ничего не найдено · как искать"

# Buttons (plain text)
BUTTON_FULL_ANSWER = "Полный ответ и ещё результаты"
BUTTON_CLOSEST = "Ближайшие фрагменты"
BUTTON_OPEN_PASSAGE = "Открыть в @{bot}"
BUTTON_CHOICE = "{rank}. {where} · {title}"  # cut at 60 characters: ¶ first
BUTTON_FULL = "Весь фрагмент"
BUTTON_MORE = "Ещё результаты"
BUTTON_GOOD = "👍"
BUTTON_BAD = "👎"
BUTTON_OPEN = "📖 {rank}"
BUTTON_PART_BEFORE = "◀ Часть {part}"
BUTTON_PART_AFTER = "Часть {part} ▶"

# Problems with the question, said plainly.
EMPTY_QUESTION = (
    "Здесь нет слов, по которым можно искать. Задайте вопрос словами и назовите, о чём он."
)
ONLY_COMMON_WORDS = (
    "В вашем вопросе только самые общие слова, так что искать нечего. Назовите, о чём вы "
    "спрашиваете: имя, место или ключевой термин. Что я умею — в /help."
)
NOTHING_NAMED = (
    "Вопрос говорит об «этом» или «них», но до него ничего не спрашивали. Спросите снова, "
    "назвав то, о чём речь. Что я умею — в /help."
)
QUESTION_TOO_LONG = (
    "Этот вопрос для меня слишком длинный (символов: {length}, максимум — {limit}). "
    "Сформулируйте его в одном-двух предложениях."
)
NOT_TEXT = (
    "Я понимаю только текст. Отправьте вопрос сообщением или загляните в /help, "
    "чтобы узнать, как спрашивать."
)
UNKNOWN_COMMAND = "Такой команды я не знаю. Всё, что я умею, — в /help."

# More results and full passages.
NOTHING_TO_PAGE = "Сначала задайте вопрос — потом /more покажет по нему ещё результаты."
NUMBER_BEFORE_QUESTION = "Сначала задайте вопрос — потом номер результата откроет его."
MORE_WORDS = (
    "ещё",
    "дальше",
    "ещё результаты",
    "другие результаты",
    "покажи ещё",
    "подробнее",
    "расскажи подробнее",
)
ORDINALS = (
    "первый|первое|первая|первую|1-й|1-е", "второй|второе|вторая|вторую|2-й|2-е",
    "третий|третье|третья|третью|3-й|3-е", "четвёртый|четвёртое|четвёртая|четвёртую|4-й|4-е",
    "пятый|пятое|пятая|пятую|5-й|5-е", "шестой|шестое|шестая|шестую|6-й|6-е",
    "седьмой|седьмое|седьмая|седьмую|7-й|7-е", "восьмой|восьмое|восьмая|восьмую|8-й|8-е",
    "девятый|девятое|девятая|девятую|9-й|9-е", "десятый|десятое|десятая|десятую|10-й|10-е",
)  # fmt: skip
ORDINAL_WORDS = "покажи|открой|результат|фрагмент|вариант|пожалуйста|давай|мне|а"
MORE_FILLERS = (
    "пожалуйста|плиз|пж|и|а|ну|давай|давайте|покажи|покажите|мне|ок|результаты|результатов"
)
RESULT_NUMBER_WORDS = "номер|результат|фрагмент|вариант"
SMALL_TALK_WORDS = (
    "спасибо",
    "спс",
    "большое",
    "огромное",
    "ок",
    "хорошо",
    "отлично",
    "понятно",
    "ясно",
    "привет",
    "здравствуйте",
    "супер",
    "благодарю",
    "ещё раз",
    "добрый день",
    "доброе утро",
    "добрый вечер",
    "пока",
    "до свидания",
    "всего доброго",
    "всего хорошего",
    "до встречи",
    "увидимся",
    # sign-offs: "спасибо, это всё", "на этом всё"
    "это всё",
    "на этом всё",
    "вот и всё",
    "пока всё",
    "всё",
    "больше ничего",
    "ничего больше",
    "больше вопросов нет",
    "вопросов нет",
    "вопросов больше нет",
    "понял",
    "поняла",
    "помогло",
    "это помогло",
    "полезно",
    "хорошего дня",
    "неважно",
)
# Whom it is said to ("всем привет", "спасибо всем"): see en.SMALL_TALK_ADDRESSEE_WORDS.
SMALL_TALK_ADDRESSEE_WORDS = ("всем", "все", "ребята", "друзья", "коллеги", "бот")
# A request for help naming nothing ("можете помочь проверить утверждение?", "у меня вопрос"):
# see en.HELP_WORDS.
HELP_FRAME_WORDS = (
    "я", "мне", "меня", "у", "вы", "ты", "вас", "тебя", "можете", "можешь", "могли",
    "не", "бы", "пожалуйста", "один", "одно", "небольшой", "есть", "хочу", "хотел", "хотела",
    "нужно", "нужна", "надо", "кое что", "что нибудь", "что то", "задать",
    "это", "ещё", "несколько", "пару",
)  # fmt: skip
HELP_WORDS = (
    "помогите", "помоги", "помочь", "помощь", "вопрос", "вопросы", "вопросик", "спросить",
    "проверить утверждение", "проверить одно утверждение", "проверить факт",
    "проверить кое что", "проверить одну вещь",
)  # fmt: skip
SMALL_TALK_REPLY = "🙂 Задавайте вопросы о документах, когда захотите; /help подскажет как."
EDITED_NOT_ANSWERED = (
    "На каждое сообщение я отвечаю один раз, поэтому по исправленному тексту поиска не было: "
    "отправьте исправленный вопрос новым сообщением."
)
NO_MORE_RESULTS = "Это всё: больше результатов по вопросу «{question}» нет."
NO_MORE_SINCE_RELOAD = (
    "После вашего вопроса документы перезагрузили, и остальных результатов по вопросу "
    "«{question}» в них больше нет. Задайте вопрос снова, чтобы искать в текущих."
)
NO_SUCH_RESULT = "Результата {rank} по вопросу «{question}» нет: найдено {found}."
SEARCH_GONE = "Этого поиска у меня уже нет. Пожалуйста, задайте вопрос ещё раз."
QUOTE_NOT_YOURS = "Выбрать может только тот, кто отправил /quote: отправьте свой /quote."
PASSAGE_GONE = (
    "Этого фрагмента в документах больше нет: с тех пор их перезагрузили. "
    "Задайте вопрос снова, чтобы искать в текущих."
)
CORPUS_CHANGED = (
    "<i>После вашего вопроса документы перезагрузили, поэтому эти результаты взяты из текущих "
    "документов и могут отличаться от прежних.</i>"
)
LINK_GONE = (
    "Эта ссылка больше не ведёт к фрагменту: с тех пор документы изменились. "
    "Задайте вопрос заново, чтобы искать в документах в их нынешнем виде."
)
BAD_DEEP_LINK = "Это не моя ссылка, открыть по ней нечего. Лучше задайте вопрос."

# /language: one button per language, and one to follow the Telegram app again.
LANGUAGE_CHOOSE = "На каком языке вам отвечать? Сейчас: {current}."
LANGUAGE_SET = "Готово! Язык ответов теперь: {language}."
LANGUAGE_AUTO = "Готово: теперь я отвечаю вам на языке вашего приложения Telegram."
BUTTON_LANGUAGE_AUTO = "Как в приложении Telegram"

# /reset and feedback (callback answers are plain text, at most 200 characters).
RESET_DONE = "Готово: наш разговор забыт. Следующий вопрос — с чистого листа."
FEEDBACK_THANKS_GOOD = "Спасибо! Приятно, что ответ пригодился."
FEEDBACK_THANKS_BAD = (
    "Спасибо, что сообщили. Попробуйте переформулировать вопрос или нажмите «Ещё результаты»."
)
FEEDBACK_THANKS_BAD_ALONE = "Спасибо, что сообщили. Попробуйте спросить другими словами."
FEEDBACK_GONE = "Этот ответ слишком старый, его уже нельзя оценить."
BUTTON_EXPIRED = "Эта кнопка больше не работает. Пожалуйста, спросите ещё раз."

# Admins: who may, reloads, uploads, removals, usage. {placeholders} are escaped HTML.
ADMIN_ONLY = "Извините, /{command} — только для администраторов бота."
ADMIN_ONLY_UPLOAD = (
    "Добавлять документы могут только администраторы бота. Отправьте вопрос текстовым сообщением "
    "или загляните в /help."
)
ADMIN_ONLY_BUTTON = "Эта кнопка — только для администраторов бота."  # a callback answer: plain text
RELOADING = "⏳ Перезагружаю документы…"
RELOADING_JOINED = "⏳ Перезагрузка уже идёт; отчёт придёт сюда."
RELOADING_FOR = (
    "⏳ Перезагружаю документы… прошло {seconds} с. Тем временем я отвечаю на вопросы "
    "по документам в прежнем виде."
)
RELOAD_DONE = "✅ <b>Перезагружено</b> за {seconds} с."
RELOAD_COUNTS = (
    "Документы: добавлено — {added}, изменено — {changed}, удалено — {removed}, "
    "без изменений — {unchanged}."
)
RELOAD_COUNTS_RENAMED = (
    "Документы: добавлено — {added}, изменено — {changed}, переименовано — {renamed}, "
    "удалено — {removed}, без изменений — {unchanged}."
)
RELOAD_PARAGRAPHS = "Абзацы: было {before}, стало {after}."
RELOAD_NAMES = "<b>{label}</b>: {names}"
RELOAD_LABELS = ("Добавлены", "Изменены", "Удалены")
RELOAD_RENAMED_LABEL = "Переименованы"  # "old → new": moved or renamed, content unchanged
RELOAD_RECOVERED_LABEL = "Снова читаются (больше не оставлены в последней исправной версии)"
RELOAD_SKIPPED_HEADER = "<b>Пропущены</b> (не проиндексированы):"
RELOAD_KEPT_HEADER = (
    "<b>Оставлены в последней исправной версии</b> (файл в папке сейчас не читается):"
)
RELOAD_SKIPPED = "• <code>{doc}</code>: {reason}"
RELOAD_MORE = "…и ещё {count}."
RELOAD_MORE_LISTED = "…и ещё {count} (все — в /sources)."
RELOAD_KEPT = "Оставлены в последней исправной версии — {count}: {names}."
RELOAD_REREAD = "Перечитаны обновлённым модулем чтения (на диске без изменений): {count}."
RELOAD_STILL_SKIPPED = "Пропущены, как и при прошлой перезагрузке: {count} (список — в /sources)."
RELOAD_PARTIAL_HEADER = "<b>Прочитаны частично</b> (проиндексированы без названных страниц):"
RELOAD_STILL_PARTIAL = (
    "Прочитаны частично, как и при прошлой перезагрузке: {count} (список — в /sources)."
)
RELOAD_MANIFEST_HEADER = "⚠️ <b>Исправьте в</b> <code>manifest.toml</code>:"
RELOAD_MANIFEST_LINE = "• {problem}"
RELOAD_FAILED = (
    "❌ <b>Перезагрузка не удалась</b>: {reason}\nДокументы остались такими, как были до неё."
)
RELOAD_CRASHED = (
    "❌ <b>Перезагрузка не удалась</b> из-за непредвиденной ошибки (подробности — в логе).\n"
    "Документы остались такими, как были до неё."
)
UPLOAD_WRONG_KIND = (
    "Я могу добавлять файлы таких типов: {kinds}; «{name}» не из их числа. Ничего не изменено."
)
UPLOAD_SAVE_AS = (
    "Не могу прочитать «{name}» как есть: откройте его в программе, где он создан, сохраните "
    "как {kind} и пришлите мне. Ничего не изменено."
)
UPLOAD_TOO_LARGE = (
    "«{name}» весит {size} МБ, а Telegram даёт ботам скачивать файлы не больше 20 МБ. "
    "Разделите его или положите в папку с документами на сервере и отправьте /reload."
)
UPLOAD_REFUSED = "Не могу добавить «{name}»: {reason}. Ничего не изменено."
UPLOAD_MISNAMED = (
    "Не могу добавить «{name}»: по содержимому это файл {kind}, пришлите его снова под именем "
    "<code>{renamed}</code>. Ничего не изменено."
)
UPLOAD_SAME_AS = (
    "«{name}» — тот же файл, что и <code>{same}</code>, который уже есть в документах: "
    "ничего не сохранено (с копией каждый ответ показывался бы дважды)."
)
UPLOAD_UNCHANGED = (
    "<code>{name}</code> уже есть в документах, точно такой же, как вы прислали: ничего не "
    "изменилось."
)
UPLOAD_DOWNLOAD_FAILED = (
    "Не удалось скачать «{name}» из Telegram ({reason}). Пожалуйста, отправьте его ещё раз."
)
UPLOAD_SAVED = "📄 Файл <code>{name}</code> сохранён ({passages})."
UPLOAD_SAVED_AS = "📄 «{original}» сохранён как <code>{name}</code> ({passages})."
UPLOAD_REPLACE_ASK = (
    "Документ <code>{name}</code> (<b>{title}</b>) уже есть. "
    "Заменить его присланным файлом ({passages})?"
)
UPLOAD_REPLACE_ASK_UNTITLED = (
    "Документ <code>{name}</code> уже есть. Заменить его присланным файлом ({passages})?"
)
UPLOAD_REPLACED = "📄 <code>{name}</code> заменён присланным файлом."
UPLOAD_NOT_SAVED = (
    "Не удалось сохранить «{name}» в папку с документами: {reason}. Ничего не изменено."
)
UPLOAD_KEPT = "Оставлен текущий <code>{name}</code>; присланный файл не сохранён."
MANIFEST_SAVED = (
    "📄 Файл <code>manifest.toml</code> сохранён: названия, даты, источники и авторы из него "
    "действуют с этой перезагрузки."
)
MANIFEST_REPLACE_ASK = (
    "<code>manifest.toml</code> уже есть. Заменить его присланным? Названия, даты, источники "
    "и авторы документов будут такими, как в нём."
)
UPLOAD_NOT_INDEXED = (
    "⚠️ <code>{name}</code> лежит в папке, но проиндексировать его не удалось: {reason}. "
    "Документы в работе не изменились."
)
UPLOAD_ARCHIVE = (
    "«{name}» — архив, а архивы я не открываю: распакуйте его и пришлите мне файлы из него "
    "по одному (таких типов: {kinds}). Ничего не изменено."
)
REMOVE_USAGE = "Уточните, какой документ: <i>/remove имя-файла</i>. Документы:\n{names}"
REMOVE_NO_SUCH = "Документа <code>{name}</code> нет. Документы:\n{names}"
REMOVE_SEVERAL = (
    "Документов с именем <code>{name}</code> несколько. Какой "
    "из них? Отправьте /remove с полным именем:\n{names}"
)
REMOVE_NAME = "• <code>{name}</code>"
REMOVE_LAST = (
    "<code>{name}</code> — единственный документ, а мне нужен хотя бы один, чтобы отвечать. "
    "Сначала добавьте другой."
)
REMOVE_ASK = "Удалить <code>{name}</code> (<b>{title}</b>) из документов?"
REMOVE_KEPT = "<code>{name}</code> оставлен."
REMOVE_DONE = "🗑 <code>{name}</code> удалён."
REMOVE_ALREADY_GONE = "<code>{name}</code> уже нет в папке с документами."
PENDING_GONE = (
    "Этот запрос устарел или уже выполнен, поэтому ничего не изменено. "
    "Отправьте файл или /remove ещё раз."
)
NOT_INDEXED_TITLE = "ещё не проиндексирован"
NOT_INDEXED_BECAUSE = "не проиндексирован: {reason}"
BUTTON_REPLACE = "Да, заменить"
BUTTON_REMOVE = "Да, удалить"
BUTTON_KEEP = "Нет, оставить"

# /stats: each period on a line, then the most asked questions of the last week.
STATS_HEADER = "<b>Как мной пользуются</b>"
STATS_PERIOD = (
    "<b>{label}</b>: вопросов — {questions}, с ответом — {answered} ({percent}; из них с "
    "оговоркой — {hedged}), без ответа — {declined} · 👍 {good} · 👎 {bad}"
)
STATS_LABELS = ("За 24 часа", "За 7 дней", "За всё время")
STATS_TOP_ASKED = "<b>Частые вопросы</b> за 7 дней:"
STATS_TOP_DECLINED = "<b>Частые вопросы без ответа</b> за 7 дней (что стоит добавить в документы):"
STATS_FOREIGN = (
    "<b>Вопросы на языках, на которых нет документов</b>, за 7 дней (на них ответили бы "
    "документы на этих языках): {languages}"
)
STATS_TOP_LINE = "{count}× {question}"
STATS_NONE = "нет"
STATS_UNAVAILABLE = "Сейчас не получается прочитать журнал запросов; попробуйте /stats позже."
STATS_CORPUS = (
    "<b>Корпус</b>: {documents}, {paragraphs} (как их считают /sources и /reload); ответы "
    "цитируют {passages} (длинный абзац — частями)."
)

# The one apology of the error handler.
APOLOGY = "Извините, у меня что-то пошло не так. Пожалуйста, попробуйте ещё раз чуть позже."

# Console lines of `quotebot run` (plain text, one line each, never containing the token).
CONSOLE_NO_TOKEN = (
    "quotebot: нет токена бота: задайте TELEGRAM_BOT_TOKEN в окружении или в .env "
    "(токен выдаёт @BotFather)"
)
CONSOLE_TOKEN_REJECTED = (
    "quotebot: Telegram отклонил токен бота (TELEGRAM_BOT_TOKEN); проверьте его у @BotFather"
)
CONSOLE_NETWORK = "quotebot: нет связи с Bot API по адресу {url}: {reason}"
CONSOLE_SETUP = "quotebot: не удаётся запустить бота: {reason}"


# ------------------------------------------------------------------ the terminal (`quotebot`)
# Plain text: the terminal chat, `quotebot ask` and the command line's one-line errors.
CLI_CHAT_WELCOME = (
    "quotebot — задайте вопрос по документам ({documents}, {passages}).\n"
    "Можно уточнять («а в 2005 году?»). /more — ещё результаты, /sources, /reset, /help, "
    "/quit."
)
CLI_NO_TOKEN = "TELEGRAM_BOT_TOKEN не задан, поэтому разговор идёт здесь, в терминале."
CLI_CHAT_HELP = (
    "Введите вопрос своими словами; в ответе будет цитата из фрагмента, который на него\n"
    "отвечает, с названием, разделом и номером абзаца. Короткий уточняющий вопрос («а в 2004-м?»)\n"
    "читается вместе с предыдущим. Команды: /more (ещё результаты), /sources (документы),\n"
    "/reset (забыть разговор), /language (язык ответов), /quit. Номер результата («2»,\n"
    "«второй») — цитата этого результата."
)
CLI_RESET = "Разговор забыт: следующий вопрос — с чистого листа."
CLI_UNKNOWN_COMMAND = "Неизвестная команда {command}. Попробуйте /help."
CLI_LANGUAGE_CHOICES = (
    "Введите /language и один из кодов: {choices}; /language auto — отвечать на языке системы "
    "(LANG) или вашего вопроса."
)
CLI_LANGUAGE_AUTO = "Готово: теперь я отвечаю вам на языке системы (LANG) или вашего вопроса."
CLI_NO_MORE_QUESTION = "Сначала задайте вопрос; потом /more покажет ещё результаты."
CLI_NO_MORE_RESULTS = "Больше результатов по этому вопросу нет."
CLI_SOURCES_MORE = "(показано документов: {shown} из {total}; /more — следующие)"
CLI_SEARCH_NONE = "Ни в одном фрагменте нет слов из этого вопроса."
CLI_SEARCHED = "(запрос: {query})"
CLI_FOLLOWING = "{question} (в продолжение: {earlier})"
CLI_ALSO = "Тоже по теме:"
CLI_SHOWN = "(показано подходящих фрагментов: {shown} из {total})"
CLI_MORE_AVAILABLE = "(показано подходящих фрагментов: {shown} из {total}; /more — следующие)"
CLI_DECLINED = (
    "В документах этого не нашлось (запрос: {query}).\n"
    "Ближайшие фрагменты, которые могут и не отвечать на вопрос:"
)
CLI_DECLINED_HINT = (
    "Попробуйте другие слова для того же или загляните в /sources, чтобы узнать, о чём документы."
)
CLI_NOTHING_FOUND = (
    "В документах ничего об этом не нашлось (запрос: {query}). "
    "Попробуйте другие слова или загляните в /sources."
)
CLI_EMPTY_QUESTION = "Пожалуйста, введите вопрос: в этом сообщении не было слов."
CLI_ONLY_COMMON_WORDS = (
    "В этом вопросе только самые общие слова, так что искать нечего. "
    "Добавьте, о чём он: имя, место или ключевой термин."
)
CLI_NOTHING_NAMED = (
    "Этот вопрос говорит об «этом» или «них», но до него ничего не спрашивали. "
    "Спросите снова, назвав то, о чём речь."
)
CLI_SMALL_TALK = "🙂 Задайте мне вопрос о документах: `quotebot ask` и ваш вопрос."
CLI_CHAT_HELP_HINT = "Что я умею — в /help."
CLI_TOO_LONG = "Вопрос слишком длинный: {length} симв. при максимуме {limit}."
CLI_ERROR = "quotebot: {message}"
CLI_BYE = "До свидания!"
CLI_INDEXED = "Папка {folder} проиндексирована в {db}."
CLI_INDEX_FAILED_FIRST = "❌ <b>Индексация не удалась</b>: {reason}\nБаза данных не создана."
CLI_DAMAGED = (
    "база данных {db} была повреждена: она перемещена в {moved} и заново построена из {corpus} "
    "(её разговоры и журнал запросов остались в перемещённом файле)"
)
CLI_REREAD = "Документы изменились с последнего чтения; сначала они прочитаны заново. {changes}"
CLI_NOT_A_COUNT = "{value!r} — не целое число от 1 и больше"
CLI_NO_DATABASE = "нет базы данных по пути {path} (её создают бот и `quotebot index`)"
CLI_STATS_COUNTED = "(Учитываются вопросы и из Telegram, и из терминала.)"

HEDGED = (
    "<i>Это самый близкий из найденных фрагментов; возможно, он отвечает на ваш вопрос "
    "не полностью.</i>"
)
CLI_HEDGED = (
    "(Это самый близкий из найденных фрагментов; возможно, он отвечает на вопрос не полностью.)"
)
WRONG_LANGUAGE = "Документы написаны на этих языках: {languages}. Задайте вопрос на одном из них."
WRONG_LANGUAGE_ONE = "Язык документов — {language}. Задайте вопрос на этом языке."
ELSEWHERE_ONE = (
    "Ближайшие фрагменты — на другом языке ({language}): возможно, в документах об этом "
    "написано только на нём."
)
ELSEWHERE = (
    "Ближайшие фрагменты — на других языках ({languages}): возможно, в документах об этом "
    "написано только на них."
)

LANGUAGE_NAMES = {
    "en": "английский",
    "fr": "французский",
    "es": "испанский",
    "pt": "португальский",
    "it": "итальянский",
    "ca": "каталанский",
    "de": "немецкий",
    "nl": "нидерландский",
    "sv": "шведский",
    "da": "датский",
    "no": "норвежский",
    "fi": "финский",
    "hu": "венгерский",
    "ro": "румынский",
    "tr": "турецкий",
    "id": "индонезийский",
    "pl": "польский",
    "cs": "чешский",
    "vi": "вьетнамский",
    "ru": "русский",
    "uk": "украинский",
    "bg": "болгарский",
    "sr": "сербский",
    "ar": "арабский",
    "fa": "персидский",
    "ur": "урду",
    "he": "иврит",
    "el": "греческий",
    "hi": "хинди",
    "th": "тайский",
    "zh": "китайский",
    "ja": "японский",
    "ko": "корейский",
}
DECIMAL_MARK = ","
LINE_COLON = ": "
LIST_SEPARATOR = ", "
LIST_LAST_SEPARATOR = " и "


REASONS: dict[str, str] = {
    "empty": "пустой",
    "binary, not text": "двоичный, не текст",
    "binary, not a web page": "двоичный, не веб-страница",
    "encrypted": "зашифрован",
    "encrypted — needs its password (save a copy without one)": (
        "зашифрован — нужен пароль (сохраните копию без пароля)"
    ),
    "an error page": "страница ошибки",
    "a redirect to {address}": "перенаправление на {address}",
    "only includes {files}": "включает только {files}",
    "parts of the saved page {page} (files it shows or runs), not documents": (
        "части сохранённой страницы {page} (файлы, которые она показывает или запускает), не "
        "документы"
    ),
    "no paragraphs of text found": "не найдено ни одного абзаца текста",
    "a list of words, one a line, not text to quote": (
        "список слов по одному в строке, а не текст для цитат"
    ),
    "no main text (only navigation, scripts or markup)": (
        "нет основного текста (только навигация, скрипты или разметка)"
    ),
    "no text layer — needs OCR": "нет текстового слоя — нужно распознавание (OCR)",
    "damaged: not a PDF file": "повреждён: это не PDF-файл",
    "an image ({kind}), not a {suffix} file: its text needs OCR": (
        "изображение ({kind}), а не файл {suffix}: его текст нужно распознать (OCR)"
    ),
    "an archive ({kind}), not a {suffix} file: unpack it": (
        "архив ({kind}), а не файл {suffix}: распакуйте его"
    ),
    "plain text, not a {suffix} file: rename it to .txt": (
        "простой текст, а не {suffix}: переименуйте его в .txt"
    ),
    "a web page, not a {suffix} file: rename it to .html": (
        "веб-страница, а не {suffix}: переименуйте её в .html"
    ),
    "a {kind} file, not a {suffix} file: rename it": "файл {kind}, а не {suffix}: переименуйте его",
    "a Word 97–2003 file (.doc), not a {suffix} file: save it as .docx": (
        "файл Word 97–2003 (.doc), а не {suffix}: сохраните его как .docx"
    ),
    "a PowerPoint 97–2003 file (.ppt), not a {suffix} file: save it as .pptx": (
        "файл PowerPoint 97–2003 (.ppt), а не {suffix}: сохраните его как .pptx"
    ),
    "an Excel file, not a {suffix} file: export it as .pdf": (
        "файл Excel, а не {suffix}: экспортируйте его в .pdf"
    ),
    "damaged: cannot be opened": "повреждён: не открывается",
    "damaged: page {page} cannot be read": "повреждён: страница {page} не читается",
    "damaged: not a Word document": "повреждён: это не документ Word",
    "damaged: a part of the file is corrupt": "повреждён: часть файла испорчена",
    "damaged: the file is cut short (copy it again)": (
        "повреждён: файл обрезан (скопируйте его заново)"
    ),
    "damaged: too large when unpacked": "повреждён: слишком большой после распаковки",
    "not decodable as text (save it as UTF-8)": "не читается как текст (сохраните его в UTF-8)",
    "too large ({size} MB; the limit is 20 MB)": "слишком большой ({size} МБ; предел — 20 МБ)",
    "cannot be read ({error})": "не читается ({error})",
    "the reader failed on it ({error}): please report this file": (
        "программа чтения не справилась с ним ({error}): пожалуйста, сообщите об этом файле"
    ),
    "unsupported type ({kind})": "неподдерживаемый тип ({kind})",
    "file name is not valid UTF-8 — rename it": "имя файла — не UTF-8: переименуйте его",
    "a link to a file outside the corpus folder: not read": (
        "ссылка на файл вне папки документов: не читается"
    ),
    "a link to a file that does not exist": "ссылка на несуществующий файл",
    "a link that leads back to itself": "ссылка, ведущая на саму себя",
    "a link to a hidden file: not read": "ссылка на скрытый файл: не читается",
    "a link to a folder: not followed (copy the folder in instead)": (
        "ссылка на папку: не открывается (скопируйте саму папку)"
    ),
    "a link to {name}, which is read under that name": (
        "ссылка на {name}, который читается под своим именем"
    ),
    "the same text as {name}, which is read under that name": (
        "тот же текст, что и в {name}, который читается под своим именем"
    ),
    "'{name}' is listed but no such file": "«{name}» указан, но такого файла нет",
    "'{name}' is listed but no such file (did you mean '{near}'?)": (
        "«{name}» указан, но такого файла нет (может быть, «{near}»?)"
    ),
    "date '{value}' is not a date (use 2024-05-01, or 2024-05, or 2024)": (
        "дата «{value}» — не дата (пишите 2024-05-01, 2024-05 или 2024)"
    ),
    "not decodable as UTF-16 text": "не декодируется как текст UTF-16",
    "a template ({kind}), not a page": "шаблон ({kind}), а не страница",
    "damaged: {problem}": "повреждён: {problem}",
    "line {line}: {problem}": "строка {line}: {problem}",
    "{problem}; until it is fixed, the documents keep the titles, dates and sources they had": (
        "{problem}; пока это не исправлено, у документов остаются прежние названия, даты и "
        "источники"
    ),
    "slide {slide} not read: damaged": "слайд {slide} не прочитан: повреждён",
    "slides {slides} not read: damaged": "слайды {slides} не прочитаны: повреждены",
    "page {page} not read: its font has no Unicode mapping — needs OCR": (
        "страница {page} не прочитана: у её шрифта нет соответствия Unicode — "
        "нужно распознавание (OCR)"
    ),
    "pages {pages} not read: their fonts have no Unicode mapping — needs OCR": (
        "страницы {pages} не прочитаны: у их шрифтов нет соответствия Unicode — "
        "нужно распознавание (OCR)"
    ),
    "page {page}: some characters unreadable (a font has no Unicode mapping for them); "
    "the page is indexed as read": (
        "страница {page}: часть символов не читается (в шрифте нет для них соответствия Unicode); "
        "страница проиндексирована в прочитанном виде"
    ),
    "pages {pages}: some characters unreadable (a font has no Unicode mapping for them); "
    "the pages are indexed as read": (
        "страницы {pages}: часть символов не читается (в шрифте нет для них соответствия "
        "Unicode); страницы проиндексированы в прочитанном виде"
    ),
    "text layer unreadable: its fonts have no Unicode mapping — needs OCR": (
        "текстовый слой не читается: у его шрифтов нет соответствия Unicode — "
        "нужно распознавание (OCR)"
    ),
    "text layer unreadable: its letters make no words (a bad OCR layer) — needs OCR": (
        "текстовый слой не читается: его буквы не складываются в слова (плохой слой OCR) — "
        "нужно распознавание (OCR)"
    ),
}
