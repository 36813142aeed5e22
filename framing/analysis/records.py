"""The map step of the quick analysis: a chunk of documents -> a small summary of it.

:func:`map_documents` runs on one chunk of documents (in a worker process,
or on a cluster, on a large corpus): it cleans (when given raw documents),
segments, matches and counts each document on its own, and returns a
:class:`RecordChunk`: one :class:`~framing.model.records.DocumentRecord`
per document, the chunk's strongest evidence and denial candidates per
outlet and frame, its term statistics for TF-IDF, how it writes words (for
the names kept out of the lexicon candidates), and its removed spans. The
reduce step (:mod:`framing.analysis.reduce`) adds chunks up in document
order. Nothing per sentence leaves the chunk but the bounded evidence
candidates and the headline, deck and lede sentences.

Sentence ids inside a chunk count its sentences from 0; the reduce step
shifts them by the sentences of the chunks before, so that they are the ids
of a corpus segmented at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from framing.analysis.audit import removed_hits
from framing.analysis.depth_records import DepthChunk, depth_chunk
from framing.analysis.evidence import Strength, best_distinct, rank_sentences
from framing.analysis.features import count_terms
from framing.analysis.names import NameMemo, NameStats
from framing.analysis.table_rows import (
    ChunkTables,
    DocumentRow,
    reading_counts,
    sentence_block,
    sentence_row,
)
from framing.analysis.term_stats import ChunkTermStats, chunk_term_stats
from framing.lexicons.match_memo import MatchMemo, shared_matcher
from framing.lexicons.reading import frame_readings
from framing.model import (
    BODY,
    CleanDocument,
    Document,
    DocumentSummary,
    Evidence,
    Hit,
    LexiconSet,
    RemovedSpan,
    Sentence,
    SkippedInput,
)
from framing.model.records import DocumentRecord, EvidenceCandidate
from framing.parallel import cyclic_gc_paused
from framing.text.clean import SKIP_REASON, clean_documents
from framing.text.scripts import UnmatchedScripts, unmatched_script
from framing.text.segment import SegmentMemo, build_sentences, cased_sentence_pieces

#: Why a document with no sentence after cleaning is skipped.
NO_SENTENCE = "no sentence left to analyse after cleaning"

Cell = tuple[str, str]  # (outlet id, frame id)

#: Whether a chunk reads each distinct paragraph and sentence text once
#: (:class:`~framing.text.segment.SegmentMemo`, :class:`~framing.lexicons.match_memo.MatchMemo`,
#: the name statistics' memo). The output is the same either way; off, every
#: sentence is read afresh (``benchmarks/bench_map.py`` times both).
REMEMBER = True


@dataclass(frozen=True)
class RecordChunk:
    """What a chunk of documents contributes to the analysis.

    ``records`` has one record per document with a sentence, in order;
    ``skipped`` the documents with nothing left (after cleaning, or no
    sentence), in order, each with its reason. ``evidence`` and ``denials``
    hold, per (outlet id, frame id), the chunk's strongest candidates with
    distinct texts (at most the evidence per cell), their sentence ids
    counted from the chunk's first sentence. ``terms`` are the chunk's term
    statistics (None without a sentence), ``names`` how its sentences write
    each word, ``removed`` the spans cleaning removed, in document order
    (``removed_with_terms``: whether each held a frame term), and
    ``scripts`` the documents written in a script the lexicons' terms are
    not in (when asked for); ``tables`` its rows of the tables (when asked
    for, :mod:`framing.analysis.table_rows`).
    """

    records: tuple[DocumentRecord, ...]
    skipped: tuple[SkippedInput, ...]
    evidence: Mapping[Cell, tuple[EvidenceCandidate, ...]]
    denials: Mapping[Cell, tuple[EvidenceCandidate, ...]]
    terms: ChunkTermStats | None
    names: NameStats
    removed: tuple[RemovedSpan, ...]
    removed_with_terms: tuple[bool, ...]
    scripts: UnmatchedScripts
    tables: ChunkTables | None = None
    #: The in-depth analyses' state (:mod:`framing.analysis.depth_records`), when asked for.
    depth: DepthChunk | None = None

    @property
    def n_sentences(self) -> int:
        """The chunk's sentences."""
        return sum(r.summary.n_sentences for r in self.records)


@cyclic_gc_paused()
def map_documents(
    documents: Sequence[Document | CleanDocument],
    *,
    lexicons: LexiconSet,
    outlet_ids: Mapping[str, str],
    per_cell: int,
    known_scripts: Collection[str] | None = None,
    tables: bool = False,
    depth: bool = False,
) -> RecordChunk:
    """Clean (raw documents only), segment, match and count a chunk of documents.

    Module-level, so worker processes and cluster workers can run it (as a
    partial). ``outlet_ids`` maps every outlet name of the chunk to its id;
    ``per_cell`` bounds the evidence (and denial) candidates kept per outlet
    and frame. With ``known_scripts`` (the scripts the lexicons' terms are
    written in), raw documents mostly in another script are noted
    (:mod:`framing.text.scripts`). With ``tables``, the chunk's rows of the
    sentence, document and removed-span tables are made too. With ``depth``,
    the chunk's state for the in-depth analyses too
    (:func:`~framing.analysis.depth_records.depth_chunk`).

    Python's cyclic garbage collector is paused meanwhile
    (:func:`~framing.parallel.cyclic_gc_paused`): a worker forked by a local
    run already has it paused, a spawned or cluster worker would not.
    """
    plain = shared_matcher(lexicons)
    matcher = MatchMemo(plain) if REMEMBER else plain
    segmented = SegmentMemo() if REMEMBER else None
    name_memo: NameMemo | None = {} if REMEMBER else None
    scripts = UnmatchedScripts()
    if known_scripts:
        for document in documents:
            if isinstance(document, Document):
                scripts.add(document.source, unmatched_script(document.text, known_scripts))
    cleaned, removed, skipped = _cleaned(documents)
    records: list[DocumentRecord] = []
    token_lists: list[tuple[str, ...]] = []
    row_documents: list[int] = []
    row_frames: dict[str, list[int]] = defaultdict(list)
    names = NameStats()
    named: list[Sentence] = []
    named_forms: list[tuple[str, ...] | None] = []
    per_cell_hits: dict[Cell, dict[int, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    by_id: dict[int, Sentence] = {}
    frame_ids = [f.id for f in lexicons.frames]
    sentence_rows: list[list[object]] = []
    document_rows: list[DocumentRow] = []
    chunk_hits: list[Hit] = []  # with depth only: every hit, ids from the chunk's first sentence
    offset = 0
    for doc in cleaned:
        if doc is None:
            continue
        pieces, written = cased_sentence_pieces(doc, segmented)
        own = build_sentences([doc], [pieces], outlet_ids=outlet_ids)
        if not own:
            skipped.append(SkippedInput(doc.source, NO_SENTENCE))
            continue
        named += own  # their words' case is counted once for the chunk, below
        named_forms += written
        hits: list[Hit] = []
        previous: Sequence[str] = ()
        for s, forms in zip(own, written, strict=True):
            found = matcher.match_tokens(
                s.tokens,
                sentence_id=s.id,
                previous=previous,
                text=s.text,
                part=s.part,
                written=forms,
            )
            previous = s.tokens
            token_lists.append(s.tokens)
            row_documents.append(len(records))
            for frame_id in {h.frame for h in found if h.counts}:
                row_frames[frame_id].append(offset + s.id)
            hits += found
        outlet = outlet_ids[doc.outlet]
        for h in hits:
            moved = Hit._make((offset + h.sentence, *h[1:]))  # h._replace(sentence=…), faster
            per_cell_hits[(outlet, h.frame)][offset + h.sentence].append(moved)
            if depth:
                chunk_hits.append(moved)
        # evidence is read from the sentences with hits; the in-depth state, from all
        for sid in range(len(own)) if depth else sorted({h.sentence for h in hits}):
            by_id[offset + sid] = Sentence._make((offset + sid, *own[sid][1:]))  # _replace(id=…)
        records.append(_record(doc, outlet, own, hits))
        if tables:
            hits_of: dict[int, list[Hit]] = defaultdict(list)
            for h in hits:
                hits_of[h.sentence].append(h)
            readings = [frame_readings(hits_of.get(s.id, ()), frame_ids) for s in own]
            sentence_rows += [
                sentence_row(s, doc.outlet, doc.date, read, hits_of.get(s.id, ()), frame_ids)
                for s, read in zip(own, readings, strict=True)
            ]
            document_rows.append(
                DocumentRow(records[-1].summary, doc.outlet, reading_counts(readings))
            )
        offset += len(own)
    names.add(named, named_forms, name_memo)
    evidence, denials = _candidates(per_cell_hits, by_id, per_cell)
    terms = None
    if token_lists:
        counts = count_terms(token_lists)
        terms = chunk_term_stats(
            counts.matrix,
            counts.vocabulary,
            row_documents=row_documents,
            document_outlets=[r.summary.outlet for r in records],
            row_frames=row_frames,
        )
    return RecordChunk(
        records=tuple(records),
        skipped=tuple(skipped),
        evidence=evidence,
        denials=denials,
        terms=terms,
        names=names,
        removed=tuple(removed),
        removed_with_terms=tuple(bool(hits) for hits in removed_hits(removed, lexicons)),
        scripts=scripts,
        tables=(
            ChunkTables(sentence_block(sentence_rows), tuple(document_rows), tuple(removed))
            if tables
            else None
        ),
        depth=(
            depth_chunk(
                list(by_id.values()),
                chunk_hits,
                frame_ids=frame_ids,
                candidates={
                    c.evidence.sentence
                    for f in (evidence, denials)
                    for cs in f.values()
                    for c in cs
                },
            )
            if depth
            else None
        ),
    )


def map_chunk(
    chunk: tuple[Sequence[Document | CleanDocument], Mapping[str, str]],
    *,
    lexicons: LexiconSet,
    per_cell: int,
    known_scripts: Collection[str] | None = None,
    tables: bool = False,
    depth: bool = False,
) -> RecordChunk:
    """:func:`map_documents` of a (documents, their outlets' ids) pair, as a stream makes them."""
    documents, outlet_ids = chunk
    return map_documents(
        documents,
        lexicons=lexicons,
        outlet_ids=outlet_ids,
        per_cell=per_cell,
        known_scripts=known_scripts,
        tables=tables,
        depth=depth,
    )


def _cleaned(
    documents: Sequence[Document | CleanDocument],
) -> tuple[list[CleanDocument | None], list[RemovedSpan], list[SkippedInput]]:
    """The chunk's documents cleaned (None for one with nothing left), removals, skips."""
    raw = [d for d in documents if isinstance(d, Document)]
    if not raw:
        return [d for d in documents if isinstance(d, CleanDocument)], [], []
    if len(raw) != len(documents):
        raise TypeError("a chunk holds either raw or cleaned documents, not both")
    cleaned: list[CleanDocument | None] = []
    removed: list[RemovedSpan] = []
    skipped: list[SkippedInput] = []
    for document, (clean, spans) in zip(raw, clean_documents(raw), strict=True):
        cleaned.append(clean)
        removed += spans
        if clean is None:
            skipped.append(SkippedInput(document.source, SKIP_REASON))
    return cleaned, removed, skipped


def _record(
    doc: CleanDocument, outlet: str, own: Sequence[Sentence], hits: Sequence[Hit]
) -> DocumentRecord:
    """One document's record; ``own`` are its sentences and ``hits`` their hits, from 0."""
    invoking: dict[str, set[int]] = defaultdict(set)
    n_hits: dict[str, int] = defaultdict(int)
    n_negated: dict[str, int] = defaultdict(int)
    for hit in hits:
        if hit.negated:
            n_negated[hit.frame] += 1
        elif hit.counts:
            n_hits[hit.frame] += 1
            invoking[hit.frame].add(hit.sentence)
    headlines = frozenset(s.id for s in own if s.part != BODY)
    ledes = frozenset(s.id for s in own if s.part == BODY and s.is_lede)
    kept = tuple(s._replace(tokens=()) for s in own if s.id in headlines or s.id in ledes)
    return DocumentRecord(
        summary=DocumentSummary(
            id=doc.id,
            outlet=outlet,
            source=doc.source,
            title=doc.title,
            date=doc.date,
            url=doc.url,
            n_sentences=len(own),
            n_tokens=sum(s.n_words for s in own),
        ),
        n_invoking={f: len(ids) for f, ids in sorted(invoking.items())},
        n_hits=dict(sorted(n_hits.items())),
        n_negated=dict(sorted(n_negated.items())),
        n_headlines=len(headlines),
        n_ledes=len(ledes),
        headline_invoking={
            f: tuple(sorted(i for i in ids if i in headlines))
            for f, ids in sorted(invoking.items())
        },
        lede_invoking={
            f: tuple(sorted(i for i in ids if i in ledes)) for f, ids in sorted(invoking.items())
        },
        kept=kept,
        kept_hits=tuple(h for h in hits if h.sentence in headlines or h.sentence in ledes),
    )


def _candidates(
    per_cell_hits: Mapping[Cell, Mapping[int, Sequence[Hit]]],
    by_id: Mapping[int, Sentence],
    per_cell: int,
) -> tuple[dict[Cell, tuple[EvidenceCandidate, ...]], dict[Cell, tuple[EvidenceCandidate, ...]]]:
    """The chunk's strongest evidence and denial candidates per cell, strongest first."""
    evidence: dict[Cell, tuple[EvidenceCandidate, ...]] = {}
    denials: dict[Cell, tuple[EvidenceCandidate, ...]] = {}
    for (outlet, frame_id), per_sentence in sorted(per_cell_hits.items()):
        for denied, chosen in ((False, evidence), (True, denials)):
            ranked = rank_sentences(per_sentence, by_id, denied=denied)
            found = tuple(
                _candidate(strength, by_id[sid], outlet, frame_id, per_sentence[sid])
                for strength, sid in best_distinct(ranked, per_cell, lambda i: by_id[i].text)
            )
            if found:
                chosen[(outlet, frame_id)] = found
    return evidence, denials


def _candidate(
    strength: Strength, sentence: Sentence, outlet: str, frame_id: str, hits: Sequence[Hit]
) -> EvidenceCandidate:
    return EvidenceCandidate(
        (strength[0], strength[1], strength[2]),
        Evidence(
            outlet=outlet,
            frame=frame_id,
            document=sentence.document,
            sentence=sentence.id,
            text=sentence.text,
            matches=(),
            score=-strength[0],
            rank=0,
        ),
        tuple(hits),
    )
