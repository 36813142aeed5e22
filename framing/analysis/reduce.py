"""The quick analysis as map and reduce: documents -> records -> results.

The map step (:func:`map_documents`, run on chunks of documents in worker
processes) segments and matches each document on its own and returns a
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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from framing.analysis.compare import compare_outlets
from framing.analysis.evidence import Strength, best_distinct, locate_matches, rank_sentences
from framing.analysis.features import (
    TermCounts,
    candidates_from_labels,
    count_terms,
    distinctive_terms,
    merge_term_counts,
    outlet_similarity,
    scores_from_counts,
    term_coverage_checker,
    tfidf_from_counts,
)
from framing.analysis.over_time import (
    choose_by,
    largest_change,
    parse_day,
    period_of,
    periods_between,
    wilson_interval,
)
from framing.analysis.prominence import HEADLINE_WEIGHT, LEDE_WEIGHT
from framing.analysis.significance import (
    frame_mix_divergence,
    log_odds_terms,
    small_sample_caveat,
)
from framing.analysis.significance.gaps import build_readings
from framing.errors import InputError
from framing.lexicons.match import Matcher
from framing.model import (
    BODY,
    Analysis,
    AnalysisOptions,
    CleanCorpus,
    CleanDocument,
    DocumentSummary,
    Evidence,
    FrameScore,
    Hit,
    LexiconSet,
    OutletSummary,
    Prominence,
    Sentence,
    SkippedInput,
)
from framing.model.records import DocumentRecord, EvidenceCandidate
from framing.model.time import MIN_SENTENCES, PERIODS, OverTime, PeriodShare, TimeChange
from framing.text.segment import build_sentences, sentence_pieces

if TYPE_CHECKING:
    from datetime import date

    import numpy as np

    from framing.model.time import By, Period


# --------------------------------------------------------------------------
# Map: one document -> one record
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordChunk:
    """The records of a chunk of documents, in order, and its sentences' term counts."""

    records: list[DocumentRecord]
    counts: TermCounts


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
    for doc in documents:
        own = build_sentences([doc], [sentence_pieces(doc)], outlet_ids=outlet_ids)
        hits: list[Hit] = []
        previous: Sequence[str] = ()
        for s in own:
            hits += matcher.match_tokens(
                s.tokens, sentence_id=s.id, previous=previous, text=s.text, part=s.part
            )
            previous = s.tokens
            token_lists.append(s.tokens)
        records.append(_record(doc.id, outlet_ids[doc.outlet], own, hits, per_cell))
    return RecordChunk(records, count_terms(token_lists))


def _record(
    document: str, outlet: str, own: Sequence[Sentence], hits: Sequence[Hit], per_cell: int
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
                        document=document,
                        sentence=sid,
                        text=by_id[sid].text,
                        matches=locate_matches(by_id[sid], per_sentence[sid]),
                        score=-strength[0],
                        rank=0,
                    ),
                )
                for strength, sid in best_distinct(ranked, per_cell, lambda i: by_id[i].text)
            )
            if found:
                chosen[frame_id] = found
    kept = tuple(s for s in own if s.part != BODY or s.is_lede)
    kept_ids = {s.id for s in kept}
    return DocumentRecord(
        document=document,
        outlet=outlet,
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


# --------------------------------------------------------------------------
# Reduce: records -> the analysis
# --------------------------------------------------------------------------


def analyse_records(
    clean: CleanCorpus,
    outlet_ids: dict[str, str],
    chunks: Sequence[RecordChunk],
    lexicons: LexiconSet,
    options: AnalysisOptions,
    step: Callable[[], None],
) -> Analysis:
    """The quick analysis (``options.depth`` False) from the chunks' records, in order.

    ``clean`` gives the documents' metadata, skipped inputs, removed spans
    and notes; ``step`` hears each of the analysis' six steps. Raises
    :class:`~framing.errors.InputError` when no document has a sentence.
    ``sentences`` and ``hits`` of the result hold only the headline, deck
    and lede sentences and their hits.
    """
    records = [r for chunk in chunks for r in chunk.records]
    by_id = {d.id: d for d in clean.documents}
    kept_records = [r for r in records if r.n_sentences]
    if not kept_records:
        raise InputError("no document has any text left to analyse after cleaning")
    skipped = clean.skipped + tuple(
        SkippedInput(by_id[r.document].source, "no sentence left to analyse after cleaning")
        for r in records
        if not r.n_sentences
    )
    offsets = _offsets(kept_records)
    documents = tuple(_summary(by_id[r.document], r) for r in kept_records)
    outlets = outlet_summaries(documents, outlet_ids)
    by_outlet: dict[str, list[tuple[int, DocumentRecord]]] = defaultdict(list)
    for offset, r in zip(offsets, kept_records, strict=True):
        by_outlet[r.outlet].append((offset, r))

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
        merge_term_counts([chunk.counts for chunk in chunks]),
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
    )
    log_odds = log_odds_terms(
        tfidf.counts,
        tfidf.vocabulary,
        [r.outlet for r in kept_records for _ in range(r.n_sentences)],
        outlet_ids=outlet_order,
        n=options.n_distinctive,
    )
    step()
    prominence = _prominence(by_outlet, outlets, lexicons)
    per_cell = options.evidence_per_cell
    evidence = _evidence(by_outlet, outlets, lexicons, per_cell, denied=False)
    denials = _evidence(by_outlet, outlets, lexicons, per_cell, denied=True)
    step()
    over_time = _over_time(kept_records, documents, outlets, lexicons, options.by)
    step()
    frame_mix = frame_mix_divergence(scores, outlets=outlets, lexicons=lexicons)
    readings = build_readings(
        divergences,
        scores=scores,
        outlets=outlets,
        lexicons=lexicons,
        pairs=(),
        frame_mix=frame_mix,
    )
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
        distinctive_terms=distinctive_terms(tfidf, n=options.n_distinctive),
        similarity=outlet_similarity(tfidf),
        candidates=candidates,
        evidence=evidence,
        removed=clean.removed,
        skipped=skipped,
        notes=clean.notes,
        options=options,
        denials=denials,
        prominence=prominence,
        frame_mix=frame_mix,
        log_odds=log_odds,
        caveat=small_sample_caveat(outlets),
        over_time=over_time,
        readings=readings,
    )


def _offsets(records: Sequence[DocumentRecord]) -> list[int]:
    """The corpus-wide id of each record's first sentence."""
    offsets, total = [], 0
    for r in records:
        offsets.append(total)
        total += r.n_sentences
    return offsets


def _summary(doc: CleanDocument, record: DocumentRecord) -> DocumentSummary:
    return DocumentSummary(
        id=doc.id,
        outlet=record.outlet,
        source=doc.source,
        title=doc.title,
        date=doc.date,
        url=doc.url,
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
            found: list[Evidence] = []
            for offset, r in by_outlet.get(o.id, ()):
                cell = (r.denials if denied else r.evidence).get(f.id, ())
                for c in cell:
                    sid = offset + c.evidence.sentence
                    ranked.append(((*c.key, sid), len(found)))
                    found.append(replace(c.evidence, sentence=sid))
            texts = [e.text for e in found]
            best = best_distinct(ranked, per_cell, texts.__getitem__)
            chosen += [replace(found[i], rank=rank) for rank, (_, i) in enumerate(best, 1)]
    return tuple(chosen)


def _over_time(
    records: Sequence[DocumentRecord],
    documents: Sequence[DocumentSummary],
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    by: str | None,
) -> OverTime | None:
    """:func:`~framing.analysis.over_time.frames_over_time` from the records.

    It repeats that function's steps on per-document counts (its own
    helpers read sentences and hits); the two must change together.
    """
    if by == "none":
        return None
    chosen_by: By | None = next((p for p in PERIODS if p == by), None)
    days = {d.id: parse_day(d.date) for d in documents}
    undated_docs: Counter[str] = Counter(d.outlet for d in documents if days[d.id] is None)
    undated_sentences: Counter[str] = Counter()
    for r in records:
        if days.get(r.document) is None:
            undated_sentences[r.outlet] += r.n_sentences
    undated = {
        o.id: (undated_docs[o.id], undated_sentences[o.id])
        for o in outlets
        if undated_docs[o.id] or undated_sentences[o.id]
    }
    dated = sorted(d for d in days.values() if d is not None)
    if not dated:
        message = "No analysed article has a date, so frames cannot be followed over time."
        return OverTime(None, chosen_by is None, (), (), (), undated=undated, message=message)
    auto = chosen_by is None
    period_by: By = choose_by(dated[0], dated[-1]) if chosen_by is None else chosen_by
    periods = periods_between(dated[0], dated[-1], period_by)
    if len(periods) < 2:
        message = (
            f"Every dated article falls in one {period_by} ({periods[0].label}), "
            "so there is no change over time to show."
        )
        return OverTime(period_by, auto, periods, (), (), undated=undated, message=message)
    shares = _shares(records, documents, days, periods, period_by, outlets, lexicons)
    cells: dict[tuple[str, str], list[PeriodShare]] = defaultdict(list)
    for s in shares:
        cells[(s.outlet, s.frame)].append(s)
    labels = {p.key: p.label for p in periods}
    changes: tuple[TimeChange, ...] = tuple(
        largest_change(
            cells[(o.id, f.id)],
            outlet_name=o.name,
            frame_label=f.label,
            labels=labels,
            by=period_by,
        )
        for o in outlets
        for f in lexicons.frames
    )
    return OverTime(period_by, auto, periods, shares, changes, undated=undated)


def _shares(
    records: Sequence[DocumentRecord],
    documents: Sequence[DocumentSummary],
    days: Mapping[str, date | None],
    periods: Sequence[Period],
    by: By,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
) -> tuple[PeriodShare, ...]:
    """One :class:`PeriodShare` per outlet, frame and period, in that order."""
    period_of_doc = {
        doc_id: period_of(day, by).key for doc_id, day in days.items() if day is not None
    }
    n_docs: Counter[tuple[str, str]] = Counter(
        (d.outlet, period_of_doc[d.id]) for d in documents if d.id in period_of_doc
    )
    n_sentences: Counter[tuple[str, str]] = Counter()
    n_support: Counter[tuple[str, str, str]] = Counter()
    for r in records:
        key = period_of_doc.get(r.document)
        if key is None:
            continue
        n_sentences[(r.outlet, key)] += r.n_sentences
        for frame, ids in r.invoking.items():
            n_support[(r.outlet, frame, key)] += len(ids)
    shares = []
    for o in outlets:
        for f in lexicons.frames:
            for p in periods:
                n, k = n_sentences[(o.id, p.key)], n_support[(o.id, f.id, p.key)]
                shares.append(
                    PeriodShare(
                        outlet=o.id,
                        frame=f.id,
                        period=p.key,
                        n_documents=n_docs[(o.id, p.key)],
                        n_sentences=n,
                        n_support=k,
                        share=k / n if n else None,
                        ci95=wilson_interval(k, n) if n else None,
                        too_few=n < MIN_SENTENCES,
                    )
                )
    return tuple(shares)
