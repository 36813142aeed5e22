"""Reading TOML frame files and a set's _set.toml (framing.lexicons.toml_files)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from framing.errors import LexiconError
from framing.lexicons.match import Matcher
from framing.lexicons.toml_files import TermLines, load_frame, load_toml_set
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


def test_set_file_replaces_the_default_concern_cues(write, tmp_path):
    write("s/f.toml", 'id = "f"\nterms = ["extremists"]\n')
    lexicons = load_toml_set(tmp_path / "s")
    assert "fear that" in lexicons.concern_cues
    assert "fear that" not in lexicons.distancing_cues
    write("s/_set.toml", 'concern_cues = ["there is a risk"]\n')
    lexicons = load_toml_set(tmp_path / "s")
    assert lexicons.concern_cues == ("there is a risk",)
    hits = Matcher(lexicons).match(make_sentence("there is a risk some are extremists"))
    assert [(h.reading, h.cue) for h in hits] == [("uncertain", "there is a risk")]
    hits = Matcher(lexicons).match(make_sentence("officials fear that some are extremists"))
    assert [(h.reading, h.cue) for h in hits] == [("support", None)]


def test_set_file_replaces_the_default_dismissal_cues(write, tmp_path):
    write("s/f.toml", 'id = "f"\nterms = ["heroes"]\n')
    lexicons = load_toml_set(tmp_path / "s")
    assert "irrelevant" in lexicons.dismissal_cues
    write("s/_set.toml", 'dismissal_cues = ["beside the point"]\n')
    lexicons = load_toml_set(tmp_path / "s")
    assert lexicons.dismissal_cues == ("beside the point",)
    hits = Matcher(lexicons).match(make_sentence("the heroes are beside the point"))
    assert [h.reading for h in hits] == ["rebut"]


def test_set_file_replaces_the_default_label_nouns(write, tmp_path):
    write("s/f.toml", 'id = "f"\nterms = ["heroes"]\n')
    lexicons = load_toml_set(tmp_path / "s")
    assert "label" in lexicons.label_nouns
    write("s/_set.toml", 'label_nouns = ["moniker"]\n')
    lexicons = load_toml_set(tmp_path / "s")
    assert lexicons.label_nouns == ("moniker",)
    matcher = Matcher(lexicons)
    hits = matcher.match(make_sentence("they are heroes, a moniker critics reject"))
    assert [h.reading for h in hits] == ["rebut"]
    hits = matcher.match(make_sentence("they are heroes, a label critics reject"))
    assert [h.reading for h in hits] == ["support"]


def test_bad_set_file_is_an_error_with_line(write, tmp_path):
    write("s/f.toml", 'id = "f"\nterms = ["heroes"]\n')
    write("s/_set.toml", 'negation_cues = [\n  "not",\n  "not at all",\n]\n')
    with pytest.raises(LexiconError, match=r"_set\.toml:3: .*'not at all' must be a single word"):
        load_toml_set(tmp_path / "s")


# --------------------------------------------------------------------------
# The line of each term
# --------------------------------------------------------------------------


def test_each_term_gets_the_line_it_is_written_on(write):
    path = write(
        "lines/f.toml",
        'id = "f"\n'  # 1
        'label = "hero"\n'  # 2: before the terms key, so not the line of "hero"
        "terms = [\n"  # 3
        '    "brave", "hero",\n'  # 4: two terms on one line
        "    # 'freedom' is quoted in this comment first\n"  # 5
        "    'freedom',\n"  # 6: a literal string
        '    { term = "pow status", weight = 0.5 }, "brave",\n'  # 7: "brave" again
        '    "\\"quoted\\" hero*",\n'  # 8: escaped quotes are not found as written
        "    '\"quoted\" hero*',\n"  # 9: the same term as a literal string
        '    "caf\\u00e9",\n'  # 10: written with an escape, quoted nowhere
        '    "it\'s",\n'  # 11: a quote inside the term
        "]\n"
        "description = \"heroic, 'café'\"\n",  # 13: after the terms key
    )
    frame = load_frame(path)
    # The lines come from the scanner the validator uses: comments, escapes and
    # repeats do not mislead it, as a search for the quoted text would be.
    assert [(t.text, t.line) for t in frame.terms] == [
        ("brave", 4),
        ("hero", 4),
        ("freedom", 6),
        ("pow status", 7),
        ("brave", 7),
        ('"quoted" hero*', 8),
        ('"quoted" hero*', 9),
        ("café", 10),
        ("it's", 11),
    ]


def test_terms_on_one_line_and_without_a_terms_key_line(write):
    one_line = write("one/f.toml", 'id = "f"\nterms = ["a", "b", \'c\']\n')
    assert [t.line for t in load_frame(one_line).terms] == [2, 2, 2]
    # A quoted key is a key like any other.
    quoted_key = write("quoted/f.toml", 'id = "a"\n"terms" = [\n  "a",\n  "b",\n]\n')
    assert [t.line for t in load_frame(quoted_key).terms] == [3, 4]


class CountingLines(Sequence[str]):
    """File lines that count how often one is read."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self.reads = 0

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, index):
        self.reads += 1
        return self._lines[index]


def test_finding_the_lines_of_20000_terms_reads_each_line_once():
    texts = [f"term{i}" + (" phrase" if i % 7 == 0 else "") for i in range(20_000)]
    lines = CountingLines(
        ['id = "big"', "terms = ["]
        + [f'    "{text}",' for text in texts[:-2]]
        + [f'    "{texts[-2]}", {{ term = "{texts[-1]}", weight = 2 }},', "]"]
    )
    term_line = TermLines(lines, 2)
    found = [term_line(text) for text in texts]
    assert found == [*range(3, 3 + len(texts) - 1), 3 + len(texts) - 2]
    assert lines.reads <= len(lines)


def test_a_20000_term_frame_file_loads_with_every_line(write):
    entries = [
        f'    {{ term = "w{i}", weight = 0.5 }},' if i % 5 == 0 else f'    "w{i} x",'
        for i in range(20_000)
    ]
    path = write("big/f.toml", 'id = "big"\nterms = [\n' + "\n".join(entries) + "\n]\n")
    terms = load_frame(path).terms
    assert len(terms) == 20_000
    assert [t.line for t in terms] == list(range(3, 20_003))


def test_contexts_of_another_sense_come_from_the_frame_and_the_term(write, tmp_path):
    """A frame's ``unless_followed_by`` applies to each term; a term's adds to it."""
    write(
        "c/f.toml",
        'id = "f"\nunless_followed_by = ["units"]\nterms = [\n'
        '  { term = "extremist", unless_followed_by = ["regiment"],'
        ' unless_preceded_by = ["units with"] },\n  "radical",\n]\n',
    )
    frame = load_toml_set(tmp_path / "c").frames[0]
    extremist, radical = frame.terms
    assert extremist.unless_followed_by == (("units",), ("regiment",))
    assert extremist.unless_preceded_by == (("units", "with"),)
    assert radical.unless_followed_by == (("units",),) and radical.unless_preceded_by == ()
    matcher = Matcher(load_toml_set(tmp_path / "c"))
    found = [h.surface for h in matcher.match(make_sentence("radical units and radical men"))]
    assert found == ["radical"]


def test_a_context_that_is_not_a_list_of_phrases_is_an_error(write, tmp_path):
    write("c/f.toml", 'id = "f"\nterms = [{ term = "x", unless_followed_by = "units" }]\n')
    with pytest.raises(LexiconError, match=r"f\.toml:2: unless_followed_by must be a list"):
        load_toml_set(tmp_path / "c")


def test_a_sets_contexts_apply_to_every_frame(write, tmp_path):
    """``unless_preceded_by`` in ``_set.toml``: those fighting for the other side are others."""
    write("s/a.toml", 'id = "a"\nterms = ["prosecuted"]\n')
    write("s/b.toml", 'id = "b"\nunless_preceded_by = ["rebels {0,1}"]\nterms = ["heroes"]\n')
    write("s/_set.toml", 'unless_preceded_by = ["for the enemy {0,3}"]\n')
    lexicons = load_toml_set(tmp_path / "s")
    assert lexicons.frames[1].terms[0].unless_preceded_by == (
        ("for", "the", "enemy", "{0,3}"),
        ("rebels", "{0,1}"),
    )
    matcher = Matcher(lexicons)

    def found(text: str) -> list[str]:
        return [h.surface for h in matcher.match(make_sentence(text))]

    assert found("Those fighting for the enemy would be prosecuted.") == []
    assert found("Those fighting for the enemy are heroes.") == []
    assert found("Volunteers would be prosecuted, unlike those fighting for the enemy.") == [
        "prosecuted"
    ]
    assert found("For the enemy, volunteers would be prosecuted.") == ["prosecuted"]
    assert found("The volunteers are heroes, the rebels heroes too.") == ["heroes"]
