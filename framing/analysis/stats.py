"""Small statistical helpers shared by scoring, comparison and the lexicon's evaluation.

**Intervals of shares and of their differences** are computed, not
resampled, so they are the same on every run and never shrink to a point:

* a share's 95% interval is Wilson's score interval (:func:`wilson_interval`).
  Unlike a bootstrap or the normal approximation, it does not collapse to
  "0–0%" when no sentence invokes a frame, nor to "100–100%" when every
  sentence does: 0 of 21 sentences gives 0–15%, and 10 of 10 gives 72–100%.
* an outlet's sentences are its units when it has fewer than
  :data:`MIN_ARTICLES_FOR_ARTICLE_UNIT` articles (sentences treated as
  independent: nothing else can be estimated from one or two articles, and
  the interval then describes these articles, not the outlet); with that
  many articles or more, the sentences count for fewer by the outlet's
  design effect, estimated from how much its articles differ (Rao & Scott
  1992, :func:`effective_size`), so the interval allows for an article
  keeping to its frames.
* a difference of two shares has Newcombe's hybrid score interval
  (:func:`newcombe_interval`), built from the two shares' own intervals, so
  it agrees with them: it excludes zero whenever the two intervals do not
  overlap, and it stays honest when one share is 0.

The bootstrap helpers (:func:`percentile_interval`, :func:`rng_for`) serve
the resampling that remains: the article permutation test of
:mod:`framing.analysis.significance.pairs` and the F1 intervals of
:mod:`framing.analysis.agreement`. Every draw comes from a generator seeded
by the analysis seed and the cell's position, so the numbers do not depend
on the order in which cells are computed, and the same input always gives
the same results.

References
----------
Wilson, E. B. (1927). Probable inference, the law of succession, and
statistical inference. *Journal of the American Statistical Association*
22(158), 209-212.

Newcombe, R. G. (1998). Interval estimation for the difference between
independent proportions: comparison of eleven methods. *Statistics in
Medicine* 17(8), 873-890 (method 10, the hybrid score interval).

Rao, J. N. K. and Scott, A. J. (1992). A simple method for the analysis of
clustered binary data. *Biometrics* 48(2), 577-585.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: An outlet needs this many articles for its articles, not its sentences, to set its intervals.
MIN_ARTICLES_FOR_ARTICLE_UNIT = 5


def _z(level: float) -> float:
    """The standard normal quantile of a two-sided ``level`` interval (1.96 for 95%)."""
    return NormalDist().inv_cdf(0.5 + level / 2.0)


def wilson_interval(k: float, n: float, level: float = 0.95) -> tuple[float, float]:
    """Wilson's score interval of the proportion ``k / n``.

    ``k`` and ``n`` may be fractional (an effective sample, see
    :func:`effective_size`). With ``n == 0`` nothing is known: ``(0, 1)``.
    At ``k == 0`` the lower end is exactly 0 and the upper end
    ``z² / (n + z²)``; at ``k == n`` the mirror image.

    >>> [round(x, 4) for x in wilson_interval(0, 21)]
    [0.0, 0.1546]
    >>> [round(x, 4) for x in wilson_interval(3, 10)]
    [0.1078, 0.6032]
    """
    if n <= 0:
        return 0.0, 1.0
    z = _z(level)
    p = min(max(k / n, 0.0), 1.0)
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    low = 0.0 if p == 0.0 else max(0.0, centre - half)
    high = 1.0 if p == 1.0 else min(1.0, centre + half)
    return low, high


def newcombe_interval(
    share_a: float,
    interval_a: tuple[float, float],
    share_b: float,
    interval_b: tuple[float, float],
) -> tuple[float, float]:
    """Newcombe's hybrid score interval of ``share_a - share_b`` from the shares' own intervals.

    ``low = d - sqrt((a - a_low)² + (b_high - b)²)`` and ``high = d +
    sqrt((a_high - a)² + (b - b_low)²)`` with ``d = a - b``: each end
    combines the two shares' distances to the ends of their intervals that
    pull the difference that way. When the two intervals do not overlap the
    difference's interval excludes zero. Its level is the shares' level.
    """
    diff = share_a - share_b
    low = diff - math.hypot(share_a - interval_a[0], interval_b[1] - share_b)
    high = diff + math.hypot(interval_a[1] - share_a, share_b - interval_b[0])
    return max(-1.0, low), min(1.0, high)


@dataclass
class ClusterMoments:
    """The sums an outlet's share interval needs of its articles, added up one article at a time.

    For articles of ``s`` sentences of which ``k`` invoke a frame: the number
    of articles ``m`` and the sums of ``s``, ``k``, ``k²``, ``k·s`` and
    ``s²``, all whole numbers, so they add up exactly in any order (chunks
    of a streamed corpus merge with :meth:`merge`).
    """

    m: int = 0
    n: int = 0
    k: int = 0
    kk: int = 0
    ks: int = 0
    ss: int = 0

    def add(self, sentences: int, invoking: int) -> None:
        """Add one article."""
        self.m += 1
        self.n += sentences
        self.k += invoking
        self.kk += invoking * invoking
        self.ks += invoking * sentences
        self.ss += sentences * sentences

    def merge(self, other: ClusterMoments) -> None:
        """Add the articles of ``other``."""
        self.m += other.m
        self.n += other.n
        self.k += other.k
        self.kk += other.kk
        self.ks += other.ks
        self.ss += other.ss

    @classmethod
    def of(cls, sentences: Sequence[int], invoking: Sequence[int]) -> ClusterMoments:
        """The moments of articles given as two parallel lists."""
        moments = cls()
        for s, k in zip(sentences, invoking, strict=True):
            moments.add(s, k)
        return moments


def effective_size(sentences: Sequence[int], invoking: Sequence[int]) -> float:
    """The number of independent sentences an outlet's clustered sentences are worth.

    ``sentences[i]`` and ``invoking[i]`` are article ``i``'s sentences and
    those that invoke the frame. The share ``p = Σ invoking / Σ sentences``
    is a ratio estimator; its variance over articles (the linearisation
    estimator, with the ``m / (m - 1)`` small-sample factor) divided by the
    variance it would have if the ``n = Σ sentences`` sentences were
    independent, ``p (1 - p) / n``, is the design effect; the effective
    size is ``n`` divided by it (Rao & Scott 1992). The design effect is kept
    between 1 (the sentences are as good as independent ones: never more)
    and ``n / m``, the mean article length (each article worth one
    sentence: never less), and is 1 when ``p`` is 0 or 1, where articles
    cannot differ.
    """
    return effective_size_of(ClusterMoments.of(sentences, invoking))


def effective_size_of(moments: ClusterMoments) -> float:
    """:func:`effective_size` from the articles' moments.

    The spread ``Σ (k - p·s)²`` is ``(kk·n² - 2·k·n·ks + k²·ss) / n²``,
    computed in whole numbers, so it is exact whatever the order the
    articles were added in.
    """
    m, n = moments.m, moments.n
    if m < 2 or n <= 0:
        return float(n)
    k = moments.k
    if k <= 0 or k >= n:
        return float(n)
    p = k / n
    spread = (moments.kk * n * n - 2 * k * n * moments.ks + k * k * moments.ss) / (n * n)
    variance = m / (m - 1) * spread / (n * n)
    design_effect = min(max(variance / (p * (1 - p) / n), 1.0), n / m)
    return n / design_effect


def share_interval(
    sentences: Sequence[int],
    invoking: Sequence[int],
    *,
    min_articles: int = MIN_ARTICLES_FOR_ARTICLE_UNIT,
    level: float = 0.95,
) -> tuple[float, float]:
    """The interval of an outlet's share, from its articles' sentences and invoking sentences.

    Wilson's interval over the sentences, which count as independent when
    the outlet has fewer than ``min_articles`` articles and as
    :func:`effective_size` sentences otherwise.
    """
    return share_interval_of(
        ClusterMoments.of(sentences, invoking), min_articles=min_articles, level=level
    )


def share_interval_of(
    moments: ClusterMoments,
    *,
    min_articles: int = MIN_ARTICLES_FOR_ARTICLE_UNIT,
    level: float = 0.95,
) -> tuple[float, float]:
    """:func:`share_interval` from the articles' moments."""
    n, k = moments.n, moments.k
    if moments.m < min_articles or n == 0:
        return wilson_interval(k, n, level)
    effective = effective_size_of(moments)
    return wilson_interval(k / n * effective, effective, level)


def rng_for(seed: int, *key: int) -> np.random.Generator:
    """A generator for one cell of a computation, independent of the others."""
    import numpy as np

    return np.random.default_rng(np.random.SeedSequence([seed, *key]))


def bootstrap_share_draws(
    k: int, n: int, *, n_resamples: int, rng: np.random.Generator
) -> np.ndarray:
    """Bootstrap replicates of the share ``k / n`` (resampling the ``n`` sentences).

    Resampling ``n`` sentences with replacement and counting those that
    invoke a frame is the same, in distribution, as drawing ``Binomial(n,
    k/n)``, which this does directly. The report's intervals no longer use
    it (it collapses to a point at ``k == 0`` and ``k == n``; see
    :func:`wilson_interval`); it stays for callers of framing 0.1.
    """
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
