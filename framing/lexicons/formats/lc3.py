"""Lexicoder ``.lc3`` dictionaries.

A line ``+name`` starts a category; the lines after it, up to the next
``+`` line, are its terms (words or phrases, optionally ending in ``*``).
Blank lines are ignored. A category that appears twice is merged (with a
warning).

Read by :func:`import_lc3` into a :class:`~framing.lexicons.formats.collect.Collector`.
"""

from __future__ import annotations

from framing.lexicons.formats.collect import Category, Collector, split_lines


def import_lc3(text: str, collector: Collector) -> None:
    """Read a Lexicoder .lc3: ``+category`` lines, each followed by its terms."""
    category: Category | None = None
    for number, raw in enumerate(split_lines(text), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith("+"):
            name = stripped[1:].strip()
            if not name:
                raise collector.error(number, "a category line needs a name after '+'")
            category = collector.category(name, number, merge=True)
        elif category is None:
            raise collector.error(
                number,
                f"term {stripped!r} comes before any category; expected a '+category' line "
                "first (e.g. '+positive')",
            )
        else:
            collector.add(category, collector.term(stripped, number))
