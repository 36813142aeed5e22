"""Parquet tables written a row group at a time: typed cells, the same bytes however they come."""

from __future__ import annotations

import sys

import pytest

from framing.analysis.table_rows import sentence_block
from framing.errors import OutputError
from framing.io.files import write_texts_atomic
from framing.io.parquet_out import ParquetRows, StagedParquet, parquet_bytes, require_pyarrow

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

COLUMNS = [("id", "int"), ("share", "float"), ("few", "bool"), ("name", "str")]


def _rows(n):
    """Rows as the CSV tables hold them: ints, formatted floats, "true"/"false", texts."""
    return [
        [
            i,
            "" if i % 5 == 0 else f"{i / 7:.6f}",
            "true" if i % 3 == 0 else "false",
            "" if i % 4 == 0 else f'row {i}, "quoted"\nline two',
        ]
        for i in range(n)
    ]


def _read(data):
    return pq.ParquetFile(pa.BufferReader(data)).read()


def test_cells_become_typed_columns_and_empty_cells_nulls():
    table = _read(parquet_bytes(COLUMNS, _rows(6)))
    assert [str(t) for t in table.schema.types] == ["int64", "double", "bool", "large_string"]
    assert table.column("id").to_pylist() == [0, 1, 2, 3, 4, 5]
    assert table.column("share").to_pylist() == [None, 0.142857, 0.285714, 0.428571, 0.571429, None]
    assert table.column("few").to_pylist() == [True, False, False, True, False, False]
    names = table.column("name").to_pylist()
    assert names[0] is None and names[4] is None
    assert names[1] == 'row 1, "quoted"\nline two'


def test_ints_given_as_text_are_read_as_ints():
    table = _read(parquet_bytes([("n", "int")], [["12"], [3]]))
    assert table.column("n").to_pylist() == [12, 3]


def test_a_table_without_rows_has_its_columns():
    table = _read(parquet_bytes(COLUMNS, []))
    assert table.num_rows == 0
    assert table.column_names == ["id", "share", "few", "name"]
    assert str(table.schema.field("id").type) == "int64"


def test_rows_added_in_pieces_give_the_bytes_of_the_whole(tmp_path, monkeypatch):
    monkeypatch.setattr("framing.io.parquet_out.ROW_GROUP_ROWS", 4)
    rows = _rows(11)
    staged = StagedParquet(tmp_path / "t.parquet", COLUMNS)
    for start, end in [(0, 3), (3, 4), (4, 4), (4, 9), (9, 11)]:
        staged.add(rows[start:end])
    write_texts_atomic({}, staged=[staged])
    written = (tmp_path / "t.parquet").read_bytes()
    assert written == parquet_bytes(COLUMNS, rows)
    metadata = pq.ParquetFile(tmp_path / "t.parquet").metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [4, 4, 3]
    assert [p.name for p in tmp_path.iterdir()] == ["t.parquet"]


def test_the_same_rows_give_the_same_bytes_and_no_timestamp():
    first = parquet_bytes(COLUMNS, _rows(30))
    assert first == parquet_bytes(COLUMNS, _rows(30))
    metadata = pq.ParquetFile(pa.BufferReader(first)).metadata
    assert metadata.created_by.startswith("parquet-cpp-arrow version")
    row_group = metadata.row_group(0)
    assert {row_group.column(i).compression for i in range(4)} == {"ZSTD"}


# Cells that a CSV parser could read otherwise than Python's csv module writes them.
AWKWARD = [
    [1, "0.500000", "true", 'A "quoted", split\nheadline'],
    [2, "", "false", "Carriage\r\nreturn, and, commas\r"],
    [3, "1.000000", "false", ""],
    [4, "0.000001", "true", "NA"],
    [5, "0.125000", "false", "null"],
    [6, "0.333333", "true", "nan"],
    [7, "0.200000", "false", "  spaced  "],
    [8, "0.300000", "true", "caf\u00e9 \u2028 \u00a0 \U0001f600 \x0b"],
    [9, "0.400000", "false", '"'],
    [10, "0.600000", "true", "x" * 3_000_000],  # longer than pyarrow's block of 1 MB
]


def _csv_text(rows):
    return sentence_block(rows).text


def test_rows_given_as_csv_text_give_the_table_of_the_rows():
    rows = AWKWARD
    columns = [("id", "int"), ("share", "float"), ("few", "bool"), ("name", "str")]
    from_csv = pa.BufferOutputStream()
    table = ParquetRows(from_csv, columns)
    table.add_csv(_csv_text(rows[:4]))
    table.add_csv("")
    table.add_csv(_csv_text(rows[4:]))
    table.close()
    assert from_csv.getvalue().to_pybytes() == parquet_bytes(columns, rows)


def test_csv_text_without_its_first_column_gets_ids_counted_up():
    columns = [("sentence", "int"), ("text", "str"), ("text", "str")]  # a name twice
    rows = [["a,b", ""], ["\ufeffmark", "c\nd"], ["", "e"]]
    from_csv = pa.BufferOutputStream()
    table = ParquetRows(from_csv, columns)
    table.add_csv(_csv_text(rows[:1]), ids_from=40)
    table.add_csv(_csv_text(rows[1:2]), ids_from=41)  # a chunk opening with a byte-order mark
    table.add_csv(_csv_text(rows[2:]), ids_from=42)
    table.close()
    expected = [[40 + i, *row] for i, row in enumerate(rows)]
    assert from_csv.getvalue().to_pybytes() == parquet_bytes(columns, expected)
    read = _read(from_csv.getvalue().to_pybytes())
    assert read.column(0).to_pylist() == [40, 41, 42]
    assert read.column(1).to_pylist() == ["a,b", "\ufeffmark", None]


def test_a_discarded_table_leaves_no_file(tmp_path):
    staged = StagedParquet(tmp_path / "t.parquet", COLUMNS)
    staged.add(_rows(3))
    staged.discard()
    staged.discard()  # twice is fine
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_names_the_table_and_leaves_no_file(tmp_path, monkeypatch):
    staged = StagedParquet(tmp_path / "t.parquet", COLUMNS)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("framing.io.parquet_out.ParquetRows.add", full)
    with pytest.raises(OutputError) as caught:
        staged.add(_rows(3))
    assert str(caught.value).startswith(f"{tmp_path / 't.parquet'}: cannot be written")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OutputError):  # nothing is renamed in its place
        write_texts_atomic({}, staged=[staged])
    assert list(tmp_path.iterdir()) == []


def test_a_missing_pyarrow_is_one_line_naming_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(OutputError) as caught:
        require_pyarrow()
    assert (
        str(caught.value) == "writing Parquet tables needs pyarrow: pip install 'framing[parquet]'"
    )
