"""A grid of painted boxes is a table with a header only when its first row is painted in one
shade the rows below do not use: a colour chart, each cell its own shade, has no header."""

from __future__ import annotations

from pathlib import Path

from pdfmaker import Box, Text, make_pdf

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read


def _grid(grays: list[list[float]], labels: list[list[str]]) -> bytes:
    boxes, lines = [], [Text(60, 780, "A page of boxes.", 12)]
    for r, row in enumerate(grays):
        for c, gray in enumerate(row):
            x, y = 60 + c * 120, 700 - r * 40
            boxes.append(Box(x, y, 120, 40, gray))
            lines.append(Text(x + 6, y + 14, labels[r][c], 10))
    return make_pdf([lines], base14="Helvetica", boxes=[boxes])


def _texts(data: bytes) -> list[str]:
    return [p.text for p in passages(read(Path("boxes.pdf"), data), "boxes.pdf")]


def test_a_chart_of_swatches_has_no_header() -> None:
    # A reviewer's case (a test PDF of grey swatches): each caption was labelled with the
    # first row's ("A = 0.05: A = 0.25 | …").
    shades = [[0.05 * (r * 4 + c + 1) for c in range(4)] for r in range(5)]
    texts = _texts(_grid(shades, [[f"A = {g:.2f}" for g in row] for row in shades]))
    assert "A = 0.05: A = 0.25" not in " ".join(texts)
    assert any("A = 0.25" in text and "A = 0.40" in text for text in texts)


def test_a_table_with_a_shaded_header_labels_its_cells() -> None:
    shades = [[0.6] * 3] + [[0.95] * 3] * 3
    labels = [
        ["Name", "Default", "Notes"],
        ["timeout", "30", "seconds to wait"],
        ["retries", "3", "times to try"],
        ["size", "10", "megabytes kept"],
    ]
    assert "Name: timeout | Default: 30 | Notes: seconds to wait" in _texts(_grid(shades, labels))


def test_a_shaded_header_over_cells_of_several_colours_labels_them() -> None:
    # A final reader's case: a status matrix (pass, fail, flaky in their colours) lost its
    # header's labels when the body held more than two shades.
    shades = [[0.5] * 3, [0.95, 0.8, 0.6], [0.95, 0.7, 0.8], [0.95, 0.6, 0.6]]
    labels = [
        ["Test", "Linux", "Windows"],
        ["build", "pass", "fail"],
        ["unit", "flaky", "pass"],
        ["docs", "fail", "fail"],
    ]
    assert "Test: build | Linux: pass | Windows: fail" in _texts(_grid(shades, labels))
