"""bot.terminal: answers laid out for a terminal, from the same citations as Telegram."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.locales import en, fr, ru
from bot.render import plain
from bot.terminal import Layout, TerminalChat, render_answer, wrap_runs
from retrieval.library import Library
from retrieval.model import Answer, Document, Excerpt, Hit, Passage, Segment

QUESTION = "What do China and Russia say about missile defence?"

DOCUMENT = Document(
    doc="guide.pdf", key="guide", title="Guide", date="2021-04-01", source="https://example.org/g"
)


def hit(n: int, text: str, **kwargs: object) -> Hit:
    passage = Passage(
        id=f"guide-{n}", doc="guide.pdf", title="Guide", section="Install", paragraph=n,
        text=text, **kwargs,  # type: ignore[arg-type]
    )  # fmt: skip
    return Hit(passage, 1.0 / n, Excerpt((Segment(text),)), n)


def test_the_citation_names_page_date_and_source() -> None:
    answer = Answer("how?", "how?", (hit(3, "Run the installer.", page=12),), True, 1.0, 1)
    out = render_answer(answer, Layout(columns=200), documents={DOCUMENT.doc: DOCUMENT})
    assert "— Guide › Install › ¶ 3, p. 12 · 2021-04-01 · https://example.org/g" in out
    assert out.splitlines()[1].rstrip().endswith("[guide.pdf]")


def test_every_answer_says_how_many_matching_passages_it_shows() -> None:
    # tryout19: a Chinese answer showing every match it had (3 of 3) lacked the count line
    # every other answer has, and looked cut short.
    hits = tuple(hit(n, f"第 {n} 步安装。") for n in (1, 2, 3))
    answer = replace(Answer("怎么安装？", "怎么安装？", hits, True, 1.0, 3), language="zh")
    out = render_answer(answer, Layout(columns=200))
    assert out.rstrip().endswith("（已显示 3 个匹配片段，共 3 个）"), out
    more = replace(answer, total=40, language="en", question="how?", query="how?")
    said = render_answer(more, Layout(columns=200), paging=True).rstrip()
    assert said.endswith(en.CLI_MORE_AVAILABLE.format(shown=3, total=40))


def test_a_documents_date_and_source_stand_once_in_an_answer() -> None:
    # Three quotes of one web page repeated its address three times, each citation wrapping.
    hits = tuple(hit(n, f"Step {n} of the installation.") for n in (1, 2, 3))
    answer = Answer("how?", "how?", hits, True, 1.0, 3)
    out = render_answer(answer, Layout(columns=200), documents={DOCUMENT.doc: DOCUMENT})
    assert out.count("https://example.org/g") == 1 and out.count("2021-04-01") == 1
    assert "— Guide › Install › ¶ 1 · 2021-04-01 · https://example.org/g" in out
    assert out.count("[guide.pdf]") == 3


def test_a_documents_date_stands_once_even_when_its_first_quote_has_its_own() -> None:
    # The first quote stands under a dated release heading, which leaves the document's date
    # out: the next quote of the document shows it (it was shown nowhere).
    first = hit(1, "Fixed the footnote icon.")
    first = replace(first, passage=replace(first.passage, section="9.6.12 (2025-04-17)"))
    answer = Answer("fixes?", "fixes?", (first, hit(2, "Run the installer.")), True, 1.0, 2)
    out = render_answer(answer, Layout(columns=200), documents={DOCUMENT.doc: DOCUMENT})
    assert out.count("2021-04-01") == 1 and out.count("https://example.org/g") == 1


def test_the_citation_of_a_passage_under_a_dated_heading_leaves_the_document_s_date_out() -> None:
    undated = hit(3, "Fixed #8158: Flip footnote back reference icon")
    dated = replace(undated, passage=replace(undated.passage, section="9.6.12 (2025-04-17)"))
    answer = Answer("when?", "when?", (dated,), True, 1.0, 1)
    out = render_answer(answer, Layout(columns=200), documents={DOCUMENT.doc: DOCUMENT})
    assert "— Guide › 9.6.12 (2025-04-17) › ¶ 3 · https://example.org/g" in out
    assert "2021-04-01" not in out


def test_the_citation_has_one_paragraph_number() -> None:
    # "¶ 128 … id fr_entre_nous_bf6f8ec8-122": the id counts passages, the ¶ paragraphs (a
    # list joined to its sentence is one passage); a reader saw two numbers that disagree.
    passage = replace(hit(3, "Run the installer.").passage, id="guide-2", ordinal=2)
    shown = Hit(passage, 1.0, Excerpt((Segment(passage.text),)), 1)
    answer = Answer("how?", "how?", (shown,), True, 1.0, 1)
    out = render_answer(answer, Layout(columns=200))
    assert "¶ 3" in out
    assert "guide-2" not in out and not re.search(r"\b2\b", out)


def test_the_citation_names_the_author_unless_the_title_does() -> None:
    answer = Answer("how?", "how?", (hit(3, "Run it.", author="Ana Ruiz"),), True, 1.0, 1)
    assert "— Guide (Ana Ruiz) › Install › ¶ 3" in render_answer(answer, Layout(columns=200))
    named = Answer("how?", "how?", (hit(3, "Run it.", author="Guide"),), True, 1.0, 1)
    assert "— Guide › Install › ¶ 3" in render_answer(named, Layout(columns=200))


def test_a_citation_wraps_between_its_parts_never_inside_them() -> None:
    # A tryout's terminal showed "… › ¶" / "16" and "[pdf/AN" / "_108_Command_Processor…]".
    name = "pdf/AN_108_Command_Processor_for_MPSSE_and_MCU_Host_Bus_Emulation_Modes.pdf"
    passage = replace(
        hit(16, "Set Data Bits Low Byte.", page=21).passage,
        doc=name,
        title="Application Note AN_108 Command Processor for MPSSE and MCU Host Bus Emulation",
        section="3.6 Set / Read Data Bits High / Low Bytes",
    )
    shown = Hit(passage, 1.0, Excerpt((Segment(passage.text),)), 1)
    for columns in range(40, 120, 3):
        out = render_answer(Answer("?", "?", (shown,), True, 1.0, 1), Layout(columns=columns))
        lines = [line.strip() for line in out.splitlines()]
        assert any("¶ 16, p. 21" in line for line in lines), (columns, out)
        assert any(f"[{name}]" in line for line in lines), (columns, out)


def test_a_chinese_citation_keeps_its_page_and_file_whole() -> None:
    # Wide characters may end a line anywhere, but not inside "¶ 12，第 5 页" or the file name.
    cite = "— 安装指南 › 第二章 › 准备工作 › ¶ 12，第 5 页 [docs/安装指南.pdf]"
    for columns in range(20, 50):
        lines = plain.wrap(cite, "    ", first="  ", columns=columns, unbroken=WHOLE).splitlines()
        assert any("¶ 12，第 5 页" in line for line in lines), (columns, lines)
        assert any("[docs/安装指南.pdf]" in line for line in lines), (columns, lines)


WHOLE = ("¶ 12，第 5 页", "[docs/安装指南.pdf]")


def test_code_is_indented_as_laid_out_not_wrapped_or_quoted() -> None:
    code = "pip install markdown\npython -m markdown README.md"
    answer = Answer("how?", "how?", (hit(1, code, kind="code"),), True, 1.0, 1)
    lines = render_answer(answer, Layout(columns=30)).splitlines()
    assert lines[:2] == ["      pip install markdown", "      python -m markdown README.md"]
    assert "“" not in lines[0]


def test_marked_words_do_not_make_lines_shorter() -> None:
    runs = [("word " * 10, False), ("marked " * 5, True), ("word " * 10, False)]
    text = wrap_runs(runs, Layout(columns=40, ansi=False), "  ", "  ")
    visible = [line.replace("**", "") for line in text.splitlines()]
    assert all(len(line) <= 40 for line in visible)
    assert all(len(line) >= 34 for line in visible[:-1])  # filled by visible length
    assert text.count("**") % 2 == 0  # every mark closed on its line


def test_a_follow_ups_search_is_told_in_the_questions_language() -> None:
    # The terminal speaks the question's language; what a follow-up was searched with too
    # ("following" was English in every language).
    answer = Answer(
        "¿por qué?", "¿por qué? (following: ¿Quién es Rocinante?)",
        (hit(1, "Rocinante era el caballo de don Quijote."),), True, 1.0, 1,
        language="es", corpus_languages=("es",), earlier=("¿Quién es Rocinante?",),
    )  # fmt: skip
    first = render_answer(answer, Layout(columns=200)).splitlines()[0]
    assert first == "(búsqueda: ¿por qué? (a continuación de: ¿Quién es Rocinante?))"


def test_a_results_number_in_the_chat_quotes_that_result(shipped_library: Library) -> None:
    # The chat numbers its further results "2." and "3.", yet "2" was searched as a follow-up
    # ("(searched: 2 (following: …))") and "the second one" quoted "The second strategy …".
    chat = TerminalChat(shipped_library, layout=Layout(columns=300, ansi=False))
    chat.handle(QUESTION)
    ranked = shipped_library.answer(QUESTION, k=6).hits
    for said, rank in (("2", 2), ("the second one", 2), ("#3", 3)):
        out = chat.handle(said) or ""
        assert f"¶ {ranked[rank - 1].passage.paragraph}" in out, said
        assert "searched:" not in out and "The second strategy" not in out, said
    chat.handle("more")
    assert f"¶ {ranked[4].passage.paragraph}" in (chat.handle("show me the fifth") or "")
    # Past those shown: the ranking's result all the same, never "(recherche : 9 (à la suite
    # de : …))" quoting a "9" in French, as the tester saw after an English question.
    ranked = shipped_library.answer(QUESTION, k=10).hits
    for said, rank in (("9", 9), ("the seventh one", 7)):
        out = chat.handle(said) or ""
        assert f"¶ {ranked[rank - 1].passage.paragraph}" in out, said
        assert ranked[rank - 1].passage.text[:40] in out.replace("**", ""), said
        assert "searched" not in out and "recherche" not in out, said
    chat.handle("What does Chapter IX say about peacekeeping?")
    said = chat.handle("and the second?") or ""  # chapter II, searched as the question it is
    assert "searched: What does Chapter II say about peacekeeping?" in said


def test_a_results_number_past_the_ranking_says_how_many_there_are(
    shipped_library: Library,
) -> None:
    # "the fifth one" after three results was searched as words ("custom5: the fifth of five
    # user defined fields …"), "7" as a number; a ranking of two has neither.
    chat = TerminalChat(shipped_library, layout=Layout(columns=300, ansi=False))
    question = "Gulf of Aden escort vessels"
    assert shipped_library.answer(question).total == 2
    chat.handle(question)
    for said, rank in (("7", 7), ("the fifth one", 5)):
        out = chat.handle(said)
        assert out == f"There is no result {rank} for “{question}”: the search found 2 passages."
    assert "¶" in (chat.handle("2") or "")  # the second is there


def test_a_results_number_is_told_in_the_questions_language(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "7" carries no language: the reply speaks the question's, Spanish here.
    library = write_library(
        {
            "marte.txt": "Los satélites de Marte\n\n"
            "Fobos y Deimos son los dos satélites de Marte.\n\n"
            "Los satélites de Marte tienen forma irregular.\n"
        }
    )
    chat = TerminalChat(library, layout=Layout(columns=300, ansi=False))
    chat.handle("¿Cuáles son los satélites de Marte?")
    total = library.answer("¿Cuáles son los satélites de Marte?").total
    said = chat.handle("7") or ""
    assert said.startswith("No hay resultado 7 para «¿Cuáles son los satélites de Marte?»")
    assert said.endswith(f"la búsqueda encontró {total} fragmentos.")


def test_encore_alone_pages_on_and_thanks_again_is_small_talk(shipped_library: Library) -> None:
    # "encore" is a small-talk word ("merci encore") and "more" in French: alone it was
    # answered "🙂 Ask me a question…", where a private chat pages on.
    chat = TerminalChat(shipped_library, layout=Layout(columns=300, ansi=False))
    chat.handle(QUESTION)
    ranked = shipped_library.answer(QUESTION, k=6).hits
    assert f"¶ {ranked[3].passage.paragraph}" in (chat.handle("encore") or "")
    assert "🙂" in (chat.handle("merci encore") or "")


def test_a_sign_off_or_a_request_for_help_is_small_talk_in_any_turn(
    shipped_library: Library,
) -> None:
    # tryout21: "thanks, that's all" after two questions was searched as a follow-up and quoted
    # an acknowledgements section; as a first turn it was told it asks about "it" or "them".
    for first in (True, False):
        chat = TerminalChat(shipped_library, layout=Layout(columns=300, ansi=False))
        if not first:
            chat.handle(QUESTION)
        said = ("thanks, that's all", "ok that's it, thanks", "hi there",
                "good morning, can you help me check a claim?", "I have a question")  # fmt: skip
        for text in said:
            assert chat.handle(text) == en.SMALL_TALK_REPLY, text
    # The thread goes on past them: the next follow-up follows the question.
    assert f"(following: {QUESTION})" in (chat.handle("and with Pakistan?") or "")


def test_a_bare_number_after_reset_asks_for_a_question_in_the_terminal(
    shipped_library: Library,
) -> None:
    chat = TerminalChat(shipped_library, layout=Layout(columns=300, ansi=False))
    chat.handle(QUESTION)
    chat.handle("/reset")
    assert chat.handle("2") == en.NUMBER_BEFORE_QUESTION
    assert "**404** policemen" in (chat.handle("404") or "")  # three digits: asked about
    for words in ("第3条", "3rd", "the second one", "12?"):  # an article, a word, a question
        chat.handle("/reset")
        assert chat.handle(words) != en.NUMBER_BEFORE_QUESTION, words


def test_paging_words_with_fillers_and_number_words_in_the_terminal(
    shipped_library: Library,
) -> None:
    # tryout20: "show me more" was "only very common words", "number 3" searched as words. The
    # terminal reads them as the bot does, and /reset forgets the results for "more" too.
    chat = TerminalChat(shipped_library, layout=Layout(columns=300, ansi=False))
    chat.handle(QUESTION)
    ranked = shipped_library.answer(QUESTION, k=8).hits
    assert f"¶ {ranked[3].passage.paragraph}" in (chat.handle("show me more") or "")
    assert f"¶ {ranked[6].passage.paragraph}" in (chat.handle("more please") or "")
    for said, rank in (("number 3", 3), ("result 5", 5)):
        out = chat.handle(said) or ""
        assert ranked[rank - 1].passage.text[:40] in out.replace("**", ""), said
        assert "searched" not in out, said
    chat.handle("/reset")
    assert chat.handle("and more") == en.CLI_NO_MORE_QUESTION
    assert chat.handle("number 3") == en.NUMBER_BEFORE_QUESTION


def test_numbers_asked_one_after_another_each_follow_the_question_in_the_terminal(
    shipped_library: Library,
) -> None:
    chat = TerminalChat(shipped_library, layout=Layout(columns=300, ansi=False))
    question = "How many peacekeepers did China send?"
    chat.handle(question)
    for text in ("2004", "404?"):
        out = chat.handle(text) or ""
        assert out.startswith(f"(searched: {text} (following: {question}))"), out[:200]


USTAV = "\n\n".join(
    [
        "МЫ, НАРОДЫ ОБЪЕДИНЕННЫХ НАЦИЙ",
        "Статья 4",
        "Прием в Члены Организации открыт для всех миролюбивых государств.",
        "Статья 5",
        "Генеральная Ассамблея может приостанавливать осуществление прав Члена Организации.",
        "Статья 6",
        "Член Организации, нарушающий принципы Устава, может быть исключен из Организации.",
        "Статья 105",
        "Организация пользуется привилегиями, указанными в пунктах 1 и 2 и в статье 5.",
        "Статья 106",
        "Совет действует согласно статье 5 и статье 6 в переходный период.",
    ]
)


def test_a_number_alone_quotes_that_result_after_a_step_through_the_articles(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The tester's exact inputs: a question naming an article, "а что дальше?" (the next
    # article), "дальше" (more results), then "2" — which was searched as words, "(запрос: 2
    # (в продолжение: …))", though the chat quotes result 2 after any other question.
    library = write_library({"ustav_ru.txt": USTAV})
    chat = TerminalChat(library, layout=Layout(columns=300, ansi=False))
    chat.handle("Что говорит статья 5?")
    nextone = chat.handle("а что дальше?") or ""
    assert "Статья 6" in nextone and "исключен" in nextone
    chat.handle("дальше")
    out = chat.handle("2") or ""
    second = library.answer("а что дальше?", context="Что говорит статья 5?", k=2).hits[1]
    assert "запрос" not in out
    assert second.passage.text[:30] in out.replace("**", "")


def test_language_chooses_the_terminal_chats_reply_language(shipped_library: Library) -> None:
    # "/language" was "Unknown command /language. Try /help.", where Telegram offers buttons.
    chat = TerminalChat(shipped_library, layout=Layout(columns=300, ansi=False))
    offered = chat.handle("/language") or ""
    assert offered.startswith("Which language shall I answer you in? Now: English.\n")
    assert "ru (Русский)" in offered and "zh (中文)" in offered and "/language auto" in offered
    assert "/language" in (chat.handle("/help") or "")
    assert chat.handle("/language ru") == "Готово! Язык ответов теперь: русский."
    answer = chat.handle(QUESTION) or ""  # asked in English, answered in Russian's words
    assert f"\n{ru.CLI_ALSO}\n" in answer and "/more — следующие" in answer
    assert "Команды: /more" in (chat.handle("/help") or "")
    assert chat.handle("/language Français") == fr.LANGUAGE_SET.format(language="français")
    assert (chat.handle("/reset") or "") == fr.CLI_RESET
    assert chat.handle(
        "/language xx",
    ) == chat.handle("/language")  # none named: the choices
    assert (chat.handle("/language auto") or "").startswith("Done: I answer you in your system's")
    assert f"\n{en.CLI_ALSO}\n" in (chat.handle(QUESTION) or "")  # the question's language again
