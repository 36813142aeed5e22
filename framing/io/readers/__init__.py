"""One reader per input format, behind :func:`read_entry`.

- :mod:`~framing.io.readers.formats` tells a file's format from its name;
- :mod:`~framing.io.readers.base` holds what readers take and give;
- :mod:`~framing.io.readers.text` reads ``.txt``/``.md`` articles;
- :mod:`~framing.io.readers.html` reads saved web pages (trafilatura);
- :mod:`~framing.io.readers.delimited` reads CSV and TSV tables,
  :mod:`~framing.io.readers.jsonl` JSON Lines, and
  :mod:`~framing.io.readers.parquet` Parquet (pyarrow), all through
  :mod:`~framing.io.readers.columns` (which column holds what) and
  :mod:`~framing.io.readers.rows` (one row, one document);
- :mod:`~framing.io.readers.streams` reads CSV and JSON Lines a line at a
  time, gzipped or not.

A part of a JSON Lines file (the lines starting in a byte range) or of a
Parquet file (a run of row groups) can be read on its own
(:func:`~framing.io.readers.jsonl.read_jsonl_part`,
:func:`~framing.io.readers.parquet.read_parquet_part`), and what the parts'
rows skipped and noted merged in order into what the whole file gives
(:meth:`~framing.io.readers.rows.RowReader.merge`): see
:mod:`framing.io.partitions`.

:func:`framing.io.corpus.load_corpus` decides what to read and calls
:func:`read_entry` for each file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from framing.io.readers.base import BadFile, Entry, Item, Note, ReadOptions
from framing.io.readers.delimited import read_delimited
from framing.io.readers.formats import (
    FORMATS,
    STDIN,
    STDIN_FORMATS,
    SUPPORTED_TEXT,
    TABLE_FORMATS,
    check_format,
    file_stem,
    format_of,
    not_supported,
)
from framing.io.readers.html import read_html
from framing.io.readers.jsonl import read_jsonl
from framing.io.readers.parquet import read_parquet
from framing.io.readers.text import read_article, read_text

_READERS: dict[str, Callable[[Entry, ReadOptions], Iterator[Item]]] = {
    "text": read_text,
    "html": read_html,
    "csv": read_delimited,
    "tsv": read_delimited,
    "jsonl": read_jsonl,
    "parquet": read_parquet,
}


def read_entry(entry: Entry, options: ReadOptions) -> Iterator[Item]:
    """The documents, skipped entries and notes read from ``entry``, in order.

    Raises :class:`BadFile` when the file cannot be read (further).
    """
    return _READERS[entry.format](entry, options)


__all__ = [
    "FORMATS",
    "STDIN",
    "STDIN_FORMATS",
    "SUPPORTED_TEXT",
    "TABLE_FORMATS",
    "BadFile",
    "Entry",
    "Item",
    "Note",
    "ReadOptions",
    "check_format",
    "file_stem",
    "format_of",
    "not_supported",
    "read_article",
    "read_entry",
]
