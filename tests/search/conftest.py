"""What the search tests share."""

from __future__ import annotations

import pytest

from retrieval.search.analyzer import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    """The analyzer as the library builds it by default (no synonyms, English as the guess)."""
    return Analyzer()
