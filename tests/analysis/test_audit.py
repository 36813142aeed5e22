"""Tests for framing.analysis.audit: which removed spans held a frame's terms."""

from __future__ import annotations

from framing.analysis.audit import distinct_terms, removed_hits
from framing.lexicons.load import load_lexicons
from framing.model import RemovedSpan


def test_removed_spans_are_read_like_sentences_with_negation(two_frames):
    lexicons = load_lexicons(two_frames)
    removed = (
        RemovedSpan(
            "d", "Heroes of the flood fill sandbags. (AP Photo/Jane Doe)", "photo caption", 3
        ),
        RemovedSpan("d", "Read more: They were not heroes, officials say", "related-link line", 9),
        RemovedSpan("d", "Advertisement", "page furniture", 12),
        RemovedSpan("d", "Heroes fill sandbags.", "repeated line", 15),
        RemovedSpan(
            "d",
            "Another story\n\nIt began quietly. Then the Geneva Conventions came up.\n"
            "Heroes? Heroes.",
            "appended unrelated story (relative similarity 0.10 to the article before it; "
            "cosine 0.02)",
            20,
        ),
    )
    found = removed_hits(removed, lexicons)
    assert len(found) == len(removed)
    caption, negated, furniture, repeated, story = found
    assert [(h.frame, h.term, h.surface) for h in caption] == [("heroic", "hero*", "heroes")]
    assert negated == ()  # "not heroes" would never have counted
    assert furniture == ()
    assert repeated == ()  # the kept copy is analysed: nothing is lost
    # A hit's "sentence" is its line in the span: source lines 22 and 23.
    assert [(h.sentence, h.term) for h in story] == [
        (2, "geneva convention*"),
        (3, "hero*"),
        (3, "hero*"),
    ]
    assert distinct_terms(story) == (
        ("legal", "geneva convention*", "geneva conventions"),
        ("heroic", "hero*", "heroes"),
    )


def test_no_removed_spans_no_hits(two_frames):
    assert removed_hits((), load_lexicons(two_frames)) == ()
