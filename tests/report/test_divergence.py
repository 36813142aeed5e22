"""Tests for the divergence section: highlighted evidence side by side, negated counts."""

from __future__ import annotations


def test_evidence_highlights_the_right_substring(page_without_js: str) -> None:
    # Each match is focusable and described by its frame and lexicon entry.
    frame = "Rioters &lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert (
        'Police said the <mark class="hit" tabindex="0" '
        f'aria-description="{frame} · lexicon entry: riot*">rioters</mark> were not '
        '<mark class="hit negated" tabindex="0" aria-description="Negated, not counted · '
        f'{frame} · lexicon entry: peaceful protesters">peaceful protesters</mark> at all.'
    ) in page_without_js
    assert (
        f'<mark class="hit" tabindex="0" aria-description="{frame} · lexicon entry: riot*">'
        "riot</mark> line."
    ) in page_without_js


def test_evidence_side_by_side_and_empty_side(page_without_js: str) -> None:
    first = page_without_js.split('id="divergence-1"')[1].split("</article>")[0]
    assert first.count('<div class="side">') == 2
    assert "They were <mark" in first and "</mark> fighters fled." in first
    assert "Base secured" in first  # document title
    assert "mil-2" in first  # document without title shown by id
    assert "No sentence from &lt;script&gt;alert(1)&lt;/script&gt; invokes this frame." in first


def test_negated_counts_shown_when_non_zero(page_without_js: str) -> None:
    second = page_without_js.split('id="divergence-2"')[1].split("</article>")[0]
    assert "People: 2 negated mentions, not counted." in second
    first = page_without_js.split('id="divergence-1"')[1].split("</article>")[0]
    assert "negated mention" not in first
