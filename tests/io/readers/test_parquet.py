"""Parquet tables of articles, read in row groups through pyarrow (optional)."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from framing.errors import InputError
from framing.io.corpus import load_corpus


@pytest.fixture
def parquet_file(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {
            "stories_id": [11, 12, 13, 14, 15],
            "media_name": ["Daily Planet", "Morning Star", "Daily Planet", None, "Morning Star"],
            "publish_date": [
                dt.datetime(2022, 3, 10, 23, 30),
                None,
                dt.datetime(2022, 4, 1),
                dt.datetime(2022, 4, 2),
                dt.datetime(2022, 5, 1),
            ],
            "title": ["One", "Two", "Three", "Four", "Five"],
            "text": ["Caf\u00e9 text one.", "Text two.", None, "Text four.", "Text five."],
            "unused": [1.5, 2.5, 3.5, 4.5, 5.5],
        }
    )
    path = tmp_path / "stories.parquet"
    pq.write_table(table, path, row_group_size=2)  # three row groups
    return path


def test_parquet_rows_become_documents(parquet_file):
    corpus = load_corpus([parquet_file])
    rows = [(d.id, d.outlet, d.date, d.title, d.text, d.source) for d in corpus.documents]
    assert [(*row[:5], row[5].rsplit("/", 1)[1]) for row in rows] == [
        ("11", "Daily Planet", "2022-03-10", "One", "Caf\u00e9 text one.", "stories.parquet:1"),
        ("12", "Morning Star", None, "Two", "Text two.", "stories.parquet:2"),
        ("14", "stories", "2022-04-02", "Four", "Text four.", "stories.parquet:4"),
        ("15", "Morning Star", "2022-05-01", "Five", "Text five.", "stories.parquet:5"),
    ]  # fmt: skip
    assert [(s.source, s.reason) for s in corpus.skipped] == [(f"{parquet_file}:3", "empty text")]
    assert corpus.notes == (
        f"{parquet_file}: 1 row has an empty outlet cell (first: row 4); its outlet is 'stories'",
    )


def test_parquet_is_read_a_batch_at_a_time(parquet_file, monkeypatch):
    import framing.io.readers.parquet as reader

    monkeypatch.setattr(reader, "BATCH_ROWS", 1)
    assert len(load_corpus([parquet_file]).documents) == 4


def test_parquet_without_a_text_column_lists_its_columns(parquet_file):
    with pytest.raises(InputError) as caught:
        load_corpus([parquet_file], text_column="body")
    assert str(caught.value) == (
        f"{parquet_file}: has no column 'body' (given for the text); its columns are: "
        "'stories_id', 'media_name', 'publish_date', 'title', 'text', 'unused'"
    )


def test_a_damaged_parquet_file_is_an_error_naming_it(write):
    pytest.importorskip("pyarrow")
    path = write("broken.parquet", b"PAR1 not really")
    with pytest.raises(InputError, match=r"broken\.parquet: is not a valid Parquet file"):
        load_corpus([path])


def test_without_pyarrow_the_error_names_the_extra(write, monkeypatch):
    path = write("stories.parquet", b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    with pytest.raises(InputError) as caught:
        load_corpus([path])
    assert str(caught.value) == (
        f"{path}: reading Parquet files needs pyarrow: pip install 'framing[parquet]'"
    )
