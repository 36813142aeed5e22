"""Which documents and removed spans the outputs list one by one, and the counts of all.

A report of a million articles cannot list each of them in its JSON, and a
streamed analysis does not keep them (:class:`~framing.model.Unlisted`). The
JSON lists the first :data:`~framing.model.LISTED_DOCUMENTS` documents (and
any later one that evidence cites) and the first
:data:`~framing.model.LISTED_REMOVED` removed spans, whichever analysis made
them, so that the JSON is the same whether the corpus was streamed or held
in memory; the counts always cover everything. ``framing report --tables``
lists every document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from framing.model import LISTED_DOCUMENTS, LISTED_REMOVED, Analysis, DocumentSummary, RemovedSpan


def n_documents(analysis: Analysis) -> int:
    """Every analysed document, listed or not."""
    return sum(o.n_documents for o in analysis.outlets)


def listed_documents(analysis: Analysis) -> tuple[DocumentSummary, ...]:
    """The first :data:`LISTED_DOCUMENTS` documents and any later one that evidence cites."""
    documents = analysis.documents
    if len(documents) <= LISTED_DOCUMENTS:
        return documents
    cited = {e.document for e in (*analysis.evidence, *analysis.denials)}
    later = tuple(d for d in documents[LISTED_DOCUMENTS:] if d.id in cited)
    return documents[:LISTED_DOCUMENTS] + later


def listed_removed(analysis: Analysis) -> tuple[RemovedSpan, ...]:
    """The first :data:`LISTED_REMOVED` removed spans."""
    return analysis.removed[:LISTED_REMOVED]


@dataclass(frozen=True)
class RemovedCounts:
    """Every removed span: how many, and how many per reason."""

    n_removed: int
    reasons: Mapping[str, int]


def removed_counts(analysis: Analysis) -> RemovedCounts:
    """How many spans cleaning removed, in all, and per reason."""
    if analysis.unlisted is not None:
        return RemovedCounts(
            len(analysis.removed) + analysis.unlisted.n_removed, analysis.unlisted.removed_reasons
        )
    reasons = Counter(span.reason for span in analysis.removed)
    return RemovedCounts(len(analysis.removed), dict(sorted(reasons.items())))
