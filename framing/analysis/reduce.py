"""The quick analysis as map and reduce: documents -> records -> results.

The map step (:mod:`framing.analysis.records`, run on chunks of documents
in worker processes) segments and matches each document on its own into a
:class:`~framing.model.records.DocumentRecord` of sufficient statistics,
plus the chunk's sentence × term counts for TF-IDF. The reduce step
(:func:`analyse_records`) merges the records per outlet, in document order,
into the same scores, divergences, TF-IDF features, evidence, denials,
prominence and frames over time as the analysis over all sentences and
hits; only the headline, deck and lede sentences (and their hits), which
the report reads for every document, are kept. Chunks are whole documents
and records are merged in document order, so the result never depends on
the number of processes or on the chunking.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from framing.analysis.compare import compare_outlets
from framing.analysis.evidence import Strength, best_distinct, locate_in_text
from framing.analysis.features import (
    TfidfFeatures,
    candidates_from_labels,
    distinctive_terms,
    outlet_similarity,
    scores_from_counts,
    term_coverage_checker,
    tfidf_from_counts,
)
from framing.analysis.over_time import frames_over_time_from_counts
from framing.analysis.prominence import HEADLINE_WEIGHT, LEDE_WEIGHT
from framing.analysis.records import RecordChunk, merge_chunks
from framing.analysis.significance import (
    frame_mix_divergence,
    log_odds_terms,
    small_sample_caveat,
)
from framing.analysis.significance.gaps import build_readings
from framing.errors import InputError
from framing.model import (
    Analysis,
    AnalysisOptions,
    CleanCorpus,
    Divergence,
    DocumentSummary,
    Evidence,
    FrameScore,
    LexiconSet,
    OutletSummary,
    PairDifference,
    Prominence,
    SkippedInput,
)
from framing.model.records import DocumentRecord, EvidenceCandidate
from framing.model.time import PERIODS, OverTime

if TYPE_CHECKING:
    import numpy as np

    from framing.model.time import By


# --------------------------------------------------------------------------
# Reduce: records -> the analysis
# --------------------------------------------------------------------------


def analyse_records(
    clean: CleanCorpus,
    outlet_ids: dict[str, str],
    chunks: list[RecordChunk],
    lexicons: LexiconSet,
    options: AnalysisOptions,
    step: Callable[[], None],
) -> Analysis:
    """The quick analysis (``options.depth`` False) from the chunks' records, in order.

    ``chunks`` is emptied (see :func:`~framing.analysis.records.merge_chunks`),
    and the evidence candidates are let go once the evidence is chosen, so
    that neither is held while the TF-IDF matrices are made. ``clean``
    gives the skipped inputs, removed spans and notes (its documents are not
    read: the records carry their metadata). ``step`` hears each of the
    analysis' six steps. Raises :class:`~framing.errors.InputError` when no
    document has a sentence. ``sentences`` and ``hits`` of the result hold
    only the headline, deck and lede sentences and their hits.
    """
    records, counts, names = merge_chunks(chunks)
    kept_records = [r for r in records if r.n_sentences]
    if not kept_records:
        raise InputError("no document has any text left to analyse after cleaning")
    skipped = clean.skipped + tuple(
        SkippedInput(r.source, "no sentence left to analyse after cleaning")
        for r in records
        if not r.n_sentences
    )
    del records
    offsets = _offsets(kept_records)
    documents = tuple(_summary(r) for r in kept_records)
    outlets = outlet_summaries(documents, outlet_ids)
    by_outlet = _by_outlet(kept_records, offsets)
    per_cell = options.evidence_per_cell
    evidence = _evidence(by_outlet, outlets, lexicons, per_cell, denied=False)
    denials = _evidence(by_outlet, outlets, lexicons, per_cell, denied=True)
    kept_records = [replace(r, evidence={}, denials={}) for r in kept_records]
    by_outlet = _by_outlet(kept_records, offsets)

    scores = _scores(by_outlet, outlets, lexicons)
    step()
    divergences = compare_outlets(
        scores,
        outlets=outlets,
        lexicons=lexicons,
        n_bootstrap=options.n_bootstrap,
        seed=options.seed,
    )
    step()
    outlet_order = [o.id for o in outlets]
    row_documents = [i for i, r in enumerate(kept_records) for _ in range(r.n_sentences)]
    tfidf = tfidf_from_counts(
        counts,
        row_documents=row_documents,
        document_outlets=[r.outlet for r in kept_records],
        outlet_ids=outlet_order,
    )
    del row_documents
    step()
    candidates = candidates_from_labels(
        tfidf,
        _labels(kept_records, offsets, lexicons),
        lexicons=lexicons,
        covered=term_coverage_checker(lexicons),
        n=options.n_candidates,
        exclude=names.words(),
    )
    del names
    log_odds = log_odds_terms(
        tfidf.counts,
        tfidf.vocabulary,
        [r.outlet for r in kept_records for _ in range(r.n_sentences)],
        outlet_ids=outlet_order,
        n=options.n_distinctive,
    )
    step()
    prominence = _prominence(by_outlet, outlets, lexicons)
    step()
    over_time = _over_time(kept_records, documents, outlets, lexicons, options.by)
    step()
    sentences = tuple(
        s._replace(id=s.id + offset)
        for offset, r in zip(offsets, kept_records, strict=True)
        for s in r.kept
    )
    hits = tuple(
        h._replace(sentence=h.sentence + offset)
        for offset, r in zip(offsets, kept_records, strict=True)
        for h in r.kept_hits
    )
    return Analysis(
        name=clean.name,
        outlets=outlets,
        lexicons=lexicons,
        documents=documents,
        sentences=sentences,
        hits=hits,
        scores=scores,
        divergences=divergences,
        candidates=candidates,
        evidence=evidence,
        removed=clean.removed,
        skipped=skipped,
        notes=clean.notes,
        options=options,
        denials=denials,
        prominence=prominence,
        log_odds=log_odds,
        over_time=over_time,
        **derived_results(scores, divergences, tfidf, outlets, lexicons, options),
    )


def derived_results(
    scores: Mapping[tuple[str, str], FrameScore],
    divergences: Sequence[Divergence],
    tfidf: TfidfFeatures,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    options: AnalysisOptions,
    pairs: Sequence[PairDifference] = (),
) -> dict[str, Any]:
    """The :class:`~framing.model.Analysis` fields both paths derive the same way.

    From the scores, divergences and TF-IDF: distinctive terms, outlet
    similarity, the frame-mix distances, the small-sample caveat and the
    plain-language readings (of ``pairs`` too, from the in-depth analysis).
    """
    frame_mix = frame_mix_divergence(scores, outlets=outlets, lexicons=lexicons)
    return {
        "distinctive_terms": distinctive_terms(tfidf, n=options.n_distinctive),
        "similarity": outlet_similarity(tfidf),
        "frame_mix": frame_mix,
        "caveat": small_sample_caveat(outlets),
        "readings": build_readings(
            divergences,
            scores=scores,
            outlets=outlets,
            lexicons=lexicons,
            pairs=pairs,
            frame_mix=frame_mix,
        ),
    }


def _by_outlet(
    records: Sequence[DocumentRecord], offsets: Sequence[int]
) -> dict[str, list[tuple[int, DocumentRecord]]]:
    """Outlet id -> (first sentence id, record) of its documents, in document order."""
    by_outlet: dict[str, list[tuple[int, DocumentRecord]]] = defaultdict(list)
    for offset, r in zip(offsets, records, strict=True):
        by_outlet[r.outlet].append((offset, r))
    return by_outlet


def _offsets(records: Sequence[DocumentRecord]) -> list[int]:
    """The corpus-wide id of each record's first sentence."""
    offsets, total = [], 0
    for r in records:
        offsets.append(total)
        total += r.n_sentences
    return offsets


def _summary(record: DocumentRecord) -> DocumentSummary:
    return DocumentSummary(
        id=record.document,
        outlet=record.outlet,
        source=record.source,
        title=record.title,
        date=record.date,
        url=record.url,
        n_sentences=record.n_sentences,
        n_tokens=record.n_tokens,
    )


def outlet_summaries(
    documents: Sequence[DocumentSummary], outlet_ids: dict[str, str]
) -> tuple[OutletSummary, ...]:
    """Outlets in the order they first appear, with their sizes."""
    names = {v: k for k, v in outlet_ids.items()}
    order: list[str] = []
    for d in documents:
        if d.outlet not in order:
            order.append(d.outlet)
    return tuple(
        OutletSummary(
            id=o,
            name=names[o],
            n_documents=sum(1 for d in documents if d.outlet == o),
            n_sentences=sum(d.n_sentences for d in documents if d.outlet == o),
            n_tokens=sum(d.n_tokens for d in documents if d.outlet == o),
        )
        for o in order
    )


_ByOutlet = Mapping[str, Sequence[tuple[int, DocumentRecord]]]


def _scores(
    by_outlet: _ByOutlet, outlets: Sequence[OutletSummary], lexicons: LexiconSet
) -> dict[tuple[str, str], FrameScore]:
    """:func:`~framing.analysis.features.score_frames` from the records."""
    n_invoking: Counter[tuple[str, str]] = Counter()
    n_hits: Counter[tuple[str, str]] = Counter()
    n_negated: Counter[tuple[str, str]] = Counter()
    for outlet_id, own in by_outlet.items():
        for _, r in own:
            for f, ids in r.invoking.items():
                n_invoking[(outlet_id, f)] += len(ids)
            for f, n in r.n_hits.items():
                n_hits[(outlet_id, f)] += n
            for f, n in r.n_negated.items():
                n_negated[(outlet_id, f)] += n

    def per_article(outlet_id: str, frame_id: str) -> list[int]:
        return [len(r.invoking.get(frame_id, ())) for _, r in by_outlet[outlet_id]]

    return scores_from_counts(
        outlets=outlets,
        lexicons=lexicons,
        n_invoking=n_invoking,
        n_hits=n_hits,
        n_negated=n_negated,
        article_sizes={o: [r.n_sentences for _, r in own] for o, own in by_outlet.items()},
        per_article=per_article,
    )


def _labels(
    records: Sequence[DocumentRecord], offsets: Sequence[int], lexicons: LexiconSet
) -> dict[str, np.ndarray]:
    """Per frame id, a boolean array over all sentences: does it invoke the frame?"""
    import numpy as np

    n = sum(r.n_sentences for r in records)
    labels = {frame.id: np.zeros(n, dtype=bool) for frame in lexicons.frames}
    for offset, r in zip(offsets, records, strict=True):
        for frame_id, ids in r.invoking.items():
            if frame_id in labels:
                labels[frame_id][[offset + i for i in ids]] = True
    return labels


def _prominence(
    by_outlet: _ByOutlet, outlets: Sequence[OutletSummary], lexicons: LexiconSet
) -> dict[tuple[str, str], Prominence]:
    """:func:`~framing.analysis.prominence.score_prominence` from the records.

    The weights are whole numbers, so their sums do not depend on the order
    they are added in.
    """
    result: dict[tuple[str, str], Prominence] = {}
    for o in outlets:
        own = by_outlet.get(o.id, ())
        n_headlines = sum(len(r.headlines) for _, r in own)
        n_ledes = sum(len(r.ledes) for _, r in own)
        total = (
            HEADLINE_WEIGHT * n_headlines
            + LEDE_WEIGHT * n_ledes
            + float(sum(r.n_sentences for _, r in own) - n_headlines - n_ledes)
        )
        for f in lexicons.frames:
            headlines: list[int] = []
            ledes: list[int] = []
            weighted = 0.0
            for offset, r in own:
                ids = r.invoking.get(f.id, ())
                if not ids:
                    continue
                in_headline = [i for i in ids if i in r.headlines]
                in_lede = [i for i in ids if i in r.ledes]
                headlines += [offset + i for i in in_headline]
                ledes += [offset + i for i in in_lede]
                weighted += (
                    HEADLINE_WEIGHT * len(in_headline)
                    + LEDE_WEIGHT * len(in_lede)
                    + float(len(ids) - len(in_headline) - len(in_lede))
                )
            result[(o.id, f.id)] = Prominence(
                outlet=o.id,
                frame=f.id,
                headlines=tuple(headlines),
                ledes=tuple(ledes),
                n_headlines=n_headlines,
                n_ledes=n_ledes,
                weighted_share=weighted / total if total else 0.0,
            )
    return result


def _evidence(
    by_outlet: _ByOutlet,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    per_cell: int,
    *,
    denied: bool,
) -> tuple[Evidence, ...]:
    """The evidence (or denials) chosen from the records' candidates, as over all sentences.

    Each record holds its document's strongest candidates with distinct
    texts; a text chosen for the outlet is at its strongest in some
    document, where fewer than ``per_cell`` distinct texts beat it, so it is
    among that document's candidates.
    """
    chosen: list[Evidence] = []
    for o in outlets:
        for f in lexicons.frames:
            ranked: list[tuple[Strength, int]] = []
            found: list[tuple[int, EvidenceCandidate]] = []
            for offset, r in by_outlet.get(o.id, ()):
                for c in (r.denials if denied else r.evidence).get(f.id, ()):
                    ranked.append(((*c.key, offset + c.evidence.sentence), len(found)))
                    found.append((offset + c.evidence.sentence, c))
            texts = [c.evidence.text for _, c in found]
            for rank, (_, i) in enumerate(best_distinct(ranked, per_cell, texts.__getitem__), 1):
                sid, c = found[i]
                matches = locate_in_text(c.evidence.text, c.hits)
                chosen.append(replace(c.evidence, sentence=sid, matches=matches, rank=rank))
    return tuple(chosen)


def _over_time(
    records: Sequence[DocumentRecord],
    documents: Sequence[DocumentSummary],
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    by: str | None,
) -> OverTime | None:
    """:func:`~framing.analysis.over_time.frames_over_time` from the records' counts."""
    if by == "none":
        return None
    counts = {
        r.document: (r.outlet, r.n_sentences, {f: len(ids) for f, ids in r.invoking.items()})
        for r in records
    }
    chosen: By | None = next((p for p in PERIODS if p == by), None)
    return frames_over_time_from_counts(
        counts, documents, outlets=outlets, lexicons=lexicons, by=chosen
    )
