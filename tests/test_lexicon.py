from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicons.load import load_lexicons, parse_term
from framing.lexicons.match import Matcher, negation_scope
from framing.resources import default_lexicons
from tests.conftest import make_sentence


def hits_of(lexicon_dir, text):
    matcher = Matcher(load_lexicons(lexicon_dir))
    return [(h.frame, h.term, h.surface, h.negated) for h in matcher.match(make_sentence(text))]


def test_default_set_has_the_three_story_frames():
    lexicons = load_lexicons(default_lexicons())
    assert lexicons.frame_ids == (
        "goodwill_fighters",
        "possible_extremists",
        "unprotected_civilians",
    )
    for frame in lexicons.frames:
        assert frame.label and frame.description and frame.colour.startswith("#")
        assert len(frame.terms) >= 10


def test_story_subject_words_are_in_no_frame():
    lexicons = load_lexicons(default_lexicons())
    matcher = Matcher(lexicons)
    text = "Volunteers and foreign fighters from America join Ukraine against Russia's army."
    assert matcher.match(make_sentence(text)) == []


def test_words_phrases_and_wildcards_match(two_frames):
    found = hits_of(
        two_frames,
        "Heroes of the Geneva Conventions were prosecuted, said people of goodwill.",
    )
    assert found == [
        ("heroic", "hero*", "heroes", False),
        ("legal", "geneva convention*", "geneva conventions", False),
        ("legal", "prosecut*", "prosecuted", False),
        ("heroic", "people of goodwill", "people of goodwill", False),
    ]


def test_matching_ignores_case_and_typographic_quotes(two_frames):
    assert hits_of(two_frames, "No “POW STATUS” here")[0][:3] == (
        "legal",
        "pow status",
        "pow status",
    )


def test_negated_term_is_reported_not_counted(two_frames):
    found = hits_of(two_frames, "This is not heroes who are coming, it is freedom.")
    assert found == [("heroic", "hero*", "heroes", True), ("heroic", "freedom", "freedom", False)]


def test_seed_sentence_mercenaries_is_negated():
    found = hits_of(
        default_lexicons(), "“This is not mercenaries who are coming to earn money,” he said."
    )
    assert found and all(negated for *_, negated in found)


def test_negation_reaches_into_an_opening_quote_but_stops_at_a_closing_one():
    assert hits_of(default_lexicons(), 'so as not to make them "mercenaries."')[0][3] is True
    found = hits_of(
        default_lexicons(), '"They\'re not going to get any breaks" under international law'
    )
    assert ("unprotected_civilians", "international law", "international law", False) in found


def test_cue_inside_a_term_does_not_negate_it():
    found = hits_of(
        default_lexicons(), "It's just that you don't have the protection of your own government"
    )
    assert found == [
        ("unprotected_civilians", "don't have the protection", "do n't have the protection", False)
    ]


def test_negation_scope_and_pseudo_negation():
    tokens = ["not", "only", "heroes", ",", "never", "heroes", "but", "heroes"]
    assert negation_scope(tokens, frozenset({"not", "never"})) == [
        None, None, None, None, None, 4, None, None,
    ]  # fmt: skip


def test_longest_match_wins_within_a_frame(write, tmp_path):
    write("lx/f.toml", 'id = "f"\nterms = ["white supremacist*", "supremacists"]\n')
    assert hits_of(tmp_path / "lx", "white supremacists") == [
        ("f", "white supremacist*", "white supremacists", False)
    ]


def test_parse_term_kinds_and_errors():
    assert parse_term("radicali*").kind == "wildcard"
    assert parse_term("people of goodwill").kind == "phrase"
    assert parse_term("freedom").kind == "word"
    for bad in ["", "rad*ical", "*", "!!", "word *"]:
        with pytest.raises(ValueError):
            parse_term(bad)


def test_toml_syntax_error_names_file_and_line(write):
    path = write("bad/f.toml", 'id = "f"\nterms = ["a",\nlabel = \n')
    with pytest.raises(LexiconError, match=r"f\.toml:\d+: TOML syntax error"):
        load_lexicons(path.parent)


def test_frame_with_no_terms_is_an_error(write):
    path = write("bad/f.toml", 'id = "f"\nlabel = "F"\nterms = []\n')
    with pytest.raises(LexiconError, match=r"f\.toml:3: frame has no terms"):
        load_lexicons(path)


def test_bad_term_is_reported_with_its_line(write):
    path = write("bad/f.toml", 'id = "f"\nterms = [\n  "fine",\n  "ra*dical",\n]\n')
    with pytest.raises(LexiconError, match=r"f\.toml:4: .*only allowed at the end"):
        load_lexicons(path)


def test_unknown_key_and_duplicate_ids_are_errors(write, tmp_path):
    write("u/f.toml", 'id = "f"\ntrems = ["a"]\n')
    with pytest.raises(LexiconError, match="unknown key 'trems'"):
        load_lexicons(tmp_path / "u")
    write("d/a.toml", 'id = "same"\nterms = ["a"]\n')
    write("d/b.toml", 'id = "same"\nterms = ["b"]\n')
    with pytest.raises(LexiconError, match="frame id 'same' is also defined"):
        load_lexicons(tmp_path / "d")


def test_missing_or_empty_lexicon_folder_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon"):
        load_lexicons(tmp_path / "none")
    (tmp_path / "empty").mkdir()
    with pytest.raises(LexiconError, match=r"no \.toml frame files"):
        load_lexicons(tmp_path / "empty")


def test_set_file_configures_negation_and_is_not_a_frame(write, tmp_path):
    write("s/f.toml", 'id = "f"\nterms = ["heroes"]\n')
    write("s/_set.toml", 'name = "mine"\nnegation_cues = ["seldom"]\nscope_breakers = ["and"]\n')
    lexicons = load_lexicons(tmp_path / "s")
    assert lexicons.name == "mine" and lexicons.frame_ids == ("f",)
    matcher = Matcher(lexicons)
    negated = [h.negated for h in matcher.match(make_sentence("seldom heroes and heroes"))]
    assert negated == [True, False]
    assert [h.negated for h in matcher.match(make_sentence("not heroes"))] == [False]


def test_bundled_set_file_lists_the_default_negation_settings():
    from framing.lexicons.load import DEFAULT_NEGATION_CUES
    from framing.model import DEFAULT_SCOPE_BREAKERS

    lexicons = load_lexicons(default_lexicons())
    assert lexicons.negation_cues == DEFAULT_NEGATION_CUES
    assert lexicons.scope_breakers == DEFAULT_SCOPE_BREAKERS


def test_bad_set_file_is_an_error_with_line(write, tmp_path):
    write("s/f.toml", 'id = "f"\nterms = ["heroes"]\n')
    write("s/_set.toml", 'negation_cues = [\n  "not",\n  "not at all",\n]\n')
    with pytest.raises(LexiconError, match=r"_set\.toml:3: .*'not at all' must be a single word"):
        load_lexicons(tmp_path / "s")


def test_wildcards_of_different_lengths_sharing_a_head(write, tmp_path):
    write("w/a.toml", 'id = "a"\nterms = ["rad*"]\n')
    write("w/b.toml", 'id = "b"\nterms = ["radicali*", "nazi*"]\n')
    found = hits_of(tmp_path / "w", "Radicalized neo-nazis, radar, ra, nazis.")
    assert found == [
        ("a", "rad*", "radicalized", False),
        ("b", "radicali*", "radicalized", False),
        ("a", "rad*", "radar", False),
        ("b", "nazi*", "nazis", False),
    ]


def test_large_lexicon_finds_every_planted_term(write, tmp_path):
    import random

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = sorted(
        {"".join(rng.choice(letters) for _ in range(rng.randint(5, 9))) for _ in range(3000)}
    )
    planted = words[:40]
    entries = [f'"{w}"' for w in words[:1500]] + [f'"{w[:4]}{w[4:6]}*"' for w in words[1500:]]
    write("big/f.toml", 'id = "f"\nterms = [' + ", ".join(entries) + "]\n")
    text = " ".join(f"{w} filler," for w in planted)
    found = hits_of(tmp_path / "big", text)
    assert [surface for _, _, surface, _ in found] == planted
