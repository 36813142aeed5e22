"""Tests for the charts: payloads that match the scores, captions and tables, no NaN."""

from __future__ import annotations

import dataclasses
import json
import math
import re

import pytest

from framing.model import Analysis
from framing.report.render import plotly_js, render_html
from tests.report.conftest import Collector, json_payloads


def test_charts_payloads_match_scores(analysis: Analysis, parsed: Collector) -> None:
    payloads = json_payloads(parsed)
    assert set(payloads) == {"data-heatmap", "data-bars", "data-similarity", "evidence-data"}
    heat = payloads["data-heatmap"]["data"][0]
    assert heat["type"] == "heatmap" and heat["colorscale"] in {"Viridis", "Cividis"}
    assert heat["z"][0] == [0.38, 0.06, 0.0]
    assert heat["text"][0] == ["38%", "6%", "0%"]
    bars = payloads["data-bars"]["data"]
    assert [b["marker"]["color"] for b in bars] == ["#d95f02", "#888888", "#1b9e77"]
    first = bars[0]
    assert first["y"] == [0.38, 0.06, 0.0]
    assert first["error_y"]["array"] == pytest.approx([0.07, 0.07, 0.07])
    assert first["error_y"]["arrayminus"] == pytest.approx([0.05, 0.05, 0.0])
    sim = payloads["data-similarity"]["data"][0]
    assert sim["z"] == [list(row) for row in analysis.similarity]


def test_every_chart_has_caption_and_table(page_without_js: str) -> None:
    figures = re.findall(r"<figure.*?</figure>", page_without_js, re.DOTALL)
    assert len(figures) == 3
    for fig in figures:
        assert "<figcaption>" in fig and "<table>" in fig and "data-payload=" in fig


def test_non_finite_numbers_become_null(analysis: Analysis) -> None:
    scores = dict(analysis.scores)
    key = ("people", "volunteers")
    scores[key] = dataclasses.replace(scores[key], share=math.nan, ci95=(math.nan, math.inf))
    page = render_html(dataclasses.replace(analysis, scores=scores))
    collector = Collector()
    collector.feed(page.replace(plotly_js(), ""))
    for payload in json_payloads(collector).values():
        json.dumps(payload, allow_nan=False)  # raises on NaN/inf
    assert "NaN" not in page.replace(plotly_js(), "")
