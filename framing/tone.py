"""Tone of the sentences that carry each frame, with VADER.

VADER (Hutto & Gilbert 2014) is a rule-based sentiment model tuned for news
and social media; its ``compound`` score runs from -1 (most negative) to +1
(most positive). The ``vaderSentiment`` package ships its lexicon, so nothing
is downloaded (nltk's copy of VADER needs a data download, which users'
machines cannot make).

Only sentences that invoke at least one frame are scored: the report asks
"how does an outlet sound when it uses this frame?", and scoring every
sentence of a large corpus would cost far more than the rest of the analysis.
The mean per outlet and frame is taken over the sentences that invoke the
frame (non-negated hits only).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from framing.model import LexiconSet, OutletSummary, Sentence

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@dataclass(frozen=True)
class Tone:
    """Mean VADER compound score of an outlet's sentences that invoke a frame.

    ``mean`` is None when no sentence of the outlet invokes the frame.
    """

    outlet: str
    frame: str
    n_sentences: int
    mean: float | None


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def compound_scores(texts: Iterable[str]) -> list[float]:
    """VADER compound score of each text, rounded to 4 decimals (as VADER reports).

    >>> [s > 0 for s in compound_scores(["They fight for freedom, bravely.", "A grim loss."])]
    [True, False]
    """
    analyzer = _analyzer()
    return [analyzer.polarity_scores(text)["compound"] for text in texts]


def score_tone(
    sentences: Sequence[Sentence],
    invoked: Mapping[int, set[str]],
    compound: Mapping[int, float],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
) -> dict[tuple[str, str], Tone]:
    """Mean tone per (outlet id, frame id), from each invoking sentence's ``compound`` score."""
    sums: dict[tuple[str, str], float] = defaultdict(float)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    outlet_of = {s.id: s.outlet for s in sentences}
    for sentence_id, frame_ids in invoked.items():
        for frame_id in frame_ids:
            key = (outlet_of[sentence_id], frame_id)
            sums[key] += compound[sentence_id]
            counts[key] += 1
    return {
        (o.id, f.id): Tone(
            outlet=o.id,
            frame=f.id,
            n_sentences=counts[(o.id, f.id)],
            mean=sums[(o.id, f.id)] / counts[(o.id, f.id)] if counts[(o.id, f.id)] else None,
        )
        for o in outlets
        for f in lexicons.frames
    }
