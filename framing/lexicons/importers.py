"""Import the field's dictionary formats as frame lexicons, and write them as TOML frames.

Researchers keep their dictionaries in a handful of formats. :func:`import_lexicon`
turns one dictionary file into a :class:`~framing.model.LexiconSet` with one
frame per category, so that an existing dictionary can be compared across
outlets without retyping it; :func:`write_lexicon_set` (in
:mod:`framing.lexicons.write`) saves the result as a folder of the project's
TOML frame files, to be read, edited and versioned like any hand-made lexicon.

Supported formats, chosen by the file's extension (case does not matter),
each read by one module of :mod:`framing.lexicons.formats` whose docstring
describes the format:

``.dic`` -- LIWC (as used by the Moral Foundations Dictionary 2.0)
    :mod:`framing.lexicons.formats.dic`

``.dicx`` -- LIWC-22
    :mod:`framing.lexicons.formats.dicx`

``.lc3`` -- Lexicoder
    :mod:`framing.lexicons.formats.lc3`

``.yml`` / ``.yaml`` -- YAML, in quanteda's dictionary style
    :mod:`framing.lexicons.formats.yaml_dict`

``.txt`` -- a plain word list
    :mod:`framing.lexicons.formats.txt`

``.toml`` (and a folder) -- framing's own format
    Loaded by :func:`framing.lexicons.toml_files.load_toml_set`, with no warnings.

This module is the one place that picks a reader by the file's extension;
:func:`framing.lexicons.load.load_lexicons` calls it for anything that is
not framing's own TOML.

Rules common to all formats (applied once, by
:class:`framing.lexicons.formats.collect.Collector`):

- Every term goes through :func:`framing.lexicons.terms.parse_term`, so a term is a
  word or a phrase with an optional trailing ``*``. A term it rejects (a
  ``*`` elsewhere, quanteda's ``?`` glob, a term with no words such as an
  emoticon) is an error naming the file, line and term: importing it
  silently would change what the dictionary measures.
- A term repeated within a category (compared after tokenizing, so
  ``Kind`` repeats ``kind``) is kept once, with a warning.
- A category with no terms cannot be used as a frame: it is dropped with a
  warning. A file in which no category has terms is an error.
- Each category becomes a frame whose ``id`` is a slug of its name
  (``care.virtue`` -> ``care_virtue``; ``c_`` before a leading digit;
  ``_2``, ``_3`` … to keep ids unique), whose ``label`` is the name as
  written, and whose colour comes from :data:`framing.lexicons.terms.DEFAULT_COLOURS`
  in category order. Frames and terms keep the file's order, and the same
  file always gives the same frames, warnings and TOML.
- Files are read as UTF-8 (a byte order mark is accepted); anything else is
  an error giving the byte offset of the first bad byte.

Errors are :class:`~framing.errors.LexiconError` s reading ``path:line:
message``; warnings are strings in the same form, returned in
:attr:`ImportResult.warnings` in line order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from framing.errors import LexiconError
from framing.lexicons.formats.collect import Collector, ImportResult
from framing.lexicons.formats.dic import import_dic
from framing.lexicons.formats.dicx import import_dicx
from framing.lexicons.formats.lc3 import import_lc3
from framing.lexicons.formats.txt import import_txt
from framing.lexicons.formats.yaml_dict import import_yaml
from framing.lexicons.toml_files import load_toml_set
from framing.lexicons.write import render_frame_toml, write_lexicon_set

__all__ = [
    "SUPPORTED_FORMATS",
    "ImportResult",
    "import_lexicon",
    "render_frame_toml",
    "supported_formats_text",
    "write_lexicon_set",
]

#: Dictionary file extensions (lower case) and the name of their format.
SUPPORTED_FORMATS: dict[str, str] = {
    ".dic": "LIWC .dic",
    ".dicx": "LIWC-22 .dicx",
    ".lc3": "Lexicoder .lc3",
    ".yml": "YAML",
    ".yaml": "YAML",
    ".txt": "word list",
    ".toml": "framing TOML",
}

_IMPORTERS: dict[str, Callable[[str, Collector], None]] = {
    ".dic": import_dic,
    ".dicx": import_dicx,
    ".lc3": import_lc3,
    ".yml": import_yaml,
    ".yaml": import_yaml,
    ".txt": import_txt,
}


def import_lexicon(path: str | Path) -> ImportResult:
    """Import a dictionary file as a lexicon set, one frame per category.

    The format is chosen by the file's extension (see :data:`SUPPORTED_FORMATS`).
    A ``.toml`` frame file or a folder of them is loaded with
    :func:`framing.lexicons.toml_files.load_toml_set`. Raises
    :class:`~framing.errors.LexiconError` naming the file and line of the
    first problem that makes the dictionary unusable.
    """
    path = Path(path)
    if not path.exists():
        raise LexiconError("no such dictionary file", path=path)
    suffix = path.suffix.lower()
    if path.is_dir() or suffix == ".toml":
        return ImportResult(lexicons=load_toml_set(path), warnings=())
    importer = _IMPORTERS.get(suffix)
    if importer is None:
        shown = f"'{suffix}'" if suffix else "(no extension)"
        raise LexiconError(
            f"unsupported dictionary format {shown}; supported: {supported_formats_text()}",
            path=path,
        )
    text = _read_text(path)
    collector = Collector(path, SUPPORTED_FORMATS[suffix])
    importer(text, collector)
    return collector.result()


def supported_formats_text() -> str:
    """The supported formats for messages: ``.dic (LIWC .dic), …, .yml/.yaml (YAML), …``."""
    by_name: dict[str, list[str]] = {}
    for extension, name in SUPPORTED_FORMATS.items():
        by_name.setdefault(name, []).append(extension)
    return ", ".join(f"{'/'.join(exts)} ({name})" for name, exts in by_name.items())


def _read_text(path: Path) -> str:
    """The file's text: UTF-8, without a byte order mark, never empty."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"cannot be read ({exc.strerror or exc})", path=path) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(
            f"is not UTF-8 text (byte {exc.start}); save it as UTF-8", path=path
        ) from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise LexiconError("is empty", path=path)
    return text
