"""What every reader takes and gives: the input, the options, and the items read.

A reader is a function ``read(entry, options)`` that yields, in order,
:class:`~framing.model.Document` objects, :class:`~framing.model.SkippedInput`
entries for articles it does not read (with the file's line or row), and
:class:`Note` remarks for the corpus notes. It raises :class:`BadFile` when
the file itself cannot be read, or read further; what it yielded before
stays read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from framing.io.readers.formats import STDIN, file_stem
from framing.model import Document, SkippedInput


@dataclass(frozen=True)
class Entry:
    """A file to read, in which format, and what a manifest says of it.

    ``outlet``, ``title``, ``date`` (an ISO date) and ``url`` come from a
    manifest; ``None`` where it says nothing, or where there is none. The
    path ``-`` is standard input. ``shown``, when set, is the name shown in
    place of ``path`` (a file opened by its absolute path on a cluster's
    workers keeps the name it was given).
    """

    path: Path
    format: str
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    shown: str | None = None

    @property
    def is_stdin(self) -> bool:
        return str(self.path) == STDIN

    @property
    def display(self) -> str:
        """The name shown in sources, notes and skipped entries."""
        if self.shown is not None:
            return self.shown
        return "<stdin>" if self.is_stdin else str(self.path)

    @property
    def stem(self) -> str:
        """The file's name without its extensions: its outlet when nothing names one."""
        return file_stem(self.path)


@dataclass(frozen=True)
class ReadOptions:
    """How to read: the size limit per article, dates, and the columns of tables.

    ``max_bytes`` bounds each article's text (a file's, a row's, a page's).
    ``dayfirst`` reads ``03/10/2022`` as 3 October (see
    :mod:`framing.io.dates`). The ``*_column`` names choose a table's
    columns (or JSON fields) by name, case-insensitively; ``None`` finds
    them by the usual names (see :mod:`framing.io.readers.columns`).
    """

    max_bytes: int
    dayfirst: bool = False
    text_column: str | None = None
    outlet_column: str | None = None
    date_column: str | None = None
    title_column: str | None = None
    url_column: str | None = None
    id_column: str | None = None

    @property
    def line_limit(self) -> int:
        """The longest line of a CSV or JSON Lines file read, in bytes.

        Four times the limit per article: room for the other columns, and
        for JSON's escapes (``\\u00e9`` is six bytes for one character).
        """
        return 4 * self.max_bytes


@dataclass(frozen=True)
class Note:
    """A remark about something that was read, for the corpus notes."""

    text: str


Item: TypeAlias = Document | SkippedInput | Note


class BadFile(Exception):
    """A file that cannot be read, or read further; becomes a skipped entry.

    ``line`` is the line (or row) where reading stopped, when it did not
    stop at the start.
    """

    def __init__(self, reason: str, *, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
