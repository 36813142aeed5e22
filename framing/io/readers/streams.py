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


@contextlib.contextmanager
def open_part(entry: Entry, start: int) -> Iterator[tuple[BinaryIO, int]]:
    """``entry``'s file (never gzipped) at its first line start at or after byte ``start``,
    and that line start's offset.

    Raises :class:`BadFile` when the file cannot be opened or read.
    """
    try:
        handle = open_regular_file(entry.path)
    except NotReadable as exc:
        raise BadFile(str(exc)) from None
    with handle:
        begin = 0
        if start > 0:
            try:
                handle.seek(start - 1)
                begin = start - 1
                while piece := handle.readline(1 << 20):
                    begin += len(piece)
                    if piece.endswith(b"\n"):
                        break
            except OSError as exc:
                raise BadFile(f"cannot be read ({exc})") from None
        yield handle, begin


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

    A part of a file (:mod:`framing.io.partitions`) is read from a line
    start within it: ``number`` is then the number of the line before,
    ``stop`` how many bytes on from there no line may start (the next
    part's), and ``bom`` False, as only a file's start can hold a
    byte-order mark. ``position`` counts the bytes read (of a stream read as
    bytes, that is without a UTF-16 or UTF-32 mark).
    """

    def __init__(
        self,
        stream: BinaryIO,
        limit: int,
        display: str,
        *,
        number: int = 0,
        stop: int | None = None,
        bom: bool = True,
    ) -> None:
        self.number = number
        self.position = 0
        self._stop = stop
        self._limit, self._display = limit, display
        self._bytes: BinaryIO | None = stream
        self._text: io.TextIOWrapper | None = None
        bom_found = bom_encoding(_peek(stream, 4)) if bom else None
        if bom_found is not None:
            self._bytes = None
            self._text = io.TextIOWrapper(
                stream, encoding=bom_found[0], errors="replace", newline=""
            )
        self._fallback: tuple[int, str] | None = None
        self._fallbacks = 0

    def __iter__(self) -> Lines:
        return self

    def __next__(self) -> str:
        if self._stop is not None and self.position >= self._stop:
            raise StopIteration
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
        return fallback_note(self._display, self.fallback)

    @property
    def fallback(self) -> tuple[int, str, int] | None:
        """The first line decoded with a fallback encoding, that encoding, and how many were."""
        if self._fallback is None:
            return None
        return (*self._fallback, self._fallbacks)

    def _readline(self, size: int) -> str | bytes:
        try:
            if self._text is not None:
                return self._text.readline(size)
            assert self._bytes is not None
            line = self._bytes.readline(size)
            self.position += len(line)
            return line
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


def fallback_note(display: str, fallback: tuple[int, str, int] | None) -> str | None:
    """The note on a file's lines decoded with a fallback encoding (see :attr:`Lines.fallback`)."""
    if fallback is None:
        return None
    first, label, count = fallback
    more = f" (and {count - 1:,} more lines)" if count > 1 else ""
    return f"{display}:{first}: not valid UTF-8; decoded as {label}{more}"


def _ends_line(chunk: str | bytes) -> bool:
    return chunk.endswith("\n") if isinstance(chunk, str) else chunk.endswith(b"\n")


def _peek(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` first bytes of ``stream``, left unread."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return b""
    return bytes(peek(size)[:size])
