"""Tests for the report's display formatting and its CSS colour check."""

from __future__ import annotations

import math

from framing.report.format import format_pct, safe_colour


def test_format_pct() -> None:
    assert format_pct(0.384) == "38%"
    assert format_pct(0.004) == "0.4%"
    assert format_pct(0.0) == "0%"
    assert format_pct(-0.03) == "\u22123%"
    assert format_pct(-0.001) == "\u22120.1%"
    assert format_pct(math.nan) == "\u2014"
    # Just below 1%, rounding gives "1%", not "1.0%" (0.03 - 0.02 is 0.00999...).
    assert format_pct(0.03 - 0.02) == "1%"
    assert format_pct(0.0094) == "0.9%"


def test_unsafe_colour_never_reaches_css(page_without_js: str) -> None:
    assert "evil.example" not in page_without_js
    assert safe_colour("red; background-image: url(x)") == "#888888"
    assert safe_colour("#1b9e77") == "#1b9e77"
    assert safe_colour("teal") == "teal"
