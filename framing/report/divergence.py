"""Where emphasis diverges: each divergence with its contrasting evidence and its denials."""

from __future__ import annotations

from dataclasses import dataclass

from framing.model import Analysis, Divergence, DocumentSummary
from framing.report.common import EvidenceView, cell_score, evidence_view
from framing.report.format import finite, plural
from framing.report.summary import DivergenceLine, divergence_line

#: Evidence sentences shown per outlet in each divergence.
EVIDENCE_SHOWN = 3


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
        s = cell_score(analysis, o.id, frame_id)
        if s is not None and s.n_negated:
            n = s.n_negated
            denials = sorted(analysis.denials_for(o.id, frame_id), key=lambda e: e.rank)
            counts.append(
                NegatedCount(
                    o.name,
                    f"{plural(n, 'negated mention')}, not counted",
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
        most_invokes=(finite(d.most_share) or 0.0) > 0,
        least_invokes=(finite(d.least_share) or 0.0) > 0,
        negated=negated_counts(analysis, d.frame, docs),
    )
