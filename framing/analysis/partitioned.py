"""The streamed quick analysis with the files read on a cluster's workers.

:func:`analyse_stream` hands chunks of documents read here to the engine.
On a Dask cluster, :func:`analyse_partitioned` has the workers read the
files themselves (:mod:`framing.io.partitions`), so that no article's text
passes through this process. It runs in three steps, each on the engine:

1. the files are cut into partitions (the workers count the lines of the
   ranges of large JSON Lines files);
2. each partition is read once for what reading finds besides the texts
   (the documents' ids and outlets, the rows skipped, the notes), taken
   here in input order: ids are made unique and outlets get their ids in
   document order, as when reading here;
3. each partition is read again and its documents go through the map step
   (:func:`~framing.analysis.records.map_documents`) in chunks of
   :data:`~framing.analysis.stream.CHUNK_DOCUMENTS`, with the ids and
   outlet ids of step 2; the chunks are added up in input order
   (:class:`~framing.analysis.reduce.Reducer`).

Reading costs little beside the map step, so reading twice costs little.
The result is byte for byte that of :func:`analyse_stream` on the same
stream: the same documents, ids, sources, skipped inputs and notes, in the
same order, and the reduce does not depend on the chunking.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import partial

from framing.analysis.records import RecordChunk, map_documents
from framing.analysis.reduce import N_STEPS, Reducer, TableSink
from framing.analysis.stream import COMPARING, SENTENCES, build_outlet_ids
from framing.io.corpus import CorpusStream
from framing.io.partitions import (
    Partition,
    PieceRead,
    ReadMerge,
    partition_documents,
    plan_partitions,
    read_partition,
)
from framing.io.readers import ReadOptions
from framing.model import Analysis, AnalysisOptions, Document, LexiconSet
from framing.parallel import Engine, Progress, StepProgress, stage_progress
from framing.text.scripts import lexicon_scripts

#: What the map step gets for a partition: its pieces, the new ids of documents
#: renamed to be unique (by position), and its outlets' ids.
MapTask = tuple[Partition, Mapping[int, str], Mapping[str, str]]


def reads_partitions(engine: Engine | None) -> bool:
    """Whether ``engine``'s workers read the files themselves (a Dask cluster's do)."""
    return bool(getattr(engine, "reads_partitions", False))


def analyse_partitioned(
    stream: CorpusStream,
    lexicons: LexiconSet,
    options: AnalysisOptions,
    progress: Progress | None,
    engine: Engine,
    tables: TableSink | None = None,
) -> Analysis | None:
    """The quick analysis of ``stream``, its files read by ``engine``'s workers.

    Takes the arguments of :func:`~framing.analysis.stream.analyse_stream`
    (``engine`` started by the caller) and gives the same result; ``None``
    when the stream cannot be read on the workers (it reads standard input).
    """
    from framing.analysis import stream as streamed  # its chunk size, read at run time

    partitions = plan_partitions(stream, engine.map)
    if partitions is None:
        return None
    known = lexicon_scripts(lexicons)
    merge = ReadMerge(stream)
    outlet_ids: dict[str, str] = {}
    reads = engine.map(partial(read_partition, options=stream.options), partitions)
    work = partial(
        map_partition,
        options=stream.options,
        lexicons=lexicons,
        per_cell=options.evidence_per_cell,
        known_scripts=known,
        tables=tables is not None,
        chunk=streamed.CHUNK_DOCUMENTS,
    )
    done = stage_progress(progress, SENTENCES, 0)
    reducer = Reducer(lexicons, options, tables)
    n_done = 0
    for chunks in engine.map(work, _tasks(partitions, reads, merge, outlet_ids)):
        for chunk in chunks:
            reducer.add(chunk)
            n_done += len(chunk.records) + len(chunk.skipped)
        if done is not None:
            done(n_done)
    merge.finish()
    notes = (*merge.notes, *reducer.scripts.notes(known))
    return reducer.finish(
        name=stream.name,
        outlet_names={v: k for k, v in outlet_ids.items()},
        skipped=merge.skipped,
        notes=notes,
        step=StepProgress(progress, COMPARING, total=N_STEPS),
    )


def map_partition(
    task: MapTask,
    *,
    options: ReadOptions,
    lexicons: LexiconSet,
    per_cell: int,
    known_scripts: Collection[str] | None,
    tables: bool,
    chunk: int,
) -> tuple[RecordChunk, ...]:
    """Read a partition's documents and run the map step on them, ``chunk`` at a time.

    Module-level, for the workers (as a partial). The documents get the
    ids ``task`` renames them to; the map step's other arguments are those
    of :func:`~framing.analysis.records.map_documents`.
    """
    partition, renames, outlet_ids = task
    chunks: list[RecordChunk] = []
    documents: list[Document] = []

    def mapped() -> RecordChunk:
        return map_documents(
            documents,
            lexicons=lexicons,
            outlet_ids=outlet_ids,
            per_cell=per_cell,
            known_scripts=known_scripts,
            tables=tables,
        )

    for i, document in enumerate(partition_documents(partition, options)):
        if i in renames:
            document = replace(document, id=renames[i])
        documents.append(document)
        if len(documents) == chunk:
            chunks.append(mapped())
            documents = []
    if documents:
        chunks.append(mapped())
    return tuple(chunks)


def _tasks(
    partitions: Iterable[Partition],
    reads: Iterator[tuple[PieceRead, ...]],
    merge: ReadMerge,
    outlet_ids: dict[str, str],
) -> Iterator[MapTask]:
    """The map step's tasks, as each partition's reads are taken in input order.

    Outlets get their ids as they are first met (:func:`build_outlet_ids`),
    in ``outlet_ids``; a partition without a document has no task.
    """
    for partition, read in zip(partitions, reads, strict=True):
        tasks, names = merge.add(partition, read)
        if not names:  # no document (each has an outlet)
            continue
        new = [n for n in names if n not in outlet_ids]
        if new:
            extended = build_outlet_ids([*outlet_ids, *new])
            outlet_ids.update((n, extended[n]) for n in new)
        ids = {n: outlet_ids[n] for n in names}
        for kept, renames in tasks:
            yield kept, renames, ids
