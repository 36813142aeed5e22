"""Fixtures shared by the analysis tests: the bundled lexicon set and the seed articles."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def lexicons(default_lexicon_set):
    """The bundled lexicon set (a module may define a ``lexicons`` of its own)."""
    return default_lexicon_set


@pytest.fixture(scope="session")
def seeds(seeds_corpus):
    """The three bundled seed articles, as read."""
    return seeds_corpus
