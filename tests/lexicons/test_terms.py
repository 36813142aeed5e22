"""Parsing terms as written (framing.lexicons.terms)."""

from __future__ import annotations

import pytest

from framing.lexicons.terms import parse_term


def test_parse_term_kinds_and_errors():
    assert parse_term("radicali*").kind == "wildcard"
    assert parse_term("people of goodwill").kind == "phrase"
    assert parse_term("freedom").kind == "word"
    for bad in ["", "rad*ical", "*", "!!", "word *"]:
        with pytest.raises(ValueError):
            parse_term(bad)
