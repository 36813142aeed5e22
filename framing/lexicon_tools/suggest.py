"""Terms a frame lacks, found in a corpus (``framing lexicon suggest``).

:func:`suggest_terms` ranks the corpus terms associated with a frame's
sentences by a log-odds ratio with an informative Dirichlet prior
(:func:`framing.analysis.stats.log_odds_dirichlet`), leaving out those the
frame already matches. numpy and scikit-learn are imported inside it, so
the light commands never load them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from framing.lexicon_tools.describe import find_frame
from framing.model import Hit, LexiconSet, Sentence

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Suggestion:
    """A corpus term associated with a frame's sentences that the frame lacks.

    ``z`` is the log-odds z-score (frame's sentences vs. the rest), ``delta``
    the log-odds ratio; ``in_frame``/``elsewhere`` count its occurrences in
    the frame's sentences and in the others; ``sentences`` the frame
    sentences that hold it; ``example`` the frame sentence with the most
    occurrences (the shortest on ties), with its document and sentence id.
    """

    frame: str
    term: str
    z: float
    delta: float
    in_frame: int
    elsewhere: int
    sentences: int
    example: str
    example_document: str
    example_sentence: int


@dataclass(frozen=True)
class Suggestions:
    """The ranked suggestions for one frame, and what they were computed on."""

    frame: str
    lexicons: str
    corpus: str
    frame_sentences: int
    other_sentences: int
    alpha0: float
    suggestions: tuple[Suggestion, ...]


def suggest_terms(
    frame_id: str,
    lexicons: LexiconSet,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    top: int = 20,
    min_count: int = 2,
    alpha0: float | None = None,
    corpus: str = "corpus",
) -> Suggestions:
    """The ``top`` terms most associated with ``frame_id``'s sentences, not yet covered.

    A frame's sentences are those with a non-negated hit of the frame. Terms
    are the unigrams and bigrams of :func:`framing.analysis.features.build_analyzer`;
    each is scored by :func:`log_odds_dirichlet` (frame's sentences vs. the
    rest, prior scale ``alpha0``, default the corpus's total term count), and
    kept when its z is positive, it occurs at least ``min_count`` times in
    the frame's sentences, and the frame does not already match it
    (:func:`framing.analysis.features.term_coverage_checker`). Ties break by term.
    """
    import numpy as np

    from framing.analysis.features import count_terms, invoked_frames, term_coverage_checker

    find_frame(lexicons, frame_id)
    invoked = invoked_frames(hits)
    in_frame = np.array([frame_id in invoked.get(s.id, ()) for s in sentences], dtype=bool)
    counts = count_terms([s.tokens for s in sentences])
    y_i = np.asarray(counts.matrix.T @ in_frame.astype(np.int64)).ravel()
    y_j = np.asarray(counts.matrix.sum(axis=0)).ravel() - y_i
    result = Suggestions(
        frame=frame_id,
        lexicons=lexicons.source,
        corpus=corpus,
        frame_sentences=int(in_frame.sum()),
        other_sentences=int((~in_frame).sum()),
        alpha0=float(y_i.sum() + y_j.sum()) if alpha0 is None else float(alpha0),
        suggestions=(),
    )
    if not in_frame.any() or not counts.vocabulary:
        return result
    from framing.analysis.stats import log_odds_dirichlet

    odds = log_odds_dirichlet(y_i, y_j, alpha0=alpha0)
    z = np.nan_to_num(odds.z, nan=0.0, posinf=0.0, neginf=0.0)
    order = np.lexsort((np.array(counts.vocabulary, dtype=object), -z))
    covered = term_coverage_checker(lexicons)
    frame_rows = np.flatnonzero(in_frame)
    frame_matrix = counts.matrix[frame_rows].tocsc()
    chosen: list[Suggestion] = []
    for j in order:
        if len(chosen) == top or z[j] <= 0:
            break
        term = counts.vocabulary[j]
        if y_i[j] < min_count or covered(frame_id, term):
            continue
        column = frame_matrix[:, j].toarray().ravel()
        example = _example(sentences, frame_rows, column)
        chosen.append(
            Suggestion(
                frame=frame_id,
                term=term,
                z=round(float(z[j]), 6),
                delta=round(float(odds.delta[j]), 6),
                in_frame=int(y_i[j]),
                elsewhere=int(y_j[j]),
                sentences=int((column > 0).sum()),
                example=example.text,
                example_document=example.document,
                example_sentence=example.id,
            )
        )
    return replace(result, suggestions=tuple(chosen))


def _example(
    sentences: Sequence[Sentence], rows: np.ndarray, counts_in_rows: np.ndarray
) -> Sentence:
    """The sentence with the most occurrences; the shortest, then the first, on ties."""
    best = min(
        range(len(rows)),
        key=lambda k: (
            -counts_in_rows[k],
            len(sentences[int(rows[k])].text),
            sentences[int(rows[k])].id,
        ),
    )
    return sentences[int(rows[best])]
