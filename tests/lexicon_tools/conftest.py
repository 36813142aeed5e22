"""Fixtures the lexicon tools' tests share: the good test set and the seeds' sentences."""

from __future__ import annotations

import pytest

from framing.lexicon_tools.sentences import load_sentences
from framing.lexicons.load import load_lexicons
from framing.model import LexiconSet
from tests.conftest import REPO


@pytest.fixture(scope="session")
def good_set() -> LexiconSet:
    return load_lexicons(REPO / "tests" / "data" / "lexicon_tools" / "good")


@pytest.fixture(scope="session")
def seeds_sentences():
    return load_sentences([REPO / "seeds"], name="seeds")
