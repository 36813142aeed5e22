"""Read a coding sheet: sentences coded by hand, per frame (docs/validation.md).

The sheet is a CSV (UTF-8, a BOM allowed) with a header row:

* ``text`` (required): one sentence a row;
* ``document``, ``outlet``, ``part``, ``coder`` (optional): rows of one
  document, in file order, are each other's context, as in an article;
  several coders give one row per sentence and coder;
* ``id``, ``notes``, ``comment``, ``comments``, ``url``, ``date``, ``title``,
  ``position`` (optional, ignored): room for a project's own bookkeeping;
* every other column is a frame id of the lexicon set, holding ``support``,
  ``weak``, ``deny`` or ``none`` (empty means none; case and surrounding
  spaces do not matter).

A column that is neither metadata nor a frame of the lexicon set is an error
naming it (a misspelt frame id would otherwise be silently ignored); a frame
of the set with no column is allowed and reported as uncoded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from framing.errors import InputError
from framing.model.coding import CODES, NONE, CodedRow, CodingSheet

#: Columns with a meaning of their own.
META_COLUMNS = ("text", "document", "outlet", "part", "coder")
#: Columns allowed for bookkeeping, and ignored.
IGNORED_COLUMNS = ("id", "notes", "comment", "comments", "url", "date", "title", "position")


def load_coding_sheet(path: str | Path, *, frames: Sequence[str]) -> CodingSheet:
    """Read the coding sheet at ``path`` for a lexicon set with frame ids ``frames``.

    Raises
    ------
    InputError
        When the file cannot be read or decoded, has no ``text`` column, has a
        column that is not a frame of the set, holds an unknown code or an
        empty text (file and line), or has no rows.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder, not a coding sheet (a .csv file)", path=path) from None
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            "not UTF-8 text (save the sheet as UTF-8 CSV)", path=path, line=line
        ) from None
    if "\x00" in text:
        raise InputError("not a text file (binary content)", path=path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError("empty coding sheet: no header row", path=path)
        columns = _columns(header, frames, path)
        rows = []
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            rows.append(_row(record, columns, path, reader.line_num))
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=path, line=reader.line_num) from None
    if not rows:
        raise InputError("empty coding sheet: a header but no rows", path=path)
    coded = tuple(f for f in frames if f in columns)
    return CodingSheet(source=str(path), rows=tuple(rows), frames=coded)


def _columns(header: list[str], frames: Sequence[str], path: Path) -> dict[str, int]:
    """Column name -> index, for the meta and frame columns; unknown columns are errors."""
    names = [h.strip().lower() if h.strip().lower() in META_COLUMNS else h.strip() for h in header]
    if "text" not in names:
        found = ", ".join(repr(h) for h in header) or "none"
        raise InputError(f"no 'text' column (columns: {found})", path=path, line=1)
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in columns:
            raise InputError(f"column {name!r} appears twice in the header", path=path, line=1)
        if name.lower() in IGNORED_COLUMNS or (not name and index == len(names) - 1):
            continue
        if name not in META_COLUMNS and name not in frames:
            known = ", ".join(frames) or "none"
            raise InputError(
                f"column {name!r} is not a frame of the lexicon set (its frames: {known}); "
                "rename or remove it",
                path=path,
                line=1,
            )
        columns[name] = index
    return columns


def _row(record: list[str], columns: dict[str, int], path: Path, line: int) -> CodedRow:
    def cell(name: str) -> str | None:
        index = columns.get(name)
        if index is None or index >= len(record):
            return None
        value = record[index].strip()
        return value or None

    text = cell("text")
    if text is None:
        raise InputError("empty text", path=path, line=line)
    codes: dict[str, str] = {}
    for name in columns:
        if name in META_COLUMNS:
            continue
        value = (cell(name) or NONE).lower()
        if value not in CODES:
            expected = ", ".join(CODES)
            raise InputError(
                f"column {name!r}: unknown code {value!r} (expected {expected}, or empty)",
                path=path,
                line=line,
            )
        codes[name] = value
    return CodedRow(
        line=line,
        text=text,
        document=cell("document"),
        outlet=cell("outlet"),
        part=cell("part"),
        coder=cell("coder"),
        codes=codes,
    )
