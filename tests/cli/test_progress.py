"""``--progress/--no-progress`` and ``--by`` on ``framing report``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.cli.progress import wants_progress
from tests.dated_corpus import write_dated_corpus, write_goodwill_lexicons

runner = CliRunner()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    return write_dated_corpus(folder / "corpus"), write_goodwill_lexicons(folder / "lex")


def _report(tmp_path, inputs, name: str, *options: str):
    corpus, lexicons = inputs
    out = tmp_path / name / "r.html"
    args = ["report", str(corpus), "--lexicons", str(lexicons), "--out", str(out)]
    result = runner.invoke(app, [*args, "--tables", str(tmp_path / name / "t"), *options])
    assert result.exit_code == 0, result.output
    files = sorted(p for p in (tmp_path / name).rglob("*") if p.is_file())
    return result, {p.relative_to(tmp_path / name): p.read_bytes() for p in files}


def test_wants_progress():
    assert wants_progress(True, quiet=True) and not wants_progress(False, quiet=False)
    # not asked: only on a terminal (never under the test runner) and never with --quiet
    assert not wants_progress(None, quiet=True)
    assert not wants_progress(None, quiet=False)


def test_progress_bars_change_no_output(tmp_path, inputs):
    with_bars, written = _report(tmp_path, inputs, "on", "--progress")
    without, expected = _report(tmp_path, inputs, "off", "--no-progress")
    assert written == expected
    assert len(written) == 7  # report, JSON and five tables
    assert "Segmenting" in with_bars.stderr and "Comparing" in with_bars.stderr
    assert without.stderr == ""
    assert with_bars.stdout == without.stdout.replace("/off/", "/on/")


def test_no_bars_unless_asked_off_a_terminal(tmp_path, inputs):
    result, _ = _report(tmp_path, inputs, "default")
    assert result.stderr == ""
    quiet, _ = _report(tmp_path, inputs, "quiet", "--quiet")
    assert quiet.stderr == "" and quiet.stdout == ""


def test_by_sets_the_periods(tmp_path, inputs):
    _, files = _report(tmp_path, inputs, "week", "--by", "week")
    data = json.loads(next(v for k, v in files.items() if k.suffix == ".json"))
    assert data["over_time"]["by"] == "week" and not data["over_time"]["auto"]
    _, files = _report(tmp_path, inputs, "none", "--by", "none")
    data = json.loads(next(v for k, v in files.items() if k.suffix == ".json"))
    assert data["over_time"] is None
    html = next(v for k, v in files.items() if k.suffix == ".html").decode()
    assert 'id="over-time"' not in html


def test_by_refuses_other_periods(tmp_path, inputs):
    corpus, _ = inputs
    result = runner.invoke(app, ["report", str(corpus), "--by", "year"])
    assert result.exit_code == 2
    assert "'year' is not one of" in result.output
