"""The significance results in plain language, one sentence each, for the report.

Numbers are formatted as in the report (whole percentages, one decimal
below 1, a true minus sign). Outlets that rest on one or two articles are
spoken of as articles (:mod:`framing.analysis.significance.references`). A
difference reads "unlikely to be chance" only when both its adjusted
p-value is below the level and its 95% interval excludes zero
(:func:`is_clear`), so a reading never contradicts its own numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from framing.analysis.significance.caveat import _join
from framing.analysis.significance.references import join_references, refer_all
from framing.model import (
    SIGNIFICANCE_LEVEL,
    FrameMixDivergence,
    LexiconSet,
    OutletSummary,
    PairDifference,
)

_MINUS = "\u2212"


def is_clear(difference: PairDifference, *, level: float = SIGNIFICANCE_LEVEL) -> bool:
    """Whether a pair difference is unlikely to be chance on both counts.

    Its adjusted p-value is below ``level`` and its 95% interval excludes
    zero. The two nearly always agree; where they do not (the interval and
    the test are computed differently), the difference is not called clear.
    """
    low, high = difference.ci95
    return difference.q_value < level and not low <= 0.0 <= high


def describe_pair(
    difference: PairDifference,
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    level: float = SIGNIFICANCE_LEVEL,
) -> str:
    """One sentence reading a pair difference, the outlet with the larger share first.

    E.g. "In Military.com's article, 41% of sentences invoke Legally
    unprotected civilians; in People's article, 8%: a difference of 33
    points (95% interval 13 to 52), unlikely to be chance (adjusted p =
    0.01)." Numbers are formatted as in the report (whole percentages, one
    decimal below 1). An outlet with fewer than three articles is named by
    its articles. "Unlikely to be chance" needs :func:`is_clear`; an
    interval that excludes zero with an adjusted p-value above ``level``
    reads "could be chance, given how many comparisons were made".
    """
    references = refer_all(outlets)
    label = lexicons.frame(difference.frame).label
    a, b = references[difference.outlet_a].text, references[difference.outlet_b].text
    share_a, share_b, diff = difference.share_a, difference.share_b, difference.diff
    low, high = difference.ci95
    if diff < 0:
        a, b, share_a, share_b, diff = b, a, share_b, share_a, -diff
        low, high = -high, -low
    p = f"adjusted p {_format_p(difference.q_value)}"
    if share_a == 0 and share_b == 0:
        return f"Neither {a} nor {b} has a sentence invoking {label}: no difference ({p})."
    interval = f"95% interval {_format_points(low)} to {_format_points(high)}"
    if diff == 0:
        return (
            f"In {a} and {b} alike, {_format_percent(share_a)} of sentences invoke {label}: "
            f"no difference ({interval}; {p})."
        )
    includes_zero = low <= 0.0 <= high
    if is_clear(difference, level=level):
        verdict = f"unlikely to be chance ({p})"
    elif difference.q_value < level:
        verdict = f"could be chance: its interval includes zero, though the test gives {p}"
    elif not includes_zero:
        verdict = f"could be chance, given how many comparisons were made ({p})"
    else:
        verdict = f"could be chance ({p})"
    other = "none" if share_b == 0 else _format_percent(share_b)
    size = percentage_points(diff, unit="point")
    return (
        f"In {a}, {_format_percent(share_a)} of sentences invoke {label}; in {b}, {other}: "
        f"a difference of {size} ({interval}), {verdict}."
    )


def percentage_points(value: float, *, unit: str = "percentage point") -> str:
    """``0.33 -> "33 percentage points"``, ``0.01 -> "1 percentage point"``."""
    points = _format_points(abs(value))
    if points == "0":
        return f"less than 0.1 {unit}s"
    return f"{points} {unit}" + ("" if points == "1" else "s")


def describe_frame_mix(divergence: FrameMixDivergence, *, outlets: Sequence[OutletSummary]) -> str:
    """One or two sentences naming the outlets whose frame mixes are most and least alike.

    E.g. "Arab News and People mix the frames most alike (Jensen-Shannon
    distance 0.05, on a scale from 0, the same mix, to 1, no frame in
    common) and Military.com and People least alike (0.62)." An outlet with
    fewer than three articles is named by its articles ("Arab News's
    article and People's article mix …").
    """
    references = refer_all(outlets)
    scale = "on a scale from 0, the same mix, to 1, no frame in common"
    silent = [
        references[o]
        for i, o in enumerate(divergence.outlets)
        if all(d is None for d in divergence.distance[i])
    ]
    note = ""
    if silent:
        many = len(silent) > 1 or silent[0].plural
        verb = "invoke" if many else "invokes"
        its = "their mixes" if many else "its mix"
        note = f" {join_references(silent)} {verb} none of the frames, so {its} cannot be compared."
    if len(divergence.outlets) < 2:
        return "There is only one outlet, so there is no mix of frames to compare."
    pairs = divergence.pairs()
    if not pairs:
        return f"No two outlets both invoke the frames, so no mixes can be compared.{note}"

    def pair_name(pair: tuple[str, str, float]) -> str:
        return _join([references[pair[0]].text, references[pair[1]].text])

    if len(pairs) == 1:
        (pair,) = pairs
        return (
            f"{pair_name(pair)} mix the frames at a Jensen-Shannon distance of "
            f"{pair[2]:.2f} ({scale}).{note}"
        )
    closest = min(pairs, key=itemgetter(2))
    farthest = max(pairs, key=itemgetter(2))
    if f"{closest[2]:.2f}" == f"{farthest[2]:.2f}":
        return (
            f"Every pair of outlets mixes the frames at about the same Jensen-Shannon "
            f"distance, {closest[2]:.2f} ({scale}).{note}"
        )

    def tied(value: float) -> str:
        others = sum(1 for p in pairs if f"{p[2]:.2f}" == f"{value:.2f}") - 1
        if not others:
            return ""
        return f", tied with {others} other pair{'s' if others > 1 else ''}"

    return (
        f"{pair_name(closest)} mix the frames most alike (Jensen-Shannon distance "
        f"{closest[2]:.2f}, {scale}{tied(closest[2])}) and {pair_name(farthest)} least alike "
        f"({farthest[2]:.2f}{tied(farthest[2])}).{note}"
    )


def _format_percent(share: float) -> str:
    """``0.41 -> "41%"``, ``0.004 -> "0.4%"`` (as the report's ``format_pct``)."""
    return _format_points(share) + "%"


def _format_points(value: float) -> str:
    """A fraction in percentage points: whole, one decimal below 1, a true minus sign."""
    pct = value * 100
    text = f"{abs(pct):.1f}" if 0 < abs(pct) < 0.95 else f"{abs(pct):.0f}"
    if text in ("0.0", "0"):
        return "0"
    return (_MINUS if pct < 0 else "") + text


def _format_p(q: float) -> str:
    """``"= 0.001"``, ``"= 0.04"``, ``"< 0.001"``, ``"= 1"``."""
    if q < 0.001:
        return "< 0.001"
    if q >= 0.995:
        return "= 1"
    return f"= {q:.3f}" if q < 0.01 else f"= {q:.2f}"
