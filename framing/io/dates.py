"""Dates read from inputs, as ISO dates ``YYYY-MM-DD``; never guessed.

Manifests, tables of articles and saved pages write dates in every way:
``2022-03-10``, ``2022-03-10T14:22:05Z`` (Media Cloud's ``publish_date``),
``March 10, 2022``, ``Thu, 10 Mar 2022 23:30:00 -0500``, ``10/03/2022``.
:func:`iso_date` turns each into ``2022-03-10``:

* A date that starts with a four-digit year (``2022-03-10``,
  ``2022/03/10``, ``2022.3.10``, with or without a time after it) is read as
  year, month, day, whatever ``dayfirst`` says: no one writes year, day,
  month.
* Anything else is read by :func:`dateutil.parser.parse`. Two numbers that
  could each be the day or the month (``03/10/2022``) are read month first,
  as in the United States and as dateutil does by default, or day first
  with ``dayfirst=True`` (the CLI's ``--dayfirst``). A number over 12 is a
  day either way (``13/03/2022`` is 13 March).
* The date is the one written: a time and a time zone after it are ignored,
  not converted.
* A date that cannot be read, or that lacks its year, month or day
  (``next Tuesday``, ``March 2022``, ``5``), raises
  :class:`DateNotUnderstood`; the readers leave the date empty and list it in
  the corpus notes. Nothing is filled in from today's date.

``datetime.date`` and ``datetime.datetime`` values (from Parquet files) are
taken as they are.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

_YEAR_FIRST_RE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:$|[T\s])")
#: Two defaults that differ in every part: a part of the parsed date that
#: differs between them was filled in by dateutil, not read.
_DEFAULTS = (_dt.datetime(2001, 1, 1), _dt.datetime(2002, 2, 2))
_PARTS = ("year", "month", "day")
#: Longer text is no date (and is not handed to the parser).
_MAX_CHARS = 100


class DateNotUnderstood(ValueError):
    """A date that is not read; the message says why, for the corpus notes."""


def iso_date(value: object, *, dayfirst: bool = False) -> str | None:
    """``value`` as an ISO date ``YYYY-MM-DD``; ``None`` for no value.

    ``None`` and blank strings are no date. Raises :class:`DateNotUnderstood`
    for a value that is not a complete, valid date (see the module docstring).

    >>> iso_date("2022-03-10T14:22:05Z"), iso_date("March 10, 2022")
    ('2022-03-10', '2022-03-10')
    >>> iso_date("03/10/2022"), iso_date("03/10/2022", dayfirst=True)
    ('2022-03-10', '2022-10-03')
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if len(text) > _MAX_CHARS:
        raise DateNotUnderstood(f"date {text[:20]!r}… ({len(text):,} characters) not understood")
    iso, problem = _parse(text, dayfirst)
    if iso is None:
        raise DateNotUnderstood(problem)
    return iso


@functools.lru_cache(maxsize=4096)
def _parse(text: str, dayfirst: bool) -> tuple[str | None, str]:
    """``(ISO date, "")`` for a non-blank string, or ``(None, what is wrong)``.

    Cached, since a corpus repeats its dates; the problem is returned, not
    raised, so that it is cached too.
    """
    match = _YEAR_FIRST_RE.match(text)
    if match:
        year, _, month, day = match.groups()
        try:
            return _dt.date(int(year), int(month), int(day)).isoformat(), ""
        except ValueError:
            return None, f"date {text!r} is not a valid date"
    from dateutil import parser  # imported here: only dates in other forms need it

    try:
        first, second = (parser.parse(text, dayfirst=dayfirst, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):  # dateutil's ParserError is a ValueError
        return None, f"date {text!r} not understood"
    missing = [part for part in _PARTS if getattr(first, part) != getattr(second, part)]
    if missing:
        parts = " or ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
        return None, f"date {text!r} has no {parts}"
    return first.date().isoformat(), ""
