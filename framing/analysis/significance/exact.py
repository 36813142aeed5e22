"""Exact two-sided p-values and the Benjamini-Hochberg adjustment, for many tests at once.

:func:`fisher_two_sided` is Fisher's exact test of two proportions,
vectorised over all the sentence-unit tests of
:func:`framing.analysis.significance.pairs.compare_pairs`;
:func:`benjamini_hochberg` adjusts any list of p-values for the false
discovery rate. numpy and scipy are imported inside the functions.

References
----------
Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate:
a practical and powerful approach to multiple testing. *Journal of the Royal
Statistical Society B* 57(1), 289-300.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: Relative tolerance when comparing hypergeometric probabilities (as R's ``fisher.test``).
PROBABILITY_TOLERANCE = 1e-7


def fisher_two_sided(
    k_a: Sequence[int] | np.ndarray,
    n_a: Sequence[int] | np.ndarray,
    k_b: Sequence[int] | np.ndarray,
    n_b: Sequence[int] | np.ndarray,
) -> np.ndarray:
    """Exact two-sided p-values of ``k_a / n_a`` against ``k_b / n_b``, elementwise.

    Given the pooled total ``k_a + k_b``, the count of group A under random
    relabelling of the ``n_a + n_b`` units is hypergeometric; the p-value is
    the total probability of the counts no more probable than ``k_a``
    (within a relative tolerance of :data:`PROBABILITY_TOLERANCE`): Fisher's
    exact test, the two-sided p-value of ``scipy.stats.fisher_exact`` (whose
    tolerance is 1e-14; they differ only on near-ties). The
    hypergeometric distribution is unimodal, so the counts on the far side
    of the mode that are as improbable form a tail whose start is found by
    a binary search, run for all tests at once; the tails' probabilities
    come from ``scipy.stats.hypergeom`` (Boost), accurate far into the tails.
    A test with a single possible table (no invoking unit, or an empty
    group) has p = 1.
    """
    import numpy as np
    from scipy.stats import hypergeom

    x = np.asarray(k_a, dtype=np.int64)
    draws = np.asarray(n_a, dtype=np.int64)
    good = x + np.asarray(k_b, dtype=np.int64)
    total = draws + np.asarray(n_b, dtype=np.int64)
    low = np.maximum(0, draws - (total - good))
    high = np.minimum(good, draws)
    p = np.ones(x.shape, dtype=float)
    todo = np.flatnonzero(low < high)
    if not todo.size:
        return p
    x, draws, good, total = x[todo], draws[todo], good[todo], total[todo]
    low, high = low[todo], high[todo]

    def log_pmf(k: np.ndarray, rows: np.ndarray) -> np.ndarray:
        return hypergeom.logpmf(k, total[rows], good[rows], draws[rows])

    everything = np.arange(todo.size)
    mode = (draws + 1) * (good + 1) // (total + 2)
    threshold = log_pmf(x, everything) + math.log1p(PROBABILITY_TOLERANCE)
    result = np.ones(todo.size)
    at_mode = threshold >= log_pmf(mode, everything)
    below = np.flatnonzero(~at_mode & (x < mode))
    above = np.flatnonzero(~at_mode & (x > mode))
    if below.size:  # other tail: the first y >= mode with pmf(y) <= threshold (high + 1: none)
        lo, hi = mode[below].copy(), high[below] + 1
        while (active := np.flatnonzero(lo < hi)).size:
            mid = (lo[active] + hi[active]) // 2
            fits = log_pmf(mid, below[active]) <= threshold[below[active]]
            hi[active] = np.where(fits, mid, hi[active])
            lo[active] = np.where(fits, lo[active], mid + 1)
        rows = below
        result[rows] = hypergeom.cdf(x[rows], total[rows], good[rows], draws[rows]) + hypergeom.sf(
            lo - 1, total[rows], good[rows], draws[rows]
        )
    if above.size:  # other tail: the last y <= mode with pmf(y) <= threshold (low - 1: none)
        lo, hi = low[above] - 1, mode[above].copy()
        while (active := np.flatnonzero(lo < hi)).size:
            mid = (lo[active] + hi[active] + 1) // 2
            fits = log_pmf(mid, above[active]) <= threshold[above[active]]
            lo[active] = np.where(fits, mid, lo[active])
            hi[active] = np.where(fits, hi[active], mid - 1)
        rows = above
        result[rows] = hypergeom.sf(x[rows] - 1, total[rows], good[rows], draws[rows]) + np.where(
            lo >= low[rows], hypergeom.cdf(lo, total[rows], good[rows], draws[rows]), 0.0
        )
    p[todo] = np.minimum(result, 1.0)
    return p


def benjamini_hochberg(p_values: Sequence[float] | np.ndarray) -> tuple[float, ...]:
    """Benjamini-Hochberg (1995) adjusted p-values (q-values), in the input's order.

    With ``m`` tests and ``p_(i)`` the ``i``-th smallest p-value,
    ``q_(i) = min_{j >= i} min(1, m p_(j) / j)``; rejecting every test with
    ``q < α`` controls the false discovery rate at ``α`` for independent or
    positively dependent tests. Computed by
    ``scipy.stats.false_discovery_control(method="bh")``.
    """
    import numpy as np
    from scipy.stats import false_discovery_control

    values = np.asarray(p_values, dtype=float)
    if not values.size:
        return ()
    return tuple(float(q) for q in false_discovery_control(values, method="bh"))
