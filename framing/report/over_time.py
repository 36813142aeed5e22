"""The "Over time" section: each frame's share per outlet and period, as a line chart.

One chart per frame, one line per outlet joining the periods it has
sentences enough in, each point with its 95% Wilson interval; periods an
outlet has too few sentences in are drawn as open markers off the line,
without whiskers, and marked in the table. Above the
charts, the readings of the changes the data can tell from chance
(:mod:`framing.analysis.over_time`); the other readings are folded below.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from framing.lexicons.load import DEFAULT_COLOURS
from framing.model import Analysis
from framing.model.time import OverTime, Period, PeriodShare
from framing.report.charts import PLOTLY_CONFIG, ChartView, _axis, _layout
from framing.report.common import Table
from framing.report.format import format_interval, format_pct, plotly_text, plural

#: The x axis's title for each period length (a week is named by its Monday).
_AXIS_TITLES = {"day": "Day", "week": "Week starting", "month": "Month", "quarter": "Quarter"}
#: Outlet line colours: the Okabe–Ito palette, then black; lines repeat them dashed.
OUTLET_COLOURS = (*DEFAULT_COLOURS, "#000000")
_DASHES = ("solid", "dash", "dot")


@dataclass(frozen=True)
class OverTimeView:
    """What the section shows. ``message`` (one line) replaces everything else when
    there is nothing to follow (no dates, or a single period)."""

    message: str | None
    intro: str
    changes: tuple[str, ...]
    steady: tuple[str, ...]
    charts: tuple[ChartView, ...]
    undated: str | None


def over_time_view(analysis: Analysis) -> OverTimeView | None:
    """The section's view model; ``None`` when the frames over time were left out."""
    over_time = analysis.over_time
    if over_time is None:
        return None
    undated = _undated(over_time)
    if over_time.message is not None:
        return OverTimeView(over_time.message, "", (), (), (), undated)
    by = over_time.by
    first, last = over_time.periods[0], over_time.periods[-1]
    chosen = "chosen from the span of the articles' dates" if over_time.auto else "as asked"
    intro = (
        f"Each outlet's share of sentences invoking each frame, {by} by {by} "
        f"({plural(len(over_time.periods), by or 'period')} from {first.label} to {last.label}, "
        f"{chosen}). Whiskers are 95% intervals; an open marker off the line is a {by} in "
        f"which the outlet has fewer than {over_time.min_sentences} sentences, too few to read. "
        "A change is named only when the two periods' intervals do not overlap and an exact "
        "test, corrected for the number of periods compared, agrees."
    )
    changes = tuple(c.reading for c in over_time.changes if c.changed)
    steady = tuple(c.reading for c in over_time.changes if not c.changed)
    return OverTimeView(None, intro, changes, steady, time_charts(analysis, over_time), undated)


def _undated(over_time: OverTime) -> str | None:
    n_docs, n_sentences = over_time.n_undated_documents, over_time.n_undated_sentences
    if not n_docs and not n_sentences:
        return None
    has, is_ = ("has", "is") if n_docs == 1 else ("have", "are")
    return (
        f"{plural(n_docs, 'article')} ({plural(n_sentences, 'sentence')}) {has} no date "
        f"and {is_} counted in no period."
    )


def time_charts(analysis: Analysis, over_time: OverTime) -> tuple[ChartView, ...]:
    """One line chart per frame, in lexicon order."""
    cells: dict[tuple[str, str], list[PeriodShare]] = defaultdict(list)
    for s in over_time.shares:
        cells[(s.frame, s.outlet)].append(s)
    return tuple(
        _frame_chart(analysis, over_time, index, frame.id, frame.label, cells)
        for index, frame in enumerate(analysis.frames, 1)
    )


def _frame_chart(
    analysis: Analysis,
    over_time: OverTime,
    index: int,
    frame: str,
    label: str,
    cells: dict[tuple[str, str], list[PeriodShare]],
) -> ChartView:
    periods = over_time.periods
    x = [plotly_text(_tick(p, over_time.by)) for p in periods]
    traces: list[dict[str, Any]] = []
    rows = []
    for i, outlet in enumerate(analysis.outlets):
        series = cells[(frame, outlet.id)]
        colour = OUTLET_COLOURS[i % len(OUTLET_COLOURS)]
        dash = _DASHES[(i // len(OUTLET_COLOURS)) % len(_DASHES)]
        name = plotly_text(outlet.name)
        readable = [None if s.too_few else s.share for s in series]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": name,
                "legendgroup": f"outlet-{i}",
                "x": x,
                "y": readable,
                "line": {"color": colour, "dash": dash, "width": 2},
                "marker": {"color": colour, "size": 7},
                "error_y": {
                    "type": "data",
                    "symmetric": False,
                    "array": [_above(s) for s in series],
                    "arrayminus": [_below(s) for s in series],
                    "color": colour,
                    "thickness": 1.5,
                    "width": 4,
                },
                "text": [plotly_text(_hover(s, p)) for s, p in zip(series, periods, strict=True)],
                "hovertemplate": "%{fullData.name}<br>%{text}<extra></extra>",
                "connectgaps": True,
            }
        )
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": plotly_text(f"{outlet.name}: too few sentences"),
                "legendgroup": f"outlet-{i}",
                "showlegend": False,
                "x": x,
                "y": [s.share if s.too_few else None for s in series],
                "marker": {"color": colour, "size": 7, "symbol": "circle-open"},
                "text": [plotly_text(_hover(s, p)) for s, p in zip(series, periods, strict=True)],
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
        rows += [_row(outlet.name, s, p) for s, p in zip(series, periods, strict=True)]
    series_of_frame = [s for o in analysis.outlets for s in cells[(frame, o.id)]]
    top = max([0.1, *(_top(s) for s in series_of_frame)]) * 1.05
    layout = _layout(
        400,
        xaxis=_axis(
            _AXIS_TITLES.get(over_time.by or "", "Period"), categoryorder="array", categoryarray=x
        ),
        # a fixed range from 0, at least to 10%, so that a frame seldom used does not
        # get ticks so close that whole percentages repeat
        yaxis=_axis("Share of sentences", type="linear", tickformat=".0%", range=[0, top]),
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        hovermode="closest",
    )
    return ChartView(
        id=f"over-time-{index}",
        title=f"{label}, {over_time.by} by {over_time.by}",
        caption=(
            f"Each line is an outlet's share of sentences invoking {label} per {over_time.by}; "
            "whiskers show the 95% interval. The line joins the periods with enough sentences "
            "to read; open markers off it are periods with too few."
        ),
        payload={"data": traces, "layout": layout, "config": PLOTLY_CONFIG},
        table=Table(
            caption=(
                f"Share of sentences invoking {label}, by outlet and {over_time.by}. Periods in "
                "which an outlet has no article are left out."
            ),
            corner="Outlet \u00b7 period",
            columns=("Articles", "Sentences", "Invoking", "Share", "95% interval", "Note"),
            rows=tuple(r for r in rows if r is not None),
        ),
    )


def _tick(period: Period, by: str | None) -> str:
    """A period's short name on the x axis: "10 Mar 2022", "Mar 2022", "Q1 2022"."""
    start = date.fromisoformat(period.start)
    if by == "month":
        return f"{calendar.month_abbr[start.month]} {start.year}"
    if by in ("day", "week"):
        return f"{start.day} {calendar.month_abbr[start.month]} {start.year}"
    return period.label


def _top(s: PeriodShare) -> float:
    """The highest point drawn for a period: its interval's end, or its share when too few."""
    if s.share is None:
        return 0.0
    if s.too_few or s.ci95 is None:
        return s.share
    return s.ci95[1]


def _above(s: PeriodShare) -> float | None:
    if s.too_few or s.share is None or s.ci95 is None:
        return None
    return max(s.ci95[1] - s.share, 0.0)


def _below(s: PeriodShare) -> float | None:
    if s.too_few or s.share is None or s.ci95 is None:
        return None
    return max(s.share - s.ci95[0], 0.0)


def _hover(s: PeriodShare, period: Period) -> str:
    if s.n_sentences == 0:
        return f"{period.label}: no article"
    counts = f"{plural(s.n_sentences, 'sentence')} in {plural(s.n_documents, 'article')}"
    if s.too_few:
        return f"{period.label}: {format_pct(s.share)}, too few sentences to read ({counts})"
    interval = format_interval(s.ci95)
    return f"{period.label}: {format_pct(s.share)} (95% interval {interval}), {counts}"


def _row(outlet: str, s: PeriodShare, period: Period) -> tuple[str, tuple[str, ...]] | None:
    if s.n_documents == 0 and s.n_sentences == 0:
        return None
    return (
        f"{outlet} \u00b7 {period.label}",
        (
            f"{s.n_documents:,}",
            f"{s.n_sentences:,}",
            f"{s.n_support:,}",
            format_pct(s.share),
            format_interval(s.ci95),
            "too few sentences" if s.too_few else "",
        ),
    )
