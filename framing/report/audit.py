"""The cleaning audit: what cleaning removed, which inputs were skipped, the run's notes.

Removed text that held a frame's terms (:mod:`framing.analysis.audit`) is
marked with a warning, in the report and in the JSON export's ``removed``
entries (``terms``), since the analysis does not count it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from framing.analysis.audit import distinct_terms, removed_hits
from framing.model import Analysis, DocumentSummary, Hit, RemovedSpan
from framing.report.common import document_label
from framing.report.listed import listed_removed, removed_counts

#: Removed spans longer than this are folded into a ``<details>``.
REMOVED_PREVIEW_CHARS = 200


@dataclass(frozen=True)
class RemovedView:
    """One removed span; ``preview`` is set when the text is long enough to fold.

    ``warning`` names the frame terms the span held ("removed text contains
    'mercenaries' (Possible extremists)"), or is ``None``.
    """

    reason: str
    line: int
    text: str
    preview: str | None
    warning: str | None = None


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


@dataclass(frozen=True)
class AuditView:
    """What cleaning removed or skipped, and the run's notes.

    ``n_shown`` < ``n_removed`` when a large corpus's spans are summarised
    (``reasons`` then counts every span by reason). ``n_with_terms`` counts
    the removed spans that held a frame's terms. ``n_kept`` spans were
    chosen from (all of them, or the first ones a streamed analysis keeps)
    and ``n_listed`` are in the JSON export.
    """

    n_removed: int
    groups: tuple[RemovedGroup, ...]
    skipped: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]
    n_shown: int = 0
    reasons: tuple[tuple[str, int], ...] = ()
    n_with_terms: int = 0
    n_kept: int = 0
    n_listed: int = 0


def terms_warning(hits: Sequence[Hit], labels: Mapping[str, str]) -> str | None:
    """ "removed text contains 'term' (Frame), …" for a span's hits, or ``None`` without any."""
    terms = distinct_terms(hits)
    if not terms:
        return None
    named = ", ".join(f"'{text}' ({labels.get(frame, frame)})" for frame, _, text in terms)
    return f"removed text contains {named}"


def removed_view(span: RemovedSpan, warning: str | None = None) -> RemovedView:
    """One removed span, with a one-line preview when it is long."""
    preview = None
    if len(span.text) > REMOVED_PREVIEW_CHARS:
        preview = " ".join(span.text[:REMOVED_PREVIEW_CHARS].split()) + "\u2026"
    return RemovedView(span.reason, span.line, span.text, preview, warning)


def removed_groups(
    removed: Sequence[RemovedSpan],
    docs: dict[str, DocumentSummary],
    warnings: Mapping[RemovedSpan, str | None] | None = None,
) -> tuple[RemovedGroup, ...]:
    """Group removed spans by document, every span exactly once.

    Analysed documents come first, in analysis order, then documents that are
    not in the analysis (e.g. removed entirely), sorted by id. Within a
    document, spans are in line order. ``warnings`` gives a span's warning.
    """
    warnings = warnings or {}
    by_doc: dict[str, list[RemovedSpan]] = {}
    for span in removed:
        by_doc.setdefault(span.document, []).append(span)
    order = [d for d in docs if d in by_doc] + sorted(d for d in by_doc if d not in docs)
    return tuple(
        RemovedGroup(
            document=document_label(doc_id, docs),
            document_id=doc_id,
            spans=tuple(
                removed_view(s, warnings.get(s))
                for s in sorted(by_doc[doc_id], key=lambda s: s.line)
            ),
        )
        for doc_id in order
    )


def audit_view(analysis: Analysis, docs: dict[str, DocumentSummary]) -> AuditView:
    """The cleaning audit: removed spans (all, up to :data:`AUDIT_SPANS_SHOWN`), inputs, notes.

    A corpus with more spans than a reader can scan gets the count of every
    reason, every appended story (the removals most worth checking), then
    the spans that held frame terms, then the first other spans up to the
    limit; the JSON export lists the first :data:`~framing.model.LISTED_REMOVED`.
    A streamed analysis keeps only those first spans (the counts cover all),
    so the choice is made among them.
    """
    removed = analysis.removed
    labels = {f.id: f.label for f in analysis.lexicons.frames}
    warnings = {
        span: terms_warning(hits, labels)
        for span, hits in zip(removed, removed_hits(removed, analysis.lexicons), strict=True)
    }
    reasons: dict[str, int] = {}
    for reason, n in removed_counts(analysis).reasons.items():
        key = "appended unrelated story" if reason.startswith("appended") else reason
        reasons[key] = reasons.get(key, 0) + n
    unlisted = analysis.unlisted
    shown = removed
    if len(removed) > AUDIT_SPANS_SHOWN:
        stories = [s for s in removed if s.reason.startswith("appended")]
        others = [s for s in removed if not s.reason.startswith("appended")]
        others = [s for s in others if warnings[s]] + [s for s in others if not warnings[s]]
        shown = tuple(stories + others[: max(0, AUDIT_SPANS_SHOWN - len(stories))])
    return AuditView(
        n_removed=removed_counts(analysis).n_removed,
        groups=removed_groups(shown, docs, warnings),
        skipped=tuple((s.source, s.reason) for s in analysis.skipped),
        notes=tuple(analysis.notes),
        n_shown=len(shown),
        reasons=tuple(sorted(reasons.items(), key=lambda item: (-item[1], item[0]))),
        n_with_terms=(
            unlisted.n_removed_with_terms
            if unlisted is not None
            else sum(1 for span in removed if warnings[span])
        ),
        n_kept=len(removed),
        n_listed=len(listed_removed(analysis)),
    )


def removed_json(analysis: Analysis) -> list[dict[str, Any]]:
    """The JSON export's ``removed`` entries: each listed span, with the frame terms it held."""
    removed = listed_removed(analysis)
    hits = removed_hits(removed, analysis.lexicons)
    return [
        {
            "document": r.document,
            "line": r.line,
            "reason": r.reason,
            "text": r.text,
            "terms": [
                {"frame": frame, "term": term, "text": text}
                for frame, term, text in distinct_terms(span_hits)
            ],
        }
        for r, span_hits in zip(removed, hits, strict=True)
    ]
