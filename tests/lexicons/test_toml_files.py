"""Reading TOML frame files and a set's _set.toml (framing.lexicons.toml_files)."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicons.match import Matcher
from framing.lexicons.toml_files import load_toml_set
from tests.conftest import make_sentence


def test_toml_syntax_error_names_file_and_line(write):
    path = write("bad/f.toml", 'id = "f"\nterms = ["a",\nlabel = \n')
    with pytest.raises(LexiconError, match=r"f\.toml:\d+: TOML syntax error"):
        load_toml_set(path.parent)


def test_frame_with_no_terms_is_an_error(write):
    path = write("bad/f.toml", 'id = "f"\nlabel = "F"\nterms = []\n')
    with pytest.raises(LexiconError, match=r"f\.toml:3: frame has no terms"):
        load_toml_set(path)


def test_bad_term_is_reported_with_its_line(write):
    path = write("bad/f.toml", 'id = "f"\nterms = [\n  "fine",\n  "ra*dical",\n]\n')
    with pytest.raises(LexiconError, match=r"f\.toml:4: .*only allowed at the end"):
        load_toml_set(path)


def test_unknown_key_and_duplicate_ids_are_errors(write, tmp_path):
    write("u/f.toml", 'id = "f"\ntrems = ["a"]\n')
    with pytest.raises(LexiconError, match="unknown key 'trems'"):
        load_toml_set(tmp_path / "u")
    write("d/a.toml", 'id = "same"\nterms = ["a"]\n')
    write("d/b.toml", 'id = "same"\nterms = ["b"]\n')
    with pytest.raises(LexiconError, match="frame id 'same' is also defined"):
        load_toml_set(tmp_path / "d")


def test_set_file_configures_negation_and_is_not_a_frame(write, tmp_path):
    write("s/f.toml", 'id = "f"\nterms = ["heroes"]\n')
    write("s/_set.toml", 'name = "mine"\nnegation_cues = ["seldom"]\nscope_breakers = ["and"]\n')
    lexicons = load_toml_set(tmp_path / "s")
    assert lexicons.name == "mine" and lexicons.frame_ids == ("f",)
    matcher = Matcher(lexicons)
    negated = [h.negated for h in matcher.match(make_sentence("seldom heroes and heroes"))]
    assert negated == [True, False]
    assert [h.negated for h in matcher.match(make_sentence("not heroes"))] == [False]


def test_bad_set_file_is_an_error_with_line(write, tmp_path):
    write("s/f.toml", 'id = "f"\nterms = ["heroes"]\n')
    write("s/_set.toml", 'negation_cues = [\n  "not",\n  "not at all",\n]\n')
    with pytest.raises(LexiconError, match=r"_set\.toml:3: .*'not at all' must be a single word"):
        load_toml_set(tmp_path / "s")
