"""Tests of framing.analysis.stats: share and difference intervals, against hand computations."""

from __future__ import annotations

import math

import pytest
from scipy.stats import binomtest

from framing.analysis.stats import (
    effective_size,
    newcombe_interval,
    share_interval,
    wilson_interval,
)

Z = 1.959963984540054  # the 97.5% normal quantile


def _wilson_by_hand(k: int, n: int) -> tuple[float, float]:
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return centre - half, centre + half


def test_wilson_interval_by_hand():
    # 0 of 21: the upper end is z² / (n + z²) = 3.8415 / 24.8415, about 15.5%
    # (Clopper-Pearson's exact bound, 1 - 0.025^(1/21), is 16.1%): never "0-0%".
    low, high = wilson_interval(0, 21)
    assert low == 0.0
    assert high == pytest.approx(Z * Z / (21 + Z * Z)) and high == pytest.approx(0.15464, abs=1e-5)
    assert pytest.approx(0.16110, abs=1e-5) == 1 - 0.025 ** (1 / 21)
    # 3 of 10: 10.8% to 60.3%.
    assert wilson_interval(3, 10) == pytest.approx((0.10779, 0.60322), abs=1e-5)
    assert wilson_interval(3, 10) == pytest.approx(_wilson_by_hand(3, 10))
    # 10 of 10: n / (n + z²) = 72.2% to 100%, never "100-100%".
    assert wilson_interval(10, 10) == pytest.approx((10 / (10 + Z * Z), 1.0))
    assert wilson_interval(10, 10)[0] == pytest.approx(0.72247, abs=1e-5)
    # As scipy computes it.
    for k, n in ((0, 21), (3, 10), (10, 10), (7, 13), (1, 1)):
        ci = binomtest(k, n).proportion_ci(method="wilson")
        assert wilson_interval(k, n) == pytest.approx((ci.low, ci.high))
    # No sentence at all: nothing is known.
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_newcombe_interval_by_hand():
    a, b = wilson_interval(3, 10), wilson_interval(0, 21)
    d = 0.3
    low, high = newcombe_interval(0.3, a, 0.0, b)
    assert low == pytest.approx(d - math.sqrt((0.3 - a[0]) ** 2 + (b[1] - 0.0) ** 2))
    assert high == pytest.approx(d + math.sqrt((a[1] - 0.3) ** 2 + (0.0 - b[0]) ** 2))
    assert low == pytest.approx(0.05331, abs=1e-5) and high == pytest.approx(0.60322, abs=1e-5)
    # 2 of 10 against 0 of 21 is within what chance could give: the zero side
    # keeps its uncertainty (up to 15%), so the interval includes zero.
    low, high = newcombe_interval(0.2, wilson_interval(2, 10), 0.0, b)
    assert low < 0 < high
    # Two shares of 0 still leave room either way.
    both_zero = newcombe_interval(0.0, wilson_interval(0, 10), 0.0, wilson_interval(0, 21))
    assert both_zero == pytest.approx((-wilson_interval(0, 21)[1], wilson_interval(0, 10)[1]))
    # Intervals that do not overlap give a difference's interval that excludes zero.
    high_share, low_share = wilson_interval(30, 40), wilson_interval(5, 40)
    assert high_share[0] > low_share[1]
    assert newcombe_interval(0.75, high_share, 0.125, low_share)[0] > 0


def test_effective_size_is_between_articles_and_sentences():
    # Articles that agree are worth all their sentences.
    assert effective_size([4, 4, 4, 4, 4], [1, 1, 1, 1, 1]) == 20
    # All-or-nothing articles are worth one sentence each (the ceiling).
    assert effective_size([2, 2, 2, 2, 2], [2, 2, 2, 0, 0]) == pytest.approx(5.0)
    # In between, by the design effect: var = m/(m-1) * sum((k - p n)^2) / N^2.
    n, k = [3, 3, 3, 3, 3, 3], [3, 1, 0, 2, 0, 0]
    p = sum(k) / sum(n)
    variance = 6 / 5 * sum((ki - p * ni) ** 2 for ni, ki in zip(n, k, strict=True)) / 18**2
    deff = variance / (p * (1 - p) / 18)
    assert 1 < deff < 3
    assert effective_size(n, k) == pytest.approx(18 / deff)
    # At 0 (or 1) articles cannot differ.
    assert effective_size([5, 5, 5, 5, 5], [0, 0, 0, 0, 0]) == 25


def test_share_interval_unit():
    # Fewer than five articles: sentences as independent, whatever the articles.
    assert share_interval([2, 2, 2, 2], [2, 2, 0, 0]) == wilson_interval(4, 8)
    # Five or more: Wilson on the effective sample.
    assert share_interval([2] * 5, [2, 2, 2, 0, 0]) == pytest.approx(wilson_interval(3, 5))
    assert share_interval([2] * 5, [2, 2, 2, 0, 0], min_articles=6) == wilson_interval(6, 10)
