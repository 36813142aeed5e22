"""Lexicon tools without traps: --add spares the installed package, hints are exact
commands, the default corpus is announced, `new` starts a set, `kwic` shows a term in context."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

from typer.testing import CliRunner

from framing.cli import app
from framing.resources import default_lexicons
from tests.conftest import REPO

GOOD = REPO / "tests" / "data" / "lexicon_tools" / "good"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["lexicon", *args], catch_exceptions=False)


def _bundled_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(default_lexicons().iterdir())}


def _articles(folder):
    folder.mkdir()
    (folder / "manifest.csv").write_text("file,outlet\na.txt,Daily\nb.txt,Weekly\n", "utf-8")
    (folder / "a.txt").write_text(
        "Heroes arrive\n\nThey are heroes who march for freedom. "
        "They are not heroes, a critic said. Aid workers came too.\n",
        "utf-8",
    )
    (folder / "b.txt").write_text(
        "Brave volunteers\n\nBrave aid workers march for freedom.\n", "utf-8"
    )
    return folder


# --------------------------------------------------------------------------
# suggest --add never writes into the installed package
# --------------------------------------------------------------------------


def test_add_without_lexicons_is_refused_and_the_bundled_set_untouched():
    before = _bundled_files()
    result = run("suggest", "goodwill_fighters", "--add", "aid workers")
    assert result.exit_code == 2
    assert "--lexicons DIR" in result.stderr and "--copy-to DIR" in result.stderr
    assert _bundled_files() == before


def test_add_with_copy_to_copies_the_bundled_set_and_adds_there(tmp_path):
    before = _bundled_files()
    copy = tmp_path / "my_volunteers"
    result = run("suggest", "goodwill_fighters", "--add", "aid workers", "--copy-to", str(copy))
    assert result.exit_code == 0, result.output
    assert f"from now on pass --lexicons {copy}" in result.stderr
    assert '"aid workers"' in (copy / "goodwill_fighters.toml").read_text("utf-8")
    assert _bundled_files() == before
    assert run("validate", str(copy)).exit_code == 0
    again = run("suggest", "goodwill_fighters", "--add", "x", "--copy-to", str(copy))
    assert again.exit_code == 4 and "pass it as --lexicons" in again.stderr


def test_copy_to_goes_only_with_add_and_without_lexicons(tmp_path):
    result = run("suggest", "heroic", "-l", str(GOOD), "--add", "x", "--copy-to", str(tmp_path))
    assert result.exit_code == 2 and "--copy-to" in result.stderr


def test_the_add_hint_is_the_exact_command(tmp_path):
    articles = _articles(tmp_path / "articles")
    lexicons = Path(shutil.copytree(GOOD, tmp_path / "my lexicons"))
    result = run("suggest", "heroic", str(articles), "--lexicons", str(lexicons), "--top", "1")
    assert result.exit_code == 0, result.output
    hint = result.stdout.splitlines()[-1].strip()
    first = json.loads(
        run("suggest", "heroic", str(articles), "-l", str(lexicons), "--format", "json").stdout
    )["suggestions"][0]["term"]
    assert shlex.split(hint) == [
        "framing", "lexicon", "suggest", "heroic", "--add", first, "--lexicons", str(lexicons),
    ]  # fmt: skip
    bundled = run("suggest", "goodwill_fighters", str(articles), "--top", "1")
    assert bundled.stdout.splitlines()[-1].strip().endswith("--copy-to my_volunteers/")


# --------------------------------------------------------------------------
# No silent default corpus
# --------------------------------------------------------------------------


def test_coverage_and_suggest_say_when_they_use_the_bundled_seeds(tmp_path):
    for command in (["coverage"], ["suggest", "goodwill_fighters", "--top", "1"]):
        result = run(*command)
        assert result.exit_code == 0
        assert "note: no INPUT given, so this uses the bundled seed articles" in result.stderr
    named = run("coverage", str(_articles(tmp_path / "a")), "-l", str(GOOD))
    assert "note:" not in named.stderr
    assert run("sample").exit_code == 2  # sample needs articles


# --------------------------------------------------------------------------
# new
# --------------------------------------------------------------------------


def test_new_writes_a_commented_set_that_validates(tmp_path):
    folder = tmp_path / "strike"
    result = run("new", str(folder), "--frames", "disruption,workers_rights")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "_set.toml",
        "disruption.toml",
        "workers_rights.toml",
    ]
    text = (folder / "workers_rights.toml").read_text("utf-8")
    assert text.startswith("# ") and '"workers rights",' in text
    assert f"framing lexicon validate {folder}" in result.stdout
    assert run("validate", str(folder)).exit_code == 0
    listed = json.loads(run("list", "-l", str(folder), "--format", "json").stdout)
    assert listed["name"] == "strike"
    assert [f["id"] for f in listed["frames"]] == ["disruption", "workers_rights"]


def test_new_refuses_bad_ids_and_a_folder_with_files(tmp_path):
    bad = run("new", str(tmp_path / "x"), "--frames", "Workers Rights")
    assert bad.exit_code == 3 and "bad frame id" in bad.stderr
    assert not (tmp_path / "x").exists()
    assert run("new", str(tmp_path / "y"), "--frames", "a,a").exit_code == 3
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", "utf-8")
    full = run("new", str(tmp_path / "full"), "--frames", "a")
    assert full.exit_code == 4 and (tmp_path / "full" / "notes.txt").read_text() == "mine"


# --------------------------------------------------------------------------
# kwic
# --------------------------------------------------------------------------


def test_kwic_shows_each_match_in_context_with_its_reading(tmp_path):
    articles = _articles(tmp_path / "articles")
    result = run("kwic", "hero*", str(articles), "-l", str(GOOD))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith('"hero*" on articles: 3 matches in 3 sentences (')
    assert "2 support" in lines[0] and "1 deny" in lines[0] and "an entry of heroic" in lines[0]
    denied = next(line for line in lines if line.startswith("deny"))
    assert "They are not [heroes], a critic said." in denied and '(cue "not")' in denied


def test_kwic_json_and_a_term_not_in_the_set(tmp_path):
    articles = _articles(tmp_path / "articles")
    result = run("kwic", "aid workers", str(articles), "-l", str(GOOD), "--format", "json")
    data = json.loads(result.stdout)
    assert data["frames"] == [] and data["readings"] == {"support": 2}
    assert [line["match"] for line in data["lines"]] == ["Aid workers", "aid workers"]
    assert [line["outlet"] for line in data["lines"]] == ["Daily", "Weekly"]
    first = data["lines"][0]
    assert first["left"] + first["match"] + first["right"] == "Aid workers came too."


def test_kwic_refuses_a_term_that_cannot_match():
    result = run("kwic", "*", "-l", str(GOOD))
    assert result.exit_code == 3 and "can never match" in result.stderr
