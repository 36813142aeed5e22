"""Read a folder's ``manifest.csv``: which files to read, and what each is.

A manifest has the columns ``file`` and ``outlet`` (required) and ``title``,
``date``, ``url`` (optional; other columns are ignored). Each row names a
file in the manifest's folder that framing reads: an article (``.txt``,
``.md``, a saved page ``.html``/``.htm``) or a table of articles (``.csv``,
``.tsv``, ``.jsonl``, ``.ndjson``, ``.parquet``, the first four also
gzipped).

* For an article file, the row's outlet, title, date and URL are the
  article's; a saved page's own title, date and URL fill in what the row
  leaves empty. The outlet cell is required, except for a saved page (whose
  site name is then its outlet).
* For a table of articles, each row of the table keeps its own outlet and
  date; the manifest's outlet and date apply only to rows that have none.
  The outlet cell may be empty (the table's outlet column, else the file's
  name, is used); a title or URL describes one article and is not used.
* A date is read into an ISO date (:mod:`framing.io.dates`, with the
  caller's ``dayfirst``); one that cannot be read is left empty and listed
  in the notes with the manifest's line.

Every problem with the manifest itself (see :mod:`framing.io.corpus`: a
malformed CSV, a row naming a file outside the folder, a missing file, a
line break in a cell) stops the run with an
:class:`~framing.errors.InputError` naming the manifest and the line.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from framing.errors import InputError
from framing.io.dates import DateNotUnderstood, iso_date
from framing.io.readers import TABLE_FORMATS, Entry, format_of
from framing.io.safe_read import (
    NotReadable,
    bom_encoding,
    decode_text,
    is_folder,
    is_inside,
    read_regular_file,
)

MANIFEST_NAME = "manifest.csv"
#: The largest ``manifest.csv`` read, in bytes.
MAX_MANIFEST_BYTES = 50_000_000
_REQUIRED_COLUMNS = ("file", "outlet")
_OPTIONAL_COLUMNS = ("title", "date", "url")
_BINARY_SNIFF_BYTES = 8192
#: Formats whose manifest row may leave the outlet empty.
_OWN_OUTLET_FORMATS = TABLE_FORMATS | {"html"}


def read_manifest(manifest: Path, *, dayfirst: bool = False) -> tuple[list[Entry], list[str]]:
    """Parse ``manifest.csv``: its entries, and notes on dates it could not read.

    Every problem raises InputError with the line. Each row must name a
    file framing reads that exists inside the manifest's folder (after
    resolving symbolic links).
    """
    folder = manifest.parent
    real_folder = os.path.realpath(folder)
    if os.path.islink(manifest) and not is_inside(real_folder, os.path.realpath(manifest)):
        raise InputError(outside_link(manifest), path=manifest)
    try:
        data = read_regular_file(manifest, MAX_MANIFEST_BYTES, "for a manifest")
    except NotReadable as exc:
        raise InputError(str(exc), path=manifest) from None
    if bom_encoding(data) is None and b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise InputError("looks like a binary file, not CSV", path=manifest)
    text, _ = decode_text(data)
    rows = _rows(csv.reader(io.StringIO(text)), manifest)
    first = next(rows, None)
    if first is None:
        raise InputError("is empty; expected a header line 'file,outlet'", path=manifest)
    columns = {name.strip().lower(): i for i, name in enumerate(first[2])}
    missing = [c for c in _REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise InputError(
            f"header lacks column {', '.join(repr(m) for m in missing)}; "
            f"expected at least 'file,outlet'",
            path=manifest,
            line=1,
        )
    entries: list[Entry] = []
    notes: list[str] = []
    seen: dict[str, int] = {}
    for line, end, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        values = {name: (cells[i].strip() if i < len(cells) else "") for name, i in columns.items()}
        for column in (*_REQUIRED_COLUMNS, *_OPTIONAL_COLUMNS):
            if "\n" in values.get(column, ""):
                raise InputError(
                    f"the {column!r} cell runs on to line {end}; is a quote left unclosed? "
                    f"(a cell may not hold a line break)",
                    path=manifest,
                    line=line,
                )
        file_name, outlet = values["file"], values["outlet"]
        if not file_name:
            raise InputError("empty 'file' cell", path=manifest, line=line)
        path = folder / file_name
        fmt = format_of(path)
        if not outlet and fmt not in _OWN_OUTLET_FORMATS:
            raise InputError(f"empty 'outlet' cell for {file_name!r}", path=manifest, line=line)
        if file_name in seen:
            raise InputError(
                f"{file_name!r} is listed twice (first on line {seen[file_name]})",
                path=manifest,
                line=line,
            )
        seen[file_name] = line
        if not _inside_folder(real_folder, path, file_name):
            lexically_inside = is_inside(path_key(folder), path_key(path))
            how = " (through a symbolic link)" if lexically_inside else ""
            raise InputError(
                f"{file_name!r} is outside the folder {folder}{how}; "
                f"a manifest may only name files in its own folder",
                path=manifest,
                line=line,
            )
        if fmt is None:
            raise InputError(
                f"names {file_name!r}, which is not a file framing reads",
                path=manifest,
                line=line,
            )
        if not os.path.lexists(path):
            raise InputError(f"names {file_name!r}, which does not exist", path=manifest, line=line)
        date = None
        try:
            date = iso_date(values.get("date"), dayfirst=dayfirst)
        except DateNotUnderstood as exc:
            notes.append(f"{manifest}:{line}: {exc}; left empty")
        entries.append(
            Entry(
                path=path,
                format=fmt,
                outlet=outlet or None,
                title=values.get("title") or None,
                date=date,
                url=values.get("url") or None,
            )
        )
    if not entries:
        raise InputError("lists no articles", path=manifest)
    return entries, notes


def _rows(reader: Iterable[list[str]], manifest: Path) -> Iterator[tuple[int, int, list[str]]]:
    """Yield (first line, last line, cells) per row, turning CSV errors into InputError.

    A row that runs over several lines holds a quoted line break; when such
    a row is also invalid, the error names the line it starts on, where an
    unclosed quote usually is.
    """
    iterator = iter(reader)
    end = 0
    while True:
        start = end + 1
        try:
            cells = next(iterator)
        except StopIteration:
            return
        except csv.Error as exc:
            line = getattr(reader, "line_num", start)
            if line > start:
                raise InputError(
                    f"the row starting here runs on to line {line} and is not valid CSV "
                    f"({exc}); is a quote left unclosed?",
                    path=manifest,
                    line=start,
                ) from exc
            raise InputError(f"is not valid CSV ({exc})", path=manifest, line=line) from exc
        end = getattr(reader, "line_num", start)
        yield start, end, cells


def _inside_folder(real_folder: str, path: Path, name: str) -> bool:
    """Whether ``path`` (``name`` in a folder whose real path is ``real_folder``)
    resolves inside that folder, symbolic links followed.

    A plain name that is not a link needs no resolving: most entries.
    """
    plain = name == os.path.basename(name) and name not in ("", ".", "..")
    if plain and not os.path.islink(path):
        return True
    return is_inside(real_folder, os.path.realpath(path))


def outside_link(path: Path) -> str:
    """The reason a link out of its folder is not read."""
    kind = "folder" if is_folder(path) else "file"
    return f"is a symbolic link to a {kind} outside its folder; not read"


def path_key(path: Path) -> str:
    """An absolute, normalised path string to compare files by.

    Cheaper than ``Path.resolve()`` (no system call per path component),
    which matters for folders of many thousands of articles.
    """
    return os.path.normcase(os.path.abspath(path))
