"""quanteda-style YAML dictionaries (framing.lexicons.formats.yaml_dict)."""

from __future__ import annotations

import pytest

from framing.lexicons.importers import import_lexicon
from tests.lexicons.helpers import DATA, frames_of, import_error


def test_yaml_flattens_nested_categories_and_reads_terms_as_written():
    result = import_lexicon(DATA / "quanteda_small.yml")
    assert frames_of(result) == [
        ("heroic", "heroic", ["hero*", "freedom fighter*", "defend"]),
        ("security_threat", "security.threat", ["extremis*", "radicali*"]),
        # YAML 1.1 would read a bare `no` as False: a dictionary means the word.
        ("security_legal", "security.legal", ["mercenar*", "pow status", "no"]),
    ]
    assert [t.line for t in result.lexicons.frames[1].terms] == [8, 9]
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("content", "line", "expected"),
    [
        ("care:\n  - kind\n  - [unclosed\nharm:\n  - hurt\n", 4, "YAML syntax error"),
        ('care:\n  - "kind\n', 3, "YAML syntax error"),
        ("- kind\n- hurt\n", 1, "expected a mapping of category names to lists of terms"),
        ("care:\n  - kind\nharm: hurt\n", 3, "category 'harm' must be a list of terms"),
        ("care:\n  - kind\n  - {a: b}\n", 3, "each term of category 'care' must be a string"),
        ("care:\n  - kind\n  -\n", 3, "must be a string, found nothing"),
        ("care:\n  - kind\ncare:\n  - help\n", 3, "category 'care' is defined twice"),
        ("a:\n  b: [x]\na.b: [y]\n", 3, "category 'a.b' is defined twice (first on line 2)"),
        ("care:\n  - kind\n  - her?\n", 3, "uses the glob '?'"),
        ("care:\n  - kind\n  - '*'\n", 3, "a '*' may only end a word"),
    ],
)
def test_yaml_errors_name_file_and_line(write, content, line, expected):
    path = write("bad.yml", content)
    message = import_error(path)
    assert message.startswith(f"{path}:{line}: ")
    assert expected in message


def test_yaml_empty_categories_are_dropped_with_warnings(write):
    path = write("w.yaml", "care:\n  - kind\nharm:\nfair: []\nloyal: {}\n")
    result = import_lexicon(path)
    assert result.lexicons.frame_ids == ("care",)
    assert result.warnings == tuple(
        f"{path}:{line}: category {name!r} has no terms; dropped it (an empty frame cannot be used)"
        for line, name in ((3, "harm"), (4, "fair"), (5, "loyal"))
    )


def test_yaml_document_with_only_comments_is_an_error(write):
    path = write("c.yml", "# nothing here\n")
    assert import_error(path) == f"{path}: has no categories (the YAML document is empty)"


def test_yaml_cannot_construct_python_objects(write):
    path = write("evil.yml", "care:\n  - !!python/object/apply:os.system ['echo hacked']\n")
    assert "must be a string, found a list" in import_error(path)
