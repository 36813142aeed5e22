"""View models and helpers that several sections of the report share.

Tables, frames and evidence sentences appear in more than one section, so
their view models live here, below the section modules that use them
(:mod:`framing.report.summary`, :mod:`~framing.report.charts`,
:mod:`~framing.report.explorer`, :mod:`~framing.report.divergence`,
:mod:`~framing.report.depth`, :mod:`~framing.report.classroom` and the
others), as do the lookups they all need: documents by id, a cell's score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from framing.model import (
    Analysis,
    DocumentSummary,
    Evidence,
    Frame,
    FrameScore,
    MatchSpan,
)
from framing.report.format import finite, safe_colour

#: One piece of an evidence sentence: its text and the match it belongs to, if any.
Segment = tuple[str, MatchSpan | None]


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


def documents_by_id(documents: Sequence[DocumentSummary]) -> dict[str, DocumentSummary]:
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
    parts = [_NOT_COUNTED.get(match.reading, "Negated, not counted")] if match.negated else []
    if frame:
        parts.append(frame)
    parts.append(f"lexicon entry: {match.term}")
    return " \u00b7 ".join(parts)


#: Why a highlighted match does not count, by its reading.
_NOT_COUNTED = {
    "deny": "Negated, not counted",
    "rebut": "Rebutted or attributed to others, not counted",
    "uncertain": "Uncertain, not counted",
    "other": "About someone else, not counted",
}


def cell_score(analysis: Analysis, outlet_id: str, frame_id: str) -> FrameScore | None:
    """The score of one cell, or ``None`` when the analysis has none."""
    return analysis.scores.get((outlet_id, frame_id))


def cell_share(score: FrameScore | None) -> float | None:
    """The share of a cell's score as a finite number, or ``None``."""
    return None if score is None else finite(score.share)
