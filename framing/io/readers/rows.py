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
  cannot be read is left empty and listed in the notes with its line;
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

from framing.io.dates import DateNotUnderstood, iso_date
from framing.io.readers.base import BadFile, Entry, Item, Note, ReadOptions
from framing.io.readers.columns import Columns
from framing.io.safe_read import too_large
from framing.model import Document, SkippedInput

#: Rows skipped for one reason (or dates not understood) listed one by one per file.
LISTED_PER_REASON = 20
_DATE_KIND = "date not understood"


class _Tally:
    """Rows of one kind beyond those listed: how many, and their first and last number."""

    def __init__(self, number: int) -> None:
        self.count, self.first, self.last = 1, number, number

    def add(self, number: int) -> None:
        self.count += 1
        self.last = number


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
        self._more: dict[str, _Tally] = {}
        self._notes: list[str] = []
        self._no_outlet: _Tally | None = None
        self._has_outlet = True
        if entry.title or entry.url:
            self._notes.append(
                f"{self.display}: the manifest's title and url describe one article; "
                "they are not used for a file of many"
            )

    def use(self, columns: Columns) -> None:
        """Note the columns found; a table without an outlet column has one outlet."""
        self._has_outlet = columns.has_outlet
        if not columns.has_outlet:
            where = "the manifest's outlet" if self.entry.outlet else "the file's name"
            self._notes.append(
                f"{self.display}: no outlet {_column(self.entry)}; every article's outlet "
                f"is {self.outlet!r} ({where})"
            )

    def row(self, number: int, values: Sequence[object]) -> Item | None:
        """The document of row ``number`` (values in :data:`~.columns.ROLES` order),
        or its skipped entry; ``None`` when the skip is only counted."""
        raw_text, raw_outlet, raw_date, raw_title, raw_url, raw_id = values
        cells: list[str | None] = []
        for role, value in (("text", raw_text), ("outlet", raw_outlet), ("title", raw_title),
                            ("url", raw_url), ("id", raw_id)):  # fmt: skip
            if value is None or isinstance(value, str):
                cells.append(value)
            elif isinstance(value, int | float | _dt.date):
                cells.append(str(value))
            else:
                return self.skip(number, f"the {role} is a {type(value).__name__}, not text")
        text, outlet, title, url, ident = cells
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
                self._count_no_outlet(number)
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
            return SkippedInput(f"{self.display}:{number}", reason)
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
        if self._no_outlet is not None:
            tally = self._no_outlet
            self._notes.append(
                f"{self.display}: {tally.count:,} rows have an empty outlet cell "
                f"(first: {self.unit} {tally.first}); their outlet is {self.outlet!r}"
            )
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
                self._notes.append(f"{self.display}:{number}: {exc}; left empty")
            return None

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

    def _count_no_outlet(self, number: int) -> None:
        if self._no_outlet is None:
            self._no_outlet = _Tally(number)
        else:
            self._no_outlet.add(number)


def _column(entry: Entry) -> str:
    """What a table's columns are called: fields in JSON Lines."""
    return "field" if entry.format == "jsonl" else "column"
