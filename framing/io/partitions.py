"""A corpus cut into partitions that a cluster's workers read themselves.

A :class:`~framing.io.corpus.CorpusStream` is read in this process, one
article after the other. On a Dask cluster (:mod:`framing.dask_engine`)
the workers can read the files instead, each a partition of them, so that
no article's text passes through this process:

* :func:`plan_partitions` cuts the files into :class:`Partition` objects
  in input order, opening no more than a file's first bytes (a Parquet
  file's footer): a JSON Lines file larger than :data:`PART_BYTES` into
  byte ranges (a range holds the lines that start in it; the workers count
  each range's lines, :func:`count_line_starts`, so that every line keeps
  its number); a Parquet file of several row groups into runs of row
  groups; every other file (gzipped files, text articles, saved pages)
  whole, small ones grouped together. A large CSV or TSV file, whose
  quoted cells may hold line breaks, is read whole once, noting where its
  rows end, and its documents are then read in spans from those row starts
  (:data:`SPAN`).
* A worker reads a partition with the readers of :mod:`framing.io.readers`
  themselves, from the piece's first line or row on, numbered as in the
  whole file: :func:`read_partition` gives what reading found besides the
  documents (their ids and outlets, the rows skipped and the notes, a file
  that cannot be read further), :func:`partition_documents` the documents.
* :class:`ReadMerge` takes what the partitions found in input order and
  gives exactly what reading the stream here gives: the skipped inputs and
  notes in the same order (a part's rows skipped are listed or counted as
  the whole file's reader would, :meth:`~framing.io.readers.rows.RowReader.merge`),
  ids made unique in document order, and nothing of a file after a row it
  could not be read past.

The files must be at the same path on every worker (a shared filesystem,
or copies at the same place): pieces are opened by their absolute path and
shown by the name they were given. A file a worker cannot find is a
one-line :class:`~framing.errors.InputError` naming it and the worker.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.io.corpus import REPEATED, CorpusStream, no_readable_article, unique_id
from framing.io.manifest import path_key
from framing.io.readers import BadFile, Entry, Item, Note, ReadOptions, read_entry
from framing.io.readers.delimited import read_delimited_marked, read_delimited_part
from framing.io.readers.jsonl import read_jsonl_part
from framing.io.readers.parquet import import_pyarrow, read_parquet_part
from framing.io.readers.rows import PartFound, RowReader, RowState
from framing.io.readers.streams import fallback_note
from framing.io.safe_read import bom_encoding
from framing.model import Document, SkippedInput

#: The bytes of file a partition holds, about (a JSON Lines range, a CSV span, row
#: groups; small files grouped): a few hundred articles, a few seconds of work.
PART_BYTES = 1_000_000
#: How a piece is read: a whole file; lines starting in a byte range; runs of row
#: groups; nothing (a file named again, listed as skipped); the rows of a CSV or
#: TSV file from a row start noted when the whole file was read.
WHOLE, LINES, ROWS, REPEAT, SPAN = "whole", "lines", "rows", "repeat", "span"
_GZIP_MAGIC = b"\x1f\x8b"
_SCAN_BYTES = 1 << 22

#: ``run(func, items)``: ``func`` of each item, in order (an engine's ``map``).
Run = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]


@dataclass(frozen=True)
class Piece:
    """A file, or a part of one, to read.

    ``entry`` opens the file by its absolute path and shows the name it was
    given. For :data:`LINES`, the lines that start in bytes
    [``start``, ``stop``); for :data:`ROWS`, row groups [``start``,
    ``stop``); for :data:`SPAN`, the rows in bytes [``start``, ``stop``)
    (0: to the end); ``first`` is the number of the first line or row.
    ``file`` is the file's index in the corpus; ``head`` and ``tail`` tell
    whether the piece starts and ends its file. A whole CSV or TSV file with
    ``every`` notes where its rows end about every ``every`` bytes, so that
    its documents are analysed in spans.
    """

    entry: Entry
    kind: str = WHOLE
    start: int = 0
    stop: int = 0
    first: int = 1
    file: int = 0
    head: bool = True
    tail: bool = True
    every: int = 0


@dataclass(frozen=True)
class Partition:
    """Pieces a worker reads in one task, in input order."""

    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class PieceRead:
    """What reading a piece found besides its documents' texts.

    ``ids``: the documents' ids as read, in order; ``outlets``: their
    outlets, first met first; ``items``: a whole file's skipped entries and
    notes, in order; ``state``: a part's rows listed and counted, to merge;
    ``fallback``: its lines decoded with a fallback encoding; ``seen_any``:
    whether a line was not blank; ``bad``: the reason and line where the
    file could not be read further; ``marks``: where a CSV file's rows end,
    (byte offset, line number, documents before), about every ``every``
    bytes.
    """

    ids: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    items: tuple[SkippedInput | Note, ...] = ()
    state: RowState | None = None
    fallback: tuple[int, str, int] | None = None
    seen_any: bool = False
    bad: tuple[str, int | None] | None = None
    marks: tuple[tuple[int, int, int], ...] = ()


def plan_partitions(stream: CorpusStream, run: Run) -> list[Partition] | None:
    """The stream's files cut into partitions, in input order; ``None`` for standard input.

    ``run`` counts the lines of the JSON Lines ranges (an engine's ``map``:
    on the workers, which read the files anyway). Raises
    :class:`~framing.errors.InputError` when a Parquet file needs pyarrow,
    as reading it would.
    """
    if any(entry.is_stdin for entry in stream.entries):
        return None
    pieces: list[Piece] = []
    seen: set[str] = set()
    for index, entry in enumerate(stream.entries):
        key = path_key(entry.path)
        shown = replace(entry, path=Path(os.path.abspath(entry.path)), shown=entry.display)
        if key in seen:
            pieces.append(Piece(shown, REPEAT, file=index))
            continue
        seen.add(key)
        pieces += _pieces(shown, index)
    spans = [
        (p.entry.display, str(p.entry.path), p.start, p.stop) for p in pieces if p.kind == LINES
    ]
    counts = iter(list(run(count_line_starts, spans)))
    numbered: list[Piece] = []
    lines_before = 0
    for piece in pieces:
        if piece.kind == LINES:
            lines_before = 0 if piece.head else lines_before
            owned = next(counts)
            if owned or piece.head:
                numbered.append(replace(piece, first=lines_before + 1))
            lines_before += owned
        else:
            numbered.append(piece)
    return _grouped(_tails_marked(numbered))


def count_line_starts(span: tuple[str, str, int, int]) -> int:
    """How many lines start in bytes [start, stop) of the file (a worker's task).

    ``span`` is (the file's name as shown, its absolute path, start, stop).
    """
    shown, path, start, stop = span
    count = 1 if start == 0 else 0
    try:
        with open(path, "rb") as handle:
            handle.seek(max(0, start - 1))
            left = stop - max(0, start - 1) - 1  # bytes [start - 1, stop - 1) end the lines
            while left > 0 and (block := handle.read(min(left, _SCAN_BYTES))):
                count += block.count(b"\n")
                left -= len(block)
    except FileNotFoundError:
        raise _not_on_worker(shown) from None
    except OSError:
        return 0  # the reader says what is wrong with the file
    return count


def read_partition(partition: Partition, options: ReadOptions) -> tuple[PieceRead, ...]:
    """What reading each piece of ``partition`` found besides its texts (a worker's task)."""
    return tuple(_read_piece(piece, options) for piece in partition.pieces)


def partition_documents(partition: Partition, options: ReadOptions) -> Iterator[Document]:
    """The documents of ``partition``'s pieces, in order, as read (ids not made unique)."""
    for piece in partition.pieces:
        try:
            for item in _items(piece, options, PartFound()):
                if isinstance(item, Document):
                    yield item
        except BadFile:
            continue


class ReadMerge:
    """What the partitions of a stream found, taken in input order.

    ``skipped`` and ``notes`` start as the stream's (found when its paths
    were checked) and grow as :meth:`add` takes each partition's reads.
    """

    def __init__(self, stream: CorpusStream) -> None:
        self.skipped: list[SkippedInput] = list(stream.skipped)
        self.notes: list[str] = list(stream.notes)
        self.n_documents = 0
        self._options = stream.options
        self._used: set[str] = set()
        self._files: dict[int, _FileMerge] = {}
        self._stopped: set[int] = set()

    def add(
        self, partition: Partition, reads: Iterable[PieceRead]
    ) -> tuple[list[tuple[Partition, dict[int, str]]], list[str]]:
        """Take the next partition's reads; give the partitions to analyse, with
        the new ids of their documents renamed to be unique (by position), and
        the outlets in the order first met.

        The partitions to analyse hold the pieces whose documents count (none
        of a file after a row it could not be read past); a large CSV file is
        cut into spans at the row ends noted while it was read.
        """
        kept: list[Piece] = []
        renames: dict[int, str] = {}
        outlets: dict[str, None] = {}
        n_kept = 0
        for piece, read in zip(partition.pieces, reads, strict=True):
            if piece.kind == REPEAT:
                self.skipped.append(SkippedInput(piece.entry.display, REPEATED))
                continue
            if piece.file in self._stopped:
                continue
            kept.append(piece)
            for raw in read.ids:
                final = unique_id(raw, self._used) if raw in self._used else raw
                if final != raw:
                    renames[n_kept] = final
                self._used.add(final)
                n_kept += 1
            outlets.update(dict.fromkeys(read.outlets))
            if piece.kind == WHOLE:
                self._take(read.items)
                if read.bad is not None:
                    self.skipped.append(_bad_entry(piece.entry, read.bad))
                continue
            self._add_part(piece, read)
        self.n_documents += n_kept
        if len(kept) == 1 and kept[0].every:  # a CSV file's partition of its own
            marks = read.marks
            if len(marks) > 1:
                return _spans(kept[0], marks, renames), list(outlets)
        return [(Partition(tuple(kept)), renames)], list(outlets)

    def finish(self) -> None:
        """Raise the error reading the stream raises when it holds no readable article."""
        if not self.n_documents:
            raise no_readable_article(self.skipped)

    def _add_part(self, piece: Piece, read: PieceRead) -> None:
        if piece.head:
            unit = "row" if piece.kind == ROWS else "line"
            self._files[piece.file] = _FileMerge(piece.entry, self._options, unit)
        merged = self._files[piece.file]
        if read.state is None and piece.head:  # not opened: its rows' reader never started
            assert read.bad is not None
            self.skipped.append(_bad_entry(piece.entry, read.bad))
            self._stopped.add(piece.file)
            del self._files[piece.file]
            return
        if read.state is not None:
            self.skipped += merged.table.merge(read.state)
        merged.add_fallback(read.fallback)
        merged.seen_any = merged.seen_any or read.seen_any
        bad = read.bad
        if bad is None and piece.tail and piece.kind == LINES and not merged.seen_any:
            bad = ("is empty", None)
        if bad is not None or piece.tail:
            self._take(merged.table.finish())
            if bad is not None:
                self.skipped.append(_bad_entry(piece.entry, bad))
                self._stopped.add(piece.file)
            del self._files[piece.file]

    def _take(self, items: Iterable[Item]) -> None:
        for item in items:
            if isinstance(item, Note):
                self.notes.append(item.text)
            elif isinstance(item, SkippedInput):
                self.skipped.append(item)


@dataclass
class _FileMerge:
    """A file read in parts: its whole reader, and its lines decoded with a fallback."""

    entry: Entry
    options: ReadOptions
    unit: str
    seen_any: bool = False
    fallback: tuple[int, str, int] | None = None
    table: RowReader = field(init=False)

    def __post_init__(self) -> None:
        self.table = RowReader(
            self.entry,
            self.options,
            unit=self.unit,
            encoding_note=lambda: fallback_note(self.entry.display, self.fallback),
        )

    def add_fallback(self, part: tuple[int, str, int] | None) -> None:
        if part is None:
            return
        if self.fallback is None:
            self.fallback = part
        else:
            first, label, count = self.fallback
            self.fallback = (first, label, count + part[2])


def _spans(
    piece: Piece, marks: tuple[tuple[int, int, int], ...], renames: dict[int, str]
) -> list[tuple[Partition, dict[int, str]]]:
    """A CSV file read whole cut into spans at its marks, each with its renamed ids."""
    spans: list[tuple[Partition, dict[int, str]]] = []
    for i, (start, line, before) in enumerate(marks):
        stop, after = marks[i + 1][0::2] if i + 1 < len(marks) else (0, -1)
        if after == before:
            continue  # no document in it
        span = Piece(piece.entry, SPAN, start, stop, line, file=piece.file, head=False)
        own = {
            k - before: v for k, v in renames.items() if before <= k and (k < after or after < 0)
        }
        spans.append((Partition((span,)), own))
    return spans


def _pieces(entry: Entry, file: int) -> list[Piece]:
    """``entry``'s pieces: byte ranges of a large JSON Lines file, runs of a Parquet
    file's row groups, or the whole file."""
    whole = [Piece(entry, file=file)]
    size = _size(entry.path)  # 0 when it cannot be read: its reader says why
    if entry.format == "jsonl" and size > PART_BYTES and _splittable(entry.path):
        starts = range(0, size, PART_BYTES)
        return [
            Piece(entry, LINES, start, min(start + PART_BYTES, size), file=file, head=not start)
            for start in starts
        ]
    if entry.format == "parquet":
        return _row_group_pieces(entry, file) or whole
    if entry.format in ("csv", "tsv") and size > PART_BYTES and _splittable(entry.path):
        return [Piece(entry, file=file, every=PART_BYTES)]
    return whole


def _size(path: Path) -> int:
    """The size of the file at ``path``; 0 when it cannot be told."""
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _splittable(path: Path) -> bool:
    """Whether a file's lines can be read from any line start: not gzipped, and
    not UTF-16 or UTF-32 (with a byte-order mark)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return False
    return not head.startswith(_GZIP_MAGIC) and bom_encoding(head) is None


def _row_group_pieces(entry: Entry, file: int) -> list[Piece]:
    """Runs of a Parquet file's row groups of about :data:`PART_BYTES` each;
    none when it has one row group, or cannot be read (its reader says why)."""
    pa, pq = import_pyarrow(entry.display)
    try:
        with open(entry.path, "rb") as handle:
            metadata = pq.ParquetFile(handle).metadata
    except (pa.ArrowException, ValueError, OSError):
        return []
    if metadata.num_row_groups < 2:
        return []
    pieces: list[Piece] = []
    start = size = 0
    rows_before = rows = 0
    for group in range(metadata.num_row_groups):
        size += metadata.row_group(group).total_byte_size
        rows += metadata.row_group(group).num_rows
        if size >= PART_BYTES or group == metadata.num_row_groups - 1:
            pieces.append(
                Piece(entry, ROWS, start, group + 1, rows_before + 1, file=file, head=not start)
            )
            start, size, rows_before, rows = group + 1, 0, rows_before + rows, 0
    return pieces


def _tails_marked(pieces: list[Piece]) -> list[Piece]:
    """The pieces, the last of each file marked as its tail."""
    return [
        replace(p, tail=i + 1 == len(pieces) or pieces[i + 1].head or pieces[i + 1].file != p.file)
        for i, p in enumerate(pieces)
    ]


def _grouped(pieces: list[Piece]) -> list[Partition]:
    """Parts of files in partitions of their own; whole files grouped up to
    :data:`PART_BYTES`."""
    partitions: list[Partition] = []
    group: list[Piece] = []
    size = 0
    for piece in pieces:
        if piece.kind in (LINES, ROWS) or piece.every:
            if group:
                partitions.append(Partition(tuple(group)))
                group, size = [], 0
            partitions.append(Partition((piece,)))
            continue
        group.append(piece)
        size += _size(piece.entry.path) if piece.kind == WHOLE else 0
        if size >= PART_BYTES:
            partitions.append(Partition(tuple(group)))
            group, size = [], 0
    if group:
        partitions.append(Partition(tuple(group)))
    return partitions


def _read_piece(piece: Piece, options: ReadOptions) -> PieceRead:
    """What reading ``piece`` found besides its texts."""
    if piece.kind == REPEAT:
        return PieceRead()
    ids: list[str] = []
    outlets: dict[str, None] = {}
    items: list[SkippedInput | Note] = []
    found = PartFound()
    bad = None
    marks: list[tuple[int, int, int]] = []
    try:
        for item in _items(piece, options, found, marks):
            if isinstance(item, Document):
                ids.append(item.id)
                outlets[item.outlet] = None
            elif piece.kind == WHOLE and item is not None:
                items.append(item)
    except BadFile as exc:
        bad = (exc.reason, exc.line)
    return PieceRead(
        ids=tuple(ids),
        outlets=tuple(outlets),
        items=tuple(items),
        state=None if found.table is None else found.table.state(),
        fallback=None if found.fallback is None else found.fallback(),
        seen_any=found.seen_any,
        bad=bad,
        marks=tuple(marks),
    )


def _items(
    piece: Piece,
    options: ReadOptions,
    found: PartFound,
    marks: list[tuple[int, int, int]] | None = None,
) -> Iterator[Item | None]:
    """What the readers make of ``piece``; a file missing here is an error.

    A whole CSV file with ``every`` notes in ``marks`` where its rows end.
    """
    if piece.kind == REPEAT:
        return iter(())
    if not os.path.lexists(piece.entry.path):
        raise _not_on_worker(piece.entry.display)
    if piece.kind == LINES:
        return read_jsonl_part(
            piece.entry,
            options,
            start=piece.start,
            stop=piece.stop,
            first=piece.first,
            found=found,
        )
    if piece.kind == ROWS:
        return read_parquet_part(
            piece.entry,
            options,
            groups=range(piece.start, piece.stop),
            first=piece.first,
            found=found,
        )
    if piece.kind == SPAN:
        return read_delimited_part(
            piece.entry, options, start=piece.start, stop=piece.stop or None, first=piece.first
        )
    if piece.every and marks is not None:
        return read_delimited_marked(piece.entry, options, every=piece.every, marks=marks)
    return read_entry(piece.entry, options)


def _bad_entry(entry: Entry, bad: tuple[str, int | None]) -> SkippedInput:
    """The skipped entry of a file that cannot be read (further), as the stream lists it."""
    reason, line = bad
    return SkippedInput(entry.display if line is None else f"{entry.display}:{line}", reason)


def _not_on_worker(path: str) -> InputError:
    return InputError(
        f"not found on the Dask worker at {socket.gethostname()}: every worker must see "
        "the input files at the same path as this machine (a shared filesystem, or copies "
        "at the same place; see docs/scale.md)",
        path=path,
    )


__all__ = [
    "PART_BYTES",
    "Partition",
    "Piece",
    "PieceRead",
    "ReadMerge",
    "count_line_starts",
    "partition_documents",
    "plan_partitions",
    "read_partition",
]
