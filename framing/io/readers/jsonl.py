"""Read a JSON Lines (NDJSON) file of articles: one JSON object, one article, a line.

The fields are found as a table's columns are (:mod:`framing.io.readers.columns`),
in each object (objects may leave out fields they have no value for); only
top-level fields are read.

* An object without a text field is skipped and listed, with the fields it
  has; a field named explicitly (``text_column=`` and the like) that no
  object has is noted.
* A line that is not valid JSON, or not a JSON object, is skipped and listed
  with its line and the parser's message; the next line is read as usual.
  So is a line longer than four times the limit per document.
* Blank lines are passed over.
* A file that holds one JSON array (``[{...}, {...}]``), not one object a
  line, is refused with how to convert it.
* ``-`` reads standard input (``… | framing report -``); gzipped files and
  input are read as they are. The text is UTF-8, as JSON is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from framing.io.readers.base import BadFile, Entry, Item, ReadOptions
from framing.io.readers.columns import Columns, match_columns, no_text
from framing.io.readers.rows import PartFound, RowReader
from framing.io.readers.streams import Lines, LineTooLong, open_part, open_stream, refuse_binary

#: The sets of fields whose columns are kept, to find them once per set.
_KNOWN_FIELD_SETS = 1000
_ARRAY_HINT = (
    "holds a JSON array, not JSON Lines (one object a line); convert it with "
    "jq -c '.[]' FILE.json > FILE.jsonl"
)


def read_jsonl(entry: Entry, options: ReadOptions) -> Iterator[Item]:
    """The articles of a JSON Lines file, or of standard input for ``-``."""
    with open_stream(entry) as stream:
        refuse_binary(stream, "JSON Lines")
        lines = Lines(stream, options.line_limit, entry.display)
        table = RowReader(entry, options, encoding_note=lines.note)
        yield from table.read(_articles(table, lines, options))


def read_jsonl_part(
    entry: Entry, options: ReadOptions, *, start: int, stop: int, first: int, found: PartFound
) -> Iterator[Item | None]:
    """The rows of the lines of a JSON Lines file that start in bytes [start, stop).

    ``first`` is the number of the first of these lines. What a whole
    file's reading would list at its end is left in ``found`` (see
    :mod:`framing.io.partitions`); a file of blank lines is not refused here.
    """
    with open_part(entry, start) as (stream, begin):
        if start == 0:
            refuse_binary(stream, "JSON Lines")
        lines = Lines(
            stream,
            options.line_limit,
            entry.display,
            number=first - 1,
            stop=stop - begin,
            bom=not start,
        )
        found.table = table = RowReader(entry, options)
        found.fallback = lambda: lines.fallback
        yield from _articles(table, lines, options, found)


def _articles(
    table: RowReader, lines: Lines, options: ReadOptions, found: PartFound | None = None
) -> Iterator[Item | None]:
    """Each line's document or skipped entry (``None`` when the skip is only counted).

    A file without a line that is not blank is refused, unless ``found`` is
    given (a part of a file), which is told whether there was one.
    """
    columns: Columns | None = None
    known: dict[tuple[str, ...], Columns] = {}
    seen_any = False
    while True:
        try:
            line = next(lines)
        except StopIteration:
            break
        except LineTooLong as exc:
            seen_any = True
            yield table.skip(exc.number, exc.reason, kind="line longer than the limit")
            continue
        number = lines.number
        if not line.strip():
            continue
        seen_any = True
        try:
            value = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            if number == 1 and line.lstrip().startswith("["):
                raise BadFile(_ARRAY_HINT, line=1) from None
            yield table.skip(
                number, f"invalid JSON ({exc.msg}: column {exc.colno})", kind="invalid JSON"
            )
            continue
        if not isinstance(value, dict):
            if number == 1 and isinstance(value, list):
                raise BadFile(_ARRAY_HINT, line=1)
            yield table.skip(number, f"not a JSON object but {_kind(value)}")
            continue
        fields = tuple(value)
        if columns is None or fields != columns.names:
            if fields not in known:
                if len(known) >= _KNOWN_FIELD_SETS:  # objects of ever new fields
                    known.clear()
                known[fields] = match_columns(fields, options)
            columns = known[fields]
            table.use(columns)
        if not columns.has_text:
            yield table.skip(number, no_text(fields, "field"), kind="no text field")
            continue
        yield table.row(number, [None if k is None else value[k] for k in columns.chosen()])
    if found is not None:
        found.seen_any = seen_any
    elif not seen_any:
        raise BadFile("is empty")


def _kind(value: object) -> str:
    """What a JSON value is, for a message: "an array", "a string", …"""
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"
