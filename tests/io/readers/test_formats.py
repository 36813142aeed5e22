"""Which reader reads a file, by its name or by an explicit format."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.io.readers.formats import check_format, file_stem, format_of


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"),
        ("a.MD", "text"),
        ("page.html", "html"),
        ("page.htm", "html"),
        ("stories.csv", "csv"),
        ("stories.csv.gz", "csv"),
        ("stories.tsv.gz", "tsv"),
        ("stories.tab", "tsv"),
        ("a.jsonl.gz", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.parquet", "parquet"),
        ("a.parquet.gz", None),
        ("a.txt.gz", None),
        ("a.json", None),
        ("a.xlsx", None),
    ],
)
def test_format_by_name(name, expected):
    assert format_of(Path(name)) == expected


def test_formats_are_named_loosely_and_checked():
    assert [check_format(n) for n in ("CSV", "ndjson", ".tsv", "htm", "txt")] == [
        "csv", "jsonl", "tsv", "html", "text",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="unknown format 'xlsx'; choose one of text, html, csv"):
        check_format("xlsx")


def test_file_stem_drops_gz():
    assert file_stem(Path("a/stories.csv.gz")) == "stories"
    assert file_stem(Path("-")) == "stdin"
