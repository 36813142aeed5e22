"""Fuzzing the lexicon parser and the matcher.

:func:`parse_term` turns any string into a term or a ``ValueError``;
:func:`load_toml_set` turns any frame file into a lexicon set or a
:class:`~framing.errors.LexiconError`; :meth:`Matcher.match_tokens` reads
any list of tokens, and its hits lie inside the sentence.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from framing.errors import LexiconError
from framing.lexicons.load import load_lexicons
from framing.lexicons.match import Matcher
from framing.lexicons.terms import parse_term
from framing.lexicons.toml_files import load_toml_set
from framing.resources import default_lexicons
from framing.text.segment import tokenize

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Pieces terms are made of: words, wildcards, gaps (well and badly formed), marks.
pieces = st.one_of(
    st.sampled_from(["hero*", "*", "{0,3}", "{3,1}", "{0,99}", "{x}", "{", "}", "n't", "'s",
                     "free\u200bdom", "ｆｒｅｅ", "-", "—", "\"", "'", "...", "   "]),
    st.text(min_size=1, max_size=8),
)  # fmt: skip
terms = st.lists(pieces, min_size=0, max_size=6).map(" ".join)


@FUZZ
@given(text=st.one_of(terms, st.text(max_size=40)))
def test_any_term_parses_or_says_why_not(text):
    try:
        term = parse_term(text)
    except ValueError as exc:
        assert str(exc)
        event("refused")
        return
    event("parsed")
    assert term.tokens and all(isinstance(t, str) and t for t in term.tokens)
    for end in (term.tokens[0], term.tokens[-1]):  # never a lone wildcard or a gap
        assert end != "*" and not re.fullmatch(r"\{\d+,\d+\}", end)


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes, but none for characters beyond U+FFFF."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


#: A frame file: mostly well formed with odd values, sometimes any text at all.
frame_files = st.one_of(
    st.builds(
        lambda fid, label, items, extra: (
            f"id = {_toml_string(fid)}\nlabel = {_toml_string(label)}\n"
            f"description = \"d\"\nterms = [{', '.join(items)}]\n{extra}"
        ),
        st.one_of(st.sampled_from(["f", "g", "h", "heroic", "a_b"]), st.text(max_size=8)),
        st.one_of(st.just("Label"), st.text(max_size=12)),
        st.lists(
            st.one_of(
                terms.map(_toml_string),
                st.builds(
                    lambda t, w: f"{{ term = {_toml_string(t)}, weight = {w} }}",
                    terms,
                    st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers()),
                ),
            ),
            max_size=5,
        ),
        st.sampled_from(["", "", "", 'colour = "#0072B2"\n', 'colour = "red"\n',
                         "unknown = 1\n", 'on_negation = "x"\n', "terms = []\n"]),
    ),
    st.text(max_size=200),
)  # fmt: skip


@FUZZ
@given(files=st.lists(frame_files, min_size=1, max_size=3))
def test_any_frame_files_load_or_give_a_lexicon_error(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(files):
            (folder / f"frame{i}.toml").write_text(text, encoding="utf-8", errors="replace")
        try:
            lexicons = load_toml_set(folder)
        except LexiconError as exc:
            assert str(exc)
            event("lexicon error: " + exc.detail[:40])
            return
        event("loaded")
        assert len(lexicons.frames) == len(files)
        assert all(frame.terms for frame in lexicons.frames)
        Matcher(lexicons)  # every loaded set can be matched with


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_lexicons(default_lexicons()))


def _vocabulary() -> list[str]:
    """Tokens that make the matcher work: its terms' words, cues, marks."""
    lexicons = load_lexicons(default_lexicons())
    words = {t.rstrip("*") or "x" for f in lexicons.frames for term in f.terms for t in term.tokens
             if not t.startswith("{")}  # fmt: skip
    words |= set(lexicons.negation_cues) | set(lexicons.scope_breakers)
    words |= set(tokenize("not no never n't whether , . ; “ ” \" ( ) — that said claimed"))
    return sorted(words)


VOCABULARY = _vocabulary()


@FUZZ
@given(
    tokens=st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=6)), max_size=40),
    previous=st.lists(st.sampled_from(VOCABULARY), max_size=10),
    part=st.sampled_from([None, "headline", "body"]),
)
def test_any_tokens_are_matched_with_hits_inside_the_sentence(matcher, tokens, previous, part):
    text = " ".join(tokens)
    hits = matcher.match_tokens(tokens, previous=previous, text=text, part=part)
    event(f"{min(len(hits), 3)}{'+' if len(hits) > 3 else ''} hits")
    frames = set(matcher.lexicons.frame_ids)
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(tokens)
        assert hit.frame in frames
    assert [(h.start, h.frame) for h in hits] == sorted((h.start, h.frame) for h in hits)
    assert matcher.match_tokens(tokens, previous=previous, text=text, part=part) == hits


@FUZZ
@given(text=st.text(max_size=200))
def test_any_text_is_tokenized_and_matched(matcher, text):
    tokens = tokenize(text)
    assert all(tokens)
    matcher.match_tokens(tokens, text=text)
