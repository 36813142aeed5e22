"""Read a Parquet file of articles, one a row, through pyarrow (``framing[parquet]``).

The columns are found as a CSV's are (:mod:`framing.io.readers.columns`);
only those are read, a batch of rows at a time from one row group at a
time, so the file is never held whole. A row's number counts from 1 (a
Parquet file has no header line); its source is ``file.parquet:N``. Date
and timestamp columns are taken as they are, strings as a CSV's are.

pyarrow is an optional dependency: without it a Parquet file stops the run
with an error saying how to install it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from framing.errors import InputError
from framing.io.readers.base import BadFile, Entry, Item, ReadOptions
from framing.io.readers.columns import find_columns
from framing.io.readers.rows import PartFound, RowReader
from framing.io.safe_read import NotReadable, open_regular_file

#: Rows converted to Python objects at once.
BATCH_ROWS = 1024
_MISSING = "reading Parquet files needs pyarrow: pip install 'framing[parquet]'"


def read_parquet(entry: Entry, options: ReadOptions) -> Iterator[Item]:
    """The articles of a Parquet file.

    Raises :class:`~framing.errors.InputError` when pyarrow is not installed.
    """
    found = PartFound()
    items = read_parquet_part(entry, options, groups=None, first=1, found=found)
    # None once the columns are found; an error before that is raised as it is
    head = next(items)
    assert found.table is not None
    yield from found.table.read(itertools.chain([head], items))


def read_parquet_part(
    entry: Entry, options: ReadOptions, *, groups: range | None, first: int, found: PartFound
) -> Iterator[Item | None]:
    """The rows of the row groups ``groups`` of a Parquet file (all for ``None``).

    ``first`` is the number of the first of these rows. What a whole file's
    reading would list at its end is left in ``found`` (see
    :mod:`framing.io.partitions`). Raises
    :class:`~framing.errors.InputError` when pyarrow is not installed.
    """
    pa, pq = import_pyarrow(entry.display)
    if entry.is_stdin:
        raise BadFile("Parquet cannot be read from standard input; name the file")
    try:
        handle = open_regular_file(entry.path)
    except NotReadable as exc:
        raise BadFile(str(exc)) from None
    with handle:
        errors = (pa.ArrowException, ValueError, OSError)
        try:
            parquet = pq.ParquetFile(handle)
        except errors as exc:
            raise BadFile(f"is not a valid Parquet file ({exc})") from None
        columns = find_columns(parquet.schema_arrow.names, options)
        found.table = table = RowReader(entry, options, unit="row")
        table.use(columns)
        yield None  # the reader is made: a whole file's reading lists what it counts
        yield from _articles(table, parquet, columns.chosen(), errors, groups, first)


def import_pyarrow(display: str) -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet; :class:`~framing.errors.InputError` naming
    ``display`` when pyarrow is not installed."""
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        raise InputError(_MISSING, path=display) from None
    return pa, pq


def _articles(
    table: RowReader,
    parquet: Any,
    chosen: list[str | None],
    errors: tuple[type[Exception], ...],
    groups: range | None,
    first: int,
) -> Iterator[Item | None]:
    """Each row's document or skipped entry (``None`` when the skip is only counted).

    ``errors`` are the exceptions a damaged file raises while it is read.
    """
    wanted = list(dict.fromkeys(name for name in chosen if name is not None))
    number = first - 1
    batches = parquet.iter_batches(
        batch_size=BATCH_ROWS, columns=wanted, row_groups=None if groups is None else list(groups)
    )
    while True:
        try:
            batch = next(batches, None)
        except errors as exc:
            raise BadFile(
                f"cannot be read from row {number + 1} on ({exc}); the rest is not read",
                line=number + 1,
            ) from None
        if batch is None:
            return
        values = {name: batch.column(i).to_pylist() for i, name in enumerate(batch.schema.names)}
        empty = [None] * batch.num_rows
        for row in zip(*(values[name] if name else empty for name in chosen), strict=True):
            number += 1
            yield table.row(number, row)
