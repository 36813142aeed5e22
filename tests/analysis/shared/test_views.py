"""Shared fractions and frames by origin (shared.views)."""

from __future__ import annotations

import pytest

from framing.analysis.shared.groups import align_shared
from framing.analysis.shared.views import frames_by_origin, outlet_shared_fraction
from framing.model import Hit
from tests.analysis.shared.conftest import BACKGROUND, CONTRACT, corpus


def test_seed_views(seeds, default_lexicon_set):
    from framing.lexicons.match import match_sentences

    sentences, _, shared = seeds
    hits = match_sentences(sentences, default_lexicon_set)
    fraction = outlet_shared_fraction(shared, sentences)
    n_arab = sum(1 for s in sentences if s.outlet == "arab-news")
    assert list(fraction) == ["military-com", "arab-news", "people"]
    assert fraction["military-com"] == 0.0
    assert fraction["arab-news"] == pytest.approx(6 / n_arab)

    origin = frames_by_origin(shared, sentences, hits)
    # Arab News's extremism concerns are all its own material; the goodwill
    # frame comes half from the shared AP quotes.
    assert origin[("arab-news", "possible_extremists")] == (0, 5)
    assert origin[("arab-news", "goodwill_fighters")] == (3, 3)
    assert origin[("people", "goodwill_fighters")] == (3, 1)
    assert origin[("military-com", "unprotected_civilians")][0] == 0


def test_frames_by_origin_counts_only_non_negated_hits():
    sentences = corpus(*BACKGROUND, ("a", CONTRACT), ("b", CONTRACT), ("a", "Heroes all."))
    shared = align_shared(sentences)
    hits = [
        Hit(4, "heroic", "x", "x", 0, 1, 1.0),
        Hit(5, "heroic", "x", "x", 0, 1, 1.0, negated=True),
        Hit(6, "heroic", "hero*", "heroes", 0, 1, 1.0),
        Hit(6, "legal", "law", "law", 0, 1, 1.0, negated=True),
    ]
    origin = frames_by_origin(shared, sentences, hits)
    assert origin[("a", "heroic")] == (1, 1)
    assert origin[("b", "heroic")] == (0, 0)
    assert origin[("a", "legal")] == (0, 0)
