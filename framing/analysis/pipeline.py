"""The whole analysis in one call: corpus + lexicons -> :class:`~framing.model.Analysis`.

>>> from framing import analyse, load_corpus, load_lexicons, seeds_dir, default_lexicons
>>> analysis = analyse(load_corpus([seeds_dir()]), load_lexicons(default_lexicons()))
>>> [o.name for o in analysis.outlets]
['Military.com', 'Arab News', 'People']

The lexicons may also be given as a path, which is loaded with
:func:`~framing.lexicons.load.load_lexicons`:

>>> analysis = analyse(load_corpus([seeds_dir()]), default_lexicons())
>>> round(analysis.score("Arab News", "Goodwill fighters").share, 2)
0.15

Each step is also a public function of its own module, so a notebook user can
stop after any of them and look at the intermediate data.

A long run reports how far it has got to a ``progress`` callback
(:data:`framing.parallel.Progress`), stage by stage: :data:`CLEANING` and
:data:`SENTENCES` count articles, :data:`TONE` sentences and
:data:`COMPARING` the steps of the analysis that follow. Reporting never
changes a result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from os import PathLike
from pathlib import Path

from framing.analysis import stream
from framing.analysis.compare import compare_outlets
from framing.analysis.evidence import select_evidence_and_denials
from framing.analysis.features import (
    TermCounts,
    build_tfidf,
    count_terms,
    invoked_frames,
    lexicon_candidates,
    merge_term_counts,
    score_frames,
    term_coverage_checker,
)
from framing.analysis.in_depth import analyse_in_depth
from framing.analysis.names import not_vocabulary
from framing.analysis.over_time import frames_over_time
from framing.analysis.partitioned import analyse_partitioned, reads_partitions
from framing.analysis.prominence import score_prominence
from framing.analysis.quotes import (
    Quotations,
    Quote,
    extract_quotes,
)
from framing.analysis.records import NO_SENTENCE
from framing.analysis.reduce import (
    N_STEPS,
    TableSink,
    derived_results,
    outlet_summaries,
)
from framing.analysis.significance import (
    log_odds_terms,
)
from framing.analysis.stream import analyse_stream, build_outlet_ids
from framing.errors import InputError
from framing.io.corpus import CorpusStream
from framing.lexicons.load import load_lexicons
from framing.lexicons.match import Matcher
from framing.model import (
    Analysis,
    AnalysisOptions,
    CleanCorpus,
    CleanDocument,
    Corpus,
    DocumentSummary,
    Hit,
    LexiconSet,
    OutletSummary,
    Sentence,
    SkippedInput,
)
from framing.model.time import PERIODS, OverTime
from framing.parallel import (
    Engine,
    Progress,
    StepProgress,
    cyclic_gc_paused,
    default_jobs,
    map_chunks,
    stage_progress,
)
from framing.text.clean import clean_corpus
from framing.text.segment import SentencePiece, build_sentences, sentence_pieces

#: The stages reported to a ``progress`` callback, in order (and
#: :data:`framing.analysis.in_depth.TONE` between the last two).
CLEANING = "Cleaning"
SENTENCES = stream.SENTENCES
COMPARING = stream.COMPARING


@dataclass(frozen=True)
class PreparedCorpus:
    """A corpus cleaned and segmented into sentences: the front half of :func:`analyse`.

    ``skipped`` holds the inputs skipped when loading and cleaning, then the
    documents left without a sentence, in document order. ``hits`` (with
    corpus-wide sentence ids), ``counts`` (the sentences' term counts) and
    ``quotations`` are the per-document work done where the sentences are
    made; they are empty (``()``, ``None``, ``None``) unless
    :func:`prepare_sentences` was given lexicons (and ``quotes``).
    """

    clean: CleanCorpus
    outlet_ids: dict[str, str]
    sentences: tuple[Sentence, ...]
    skipped: tuple[SkippedInput, ...]
    hits: tuple[Hit, ...] = ()
    counts: TermCounts | None = None
    quotations: Quotations | None = None


def prepare_sentences(
    corpus: Corpus | CleanCorpus,
    *,
    jobs: int | None = None,
    lexicons: LexiconSet | None = None,
    quotes: bool = False,
    progress: Progress | None = None,
) -> PreparedCorpus:
    """Clean and segment a corpus, as :func:`analyse` and ``framing lexicon`` do.

    ``corpus`` may be a raw :class:`Corpus` (cleaned here) or an already
    cleaned :class:`CleanCorpus`. Documents are segmented in ``jobs``
    processes on a large corpus (default: one per CPU, see
    :mod:`framing.parallel`); the result never depends on it. With
    ``lexicons``, each process also matches its sentences and counts their
    terms (and, with ``quotes``, extracts their quotations), so that this work
    runs where the sentences are made. Raises
    :class:`~framing.errors.InputError` when no document has any sentence
    left. ``progress``, if given, hears how many articles are cleaned and
    segmented (:data:`CLEANING`, :data:`SENTENCES`).
    """
    clean = _clean(corpus, progress)
    outlet_ids = build_outlet_ids(d.outlet for d in clean.documents)
    jobs = default_jobs() if jobs is None else jobs
    n_documents = len(clean.documents)
    done = stage_progress(progress, SENTENCES, n_documents)
    if lexicons is None:
        segmented = map_chunks(_segment_chunk, clean.documents, jobs=jobs, progress=done)
        pieces = [doc_pieces for chunk in segmented for doc_pieces in chunk]
        chunks: list[_ChunkResult] = []
    else:
        work = partial(_chunk_work, lexicons=lexicons, outlet_ids=outlet_ids, quotes=quotes)
        chunks = map_chunks(work, clean.documents, jobs=jobs, progress=done)
        pieces = [p for chunk in chunks for p in chunk.pieces]
    sentences = build_sentences(clean.documents, pieces, outlet_ids=outlet_ids)
    with_text = {s.document for s in sentences}
    skipped = clean.skipped + tuple(
        SkippedInput(d.source, NO_SENTENCE) for d in clean.documents if d.id not in with_text
    )
    if not sentences:
        raise InputError("no document has any text left to analyse after cleaning")
    if lexicons is None:
        return PreparedCorpus(clean, outlet_ids, sentences, skipped)
    return PreparedCorpus(
        clean,
        outlet_ids,
        sentences,
        skipped,
        hits=_renumber_hits(chunks),
        counts=merge_term_counts([chunk.counts for chunk in chunks]),
        quotations=_merge_quotations(chunks) if quotes else None,
    )


def _clean(corpus: Corpus | CleanCorpus, progress: Progress | None) -> CleanCorpus:
    """``corpus`` cleaned (unless it already is), reported as the :data:`CLEANING` stage."""
    if isinstance(corpus, CleanCorpus):
        return corpus
    return clean_corpus(corpus, progress=stage_progress(progress, CLEANING, len(corpus.documents)))


def analyse(
    corpus: Corpus | CleanCorpus | CorpusStream,
    lexicons: LexiconSet | str | PathLike[str],
    *,
    options: AnalysisOptions | None = None,
    progress: Progress | None = None,
    keep_sentences: bool = True,
    engine: Engine | None = None,
    tables: TableSink | None = None,
) -> Analysis:
    """Clean, segment, match, score, compare and pick evidence.

    ``corpus`` may be a raw :class:`Corpus` (cleaned here) or an already
    cleaned :class:`CleanCorpus`. ``lexicons`` is a loaded
    :class:`LexiconSet`, or the path of one (a set folder, a frame file or a
    dictionary, as :func:`~framing.lexicons.load.load_lexicons` reads; a
    :class:`~framing.errors.LexiconError` names a bad one). Raises
    :class:`~framing.errors.InputError` when no document has any sentence
    left to analyse, and ``ValueError``
    when ``options.by`` is not a period. ``progress``, if given, hears how
    far the analysis has got (see the module's docstring); the result never
    depends on it.

    With ``keep_sentences`` False, the analysis keeps no sentence or hit
    beyond what the report reads for every document: it is run as map and
    reduce over per-document records (:mod:`framing.analysis.reduce`; the
    in-depth analyses' state too, :mod:`framing.analysis.depth_reduce`), and
    the result's ``sentences`` and ``hits`` hold only the headline, deck and
    lede sentences and their hits, and its ``quotations`` no quote and only
    the speakers of the evidence sentences. Every other result is the same
    (``documents`` lists the first
    :data:`~framing.model.LISTED_DOCUMENTS`, and the cited ones). Tables of all sentences
    (:func:`framing.report.render_tables`) need them all kept. ``engine``
    (:class:`~framing.parallel.Engine`: this machine's processes, or a
    cluster, see :mod:`framing.dask_engine`), already started by the caller,
    runs the map step there; by default, ``options.jobs`` processes on this
    machine. It never changes the result. ``tables`` (with
    ``keep_sentences`` False only) is handed the rows
    of the sentence, document and removed-span tables chunk by chunk
    (:data:`~framing.analysis.reduce.TableSink`).
    """
    if isinstance(lexicons, (str, PathLike)):
        lexicons = load_lexicons(Path(lexicons))
    elif not isinstance(lexicons, LexiconSet):
        raise TypeError(
            f"lexicons must be a LexiconSet or the path of one, not {type(lexicons).__name__}"
        )
    options = options or AnalysisOptions()
    if options.by is not None and options.by not in (*PERIODS, "none"):
        raise ValueError(f"unknown period {options.by!r}; expected one of {', '.join(PERIODS)}")
    with cyclic_gc_paused():
        if not keep_sentences:
            if (
                not options.depth
                and isinstance(corpus, CorpusStream)
                and engine is not None
                and reads_partitions(engine)
            ):
                # the engine's workers read the files themselves
                partitioned = analyse_partitioned(
                    corpus, lexicons, options, progress, engine, tables
                )
                if partitioned is not None:
                    return partitioned
            return analyse_stream(corpus, lexicons, options, progress, engine, tables)
        if tables is not None:
            raise ValueError("tables are streamed by the analysis without kept sentences")
        if isinstance(corpus, CorpusStream):
            corpus = Corpus(tuple(corpus), tuple(corpus.skipped), tuple(corpus.notes), corpus.name)
        return _analyse(corpus, lexicons, options, progress)


def _analyse(
    corpus: Corpus | CleanCorpus,
    lexicons: LexiconSet,
    options: AnalysisOptions,
    progress: Progress | None,
) -> Analysis:
    jobs = options.jobs if options.jobs is not None else default_jobs()
    prepared = prepare_sentences(
        corpus, jobs=jobs, lexicons=lexicons, quotes=options.depth, progress=progress
    )
    clean, outlet_ids, sentences = prepared.clean, prepared.outlet_ids, prepared.sentences
    hits, quotations = prepared.hits, prepared.quotations
    documents = _document_summaries(clean, outlet_ids, sentences)
    outlets = outlet_summaries(documents, outlet_ids)
    n_steps = _N_STEPS + (_N_DEPTH_STEPS if options.depth else 0)
    step = StepProgress(progress, COMPARING, total=n_steps)

    scores = score_frames(
        sentences,
        hits,
        outlets=outlets,
        lexicons=lexicons,
        n_bootstrap=options.n_bootstrap,
        seed=options.seed,
    )
    step()
    divergences = compare_outlets(
        scores,
        outlets=outlets,
        lexicons=lexicons,
        n_bootstrap=options.n_bootstrap,
        seed=options.seed,
    )
    step()
    invoked = invoked_frames(hits)
    tfidf = build_tfidf(
        sentences, outlet_ids=[o.id for o in outlets], counts=prepared.counts, invoked=invoked
    )
    step()
    candidates = lexicon_candidates(
        tfidf,
        lexicons=lexicons,
        covered=term_coverage_checker(lexicons),
        n=options.n_candidates,
        exclude=not_vocabulary(
            sentences, (q.speaker for q in quotations.quotes) if quotations else ()
        ),
    )
    log_odds = log_odds_terms(
        tfidf.outlet_counts(),
        tfidf.vocabulary,
        tfidf.outlet_ids,
        outlet_ids=[o.id for o in outlets],
        n=options.n_distinctive,
    )
    step()
    prominence = score_prominence(sentences, invoked, outlets=outlets, lexicons=lexicons)
    evidence, denials = select_evidence_and_denials(
        sentences, hits, outlets=outlets, lexicons=lexicons, per_cell=options.evidence_per_cell
    )
    step()
    over_time = _over_time(sentences, hits, documents, outlets, lexicons, options.by)
    step()
    depth = (
        analyse_in_depth(
            sentences, hits, invoked, outlets, lexicons, options, jobs, quotations, progress, step
        )
        if quotations is not None
        else {}
    )
    derived = derived_results(
        scores, divergences, tfidf, outlets, lexicons, options, pairs=depth.get("pairs", ())
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
        skipped=prepared.skipped,
        notes=clean.notes,
        options=options,
        denials=denials,
        prominence=prominence,
        log_odds=log_odds,
        over_time=over_time,
        **derived,
        **depth,
    )


def _over_time(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    documents: Sequence[DocumentSummary],
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    by: str | None,
) -> OverTime | None:
    """The frames over time, by ``by`` (None chooses; ``"none"`` leaves them out)."""
    if by == "none":
        return None
    period = next((p for p in PERIODS if p == by), None)  # by as a By (analyse checked it)
    return frames_over_time(
        sentences, hits, documents, outlets=outlets, lexicons=lexicons, by=period
    )


#: Steps of the analysis after the sentences are made (:data:`COMPARING`), without and
#: with the in-depth analyses.
_N_STEPS = N_STEPS
_N_DEPTH_STEPS = 4


@dataclass(frozen=True)
class _ChunkResult:
    """Per-document work on a chunk of documents, done in one process.

    Sentence ids in ``hits`` and ``quotations`` count from the chunk's first
    sentence; ``quotations`` is ``None`` unless they were asked for.
    """

    pieces: list[list[SentencePiece]]
    hits: list[Hit]
    n_sentences: int
    counts: TermCounts
    quotations: Quotations | None = None


def _segment_chunk(documents: Sequence[CleanDocument]) -> list[list[SentencePiece]]:
    """The sentence pieces of each document (module-level, so worker processes can run it)."""
    return [sentence_pieces(doc) for doc in documents]


def _chunk_work(
    documents: Sequence[CleanDocument],
    *,
    lexicons: LexiconSet,
    outlet_ids: Mapping[str, str],
    quotes: bool = False,
) -> _ChunkResult:
    """Segment, match and count terms for a chunk of documents.

    With ``quotes`` (the in-depth analysis), also extract the chunk's
    quotations: quotes are read within a document, so a chunk of whole
    documents gives the same quotes as the whole corpus, and parsing
    sentences is the costliest step of the in-depth analysis.
    """
    pieces = _segment_chunk(documents)
    token_lists = [piece[3] for doc_pieces in pieces for piece in doc_pieces]
    matcher = Matcher(lexicons)
    hits = []
    index = 0
    for doc_pieces in pieces:
        previous: Sequence[str] = ()
        for part, _lede, text, tokens, _words in doc_pieces:
            hits += matcher.match_tokens(
                tokens, sentence_id=index, previous=previous, text=text, part=part
            )
            previous = tokens
            index += 1
    quotations = None
    if quotes:
        quotations = extract_quotes(build_sentences(documents, pieces, outlet_ids=outlet_ids))
    return _ChunkResult(pieces, hits, len(token_lists), count_terms(token_lists), quotations)


def _renumber_hits(chunks: Sequence[_ChunkResult]) -> tuple[Hit, ...]:
    """The chunks' hits with corpus-wide sentence ids."""
    hits: list[Hit] = []
    offset = 0
    for chunk in chunks:
        if offset:
            hits.extend(h._replace(sentence=h.sentence + offset) for h in chunk.hits)
        else:
            hits.extend(chunk.hits)
        offset += chunk.n_sentences
    return tuple(hits)


def _merge_quotations(chunks: Sequence[_ChunkResult]) -> Quotations:
    """The chunks' quotations with corpus-wide sentence ids, as one extraction would give.

    Chunks are in document order; a speaker's gender is the last one found,
    as when the documents are read one after another.
    """
    quotes: list[Quote] = []
    voice: dict[int, str | None] = {}
    genders: dict[str, str] = {}
    offset = 0
    for chunk in chunks:
        found = chunk.quotations
        assert found is not None
        quotes.extend(
            Quote(q.sentence + offset, q.document, q.outlet, q.speaker, q.text, q.start, q.end,
                  q.kind)
            for q in found.quotes
        )  # fmt: skip
        voice.update((sid + offset, speaker) for sid, speaker in found.sentence_speaker.items())
        genders.update(found.genders)
        offset += chunk.n_sentences
    return Quotations(tuple(quotes), voice, genders)


def _document_summaries(
    clean: CleanCorpus,
    outlet_ids: dict[str, str],
    sentences: Sequence,
) -> tuple[DocumentSummary, ...]:
    """Per-document counts; a document with no sentence has none (it is skipped)."""
    n_sentences: Counter[str] = Counter()
    n_tokens: Counter[str] = Counter()
    for s in sentences:
        n_sentences[s.document] += 1
        n_tokens[s.document] += s.n_words
    summaries = []
    for doc in clean.documents:
        if not n_sentences[doc.id]:
            continue
        summaries.append(
            DocumentSummary(
                id=doc.id,
                outlet=outlet_ids[doc.outlet],
                source=doc.source,
                title=doc.title,
                date=doc.date,
                url=doc.url,
                n_sentences=n_sentences[doc.id],
                n_tokens=n_tokens[doc.id],
            )
        )
    return tuple(summaries)
