"""Dates in saved pages: the date patterns and :func:`find_date`.

A date is "2022-03-10", "March 10, 2022", "Mar. 10 2022" or "10 March 2022",
optionally with a weekday, a time and a "date" label around it. The rules use
these patterns to remove date lines and time stamps, the layout to cut a date
off the front of a deck line; every date found this way can become the
document's date.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBREVIATIONS = {name[:3]: number for name, number in _MONTHS.items()} | {"sept": 9}
_MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_DATE_RE = (
    rf"(?:(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})"
    rf"|(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>\d{{4}}))"
)
_WEEKDAY_RE = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_TIME_RE = r"(?:\s*(?:,|\||at|-)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?-i:[A-Z]{2,4}))?)?"
_DATE_LABEL_RE = r"(?:dated?\s*:?\s*)?"
_DATE_SEARCH_RE = re.compile(rf"\b{_DATE_RE}\b", re.IGNORECASE)
_DATE_ONLY_RE = re.compile(
    rf"{_DATE_LABEL_RE}{_WEEKDAY_RE}{_DATE_RE}{_TIME_RE}[\s.,;|]*$", re.IGNORECASE
)
_DATE_PREFIX_RE = re.compile(
    rf"{_DATE_LABEL_RE}{_WEEKDAY_RE}{_DATE_RE}{_TIME_RE}(?=[\s.,;:|–—-])", re.IGNORECASE
)
_DATE_PREFIX_SEPARATOR_RE = re.compile(r"[\s.,;:|–—-]*")
_TIME_WORD_RE = re.compile(rf"\d|\b(?:ago|today|yesterday|just now|{_MONTH_RE})\b", re.IGNORECASE)


def _iso_from_match(match: re.Match[str]) -> str | None:
    """ISO date from a ``_DATE_RE`` match, or ``None`` when it is not a real date."""
    groups = match.groupdict()
    try:
        if groups["iy"]:
            year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        else:
            name = (groups["m1"] or groups["m2"]).lower()
            month = _MONTHS.get(name) or _MONTH_ABBREVIATIONS[name]
            day = int(groups["d1"] or groups["d2"])
            year = int(groups["y1"] or groups["y2"])
        return date(year, month, day).isoformat()
    except (KeyError, ValueError):
        return None


def find_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO ``YYYY-MM-DD``, or ``None``.

    Understands "2022-03-10", "March 10, 2022", "Mar. 10 2022" and
    "10 March 2022"; relative stamps ("5 sec ago") have no date.
    """
    for match in _DATE_SEARCH_RE.finditer(text):
        iso = _iso_from_match(match)
        if iso:
            return iso
    return None
