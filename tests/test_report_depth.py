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


def test_large_audit_is_summarised_but_keeps_every_appended_story(
    seeds_corpus, default_lexicon_set
):
    import dataclasses

    from framing.model import RemovedSpan
    from framing.report.html import AUDIT_SPANS_SHOWN, _documents_by_id, audit_view

    analysis = analyse(seeds_corpus, default_lexicon_set, options=AnalysisOptions(depth=False))
    routine = tuple(
        RemovedSpan("002_eeaa64c69777ef11", f"Follow {i}", "page furniture", i) for i in range(3000)
    )
    big = dataclasses.replace(analysis, removed=routine + analysis.removed)
    view = audit_view(big, _documents_by_id(big.documents))
    assert view.n_removed == 3000 + len(analysis.removed)
    assert view.n_shown == AUDIT_SPANS_SHOWN
    shown = [s.text for g in view.groups for s in g.spans]
    assert any("Takaichi" in t for t in shown)  # the appended story is always listed
    assert dict(view.reasons)["page furniture"] >= 3000
    small = audit_view(analysis, _documents_by_id(analysis.documents))
    assert small.n_shown == small.n_removed == len(analysis.removed)
