"""Per-document sufficient statistics: what the map step of the quick analysis returns.

Each document is cleaned, segmented and matched on its own (in a worker
process on a large corpus) into a :class:`DocumentRecord`: a few counts per
frame, the positions of its invoking headline and lede sentences, and those
sentences themselves; a chunk's bounded evidence candidates are
:class:`EvidenceCandidate`. The reduce step (:mod:`framing.analysis.reduce`)
adds records up per outlet in document order, so that no sentence's text or
tokens, and no hit, need be kept for the whole corpus. Positions count a
document's sentences from 0; the corpus-wide sentence id of a position is
the number of sentences in the documents before it plus the position, as
when the whole corpus is segmented at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from framing.model.corpus import Sentence
from framing.model.lexicons import Hit
from framing.model.results import DocumentSummary, Evidence


@dataclass(frozen=True)
class EvidenceCandidate:
    """A sentence that may be cited for one outlet and frame, as its document ranks it.

    ``key`` is the sentence's evidence strength without its sentence id
    (see :func:`framing.analysis.evidence.rank_sentences`); ``evidence`` has
    its ``sentence`` as the position in the document, no ``matches`` and
    ``rank`` 0, all set when the records are merged and the evidence chosen;
    ``hits`` are the sentence's hits for the frame, which locate its matches.
    """

    key: tuple[float, int, int]
    evidence: Evidence
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class DocumentRecord:
    """What the quick analysis needs of one document.

    ``summary`` is its :class:`~framing.model.DocumentSummary` (id, outlet
    id, metadata after cleaning, sentences and word tokens). Per frame id:
    ``n_invoking`` counts the sentences with a hit that counts, ``n_hits``
    the counted hits and ``n_negated`` the negated ones;
    ``headline_invoking`` and ``lede_invoking`` hold the positions of the
    invoking headline (and deck) and lede sentences. ``n_headlines`` and
    ``n_ledes`` count the document's headline and deck sentences and its
    lede sentences. ``kept`` are those sentences (without their tokens) and
    ``kept_hits`` their hits, which the report reads for every document.
    """

    summary: DocumentSummary
    n_invoking: Mapping[str, int]
    n_hits: Mapping[str, int]
    n_negated: Mapping[str, int]
    n_headlines: int
    n_ledes: int
    headline_invoking: Mapping[str, tuple[int, ...]]
    lede_invoking: Mapping[str, tuple[int, ...]]
    kept: tuple[Sentence, ...]
    kept_hits: tuple[Hit, ...]
