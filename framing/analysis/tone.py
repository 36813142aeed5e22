"""Tone of the sentences that carry each frame, with VADER.

VADER (Hutto & Gilbert 2014) is a rule-based sentiment model tuned for news
and social media; its ``compound`` score runs from -1 (most negative) to +1
(most positive). The ``vaderSentiment`` package ships its lexicon, so nothing
is downloaded (nltk's copy of VADER needs a data download, which users'
machines cannot make).

Only sentences that invoke a frame are scored: the report asks "how does an
outlet sound when it uses this frame?". VADER costs about 60 µs a sentence,
so on a large corpus each outlet and frame is scored on a sample of at most
:data:`TONE_SAMPLE` of its sentences (chosen by a seeded hash of the
sentence id, so the same input gives the same sample); a mean of 500
compound scores has a standard error of about 0.02, well below the
differences a reader should care about. ``Tone.n_sentences`` says how many
sentences the mean is based on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

from framing.model import LexiconSet, OutletSummary, Sentence, Tone

if TYPE_CHECKING:
    import numpy as np
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


#: At most this many sentences per outlet and frame are scored for tone.
TONE_SAMPLE = 500


def tone_sample(
    invoked: Mapping[int, set[str]],
    outlet_of: Mapping[int, str],
    *,
    seed: int,
    per_cell: int = TONE_SAMPLE,
) -> list[int]:
    """Ids of the sentences to score: up to ``per_cell`` per (outlet, frame), sorted.

    Within a cell, sentences are taken in the order of a seeded multiplicative
    hash of their id (deterministic, and spread evenly over the corpus).

    >>> tone_sample({1: {"f"}, 2: {"f"}, 3: {"g"}}, {1: "o", 2: "o", 3: "o"}, seed=0, per_cell=1)
    [1, 3]
    """
    cells: dict[tuple[str, str], list[int]] = defaultdict(list)
    for sentence_id, frame_ids in invoked.items():
        for frame_id in frame_ids:
            cells[(outlet_of[sentence_id], frame_id)].append(sentence_id)

    salt = (seed * 40503 + 12345) % 4294967296

    def order(sentence_id: int) -> int:
        # Multiply, mix in the seed, multiply again: a cheap, well-spread hash.
        return (((sentence_id + 1) * 2654435761 % 4294967296) ^ salt) * 2246822519 % 4294967296

    chosen: set[int] = set()
    for ids in cells.values():
        chosen.update(ids if len(ids) <= per_cell else sorted(ids, key=order)[:per_cell])
    return sorted(chosen)


def tone_order(ids: np.ndarray, seed: int) -> np.ndarray:
    """The seeded order of :func:`tone_sample` for an array of sentence ids, as ``uint64``.

    The same hash, vectorised: the streamed analysis
    (:mod:`framing.analysis.depth_reduce`) keeps each cell's first
    ``per_cell`` ids in this order as the chunks come in.

    >>> import numpy as np
    >>> int(tone_order(np.array([1, 2]), 0).argmin())  # tone_sample picks 1 of {1, 2}
    0
    """
    import numpy as np

    mask = np.uint64(0xFFFFFFFF)
    salt = np.uint64((seed * 40503 + 12345) % 4294967296)
    x = (np.asarray(ids).astype(np.uint64) + np.uint64(1)) & mask
    x = (x * np.uint64(2654435761)) & mask
    return ((x ^ salt) * np.uint64(2246822519)) & mask


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def compound_scores(texts: Iterable[str]) -> list[float]:
    """VADER compound score of each text, rounded to 4 decimals (as VADER reports).

    A text that comes again (wire copy, boilerplate) is scored once.

    >>> [s > 0 for s in compound_scores(["They fight for freedom, bravely.", "A grim loss."])]
    [True, False]
    """
    analyzer = _analyzer()
    scores: dict[str, float] = {}
    result = []
    for text in texts:
        score = scores.get(text)
        if score is None:
            score = scores[text] = analyzer.polarity_scores(text)["compound"]
        result.append(score)
    return result


def score_tone(
    sentences: Sequence[Sentence],
    invoked: Mapping[int, set[str]],
    compound: Mapping[int, float],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
) -> dict[tuple[str, str], Tone]:
    """Mean tone per (outlet id, frame id), over the invoking sentences that were scored.

    ``compound`` holds the scores of the sentences chosen by :func:`tone_sample`.
    """
    sums: dict[tuple[str, str], float] = defaultdict(float)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    outlet_of = {s.id: s.outlet for s in sentences}
    for sentence_id, frame_ids in invoked.items():
        if sentence_id not in compound:
            continue
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
