"""The shape a newcomer relies on: small functions and classes, and the product packages never
importing the tooling (evaluation, benchmarks, baselines) nor retrieval importing Telegram."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("bot", "retrieval")
LONGEST_FUNCTION = 60  # lines
LONGEST_CLASS = 250


def _modules(*packages: str) -> Iterator[Path]:
    for package in packages:
        yield from sorted((ROOT / package).rglob("*.py"))


def _definitions(path: Path) -> Iterator[tuple[str, int, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            end = node.end_lineno or node.lineno
            kind = "class" if isinstance(node, ast.ClassDef) else "function"
            yield f"{kind} {node.name}", node.lineno, end - node.lineno + 1


@pytest.mark.parametrize("path", list(_modules(*PRODUCT)), ids=lambda p: str(p.relative_to(ROOT)))
def test_functions_and_classes_are_small_enough_to_read_in_one_sitting(path: Path) -> None:
    too_long = [
        f"{name} (line {line}): {length} lines"
        for name, line, length in _definitions(path)
        if length > (LONGEST_CLASS if name.startswith("class") else LONGEST_FUNCTION)
    ]
    assert not too_long


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_the_product_never_imports_the_tooling() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in _modules(*PRODUCT) if "tools" in _imports(p)]
    assert not offenders


def test_retrieval_knows_nothing_of_telegram_or_the_bot() -> None:
    offenders = [
        str(p.relative_to(ROOT)) for p in _modules("retrieval") if _imports(p) & {"telegram", "bot"}
    ]
    assert not offenders
