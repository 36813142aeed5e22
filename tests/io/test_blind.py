from __future__ import annotations

import json
from pathlib import Path

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


# --------------------------------------------------------------------------
# Bylines, contact lines, names and handles
# --------------------------------------------------------------------------

HARBOUR = (
    "Volunteer divers search the flooded harbour\n"
    "\n"
    "By Jane Doe\n"
    "\n"
    "Volunteer divers from three countries arrived in the harbour town on Monday to help "
    "search the flooded quay, the harbour master said.\n"
    "\n"
    "The divers, most of them retired firefighters, came to help because the town asked "
    "for help, one of them said.\n"
    "\n"
    "Asked about the plan, one diver wrote to diver.one@example.org that the water was "
    "still too cold for long dives.\n"
    "\n"
    "Jane Doe contributed reporting from the quay.\n"
    "\n"
    "The divers will stay until the quay is safe again. Follow Jane on Twitter @janedoe.\n"
    "\n"
    "Contact: jane@example.com\n"
    "\n"
    "Follow Jane on Twitter\n"
    "\n"
    "@janedoe\n"
)
COAST = (
    "Sea wall repairs begin\n"
    "\n"
    "By John Roe | Coast Weekly\n"
    "\n"
    "Workers began repairing the sea wall on Tuesday, the council said, after volunteers "
    "had filled sandbags along the promenade for a week.\n"
)
#: Strings that name or reach the reporters.
LEAKS = (
    "By Jane Doe",
    "jane@example.com",
    "@janedoe",
    "Follow Jane on Twitter",
    "Jane Doe",
    "John Roe",
    "diver.one@example.org",
)


def _harbour_corpus(write) -> Path:
    write("harbour/harbour.txt", HARBOUR)
    write("harbour/coast.txt", COAST)
    return write(
        "harbour/manifest.csv",
        "file,outlet,title\n"
        "harbour.txt,Harbour Gazette,Volunteer divers search the flooded harbour\n"
        "coast.txt,Coast Weekly,Sea wall repairs begin\n",
    ).parent


def test_hide_bylines_replaces_lines_sentences_and_names():
    from framing.io.blind import hide_bylines, redact_contacts

    hidden = redact_contacts(hide_bylines(HARBOUR))
    lines = hidden.split("\n")
    assert len(lines) == len(HARBOUR.split("\n"))  # line numbers still point into the source
    assert lines[2] == "[byline removed]"
    assert lines[10] == "[reporter] contributed reporting from the quay."
    assert lines[12] == "The divers will stay until the quay is safe again. [byline removed]"
    assert lines[14:] == ["[byline removed]", "", "[byline removed]", "", "[byline removed]", ""]
    assert "one diver wrote to [e-mail] that the water" in lines[8]
    for leak in LEAKS:
        assert leak not in hidden, leak
    # Text without bylines, names or handles is left as it was.
    plain = "Workers began repairing the sea wall.\n\nBy Tuesday, the council said, it was done.\n"
    assert redact_contacts(hide_bylines(plain)) == plain


def test_redact_contacts_keeps_text_without_at_signs():
    from framing.io.blind import redact_contacts

    assert redact_contacts("Write to a.b@example.co.uk or @ab_c, not me.") == (
        "Write to [e-mail] or [handle], not me."
    )
    assert redact_contacts("No handles here.") == "No handles here."


def test_blind_report_hides_bylines_contacts_and_handles(tmp_path, write):
    folder = _harbour_corpus(write)
    blind_html, plain_html = tmp_path / "blind.html", tmp_path / "plain.html"
    for out, options in ((blind_html, ["--blind"]), (plain_html, [])):
        tables = ["--tables", str(out.with_suffix(""))]
        result = CliRunner().invoke(
            app, ["report", str(folder), *options, *tables, "--quick", "--out", str(out)]
        )
        assert result.exit_code == 0, result.output
    html = blind_html.read_text(encoding="utf-8").replace(plotly_js(), "")
    data = blind_html.with_suffix(".json").read_text(encoding="utf-8")
    sentences = (tmp_path / "blind" / "sentences.csv").read_text(encoding="utf-8")
    for leak in LEAKS:
        assert leak not in html, leak
        assert leak not in data, leak
        assert leak not in sentences, leak
    removed = json.loads(data)["removed"]
    assert [r["text"] for r in removed if r["reason"] == "byline or contact line"] == [
        "[byline removed]"
    ] * 5
    assert "[reporter] contributed reporting from the quay." in sentences
    assert "[byline removed]" in sentences  # the contact sentence that ended a paragraph

    # Without --blind, the audit shows the bylines and contact lines as they were.
    plain = json.loads(plain_html.with_suffix(".json").read_text(encoding="utf-8"))
    bylines = [r["text"] for r in plain["removed"] if r["reason"] == "byline or contact line"]
    assert bylines == [
        "By Jane Doe",
        "Contact: jane@example.com",
        "Follow Jane on Twitter",
        "@janedoe",
        "By John Roe | Coast Weekly",
    ]
    plain_page = plain_html.read_text(encoding="utf-8")
    plain_sentences = (tmp_path / "plain" / "sentences.csv").read_text(encoding="utf-8")
    for placeholder in ("[byline removed]", "[reporter]", "[handle]", "[e-mail]"):
        assert placeholder not in plain_page and placeholder not in plain_sentences
    assert "Jane Doe contributed reporting from the quay." in plain_sentences
    assert "Follow Jane on Twitter @janedoe." in plain_sentences
