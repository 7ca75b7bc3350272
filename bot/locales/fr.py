"""Every text the bot shows to people, in French (français): a mirror of :mod:`bot.locales.en`.

Same names, same ``{placeholders}``, same HTML tags and commands as the English module (a test
checks it). The bot says «vous»; French typography: « guillemets » with no-break spaces inside,
a no-break space before : (U+00A0) and a narrow one before ; ? ! (U+202F), the apostrophe ’.
Where a count stands alone in a sentence it follows a label ("questions : 5") so that no noun
has to agree with it. Counts of 0 and 1 take the singular.
"""

from __future__ import annotations

LANGUAGE_NAME = "Français"  # as the language calls itself, on the /language buttons


def paragraphs(count: int) -> str:
    """ "1 paragraphe", "12 paragraphes"."""
    return f"{count} paragraphe" if count < 2 else f"{count} paragraphes"


def passages(count: int) -> str:
    """ "1 passage", "132 passages"."""
    return f"{count} passage" if count < 2 else f"{count} passages"


def documents(count: int) -> str:
    """ "1 document", "5 documents"."""
    return f"{count} document" if count < 2 else f"{count} documents"


# The commands menu (setMyCommands); descriptions are plain text of at most 256 characters.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Accueil et exemples de questions"),
    ("help", "Comment poser une question, relancer et citer"),
    ("ask", "Poser une question sur les documents"),
    ("quote", "Publier un passage : /quote mots, ou /quote id-du-passage"),
    ("sources", "Les documents que je cite"),
    ("more", "Plus de résultats pour votre dernière question"),
    ("reset", "Oublier la conversation et repartir de zéro"),
    ("language", "Choisir la langue de mes réponses"),
)
# The menu in groups, where the bot only speaks when asked.
GROUP_COMMANDS: tuple[tuple[str, str], ...] = (
    ("ask", "Poser une question sur les documents (ou répondre /ask à un message)"),
    ("quote", "Publier un passage : /quote mots, ou /quote id-du-passage"),
    ("help", "Comment m’utiliser dans un groupe"),
)

# Added to the menu of each admin (BotCommandScopeChat), after the commands above.
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("reload", "Admin : relire le dossier des documents et faire un rapport"),
    ("remove", "Admin : supprimer un document : /remove nom-du-fichier"),
    ("stats", "Admin : questions, réponses, votes et taille du corpus"),
)

# /start: followed by one button per example question.
GREETING = (
    "Bonjour ! Je réponds aux questions sur un ensemble de documents en <b>citant</b> les "
    "passages qui y répondent, avec le titre et le paragraphe d’où ils viennent. "
    "Je n’invente jamais rien.\n\n"
    "Posez-moi vos questions avec vos propres mots, ou appuyez sur l’un de ces exemples :"
)
GREETING_NO_EXAMPLES = (
    "Bonjour ! Je réponds aux questions sur un ensemble de documents en <b>citant</b> les "
    "passages qui y répondent, avec le titre et le paragraphe d’où ils viennent. "
    "Je n’invente jamais rien.\n\n"
    "Posez-moi vos questions avec vos propres mots ; /sources liste ce que je peux citer."
)

EXAMPLE_ABOUT = "Qu’y a-t-il sur «\u00a0{topic}\u00a0»\u202f?"

HELP = (
    "<b>Comment poser une question</b>\n"
    "Envoyez votre question comme un message ordinaire, avec vos propres mots. Je cherche dans "
    "les documents et je cite le passage qui y répond le mieux ; les mots trouvés sont en "
    "<b>gras</b>, et la ligne sous la citation indique d’où elle vient (titre, section, "
    "¶ paragraphe).\n\n"
    "<b>Questions de suivi</b>\n"
    "Posez une courte question de suivi, comme « et quand a-t-il été signé ? » : pendant "
    "{idle} minutes, je la lis avec votre question précédente. /reset efface la conversation.\n\n"
    "<b>Plus de résultats et texte intégral</b>\n"
    "Appuyez sur <i>Passage complet</i> pour lire tout le paragraphe, et sur "
    "<i>Plus de résultats</i> (ou envoyez /more, ou simplement « encore ») "
    "pour parcourir la suite du classement. "
    "Appuyez sur un titre pour ouvrir ce passage.\n\n"
    "<b>Citer</b>\n"
    "Chaque citation est mot pour mot, avec sa référence : vous pouvez la transférer ou la "
    "copier telle quelle. Un passage complet se termine par un lien qui ouvre ce même passage "
    "pour tout le monde.\n\n"
    "<b>Dans les groupes et les autres discussions</b>\n"
    "Ajoutez-moi à un groupe et posez vos questions avec /ask, en mentionnant @{bot} ou en "
    "répondant à l’un de mes messages ; /quote suivi de quelques mots publie un passage entier "
    "pour tout le monde. Dans n’importe quelle discussion, tapez @{bot} et quelques mots pour "
    "choisir un passage à envoyer.\n\n"
    "👍 et 👎 me disent si une réponse vous a aidé. Je ne réponds pas une seconde fois aux "
    "messages modifiés : envoyez la question corrigée dans un nouveau message. "
    "/sources liste les documents."
)
GROUP_HELP = (
    "Je réponds aux questions sur les documents en les citant, et seulement quand on me le "
    "demande :\n"
    "• /ask et votre question, ou un message qui mentionne @{bot}\n"
    "• répondez à l’une de mes réponses pour relancer\n"
    "• répondez /ask à un message pour chercher ses mots (ou seulement la partie citée)\n"
    "• /quote et quelques mots (ou un id de passage) publie ce passage pour tout le monde\n"
    "La réponse complète et les autres résultats s’ouvrent dans une discussion privée avec moi."
)
ASK_USAGE = (
    "Écrivez votre question après /ask ou après mon nom, par ex. <i>/ask qui a écrit le "
    "rapport ?</i>, ou répondez /ask à un message pour chercher ses mots."
)
PRIVATE_ONLY = "Cette commande ne marche que dans une conversation privée avec moi : @{bot}."
GROUP_MORE = "Plus de résultats pour « {question} » dans une conversation privée avec moi."
GROUP_NOTHING_TO_PAGE = (
    "Il n’y a ici aucune question précédente de votre part dont montrer d’autres résultats : "
    "envoyez /ask et votre question."
)
UPLOAD_IN_PRIVATE = (
    "Pour ajouter un document, envoyez-moi le fichier dans une conversation privée : @{bot}."
)
GROUP_NO_ANSWER_HINT = "Les passages les plus proches sont à portée de clic, ci-dessous."

# /help, for admins only: added after HELP.
ADMIN_HELP = (
    "<b>Pour les administrateurs</b>\n"
    "Envoyez-moi un document ({kinds} ; 20 Mo au plus) pour l’ajouter aux documents ; un fichier "
    "qui porte le nom d’un document existant le remplace une fois que vous avez confirmé. "
    "/remove nom-du-fichier supprime un document (/sources affiche les noms de fichiers), "
    "/reload relit le dossier des documents et /stats montre comment je suis utilisé."
)

# /sources
SOURCES_HEADER = "<b>Les documents que je cite</b> ({count}) :"
SOURCES_SKIPPED_HEADER = (
    "<b>Non lus au dernier rechargement</b> (visible des seuls administrateurs)\u00a0:"
)
SOURCES_LINE = "{number}. <b>{title}</b>{date} · {paragraphs}"  # {paragraphs}: paragraphs()
SOURCES_DATE = ", {date}"
SOURCES_FILE = " · <code>{name}</code>"  # file names: admins' (for /remove), all for shared titles
SOURCES_EMPTY = "Aucun document n’est encore chargé : je ne peux donc rien répondre pour l’instant."
SOURCES_MORE = (
    "<i>Documents affichés : {shown} sur {total}. /more ou le bouton ci-dessous affiche les "
    "suivants.</i>"
)
SOURCES_SKIPPED_COUNT = (
    "<b>Fichiers non lus au dernier rechargement :</b> {count} (visible des seuls "
    "administrateurs) ; /more les affiche après les documents."
)
SOURCES_SKIPPED_MORE = (
    "<i>Fichiers affichés : {shown} sur {total}. /more ou le bouton ci-dessous affiche les "
    "suivants.</i>"
)
SOURCES_GROUP_CONTINUED = "{heading} <i>(suite)</i>"
BUTTON_SOURCES_MORE = "Page suivante"

# Answers: every {placeholder} is filled with escaped HTML.
ANSWER_MORE_HEADER = "<b>À voir aussi :</b>"
ANSWER_COUNT = "<i>Résultats {first}–{last} sur {total}.</i>"
PAGE_HEADER = "<b>Plus de résultats pour</b> « {question} » :"
PAGE_HEADER_FOLLOW_UP = "<b>Plus de résultats pour</b> « {question} », après « {context} » :"
PARAGRAPH = "¶ {paragraph}"  # where a passage stands in its document
PARAGRAPH_PART = ", partie {part} sur {parts}"  # a long paragraph cut in n: passage k
PAGE = ", p. {page}"  # added after PARAGRAPH for a passage of a PDF
PAGES = ", p. {first}-{last}"  # instead of PAGE when the quote runs on over a page break
SLIDE = ", diapositive {page}"  # instead of PAGE for a passage of a presentation (.pptx)
SLIDES = ", diapositives {first}-{last}"  # instead of PAGES there
FOLLOW_UP_NOTE = "<i>Compris comme la suite de « {context} ».</i>"
NO_ANSWER = "J’ai cherché « {query} » dans les documents, mais rien n’y répond."
NO_ANSWER_CLOSEST = (
    "<b>Passages les plus proches</b> (ils ne répondent peut-être pas à votre question) :"
)
NO_ANSWER_NOTHING = "Aucun passage ne mentionne même ces mots."
NO_ANSWER_HINT = (
    "Essayez d’autres mots (un nom, un lieu, un terme clé), ou consultez /sources pour voir "
    "ce que couvrent les documents."
)
PASSAGE_HEADER = "<b>{title}</b>"
PASSAGE_WHERE_SECTION = "{section} · {where}"  # {where}: PARAGRAPH (and PAGE)
PASSAGE_CONTINUED = "<i>{title}, suite ({part} sur {parts})</i>"
PASSAGE_LINK = '🔗 <a href="{url}">Lien vers ce passage</a>'
CUT_MARK = "…"

# /quote: a whole passage posted for discussion.
QUOTE_USAGE = (
    "Dites-moi quel passage : <i>/quote quelques mots du passage</i>, ou <i>/quote</i> et un id "
    "de passage (la fin d’un lien vers un passage, après p_)."
)
QUOTE_CHOOSE = "Plusieurs passages correspondent à « {words} ». Lequel dois-je publier ?"
QUOTE_NO_PASSAGE = (
    "Il n’y a pas (ou plus : les documents ont peut-être été rechargés) de passage "
    "« {passage_id} » dans les documents. Essayez /quote avec quelques mots du passage."
)
QUOTE_NOTHING = (
    "Aucun passage ne correspond à « {words} ». Essayez d’autres mots, ou consultez /sources."
)

# Inline mode (@bot words in any chat); button texts are plain, at most 64 characters.
INLINE_HINT = "Tapez quelques mots pour trouver un passage · mode d’emploi"
INLINE_NOTHING = "Aucun passage trouvé · comment chercher"

# Buttons (plain text)
BUTTON_FULL_ANSWER = "Réponse complète et plus de résultats"
BUTTON_CLOSEST = "Passages les plus proches"
BUTTON_OPEN_PASSAGE = "Ouvrir dans @{bot}"
BUTTON_CHOICE = "{rank}. {where} · {title}"  # cut at 60 characters: ¶ first
BUTTON_FULL = "Passage complet"
BUTTON_MORE = "Plus de résultats"
BUTTON_GOOD = "👍"
BUTTON_BAD = "👎"
BUTTON_OPEN = "📖 {rank}"
BUTTON_PART_BEFORE = "◀ Partie {part}"
BUTTON_PART_AFTER = "Partie {part} ▶"

# Problems with the question, said plainly.
EMPTY_QUESTION = (
    "Je n’ai trouvé aucun mot à chercher dans ce message. Posez-moi une question avec des mots, "
    "en précisant de quoi elle parle."
)
ONLY_COMMON_WORDS = (
    "Votre question ne contient que des mots très courants : il n’y a rien à chercher. "
    "Précisez le sujet : un nom, un lieu ou un terme clé. /help dit ce que je sais faire."
)
NOTHING_NAMED = (
    "Votre question parle de «\xa0ça\xa0» ou «\xa0eux\xa0», mais rien n’a été "
    "demandé avant. "
    "Reposez-la en nommant ce que vous cherchez. /help dit ce que je sais faire."
)
QUESTION_TOO_LONG = (
    "Cette question est trop longue pour moi ({length} caractères ; la limite est de {limit}). "
    "Formulez-la en une ou deux phrases."
)
NOT_TEXT = (
    "Je ne sais lire que du texte. Envoyez-moi votre question dans un message, ou consultez "
    "/help pour savoir comment faire."
)
UNKNOWN_COMMAND = "Je ne connais pas cette commande. /help liste ce que je sais faire."

# More results and full passages.
NOTHING_TO_PAGE = "Posez-moi d’abord une question ; /more affichera ensuite d’autres résultats."
NUMBER_BEFORE_QUESTION = "Posez-moi d’abord une question ; un numéro ouvre ensuite ce résultat."
MORE_WORDS = (
    "encore",
    "plus",
    "suite",
    "la suite",
    "suivant",
    "suivants",
    "plus de résultats",
    "autres résultats",
    "d’autres résultats",
    "encore des résultats",
    "dites-m’en plus",
    "dis-m’en plus",
)
ORDINALS = (
    "premier|première|1er|1re", "deuxième|second|seconde|2e", "troisième|3e", "quatrième|4e",
    "cinquième|5e", "sixième|6e", "septième|7e", "huitième|8e", "neuvième|9e", "dixième|10e",
)  # fmt: skip
ORDINAL_WORDS = "le|la|l’|montre|moi|ouvre|résultat|passage|s’il|te|vous|plaît|et"
MORE_FILLERS = (
    "s’il te plaît|s’il vous plaît|stp|svp|et|donne|donnez|moi|montre|montrez|affiche|d’autres"
    "|autres|résultats|ok|alors|voir"
)
RESULT_NUMBER_WORDS = "numéro|no|n|résultat|passage"
SMALL_TALK_WORDS = (
    "merci",
    "beaucoup",
    "bien",
    "d’accord",
    "ok",
    "super",
    "parfait",
    "génial",
    "mdr",
    "salut",
    "bonjour",
    "bonsoir",
    "encore",
    "entendu",
    "compris",
    "bonne journée",
    "bonne soirée",
    "bonne nuit",
    "au revoir",
    "à bientôt",
    "à plus",
    "à demain",
    "bonne fin de journée",
    # sign-offs: "merci, c’est tout"
    "c’est tout",
    "ce sera tout",
    "rien d’autre",
    "c’est bon",
    "ça ira",
    "je vois",
    "ça m’aide",
    "ça aide",
    "très utile",
    "pas grave",
    "laisse tomber",
)
# Whom it is said to ("bonjour à tous", "salut tout le monde"): see en.SMALL_TALK_ADDRESSEE_WORDS.
SMALL_TALK_ADDRESSEE_WORDS = ("à tous", "à toutes", "tout le monde", "les amis", "bot")
# A request for help naming nothing ("pouvez-vous m’aider à vérifier une affirmation ?",
# "j’ai une question"): see en.HELP_WORDS.
HELP_FRAME_WORDS = (
    "pouvez", "vous", "peux", "tu", "pourriez", "pourrais", "est ce que", "je", "j’ai", "ai",
    "me", "moi", "une", "un", "petite", "à", "besoin", "de", "voudrais", "veux",
    "s’il vous plaît", "s’il te plaît", "svp", "quelque chose", "avec",
    "ça", "cela", "autre", "quelques",
)  # fmt: skip
HELP_WORDS = (
    "aide", "aider", "m’aider", "d’aide", "question", "questions", "demander", "poser",
    "vérifier une affirmation", "vérifier un fait", "vérifier quelque chose",
)  # fmt: skip
SMALL_TALK_REPLY = (
    "🙂 Posez-moi une question sur les documents quand vous voulez ; /help explique comment."
)
EDITED_NOT_ANSWERED = (
    "Je réponds une seule fois à chaque message, votre modification n’a donc pas été cherchée : "
    "envoyez la question corrigée dans un nouveau message."
)
NO_MORE_RESULTS = "C’est tout : il n’y a pas d’autres résultats pour « {question} »."
NO_MORE_SINCE_RELOAD = (
    "Les documents ont été rechargés depuis votre question et les autres résultats pour "
    "« {question} » n’y sont plus. Reposez la question pour chercher dans les documents actuels."
)
NO_SUCH_RESULT = (
    "Il n’y a pas de résultat {rank} pour « {question} » : la recherche a trouvé {found}."
)
SEARCH_GONE = "Je n’ai plus cette recherche. Merci de reposer la question."
QUOTE_NOT_YOURS = (
    "Seule la personne qui a envoyé /quote peut choisir\u00a0: envoyez votre propre /quote."
)
PASSAGE_GONE = (
    "Ce passage n’est plus dans les documents : ils ont été rechargés depuis. "
    "Reposez la question pour chercher dans les documents actuels."
)
CORPUS_CHANGED = (
    "<i>Les documents ont été rechargés depuis votre question : ces résultats viennent des "
    "documents actuels et peuvent différer des précédents.</i>"
)
LINK_GONE = (
    "Ce lien ne mène plus à aucun passage\u00a0: les documents ont changé depuis sa création. "
    "Reposez la question pour chercher dans les documents tels qu’ils sont maintenant."
)
BAD_DEEP_LINK = (
    "Ce lien ne vient pas de moi, il n’y a donc rien à ouvrir. Posez-moi plutôt une question."
)

# /language: one button per language, and one to follow the Telegram app again.
LANGUAGE_CHOOSE = "Dans quelle langue dois-je vous répondre ? Actuellement : {current}."
LANGUAGE_SET = "C’est fait ! Langue de mes réponses : {language}."
LANGUAGE_AUTO = (
    "C’est fait : je vous réponds désormais dans la langue de votre application Telegram."
)
BUTTON_LANGUAGE_AUTO = "Comme mon appli Telegram"

# /reset and feedback (callback answers are plain text, at most 200 characters).
RESET_DONE = "C’est fait : j’ai oublié notre conversation. Votre prochaine question repart de zéro."
FEEDBACK_THANKS_GOOD = "Merci ! Tant mieux si cela vous a aidé."
FEEDBACK_THANKS_BAD = (
    "Merci de me l’avoir dit. Reformulez votre question, ou appuyez sur « Plus de résultats »."
)
FEEDBACK_THANKS_BAD_ALONE = "Merci de me l’avoir dit. Essayez de poser la question autrement."
FEEDBACK_GONE = "Cette réponse est trop ancienne pour être notée."
BUTTON_EXPIRED = "Ce bouton ne fonctionne plus. Merci de reposer votre question."

# Admins: who may, reloads, uploads, removals, usage. {placeholders} are escaped HTML.
ADMIN_ONLY = "Désolé, /{command} est réservé aux administrateurs du bot."
ADMIN_ONLY_UPLOAD = (
    "Seuls les administrateurs du bot peuvent ajouter des documents. Envoyez-moi votre "
    "question dans un message texte, ou consultez /help."
)
ADMIN_ONLY_BUTTON = (
    "Ce bouton est réservé aux administrateurs du bot."  # a callback answer: plain text
)
RELOADING = "⏳ Rechargement des documents…"
RELOADING_JOINED = "⏳ Un rechargement est déjà en cours ; son rapport arrivera ici."
RELOADING_FOR = (
    "⏳ Rechargement des documents… déjà {seconds} s. En attendant, je continue de répondre aux "
    "questions avec les documents tels qu’ils étaient."
)
RELOAD_DONE = "✅ <b>Rechargement terminé</b> en {seconds} s."
RELOAD_COUNTS = (
    "Documents — ajoutés : {added}, modifiés : {changed}, supprimés : {removed}, "
    "inchangés : {unchanged}."
)
RELOAD_COUNTS_RENAMED = (
    "Documents — ajoutés : {added}, modifiés : {changed}, renommés : {renamed}, "
    "supprimés : {removed}, inchangés : {unchanged}."
)
RELOAD_PARAGRAPHS = "Paragraphes : {before} avant, {after} après."
RELOAD_NAMES = "<b>{label}</b> : {names}"
RELOAD_LABELS = ("Ajoutés", "Modifiés", "Supprimés")
RELOAD_RENAMED_LABEL = "Renommés"  # "old → new": moved or renamed, content unchanged
RELOAD_RECOVERED_LABEL = "De nouveau lisibles (plus conservés dans leur dernière version valide)"
RELOAD_SKIPPED_HEADER = "<b>Ignorés</b> (non indexés)\u00a0:"
RELOAD_KEPT_HEADER = (
    "<b>Conservés dans leur dernière version valide</b> (le fichier qui "
    "est maintenant dans le dossier est illisible)\u00a0:"
)
RELOAD_SKIPPED = "• <code>{doc}</code> : {reason}"
RELOAD_MORE = "…et encore {count}."
RELOAD_MORE_LISTED = "…et encore {count} (/sources les affiche tous)."
RELOAD_KEPT = "Conservés dans leur dernière version valide — {count}\u00a0: {names}."
RELOAD_REREAD = "Relus avec le nouveau lecteur (inchangés sur le disque)\u00a0: {count}."
RELOAD_STILL_SKIPPED = (
    "Toujours ignorés comme au dernier rechargement\u00a0: {count} (/sources les liste)."
)
RELOAD_PARTIAL_HEADER = "<b>Lus en partie</b> (indexés sans les pages indiquées)\u00a0:"
RELOAD_STILL_PARTIAL = (
    "Toujours lus en partie comme au dernier rechargement\u00a0: {count} (/sources les liste)."
)
RELOAD_MANIFEST_HEADER = "⚠️ <b>À corriger dans</b> <code>manifest.toml</code>\u00a0:"
RELOAD_MANIFEST_LINE = "• {problem}"
RELOAD_FAILED = (
    "❌ <b>Le rechargement a échoué</b> : {reason}\nLes documents en service restent ceux d’avant."
)
RELOAD_CRASHED = (
    "❌ <b>Le rechargement a échoué</b> à cause d’une erreur inattendue (détails dans le "
    "journal).\nLes documents en service restent ceux d’avant."
)
UPLOAD_WRONG_KIND = (
    "Je peux ajouter des fichiers de ces types : {kinds} ; « {name} » n’en fait pas partie. "
    "Rien n’a été modifié."
)
UPLOAD_SAVE_AS = (
    "Je ne peux pas lire « {name} » tel quel : ouvrez-le dans le logiciel qui l’a créé, "
    "enregistrez-le en {kind} et envoyez-le-moi. Rien n’a été modifié."
)
UPLOAD_TOO_LARGE = (
    "« {name} » fait {size} Mo, et Telegram ne permet aux bots de télécharger que des "
    "fichiers de 20 Mo au plus. Découpez-le, ou placez-le dans le dossier des documents sur le "
    "serveur et envoyez /reload."
)
UPLOAD_REFUSED = "Je ne peux pas ajouter « {name} » : {reason}. Rien n’a été modifié."
UPLOAD_MISNAMED = (
    "Je ne peux pas ajouter « {name} » : c’est un fichier {kind}, renvoyez-le sous le nom "
    "<code>{renamed}</code>. Rien n’a été modifié."
)
UPLOAD_SAME_AS = (
    "« {name} » est le même fichier que <code>{same}</code>, déjà dans les documents : "
    "rien n’a été enregistré (une copie montrerait chaque réponse deux fois)."
)
UPLOAD_UNCHANGED = (
    "<code>{name}</code> est déjà dans les documents, tel que vous l’avez envoyé\u00a0: rien n’a "
    "été modifié."
)
UPLOAD_DOWNLOAD_FAILED = (
    "Je n’ai pas pu télécharger « {name} » depuis Telegram ({reason}). Merci de le renvoyer."
)
UPLOAD_SAVED = "📄 <code>{name}</code> enregistré ({passages})."
UPLOAD_SAVED_AS = "📄 « {original} » enregistré sous <code>{name}</code> ({passages})."
UPLOAD_REPLACE_ASK = (
    "Il existe déjà un document <code>{name}</code> (<b>{title}</b>). "
    "Le remplacer par le fichier envoyé ({passages}) ?"
)
UPLOAD_REPLACE_ASK_UNTITLED = (
    "Il existe déjà un document <code>{name}</code>. Le remplacer par le fichier envoyé "
    "({passages}) ?"
)
UPLOAD_REPLACED = "📄 <code>{name}</code> remplacé par le fichier envoyé."
UPLOAD_NOT_SAVED = (
    "Je n’ai pas pu enregistrer « {name} » dans le dossier des documents : {reason}. "
    "Rien n’a été modifié."
)
UPLOAD_KEPT = "J’ai gardé le <code>{name}</code> actuel ; le fichier envoyé n’a pas été enregistré."
MANIFEST_SAVED = (
    "📄 <code>manifest.toml</code> enregistré : les titres, dates, sources et auteurs qu’il "
    "donne s’appliquent dès ce rechargement."
)
MANIFEST_REPLACE_ASK = (
    "Il y a déjà un <code>manifest.toml</code>. Le remplacer par celui que vous avez envoyé ? "
    "Les titres, dates, sources et auteurs des documents seront ceux qu’il donne."
)
UPLOAD_NOT_INDEXED = (
    "⚠️ <code>{name}</code> est dans le dossier mais n’a pas pu être indexé : {reason}. "
    "Les documents en service sont inchangés."
)
UPLOAD_ARCHIVE = (
    "«\u00a0{name}\u00a0» est une archive, et je ne sais pas ouvrir les archives\u00a0: "
    "décompressez-la et envoyez-moi ses fichiers un par un (de ces types\u00a0: {kinds}). "
    "Rien n’a été modifié."
)
REMOVE_USAGE = (
    "Dites-moi quel document : <i>/remove nom-du-fichier</i>. Les documents sont :\n{names}"
)
REMOVE_NO_SUCH = "Il n’y a pas de document <code>{name}</code>. Les documents sont :\n{names}"
REMOVE_SEVERAL = (
    "Plusieurs documents s’appellent <code>{name}</code>. Lequel ? "
    "Envoyez /remove avec son nom complet :\n{names}"
)
REMOVE_NAME = "• <code>{name}</code>"
REMOVE_LAST = (
    "<code>{name}</code> est le seul document, et il m’en faut au moins un pour répondre. "
    "Ajoutez-en d’abord un autre."
)
REMOVE_ASK = "Supprimer <code>{name}</code> (<b>{title}</b>) des documents ?"
REMOVE_KEPT = "<code>{name}</code> est conservé."
REMOVE_DONE = "🗑 <code>{name}</code> supprimé."
REMOVE_ALREADY_GONE = "<code>{name}</code> n’est plus dans le dossier des documents."
PENDING_GONE = (
    "Cette demande a expiré ou a déjà reçu une réponse : rien n’a été modifié. "
    "Renvoyez le fichier, ou /remove."
)
NOT_INDEXED_TITLE = "pas encore indexé"
NOT_INDEXED_BECAUSE = "non indexé\u00a0: {reason}"
BUTTON_REPLACE = "Oui, le remplacer"
BUTTON_REMOVE = "Oui, le supprimer"
BUTTON_KEEP = "Non, le garder"

# /stats: each period on a line, then the most asked questions of the last week.
STATS_HEADER = "<b>Comment je suis utilisé</b>"
STATS_PERIOD = (
    "<b>{label}</b> — questions : {questions}, avec réponse : {answered} ({percent} ; dont "
    "{hedged} avec réserve), sans réponse : {declined} · 👍 {good} · 👎 {bad}"
)
STATS_LABELS = ("Dernières 24 heures", "7 derniers jours", "Depuis le début")
STATS_TOP_ASKED = "<b>Questions les plus posées</b> ces 7 derniers jours :"
STATS_TOP_DECLINED = (
    "<b>Questions les plus posées restées sans réponse</b> ces 7 derniers jours "
    "(ce qu’il faudrait ajouter aux documents) :"
)
STATS_FOREIGN = (
    "<b>Questions posées dans des langues qu’aucun document n’emploie</b> ces 7 derniers jours "
    "(des documents dans ces langues y répondraient) : {languages}"
)
STATS_TOP_LINE = "{count}× {question}"
STATS_NONE = "aucune"
STATS_UNAVAILABLE = (
    "Je n’arrive pas à lire le journal des requêtes pour le moment ; réessayez /stats plus tard."
)
STATS_CORPUS = (
    "<b>Corpus</b> : {documents}, {paragraphs} (comptés comme dans /sources et /reload) ; les "
    "réponses citent {passages} (un long paragraphe par parties)."
)

# The one apology of the error handler.
APOLOGY = "Désolé, un problème est survenu de mon côté. Réessayez dans un instant."

# Console lines of `quotebot run` (plain text, one line each, never containing the token).
CONSOLE_NO_TOKEN = (
    "quotebot: pas de jeton de bot : définissez TELEGRAM_BOT_TOKEN dans l’environnement ou "
    "dans .env (obtenez-en un auprès de @BotFather)"
)
CONSOLE_TOKEN_REJECTED = (
    "quotebot: Telegram a refusé le jeton du bot (TELEGRAM_BOT_TOKEN) ; vérifiez-le auprès de "
    "@BotFather"
)
CONSOLE_NETWORK = "quotebot: impossible de joindre la Bot API à {url} : {reason}"
CONSOLE_SETUP = "quotebot: impossible de démarrer le bot : {reason}"


# ------------------------------------------------------------------ the terminal (`quotebot`)
# Plain text: the terminal chat, `quotebot ask` and the command line's one-line errors.
CLI_CHAT_WELCOME = (
    "quotebot — posez une question sur les documents ({documents}, {passages}).\n"
    "Les questions de suivi fonctionnent (« et en 2005 ? »). /more pour plus de "
    "résultats, /sources, /reset, /help, /quit."
)
CLI_NO_TOKEN = (
    "Aucun TELEGRAM_BOT_TOKEN n’est défini : la conversation se passe donc ici, dans le terminal."
)
CLI_CHAT_HELP = (
    "Tapez une question avec vos propres mots ; la réponse cite le passage qui y répond, avec\n"
    "son titre, sa section et son numéro de paragraphe. Une courte question de suivi\n"
    "(« et en 2004 ? ») est lue avec votre question précédente. Commandes : /more (plus de\n"
    "résultats), /sources (les documents), /reset (oublier la conversation), /language (la\n"
    "langue de mes réponses), /quit. Le numéro d’un résultat (« 2 », « le deuxième ») cite ce\n"
    "résultat."
)
CLI_RESET = "Conversation oubliée : la prochaine question repart de zéro."
CLI_UNKNOWN_COMMAND = "Commande inconnue : {command}. Essayez /help."
CLI_LANGUAGE_CHOICES = (
    "Tapez /language suivi de l’un de ces codes : {choices} ; /language auto répond dans "
    "la langue de votre système (LANG) ou dans celle de votre question."
)
CLI_LANGUAGE_AUTO = (
    "C’est fait ! Je vous réponds désormais dans la langue de votre système (LANG) ou dans "
    "celle de votre question."
)
CLI_NO_MORE_QUESTION = "Posez d’abord une question ; /more affichera ensuite d’autres résultats."
CLI_NO_MORE_RESULTS = "Il n’y a plus de résultats pour cette question."
CLI_SOURCES_MORE = "(documents affichés : {shown} sur {total} ; /more pour les suivants)"
CLI_SEARCH_NONE = "Aucun passage ne contient un mot de cette question."
CLI_SEARCHED = "(recherche : {query})"
CLI_FOLLOWING = "{question} (à la suite de : {earlier})"
CLI_ALSO = "À voir aussi :"
CLI_SHOWN = "(passages correspondants affichés : {shown} sur {total})"
CLI_MORE_AVAILABLE = (
    "(passages correspondants affichés : {shown} sur {total} ; /more pour les suivants)"
)
CLI_DECLINED = (
    "Je n’ai pas trouvé cela dans les documents (recherche : {query}).\n"
    "Les passages les plus proches, qui n’y répondent peut-être pas :"
)
CLI_DECLINED_HINT = (
    "Essayez d’autres mots pour dire la même chose, ou consultez /sources pour voir ce que "
    "couvrent les documents."
)
CLI_NOTHING_FOUND = (
    "Je n’ai rien trouvé à ce sujet dans les documents (recherche : {query}). "
    "Essayez d’autres mots, ou consultez /sources."
)
CLI_EMPTY_QUESTION = "Tapez une question, s’il vous plaît : ce message ne contenait aucun mot."
CLI_ONLY_COMMON_WORDS = (
    "Cette question ne contient que des mots très courants : il n’y a rien à chercher. "
    "Précisez le sujet : un nom, un lieu ou un terme clé."
)
CLI_NOTHING_NAMED = (
    "Cette question parle de «\xa0ça\xa0» ou «\xa0eux\xa0», mais rien n’a été "
    "demandé avant. "
    "Reposez-la en nommant ce que vous cherchez."
)
CLI_SMALL_TALK = (
    "🙂 Posez-moi une question sur les documents\u00a0: `quotebot ask` et votre question."
)
CLI_CHAT_HELP_HINT = "/help dit ce que je sais faire."
CLI_TOO_LONG = "Cette question fait {length} caractères ; la limite est de {limit}."
CLI_ERROR = "quotebot: {message}"
CLI_BYE = "Au revoir !"
CLI_INDEXED = "Dossier {folder} indexé dans {db}."
CLI_INDEX_FAILED_FIRST = (
    "❌ <b>L’indexation a échoué</b> : {reason}\nAucune base de données n’a été créée."
)
CLI_DAMAGED = (
    "la base de données {db} était endommagée : elle a été déplacée vers {moved} et "
    "reconstruite à partir de {corpus} (ses conversations et son journal des requêtes restent "
    "dans le fichier déplacé)"
)
CLI_REREAD = (
    "Les documents ont changé depuis la dernière lecture\u202f; ils ont été relus d’abord. "
    "{changes}"
)
CLI_NOT_A_COUNT = "{value!r} n’est pas un nombre entier supérieur ou égal à 1"
CLI_NO_DATABASE = "pas de base de données à {path} (le bot et `quotebot index` la créent)"
CLI_STATS_COUNTED = "(Les questions posées dans Telegram et dans le terminal sont toutes comptées.)"

HEDGED = (
    "<i>C’est le passage le plus proche que j’ai trouvé\u202f; il ne répond peut-être pas "
    "entièrement à votre question.</i>"
)
CLI_HEDGED = (
    "(C’est le passage le plus proche trouvé\u202f; il ne répond peut-être pas entièrement "
    "à la question.)"
)
WRONG_LANGUAGE = (
    "Les documents sont rédigés dans ces langues\u00a0: {languages}. Posez votre question dans "
    "l’une d’elles."
)
WRONG_LANGUAGE_ONE = (
    "Les documents sont rédigés en {language}\u00a0: posez votre question en {language}."
)
ELSEWHERE_ONE = (
    "Les passages les plus proches sont en {language}\u00a0: les documents n’en parlent "
    "peut-être qu’en {language}."
)
ELSEWHERE = (
    "Les passages les plus proches sont dans d’autres langues ({languages})\u00a0: les "
    "documents n’en parlent peut-être que dans celles-ci."
)

LANGUAGE_NAMES = {
    "en": "anglais",
    "fr": "français",
    "es": "espagnol",
    "pt": "portugais",
    "it": "italien",
    "ca": "catalan",
    "de": "allemand",
    "nl": "néerlandais",
    "sv": "suédois",
    "da": "danois",
    "no": "norvégien",
    "fi": "finnois",
    "hu": "hongrois",
    "ro": "roumain",
    "tr": "turc",
    "id": "indonésien",
    "pl": "polonais",
    "cs": "tchèque",
    "vi": "vietnamien",
    "ru": "russe",
    "uk": "ukrainien",
    "bg": "bulgare",
    "sr": "serbe",
    "ar": "arabe",
    "fa": "persan",
    "ur": "ourdou",
    "he": "hébreu",
    "el": "grec",
    "hi": "hindi",
    "th": "thaï",
    "zh": "chinois",
    "ja": "japonais",
    "ko": "coréen",
}
DECIMAL_MARK = ","
LINE_COLON = "\u00a0: "
LIST_SEPARATOR = ", "
LIST_LAST_SEPARATOR = " et "


REASONS: dict[str, str] = {
    "empty": "vide",
    "binary, not text": "binaire, pas du texte",
    "binary, not a web page": "binaire, pas une page web",
    "encrypted": "chiffré",
    "encrypted — needs its password (save a copy without one)": (
        "chiffré — il faut son mot de passe (enregistrez-en une copie sans)"
    ),
    "an error page": "une page d’erreur",
    "a redirect to {address}": "une redirection vers {address}",
    "only includes {files}": "inclut seulement {files}",
    "parts of the saved page {page} (files it shows or runs), not documents": (
        "éléments de la page enregistrée {page} (fichiers qu’elle affiche ou exécute), pas des "
        "documents"
    ),
    "no paragraphs of text found": "aucun paragraphe de texte trouvé",
    "a list of words, one a line, not text to quote": (
        "une liste de mots, un par ligne, pas un texte à citer"
    ),
    "no main text (only navigation, scripts or markup)": (
        "pas de texte principal (seulement navigation, scripts ou balises)"
    ),
    "no text layer — needs OCR": "pas de couche texte — il faut une reconnaissance (OCR)",
    "damaged: not a PDF file": "endommagé\xa0: ce n’est pas un fichier PDF",
    "an image ({kind}), not a {suffix} file: its text needs OCR": (
        "une image ({kind}), pas un fichier {suffix}\xa0: "
        "son texte demande une reconnaissance (OCR)"
    ),
    "an archive ({kind}), not a {suffix} file: unpack it": (
        "une archive ({kind}), pas un fichier {suffix}\xa0: décompressez-la"
    ),
    "plain text, not a {suffix} file: rename it to .txt": (
        "du texte brut, pas un fichier {suffix}\xa0: renommez-le en .txt"
    ),
    "a web page, not a {suffix} file: rename it to .html": (
        "une page web, pas un fichier {suffix}\xa0: renommez-la en .html"
    ),
    "a {kind} file, not a {suffix} file: rename it": (
        "un fichier {kind}, pas un fichier {suffix}\xa0: renommez-le"
    ),
    "a Word 97–2003 file (.doc), not a {suffix} file: save it as .docx": (
        "un fichier Word 97–2003 (.doc), pas un fichier {suffix}\xa0: enregistrez-le en .docx"
    ),
    "a PowerPoint 97–2003 file (.ppt), not a {suffix} file: save it as .pptx": (
        "un fichier PowerPoint 97–2003 (.ppt), pas un fichier {suffix}\xa0: enregistrez-le en .pptx"
    ),
    "an Excel file, not a {suffix} file: export it as .pdf": (
        "un fichier Excel, pas un fichier {suffix}\xa0: exportez-le en .pdf"
    ),
    "damaged: cannot be opened": "endommagé\xa0: impossible à ouvrir",
    "damaged: page {page} cannot be read": "endommagé\xa0: la page {page} est illisible",
    "damaged: not a Word document": "endommagé\xa0: ce n’est pas un document Word",
    "damaged: a part of the file is corrupt": "endommagé\xa0: une partie du fichier est corrompue",
    "damaged: the file is cut short (copy it again)": (
        "endommagé\xa0: le fichier est incomplet (copiez-le à nouveau)"
    ),
    "damaged: too large when unpacked": "endommagé\xa0: trop volumineux une fois décompressé",
    "not decodable as text (save it as UTF-8)": "illisible comme texte (enregistrez-le en UTF-8)",
    "too large ({size} MB; the limit is 20 MB)": (
        "trop volumineux ({size} Mo\u00a0; la limite est de 20 Mo)"
    ),
    "cannot be read ({error})": "illisible ({error})",
    "the reader failed on it ({error}): please report this file": (
        "le lecteur a échoué sur ce fichier ({error}) : merci de le signaler"
    ),
    "unsupported type ({kind})": "type non pris en charge ({kind})",
    "file name is not valid UTF-8 — rename it": (
        "le nom du fichier n’est pas en UTF-8 — renommez-le"
    ),
    "a link to a file outside the corpus folder: not read": (
        "un lien vers un fichier hors du dossier des documents\xa0: non lu"
    ),
    "a link to a file that does not exist": "un lien vers un fichier qui n’existe pas",
    "a link that leads back to itself": "un lien qui mène à lui-même",
    "a link to a hidden file: not read": "un lien vers un fichier caché\xa0: non lu",
    "a link to a folder: not followed (copy the folder in instead)": (
        "un lien vers un dossier\xa0: non suivi (copiez plutôt le dossier)"
    ),
    "a link to {name}, which is read under that name": "un lien vers {name}, lu sous ce nom",
    "the same text as {name}, which is read under that name": (
        "le même texte que {name}, lu sous ce nom"
    ),
    "'{name}' is listed but no such file": (
        "«\xa0{name}\xa0» est listé mais ce fichier n’existe pas"
    ),
    "'{name}' is listed but no such file (did you mean '{near}'?)": (
        "«\xa0{name}\xa0» est listé mais ce fichier n’existe pas (vouliez-vous dire "
        "«\xa0{near}\xa0»\xa0?)"
    ),
    "date '{value}' is not a date (use 2024-05-01, or 2024-05, or 2024)": (
        "la date «\xa0{value}\xa0» n’est pas une date (écrivez 2024-05-01, 2024-05 ou 2024)"
    ),
    "not decodable as UTF-16 text": "impossible à décoder comme texte UTF-16",
    "a template ({kind}), not a page": "un modèle ({kind}), pas une page",
    "damaged: {problem}": "endommagé\xa0: {problem}",
    "line {line}: {problem}": "ligne {line}\xa0: {problem}",
    "{problem}; until it is fixed, the documents keep the titles, dates and sources they had": (
        "{problem}\xa0; tant que ce n’est pas corrigé, les documents gardent leurs titres, "
        "dates et sources"
    ),
    "slide {slide} not read: damaged": "diapositive {slide} non lue\u00a0: endommagée",
    "slides {slides} not read: damaged": "diapositives {slides} non lues\u00a0: endommagées",
    "page {page} not read: its font has no Unicode mapping — needs OCR": (
        "page {page} non lue\u00a0: sa police n’a pas de correspondance Unicode — "
        "il faut une reconnaissance (OCR)"
    ),
    "pages {pages} not read: their fonts have no Unicode mapping — needs OCR": (
        "pages {pages} non lues\u00a0: leurs polices n’ont pas de correspondance Unicode — "
        "il faut une reconnaissance (OCR)"
    ),
    "page {page}: some characters unreadable (a font has no Unicode mapping for them); "
    "the page is indexed as read": (
        "page {page}\u00a0: certains caractères sont illisibles (une police n’a pas de "
        "correspondance Unicode pour eux)\u00a0; la page est indexée telle quelle"
    ),
    "pages {pages}: some characters unreadable (a font has no Unicode mapping for them); "
    "the pages are indexed as read": (
        "pages {pages}\u00a0: certains caractères sont illisibles (une police n’a pas de "
        "correspondance Unicode pour eux)\u00a0; les pages sont indexées telles quelles"
    ),
    "text layer unreadable: its fonts have no Unicode mapping — needs OCR": (
        "couche texte illisible\u00a0: ses polices n’ont pas de correspondance Unicode — "
        "il faut une reconnaissance (OCR)"
    ),
    "text layer unreadable: its letters make no words (a bad OCR layer) — needs OCR": (
        "couche texte illisible\u00a0: ses lettres ne forment pas de mots (une mauvaise couche "
        "OCR) — il faut une reconnaissance (OCR)"
    ),
}
