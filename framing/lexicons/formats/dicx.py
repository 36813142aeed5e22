"""LIWC-22 ``.dicx`` dictionaries.

CSV: the first row is a header (the term column, e.g. ``DicTerm``, then
one column per category); each further row is a term with ``X`` (any
case) in the columns of its categories. A UTF-8 byte order mark is
accepted. Weighted LIWC-22 dictionaries (numbers in the cells) are not
supported: any cell other than blank or ``X`` is an error.

Read by :func:`import_dicx` into a :class:`~framing.lexicons.formats.collect.Collector`.
"""

from __future__ import annotations

import csv
import io

from framing.lexicons.formats.collect import Category, Collector


def import_dicx(text: str, collector: Collector) -> None:
    """Read a LIWC-22 .dicx: a CSV of terms against category columns marked ``X``."""
    rows = _csv_rows(text, collector)
    if not rows:
        raise collector.error(1, "no header row: expected e.g. 'DicTerm,care,fairness'")
    header_line, header = rows[0]
    categories = _dicx_header(header, header_line, collector)
    for line, row in rows[1:]:
        _dicx_row(row, line, header, categories, collector)


def _csv_rows(text: str, collector: Collector) -> list[tuple[int, list[str]]]:
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


def _dicx_header(header: list[str], line: int, collector: Collector) -> list[Category]:
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
    categories: list[Category],
    collector: Collector,
) -> None:
    """Add one row's term to the categories whose cell is ``X``."""
    if len(row) != len(header):
        raise collector.error(
            line,
            f"row has {len(row)} cells but the header has {len(header)}; expected the term "
            "followed by one cell (X or blank) per category",
        )
    marked: list[Category] = []
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
