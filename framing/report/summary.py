"""The report's opening summary: sizes, one sentence per divergence, the share table."""

from __future__ import annotations

from dataclasses import dataclass

from framing.model import Analysis, Divergence
from framing.report.common import FrameView, Table, cell_score, cell_share, frame_view
from framing.report.format import format_pct, format_points, plural


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
                tuple(
                    format_pct(cell_share(cell_score(analysis, o.id, f.id)))
                    for f in analysis.frames
                ),
            )
            for o in analysis.outlets
        ),
    )


def summary_view(analysis: Analysis) -> SummaryView:
    """The opening summary: sizes, divergences in order, and the share table."""
    return SummaryView(
        n_outlets=plural(len(analysis.outlets), "outlet"),
        n_documents=plural(sum(o.n_documents for o in analysis.outlets), "document"),
        n_sentences=plural(sum(o.n_sentences for o in analysis.outlets), "sentence"),
        n_removed=len(analysis.removed),
        n_skipped=len(analysis.skipped),
        lines=tuple(divergence_line(analysis, d) for d in analysis.divergences),
        shares=share_table(analysis),
    )
