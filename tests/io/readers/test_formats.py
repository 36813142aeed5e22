"""Which reader reads a file, by its name or by an explicit format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from framing.io.readers.formats import check_format, file_stem, format_of
from tests.conftest import REPO


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


LIGHT_CHECK = """
import sys
import framing.cli
from framing.io.corpus import load_corpus
from framing.resources import seeds_dir
load_corpus([seeds_dir()])
libraries = ("trafilatura", "lxml", "dateutil", "pyarrow", "htmldate")
print(",".join(sorted(m for m in libraries if m in sys.modules)) or "light")
"""


def test_the_readers_libraries_load_only_when_needed():
    """``import framing.cli`` and reading text files with ISO dates import none of them."""
    out = subprocess.run(
        [sys.executable, "-c", LIGHT_CHECK], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert out.stdout.strip() == "light", out.stderr
