"""Import the field's dictionary formats as frame lexicons, and write them as TOML frames.

Researchers keep their dictionaries in a handful of formats. :func:`import_lexicon`
turns one dictionary file into a :class:`~framing.model.LexiconSet` with one
frame per category, so that an existing dictionary can be compared across
outlets without retyping it; :func:`write_lexicon_set` saves the result as a
folder of the project's TOML frame files, to be read, edited and versioned
like any hand-made lexicon.

Supported formats, chosen by the file's extension (case does not matter):

``.dic`` -- LIWC (as used by the Moral Foundations Dictionary 2.0)
    A header between two ``%`` lines maps category numbers to names, one
    ``number<TAB>name`` line each (spaces are accepted too; leading zeros do
    not matter, so ``01`` is ``1``). Each following line is an entry: a word
    or phrase (it may end in ``*``) and one or more category numbers,
    separated by tabs or spaces. When a line has a tab, everything before
    the first tab is the word, so phrases may contain spaces. LIWC2007's
    conditional markup is not supported, because framing matches terms
    without looking at their neighbours: a category that is conditional on
    the neighbouring words (``like  (02 134)1  2``, ``<of>131/125``) is
    ignored and the entry keeps its plain categories (``2`` here); an entry
    with free-standing markup (``kind (of) 3``) or only conditional
    categories is skipped. Either way a warning names the line and says
    what was done.

``.dicx`` -- LIWC-22
    CSV: the first row is a header (the term column, e.g. ``DicTerm``, then
    one column per category); each further row is a term with ``X`` (any
    case) in the columns of its categories. A UTF-8 byte order mark is
    accepted. Weighted LIWC-22 dictionaries (numbers in the cells) are not
    supported: any cell other than blank or ``X`` is an error.

``.lc3`` -- Lexicoder
    A line ``+name`` starts a category; the lines after it, up to the next
    ``+`` line, are its terms (words or phrases, optionally ending in ``*``).
    Blank lines are ignored. A category that appears twice is merged (with a
    warning).

``.yml`` / ``.yaml`` -- YAML, in quanteda's dictionary style
    A mapping from category names to lists of terms; nested mappings are
    flattened, so ``economy: {positive: [...]}`` gives the category
    ``economy.positive``. Terms are read as written: YAML 1.1 would turn
    ``no``, ``yes`` or ``on`` into booleans and ``911`` into a number, but
    in a dictionary they are words. The file is only composed into YAML
    nodes (with the safe loader), never constructed into Python objects,
    so a YAML file cannot run code; the nodes also give each error its line.
    Needs PyYAML, imported only when a YAML file is read.

``.txt`` -- a plain word list
    One term per line; blank lines, lines starting with ``#`` and comments
    after `` #`` are ignored. The whole file is one frame named after the
    file's stem.

``.toml`` (and a folder) -- framing's own format
    Loaded by :func:`framing.lexicons.load.load_lexicons`, with no warnings.

Rules common to all formats:

- Every term goes through :func:`framing.lexicons.load.parse_term`, so a term is a
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
  written, and whose colour comes from :data:`framing.lexicons.load.DEFAULT_COLOURS`
  in category order. Frames and terms keep the file's order, and the same
  file always gives the same frames, warnings and TOML.
- Files are read as UTF-8 (a byte order mark is accepted); anything else is
  an error giving the byte offset of the first bad byte.

Errors are :class:`~framing.errors.LexiconError` s reading ``path:line:
message``; warnings are strings in the same form, returned in
:attr:`ImportResult.warnings` in line order.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import LexiconError
from framing.model import Frame, LexiconSet, Term

if TYPE_CHECKING:
    import yaml

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

_FRAME_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class ImportResult:
    """An imported dictionary and the non-fatal problems found in it.

    Each warning reads ``path:line: message``, like a
    :class:`~framing.errors.LexiconError`, and says what was done about it.
    """

    lexicons: LexiconSet
    warnings: tuple[str, ...]


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def import_lexicon(path: str | Path) -> ImportResult:
    """Import a dictionary file as a lexicon set, one frame per category.

    The format is chosen by the file's extension (see :data:`SUPPORTED_FORMATS`).
    A ``.toml`` frame file or a folder of them is loaded with
    :func:`framing.lexicons.load.load_lexicons`. Raises
    :class:`~framing.errors.LexiconError` naming the file and line of the
    first problem that makes the dictionary unusable.
    """
    path = Path(path)
    if not path.exists():
        raise LexiconError("no such dictionary file", path=path)
    suffix = path.suffix.lower()
    if path.is_dir() or suffix == ".toml":
        from framing.lexicons.load import load_lexicons

        return ImportResult(lexicons=load_lexicons(path), warnings=())
    importer = _IMPORTERS.get(suffix)
    if importer is None:
        shown = f"'{suffix}'" if suffix else "(no extension)"
        raise LexiconError(
            f"unsupported dictionary format {shown}; supported: {supported_formats_text()}",
            path=path,
        )
    text = _read_text(path)
    collector = _Collector(path, SUPPORTED_FORMATS[suffix])
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


def _lines(text: str) -> list[str]:
    """Lines as an editor numbers them (only \\n, \\r\\n and \\r end a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --------------------------------------------------------------------------
# Collecting categories and terms (shared by every format)
# --------------------------------------------------------------------------


@dataclass
class _Category:
    """A category as it is read: its name, the line naming it, its terms so far."""

    name: str
    line: int
    terms: list[Term] = field(default_factory=list)
    #: Tokens of each term already in the category -> that term, to find repeats.
    seen: dict[tuple[str, ...], Term] = field(default_factory=dict)


class _Collector:
    """Gathers one file's categories and terms, checks them, and builds the result.

    The format parsers only split the file into categories and term strings
    with their lines; the rules that every format shares (term syntax,
    repeated terms, empty categories, frame ids and colours, message form)
    live here once.
    """

    def __init__(self, path: Path, format_name: str) -> None:
        # Imported here, not at the top, so that framing.lexicons.load may import this
        # module at its own top without a circular import.
        from framing.lexicons import load as lexicon

        self._lexicon = lexicon
        self.path = path
        self.format_name = format_name
        self.categories: list[_Category] = []
        self._by_name: dict[str, _Category] = {}
        self._warnings: list[tuple[int, str]] = []
        #: Whether frame descriptions name the category (not for one-frame word lists).
        self.describe_categories = True

    def error(self, line: int | None, message: str) -> LexiconError:
        """An error about this file (the caller raises it)."""
        return LexiconError(message, path=self.path, line=line)

    def warn(self, line: int, message: str) -> None:
        """Record a non-fatal problem at ``line``."""
        self._warnings.append((line, message))

    def category(self, name: str, line: int, *, merge: bool = False) -> _Category:
        """Start a category; with ``merge``, a name seen before continues that category."""
        earlier = self._by_name.get(name)
        if earlier is not None and merge:
            self.warn(
                line,
                f"category {name!r} appears again (first on line {earlier.line}); "
                "its terms were added to it",
            )
            return earlier
        if earlier is not None:
            self.warn(
                line,
                f"category name {name!r} is used twice (also on line {earlier.line}); "
                "both were imported, as frames with different ids",
            )
        category = _Category(name=name, line=line)
        self.categories.append(category)
        self._by_name.setdefault(name, category)
        return category

    def term(self, text: str, line: int) -> Term:
        """Parse a term as written, or raise an error naming it."""
        if "?" in text:
            raise self.error(
                line,
                f"term {text!r} uses the glob '?', which is not supported: "
                "only a trailing '*' wildcard is supported",
            )
        try:
            return self._lexicon.parse_term(text, line=line)
        except ValueError as exc:
            raise self.error(
                line,
                f"{exc} (a term is a word or phrase; only a trailing '*' wildcard is supported)",
            ) from exc

    def add(self, category: _Category, term: Term) -> None:
        """Add a term to a category, keeping only the first of repeated terms."""
        earlier = category.seen.get(term.tokens)
        if earlier is not None:
            self.warn(
                term.line or category.line,
                f"term {term.text!r} repeats {earlier.text!r} (line {earlier.line}) "
                f"in category {category.name!r}; kept the first",
            )
            return
        category.seen[term.tokens] = term
        category.terms.append(term)

    def result(self) -> ImportResult:
        """The lexicon set (empty categories dropped) and the warnings, in line order."""
        kept: list[_Category] = []
        for category in self.categories:
            if category.terms:
                kept.append(category)
            else:
                self.warn(
                    category.line,
                    f"category {category.name!r} has no terms; dropped it "
                    "(an empty frame cannot be used)",
                )
        if not kept:
            raise self.error(None, "no category has any terms, so there is nothing to import")
        ids = _unique_ids(c.name for c in kept)
        colours = self._lexicon.DEFAULT_COLOURS
        frames = tuple(
            self._frame(category, frame_id, colours[index % len(colours)])
            for index, (category, frame_id) in enumerate(zip(kept, ids, strict=True))
        )
        lexicons = LexiconSet(
            name=self.path.stem,
            frames=frames,
            source=str(self.path),
            negation_cues=self._lexicon.DEFAULT_NEGATION_CUES,
        )
        ordered = sorted(self._warnings, key=lambda w: w[0])
        where = str(self.path)
        return ImportResult(
            lexicons=lexicons,
            warnings=tuple(f"{where}:{line}: {message}" for line, message in ordered),
        )

    def _frame(self, category: _Category, frame_id: str, colour: str) -> Frame:
        description = f"Imported from {self.path.name} ({self.format_name})"
        if self.describe_categories:
            description += f", category '{category.name}'"
        return Frame(
            id=frame_id,
            label=category.name,
            description=description + ".",
            colour=colour,
            terms=tuple(category.terms),
            source=str(self.path),
        )


def _slug(name: str) -> str:
    """A frame id for a category name: ``Care.Virtue`` -> ``care_virtue``.

    Accents are dropped (``Fürsorge`` -> ``fursorge``), anything else that is
    not an ASCII letter or digit becomes ``_``; a name with nothing left
    becomes ``category``, and a leading digit gets ``c_`` before it.
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    ascii_name = folded.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_") or "category"
    return f"c_{slug}" if slug[0].isdigit() else slug


def _unique_ids(names: Iterable[str]) -> list[str]:
    """Slugs of ``names``, in order, made unique with ``_2``, ``_3`` …."""
    used: set[str] = set()
    ids: list[str] = []
    for name in names:
        base = _slug(name)
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}_{number}", number + 1
        used.add(candidate)
        ids.append(candidate)
    return ids


# --------------------------------------------------------------------------
# LIWC .dic
# --------------------------------------------------------------------------

_DIC_HEADER_RE = re.compile(r"^(\d+)\s+(\S.*)$")
#: One field of an entry's category part: a bracketed group with what is glued
#: to it ("(02 134)1", "<of>131/125"), or a run of non-space characters.
_DIC_FIELD_RE = re.compile(r"\([^()]*\)\S*|<[^<>]*>\S*|\S+")
_DIC_NUMBER_RE = re.compile(r"^\d+$")
_DIC_CONDITIONAL_RE = re.compile(r"^(?:\([^()]*\)|<[^<>]*>)\d+(?:/\d+)*$")
_DIC_MARKUP_RE = re.compile(r"\([^()]*\)|<[^<>]*>")


def _import_dic(text: str, collector: _Collector) -> None:
    """Read a LIWC .dic: the ``%`` header of numbered categories, then the entries."""
    lines = _lines(text)
    end, categories = _dic_header(lines, collector)
    for index in range(end + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped:
            _dic_entry(stripped, index + 1, categories, collector)


def _dic_header(lines: list[str], collector: _Collector) -> tuple[int, dict[int, _Category]]:
    """Parse the header; return the index of its closing ``%`` line and the categories."""
    start = next(i for i, line in enumerate(lines) if line.strip())
    if lines[start].strip() != "%":
        raise collector.error(
            start + 1,
            "expected a '%' line opening the category header "
            f"('number<TAB>name' lines between two '%' lines), found {lines[start].strip()!r}",
        )
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "%"), None)
    if end is None:
        raise collector.error(
            start + 1, "the category header opened here is never closed by a '%' line"
        )
    categories: dict[int, _Category] = {}
    for index in range(start + 1, end):
        stripped = lines[index].strip()
        if not stripped:
            continue
        found = _DIC_HEADER_RE.match(stripped)
        if found is None:
            raise collector.error(
                index + 1,
                f"expected a header line 'number<TAB>name' (e.g. '1\\tcare.virtue'), "
                f"found {stripped!r}",
            )
        number, name = int(found.group(1)), found.group(2).strip()
        if number in categories:
            raise collector.error(
                index + 1,
                f"category number {number} is defined twice "
                f"(first on line {categories[number].line})",
            )
        categories[number] = collector.category(name, index + 1)
    if not categories:
        raise collector.error(end + 1, "the category header defines no categories")
    return end, categories


def _dic_split(line: str) -> tuple[str, list[str]]:
    """Split an entry into its word (or phrase) and its category fields.

    With a tab, the word is everything before the first tab. Without one,
    the word is what precedes the trailing run of category-like fields, so
    ``safe place 1 3`` is the phrase ``safe place`` in categories 1 and 3.
    """
    if "\t" in line:
        word, _, rest = line.partition("\t")
        return word.strip(), _DIC_FIELD_RE.findall(rest)
    fields = _DIC_FIELD_RE.findall(line)
    split = len(fields)
    while split > 1 and _is_dic_category_field(fields[split - 1]):
        split -= 1
    return " ".join(fields[:split]), fields[split:]


def _is_dic_category_field(text: str) -> bool:
    """A category number, a conditional category, or a free-standing markup group."""
    return bool(
        _DIC_NUMBER_RE.match(text)
        or _DIC_CONDITIONAL_RE.match(text)
        or _DIC_MARKUP_RE.fullmatch(text)
    )


def _dic_entry(
    line_text: str, line: int, categories: dict[int, _Category], collector: _Collector
) -> None:
    """Add one entry's word to each of its categories (or skip legacy markup, with a warning)."""
    word, fields = _dic_split(line_text)
    if not fields:
        raise collector.error(
            line,
            f"entry {word!r} has no category; expected the word followed by one or "
            "more category numbers from the header",
        )
    numbers: list[int] = []
    conditional: list[str] = []
    free_markup = _DIC_MARKUP_RE.findall(word)
    for item in fields:
        if _DIC_NUMBER_RE.match(item):
            numbers.append(int(item))
        elif _DIC_CONDITIONAL_RE.match(item):
            conditional.append(item)
        elif _DIC_MARKUP_RE.fullmatch(item):
            free_markup.append(item)
        else:
            raise collector.error(
                line, f"entry {word!r}: expected category numbers after the word, found {item!r}"
            )
    if free_markup or (conditional and not numbers):
        _warn_skipped_markup(line_text, line, free_markup, conditional, collector)
        return
    undefined = [n for n in numbers if n not in categories]
    if undefined:
        raise collector.error(
            line,
            f"entry {word!r} names category {undefined[0]}, which the header does not define "
            f"(defined: {', '.join(str(n) for n in categories)})",
        )
    if conditional:
        names = ", ".join(f"{n} ({categories[n].name})" for n in numbers)
        collector.warn(
            line,
            f"entry {word!r} has LIWC2007 conditional categories {' '.join(conditional)}, "
            f"which framing cannot express; imported it into its plain categories only: {names}",
        )
    term = collector.term(word, line)
    for number in numbers:
        collector.add(categories[number], term)


def _warn_skipped_markup(
    line_text: str,
    line: int,
    free_markup: list[str],
    conditional: list[str],
    collector: _Collector,
) -> None:
    """Warn that an entry with LIWC2007 markup was skipped, and why."""
    if free_markup:
        reason = (
            f"its markup {' '.join(free_markup)} makes it depend on neighbouring words, "
            "and it is unclear which word or phrase it stands for"
        )
    else:
        reason = f"all its categories are conditional ({' '.join(conditional)})"
    shown = " ".join(line_text.split())
    collector.warn(
        line,
        f"skipped entry {shown!r}: {reason}; framing cannot express LIWC2007 conditional markup",
    )


# --------------------------------------------------------------------------
# LIWC-22 .dicx
# --------------------------------------------------------------------------


def _import_dicx(text: str, collector: _Collector) -> None:
    """Read a LIWC-22 .dicx: a CSV of terms against category columns marked ``X``."""
    rows = _csv_rows(text, collector)
    if not rows:
        raise collector.error(1, "no header row: expected e.g. 'DicTerm,care,fairness'")
    header_line, header = rows[0]
    categories = _dicx_header(header, header_line, collector)
    for line, row in rows[1:]:
        _dicx_row(row, line, header, categories, collector)


def _csv_rows(text: str, collector: _Collector) -> list[tuple[int, list[str]]]:
    """The CSV's non-blank rows, each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as exc:
            raise collector.error(reader.line_num or start, f"CSV error: {exc}") from exc
        if any(cell.strip() for cell in row):
            rows.append((start, [cell.strip() for cell in row]))


def _dicx_header(header: list[str], line: int, collector: _Collector) -> list[_Category]:
    """The categories named by the header row (every column after the term column)."""
    names = header[1:]
    if any(name.lower() == "x" for name in names):
        raise collector.error(
            line,
            "no header row: the first row holds X marks; expected the term column's name "
            "and one name per category (e.g. 'DicTerm,care,fairness')",
        )
    if not names:
        raise collector.error(
            line,
            "no category columns: expected the term column followed by one column per "
            "category (e.g. 'DicTerm,care,fairness')",
        )
    for column, name in enumerate(names, start=2):
        if not name:
            raise collector.error(line, f"column {column} of the header has no category name")
    return [collector.category(name, line) for name in names]


def _dicx_row(
    row: list[str],
    line: int,
    header: list[str],
    categories: list[_Category],
    collector: _Collector,
) -> None:
    """Add one row's term to the categories whose cell is ``X``."""
    if len(row) != len(header):
        raise collector.error(
            line,
            f"row has {len(row)} cells but the header has {len(header)}; expected the term "
            "followed by one cell (X or blank) per category",
        )
    marked: list[_Category] = []
    for column, (cell, category) in enumerate(zip(row[1:], categories, strict=True), start=2):
        if cell.lower() == "x":
            marked.append(category)
        elif cell:
            weighted = " (weighted dictionaries are not supported)" if _is_number(cell) else ""
            raise collector.error(
                line,
                f"cell {cell!r} in column {column} ({category.name!r}) must be X or blank"
                + weighted,
            )
    if not row[0]:
        raise collector.error(line, "row has X marks but no term in its first cell")
    if not marked:
        collector.warn(line, f"term {row[0]!r} is marked in no category; skipped it")
        return
    term = collector.term(row[0], line)
    for category in marked:
        collector.add(category, term)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------
# Lexicoder .lc3
# --------------------------------------------------------------------------


def _import_lc3(text: str, collector: _Collector) -> None:
    """Read a Lexicoder .lc3: ``+category`` lines, each followed by its terms."""
    category: _Category | None = None
    for number, raw in enumerate(_lines(text), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith("+"):
            name = stripped[1:].strip()
            if not name:
                raise collector.error(number, "a category line needs a name after '+'")
            category = collector.category(name, number, merge=True)
        elif category is None:
            raise collector.error(
                number,
                f"term {stripped!r} comes before any category; expected a '+category' line "
                "first (e.g. '+positive')",
            )
        else:
            collector.add(category, collector.term(stripped, number))


# --------------------------------------------------------------------------
# YAML (quanteda dictionaries)
# --------------------------------------------------------------------------

_YAML_NULL = "tag:yaml.org,2002:null"


def _import_yaml(text: str, collector: _Collector) -> None:
    """Read a quanteda-style YAML dictionary: category -> list of terms, nesting flattened."""
    yaml = _yaml_module(collector)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = ": ".join(part for part in (exc.context, exc.problem) if part)
        raise collector.error(
            mark.line + 1 if mark else None, f"YAML syntax error: {problem or exc}"
        ) from exc
    except yaml.YAMLError as exc:
        raise collector.error(None, f"YAML error: {exc}") from exc
    if root is None:
        raise collector.error(None, "has no categories (the YAML document is empty)")
    if not isinstance(root, yaml.MappingNode):
        raise collector.error(
            _node_line(root),
            f"expected a mapping of category names to lists of terms at the top level, "
            f"found {_node_kind(root, yaml)}",
        )
    _yaml_mapping(root, "", {}, collector, yaml)


def _yaml_module(collector: _Collector) -> Any:
    """PyYAML, imported only when a YAML dictionary is read."""
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - PyYAML is a dependency
        raise collector.error(
            None, "reading YAML dictionaries needs PyYAML (pip install pyyaml)"
        ) from exc
    return yaml


def _yaml_mapping(
    node: yaml.MappingNode,
    prefix: str,
    seen: dict[str, int],
    collector: _Collector,
    yaml: Any,
) -> None:
    """Add the categories of one mapping; nested mappings become ``parent.child``."""
    for key, value in node.value:
        line = _node_line(key)
        if not isinstance(key, yaml.ScalarNode) or not key.value.strip():
            raise collector.error(line, "a category name must be plain, non-empty text")
        name = f"{prefix}.{key.value.strip()}" if prefix else key.value.strip()
        if name in seen:
            raise collector.error(
                line, f"category {name!r} is defined twice (first on line {seen[name]})"
            )
        seen[name] = line
        if isinstance(value, yaml.MappingNode) and value.value:
            _yaml_mapping(value, name, seen, collector, yaml)
        elif isinstance(value, yaml.SequenceNode):
            _yaml_terms(value, collector.category(name, line), collector, yaml)
        elif _is_empty_yaml(value, yaml):
            collector.category(name, line)  # dropped, with a warning, as an empty category
        else:
            raise collector.error(
                _node_line(value),
                f"category {name!r} must be a list of terms ('- term' lines), "
                f"found {_node_kind(value, yaml)}",
            )


def _yaml_terms(
    node: yaml.SequenceNode, category: _Category, collector: _Collector, yaml: Any
) -> None:
    """Add a YAML list's items, read as written, to a category."""
    for item in node.value:
        line = _node_line(item)
        if not isinstance(item, yaml.ScalarNode) or _is_blank_yaml(item):
            raise collector.error(
                line,
                f"each term of category {category.name!r} must be a string, "
                f"found {_node_kind(item, yaml)}",
            )
        collector.add(category, collector.term(item.value, line))


def _is_empty_yaml(node: yaml.Node, yaml: Any) -> bool:
    """A null value (``care:`` with nothing after it) or an empty mapping."""
    if isinstance(node, yaml.MappingNode):
        return not node.value
    return isinstance(node, yaml.ScalarNode) and node.tag == _YAML_NULL


def _is_blank_yaml(node: yaml.ScalarNode) -> bool:
    """An item with nothing in it (``-`` or ``- ~``); ``- null`` is the word "null"."""
    return node.tag == _YAML_NULL and node.value in ("", "~")


def _node_line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _node_kind(node: yaml.Node, yaml: Any) -> str:
    """How a node is described in messages: 'a list', 'a mapping', 'the text 'x''."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if node.tag == _YAML_NULL:
        return "nothing"
    return f"the single value {node.value!r}"


# --------------------------------------------------------------------------
# Plain word lists
# --------------------------------------------------------------------------

_INLINE_COMMENT_RE = re.compile(r"\s#.*$")


def _import_txt(text: str, collector: _Collector) -> None:
    """Read a word list: one term per line, ``#`` comments; one frame named after the file."""
    collector.describe_categories = False
    category = collector.category(collector.path.stem, 1)
    for number, raw in enumerate(_lines(text), start=1):
        stripped = _INLINE_COMMENT_RE.sub("", raw).strip()
        if stripped and not stripped.startswith("#"):
            collector.add(category, collector.term(stripped, number))
    if not category.terms:
        raise collector.error(None, "has no terms (only blank lines and # comments)")


_IMPORTERS: dict[str, Callable[[str, _Collector], None]] = {
    ".dic": _import_dic,
    ".dicx": _import_dicx,
    ".lc3": _import_lc3,
    ".yml": _import_yaml,
    ".yaml": _import_yaml,
    ".txt": _import_txt,
}


# --------------------------------------------------------------------------
# Writing TOML frames
# --------------------------------------------------------------------------

_TOML_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def render_frame_toml(frame: Frame) -> str:
    """A frame as a TOML frame file that :func:`framing.lexicons.load.load_frame` reads back.

    One key per line, one term per line, a weight only where it is not 1,
    and a header comment naming the file the frame came from, so the file
    reads like a hand-made one and diffs well. The same frame always gives
    the same text.
    """
    lines = [
        f"# Frame '{_comment_text(frame.label)}', converted by framing from",
        f"#   {_comment_text(frame.source)}",
        '# Edit freely: see "Lexicon format" in the README.',
        f"id = {_toml_string(frame.id)}",
        f"label = {_toml_string(frame.label)}",
        f"description = {_toml_string(frame.description)}",
        f"colour = {_toml_string(frame.colour)}",
        "terms = [",
    ]
    lines.extend(f"    {_toml_term(term)}," for term in frame.terms)
    lines.append("]")
    return "\n".join(lines) + "\n"


def _toml_term(term: Term) -> str:
    if term.weight == 1:
        return _toml_string(term.text)
    return f"{{ term = {_toml_string(term.text)}, weight = {term.weight!r} }}"


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out: list[str] = []
    for char in text:
        escaped = _TOML_ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _comment_text(text: str) -> str:
    """Text safe inside a TOML comment: no line breaks or other control characters."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def write_lexicon_set(
    lexicons: LexiconSet, folder: str | Path, *, overwrite: bool = False
) -> list[Path]:
    """Write each frame to ``folder/<frame id>.toml``; return the paths in frame order.

    Refuses, before writing anything, when a file to write already exists
    (unless ``overwrite``), so that an import never clobbers a hand-edited
    lexicon. Each file is written atomically. Raises
    :class:`~framing.errors.LexiconError` for an existing file, a frame id
    that cannot be a file name, or two frames with one id.
    """
    from framing.io.files import write_text_atomic

    folder = Path(folder)
    targets: list[tuple[Path, Frame]] = []
    seen: set[str] = set()
    for frame in lexicons.frames:
        if not _FRAME_ID_RE.match(frame.id):
            raise LexiconError(
                f"frame id {frame.id!r} must be lower case letters, digits and _ "
                "(starting with a letter) to name a frame file",
                path=frame.source,
            )
        if frame.id in seen:
            raise LexiconError(f"two frames have the id {frame.id!r}", path=lexicons.source)
        seen.add(frame.id)
        targets.append((folder / f"{frame.id}.toml", frame))
    existing = [path for path, _ in targets if path.exists()]
    if existing and not overwrite:
        more = f" (and {len(existing) - 1} more of the files to write)" if len(existing) > 1 else ""
        raise LexiconError(
            f"already exists{more}; refusing to overwrite existing frame files", path=existing[0]
        )
    return [write_text_atomic(path, render_frame_toml(frame)) for path, frame in targets]
