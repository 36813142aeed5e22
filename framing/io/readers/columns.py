"""Which column of a table (or field of a JSON object) holds what.

A table of articles has a column holding each article's text and, perhaps,
its outlet, date, title, URL and id. Each is found by the usual names below,
tried in this order, comparing names case-insensitively with spaces and
hyphens read as underscores (``Publish Date`` is ``publish_date``); the
first name the table has is used. Media Cloud's exports (``stories_id``,
``publish_date``, ``title``, ``url``, ``media_name``, ``text``) need no
options. A name given explicitly (``text_column=`` and the like, the CLI's
``--text-column``) replaces the search for that column and must exist.

Only the text column is required: without it the file is not read, and the
message lists the columns it has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.io.readers.base import BadFile, ReadOptions

#: The names tried for each column, in order (docs/inputs.md lists them too).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "maintext", "article_text"),
    "outlet": (
        "media_name",
        "outlet",
        "source",
        "publication",
        "publisher",
        "media",
        "site",
        "site_name",
        "sitename",
        "source_domain",
        "newspaper",
    ),
    "date": (
        "publish_date",
        "date",
        "published",
        "pubdate",
        "pub_date",
        "published_at",
        "publication_date",
        "date_published",
        "date_publish",
    ),
    "title": ("title", "headline"),
    "url": ("url", "link", "article_url"),
    "id": ("stories_id", "id", "guid", "story_id", "article_id", "doc_id"),
}
#: The columns in the order readers hand their values to the row reader.
ROLES = ("text", "outlet", "date", "title", "url", "id")
_SEPARATORS_RE = re.compile(r"[\s-]+")
_LISTED_NAMES = 30


@dataclass(frozen=True)
class Columns:
    """The position of each role's column among a table's names (``None``: absent).

    ``unfound`` holds the roles whose column was named explicitly but is not
    among the names.
    """

    names: tuple[str, ...]
    positions: tuple[int | None, ...]
    unfound: tuple[str, ...] = ()

    @property
    def has_text(self) -> bool:
        return self.positions[0] is not None

    @property
    def has_outlet(self) -> bool:
        return self.positions[ROLES.index("outlet")] is not None

    def chosen(self) -> list[str | None]:
        """The name of each role's column, in :data:`ROLES` order."""
        return [None if i is None else self.names[i] for i in self.positions]


def find_columns(names: Sequence[str], options: ReadOptions) -> Columns:
    """Find each role's column among a table's header ``names``.

    Raises :class:`BadFile` when no text column is found, or when a column
    named in ``options`` does not exist; the message lists the columns.
    """
    columns = match_columns(names, options)
    if columns.unfound:
        role = columns.unfound[0]
        raise BadFile(
            f"has no column {getattr(options, f'{role}_column')!r} (given for the {role}); "
            f"its columns are: {listing(names)}"
        )
    if not columns.has_text:
        raise BadFile(no_text(names, "column"))
    return columns


def match_columns(names: Sequence[str], options: ReadOptions) -> Columns:
    """Each role's column among ``names`` (a header, or a JSON object's keys), as far as found."""
    keys: dict[str, int] = {}
    for i, name in enumerate(names):
        keys.setdefault(_key(str(name)), i)
    positions: list[int | None] = []
    unfound: list[str] = []
    for role in ROLES:
        explicit: str | None = getattr(options, f"{role}_column")
        if explicit is not None:
            position = keys.get(_key(explicit))
            if position is None:
                unfound.append(role)
        else:
            position = next((keys[n] for n in COLUMN_NAMES[role] if n in keys), None)
        positions.append(position)
    return Columns(tuple(str(n) for n in names), tuple(positions), tuple(unfound))


def no_text(names: Sequence[str], kind: str) -> str:
    """The message for a table (``kind`` "column") or object ("field") without text."""
    return (
        f"no text {kind} found among its {kind}s: {listing(names)}; "
        f"name the one that holds the articles' text with --text-column "
        f"(text_column= in Python)"
    )


def _key(name: str) -> str:
    """A column name as compared: lower case, spaces and hyphens read as underscores."""
    return _SEPARATORS_RE.sub("_", name.strip().lower())


def listing(names: Sequence[str]) -> str:
    """The names, quoted, at most :data:`_LISTED_NAMES` of them."""
    if not names:
        return "(none)"
    shown = ", ".join(repr(str(n)) for n in names[:_LISTED_NAMES])
    more = len(names) - _LISTED_NAMES
    return shown + (f" and {more} more" if more > 0 else "")
