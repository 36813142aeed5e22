"""Tests of framing.analysis.significance.caveat."""

from __future__ import annotations

from framing.analysis.significance.caveat import independence_note, small_sample_caveat
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


def test_independence_note_says_what_treating_sentences_as_independent_means():
    single = independence_note(make_outlets(("Military.com", 1), ("People", 1)))
    assert single is not None
    assert single.startswith(
        "Each outlet is represented by one article, so the intervals and tests treat the "
        "article's sentences as independent of one another. They are not"
    )
    assert "narrower" in single and "not how the outlets frame the story" in single
    mixed = independence_note(make_outlets(("A", 2), ("B", 7), ("C", 3)))
    assert mixed is not None
    assert mixed.startswith("For A and C (fewer than five articles each), the intervals")
    assert mixed.endswith("allow for how much their articles differ.")
    assert independence_note(make_outlets(("A", 5), ("B", 9))) is None
    # Quick mode ran no tests: the note speaks of the intervals only.
    quick = independence_note(make_outlets(("A", 1), ("B", 1)), tests=False)
    assert quick is not None and "test" not in quick
    assert "so the intervals treat the article's sentences as independent" in quick
