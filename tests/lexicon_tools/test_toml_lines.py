"""Where things are in a TOML file: the lines of terms, through the validator."""

from __future__ import annotations

from pathlib import Path

from framing.lexicon_tools.problems import ERROR
from framing.lexicon_tools.validate import validate_path


def test_term_lines_survive_comments_and_tricky_strings(write):
    path = write(
        "lex/f.toml",
        'id = "f"\n'
        "terms = [  # brackets in a comment ] [\n"
        "    \"a ] b\", 'c # d',\n"
        '    """e\n'
        'f""",\n'
        '    { term = "g", weight = 2 },\n'
        '    "g",\n'
        "]\n",
    )
    (problem,) = validate_path(path)
    assert (problem.line, problem.severity) == (7, ERROR)
    assert "duplicate term 'g': same as 'g' (line 6)" in problem.message


def test_terms_as_an_array_of_tables_get_their_header_lines(write):
    path = write(
        "lex/f.toml",
        'id = "f"\n[[terms]]\nterm = "hero"\n\n[[terms]]\nterm = "Hero"\n',
    )
    (problem,) = validate_path(path)
    assert (Path(problem.path).name, problem.line) == ("f.toml", 5)
