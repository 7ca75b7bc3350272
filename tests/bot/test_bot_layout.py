"""The shape of the bot package (issue 10): no function over 60 lines, no class over 250."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot"
FUNCTION_LINES, CLASS_LINES = 60, 250


def definitions() -> list[tuple[str, str, int]]:
    found = []
    for path in sorted(BOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                assert node.end_lineno is not None
                lines = node.end_lineno - node.lineno + 1
                found.append((f"{path.relative_to(BOT)}:{node.name}", type(node).__name__, lines))
    return found


@pytest.mark.parametrize(("kind", "limit"), [("Function", FUNCTION_LINES), ("Class", CLASS_LINES)])
def test_functions_and_classes_stay_small(kind: str, limit: int) -> None:
    too_long = [
        (name, lines) for name, node, lines in definitions() if kind in node and lines > limit
    ]
    assert too_long == []
