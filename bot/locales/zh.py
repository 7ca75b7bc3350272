"""Every text the bot shows to people, in Simplified Chinese (简体中文): mirrors bot.locales.en.

Same names, same ``{placeholders}``, same HTML tags and commands as the English module (a test
checks it). Full-width punctuation (，。：；？！“”（）), no space between Chinese characters, a
space between Chinese and Latin letters, digits, /commands and @mentions (Telegram needs the
space to see a command). The bot says 你. Nouns have no plural: "1 段", "12 段".
"""

from __future__ import annotations

LANGUAGE_NAME = "中文"  # as the language calls itself, on the /language buttons


def paragraphs(count: int) -> str:
    """ "1 段", "12 段"."""
    return f"{count} 段"


def passages(count: int) -> str:
    """ "1 个片段", "132 个片段"."""
    return f"{count} 个片段"


def documents(count: int) -> str:
    """ "1 份文档", "5 份文档"."""
    return f"{count} 份文档"


# The commands menu (setMyCommands); descriptions are plain text of at most 256 characters.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "欢迎语和示例问题"),
    ("help", "如何提问、追问和引用"),
    ("ask", "就文档提问"),
    ("quote", "发布一个片段：/quote 关键词，或 /quote 片段编号"),
    ("sources", "我引用的文档"),
    ("more", "上一个问题的更多结果"),
    ("reset", "忘掉对话，重新开始"),
    ("language", "选择我回答所用的语言"),
)
# The menu in groups, where the bot only speaks when asked.
GROUP_COMMANDS: tuple[tuple[str, str], ...] = (
    ("ask", "就文档提问（或用 /ask 回复某条消息）"),
    ("quote", "发布一个片段：/quote 关键词，或 /quote 片段编号"),
    ("help", "如何在群组中使用我"),
)

# Added to the menu of each admin (BotCommandScopeChat), after the commands above.
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("reload", "管理员：重新读取文档文件夹并报告结果"),
    ("remove", "管理员：删除文档：/remove 文件名"),
    ("stats", "管理员：提问、回答、评价和语料规模"),
)

# /start: followed by one button per example question.
GREETING = (
    "你好！我回答关于一组文档的问题：<b>引用</b>能回答问题的原文片段，并注明它出自哪个标题、"
    "哪一段。我绝不编造任何内容。\n\n"
    "用你自己的话随便问，或者点击下面的示例："
)
GREETING_NO_EXAMPLES = (
    "你好！我回答关于一组文档的问题：<b>引用</b>能回答问题的原文片段，并注明它出自哪个标题、"
    "哪一段。我绝不编造任何内容。\n\n"
    "用你自己的话随便问吧；/sources 列出了我可以引用的文档。"
)

EXAMPLE_ABOUT = "关于“{topic}”说了什么？"

HELP = (
    "<b>如何提问</b>\n"
    "像平常发消息一样，用自己的话发送问题。我会在文档中搜索，并引用最能回答它的片段；"
    "匹配的词显示为<b>粗体</b>，引文下方一行注明出处（标题、章节、¶ 段落）。\n\n"
    "<b>追问</b>\n"
    "可以简短地追问，比如“那它是什么时候签署的？”：{idle} 分钟内，我会把它和你的上一个问题"
    "放在一起理解。/reset 可清除对话。\n\n"
    "<b>更多结果和全文</b>\n"
    "点<i>完整片段</i>阅读整个段落，点<i>更多结果</i>（或发送 /more，或直接发“更多”）"
    "查看排名靠后的其余结果。"
    "点标题可打开该片段。\n\n"
    "<b>引用</b>\n"
    "每条引文都逐字照录并附有出处，可以原样转发或复制。完整片段的末尾附有链接，任何人都能用它"
    "打开同一片段。\n\n"
    "<b>在群组和其他聊天中</b>\n"
    "把我加入群组后，可以用 /ask、提及 @{bot} 或回复我的回答来提问；/quote 加几个词会把整个"
    "片段发给所有人。在任意聊天中输入 @{bot} 和几个词，即可挑选要发送的片段。\n\n"
    "👍 和 👎 告诉我回答是否有帮助。编辑过的消息不会再次回答：请把改好的问题作为新消息发送。"
    "/sources 列出所有文档。"
)
GROUP_HELP = (
    "我只在被问到时回答关于文档的问题，并引用原文：\n"
    "• /ask 加上你的问题，或提及 @{bot} 的消息\n"
    "• 回复我的某条回答即可追问\n"
    "• 用 /ask 回复一条消息，会搜索其中的词（或只搜索你引用的部分）\n"
    "• /quote 加几个词（或片段编号）会把该片段发给所有人\n"
    "完整回答和更多结果会在与我的私聊中打开。"
)
ASK_USAGE = (
    "请在 /ask 或我的名字后面写上问题，例如：<i>/ask 报告是谁写的？</i>"
    "也可以用 /ask 回复一条消息，搜索其中的词。"
)
PRIVATE_ONLY = "这个命令只能在与我的私聊中使用：@{bot}。"
GROUP_MORE = "“{question}”的更多结果请在与我的私聊中查看。"
GROUP_NOTHING_TO_PAGE = "这里没有你之前的问题，无法显示更多结果：请发送 /ask 加上你的问题。"
UPLOAD_IN_PRIVATE = "要添加文档，请在与我的私聊中把文件发给我：@{bot}。"
GROUP_NO_ANSWER_HINT = "最接近的片段就在下方，点一下即可查看。"

# /help, for admins only: added after HELP.
ADMIN_HELP = (
    "<b>管理员专用</b>\n"
    "把文档（{kinds}；最大 20 MB）发给我即可添加；如果已有同名文件，你确认后会替换它。"
    "发送“/remove 文件名”可删除文档（文件名见 /sources），/reload 重新读取文档文件夹，"
    "/stats 显示我的使用情况。"
)

# /sources
SOURCES_HEADER = "<b>我引用的文档</b>（{count}）："
SOURCES_SKIPPED_HEADER = "<b>上次重新加载时未读取</b>（仅管理员可见）："
SOURCES_LINE = "{number}. <b>{title}</b>{date} · {paragraphs}"  # {paragraphs}: paragraphs()
SOURCES_DATE = "，{date}"
SOURCES_FILE = " · <code>{name}</code>"  # file names: admins' (for /remove), all for shared titles
SOURCES_EMPTY = "目前还没有加载任何文档，所以暂时无法回答问题。"
SOURCES_MORE = "<i>已显示 {shown} 个文档，共 {total} 个。/more 或下方按钮查看后续文档。</i>"
SOURCES_SKIPPED_COUNT = (
    "<b>上次重新加载时未读取的文件：</b>{count} 个（仅管理员可见）；/more 会在文档之后列出它们。"
)
SOURCES_SKIPPED_MORE = "<i>已显示 {shown} 个文件，共 {total} 个。/more 或下方按钮查看后续文件。</i>"
SOURCES_GROUP_CONTINUED = "{heading}<i>（续）</i>"
BUTTON_SOURCES_MORE = "下一页"

# Answers: every {placeholder} is filled with escaped HTML.
ANSWER_MORE_HEADER = "<b>其他相关内容：</b>"
ANSWER_COUNT = "<i>第 {first}–{last} 条结果，共 {total} 条。</i>"
PAGE_HEADER = "“{question}”的<b>更多结果</b>："
PAGE_HEADER_FOLLOW_UP = "接着“{context}”问的“{question}”的<b>更多结果</b>："
PARAGRAPH = "¶ {paragraph}"  # where a passage stands in its document
PARAGRAPH_PART = "，第 {part}/{parts} 部分"  # a long paragraph cut in n: passage k
PAGE = "，第 {page} 页"  # added after PARAGRAPH for a passage of a PDF
PAGES = "，第 {first}–{last} 页"  # instead of PAGE when the quote runs on over a page break
SLIDE = "，第 {page} 张幻灯片"  # instead of PAGE for a passage of a presentation (.pptx)
SLIDES = "，第 {first}–{last} 张幻灯片"  # instead of PAGES there
FOLLOW_UP_NOTE = "<i>已视为对“{context}”的追问。</i>"
NO_ANSWER = "我在文档中搜索了“{query}”，但没有找到能回答它的内容。"
NO_ANSWER_CLOSEST = "<b>最接近的片段</b>（可能并不能回答你的问题）："
NO_ANSWER_NOTHING = "没有任何片段提到这些词。"
NO_ANSWER_HINT = "试试换个说法（用人名、地名或关键术语），或查看 /sources 了解文档涵盖哪些内容。"
PASSAGE_HEADER = "<b>{title}</b>"
PASSAGE_WHERE_SECTION = "{section} · {where}"  # {where}: PARAGRAPH (and PAGE)
PASSAGE_CONTINUED = "<i>{title}（续，第 {part}/{parts} 部分）</i>"
PASSAGE_LINK = '🔗 <a href="{url}">此片段的链接</a>'
CUT_MARK = "…"

# /quote: a whole passage posted for discussion.
QUOTE_USAGE = (
    "请告诉我是哪个片段：<i>/quote 片段中的几个词</i>，或 <i>/quote</i> 加片段编号"
    "（片段链接末尾 p_ 之后的部分）。"
)
QUOTE_CHOOSE = "有多个片段与“{words}”匹配。要发布哪一个？"
QUOTE_NO_PASSAGE = (
    "文档中没有片段“{passage_id}”（或已不存在：文档可能已重新加载）。"
    "试试用 /quote 加上其中的几个词。"
)
QUOTE_NOTHING = "没有片段与“{words}”匹配。换几个词试试，或查看 /sources。"

# Inline mode (@bot words in any chat); button texts are plain, at most 64 characters.
INLINE_HINT = "输入几个词来查找片段 · 使用说明"
INLINE_NOTHING = "没有匹配的片段 · 搜索方法"

# Buttons (plain text)
BUTTON_FULL_ANSWER = "完整回答和更多结果"
BUTTON_CLOSEST = "最接近的片段"
BUTTON_OPEN_PASSAGE = "在 @{bot} 中打开"
BUTTON_CHOICE = "{rank}. {where} · {title}"  # cut at 60 characters: ¶ first
BUTTON_FULL = "完整片段"
BUTTON_MORE = "更多结果"
BUTTON_GOOD = "👍"
BUTTON_BAD = "👎"
BUTTON_OPEN = "📖 {rank}"
BUTTON_PART_BEFORE = "◀ 第 {part} 部分"
BUTTON_PART_AFTER = "第 {part} 部分 ▶"

# Problems with the question, said plainly.
EMPTY_QUESTION = "这条消息里没有可以搜索的词。请用文字提问，并说明问的是什么。"
ONLY_COMMON_WORDS = (
    "你的问题只包含非常常见的词，没有可查的内容。请说明你要问的对象：人名、地名或关键术语。"
    "/help 介绍我能做什么。"
)
NOTHING_NAMED = (
    "你的问题说的是“它”或“它们”，但之前没有问过别的问题。请带上你要问的对象的名称再问一次。"
    "/help 介绍我能做什么。"
)
QUESTION_TOO_LONG = "这个问题太长了（{length} 个字符，上限为 {limit}）。请用一两句话提问。"
NOT_TEXT = "我只能读文字。请把问题作为消息发送，或查看 /help 了解如何提问。"
UNKNOWN_COMMAND = "我不认识这个命令。/help 列出了我能做的事。"

# More results and full passages.
NOTHING_TO_PAGE = "请先问我一个问题，之后可以用 /more 查看更多结果。"
NUMBER_BEFORE_QUESTION = "请先问我一个问题，之后发送结果的编号即可打开该结果。"
MORE_WORDS = (
    "更多",
    "下一页",
    "下一个",
    "下一条",
    "继续",
    "更多结果",
    "其他结果",
    "详细一点",
    "多说一点",
)
ORDINALS = (
    "第一|第1", "第二|第2", "第三|第3", "第四|第4", "第五|第5", "第六|第6", "第七|第7", "第八|第8",
    "第九|第9", "第十|第10",
)  # fmt: skip
ORDINAL_WORDS = "个|条|段|请|打开|显示|看看|看|结果|片段|那|吧|的|呢"
MORE_FILLERS = "请|麻烦|再|给我|我|显示|看看|看|来|一些|一点|点|吧|呢|啊|谢谢|的|结果"
RESULT_NUMBER_WORDS = "结果|片段|编号"
SMALL_TALK_WORDS = (
    "谢谢",
    "多谢",
    "感谢",
    "好的",
    "好",
    "嗯",
    "哈哈",
    "你好",
    "您好",
    "你",
    "您",
    "啦",
    "再次",
    "早上好",
    "晚上好",
    "明白了",
    "知道了",
    "再见",
    "拜拜",
    "下午好",
    "晚安",
    "收到",
    "好嘞",
    # sign-offs: "就这些，谢谢"
    "就这些",
    "就这样",
    "没有了",
    "没了",
    "没事了",
    "没别的了",
    "没问题",
    "懂了",
    "有帮助",
    "很有帮助",
    "没关系",
    "算了",
)
# Whom it is said to ("大家好"): see en.SMALL_TALK_ADDRESSEE_WORDS.
SMALL_TALK_ADDRESSEE_WORDS = ("大家", "各位")
# A request for help naming nothing ("你能帮我核实一个说法吗？", "我有一个问题"): see en.HELP_WORDS.
HELP_FRAME_WORDS = (
    "你", "您", "能", "可以", "能不能", "可不可以", "我", "有", "一个", "个", "一下", "请", "想",
    "吗", "么", "需要", "要", "些", "一些", "说法", "事",
    "这个", "几个", "还有", "另一个",
)  # fmt: skip
HELP_WORDS = ("帮", "帮我", "帮忙", "帮助", "问题", "问", "请问", "核实", "核查", "查证")
SMALL_TALK_REPLY = "🙂 随时可以问我关于这些文档的问题；/help 会告诉你怎么问。"
EDITED_NOT_ANSWERED = (
    "每条消息我只回答一次，所以没有按你修改后的内容搜索：请把改好的问题作为新消息发送。"
)
NO_MORE_RESULTS = "就这些了：“{question}”没有更多结果了。"
NO_MORE_SINCE_RELOAD = (
    "你提问之后文档重新加载过，“{question}”的其余结果已不在文档中。请重新提问，以搜索当前的文档。"
)
NO_SUCH_RESULT = "“{question}”没有第 {rank} 个结果：共找到 {found}。"
SEARCH_GONE = "那次搜索已经失效了。请重新提问。"
QUOTE_NOT_YOURS = "只有发送 /quote 的人可以选择：请发送你自己的 /quote。"
PASSAGE_GONE = "该片段已不在文档中：文档在此之后重新加载过。请重新提问，在当前文档中搜索。"
CORPUS_CHANGED = "<i>你提问之后文档重新加载过，因此这些结果来自当前文档，可能与之前不同。</i>"
LINK_GONE = "这个链接指向的片段已不在这里：链接生成之后文档有了变动。请重新提问，在当前文档中搜索。"
BAD_DEEP_LINK = "这不是我生成的链接，没有可以打开的内容。不如直接问我一个问题吧。"

# /language: one button per language, and one to follow the Telegram app again.
LANGUAGE_CHOOSE = "我该用哪种语言回答你？当前：{current}。"
LANGUAGE_SET = "好的，今后我会用{language}回答你。"
LANGUAGE_AUTO = "好的，今后我会用你的 Telegram 应用的语言回答你。"
BUTTON_LANGUAGE_AUTO = "跟随 Telegram 应用"

# /reset and feedback (callback answers are plain text, at most 200 characters).
RESET_DONE = "好的，我已忘掉我们的对话。下一个问题将重新开始。"
FEEDBACK_THANKS_GOOD = "谢谢！很高兴能帮上忙。"
FEEDBACK_THANKS_BAD = "谢谢反馈。试试换个说法，或点“更多结果”。"
FEEDBACK_THANKS_BAD_ALONE = "谢谢反馈。试试换个说法提问。"
FEEDBACK_GONE = "这条回答太旧了，无法评价。"
BUTTON_EXPIRED = "这个按钮已失效。请重新提问。"

# Admins: who may, reloads, uploads, removals, usage. {placeholders} are escaped HTML.
ADMIN_ONLY = "抱歉，/{command} 仅限机器人管理员使用。"
ADMIN_ONLY_UPLOAD = "只有机器人管理员才能添加文档。请以文字消息发送你的问题，或查看 /help。"
ADMIN_ONLY_BUTTON = "此按钮仅限机器人管理员使用。"  # a callback answer: plain text
RELOADING = "⏳ 正在重新加载文档……"
RELOADING_JOINED = "⏳ 已有一次重新加载正在进行，报告会发到这里。"
RELOADING_FOR = "⏳ 正在重新加载文档……已用时 {seconds} 秒。在此期间，我仍会按原来的文档回答问题。"
RELOAD_DONE = "✅ <b>重新加载完成</b>，用时 {seconds} 秒。"
RELOAD_COUNTS = "文档：新增 {added}，修改 {changed}，删除 {removed}，未变 {unchanged}。"
RELOAD_COUNTS_RENAMED = (
    "文档：新增 {added}，修改 {changed}，重命名 {renamed}，删除 {removed}，未变 {unchanged}。"
)
RELOAD_PARAGRAPHS = "段落：之前 {before}，之后 {after}。"
RELOAD_NAMES = "<b>{label}</b>：{names}"
RELOAD_LABELS = ("新增", "修改", "删除")
RELOAD_RENAMED_LABEL = "重命名"  # "old → new": moved or renamed, content unchanged
RELOAD_RECOVERED_LABEL = "已可读取（不再保留上一个可用版本）"
RELOAD_SKIPPED_HEADER = "<b>已跳过</b>（未建立索引）："
RELOAD_KEPT_HEADER = "<b>保留上一个可用版本</b>（文件夹中现在的文件无法读取）："
RELOAD_SKIPPED = "• <code>{doc}</code>：{reason}"
RELOAD_MORE = "……还有 {count} 个。"
RELOAD_MORE_LISTED = "……还有 {count} 个（/sources 列出全部）。"
RELOAD_KEPT = "保留上一个可用版本 {count} 个：{names}。"
RELOAD_REREAD = "已用新的读取器重新读取（磁盘上未改动）：{count} 个。"
RELOAD_STILL_SKIPPED = "与上次重新加载时一样仍被跳过：{count} 个（/sources 列出全部）。"
RELOAD_PARTIAL_HEADER = "<b>部分读取</b>（已建立索引，但不含所列页面）："
RELOAD_STILL_PARTIAL = "与上次重新加载时一样仍只读取了部分：{count} 个（/sources 列出全部）。"
RELOAD_MANIFEST_HEADER = "⚠️ <code>manifest.toml</code> <b>中需要修改的地方</b>："
RELOAD_MANIFEST_LINE = "• {problem}"
RELOAD_FAILED = "❌ <b>重新加载失败</b>：{reason}\n文档仍保持重新加载之前的状态。"
RELOAD_CRASHED = (
    "❌ <b>重新加载失败</b>，发生了意外错误（详情见日志）。\n文档仍保持重新加载之前的状态。"
)
UPLOAD_WRONG_KIND = "我可以添加以下类型的文件：{kinds}；“{name}”不属于这些类型。未做任何更改。"
UPLOAD_SAVE_AS = (
    "无法直接读取“{name}”：请在创建它的程序中打开，另存为 {kind} 后发给我。未做任何更改。"
)
UPLOAD_TOO_LARGE = (
    "“{name}”大小为 {size} MB，而 Telegram 只允许机器人下载不超过 20 MB 的文件。"
    "请拆分文件，或将它放入服务器上的文档文件夹，然后发送 /reload。"
)
UPLOAD_REFUSED = "无法添加“{name}”：{reason}。未做任何更改。"
UPLOAD_MISNAMED = (
    "无法添加“{name}”：从内容看这是 {kind} 文件，请以 <code>{renamed}</code> 为名重新发送。"
    "未做任何更改。"
)
UPLOAD_SAME_AS = (
    "“{name}”与文档中已有的 <code>{same}</code> 是同一个文件：未保存（副本会让每个回答出现两次）。"
)
UPLOAD_UNCHANGED = "文档中已有与你发送的完全相同的 <code>{name}</code>：没有任何改动。"
UPLOAD_DOWNLOAD_FAILED = "无法从 Telegram 下载“{name}”（{reason}）。请重新发送。"
UPLOAD_SAVED = "📄 已保存 <code>{name}</code>（{passages}）。"
UPLOAD_SAVED_AS = "📄 已将“{original}”保存为 <code>{name}</code>（{passages}）。"
UPLOAD_REPLACE_ASK = (
    "已有文档 <code>{name}</code>（<b>{title}</b>）。要用你发送的文件（{passages}）替换它吗？"
)
UPLOAD_REPLACE_ASK_UNTITLED = (
    "已有文档 <code>{name}</code>。要用你发送的文件（{passages}）替换它吗？"
)
UPLOAD_REPLACED = "📄 已用你发送的文件替换 <code>{name}</code>。"
UPLOAD_NOT_SAVED = "无法将“{name}”保存到文档文件夹：{reason}。未做任何更改。"
UPLOAD_KEPT = "已保留当前的 <code>{name}</code>，你发送的文件未保存。"
MANIFEST_SAVED = (
    "📄 已保存 <code>manifest.toml</code>：其中的标题、日期、来源和作者从这次重新加载起生效。"
)
MANIFEST_REPLACE_ASK = (
    "已经有一个 <code>manifest.toml</code>。要用你发送的替换它吗？文档的标题、日期、来源和作者"
    "将以它为准。"
)
UPLOAD_NOT_INDEXED = (
    "⚠️ <code>{name}</code> 已在文件夹中，但无法建立索引：{reason}。当前使用的文档没有变化。"
)
UPLOAD_ARCHIVE = (
    "“{name}”是压缩包，我无法打开压缩包：请解压后把其中的文件逐个发给我（以下类型：{kinds}）。"
    "未做任何更改。"
)
REMOVE_USAGE = "请告诉我要删除哪个文档：<i>/remove 文件名</i>。现有文档：\n{names}"
REMOVE_NO_SUCH = "没有文档 <code>{name}</code>。现有文档：\n{names}"
REMOVE_SEVERAL = (
    "有多个文档名为 <code>{name}</code>。是哪一个？请发送 /remove 加上完整的文件名：\n{names}"
)
REMOVE_NAME = "• <code>{name}</code>"
REMOVE_LAST = "<code>{name}</code> 是唯一的文档，而我至少需要一个文档才能回答问题。请先添加另一个。"
REMOVE_ASK = "要从文档中删除 <code>{name}</code>（<b>{title}</b>）吗？"
REMOVE_KEPT = "已保留 <code>{name}</code>。"
REMOVE_DONE = "🗑 已删除 <code>{name}</code>。"
REMOVE_ALREADY_GONE = "<code>{name}</code> 已不在文档文件夹中。"
PENDING_GONE = "该请求已过期或已处理，因此未做任何更改。请重新发送文件或 /remove。"
NOT_INDEXED_TITLE = "尚未建立索引"
NOT_INDEXED_BECAUSE = "未建立索引：{reason}"
BUTTON_REPLACE = "是，替换"
BUTTON_REMOVE = "是，删除"
BUTTON_KEEP = "否，保留"

# /stats: each period on a line, then the most asked questions of the last week.
STATS_HEADER = "<b>使用情况</b>"
STATS_PERIOD = (
    "<b>{label}</b>：提问 {questions}，已回答 {answered}（{percent}；其中 {hedged} 个不确定），"
    "未回答 {declined} · 👍 {good} · 👎 {bad}"
)
STATS_LABELS = ("最近 24 小时", "最近 7 天", "累计")
STATS_TOP_ASKED = "最近 7 天<b>被问最多</b>的问题："
STATS_TOP_DECLINED = "最近 7 天<b>被问最多但未能回答</b>的问题（可考虑补充到文档中）："
STATS_FOREIGN = (
    "最近 7 天<b>用文档未使用的语言提出</b>的问题（补充这些语言的文档即可回答）：{languages}"
)
STATS_TOP_LINE = "{count}× {question}"
STATS_NONE = "无"
STATS_UNAVAILABLE = "暂时无法读取查询日志，请稍后再试 /stats。"
STATS_CORPUS = (
    "<b>语料</b>：{documents}，{paragraphs}（与 /sources 和 /reload 的计数相同）；"
    "回答引用 {passages}（长段落分成几部分）。"
)

# The one apology of the error handler.
APOLOGY = "抱歉，我这边出了点问题。请稍后再试。"

# Console lines of `quotebot run` (plain text, one line each, never containing the token).
CONSOLE_NO_TOKEN = (
    "quotebot: 没有机器人令牌：请在环境变量或 .env 中设置 TELEGRAM_BOT_TOKEN"
    "（可从 @BotFather 获取）"
)
CONSOLE_TOKEN_REJECTED = (
    "quotebot: Telegram 拒绝了机器人令牌（TELEGRAM_BOT_TOKEN），请在 @BotFather 处检查"
)
CONSOLE_NETWORK = "quotebot: 无法连接 {url} 上的 Bot API：{reason}"
CONSOLE_SETUP = "quotebot: 无法启动机器人：{reason}"


# ------------------------------------------------------------------ the terminal (`quotebot`)
# Plain text: the terminal chat, `quotebot ask` and the command line's one-line errors.
CLI_CHAT_WELCOME = (
    "quotebot——就文档提问（{documents}，{passages}）。\n"
    "可以追问（“那 2005 年呢？”）。/more 查看更多结果，另有 /sources、/reset、/help、/quit。"
)
CLI_NO_TOKEN = "未设置 TELEGRAM_BOT_TOKEN，因此对话在终端中进行。"
CLI_CHAT_HELP = (
    "用自己的话输入问题；回答会引用能回答它的片段，并注明标题、章节和段落编号。\n"
    "简短的追问（“那 2004 年呢？”）会结合你的上一个问题来理解。\n"
    "命令：/more（更多结果）、/sources（文档列表）、/reset（忘掉对话）、/language（回答的语言）、/quit。\n"
    "只输入结果的编号（“2”“第二个”）即引用该结果。"
)
CLI_RESET = "对话已清除：下一个问题将重新开始。"
CLI_UNKNOWN_COMMAND = "未知命令 {command}。试试 /help。"
CLI_LANGUAGE_CHOICES = (
    "输入 /language 加上其中之一：{choices}；"
    "/language auto 则用系统语言（LANG）或你提问的语言回答。"
)
CLI_LANGUAGE_AUTO = "好的，今后我会用系统语言（LANG）或你提问的语言回答你。"
CLI_NO_MORE_QUESTION = "请先提问；之后可用 /more 查看更多结果。"
CLI_NO_MORE_RESULTS = "这个问题没有更多结果了。"
CLI_SOURCES_MORE = "（已显示 {shown} 个文档，共 {total} 个；/more 查看后续文档）"
CLI_SEARCH_NONE = "没有段落包含这个问题中的词。"
CLI_SEARCHED = "（搜索词：{query}）"
CLI_FOLLOWING = "{question}（接着问：{earlier}）"
CLI_ALSO = "其他相关内容："
CLI_SHOWN = "（已显示 {shown} 个匹配片段，共 {total} 个）"
CLI_MORE_AVAILABLE = "（已显示 {shown} 个匹配片段，共 {total} 个；/more 查看后续结果）"
CLI_DECLINED = (
    "在文档中没有找到答案（搜索词：{query}）。\n以下是最接近的片段，可能并不能回答这个问题："
)
CLI_DECLINED_HINT = "试试用别的词表达同一个意思，或查看 /sources 了解文档涵盖哪些内容。"
CLI_NOTHING_FOUND = (
    "在文档中没有找到与此相关的任何内容（搜索词：{query}）。试试换几个词，或查看 /sources。"
)
CLI_EMPTY_QUESTION = "请输入一个问题：这条消息里没有任何词。"
CLI_ONLY_COMMON_WORDS = (
    "这个问题只包含非常常见的词，没有可搜索的内容。请补充问题的主题：人名、地名或关键术语。"
)
CLI_NOTHING_NAMED = (
    "这个问题说的是“它”或“它们”，但之前没有问过别的问题。请带上你要问的对象的名称再问一次。"
)
CLI_SMALL_TALK = "🙂 请问我一个关于这些文档的问题：`quotebot ask` 加上你的问题。"
CLI_CHAT_HELP_HINT = "/help 介绍我能做什么。"
CLI_TOO_LONG = "这个问题长 {length} 个字符，上限为 {limit}。"
CLI_ERROR = "quotebot: {message}"
CLI_BYE = "再见。"
CLI_INDEXED = "已将 {folder} 索引到 {db}。"
CLI_INDEX_FAILED_FIRST = "❌ <b>索引失败</b>：{reason}\n没有创建数据库。"
CLI_DAMAGED = (
    "数据库 {db} 已损坏：已移至 {moved}，并根据 {corpus} 重建"
    "（其中的对话和查询日志保留在移走的文件中）"
)
CLI_REREAD = "文档自上次读取后有改动，已先重新读取。{changes}"
CLI_NOT_A_COUNT = "{value!r} 不是大于等于 1 的整数"
CLI_NO_DATABASE = "{path} 处没有数据库（机器人和 `quotebot index` 会创建它）"
CLI_STATS_COUNTED = "（在 Telegram 和终端中提出的问题都会计入。）"

HEDGED = "<i>这是找到的最接近的片段，可能并不能完全回答你的问题。</i>"
CLI_HEDGED = "（这是找到的最接近的片段，可能并不能完全回答这个问题。）"
WRONG_LANGUAGE = "这些文档使用以下语言：{languages}。请用其中一种语言提问。"
WRONG_LANGUAGE_ONE = "这些文档是用{language}写的，请用{language}提问。"
ELSEWHERE_ONE = "最接近的片段是用{language}写的：文档可能只用{language}谈到这一点。"
ELSEWHERE = "最接近的片段是用其他语言写的（{languages}）：文档可能只用这些语言谈到这一点。"

LANGUAGE_NAMES = {
    "en": "英语",
    "fr": "法语",
    "es": "西班牙语",
    "pt": "葡萄牙语",
    "it": "意大利语",
    "ca": "加泰罗尼亚语",
    "de": "德语",
    "nl": "荷兰语",
    "sv": "瑞典语",
    "da": "丹麦语",
    "no": "挪威语",
    "fi": "芬兰语",
    "hu": "匈牙利语",
    "ro": "罗马尼亚语",
    "tr": "土耳其语",
    "id": "印度尼西亚语",
    "pl": "波兰语",
    "cs": "捷克语",
    "vi": "越南语",
    "ru": "俄语",
    "uk": "乌克兰语",
    "bg": "保加利亚语",
    "sr": "塞尔维亚语",
    "ar": "阿拉伯语",
    "fa": "波斯语",
    "ur": "乌尔都语",
    "he": "希伯来语",
    "el": "希腊语",
    "hi": "印地语",
    "th": "泰语",
    "zh": "中文",
    "ja": "日语",
    "ko": "韩语",
}
DECIMAL_MARK = "."
LINE_COLON = "："
LIST_SEPARATOR = "、"
LIST_LAST_SEPARATOR = "和"


REASONS: dict[str, str] = {
    "empty": "空文件",
    "binary, not text": "二进制文件，不是文本",
    "binary, not a web page": "二进制文件，不是网页",
    "encrypted": "已加密",
    "encrypted — needs its password (save a copy without one)": (
        "已加密——需要密码（请另存一份不带密码的副本）"
    ),
    "an error page": "错误页面",
    "a redirect to {address}": "重定向到 {address}",
    "only includes {files}": "仅包含 {files}",
    "parts of the saved page {page} (files it shows or runs), not documents": (
        "已保存网页 {page} 的附属文件（它显示或运行的文件），不是文档"
    ),
    "no paragraphs of text found": "没有找到任何文本段落",
    "a list of words, one a line, not text to quote": ("每行一个词的词表，不是可引用的文本"),
    "no main text (only navigation, scripts or markup)": "没有正文（只有导航、脚本或标记）",
    "no text layer — needs OCR": "没有文本层——需要 OCR 识别",
    "damaged: not a PDF file": "已损坏：不是 PDF 文件",
    "an image ({kind}), not a {suffix} file: its text needs OCR": (
        "是图片（{kind}），不是 {suffix} 文件：其中的文字需要 OCR 识别"
    ),
    "an archive ({kind}), not a {suffix} file: unpack it": (
        "是压缩包（{kind}），不是 {suffix} 文件：请先解压"
    ),
    "plain text, not a {suffix} file: rename it to .txt": (
        "是纯文本，不是 {suffix} 文件：请重命名为 .txt"
    ),
    "a web page, not a {suffix} file: rename it to .html": (
        "是网页，不是 {suffix} 文件：请重命名为 .html"
    ),
    "a {kind} file, not a {suffix} file: rename it": (
        "是 {kind} 文件，不是 {suffix} 文件：请重命名"
    ),
    "a Word 97–2003 file (.doc), not a {suffix} file: save it as .docx": (
        "是 Word 97–2003 文件（.doc），不是 {suffix} 文件：请另存为 .docx"
    ),
    "a PowerPoint 97–2003 file (.ppt), not a {suffix} file: save it as .pptx": (
        "是 PowerPoint 97–2003 文件（.ppt），不是 {suffix} 文件：请另存为 .pptx"
    ),
    "an Excel file, not a {suffix} file: export it as .pdf": (
        "是 Excel 文件，不是 {suffix} 文件：请导出为 .pdf"
    ),
    "damaged: cannot be opened": "已损坏：无法打开",
    "damaged: page {page} cannot be read": "已损坏：第 {page} 页无法读取",
    "damaged: not a Word document": "已损坏：不是 Word 文档",
    "damaged: a part of the file is corrupt": "已损坏：文件的一部分已损坏",
    "damaged: the file is cut short (copy it again)": ("已损坏：文件不完整（请重新复制）"),
    "damaged: too large when unpacked": "已损坏：解压后过大",
    "not decodable as text (save it as UTF-8)": "无法解码为文本（请另存为 UTF-8）",
    "too large ({size} MB; the limit is 20 MB)": "文件过大（{size} MB；上限为 20 MB）",
    "cannot be read ({error})": "无法读取（{error}）",
    "the reader failed on it ({error}): please report this file": (
        "读取程序处理它时出错（{error}）：请报告这个文件"
    ),
    "unsupported type ({kind})": "不支持的类型（{kind}）",
    "file name is not valid UTF-8 — rename it": "文件名不是有效的 UTF-8——请重命名",
    "a link to a file outside the corpus folder: not read": "指向文档文件夹之外文件的链接：不读取",
    "a link to a file that does not exist": "指向不存在文件的链接",
    "a link that leads back to itself": "指向自身的链接",
    "a link to a hidden file: not read": "指向隐藏文件的链接：不读取",
    "a link to a folder: not followed (copy the folder in instead)": (
        "指向文件夹的链接：不跟随（请直接复制该文件夹）"
    ),
    "a link to {name}, which is read under that name": "指向 {name} 的链接，该文件以原名读取",
    "the same text as {name}, which is read under that name": (
        "与 {name} 的内容完全相同，该文件以原名读取"
    ),
    "'{name}' is listed but no such file": "列出了“{name}”，但没有这个文件",
    "'{name}' is listed but no such file (did you mean '{near}'?)": (
        "列出了“{name}”，但没有这个文件（是不是“{near}”？）"
    ),
    "date '{value}' is not a date (use 2024-05-01, or 2024-05, or 2024)": (
        "日期“{value}”不是日期（请写成 2024-05-01、2024-05 或 2024）"
    ),
    "not decodable as UTF-16 text": "无法按 UTF-16 文本解码",
    "a template ({kind}), not a page": "模板（{kind}），不是页面",
    "damaged: {problem}": "已损坏：{problem}",
    "line {line}: {problem}": "第 {line} 行：{problem}",
    "{problem}; until it is fixed, the documents keep the titles, dates and sources they had": (
        "{problem}；在修正之前，文档保留原有的标题、日期和来源"
    ),
    "slide {slide} not read: damaged": "第 {slide} 张幻灯片未读取：已损坏",
    "slides {slides} not read: damaged": "第 {slides} 张幻灯片未读取：已损坏",
    "page {page} not read: its font has no Unicode mapping — needs OCR": (
        "第 {page} 页未读取：其字体没有 Unicode 映射——需要 OCR 识别"
    ),
    "pages {pages} not read: their fonts have no Unicode mapping — needs OCR": (
        "第 {pages} 页未读取：其字体没有 Unicode 映射——需要 OCR 识别"
    ),
    "page {page}: some characters unreadable (a font has no Unicode mapping for them); "
    "the page is indexed as read": (
        "第 {page} 页：部分字符无法读取（字体没有这些字符的 Unicode 映射）；"
        "该页已按读取结果建立索引"
    ),
    "pages {pages}: some characters unreadable (a font has no Unicode mapping for them); "
    "the pages are indexed as read": (
        "第 {pages} 页：部分字符无法读取（字体没有这些字符的 Unicode 映射）；"
        "这些页面已按读取结果建立索引"
    ),
    "text layer unreadable: its fonts have no Unicode mapping — needs OCR": (
        "文本层无法读取：其字体没有 Unicode 映射——需要 OCR 识别"
    ),
    "text layer unreadable: its letters make no words (a bad OCR layer) — needs OCR": (
        "文本层无法读取：其字母组不成词（OCR 层有误）——需要 OCR 识别"
    ),
}
