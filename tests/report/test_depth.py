"""Tests for the in-depth sections' views: prominence and tone, how the comparison holds up."""

from __future__ import annotations

from framing.analysis.pipeline import analyse
from framing.model import AnalysisOptions
from framing.report.depth import prominence_view, tone_word


def test_tone_words_cover_the_scale():
    assert [tone_word(x) for x in (-1.0, -0.2, 0.0, 0.2, 1.0)] == [
        "negative",
        "slightly negative",
        "neutral",
        "slightly positive",
        "positive",
    ]


def test_prominence_view_on_the_seeds(seeds_corpus, default_lexicon_set):
    analysis = analyse(seeds_corpus, default_lexicon_set, options=AnalysisOptions(n_bootstrap=200))
    view = prominence_view(analysis)
    assert [h.outlet for h in view.headlines] == ["Military.com", "Arab News", "People"]
    # People is one article: the reading is about the article.
    assert view.reading == (
        "People's article puts Legally unprotected civilians in its headline or lede."
    )
    people_row = dict(view.table.rows)["People"]
    assert people_row[2] == "8% → 12%"


def test_many_headlines_are_sampled_per_outlet_and_counted(seeds_corpus, default_lexicon_set):
    import dataclasses

    from framing.model import HEADLINE, Hit
    from framing.report.depth import HEADLINES_SHOWN

    analysis = analyse(seeds_corpus, default_lexicon_set, options=AnalysisOptions(depth=False))
    headlines = [s for s in analysis.sentences if s.part == HEADLINE]
    copies = [
        s._replace(id=100_000 + i * len(headlines) + j, text=f"{s.text} ({i})")
        for i in range(40)
        for j, s in enumerate(headlines)
    ]
    # The last copy of People's headline invokes the legal frame.
    framed = copies[-1]
    assert framed.outlet == "people"
    hit = Hit(framed.id, "unprotected_civilians", "pow", "pow", 0, 1, 1.0)
    big = dataclasses.replace(
        analysis,
        sentences=analysis.sentences + tuple(copies),
        hits=(*analysis.hits, hit),
    )
    view = prominence_view(big)
    assert view.n_headlines == 41 * len(headlines) > HEADLINES_SHOWN
    assert len(view.headlines) <= HEADLINES_SHOWN
    per_outlet = {o.name: 0 for o in analysis.outlets}
    for h in view.headlines:
        per_outlet[h.outlet] += 1
    assert len(set(per_outlet.values())) == 1  # an even sample: every outlet alike
    # The framed headline comes first among People's, though it is the last.
    people = [h for h in view.headlines if h.outlet == "People"]
    assert people[0].text == framed.text
    assert people[0].frames == ("Legally unprotected civilians",)
    counts = dict(view.headline_counts.rows)
    assert counts["People"][2] == "1 of 41"
    assert counts["Military.com"] == ("0 of 41", "0 of 41", "0 of 41")
    small = prominence_view(analysis)
    assert small.n_headlines == len(small.headlines) == 3


def test_pair_readings_are_capped_strongest_first(seeds_corpus, default_lexicon_set):
    import dataclasses

    from framing.report.depth import PAIRS_SHOWN, holds_up_view

    analysis = analyse(seeds_corpus, default_lexicon_set, options=AnalysisOptions(n_bootstrap=200))
    full = holds_up_view(analysis)
    assert full.n_pairs == len(full.pairs) == len(analysis.pairs) == 9
    # The readings are written from the pairs: replacing the pairs drops them.
    many = dataclasses.replace(analysis, pairs=analysis.pairs * 5, readings=None)
    view = holds_up_view(many)
    assert view.n_pairs == 45 and len(view.pairs) == PAIRS_SHOWN
    # Each pair's five copies rank together, in the order of the full list.
    assert view.pairs == tuple(r for r in full.pairs for _ in range(5))[:PAIRS_SHOWN]
    assert view.n_significant == 5 * full.n_significant


def test_holds_up_counts_only_differences_that_hold_on_both_counts(
    seeds_corpus, default_lexicon_set
):
    import dataclasses

    from framing.analysis.significance import is_clear
    from framing.report.depth import holds_up_view

    analysis = analyse(seeds_corpus, default_lexicon_set)
    view = holds_up_view(analysis)
    assert view.n_significant == sum(map(is_clear, analysis.pairs)) == 2
    assert [r.significant for r in view.pairs[:3]] == [True, True, False]
    assert "Fisher's exact test" in view.unit_note
    assert view.independence is not None
    assert view.independence.startswith("Each outlet is represented by one article")
    # A test that clears 0.05 with an interval that includes zero is not counted.
    first = analysis.pairs[0]
    odd = dataclasses.replace(first, q_value=0.01, p_value=0.01, ci95=(-0.01, 0.2))
    assert not is_clear(odd) and odd.is_significant()
    assert holds_up_view(dataclasses.replace(analysis, pairs=(odd,))).n_significant == 0


def test_prominence_reading_agrees_with_two_articles(seeds_corpus, default_lexicon_set):
    import dataclasses

    analysis = analyse(seeds_corpus, default_lexicon_set, options=AnalysisOptions(depth=False))
    outlets = tuple(
        dataclasses.replace(o, n_documents=2) if o.id == "people" else o for o in analysis.outlets
    )
    reading = prominence_view(dataclasses.replace(analysis, outlets=outlets)).reading
    assert reading == (
        "People's two articles put Legally unprotected civilians in a headline or lede."
    )
