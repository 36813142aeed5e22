"""Loading a lexicon set from any file or folder (framing.lexicons.load)."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicons.importers import import_lexicon
from framing.lexicons.load import load_lexicons
from framing.resources import default_lexicons
from tests.lexicons.helpers import FIXTURES


def test_default_set_has_the_three_story_frames():
    lexicons = load_lexicons(default_lexicons())
    assert lexicons.frame_ids == (
        "goodwill_fighters",
        "possible_extremists",
        "unprotected_civilians",
    )
    for frame in lexicons.frames:
        assert frame.label and frame.description and frame.colour.startswith("#")
        assert len(frame.terms) >= 10


def test_missing_or_empty_lexicon_folder_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon"):
        load_lexicons(tmp_path / "none")
    (tmp_path / "empty").mkdir()
    with pytest.raises(LexiconError, match=r"no \.toml frame files"):
        load_lexicons(tmp_path / "empty")


def test_bundled_set_file_lists_the_default_negation_settings():
    from framing.lexicons.terms import DEFAULT_NEGATION_CUES
    from framing.model import DEFAULT_SCOPE_BREAKERS

    lexicons = load_lexicons(default_lexicons())
    assert lexicons.negation_cues == DEFAULT_NEGATION_CUES
    assert lexicons.scope_breakers == DEFAULT_SCOPE_BREAKERS


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_every_dictionary_format_loads_as_import_lexicon_reads_it(fixture):
    assert load_lexicons(fixture) == import_lexicon(fixture).lexicons
