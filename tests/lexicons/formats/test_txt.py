"""Plain word lists (framing.lexicons.formats.txt)."""

from __future__ import annotations

from framing.lexicons.importers import import_lexicon
from tests.lexicons.helpers import DATA, frames_of, import_error


def test_word_list_is_one_frame_named_after_the_file():
    result = import_lexicon(DATA / "heroes.txt")
    assert frames_of(result) == [
        ("heroes", "heroes", ["hero*", "freedom fighter*", "defend democracy", "Brave"]),
    ]
    frame = result.lexicons.frames[0]
    assert frame.description == "Imported from heroes.txt (word list)."
    assert [t.line for t in frame.terms] == [2, 3, 5, 6]


def test_word_list_with_no_terms_is_an_error(write):
    path = write("nothing.txt", "# only a comment\n\n   # another\n")
    assert import_error(path) == f"{path}: has no terms (only blank lines and # comments)"


def test_word_list_bad_term_names_its_line(write):
    path = write("bad.txt", "hero*\n\n*ism\n")
    assert import_error(path).startswith(f"{path}:3: term '*ism'")


def test_word_list_repeats_warn(write):
    path = write("rep.txt", "hero*\nHero*\n")
    result = import_lexicon(path)
    assert frames_of(result) == [("rep", "rep", ["hero*"])]
    assert result.warnings == (
        f"{path}:2: term 'Hero*' repeats 'hero*' (line 1) in category 'rep'; kept the first",
    )
