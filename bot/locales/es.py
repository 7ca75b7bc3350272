"""Every text the bot shows to people, in Spanish (español): a mirror of :mod:`bot.locales.en`.

Same names, same ``{placeholders}``, same HTML tags and commands as the English module (a test
checks it). The bot speaks to people as «tú»; quotes are «angulares», questions and
exclamations open with ¿ and ¡. Where a count stands alone in a sentence it follows a label
("preguntas: 5") so that no noun has to agree with it.
"""

from __future__ import annotations

LANGUAGE_NAME = "Español"  # as the language calls itself, on the /language buttons


def paragraphs(count: int) -> str:
    """ "1 párrafo", "12 párrafos"."""
    return f"{count} párrafo" if count == 1 else f"{count} párrafos"


def passages(count: int) -> str:
    """ "1 fragmento", "132 fragmentos"."""
    return f"{count} fragmento" if count == 1 else f"{count} fragmentos"


def documents(count: int) -> str:
    """ "1 documento", "5 documentos"."""
    return f"{count} documento" if count == 1 else f"{count} documentos"


# The commands menu (setMyCommands); descriptions are plain text of at most 256 characters.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Bienvenida y preguntas de ejemplo"),
    ("help", "Cómo preguntar, seguir el hilo y citar"),
    ("ask", "Hacer una pregunta sobre los documentos"),
    ("quote", "Publicar un fragmento: /quote palabras o /quote id-del-fragmento"),
    ("sources", "Los documentos en los que me baso"),
    ("more", "Más resultados de tu última pregunta"),
    ("reset", "Olvidar la conversación y empezar de cero"),
    ("language", "Elegir el idioma de mis respuestas"),
)
# The menu in groups, where the bot only speaks when asked.
GROUP_COMMANDS: tuple[tuple[str, str], ...] = (
    ("ask", "Preguntar sobre los documentos (o responder /ask a un mensaje)"),
    ("quote", "Publicar un fragmento: /quote palabras o /quote id-del-fragmento"),
    ("help", "Cómo usarme en un grupo"),
)

# Added to the menu of each admin (BotCommandScopeChat), after the commands above.
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("reload", "Admin: volver a leer la carpeta de documentos e informar"),
    ("remove", "Admin: eliminar un documento: /remove nombre-de-archivo"),
    ("stats", "Admin: preguntas, respuestas, votos y tamaño del corpus"),
)

# /start: followed by one button per example question.
GREETING = (
    "¡Hola! Respondo preguntas sobre una colección de documentos <b>citando</b> los fragmentos "
    "que las responden, con el título y el párrafo de donde salen. Nunca me invento nada.\n\n"
    "Pregúntame lo que quieras con tus propias palabras o toca uno de estos ejemplos:"
)
GREETING_NO_EXAMPLES = (
    "¡Hola! Respondo preguntas sobre una colección de documentos <b>citando</b> los fragmentos "
    "que las responden, con el título y el párrafo de donde salen. Nunca me invento nada.\n\n"
    "Pregúntame lo que quieras con tus propias palabras; en /sources verás de qué puedo citar."
)

EXAMPLE_ABOUT = "¿Qué hay sobre «{topic}»?"

HELP = (
    "<b>Cómo preguntar</b>\n"
    "Envía tu pregunta como un mensaje normal, con tus propias palabras. Busco en los documentos "
    "y cito el fragmento que mejor la responde; las palabras que coinciden van en <b>negrita</b>, "
    "y la línea bajo la cita indica de dónde viene (título, sección, ¶ párrafo).\n\n"
    "<b>Seguir el hilo</b>\n"
    "Haz una pregunta breve de seguimiento, como «¿y cuándo se firmó?»: durante {idle} minutos "
    "la leo junto con tu pregunta anterior. /reset olvida la conversación.\n\n"
    "<b>Más resultados y texto completo</b>\n"
    "Toca <i>Fragmento completo</i> para leer el párrafo entero, y <i>Más resultados</i> "
    "(o envía /more, o simplemente «más») para recorrer el resto de la clasificación. "
    "Toca un título para abrir ese "
    "fragmento.\n\n"
    "<b>Citar</b>\n"
    "Cada cita es literal y lleva su referencia, así que puedes reenviarla o copiarla tal cual. "
    "Un fragmento completo termina con un enlace que abre ese mismo fragmento para cualquiera.\n\n"
    "<b>En grupos y otros chats</b>\n"
    "Añádeme a un grupo y pregunta con /ask, mencionando a @{bot} o respondiendo a uno de mis "
    "mensajes; /quote y unas palabras publica un fragmento entero para todos. En cualquier chat, "
    "escribe @{bot} y unas palabras para elegir un fragmento y enviarlo.\n\n"
    "👍 y 👎 me dicen si una respuesta te sirvió. No vuelvo a responder a los mensajes editados: "
    "envía la pregunta corregida en un mensaje nuevo. /sources muestra los documentos."
)
GROUP_HELP = (
    "Respondo preguntas sobre los documentos citándolos, y solo cuando me lo piden:\n"
    "• /ask y tu pregunta, o un mensaje que mencione a @{bot}\n"
    "• responde a una de mis respuestas para seguir el hilo\n"
    "• responde /ask a un mensaje para buscar sus palabras (o solo la parte que cites)\n"
    "• /quote y unas palabras (o el id de un fragmento) publica ese fragmento para todos\n"
    "La respuesta completa y más resultados se abren en un chat privado conmigo."
)
ASK_USAGE = (
    "Escribe tu pregunta después de /ask o de mi nombre, p. ej. <i>/ask ¿quién escribió el "
    "informe?</i>, o responde /ask a un mensaje para buscar sus palabras."
)
PRIVATE_ONLY = "Ese comando solo funciona en un chat privado conmigo: @{bot}."
GROUP_MORE = "Más resultados para «{question}», en un chat privado conmigo."
GROUP_NOTHING_TO_PAGE = (
    "Aquí no hay ninguna pregunta tuya anterior de la que mostrar más resultados: envía /ask "
    "y tu pregunta."
)
UPLOAD_IN_PRIVATE = "Para añadir un documento, envíame el archivo en un chat privado: @{bot}."
GROUP_NO_ANSWER_HINT = "Los fragmentos más cercanos están aquí abajo, a un toque."

# /help, for admins only: added after HELP.
ADMIN_HELP = (
    "<b>Para administradores</b>\n"
    "Envíame un documento ({kinds}; hasta 20 MB) para añadirlo a los documentos; un archivo con "
    "el nombre de uno que ya existe lo reemplaza cuando lo confirmes. /remove nombre-de-archivo "
    "elimina un documento (/sources muestra los nombres de archivo), /reload vuelve a leer la "
    "carpeta de documentos y /stats muestra cómo se me usa."
)

# /sources
SOURCES_HEADER = "<b>Los documentos que cito</b> ({count}):"
SOURCES_SKIPPED_HEADER = "<b>No leídos en la última recarga</b> (solo lo ven los administradores):"
SOURCES_LINE = "{number}. <b>{title}</b>{date} · {paragraphs}"  # {paragraphs}: paragraphs()
SOURCES_DATE = ", {date}"
SOURCES_FILE = " · <code>{name}</code>"  # file names: admins' (for /remove), all for shared titles
SOURCES_EMPTY = "Todavía no hay documentos cargados, así que por ahora no puedo responder nada."
SOURCES_MORE = (
    "<i>Documentos mostrados: {shown} de {total}. /more o el botón de abajo muestra los "
    "siguientes.</i>"
)
SOURCES_SKIPPED_COUNT = (
    "<b>Archivos no leídos en la última recarga:</b> {count} (solo lo ven los "
    "administradores); /more los muestra después de los documentos."
)
SOURCES_SKIPPED_MORE = (
    "<i>Archivos mostrados: {shown} de {total}. /more o el botón de abajo muestra los "
    "siguientes.</i>"
)
SOURCES_GROUP_CONTINUED = "{heading} <i>(continuación)</i>"
BUTTON_SOURCES_MORE = "Página siguiente"

# Answers: every {placeholder} is filled with escaped HTML.
ANSWER_MORE_HEADER = "<b>Otros fragmentos relevantes:</b>"
ANSWER_COUNT = "<i>Resultados {first}–{last} de {total}.</i>"
PAGE_HEADER = "<b>Más resultados para</b> «{question}»:"
PAGE_HEADER_FOLLOW_UP = "<b>Más resultados para</b> «{question}», después de «{context}»:"
PARAGRAPH = "¶ {paragraph}"  # where a passage stands in its document
PARAGRAPH_PART = ", parte {part} de {parts}"  # a long paragraph cut in n: passage k
PAGE = ", pág. {page}"  # added after PARAGRAPH for a passage of a PDF
PAGES = ", págs. {first}–{last}"  # instead of PAGE when the quote runs on over a page break
SLIDE = ", diapositiva {page}"  # instead of PAGE for a passage of a presentation (.pptx)
SLIDES = ", diapositivas {first}–{last}"  # instead of PAGES there
FOLLOW_UP_NOTE = "<i>La entiendo como continuación de «{context}».</i>"
NO_ANSWER = "Busqué «{query}» en los documentos, pero nada en ellos lo responde."
NO_ANSWER_CLOSEST = "<b>Fragmentos más cercanos</b> (puede que no respondan a tu pregunta):"
NO_ANSWER_NOTHING = "Ningún fragmento menciona siquiera estas palabras."
NO_ANSWER_HINT = (
    "Prueba a preguntar con otras palabras (un nombre, un lugar, un término clave) o mira en "
    "/sources qué temas cubren los documentos."
)
PASSAGE_HEADER = "<b>{title}</b>"
PASSAGE_WHERE_SECTION = "{section} · {where}"  # {where}: PARAGRAPH (and PAGE)
PASSAGE_CONTINUED = "<i>{title}, continuación ({part} de {parts})</i>"
PASSAGE_LINK = '🔗 <a href="{url}">Enlace a este fragmento</a>'
CUT_MARK = "…"

# /quote: a whole passage posted for discussion.
QUOTE_USAGE = (
    "Dime qué fragmento: <i>/quote unas palabras del fragmento</i>, o <i>/quote</i> y el id de "
    "un fragmento (el final de su enlace, después de p_)."
)
QUOTE_CHOOSE = "Varios fragmentos coinciden con «{words}». ¿Cuál publico?"
QUOTE_NO_PASSAGE = (
    "No hay ningún fragmento «{passage_id}» en los documentos (o ya no: puede que se hayan "
    "recargado). Prueba /quote con unas palabras del fragmento."
)
QUOTE_NOTHING = (
    "Ningún fragmento coincide con «{words}». Prueba con otras palabras o mira /sources."
)

# Inline mode (@bot words in any chat); button texts are plain, at most 64 characters.
INLINE_HINT = "Escribe unas palabras para buscar un fragmento · cómo funciona"
INLINE_NOTHING = "Ningún fragmento coincide · cómo buscar"

# Buttons (plain text)
BUTTON_FULL_ANSWER = "Respuesta completa y más resultados"
BUTTON_CLOSEST = "Fragmentos más cercanos"
BUTTON_OPEN_PASSAGE = "Abrir en @{bot}"
BUTTON_CHOICE = "{rank}. {where} · {title}"  # cut at 60 characters: ¶ first
BUTTON_FULL = "Fragmento completo"
BUTTON_MORE = "Más resultados"
BUTTON_GOOD = "👍"
BUTTON_BAD = "👎"
BUTTON_OPEN = "📖 {rank}"
BUTTON_PART_BEFORE = "◀ Parte {part}"
BUTTON_PART_AFTER = "Parte {part} ▶"

# Problems with the question, said plainly.
EMPTY_QUESTION = (
    "No encontré ninguna palabra que buscar en eso. Hazme una pregunta con palabras, "
    "diciendo de qué trata."
)
ONLY_COMMON_WORDS = (
    "Tu pregunta solo tiene palabras muy comunes, así que no hay nada que buscar. "
    "Di sobre qué preguntas: un nombre, un lugar o un término clave. /help explica lo que sé hacer."
)
NOTHING_NAMED = (
    "Tu pregunta habla de «eso» o «ellos», pero no se preguntó nada antes. Vuelve a preguntar "
    "con el nombre de lo que buscas. /help explica lo que sé hacer."
)
QUESTION_TOO_LONG = (
    "Esa pregunta es demasiado larga para mí ({length} caracteres; el límite es {limit}). "
    "Hazla en una o dos frases."
)
NOT_TEXT = (
    "Solo sé leer texto. Envíame tu pregunta como mensaje, o mira /help para saber cómo preguntar."
)
UNKNOWN_COMMAND = "No conozco ese comando. /help muestra lo que sé hacer."

# More results and full passages.
NOTHING_TO_PAGE = "Primero hazme una pregunta; luego /more te mostrará más resultados."
NUMBER_BEFORE_QUESTION = "Primero hazme una pregunta; luego el número de un resultado lo abre."
MORE_WORDS = (
    "más",
    "siguiente",
    "más resultados",
    "otros resultados",
    "muéstrame más",
    "cuéntame más",
    "dime más",
)
ORDINALS = (
    "primero|primera|1º|1ª", "segundo|segunda|2º|2ª", "tercero|tercera|tercer|3º|3ª",
    "cuarto|cuarta|4º|4ª", "quinto|quinta|5º|5ª", "sexto|sexta|6º|6ª", "séptimo|séptima|7º|7ª",
    "octavo|octava|8º|8ª", "noveno|novena|9º|9ª", "décimo|décima|10º|10ª",
)  # fmt: skip
ORDINAL_WORDS = "el|la|lo|muéstrame|abre|resultado|fragmento|por|favor|uno|una|y"
MORE_FILLERS = (
    "por favor|porfa|y|dame|danos|muestra|muéstrame|enséñame|ver|quiero|algo|un poco|resultados"
    "|vale|ok|pues"
)
RESULT_NUMBER_WORDS = "número|nº|n|resultado|fragmento"
SMALL_TALK_WORDS = (
    "gracias",
    "muchas",
    "mil",
    "vale",
    "ok",
    "genial",
    "perfecto",
    "muy bien",
    "jaja",
    "hola",
    "buenas",
    "buenos días",
    "buenas tardes",
    "buenas noches",
    "de nuevo",
    "otra vez",
    "entendido",
    "adiós",
    "hasta luego",
    "hasta pronto",
    "chao",
    "nos vemos",
    "hasta mañana",
    # sign-offs: "gracias, eso es todo"
    "eso es todo",
    "es todo",
    "eso sería todo",
    "nada más",
    "ya está",
    "listo",
    "todo bien",
    "entiendo",
    "de acuerdo",
    "me sirve",
    "me ayudó",
    "muy útil",
    "no importa",
)
# Whom it is said to ("hola a todos"): see en.SMALL_TALK_ADDRESSEE_WORDS.
SMALL_TALK_ADDRESSEE_WORDS = ("a todos", "a todas", "todos", "todas", "chicos", "amigos", "bot")
# A request for help naming nothing ("¿puedes ayudarme a verificar una afirmación?",
# "tengo una pregunta"): see en.HELP_WORDS.
HELP_FRAME_WORDS = (
    "me", "puedes", "puede", "podrías", "podría", "te", "le", "a", "una", "un", "con", "algo",
    "tengo", "quiero", "quisiera", "necesito", "por favor", "pequeña", "rápida", "hacer", "yo",
    "usted", "tú",
    "esto", "eso", "otra", "otro", "unas", "unos", "algunas",
)  # fmt: skip
HELP_WORDS = (
    "ayuda", "ayudar", "ayudarme", "ayúdame", "ayúdeme", "pregunta", "preguntas", "preguntar",
    "preguntarte", "consulta", "verificar una afirmación", "comprobar una afirmación",
    "verificar un dato", "comprobar un dato", "verificar algo", "comprobar algo",
)  # fmt: skip
SMALL_TALK_REPLY = "🙂 Pregúntame lo que quieras sobre los documentos; /help explica cómo."
EDITED_NOT_ANSWERED = (
    "Respondo a cada mensaje una sola vez, así que no busqué tu corrección: envía la pregunta "
    "corregida como un mensaje nuevo."
)
NO_MORE_RESULTS = "Eso es todo: no hay más resultados para «{question}»."
NO_MORE_SINCE_RELOAD = (
    "Los documentos se recargaron después de tu pregunta y los demás resultados para "
    "«{question}» ya no están en ellos. Vuelve a hacer la pregunta para buscar en los actuales."
)
NO_SUCH_RESULT = "No hay resultado {rank} para «{question}»: la búsqueda encontró {found}."
SEARCH_GONE = "Ya no tengo esa búsqueda. Por favor, vuelve a hacer la pregunta."
QUOTE_NOT_YOURS = "Solo quien envió /quote puede elegir: envía tu propio /quote."
PASSAGE_GONE = (
    "Ese fragmento ya no está en los documentos: se han recargado desde entonces. "
    "Vuelve a hacer la pregunta para buscar en los actuales."
)
CORPUS_CHANGED = (
    "<i>Los documentos se recargaron después de tu pregunta, así que estos resultados vienen de "
    "los actuales y pueden ser distintos de los anteriores.</i>"
)
LINK_GONE = (
    "Ese enlace ya no lleva a ningún fragmento: los documentos han cambiado desde que se creó. "
    "Vuelve a hacer la pregunta para buscar en ellos tal como están ahora."
)
BAD_DEEP_LINK = "Ese enlace no es mío, así que no hay nada que abrir. Mejor hazme una pregunta."

# /language: one button per language, and one to follow the Telegram app again.
LANGUAGE_CHOOSE = "¿En qué idioma te respondo? Ahora: {current}."
LANGUAGE_SET = "¡Listo! Idioma de mis respuestas: {language}."
LANGUAGE_AUTO = "Listo: a partir de ahora te respondo en el idioma de tu app de Telegram."
BUTTON_LANGUAGE_AUTO = "Como mi app de Telegram"

# /reset and feedback (callback answers are plain text, at most 200 characters).
RESET_DONE = "Listo: he olvidado nuestra conversación. Tu próxima pregunta empieza de cero."
FEEDBACK_THANKS_GOOD = "¡Gracias! Me alegra que te haya servido."
FEEDBACK_THANKS_BAD = (
    "Gracias por decírmelo. Prueba a reformular la pregunta o toca «Más resultados»."
)
FEEDBACK_THANKS_BAD_ALONE = "Gracias por decírmelo. Prueba a preguntarlo con otras palabras."
FEEDBACK_GONE = "Esa respuesta es demasiado antigua para valorarla."
BUTTON_EXPIRED = "Este botón ya no funciona. Por favor, vuelve a preguntar."

# Admins: who may, reloads, uploads, removals, usage. {placeholders} are escaped HTML.
ADMIN_ONLY = "Lo siento, /{command} es solo para los administradores del bot."
ADMIN_ONLY_UPLOAD = (
    "Solo los administradores del bot pueden añadir documentos. Envíame tu pregunta como "
    "mensaje de texto o mira /help."
)
ADMIN_ONLY_BUTTON = "Este botón es solo para los administradores del bot."  # a callback answer
RELOADING = "⏳ Recargando los documentos…"
RELOADING_JOINED = "⏳ Ya hay una recarga en curso; su informe llegará aquí."
RELOADING_FOR = (
    "⏳ Recargando los documentos… {seconds} s hasta ahora. Mientras tanto sigo respondiendo "
    "preguntas con los documentos tal como estaban."
)
RELOAD_DONE = "✅ <b>Recarga completada</b> en {seconds} s."
RELOAD_COUNTS = (
    "Documentos — añadidos: {added}, modificados: {changed}, eliminados: {removed}, "
    "sin cambios: {unchanged}."
)
RELOAD_COUNTS_RENAMED = (
    "Documentos — añadidos: {added}, modificados: {changed}, renombrados: {renamed}, "
    "eliminados: {removed}, sin cambios: {unchanged}."
)
RELOAD_PARAGRAPHS = "Párrafos: {before} antes, {after} después."
RELOAD_NAMES = "<b>{label}</b>: {names}"
RELOAD_LABELS = ("Añadidos", "Modificados", "Eliminados")
RELOAD_RENAMED_LABEL = "Renombrados"  # "old → new": moved or renamed, content unchanged
RELOAD_RECOVERED_LABEL = "Legibles de nuevo (ya no se conservan en su última versión válida)"
RELOAD_SKIPPED_HEADER = "<b>Omitidos</b> (sin indexar):"
RELOAD_KEPT_HEADER = (
    "<b>Conservados en su última versión válida</b> (el archivo "
    "que hay ahora en la carpeta no se puede leer):"
)
RELOAD_SKIPPED = "• <code>{doc}</code>: {reason}"
RELOAD_MORE = "…y {count} más."
RELOAD_MORE_LISTED = "…y {count} más (/sources los muestra todos)."
RELOAD_KEPT = "Conservados en su última versión válida — {count}: {names}."
RELOAD_REREAD = "Releídos con el nuevo lector (sin cambios en el disco): {count}."
RELOAD_STILL_SKIPPED = (
    "Siguen omitidos como en la recarga anterior: {count} (/sources los muestra)."
)
RELOAD_PARTIAL_HEADER = "<b>Leídos en parte</b> (indexados sin las páginas indicadas):"
RELOAD_STILL_PARTIAL = (
    "Siguen leídos en parte como en la recarga anterior: {count} (/sources los muestra)."
)
RELOAD_MANIFEST_HEADER = "⚠️ <b>Por corregir en</b> <code>manifest.toml</code>:"
RELOAD_MANIFEST_LINE = "• {problem}"
RELOAD_FAILED = (
    "❌ <b>La recarga falló</b>: {reason}\nLos documentos se siguen usando tal como estaban antes."
)
RELOAD_CRASHED = (
    "❌ <b>La recarga falló</b> por un error inesperado (el registro tiene los detalles).\n"
    "Los documentos se siguen usando tal como estaban antes."
)
UPLOAD_WRONG_KIND = (
    "Puedo añadir archivos de estos tipos: {kinds}; «{name}» no es de ninguno de ellos. "
    "No se ha cambiado nada."
)
UPLOAD_SAVE_AS = (
    "No puedo leer «{name}» tal como está: ábrelo en el programa que lo creó, guárdalo como "
    "{kind} y envíamelo. No se ha cambiado nada."
)
UPLOAD_TOO_LARGE = (
    "«{name}» ocupa {size} MB, y Telegram solo deja a los bots descargar archivos de hasta "
    "20 MB. Divídelo, o ponlo en la carpeta de documentos del servidor y envía /reload."
)
UPLOAD_REFUSED = "No puedo añadir «{name}»: {reason}. No se ha cambiado nada."
UPLOAD_MISNAMED = (
    "No puedo añadir «{name}»: es un archivo {kind}, así que envíalo de nuevo con el nombre "
    "<code>{renamed}</code>. No se ha cambiado nada."
)
UPLOAD_SAME_AS = (
    "«{name}» es el mismo archivo que <code>{same}</code>, que ya está en los documentos: "
    "no se ha guardado nada (una copia mostraría cada respuesta dos veces)."
)
UPLOAD_UNCHANGED = (
    "<code>{name}</code> ya está en los documentos, tal como lo has enviado: no se ha cambiado "
    "nada."
)
UPLOAD_DOWNLOAD_FAILED = (
    "No pude descargar «{name}» de Telegram ({reason}). Por favor, envíalo de nuevo."
)
UPLOAD_SAVED = "📄 Guardado <code>{name}</code> ({passages})."
UPLOAD_SAVED_AS = "📄 Guardado «{original}» como <code>{name}</code> ({passages})."
UPLOAD_REPLACE_ASK = (
    "Ya hay un documento <code>{name}</code> (<b>{title}</b>). "
    "¿Lo reemplazo por el archivo que enviaste ({passages})?"
)
UPLOAD_REPLACE_ASK_UNTITLED = (
    "Ya hay un documento <code>{name}</code>. ¿Lo reemplazo por el archivo que enviaste "
    "({passages})?"
)
UPLOAD_REPLACED = "📄 He reemplazado <code>{name}</code> por el archivo que enviaste."
UPLOAD_NOT_SAVED = (
    "No pude guardar «{name}» en la carpeta de documentos: {reason}. No se ha cambiado nada."
)
UPLOAD_KEPT = "Conservo el <code>{name}</code> actual; el archivo que enviaste no se ha guardado."
MANIFEST_SAVED = (
    "📄 He guardado <code>manifest.toml</code>: los títulos, fechas, fuentes y autores que "
    "indica se aplican desde esta recarga."
)
MANIFEST_REPLACE_ASK = (
    "Ya hay un <code>manifest.toml</code>. ¿Lo reemplazo por el que enviaste? Los títulos, "
    "fechas, fuentes y autores de los documentos serán los que indica."
)
UPLOAD_NOT_INDEXED = (
    "⚠️ <code>{name}</code> está en la carpeta, pero no se pudo indexar: {reason}. "
    "Los documentos en uso no cambian."
)
UPLOAD_ARCHIVE = (
    "«{name}» es un archivo comprimido, y no puedo abrirlos: descomprímelo y envíame sus "
    "archivos uno a uno (de estos tipos: {kinds}). No se ha cambiado nada."
)
REMOVE_USAGE = "Dime qué documento: <i>/remove nombre-de-archivo</i>. Los documentos son:\n{names}"
REMOVE_NO_SUCH = "No hay ningún documento <code>{name}</code>. Los documentos son:\n{names}"
REMOVE_SEVERAL = (
    "Hay varios documentos llamados <code>{name}</code>. ¿Cuál? "
    "Envía /remove con su nombre completo:\n{names}"
)
REMOVE_NAME = "• <code>{name}</code>"
REMOVE_LAST = (
    "<code>{name}</code> es el único documento, y necesito al menos uno para responder. "
    "Añade otro primero."
)
REMOVE_ASK = "¿Elimino <code>{name}</code> (<b>{title}</b>) de los documentos?"
REMOVE_KEPT = "Conservo <code>{name}</code>."
REMOVE_DONE = "🗑 Eliminado <code>{name}</code>."
REMOVE_ALREADY_GONE = "<code>{name}</code> ya no está en la carpeta de documentos."
PENDING_GONE = (
    "Esa pregunta ha caducado o ya se respondió, así que no se ha cambiado nada. "
    "Vuelve a enviar el archivo, o /remove."
)
NOT_INDEXED_TITLE = "aún sin indexar"
NOT_INDEXED_BECAUSE = "sin indexar: {reason}"
BUTTON_REPLACE = "Sí, reemplazarlo"
BUTTON_REMOVE = "Sí, eliminarlo"
BUTTON_KEEP = "No, conservarlo"

# /stats: each period on a line, then the most asked questions of the last week.
STATS_HEADER = "<b>Cómo se me usa</b>"
STATS_PERIOD = (
    "<b>{label}</b> — preguntas: {questions}, respondidas: {answered} ({percent}; {hedged} "
    "de ellas con reservas), sin respuesta: {declined} · 👍 {good} · 👎 {bad}"
)
STATS_LABELS = ("Últimas 24 horas", "Últimos 7 días", "Desde el principio")
STATS_TOP_ASKED = "<b>Lo más preguntado</b> en los últimos 7 días:"
STATS_TOP_DECLINED = (
    "<b>Lo más preguntado que no pude responder</b> en los últimos 7 días "
    "(qué añadir a los documentos):"
)
STATS_FOREIGN = (
    "<b>Preguntas en idiomas en que no está escrito ningún documento</b> en los últimos 7 días "
    "(las responderían documentos en esos idiomas): {languages}"
)
STATS_TOP_LINE = "{count}× {question}"
STATS_NONE = "ninguna"
STATS_UNAVAILABLE = (
    "Ahora mismo no pude leer el registro de consultas; vuelve a probar /stats más tarde."
)
STATS_CORPUS = (
    "<b>Corpus</b>: {documents}, {paragraphs} (como los cuentan /sources y /reload); las "
    "respuestas citan {passages} (un párrafo largo, por partes)."
)

# The one apology of the error handler.
APOLOGY = "Lo siento, algo ha fallado por mi parte. Vuelve a intentarlo en un momento."

# Console lines of `quotebot run` (plain text, one line each, never containing the token).
CONSOLE_NO_TOKEN = (
    "quotebot: no hay token del bot: define TELEGRAM_BOT_TOKEN en el entorno o en .env "
    "(consíguelo con @BotFather)"
)
CONSOLE_TOKEN_REJECTED = (
    "quotebot: Telegram rechazó el token del bot (TELEGRAM_BOT_TOKEN); compruébalo con @BotFather"
)
CONSOLE_NETWORK = "quotebot: no se puede conectar con la Bot API en {url}: {reason}"
CONSOLE_SETUP = "quotebot: no se puede iniciar el bot: {reason}"


# ------------------------------------------------------------------ the terminal (`quotebot`)
# Plain text: the terminal chat, `quotebot ask` and the command line's one-line errors.
CLI_CHAT_WELCOME = (
    "quotebot — haz una pregunta sobre los documentos ({documents}, {passages}).\n"
    "Puedes seguir el hilo («¿y en 2005?»). /more para más resultados, /sources, /reset, "
    "/help, /quit."
)
CLI_NO_TOKEN = (
    "No hay ningún TELEGRAM_BOT_TOKEN definido, así que la conversación es aquí, en la terminal."
)
CLI_CHAT_HELP = (
    "Escribe una pregunta con tus propias palabras; la respuesta cita el fragmento que la\n"
    "responde, con su título, sección y número de párrafo. Una pregunta breve de seguimiento\n"
    "(«¿y en 2004?») se lee junto con tu pregunta anterior. Comandos: /more (más resultados),\n"
    "/sources (los documentos), /reset (olvidar la conversación), /language (el idioma en que\n"
    "respondo), /quit. El número de un resultado («2», «el segundo») cita ese resultado."
)
CLI_RESET = "Conversación olvidada: la próxima pregunta empieza de cero."
CLI_UNKNOWN_COMMAND = "Comando desconocido: {command}. Prueba /help."
CLI_LANGUAGE_CHOICES = (
    "Escribe /language y uno de estos: {choices}; /language auto responde en el idioma de tu "
    "sistema (LANG) o en el de tu pregunta."
)
CLI_LANGUAGE_AUTO = (
    "Listo: a partir de ahora te respondo en el idioma de tu sistema (LANG) o en el de tu pregunta."
)
CLI_NO_MORE_QUESTION = "Primero haz una pregunta; luego /more mostrará más resultados."
CLI_NO_MORE_RESULTS = "No hay más resultados para esa pregunta."
CLI_SOURCES_MORE = "(se muestran {shown} de {total} documentos; /more para los siguientes)"
CLI_SEARCH_NONE = "Ningún pasaje contiene una palabra de esta pregunta."
CLI_SEARCHED = "(búsqueda: {query})"
CLI_FOLLOWING = "{question} (a continuación de: {earlier})"
CLI_ALSO = "Otros fragmentos relevantes:"
CLI_SHOWN = "(se muestran {shown} de {total} fragmentos coincidentes)"
CLI_MORE_AVAILABLE = (
    "(se muestran {shown} de {total} fragmentos coincidentes; /more para los siguientes)"
)
CLI_DECLINED = (
    "No encontré esto en los documentos (búsqueda: {query}).\n"
    "Los fragmentos más cercanos, que puede que no lo respondan:"
)
CLI_DECLINED_HINT = (
    "Prueba con otras palabras para lo mismo, o mira en /sources qué temas cubren los documentos."
)
CLI_NOTHING_FOUND = (
    "No encontré nada sobre esto en los documentos (búsqueda: {query}). "
    "Prueba con otras palabras o mira /sources."
)
CLI_EMPTY_QUESTION = "Escribe una pregunta, por favor: ese mensaje no tenía ninguna palabra."
CLI_ONLY_COMMON_WORDS = (
    "Esa pregunta solo tiene palabras muy comunes, así que no hay nada que buscar. "
    "Añade de qué trata: un nombre, un lugar o un término clave."
)
CLI_NOTHING_NAMED = (
    "Esa pregunta habla de «eso» o «ellos», pero no se preguntó nada antes. "
    "Vuelve a preguntar con el nombre de lo que buscas."
)
CLI_SMALL_TALK = "🙂 Pregúntame lo que quieras sobre los documentos: `quotebot ask` y tu pregunta."
CLI_CHAT_HELP_HINT = "/help explica lo que sé hacer."
CLI_TOO_LONG = "Esa pregunta tiene {length} caracteres; el límite es {limit}."
CLI_ERROR = "quotebot: {message}"
CLI_BYE = "¡Adiós!"
CLI_INDEXED = "Carpeta {folder} indexada en {db}."
CLI_INDEX_FAILED_FIRST = (
    "❌ <b>La indexación falló</b>: {reason}\nNo se creó ninguna base de datos."
)
CLI_DAMAGED = (
    "la base de datos {db} estaba dañada: se ha movido a {moved} y se ha reconstruido a partir "
    "de {corpus} (sus conversaciones y su registro de consultas siguen en el archivo movido)"
)
CLI_REREAD = (
    "Los documentos cambiaron desde la última lectura; se han vuelto a leer antes. {changes}"
)
CLI_NOT_A_COUNT = "{value!r} no es un número entero igual o mayor que 1"
CLI_NO_DATABASE = "no hay ninguna base de datos en {path} (la crean el bot y `quotebot index`)"
CLI_STATS_COUNTED = "(Se cuentan tanto las preguntas hechas en Telegram como en la terminal.)"

HEDGED = (
    "<i>Es el fragmento más cercano que encontré; puede que no responda del todo a tu pregunta.</i>"
)
CLI_HEDGED = (
    "(Es el fragmento más cercano encontrado; puede que no responda del todo a la pregunta.)"
)
WRONG_LANGUAGE = (
    "Los documentos están escritos en estos idiomas: {languages}. Pregunta en uno de ellos."
)
WRONG_LANGUAGE_ONE = "Los documentos están escritos en {language}: pregunta en {language}."
ELSEWHERE_ONE = (
    "Los fragmentos más cercanos están en {language}: puede que los documentos solo "
    "traten esto en {language}."
)
ELSEWHERE = (
    "Los fragmentos más cercanos están en otros idiomas ({languages}): puede que los "
    "documentos solo traten esto en ellos."
)

LANGUAGE_NAMES = {
    "en": "inglés",
    "fr": "francés",
    "es": "español",
    "pt": "portugués",
    "it": "italiano",
    "ca": "catalán",
    "de": "alemán",
    "nl": "neerlandés",
    "sv": "sueco",
    "da": "danés",
    "no": "noruego",
    "fi": "finés",
    "hu": "húngaro",
    "ro": "rumano",
    "tr": "turco",
    "id": "indonesio",
    "pl": "polaco",
    "cs": "checo",
    "vi": "vietnamita",
    "ru": "ruso",
    "uk": "ucraniano",
    "bg": "búlgaro",
    "sr": "serbio",
    "ar": "árabe",
    "fa": "persa",
    "ur": "urdu",
    "he": "hebreo",
    "el": "griego",
    "hi": "hindi",
    "th": "tailandés",
    "zh": "chino",
    "ja": "japonés",
    "ko": "coreano",
}
DECIMAL_MARK = ","
LINE_COLON = ": "
LIST_SEPARATOR = ", "
LIST_LAST_SEPARATOR = " y "


REASONS: dict[str, str] = {
    "empty": "vacío",
    "binary, not text": "binario, no es texto",
    "binary, not a web page": "binario, no es una página web",
    "encrypted": "cifrado",
    "encrypted — needs its password (save a copy without one)": (
        "cifrado — necesita su contraseña (guarde una copia sin ella)"
    ),
    "an error page": "una página de error",
    "a redirect to {address}": "una redirección a {address}",
    "only includes {files}": "solo incluye {files}",
    "parts of the saved page {page} (files it shows or runs), not documents": (
        "partes de la página guardada {page} (archivos que muestra o ejecuta), no documentos"
    ),
    "no paragraphs of text found": "no se encontró ningún párrafo de texto",
    "a list of words, one a line, not text to quote": (
        "una lista de palabras, una por línea, no un texto que citar"
    ),
    "no main text (only navigation, scripts or markup)": (
        "sin texto principal (solo navegación, scripts o marcado)"
    ),
    "no text layer — needs OCR": "sin capa de texto — necesita OCR",
    "damaged: not a PDF file": "dañado: no es un archivo PDF",
    "an image ({kind}), not a {suffix} file: its text needs OCR": (
        "una imagen ({kind}), no un archivo {suffix}: su texto necesita OCR"
    ),
    "an archive ({kind}), not a {suffix} file: unpack it": (
        "un archivo comprimido ({kind}), no un archivo {suffix}: descomprímelo"
    ),
    "plain text, not a {suffix} file: rename it to .txt": (
        "texto plano, no un archivo {suffix}: cámbiale el nombre a .txt"
    ),
    "a web page, not a {suffix} file: rename it to .html": (
        "una página web, no un archivo {suffix}: cámbiale el nombre a .html"
    ),
    "a {kind} file, not a {suffix} file: rename it": (
        "un archivo {kind}, no un archivo {suffix}: cámbiale el nombre"
    ),
    "a Word 97–2003 file (.doc), not a {suffix} file: save it as .docx": (
        "un archivo de Word 97–2003 (.doc), no un archivo {suffix}: guárdalo como .docx"
    ),
    "a PowerPoint 97–2003 file (.ppt), not a {suffix} file: save it as .pptx": (
        "un archivo de PowerPoint 97–2003 (.ppt), no un archivo {suffix}: guárdalo como .pptx"
    ),
    "an Excel file, not a {suffix} file: export it as .pdf": (
        "un archivo de Excel, no un archivo {suffix}: expórtalo como .pdf"
    ),
    "damaged: cannot be opened": "dañado: no se puede abrir",
    "damaged: page {page} cannot be read": "dañado: la página {page} no se puede leer",
    "damaged: not a Word document": "dañado: no es un documento de Word",
    "damaged: a part of the file is corrupt": "dañado: una parte del archivo está corrupta",
    "damaged: the file is cut short (copy it again)": (
        "dañado: el archivo está incompleto (cópialo de nuevo)"
    ),
    "damaged: too large when unpacked": "dañado: demasiado grande al descomprimirlo",
    "not decodable as text (save it as UTF-8)": "no se puede leer como texto (guárdalo en UTF-8)",
    "too large ({size} MB; the limit is 20 MB)": "demasiado grande ({size} MB; el límite es 20 MB)",
    "cannot be read ({error})": "no se puede leer ({error})",
    "the reader failed on it ({error}): please report this file": (
        "el lector falló con él ({error}): por favor, informe de este archivo"
    ),
    "unsupported type ({kind})": "tipo no admitido ({kind})",
    "file name is not valid UTF-8 — rename it": (
        "el nombre del archivo no es UTF-8 válido: cámbialo"
    ),
    "a link to a file outside the corpus folder: not read": (
        "un enlace a un archivo fuera de la carpeta de documentos: no se lee"
    ),
    "a link to a file that does not exist": "un enlace a un archivo que no existe",
    "a link that leads back to itself": "un enlace que lleva a sí mismo",
    "a link to a hidden file: not read": "un enlace a un archivo oculto: no se lee",
    "a link to a folder: not followed (copy the folder in instead)": (
        "un enlace a una carpeta: no se sigue (copia la carpeta en su lugar)"
    ),
    "a link to {name}, which is read under that name": (
        "un enlace a {name}, que se lee con ese nombre"
    ),
    "the same text as {name}, which is read under that name": (
        "el mismo texto que {name}, que se lee con ese nombre"
    ),
    "'{name}' is listed but no such file": (
        "«{name}» figura en la lista, pero no existe ese archivo"
    ),
    "'{name}' is listed but no such file (did you mean '{near}'?)": (
        "«{name}» figura en la lista, pero no existe ese archivo (¿quisiste decir «{near}»?)"
    ),
    "date '{value}' is not a date (use 2024-05-01, or 2024-05, or 2024)": (
        "la fecha «{value}» no es una fecha (usa 2024-05-01, 2024-05 o 2024)"
    ),
    "not decodable as UTF-16 text": "no se puede decodificar como texto UTF-16",
    "a template ({kind}), not a page": "una plantilla ({kind}), no una página",
    "damaged: {problem}": "dañado: {problem}",
    "line {line}: {problem}": "línea {line}: {problem}",
    "{problem}; until it is fixed, the documents keep the titles, dates and sources they had": (
        "{problem}; hasta que se corrija, los documentos conservan sus títulos, fechas y fuentes"
    ),
    "slide {slide} not read: damaged": "diapositiva {slide} sin leer: dañada",
    "slides {slides} not read: damaged": "diapositivas {slides} sin leer: dañadas",
    "page {page} not read: its font has no Unicode mapping — needs OCR": (
        "página {page} sin leer: su fuente no tiene correspondencia con Unicode — necesita OCR"
    ),
    "pages {pages} not read: their fonts have no Unicode mapping — needs OCR": (
        "páginas {pages} sin leer: sus fuentes no tienen correspondencia con Unicode — "
        "necesitan OCR"
    ),
    "page {page}: some characters unreadable (a font has no Unicode mapping for them); "
    "the page is indexed as read": (
        "página {page}: algunos caracteres son ilegibles (una fuente no tiene correspondencia con "
        "Unicode para ellos); la página se indexó tal como se leyó"
    ),
    "pages {pages}: some characters unreadable (a font has no Unicode mapping for them); "
    "the pages are indexed as read": (
        "páginas {pages}: algunos caracteres son ilegibles (una fuente no tiene correspondencia "
        "con Unicode para ellos); las páginas se indexaron tal como se leyeron"
    ),
    "text layer unreadable: its fonts have no Unicode mapping — needs OCR": (
        "capa de texto ilegible: sus fuentes no tienen correspondencia con Unicode — necesita OCR"
    ),
    "text layer unreadable: its letters make no words (a bad OCR layer) — needs OCR": (
        "capa de texto ilegible: sus letras no forman palabras (una mala capa de OCR) — "
        "necesita OCR"
    ),
}
