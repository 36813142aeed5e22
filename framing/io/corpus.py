"""Load articles from files, folders and standard input into a :class:`~framing.model.Corpus`.

An input is an article (``.txt``, ``.md``, a saved web page ``.html``/``.htm``),
a table of articles (``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``, ``.parquet``;
the first four also gzipped, ``.csv.gz``), ``-`` for JSON Lines (or, with
``format="csv"``/``"tsv"``, CSV or TSV) on standard input, or a folder of any
of these, which may mix them. The format follows the end of a file's name;
``format=`` (the CLI's ``--format``) sets it for the files and ``-`` named in
``paths``, while files found in folders or named by manifests are always
read by their names. Each format has its reader in :mod:`framing.io.readers`
(docs/inputs.md describes them all, with the column names a table may use).

A folder may hold a ``manifest.csv`` with the columns ``file`` and ``outlet``
(required) and ``title``, ``date``, ``url`` (optional; other columns are
ignored); see :mod:`framing.io.manifest`. Without a manifest, a file's
outlet is its stem (a saved page's is its site's name; a table's rows carry
their own, see :mod:`framing.io.readers.rows`). Dates, from manifests and
from every reader, become ISO dates ``YYYY-MM-DD`` (:mod:`framing.io.dates`);
``dayfirst=`` reads ``03/10/2022`` as 3 October, and a date that cannot be
read is left empty and listed in the notes.

Problems are handled by who can fix them:

* a path that does not exist, a folder with no articles, or a manifest that
  is malformed or names a missing file stops the run with an
  :class:`~framing.errors.InputError` naming the file (and line);
* one bad article among good ones (empty, binary, unreadable, too large, not
  a regular file; a row with empty text; a page with no article; a line of
  invalid JSON) is skipped and recorded as a
  :class:`~framing.model.SkippedInput`, with its line or row for a table
  (``stories.csv:1042``), which the report lists; so is a table that cannot
  be read (no text column: the entry lists its columns), or whose rest
  cannot be read (a quote left unclosed); when nothing readable is left,
  the run stops with the reason;
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
  reading; a larger one is skipped and listed. In a table the limit holds
  for each row's text; a table is read as a stream (a line, or a batch of
  rows, at a time), never whole, and a line may be at most four times the
  limit. A saved page may be ten times the limit (its scripts and styles
  are not text). A manifest may be at most :data:`MAX_MANIFEST_BYTES`.
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

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from framing.errors import InputError
from framing.io.manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    outside_link,
    path_key,
    read_manifest,
)
from framing.io.readers import (
    STDIN,
    STDIN_FORMATS,
    SUPPORTED_TEXT,
    BadFile,
    Entry,
    Note,
    ReadOptions,
    check_format,
    file_stem,
    format_of,
    not_supported,
    read_entry,
)
from framing.io.safe_read import decode_text, is_folder, is_inside
from framing.model import Corpus, Document, SkippedInput

__all__ = [
    "MANIFEST_NAME",
    "MAX_DOCUMENT_BYTES",
    "MAX_MANIFEST_BYTES",
    "CorpusStream",
    "decode_text",
    "load_corpus",
    "stream_corpus",
]

#: Why a file named twice is read once.
REPEATED = "given more than once; read once"
#: How often (in documents read) loading reports its progress.
PROGRESS_EVERY = 200
#: The largest article read, in bytes of file size (5 MB: far above any news
#: article, far below what would strain memory); for a table, of each row's text.
MAX_DOCUMENT_BYTES = 5_000_000


def load_corpus(
    paths: Sequence[str | Path],
    *,
    name: str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    format: str | None = None,
    dayfirst: bool = False,
    text_column: str | None = None,
    outlet_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    url_column: str | None = None,
    id_column: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Corpus:
    """Read every article named by ``paths`` (files, folders, ``-``).

    Parameters
    ----------
    paths:
        Articles (``.txt``, ``.md``, ``.html``, ``.htm``), tables of articles
        (``.csv``, ``.tsv``, ``.jsonl``, ``.ndjson``, ``.parquet``, the first
        four also ``.gz``), folders of them, and ``-`` for standard input.
    name:
        A name for the corpus (used for default output file names); by
        default the stem of the single input, or ``"corpus"``.
    max_bytes:
        The largest article read, in bytes; a larger one (a file, or a
        table row's text) is skipped and listed. Defaults to
        :data:`MAX_DOCUMENT_BYTES` (5 MB).
    format:
        Read the files and ``-`` named in ``paths`` as this format
        (``text``, ``html``, ``csv``, ``tsv``, ``jsonl``, ``parquet``),
        whatever their names; files in folders are read by their names.
        Default: by name, and JSON Lines for ``-``. The CLI's ``--format``.
    dayfirst:
        Read an ambiguous date such as ``03/10/2022`` as day first (3
        October) rather than month first (10 March). The CLI's ``--dayfirst``.
    text_column, outlet_column, date_column, title_column, url_column, id_column:
        The name of a table's column (or JSON field) holding each article's
        text, outlet, date, title, URL and id, compared case-insensitively;
        by default found by the usual names (docs/inputs.md). The CLI's
        ``--text-column`` and so on.
    progress:
        Called with the number of articles read so far, every
        :data:`PROGRESS_EVERY` articles and at the end.

    Raises
    ------
    InputError
        When a path is missing, a folder has no articles, a manifest is
        malformed or names a file outside its folder, reading Parquet needs
        pyarrow, or no readable article is left.
    ValueError
        For a ``max_bytes`` below 1 or an unknown ``format``.
    """
    stream = stream_corpus(
        paths,
        name=name,
        max_bytes=max_bytes,
        format=format,
        dayfirst=dayfirst,
        text_column=text_column,
        outlet_column=outlet_column,
        date_column=date_column,
        title_column=title_column,
        url_column=url_column,
        id_column=id_column,
    )
    documents: list[Document] = []
    for document in stream:
        documents.append(document)
        if progress is not None and len(documents) % PROGRESS_EVERY == 0:
            progress(len(documents))
    if progress is not None:
        progress(len(documents))
    return Corpus(
        documents=tuple(documents),
        skipped=tuple(stream.skipped),
        notes=tuple(stream.notes),
        name=stream.name,
    )


class CorpusStream:
    """The articles named by some paths, read one at a time as they are iterated over.

    Made by :func:`stream_corpus`. Iterating yields each
    :class:`~framing.model.Document` in the order :func:`load_corpus` would
    hold them, reading each file or table row only when it is asked for, so
    a corpus of any size passes through in a bounded amount of memory.
    ``skipped`` and ``notes`` grow as inputs are read and are complete once
    the iteration ends; ``name`` is known from the start. The paths are
    checked when the stream is made (a missing path, a folder without
    articles and a malformed manifest are errors then); when the iteration
    ends without a readable article it raises the
    :class:`~framing.errors.InputError` that :func:`load_corpus` raises. A
    stream can be iterated over once.
    """

    def __init__(
        self,
        entries: list[Entry],
        *,
        options: ReadOptions,
        skipped: list[SkippedInput],
        notes: list[str],
        name: str,
    ) -> None:
        self.name = name
        self.skipped = skipped
        self.notes = notes
        self.n_documents = 0
        self._entries = entries
        self._options = options
        self._started = False

    def __iter__(self) -> Iterator[Document]:
        if self._started:
            raise RuntimeError("a corpus stream can be read only once")
        self._started = True
        seen_paths: set[str] = set()
        used_ids: set[str] = set()
        for entry in self._entries:
            resolved = STDIN if entry.is_stdin else path_key(entry.path)
            if resolved in seen_paths:
                self.skipped.append(SkippedInput(entry.display, REPEATED))
                continue
            seen_paths.add(resolved)
            try:
                for item in read_entry(entry, self._options):
                    if isinstance(item, Document):
                        if item.id in used_ids:
                            item = replace(item, id=unique_id(item.id, used_ids))
                        used_ids.add(item.id)
                        self.n_documents += 1
                        yield item
                    elif isinstance(item, Note):
                        self.notes.append(item.text)
                    else:
                        self.skipped.append(item)
            except BadFile as exc:
                source = entry.display if exc.line is None else f"{entry.display}:{exc.line}"
                self.skipped.append(SkippedInput(source, exc.reason))
        if not self.n_documents:
            raise no_readable_article(self.skipped)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The files to read, in order (a file named twice is read once, see iterating)."""
        return tuple(self._entries)

    @property
    def options(self) -> ReadOptions:
        """How the files are read."""
        return self._options


def no_readable_article(skipped: Sequence[SkippedInput]) -> InputError:
    """The error for a corpus without a readable article, given what was skipped."""
    if len(skipped) == 1:
        only = skipped[0]
        return InputError(only.reason, path=only.source)
    first = f" (first: {skipped[0].source}: {skipped[0].reason})" if skipped else ""
    return InputError(f"no readable article among {len(skipped)} inputs{first}")


def stream_corpus(
    paths: Sequence[str | Path],
    *,
    name: str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    format: str | None = None,
    dayfirst: bool = False,
    text_column: str | None = None,
    outlet_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    url_column: str | None = None,
    id_column: str | None = None,
) -> CorpusStream:
    """The articles named by ``paths``, to be read one at a time (see :class:`CorpusStream`).

    Takes the parameters of :func:`load_corpus` (but ``progress``) and
    raises the same errors, those about the articles themselves when the
    stream is read.
    """
    if not paths:
        raise InputError("no input given: pass article files or folders")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be at least 1, not {max_bytes}")
    explicit = None if format is None else check_format(format)
    options = ReadOptions(
        max_bytes=max_bytes,
        dayfirst=dayfirst,
        text_column=text_column,
        outlet_column=outlet_column,
        date_column=date_column,
        title_column=title_column,
        url_column=url_column,
        id_column=id_column,
    )
    entries: list[Entry] = []
    skipped: list[SkippedInput] = []
    notes: list[str] = []
    for raw in paths:
        path = Path(raw)
        if str(raw) == STDIN:
            entries.append(_stdin_entry(explicit))
        elif not os.path.lexists(path):
            raise InputError("no such file or folder", path=path)
        elif path.is_dir():
            if _links_out(path):
                skipped.append(SkippedInput(str(path), outside_link(path)))
                continue
            folder_entries, folder_skipped, folder_notes = _folder_entries(path, dayfirst)
            entries.extend(folder_entries)
            skipped.extend(folder_skipped)
            notes.extend(folder_notes)
        else:
            entry, entry_notes = _file_entry(path, explicit, dayfirst)
            if _links_out(path):
                skipped.append(SkippedInput(str(path), outside_link(path)))
                continue
            entries.append(entry)
            notes.extend(entry_notes)
    if name is None:
        name = file_stem(Path(paths[0])) if len(paths) == 1 else "corpus"
    return CorpusStream(
        entries, options=options, skipped=skipped, notes=notes, name=name or "corpus"
    )


def _stdin_entry(explicit: str | None) -> Entry:
    """Standard input: JSON Lines unless ``format`` says CSV or TSV."""
    fmt = explicit or "jsonl"
    if fmt not in STDIN_FORMATS:
        raise InputError(
            f"standard input is read as {', '.join(STDIN_FORMATS)}, not {fmt}; "
            "name the file instead",
            path=STDIN,
        )
    return Entry(path=Path(STDIN), format=fmt)


def _file_entry(path: Path, explicit: str | None, dayfirst: bool) -> tuple[Entry, list[str]]:
    """An explicitly named file; a manifest beside it may supply its metadata."""
    if path.name == MANIFEST_NAME and explicit is None:
        raise InputError("is a manifest; pass the folder that holds it", path=path)
    fmt = explicit or format_of(path)
    if fmt is None:
        raise InputError(
            f"{not_supported(path)}; pass {SUPPORTED_TEXT}, a folder of them, "
            "or name the format with --format",
            path=path,
        )
    manifest = path.parent / MANIFEST_NAME
    if os.path.lexists(manifest):
        entries, notes = read_manifest(manifest, dayfirst=dayfirst)
        for entry in entries:
            if path_key(entry.path) == path_key(path):
                return replace(entry, format=fmt), notes
    return Entry(path=path, format=fmt), []


def _folder_entries(
    folder: Path, dayfirst: bool
) -> tuple[list[Entry], list[SkippedInput], list[str]]:
    """Entries for a folder, from its manifest when present, else every file framing reads;
    the entries skipped; notes on the manifest's dates.

    Every entry but hidden ones, the manifest and subfolders is either read
    or listed as skipped; nothing is opened here.
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
    articles: list[Entry] = []
    skipped: list[SkippedInput] = []
    for entry_name, is_link in names:
        path = folder / entry_name
        fmt = format_of(path)
        if is_link and not is_inside(real_folder, os.path.realpath(path)):
            skipped.append(SkippedInput(str(path), outside_link(path)))
        elif is_folder(path):
            if fmt is not None:
                skipped.append(SkippedInput(str(path), "is a folder, not a file"))
        elif fmt is not None:
            articles.append(Entry(path=path, format=fmt))
        else:
            skipped.append(SkippedInput(str(path), not_supported(path)))
    manifest = folder / MANIFEST_NAME
    if os.path.lexists(manifest):
        entries, notes = read_manifest(manifest, dayfirst=dayfirst)
        listed = {path_key(e.path) for e in entries}
        skipped.extend(
            SkippedInput(str(e.path), f"not listed in {manifest}")
            for e in articles
            if path_key(e.path) not in listed
        )
        return entries, skipped, notes
    if not articles:
        raise InputError(
            "folder has no articles to analyse: no .txt or .md files, saved pages "
            "(.html, .htm) or tables of articles (.csv, .tsv, .jsonl, .ndjson, .parquet)",
            path=folder,
        )
    return articles, skipped, []


def _links_out(path: Path) -> bool:
    """Whether ``path`` is a symbolic link leading out of the folder that holds it."""
    return os.path.islink(path) and not is_inside(
        os.path.realpath(path.parent), os.path.realpath(path)
    )


def unique_id(base: str, used: set[str]) -> str:
    """``base``, suffixed with -2, -3, … when another document has it."""
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
