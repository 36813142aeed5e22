"""Plain word lists (``.txt``).

One term per line; blank lines, lines starting with ``#`` and comments
after `` #`` are ignored. The whole file is one frame named after the
file's stem.

Read by :func:`import_txt` into a :class:`~framing.lexicons.formats.collect.Collector`.
"""

from __future__ import annotations

import re

from framing.lexicons.formats.collect import Collector, split_lines

_INLINE_COMMENT_RE = re.compile(r"\s#.*$")


def import_txt(text: str, collector: Collector) -> None:
    """Read a word list: one term per line, ``#`` comments; one frame named after the file."""
    collector.describe_categories = False
    category = collector.category(collector.path.stem, 1)
    for number, raw in enumerate(split_lines(text), start=1):
        stripped = _INLINE_COMMENT_RE.sub("", raw).strip()
        if stripped and not stripped.startswith("#"):
            collector.add(category, collector.term(stripped, number))
    if not category.terms:
        raise collector.error(None, "has no terms (only blank lines and # comments)")
