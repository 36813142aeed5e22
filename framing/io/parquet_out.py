"""Write tables as Parquet files through pyarrow (``framing[parquet]``), a row group at a time.

``framing report --tables DIR --table-format parquet`` writes its tables
here. A table is given as its columns, each a name and a :data:`Kind`, and
rows of cells as the CSV tables hold them (:mod:`framing.report.tables`):
an int, or a text such as ``"0.250000"``, ``"true"`` or ``""``. Each cell
is converted by its column's kind: ``int`` to a 64-bit integer, ``float``
to a double (an empty cell to null), ``bool`` to a boolean (``"true"``),
``str`` to a UTF-8 string (an empty cell to null). So a Parquet table holds
the values of its CSV twin, typed: ``pandas.read_parquet`` gives the values
``pandas.read_csv`` reads from the CSV. Rows may also come as CSV text
(:meth:`ParquetRows.add_csv`, the streamed sentence rows), read the same way.

Rows are gathered into row groups of :data:`ROW_GROUP_ROWS` rows, whatever
the pieces they arrive in, and each row group is written from contiguous
arrays, so a table streamed chunk by chunk (:class:`StagedParquet`) is the
same, byte for byte, as the table written at once (:func:`parquet_bytes`);
at most two row groups' worth of rows are held. The writer's options are
fixed (:data:`WRITER_OPTIONS`); a Parquet file holds no timestamp, so the
same rows give the same bytes with the same pyarrow version (the footer
names that version, as ``created_by``).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any, Literal

from framing.errors import OutputError
from framing.io.files import StagedFile

#: What a column holds.
Kind = Literal["int", "float", "bool", "str"]
#: A table's columns: name and kind, in order.
Columns = Sequence[tuple[str, Kind]]

INSTALL_HINT = "pip install 'framing[parquet]'"
#: Rows per row group (the last may hold fewer): large enough to compress
#: well, small enough that a row group of sentences stays tens of megabytes.
ROW_GROUP_ROWS = 50_000
#: Fixed, so that the bytes do not depend on pyarrow's defaults.
WRITER_OPTIONS: dict[str, Any] = {
    "version": "2.6",
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "data_page_version": "1.0",
    "store_schema": True,
}


def require_pyarrow() -> None:
    """Raise an :class:`~framing.errors.OutputError` naming the extra if pyarrow is missing."""
    try:
        import pyarrow  # type: ignore[import-untyped]
        import pyarrow.parquet  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        raise OutputError(f"writing Parquet tables needs pyarrow: {INSTALL_HINT}") from None


def parquet_bytes(columns: Columns, rows: Iterable[Sequence[object]]) -> bytes:
    """The Parquet file of a table held whole, as bytes."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    table = ParquetRows(sink, columns)
    table.add(rows)
    table.close()
    return bytes(sink.getvalue().to_pybytes())


class ParquetRows:
    """Rows added piece by piece, written to ``sink`` in row groups of :data:`ROW_GROUP_ROWS`."""

    def __init__(self, sink: Any, columns: Columns) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._kinds = [kind for _, kind in columns]
        types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
        fields = [(name, types.get(kind, pa.large_string())) for name, kind in columns]
        self._schema = pa.schema(fields)
        self._writer = pq.ParquetWriter(sink, self._schema, **WRITER_OPTIONS)
        self._pending: list[Any] = []
        self._n_pending = 0

    def add(self, rows: Iterable[Sequence[object]]) -> None:
        """Add rows; a row group is written whenever enough have come."""
        rows = list(rows)
        if not rows:
            return
        cells = list(zip(*rows, strict=True))
        arrays = [_array(self._pa, c, k) for c, k in zip(cells, self._kinds, strict=True)]
        self._append(self._pa.Table.from_arrays(arrays, schema=self._schema))

    def add_csv(self, text: str, *, ids_from: int | None = None) -> None:
        """Add rows given as CSV text without a header, as :func:`csv.writer` writes them.

        With ``ids_from``, the text leaves out the first column, which counts
        up from it (the sentence ids of a chunk, :mod:`framing.analysis.table_rows`).
        The text is parsed by pyarrow, several times faster than Python's
        :mod:`csv` and the cells' conversion; each cell is read as :meth:`add`
        reads the same cell as text (tested), so both give the same table.
        """
        if not text:
            return
        import pyarrow.csv as pcsv  # type: ignore[import-untyped]

        pa = self._pa
        data = text.encode("utf-8")
        if data.startswith(codecs.BOM_UTF8):  # pyarrow would drop it as a file's mark
            rows = csv.reader(io.StringIO(text, newline=""))
            if ids_from is None:
                self.add(rows)
            else:
                self.add([ids_from + i, *row] for i, row in enumerate(rows))
            return
        fields = list(self._schema)[0 if ids_from is None else 1 :]
        names = [f"c{i}" for i in range(len(fields))]  # frame ids may repeat a column's name
        table = pcsv.read_csv(
            pa.py_buffer(data),
            read_options=pcsv.ReadOptions(
                column_names=names, use_threads=False, block_size=len(data) + 1
            ),
            parse_options=pcsv.ParseOptions(newlines_in_values=True),
            convert_options=pcsv.ConvertOptions(
                column_types={n: f.type for n, f in zip(names, fields, strict=True)},
                null_values=[""],
                strings_can_be_null=True,
                true_values=["true"],
                false_values=["false"],
            ),
        )
        columns = table.columns
        if ids_from is not None:
            ids = pa.array(range(ids_from, ids_from + table.num_rows), pa.int64())
            columns = [ids, *columns]
        self._append(pa.Table.from_arrays(columns, schema=self._schema))

    def _append(self, table: Any) -> None:
        """Hold ``table``'s rows; write every row group they complete."""
        self._pending.append(table)
        self._n_pending += table.num_rows
        if self._n_pending >= ROW_GROUP_ROWS:
            self._write_groups(last=False)

    def close(self) -> None:
        """Write the rows left and the file's footer."""
        if self._n_pending:
            self._write_groups(last=True)
        self._writer.close()

    def abandon(self) -> None:
        """Close the writer without writing the rows left (its file is about to be removed)."""
        self._pending, self._n_pending = [], 0
        self._writer.close()

    def _write_groups(self, *, last: bool) -> None:
        """Write every full row group pending (and, when ``last``, the rest)."""
        pending = self._pa.concat_tables(self._pending)
        start = 0
        while pending.num_rows - start >= ROW_GROUP_ROWS or (last and start < pending.num_rows):
            group = pending.slice(start, ROW_GROUP_ROWS).combine_chunks()
            self._writer.write_table(group, row_group_size=ROW_GROUP_ROWS)
            start += group.num_rows
        rest = pending.slice(start).combine_chunks()
        self._pending = [rest] if rest.num_rows else []
        self._n_pending = rest.num_rows


def _array(pa: Any, cells: Sequence[object], kind: Kind) -> Any:
    """One column's cells (as a CSV table holds them) as an Arrow array of its kind."""
    if kind == "int":
        return pa.array([int(c) for c in cells], pa.int64())  # type: ignore[call-overload]
    if kind == "float":
        floats = [None if c == "" else float(c) for c in cells]  # type: ignore[arg-type]
        return pa.array(floats, pa.float64())
    if kind == "bool":
        return pa.array([c is True or c == "true" for c in cells], pa.bool_())
    return pa.array([None if c == "" else str(c) for c in cells], pa.large_string())


class StagedParquet(StagedFile):
    """A Parquet table written row group by row group into a temporary file beside its destination.

    :meth:`add` appends rows; :func:`~framing.io.files.write_texts_atomic`
    (given it in ``staged``) closes it, which writes the last row group and
    the footer, and renames it with the rest of the set. Errors are
    :class:`~framing.errors.OutputError`\\ s naming the destination, and
    leave no temporary file.
    """

    def __init__(self, path: Path, columns: Columns) -> None:
        import pyarrow as pa

        self._errors = (OSError, pa.ArrowException)
        super().__init__(path, binary=True)
        try:
            self._rows: ParquetRows | None = ParquetRows(self.handle, columns)
        except BaseException:
            self._rows = None
            self.discard()
            raise

    def add(self, rows: Iterable[Sequence[object]]) -> None:
        """Append rows."""
        if self._rows is None:
            raise OutputError("was discarded", path=self.path)
        try:
            self._rows.add(rows)
        except self._errors as exc:
            self.discard()
            raise OutputError(f"cannot be written ({exc})", path=self.path) from exc

    def add_csv(self, text: str, *, ids_from: int | None = None) -> None:
        """Append rows given as CSV text (:meth:`ParquetRows.add_csv`)."""
        if self._rows is None:
            raise OutputError("was discarded", path=self.path)
        try:
            self._rows.add_csv(text, ids_from=ids_from)
        except self._errors as exc:
            self.discard()
            raise OutputError(f"cannot be written ({exc})", path=self.path) from exc

    def close(self) -> None:
        """Write the rows left and the footer (the file stays temporary until its set is)."""
        if self._rows is not None and not self.handle.closed:
            try:
                self._rows.close()
            except self._errors as exc:
                self.discard()
                raise OutputError(f"cannot be written ({exc})", path=self.path) from exc
        super().close()

    def discard(self) -> None:
        """Remove the temporary file."""
        rows, self._rows = self._rows, None
        if rows is not None and not self.handle.closed:
            with suppress(Exception):
                rows.abandon()
        super().discard()
