"""Tests for the divergence section: highlighted evidence side by side, negated counts."""

from __future__ import annotations


def test_evidence_highlights_the_right_substring(page_without_js: str) -> None:
    # Each match is focusable and described by its frame and lexicon entry.
    frame = "Rioters &lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert (
        'Police said the <mark class="hit" data-reading="support" tabindex="0" '
        f'aria-description="{frame} · lexicon entry: riot*">rioters</mark> were not '
        '<mark class="hit negated" data-reading="deny" tabindex="0" '
        'aria-description="Negated, not counted · '
        f'{frame} · lexicon entry: peaceful protesters">peaceful protesters</mark> at all.'
    ) in page_without_js
    assert (
        '<mark class="hit" data-reading="support" tabindex="0" '
        f'aria-description="{frame} · lexicon entry: riot*">'
        "riot</mark> line."
    ) in page_without_js


def test_evidence_side_by_side_and_empty_side(page_without_js: str) -> None:
    first = page_without_js.split('id="divergence-1"')[1].split("</article>")[0]
    assert first.count('<div class="side">') == 2
    assert "They were <mark" in first and "</mark> fighters fled." in first
    assert "Base secured" in first  # document title
    assert "mil-2" in first  # document without title shown by id
    # The outlet is one article: the report speaks of its article.
    assert (
        "No sentence from &lt;script&gt;alert(1)&lt;/script&gt;&#39;s article invokes this frame."
    ) in first


def test_negated_counts_shown_when_non_zero(page_without_js: str) -> None:
    second = page_without_js.split('id="divergence-2"')[1].split("</article>")[0]
    assert "People: 2 negated mentions, not counted." in second
    first = page_without_js.split('id="divergence-1"')[1].split("</article>")[0]
    assert "negated mention" not in first


def test_divergence_reads_as_the_summary_and_names_its_sides(page_without_js: str) -> None:
    first = page_without_js.split('id="divergence-1"')[1].split("</article>")[0]
    assert (
        '<p class="reading">In Military.com&#39;s two articles, 38% of sentences (46 of 120) '
        "invoke Legally unprotected civilians; in &lt;script&gt;alert(1)&lt;/script&gt;&#39;s "
        "article, none (0 of 50). A gap of 38 percentage points (95% interval 30 to 46).</p>"
    ) in first
    assert '<span class="side-label">Highest share</span> Military.com&#39;s two articles' in first
    assert '<span class="side-label">Lowest share</span> &lt;script&gt;' in first
    second = page_without_js.split('id="divergence-2"')[1].split("</article>")[0]
    assert "No clear difference: 20 percentage points" in second
    assert "gap of" not in second
