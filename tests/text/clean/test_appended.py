"""Tests for appended-story detection (framing.text.clean.appended).

The articles are invented, in ``tests/data/clean/``.
"""

from __future__ import annotations

import dataclasses

import pytest

from framing.model import Corpus
from framing.text.clean.appended import APPENDED_STORY_MAX_SIMILARITY
from framing.text.clean.corpus import clean_corpus
from framing.text.clean.rules import (
    REASON_BYLINE,
    REASON_CAPTION,
    REASON_FURNITURE,
    REASON_REPEATED,
)
from tests.text.clean.conftest import (
    APPENDED,
    clean_one,
    fixture,
    nonblank,
    source_lines,
    spans,
)


def flood_corpus() -> Corpus:
    return Corpus((fixture("flood_appended"), fixture("flood_other_a"), fixture("flood_other_b")))


def test_appended_story_is_removed_as_one_span() -> None:
    doc = fixture("flood_appended")
    result = clean_corpus(flood_corpus())
    removed = spans(result, "flood_appended")
    assert [(line, reason) for line, reason, _ in removed[:-1]] == [
        (3, REASON_CAPTION),
        (4, REASON_FURNITURE),
        (6, REASON_REPEATED),
    ]
    line, reason, text = removed[-1]
    assert line == 19
    match = APPENDED.fullmatch(reason)
    assert match, reason
    assert float(match.group(1)) < APPENDED_STORY_MAX_SIMILARITY
    assert float(match.group(2)) < 0.1  # the cosine itself is small too
    assert text == "\n".join(source_lines(doc)[18:]).rstrip("\n")

    clean = result.documents[0]
    assert clean.headline == "Riverside town counts the cost as floodwaters recede"
    assert clean.paragraphs == tuple(nonblank(source_lines(doc)[7:16]))
    assert clean.paragraphs[-1].startswith("Forecasters expect more rain")
    # The other reports are untouched apart from a byline.
    assert spans(result, "flood_other_a") == [(3, REASON_BYLINE, "By Sarah Lindqvist")]
    assert spans(result, "flood_other_b") == []


def test_appended_story_in_single_document_corpus() -> None:
    doc = fixture("flood_appended")
    result = clean_corpus(Corpus((doc,)))
    line, reason, text = spans(result)[-1]
    assert line == 19
    assert APPENDED.fullmatch(reason), reason
    assert text.splitlines()[-1] == source_lines(doc)[-2]
    assert result.documents[0].paragraphs == tuple(nonblank(source_lines(doc)[7:16]))


def test_appended_story_does_not_depend_on_the_other_documents() -> None:
    # The same page is cleaned the same way, to the reason's figures, alone,
    # with reports on the same topic (many of them), and with other topics.
    doc = fixture("flood_appended")
    same_topic = [fixture("flood_other_a"), fixture("flood_other_b")]
    many = [
        dataclasses.replace(other, id=f"{other.id}-{k}") for k in range(10) for other in same_topic
    ]
    corpora = [
        Corpus((doc,)),
        Corpus((doc, *same_topic)),
        Corpus((*many, doc)),
        Corpus((doc, fixture("housing_subheads"))),
    ]
    results = [spans(clean_corpus(corpus), "flood_appended") for corpus in corpora]
    assert results[0][-1][0] == 19
    assert all(result == results[0] for result in results[1:])


def test_long_article_does_not_hide_an_appended_story() -> None:
    # An article three reports long shares more everyday words with any other
    # story than a short one does; the similarity is relative to each part's
    # own coherence, so the appended story is still found.
    lines = source_lines(fixture("flood_appended"))
    more = [
        line
        for name in ("flood_other_a", "flood_other_b")
        for line in source_lines(fixture(name))[4:]
        if line.strip()
    ]
    text = "\n".join(lines[:16] + more + lines[16:])
    doc, removed = clean_one(text)
    _, reason, story = removed[-1]
    assert APPENDED.fullmatch(reason), reason
    assert story.startswith("Young grandmaster wins city chess open")
    assert doc.paragraphs[-len(more) :] == tuple(line.strip() for line in more)


def test_short_unrelated_tail_is_not_cut() -> None:
    article = "\n".join(source_lines(fixture("flood_appended"))[:16])
    text = (
        article + "\n\n\nChess club opens in the old library\n\nUpdated 1 hour ago\n\n"
        "The club meets on Tuesdays and welcomes beginners of all ages.\n"
    )
    doc, removed = clean_one(text)
    assert [reason for _, reason, _ in removed] == [
        REASON_CAPTION,
        REASON_FURNITURE,
        REASON_REPEATED,
        REASON_FURNITURE,
    ]
    assert doc.paragraphs[-2:] == (
        "Chess club opens in the old library",
        "The club meets on Tuesdays and welcomes beginners of all ages.",
    )


@pytest.mark.parametrize("with_other_topic", [False, True])
def test_on_topic_subheads_are_not_cut(with_other_topic: bool) -> None:
    doc = fixture("housing_subheads")
    others = (fixture("flood_other_a"), fixture("flood_other_b")) if with_other_topic else ()
    result = clean_corpus(Corpus((doc, *others)))
    assert spans(result, "housing_subheads") == []
    clean = result.documents[0]
    lines = nonblank(source_lines(doc))
    assert clean.headline == lines[0]
    assert clean.paragraphs == tuple(lines[1:])
    assert "WHAT THE COUNCIL PLANS" in clean.paragraphs
