"""Views of an :class:`~framing.model.Analysis`: the HTML report and the JSON export.

``render_*`` return text; ``write_*`` write files atomically.
"""

from __future__ import annotations

from pathlib import Path

from framing.io.files import write_text_atomic
from framing.model import Analysis
from framing.report.export import SCHEMA_VERSION, build_json, render_json
from framing.report.render import render_html

__all__ = [
    "SCHEMA_VERSION",
    "build_json",
    "render_html",
    "render_json",
    "write_html",
    "write_json",
]


def write_html(analysis: Analysis, path: str | Path, *, classroom: bool = False) -> Path:
    """Render the HTML report and write it atomically to ``path``."""
    return write_text_atomic(path, render_html(analysis, classroom=classroom))


def write_json(analysis: Analysis, path: str | Path) -> Path:
    """Write the JSON export atomically to ``path``."""
    return write_text_atomic(path, render_json(analysis))
