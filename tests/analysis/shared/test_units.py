"""What a unit is: words without punctuation, and quotations of their own (shared.units)."""

from __future__ import annotations

from framing.analysis.shared.groups import align_shared
from tests.analysis.shared.conftest import BACKGROUND, corpus, find


def test_punctuation_quotes_and_us_spelling_do_not_matter():
    a = "“So far, about 100 U.S. citizens have made the cut,” the attaché said."
    b = '"So far about 100 US citizens have made the cut" the attaché said'
    shared = align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)))
    assert shared.group_of(4) == shared.group_of(5) >= 0


def test_a_quote_marks_both_sentences_even_when_attribution_differs():
    quote = "Russians can be stopped only with hard fists and weapons"
    a = f"“{quote},” he said."
    b = (
        f'"{quote}," Kremenetskyi said in an interview with the news agency, which notes '
        "that he had just returned from a long meeting at the Pentagon."
    )
    shared = align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)))
    assert shared.group_of(4) == shared.group_of(5) >= 0
    assert shared.groups[0].quoted


def test_quote_with_rewritten_attribution_is_shared_through_the_quote(seeds):
    # "…weapons,” he said." against "…weapons," Kremenetskyi said in an interview
    # with the AP, which notes he'd just returned from the Pentagon.": as whole
    # sentences they are far apart; the quote carries them.
    sentences, _, shared = seeds
    arab = find(sentences, "arab-news", "hard fists")
    people = find(sentences, "people", "hard fists")
    assert "AP" in people.text and "AP" not in arab.text
    assert shared.group_of(arab.id) == shared.group_of(people.id) >= 0


def test_a_short_quote_does_not_mark_sentences():
    a = 'The ministry has received "thousands of requests" from foreigners, the deputy said.'
    b = 'Embassies around the world were flooded with "thousands of requests" this week.'
    shared = align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)))
    assert shared.groups == ()
    # With a lower minimum the three-word quote is a unit and aligns them.
    assert align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)), min_words=3).groups != ()


def test_a_quote_continued_across_sentences_is_aligned():
    a = "“We are fighting for our families, for our land and our homes."
    b = 'He told reporters: "We are fighting for our families, for our land and our homes.'
    shared = align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)))
    assert shared.group_of(4) == shared.group_of(5) >= 0
