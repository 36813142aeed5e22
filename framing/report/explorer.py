"""The evidence explorer: every outlet × frame cell and the sentences behind it, as data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from framing.model import Analysis
from framing.report.common import (
    EvidenceView,
    cell_score,
    cell_share,
    documents_by_id,
    evidence_view,
    term_tip,
)
from framing.report.format import format_pct

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
    docs = documents_by_id(analysis.documents)
    documents: dict[tuple[str, str | None], int] = {}
    cells, links = [], []
    for i, o in enumerate(analysis.outlets):
        for j, f in enumerate(analysis.frames):
            score = cell_score(analysis, o.id, f.id)
            share = format_pct(cell_share(score))
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
