"""Read a CSV or TSV file of articles, one a row, under a header row.

The first row names the columns (:mod:`framing.io.readers.columns` finds
which holds what); every other row is an article. A cell may hold line
breaks when it is quoted, as spreadsheets and Media Cloud write them, so a
row can run over several lines; a row's number is the line it starts on.

* The separator of a ``.csv`` file is the comma, unless the header holds no
  comma but semicolons (as spreadsheets write CSV where the comma is the
  decimal mark) or tabs; a ``.tsv`` file's is the tab. A cell holding the
  separator, a line break or a quote is quoted, its quotes doubled, as
  spreadsheets write it; the file is read strictly by that rule, so a row
  that breaks it (text after a closing quote, a quote not doubled) is not
  read into a wrong article but listed.
* Blank lines are passed over. A row with more or fewer cells than the
  header is skipped and listed: its cells cannot be told apart (most often
  a comma in an unquoted cell, or a quote left unclosed).
* A row that is not valid CSV is skipped and listed when it is on one line.
  When it runs over several lines (a quote left unclosed swallows the rows
  after it, up to the end of the file), the rest of the file cannot be told
  apart and is not read; the entry names the line the row starts on. The
  same for a line, or a cell, longer than four times the limit per
  document.
* Gzipped files are read as they are (``stories.csv.gz``); the text is
  UTF-8 (a byte-order mark allowed), else UTF-16 or UTF-32 with a mark, and
  a line that is not valid UTF-8 is decoded as Windows-1252, with a note.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
from collections.abc import Iterator

from framing.io.readers.base import BadFile, Entry, Item, ReadOptions
from framing.io.readers.columns import Columns, find_columns
from framing.io.readers.rows import RowReader
from framing.io.readers.streams import Lines, LineTooLong, open_stream, refuse_binary
from framing.model import Document


def read_delimited(entry: Entry, options: ReadOptions) -> Iterator[Item]:
    """The articles of a CSV or TSV file (``entry.format`` says which)."""
    return read_delimited_marked(entry, options)


def read_delimited_marked(
    entry: Entry,
    options: ReadOptions,
    *,
    every: int = 0,
    marks: list[tuple[int, int, int]] | None = None,
) -> Iterator[Item]:
    """:func:`read_delimited`, noting in ``marks`` where rows end about every ``every`` bytes.

    A mark is (byte offset, number of the line there, documents before): a
    row starts there, from which :func:`read_delimited_part` reads on. The
    first mark is where the rows start, after the header. Offsets are those
    of a file read as bytes (not gzipped, no UTF-16 or UTF-32 mark).
    """
    what = entry.format.upper()
    with open_stream(entry) as stream:
        refuse_binary(stream, what)
        lines = Lines(stream, options.line_limit, entry.display)
        with _field_limit(options.line_limit):
            table, rows, columns, _ = _header(entry, options, lines, what)
            articles = _articles(table, rows, columns.positions, len(columns.names), what)
            if marks is not None:
                articles = _noting(articles, lines, every, marks)
            yield from table.read(articles)


def read_delimited_part(
    entry: Entry, options: ReadOptions, *, start: int, stop: int | None, first: int
) -> Iterator[Item | None]:
    """The rows of a CSV or TSV file from byte ``start`` (a row start marked by
    :func:`read_delimited_marked`, on line ``first``) to byte ``stop`` (the
    next mark; ``None``: the end), under the file's header."""
    what = entry.format.upper()
    with open_stream(entry) as stream, _field_limit(options.line_limit):
        refuse_binary(stream, what)
        table, _, columns, delimiter = _header(
            entry, options, Lines(stream, options.line_limit, entry.display), what
        )
        try:
            stream.seek(start)
        except OSError as exc:
            raise BadFile(f"cannot be read ({exc})") from None
        lines = Lines(
            stream,
            options.line_limit,
            entry.display,
            number=first - 1,
            stop=None if stop is None else stop - start,
            bom=False,
        )
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        rows = _rows(reader, what, base=first - 1)
        yield from _articles(table, rows, columns.positions, len(columns.names), what)


def _header(
    entry: Entry, options: ReadOptions, lines: Lines, what: str
) -> tuple[RowReader, Iterator[tuple[int, int, list[str] | str]], Columns, str]:
    """The file's rows after its header: their reader, the rows, the columns, the separator."""
    try:
        first = next(lines)
    except StopIteration:
        raise BadFile("is empty") from None
    except LineTooLong as exc:
        raise BadFile(exc.reason, line=exc.number) from None
    delimiter = "\t" if entry.format == "tsv" else _delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    rows = _rows(reader, what)
    _, _, header = next(rows, (1, 1, []))
    if isinstance(header, str):
        raise BadFile(f"its header {header}", line=1)
    if not any(c.strip() for c in header):
        raise BadFile("has no header row naming its columns", line=1)
    columns = find_columns(header, options)
    table = RowReader(entry, options, encoding_note=lines.note)
    table.use(columns)
    return table, rows, columns, delimiter


def _noting(
    items: Iterator[Item | None], lines: Lines, every: int, marks: list[tuple[int, int, int]]
) -> Iterator[Item | None]:
    """``items``, one a row, noting in ``marks`` where rows end about every ``every`` bytes."""
    marks.append((lines.position, lines.number + 1, 0))
    n_documents = 0
    for item in items:
        n_documents += isinstance(item, Document)
        yield item  # the row is read to its end: a row starts at the position here
        if lines.position - marks[-1][0] >= every:
            marks.append((lines.position, lines.number + 1, n_documents))


def _articles(
    table: RowReader,
    rows: Iterator[tuple[int, int, list[str] | str]],
    positions: tuple[int | None, ...],
    width: int,
    what: str,
) -> Iterator[Item | None]:
    """Each row's document or skipped entry (``None`` when the skip is only counted)."""
    for start, end, cells in rows:
        if isinstance(cells, str):
            yield table.skip(start, cells, kind=f"not valid {what}")
        elif not cells:
            continue
        elif len(cells) != width:
            yield table.skip(
                start,
                f"has {len(cells)} cells where the header has {width}{_hint(start, end)}",
                kind="a number of cells other than the header's",
            )
        else:
            yield table.row(start, [None if i is None else cells[i] for i in positions])


def _rows(
    reader: Iterator[list[str]], what: str, base: int = 0
) -> Iterator[tuple[int, int, list[str] | str]]:
    """Yield (first line, last line, cells) per row; instead of the cells, the
    reason a row on one line is not valid CSV. ``base`` is the number of the
    line before the reader's first.

    Raises :class:`BadFile` for a problem after which the rows cannot be told
    apart: an invalid row running over several lines, or an over-long line.
    """
    end = base
    while True:
        start = end + 1
        cells: list[str] | str
        try:
            cells = next(reader)
        except StopIteration:
            return
        except LineTooLong as exc:
            raise BadFile(
                f"{exc.reason}; the rest of the file is not read", line=exc.number
            ) from None
        except csv.Error as error:
            problem = str(error).replace("'\t'", "a tab")
            line = base + getattr(reader, "line_num", start - base)
            if line > start:
                raise BadFile(
                    f"the row starting here runs on to line {line} and is not valid {what} "
                    f"({problem}); is a quote left unclosed? The rest of the file is not read",
                    line=start,
                ) from None
            cells = f"is not valid {what} ({problem})"
        end = base + getattr(reader, "line_num", start - base)
        yield start, end, cells


def _delimiter(header: str) -> str:
    """The separator of a ``.csv`` file, from its header line."""
    if "," not in header:
        if ";" in header:
            return ";"
        if "\t" in header:
            return "\t"
    return ","


def _hint(start: int, end: int) -> str:
    """What a bad row running over several lines most likely is."""
    if end > start:
        return f" (the row runs on to line {end}: is a quote left unclosed?)"
    return ""


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """Let :mod:`csv` read cells up to ``limit`` characters (its default is 128 kB)."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)
