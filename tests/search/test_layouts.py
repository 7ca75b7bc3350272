"""A Russian question typed in the English keyboard layout is read back as Russian."""

from __future__ import annotations

import pytest

from retrieval.search.layouts import mend_layout


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("rfr elfkbnm gfrtn&", "как удалить пакет?"),
        ("xnj nfrjt pbuilder&", "что такое pbuilder?"),  # the name was typed in Latin on purpose
        ("rfr j,yjdbnm cbcntve xthtp apt-get&", "как обновить систему через apt-get?"),
        ("ult [hfybncz /etc/fstab&", "где хранится /etc/fstab?"),
    ],
)
def test_a_russian_question_typed_in_the_english_layout_is_read_as_russian(
    typed: str, meant: str
) -> None:
    assert mend_layout(typed) == meant


@pytest.mark.parametrize(
    "question",
    [
        "Is C supported?",
        "nginx config reload",
        "btrfs vs ext4",
        "apt-get dist-upgrade",
        "sshd config",
        "Comment installer un paquet ?",
        "¿Cómo instalo un paquete?",
        "Как удалить пакет?",
        "gfrtn",  # one word says too little
        "max file size kb",  # "kb" types "ли", "lf" "да", "ns" "ты": abbreviations, not Russian
        "crlf lf eol",
        "dns ns mx",
    ],
)
def test_questions_typed_as_meant_stay_as_they_are(question: str) -> None:
    assert mend_layout(question) == question
