"""The tables of an analysis: CSV text, or the same rows as typed Parquet columns."""

from __future__ import annotations

import csv
import io

import pytest

from framing.analysis.pipeline import analyse
from framing.model import AnalysisOptions
from framing.report import (
    TABLE_FORMATS,
    TABLE_NAMES,
    render_parquet_tables,
    render_tables,
    table_names,
    write_tables,
)
from framing.report.tables import TABLES, table_kinds

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def seeds(seeds_corpus, default_lexicon_set):
    options = AnalysisOptions(n_bootstrap=200, n_permutations=200, depth=False)
    return analyse(seeds_corpus, default_lexicon_set, options=options)


def test_table_names_per_format():
    assert TABLE_FORMATS == ("csv", "parquet")
    assert table_names() == TABLE_NAMES
    assert table_names("parquet") == tuple(f"{t}.parquet" for t in TABLES)
    with pytest.raises(ValueError, match="xlsx"):
        table_names("xlsx")


def test_every_column_has_a_kind(seeds):
    frames = [f.id for f in seeds.frames]
    for table in TABLES:
        header = next(csv.reader(io.StringIO(render_tables(seeds)[f"{table}.csv"])))
        assert len(table_kinds(table, frames)) == len(header), table


def test_parquet_tables_hold_the_cells_of_the_csv_tables(seeds):
    frames = [f.id for f in seeds.frames]
    texts, parquet = render_tables(seeds), render_parquet_tables(seeds)
    assert list(parquet) == list(table_names("parquet"))
    convert = {
        "int": int,
        "float": lambda c: None if c == "" else float(c),
        "bool": lambda c: c == "true",
        "str": lambda c: None if c == "" else c,
    }
    for table in TABLES:
        header, *rows = list(csv.reader(io.StringIO(texts[f"{table}.csv"])))
        kinds = table_kinds(table, frames)
        expected = [[convert[k](c) for k, c in zip(kinds, row, strict=True)] for row in rows]
        read = pq.read_table(pa.BufferReader(parquet[f"{table}.parquet"]))
        assert read.column_names == header
        assert [list(r.values()) for r in read.to_pylist()] == expected, table
    assert len(pq.read_table(pa.BufferReader(parquet["sentences.parquet"]))) == len(seeds.sentences)


def test_write_tables_in_either_format(seeds, tmp_path):
    csv_paths = write_tables(seeds, tmp_path / "c")
    parquet_paths = write_tables(seeds, tmp_path / "p", table_format="parquet")
    assert sorted(p.name for p in csv_paths) == sorted(TABLE_NAMES)
    assert sorted(p.name for p in parquet_paths) == sorted(table_names("parquet"))
    assert (tmp_path / "p" / "outlets.parquet").read_bytes() == render_parquet_tables(seeds)[
        "outlets.parquet"
    ]
    with pytest.raises(ValueError):
        write_tables(seeds, tmp_path / "x", table_format="xlsx")
    assert not (tmp_path / "x").exists()


def test_without_pyarrow_parquet_tables_are_one_error_and_no_file(seeds, tmp_path, monkeypatch):
    import sys

    from framing.errors import OutputError
    from framing.report import TableWriter

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(OutputError, match=r"pip install 'framing\[parquet\]'"):
        render_parquet_tables(seeds)
    with pytest.raises(OutputError, match=r"pip install 'framing\[parquet\]'"):
        TableWriter(tmp_path / "t", ["a"], table_format="parquet")
    assert list(tmp_path.iterdir()) == []
