"""Each outlet's most distinctive terms, by log-odds with an informative Dirichlet prior.

The log-odds themselves are :func:`framing.analysis.stats.log_odds_dirichlet`
(also behind ``framing lexicon suggest``); this module sums the term counts by
outlet, sets the prior's scale and ranks the terms. numpy and scipy are
imported inside the functions.

References
----------
Monroe, B. L., Colaresi, M. P. and Quinn, K. M. (2008). Fightin' words:
lexical feature selection and evaluation for identifying the content of
political conflict. *Political Analysis* 16(4), 372-403.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from framing.model import LogOddsTerm, LogOddsTerms

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import spmatrix

#: Distinctive terms per outlet.
DEFAULT_LOG_ODDS_TERMS = 15


def log_odds_terms(
    counts: spmatrix | np.ndarray,
    vocabulary: Sequence[str],
    row_outlets: Sequence[str],
    *,
    outlet_ids: Sequence[str],
    n: int = DEFAULT_LOG_ODDS_TERMS,
    alpha0: float | None = None,
) -> LogOddsTerms:
    """Each outlet's ``n`` most distinctive terms against all the other outlets pooled.

    Monroe, Colaresi & Quinn (2008), "Fightin' words", with the informative
    Dirichlet prior ``α_w = α₀ · y_w / y`` (``y_w`` the term's count in the
    corpus, ``y`` all terms' count): for outlet ``i`` against the rest
    ``j``, with ``y_iw``, ``n_i`` its counts and total::

        δ_w = log((y_iw + α_w) / (n_i + α₀ - y_iw - α_w))
            - log((y_jw + α_w) / (n_j + α₀ - y_jw - α_w))
        z_w = δ_w / sqrt(1 / (y_iw + α_w) + 1 / (y_jw + α_w))

    computed by :func:`framing.analysis.stats.log_odds_dirichlet` on column
    sums, a few vector operations per outlet whatever the vocabulary size.
    Terms are ranked by ``z`` (the evidence, not only the size, of the
    difference); only terms the outlet uses more than the others (``z > 0``)
    are kept, so an outlet may get fewer than ``n``. Ties break by the
    vocabulary's order (alphabetical for scikit-learn's).

    **Prior scale.** ``α₀`` defaults to ``y / K``, the corpus's term count
    over the number of outlets: a prior worth the words of one average
    outlet. An average outlet's term rates are pulled halfway to the
    corpus's, a single-article outlet's nearly all the way (its differences
    are the likeliest to be chance), and the pooled rest barely moves. The
    whole corpus as prior (``α₀ = y``, the default of ``log_odds_dirichlet``
    for two groups) would add ``K`` outlets' worth of pseudo-counts to each
    outlet, shrinking δ and z more the more outlets the corpus holds; a
    fixed constant would mean a different strength for every corpus size.

    Parameters
    ----------
    counts
        Row x term count matrix (e.g. one row per outlet,
        :meth:`framing.analysis.features.TfidfFeatures.outlet_counts`).
    vocabulary
        The terms of ``counts``' columns.
    row_outlets
        The outlet id of each row (e.g. ``[s.outlet for s in sentences]``).
    outlet_ids
        The outlets, in display order.
    n
        Terms per outlet.
    alpha0
        The prior's scale ``α₀``; ``None`` for ``y / K``.
    """
    import numpy as np
    from scipy.sparse import csr_matrix, issparse

    from framing.analysis.stats import log_odds_dirichlet

    if counts.shape != (len(row_outlets), len(vocabulary)):
        raise ValueError(
            f"counts has shape {counts.shape}, not rows x terms = "
            f"{(len(row_outlets), len(vocabulary))}"
        )
    position = {o: i for i, o in enumerate(outlet_ids)}
    unknown = set(row_outlets) - position.keys()
    if unknown:
        raise ValueError(f"rows of outlets not in `outlet_ids`: {sorted(unknown)}")
    rows = np.fromiter(map(position.__getitem__, row_outlets), np.int64, len(row_outlets))
    to_outlets = csr_matrix(
        (np.ones(rows.size), (rows, np.arange(rows.size))), shape=(len(outlet_ids), rows.size)
    )
    summed = to_outlets @ counts
    by_outlet = np.asarray(summed.toarray() if issparse(summed) else summed, dtype=float)
    by_outlet = by_outlet.reshape(len(outlet_ids), len(vocabulary))
    corpus = by_outlet.sum(axis=0)
    total = float(corpus.sum())
    a0 = total / max(len(outlet_ids), 1) if alpha0 is None else float(alpha0)
    terms: dict[str, tuple[LogOddsTerm, ...]] = {}
    for i, outlet in enumerate(outlet_ids):
        own = by_outlet[i]
        if len(outlet_ids) < 2 or not total:
            terms[outlet] = ()
            continue
        odds = log_odds_dirichlet(own, corpus - own, alpha0=a0)
        z = np.where(np.isfinite(odds.z) & (own > 0), odds.z, -np.inf)
        top = _top_indexes(z, n)
        terms[outlet] = tuple(
            LogOddsTerm(
                term=vocabulary[w],
                z=float(odds.z[w]),
                delta=float(odds.delta[w]),
                count=int(own[w]),
            )
            for w in top
            if z[w] > 0
        )
    return LogOddsTerms(alpha0=a0, terms=terms)


def _top_indexes(values: np.ndarray, n: int) -> list[int]:
    """Indexes of the ``n`` largest values, largest first, ties by index."""
    import numpy as np

    if n <= 0 or not values.size:
        return []
    if n < values.size:
        cut = np.partition(values, values.size - n)[values.size - n]
        candidates = np.flatnonzero(values >= cut)
    else:
        candidates = np.arange(values.size)
    order = np.lexsort((candidates, -values[candidates]))
    return [int(c) for c in candidates[order[:n]]]
