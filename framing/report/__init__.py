"""Views of an :class:`~framing.model.Analysis`: the HTML report and the JSON export.

``render_*`` return text; ``write_*`` write files atomically.
"""

from __future__ import annotations

from pathlib import Path

from framing.io.files import write_text_atomic, write_texts_atomic
from framing.model import Analysis
from framing.report.export import SCHEMA_VERSION, build_json, render_json
from framing.report.render import render_html
from framing.report.tables import (
    TABLE_FORMATS,
    TABLE_NAMES,
    TableWriter,
    render_parquet_tables,
    render_tables,
    table_names,
)

__all__ = [
    "SCHEMA_VERSION",
    "TABLE_FORMATS",
    "TABLE_NAMES",
    "TableWriter",
    "build_json",
    "render_html",
    "render_json",
    "render_parquet_tables",
    "render_tables",
    "table_names",
    "write_html",
    "write_json",
    "write_tables",
]


def write_html(
    analysis: Analysis, path: str | Path, *, classroom: bool = False, title: str | None = None
) -> Path:
    """Render the HTML report and write it atomically to ``path``."""
    return write_text_atomic(path, render_html(analysis, classroom=classroom, title=title))


def write_json(analysis: Analysis, path: str | Path) -> Path:
    """Write the JSON export atomically to ``path``."""
    return write_text_atomic(path, render_json(analysis))


def write_tables(
    analysis: Analysis, folder: str | Path, *, table_format: str = "csv"
) -> list[Path]:
    """Write the tables (``table_names(table_format)``) into ``folder``, as a set.

    ``table_format="parquet"`` writes Parquet files (needs pyarrow:
    ``framing[parquet]``); read them with ``pandas.read_parquet``.
    """
    folder = Path(folder)
    table_names(table_format)  # an unknown format is refused before anything is rendered
    rendered: dict[str, str] | dict[str, bytes]
    if table_format == "parquet":
        rendered = render_parquet_tables(analysis)
    else:
        rendered = render_tables(analysis)
    return write_texts_atomic({folder / n: content for n, content in rendered.items()})
