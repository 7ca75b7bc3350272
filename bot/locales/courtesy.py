"""Thanks, greetings and laughs in the languages people write on Telegram, beyond the ones the
bot speaks (each locale's ``SMALL_TALK_WORDS``): a message made only of these is not a question.

Not a locale (its name is not a language code): the bot answers no one in these languages, it
only leaves their "danke!", "obrigado", "شكرا" or "ありがとう" unsearched. The words are the
everyday forms of courtesy, not fitted to any question; a word that is also something people
search for ("top", "nice", "w", "toll", "salve", "mille", "perfect", "good") is left out.
Laughs are written in too many lengths to list ("hahaha", "kkkkk", "хахах", "ㅋㅋㅋ"):
:data:`LAUGH` reads them.
"""

from __future__ import annotations

import re

WORDS = (
    # English, beyond en.SMALL_TALK_WORDS
    "thank u", "ty", "tysm", "tnx", "thanx", "cheers", "much appreciated", "appreciated",
    "awesome", "got it", "wow", "hey", "very much", "rofl",
    # German
    "danke", "danke schön", "dankeschön", "danke sehr", "vielen dank", "besten dank", "dank",
    "klasse", "alles klar", "hallo", "moin", "servus",
    # Portuguese
    "obrigado", "obrigada", "muito", "valeu", "brigado", "brigada", "beleza", "olá",
    "oi", "tudo bem",
    # Italian
    "grazie", "grazie mille", "perfetto", "ottimo", "ciao", "bene",
    # Dutch
    "bedankt", "dank je", "dank je wel", "dankjewel", "dank u", "dank u wel", "dankuwel",
    "hoi", "hartelijk",
    # Polish
    "dzięki", "dziękuję", "bardzo", "wielkie", "cześć",
    # Turkish
    "teşekkürler", "teşekkür ederim", "sağol", "sağ ol", "saol", "eyvallah",
    "merhaba", "tamam", "çok",
    # Ukrainian
    "дякую", "дуже", "щиро", "привіт", "добре", "чудово",
    # Arabic
    "شكرا", "شكرا جزيلا", "مشكور", "تسلم", "ألف شكر", "مرحبا", "السلام عليكم",
    # Persian
    "ممنون", "خیلی", "مرسی", "متشکرم", "سپاس", "سپاسگزارم", "سلام", "دستت درد نکنه",
    # Hebrew
    "תודה", "תודה רבה", "שלום",
    # Hindi (and as typed in Latin letters)
    "धन्यवाद", "शुक्रिया", "नमस्ते", "dhanyavad", "shukriya",
    # Japanese
    "ありがとう", "ありがとうございます", "ありがとうございました", "どうも", "了解", "こんにちは",
    # Korean
    "감사합니다", "고맙습니다", "고마워요", "고마워", "감사해요", "안녕하세요",
    # Indonesian, Malay, Vietnamese, Thai
    "terima kasih", "makasih", "cảm ơn", "ขอบคุณ", "ขอบคุณครับ", "ขอบคุณค่ะ",
)  # fmt: skip

# One word of laughter, however long: "haha", "ahahah", "hehe", "jajaja", "kkkk", "rsrs",
# "xD", "lool", "хаха", "ахах", "ㅋㅋ", "ㅎㅎ", "هههه", "خخخ" (not Thai's "5555": a number).
LAUGH = re.compile(
    r"a?(?:h+a+){2,}h*|(?:a+h+){2,}a*|(?:h+[ei]+){2,}h*|(?:j+[aei]+){2,}j*|k{4,}|(?:rs){2,}"
    r"|x+d+|l+o+l+|lmf?a+o+|а?(?:х+а+){2,}х*|(?:а+х+){2,}а*|(?:х+[еи]+){2,}х*"
    r"|ㅋ{2,}|ㅎ{2,}|ه{3,}|خ{3,}"
)

# What a member says back to an answer, in a group, replying to the bot: a reaction, no
# question ("lol nice", "wow that's wild", "круто", "不错"). Only a group's replies to the bot
# without a question mark are read with these (:func:`bot.locales.without_chatter`): alone,
# "nice" is a Unix command and "perfect" a tense, searched in a private chat as asked.
REACTIONS = (
    # English
    "nice", "nice one", "cool", "great", "awesome", "neat", "wow", "interesting", "amazing",
    "perfect", "true", "exactly", "indeed", "wild", "crazy", "insane", "sweet", "lovely", "oh",
    "ah", "hmm", "hm", "yes", "yeah", "yep", "nope", "sure", "right", "agreed", "same",
    "damn", "omg", "wtf", "bruh", "lmao", "lmfao", "rofl",
    # Russian
    "круто", "класс", "интересно", "точно", "ага", "ого", "вау", "прикольно", "жесть", "норм",
    "да", "нет", "ну",
    # Chinese
    "不错", "厉害", "有意思", "牛", "是的", "对", "哇", "原来如此", "确实", "真的",
    # Spanish
    "genial", "interesante", "claro", "sí", "guay", "bueno", "exacto", "cierto", "vaya",
    # French
    "génial", "intéressant", "sympa", "top", "ouais", "oui", "exact", "vrai", "trop bien",
    # German, Portuguese, Italian
    "toll", "krass", "interessant", "ja", "stimmt", "genau", "legal", "massa", "interessante",
    "sim", "verdade", "bello", "figo", "vero", "esatto",
)  # fmt: skip
