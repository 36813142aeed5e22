"""Tests of framing.analysis.significance.caveat."""

from __future__ import annotations

from framing.analysis.significance.caveat import small_sample_caveat
from tests.analysis.significance.helpers import make_outlets


def test_small_sample_caveat_names_single_article_outlets():
    outlets = make_outlets(("Military.com", 1), ("Reuters", 12), ("Arab News", 1), ("People", 1))
    caveat = small_sample_caveat(outlets)
    assert caveat.message == (
        "Military.com, Arab News and People are each represented by a single article: "
        "the differences describe these articles, not the outlets."
    )
    assert dict(caveat.small) == {
        "military-com": True, "reuters": False, "arab-news": True, "people": True,
    }  # fmt: skip
    assert caveat.outlets == ("military-com", "arab-news", "people")


def test_small_sample_caveat_plurals():
    one = small_sample_caveat(make_outlets(("People", 1), ("Reuters", 3)))
    assert one.message == (
        "People is represented by a single article: "
        "the differences describe this article, not the outlet."
    )
    two = small_sample_caveat(make_outlets(("People", 2), ("Reuters", 3)))
    assert two.message == (
        "People is represented by only two articles: "
        "the differences describe these articles, not the outlet."
    )
    mixed = small_sample_caveat(make_outlets(("A", 2), ("B", 1), ("C", 1), ("D", 9), ("E", 2)))
    assert mixed.message == (
        "B and C are each represented by a single article and A and E each by only two "
        "articles: the differences describe these articles, not the outlets."
    )
    none = small_sample_caveat(make_outlets(("A", 3), ("B", 4)))
    assert none.message is None and none.outlets == ()
    assert small_sample_caveat(make_outlets(("A", 4)), min_articles=5).outlets == ("a",)
