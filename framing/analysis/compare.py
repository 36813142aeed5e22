"""Where the outlets' emphasis diverges, frame by frame.

For each frame, the outlet whose sentences invoke it most and the one whose
sentences invoke it least, the gap between their shares, and a 95%
bootstrap interval for that gap: each outlet's sentences are resampled
separately (the same replicates as the outlets' own intervals, see
:mod:`framing.analysis.stats`), and the interval is taken over the replicate
differences. Frames are ordered by gap, largest first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from framing.analysis.stats import bootstrap_share_draws, percentile_interval, rng_for
from framing.model import Divergence, FrameScore, LexiconSet, OutletSummary

if TYPE_CHECKING:
    import numpy as np


def compare_outlets(
    scores: Mapping[tuple[str, str], FrameScore],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    n_bootstrap: int,
    seed: int,
) -> tuple[Divergence, ...]:
    """One :class:`Divergence` per frame, the most divergent first.

    Ties on share are broken by outlet order, ties on gap by frame order, so
    the result is deterministic.
    """
    position = {o.id: i for i, o in enumerate(outlets)}
    size = {o.id: o.n_sentences for o in outlets}
    divergences: list[tuple[float, int, Divergence]] = []
    for j, frame in enumerate(lexicons.frames):
        cells = [scores[(o.id, frame.id)] for o in outlets]
        most = min(cells, key=lambda c: (-c.share, position[c.outlet]))
        least = min(cells, key=lambda c: (c.share, position[c.outlet]))

        def draws(cell: FrameScore, frame_index: int = j) -> np.ndarray:
            return bootstrap_share_draws(
                cell.n_sentences,
                size[cell.outlet],
                n_resamples=n_bootstrap,
                rng=rng_for(seed, position[cell.outlet], frame_index),
            )

        gap = most.share - least.share
        interval = percentile_interval(draws(most) - draws(least)) if most != least else (0.0, 0.0)
        divergence = Divergence(
            frame=frame.id,
            most=most.outlet,
            least=least.outlet,
            most_share=most.share,
            least_share=least.share,
            gap=gap,
            gap_ci95=interval,
        )
        divergences.append((-gap, j, divergence))
    divergences.sort(key=lambda item: (item[0], item[1]))
    return tuple(d for _, _, d in divergences)
