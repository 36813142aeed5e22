"""The map step of the quick analysis: one document -> one record.

:func:`map_documents` runs on chunks of documents (in worker processes on a
large corpus): it segments and matches each document on its own and
returns a :class:`~framing.model.records.DocumentRecord` of sufficient
statistics, plus the chunk's sentence × term counts for TF-IDF.
:func:`merge_chunks` puts the chunks back together, in document order, for
the reduce step (:mod:`framing.analysis.reduce`). A document's record does
not depend on the chunk it is in, and the merged counts are those of all
sentences counted at once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from framing.analysis.evidence import best_distinct, rank_sentences
from framing.analysis.features import TermCounts, count_terms, merge_term_counts
from framing.analysis.names import NameStats
from framing.lexicons.match import Matcher
from framing.model import BODY, CleanDocument, Evidence, Hit, LexiconSet, Sentence
from framing.model.records import DocumentRecord, EvidenceCandidate
from framing.text.segment import build_sentences, sentence_pieces


@dataclass(frozen=True)
class RecordChunk:
    """The records of a chunk of documents, in order, its sentences' term counts,
    and how its sentences write each word (for the names left out of the
    lexicon candidates)."""

    records: list[DocumentRecord]
    counts: TermCounts
    names: NameStats


def map_documents(
    documents: Sequence[CleanDocument],
    *,
    lexicons: LexiconSet,
    outlet_ids: Mapping[str, str],
    per_cell: int,
) -> RecordChunk:
    """Segment, match and count each document of a chunk into its record.

    Module-level, so worker processes can run it (as a partial).
    ``per_cell`` bounds the evidence (and denial) candidates kept per frame.
    """
    matcher = Matcher(lexicons)
    records = []
    token_lists: list[tuple[str, ...]] = []
    names = NameStats()
    for doc in documents:
        own = build_sentences([doc], [sentence_pieces(doc)], outlet_ids=outlet_ids)
        names.add(own)
        hits: list[Hit] = []
        previous: Sequence[str] = ()
        for s in own:
            hits += matcher.match_tokens(
                s.tokens, sentence_id=s.id, previous=previous, text=s.text, part=s.part
            )
            previous = s.tokens
            token_lists.append(s.tokens)
        records.append(_record(doc, outlet_ids[doc.outlet], own, hits, per_cell))
    return RecordChunk(records, count_terms(token_lists), names)


def _record(
    doc: CleanDocument, outlet: str, own: Sequence[Sentence], hits: Sequence[Hit], per_cell: int
) -> DocumentRecord:
    """One document's record; ``own`` are its sentences, numbered from 0."""
    invoking: dict[str, set[int]] = defaultdict(set)
    n_hits: Counter[str] = Counter()
    n_negated: Counter[str] = Counter()
    per_frame: dict[str, dict[int, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    for hit in hits:
        if hit.negated:
            n_negated[hit.frame] += 1
        elif hit.counts:
            n_hits[hit.frame] += 1
            invoking[hit.frame].add(hit.sentence)
        per_frame[hit.frame][hit.sentence].append(hit)
    by_id = {s.id: s for s in own}
    evidence: dict[str, tuple[EvidenceCandidate, ...]] = {}
    denials: dict[str, tuple[EvidenceCandidate, ...]] = {}
    for frame_id, per_sentence in per_frame.items():
        for denied, chosen in ((False, evidence), (True, denials)):
            ranked = rank_sentences(per_sentence, by_id, denied=denied)
            found = tuple(
                EvidenceCandidate(
                    (strength[0], strength[1], strength[2]),
                    Evidence(
                        outlet=outlet,
                        frame=frame_id,
                        document=doc.id,
                        sentence=sid,
                        text=by_id[sid].text,
                        matches=(),
                        score=-strength[0],
                        rank=0,
                    ),
                    tuple(per_sentence[sid]),
                )
                for strength, sid in best_distinct(ranked, per_cell, lambda i: by_id[i].text)
            )
            if found:
                chosen[frame_id] = found
    kept = tuple(s for s in own if s.part != BODY or s.is_lede)
    kept_ids = {s.id for s in kept}
    return DocumentRecord(
        document=doc.id,
        outlet=outlet,
        source=doc.source,
        title=doc.title,
        date=doc.date,
        url=doc.url,
        n_sentences=len(own),
        n_tokens=sum(s.n_words for s in own),
        invoking={f: tuple(sorted(ids)) for f, ids in invoking.items()},
        n_hits=dict(n_hits),
        n_negated=dict(n_negated),
        headlines=tuple(s.id for s in own if s.part != BODY),
        ledes=tuple(s.id for s in own if s.part == BODY and s.is_lede),
        evidence=evidence,
        denials=denials,
        kept=kept,
        kept_hits=tuple(h for h in hits if h.sentence in kept_ids),
    )


def merge_chunks(
    chunks: list[RecordChunk],
) -> tuple[list[DocumentRecord], TermCounts, NameStats]:
    """The chunks' records, in order, their merged term counts and word statistics.

    ``chunks`` is emptied, so that each chunk's counts are freed once merged.
    """
    records = [r for chunk in chunks for r in chunk.records]
    parts = [chunk.counts for chunk in chunks]
    names = NameStats()
    for chunk in chunks:
        names.merge(chunk.names)
    chunks.clear()
    return records, merge_term_counts(parts), names
