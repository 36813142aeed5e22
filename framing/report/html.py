"""The HTML report under its original import path.

The report is built by :mod:`framing.report.render` from one view module per
section (see its docstring); this module re-exports the names that code and
notebooks import from ``framing.report.html``, so those imports keep working.
New code imports from the module that defines a name.
"""

from __future__ import annotations

from framing.report.audit import AUDIT_SPANS_SHOWN, audit_view
from framing.report.common import (
    EvidenceView,
    Segment,
    Table,
    evidence_view,
    highlight_segments,
    term_tip,
)
from framing.report.format import format_pct, safe_colour
from framing.report.render import (
    PLOTLY_BUNDLE,
    PLOTLY_SHA256,
    PLOTLY_VERSION,
    build_context,
    plotly_js,
    render_html,
    script_safe,
)

__all__ = [
    "AUDIT_SPANS_SHOWN",
    "PLOTLY_BUNDLE",
    "PLOTLY_SHA256",
    "PLOTLY_VERSION",
    "EvidenceView",
    "Segment",
    "Table",
    "audit_view",
    "build_context",
    "evidence_view",
    "format_pct",
    "highlight_segments",
    "plotly_js",
    "render_html",
    "safe_colour",
    "script_safe",
    "term_tip",
]
