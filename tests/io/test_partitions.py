"""Partitions of a corpus read apart and merged in order give what reading it at once gives."""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.errors import InputError
from framing.io import partitions
from framing.io.corpus import load_corpus, stream_corpus
from framing.io.partitions import (
    LINES,
    ROWS,
    SPAN,
    ReadMerge,
    count_line_starts,
    partition_documents,
    plan_partitions,
    read_partition,
)
from framing.model import Corpus
from tests.table_corpus import write_tables


def read_in_partitions(paths, spans: list | None = None, **options) -> tuple[Corpus, list]:
    """The corpus as the partitions of ``paths`` read apart give it, and the partitions;
    ``spans`` gets the pieces of CSV files analysed in spans."""
    stream = stream_corpus(paths, **options)
    planned = plan_partitions(stream, map)
    assert planned is not None
    merge = ReadMerge(stream)
    documents = []
    for partition in planned:
        tasks, _ = merge.add(partition, read_partition(partition, stream.options))
        for kept, renames in tasks:
            if spans is not None:
                spans += [p for p in kept.pieces if p.kind == SPAN]
            for i, document in enumerate(partition_documents(kept, stream.options)):
                documents.append(replace(document, id=renames.get(i, document.id)))
    merge.finish()
    assert len(documents) == merge.n_documents
    corpus = Corpus(tuple(documents), tuple(merge.skipped), tuple(merge.notes), stream.name)
    return corpus, planned


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return write_tables(tmp_path_factory.mktemp("tables"))


@pytest.mark.parametrize("part_bytes", [1, 700, 5000, 10**9])
def test_tables_read_in_parts_are_read_as_at_once(tables, monkeypatch, part_bytes):
    monkeypatch.setattr(partitions, "PART_BYTES", part_bytes)
    paths = [tables["jsonl"], tables["csv"], tables["parquet"], tables["jsonl"]]
    at_once = load_corpus(paths)
    spans: list = []
    in_parts, planned = read_in_partitions(paths, spans)
    assert in_parts == at_once
    kinds = [p.kind for partition in planned for p in partition.pieces]
    if part_bytes < 10**9:
        assert kinds.count(LINES) > 3 and kinds.count(ROWS) > 1 and len(spans) > 3  # in parts
    # rows over the limit per reason are counted, not listed, across the parts
    assert any("more rows" in s.reason for s in at_once.skipped)
    assert any("more dates not understood" in n for n in at_once.notes)
    assert any("not valid UTF-8" in n for n in at_once.notes)


def test_gzipped_and_text_files_are_read_whole_and_small_ones_grouped(
    tables, tmp_path, monkeypatch
):
    monkeypatch.setattr(partitions, "PART_BYTES", 20_000)
    zipped = tmp_path / "stories.jsonl.gz"
    zipped.write_bytes(gzip.compress(tables["jsonl"].read_bytes()))
    folder = tables["jsonl"].parent / "articles"
    in_parts, planned = read_in_partitions([zipped, folder])
    assert in_parts == load_corpus([zipped, folder])
    assert [p.kind for p in planned[0].pieces] == ["whole"]
    assert planned[0].pieces[0].first == 1 and 2 < len(planned) < 20  # 40 articles


lines = st.one_of(
    st.builds(
        lambda t, o: json.dumps({"text": t, "outlet": o}),
        st.text(max_size=30),
        st.sampled_from(["A", "B", ""]),
    ),
    st.just(""),
    st.just("   "),
    st.just("{broken"),
    st.just('{"text": "dated", "date": "someday"}'),
    st.just('"a string"'),
    st.text(alphabet="xé\r", max_size=5),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.lists(lines, min_size=1, max_size=40),
    end=st.sampled_from(["", "\n", "\n\n"]),
    part_bytes=st.integers(1, 400),
)
def test_every_line_is_read_once_whatever_the_cut(tmp_path, monkeypatch, body, end, part_bytes):
    monkeypatch.setattr(partitions, "PART_BYTES", part_bytes)
    path = tmp_path / "cut.jsonl"
    data = ("\n".join(body) + end).encode()
    path.write_bytes(data)
    stream = stream_corpus([path])
    planned = plan_partitions(stream, map)
    assert planned is not None
    pieces = [p for partition in planned for p in partition.pieces]
    if len(data) > part_bytes:  # the ranges that own a line start, numbered in order
        assert all(p.kind == LINES for p in pieces) and pieces[0].start == 0
        starts = [0] + [i + 1 for i, b in enumerate(data) if b == ord("\n") and i + 1 < len(data)]
        owned = [[s for s in starts if p.start <= s < p.stop] for p in pieces]
        assert all(owned) and [s for o in owned for s in o] == starts
        assert [p.first for p in pieces] == [1 + starts.index(o[0]) for o in owned]
        spans = [(str(path), str(path), p.start, p.stop) for p in pieces]
        assert sum(count_line_starts(span) for span in spans) == len(starts)
    try:
        at_once = load_corpus([path])
    except InputError as error:
        with pytest.raises(InputError) as raised:
            read_in_partitions([path])
        assert str(raised.value) == str(error)
    else:
        assert read_in_partitions([path])[0] == at_once


def test_a_file_that_cannot_be_read_stops_where_reading_at_once_stops(
    tables, tmp_path, monkeypatch
):
    monkeypatch.setattr(partitions, "PART_BYTES", 50)
    array = tmp_path / "array.jsonl"
    array.write_text("[\n" + "\n".join('{"text": "x"},' for _ in range(40)) + "\n]\n")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n" * 300)
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"PAR1" + bytes(300))
    paths = [array, blank, binary, tables["jsonl"]]
    in_parts, planned = read_in_partitions(paths)
    at_once = load_corpus(paths)
    assert in_parts == at_once
    assert [s.source for s in at_once.skipped[:3]] == [f"{array}:1", str(blank), str(binary)]
    assert len([p for partition in planned for p in partition.pieces if p.file == 0]) > 1


def test_a_file_a_worker_cannot_find_is_a_one_line_error(tables, tmp_path, monkeypatch):
    monkeypatch.setattr(partitions, "PART_BYTES", 1000)
    moved = tmp_path / "moved.jsonl"
    moved.write_bytes(tables["jsonl"].read_bytes())
    stream = stream_corpus([moved])
    planned = plan_partitions(stream, map)
    assert planned is not None
    os.rename(moved, tmp_path / "elsewhere.jsonl")
    for step in (
        lambda: read_partition(planned[1], stream.options),
        lambda: list(partition_documents(planned[0], stream.options)),
    ):
        with pytest.raises(InputError) as raised:
            step()
        message = str(raised.value)
        assert message.startswith(f"{moved}: not found on the Dask worker at ")
        assert "same path" in message and "\n" not in message
    piece = planned[1].pieces[0]
    with pytest.raises(InputError, match=f"^{moved}: not found on the Dask worker"):
        count_line_starts((str(moved), str(piece.entry.path), piece.start, piece.stop))


def test_files_are_opened_by_their_absolute_path_and_shown_as_given(tables, monkeypatch):
    monkeypatch.chdir(tables["jsonl"].parent)
    stream = stream_corpus([Path("stories.jsonl")])
    planned = plan_partitions(stream, map)
    assert planned is not None
    entry = planned[0].pieces[0].entry
    assert entry.path.is_absolute() and entry.display == "stories.jsonl"
    monkeypatch.chdir("/")  # a worker elsewhere
    documents = list(partition_documents(planned[0], stream.options))
    assert documents[0].source == "stories.jsonl:1"


def test_standard_input_is_read_here():
    assert plan_partitions(stream_corpus(["-"]), map) is None


def test_rows_counted_in_several_parts_are_counted_together(tmp_path, monkeypatch):
    # each part lists more rows of a kind than are listed in all, and counts the rest
    block = ["{bad"] * 30 + ['{"text": "A day.", "date": "someday"}'] * 30 + ['{"text": "B"}'] * 5
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(block * 3) + "\n")
    monkeypatch.setattr(partitions, "PART_BYTES", path.stat().st_size // 3 + 1)
    in_parts, planned = read_in_partitions([path])
    at_once = load_corpus([path])
    assert in_parts == at_once and len(planned) == 3
    counted = [s.reason for s in at_once.skipped if "more rows" in s.reason]
    assert counted == [
        "invalid JSON in 70 more rows (lines 21 to 160); only the first 20 are listed one by one"
    ]
    assert any("70 more dates not understood (lines 51 to 190)" in n for n in at_once.notes)


cells = st.one_of(
    st.text(alphabet='ab ,"\n\r', max_size=12),
    st.sampled_from(["A", "B", "", "2022-03-01", "someday"]),
)
csv_rows = st.lists(
    st.one_of(
        st.lists(cells, min_size=3, max_size=3),  # text, outlet, date
        st.lists(cells, min_size=1, max_size=4),  # cells other than the header's
        st.just(None),  # a row that breaks the quoting
    ),
    min_size=1,
    max_size=30,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=csv_rows, part_bytes=st.integers(1, 300), crlf=st.booleans())
def test_a_csv_file_is_analysed_in_spans_that_start_at_rows(
    tmp_path, monkeypatch, rows, part_bytes, crlf
):
    import csv
    import io

    monkeypatch.setattr(partitions, "PART_BYTES", part_bytes)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(["text", "outlet", "date"])
    for row in rows:
        if row is None:
            out.write('"open, "quote" then text\n')
        else:
            writer.writerow(row)
    path = tmp_path / "cells.csv"
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    spans: list = []
    try:
        at_once = load_corpus([path])
    except InputError as error:
        with pytest.raises(InputError) as raised:
            read_in_partitions([path], spans)
        assert str(raised.value) == str(error)
    else:
        assert read_in_partitions([path], spans)[0] == at_once
        if len(at_once.documents) > 1 and path.stat().st_size > part_bytes * 3:
            assert spans
