"""End to end through the command line, on the bundled seeds and on bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing import __version__
from framing.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    """Run `framing report` with no INPUT from a scratch working directory."""
    cwd = tmp_path_factory.mktemp("cwd")
    import os

    before = Path.cwd()
    os.chdir(cwd)
    try:
        result = run("report")
    finally:
        os.chdir(before)
    assert result.exit_code == 0, result.output
    data = json.loads((cwd / "reports" / "seeds.json").read_text(encoding="utf-8"))
    html = (cwd / "reports" / "seeds.html").read_text(encoding="utf-8")
    return result, data, html


def share(data, outlet_name: str, frame: str) -> float:
    (outlet,) = [o for o in data["outlets"] if o["name"] == outlet_name]
    return outlet["frames"][frame]["share"]


def test_default_run_writes_seeds_report_and_prints_summary(seeds_run):
    result, data, html = seeds_run
    assert "reports/seeds.html" in result.output and "reports/seeds.json" in result.output
    for name in ("Military.com", "Arab News", "People", "Goodwill fighters"):
        assert name in result.output
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert data["schema_version"]
    assert [o["name"] for o in data["outlets"]] == ["Military.com", "Arab News", "People"]


def test_military_com_leads_on_legal_unprotection(seeds_run):
    _, data, _ = seeds_run
    frame = "unprotected_civilians"
    mil = share(data, "Military.com", frame)
    assert mil > share(data, "Arab News", frame) and mil > share(data, "People", frame)


def test_arab_news_alone_raises_white_supremacists_and_leads_on_extremists(seeds_run):
    _, data, _ = seeds_run
    frame = "possible_extremists"
    arab = share(data, "Arab News", frame)
    assert arab > share(data, "Military.com", frame) and arab > share(data, "People", frame)
    raising = {
        e["outlet"]
        for e in data["evidence"]
        if any("supremacist" in m["text"].lower() for m in e["matches"])
    }
    assert raising == {"arab-news"}
    outlets_mentioning = {
        o["id"]
        for o in data["outlets"]
        for e in data["evidence"]
        if e["outlet"] == o["id"] and "supremacist" in e["text"].lower()
    }
    assert outlets_mentioning == {"arab-news"}


def test_military_com_goodwill_below_both_ap_stories(seeds_run):
    _, data, _ = seeds_run
    frame = "goodwill_fighters"
    mil = share(data, "Military.com", frame)
    assert mil < share(data, "Arab News", frame) and mil < share(data, "People", frame)


def test_japan_story_and_related_links_are_removed_and_never_evidence(seeds_run):
    _, data, html = seeds_run
    evidence_text = " ".join(e["text"] for e in data["evidence"])
    for marker in ("Takaichi", "Japan", "Read Next", "Related:", "Geneva Convention Questions"):
        assert marker not in evidence_text
    removed = data["removed"]
    japan = [r for r in removed if "Takaichi" in r["text"]]
    assert japan and all(r["document"] == "002_eeaa64c69777ef11" for r in japan)
    assert any(r["text"].startswith("Read Next:") for r in removed)
    assert any(r["text"].startswith("Related:") for r in removed)
    assert "Takaichi" in html  # listed in the audit
    sentences = data["corpus"]["sentences"]
    assert sentences == sum(o["sentences"] for o in data["outlets"])


def test_json_has_documented_fields(seeds_run):
    _, data, _ = seeds_run
    for key in ("outlets", "frames", "evidence", "removed", "distinctive_terms"):
        assert data[key]
    outlet = data["outlets"][0]
    assert {"id", "name", "documents", "sentences", "tokens", "frames"} <= set(outlet)
    cell = outlet["frames"]["unprotected_civilians"]
    assert {"share", "per_1k_tokens", "ci95"} <= set(cell)
    assert cell["ci95"][0] <= cell["share"] <= cell["ci95"][1]
    assert {"id", "label", "description"} <= set(data["frames"][0])
    assert {"outlet", "frame", "text", "matches", "document"} <= set(data["evidence"][0])
    assert {"document", "text", "reason"} <= set(data["removed"][0])
    assert {"term", "score"} <= set(data["distinctive_terms"]["military-com"][0])


def test_same_input_gives_identical_outputs(tmp_path):
    first = run("report", "--out", str(tmp_path / "a.html"))
    second = run("report", "--out", str(tmp_path / "b.html"))
    assert first.exit_code == second.exit_code == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_hostile_article_is_escaped_in_the_report(write, tmp_path):
    payload = '<script>alert(1)</script> "><img src=x onerror=alert(1)> </script>'
    write(
        "in/manifest.csv",
        f'file,outlet,title\nevil.txt,"Evil <script>alert(1)</script>","T {payload}"\n'
        "good.txt,Good,Fine\n",
    )
    write("in/evil.txt", f"Headline\n\nThey fight for freedom {payload} today.\n")
    write("in/good.txt", "Headline two\n\nThe Geneva Conventions apply here.\n")
    result = run("report", str(tmp_path / "in"), "--out", str(tmp_path / "r.html"))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_version_and_help():
    assert run("--version").output.strip() == f"framing {__version__}"
    help_text = run("--help").output
    assert "report" in help_text and "Example" in help_text
    report_help = run("report", "--help").output
    for option in ("--lexicons", "--out", "--json"):
        assert option in report_help
    assert "framing report articles/" in report_help


def test_python_dash_m_works():
    out = subprocess.run(
        [sys.executable, "-m", "framing", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"framing {__version__}"


def _one_line_error(result, *fragments: str) -> None:
    assert result.exit_code != 0
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("error: ")
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in err


@pytest.mark.parametrize(
    ("files", "fragments"),
    [
        ({}, ("no such file or folder",)),
        ({"in/.keep": ""}, ("no .txt or .md files",)),
        ({"in/a.txt": ""}, ("a.txt", "is empty")),
        ({"in/a.txt": "   \n\n "}, ("a.txt", "whitespace")),
        ({"in/a.txt": b"\x00\x01\x02binary"}, ("a.txt", "binary")),
        ({"in/manifest.csv": "file,outlet\nx.txt,X\n"}, ("manifest.csv:2", "x.txt")),
    ],
)
def test_bad_input_gets_one_line_and_writes_nothing(write, tmp_path, files, fragments):
    for name, content in files.items():
        write(name, content)
    out = tmp_path / "out" / "r.html"
    result = run("report", str(tmp_path / "in"), "--out", str(out))
    _one_line_error(result, *fragments)
    assert not out.exists() and not out.with_suffix(".json").exists()


@pytest.mark.parametrize(
    ("lexicon", "fragments"),
    [
        ('id = "f"\nterms = ["a",\nlabel = 3\n', ("f.toml:", "TOML syntax error")),
        ('id = "f"\nlabel = "F"\nterms = []\n', ("f.toml:3", "no terms")),
    ],
)
def test_bad_lexicon_gets_one_line(write, tmp_path, lexicon, fragments):
    write("lex/f.toml", lexicon)
    out = tmp_path / "r.html"
    result = run("report", "--lexicons", str(tmp_path / "lex"), "--out", str(out))
    _one_line_error(result, *fragments)
    assert not out.exists()


def test_bad_file_among_good_ones_is_skipped_with_warning_and_listed(write, tmp_path):
    write("in/good.txt", "Headline\n\nThey fight for freedom and the Geneva Conventions.\n")
    write("in/bad.txt", b"\x00\x00binary")
    out = tmp_path / "r.html"
    result = run("report", str(tmp_path / "in"), "--out", str(out))
    assert result.exit_code == 0
    assert re.search(r"warning: skipped .*bad\.txt: looks like a binary", result.stderr)
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert [Path(s["source"]).name for s in data["skipped"]] == ["bad.txt"]
    assert "bad.txt" in out.read_text(encoding="utf-8")


def test_existing_report_survives_a_failed_run(write, tmp_path):
    out = write("r.html", "previous report")
    result = run("report", str(tmp_path / "missing"), "--out", str(out))
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "previous report"


def test_out_and_json_must_differ(tmp_path):
    out = tmp_path / "r.html"
    result = run("report", "--out", str(out), "--json", str(out))
    _one_line_error(result, "--out and --json name the same file")
    assert not out.exists()


def test_terminal_output_has_no_control_characters(write, tmp_path):
    write("in/manifest.csv", 'file,outlet\na.txt,"Evil\x1b[31m"\n')
    write("in/a.txt", "Headline\n\nThey fight for freedom.\n")
    result = run("report", str(tmp_path / "in"), "--out", str(tmp_path / "r.html"))
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "Evil?[31m" in result.output


def test_rebutted_mercenary_framing_is_a_denial_not_evidence(seeds_run):
    _, data, html = seeds_run
    quote = "This is not mercenaries who are coming to earn money"
    assert not [e for e in data["evidence"] if quote in e["text"]]
    denied_by = {d["outlet"] for d in data["denials"] if quote in d["text"]}
    assert denied_by == {"arab-news", "people"}
    assert "Denied or rebutted" in html


def test_report_reads_a_liwc_dictionary_and_prints_its_warnings(write, tmp_path):
    from tests.conftest import REPO

    write("in/a.txt", "Headline\n\nThey think like a friend would.\n")
    write("in/b.txt", "Headline two\n\nNobody here.\n")
    dictionary = REPO / "tests" / "data" / "importers" / "legacy_markup.dic"
    out = tmp_path / "r.html"
    result = run("report", str(tmp_path / "in"), "--lexicons", str(dictionary), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr and "legacy_markup.dic:" in result.stderr
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert [f["id"] for f in data["frames"]] == ["social", "posemo", "cogproc"]
    assert data["outlets"][0]["frames"]["cogproc"]["sentences"] == 1


def test_unsupported_lexicon_format_names_the_supported_ones(write, tmp_path):
    lexicon = write("lex.xml", "<x/>")
    result = run("report", "--lexicons", str(lexicon), "--out", str(tmp_path / "r.html"))
    _one_line_error(result, "lex.xml", ".dic", ".lc3", ".yml")


def test_every_headline_is_analysed_for_prominence(seeds_run):
    _, data, _ = seeds_run
    headlines = {d["outlet"]: d["headline"] for d in data["documents"]}
    assert headlines == {
        "military-com": "Ukraine Wants Foreign Reinforcements. Will American Civilians Fight?",
        "arab-news": "US citizens seek to join foreign fighters in Ukraine",
        "people": "6,000 Americans Contacted Ukraine's Embassy to Fight Against Russia, "
        "Official Says — 100 Made the Cut",
    }
    people = next(o for o in data["outlets"] if o["id"] == "people")
    # People's deck ("... could cause Americans to lose citizenship ...") sits
    # above its headline and counts as prominent.
    legal = people["frames"]["unprotected_civilians"]
    assert legal["headline_sentences"]
    assert legal["prominence_weighted_share"] > legal["share"]
    for outlet in data["outlets"]:
        for cell in outlet["frames"].values():
            assert (cell["tone"] is None) == (cell["sentences"] == 0)
            if cell["tone"] is not None:
                assert -1.0 <= cell["tone"] <= 1.0


def test_pairwise_statistics_and_caveat(seeds_run):
    _, data, html = seeds_run
    assert len(data["pairs"]) == 3 * 3  # frames x pairs of outlets
    assert {p["unit"] for p in data["pairs"]} == {"sentences"}  # one article each
    for p in data["pairs"]:
        assert p["ci95"][0] <= p["diff"] <= p["ci95"][1]
        assert 0 < p["p_value"] <= p["q_value"] <= 1
    legal = next(
        p
        for p in data["pairs"]
        if p["frame"] == "unprotected_civilians"
        and {p["outlet_a"], p["outlet_b"]} == {"military-com", "people"}
    )
    assert legal["reading"].startswith("In Military.com's article, 41% of sentences")
    assert set(data["caveat"]["outlets"]) == {"military-com", "arab-news", "people"}
    assert "describe these articles, not the outlet" in data["caveat"]["message"]
    assert len(data["frame_mix"]["jensen_shannon_distance"]) == 3
    assert data["distinctive_log_odds"]["terms"]["military-com"][0]["z"] > 0
    assert "How the comparison holds up" in html and data["caveat"]["message"] in html


def test_kremenetskyi_quotes_are_shared_between_arab_news_and_people(seeds_run):
    _, data, _ = seeds_run
    shared = data["shared_copy"]
    pair = next(
        p for p in shared["pairs"] if {p["outlet_a"], p["outlet_b"]} == {"arab-news", "people"}
    )
    assert pair["sentences"] >= 3
    for quote in (
        "This is not mercenaries who are coming to earn money",
        "They really feel that this war is unfair, unprovoked",
        "Russians can be stopped only with hard fists and weapons",
    ):
        groups = [g for g in shared["groups"] if quote in g["example"]]
        assert groups and set(groups[0]["outlets"]) == {"arab-news", "people"}, quote
    assert shared["outlets"]["military-com"]["shared_fraction"] == 0.0
    goodwill_evidence = [
        e for e in data["evidence"] if e["outlet"] == "people" and e["frame"] == "goodwill_fighters"
    ]
    assert any(e["shared"] for e in goodwill_evidence)
    assert any(e["speaker"] == "Borys Kremenetskyi" for e in goodwill_evidence)


def test_finkelstein_is_military_com_s_main_voice_on_legal_unprotection(seeds_run):
    _, data, html = seeds_run
    speakers = data["quotes"]["speakers"]["military-com"]
    assert speakers[0]["speaker"] == "Claire Finkelstein"
    assert speakers[0]["words"] > 2 * speakers[1]["words"]
    legal = data["quotes"]["voices"]["military-com"]["unprotected_civilians"]
    assert legal["quoted"] > legal["own_voice"]
    assert legal["top_speakers"][0]["speaker"] == "Claire Finkelstein"
    # One article: the reading speaks of the article, not the outlet.
    assert "Military.com&#39;s article quotes Claire Finkelstein most" in html


def test_quick_skips_the_in_depth_analyses(tmp_path):
    out = tmp_path / "q.html"
    result = run("report", "--quick", "--out", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["pairs"] == [] and data["shared_copy"] is None and data["quotes"] is None
    assert data["outlets"][0]["frames"]["unprotected_civilians"]["share"] > 0
    assert 'id="sources"' not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("quick", [False, True])
def test_every_internal_link_has_a_target(tmp_path, quick):
    out = tmp_path / "r.html"
    result = run("report", "--out", str(out), *(["--quick"] if quick else []))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    targets = set(re.findall(r'\bid="([^"]+)"', html))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links and links <= targets, links - targets
    assert "How to read this report" in html and "Glossary" in html


def test_classroom_mode_adds_questions_from_the_findings(tmp_path):
    out = tmp_path / "class.html"
    result = run("report", "--classroom", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert 'id="classroom"' in html and "Worksheet" in html
    # The largest divergence is legal unprotection, Military.com against People,
    # carried in Military.com by Claire Finkelstein. One article each: the
    # questions speak of the articles.
    assert (
        "In Military.com&#39;s article, 41% of sentences (12 of 29) invoke the frame "
        "“Legally unprotected"
    ) in html
    assert "In Military.com&#39;s article, Claire Finkelstein carries" in html
    assert "only to deny them" in html
    plain = tmp_path / "plain.html"
    assert run("report", "--out", str(plain)).exit_code == 0
    assert 'id="classroom"' not in plain.read_text(encoding="utf-8")


def test_report_warns_about_frame_colours_readers_cannot_tell_apart(write, tmp_path):
    write("lex/a.toml", 'id = "a"\nlabel = "A"\ncolour = "#d62728"\nterms = ["freedom"]\n')
    write("lex/b.toml", 'id = "b"\nlabel = "B"\ncolour = "#2ca02c"\nterms = ["law"]\n')
    write("lex/c.toml", 'id = "c"\nlabel = "C"\ncolour = "#0072B2"\nterms = ["hero"]\n')
    out = tmp_path / "r.html"
    result = run("report", "--lexicons", str(tmp_path / "lex"), "--out", str(out), "--quick")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "hard to tell apart" in line]
    assert len(warnings) == 1
    assert "frames 'a' and 'b'" in warnings[0] and "deuteranopia" in warnings[0]
    assert out.exists()
    quiet = run("report", "--out", str(tmp_path / "s.html"), "--quick")
    assert "hard to tell apart" not in quiet.output  # the bundled colours are safe
