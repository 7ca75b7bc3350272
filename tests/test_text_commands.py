"""Plain text keeps the commands its sentences introduce: "… run this command:" then an indented
"make deb-pkg" is one passage, its prose searched and quoted with its code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.ingest.pipeline import read
from retrieval.library import Library

FAQ = (
    "Kernel FAQ\n\n"
    "1. How do I package my own kernel?\n\n"
    "After configuring the kernel, simply run the following command:\n\n"
    "    make deb-pkg\n\n"
    "The new package is created in the parent directory of the kernel source tree.\n\n"
    "2. How do I remove an old kernel?\n\n"
    "You can remove kernel packages you no longer want with this command:\n\n"
    "    dpkg --purge linux-image-NNN\n\n"
    "(Of course, replace NNN with the version and revision of your kernel.)\n"
)


def test_a_short_indented_command_is_kept_as_the_code_of_its_sentence() -> None:
    blocks = read("faq.txt", FAQ.encode()).blocks
    coded = {b.code: b.text for b in blocks if b.code}
    assert coded == {
        "make deb-pkg": "After configuring the kernel, simply run the following command:",
        "dpkg --purge linux-image-NNN": (
            "You can remove kernel packages you no longer want with this command:"
        ),
    }
    # The remark after the code is prose of its own, not code.
    assert any(b.text.startswith("(Of course") and not b.code for b in blocks)


def test_a_question_about_the_command_quotes_sentence_and_command(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "k.db", make_corpus({"faq.txt": FAQ}))
    try:
        answer = library.answer("what do I run after configuring the kernel")
        passage = answer.hits[0].passage
        assert "make deb-pkg" in passage.text
        assert passage.code_at is not None and passage.text[passage.code_at :].strip() == (
            "make deb-pkg"
        )
    finally:
        library.close()


# Excerpts of the Debian FAQ's Russian, Chinese and French translations (Debian 12 "bookworm",
# package debian-faq; the same chapters as data/eval/corpora/ml-dev), as pandoc lays them out:
# paragraphs at the margin, commands indented by four spaces. Their sentences lead into the
# command without a colon ("используйте команду", "请执行", "exécutez").
RU_FAQ = (
    "5.8. How can I check that I am using a Debian system, and what version it is?\n\n"
    "Для того, чтобы убедиться, что ваша система была установлена с настоящих базовых дисков "
    "Debian, используйте команду\n\n"
    "    lsb_release -a\n\n"
    "Она выведет название дистрибутива (в поле Distributor ID) и версию системы (в полях "
    "Release и Codename).\n\n"
    "9.1.2. apt-get и apt-cdrom\n\n"
    "Для использования apt-get, отредактируйте файл /etc/apt/sources.list так же как и для "
    "Раздел 9.1.1, «aptitude».\n\n"
    "Затем выполните\n\n"
    "    apt-get update\n\n"
    "а затем\n\n"
    "    apt-get dist-upgrade\n\n"
    "Answer any questions that might come up, and your system will be upgraded.\n"
)
ZH_FAQ = (
    "11.6. 运行级别\n\n"
    "为了控制服务启动的顺序，传统的 System-V 风格的 Unix 系统使用运行级别（runlevel）。这一概念在 "
    "systemd 中被目标（target）所取代。要显示系统引导时 systemd 的默认目标，请执行\n\n"
    "    systemctl get-default\n\n"
    "在引导过程中，systemd 会启动默认的目标文件 /lib/systemd/system/default.target "
    "里列出的服务或其他目标。\n\n"
    "例如，要查看哪些可执行文件提供了“x-window-manager”，请执行：\n\n"
    "    update-alternatives --display x-window-manager\n\n"
    "然后按屏幕上的提示操作（基本上就是按下您更喜欢的选项旁边的数字）。\n"
)
FR_FAQ = (
    "9.1.1. aptitude\n\n"
    "Plus de détails sont disponibles dans la page de manuel sources.list(5).\n\n"
    "Pour mettre à jour votre système en ligne de commande, exécutez\n\n"
    "    aptitude update\n\n"
    "suivi de\n\n"
    "    aptitude full-upgrade\n\n"
    "Répondez à toutes les questions qui vous seront posées et votre système sera mis à jour.\n"
)


def _coded(text: str, name: str = "faq.txt") -> dict[str, str]:
    return {b.code: b.text for b in read(name, text.encode()).blocks if b.code}


def test_a_command_stays_with_the_sentence_that_runs_into_it_without_a_colon() -> None:
    coded = _coded(RU_FAQ)
    assert coded["lsb_release -a"].endswith("используйте команду")
    # A short lead-in and the words between two commands go with them: one passage.
    assert coded["apt-get update\nа затем\napt-get dist-upgrade"] == "Затем выполните"
    zh = _coded(ZH_FAQ)
    assert zh["systemctl get-default"].endswith("请执行")
    # A full-width colon introduces a command as ":" does.
    assert zh["update-alternatives --display x-window-manager"].endswith("请执行：")
    assert _coded(FR_FAQ) == {
        "aptitude update\nsuivi de\naptitude full-upgrade": (
            "Pour mettre à jour votre système en ligne de commande, exécutez"
        )
    }


def test_what_follows_the_command_is_still_a_paragraph_of_its_own() -> None:
    texts = [b.text for b in read("faq.txt", RU_FAQ.encode()).blocks]
    assert any(t.startswith("Она выведет название дистрибутива") for t in texts)
    assert "Answer any questions that might come up, and your system will be upgraded." in texts


def test_no_command_joins_a_finished_sentence_or_a_line_of_code() -> None:
    # A sentence that ends is no lead-in; an indented line of a listing is no paragraph that a
    # command could belong to (SQLite's cli.html, as text: data/eval/corpora/devdocs).
    finished = (
        "To see the release, run the program that prints it. It takes no arguments at all.\n\n"
        "    lsb_release -a\n\n"
        "The output names the distribution and its version.\n"
    )
    assert _coded(finished) == {"lsb_release -a": ""}  # code of its own, not the sentence's
    listing = (
        "The virtual table has the following columns, one for each field of a ZIP entry:\n\n"
        "    CREATE TABLE zip(\n"
        "      name,     // Name of the file\n"
        "      data,     // Uncompressed file content\n"
        "      method    // ZIP compression method code\n"
        "    );\n\n"
        "So, for example, you could run a query like this one on the archive.\n"
    )
    blocks = read("cli.txt", listing.encode()).blocks
    assert not any("method" in b.code and "data," in b.text for b in blocks)


def test_a_russian_question_about_the_command_quotes_it_with_its_sentence(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "ru.db", make_corpus({"faq.txt": RU_FAQ}))
    try:
        answer = library.answer("Какую команду использовать, чтобы убедиться, что система Debian?")
        passage = answer.hits[0].passage
        assert passage.code_at is not None
        assert passage.text[passage.code_at :].strip() == "lsb_release -a"
        assert "используйте команду" in passage.text[: passage.code_at]
    finally:
        library.close()


# A manual with plain headings (no number, no underline) between its commands: a heading over a
# command heads the paragraph after it, it is neither the words between two commands nor a
# lead-in.
MANUAL = (
    "Quotebot\n\n"
    "Quotebot quotes passages from your documents in a Telegram chat.\n\n"
    "Install it with pip:\n\n"
    "    pip install quotebot\n\n"
    "Configuration\n\n"
    "    quotebot init --token TOKEN\n\n"
    "The init command writes a settings file in your home directory for you.\n"
)
MANUAL_NO_COLON = (
    "Quotebot Manual\n\n"
    "Quotebot answers questions with passages from documents. It needs a database.\n"
    "To build the index you run the following tool once\n\n"
    "    make index\n\n"
    "Usage\n\n"
    "    quotebot search foo\n\n"
    "The search command prints the best passages for a question, one per line.\n"
)
ZH_MANUAL = (
    "关于本工具\n\n"
    "本工具根据文档回答问题，并引用原文中的段落作为答案。\n\n"
    "安装\n\n"
    "    pip install quotebot\n\n"
    "安装完成后，即可开始使用本工具进行搜索。\n\n"
    "配置\n\n"
    "本工具的配置文件位于主目录下，可以根据需要修改。\n"
)


def _sections(text: str) -> dict[str, str | None]:
    return {b.text: b.section for b in read("manual.txt", text.encode()).blocks}


def test_a_plain_heading_between_two_commands_heads_the_paragraph_after_them() -> None:
    for text, heading, paragraph in (
        (MANUAL, "Configuration", "The init command writes"),
        (MANUAL_NO_COLON, "Usage", "The search command prints"),
    ):
        blocks = read("manual.txt", text.encode()).blocks
        assert not any(heading in b.code.split("\n") for b in blocks)
        after = [b for b in blocks if b.text.startswith(paragraph)]
        assert [b.section for b in after] == [heading]


def test_a_plain_chinese_heading_after_a_finished_sentence_heads_its_section() -> None:
    sections = _sections(ZH_MANUAL)
    assert "安装" not in sections  # no passage of its own, nor the lead-in of the command
    assert sections["安装完成后，即可开始使用本工具进行搜索。"] == "安装"
    assert sections["本工具的配置文件位于主目录下，可以根据需要修改。"] == "配置"


def test_a_chinese_lead_in_after_a_finished_sentence_still_leads_into_its_command() -> None:
    # The Debian FAQ numbers its headings: a short line over a command is its lead-in there,
    # even after a sentence that ends (data/eval/corpora/ml-dev, zh/debian-faq-uptodate.txt).
    text = (
        "9.1.2. apt-get 和 apt-cdrom\n\n"
        "要使用 apt-get，请编辑 /etc/apt/sources.list 文件完成设置，就像第 9.1.1 节中一样。\n\n"
        "然后执行\n\n"
        "    apt-get update\n\n"
        "然后运行\n\n"
        "    apt-get dist-upgrade\n\n"
        "回答任何可能出现的问题，然后您的系统就会被升级。\n"
    )
    assert _coded(text) == {"apt-get update\n然后运行\napt-get dist-upgrade": "然后执行"}
    assert not {"然后执行", "然后运行"} & set(_sections(text).values())


def test_a_short_command_right_under_a_heading_is_kept_as_code_of_its_own() -> None:
    # No sentence leads into it (the heading came between), and it was once dropped: a reader
    # asking how to search must still find "quotebot search foo" under "Usage".
    text = (
        "Quotebot\n\nQuotebot answers questions about your documents by quoting them.\n\n"
        "Usage\n\n    quotebot search foo\n\n"
        "The search command prints the passages that match.\n"
    )
    blocks = read("readme.txt", text.encode()).blocks
    coded = [(b.section, b.text, b.code) for b in blocks if b.code]
    assert coded == [("Usage", "", "quotebot search foo")]
    assert any(b.text.startswith("The search command") and not b.code for b in blocks)
