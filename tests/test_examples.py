"""The worked example of docs/lexicons.md runs as documented."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from framing.cli import app
from tests.conftest import REPO

EXAMPLE = REPO / "docs" / "examples" / "transit-strike"


def test_transit_strike_example_report(tmp_path):
    out = tmp_path / "strike.html"
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(EXAMPLE / "articles"),
            "--lexicons",
            str(EXAMPLE / "lexicons"),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert [f["id"] for f in data["frames"]] == ["disruption", "workers_rights"]
    by_frame = {d["frame"]: d for d in data["divergence"]}
    assert by_frame["disruption"]["most"] == "the-daily-ledger"
    assert by_frame["workers_rights"]["most"] == "riverside-voice"
    assert {r["reason"] for r in data["removed"]} >= {"photo caption", "related-link line"}
    denied = [d["text"] for d in data["denials"] if d["frame"] == "disruption"]
    assert denied == [
        "Union leaders said the walkout was not about causing chaos but about fair wages."
    ]
    docs_text = (REPO / "docs" / "lexicons.md").read_text(encoding="utf-8")
    assert "docs/examples/transit-strike/lexicons" in docs_text


def test_transit_strike_example_validates_and_explains():
    runner = CliRunner()
    lexicons = str(EXAMPLE / "lexicons")
    result = runner.invoke(app, ["lexicon", "validate", lexicons])
    assert result.exit_code == 0, result.output
    assert "error" not in result.output.lower().replace("0 errors", "")
    sentence = "Union leaders said the walkout was not about causing chaos but about fair wages."
    result = runner.invoke(
        app, ["lexicon", "explain", sentence, "--lexicons", lexicons, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    explanation = json.loads(result.output)
    matches = {(m["term"], m["negated"]) for m in explanation["matches"]}
    assert matches == {("chaos", True), ("fair wages", False)}
