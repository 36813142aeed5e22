from __future__ import annotations

from framing.model import AnalysisOptions
from framing.pipeline import analyse
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
    assert view.reading == "People puts Legally unprotected civilians in a headline or lede."
    people_row = dict(view.table.rows)["People"]
    assert people_row[2] == "8% → 12%"
