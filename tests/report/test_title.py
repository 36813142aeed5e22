"""The report's title: --title, else the lexicon set's description, never a folder name."""

from __future__ import annotations

from dataclasses import replace

from typer.testing import CliRunner

from framing.cli import app
from framing.report.title import default_title, title_view
from tests.report.conftest import make_analysis


def test_the_default_title_is_the_sets_description_up_to_its_colon():
    analysis = make_analysis()
    lexicons = replace(
        analysis.lexicons, description="Riots in the capital, June 2020: three frames. More."
    )
    assert default_title(replace(analysis, lexicons=lexicons)) == "Riots in the capital, June 2020"


def test_without_a_description_the_title_names_no_folder():
    analysis = make_analysis()
    plain = replace(
        analysis, name="fox_vs_cnn", lexicons=replace(analysis.lexicons, description="")
    )
    view = title_view(plain)
    assert view.title == f"How {len(plain.outlets)} outlets frame the story"
    assert "fox_vs_cnn" not in view.title + view.subtitle
    assert title_view(plain, "  My   class  ").title == "My class"


def test_title_option_sets_the_h1_and_the_page_title(tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        app, ["report", "--quick", "--title", "Week 3: volunteers", "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<h1>Week 3: volunteers</h1>" in html
    assert "<title>Week 3: volunteers — framing report</title>" in html


def test_a_blind_run_is_not_titled_by_its_folder(tmp_path):
    out = tmp_path / "blind.html"
    result = CliRunner().invoke(app, ["report", "--quick", "--blind", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<h1>seeds</h1>" not in html
    assert "<h1>Frames of Americans volunteering for Ukraine" in html
