"""Distinctive vocabulary: terms per outlet, vocabulary similarity, lexicon candidates."""

from __future__ import annotations

from dataclasses import dataclass

from framing.model import Analysis
from framing.report.charts import ChartView, similarity_chart
from framing.report.format import format_score, plural, safe_colour


@dataclass(frozen=True)
class TermList:
    """A heading (outlet or frame) and its scored terms."""

    heading: str
    colour: str | None
    terms: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class VocabularyView:
    """Distinctive terms per outlet, similarity chart, lexicon candidates per frame."""

    distinctive: tuple[TermList, ...]
    similarity: ChartView
    candidates: tuple[TermList, ...]


def vocabulary_view(analysis: Analysis) -> VocabularyView:
    """Distinctive terms in outlet order and candidate terms in frame order."""
    return VocabularyView(
        distinctive=tuple(
            TermList(
                o.name,
                None,
                tuple(
                    (t.term, format_score(t.score), "")
                    for t in analysis.distinctive_terms.get(o.id, ())
                ),
            )
            for o in analysis.outlets
        ),
        similarity=similarity_chart(analysis),
        candidates=tuple(
            TermList(
                f.label,
                safe_colour(f.colour),
                tuple(
                    (c.term, format_score(c.score), plural(c.n_sentences, "sentence"))
                    for c in analysis.candidates.get(f.id, ())
                ),
            )
            for f in analysis.frames
        ),
    )
