"""Parquet tables written a row group at a time: typed cells, the same bytes however they come."""

from __future__ import annotations

import sys

import pytest

from framing.errors import OutputError
from framing.io.files import write_texts_atomic
from framing.io.parquet_out import StagedParquet, parquet_bytes, require_pyarrow

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
    return pq.read_table(pa.BufferReader(data))


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
