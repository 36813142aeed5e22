"""The quick analysis of a corpus of any size: chunks handed out as they are read.

:func:`analyse_stream` cuts the documents (of a loaded corpus, or of a
:class:`~framing.io.corpus.CorpusStream` read as it goes) into chunks of
:data:`CHUNK_DOCUMENTS`, has an :class:`~framing.parallel.Engine` run the map
step on each (:mod:`framing.analysis.records`: clean, segment, match,
count) and adds the results up in order (:class:`~framing.analysis.reduce.Reducer`).
Only the chunks in flight are in memory; the result depends neither on the
engine nor on the chunking. :func:`framing.analysis.pipeline.analyse` calls
it for a quick analysis that keeps no sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from functools import partial
from itertools import chain, islice

from framing.analysis.records import map_chunk
from framing.analysis.reduce import N_STEPS, Reducer, TableSink
from framing.io.corpus import CorpusStream
from framing.model import (
    Analysis,
    AnalysisOptions,
    CleanCorpus,
    CleanDocument,
    Corpus,
    Document,
    LexiconSet,
)
from framing.parallel import (
    Engine,
    LocalEngine,
    Progress,
    StepProgress,
    default_jobs,
    stage_progress,
)
from framing.text.scripts import lexicon_scripts

#: Documents per chunk of the map step. Each chunk costs something whatever
#: its size (its term vocabulary and evidence candidates are sent back and
#: merged, its memos start empty): 1,000 took about 13% less CPU than 250 on
#: the benchmark corpus, the same on distinct text, for 80-180 MB more per
#: process (docs/benchmarks.md). A corpus of one chunk stays in one process.
CHUNK_DOCUMENTS = 1000
#: The stages reported to a ``progress`` callback (as :mod:`framing.analysis.pipeline` names them).
SENTENCES = "Segmenting"
COMPARING = "Comparing"


def build_outlet_ids(names: Iterable[str]) -> dict[str, str]:
    """A stable, unique slug for each outlet name, in first-seen order.

    >>> build_outlet_ids(["Military.com", "Arab News", "People"])
    {'Military.com': 'military-com', 'Arab News': 'arab-news', 'People': 'people'}
    """
    ids: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        if name in ids:
            continue
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "outlet"
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        ids[name] = slug
    return ids


def analyse_stream(
    corpus: Corpus | CleanCorpus | CorpusStream,
    lexicons: LexiconSet,
    options: AnalysisOptions,
    progress: Progress | None = None,
    engine: Engine | None = None,
    tables: TableSink | None = None,
) -> Analysis:
    """The quick analysis as map (chunks of documents -> summaries) and reduce.

    ``engine`` (started by the caller) runs the map step; by default
    ``options.jobs`` processes here, or this process for a single chunk.
    ``tables`` hears each chunk's table rows. ``progress`` hears the
    documents done (:data:`SENTENCES`, with a total of 0 for a stream) and
    the reduce's steps (:data:`COMPARING`).

    A raw corpus is cleaned in the map step, document by document, where
    its documents are segmented; a :class:`~framing.io.corpus.CorpusStream`
    is read as the chunks are handed out, so that only the chunks in flight
    are in memory. Chunks hold :data:`CHUNK_DOCUMENTS` documents whatever
    the number of processes; the result depends on neither (see
    :mod:`framing.analysis.reduce`).
    """
    documents: Iterable[Document | CleanDocument]
    if isinstance(corpus, CorpusStream):
        documents, total, known = corpus, 0, lexicon_scripts(lexicons)
    else:
        documents, total, known = corpus.documents, len(corpus.documents), None
    removed = corpus.removed if isinstance(corpus, CleanCorpus) else ()
    work = partial(
        map_chunk,
        lexicons=lexicons,
        per_cell=options.evidence_per_cell,
        known_scripts=known,
        tables=tables is not None,
        depth=options.depth,
    )
    outlet_ids: dict[str, str] = {}
    chunks = _chunks(documents, outlet_ids)
    first = list(islice(chunks, 2))
    # An engine given is the caller's to start and stop; one made here is ours.
    scope: AbstractContextManager[object] = nullcontext()
    if engine is None:
        jobs = options.jobs if options.jobs is not None else default_jobs()
        engine = LocalEngine(jobs if len(first) > 1 else 1)
        scope = engine
    done = stage_progress(progress, SENTENCES, total)
    reducer = Reducer(lexicons, options, tables)
    n_done = 0
    with scope:
        for summary in engine.map(work, chain(first, chunks)):
            reducer.add(summary)
            n_done += len(summary.records) + len(summary.skipped)
            if done is not None:
                done(n_done)
    notes: Sequence[str] = corpus.notes
    if known:
        notes = (*notes, *reducer.scripts.notes(known))
    step = StepProgress(progress, COMPARING, total=N_STEPS)
    return reducer.finish(
        name=corpus.name,
        outlet_names={v: k for k, v in outlet_ids.items()},
        skipped=corpus.skipped,
        removed=removed,
        notes=notes,
        step=step,
    )


def _chunks(
    documents: Iterable[Document | CleanDocument], outlet_ids: dict[str, str]
) -> Iterator[tuple[list[Document | CleanDocument], dict[str, str]]]:
    """Chunks of :data:`CHUNK_DOCUMENTS` documents, each with its outlets' ids.

    Outlets get their ids (:func:`build_outlet_ids`) as they are first met,
    in ``outlet_ids``, which holds every outlet's once the chunks are all made.
    """
    chunk: list[Document | CleanDocument] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) == CHUNK_DOCUMENTS:
            yield chunk, _chunk_ids(chunk, outlet_ids)
            chunk = []
    if chunk:
        yield chunk, _chunk_ids(chunk, outlet_ids)


def _chunk_ids(
    chunk: Sequence[Document | CleanDocument], outlet_ids: dict[str, str]
) -> dict[str, str]:
    """The ids of the chunk's outlets, giving new outlets theirs in ``outlet_ids``."""
    names = list(dict.fromkeys(d.outlet for d in chunk))
    new = [n for n in names if n not in outlet_ids]
    if new:
        extended = build_outlet_ids([*outlet_ids, *new])
        outlet_ids.update((n, extended[n]) for n in new)
    return {n: outlet_ids[n] for n in names}
