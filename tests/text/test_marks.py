"""Quotation marks: one definition, consistent with the tokenizer and the fold to ASCII."""

from __future__ import annotations

from framing.text.marks import (
    AFTER_CLOSING,
    BEFORE_OPENING,
    CLOSING_DOUBLE,
    DOUBLE_MARK_RE,
    DOUBLE_MARKS,
    FOLD_TO_ASCII,
    OPENING_DOUBLE,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    TYPOGRAPHIC,
)
from framing.text.segment import tokenize


def test_double_marks_face_one_way_or_none():
    assert OPENING_DOUBLE.isdisjoint(CLOSING_DOUBLE)
    assert STRAIGHT_DOUBLE not in OPENING_DOUBLE | CLOSING_DOUBLE
    assert {"“", "«", "„", "”", "»", '"'} == DOUBLE_MARKS


def test_the_regex_finds_exactly_the_double_marks():
    text = "“a” «b» „c“ \"d\" ‘e’ 'f' ‹g› ‚h‛ ‟i"
    assert {m.group() for m in DOUBLE_MARK_RE.finditer(text)} == DOUBLE_MARKS


def test_every_double_mark_is_a_token_of_its_own():
    for mark in DOUBLE_MARKS:
        assert tokenize(f"a{mark}b{mark} c") == ["a", mark, "b", mark, "c"]


def test_typographic_marks_fold_one_for_one_to_ascii():
    assert set(FOLD_TO_ASCII) == TYPOGRAPHIC
    assert set(FOLD_TO_ASCII.values()) == {STRAIGHT_DOUBLE, STRAIGHT_SINGLE}
    assert all(len(mark) == 1 for mark in TYPOGRAPHIC)
    assert OPENING_DOUBLE | CLOSING_DOUBLE <= TYPOGRAPHIC
    assert all(FOLD_TO_ASCII[mark] == STRAIGHT_DOUBLE for mark in OPENING_DOUBLE | CLOSING_DOUBLE)


def test_context_characters_are_not_words_or_spaces():
    for ch in BEFORE_OPENING | AFTER_CLOSING:
        assert not ch.isalnum() and not ch.isspace()
