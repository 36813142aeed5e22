"""Small statistical helpers shared by scoring and comparison.

Shares are proportions of sentences. Resampling an outlet's ``n`` sentences
with replacement and counting those that invoke a frame is the same, in
distribution, as drawing ``Binomial(n, k/n)``; the bootstrap here draws that
directly, which gives the sentence bootstrap's exact distribution at a
fraction of the cost, whatever the corpus size.

Every draw comes from a generator seeded by the analysis seed and the
cell's position, so the numbers do not depend on the order in which cells
are computed, and the same input always gives the same intervals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def rng_for(seed: int, *key: int) -> np.random.Generator:
    """A generator for one cell of a computation, independent of the others."""
    import numpy as np

    return np.random.default_rng(np.random.SeedSequence([seed, *key]))


def bootstrap_share_draws(
    k: int, n: int, *, n_resamples: int, rng: np.random.Generator
) -> np.ndarray:
    """Bootstrap replicates of the share ``k / n`` (resampling the ``n`` sentences)."""
    import numpy as np

    if n <= 0:
        return np.zeros(n_resamples)
    return rng.binomial(n, k / n, size=n_resamples) / n


def percentile_interval(draws: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """The central ``level`` percentile interval of bootstrap draws."""
    import numpy as np

    alpha = (1.0 - level) / 2.0
    low, high = np.quantile(draws, [alpha, 1.0 - alpha])
    return float(low), float(high)
