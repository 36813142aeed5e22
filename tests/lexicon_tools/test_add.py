"""add_terms: appending terms to a frame file without disturbing it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicon_tools.add import add_terms
from framing.lexicons.load import load_frame
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "lexicon_tools"
BROKEN = DATA / "broken"


@pytest.fixture
def addable(tmp_path) -> Path:
    return Path(shutil.copy(DATA / "addable" / "heroic.toml", tmp_path / "heroic.toml"))


def test_add_terms_keeps_comments_and_layout_byte_for_byte(addable):
    before = addable.read_bytes()
    add_terms(addable, ["brave", "just cause"])
    lines = before.decode().splitlines(keepends=True)
    expected = "".join([*lines[:8], '    "brave",\n', '    "just cause",\n', *lines[8:]])
    assert addable.read_bytes() == expected.encode()
    frame = load_frame(addable)
    assert [t.text for t in frame.terms][-2:] == ["brave", "just cause"]
    assert [t.line for t in frame.terms][-2:] == [9, 10]


@pytest.mark.parametrize(
    ("terms", "fragment"),
    [
        (["Freedom"], "the frame already has 'freedom'"),
        (["heroes"], "wildcard 'hero*' already matches it"),
        (["!!"], "has no words"),
        (["brave", "Brave"], "given twice"),
        (["ukraine 's"], "can never match"),
    ],
)
def test_add_terms_refuses_and_leaves_the_file_alone(addable, terms, fragment):
    before = addable.read_bytes()
    with pytest.raises(LexiconError, match=re.escape(fragment)):
        add_terms(addable, terms)
    assert addable.read_bytes() == before


@pytest.mark.parametrize("name", ["a_syntax.toml", "e_terms.toml"])
def test_add_terms_refuses_a_file_with_errors(tmp_path, name):
    path = Path(shutil.copy(BROKEN / name, tmp_path / name))
    before = path.read_bytes()
    with pytest.raises(LexiconError, match="fix the file first"):
        add_terms(path, ["brave"])
    assert path.read_bytes() == before


def test_add_terms_only_to_an_inline_toml_list(write):
    tables = write("lex/t.toml", 'id = "t"\n[[terms]]\nterm = "hero"\n')
    with pytest.raises(LexiconError, match=re.escape("inline 'terms = [...]' list")):
        add_terms(tables, ["brave"])
    with pytest.raises(LexiconError, match=re.escape("only be added to a .toml frame file")):
        add_terms(write("lex/words.txt", "hero\n"), ["brave"])
