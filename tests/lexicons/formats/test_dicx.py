"""LIWC-22 .dicx dictionaries (framing.lexicons.formats.dicx)."""

from __future__ import annotations

import pytest

from framing.lexicons.importers import import_lexicon
from tests.lexicons.helpers import DATA, frames_of, import_error


def test_liwc22_dicx_imports_marked_columns_and_skips_the_bom():
    result = import_lexicon(DATA / "liwc22_small.dicx")
    assert (DATA / "liwc22_small.dicx").read_bytes().startswith(b"\xef\xbb\xbf")
    assert frames_of(result) == [
        ("heroism", "Heroism", ["hero*", "freedom fighter*"]),
        ("threat", "Threat", ["extremis*", "mercenar*"]),
        ("legal_status", "Legal status", ["mercenar*", "pow status"]),
    ]
    assert [t.line for t in result.lexicons.frames[2].terms] == [5, 6]
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("content", "line", "expected"),
    [
        ("hero*,X,\nmartyr*,,X\n", 1, "no header row: the first row holds X marks"),
        ("DicTerm\nhero*\n", 1, "no category columns"),
        ("DicTerm,care,\nhero*,X,\n", 1, "column 3 of the header has no category name"),
        ("DicTerm,care,harm\nkind,X\nhurt,,X\n", 2, "row has 2 cells but the header has 3"),
        ("DicTerm,care,harm\nkind,X,,\n", 2, "row has 4 cells but the header has 3"),
        ("DicTerm,care,harm\nkind,X,\nhurt,,yes\n", 3, "cell 'yes' in column 3 ('harm')"),
        ("DicTerm,care,harm\nkind,0.5,\n", 2, "(weighted dictionaries are not supported)"),
        ("DicTerm,care,harm\n\n\n,X,\n", 4, "row has X marks but no term"),
        ('DicTerm,care\n"multi\nline",X\nco?l,X\n', 4, "uses the glob '?'"),
    ],
)
def test_dicx_errors_name_file_and_line(write, content, line, expected):
    path = write("bad.dicx", content)
    message = import_error(path)
    assert message.startswith(f"{path}:{line}: ")
    assert expected in message


def test_dicx_warns_about_unmarked_terms_empty_columns_and_repeats(write):
    path = write("w.dicx", "DicTerm,care,unused,care\nkind,X,,\norphan,,,\nKind,x,,X\n")
    result = import_lexicon(path)
    assert frames_of(result) == [("care", "care", ["kind"]), ("care_2", "care", ["Kind"])]
    assert result.warnings == (
        f"{path}:1: category name 'care' is used twice (also on line 1); both were imported, "
        "as frames with different ids",
        f"{path}:1: category 'unused' has no terms; dropped it (an empty frame cannot be used)",
        f"{path}:3: term 'orphan' is marked in no category; skipped it",
        f"{path}:4: term 'Kind' repeats 'kind' (line 2) in category 'care'; kept the first",
    )
