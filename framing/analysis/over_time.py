"""Frames over time: each outlet's share of each frame per day, week, month or quarter.

:func:`frames_over_time` puts every analysed sentence in the period of its
article's date and counts, per outlet, frame and period, the sentences and
those that invoke the frame (at least one non-negated hit, as the frame
scores do). A share comes with its 95% Wilson score interval, which stays
inside 0–100% and is never empty, even for 0 of 25 sentences.

**Periods.** ``by`` is ``"day"``, ``"week"`` (ISO weeks, Monday to
Sunday), ``"month"`` or ``"quarter"``. Left to choose (``by=None``), it
takes the shortest of these that cuts the span from the first date to the
last into at most :data:`MAX_AUTO_PERIODS` (15) periods: days up to about
two weeks, weeks up to about three and a half months, months up to fifteen,
quarters beyond. That gives a trend enough points (usually 4 to 15) while
leaving each period sentences enough to read. The periods run from the
first date's to the last date's, empty ones included, so that the chart's
axis keeps time's proportions. An outlet's period with
fewer than :data:`~framing.model.time.MIN_SENTENCES` sentences is marked
*too few*: its share is shown, never read.

**Changes.** For each outlet and frame, the reading names the largest
change between two periods (earlier to later) that the data can tell from
chance, and a change is called a change only when all of these hold:

* both periods have enough sentences (not *too few*);
* the two periods' 95% intervals do not overlap;
* Fisher's exact test of the two periods' counts gives a p-value below
  0.05 divided by the number of pairs of periods compared (Bonferroni).

The last condition keeps many periods from turning chance into change:
with 30 periods there are 435 pairs, and the highest and lowest of 30
shares drawn from one unchanging rate often have intervals that just miss
each other. Sentences of one article are not independent (an article on
one theme invokes a frame in many of its sentences), which makes intervals
over sentences too narrow, and is one more reason to ask this much. A
period with one article is named as that article ("in its one article of
March 2022"): a change between two articles is not a trend.

Articles without a date (or with one that is not an ISO date) are in no
period; they are counted per outlet as undated, and the report says so.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from itertools import combinations
from statistics import NormalDist

from framing.analysis.features import invoked_frames
from framing.model import DocumentSummary, Hit, LexiconSet, OutletSummary, Sentence
from framing.model.time import (
    MIN_SENTENCES,
    PERIODS,
    By,
    OverTime,
    Period,
    PeriodShare,
    TimeChange,
)

#: Auto ``by``: the shortest period length that gives at most this many periods.
MAX_AUTO_PERIODS = 15
#: Significance level of a change, before the Bonferroni correction.
CHANGE_LEVEL = 0.05

_Z95 = NormalDist().inv_cdf(0.975)


# --------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------


def parse_day(value: str | None) -> date | None:
    """The date of an ISO ``YYYY-MM-DD`` string (a time after it is ignored), else ``None``.

    >>> parse_day("2022-03-10"), parse_day("2022-03-10T08:00:00Z"), parse_day("10/03/2022")
    (datetime.date(2022, 3, 10), datetime.date(2022, 3, 10), None)
    """
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def choose_by(first: date, last: date) -> By:
    """The shortest period length with at most :data:`MAX_AUTO_PERIODS` periods from
    ``first`` to ``last`` (quarters when even they are more).

    >>> d = date(2022, 3, 1)
    >>> [choose_by(d, d + timedelta(days=n)) for n in (10, 60, 120, 1000)]
    ['day', 'week', 'month', 'quarter']
    """
    for by in PERIODS[:-1]:
        if len(periods_between(first, last, by)) <= MAX_AUTO_PERIODS:
            return by
    return "quarter"


def period_of(day: date, by: By) -> Period:
    """The period of length ``by`` that holds ``day``.

    >>> period_of(date(2022, 3, 10), "week")
    Period(key='2022-W10', label='week of 7 March 2022', start='2022-03-07', end='2022-03-13')
    >>> period_of(date(2022, 3, 10), "quarter")
    Period(key='2022-Q1', label='Q1 2022', start='2022-01-01', end='2022-03-31')
    """
    if by == "day":
        return Period(day.isoformat(), _day_label(day), day.isoformat(), day.isoformat())
    if by == "week":
        monday = day - timedelta(days=day.weekday())
        year, week, _ = monday.isocalendar()
        end = monday + timedelta(days=6)
        return Period(
            f"{year}-W{week:02d}", f"week of {_day_label(monday)}", monday.isoformat(),
            end.isoformat(),
        )  # fmt: skip
    if by == "month":
        start = day.replace(day=1)
        end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        label = f"{calendar.month_name[day.month]} {day.year}"
        return Period(f"{day.year}-{day.month:02d}", label, start.isoformat(), end.isoformat())
    if by == "quarter":
        quarter = (day.month - 1) // 3 + 1
        start = date(day.year, 3 * quarter - 2, 1)
        end_month = 3 * quarter
        end = date(day.year, end_month, calendar.monthrange(day.year, end_month)[1])
        label = f"Q{quarter} {day.year}"
        return Period(f"{day.year}-Q{quarter}", label, start.isoformat(), end.isoformat())
    raise ValueError(f"unknown period {by!r}; expected one of {', '.join(PERIODS)}")


def periods_between(first: date, last: date, by: By) -> tuple[Period, ...]:
    """Every period of length ``by`` from ``first``'s to ``last``'s, in order."""
    periods = [period_of(first, by)]
    while date.fromisoformat(periods[-1].end) < last:
        periods.append(period_of(date.fromisoformat(periods[-1].end) + timedelta(days=1), by))
    return tuple(periods)


def _day_label(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


# --------------------------------------------------------------------------
# Shares
# --------------------------------------------------------------------------


def wilson_interval(k: int, n: int) -> tuple[float, float]:
    """The 95% Wilson score interval of ``k`` out of ``n`` (Newcombe 1998, no correction).

    The same numbers as ``scipy.stats.binomtest(k, n).proportion_ci(method="wilson")``
    (tests/analysis/test_over_time.py checks it), without the binomial test
    that ``binomtest`` computes first, which costs more than the interval.

    >>> [round(x, 4) for x in wilson_interval(0, 25)]
    [0.0, 0.1332]
    """
    if n <= 0:
        raise ValueError("an interval needs at least one sentence")
    p = k / n
    z = _Z95
    denom = 2 * (n + z**2)
    center = (2 * n * p + z**2) / denom
    delta = z / denom * math.sqrt(4 * n * p * (1 - p) + z**2)
    low = 0.0 if k == 0 else center - delta
    high = 1.0 if k == n else center + delta
    return low, high


#: Per document id: its outlet id, its number of sentences, and per frame id
#: how many of its sentences support the frame.
DocumentCounts = Mapping[str, tuple[str, int, Mapping[str, int]]]


def frames_over_time(
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    documents: Sequence[DocumentSummary],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    by: By | None = None,
) -> OverTime:
    """Each outlet's share of each frame per period, and the readings of their changes.

    ``by`` is the length of the periods; ``None`` chooses it from the span
    of the documents' dates (see the module's docstring).
    """
    invoked = invoked_frames(hits)
    counts: dict[str, tuple[str, int, Counter[str]]] = {}
    for s in sentences:
        outlet, n, support = counts.get(s.document, (s.outlet, 0, Counter()))
        support.update(invoked.get(s.id, ()))
        counts[s.document] = (outlet, n + 1, support)
    return frames_over_time_from_counts(
        counts, documents, outlets=outlets, lexicons=lexicons, by=by
    )


#: Per (outlet id, day; None when undated): its articles, their sentences, and
#: per frame id how many of those sentences support the frame.
DayCounts = Mapping[tuple[str, date | None], tuple[int, int, Mapping[str, int]]]


def frames_over_time_from_counts(
    counts: DocumentCounts,
    documents: Sequence[DocumentSummary],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    by: By | None = None,
) -> OverTime:
    """:func:`frames_over_time` from per-document counts (see :data:`DocumentCounts`).

    ``documents`` gives each document's date; a document of ``documents``
    without counts is counted as an article with no sentence.
    """
    days: dict[tuple[str, date | None], tuple[int, int, Counter[str]]] = {}
    for d in documents:
        key = (d.outlet, parse_day(d.date))
        n_docs, n, support = days.get(key, (0, 0, Counter()))
        _, n_doc, doc_support = counts.get(d.id, (d.outlet, 0, {}))
        support.update(doc_support)
        days[key] = (n_docs + 1, n + n_doc, support)
    return frames_over_time_from_days(days, outlets=outlets, lexicons=lexicons, by=by)


def frames_over_time_from_days(
    days: DayCounts,
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    by: By | None = None,
) -> OverTime:
    """:func:`frames_over_time` from counts per outlet and day (see :data:`DayCounts`).

    What both the sentence path and the map-and-reduce path of the analysis
    (:mod:`framing.analysis.reduce`) call, so they cannot drift apart.
    """
    if by is not None and by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; expected one of {', '.join(PERIODS)}")
    undated_docs: Counter[str] = Counter()
    undated_sentences: Counter[str] = Counter()
    for (outlet, day), (n_docs, n, _) in days.items():
        if day is None:
            undated_docs[outlet] += n_docs
            undated_sentences[outlet] += n
    undated = {
        o.id: (undated_docs[o.id], undated_sentences[o.id])
        for o in outlets
        if undated_docs[o.id] or undated_sentences[o.id]
    }
    dated = sorted({day for (_, day) in days if day is not None})
    if not dated:
        message = "No analysed article has a date, so frames cannot be followed over time."
        return OverTime(None, by is None, (), (), (), undated=undated, message=message)
    auto = by is None
    chosen: By = choose_by(dated[0], dated[-1]) if by is None else by
    periods = periods_between(dated[0], dated[-1], chosen)
    if len(periods) < 2:
        message = (
            f"Every dated article falls in one {chosen} ({periods[0].label}), "
            "so there is no change over time to show."
        )
        return OverTime(chosen, auto, periods, (), (), undated=undated, message=message)
    shares = _shares(days, periods, chosen, outlets, lexicons)
    changes = _changes(shares, periods, chosen, outlets, lexicons)
    return OverTime(chosen, auto, periods, shares, changes, undated=undated)


def _shares(
    days: DayCounts,
    periods: Sequence[Period],
    by: By,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
) -> tuple[PeriodShare, ...]:
    """One :class:`PeriodShare` per outlet, frame and period, in that order."""
    n_docs: Counter[tuple[str, str]] = Counter()
    n_sentences: Counter[tuple[str, str]] = Counter()
    n_support: Counter[tuple[str, str, str]] = Counter()
    for (outlet, day), (docs, n, support) in days.items():
        if day is None:
            continue
        key = period_of(day, by).key
        n_docs[(outlet, key)] += docs
        n_sentences[(outlet, key)] += n
        for frame, k in support.items():
            n_support[(outlet, frame, key)] += k
    shares = []
    for o in outlets:
        for f in lexicons.frames:
            for p in periods:
                n, k = n_sentences[(o.id, p.key)], n_support[(o.id, f.id, p.key)]
                shares.append(
                    PeriodShare(
                        outlet=o.id,
                        frame=f.id,
                        period=p.key,
                        n_documents=n_docs[(o.id, p.key)],
                        n_sentences=n,
                        n_support=k,
                        share=k / n if n else None,
                        ci95=wilson_interval(k, n) if n else None,
                        too_few=n < MIN_SENTENCES,
                    )
                )
    return tuple(shares)


# --------------------------------------------------------------------------
# Changes
# --------------------------------------------------------------------------


def _changes(
    shares: Sequence[PeriodShare],
    periods: Sequence[Period],
    by: By,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
) -> tuple[TimeChange, ...]:
    """One :class:`TimeChange` per outlet and frame, in outlet then frame order."""
    cells: dict[tuple[str, str], list[PeriodShare]] = defaultdict(list)
    for s in shares:
        cells[(s.outlet, s.frame)].append(s)
    labels = {p.key: p.label for p in periods}
    return tuple(
        largest_change(
            cells[(o.id, f.id)], outlet_name=o.name, frame_label=f.label, labels=labels, by=by
        )
        for o in outlets
        for f in lexicons.frames
    )


def largest_change(
    series: Sequence[PeriodShare],
    *,
    outlet_name: str,
    frame_label: str,
    labels: dict[str, str],
    by: By,
) -> TimeChange:
    """The largest change in one outlet's share of one frame that chance does not explain.

    ``series`` is the outlet and frame's shares in time order; ``labels``
    maps a period's key to its label. See the module's docstring for when a
    difference is called a change.
    """
    outlet, frame = series[0].outlet, series[0].frame
    readable = [s for s in series if not s.too_few and s.share is not None]
    if len(readable) < 2:
        reading = (
            f"Too few sentences to follow {outlet_name}'s {frame_label} share over time: "
            f"fewer than two {by}s have {MIN_SENTENCES} sentences or more."
        )
        return TimeChange(outlet, frame, False, None, None, None, None, None, reading)
    pairs = list(combinations(readable, 2))
    threshold = CHANGE_LEVEL / len(pairs)
    for before, after in sorted(pairs, key=lambda pair: -abs(_diff(pair))):
        p_value = _fisher(before, after) if _apart(before, after) else None
        if p_value is not None and p_value < threshold:
            word = "rose" if _diff((before, after)) > 0 else "fell"
            reading = (
                f"{outlet_name}'s {frame_label} share {word} from "
                f"{_pct(before.share)} {_when(before, labels, by)} to "
                f"{_pct(after.share)} {_when(after, labels, by)}."
            )
            return TimeChange(
                outlet, frame, True, before.period, after.period, before.share, after.share,
                p_value, reading,
            )  # fmt: skip
    # the earliest of equal shares, as min and max keep the first they meet
    low = min(readable, key=lambda s: s.share or 0.0)
    high = max(readable, key=lambda s: s.share or 0.0)
    if low.share == high.share:
        spread = f"it is {_pct(low.share)} in every {by} with enough sentences"
    else:
        spread = (
            f"its {by}s range from {_pct(low.share)} ({labels[low.period]}) to "
            f"{_pct(high.share)} ({labels[high.period]}), a spread chance can explain"
        )
    reading = f"No clear change in {outlet_name}'s {frame_label} share: {spread}."
    first, second = sorted((low, high), key=lambda s: s.period)
    return TimeChange(
        outlet, frame, False, first.period, second.period, first.share, second.share, None,
        reading,
    )  # fmt: skip


def _diff(pair: tuple[PeriodShare, PeriodShare]) -> float:
    before, after = pair
    assert before.share is not None and after.share is not None
    return after.share - before.share


def _apart(a: PeriodShare, b: PeriodShare) -> bool:
    """Whether the two periods' 95% intervals do not overlap."""
    assert a.ci95 is not None and b.ci95 is not None
    return a.ci95[1] < b.ci95[0] or b.ci95[1] < a.ci95[0]


def _fisher(a: PeriodShare, b: PeriodShare) -> float:
    """Two-sided p-value of Fisher's exact test of the two periods' counts."""
    from scipy.stats import fisher_exact

    table = [
        [a.n_support, a.n_sentences - a.n_support],
        [b.n_support, b.n_sentences - b.n_support],
    ]
    return float(fisher_exact(table).pvalue)


def _when(s: PeriodShare, labels: dict[str, str], by: By) -> str:
    """ "in March 2022", "on 10 March 2022", or "in its one article of March 2022"."""
    label = labels[s.period]
    if by == "week":
        label = "the " + label
    if s.n_documents == 1:
        return f"in its one article of {label}"
    return f"on {label}" if by == "day" else f"in {label}"


def _pct(share: float | None) -> str:
    """``0.23 -> "23%"``, ``0.004 -> "0.4%"`` (as the report's ``format_pct``)."""
    assert share is not None
    pct = share * 100
    return (f"{pct:.1f}" if 0 < pct < 1 else f"{pct:.0f}") + "%"
