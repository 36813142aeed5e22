"""Tests for the view models the report's sections share: evidence highlighting."""

from __future__ import annotations

from framing.model import MatchSpan
from framing.report.common import highlight_segments


def _m(start: int, end: int, term: str = "t", negated: bool = False) -> MatchSpan:
    return MatchSpan(term, term, start, end, negated)


def test_segments_plain_text_without_matches() -> None:
    assert highlight_segments("no hits here", ()) == [("no hits here", None)]
    assert highlight_segments("", (_m(0, 3),)) == []


def test_segments_spans_at_start_and_end() -> None:
    a, b = _m(0, 3, "abc"), _m(8, 11, "xyz")
    assert highlight_segments("abc def xyz", (b, a)) == [("abc", a), (" def ", None), ("xyz", b)]


def test_segments_adjacent_spans_stay_separate() -> None:
    a, b = _m(0, 2, "ab"), _m(2, 4, "cd")
    assert highlight_segments("abcd!", (a, b)) == [("ab", a), ("cd", b), ("!", None)]


def test_segments_overlapping_spans_cover_text_once() -> None:
    text = "the unlawful combatant fled"
    long = _m(4, 22, "unlawful combatant")
    inner = _m(13, 22, "combatant")
    tail = _m(13, 27, "combatant fled")
    segments = highlight_segments(text, (inner, tail, long))
    assert "".join(s for s, _ in segments) == text
    # The longer span wins its whole range; the overlapping tail keeps its remainder.
    assert segments == [("the ", None), ("unlawful combatant", long), (" fled", tail)]


def test_segments_identical_start_prefers_longer_span() -> None:
    short, longer = _m(0, 3, "abc"), _m(0, 7, "abc def")
    assert highlight_segments("abc def", (short, longer)) == [("abc def", longer)]


def test_segments_clamp_and_ignore_bad_spans() -> None:
    text = "abcdef"
    beyond, empty, backwards = _m(4, 99, "ef"), _m(2, 2, "x"), _m(3, 1, "y")
    before = _m(-5, 1, "a")
    assert highlight_segments(text, (beyond, empty, backwards, before)) == [
        ("a", before),
        ("bcd", None),
        ("ef", beyond),
    ]


def test_segments_always_rejoin_to_text() -> None:
    text = "0123456789"
    spans = [_m(s, e) for s in range(-1, 12, 2) for e in range(s, 13, 3)]
    segments = highlight_segments(text, spans)
    assert "".join(s for s, _ in segments) == text
    assert all(s for s, _ in segments)
