"""Where things are in a TOML file: the line of each top-level key and array element.

:mod:`tomllib` gives values but no positions. These scanners find them in
the text itself, in one pass each, for the loader
(:mod:`framing.lexicons.toml_files`) and the validator
(:mod:`framing.lexicon_tools.validate`) alike, so both name the same line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any


def top_level_key_lines(raw: str, data: Mapping[str, Any]) -> dict[str, int]:
    """The line where each top-level key of ``data`` is defined."""
    lines: dict[str, int] = {}
    for key in data:
        quoted = "|".join(re.escape(k) for k in (key, f'"{key}"', f"'{key}'"))
        pattern = re.compile(
            rf"^[ \t]*(?:(?:{quoted})[ \t]*[=.]|\[\[?[ \t]*(?:{quoted})[ \t]*[\].])", re.M
        )
        found = pattern.search(raw)
        if found:
            lines[key] = raw.count("\n", 0, found.start()) + 1
    return lines


def array_item_lines(raw: str, key: str) -> list[int]:
    """The line where each element of the top-level array ``key = [...]`` starts.

    A small scanner over valid TOML: it skips strings (all four kinds) and
    comments, and records where each element at depth 1 begins. For an
    array of tables (``[[terms]]``), the line of each header.
    """
    name = re.escape(key)
    start = re.search(rf"""^[ \t]*(?:{name}|"{name}"|'{name}')[ \t]*=[ \t]*\[""", raw, re.M)
    if start is None:
        headers = re.finditer(rf"^[ \t]*\[\[[ \t]*{name}[ \t]*\]\]", raw, re.M)
        return [raw.count("\n", 0, m.start()) + 1 for m in headers]
    line = raw.count("\n", 0, start.end()) + 1
    position, depth, expecting = start.end(), 1, True
    item_lines: list[int] = []
    while position < len(raw) and depth:
        char = raw[position]
        if char == "#":
            end = raw.find("\n", position)
            position = len(raw) if end < 0 else end
            continue
        if char == "\n":
            line += 1
        elif not char.isspace():
            if depth == 1 and expecting and char not in ",]":
                item_lines.append(line)
                expecting = False
            if char in "\"'":
                end = _string_end(raw, position)
                line += raw.count("\n", position, end)
                position = end
                continue
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
            elif char == "," and depth == 1:
                expecting = True
        position += 1
    return item_lines


def _string_end(raw: str, start: int) -> int:
    """Index just after the TOML string that starts at ``start``."""
    quote = raw[start]
    delimiter = quote * 3 if raw.startswith(quote * 3, start) else quote
    position = start + len(delimiter)
    while position < len(raw):
        if quote == '"' and raw[position] == "\\":
            position += 2
            continue
        if raw.startswith(delimiter, position):
            end = position + len(delimiter)
            while len(delimiter) == 3 and end < len(raw) and raw[end] == quote:
                end += 1  # up to two quotes may end a multi-line string's content
            return end
        position += 1
    return position
