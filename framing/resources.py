"""Where the bundled seed articles and default lexicons live.

In a source checkout (or an editable install) they sit at the top of the
repository, in ``seeds/`` and ``lexicons/``; a built wheel carries copies
inside the package, in ``framing/_data/``. Both layouts are looked up, the
packaged copy first.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

DEFAULT_LEXICON_SET = "volunteers"


def _data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} is missing from this installation")


def seeds_dir() -> Path:
    """The folder of bundled seed articles (with its manifest.csv)."""
    return _data_dir("seeds")


def lexicons_dir() -> Path:
    """The folder that holds the bundled lexicon sets, one sub-folder per set."""
    return _data_dir("lexicons")


def default_lexicons() -> Path:
    """The lexicon set used when none is given: the volunteers story's frames."""
    return lexicons_dir() / DEFAULT_LEXICON_SET
