"""A figure's caption is not what a question about the thing it names is answered with: in
datos.gob.es's report on artificial intelligence (tests/ingest/fixtures/datosgobes, CC BY 4.0)
"¿Qué es la metodología Awareness Inspire Action?" was answered with "Figura 1. Metodología de la
colección Awareness, Inspire, Action." over the paragraph saying how the report is built on it
(a new admin's try-out). A question about a figure still finds its caption."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.library import Library

REPORT = (
    Path(__file__).parents[1]
    / "ingest"
    / "fixtures"
    / "datosgobes"
    / "tecnologias-emergentes-ia-sin-imagenes.docx"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = tmp_path_factory.mktemp("report")
    shutil.copy(REPORT, folder / REPORT.name)
    return Library.open(tmp_path_factory.mktemp("db") / "corpus.db", folder)


def test_a_question_on_what_a_caption_names_is_answered_by_the_text(report: Library) -> None:
    answer = report.answer("¿Qué es la metodología Awareness Inspire Action?")
    first = answer.hits[0].passage.text
    assert not first.startswith("Figura")
    assert "Awareness" in first


def test_a_question_about_a_figure_finds_its_caption(report: Library) -> None:
    answer = report.answer("¿Qué muestra la figura de la metodología Awareness Inspire Action?")
    assert answer.hits[0].passage.text.startswith("Figura 1.")
