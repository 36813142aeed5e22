"""Which reader reads a file: by the end of its name, or by an explicit format.

* ``text``: one article as plain text: ``.txt``, ``.md``;
* ``html``: one saved web page: ``.html``, ``.htm``;
* ``csv``: a table of articles, one a row, under a header: ``.csv``;
* ``tsv``: the same, separated by tabs: ``.tsv``, ``.tab``;
* ``jsonl``: JSON Lines, one JSON object (one article) a line: ``.jsonl``,
  ``.ndjson``;
* ``parquet``: a Parquet table of articles, one a row: ``.parquet``.

CSV, TSV and JSON Lines files may be compressed with gzip (``.csv.gz``,
``.jsonl.gz``, …); the readers recognise gzip by its content.
"""

from __future__ import annotations

from pathlib import Path

FORMATS = ("text", "html", "csv", "tsv", "jsonl", "parquet")
#: Formats of files that hold many articles, one a row or line.
TABLE_FORMATS = frozenset({"csv", "tsv", "jsonl", "parquet"})
#: Formats that may be read from standard input (``-``).
STDIN_FORMATS = ("jsonl", "csv", "tsv")
STDIN = "-"

_BY_SUFFIX = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
_GZIPPED = frozenset({"csv", "tsv", "jsonl"})
_ALIASES = {"txt": "text", "md": "text", "htm": "html", "ndjson": "jsonl", "tab": "tsv"}
#: What the files framing reads are called, for messages.
SUPPORTED_TEXT = (
    ".txt or .md files, saved pages (.html, .htm) or tables of articles "
    "(.csv, .tsv, .jsonl, .ndjson, .parquet; the first four also gzipped, .gz)"
)
#: Hints for files often mistaken for ones framing reads.
_HINTS = {
    ".xlsx": "save the sheet as CSV (UTF-8) first",
    ".xls": "save the sheet as CSV (UTF-8) first",
    ".ods": "save the sheet as CSV (UTF-8) first",
    ".json": "JSON Lines files (one object a line) end in .jsonl",
}


def format_of(path: Path) -> str | None:
    """The format of ``path`` by the end of its name; ``None`` when framing does not read it.

    >>> format_of(Path("stories.csv.gz")), format_of(Path("page.HTM")), format_of(Path("a.pdf"))
    ('csv', 'html', None)
    """
    name = path.name.lower()
    if name.endswith(".gz"):
        inner = _BY_SUFFIX.get(Path(name[:-3]).suffix)
        return inner if inner in _GZIPPED else None
    return _BY_SUFFIX.get(Path(name).suffix)


def check_format(name: str) -> str:
    """The format called ``name`` (case and the aliases ``txt``, ``md``, ``htm``,
    ``ndjson``, ``tab`` allowed); ``ValueError`` listing the formats otherwise."""
    key = name.strip().lower().lstrip(".")
    key = _ALIASES.get(key, key)
    if key not in FORMATS:
        raise ValueError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}")
    return key


def not_supported(path: Path) -> str:
    """The reason a file is not read, with a hint for the usual mix-ups."""
    hint = _HINTS.get(path.suffix.lower())
    return "not a file framing reads" + (f" ({hint})" if hint else "")


def file_stem(path: Path) -> str:
    """The name of ``path`` without its extension (and without ``.gz``): its default outlet.

    >>> file_stem(Path("a/stories.csv.gz")), file_stem(Path(STDIN))
    ('stories', 'stdin')
    """
    if str(path) == STDIN:
        return "stdin"
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem
