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

from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class LogOdds:
    """Per-term log-odds ratios (``delta``), their variances and z-scores."""

    delta: np.ndarray
    variance: np.ndarray
    z: np.ndarray


def log_odds_dirichlet(
    counts_i: Sequence[float] | np.ndarray,
    counts_j: Sequence[float] | np.ndarray,
    *,
    alpha0: float | None = None,
) -> LogOdds:
    """Log-odds ratio of each term between groups i and j, with an informative prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", with a Dirichlet prior
    proportional to each term's corpus frequency, ``α_w = α_0 · y_w / n``
    (``y_w = y_i + y_j``, ``n`` the corpus's total count)::

        δ_w = log((y_i + α_w) / (n_i + α_0 - y_i - α_w))
            - log((y_j + α_w) / (n_j + α_0 - y_j - α_w))
        σ²_w ≈ 1 / (y_i + α_w) + 1 / (y_j + α_w)
        z_w = δ_w / σ_w

    The prior scale ``α_0`` defaults to ``n``, so ``α_w = y_w``: the prior
    adds one more copy of the corpus's own counts. A prior as strong as the
    data keeps a word seen once or twice in a small corpus from topping the
    list on chance alone, while a word used often in one group and rarely in
    the other still gets a large z.
    """
    import numpy as np

    y_i = np.asarray(counts_i, dtype=float)
    y_j = np.asarray(counts_j, dtype=float)
    y = y_i + y_j
    n = float(y.sum())
    a0 = n if alpha0 is None else float(alpha0)
    alpha = a0 * y / n if n else np.zeros_like(y)
    n_i, n_j = float(y_i.sum()), float(y_j.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - np.log(
            (y_j + alpha) / (n_j + a0 - y_j - alpha)
        )
        variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        z = delta / np.sqrt(variance)
    return LogOdds(delta=delta, variance=variance, z=z)
