"""Tests of framing.analysis.significance.references."""

from __future__ import annotations

from framing.analysis.significance.references import join_references, refer, refer_all
from tests.analysis.significance.helpers import make_outlets


def test_outlets_with_one_or_two_articles_are_named_by_their_articles():
    one, two, three = make_outlets(("Military.com", 1), ("People", 2), ("Reuters", 3))
    assert refer(one).text == "Military.com's article" and refer(one).few
    assert refer(two).text == "People's two articles" and refer(two).plural
    assert refer(two).verb("puts", "put") == "put"
    assert refer(three).text == "Reuters" and not refer(three).few
    assert refer(three).verb("puts", "put") == "puts"
    assert refer(three, min_articles=5).text == "Reuters's three articles"
    refs = refer_all((one, two))
    assert (
        join_references(list(refs.values())) == "Military.com's article and People's two articles"
    )
