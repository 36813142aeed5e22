"""Loading a lexicon set from any file or folder ``--lexicons`` may name.

:func:`load_lexicons` is the one entry point: a folder of TOML frame files
or one frame file is read by :mod:`framing.lexicons.toml_files`; a
dictionary in another format goes through
:func:`framing.lexicons.importers.import_lexicon`. This module sits above
both, so neither needs to import it.

The names other modules have long imported from here (:func:`load_frame`,
:func:`parse_term`, the defaults and the keys of a frame file) are
re-exported from the modules that define them.
"""

from __future__ import annotations

from pathlib import Path

from framing.errors import LexiconError
from framing.lexicons.importers import import_lexicon
from framing.lexicons.terms import (
    DEFAULT_COLOURS,
    DEFAULT_NEGATION_CUES,
    ID_RE,
    parse_context,
    parse_term,
)
from framing.lexicons.toml_files import (
    COLOUR_RE,
    FRAME_KEYS,
    PHRASE_KEYS,
    SET_FILE,
    SET_KEYS,
    TERM_KEYS,
    WORD_KEYS,
    load_frame,
    load_set_settings,
    load_toml_set,
    phrase_has_words,
)
from framing.model import LexiconSet

__all__ = [
    "COLOUR_RE",
    "DEFAULT_COLOURS",
    "DEFAULT_NEGATION_CUES",
    "FRAME_KEYS",
    "ID_RE",
    "PHRASE_KEYS",
    "SET_FILE",
    "SET_KEYS",
    "TERM_KEYS",
    "WORD_KEYS",
    "load_frame",
    "load_lexicons",
    "load_set_settings",
    "parse_context",
    "parse_term",
    "phrase_has_words",
]


def load_lexicons(path: str | Path, *, name: str | None = None) -> LexiconSet:
    """Load a lexicon set: a folder of frame files, one frame file, or a dictionary.

    A dictionary in another format (LIWC ``.dic``/``.dicx``, Lexicoder
    ``.lc3``, YAML, a ``.txt`` word list) is imported with
    :func:`framing.lexicons.importers.import_lexicon`, one frame per category; call that
    function directly to also see its warnings.

    In a folder, every ``*.toml`` file is a frame, except ``_set.toml``, which
    may set the set's ``name``, ``description``, ``negation_cues`` and
    ``scope_breakers`` (see docs/lexicons.md). Files starting with ``_`` or
    ``.`` are not frames.

    Raises :class:`~framing.errors.LexiconError` naming the file (and line)
    for a missing path, a TOML syntax error, a frame without terms, an
    unknown key, a bad term, or two frames with one id.
    """
    path = Path(path)
    if not path.exists():
        raise LexiconError("no such lexicon file or folder", path=path)
    if path.is_dir() or path.suffix.lower() == ".toml":
        return load_toml_set(path, name=name)
    # A dictionary in another format (LIWC, Lexicoder, YAML, word list);
    # import_lexicon also reports what it skipped, as warnings.
    return import_lexicon(path).lexicons
