"""The quick analysis as map and reduce: chunks of documents -> summaries -> results.

The map step (:mod:`framing.analysis.records`, run on chunks of documents
in worker processes or on a cluster) turns each chunk into a
:class:`~framing.analysis.records.RecordChunk`. :class:`Reducer` adds the
chunks up, in document order, one at a time, into the same scores,
divergences, TF-IDF features, evidence, denials, prominence and frames
over time as the analysis over all sentences and hits. What it keeps grows
with the number of outlets, frames and terms, and per document only with
its summary (id, outlet, title, date, sizes) and its headline, deck and
lede sentences, which the report reads for every document: never with the
corpus's sentences. Every sum is of whole numbers (see
:mod:`framing.analysis.term_stats`) and evidence is chosen by a strict
order, so the result never depends on the number of processes, on the
engine or on the chunking.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from framing.analysis.audit import removed_hits
from framing.analysis.compare import compare_outlets
from framing.analysis.depth_reduce import DepthReducer
from framing.analysis.evidence import Strength, best_distinct, locate_in_text
from framing.analysis.features import (
    TfidfFeatures,
    distinctive_terms,
    lexicon_candidates,
    outlet_similarity,
    scores_from_counts,
    term_coverage_checker,
    tfidf_from_totals,
)
from framing.analysis.names import NameStats
from framing.analysis.over_time import frames_over_time_from_days, parse_day
from framing.analysis.prominence import HEADLINE_WEIGHT, LEDE_WEIGHT
from framing.analysis.records import Cell, RecordChunk
from framing.analysis.significance import (
    frame_mix_divergence,
    log_odds_terms,
    small_sample_caveat,
)
from framing.analysis.significance.gaps import build_readings
from framing.analysis.stats import ClusterMoments
from framing.analysis.table_rows import ChunkTables
from framing.analysis.term_stats import TermStatsAccumulator
from framing.errors import InputError
from framing.model import (
    LISTED_DOCUMENTS,
    LISTED_REMOVED,
    Analysis,
    AnalysisOptions,
    Divergence,
    DocumentSummary,
    Evidence,
    FrameScore,
    Hit,
    LexiconSet,
    OutletSummary,
    PairDifference,
    Prominence,
    RemovedSpan,
    Sentence,
    SkippedInput,
    Unlisted,
)
from framing.model.records import DocumentRecord, EvidenceCandidate
from framing.model.time import PERIODS, By, OverTime
from framing.parallel import StepProgress
from framing.text.scripts import UnmatchedScripts

#: The steps of the reduce's finish, as reported to a progress callback.
N_STEPS = 6

#: ``sink(rows, first_sentence_id)``: takes a chunk's table rows as the reduce adds it,
#: in document order (``framing report --tables`` writes them to files).
TableSink = Callable[[ChunkTables, int], None]


@dataclass
class _ProminenceCell:
    headlines: list[int] = field(default_factory=list)
    ledes: list[int] = field(default_factory=list)
    weighted: float = 0.0  # HEADLINE_WEIGHT·headlines + LEDE_WEIGHT·ledes + other; whole numbers


@dataclass
class _OutletTotals:
    n_documents: int = 0
    n_sentences: int = 0
    n_tokens: int = 0
    n_headlines: int = 0
    n_ledes: int = 0


class Reducer:
    """Adds up the map step's chunks, in document order, into an :class:`Analysis`.

    Call :meth:`add` with each :class:`~framing.analysis.records.RecordChunk`
    in the order of the documents, then :meth:`finish` once. ``tables``, if
    given, is handed each chunk's table rows with the id of its first
    sentence, in order, as the chunk is added (see :data:`TableSink`).
    """

    def __init__(
        self, lexicons: LexiconSet, options: AnalysisOptions, tables: TableSink | None = None
    ) -> None:
        self.lexicons = lexicons
        self._tables = tables
        self.options = options
        self.per_cell = options.evidence_per_cell
        self._offset = 0
        # The listed documents (the first LISTED_DOCUMENTS), with their headlines and ledes;
        # later documents only while the evidence kept so far cites them (see add).
        self._documents: list[DocumentSummary] = []
        self._sentences: list[Sentence] = []
        self._hits: list[Hit] = []
        self._cited: dict[str, tuple[DocumentSummary, list[Sentence], list[Hit]]] = {}
        self._n_documents = 0
        self._skipped: list[SkippedInput] = []
        self._removed: list[RemovedSpan] = []
        self._n_removed = 0
        self._removed_reasons: Counter[str] = Counter()
        self._n_removed_with_terms = 0
        self._outlets: dict[str, _OutletTotals] = {}
        self._n_invoking: Counter[Cell] = Counter()
        self._n_hits: Counter[Cell] = Counter()
        self._n_negated: Counter[Cell] = Counter()
        self._moments: dict[Cell, ClusterMoments] = defaultdict(ClusterMoments)
        self._prominence: dict[Cell, _ProminenceCell] = defaultdict(_ProminenceCell)
        self._days: dict[tuple[str, date | None], tuple[int, int, Counter[str]]] = {}
        self._evidence: dict[Cell, list[tuple[Strength, EvidenceCandidate]]] = {}
        self._denials: dict[Cell, list[tuple[Strength, EvidenceCandidate]]] = {}
        self._terms = TermStatsAccumulator()
        self._names = NameStats()
        #: The documents in scripts the lexicons' terms are not in (when the map noted them).
        self.scripts = UnmatchedScripts()
        #: The in-depth state, with ``options.depth`` (:mod:`framing.analysis.depth_reduce`).
        self._depth = DepthReducer(lexicons, options) if options.depth else None

    def add(self, chunk: RecordChunk) -> None:
        """Add the next chunk of documents."""
        offset = self._offset
        if self._tables is not None and chunk.tables is not None:
            self._tables(chunk.tables, offset)
        self._skipped += chunk.skipped
        self._removed += chunk.removed[: max(0, LISTED_REMOVED - len(self._removed))]
        self._n_removed += len(chunk.removed)
        self._removed_reasons.update(span.reason for span in chunk.removed)
        self._n_removed_with_terms += sum(chunk.removed_with_terms)
        self._names.merge(chunk.names)
        self.scripts.merge(chunk.scripts)
        if chunk.terms is not None:
            self._terms.add(chunk.terms)
        for kept, found in ((self._evidence, chunk.evidence), (self._denials, chunk.denials)):
            for cell, candidates in found.items():
                _merge_candidates(kept, cell, candidates, offset, self.per_cell)
        frames = [f.id for f in self.lexicons.frames]
        cited = {
            c.evidence.document
            for kept in (self._evidence, self._denials)
            for candidates in kept.values()
            for _, c in candidates
        }
        if self._depth is not None:
            self._depth.add(chunk.records, chunk.depth, offset)
            self._depth.keep_speakers(
                {
                    c.evidence.sentence
                    for kept in (self._evidence, self._denials)
                    for candidates in kept.values()
                    for _, c in candidates
                }
            )
        for r in chunk.records:
            self._add_record(r, offset, frames, cited)
            offset += r.summary.n_sentences
        self._offset = offset
        self._cited = {d: kept for d, kept in self._cited.items() if d in cited}

    def _add_record(
        self, r: DocumentRecord, offset: int, frames: Sequence[str], cited: Collection[str]
    ) -> None:
        d = r.summary
        listed = self._n_documents < LISTED_DOCUMENTS
        self._n_documents += 1
        if listed or d.id in cited:
            kept = (
                d,
                [s._replace(id=s.id + offset) for s in r.kept],
                [h._replace(sentence=h.sentence + offset) for h in r.kept_hits],
            )
            if listed:
                self._documents.append(kept[0])
                self._sentences += kept[1]
                self._hits += kept[2]
            else:
                self._cited[d.id] = kept
        totals = self._outlets.setdefault(d.outlet, _OutletTotals())
        totals.n_documents += 1
        totals.n_sentences += d.n_sentences
        totals.n_tokens += d.n_tokens
        totals.n_headlines += r.n_headlines
        totals.n_ledes += r.n_ledes
        for f in frames:
            cell = (d.outlet, f)
            k = r.n_invoking.get(f, 0)
            self._moments[cell].add(d.n_sentences, k)
            if not k:
                continue
            self._n_invoking[cell] += k
            prominence = self._prominence[cell]
            in_headline = r.headline_invoking.get(f, ())
            in_lede = r.lede_invoking.get(f, ())
            if listed:
                prominence.headlines += [offset + i for i in in_headline]
                prominence.ledes += [offset + i for i in in_lede]
            prominence.weighted += (
                HEADLINE_WEIGHT * len(in_headline)
                + LEDE_WEIGHT * len(in_lede)
                + (k - len(in_headline) - len(in_lede))
            )
        for f, n in r.n_hits.items():
            self._n_hits[(d.outlet, f)] += n
        for f, n in r.n_negated.items():
            self._n_negated[(d.outlet, f)] += n
        day_key = (d.outlet, parse_day(d.date))
        n_docs, n, support = self._days.get(day_key, (0, 0, Counter()))
        support.update(r.n_invoking)
        self._days[day_key] = (n_docs + 1, n + d.n_sentences, support)

    def finish(
        self,
        *,
        name: str,
        outlet_names: Mapping[str, str],
        skipped: Sequence[SkippedInput] = (),
        removed: Sequence[RemovedSpan] = (),
        notes: Sequence[str] = (),
        step: StepProgress | None = None,
    ) -> Analysis:
        """The analysis of every chunk added.

        ``outlet_names`` maps outlet ids to names; ``skipped``, ``removed``
        and ``notes`` are those of reading (and of cleaning done before the
        map step), listed before the chunks' own. Raises
        :class:`~framing.errors.InputError` when no document has a sentence.
        """
        if not self._n_documents:
            raise InputError("no document has any text left to analyse after cleaning")

        def done() -> None:
            if step is not None:
                step()

        lexicons, options = self.lexicons, self.options
        outlets = tuple(
            OutletSummary(
                id=o,
                name=outlet_names[o],
                n_documents=t.n_documents,
                n_sentences=t.n_sentences,
                n_tokens=t.n_tokens,
            )
            for o, t in self._outlets.items()
        )
        evidence = self._chosen(self._evidence, outlets)
        denials = self._chosen(self._denials, outlets)
        scores = scores_from_counts(
            outlets=outlets,
            lexicons=lexicons,
            n_invoking=self._n_invoking,
            n_hits=self._n_hits,
            n_negated=self._n_negated,
            moments=self._moments,
        )
        done()
        divergences = compare_outlets(
            scores,
            outlets=outlets,
            lexicons=lexicons,
            n_bootstrap=options.n_bootstrap,
            seed=options.seed,
        )
        done()
        outlet_order = [o.id for o in outlets]
        tfidf = tfidf_from_totals(self._terms.totals(), outlet_ids=outlet_order)
        done()
        depth: dict[str, Any] = {}
        if self._depth is not None:
            depth = self._depth.finish(
                outlets=outlets, cited={e.sentence for e in (*evidence, *denials)}
            )
        candidates = lexicon_candidates(
            tfidf,
            lexicons=lexicons,
            covered=term_coverage_checker(lexicons),
            n=options.n_candidates,
            exclude=self._names.words(self._depth.speakers() if self._depth is not None else ()),
        )
        log_odds = log_odds_terms(
            tfidf.outlet_counts(),
            tfidf.vocabulary,
            tfidf.outlet_ids,
            outlet_ids=outlet_order,
            n=options.n_distinctive,
        )
        done()
        prominence = self._prominence_scores(outlets)
        done()
        over_time = _over_time(self._days, outlets, lexicons, options.by)
        done()
        cited = {e.document for e in (*evidence, *denials)}
        later = [kept for d, kept in self._cited.items() if d in cited]
        unlisted = None
        n_unlisted = self._n_documents - len(self._documents) - len(later)
        if n_unlisted or self._n_removed > len(self._removed):
            reasons = self._removed_reasons + Counter(span.reason for span in removed)
            with_terms = self._n_removed_with_terms
            if removed:  # cleaned before the map step: not yet read for terms
                with_terms += sum(1 for hits in removed_hits(removed, lexicons) if hits)
            unlisted = Unlisted(
                n_documents=n_unlisted,
                n_removed=self._n_removed - len(self._removed),
                removed_reasons=dict(sorted(reasons.items())),
                n_removed_with_terms=with_terms,
            )
        return Analysis(
            name=name,
            outlets=outlets,
            lexicons=lexicons,
            documents=(*self._documents, *(k[0] for k in later)),
            sentences=(*self._sentences, *(s for k in later for s in k[1])),
            hits=(*self._hits, *(h for k in later for h in k[2])),
            scores=scores,
            divergences=divergences,
            candidates=candidates,
            evidence=evidence,
            removed=(*removed, *self._removed),
            skipped=(*skipped, *self._skipped),
            notes=tuple(notes),
            options=options,
            denials=denials,
            prominence=prominence,
            log_odds=log_odds,
            over_time=over_time,
            unlisted=unlisted,
            **derived_results(
                scores, divergences, tfidf, outlets, lexicons, options, depth.get("pairs", ())
            ),
            **depth,
        )

    def _chosen(
        self,
        kept: Mapping[Cell, Sequence[tuple[Strength, EvidenceCandidate]]],
        outlets: Sequence[OutletSummary],
    ) -> tuple[Evidence, ...]:
        """The evidence (or denials) of every cell, ranked, with their matches located."""
        chosen: list[Evidence] = []
        for o in outlets:
            for f in self.lexicons.frames:
                for rank, (_, c) in enumerate(kept.get((o.id, f.id), ()), 1):
                    matches = locate_in_text(c.evidence.text, c.hits)
                    chosen.append(replace(c.evidence, matches=matches, rank=rank))
        return tuple(chosen)

    def _prominence_scores(
        self, outlets: Sequence[OutletSummary]
    ) -> dict[tuple[str, str], Prominence]:
        """:func:`~framing.analysis.prominence.score_prominence` from the sums.

        The weights are whole numbers, so their sums do not depend on the
        order they are added in.
        """
        result: dict[tuple[str, str], Prominence] = {}
        for o in outlets:
            t = self._outlets[o.id]
            total = (
                HEADLINE_WEIGHT * t.n_headlines
                + LEDE_WEIGHT * t.n_ledes
                + float(t.n_sentences - t.n_headlines - t.n_ledes)
            )
            for f in self.lexicons.frames:
                cell = self._prominence.get((o.id, f.id), _ProminenceCell())
                result[(o.id, f.id)] = Prominence(
                    outlet=o.id,
                    frame=f.id,
                    headlines=tuple(cell.headlines),
                    ledes=tuple(cell.ledes),
                    n_headlines=t.n_headlines,
                    n_ledes=t.n_ledes,
                    weighted_share=float(cell.weighted) / total if total else 0.0,
                )
        return result


def _merge_candidates(
    kept: dict[Cell, list[tuple[Strength, EvidenceCandidate]]],
    cell: Cell,
    candidates: Sequence[EvidenceCandidate],
    offset: int,
    per_cell: int,
) -> None:
    """Merge a chunk's candidates for ``cell`` into those kept, keeping the best ``per_cell``.

    A candidate left out here can never be chosen later: more candidates only
    add stronger texts ahead of it (or a stronger copy of its text), so the
    best ``per_cell`` distinct texts of all chunks are among those kept. For
    the same reason a candidate weaker than the weakest of ``per_cell`` kept
    (distinct texts, strongest first) cannot enter, and is not looked at
    further; only the candidates chosen get their sentence ids moved.
    """
    old = kept.get(cell, [])
    weakest = old[-1][0] if len(old) >= per_cell else None
    fresh = [((*c.key, offset + c.evidence.sentence), c) for c in candidates]
    if weakest is not None:
        fresh = [(strength, c) for strength, c in fresh if strength < weakest]
    if not fresh:
        kept[cell] = old
        return
    pool = [*old, *fresh]
    ranked = [(strength, i) for i, (strength, _) in enumerate(pool)]
    texts = [c.evidence.text for _, c in pool]
    kept[cell] = [
        (strength, pool[i][1] if i < len(old) else _moved(pool[i][1], strength[-1]))
        for strength, i in best_distinct(ranked, per_cell, texts.__getitem__)
    ]


def _moved(c: EvidenceCandidate, sid: int) -> EvidenceCandidate:
    """``c`` with its sentence id, and its hits', made ``sid`` (the corpus-wide id)."""
    return replace(
        c,
        evidence=replace(c.evidence, sentence=sid),
        hits=tuple(h._replace(sentence=sid) for h in c.hits),
    )


def _over_time(
    days: Mapping[tuple[str, date | None], tuple[int, int, Mapping[str, int]]],
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    by: str | None,
) -> OverTime | None:
    """:func:`~framing.analysis.over_time.frames_over_time` from the counts per outlet and day."""
    if by == "none":
        return None
    chosen: By | None = next((p for p in PERIODS if p == by), None)
    return frames_over_time_from_days(days, outlets=outlets, lexicons=lexicons, by=chosen)


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
