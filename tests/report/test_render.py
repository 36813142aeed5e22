"""Tests for the rendered report: self-containment, structure, escaping, determinism."""

from __future__ import annotations

import dataclasses
import hashlib
import re

from framing.model import Analysis
from framing.report.render import (
    PLOTLY_BUNDLE,
    PLOTLY_SHA256,
    PLOTLY_VERSION,
    plotly_js,
    render_html,
    script_safe,
)
from tests.report.conftest import (
    RAW_HOSTILE,
    XSS_OUTLET,
    XSS_REMOVED,
    XSS_SENTENCE_TAIL,
    XSS_SKIPPED,
    Collector,
    json_payloads,
    make_analysis,
)

# --------------------------------------------------------------------------
# Self-containment and structure
# --------------------------------------------------------------------------


def test_plotly_bundle_embedded_exactly_once(page: str) -> None:
    js = plotly_js()
    assert len(js) > 100_000
    assert page.count(js) == 1
    # A distinctive line of the bundle's header must not appear anywhere else.
    assert page.count("plotly.js v") == js.count("plotly.js v")


def test_no_external_resources(page_without_js: str, parsed: Collector) -> None:
    assert not re.search(r"<script[^>]*\bsrc\s*=", page_without_js, re.IGNORECASE)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page_without_js, re.I)
    for tag, attrs in parsed.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, attrs)
        assert tag not in {"link", "img", "iframe", "object", "embed", "svg"}
    assert "@import" not in page_without_js and "url(" not in page_without_js


def test_scripts_are_the_bundle_the_loaders_and_json_payloads(parsed: Collector) -> None:
    kinds = [attrs.get("type") for attrs, _ in parsed.scripts]
    # plotly.js (removed in this fixture), the explorer, the page's own and the chart loader
    assert kinds.count(None) == 4
    assert kinds.count("application/json") == 4  # three charts and the explorer's sentences
    assert len(kinds) == 8
    code = [body for attrs, body in parsed.scripts if attrs == {} and body.strip()]
    assert len(code) == 3
    explorer, page, loader = code
    assert "JSON.parse" in loader and "Plotly.newPlot" in loader
    assert "JSON.parse" in explorer and "textContent" in explorer
    assert "beforeprint" in page and "table-wrap" in page
    assert all(
        forbidden not in explorer + page + loader
        for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
    )


def test_vendored_plotly_is_the_recorded_cartesian_bundle() -> None:
    from importlib.resources import files

    raw = files("framing.report").joinpath(PLOTLY_BUNDLE).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == PLOTLY_SHA256
    header = raw[:200].decode("ascii")
    assert f"plotly.js (cartesian - minified) v{PLOTLY_VERSION}" in header
    licence = files("framing.report").joinpath("vendor/plotly.js-LICENSE.txt").read_text()
    assert licence.startswith("MIT License")


def test_document_skeleton(page: str, parsed: Collector) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in page
    assert '<meta name="viewport"' in page
    assert [t for t, _ in parsed.tags].count("h1") == 1
    assert [t for t, _ in parsed.tags].count("title") == 1


def test_sections_in_order(parsed: Collector) -> None:
    ids = [attrs["id"] for tag, attrs in parsed.tags if tag == "section"]
    assert ids == [
        "summary", "how-to-read", "charts", "divergence", "holds-up", "prominence",
        "vocabulary", "audit", "method",
    ]  # fmt: skip


def test_each_section_has_a_heading(page_without_js: str) -> None:
    for section in re.findall(r"<section id=\"[a-z]+\">\n(.*?)\n", page_without_js):
        assert section.startswith("<h2>")


def test_html_module_still_exports_the_report() -> None:
    import framing.report
    import framing.report.html

    assert framing.report.html.render_html is render_html is framing.report.render_html
    assert framing.report.html.plotly_js is plotly_js
    for name in framing.report.html.__all__:
        assert hasattr(framing.report.html, name), name


def test_rendering_is_deterministic(analysis: Analysis, page: str) -> None:
    assert render_html(make_analysis()) == page
    reordered = dataclasses.replace(
        analysis,
        scores=dict(reversed(list(analysis.scores.items()))),
        distinctive_terms=dict(reversed(list(analysis.distinctive_terms.items()))),
        candidates=dict(reversed(list(analysis.candidates.items()))),
    )
    assert render_html(reordered) == page


# --------------------------------------------------------------------------
# Escaping
# --------------------------------------------------------------------------


def test_hostile_strings_never_appear_raw(page_without_js: str) -> None:
    for raw in RAW_HOSTILE:
        assert raw not in page_without_js, raw
    for tag in ("<img", "<iframe", "<svg", "<b>"):
        assert tag not in page_without_js, tag


def test_hostile_strings_appear_escaped(page_without_js: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_without_js
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page_without_js
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page_without_js
    assert "evil&lt;iframe src=javascript:alert(3)&gt;.txt" in page_without_js
    assert "Subscribe&lt;/textarea&gt;&lt;svg onload=alert(4)&gt;" in page_without_js
    assert "Rioters &lt;b&gt;bold&lt;/b&gt; &amp; co" in page_without_js


def test_no_event_handler_attributes_or_unexpected_tags(parsed: Collector) -> None:
    allowed = {
        "html", "head", "meta", "title", "style", "body", "header", "nav", "ol", "ul", "li",
        "a", "main", "section", "h1", "h2", "h3", "h4", "p", "em", "strong", "table",
        "caption", "thead", "tbody", "tr", "th", "td", "div", "figure", "figcaption",
        "details", "summary", "script", "article", "span", "blockquote", "mark", "code",
        "dl", "dt", "dd", "footer", "noscript", "form", "label", "select", "option", "button",
    }  # fmt: skip
    for tag, attrs in parsed.tags:
        assert tag in allowed, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


def test_hostile_text_survives_as_text(parsed: Collector) -> None:
    text = "".join(parsed.text)
    assert XSS_OUTLET in text
    assert XSS_SENTENCE_TAIL in text
    assert XSS_SKIPPED in text
    assert XSS_REMOVED in text


def test_json_payloads_escape_markup(page_without_js: str, parsed: Collector) -> None:
    bodies = [body for attrs, body in parsed.scripts if attrs.get("type") == "application/json"]
    for body in bodies:
        assert "<" not in body and ">" not in body
    payloads = json_payloads(parsed)
    heat = payloads["data-heatmap"]["data"][0]
    # Plotly renders a subset of HTML in labels, so labels are entity-escaped for it.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in heat["x"]
    assert "Rioters &lt;b&gt;bold&lt;/b&gt; &amp; co" in heat["y"]


def test_script_safe_neutralises_closing_tags() -> None:
    js = 'var a = "</script><!-- x"; var b = /<SCRIPT>/; var c = "</Script >";'
    safe = script_safe(js)
    assert not re.search(r"</script|<script|<!--", safe, re.IGNORECASE)
    assert safe == (
        'var a = "\\x3C/script>\\x3C!-- x"; var b = /\\x3CSCRIPT>/; var c = "\\x3C/Script >";'
    )
    assert script_safe("a < b && c > d") == "a < b && c > d"


def test_embedded_bundle_cannot_close_its_script() -> None:
    assert not re.search(r"</script|<!--", plotly_js(), re.IGNORECASE)
