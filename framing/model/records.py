"""Per-document sufficient statistics: what the map step of the quick analysis returns.

Each document is segmented and matched on its own (in a worker process on
a large corpus) into a :class:`DocumentRecord`: a few counts per frame, the
positions of its invoking, headline and lede sentences, and a bounded
number of evidence candidates per frame. The reduce step
(:mod:`framing.analysis.reduce`) merges records per outlet in document
order, so that no sentence's text or tokens, and no hit, need be kept for
the whole corpus. Positions count a document's sentences from 0; the
corpus-wide sentence id of a position is the number of sentences in the
documents before it plus the position, as when the whole corpus is
segmented at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from framing.model.corpus import Sentence
from framing.model.lexicons import Hit
from framing.model.results import Evidence


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

    ``document`` is its id, ``outlet`` its outlet's id, and ``source``,
    ``title``, ``date`` and ``url`` its metadata after cleaning.
    ``n_sentences`` and ``n_tokens`` (word tokens) size it; a document with
    no sentence is skipped. Per frame id: ``invoking`` holds the positions of
    the sentences with a hit that counts, ``n_hits`` the counted hits and
    ``n_negated`` the negated ones. ``headlines`` are the positions of the
    headline and deck sentences and ``ledes`` of the lede sentences.
    ``evidence`` and ``denials`` hold, per frame, the document's strongest
    candidates with distinct texts, at most as many as the evidence per
    cell: enough for any merge to choose the same evidence as a selection
    over all sentences. ``kept`` are the headline, deck and lede sentences
    and ``kept_hits`` their hits (ids are positions), which the report reads
    for every document.
    """

    document: str
    outlet: str
    source: str
    title: str | None
    date: str | None
    url: str | None
    n_sentences: int
    n_tokens: int
    invoking: Mapping[str, tuple[int, ...]]
    n_hits: Mapping[str, int]
    n_negated: Mapping[str, int]
    headlines: tuple[int, ...]
    ledes: tuple[int, ...]
    evidence: Mapping[str, tuple[EvidenceCandidate, ...]]
    denials: Mapping[str, tuple[EvidenceCandidate, ...]]
    kept: tuple[Sentence, ...]
    kept_hits: tuple[Hit, ...]
