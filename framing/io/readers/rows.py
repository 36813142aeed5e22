"""Turn one row of a table (CSV, TSV, JSON Lines, Parquet) into a document.

The table readers find the columns (:mod:`framing.io.readers.columns`) and
hand each row's values to :meth:`RowReader.row`, which applies the rules
every table shares:

* a row with no text, or only whitespace, is skipped and listed ("empty
  text"); a row whose text is larger than the limit per document is skipped
  and listed, as a file would be;
* the outlet is the row's; a row with an empty outlet cell, or a table with
  no outlet column, takes the manifest's outlet for the file, else the
  file's name without its extension, with a note saying so;
* the date is read into an ISO date (:mod:`framing.io.dates`); a date that
  cannot be read is left empty and listed in the notes with its line; a
  row without a date takes the manifest's date for the file, if any;
* a cell holding a list or a mapping (JSON, Parquet) where text is expected
  skips the row, saying so;
* the id is the row's id cell, else the file's name and the row's number
  (``stories-17``); the loader makes ids unique across the corpus;
* the source is ``file:N``, where N is the line the row starts on (CSV and
  JSON Lines; a CSV's header is line 1) or the row's number (Parquet,
  counting from 1).

A file with thousands of bad rows would bury the report in a list, so the
first :data:`LISTED_PER_REASON` rows skipped for one reason are listed one
by one and the rest in one entry with their count and range of lines; the
same for dates that cannot be read.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from framing.io.dates import DateNotUnderstood, iso_date
from framing.io.readers.base import BadFile, Entry, Item, Note, ReadOptions
from framing.io.readers.columns import ROLES, Columns
from framing.io.safe_read import too_large
from framing.model import Document, SkippedInput

#: Rows skipped for one reason (or dates not understood) listed one by one per file.
LISTED_PER_REASON = 20
_DATE_KIND = "date not understood"


class _Tally:
    """Rows of one kind: how many, and their first and last number."""

    def __init__(self, number: int) -> None:
        self.count, self.first, self.last = 1, number, number

    def add(self, number: int) -> None:
        self.count += 1
        self.last = number

    def counts(self) -> tuple[int, int, int]:
        return self.count, self.first, self.last

    def merge(self, counts: tuple[int, int, int]) -> None:
        """Add the rows of a tally of later rows."""
        self.count += counts[0]
        self.last = counts[2]


def _tally(counts: tuple[int, int, int]) -> _Tally:
    made = _Tally(counts[1])
    made.count, made.last = counts[0], counts[2]
    return made


@dataclass(frozen=True)
class RowState:
    """What a :class:`RowReader` saw in a part of a table's rows, to be merged in order.

    ``listed``: the rows it listed (number, kind, and the skipped entry or
    the note on the date), in order; ``more``: per kind, in the order the
    kinds first ran over the limit, the (count, first, last) of the rows it
    only counted; ``empty_outlet``, ``no_outlet``: the rows that took the
    file's outlet; ``any_outlet``: whether any row had an outlet column;
    ``unfound``: the columns named but not found in the part.
    """

    listed: tuple[tuple[int, str, SkippedInput | str], ...]
    more: tuple[tuple[str, tuple[int, int, int]], ...]
    empty_outlet: tuple[int, int, int] | None
    no_outlet: tuple[int, int, int] | None
    any_outlet: bool
    unfound: tuple[str, ...]


@dataclass
class PartFound:
    """What reading a part of a table found besides its documents (filled as it is read).

    ``table``: the part's :class:`RowReader` (its :meth:`RowReader.state`);
    ``seen_any``: whether a line was not blank (JSON Lines: a file of blank
    lines is empty); ``fallback``: its lines decoded with a fallback encoding
    (:attr:`~framing.io.readers.streams.Lines.fallback`).
    """

    table: RowReader | None = None
    seen_any: bool = False
    fallback: Callable[[], tuple[int, str, int] | None] | None = None


class RowReader:
    """Documents from the rows of one table, with its skipped rows and notes.

    ``unit`` is what the numbers count, ``"line"`` or ``"row"``.
    """

    def __init__(
        self,
        entry: Entry,
        options: ReadOptions,
        *,
        unit: str = "line",
        encoding_note: Callable[[], str | None] | None = None,
    ) -> None:
        self.entry, self.options, self.unit = entry, options, unit
        self._encoding_note = encoding_note
        self.display = entry.display
        self.outlet = entry.outlet or entry.stem
        self._listed: dict[str, int] = {}
        self._log: list[tuple[int, str, SkippedInput | str]] = []
        self._more: dict[str, _Tally] = {}
        self._notes: list[str] = []
        # Rows whose outlet cell is empty; rows read without an outlet column.
        self._empty_outlet: _Tally | None = None
        self._no_outlet: _Tally | None = None
        self._has_outlet = self._any_outlet = False
        self._unfound = [r for r in ROLES if getattr(options, f"{r}_column") is not None]
        if entry.title or entry.url:
            self._notes.append(
                f"{self.display}: the manifest's title and url describe one article; "
                "they are not used for a file of many"
            )

    def use(self, columns: Columns) -> None:
        """Read the rows that follow with these columns (JSON objects may differ in fields)."""
        self._has_outlet = columns.has_outlet
        self._any_outlet = self._any_outlet or columns.has_outlet
        found = {role for role, i in zip(ROLES, columns.positions, strict=True) if i is not None}
        self._unfound = [role for role in self._unfound if role not in found]

    def row(self, number: int, values: Sequence[object]) -> Item | None:
        """The document of row ``number`` (values in :data:`~.columns.ROLES` order),
        or its skipped entry; ``None`` when the skip is only counted."""
        raw_text, raw_outlet, raw_date, raw_title, raw_url, raw_id = values
        try:
            text, outlet, title, url, ident = (
                _as_text(role, value)
                for role, value in zip(
                    ("text", "outlet", "title", "url", "id"),
                    (raw_text, raw_outlet, raw_title, raw_url, raw_id),
                    strict=True,
                )
            )
        except _NotText as exc:
            return self.skip(number, str(exc))
        if text is None or not text.strip():
            return self.skip(number, "empty text")
        if len(text) * 4 > self.options.max_bytes:  # else it cannot be over the limit
            size = len(text.encode("utf-8", errors="replace"))
            if size > self.options.max_bytes:
                reason = "text " + too_large(self.options.max_bytes, "per document", size)
                return self.skip(number, reason, kind="text larger than the limit per document")
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        outlet = outlet.strip() if outlet else None
        if not outlet:
            if self._has_outlet:
                self._empty_outlet = _count(self._empty_outlet, number)
            else:
                self._no_outlet = _count(self._no_outlet, number)
            outlet = self.outlet
        ident = ident.strip() if ident else None
        if raw_date is None or (isinstance(raw_date, str) and not raw_date.strip()):
            date = self.entry.date
        else:
            date = self._date(number, raw_date)
        return Document(
            id=ident or f"{self.entry.stem}-{number}",
            outlet=outlet,
            text=text,
            source=f"{self.display}:{number}",
            title=(title.strip() or None) if title else None,
            date=date,
            url=(url.strip() or None) if url else None,
        )

    def skip(self, number: int, reason: str, *, kind: str | None = None) -> SkippedInput | None:
        """Row ``number`` skipped for ``reason``: listed, or counted once enough are listed.

        Rows are counted together by ``kind`` (default: the reason itself).
        """
        kind = kind or reason
        if self._list(kind, number):
            skipped = SkippedInput(f"{self.display}:{number}", reason)
            self._log.append((number, kind, skipped))
            return skipped
        return None

    def read(self, items: Iterable[Item | None]) -> Iterator[Item]:
        """The items a table reader makes from its rows, then :meth:`finish`'s.

        When reading stops on a :class:`~.base.BadFile`, what was counted
        until then is still listed before the error goes on.
        """
        try:
            for item in items:
                if item is not None:
                    yield item
        except BadFile:
            yield from self.finish()
            raise
        yield from self.finish()

    def finish(self) -> Iterator[Item]:
        """The entries and notes for what was counted, once every row is read."""
        for kind, tally in self._more.items():
            span = f"{self.unit}s {tally.first} to {tally.last}"
            if kind == _DATE_KIND:
                self._notes.append(
                    f"{self.display}: {tally.count:,} more dates not understood ({span}); "
                    "left empty"
                )
            else:
                yield SkippedInput(
                    self.display,
                    f"{kind} in {tally.count:,} more rows ({span}); "
                    f"only the first {LISTED_PER_REASON} are listed one by one",
                )
        self._notes.extend(self._outlet_notes())
        if self._encoding_note is not None and (note := self._encoding_note()):
            self._notes.append(note)
        for note in self._notes:
            yield Note(note)

    def _date(self, number: int, value: object) -> str | None:
        """The row's date as an ISO date; a note when it cannot be read (left empty)."""
        try:
            return iso_date(value, dayfirst=self.options.dayfirst)
        except DateNotUnderstood as exc:
            if self._list(_DATE_KIND, number):
                note = f"{self.display}:{number}: {exc}; left empty"
                self._notes.append(note)
                self._log.append((number, _DATE_KIND, note))
            return None

    def state(self) -> RowState:
        """What this reader saw, for a reader of the whole table to :meth:`merge`."""
        return RowState(
            listed=tuple(self._log),
            more=tuple((kind, tally.counts()) for kind, tally in self._more.items()),
            empty_outlet=None if self._empty_outlet is None else self._empty_outlet.counts(),
            no_outlet=None if self._no_outlet is None else self._no_outlet.counts(),
            any_outlet=self._any_outlet,
            unfound=tuple(self._unfound),
        )

    def merge(self, part: RowState) -> list[SkippedInput]:
        """Take in what a reader of the next part of the table saw (:meth:`state`).

        Returns the skipped rows this reader lists of them, in order, as it
        would have had it read the rows itself: a part lists its first rows
        of each kind, and those after the first :data:`LISTED_PER_REASON` of
        the whole table are counted instead. :meth:`finish` then gives what
        reading the whole table at once gives.
        """
        listed: list[SkippedInput] = []
        # each kind's counted rows come after the rows of that kind the part listed
        events: list[tuple[int, str, SkippedInput | str | tuple[int, int, int]]]
        events = [(number, kind, item) for number, kind, item in part.listed]
        events += [(counts[1], kind, counts) for kind, counts in part.more]
        for number, kind, item in sorted(events, key=lambda event: event[0]):
            if isinstance(item, tuple):
                if kind in self._more:
                    self._more[kind].merge(item)
                else:
                    self._more[kind] = _tally(item)
            elif self._list(kind, number):
                self._log.append((number, kind, item))
                if isinstance(item, str):
                    self._notes.append(item)
                else:
                    listed.append(item)
        for name in ("_empty_outlet", "_no_outlet"):
            counts = getattr(part, name.lstrip("_"))
            if counts is not None:
                mine: _Tally | None = getattr(self, name)
                if mine is None:
                    setattr(self, name, _tally(counts))
                else:
                    mine.merge(counts)
        self._any_outlet = self._any_outlet or part.any_outlet
        self._unfound = [role for role in self._unfound if role in part.unfound]
        return listed

    def _list(self, kind: str, number: int) -> bool:
        """Whether row ``number`` is listed for ``kind``; else it is counted."""
        listed = self._listed.get(kind, 0)
        if listed < LISTED_PER_REASON:
            self._listed[kind] = listed + 1
            return True
        if kind in self._more:
            self._more[kind].add(number)
        else:
            self._more[kind] = _Tally(number)
        return False

    def _outlet_notes(self) -> Iterator[str]:
        """Notes on rows that took the file's outlet, and on columns named but never found."""
        column = "field" if self.entry.format == "jsonl" else "column"
        where = "the manifest's outlet" if self.entry.outlet else "the file's name"
        for role in self._unfound:
            name = getattr(self.options, f"{role}_column")
            yield f"{self.display}: no {column} {name!r} (given for the {role}) in any row"
        if self._no_outlet is not None:
            if not self._any_outlet:
                yield (
                    f"{self.display}: no outlet {column}; every article's outlet "
                    f"is {self.outlet!r} ({where})"
                )
            else:
                yield (
                    f"{self.display}: {_rows_have(self._no_outlet)} no outlet {column} "
                    f"(first: {self.unit} {self._no_outlet.first}); its outlet is {self.outlet!r}"
                )
        if self._empty_outlet is not None:
            yield (
                f"{self.display}: {_rows_have(self._empty_outlet)} an empty outlet cell "
                f"(first: {self.unit} {self._empty_outlet.first}); its outlet is {self.outlet!r}"
            )


class _NotText(Exception):
    """A cell that holds a list or a mapping, not text."""


def _as_text(role: str, value: object) -> str | None:
    """A cell's value as text: strings as they are, numbers and dates written out."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float | _dt.date):
        return str(value)
    raise _NotText(f"the {role} is a {type(value).__name__}, not text")


def _count(tally: _Tally | None, number: int) -> _Tally:
    """``tally`` with row ``number`` counted (a new one for the first)."""
    if tally is None:
        return _Tally(number)
    tally.add(number)
    return tally


def _rows_have(tally: _Tally) -> str:
    return "1 row has" if tally.count == 1 else f"{tally.count:,} rows have"
