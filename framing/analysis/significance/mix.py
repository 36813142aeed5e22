"""How alike the outlets' mixes of frames are: Jensen-Shannon distances.

numpy and scipy are imported inside the function.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from framing.model import FrameMixDivergence, FrameScore, LexiconSet, OutletSummary


def frame_mix_divergence(
    scores: Mapping[tuple[str, str], FrameScore],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
) -> FrameMixDivergence:
    """Jensen-Shannon distances between the outlets' frame mixes, in outlet order.

    An outlet's frame mix is its non-negated frame hits (unweighted, as
    :attr:`FrameScore.n_hits`) per frame, normalised to sum to 1: how the
    outlet divides its framing among the frames, whatever its amount. Two
    outlets with the same proportions have distance 0 even if one uses the
    frames twice as often (the shares and pair differences measure that).

    The Jensen-Shannon divergence ``JSD(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M)``,
    ``M = ½ (P + Q)``, is symmetric, always finite (unlike KL when a frame is
    missing from one outlet) and, in base 2, between 0 and 1 bit.
    ``scipy.spatial.distance.jensenshannon(base=2)`` returns its square
    root, the Jensen-Shannon *distance*, and that is what is reported: it is
    a metric (it obeys the triangle inequality, so it can be drawn as a map
    or clustered), and it spreads out the small values that similar
    outlets have (a divergence of 0.01 bit is a distance of 0.1). The
    divergence is :attr:`FrameMixDivergence.divergence`. An outlet with no
    hit has no mix: its row and column are ``None``.
    """
    import numpy as np
    from scipy.spatial.distance import jensenshannon

    ids = tuple(o.id for o in outlets)
    counts = np.array(
        [[scores[(o, f)].n_hits for f in lexicons.frame_ids] for o in ids], dtype=float
    ).reshape(len(ids), len(lexicons.frame_ids))
    has_mix = counts.sum(axis=1) > 0
    matrix: list[list[float | None]] = [[None] * len(ids) for _ in ids]
    for i in range(len(ids)):
        for j in range(i, len(ids)):
            if has_mix[i] and has_mix[j]:
                d = 0.0 if i == j else float(jensenshannon(counts[i], counts[j], base=2))
                matrix[i][j] = matrix[j][i] = 0.0 if math.isnan(d) else d
    return FrameMixDivergence(ids, tuple(tuple(row) for row in matrix))
