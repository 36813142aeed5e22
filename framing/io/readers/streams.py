"""Read a table of articles as a stream of lines: bounded, decoded, gzip or not.

A CSV or JSON Lines file of 100,000 articles can be far larger than memory
allows to hold twice, so it is read a line at a time and never whole:

* :func:`open_stream` opens the file with the checks of
  :func:`~framing.io.safe_read.open_regular_file` (a regular file, never a
  FIFO or device), or standard input for ``-``; gzip is recognised by its
  first bytes and decompressed on the fly;
* :func:`refuse_binary` refuses a file that is not text at all (an Excel
  workbook or a Parquet file named ``.csv``), saying what it looks like;
* :class:`Lines` yields the decoded lines, each at most a limit long: a
  longer line raises :class:`LineTooLong` (and is passed over, so JSON
  Lines can go on with the next line); a line that is not valid UTF-8 is
  decoded as Windows-1252 (Latin-1 when even that fails), and a note counts
  such lines. A UTF-16 or UTF-32 byte-order mark selects that encoding.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO, cast

from framing.io.readers.base import BadFile, Entry
from framing.io.safe_read import NotReadable, bom_encoding, open_regular_file, too_large

_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 8192
_UTF8_BOM = b"\xef\xbb\xbf"
#: First bytes of files that are not text, and what they are.
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive or an Excel workbook; save the sheet as CSV (UTF-8)"),
    (b"PAR1", "a Parquet file; name it .parquet or pass --format parquet"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file; save the sheet as CSV (UTF-8)"),
)
#: The errors reading a damaged gzip stream (or a failing disk) can raise.
_STREAM_ERRORS = (OSError, EOFError, zlib.error)


class LineTooLong(Exception):
    """Line ``number`` is longer than the limit; the rest of it was passed over."""

    def __init__(self, number: int, limit: int) -> None:
        super().__init__(number)
        self.number = number
        self.reason = (
            f"line {too_large(limit, 'per line', None)} (four times the limit per document)"
        )


@contextlib.contextmanager
def open_stream(entry: Entry) -> Iterator[BinaryIO]:
    """The bytes of ``entry``'s file (or standard input), decompressed when gzipped.

    Raises :class:`BadFile` when the file cannot be opened.
    """
    with contextlib.ExitStack() as stack:
        raw: BinaryIO
        if entry.is_stdin:
            if sys.stdin is None:
                raise BadFile("standard input is closed")
            stdin = sys.stdin.buffer
            # A replaced standard input (as in tests) may not be able to peek.
            if not hasattr(stdin, "peek"):
                stdin = io.BufferedReader(cast(io.RawIOBase, stdin))
            raw = stdin
        else:
            try:
                raw = stack.enter_context(open_regular_file(entry.path))
            except NotReadable as exc:
                raise BadFile(str(exc)) from None
        if _peek(raw, 2).startswith(_GZIP_MAGIC):
            raw = cast(BinaryIO, stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")))
        yield raw


def refuse_binary(stream: BinaryIO, what: str) -> None:
    """Raise :class:`BadFile` when ``stream`` does not start as text (``what``: "CSV")."""
    try:
        head = _peek(stream, _SNIFF_BYTES)
    except _STREAM_ERRORS as exc:
        raise BadFile(f"cannot be read ({exc})") from None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise BadFile(f"looks like {kind}, not {what}")
    if bom_encoding(head) is None and b"\x00" in head:
        raise BadFile(f"looks like a binary file, not {what}")


class Lines:
    """The decoded lines of a stream, each at most ``limit`` bytes (or characters).

    ``number`` is the number of the last line read (1-based). Lines keep
    their line ending, as :mod:`csv` wants them.
    """

    def __init__(self, stream: BinaryIO, limit: int, display: str) -> None:
        self.number = 0
        self._limit, self._display = limit, display
        self._bytes: BinaryIO | None = stream
        self._text: io.TextIOWrapper | None = None
        bom = bom_encoding(_peek(stream, 4))
        if bom is not None:
            self._bytes = None
            self._text = io.TextIOWrapper(stream, encoding=bom[0], errors="replace", newline="")
        self._fallback: tuple[int, str] | None = None
        self._fallbacks = 0

    def __iter__(self) -> Lines:
        return self

    def __next__(self) -> str:
        chunk = self._readline(self._limit + 1)
        if not chunk:
            raise StopIteration
        self.number += 1
        if len(chunk) > self._limit and not _ends_line(chunk):
            # Read on to the end of the line, a bounded piece at a time.
            step = max(1, min(self._limit, 1 << 20))
            while (piece := self._readline(step)) and not _ends_line(piece):
                pass
            raise LineTooLong(self.number, self._limit)
        return chunk if isinstance(chunk, str) else self._decode(chunk)

    def note(self) -> str | None:
        """The note on lines decoded with a fallback encoding, if any were."""
        if self._fallback is None:
            return None
        first, label = self._fallback
        more = f" (and {self._fallbacks - 1:,} more lines)" if self._fallbacks > 1 else ""
        return f"{self._display}:{first}: not valid UTF-8; decoded as {label}{more}"

    def _readline(self, size: int) -> str | bytes:
        try:
            if self._text is not None:
                return self._text.readline(size)
            assert self._bytes is not None
            return self._bytes.readline(size)
        except _STREAM_ERRORS as exc:
            raise BadFile(
                f"cannot be read after line {self.number} ({exc})", line=self.number + 1
            ) from None

    def _decode(self, raw: bytes) -> str:
        if self.number == 1 and raw.startswith(_UTF8_BOM):
            raw = raw[len(_UTF8_BOM) :]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            text, label = raw.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            text, label = raw.decode("latin-1"), "Latin-1"
        self._fallbacks += 1
        if self._fallback is None:
            self._fallback = (self.number, label)
        return text


def _ends_line(chunk: str | bytes) -> bool:
    return chunk.endswith("\n") if isinstance(chunk, str) else chunk.endswith(b"\n")


def _peek(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` first bytes of ``stream``, left unread."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return b""
    return bytes(peek(size)[:size])
