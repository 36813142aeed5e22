"""What every foreign format shares: collecting categories and terms into frames.

The format modules (:mod:`~framing.lexicons.formats.dic`, ``dicx``, ``lc3``,
``yaml_dict``, ``txt``) only split a file into categories and term strings
with their lines; :class:`Collector` applies the rules common to all formats
(see :mod:`framing.lexicons.importers`) and builds the :class:`ImportResult`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from framing.errors import LexiconError
from framing.lexicons.terms import DEFAULT_COLOURS, DEFAULT_NEGATION_CUES, parse_term
from framing.model import Frame, LexiconSet, Term


@dataclass(frozen=True)
class ImportResult:
    """An imported dictionary and the non-fatal problems found in it.

    Each warning reads ``path:line: message``, like a
    :class:`~framing.errors.LexiconError`, and says what was done about it.
    """

    lexicons: LexiconSet
    warnings: tuple[str, ...]


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them (only \\n, \\r\\n and \\r end a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --------------------------------------------------------------------------
# Collecting categories and terms (shared by every format)
# --------------------------------------------------------------------------


@dataclass
class Category:
    """A category as it is read: its name, the line naming it, its terms so far."""

    name: str
    line: int
    terms: list[Term] = field(default_factory=list)
    #: Tokens of each term already in the category -> that term, to find repeats.
    seen: dict[tuple[str, ...], Term] = field(default_factory=dict)


class Collector:
    """Gathers one file's categories and terms, checks them, and builds the result.

    The format parsers only split the file into categories and term strings
    with their lines; the rules that every format shares (term syntax,
    repeated terms, empty categories, frame ids and colours, message form)
    live here once.
    """

    def __init__(self, path: Path, format_name: str) -> None:
        self.path = path
        self.format_name = format_name
        self.categories: list[Category] = []
        self._by_name: dict[str, Category] = {}
        self._warnings: list[tuple[int, str]] = []
        #: Whether frame descriptions name the category (not for one-frame word lists).
        self.describe_categories = True

    def error(self, line: int | None, message: str) -> LexiconError:
        """An error about this file (the caller raises it)."""
        return LexiconError(message, path=self.path, line=line)

    def warn(self, line: int, message: str) -> None:
        """Record a non-fatal problem at ``line``."""
        self._warnings.append((line, message))

    def category(self, name: str, line: int, *, merge: bool = False) -> Category:
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
        category = Category(name=name, line=line)
        self.categories.append(category)
        self._by_name.setdefault(name, category)
        return category

    def term(self, text: str, line: int) -> Term:
        """Parse a term as written, or raise an error naming it."""
        if "?" in text:
            raise self.error(
                line,
                f"term {text!r} uses the glob '?', which is not supported: "
                "a '*' may only end a word",
            )
        try:
            return parse_term(text, line=line)
        except ValueError as exc:
            raise self.error(
                line,
                f"{exc} (a term is a word or phrase; a '*' may only end a word)",
            ) from exc

    def add(self, category: Category, term: Term) -> None:
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
        kept: list[Category] = []
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
        colours = DEFAULT_COLOURS
        frames = tuple(
            self._frame(category, frame_id, colours[index % len(colours)])
            for index, (category, frame_id) in enumerate(zip(kept, ids, strict=True))
        )
        lexicons = LexiconSet(
            name=self.path.stem,
            frames=frames,
            source=str(self.path),
            negation_cues=DEFAULT_NEGATION_CUES,
        )
        ordered = sorted(self._warnings, key=lambda w: w[0])
        where = str(self.path)
        return ImportResult(
            lexicons=lexicons,
            warnings=tuple(f"{where}:{line}: {message}" for line, message in ordered),
        )

    def _frame(self, category: Category, frame_id: str, colour: str) -> Frame:
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
