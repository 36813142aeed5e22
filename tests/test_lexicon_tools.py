"""The lexicon tools as a library: describe, validate, coverage, suggest, add, explain."""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import pytest

from framing.analysis.stats import log_odds_dirichlet
from framing.errors import InputError, LexiconError
from framing.lexicon_tools import (
    ERROR,
    WARNING,
    add_terms,
    count_problems,
    describe_frame,
    describe_set,
    explain_sentence,
    load_sentences,
    measure_coverage,
    suggest_terms,
    to_json,
    unmatchable_reasons,
    validate_path,
)
from framing.lexicons.load import load_frame, load_lexicons, parse_term
from framing.lexicons.match import match_sentences
from framing.model import Frame, LexiconSet
from framing.resources import default_lexicons
from tests.conftest import REPO, make_sentence

DATA = Path(__file__).parent / "data" / "lexicon_tools"
GOOD = DATA / "good"
BROKEN = DATA / "broken"


@pytest.fixture(scope="module")
def good_set() -> LexiconSet:
    return load_lexicons(GOOD)


@pytest.fixture(scope="module")
def seeds_sentences():
    return load_sentences([REPO / "seeds"], name="seeds")


# --------------------------------------------------------------------------
# list / show
# --------------------------------------------------------------------------


def test_describe_set_counts_terms_by_kind(good_set):
    summary = describe_set(good_set)
    assert (summary.name, summary.description) == ("good", "A clean two-frame set for the tests.")
    assert summary.negation_cues == ("not", "never", "n't")
    heroic, legal = summary.frames
    assert (heroic.id, heroic.label, heroic.colour) == ("heroic", "Heroic", "#0072B2")
    assert (heroic.n_terms, heroic.n_words, heroic.n_phrases, heroic.n_wildcards) == (4, 2, 1, 1)
    assert (legal.n_terms, legal.n_words, legal.n_phrases, legal.n_wildcards) == (4, 1, 1, 2)
    assert legal.description == "Volunteers at legal risk."


def test_describe_frame_groups_terms_with_weights_and_lines(good_set):
    detail = describe_frame(good_set, "heroic")
    assert [(t.text, t.line, t.weight) for t in detail.words] == [
        ("freedom", 7, 1.0),
        ("brave", 10, 0.5),
    ]
    assert [(t.text, t.line) for t in detail.phrases] == [("people of goodwill", 8)]
    assert [(t.text, t.line, t.kind) for t in detail.wildcards] == [("hero*", 9, "wildcard")]


def test_unknown_frame_names_the_known_ones(good_set):
    with pytest.raises(LexiconError, match=r"unknown frame 'nope'; known frames: heroic, legal"):
        describe_frame(good_set, "nope")


# --------------------------------------------------------------------------
# validate
# --------------------------------------------------------------------------

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


@pytest.mark.parametrize(
    ("text", "severity", "fragment"),
    [
        ("ukraine 's", ERROR, "apostrophe"),
        ("they 're", ERROR, "apostrophe"),
        ("'s", ERROR, "apostrophe"),
        ("far- right", ERROR, "hyphen"),
        ("-based", ERROR, "hyphen"),
        ("help! now", ERROR, "sentence boundary"),
        ("e.g", WARNING, "no '.' follows"),
    ],
)
def test_unmatchable_terms_are_found(text, severity, fragment):
    ((found_severity, message),) = unmatchable_reasons(parse_term(text))
    assert found_severity == severity and fragment in message


@pytest.mark.parametrize(
    "text",
    [
        *("war. peace", "War. Peace", "war . peace", 'war." peace', "war.) peace", "what? no"),
        *("help ! now", "war?! no", "ukraine. the", "x.y. z", "U.S. The", "Gen. The"),
        *("Sen. Smith. He", "u.s.-led. force", '"war." peace'),
        *("j. smith", "J. Smith", "No. 1", "1. first", "2022. then", "e.g. freedom"),
        *("u.s. troops", "u.s. the", "war... peace", "war.. peace", "war.peace", "help!now"),
        *("gen. smith", "mr. smith", "st. louis", "a.m. rally", "vs. russia", "oct. 5"),
    ],
)
def test_sentence_boundaries_agree_with_the_sentence_splitter(text):
    from framing.lexicon_tools.matchable import _sentence_boundary
    from framing.text.segment import split_sentences

    assert (_sentence_boundary(text) is not None) == (len(split_sentences(text)) > 1)


@pytest.mark.parametrize(
    "text",
    ["don't", "do n't", "ukraine's", "u.s. troops", "Mr. Smith", "neo-nazi*", "rock 'n' roll"],
)
def test_matchable_terms_pass(text):
    assert unmatchable_reasons(parse_term(text)) == []


# --------------------------------------------------------------------------
# coverage
# --------------------------------------------------------------------------


def test_coverage_counts_hits_negated_documents_outlets_and_forms(good_set):
    sentences = [
        make_sentence("Heroes and a hero.", id=0, document="d1", outlet="a"),
        make_sentence("They were never heroic, but freedom won.", id=1, document="d2", outlet="b"),
        make_sentence("Heroism.", id=2, document="d2", outlet="b"),
    ]
    hits = match_sentences(sentences, good_set)
    coverage = measure_coverage(good_set, sentences, hits, corpus="tiny")
    assert (coverage.corpus, coverage.n_documents, coverage.n_sentences) == ("tiny", 2, 3)
    by_term = {t.term: t for t in coverage.terms}
    hero = by_term["hero*"]
    assert (hero.matches, hero.negated, hero.documents) == (3, 1, 2)
    assert [(o.outlet, o.count) for o in hero.outlets] == [("a", 2), ("b", 2)]
    assert [(f.surface, f.count) for f in hero.forms] == [
        ("hero", 1),
        ("heroes", 1),
        ("heroic", 1),
        ("heroism", 1),
    ]
    freedom = by_term["freedom"]
    assert (freedom.matches, freedom.negated, freedom.forms) == (1, 0, ())
    assert coverage.never_matched("heroic") == ("people of goodwill", "brave")
    assert coverage.never_matched("legal") == (
        "geneva convention*",
        "pow status",
        "prosecut*",
        "law",
    )


def test_coverage_on_the_seeds(seeds_sentences, default_lexicon_set):
    sentences = seeds_sentences.sentences
    hits = match_sentences(sentences, default_lexicon_set)
    coverage = measure_coverage(default_lexicon_set, sentences, hits)
    by_term = {(t.frame, t.term): t for t in coverage.terms}
    radical = by_term[("possible_extremists", "radicali*")]
    assert "radicalized" in {f.surface for f in radical.forms}
    assert radical.matches >= 2 and radical.documents >= 2
    supremacist = [t for t in coverage.terms if "supremacist" in t.term]
    assert any(t.matched for t in supremacist)
    assert {o.outlet for t in supremacist for o in t.outlets} == {"arab-news"}
    mercenary = by_term[("possible_extremists", "mercenar*")]
    assert mercenary.matches == 0 and mercenary.negated >= 2
    assert all(t.matches + t.negated == sum(o.count for o in t.outlets) for t in coverage.terms)


def test_load_sentences_segments_like_the_analysis(seeds_sentences, default_lexicon_set):
    from framing.analysis.pipeline import analyse
    from framing.io.corpus import load_corpus
    from framing.model import AnalysisOptions

    corpus = load_corpus([REPO / "seeds"], name="seeds")
    analysis = analyse(corpus, default_lexicon_set, options=AnalysisOptions(n_bootstrap=100))
    assert seeds_sentences.sentences == analysis.sentences
    assert (seeds_sentences.name, seeds_sentences.n_documents) == ("seeds", 3)


def test_load_sentences_in_several_processes_gives_the_same_sentences(write, tmp_path):
    for i in range(420):
        write(f"in/o{i % 7}_{i}.txt", f"Headline {i}\n\nThey fought for freedom {i}. Not heroes.\n")
    one = load_sentences([tmp_path / "in"], jobs=1)
    several = load_sentences([tmp_path / "in"], jobs=2)
    assert one.sentences == several.sentences and len(one.sentences) >= 840


def test_load_sentences_refuses_a_corpus_without_text(write, tmp_path):
    write("in/a.txt", "Read Next: nothing here\n")
    with pytest.raises(InputError):
        load_sentences([tmp_path / "in"])


# --------------------------------------------------------------------------
# suggest: the log-odds statistic
# --------------------------------------------------------------------------


def test_log_odds_matches_a_hand_computed_example():
    # y_i = [3, 1, 0], y_j = [1, 2, 5]: n_i = 4, n_j = 8, n = 12.
    # Default prior scale alpha0 = n = 12, so alpha_w = y_w = [4, 3, 5].
    odds = log_odds_dirichlet([3, 1, 0], [1, 2, 5])
    # term 0: log((3+4)/(4+12-3-4)) - log((1+4)/(8+12-1-4)) = log(7/9) - log(5/15)
    # term 1: log((1+3)/(4+12-1-3)) - log((2+3)/(8+12-2-3)) = log(4/12) - log(5/15)
    # term 2: log((0+5)/(4+12-0-5)) - log((5+5)/(8+12-5-5)) = log(5/11) - log(10/10)
    delta = [
        math.log(7 / 9) - math.log(5 / 15),
        math.log(4 / 12) - math.log(5 / 15),
        math.log(5 / 11) - math.log(10 / 10),
    ]
    variance = [1 / 7 + 1 / 5, 1 / 4 + 1 / 5, 1 / 5 + 1 / 10]
    assert list(odds.delta) == pytest.approx(delta)
    assert list(odds.variance) == pytest.approx(variance)
    assert list(odds.z) == pytest.approx(
        [d / math.sqrt(v) for d, v in zip(delta, variance, strict=True)]
    )
    # The same numbers written out: delta_0 = -0.251314 + 1.098612 = 0.847298,
    # z_0 = 0.847298 / sqrt(0.342857) = 1.447036; term 1 is neutral;
    # z_2 = log(5/11) / sqrt(0.3) = -0.788457 / 0.547723 = -1.439520.
    assert odds.delta[0] == pytest.approx(0.847298, abs=1e-6)
    assert odds.z[0] == pytest.approx(1.447036, abs=1e-6)
    assert odds.delta[1] == pytest.approx(0.0, abs=1e-12)
    assert odds.z[2] == pytest.approx(-1.439520, abs=1e-6)


def test_log_odds_with_a_weaker_prior():
    # alpha0 = 1.2: alpha_w = 1.2 * y_w / 12 = [0.4, 0.3, 0.5].
    odds = log_odds_dirichlet([3, 1, 0], [1, 2, 5], alpha0=1.2)
    delta_0 = math.log(3.4 / (4 + 1.2 - 3 - 0.4)) - math.log(1.4 / (8 + 1.2 - 1 - 0.4))
    variance_0 = 1 / 3.4 + 1 / 1.4
    assert odds.delta[0] == pytest.approx(delta_0)
    assert odds.z[0] == pytest.approx(delta_0 / math.sqrt(variance_0))


SUGGEST_TEXTS = [
    ("Freedom needs solidarity, solidarity and courage.", "d1"),
    ("They fight for freedom with solidarity.", "d1"),
    ("Freedom, solidarity.", "d2"),
    ("Freedom and courage and democracy.", "d2"),
    ("Freedom demands courage.", "d3"),
    ("The weather was cold in March.", "d3"),
    ("Cold weather slowed the convoy.", "d1"),
    ("The convoy reached the border in March.", "d2"),
    ("Officials counted the convoy trucks.", "d3"),
    ("Solidarity rallies were held in March.", "d1"),
]


def test_suggest_ranks_new_terms_with_examples(good_set):
    sentences = [
        make_sentence(text, id=i, document=doc, outlet=doc)
        for i, (text, doc) in enumerate(SUGGEST_TEXTS)
    ]
    hits = match_sentences(sentences, good_set)
    result = suggest_terms("heroic", good_set, sentences, hits, top=5)
    assert (result.frame_sentences, result.other_sentences) == (5, 5)
    # courage: 3 in the frame's sentences, none elsewhere; solidarity: 4 vs 1.
    # freedom is the frame's own term; democracy occurs once only (min_count 2).
    assert [s.term for s in result.suggestions] == ["courage", "solidarity"]
    courage, solidarity = result.suggestions
    assert (courage.in_frame, courage.elsewhere, courage.sentences) == (3, 0, 3)
    assert (solidarity.in_frame, solidarity.elsewhere, solidarity.sentences) == (4, 1, 3)
    assert courage.z > solidarity.z > 0
    # Ties on count go to the shortest sentence; a higher count wins over length.
    assert courage.example == "Freedom demands courage."
    assert solidarity.example == "Freedom needs solidarity, solidarity and courage."
    assert suggest_terms("heroic", good_set, sentences, hits, top=1).suggestions == (courage,)


def test_suggest_for_a_frame_no_sentence_invokes(good_set):
    sentences = [make_sentence("The weather was cold.", id=0)]
    result = suggest_terms("legal", good_set, sentences, (), top=5)
    assert result.frame_sentences == 0 and result.suggestions == ()


def test_suggest_on_the_seeds_leaves_out_covered_terms(seeds_sentences, default_lexicon_set):
    from framing.analysis.features import term_coverage_checker

    sentences = seeds_sentences.sentences
    hits = match_sentences(sentences, default_lexicon_set)
    result = suggest_terms("goodwill_fighters", default_lexicon_set, sentences, hits, top=10)
    covered = term_coverage_checker(default_lexicon_set)
    assert len(result.suggestions) == 10
    assert not any(covered("goodwill_fighters", s.term) for s in result.suggestions)
    zs = [s.z for s in result.suggestions]
    assert zs == sorted(zs, reverse=True)
    texts = {s.id: s.text for s in sentences}
    for s in result.suggestions:
        assert texts[s.example_sentence] == s.example
        assert s.term.split()[0] in s.example.lower().replace("’", "'")


# --------------------------------------------------------------------------
# add_terms
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# explain
# --------------------------------------------------------------------------


def test_explain_shows_the_negation_scope_of_not(default_lexicon_set):
    text = "This is not mercenaries who are coming to earn money"
    explanation = explain_sentence(text, default_lexicon_set)
    tokens = [t.token for t in explanation.tokens]
    assert tokens[2:4] == ["not", "mercenaries"]
    (cue,) = explanation.cues
    assert (cue.index, cue.cue, cue.scope, cue.note) == (2, "not", (3, 4, 5, 6, 7, 8, 9), "")
    assert [t.negated_by for t in explanation.tokens] == [None, None, None] + [2] * 7
    assert (explanation.tokens[3].start, explanation.tokens[3].end) == (12, 23)
    mercenary = next(m for m in explanation.matches if m.term == "mercenar*")
    assert (mercenary.surface, mercenary.start, mercenary.end) == ("mercenaries", 3, 4)
    assert (mercenary.negated, mercenary.cue, mercenary.cue_index) == (True, "not", 2)
    (frame,) = explanation.frames
    assert (frame.frame, frame.invoked, frame.score, frame.terms) == (
        "possible_extremists",
        False,
        0,
        (),
    )
    assert "mercenar*" in frame.negated_terms


def test_explain_sums_weights_and_uses_the_sets_cues(good_set):
    explanation = explain_sentence("Brave heroes fight for freedom, not only for glory.", good_set)
    (heroic,) = explanation.frames
    assert heroic.invoked and heroic.score == 2.5  # brave 0.5 + hero* 1 + freedom 1
    assert heroic.terms == ("brave", "hero*", "freedom")
    (cue,) = explanation.cues
    assert cue.scope == () and '"not only" is not a negation' in cue.note
    # "no" is not a cue of this set (its _set.toml lists not, never, n't) ...
    assert explain_sentence("No heroes here.", good_set).frames[0].invoked
    # ... while "n't" is.
    negated = explain_sentence("They aren't heroes but fight for freedom.", good_set)
    assert negated.frames[0].invoked and negated.frames[0].negated_terms == ("hero*",)
    assert negated.frames[0].terms == ("freedom",)  # "but" ends the scope of "n't"
    (cue,) = negated.cues
    assert (cue.cue, cue.scope) == ("n't", (3,))


def test_explain_refuses_an_empty_sentence(good_set):
    with pytest.raises(InputError):
        explain_sentence("   ", good_set)


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------


def test_json_keeps_field_order_and_is_deterministic(good_set):
    first = to_json(describe_set(good_set))
    assert first == to_json(describe_set(load_lexicons(GOOD)))
    data = json.loads(first)
    assert list(data) == [
        "name",
        "description",
        "source",
        "negation_cues",
        "scope_breakers",
        "frames",
    ]
    assert list(data["frames"][0])[:3] == ["id", "label", "description"]
    problems = json.loads(to_json(validate_path(BROKEN)))
    assert list(problems[0]) == ["path", "line", "severity", "message"]


def test_validate_a_dictionary_in_an_unknown_format_reports_the_load_error(write):
    path = write("lex/words.xyz", "hero\n")
    (problem,) = validate_path(path)
    assert (problem.path, problem.line, problem.severity) == (str(path), None, ERROR)


def test_frames_built_in_code_work_too():
    frame = Frame("f", "F", "", "#000000", (parse_term("brave*", line=None),), "<code>")
    lexicons = LexiconSet("code", (frame,), "<code>", ("not",))
    assert explain_sentence("Not brave.", lexicons).matches[0].negated
