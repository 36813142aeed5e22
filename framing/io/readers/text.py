"""Read one article from a ``.txt`` or ``.md`` file.

The whole file is the article's text; its outlet, title, date and URL come
from a manifest, its outlet otherwise from the file's name. An empty, blank,
binary, unreadable or too large file is skipped and listed (see
:func:`read_article`); text that is not valid UTF-8 is decoded with a
fallback and a note (:func:`~framing.io.safe_read.decode_text`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from framing.io.readers.base import BadFile, Entry, Item, Note, ReadOptions
from framing.io.safe_read import NotReadable, bom_encoding, decode_text, read_regular_file
from framing.model import Document

_BINARY_SNIFF_BYTES = 8192


def read_text(entry: Entry, options: ReadOptions) -> Iterator[Item]:
    """The one article of a text file (the loader makes its id unique)."""
    if entry.is_stdin:
        raise BadFile("a text article cannot be read from standard input; name the file")
    text, note = read_article(entry.path, max_bytes=options.max_bytes)
    if note:
        yield Note(f"{entry.display}: {note}")
    yield Document(
        id=entry.path.stem,
        outlet=entry.outlet or entry.path.stem,
        text=text,
        source=entry.display,
        title=entry.title,
        date=entry.date,
        url=entry.url,
    )


def read_article(path: Path, *, max_bytes: int) -> tuple[str, str | None]:
    """Return a file's text and a note when a fallback decoding was used.

    Raises :class:`~framing.io.readers.base.BadFile` for files that are not
    regular files, larger than ``max_bytes``, unreadable, binary, empty or
    blank; only a regular file is ever opened.
    """
    try:
        data = read_regular_file(path, max_bytes, "per document")
    except NotReadable as exc:
        raise BadFile(str(exc)) from None
    bom = bom_encoding(data)
    if bom is None and b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise BadFile("looks like a binary file, not text")
    text, note = decode_text(data)
    if bom is not None and "\x00" in text[:_BINARY_SNIFF_BYTES]:
        raise BadFile("looks like a binary file, not text")
    if not text.strip():
        raise BadFile("is empty" if not text else "contains only whitespace")
    return text, note
