"""Agreement between a measure and human coders: precision, recall, F1, kappa, alpha.

These are the figures a methods reviewer asks for before trusting a
dictionary measure (docs/validation.md):

* precision, recall and F1 of a binary reading against a binary code, with
  a percentile bootstrap interval for F1 that resamples whole clusters
  (documents) when the coding names them, since sentences of one article
  are not independent;
* Cohen's kappa between the measure and one coder (scikit-learn's);
* Krippendorff's alpha among several coders, nominal, with missing values
  (the ``krippendorff`` package; checked against the worked example of
  Krippendorff 2011, "Computing Krippendorff's alpha-reliability").
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

from framing.analysis.stats import percentile_interval, rng_for

#: Keeps the F1 bootstrap's random stream apart from the analysis' others.
_KEY_F1_BOOTSTRAP = 0xA9E_0001


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 from counts; ``None`` where a ratio is 0/0.

    F1 is defined whenever there is any positive, read or coded: with
    ``tp == 0`` and ``fp + fn > 0`` it is 0.

    >>> prf(8, 2, 4)
    (0.8, 0.6666666666666666, 0.7272727272727273)
    >>> prf(0, 0, 0)
    (None, None, None)
    """
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return precision, recall, f1


def confusion(gold: Sequence[bool], read: Sequence[bool]) -> tuple[int, int, int, int]:
    """``(tp, fp, fn, tn)`` of ``read`` against ``gold``.

    >>> confusion([True, True, False, False], [True, False, True, False])
    (1, 1, 1, 1)
    """
    tp = sum(g and r for g, r in zip(gold, read, strict=True))
    fp = sum(r and not g for g, r in zip(gold, read, strict=True))
    fn = sum(g and not r for g, r in zip(gold, read, strict=True))
    return tp, fp, fn, len(gold) - tp - fp - fn


def f1_interval(
    gold: Sequence[bool],
    read: Sequence[bool],
    clusters: Sequence[Hashable],
    *,
    seed: int,
    n_bootstrap: int,
    level: float = 0.95,
) -> tuple[float, float] | None:
    """Percentile bootstrap interval of F1, resampling ``clusters`` with replacement.

    Each row belongs to the cluster named in ``clusters`` (a document, or
    the row itself); a draw takes as many clusters as there are, with
    replacement, and pools their counts. Draws where F1 is undefined (no
    positive at all) are left out; ``None`` when F1 is undefined on the data
    itself. Seeded: the same input gives the same interval.
    """
    import numpy as np

    if prf(*confusion(gold, read)[:3])[2] is None:
        return None
    order = list(dict.fromkeys(clusters))
    index = {c: i for i, c in enumerate(order)}
    counts = np.zeros((len(order), 3))
    for g, r, c in zip(gold, read, clusters, strict=True):
        counts[index[c]] += (g and r, r and not g, g and not r)
    rng = rng_for(seed, _KEY_F1_BOOTSTRAP)
    draws = rng.integers(0, len(order), size=(n_bootstrap, len(order)))
    totals = np.zeros((n_bootstrap, 3))
    for column in range(3):
        totals[:, column] = counts[:, column][draws].sum(axis=1)
    tp, fp, fn = totals.T
    denominator = 2 * tp + fp + fn
    defined = denominator > 0
    f1 = 2 * tp[defined] / denominator[defined]
    lo, hi = percentile_interval(f1, level)
    return (round(float(lo), 12), round(float(hi), 12))


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa of two raters' nominal labels; ``None`` when undefined.

    Undefined when chance agreement is total (both raters use one and the
    same label throughout), where kappa is 0/0.

    >>> cohen_kappa(["a", "a", "b", "b"], ["a", "a", "b", "a"])
    0.5
    """
    if not first:
        return None
    labels = sorted(set(first) | set(second))
    if len(labels) < 2:
        return None
    from sklearn.metrics import cohen_kappa_score

    value = float(cohen_kappa_score(list(first), list(second), labels=labels))
    return None if math.isnan(value) else value


def krippendorff_alpha(units: Sequence[Sequence[str | None]]) -> float | None:
    """Krippendorff's alpha (nominal) of several coders; ``None`` when undefined.

    ``units[i][c]`` is coder ``c``'s label for unit ``i``, or ``None`` when
    that coder did not code it. Units coded by fewer than two coders do not
    count. Undefined when fewer than two values are pairable or every
    pairable value is the same.

    The worked example of Krippendorff (2011), four coders and twelve units,
    gives 0.743:

    >>> rows = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3",
    ...         ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."]
    >>> coders = [[None if v == "." else v for v in r.split()] for r in rows]
    >>> round(krippendorff_alpha(list(zip(*coders))), 3)
    0.743
    """
    pairable = [[v for v in unit if v is not None] for unit in units]
    pairable = [values for values in pairable if len(values) >= 2]
    if not pairable or len({v for values in pairable for v in values}) < 2:
        return None
    import krippendorff
    import numpy as np

    labels = sorted({v for unit in units for v in unit if v is not None})
    code = {label: float(i) for i, label in enumerate(labels)}
    n_coders = max(len(unit) for unit in units)
    data = np.full((n_coders, len(units)), np.nan)
    for j, unit in enumerate(units):
        for i, value in enumerate(unit):
            if value is not None:
                data[i, j] = code[value]
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
