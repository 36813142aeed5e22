"""TOML syntax errors as problems on their line, for the validator.

The scanners that find keys and array elements are shared with the loader:
:mod:`framing.lexicons.toml_lines` (re-exported here).
"""

from __future__ import annotations

import re
import tomllib

from framing.lexicon_tools.problems import ERROR, Problem
from framing.lexicons.toml_lines import array_item_lines, top_level_key_lines

__all__ = ["array_item_lines", "syntax_problem", "top_level_key_lines"]

_TOML_POSITION_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_END_RE = re.compile(r"\s*\(at end of document\)")


def syntax_problem(path: str, raw: str, exc: tomllib.TOMLDecodeError) -> Problem:
    """A TOML syntax error as a problem on its line (the column stays in the message)."""
    message = str(exc)
    found = _TOML_POSITION_RE.search(message)
    if found:
        line: int | None = int(found.group(1))
        message = _TOML_POSITION_RE.sub(f" (column {found.group(2)})", message)
    elif _TOML_END_RE.search(message):
        line = max(1, len(raw.splitlines()))
        message = _TOML_END_RE.sub(" (at the end of the file)", message)
    else:
        line = None
    return Problem(path, line, ERROR, f"TOML syntax error: {message.strip()}")
