from __future__ import annotations

import json

from typer.testing import CliRunner

from framing.cli import app
from framing.io.blind import blind_corpus, letter
from framing.model import Corpus, Document
from framing.report.html import plotly_js

NAMES = ("Military.com", "Arab News", "PEOPLE", "People")


def test_letters():
    assert [letter(i) for i in (0, 1, 25, 26, 701, 702)] == ["A", "B", "Z", "AA", "ZZ", "AAA"]


def test_blind_corpus_replaces_names_ids_sources_and_mentions():
    corpus = Corpus(
        (
            Document(
                "people-1",
                "People",
                "People of note told PEOPLE that people care.",
                "/x/people-1.txt",
                "People's story",
                None,
                "https://people.example",
            ),
            Document(
                "arab", "Arab News", "As arab news reported, ARAB NEWS agreed.", "/x/arab.txt"
            ),
        ),
        name="corpus",
    )
    blinded, key = blind_corpus(corpus)
    a, b = blinded.documents
    assert (a.outlet, a.id, a.source, a.url) == (
        "Outlet A",
        "outlet-a-1",
        "Outlet A, article 1",
        None,
    )
    # "people" is also an ordinary word here: only the outlet's spellings change.
    assert a.text == "People of note told Outlet A that people care."
    assert b.text == "As Outlet B reported, Outlet B agreed."
    assert [o.outlet for o in key.outlets] == ["People", "Arab News"]
    assert key.outlets[0].documents[0].source == "/x/people-1.txt"


def test_blind_report_leaks_no_outlet_name(tmp_path):
    out = tmp_path / "blind.html"
    result = CliRunner().invoke(app, ["report", "--blind", "--classroom", "--out", str(out)])
    assert result.exit_code == 0, result.output
    # The embedded plotly.js library is the same in every report (it happens to
    # contain the word "People"); everything else must be blind.
    html = out.read_text(encoding="utf-8").replace(plotly_js(), "")
    data = out.with_suffix(".json").read_text(encoding="utf-8")
    for name in NAMES:
        assert name not in html, name
        assert name not in data, name
    assert "military-com" not in data and "arab-news" not in data
    assert "Outlet A" in html and "Outlet C" in html
    key = json.loads((tmp_path / "blind.key.json").read_text(encoding="utf-8"))
    assert [(o["label"], o["outlet"]) for o in key["outlets"]] == [
        ("Outlet A", "Military.com"),
        ("Outlet B", "Arab News"),
        ("Outlet C", "People"),
    ]
    assert "blind.key.json" in result.output
