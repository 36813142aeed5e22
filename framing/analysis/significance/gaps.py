"""Each frame's divergence in plain words, saying no more than the numbers hold.

:func:`describe_divergence` turns a :class:`~framing.model.Divergence` into
the sentence the report's summary shows and the JSON's
``divergence[].reading`` holds. Three rules keep it true of the data:

* **Ties are named as ties.** Every outlet at the highest share, and every
  outlet at the lowest, is named ("in Military.com's article and People's
  article, none"; "in 7 outlets (…), none"), never one of them as *the*
  least.
* **A gap is called a gap only when it holds**: when its 95% interval
  excludes zero and, where the pairwise tests were run, the adjusted p-value
  of that pair of outlets is below the significance level. An interval
  that includes zero reads "no clear difference"; an interval that excludes
  zero with an adjusted p-value above the level reads "could still be
  chance, given the comparisons made".
* **Outlets that rest on one or two articles are spoken of as articles**
  (:mod:`framing.analysis.significance.references`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from framing.analysis.compare import tied_outlets
from framing.analysis.significance.caveat import _join
from framing.analysis.significance.readings import (
    _format_p,
    _format_percent,
    _format_points,
    percentage_points,
)
from framing.analysis.significance.references import join_references, refer_all
from framing.model import (
    SIGNIFICANCE_LEVEL,
    Analysis,
    Divergence,
    FrameScore,
    LexiconSet,
    OutletSummary,
    PairDifference,
)
from framing.model.depth import DivergenceReading, Finding, FrameMixDivergence, Readings

#: Tied outlets are named with their counts up to this many; beyond, counted and named.
TIES_WITH_COUNTS = 3


def matching_pair(
    pairs: Sequence[PairDifference], frame: str, a: str, b: str
) -> PairDifference | None:
    """The pairwise test of outlets ``a`` and ``b`` on ``frame``, in either order, if run."""
    for p in pairs:
        if p.frame == frame and {p.outlet_a, p.outlet_b} == {a, b}:
            return p
    return None


def finding_of(
    interval: tuple[float, float],
    test: PairDifference | None,
    *,
    level: float = SIGNIFICANCE_LEVEL,
) -> Finding:
    """What a nonzero difference with this 95% interval (and, if run, this test) amounts to."""
    low, high = interval
    if low <= 0.0 <= high:
        return "no_clear_difference"
    if test is not None and test.q_value >= level:
        return "could_be_chance"
    return "gap"


def describe_divergence(
    divergence: Divergence,
    *,
    scores: Mapping[tuple[str, str], FrameScore],
    outlets: Sequence[OutletSummary],
    pairs: Sequence[PairDifference] = (),
    level: float = SIGNIFICANCE_LEVEL,
) -> DivergenceReading:
    """The divergence in words: who is highest and lowest (ties named), and whether it holds.

    E.g. (the label in brackets) "In Military.com's article, 41% of
    sentences (12 of 29) invoke [Legally unprotected civilians]; in People's
    article, 8% (3 of 38). A gap of 33 percentage points (95% interval 13 to
    52), unlikely to be chance (adjusted p = 0.01)." ``pairs`` are the
    pairwise tests (:func:`~framing.analysis.significance.pairs.compare_pairs`),
    empty when they were not run; the adjusted p-value of the divergence's
    pair then qualifies the gap.
    """
    references = refer_all(outlets)
    size = {o.id: o.n_sentences for o in outlets}
    name = {o.id: o.name for o in outlets}
    most, least = tied_outlets(scores, divergence, outlets=outlets)
    frame = divergence.frame

    def counts(ids: Sequence[str]) -> str:
        if len(ids) > TIES_WITH_COUNTS:
            return ""
        each = [f"{scores[(i, frame)].n_sentences:,} of {size[i]:,}" for i in ids]
        return f" ({' and '.join(each)})"

    def where(ids: Sequence[str]) -> str:
        group = [references[i] for i in ids]
        if len(group) <= TIES_WITH_COUNTS:
            return join_references(group)
        articles = "the articles of " if any(r.few for r in group) else ""
        return f"{articles}{len(group)} outlets ({_join([name[i] for i in ids])})"

    top, bottom = divergence.most_share, divergence.least_share
    if divergence.most == divergence.least:
        return DivergenceReading(
            f"With one outlet there is nothing to compare: in {where(most[:1])}, "
            f"{_format_percent(top)} of sentences{counts(most[:1])} invoke ",
            ".",
            "",
            "no_difference",
            most[:1],
            least[:1],
        )
    if divergence.gap == 0:
        everyone = tuple(dict.fromkeys((*most, *least)))
        if top == 0:
            return DivergenceReading(
                f"No sentence in any of the {len(everyone)} outlets' articles invokes ",
                ".",
                "",
                "no_difference",
                everyone,
                everyone,
            )
        return DivergenceReading(
            f"In every outlet, {_format_percent(top)} of sentences invoke ",
            ".",
            "No difference between the outlets.",
            "no_difference",
            everyone,
            everyone,
        )
    low_part = "none" if bottom == 0 else _format_percent(bottom)
    before = f"In {where(most)}, {_format_percent(top)} of sentences{counts(most)} invoke "
    after = f"; in {where(least)}, {low_part}{counts(least)}."
    test = matching_pair(pairs, frame, divergence.most, divergence.least)
    finding = finding_of(divergence.gap_ci95, test, level=level)
    return DivergenceReading(
        before,
        after,
        _verdict(divergence, finding, test, n_tests=len(pairs)),
        finding,
        most,
        least,
    )


def _verdict(
    divergence: Divergence, finding: Finding, test: PairDifference | None, *, n_tests: int
) -> str:
    """The sentence that says whether the difference holds."""
    low, high = divergence.gap_ci95
    size = percentage_points(divergence.gap)
    interval = f"95% interval {_format_points(low)} to {_format_points(high)}"
    if finding == "no_clear_difference":
        return (
            f"No clear difference: {size}, but its 95% interval, {_format_points(low)} to "
            f"{_format_points(high)}, includes zero, so chance alone could give a difference "
            "this large."
        )
    if finding == "could_be_chance":
        assert test is not None
        return (
            f"A difference of {size} ({interval}) that could still be chance, given the "
            f"{n_tests:,} comparisons made (adjusted p {_format_p(test.q_value)})."
        )
    if test is None:
        return f"A gap of {size} ({interval})."
    return (
        f"A gap of {size} ({interval}), unlikely to be chance "
        f"(adjusted p {_format_p(test.q_value)})."
    )


def build_readings(
    divergences: Sequence[Divergence],
    *,
    scores: Mapping[tuple[str, str], FrameScore],
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    pairs: Sequence[PairDifference] = (),
    frame_mix: FrameMixDivergence | None = None,
) -> Readings:
    """Every plain-language reading of an analysis, written once (see :class:`Readings`)."""
    from framing.analysis.significance.readings import describe_frame_mix, describe_pair

    return Readings(
        divergences={
            d.frame: describe_divergence(d, scores=scores, outlets=outlets, pairs=pairs)
            for d in divergences
        },
        pairs=tuple(describe_pair(p, outlets=outlets, lexicons=lexicons) for p in pairs),
        frame_mix=None if frame_mix is None else describe_frame_mix(frame_mix, outlets=outlets),
    )


def readings_of(analysis: Analysis) -> Readings:
    """The analysis' readings: those the pipeline wrote, or, for an analysis built by
    hand without them, written now from its results."""
    if analysis.readings is not None:
        return analysis.readings
    return build_readings(
        analysis.divergences,
        scores=analysis.scores,
        outlets=analysis.outlets,
        lexicons=analysis.lexicons,
        pairs=analysis.pairs,
        frame_mix=analysis.frame_mix,
    )
