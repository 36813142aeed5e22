"""No output may replace an input, another output, or something that is not a regular file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.cli.outputs import Inputs, check_outputs
from framing.errors import OutputError
from tests.io.conftest import needs_fifo, needs_symlinks

ARTICLE = "Headline\n\nThey fight for freedom and the Geneva Conventions, officials said.\n"


def run(*args: str):
    return CliRunner().invoke(app, ["report", "--quick", *args], catch_exceptions=False)


@pytest.fixture
def folder(write, tmp_path) -> Path:
    """An input folder with a manifest, two articles and a file it skips."""
    write("in/a.txt", ARTICLE)
    write("in/b.txt", ARTICLE.replace("freedom", "pay"))
    write("in/manifest.csv", "file,outlet\na.txt,Alpha\nb.txt,Beta\n")
    write("in/documents.csv", "not an article\n")
    return tmp_path / "in"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _refused(result, *fragments: str) -> None:
    assert result.exit_code == 4, result.output
    lines = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    err = lines[0]
    for fragment in fragments:
        assert fragment in err


@pytest.mark.parametrize(
    ("option", "name"),
    [
        ("--out", "a.txt"),  # an article read
        ("--json", "manifest.csv"),  # the folder's manifest
        ("--json", "documents.csv"),  # a file of the folder that was skipped
    ],
)
def test_an_output_naming_a_file_of_the_input_folder_is_refused(folder, tmp_path, option, name):
    before = _snapshot(folder)
    args = ["--out", str(tmp_path / "r.html"), option, str(folder / name)]
    result = run(str(folder), *args[2:] if option == "--out" else args)
    _refused(result, option, "names an input file")
    assert _snapshot(folder) == before
    assert not (tmp_path / "r.html").exists()


def test_an_output_naming_an_article_given_by_name_is_refused(folder, tmp_path):
    article = folder / "a.txt"
    result = run(str(article), str(folder / "b.txt"), "--out", str(tmp_path / "r.html"),
                 "--json", str(article))  # fmt: skip
    _refused(result, "--json names an input file")
    assert article.read_text() == ARTICLE


def test_tables_naming_the_input_folder_are_refused_when_they_would_replace_a_file(
    folder, tmp_path
):
    result = run(str(folder), "--out", str(tmp_path / "r.html"), "--tables", str(folder))
    _refused(result, "--tables names an input file", "documents.csv")
    assert (folder / "documents.csv").read_text() == "not an article\n"


def test_the_answer_key_may_not_replace_an_input(folder, tmp_path):
    (folder / "r.key.json").write_text("{}")  # skipped (not an article), but an input
    result = run(str(folder), "--blind", "--out", str(folder / "r.html"))
    _refused(result, "the answer key names an input file")
    assert (folder / "r.key.json").read_text() == "{}"
    assert not (folder / "r.html").exists()


def test_the_lexicon_is_an_input_too(two_frames, folder, tmp_path):
    lexicon = two_frames / "legal.toml"
    before = lexicon.read_text()
    result = run(str(folder), "--lexicons", str(two_frames), "--out", str(lexicon))
    _refused(result, "--out names an input file")
    assert lexicon.read_text() == before


@needs_symlinks
def test_a_link_to_an_input_is_the_input(folder, tmp_path):
    (tmp_path / "r.html").symlink_to(folder / "a.txt")
    result = run(str(folder), "--out", str(tmp_path / "r.html"))
    _refused(result, "--out names an input file")
    assert (folder / "a.txt").read_text() == ARTICLE


def test_a_path_through_dot_dot_is_the_input(folder, tmp_path):
    sneaky = folder / ".." / "in" / "manifest.csv"
    result = run(str(folder), "--out", str(tmp_path / "r.html"), "--json", str(sneaky))
    _refused(result, "names an input file")


@needs_fifo
def test_an_output_that_is_a_fifo_is_refused(folder, tmp_path):
    fifo = tmp_path / "r.json"
    os.mkfifo(fifo)
    result = run(str(folder), "--out", str(tmp_path / "r.html"), "--json", str(fifo))
    _refused(result, "--json names something that is not a regular file")
    assert fifo.is_fifo()
    assert not (tmp_path / "r.html").exists()


def test_an_output_that_is_a_folder_is_refused(folder, tmp_path):
    (tmp_path / "r.html").mkdir()
    result = run(str(folder), "--out", str(tmp_path / "r.html"))
    _refused(result, "--out names a folder")


def test_a_new_file_in_the_input_folder_is_allowed_once(folder):
    """Writing beside the articles replaces nothing; but then the report is in the folder.

    A second run reads the folder again, report and all (listed as skipped):
    replacing a file of an input folder is refused whoever wrote it.
    """
    result = run(str(folder), "--out", str(folder / "report.html"))
    assert result.exit_code == 0, result.output
    assert (folder / "a.txt").read_text() == ARTICLE
    again = run(str(folder), "--out", str(folder / "report.html"))
    _refused(again, "--out names an input file")


def test_a_read_only_output_folder_is_exit_4(folder, tmp_path, monkeypatch):
    from framing.io import files

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    result = run(str(folder), "--out", str(tmp_path / "r.html"))
    _refused(result, "r.html: cannot be written (Permission denied)")


def test_check_outputs_compares_files_not_names(tmp_path):
    article = tmp_path / "A.txt"
    article.write_text("x")
    hard_link = tmp_path / "copy.txt"
    os.link(article, hard_link)
    with pytest.raises(OutputError, match="--out names an input file"):
        check_outputs([("--out", hard_link)], inputs=Inputs((tmp_path,)))
    check_outputs([("--out", tmp_path / "new.html")], inputs=Inputs((tmp_path,)))
