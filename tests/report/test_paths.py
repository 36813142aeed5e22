"""No machine paths in a report: sources relative to the inputs, bundled data as ``bundled:``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from framing.cli import app
from framing.report.paths import display_path
from framing.resources import default_lexicons, seeds_dir


def test_bundled_files_show_as_bundled():
    seed = next(seeds_dir().glob("*.txt"))
    assert display_path(seed) == f"bundled:seeds/{seed.name}"
    assert display_path(default_lexicons()) == "bundled:lexicons/volunteers"
    frame = default_lexicons() / "goodwill_fighters.toml"
    assert display_path(frame) == "bundled:lexicons/volunteers/goodwill_fighters.toml"


def test_a_relative_path_stays_as_typed():
    assert display_path("articles/a.txt", ["articles"]) == "articles/a.txt"


def test_an_absolute_path_shows_below_the_input_it_came_from(tmp_path):
    folder = tmp_path / "articles"
    assert display_path(folder / "a.txt", [folder]) == "articles/a.txt"
    assert display_path(folder / "a.txt", [folder / "a.txt"]) == "a.txt"
    assert display_path(tmp_path / "other" / "b.txt", [folder]) == "b.txt"
    assert display_path("../up/c.txt", []) == "c.txt"


def test_a_string_that_is_no_path_is_kept():
    assert display_path("Outlet A, article 1") == "Outlet A, article 1"
    assert display_path("") == ""


@pytest.fixture(scope="module")
def absolute_run(tmp_path_factory):
    """`framing report /abs/articles --tables` on two small articles, from another folder."""
    root = tmp_path_factory.mktemp("machine")
    articles = root / "home" / "ana" / "articles"
    articles.mkdir(parents=True)
    (articles / "manifest.csv").write_text(
        "file,outlet\na.txt,Daily One\nb.txt,Daily Two\nempty.txt,Daily Two\n", encoding="utf-8"
    )
    body = "Volunteers said they came to help civilians. They are not mercenaries, he said."
    (articles / "a.txt").write_text(f"Volunteers arrive\n\n{body}\n", encoding="utf-8")
    (articles / "b.txt").write_text(f"Foreign fighters\n\n{body} They fight.\n", encoding="utf-8")
    (articles / "empty.txt").write_text("", encoding="utf-8")
    out = root / "out"
    cwd = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(
            app,
            [
                "report",
                str(articles),
                "--quick",
                "--out",
                str(out / "r.html"),
                "--tables",
                str(out / "tables"),
            ],
            catch_exceptions=False,
        )
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return root, out


def test_no_absolute_path_in_the_report_json_or_tables(absolute_run):
    root, out = absolute_run
    for path in [out / "r.html", out / "r.json", *sorted((out / "tables").iterdir())]:
        text = path.read_text(encoding="utf-8")
        assert str(root) not in text, path.name
        assert str(seeds_dir().parent) not in text, path.name
    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert [d["source"] for d in data["documents"]] == ["articles/a.txt", "articles/b.txt"]
    assert [s["source"] for s in data["skipped"]] == ["articles/empty.txt"]


def test_the_bundled_lexicons_show_as_bundled_in_the_method(absolute_run):
    _, out = absolute_run
    html = (out / "r.html").read_text(encoding="utf-8")
    assert "<code>bundled:lexicons/volunteers</code>" in html
    assert "bundled:lexicons/volunteers/goodwill_fighters.toml" in html


_PARTS = st.sampled_from(["a", "b", "bc", "A", "..", ".", "x.txt", "a b"])


@settings(max_examples=300, deadline=None)
@given(
    path=st.lists(_PARTS, max_size=5).map(lambda parts: Path("/", *parts)),
    folder=st.lists(_PARTS, max_size=4).map(lambda parts: Path("/", *parts)),
)
def test_relative_is_relative_to_when_it_is_inside(path, folder):
    from framing.report.paths import _relative

    try:
        expected = path.relative_to(folder)
    except ValueError:
        expected = None
    assert _relative(path, folder) == expected


def test_many_paths_show_as_each_alone(tmp_path):
    from framing.report.paths import _Display

    folder = tmp_path / "articles"
    paths = [folder / "a.txt", f"{folder}.jsonl:3", "articles/b.txt", seeds_dir() / "x.txt", ""]
    roots = [folder, f"{folder}.jsonl"]
    display = _Display(roots)
    assert [display(p) for p in paths] == [display_path(p, roots) for p in paths]
    assert [display(p) for p in paths][:2] == ["articles/a.txt", "articles.jsonl:3"]
