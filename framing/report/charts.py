"""The report's charts as plotly payloads, each with the same numbers as a table.

The charts are drawn in the page by plotly.js from ``payload``, a JSON
object the templates embed with ``tojson``; every label in it goes through
:func:`~framing.report.format.plotly_text` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from framing.model import Analysis, FrameScore
from framing.report.common import Table, cell_score, cell_share
from framing.report.format import (
    finite,
    format_interval,
    format_pct,
    format_score,
    plotly_text,
    safe_colour,
)

#: Sequential, colour-blind-safe scale for the heatmaps.
HEATMAP_SCALE = "Cividis"
#: Plotly options shared by every chart: no logo link, no cloud features.
PLOTLY_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}


@dataclass(frozen=True)
class ChartView:
    """One plotly chart: element ids, caption, JSON payload and the same numbers as a table."""

    id: str
    title: str
    caption: str
    payload: dict[str, Any]
    table: Table


def _axis(title: str, **extra: Any) -> dict[str, Any]:
    """A plotly axis with a title, categorical unless told otherwise."""
    return {"title": {"text": plotly_text(title)}, "automargin": True, "type": "category", **extra}


def _layout(height: int, **extra: Any) -> dict[str, Any]:
    """Plotly layout options shared by the charts."""
    return {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 36, "b": 10},
        "font": {"family": "system-ui, sans-serif", "size": 13},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        **extra,
    }


def heatmap_chart(analysis: Analysis) -> ChartView:
    """Frames × outlets heatmap of shares, labelled with the percentages."""
    frames, outlets = analysis.frames, analysis.outlets
    z = [[cell_share(cell_score(analysis, o.id, f.id)) for o in outlets] for f in frames]
    text = [[format_pct(v) for v in row] for row in z]
    trace = {
        "type": "heatmap",
        "x": [plotly_text(o.name) for o in outlets],
        "y": [plotly_text(f.label) for f in frames],
        "z": z,
        "text": text,
        "texttemplate": "%{text}",
        "hovertemplate": "%{x}<br>%{y}<br>%{text} of sentences<extra></extra>",
        "colorscale": HEATMAP_SCALE,
        "zmin": 0,
        "colorbar": {"tickformat": ".0%", "title": {"text": "share"}},
        "xgap": 2,
        "ygap": 2,
    }
    layout = _layout(
        140 + 56 * len(frames),
        xaxis=_axis("Outlet", side="top"),
        yaxis=_axis("Frame", autorange="reversed"),
    )
    return ChartView(
        id="heatmap",
        title="Share of sentences by frame and outlet",
        caption=(
            "Each cell is the percentage of an outlet's sentences that invoke a frame; "
            "darker cells mean less, brighter cells more. Click a cell, or choose its outlet "
            "and frame in the explorer below, to read the sentences behind it."
        ),
        payload={"data": [trace], "layout": layout, "config": PLOTLY_CONFIG},
        table=Table(
            caption="Share of sentences by frame (rows) and outlet (columns).",
            corner="Frame",
            columns=tuple(o.name for o in outlets),
            rows=tuple((f.label, tuple(row)) for f, row in zip(frames, text, strict=True)),
        ),
    )


def _error_bar(score: FrameScore | None) -> tuple[float | None, float | None]:
    """Distances from a share to its interval's ends, as plotly's error_y wants them."""
    share = cell_share(score)
    if score is None or share is None:
        return None, None
    lo, hi = finite(score.ci95[0]), finite(score.ci95[1])
    return (
        None if hi is None else max(hi - share, 0.0),
        None if lo is None else max(share - lo, 0.0),
    )


def bars_chart(analysis: Analysis) -> ChartView:
    """Grouped bars of shares per outlet, one colour per frame, with 95% intervals."""
    outlets = analysis.outlets
    traces = []
    for f in analysis.frames:
        scores = [cell_score(analysis, o.id, f.id) for o in outlets]
        errors = [_error_bar(s) for s in scores]
        traces.append(
            {
                "type": "bar",
                "name": plotly_text(f.label),
                "x": [plotly_text(o.name) for o in outlets],
                "y": [cell_share(s) for s in scores],
                "marker": {"color": safe_colour(f.colour)},
                "error_y": {
                    "type": "data",
                    "symmetric": False,
                    "array": [e[0] for e in errors],
                    "arrayminus": [e[1] for e in errors],
                    "thickness": 1.5,
                    "width": 4,
                },
                "hovertemplate": "%{x}<br>%{fullData.name}: %{y:.0%}<extra></extra>",
            }
        )
    layout = _layout(
        440,
        barmode="group",
        xaxis=_axis("Outlet"),
        yaxis=_axis("Share of sentences", type="linear", tickformat=".0%", rangemode="tozero"),
        legend={"orientation": "h", "y": -0.2},
    )
    rows = []
    for o in outlets:
        for f in analysis.frames:
            s = cell_score(analysis, o.id, f.id)
            rows.append(
                (
                    f"{o.name} \u00b7 {f.label}",
                    (
                        format_pct(cell_share(s)),
                        format_interval(None if s is None else s.ci95),
                        format_score(None if s is None else s.per_1k_tokens, 1),
                    ),
                )
            )
    return ChartView(
        id="bars",
        title="Shares with 95% intervals",
        caption=(
            "Bars show each outlet's share of sentences invoking each frame; whiskers show "
            "its 95% interval (Wilson's; it never shrinks to a point, even at 0%). When two "
            "whiskers do not overlap, the interval of the difference excludes zero; when they "
            "overlap, a difference is not ruled out. How the comparison holds up says which "
            "differences stay unlikely to be chance once the many comparisons are allowed for."
        ),
        payload={"data": traces, "layout": layout, "config": PLOTLY_CONFIG},
        table=Table(
            caption="Share, 95% interval and matches per 1,000 words, by outlet and frame.",
            corner="Outlet \u00b7 frame",
            columns=("Share", "95% interval", "Per 1k words"),
            rows=tuple(rows),
        ),
    )


def similarity_chart(analysis: Analysis) -> ChartView:
    """Outlet × outlet heatmap of TF-IDF cosine similarity."""
    names = [o.name for o in analysis.outlets]
    z = [[finite(v) for v in row] for row in analysis.similarity]
    text = [[format_score(v, 2) for v in row] for row in z]
    trace = {
        "type": "heatmap",
        "x": [plotly_text(n) for n in names],
        "y": [plotly_text(n) for n in names],
        "z": z,
        "text": text,
        "texttemplate": "%{text}",
        "hovertemplate": "%{y} vs %{x}: %{text}<extra></extra>",
        "colorscale": HEATMAP_SCALE,
        "zmin": 0,
        "zmax": 1,
        "xgap": 2,
        "ygap": 2,
    }
    layout = _layout(
        max(300, 140 + 56 * len(names)),
        xaxis=_axis("Outlet", side="top"),
        yaxis=_axis("Outlet", autorange="reversed"),
    )
    return ChartView(
        id="similarity",
        title="Vocabulary similarity between outlets",
        caption=(
            "Cosine similarity of the outlets' TF-IDF vocabulary: 1 means identical word use, "
            "0 means no distinctive words in common."
        ),
        payload={"data": [trace], "layout": layout, "config": PLOTLY_CONFIG},
        table=Table(
            caption="TF-IDF cosine similarity between outlets.",
            corner="Outlet",
            columns=tuple(names),
            rows=tuple((n, tuple(row)) for n, row in zip(names, text, strict=False)),
        ),
    )


def chart_views(analysis: Analysis) -> tuple[ChartView, ...]:
    """The charts of the Charts section, in display order."""
    return (heatmap_chart(analysis), bars_chart(analysis))
