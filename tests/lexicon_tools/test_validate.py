"""validate: every problem of a set folder or frame file, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicon_tools.problems import ERROR, WARNING, count_problems
from framing.lexicon_tools.validate import validate_path
from framing.lexicons.load import load_frame, load_lexicons
from framing.resources import default_lexicons
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "lexicon_tools"
GOOD = DATA / "good"
BROKEN = DATA / "broken"


#: Every problem of the broken fixture set: (file, line, severity, fragment of the message).
BROKEN_PROBLEMS = [
    ("_set.toml", 2, ERROR, "negation_cues entry 'not at all' must be a single word token"),
    ("_set.toml", 3, ERROR, "unknown key 'scope_breaker' (did you mean 'scope_breakers'?)"),
    ("a_syntax.toml", 4, ERROR, "TOML syntax error"),
    ("b_keys.toml", 3, ERROR, "colour '#12345' is not a #rrggbb hex colour"),
    ("b_keys.toml", 4, ERROR, "unknown key 'descripton' (did you mean 'description'?)"),
    ("b_keys.toml", 7, ERROR, "term 'beta': unknown key 'wieght'"),
    ("c_id.toml", 1, ERROR, "id 'Bad-Id' must be lower case letters"),
    ("c_id.toml", 2, ERROR, "'label' must be a string"),
    ("d_empty.toml", 3, ERROR, "frame has no terms"),
    ("e_terms.toml", 6, ERROR, "duplicate term 'freedom': same as 'Freedom' (line 4)"),
    ("e_terms.toml", 7, WARNING, "'radicalized' is redundant: wildcard 'radical*' (line 5)"),
    ("e_terms.toml", 8, ERROR, 'term "ukraine \'s" can never match: it writes an apostrophe'),
    (
        "e_terms.toml",
        9,
        ERROR,
        "term 'war. peace' can never match: it spans a sentence boundary after 'war.'",
    ),
    ("e_terms.toml", 10, ERROR, "term '!!' has no words, so it can never match"),
    ("e_terms.toml", 11, ERROR, "term 'hero': weight must be positive"),
    ("e_terms.toml", 12, ERROR, "term 'far -right' can never match: it writes a hyphen"),
    ("e_terms.toml", 13, WARNING, "term 'U.S' matches only where no '.' follows it"),
    ("e_terms.toml", 15, ERROR, "each term must be a string or { term = ..., weight = ... }"),
    ("f_other.toml", 3, WARNING, "term 'mercenar*' is also in frame 'e_terms'"),
    ("g_twin.toml", 1, ERROR, "frame id 'f_other' is also defined in"),
]


def test_validate_reports_every_problem_with_file_and_line():
    problems = validate_path(BROKEN)
    found = [(Path(p.path).name, p.line, p.severity) for p in problems]
    assert found == [(name, line, severity) for name, line, severity, _ in BROKEN_PROBLEMS]
    for problem, (_, _, _, fragment) in zip(problems, BROKEN_PROBLEMS, strict=True):
        assert fragment in problem.message
    assert count_problems(problems) == (17, 3)


def test_problems_name_both_places():
    problems = {(Path(p.path).name, p.line): p for p in validate_path(BROKEN)}
    cross = problems[("f_other.toml", 3)]
    assert f"{BROKEN / 'e_terms.toml'}:14" in cross.message and "'Mercenar*'" in cross.message
    twin = problems[("g_twin.toml", 1)]
    assert f"{BROKEN / 'f_other.toml'}:1" in twin.message
    assert str(twin) == f"{BROKEN / 'g_twin.toml'}:1: error: {twin.message}"


@pytest.mark.parametrize(
    "name", ["a_syntax.toml", "b_keys.toml", "c_id.toml", "d_empty.toml", "e_terms.toml"]
)
def test_a_file_with_errors_does_not_load_and_validate_agrees(name):
    with pytest.raises(LexiconError):
        load_frame(BROKEN / name)
    assert any(p.severity == ERROR for p in validate_path(BROKEN / name))


def test_warnings_alone_still_load():
    load_frame(BROKEN / "f_other.toml")
    assert validate_path(BROKEN / "f_other.toml") == ()


@pytest.mark.parametrize("path", [GOOD, default_lexicons()])
def test_clean_sets_have_no_problems(path):
    assert validate_path(path) == ()


def test_validate_a_missing_path_raises_and_an_empty_folder_is_a_problem(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon file or folder"):
        validate_path(tmp_path / "missing")
    (problem,) = validate_path(tmp_path)
    assert (problem.line, problem.severity) == (None, ERROR)
    assert str(problem) == f"{tmp_path}: error: folder has no .toml frame files"


def test_validate_non_utf8_names_the_line_of_the_bad_byte(write):
    path = write("lex/f.toml", b'id = "f"\nterms = [\n  "caf\xe9",\n]\n')
    (problem,) = validate_path(path)
    assert (problem.line, problem.severity) == (3, ERROR)
    assert "not UTF-8" in problem.message


def _frame_file(frame_id: str, colour_line: str = "") -> str:
    return f'id = "{frame_id}"\n{colour_line}terms = ["{frame_id}word"]\n'


def test_colours_hard_to_tell_apart_get_a_warning_on_the_later_frame(write, tmp_path):
    write("lex/a.toml", _frame_file("a", 'colour = "#d62728"\n'))
    write("lex/b.toml", _frame_file("b", '# green\ncolour = "#2ca02c"\n'))
    write("lex/c.toml", _frame_file("c", 'colour = "#0072B2"\n'))
    (problem,) = validate_path(tmp_path / "lex")
    assert str(problem) == (
        f"{tmp_path / 'lex' / 'b.toml'}:3: warning: colours of 'a' (#d62728) and 'b' (#2ca02c) "
        "are hard to tell apart with deuteranopia (ΔE00 4.6); see docs/lexicons.md"
    )
    assert count_problems([problem]) == (0, 1)
    assert [f.colour for f in load_lexicons(tmp_path / "lex").frames] == [
        "#d62728",
        "#2ca02c",
        "#0072B2",
    ]


def test_colour_warnings_name_every_deficiency_and_the_color_spelling(write, tmp_path):
    write("lex/purple.toml", _frame_file("purple", 'colour = "#9467bd"\n'))
    write("lex/blue.toml", _frame_file("blue", 'color = "#1f77b4"\n'))
    (problem,) = validate_path(tmp_path / "lex")
    assert (Path(problem.path).name, problem.line, problem.severity) == ("purple.toml", 2, WARNING)
    assert problem.message == (
        "colours of 'blue' (#1f77b4) and 'purple' (#9467bd) are hard to tell apart "
        "with protanopia (ΔE00 1.9) and deuteranopia (ΔE00 6.2); see docs/lexicons.md"
    )


def test_one_colour_twice_is_hard_to_tell_apart_for_everyone(write, tmp_path):
    write("lex/a.toml", _frame_file("a", 'colour = "#0072B2"\n'))
    write("lex/b.toml", _frame_file("b", 'colour = " #0072b2 "\n'))
    (problem,) = validate_path(tmp_path / "lex")
    assert problem.message == (
        "colours of 'a' (#0072B2) and 'b' (#0072b2) are hard to tell apart even with normal "
        "colour vision (ΔE00 0.0); see docs/lexicons.md"
    )


def test_default_colours_count_and_repeat_after_seven_frames(write, tmp_path):
    for name in "abcdefgh":
        write(f"lex/{name}.toml", _frame_file(name))
    (problem,) = validate_path(tmp_path / "lex")
    assert (Path(problem.path).name, problem.line, problem.severity) == ("h.toml", None, WARNING)
    assert problem.message.startswith(
        "colours of 'a' (#0072B2, the default) and 'h' (#0072B2, the default) are hard to tell "
        "apart even with normal colour vision"
    )
    # A written colour that repeats the default another frame gets is caught too.
    write("lex/h.toml", _frame_file("h", 'colour = "#0072B2"\n'))
    (problem,) = validate_path(tmp_path / "lex")
    assert (Path(problem.path).name, problem.line) == ("h.toml", 2)
    assert "'a' (#0072B2, the default) and 'h' (#0072B2)" in problem.message


def test_a_bad_colour_is_an_error_and_is_not_compared(write, tmp_path):
    write("lex/a.toml", _frame_file("a", 'colour = "#d62728"\n'))
    write("lex/b.toml", _frame_file("b", 'colour = "green"\n'))
    (problem,) = validate_path(tmp_path / "lex")
    assert (problem.severity, problem.line) == (ERROR, 2)
    assert "is not a #rrggbb hex colour" in problem.message


def test_dictionaries_get_the_colour_check_with_their_default_colours(write):
    categories = "".join(f"c{k}:\n  - word{k}\n" for k in range(8))
    path = write("lex/eight.yml", categories)
    (problem,) = validate_path(path)
    assert (problem.path, problem.line, problem.severity) == (str(path), None, WARNING)
    assert "colours of 'c0' (#0072B2, the default) and 'c7' (#0072B2, the default)" in (
        problem.message
    )


def test_validate_a_dictionary_in_an_unknown_format_reports_the_load_error(write):
    path = write("lex/words.xyz", "hero\n")
    (problem,) = validate_path(path)
    assert (problem.path, problem.line, problem.severity) == (str(path), None, ERROR)


def test_contexts_of_another_sense_are_checked_in_frames_terms_and_the_set(write, tmp_path):
    """``unless_followed_by`` / ``unless_preceded_by``: lists of phrases, each checked."""
    write(
        "s/f.toml",
        'id = "f"\nunless_followed_by = ["{0,2}"]\nterms = [\n'
        '  { term = "protection", unless_preceded_by = "units" },\n'
        '  { term = "extremist", unless_followed_by = ["ra*d units"] },\n'
        '  { term = "radical", unless_followed_by = ["{0,1} unit*"] },\n]\n',
    )
    write("s/_set.toml", "unless_preceded_by = [3]\n")
    found = [(Path(p.path).name, p.line, p.message) for p in validate_path(tmp_path / "s")]
    assert ("_set.toml", 1, "unless_preceded_by must be a list of phrases") in found
    assert ("f.toml", 2, "unless_followed_by phrase '{0,2}' has no words") in found
    assert ("f.toml", 4, "term 'protection': unless_preceded_by must be a list of phrases") in found
    assert (
        "f.toml",
        5,
        "term 'extremist': context phrase 'ra*d units': '*' is only allowed at the end of a word",
    ) in found
    assert len(found) == 4
    with pytest.raises(LexiconError, match=r"f\.toml:2: unless_followed_by phrase"):
        load_lexicons(tmp_path / "s" / "f.toml")


def test_set_phrase_lists_and_inflect_are_checked_as_loading_checks_them(tmp_path):
    """Every cue list of a _set.toml, not only the one-word ones: validate agrees with loading."""
    (tmp_path / "f.toml").write_text('id = "f"\nterms = ["heroes"]\n', encoding="utf-8")
    settings = [
        ('label_nouns = "label"', 1, "'label_nouns' must be a list of strings"),
        ('dismissal_cues = ["fine", "*"]', 1, "dismissal_cues entry '*' has no words"),
        ('concern_cues = ["fear that", "*"]', 1, "concern_cues entry '*' has no words"),
        ('concern_cues = "fear that"', 1, "'concern_cues' must be a list of strings"),
        ("subjects = [3]", 1, "'subjects' must be a list of strings"),
        ('inflect = "yes"', 1, "'inflect' must be true or false"),
    ]
    for text, line, message in settings:
        (tmp_path / "_set.toml").write_text(text + "\n", encoding="utf-8")
        problems = validate_path(tmp_path)
        assert [(p.line, p.severity) for p in problems] == [(line, ERROR)], text
        assert message in problems[0].message
        with pytest.raises(LexiconError):
            load_lexicons(tmp_path)
    (tmp_path / "_set.toml").write_text(
        'label_nouns = ["moniker", "pet name*"]\n', encoding="utf-8"
    )
    assert validate_path(tmp_path) == ()
