"""Render one :class:`~framing.model.Analysis` as a single, self-contained HTML file.

The report is a *view*: every number in it is read from the ``Analysis`` and
only formatted here. This module builds small, plain view models (strings,
tuples and frozen dataclasses) and hands them to Jinja2 templates in
``framing/report/templates``; the templates decide the markup.

Safety rules that every function here follows, because article text, titles,
outlet names, file names and lexicon labels are all untrusted:

* the Jinja environment autoescapes everything; no input-derived value is
  ever marked safe;
* data reaches JavaScript only as ``{{ payload | tojson }}`` inside a
  ``<script type="application/json">`` element, which the inline chart script
  reads with ``JSON.parse``;
* text handed to plotly (axis labels, trace names) is HTML-escaped first,
  because plotly renders a subset of HTML in labels;
* CSS colours from lexicon files are checked against a strict pattern before
  they reach a ``style`` attribute.

The only markup marked safe is plotly.js, embedded once so the report works
offline and from ``file://``: the *cartesian* bundle of plotly.js (heatmaps,
bars and the other 2-D traces), shipped in ``framing/report/vendor`` from the
npm package ``plotly.js-cartesian-dist-min``. At 1.5 MB instead of the full
bundle's 4.8 MB it makes the report a third of the size and lets a browser
draw the charts about twice as fast (docs/benchmarks.md).
"""

from __future__ import annotations

import functools
import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from framing.model import (
    Analysis,
    Divergence,
    DocumentSummary,
    Evidence,
    Frame,
    FrameScore,
    MatchSpan,
    RemovedSpan,
)

__all__ = [
    "Segment",
    "build_context",
    "highlight_segments",
    "plotly_js",
    "render_html",
    "script_safe",
]

#: One piece of an evidence sentence: its text and the match it belongs to, if any.
Segment = tuple[str, MatchSpan | None]

#: Evidence sentences shown per outlet in each divergence.
EVIDENCE_SHOWN = 3
#: Removed spans longer than this are folded into a ``<details>``.
REMOVED_PREVIEW_CHARS = 200
#: Colour used when a lexicon's colour is not a plain CSS colour.
FALLBACK_COLOUR = "#888888"
#: Sequential, colour-blind-safe scale for the heatmaps.
HEATMAP_SCALE = "Cividis"
#: Plotly options shared by every chart: no logo link, no cloud features.
PLOTLY_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}

_COLOUR_RE = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[a-zA-Z]{3,30}")
_SCRIPT_BREAKERS = re.compile(r"<(?=/script|script|!--)", re.IGNORECASE)
_KIND_ORDER = ("word", "phrase", "wildcard")
_MINUS = "\u2212"


# --------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------


def render_html(analysis: Analysis, *, classroom: bool = False) -> str:
    """Return the complete report for ``analysis`` as one HTML document.

    The result depends only on ``analysis`` and ``classroom``: rendering the
    same analysis twice gives byte-identical text. Nothing is written to disk;
    the caller decides where the text goes. With ``classroom``, a section of
    discussion questions and a printable worksheet is added
    (:mod:`framing.report.classroom`).
    """
    from framing.report.classroom import classroom_view

    context = build_context(analysis)
    context["classroom"] = classroom_view(analysis) if classroom else None
    template = _environment().get_template("base.html")
    return template.render(**context, plotly_js=Markup(plotly_js()))


def build_context(analysis: Analysis) -> dict[str, Any]:
    """Build every view model the templates need, keyed by template variable.

    Kept separate from :func:`render_html` so tests and notebooks can inspect
    what the report will show without parsing HTML.
    """
    from framing.report.depth import (
        holds_up_view,
        log_odds_lists,
        prominence_view,
        sources_view,
    )

    docs = _documents_by_id(analysis.documents)
    return {
        "name": analysis.name,
        "summary": summary_view(analysis),
        "charts": chart_views(analysis),
        "explorer": explorer_view(analysis),
        "divergences": tuple(
            divergence_view(analysis, d, i, docs) for i, d in enumerate(analysis.divergences, 1)
        ),
        "vocabulary": vocabulary_view(analysis),
        "audit": audit_view(analysis, docs),
        "method": method_view(analysis),
        "prominence": prominence_view(analysis),
        "holds_up": holds_up_view(analysis),
        "log_odds": log_odds_lists(analysis),
        "sources": sources_view(analysis),
    }


# --------------------------------------------------------------------------
# Embedding plotly.js
# --------------------------------------------------------------------------


#: The vendored plotly.js bundle and the version its header names
#: (tests/test_report_html.py checks both; docs/architecture.md says how to update).
PLOTLY_BUNDLE = "vendor/plotly-cartesian.min.js"
PLOTLY_VERSION = "4.1.1"
PLOTLY_SHA256 = "79542150855a52c567260e3137095dbe2b744e6d702a5cabe67da246942fba7a"


@functools.lru_cache(maxsize=1)
def plotly_js() -> str:
    """The vendored plotly.js bundle, safe to inline.

    Read lazily so that importing this module stays cheap, and cached
    because the bundle is over a megabyte.
    """
    from importlib.resources import files

    bundle = files("framing.report").joinpath(PLOTLY_BUNDLE).read_text(encoding="utf-8")
    return script_safe(bundle)


def script_safe(js: str) -> str:
    r"""Return ``js`` so that it can sit inside a ``<script>`` element unchanged in meaning.

    An HTML parser ends a script at ``</script`` and treats ``<!--`` followed
    by ``<script`` specially, wherever they occur in the JavaScript. Writing the
    ``<`` of those sequences as ``\x3C`` keeps them intact inside JavaScript
    strings, template literals and regular expressions (where such sequences
    occur in practice) while hiding them from the HTML parser. Text without
    these sequences is returned unchanged.
    """
    return _SCRIPT_BREAKERS.sub(r"\\x3C", js)


# --------------------------------------------------------------------------
# Evidence highlighting
# --------------------------------------------------------------------------


def highlight_segments(text: str, matches: Iterable[MatchSpan]) -> list[Segment]:
    """Split ``text`` into consecutive segments, each plain or belonging to one match.

    Joining the segments' text always gives back ``text`` exactly, so no
    character is lost or repeated whatever the spans look like. Spans are
    clamped to the text and empty ones ignored. They are taken in order of
    start (longer first on ties); where a span overlaps one already placed,
    only its part after the earlier span is highlighted, and a span entirely
    covered by earlier ones is dropped. Adjacent spans stay separate segments.
    """
    n = len(text)
    spans = sorted(
        (m for m in matches if min(m.end, n) > max(m.start, 0)),
        key=lambda m: (m.start, -m.end, m.negated, m.term, m.surface),
    )
    segments: list[Segment] = []
    cursor = 0
    for m in spans:
        start, end = max(m.start, 0, cursor), min(m.end, n)
        if end <= start:
            continue
        if start > cursor:
            segments.append((text[cursor:start], None))
        segments.append((text[start:end], m))
        cursor = end
    if cursor < n:
        segments.append((text[cursor:], None))
    return segments


# --------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------


def _finite(x: float | None) -> float | None:
    """``x`` if it is a finite number, else ``None`` (JSON has no NaN)."""
    if x is None or not math.isfinite(x):
        return None
    return float(x)


def _signed(value: float, magnitude: str) -> str:
    """Prefix ``magnitude`` with a true minus sign when ``value`` is negative.

    A value that rounds to zero gets no sign, so the report never shows "−0".
    """
    return _MINUS + magnitude if value < 0 and float(magnitude) != 0 else magnitude


def format_pct(x: float | None) -> str:
    """A fraction as a percentage: ``0.384 -> "38%"``, ``0.004 -> "0.4%"``."""
    x = _finite(x)
    if x is None:
        return "\u2014"
    pct = x * 100
    text = f"{abs(pct):.1f}" if 0 < abs(pct) < 1 else f"{abs(pct):.0f}"
    return _signed(pct, text) + "%"


def format_points(x: float | None) -> str:
    """A difference of fractions in percentage points, signed: ``-0.03 -> "−3"``."""
    return format_pct(x).removesuffix("%")


def format_score(x: float | None, digits: int = 3) -> str:
    """A score with a fixed number of decimals, or a dash when missing."""
    x = _finite(x)
    if x is None:
        return "\u2014"
    return _signed(x, f"{abs(x):.{digits}f}")


def format_interval(ci: tuple[float, float] | None) -> str:
    """A share interval as ``"31–45%"``."""
    if ci is None:
        return "\u2014"
    return f"{format_points(ci[0])}\u2013{format_pct(ci[1])}"


def safe_colour(colour: str) -> str:
    """``colour`` if it is a hex or named CSS colour, else a neutral grey.

    Lexicon files are input, and a colour ends up inside a ``style``
    attribute, where escaping alone would not stop e.g. ``url(...)``.
    """
    return colour if _COLOUR_RE.fullmatch(colour.strip()) else FALLBACK_COLOUR


def plotly_text(text: str) -> str:
    """Escape text for plotly labels, which interpret a subset of HTML and entities."""
    return html.escape(text, quote=False)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    """``"1 document"``, ``"3 documents"``."""
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


# --------------------------------------------------------------------------
# Shared view models
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A simple table: a corner label, column headers, and rows of (row header, cells)."""

    caption: str
    corner: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class FrameView:
    """A frame's display fields, with its colour made safe for CSS."""

    id: str
    label: str
    description: str
    colour: str


@dataclass(frozen=True)
class EvidenceView:
    """One evidence sentence, split for highlighting, and where it comes from."""

    segments: tuple[Segment, ...]
    document: str
    date: str | None
    rank: int
    origin: str | None = None
    speaker: str | None = None
    #: The frame's label, named in each matched term's tooltip.
    frame: str = ""


def frame_view(frame: Frame) -> FrameView:
    """Display fields of ``frame``."""
    return FrameView(frame.id, frame.label, frame.description, safe_colour(frame.colour))


def _documents_by_id(documents: Sequence[DocumentSummary]) -> dict[str, DocumentSummary]:
    """Index documents by id (first wins, as ids are unique)."""
    index: dict[str, DocumentSummary] = {}
    for d in documents:
        index.setdefault(d.id, d)
    return index


def document_label(doc_id: str, docs: dict[str, DocumentSummary]) -> str:
    """A document's title when known, else its id."""
    doc = docs.get(doc_id)
    return doc.title if doc is not None and doc.title else doc_id


def evidence_view(
    evidence: Evidence, docs: dict[str, DocumentSummary], analysis: Analysis | None = None
) -> EvidenceView:
    """Prepare one evidence sentence for display.

    With ``analysis``, the sentence is labelled shared or unique copy and
    given its speaker, when the in-depth analyses found them.
    """
    doc = docs.get(evidence.document)
    origin = speaker = None
    if analysis is not None and analysis.shared is not None:
        origin = "shared" if analysis.shared.group_of(evidence.sentence) >= 0 else "unique"
    if analysis is not None and analysis.quotations is not None:
        speaker = analysis.quotations.sentence_speaker.get(evidence.sentence)
    frame = analysis.lexicons.frame(evidence.frame).label if analysis is not None else ""
    return EvidenceView(
        segments=tuple(highlight_segments(evidence.text, evidence.matches)),
        document=document_label(evidence.document, docs),
        date=doc.date if doc is not None else None,
        rank=evidence.rank,
        origin=origin,
        speaker=speaker,
        frame=frame,
    )


def term_tip(frame: str, match: MatchSpan) -> str:
    """The tooltip of a highlighted term: its frame and the lexicon entry it matched.

    Shown on hover and keyboard focus, and read by screen readers as the
    mark's description.
    """
    parts = ["Negated, not counted"] if match.negated else []
    if frame:
        parts.append(frame)
    parts.append(f"lexicon entry: {match.term}")
    return " \u00b7 ".join(parts)


def _score(analysis: Analysis, outlet_id: str, frame_id: str) -> FrameScore | None:
    """The score of one cell, or ``None`` when the analysis has none."""
    return analysis.scores.get((outlet_id, frame_id))


def _share(score: FrameScore | None) -> float | None:
    return None if score is None else _finite(score.share)


# --------------------------------------------------------------------------
# 1. Summary
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DivergenceLine:
    """The facts of one divergence, for a plain-language sentence."""

    frame: FrameView
    most: str
    least: str
    most_share: str
    least_share: str
    gap: str
    gap_low: str
    gap_high: str


@dataclass(frozen=True)
class SummaryView:
    """Counts, one line per divergence, and the outlet × frame share table."""

    n_outlets: str
    n_documents: str
    n_sentences: str
    n_removed: int
    n_skipped: int
    lines: tuple[DivergenceLine, ...]
    shares: Table


def divergence_line(analysis: Analysis, d: Divergence) -> DivergenceLine:
    """Format one divergence's outlets, shares and gap."""
    return DivergenceLine(
        frame=frame_view(analysis.lexicons.frame(d.frame)),
        most=analysis.outlet(d.most).name,
        least=analysis.outlet(d.least).name,
        most_share=format_pct(d.most_share),
        least_share=format_pct(d.least_share),
        gap=format_points(d.gap),
        gap_low=format_points(d.gap_ci95[0]),
        gap_high=format_points(d.gap_ci95[1]),
    )


def share_table(analysis: Analysis) -> Table:
    """Shares with outlets as rows and frames as columns."""
    return Table(
        caption="Share of each outlet's sentences that invoke each frame.",
        corner="Outlet",
        columns=tuple(f.label for f in analysis.frames),
        rows=tuple(
            (
                o.name,
                tuple(format_pct(_share(_score(analysis, o.id, f.id))) for f in analysis.frames),
            )
            for o in analysis.outlets
        ),
    )


def summary_view(analysis: Analysis) -> SummaryView:
    """The opening summary: sizes, divergences in order, and the share table."""
    return SummaryView(
        n_outlets=_plural(len(analysis.outlets), "outlet"),
        n_documents=_plural(sum(o.n_documents for o in analysis.outlets), "document"),
        n_sentences=_plural(sum(o.n_sentences for o in analysis.outlets), "sentence"),
        n_removed=len(analysis.removed),
        n_skipped=len(analysis.skipped),
        lines=tuple(divergence_line(analysis, d) for d in analysis.divergences),
        shares=share_table(analysis),
    )


# --------------------------------------------------------------------------
# 2. Charts
# --------------------------------------------------------------------------


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
    z = [[_share(_score(analysis, o.id, f.id)) for o in outlets] for f in frames]
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
    share = _share(score)
    if score is None or share is None:
        return None, None
    lo, hi = _finite(score.ci95[0]), _finite(score.ci95[1])
    return (
        None if hi is None else max(hi - share, 0.0),
        None if lo is None else max(share - lo, 0.0),
    )


def bars_chart(analysis: Analysis) -> ChartView:
    """Grouped bars of shares per outlet, one colour per frame, with 95% intervals."""
    outlets = analysis.outlets
    traces = []
    for f in analysis.frames:
        scores = [_score(analysis, o.id, f.id) for o in outlets]
        errors = [_error_bar(s) for s in scores]
        traces.append(
            {
                "type": "bar",
                "name": plotly_text(f.label),
                "x": [plotly_text(o.name) for o in outlets],
                "y": [_share(s) for s in scores],
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
            s = _score(analysis, o.id, f.id)
            rows.append(
                (
                    f"{o.name} \u00b7 {f.label}",
                    (
                        format_pct(_share(s)),
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
            "the 95% bootstrap interval. Overlapping whiskers mean the difference may be chance."
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
    z = [[_finite(v) for v in row] for row in analysis.similarity]
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


#: Evidence sentences per page of the explorer.
EXPLORER_PAGE = 5


@dataclass(frozen=True)
class CellLink:
    """A link to one outlet × frame in the evidence explorer, with its share."""

    anchor: str
    outlet: str
    frame: str
    share: str


@dataclass(frozen=True)
class ExplorerView:
    """The evidence explorer: filter choices, cell links, and every cited sentence as data.

    The sentences travel once, as the JSON ``payload``, and the page's script
    builds only the page of them a reader asks for (with ``textContent``, so
    nothing in them is ever parsed as markup). Rendering every panel as HTML
    made the report of a large corpus slow to open. ``has_origin`` is set
    when the in-depth analyses labelled sentences shared or unique copy.
    """

    outlets: tuple[str, ...]
    frames: tuple[str, ...]
    links: tuple[CellLink, ...]
    has_origin: bool
    page_size: int
    payload: dict[str, Any]


def cell_anchor(outlet_index: int, frame_index: int) -> str:
    """The URL fragment of one cell in the explorer (``_explorer.js`` reads and writes the same)."""
    return f"cell-{outlet_index}-{frame_index}"


def _evidence_item(view: EvidenceView, documents: dict[tuple[str, str | None], int]) -> list[Any]:
    """One sentence of the explorer's payload: segments, document index, origin, speaker.

    A segment is ``[text]``, or ``[text, tooltip, negated]`` for a matched
    term. Documents are listed once and referred to by index.
    """
    segments = [
        [text] if m is None else [text, term_tip(view.frame, m), int(m.negated)]
        for text, m in view.segments
    ]
    doc = documents.setdefault((view.document, view.date), len(documents))
    return [segments, doc, view.origin or "", view.speaker or ""]


def explorer_view(analysis: Analysis) -> ExplorerView:
    """The explorer over every outlet × frame, in outlet then frame order.

    Each cell carries its share, how many sentences invoke the frame, and
    its evidence strongest first (as many as the analysis kept per cell).
    """
    docs = _documents_by_id(analysis.documents)
    documents: dict[tuple[str, str | None], int] = {}
    cells, links = [], []
    for i, o in enumerate(analysis.outlets):
        for j, f in enumerate(analysis.frames):
            score = _score(analysis, o.id, f.id)
            share = format_pct(_share(score))
            links.append(CellLink(cell_anchor(i, j), o.name, f.label, share))
            evidence = sorted(analysis.evidence_for(o.id, f.id), key=lambda e: e.rank)
            cells.append(
                {
                    "outlet": i,
                    "frame": j,
                    "share": share,
                    "n": 0 if score is None else score.n_sentences,
                    "items": [
                        _evidence_item(evidence_view(e, docs, analysis), documents)
                        for e in evidence
                    ],
                }
            )
    payload = {
        "outlets": [{"name": o.name, "n": o.n_sentences} for o in analysis.outlets],
        "frames": [f.label for f in analysis.frames],
        "documents": [[title, date or ""] for title, date in documents],
        "cells": cells,
        "pageSize": EXPLORER_PAGE,
    }
    return ExplorerView(
        outlets=tuple(o.name for o in analysis.outlets),
        frames=tuple(f.label for f in analysis.frames),
        links=tuple(links),
        has_origin=analysis.shared is not None,
        page_size=EXPLORER_PAGE,
        payload=payload,
    )


def chart_views(analysis: Analysis) -> tuple[ChartView, ...]:
    """The charts of the Charts section, in display order."""
    return (heatmap_chart(analysis), bars_chart(analysis))


# --------------------------------------------------------------------------
# 3. Where emphasis diverges
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class NegatedCount:
    """An outlet whose sentences negate the frame's terms: how often, and where.

    ``denials`` are the outlet's sentences that use the frame's terms only
    negated: the frame denied or rebutted.
    """

    outlet: str
    text: str
    denials: tuple[EvidenceView, ...] = ()


@dataclass(frozen=True)
class DivergenceView:
    """One divergence with its contrasting evidence."""

    anchor: str
    line: DivergenceLine
    most_evidence: tuple[EvidenceView, ...]
    least_evidence: tuple[EvidenceView, ...]
    most_invokes: bool
    least_invokes: bool
    negated: tuple[NegatedCount, ...]


def negated_counts(
    analysis: Analysis, frame_id: str, docs: dict[str, DocumentSummary]
) -> tuple[NegatedCount, ...]:
    """Per outlet, in display order, the negated hits of a frame when there are any."""
    counts = []
    for o in analysis.outlets:
        s = _score(analysis, o.id, frame_id)
        if s is not None and s.n_negated:
            n = s.n_negated
            denials = sorted(analysis.denials_for(o.id, frame_id), key=lambda e: e.rank)
            counts.append(
                NegatedCount(
                    o.name,
                    f"{_plural(n, 'negated mention')}, not counted",
                    tuple(evidence_view(e, docs, analysis) for e in denials[:EVIDENCE_SHOWN]),
                )
            )
    return tuple(counts)


def divergence_view(
    analysis: Analysis, d: Divergence, index: int, docs: dict[str, DocumentSummary]
) -> DivergenceView:
    """Facts and up to :data:`EVIDENCE_SHOWN` evidence sentences per side of one divergence."""

    def shown(outlet_id: str) -> tuple[EvidenceView, ...]:
        items = sorted(analysis.evidence_for(outlet_id, d.frame), key=lambda e: e.rank)
        return tuple(evidence_view(e, docs, analysis) for e in items[:EVIDENCE_SHOWN])

    return DivergenceView(
        anchor=f"divergence-{index}",
        line=divergence_line(analysis, d),
        most_evidence=shown(d.most),
        least_evidence=shown(d.least),
        most_invokes=(_finite(d.most_share) or 0.0) > 0,
        least_invokes=(_finite(d.least_share) or 0.0) > 0,
        negated=negated_counts(analysis, d.frame, docs),
    )


# --------------------------------------------------------------------------
# 4. Distinctive vocabulary
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class TermList:
    """A heading (outlet or frame) and its scored terms."""

    heading: str
    colour: str | None
    terms: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class VocabularyView:
    """Distinctive terms per outlet, similarity chart, lexicon candidates per frame."""

    distinctive: tuple[TermList, ...]
    similarity: ChartView
    candidates: tuple[TermList, ...]


def vocabulary_view(analysis: Analysis) -> VocabularyView:
    """Distinctive terms in outlet order and candidate terms in frame order."""
    return VocabularyView(
        distinctive=tuple(
            TermList(
                o.name,
                None,
                tuple(
                    (t.term, format_score(t.score), "")
                    for t in analysis.distinctive_terms.get(o.id, ())
                ),
            )
            for o in analysis.outlets
        ),
        similarity=similarity_chart(analysis),
        candidates=tuple(
            TermList(
                f.label,
                safe_colour(f.colour),
                tuple(
                    (c.term, format_score(c.score), _plural(c.n_sentences, "sentence"))
                    for c in analysis.candidates.get(f.id, ())
                ),
            )
            for f in analysis.frames
        ),
    )


# --------------------------------------------------------------------------
# 5. Cleaning audit
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RemovedView:
    """One removed span; ``preview`` is set when the text is long enough to fold."""

    reason: str
    line: int
    text: str
    preview: str | None


@dataclass(frozen=True)
class RemovedGroup:
    """The removed spans of one document, in line order."""

    document: str
    document_id: str
    spans: tuple[RemovedView, ...]


#: Up to this many removed spans, the report lists every one; beyond, it lists
#: the reasons with counts, every appended story, and the first spans up to
#: this number (the JSON export always has them all).
AUDIT_SPANS_SHOWN = 1000
#: The document table lists at most this many documents (the JSON has them all).
DOCUMENTS_SHOWN = 200


@dataclass(frozen=True)
class AuditView:
    """What cleaning removed or skipped, and the run's notes.

    ``n_shown`` < ``n_removed`` when a large corpus's spans are summarised
    (``reasons`` then counts every span by reason).
    """

    n_removed: int
    groups: tuple[RemovedGroup, ...]
    skipped: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]
    n_shown: int = 0
    reasons: tuple[tuple[str, int], ...] = ()


def removed_view(span: RemovedSpan) -> RemovedView:
    """One removed span, with a one-line preview when it is long."""
    preview = None
    if len(span.text) > REMOVED_PREVIEW_CHARS:
        preview = " ".join(span.text[:REMOVED_PREVIEW_CHARS].split()) + "\u2026"
    return RemovedView(span.reason, span.line, span.text, preview)


def removed_groups(
    removed: Sequence[RemovedSpan], docs: dict[str, DocumentSummary]
) -> tuple[RemovedGroup, ...]:
    """Group removed spans by document, every span exactly once.

    Analysed documents come first, in analysis order, then documents that are
    not in the analysis (e.g. removed entirely), sorted by id. Within a
    document, spans are in line order.
    """
    by_doc: dict[str, list[RemovedSpan]] = {}
    for span in removed:
        by_doc.setdefault(span.document, []).append(span)
    order = [d for d in docs if d in by_doc] + sorted(d for d in by_doc if d not in docs)
    return tuple(
        RemovedGroup(
            document=document_label(doc_id, docs),
            document_id=doc_id,
            spans=tuple(removed_view(s) for s in sorted(by_doc[doc_id], key=lambda s: s.line)),
        )
        for doc_id in order
    )


def audit_view(analysis: Analysis, docs: dict[str, DocumentSummary]) -> AuditView:
    """The cleaning audit: removed spans (all, up to :data:`AUDIT_SPANS_SHOWN`), inputs, notes.

    A corpus with more spans than a reader can scan gets the count of every
    reason, every appended story (the removals most worth checking), and
    the first spans up to the limit; the JSON export lists them all.
    """
    removed = analysis.removed
    reasons: dict[str, int] = {}
    for span in removed:
        key = "appended unrelated story" if span.reason.startswith("appended") else span.reason
        reasons[key] = reasons.get(key, 0) + 1
    shown = removed
    if len(removed) > AUDIT_SPANS_SHOWN:
        stories = [s for s in removed if s.reason.startswith("appended")]
        others = [s for s in removed if not s.reason.startswith("appended")]
        shown = tuple(stories + others[: max(0, AUDIT_SPANS_SHOWN - len(stories))])
    return AuditView(
        n_removed=len(removed),
        groups=removed_groups(shown, docs),
        skipped=tuple((s.source, s.reason) for s in analysis.skipped),
        notes=tuple(analysis.notes),
        n_shown=len(shown),
        reasons=tuple(sorted(reasons.items(), key=lambda item: (-item[1], item[0]))),
    )


# --------------------------------------------------------------------------
# 6. Method and lexicons
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class LexiconFrameView:
    """A frame with its terms grouped by kind; weights shown only when not 1."""

    frame: FrameView
    source: str
    kinds: tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...]


@dataclass(frozen=True)
class MethodView:
    """Settings quoted in the method text, the lexicons and the document list."""

    n_bootstrap: str
    seed: int
    lexicon_name: str
    lexicon_source: str
    frames: tuple[LexiconFrameView, ...]
    negation_cues: tuple[str, ...]
    documents: Table


def lexicon_frame_view(frame: Frame) -> LexiconFrameView:
    """Group a frame's terms by kind (word, phrase, wildcard), keeping lexicon order."""
    kinds = []
    for kind in _KIND_ORDER:
        terms = tuple(
            (t.text, None if t.weight == 1 else format_score(t.weight, 2).rstrip("0").rstrip("."))
            for t in frame.terms
            if t.kind == kind
        )
        if terms:
            kinds.append((kind, terms))
    return LexiconFrameView(frame_view(frame), frame.source, tuple(kinds))


def documents_table(analysis: Analysis) -> Table:
    """The analysed documents, in analysis order (the first :data:`DOCUMENTS_SHOWN`)."""
    names = {o.id: o.name for o in analysis.outlets}
    n = len(analysis.documents)
    caption = "Documents analysed."
    if n > DOCUMENTS_SHOWN:
        caption = (
            f"The first {DOCUMENTS_SHOWN:,} of the {n:,} documents analysed "
            "(the JSON export lists them all)."
        )
    return Table(
        caption=caption,
        corner="Document",
        columns=("Outlet", "Date", "Source", "Sentences", "Words"),
        rows=tuple(
            (
                d.title or d.id,
                (
                    names.get(d.outlet, d.outlet),
                    d.date or "\u2014",
                    d.source,
                    f"{d.n_sentences:,}",
                    f"{d.n_tokens:,}",
                ),
            )
            for d in analysis.documents[:DOCUMENTS_SHOWN]
        ),
    )


def method_view(analysis: Analysis) -> MethodView:
    """Method text parameters, lexicons and documents."""
    return MethodView(
        n_bootstrap=f"{analysis.options.n_bootstrap:,}",
        seed=analysis.options.seed,
        lexicon_name=analysis.lexicons.name,
        lexicon_source=analysis.lexicons.source,
        frames=tuple(lexicon_frame_view(f) for f in analysis.frames),
        negation_cues=tuple(analysis.lexicons.negation_cues),
        documents=documents_table(analysis),
    )


# --------------------------------------------------------------------------
# Jinja environment
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    """The report's Jinja environment: package templates, everything autoescaped."""
    env = Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["term_tip"] = term_tip
    return env
