"""Load articles from files and folders into a :class:`~framing.model.Corpus`.

An input is a ``.txt``/``.md`` file or a folder of them. A folder may hold a
``manifest.csv`` with the columns ``file`` and ``outlet`` (required) and
``title``, ``date``, ``url`` (optional; other columns are ignored). Without a
manifest, a file's outlet is its stem.

Problems are handled by who can fix them:

* a path that does not exist, a folder with no articles, or a manifest that
  is malformed or names a missing file stops the run with an
  :class:`~framing.errors.InputError` naming the file (and line);
* one bad article among good ones (empty, binary, unreadable) is skipped and
  recorded as a :class:`~framing.model.SkippedInput`, which the report lists;
  when nothing readable is left, the run stops with the reason;
* text that is not valid UTF-8 is decoded as Windows-1252 (the usual
  culprit in saved web pages), and a note says so.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.errors import InputError
from framing.model import Corpus, Document, SkippedInput

SUPPORTED_SUFFIXES = (".txt", ".md")
MANIFEST_NAME = "manifest.csv"
_REQUIRED_COLUMNS = ("file", "outlet")
_OPTIONAL_COLUMNS = ("title", "date", "url")
_BINARY_SNIFF_BYTES = 8192


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


def load_corpus(paths: Sequence[str | Path], *, name: str | None = None) -> Corpus:
    """Read every article named by ``paths`` (files or folders).

    Parameters
    ----------
    paths:
        Files (``.txt``/``.md``) and folders of them.
    name:
        A name for the corpus (used for default output file names); by
        default the stem of the single input, or ``"corpus"``.

    Raises
    ------
    InputError
        When a path is missing, a folder has no articles, a manifest is
        malformed, or no readable article is left.
    """
    if not paths:
        raise InputError("no input given: pass article files or folders")
    entries: list[_Entry] = []
    skipped: list[SkippedInput] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or folder", path=path)
        if path.is_dir():
            folder_entries, folder_skipped = _folder_entries(path)
            entries.extend(folder_entries)
            skipped.extend(folder_skipped)
        else:
            entries.append(_file_entry(path))

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
            text, note = read_article(entry.path)
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


def read_article(path: Path) -> tuple[str, str | None]:
    """Return a file's text and a note when a fallback decoding was used.

    Raises ``_BadArticle`` for unreadable, binary, empty or blank files.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _BadArticle(f"cannot be read ({exc.strerror or exc})") from exc
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise _BadArticle("looks like a binary file, not text")
    text, note = decode_text(data)
    if not text.strip():
        raise _BadArticle("is empty" if not data else "contains only whitespace")
    return text, note


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode UTF-8 (with or without BOM); fall back to Windows-1252, then Latin-1.

    Line endings are normalised to ``\\n``.
    """
    note = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
            note = f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            note = f"not valid UTF-8 (byte {exc.start}); decoded as Latin-1"
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def _file_entry(path: Path) -> _Entry:
    """An explicitly named file; a manifest beside it may supply its metadata."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"not a {' or '.join(SUPPORTED_SUFFIXES)} file; pass article text files or a folder",
            path=path,
        )
    manifest = path.parent / MANIFEST_NAME
    if manifest.is_file():
        for entry in _read_manifest(manifest):
            if _path_key(entry.path) == _path_key(path):
                return entry
    return _Entry(path=path, outlet=path.stem)


def _folder_entries(folder: Path) -> tuple[list[_Entry], list[SkippedInput]]:
    """Entries for a folder: from its manifest when present, else every article file."""
    candidates = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name != MANIFEST_NAME
    )
    articles = [p for p in candidates if p.suffix.lower() in SUPPORTED_SUFFIXES]
    skipped = [
        SkippedInput(str(p), f"not a {' or '.join(SUPPORTED_SUFFIXES)} file")
        for p in candidates
        if p.suffix.lower() not in SUPPORTED_SUFFIXES
    ]
    manifest = folder / MANIFEST_NAME
    if manifest.is_file():
        entries = _read_manifest(manifest)
        listed = {_path_key(e.path) for e in entries}
        skipped.extend(
            SkippedInput(str(p), f"not listed in {manifest}")
            for p in articles
            if _path_key(p) not in listed
        )
        return entries, skipped
    if not articles:
        raise InputError(
            f"folder has no {' or '.join(SUPPORTED_SUFFIXES)} files to analyse", path=folder
        )
    return [_Entry(path=p, outlet=p.stem) for p in articles], skipped


def _read_manifest(manifest: Path) -> list[_Entry]:
    """Parse ``manifest.csv``; every problem raises InputError with the line."""
    try:
        data = manifest.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=manifest) from exc
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise InputError("looks like a binary file, not CSV", path=manifest)
    text, _ = decode_text(data)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("is empty; expected a header line 'file,outlet'", path=manifest) from None
    except csv.Error as exc:
        raise InputError(f"is not valid CSV ({exc})", path=manifest, line=1) from exc
    columns = {name.strip().lower(): i for i, name in enumerate(header)}
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
    for row in _rows(reader, manifest):
        line, cells = row
        if not any(c.strip() for c in cells):
            continue
        values = {name: (cells[i].strip() if i < len(cells) else "") for name, i in columns.items()}
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
        path = manifest.parent / file_name
        if not path.is_file():
            raise InputError(f"names {file_name!r}, which does not exist", path=manifest, line=line)
        optional = {c: (values.get(c) or None) for c in _OPTIONAL_COLUMNS}
        entries.append(_Entry(path=path, outlet=outlet, **optional))
    if not entries:
        raise InputError("lists no articles", path=manifest)
    return entries


def _rows(reader: Iterable[list[str]], manifest: Path) -> Iterable[tuple[int, list[str]]]:
    """Yield (line number, cells) for the data rows, turning CSV errors into InputError."""
    iterator = iter(reader)
    while True:
        try:
            cells = next(iterator)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(
                f"is not valid CSV ({exc})", path=manifest, line=getattr(reader, "line_num", None)
            ) from exc
        yield getattr(reader, "line_num", 0), cells


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
