"""Render one :class:`~framing.model.Analysis` as a single, self-contained HTML file.

The report is a *view*: every number in it is read from the ``Analysis`` and
only formatted here. One view module per section (:mod:`~framing.report.summary`,
:mod:`~framing.report.charts`, :mod:`~framing.report.explorer`,
:mod:`~framing.report.over_time`, :mod:`~framing.report.divergence`,
:mod:`~framing.report.depth`,
:mod:`~framing.report.vocabulary`, :mod:`~framing.report.audit`,
:mod:`~framing.report.method`, :mod:`~framing.report.classroom`) builds small,
plain view models (strings, tuples and frozen dataclasses); this module hands
them to Jinja2 templates in ``framing/report/templates``; the templates decide
the markup.

Safety rules that every view module follows, because article text, titles,
outlet names, file names and lexicon labels are all untrusted:

* the Jinja environment autoescapes everything; no input-derived value is
  ever marked safe;
* data reaches JavaScript only as ``{{ payload | tojson }}`` inside a
  ``<script type="application/json">`` element, which the inline chart script
  reads with ``JSON.parse``;
* text handed to plotly (axis labels, trace names) is HTML-escaped first,
  because plotly renders a subset of HTML in labels;
* CSS colours from lexicon files are checked against a strict pattern before
  they reach a ``style`` attribute.

The only markup marked safe is plotly.js, embedded once so the report works
offline and from ``file://``: the *cartesian* bundle of plotly.js (heatmaps,
bars and the other 2-D traces), shipped in ``framing/report/vendor`` from the
npm package ``plotly.js-cartesian-dist-min``. At 1.5 MB instead of the full
bundle's 4.8 MB it makes the report a third of the size and lets a browser
draw the charts about twice as fast (docs/benchmarks.md).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from framing.model import Analysis
from framing.model.coding import Evaluation
from framing.report.audit import audit_view
from framing.report.charts import chart_views
from framing.report.classroom import classroom_view
from framing.report.common import documents_by_id, term_tip
from framing.report.depth import holds_up_view, log_odds_lists, prominence_view, sources_view
from framing.report.divergence import divergence_view
from framing.report.explorer import explorer_view
from framing.report.method import method_view
from framing.report.over_time import over_time_view
from framing.report.paths import evaluation_for_display, for_display
from framing.report.summary import summary_view
from framing.report.title import title_view
from framing.report.validation import validation_view
from framing.report.vocabulary import vocabulary_view

__all__ = [
    "build_context",
    "plotly_js",
    "render_html",
    "script_safe",
]

_SCRIPT_BREAKERS = re.compile(r"<(?=/script|script|!--)", re.IGNORECASE)


# --------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------


def render_html(
    analysis: Analysis,
    *,
    classroom: bool = False,
    validation: Evaluation | None = None,
    inputs: Sequence[str | Path] = (),
    title: str | None = None,
) -> str:
    """Return the complete report for ``analysis`` as one HTML document.

    The result depends only on ``analysis`` and ``classroom``: rendering the
    same analysis twice gives byte-identical text. Nothing is written to disk;
    the caller decides where the text goes. With ``classroom``, a section of
    discussion questions and a printable worksheet is added
    (:mod:`framing.report.classroom`). With ``validation`` (the lexicon
    measured against a coding sheet), a section says how well the lexicon
    reads (:mod:`framing.report.validation`). File paths are shown relative
    to ``inputs`` (the files and folders the user gave), bundled data as
    ``bundled:`` (:mod:`framing.report.paths`), never as absolute paths.
    ``title`` replaces the default title (:mod:`framing.report.title`).
    """
    analysis = for_display(analysis, inputs)
    validation = evaluation_for_display(validation, inputs)
    context = build_context(analysis, title=title)
    context["classroom"] = classroom_view(analysis) if classroom else None
    context["validation"] = validation_view(analysis, validation)
    template = _environment().get_template("base.html")
    return template.render(**context, plotly_js=Markup(plotly_js()))


def build_context(analysis: Analysis, *, title: str | None = None) -> dict[str, Any]:
    """Build every view model the templates need, keyed by template variable.

    Kept separate from :func:`render_html` so tests and notebooks can inspect
    what the report will show without parsing HTML.
    """
    docs = documents_by_id(analysis.documents)
    return {
        "name": analysis.name,
        "title": title_view(analysis, title),
        "summary": summary_view(analysis),
        "charts": chart_views(analysis),
        "over_time": over_time_view(analysis),
        "explorer": explorer_view(analysis),
        "divergences": tuple(
            divergence_view(analysis, d, i, docs) for i, d in enumerate(analysis.divergences, 1)
        ),
        "vocabulary": vocabulary_view(analysis),
        "audit": audit_view(analysis, docs),
        "method": method_view(analysis),
        "prominence": prominence_view(analysis),
        "holds_up": holds_up_view(analysis),
        "log_odds": log_odds_lists(analysis),
        "sources": sources_view(analysis),
    }


# --------------------------------------------------------------------------
# Embedding plotly.js
# --------------------------------------------------------------------------


#: The vendored plotly.js bundle and the version its header names
#: (tests/report/test_render.py checks both; docs/architecture.md says how to update).
PLOTLY_BUNDLE = "vendor/plotly-cartesian.min.js"
PLOTLY_VERSION = "4.1.1"
PLOTLY_SHA256 = "79542150855a52c567260e3137095dbe2b744e6d702a5cabe67da246942fba7a"


@functools.lru_cache(maxsize=1)
def plotly_js() -> str:
    """The vendored plotly.js bundle, safe to inline.

    Read lazily so that importing this module stays cheap, and cached
    because the bundle is over a megabyte.
    """
    from importlib.resources import files

    bundle = files("framing.report").joinpath(PLOTLY_BUNDLE).read_text(encoding="utf-8")
    return script_safe(bundle)


def script_safe(js: str) -> str:
    r"""Return ``js`` so that it can sit inside a ``<script>`` element unchanged in meaning.

    An HTML parser ends a script at ``</script`` and treats ``<!--`` followed
    by ``<script`` specially, wherever they occur in the JavaScript. Writing the
    ``<`` of those sequences as ``\x3C`` keeps them intact inside JavaScript
    strings, template literals and regular expressions (where such sequences
    occur in practice) while hiding them from the HTML parser. Text without
    these sequences is returned unchanged.
    """
    return _SCRIPT_BREAKERS.sub(r"\\x3C", js)


# --------------------------------------------------------------------------
# Jinja environment
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    """The report's Jinja environment: package templates, everything autoescaped."""
    env = Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["term_tip"] = term_tip
    return env
