"""Options of ``framing report`` defined apart from the command (framing/cli/app.py).

The input formats, the columns of a table of articles, the periods of
"Over time" and the format of ``--tables``. Each choice is named here, so
that ``framing --help`` imports no reader or writer; tests keep them equal
to the library's lists.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class InputFormat(StrEnum):
    """``--format``: framing.io.readers.formats.FORMATS, named here so that
    ``framing --help`` does not import the readers (a test keeps them equal)."""

    text = "text"
    html = "html"
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"
    parquet = "parquet"


TextColumn = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="The column (or JSON field) holding each article's text; default: found by "
        "its common names (docs/inputs.md).",
        show_default=False,
    ),
]
OutletColumn = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="The column (or JSON field) holding each article's outlet; default: found by "
        "its common names (docs/inputs.md).",
        show_default=False,
    ),
]
DateColumn = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="The column (or JSON field) holding each article's date; default: found by "
        "its common names (docs/inputs.md).",
        show_default=False,
    ),
]
TitleColumn = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="The column (or JSON field) holding each article's title; default: found by "
        "its common names (docs/inputs.md).",
        show_default=False,
    ),
]
UrlColumn = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="The column (or JSON field) holding each article's URL; default: found by "
        "its common names (docs/inputs.md).",
        show_default=False,
    ),
]
IdColumn = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="The column (or JSON field) holding each article's id; default: found by "
        "its common names (docs/inputs.md).",
        show_default=False,
    ),
]


class By(StrEnum):
    """``--by``: the periods of the "Over time" section (framing.model.time.PERIODS, or none)."""

    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    none = "none"


class TableFormat(StrEnum):
    """``--table-format``: framing.report.tables.TABLE_FORMATS (a test keeps them equal)."""

    csv = "csv"
    parquet = "parquet"


TableFormatOption = Annotated[
    TableFormat,
    typer.Option(
        "--table-format",
        help="The format of the --tables files: csv, or parquet (typed columns, for pandas, "
        "R or DuckDB; needs pip install 'framing[parquet]'). Chosen, never guessed, so a "
        "command writes the same files on every machine.",
    ),
]
