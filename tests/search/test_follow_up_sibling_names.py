"""A follow-up naming one thing after a question on its sibling ("and cargo-audit?" after "what
is cargo-outdated?") is answered about the thing it names: a word written with a hyphen is
read as several terms, and the earlier question's such word must not outweigh the follow-up's
own one for having more of them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from tests.search.conversations import first_after

TOOLS = {
    "dependencies.md": "# Checking dependencies\n\n"
    "## Cargo-outdated\n\n"
    "The cargo-outdated tool makes managing the versions of dependencies easier.\n\n"
    "The cargo-outdated tool must be used to check the status of dependencies before a "
    "release.\n\n"
    "## Cargo-audit\n\n"
    "Cargo-audit is a tool that checks whether known vulnerabilities exist in the "
    "dependencies of a project.\n\n"
    "The cargo-audit tool must be used to look for known vulnerabilities in a project's "
    "dependencies.\n\n"
    "## Cargo-geiger\n\n"
    "The cargo-geiger tool counts the unsafe code in a crate and in its dependencies.\n",
    "toolchain.md": "# Toolchain\n\n"
    "Rustup installs the toolchain, and Cargo builds the project and fetches its crates.\n",
}


@pytest.fixture(scope="module")
def tools(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(TOOLS)


@pytest.mark.parametrize(
    ("first", "then", "named"),
    [
        ("What is cargo-outdated?", "and cargo-audit?", "vulnerabilities"),
        ("What does cargo-audit check?", "and cargo-geiger?", "unsafe code"),
    ],
)
def test_a_follow_up_naming_a_sibling_is_answered_about_it(
    tools: Library, first: str, then: str, named: str
) -> None:
    assert named in first_after(tools, first, then)
