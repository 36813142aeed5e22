"""Load articles from files and folders into a :class:`~framing.model.Corpus`.

An input is a ``.txt``/``.md`` file or a folder of them. A folder may hold a
``manifest.csv`` with the columns ``file`` and ``outlet`` (required) and
``title``, ``date``, ``url`` (optional; other columns are ignored). Without a
manifest, a file's outlet is its stem.

Problems are handled by who can fix them:

* a path that does not exist, a folder with no articles, or a manifest that
  is malformed or names a missing file stops the run with an
  :class:`~framing.errors.InputError` naming the file (and line);
* one bad article among good ones (empty, binary, unreadable, too large, not
  a regular file) is skipped and recorded as a
  :class:`~framing.model.SkippedInput`, which the report lists; when nothing
  readable is left, the run stops with the reason;
* text that is not valid UTF-8 is decoded as Windows-1252 (the usual
  culprit in saved web pages), and a note says so. UTF-16 and UTF-32 files
  that start with a byte-order mark are decoded as such.

Folders sent by strangers
-------------------------
Users open folders they did not make, so reading one must not leak other
files into a report, hang, or exhaust memory:

* A folder is a boundary. A symbolic link is followed only when its real
  path (``os.path.realpath``, every link resolved) lies inside the real path
  of the folder that holds it. A manifest row that leads outside its folder
  (``../../etc/passwd``, an absolute path, or a link pointing out) is an
  error naming the manifest and its line; a link out of a folder that is
  found in the folder, or named on the command line (as a shell pattern
  such as ``folder/*.txt`` would name it), is skipped and listed, never
  read. To analyse a file kept elsewhere, name the file itself.
* Only regular files are opened (see :mod:`framing.io.safe_read`): a FIFO,
  socket or device, also behind a link, is skipped and listed unopened.
* A document may be at most :data:`MAX_DOCUMENT_BYTES` (the ``max_bytes``
  argument of :func:`load_corpus`), checked before and enforced while
  reading; a larger one is skipped and listed. A manifest may be at most
  :data:`MAX_MANIFEST_BYTES`.
* Nothing is dropped silently: every entry of a folder is read or listed as
  skipped with its reason (another file type, not in the manifest, a link
  loop, a link to a missing file, a FIFO, a folder named like an article),
  except hidden entries (names starting with ``.``) and subfolders, which
  are never read.
* A line break inside a manifest's ``file``, ``outlet``, ``title``,
  ``date`` or ``url`` cell is an error naming the line the row starts on:
  it almost always means an unclosed quote that swallowed the rows after
  it. Otherwise the CSV is read leniently, as :mod:`csv` reads it by
  default (a stray quote inside a cell is not an error).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.errors import InputError
from framing.io.safe_read import (
    NotReadable,
    bom_encoding,
    decode_text,
    is_folder,
    is_inside,
    read_regular_file,
)
from framing.model import Corpus, Document, SkippedInput

SUPPORTED_SUFFIXES = (".txt", ".md")
MANIFEST_NAME = "manifest.csv"
#: The largest article read, in bytes of file size (5 MB: far above any news
#: article, far below what would strain memory).
MAX_DOCUMENT_BYTES = 5_000_000
#: The largest ``manifest.csv`` read, in bytes.
MAX_MANIFEST_BYTES = 50_000_000
_REQUIRED_COLUMNS = ("file", "outlet")
_OPTIONAL_COLUMNS = ("title", "date", "url")
_BINARY_SNIFF_BYTES = 8192
_SUFFIXES_TEXT = " or ".join(SUPPORTED_SUFFIXES)


@dataclass(frozen=True)
class _Entry:
    """A file to read and the metadata it should carry."""

    path: Path
    outlet: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


class _BadArticle(Exception):
    """An article that cannot be used; becomes a SkippedInput."""


def load_corpus(
    paths: Sequence[str | Path],
    *,
    name: str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Corpus:
    """Read every article named by ``paths`` (files or folders).

    Parameters
    ----------
    paths:
        Files (``.txt``/``.md``) and folders of them.
    name:
        A name for the corpus (used for default output file names); by
        default the stem of the single input, or ``"corpus"``.
    max_bytes:
        The largest article read, in bytes; a larger one is skipped and
        listed. Defaults to :data:`MAX_DOCUMENT_BYTES` (5 MB).

    Raises
    ------
    InputError
        When a path is missing, a folder has no articles, a manifest is
        malformed or names a file outside its folder, or no readable article
        is left.
    """
    if not paths:
        raise InputError("no input given: pass article files or folders")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be at least 1, not {max_bytes}")
    entries: list[_Entry] = []
    skipped: list[SkippedInput] = []
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            raise InputError("no such file or folder", path=path)
        if path.is_dir():
            if _links_out(path):
                skipped.append(SkippedInput(str(path), _outside_link(path)))
                continue
            folder_entries, folder_skipped = _folder_entries(path)
            entries.extend(folder_entries)
            skipped.extend(folder_skipped)
        else:
            entry = _file_entry(path)
            if _links_out(path):
                skipped.append(SkippedInput(str(path), _outside_link(path)))
                continue
            entries.append(entry)

    documents: list[Document] = []
    notes: list[str] = []
    seen_paths: set[str] = set()
    used_ids: set[str] = set()
    for entry in entries:
        resolved = _path_key(entry.path)
        if resolved in seen_paths:
            skipped.append(SkippedInput(str(entry.path), "given more than once; read once"))
            continue
        seen_paths.add(resolved)
        try:
            text, note = read_article(entry.path, max_bytes=max_bytes)
        except _BadArticle as exc:
            skipped.append(SkippedInput(str(entry.path), str(exc)))
            continue
        if note:
            notes.append(f"{entry.path}: {note}")
        doc_id = _unique_id(entry.path, used_ids)
        documents.append(
            Document(
                id=doc_id,
                outlet=entry.outlet,
                text=text,
                source=str(entry.path),
                title=entry.title,
                date=entry.date,
                url=entry.url,
            )
        )

    if not documents:
        if len(skipped) == 1:
            only = skipped[0]
            raise InputError(only.reason, path=only.source)
        first = f" (first: {skipped[0].source}: {skipped[0].reason})" if skipped else ""
        raise InputError(f"no readable article among {len(skipped)} inputs{first}")
    if name is None:
        name = Path(paths[0]).stem if len(paths) == 1 else "corpus"
    return Corpus(
        documents=tuple(documents),
        skipped=tuple(skipped),
        notes=tuple(notes),
        name=name or "corpus",
    )


def read_article(path: Path, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> tuple[str, str | None]:
    """Return a file's text and a note when a fallback decoding was used.

    Raises ``_BadArticle`` for files that are not regular files, larger than
    ``max_bytes``, unreadable, binary, empty or blank; only a regular file
    is ever opened.
    """
    try:
        data = read_regular_file(path, max_bytes, "per document")
    except NotReadable as exc:
        raise _BadArticle(str(exc)) from None
    bom = bom_encoding(data)
    if bom is None and b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise _BadArticle("looks like a binary file, not text")
    text, note = decode_text(data)
    if bom is not None and "\x00" in text[:_BINARY_SNIFF_BYTES]:
        raise _BadArticle("looks like a binary file, not text")
    if not text.strip():
        raise _BadArticle("is empty" if not text else "contains only whitespace")
    return text, note


def _file_entry(path: Path) -> _Entry:
    """An explicitly named file; a manifest beside it may supply its metadata."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"not a {_SUFFIXES_TEXT} file; pass article text files or a folder",
            path=path,
        )
    manifest = path.parent / MANIFEST_NAME
    if os.path.lexists(manifest):
        for entry in _read_manifest(manifest):
            if _path_key(entry.path) == _path_key(path):
                return entry
    return _Entry(path=path, outlet=path.stem)


def _folder_entries(folder: Path) -> tuple[list[_Entry], list[SkippedInput]]:
    """Entries for a folder: from its manifest when present, else every article file.

    Every entry but hidden ones, the manifest and subfolders is either an
    article or listed as skipped; nothing is opened here.
    """
    real_folder = os.path.realpath(folder)
    try:
        with os.scandir(folder) as listing:
            names = sorted(
                (e.name, e.is_symlink())
                for e in listing
                if not e.name.startswith(".") and e.name != MANIFEST_NAME
            )
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=folder) from exc
    articles: list[Path] = []
    skipped: list[SkippedInput] = []
    for entry_name, is_link in names:
        path = folder / entry_name
        supported = path.suffix.lower() in SUPPORTED_SUFFIXES
        if is_link and not is_inside(real_folder, os.path.realpath(path)):
            skipped.append(SkippedInput(str(path), _outside_link(path)))
        elif is_folder(path):
            if supported:
                skipped.append(SkippedInput(str(path), "is a folder, not a file"))
        elif supported:
            articles.append(path)
        else:
            skipped.append(SkippedInput(str(path), f"not a {_SUFFIXES_TEXT} file"))
    manifest = folder / MANIFEST_NAME
    if os.path.lexists(manifest):
        entries = _read_manifest(manifest)
        listed = {_path_key(e.path) for e in entries}
        skipped.extend(
            SkippedInput(str(p), f"not listed in {manifest}")
            for p in articles
            if _path_key(p) not in listed
        )
        return entries, skipped
    if not articles:
        raise InputError(f"folder has no {_SUFFIXES_TEXT} files to analyse", path=folder)
    return [_Entry(path=p, outlet=p.stem) for p in articles], skipped


def _links_out(path: Path) -> bool:
    """Whether ``path`` is a symbolic link leading out of the folder that holds it."""
    return os.path.islink(path) and not is_inside(
        os.path.realpath(path.parent), os.path.realpath(path)
    )


def _outside_link(path: Path) -> str:
    """The reason a link out of its folder is not read."""
    kind = "folder" if is_folder(path) else "file"
    return f"is a symbolic link to a {kind} outside its folder; not read"


def _read_manifest(manifest: Path) -> list[_Entry]:
    """Parse ``manifest.csv``; every problem raises InputError with the line.

    Each row must name a ``.txt``/``.md`` file that exists inside the
    manifest's folder (after resolving symbolic links).
    """
    folder = manifest.parent
    real_folder = os.path.realpath(folder)
    if os.path.islink(manifest) and not is_inside(real_folder, os.path.realpath(manifest)):
        raise InputError(_outside_link(manifest), path=manifest)
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
    entries: list[_Entry] = []
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
        if not outlet:
            raise InputError(f"empty 'outlet' cell for {file_name!r}", path=manifest, line=line)
        if file_name in seen:
            raise InputError(
                f"{file_name!r} is listed twice (first on line {seen[file_name]})",
                path=manifest,
                line=line,
            )
        seen[file_name] = line
        path = folder / file_name
        if not _inside_folder(real_folder, path, file_name):
            lexically_inside = is_inside(_path_key(folder), _path_key(path))
            how = " (through a symbolic link)" if lexically_inside else ""
            raise InputError(
                f"{file_name!r} is outside the folder {folder}{how}; "
                f"a manifest may only name files in its own folder",
                path=manifest,
                line=line,
            )
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise InputError(
                f"names {file_name!r}, which is not a {_SUFFIXES_TEXT} file",
                path=manifest,
                line=line,
            )
        if not os.path.lexists(path):
            raise InputError(f"names {file_name!r}, which does not exist", path=manifest, line=line)
        optional = {c: (values.get(c) or None) for c in _OPTIONAL_COLUMNS}
        entries.append(_Entry(path=path, outlet=outlet, **optional))
    if not entries:
        raise InputError("lists no articles", path=manifest)
    return entries


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


def _path_key(path: Path) -> str:
    """An absolute, normalised path string to compare files by.

    Cheaper than ``Path.resolve()`` (no system call per path component),
    which matters for folders of many thousands of articles.
    """
    return os.path.normcase(os.path.abspath(path))


def _unique_id(path: Path, used: set[str]) -> str:
    """The file's stem, suffixed with -2, -3, … when another document has it."""
    base = path.stem
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate
