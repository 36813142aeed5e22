"""Lexicoder .lc3 dictionaries (framing.lexicons.formats.lc3)."""

from __future__ import annotations

from framing.lexicons.importers import import_lexicon
from tests.lexicons.helpers import DATA, frames_of, import_error


def test_lexicoder_lc3_imports_categories_and_phrases():
    result = import_lexicon(DATA / "lexicoder_small.lc3")
    assert frames_of(result) == [
        ("positive", "positive", ["brave*", "people of goodwill", "help"]),
        ("negative", "negative", ["radicali*", "not help", "threat*"]),
    ]
    assert result.lexicons.frames[1].description == (
        "Imported from lexicoder_small.lc3 (Lexicoder .lc3), category 'negative'."
    )
    assert result.warnings == ()


def test_lc3_term_before_any_category_is_an_error(write):
    path = write("bad.lc3", "\nbrave*\n+positive\nhelp\n")
    assert import_error(path) == (
        f"{path}:2: term 'brave*' comes before any category; expected a '+category' line "
        "first (e.g. '+positive')"
    )


def test_lc3_category_without_a_name_is_an_error(write):
    path = write("bad.lc3", "+positive\nhelp\n+ \nhurt\n")
    assert import_error(path).startswith(f"{path}:3: a category line needs a name")


def test_lc3_quanteda_glob_is_an_error(write):
    path = write("bad.lc3", "+positive\nhelp\ncolo?r\n")
    assert import_error(path) == (
        f"{path}:3: term 'colo?r' uses the glob '?', which is not supported: "
        "a '*' may only end a word"
    )


def test_lc3_empty_and_repeated_categories_warn(write):
    path = write("w.lc3", "+positive\nhelp\n+empty\n+negative\nhurt\n+positive\nbrave\nhelp\n")
    result = import_lexicon(path)
    assert frames_of(result) == [
        ("positive", "positive", ["help", "brave"]),
        ("negative", "negative", ["hurt"]),
    ]
    assert result.warnings == (
        f"{path}:3: category 'empty' has no terms; dropped it (an empty frame cannot be used)",
        f"{path}:6: category 'positive' appears again (first on line 1); its terms were "
        "added to it",
        f"{path}:8: term 'help' repeats 'help' (line 2) in category 'positive'; kept the first",
    )
