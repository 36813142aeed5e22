"""Errors that reach the user as one clear line.

Every error the library raises on bad input is a :class:`FramingError`
whose message names the file and what is wrong with it; the CLI prints that
message and exits non-zero, with no traceback.
"""

from __future__ import annotations


class FramingError(Exception):
    """Base class: bad input or settings, described in one user-facing line."""

    exit_code = 1

    def __init__(self, message: str, *, path: object | None = None, line: int | None = None):
        self.path = None if path is None else str(path)
        self.line = line
        self.detail = message
        where = ""
        if self.path is not None:
            where = self.path if line is None else f"{self.path}:{line}"
            where += ": "
        super().__init__(f"{where}{message}")


class InputError(FramingError):
    """An article file, folder or manifest cannot be used."""

    exit_code = 2


class LexiconError(FramingError):
    """A lexicon file is malformed or a frame is unusable."""

    exit_code = 3


class OutputError(FramingError):
    """A report or JSON file cannot be written."""

    exit_code = 4
