"""Where the outlets' emphasis diverges, frame by frame.

For each frame, the outlet whose sentences invoke it most and the one whose
sentences invoke it least, the gap between their shares, and a 95% interval
for that gap: Newcombe's hybrid score interval, built from the two shares'
own Wilson intervals (see :mod:`framing.analysis.stats`), so it agrees with
them and does not collapse when a share is 0. Frames are ordered by gap,
largest first.

Outlets often tie, above all at 0%: several outlets never use a frame.
:func:`tied_outlets` names every outlet that shares the highest or the
lowest share, so a reading can say "Arab News and People never use it"
instead of naming one of them as the least.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import product

from framing.analysis.stats import newcombe_interval
from framing.model import Divergence, FrameScore, LexiconSet, OutletSummary


def compare_outlets(
    scores: Mapping[tuple[str, str], FrameScore],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    n_bootstrap: int | None = None,
    seed: int | None = None,
) -> tuple[Divergence, ...]:
    """One :class:`Divergence` per frame, the most divergent first.

    ``most`` has the highest share and ``least`` the lowest. When several
    outlets tie for either, the pair named is the one whose gap interval
    reaches lowest (the least precise pair, often the outlets with fewest
    sentences), then the first in outlet order: a gap said of tied outlets
    must hold for each of them, and this is the pair on which it is least
    sure. With two outlets or more, ``most`` and ``least`` are always two
    different outlets (when every outlet has the same share the gap is 0 and
    its interval says how large a difference chance could hide). Ties on gap
    are broken by frame order, so the result is deterministic. The interval
    is computed, not resampled: ``n_bootstrap`` and ``seed`` are not used and
    are accepted so that callers written for the bootstrap keep working.
    """
    del n_bootstrap, seed  # the interval is computed, not resampled
    position = {o.id: i for i, o in enumerate(outlets)}
    divergences: list[tuple[float, int, Divergence]] = []
    for j, frame in enumerate(lexicons.frames):
        cells = [scores[(o.id, frame.id)] for o in outlets]
        high = max(c.share for c in cells)
        low = min(c.share for c in cells)
        tops = [c for c in cells if c.share == high]
        bottoms = [c for c in cells if c.share == low]
        candidates = [(a, b) for a, b in product(tops, bottoms) if a.outlet != b.outlet]
        if not candidates:  # a single outlet: nothing to compare it with
            most = least = cells[0]
            interval = (0.0, 0.0)
        else:

            def pair_key(pair: tuple[FrameScore, FrameScore]) -> tuple[float, int, int]:
                a, b = pair
                reach = newcombe_interval(a.share, a.ci95, b.share, b.ci95)[0]
                return reach, position[a.outlet], position[b.outlet]

            most, least = min(candidates, key=pair_key)
            interval = newcombe_interval(most.share, most.ci95, least.share, least.ci95)
        gap = most.share - least.share
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


def tied_outlets(
    scores: Mapping[tuple[str, str], FrameScore],
    divergence: Divergence,
    *,
    outlets: Sequence[OutletSummary],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The outlets tied at the divergence's highest share, and at its lowest.

    Each tuple starts with the outlet the divergence names (``most``,
    ``least``), then the others with exactly the same share, in outlet
    order. When every outlet has the same share, both tuples hold them all.
    """

    def tied(named: str, share: float) -> tuple[str, ...]:
        others = [
            o.id
            for o in outlets
            if o.id != named
            and (cell := scores.get((o.id, divergence.frame))) is not None
            and cell.share == share
        ]
        return (named, *others)

    return tied(divergence.most, divergence.most_share), tied(
        divergence.least, divergence.least_share
    )
